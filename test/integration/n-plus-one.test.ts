import { fromInput } from '../../src/ingest';
import { ingestArticle } from '../../src/pipeline/ingest-articles';
import type { ApiServer } from '../../src/api/server';
import type { Executor } from '../../src/store/executor';
import { gql, resetGraph, startTestApi, testExecutor } from './helpers';

/** Nested fields are batched per request level: the statement count does not grow with the page. */
describe('no N+1 queries', () => {
  let executor: Executor;
  let api: ApiServer;

  beforeAll(async () => {
    executor = await testExecutor();
    await resetGraph(executor);
    for (let i = 1; i <= 6; i++) {
      await ingestArticle(
        executor,
        fromInput(
          {
            url: `https://example.test/n1/${i}`,
            title: `外交部長林佳龍第${i}次說明台美合作`,
            body: `外交部長林佳龍今天在立法院說明台美合作，美國與日本也關注。第${i}則。`,
            publishedAt: `2025-11-0${i}`,
            source: 'NewsGraph sample',
          },
          `n1-${i}`,
        ),
      );
    }
    // no change-feed polls on this executor while statements are counted
    api = await startTestApi(executor, undefined, { changeFeed: false });
  });

  afterAll(async () => {
    await api?.stop();
    await executor?.close();
  });

  const NESTED = `query($n: Int!) {
    articles(first: $n) { nodes { id mentions { count entity { id name relations(first: 10) { type to { id } evidence { sentence } } } } } }
  }`;

  async function statementsFor(n: number): Promise<number> {
    const before = executor.statementCount;
    const res = await gql(api.url, NESTED, { n });
    expect(res.errors).toBeUndefined();
    expect(res.data!.articles.nodes).toHaveLength(n);
    expect(res.data!.articles.nodes[0].mentions.length).toBeGreaterThan(0);
    return executor.statementCount - before;
  }

  it('runs the same number of Cypher statements for 2 and for 6 articles', async () => {
    const small = await statementsFor(2);
    const large = await statementsFor(6);
    expect(large).toBe(small);
    // articles page, mentions of all articles, relations of all entities (+ evidence articles when asked)
    expect(small).toBeLessThanOrEqual(4);
  });

  it('reads the bodies a list asks for by id, one statement for the whole page, as article(id) has them', async () => {
    const page = async (n: number) => {
      const before = executor.statementCount;
      const res = await gql(api.url, 'query($n: Int!) { articles(first: $n) { nodes { id title body } } }', { n });
      expect(res.errors).toBeUndefined();
      return { nodes: res.data!.articles.nodes as { id: string; body: string | null }[], statements: executor.statementCount - before };
    };
    const [small, large] = [await page(2), await page(6)];
    expect(large.nodes).toHaveLength(6);
    // the page, then one read of the page's bodies by id
    expect(small.statements).toBe(2);
    expect(large.statements).toBe(2);
    for (const node of large.nodes) {
      const one = await gql(api.url, 'query($id: ID!) { article(id: $id) { body } }', { id: node.id });
      expect(node.body).toBe(one.data!.article.body);
      expect(node.body?.length).toBeGreaterThan(0);
    }
    // without the body the page is one statement
    const before = executor.statementCount;
    await gql(api.url, '{ articles(first: 6) { nodes { id title } } }');
    expect(executor.statementCount - before).toBe(1);
  });
});
