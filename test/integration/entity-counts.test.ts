import type { ApiServer } from '../../src/api/server';
import { fromInput } from '../../src/ingest';
import { ingestArticle } from '../../src/pipeline/ingest-articles';
import { curateMergeEntities, curateSplitEntity } from '../../src/store/curation-writes';
import { undoEdit } from '../../src/store/edits';
import { deleteArticle } from '../../src/store/article-writes';
import type { Executor } from '../../src/store/executor';
import { applySchema } from '../../src/store/schema';
import { gql, resetGraph, startTestApi, testExecutor } from './helpers';

/**
 * Per-entity mention counts are kept at write time (store/entity-counts.ts) and read by the API
 * as they are: after every kind of write the stored count must equal a recount from the graph.
 * Relation evidence is found by the article's id, and co-occurrence is no longer stored.
 * The articles are short texts written for this test.
 */

let executor: Executor;
let api: ApiServer;

const WIRE =
  '行政院今天通過離島交通補助方案，將在未來三年內增加航班與船班，並改善碼頭設施。交通部表示，方案包括票價補貼、候船室整修與新購交通船，' +
  '預計嘉惠數萬名居民。經濟部也說，將同步輔導離島觀光產業，協助業者轉型。';

const text = {
  a: {
    url: 'https://example.test/counts/a',
    title: '經濟部說明出口',
    body: '經濟部今天表示，對日本出口成長，行政院也表示肯定。',
    publishedAt: '2025-11-01',
    source: 'Counts Wire',
  },
  b: {
    url: 'https://example.test/counts/b',
    title: '立法院審查預算',
    body: '立法院今天審查經濟部預算，行政院長到場備詢。',
    publishedAt: '2025-11-02',
    source: 'Counts Wire',
  },
  original: {
    url: 'https://example.test/counts/orig',
    title: '政院通過離島交通方案',
    body: WIRE,
    publishedAt: '2025-11-03',
    source: 'Counts Wire',
  },
  copy: {
    url: 'https://example.test/counts/copy',
    title: '離島交通方案出爐',
    body: `${WIRE}（轉載）`,
    publishedAt: '2025-11-03',
    source: 'Other Paper',
  },
};

/** Entities whose stored count differs from a recount (none, when the counts are kept right). */
async function countDrift(): Promise<{ id: string; stored: number | null; actual: number }[]> {
  return executor.read({
    cypher: `
      MATCH (e:Entity)
      WITH e, e.mentionCount AS stored, COUNT { (e)<-[:MENTIONS]-(x:Article) WHERE NOT EXISTS { (x)-[:DUPLICATE_OF]->() } } AS actual
      WHERE stored IS NULL OR stored <> actual
      RETURN e.id AS id, stored, actual ORDER BY id`,
    params: {},
  });
}

const stored = async (name: string): Promise<number | null> => {
  const [row] = await executor.read<{ n: number | null }>({
    cypher: 'MATCH (e:Entity {name: $name}) RETURN e.mentionCount AS n',
    params: { name },
  });
  return row ? row.n : null;
};

const idOf = async (name: string): Promise<string> => {
  const [row] = await executor.read<{ id: string }>({ cypher: 'MATCH (e:Entity {name: $name}) RETURN e.id AS id', params: { name } });
  return row.id;
};

beforeAll(async () => {
  executor = await testExecutor();
  await resetGraph(executor);
  api = await startTestApi(executor);
});
afterAll(async () => {
  await api?.stop();
  await executor?.close();
});

describe('mention counts kept at write time', () => {
  const ids: Record<string, string> = {};

  it('counts each article once per entity, and a wire copy not at all', async () => {
    for (const [key, input] of Object.entries(text)) {
      const r = await ingestArticle(executor, fromInput(input, key));
      expect(r.status).toBe('new');
      ids[key] = r.id!;
    }
    expect(await countDrift()).toEqual([]);
    // 經濟部 is named by a, b and the original; the copy names it too but does not count
    expect(await stored('經濟部')).toBe(3);
    const [{ dup }] = await executor.read<{ dup: number }>({
      cypher: 'MATCH (:Article {id: $id})-[:DUPLICATE_OF]->(o) RETURN count(o) AS dup',
      params: { id: ids.copy },
    });
    expect(dup).toBe(1);
  });

  it('serves the stored count through the API', async () => {
    const id = await idOf('經濟部');
    const res = await gql(api.url, 'query($id: ID!) { entity(id: $id) { mentionCount } }', { id });
    expect(res.data!.entity.mentionCount).toBe(3);
    const page = await gql(api.url, '{ entities(filter: { type: ORGANIZATION }, first: 50) { nodes { id mentionCount } } }');
    expect(page.errors).toBeUndefined();
    expect(page.data!.entities.nodes.find((e: { id: string }) => e.id === id).mentionCount).toBe(3);
  });

  it('writes nothing for an unchanged article and keeps counts when a body changes', async () => {
    const [before] = await executor.read<{ at: unknown }>({
      cypher: 'MATCH (a:Article {id: $id}) RETURN toString(a.updatedAt) AS at',
      params: { id: ids.a },
    });
    expect((await ingestArticle(executor, fromInput(text.a, 'a'))).status).toBe('unchanged');
    const [after] = await executor.read<{ at: unknown }>({
      cypher: 'MATCH (a:Article {id: $id}) RETURN toString(a.updatedAt) AS at',
      params: { id: ids.a },
    });
    expect(after.at).toBe(before.at);
    expect(await stored('日本')).toBe(1);

    const changed = await ingestArticle(executor, fromInput({ ...text.a, body: '經濟部今天表示，對澳洲出口成長。' }, 'a2'));
    expect(changed.status).toBe('updated');
    expect(await stored('日本')).toBeNull(); // nobody mentions it any more: gone
    expect(await stored('澳洲')).toBe(1);
    expect(await stored('經濟部')).toBe(3);
    expect(await countDrift()).toEqual([]);
  });

  it('counts the copy once its original is deleted', async () => {
    const before = await stored('交通部');
    expect(before).toBe(1);
    expect(await deleteArticle(executor, ids.original)).toMatchObject({ id: ids.original });
    expect(await stored('交通部')).toBe(1); // the original went, the copy now counts
    expect(await countDrift()).toEqual([]);
  });

  it("stays right through an editor's merge, split and undo", async () => {
    const econ = await idOf('經濟部');
    const exec = await idOf('行政院');
    const merged = await curateMergeEntities(executor, { keepId: econ, mergeId: exec, actor: 'test' });
    expect(merged.result.mentionCount).toBe(3); // a, b and the copy, each once
    expect(await countDrift()).toEqual([]);
    const split = await curateSplitEntity(executor, { id: econ, articleIds: [ids.b], name: '另一個部會', actor: 'test' });
    expect(split.result.mentionCount).toBe(1);
    expect(await countDrift()).toEqual([]);
    await undoEdit(executor, split.edit.id, 'test');
    expect(await countDrift()).toEqual([]);
    await undoEdit(executor, merged.edit.id, 'test');
    expect(await countDrift()).toEqual([]);
    expect(await stored('行政院')).not.toBeNull();
  });
});

describe('evidence and co-occurrence', () => {
  it("stores no co-occurrence edges and clears an article's relation evidence by its id", async () => {
    const [{ n }] = await executor.read<{ n: number }>({ cypher: 'MATCH ()-[r:CO_OCCURS]->() RETURN count(r) AS n', params: {} });
    expect(n).toBe(0);
    const input = {
      url: 'https://example.test/counts/role',
      title: '新任部長上任',
      body: '經濟部長林大同今天上任，林大同表示將推動產業升級。',
      publishedAt: '2025-11-05',
    };
    const r = await ingestArticle(executor, fromInput(input, 'role'));
    const evidence = async () =>
      (
        await executor.read<{ n: number }>({
          cypher:
            'MATCH ()-[r:HOLDS_ROLE|MEMBER_OF|REPORTS_TO|PART_OF|COOPERATES_WITH|LOCATED_IN]->() WHERE r.articleId = $id RETURN count(r) AS n',
          params: { id: r.id },
        })
      )[0].n;
    expect(await evidence()).toBeGreaterThan(0);
    await ingestArticle(executor, fromInput({ ...input, body: '今天天氣晴朗，適合出遊。' }, 'role2'));
    expect(await evidence()).toBe(0);
  });

  it('migrates a graph written before: counts filled in, co-occurrence edges dropped', async () => {
    const [x] = await executor.read<{ a: string; b: string }>({
      cypher: 'MATCH (e:Entity) WITH e ORDER BY e.id LIMIT 2 WITH collect(e.id) AS ids RETURN ids[0] AS a, ids[1] AS b',
      params: {},
    });
    await executor.write({
      cypher: 'MATCH (x:Entity {id: $a}), (y:Entity {id: $b}) CREATE (x)-[:CO_OCCURS {articleId: "old", count: 1}]->(y)',
      params: x,
    });
    await executor.write({ cypher: 'MATCH (e:Entity) REMOVE e.mentionCount', params: {} });
    await executor.write({ cypher: "MATCH (m:Migration) WHERE m.id IN ['drop-co-occurs', 'entity-mention-count'] DELETE m", params: {} });
    await applySchema(executor);
    expect(await countDrift()).toEqual([]);
    const [{ n }] = await executor.read<{ n: number }>({ cypher: 'MATCH ()-[r:CO_OCCURS]->() RETURN count(r) AS n', params: {} });
    expect(n).toBe(0);
  });
});
