import neo4j, { isRetryableError, type Driver } from 'neo4j-driver';
import { setTimeout as sleep } from 'node:timers/promises';
import { NewsGraphError } from '../domain/errors';

/** A row as the driver returns it, before a builder names its shape. */
export type Row = Record<string, unknown>;

/** Runs one statement inside a write transaction someone else owns. */
export type RunInTransaction = <R = Row>(query: Query<R>) => Promise<R[]>;

/** What readers need of the executor: typed reads, nothing else (the API's resolvers get this). */
export interface ReadStore {
  read<R>(query: Query<R>): Promise<R[]>;
}

/**
 * A Cypher statement with its parameters: every query in NewsGraph is built as one of these.
 * `R` is the row it returns (its RETURN aliases), so `executor.read(q)` is typed by the builder:
 * renaming an alias without the record type is a compile error in every reader.
 */
export interface Query<R = Row> {
  cypher: string;
  params: Record<string, unknown>;
  /** Type only, never set: carries `R` from the builder to the executor. */
  readonly row?: R;
}

export interface Neo4jSettings {
  uri: string;
  user?: string;
  password?: string;
  database?: string;
  /** How long managed transactions retry transient failures such as deadlocks (default 30 s). */
  retryTimeMs?: number;
}

export function createDriver(settings: Neo4jSettings): Driver {
  const auth = settings.password ? neo4j.auth.basic(settings.user ?? 'neo4j', settings.password) : undefined;
  return neo4j.driver(settings.uri, auth, {
    // counts and offsets in this graph are small; plain JS numbers keep every layer simple
    disableLosslessIntegers: true,
    connectionAcquisitionTimeout: 20000,
    maxTransactionRetryTime: settings.retryTimeMs ?? 30000,
  });
}

/**
 * The one way NewsGraph opens the graph: the app (pipeline/connect.ts), the scripts (scripts/lib)
 * and the test helpers build their executor here, from `neo4jSettings(config, uri)`.
 */
export function createExecutor(settings: Neo4jSettings & Omit<ExecutorOptions, 'database'>): Executor {
  return new Executor(createDriver(settings), {
    database: settings.database,
    readTimeoutMs: settings.readTimeoutMs,
    writeTimeoutMs: settings.writeTimeoutMs,
    retryTimeMs: settings.retryTimeMs,
  });
}

const UNAVAILABLE_CODES = /ServiceUnavailable|SessionExpired|Neo\.TransientError\.General\.DatabaseUnavailable/;
const TIMEOUT_CODES = /Neo\.(ClientError|TransientError)\.Transaction\.(TransactionTimedOut|TransactionTimedOutClientConfiguration)/;

function normalizeError(err: unknown, timeoutMs?: number): unknown {
  const code = (err as { code?: string })?.code ?? '';
  if (UNAVAILABLE_CODES.test(code)) {
    return new NewsGraphError('UNAVAILABLE', 'The graph database is unavailable; try again shortly.', { cause: err });
  }
  if (TIMEOUT_CODES.test(code)) {
    const limit = timeoutMs ? ` of ${timeoutMs / 1000} s` : '';
    return new NewsGraphError('TIMEOUT', `The query ran longer than the transaction timeout${limit} and was stopped; ask for less.`, {
      cause: err,
    });
  }
  return err;
}

export interface ExecutorOptions {
  database?: string;
  /**
   * Server-side limit on one read transaction, so that one slow query cannot hold a connection
   * of the pool for long (default 15 s; 0: no limit).
   */
  readTimeoutMs?: number;
  /** The same for write transactions, which carry whole batches of articles (default 120 s). */
  writeTimeoutMs?: number;
  /**
   * How long a read is tried again after a transient failure (an unreachable server, a leader
   * switch), as the driver does for write transactions (default 30 s; the driver's
   * `maxTransactionRetryTime` should be the same: createExecutor sets both).
   */
  retryTimeMs?: number;
}

/** The driver's own schedule for managed transactions: 1 s, then doubling, ±20 %. */
const retryDelayMs = (attempt: number): number => 1000 * 2 ** attempt * (0.8 + Math.random() * 0.4);

/**
 * Runs reads as single statements in read sessions (so a cluster can route them to a follower)
 * and writes in managed write transactions, sessions always closed. It counts statements so
 * tests can check that nested GraphQL queries do not fan out into one query per parent.
 */
export class Executor {
  statementCount = 0;
  readonly database?: string;
  private readonly readTx: { timeout?: number };
  private readonly writeTx: { timeout?: number };
  private readonly retryTimeMs: number;

  constructor(
    readonly driver: Driver,
    options: ExecutorOptions | string = {},
  ) {
    const o = typeof options === 'string' ? { database: options } : options;
    this.database = o.database;
    const read = o.readTimeoutMs ?? 15000;
    const write = o.writeTimeoutMs ?? 120000;
    this.readTx = read > 0 ? { timeout: read } : {};
    this.writeTx = write > 0 ? { timeout: write } : {};
    this.retryTimeMs = o.retryTimeMs ?? 30000;
  }

  private session(mode: 'READ' | 'WRITE') {
    return this.driver.session({
      database: this.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
  }

  /**
   * One statement in an auto-commit transaction: one Bolt round trip where a managed read
   * transaction takes three (BEGIN, RUN, COMMIT), which at this API's request rates is a visible
   * share of a cheap field's time. A read has no effects, so a transient failure is simply tried
   * again on a new session, on the driver's schedule, for up to retryTimeMs.
   */
  async read<T = Row>(query: Query<T>): Promise<T[]> {
    this.statementCount++;
    const giveUpAt = Date.now() + this.retryTimeMs;
    for (let attempt = 0; ; attempt++) {
      const delay = retryDelayMs(attempt);
      const session = this.session('READ');
      try {
        const result = await session.run(query.cypher, query.params, this.readTx);
        return result.records.map((r) => r.toObject() as T);
      } catch (err) {
        if (!isRetryableError(err) || Date.now() + delay > giveUpAt) throw normalizeError(err, this.readTx.timeout);
      } finally {
        await session.close();
      }
      await sleep(delay);
    }
  }

  /**
   * Streams the rows of one read, pulled as the caller consumes them (the driver's back-pressure),
   * for reads too large to hold: the export. No transaction timeout: it takes as long as the
   * graph is large.
   */
  async *stream<T = Row>(query: Query<T>): AsyncGenerator<T> {
    const session = this.session('READ');
    try {
      this.statementCount++;
      for await (const record of session.run(query.cypher, query.params)) yield record.toObject() as T;
    } catch (err) {
      throw normalizeError(err);
    } finally {
      await session.close();
    }
  }

  /**
   * Runs a unit of work in one write transaction where later statements may depend on the rows of
   * earlier ones. The driver retries it on transient errors (a deadlock between concurrent
   * ingests, a leader switch) for up to maxTransactionRetryTime, so it must not have side
   * effects elsewhere.
   */
  async writeTransaction<T>(work: (run: RunInTransaction) => Promise<T>): Promise<T> {
    const session = this.session('WRITE');
    try {
      return await session.executeWrite(
        (tx) =>
          work(async <R = Row>(q: Query<R>): Promise<R[]> => {
            this.statementCount++;
            const res = await tx.run(q.cypher, q.params);
            return res.records.map((r) => r.toObject() as R);
          }),
        this.writeTx,
      );
    } catch (err) {
      throw normalizeError(err, this.writeTx.timeout);
    } finally {
      await session.close();
    }
  }

  async write<T = Row>(query: Query<T>): Promise<T[]> {
    return this.writeTransaction((run) => run(query));
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
