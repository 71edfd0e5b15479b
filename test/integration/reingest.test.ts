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

let executor: Executor;
beforeAll(async () => {
  executor = await testExecutor();
});
afterAll(async () => {
  await executor?.close();
});

/** Re-ingesting updates in place: a changed body replaces mentions and evidence, never adds to them. */
describe('re-ingesting an article', () => {
  beforeAll(() => resetGraph(executor));

  const mentioned = async (id: string): Promise<string[]> =>
    (
      await executor.read<{ name: string }>({
        cypher: 'MATCH (:Article {id: $id})-[:MENTIONS]->(e) RETURN e.name AS name ORDER BY name',
        params: { id },
      })
    ).map((r) => r.name);

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
    const teaser = fromInput(
      { ...base, url: 'https://example.test/reingest/2', title: '財政部公布稅收', body: '財政部今天公布稅收。' },
      'teaser',
    );
    teaser.related = [{ title: '央行維持利率不變' }];
    await ingestArticle(executor, teaser);
    const stubs = await executor.read({
      cypher: 'MATCH (:Article {id: $id})-[:LINKS_TO]->(s:Article {stub: true}) RETURN s.title AS title',
      params: { id: teaser.id },
    });
    expect(stubs).toEqual([{ title: '央行維持利率不變' }]);

    const real = fromInput(
      { ...base, url: 'https://example.test/reingest/3', title: '央行維持利率不變', body: '中央銀行今天宣布維持利率不變。' },
      'real',
    );
    await ingestArticle(executor, real);
    const links = await executor.read({
      cypher: 'MATCH (:Article {id: $id})-[:LINKS_TO]->(s:Article) RETURN s.id AS id, s.stub AS stub',
      params: { id: teaser.id },
    });
    expect(links).toEqual([{ id: real.id, stub: false }]);
    const [{ n }] = await executor.read<{ n: number }>({ cypher: 'MATCH (s:Article {stub: true}) RETURN count(s) AS n', params: {} });
    expect(n).toBe(0);
  });
});

describe('near-identical copies', () => {
  beforeAll(() => resetGraph(executor));

  const WIRE =
    '行政院今天通過能源轉型方案，將在未來五年內提高再生能源占比，並強化電網韌性。經濟部表示，方案包括離岸風電、太陽光電與儲能設備的投資，' +
    '預計帶動數千億元產值。環境部也說，將同步檢討排碳費率，協助產業減碳。';

  it('links a republished wire story to the original instead of counting it twice', async () => {
    const original = fromInput(
      { url: 'https://example.test/wire/orig', title: '政院通過能源轉型方案', body: WIRE, publishedAt: '2025-11-01', source: '中央社' },
      'orig',
    );
    const copy = fromInput(
      {
        url: 'https://example.test/other/copy',
        title: '能源轉型方案出爐 政院拍板',
        body: `${WIRE}（中央社）`,
        publishedAt: '2025-11-01',
        source: 'NewsGraph sample',
      },
      'copy',
    );
    const other = fromInput(
      {
        url: 'https://example.test/other/2',
        title: '國防預算再卡關',
        body: '立法院今天審查國防預算，國民黨立委質疑採購進度落後，國防部長回應將加快交運。民進黨團則要求盡速付委，朝野協商仍無共識。',
        publishedAt: '2025-11-02',
      },
      'other',
    );
    expect((await ingestArticle(executor, original)).duplicateOf).toBeUndefined();
    expect((await ingestArticle(executor, copy)).duplicateOf).toBe(original.id);
    expect((await ingestArticle(executor, other)).duplicateOf).toBeUndefined();
    const links = await executor.read({
      cypher: 'MATCH (a:Article)-[:DUPLICATE_OF]->(b:Article) RETURN a.id AS copy, b.id AS original',
      params: {},
    });
    expect(links).toEqual([{ copy: copy.id, original: original.id }]);
    // re-ingesting the copy keeps one link
    await ingestArticle(executor, copy);
    const again = await executor.read({ cypher: 'MATCH ()-[d:DUPLICATE_OF]->() RETURN count(d) AS n', params: {} });
    expect(again).toEqual([{ n: 1 }]);
  });
});

describe('display names across languages', () => {
  beforeAll(() => resetGraph(executor));

  it('shows the Traditional Chinese name even when an English article came first', async () => {
    const en = fromInput(
      {
        url: 'https://example.test/names/en',
        title: 'Taiwan and Japan hold talks',
        body: 'Taiwan and Japan held trade talks in Taipei on Monday.',
        publishedAt: '2025-11-01',
        language: 'en',
      },
      'en',
    );
    const zh = fromInput(
      {
        url: 'https://example.test/names/zh',
        title: '台日舉行經貿對話',
        body: '台灣與日本今天在台北舉行經貿對話。',
        publishedAt: '2025-11-02',
        language: 'zh-Hant',
      },
      'zh',
    );
    await ingestArticle(executor, en);
    const [before] = await executor.read<{ name: string }>({
      cypher: "MATCH (e:Entity {id: 'country:JP'}) RETURN e.name AS name",
      params: {},
    });
    expect(before.name).toBe('Japan');
    await ingestArticle(executor, zh);
    await ingestArticle(executor, en);
    const [after] = await executor.read<{ name: string; aliases: string[] }>({
      cypher: "MATCH (e:Entity {id: 'country:JP'}) RETURN e.name AS name, e.aliases AS aliases",
      params: {},
    });
    expect(after.name).toBe('日本');
    expect(after.aliases).toEqual(expect.arrayContaining(['Japan', '日本']));
  });
});
