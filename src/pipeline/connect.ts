import type { Config } from '../config';
import { startLocalNeo4j, type LocalNeo4j } from '../local-neo4j';
import { createDriver, Executor } from '../store/executor';
import { applySchema } from '../store/schema';

export interface Connection {
  executor: Executor;
  /** The embedded server, when NewsGraph started one. */
  local?: LocalNeo4j;
  uri: string;
  close(): Promise<void>;
}

/**
 * Connects to NEO4J_URI, or starts the embedded Neo4j when none is configured, then applies the
 * DDL in schema/neo4j.cypher (idempotent).
 */
export async function connect(config: Config, log: (line: string) => void): Promise<Connection> {
  let local: LocalNeo4j | undefined;
  let uri = config.neo4jUri;
  if (!uri) {
    local = await startLocalNeo4j({ dataDir: config.embeddedDataDir, port: config.embeddedPort, log });
    uri = local.uri;
  }
  const executor = new Executor(
    createDriver({ uri, user: config.neo4jUser, password: config.neo4jPassword, database: config.neo4jDatabase }),
    config.neo4jDatabase,
  );
  try {
    await executor.verify();
    await applySchema(executor);
  } catch (err) {
    await executor.close();
    await local?.stop();
    throw err;
  }
  return {
    executor,
    local,
    uri,
    close: async () => {
      await executor.close();
      await local?.stop();
    },
  };
}
