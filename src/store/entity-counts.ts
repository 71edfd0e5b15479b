import type { Query } from './executor';

/**
 * Per-entity counts kept at write time, so that no read recounts a busy entity's edges:
 *
 * - `mentionCount` is the number of articles that mention the entity, near-duplicate copies
 *   (DUPLICATE_OF) left out;
 * - `(:EntityDay {key, entityId, day, outlet, language, copy, articles, mentions})` is one node
 *   per entity and (publishedDate, outlet, language, copy or not) of the dated articles that
 *   mention it: `articles` of them, `mentions` the sum of their MENTIONS.count. Timelines and
 *   trending read these rows instead of the entity's MENTIONS (graph-queries.ts). A dated
 *   article records what it was credited as in `countedIn` (the key without the entity id), so
 *   that clearing it subtracts exactly what was added, even after its properties were
 *   overwritten. A row that reaches 0 articles is deleted.
 * - `(:EntityTotal {key, entityId, grain, start, copy, articles, mentions})` adds up an entity's
 *   EntityDay rows over outlets and languages, per day (`grain` 'day', `start` the day) and per
 *   week (`grain` 'week', `start` its Monday): trending reads a window's whole weeks and days from
 *   these, a few rows per entity instead of one per day, outlet and language.
 *
 * Ingestion keeps both by adding and subtracting as mentions come and go (article-writes.ts);
 * editors' changes, undo and import, which move many edges at once, recount the few entities
 * they touched with `recountEntities` (or everything, `RECOUNT_ALL`).
 */

/**
 * An article's mentions as two lists beside its MENTIONS edges, `mentionEntityIds` and
 * `mentionSaliences` (same order), written with the edges by ingestion (writeMentions) so that
 * story assignment reads a candidate's entities in two property reads. Any other writer that
 * moves or recreates an article's MENTIONS removes them (`REMOVE ${MENTION_LISTS('a')}`), and
 * readers fall back to the edges where they are absent.
 */
export const MENTION_LISTS = (v: string): string => `${v}.mentionEntityIds, ${v}.mentionSaliences`;

/** The article bound as `v`'s mentions read from its edges, as `[entity id, salience]` pairs: what MENTION_LISTS holds, by the long way. */
export const MENTION_PAIRS = (v: string): string => `[(${v})-[m_:MENTIONS]->(e_:Entity) | [e_.id, coalesce(m_.salience, 0.0)]]`;

/** The count from the graph itself, for the entity bound as `v` (what the stored count must equal). */
export const MENTION_COUNT = (v: string): string =>
  `COUNT { (${v})<-[:MENTIONS]-(counted_:Article) WHERE NOT EXISTS { (counted_)-[:DUPLICATE_OF]->() } }`;

/** Separates the parts of an EntityDay key: a control character no id, outlet or language holds (a Cypher literal). */
const SEP = "'\\u001f'";

/**
 * An EntityDay suffix (the key without the entity id) from its parts, each a Cypher expression:
 * the day, outlet, language and copy flag ('1' for a copy, '0' otherwise), joined by SEP. The one
 * place that says how a suffix is made; APPLY_DAY_DELTAS and BUILD_DAYS split it back in this order.
 */
export const SUFFIX_OF = (parts: { day: string; outlet: string; language: string; copy: string }): string =>
  `${parts.day} + ${SEP} + ${parts.outlet} + ${SEP} + ${parts.language} + ${SEP} + ${parts.copy}`;

/**
 * What the article bound as `v` is credited as (SUFFIX_OF its day, outlet, language and whether
 * it is a copy); null for undated articles and stubs, which timelines and trending never count.
 */
export const DAY_SUFFIX = (v: string): string =>
  `CASE WHEN ${v}.publishedDate IS NULL OR ${v}.stub = true THEN null
        ELSE ${SUFFIX_OF({
          day: `toString(${v}.publishedDate)`,
          outlet: `coalesce(${v}.source, ${v}.site, 'unknown')`,
          language: `coalesce(${v}.language, 'unknown')`,
          copy: `CASE WHEN EXISTS { (${v})-[:DUPLICATE_OF]->() } THEN '1' ELSE '0' END`,
        })} END`;

/** The suffix (a Cypher expression, possibly null) with its copy flag set to '0': what a released copy is credited as. */
export const AS_ORIGINAL = (suffix: string): string =>
  `CASE WHEN ${suffix} IS NULL THEN null ELSE ${SUFFIX_OF({
    day: `split(${suffix}, ${SEP})[0]`,
    outlet: `split(${suffix}, ${SEP})[1]`,
    language: `split(${suffix}, ${SEP})[2]`,
    copy: "'0'",
  })} END`;

/**
 * Applies a list (a Cypher expression) of `{ entityId, suffix, articles, mentions }` changes to
 * the EntityDay rows: one MERGE per key, in key order (so that concurrent writers lock busy rows
 * in one order), rows left with no article deleted. It ends the query (no RETURN).
 */
export const APPLY_DAY_DELTAS = (list: string): string => `
    WITH ${list} AS deltas_
    CALL (deltas_) {
      UNWIND deltas_ AS delta_
      WITH delta_.entityId AS entityId, delta_.suffix AS suffix, sum(delta_.articles) AS articles, sum(delta_.mentions) AS mentions
      WITH entityId + ${SEP} + suffix AS key, entityId, split(suffix, ${SEP}) AS parts, articles, mentions
      ORDER BY key
      MERGE (day_:EntityDay {key: key})
      ON CREATE SET day_.entityId = entityId, day_.day = date(parts[0]), day_.outlet = parts[1], day_.language = parts[2],
                    day_.copy = parts[3] = '1', day_.articles = articles, day_.mentions = mentions
      ON MATCH SET day_.articles = day_.articles + articles, day_.mentions = day_.mentions + mentions
      WITH day_ WHERE day_.articles <= 0
      DELETE day_
    }
    CALL (deltas_) {
      UNWIND deltas_ AS delta_
      WITH delta_, split(delta_.suffix, ${SEP}) AS parts
      ${BY_GRAIN('date(parts[0])')}
      WITH delta_.entityId AS entityId, grain_[0] AS grain, grain_[1] AS start, parts[3] = '1' AS copy,
           sum(delta_.articles) AS articles, sum(delta_.mentions) AS mentions
      WITH ${TOTAL_KEY('entityId', 'grain', 'start', 'copy')} AS key, entityId, grain, start, copy, articles, mentions
      ORDER BY key
      MERGE (total_:EntityTotal {key: key})
      ON CREATE SET total_.entityId = entityId, total_.grain = grain, total_.start = start, total_.copy = copy,
                    total_.articles = articles, total_.mentions = mentions
      ON MATCH SET total_.articles = total_.articles + articles, total_.mentions = total_.mentions + mentions
      WITH total_ WHERE total_.articles <= 0
      DELETE total_
    }`;

/** A row per grain of the day `day` (a Cypher date): `grain_` is ['day', the day], then ['week', its Monday]. */
const BY_GRAIN = (day: string): string => `UNWIND [['day', ${day}], ['week', date.truncate('week', ${day})]] AS grain_`;

/** The key of an EntityTotal row from its parts (Cypher expressions; `copy` a boolean). */
const TOTAL_KEY = (entityId: string, grain: string, start: string, copy: string): string =>
  `${entityId} + ${SEP} + ${grain} + ${SEP} + toString(${start}) + ${SEP} + CASE WHEN ${copy} THEN '1' ELSE '0' END`;

/**
 * The EntityTotal rows of the entity bound as `v`, from its EntityDay rows (a unit subquery body;
 * the entity's old totals must be gone).
 */
const BUILD_TOTALS = (v: string): string => `
      MATCH (d_:EntityDay {entityId: ${v}.id}) WHERE d_.day IS NOT NULL
      ${BY_GRAIN('d_.day')}
      WITH ${v}, grain_[0] AS grain, grain_[1] AS start, d_.copy AS copy, sum(d_.articles) AS articles, sum(d_.mentions) AS mentions
      CREATE (:EntityTotal {key: ${TOTAL_KEY(`${v}.id`, 'grain', 'start', 'copy')}, entityId: ${v}.id, grain: grain, start: start,
                            copy: copy, articles: articles, mentions: mentions})`;

/**
 * The EntityDay rows of the entity bound as `v`, built from its MENTIONS and the articles'
 * `countedIn` (a unit subquery body; the entity's old rows must be gone).
 */
const BUILD_DAYS = (v: string): string => `
      MATCH (${v})<-[m_:MENTIONS]-(a_:Article) WHERE a_.countedIn IS NOT NULL
      WITH ${v}, a_.countedIn AS suffix, count(*) AS articles, sum(m_.count) AS mentions
      WITH ${v}, split(suffix, ${SEP}) AS parts, suffix, articles, mentions
      CREATE (:EntityDay {key: ${v}.id + ${SEP} + suffix, entityId: ${v}.id, day: date(parts[0]), outlet: parts[1], language: parts[2],
                          copy: parts[3] = '1', articles: articles, mentions: mentions})`;

/** The counts of these entities again, from the graph; rows of ids no entity has any more go. */
export const recountEntities = (ids: string[]): Query => ({
  cypher: `
    UNWIND $ids AS id
    CALL (id) { MATCH (d:EntityDay {entityId: id}) WHERE d.day IS NOT NULL DELETE d }
    CALL (id) { MATCH (t:EntityTotal {entityId: id}) DELETE t }
    WITH id
    MATCH (e:Entity {id: id})
    SET e.mentionCount = ${MENTION_COUNT('e')}
    WITH e
    CALL (e) { ${BUILD_DAYS('e')} }
    CALL (e) { ${BUILD_TOTALS('e')} }`,
  params: { ids: [...new Set(ids)].sort() },
});

/** Every entity's EntityTotal rows again from its EntityDay rows, in batches (a migration; the last steps of RECOUNT_ALL). */
export const BUILD_ALL_TOTALS: string[] = [
  `MATCH (t:EntityTotal) CALL (t) { DELETE t } IN TRANSACTIONS OF 10000 ROWS`,
  `MATCH (e:Entity) CALL (e) { ${BUILD_TOTALS('e')} } IN TRANSACTIONS OF 20 ROWS`,
];

/**
 * Every entity, in batches (a migration, or after an import): each article's `countedIn` from
 * its properties, then every entity's counts from scratch. Statements to run one after another,
 * each outside an explicit transaction.
 */
export const RECOUNT_ALL: string[] = [
  `MATCH (a:Article) CALL (a) { SET a.countedIn = ${DAY_SUFFIX('a')} } IN TRANSACTIONS OF 5000 ROWS`,
  `MATCH (d:EntityDay) CALL (d) { DELETE d } IN TRANSACTIONS OF 10000 ROWS`,
  `MATCH (e:Entity) CALL (e) { SET e.mentionCount = ${MENTION_COUNT('e')} WITH e ${BUILD_DAYS('e')} } IN TRANSACTIONS OF 20 ROWS`,
  ...BUILD_ALL_TOTALS,
];
