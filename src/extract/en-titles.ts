import type { Lexicon, TitleDef } from './lexicon';

let index: { lex: Lexicon; byLast: Map<string, TitleDef[]> } | undefined;

/** Titles by their last word, longest first, so that a lookup at a name reads back once. */
function titlesByLast(lex: Lexicon): Map<string, TitleDef[]> {
  if (index?.lex === lex) return index.byLast;
  const byLast = new Map<string, TitleDef[]>();
  for (const t of lex.titlesEn) {
    const last = t.title.split(' ').pop()!;
    byLast.set(last, [...(byLast.get(last) ?? []), t]);
  }
  for (const list of byLast.values()) list.sort((a, b) => b.title.length - a.title.length);
  index = { lex, byLast };
  return byLast;
}

export interface TitleBefore {
  def: TitleDef;
  /** Offset where the title starts. */
  start: number;
  /** The title as written ("Coach" for the lexicon's "coach" at the start of a sentence). */
  written: string;
}

/**
 * The longest title written right before `at` ("Foreign Minister ", "CWA forecaster "). A title
 * at the start of a sentence is capitalised whatever its case in the list ("Coach Vost said").
 */
export function titleBefore(lex: Lexicon, text: string, at: number, sep: ' ' | ', ' = ' '): TitleBefore | undefined {
  // text.slice(0, at).endsWith(sep) without copying the text before `at` (asked at every name)
  const prefixEnd = at < 0 ? Math.max(0, text.length + at) : Math.min(at, text.length);
  if (!(prefixEnd >= sep.length) || !text.startsWith(sep, prefixEnd - sep.length)) return undefined;
  at -= sep.length - 1;
  const lastWord = /([\p{L}\-.]+) $/u.exec(text.slice(Math.max(0, at - 40), at - 1) + ' ')?.[1];
  if (!lastWord) return undefined;
  const by = titlesByLast(lex);
  const cands = [...(by.get(lastWord) ?? []), ...(by.get(lastWord.toLowerCase()) ?? [])].sort((a, b) => b.title.length - a.title.length);
  for (const def of cands) {
    const start = at - 1 - def.title.length;
    if (start < 0) continue;
    const written = text.slice(start, at - 1);
    const exact = written === def.title;
    const initialCap =
      !exact &&
      written === def.title[0].toUpperCase() + def.title.slice(1) &&
      sentenceStart(text, start) &&
      !lex.titlesEn.some((t) => t.title === written);
    if (!exact && !initialCap) continue;
    // "vice president" is not "president": the title starts at a word boundary
    if (start > 0 && /[\p{L}\-]/u.test(text[start - 1])) continue;
    return { def, start, written };
  }
  return undefined;
}

function sentenceStart(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 3), at);
  return at === 0 || /(?:^|[.!?]["”’]?\s|\n\s*|["“]\s?)$/.test(before);
}
