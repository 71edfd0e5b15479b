import { startApiServer, type ApiServer } from '../../src/api/server';
import type { SecuritySettings } from '../../src/api/security';
import { NewsGraphError } from '../../src/domain/errors';
import { createDriver, Executor } from '../../src/store/executor';
import { gql, resetGraph, testExecutor } from './helpers';

const OLD = 'rotating-key-old';
const NEW = 'rotating-key-new-and-longer';
const bearer = (k: string) => ({ authorization: `Bearer ${k}` });

/** Raw HTTP, as a hostile or careless client sends it. */
async function post(url: string, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  const res = await fetch(url, { method: 'POST', headers, body });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

/** What no response may carry: stack frames, source paths, Cypher, driver internals. */
const LEAKS =
  /\n\s+at |\bat [\w.<>]+ \(|\.(ts|js):\d+|node_modules|\bMATCH\s*\(|\bRETURN\b|\bUNWIND\b|\bCypher\b|Neo\.ClientError|neo4j-driver|"stack"/;

describe('API security and hostile requests', () => {
  let executor: Executor;
  const servers: ApiServer[] = [];
  const serve = async (security: Partial<SecuritySettings>): Promise<ApiServer> => {
    const api = await startApiServer({ executor, port: 0, host: '127.0.0.1', security, log: () => undefined });
    servers.push(api);
    return api;
  };

  beforeAll(async () => {
    executor = await testExecutor();
    await resetGraph(executor);
  });
  afterAll(async () => {
    for (const s of servers) await s.stop();
    await executor?.close();
  });

  it('accepts several keys during a rotation, refuses others, and rate-limits writes with 429', async () => {
    const api = await serve({ apiKeys: [OLD, NEW], writeRateLimit: 3 });
    // an authorized delete of a missing article is NOT_FOUND; an unauthorized one never gets that far
    const write = async (key: string) =>
      (await gql(api.url, 'mutation { deleteArticle(id: "a_none") }', {}, bearer(key))).errors?.[0].extensions?.code;
    expect(await write(OLD)).toBe('NOT_FOUND');
    expect(await write(NEW)).toBe('NOT_FOUND');
    expect(await write('rotating-key-ol')).toBe('UNAUTHENTICATED');
    expect(await write(`${NEW}x`)).toBe('UNAUTHENTICATED');
    expect(await write(NEW)).toBe('NOT_FOUND');
    expect(await write(NEW)).toBe('NOT_FOUND');
    // the NEW key has used its 3 writes this minute
    const res = await post(api.url, JSON.stringify({ query: 'mutation { deleteArticle(id: "a_none") }' }), {
      'content-type': 'application/json',
      ...bearer(NEW),
    });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const body = JSON.parse(res.text) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(body.errors[0].message).toMatch(/at most 3 per minute per client; retry in \d+ s/);
    // reads are not writes
    expect((await gql(api.url, '{ stats { articles } }', {}, bearer(NEW))).errors).toBeUndefined();
  });

  it('rate-limits expensive reads per client, not cheap ones', async () => {
    const api = await serve({ expensiveReadRateLimit: 1, expensiveCost: 100 });
    const expensive = '{ entities(first: 50) { nodes { id articles(first: 10) { nodes { id } } } } }';
    expect((await gql(api.url, expensive)).errors).toBeUndefined();
    const limited = await gql(api.url, expensive);
    expect(limited.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    expect((await gql(api.url, '{ stats { articles } }')).errors).toBeUndefined();
  });

  it('refuses every write in a read-only deployment, even with a valid key', async () => {
    const api = await serve({ apiKeys: [OLD], readOnly: true });
    const res = await post(api.url, JSON.stringify({ query: 'mutation { deleteArticle(id: "a_none") }' }), {
      'content-type': 'application/json',
      ...bearer(OLD),
    });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.text).errors[0]).toMatchObject({
      extensions: { code: 'FORBIDDEN' },
      message: expect.stringMatching(/read-only/),
    });
    expect((await gql(api.url, '{ stats { articles } }')).errors).toBeUndefined();
  });

  it('turns introspection and the landing page off for production', async () => {
    const api = await serve({ introspection: false, landingPage: false });
    const intro = await gql(api.url, '{ __schema { types { name } } }');
    expect(intro.errors?.[0].message).toMatch(/introspection/i);
    const page = await fetch(api.url, { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toMatch(/sandbox/i);
    const open = await serve({});
    expect((await gql(open.url, '{ __schema { queryType { name } } }')).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('answers CORS for the configured origins only', async () => {
    const api = await serve({ corsOrigins: ['https://dashboard.example'] });
    const preflight = (origin: string) =>
      fetch(api.url, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
    expect((await preflight('https://dashboard.example')).headers.get('access-control-allow-origin')).toBe('https://dashboard.example');
    expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
    const any = await serve({});
    expect(
      (
        await fetch(any.url, { method: 'OPTIONS', headers: { origin: 'https://x.example', 'access-control-request-method': 'POST' } })
      ).headers.get('access-control-allow-origin'),
    ).toBe('*');
  });

  it('limits the request body size with a coded 413', async () => {
    const api = await serve({ maxBodyBytes: 10000 });
    const big = await post(api.url, JSON.stringify({ query: `{ search(query: "${'稀'.repeat(6000)}") { score } }` }));
    expect(big.status).toBe(413);
    expect(JSON.parse(big.text).errors[0]).toMatchObject({ extensions: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  it('never puts a stack trace or Cypher in any response', async () => {
    const api = await serve({ maxBodyBytes: 100000 });
    const hostile: Array<[string, Record<string, string>?]> = [
      ['{"query": '],
      ['not json at all'],
      ['{"query": 5}'],
      ['{"query": "{ nope }"}'],
      ['{"query": "{ entity(id: \\"\\") { id } }"}'],
      [JSON.stringify({ query: '{ search(query: "((( ~^* \\"") { score } }' })],
      [JSON.stringify({ query: '{ search(query: "AND OR NOT [ { ] } \\\\") { score } }' })],
      [JSON.stringify({ query: 'query($n: Int) { entities(first: $n) { totalCount } }', variables: { n: 'lots' } })],
      [JSON.stringify({ query: '{ entities(first: -1) { totalCount } }' })],
      [JSON.stringify({ query: '{ articles(first: 2147483647) { totalCount } }' })],
      [JSON.stringify({ query: `{ entity(id: "${'\u0000\ud800'.repeat(50)}") { id } }` })],
      [JSON.stringify({ query: '{ neighborhood(id: "person:x", depth: 99, limit: 100000) { nodes { id } } }' })],
      [JSON.stringify({ query: '{ paths(from: "a", to: "b", maxHops: 1000) { length } }' })],
      [JSON.stringify({ query: 'mutation { ingestArticles(articles: [{ title: "x" }]) { id } }' })],
      [JSON.stringify({ query: '{ stats { articles } }' }), { 'content-type': 'application/json; charset=latin-9' }],
      [JSON.stringify({ query: '{ stats { articles } }' }), { 'content-type': 'text/plain' }],
      ['\u0000\u0001\u0002', { 'content-type': 'application/json', 'content-encoding': 'gzip' }],
    ];
    for (const [body, headers] of hostile) {
      const res = await post(api.url, body, headers ?? { 'content-type': 'application/json' });
      expect({ body, status: res.status >= 200 && res.status < 600 }).toEqual({ body, status: true });
      expect({ body, leak: LEAKS.exec(res.text)?.[0] ?? null }).toEqual({ body, leak: null });
      // JSON with a code whenever something went wrong
      if (res.status >= 400) expect(JSON.parse(res.text).errors[0].extensions.code).toMatch(/^[A-Z_]+$/);
    }
    for (const path of ['/healthz', '/readyz', '/graphql?query=%7B%20nope%20%7D']) {
      const res = await fetch(new URL(path, api.url), { headers: { 'apollo-require-preflight': 'true' } });
      expect(LEAKS.exec(await res.text())).toBeNull();
    }
  });

  it('drains an in-flight request on stop before closing', async () => {
    const api = await startApiServer({
      executor,
      port: 0,
      host: '127.0.0.1',
      apiKey: OLD,
      security: { writeRateLimit: 0 },
      shutdownGraceMs: 60000,
      log: () => undefined,
    });
    const articles = Array.from({ length: 8 }, (_, i) => ({
      url: `https://example.test/drain/${i}`,
      title: `排水測試新聞第${i}則`,
      body: `經濟部今天表示，第${i}項計畫將在台北與高雄推動。`,
    }));
    const pending = gql(
      api.url,
      'mutation($a: [ArticleInput!]!) { ingestArticles(articles: $a) { status } }',
      { a: articles },
      bearer(OLD),
    );
    await new Promise((r) => setTimeout(r, 100));
    await api.stop();
    const res = await pending;
    expect(res.errors).toBeUndefined();
    expect(res.data!.ingestArticles).toHaveLength(8);
    expect(res.data!.ingestArticles.every((r: { status: string }) => r.status === 'new')).toBe(true);
    await expect(fetch(api.url)).rejects.toThrow();
  });

  it('stops a transaction that runs past the timeout, with a TIMEOUT code', async () => {
    const slow = new Executor(createDriver({ uri: process.env.NEWSGRAPH_TEST_NEO4J_URI!, retryTimeMs: 1000 }), { readTimeoutMs: 200 });
    try {
      const err = await slow.read({ cypher: 'UNWIND range(1, 1000000000) AS x RETURN sum(x) AS s', params: {} }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(NewsGraphError);
      expect((err as NewsGraphError).code).toBe('TIMEOUT');
      // the pool is free again
      expect(await slow.read({ cypher: 'RETURN 1 AS one', params: {} })).toEqual([{ one: 1 }]);
    } finally {
      await slow.close();
    }
  });
});
