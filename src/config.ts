import * as path from 'node:path';
import type { SecuritySettings } from './api/security';
import type { ExecutorOptions, Neo4jSettings } from './store/executor';
import { badInput } from './domain/errors';

/**
 * Everything NewsGraph reads from the environment, read in this one place. The security fields
 * (keys, read-only, introspection, landing page, CORS, body size, rate limits) are the API's
 * SecuritySettings, documented there.
 */
export interface Config extends SecuritySettings {
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
  /** How long SIGTERM waits for in-flight requests before closing their connections. */
  shutdownGraceMs: number;
  /** How long transactions retry transient failures (deadlocks, leader switches). */
  txRetryMs: number;
  /** Server-side transaction timeouts (0: none). */
  readTimeoutMs: number;
  writeTimeoutMs: number;
  /** Directory ingested at start-up when the graph is empty. */
  seedDir: string;
  /** Skip the seed ingestion even when the graph is empty. */
  skipSeed: boolean;
  /** Largest input file accepted by ingestion, in bytes. */
  maxInputBytes: number;
  /** How often the API polls the change feed for live updates, in ms (0: no feed; only its own mutations publish). */
  eventsPollMs: number;
  /** How far back each poll of the change feed looks, in ms (longer than the slowest write transaction). */
  eventsLagMs: number;
  /** Directory of the extraction lexicons (seeds/lexicon by default). */
  lexiconDir: string;
  /**
   * Worker threads that extract while batches are written (`newsgraph ingest`, the seed ingest);
   * 0 extracts on the writing thread; undefined: one per spare core, at most two.
   */
  extractWorkers?: number;
  /** Level of the structured server log (pino): fatal, error, warn, info, debug, trace or silent. */
  logLevel: string;
}

export const PROJECT_ROOT = path.resolve(__dirname, '..');

function intFrom(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw badInput(`${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

/** "*" (the default): any origin; "none": no cross-origin access; else a comma-separated list. */
function corsFrom(raw: string | undefined): string[] {
  const v = raw?.trim();
  if (!v || v === '*') return ['*'];
  if (v.toLowerCase() === 'none') return [];
  const origins = list(v);
  for (const o of origins) {
    if (!/^https?:\/\/[^/\s]+$/.test(o))
      throw badInput(`NEWSGRAPH_CORS_ORIGINS must be "*", "none" or origins like https://example.org, got "${o}"`);
  }
  return origins;
}

function boolFrom(name: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw.trim() === '') return fallback;
  const v = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off'].includes(v)) return false;
  throw badInput(`${name} must be true or false (1/0, yes/no), got "${raw}"`);
}

/** A non-negative worker count, capped where more threads only cost memory (each holds the extractor). */
function workersFrom(raw: string): number {
  const n = intFrom('NEWSGRAPH_EXTRACT_WORKERS', raw.trim(), 0);
  if (n > 16) throw badInput(`NEWSGRAPH_EXTRACT_WORKERS must be 0..16, got "${raw}"`);
  return n;
}

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function levelFrom(raw: string | undefined): string {
  const v = raw?.trim().toLowerCase() || 'info';
  if (!LEVELS.includes(v)) throw badInput(`NEWSGRAPH_LOG_LEVEL must be one of ${LEVELS.join(', ')}, got "${raw}"`);
  return v;
}

const list = (raw: string | undefined): string[] =>
  (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** What createExecutor needs to open the graph at `uri` with this configuration. */
export function neo4jSettings(config: Config, uri: string): Neo4jSettings & Omit<ExecutorOptions, 'database'> {
  return {
    uri,
    user: config.neo4jUser,
    password: config.neo4jPassword,
    database: config.neo4jDatabase,
    retryTimeMs: config.txRetryMs,
    readTimeoutMs: config.readTimeoutMs,
    writeTimeoutMs: config.writeTimeoutMs,
  };
}

/** NEWSGRAPH_DEBUG=1: start-up failures print their stack too (read even when the rest of the configuration is bad). */
export const debugEnabled = (env: NodeJS.ProcessEnv = process.env): boolean => env.NEWSGRAPH_DEBUG === '1';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const uri = env.NEO4J_URI?.trim() || undefined;
  if (uri && !/^(bolt|neo4j)(\+s|\+ssc)?:\/\//.test(uri)) {
    throw badInput(`NEO4J_URI must start with bolt:// or neo4j:// (optionally +s or +ssc), got "${uri}"`);
  }
  const production = env.NODE_ENV === 'production';
  return {
    neo4jUri: uri,
    neo4jUser: env.NEO4J_USER || 'neo4j',
    neo4jPassword: env.NEO4J_PASSWORD || undefined,
    neo4jDatabase: env.NEO4J_DATABASE || undefined,
    embeddedPort: intFrom('NEO4J_EMBEDDED_PORT', env.NEO4J_EMBEDDED_PORT, 7687),
    embeddedDataDir: path.resolve(env.NEO4J_DATA_DIR || path.join(PROJECT_ROOT, '.data', 'neo4j')),
    port: intFrom('PORT', env.PORT, 4000),
    host: env.HOST || '0.0.0.0',
    apiKeys: [...new Set([...list(env.NEWSGRAPH_API_KEY), ...list(env.NEWSGRAPH_API_KEYS)])],
    readOnly: boolFrom('NEWSGRAPH_READ_ONLY', env.NEWSGRAPH_READ_ONLY, false),
    introspection: boolFrom('NEWSGRAPH_INTROSPECTION', env.NEWSGRAPH_INTROSPECTION, production === false),
    landingPage: boolFrom('NEWSGRAPH_LANDING_PAGE', env.NEWSGRAPH_LANDING_PAGE, production === false),
    corsOrigins: corsFrom(env.NEWSGRAPH_CORS_ORIGINS),
    maxBodyBytes: intFrom('NEWSGRAPH_MAX_BODY_BYTES', env.NEWSGRAPH_MAX_BODY_BYTES, 8 * 1024 * 1024),
    writeRateLimit: intFrom('NEWSGRAPH_WRITE_RATE_LIMIT', env.NEWSGRAPH_WRITE_RATE_LIMIT, 60),
    expensiveReadRateLimit: intFrom('NEWSGRAPH_EXPENSIVE_RATE_LIMIT', env.NEWSGRAPH_EXPENSIVE_RATE_LIMIT, 120),
    expensiveCost: intFrom('NEWSGRAPH_EXPENSIVE_COST', env.NEWSGRAPH_EXPENSIVE_COST, 5000),
    shutdownGraceMs: intFrom('NEWSGRAPH_SHUTDOWN_GRACE_MS', env.NEWSGRAPH_SHUTDOWN_GRACE_MS, 10000),
    txRetryMs: intFrom('NEO4J_TX_RETRY_MS', env.NEO4J_TX_RETRY_MS, 30000),
    readTimeoutMs: intFrom('NEO4J_READ_TIMEOUT_MS', env.NEO4J_READ_TIMEOUT_MS, 15000),
    writeTimeoutMs: intFrom('NEO4J_WRITE_TIMEOUT_MS', env.NEO4J_WRITE_TIMEOUT_MS, 120000),
    seedDir: path.resolve(env.NEWSGRAPH_SEED_DIR || path.join(PROJECT_ROOT, 'seeds', 'articles')),
    skipSeed: env.NEWSGRAPH_SKIP_SEED === '1' || env.NEWSGRAPH_SKIP_SEED === 'true',
    maxInputBytes: intFrom('NEWSGRAPH_MAX_INPUT_BYTES', env.NEWSGRAPH_MAX_INPUT_BYTES, 5 * 1024 * 1024),
    eventsPollMs: intFrom('NEWSGRAPH_EVENTS_POLL_MS', env.NEWSGRAPH_EVENTS_POLL_MS, 500),
    eventsLagMs: intFrom('NEWSGRAPH_EVENTS_LAG_MS', env.NEWSGRAPH_EVENTS_LAG_MS, 60000),
    lexiconDir: path.resolve(env.NEWSGRAPH_LEXICON_DIR || path.join(PROJECT_ROOT, 'seeds', 'lexicon')),
    logLevel: levelFrom(env.NEWSGRAPH_LOG_LEVEL),
    ...(env.NEWSGRAPH_EXTRACT_WORKERS?.trim() ? { extractWorkers: workersFrom(env.NEWSGRAPH_EXTRACT_WORKERS) } : {}),
  };
}
