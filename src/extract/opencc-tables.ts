import * as OpenCC from 'opencc-js';
import { SurfaceTrie } from './trie';

/**
 * OpenCC's Taiwan -> Simplified conversion (opencc-js `Converter({ from: 'tw', to: 'cn' })`) run
 * on opencc-js's own dictionaries and with its algorithm, over SurfaceTrie instead of a Map per
 * node. Every article's whole text goes through it, and opencc-js walks four tries of nested
 * Maps, making an object per match; here a step is a typed-array read.
 *
 * The algorithm, as opencc-js 1.4 runs its `tw2s` config: the normalization chain converts the
 * text; the segmentation dictionary cuts it into segments (each match one segment, the text
 * between matches another); each conversion dictionary group then converts every segment on its
 * own. Converting is greedy: at each position the longest key of the group wins and is replaced
 * by its value, else one code point is copied. Within a group the first dictionary wins a key,
 * within a dictionary the last entry. A text with an ideographic description character
 * (U+2FF0-U+2FFF, which opencc-js steps over as one unit) goes to opencc-js itself.
 * `test/unit/extract/fast-paths.test.ts` checks the equality.
 */

type Dict = string | [string, string][];

interface Config {
  normalizationChain?: Dict[][];
  segmentation?: Dict[];
  conversionChain: Dict[][];
}

function entries(dict: Dict): [string, string][] {
  if (typeof dict !== 'string') return dict;
  const out: [string, string][] = [];
  for (const e of dict.split('|')) {
    const sp = e.indexOf(' ');
    // opencc-js keeps only the first two fields of "source replacement"
    const rest = e.slice(sp + 1);
    const sp2 = rest.indexOf(' ');
    out.push([e.slice(0, sp), sp2 >= 0 ? rest.slice(0, sp2) : rest]);
  }
  return out;
}

/** One dictionary group as a trie of its effective entries (first dictionary wins, then the last entry). */
function groupTrie(group: Dict[]): SurfaceTrie<string> {
  const map = new Map<string, string>();
  for (const dict of [...group].reverse()) for (const [k, v] of entries(dict)) map.set(k, v);
  const trie = new SurfaceTrie<string>();
  for (const [k, v] of map) if (k) trie.add(k, v);
  return trie;
}

/** Appends the conversion of text[start, end) by `trie` to `out`. */
function convertInto(trie: SurfaceTrie<string>, text: string, start: number, end: number, out: string[]): void {
  let run = start;
  for (let i = start; i < end;) {
    const e = trie.longestEnd(text, i, end);
    if (e >= 0) {
      if (run < i) out.push(text.slice(run, i));
      out.push(trie.lastValues![0]);
      i = e;
      run = i;
    } else i += text.codePointAt(i)! > 0xffff ? 2 : 1;
  }
  if (run < end) out.push(text.slice(run, end));
}

/** Whether `trie` matches anywhere in text[start, end), at the positions the conversion tries. */
function matchesIn(trie: SurfaceTrie<string>, text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i += text.codePointAt(i)! > 0xffff ? 2 : 1) if (trie.longestEnd(text, i, end) >= 0) return true;
  return false;
}

/**
 * Converts text[start, end) by groups[k], then groups[k + 1] ..., appending to `out`. A group
 * that changes nothing in the span hands the span on as it is (no copy): most spans of a text
 * have no variant character.
 */
function chain(groups: SurfaceTrie<string>[], k: number, text: string, start: number, end: number, out: string[]): void {
  if (k === groups.length - 1) {
    convertInto(groups[k], text, start, end, out);
    return;
  }
  if (!matchesIn(groups[k], text, start, end)) {
    chain(groups, k + 1, text, start, end, out);
    return;
  }
  const parts: string[] = [];
  convertInto(groups[k], text, start, end, parts);
  const next = parts.join('');
  chain(groups, k + 1, next, 0, next.length, out);
}

function convert(trie: SurfaceTrie<string>, text: string): string {
  if (!matchesIn(trie, text, 0, text.length)) return text;
  const out: string[] = [];
  convertInto(trie, text, 0, text.length, out);
  return out.join('');
}

/** Segment boundaries of `text` by `trie`: each match is a segment, and so is each run between matches. */
function segments(trie: SurfaceTrie<string>, text: string): number[] {
  const cuts = [0];
  let runOpen = false;
  for (let i = 0; i < text.length;) {
    const e = trie.longestEnd(text, i, text.length);
    if (e >= 0) {
      if (runOpen && cuts[cuts.length - 1] !== i) cuts.push(i);
      cuts.push(e);
      runOpen = false;
      i = e;
    } else {
      runOpen = true;
      i += text.codePointAt(i)! > 0xffff ? 2 : 1;
    }
  }
  if (cuts[cuts.length - 1] !== text.length) cuts.push(text.length);
  return cuts;
}

const IDS = /[\u2ff0-\u2fff]/;

export function twToCnConverter(): (s: string) => string {
  const config = (OpenCC.Locale as unknown as { configs: Record<string, Config> }).configs.tw2s;
  let fallback: ((s: string) => string) | undefined;
  const normalization = (config.normalizationChain ?? []).map(groupTrie);
  const segmentation = config.segmentation ? groupTrie(config.segmentation) : undefined;
  const conversion = config.conversionChain.map(groupTrie);
  return (s: string) => {
    if (IDS.test(s)) return (fallback ??= OpenCC.Converter({ from: 'tw', to: 'cn' }))(s);
    let text = s;
    for (const t of normalization) text = convert(t, text);
    const cuts = segmentation ? segments(segmentation, text) : [0, text.length];
    const out: string[] = [];
    for (let k = 0; k + 1 < cuts.length; k++) {
      if (conversion.length) chain(conversion, 0, text, cuts[k], cuts[k + 1], out);
      else out.push(text.slice(cuts[k], cuts[k + 1]));
    }
    return out.join('');
  };
}
