import { int } from 'neo4j-driver';
import { fromInput } from '../../src/ingest';
import { ingestArticle } from '../../src/pipeline/ingest-articles';
import { deleteArticle, writeArticles } from '../../src/store/article-writes';
import type { Executor, Query } from '../../src/store/executor';
import { articlesByEntity, articlesPage, EXPAND_MAX, type ArticleFilter } from '../../src/store/queries';
import { handMadeArticle } from './hand-made';
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

  it('breaks a tie by the greater id first on both paths, the order the (publishedAt, id) index walks in', async () => {
    for (const q of [walked, expanded]) {
      const [row] = (await executor.read(q(articlesPage({ filter: { mentionsAny: ['org:經濟部'] }, skip: 0, limit: 2 })))) as {
        items: { id: string; publishedAt: string }[];
      }[];
      const [first, second] = row.items;
      expect(first.publishedAt).toBe(second.publishedAt);
      expect(first.id > second.id).toBe(true);
    }
  });

  it('reads the total first on the walk: the last article is still found, a page past the total is empty', async () => {
    const page = async (skip: number) =>
      titles(await executor.read(walked(articlesPage({ filter: { mentionsAny: ['org:經濟部'] }, skip, limit: 2 }))))[0];
    expect(await page(4)).toEqual({ totalCount: 5, titles: ['經濟部測試第3篇'] });
    expect(await page(5)).toEqual({ totalCount: 5, titles: [] });
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

/**
 * On the walk, one entity's total in a date window comes from its weekly count rows (whole
 * days) and the articles of the days a bound cuts; copies count, as they do on the expansion.
 */
describe('newest-first lists: a windowed total from the weekly rows answers like the expansion', () => {
  let executor: Executor;

  const total = async (filter: ArticleFilter, expandMax: number): Promise<number> => {
    const q = articlesPage({ filter, skip: 0, limit: 3 });
    const [row] = await executor.read({ ...q, params: { ...q.params, expandMax: int(expandMax) } });
    return Number((row as { totalCount: unknown }).totalCount);
  };

  const LONG =
    '交通部今天公布港口改善計畫，將在三年內完成碼頭擴建與航道疏濬，並補助地方政府興建轉運站。交通部表示，計畫經費由中央與地方共同分擔。';
  // Sunday 2 November to Tuesday 11 November 2025, two on one day, one copy, one undated
  const published = [
    '2025-11-02T09:00:00Z',
    '2025-11-02T20:00:00Z',
    '2025-11-03T00:30:00Z',
    '2025-11-05T12:00:00Z',
    '2025-11-05',
    '2025-11-09T23:00:00Z',
    '2025-11-10T07:00:00Z',
    '2025-11-11T15:00:00Z',
    null,
  ];

  beforeAll(async () => {
    executor = await testExecutor();
    await resetGraph(executor);
    for (const [i, publishedAt] of published.entries()) {
      await ingestArticle(
        executor,
        fromInput(
          {
            url: `https://window.test/${i}`,
            title: `交通部窗口第${i}篇`,
            body: i === 3 ? LONG : `交通部今天說明第${i}項改善計畫，並公布後續時程。`,
            ...(publishedAt ? { publishedAt } : {}),
            source: 'Window Daily',
          },
          `window ${i}`,
        ),
      );
    }
    // a wire copy of the fourth article, on the same day from another outlet
    await ingestArticle(
      executor,
      fromInput(
        {
          url: 'https://copies.test/3',
          title: '交通部窗口第3篇',
          body: `${LONG}（轉載）`,
          publishedAt: '2025-11-05T13:00:00Z',
          source: 'Copy Daily',
        },
        'window copy',
      ),
    );
  }, 120000);
  afterAll(async () => {
    await executor?.close();
  });

  const windows: [string | undefined, string | undefined][] = [
    ['2025-11-03', '2025-11-09T23:59:59.999Z'],
    ['2025-11-02T12:00:00Z', undefined],
    [undefined, '2025-11-05'],
    [undefined, '2025-11-05T12:30:00Z'],
    ['2025-11-04T00:00:00Z', '2025-11-10T08:00:00Z'],
    ['2025-11', '2025-11-1'],
    ['2025-11-06', '2025-11-08'],
  ];

  it.each(windows.map(([from, to]) => [`${from} .. ${to}`, from, to]))('%s', async (_name, from, to) => {
    const filter: ArticleFilter = { mentionsAny: ['org:交通部'], ...(from ? { from } : {}), ...(to ? { to } : {}) };
    const inWindow = [...published, '2025-11-05T13:00:00Z'].filter((p) => p !== null && (!from || p >= from) && (!to || p <= to)).length;
    expect(await total(filter, 1_000_000)).toBe(inWindow);
    expect(await total(filter, 0)).toBe(inWindow);
    expect(await total({ ...filter, mentionsAny: undefined, mentionsAll: ['org:交通部'] }, 0)).toBe(inWindow);
  });

  it('counts the copy, which the weekly rows hold apart', async () => {
    const rows = await executor.read<{ copies: unknown }>({
      cypher: "MATCH (w:EntityWeek {entityId: 'org:交通部'}) WHERE w.copy RETURN sum(w.articles) AS copies",
      params: {},
    });
    expect(Number(rows[0].copies)).toBe(1);
  });
});

/**
 * The lists reached from an entity's or a topic's mentions do not test for stubs: a stub mentions
 * nothing. A deleted article that another article links to stays behind as a stub (with its
 * date), so it is the case that could break that.
 */
describe('newest-first lists: a deleted article kept as a stub is in no list', () => {
  let executor: Executor;
  const SITE = { host: 'stub-list.test', defaultSource: 'Stub Daily' };

  beforeAll(async () => {
    executor = await testExecutor();
    await resetGraph(executor);
    const gone = handMadeArticle(
      { id: 'stub-gone', title: '稀土出口管制新制上路', publishedAt: '2025-11-06T08:00:00Z', entities: ['org:經濟部', 'topic:稀土'] },
      SITE,
    );
    const kept = handMadeArticle(
      { id: 'stub-kept', title: '經濟部說明稀土供應', publishedAt: '2025-11-05T08:00:00Z', entities: ['org:經濟部', 'topic:稀土'] },
      SITE,
    );
    // the teaser links the earlier article to the later one, which is written after it
    kept.article.related = [{ title: gone.article.title, url: gone.article.url }];
    await writeArticles(executor, [kept]);
    await writeArticles(executor, [gone]);
    expect(await deleteArticle(executor, 'stub-gone')).not.toBeNull();
  }, 120000);
  afterAll(async () => {
    await executor?.close();
  });

  it('keeps the deleted article as a dated stub without mentions', async () => {
    const [row] = await executor.read<{ stub: boolean; dated: boolean; mentions: number }>({
      cypher: `MATCH (a:Article {id: 'stub-gone'})
               RETURN a.stub AS stub, a.publishedAt IS NOT NULL AS dated, COUNT { (a)-[:MENTIONS]->() } AS mentions`,
      params: {},
    });
    expect(row).toEqual({ stub: true, dated: true, mentions: 0 });
  });

  it.each([
    ['an entity', { mentionsAny: ['org:經濟部'] }],
    ['all of two entities', { mentionsAll: ['org:經濟部', 'topic:稀土'] }],
    ['a topic', { topic: 'topic:稀土' }],
    ['an entity in a window', { mentionsAny: ['org:經濟部'], from: '2025-11-01', to: '2025-11-30T23:59:59.999Z' }],
  ] as [string, ArticleFilter][])('lists only the live article for %s, expanded and walked', async (_name, filter) => {
    for (const expandMax of [0, 1_000_000]) {
      const q = articlesPage({ filter, skip: 0, limit: 10 });
      const [row] = (await executor.read({ ...q, params: { ...q.params, expandMax: int(expandMax) } })) as {
        totalCount: number;
        items: { id: string }[];
      }[];
      expect({ expandMax, total: Number(row.totalCount), ids: row.items.map((a) => a.id) }).toEqual({
        expandMax,
        total: 1,
        ids: ['stub-kept'],
      });
    }
  });
});
