import type { ApiServer } from '../../src/api/server';
import type { Relation, RelationType } from '../../src/domain/types';
import { writeArticles } from '../../src/store/article-writes';
import type { Executor } from '../../src/store/executor';
import { handMadeArticle } from './hand-made';
import { gql, resetGraph, startTestApi, testExecutor } from './helpers';

/**
 * `paths` returns every distinct shortest entity sequence between two entities (up to `first`),
 * whatever number of articles state each hop. Checked against a breadth-first search over the
 * same edges here, on a graph of invented organisations where every relation is stated by one to
 * five articles (parallel edges) and a hub (the first) is linked to a quarter of the others.
 */

const SITE = { host: 'paths.example.test', defaultSource: '山城日報' };
const NAMES = [
  '北港工會',
  '南灣協會',
  '東嶺學會',
  '西岸公會',
  '中原商會',
  '青田基金會',
  '白沙聯盟',
  '紅樹社',
  '金門會館',
  '銀河學社',
  '松林協進會',
  '竹溪同鄉會',
  '梅山促進會',
  '蘭陽研究會',
];
const IDS = NAMES.map((n) => `org:${n}`);

/** A small deterministic generator, so that the graph is the same in every run. */
function generator(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

interface Edge {
  from: string;
  to: string;
  type: RelationType;
  articles: number;
}

function makeEdges(): Edge[] {
  const next = generator(20261203);
  const edges: Edge[] = [];
  const seen = new Set<string>();
  const add = (i: number, j: number): void => {
    const key = [i, j].sort((x, y) => x - y).join('-');
    if (i === j || seen.has(key)) return;
    seen.add(key);
    edges.push({ from: IDS[i], to: IDS[j], type: next() < 0.5 ? 'MEMBER_OF' : 'COOPERATES_WITH', articles: 1 + Math.floor(next() * 5) });
  };
  // a chain through every entity (so that long shortest paths exist), the hub on half of them, a few shortcuts
  for (let i = 1; i + 1 < IDS.length; i++) add(i, i + 1);
  for (let i = 1; i < IDS.length; i += 4) add(0, i);
  for (let k = 0; k < 5; k++) add(1 + Math.floor(next() * (IDS.length - 1)), 1 + Math.floor(next() * (IDS.length - 1)));
  return edges;
}

const EDGES = makeEdges();

/** Lists of ids in Cypher's order: element by element. */
const byIds = (p: string[], q: string[]): number => {
  for (let i = 0; i < Math.min(p.length, q.length); i++) if (p[i] !== q[i]) return p[i] < q[i] ? -1 : 1;
  return p.length - q.length;
};

/** All distinct shortest entity sequences from a to b of at most maxHops, over edges of `types`. */
function reference(a: string, b: string, maxHops: number, types?: RelationType[]): string[][] {
  const adjacent = new Map<string, Set<string>>();
  for (const e of EDGES) {
    if (types && !types.includes(e.type)) continue;
    for (const [x, y] of [
      [e.from, e.to],
      [e.to, e.from],
    ]) {
      if (!adjacent.has(x)) adjacent.set(x, new Set());
      adjacent.get(x)!.add(y);
    }
  }
  let frontier: string[][] = [[a]];
  for (let hops = 1; hops <= maxHops; hops++) {
    const longer = frontier.flatMap((p) => [...(adjacent.get(p[p.length - 1]) ?? [])].filter((n) => !p.includes(n)).map((n) => [...p, n]));
    const arrived = longer.filter((p) => p[p.length - 1] === b);
    if (arrived.length) return arrived.sort(byIds);
    frontier = longer;
  }
  return [];
}

let executor: Executor;
let api: ApiServer;
let article = 0;

beforeAll(async () => {
  executor = await testExecutor();
  await resetGraph(executor);
  const items = EDGES.flatMap((e) =>
    Array.from({ length: e.articles }, () => {
      const id = `path${String(article++).padStart(3, '0')}`;
      const [x, y] = [e.from, e.to].map((i) => i.split(':')[1]);
      const sentence = `${x}與${y}簽署合作備忘錄（${id}）。`;
      const relation: Relation = { type: e.type, from: e.from, to: e.to, evidence: sentence, confidence: 0.7 };
      return handMadeArticle({ id, title: `${x}與${y}合作`, body: sentence, entities: [e.from, e.to], relations: [relation] }, SITE);
    }),
  );
  await writeArticles(executor, items, { stories: false });
  api = await startTestApi(executor);
}, 120000);

afterAll(async () => {
  await api?.stop();
  await executor?.close();
});

interface PathRow {
  length: number;
  nodes: { id: string }[];
  edges: { from: string; to: string; type: string; weight: number }[];
}

const PATHS = `query($a: ID!, $b: ID!, $hops: Int!, $types: [RelationType!], $first: Int!) {
  paths(from: $a, to: $b, maxHops: $hops, relationTypes: $types, first: $first) { length nodes { id } edges { from to type weight } }
}`;

async function pathsOf(a: string, b: string, hops: number, first: number, types?: RelationType[]): Promise<PathRow[]> {
  const res = await gql(api.url, PATHS, { a, b, hops, first, types: types ?? null });
  expect(res.errors).toBeUndefined();
  return res.data!.paths as PathRow[];
}

it('the graph has parallel edges and shortest paths of every length', () => {
  expect(EDGES.some((e) => e.articles > 1)).toBe(true);
  const lengths = new Set(IDS.flatMap((a) => IDS.filter((b) => b !== a).map((b) => reference(a, b, 4)[0]?.length - 1)));
  for (const n of [1, 2, 3, 4]) expect(lengths).toContain(n);
});

it('returns every distinct shortest sequence, in id order, each hop with its edges weighted by articles', async () => {
  let compared = 0;
  for (const a of IDS.slice(0, 7)) {
    for (const b of IDS) {
      if (a === b) continue;
      const expected = reference(a, b, 4);
      const got = await pathsOf(a, b, 4, 50);
      expect({ a, b, sequences: got.map((p) => p.nodes.map((n) => n.id)) }).toEqual({ a, b, sequences: expected.slice(0, 50) });
      for (const p of got) {
        expect(p.length).toBe(p.nodes.length - 1);
        for (let i = 0; i + 1 < p.nodes.length; i++) {
          const [x, y] = [p.nodes[i].id, p.nodes[i + 1].id];
          const hop = p.edges.filter((e) => (e.from === x && e.to === y) || (e.from === y && e.to === x));
          const stated = EDGES.filter((e) => (e.from === x && e.to === y) || (e.from === y && e.to === x));
          expect(hop.map((e) => [e.type, e.weight])).toEqual(stated.map((e) => [e.type, e.articles]));
        }
      }
      compared += expected.length;
    }
  }
  expect(compared).toBeGreaterThan(40);
});

it('keeps to maxHops, the relation types asked for and the first n', async () => {
  const far = IDS.flatMap((a) => IDS.map((b) => ({ a, b }))).find(({ a, b }) => reference(a, b, 4)[0]?.length === 5)!;
  expect(far).toBeDefined();
  expect(await pathsOf(far.a, far.b, 3, 50)).toEqual([]);
  expect((await pathsOf(far.a, far.b, 4, 50)).length).toBeGreaterThan(0);
  const cooperates: RelationType[] = ['COOPERATES_WITH'];
  for (const b of IDS.slice(2, 8)) {
    const got = await pathsOf(IDS[1], b, 4, 50, cooperates);
    expect(got.map((p) => p.nodes.map((n) => n.id))).toEqual(reference(IDS[1], b, 4, cooperates));
    for (const p of got) for (const e of p.edges) expect(e.type).toBe('COOPERATES_WITH');
  }
  const many = IDS.flatMap((a) => IDS.filter((b) => b !== a).map((b) => ({ a, b, n: reference(a, b, 4).length }))).find((x) => x.n >= 3)!;
  const two = await pathsOf(many.a, many.b, 4, 2);
  expect(two.map((p) => p.nodes.map((n) => n.id))).toEqual(reference(many.a, many.b, 4).slice(0, 2));
});
