#!/usr/bin/env node
// `npm run neo4j`: the embedded Neo4j in the foreground on port 7687 (NEO4J_EMBEDDED_PORT),
// data under .data/neo4j (NEO4J_DATA_DIR), kept across restarts. Ctrl-C / SIGTERM stop it cleanly.
// `npm run neo4j -- --build-only` only builds the Maven module.
require('../dist/config');
const { loadConfig } = require('../dist/config');
const { startLocalNeo4j, ensureBuilt } = require('../dist/local-neo4j');

async function main() {
  if (process.argv.includes('--build-only')) {
    ensureBuilt((line) => console.log(line));
    return;
  }
  const config = loadConfig();
  const server = await startLocalNeo4j({ dataDir: config.embeddedDataDir, port: config.embeddedPort, log: (l) => console.log(l) });
  console.log(`Neo4j is running: NEO4J_URI=${server.uri} (Ctrl-C to stop)`);
  let stopping = false;
  const shutdown = async (signal) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping Neo4j...`);
    await server.stop();
    console.log('Neo4j stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err) => {
  console.error(`neo4j: ${err.message}`);
  process.exit(1);
});
