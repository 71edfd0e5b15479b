import { int } from 'neo4j-driver';
import { fromInput } from '../../src/ingest';
import { ingestArticle } from '../../src/pipeline/ingest-articles';
import type { Executor, Query } from '../../src/store/executor';
import { articlesByEntity, articlesPage, EXPAND_MAX, type ArticleFilter } from '../../src/store/queries';
import { resetGraph, testExecutor } from './helpers';

/**
 * Lists newest first take one of two paths: a filter's entities mentioned by few articles are
 * expanded and sorted, a hot entity's page comes from the publishedAt index walked from the
 * newest. Both must give the same page and total; here the walk is forced with an expandMax of 0.
 */
describe('newest-first lists: the index walk answers like the expansion', () => {
  let executor: Executor;

  const walked = <T>(q: Query<T>): Query<T> => ({ ...q, params: { ...q.params, expandMax: int(0) } });
  const expanded = <T>(q: Query<T>): Query<T> => ({ ...q, params: { ...q.params, expandMax: int(1_000_000) } });
  const titles = (rows: readonly object[]) =>
    (rows as { totalCount: unknown; items: { title: string }[] }[]).map((r) => ({
      totalCount: Number(r.totalCount),
      titles: r.items.map((a) => a.title),
    }));

  beforeAll(async () => {
    executor = await testExecutor();
    await resetGraph(executor);
    const days = ['2025-11-03', '2025-11-05', '2025-11-04', null, '2025-11-05'];
    for (const [i, publishedAt] of days.entries()) {
      await ingestArticle(
        executor,
        fromInput(
          {
            url: `https://walk.test/${i}`,
            title: `經濟部測試第${i}篇`,
            body: i % 2 === 0 ? `經濟部今天表示，第${i}篇測試新聞談稀土。` : `經濟部今天表示，第${i}篇測試新聞。`,
            ...(publishedAt ? { publishedAt } : {}),
            source: i < 3 ? 'Walk Daily' : 'Other Daily',
          },
          `walk ${i}`,
        ),
      );
    }
  }, 120000);
  afterAll(async () => {
    await executor?.close();
  });

  const filters: ArticleFilter[] = [
    {},
    { source: 'Walk Daily' },
    { mentionsAny: ['org:經濟部'] },
    { mentionsAny: ['org:經濟部'], from: '2025-11-04', to: '2025-11-05T23:59:59.999Z' },
    { mentionsAll: ['org:經濟部', 'topic:rare-earths'] },
    { topic: 'topic:rare-earths' },
  ];

  it.each(filters.map((f) => [JSON.stringify(f), f]))('articlesPage %s', async (_name, filter) => {
    for (const [skip, limit] of [
      [0, 2],
      [1, 3],
      [3, 5],
      [0, 20],
    ]) {
      const a = titles(await executor.read(expanded(articlesPage({ filter, skip, limit }))));
      const b = titles(await executor.read(walked(articlesPage({ filter, skip, limit }))));
      expect(b).toEqual(a);
      // every filter here matches something, so an empty answer on both paths cannot pass
      expect(a[0].totalCount).toBeGreaterThan(0);
    }
  });

  it('puts the newest first and the undated article last, on both paths', async () => {
    const [page] = titles(await executor.read(walked(articlesPage({ filter: { mentionsAny: ['org:經濟部'] }, skip: 0, limit: 20 }))));
    expect(page.totalCount).toBe(5);
    // 1 and 4 share the newest day (their ids decide between them)
    expect(page.titles.slice(0, 2).sort()).toEqual(['經濟部測試第1篇', '經濟部測試第4篇']);
    expect(page.titles.slice(2)).toEqual(['經濟部測試第2篇', '經濟部測試第0篇', '經濟部測試第3篇']);
  });

  it('pages an entity the same way through the index as through its mentions', async () => {
    for (const [skip, limit] of [
      [0, 2],
      [2, 2],
      [4, 10],
    ]) {
      const q = articlesByEntity({ ids: ['org:經濟部', 'topic:rare-earths'], skip, limit });
      const a = titles(await executor.read(expanded(q)));
      const b = titles(await executor.read(walked(q)));
      expect(b).toEqual(a);
      expect(a[0].totalCount).toBe(5);
    }
  });

  it('expands below the threshold, which stays a small constant', () => {
    expect(EXPAND_MAX).toBe(2000);
    expect(articlesPage({ filter: { mentionsAny: ['x'] }, skip: 0, limit: 1 }).params).toMatchObject({ expandMax: int(EXPAND_MAX) });
  });
});
