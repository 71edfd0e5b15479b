import 'reflect-metadata';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startApiServer, type ApiServer } from '../../src/api/server';
import { createDriver, Executor } from '../../src/store/executor';
import { applySchema } from '../../src/store/schema';

export const FOUNDING_PAGE = path.join(__dirname, '..', '..', 'seeds', 'articles', 'udn-2025-10-21-rare-earth-report.txt');
export const foundingText = (): string => fs.readFileSync(FOUNDING_PAGE, 'utf8');

/** A connection to the test Neo4j that global-setup started, with the DDL applied. */
export async function testExecutor(): Promise<Executor> {
  const uri = process.env.NEWSGRAPH_TEST_NEO4J_URI;
  if (!uri) throw new Error('NEWSGRAPH_TEST_NEO4J_URI is not set: run integration tests through jest (global-setup starts Neo4j).');
  const executor = new Executor(
    createDriver({ uri, user: process.env.NEO4J_USER, password: process.env.NEO4J_PASSWORD }),
    process.env.NEO4J_DATABASE || undefined,
  );
  await executor.verify();
  await applySchema(executor);
  return executor;
}

/** Community has one database: each test file starts from an empty graph (files run one at a time). */
export async function resetGraph(executor: Executor): Promise<void> {
  await executor.write({ cypher: 'MATCH (n) DETACH DELETE n', params: {} });
}

export async function graphCounts(executor: Executor): Promise<{ nodes: number; relationships: number }> {
  const [row] = await executor.read<{ nodes: number; relationships: number }>({
    cypher: 'CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships',
    params: {},
  });
  return row;
}

export async function startTestApi(executor: Executor, apiKey?: string): Promise<ApiServer> {
  return startApiServer({ executor, port: 0, host: '127.0.0.1', apiKey, log: () => undefined });
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
