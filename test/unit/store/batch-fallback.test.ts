import { NewsGraphError } from '../../../src/domain/errors';
import type { Article, Extraction } from '../../../src/domain/types';
import { writeArticles, type WriteResult } from '../../../src/store/article-writes';
import type { Executor } from '../../../src/store/executor';

const item = (id: string): { article: Article; extraction: Extraction } => ({
  article: { id, title: id, authors: [], language: 'zh-Hant', paragraphs: ['內文。'], captions: [], tags: [], related: [] },
  extraction: { entities: [], mentions: [], relations: [], cooccurrences: [] },
});

/**
 * A fake executor: each write transaction answers with the next scripted outcome instead of
 * running its statements, so the fallback of writeArticles is seen without a database.
 */
function scripted(outcomes: unknown[]): { executor: Executor; transactions: () => number } {
  let n = 0;
  const executor = {
    writeTransaction: async () => {
      const next = outcomes[n++];
      if (next instanceof Error) throw next;
      return next;
    },
  } as Pick<Executor, 'writeTransaction'> as Executor;
  return { executor, transactions: () => n };
}

describe('writeArticles falls back to one transaction per article', () => {
  it('keeps a batch that commits as one transaction', async () => {
    const results: WriteResult[] = [
      { id: 'a', status: 'new' },
      { id: 'b', status: 'new' },
    ];
    const { executor, transactions } = scripted([results]);
    await expect(writeArticles(executor, [item('a'), item('b')])).resolves.toEqual(results);
    expect(transactions()).toBe(1);
  });

  it('writes each article alone when the batch fails, and reports only the bad one as failed', async () => {
    const bad = new Error('constraint violated');
    const { executor, transactions } = scripted([
      new Error('batch failed'),
      { id: 'a', status: 'new' },
      bad,
      { id: 'c', status: 'updated' },
    ]);
    const out = await writeArticles(executor, [item('a'), item('b'), item('c')]);
    expect(out).toEqual([
      { id: 'a', status: 'new' },
      { id: 'b', error: bad },
      { id: 'c', status: 'updated' },
    ]);
    expect(transactions()).toBe(4);
  });

  it('stops at an outage instead of failing every article one by one', async () => {
    const down = new NewsGraphError('UNAVAILABLE', 'The graph database is unavailable; try again shortly.');
    const { executor, transactions } = scripted([new Error('batch failed'), down, { id: 'b', status: 'new' }]);
    await expect(writeArticles(executor, [item('a'), item('b')])).rejects.toBe(down);
    expect(transactions()).toBe(2);
  });
});
