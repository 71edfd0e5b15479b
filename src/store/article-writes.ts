import { createHash, randomUUID } from 'node:crypto';
import type { Article, Extraction, RelationType } from '../domain/types';
import { int } from 'neo4j-driver';
import type { Executor, Query } from './executor';
import { curationRules, resolveRedirects } from './entity-writes';
import { BANDS, DUPLICATE_MIN_CONTAINMENT, bandAt, bandBound, bandProperties, containment, foldText, trigrams } from './fingerprint';
import { ENTITY_LABELS, RELATION_LABELS } from './labels';
import { ADD_TO_SUMMARIES, refreshPairs } from './relation-summaries';
import { recordChanges, type ChangePayload } from './change-feed';
import { assignStories, leaveStory, type StoryChange } from './story-writes';
import { APPLY_ARTICLE_DELTAS, LISTED_KEY } from './article-counts';
import { APPLY_DAY_DELTAS, AS_ORIGINAL, DAY_SUFFIX } from './entity-counts';

/** What writing one article did to the graph. */
export type WriteStatus = 'new' | 'updated' | 'unchanged';

export interface WriteResult {
  id: string;
  status: WriteStatus;
  /** The earlier article this one is a near-identical copy of (a republished wire story). */
  duplicateOf?: string;
  /** The story the article is in after the write, and what the write did to it. */
  story?: StoryChange;
}

/** Titles are compared loosely so that a teaser's headline finds the article it announces. */
export function titleKey(title: string): string {
  return foldText(title).replace(/臺/g, '台');
}

const sha = (s: string): string => createHash('sha256').update(s).digest('hex');

export function stubId(link: { title: string; url?: string }): string {
  return `stub_${sha(link.url ?? titleKey(link.title)).slice(0, 16)}`;
}

function articleProps(article: Article) {
  const body = article.paragraphs.join('\n');
  const bands = bandProperties(body);
  return {
    ...bands,
    bandAt: bandAt(bands.hasBands, article.publishedAt),
    id: article.id,
    url: article.url ?? null,
    title: article.title,
    titleKey: titleKey(article.title),
    source: article.source ?? null,
    site: article.site ?? null,
    publishedAt: article.publishedAt ?? null,
    language: article.language,
    lead: article.paragraphs[0] ?? '',
    body,
    // everything extraction reads: a change to any of it re-extracts the article
    bodyHash: sha(
      JSON.stringify([
        article.title,
        body,
        article.captions ?? [],
        article.tags,
        article.credits ?? [],
        article.dateline ?? null,
        article.authors.map((a) => a.name),
      ]),
    ),
    authors: article.authors.map((a) => a.name),
    authorRoles: article.authors.map((a) => a.role),
    tags: article.tags,
    captions: article.captions,
    // kept so that reapplyCuration can read the article again as ingestion gave it
    credits: article.credits ?? null,
    dateline: article.dateline ?? null,
  };
}

type Props = ReturnType<typeof articleProps>;

/**
 * Every statement below runs over a batch of articles (UNWIND), one round trip for the whole
 * batch; a single article is a batch of one.
 */
const upsertArticles = (rows: Props[]): Query => ({
  cypher: `
    UNWIND $rows AS props
    OPTIONAL MATCH (old:Article {id: props.id})
    WITH props, old IS NOT NULL AND coalesce(old.stub, false) = false AS existed, old.bodyHash AS oldHash
    // the same text again is recognised here, by the article's own key, and nothing is written
    OPTIONAL CALL (props, existed, oldHash) {
      WITH * WHERE NOT existed OR oldHash IS NULL OR oldHash <> props.bodyHash
      MERGE (a:Article {id: props.id})
      // the ArticleDay row it was counted under, before its properties change (article-counts.ts)
      WITH props, a, a.listedIn AS was
      SET a += props, a.stub = false, a.updatedAt = datetime(),
          a.publishedDate = CASE WHEN props.publishedAt IS NULL THEN null ELSE date(substring(props.publishedAt, 0, 10)) END,
          a.ingestedAt = coalesce(a.ingestedAt, datetime())
      SET a.listedIn = ${LISTED_KEY('a')}
      RETURN [x IN [{ key: was, articles: -1 }, { key: a.listedIn, articles: 1 }] WHERE x.key IS NOT NULL] AS listed
    }
    WITH collect({ id: props.id, existed: existed, oldHash: oldHash }) AS heads, collect(listed) AS listed
    CALL (listed) {
      WITH reduce(all = [], changes IN listed | all + changes) AS deltas
      ${APPLY_ARTICLE_DELTAS('deltas')}
    }
    UNWIND heads AS head
    RETURN head.id AS id, head.existed AS existed, head.oldHash AS oldHash`,
  params: { rows },
});

const existingDuplicates = (ids: string[]): Query => ({
  cypher: 'UNWIND $ids AS id MATCH (:Article {id: id})-[:DUPLICATE_OF]->(o:Article) RETURN id, min(o.id) AS originalId',
  params: { ids },
});

/**
 * Removes what earlier versions of these articles contributed (their links too, unless only the
 * extraction is redone); returns the entities each touched. Each entity's mentionCount loses the
 * article (when it counted: a copy never does), and relation evidence is found by its articleId
 * through the relationship indexes, never by walking a busy entity's edges.
 */
const clearArticles = (ids: string[], options: { links?: boolean } = {}): Query => ({
  cypher: `
    UNWIND $ids AS id
    MATCH (a:Article {id: id})
    WITH id, a, CASE WHEN EXISTS { (a)-[:DUPLICATE_OF]->() } THEN 0 ELSE 1 END AS counted
    OPTIONAL MATCH (a)-[m:MENTIONS|CREDITS]->(e:Entity)
    WITH id, a, counted, collect(DISTINCT e.id) AS entityIds, collect(m) AS ms
    FOREACH (e IN [m IN ms WHERE type(m) = 'MENTIONS' AND counted = 1 | endNode(m)] | SET e.mentionCount = coalesce(e.mentionCount, 0) - 1)
    FOREACH (m IN ms | DELETE m)
    WITH id, a, entityIds
    CALL (a) { MATCH (a)-[l:LINKS_TO|DUPLICATE_OF|PUBLISHED_BY]->() WHERE $links DELETE l }
    ${Object.values(RELATION_LABELS)
      .map(
        (type, i) =>
          `CALL (id) { MATCH (x)-[r:${type} {articleId: id}]->(y) WITH x, y, r DELETE r RETURN collect({ from: x.id, to: y.id }) AS p${i} }`,
      )
      .join('\n    ')}
    RETURN id, entityIds, ${Object.values(RELATION_LABELS)
      .map((_, i) => `p${i}`)
      .join(' + ')} AS pairs`,
  params: { ids, links: options.links ?? true },
});

/**
 * Before clearArticles: the articles' EntityDay rows lose what the articles were credited with
 * (`countedIn`, kept from when they were counted: upsertArticles has overwritten their date and
 * outlet by now), through their own MENTIONS.
 */
const uncountDays = (ids: string[]): Query => ({
  cypher: `
    UNWIND $ids AS id
    MATCH (a:Article {id: id}) WHERE a.countedIn IS NOT NULL
    WITH a, a.countedIn AS suffix
    REMOVE a.countedIn
    WITH a, suffix
    MATCH (a)-[m:MENTIONS]->(e:Entity)
    WITH collect({ entityId: e.id, suffix: suffix, articles: -1, mentions: -m.count }) AS deltas
    ${APPLY_DAY_DELTAS('deltas')}`,
  params: { ids },
});

/**
 * Which article's spelling becomes an entity's display name: a graph of Taiwanese news shows
 * 林佳龍 rather than Lin Chia-lung, whichever article arrived first; the English name stays in
 * nameEn and the aliases.
 */
export function namePriority(language: string): number {
  if (language === 'zh-Hant' || language === 'zh-TW') return 3;
  return language.startsWith('zh') ? 2 : 1;
}

interface Contribution {
  article: Article;
  extraction: Extraction;
}

/**
 * The entities of a batch, one row per id: the name of the first article with the best name
 * priority (what writing them one after another gives), the aliases of all.
 */
function entityRows(items: Contribution[]) {
  const rows = new Map<
    string,
    {
      id: string;
      type: string;
      name: string;
      priority: number;
      aliases: string[];
      en: string | null;
      iso2: string | null;
      kind: string | null;
    }
  >();
  for (const { article, extraction } of items) {
    const priority = namePriority(article.language);
    for (const e of extraction.entities) {
      const prev = rows.get(e.id);
      if (!prev) {
        rows.set(e.id, {
          id: e.id,
          type: e.type,
          name: e.name,
          priority,
          aliases: [...new Set([e.name, ...e.aliases])],
          en: e.en ?? null,
          iso2: e.iso2 ?? null,
          kind: e.kind ?? null,
        });
        continue;
      }
      if (priority > prev.priority) Object.assign(prev, { name: e.name, priority });
      prev.aliases = [...new Set([...prev.aliases, e.name, ...e.aliases])];
      prev.en ??= e.en ?? null;
      prev.iso2 ??= e.iso2 ?? null;
      prev.kind ??= e.kind ?? null;
    }
  }
  return [...rows.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Entities are written in id order and only touched when something changed: busy entities
 * (台灣, 立法院) are in most articles, and an unconditional SET would lock them in every
 * transaction, serialising concurrent ingestion and inviting deadlocks.
 */
const upsertEntities = (items: Contribution[]): Query => ({
  cypher: `
    UNWIND $entities AS x
    MERGE (e:Entity {id: x.id})
    ON CREATE SET e.type = x.type, e.createdAt = $stamp, e.mentionCount = 0
    WITH e, x, e.createdAt = $stamp AS created,
         // a name an editor removed (or merged away as junk) never becomes the display name either
         coalesce(e.namePriority, 0) < x.priority AND NOT x.name IN coalesce(e.removedAliases, []) AS better,
         // an alias an editor removed stays removed
         [s IN x.aliases WHERE NOT s IN coalesce(e.aliases, []) AND NOT s IN coalesce(e.removedAliases, [])] AS extra
    CALL (e, x, created, better, extra) {
      WITH * WHERE created OR better OR size(extra) > 0 OR (e.nameEn IS NULL AND x.en IS NOT NULL)
        OR (e.iso2 IS NULL AND x.iso2 IS NOT NULL) OR (e.kind IS NULL AND x.kind IS NOT NULL)
      SET e.name = CASE WHEN better THEN x.name ELSE e.name END,
          e.namePriority = CASE WHEN better THEN x.priority ELSE e.namePriority END,
          e.aliases = coalesce(e.aliases, []) + extra,
          e.nameEn = coalesce(e.nameEn, x.en),
          e.iso2 = coalesce(e.iso2, x.iso2),
          e.kind = coalesce(e.kind, x.kind)
      SET e.aliasText = reduce(t = '', s IN e.aliases | t + ' ' + s) + coalesce(' ' + e.nameEn, '')
    }
    // the label is set once, through a fixed CASE, never from input
    WITH e, x, created WHERE created
    ${Object.entries(ENTITY_LABELS)
      .map(([type, label]) => `FOREACH (_ IN CASE WHEN x.type = '${type}' THEN [1] ELSE [] END | SET e:${label})`)
      .join('\n    ')}`,
  params: {
    entities: entityRows(items),
    // marks the entities this statement creates (datetime() would be the same for earlier ones in the transaction)
    stamp: `${Date.now()}-${randomUUID()}`,
  },
});

const topicParents = (items: Contribution[]): Query => {
  const pairs = new Map<string, { child: string; parent: string }>();
  for (const { extraction } of items) {
    for (const e of extraction.entities)
      if (e.type === 'topic' && e.parentId) pairs.set(`${e.id}\u0000${e.parentId}`, { child: e.id, parent: e.parentId });
  }
  return {
    cypher: `
      UNWIND $pairs AS p
      // by the Entity key (indexed), not by the Topic label (a label scan)
      MATCH (c:Entity {id: p.child}), (t:Entity {id: p.parent}) WHERE c:Topic AND t:Topic
      MERGE (c)-[:SUBTOPIC_OF]->(t)`,
    params: { pairs: [...pairs.values()] },
  };
};

/** The mentions an article's MENTIONS edges are made of: one per entity, credits left out. */
const edgeMentions = (extraction: Extraction): Extraction['mentions'] => [
  ...new Map(extraction.mentions.filter((m) => !m.credit).map((m) => [m.entityId, m])).values(),
];

/**
 * The articles' mentions, after clearArticles (so every edge is new) and the copy links: each
 * entity's mentionCount gains the article unless it is a copy (DUPLICATE_OF), each article records
 * what it is credited as (`countedIn`: day, outlet, language, copy or not) and its entities'
 * EntityDay rows gain it, from the same parameters that make the edges (the new MENTIONS are
 * never read back).
 */
function writeMentions(items: Contribution[]): Query {
  // the edges of each article, one list for the edges' parameters and the lists kept beside them
  const edges = items.map(({ extraction }) => edgeMentions(extraction));
  return {
    cypher: `
    UNWIND range(0, size($ids) - 1) AS k
    OPTIONAL MATCH (a:Article {id: $ids[k]})
    WITH k, a, ${DAY_SUFFIX('a')} AS suffix
    // the mentions as two lists beside the edges, in step with them: story assignment reads a
    // candidate article's entities from these (see candidateDetails in story-writes.ts)
    SET a.countedIn = suffix, a.mentionEntityIds = $vectors[k].entityIds, a.mentionSaliences = $vectors[k].saliences
    // per article, in $ids order (a mention names its article by index k): counted or not, credited as
    WITH k, a, suffix ORDER BY k
    WITH collect([CASE WHEN a IS NULL OR EXISTS { (a)-[:DUPLICATE_OF]->() } THEN 0 ELSE 1 END, suffix]) AS byArticle
    // edges in entity order, so that concurrent writers take the locks of busy entities in one order
    UNWIND $mentions AS m
    MATCH (a:Article {id: m.articleId}), (e:Entity {id: m.entityId})
    CREATE (a)-[:MENTIONS {count: m.count, firstOffset: m.firstOffset, inHeadline: m.inHeadline, salience: m.salience}]->(e)
    WITH e, m, byArticle[m.k] AS article
    // one update per entity and batch, however many of the batch's articles mention it, in id order
    WITH e, sum(article[0]) AS added,
         collect(CASE WHEN article[1] IS NULL THEN null ELSE { entityId: e.id, suffix: article[1], articles: 1, mentions: m.count } END) AS credits
    ORDER BY e.id
    SET e.mentionCount = coalesce(e.mentionCount, 0) + added
    // then the EntityDay rows, once every entity is updated
    WITH collect(credits) AS perEntity
    UNWIND perEntity AS credits
    UNWIND credits AS credit
    WITH collect(credit) AS deltas
    ${APPLY_DAY_DELTAS('deltas')}`,
    params: {
      ids: items.map(({ article }) => article.id),
      vectors: edges.map((ms) => ({ entityIds: ms.map((m) => m.entityId), saliences: ms.map((m) => m.salience) })),
      mentions: items
        .flatMap(({ article }, k) =>
          // one edge per entity (the old ones are cleared, so CREATE)
          edges[k].map((m) => ({
            articleId: article.id,
            k: int(k),
            entityId: m.entityId,
            count: m.count,
            firstOffset: m.firstOffset,
            inHeadline: m.inHeadline,
            salience: m.salience,
          })),
        )
        .sort((x, y) => (x.entityId < y.entityId ? -1 : x.entityId > y.entityId ? 1 : x.articleId < y.articleId ? -1 : 1)),
    },
  };
}

/**
 * Outlets and agencies the page only credits (a byline outlet, a wire tag, a photo credit, a
 * dateline place) are credits of the article, not mentions: they neither count nor trend.
 */
const writeCredits = (items: Contribution[]): Query => ({
  cypher: `
    UNWIND $rows AS row
    MATCH (a:Article {id: row.id})
    UNWIND row.credits AS c
    MATCH (e:Entity {id: c})
    MERGE (a)-[:CREDITS]->(e)`,
  params: {
    rows: items
      .map(({ article, extraction }) => ({
        id: article.id,
        credits: [...new Set(extraction.mentions.filter((m) => m.credit).map((m) => m.entityId))],
      }))
      .filter((r) => r.credits.length),
  },
});

export const outletId = (source: string): string => `outlet:${foldText(source)}`;

/** The articles' own outlets as nodes, so dashboards can split by outlet. */
const writeOutlets = (articles: Article[]): Query => ({
  cypher: `
    UNWIND $rows AS row
    MATCH (a:Article {id: row.id})
    MERGE (o:Outlet {id: row.outletId})
    ON CREATE SET o.name = row.name, o.site = row.site
    SET o.site = coalesce(o.site, row.site)
    MERGE (a)-[:PUBLISHED_BY]->(o)`,
  params: {
    rows: articles
      .filter((a) => a.source)
      .map((a) => ({ id: a.id, outletId: outletId(a.source ?? ''), name: a.source ?? null, site: a.site ?? null })),
  },
});

/**
/**
 * The earlier versions' edges are gone (clearArticles), so CREATE: MERGE would scan busy pairs.
 * A relation an editor rejected, in this article or everywhere (rejectRelation), is not written,
 * also when an end has been merged into another entity or split off since the rejection: a
 * rejection names the ids of its time, so the ids that now lead to each end count too. A
 * rejection with a title (rejectRelation's `title`) holds for the relation under that title only.
 */
/** Ids that lead to an entity now: merged into it (Redirect, by its indexed target), or split off to it in article `articleId`. */
const EARLIER_IDS = (v: string, articleId: string): string =>
  `COLLECT { MATCH (d:Redirect {target: ${v}}) RETURN d.id AS id UNION MATCH (s:ArticleRedirect) WHERE s.id STARTS WITH ${articleId} + '|' AND s.target = ${v} RETURN substring(s.id, size(${articleId}) + 1) AS id }`;

const writeRelations = (type: RelationType, items: Contribution[], options: { checkRejections: boolean }): Query => {
  const rows = items.map(({ article, extraction }) => {
    const unique = new Map<string, Extraction['relations'][number]>();
    for (const r of extraction.relations) {
      if (r.type !== type) continue;
      const key = `${r.from}\u0000${r.to}\u0000${r.title ?? ''}`;
      const seen = unique.get(key);
      if (!seen || r.confidence > seen.confidence) unique.set(key, r);
    }
    return {
      id: article.id,
      relations: [...unique.values()].map((r) => ({
        from: r.from,
        to: r.to,
        title: r.title ?? '',
        evidence: r.evidence,
        confidence: r.confidence,
      })),
    };
  });
  return {
    cypher: `
      UNWIND $rows AS row
      UNWIND row.relations AS r
      WITH row.id AS aid, r${
        options.checkRejections
          ? `
      WITH aid, r, [r.from] + ${EARLIER_IDS('r.from', 'aid')} AS froms, [r.to] + ${EARLIER_IDS('r.to', 'aid')} AS tos
      WITH aid, r, reduce(acc = [], f IN froms | acc + [t IN tos | $type + '|' + f + '|' + t + '|']) AS rejected
      WITH aid, r, [k IN rejected | k + '*'] + [k IN rejected | k + aid] AS keys
      WHERE NOT EXISTS { MATCH (j:RejectedRelation) WHERE j.id IN keys + [k IN keys | k + '|' + r.title] }`
          : ''
      }
      MATCH (x:Entity {id: r.from}), (y:Entity {id: r.to})
      CREATE (x)-[rel:${RELATION_LABELS[type]} {articleId: aid, title: r.title}]->(y)
      SET rel.evidence = r.evidence, rel.confidence = r.confidence
      ${ADD_TO_SUMMARIES('x', 'y', 'rel')}`,
    params: { type: RELATION_LABELS[type], rows: rows.filter((r) => r.relations.length) },
  };
};

/** Teasers become LINKS_TO edges to stubs; a stub is replaced when its article arrives. */
const writeLinks = (articles: Article[]): Query => ({
  cypher: `
    UNWIND $rows AS row
    MATCH (a:Article {id: row.id})
    UNWIND row.links AS l
    MERGE (s:Article {id: l.id})
    ON CREATE SET s.stub = true, s.title = l.title, s.url = l.url, s.titleKey = l.titleKey
    WITH a, s WHERE s <> a
    MERGE (a)-[:LINKS_TO]->(s)`,
  params: {
    rows: articles
      .filter((a) => a.related.length)
      .map((a) => ({
        id: a.id,
        links: a.related.map((l) => ({ id: stubId(l), title: l.title, url: l.url ?? null, titleKey: titleKey(l.title) })),
      })),
  },
});

/**
 * Before the article bound as v is deleted: its copies lose their DUPLICATE_OF and start
 * counting, so their entities' mentionCount gains them (a copy has one DUPLICATE_OF), and their
 * EntityDay credits move from the copies' rows to the originals' (`countedIn` says so too).
 */
const RELEASE_COPIES = (v: string): string => `
      MATCH (copy:Article)-[:DUPLICATE_OF]->(${v}) WHERE COUNT { (copy)-[:DUPLICATE_OF]->() } = 1
      CALL (copy) {
        MATCH (copy)-[:MENTIONS]->(e:Entity)
        SET e.mentionCount = coalesce(e.mentionCount, 0) + 1
      }
      WITH copy, copy.countedIn AS was
      SET copy.countedIn = ${AS_ORIGINAL('was')}
      WITH copy, was, copy.countedIn AS now WHERE was <> now
      MATCH (copy)-[m:MENTIONS]->(e:Entity)
      WITH collect({ entityId: e.id, suffix: was, articles: -1, mentions: -m.count })
         + collect({ entityId: e.id, suffix: now, articles: 1, mentions: m.count }) AS deltas
      ${APPLY_DAY_DELTAS('deltas')}`;

const absorbStubs = (articles: Article[]): Query => ({
  cypher: `
    UNWIND range(0, size($rows) - 1) AS k
    WITH k, $rows[k] AS row
    MATCH (a:Article {id: row.id})
    // by the title key and url indexes (a match on stub = true would read every stub of the graph)
    CALL (row) {
      MATCH (s:Article {titleKey: row.titleKey}) RETURN s
      UNION
      MATCH (s:Article {url: row.url}) RETURN s
    }
    WITH k, a, row, s WHERE s.stub = true AND s.id <> row.id
    // one article takes a stub, the batch's first that answers to it (wire copies share a title)
    WITH s, a ORDER BY k
    WITH s, collect(a)[0] AS a
    // and the stub is locked before its links are read, so that another writer's copy cannot take it too
    SET s.absorbing = a.id
    WITH a, s
    OPTIONAL MATCH (src:Article)-[:LINKS_TO]->(s)
    WITH a, s, collect(src) AS sources
    FOREACH (src IN sources | MERGE (src)-[:LINKS_TO]->(a))
    WITH DISTINCT s
    CALL (s) { ${RELEASE_COPIES('s')} }
    DETACH DELETE s`,
  params: { rows: articles.map((a) => ({ id: a.id, titleKey: titleKey(a.title), url: a.url ?? null })) },
});

/**
 * Rows read per band key. A key shared by more articles than this is boilerplate (a byline, a
 * template sentence) far more often than a copy: only BUCKET_CAP of its articles are read, so the
 * work per article stays the same however large the graph grows instead of reading whole buckets
 * (at 5,000 generated articles the largest held 1,399, and an article read 1,485 band rows on
 * average). Which ones is a matter of the data, never of storage: the newest published before
 * the article's bound (bandBound: up to the day after its own), ties by id, so that the same
 * articles written again into a fresh graph meet the same candidates (node ids, which the index
 * would otherwise order equal keys by, are reused on a schedule that depends on timing). A copy
 * is published close to its original and shares most of its eight keys with it, so it is still
 * found through any of them that is not that common.
 */
export const BUCKET_CAP = 64;

/**
 * Per article, the articles sharing a MinHash band (20, in a fixed order), leaving out the batch's
 * later ones; bodies are not read here (candidateBodies, for the ones not in the trigram cache),
 * nor the candidates' own originals (existingDuplicates, for the few close enough to matter:
 * expanding DUPLICATE_OF walks every edge of each of the 2,000 candidates of a batch).
 */
const duplicateCandidates = (rows: { props: Props; later: string[] }[], cap = BUCKET_CAP): Query => ({
  cypher: `
    UNWIND $rows AS row
    WITH row.props AS props, row.later AS later, row.bound AS bound
    CALL (props, later, bound) {
      // one seek per band in the index (bandK, bandAt, id) (an OR of the eight would be planned as
      // a scan of every article; the hint keeps a key-only index, where one is left, from being
      // read whole and sorted), newest first in the index's own order (ORDER BY names the band
      // too, so the planner sees that order and stops after $cap rows: no sort, no whole
      // bucket), leaving out the article itself and the batch's later ones before the limit,
      // as writing the batch one article after another would; an article sharing n bands
      // comes n times, so counting the rows counts the shared bands
      CALL (props, later, bound) {
        ${Array.from(
          { length: BANDS },
          (_, k) =>
            `MATCH (b:Article {band${k}: props.band${k}}) USING INDEX b:Article(band${k}, bandAt, id)
        WHERE b.bandAt < bound AND b.id <> props.id AND NOT b.id IN later
        WITH b ORDER BY b.band${k} DESC, b.bandAt DESC, b.id DESC LIMIT $cap RETURN b`,
        ).join('\n        UNION ALL\n        ')}
      }
      WITH props, b, count(*) AS shared
      WHERE coalesce(b.stub, false) = false
      // a fixed order before the limit: the same graph always yields the same candidates
      WITH b, shared ORDER BY shared DESC, b.publishedAt, b.id LIMIT 20
      RETURN collect({ id: b.id, bodyHash: b.bodyHash, publishedAt: b.publishedAt }) AS candidates
    }
    RETURN props.id AS id, candidates`,
  params: { rows: rows.map((row) => ({ ...row, bound: bandBound(row.props.publishedAt) })), cap: int(cap) },
});

const candidateBodies = (ids: string[]): Query => ({
  cypher: "UNWIND $ids AS id MATCH (b:Article {id: id}) RETURN b.id AS id, b.bodyHash AS bodyHash, coalesce(b.body, '') AS body",
  params: { ids },
});

/**
 * Trigram sets of recent candidates, by id and body hash: the same candidates come up batch after
 * batch (a story's earlier articles, a common key's first articles), and their trigrams are most
 * of the duplicate check's work. Keyed by the hash, so a changed body is never compared stale.
 */
const GRAM_CACHE_SIZE = 1024;
const gramCache = new Map<string, Set<string>>();
const gramKey = (id: string, hash: unknown): string | null => (typeof hash === 'string' ? `${id}\u0000${hash}` : null);

function cachedGrams(key: string | null): Set<string> | undefined {
  if (key === null) return undefined;
  const hit = gramCache.get(key);
  if (hit) {
    // most recently used last
    gramCache.delete(key);
    gramCache.set(key, hit);
  }
  return hit;
}

function cacheGrams(key: string | null, grams: Set<string>): void {
  if (key === null) return;
  if (gramCache.size >= GRAM_CACHE_SIZE) gramCache.delete(gramCache.keys().next().value as string);
  gramCache.set(key, grams);
}

/** The trigram sets of the candidates, by id: from the cache, the rest read in one statement. */
async function candidateGrams(run: Run, candidates: Record<string, unknown>[]): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  const missing = new Set<string>();
  for (const c of candidates) {
    const id = c.id as string;
    if (out.has(id)) continue;
    const grams = cachedGrams(gramKey(id, c.bodyHash));
    if (grams) out.set(id, grams);
    else missing.add(id);
  }
  if (missing.size) {
    for (const r of await run(candidateBodies([...missing]))) {
      const grams = trigrams(r.body as string);
      out.set(r.id as string, grams);
      cacheGrams(gramKey(r.id as string, r.bodyHash), grams);
    }
  }
  return out;
}

interface Scored {
  row: Record<string, unknown>;
  score: number;
}

/** The candidates close enough to be the original of a body with trigrams `mine`, with their scores. */
function closeCandidates(mine: Set<string>, rows: Record<string, unknown>[], memo: Map<string, Set<string>>): Scored[] {
  const gramsOf = (r: Record<string, unknown>): Set<string> => {
    const id = r.id as string;
    let grams = memo.get(id);
    if (!grams) memo.set(id, (grams = trigrams((r.body as string | null) ?? '')));
    return grams;
  };
  return rows.map((row) => ({ row, score: containment(mine, gramsOf(row)) })).filter((r) => r.score >= DUPLICATE_MIN_CONTAINMENT);
}

/** The closest candidate's original (itself unless it is a copy), then the earliest, then by id. */
function bestOriginal(close: Scored[], originalOf: (row: Record<string, unknown>) => string): string | undefined {
  return close
    .map(({ row, score }) => ({ id: originalOf(row), score, publishedAt: (row.publishedAt as string | null) ?? '' }))
    .sort((x, y) => y.score - x.score || x.publishedAt.localeCompare(y.publishedAt) || x.id.localeCompare(y.id))[0]?.id;
}

/** Copies point at the earliest version, never at another copy, so chains stay one hop long. */
export function pickOriginal(
  body: string,
  rows: Record<string, unknown>[],
  /** Trigrams of candidates by id, shared across a batch: the same candidates come up for many of its articles. */
  memo: Map<string, Set<string>> = new Map(),
): string | undefined {
  return bestOriginal(closeCandidates(trigrams(body), rows, memo), (r) => (r.originalId as string | null) ?? (r.id as string));
}

const linkDuplicates = (pairs: { id: string; originalId: string }[]): Query => ({
  cypher: 'UNWIND $pairs AS p MATCH (a:Article {id: p.id}), (o:Article {id: p.originalId}) WHERE a <> o MERGE (a)-[:DUPLICATE_OF]->(o)',
  params: { pairs },
});

/** Entities that lost their last mention and relation go, so a changed body leaves no trace. */
const dropOrphans = (ids: string[]): Query => ({
  cypher: `
    UNWIND $ids AS id
    MATCH (e:Entity {id: id})
    WHERE NOT (e)<-[:MENTIONS|CREDITS]-() AND NOT (e)-[:${Object.values(RELATION_LABELS).join('|')}]-()
    DETACH DELETE e`,
  params: { ids },
});

/** Rewrites ids of entities that curators merged into others; merged duplicates become one. */
export function followRedirects(extraction: Extraction, targets: Map<string, string>): Extraction {
  const to = (id: string): string => targets.get(id) ?? id;
  if (![...targets].some(([id, target]) => id !== target)) return extraction;
  const entities = new Map<string, Extraction['entities'][number]>();
  for (const e of extraction.entities) {
    const id = to(e.id);
    const prev = entities.get(id);
    entities.set(id, prev ? { ...prev, aliases: [...new Set([...prev.aliases, e.name, ...e.aliases])] } : { ...e, id });
  }
  const mentions = new Map<string, Extraction['mentions'][number]>();
  for (const m of extraction.mentions) {
    const id = to(m.entityId);
    const prev = mentions.get(id);
    mentions.set(
      id,
      prev
        ? {
            ...prev,
            count: prev.count + m.count,
            firstOffset: Math.min(prev.firstOffset, m.firstOffset),
            inHeadline: prev.inHeadline || m.inHeadline,
            salience: Math.max(prev.salience, m.salience),
          }
        : { ...m, entityId: id },
    );
  }
  return {
    entities: [...entities.values()],
    mentions: [...mentions.values()],
    relations: extraction.relations.map((r) => ({ ...r, from: to(r.from), to: to(r.to) })).filter((r) => r.from !== r.to),
    cooccurrences: extraction.cooccurrences.map((c) => ({ ...c, a: to(c.a), b: to(c.b) })).filter((c) => c.a !== c.b),
  };
}

type Run = (q: Query) => Promise<Record<string, unknown>[]>;

/** Everything a batch of articles contributes, as statements inside a transaction someone else owns. */
export interface WriteOptions {
  /** Assign the article to a story (default true). */
  stories?: boolean;
  /** Told, once per batch, how long story assignment took inside the transaction, in ms (for benchmarks). */
  onStoryMs?: (ms: number) => void;
  /** Rows read per band key when looking for the original of a copy (default BUCKET_CAP, 64; tests lower it). */
  bucketCap?: number;
}

/** Leaves out what editors deleted: the entities, and their mentions, relations and co-occurrences. */
export function dropDeleted(extraction: Extraction, deleted: Set<string>): Extraction {
  if (!deleted.size) return extraction;
  return {
    entities: extraction.entities.filter((e) => !deleted.has(e.id)),
    mentions: extraction.mentions.filter((m) => !deleted.has(m.entityId)),
    relations: extraction.relations.filter((r) => !deleted.has(r.from) && !deleted.has(r.to)),
    cooccurrences: extraction.cooccurrences.filter((c) => !deleted.has(c.a) && !deleted.has(c.b)),
  };
}

/**
 * The extractions as curation has them: split and merged ids followed, deleted ones left out (one
 * statement for the batch, none when the graph holds no such rule), and whether the batch's
 * relations must be checked against rejections.
 */
async function curated(run: Run, items: Contribution[]): Promise<{ items: Contribution[]; rejections: boolean }> {
  const [rules] = await run(curationRules());
  const rejections = Boolean(rules?.rejections);
  // no redirect, split or deletion anywhere: every id stays as extraction gave it
  if (!rules?.redirects) return { items, rejections };
  const rows = await run(
    resolveRedirects(items.map(({ article, extraction }) => ({ articleId: article.id, ids: extraction.entities.map((e) => e.id) }))),
  );
  const byArticle = new Map<string, Record<string, unknown>[]>();
  for (const r of rows) byArticle.set(r.articleId as string, [...(byArticle.get(r.articleId as string) ?? []), r]);
  const resolved = items.map(({ article, extraction }) => {
    const mine = byArticle.get(article.id) ?? [];
    const redirected = followRedirects(extraction, new Map(mine.map((r) => [r.id as string, r.target as string])));
    return { article, extraction: dropDeleted(redirected, new Set(mine.filter((r) => r.deleted).map((r) => r.target as string))) };
  });
  return { items: resolved, rejections };
}

/**
 * Entities, mentions, credits and relations of a batch of articles, once the old ones are
 * cleared; entities nobody mentions any more go. Co-occurrence is not stored: it is derived
 * from shared MENTIONS when read (cooccurrences).
 */
async function writeContributions(
  run: Run,
  items: Contribution[],
  cleared: Map<string, string[]>,
  options: { rejections: boolean },
): Promise<void> {
  if (!items.length) return;
  await run(upsertEntities(items));
  if (items.some(({ extraction }) => extraction.entities.some((e) => e.type === 'topic' && e.parentId))) await run(topicParents(items));
  await run(writeMentions(items));
  if (items.some(({ extraction }) => extraction.mentions.some((m) => m.credit))) await run(writeCredits(items));
  const types = (Object.keys(RELATION_LABELS) as RelationType[]).filter((type) =>
    items.some(({ extraction }) => extraction.relations.some((r) => r.type === type)),
  );
  for (const type of types) await run(writeRelations(type, items, { checkRejections: options.rejections }));
  const gone = new Set<string>();
  for (const { article, extraction } of items) {
    const current = new Set(extraction.entities.map((e) => e.id));
    for (const id of cleared.get(article.id) ?? []) if (!current.has(id)) gone.add(id);
  }
  if (gone.size) await run(dropOrphans([...gone]));
}

async function clearAll(run: Run, ids: string[], options: { links?: boolean } = {}): Promise<Map<string, string[]>> {
  if (ids.length) await run(uncountDays(ids));
  const rows = ids.length ? await run(clearArticles(ids, options)) : [];
  // the summaries of the pairs whose evidence went, from what evidence is left (relation-summaries.ts)
  for (const q of refreshPairs(rows.flatMap((r) => r.pairs as { from: string; to: string }[]))) await run(q);
  return new Map(rows.map((r) => [r.id as string, r.entityIds as string[]]));
}

/**
 * Writes a batch of articles in order, as writing them one after another would: the same
 * statements over the whole batch (UNWIND), then story assignment article by article, so that
 * a later article in the batch can join the story an earlier one started. An article's copy
 * link only ever points at an earlier article of the batch.
 */
async function writeBatchWithin(run: Run, input: Contribution[], options: WriteOptions, changes: ChangePayload[]): Promise<WriteResult[]> {
  if (new Set(input.map((i) => i.article.id)).size < input.length) {
    // the same article twice in one batch: one after the other, each seeing the one before
    const out: WriteResult[] = [];
    for (const item of input) out.push(...(await writeBatchWithin(run, [item], options, changes)));
    return out;
  }
  const { items, rejections } = await curated(run, input);
  const props = items.map(({ article }) => articleProps(article));
  const heads = new Map((await run(upsertArticles(props))).map((r) => [r.id as string, r]));
  const statusOf = (id: string, hash: string): WriteStatus => {
    const head = heads.get(id);
    return !head?.existed ? 'new' : head.oldHash === hash ? 'unchanged' : 'updated';
  };
  const status = new Map(props.map((p) => [p.id, statusOf(p.id, p.bodyHash)]));
  const changed = items.filter(({ article }) => status.get(article.id) !== 'unchanged');
  const changedProps = props.filter((p) => status.get(p.id) !== 'unchanged');
  const unchangedIds = props.filter((p) => status.get(p.id) === 'unchanged').map((p) => p.id);
  // the same text again: what it contributed stays as it is (the names the graph knows may
  // have grown since, and a second reading must not change the graph), its story too
  const kept = new Map(
    unchangedIds.length ? (await run(existingDuplicates(unchangedIds))).map((r) => [r.id as string, r.originalId as string]) : [],
  );

  // a new article has nothing to clear yet (a stub it replaces has no edges of its own)
  const cleared = await clearAll(
    run,
    changed.filter(({ article }) => status.get(article.id) === 'updated').map(({ article }) => article.id),
  );
  const articles = changed.map(({ article }) => article);
  if (articles.some((a) => a.source)) await run(writeOutlets(articles));
  if (articles.length) await run(absorbStubs(articles));
  if (articles.some((a) => a.related.length)) {
    await run(writeLinks(articles));
    // a teaser earlier in the batch announced a later article of it: that one replaces the stub
    const announced = articles.filter((a, k) =>
      articles.slice(0, k).some((t) => t.related.some((l) => titleKey(l.title) === titleKey(a.title) || (l.url && l.url === a.url))),
    );
    if (announced.length) await run(absorbStubs(announced));
  }
  // the copy links first: the mentions written next count an article only when it is no copy
  const duplicateOf = new Map<string, string>();
  const banded = changedProps.filter((p) => p.hasBands);
  if (banded.length) {
    // articles later in the batch are not there yet for an earlier one
    const changedIds = changedProps.map((p) => p.id);
    const rows = banded.map((p) => ({ props: p, later: changedIds.slice(changedIds.indexOf(p.id) + 1) }));
    const found = new Map(
      (await run(duplicateCandidates(rows, options.bucketCap))).map((r) => [r.id as string, r.candidates as Record<string, unknown>[]]),
    );
    const memo = await candidateGrams(run, [...found.values()].flat());
    const close = new Map(banded.map((p) => [p.id, closeCandidates(trigrams(p.body), found.get(p.id) ?? [], memo)]));
    // only the close candidates' originals matter (a copy's original is the one to point at)
    const closeIds = [...new Set([...close.values()].flatMap((c) => c.map(({ row }) => row.id as string)))];
    const originals = new Map(
      closeIds.length ? (await run(existingDuplicates(closeIds))).map((r) => [r.id as string, r.originalId as string]) : [],
    );
    for (const p of banded) {
      const original = bestOriginal(close.get(p.id) ?? [], (row) => {
        const id = row.id as string;
        return duplicateOf.get(id) ?? originals.get(id) ?? id;
      });
      if (original && original !== p.id) duplicateOf.set(p.id, original);
    }
    if (duplicateOf.size) await run(linkDuplicates([...duplicateOf].map(([id, originalId]) => ({ id, originalId }))));
  }
  await writeContributions(run, changed, cleared, { rejections });

  const dupOf = (id: string): string | undefined => (status.get(id) === 'unchanged' ? kept.get(id) : duplicateOf.get(id));
  // every story of the batch in one go, in batch order (see assignStories)
  const started = performance.now();
  const stories =
    options.stories === false
      ? undefined
      : await assignStories(
          run,
          items.map(({ article, extraction }) => ({
            article,
            extraction,
            status: status.get(article.id)!,
            duplicateOf: dupOf(article.id),
          })),
        );
  if (changed.length) options.onStoryMs?.(performance.now() - started);

  const out: WriteResult[] = [];
  items.forEach(({ article, extraction }, k) => {
    const st = status.get(article.id)!;
    const dup = dupOf(article.id);
    const story = stories?.[k];
    if (st !== 'unchanged') {
      changes.push({
        kind: 'ingested',
        articleId: article.id,
        status: st,
        language: article.language ?? null,
        source: article.source ?? null,
        mentions: extraction.mentions.filter((m) => !m.credit).map((m) => ({ entityId: m.entityId, salience: m.salience })),
        story: story ?? null,
      });
    }
    out.push({ id: article.id, status: st, ...(dup ? { duplicateOf: dup } : {}), ...(story ? { story } : {}) });
  });
  return out;
}

/** Runs `work` with a list of changes that is written to the change feed before the transaction commits. */
async function withChanges<T>(run: Run, work: (changes: ChangePayload[]) => Promise<T>): Promise<T> {
  const changes: ChangePayload[] = [];
  const out = await work(changes);
  if (changes.length) await run(recordChanges(changes));
  return out;
}

/**
 * Stored articles as ingestion gave them, for reading them again (reapplyCuration): by id, or
 * the next `limit` after an id in id order. Teasers' stubs have no text and are left out.
 */
export function storedArticles(options: { ids?: string[]; afterId?: string | null; limit: number }): Query {
  return {
    cypher: `
      MATCH (a:Article) WHERE coalesce(a.stub, false) = false AND a.body IS NOT NULL
        AND (${options.ids ? 'a.id IN $ids' : '$afterId IS NULL OR a.id > $afterId'})
      RETURN a { .id, .url, .title, .publishedAt, .source, .site, .language, .body, .authors, .authorRoles, .tags, .captions, .credits, .dateline } AS a
      ORDER BY a.id LIMIT $limit`,
    params: { ids: options.ids ?? null, afterId: options.afterId ?? null, limit: int(options.limit) },
  };
}

export function articleFromStore(a: Record<string, unknown>): Article {
  const authors = (a.authors as string[] | null) ?? [];
  const roles = (a.authorRoles as string[] | null) ?? [];
  return {
    id: a.id as string,
    ...(a.url ? { url: a.url as string } : {}),
    title: a.title as string,
    ...(a.publishedAt ? { publishedAt: a.publishedAt as string } : {}),
    ...(a.source ? { source: a.source as string } : {}),
    ...(a.site ? { site: a.site as string } : {}),
    authors: authors.map((name, i) => ({ name, role: (roles[i] ?? 'author') as Article['authors'][number]['role'] })),
    language: (a.language as string | null) ?? 'zh-Hant',
    paragraphs: String(a.body ?? '').split('\n'),
    captions: (a.captions as string[] | null) ?? [],
    tags: (a.tags as string[] | null) ?? [],
    related: [],
    ...(a.credits ? { credits: a.credits as string[] } : {}),
    ...(a.dateline ? { dateline: a.dateline as string } : {}),
  };
}

/**
 * Replaces what stored articles contribute with a fresh extraction (curation changed since they
 * were read), in one transaction: links, duplicates, outlet and story stay as they are.
 */
export async function rewriteExtractions(executor: Executor, items: BatchItem[]): Promise<void> {
  await executor.writeTransaction(async (run) => {
    const { items: fresh, rejections } = await curated(run, items);
    const cleared = await clearAll(
      run,
      fresh.map(({ article }) => article.id),
      { links: false },
    );
    await writeContributions(run, fresh, cleared, { rejections });
  });
}

/**
 * Writes one article and its extraction in one transaction: all of it lands, or nothing.
 * Idempotent: what an earlier version contributed is replaced, never added to.
 */
export function writeArticle(
  executor: Executor,
  article: Article,
  extraction: Extraction,
  options: WriteOptions = {},
): Promise<WriteResult> {
  return executor.writeTransaction((run) =>
    withChanges(run, async (changes) => (await writeBatchWithin(run, [{ article, extraction }], options, changes))[0]),
  );
}

export interface BatchItem {
  article: Article;
  extraction: Extraction;
}

export type BatchResult = WriteResult | { id: string; error: Error };

/**
 * Writes several articles in one transaction, each statement over the whole batch (see
 * writeBatchWithin), which saves round trips and a commit per article. If the batch fails, each article is written again in a transaction of its own, so one bad article never
 * takes others down and nothing of it is half-written.
 */
export async function writeArticles(executor: Executor, items: BatchItem[], options: WriteOptions = {}): Promise<BatchResult[]> {
  if (items.length === 1) return [await writeArticle(executor, items[0].article, items[0].extraction, options)];
  try {
    return await executor.writeTransaction((run) => withChanges(run, (changes) => writeBatchWithin(run, items, options, changes)));
  } catch {
    const out: BatchResult[] = [];
    for (const item of items) {
      try {
        out.push(await writeArticle(executor, item.article, item.extraction, options));
      } catch (err) {
        if ((err as { code?: string }).code === 'UNAVAILABLE') throw err;
        out.push({ id: item.article.id, error: err instanceof Error ? err : new Error(String(err)) });
      }
    }
    return out;
  }
}

export interface DeleteResult {
  id: string;
  /** The story the article was in: recomputed, or deleted when it was its last article. */
  story?: { storyId: string; deleted: boolean };
}

/**
 * Deletes an article with its mentions and relation evidence; entities left with no mention and
 * no relation go too, and its story is recomputed. Returns null when there was no such article.
 */
export async function deleteArticle(executor: Executor, id: string): Promise<DeleteResult | null> {
  return executor.writeTransaction(async (run) => {
    const exists = await run({
      cypher: 'MATCH (a:Article {id: $id}) WHERE coalesce(a.stub, false) = false RETURN a.id AS id',
      params: { id },
    });
    if (!exists.length) return null;
    const story = await leaveStory(run, id);
    const cleared = await clearAll(run, [id]);
    await run({
      cypher: `
        MATCH (a:Article {id: $id})
        // a stub or a deleted article is in no list (article-counts.ts)
        CALL (a) {
          WITH [{ key: a.listedIn, articles: -1 }] AS deltas WHERE a.listedIn IS NOT NULL
          ${APPLY_ARTICLE_DELTAS('deltas')}
        }
        REMOVE a.listedIn
        WITH a
        OPTIONAL MATCH (src:Article)-[:LINKS_TO]->(a)
        WITH a, count(src) AS linked
        // a story other articles link to stays as a stub, so their links keep pointing somewhere
        // (without bandAt, out of the band indexes)
        FOREACH (_ IN CASE WHEN linked > 0 THEN [1] ELSE [] END |
          SET a.stub = true REMOVE a.body, a.lead, a.bodyHash, a.bandAt, a.authors, a.authorRoles, a.tags, a.captions)
        WITH a, linked WHERE linked = 0
        CALL (a) { ${RELEASE_COPIES('a')} }
        DETACH DELETE a`,
      params: { id },
    });
    const ids = cleared.get(id) ?? [];
    if (ids.length) await run(dropOrphans(ids));
    await run(recordChanges([{ kind: 'deleted', articleId: id, story: story ?? null }]));
    return { id, ...(story ? { story } : {}) };
  });
}
