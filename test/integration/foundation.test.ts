import { parseTextPage } from '../../src/ingest';
import { ingestArticle } from '../../src/pipeline/ingest-articles';
import type { ApiServer } from '../../src/api/server';
import type { Executor } from '../../src/store/executor';
import { foundingText, gql, graphCounts, resetGraph, startTestApi, testExecutor } from './helpers';

/** The whole path on a real Neo4j: the founding page goes in, the API serves its entities over HTTP. */
describe('founding article, end to end', () => {
  let executor: Executor;
  let api: ApiServer;
  let articleId: string;

  beforeAll(async () => {
    executor = await testExecutor();
    await resetGraph(executor);
    const article = parseTextPage(foundingText(), { origin: 'udn-2025-10-21-rare-earth-report.txt' });
    articleId = article.id;
    const result = await ingestArticle(executor, article);
    expect(result.status).toBe('new');
    api = await startTestApi(executor);
  });

  afterAll(async () => {
    await api?.stop();
    await executor?.close();
  });

  it('serves the article with its metadata and mentioned entities', async () => {
    const res = await gql(
      api.url,
      `query($id: ID!) {
      article(id: $id) { id title publishedAt source language authors { name role }
        mentions { count inHeadline entity { __typename id name ... on Country { iso2 } } } }
    }`,
      { id: articleId },
    );
    expect(res.errors).toBeUndefined();
    const a = res.data!.article;
    expect(a.title).toBe('回應大陸稀土戰 林佳龍拋台美共同打造關鍵礦物非紅供應鏈');
    expect(a.publishedAt).toMatch(/^2025-10-21/);
    expect(a.source).toBe('聯合報');
    expect(a.authors).toEqual(
      expect.arrayContaining([
        { name: '張文馨', role: 'REPORTER' },
        { name: '邱德祥', role: 'PHOTOGRAPHER' },
      ]),
    );
    const names = a.mentions.map((m: any) => m.entity.name);
    expect(names).toEqual(expect.arrayContaining(['林佳龍', '外交部', '稀土', '關稅']));
    const iso = a.mentions.filter((m: any) => m.entity.__typename === 'Country').map((m: any) => m.entity.iso2);
    expect(iso).toEqual(expect.arrayContaining(['TW', 'US', 'CN']));
    const lin = a.mentions.find((m: any) => m.entity.name === '林佳龍');
    expect(lin.entity.__typename).toBe('Person');
    expect(lin.inHeadline).toBe(true);
  });

  it('shows 林佳龍 holding the foreign minister role, with the sentence as evidence', async () => {
    const found = await gql(api.url, `{ search(query: "林佳龍", types: [PERSON]) { score entity { id name } } }`);
    expect(found.errors).toBeUndefined();
    const personId = found.data!.search[0].entity.id;
    const res = await gql(
      api.url,
      `query($id: ID!) {
      entity(id: $id) { name mentionCount
        articles(first: 5) { totalCount nodes { id } }
        relations(direction: OUT) { type title to { name } evidence { sentence article { id } } } }
    }`,
      { id: personId },
    );
    expect(res.errors).toBeUndefined();
    const e = res.data!.entity;
    expect(e.name).toBe('林佳龍');
    expect(e.mentionCount).toBe(1);
    expect(e.articles.nodes.map((n: any) => n.id)).toEqual([articleId]);
    const role = e.relations.find((r: any) => r.type === 'HOLDS_ROLE' && r.to.name === '外交部');
    expect(role).toBeDefined();
    expect(role.title).toBe('外交部長');
    expect(role.evidence[0].sentence).toContain('林佳龍');
    expect(role.evidence[0].article.id).toBe(articleId);
    const reports = e.relations.find((r: any) => r.type === 'REPORTS_TO');
    expect(reports?.to.name).toMatch(/外交及國防委員會/);
    expect(reports.evidence[0].sentence).toContain('外交及國防委員會');
  });

  it('finds 稀土 inside longer text through the cjk full-text index', async () => {
    const res = await gql(api.url, `{ search(query: "稀土") { score entity { name } article { id } } }`);
    expect(res.errors).toBeUndefined();
    const hits = res.data!.search;
    expect(hits.some((h: any) => h.entity?.name === '稀土')).toBe(true);
    expect(hits.some((h: any) => h.article?.id === articleId)).toBe(true);
    expect(hits.map((h: any) => h.score)).toEqual([...hits.map((h: any) => h.score)].sort((x: number, y: number) => y - x));
  });

  it('pages through articles with cursors', async () => {
    const res = await gql(api.url, `{ articles(first: 1) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.articles.totalCount).toBe(1);
    expect(res.data!.articles.edges[0].node.id).toBe(articleId);
    expect(res.data!.articles.pageInfo.hasNextPage).toBe(false);
    const tooMany = await gql(api.url, `{ articles(first: 500) { totalCount } }`);
    expect(tooMany.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('is idempotent: ingesting the same page again leaves the same counts', async () => {
    const before = await graphCounts(executor);
    const again = await ingestArticle(executor, parseTextPage(foundingText(), { origin: 'again' }));
    expect(again.status).toBe('unchanged');
    expect(await graphCounts(executor)).toEqual(before);
  });

  it('answers an unknown entity with null and a bad cursor with BAD_USER_INPUT', async () => {
    const res = await gql(api.url, `{ entity(id: "person:nobody") { id } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.entity).toBeNull();
    const bad = await gql(api.url, `{ articles(after: "not-a-cursor") { totalCount } }`);
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
