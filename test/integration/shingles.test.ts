import { extract } from '../../src/extract';
import { fromInput } from '../../src/ingest';
import { writeArticles } from '../../src/store/article-writes';
import type { Executor } from '../../src/store/executor';
import { bandKeys } from '../../src/store/fingerprint';
import { applySchema } from '../../src/store/schema';
import { resetGraph, testExecutor } from './helpers';
import { ANOTHER_REPORT, REPORT, REPORT_COPY } from '../fixtures/english-reports';

/**
 * Copies of English articles are found by word shingles: two different reports written in one
 * newsroom's vocabulary stay two articles, a wire copy is still a copy, and graphs written with
 * character shingles get their English bands recomputed once. Short invented texts.
 */

const CHINESE =
  '港務公司今天宣布碼頭擴建計畫，將在明年起增設三座起重機，並改善港區周邊交通。市議員表示，計畫經費超出預期，市府應向中央爭取補助。' +
  '居民也說，港區車流增加，希望市府盡快研議新的聯外道路。';

const input = (n: number, title: string, body: string, day: number) => ({
  url: `https://example.test/shingles/${n}`,
  title,
  body,
  publishedAt: `2025-10-0${day}T09:00:00+08:00`,
  source: n % 2 ? 'Harbour Herald' : 'Port Daily',
});

const bandsOf = async (executor: Executor, url: string) => {
  const [row] = await executor.read<{ bands: (string | null)[]; copyOf: string | null }>({
    cypher: `MATCH (a:Article {url: $url}) OPTIONAL MATCH (a)-[:DUPLICATE_OF]->(o:Article)
             RETURN [a.band0, a.band1, a.band2, a.band3, a.band4, a.band5, a.band6, a.band7] AS bands, o.url AS copyOf`,
    params: { url },
  });
  return row;
};

describe('near-duplicates of English articles', () => {
  let executor: Executor;
  beforeAll(async () => {
    executor = await testExecutor();
    await resetGraph(executor);
    await applySchema(executor);
    const articles = [
      input(1, 'Council to raise harbour budget', REPORT, 1),
      input(2, 'Mayor seeks help for the port', ANOTHER_REPORT, 2),
      input(3, 'Harbour budget to rise, council says', REPORT_COPY, 3),
      input(4, '港務公司宣布碼頭擴建', CHINESE, 4),
    ].map((x, i) => fromInput(x, `shingles${i}`));
    await writeArticles(
      executor,
      articles.map((article) => ({ article, extraction: extract(article) })),
    );
  });
  afterAll(async () => {
    await resetGraph(executor);
    await executor.close();
  });

  it('keeps two reports in the same vocabulary apart and links the wire copy', async () => {
    expect((await bandsOf(executor, 'https://example.test/shingles/2')).copyOf).toBeNull();
    expect((await bandsOf(executor, 'https://example.test/shingles/3')).copyOf).toBe('https://example.test/shingles/1');
  });

  it('recomputes the bands of English articles once, and leaves Chinese ones as they are', async () => {
    await executor.write({
      cypher: `MATCH (a:Article) WHERE a.url STARTS WITH 'https://example.test/shingles/'
               SET a.band0 = 'stale', a.band1 = 'stale'`,
      params: {},
    });
    await executor.write({ cypher: "MATCH (m:Migration {id: 'word-shingle-bands'}) DELETE m", params: {} });
    await applySchema(executor);
    expect((await bandsOf(executor, 'https://example.test/shingles/1')).bands).toEqual(bandKeys(REPORT));
    expect((await bandsOf(executor, 'https://example.test/shingles/2')).bands).toEqual(bandKeys(ANOTHER_REPORT));
    const chinese = (await bandsOf(executor, 'https://example.test/shingles/4')).bands;
    expect(chinese.slice(0, 2)).toEqual(['stale', 'stale']);
    expect(chinese.slice(2)).toEqual(bandKeys(CHINESE)!.slice(2));
    // recorded: a second start does not redo it
    await executor.write({ cypher: "MATCH (a:Article {url: 'https://example.test/shingles/1'}) SET a.band0 = 'stale'", params: {} });
    await applySchema(executor);
    expect((await bandsOf(executor, 'https://example.test/shingles/1')).bands[0]).toBe('stale');
  });
});
