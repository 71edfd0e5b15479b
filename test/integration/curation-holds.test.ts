import type { ApiServer } from '../../src/api/server';
import type { Relation } from '../../src/domain/types';
import { deleteArticle, writeArticle } from '../../src/store/article-writes';
import { holdersOf } from '../../src/store/curation-writes';
import type { Executor } from '../../src/store/executor';
import { gql, resetGraph, startTestApi, testExecutor } from './helpers';
import { handMadeArticle, type HandMadeOptions } from './hand-made';

/**
 * Corrections that hold against what ingestion does later, on the real Neo4j through the real
 * API: articles joining, leaving and merging stories; an undo after ingestion touched the same
 * entity; a rejected relation whose ends are merged afterwards; the alias-conflict check as an
 * index lookup. Articles are written with hand-made extractions of short invented events (as in
 * stories.test.ts), so each test controls what is shared; the corrections go through the API.
 */

const auth = { authorization: 'Bearer holds-secret' };
let executor: Executor;
let api: ApiServer;

const item = (options: HandMadeOptions) => handMadeArticle(options, { host: 'holds.test', defaultSource: 'Test Daily' });

const write = (x: ReturnType<typeof item>) => writeArticle(executor, x.article, x.extraction);
const role = (from: string, to: string, title = '董事長'): Relation => ({
  type: 'HOLDS_ROLE',
  from,
  to,
  title,
  evidence: `${from} ${title}`,
  confidence: 0.9,
});

async function ok<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await gql(api.url, query, variables, auth);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data as T;
}

const mentionsOf = async (articleId: string): Promise<string[]> =>
  (
    await executor.read<{ id: string }>({
      cypher: 'MATCH (:Article {id: $articleId})-[:MENTIONS]->(e) RETURN e.id AS id ORDER BY id',
      params: { articleId },
    })
  ).map((r) => r.id);

const storyOf = async (articleId: string): Promise<string | null> =>
  (
    await executor.read<{ id: string }>({
      cypher: 'MATCH (:Article {id: $articleId})-[:IN_STORY]->(s:Story) RETURN s.id AS id',
      params: { articleId },
    })
  )[0]?.id ?? null;

/** HOLDS_ROLE edges between two entities, as "articleId" (or "editor") per edge. */
const roles = async (from: string, to: string): Promise<string[]> =>
  (
    await executor.read<{ a: string }>({
      cypher: 'MATCH (:Entity {id: $from})-[r:HOLDS_ROLE]->(:Entity {id: $to}) RETURN coalesce(r.articleId, "editor") AS a ORDER BY a',
      params: { from, to },
    })
  ).map((r) => r.a);

const entityOf = async (id: string) => (await ok('query($id: ID!) { entity(id: $id) { id name aliases } }', { id })).entity;

beforeAll(async () => {
  executor = await testExecutor();
  await resetGraph(executor);
  api = await startTestApi(executor, 'holder:holds-secret');
  // background articles: the test entities are rare, the shared country common
  for (let i = 0; i < 12; i++) {
    await write(
      item({
        id: `bg${i}`,
        title: `背景新聞第${i}則`,
        publishedAt: `2025-09-${String(i + 1).padStart(2, '0')}`,
        entities: ['country:TW', `topic:背景${i}`],
      }),
    );
  }
});
afterAll(async () => {
  await api?.stop();
  await executor?.close();
});

describe('corrections survive story re-assignment', () => {
  const left = ['person:丙', 'topic:左一', 'topic:左二', 'org:左三', 'place:左四', 'topic:左五'];
  const right = ['person:丙', 'topic:右一', 'topic:右二', 'org:右三', 'place:右四', 'topic:右五'];

  it('merge, delete, reject and rename hold while stories merge, an article moves and another goes', async () => {
    const a = await write(
      item({
        id: 'st-a',
        title: '子丑寅卯',
        publishedAt: '2025-11-10',
        entities: [...left, 'person:Bing', 'topic:雜訊'],
        relations: [role('person:丙', 'org:左三')],
      }),
    );
    const b = await write(item({ id: 'st-b', title: '辰巳午未', publishedAt: '2025-11-11', entities: right }));
    expect(b.story!.storyId).not.toBe(a.story!.storyId);

    await ok('mutation { mergeEntities(keepId: "person:丙", mergeId: "person:Bing", keepAliases: false) { id } }');
    await ok('mutation { deleteEntity(id: "topic:雜訊") { id } }');
    await ok('mutation { rejectRelation(type: HOLDS_ROLE, from: "person:丙", to: "org:左三") { id } }');
    await ok('mutation { renameEntity(id: "org:左三", name: "左三集團") { id } }');

    // a bridging article merges the two stories; it names the merged id, the deleted topic and the rejected relation
    const m = await write(
      item({
        id: 'st-m',
        title: 'Both sides of it',
        language: 'en',
        publishedAt: '2025-11-11',
        entities: [...left, ...right.slice(1), 'person:Bing', 'topic:雜訊'],
        relations: [role('person:Bing', 'org:左三')],
      }),
    );
    expect(m.story).toMatchObject({ kind: 'merged', storyId: a.story!.storyId, mergedIds: [b.story!.storyId] });
    for (const id of ['st-a', 'st-b', 'st-m']) expect(await storyOf(id)).toBe(a.story!.storyId);

    const held = async () => {
      expect(await mentionsOf('st-m')).toContain('person:丙');
      expect(await mentionsOf('st-m')).not.toContain('person:Bing');
      expect(await mentionsOf('st-m')).not.toContain('topic:雜訊');
      expect(await entityOf('topic:雜訊')).toBeNull();
      expect(await entityOf('person:Bing')).toMatchObject({ id: 'person:丙' });
      expect((await entityOf('person:丙')).aliases).not.toContain('Bing');
      expect(await roles('person:丙', 'org:左三')).toEqual([]);
      expect((await entityOf('org:左三')).name).toBe('左三集團');
    };
    await held();

    // the merged story's key entities are the curated graph's: no deleted or merged-away ids, the editor's name
    const story = async (id: string) =>
      (await ok('query($id: ID!) { story(id: $id) { id articleCount keyEntities(first: 30) { entity { id name } } } }', { id })).story;
    const merged = await story(b.story!.storyId);
    expect(merged).toMatchObject({ id: a.story!.storyId, articleCount: 3 });
    const keys = merged.keyEntities.map((k: { entity: { id: string; name: string } }) => k.entity);
    expect(keys.map((k: { id: string }) => k.id)).toEqual(expect.arrayContaining(['person:丙', 'org:左三']));
    expect(keys.map((k: { id: string }) => k.id)).not.toEqual(expect.arrayContaining(['topic:雜訊']));
    expect(keys.map((k: { id: string }) => k.id)).not.toEqual(expect.arrayContaining(['person:Bing']));
    expect(keys.find((k: { id: string }) => k.id === 'org:左三').name).toBe('左三集團');

    // an updated article moves to another story, still naming the deleted topic and the merged id
    const moved = await write(
      item({
        id: 'st-b',
        title: '申酉戌亥',
        publishedAt: '2025-11-12',
        entities: ['person:Bing', 'topic:雜訊', 'topic:別處一', 'org:別處二', 'place:別處三'],
        relations: [role('person:Bing', 'org:左三', '顧問')],
      }),
    );
    expect(moved.status).toBe('updated');
    expect(moved.story!.storyId).not.toBe(a.story!.storyId);
    expect(moved.story).toMatchObject({ leftStoryId: a.story!.storyId, leftStoryDeleted: false });
    expect(await mentionsOf('st-b')).toEqual(expect.arrayContaining(['person:丙']));
    expect(await mentionsOf('st-b')).not.toEqual(expect.arrayContaining(['topic:雜訊']));

    // an article goes: its story is recomputed
    expect(await deleteArticle(executor, 'st-a')).toMatchObject({ story: { storyId: a.story!.storyId, deleted: false } });
    await held();
    const after = await story(a.story!.storyId);
    expect(after.articleCount).toBe(1);
    expect(after.keyEntities.map((k: { entity: { id: string } }) => k.entity.id)).not.toEqual(expect.arrayContaining(['topic:雜訊']));
  });
});

describe('undo restores what the edit changed, and keeps what ingestion did since', () => {
  it('an alias an article brought after the edit survives the undo', async () => {
    await write(item({ id: 'un-1', title: '丁先生訪問', publishedAt: '2025-10-01', entities: ['person:丁大文'] }));
    await ok('mutation { addAlias(id: "person:丁大文", alias: "丁董") { id } }');
    const [edit] = (await ok('{ edits(filter: { action: "addAlias", entityId: "person:丁大文" }) { nodes { id } } }')).edits.nodes;
    // a later article brings another alias of the same person
    await write(
      item({
        id: 'un-2',
        title: '丁大文再訪',
        publishedAt: '2025-10-02',
        entities: ['person:丁大文'],
        aliases: { 'person:丁大文': ['Ting Ta-wen'] },
      }),
    );
    expect((await entityOf('person:丁大文')).aliases).toEqual(expect.arrayContaining(['丁董', 'Ting Ta-wen']));

    await ok('mutation($id: ID!) { undoEdit(id: $id) { id } }', { id: edit.id });
    const now = await entityOf('person:丁大文');
    expect(now.aliases).not.toContain('丁董');
    expect(now.aliases).toContain('Ting Ta-wen');
    // search still finds the article's alias (the derived search text was recomputed, not restored)
    const found = await ok('{ search(query: "Ting Ta-wen", first: 5) { entity { id } } }');
    expect(found.search.map((s: { entity: { id: string } | null }) => s.entity?.id)).toContain('person:丁大文');
  });

  it('undoing a merge takes back the merged names, not the aliases ingestion added to the kept entity since', async () => {
    await write(item({ id: 'un-3', title: '戊公司', publishedAt: '2025-10-03', entities: ['org:戊公司', 'org:戊企業'] }));
    await ok('mutation { mergeEntities(keepId: "org:戊公司", mergeId: "org:戊企業") { id } }');
    expect((await entityOf('org:戊公司')).aliases).toContain('戊企業');
    await write(
      item({
        id: 'un-4',
        title: '戊公司擴廠',
        publishedAt: '2025-10-04',
        entities: ['org:戊公司'],
        aliases: { 'org:戊公司': ['Wu Corp'] },
      }),
    );
    const [merge] = (await ok('{ edits(filter: { action: "mergeEntities", entityId: "org:戊企業" }) { nodes { id } } }')).edits.nodes;
    await ok('mutation($id: ID!) { undoEdit(id: $id) { id } }', { id: merge.id });
    const kept = await entityOf('org:戊公司');
    expect(kept.aliases).toContain('Wu Corp');
    expect(kept.aliases).not.toContain('戊企業');
    expect(await entityOf('org:戊企業')).toMatchObject({ id: 'org:戊企業' });
  });
});

describe('a rejected relation stays rejected', () => {
  it('when one of its ends is merged into another entity afterwards', async () => {
    await write(
      item({
        id: 'rj-1',
        title: '己先生任職',
        publishedAt: '2025-10-05',
        entities: ['person:己一', 'org:庚會'],
        relations: [role('person:己一', 'org:庚會')],
      }),
    );
    await write(
      item({
        id: 'rj-2',
        title: '己一任職',
        publishedAt: '2025-10-06',
        entities: ['person:己先生', 'org:庚會'],
        relations: [role('person:己先生', 'org:庚會')],
      }),
    );
    await ok('mutation { rejectRelation(type: HOLDS_ROLE, from: "person:己一", to: "org:庚會") { id } }');
    expect(await roles('person:己一', 'org:庚會')).toEqual([]);
    expect(await roles('person:己先生', 'org:庚會')).toEqual(['rj-2']);
    // an editor's own relation between the same two is never taken by the rejection
    await ok(
      'mutation { addRelation(type: HOLDS_ROLE, from: "person:己先生", to: "org:庚會", note: "Board chair (annual report).") { id } }',
    );

    // the rejected id is merged away: the kept entity's article-stated edge of the pair goes with it
    await ok('mutation { mergeEntities(keepId: "person:己先生", mergeId: "person:己一") { id } }');
    expect(await roles('person:己先生', 'org:庚會')).toEqual(['editor']);
    // articles stating it again, under the kept id or the old one, do not bring it back
    await write(
      item({
        id: 'rj-2',
        title: '己一任職 續報',
        publishedAt: '2025-10-06',
        entities: ['person:己先生', 'org:庚會'],
        relations: [role('person:己先生', 'org:庚會')],
      }),
    );
    await write(
      item({
        id: 'rj-3',
        title: '己一新職',
        publishedAt: '2025-10-07',
        entities: ['person:己一', 'org:庚會'],
        relations: [role('person:己一', 'org:庚會', '執行長')],
      }),
    );
    expect(await roles('person:己先生', 'org:庚會')).toEqual(['editor']);

    // undoing the merge gives the kept entity its stated edge back
    const [merge] = (await ok('{ edits(filter: { action: "mergeEntities", entityId: "person:己一" }) { nodes { id } } }')).edits.nodes;
    await ok('mutation($id: ID!) { undoEdit(id: $id) { id } }', { id: merge.id });
    expect(await roles('person:己先生', 'org:庚會')).toEqual(['editor', 'rj-2']);
  });

  it('under one title only, when the editor names the title; the same pair under another title stays', async () => {
    const stated = (extra: string) =>
      item({
        id: 'rj-t',
        title: `癸委員會開會${extra}`,
        publishedAt: '2025-10-09',
        entities: ['person:癸委員', 'org:癸委員會'],
        relations: [role('person:癸委員', 'org:癸委員會', '召委'), role('person:癸委員', 'org:癸委員會', '會議主席')],
      });
    await write(stated(''));
    const titles = async () =>
      (
        await executor.read<{ t: string }>({
          cypher: 'MATCH (:Entity {id: "person:癸委員"})-[r:HOLDS_ROLE]->(:Entity {id: "org:癸委員會"}) RETURN r.title AS t ORDER BY t',
          params: {},
        })
      ).map((r) => r.t);
    expect(await titles()).toEqual(['召委', '會議主席']);
    const rejected = await ok(
      'mutation { rejectRelation(type: HOLDS_ROLE, from: "person:癸委員", to: "org:癸委員會", title: "會議主席") { summary } }',
    );
    expect(rejected.rejectRelation.summary).toContain('as "會議主席"');
    expect(await titles()).toEqual(['召委']);
    await write(stated(' 續報'));
    expect(await titles()).toEqual(['召委']);
    const none = await gql(
      api.url,
      'mutation { rejectRelation(type: HOLDS_ROLE, from: "person:癸委員", to: "org:癸委員會", title: "主任") { id } }',
      {},
      auth,
    );
    expect(none.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('when the relation is stated in the article’s headline rather than its body', async () => {
    const ingest = (body: string) =>
      ok('mutation($a: [ArticleInput!]!) { ingestArticles(articles: $a) { id status error } }', {
        a: [
          {
            url: 'https://holds.test/headline',
            title: '台北市長陳志明視察河堤',
            publishedAt: '2025-11-01',
            source: 'Test Wire',
            language: 'zh-Hant',
            body,
          },
        ],
      });
    const first = await ingest('陳志明今天前往河堤視察防汛工程，並與里長座談。');
    const id = first.ingestArticles[0].id as string;
    const stated = await executor.read<{ evidence: string }>({
      cypher:
        'MATCH (:Entity {id: "person:陳志明"})-[r:HOLDS_ROLE]->(:Entity {id: "place:台北市"}) WHERE r.articleId = $id RETURN r.evidence AS evidence',
      params: { id },
    });
    // the headline is the only place that states the role
    expect(stated.map((r) => r.evidence)).toEqual(['台北市長陳志明視察河堤']);
    await ok('mutation($id: ID) { rejectRelation(type: HOLDS_ROLE, from: "person:陳志明", to: "place:台北市", articleId: $id) { id } }', {
      id,
    });
    expect((await ingest('陳志明今天前往河堤視察防汛工程，並與里長座談。工程預計年底完工。')).ingestArticles[0].status).toBe('updated');
    expect(await roles('person:陳志明', 'place:台北市')).toEqual([]);
  });
});

describe('the alias-conflict check', () => {
  it('finds the holders of a form through the full-text index, case aside, and never scans the entities', async () => {
    await write(
      item({
        id: 'al-1',
        title: '辛科技',
        publishedAt: '2025-10-08',
        entities: ['org:辛科技', 'person:壬小姐'],
        aliases: { 'org:辛科技': ['Hsin Tech', 'IT'] },
      }),
    );
    const taken = await gql(api.url, 'mutation { addAlias(id: "person:壬小姐", alias: "hsin tech") { id } }', {}, auth);
    expect(taken.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALIAS_TAKEN', heldBy: ['org:辛科技'] });
    // a stop word of English text is still a form someone holds
    const stop = await gql(api.url, 'mutation { addAlias(id: "person:壬小姐", alias: "it") { id } }', {}, auth);
    expect(stop.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', heldBy: ['org:辛科技'] });
    // a form inside a longer name is no conflict: 辛科 is not 辛科技
    expect((await ok('mutation { addAlias(id: "person:壬小姐", alias: "辛科") { aliases } }')).addAlias.aliases).toContain('辛科');
    expect((await ok('mutation { addAlias(id: "person:壬小姐", alias: "Tech \\"Hsin\\" (x)") { aliases } }')).addAlias.aliases).toContain(
      'Tech "Hsin" (x)',
    );

    const q = holdersOf('person:壬小姐', 'Hsin Tech');
    const session = executor.driver.session();
    try {
      const res = await session.run(`PROFILE ${q.cypher}`, q.params);
      expect(res.records.map((r) => r.get('id'))).toEqual(['org:辛科技']);
      const operators: string[] = [];
      const walk = (p: { operatorType: string; children: unknown[] }) => {
        operators.push(p.operatorType);
        for (const c of p.children) walk(c as typeof p);
      };
      walk(res.summary.profile as unknown as { operatorType: string; children: unknown[] });
      expect(operators.join(' ')).toMatch(/ProcedureCall/);
      expect(operators.filter((o) => /Scan/.test(o))).toEqual([]);
    } finally {
      await session.close();
    }
  });
});
