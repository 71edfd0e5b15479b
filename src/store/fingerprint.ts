import { words } from '../domain/article-text';

/**
 * Near-duplicate detection for republished stories (a wire story carried by several outlets with
 * a new headline, an added credit or a trimmed sentence).
 *
 * Candidates come from MinHash locality-sensitive hashing over shingles: 24 hash functions in 8
 * bands of 3, each band stored as an indexed property. Two bodies whose shingle sets have Jaccard
 * similarity 0.8 share a band with probability 1 - (1 - 0.8^3)^8 ≈ 0.997, at 0.3 only ≈ 0.2;
 * candidates are then confirmed exactly with shingle containment.
 *
 * Shingles are three tokens in a row. In Chinese (and Japanese, Korean) text a token is a
 * character, which is about a word. In text written with spaces a token is a word: character
 * trigrams of English are too common to tell articles apart (two different reports in the same
 * newsroom vocabulary share most of them, and would be linked as copies).
 */
export const BANDS = 8;
const ROWS = 3;
const MIN_TRIGRAMS = 30;
/** Share of the shorter body's shingles found in the other one: a trimmed copy still counts. */
export const DUPLICATE_MIN_CONTAINMENT = 0.8;

/** Text folded for comparison: width and case unified, spaces, punctuation and symbols dropped. */
export function foldText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '');
}

/** Characters of scripts written without spaces between words. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;

const mostlyUnspaced = (folded: string): boolean => (folded.match(UNSPACED)?.length ?? 0) * 2 >= Array.from(folded).length;

/** Whether at least half of a text's folded characters are Chinese, Japanese or Korean. */
export const isUnspaced = (text: string): boolean => mostlyUnspaced(foldText(text));

/**
 * A body's shingles: character trigrams of the folded text when it is mostly Chinese, Japanese or
 * Korean (isUnspaced), else word trigrams (runs of letters and digits, NFKC and lower case).
 */
export function trigrams(text: string): Set<string> {
  const out = new Set<string>();
  const folded = foldText(text);
  if (mostlyUnspaced(folded)) {
    const chars = Array.from(folded);
    for (let i = 0; i + 3 <= chars.length; i++) out.add(chars[i] + chars[i + 1] + chars[i + 2]);
    return out;
  }
  const w = words(text);
  for (let i = 0; i + 3 <= w.length; i++) out.add(`${w[i]} ${w[i + 1]} ${w[i + 2]}`);
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

/** A body's band keys as the article properties that hold them: `band0` … `band7` (null for a text too short to compare) and `hasBands`. */
export function bandProperties(text: string): { [band: `band${number}`]: string | null; hasBands: boolean } {
  const keys = bandKeys(text);
  return {
    ...(Object.fromEntries(Array.from({ length: BANDS }, (_, k) => [`band${k}`, keys?.[k] ?? null])) as Record<
      `band${number}`,
      string | null
    >),
    hasBands: keys !== null,
  };
}

/**
 * What a band seek orders an article by (`bandAt`): its `publishedAt`, or '' when it has none,
 * so that an undated article counts as older than every dated one; null for a body too short to
 * have bands (and for stubs), which keeps the article out of the band indexes, whose entries are
 * (band key, bandAt, id): a composite index leaves out a node that lacks one of its properties.
 */
export const bandAt = (hasBands: boolean, publishedAt: string | null | undefined): string | null => (hasBands ? (publishedAt ?? '') : null);

/**
 * The newest articles a band seek reads are those published before this bound: the start of the
 * second day after the article's own, so that an original stamped a little later (another time
 * zone, a later edition) is still among them, while an archive ingested out of date order does not
 * fill a busy key's rows with articles months newer than the one looked up. No bound (the
 * largest string) for an undated article.
 */
export function bandBound(publishedAt: string | null | undefined): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(publishedAt ?? '');
  if (!day) return '\uffff';
  return new Date(Date.UTC(+day[1], +day[2] - 1, +day[3] + 2)).toISOString().slice(0, 10);
}

/** Sets `bandAt` where it is missing: on graphs written before it existed (a migration) and after an import of an older dump. */
export const FILL_BAND_AT = `
  MATCH (a:Article) WHERE a.band0 IS NOT NULL AND a.bandAt IS NULL AND coalesce(a.stub, false) = false
  CALL (a) { SET a.bandAt = coalesce(a.publishedAt, '') } IN TRANSACTIONS OF 5000 ROWS`;

export function containment(a: Set<string>, b: Set<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (!small.size) return 0;
  let shared = 0;
  for (const g of small) if (large.has(g)) shared++;
  return shared / small.size;
}
