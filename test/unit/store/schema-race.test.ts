import { applySchema, ddlStatements, MIGRATIONS } from '../../../src/store/schema';
import type { Executor } from '../../../src/store/executor';

/**
 * Two processes applying the DDL at once: both see an index missing, and the commit of the
 * second fails with Neo4j's "already exists" codes. A fake executor answers the way the loser
 * of that race is answered, without a database.
 */
function racing(failWith: (statement: string) => string | undefined): { executor: Executor; ran: string[] } {
  const ran: string[] = [];
  const executor = {
    runSchema: async (cypher: string) => {
      ran.push(cypher);
      const code = failWith(cypher);
      if (code) throw Object.assign(new Error(`${code}: An equivalent index already exists`), { code });
    },
    // every migration already done: only the DDL runs
    read: async () => MIGRATIONS.map((m) => ({ id: m.id })),
    write: async () => [],
  } as Pick<Executor, 'runSchema' | 'read' | 'write'> as Executor;
  return { executor, ran };
}

describe('applySchema when another process applies it at the same time', () => {
  const statements = ddlStatements();

  it.each([
    'Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists',
    'Neo.ClientError.Schema.IndexAlreadyExists',
    'Neo.ClientError.Schema.ConstraintAlreadyExists',
  ])('takes %s on an IF NOT EXISTS statement as success and applies the rest', async (code) => {
    const { executor, ran } = racing((s) => (s.includes('article_url') || s.includes('entity_id') ? code : undefined));
    await expect(applySchema(executor)).resolves.toBeUndefined();
    // every statement ran, and the indexes were awaited after them
    expect(ran.slice(0, statements.length)).toEqual(statements);
    expect(ran[statements.length]).toMatch(/awaitIndexes/);
  });

  it('still fails on any other schema error', async () => {
    const { executor } = racing((s) => (s.includes('article_url') ? 'Neo.ClientError.Statement.SyntaxError' : undefined));
    await expect(applySchema(executor)).rejects.toThrow(/SyntaxError/);
  });
});
