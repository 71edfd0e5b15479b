import * as fs from 'node:fs';
import { printedSchema, SCHEMA_FILE } from '../../src/api/emit-schema';

describe('schema/schema.graphql', () => {
  it('matches the schema the type-graphql code builds (run `npm run emit-schema` after changing the API)', async () => {
    expect(fs.readFileSync(SCHEMA_FILE, 'utf8')).toBe(await printedSchema());
  });
});
