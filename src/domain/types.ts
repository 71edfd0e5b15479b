/**
 * Plain types shared by every stage: ingest -> extract -> store <- api.
 * Nothing here imports a library; each stage converts to and from these shapes.
 */

import type { AuthorRole, EntityType, OrganizationKind, RelationType } from './vocabulary';

export type { AuthorRole, EntityType, OrganizationKind, RelationType } from './vocabulary';

export type Language = 'zh-Hant' | 'zh-Hans' | 'en' | string;

export interface Author {
  name: string;
  role: AuthorRole;
}

/** A related-story teaser found on the page ("延伸閱讀", "相關新聞"): a link, never body text. */
export interface RelatedLink {
  title: string;
  url?: string;
}

/** One article as ingestion produces it: clean body text and trustworthy metadata. */
export interface Article {
  /** Stable id: derived from the canonical URL when known, else from outlet + title + body. */
  id: string;
  url?: string;
  title: string;
  /** ISO date (YYYY-MM-DD) or date-time, when known. */
  publishedAt?: string;
  /** Outlet, e.g. "聯合報", "Focus Taiwan". */
  source?: string;
  /** Short site name, e.g. "udn", "ltn". */
  site?: string;
  authors: Author[];
  language: Language;
  /** Body paragraphs in reading order; the headline, bylines, captions and chrome are not in here. */
  paragraphs: string[];
  /** Photo captions, kept apart from the body. */
  captions: string[];
  /** The outlet's own tags (keywords line, meta keywords). */
  tags: string[];
  related: RelatedLink[];
  /**
   * Outlets and agencies the page itself names as its sources: byline outlets (聯合報／記者…),
   * wire tags ((CNA)), photo credits (鉅亨網資料照, Photo: CNA). Absent when ingest saw none.
   */
  credits?: string[];
  /** Place the story was filed from, as the dateline writes it ("記者X／台北報導" -> 台北). */
  dateline?: string;
  /** Where the article came from (file path, "stdin", ...), for error messages. */
  origin?: string;
}

export interface Entity {
  /** Stable across runs and articles, e.g. "country:TW", "person:林佳龍", "org:外交部". */
  id: string;
  type: EntityType;
  /** Canonical name in the article's language (or the lexicon's canonical form). */
  name: string;
  /** Other surface forms seen in the text or known from the lexicon. */
  aliases: string[];
  /** English name where known. */
  en?: string;
  /** ISO 3166-1 alpha-2, countries only. */
  iso2?: string;
  /** Organizations only. */
  kind?: OrganizationKind;
  /** Topics only: id of the parent topic in the taxonomy. */
  parentId?: string;
}

export interface Mention {
  entityId: string;
  count: number;
  /** Offset (code points) of the first mention in the article text (title + "\n\n" + body). */
  firstOffset: number;
  inHeadline: boolean;
  /** 0..1: how central the entity is to the article. */
  salience: number;
  /**
   * The entity is only credited by the page (the outlet of a byline, a wire tag, a photo
   * credit, a dateline place), never named in the text itself.
   */
  credit?: boolean;
}

export interface Relation {
  type: RelationType;
  /** Entity id. */
  from: string;
  /** Entity id. */
  to: string;
  /** HOLDS_ROLE only: the title as written, e.g. "外交部長". */
  title?: string;
  /**
   * The sentence that shows the relation, verbatim from the article; empty when the relation
   * is general knowledge from the lexicon (a ministry PART_OF the Executive Yuan) that the
   * article does not state.
   */
  evidence: string;
  /** 0..1 */
  confidence: number;
}

/** Sentence-level co-occurrence of two entities inside one article. */
export interface Cooccurrence {
  a: string;
  b: string;
  count: number;
}

/**
 * A name the graph already knows: an alias added by an editor, the Latin spelling of a name
 * seen once in brackets. The store hands extraction a snapshot of them, so that the next
 * article resolves the same surface form to the same entity; extraction stays pure.
 */
export interface KnownName {
  surface: string;
  id: string;
  type: EntityType;
  name: string;
  /** An editor's alias (addAlias): it also overrides what the recognizers made of the same form. */
  curated?: boolean;
}

/**
 * What editors ruled about extraction itself (see store/curation-writes.ts): surface forms
 * that never name an entity of a type (a word that is never a topic), and the ids of deleted
 * entities, which extraction must not recreate.
 */
export interface CurationRules {
  blocked: readonly { surface: string; type: EntityType }[];
  deleted: readonly string[];
}

/** The snapshot of what the graph knows: its names, and the editors' rules with them. */
export type KnownNames = readonly KnownName[] & { readonly rules?: CurationRules };

export interface ExtractOptions {
  known?: KnownNames;
}

export interface Extraction {
  entities: Entity[];
  mentions: Mention[];
  relations: Relation[];
  cooccurrences: Cooccurrence[];
}
