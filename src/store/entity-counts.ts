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
 * - `(:EntityWeek {key, entityId, week, copy, articles, mentions, days, dayMentions})` adds up
 *   an entity's EntityDay rows over outlets and languages, one row per Monday-to-Sunday week
 *   (`week` its Monday): the week's totals, and `days` / `dayMentions` the same per day, Monday
 *   first. Trending and timelines without a split read these, one row per entity and week
 *   instead of one per day, outlet and language.
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

/** MENTION_LISTS for every article that lacks them, from its edges (a migration; bench-api's fast loader too). */
export const FILL_MENTION_LISTS = `MATCH (a:Article) WHERE a.mentionEntityIds IS NULL OR a.mentionSaliences IS NULL
             CALL (a) {
               WITH a, ${MENTION_PAIRS('a')} AS pairs
               SET a.mentionEntityIds = [p IN pairs | p[0]], a.mentionSaliences = [p IN pairs | p[1]]
             } IN TRANSACTIONS OF 1000 ROWS`;

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

/* Reading the rows for a window of publishedAt bounds. */

/** The calendar day (YYYY-MM-DD) a window bound starts with, or null when it does not start with a real one. */
export function dayOf(bound: string | null | undefined): string | null {
  if (!bound || bound.length < 10) return null;
  const day = bound.slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const t = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== day ? null : day;
}

/**
 * Windows compare `publishedAt` strings with their bounds, and an article's publishedAt starts
 * with its publishedDate. Every article of a day D compares with a bound as D itself does, except
 * on the day a bound starts with: after a lower bound with a time of day (`>= '2025-11-01T12:00'`),
 * on an upper bound's day (`<= '2025-11-01T23:59:59.999Z'`, and `<= '2025-11-01'` too, which only
 * an article dated exactly '2025-11-01' meets). Those days are counted from their articles; every
 * other day from the EntityDay rows, with D in place of publishedAt.
 */
export function partialDays(bounds: { lower: (string | null | undefined)[]; upper: (string | null | undefined)[] }): string[] {
  const days = [
    ...bounds.lower.filter((b) => b && b.length > 10).map(dayOf),
    ...bounds.upper.filter((b) => b && b.length >= 10).map(dayOf),
  ];
  return [...new Set(days.filter((d): d is string => d !== null))].sort();
}

/**
 * The days a window's bounds cut (partialDays), except that an upper bound late in its day (the
 * end of a day, as the API passes a date) leaves out few of that day's articles, if any: when
 * every bound starts with a real day and no lower bound cuts the same day, that day is read
 * whole, less its articles after the bound (`lessAfterTo`, see AFTER_TO).
 */
export function cutDays(lower: (string | null | undefined)[], to: string | null | undefined): { partial: string[]; lessAfterTo: boolean } {
  const lowerCut = partialDays({ lower, upper: [] });
  const toDay = dayOf(to);
  const lessAfterTo =
    toDay !== null && to!.length > 10 && to!.slice(10) >= 'T12' && lower.every((b) => !b || dayOf(b)) && !lowerCut.includes(toDay);
  return { partial: lessAfterTo ? lowerCut : partialDays({ lower, upper: [to] }), lessAfterTo };
}

/** The articles of the upper bound's day after it (`$to`, `$toDay`), by the publishedAt index: a string starting with the day. */
export const AFTER_TO = (a: string): string =>
  `MATCH (${a}:Article) WHERE ${a}.publishedAt > $to AND ${a}.publishedAt < $toDay + '\\uffff'`;

/**
 * A whole day's row (`d.day`, not one of the partial days) against a bound, as its articles'
 * publishedAt compare with it: by date when the bound starts with a real day (the range index
 * answers it), else as strings.
 */
export const dayVersus = (op: '>=' | '<=', bound: string, day: string | null, row = 'd.day'): string =>
  day ? `${row} ${op} date($${bound}Day)` : `toString(${row}) ${op} $${bound}`;

/**
 * A window's bounds (`$from`, `$to`; `fromDay`, `toDay` the days they start with, when real) as
 * conditions on a whole day's row (dayVersus), one per bound given.
 */
export const wholeDayWindow = (
  row: string,
  w: { from?: string | null; to?: string | null; fromDay: string | null; toDay: string | null },
): string[] => [...(w.from ? [dayVersus('>=', 'from', w.fromDay, row)] : []), ...(w.to ? [dayVersus('<=', 'to', w.toDay, row)] : [])];

/** The articles of the partial days (bound as `p`), found by their day through the publishedDate index, never through an entity. */
export const ARTICLES_OF_DAY = (p: string, a: string): string =>
  `MATCH (${a}:Article) USING INDEX ${a}:Article(publishedDate) WHERE ${a}.publishedDate = date(${p})`;

/**
 * Whole days opened from the EntityWeek rows of the entity bound as `e` (the row's Monday plus
 * `k`), as `w`, `k` and `day`: the days with an article, in the weeks `weeks` allows (weekSeek),
 * on which `days` holds (conditions on `day`, each starting with AND), and not in `cut` (the
 * partial days, a list of dates in scope).
 */
export const ENTITY_WEEK_DAYS = (e: string, weeks: string, days: string): string => `
      MATCH (w:EntityWeek) WHERE w.entityId = ${e}.id AND w.week IS NOT NULL${weeks}
      UNWIND range(0, 6) AS k
      WITH w, k, w.week + duration({ days: k }) AS day, cut
      WHERE w.days[k] > 0${days} AND NOT day IN cut`;

/**
 * The weeks a window's days fall in, as conditions on `w.week` for the (entityId, week) index
 * to seek by (`$fromDay`, `$toDay`); none on a side whose bound starts with no real day.
 */
export const weekSeek = (fromDay: string | null, toDay: string | null): string =>
  (fromDay ? " AND w.week >= date.truncate('week', date($fromDay))" : '') + (toDay ? ' AND w.week <= date($toDay)' : '');

/**
 * Applies a list (a Cypher expression) of `{ entityId, suffix, articles, mentions }` changes to
 * the EntityDay rows and their EntityWeek rows: one MERGE per key, in key order (so that
 * concurrent writers lock busy rows in one order), rows left with no article deleted. It ends
 * the query (no RETURN).
 */
export const APPLY_DAY_DELTAS = (list: string): string => `
    UNWIND ${list} AS delta_
    WITH delta_.entityId AS entityId, delta_.suffix AS suffix, sum(delta_.articles) AS articles, sum(delta_.mentions) AS mentions
    WITH entityId + ${SEP} + suffix AS key, entityId, split(suffix, ${SEP}) AS parts, articles, mentions
    ORDER BY key
    // one change per key, added up once for both kinds of row
    WITH collect({ key: key, entityId: entityId, parts: parts, articles: articles, mentions: mentions }) AS days_
    CALL (days_) {
      UNWIND days_ AS d_
      MERGE (day_:EntityDay {key: d_.key})
      ON CREATE SET day_.entityId = d_.entityId, day_.day = date(d_.parts[0]), day_.outlet = d_.parts[1], day_.language = d_.parts[2],
                    day_.copy = d_.parts[3] = '1', day_.articles = d_.articles, day_.mentions = d_.mentions
      ON MATCH SET day_.articles = day_.articles + d_.articles, day_.mentions = day_.mentions + d_.mentions
      WITH day_ WHERE day_.articles <= 0
      DELETE day_
    }
    CALL (days_) {
      UNWIND days_ AS d_
      WITH d_.entityId AS entityId, date(d_.parts[0]) AS day, d_.parts[3] = '1' AS copy, d_.articles AS articles, d_.mentions AS mentions
      ${ADD_WEEKS('entityId', 'day', 'copy', 'articles', 'mentions')}
      ORDER BY key
      MERGE (week_:EntityWeek {key: key})
      ON CREATE SET week_.entityId = entityId, week_.week = week, week_.copy = copy, week_.articles = 0, week_.mentions = 0,
                    week_.days = [0, 0, 0, 0, 0, 0, 0], week_.dayMentions = [0, 0, 0, 0, 0, 0, 0]
      SET week_.articles = week_.articles + articles, week_.mentions = week_.mentions + mentions,
          week_.days = [k IN range(0, 6) | week_.days[k] + days[k]], week_.dayMentions = [k IN range(0, 6) | week_.dayMentions[k] + dayMentions[k]]
      WITH week_ WHERE week_.articles <= 0
      DELETE week_
    }`;

/**
 * Rows of (entity, day, copy, articles, mentions), in the variables named, added up per entity,
 * week and copy: `key`, `entityId`, `week` (its Monday), `copy`, `articles`, `mentions`, and the
 * seven-element lists `days` and `dayMentions`, Monday first.
 */
const ADD_WEEKS = (entityId: string, day: string, copy: string, articles: string, mentions: string): string => `
      WITH ${entityId} AS entityId, date.truncate('week', ${day}) AS week, ${day}.dayOfWeek - 1 AS k, ${copy} AS copy,
           sum(${articles}) AS articles, sum(${mentions}) AS mentions
      WITH entityId, week, copy, collect({ k: k, articles: articles, mentions: mentions }) AS perDay, sum(articles) AS articles,
           sum(mentions) AS mentions
      WITH entityId + ${SEP} + toString(week) + ${SEP} + CASE WHEN copy THEN '1' ELSE '0' END AS key, entityId, week, copy, articles, mentions,
           [k IN range(0, 6) | reduce(n = 0, d IN perDay | n + CASE WHEN d.k = k THEN d.articles ELSE 0 END)] AS days,
           [k IN range(0, 6) | reduce(n = 0, d IN perDay | n + CASE WHEN d.k = k THEN d.mentions ELSE 0 END)] AS dayMentions`;

/**
 * The EntityWeek rows of the entity bound as `v`, from its EntityDay rows (a unit subquery body;
 * the entity's old rows must be gone).
 */
const BUILD_WEEKS = (v: string): string => `
      MATCH (d_:EntityDay {entityId: ${v}.id}) WHERE d_.day IS NOT NULL
      ${ADD_WEEKS('d_.entityId', 'd_.day', 'd_.copy', 'd_.articles', 'd_.mentions')}
      CREATE (:EntityWeek {key: key, entityId: entityId, week: week, copy: copy, articles: articles, mentions: mentions, days: days,
                           dayMentions: dayMentions})`;

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
    CALL (id) { MATCH (w:EntityWeek {entityId: id}) DELETE w }
    WITH id
    MATCH (e:Entity {id: id})
    SET e.mentionCount = ${MENTION_COUNT('e')}
    WITH e
    CALL (e) { ${BUILD_DAYS('e')} }
    CALL (e) { ${BUILD_WEEKS('e')} }`,
  params: { ids: [...new Set(ids)].sort() },
});

/** Every entity's EntityWeek rows again from its EntityDay rows, in batches (a migration; the last steps of RECOUNT_ALL). */
export const BUILD_ALL_WEEKS: string[] = [
  `MATCH (w:EntityWeek) CALL (w) { DELETE w } IN TRANSACTIONS OF 10000 ROWS`,
  `MATCH (e:Entity) CALL (e) { ${BUILD_WEEKS('e')} } IN TRANSACTIONS OF 20 ROWS`,
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
  ...BUILD_ALL_WEEKS,
];
