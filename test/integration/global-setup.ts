import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startLocalNeo4j } from '../../src/local-neo4j';

/**
 * Starts one real embedded Neo4j (Bolt on a free port, data in a temp dir) for all integration
 * tests, unless NEO4J_URI points at a server to use instead. Its URI reaches the tests through
 * NEWSGRAPH_TEST_NEO4J_URI.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.NEO4J_URI) {
    process.env.NEWSGRAPH_TEST_NEO4J_URI = process.env.NEO4J_URI;
    return;
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-test-neo4j-'));
  const server = await startLocalNeo4j({ dataDir, port: 0, log: (line) => process.stderr.write(`${line}\n`) });
  process.env.NEWSGRAPH_TEST_NEO4J_URI = server.uri;
  (globalThis as Record<string, unknown>).__NEWSGRAPH_NEO4J__ = { server, dataDir };
}
