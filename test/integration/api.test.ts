import { fromInput, parseTextPage } from '../../src/ingest';
import { ingestArticle } from '../../src/pipeline/ingest-articles';
import type { ApiServer } from '../../src/api/server';
import type { Executor } from '../../src/store/executor';
import { foundingText, gql, graphCounts, resetGraph, startTestApi, testExecutor } from './helpers';

const KEY = 'test-key-123';
const auth = { authorization: `Bearer ${KEY}` };

/** Short sample articles written for these tests (not real news). */
const SAMPLES = [
  {
    url: 'https://example.test/zh/1',
    title: '林佳龍訪問華府 商討稀土合作',
    publishedAt: '2025-10-25',
    source: 'NewsGraph sample',
    language: 'zh-Hant',
    body: '外交部長林佳龍今天抵達華府，與美方官員商討稀土與關鍵礦物供應鏈合作。\n林佳龍表示，台美將在既有機制下深化合作。',
  },
  {
    url: 'https://example.test/zh/2',
    title: '立法院審查關稅協議 賴清德盼朝野支持',
    publishedAt: '2025-11-03',
    source: 'NewsGraph sample',
    language: 'zh-Hant',
    body: '總統賴清德今天表示，台美關稅談判已有進展，盼立法院支持。\n外交部長林佳龍也說，美國重視與台灣的合作。',
  },
  {
    url: 'https://example.test/en/1',
    title: 'Taiwan and the US discuss rare earth supply chains',
    publishedAt: '2025-11-04',
    source: 'NewsGraph sample',
    language: 'en',
    body: 'Taiwanese Foreign Minister Lin Chia-lung said on Tuesday that Taiwan and the United States would work together on rare earth supply chains.\nChina has tightened export controls on rare earths.',
  },
];

describe('GraphQL API over HTTP', () => {
  let executor: Executor;
  let api: ApiServer;
  let foundingId: string;
  const ids: string[] = [];

  beforeAll(async () => {
    executor = await testExecutor();
    await resetGraph(executor);
    const founding = parseTextPage(foundingText(), { origin: 'founding' });
    foundingId = founding.id;
    await ingestArticle(executor, founding);
    for (const [i, s] of SAMPLES.entries()) {
      const a = fromInput(s, `sample ${i}`);
      ids.push(a.id);
      expect((await ingestArticle(executor, a)).status).toBe('new');
    }
    api = await startTestApi(executor, KEY);
  });

  afterAll(async () => {
    await api?.stop();
    await executor?.close();
  });

  const personId = async (name: string): Promise<string> => {
    const res = await gql(api.url, `query($q: String!) { search(query: $q, types: [PERSON]) { entity { id name } } }`, { q: name });
    const hit = res.data!.search.find((h: any) => h.entity.name === name || h.entity.id.includes(name));
    if (!hit) throw new Error(`no person ${name} in ${JSON.stringify(res)}`);
    return hit.entity.id;
  };

  it('resolves 林佳龍 in Chinese and English articles to one node', async () => {
    const id = await personId('林佳龍');
    const res = await gql(api.url, `query($id: ID!) { entity(id: $id) { name mentionCount articles(first: 10) { totalCount } } }`, { id });
    expect(res.data!.entity.mentionCount).toBe(4);
    expect(res.data!.entity.articles.totalCount).toBe(4);
  });

  it('filters articles by mentioned entities, language and date, newest first', async () => {
    const lin = await personId('林佳龍');
    const res = await gql(
      api.url,
      `query($lin: ID!) {
      all: articles(first: 10) { totalCount nodes { id publishedAt } }
      zh: articles(filter: { language: "zh-Hant", mentionsAll: [$lin, "country:US"] }) { totalCount }
      window: articles(filter: { from: "2025-11-01", to: "2025-11-03" }) { totalCount nodes { id } }
    }`,
      { lin },
    );
    expect(res.errors).toBeUndefined();
    const dates = res.data!.all.nodes.map((n: any) => n.publishedAt);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(res.data!.all.totalCount).toBe(4);
    expect(res.data!.zh.totalCount).toBe(3);
    expect(res.data!.window.nodes.map((n: any) => n.id)).toEqual([ids[1]]);
  });

  it('answers in compact JSON, without indentation', async () => {
    const res = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ articles(first: 2) { nodes { id title } } }' }),
    });
    const text = await res.text();
    expect(JSON.parse(text).data.articles.nodes).toHaveLength(2);
    expect(text).toBe(JSON.stringify(JSON.parse(text)));
  });

  it('finds an article by URL and insists on exactly one of id or url', async () => {
    const res = await gql(api.url, `{ article(url: "https://example.test/en/1") { id language title } }`);
    expect(res.data!.article).toEqual({ id: ids[2], language: 'en', title: SAMPLES[2].title });
    const both = await gql(api.url, `{ article(id: "x", url: "y") { id } }`);
    expect(both.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('filters relations by type and direction', async () => {
    const lin = await personId('林佳龍');
    const res = await gql(
      api.url,
      `query($id: ID!) { entity(id: $id) {
      out: relations(types: [HOLDS_ROLE], direction: OUT) { type from { id } }
      in: relations(direction: IN) { to { id } }
    } }`,
      { id: lin },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.entity.out.length).toBeGreaterThan(0);
    expect(res.data!.entity.out.every((r: any) => r.type === 'HOLDS_ROLE' && r.from.id === lin)).toBe(true);
    expect(res.data!.entity.in.every((r: any) => r.to.id === lin)).toBe(true);
  });

  it('pages with cursors without overlap', async () => {
    const first = await gql(api.url, `{ articles(first: 2) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }`);
    const p = first.data!.articles;
    expect(p.pageInfo.hasNextPage).toBe(true);
    const second = await gql(
      api.url,
      `query($after: String) { articles(first: 2, after: $after) { pageInfo { hasNextPage } nodes { id } } }`,
      { after: p.pageInfo.endCursor },
    );
    const all = [...p.nodes, ...second.data!.articles.nodes].map((n: any) => n.id);
    expect(new Set(all).size).toBe(4);
    expect(second.data!.articles.pageInfo.hasNextPage).toBe(false);
  });

  it('lists entities by mentions and by name with filters', async () => {
    const res = await gql(
      api.url,
      `{
      countries: entities(filter: { type: COUNTRY }, first: 5) { totalCount nodes { id mentionCount ... on Country { iso2 } } }
      named: entities(filter: { nameContains: "林" , type: PERSON }, orderBy: NAME) { nodes { name } }
      frequent: entities(filter: { minMentions: 3 }) { nodes { mentionCount } }
    }`,
    );
    expect(res.errors).toBeUndefined();
    const counts = res.data!.countries.nodes.map((n: any) => n.mentionCount);
    expect(counts).toEqual([...counts].sort((a: number, b: number) => b - a));
    expect(res.data!.countries.nodes.map((n: any) => n.iso2)).toEqual(expect.arrayContaining(['TW', 'US']));
    expect(res.data!.named.nodes.map((n: any) => n.name)).toContain('林佳龍');
    expect(res.data!.frequent.nodes.every((n: any) => n.mentionCount >= 3)).toBe(true);
  });

  it('escapes Lucene syntax in search instead of failing', async () => {
    const res = await gql(api.url, `{ search(query: "稀土 AND (\\"*") { score } }`);
    expect(res.errors).toBeUndefined();
    const empty = await gql(api.url, `{ search(query: "  ") { score } }`);
    expect(empty.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    // a page of CJK text would exceed the full-text clause limit: refused by name, not a server error
    const long = await gql(api.url, `query($q: String!) { search(query: $q) { score } }`, { q: '稀'.repeat(5000) });
    expect(long.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(long.errors?.[0].message).toMatch(/5000 characters/);
    const longest = await gql(api.url, `query($q: String!) { search(query: $q) { score } }`, { q: '稀'.repeat(500) });
    expect(longest.errors).toBeUndefined();
  });

  it('draws a neighborhood and finds paths with evidence', async () => {
    const lin = await personId('林佳龍');
    const nb = await gql(
      api.url,
      `query($id: ID!) { neighborhood(id: $id, depth: 2) { nodes { id name } edges { from to type title weight evidence { sentence } } } }`,
      { id: lin },
    );
    expect(nb.errors).toBeUndefined();
    const { nodes, edges } = nb.data!.neighborhood;
    expect(nodes[0].id).toBe(lin);
    const nodeIds = new Set(nodes.map((n: any) => n.id));
    expect(edges.length).toBeGreaterThan(0);
    for (const e of edges) {
      expect(nodeIds.has(e.from) && nodeIds.has(e.to)).toBe(true);
      // general knowledge from the lexicon (a ministry PART_OF the Executive Yuan) has no sentence
      expect(e.evidence.length).toBeGreaterThan(0);
    }
    // relations the lexicon already knows carry no sentence; the others show theirs
    expect(edges.some((e: any) => e.evidence[0].sentence.length > 0)).toBe(true);
    const role = edges.find((e: any) => e.type === 'HOLDS_ROLE' && e.from === lin);
    expect(role).toBeDefined();
    expect(role.evidence[0].sentence.length).toBeGreaterThan(0);
    const paths = await gql(
      api.url,
      `query($a: ID!, $b: ID!) { paths(from: $a, to: $b, maxHops: 3) { length nodes { id } edges { type evidence { sentence } } } }`,
      { a: lin, b: role.to },
    );
    expect(paths.errors).toBeUndefined();
    expect(paths.data!.paths[0].length).toBe(1);
    expect(paths.data!.paths[0].edges[0].evidence.length).toBeGreaterThan(0);
    const tooDeep = await gql(api.url, `query($id: ID!) { neighborhood(id: $id, depth: 4) { nodes { id } } }`, { id: lin });
    expect(tooDeep.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('ranks co-occurring entities with counts and association strength', async () => {
    const lin = await personId('林佳龍');
    const res = await gql(api.url, `query($id: ID!) { cooccurrences(id: $id, first: 50) { entity { id } count pmi npmi strength } }`, {
      id: lin,
    });
    expect(res.errors).toBeUndefined();
    const rows = res.data!.cooccurrences;
    expect(rows.length).toBeGreaterThan(0);
    const strengths = rows.map((r: any) => r.strength);
    expect(strengths).toEqual([...strengths].sort((a: number, b: number) => b - a));
    expect(rows.every((r: any) => r.count >= 1 && r.npmi <= 1.0000001)).toBe(true);
    expect(rows.some((r: any) => r.entity.id === lin)).toBe(false);
  });

  it('charts mentions per week with zero-filled buckets', async () => {
    const lin = await personId('林佳龍');
    const res = await gql(
      api.url,
      `query($id: ID!) { timeline(ids: [$id], interval: WEEK, from: "2025-10-20", to: "2025-11-09") { points { bucket articles } } }`,
      { id: lin },
    );
    expect(res.errors).toBeUndefined();
    const points = res.data!.timeline[0].points;
    expect(points.map((p: any) => p.bucket)).toEqual(['2025-10-20', '2025-10-27', '2025-11-03']);
    expect(points.map((p: any) => p.articles)).toEqual([2, 0, 2]);
  });

  it('finds what is trending against the preceding period', async () => {
    const res = await gql(
      api.url,
      `{ trending(from: "2025-11-01", to: "2025-11-30", first: 50) { entity { id name } current previous score } }`,
    );
    expect(res.errors).toBeUndefined();
    const rows = res.data!.trending;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r: any) => r.current > r.previous)).toBe(true);
    const bad = await gql(api.url, `{ trending(from: "2025-11-30", to: "2025-11-01") { score } }`);
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('relates articles by shared entities, explaining each link', async () => {
    const res = await gql(
      api.url,
      `query($id: ID!) { relatedArticles(id: $id, first: 5) { link score article { id title } shared { id } } }`,
      { id: ids[0] },
    );
    expect(res.errors).toBeUndefined();
    const rows = res.data!.relatedArticles;
    const shared = rows.filter((r: any) => r.link === 'SHARED_ENTITIES');
    expect(shared.length).toBeGreaterThan(0);
    expect(shared.every((r: any) => r.shared.length > 0 && r.article.id !== ids[0])).toBe(true);
    const founding = await gql(api.url, `query($id: ID!) { article(id: $id) { relatedArticles(first: 3) { link article { title } } } }`, {
      id: foundingId,
    });
    expect(founding.data!.article.relatedArticles[0].link).toBe('LINKS_TO');
    const missing = await gql(api.url, `{ relatedArticles(id: "nope") { score } }`);
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('reports stats', async () => {
    const res = await gql(api.url, `{ stats { articles entities { type count } relations { type count } firstPublished lastPublished } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.stats.articles).toBe(4);
    expect(res.data!.stats.firstPublished).toMatch(/^2025-10-21/);
    expect(res.data!.stats.lastPublished).toMatch(/^2025-11-04/);
    expect(res.data!.stats.entities.find((t: any) => t.type === 'country').count).toBeGreaterThanOrEqual(3);
    expect(res.data!.stats.relations.find((t: any) => t.type === 'HOLDS_ROLE').count).toBeGreaterThan(0);
  });

  it('refuses too deep or too expensive queries with HTTP 400, naming the limit', async () => {
    const http = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `{ articles(first: 100) { nodes { mentions { entity { relations(first: 100) { from { articles(first: 100) { totalCount } } } } } } } }`,
      }),
    });
    expect(http.status).toBe(400);
    const res = (await http.json()) as { errors?: { message: string; extensions?: { code?: string; limit?: string } }[] };
    expect(res.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(res.errors?.[0].extensions?.limit).toBe('cost');
    expect(res.errors?.[0].message).toMatch(/cost/);
  });

  it('lists the neighborhood centre once, counts each weight once, returns distinct paths', async () => {
    const lin = await personId('林佳龍');
    const nb = await gql(
      api.url,
      `query($id: ID!) { neighborhood(id: $id, depth: 2) { nodes { id } edges { from to type title weight } } }`,
      { id: lin },
    );
    const ids = nb.data!.neighborhood.nodes.map((n: any) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    const edgeKeys = nb.data!.neighborhood.edges.map((e: any) => `${e.from}|${e.to}|${e.type}|${e.title}`);
    expect(new Set(edgeKeys).size).toBe(edgeKeys.length);
    // each edge's weight is the number of articles stating it, counted in the graph itself
    for (const e of nb.data!.neighborhood.edges) {
      const [row] = await executor.read<{ n: number }>({
        cypher:
          'MATCH (:Entity {id: $from})-[r]->(:Entity {id: $to}) WHERE type(r) = $type AND coalesce(r.title, "") = coalesce($title, "") RETURN count(r) AS n',
        params: { from: e.from, to: e.to, type: e.type, title: e.title },
      });
      expect(e.weight).toBe(row.n);
    }
    let longest = 0;
    for (const other of ids.filter((id: string) => id !== lin)) {
      const paths = await gql(
        api.url,
        `query($a: ID!, $b: ID!) { paths(from: $a, to: $b, maxHops: 3, first: 10) { length nodes { id } } }`,
        { a: lin, b: other },
      );
      const keys = paths.data!.paths.map((p: any) => p.nodes.map((n: any) => n.id).join('>'));
      expect(new Set(keys).size).toBe(keys.length);
      longest = Math.max(longest, ...paths.data!.paths.map((p: any) => p.length));
    }
    expect(longest).toBeGreaterThanOrEqual(2);
  });

  it('refuses mutations without the API key', async () => {
    const res = await gql(api.url, `mutation { addAlias(id: "country:TW", alias: "福爾摩沙") { id } }`);
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(JSON.stringify(res.errors)).not.toMatch(/stacktrace|\.js:\d+/);
    const wrong = await gql(api.url, `mutation { deleteArticle(id: "x") }`, { authorization: 'Bearer wrong' });
    expect(wrong.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('ingests through the mutation, one result per item, and nothing of a bad item', async () => {
    const before = await graphCounts(executor);
    const res = await gql(
      api.url,
      `mutation($items: [ArticleInput!]!) { ingestArticles(articles: $items) { index id status error } }`,
      {
        items: [
          {
            title: '測試：衛福部說明護理人力政策',
            body: '衛福部今天說明護理人力政策。',
            publishedAt: '2025-11-05',
            source: 'NewsGraph sample',
          },
          { body: '' },
        ],
      },
      auth,
    );
    expect(res.errors).toBeUndefined();
    const [ok, bad] = res.data!.ingestArticles;
    expect(ok.status).toBe('new');
    expect(bad.status).toBe('failed');
    expect(bad.error).toMatch(/title|body|empty/i);
    const after = await graphCounts(executor);
    expect(after.nodes).toBeGreaterThan(before.nodes);
    const del = await gql(api.url, `mutation($id: ID!) { deleteArticle(id: $id) }`, { id: ok.id }, auth);
    expect(del.data!.deleteArticle).toBe(true);
    expect(await graphCounts(executor)).toEqual(before);
  });

  it('adds aliases and merges entities, keeping names as aliases and following the old id', async () => {
    const alias = await gql(api.url, `mutation { addAlias(id: "country:TW", alias: "福爾摩沙") { aliases } }`, {}, auth);
    expect(alias.data!.addAlias.aliases).toContain('福爾摩沙');
    const found = await gql(api.url, `{ search(query: "福爾摩沙") { entity { id } } }`);
    expect(found.data!.search[0].entity.id).toBe('country:TW');

    const a = fromInput(
      { title: '甲乙公司合作', body: '王小明與王曉明會面。', url: 'https://example.test/merge', publishedAt: '2025-11-06' },
      'merge',
    );
    await ingestArticle(executor, a);
    await executor.write({
      cypher: "MERGE (e:Entity:Person {id: 'person:test-a'}) SET e.name = 'Test A', e.type = 'person', e.aliases = ['Test A']",
      params: {},
    });
    await executor.write({
      cypher:
        "MERGE (e:Entity:Person {id: 'person:test-b'}) SET e.name = 'Test B', e.type = 'person', e.aliases = ['Test B', 'Test B2'], e.nameEn = 'Test B' WITH e MATCH (x:Article {id: $id}) MERGE (x)-[:MENTIONS {count: 1, firstOffset: 0, inHeadline: false, salience: 0.1}]->(e)",
      params: { id: a.id },
    });
    const merged = await gql(
      api.url,
      `mutation { mergeEntities(keepId: "person:test-a", mergeId: "person:test-b") { id aliases mentionCount } }`,
      {},
      auth,
    );
    expect(merged.errors).toBeUndefined();
    expect(merged.data!.mergeEntities.aliases).toEqual(expect.arrayContaining(['Test A', 'Test B']));
    expect(new Set(merged.data!.mergeEntities.aliases).size).toBe(merged.data!.mergeEntities.aliases.length);
    expect(merged.data!.mergeEntities.mentionCount).toBe(1);
    // the merged-away id answers with the entity it went into
    const redirected = await gql(api.url, `{ entity(id: "person:test-b") { id name } }`);
    expect(redirected.data!.entity).toEqual({ id: 'person:test-a', name: 'Test A' });
    const missing = await gql(api.url, `mutation { mergeEntities(keepId: "person:test-a", mergeId: "person:none") { id } }`, {}, auth);
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
