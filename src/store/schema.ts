import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROJECT_ROOT } from '../config';
import type { Executor } from './executor';

export const DDL_FILE = path.join(PROJECT_ROOT, 'schema', 'neo4j.cypher');

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

/** Applies the DDL (idempotent) and waits until every index is online. */
export async function applySchema(executor: Executor): Promise<void> {
  for (const statement of ddlStatements()) await executor.runSchema(statement);
  await executor.runSchema('CALL db.awaitIndexes(120)');
}
