import { int } from 'neo4j-driver';
import type { EntityType, RelationType } from '../domain/types';
import type { Query } from './executor';
import { ENTITY_LABELS, RELATION_LABELS, relationLabels } from './labels';
import { SUMMARY, SUMMARY_EVIDENCE_LIST } from './relation-summaries';
import { ARTICLE_PROJECTION, ARTICLES_LESS_STUBS, ENTITY_PROJECTION } from './projections';
import {
  AFTER_TO,
  ARTICLES_OF_DAY,
  ENTITY_WEEK_DAYS,
  cutDays,
  dayOf,
  dayVersus,
  partialDays,
  weekSeek,
  wholeDayWindow,
} from './entity-counts';
import type {
  CooccurrenceRecord,
  EntityRecord,
  EntityTimelineRecord,
  Keyed,
  PathRecord,
  RelatedRecord,
  SubgraphRecord,
  TrendingEntityRecord,
} from './records';

/** Queries for exploring connections and feeding dashboards. One statement per root field. */

/**
 * One hop over the relation summaries (one edge per relation, however many articles show it),
 * of the types asked for: `$relationTypes`, checked only when it leaves some type out.
 */
const summaryHop = (x: string, y: string, rel: string, filtered: boolean): string =>
  filtered ? `(${x})-[${rel}:${SUMMARY} WHERE ${rel}.type IN $relationTypes]-(${y})` : `(${x})-[:${SUMMARY}]-(${y})`;

/** Whether a list of relation types leaves some type out (and the walk has to check each hop's). */
const isFiltered = (types?: RelationType[]): boolean => relationLabels(types).length < Object.keys(RELATION_LABELS).length;

/** Sentences returned per edge of a drawn subgraph; `weight` still counts them all. */
const MAX_EVIDENCE = 3;

/**
 * Edges between a set of nodes, one per (from, to, type, title), with their weight (how many
 * articles show it), highest confidence and first $maxEvidence sentences, all read from the
 * relation summaries (relation-summaries.ts). `$relationTypes` lists the evidence types.
 */
const EDGES_AMONG = (nodesVar: string): string => `
  CALL (${nodesVar}) {
    UNWIND ${nodesVar} AS x
    WITH DISTINCT x, ${nodesVar}
    MATCH (x)-[r:${SUMMARY}]->(y) WHERE y IN ${nodesVar} AND r.type IN $relationTypes
    WITH x, y, r.type AS type, r.title AS title, r.weight AS weight, r.confidence AS confidence,
         ${SUMMARY_EVIDENCE_LIST('r', 'x', 'y', '$maxEvidence', { editor: false })} AS evidence
    WITH x, y, type, title, weight, confidence, evidence ORDER BY x.id, y.id, type, title
    RETURN collect({ from: x.id, to: y.id, type: type, title: CASE title WHEN '' THEN null ELSE title END, weight: weight,
                     confidence: confidence, evidence: evidence }) AS edges
  }`;

/** depth is validated (1..3) by the caller and spelled as a literal: Cypher takes no parameter there. */
export function neighborhood(options: { id: string; depth: number; types?: RelationType[]; limit: number }): Query<SubgraphRecord> {
  if (!Number.isInteger(options.depth) || options.depth < 1 || options.depth > 3) throw new RangeError('depth must be 1..3');
  const filtered = isFiltered(options.types);
  // Breadth first over the summaries, one ring of distinct entities at a time: walking paths
  // (c)-[*1..depth]-(n) repeats an entity once per path to it, which around a busy entity
  // multiplies into millions of paths. The ring an entity is first reached in is the length of
  // its shortest path, as min(length(p)) was.
  const rings = Array.from({ length: options.depth }, (_, k) => {
    const hops = Array.from(
      { length: k + 1 },
      (_, h) => `MATCH ${summaryHop(`x${h}`, `x${h + 1}:Entity`, `h${h}`, filtered)} WITH DISTINCT c, x${h + 1}`,
    ).join('\n          ');
    return `WITH c, c AS x0
          ${hops}
          WITH x${k + 1} AS n, ${k + 1} AS d WHERE n <> c
          RETURN n, d`;
  }).join('\n          UNION ALL\n          ');
  return {
    cypher: `
      MATCH (c:Entity {id: $id})
      // the centre is listed once, first, even where a ring comes back to it
      OPTIONAL CALL (c) {
          ${rings}
      }
      WITH c, n, min(d) AS distance
      ORDER BY distance, COUNT { (n)<-[:MENTIONS]-() } DESC, n.id
      LIMIT $limit
      WITH c, [x IN collect(n) WHERE x IS NOT NULL] AS found
      WITH [c] + found AS ns
      ${EDGES_AMONG('ns')}
      RETURN [n IN ns | ${ENTITY_PROJECTION('n')}] AS nodes, edges`,
    params: { id: options.id, limit: int(options.limit), maxEvidence: int(MAX_EVIDENCE), relationTypes: relationLabels(options.types) },
  };
}

/**
 * The distinct entity sequences of the shortest length between two entities, ids in order. The
 * length comes from one shortest path; the sequences are then walked one distinct entity per hop,
 * with an existence check on the last hop, over the relation summaries. Walking edges (as
 * allShortestPaths does) would repeat a sequence once per combination of parallel edges: several
 * summaries join two entities (types, titles, directions), and over the evidence edges (one per
 * article) the combinations between two legislators and their chamber ran into the millions.
 */
const SHORTEST_SEQUENCES = (filtered: boolean, maxHops: number): string => {
  const hop = (x: string, y: string, rel: string): string => summaryHop(x, y, rel, filtered);
  const neighboursOfB = `CALL (b) { MATCH ${hop('b', 'y:Entity', 'h1')} RETURN collect(DISTINCT y) AS ys }`;
  const byLength = [
    `WITH a, b WHERE d = 1
          RETURN [a, b] AS ns`,
    `WITH a, b WHERE d = 2
          MATCH ${hop('a', 'x:Entity', 'h2')} WITH DISTINCT a, b, x WHERE x <> b AND EXISTS { ${hop('x', 'b', 'h3')} }
          RETURN [a, x, b] AS ns`,
    `WITH a, b WHERE d = 3
          ${neighboursOfB}
          MATCH ${hop('a', 'x:Entity', 'h4')} WITH DISTINCT a, b, ys, x WHERE x <> b
          UNWIND ys AS y
          WITH a, b, x, y WHERE y <> a AND y <> x AND EXISTS { ${hop('x', 'y', 'h5')} }
          RETURN [a, x, y, b] AS ns`,
    // grouped by the middle entity, so that the last hop is checked once per (middle, y)
    `WITH a, b WHERE d = 4
          ${neighboursOfB}
          MATCH ${hop('a', 'x:Entity', 'h6')} WITH DISTINCT a, b, ys, x WHERE x <> b
          MATCH ${hop('x', 'm:Entity', 'h7')} WITH DISTINCT a, b, ys, x, m WHERE m <> a AND m <> b
          WITH a, b, ys, m, collect(x) AS xs
          UNWIND ys AS y
          WITH a, b, m, xs, y WHERE y <> a AND y <> m AND EXISTS { ${hop('m', 'y', 'h8')} }
          UNWIND xs AS x
          WITH a, b, m, x, y WHERE x <> y
          RETURN [a, x, m, y, b] AS ns`,
  ];
  return byLength.slice(0, maxHops).join('\n          UNION ALL\n          ');
};

export function paths(options: { from: string; to: string; maxHops: number; types?: RelationType[]; first: number }): Query<PathRecord> {
  if (!Number.isInteger(options.maxHops) || options.maxHops < 1 || options.maxHops > 4) throw new RangeError('maxHops must be 1..4');
  const filtered = isFiltered(options.types);
  return {
    cypher: `
      MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
      MATCH sp = shortestPath((a)-[:${SUMMARY}*1..${options.maxHops}]-(b))${filtered ? ' WHERE all(h IN relationships(sp) WHERE h.type IN $relationTypes)' : ''}
      WITH a, b, length(sp) AS d
      CALL (a, b, d) {
          ${SHORTEST_SEQUENCES(filtered, options.maxHops)}
      }
      WITH ns ORDER BY [n IN ns | n.id]
      LIMIT $first
      ${EDGES_AMONG('ns')}
      RETURN size(ns) - 1 AS length, [n IN ns | ${ENTITY_PROJECTION('n')}] AS nodes,
             [e IN edges WHERE any(i IN range(0, size(ns) - 2) WHERE
                 (e.from = ns[i].id AND e.to = ns[i + 1].id) OR (e.to = ns[i].id AND e.from = ns[i + 1].id))] AS edges
      ORDER BY [n IN nodes | n.id]`,
    params: {
      from: options.from,
      to: options.to,
      first: int(options.first),
      maxEvidence: int(MAX_EVIDENCE),
      relationTypes: relationLabels(options.types),
    },
  };
}

/** Near-duplicate copies (DUPLICATE_OF) count once: only the original is counted. */
const ORIGINAL = (v: string): string => `NOT EXISTS { (${v})-[:DUPLICATE_OF]->() }`;

const dateWindow = (v: string): string => `($from IS NULL OR ${v}.publishedAt >= $from) AND ($to IS NULL OR ${v}.publishedAt <= $to)`;

/**
 * Entities mentioned in the same articles as this one, ranked by normalised PMI weighted by
 * how often they co-occur, so that entities frequent everywhere (台灣 in Taiwanese news) do not
 * dominate and one-off pairs do not either.
 */
export function cooccurrences(options: {
  id: string;
  type?: EntityType;
  from?: string;
  to?: string;
  first: number;
  includeDuplicates?: boolean;
}): Query<CooccurrenceRecord> {
  const label = options.type ? ENTITY_LABELS[options.type] : 'Entity';
  const windowed = Boolean(options.from || options.to);
  // without a date window every count is a node degree, which Neo4j reads without expanding
  const articlesOf = (v: string): string =>
    windowed ? `COUNT { MATCH (${v})<-[:MENTIONS]-(b:Article) WHERE ${dateWindow('b')} }` : `COUNT { (${v})<-[:MENTIONS]-() }`;
  // the number of articles, without reading them: the count store less the stubs (an index seek),
  // or the publishedAt index over the window (stubs are undated)
  const window = [options.from ? 'x.publishedAt >= $from' : null, options.to ? 'x.publishedAt <= $to' : null].filter(Boolean).join(' AND ');
  const total = windowed
    ? `CALL () { MATCH (x:Article) WHERE ${window} AND coalesce(x.stub, false) = false RETURN count(x) AS total }`
    : `WITH ${ARTICLES_LESS_STUBS} AS total`;
  return {
    cypher: `
      ${total}
      MATCH (e:Entity {id: $id})<-[:MENTIONS]-(a:Article) WHERE ${dateWindow('a')} AND ($dups OR ${ORIGINAL('a')})
      WITH total, e, collect(a) AS arts
      WITH total, e, arts, size(arts) AS nE
      UNWIND arts AS a
      MATCH (a)-[:MENTIONS]->(o:${label}) WHERE o <> e
      WITH total, nE, o, count(a) AS together
      WITH total, nE, o, together, ${articlesOf('o')} AS nO
      WITH o, together, nE, nO, total,
           log(toFloat(together) * total / (toFloat(nE) * nO)) AS pmi
      WITH o, together, nO, pmi,
           CASE WHEN together = total THEN 1.0 ELSE pmi / (-log(toFloat(together) / total)) END AS npmi
      WITH o, together, nO, pmi, npmi, npmi * log(1.0 + together) AS strength
      ORDER BY strength DESC, together DESC, o.id
      LIMIT $first
      RETURN ${ENTITY_PROJECTION('o')} AS entity, together AS count, nO AS entityArticles, pmi, npmi, strength`,
    params: {
      id: options.id,
      from: options.from ?? null,
      to: options.to ?? null,
      first: int(options.first),
      dups: options.includeDuplicates ?? false,
    },
  };
}

export type Interval = 'DAY' | 'WEEK' | 'MONTH';
const TRUNC: Record<Interval, string> = { DAY: 'day', WEEK: 'week', MONTH: 'month' };

/**
 * Articles and mentions per entity and time bucket (and outlet or language), from the counts
 * kept at write time (EntityDay, see entity-counts.ts): whole days from the entity's rows, the
 * days a bound cuts (partialDays) from those days' articles. The answer is what counting the
 * entity's MENTIONS gives, without reading them.
 */
export function timeline(options: {
  ids: string[];
  interval: Interval;
  from?: string;
  to?: string;
  includeDuplicates?: boolean;
  by?: 'OUTLET' | 'LANGUAGE';
}): Query<EntityTimelineRecord> {
  const from = options.from ?? null;
  const to = options.to ?? null;
  const fromDay = dayOf(from);
  const toDay = dayOf(to);
  // without a split by outlet or language, the weekly rows added up over them (EntityWeek) are
  // enough: an entity's weeks, each opened into its days
  const totals = !options.by;
  const row = totals ? 'day' : 'd.day';
  const window = wholeDayWindow(row, { from, to, fromDay, toDay })
    .map((c) => ` AND ${c}`)
    .join('');
  const rows = totals
    ? `${ENTITY_WEEK_DAYS('e', ` AND ($dups OR NOT w.copy)${weekSeek(fromDay, toDay)}`, window)}
          RETURN day, null AS outlet, null AS language, w.days[k] AS articles, w.dayMentions[k] AS mentions`
    : `MATCH (d:EntityDay) WHERE d.entityId = e.id AND d.day IS NOT NULL${window}
            AND ($dups OR NOT d.copy) AND NOT d.day IN cut
          RETURN d.day AS day, d.outlet AS outlet, d.language AS language, d.articles AS articles, d.mentions AS mentions`;
  return {
    cypher: `
      WITH [p IN $partial | date(p)] AS cut
      UNWIND $ids AS id
      MATCH (e:Entity {id: id})
      CALL (e, cut) {
        CALL (e, cut) {
          ${rows}
          UNION ALL
          UNWIND $partial AS p
          ${ARTICLES_OF_DAY('p', 'a')} AND ${dateWindow('a')} AND ($dups OR ${ORIGINAL('a')})
          MATCH (a)-[m:MENTIONS]->(e)
          RETURN a.publishedDate AS day, coalesce(a.source, a.site, 'unknown') AS outlet, coalesce(a.language, 'unknown') AS language,
                 1 AS articles, m.count AS mentions
        }
        WITH date.truncate($unit, day) AS bucket,
             CASE $by WHEN 'OUTLET' THEN outlet WHEN 'LANGUAGE' THEN language ELSE null END AS key,
             sum(articles) AS articles, sum(mentions) AS mentions
        ORDER BY bucket, key
        RETURN collect({ bucket: toString(bucket), key: key, articles: articles, mentions: mentions }) AS points
      }
      RETURN ${ENTITY_PROJECTION('e')} AS entity, points`,
    params: {
      ids: options.ids,
      unit: TRUNC[options.interval],
      from,
      to,
      fromDay,
      toDay,
      partial: partialDays({ lower: [from], upper: [to] }),
      dups: options.includeDuplicates ?? false,
      by: options.by ?? null,
    },
  };
}

/** Whole days of one week on one side of a trending window: `days` as 0 (Monday) to 6, read from the week's EntityWeek rows. */
interface Span {
  week: string;
  days: number[];
  current: boolean;
}

const DAY_MS = 86_400_000;

/**
 * The whole days from `first` to `last` (YYYY-MM-DD) but the `cut` ones, grouped by week and by
 * side of `fromDay`. Null when the window holds more days than any real one (a mistyped year).
 */
function wholeSpans(first: string, last: string, fromDay: string, cut: string[]): Span[] | null {
  const [lo, hi] = [Date.parse(`${first}T00:00:00Z`), Date.parse(`${last}T00:00:00Z`)];
  if (hi < lo) return [];
  if ((hi - lo) / DAY_MS > 40_000) return null;
  const spans = new Map<string, Span>();
  for (let t = lo; t <= hi; t += DAY_MS) {
    const day = new Date(t).toISOString().slice(0, 10);
    if (cut.includes(day)) continue;
    const k = (new Date(t).getUTCDay() + 6) % 7;
    const week = new Date(t - k * DAY_MS).toISOString().slice(0, 10);
    const current = day >= fromDay;
    const key = `${week}|${current}`;
    const span = spans.get(key) ?? { week, days: [], current };
    span.days.push(k);
    spans.set(key, span);
  }
  return [...spans.values()];
}

/**
 * Entities whose article count in [from, to] rose most against the period of equal length before
 * it. The two periods' whole days come from the EntityWeek rows of their weeks (one per entity
 * and week), the days a bound cuts from their articles (see timeline); bounds that start with no
 * real day compare as strings, over the EntityDay rows.
 */
export function trending(options: {
  type?: EntityType;
  from: string;
  to: string;
  previousFrom: string;
  first: number;
  includeDuplicates?: boolean;
}): Query<TrendingEntityRecord> {
  const label = options.type ? ENTITY_LABELS[options.type] : null;
  const previousFromDay = dayOf(options.previousFrom);
  const fromDay = dayOf(options.from);
  const toDay = dayOf(options.to);
  const realDays = Boolean(previousFromDay && fromDay && toDay);
  const { partial, lessAfterTo } = cutDays([options.previousFrom, options.from], options.to);
  const spans = realDays ? wholeSpans(previousFromDay!, toDay!, fromDay!, partial) : null;
  const wholeDays = spans
    ? `UNWIND $spans AS s
        MATCH (w:EntityWeek) WHERE w.week = date(s.week) AND w.copy IN $copies
        WITH w, s, CASE WHEN size(s.days) = 7 THEN w.articles ELSE reduce(n = 0, k IN s.days | n + w.days[toInteger(k)]) END AS articles
        WHERE articles <> 0
        RETURN w.entityId AS id, s.current AS isCurrent, articles${
          lessAfterTo
            ? `
        UNION ALL
        ${AFTER_TO('a')} AND ($dups OR ${ORIGINAL('a')})
        MATCH (a)-[:MENTIONS]->(x:Entity)
        RETURN x.id AS id, $toDay >= $fromDay AS isCurrent, -1 AS articles`
            : ''
        }`
    : `// copies are left out by the (copy, day) index itself
        MATCH (d:EntityDay) WHERE d.copy IN $copies AND d.day IS NOT NULL
          AND ${dayVersus('>=', 'previousFrom', previousFromDay)} AND ${dayVersus('<=', 'to', toDay)} AND NOT d.day IN cut
        RETURN d.entityId AS id, ${dayVersus('>=', 'from', fromDay)} AS isCurrent, d.articles AS articles`;
  return {
    cypher: `
      WITH [p IN $partial | date(p)] AS cut
      CALL (cut) {
        ${wholeDays}
        UNION ALL
        UNWIND $partial AS p
        ${ARTICLES_OF_DAY('p', 'a')} AND a.publishedAt >= $previousFrom AND a.publishedAt <= $to AND ($dups OR ${ORIGINAL('a')})
        MATCH (a)-[:MENTIONS]->(x:Entity)
        RETURN x.id AS id, a.publishedAt >= $from AS isCurrent, 1 AS articles
      }
      WITH id, sum(CASE WHEN isCurrent THEN articles ELSE 0 END) AS current,
               sum(CASE WHEN isCurrent THEN 0 ELSE articles END) AS previous
      WHERE current > previous
      MATCH (e:Entity {id: id})${label ? ` WHERE e:${label}` : ''}
      WITH e, current, previous, (current - previous) / sqrt(previous + 1.0) AS score
      ORDER BY score DESC, current DESC, e.id
      LIMIT $first
      RETURN ${ENTITY_PROJECTION('e')} AS entity, current, previous, score`,
    params: {
      from: options.from,
      to: options.to,
      previousFrom: options.previousFrom,
      previousFromDay,
      fromDay,
      toDay,
      partial,
      spans: spans ?? [],
      first: int(options.first),
      dups: options.includeDuplicates ?? false,
      copies: options.includeDuplicates ? [false, true] : [false],
    },
  };
}

/** Entities mentioned by more articles than this do not count towards relatedness. */
export const RELATED_MAX_DF = 500;

/**
 * Articles related to one article: explicit links (LINKS_TO either way, DUPLICATE_OF) first, then
 * by shared entities weighted by rarity (an entity in few articles says more than 台灣).
 */
export function relatedArticles(options: { ids: string[]; first: number }): Query<Keyed<{ related: RelatedRecord[] }>> {
  return {
    cypher: `
      UNWIND $ids AS id
      MATCH (a:Article {id: id})
      CALL (a) {
        CALL (a) {
          MATCH (a)-[l:LINKS_TO|DUPLICATE_OF]-(b:Article)
          RETURN b, CASE type(l) WHEN 'DUPLICATE_OF' THEN 'DUPLICATE_OF' ELSE 'LINKS_TO' END AS link, 1000.0 AS score, [] AS shared
          UNION
          MATCH (a)-[:MENTIONS]->(e:Entity)
          WITH a, e, COUNT { (e)<-[:MENTIONS]-() } AS df
          // an entity in thousands of articles (台灣) says little about relatedness and costs most
          WHERE df <= $maxDf
          MATCH (e)<-[:MENTIONS]-(b:Article)
          WHERE b <> a AND NOT (a)-[:LINKS_TO|DUPLICATE_OF]-(b)
          WITH b, collect(e) AS es, sum(1.0 / log(1.0 + df)) AS score
          RETURN b, 'SHARED_ENTITIES' AS link, score, es AS shared
        }
        WITH b, link, score, shared ORDER BY score DESC, b.publishedAt DESC, b.id LIMIT $first
        RETURN collect({ article: ${ARTICLE_PROJECTION('b', { body: false })}, link: link, score: score,
                         shared: [e IN shared | ${ENTITY_PROJECTION('e')}] }) AS related
      }
      RETURN id, related`,
    params: { ids: options.ids, first: int(options.first), maxDf: int(RELATED_MAX_DF) },
  };
}

export const topicParents = (ids: string[]): Query<Keyed<{ parent: EntityRecord | null }>> => ({
  cypher: `
    UNWIND $ids AS id
    MATCH (t:Topic {id: id})
    OPTIONAL MATCH (t)-[:SUBTOPIC_OF]->(p:Topic)
    RETURN id, CASE WHEN p IS NULL THEN null ELSE ${ENTITY_PROJECTION('p')} END AS parent`,
  params: { ids },
});

export const topicChildren = (ids: string[]): Query<Keyed<{ children: EntityRecord[] }>> => ({
  cypher: `
    UNWIND $ids AS id
    MATCH (t:Topic {id: id})
    OPTIONAL MATCH (c:Topic)-[:SUBTOPIC_OF]->(t)
    WITH id, c ORDER BY c.name
    RETURN id, [x IN collect(c) | ${ENTITY_PROJECTION('x')}] AS children`,
  params: { ids },
});
