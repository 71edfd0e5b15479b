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
const MAX_CANDIDATES = 60;
/** Entities in more articles than max(this, 10 % of the graph) do not lead to candidates. */
const MIN_EXPAND_DF = 30;
const MAX_EXPAND_DF = 500;

const addDays = (iso: string, days: number): string => new Date(Date.parse(iso.slice(0, 10)) + days * 86400000).toISOString().slice(0, 10);

export const storyOfArticle = (id: string): Query => ({
  cypher: 'MATCH (:Article {id: $id})-[:IN_STORY]->(s:Story) RETURN s.id AS id',
  params: { id },
});

const detach = (id: string): Query => ({
  cypher: 'MATCH (:Article {id: $id})-[r:IN_STORY]->(:Story) DELETE r',
  params: { id },
});

const graphSize = (): Query => ({ cypher: 'MATCH (a:Article) RETURN count(a) AS total', params: {} });

const documentFrequencies = (ids: string[]): Query => ({
  cypher: 'UNWIND $ids AS id MATCH (e:Entity {id: id}) RETURN id, e.type AS type, COUNT { (e)<-[:MENTIONS]-() } AS df',
  params: { ids },
});

/** Members of recent stories that share a not-too-common entity with the article. */
export function storyCandidates(options: { id: string; entityIds: string[]; publishedAt?: string | null; windowDays: number; maxDf: number }): Query {
  const date = options.publishedAt?.slice(0, 10);
  return {
    cypher: `
      UNWIND $entityIds AS eid
      MATCH (e:Entity {id: eid})
      WITH e, COUNT { (e)<-[:MENTIONS]-() } AS df
      WHERE df <= $maxDf
      MATCH (e)<-[:MENTIONS]-(b:Article)-[:IN_STORY]->(s:Story)
      WHERE b.id <> $id AND ($from IS NULL OR (b.publishedDate >= date($from) AND b.publishedDate <= date($to)))
        AND NOT EXISTS { (b)-[:DUPLICATE_OF]->() }
      WITH b, s, sum(1.0 / (1.0 + df)) AS weight
      ORDER BY weight DESC, b.id
      LIMIT $limit
      RETURN s.id AS storyId, s.firstSeen AS firstSeen, b.id AS id, b.title AS title, coalesce(b.lead, '') AS lead,
             coalesce(b.language, '') AS language, b.publishedAt AS publishedAt,
             [(b)-[m:MENTIONS]->(f:Entity) | { id: f.id, type: f.type, salience: m.salience, df: COUNT { (f)<-[:MENTIONS]-() } }] AS entities`,
    params: {
      id: options.id,
      entityIds: options.entityIds,
      maxDf: int(options.maxDf),
      from: date ? addDays(date, -options.windowDays) : null,
      to: date ? addDays(date, options.windowDays) : null,
      limit: int(MAX_CANDIDATES),
    },
  };
}

const linkToStory = (articleId: string, storyId: string): Query => ({
  cypher: 'MATCH (a:Article {id: $articleId}), (s:Story {id: $storyId}) MERGE (a)-[:IN_STORY]->(s)',
  params: { articleId, storyId },
});

const takenStoryIds = (ids: string[]): Query => ({
  cypher: `
    UNWIND $ids AS id
    OPTIONAL MATCH (s:Story {id: id})
    OPTIONAL MATCH (r:StoryRedirect {id: id})
    WITH id WHERE s IS NOT NULL OR r IS NOT NULL
    RETURN collect(id) AS taken`,
  params: { ids },
});

const createStory = (id: string): Query => ({
  cypher: 'CREATE (s:Story {id: $id, createdAt: datetime()}) RETURN s.id AS id',
  params: { id },
});

/** A story's id derives from the article that started it, so the same input gives the same ids. */
async function newStoryId(run: Run, articleId: string): Promise<string> {
  const options = [0, 1, 2, 3, 4, 5, 6, 7].map((n) => `story_${sha(n ? `${articleId}#${n}` : articleId).slice(0, 16)}`);
  const [row] = await run(takenStoryIds(options));
  const taken = new Set((row?.taken as string[] | undefined) ?? []);
  return options.find((id) => !taken.has(id)) ?? `story_${sha(`${articleId}#${Date.now()}`).slice(0, 16)}`;
}

const storyMembers = (id: string): Query => ({
  cypher: 'MATCH (s:Story {id: $id}) RETURN COUNT { (:Article)-[:IN_STORY]->(s) } AS members',
  params: { id },
});

const deleteStory = (id: string): Query => ({
  cypher: 'MATCH (s:Story {id: $id}) DETACH DELETE s',
  params: { id },
});

/** Recomputes a story's summary from its members; copies (DUPLICATE_OF) are not counted as articles. */
const refreshProps = (id: string): Query => ({
  cypher: `
    MATCH (s:Story {id: $id})
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
        s.updatedAt = datetime()
    RETURN s.id AS id`,
  params: { id },
});

/** Recomputes a story, or deletes it when no article is left in it. Returns false when deleted. */
export async function refreshStory(run: Run, id: string): Promise<boolean> {
  const [row] = await run(storyMembers(id));
  if (!row) return false;
  if ((row.members as number) === 0) {
    await run(deleteStory(id));
    return false;
  }
  await run(refreshProps(id));
  return true;
}

/** Moves every article and FOLLOWS link of one story into another; the old id redirects. */
const mergeStoryInto = (keep: string, merge: string): Query => ({
  cypher: `
    MATCH (k:Story {id: $keep}), (m:Story {id: $merge})
    CALL (k, m) {
      MATCH (a:Article)-[r:IN_STORY]->(m)
      DELETE r
      MERGE (a)-[:IN_STORY]->(k)
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

/** Links the later story to the earlier one it continues, with the entities and titles that show it. */
const linkFollows = (options: { storyId: string; otherId: string; shared: string[]; evidence: string[]; score: number }): Query => ({
  cypher: `
    MATCH (x:Story {id: $storyId}), (y:Story {id: $otherId}) WHERE x <> y
    WITH CASE WHEN coalesce(x.firstSeen, '') >= coalesce(y.firstSeen, '') THEN [x, y] ELSE [y, x] END AS pair
    WITH pair[0] AS later, pair[1] AS earlier
    WHERE NOT (earlier)-[:FOLLOWS]->(later)
    MERGE (later)-[f:FOLLOWS]->(earlier)
    SET f.shared = $shared, f.evidence = $evidence, f.score = $score`,
  params: options,
});

const titlesOf = (ids: string[]): Query => ({
  cypher: 'UNWIND $ids AS id MATCH (a:Article {id: id}) RETURN id, a.title AS title',
  params: { ids },
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
  const [current] = await run(storyOfArticle(article.id));
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
    const [orig] = await run(storyOfArticle(options.duplicateOf));
    if (orig?.id) {
      const storyId = orig.id as string;
      await run(linkToStory(article.id, storyId));
      await refreshStory(run, storyId);
      return { storyId, kind: currentId === storyId ? 'unchanged' : 'joined', mergedIds: [], ...left(storyId) };
    }
  }

  const textMentions = extraction.mentions.filter((m) => !m.credit);
  const [sizeRow] = await run(graphSize());
  const total = Math.max(1, sizeRow.total as number);
  const dfRows = await run(documentFrequencies(textMentions.map((m) => m.entityId)));
  const df = new Map(dfRows.map((r) => [r.id as string, r.df as number]));
  const types = new Map(dfRows.map((r) => [r.id as string, r.type as string]));
  const self: StoryArticle = {
    id: article.id,
    title: article.title,
    lead: article.paragraphs[0] ?? '',
    language: article.language,
    publishedAt: article.publishedAt ?? null,
    entities: textMentions.map((m) => ({ id: m.entityId, salience: m.salience, df: df.get(m.entityId) ?? 1, type: types.get(m.entityId) })),
  };
  const maxDf = Math.min(MAX_EXPAND_DF, Math.max(MIN_EXPAND_DF, Math.round(total * 0.1)));
  const rows = self.entities.length
    ? await run(storyCandidates({ id: article.id, entityIds: self.entities.map((e) => e.id), publishedAt: article.publishedAt, windowDays: params.followWindowDays, maxDf }))
    : [];
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
    const keep = [...group].sort((a, b) => (byStory.get(a.storyId)?.firstSeen ?? '~').localeCompare(byStory.get(b.storyId)?.firstSeen ?? '~') || a.storyId.localeCompare(b.storyId))[0];
    storyId = keep.storyId;
    for (const m of group) {
      if (m.storyId === storyId) continue;
      await run(mergeStoryInto(storyId, m.storyId));
      mergedIds.push(m.storyId);
    }
    await run(linkToStory(article.id, storyId));
    kind = mergedIds.length ? 'merged' : currentId === storyId ? 'unchanged' : 'joined';
  } else {
    storyId = await newStoryId(run, article.id);
    await run(createStory(storyId));
    await run(linkToStory(article.id, storyId));
    kind = 'created';
  }
  await refreshStory(run, storyId);
  await writeFollows(run, article, storyId, decision.follows.filter((f) => !mergedIds.includes(f.storyId)));
  return { storyId, kind, mergedIds, ...left(storyId) };
}

async function writeFollows(run: Run, article: Article, storyId: string, follows: StoryMatch[]): Promise<void> {
  if (!follows.length) return;
  const titles = new Map((await run(titlesOf(follows.map((f) => f.articleId)))).map((r) => [r.id as string, r.title as string]));
  for (const f of follows) {
    await run(
      linkFollows({
        storyId,
        otherId: f.storyId,
        shared: f.shared.slice(0, 8),
        evidence: [article.title, titles.get(f.articleId) ?? ''].filter(Boolean),
        score: Math.round(f.similarity * 1000) / 1000,
      }),
    );
  }
}

/** Takes a deleted article out of its story; the story is recomputed, or deleted when empty. */
export async function leaveStory(run: Run, articleId: string): Promise<{ storyId: string; deleted: boolean } | undefined> {
  const [current] = await run(storyOfArticle(articleId));
  if (!current?.id) return undefined;
  await run(detach(articleId));
  const kept = await refreshStory(run, current.id as string);
  return { storyId: current.id as string, deleted: !kept };
}
