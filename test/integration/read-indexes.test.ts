import { int } from 'neo4j-driver';
import type { EntityType } from '../../src/domain/types';
import { fromInput, parseTextPage } from '../../src/ingest';
import { ingestArticle } from '../../src/pipeline/ingest-articles';
import type { Executor, Query } from '../../src/store/executor';
import { ENTITY_LABELS } from '../../src/store/labels';
import { entitiesPage, type EntityOrder } from '../../src/store/queries';
import { neighborhood } from '../../src/store/graph-queries';
import { foundingText, resetGraph, testExecutor } from './helpers';

/**
 * Reads that start from an index instead of a label scan must answer as the scan did:
 * entities(nameContains) without cased letters finds its candidates through the text indexes on
 * the name and aliasText, then applies the same case-insensitive check; entities most mentioned
 * first walk the mentionCount index.
 */
let executor: Executor;

beforeAll(async () => {
  executor = await testExecutor();
  await resetGraph(executor);
  await ingestArticle(executor, parseTextPage(foundingText(), { origin: 'founding' }));
  await ingestArticle(
    executor,
    fromInput({ url: 'https://idx.test/1', title: '經濟部說明稀土庫存', body: '經濟部今天說明稀土庫存，王明表示會持續盤點。' }, 'idx 1'),
  );
  // an entity found only through an alias, one whose name mixes cases with Chinese, and one
  // without a kept count (as an editor's entity may be): it ties with the entities of count 0
  await executor.write({
    cypher: `
      CREATE (:Entity:Organization {id: 'org:zorbi', type: 'organization', name: 'Zorbi Corp', aliases: ['Zorbi Corp', '佐比公司'],
                                     aliasText: ' Zorbi Corp 佐比公司', mentionCount: 0})
      CREATE (:Entity:Person {id: 'person:mix', type: 'person', name: 'ABC王明', aliases: ['ABC王明'], aliasText: ' ABC王明', mentionCount: 0})
      CREATE (:Entity:Person {id: 'person:uncounted', type: 'person', name: '未計數', aliases: ['未計數'], aliasText: ' 未計數'})`,
    params: {},
  });
}, 120000);
afterAll(async () => {
  await executor?.close();
});

describe('entities(nameContains): the text indexes answer like the label scan', () => {
  /** What entitiesPage ran before the text indexes: every entity of the label, checked one by one. */
  const scan = (f: { type?: EntityType; nameContains: string; minMentions?: number }, orderBy?: EntityOrder): Query<{ ids: string[] }> => ({
    cypher: `
      MATCH (e:${f.type ? ENTITY_LABELS[f.type] : 'Entity'})
      WHERE toLower(e.name) CONTAINS toLower($q) OR any(x IN coalesce(e.aliases, []) WHERE toLower(x) CONTAINS toLower($q))
      WITH e, coalesce(e.mentionCount, 0) AS mentions WHERE mentions >= $min
      WITH e, mentions ${orderBy === 'NAME' ? 'ORDER BY e.name, e.id' : 'ORDER BY mentions DESC, e.name, e.id'}
      RETURN collect(e.id) AS ids`,
    params: { q: f.nameContains, min: int(f.minMentions ?? 0) },
  });

  const cases: { type?: EntityType; nameContains: string; minMentions?: number }[] = [
    { nameContains: '部' },
    { nameContains: '經濟' },
    { nameContains: '佐比' },
    { nameContains: '王明' },
    { type: 'person', nameContains: '林' },
    { type: 'organization', nameContains: '部', minMentions: 1 },
    { type: 'person', nameContains: '佐比' },
    { nameContains: '不存在的名字' },
  ];

  it.each(cases.map((c) => [JSON.stringify(c), c]))('%s', async (_name, filter) => {
    for (const orderBy of ['MENTIONS', 'NAME'] as const) {
      const [expected] = await executor.read(scan(filter, orderBy));
      const [row] = await executor.read(entitiesPage({ filter, orderBy, skip: 0, limit: 100 }));
      expect(row.items.map((e) => e.id)).toEqual(expected.ids);
      expect(Number(row.totalCount)).toBe(expected.ids.length);
      const [second] = await executor.read(entitiesPage({ filter, orderBy, skip: 1, limit: 2 }));
      expect(second.items.map((e) => e.id)).toEqual(expected.ids.slice(1, 3));
    }
  });

  it('finds entities through an alias only, and mixed-case names by their Chinese part', async () => {
    const [alias] = await executor.read(entitiesPage({ filter: { nameContains: '佐比' }, skip: 0, limit: 20 }));
    expect(alias.items.map((e) => e.id)).toEqual(['org:zorbi']);
    const [mixed] = await executor.read(entitiesPage({ filter: { nameContains: '王明' }, skip: 0, limit: 20 }));
    expect(mixed.items.map((e) => e.id)).toContain('person:mix');
  });

  it('plans Chinese text as text-index seeks, not a scan of every entity', async () => {
    const q = entitiesPage({ filter: { type: 'person', nameContains: '林' }, skip: 0, limit: 20 });
    const session = executor.driver.session();
    try {
      const res = await session.run(`EXPLAIN ${q.cypher}`, q.params);
      const ops: string[] = [];
      const walk = (op: { operatorType: string; children?: unknown[] }) => {
        ops.push(op.operatorType.replace(/@.*$/, ''));
        for (const c of op.children ?? []) walk(c as typeof op);
      };
      walk(res.summary.plan as unknown as { operatorType: string });
      expect(ops.filter((o) => /LabelScan|AllNodesScan/.test(o))).toEqual([]);
      expect(ops.filter((o) => /NodeIndexContainsScan/.test(o)).length).toBe(2);
    } finally {
      await session.close();
    }
  });
});

describe('entities most mentioned first: the mentionCount index answers like the sort', () => {
  const sorted = (type: EntityType | undefined, min: number): Query<{ ids: string[] }> => ({
    cypher: `
      MATCH (e:${type ? ENTITY_LABELS[type] : 'Entity'})
      WITH e, coalesce(e.mentionCount, 0) AS mentions WHERE mentions >= $min
      WITH e, mentions ORDER BY mentions DESC, e.name, e.id
      RETURN collect(e.id) AS ids`,
    params: { min: int(min) },
  });

  it.each([undefined, 'person', 'organization', 'topic', 'country'] as const)('type %s', async (type) => {
    for (const min of [0, 1, 2]) {
      const [expected] = await executor.read(sorted(type, min));
      const n = expected.ids.length;
      // pages that stay among the counted entities, and pages that reach the uncounted ones
      for (const [skip, limit] of [
        [0, 3],
        [2, 5],
        [0, n + 5],
        [Math.max(0, n - 2), 5],
      ]) {
        const [row] = await executor.read(entitiesPage({ filter: { type, minMentions: min }, skip, limit }));
        expect({ skip, limit, min, ids: row.items.map((e) => e.id) }).toEqual({
          skip,
          limit,
          min,
          ids: expected.ids.slice(skip, skip + limit),
        });
        expect(Number(row.totalCount)).toBe(n);
      }
    }
  });

  it('reads no entity through a label scan while the page stays among the counted ones', async () => {
    const q = entitiesPage({ filter: { type: 'person' }, skip: 0, limit: 2 });
    const session = executor.driver.session();
    try {
      const res = await session.run(`PROFILE ${q.cypher}`, q.params);
      const scans: { op: string; hits: number }[] = [];
      const walk = (op: { operatorType: string; dbHits?: number; children?: unknown[] }) => {
        if (/LabelScan|AllNodesScan/.test(op.operatorType)) scans.push({ op: op.operatorType, hits: Number(op.dbHits ?? 0) });
        for (const c of op.children ?? []) walk(c as typeof op);
      };
      walk(res.summary.profile as unknown as { operatorType: string });
      // the sorted fallback (the whole type) runs only when a page reaches past the counted entities
      expect(scans.filter((x) => x.hits > 0)).toEqual([]);
    } finally {
      await session.close();
    }
  });

  it('lists the uncounted entity with the others of no mentions', async () => {
    const [row] = await executor.read(entitiesPage({ filter: { type: 'person' }, skip: 0, limit: 100 }));
    expect(row.items.map((e) => e.id)).toContain('person:uncounted');
    const [counted] = await executor.read(entitiesPage({ filter: { type: 'person', minMentions: 1 }, skip: 0, limit: 100 }));
    expect(counted.items.map((e) => e.id)).not.toContain('person:uncounted');
    expect(counted.items.length).toBeGreaterThan(0);
  });
});

describe('neighborhood: rings of distinct entities answer like the paths', () => {
  /** The nodes neighborhood drew before: every path up to depth hops, each entity at its shortest. */
  const byPaths = (id: string, depth: number, limit: number): Query<{ ids: string[] }> => ({
    cypher: `
      MATCH (c:Entity {id: $id})
      OPTIONAL MATCH p = (c)-[:HOLDS_ROLE|MEMBER_OF|REPORTS_TO|PART_OF|COOPERATES_WITH|LOCATED_IN*1..${depth}]-(n:Entity)
      WHERE n <> c
      WITH c, n, min(length(p)) AS distance
      ORDER BY distance, COUNT { (n)<-[:MENTIONS]-() } DESC, n.id
      LIMIT $limit
      WITH c, [x IN collect(n) WHERE x IS NOT NULL | x.id] AS found
      RETURN [c.id] + found AS ids`,
    params: { id, limit: int(limit) },
  });

  it('draws the same entities at depths 1 to 3, whole and cut by the limit', async () => {
    const centres = await executor.read<{ id: string }>({
      cypher: `MATCH (e:Entity) WITH e, COUNT { (e)-[:HOLDS_ROLE|MEMBER_OF|REPORTS_TO|PART_OF|COOPERATES_WITH|LOCATED_IN]-() } AS d
               RETURN e.id AS id ORDER BY d DESC, e.id LIMIT 6`,
      params: {},
    });
    let reached = 0;
    for (const { id } of centres)
      for (const depth of [1, 2, 3])
        for (const limit of [3, 50]) {
          const [expected] = await executor.read(byPaths(id, depth, limit));
          const [row] = await executor.read(neighborhood({ id, depth, limit }));
          expect({ id, depth, limit, ids: row.nodes.map((n) => n.id) }).toEqual({ id, depth, limit, ids: expected.ids });
          reached = Math.max(reached, expected.ids.length);
        }
    // the founding article relates enough entities for rings beyond the first
    expect(reached).toBeGreaterThan(3);
  });
});
