import { fromInput } from '../../src/ingest';
import { ingestArticle } from '../../src/pipeline/ingest-articles';
import { BUILD_ARTICLE_DAYS } from '../../src/store/article-counts';
import { deleteArticle } from '../../src/store/article-writes';
import type { Executor } from '../../src/store/executor';
import { articlesPage, type ArticleFilter } from '../../src/store/queries';
import { resetGraph, testExecutor } from './helpers';

/**
 * Article counts per day, source, site and language (ArticleDay, store/article-counts.ts), kept
 * at write time: after every kind of write the stored rows equal a count of the articles, and
 * the totals of lists filtered by outlet, language or date, which read them, equal the number
 * of articles the filter matches. The articles are short texts written for this test.
 */

let executor: Executor;

/** The rows as a count of the articles gives them, and as stored. */
async function rows(): Promise<{ expected: unknown[]; stored: unknown[]; stubsListed: number }> {
  const [r] = await executor.read<{ expected: unknown[]; stored: unknown[]; stubsListed: unknown }>({
    cypher: `
      CALL () {
        MATCH (a:Article) WHERE coalesce(a.stub, false) = false
        WITH toString(a.publishedDate) AS day, a.source AS source, a.site AS site, a.language AS language, count(*) AS n
        WITH [day, source, site, language, toString(n)] AS row ORDER BY [x IN row | coalesce(x, '-')]
        RETURN collect(row) AS expected
      }
      CALL () {
        MATCH (r:ArticleDay)
        WITH [toString(r.day), r.source, r.site, r.language, toString(r.articles)] AS row ORDER BY [x IN row | coalesce(x, '-')]
        RETURN collect(row) AS stored
      }
      CALL () { MATCH (a:Article) WHERE a.stub = true AND a.listedIn IS NOT NULL RETURN count(a) AS stubsListed }
      RETURN expected, stored, stubsListed`,
    params: {},
  });
  return { expected: r.expected, stored: r.stored, stubsListed: Number(r.stubsListed) };
}

async function expectRowsToMatch(): Promise<void> {
  const r = await rows();
  expect(r.stored).toEqual(r.expected);
  expect(r.stubsListed).toBe(0);
}

const filters: ArticleFilter[] = [
  { source: '早報' },
  { source: 'udn' },
  { source: '早報', language: 'zh-Hant' },
  { language: 'en' },
  { from: '2025-11-02', to: '2025-11-03T23:59:59.999Z' },
  { from: '2025-11-02T12:00:00Z' },
  { to: '2025-11-03' },
  { source: '早報', to: '2025-11-02T20:30:00Z' },
  { source: '晚報', from: '2025-11', to: '2025-11-03' },
];

/** Every total above equals the number of articles its filter matches, counted here. */
async function expectTotalsToMatch(): Promise<number[]> {
  const totals: number[] = [];
  for (const filter of filters) {
    const [page] = await executor.read<{ totalCount: unknown }>(articlesPage({ filter, skip: 0, limit: 2 }));
    const [counted] = await executor.read<{ n: unknown }>({
      cypher: `MATCH (a:Article) WHERE coalesce(a.stub, false) = false
                 AND ($source IS NULL OR a.source = $source OR a.site = $source) AND ($language IS NULL OR a.language = $language)
                 AND ($from IS NULL OR a.publishedAt >= $from) AND ($to IS NULL OR a.publishedAt <= $to)
               RETURN count(a) AS n`,
      params: { source: null, language: null, from: null, to: null, ...filter },
    });
    expect({ filter, total: Number(page.totalCount) }).toEqual({ filter, total: Number(counted.n) });
    totals.push(Number(counted.n));
  }
  return totals;
}

const article = (i: string, fields: { body: string; publishedAt?: string; source: string; language?: string; url?: string }) =>
  fromInput({ url: fields.url ?? `https://udn.com/news/story/days-${i}`, title: `測試第${i}篇`, ...fields }, `article ${i}`);

beforeAll(async () => {
  executor = await testExecutor();
  await resetGraph(executor);
});
afterAll(async () => {
  await executor?.close();
});

describe('article counts per day and outlet kept at write time', () => {
  it('counts new articles over days, outlets and languages, undated ones and a copy too', async () => {
    const wire = '交通部今天宣布港口擴建計畫，三年內完成碼頭與航道工程，經費由中央與地方共同分擔，立法院下週審查預算。';
    await ingestArticle(executor, article('a', { body: wire, publishedAt: '2025-11-02T08:00:00+08:00', source: '早報' }));
    await ingestArticle(
      executor,
      article('b', { body: '經濟部說明出口統計，外銷訂單連續成長。', publishedAt: '2025-11-02T21:00:00Z', source: '早報' }),
    );
    await ingestArticle(
      executor,
      article('c', { body: 'The ministry reported export orders rose again.', publishedAt: '2025-11-03', source: '早報', language: 'en' }),
    );
    await ingestArticle(executor, article('d', { body: '衛福部公布流感疫苗接種進度。', source: '晚報', url: 'https://evening.test/d' }));
    await ingestArticle(
      executor,
      article('e', { body: `${wire}（轉載）`, publishedAt: '2025-11-02T09:00:00+08:00', source: '晚報', url: 'https://evening.test/e' }),
    );
    const teaser = article('f', {
      body: '教育部公布新課綱時程。',
      publishedAt: '2025-11-03T10:00:00Z',
      source: '晚報',
      url: 'https://evening.test/f',
    });
    teaser.related = [{ title: '內政部說明戶政系統更新', url: 'https://evening.test/g' }];
    await ingestArticle(executor, teaser);

    const copies = await executor.read<{ n: unknown }>({ cypher: 'MATCH (:Article)-[:DUPLICATE_OF]->() RETURN count(*) AS n', params: {} });
    expect(Number(copies[0].n)).toBe(1);
    await expectRowsToMatch();
    expect((await rows()).stored.length).toBeGreaterThanOrEqual(5);
    const totals = await expectTotalsToMatch();
    expect(filters.filter((_, i) => totals[i] === 0)).toEqual([]);
  });

  it('moves an article that comes again with another day and outlet, and counts a stub once written', async () => {
    await ingestArticle(
      executor,
      article('b', { body: '經濟部說明出口統計，外銷訂單連續成長三個月。', publishedAt: '2025-11-04T07:00:00Z', source: '晚報' }),
    );
    await ingestArticle(
      executor,
      article('g', {
        body: '內政部說明戶政系統更新，各地戶政事務所暫停服務半天。',
        publishedAt: '2025-11-04T02:00:00Z',
        source: '晚報',
        url: 'https://evening.test/g',
      }),
    );
    await expectRowsToMatch();
    await expectTotalsToMatch();
  });

  it('takes a deleted article out, whether it goes or stays as the stub another article links to', async () => {
    const ids = await executor.read<{ id: string; url: string }>({
      cypher:
        "MATCH (a:Article) WHERE a.url IN ['https://udn.com/news/story/days-c', 'https://evening.test/g'] RETURN a.id AS id, a.url AS url",
      params: {},
    });
    expect(ids).toHaveLength(2);
    for (const { id } of ids) expect(await deleteArticle(executor, id)).not.toBeNull();
    const stubs = await executor.read<{ n: unknown }>({
      cypher: "MATCH (a:Article {url: 'https://evening.test/g'}) WHERE a.stub RETURN count(a) AS n",
      params: {},
    });
    expect(Number(stubs[0].n)).toBe(1);
    await expectRowsToMatch();
    await expectTotalsToMatch();
  });

  it('builds the same rows from the articles (the migration, and after an import)', async () => {
    const before = await rows();
    await executor.write({ cypher: 'MATCH (r:ArticleDay) DETACH DELETE r', params: {} });
    await executor.write({ cypher: 'MATCH (a:Article) REMOVE a.listedIn', params: {} });
    expect((await rows()).stored).toEqual([]);
    for (const statement of BUILD_ARTICLE_DAYS) await executor.runSchema(statement);
    expect((await rows()).stored).toEqual(before.stored);
    await expectTotalsToMatch();
  });
});
