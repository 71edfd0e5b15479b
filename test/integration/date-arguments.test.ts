import { startApiServer, type ApiServer } from '../../src/api/server';
import { fromInput } from '../../src/ingest';
import { ingestArticle } from '../../src/pipeline/ingest-articles';
import type { Executor } from '../../src/store/executor';
import { gql, resetGraph, testExecutor } from './helpers';

/** Date arguments are checked by graphql-scalars' Date/DateTime; a date as `to` covers its whole day. */
describe('date arguments', () => {
  let executor: Executor;
  let api: ApiServer;

  beforeAll(async () => {
    executor = await testExecutor();
    await resetGraph(executor);
    const days = ['2025-11-03T09:00:00+08:00', '2025-11-04T21:30:00+08:00', '2025-11-05'];
    for (const [i, publishedAt] of days.entries()) {
      await ingestArticle(
        executor,
        fromInput(
          {
            url: `https://dates.test/${i}`,
            title: `日期測試${i}`,
            body: `經濟部今天表示，第${i}篇測試新聞。`,
            publishedAt,
            source: 'Date Daily',
          },
          `dates ${i}`,
        ),
      );
    }
    api = await startApiServer({ executor, port: 0, host: '127.0.0.1', log: () => undefined });
  }, 120000);
  afterAll(async () => {
    await api?.stop();
    await executor?.close();
  });

  const titles = async (filter: string): Promise<string[]> => {
    const res = await gql(api.url, `{ articles(filter: ${filter}) { nodes { title } } }`);
    expect(res.errors).toBeUndefined();
    return res.data!.articles.nodes.map((n: { title: string }) => n.title).sort();
  };

  it('keeps an article stamped late on the day named by `to`', async () => {
    expect(await titles('{ to: "2025-11-04" }')).toEqual(['日期測試0', '日期測試1']);
    expect(await titles('{ from: "2025-11-04", to: "2025-11-04" }')).toEqual(['日期測試1']);
    expect(await titles('{ to: "2025-11-03" }')).toEqual(['日期測試0']);
  });

  it('takes a full timestamp as it is', async () => {
    expect(await titles('{ to: "2025-11-04T12:00:00+08:00" }')).toEqual(['日期測試0']);
  });

  it('refuses dates that do not exist, naming the argument', async () => {
    for (const bad of ['2025-02-30', '2025-13-01', 'yesterday']) {
      const res = await gql(api.url, `{ articles(filter: { to: "${bad}" }) { totalCount } }`);
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].message).toBe('filter.to must be a date like 2025-10-21.');
    }
    const res = await gql(api.url, '{ trending(from: "2025-02-30", to: "2025-03-01") { score } }');
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toMatch(/"from" must be a date like 2025-10-21/);
  });
});
