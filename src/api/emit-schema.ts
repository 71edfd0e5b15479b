import * as fs from 'node:fs';
import * as path from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { PROJECT_ROOT } from '../config';
import { createSchema } from './schema';

export const SCHEMA_FILE = path.join(PROJECT_ROOT, 'schema', 'schema.graphql');

/** The SDL committed in schema/schema.graphql: sorted, so that diffs only show real changes. */
export async function printedSchema(): Promise<string> {
  return `# Emitted from the type-graphql code by \`npm run emit-schema\`; do not edit by hand.\n\n${printSchema(
    lexicographicSortSchema(await createSchema()),
  )}\n`;
}

if (require.main === module) {
  printedSchema()
    .then((sdl) => {
      fs.writeFileSync(SCHEMA_FILE, sdl);
      console.log(`wrote ${path.relative(process.cwd(), SCHEMA_FILE)}`);
    })
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
