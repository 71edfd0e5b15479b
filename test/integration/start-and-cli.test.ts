import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { freePort } from '../../src/local-neo4j';
import type { Executor } from '../../src/store/executor';
import { gql, graphCounts, resetGraph, testExecutor } from './helpers';

const ROOT = path.join(__dirname, '..', '..');
const MAIN = path.join(ROOT, 'dist', 'main.js');
const CLI = path.join(ROOT, 'dist', 'cli.js');

/** What a user runs: the built `npm start` entry point and the `newsgraph` command, as processes. */
describe('npm start and the newsgraph command', () => {
  let executor: Executor;
  const env = (): NodeJS.ProcessEnv => ({ ...process.env, NEO4J_URI: process.env.NEWSGRAPH_TEST_NEO4J_URI });

  beforeAll(async () => {
    if (!fs.existsSync(MAIN)) throw new Error('dist/ is missing: run `npm run build` (npm test does it first).');
    executor = await testExecutor();
  });
  afterAll(async () => {
    await executor?.close();
  });

  it('starts on an empty graph, ingests the seed articles and answers the README query', async () => {
    await resetGraph(executor);
    const port = await freePort();
    const child: ChildProcess = spawn(process.execPath, [MAIN], {
      env: { ...env(), PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout!.on('data', (c) => (out += c));
    child.stderr!.on('data', (c) => (out += c));
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`not ready in 60 s:\n${out}`)), 60000);
        child.stdout!.on('data', () => {
          if (out.includes('GraphQL API ready at')) {
            clearTimeout(timer);
            resolve();
          }
        });
        child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${out}`)));
      });
      expect(out).toMatch(/ingesting the sample articles/);
      expect(out).toMatch(new RegExp(`http://(localhost|127\\.0\\.0\\.1):${port}/graphql`));
      const url = `http://127.0.0.1:${port}/graphql`;
      const res = await gql(url, `{ articles(first: 10) { totalCount nodes { title mentions { entity { name } } } } }`);
      expect(res.errors).toBeUndefined();
      expect(res.data!.articles.totalCount).toBeGreaterThanOrEqual(1);
      const founding = res.data!.articles.nodes.find((n: any) => n.title === '回應大陸稀土戰 林佳龍拋台美共同打造關鍵礦物非紅供應鏈');
      expect(founding.mentions.map((m: any) => m.entity.name)).toEqual(expect.arrayContaining(['林佳龍', '外交部']));
      // the landing page for browsers (Apollo Sandbox)
      const page = await fetch(url, { headers: { accept: 'text/html' } });
      expect(await page.text()).toMatch(/sandbox/i);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    expect(out).toMatch(/Stopped\./);
  });

  it('ingests files and directories, reports a summary and fails on a bad file without stopping', async () => {
    await resetGraph(executor);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-cli-'));
    fs.writeFileSync(path.join(dir, 'empty.txt'), '');
    fs.writeFileSync(
      path.join(dir, 'sample.txt'),
      'url: https://example.test/cli/1\ndate: 2025-11-02\nlang: zh-Hant\n\n經濟部說明半導體出口\n\n記者王大明／台北報導\n\n經濟部今天表示，半導體出口持續成長，美國與日本需求強勁。\n',
    );
    const seeds = fs.readdirSync(path.join(ROOT, 'seeds', 'articles')).filter((f) => f.endsWith('.txt')).length;
    const run = spawnSync(process.execPath, [CLI, 'ingest', path.join(ROOT, 'seeds', 'articles'), dir], { env: env(), encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`${seeds + 1} new`);
    expect(run.stdout).toMatch(/1 failed/);
    expect(run.stdout).toMatch(/empty\.txt: .*empty/i);
    const counts = await graphCounts(executor);

    const again = spawnSync(process.execPath, [CLI, 'ingest', path.join(dir, 'sample.txt'), path.join(ROOT, 'seeds', 'articles')], {
      env: env(),
      encoding: 'utf8',
    });
    expect(again.status).toBe(0);
    expect(again.stdout).toContain(`${seeds + 1} unchanged`);
    expect(await graphCounts(executor)).toEqual(counts);

    const dry = spawnSync(process.execPath, [CLI, 'ingest', '--dry-run', dir], {
      env: { ...env(), NEO4J_URI: 'bolt://127.0.0.1:1' },
      encoding: 'utf8',
    });
    expect(dry.stdout).toMatch(/would write \d+ entities/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('explains a bad NEO4J_URI and an unknown command', () => {
    const bad = spawnSync(process.execPath, [CLI, 'ingest', 'x.txt'], {
      env: { ...process.env, NEO4J_URI: 'http://nope' },
      encoding: 'utf8',
    });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/NEO4J_URI must start with bolt:\/\/ or neo4j:\/\//);
    const unknown = spawnSync(process.execPath, [CLI, 'frobnicate'], { encoding: 'utf8' });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command "frobnicate"/);
  });
});
