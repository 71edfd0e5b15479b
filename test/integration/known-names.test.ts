import { fromInput } from '../../src/ingest';
import { forgetKnownNames, ingestArticle } from '../../src/pipeline/ingest-articles';
import { addAlias, knownNames } from '../../src/store';
import type { Executor } from '../../src/store/executor';
import { resetGraph, testExecutor } from './helpers';

let executor: Executor;
beforeAll(async () => {
  executor = await testExecutor();
  await resetGraph(executor);
});
afterAll(async () => {
  await executor?.close();
});

const mentioned = async (id: string): Promise<string[]> =>
  (
    await executor.read<{ id: string }>({
      cypher: 'MATCH (:Article {id: $id})-[:MENTIONS]->(e) RETURN e.id AS id ORDER BY id',
      params: { id },
    })
  ).map((r) => r.id);

/** What the graph already knows helps the next article (the store hands extraction a snapshot). */
describe('known names', () => {
  it('a bracketed pair seen once resolves a later bare Latin spelling to the same entity', async () => {
    // the names are invented for this test
    const first = fromInput(
      {
        url: 'https://example.test/known/1',
        title: 'Catcher signs new deal',
        publishedAt: '2025-11-01',
        source: 'Test Wire',
        language: 'en',
        body: 'Veteran catcher Kuo Ming-hsien (郭明賢) signed a two-year contract with the Brothers on Monday.',
      },
      'k1',
    );
    const r1 = await ingestArticle(executor, first);
    expect(r1.error ?? r1.status).toBe('new');
    expect(await mentioned(first.id)).toContain('person:郭明賢');

    forgetKnownNames(executor);
    const known = await knownNames(executor);
    expect(known).toEqual(expect.arrayContaining([expect.objectContaining({ surface: 'Kuo Ming-hsien', id: 'person:郭明賢' })]));

    const later = fromInput(
      {
        url: 'https://example.test/known/2',
        title: 'Brothers win again',
        publishedAt: '2025-11-03',
        source: 'Test Wire',
        language: 'en',
        body: 'Kuo Ming-hsien hit a two-run homer as the Brothers won 5-2 on Wednesday.',
      },
      'k2',
    );
    expect((await ingestArticle(executor, later)).status).toBe('new');
    const ids = await mentioned(later.id);
    expect(ids).toContain('person:郭明賢');
    expect(ids).not.toContain('person:Kuo Ming-hsien');
  });

  it("an editor's alias resolves the next article's mention, even a two-character one", async () => {
    const nickname = '阿賢';
    const before = fromInput(
      {
        url: 'https://example.test/known/3',
        title: '球隊練習',
        publishedAt: '2025-11-04',
        source: 'Test Wire',
        body: `${nickname}今天在球場練習打擊。`,
      },
      'k3',
    );
    await ingestArticle(executor, before);
    expect(await mentioned(before.id)).not.toContain('person:郭明賢');

    expect(await addAlias(executor, 'person:郭明賢', nickname)).not.toBeNull();
    forgetKnownNames(executor);
    const after = fromInput(
      {
        url: 'https://example.test/known/4',
        title: '球隊再練習',
        publishedAt: '2025-11-05',
        source: 'Test Wire',
        body: `${nickname}昨天也在球場練習打擊。`,
      },
      'k4',
    );
    await ingestArticle(executor, after);
    expect(await mentioned(after.id)).toContain('person:郭明賢');
  });
});
