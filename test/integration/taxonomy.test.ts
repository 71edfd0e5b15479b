import { fromInput } from '../../src/ingest';
import { ingestArticle } from '../../src/pipeline/ingest-articles';
import { deleteArticle } from '../../src/store/article-writes';
import type { Executor } from '../../src/store/executor';
import { resetGraph, testExecutor } from './helpers';

/**
 * A topic's parents in the taxonomy that an article never names are no mentions of it: they
 * reach the graph as knowledge, Topic nodes linked by SUBTOPIC_OF, whatever order the articles
 * come in. The articles are short texts written for this test.
 */

let executor: Executor;

const recall = {
  url: 'https://example.test/taxonomy/recall',
  title: '罷免提議書送件',
  body: '連署團體今天送交罷免提議書，罷免門檻是否跨過，下月揭曉。提議人表示，罷免理由包括施政不力；被罷免人說尊重程序。',
  publishedAt: '2025-11-01',
  source: 'Taxonomy Wire',
};
const elections = {
  url: 'https://example.test/taxonomy/elections',
  title: '選舉委員會公告投票日',
  body: '選舉委員會今天公告，明年地方選舉的投票日訂在十一月底，選舉公報將提前寄送。',
  publishedAt: '2025-11-02',
  source: 'Taxonomy Wire',
};

const links = async (): Promise<string[]> =>
  (
    await executor.read<{ c: string; p: string }>({
      cypher: 'MATCH (c:Topic)-[:SUBTOPIC_OF]->(p:Topic) RETURN c.id AS c, p.id AS p ORDER BY c, p',
      params: {},
    })
  ).map((r) => `${r.c} -> ${r.p}`);

const topic = async (id: string) => {
  const [row] = await executor.read<{ mentionCount: number; mentions: number; name: string }>({
    cypher:
      'MATCH (t:Topic:Entity {id: $id}) RETURN t.name AS name, t.mentionCount AS mentionCount, COUNT { (t)<-[:MENTIONS]-() } AS mentions',
    params: { id },
  });
  return row;
};

beforeAll(async () => {
  executor = await testExecutor();
});
afterAll(async () => {
  await executor?.close();
});

describe('taxonomy topics the text never names', () => {
  it('are Topic nodes with no mention, linked up to the root', async () => {
    await resetGraph(executor);
    expect((await ingestArticle(executor, fromInput(recall, 'recall'))).status).toBe('new');
    expect(await topic('topic:recall-elections')).toMatchObject({ mentions: 1, mentionCount: 1 });
    expect(await topic('topic:elections')).toEqual({ name: '選舉', mentions: 0, mentionCount: 0 });
    expect(await links()).toEqual(
      expect.arrayContaining(['topic:recall-elections -> topic:elections', 'topic:elections -> topic:politics']),
    );
  });

  it('go with the last article whose topics sit under them', async () => {
    await resetGraph(executor);
    const a = await ingestArticle(executor, fromInput(recall, 'recall'));
    const b = await ingestArticle(executor, fromInput(elections, 'elections'));
    await deleteArticle(executor, b.id!);
    // 罷免 is still mentioned: 選舉 and 政治 above it stay, unmentioned
    expect(await topic('topic:elections')).toMatchObject({ mentions: 0, mentionCount: 0 });
    expect(await topic('topic:politics')).toBeDefined();
    await deleteArticle(executor, a.id!);
    const [{ n }] = await executor.read<{ n: number }>({ cypher: 'MATCH (t:Topic) RETURN count(t) AS n', params: {} });
    expect(n).toBe(0);
  });

  it('give the same SUBTOPIC_OF links in either ingest order', async () => {
    await resetGraph(executor);
    await ingestArticle(executor, fromInput(recall, 'recall'));
    await ingestArticle(executor, fromInput(elections, 'elections'));
    const forward = await links();
    expect(await topic('topic:elections')).toMatchObject({ mentions: 1, mentionCount: 1 });

    await resetGraph(executor);
    await ingestArticle(executor, fromInput(elections, 'elections'));
    await ingestArticle(executor, fromInput(recall, 'recall'));
    expect(await links()).toEqual(forward);
    expect(forward).toContain('topic:recall-elections -> topic:elections');
  });
});
