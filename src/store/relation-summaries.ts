import type { Query } from './executor';
import { RELATION_LABELS } from './labels';

/**
 * A relation is one edge per article that shows it (with that article's sentence), so between a
 * chamber and its members there are hundreds of thousands of them. Beside them the store keeps
 * one summary edge per (type, from, to, title):
 *
 *   (from)-[:RELATED {type, title, weight, confidence}]->(to)
 *
 * `weight` counts the evidence edges, `confidence` is their highest. Reads that rank or walk
 * relations (relationsByEntity, neighborhood, paths) go over the summaries, whose number per
 * entity is bounded by its distinct partners, and read sentences only for what they return.
 *
 * Kept at write time: a new article's edges add to their summaries (ADD_TO_SUMMARIES); anything
 * that removes or moves evidence edges (clearing an article's old version, curation, undo, an
 * import) recomputes the summaries of the pairs or entities it touched from their edges.
 */
export const SUMMARY = 'RELATED';

const EVIDENCE_TYPES = Object.values(RELATION_LABELS).join('|');

/**
 * After a statement has CREATEd evidence edges `rel` from `x` to `y` (one per row), adds them to
 * their summaries. The aggregation makes one row per summary, so a pair in several articles of a
 * batch is merged once; MERGE finds the summary among the pair's few summary edges.
 */
export const ADD_TO_SUMMARIES = (x: string, y: string, rel: string): string => `
      WITH ${x}, ${y}, type(${rel}) AS type, coalesce(${rel}.title, '') AS title, count(${rel}) AS n, max(${rel}.confidence) AS c
      MERGE (${x})-[s_:${SUMMARY} {type: type, title: title}]->(${y})
      ON CREATE SET s_.weight = 0, s_.confidence = 0.0
      SET s_.weight = s_.weight + n, s_.confidence = CASE WHEN coalesce(c, 0.0) > s_.confidence THEN coalesce(c, 0.0) ELSE s_.confidence END`;

/**
 * Summaries created from scratch over the evidence edges that `match` (a MATCH of evidence edges
 * `r_` from `x` to `y`) finds: one per (x, y, type, title).
 */
const CREATE_FROM_EVIDENCE = (match: string): string => `
        ${match}
        WITH x, y, type(r_) AS type, coalesce(r_.title, '') AS title, count(r_) AS weight, coalesce(max(r_.confidence), 0.0) AS confidence
        CREATE (x)-[:${SUMMARY} {type: type, title: title, weight: weight, confidence: confidence}]->(y)`;

/** Distinct directed pairs, in a fixed order. */
const distinctPairs = (pairs: { from: string; to: string }[]): { from: string; to: string }[] => {
  const seen = new Map<string, { from: string; to: string }>();
  for (const p of pairs) if (p.from !== p.to) seen.set(`${p.from}\u0000${p.to}`, { from: p.from, to: p.to });
  return [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, p]) => p);
};

/** The summaries from `from` to `to` of every pair, again from the evidence edges between them (the pair's own edges only). */
export function refreshPairs(pairs: { from: string; to: string }[]): Query[] {
  const rows = distinctPairs(pairs);
  if (!rows.length) return [];
  return [
    {
      cypher: `UNWIND $pairs AS p MATCH (:Entity {id: p.from})-[s:${SUMMARY}]->(:Entity {id: p.to}) DELETE s`,
      params: { pairs: rows },
    },
    {
      cypher: `
        UNWIND $pairs AS p
        MATCH (x:Entity {id: p.from}), (y:Entity {id: p.to})
        CALL (x, y) { ${CREATE_FROM_EVIDENCE(`MATCH (x)-[r_:${EVIDENCE_TYPES}]->(y)`)} }`,
      params: { pairs: rows },
    },
  ];
}

/**
 * Every summary at these entities, again from their evidence edges: after curation moved or
 * removed edges of theirs. Costs the entities' relation degree, which only an editor's change
 * to a hub pays.
 */
export function refreshEntities(ids: string[]): Query[] {
  const unique = [...new Set(ids)].sort();
  if (!unique.length) return [];
  return [
    {
      cypher: `UNWIND $ids AS id MATCH (:Entity {id: id})-[s:${SUMMARY}]-() DELETE s`,
      params: { ids: unique },
    },
    {
      // outgoing from each, incoming only from entities outside the set (those write their own)
      cypher: `
        UNWIND $ids AS id
        MATCH (e:Entity {id: id})
        CALL (e) { WITH e AS x ${CREATE_FROM_EVIDENCE(`MATCH (x)-[r_:${EVIDENCE_TYPES}]->(y:Entity)`)} }
        CALL (e) { WITH e AS y ${CREATE_FROM_EVIDENCE(`MATCH (x:Entity)-[r_:${EVIDENCE_TYPES}]->(y) WHERE NOT x.id IN $ids`)} }`,
      params: { ids: unique },
    },
  ];
}

/** Every summary of the graph again, in batches (a migration, and after an import). */
export const REBUILD_SUMMARIES: string[] = [
  `MATCH ()-[s:${SUMMARY}]->() CALL (s) { DELETE s } IN TRANSACTIONS OF 10000 ROWS`,
  `MATCH (x:Entity) CALL (x) { ${CREATE_FROM_EVIDENCE(`MATCH (x)-[r_:${EVIDENCE_TYPES}]->(y:Entity)`)} } IN TRANSACTIONS OF 200 ROWS`,
];
