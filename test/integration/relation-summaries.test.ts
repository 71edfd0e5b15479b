import type { ApiServer } from '../../src/api/server';
import { fromInput } from '../../src/ingest';
import { ingestArticle } from '../../src/pipeline/ingest-articles';
import { extract } from '../../src/extract';
import { deleteArticle, writeArticles } from '../../src/store/article-writes';
import { curateAddRelation, curateMergeEntities, curateRejectRelation, curateSplitEntity } from '../../src/store/curation-writes';
import { undoEdit } from '../../src/store/edits';
import type { Executor } from '../../src/store/executor';
import { applySchema } from '../../src/store/schema';
import { gql, resetGraph, startTestApi, testExecutor } from './helpers';

/**
 * Relation summaries (store/relation-summaries.ts) are kept at write time, one per (type, from,
 * to, title) with the number of its evidence edges, their highest confidence and their first
 * 100 sentences in article order (all of them when fewer). After every
 * kind of write they must equal summaries computed from scratch from the evidence edges, and the
 * API's evidenceCount must count the articles. The articles are short texts written for this test.
 */

let executor: Executor;
let api: ApiServer;

const EVIDENCE = 'HOLDS_ROLE|MEMBER_OF|REPORTS_TO|PART_OF|COOPERATES_WITH|LOCATED_IN';

interface Summary {
  from: string;
  to: string;
  type: string;
  title: string;
  weight: number;
  confidence: number;
  /** the kept sentences, as article id and sentence */
  kept: string[];
}

const key = (s: Summary): string => `${s.from}|${s.type}|${s.to}|${s.title}|${s.weight}|${s.confidence.toFixed(6)}|${s.kept.join(' / ')}`;

const stored = async (): Promise<string[]> =>
  (
    await executor.read<Summary>({
      cypher: `MATCH (x:Entity)-[s:RELATED]->(y:Entity)
               RETURN x.id AS from, y.id AS to, s.type AS type, s.title AS title, s.weight AS weight, s.confidence AS confidence,
                      [i IN range(0, size(coalesce(s.evidenceArticleIds, [])) - 1) | s.evidenceArticleIds[i] + ':' + s.evidenceSentences[i]] AS kept`,
      params: {},
    })
  )
    .map(key)
    .sort();

/**
 * What a summary must hold, computed here from the evidence edges one by one: the first 100
 * sentences by article (none last), then sentence.
 */
const fromEvidence = async (): Promise<string[]> => {
  const edges = await executor.read<{ from: string; to: string; type: string; title: string; a: string | null; s: string; c: number }>({
    cypher: `MATCH (x:Entity)-[r:${EVIDENCE}]->(y:Entity)
             RETURN x.id AS from, y.id AS to, type(r) AS type, coalesce(r.title, '') AS title, r.articleId AS a, r.evidence AS s,
                    r.confidence AS c`,
    params: {},
  });
  const groups = new Map<string, typeof edges>();
  for (const e of edges) {
    const k = [e.from, e.to, e.type, e.title].join('|');
    groups.set(k, [...(groups.get(k) ?? []), e]);
  }
  const order = (e: { a: string | null; s: string }): string => `${e.a === null ? '1' : '0'}${e.a ?? ''}\u0000${e.s}`;
  return [...groups.values()]
    .map((g) => {
      const sorted = [...g].sort((p, q) => (order(p) < order(q) ? -1 : order(p) > order(q) ? 1 : 0));
      return key({
        ...g[0],
        weight: g.length,
        confidence: Math.max(...g.map((e) => e.c ?? 0)),
        kept: sorted.slice(0, 100).map((e) => `${e.a ?? ''}:${e.s}`),
      });
    })
    .sort();
};

/** Stored summaries against a recomputation; both sides listed so that a failure shows the drift. */
async function expectNoDrift(): Promise<void> {
  const [have, want] = [await stored(), await fromEvidence()];
  expect(have).toEqual(want);
}

const idOf = async (name: string): Promise<string> => {
  const [row] = await executor.read<{ id: string }>({ cypher: 'MATCH (e:Entity {name: $name}) RETURN e.id AS id', params: { name } });
  return row.id;
};

const weightOf = async (from: string, to: string): Promise<number[]> =>
  (
    await executor.read<{ w: number }>({
      cypher: 'MATCH (:Entity {id: $from})-[s:RELATED]->(:Entity {id: $to}) RETURN s.weight AS w ORDER BY w',
      params: { from, to },
    })
  ).map((r) => r.w);

const article = (n: number, body: string) => ({
  url: `https://example.test/summaries/${n}`,
  title: `部會消息 ${n}`,
  body,
  publishedAt: `2025-11-${String(10 + n).padStart(2, '0')}`,
  source: 'Summary Wire',
});

const texts = [
  '經濟部長林志明今天表示，對日本出口持續成長。',
  '經濟部長林志明出席產業論壇，外交部長黃國華也到場致詞。',
  '經濟部長林志明今天赴立法院備詢，說明預算編列。',
];

const ids: string[] = [];

beforeAll(async () => {
  executor = await testExecutor();
  await resetGraph(executor);
  api = await startTestApi(executor);
});
afterAll(async () => {
  await api?.stop();
  await executor?.close();
});

describe('relation summaries kept at write time', () => {
  it('adds each article to its relations', async () => {
    for (const [n, body] of texts.entries()) ids.push((await ingestArticle(executor, fromInput(article(n, body), `s${n}`))).id!);
    const [lin, econ] = [await idOf('林志明'), await idOf('經濟部')];
    expect(await weightOf(lin, econ)).toEqual([3]);
    await expectNoDrift();
    const res = await gql(
      api.url,
      'query($id: ID!) { entity(id: $id) { relations(first: 5) { type title evidenceCount from { id } to { id } } } }',
      { id: lin },
    );
    expect(res.errors).toBeUndefined();
    const role = res.data!.entity.relations.find((r: { to: { id: string } }) => r.to.id === econ);
    expect(role).toMatchObject({ type: 'HOLDS_ROLE', title: '經濟部長', evidenceCount: 3 });
  });

  it('takes an article out when its new version drops the relation, and when it is deleted', async () => {
    const [lin, econ, huang] = [await idOf('林志明'), await idOf('經濟部'), await idOf('黃國華')];
    expect((await ingestArticle(executor, fromInput(article(0, '今天天氣晴朗，適合出遊。'), 's0b'))).status).toBe('updated');
    expect(await weightOf(lin, econ)).toEqual([2]);
    await expectNoDrift();
    await deleteArticle(executor, ids[1]);
    expect(await weightOf(lin, econ)).toEqual([1]);
    const [{ n }] = await executor.read<{ n: number }>({
      cypher: 'MATCH (:Entity {id: $id})-[s:RELATED]-() RETURN count(s) AS n',
      params: { id: huang },
    });
    expect(n).toBe(0);
    await expectNoDrift();
  });

  it("follows an editor's added and rejected relations, merge, split and undo", async () => {
    for (const [n, body] of texts.entries()) await ingestArticle(executor, fromInput(article(n + 3, body), `t${n}`));
    const [lin, econ] = [await idOf('林志明'), await idOf('經濟部')];
    const added = await curateAddRelation(executor, { type: 'MEMBER_OF', from: lin, to: econ, note: '編輯補充', actor: 'test' });
    await expectNoDrift();
    const rejected = await curateRejectRelation(executor, { type: 'HOLDS_ROLE', from: lin, to: econ, articleId: ids[2], actor: 'test' });
    expect(rejected.result).toBe(1);
    await expectNoDrift();
    const other = await idOf('黃國華');
    const merged = await curateMergeEntities(executor, { keepId: lin, mergeId: other, force: true, actor: 'test' });
    await expectNoDrift();
    const [{ articleId }] = await executor.read<{ articleId: string }>({
      cypher: 'MATCH (:Entity {id: $id})-[r:HOLDS_ROLE]->() RETURN r.articleId AS articleId ORDER BY articleId LIMIT 1',
      params: { id: lin },
    });
    const split = await curateSplitEntity(executor, { id: lin, articleIds: [articleId], name: '林志明二', actor: 'test' });
    await expectNoDrift();
    for (const edit of [split.edit, merged.edit, rejected.edit, added.edit]) {
      await undoEdit(executor, edit.id, 'test');
      await expectNoDrift();
    }
  });

  it('keeps the first sentences in article order when more articles show a relation than it keeps', async () => {
    // one relation shown by 130 articles, written in batches whose sentences belong after the
    // kept ones, or before them
    const base = fromInput(article(20, '交通部長王大同今天視察鐵路工程。'), 'many');
    const extraction = extract(base);
    const role = extraction.relations.find((r) => r.type === 'HOLDS_ROLE');
    expect(role).toBeDefined();
    let seed = 7;
    const noise = (n: number): string =>
      Array.from({ length: n }, () => String.fromCharCode(0x4e00 + ((seed = (seed * 48271) % 2147483647) % 2000))).join('');
    const items = Array.from({ length: 130 }, (_, n) => {
      const a = fromInput({ ...article(20, noise(60)), url: `https://example.test/summaries/many/${n}` }, `many${n}`);
      return { article: a, extraction: { ...extraction, relations: [{ ...role!, evidence: `第${n}則：${noise(8)}` }] } };
    });
    const byId = [...items].sort((p, q) => (p.article.id < q.article.id ? -1 : 1));
    // 100 from the middle fill the kept list; then ten that all come after it (left as it is);
    // then ten before it and ten after it
    const batches = [byId.slice(10, 60), byId.slice(60, 110), byId.slice(120), [...byId.slice(0, 10), ...byId.slice(110, 120)]];
    for (const batch of batches) {
      await writeArticles(executor, batch);
      await expectNoDrift();
    }
    const [from, to] = [role!.from, role!.to];
    expect(await weightOf(from, to)).toEqual([130]);

    const firstIds = [...items.map((x) => x.article.id)].sort().slice(0, 5);
    const res = await gql(
      api.url,
      'query($id: ID!) { entity(id: $id) { relations(first: 3, direction: OUT) { to { id } evidenceCount evidence(first: 5) { article { id } } } } }',
      { id: from },
    );
    expect(res.errors).toBeUndefined();
    const rel = res.data!.entity.relations.find((r: { to: { id: string } }) => r.to.id === to);
    expect(rel.evidenceCount).toBe(130);
    expect(rel.evidence.map((e: { article: { id: string } }) => e.article.id)).toEqual(firstIds);

    // deleting the first kept ones brings later sentences into the kept list
    for (const id of firstIds.slice(0, 2)) await deleteArticle(executor, id);
    expect(await weightOf(from, to)).toEqual([128]);
    await expectNoDrift();
  });

  it('reads as many sentences as the largest evidence selection asks for, through aliases and fragments', async () => {
    const [[from, to]] = (
      await executor.read<{ from: string; to: string }>({
        cypher: 'MATCH (x:Entity)-[s:RELATED]->(y:Entity) WHERE s.weight > 100 RETURN x.id AS from, y.id AS to',
        params: {},
      })
    ).map((r) => [r.from, r.to]);
    const kept = (
      await executor.read<{ ids: string[] }>({
        cypher: 'MATCH (:Entity {id: $from})-[s:RELATED]->(:Entity {id: $to}) RETURN s.evidenceArticleIds AS ids',
        params: { from, to },
      })
    )[0].ids;
    const res = await gql(
      api.url,
      `query($id: ID!, $n: Int) {
         entity(id: $id) {
           relations(first: 3, direction: OUT) { to { id } two: evidence(first: 2) { article { id } } ...More }
           plain: relations(first: 3, direction: OUT) { to { id } evidenceCount }
         }
       }
       fragment More on Relation { many: evidence(first: $n) { article { id } } some: evidence { article { id } } }`,
      { id: from, n: 12 },
    );
    expect(res.errors).toBeUndefined();
    type Rel = { to: { id: string }; [k: string]: unknown };
    const rel = res.data!.entity.relations.find((r: Rel) => r.to.id === to);
    const ids = (k: string) => (rel[k] as { article: { id: string } }[]).map((e) => e.article.id);
    expect(ids('two')).toEqual(kept.slice(0, 2));
    expect(ids('many')).toEqual(kept.slice(0, 12));
    expect(ids('some')).toEqual(kept.slice(0, 10));
    expect(res.data!.entity.plain.find((r: Rel) => r.to.id === to).evidenceCount).toBeGreaterThan(100);
  });

  it('builds the summaries of a graph written before them, once', async () => {
    const before = await stored();
    expect(before.length).toBeGreaterThan(0);
    await executor.write({ cypher: 'MATCH ()-[s:RELATED]->() DELETE s', params: {} });
    await executor.write({ cypher: "MATCH (m:Migration {id: 'relation-summaries-with-evidence'}) DELETE m", params: {} });
    expect(await stored()).toEqual([]);
    await applySchema(executor);
    expect(await stored()).toEqual(before);
  });

  it('gives summaries written without their sentences a list: by migration, and when an article adds to one', async () => {
    const before = await stored();
    const drop = 'MATCH ()-[s:RELATED]->() REMOVE s.evidenceArticleIds, s.evidenceSentences, s.evidenceConfidences, s.evidenceEditors';
    await executor.write({ cypher: drop, params: {} });
    expect((await stored()).every((s) => s.endsWith('|'))).toBe(true);
    await executor.write({ cypher: "MATCH (m:Migration {id: 'summary-lists-everywhere'}) DELETE m", params: {} });
    await applySchema(executor);
    expect(await stored()).toEqual(before);

    // a summary without its list that a new article adds to takes its list from its edges
    await executor.write({ cypher: drop, params: {} });
    await ingestArticle(executor, fromInput(article(15, texts[0]), 'again'));
    const minister = await idOf('林志明');
    const touched = (keys: string[]) => keys.filter((k) => k.startsWith(`${minister}|HOLDS_ROLE|`));
    const want = touched(await fromEvidence());
    expect(want.length).toBeGreaterThan(0);
    expect(touched(await stored())).toEqual(want);
  });
});
