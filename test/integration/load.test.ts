import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { resetGraph, runIngest, testExecutor } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { writeDocs } = require('../../scripts/generate-articles') as {
  writeDocs: (dir: string, o: { count: number; seed: string }) => { written: number };
};

interface Summary {
  requests: number;
  errors: number;
  latency: { p50: number; p90: number; p99: number; max: number };
  samples: string[];
}
interface LoadResult {
  reads: Summary;
  writes: Summary | null;
  memory: { at: number; rss: number }[];
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { runLoad, startApi } = require('../../scripts/lib/load') as {
  runLoad: (o: Record<string, unknown>) => Promise<LoadResult>;
  startApi: (uri: string) => Promise<{ child: ChildProcess; url: string; key: string; exited: Promise<unknown>; output: () => string }>;
};

const READ_RATE = 6;
const WRITE_RATE = 0.5;
const SECONDS = 40;

/**
 * The short version of `npm run bench:load`: npm start's process (dist/main.js) on the test
 * Neo4j, mixed read queries at a fixed rate from autocannon plus writes through ingestArticles,
 * after a warm-up that loads what extraction needs. Every answer is read: no HTTP error, no
 * GraphQL error, no timeout; the process's resident memory stays within bounds.
 */
describe('the API under a bounded loopback load', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-load-'));
  let api: Awaited<ReturnType<typeof startApi>> | undefined;

  beforeAll(async () => {
    const executor = await testExecutor();
    try {
      await resetGraph(executor);
    } finally {
      await executor.close();
    }
    writeDocs(dir, { count: 30, seed: 'load' });
    expect((await runIngest([dir], { ...process.env, NEO4J_URI: process.env.NEWSGRAPH_TEST_NEO4J_URI })).status).toBe(0);
    api = await startApi(process.env.NEWSGRAPH_TEST_NEO4J_URI!);
  }, 240000);

  afterAll(async () => {
    if (api) {
      api.child.kill('SIGTERM');
      await api.exited;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it(`serves ${READ_RATE} mixed reads/s and ${WRITE_RATE} writes/s for ${SECONDS} s: 0 errors, p99 reported, memory bounded`, async () => {
    const base = { url: api!.url, apiKey: api!.key, readRate: READ_RATE, writeRate: WRITE_RATE, connections: 4 };
    // extraction loads its lexicons (Chinese and English) with the first writes of each language
    const warm = await runLoad({ ...base, seconds: 15, seed: 'load-warmup' });
    expect(warm.reads.errors + (warm.writes?.errors ?? 0)).toBe(0);
    const r = await runLoad({ ...base, seconds: SECONDS, pid: api!.child.pid, memoryEveryS: 2, seed: 'load-run' });
    const rss = r.memory.map((m) => m.rss);
    const line =
      `[load] ${r.reads.requests} reads in ${SECONDS} s (asked ${READ_RATE}/s), p50 ${r.reads.latency.p50} ms, p99 ${r.reads.latency.p99} ms, ${r.reads.errors} errors; ` +
      `${r.writes!.requests} writes, p99 ${Math.round(r.writes!.latency.p99)} ms, ${r.writes!.errors} errors; API RSS ${Math.round(rss[0])} -> ${Math.round(rss[rss.length - 1])} MB (max ${Math.round(Math.max(...rss))}); load average ${os.loadavg()[0].toFixed(1)}`;
    process.stderr.write(`${line}\n`);
    expect({ errors: r.reads.errors, samples: r.reads.samples }).toEqual({ errors: 0, samples: [] });
    expect({ errors: r.writes!.errors, samples: r.writes!.samples }).toEqual({ errors: 0, samples: [] });
    // the rate is kept as far as a machine shared with other work allows
    expect(r.reads.requests).toBeGreaterThanOrEqual(READ_RATE * SECONDS * 0.5);
    expect(r.writes!.requests).toBeGreaterThanOrEqual(WRITE_RATE * SECONDS * 0.5);
    expect(Number.isFinite(r.reads.latency.p99)).toBe(true);
    // warm already: what the run adds stays bounded
    expect(rss[rss.length - 1] - rss[0]).toBeLessThan(150);
    expect(Math.max(...rss)).toBeLessThan(1024);
  }, 180000);
});
