#!/usr/bin/env node
import 'reflect-metadata';
import { debugEnabled, loadConfig } from './config';
import { configureLexicon } from './extract';
import { createLogger } from './logger';
import { startApiServer, type ApiServer } from './api/server';
import { connect, type Connection } from './pipeline/connect';
import { ingestPaths } from './pipeline/ingest-articles';
import { queries } from './store';

const log = (line: string): void => console.log(`[newsgraph] ${line}`);
/** Ctrl-C must stop everything within 5 s, whatever is still running. */
const INTERRUPT_DEADLINE_MS = 4500;

/** `npm start`: Neo4j (embedded unless NEO4J_URI is set), the seed articles, GraphQL on :4000. */
async function main(): Promise<void> {
  const config = loadConfig();
  configureLexicon({ dir: config.lexiconDir });
  let connection: Connection | undefined;
  let server: ApiServer | undefined;
  let shuttingDown = false;
  const seeding = new AbortController();

  /**
   * SIGTERM drains: in-flight requests finish (up to NEWSGRAPH_SHUTDOWN_GRACE_MS), the seed
   * batch being written commits or rolls back with its transaction. SIGINT (Ctrl-C) does the
   * same but gives up after 4.5 s.
   */
  const shutdown = async (signal: NodeJS.Signals): Promise<void> => {
    if (shuttingDown) {
      if (signal === 'SIGINT') process.exit(130);
      return;
    }
    shuttingDown = true;
    log(`${signal} received: shutting down...`);
    const deadline = signal === 'SIGINT' ? INTERRUPT_DEADLINE_MS : config.shutdownGraceMs + 20000;
    setTimeout(() => {
      log(`Still stopping after ${deadline / 1000} s: exiting now.`);
      process.exit(1);
    }, deadline).unref();
    seeding.abort();
    await server?.stop().catch(() => undefined);
    await connection?.close().catch(() => undefined);
    log('Stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  connection = await connect(config, {
    log,
    recover: {
      onGiveUp: (reason) => {
        console.error(`[newsgraph] Neo4j could not be brought back (${reason}); exiting so that a supervisor can restart NewsGraph.`);
        process.exit(1);
      },
    },
  });
  const where = connection.mode === 'shared' ? 'the embedded Neo4j another NewsGraph process runs at' : 'Neo4j at';
  log(`Connected to ${where} ${connection.uri}; schema applied.`);

  const [{ count }] = await connection.executor.read<{ count: number }>(queries.articleCount());
  if (count === 0 && !config.skipSeed) {
    log(`The graph is empty: ingesting the sample articles in ${config.seedDir} ...`);
    const summary = await ingestPaths([config.seedDir], {
      executor: connection.executor,
      maxBytes: config.maxInputBytes,
      signal: seeding.signal,
      extractWorkers: config.extractWorkers,
      onItem: (item) => log(`  ${item.status.padEnd(9)} ${item.title ?? item.origin}${item.error ? ` — ${item.error}` : ''}`),
    });
    log(`Seeded ${summary.counts.new + summary.counts.updated + summary.counts.unchanged} article(s), ${summary.counts.failed} failed.`);
  } else {
    log(`The graph holds ${count} article(s).`);
  }
  if (shuttingDown) return;

  server = await startApiServer({
    executor: connection.executor,
    port: config.port,
    host: config.host,
    security: config,
    readiness: connection.readiness,
    shutdownGraceMs: config.shutdownGraceMs,
    changeFeed: config.eventsPollMs > 0 ? { intervalMs: config.eventsPollMs, lagMs: config.eventsLagMs } : false,
    logger: createLogger({ level: config.logLevel }),
  });
  log(
    `GraphQL API ready at ${server.url}${config.landingPage ? ' (open it in a browser for Apollo Sandbox; offline IDE at /graphiql)' : ''}; subscriptions at ${server.wsUrl}; health at /healthz, readiness at /readyz`,
  );
  log(`Explorer ready at ${server.explorerUrl}`);
  if (config.readOnly) log('Read-only deployment (NEWSGRAPH_READ_ONLY): every mutation is refused.');
  else if (!config.apiKeys.length) log('NEWSGRAPH_API_KEY is not set: write mutations are refused.');
}

/** One line a user can act on; the full error only with NEWSGRAPH_DEBUG=1. */
function describe(err: unknown): string {
  const e = err as NodeJS.ErrnoException & { address?: string; port?: number };
  if (e?.code === 'EADDRINUSE') return `port ${e.port} is already in use: set PORT to another port, or stop what listens there.`;
  if (e?.code === 'EACCES' && e.syscall === 'listen') return `not allowed to listen on port ${e.port}: use a port above 1023.`;
  return err instanceof Error ? err.message.split('\n')[0] : String(err);
}

main().catch((err) => {
  console.error(`[newsgraph] Could not start: ${describe(err)}`);
  if (debugEnabled()) console.error(err);
  process.exit(1);
});
