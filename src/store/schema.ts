import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Executor } from './executor';
import { BUILD_ARTICLE_DAYS } from './article-counts';
import { BUILD_ALL_WEEKS, FILL_MENTION_LISTS, RECOUNT_ALL } from './entity-counts';
import { int as neo4jInt } from 'neo4j-driver';
import { FILL_SUMMARY_LISTS, REBUILD_SUMMARIES } from './relation-summaries';
import { BANDS, FILL_BAND_AT, bandProperties, isUnspaced } from './fingerprint';

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

/** Articles read per transaction by migrations that page through them. */
const MIGRATION_PAGE = 1000;

/**
 * The MinHash bands of articles whose body is not mostly Chinese, Japanese or Korean, again:
 * their shingles became word trigrams (fingerprint.ts), and a band computed from character
 * trigrams would never meet one computed now. Pages through the articles by id (the unique
 * index, in order), one transaction per page; Chinese bodies keep the bands they have. Copies
 * already linked (DUPLICATE_OF) stay linked.
 */
async function recomputeSpacedBands(executor: Executor): Promise<void> {
  for (let after = ''; ;) {
    const page = await executor.read<{ id: string; body: string }>({
      cypher: 'MATCH (a:Article) WHERE a.id > $after AND a.body IS NOT NULL RETURN a.id AS id, a.body AS body ORDER BY a.id LIMIT $limit',
      params: { after, limit: neo4jInt(MIGRATION_PAGE) },
    });
    if (!page.length) return;
    after = page[page.length - 1].id;
    const rows = page.filter((r) => !isUnspaced(r.body)).map((r) => ({ id: r.id, bands: bandProperties(r.body) }));
    if (rows.length)
      await executor.write({ cypher: 'UNWIND $rows AS row MATCH (a:Article {id: row.id}) SET a += row.bands', params: { rows } });
  }
}

/**
 * Data migrations for graphs written by earlier versions, each run once (a `(:Migration {id})`
 * node records it), in batches so that a large graph does not need one huge transaction: Cypher
 * statements, or a function for work Cypher cannot do (hashing in JavaScript).
 */
export const MIGRATIONS: ({ id: string } & ({ cypher: string | string[] } | { run: (executor: Executor) => Promise<void> }))[] = [
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
  {
    // word shingles for text written with spaces (see store/fingerprint.ts)
    id: 'word-shingle-bands',
    run: recomputeSpacedBands,
  },
  {
    // band seeks read the newest articles of a key through (bandK, bandAt, id), not the first
    // ones in node-id order (see duplicateCandidates in store/article-writes.ts): the new
    // indexes come with the DDL; here the articles get bandAt, the old key-only indexes go,
    // and the new ones are waited for
    id: 'band-seek-order',
    cypher: [
      ...Array.from({ length: BANDS }, (_, k) => `DROP INDEX article_band${k} IF EXISTS`),
      FILL_BAND_AT,
      'CALL db.awaitIndexes(600)',
    ],
  },
  {
    // each article's mentions as two lists beside its edges (see MENTION_LISTS in store/entity-counts.ts)
    id: 'article-mention-lists',
    cypher: FILL_MENTION_LISTS,
  },
  {
    // one summary edge per (type, from, to, title) beside the evidence edges, with its first
    // sentences (see store/relation-summaries.ts); a new id when the sentences were added, so
    // that graphs summarised without them are summarised again
    id: 'relation-summaries-with-evidence',
    cypher: REBUILD_SUMMARIES,
  },
  {
    // per-entity counts per week (and its days) over all outlets (EntityWeek, see store/entity-counts.ts)
    id: 'entity-weeks',
    cypher: BUILD_ALL_WEEKS,
  },
  {
    // article counts per day, outlet and language, for list totals (ArticleDay, see store/article-counts.ts)
    id: 'article-day-counts',
    cypher: BUILD_ARTICLE_DAYS,
  },
  {
    // every relation summary keeps its first sentences, also one of few edges (store/relation-summaries.ts)
    id: 'summary-lists-everywhere',
    cypher: [FILL_SUMMARY_LISTS],
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

/** Migrations still running after this long are announced (they run once, but can take minutes on a large graph). */
const SLOW_MIGRATION_MS = 2000;

/**
 * Applies the DDL (idempotent, also when another process applies it at the same time), waits
 * until every index is online, then runs pending migrations; `log` hears of those that take long.
 */
export async function applySchema(executor: Executor, options: { ddlFile?: string; log?: (line: string) => void } = {}): Promise<void> {
  for (const statement of ddlStatements(fs.readFileSync(options.ddlFile ?? DDL_FILE, 'utf8'))) await runDdl(executor, statement);
  await executor.runSchema('CALL db.awaitIndexes(120)');
  const done = new Set(
    (await executor.read<{ id: string }>({ cypher: 'MATCH (m:Migration) RETURN m.id AS id', params: {} })).map((r) => r.id),
  );
  for (const m of MIGRATIONS) {
    if (done.has(m.id)) continue;
    const started = Date.now();
    const announce = setTimeout(
      () => options.log?.(`Migrating the graph (${m.id}): once, and it may take minutes on a large graph …`),
      SLOW_MIGRATION_MS,
    );
    try {
      if ('run' in m) await m.run(executor);
      else for (const statement of typeof m.cypher === 'string' ? [m.cypher] : m.cypher) await executor.runSchema(statement);
    } finally {
      clearTimeout(announce);
    }
    if (Date.now() - started >= SLOW_MIGRATION_MS)
      options.log?.(`Migration ${m.id} done in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    await executor.write({ cypher: 'MERGE (m:Migration {id: $id}) ON CREATE SET m.at = datetime()', params: { id: m.id } });
  }
}
