import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startApiServer, type ApiServer } from '../../src/api/server';
import type { Executor } from '../../src/store/executor';
import { gql, startTestApi, testExecutor } from './helpers';

const WEB = path.join(__dirname, '..', '..', 'dist', 'web');

/** The explorer's routes over plain HTTP: one port for GraphQL, the page, its assets and GraphiQL. */
describe('explorer and GraphiQL routes', () => {
  let executor: Executor;
  let api: ApiServer;
  let origin: string;

  beforeAll(async () => {
    if (!fs.existsSync(path.join(WEB, 'index.html'))) throw new Error('dist/web is missing: run `npm run build` (npm test does it first).');
    executor = await testExecutor();
    api = await startTestApi(executor);
    origin = new URL(api.url).origin;
  });
  afterAll(async () => {
    await api?.stop();
    await executor?.close();
  });

  it('redirects / to /explore and answers every deep link with the page', async () => {
    const root = await fetch(`${origin}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/explore');
    const index = fs.readFileSync(path.join(WEB, 'index.html'), 'utf8');
    for (const link of [
      '/explore',
      '/explore/',
      `/explore/entity/${encodeURIComponent('person:林佳龍')}`,
      '/explore/path?from=a&to=b',
      '/explore/story/story_x?size=5',
      '/explore/dashboard?relativeTo=NOW',
    ]) {
      const res = await fetch(`${origin}${link}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(await res.text()).toBe(index);
    }
    expect(api.explorerUrl).toBe(`${origin}/explore`);
  });

  it('serves the hashed assets the page names, cacheable, and 404 for missing ones', async () => {
    const index = fs.readFileSync(path.join(WEB, 'index.html'), 'utf8');
    const assets = [...index.matchAll(/(?:src|href)="(\/explore\/assets\/[^"]+)"/g)].map((m) => m[1]);
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) {
      const res = await fetch(`${origin}${asset}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toMatch(/immutable/);
    }
    expect((await fetch(`${origin}/explore/assets/nothing-here.js`)).status).toBe(404);
    // no asset points outside this server (no CDN, no font service)
    const css = assets.filter((a) => a.endsWith('.css'));
    for (const asset of css) expect(await (await fetch(`${origin}${asset}`)).text()).not.toMatch(/url\(\s*['"]?https?:/);
    expect(index).not.toMatch(/(?:src|href)="https?:/);
  });

  it('serves GraphiQL from the bundle and keeps GraphQL on /graphql with the Sandbox page linking to both', async () => {
    const graphiql = await fetch(`${origin}/graphiql`);
    expect(graphiql.status).toBe(200);
    const html = await graphiql.text();
    expect(html).toMatch(/GraphiQL/);
    expect(html).not.toMatch(/(?:src|href)="https?:/);
    const landing = await (await fetch(api.url, { headers: { accept: 'text/html' } })).text();
    expect(landing).toMatch(/embeddable-sandbox/);
    expect(landing).toContain('href="/graphiql"');
    expect(landing).toContain('href="/explore"');
    // the bar's style carries the page's CSP nonce, so the browser applies it
    const nonce = /'nonce-([^']+)'/.exec(landing)![1];
    expect(landing).toContain(`<style nonce="${nonce}">#newsgraph-offline-bar`);
    const res = await gql(api.url, '{ stats { articles } }');
    expect(res.errors).toBeUndefined();
    expect(typeof res.data!.stats.articles).toBe('number');
  });

  it('answers a body that is not JSON with a coded error, not a stack trace', async () => {
    const res = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{ "query": ' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(JSON.stringify(body)).not.toMatch(/at .*\.js:\d+|node_modules/);
  });

  it('says how to build the explorer when the bundle is missing', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-noweb-'));
    const bare = await startApiServer({ executor, port: 0, host: '127.0.0.1', webDir: empty, log: () => undefined });
    try {
      const res = await fetch(`${new URL(bare.url).origin}/explore/entity/x`);
      expect(res.status).toBe(503);
      expect(await res.text()).toMatch(/npm run build/);
      expect((await gql(bare.url, '{ stats { articles } }')).errors).toBeUndefined();
    } finally {
      await bare.stop();
    }
  });
});
