import neo4j, { type Driver, type QueryResult, type RecordShape } from 'neo4j-driver';
import { NewsGraphError } from '../domain/errors';

/** A Cypher statement with its parameters: every query in NewsGraph is built as one of these. */
export interface Query {
  cypher: string;
  params: Record<string, unknown>;
}

export interface Neo4jSettings {
  uri: string;
  user?: string;
  password?: string;
  database?: string;
  /** How long managed transactions retry transient failures (default 15 s). */
  retryTimeMs?: number;
}

export function createDriver(settings: Neo4jSettings): Driver {
  const auth = settings.password ? neo4j.auth.basic(settings.user ?? 'neo4j', settings.password) : undefined;
  return neo4j.driver(settings.uri, auth, {
    // counts and offsets in this graph are small; plain JS numbers keep every layer simple
    disableLosslessIntegers: true,
    connectionAcquisitionTimeout: 20000,
    maxTransactionRetryTime: settings.retryTimeMs ?? 15000,
  });
}

const UNAVAILABLE_CODES = /ServiceUnavailable|SessionExpired|Neo\.TransientError\.General\.DatabaseUnavailable/;

function normalizeError(err: unknown): unknown {
  const code = (err as { code?: string })?.code ?? '';
  if (UNAVAILABLE_CODES.test(code)) {
    return new NewsGraphError('UNAVAILABLE', 'The graph database is unavailable; try again shortly.', { cause: err });
  }
  return err;
}

export type Row = Record<string, unknown>;

/**
 * Runs queries in managed transactions: reads in read transactions (so a cluster can route them),
 * writes in write transactions, sessions always closed. It counts statements so tests can check
 * that nested GraphQL queries do not fan out into one query per parent.
 */
export class Executor {
  statementCount = 0;

  constructor(
    readonly driver: Driver,
    readonly database?: string,
  ) {}

  private session(mode: 'READ' | 'WRITE') {
    return this.driver.session({
      database: this.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
  }

  async read<T extends Row = Row>(query: Query): Promise<T[]> {
    const session = this.session('READ');
    try {
      this.statementCount++;
      const result: QueryResult<RecordShape> = await session.executeRead((tx) => tx.run(query.cypher, query.params));
      return result.records.map((r) => r.toObject() as T);
    } catch (err) {
      throw normalizeError(err);
    } finally {
      await session.close();
    }
  }

  /**
   * Runs a unit of work in one write transaction where later statements may depend on the rows of
   * earlier ones. The work may be retried by the driver, so it must not have side effects elsewhere.
   */
  async writeTransaction<T>(work: (run: (q: Query) => Promise<Row[]>) => Promise<T>): Promise<T> {
    const session = this.session('WRITE');
    try {
      return await session.executeWrite((tx) =>
        work(async (q) => {
          this.statementCount++;
          const res = await tx.run(q.cypher, q.params);
          return res.records.map((r) => r.toObject());
        }),
      );
    } catch (err) {
      throw normalizeError(err);
    } finally {
      await session.close();
    }
  }

  async write<T extends Row = Row>(query: Query): Promise<T[]> {
    return (await this.writeTransaction((run) => run(query))) as T[];
  }

  /** Schema statements cannot share a transaction with writes; each runs on its own. */
  async runSchema(cypher: string): Promise<void> {
    const session = this.session('WRITE');
    try {
      this.statementCount++;
      await session.run(cypher);
    } catch (err) {
      throw normalizeError(err);
    } finally {
      await session.close();
    }
  }

  async verify(): Promise<void> {
    try {
      await this.driver.verifyConnectivity({ database: this.database });
    } catch (err) {
      throw new NewsGraphError('UNAVAILABLE', `Cannot reach Neo4j: ${(err as Error).message}`, { cause: err });
    }
  }

  close(): Promise<void> {
    return this.driver.close();
  }
}
