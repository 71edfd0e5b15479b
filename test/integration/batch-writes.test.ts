import { extract } from '../../src/extract';
import { fromInput } from '../../src/ingest';
import type { Article, Extraction } from '../../src/domain/types';
import { deleteArticle, writeArticle, writeArticles } from '../../src/store/article-writes';
import type { Executor } from '../../src/store/executor';
import { graphSnapshot, resetGraph, testExecutor } from './helpers';

/**
 * Batched writes (one UNWIND statement per kind of write over the whole batch, one transaction)
 * leave the graph exactly as writing the same articles one after another does: mentions and
 * counts, copies pointing at the earlier article, teasers' stubs replaced, stories assigned in
 * order. A bad article in a batch fails alone. Short invented texts.
 */

const WIRE =
  '農業部今天宣布稻米收購價格調整方案，將在下個月起提高公糧收購價，並擴大稻作轉作補助。農業部表示，方案包括保價收購、肥料補貼與農機汰換，' +
  '預計有數萬戶農家受惠。財政部也說，將同步檢討相關預算，協助農民因應成本上漲。';

function items(): { article: Article; extraction: Extraction }[] {
  const inputs = [
    {
      url: 'https://example.test/batch/1',
      title: '農業部調整稻米收購價',
      body: WIRE,
      publishedAt: '2025-11-01T08:00:00+08:00',
      source: 'Batch Wire',
    },
    {
      url: 'https://example.test/batch/2',
      title: '稻米收購價調整 農民關注',
      body: `${WIRE}（轉載）`,
      publishedAt: '2025-11-01T09:00:00+08:00',
      source: 'Other Daily',
    },
    {
      url: 'https://example.test/batch/3',
      title: '立法院審查農業預算',
      body: '立法院今天審查農業部預算，財政部次長到場說明。',
      publishedAt: '2025-11-02T10:00:00+08:00',
      source: 'Batch Wire',
    },
    {
      url: 'https://example.test/batch/4',
      title: '交通部公布連假疏運計畫',
      body: '交通部今天公布連假疏運計畫，高速公路將實施匝道管制。',
      publishedAt: '2025-11-03T10:00:00+08:00',
      source: 'Batch Wire',
    },
  ];
  const out = inputs.map((input, i) => {
    const article = fromInput(input, `batch${i}`);
    return { article, extraction: extract(article) };
  });
  // a teaser in the first article announces the last one, which arrives in the same batch
  out[0].article.related = [{ title: out[3].article.title, url: out[3].article.url }];
  return out;
}

/** What the two ways of writing must agree on, stories as groups of article ids. */
async function state(executor: Executor) {
  const [extra] = await executor.read<Record<string, unknown>>({
    cypher: `
      CALL () { MATCH (a:Article)-[:DUPLICATE_OF]->(o:Article) WITH a, o ORDER BY a.id RETURN collect([a.id, o.id]) AS copies }
      CALL () { MATCH (a:Article)-[:IN_STORY]->(s:Story) WITH s, a ORDER BY a.id WITH s, collect(a.id) AS members ORDER BY members[0] RETURN collect(members) AS stories }
      CALL () { MATCH (e:Entity) WITH e ORDER BY e.id RETURN collect([e.id, e.name, e.mentionCount, e.aliases]) AS entities }
      CALL () { MATCH (a:Article)-[:LINKS_TO]->(b:Article) RETURN collect([a.id, b.id, coalesce(b.stub, false)]) AS links }
      RETURN copies, stories, entities, links`,
    params: {},
  });
  return { ...(await graphSnapshot(executor)), ...extra };
}

let executor: Executor;
beforeAll(async () => {
  executor = await testExecutor();
});
afterAll(async () => {
  await executor?.close();
});

describe('batched writes', () => {
  it('leave the graph as writing the articles one by one does, in fewer statements', async () => {
    await resetGraph(executor);
    const s0 = executor.statementCount;
    for (const x of items()) await writeArticle(executor, x.article, x.extraction);
    const oneByOne = executor.statementCount - s0;
    const expected = await state(executor);
    expect(expected.copies).toHaveLength(1);
    expect(expected.links).toEqual([[items()[0].article.id, items()[3].article.id, false]]);

    await resetGraph(executor);
    const s1 = executor.statementCount;
    const results = await writeArticles(executor, items());
    const batched = executor.statementCount - s1;
    expect(results.map((r) => ('status' in r ? r.status : r.error.message))).toEqual(['new', 'new', 'new', 'new']);
    expect(results[1]).toMatchObject({ duplicateOf: items()[0].article.id });
    expect(await state(executor)).toEqual(expected);
    expect(batched).toBeLessThan(oneByOne / 2);

    // the same batch again: nothing changes
    const again = await writeArticles(executor, items());
    expect(again.map((r) => ('status' in r ? r.status : 'failed'))).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged']);
    expect(await state(executor)).toEqual(expected);
  });

  it('compares a copy with the current text of an article rewritten since an earlier batch', async () => {
    await resetGraph(executor);
    const [original, copy] = items();
    // the first batch reads the original's text (and keeps its trigrams) while checking the copy
    const first = await writeArticles(executor, [original, copy]);
    expect(first[1]).toMatchObject({ duplicateOf: original.article.id });
    await deleteArticle(executor, copy.article.id);
    // the original is rewritten: a third of the old text, then another story (it still shares a band key with the old text)
    const rewritten = fromInput(
      {
        url: original.article.url,
        title: original.article.title,
        body: `${WIRE.slice(0, 61)}衛福部今天說明流感疫苗接種計畫，各縣市衛生所將延長服務時間。`,
        publishedAt: '2025-11-01T08:00:00+08:00',
        source: 'Batch Wire',
      },
      'batch0',
    );
    expect(rewritten.id).toBe(original.article.id);
    const [updated] = await writeArticles(executor, [{ article: rewritten, extraction: extract(rewritten) }]);
    expect(updated).toMatchObject({ status: 'updated' });
    // a copy of the old text is no copy of the rewritten article
    const late = fromInput(
      { url: 'https://example.test/batch/5', title: '稻米收購價調整', body: `${WIRE}（三轉）`, publishedAt: '2025-11-04T09:00:00+08:00' },
      'batch5',
    );
    const [result] = await writeArticles(executor, [{ article: late, extraction: extract(late) }]);
    expect(result).toMatchObject({ status: 'new' });
    expect(result).not.toHaveProperty('duplicateOf');
  });

  it('puts a later article of the batch into the story an earlier one started', async () => {
    await resetGraph(executor);
    const results = await writeArticles(executor, items());
    const [copy] = results.slice(1, 2);
    expect('story' in copy && copy.story).toMatchObject({ kind: 'joined' });
    const first = results[0] as { story?: { storyId: string } };
    expect((copy as { story?: { storyId: string } }).story!.storyId).toBe(first.story!.storyId);
  });

  it('gives a teaser stub to one article when two of the batch share its title (wire copies)', async () => {
    await resetGraph(executor);
    const teaser = fromInput(
      {
        url: 'https://example.test/batch/t',
        title: '一則預告',
        body: '交通部今天說明疏運準備。',
        publishedAt: '2025-11-01T07:00:00+08:00',
      },
      'teaser',
    );
    const headline = '連假疏運計畫出爐';
    teaser.related = [{ title: headline }];
    await writeArticle(executor, teaser, extract(teaser));
    const copies = [1, 2].map((n) => {
      const article = fromInput(
        {
          url: `https://example.test/batch/copy${n}`,
          title: headline,
          body: `交通部今天公布連假疏運計畫，第${n}版。`,
          publishedAt: '2025-11-02T07:00:00+08:00',
        },
        `copy${n}`,
      );
      return { article, extraction: extract(article) };
    });
    await writeArticles(executor, copies);
    const links = await executor.read<{ to: string; stub: boolean | null }>({
      cypher: 'MATCH (:Article {id: $id})-[:LINKS_TO]->(b:Article) RETURN b.id AS to, b.stub AS stub',
      params: { id: teaser.id },
    });
    expect(links).toEqual([{ to: copies[0].article.id, stub: false }]);
  });

  it('fails a bad article alone and writes nothing of it', async () => {
    await resetGraph(executor);
    const batch = items();
    // a date Neo4j refuses: the batch fails, then each article is written on its own
    batch[2].article.publishedAt = '2025-13-45';
    const results = await writeArticles(executor, batch);
    expect(results.map((r) => ('error' in r ? 'failed' : r.status))).toEqual(['new', 'new', 'failed', 'new']);
    const [{ n }] = await executor.read<{ n: number }>({
      cypher: 'MATCH (a:Article {id: $id}) RETURN count(a) AS n',
      params: { id: batch[2].article.id },
    });
    expect(n).toBe(0);
    const drift = await executor.read({
      cypher:
        'MATCH (e:Entity) WHERE e.mentionCount <> COUNT { (e)<-[:MENTIONS]-(x:Article) WHERE NOT EXISTS { (x)-[:DUPLICATE_OF]->() } } RETURN e.id AS id',
      params: {},
    });
    expect(drift).toEqual([]);
  });
});
