import { fromInput } from '../../src/ingest';
import { ingestArticle } from '../../src/pipeline/ingest-articles';
import type { Executor } from '../../src/store/executor';
import { graphCounts, resetGraph, testExecutor } from './helpers';

const base = {
  url: 'https://example.test/reingest/1',
  title: '經濟部說明出口成長',
  publishedAt: '2025-11-01',
  source: 'NewsGraph sample',
};

/** Re-ingesting updates in place: a changed body replaces mentions and evidence, never adds to them. */
describe('re-ingesting an article', () => {
  let executor: Executor;
  beforeAll(async () => {
    executor = await testExecutor();
    await resetGraph(executor);
  });
  afterAll(async () => {
    await executor?.close();
  });

  const mentioned = async (id: string): Promise<string[]> =>
    (await executor.read<{ name: string }>({ cypher: 'MATCH (:Article {id: $id})-[:MENTIONS]->(e) RETURN e.name AS name ORDER BY name', params: { id } })).map((r) => r.name);

  it('replaces old mentions when the body changes and keeps counts when it does not', async () => {
    const v1 = fromInput({ ...base, body: '經濟部今天表示，對日本出口成長。' }, 'v1');
    expect((await ingestArticle(executor, v1)).status).toBe('new');
    expect(await mentioned(v1.id)).toContain('日本');
    const counts = await graphCounts(executor);
    expect((await ingestArticle(executor, v1)).status).toBe('unchanged');
    expect(await graphCounts(executor)).toEqual(counts);

    const v2 = fromInput({ ...base, body: '經濟部今天表示，對澳洲出口成長。' }, 'v2');
    expect(v2.id).toBe(v1.id);
    expect((await ingestArticle(executor, v2)).status).toBe('updated');
    const names = await mentioned(v1.id);
    expect(names).toContain('澳洲');
    expect(names).not.toContain('日本');
    // the entity nobody mentions any more is gone too
    const [{ n }] = await executor.read<{ n: number }>({ cypher: "MATCH (e:Entity {name: '日本'}) RETURN count(e) AS n", params: {} });
    expect(n).toBe(0);
  });

  it('turns teasers into stubs that the real article replaces when it arrives', async () => {
    const teaser = fromInput({ ...base, url: 'https://example.test/reingest/2', title: '財政部公布稅收', body: '財政部今天公布稅收。' }, 'teaser');
    teaser.related = [{ title: '央行維持利率不變' }];
    await ingestArticle(executor, teaser);
    const stubs = await executor.read({ cypher: "MATCH (:Article {id: $id})-[:LINKS_TO]->(s:Article {stub: true}) RETURN s.title AS title", params: { id: teaser.id } });
    expect(stubs).toEqual([{ title: '央行維持利率不變' }]);

    const real = fromInput({ ...base, url: 'https://example.test/reingest/3', title: '央行維持利率不變', body: '中央銀行今天宣布維持利率不變。' }, 'real');
    await ingestArticle(executor, real);
    const links = await executor.read({ cypher: 'MATCH (:Article {id: $id})-[:LINKS_TO]->(s:Article) RETURN s.id AS id, s.stub AS stub', params: { id: teaser.id } });
    expect(links).toEqual([{ id: real.id, stub: false }]);
    const [{ n }] = await executor.read<{ n: number }>({ cypher: 'MATCH (s:Article {stub: true}) RETURN count(s) AS n', params: {} });
    expect(n).toBe(0);
  });
});
