import { int } from 'neo4j-driver';
import type { EntityType, RelationType } from '../domain/types';
import type { Query } from './executor';
import { ENTITY_LABELS, RELATION_LABELS, relationLabels } from './labels';
import { SUMMARY, SUMMARY_EVIDENCE, SUMMARY_EVIDENCE_LIST } from './relation-summaries';
import { ARTICLE_PROJECTION, ARTICLES_LESS_STUBS, ENTITY_PROJECTION } from './projections';
import { listedTotal } from './article-counts';
import { AFTER_TO, ARTICLES_OF_DAY, ENTITY_WEEK_DAYS, cutDays, dayOf, weekSeek, wholeDayWindow } from './entity-counts';
import type { ArticleRecord, EntityRecord, Keyed, MentionRecord, PageRow, RelationRecord, SearchHitRecord, StatsRecord } from './records';

/** Read queries. Every value goes in as a parameter; labels and types come from the fixed maps. */

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/** User text never reaches Lucene syntax: every special character is escaped. */
export function escapeLucene(text: string): string {
  return text.replace(LUCENE_SPECIAL, (c) => `\\${c}`).replace(/\b(AND|OR|NOT|TO)\b/g, (w) => w.toLowerCase());
}

export const articlesById = (ids: string[]): Query<Keyed<{ article: ArticleRecord | null }>> => ({
  cypher: `
    UNWIND $ids AS id
    MATCH (a:Article {id: id})
    RETURN id, ${ARTICLE_PROJECTION('a')} AS article`,
  params: { ids },
});

export const articleByUrl = (url: string): Query<{ article: ArticleRecord }> => ({
  cypher: `MATCH (a:Article {url: $url}) RETURN ${ARTICLE_PROJECTION('a')} AS article LIMIT 1`,
  params: { url },
});

/** Entities by id; an id that curators merged away answers with the entity it was merged into. */
export const entitiesById = (ids: string[]): Query<Keyed<{ entity: EntityRecord | null }>> => ({
  cypher: `
    UNWIND $ids AS id
    OPTIONAL MATCH (r:Redirect {id: id})
    WITH id, coalesce(r.target, id) AS eid
    MATCH (e:Entity {id: eid})
    RETURN id, ${ENTITY_PROJECTION('e')} AS entity`,
  params: { ids },
});

export type ArticleOrder = 'PUBLISHED_AT' | 'RELEVANCE';

export interface ArticleFilter {
  mentionsAll?: string[];
  mentionsAny?: string[];
  topic?: string;
  source?: string;
  language?: string;
  from?: string;
  to?: string;
  text?: string;
}

/**
 * Lists ordered by date walk the `publishedAt` index from the newest article and stop after
 * the page, unless an entity filter names few enough articles to expand them all: a hot
 * entity (台灣, in most articles) is never expanded to its full degree for a page.
 */
export const EXPAND_MAX = 2000;

/** One statement: the filtered, ordered page and the total count. */
export function articlesPage(options: {
  filter?: ArticleFilter;
  orderBy?: ArticleOrder;
  skip: number;
  limit: number;
}): Query<PageRow<ArticleRecord>> {
  const f = options.filter ?? {};
  const notStub = 'coalesce(a.stub, false) = false';
  const where: string[] = [notStub];
  if (f.mentionsAll?.length) where.push('ALL(id IN $mentionsAll WHERE EXISTS { (a)-[:MENTIONS]->(:Entity {id: id}) })');
  const anyCondition = 'EXISTS { MATCH (a)-[:MENTIONS]->(x:Entity) WHERE x.id IN $mentionsAny }';
  const topicCondition = 'EXISTS { MATCH (a)-[:MENTIONS]->(t:Topic) WHERE t IN topics }';
  if (f.mentionsAny?.length) where.push(anyCondition);
  if (f.topic) where.push(topicCondition);
  if (f.source) where.push('(a.source = $source OR a.site = $source)');
  if (f.language) where.push('a.language = $language');
  if (f.from) where.push('a.publishedAt >= $from');
  if (f.to) where.push('a.publishedAt <= $to');
  const relevance = options.orderBy === 'RELEVANCE' || Boolean(f.text);
  const byRelevance = options.orderBy === 'RELEVANCE' || (relevance && options.orderBy !== 'PUBLISHED_AT');
  const params = {
    mentionsAll: f.mentionsAll ?? null,
    mentionsAny: f.mentionsAny ?? null,
    topic: f.topic ?? null,
    source: f.source ?? null,
    language: f.language ?? null,
    from: f.from ?? null,
    to: f.to ?? null,
    text: f.text ? escapeLucene(f.text) : null,
    skip: int(options.skip),
    limit: int(options.limit),
  };
  // a topic filter covers the topic's subtree (three levels), found from the topic by key
  const topics = f.topic
    ? `CALL () {
        OPTIONAL MATCH (root:Entity {id: $topic}) WHERE root:Topic
        OPTIONAL MATCH (sub:Topic)-[:SUBTOPIC_OF*1..3]->(root)
        WITH root, collect(DISTINCT sub) AS subs
        RETURN CASE WHEN root IS NULL THEN [] ELSE [root] + [s IN subs WHERE s <> root] END AS topics
      }`
    : 'WITH [] AS topics';
  if (f.text || byRelevance) {
    // start from the most selective side: the full-text index, an entity's mentions, a topic's
    // subtree, or (no such filter) every article
    const head = f.text
      ? `CALL db.index.fulltext.queryNodes('article_text', $text) YIELD node AS a, score`
      : f.mentionsAll?.length
        ? `MATCH (:Entity {id: $mentionsAll[0]})<-[:MENTIONS]-(a:Article) WITH a, 0.0 AS score, topics`
        : f.mentionsAny?.length
          ? `MATCH (x:Entity)<-[:MENTIONS]-(a:Article) WHERE x.id IN $mentionsAny WITH DISTINCT a, 0.0 AS score, topics`
          : f.topic
            ? `UNWIND topics AS t MATCH (t)<-[:MENTIONS]-(a:Article) WITH DISTINCT a, 0.0 AS score, topics`
            : `MATCH (a:Article) WITH a, 0.0 AS score, topics`;
    // the requested entities' salience is the relevance of an article; only computed when it orders the list
    const salience =
      byRelevance && (f.mentionsAll?.length || f.mentionsAny?.length)
        ? `, reduce(s = 0.0, m IN [(a)-[m:MENTIONS]->(x:Entity) WHERE x.id IN coalesce($mentionsAll, []) + coalesce($mentionsAny, []) | m.salience] | s + m) AS rel`
        : ', score AS rel';
    const order = byRelevance
      ? 'ORDER BY rel DESC, a.publishedAt DESC, a.id DESC'
      : 'ORDER BY a.publishedAt IS NULL, a.publishedAt DESC, a.id DESC';
    return {
      cypher: `
      ${topics}
      ${head}
      WITH a, score, topics WHERE ${where.join(' AND ')}
      WITH a, score${salience}
      ${order}
      WITH collect(a) AS rows
      RETURN size(rows) AS totalCount,
             [a IN rows[$skip..($skip + $limit)] | ${ARTICLE_PROJECTION('a', { body: false })}] AS items`,
      params,
    };
  }
  // Newest first. The entities the list starts from (an entity filter or the topic's subtree)
  // and how many articles mention them, from the degree store (nothing is expanded).
  const seeds = f.mentionsAll?.length
    ? `OPTIONAL MATCH (x:Entity {id: $mentionsAll[0]})`
    : f.mentionsAny?.length
      ? `OPTIONAL MATCH (x:Entity) WHERE x.id IN $mentionsAny`
      : f.topic
        ? `UNWIND (CASE WHEN size(topics) = 0 THEN [null] ELSE topics END) AS x`
        : null;
  const window = [f.from ? 'a.publishedAt >= $from' : null, f.to ? 'a.publishedAt <= $to' : null].filter(Boolean).join(' AND ');
  // `a.id IS NOT NULL` (always true) lets the (publishedAt, id) index give the whole order
  const dated = `a.publishedAt IS NOT NULL AND a.id IS NOT NULL${window ? ` AND ${window}` : ''}`;
  const conditions = where.join(' AND ');
  // articles reached from the seeds meet the seeds' own filter already: testing it again would
  // expand every one of their mentions (a topic's subtree is mentioned by most of the graph); and
  // they are never stubs (a stub mentions nothing: an article's edges are cleared before it becomes
  // one), a test that would read each article's whole property chain (30 of 55 ms for a topic
  // family of 28,000 mentions)
  const seedCondition = f.mentionsAll?.length ? null : f.mentionsAny?.length ? anyCondition : f.topic ? topicCondition : null;
  const seeded = where.filter((c) => c !== seedCondition && c !== notStub).join(' AND ') || 'true';
  const otherFilters = Boolean(f.source || f.language || f.from || f.to);
  const filters = [f.mentionsAll?.length, f.mentionsAny?.length, f.topic].filter(Boolean).length;
  const fromDay = dayOf(f.from);
  const toDay = dayOf(f.to);
  const { partial, lessAfterTo } = cutDays([f.from], f.to);
  // with the bound's day read whole: its articles after the bound, as the window's lower side admits them
  const afterTo = (condition: string): string => `UNION ALL
            ${AFTER_TO('a')}${f.from ? ' AND a.publishedAt >= $from' : ''} AND ${condition}
            RETURN -1 AS n`;
  // the seeds' articles counted one by one (the few seeds of a topic's subtree share articles)
  const seedArticles = `COUNT {
            UNWIND xs AS x MATCH (x)<-[:MENTIONS]-(a:Article)
            WITH DISTINCT a, topics WHERE ${seeded}
            RETURN a
          }`;
  // The total without counting where it can: every article but the stubs (count store, stub
  // index); one seed's degree (stubs mention nothing; a topic without subtopics is one seed);
  // one entity's articles in a window from its weekly count rows (entity-counts.ts); an outlet's,
  // a language's or a window's articles from the rows per day and outlet (article-counts.ts).
  const total = (): string => {
    if (!seeds && !otherFilters) return `RETURN ${ARTICLES_LESS_STUBS} AS totalCount`;
    const oneSeed = filters === 1 && (f.mentionsAll?.length ?? 0) <= 1;
    if (seeds && oneSeed && !otherFilters) return `RETURN CASE WHEN size(xs) <= 1 THEN degree ELSE ${seedArticles} END AS totalCount`;
    if (seeds && oneSeed && !f.source && !f.language && (f.mentionsAll?.length || f.mentionsAny?.length === 1)) {
      const days = wholeDayWindow('day', { ...f, fromDay, toDay }).map((c) => ` AND ${c}`);
      return `WITH xs[0] AS x, [p IN $partial | date(p)] AS cut
          CALL (x, cut) {
            ${ENTITY_WEEK_DAYS('x', weekSeek(fromDay, toDay), days.join(''))}
            RETURN w.days[k] AS n
            UNION ALL
            UNWIND $partial AS p
            ${ARTICLES_OF_DAY('p', 'a')} AND ${window} AND EXISTS { (a)-[:MENTIONS]->(x) }
            RETURN 1 AS n
            ${lessAfterTo ? afterTo('EXISTS { (a)-[:MENTIONS]->(x) }') : ''}
          }
          RETURN sum(n) AS totalCount`;
    }
    if (seeds && !window) return `RETURN ${seedArticles} AS totalCount`;
    if (!seeds)
      return listedTotal(
        f,
        { fromDay, toDay },
        conditions,
        lessAfterTo ? afterTo(where.filter((c) => !c.startsWith('a.publishedAt')).join(' AND ')) : '',
      );
    return `MATCH (a:Article) WHERE ${window}
          WITH a, topics WHERE ${conditions}
          RETURN count(a) AS totalCount`;
  };
  return {
    cypher: `
      ${topics}
      ${
        seeds
          ? `CALL (topics) {
        ${seeds}
        WITH collect(x) AS xs, sum(CASE WHEN x IS NULL THEN 0 ELSE COUNT { (x)<-[:MENTIONS]-() } END) AS degree
        RETURN xs, degree, size(xs) = 0 OR degree <= $expandMax AS expand
      }`
          : 'WITH topics, [] AS xs, 0 AS degree, false AS expand'
      }
      // few articles: all of them, sorted
      CALL (topics, xs, expand) {
        UNWIND (CASE WHEN expand THEN xs ELSE [] END) AS x
        MATCH (x)<-[:MENTIONS]-(a:Article)
        WITH DISTINCT a, topics WHERE ${seeded}
        WITH a ORDER BY a.publishedAt IS NULL, a.publishedAt DESC, a.id DESC
        WITH collect(a) AS rows
        RETURN size(rows) AS expandedTotal, rows[$skip..($skip + $limit)] AS expandedPage
      }
      // many: the publishedAt index from the newest, up to the end of the page
      OPTIONAL CALL (topics, xs, degree, expand) {
        WITH topics, xs, degree WHERE NOT expand
        // the total first (from counts where it can): a page past it is empty, and no walk looks for it
        CALL (topics, xs, degree) {
          ${total()}
        }
        WITH topics, xs, degree, totalCount, CASE WHEN totalCount > $skip THEN COLLECT {
          MATCH (a:Article) WHERE ${dated}
          WITH a, topics WHERE ${conditions}
          WITH a ORDER BY a.publishedAt DESC, a.id DESC LIMIT $skip + $limit
          RETURN a
        } ELSE [] END AS newest
        // undated articles come last: looked for only when the page reaches past the dated ones (a
        // COLLECT in a CASE runs only when its branch is taken; a guarded CALL was planned eagerly)
        WITH topics, xs, totalCount, newest, CASE WHEN totalCount > $skip AND size(newest) < $skip + $limit THEN COLLECT {
          ${
            seeds
              ? `UNWIND xs AS x MATCH (x)<-[:MENTIONS]-(a:Article) WHERE a.publishedAt IS NULL
          WITH DISTINCT a, topics
          WHERE ${seeded}`
              : `MATCH (a:Article) WHERE a.publishedAt IS NULL
          WITH a, topics
          WHERE ${conditions}`
          }
          WITH a ORDER BY a.id DESC
          RETURN a
        } ELSE [] END AS undated
        RETURN totalCount, (newest + undated)[$skip..($skip + $limit)] AS walkedPage
      }
      WITH CASE WHEN expand THEN expandedTotal ELSE totalCount END AS totalCount,
           CASE WHEN expand THEN expandedPage ELSE walkedPage END AS page
      RETURN totalCount, [a IN page | ${ARTICLE_PROJECTION('a', { body: false })}] AS items`,
    params: { ...params, expandMax: int(EXPAND_MAX), fromDay, toDay, partial },
  };
}

export type EntityOrder = 'MENTIONS' | 'NAME';

const ALIAS_CONTAINS = 'any(x IN coalesce(e.aliases, []) WHERE toLower(x) CONTAINS toLower($nameContains))';

export interface EntityFilter {
  type?: EntityType;
  nameContains?: string;
  minMentions?: number;
}

export function entitiesPage(options: {
  filter?: EntityFilter;
  orderBy?: EntityOrder;
  skip: number;
  limit: number;
}): Query<PageRow<EntityRecord>> {
  const f = options.filter ?? {};
  const label = f.type ? `:${ENTITY_LABELS[f.type]}` : ':Entity';
  const where: string[] = ['true'];
  if (f.nameContains) {
    where.push('(toLower(e.name) CONTAINS toLower($nameContains) OR ' + ALIAS_CONTAINS + ')');
  }
  const minMentions = Math.max(0, f.minMentions ?? 0);
  if (!f.nameContains && options.orderBy !== 'NAME')
    return mostMentioned({ type: f.type, minMentions, skip: options.skip, limit: options.limit });
  const order = options.orderBy === 'NAME' ? 'ORDER BY e.name, e.id' : 'ORDER BY mentions DESC, e.name, e.id';
  // Text without cased letters (Chinese, digits) is contained in a name only where its lowercase
  // is: the text indexes find every candidate by CONTAINS on the name or aliasText (which holds the
  // aliases), and the case-insensitive check keeps the same ones as a scan would. Text with cased
  // letters still scans the label.
  const bySeek = Boolean(f.nameContains) && f.nameContains!.toLowerCase() === f.nameContains!.toUpperCase();
  const head = bySeek
    ? `CALL () {
        MATCH (e:Entity) WHERE e.name CONTAINS $nameContains RETURN e
        UNION
        MATCH (e:Entity) WHERE e.aliasText CONTAINS $nameContains RETURN e
      }
      WITH e WHERE e${label} AND ${where.join(' AND ')}`
    : `MATCH (e${label}) WHERE ${where.join(' AND ')}`;
  return {
    cypher: `
      ${head}
      WITH e, coalesce(e.mentionCount, 0) AS mentions
      WHERE mentions >= $minMentions
      WITH e, mentions ${order}
      WITH collect(e) AS rows
      RETURN size(rows) AS totalCount, [e IN rows[$skip..($skip + $limit)] | ${ENTITY_PROJECTION('e')}] AS items`,
    params: {
      nameContains: f.nameContains ?? null,
      minMentions: int(minMentions),
      skip: int(options.skip),
      limit: int(options.limit),
    },
  };
}

/**
 * Entities most mentioned first, without a name filter: the page walks the mentionCount index from
 * the top and stops after it (a partial sort among equal counts), the total comes from the count
 * store or that index, so neither reads every entity of the type. Entities mentioned by no article
 * (a count of 0, or none kept) tie at the end, ordered by name: a page that reaches them sorts the
 * whole type as before.
 */
function mostMentioned(options: { type?: EntityType; minMentions: number; skip: number; limit: number }): Query<PageRow<EntityRecord>> {
  const label = options.type ? `:${ENTITY_LABELS[options.type]}` : ':Entity';
  const indexed = options.type ? `:Entity:${ENTITY_LABELS[options.type]}` : ':Entity';
  const total =
    options.minMentions > 0
      ? `MATCH (e${indexed}) USING INDEX e:Entity(mentionCount) WHERE e.mentionCount >= $minMentions RETURN count(e) AS totalCount`
      : `MATCH (e${label}) RETURN count(e) AS totalCount`;
  return {
    cypher: `
      CALL () { ${total} }
      CALL () {
        MATCH (e${indexed}) USING INDEX e:Entity(mentionCount) WHERE e.mentionCount >= $floor
        WITH e ORDER BY e.mentionCount DESC, e.name, e.id LIMIT $skip + $limit
        RETURN collect(e) AS walked
      }
      // the whole type sorted, only when the page reaches past the counted entities
      WITH totalCount, CASE WHEN $minMentions = 0 AND size(walked) < $skip + $limit
        THEN COLLECT { MATCH (e${label}) WITH e, coalesce(e.mentionCount, 0) AS mentions ORDER BY mentions DESC, e.name, e.id RETURN e }
        ELSE walked END AS rows
      RETURN totalCount, [e IN rows[$skip..($skip + $limit)] | ${ENTITY_PROJECTION('e')}] AS items`,
    params: {
      minMentions: int(options.minMentions),
      floor: int(Math.max(1, options.minMentions)),
      skip: int(options.skip),
      limit: int(options.limit),
    },
  };
}

/** Full-text search over entity names/aliases and article titles/leads, merged by score. */
export function search(options: { query: string; types?: EntityType[]; includeArticles: boolean; first: number }): Query<SearchHitRecord> {
  const labels = (options.types?.length ? options.types : (Object.keys(ENTITY_LABELS) as EntityType[])).map((t) => ENTITY_LABELS[t]);
  return {
    cypher: `
      CALL () {
        CALL db.index.fulltext.queryNodes('entity_names', $q, {limit: $first * 4}) YIELD node, score
        WITH node, score WHERE any(l IN labels(node) WHERE l IN $labels)
        RETURN score, ${ENTITY_PROJECTION('node')} AS entity, null AS article
        UNION ALL
        CALL db.index.fulltext.queryNodes('article_text', $q, {limit: $first}) YIELD node, score
        WITH node, score WHERE $includeArticles AND coalesce(node.stub, false) = false
        RETURN score, null AS entity, ${ARTICLE_PROJECTION('node', { body: false })} AS article
      }
      RETURN score, entity, article ORDER BY score DESC LIMIT $first`,
    params: { q: escapeLucene(options.query), labels, includeArticles: options.includeArticles, first: int(options.first) },
  };
}

export const mentionsByArticle = (ids: string[]): Query<Keyed<{ mentions: MentionRecord[] }>> => ({
  cypher: `
    UNWIND $ids AS id
    MATCH (a:Article {id: id})
    CALL (a) {
      MATCH (a)-[m:MENTIONS]->(e:Entity)
      // the entity's id breaks ties, so the order does not depend on storage
      WITH m, e ORDER BY m.salience DESC, m.firstOffset, e.id
      RETURN collect({ count: m.count, firstOffset: m.firstOffset, inHeadline: m.inHeadline, salience: m.salience,
                       entity: ${ENTITY_PROJECTION('e')} }) AS mentions
    }
    RETURN id, mentions`,
  params: { ids },
});

/**
 * An entity's articles, newest first: all of them sorted when few mention it, else the
 * publishedAt index walked from the newest (an Expand(Into) check per article) up to the end of
 * the page, so a hot entity's full degree is never expanded. The total is the node degree.
 */
export const articlesByEntity = (options: { ids: string[]; skip: number; limit: number }): Query<Keyed<PageRow<ArticleRecord>>> => ({
  cypher: `
    UNWIND $ids AS id
    MATCH (e:Entity {id: id})
    WITH id, e, COUNT { (e)<-[:MENTIONS]-() } AS degree
    CALL (e, degree) {
      UNWIND (CASE WHEN degree <= $expandMax THEN [e] ELSE [] END) AS x
      MATCH (x)<-[:MENTIONS]-(a:Article)
      WITH a ORDER BY a.publishedAt IS NULL, a.publishedAt DESC, a.id DESC
      RETURN collect(a) AS all
    }
    OPTIONAL CALL (e, degree) {
      WITH e WHERE degree > $expandMax
      CALL (e) {
        MATCH (a:Article) WHERE a.publishedAt IS NOT NULL AND a.id IS NOT NULL AND (a)-[:MENTIONS]->(e)
        WITH a ORDER BY a.publishedAt DESC, a.id DESC LIMIT $skip + $limit
        RETURN collect(a) AS newest
      }
      // undated articles come last: looked for only when the page reaches past the dated ones
      // (a COLLECT in a CASE runs only when its branch is taken; a guarded CALL was planned eagerly)
      WITH e, newest, CASE WHEN size(newest) < $skip + $limit THEN COLLECT {
        MATCH (e)<-[:MENTIONS]-(a:Article) WHERE a.publishedAt IS NULL
        WITH a ORDER BY a.id DESC
        RETURN a
      } ELSE [] END AS undated
      RETURN newest + undated AS walked
    }
    WITH id, degree, CASE WHEN degree <= $expandMax THEN all[$skip..($skip + $limit)] ELSE walked[$skip..($skip + $limit)] END AS rows
    RETURN id, degree AS totalCount, [a IN rows | ${ARTICLE_PROJECTION('a', { body: false })}] AS items`,
  params: { ids: options.ids, skip: int(options.skip), limit: int(options.limit), expandMax: int(EXPAND_MAX) },
});

export type Direction = 'OUT' | 'IN' | 'BOTH';

/** Sentences a relation returns at most (`evidenceCount` counts them all). */
export const RELATION_EVIDENCE_MAX = SUMMARY_EVIDENCE;

/**
 * Relations of many entities at once, one row per (type, from, to, title), with its first
 * RELATION_EVIDENCE_MAX sentences in article order and the number of them all. The relations
 * are ranked from their summaries (relation-summaries.ts: one edge per relation, with its weight,
 * highest confidence and first sentences), never from the evidence edges: a hub (立法院 in a
 * year of news) holds hundreds of thousands of them.
 */
export function relationsByEntity(options: {
  ids: string[];
  types?: RelationType[];
  direction: Direction;
  first: number;
  /** Sentences per relation, at most RELATION_EVIDENCE_MAX (the default). */
  evidence?: number;
}): Query<Keyed<{ relations: RelationRecord[] }>> {
  const types = relationLabels(options.types);
  const rel = `[r:${SUMMARY}]`;
  const pattern = options.direction === 'OUT' ? `(e)-${rel}->(o)` : options.direction === 'IN' ? `(e)<-${rel}-(o)` : `(e)-${rel}-(o)`;
  return {
    cypher: `
      UNWIND $ids AS id
      MATCH (e:Entity {id: id})
      CALL (e) {
        MATCH ${pattern} WHERE r.type IN $types
        WITH r, startNode(r) AS s, endNode(r) AS t, r.type AS type, r.title AS title, r.confidence AS confidence, r.weight AS evidenceCount
        ORDER BY confidence DESC, evidenceCount DESC, type, t.name, t.id, s.id, title
        LIMIT $first
        WITH s, t, type, title, confidence, evidenceCount, ${SUMMARY_EVIDENCE_LIST('r', 's', 't', '$evidenceMax', { editor: true })} AS evidence
        RETURN collect({ type: type, title: CASE title WHEN '' THEN null ELSE title END, confidence: confidence,
                         evidence: evidence, evidenceCount: evidenceCount,
                         from: ${ENTITY_PROJECTION('s')}, to: ${ENTITY_PROJECTION('t')} }) AS relations
      }
      RETURN id, relations`,
    params: {
      ids: options.ids,
      types,
      first: int(options.first),
      evidenceMax: int(Math.min(options.evidence ?? RELATION_EVIDENCE_MAX, RELATION_EVIDENCE_MAX)),
    },
  };
}

/**
 * Counts come from Neo4j's count store (one label or relationship type per count), so stats
 * stays instant on a large graph; the date range comes from the publishedAt index.
 */
export function counts(): Query<StatsRecord> {
  // one subquery per count, returning nothing but count(): the shape the planner answers from
  // the count store (a literal next to the count, as in a UNION of rows, makes it scan the label)
  const entityTypes = Object.entries(ENTITY_LABELS);
  const relationTypes = [...Object.values(RELATION_LABELS), 'MENTIONS', 'CO_OCCURS', 'LINKS_TO', 'DUPLICATE_OF'];
  const entityCounts = entityTypes.map(([, label], i) => `CALL () { MATCH (e:${label}) RETURN count(e) AS e${i} }`).join('\n      ');
  const relationCounts = relationTypes.map((t, i) => `CALL () { MATCH ()-[r:${t}]->() RETURN count(r) AS r${i} }`).join('\n      ');
  const entityList = entityTypes.map(([type], i) => `{ type: '${type}', count: e${i} }`).join(', ');
  const relationList = relationTypes.map((t, i) => `{ type: '${t}', count: r${i} }`).join(', ');
  return {
    cypher: `
      CALL () { OPTIONAL MATCH (a:Article) WHERE a.publishedAt IS NOT NULL WITH a ORDER BY a.publishedAt ASC LIMIT 1 RETURN a.publishedAt AS firstPublished }
      CALL () { OPTIONAL MATCH (a:Article) WHERE a.publishedAt IS NOT NULL WITH a ORDER BY a.publishedAt DESC LIMIT 1 RETURN a.publishedAt AS lastPublished }
      ${entityCounts}
      ${relationCounts}
      RETURN ${ARTICLES_LESS_STUBS} AS articles, firstPublished, lastPublished,
             [x IN [${entityList}] WHERE x.count > 0] AS entities,
             [x IN [${relationList}] WHERE x.count > 0] AS relations`,
    params: {},
  };
}

export const articleCount = (): Query<{ count: number }> => ({
  cypher: `RETURN ${ARTICLES_LESS_STUBS} AS count`,
  params: {},
});
