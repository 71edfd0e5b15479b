import * as OpenCC from 'opencc-js';
import { twToCnConverter } from './opencc-tables';

/**
 * Chinese text is matched in a normalised form: Simplified characters (OpenCC tw->cn is strictly
 * one code point to one code point), half-width ASCII, and exactly one UTF-16 unit per original
 * code point, so an index into the normalised string is a code-point offset into the original.
 */

let converter: ((s: string) => string) | undefined;

function toCn(s: string): string {
  // opencc-js's tw->cn on its own dictionaries, over faster tables (opencc-tables.ts)
  if (!converter) converter = twToCnConverter();
  return converter(s);
}

let toTw: ((s: string) => string) | undefined;

/**
 * Simplified -> Traditional (Taiwan) for the names of entities found in Simplified text, so that
 * an unknown name gets one canonical script (吴佩珊 and 吳佩珊 are one id). Loaded only when
 * Simplified text is met: the converter costs about 100 MB.
 */
export function toTraditional(s: string): string {
  if (!toTw) toTw = OpenCC.Converter({ from: 'cn', to: 'tw' });
  return toTw(s);
}

/** Whether a text is written in Simplified characters: most Han characters survive tw->cn unchanged and some differ from Traditional. */
export function isSimplifiedText(chars: string | readonly string[], norm: string): boolean {
  let han = 0;
  let changed = 0;
  for (let i = 0; i < chars.length; i++) {
    // a character outside the BMP starts with a surrogate, never in the range
    const code = chars[i].charCodeAt(0);
    if (code < 0x3400 || code > 0x9fff) continue;
    han++;
    if (chars[i] !== norm[i]) changed++;
  }
  // Traditional text changes under tw->cn in roughly a third of its characters; Simplified almost never
  return han > 0 && changed / han < 0.03;
}

function foldWidth(cp: number): number {
  if (cp >= 0xff01 && cp <= 0xff5e) return cp - 0xfee0;
  if (cp === 0x3000) return 0x20;
  return cp;
}

export interface NormalizedText {
  /** The original text split into code points. */
  chars: string[];
  /** Normalised text; norm[i] corresponds to chars[i]. */
  norm: string;
}

const SURROGATE = /[\ud800-\udfff]/;
const WIDE = /[\uff01-\uff5e\u3000]/g;
const foldWide = (ch: string) => String.fromCharCode(foldWidth(ch.charCodeAt(0)));

export function normalizeText(text: string): NormalizedText {
  const { chars, norm } = normalizeTextUnits(text);
  // (Array.from equals split('') when each code point is one unit, and is the faster of the two)
  return { chars: typeof chars === 'string' ? Array.from(chars) : chars, norm };
}

/**
 * normalizeText without splitting the text when it need not be: in the common case, one UTF-16
 * unit per code point on both sides, `chars` is the text itself (chars[i], .length and slices
 * read the same as on the split array), so no string is made per character.
 */
export function normalizeTextUnits(text: string): { chars: string | string[]; norm: string } {
  const conv = toCn(text);
  if (conv.length === text.length && !SURROGATE.test(text) && !SURROGATE.test(conv)) {
    return { chars: text, norm: conv.replace(WIDE, foldWide) };
  }
  const chars = Array.from(text);
  const convChars = Array.from(conv);
  // opencc-js keeps the code-point count; if a future version does not, fall back to no conversion
  const aligned = convChars.length === chars.length ? convChars : chars;
  const units = new Array<string>(chars.length);
  for (let i = 0; i < chars.length; i++) {
    let cp = aligned[i].codePointAt(0)!;
    if (cp > 0xffff) cp = chars[i].codePointAt(0)!;
    if (cp > 0xffff) cp = 0xfffd;
    units[i] = String.fromCharCode(foldWidth(cp));
  }
  return { chars, norm: units.join('') };
}

// names, aliases (English ones run past 24 characters), titles and cue words are normalised again
// and again, article after article: keep the answers, within a budget of characters
const FORM_CACHE_MAX = 100_000;
const FORM_CACHE_MAX_CHARS = 1_000_000;
const FORM_MAX_CACHED = 200;

/** The answers of `compute` for forms of up to FORM_MAX_CACHED units, emptied when it holds too many or too long ones. */
class FormCache {
  private readonly map = new Map<string, string>();
  private chars = 0;

  constructor(private readonly compute: (form: string) => string) {}

  get(form: string): string {
    if (form.length > FORM_MAX_CACHED) return this.compute(form);
    let v = this.map.get(form);
    if (v === undefined) {
      v = this.compute(form);
      if (this.map.size >= FORM_CACHE_MAX || this.chars + form.length > FORM_CACHE_MAX_CHARS) {
        this.map.clear();
        this.chars = 0;
      }
      this.map.set(form, v);
      this.chars += form.length;
    }
    return v;
  }
}

const forms = new FormCache((form) => normalizeTextUnits(form).norm);
// lower-casing Han text goes through ICU: the entity keys of every article ask it of the same aliases
const keys = new FormCache((form) => forms.get(form).toLowerCase());

/** Normalises a lexicon surface form the same way the text is normalised. */
export function normalizeForm(form: string): string {
  return forms.get(form);
}

/** `normalizeForm(form).toLowerCase()`: the form as a case-blind key. */
export function normalizeKey(form: string): string {
  return keys.get(form);
}

/** `Array.from(s).length` without making the array: a surrogate pair is one code point, a lone surrogate one too. */
export function codePointCount(s: string): number {
  if (!SURROGATE.test(s)) return s.length;
  let count = 0;
  for (let i = 0; i < s.length; i++, count++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  return count;
}

/** Share of Han characters, to tell Chinese from English articles whatever the language field says. */
export function hanRatio(text: string): number {
  let han = 0;
  let letters = 0;
  // by code unit: the two halves of a character outside the BMP are neither Han nor Latin
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)) han++;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) letters++;
  }
  return han + letters ? han / (han + letters / 5) : 0;
}
