import { createHash } from 'node:crypto';
import { int } from 'neo4j-driver';
import type { Article, Extraction } from '../domain/types';
import { DEFAULT_PARAMS, decide, type CandidateStory, type ScoreParams, type StoryArticle, type StoryMatch } from '../stories/score';
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

/** Candidate articles looked at per new article, and entities used to find them. */
const LOOKUP_ENTITIES = 8;

/**
 * One statement: the graph's size, the article's own entities with their document frequencies,
 * and the members of recent stories that share one of its rarer, more salient entities (an
 * index lookup per entity; hubs lead nowhere, see MAX_EXPAND_DF). Story membership and the date
 * are read from the candidate's properties (`storyId`, `publishedDate`), not by walking its
 * relationships; only the chosen few candidates have their entities read, and of those only the
 * ones the scorer weighs (entities in more than `maxDfShare` of the articles weigh nothing).
 */
export function storyCandidates(options: {
  id: string;
  entities: { id: string; salience: number }[];
  publishedAt?: string | null;
  windowDays: number;
  maxDfShare?: number;
}): Query {
  const date = options.publishedAt?.slice(0, 10);
  return {
    cypher: `
      CALL () { MATCH (a:Article) RETURN count(a) AS total }
      CALL () {
        UNWIND $entities AS x
        MATCH (e:Entity {id: x.id})
        RETURN collect({ id: x.id, type: e.type, salience: x.salience, df: COUNT { (e)<-[:MENTIONS]-() } }) AS own
      }
      WITH total, own,
           CASE WHEN total * 0.1 < $minDf THEN $minDf WHEN total * 0.1 > $maxDf THEN $maxDf ELSE toInteger(total * 0.1) END AS expandDf,
           CASE WHEN total * $maxDfShare < 2 THEN 2 ELSE total * $maxDfShare END AS weightDf
      CALL (own, expandDf, weightDf) {
        UNWIND own AS x
        WITH x WHERE x.df <= expandDf
        WITH x ORDER BY (x.salience + 0.2) / log(2.0 + x.df) DESC, x.id LIMIT $lookup
        MATCH (:Entity {id: x.id})<-[:MENTIONS]-(b:Article)
        WHERE b.storyId IS NOT NULL AND b.id <> $id
          AND ($from IS NULL OR (b.publishedDate >= date($from) AND b.publishedDate <= date($to)))
        WITH b, sum(1.0 / (1.0 + x.df)) AS weight
        WHERE NOT EXISTS { (b)-[:DUPLICATE_OF]->() }
        WITH b ORDER BY weight DESC, b.id LIMIT $limit
        MATCH (s:Story {id: b.storyId})
        RETURN collect({ storyId: s.id, firstSeen: s.firstSeen, id: b.id, title: b.title, lead: substring(coalesce(b.lead, ''), 0, 160),
                         language: coalesce(b.language, ''), publishedAt: b.publishedAt,
                         entities: [x IN [(b)-[m:MENTIONS]->(f) | { id: f.id, salience: m.salience, df: COUNT { (f)<-[:MENTIONS]-() } }] WHERE x.df <= weightDf] }) AS candidates
      }
      RETURN total, own, candidates`,
    params: {
      id: options.id,
      entities: options.entities,
      minDf: int(MIN_EXPAND_DF),
      maxDf: int(MAX_EXPAND_DF),
      lookup: int(LOOKUP_ENTITIES),
      from: date ? addDays(date, -options.windowDays) : null,
      to: date ? addDays(date, options.windowDays) : null,
      limit: int(MAX_CANDIDATES),
      maxDfShare: options.maxDfShare ?? DEFAULT_PARAMS.maxDfShare,
    },
  };
}

interface FollowLink {
  otherId: string;
  shared: string[];
  evidence: string[];
  score: number;
}

/**
 * Links the later story to the earlier one it continues (bound as `s`, the article's story, and
 * the other ones in $follows), with the entities and titles that show it. Runs after the summary
 * is refreshed, since which story is later depends on its first date.
 */
const FOLLOWS_TAIL = `
    CALL (s) {
      UNWIND $follows AS f
      MATCH (y:Story {id: f.otherId}) WHERE y <> s
      WITH f, CASE WHEN coalesce(s.firstSeen, '') >= coalesce(y.firstSeen, '') THEN [s, y] ELSE [y, s] END AS pair
      WITH f, pair[0] AS later, pair[1] AS earlier
      WHERE NOT (earlier)-[:FOLLOWS]->(later)
      MERGE (later)-[g:FOLLOWS]->(earlier)
      SET g.shared = f.shared, g.evidence = f.evidence, g.score = f.score
    }`;

/** Puts the article into a story, refreshes the story's summary and writes its FOLLOWS links: one round trip. */
const linkToStory = (articleId: string, storyId: string, follows: FollowLink[] = []): Query => ({
  cypher: `MATCH (a:Article {id: $articleId}), (s:Story {id: $storyId}) MERGE (a)-[:IN_STORY]->(s) SET a.storyId = s.id
    WITH s ${REFRESH_SET}
    WITH s ${FOLLOWS_TAIL}
    RETURN s.id AS id`,
  params: { articleId, storyId, follows },
});

/** A copy joins the story of its original, in one round trip; no row when the original has none. */
const linkToStoryOf = (articleId: string, originalId: string): Query => ({
  cypher: `MATCH (:Article {id: $originalId})-[:IN_STORY]->(s:Story) MATCH (a:Article {id: $articleId})
    MERGE (a)-[:IN_STORY]->(s) SET a.storyId = s.id
    WITH s ${REFRESH_SET}
    RETURN s.id AS id`,
  params: { articleId, originalId },
});

const deleteStory = (id: string): Query => ({
  cypher: 'MATCH (s:Story {id: $id}) DETACH DELETE s',
  params: { id },
});

/** Recomputes a story's summary (bound as `s`) from its members; copies (DUPLICATE_OF) are not counted as articles. */
const REFRESH_SET = `
    MATCH (a:Article)-[:IN_STORY]->(s)
    WITH s, a ORDER BY a.publishedAt, a.id
    WITH s, collect(a) AS members
    WITH s, members,
         [a IN members WHERE NOT EXISTS { (a)-[:DUPLICATE_OF]->() }] AS originals,
         [a IN members WHERE a.publishedAt IS NOT NULL | a.publishedAt] AS dates
    WITH s, members, originals, dates,
         head([a IN originals WHERE a.language = 'zh-Hant'] + [a IN originals WHERE a.language STARTS WITH 'zh'] + originals + members) AS named,
         head([a IN originals WHERE a.language = 'en']) AS english
    SET s.title = named.title,
        s.titleEn = english.title,
        s.articleCount = size(originals),
        s.copies = size(members) - size(originals),
        s.firstSeen = head(dates),
        s.lastSeen = last(dates),
        s.firstSeenDate = CASE WHEN size(dates) = 0 THEN null ELSE date(substring(head(dates), 0, 10)) END,
        s.lastSeenDate = CASE WHEN size(dates) = 0 THEN null ELSE date(substring(last(dates), 0, 10)) END,
        s.languages = reduce(l = [], a IN members | CASE WHEN a.language IS NULL OR a.language IN l THEN l ELSE l + a.language END),
        s.outlets = reduce(l = [], a IN members | CASE WHEN a.source IS NULL OR a.source IN l THEN l ELSE l + a.source END),
        s.updatedAt = datetime()`;

const refreshProps = (id: string): Query => ({ cypher: `MATCH (s:Story {id: $id}) ${REFRESH_SET} RETURN s.id AS id`, params: { id } });

/**
 * Starts a story for the article. Its id derives from the article, so the same input gives the
 * same ids; the first of a few derived ids that no story (or merged-away story) holds is taken.
 */
const createStory = (articleId: string, follows: FollowLink[] = []): Query => ({
  cypher: `
    UNWIND range(0, size($ids) - 1) AS i
    WITH i, $ids[i] AS id
    WHERE NOT EXISTS { MATCH (x:Story {id: id}) } AND NOT EXISTS { MATCH (r:StoryRedirect {id: id}) }
    WITH id ORDER BY i LIMIT 1
    MATCH (a:Article {id: $articleId})
    CREATE (a)-[:IN_STORY]->(s:Story {id: id, createdAt: datetime()})
    SET a.storyId = id
    WITH s ${REFRESH_SET}
    WITH s ${FOLLOWS_TAIL}
    RETURN s.id AS id`,
  params: {
    articleId,
    follows,
    ids: [0, 1, 2, 3, 4, 5, 6, 7].map((n) => `story_${sha(n ? `${articleId}#${n}` : articleId).slice(0, 16)}`),
  },
});

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

export interface AssignOptions {
  status: 'new' | 'updated' | 'unchanged';
  duplicateOf?: string;
  params?: ScoreParams;
}

/**
 * Puts the article into a story. An unchanged re-ingest keeps its story; an update leaves its
 * story (which is recomputed, or deleted when empty) and is assigned again; a copy joins the
 * story of its original.
 */
export async function assignStory(run: Run, article: Article, extraction: Extraction, options: AssignOptions): Promise<StoryChange> {
  const params = options.params ?? DEFAULT_PARAMS;
  // a new article cannot be in a story yet
  const [current] = options.status === 'new' ? [] : await run(storyOfArticle(article.id));
  const currentId = current?.id as string | undefined;
  if (currentId && options.status === 'unchanged') return { storyId: currentId, kind: 'unchanged', mergedIds: [] };
  let leftDeleted = false;
  if (currentId) {
    await run(detach(article.id));
    leftDeleted = !(await refreshStory(run, currentId));
  }
  const left = (storyId: string): Partial<StoryChange> =>
    currentId && currentId !== storyId ? { leftStoryId: currentId, leftStoryDeleted: leftDeleted } : {};

  if (options.duplicateOf) {
    const [joined] = await run(linkToStoryOf(article.id, options.duplicateOf));
    if (joined?.id) {
      const storyId = joined.id as string;
      return { storyId, kind: currentId === storyId ? 'unchanged' : 'joined', mergedIds: [], ...left(storyId) };
    }
  }

  const textMentions = extraction.mentions.filter((m) => !m.credit);
  const [found] = textMentions.length
    ? await run(
        storyCandidates({
          id: article.id,
          entities: textMentions.map((m) => ({ id: m.entityId, salience: m.salience })),
          publishedAt: article.publishedAt,
          windowDays: params.followWindowDays,
          maxDfShare: params.maxDfShare,
        }),
      )
    : [{ total: 1, own: [], candidates: [] }];
  const total = Math.max(1, found.total as number);
  const own = new Map((found.own as { id: string; type: string; df: number }[]).map((o) => [o.id, o]));
  const self: StoryArticle = {
    id: article.id,
    title: article.title,
    lead: article.paragraphs[0] ?? '',
    language: article.language,
    publishedAt: article.publishedAt ?? null,
    entities: textMentions.map((m) => ({
      id: m.entityId,
      salience: m.salience,
      df: own.get(m.entityId)?.df ?? 1,
      type: own.get(m.entityId)?.type,
    })),
  };
  const rows = found.candidates as Record<string, unknown>[];
  const titles = new Map(rows.map((r) => [r.id as string, r.title as string]));
  const byStory = new Map<string, CandidateStory>();
  for (const r of rows) {
    const sid = r.storyId as string;
    const story = byStory.get(sid) ?? { id: sid, firstSeen: r.firstSeen as string | null, articles: [] };
    story.articles.push({
      id: r.id as string,
      title: r.title as string,
      lead: r.lead as string,
      language: r.language as string,
      publishedAt: r.publishedAt as string | null,
      entities: r.entities as StoryArticle['entities'],
    });
    byStory.set(sid, story);
  }
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
      await run(mergeStoryInto(storyId, m.storyId));
      mergedIds.push(m.storyId);
    }
    await run(linkToStory(article.id, storyId, followLinks(article, decision.follows, mergedIds, titles)));
    kind = mergedIds.length ? 'merged' : currentId === storyId ? 'unchanged' : 'joined';
  } else {
    const [created] = await run(createStory(article.id, followLinks(article, decision.follows, mergedIds, titles)));
    if (!created) throw new Error(`No free story id for article ${article.id}`);
    storyId = created.id as string;
    kind = 'created';
  }
  return { storyId, kind, mergedIds, ...left(storyId) };
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
