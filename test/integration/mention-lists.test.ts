import { writeArticle } from '../../src/store/article-writes';
import { curateMergeEntities, curateSplitEntity } from '../../src/store/curation-writes';
import { undoEdit } from '../../src/store/edits';
import type { Executor } from '../../src/store/executor';
import { resetGraph, testExecutor } from './helpers';
import { handMadeArticle, type HandMadeOptions } from './hand-made';

/**
 * Each article keeps its mentions as two lists beside its MENTIONS edges (mentionEntityIds,
 * mentionSaliences), and story assignment reads a candidate's entities from them. On the real
 * Neo4j: ingestion keeps them in step with the edges; a curator's split, merge and undo, which
 * move edges, never leave story assignment reading lists that disagree with the edges; and
 * lists that name an entity that is gone are not trusted.
 */

const item = (options: HandMadeOptions) => handMadeArticle(options, { host: 'lists.test', defaultSource: 'List Daily' });
const write = (executor: Executor, options: HandMadeOptions) => {
  const x = item(options);
  return writeArticle(executor, x.article, x.extraction);
};

async function listsAndEdges(executor: Executor, id: string) {
  const [row] = await executor.read<{ ids: string[] | null; saliences: number[] | null; edges: [string, number][] }>({
    cypher: `MATCH (a:Article {id: $id})
             RETURN a.mentionEntityIds AS ids, a.mentionSaliences AS saliences,
                    [(a)-[m:MENTIONS]->(e:Entity) | [e.id, m.salience]] AS edges`,
    params: { id },
  });
  return row;
}

const storyOf = async (executor: Executor, id: string): Promise<string | null> =>
  (
    await executor.read<{ id: string }>({
      cypher: 'MATCH (:Article {id: $id})-[:IN_STORY]->(s:Story) RETURN s.id AS id',
      params: { id },
    })
  )[0]?.id ?? null;

/** Background articles so that the hub is common and the test entities rare. */
async function background(executor: Executor): Promise<void> {
  for (let i = 0; i < 10; i++)
    await write(executor, {
      id: `lbg${i}`,
      title: `地方雜訊第${i}則`,
      publishedAt: `2025-08-${String(i + 1).padStart(2, '0')}`,
      entities: ['country:TW', `topic:雜訊${i}`],
    });
}

describe('mention lists beside the MENTIONS edges', () => {
  let executor: Executor;

  beforeAll(async () => {
    executor = await testExecutor();
  });

  beforeEach(async () => {
    await resetGraph(executor);
    await background(executor);
  });

  afterAll(async () => {
    await executor?.close();
  });

  it('are written with the edges and rewritten when the article changes', async () => {
    await write(executor, {
      id: 'l1',
      title: '丁議員質詢港區開發',
      publishedAt: '2025-10-01',
      entities: ['person:丁議員', 'place:港區', 'topic:港區開發'],
    });
    let row = await listsAndEdges(executor, 'l1');
    expect(row.ids).not.toBeNull();
    expect(new Map(row.ids!.map((id, i) => [id, row.saliences![i]]))).toEqual(new Map(row.edges));
    expect(row.ids!.sort()).toEqual(['person:丁議員', 'place:港區', 'topic:港區開發']);

    // an update with other entities: the lists follow the edges
    await write(executor, {
      id: 'l1',
      title: '丁議員改談校園安全',
      publishedAt: '2025-10-01',
      entities: ['person:丁議員', 'topic:校園安全'],
    });
    row = await listsAndEdges(executor, 'l1');
    expect(new Map(row.ids!.map((id, i) => [id, row.saliences![i]]))).toEqual(new Map(row.edges));
    expect(row.ids!.sort()).toEqual(['person:丁議員', 'topic:校園安全']);

    // an update that mentions nothing: empty lists, not the old ones
    await write(executor, { id: 'l1', title: '無關的短訊', publishedAt: '2025-10-01', entities: [] });
    row = await listsAndEdges(executor, 'l1');
    expect(row.edges).toEqual([]);
    expect(row.ids).toEqual([]);
    expect(row.saliences).toEqual([]);
  });

  it("after a curator's split, the next article of the event joins the story through the split-off entity", async () => {
    // two different people share a name; the curator splits the one of this event off
    await write(executor, {
      id: 'split-other',
      title: '戊先生出席書展',
      publishedAt: '2025-09-20',
      entities: ['person:戊先生', 'topic:書展'],
    });
    await write(executor, {
      id: 'split-a',
      title: '戊先生當選漁會理事長',
      publishedAt: '2025-10-02',
      entities: ['person:戊先生', 'org:漁會', 'country:TW'],
    });
    await curateSplitEntity(executor, { id: 'person:戊先生', articleIds: ['split-a'], name: '戊先生（漁會）', actor: 'test' });
    const row = await listsAndEdges(executor, 'split-a');
    expect(row.edges.map(([id]) => id).sort()).toEqual(['country:TW', 'org:漁會', 'person:戊先生（漁會）']);
    // the lists no longer say what the edges do not: gone, or the same as the edges
    if (row.ids !== null) expect(row.ids.sort()).toEqual(row.edges.map(([id]) => id).sort());

    // the next report names the split-off person and a topic only it has: the person is what they share
    await write(executor, {
      id: 'split-b',
      title: '戊先生當選漁會理事長 誓言改革',
      publishedAt: '2025-10-03',
      entities: ['person:戊先生（漁會）', 'topic:漁會改革', 'country:TW'],
    });
    expect(await storyOf(executor, 'split-b')).toBe(await storyOf(executor, 'split-a'));
  });

  it('after a merge and its undo, story assignment reads the edges as they are', async () => {
    await write(executor, {
      id: 'merge-a',
      title: '己市長宣布捷運延伸',
      publishedAt: '2025-10-05',
      entities: ['person:己市長', 'topic:捷運延伸', 'country:TW'],
    });
    await write(executor, {
      id: 'merge-c',
      title: '己市長視察工地',
      publishedAt: '2025-09-01',
      entities: ['person:己市長（舊名）', 'topic:工地視察'],
    });
    const merged = await curateMergeEntities(executor, { keepId: 'person:己市長（舊名）', mergeId: 'person:己市長', actor: 'test' });
    let row = await listsAndEdges(executor, 'merge-a');
    if (row.ids !== null) expect(row.ids.sort()).toEqual(row.edges.map(([id]) => id).sort());
    await undoEdit(executor, merged.edit.id, 'test');
    row = await listsAndEdges(executor, 'merge-a');
    expect(row.edges.map(([id]) => id).sort()).toEqual(['country:TW', 'person:己市長', 'topic:捷運延伸']);
    if (row.ids !== null) expect(row.ids.sort()).toEqual(row.edges.map(([id]) => id).sort());

    await write(executor, {
      id: 'merge-b',
      title: '己市長宣布捷運延伸 明年動工',
      publishedAt: '2025-10-06',
      entities: ['person:己市長', 'topic:動工時程', 'country:TW'],
    });
    expect(await storyOf(executor, 'merge-b')).toBe(await storyOf(executor, 'merge-a'));
  });

  it('are not trusted when they name an entity that is gone: the edges are read instead', async () => {
    await write(executor, {
      id: 'stale-a',
      title: '庚教授獲頒科學獎',
      publishedAt: '2025-10-08',
      entities: ['person:庚教授', 'topic:科學獎', 'country:TW'],
    });
    // as a writer that moved the edges but forgot the lists would leave them
    await executor.write({
      cypher: `MATCH (a:Article {id: 'stale-a'})
               SET a.mentionEntityIds = ['person:不存在的人', 'topic:不存在的題目'], a.mentionSaliences = [0.5, 0.5]`,
      params: {},
    });
    await write(executor, {
      id: 'stale-b',
      title: '庚教授獲頒科學獎 分享研究心得',
      publishedAt: '2025-10-09',
      entities: ['person:庚教授', 'topic:研究心得', 'country:TW'],
    });
    expect(await storyOf(executor, 'stale-b')).toBe(await storyOf(executor, 'stale-a'));
  });
});
