/**
 * Near-duplicate detection for republished stories (a wire story carried by several outlets with
 * a new headline, an added credit or a trimmed sentence).
 *
 * Candidates come from MinHash locality-sensitive hashing over character trigrams: 24 hash
 * functions in 8 bands of 3, each band stored as an indexed property. Two bodies whose trigram
 * sets have Jaccard similarity 0.8 share a band with probability 1 - (1 - 0.8^3)^8 ≈ 0.997, at 0.3
 * only ≈ 0.2; candidates are then confirmed exactly with trigram containment.
 */
export const BANDS = 8;
const ROWS = 3;
const MIN_TRIGRAMS = 30;
/** Share of the shorter body's trigrams found in the other one: a trimmed copy still counts. */
export const DUPLICATE_MIN_CONTAINMENT = 0.8;

/** Text folded for comparison: width and case unified, spaces, punctuation and symbols dropped. */
export function foldText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '');
}

export function trigrams(text: string): Set<string> {
  const chars = Array.from(foldText(text));
  const out = new Set<string>();
  for (let i = 0; i + 3 <= chars.length; i++) out.add(chars[i] + chars[i + 1] + chars[i + 2]);
  return out;
}

/** 32-bit FNV-1a with a seed folded in: fast, and independent enough across seeds for MinHash. */
function hash(s: string, seed: number): number {
  let h = (0x811c9dc5 ^ Math.imul(seed + 1, 0x9e3779b1)) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  return h >>> 0;
}

/** The band keys of a body, or null for texts too short to compare. */
export function bandKeys(text: string): string[] | null {
  const grams = trigrams(text);
  if (grams.size < MIN_TRIGRAMS) return null;
  const mins = new Array<number>(BANDS * ROWS).fill(0xffffffff);
  for (const g of grams) {
    for (let k = 0; k < mins.length; k++) {
      const v = hash(g, k);
      if (v < mins[k]) mins[k] = v;
    }
  }
  const keys: string[] = [];
  for (let b = 0; b < BANDS; b++)
    keys.push(
      mins
        .slice(b * ROWS, b * ROWS + ROWS)
        .map((v) => v.toString(36))
        .join('.'),
    );
  return keys;
}

export function containment(a: Set<string>, b: Set<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (!small.size) return 0;
  let shared = 0;
  for (const g of small) if (large.has(g)) shared++;
  return shared / small.size;
}
