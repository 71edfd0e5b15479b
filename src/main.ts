#!/usr/bin/env node
import 'reflect-metadata';
import { loadConfig } from './config';
import { startApiServer } from './api/server';
import { connect } from './pipeline/connect';
import { ingestPaths } from './pipeline/ingest-articles';
import { queries } from './store';

/** `npm start`: Neo4j (embedded unless NEO4J_URI is set), the seed articles, GraphQL on :4000. */
async function main(): Promise<void> {
  const log = (line: string): void => console.log(`[newsgraph] ${line}`);
  const config = loadConfig();
  const connection = await connect(config, log);
  log(`Connected to Neo4j at ${connection.uri}; schema applied.`);

  let shuttingDown = false;
  let stopServer: (() => Promise<void>) | undefined;
  const shutdown = async (signal: string): Promise<void> => {
    if (shuttingDown) return;
    shuttingDown = true;
    log(`${signal} received: shutting down...`);
    await stopServer?.().catch(() => undefined);
    await connection.close().catch(() => undefined);
    log('Stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  const [{ count }] = await connection.executor.read<{ count: number }>(queries.articleCount());
  if (count === 0 && !config.skipSeed) {
    log(`The graph is empty: ingesting the sample articles in ${config.seedDir} ...`);
    const summary = await ingestPaths([config.seedDir], {
      executor: connection.executor,
      maxBytes: config.maxInputBytes,
      onItem: (item) => log(`  ${item.status.padEnd(9)} ${item.title ?? item.origin}${item.error ? ` — ${item.error}` : ''}`),
    });
    log(`Seeded ${summary.counts.new + summary.counts.updated + summary.counts.unchanged} article(s), ${summary.counts.failed} failed.`);
  } else {
    log(`The graph holds ${count} article(s).`);
  }

  const server = await startApiServer({ executor: connection.executor, port: config.port, host: config.host, apiKey: config.apiKey });
  stopServer = server.stop;
  log(`GraphQL API ready at ${server.url} (open it in a browser for Apollo Sandbox; offline IDE at /graphiql); subscriptions at ${server.wsUrl}`);
  log(`Explorer ready at ${server.explorerUrl}`);
  if (!config.apiKey) log('NEWSGRAPH_API_KEY is not set: write mutations are refused.');
}

main().catch((err) => {
  console.error(`[newsgraph] Could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
