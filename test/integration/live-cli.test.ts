import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { freePort } from '../../src/local-neo4j';
import type { Executor } from '../../src/store/executor';
import { resetGraph, testExecutor } from './helpers';

const ROOT = path.join(__dirname, '..', '..');
const MAIN = path.join(ROOT, 'dist', 'main.js');
const CLI = path.join(ROOT, 'dist', 'cli.js');

/**
 * Live updates for writes of another process: the API runs as `node dist/main.js`, a graphql-ws
 * client subscribes to it, and `node dist/cli.js ingest` (its own process and driver, the same
 * Neo4j) writes an article. The API hears of it through the change feed in Neo4j.
 */
describe('live updates for articles ingested by the command line', () => {
  let executor: Executor;
  let api: ChildProcess | undefined;
  let out = '';
  let port = 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-live-'));
  const env = (): NodeJS.ProcessEnv => ({ ...process.env, NEO4J_URI: process.env.NEWSGRAPH_TEST_NEO4J_URI, NEWSGRAPH_SKIP_SEED: '1' });

  /** The command line as its own process; asynchronous, so that this process keeps answering the server's keep-alive pings. */
  const cli = (args: string[]): Promise<{ status: number | null; stdout: string }> =>
    new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [CLI, ...args], { env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      child.stdout!.on('data', (c) => (stdout += c));
      child.stderr!.on('data', (c) => (stdout += c));
      child.once('error', reject);
      child.once('exit', (status) => resolve({ status, stdout }));
    });

  const page = (name: string, lines: string[]): string => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    return file;
  };

  beforeAll(async () => {
    if (!fs.existsSync(MAIN)) throw new Error('dist/ is missing: run `npm run build` (npm test does it first).');
    executor = await testExecutor();
    await resetGraph(executor);
    port = await freePort();
    api = spawn(process.execPath, [MAIN], {
      env: { ...env(), PORT: String(port), HOST: '127.0.0.1', NEWSGRAPH_EVENTS_POLL_MS: '200' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    api.stdout!.on('data', (c) => (out += c));
    api.stderr!.on('data', (c) => (out += c));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not ready in 60 s:\n${out}`)), 60000);
      api!.stdout!.on('data', () => {
        if (out.includes('GraphQL API ready at')) {
          clearTimeout(timer);
          resolve();
        }
      });
      api!.once('exit', (code) => reject(new Error(`exited with ${code}:\n${out}`)));
    });
  });

  afterAll(async () => {
    if (api && api.exitCode === null) {
      api.kill('SIGTERM');
      await new Promise((r) => api!.once('exit', r));
    }
    await executor?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('delivers articleIngested, storyUpdated and entityMentioned to a graphql-ws client', async () => {
    const client: Client = createClient({ url: `ws://127.0.0.1:${port}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0 });
    const received: Record<string, any[]> = { article: [], story: [], entity: [], english: [] };
    const errors: unknown[] = [];
    const subscribe = (key: string, query: string): void => {
      client.subscribe({ query }, { next: (v) => received[key].push(v), error: (e) => errors.push(e), complete: () => undefined });
    };
    try {
      await new Promise<void>((resolve, reject) => {
        client.on('connected', () => resolve());
        client.on('error', reject);
        subscribe(
          'article',
          `subscription { articleIngested(filter: { outlet: "港灣測試報" }) { status article { title } story { id title articleCount } } }`,
        );
      });
      subscribe(
        'story',
        `subscription { storyUpdated(filter: { language: "zh-Hant" }) { change storyId story { articleCount outlets } article { title } } }`,
      );
      subscribe('entity', `subscription { entityMentioned(id: "country:JP") { salience entity { id } article { title } } }`);
      subscribe('english', `subscription { articleIngested(filter: { language: "en" }) { status } }`);
      // the subscriptions are registered once the server has read them
      await new Promise((r) => setTimeout(r, 500));

      const file = page('harbour.txt', [
        'url: https://live.example/2025-12-20-harbour',
        'date: 2025-12-20',
        'lang: zh-Hant',
        'source: 港灣測試報',
        'title: 南灣市啟用新漁港 日本業者首批進駐',
        '',
        '南灣市政府今天啟用新漁港，市長在典禮上表示，新漁港將帶動觀光與漁業。',
        '',
        '來自日本的兩家水產業者首批進駐，預計明年開始營運。',
      ]);
      const run = await cli(['ingest', file]);
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('1 new');

      const deadline = Date.now() + 15000;
      while ((!received.article.length || !received.story.length || !received.entity.length) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
      if (errors.length || !received.article.length) throw new Error(`no event (${errors.length} client errors); the API said:\n${out}`);
      expect(received.article).toHaveLength(1);
      expect(received.article[0].data.articleIngested).toMatchObject({
        status: 'new',
        article: { title: '南灣市啟用新漁港 日本業者首批進駐' },
        story: { articleCount: 1 },
      });
      expect(received.story[0].data.storyUpdated).toMatchObject({
        change: 'CREATED',
        story: { articleCount: 1, outlets: ['港灣測試報'] },
        article: { title: '南灣市啟用新漁港 日本業者首批進駐' },
      });
      expect(received.story[0].data.storyUpdated.storyId).toBe(received.article[0].data.articleIngested.story.id);
      expect(received.entity[0].data.entityMentioned).toMatchObject({
        entity: { id: 'country:JP' },
        article: { title: '南灣市啟用新漁港 日本業者首批進駐' },
      });
      expect(received.english).toHaveLength(0);

      // the same file again changes nothing, so nothing is published; a second report of the event joins the story
      expect((await cli(['ingest', file])).stdout).toContain('1 unchanged');
      const second = page('harbour-2.txt', [
        'url: https://live.example/2025-12-20-harbour-2',
        'date: 2025-12-20',
        'lang: zh-Hant',
        'source: 港灣測試報',
        'title: 南灣市新漁港今天啟用 日本水產業者進駐',
        '',
        '南灣市新漁港今天正式啟用，南灣市政府說，日本水產業者將首批進駐，新漁港也將帶動觀光與漁業。',
      ]);
      expect((await cli(['ingest', second])).status).toBe(0);
      const until = Date.now() + 15000;
      while (received.article.length < 2 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => setTimeout(r, 600));
      expect(received.article).toHaveLength(2);
      expect(received.article[1].data.articleIngested).toMatchObject({
        status: 'new',
        article: { title: '南灣市新漁港今天啟用 日本水產業者進駐' },
      });
      const changes = received.story.map((e) => e.data.storyUpdated);
      expect(changes).toHaveLength(2);
      expect(changes[1]).toMatchObject({ change: 'JOINED', storyId: changes[0].storyId, story: { articleCount: 2 } });
    } finally {
      await client.dispose();
    }
  });
});
