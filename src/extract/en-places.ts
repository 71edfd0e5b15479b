import type { Entity } from '../domain/types';
import type { EnToken } from './en-tokens';
import { enWord } from './en-words';

/** Prepositions of place: "at X, Finland", "in X, New York", "near X in Y". */
const PLACE_PREPS = new Set(['in', 'at', 'near', 'from', 'outside', 'into', 'toward', 'towards', 'across', 'around', 'inside']);

export interface PlaceCandidate {
  start: number;
  end: number;
  name: string;
}

/**
 * Places by grammar: one to three capitalised words that are no common vocabulary and no given
 * name, after a preposition of place and before a known place or country ("at Harbor Arena in
 * Tampere", "in Tampere, Finland", "in Albany, New York"). `areaAt(offset)` is the place or
 * country already found at an offset.
 */
export function contextPlaces(opts: {
  text: string;
  tokens: EnToken[];
  areaAt: (start: number) => Entity | undefined;
  isFree: (s: { start: number; end: number }) => boolean;
}): PlaceCandidate[] {
  const { text, tokens } = opts;
  const out: PlaceCandidate[] = [];
  const nameLike = (t: EnToken) => t.cap && !enWord(t.word).common && !enWord(t.word).firstName && /^\p{Lu}[\p{L}'’\-]+$/u.test(t.word);
  for (let i = 1; i < tokens.length; i++) {
    if (!PLACE_PREPS.has(tokens[i - 1].text) || tokens[i].gap !== ' ' || !nameLike(tokens[i])) continue;
    let j = i;
    while (j + 1 < tokens.length && j - i < 2 && !tokens[j].poss && tokens[j + 1].gap === ' ' && nameLike(tokens[j + 1])) j++;
    const last = tokens[j];
    const sp = { start: tokens[i].start, end: last.start + last.word.length };
    const next = tokens[j + 1];
    if (!next || !opts.isFree(sp)) continue;
    // ", Finland" / " in Tampere": the next name must be a known area
    const chained =
      (next.gap === ', ' && !!opts.areaAt(next.start)) ||
      (next.gap === ' ' && next.text === 'in' && tokens[j + 2]?.gap === ' ' && !!opts.areaAt(tokens[j + 2].start));
    if (chained) out.push({ ...sp, name: text.slice(sp.start, sp.end) });
    i = j;
  }
  return out;
}
