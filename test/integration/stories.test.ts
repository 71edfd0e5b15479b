import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { ApiServer } from '../../src/api/server';
import { deleteArticle, writeArticle, writeArticles, type WriteResult } from '../../src/store/article-writes';
import type { Executor } from '../../src/store/executor';
import { gql, graphCounts, resetGraph, startTestApi, testExecutor } from './helpers';
import { handMadeArticle, type HandMadeOptions } from './hand-made';

/**
 * Stories on the real Neo4j: assignment, bridging merge, re-ingest, update, delete, copies counted
 * once, credits instead of mentions, and live updates over graphql-ws. The articles are written
 * with hand-made extractions (short invented events), so each test controls what is shared.
 */

const KEY = 'stories-key';
const auth = { authorization: `Bearer ${KEY}` };

const item = (options: HandMadeOptions) => handMadeArticle(options, { host: 'stories.test', defaultSource: 'Test Daily' });

const write = (executor: Executor, x: ReturnType<typeof item>) => writeArticle(executor, x.article, x.extraction);

async function storyOf(executor: Executor, articleId: string): Promise<string | null> {
  const rows = await executor.read<{ id: string }>({
    cypher: 'MATCH (:Article {id: $id})-[:IN_STORY]->(s:Story) RETURN s.id AS id',
    params: { id: articleId },
  });
  return rows[0]?.id ?? null;
}

/** Background articles so that the test entities are rare and the shared ones common. */
async function background(executor: Executor): Promise<void> {
  for (let i = 0; i < 12; i++) {
    await write(
      executor,
      item({
        id: `bg${i}`,
        title: `背景新聞第${i}則`,
        publishedAt: `2025-09-${String(i + 1).padStart(2, '0')}`,
        entities: ['country:TW', `topic:bg${i}`],
      }),
    );
  }
}

const VISIT = ['person:甲部長', 'org:甲部', 'place:北城', 'topic:礦產合作', 'topic:訪問行程', 'country:TW'];

describe('stories', () => {
  let executor: Executor;
  let api: ApiServer;

  beforeAll(async () => {
    executor = await testExecutor();
    await resetGraph(executor);
    await background(executor);
    api = await startTestApi(executor, KEY);
  });

  afterAll(async () => {
    await api?.stop();
    await executor?.close();
  });

  it('puts one event in two languages into one story, and another event into its own', async () => {
    const zh = await write(
      executor,
      item({ id: 'visit-zh', title: '甲部長訪問北城 商談礦產合作', publishedAt: '2025-11-04', source: '聯合測試報', entities: VISIT }),
    );
    const en = await write(
      executor,
      item({
        id: 'visit-en',
        title: 'Minister visits North City for minerals talks',
        language: 'en',
        publishedAt: '2025-11-04',
        source: 'Test Wire',
        entities: VISIT.slice(0, 5),
      }),
    );
    const other = await write(
      executor,
      item({
        id: 'storm',
        title: '颱風逼近東岸 發布警報',
        publishedAt: '2025-11-05',
        entities: ['topic:颱風', 'org:氣象單位', 'place:東岸', 'country:TW'],
      }),
    );
    expect(zh.story?.kind).toBe('created');
    expect(en.story).toMatchObject({ kind: 'joined', storyId: zh.story!.storyId });
    expect(other.story?.kind).toBe('created');
    expect(other.story?.storyId).not.toBe(zh.story!.storyId);

    const res = await gql(
      api.url,
      `query($id: ID!) { article(id: $id) { story { id title titleEn firstSeen lastSeen articleCount languages outlets
      articles { totalCount nodes { id } } keyEntities(first: 2) { entity { id } articles } } } }`,
      { id: 'visit-en' },
    );
    expect(res.errors).toBeUndefined();
    const story = res.data!.article.story;
    expect(story).toMatchObject({
      id: zh.story!.storyId,
      title: '甲部長訪問北城 商談礦產合作',
      titleEn: 'Minister visits North City for minerals talks',
      firstSeen: '2025-11-04',
      lastSeen: '2025-11-04',
      articleCount: 2,
    });
    expect(new Set(story.languages)).toEqual(new Set(['zh-Hant', 'en']));
    expect(new Set(story.outlets)).toEqual(new Set(['聯合測試報', 'Test Wire']));
    expect(story.articles.nodes.map((n: any) => n.id).sort()).toEqual(['visit-en', 'visit-zh']);
    expect(story.keyEntities[0].articles).toBe(2);
  });

  it('re-ingesting changes nothing', async () => {
    const before = await graphCounts(executor);
    const storyBefore = await storyOf(executor, 'visit-zh');
    const again = await write(
      executor,
      item({ id: 'visit-zh', title: '甲部長訪問北城 商談礦產合作', publishedAt: '2025-11-04', source: '聯合測試報', entities: VISIT }),
    );
    expect(again.status).toBe('unchanged');
    expect(again.story).toMatchObject({ kind: 'unchanged', storyId: storyBefore });
    expect(await graphCounts(executor)).toEqual(before);
  });

  it('grows a story across days without changing its id, split per outlet and language', async () => {
    const id = await storyOf(executor, 'visit-zh');
    const next = await write(
      executor,
      item({ id: 'visit-zh2', title: '甲部長結束北城訪問 礦產合作簽署', publishedAt: '2025-11-05', source: '自由測試報', entities: VISIT }),
    );
    expect(next.story).toMatchObject({ kind: 'joined', storyId: id });
    const res = await gql(
      api.url,
      `query($id: ID!) { story(id: $id) { articleCount lastSeen
      byOutlet: timeline(interval: DAY, by: OUTLET) { bucket key articles }
      byLanguage: timeline(interval: DAY, by: LANGUAGE) { bucket key articles } } }`,
      { id },
    );
    expect(res.errors).toBeUndefined();
    const s = res.data!.story;
    expect(s).toMatchObject({ articleCount: 3, lastSeen: '2025-11-05' });
    const day = (rows: any[], bucket: string, key: string) => rows.find((p) => p.bucket === bucket && p.key === key)?.articles;
    expect(day(s.byOutlet, '2025-11-05', '自由測試報')).toBe(1);
    expect(day(s.byOutlet, '2025-11-04', '自由測試報')).toBe(0);
    expect(day(s.byLanguage, '2025-11-04', 'zh-Hant')).toBe(1);
    expect(day(s.byLanguage, '2025-11-04', 'en')).toBe(1);
    const root = await gql(
      api.url,
      `{ timeline(ids: ["person:甲部長"], interval: DAY, by: LANGUAGE) { key entity { id } points { bucket articles } } }`,
    );
    expect(root.errors).toBeUndefined();
    expect(root.data!.timeline).toEqual([
      {
        key: 'en',
        entity: { id: 'person:甲部長' },
        points: [
          { bucket: '2025-11-04', articles: 1 },
          { bucket: '2025-11-05', articles: 0 },
        ],
      },
      {
        key: 'zh-Hant',
        entity: { id: 'person:甲部長' },
        points: [
          { bucket: '2025-11-04', articles: 1 },
          { bucket: '2025-11-05', articles: 1 },
        ],
      },
    ]);
  });

  it('an updated article moves to the story it now reports; the old story is recomputed', async () => {
    const visit = await storyOf(executor, 'visit-zh');
    const storm = await storyOf(executor, 'storm');
    const moved = await write(
      executor,
      item({
        id: 'visit-zh2',
        title: '颱風逼近東岸 氣象單位發布警報',
        publishedAt: '2025-11-05',
        entities: ['topic:颱風', 'org:氣象單位', 'place:東岸', 'country:TW'],
      }),
    );
    expect(moved.status).toBe('updated');
    expect(moved.story).toMatchObject({ storyId: storm, leftStoryId: visit, leftStoryDeleted: false });
    const res = await gql(
      api.url,
      `query($a: ID!, $b: ID!) { a: story(id: $a) { articleCount lastSeen } b: story(id: $b) { articleCount } }`,
      { a: visit, b: storm },
    );
    expect(res.data).toEqual({ a: { articleCount: 2, lastSeen: '2025-11-04' }, b: { articleCount: 2 } });
  });

  it('deleting an article updates its story, and the last one deletes the story', async () => {
    const storm = (await storyOf(executor, 'storm'))!;
    expect(await deleteArticle(executor, 'visit-zh2')).toMatchObject({ story: { storyId: storm, deleted: false } });
    expect((await gql(api.url, `query($id: ID!) { story(id: $id) { articleCount } }`, { id: storm })).data!.story.articleCount).toBe(1);
    expect(await deleteArticle(executor, 'storm')).toMatchObject({ story: { storyId: storm, deleted: true } });
    expect((await gql(api.url, `query($id: ID!) { story(id: $id) { id } }`, { id: storm })).data!.story).toBeNull();
  });

  it('a bridging article merges two stories; the older id stays and the other redirects', async () => {
    const left = ['person:乙', 'topic:左一', 'topic:左二', 'org:左三', 'place:左四', 'topic:左五'];
    const right = ['person:乙', 'topic:右一', 'topic:右二', 'org:右三', 'place:右四', 'topic:右五'];
    const a = await write(executor, item({ id: 'bridge-a', title: '子丑寅卯', publishedAt: '2025-11-10', entities: left }));
    const b = await write(
      executor,
      item({ id: 'bridge-b', title: '辰巳午未', language: 'zh-Hans', publishedAt: '2025-11-11', entities: right }),
    );
    expect(b.story?.storyId).not.toBe(a.story?.storyId);
    const m = await write(
      executor,
      item({
        id: 'bridge-m',
        title: 'Both sides of it',
        language: 'en',
        publishedAt: '2025-11-11',
        entities: [...left, ...right.slice(1)],
      }),
    );
    expect(m.story).toMatchObject({ kind: 'merged', storyId: a.story!.storyId, mergedIds: [b.story!.storyId] });
    for (const id of ['bridge-a', 'bridge-b', 'bridge-m']) expect(await storyOf(executor, id)).toBe(a.story!.storyId);
    const res = await gql(api.url, `query($id: ID!) { story(id: $id) { id articleCount } }`, { id: b.story!.storyId });
    expect(res.data!.story).toEqual({ id: a.story!.storyId, articleCount: 3 });
  });

  it('assigns a whole batch as one by one would: a later article joins, bridges and follows stories earlier ones of the batch started', async () => {
    const left = ['person:丁', 'topic:東一', 'topic:東二', 'org:東三', 'place:東四', 'topic:東五'];
    const right = ['person:丁', 'topic:西一', 'topic:西二', 'org:西三', 'place:西四', 'topic:西五'];
    const verdict = ['person:戊市長', 'place:戊市', 'topic:戊判決', 'org:戊法院', 'topic:戊貪污', 'person:戊法官'];
    const back = ['person:戊市長', 'place:戊市', 'topic:戊復職', 'org:戊市府', 'topic:戊支持者', 'person:戊副市長'];
    const batch = [
      item({ id: 'batch-left', title: '甲乙丙丁', publishedAt: '2025-11-20', entities: left }),
      item({ id: 'batch-left-2', title: '甲乙丙丁續報', publishedAt: '2025-11-20', source: 'Other Daily', entities: left }),
      item({ id: 'batch-right', title: '戊己庚辛', language: 'zh-Hans', publishedAt: '2025-11-21', entities: right }),
      item({
        id: 'batch-bridge',
        title: 'Both of them',
        language: 'en',
        publishedAt: '2025-11-21',
        entities: [...left, ...right.slice(1)],
      }),
      // two days apart, and weeks before the newest article the listing test below counts on
      item({ id: 'batch-verdict', title: '戊市長二審改判 檢方將上訴', publishedAt: '2025-11-24', entities: verdict }),
      item({ id: 'batch-back', title: '戊市長回市府上班 支持者到場', publishedAt: '2025-11-26', entities: back }),
    ];
    const results = (await writeArticles(executor, batch)) as WriteResult[];
    const story = (k: number) => results[k].story!;
    expect(story(0).kind).toBe('created');
    expect(story(1)).toMatchObject({ kind: 'joined', storyId: story(0).storyId });
    expect(story(3)).toMatchObject({ kind: 'merged', storyId: story(0).storyId });
    expect(story(3).mergedIds).toHaveLength(1);
    // the right-hand story, created in the batch and merged in it, redirects to the older one
    expect(story(2).storyId).toBe(story(0).storyId);
    for (const id of ['batch-left', 'batch-left-2', 'batch-right', 'batch-bridge'])
      expect(await storyOf(executor, id)).toBe(story(0).storyId);
    const merged = await gql(api.url, `query($id: ID!) { story(id: $id) { id articleCount languages } }`, { id: story(3).mergedIds[0] });
    expect(merged.data!.story).toEqual({
      id: story(0).storyId,
      articleCount: 4,
      languages: expect.arrayContaining(['zh-Hant', 'zh-Hans', 'en']),
    });
    // one subject's two events: two stories of the batch, the later FOLLOWS the earlier
    expect(story(5).storyId).not.toBe(story(4).storyId);
    const res = await gql(api.url, `query($id: ID!) { story(id: $id) { articleCount follows { story { id } evidence } } }`, {
      id: story(5).storyId,
    });
    expect(res.data!.story).toEqual({
      articleCount: 1,
      follows: [{ story: { id: story(4).storyId }, evidence: ['戊市長回市府上班 支持者到場', '戊市長二審改判 檢方將上訴'] }],
    });
  });

  it("keeps one subject's two events apart and links the later one by FOLLOWS", async () => {
    const verdict = ['person:丙市長', 'place:丙市', 'topic:判決', 'org:丙法院', 'topic:貪污', 'person:丙法官'];
    const back = ['person:丙市長', 'place:丙市', 'topic:復職', 'org:丙市府', 'topic:支持者', 'person:丙副市長'];
    const first = await write(
      executor,
      item({ id: 'mayor-verdict', title: '丙市長二審改判 檢方將上訴', publishedAt: '2025-12-01', entities: verdict }),
    );
    const second = await write(
      executor,
      item({ id: 'mayor-back', title: '丙市長回市府上班 支持者到場', publishedAt: '2025-12-03', entities: back }),
    );
    expect(second.story?.storyId).not.toBe(first.story?.storyId);
    const res = await gql(
      api.url,
      `query($id: ID!) { story(id: $id) { follows { story { id } shared { id } evidence } related(first: 3) { story { id } shared { id } } } }`,
      {
        id: second.story!.storyId,
      },
    );
    expect(res.errors).toBeUndefined();
    const follows = res.data!.story.follows;
    expect(follows).toHaveLength(1);
    expect(follows[0].story.id).toBe(first.story!.storyId);
    expect(follows[0].shared.map((e: any) => e.id)).toEqual(expect.arrayContaining(['person:丙市長', 'place:丙市']));
    expect(follows[0].evidence).toEqual(['丙市長回市府上班 支持者到場', '丙市長二審改判 檢方將上訴']);
    expect(res.data!.story.related[0].story.id).toBe(first.story!.storyId);
    const back2 = await gql(api.url, `query($id: ID!) { story(id: $id) { followedBy { story { id } } } }`, { id: first.story!.storyId });
    expect(back2.data!.story.followedBy.map((l: any) => l.story.id)).toEqual([second.story!.storyId]);
  });

  it('counts a near-duplicate copy once: mentions, timelines, trending, stories', async () => {
    const body = Array.from(
      { length: 6 },
      (_, i) => `通訊社電 第${i}段：戊公司宣布在西港興建新廠，預計投資金額創下新高，地方政府表示歡迎並將協助。`,
    ).join('\n');
    const original = await write(
      executor,
      item({
        id: 'wire-1',
        title: '戊公司西港建新廠',
        publishedAt: '2025-12-10',
        source: '甲報',
        body,
        entities: ['org:戊公司', 'place:西港', 'topic:投資'],
      }),
    );
    const copy = await write(
      executor,
      item({
        id: 'wire-2',
        title: '戊公司宣布西港新廠',
        publishedAt: '2025-12-10',
        source: '乙報',
        body,
        entities: ['org:戊公司', 'place:西港', 'topic:投資'],
      }),
    );
    expect(copy.duplicateOf).toBe('wire-1');
    expect(copy.story?.storyId).toBe(original.story?.storyId);
    const res = await gql(
      api.url,
      `query($id: ID!) {
      story(id: $id) { articleCount copies articles { totalCount } all: articles(includeDuplicates: true) { totalCount } timeline { articles } }
      entity(id: "org:戊公司") { mentionCount }
      timeline(ids: ["org:戊公司"], interval: DAY) { points { articles } }
      withCopies: timeline(ids: ["org:戊公司"], interval: DAY, includeDuplicates: true) { points { articles } }
      trending(from: "2025-12-10", to: "2025-12-10", first: 100) { entity { id } current }
      trendingStories(from: "2025-12-10", to: "2025-12-10") { story { id } current }
    }`,
      { id: original.story!.storyId },
    );
    expect(res.errors).toBeUndefined();
    const d = res.data!;
    expect(d.story).toEqual({
      articleCount: 1,
      copies: 1,
      articles: { totalCount: 1 },
      all: { totalCount: 2 },
      timeline: [{ articles: 1 }],
    });
    expect(d.entity.mentionCount).toBe(1);
    expect(d.timeline[0].points).toEqual([{ articles: 1 }]);
    expect(d.withCopies[0].points).toEqual([{ articles: 2 }]);
    expect(d.trending.find((t: any) => t.entity.id === 'org:戊公司').current).toBe(1);
    expect(d.trendingStories.find((t: any) => t.story.id === original.story!.storyId).current).toBe(1);
  });

  it('writes credited agencies as credits and outlets as Outlet nodes, never as mentions', async () => {
    await write(
      executor,
      item({
        id: 'credited',
        title: '己縣豪雨 多處淹水',
        publishedAt: '2025-12-12',
        source: '丁報',
        entities: ['place:己縣', 'topic:豪雨'],
        credits: ['org:測試通訊社'],
      }),
    );
    const [row] = await executor.read({
      cypher: `MATCH (a:Article {id: 'credited'})
        RETURN EXISTS { (a)-[:MENTIONS]->(:Entity {id: 'org:測試通訊社'}) } AS mentioned,
               EXISTS { (a)-[:CREDITS]->(:Entity {id: 'org:測試通訊社'}) } AS credited,
               [(a)-[:PUBLISHED_BY]->(o:Outlet) | o.name] AS outlets`,
      params: {},
    });
    expect(row).toEqual({ mentioned: false, credited: true, outlets: ['丁報'] });
    const res = await gql(
      api.url,
      `{ entity(id: "org:測試通訊社") { mentionCount } trending(from: "2025-12-12", to: "2025-12-12", first: 100) { entity { id } }
      stories(filter: { outlet: "丁報" }) { nodes { outlets } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.entity.mentionCount).toBe(0);
    expect(res.data!.trending.map((t: any) => t.entity.id)).not.toContain('org:測試通訊社');
    expect(res.data!.stories.nodes).toEqual([{ outlets: ['丁報'] }]);
  });

  it('lists stories by filter and order, with relative periods against the newest article', async () => {
    const latest = await gql(
      api.url,
      `{ stories(first: 2, orderBy: LATEST) { totalCount pageInfo { hasNextPage endCursor } nodes { lastSeen } } }`,
    );
    expect(latest.errors).toBeUndefined();
    const nodes = latest.data!.stories.nodes;
    expect(nodes[0].lastSeen >= nodes[1].lastSeen).toBe(true);
    expect(latest.data!.stories.pageInfo.hasNextPage).toBe(true);
    const page2 = await gql(api.url, `query($after: String) { stories(first: 2, after: $after) { nodes { lastSeen } } }`, {
      after: latest.data!.stories.pageInfo.endCursor,
    });
    expect(page2.data!.stories.nodes[0].lastSeen <= nodes[1].lastSeen).toBe(true);
    const bySize = await gql(api.url, `{ stories(first: 1, orderBy: SIZE) { nodes { articleCount } } }`);
    const everySize = await gql(api.url, `{ stories(first: 100, orderBy: LATEST) { nodes { articleCount } } }`);
    const sizes = everySize.data!.stories.nodes.map((n: any) => n.articleCount as number);
    expect(sizes.length).toBeGreaterThan(2);
    expect(bySize.data!.stories.nodes[0].articleCount).toBe(Math.max(...sizes));
    expect(bySize.data!.stories.nodes[0].articleCount).toBeGreaterThan(Math.min(...sizes));
    // the newest article is 2025-12-12: the last 7 days are 12-06..12-12
    const week = await gql(api.url, `{ stories(filter: { period: LAST_7_DAYS }, first: 50) { nodes { lastSeen } } }`);
    expect(week.errors).toBeUndefined();
    expect(week.data!.stories.nodes.length).toBeGreaterThan(0);
    expect(week.data!.stories.nodes.every((s: any) => s.lastSeen >= '2025-12-06')).toBe(true);
    const english = await gql(api.url, `{ stories(filter: { language: "en", entity: "person:乙" }) { nodes { languages } } }`);
    expect(english.data!.stories.nodes).toHaveLength(1);
    const bad = await gql(api.url, `{ stories(filter: { period: LAST_7_DAYS, from: "2025-01-01" }) { totalCount } }`);
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const trending = await gql(
      api.url,
      `{ stories(orderBy: TRENDING, filter: { period: LAST_7_DAYS }) { nodes { id } } trendingStories(period: LAST_24_HOURS) { story { outlets } current previous } }`,
    );
    expect(trending.errors).toBeUndefined();
    expect(trending.data!.trendingStories).toEqual([{ story: { outlets: ['丁報'] }, current: 1, previous: 0 }]);
  });

  it('delivers live updates to a graphql-ws client on the same port', async () => {
    const client: Client = createClient({ url: api.wsUrl, webSocketImpl: WebSocket, retryAttempts: 0 });
    const received: Record<string, any[]> = { article: [], story: [], entity: [] };
    const subscribe = (key: string, query: string) =>
      new Promise<void>((resolve, reject) => {
        client.subscribe({ query }, { next: (v) => received[key].push(v), error: reject, complete: () => undefined });
        resolve();
      });
    try {
      await subscribe(
        'article',
        `subscription { articleIngested(filter: { language: "zh-Hant" }) { status article { title } story { id articleCount } } }`,
      );
      await subscribe('entity', `subscription { entityMentioned(id: "person:林佳龍") { salience entity { id } article { title } } }`);
      // the server only learns the story id after the first ingest; a filter on entity stands in
      await subscribe(
        'story',
        `subscription { storyUpdated(filter: { entity: "person:林佳龍" }) { change storyId story { articleCount } article { title } } }`,
      );
      await new Promise((r) => setTimeout(r, 300));
      const res = await gql(
        api.url,
        `mutation($a: [ArticleInput!]!) { ingestArticles(articles: $a) { status error } }`,
        {
          a: [
            {
              title: '林佳龍訪問東京 與日方商談稀土合作',
              publishedAt: '2025-12-12',
              source: '測試日報',
              language: 'zh-Hant',
              body: '外交部長林佳龍今天抵達東京，與日本官員商談稀土供應鏈合作。\n林佳龍表示，台日將深化合作。',
            },
          ],
        },
        auth,
      );
      expect(res.data!.ingestArticles).toEqual([{ status: 'new', error: null }]);
      const deadline = Date.now() + 10000;
      while ((!received.article.length || !received.story.length || !received.entity.length) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
      expect(received.article[0].data.articleIngested).toMatchObject({
        status: 'new',
        article: { title: '林佳龍訪問東京 與日方商談稀土合作' },
        story: { articleCount: 1 },
      });
      expect(received.story[0].data.storyUpdated).toMatchObject({
        change: 'CREATED',
        story: { articleCount: 1 },
        article: { title: '林佳龍訪問東京 與日方商談稀土合作' },
      });
      expect(received.entity[0].data.entityMentioned).toMatchObject({
        entity: { id: 'person:林佳龍' },
        article: { title: '林佳龍訪問東京 與日方商談稀土合作' },
      });
      expect(received.entity[0].data.entityMentioned.salience).toBeGreaterThan(0);
      // an English article is filtered out of the zh-Hant article feed
      await gql(
        api.url,
        `mutation($a: [ArticleInput!]!) { ingestArticles(articles: $a) { status } }`,
        {
          a: [
            {
              title: 'Typhoon nears the east coast',
              publishedAt: '2025-12-12',
              language: 'en',
              body: 'A typhoon approached the east coast of Taiwan on Friday, forecasters said.',
            },
          ],
        },
        auth,
      );
      await new Promise((r) => setTimeout(r, 500));
      expect(received.article).toHaveLength(1);
    } finally {
      await client.dispose();
    }
  });

  it('an article updated into a new story twice, its earlier stories kept by others, takes a third id', async () => {
    const episode = (n: number, id: string) =>
      item({
        id,
        title: `第${n}號專案說明會 丙${n}公司回應`,
        publishedAt: `2025-10-1${n}`,
        entities: [`person:丙${n}董事長`, `org:丙${n}公司`, `place:丙${n}港`, `topic:丙${n}專案`],
      });
    await write(executor, episode(1, 'roam'));
    const first = (await storyOf(executor, 'roam'))!;
    await write(executor, episode(1, 'roam-peer1'));
    expect(await storyOf(executor, 'roam-peer1')).toBe(first);
    await write(executor, episode(2, 'roam'));
    const second = (await storyOf(executor, 'roam'))!;
    await write(executor, episode(2, 'roam-peer2'));
    expect(await storyOf(executor, 'roam-peer2')).toBe(second);
    const third = await write(executor, episode(3, 'roam'));
    expect(third.status).toBe('updated');
    expect(third.story).toMatchObject({ kind: 'created', leftStoryId: second, leftStoryDeleted: false });
    expect(new Set([first, second, third.story!.storyId]).size).toBe(3);
    expect(await storyOf(executor, 'roam-peer1')).toBe(first);
  });
});
