import { headingLines, type EnToken } from './en-tokens';
import { enWord } from './en-words';
import { EN_NAME_WEIGHTS } from './weights';

export { EN_NAME_WEIGHTS };

export interface NameCandidate {
  start: number;
  end: number;
  name: string;
  score: number;
}

/** Capitalised words that never start or sit inside a person's name. */
const NOT_NAME = new Set(
  (
    'The A An In On At For But And If As By With From To Of After Before During While When This That These Those It He She They We ' +
    'His Her Their Our Its Mr Ms Mrs Dr Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July ' +
    'August September October November December Jan Feb Mar Apr Jun Jul Aug Sept Sep Oct Nov Dec According However Meanwhile Download App ' +
    'Photo Courtesy Vice Former Deputy Acting Chief Senior Junior Game Storm Typhoon Tropical Super Severe North South East West Northern ' +
    'Southern Eastern Western Central New Old Great Saint St Lord Sir Mount Lake River'
  ).split(' '),
);
const SPEECH_AFTER =
  /^(?:,? (?:said|says|told|added|noted|wrote|explained|stressed|argued|urged|warned|asked|announced|revealed|confirmed|insisted|replied|recalled|admitted|claimed|suggested|acknowledged|commented|emphasized|emphasised|contended|cautioned)\b|, (?:who|whose)\b|,? \d{1,3},)/;
const TITLE_BEFORE =
  /\b(?:film|movie|series|drama|novel|book|album|song|single|show|documentary|play|musical|titled|entitled|called|dubbed|nicknamed|exhibition|festival|award|prize)\s+["“]?$/i;
const HONORIFIC_BEFORE = /\b(?:Mr|Ms|Mrs|Miss|Dr|Prof|Professor|Sir|Dame)\.?\s$/;

/**
 * Person-name candidates in English text: runs of two or three capitalised words, each a
 * known given name or surname or no common English word, scored by the weights above. Words of
 * headings, words that are common vocabulary ("Opposition Lawmakers") and runs in quotes
 * (film and book titles) do not make people. `isName(word)` rejects words the other
 * recognisers own (titles, heads of organizations, countries).
 */
export function nameCandidates(opts: {
  text: string;
  tokens: EnToken[];
  isCountry: (word: string) => boolean;
  isReserved: (word: string) => boolean;
  /** A title ends right before this offset, followed by a comma ("chairman, "). */
  titleCommaBefore: (at: number) => boolean;
  /** A title follows after a comma ("X, chairman of ..."). */
  titleCommaAfter: (at: number) => boolean;
}): NameCandidate[] {
  const { text, tokens } = opts;
  const W = EN_NAME_WEIGHTS;
  const headings = headingLines(text, tokens);
  const nameWord = (t: EnToken) => {
    if (!t.cap || NOT_NAME.has(t.word) || opts.isReserved(t.word) || opts.isCountry(t.word)) return false;
    if (!/^\p{Lu}(?:[\p{Ll}'’]+|[\p{Ll}]*\p{Lu}[\p{Ll}]+)(?:-\p{L}[\p{Ll}]*)?$/u.test(t.word)) return false;
    const w = enWord(t.word);
    return !w.common || w.firstName || w.lastName;
  };
  const out: NameCandidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!nameWord(tokens[i]) || headings.has(tokens[i].line)) continue;
    let j = i;
    while (j + 1 < tokens.length && j - i < 2 && !tokens[j].poss && tokens[j + 1].gap === ' ' && nameWord(tokens[j + 1])) j++;
    const run = tokens.slice(i, j + 1);
    i = j;
    if (run.length < 2) continue;
    // four capitalised words in a row are an organization or a heading, not a name
    const next = tokens[j + 1];
    if (next && next.gap === ' ' && nameWord(next) && !run[run.length - 1].poss) {
      while (i + 1 < tokens.length && tokens[i + 1].gap === ' ' && nameWord(tokens[i + 1])) i++;
      continue;
    }
    const start = run[0].start;
    const end = run[run.length - 1].start + run[run.length - 1].word.length;
    let score = 0;
    const first = enWord(run[0].word);
    const last = enWord(run[run.length - 1].word);
    if (first.firstName) score += W.givenName;
    if (last.lastName) score += W.surname;
    for (const t of run) if (!enWord(t.word).common && !enWord(t.word).firstName && !enWord(t.word).lastName) score += W.unknownWord;
    const before = text.slice(Math.max(0, start - 40), start);
    const after = text.slice(end, end + 30);
    if (HONORIFIC_BEFORE.test(before)) score += W.honorific;
    if (SPEECH_AFTER.test(after)) score += W.speech;
    if (opts.titleCommaBefore(start) || opts.titleCommaAfter(end)) score += W.titleComma;
    const of = /^ of (?:the )?(\p{Lu}[\p{L}]+(?: \p{Lu}[\p{L}]+)?)/u.exec(after);
    if (of && opts.isCountry(of[1])) score += W.ofCountry;
    if (TITLE_BEFORE.test(before) || (/["“‘]$/.test(before) && /^["”’]/.test(after))) score += W.titleContext;
    if (score >= W.NAME_THRESHOLD) out.push({ start, end, name: text.slice(start, end), score });
  }
  return out;
}
