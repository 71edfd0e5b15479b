import type { EntityType, KnownName, KnownNames } from '../domain/types';
import type { DocState } from './doc';
import type { Lexicon } from './lexicon';
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

export function knownIndex(known: readonly KnownName[], lex: Lexicon): KnownIndex {
  let idx = cache.get(known);
  if (idx) return idx;
  idx = { zh: new SurfaceTrie(), latin: new Map() };
  for (const k of known) {
    // the lexicon's own entities are known to the recognizers already, with their roles
    if (lex.byId.has(k.id)) continue;
    // a topic's alias only overrides what the topic pass found (obeyCuration), it recognizes nothing
    if (k.type === 'topic') continue;
    const surface = k.surface.trim();
    if (!surface) continue;
    if (HAN.test(surface)) {
      // one character is never enough to name something
      if ([...surface].length >= 2) idx.zh.add(normalizeForm(surface), k);
    } else if (/^[A-Za-z]/.test(surface) && surface.length >= 3) {
      const words = surface.split(/\s+/);
      const key = words[0].toLowerCase();
      idx.latin.set(
        key,
        [...(idx.latin.get(key) ?? []), { words, name: k }].sort((a, b) => b.words.length - a.words.length),
      );
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
      // adjacent words only: "Kao Shu-fen", not "Kao ... Shu-fen"
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

/** The editors' rules of one snapshot, indexed: blocked forms per type, deleted ids, curated aliases. */
interface CurationIndex {
  blocked: Set<string>;
  deleted: Set<string>;
  aliases: Map<string, KnownName>;
}

const curationCache = new WeakMap<KnownNames, CurationIndex | null>();

/** How editors' forms compare with the text's: Traditional/Simplified folded, Latin case ignored. */
export const curationForm = (surface: string): string => normalizeForm(surface.trim()).toLowerCase();

const blockKey = (type: EntityType, form: string): string => `${type}\u0000${form}`;

function curationIndex(known: KnownNames): CurationIndex | null {
  const hit = curationCache.get(known);
  if (hit !== undefined) return hit;
  const aliases = new Map<string, KnownName>();
  for (const k of known) if (k.curated) aliases.set(curationForm(k.surface), k);
  const rules = known.rules;
  const idx =
    aliases.size || rules?.blocked.length || rules?.deleted.length
      ? {
          blocked: new Set((rules?.blocked ?? []).map((b) => blockKey(b.type, curationForm(b.surface)))),
          deleted: new Set(rules?.deleted ?? []),
          aliases,
        }
      : null;
  curationCache.set(known, idx);
  return idx;
}

/**
 * Applies the editors' rules to what the recognizers found, before mentions are counted: a form
 * blocked for a type names nothing of that type, a deleted entity stays deleted, and a form an
 * editor gave to an entity as an alias names that entity whatever a recognizer made of it.
 */
export function obeyCuration(doc: DocState, known: KnownNames): void {
  const idx = curationIndex(known);
  if (!idx) return;
  const moved = new Map<string, string>();
  let kept = 0;
  for (const h of doc.hits) {
    const e = doc.entities.get(h.id);
    if (!e || idx.deleted.has(e.id) || idx.blocked.has(blockKey(e.type, curationForm(e.name)))) continue;
    const form = curationForm(h.surface);
    if (idx.blocked.has(blockKey(e.type, form))) continue;
    const owner = idx.aliases.get(form);
    if (owner && owner.id !== h.id && !idx.deleted.has(owner.id)) {
      upsertKnown(doc, owner);
      moved.set(h.id, owner.id);
      h.id = owner.id;
    }
    doc.hits[kept++] = h;
  }
  doc.hits.length = kept;
  // relations of an entity whose every mention an alias took over follow it
  const present = new Set(doc.hits.map((h) => h.id));
  for (const r of doc.relations) {
    if (!present.has(r.from)) r.from = moved.get(r.from) ?? r.from;
    if (!present.has(r.to)) r.to = moved.get(r.to) ?? r.to;
  }
  const relations = doc.relations.filter((r) => r.from !== r.to);
  doc.relations.splice(0, doc.relations.length, ...relations);
}
