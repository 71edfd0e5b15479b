import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SRC, checkCypherSafety, checkStore, type SafetyReport } from './cypher-safety';

/**
 * No Cypher string in src/store is built from user input: a static check over the TypeScript
 * sources (see cypher-safety.ts for the rules). It is shown to fail on snippets that build Cypher
 * from a parameter in each way the rules know, and on src/store itself with one query changed to
 * interpolate a filter value instead of passing it as a parameter.
 */

const QUERY =
  'interface Query { cypher: string; params: Record<string, unknown> }\ninterface Executor { runSchema(c: string): Promise<void> }\n';

function checkSnippet(code: string): SafetyReport {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cypher-safety-'));
  try {
    const file = path.join(dir, 'snippet.ts');
    fs.writeFileSync(file, QUERY + code);
    return checkCypherSafety([file], () => true);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const lines = (r: SafetyReport): string[] => r.findings.map((f) => f.reason.split('\n')[0].replace(/^snippet\.ts:\d+ /, ''));

describe('the Cypher-from-input check', () => {
  it('finds every way a snippet builds Cypher from a parameter', () => {
    const report = checkSnippet(`
      export const byLabel = (label: string): Query => ({ cypher: \`MATCH (n:\${label}) RETURN n\`, params: {} });
      export function byId(id: string): Query { return { cypher: 'MATCH (n {id: "' + id + '"}) RETURN n', params: {} }; }
      const wrap = (s: string): string => s.trim();
      export const named = (name: string): Query => ({ cypher: \`RETURN '\${wrap(name)}' AS x\`, params: {} });
      export function sorted(order: string): Query {
        let by = 'n.id';
        if (order) by = order;
        return { cypher: \`MATCH (n) RETURN n ORDER BY \${by}\`, params: {} };
      }
      export function filtered(text: string): Query {
        const where = ['true'];
        where.push(\`n.name = '\${text}'\`);
        return { cypher: \`MATCH (n) WHERE \${where.join(' AND ')} RETURN n\`, params: {} };
      }
      const PROJECTION = (v: string): string => \`\${v} { .id }\`;
      export const leaky = (v: string): Query => ({ cypher: \`MATCH (n) RETURN \${PROJECTION(v)}\`, params: {} });
      export const hops = (n: number): Query => ({ cypher: \`MATCH p = ()-[*1..\${n}]-() RETURN p\`, params: {} });
      export const ddl = (ex: Executor, index: string) => ex.runSchema(\`CREATE INDEX \${index} IF NOT EXISTS FOR (n:X) ON (n.y)\`);
      // what the API would do with a request's arguments
      export function resolvers(args: { label: string; id: string; name: string; order: string; text: string; v: string; n: number; index: string }, ex: Executor) {
        return [byLabel(args.label), byId(args.id), named(args.name), sorted(args.order), filtered(args.text), leaky(args.v), hops(args.n), ddl(ex, args.index)];
      }
    `);
    expect(report.sinks).toBe(8);
    // every sink is reported, traced back to the request's arguments
    expect(lines(report)).toEqual(
      Array(8).fill(
        expect.stringMatching(/^`args: \{ label: string;.*`: a parameter of resolvers, which nothing in the checked files calls/),
      ),
    );
    // each finding is at its sink (byLabel, byId, named, sorted, filtered, leaky, hops, ddl) and says how the value got there
    expect(report.findings.map((f) => f.line)).toEqual([4, 5, 7, 11, 16, 19, 20, 21]);
    expect(report.findings[0].reason).toMatch(/passed as label of byLabel/);
    expect(report.findings[2].reason).toMatch(/passed as name of named[\s\S]*passed as s of wrap[\s\S]*returned by wrap/);
  });

  it('accepts what the store does: fixed maps, literal helpers, checked integers, choices between fixed texts', () => {
    const report = checkSnippet(`
      const LABELS: Record<string, string> = { person: 'Person', place: 'Place' };
      const TYPES = ['A', 'B'];
      const PROJECTION = (v: string): string => \`\${v} { .id }\`;
      export function page(o: { type?: string; order?: 'NAME' | 'COUNT'; depth: number; types?: string[]; text?: string }): Query {
        if (!Number.isInteger(o.depth) || o.depth < 1 || o.depth > 3) throw new RangeError('depth must be 1..3');
        const label = o.type ? LABELS[o.type] : 'Entity';
        const rels = (o.types?.length ? o.types : TYPES).map((t) => LABELS[t]).join('|');
        const where = ['true'];
        if (o.text) where.push('n.name CONTAINS $text');
        const order = o.order === 'NAME' ? 'ORDER BY n.name' : 'ORDER BY n.count DESC';
        const counts = Object.entries(LABELS).map(([k, l]) => \`MATCH (x:\${l}) RETURN '\${k}' AS k, count(x) AS c\`).join(' UNION ALL ');
        return {
          cypher: \`MATCH (n:\${label})-[:\${rels}*1..\${o.depth}]-() WHERE \${where.join(' AND ')} CALL () { \${counts} } RETURN \${PROJECTION('n')} \${order}\`,
          params: { text: o.text ?? null },
        };
      }
      export function loop(ex: Executor) {
        for (const t of TYPES) void ex.runSchema(\`CREATE INDEX i_\${t} IF NOT EXISTS FOR ()-[r:\${t}]-() ON (r.x)\`);
      }
      export const api = (args: { type?: string; depth: number; text?: string }, ex: Executor) => [page(args), loop(ex)];
    `);
    expect(report).toEqual({ sinks: 2, findings: [] });
  });

  it('finds nothing in src/store, where every value is a parameter', () => {
    const report = checkStore();
    expect(report.findings.map((f) => `${path.relative(SRC, f.file)}:${f.line}: ${f.reason}`)).toEqual([]);
    // not vacuous: every query builder of the store was looked at
    expect(report.sinks).toBeGreaterThanOrEqual(70);
  });

  it('fails on src/store with one filter value spelled into the Cypher instead of passed', () => {
    const file = path.join(SRC, 'store', 'queries.ts');
    const text = fs.readFileSync(file, 'utf8');
    const changed = text.replace(
      /where\.push\('\(toLower\(e\.name\) CONTAINS toLower\(\$nameContains\).*\n/,
      "where.push(`e.name CONTAINS '${f.nameContains}'`);\n",
    );
    expect(changed).not.toBe(text);
    const report = checkStore({ [file]: changed });
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({ file: expect.stringMatching(/queries\.ts$/), sink: 'cypher:' });
    expect(report.findings[0].reason).toMatch(
      /^entity\.resolver\.ts:\d+ `@Arg\('filter'.*`: a parameter of entities[\s\S]*passed as options of entitiesPage/,
    );
  });
});
