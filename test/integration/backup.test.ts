import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ApiServer } from '../../src/api/server';
import type { Article, Entity, Extraction } from '../../src/domain/types';
import { writeArticle } from '../../src/store/article-writes';
import { addAlias, mergeEntities } from '../../src/store/entity-writes';
import { curateBlockForm, curateDeleteEntity } from '../../src/store/curation-writes';
import type { Executor } from '../../src/store/executor';
import { gql, resetGraph, runIngest, startTestApi, testExecutor, type CliRun } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { writeDocs } = require('../../scripts/generate-articles') as {
  writeDocs: (dir: string, o: { count: number; seed: string }) => { written: number };
};

const CLI = path.join(__dirname, '..', '..', 'dist', 'cli.js');

function cli(args: string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (c) => (stdout += c));
    child.stderr!.on('data', (c) => (stderr += c));
    child.once('exit', (status) => resolve({ status, stdout, stderr }));
  });
}

/** A hand-made article (short invented events), so that the test controls what stories share. */
function item(
  id: string,
  title: string,
  publishedAt: string,
  entityIds: string[],
  language = 'zh-Hant',
): { article: Article; extraction: Extraction } {
  const entities: Entity[] = entityIds.map((eid) => {
    const [prefix, name] = eid.split(':');
    return {
      id: eid,
      type: ({ person: 'person', org: 'organization', place: 'place' } as const)[prefix as 'person'] ?? 'topic',
      name,
      aliases: [],
    };
  });
  return {
    article: {
      id,
      url: `https://backup.test/${id}`,
      title,
      publishedAt,
      source: '備份日報',
      authors: [],
      language,
      paragraphs: [`${title}。`],
      captions: [],
      tags: ['備份'],
      related: [],
    },
    extraction: {
      entities,
      mentions: entityIds.map((eid, i) => ({ entityId: eid, count: i + 1, firstOffset: i, inHeadline: i === 0, salience: 0.5 })),
      relations: [{ type: 'MEMBER_OF', from: entityIds[0], to: entityIds[2], evidence: `${title}。`, confidence: 0.75 }],
      cooccurrences: [{ a: entityIds[0], b: entityIds[1], count: 2 }],
    },
  };
}

/**
 * Answers as sets, floats to 10 digits: where a query's order leaves ties, Neo4j breaks them by
 * storage order, which an import changes, and sums of floats in another order differ in the last
 * bit. Search asks for no score: Lucene's scores count the index's deleted documents too.
 */
function canonical(value: unknown): unknown {
  if (typeof value === 'number') return Number.isInteger(value) ? value : Number(value.toPrecision(10));
  if (Array.isArray(value)) return value.map(canonical).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, canonical(v)]));
  return value;
}

/** Every label and relationship type with its count, and what a reader of the API sees. */
async function everything(executor: Executor, url: string) {
  const [counts] = await executor.read({
    cypher: `
      CALL () { MATCH (n) UNWIND labels(n) AS l WITH l, count(*) AS c ORDER BY l RETURN collect([l, c]) AS labels }
      CALL () { MATCH ()-[r]->() WITH type(r) AS t, count(*) AS c ORDER BY t RETURN collect([t, c]) AS types }
      RETURN labels, types`,
    params: {},
  });
  const [top] = await executor.read<{ id: string }>({
    cypher: 'MATCH (e:Entity)<-[m:MENTIONS]-() WITH e, count(m) AS n ORDER BY n DESC, e.id LIMIT 1 RETURN e.id AS id',
    params: {},
  });
  const [anArticle] = await executor.read<{ id: string }>({
    cypher: 'MATCH (a:Article)-[:LINKS_TO|DUPLICATE_OF]-() WHERE coalesce(a.stub, false) = false RETURN a.id AS id ORDER BY a.id LIMIT 1',
    params: {},
  });
  const ENTITY = 'id name type aliases nameEn mentionCount';
  // one request per root field, one after another: each is one statement on a busy machine
  const fields = [
    'stats { articles firstPublished lastPublished entities { type count } relations { type count } }',
    `articles(first: 100) { totalCount nodes { id title url publishedAt source language lead body authors { name role } tags
      mentions { count firstOffset inHeadline salience entity { id } } story { id title } } }`,
    `entities(first: 100, orderBy: NAME) { totalCount nodes { ${ENTITY} } }`,
    `entity(id: "person:備份乙") { ${ENTITY} }`,
    'relations(first: 100) { totalCount nodes { type title confidence firstStated lastStated from { id } to { id } evidence { sentence confidence article { id } } } }',
    'stories(first: 100) { totalCount nodes { id title titleEn articleCount copies languages outlets firstSeen lastSeen follows { story { id } score } } }',
    'search(query: "備份", first: 100) { entity { id } article { id } }',
    'article(id: $article) { relatedArticles(first: 20) { link score article { id } } }',
    'neighborhood(id: $top, depth: 1, limit: 50) { nodes { id } edges { from to type weight } }',
    'cooccurrences(id: $top, first: 100) { entity { id } count npmi }',
    'timeline(ids: [$top], interval: MONTH) { entity { id } points { bucket articles mentions } }',
    'trending(from: "2025-01-01", to: "2025-12-31", first: 20) { entity { id } current previous score }',
  ];
  const answers: Record<string, unknown>[] = [];
  for (const field of fields) {
    const vars = [field.includes('$top') ? '$top: ID!' : '', field.includes('$article') ? '$article: ID!' : ''].filter(Boolean).join(', ');
    const res = await gql(url, `query${vars ? `(${vars})` : ''} { ${field} }`, { top: top.id, article: anArticle.id });
    expect({ field, errors: res.errors }).toEqual({ field, errors: undefined });
    answers.push(canonical(res.data) as Record<string, unknown>);
  }
  return { counts, answers };
}

/**
 * newsgraph export > graph.ndjson, then newsgraph import graph.ndjson into an emptied database:
 * the same nodes, relationships and properties (a second export is the same file), the same
 * answers from the API; a second import changes nothing; a bad line is named and writes nothing;
 * an import that stopped half-way is finished by running it again.
 */
describe('backup and moving house: export, then import into an empty database', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-backup-'));
  const file = path.join(dir, 'graph.ndjson');
  const env = { ...process.env, NEO4J_URI: process.env.NEWSGRAPH_TEST_NEO4J_URI };
  let executor: Executor;
  let api: ApiServer;
  let before: Awaited<ReturnType<typeof everything>>;

  beforeAll(async () => {
    executor = await testExecutor();
    api = await startTestApi(executor);
    await resetGraph(executor);
    // generated pages through the command line (duplicates, teaser stubs, outlets, relations) ...
    writeDocs(path.join(dir, 'pages'), { count: 30, seed: 'backup' });
    expect((await runIngest([path.join(dir, 'pages')], env)).status).toBe(0);
    // ... a bridging article that merges two stories (StoryRedirect), and a curated entity merge (Redirect)
    const left = ['person:備份甲', 'topic:備份左一', 'org:備份左二', 'place:備份左三', 'topic:備份左四', 'topic:備份左五'];
    const right = ['person:備份甲', 'topic:備份右一', 'org:備份右二', 'place:備份右三', 'topic:備份右四', 'topic:備份右五'];
    const aItem = item('backup-a', '子丑寅卯備份', '2025-11-10', left);
    const a = await writeArticle(executor, aItem.article, aItem.extraction);
    const bItem = item('backup-b', '辰巳午未備份', '2025-11-11', right, 'zh-Hans');
    await writeArticle(executor, bItem.article, bItem.extraction);
    const mItem = item('backup-m', 'Both halves backed up', '2025-11-11', [...left, ...right.slice(1)], 'en');
    const m = await writeArticle(executor, mItem.article, mItem.extraction);
    expect(m.story?.kind).toBe('merged');
    expect(m.story?.storyId).toBe(a.story?.storyId);
    const other = item('backup-c', '申酉戌亥備份', '2025-11-12', ['person:備份乙', 'topic:備份左一', 'org:備份左二']);
    await writeArticle(executor, other.article, other.extraction);
    expect(await mergeEntities(executor, 'person:備份甲', 'person:備份乙')).not.toBeNull();
    expect(await addAlias(executor, 'person:備份甲', '甲先生')).not.toBeNull();
    // ... and an editor's rules with their audit trail (Edit, DeletedEntity, BlockedForm)
    await curateDeleteEntity(executor, { id: 'topic:備份右五', actor: 'backup-test' });
    await curateBlockForm(executor, { type: 'topic', surface: '備份雜訊', blocked: true, actor: 'backup-test' });
    before = await everything(executor, api.url);
  }, 240000);

  afterAll(async () => {
    await api?.stop();
    await executor?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('holds every label and relationship type the store writes', () => {
    const labels = Object.fromEntries(before.counts.labels as [string, number][]);
    const types = Object.fromEntries(before.counts.types as [string, number][]);
    for (const l of [
      'Article',
      'Entity',
      'Person',
      'Organization',
      'Place',
      'Topic',
      'Country',
      'Outlet',
      'Story',
      'StoryRedirect',
      'Redirect',
      'Edit',
      'DeletedEntity',
      'BlockedForm',
      'Change',
    ]) {
      expect({ l, n: labels[l] > 0 }).toEqual({ l, n: true });
    }
    for (const t of [
      'MENTIONS',
      'CREDITS',
      'LINKS_TO',
      'DUPLICATE_OF',
      'PUBLISHED_BY',
      'IN_STORY',
      'SUBTOPIC_OF',
      'MEMBER_OF',
      'HOLDS_ROLE',
    ]) {
      expect({ t, n: types[t] > 0 }).toEqual({ t, n: true });
    }
    // the merged-away entity still answers, with the entity it went into
    expect(before.answers[3].entity).toMatchObject({ id: 'person:備份甲' });
  });

  it('round-trips: identical counts, identical answers, the same file when exported again; a second import changes nothing', async () => {
    const exported = await cli(['export', '--out', file], env);
    expect(exported).toMatchObject({ status: 0 });
    expect(exported.stderr).toMatch(
      /exported \d+ nodes \(Article \d+, Entity \d+, Outlet \d+, Redirect 1, Story \d+, StoryRedirect 1, Edit 2, EditCounter 1, DeletedEntity 1, BlockedForm 1, Change \d+, Migration \d+\)/,
    );

    await resetGraph(executor);
    const imported = await cli(['import', file], env);
    expect({ status: imported.status, stderr: imported.stderr }).toEqual({ status: 0, stderr: expect.stringContaining('checked') });
    expect(imported.stdout).not.toMatch(/already there/);
    const after = await everything(executor, api.url);
    expect(after.counts).toEqual(before.counts);
    expect(after.answers).toEqual(before.answers);

    const again = await cli(['import', file], env);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/; (\d+) relationship\(s\) were already there/);
    expect((await everything(executor, api.url)).counts).toEqual(before.counts);

    const second = path.join(dir, 'second.ndjson');
    expect((await cli(['export', '--out', second], env)).status).toBe(0);
    const body = (f: string): string[] => fs.readFileSync(f, 'utf8').split('\n').slice(1);
    expect(body(second)).toEqual(body(file));
  });

  it('refuses a damaged or cut file before writing anything, naming the line', async () => {
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const broken = path.join(dir, 'broken.ndjson');
    await resetGraph(executor);
    fs.writeFileSync(
      broken,
      [...lines.slice(0, 5), '{"type":"node","label":"Article","props":{"id":"x","n":{"deep":1}}}', ...lines.slice(5)].join('\n'),
    );
    const bad = await cli(['import', broken], env);
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim()).toBe(
      `newsgraph: ${broken}:6: Article.n must be a string, a number, a boolean or a list of one of them, not object`,
    );
    fs.writeFileSync(broken, lines.slice(0, Math.floor(lines.length / 2)).join('\n'));
    const cut = await cli(['import', broken], env);
    expect(cut.status).toBe(1);
    expect(cut.stderr).toMatch(/without its last line \("end"\): the export was cut short/);
    expect(cut.stderr).not.toMatch(/\n\s+at /);
    const [{ n }] = await executor.read<{ n: number }>({ cypher: 'MATCH (n) RETURN count(n) AS n', params: {} });
    expect(n).toBe(0);
  });

  it('writes one batch per transaction: an import stopped by a bad batch keeps the batches before it, and running it again finishes it', async () => {
    await resetGraph(executor);
    const lines = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean);
    const firstRel = lines.findIndex((l) => l.includes('"type":"rel"'));
    const relLine = JSON.parse(lines[firstRel]) as { to: string };
    // a file whose first relationship points at a node it does not hold (valid line by line)
    const dangling = path.join(dir, 'dangling.ndjson');
    const patched = [...lines];
    patched[firstRel] = lines[firstRel].replace(JSON.stringify(relLine.to), JSON.stringify('nowhere:0'));
    fs.writeFileSync(dangling, `${patched.join('\n')}\n`);
    const stopped = await cli(['import', dangling, '--batch-size', '50'], env);
    expect(stopped.status).toBe(1);
    expect(stopped.stderr.trim().split('\n').pop()).toMatch(
      new RegExp(
        `^newsgraph: ${dangling.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${firstRel + 1}: \\w+ from .* to "nowhere:0": there is no \\w+ "nowhere:0"`,
      ),
    );
    // the node batches before it committed; none of the relationships of its batch did
    const [partial] = await executor.read<{ nodes: number; rels: number }>({
      cypher: 'CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS rels } RETURN nodes, rels',
      params: {},
    });
    expect(partial.nodes).toBeGreaterThan(0);
    expect(partial.rels).toBe(0);
    const finished = await cli(['import', file, '--batch-size', '50'], env);
    expect(finished.status).toBe(0);
    const after = await everything(executor, api.url);
    expect(after.counts).toEqual(before.counts);
    expect(after.answers).toEqual(before.answers);
  });
});
