import { randomUUID } from 'node:crypto';
import { int } from 'neo4j-driver';
import type { Query } from './executor';
import type { StoryChange } from './story-writes';

/**
 * The change feed: every write that changes an article leaves a `(:Change {id, at, payload})`
 * node in the same transaction, so whichever process wrote it (the API, `newsgraph ingest`,
 * another API instance), anyone reading the graph learns of it once it commits, and of nothing
 * that rolled back. `at` is the database's clock (`timestamp()`, ms) when the statement ran;
 * transactions commit in another order than they stamp, so readers re-read a lag window and
 * skip ids they have seen (see `src/api/change-follower.ts`).
 */

export interface ArticleChange {
  kind: 'ingested';
  articleId: string;
  status: 'new' | 'updated';
  language: string | null;
  source: string | null;
  mentions: { entityId: string; salience: number }[];
  story: StoryChange | null;
}

export interface ArticleDeletion {
  kind: 'deleted';
  articleId: string;
  story: { storyId: string; deleted: boolean } | null;
}

export type ChangePayload = ArticleChange | ArticleDeletion;

/** One change in feed order. */
interface ChangeRow {
  id: string;
  at: number;
}

/** One statement per transaction for all the changes it made. */
export function recordChanges(changes: ChangePayload[]): Query {
  return {
    cypher: `
      UNWIND $changes AS c
      CREATE (:Change {id: c.id, at: timestamp(), payload: c.payload})`,
    params: { changes: changes.map((c) => ({ id: randomUUID(), payload: JSON.stringify(c) })) },
  };
}

/** Ids of the changes stamped after `since` (ms), oldest first: an index range over `at`. */
export function changesSince(options: {
  since: number;
  afterId?: string | null;
  afterAt?: number | null;
  limit: number;
}): Query<ChangeRow> {
  return {
    cypher: `
      MATCH (c:Change) WHERE c.at > $since
        AND ($afterAt IS NULL OR c.at > $afterAt OR (c.at = $afterAt AND c.id > $afterId))
      RETURN c.id AS id, c.at AS at
      ORDER BY c.at, c.id
      LIMIT $limit`,
    params: {
      since: int(Math.floor(options.since)),
      afterAt: options.afterAt == null ? null : int(options.afterAt),
      afterId: options.afterId ?? null,
      limit: int(options.limit),
    },
  };
}

/** The payloads of the given changes (by the unique id), in the order asked. */
export function changePayloads(ids: string[]): Query<{ id: string; at: number; payload: string }> {
  return {
    cypher: 'UNWIND $ids AS id MATCH (c:Change {id: id}) RETURN c.id AS id, c.at AS at, c.payload AS payload',
    params: { ids },
  };
}

/** The database's clock, so that readers on other machines share one time line. */
export const databaseNow = (): Query<{ now: number }> => ({ cypher: 'RETURN timestamp() AS now', params: {} });

/** Drops changes older than `before` (ms), a bounded number at a time. */
export function pruneChanges(before: number, limit = 5000): Query {
  return {
    cypher: 'MATCH (c:Change) WHERE c.at < $before WITH c LIMIT $limit DELETE c RETURN count(*) AS deleted',
    params: { before: int(Math.floor(before)), limit: int(limit) },
  };
}
