import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { freePort, readServerRecord } from '../../src/local-neo4j';
import { createDriver, Executor } from '../../src/store/executor';
import { gql, graphSnapshot, resetGraph, runIngest, testExecutor } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { writeDocs } = require('../../scripts/generate-articles') as {
  writeDocs: (dir: string, o: { count: number; seed: string }) => { written: number };
};
/**
 * 45 generated articles in `npm test`; NEWSGRAPH_RECOVERY_ARTICLES=1000 runs the same test on a
 * 1,000-article ingest (several minutes), with the kill at the same fraction of it.
 */
const COUNT = Number(process.env.NEWSGRAPH_RECOVERY_ARTICLES) || 45;
const KILL_AFTER = Math.round((COUNT * 20) / 45);
/** Time for a run: about 0.5 s per article on a busy machine, three runs (clean, killed, again). */
const BUDGET_MS = 300000 + COUNT * 1500;

const ROOT = path.join(__dirname, '..', '..');
const MAIN = path.join(ROOT, 'dist', 'main.js');

interface Proc {
  child: ChildProcess;
  out: () => string;
  exited: Promise<{ code: number | null; at: number }>;
}

function start(env: NodeJS.ProcessEnv): Proc {
  const child = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (c) => (out += c));
  child.stderr!.on('data', (c) => (out += c));
  const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
    child.once('exit', (code) => resolve({ code, at: Date.now() })),
  );
  return { child, out: () => out, exited };
}

const began = Date.now();
async function until<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs: number,
  log: () => string = () => '',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  if (process.env.NEWSGRAPH_TEST_VERBOSE) process.stderr.write(`${((Date.now() - began) / 1000).toFixed(1)} s: waiting for ${what}\n`);
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== null && (v as unknown) !== false) return v;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms\n${log()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const status = async (url: string): Promise<number> => {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(3000) })).status;
  } catch {
    return 0;
  }
};

/**
 * One embedded Neo4j shared by every NewsGraph process on its data directory, restarted when it
 * dies, taken over when its owner stops; health and readiness on the API port throughout.
 */
describe('one graph, many clients; health and recovery', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-recovery-'));
  const procs: Proc[] = [];
  let boltPort: number;
  const env = (port: number): NodeJS.ProcessEnv => {
    const e: NodeJS.ProcessEnv = {
      ...process.env,
      NEO4J_DATA_DIR: dataDir,
      NEO4J_EMBEDDED_PORT: String(boltPort),
      PORT: String(port),
      HOST: '127.0.0.1',
      NEWSGRAPH_SKIP_SEED: '1',
    };
    delete e.NEO4J_URI;
    return e;
  };

  const corpus = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-bulk-'));
  let clean: Awaited<ReturnType<typeof graphSnapshot>>;

  beforeAll(async () => {
    boltPort = await freePort();
    // the answer to compare with: one clean run of the same command on the tests' own Neo4j
    writeDocs(corpus, { count: COUNT, seed: 'recovery' });
    const executor = await testExecutor();
    try {
      await resetGraph(executor);
      const run = await runIngest([corpus], { ...process.env, NEO4J_URI: process.env.NEWSGRAPH_TEST_NEO4J_URI });
      expect(run.status).toBe(0);
      clean = await graphSnapshot(executor);
      expect(clean.articles).toBe(COUNT);
    } finally {
      await executor.close();
    }
  }, BUDGET_MS);
  afterAll(async () => {
    for (const p of procs) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
    const record = readServerRecord(dataDir);
    if (record) {
      try {
        process.kill(record.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    await Promise.all(procs.map((p) => p.exited));
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(corpus, { recursive: true, force: true });
  });

  const articles = async (base: string): Promise<number> => {
    try {
      return (await gql(`${base}/graphql`, '{ stats { articles } }')).data!.stats.articles as number;
    } catch (err) {
      throw new Error(
        `${base}: ${(err as Error).message} (${String((err as Error).cause)})\n${procs.map((p) => p.out()).join('\n----\n')}`,
        { cause: err },
      );
    }
  };

  it(
    'shares the running server, survives kill -9 mid-ingest (nothing lost), stops on SIGTERM and Ctrl-C',
    async () => {
      const apiPort = await freePort();
      const owner = start(env(apiPort));
      procs.push(owner);
      const base = `http://127.0.0.1:${apiPort}`;
      await until('the first npm start', () => owner.out().includes('GraphQL API ready'), 90000, owner.out);
      expect(await status(`${base}/healthz`)).toBe(200);
      expect(await status(`${base}/readyz`)).toBe(200);
      const record = readServerRecord(dataDir)!;
      expect(record).toMatchObject({ uri: `bolt://127.0.0.1:${boltPort}`, port: boltPort });

      // a second npm start serves the same graph, and SIGTERM stops it without touching the server
      const api2Port = await freePort();
      const second = start(env(api2Port));
      procs.push(second);
      await until('the second npm start', () => second.out().includes('GraphQL API ready'), 90000, second.out);
      expect(second.out()).toContain(`Using the embedded Neo4j already running at bolt://127.0.0.1:${boltPort} (pid ${record.pid}`);
      expect(await articles(`http://127.0.0.1:${api2Port}`)).toBe(0);
      second.child.kill('SIGTERM');
      expect((await second.exited).code).toBe(0);
      expect(second.out()).toMatch(/SIGTERM received: shutting down\.\.\.[\s\S]*Stopped\./);
      expect(await status(`${base}/readyz`)).toBe(200);

      // `newsgraph ingest` with no NEO4J_URI uses the running server; kill -9 of the JVM mid-ingest
      let written = 0;
      let killed = false;
      // batches of 20, so that the kill falls between two of them. The ingest's driver retries a
      // failed transaction for NEO4J_TX_RETRY_MS (first retry after about 1 s): 300 ms makes it give
      // up before npm start has restarted the server (it waits 1 s before it even tries), so the
      // ingest fails here; with the default 30 s it would ride through a quick restart instead.
      const first = await runIngest([corpus, '--batch-size', '20'], { ...env(0), NEO4J_TX_RETRY_MS: '300' }, (line) => {
        if (/^new\s/.test(line)) written++;
        if (written >= KILL_AFTER && !killed) {
          killed = true;
          process.kill(record.pid, 'SIGKILL');
        }
      });
      expect(first.stderr).toContain(`Using the embedded Neo4j already running at bolt://127.0.0.1:${boltPort} (pid ${record.pid}`);
      expect(killed).toBe(true);
      expect(first.status).toBe(1);
      expect(first.stderr.trim().split('\n').pop()).toMatch(/^newsgraph: .*unavailable/i);

      // npm start logs it, reports not ready, restarts the server and serves again
      await until(
        'not ready after kill -9',
        async () => (await status(`${base}/readyz`)) === 503 || owner.out().includes('Neo4j is back'),
        10000,
        owner.out,
      );
      expect(await status(`${base}/healthz`)).toBe(200);
      await until('ready again', async () => (await status(`${base}/readyz`)) === 200, 150000, owner.out);
      expect(owner.out()).toMatch(/The embedded Neo4j \(pid \d+\) exited unexpectedly \(signal SIGKILL\)/);
      expect(owner.out()).toMatch(/Neo4j is back at bolt:\/\/127\.0\.0\.1:\d+; schema applied; ready\./);

      // whole batches only, then the same command again: the graph of a clean run
      const own = new Executor(createDriver({ uri: `bolt://127.0.0.1:${boltPort}` }));
      try {
        const partial = await graphSnapshot(own);
        expect(partial.articles).toBeGreaterThanOrEqual(KILL_AFTER);
        expect(partial.articles).toBeLessThan(COUNT);
        expect(partial.bodiless).toBe(0);
        const again = await runIngest([corpus], env(0));
        expect(again.status).toBe(0);
        expect(again.stdout).toContain(`${COUNT} item(s): ${COUNT - partial.articles} new, 0 updated, ${partial.articles} unchanged`);
        const after = await graphSnapshot(own);
        expect(after.distinctEntities).toBe(after.entities);
        expect(after).toEqual(clean);
      } finally {
        await own.close();
      }
      expect(await articles(base)).toBe(COUNT);

      // Ctrl-C stops the owner, its API and its Neo4j within 5 s
      const stopAt = Date.now();
      owner.child.kill('SIGINT');
      const ownerExit = await owner.exited;
      expect(ownerExit.at - stopAt).toBeLessThan(5000);
      expect(owner.out()).toMatch(/Stopped\./);
      expect(readServerRecord(dataDir)).toBeUndefined();
    },
    BUDGET_MS,
  );

  it('explains start-up failures in one line, without a stack trace', async () => {
    const busy = net.createServer();
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', r));
    const port = (busy.address() as net.AddressInfo).port;
    try {
      const bolt = spawnSync(process.execPath, [MAIN], {
        env: {
          ...env(await freePort()),
          NEO4J_EMBEDDED_PORT: String(port),
          NEO4J_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-busy-')),
        },
        encoding: 'utf8',
        timeout: 30000,
      });
      expect(bolt.status).toBe(1);
      expect(bolt.stderr.trim()).toBe(
        `[newsgraph] Could not start: Port ${port} on 127.0.0.1 is already in use: set NEO4J_EMBEDDED_PORT to another port, or NEO4J_URI to the server that listens there.`,
      );
      const api = spawnSync(process.execPath, [MAIN], {
        env: {
          ...process.env,
          NEO4J_URI: process.env.NEWSGRAPH_TEST_NEO4J_URI,
          PORT: String(port),
          HOST: '127.0.0.1',
          NEWSGRAPH_SKIP_SEED: '1',
        },
        encoding: 'utf8',
        timeout: 30000,
      });
      expect(api.status).toBe(1);
      expect(api.stderr.trim()).toBe(
        `[newsgraph] Could not start: port ${port} is already in use: set PORT to another port, or stop what listens there.`,
      );
      const uri = spawnSync(process.execPath, [MAIN], {
        env: { ...process.env, NEO4J_URI: 'bolt://127.0.0.1:1' },
        encoding: 'utf8',
        timeout: 30000,
      });
      expect(uri.status).toBe(1);
      expect(uri.stderr.trim().split('\n')).toHaveLength(1);
      expect(uri.stderr).toMatch(/Could not start: Cannot reach Neo4j/);
    } finally {
      busy.close();
    }
  });
});
