import { writeArticles } from '../../src/store/article-writes';
import type { Executor } from '../../src/store/executor';
import { bandKeys } from '../../src/store/fingerprint';
import { applySchema } from '../../src/store/schema';
import { handMadeArticle } from './hand-made';
import { resetGraph, testExecutor } from './helpers';

/**
 * Which rows a band seek reads when a band key is shared by more articles than it reads (the
 * cap, lowered here through `bucketCap`): the newest published up to the day after the article,
 * ties by id, whatever order the nodes were created in, so two fresh graphs of the same
 * articles link the same copies. Articles sharing a key are made directly (their band keys set
 * to the probe's), so that only the chosen key is shared. Short invented texts.
 */

const SITE = { host: 'copies.example.test', defaultSource: '港灣日報' };

const PROBE_BODY =
  '港務公司今天宣布碼頭擴建計畫第二期，將增設三座起重機並拓寬聯外道路，預計兩年內完工。' +
  '市議員質疑經費超出預期，要求市府說明財源，居民則希望工程期間減少夜間施工。';

const ORIGINAL_BODY =
  '山區小學今年只剩十二名學生，校長與家長會決定開放外地學童就讀，並推出週末自然課程。' +
  '鄉公所表示將補助交通車，教育處也承諾保留兩名代理教師的名額。';

const UNRELATED_BODY =
  '夜市攤商抱怨今年颱風接連來襲，營業天數比去年少了三成，自治會正與市府協商延長營業時間。' +
  '部分攤商改以外送平台接單，但抽成過高讓利潤所剩無幾。';

const CAP = 2;

interface Made {
  id: string;
  /** Days after 2025-06-01; null for an undated article. */
  day: number | null;
  body: string;
  /** Band keys shared with `like` (by index); the others are the article's own. */
  shares: number[];
  like: string[];
}

const dateOf = (day: number): string => new Date(Date.UTC(2025, 5, 1 + day, 1)).toISOString().slice(0, 10);

/** Articles as the store keeps them, band keys chosen: no DUPLICATE_OF among them. */
async function makeArticles(executor: Executor, made: Made[]): Promise<void> {
  const rows = made.map((m) => {
    const publishedAt = m.day === null ? null : `${dateOf(m.day)}T09:00:00+08:00`;
    return {
      id: m.id,
      url: `https://${SITE.host}/${m.id}`,
      title: `made ${m.id}`,
      titleKey: `made${m.id}`,
      body: m.body,
      lead: m.body,
      bodyHash: `hash-${m.id}`,
      language: 'zh-Hant',
      publishedAt,
      bandAt: publishedAt ?? '',
      hasBands: true,
      stub: false,
      ...Object.fromEntries(m.like.map((key, k) => [`band${k}`, m.shares.includes(k) ? key : `own-${m.id}-${k}`])),
    };
  });
  await executor.write({ cypher: 'UNWIND $rows AS row CREATE (a:Article) SET a = row', params: { rows } });
}

/** Nodes created and deleted first, so that the ids of what is created next are reused in another order. */
async function churnIds(executor: Executor, n: number): Promise<void> {
  await executor.write({ cypher: 'UNWIND range(1, $n) AS i CREATE (:Scratch {i: i})', params: { n } });
  await executor.write({ cypher: 'MATCH (s:Scratch) WHERE s.i % 3 <> 0 DELETE s', params: {} });
  await executor.write({ cypher: 'MATCH (s:Scratch) DELETE s', params: {} });
}

/** The made articles' ids in node-id order (what the index orders equal keys by). */
async function storageOrder(executor: Executor, ids: string[]): Promise<string[]> {
  const rows = await executor.read<{ id: string }>({
    cypher: `MATCH (a:Article) WHERE a.id IN $ids
             RETURN a.id AS id ORDER BY toInteger(last(split(elementId(a), ':')))`,
    params: { ids },
  });
  return rows.map((r) => r.id);
}

const originalOf = async (executor: Executor, id: string): Promise<string | null> => {
  const [row] = await executor.read<{ original: string | null }>({
    cypher: 'MATCH (a:Article {id: $id}) OPTIONAL MATCH (a)-[:DUPLICATE_OF]->(o:Article) RETURN o.id AS original',
    params: { id },
  });
  return row?.original ?? null;
};

const write = (executor: Executor, options: { id: string; day: number; body: string }) =>
  writeArticles(
    executor,
    [
      handMadeArticle(
        {
          id: options.id,
          title: `報導 ${options.id}`,
          publishedAt: `${dateOf(options.day)}T10:00:00+08:00`,
          body: options.body,
          entities: [],
        },
        SITE,
      ),
    ],
    { stories: false, bucketCap: CAP },
  );

let executor: Executor;
beforeAll(async () => {
  executor = await testExecutor();
});
afterAll(async () => {
  await resetGraph(executor);
  await executor.close();
});

describe('band seeks read the newest rows of a key, not the first node ids', () => {
  // eight articles with the probe's body, sharing only its first band key: more than the cap;
  // two of them on the same day, where the cap falls
  const PROBE_DAY = 10;
  const probeKeys = bandKeys(PROBE_BODY)!;
  const sharing: Made[] = [
    { id: 'm-early', day: 2 },
    { id: 'm-mid', day: 5 },
    { id: 'm-before', day: 8 },
    { id: 'm-tie-a', day: 9 },
    { id: 'm-tie-b', day: 9 },
    { id: 'm-next', day: 11 },
    { id: 'm-later', day: 14 },
    { id: 'm-undated', day: null },
  ].map((m) => ({ ...m, body: PROBE_BODY, shares: [0], like: probeKeys }));

  /** A fresh graph with the sharing articles created in `order`, then the probe written. */
  async function run(order: Made[], churn: number): Promise<{ storage: string[]; original: string | null }> {
    await resetGraph(executor);
    await churnIds(executor, churn);
    for (const m of order) await makeArticles(executor, [m]);
    const storage = await storageOrder(
      executor,
      order.map((m) => m.id),
    );
    await write(executor, { id: 'probe', day: PROBE_DAY, body: PROBE_BODY });
    return { storage, original: await originalOf(executor, 'probe') };
  }

  it('finds the same original whatever order the node ids were allocated in', async () => {
    const first = await run(sharing, 0);
    const second = await run([...sharing].reverse(), 0);
    const third = await run([sharing[3], sharing[6], sharing[0], sharing[7], sharing[4], sharing[1], sharing[5], sharing[2]], 23);
    // the allocations really differ: the index alone would hand the seek other first rows
    expect(second.storage).not.toEqual(first.storage);
    expect(third.storage).not.toEqual(first.storage);
    expect(third.storage).not.toEqual(second.storage);
    expect(second.original).toBe(first.original);
    expect(third.original).toBe(first.original);

    // read: the CAP newest dated before the bound (the start of the second day after the probe's),
    // ties by id from the largest; the earliest of those is the original (equal containment)
    const bound = dateOf(PROBE_DAY + 2);
    const read = sharing
      .filter((m) => m.day !== null && dateOf(m.day) < bound)
      .sort((x, y) => y.day! - x.day! || (x.id < y.id ? 1 : -1))
      .slice(0, CAP);
    const expected = [...read].sort((x, y) => x.day! - y.day! || (x.id < y.id ? -1 : 1))[0].id;
    expect(first.original).toBe(expected);
  });

  it('reads an undated article when its key is not busy', async () => {
    await resetGraph(executor);
    await makeArticles(executor, [{ id: 'only-undated', day: null, body: PROBE_BODY, shares: [0], like: probeKeys }]);
    await write(executor, { id: 'probe', day: PROBE_DAY, body: PROBE_BODY });
    expect(await originalOf(executor, 'probe')).toBe('only-undated');
  });

  it('still links a real copy when the keys it shares with its original are crowded by newer articles', async () => {
    await resetGraph(executor);
    await write(executor, { id: 'original', day: 3, body: ORIGINAL_BODY });
    // newer unrelated articles on two of the original's keys, more than the cap, all before the copy's bound
    const keys = bandKeys(ORIGINAL_BODY)!;
    await makeArticles(
      executor,
      Array.from({ length: 3 * CAP }, (_, i) => ({ id: `crowd-${i}`, day: 4 + (i % 3), body: UNRELATED_BODY, shares: [0, 1], like: keys })),
    );
    await write(executor, { id: 'copy', day: 5, body: `${ORIGINAL_BODY}\n（轉載）` });
    expect(await originalOf(executor, 'copy')).toBe('original');
  });

  it('leaves the batch’s later articles out before the cap, as writing them one by one would', async () => {
    await resetGraph(executor);
    await makeArticles(executor, [{ id: 'earlier', day: 1, body: PROBE_BODY, shares: [0], like: probeKeys }]);
    // the batch's later articles have the same body and date: on every key they are the newest
    // rows, and must not take the ones the first article's seeks read
    const items = ['first', 'second', 'third'].map((id) =>
      handMadeArticle({ id, title: `報導 ${id}`, publishedAt: `${dateOf(6)}T10:00:00+08:00`, body: PROBE_BODY, entities: [] }, SITE),
    );
    await writeArticles(executor, items, { stories: false, bucketCap: CAP });
    expect(await originalOf(executor, 'first')).toBe('earlier');
  });
});

describe("migration 'band-seek-order'", () => {
  const bandIndexes = async () =>
    (
      await executor.read<{ name: string; properties: string[]; state: string }>({
        cypher:
          "SHOW INDEXES YIELD name, properties, state WHERE name STARTS WITH 'article_band' RETURN name, properties, state ORDER BY name",
        params: {},
      })
    ).map((r) => `${r.name} ${r.properties.join(',')} ${r.state}`);

  it('replaces the key-only band indexes on a graph written before them, gives its articles bandAt, and copies are found again', async () => {
    await resetGraph(executor);
    await write(executor, { id: 'old-original', day: 3, body: ORIGINAL_BODY });
    await writeArticles(executor, [handMadeArticle({ id: 'old-undated', title: '舊報導', body: UNRELATED_BODY, entities: [] }, SITE)], {
      stories: false,
    });
    // the graph as the previous version left it
    await executor.write({ cypher: 'MATCH (a:Article) REMOVE a.bandAt', params: {} });
    for (let k = 0; k < 8; k++) await executor.runSchema(`CREATE INDEX article_band${k} IF NOT EXISTS FOR (a:Article) ON (a.band${k})`);
    await executor.write({ cypher: "MATCH (m:Migration {id: 'band-seek-order'}) DELETE m", params: {} });
    expect((await bandIndexes()).filter((line) => !line.includes('bandAt'))).toHaveLength(8);

    await applySchema(executor);
    const indexes = await bandIndexes();
    expect(indexes).toEqual(Array.from({ length: 8 }, (_, k) => `article_band${k}_at band${k},bandAt,id ONLINE`));
    const rows = await executor.read<{ id: string; bandAt: string | null }>({
      cypher: 'MATCH (a:Article) RETURN a.id AS id, a.bandAt AS bandAt ORDER BY id',
      params: {},
    });
    expect(rows).toEqual([
      { id: 'old-original', bandAt: `${dateOf(3)}T10:00:00+08:00` },
      { id: 'old-undated', bandAt: '' },
    ]);
    await write(executor, { id: 'new-copy', day: 4, body: `${ORIGINAL_BODY}\n（轉載）` });
    expect(await originalOf(executor, 'new-copy')).toBe('old-original');
    // run once: applying the schema again changes nothing
    await applySchema(executor);
    expect(await bandIndexes()).toEqual(indexes);
  });
});
