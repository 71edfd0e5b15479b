import { Jieba } from '@node-rs/jieba';
import { dict, idf } from '@node-rs/jieba/dict';
import { getLexicon, type Lexicon } from './lexicon';

export interface Token {
  word: string;
  tag: string;
  start: number;
  end: number;
  /** What is known of the word itself, kept once per distinct word (see WordFacts). */
  facts: WordFacts;
}

/**
 * Facts of a word that depend on the word alone: its tag, whether only the HMM found it
 * (hmmOnly) and its IDF (idfOf). Kept in the segmenter's cache and shared by every token of
 * that word, so a pass over the tokens reads them instead of looking the word up again in
 * jieba's dictionary and IDF table (hundreds of thousands of entries) for every token.
 */
export interface WordFacts {
  tag: string;
  /** hmmOnly(word). */
  hmm: boolean;
  /** idfOf(word). */
  idf: number | undefined;
  /** Whether keywords() counts the word (isKeywordWord(word, tag, hmm)). */
  keyword: boolean;
}

interface Segmenter {
  jieba: Jieba;
  /** jieba's own dictionary: word -> [freq, tag], to tell common words from unknown names. */
  words: Map<string, { freq: number; tag: string }>;
  /** A bit per hashed pair of first two code units of `words`: a word whose bit is clear is not there (see dictEntry). */
  firstPairs: Uint32Array;
  /** The lexicon's names given to jieba as words. */
  userWords: Set<string>;
  /** Each word's tag as jieba's tag() gives it with this dictionary, with its other facts (see taggedWords). */
  facts: Map<string, WordFacts>;
}

let seg: Segmenter | undefined;

const PAIR_BITS = 1 << 23;

function pairHash(w: string): number {
  return (Math.imul(w.charCodeAt(0), 0x01000193) ^ w.charCodeAt(1)) & (PAIR_BITS - 1);
}

function loadSegmenter(lex: Lexicon): Segmenter {
  const jieba = Jieba.withDict(dict);
  // every known name in one batch: adding names one at a time changes how neighbours are cut
  const userWords = new Set(lex.jiebaWords.filter((w) => w.length >= 2 && !/\s/.test(w)));
  const lines = [...userWords].map((w) => `${w} 2000 nz`);
  if (lines.length) jieba.loadDict(Buffer.from(lines.join('\n')));
  const words = new Map<string, { freq: number; tag: string }>();
  const text = Buffer.from(dict).toString('utf8');
  for (const line of text.split('\n')) {
    const [w, f, t] = line.split(' ');
    if (w && w.length >= 2 && w.length <= 4) words.set(w, { freq: Number(f) || 0, tag: t ?? '' });
  }
  const firstPairs = new Uint32Array(PAIR_BITS >>> 5);
  for (const w of words.keys()) {
    const h = pairHash(w);
    firstPairs[h >>> 5] |= 1 << (h & 31);
  }
  return { jieba, words, firstPairs, userWords, facts: new Map() };
}

export function getSegmenter(): Segmenter {
  if (!seg) seg = loadSegmenter(getLexicon());
  return seg;
}

/**
 * jieba's tag() is its cut() plus one tag per word: the dictionary's tag of that word, else x, m
 * or eng by its characters. A word's tag therefore depends on the word alone. Across N-API the
 * tagged call costs about three times the cut (an object per token), so the words come from
 * cut() and their tags from a cache that tag() itself fills: a word not met before is tagged on
 * its own, and in the rare case it does not come back whole, the text is tagged the ordinary way
 * (and every word of it learnt).
 */
const TAG_CACHE_MAX = 200_000;

function learn(cache: Map<string, WordFacts>, word: string, tag: string): WordFacts {
  let f = cache.get(word);
  if (f === undefined || f.tag !== tag) {
    if (cache.size >= TAG_CACHE_MAX) cache.clear();
    const hmm = hmmOnly(word);
    f = { tag, hmm, idf: idfOf(word), keyword: isKeywordWord(word, tag, hmm) };
    cache.set(word, f);
  }
  return f;
}

function taggedWords({ jieba, facts: cache }: Segmenter, norm: string): { words: string[]; facts: WordFacts[] } {
  const words = jieba.cut(norm, true);
  const facts = new Array<WordFacts>(words.length);
  for (let i = 0; i < words.length; i++) {
    let f = cache.get(words[i]);
    if (f === undefined) {
      const alone = jieba.tag(words[i], true);
      if (alone.length !== 1 || alone[0].word !== words[i]) {
        // a word the HMM joined may come apart when cut alone: the whole text's tags teach it
        const all = jieba.tag(norm, true);
        return { words: all.map((t) => t.word), facts: all.map((t) => learn(cache, t.word, t.tag)) };
      }
      f = learn(cache, words[i], alone[0].tag);
    }
    facts[i] = f;
  }
  return { words, facts };
}

/** Tags normalised (Simplified) text and gives each token its offsets. */
export function tagText(norm: string): Token[] {
  const { words, facts } = taggedWords(getSegmenter(), norm);
  const out: Token[] = [];
  let pos = 0;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    let start = pos;
    if (norm.startsWith(word, pos) === false) {
      const found = norm.indexOf(word, pos);
      if (found < 0) continue;
      start = found;
    }
    const end = start + word.length;
    out.push({ word, tag: facts[i].tag, start, end, facts: facts[i] });
    pos = end;
  }
  return out;
}

/** A short Chinese word in neither jieba's dictionary nor ours: only the HMM found it. */
export function hmmOnly(word: string): boolean {
  const { words, userWords } = getSegmenter();
  return word.length <= 4 && /[\u3400-\u9fff]/.test(word) && !words.has(word) && !userWords.has(word);
}

const KEYWORD_TAGS = new Set(['n', 'nz', 'vn', 'nt', 'ns', 'nr', 'x', 'l', 'j', 'eng']);
// jieba's own keyword extractor drops these English function words
const KEYWORD_STOP = new Set(
  'the of is and to in that we for an are by be as on with can if from which you it this then at have all not one has or'.split(' '),
);

/** Whether keywords() counts a word: a noun or name of two or more characters, no stop word, found by a dictionary. */
function isKeywordWord(word: string, tag: string, hmm: boolean): boolean {
  if (!KEYWORD_TAGS.has(tag) || KEYWORD_STOP.has(word)) return false;
  // a word only the HMM found (unknown to the dictionaries) is characters to jieba's extractor
  if (hmm) return false;
  return !(word.length < 2 || (word.length === 2 && word.codePointAt(0)! > 0xffff));
}

/**
 * TF-IDF keywords of a text from its jieba tokens (the tokens the extractor already has, so the
 * text is not segmented a second time): nouns and names of two or more characters, each weighted
 * by its share of the counted words times its inverse document frequency (jieba's median for an
 * unknown word), the `topK` heaviest first. The same weighting as jieba's TfIdf.extractKeywords.
 */
export function keywords(tokens: readonly Token[], topK: number): { keyword: string; weight: number }[] {
  const tf = new Map<string, { n: number; idf: number | undefined }>();
  let total = 0;
  for (const t of tokens) {
    if (!t.facts.keyword) continue;
    const c = tf.get(t.word);
    if (c) c.n++;
    else tf.set(t.word, { n: 1, idf: t.facts.idf });
    total++;
  }
  const median = medianIdf();
  const out: { keyword: string; weight: number }[] = [];
  for (const [word, { n, idf }] of tf) out.push({ keyword: word, weight: (n * (idf ?? median)) / total });
  out.sort((a, b) => b.weight - a.weight || (a.keyword < b.keyword ? -1 : a.keyword > b.keyword ? 1 : 0));
  return out.slice(0, topK);
}

/**
 * Every entry of jieba's own dictionary (Simplified), as `cb(word, freq, tag)`. General
 * knowledge that ships with the package: the name model learns its statistics from it.
 */
export function forEachDictWord(cb: (word: string, freq: number, tag: string) => void): void {
  const text = Buffer.from(dict).toString('utf8');
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    start = end + 1;
    const a = line.indexOf(' ');
    if (a <= 0) continue;
    const b = line.indexOf(' ', a + 1);
    const word = line.slice(0, a);
    const freq = Number(b > 0 ? line.slice(a + 1, b) : line.slice(a + 1)) || 0;
    const tag = b > 0 ? line.slice(b + 1).trim() : '';
    cb(word, freq, tag);
  }
}

/** jieba's inverse document frequency of a word (undefined when unknown): how specific it is. */
export function idfOf(word: string): number | undefined {
  return idfTable().map.get(word);
}

let idfLoaded: { map: Map<string, number>; median: number } | undefined;

function idfTable(): { map: Map<string, number>; median: number } {
  if (!idfLoaded) {
    const map = new Map<string, number>();
    for (const line of Buffer.from(idf).toString('utf8').split('\n')) {
      const sp = line.indexOf(' ');
      if (sp > 0) map.set(line.slice(0, sp), Number(line.slice(sp + 1)));
    }
    const sorted = [...map.values()].sort((a, b) => a - b);
    idfLoaded = { map, median: sorted.length ? sorted[sorted.length >> 1] : 0 };
  }
  return idfLoaded;
}

function medianIdf(): number {
  return idfTable().median;
}

export function dictEntry(word: string): { freq: number; tag: string } | undefined {
  const { words, firstPairs } = getSegmenter();
  // the recognizers ask about many spans that are no word: the pair bit answers most of them
  // without hashing the span and probing a map of some 300,000 words (same answer as words.get)
  if (word.length < 2 || word.length > 4) return undefined;
  const h = pairHash(word);
  if ((firstPairs[h >>> 5] & (1 << (h & 31))) === 0) return undefined;
  return words.get(word);
}
