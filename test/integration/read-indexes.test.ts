import { int } from 'neo4j-driver';
import type { EntityType } from '../../src/domain/types';
import { fromInput, parseTextPage } from '../../src/ingest';
import { ingestArticle } from '../../src/pipeline/ingest-articles';
import type { Executor, Query } from '../../src/store/executor';
import { ENTITY_LABELS } from '../../src/store/labels';
import { entitiesPage, type EntityOrder } from '../../src/store/queries';
import { foundingText, resetGraph, testExecutor } from './helpers';

/**
 * Reads that start from an index instead of a label scan must answer as the scan did:
 * entities(nameContains) without cased letters finds its candidates through the text indexes on
 * the name and aliasText, then applies the same case-insensitive check.
 */
describe('entities(nameContains): the text indexes answer like the label scan', () => {
  let executor: Executor;

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

  beforeAll(async () => {
    executor = await testExecutor();
    await resetGraph(executor);
    await ingestArticle(executor, parseTextPage(foundingText(), { origin: 'founding' }));
    await ingestArticle(
      executor,
      fromInput({ url: 'https://idx.test/1', title: '經濟部說明稀土庫存', body: '經濟部今天說明稀土庫存，王明表示會持續盤點。' }, 'idx 1'),
    );
    // an entity found only through an alias, and one whose name mixes cases with Chinese
    await executor.write({
      cypher: `
        CREATE (:Entity:Organization {id: 'org:zorbi', type: 'organization', name: 'Zorbi Corp', aliases: ['Zorbi Corp', '佐比公司'],
                                       aliasText: ' Zorbi Corp 佐比公司', mentionCount: 0})
        CREATE (:Entity:Person {id: 'person:mix', type: 'person', name: 'ABC王明', aliases: ['ABC王明'], aliasText: ' ABC王明', mentionCount: 0})`,
      params: {},
    });
  }, 120000);
  afterAll(async () => {
    await executor?.close();
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
