import type { ApiServer } from '../../src/api/server';
import type { Relation } from '../../src/domain/types';
import { writeArticles } from '../../src/store/article-writes';
import type { Executor } from '../../src/store/executor';
import { RELATION_EVIDENCE_MAX } from '../../src/store/queries';
import { handMadeArticle } from './hand-made';
import { gql, resetGraph, startTestApi, testExecutor } from './helpers';

/**
 * A relation shown by many articles lists its first sentences in article order and counts them
 * all (evidenceCount); `evidence(first)` takes fewer, and the store never reads more than
 * RELATION_EVIDENCE_MAX of them. Invented people and agencies.
 */

const SITE = { host: 'evidence.example.test', defaultSource: '河岸日報' };
const PERSON = 'person:林東岳';
const AGENCY = 'org:海岸巡防署';
const OTHER = 'org:港務公司';
/** More than the store returns, so that the cap shows. */
const MANY = RELATION_EVIDENCE_MAX + 5;

const idOf = (k: number): string => `ev${String(k).padStart(4, '0')}`;
const sentenceOf = (k: number): string => `海巡署長林東岳第${k}次視察漁港。`;

let executor: Executor;
let api: ApiServer;

beforeAll(async () => {
  executor = await testExecutor();
  await resetGraph(executor);
  const holds = (k: number): Relation => ({
    type: 'HOLDS_ROLE',
    from: PERSON,
    to: AGENCY,
    title: '署長',
    evidence: sentenceOf(k),
    confidence: 0.8,
  });
  // written newest id first, so that article order is not write order
  const items = Array.from({ length: MANY }, (_, i) => MANY - 1 - i).map((k) =>
    handMadeArticle(
      {
        id: idOf(k),
        title: `海巡署長視察漁港 第${k}篇`,
        body: `${sentenceOf(k)}\n漁民代表陳述第${k}項意見。`,
        entities: [PERSON, AGENCY, ...(k < 2 ? [OTHER] : [])],
        relations: [
          holds(k),
          // a second relation of the person, shown by two articles only, with a higher confidence
          ...(k < 2
            ? [
                {
                  type: 'MEMBER_OF',
                  from: PERSON,
                  to: OTHER,
                  evidence: `林東岳曾任港務公司董事（第${k}篇）。`,
                  confidence: 0.9,
                } as Relation,
              ]
            : []),
        ],
      },
      SITE,
    ),
  );
  for (let i = 0; i < items.length; i += 50) await writeArticles(executor, items.slice(i, i + 50), { stories: false });
  api = await startTestApi(executor);
}, 120000);

afterAll(async () => {
  await api?.stop();
  await executor?.close();
});

const RELATIONS = `query($id: ID!, $n: Int) {
  entity(id: $id) { relations(first: 5) { type title confidence evidenceCount evidence(first: $n) { sentence article { id } } } }
}`;

interface Row {
  type: string;
  title: string | null;
  confidence: number;
  evidenceCount: number;
  evidence: { sentence: string; article: { id: string } | null }[];
}

async function relations(n?: number): Promise<Row[]> {
  const res = await gql<{ entity: { relations: Row[] } }>(api.url, RELATIONS, { id: PERSON, n });
  expect(res.errors).toBeUndefined();
  return res.data!.entity.relations;
}

test('the relations are ranked by confidence, then by how many articles show them, and count every sentence', async () => {
  const rows = await relations(2);
  expect(rows.map((r) => [r.type, r.title, r.evidenceCount])).toEqual([
    ['MEMBER_OF', null, 2],
    ['HOLDS_ROLE', '署長', MANY],
  ]);
});

test('evidence lists the first sentences in article order, as many as asked', async () => {
  const holds = (await relations(3)).find((r) => r.type === 'HOLDS_ROLE')!;
  expect(holds.evidence).toEqual([0, 1, 2].map((k) => ({ sentence: sentenceOf(k), article: { id: idOf(k) } })));
  // the default is ten
  const byDefault = (await relations()).find((r) => r.type === 'HOLDS_ROLE')!;
  expect(byDefault.evidence.map((e) => e.article?.id)).toEqual(Array.from({ length: 10 }, (_, k) => idOf(k)));
  // at most the store's cap, though more articles show it
  const most = (await relations(RELATION_EVIDENCE_MAX)).find((r) => r.type === 'HOLDS_ROLE')!;
  expect(most.evidence).toHaveLength(RELATION_EVIDENCE_MAX);
  expect(most.evidence[RELATION_EVIDENCE_MAX - 1].article?.id).toBe(idOf(RELATION_EVIDENCE_MAX - 1));
});

test('asking for more sentences than a relation lists is refused, naming the argument', async () => {
  const res = await gql(api.url, RELATIONS, { id: PERSON, n: RELATION_EVIDENCE_MAX + 1 });
  expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  expect(res.errors?.[0].message).toContain('"first" must be between 0 and 100');
});
