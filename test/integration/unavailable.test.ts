import { createServer, connect, type Server } from 'node:net';
import { startApiServer, type ApiServer } from '../../src/api/server';
import { freePort } from '../../src/local-neo4j';
import { createExecutor, type Executor } from '../../src/store/executor';
import { gql } from './helpers';

/** With the database down, clients get UNAVAILABLE, not a stack trace or a hang. */
describe('database unavailable', () => {
  let api: ApiServer;
  let executor: Executor;

  beforeAll(async () => {
    const deadPort = await freePort();
    executor = createExecutor({ uri: `bolt://127.0.0.1:${deadPort}`, retryTimeMs: 500 });
    api = await startApiServer({ executor, port: 0, host: '127.0.0.1', log: () => undefined });
  });
  afterAll(async () => {
    await api?.stop();
    await executor?.close();
  });

  it('answers with the UNAVAILABLE code', async () => {
    const res = await gql(api.url, '{ stats { articles } }');
    expect(res.data).toBeNull();
    expect(res.errors?.[0].extensions?.code).toBe('UNAVAILABLE');
    expect(res.errors?.[0].message).toMatch(/unavailable/i);
  });
});

/** A read that meets a server not up yet is tried again, and answers once the server is there. */
describe('a read retried after a transient failure', () => {
  let proxy: Server | undefined;
  afterAll(() => new Promise<void>((resolve) => (proxy ? proxy.close(() => resolve()) : resolve())));

  it('answers when the server comes up within the retry time', async () => {
    const target = new URL(process.env.NEWSGRAPH_TEST_NEO4J_URI!.replace(/^bolt/, 'http'));
    const port = await freePort();
    const executor = createExecutor({ uri: `bolt://127.0.0.1:${port}`, retryTimeMs: 8000 });
    try {
      const started = Date.now();
      const answer = executor.read<{ one: number }>({ cypher: 'RETURN 1 AS one', params: {} });
      // nothing listens on the port at first: the first attempt is refused; then a plain TCP
      // relay to the test database opens there, before the first retry (about 1 s later)
      await new Promise((r) => setTimeout(r, 300));
      proxy = createServer((client) => {
        const upstream = connect(Number(target.port), target.hostname);
        client.pipe(upstream).pipe(client);
        client.on('error', () => upstream.destroy());
        upstream.on('error', () => client.destroy());
      });
      await new Promise<void>((resolve) => proxy!.listen(port, '127.0.0.1', resolve));
      expect(await answer).toEqual([{ one: 1 }]);
      expect(Date.now() - started).toBeGreaterThan(300);
    } finally {
      await executor.close();
    }
  });
});
