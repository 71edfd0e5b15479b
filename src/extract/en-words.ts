import nlp from 'compromise';

/**
 * What a single English word can be, from two word lists that ship in packages, without parsing
 * the text: wink-lexicon (about 13,000 common words with their Penn parts of speech) says
 * whether a word is common vocabulary and whether it can be a noun or an adjective;
 * compromise's own lexicon (its model, not its parser) knows given names, surnames and
 * honorifics. A capitalised word that is neither common nor a known name is most often a
 * name of some kind (Ostravik, Vellanor), which is what the name recogniser builds on.
 */
export interface EnWord {
  /** In the common-vocabulary list (opposition, committee, giant). */
  common: boolean;
  /** Mostly used as a noun. */
  noun: boolean;
  /** Can be a noun (match, finish): one after a determiner or an adjective is one. */
  nounAny: boolean;
  adj: boolean;
  verb: boolean;
  /** Can be a finite verb (posts, hits, sign): in a headline, after its subject, it is one. */
  finite: boolean;
  firstName: boolean;
  lastName: boolean;
  honorific: boolean;
}

type Tags = string | string[];

let wink: Record<string, string[]> | undefined;
let names: Record<string, Tags> | undefined;
const cache = new Map<string, EnWord>();

function load(): void {
  if (wink && names) return;
  // the common-word table only: the package's WordNet files are much larger and not needed here
  wink = require('wink-lexicon/src/lexicon.js') as Record<string, string[]>;
  names = (nlp.model() as { one: { lexicon: Record<string, Tags> } }).one.lexicon;
}

const has = (t: Tags | undefined, tag: string) => (Array.isArray(t) ? t.includes(tag) : t === tag);

/** Word classes of one word (case-insensitive). Unknown words read as nouns, like a tagger's default. */
export function enWord(word: string): EnWord {
  const lower = word.toLowerCase();
  const hit = cache.get(lower);
  if (hit) return hit;
  load();
  const pos = Object.prototype.hasOwnProperty.call(wink!, lower) ? wink![lower] : undefined;
  const nt = Object.prototype.hasOwnProperty.call(names!, lower) ? names![lower] : undefined;
  const firstName = has(nt, 'FirstName') || has(nt, 'MaleName') || has(nt, 'FemaleName');
  const lastName = has(nt, 'LastName');
  const common = !!pos && !pos.every((p) => p === 'NNP' || p === 'NNPS');
  // wink lists a word's parts of speech most frequent first: the first is how the word is mostly used
  const primary = pos?.[0] ?? fallbackTag(lower, nt);
  const dateWord = ['Date', 'Duration', 'WeekDay', 'Month'].some((t) => has(nt, t));
  const info: EnWord = {
    common,
    noun: primary.startsWith('NN') && !dateWord,
    nounAny: !dateWord && (primary.startsWith('NN') || (!!pos && pos.some((p) => p.startsWith('NN')))),
    // a noun or a gerund that is also listed as an adjective modifies the next noun (record exports, winning percentage)
    adj: primary.startsWith('JJ') || ((primary.startsWith('NN') || primary === 'VBG') && !!pos && pos.some((p) => p.startsWith('JJ'))),
    verb: primary.startsWith('VB') || primary === 'MD',
    finite: !!pos && pos.some((p) => p === 'VBZ' || p === 'VBP' || p === 'VBD'),
    firstName,
    lastName,
    honorific: has(nt, 'Honorific'),
  };
  cache.set(lower, info);
  return info;
}

const VERB_TAGS = ['Infinitive', 'PastTense', 'PresentTense', 'Gerund', 'Participle', 'Verb', 'Modal'];

/** A word wink does not list: compromise's lexicon tag, else its ending (-ed, -ize are verbs), else a noun. */
function fallbackTag(lower: string, nt: Tags | undefined): string {
  if (VERB_TAGS.some((t) => has(nt, t))) return 'VB';
  if (has(nt, 'Adjective') || has(nt, 'Comparative') || has(nt, 'Superlative')) return 'JJ';
  if (has(nt, 'Adverb')) return 'RB';
  if (/(?:[^e]ed|ied|ized|ised|ize|ise|ify)$/.test(lower)) return 'VB';
  if (/(?:ous|ive|ful|less|ical|able|ible)$/.test(lower)) return 'JJ';
  if (/ly$/.test(lower) && lower.length > 4) return 'RB';
  return 'NN';
}
