/**
 * Plain shapes that read queries return. The API maps them onto GraphQL types; nothing here
 * knows about GraphQL.
 */
import type { AuthorRole, EntityType, OrganizationKind, RelationType } from '../domain/types';

export interface EntityRecord {
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  nameEn: string | null;
  iso2: string | null;
  kind: OrganizationKind | null;
  mentionCount: number;
}

export interface ArticleRecord {
  id: string;
  url: string | null;
  title: string;
  source: string | null;
  site: string | null;
  publishedAt: string | null;
  language: string | null;
  lead: string | null;
  /** Left out of list rows (see ARTICLE_PROJECTION): read by id when asked for. */
  body?: string | null;
  authors: { name: string; role: AuthorRole }[];
  tags: string[];
  stub: boolean;
}

export interface MentionRecord {
  entity: EntityRecord;
  count: number;
  firstOffset: number;
  inHeadline: boolean;
  salience: number;
}

export interface EvidenceRecord {
  sentence: string;
  /** null for a relation an editor added. */
  articleId: string | null;
  confidence: number;
  editor?: string | null;
}

export interface RelationRecord {
  type: RelationType;
  from: EntityRecord;
  to: EntityRecord;
  title: string | null;
  confidence: number;
  /** The first RELATION_EVIDENCE_MAX sentences, in article order. */
  evidence: EvidenceRecord[];
  /** How many sentences show it in all. */
  evidenceCount: number;
}

export interface Page<T> {
  items: T[];
  totalCount: number;
}

export interface RelatedRecord {
  article: ArticleRecord;
  link: 'LINKS_TO' | 'DUPLICATE_OF' | 'SHARED_ENTITIES';
  score: number;
  shared: EntityRecord[];
}

export interface StoryRecord {
  id: string;
  title: string;
  titleEn: string | null;
  firstSeen: string | null;
  lastSeen: string | null;
  articleCount: number;
  copies: number;
  languages: string[];
  outlets: string[];
}

export interface StoryLinkRecord {
  story: StoryRecord;
  shared: EntityRecord[];
  evidence: string[];
  score: number;
}

export interface KeyEntityRecord {
  entity: EntityRecord;
  salience: number;
  articles: number;
}

export interface StoryTimelinePointRecord {
  bucket: string;
  key: string | null;
  articles: number;
}

export interface RelationHistoryRecord {
  type: RelationType;
  from: EntityRecord;
  to: EntityRecord;
  title: string | null;
  confidence: number;
  firstStated: string | null;
  lastStated: string | null;
  articleIds: string[];
  evidence: EvidenceRecord[];
}

/** A row of an `UNWIND $ids` loader query: the id it answers, with its fields. */
export type Keyed<T> = { id: string } & T;

/** One page of a list and the size of the whole list, from one statement. */
export interface PageRow<T> {
  totalCount: number;
  items: T[];
}

export interface SearchHitRecord {
  score: number;
  entity: EntityRecord | null;
  article: ArticleRecord | null;
}

export interface GraphEdgeRecord {
  from: string;
  to: string;
  type: RelationType;
  title: string | null;
  weight: number;
  confidence: number;
  evidence: EvidenceRecord[];
}

export interface SubgraphRecord {
  nodes: EntityRecord[];
  edges: GraphEdgeRecord[];
}

export interface PathRecord extends SubgraphRecord {
  length: number;
}

export interface CooccurrenceRecord {
  entity: EntityRecord;
  count: number;
  entityArticles: number;
  pmi: number;
  npmi: number;
  strength: number;
}

export interface TimelinePointRecord {
  bucket: string;
  /** The outlet or language of a series split `by` one of them; null otherwise. */
  key: string | null;
  articles: number;
  mentions: number;
}

/** The points of one entity as stored; the API fills empty buckets and splits by key. */
export interface EntityTimelineRecord {
  entity: EntityRecord;
  points: TimelinePointRecord[];
}

export interface TimelineSeriesRecord extends EntityTimelineRecord {
  key: string | null;
}

export interface TrendingEntityRecord {
  entity: EntityRecord;
  current: number;
  previous: number;
  score: number;
}

export interface TrendingStoryRecord {
  story: StoryRecord;
  current: number;
  previous: number;
  score: number;
}

export interface TypeCountRecord {
  type: string;
  count: number;
}

export interface StatsRecord {
  articles: number;
  firstPublished: string | null;
  lastPublished: string | null;
  entities: TypeCountRecord[];
  relations: TypeCountRecord[];
}
