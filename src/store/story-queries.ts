import { int } from 'neo4j-driver';
import type { RelationType } from '../domain/types';
import type { Query } from './executor';
import { relationLabels } from './labels';
import { ARTICLE_PROJECTION, ENTITY_PROJECTION, STORY_PROJECTION } from './projections';
import { escapeLucene } from './queries';
import type {
  ArticleRecord,
  KeyEntityRecord,
  Keyed,
  PageRow,
  RelationHistoryRecord,
  StoryLinkRecord,
  StoryRecord,
  StoryTimelinePointRecord,
  TrendingStoryRecord,
} from './records';

/**
 * Reads about stories. Copies (DUPLICATE_OF) are left out of counts, timelines and rankings
 * unless a caller asks for them.
 */

const ORIGINAL = (v: string): string => `NOT EXISTS { (${v})-[:DUPLICATE_OF]->() }`;

/** Stories by id; an id merged away into another story answers with the story it went into. */
export const storiesById = (ids: string[]): Query<Keyed<{ story: StoryRecord | null }>> => ({
  cypher: `
    UNWIND $ids AS id
    OPTIONAL MATCH (r:StoryRedirect {id: id})
    WITH id, coalesce(r.target, id) AS sid
    MATCH (s:Story {id: sid})
    RETURN id, ${STORY_PROJECTION('s')} AS story`,
  params: { ids },
});

export const storiesByArticle = (ids: string[]): Query<Keyed<{ story: StoryRecord | null }>> => ({
  cypher: `
    UNWIND $ids AS id
    MATCH (:Article {id: id})-[:IN_STORY]->(s:Story)
    RETURN id, ${STORY_PROJECTION('s')} AS story`,
  params: { ids },
});

export type StoryOrder = 'LATEST' | 'SIZE' | 'TRENDING';

export interface StoryFilter {
  from?: string;
  to?: string;
  entity?: string;
  topic?: string;
  language?: string;
  outlet?: string;
  text?: string;
}

/**
 * One statement: the filtered, ordered page of stories and the total. A story is in [from, to]
 * when any of its articles is; TRENDING ranks by the rise of its articles in [from, to] against
 * the period of equal length before (`previousFrom`), as entity trending does.
 */
export function storiesPage(options: {
  filter?: StoryFilter;
  orderBy?: StoryOrder;
  previousFrom?: string;
  skip: number;
  limit: number;
}): Query<PageRow<StoryRecord>> {
  const f = options.filter ?? {};
  const where: string[] = ['true'];
  if (f.from || f.to) {
    where.push(
      `EXISTS { MATCH (a:Article)-[:IN_STORY]->(s) WHERE ($from IS NULL OR a.publishedAt >= $from) AND ($to IS NULL OR a.publishedAt <= $to) }`,
    );
  }
  if (f.entity) where.push('EXISTS { MATCH (:Entity {id: $entity})<-[:MENTIONS]-(:Article)-[:IN_STORY]->(s) }');
  if (f.topic) {
    where.push(
      'EXISTS { MATCH (t:Topic)<-[:MENTIONS]-(:Article)-[:IN_STORY]->(s) WHERE t.id = $topic OR (t)-[:SUBTOPIC_OF*1..3]->(:Topic {id: $topic}) }',
    );
  }
  if (f.language) where.push('$language IN s.languages');
  if (f.outlet)
    where.push('EXISTS { MATCH (:Outlet)<-[:PUBLISHED_BY]-(a:Article)-[:IN_STORY]->(s) WHERE a.source = $outlet OR a.site = $outlet }');
  // start from the most selective side: full text over story titles, an entity, or all stories
  const head = f.text
    ? `CALL db.index.fulltext.queryNodes('story_text', $text) YIELD node AS s, score`
    : f.entity
      ? `MATCH (:Entity {id: $entity})<-[:MENTIONS]-(:Article)-[:IN_STORY]->(s:Story) WITH DISTINCT s, 0.0 AS score`
      : `MATCH (s:Story) WITH s, 0.0 AS score`;
  const trending = options.orderBy === 'TRENDING';
  const rank = trending
    ? `CALL (s) {
         MATCH (a:Article)-[:IN_STORY]->(s) WHERE ${ORIGINAL('a')} AND a.publishedAt >= $previousFrom AND ($to IS NULL OR a.publishedAt <= $to)
         RETURN sum(CASE WHEN a.publishedAt >= $from THEN 1 ELSE 0 END) AS current, sum(CASE WHEN a.publishedAt < $from THEN 1 ELSE 0 END) AS previous
       }
       WITH s, score, current, previous WHERE current > previous
       WITH s, score, (current - previous) / sqrt(previous + 1.0) AS rank
       ORDER BY rank DESC, s.lastSeen DESC, s.id`
    : options.orderBy === 'SIZE'
      ? 'WITH s, score ORDER BY s.articleCount DESC, s.lastSeen DESC, s.id'
      : f.text
        ? 'WITH s, score ORDER BY score DESC, s.lastSeen DESC, s.id'
        : 'WITH s, score ORDER BY s.lastSeen DESC, s.id';
  return {
    cypher: `
      ${head}
      WITH s, score WHERE ${where.join(' AND ')}
      ${rank}
      WITH collect(s) AS rows
      RETURN size(rows) AS totalCount, [s IN rows[$skip..($skip + $limit)] | ${STORY_PROJECTION('s')}] AS items`,
    params: {
      from: f.from ?? null,
      to: f.to ?? null,
      previousFrom: options.previousFrom ?? null,
      entity: f.entity ?? null,
      topic: f.topic ?? null,
      language: f.language ?? null,
      outlet: f.outlet ?? null,
      text: f.text ? escapeLucene(f.text) : null,
      skip: int(options.skip),
      limit: int(options.limit),
    },
  };
}

/** Trending stories with their counts: articles in [from, to] against the period before. */
export function trendingStories(options: { from: string; to: string; previousFrom: string; first: number }): Query<TrendingStoryRecord> {
  return {
    cypher: `
      MATCH (a:Article)-[:IN_STORY]->(s:Story)
      WHERE a.publishedAt >= $previousFrom AND a.publishedAt <= $to AND ${ORIGINAL('a')}
      WITH s, sum(CASE WHEN a.publishedAt >= $from THEN 1 ELSE 0 END) AS current,
              sum(CASE WHEN a.publishedAt < $from THEN 1 ELSE 0 END) AS previous
      WHERE current > previous
      WITH s, current, previous, (current - previous) / sqrt(previous + 1.0) AS score
      ORDER BY score DESC, current DESC, s.id
      LIMIT $first
      RETURN ${STORY_PROJECTION('s')} AS story, current, previous, score`,
    params: { from: options.from, to: options.to, previousFrom: options.previousFrom, first: int(options.first) },
  };
}

export const storyArticles = (options: {
  ids: string[];
  skip: number;
  limit: number;
  includeDuplicates: boolean;
}): Query<Keyed<PageRow<ArticleRecord>>> => ({
  cypher: `
    UNWIND $ids AS id
    MATCH (s:Story {id: id})
    CALL (s) {
      MATCH (a:Article)-[:IN_STORY]->(s) WHERE $dups OR ${ORIGINAL('a')}
      WITH a ORDER BY a.publishedAt, a.id
      WITH collect(a) AS rows
      RETURN size(rows) AS totalCount, [a IN rows[$skip..($skip + $limit)] | ${ARTICLE_PROJECTION('a', { body: false })}] AS items
    }
    RETURN id, totalCount, items`,
  params: { ids: options.ids, skip: int(options.skip), limit: int(options.limit), dups: options.includeDuplicates },
});

export type StoryTimelineBy = 'OUTLET' | 'LANGUAGE';

/** Articles per bucket (and per outlet or language), copies not counted. */
export const storyTimeline = (options: {
  ids: string[];
  unit: string;
  by?: StoryTimelineBy;
}): Query<Keyed<{ points: StoryTimelinePointRecord[] }>> => ({
  cypher: `
    UNWIND $ids AS id
    MATCH (s:Story {id: id})
    CALL (s) {
      MATCH (a:Article)-[:IN_STORY]->(s) WHERE a.publishedDate IS NOT NULL AND ${ORIGINAL('a')}
      WITH date.truncate($unit, a.publishedDate) AS bucket,
           CASE $by WHEN 'OUTLET' THEN coalesce(a.source, a.site, 'unknown') WHEN 'LANGUAGE' THEN coalesce(a.language, 'unknown') ELSE null END AS key,
           count(a) AS articles
      ORDER BY bucket, key
      RETURN collect({ bucket: toString(bucket), key: key, articles: articles }) AS points
    }
    RETURN id, points`,
  params: { ids: options.ids, unit: options.unit, by: options.by ?? null },
});

/** Entities ranked by their salience added up over the story's articles (copies not counted). */
export const storyKeyEntities = (options: { ids: string[]; first: number }): Query<Keyed<{ entities: KeyEntityRecord[] }>> => ({
  cypher: `
    UNWIND $ids AS id
    MATCH (s:Story {id: id})
    CALL (s) {
      MATCH (a:Article)-[:IN_STORY]->(s) WHERE ${ORIGINAL('a')}
      MATCH (a)-[m:MENTIONS]->(e:Entity)
      WITH e, sum(m.salience) AS salience, count(a) AS articles
      ORDER BY salience DESC, articles DESC, e.id
      LIMIT $first
      RETURN collect({ entity: ${ENTITY_PROJECTION('e')}, salience: salience, articles: articles }) AS entities
    }
    RETURN id, entities`,
  params: { ids: options.ids, first: int(options.first) },
});

/** FOLLOWS links out of (`OUT`: what a story continues) or into (`IN`: what continues it) stories. */
export const storyFollows = (options: { ids: string[]; direction: 'OUT' | 'IN' }): Query<Keyed<{ links: StoryLinkRecord[] }>> => ({
  cypher: `
    UNWIND $ids AS id
    MATCH (s:Story {id: id})
    CALL (s) {
      MATCH ${options.direction === 'OUT' ? '(s)-[f:FOLLOWS]->(t:Story)' : '(s)<-[f:FOLLOWS]-(t:Story)'}
      CALL (f) {
        UNWIND coalesce(f.shared, []) AS x
        MATCH (e:Entity {id: x})
        RETURN collect(${ENTITY_PROJECTION('e')}) AS shared
      }
      WITH t, f, shared ORDER BY t.firstSeen DESC, t.id
      RETURN collect({ story: ${STORY_PROJECTION('t')}, evidence: coalesce(f.evidence, []), score: coalesce(f.score, 0.0), shared: shared }) AS links
    }
    RETURN id, links`,
  params: { ids: options.ids },
});

/** Entities in more articles than this do not make stories related. */
export const STORY_RELATED_MAX_DF = 500;

/** Stories sharing entities with a story, weighted by rarity, with the entities that explain it. */
export const relatedStories = (options: { ids: string[]; first: number }): Query<Keyed<{ links: StoryLinkRecord[] }>> => ({
  cypher: `
    UNWIND $ids AS id
    MATCH (s:Story {id: id})
    CALL (s) {
      MATCH (s)<-[:IN_STORY]-(:Article)-[:MENTIONS]->(e:Entity)
      WITH DISTINCT s, e
      WITH s, e, COUNT { (e)<-[:MENTIONS]-() } AS df
      WHERE df <= $maxDf
      MATCH (e)<-[:MENTIONS]-(:Article)-[:IN_STORY]->(t:Story) WHERE t <> s
      WITH t, e, df
      WITH DISTINCT t, e, df
      ORDER BY df
      WITH t, collect(e) AS es, sum(1.0 / log(2.0 + df)) AS score
      ORDER BY score DESC, t.lastSeen DESC, t.id
      LIMIT $first
      RETURN collect({ story: ${STORY_PROJECTION('t')}, score: score, evidence: [],
                       shared: [e IN es[0..5] | ${ENTITY_PROJECTION('e')}] }) AS links
    }
    RETURN id, links`,
  params: { ids: options.ids, first: int(options.first), maxDf: int(STORY_RELATED_MAX_DF) },
});

/** The newest publication date in the graph: what relative periods count back from. */
export const newestPublished = (): Query<{ newest: string | null }> => ({
  cypher: 'MATCH (a:Article) WHERE a.publishedAt IS NOT NULL WITH a ORDER BY a.publishedAt DESC LIMIT 1 RETURN a.publishedAt AS newest',
  params: {},
});

export interface RelationsFilter {
  types?: RelationType[];
  entity?: string;
  from?: string;
  to?: string;
  since?: string;
  until?: string;
}

/**
 * Relations with their history: one row per (type, from, to, title), when it was first and last
 * stated and by which articles, newest statement first.
 */
export function relationsPage(options: { filter?: RelationsFilter; skip: number; limit: number }): Query<PageRow<RelationHistoryRecord>> {
  const f = options.filter ?? {};
  const types = relationLabels(f.types).join('|');
  const head = f.from
    ? `MATCH (x:Entity {id: $from})-[r:${types}]->(y:Entity)`
    : f.to
      ? `MATCH (x:Entity)-[r:${types}]->(y:Entity {id: $to})`
      : f.entity
        ? `MATCH (c:Entity {id: $entity})-[r:${types}]-(:Entity) WITH r, startNode(r) AS x, endNode(r) AS y`
        : `MATCH (x:Entity)-[r:${types}]->(y:Entity)`;
  return {
    cypher: `
      ${head}
      WITH x, y, r WHERE ($from IS NULL OR x.id = $from) AND ($to IS NULL OR y.id = $to) AND ($entity IS NULL OR x.id = $entity OR y.id = $entity)
      OPTIONAL MATCH (a:Article {id: r.articleId})
      WITH x, y, r, a WHERE ($since IS NULL OR a.publishedAt >= $since) AND ($until IS NULL OR a.publishedAt <= $until)
      WITH x, y, type(r) AS type, coalesce(r.title, '') AS title, r, a ORDER BY a.publishedAt
      WITH x, y, type, title, max(r.confidence) AS confidence,
           collect({ sentence: r.evidence, articleId: r.articleId, confidence: r.confidence }) AS evidence,
           [p IN collect(a.publishedAt) WHERE p IS NOT NULL] AS dates, collect(DISTINCT r.articleId) AS articleIds
      WITH x, y, type, title, confidence, evidence, articleIds, head(dates) AS firstStated, last(dates) AS lastStated
      ORDER BY lastStated DESC, size(articleIds) DESC, type, x.id, y.id, title
      WITH collect({ type: type, title: CASE title WHEN '' THEN null ELSE title END, confidence: confidence, evidence: evidence,
                     articleIds: articleIds, firstStated: firstStated, lastStated: lastStated,
                     from: x, to: y }) AS rows
      WITH size(rows) AS totalCount, rows[$skip..($skip + $limit)] AS page
      CALL (page) {
        UNWIND page AS row
        WITH row, row.from AS x, row.to AS y
        RETURN collect(row { .type, .title, .confidence, .evidence, .articleIds, .firstStated, .lastStated,
                             from: ${ENTITY_PROJECTION('x')}, to: ${ENTITY_PROJECTION('y')} }) AS items
      }
      RETURN totalCount, items`,
    params: {
      from: f.from ?? null,
      to: f.to ?? null,
      entity: f.entity ?? null,
      since: f.since ?? null,
      until: f.until ?? null,
      skip: int(options.skip),
      limit: int(options.limit),
    },
  };
}
