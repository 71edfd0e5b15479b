import * as fs from 'node:fs';
import type { LocalNeo4j } from '../../src/local-neo4j';

export default async function globalTeardown(): Promise<void> {
  const started = (globalThis as Record<string, unknown>).__NEWSGRAPH_NEO4J__ as { server: LocalNeo4j; dataDir: string } | undefined;
  if (!started) return;
  await started.server.stop();
  fs.rmSync(started.dataDir, { recursive: true, force: true });
}
