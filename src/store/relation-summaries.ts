import type { Query } from './executor';
import { relationLabels } from './labels';

/**
 * A relation is one edge per article that shows it (with that article's sentence), so between a
 * chamber and its members there are hundreds of thousands of them. Beside them the store keeps
 * one summary edge per (type, from, to, title):
 *
 *   (from)-[:RELATED {type, title, weight, confidence, evidence...}]->(to)
 *
 * `weight` counts the evidence edges and `confidence` is their highest. Reads that rank or walk
 * relations (relationsByEntity, neighborhood, paths) go over the summaries, whose number per
 * entity is bounded by its distinct partners. Their sentences come from the pair's evidence
 * edges while there are fewer than SUMMARY_EVIDENCE of them; from then on the first
 * SUMMARY_EVIDENCE in article order are kept on the summary, as four parallel lists (article
 * ids, sentences, confidences, editors; Neo4j stores no maps and no nulls in lists, so an
 * editor's edge, which has no article, is kept with '' and sorts last): between a president and
 * the country there are tens of thousands of edges to sort otherwise. Small pairs keep no list,
 * so that writing most relations costs no more than their count.
 *
 * Kept at write time: a new article's edges add to their summaries (ADD_TO_SUMMARIES); anything
 * that removes or moves evidence edges (clearing an article's old version, curation, undo, an
 * import) recomputes the summaries of the pairs or entities it touched from their edges.
 */
export const SUMMARY = 'RELATED';

const EVIDENCE_TYPES = relationLabels().join('|');

/**
 * Sentences kept on every summary, in article order: as many as a relation returns at most. A
 * summary of fewer edges keeps all of them, so no read goes to the evidence edges (a hub's
 * neighbourhood has dozens of small summaries, and sorting their edges cost 50 ms).
 */
export const SUMMARY_EVIDENCE = 100;

/** One sentence as a map, from an evidence edge `r`. */
const EVIDENCE_ITEM = (r: string): string =>
  `{ a: coalesce(${r}.articleId, ''), s: coalesce(${r}.evidence, ''), c: coalesce(${r}.confidence, 0.0), e: coalesce(${r}.editor, '') }`;

/** The order of the sentences: by article (an editor's, without one, last), then sentence. */
const EVIDENCE_ORDER = (v: string): string => `CASE ${v}.a WHEN '' THEN 1 ELSE 0 END, ${v}.a, ${v}.s, ${v}.c, ${v}.e`;

/** Sets the four lists of summary `s` from `items`, a list of EVIDENCE_ITEM maps already in order. */
const SET_EVIDENCE = (s: string, items: string): string =>
  `SET ${s}.evidenceArticleIds = [i IN ${items} | i.a], ${s}.evidenceSentences = [i IN ${items} | i.s],
          ${s}.evidenceConfidences = [i IN ${items} | i.c], ${s}.evidenceEditors = [i IN ${items} | i.e]`;

/** The evidence edges `ev_` of summary `s` between the nodes bound as `from` and `to`: a MATCH, for a subquery. */
const EDGES_OF = (s: string, from: string, to: string): string =>
  `MATCH (${from})-[ev_:${EVIDENCE_TYPES}]->(${to}) WHERE type(ev_) = ${s}.type AND coalesce(ev_.title, '') = ${s}.title`;

/** Keeps on summary `s` the first SUMMARY_EVIDENCE of the EVIDENCE_ITEM rows `ev`, one row per item. */
const KEEP_FIRST = (s: string, ev: string): string =>
  `WITH ${s}, ${ev} ORDER BY ${EVIDENCE_ORDER(ev)} LIMIT ${SUMMARY_EVIDENCE}
        WITH ${s}, collect(${ev}) AS items
        ${SET_EVIDENCE(s, 'items')}`;

/**
 * The first `count` (at most `limit`) sentences kept on summary `s`, as EVIDENCE_ITEM maps. The
 * four lists are read once and indexed in memory: `s.list[i]` inside the comprehension reads the
 * whole stored list again for every i (a hub's ten summaries of a hundred sentences took 70 ms
 * that way, 12 ms this way).
 */
const KEPT_ITEMS = (s: string, count: string, limit: string | null): string =>
  `[x_ IN [[${s}.evidenceArticleIds, ${s}.evidenceSentences, ${s}.evidenceConfidences, ${s}.evidenceEditors]] |
          [i IN range(0, ${count} - 1)${limit ? `[..${limit}]` : ''} | { a: x_[0][i], s: x_[1][i], c: x_[2][i], e: x_[3][i] }]][0]`;

/** A sentence as the API returns it, from its parts (Cypher expressions; '' for no article or editor). */
const AS_EVIDENCE = (a: string, s: string, c: string, e: string, editor: boolean): string =>
  `{ sentence: ${s}, articleId: CASE ${a} WHEN '' THEN null ELSE ${a} END, confidence: ${c}${
    editor ? `, editor: CASE ${e} WHEN '' THEN null ELSE ${e} END` : ''
  } }`;

/**
 * The first sentences of summary `s` from the node bound as `from` to the one bound as `to`, as
 * the API returns them (`{sentence, articleId, confidence}`, and `editor` when `editor`), at
 * most `limit` (a parameter) of them: the kept list (the pair's evidence edges for a summary
 * written before every summary kept one).
 */
export const SUMMARY_EVIDENCE_LIST = (s: string, from: string, to: string, limit: string, options: { editor: boolean }): string =>
  `CASE WHEN ${s}.evidenceArticleIds IS NULL
       THEN COLLECT { ${EDGES_OF(s, from, to)}
                      WITH ${EVIDENCE_ITEM('ev_')} AS i_ ORDER BY ${EVIDENCE_ORDER('i_')} LIMIT ${limit}
                      RETURN ${AS_EVIDENCE('i_.a', 'i_.s', 'i_.c', 'i_.e', options.editor)} }
       ELSE [i_ IN ${KEPT_ITEMS(s, `size(${s}.evidenceArticleIds)`, limit)} | ${AS_EVIDENCE('i_.a', 'i_.s', 'i_.c', 'i_.e', options.editor)}]
     END`;

/**
 * After a statement has CREATEd evidence edges `rel` from `x` to `y` (one per row), adds them to
 * their summaries. The aggregation makes one row per summary, so a pair in several articles of a
 * batch is merged once; MERGE finds the summary among the pair's few summary edges. A new
 * summary keeps the new sentences; one with a list merges them into it, unless the list is full
 * and every new one comes after its last; one written before summaries kept lists gets its list
 * from its edges.
 */
export const ADD_TO_SUMMARIES = (x: string, y: string, rel: string): string => `
      WITH ${x}, ${y}, type(${rel}) AS type, coalesce(${rel}.title, '') AS title, count(${rel}) AS n, max(${rel}.confidence) AS c,
           collect(${EVIDENCE_ITEM(rel)}) AS fresh
      MERGE (${x})-[s_:${SUMMARY} {type: type, title: title}]->(${y})
      ON CREATE SET s_.weight = 0, s_.confidence = 0.0
      SET s_.weight = s_.weight + n, s_.confidence = CASE WHEN coalesce(c, 0.0) > s_.confidence THEN coalesce(c, 0.0) ELSE s_.confidence END
      WITH ${x}, ${y}, s_, fresh, s_.weight = n AS created, coalesce(size(s_.evidenceArticleIds), -1) AS kept
      WHERE kept < ${SUMMARY_EVIDENCE}
        OR any(f IN fresh WHERE f.a <> '' AND (s_.evidenceArticleIds[kept - 1] = '' OR f.a <= s_.evidenceArticleIds[kept - 1]))
      CALL (${x}, ${y}, s_, fresh, created, kept) {
        CALL (${x}, ${y}, s_, fresh, created, kept) {
          WITH ${x}, ${y}, s_, kept WHERE kept < 0 AND NOT created
          ${EDGES_OF('s_', x, y)}
          RETURN ${EVIDENCE_ITEM('ev_')} AS ev_
          UNION ALL
          WITH s_, fresh, kept WHERE kept >= 0 OR created
          UNWIND ${KEPT_ITEMS('s_', 'kept', null)} + fresh AS ev_
          RETURN ev_
        }
        ${KEEP_FIRST('s_', 'ev_')}
      }`;

/**
 * Summaries created from scratch over the evidence edges that `match` (a MATCH of evidence edges
 * `r_` from `x` to `y`) finds: one per (x, y, type, title).
 */
const CREATE_FROM_EVIDENCE = (match: string): string => `
        ${match}
        WITH x, y, type(r_) AS type, coalesce(r_.title, '') AS title, ${EVIDENCE_ITEM('r_')} AS item, r_.confidence AS c
        ORDER BY ${EVIDENCE_ORDER('item')}
        WITH x, y, type, title, count(*) AS weight, coalesce(max(c), 0.0) AS confidence, collect(item)[..${SUMMARY_EVIDENCE}] AS items
        CREATE (x)-[s_:${SUMMARY} {type: type, title: title, weight: weight, confidence: confidence}]->(y)
        ${SET_EVIDENCE('s_', 'items')}`;

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

/** The kept list of every summary written before every summary kept one, from its evidence edges (a migration). */
export const FILL_SUMMARY_LISTS = `
  MATCH (x:Entity)-[s_:${SUMMARY}]->(y:Entity) WHERE s_.evidenceArticleIds IS NULL
  CALL (x, y, s_) {
    ${EDGES_OF('s_', 'x', 'y')}
    WITH s_, ${EVIDENCE_ITEM('ev_')} AS ev_
    ${KEEP_FIRST('s_', 'ev_')}
  } IN TRANSACTIONS OF 1000 ROWS`;

/** Every summary of the graph again, in batches (a migration, and after an import). */
export const REBUILD_SUMMARIES: string[] = [
  `MATCH ()-[s:${SUMMARY}]->() CALL (s) { DELETE s } IN TRANSACTIONS OF 10000 ROWS`,
  `MATCH (x:Entity) CALL (x) { ${CREATE_FROM_EVIDENCE(`MATCH (x)-[r_:${EVIDENCE_TYPES}]->(y:Entity)`)} } IN TRANSACTIONS OF 200 ROWS`,
];
