import type { Query } from './executor';

/**
 * Per-entity counts kept at write time, so that no read recounts a busy entity's edges:
 * `mentionCount` is the number of articles that mention the entity, near-duplicate copies
 * (DUPLICATE_OF) left out. Ingestion keeps it by adding and subtracting as mentions come and go
 * (article-writes.ts); editors' changes, undo and import, which move many edges at once,
 * recount the few entities they touched with `recountEntities`.
 */

/** The count from the graph itself, for the entity bound as `v` (what the stored count must equal). */
export const MENTION_COUNT = (v: string): string =>
  `COUNT { (${v})<-[:MENTIONS]-(counted_:Article) WHERE NOT EXISTS { (counted_)-[:DUPLICATE_OF]->() } }`;

export const recountEntities = (ids: string[]): Query => ({
  cypher: `
    UNWIND $ids AS id
    MATCH (e:Entity {id: id})
    SET e.mentionCount = ${MENTION_COUNT('e')}`,
  params: { ids: [...new Set(ids)] },
});

/** Every entity, in batches (a migration, or after an import); runs outside an explicit transaction. */
export const RECOUNT_ALL = `MATCH (e:Entity) CALL (e) { SET e.mentionCount = ${MENTION_COUNT('e')} } IN TRANSACTIONS OF 2000 ROWS`;
