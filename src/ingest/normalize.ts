/** Text clean-up shared by every input format. */

const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;

/** Unifies line breaks and spaces, drops invisible characters and the replacement characters a truncated dump leaves behind. */
export function normalizeText(raw: string): string {
  return raw
    .replace(INVISIBLE, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f]/g, ' ')
    .replace(/\u3000/g, ' ')
    .replace(/\ufffd+/g, '')
    .replace(/[ \t]+/g, ' ');
}

/** Splits normalised text into trimmed, non-empty lines. */
export function contentLines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

const CJK = /[\u3400-\u9fff]/u;
export function cjkRatio(s: string): number {
  let cjk = 0;
  let letters = 0;
  for (const ch of s) {
    if (CJK.test(ch)) cjk += 1;
    else if (/[A-Za-z]/.test(ch)) letters += 1;
  }
  // Latin letters count as a fifth of a CJK character: a word is about five letters.
  const total = cjk + letters / 5;
  return total === 0 ? 0 : cjk / total;
}

/** Normalised form for comparing lines (repeated headlines, duplicated captions). */
export const lineKey = (s: string): string =>
  s
    .replace(/[\s。.．!！?？:：…]+$/u, '')
    .replace(/\s+/g, ' ')
    .trim();

export function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const item of items) {
    const k = key(item);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(item);
  }
  return out;
}
