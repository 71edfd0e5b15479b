import * as path from 'node:path';
import { badInput } from './domain/errors';

/** Everything NewsGraph reads from the environment, read in this one place. */
export interface Config {
  /** bolt:// or neo4j:// URI of an existing server; when absent the embedded Neo4j is started. */
  neo4jUri?: string;
  neo4jUser: string;
  neo4jPassword?: string;
  neo4jDatabase?: string;
  /** Bolt port of the embedded Neo4j. */
  embeddedPort: number;
  /** Data directory of the embedded Neo4j (kept across restarts). */
  embeddedDataDir: string;
  port: number;
  host: string;
  /** Key that write mutations require (Authorization: Bearer ...). No key: writes are refused. */
  apiKey?: string;
  /** Directory ingested at start-up when the graph is empty. */
  seedDir: string;
  /** Skip the seed ingestion even when the graph is empty. */
  skipSeed: boolean;
  /** Largest input file accepted by ingestion, in bytes. */
  maxInputBytes: number;
}

export const PROJECT_ROOT = path.resolve(__dirname, '..');

function intFrom(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw badInput(`${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const uri = env.NEO4J_URI?.trim() || undefined;
  if (uri && !/^(bolt|neo4j)(\+s|\+ssc)?:\/\//.test(uri)) {
    throw badInput(`NEO4J_URI must start with bolt:// or neo4j:// (optionally +s or +ssc), got "${uri}"`);
  }
  return {
    neo4jUri: uri,
    neo4jUser: env.NEO4J_USER || 'neo4j',
    neo4jPassword: env.NEO4J_PASSWORD || undefined,
    neo4jDatabase: env.NEO4J_DATABASE || undefined,
    embeddedPort: intFrom('NEO4J_EMBEDDED_PORT', env.NEO4J_EMBEDDED_PORT, 7687),
    embeddedDataDir: path.resolve(env.NEO4J_DATA_DIR || path.join(PROJECT_ROOT, '.data', 'neo4j')),
    port: intFrom('PORT', env.PORT, 4000),
    host: env.HOST || '0.0.0.0',
    apiKey: env.NEWSGRAPH_API_KEY || undefined,
    seedDir: path.resolve(env.NEWSGRAPH_SEED_DIR || path.join(PROJECT_ROOT, 'seeds', 'articles')),
    skipSeed: env.NEWSGRAPH_SKIP_SEED === '1' || env.NEWSGRAPH_SKIP_SEED === 'true',
    maxInputBytes: intFrom('NEWSGRAPH_MAX_INPUT_BYTES', env.NEWSGRAPH_MAX_INPUT_BYTES, 5 * 1024 * 1024),
  };
}
