import type { ApiServer } from '../../src/api/server';
import { forgetKnownNames } from '../../src/pipeline/ingest-articles';
import { knownNames } from '../../src/store';
import type { Executor } from '../../src/store/executor';
import { gql, resetGraph, startTestApi, testExecutor } from './helpers';

/**
 * Curation an editor can trust, through the real GraphQL API on the real Neo4j: every
 * correction is one transaction with an edit in the trail, holds when articles are ingested
 * again, and can be undone. The articles are short texts written for this test.
 */

let executor: Executor;
let api: ApiServer;
// a named key: the trail says "alice"
const auth = { authorization: 'Bearer curation-secret' };

const ARTICLES = {
  green: {
    url: 'https://example.test/cur/green',
    title: '市府推動綠能計畫',
    publishedAt: '2025-11-01',
    source: 'Test Wire',
    language: 'zh-Hant',
    body: '台北市長陳志明今天宣布，市府將與台灣電力公司合作推動綠能計畫。陳志明表示，計畫明年上路。',
  },
  park: {
    url: 'https://example.test/cur/park',
    title: '陳志明視察公園',
    publishedAt: '2025-11-02',
    source: 'Test Wire',
    language: 'zh-Hant',
    body: '台北市長陳志明昨天視察大安森林公園，並與市民座談。陳志明說，公園將增設步道。',
  },
  harbour: {
    url: 'https://example.test/cur/harbour',
    title: 'Mayor unveils harbour plan',
    publishedAt: '2025-11-03',
    source: 'Test Wire',
    language: 'en',
    body: 'Kaohsiung Mayor Wang Li-hua said on Monday that the city will work with Taiwan Power Company on a new harbour plan. Wang Li-hua said the plan would start next year.',
  },
  typhoon: {
    url: 'https://example.test/cur/typhoon',
    title: '颱風逼近 市府備戰',
    publishedAt: '2025-11-04',
    source: 'Test Wire',
    language: 'zh-Hant',
    body: '颱風逼近，台北市長陳志明今天召開防災會議，要求各單位加強防範。',
  },
};
type Key = keyof typeof ARTICLES;
const ids: Partial<Record<Key, string>> = {};
let wangBefore: { name: string; nameEn: string | null };

async function ingest(key: Key, extra = ''): Promise<string> {
  const a = ARTICLES[key];
  const res = await gql(
    api.url,
    'mutation($a: [ArticleInput!]!) { ingestArticles(articles: $a) { id status error } }',
    { a: [{ ...a, body: a.body + extra }] },
    auth,
  );
  expect(res.errors).toBeUndefined();
  const [r] = res.data!.ingestArticles;
  expect(r.error).toBeNull();
  ids[key] = r.id;
  return r.status;
}

async function ok<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await gql(api.url, query, variables, auth);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data as T;
}

async function refused(
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{ message: string; extensions: Record<string, any> }> {
  const res = await gql(api.url, query, variables, auth);
  expect(res.errors).toHaveLength(1);
  return res.errors![0] as { message: string; extensions: Record<string, any> };
}

const mentionsOf = async (articleId: string): Promise<string[]> =>
  (
    await executor.read<{ id: string }>({
      cypher: 'MATCH (:Article {id: $articleId})-[:MENTIONS]->(e) RETURN e.id AS id ORDER BY id',
      params: { articleId },
    })
  ).map((r) => r.id);

const entity = async (id: string) =>
  (await ok(`query($id: ID!) { entity(id: $id) { __typename id name nameEn type aliases mentionCount } }`, { id })).entity;

const relations = async (id: string) =>
  (
    await ok(
      `query($id: ID!) { entity(id: $id) { relations(first: 20) { type from { id } to { id } evidence { sentence editor article { id } } } } }`,
      { id },
    )
  ).entity?.relations ?? [];

beforeAll(async () => {
  executor = await testExecutor();
  await resetGraph(executor);
  api = await startTestApi(executor, 'alice:curation-secret');
  for (const key of Object.keys(ARTICLES) as Key[]) expect(await ingest(key)).toBe('new');
});
afterAll(async () => {
  await api?.stop();
  await executor?.close();
});

describe('curation needs the API key', () => {
  it('refuses every curation mutation without it', async () => {
    for (const m of [
      'removeAlias(id: "place:台北市", alias: "北市") { id }',
      'deleteEntity(id: "topic:視察") { id }',
      'blockSurfaceForm(type: TOPIC, surface: "視察") { id }',
      'undoEdit(id: "edit:1") { id }',
    ]) {
      const res = await gql(api.url, `mutation { ${m} }`);
      expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
    expect(await entity('topic:視察')).not.toBeNull();
  });
});

describe('entity corrections', () => {
  it('removeAlias: the alias goes and an updated article does not bring it back', async () => {
    expect((await entity('place:台北市')).aliases).toContain('北市');
    const res = await ok('mutation { removeAlias(id: "place:台北市", alias: "北市") { aliases } }');
    expect(res.removeAlias.aliases).not.toContain('北市');
    expect(await ingest('park', '北市也將跟進。')).toBe('updated');
    expect((await entity('place:台北市')).aliases).not.toContain('北市');

    const display = await refused('mutation { removeAlias(id: "place:台北市", alias: "台北市") { id } }');
    expect(display.extensions.code).toBe('BAD_USER_INPUT');
    const unknown = await refused('mutation { removeAlias(id: "place:台北市", alias: "no such alias") { id } }');
    expect(unknown.extensions.code).toBe('NOT_FOUND');
    const nobody = await refused('mutation { removeAlias(id: "place:nowhere", alias: "x") { id } }');
    expect(nobody.extensions.code).toBe('NOT_FOUND');
  });

  it('renameEntity sets the display name per language, and an article spelling does not replace it', async () => {
    wangBefore = await entity('person:Wang Li-hua');
    expect(wangBefore.name).toBe('Wang Li-hua');
    await ok('mutation { renameEntity(id: "person:Wang Li-hua", name: "王麗華") { name } }');
    const en = await ok('mutation { renameEntity(id: "person:Wang Li-hua", name: "Wang Li-hua", language: EN) { name nameEn aliases } }');
    expect(en.renameEntity).toMatchObject({ name: '王麗華', nameEn: 'Wang Li-hua' });
    expect(await ingest('harbour', ' The city council backed it.')).toBe('updated');
    expect(await entity('person:Wang Li-hua')).toMatchObject({ name: '王麗華', nameEn: 'Wang Li-hua' });
  });

  it('setEntityType: a topic that is really an organization stays one after re-ingest', async () => {
    const res = await ok('mutation { setEntityType(id: "topic:harbour", type: ORGANIZATION) { __typename type } }');
    expect(res.setEntityType).toEqual({ __typename: 'Organization', type: 'ORGANIZATION' });
    expect(await ingest('harbour', ' Work starts in spring.')).toBe('updated');
    expect(await entity('topic:harbour')).toMatchObject({ __typename: 'Organization', type: 'ORGANIZATION' });
    const orgs = await ok('{ entities(filter: { type: ORGANIZATION }, first: 50) { nodes { id } } }');
    expect(orgs.entities.nodes.map((n: { id: string }) => n.id)).toContain('topic:harbour');
    const same = await refused('mutation { setEntityType(id: "topic:harbour", type: ORGANIZATION) { id } }');
    expect(same.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('deleteEntity: mentions and relations go, and extraction does not recreate the id', async () => {
    expect(await mentionsOf(ids.park!)).toContain('topic:視察');
    const res = await ok('mutation { deleteEntity(id: "topic:視察") { id action actor } }');
    expect(res.deleteEntity).toMatchObject({ action: 'deleteEntity', actor: 'alice' });
    expect(await entity('topic:視察')).toBeNull();
    expect(await mentionsOf(ids.park!)).not.toContain('topic:視察');
    expect(await ingest('park', '市長將再視察。')).toBe('updated');
    expect(await entity('topic:視察')).toBeNull();
    // the snapshot extraction reads carries the deletion
    forgetKnownNames(executor);
    expect((await knownNames(executor)).rules?.deleted).toContain('topic:視察');
  });

  it('splitEntity moves the chosen articles’ mentions to a new entity, and re-ingest keeps them there', async () => {
    const res = await ok(
      'mutation($a: [ID!]!) { splitEntity(id: "person:陳志明", articleIds: $a, name: "陳志明", newId: "person:陳志明#2") { id name mentionCount } }',
      { a: [ids.typhoon] },
    );
    expect(res.splitEntity).toMatchObject({ id: 'person:陳志明#2', mentionCount: 1 });
    expect(await mentionsOf(ids.typhoon!)).toContain('person:陳志明#2');
    expect(await mentionsOf(ids.typhoon!)).not.toContain('person:陳志明');
    expect(await ingest('typhoon', '會議持續到晚間。')).toBe('updated');
    expect(await mentionsOf(ids.typhoon!)).toContain('person:陳志明#2');
    expect(await mentionsOf(ids.typhoon!)).not.toContain('person:陳志明');
    // the other articles stay with the original
    expect(await mentionsOf(ids.green!)).toContain('person:陳志明');

    const notMentioned = await refused('mutation($a: [ID!]!) { splitEntity(id: "person:陳志明", articleIds: $a, name: "X") { id } }', {
      a: [ids.harbour],
    });
    expect(notMentioned.extensions.code).toBe('BAD_USER_INPUT');
    const taken = await refused(
      'mutation($a: [ID!]!) { splitEntity(id: "person:陳志明", articleIds: $a, name: "x", newId: "place:台北市") { id } }',
      { a: [ids.green] },
    );
    expect(taken.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ID_TAKEN' });
  });

  it('mergeEntities refuses different types unless forced; the old id answers with the kept entity', async () => {
    const typed = await refused('mutation { mergeEntities(keepId: "person:陳志明", mergeId: "topic:備戰") { id } }');
    expect(typed.extensions).toMatchObject({ code: 'CONFLICT', reason: 'TYPE_MISMATCH' });
    expect(await entity('topic:備戰')).not.toBeNull();

    const merged = await ok('mutation { mergeEntities(keepId: "person:陳志明", mergeId: "person:陳志明#2") { id mentionCount } }');
    expect(merged.mergeEntities).toMatchObject({ id: 'person:陳志明', mentionCount: 3 });
    expect(await entity('person:陳志明#2')).toMatchObject({ id: 'person:陳志明', name: '陳志明' });

    const forced = await ok(
      'mutation { mergeEntities(keepId: "org:台電", mergeId: "topic:harbour", force: true, keepAliases: false) { id type aliases } }',
    );
    expect(forced.mergeEntities.type).toBe('ORGANIZATION');
    expect(forced.mergeEntities.aliases).not.toContain('harbour');
  });
});

describe('aliases, conflicts and rules the extractor obeys', () => {
  it('an alias another entity answers to is refused unless forced', async () => {
    const taken = await refused('mutation { addAlias(id: "person:Wang Li-hua", alias: "Taipower") { id } }');
    expect(taken.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALIAS_TAKEN', heldBy: ['org:台電'] });
    expect((await entity('person:Wang Li-hua')).aliases).not.toContain('Taipower');
    const forced = await ok('mutation { addAlias(id: "person:Wang Li-hua", alias: "Taipower", force: true) { aliases } }');
    expect(forced.addAlias.aliases).toContain('Taipower');
  });

  it('a curated alias overrides what the recognizers made of the form in the next article', async () => {
    // 備戰 is a topic to the extractor; the editor says it names the city government here
    await ok('mutation { addAlias(id: "org:台北市政府", alias: "備戰", force: true) { id } }');
    const status = await ingest('typhoon', '各區公所也已動員。');
    expect(status).toBe('updated');
    const m = await mentionsOf(ids.typhoon!);
    expect(m).toContain('org:台北市政府');
    expect(m).not.toContain('topic:備戰');
  });

  it('a blocked form never names an entity of that type: in the next article, and in earlier ones after reapplyCuration', async () => {
    await ok('mutation { blockSurfaceForm(type: TOPIC, surface: "颱風") { id } }');
    const blocked = await ok('{ blockedForms { type surface } }');
    expect(blocked.blockedForms).toEqual([{ type: 'TOPIC', surface: '颱風' }]);
    // an earlier article keeps it until curation is reapplied
    expect(await mentionsOf(ids.typhoon!)).toContain('topic:typhoons');
    const fresh = await gql(
      api.url,
      'mutation($a: [ArticleInput!]!) { ingestArticles(articles: $a) { id status } }',
      {
        a: [
          {
            url: 'https://example.test/cur/typhoon-2',
            title: '颱風遠離',
            publishedAt: '2025-11-05',
            source: 'Test Wire',
            language: 'zh-Hant',
            body: '颱風遠離後，陳志明感謝各單位辛勞。',
          },
        ],
      },
      auth,
    );
    const freshId = fresh.data!.ingestArticles[0].id as string;
    expect(await mentionsOf(freshId)).not.toContain('topic:typhoons');

    const re = await ok('mutation($ids: [ID!]) { reapplyCuration(ids: $ids) { total done failed status } }', {
      ids: [ids.typhoon, 'no-such-article'],
    });
    expect(re.reapplyCuration).toMatchObject({ total: 2, done: 1, failed: 1, status: 'done' });
    expect(await mentionsOf(ids.typhoon!)).not.toContain('topic:typhoons');
    // the other corrections held through the re-read
    expect(await mentionsOf(ids.typhoon!)).toContain('org:台北市政府');
  });

  it('reapplyCuration(all) runs in bounded batches in the background and reports progress', async () => {
    const started = await ok('mutation { reapplyCuration(all: true) { id total status } }');
    expect(started.reapplyCuration.total).toBeGreaterThanOrEqual(5);
    let job = started.reapplyCuration;
    for (let i = 0; i < 100 && job.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      job = (await ok('query($id: ID!) { reapplyJob(id: $id) { id total done status error } }', { id: started.reapplyCuration.id }))
        .reapplyJob;
    }
    expect(job).toMatchObject({ status: 'done', error: null });
    expect(job.done).toBe(job.total);
    const both = await refused('mutation { reapplyCuration(all: true, ids: ["x"]) { id } }');
    expect(both.extensions.code).toBe('BAD_USER_INPUT');
    // corrections are still in place after every article was read again
    expect(await entity('topic:視察')).toBeNull();
    expect((await entity('place:台北市')).aliases).not.toContain('北市');
    expect(await entity('person:Wang Li-hua')).toMatchObject({ name: '王麗華' });
  });
});

describe('relation corrections', () => {
  it('rejectRelation removes it from one article, and re-ingest does not write it again', async () => {
    const before = await relations('person:陳志明');
    const holds = before.filter((r: any) => r.type === 'HOLDS_ROLE' && r.to.id === 'org:台北市政府');
    expect(holds.length).toBe(1);
    expect(holds[0].evidence.map((e: any) => e.article.id)).toContain(ids.green);

    await ok('mutation($a: ID) { rejectRelation(type: HOLDS_ROLE, from: "person:陳志明", to: "org:台北市政府", articleId: $a) { id } }', {
      a: ids.green,
    });
    const after = (await relations('person:陳志明')).filter((r: any) => r.type === 'HOLDS_ROLE' && r.to.id === 'org:台北市政府');
    expect(after.flatMap((r: any) => r.evidence.map((e: any) => e.article?.id))).not.toContain(ids.green);

    expect(await ingest('green', '市府也將舉辦說明會。')).toBe('updated');
    const again = (await relations('person:陳志明')).filter((r: any) => r.type === 'HOLDS_ROLE' && r.to.id === 'org:台北市政府');
    expect(again.flatMap((r: any) => r.evidence.map((e: any) => e.article?.id))).not.toContain(ids.green);

    const none = await refused('mutation { rejectRelation(type: MEMBER_OF, from: "person:陳志明", to: "org:台電") { id } }');
    expect(none.extensions.code).toBe('NOT_FOUND');
  });

  it('rejectRelation everywhere, and addRelation with an editor’s note as evidence', async () => {
    await ok('mutation { rejectRelation(type: HOLDS_ROLE, from: "person:陳志明", to: "place:台北市") { id } }');
    expect((await relations('person:陳志明')).filter((r: any) => r.to.id === 'place:台北市' && r.type === 'HOLDS_ROLE')).toEqual([]);
    expect(await ingest('park', '步道明年完工。')).toBe('updated');
    expect((await relations('person:陳志明')).filter((r: any) => r.to.id === 'place:台北市' && r.type === 'HOLDS_ROLE')).toEqual([]);

    await ok(
      'mutation { addRelation(type: COOPERATES_WITH, from: "org:台北市政府", to: "org:台電", note: "Joint programme announced by both bodies.") { id } }',
    );
    expect(await ingest('green', '預計年底完成評估。')).toBe('updated');
    const rel = (await relations('org:台北市政府')).find((r: any) => r.type === 'COOPERATES_WITH' && r.to.id === 'org:台電');
    expect(rel.evidence).toEqual(
      expect.arrayContaining([{ sentence: 'Joint programme announced by both bodies.', editor: 'alice', article: null }]),
    );
  });
});

describe('audit trail and undo', () => {
  it('lists every edit with its actor, filtered and paged', async () => {
    const all = await ok('{ edits(first: 100) { totalCount nodes { id action actor summary } } }');
    const actions = all.edits.nodes.map((n: any) => n.action);
    for (const a of [
      'removeAlias',
      'renameEntity',
      'setEntityType',
      'deleteEntity',
      'splitEntity',
      'mergeEntities',
      'addAlias',
      'blockSurfaceForm',
      'rejectRelation',
      'addRelation',
      'reapplyCuration',
    ]) {
      expect(actions).toContain(a);
    }
    expect(new Set(all.edits.nodes.map((n: any) => n.actor))).toEqual(new Set(['alice']));
    expect((await ok('{ edits(filter: { actor: "alice", action: "deleteEntity" }) { totalCount } }')).edits.totalCount).toBe(1);
    expect((await ok('{ edits(filter: { actor: "bob" }) { totalCount } }')).edits.totalCount).toBe(0);
    // each edit holds the footprint before and after: the deletion's "before" has the entity with its mentions
    const [del] = (await ok('{ edits(filter: { action: "deleteEntity" }) { nodes { before after } } }')).edits.nodes;
    expect(JSON.parse(del.before).entities['topic:視察'].mentions.length).toBeGreaterThan(0);
    expect(JSON.parse(del.after).entities['topic:視察']).toBeNull();
    const forWang = await ok('{ edits(filter: { entityId: "person:Wang Li-hua" }) { nodes { action } } }');
    expect(forWang.edits.nodes.map((n: any) => n.action)).toEqual(['addAlias', 'renameEntity', 'renameEntity']);
    const page1 = await ok('{ edits(first: 2) { nodes { id } pageInfo { hasNextPage endCursor } } }');
    const page2 = await ok('query($after: String) { edits(first: 2, after: $after) { nodes { id } } }', {
      after: page1.edits.pageInfo.endCursor,
    });
    expect(page1.edits.pageInfo.hasNextPage).toBe(true);
    expect(page2.edits.nodes[0].id).not.toBe(page1.edits.nodes[1].id);
  });

  it('undo is refused while a later edit depends on it, and says which', async () => {
    const trail = await ok('{ edits(filter: { entityId: "person:Wang Li-hua" }) { nodes { id action summary } } }');
    const [alias, enName, zhName] = trail.edits.nodes;
    expect(zhName.summary).toContain('王麗華');
    const blocked = await refused('mutation($id: ID!) { undoEdit(id: $id) { id } }', { id: zhName.id });
    expect(blocked.extensions).toMatchObject({ code: 'CONFLICT', reason: 'LATER_EDITS' });
    expect(blocked.extensions.dependents).toEqual([enName.id, alias.id]);
    expect(blocked.message).toContain(enName.id);

    // undone newest first, the name comes back as it was
    for (const e of [alias, enName, zhName]) await ok('mutation($id: ID!) { undoEdit(id: $id) { id undoes } }', { id: e.id });
    const wang = await entity('person:Wang Li-hua');
    expect(wang).toMatchObject({ name: wangBefore.name, nameEn: wangBefore.nameEn });
    expect(wang.aliases).not.toContain('Taipower');
    expect(wang.aliases).not.toContain('王麗華');
    const twice = await refused('mutation($id: ID!) { undoEdit(id: $id) { id } }', { id: zhName.id });
    expect(twice.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_UNDONE' });
    const missing = await refused('mutation { undoEdit(id: "edit:999999") { id } }');
    expect(missing.extensions.code).toBe('NOT_FOUND');
  });

  it('undoing a delete brings the entity back with its mentions, and extraction may find it again', async () => {
    const [del] = (await ok('{ edits(filter: { action: "deleteEntity" }) { nodes { id } } }')).edits.nodes;
    await ok('mutation($id: ID!) { undoEdit(id: $id) { id } }', { id: del.id });
    expect(await entity('topic:視察')).toMatchObject({ name: '視察' });
    forgetKnownNames(executor);
    expect((await knownNames(executor)).rules?.deleted).not.toContain('topic:視察');
  });

  it('undoing a merge restores both entities and their mentions; the old id answers for itself again', async () => {
    const [merge] = (await ok('{ edits(filter: { action: "mergeEntities", entityId: "org:台電" }) { nodes { id } } }')).edits.nodes;
    const [relation] = (await ok('{ edits(filter: { action: "addRelation" }) { nodes { id } } }')).edits.nodes;
    const taipower = (await entity('org:台電')).mentionCount;
    // the editor's relation on the kept entity came later: it is in the way, and goes first
    const blocked = await refused('mutation($id: ID!) { undoEdit(id: $id) { id } }', { id: merge.id });
    expect(blocked.extensions).toMatchObject({ code: 'CONFLICT', reason: 'LATER_EDITS', dependents: [relation.id] });
    await ok('mutation($id: ID!) { undoEdit(id: $id) { id } }', { id: relation.id });
    expect((await relations('org:台北市政府')).filter((r: any) => r.type === 'COOPERATES_WITH')).toEqual([]);
    await ok('mutation($id: ID!) { undoEdit(id: $id) { id } }', { id: merge.id });
    const harbour = await entity('topic:harbour');
    expect(harbour).toMatchObject({ id: 'topic:harbour', __typename: 'Organization' });
    expect(harbour.mentionCount).toBeGreaterThan(0);
    expect((await entity('org:台電')).mentionCount).toBeLessThanOrEqual(taipower);
    expect(await mentionsOf(ids.harbour!)).toEqual(expect.arrayContaining(['org:台電', 'topic:harbour']));
  });

  it('undoing a rejection brings the relation back', async () => {
    const [rej] = (await ok('{ edits(filter: { action: "rejectRelation", activeOnly: true }, first: 1) { nodes { id summary } } }')).edits
      .nodes;
    expect(rej.summary).toContain('everywhere');
    await ok('mutation($id: ID!) { undoEdit(id: $id) { id } }', { id: rej.id });
    // the edges it removed come back; articles re-read since write their own again
    expect(
      await executor.read({ cypher: "MATCH (j:RejectedRelation {id: 'HOLDS_ROLE|person:陳志明|place:台北市|*'}) RETURN j", params: {} }),
    ).toEqual([]);
  });

  it('undoing a retype makes the entity what it was, once the later edits on it are undone', async () => {
    const [retype] = (await ok('{ edits(filter: { action: "setEntityType" }) { nodes { id } } }')).edits.nodes;
    await ok('mutation($id: ID!) { undoEdit(id: $id) { id } }', { id: retype.id });
    expect(await entity('topic:harbour')).toMatchObject({ __typename: 'Topic', type: 'TOPIC' });
  });

  it('undoing a split moves the mentions back, and re-ingest follows the original again', async () => {
    const split = await ok(
      'mutation($a: [ID!]!) { splitEntity(id: "person:Wang Li-hua", articleIds: $a, name: "Wang Li-hua (2)") { id mentionCount } }',
      { a: [ids.harbour] },
    );
    expect(split.splitEntity).toEqual({ id: 'person:Wang Li-hua (2)', mentionCount: 1 });
    const [edit] = (await ok('{ edits(filter: { action: "splitEntity", entityId: "person:Wang Li-hua (2)" }) { nodes { id } } }')).edits
      .nodes;
    await ok('mutation($id: ID!) { undoEdit(id: $id) { id } }', { id: edit.id });
    expect(await entity('person:Wang Li-hua (2)')).toBeNull();
    expect(await mentionsOf(ids.harbour!)).toContain('person:Wang Li-hua');
    expect(await ingest('harbour', ' Engineers begin surveys.')).toBe('updated');
    expect(await mentionsOf(ids.harbour!)).toContain('person:Wang Li-hua');
    expect(await mentionsOf(ids.harbour!)).not.toContain('person:Wang Li-hua (2)');
  });

  it('a re-extraction is listed but cannot be undone', async () => {
    const [re] = (await ok('{ edits(filter: { action: "reapplyCuration" }, first: 1) { nodes { id } } }')).edits.nodes;
    const res = await refused('mutation($id: ID!) { undoEdit(id: $id) { id } }', { id: re.id });
    expect(res.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_UNDOABLE' });
  });
});
