import type { Entity, EntityType, OrganizationKind, Relation } from '../domain/types';
import type { LexEntity } from './lexicon';
import type { Token } from './segment';
import { toTraditional } from './normalize';

/** One occurrence of an entity in the article text (code-point offsets, end exclusive). */
export interface Hit {
  id: string;
  start: number;
  end: number;
  surface: string;
  /** Found in a caption rather than the article text: no offset of its own. */
  caption?: boolean;
  /** A credit of the page (byline outlet, wire tag, photo credit, dateline), not a mention in the text. */
  credit?: boolean;
}

export interface Sentence {
  start: number;
  end: number;
}

/**
 * The working state of one extraction: entities by id, their occurrences and the relations
 * found so far. Detectors add to it; index.ts turns it into an Extraction.
 */
export class DocState {
  readonly entities = new Map<string, Entity>();
  readonly hits: Hit[] = [];
  readonly relations: Relation[] = [];
  /** jieba tokens of the normalised text, kept by the Chinese pass so that topics need not tag it again. */
  tokens?: Token[];
  /** Where the article text (title + body) ends; captions may follow, read but without offsets. */
  bodyEnd = Number.POSITIVE_INFINITY;
  /** The text is Simplified Chinese: names of new entities are converted to Traditional. */
  hans = false;
  /** Spans already claimed by an entity, so that later detectors do not re-read them. */
  private readonly claimed: Uint8Array;
  /** One UTF-16 unit per code point (no surrogate pairs): a code-point span is a plain slice of the text. */
  private readonly oneUnitPerChar: boolean;

  constructor(
    readonly text: string,
    /** The text's code points: the split array, or the text itself when each is one UTF-16 unit. */
    readonly chars: string | readonly string[],
    readonly norm: string,
    readonly titleLength: number,
    readonly sentences: Sentence[],
    readonly lang: 'zh' | 'en',
  ) {
    this.claimed = new Uint8Array(chars.length + 1);
    this.oneUnitPerChar = chars.length === text.length;
  }

  surface(start: number, end: number): string {
    return this.oneUnitPerChar ? this.text.slice(start, end) : (this.chars as readonly string[]).slice(start, end).join('');
  }

  /**
   * Where the body's first line repeats the headline: pages without a headline get their lead
   * sentence as one, and that copy is the same mention, not a second one. Empty when the
   * headline is the page's own.
   */
  get headlineRepeat(): { start: number; end: number } {
    const start = this.titleLength + 2;
    if (this.titleLength > 0 && this.norm.startsWith(this.norm.slice(0, this.titleLength), start))
      return { start, end: start + this.titleLength };
    return { start: 0, end: 0 };
  }

  /** The canonical name of a new entity written at [start, end): Traditional, with 台 for 臺. */
  canonicalName(start: number, end: number): string {
    const s = this.surface(start, end);
    return (this.hans ? toTraditional(s) : s).replace(/臺/g, '台');
  }

  isClaimed(start: number, end: number): boolean {
    for (let i = start; i < end; i++) if (this.claimed[i]) return true;
    return false;
  }

  claim(start: number, end: number): void {
    for (let i = start; i < end; i++) this.claimed[i] = 1;
  }

  /** Registers (or enriches) an entity and returns it. */
  upsert(e: {
    id: string;
    type: EntityType;
    name: string;
    aliases?: string[];
    en?: string;
    iso2?: string;
    kind?: OrganizationKind;
    parentId?: string;
  }): Entity {
    const prev = this.entities.get(e.id);
    if (prev) {
      for (const a of e.aliases ?? []) if (a !== prev.name && !prev.aliases.includes(a)) prev.aliases.push(a);
      prev.en = prev.en ?? e.en;
      prev.kind = prev.kind ?? e.kind;
      return prev;
    }
    const ent: Entity = { id: e.id, type: e.type, name: e.name, aliases: [...new Set((e.aliases ?? []).filter((a) => a !== e.name))] };
    if (e.en) ent.en = e.en;
    if (e.iso2) ent.iso2 = e.iso2;
    if (e.kind) ent.kind = e.kind;
    if (e.parentId) ent.parentId = e.parentId;
    this.entities.set(e.id, ent);
    return ent;
  }

  /** Registers a lexicon entity, named in the article's language. */
  /** Ids of the entities that came from the lexicon (their names are curated, never rewritten). */
  readonly lexIds = new Set<string>();

  /**
   * The entity each lexicon entry made here, while it is still the one under that id. Aliases are
   * only ever appended and names never change, so upserting the same entry into its own entity
   * again adds nothing: a name mentioned twenty times is merged once, not twenty times.
   */
  private readonly fromLex = new Map<LexEntity, Entity>();

  upsertLex(lex: LexEntity): Entity {
    const done = this.fromLex.get(lex);
    if (done && this.entities.get(lex.id) === done) return done;
    this.lexIds.add(lex.id);
    const useEn = this.lang === 'en' && !!lex.en;
    const name = useEn ? lex.en! : lex.name;
    // the lexicon's other spellings travel with the entity, so the graph can join articles on them
    const aliases = lex.type === 'topic' ? [] : [lex.name, ...lex.aliases, ...(lex.en ? [lex.en] : [])];
    const ent = this.upsert({
      id: lex.id,
      type: lex.type,
      name,
      aliases,
      en: lex.en,
      iso2: lex.iso2,
      kind: lex.kind,
      parentId: lex.type === 'topic' ? lex.parent : undefined,
    });
    this.fromLex.set(lex, ent);
    return ent;
  }

  addHit(h: { id: string; start: number; end: number; caption?: boolean; credit?: boolean; surface?: string }): void {
    const surface = h.surface ?? this.surface(h.start, h.end);
    this.hits.push({ id: h.id, start: h.start, end: h.end, surface, caption: h.caption, credit: h.credit });
    const e = this.entities.get(h.id);
    if (e && surface !== e.name && !e.aliases.includes(surface) && surface.trim()) e.aliases.push(surface);
    if (!h.caption) this.claim(h.start, h.end);
  }

  /** Gives an entity a new id and name (a unit named after a short form, once the body is known); its hits follow. */
  rename(oldId: string, e: { id: string; name: string; aliases: string[] }): void {
    const prev = this.entities.get(oldId);
    if (!prev || oldId === e.id) return;
    this.entities.delete(oldId);
    const next = this.upsert({ ...prev, id: e.id, name: e.name, aliases: [...e.aliases, prev.name, ...prev.aliases] });
    next.aliases = next.aliases.filter((a) => a !== next.name);
    for (const h of this.hits) if (h.id === oldId) h.id = e.id;
  }

  sentenceAt(offset: number): Sentence {
    let lo = 0;
    let hi = this.sentences.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.sentences[mid].start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return this.sentences[lo] ?? { start: 0, end: this.chars.length };
  }

  sentenceText(offset: number): string {
    const s = this.sentenceAt(offset);
    return this.surface(s.start, s.end).trim();
  }

  addRelation(r: Relation): void {
    if (r.from === r.to) return;
    const dup = this.relations.find((x) => x.type === r.type && x.from === r.from && x.to === r.to && x.title === r.title);
    if (dup) {
      dup.confidence = Math.max(dup.confidence, r.confidence);
      return;
    }
    this.relations.push(r);
  }
}

/** Sentence boundaries: Chinese and English end marks and line breaks. */
export function splitSentences(chars: string | readonly string[]): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    let end = -1;
    if (c === '\n' || c === '。' || c === '！' || c === '？' || c === '!' || c === '?' || c === '；') end = i + 1;
    else if (c === '.' && (chars[i + 1] === ' ' || chars[i + 1] === '\n' || i + 1 === chars.length)) {
      // "U.S. officials" and "Dec. 30" do not end a sentence
      const prev = typeof chars === 'string' ? chars.slice(Math.max(0, i - 4), i) : chars.slice(Math.max(0, i - 4), i).join('');
      if (!/(?:^|[\s.])(?:[A-Z]|U\.S|Mr|Ms|Mrs|Dr|St|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|No|vs|Gen|Lt|Col)$/.test(prev))
        end = i + 1;
    }
    if (end > 0) {
      // a closing quote belongs to the sentence it closes
      while (end < chars.length && /[」』”"）)]/.test(chars[end])) end++;
      if (end > start) out.push({ start, end });
      start = end;
      i = end - 1;
    }
  }
  if (start < chars.length) out.push({ start, end: chars.length });
  return out;
}
