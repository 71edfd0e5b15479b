import { Jieba, TfIdf } from '@node-rs/jieba';
import { dict, idf } from '@node-rs/jieba/dict';
import { getLexicon, type Lexicon } from './lexicon';

export interface Token {
  word: string;
  tag: string;
  start: number;
  end: number;
}

interface Segmenter {
  jieba: Jieba;
  tfidf: TfIdf;
  /** jieba's own dictionary: word -> [freq, tag], to tell common words from unknown names. */
  words: Map<string, { freq: number; tag: string }>;
}

let seg: Segmenter | undefined;

function loadSegmenter(lex: Lexicon): Segmenter {
  const jieba = Jieba.withDict(dict);
  // every known name in one batch: adding names one at a time changes how neighbours are cut
  const lines = lex.jiebaWords.filter((w) => w.length >= 2 && !/\s/.test(w)).map((w) => `${w} 2000 nz`);
  if (lines.length) jieba.loadDict(Buffer.from(lines.join('\n')));
  const tfidf = TfIdf.withDict(idf);
  const words = new Map<string, { freq: number; tag: string }>();
  const text = Buffer.from(dict).toString('utf8');
  for (const line of text.split('\n')) {
    const [w, f, t] = line.split(' ');
    if (w && w.length >= 2 && w.length <= 4) words.set(w, { freq: Number(f) || 0, tag: t ?? '' });
  }
  return { jieba, tfidf, words };
}

export function getSegmenter(): Segmenter {
  if (!seg) seg = loadSegmenter(getLexicon());
  return seg;
}

/** Tags normalised (Simplified) text and gives each token its offsets. */
export function tagText(norm: string): Token[] {
  const { jieba } = getSegmenter();
  const out: Token[] = [];
  let pos = 0;
  for (const t of jieba.tag(norm, true)) {
    let start = pos;
    if (norm.startsWith(t.word, pos) === false) {
      const found = norm.indexOf(t.word, pos);
      if (found < 0) continue;
      start = found;
    }
    const end = start + t.word.length;
    out.push({ word: t.word, tag: t.tag, start, end });
    pos = end;
  }
  return out;
}

export function keywords(norm: string, topK: number): { keyword: string; weight: number }[] {
  const { jieba, tfidf } = getSegmenter();
  return tfidf.extractKeywords(jieba, norm, topK, ['n', 'nz', 'vn', 'nt', 'ns', 'nr', 'x', 'l', 'j', 'eng']);
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

let idfMap: Map<string, number> | undefined;

/** jieba's inverse document frequency of a word (undefined when unknown): how specific it is. */
export function idfOf(word: string): number | undefined {
  if (!idfMap) {
    idfMap = new Map();
    for (const line of Buffer.from(idf).toString('utf8').split('\n')) {
      const sp = line.indexOf(' ');
      if (sp > 0) idfMap.set(line.slice(0, sp), Number(line.slice(sp + 1)));
    }
  }
  return idfMap.get(word);
}

export function dictEntry(word: string): { freq: number; tag: string } | undefined {
  return getSegmenter().words.get(word);
}
