import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Executor } from '../../src/store/executor';
import { graphSnapshot, resetGraph, runIngest, testExecutor } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { writeDocs } = require('../../scripts/generate-articles') as {
  writeDocs: (dir: string, o: { count: number; seed: string }) => { written: number };
};

const COUNT = 60;

/**
 * Four ingest processes at once on overlapping entities (every generated article names 台灣,
 * 美國, 立法院 ... from one small cast) end with the same graph as one sequential run: deadlocks
 * are retried, MERGE on unique ids leaves no duplicate entity. (kill -9 of Neo4j during a bulk
 * ingest is in recovery.test.ts, where npm start brings the server back.)
 */
describe('concurrent writers', () => {
  const corpus = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-concurrent-'));
  const all = path.join(corpus, 'all');
  const env = { ...process.env, NEO4J_URI: process.env.NEWSGRAPH_TEST_NEO4J_URI };
  let executor: Executor;

  beforeAll(async () => {
    writeDocs(all, { count: COUNT, seed: 'concurrent' });
    executor = await testExecutor();
  });
  afterAll(async () => {
    await executor?.close();
    fs.rmSync(corpus, { recursive: true, force: true });
  });

  it('four concurrent ingest processes: no failure, no duplicate entity, the same graph as a sequential run', async () => {
    await resetGraph(executor);
    const sequential = await runIngest([all], env);
    expect(sequential.status).toBe(0);
    expect(sequential.stdout).toContain(`${COUNT} item(s): ${COUNT} new`);
    const clean = await graphSnapshot(executor);
    expect(clean.articles).toBe(COUNT);

    await resetGraph(executor);
    const files = fs.readdirSync(all).sort();
    const parts = [0, 1, 2, 3].map((k) => {
      const dir = path.join(corpus, `part-${k}`);
      fs.mkdirSync(dir);
      files.filter((_, i) => i % 4 === k).forEach((f) => fs.copyFileSync(path.join(all, f), path.join(dir, f)));
      return dir;
    });
    const runs = await Promise.all(parts.map((dir) => runIngest([dir], env)));
    for (const run of runs) {
      const failures = run.stdout.split('\n').filter((l) => /^\s*failed/.test(l));
      expect({ status: run.status, failures, stderr: run.stderr }).toEqual({ status: 0, failures: [], stderr: '' });
    }
    const after = await graphSnapshot(executor);
    expect(after.distinctEntities).toBe(after.entities);
    expect(after).toEqual(clean);
  }, 300000);
});
