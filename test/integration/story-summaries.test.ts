import { deleteArticle, writeArticles, type WriteResult } from '../../src/store/article-writes';
import type { Executor } from '../../src/store/executor';
import { refreshStory } from '../../src/store/story-writes';
import { resetGraph, testExecutor } from './helpers';
import { handMadeArticle, type HandMadeOptions } from './hand-made';

/**
 * Story summaries on the real Neo4j: when articles join a story that existed before their batch,
 * its summary grows from them (no member is read again) if they come after all its members, and
 * is recomputed otherwise; new, merged and left stories are recomputed. Whatever the path, every
 * property must equal what the full recompute (refreshStory) gives: after each batch every story
 * is recomputed and compared. Articles are invented, with hand-made extractions.
 */

const item = (options: HandMadeOptions) => handMadeArticle(options, { host: 'summaries.test', defaultSource: '測試日報' });

type Props = Record<string, unknown>;

/** Every story's properties but its timestamps, by id. */
async function summaries(executor: Executor): Promise<Map<string, Props>> {
  const rows = await executor.read<{ id: string; props: Props }>({
    cypher: 'MATCH (s:Story) RETURN s.id AS id, properties(s) AS props ORDER BY id',
    params: {},
  });
  return new Map(
    rows.map((r) => {
      const { updatedAt, createdAt, ...rest } = r.props;
      void updatedAt;
      void createdAt;
      return [
        r.id,
        Object.fromEntries(
          Object.entries(rest).map(([k, v]) => [k, v === null || typeof v !== 'object' || Array.isArray(v) ? v : String(v)]),
        ),
      ];
    }),
  );
}

/** The summaries as they are, then as the full recompute of every story gives them: they must be equal. */
async function expectFullRecomputeUnchanged(executor: Executor): Promise<Map<string, Props>> {
  const before = await summaries(executor);
  expect(before.size).toBeGreaterThan(0);
  await executor.writeTransaction(async (run) => {
    for (const id of before.keys()) expect(await refreshStory(run, id)).toBe(true);
  });
  expect(await summaries(executor)).toEqual(before);
  return before;
}

async function setSource(executor: Executor, id: string, source: string): Promise<void> {
  await executor.write({ cypher: 'MATCH (a:Article {id: $id}) SET a.source = $source', params: { id, source } });
}

const PORT = ['person:乙議員', 'org:乙港務局', 'place:南灣', 'topic:港區擴建', 'topic:碼頭工程', 'country:TW'];
const LEFT = ['person:己', 'topic:北一', 'topic:北二', 'org:北三', 'place:北四', 'topic:北五'];
const RIGHT = ['person:己', 'topic:南一', 'topic:南二', 'org:南三', 'place:南四', 'topic:南五'];
const WIRE_BODY = Array.from(
  { length: 6 },
  (_, i) => `測試通訊社電 第${i}段：乙港務局公布南灣港區擴建計畫，碼頭工程將分三期進行，預計明年動工。`,
).join('\n');

describe('story summaries', () => {
  let executor: Executor;
  const results = new Map<string, WriteResult>();
  const write = async (batch: ReturnType<typeof item>[]): Promise<void> => {
    const out = (await writeArticles(executor, batch)) as WriteResult[];
    out.forEach((r) => results.set(r.id, r));
  };
  const storyOf = (id: string): string => results.get(id)!.story!.storyId;

  beforeAll(async () => {
    executor = await testExecutor();
    await resetGraph(executor);
    // background, so that a story's entities stay rare (at most a fifth of the articles) as it grows
    await write(
      Array.from({ length: 80 }, (_, i) =>
        item({
          id: `bg${i}`,
          title: `背景消息第${i}則`,
          publishedAt: `2025-09-${String((i % 28) + 1).padStart(2, '0')}`,
          entities: ['country:TW', `topic:bg${i}`],
        }),
      ),
    );
  });

  afterAll(async () => {
    await executor?.close();
  });

  it('a new story is summarised from its members', async () => {
    await write([
      item({
        id: 'port-1',
        title: '南灣港區擴建 乙議員質詢',
        publishedAt: '2025-11-10T08:00:00+08:00',
        source: '甲報',
        body: WIRE_BODY,
        entities: PORT,
      }),
      item({
        id: 'port-2',
        title: 'Harbour expansion questioned',
        language: 'en',
        publishedAt: '2025-11-10T09:00:00+08:00',
        source: 'Test Wire',
        entities: PORT.slice(0, 5),
      }),
    ]);
    expect(results.get('port-1')!.story!.kind).toBe('created');
    expect(storyOf('port-2')).toBe(storyOf('port-1'));
    const s = (await expectFullRecomputeUnchanged(executor)).get(storyOf('port-1'))!;
    expect(s).toMatchObject({ title: '南灣港區擴建 乙議員質詢', titleEn: 'Harbour expansion questioned', articleCount: 2, copies: 0 });
  });

  it('later articles joining grow the summary without reading its members: counts, last date, languages, outlets, title', async () => {
    // an outlet changed behind the story's back shows whether the members were read again
    await setSource(executor, 'port-1', '改過的報');
    await write([
      item({
        id: 'port-3',
        title: '南湾港区扩建 乙议员质询 码头工程',
        language: 'zh-Hans',
        publishedAt: '2025-11-11T10:00:00+08:00',
        source: '丙报',
        entities: PORT,
      }),
      item({
        id: 'port-4',
        title: '南灣港區擴建 乙議員質詢 碼頭工程再議',
        publishedAt: '2025-11-12T10:00:00+08:00',
        source: '甲報',
        entities: PORT,
      }),
      item({
        id: 'port-5',
        title: 'Harbour expansion questioned again',
        language: 'en',
        publishedAt: '2025-11-12T11:00:00+08:00',
        source: 'Other Wire',
        entities: PORT.slice(0, 5),
      }),
    ]);
    for (const id of ['port-3', 'port-4', 'port-5'])
      expect(results.get(id)!.story).toMatchObject({ kind: 'joined', storyId: storyOf('port-1') });
    const grown = (await summaries(executor)).get(storyOf('port-1'))!;
    expect(grown.outlets).toEqual(['甲報', 'Test Wire', '丙报', 'Other Wire']);
    expect(grown).toMatchObject({ articleCount: 5, lastSeen: '2025-11-12T11:00:00+08:00', languages: ['zh-Hant', 'en', 'zh-Hans'] });
    await setSource(executor, 'port-1', '甲報');
    await expectFullRecomputeUnchanged(executor);
  });

  it('an article earlier than the story’s last member makes the summary recomputed', async () => {
    await setSource(executor, 'port-1', '改過的報');
    await write([
      item({
        id: 'port-0',
        title: '南灣港區擴建 乙議員質詢前夕',
        publishedAt: '2025-11-10T07:00:00+08:00',
        source: '丁報',
        entities: PORT,
      }),
    ]);
    expect(results.get('port-0')!.story).toMatchObject({ kind: 'joined', storyId: storyOf('port-1') });
    const s = (await summaries(executor)).get(storyOf('port-1'))!;
    expect(s).toMatchObject({ title: '南灣港區擴建 乙議員質詢前夕', firstSeen: '2025-11-10T07:00:00+08:00', articleCount: 6 });
    expect(s.outlets).toEqual(['丁報', '改過的報', 'Test Wire', '丙报', '甲報', 'Other Wire']);
    await setSource(executor, 'port-1', '甲報');
    // the recompute read the changed outlet: summarise it again before comparing
    await executor.writeTransaction((run) => refreshStory(run, storyOf('port-1')));
    await expectFullRecomputeUnchanged(executor);
  });

  it('a copy, an undated article and an English original in one batch', async () => {
    await write([
      item({
        id: 'port-copy',
        title: '南灣港區擴建 乙議員質詢 計畫公布',
        publishedAt: '2025-11-13T08:00:00+08:00',
        source: '戊報',
        body: WIRE_BODY,
        entities: PORT,
      }),
      item({ id: 'port-undated', title: '南灣港區擴建 乙議員質詢 說明會', source: '己報', entities: PORT }),
      item({
        id: 'port-6',
        title: 'Harbour expansion questioned at hearing',
        language: 'en',
        publishedAt: '2025-11-13T09:00:00+08:00',
        source: 'Test Wire',
        entities: PORT,
      }),
    ]);
    expect(results.get('port-copy')!.duplicateOf).toBe('port-1');
    for (const id of ['port-copy', 'port-undated', 'port-6']) expect(storyOf(id)).toBe(storyOf('port-1'));
    const s = (await expectFullRecomputeUnchanged(executor)).get(storyOf('port-1'))!;
    expect(s.copies).toBe(1);
  });

  it('stories whose summary predates the tail properties are recomputed', async () => {
    await executor.write({
      cypher: 'MATCH (s:Story {id: $id}) REMOVE s.summaryTailAt, s.summaryTailId, s.summaryTitleRank SET s.outlets = ["舊的"]',
      params: { id: storyOf('port-1') },
    });
    await write([
      item({
        id: 'port-7',
        title: '南灣港區擴建 乙議員質詢 動工',
        publishedAt: '2025-11-14T08:00:00+08:00',
        source: '甲報',
        entities: PORT,
      }),
    ]);
    expect(storyOf('port-7')).toBe(storyOf('port-1'));
    expect((await summaries(executor)).get(storyOf('port-1'))!.outlets).not.toContain('舊的');
    await expectFullRecomputeUnchanged(executor);
  });

  it('an update, a delete and a bridging merge', async () => {
    // the update leaves its story and joins it again
    await write([
      item({
        id: 'port-4',
        title: '南灣港區擴建 乙議員質詢 碼頭工程再議（更新）',
        publishedAt: '2025-11-12T10:00:00+08:00',
        source: '甲報',
        body: '更新後的內文。',
        entities: PORT,
      }),
    ]);
    expect(results.get('port-4')!.status).toBe('updated');
    await expectFullRecomputeUnchanged(executor);
    await deleteArticle(executor, 'port-5');
    await expectFullRecomputeUnchanged(executor);

    await write([
      item({ id: 'left-1', title: '子丑寅卯', publishedAt: '2025-11-20', entities: LEFT }),
      item({ id: 'right-1', title: '辰巳午未', language: 'zh-Hans', publishedAt: '2025-11-21', entities: RIGHT }),
    ]);
    expect(storyOf('right-1')).not.toBe(storyOf('left-1'));
    await write([
      item({ id: 'left-2', title: '子丑寅卯續', publishedAt: '2025-11-22', source: '乙報', entities: LEFT }),
      item({ id: 'bridge', title: 'Both sides of it', language: 'en', publishedAt: '2025-11-22', entities: [...LEFT, ...RIGHT.slice(1)] }),
    ]);
    expect(results.get('bridge')!.story!.kind).toBe('merged');
    const merged = (await expectFullRecomputeUnchanged(executor)).get(storyOf('bridge'))!;
    expect(merged).toMatchObject({ articleCount: 4, languages: ['zh-Hant', 'zh-Hans', 'en'] });
  });
});
