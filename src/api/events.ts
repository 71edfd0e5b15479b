import { createPubSub } from '@graphql-yoga/subscription';
import type { PubSub } from 'type-graphql';
import type { ItemResult } from '../pipeline/ingest-articles';
import type { DeleteResult } from '../store/article-writes';
import type { ChangePayload } from '../store/change-feed';

/**
 * Live updates go through this publish/subscribe interface (type-graphql's PubSub). The default
 * is in-process: events reach the subscribers of this API instance. What is published comes
 * from the change feed in Neo4j (`ChangeFollower`), so writes of any process are heard. A
 * shared engine (Redis through graphql-redis-subscriptions, wrapped with `fromPubSubEngine`)
 * can replace the in-process one; see the README for how instances then divide the work.
 */
export type EventBus = PubSub;

export const TOPICS = {
  ARTICLE_INGESTED: 'ARTICLE_INGESTED',
  STORY_UPDATED: 'STORY_UPDATED',
  ENTITY_MENTIONED: 'ENTITY_MENTIONED',
} as const;

export interface ArticleIngestedPayload {
  articleId: string;
  status: string;
  storyId: string | null;
  language: string | null;
  source: string | null;
  entityIds: string[];
}

export type StoryChangeName = 'CREATED' | 'JOINED' | 'MERGED' | 'UPDATED' | 'ARTICLE_REMOVED' | 'DELETED';

export interface StoryUpdatedPayload {
  /** The story the event is about; for a merged-away story its old id. */
  storyId: string;
  change: StoryChangeName;
  /** Where the story is now (the kept story after a merge; null once deleted). */
  currentId: string | null;
  articleId: string | null;
  mergedIds: string[];
  language: string | null;
  source: string | null;
  entityIds: string[];
}

export interface EntityMentionedPayload {
  entityId: string;
  articleId: string;
  salience: number;
}

export function createInProcessEvents(): EventBus {
  // type-graphql hands topics over as plain strings (TOPICS, with an optional id): yoga's PubSub
  // keys them the same way at run time (`topic:id` when an id is given, else the topic alone)
  const bus = createPubSub<Record<string, [string | number, unknown]>>();
  return {
    publish: (routingKey: string, ...args: unknown[]) => bus.publish(routingKey, ...(args as [string | number, unknown])),
    subscribe: (routingKey: string, dynamicId?: unknown) => bus.subscribe(routingKey, dynamicId as string | number),
  };
}

/** The few methods of a graphql-subscriptions PubSubEngine (RedisPubSub, for one) that we use. */
export interface PubSubEngineLike {
  publish(trigger: string, payload: unknown): Promise<void>;
  asyncIterableIterator<T>(triggers: string | readonly string[]): AsyncIterableIterator<T>;
}

/**
 * Adapts a graphql-subscriptions engine (e.g. RedisPubSub) to the EventBus interface: for deployers
 * wiring their own bus into startApiServer, so nothing in this repository calls it.
 * @public
 */
export function fromPubSubEngine(engine: PubSubEngineLike): EventBus {
  const key = (topic: string, id?: unknown): string => (id === undefined ? topic : `${topic}:${String(id)}`);
  return {
    publish(topic: string, ...args: unknown[]): void {
      const [id, payload] = args.length > 1 ? args : [undefined, args[0]];
      void engine.publish(key(topic, id), payload);
    },
    subscribe(topic: string, id?: unknown): AsyncIterable<unknown> {
      return engine.asyncIterableIterator(key(topic, id));
    },
  };
}

/** Publishes what one write recorded in the change feed: the article, its story, its entities. */
export function publishChange(bus: EventBus, change: ChangePayload): void {
  if (change.kind === 'deleted') {
    if (!change.story) return;
    const gone = change.story.deleted;
    bus.publish(TOPICS.STORY_UPDATED, {
      storyId: change.story.storyId,
      currentId: gone ? null : change.story.storyId,
      change: gone ? 'DELETED' : 'ARTICLE_REMOVED',
      articleId: change.articleId,
      mergedIds: [],
      language: null,
      source: null,
      entityIds: [],
    } satisfies StoryUpdatedPayload);
    return;
  }
  const story = change.story;
  const base = {
    articleId: change.articleId,
    language: change.language,
    source: change.source,
    entityIds: change.mentions.map((m) => m.entityId),
  };
  bus.publish(TOPICS.ARTICLE_INGESTED, {
    ...base,
    status: change.status,
    storyId: story?.storyId ?? null,
  } satisfies ArticleIngestedPayload);
  if (story) {
    const kind: StoryChangeName =
      story.kind === 'created' ? 'CREATED' : story.kind === 'merged' ? 'MERGED' : story.kind === 'joined' ? 'JOINED' : 'UPDATED';
    bus.publish(TOPICS.STORY_UPDATED, {
      ...base,
      storyId: story.storyId,
      currentId: story.storyId,
      change: kind,
      mergedIds: story.mergedIds,
    } satisfies StoryUpdatedPayload);
    for (const old of story.mergedIds) {
      bus.publish(TOPICS.STORY_UPDATED, {
        ...base,
        storyId: old,
        currentId: story.storyId,
        change: 'MERGED',
        mergedIds: story.mergedIds,
      } satisfies StoryUpdatedPayload);
    }
    if (story.leftStoryId) {
      const gone = Boolean(story.leftStoryDeleted);
      bus.publish(TOPICS.STORY_UPDATED, {
        ...base,
        storyId: story.leftStoryId,
        currentId: gone ? null : story.leftStoryId,
        change: gone ? 'DELETED' : 'ARTICLE_REMOVED',
        mergedIds: [],
      } satisfies StoryUpdatedPayload);
    }
  }
  for (const m of change.mentions)
    bus.publish(TOPICS.ENTITY_MENTIONED, m.entityId, {
      entityId: m.entityId,
      articleId: change.articleId,
      salience: m.salience,
    } satisfies EntityMentionedPayload);
}

/** Publishes what one ingested article changed, straight from the ingest result (no change feed). */
export function publishIngested(bus: EventBus, item: ItemResult): void {
  if (!item.id || (item.status !== 'new' && item.status !== 'updated')) return;
  publishChange(bus, {
    kind: 'ingested',
    articleId: item.id,
    status: item.status,
    language: item.language ?? null,
    source: item.source ?? null,
    mentions: item.mentions ?? [],
    story: item.story ?? null,
  });
}

/** Publishes the story change of a deleted article, straight from the delete result. */
export function publishDeleted(bus: EventBus, result: DeleteResult): void {
  publishChange(bus, { kind: 'deleted', articleId: result.id, story: result.story ?? null });
}
