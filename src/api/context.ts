import DataLoader from 'dataloader';
import { forgetKnownNames, ingestArticle } from '../pipeline/ingest-articles';
import { reapplyCuration, startReapplyAll } from '../pipeline/reapply-curation';
import type { Executor, ReadStore } from '../store/executor';
import { deleteArticle, graphQueries, queries, storyQueries } from '../store';
import {
  curateAddAlias,
  curateAddRelation,
  curateBlockForm,
  curateDeleteEntity,
  curateMergeEntities,
  curateRejectRelation,
  curateRemoveAlias,
  curateRenameEntity,
  curateSetEntityType,
  curateSplitEntity,
  recordReapply,
} from '../store/curation-writes';
import { undoEdit } from '../store/edits';
import type {
  ArticleRecord,
  EntityRecord,
  KeyEntityRecord,
  MentionRecord,
  Page,
  RelatedRecord,
  RelationRecord,
  StoryLinkRecord,
  StoryRecord,
  StoryTimelinePointRecord,
} from '../store/records';
import type { StoryTimelineBy } from '../store/story-queries';
import type { EventBus } from './events';
import type { Direction } from '../store/queries';
import type { RelationType } from '../domain/types';

/**
 * Per-request loaders: every nested field of one kind is fetched with one UNWIND query per
 * request level, never one query per parent. Made anew for each request, never shared.
 */
export function createLoaders(store: ReadStore) {
  const byKey = <R extends { id: string }, V>(rows: R[], keys: readonly string[], pick: (row: R) => V, fallback: V): V[] => {
    const map = new Map(rows.map((r) => [r.id, pick(r)]));
    return keys.map((k) => map.get(k) ?? fallback);
  };
  /** One loader per distinct set of field arguments (page size, filters), made on first use. */
  const keyed = <A extends object, V>(make: (args: A) => DataLoader<string, V>) => {
    const cache = new Map<string, DataLoader<string, V>>();
    return (args: A): DataLoader<string, V> => {
      const key = JSON.stringify(args);
      let loader = cache.get(key);
      if (!loader) cache.set(key, (loader = make(args)));
      return loader;
    };
  };
  const page = (r: Page<ArticleRecord>): Page<ArticleRecord> => ({ items: r.items, totalCount: r.totalCount });
  const noPage: Page<ArticleRecord> = { items: [], totalCount: 0 };

  return {
    article: new DataLoader<string, ArticleRecord | null>(async (ids) =>
      byKey(await store.read(queries.articlesById([...ids])), ids, (r) => r.article, null),
    ),
    entity: new DataLoader<string, EntityRecord | null>(async (ids) =>
      byKey(await store.read(queries.entitiesById([...ids])), ids, (r) => r.entity, null),
    ),
    mentions: new DataLoader<string, MentionRecord[]>(async (ids) =>
      byKey(await store.read(queries.mentionsByArticle([...ids])), ids, (r) => r.mentions, []),
    ),
    articlesOf: keyed(
      ({ skip, limit }: { skip: number; limit: number }) =>
        new DataLoader<string, Page<ArticleRecord>>(async (ids) =>
          byKey(await store.read(queries.articlesByEntity({ ids: [...ids], skip, limit })), ids, page, noPage),
        ),
    ),
    relatedOf: keyed(
      ({ first }: { first: number }) =>
        new DataLoader<string, RelatedRecord[]>(async (ids) =>
          byKey(await store.read(graphQueries.relatedArticles({ ids: [...ids], first })), ids, (r) => r.related, []),
        ),
    ),
    topicParent: new DataLoader<string, EntityRecord | null>(async (ids) =>
      byKey(await store.read(graphQueries.topicParents([...ids])), ids, (r) => r.parent, null),
    ),
    topicChildren: new DataLoader<string, EntityRecord[]>(async (ids) =>
      byKey(await store.read(graphQueries.topicChildren([...ids])), ids, (r) => r.children, []),
    ),
    story: new DataLoader<string, StoryRecord | null>(async (ids) =>
      byKey(await store.read(storyQueries.storiesById([...ids])), ids, (r) => r.story, null),
    ),
    storyOfArticle: new DataLoader<string, StoryRecord | null>(async (ids) =>
      byKey(await store.read(storyQueries.storiesByArticle([...ids])), ids, (r) => r.story, null),
    ),
    storyArticles: keyed(
      ({ skip, limit, includeDuplicates }: { skip: number; limit: number; includeDuplicates: boolean }) =>
        new DataLoader<string, Page<ArticleRecord>>(async (ids) =>
          byKey(await store.read(storyQueries.storyArticles({ ids: [...ids], skip, limit, includeDuplicates })), ids, page, noPage),
        ),
    ),
    storyTimeline: keyed(
      ({ unit, by }: { unit: string; by?: StoryTimelineBy }) =>
        new DataLoader<string, StoryTimelinePointRecord[]>(async (ids) =>
          byKey(await store.read(storyQueries.storyTimeline({ ids: [...ids], unit, by })), ids, (r) => r.points, []),
        ),
    ),
    keyEntities: keyed(
      ({ first }: { first: number }) =>
        new DataLoader<string, KeyEntityRecord[]>(async (ids) =>
          byKey(await store.read(storyQueries.storyKeyEntities({ ids: [...ids], first })), ids, (r) => r.entities, []),
        ),
    ),
    follows: new DataLoader<string, StoryLinkRecord[]>(async (ids) =>
      byKey(await store.read(storyQueries.storyFollows({ ids: [...ids], direction: 'OUT' })), ids, (r) => r.links, []),
    ),
    followedBy: new DataLoader<string, StoryLinkRecord[]>(async (ids) =>
      byKey(await store.read(storyQueries.storyFollows({ ids: [...ids], direction: 'IN' })), ids, (r) => r.links, []),
    ),
    relatedStories: keyed(
      ({ first }: { first: number }) =>
        new DataLoader<string, StoryLinkRecord[]>(async (ids) =>
          byKey(await store.read(storyQueries.relatedStories({ ids: [...ids], first })), ids, (r) => r.links, []),
        ),
    ),
    relationsOf: keyed(
      ({ types, direction, first, evidence }: { types?: RelationType[]; direction: Direction; first: number; evidence: number }) =>
        new DataLoader<string, RelationRecord[]>(async (ids) =>
          byKey(
            await store.read(queries.relationsByEntity({ ids: [...ids], types, direction, first, evidence })),
            ids,
            (r) => r.relations,
            [],
          ),
        ),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** A write function of src/store or src/pipeline: the executor first, then what the caller gives. */
type WriteFn<A extends unknown[], R> = (executor: Executor, ...args: A) => Promise<R>;

/**
 * The writes the mutations may make, bound to the executor: the mutation and curation resolvers
 * get this and `store` (typed reads), never the executor itself. Each operation is the store's or
 * the pipeline's function of the same name, minus the executor argument.
 */
export function createWriteStore(executor: Executor) {
  const bound =
    <A extends unknown[], R>(write: WriteFn<A, R>) =>
    (...args: A): Promise<R> =>
      write(executor, ...args);
  /** A correction to what extraction reads (names, aliases, forms, deleted ids): the next article reads a fresh snapshot. */
  const changingNames =
    <A extends unknown[], R>(write: WriteFn<A, R>) =>
    async (...args: A): Promise<R> => {
      const result = await write(executor, ...args);
      forgetKnownNames(executor);
      return result;
    };
  return {
    ingestArticle: bound(ingestArticle),
    deleteArticle: bound(deleteArticle),
    addAlias: changingNames(curateAddAlias),
    removeAlias: changingNames(curateRemoveAlias),
    renameEntity: changingNames(curateRenameEntity),
    setEntityType: changingNames(curateSetEntityType),
    deleteEntity: changingNames(curateDeleteEntity),
    splitEntity: changingNames(curateSplitEntity),
    mergeEntities: changingNames(curateMergeEntities),
    blockForm: changingNames(curateBlockForm),
    undoEdit: changingNames(undoEdit),
    // relations are not names: extraction's snapshot stays as it is
    rejectRelation: bound(curateRejectRelation),
    addRelation: bound(curateAddRelation),
    reapplyCuration: bound(reapplyCuration),
    startReapplyAll: bound(startReapplyAll),
    recordReapply: bound(recordReapply),
  };
}

export type WriteStore = ReturnType<typeof createWriteStore>;

export interface Context {
  /** Typed reads: what every query resolver needs of the database. */
  store: ReadStore;
  /** The writes of the mutations (ingest, delete, curation), bound to the executor. */
  writes: WriteStore;
  loaders: Loaders;
  /** Whether the request carried the configured API key (write mutations need it). */
  authorized: boolean;
  /** The name of that key (security.ts, parseApiKey): who the audit trail says made an edit. */
  actor: string | null;
  /** Whether any API key is configured at all (without one, writes are refused). */
  writesEnabled: boolean;
  /** Where live updates are published (subscriptions listen on the same bus). */
  events: EventBus;
  /** The change-feed follower: after a write, `poke()` publishes it (and anything else committed). */
  changes?: { poke(): Promise<void> };
  /** Who the request counts against for rate limits (a hashed key or the client address). */
  client: string;
}
