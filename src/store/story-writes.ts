import { createHash } from 'node:crypto';
import type { Article, Extraction } from '../domain/types';
import { DEFAULT_PARAMS, decide, type CandidateStory, type ScoreParams, type StoryArticle, type StoryMatch } from '../stories/score';
import { MENTION_PAIRS } from './entity-counts';
import type { Query, Row } from './executor';

/**
 * Online story assignment, inside the transaction that writes the article: candidates are the
 * recent stories whose articles share a not-too-common entity with this one (an index lookup
 * per entity, never a scan of the graph), the pure scorer in src/stories decides, and the
 * story's summary properties are recomputed from its members.
 */

type Run = (q: Query) => Promise<Row[]>;

export type StoryChangeKind = 'created' | 'joined' | 'merged' | 'unchanged';

export interface StoryChange {
  storyId: string;
  kind: StoryChangeKind;
  /** Stories merged into `storyId` by a bridging article. */
  mergedIds: string[];
  /** The story the article left (update), when it differs from the new one. */
  leftStoryId?: string;
  /** Whether the left story was deleted because it had no article left. */
  leftStoryDeleted?: boolean;
}

const sha = (s: string): string => createHash('sha256').update(s).digest('hex');

/** Candidate articles looked at per new article. */
const MAX_CANDIDATES = 12;
/**
 * Entities in more articles than clamp(10 % of the graph, MIN, MAX) lead to no candidates: hubs
 * (a country, the legislature) are in most articles and rare in none, and following them would
 * make the work per article grow with the graph. With the cap fixed past 1,000 articles, the
 * lookup reads at most LOOKUP_ENTITIES × MAX_EXPAND_DF mentions whatever the graph's size.
 */
const MIN_EXPAND_DF = 30;
const MAX_EXPAND_DF = 100;

const addDays = (iso: string, days: number): string => new Date(Date.parse(iso.slice(0, 10)) + days * 86400000).toISOString().slice(0, 10);

export const storyOfArticle = (id: string): Query => ({
  cypher: 'MATCH (:Article {id: $id})-[:IN_STORY]->(s:Story) RETURN s.id AS id',
  params: { id },
});

/** `a.storyId` mirrors IN_STORY: the candidate lookup reads a property instead of walking each article's relationships. */
const detach = (id: string): Query => ({
  cypher: 'MATCH (a:Article {id: $id}) REMOVE a.storyId WITH a MATCH (a)-[r:IN_STORY]->(:Story) DELETE r',
  params: { id },
});

/** Entities of the new article used to find candidates. */
const LOOKUP_ENTITIES = 8;

/** Which of a list (a Cypher expression) of story ids a story or a redirect holds: a subquery body returning `taken`. */
const TAKEN = (list: string): string => `
      UNWIND ${list} AS id
      WITH id WHERE EXISTS { MATCH (:Story {id: id}) } OR EXISTS { MATCH (:StoryRedirect {id: id}) }
      RETURN collect(id) AS taken`;

const takenStoryIds = (storyIds: string[]): Query => ({ cypher: `CALL () { ${TAKEN('$storyIds')} } RETURN taken`, params: { storyIds } });

/**
 * The batch's view of the graph in one statement: its size, every entity of the batch with its
 * document frequency (degree store) and type, where the given articles are now (their story, for
 * updates and copies' originals), and which of the given story ids (each article's first derived one) are taken.
 */
const batchContext = (options: { entityIds: string[]; articleIds: string[]; storyIds: string[] }): Query => ({
  cypher: `
    CALL () { MATCH (a:Article) RETURN count(a) AS total }
    CALL () {
      UNWIND $entityIds AS id
      MATCH (e:Entity {id: id})
      RETURN collect({ id: id, type: e.type, df: COUNT { (e)<-[:MENTIONS]-() } }) AS entities
    }
    CALL () {
      UNWIND $articleIds AS id
      MATCH (a:Article {id: id})-[:IN_STORY]->(s:Story)
      RETURN collect({ id: id, storyId: s.id }) AS stories
    }
    CALL () { ${TAKEN('$storyIds')} }
    RETURN total, entities, stories, taken`,
  params: options,
});

/**
 * The members of stories that mention each lookup entity of the batch (rarer, more salient ones;
 * hubs were left out by the caller, see MAX_EXPAND_DF), copies left out: one expansion per
 * distinct entity, however many of the batch's articles look it up (they share most of them).
 * Membership and date are read from the article's properties (`storyId`, `publishedDate`), not
 * by walking its relationships. Only members dated within the window of one of the articles that
 * look the entity up come back (every member when one of them has no date): `pickCandidates`
 * drops the others anyway. `pickCandidates` then ranks them per article.
 */
export function storyCandidates(options: { rows: { lookup: { id: string }[]; from: string | null; to: string | null }[] }): Query {
  // per entity, the distinct windows of the articles looking it up; null: one of them has no date
  const windows = new Map<string, Map<string, [string, string]> | null>();
  for (const row of options.rows)
    for (const { id } of row.lookup) {
      if (row.from === null || row.to === null) windows.set(id, null);
      else if (!windows.has(id)) windows.set(id, new Map([[`${row.from}/${row.to}`, [row.from, row.to]]]));
      else windows.get(id)?.set(`${row.from}/${row.to}`, [row.from, row.to]);
    }
  return {
    // the cheap tests first (a CASE, since the planner would put the copy link, the costliest, first
    // in a plain AND and test it on every member): the date, the story, then the copy link. Only
    // articles have MENTIONS, so the members are not tested for the label.
    cypher: `
      UNWIND $entities AS x
      MATCH (:Entity {id: x.id})<-[:MENTIONS]-(b)
      WITH x, b, toString(b.publishedDate) AS date
      WHERE CASE WHEN x.windows IS NOT NULL AND NOT any(w IN x.windows WHERE date >= w[0] AND date <= w[1]) THEN false
                 WHEN b.storyId IS NULL THEN false
                 ELSE NOT EXISTS { (b)-[:DUPLICATE_OF]->() } END
      RETURN x.id AS id, collect([b.id, date]) AS articles`,
    params: { entities: [...windows].map(([id, w]) => ({ id, windows: w && [...w.values()] })) },
  };
}

/**
 * Per article, its candidates best first, at most MAX_CANDIDATES: the story members sharing its
 * lookup entities within its window, weighted by the sum of those entities' weights (summed in
 * lookup order), ties by id. The batch's own articles are not in a story yet: the caller adds the
 * earlier ones from memory.
 */
function pickCandidates(
  row: { id: string; lookup: { id: string; w: number }[]; from: string | null; to: string | null },
  byEntity: Map<string, [string, string | null][]>,
): { id: string; weight: number }[] {
  const weight = new Map<string, number>();
  for (const x of row.lookup) {
    for (const [id, date] of byEntity.get(x.id) ?? []) {
      if (id === row.id) continue;
      if (row.from !== null && (date === null || date < row.from || date > row.to!)) continue;
      weight.set(id, (weight.get(id) ?? 0) + x.w);
    }
  }
  return [...weight]
    .sort((x, y) => y[1] - x[1] || byId(x[0], y[0]))
    .slice(0, MAX_CANDIDATES)
    .map(([id, w]) => ({ id, weight: w }));
}

/**
 * What the scorer reads of candidate articles (found by storyCandidates): a row per article with
 * its mentioned entities as two lists (ids, saliences). They are read from the article's own
 * `mentionEntityIds` / `mentionSaliences`, which writeMentions keeps beside the edges (two
 * property reads instead of a read of every MENTIONS edge and its entity), and from the edges
 * where those are absent (an article written before they existed, or one whose edges a curator
 * changed) or where the caller found them stale (`expand`). The entities' document frequencies
 * are read once per distinct entity afterwards (entityDfs). Rows rather than one collected
 * value: the driver decodes a stream of flat rows about twice as fast as one row holding every
 * candidate's nested lists.
 */
const candidateDetails = (ids: string[], expand: string[] = []): Query => ({
  cypher: `
    UNWIND $ids AS id
    MATCH (b:Article {id: id})
    MATCH (s:Story {id: b.storyId})
    // the edges only where the lists cannot be used (a CASE evaluates the branch it takes only)
    WITH b, s, CASE WHEN b.mentionEntityIds IS NULL OR b.mentionSaliences IS NULL OR id IN $expand THEN ${MENTION_PAIRS('b')} END AS pairs
    RETURN b.id AS id, s.id AS storyId, s.firstSeen AS firstSeen, b.title AS title, substring(coalesce(b.lead, ''), 0, 160) AS lead,
           coalesce(b.language, '') AS language, b.publishedAt AS publishedAt,
           CASE WHEN pairs IS NULL THEN b.mentionEntityIds ELSE [p IN pairs | p[0]] END AS entityIds,
           CASE WHEN pairs IS NULL THEN b.mentionSaliences ELSE [p IN pairs | p[1]] END AS saliences`,
  params: { ids, expand },
});

/** Document frequencies (degree store) of entities by id; an id with no entity gives no row. */
const entityDfs = (ids: string[]): Query => ({
  cypher: 'UNWIND $ids AS id MATCH (e:Entity {id: id}) RETURN id, COUNT { (e)<-[:MENTIONS]-() } AS df',
  params: { ids },
});

/**
 * Links each later story to the earlier one it continues, with the entities and titles that
 * show it: one row per pair of stories (the caller keeps the last word on each pair, as writing
 * the articles one after another would). Runs after the summaries are refreshed, since which
 * story is later depends on its first date.
 */
const FOLLOWS_SET = `
    UNWIND $outcome.follows AS f
    MATCH (s:Story {id: f.storyId}), (y:Story {id: f.otherId}) WHERE y <> s
    WITH f, CASE WHEN coalesce(s.firstSeen, '') >= coalesce(y.firstSeen, '') THEN [s, y] ELSE [y, s] END AS pair
    WITH f, pair[0] AS later, pair[1] AS earlier
    WHERE NOT (earlier)-[:FOLLOWS]->(later)
    MERGE (later)-[g:FOLLOWS]->(earlier)
    SET g.shared = f.shared, g.evidence = f.evidence, g.score = f.score`;

const detachAll = (ids: string[]): Query => ({
  cypher: 'UNWIND $ids AS id MATCH (a:Article {id: id}) REMOVE a.storyId WITH a MATCH (a)-[r:IN_STORY]->(:Story) DELETE r',
  params: { ids },
});

const deleteStory = (id: string): Query => ({
  cypher: 'MATCH (s:Story {id: $id}) DETACH DELETE s',
  params: { id },
});

/** The rank of the article a story is named after (`summaryTitleRank`): 0 a zh-Hant original, 1 another Chinese original, 2 another original, 3 a copy. */
const TITLE_RANK = (originals: string): string => `
    CASE WHEN any(a IN ${originals} WHERE a.language = 'zh-Hant') THEN 0
         WHEN any(a IN ${originals} WHERE a.language STARTS WITH 'zh') THEN 1
         WHEN size(${originals}) > 0 THEN 2 ELSE 3 END`;

/** The article a story is named after, of `originals` (else any of `all`): a zh-Hant original first, then another Chinese one. */
const NAMED = (originals: string, all: string): string =>
  `head([a IN ${originals} WHERE a.language = 'zh-Hant'] + [a IN ${originals} WHERE a.language STARTS WITH 'zh'] + ${originals} + ${all})`;

/** The list `start` with each article's `property` of `articles` that it does not hold yet appended, in order. */
const APPEND_NEW = (start: string, articles: string, property: string): string =>
  `reduce(l = ${start}, a IN ${articles} | CASE WHEN a.${property} IS NULL OR a.${property} IN l THEN l ELSE l + a.${property} END)`;

/**
 * Recomputes a story's summary (bound as `s`) from its members; copies (DUPLICATE_OF) are not
 * counted as articles. Also keeps what lets INCREMENTAL_SET add later articles without reading
 * the members again: the last member in (publishedAt, id) order (`summaryTailAt`, `summaryTailId`)
 * and the rank of the article the story is named after (`summaryTitleRank`).
 */
const REFRESH_SET = `
    MATCH (a)-[:IN_STORY]->(s)
    WITH s, a ORDER BY a.publishedAt, a.id
    WITH s, collect(a) AS members
    WITH s, members,
         [a IN members WHERE NOT EXISTS { (a)-[:DUPLICATE_OF]->() }] AS originals,
         [a IN members WHERE a.publishedAt IS NOT NULL | a.publishedAt] AS dates
    WITH s, members, originals, dates,
         ${NAMED('originals', 'members')} AS named,
         head([a IN originals WHERE a.language = 'en']) AS english
    SET s.title = named.title,
        s.titleEn = english.title,
        s.articleCount = size(originals),
        s.copies = size(members) - size(originals),
        s.firstSeen = head(dates),
        s.lastSeen = last(dates),
        s.firstSeenDate = CASE WHEN size(dates) = 0 THEN null ELSE date(substring(head(dates), 0, 10)) END,
        s.lastSeenDate = CASE WHEN size(dates) = 0 THEN null ELSE date(substring(last(dates), 0, 10)) END,
        s.languages = ${APPEND_NEW('[]', 'members', 'language')},
        s.outlets = ${APPEND_NEW('[]', 'members', 'source')},
        s.summaryTailAt = last(members).publishedAt,
        s.summaryTailId = last(members).id,
        s.summaryTitleRank = ${TITLE_RANK('originals')},
        s.updatedAt = datetime()`;

/**
 * A story's summary (bound as `s`) after articles joined it (`added`, not members before, linked
 * now), without reading its other members, when every added article comes after all of them in
 * (publishedAt, id) order, the order REFRESH_SET reads them in: the counts grow, the last date
 * moves, new languages and outlets go at the end, and the title changes only when an added article
 * outranks the one the story is named after. Otherwise (an earlier article, or a story whose
 * summary predates the tail properties) the full recompute. Either way the same properties.
 */
const INCREMENTAL_SET = `
    WITH s, added, head(added) AS a0
    WITH s, added,
         s.summaryTailId IS NOT NULL AND s.summaryTitleRank IS NOT NULL AND s.languages IS NOT NULL AND s.outlets IS NOT NULL AND a0 IS NOT NULL AND
         CASE WHEN a0.publishedAt IS NULL THEN s.summaryTailAt IS NOT NULL OR s.summaryTailId < a0.id
              ELSE s.summaryTailAt IS NOT NULL AND (s.summaryTailAt < a0.publishedAt OR (s.summaryTailAt = a0.publishedAt AND s.summaryTailId < a0.id)) END AS after
    CALL (s, added, after) {
      WITH s, added WHERE after
      WITH s, added,
           [a IN added WHERE NOT EXISTS { (a)-[:DUPLICATE_OF]->() }] AS originals,
           [a IN added WHERE a.publishedAt IS NOT NULL | a.publishedAt] AS dates
      WITH s, added, originals, dates,
           ${NAMED('originals', 'added')} AS named,
           ${TITLE_RANK('originals')} AS rank,
           head([a IN originals WHERE a.language = 'en']) AS english
      WITH s, added, originals, named, rank, english,
           coalesce(s.firstSeen, head(dates)) AS firstAt,
           CASE WHEN size(dates) = 0 THEN s.lastSeen ELSE last(dates) END AS lastAt
      WITH s, added, originals, firstAt, lastAt,
           CASE WHEN rank < s.summaryTitleRank THEN named.title ELSE s.title END AS title,
           CASE WHEN rank < s.summaryTitleRank THEN rank ELSE s.summaryTitleRank END AS titleRank,
           CASE WHEN s.titleEn IS NULL THEN english.title ELSE s.titleEn END AS titleEn,
           s.articleCount + size(originals) AS articleCount,
           s.copies + size(added) - size(originals) AS copies,
           ${APPEND_NEW('s.languages', 'added', 'language')} AS languages,
           ${APPEND_NEW('s.outlets', 'added', 'source')} AS outlets
      SET s.title = title,
          s.titleEn = titleEn,
          s.articleCount = articleCount,
          s.copies = copies,
          s.firstSeen = firstAt,
          s.lastSeen = lastAt,
          s.firstSeenDate = CASE WHEN firstAt IS NULL THEN null ELSE date(substring(firstAt, 0, 10)) END,
          s.lastSeenDate = CASE WHEN lastAt IS NULL THEN null ELSE date(substring(lastAt, 0, 10)) END,
          s.languages = languages,
          s.outlets = outlets,
          s.summaryTailAt = last(added).publishedAt,
          s.summaryTailId = last(added).id,
          s.summaryTitleRank = titleRank,
          s.updatedAt = datetime()
    }
    CALL (s, after) {
      WITH s WHERE NOT after
      ${REFRESH_SET}
    }`;

const refreshProps = (id: string): Query => ({ cypher: `MATCH (s:Story {id: $id}) ${REFRESH_SET} RETURN s.id AS id`, params: { id } });

/** Recomputes stories from their members; those left with no article are deleted. One row per story found, `kept` false when deleted. */
const refreshMany = (ids: string[]): Query => ({
  cypher: `
    UNWIND $ids AS id
    MATCH (s:Story {id: id})
    CALL (s) { ${REFRESH_SET} }
    WITH s, id, EXISTS { (:Article)-[:IN_STORY]->(s) } AS kept
    CALL (s, kept) { WITH * WHERE NOT kept DETACH DELETE s }
    RETURN id, kept`,
  params: { ids },
});

/**
 * The outcome of a batch's decisions, in one statement, each part in turn: new stories, articles
 * put into stories (`a.storyId` mirrors IN_STORY), summaries (`full`: recomputed from the members,
 * for new and merged stories; `joined`: grown by the articles that joined, see INCREMENTAL_SET),
 * then FOLLOWS (which story is later depends on the refreshed first dates). When stories merge,
 * the caller runs it twice: new stories and links, the merges, then summaries and FOLLOWS.
 */
const writeOutcome = (options: {
  created?: string[];
  links?: { articleId: string; storyId: string }[];
  full?: string[];
  joined?: { id: string; articleIds: string[] }[];
  follows?: { storyId: string; otherId: string; shared: string[]; evidence: string[]; score: number }[];
}): Query => ({
  cypher: `CYPHER replan=skip
    CALL () {
      UNWIND $outcome.created AS id
      CREATE (:Story {id: id, createdAt: datetime()})
    }
    CALL () {
      UNWIND $outcome.links AS x
      MATCH (a:Article {id: x.articleId}), (s:Story {id: x.storyId})
      MERGE (a)-[:IN_STORY]->(s)
      SET a.storyId = s.id
    }
    CALL () {
      UNWIND $outcome.full AS id
      MATCH (s:Story {id: id})
      CALL (s) { ${REFRESH_SET} }
    }
    CALL () {
      UNWIND $outcome.joined AS x
      MATCH (s:Story {id: x.id})
      CALL (x) {
        UNWIND x.articleIds AS id
        MATCH (a:Article {id: id})
        WITH a ORDER BY a.publishedAt, a.id
        RETURN collect(a) AS added
      }
      ${INCREMENTAL_SET}
    }
    CALL () { ${FOLLOWS_SET} }
    RETURN count(*) AS done`,
  // one map, not five lists: the plan cache keys on parameter types, and an empty list is another
  // type than a list of strings, so each mix of empty and non-empty parts would be planned again.
  // `replan=skip`: planning this statement costs far more than running it, and its plan does not
  // depend on the graph's size (unique-id seeks and expansions from the stories found; the members'
  // pattern carries no label a scan could start from), so it is not planned again as the graph grows
  params: {
    outcome: {
      created: options.created ?? [],
      links: options.links ?? [],
      full: options.full ?? [],
      joined: options.joined ?? [],
      follows: options.follows ?? [],
    },
  },
});

/** The story ids an article may start, in order: derived from its id, so the same input gives the same ids. */
const derivedStoryIds = (articleId: string): string[] =>
  [0, 1, 2, 3, 4, 5, 6, 7].map((n) => `story_${sha(n ? `${articleId}#${n}` : articleId).slice(0, 16)}`);

/** Recomputes a story, or deletes it when no article is left in it. Returns false when deleted. */
export async function refreshStory(run: Run, id: string): Promise<boolean> {
  // no row: the story has no article left (or is gone)
  if ((await run(refreshProps(id))).length) return true;
  await run(deleteStory(id));
  return false;
}

/** Moves every article and FOLLOWS link of one story into another; the old id redirects. */
const mergeStoryInto = (keep: string, merge: string): Query => ({
  cypher: `
    MATCH (k:Story {id: $keep}), (m:Story {id: $merge})
    CALL (k, m) {
      MATCH (a:Article)-[r:IN_STORY]->(m)
      DELETE r
      MERGE (a)-[:IN_STORY]->(k)
      SET a.storyId = k.id
    }
    CALL (k, m) {
      MATCH (m)-[f:FOLLOWS]->(x:Story) WHERE x <> k
      MERGE (k)-[g:FOLLOWS]->(x)
      SET g.shared = coalesce(g.shared, f.shared), g.evidence = coalesce(g.evidence, f.evidence), g.score = coalesce(g.score, f.score)
    }
    CALL (k, m) {
      MATCH (x:Story)-[f:FOLLOWS]->(m) WHERE x <> k
      MERGE (x)-[g:FOLLOWS]->(k)
      SET g.shared = coalesce(g.shared, f.shared), g.evidence = coalesce(g.evidence, f.evidence), g.score = coalesce(g.score, f.score)
    }
    CALL (k, m) {
      MATCH (old:StoryRedirect {target: m.id})
      SET old.target = k.id
    }
    MERGE (r:StoryRedirect {id: m.id})
    SET r.target = k.id
    DETACH DELETE m`,
  params: { keep, merge },
});

/** An article of a batch, as story assignment sees it. */
export interface StoryEntry {
  article: Article;
  extraction: Extraction;
  status: 'new' | 'updated' | 'unchanged';
  /** The earlier article this one is a copy of: it joins that article's story. */
  duplicateOf?: string;
}

interface FollowLink {
  otherId: string;
  shared: string[];
  evidence: string[];
  score: number;
}

interface CandidateDetails {
  storyId: string;
  firstSeen: string | null;
  title: string;
  lead: string;
  language: string;
  publishedAt: string | null;
  entities: { id: string; salience: number; df: number }[];
}

/** A candidate article: found in the graph (storyCandidates) or written earlier in the batch. */
interface Candidate {
  article: StoryArticle;
  storyId: string;
  weight: number;
}

const earlierDate = (a: string | null | undefined, b: string | null | undefined): string | null =>
  a == null ? (b ?? null) : b == null ? a : a <= b ? a : b;

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The details of candidate articles with every entity's document frequency, entities sorted by id
 * (the same order whichever way they were read). An entity of an article's lists that is gone (a
 * curator merged or deleted it since) means the lists are stale: that article is read again from
 * its edges.
 */
async function readDetails(
  run: Run,
  ids: string[],
  dfOf: Map<string, number>,
  expand: string[] = [],
): Promise<Map<string, CandidateDetails>> {
  const rows = await run(candidateDetails(ids, expand));
  const unknown = [...new Set(rows.flatMap((r) => (r.entityIds as string[]).filter((id) => !dfOf.has(id))))];
  const gone = new Set(unknown);
  if (unknown.length)
    for (const r of await run(entityDfs(unknown))) {
      dfOf.set(r.id as string, Number(r.df));
      gone.delete(r.id as string);
    }
  const out = new Map<string, CandidateDetails>();
  const stale: string[] = [];
  for (const r of rows) {
    const entityIds = r.entityIds as string[];
    if (!expand.length && entityIds.some((id) => gone.has(id))) {
      stale.push(r.id as string);
      continue;
    }
    const saliences = r.saliences as number[];
    out.set(r.id as string, {
      storyId: r.storyId as string,
      firstSeen: (r.firstSeen as string | null) ?? null,
      title: r.title as string,
      lead: r.lead as string,
      language: r.language as string,
      publishedAt: (r.publishedAt as string | null) ?? null,
      entities: entityIds
        .map((id, i) => ({ id, salience: saliences[i], df: dfOf.get(id) }))
        .filter((x): x is { id: string; salience: number; df: number } => x.df !== undefined)
        .sort((x, y) => byId(x.id, y.id)),
    });
  }
  if (stale.length) for (const [id, d] of await readDetails(run, stale, dfOf, stale)) out.set(id, d);
  return out;
}

/**
 * The graph's candidates that can be among an article's MAX_CANDIDATES best once the batch's
 * earlier articles compete with them, as the loop in assignStories ranks them (weight, then id):
 * the only ones whose details are needed. Which earlier articles compete does not depend on the
 * decisions: every earlier one that is no copy. Copies whose original has a story take no
 * candidates at all. `skip`: candidates without details (their story is gone), left out as the
 * loop leaves them out.
 */
function poolCandidates(options: {
  todo: StoryEntry[];
  found: Map<string, { id: string; weight: number }[]>;
  lookups: Map<string, { id: string; w: number }[]>;
  windowOf: (publishedAt?: string | null) => { from: string | null; to: string | null };
  graphStories: Map<string, string>;
  skip: Set<string>;
}): string[] {
  const { todo, found, lookups, windowOf, graphStories, skip } = options;
  const wanted = new Set<string>();
  const earlier = new Set<string>();
  const members: { id: string; date: string | null; mentioned: Set<string> }[] = [];
  for (const e of todo) {
    const { article } = e;
    const copyJoins = e.duplicateOf !== undefined && (earlier.has(e.duplicateOf) || graphStories.has(e.duplicateOf));
    earlier.add(article.id);
    if (copyJoins) continue;
    const graph = (found.get(article.id) ?? []).filter((c) => !skip.has(c.id));
    if (graph.length && e.extraction.mentions.some((m) => !m.credit)) {
      const lookup = lookups.get(article.id)!;
      const window = windowOf(article.publishedAt);
      const pool: { id: string; weight: number; graph: boolean }[] = graph.map((c) => ({ ...c, graph: true }));
      for (const m of members) {
        const weight = lookup.reduce((t, x) => t + (m.mentioned.has(x.id) ? x.w : 0), 0);
        if (!weight) continue;
        if (window.from !== null && (m.date === null || m.date < window.from || m.date > window.to!)) continue;
        pool.push({ id: m.id, weight, graph: false });
      }
      pool.sort((x, y) => y.weight - x.weight || byId(x.id, y.id));
      for (const c of pool.slice(0, MAX_CANDIDATES)) if (c.graph) wanted.add(c.id);
    }
    if (!e.duplicateOf)
      members.push({
        id: article.id,
        date: article.publishedAt ? article.publishedAt.slice(0, 10) : null,
        mentioned: new Set(e.extraction.mentions.filter((m) => !m.credit).map((m) => m.entityId)),
      });
  }
  return [...wanted];
}

/**
 * Puts a batch of articles into stories, in batch order, as assigning them one after another
 * would: a later article can join the story an earlier one started, or that an earlier one
 * merged. The graph is read once for the whole batch (its size, the entities' document
 * frequencies, the candidates of every article, their details), the decisions are taken in
 * memory (the batch's own earlier articles are candidates from memory), and the outcome is
 * written in a handful of statements: new stories, memberships, merges, summaries, FOLLOWS.
 *
 * An unchanged re-ingest keeps its story; an update leaves its story (recomputed, or deleted
 * when empty) and is assigned again; a copy joins the story of its original.
 */
export async function assignStories(run: Run, entries: StoryEntry[], params: ScoreParams = DEFAULT_PARAMS): Promise<StoryChange[]> {
  if (!entries.length) return [];
  const reread = entries.filter((e) => e.status !== 'new').map((e) => e.article.id);
  const current = new Map(
    reread.length
      ? (
          await run({
            cypher: 'UNWIND $ids AS id MATCH (:Article {id: id})-[:IN_STORY]->(s:Story) RETURN id, s.id AS storyId',
            params: { ids: reread },
          })
        ).map((r) => [r.id as string, r.storyId as string])
      : [],
  );
  const out = new Map<string, StoryChange>();
  for (const e of entries) {
    const storyId = current.get(e.article.id);
    if (storyId && e.status === 'unchanged') out.set(e.article.id, { storyId, kind: 'unchanged', mergedIds: [] });
  }
  const todo = entries.filter((e) => !out.has(e.article.id));
  if (!todo.length) return entries.map((e) => out.get(e.article.id)!);

  // updates leave their stories first
  const leaving = todo.filter((e) => current.has(e.article.id));
  const leftDeleted = new Set<string>();
  if (leaving.length) {
    await run(detachAll(leaving.map((e) => e.article.id)));
    const refreshed = await run(refreshMany([...new Set(leaving.map((e) => current.get(e.article.id)!))]));
    for (const r of refreshed) if (!r.kept) leftDeleted.add(r.id as string);
  }

  const inBatch = new Set(todo.map((e) => e.article.id));
  const textMentions = new Map(todo.map((e) => [e.article.id, e.extraction.mentions.filter((m) => !m.credit)]));
  const derived = new Map(todo.map((e) => [e.article.id, derivedStoryIds(e.article.id)]));
  const [context] = await run(
    batchContext({
      entityIds: [...new Set([...textMentions.values()].flatMap((ms) => ms.map((m) => m.entityId)))],
      articleIds: [...new Set(todo.map((e) => e.duplicateOf).filter((id): id is string => Boolean(id) && !inBatch.has(id!)))],
      storyIds: [...derived.values()].map((ids) => ids[0]),
    }),
  );
  const total = Math.max(1, Number(context.total));
  const entityInfo = new Map((context.entities as { id: string; type: string; df: number }[]).map((x) => [x.id, x]));
  const graphStories = new Map((context.stories as { id: string; storyId: string }[]).map((x) => [x.id, x.storyId]));
  const taken = new Set(context.taken as string[]);
  // only each article's first id was asked about: where it is taken (an article assigned again),
  // the others are asked about too
  const second = [...derived.values()].filter((ids) => taken.has(ids[0])).flatMap((ids) => ids.slice(1));
  if (second.length) for (const id of (await run(takenStoryIds(second)))[0].taken as string[]) taken.add(id);
  const expandDf = total * 0.1 < MIN_EXPAND_DF ? MIN_EXPAND_DF : total * 0.1 > MAX_EXPAND_DF ? MAX_EXPAND_DF : Math.trunc(total * 0.1);
  const weightDf = total * params.maxDfShare < 2 ? 2 : total * params.maxDfShare;

  // the entities each article looks its candidates up by: its rarer, more salient ones, hubs left out
  const lookups = new Map<string, { id: string; w: number }[]>();
  for (const e of todo) {
    const own = textMentions
      .get(e.article.id)!
      .filter((m) => entityInfo.has(m.entityId))
      .map((m) => ({ id: m.entityId, salience: m.salience, df: entityInfo.get(m.entityId)!.df }))
      .filter((x) => x.df <= expandDf)
      .sort((x, y) => (y.salience + 0.2) / Math.log(2 + y.df) - (x.salience + 0.2) / Math.log(2 + x.df) || byId(x.id, y.id))
      .slice(0, LOOKUP_ENTITIES);
    lookups.set(
      e.article.id,
      own.map((x) => ({ id: x.id, w: 1 / (1 + x.df) })),
    );
  }
  const windowOf = (publishedAt?: string | null): { from: string | null; to: string | null } => {
    const date = publishedAt?.slice(0, 10);
    return date ? { from: addDays(date, -params.followWindowDays), to: addDays(date, params.followWindowDays) } : { from: null, to: null };
  };
  const lookupRows = todo
    .filter((e) => lookups.get(e.article.id)!.length)
    .map((e) => ({ id: e.article.id, lookup: lookups.get(e.article.id)!, ...windowOf(e.article.publishedAt) }));
  const byEntity = new Map(
    lookupRows.length
      ? (await run(storyCandidates({ rows: lookupRows }))).map((r) => [r.id as string, r.articles as [string, string | null][]])
      : [],
  );
  const found = new Map(lookupRows.map((row) => [row.id, pickCandidates(row, byEntity)]));
  const details = new Map<string, CandidateDetails>();
  const missing = new Set<string>();
  const dfOf = new Map([...entityInfo.values()].map((x) => [x.id, Number(x.df)]));
  // details only for the candidates that can make an article's pool, fetched again if some had none (story gone)
  for (;;) {
    const wanted = poolCandidates({ todo, found, lookups, windowOf, graphStories, skip: missing }).filter((id) => !details.has(id));
    if (!wanted.length) break;
    const rows = await readDetails(run, wanted, dfOf);
    for (const [id, d] of rows) details.set(id, { ...d, entities: d.entities.filter((x) => x.df <= weightDf) });
    for (const id of wanted) if (!details.has(id)) missing.add(id);
  }

  // what the batch has done so far: memberships, merges, new stories, their first dates
  const assigned = new Map<string, string>();
  const mergedInto = new Map<string, string>();
  const resolve = (id: string): string => {
    let x = id;
    while (mergedInto.has(x)) x = mergedInto.get(x)!;
    return x;
  };
  const graphFirstSeen = new Map<string, string | null>();
  for (const d of details.values()) graphFirstSeen.set(d.storyId, d.firstSeen);
  const batchFirstSeen = new Map<string, string | null>();
  const firstSeenOf = (id: string): string | null => earlierDate(graphFirstSeen.get(id), batchFirstSeen.get(id));
  const members: { article: StoryArticle; date: string | null; mentioned: Set<string> }[] = [];
  const created: string[] = [];
  const links: { articleId: string; storyId: string }[] = [];
  const merges: { keep: string; merge: string }[] = [];
  const follows: { storyId: string; links: FollowLink[] }[] = [];
  const join = (e: StoryEntry, storyId: string): void => {
    assigned.set(e.article.id, storyId);
    links.push({ articleId: e.article.id, storyId });
    batchFirstSeen.set(storyId, earlierDate(batchFirstSeen.get(storyId), e.article.publishedAt));
  };

  for (const e of todo) {
    const { article } = e;
    const currentId = current.get(article.id);
    const left = (storyId: string): Partial<StoryChange> =>
      currentId && currentId !== storyId ? { leftStoryId: currentId, leftStoryDeleted: leftDeleted.has(currentId) } : {};
    if (e.duplicateOf) {
      const original = assigned.get(e.duplicateOf) ?? graphStories.get(e.duplicateOf);
      if (original) {
        const storyId = resolve(original);
        join(e, storyId);
        out.set(article.id, { storyId, kind: currentId === storyId ? 'unchanged' : 'joined', mergedIds: [], ...left(storyId) });
        continue;
      }
    }
    const mentions = textMentions.get(article.id)!;
    const self: StoryArticle = {
      id: article.id,
      title: article.title,
      lead: article.paragraphs[0] ?? '',
      language: article.language,
      publishedAt: article.publishedAt ?? null,
      entities: mentions.map((m) => ({
        id: m.entityId,
        salience: m.salience,
        df: entityInfo.get(m.entityId)?.df ?? 1,
        type: entityInfo.get(m.entityId)?.type,
      })),
    };
    // candidates: the graph's (found before the batch was assigned) and the batch's earlier articles, best first
    const lookup = lookups.get(article.id)!;
    const window = windowOf(article.publishedAt);
    const pool: Candidate[] = [];
    for (const c of mentions.length ? (found.get(article.id) ?? []) : []) {
      const d = details.get(c.id);
      if (!d) continue;
      pool.push({
        storyId: resolve(assigned.get(c.id) ?? d.storyId),
        weight: c.weight,
        article: {
          id: c.id,
          title: d.title,
          lead: d.lead,
          language: d.language,
          publishedAt: d.publishedAt,
          entities: d.entities,
        },
      });
    }
    if (mentions.length) {
      for (const m of members) {
        const weight = lookup.reduce((t, x) => t + (m.mentioned.has(x.id) ? x.w : 0), 0);
        if (!weight) continue;
        if (window.from !== null && (m.date === null || m.date < window.from || m.date > window.to!)) continue;
        pool.push({ storyId: resolve(assigned.get(m.article.id)!), weight, article: m.article });
      }
    }
    pool.sort((x, y) => y.weight - x.weight || byId(x.article.id, y.article.id));
    const byStory = new Map<string, CandidateStory>();
    for (const c of pool.slice(0, MAX_CANDIDATES)) {
      const story = byStory.get(c.storyId) ?? { id: c.storyId, firstSeen: firstSeenOf(c.storyId), articles: [] };
      story.articles.push(c.article);
      byStory.set(c.storyId, story);
    }
    const titles = new Map(pool.map((c) => [c.article.id, c.article.title]));
    const decision = decide(self, [...byStory.values()], { total, params });

    let storyId: string;
    let kind: StoryChangeKind;
    const mergedIds: string[] = [];
    if (decision.join) {
      const group = [decision.join, ...decision.merge];
      // the oldest story keeps its id, so a dashboard following it keeps following it
      const keep = [...group].sort(
        (a, b) =>
          (byStory.get(a.storyId)?.firstSeen ?? '~').localeCompare(byStory.get(b.storyId)?.firstSeen ?? '~') ||
          a.storyId.localeCompare(b.storyId),
      )[0];
      storyId = keep.storyId;
      for (const m of group) {
        if (m.storyId === storyId) continue;
        merges.push({ keep: storyId, merge: m.storyId });
        mergedInto.set(m.storyId, storyId);
        batchFirstSeen.set(storyId, earlierDate(firstSeenOf(storyId), firstSeenOf(m.storyId)));
        mergedIds.push(m.storyId);
      }
      kind = mergedIds.length ? 'merged' : currentId === storyId ? 'unchanged' : 'joined';
    } else {
      const free = derived.get(article.id)!.find((id) => !taken.has(id));
      if (!free) throw new Error(`No free story id for article ${article.id}`);
      taken.add(free);
      created.push(free);
      storyId = free;
      kind = 'created';
    }
    join(e, storyId);
    follows.push({ storyId, links: followLinks(article, decision.follows, mergedIds, titles) });
    if (!e.duplicateOf) {
      const own = new Map(e.extraction.mentions.filter((m) => !m.credit).map((m) => [m.entityId, m]));
      members.push({
        article: {
          id: article.id,
          title: article.title,
          lead: (article.paragraphs[0] ?? '').slice(0, 160),
          language: article.language ?? '',
          publishedAt: article.publishedAt ?? null,
          entities: [...own.values()]
            .map((m) => ({ id: m.entityId, salience: m.salience, df: entityInfo.get(m.entityId)?.df ?? 1 }))
            .filter((x) => x.df <= weightDf),
        },
        date: article.publishedAt ? article.publishedAt.slice(0, 10) : null,
        mentioned: new Set(own.keys()),
      });
    }
    out.set(article.id, { storyId, kind, mergedIds, ...left(storyId) });
  }

  // one row per pair of stories, the last word on it kept
  const pairs = new Map<string, { storyId: string; otherId: string; shared: string[]; evidence: string[]; score: number }>();
  for (const f of follows) {
    const storyId = resolve(f.storyId);
    for (const l of f.links) {
      const otherId = resolve(l.otherId);
      if (otherId === storyId) continue;
      const key = [storyId, otherId].sort(byId).join('\u0000');
      pairs.delete(key);
      pairs.set(key, { storyId, otherId, shared: l.shared, evidence: l.evidence, score: l.score });
    }
  }
  // new and merged stories are summarised from their members; the others grow by the articles that joined them
  const full = new Set([...created, ...merges.map((m) => m.keep)].map(resolve));
  const joined = new Map<string, string[]>();
  for (const l of links) {
    const storyId = resolve(l.storyId);
    if (!full.has(storyId)) joined.set(storyId, [...(joined.get(storyId) ?? []), l.articleId]);
  }
  const summaries = { full: [...full], joined: [...joined].map(([id, articleIds]) => ({ id, articleIds })), follows: [...pairs.values()] };
  if (merges.length) {
    await run(writeOutcome({ created, links }));
    for (const m of merges) await run(mergeStoryInto(m.keep, m.merge));
    await run(writeOutcome(summaries));
  } else await run(writeOutcome({ created, links, ...summaries }));
  return entries.map((e) => {
    const change = out.get(e.article.id)!;
    const storyId = resolve(change.storyId);
    return storyId === change.storyId ? change : { ...change, storyId };
  });
}

/** The FOLLOWS links of a decision, with the entities and the two titles that show each. */
function followLinks(article: Article, follows: StoryMatch[], mergedIds: string[], titles: Map<string, string>): FollowLink[] {
  return follows
    .filter((f) => !mergedIds.includes(f.storyId))
    .map((f) => ({
      otherId: f.storyId,
      shared: f.shared.slice(0, 8),
      evidence: [article.title, titles.get(f.articleId) ?? ''].filter(Boolean),
      score: Math.round(f.similarity * 1000) / 1000,
    }));
}

/** Takes a deleted article out of its story; the story is recomputed, or deleted when empty. */
export async function leaveStory(run: Run, articleId: string): Promise<{ storyId: string; deleted: boolean } | undefined> {
  const [current] = await run(storyOfArticle(articleId));
  if (!current?.id) return undefined;
  await run(detach(articleId));
  const kept = await refreshStory(run, current.id as string);
  return { storyId: current.id as string, deleted: !kept };
}
