import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startLocalNeo4j, type LocalNeo4j } from '../../src/local-neo4j';
import { createDriver, Executor } from '../../src/store/executor';
import { applySchema } from '../../src/store/schema';
import { resetGraph, testExecutor } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { writeDocs } = require('../../scripts/generate-articles') as { writeDocs: (dir: string, o: { count: number; seed: string }) => { written: number } };

const ROOT = path.join(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const COUNT = 120;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function ingest(uri: string, dirs: string[], onLine?: (line: string) => void, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'ingest', ...dirs], { env: { ...process.env, NEO4J_URI: uri, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (c: Buffer) => {
      const text = c.toString('utf8');
      stdout += text;
      if (onLine) for (const line of text.split('\n')) onLine(line);
    });
    child.stderr!.on('data', (c) => (stderr += c));
    child.once('exit', (status) => resolve({ status, stdout, stderr }));
  });
}

/** Everything a reader could notice about the graph, in a form that compares with toEqual. */
async function snapshot(executor: Executor) {
  const [row] = await executor.read<Record<string, unknown>>({
    cypher: `
      CALL () { MATCH (a:Article) WHERE coalesce(a.stub, false) = false RETURN count(a) AS articles, collect(a.id) AS articleIds }
      CALL () { MATCH (e:Entity) RETURN count(e) AS entities, count(DISTINCT e.id) AS distinctEntities }
      CALL () { MATCH (:Article)-[m:MENTIONS]->() RETURN count(m) AS mentions, sum(m.count) AS mentionTotal }
      CALL () { MATCH ()-[r]->() WHERE type(r) <> 'DUPLICATE_OF' WITH type(r) AS t, count(r) AS n ORDER BY t RETURN collect([t, n]) AS byType }
      CALL () { MATCH (e:Entity)<-[m:MENTIONS]-() WITH e, count(m) AS n ORDER BY n DESC, e.id LIMIT 25 RETURN collect([e.id, e.name, n]) AS top }
      CALL () { MATCH (a:Article) WHERE a.body IS NULL AND coalesce(a.stub, false) = false RETURN count(a) AS bodiless }
      RETURN articles, articleIds, entities, distinctEntities, mentions, mentionTotal, byType, top, bodiless`,
    params: {},
  });
  return { ...row, articleIds: [...(row.articleIds as string[])].sort() };
}

/**
 * Faults on the real Neo4j, each bounded: kill -9 of the database in the middle of a bulk
 * ingest, then the same command again; four ingest processes at once on overlapping entities.
 * Both end equal to one clean sequential run.
 */
describe('faults survived, nothing lost', () => {
  const corpus = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-faults-'));
  const all = path.join(corpus, 'all');
  let executor: Executor;
  let clean: Awaited<ReturnType<typeof snapshot>>;

  beforeAll(async () => {
    writeDocs(all, { count: COUNT, seed: 'faults' });
    executor = await testExecutor();
    await resetGraph(executor);
    const run = await ingest(process.env.NEWSGRAPH_TEST_NEO4J_URI!, [all]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`${COUNT} item(s): ${COUNT} new`);
    clean = await snapshot(executor);
    expect(clean.articles).toBe(COUNT);
    expect(clean.bodiless).toBe(0);
  }, 300000);
  afterAll(async () => {
    await executor?.close();
    fs.rmSync(corpus, { recursive: true, force: true });
  });

  it('kill -9 of Neo4j mid-ingest, restart, same command: no partial article, no duplicate, same graph', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-kill-'));
    let server: LocalNeo4j | undefined = await startLocalNeo4j({ dataDir, port: 0, log: () => undefined });
    const port = server.port;
    let own: Executor | undefined;
    try {
      let written = 0;
      let killed = false;
      // a short retry time: the dead server fails the run quickly instead of being waited for
      const first = await ingest(
        server.uri,
        [all],
        (line) => {
          if (/^new\s/.test(line)) written++;
          if (written >= 30 && !killed) {
            killed = true;
            process.kill(server!.pid, 'SIGKILL');
          }
        },
        { NEO4J_TX_RETRY_MS: '2000' },
      );
      expect(killed).toBe(true);
      expect(first.status).toBe(1);
      expect(first.stderr.trim().split('\n').pop()).toMatch(/^newsgraph: .*unavailable/i);
      await server.exited;

      server = await startLocalNeo4j({ dataDir, port, log: () => undefined });
      own = new Executor(createDriver({ uri: server.uri }));
      await applySchema(own);
      const partial = await snapshot(own);
      // whole batches only: every article there has its body and its mentions
      expect(partial.articles).toBeGreaterThanOrEqual(20);
      expect(partial.articles).toBeLessThan(COUNT);
      expect(partial.bodiless).toBe(0);

      const again = await ingest(server.uri, [all]);
      expect(again.status).toBe(0);
      expect(again.stdout).toMatch(new RegExp(`${COUNT} item\\(s\\): ${COUNT - partial.articles} new, 0 updated, ${partial.articles} unchanged`));
      const after = await snapshot(own);
      expect(after.distinctEntities).toBe(after.entities);
      expect(after).toEqual(clean);
    } finally {
      await own?.close();
      await server?.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 300000);

  it('four concurrent ingest processes on overlapping entities: no failure, no duplicate entity, same graph', async () => {
    await resetGraph(executor);
    const files = fs.readdirSync(all).sort();
    const parts = [0, 1, 2, 3].map((k) => {
      const dir = path.join(corpus, `part-${k}`);
      fs.mkdirSync(dir);
      files.filter((_, i) => i % 4 === k).forEach((f) => fs.copyFileSync(path.join(all, f), path.join(dir, f)));
      return dir;
    });
    const runs = await Promise.all(parts.map((dir) => ingest(process.env.NEWSGRAPH_TEST_NEO4J_URI!, [dir])));
    for (const run of runs) {
      const failures = run.stdout.split('\n').filter((l) => /^\s*failed/.test(l));
      expect({ status: run.status, failures, stderr: run.stderr }).toEqual({ status: 0, failures: [], stderr: '' });
    }
    const after = await snapshot(executor);
    expect(after.distinctEntities).toBe(after.entities);
    expect(after).toEqual(clean);
  }, 300000);
});
