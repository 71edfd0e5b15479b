import 'reflect-metadata';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startApiServer, type ApiServer, type ApiServerOptions } from '../../src/api/server';
import { loadConfig, neo4jSettings } from '../../src/config';
import { createExecutor, type Executor } from '../../src/store/executor';
import { applySchema } from '../../src/store/schema';

export const FOUNDING_PAGE = path.join(__dirname, '..', '..', 'seeds', 'articles', 'udn-2025-10-21-rare-earth-report.txt');
export const foundingText = (): string => fs.readFileSync(FOUNDING_PAGE, 'utf8');

/** A connection to the test Neo4j that global-setup started, with the DDL applied. */
export async function testExecutor(): Promise<Executor> {
  const uri = process.env.NEWSGRAPH_TEST_NEO4J_URI;
  if (!uri) throw new Error('NEWSGRAPH_TEST_NEO4J_URI is not set: run integration tests through jest (global-setup starts Neo4j).');
  const executor = createExecutor(neo4jSettings(loadConfig(), uri));
  await executor.verify();
  await applySchema(executor);
  return executor;
}

/** Community has one database: each test file starts from an empty graph (files run one at a time). */
export async function resetGraph(executor: Executor): Promise<void> {
  await executor.write({ cypher: 'MATCH (n) DETACH DELETE n', params: {} });
}

/** Nodes and relationships of the graph's content; the change feed (`:Change`, a log of writes) is left out. */
export async function graphCounts(executor: Executor): Promise<{ nodes: number; relationships: number }> {
  const [row] = await executor.read<{ nodes: number; relationships: number }>({
    cypher:
      'CALL () { MATCH (n) WHERE NOT n:Change RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships',
    params: {},
  });
  return row;
}

export async function startTestApi(
  executor: Executor,
  apiKey?: string,
  options: Pick<ApiServerOptions, 'changeFeed'> = {},
): Promise<ApiServer> {
  return startApiServer({ executor, port: 0, host: '127.0.0.1', apiKey, log: () => undefined, ...options });
}

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** A real HTTP request, as a client would send it. */
export async function gql<T = Record<string, any>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as GraphQLResponse<T>;
}

/**
 * Everything a reader could notice about the graph, in a form that compares with toEqual (for
 * "equal to a clean run"). DUPLICATE_OF and FOLLOWS are left out: which copy is the original,
 * and which stories an online grouping links, depend on arrival order, which concurrent writers
 * do not fix; that every article sits in exactly one story is checked instead.
 */
export async function graphSnapshot(executor: Executor) {
  const [row] = await executor.read<Record<string, unknown>>({
    cypher: `
      CALL () { MATCH (a:Article) WHERE coalesce(a.stub, false) = false RETURN count(a) AS articles, collect(a.id) AS articleIds }
      CALL () { MATCH (e:Entity) RETURN count(e) AS entities, count(DISTINCT e.id) AS distinctEntities }
      CALL () { MATCH (:Article)-[m:MENTIONS]->() RETURN count(m) AS mentions, sum(m.count) AS mentionTotal }
      CALL () { MATCH ()-[r]->() WHERE NOT type(r) IN ['DUPLICATE_OF', 'FOLLOWS'] WITH type(r) AS t, count(r) AS n ORDER BY t RETURN collect([t, n]) AS byType }
      CALL () { MATCH (a:Article) WHERE coalesce(a.stub, false) = false AND COUNT { (a)-[:IN_STORY]->() } <> 1 RETURN count(a) AS notInOneStory }
      CALL () { MATCH (e:Entity)<-[m:MENTIONS]-() WITH e, count(m) AS n ORDER BY n DESC, e.id LIMIT 25 RETURN collect([e.id, e.name, n]) AS top }
      CALL () { MATCH (a:Article) WHERE a.body IS NULL AND coalesce(a.stub, false) = false RETURN count(a) AS bodiless }
      RETURN articles, articleIds, entities, distinctEntities, mentions, mentionTotal, byType, top, bodiless, notInOneStory`,
    params: {},
  });
  return { ...row, articleIds: [...(row.articleIds as string[])].sort() } as unknown as Record<string, unknown> & {
    articles: number;
    entities: number;
    distinctEntities: number;
    bodiless: number;
  };
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * `newsgraph ingest` as a child process, without blocking this one (spawnSync would stall the
 * event loop, and keep-alive sockets of the tests' own HTTP clients would go stale).
 */
export function runIngest(dirs: string[], env: NodeJS.ProcessEnv, onLine?: (line: string) => void): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(__dirname, '..', '..', 'dist', 'cli.js'), 'ingest', ...dirs], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    // whole lines only: a chunk of the pipe may end in the middle of one
    let partial = '';
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (text: string) => {
      stdout += text;
      if (!onLine) return;
      const lines = (partial + text).split('\n');
      partial = lines.pop()!;
      for (const line of lines) onLine(line);
    });
    child.stderr!.on('data', (c) => (stderr += c));
    child.once('exit', (status) => resolve({ status, stdout, stderr }));
  });
}
