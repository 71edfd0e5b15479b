import { startApiServer, type ApiServer } from '../../src/api/server';
import { freePort } from '../../src/local-neo4j';
import { createDriver, Executor } from '../../src/store/executor';
import { gql } from './helpers';

/** With the database down, clients get UNAVAILABLE, not a stack trace or a hang. */
describe('database unavailable', () => {
  let api: ApiServer;
  let executor: Executor;

  beforeAll(async () => {
    const deadPort = await freePort();
    executor = new Executor(createDriver({ uri: `bolt://127.0.0.1:${deadPort}`, retryTimeMs: 500 }));
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
