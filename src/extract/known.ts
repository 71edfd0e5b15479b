import type { KnownName } from '../domain/types';
import type { DocState } from './doc';
import { normalizeForm } from './normalize';
import { SurfaceTrie } from './trie';

/**
 * The names a store snapshot knows, indexed for one article after another: Chinese forms in a
 * trie over normalised text, Latin forms by their first word. Built once per snapshot.
 */
export interface KnownIndex {
  zh: SurfaceTrie<KnownName>;
  latin: Map<string, { words: string[]; name: KnownName }[]>;
}

const cache = new WeakMap<readonly KnownName[], KnownIndex>();
const HAN = /[\u3400-\u9fff]/;

export function knownIndex(known: readonly KnownName[]): KnownIndex {
  let idx = cache.get(known);
  if (idx) return idx;
  idx = { zh: new SurfaceTrie(), latin: new Map() };
  for (const k of known) {
    const surface = k.surface.trim();
    if (!surface) continue;
    if (HAN.test(surface)) {
      // one character is never enough to name something
      if ([...surface].length >= 2) idx.zh.add(normalizeForm(surface), k);
    } else if (/^[A-Za-z]/.test(surface) && surface.length >= 3) {
      const words = surface.split(/\s+/);
      const key = words[0].toLowerCase();
      idx.latin.set(key, [...(idx.latin.get(key) ?? []), { words, name: k }].sort((a, b) => b.words.length - a.words.length));
    }
  }
  cache.set(known, idx);
  return idx;
}

/**
 * Latin known names in English text, whole words, case as written; where no recognizer claimed
 * the span, the name becomes a hit of the known entity.
 */
export function addKnownLatin(doc: DocState, idx: KnownIndex): void {
  const re = /[A-Za-z][A-Za-z'’.-]*/g;
  const words: { w: string; start: number; end: number }[] = [];
  const text = doc.norm;
  for (let m = re.exec(text); m; m = re.exec(text)) words.push({ w: m[0], start: m.index, end: m.index + m[0].length });
  for (let i = 0; i < words.length; i++) {
    const cands = idx.latin.get(words[i].w.toLowerCase());
    if (!cands) continue;
    for (const c of cands) {
      const seq = words.slice(i, i + c.words.length);
      if (seq.length !== c.words.length || !seq.every((x, k) => x.w === c.words[k])) continue;
      const start = seq[0].start;
      const end = seq[seq.length - 1].end;
      // adjacent words only: "Lin Hung-yu", not "Lin ... Hung-yu"
      if (seq.some((x, k) => k > 0 && x.start - seq[k - 1].end > 1)) continue;
      if (doc.isClaimed(start, end)) break;
      upsertKnown(doc, c.name);
      doc.addHit({ id: c.name.id, start, end });
      i += c.words.length - 1;
      break;
    }
  }
}

export function upsertKnown(doc: DocState, k: KnownName): void {
  doc.upsert({ id: k.id, type: k.type, name: k.name, aliases: [k.surface] });
}
