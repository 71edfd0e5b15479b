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
  body: string | null;
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
  evidence: EvidenceRecord[];
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
