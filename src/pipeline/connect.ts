import { neo4jSettings, type Config } from '../config';
import { NewsGraphError } from '../domain/errors';
import { findRunningLocalNeo4j, startLocalNeo4j, type LocalNeo4j } from '../local-neo4j';
import { createExecutor, type Executor } from '../store/executor';
import { applySchema } from '../store/schema';

/**
 * Where the graph lives: a configured server (`external`), the embedded Neo4j this process
 * started (`embedded`), or one that another NewsGraph process started on the same data
 * directory (`shared`).
 */
export type ConnectionMode = 'external' | 'embedded' | 'shared';

export interface Readiness {
  ready: boolean;
  /** Why not, in a few words (for /readyz and the log). */
  reason?: string;
}

export interface Connection {
  executor: Executor;
  /** The embedded server, while this process owns one. */
  local?: LocalNeo4j;
  uri: string;
  mode: ConnectionMode;
  /** Neo4j answers and the schema is applied; checked live, quickly. */
  readiness(): Promise<Readiness>;
  close(): Promise<void>;
}

export interface RecoveryOptions {
  /** Restart attempts after the database went away, before giving up (default 6). */
  maxAttempts?: number;
  /** First wait before a restart; doubled after each failed attempt (default 1 s). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** How often a server this process does not own is probed (default 2 s). */
  probeIntervalMs?: number;
  /** Called when every attempt failed; the connection stays not ready. */
  onGiveUp?: (reason: string) => void;
}

export interface ConnectOptions {
  log: (line: string) => void;
  /**
   * Watch the database and bring it back when it goes away (npm start): an embedded server is
   * restarted, a shared one taken over when its owner stops, an external one re-checked.
   */
  recover?: RecoveryOptions | boolean;
}

const PING = { cypher: 'RETURN 1 AS ok', params: {} };

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
      timer.unref();
    }),
  ]);
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms).unref());

/**
 * The embedded server for this data directory: the one another process already runs, or a new
 * one. `preferredPort` keeps the Bolt address stable across restarts, so the driver reconnects.
 */
async function acquireEmbedded(
  config: Config,
  log: (line: string) => void,
  preferredPort?: number,
): Promise<{ uri: string; local?: LocalNeo4j }> {
  const running = await findRunningLocalNeo4j(config.embeddedDataDir);
  if (running) {
    log(`Using the embedded Neo4j already running at ${running.uri} (pid ${running.pid}, data in ${config.embeddedDataDir}).`);
    return { uri: running.uri };
  }
  const local = await startLocalNeo4j({ dataDir: config.embeddedDataDir, port: preferredPort ?? config.embeddedPort, log });
  return { uri: local.uri, local };
}

/**
 * Connects to NEO4J_URI, or to the embedded Neo4j (sharing one that is already running on the
 * data directory, starting one otherwise), then applies the DDL in schema/neo4j.cypher.
 */
export async function connect(config: Config, logOrOptions: ((line: string) => void) | ConnectOptions): Promise<Connection> {
  const options: ConnectOptions = typeof logOrOptions === 'function' ? { log: logOrOptions } : logOrOptions;
  const log = options.log;
  const recovery: RecoveryOptions | undefined = options.recover === true ? {} : options.recover || undefined;

  let local: LocalNeo4j | undefined;
  let uri: string;
  let mode: ConnectionMode;
  if (config.neo4jUri) {
    uri = config.neo4jUri;
    mode = 'external';
  } else {
    const acquired = await acquireEmbedded(config, log);
    uri = acquired.uri;
    local = acquired.local;
    mode = local ? 'embedded' : 'shared';
  }
  const executor = createExecutor(neo4jSettings(config, uri));
  try {
    await executor.verify();
    await applySchema(executor, { log });
  } catch (err) {
    await executor.close();
    await local?.stop();
    throw err;
  }

  let closed = false;
  let state: 'ready' | 'recovering' | 'failed' = 'ready';
  let reason: string | undefined;
  let probe: NodeJS.Timeout | undefined;
  const port = Number(new URL(uri.replace(/^[a-z+]+:/, 'http:')).port) || undefined;

  const connection: Connection = {
    executor,
    local,
    uri,
    mode,
    readiness: async () => {
      if (closed) return { ready: false, reason: 'shutting down' };
      if (state !== 'ready') return { ready: false, reason };
      try {
        await withTimeout(executor.read(PING), 2000, 'Neo4j');
        return { ready: true };
      } catch (err) {
        return { ready: false, reason: err instanceof Error ? err.message : String(err) };
      }
    },
    close: async () => {
      closed = true;
      clearInterval(probe);
      await executor.close();
      await connection.local?.stop();
    },
  };
  if (!recovery) return connection;

  const maxAttempts = recovery.maxAttempts ?? 6;
  const baseDelay = recovery.baseDelayMs ?? 1000;
  const maxDelay = recovery.maxDelayMs ?? 30000;

  /** Brings the database back with bounded, doubling waits; one recovery at a time. */
  const recover = async (why: string): Promise<void> => {
    if (closed || state !== 'ready') return;
    state = 'recovering';
    reason = why;
    log(`${why}: not ready; recovering.`);
    for (let attempt = 1; attempt <= maxAttempts && !closed; attempt++) {
      const delay = Math.min(maxDelay, baseDelay * 2 ** (attempt - 1));
      log(`Reconnecting to Neo4j in ${(delay / 1000).toFixed(1)} s (attempt ${attempt} of ${maxAttempts})...`);
      await sleep(delay);
      if (closed) return;
      try {
        if (connection.mode !== 'external') {
          const acquired = await acquireEmbedded(config, log, port);
          if (acquired.uri !== uri) throw new NewsGraphError('UNAVAILABLE', `the embedded Neo4j came back at ${acquired.uri}, not ${uri}`);
          connection.local = acquired.local;
          connection.mode = acquired.local ? 'embedded' : 'shared';
          if (acquired.local) watchExit(acquired.local);
        }
        await executor.verify();
        await applySchema(executor, { log });
        state = 'ready';
        reason = undefined;
        log(`Neo4j is back at ${uri}; schema applied; ready.`);
        return;
      } catch (err) {
        reason = `${why}; attempt ${attempt} failed: ${err instanceof Error ? err.message : String(err)}`;
        log(`Attempt ${attempt} failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    if (closed) return;
    state = 'failed';
    log(`Giving up on Neo4j after ${maxAttempts} attempts.`);
    recovery.onGiveUp?.(reason ?? why);
  };

  const watchExit = (server: LocalNeo4j): void => {
    void server.exited.then((exit) => {
      if (exit.requested || closed || connection.local !== server) return;
      connection.local = undefined;
      void recover(
        `The embedded Neo4j (pid ${server.pid}) exited unexpectedly (${exit.signal ? `signal ${exit.signal}` : `code ${exit.code}`})`,
      );
    });
  };
  if (local) watchExit(local);

  // a server this process does not own gives no exit event: probe it
  const interval = recovery.probeIntervalMs ?? 2000;
  let probing = false;
  probe = setInterval(() => {
    if (closed || state !== 'ready' || connection.local || probing) return;
    probing = true;
    withTimeout(executor.read(PING), Math.max(1000, interval), 'Neo4j')
      .catch((err: unknown) => recover(`Neo4j at ${uri} stopped answering (${err instanceof Error ? err.message : String(err)})`))
      .finally(() => (probing = false));
  }, interval);
  probe.unref();
  return connection;
}
