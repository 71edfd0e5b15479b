import type { Executor, Query } from './executor';
import { MENTION_LISTS, recountEntities } from './entity-counts';
import { RELATION_LABELS } from './labels';
import { refreshEntities } from './relation-summaries';
import { ENTITY_PROJECTION } from './projections';
import type { EntityRecord } from './records';

/** Curation writes that ingestion relies on too: merging duplicate entities (redirects) and aliases. See curation-writes.ts for the rest. */

const MOVABLE = [...Object.values(RELATION_LABELS), 'CO_OCCURS', 'SUBTOPIC_OF'];

const moveOutgoing = (type: string): Query => ({
  cypher: `
    MATCH (k:Entity {id: $keepId}), (m:Entity {id: $mergeId})
    MATCH (m)-[r:${type}]->(x) WHERE x <> k
    CREATE (k)-[r2:${type}]->(x) SET r2 = properties(r)
    DELETE r`,
  params: {},
});

const moveIncoming = (type: string): Query => ({
  cypher: `
    MATCH (k:Entity {id: $keepId}), (m:Entity {id: $mergeId})
    MATCH (x)-[r:${type}]->(m) WHERE x <> k
    CREATE (x)-[r2:${type}]->(k) SET r2 = properties(r)
    DELETE r`,
  params: {},
});

/** An article mentioning both keeps one MENTIONS edge with the counts added up. */
const moveMentions: Query = {
  cypher: `
    MATCH (k:Entity {id: $keepId}), (m:Entity {id: $mergeId})
    MATCH (a:Article)-[r:MENTIONS]->(m)
    MERGE (a)-[r2:MENTIONS]->(k)
    ON CREATE SET r2 = properties(r)
    ON MATCH SET r2.count = r2.count + r.count,
                 r2.firstOffset = CASE WHEN r.firstOffset < r2.firstOffset THEN r.firstOffset ELSE r2.firstOffset END,
                 r2.inHeadline = r2.inHeadline OR r.inHeadline,
                 r2.salience = CASE WHEN r.salience > r2.salience THEN r.salience ELSE r2.salience END
    // the lists kept beside the edges no longer match them: story assignment reads the edges
    REMOVE ${MENTION_LISTS('a')}
    DELETE r`,
  params: {},
};

/**
 * The merged entity's names become aliases of the kept one (unless the curator says they are
 * junk: then they are remembered as removed, so that ingestion never adds them) and its id redirects there, so that later ingestion of the old id lands on the kept entity.
 */
const finishMerge: Query = {
  cypher: `
    MATCH (k:Entity {id: $keepId}), (m:Entity {id: $mergeId})
    WITH k, m, CASE WHEN $keepAliases
                 THEN reduce(acc = coalesce(k.aliases, []), s IN [m.name] + coalesce(m.aliases, []) + coalesce(m.nameEn, []) |
                             CASE WHEN s IS NULL OR s IN acc OR s IN coalesce(k.removedAliases, []) THEN acc ELSE acc + s END)
                 ELSE coalesce(k.aliases, []) END AS merged
    // junk names stay out for good: later articles naming the merged id would bring them back as aliases
    SET k.removedAliases = CASE WHEN $keepAliases THEN k.removedAliases
                           ELSE reduce(acc = coalesce(k.removedAliases, []), s IN [m.name] + coalesce(m.aliases, []) + coalesce(m.nameEn, []) |
                                       CASE WHEN s IN acc OR s IN merged OR s = k.name OR s = k.nameEn THEN acc ELSE acc + s END) END
    SET k.aliases = merged, k.nameEn = CASE WHEN $keepAliases THEN coalesce(k.nameEn, m.nameEn) ELSE k.nameEn END,
        k.curatedAliases = CASE WHEN $keepAliases
                             THEN reduce(acc = coalesce(k.curatedAliases, []), s IN coalesce(m.curatedAliases, []) | CASE WHEN s IN acc THEN acc ELSE acc + s END)
                             ELSE k.curatedAliases END
    SET k.aliasText = reduce(t = '', s IN k.aliases | t + ' ' + s) + coalesce(' ' + k.nameEn, '')
    MERGE (r:Redirect {id: $mergeId}) SET r.target = $keepId
    WITH k, m
    OPTIONAL MATCH (old:Redirect {target: $mergeId})
    SET old.target = $keepId
    WITH DISTINCT k, m
    DETACH DELETE m
    RETURN ${ENTITY_PROJECTION('k')} AS entity`,
  params: {},
};

/** Credits of the merged entity become credits of the kept one. */
const moveCredits: Query = {
  cypher: `
    MATCH (k:Entity {id: $keepId}), (m:Entity {id: $mergeId})
    MATCH (a:Article)-[r:CREDITS]->(m)
    MERGE (a)-[:CREDITS]->(k)
    DELETE r`,
  params: {},
};

type Run = (q: Query) => Promise<Record<string, unknown>[]>;

/** A merge inside a transaction someone else owns; null when either entity is missing. */
export async function mergeWithin(
  run: Run,
  keepId: string,
  mergeId: string,
  options: { keepAliases?: boolean } = {},
): Promise<EntityRecord | null> {
  const params = { keepId, mergeId, keepAliases: options.keepAliases ?? true };
  const withParams = (q: Query): Query => ({ cypher: q.cypher, params });
  const found = await run({ cypher: 'MATCH (e:Entity) WHERE e.id IN [$keepId, $mergeId] RETURN e.id AS id', params });
  if (found.length < 2) return null;
  await run(withParams(moveMentions));
  await run(withParams(moveCredits));
  for (const type of MOVABLE) {
    await run(withParams(moveOutgoing(type)));
    await run(withParams(moveIncoming(type)));
  }
  // the merged entity has no mentions left: its per-day rows go, the kept one's are rebuilt
  await run(recountEntities([keepId, mergeId]));
  const [row] = await run(withParams(finishMerge));
  return row.entity as EntityRecord;
}

/**
 * A merge outside curation. The moved evidence lands under the kept entity's summaries
 * (relation-summaries.ts); an editor's merge has them recomputed over its footprint instead
 * (editInTransaction), after whatever else the edit removed.
 */
export function mergeEntities(executor: Executor, keepId: string, mergeId: string): Promise<EntityRecord | null> {
  return executor.writeTransaction(async (run) => {
    const kept = await mergeWithin(run, keepId, mergeId);
    if (kept) for (const q of refreshEntities([keepId])) await run(q);
    return kept;
  });
}

/** An editor's alias: searchable, and resolving later mentions whatever its length (see known-names.ts). */
export const addAliasQuery = (id: string, alias: string): Query => ({
  cypher: `
    MATCH (e:Entity {id: $id})
    SET e.aliases = CASE WHEN $alias IN coalesce(e.aliases, []) THEN e.aliases ELSE coalesce(e.aliases, []) + $alias END
    SET e.curatedAliases = CASE WHEN $alias IN coalesce(e.curatedAliases, []) THEN e.curatedAliases ELSE coalesce(e.curatedAliases, []) + $alias END
    SET e.removedAliases = [s IN coalesce(e.removedAliases, []) WHERE s <> $alias]
    SET e.aliasText = reduce(t = '', s IN e.aliases | t + ' ' + s) + coalesce(' ' + e.nameEn, '')
    RETURN ${ENTITY_PROJECTION('e')} AS entity`,
  params: { id, alias },
});

export async function addAlias(executor: Executor, id: string, alias: string): Promise<EntityRecord | null> {
  const [row] = await executor.write(addAliasQuery(id, alias));
  return (row?.entity as EntityRecord) ?? null;
}

/**
 * Which kinds of curation rule the graph holds at all, from the count store (no node is read):
 * most graphs have none, and then ingestion resolves no id (resolveRedirects) and checks no
 * relation against rejections.
 */
export const curationRules = (): Query => ({
  cypher: `
    CALL () { MATCH (s:ArticleRedirect) RETURN count(s) AS split }
    CALL () { MATCH (r:Redirect) RETURN count(r) AS merged }
    CALL () { MATCH (d:DeletedEntity) RETURN count(d) AS deleted }
    CALL () { MATCH (j:RejectedRelation) RETURN count(j) AS rejected }
    RETURN split + merged + deleted > 0 AS redirects, rejected > 0 AS rejections`,
  params: {},
});

/**
 * Where ingested ids point now, per article: an id split off in that article (splitEntity) to
 * its new entity, a merged id to the entity it was merged into; `deleted` when an editor deleted
 * the target. Ids nobody touched map to themselves.
 */
export const resolveRedirects = (rows: { articleId: string | null; ids: string[] }[]): Query => ({
  cypher: `
    UNWIND $rows AS row
    UNWIND row.ids AS id
    OPTIONAL MATCH (s:ArticleRedirect {id: row.articleId + '|' + id})
    WITH row, id, coalesce(s.target, id) AS step
    OPTIONAL MATCH (r:Redirect {id: step})
    WITH row, id, coalesce(r.target, step) AS target
    OPTIONAL MATCH (d:DeletedEntity {id: target})
    // ids that stay as they are come back as no row (most of them: no round trip for them)
    WITH row, id, target, d IS NOT NULL AS deleted WHERE deleted OR target <> id
    RETURN row.articleId AS articleId, id, target, deleted`,
  params: { rows },
});
