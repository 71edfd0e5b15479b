import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Executor } from './executor';
import { RECOUNT_ALL } from './entity-counts';

/** schema/neo4j.cypher of this package (from src/store and dist/store alike); callers may pass another. */
export const DDL_FILE = path.resolve(__dirname, '..', '..', 'schema', 'neo4j.cypher');

/** The DDL statements of schema/neo4j.cypher, comments stripped. */
export function ddlStatements(text = fs.readFileSync(DDL_FILE, 'utf8')): string[] {
  return text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Data migrations for graphs written by earlier versions, each run once (a `(:Migration {id})`
 * node records it), in batches so that a large graph does not need one huge transaction.
 */
export const MIGRATIONS: { id: string; cypher: string | string[] }[] = [
  {
    // the story lookup reads story membership from the article (see store/story-writes.ts)
    id: 'article-story-id',
    cypher: `MATCH (a:Article)-[:IN_STORY]->(s:Story) WHERE a.storyId IS NULL OR a.storyId <> s.id
             CALL (a, s) { SET a.storyId = s.id } IN TRANSACTIONS OF 5000 ROWS`,
  },
  {
    // co-occurrence is derived from shared MENTIONS when read; the per-article edges only cost
    id: 'drop-co-occurs',
    cypher: `MATCH ()-[r:CO_OCCURS]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS`,
  },
  {
    // per-entity counts kept at write time (see store/entity-counts.ts)
    id: 'entity-mention-count',
    cypher: RECOUNT_ALL,
  },
  {
    // per-entity, per-day counts (EntityDay) and what each article is credited as (see store/entity-counts.ts)
    id: 'entity-day-counts',
    cypher: RECOUNT_ALL,
  },
];

/**
 * Neo4j's answers when an index or constraint that IF NOT EXISTS asked for was created by someone
 * else in the meantime: two processes applying the DDL at once both see it missing, and the
 * second one's commit fails ("An equivalent index already exists").
 */
const ALREADY_EXISTS =
  /^Neo\.ClientError\.Schema\.(EquivalentSchemaRuleAlreadyExists|IndexAlreadyExists|ConstraintAlreadyExists|IndexWithNameAlreadyExists|ConstraintWithNameAlreadyExists)$/;

/** Runs one DDL statement; for an IF NOT EXISTS statement, losing that race is success: what it asked for is there. */
async function runDdl(executor: Executor, statement: string): Promise<void> {
  try {
    await executor.runSchema(statement);
  } catch (err) {
    const code = (err as { code?: string })?.code ?? '';
    if (/\bIF\s+NOT\s+EXISTS\b/i.test(statement) && ALREADY_EXISTS.test(code)) return;
    throw err;
  }
}

/** Applies the DDL (idempotent, also when another process applies it at the same time), waits until every index is online, then runs pending migrations. */
export async function applySchema(executor: Executor, options: { ddlFile?: string } = {}): Promise<void> {
  for (const statement of ddlStatements(fs.readFileSync(options.ddlFile ?? DDL_FILE, 'utf8'))) await runDdl(executor, statement);
  await executor.runSchema('CALL db.awaitIndexes(120)');
  const done = new Set(
    (await executor.read<{ id: string }>({ cypher: 'MATCH (m:Migration) RETURN m.id AS id', params: {} })).map((r) => r.id),
  );
  for (const m of MIGRATIONS) {
    if (done.has(m.id)) continue;
    for (const statement of typeof m.cypher === 'string' ? [m.cypher] : m.cypher) await executor.runSchema(statement);
    await executor.write({ cypher: 'MERGE (m:Migration {id: $id}) ON CREATE SET m.at = datetime()', params: { id: m.id } });
  }
}
