import { int } from 'neo4j-driver';
import { fromInput } from '../../src/ingest';
import { ingestArticle } from '../../src/pipeline/ingest-articles';
import { curateDeleteEntity, curateMergeEntities, curateSplitEntity } from '../../src/store/curation-writes';
import { undoEdit } from '../../src/store/edits';
import { deleteArticle } from '../../src/store/article-writes';
import type { Executor, Query } from '../../src/store/executor';
import { timeline, trending, type Interval } from '../../src/store/graph-queries';
import { ENTITY_PROJECTION } from '../../src/store/projections';
import { applySchema } from '../../src/store/schema';
import { resetGraph, testExecutor } from './helpers';

/**
 * Per-entity, per-day counts (EntityDay, store/entity-counts.ts) kept at write time: after every
 * kind of write the stored rows equal a recount from MENTIONS, and timeline and trending, which
 * read them, answer exactly what the queries that counted MENTIONS answered (kept here, verbatim,
 * as the reference). The articles are short texts written for this test.
 */

let executor: Executor;

const ORIGINAL = (v: string): string => `NOT EXISTS { (${v})-[:DUPLICATE_OF]->() }`;
const dateWindow = (v: string): string => `($from IS NULL OR ${v}.publishedAt >= $from) AND ($to IS NULL OR ${v}.publishedAt <= $to)`;
const TRUNC: Record<Interval, string> = { DAY: 'day', WEEK: 'week', MONTH: 'month' };

/** The timeline query before EntityDay: every MENTIONS of the entity in the window. */
function referenceTimeline(options: Parameters<typeof timeline>[0]): Query {
  return {
    cypher: `
      UNWIND $ids AS id
      MATCH (e:Entity {id: id})
      CALL (e) {
        MATCH (e)<-[m:MENTIONS]-(a:Article) WHERE a.publishedDate IS NOT NULL AND ${dateWindow('a')} AND ($dups OR ${ORIGINAL('a')})
        WITH date.truncate($unit, a.publishedDate) AS bucket,
             CASE $by WHEN 'OUTLET' THEN coalesce(a.source, a.site, 'unknown') WHEN 'LANGUAGE' THEN coalesce(a.language, 'unknown') ELSE null END AS key,
             count(a) AS articles, sum(m.count) AS mentions
        ORDER BY bucket, key
        RETURN collect({ bucket: toString(bucket), key: key, articles: articles, mentions: mentions }) AS points
      }
      RETURN ${ENTITY_PROJECTION('e')} AS entity, points`,
    params: {
      ids: options.ids,
      unit: TRUNC[options.interval],
      from: options.from ?? null,
      to: options.to ?? null,
      dups: options.includeDuplicates ?? false,
      by: options.by ?? null,
    },
  };
}

/** The trending query before EntityDay: every MENTIONS of the window's articles. */
function referenceTrending(options: Parameters<typeof trending>[0]): Query {
  const label = options.type === 'organization' ? 'Organization' : 'Entity';
  return {
    cypher: `
      MATCH (a:Article)-[:MENTIONS]->(e:${label})
      WHERE a.publishedAt >= $previousFrom AND a.publishedAt <= $to AND ($dups OR ${ORIGINAL('a')})
      WITH e, sum(CASE WHEN a.publishedAt >= $from THEN 1 ELSE 0 END) AS current,
              sum(CASE WHEN a.publishedAt < $from THEN 1 ELSE 0 END) AS previous
      WHERE current > previous
      WITH e, current, previous, (current - previous) / sqrt(previous + 1.0) AS score
      ORDER BY score DESC, current DESC, e.id
      LIMIT $first
      RETURN ${ENTITY_PROJECTION('e')} AS entity, current, previous, score`,
    params: {
      from: options.from,
      to: options.to,
      previousFrom: options.previousFrom,
      first: int(options.first),
      dups: options.includeDuplicates ?? false,
    },
  };
}

const SEP = '\u001f';

/** Stored EntityDay rows and `countedIn` marks that differ from a recount from the graph (none, when kept right). */
async function dayDrift(): Promise<{ missing: unknown[]; extra: unknown[]; marks: unknown[] }> {
  const [row] = await executor.read<{ expected: unknown[][]; stored: unknown[][]; marks: unknown[] }>({
    cypher: `
      CALL () {
        MATCH (a:Article)-[m:MENTIONS]->(e:Entity) WHERE a.publishedDate IS NOT NULL AND coalesce(a.stub, false) = false
        WITH e.id AS entityId, toString(a.publishedDate) AS day, coalesce(a.source, a.site, 'unknown') AS outlet,
             coalesce(a.language, 'unknown') AS language, EXISTS { (a)-[:DUPLICATE_OF]->() } AS copy, count(*) AS articles, sum(m.count) AS mentions
        RETURN collect([entityId, day, outlet, language, copy, articles, mentions]) AS expected
      }
      CALL () {
        MATCH (d:EntityDay)
        RETURN collect([d.entityId, toString(d.day), d.outlet, d.language, d.copy, d.articles, d.mentions, d.key]) AS stored
      }
      CALL () {
        MATCH (a:Article)
        WITH a, CASE WHEN a.publishedDate IS NULL OR a.stub = true THEN null
                     ELSE toString(a.publishedDate) + $sep + coalesce(a.source, a.site, 'unknown') + $sep + coalesce(a.language, 'unknown')
                          + $sep + CASE WHEN EXISTS { (a)-[:DUPLICATE_OF]->() } THEN '1' ELSE '0' END END AS expected
        WHERE NOT (a.countedIn = expected OR (a.countedIn IS NULL AND expected IS NULL))
        RETURN collect([a.id, a.countedIn, expected]) AS marks
      }
      RETURN expected, stored, marks`,
    params: { sep: SEP },
  });
  const key = (r: unknown[]): string => JSON.stringify(r.slice(0, 7));
  const stored = row.stored.map((r) => {
    // the key is the entity id and the credited suffix
    expect(r[7]).toBe([r[0], r[1], r[2], r[3], r[4] ? '1' : '0'].join(SEP));
    return key(r);
  });
  const expected = row.expected.map(key);
  return {
    missing: expected.filter((k) => !stored.includes(k)).sort(),
    extra: stored.filter((k) => !expected.includes(k)).sort(),
    marks: row.marks,
  };
}

/** Stored EntityWeek rows that differ from week and weekday sums of MENTIONS (none, when kept right). */
async function weekDrift(): Promise<{ missing: string[]; extra: string[] }> {
  const [row] = await executor.read<{ expected: unknown[][]; stored: unknown[][] }>({
    cypher: `
      CALL () {
        MATCH (a:Article)-[m:MENTIONS]->(e:Entity) WHERE a.publishedDate IS NOT NULL AND coalesce(a.stub, false) = false
        WITH e.id AS entityId, date.truncate('week', a.publishedDate) AS week, a.publishedDate.dayOfWeek - 1 AS k,
             EXISTS { (a)-[:DUPLICATE_OF]->() } AS copy, count(*) AS articles, sum(m.count) AS mentions
        WITH entityId, week, copy, collect([k, articles, mentions]) AS perDay, sum(articles) AS articles, sum(mentions) AS mentions
        RETURN collect([entityId, toString(week), copy, articles, mentions,
                        [k IN range(0, 6) | reduce(n = 0, d IN perDay | n + CASE WHEN d[0] = k THEN d[1] ELSE 0 END)],
                        [k IN range(0, 6) | reduce(n = 0, d IN perDay | n + CASE WHEN d[0] = k THEN d[2] ELSE 0 END)]]) AS expected
      }
      CALL () {
        MATCH (w:EntityWeek)
        RETURN collect([w.entityId, toString(w.week), w.copy, w.articles, w.mentions, w.days, w.dayMentions]) AS stored
      }
      RETURN expected, stored`,
    params: {},
  });
  const stored = row.stored.map((r) => JSON.stringify(r));
  const expected = row.expected.map((r) => JSON.stringify(r));
  return { missing: expected.filter((k) => !stored.includes(k)).sort(), extra: stored.filter((k) => !expected.includes(k)).sort() };
}

const entityIds = async (): Promise<string[]> =>
  (await executor.read<{ id: string }>({ cypher: 'MATCH (e:Entity) RETURN e.id AS id ORDER BY id', params: {} })).map((r) => r.id);

/** Windows as the API passes them (a date, the end of a day) and with times of day that cut days. */
const WINDOWS: { from?: string; to?: string }[] = [
  {},
  { from: '2025-11-01', to: '2025-11-04T23:59:59.999Z' },
  { from: '2025-11-01T12:00:00', to: '2025-11-06T10:00:00+08:00' },
  { to: '2025-11-01T15:00:00' },
  { from: '2025-11-03', to: '2025-11-03' },
  { from: '2025-11-02', to: '2025-11-02T23:59:59.999Z' },
  { from: '2025-11-04T09:30' },
  // bounds that start with no whole day compare as strings
  { from: '2025-10', to: '2025-11-0' },
  { from: '2025-11-01T', to: '2025-11-1' },
];

async function expectSameTimelines(): Promise<number> {
  const ids = await entityIds();
  expect(ids.length).toBeGreaterThan(3);
  let points = 0;
  for (const window of WINDOWS)
    for (const interval of ['DAY', 'WEEK'] as Interval[])
      for (const by of [undefined, 'OUTLET', 'LANGUAGE'] as const)
        for (const includeDuplicates of [false, true]) {
          const options = { ids, interval, ...window, by, includeDuplicates };
          const got = await executor.read(timeline(options));
          const want = await executor.read(referenceTimeline(options));
          expect({ options, got }).toEqual({ options, got: want });
          points += want.reduce((n, r) => n + (r.points as unknown[]).length, 0);
        }
  return points;
}

const TRENDS = [
  { from: '2025-11-03', to: '2025-11-04T23:59:59.999Z', previousFrom: '2025-11-01' },
  { from: '2025-11-01T12:00:00', to: '2025-11-04T10:00', previousFrom: '2025-10-29' },
  { from: '2025-11-06', to: '2025-11-06T23:59:59.999Z', previousFrom: '2025-11-05' },
  { from: '2025-11-02', to: '2025-11-03', previousFrom: '2025-11-01T19:00:00+08:00' },
  { from: '2025-11-03', to: '2025-11-1', previousFrom: '2025-10' },
  // whole Monday-to-Sunday weeks on both sides, then weeks that a bound or the middle cuts
  { from: '2025-11-03', to: '2025-11-16T23:59:59.999Z', previousFrom: '2025-10-20' },
  { from: '2025-11-10', to: '2025-11-23T23:59:59.999Z', previousFrom: '2025-10-27' },
  { from: '2025-11-02T12:00:00', to: '2025-11-09T23:59:59.999Z', previousFrom: '2025-10-26' },
  { from: '2025-11-04', to: '2025-11-09', previousFrom: '2025-10-30T08:00:00Z' },
  // an upper bound late in a day that still leaves out one of its articles
  { from: '2025-11-01', to: '2025-11-01T20:00:00+08:00', previousFrom: '2025-10-31' },
  { from: '2025-10-27', to: '2025-11-01T20:00:00+08:00', previousFrom: '2025-10-20' },
];

async function expectSameTrending(): Promise<number> {
  let rows = 0;
  for (const t of TRENDS)
    for (const type of [undefined, 'organization'] as const)
      for (const includeDuplicates of [false, true]) {
        const options = { ...t, type, first: 50, includeDuplicates };
        const got = await executor.read(trending(options));
        const want = await executor.read(referenceTrending(options));
        expect({ options, got }).toEqual({ options, got: want });
        rows += want.length;
      }
  return rows;
}

async function expectConsistent(): Promise<void> {
  expect(await dayDrift()).toEqual({ missing: [], extra: [], marks: [] });
  expect(await weekDrift()).toEqual({ missing: [], extra: [] });
  expect(await expectSameTimelines()).toBeGreaterThan(0);
  expect(await expectSameTrending()).toBeGreaterThan(0);
}

const WIRE =
  '交通部今天宣布偏鄉公車補助延長兩年，經濟部也將補助業者購置電動車輛，立法院下週將審查相關預算。交通部表示，補助將優先用於山區路線。';

const text = {
  morning: {
    url: 'https://example.test/days/morning',
    title: '經濟部談出口',
    body: '經濟部今天上午表示，對日本出口持續成長。',
    publishedAt: '2025-11-01T09:00:00+08:00',
    source: 'Day Wire',
  },
  evening: {
    url: 'https://example.test/days/evening',
    title: '立法院晚間加開會議',
    body: '立法院晚間加開會議，經濟部長到場說明。',
    publishedAt: '2025-11-01T20:30:00+08:00',
    source: 'Evening Post',
  },
  english: {
    url: 'https://example.test/days/english',
    title: 'Ministry reports exports',
    body: '經濟部與交通部今天共同說明日本航線的貨運量。',
    publishedAt: '2025-11-02T08:15:00Z',
    source: 'Day Wire',
    language: 'en',
  },
  dateOnly: {
    url: 'https://example.test/days/date-only',
    title: '交通部說明鐵路改善',
    body: '交通部表示，鐵路改善計畫明年上路，立法院已完成審查。',
    publishedAt: '2025-11-03',
  },
  undated: {
    url: 'https://example.test/days/undated',
    title: '經濟部公告',
    body: '經濟部公告新的補助辦法，交通部也配合辦理。',
  },
  original: {
    url: 'https://example.test/days/original',
    title: '偏鄉公車補助延長',
    body: WIRE,
    publishedAt: '2025-11-04T10:00:00+08:00',
    source: 'Day Wire',
  },
  copy: {
    url: 'https://example.test/days/copy',
    title: '公車補助延長兩年',
    body: `${WIRE}（轉載）`,
    publishedAt: '2025-11-04T11:00:00+08:00',
    source: 'Evening Post',
  },
};

const ids: Record<string, string> = {};

const idOf = async (name: string): Promise<string> => {
  const [row] = await executor.read<{ id: string }>({ cypher: 'MATCH (e:Entity {name: $name}) RETURN e.id AS id', params: { name } });
  return row.id;
};

beforeAll(async () => {
  executor = await testExecutor();
  await resetGraph(executor);
});
afterAll(async () => {
  await executor?.close();
});

describe('per-entity, per-day counts kept at write time', () => {
  it('counts articles over several days, outlets and languages, a copy apart', async () => {
    for (const [key, input] of Object.entries(text)) {
      const r = await ingestArticle(executor, fromInput(input, key));
      expect(r.status).toBe('new');
      ids[key] = r.id!;
    }
    const [{ dup }] = await executor.read<{ dup: number }>({
      cypher: 'MATCH (:Article {id: $id})-[:DUPLICATE_OF]->(o) RETURN count(o) AS dup',
      params: { id: ids.copy },
    });
    expect(dup).toBe(1);
    const [{ outlets, languages, copies }] = await executor.read<{ outlets: number; languages: number; copies: number }>({
      cypher: `MATCH (d:EntityDay) RETURN count(DISTINCT d.outlet) AS outlets, count(DISTINCT d.language) AS languages,
                      count(CASE WHEN d.copy THEN 1 END) AS copies`,
      params: {},
    });
    expect(outlets).toBeGreaterThanOrEqual(3);
    expect(languages).toBe(2);
    expect(copies).toBeGreaterThan(0);
    await expectConsistent();
  });

  it('moves an updated article to its new day and outlet', async () => {
    const r = await ingestArticle(
      executor,
      fromInput(
        {
          ...text.evening,
          body: '立法院今天上午開會，交通部長到場說明。',
          publishedAt: '2025-11-06T07:00:00+08:00',
          source: 'Third Daily',
        },
        'evening2',
      ),
    );
    expect(r.status).toBe('updated');
    const [{ n }] = await executor.read<{ n: number }>({
      cypher: "MATCH (d:EntityDay {outlet: 'Third Daily'}) WHERE d.day = date('2025-11-06') RETURN count(d) AS n",
      params: {},
    });
    expect(n).toBeGreaterThan(0);
    await expectConsistent();
  });

  it('releases the copy when its original is deleted', async () => {
    expect(await deleteArticle(executor, ids.original)).toMatchObject({ id: ids.original });
    const [{ copies }] = await executor.read<{ copies: number }>({
      cypher: 'MATCH (d:EntityDay) WHERE d.copy RETURN count(d) AS copies',
      params: {},
    });
    expect(copies).toBe(0);
    await expectConsistent();
  });

  it("stays right through an editor's merge, split, undo and delete", async () => {
    const econ = await idOf('經濟部');
    const transport = await idOf('交通部');
    const merged = await curateMergeEntities(executor, { keepId: econ, mergeId: transport, actor: 'test' });
    const [{ left }] = await executor.read<{ left: number }>({
      cypher: 'MATCH (d:EntityDay {entityId: $id}) WHERE d.day IS NOT NULL RETURN count(d) AS left',
      params: { id: transport },
    });
    expect(left).toBe(0);
    await expectConsistent();
    const split = await curateSplitEntity(executor, { id: econ, articleIds: [ids.dateOnly], name: '另一個部會', actor: 'test' });
    await expectConsistent();
    await undoEdit(executor, split.edit.id, 'test');
    await expectConsistent();
    await undoEdit(executor, merged.edit.id, 'test');
    await expectConsistent();
    await curateDeleteEntity(executor, { id: await idOf('立法院'), actor: 'test' });
    await expectConsistent();
  });

  it('builds the counts of a graph written before them (migration)', async () => {
    await executor.write({ cypher: 'MATCH (d:EntityDay) DELETE d', params: {} });
    await executor.write({ cypher: 'MATCH (a:Article) REMOVE a.countedIn', params: {} });
    await executor.write({ cypher: "MATCH (m:Migration {id: 'entity-day-counts'}) DELETE m", params: {} });
    expect((await dayDrift()).missing.length).toBeGreaterThan(0);
    await applySchema(executor);
    await expectConsistent();
  });

  it('adds the weekly rows to a graph counted before them (migration)', async () => {
    await executor.write({ cypher: 'MATCH (w:EntityWeek) DELETE w', params: {} });
    await executor.write({ cypher: "MATCH (m:Migration {id: 'entity-weeks'}) DELETE m", params: {} });
    expect((await weekDrift()).missing.length).toBeGreaterThan(0);
    await applySchema(executor);
    await expectConsistent();
  });
});
