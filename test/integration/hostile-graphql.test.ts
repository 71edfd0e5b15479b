import fc from 'fast-check';
import { startApiServer, type ApiServer } from '../../src/api/server';
import { fromInput } from '../../src/ingest';
import { ingestArticle } from '../../src/pipeline/ingest-articles';
import type { Executor } from '../../src/store/executor';
import { resetGraph, testExecutor } from './helpers';

/**
 * Property tests against the running API: generated arguments for every kind of root field
 * (strings with control characters and lone surrogates, odd Unicode, injection-like text, huge
 * strings and numbers, invalid ids and dates, unknown enum values), sent as variables and spelled
 * into the query text, and garbage documents. Whatever comes in: never a 5xx, never a stack
 * trace, a source path or Cypher in the answer, and every error carries a code other than
 * INTERNAL_SERVER_ERROR (the masked "something broke").
 */

const KEY = 'hostile-key';

/** What no response may carry (the generated input itself is taken out first: errors may quote it). */
const LEAKS =
  /\n\s+at |\bat [\w.<>]+ \(|\.(ts|js):\d+|node_modules|\bMATCH\s*\(|\bRETURN\b|\bUNWIND\b|\bCypher\b|Neo\.ClientError|neo4j-driver|"stack"|Internal server error/;

const INJECTIONS = [
  "' OR 1=1 //",
  '"}) MATCH (n) DETACH DELETE n //',
  '`) RETURN 1 //',
  '$id',
  '${id}',
  '*:*',
  'AND OR NOT TO',
  '((( ~^* "',
  '\\',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '{"$gt": ""}',
  'person:',
  'country:TW',
  '__proto__',
  'constructor',
  'toString',
];

const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  {
    weight: 2,
    arbitrary: fc
      .array(
        fc.integer({ min: 0, max: 31 }).map((c) => String.fromCharCode(c)),
        { maxLength: 10 },
      )
      .map((a) => a.join('')),
  },
  {
    weight: 2,
    arbitrary: fc
      .array(
        fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
        { minLength: 1, maxLength: 6 },
      )
      .map((a) => a.join('')),
  },
  { weight: 1, arbitrary: fc.constantFrom('\u202e\u0301\u200b\ufeff', '🏳️‍🌈👨‍👩‍👧', '台灣\u0000美國', 'ﾃｽﾄ', '\u{10ffff}', 'İı', 'ǅ') },
  { weight: 3, arbitrary: fc.constantFrom(...INJECTIONS) },
  { weight: 1, arbitrary: fc.integer({ min: 1000, max: 60000 }).map((n) => '稀'.repeat(n)) },
);
const hostileDate = fc.oneof(
  hostileString,
  fc.constantFrom(
    '2025-13-45',
    '2025-02-30',
    '9999-99-99',
    '-000001-01-01',
    '2025-01-01T25:00:00Z',
    '0000-00-00',
    '2025',
    '20250101',
    '1e10',
  ),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
);
const hostileNumber = fc.oneof(
  fc.integer(),
  fc.constantFrom(0, -1, 2 ** 31 - 1, -(2 ** 31), 2 ** 31, 2 ** 53, -(2 ** 53), 1e308, 0.5, -0.0),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
/** Any JSON a client could send where a value is expected. */
const anything = fc.oneof(
  hostileString,
  hostileNumber,
  fc.boolean(),
  fc.constant(null),
  fc.array(hostileString, { maxLength: 3 }),
  fc.dictionary(hostileString, hostileString, { maxKeys: 3 }),
);
const enumish = fc.oneof(fc.constantFrom('PERSON', 'TOPIC', 'OUT', 'WEEK', 'LAST_7_DAYS', 'HOLDS_ROLE', 'NAME', 'TRENDING'), hostileString);
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

/** Generated values where given, else the defaults (so that the field itself runs). */
const defaults = (d: Record<string, unknown>, v: Record<string, unknown>): Record<string, unknown> => ({
  ...d,
  ...Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined)),
});

interface Call {
  query: string;
  variables: Record<string, unknown>;
}

/** One root field of each kind, its arguments generated. */
const reads: fc.Arbitrary<Call>[] = [
  fc.record({ id: anything }).map((v) => ({ query: 'query($id: ID!) { entity(id: $id) { id name aliases mentionCount } }', variables: v })),
  fc
    .record({ id: maybe(anything), url: maybe(anything) })
    .map((v) => ({ query: 'query($id: ID, $url: String) { article(id: $id, url: $url) { id title } }', variables: v })),
  fc.record({ q: anything, n: maybe(hostileNumber), types: maybe(fc.array(enumish, { maxLength: 3 })) }).map((v) => ({
    query:
      'query($q: String!, $n: Int, $types: [EntityType!]) { search(query: $q, first: $n, types: $types) { score entity { id } article { id } } }',
    variables: v,
  })),
  fc
    .record({
      f: maybe(
        fc.record({
          text: maybe(hostileString),
          from: maybe(hostileDate),
          to: maybe(hostileDate),
          source: maybe(hostileString),
          language: maybe(hostileString),
          topic: maybe(hostileString),
          mentionsAny: maybe(fc.array(hostileString, { maxLength: 3 })),
          mentionsAll: maybe(fc.array(hostileString, { maxLength: 3 })),
        }),
      ),
      n: maybe(hostileNumber),
      after: maybe(hostileString),
      o: maybe(enumish),
    })
    .map((v) => ({
      query:
        'query($f: ArticleFilter, $n: Int, $after: String, $o: ArticleOrder) { articles(filter: $f, first: $n, after: $after, orderBy: $o) { totalCount nodes { id } pageInfo { endCursor } } }',
      variables: v,
    })),
  fc
    .record({
      f: maybe(fc.record({ nameContains: maybe(hostileString), type: maybe(enumish), minMentions: maybe(hostileNumber) })),
      n: maybe(hostileNumber),
      after: maybe(hostileString),
      o: maybe(enumish),
    })
    .map((v) => ({
      query:
        'query($f: EntityFilter, $n: Int, $after: String, $o: EntityOrder) { entities(filter: $f, first: $n, after: $after, orderBy: $o) { totalCount nodes { id } } }',
      variables: v,
    })),
  fc.record({ id: anything, d: maybe(hostileNumber), l: maybe(hostileNumber), t: maybe(fc.array(enumish, { maxLength: 2 })) }).map((v) => ({
    query:
      'query($id: ID!, $d: Int!, $l: Int!, $t: [RelationType!]) { neighborhood(id: $id, depth: $d, limit: $l, relationTypes: $t) { nodes { id } edges { type } } }',
    variables: defaults({ d: 1, l: 10 }, v),
  })),
  fc.record({ a: anything, b: anything, h: maybe(hostileNumber), n: maybe(hostileNumber) }).map((v) => ({
    query: 'query($a: ID!, $b: ID!, $h: Int!, $n: Int!) { paths(from: $a, to: $b, maxHops: $h, first: $n) { length } }',
    variables: defaults({ h: 2, n: 3 }, v),
  })),
  fc.record({ id: anything, from: maybe(hostileDate), to: maybe(hostileDate), n: maybe(hostileNumber), t: maybe(enumish) }).map((v) => ({
    query:
      'query($id: ID!, $from: String, $to: String, $n: Int!, $t: EntityType) { cooccurrences(id: $id, from: $from, to: $to, first: $n, type: $t) { count } }',
    variables: defaults({ n: 10 }, v),
  })),
  fc
    .record({ ids: fc.array(anything, { maxLength: 25 }), i: maybe(enumish), from: maybe(hostileDate), to: maybe(hostileDate) })
    .map((v) => ({
      query:
        'query($ids: [ID!]!, $i: Interval!, $from: String, $to: String) { timeline(ids: $ids, interval: $i, from: $from, to: $to) { points { bucket } } }',
      variables: defaults({ i: 'WEEK' }, v),
    })),
  fc.record({ from: maybe(hostileDate), to: maybe(hostileDate), n: maybe(hostileNumber), p: maybe(enumish) }).map((v) => ({
    query: 'query($from: String, $to: String, $n: Int!, $p: Period) { trending(from: $from, to: $to, first: $n, period: $p) { current } }',
    variables: defaults({ n: 10 }, v),
  })),
  fc
    .record({
      f: maybe(
        fc.record({
          text: maybe(hostileString),
          entity: maybe(hostileString),
          from: maybe(hostileDate),
          to: maybe(hostileDate),
          language: maybe(hostileString),
          outlet: maybe(hostileString),
          period: maybe(enumish),
        }),
      ),
      n: maybe(hostileNumber),
      o: maybe(enumish),
      after: maybe(hostileString),
    })
    .map((v) => ({
      query:
        'query($f: StoryFilter, $n: Int, $o: StoryOrder, $after: String) { stories(filter: $f, first: $n, orderBy: $o, after: $after) { totalCount nodes { id } } }',
      variables: v,
    })),
  fc
    .record({ id: anything })
    .map((v) => ({ query: 'query($id: ID!) { story(id: $id) { id title } relatedArticles(id: $id) { score } }', variables: v })),
  fc
    .record({
      f: maybe(
        fc.record({
          entity: maybe(hostileString),
          from: maybe(hostileString),
          to: maybe(hostileString),
          since: maybe(hostileDate),
          until: maybe(hostileDate),
          types: maybe(fc.array(enumish, { maxLength: 2 })),
        }),
      ),
      n: maybe(hostileNumber),
      after: maybe(hostileString),
    })
    .map((v) => ({
      query: 'query($f: RelationsFilter, $n: Int, $after: String) { relations(filter: $f, first: $n, after: $after) { totalCount } }',
      variables: v,
    })),
];

const writes: fc.Arbitrary<Call>[] = [
  fc
    .array(
      fc.record({
        title: maybe(hostileString),
        body: maybe(hostileString),
        url: maybe(hostileString),
        publishedAt: maybe(hostileDate),
        language: maybe(hostileString),
        source: maybe(hostileString),
        html: maybe(hostileString),
      }),
      { maxLength: 3 },
    )
    .map((a) => ({ query: 'mutation($a: [ArticleInput!]!) { ingestArticles(articles: $a) { status error } }', variables: { a } })),
  fc
    .record({ id: anything, alias: anything })
    .map((v) => ({ query: 'mutation($id: ID!, $alias: String!) { addAlias(id: $id, alias: $alias) { id } }', variables: v })),
  fc.record({ id: anything }).map((v) => ({ query: 'mutation($id: ID!) { deleteArticle(id: $id) }', variables: v })),
  fc
    .record({ k: anything, m: anything })
    .map((v) => ({ query: 'mutation($k: ID!, $m: ID!) { mergeEntities(keepId: $k, mergeId: $m) { id } }', variables: v })),
];

/** The same values spelled into the query text, as a careless client builds queries. */
const inline = fc.record({ s: hostileString, n: hostileNumber }).chain(({ s, n }) =>
  fc.constantFrom<Call>(
    { query: `{ entity(id: ${JSON.stringify(s)}) { id } }`, variables: {} },
    { query: `{ search(query: ${JSON.stringify(s)}, first: ${n}) { score } }`, variables: {} },
    {
      query: `{ articles(filter: { from: ${JSON.stringify(s)}, text: ${JSON.stringify(s)} }, first: ${n}) { totalCount } }`,
      variables: {},
    },
    { query: `{ neighborhood(id: ${JSON.stringify(s)}, depth: ${n}) { nodes { id } } }`, variables: {} },
  ),
);
const garbage = fc
  .oneof(
    hostileString,
    fc.constantFrom(
      '{',
      '{ __typename',
      'query { ...x }',
      '{ entity(id: "a") { ...on Entity { ...on Entity { id } } } }',
      'subscription { x }',
      '{ a: stats { articles } a: stats { entities { type } } }',
    ),
  )
  .map((q): Call => ({ query: q, variables: {} }));

const strings = (v: unknown): string[] =>
  typeof v === 'string'
    ? [v]
    : Array.isArray(v)
      ? v.flatMap(strings)
      : v && typeof v === 'object'
        ? Object.entries(v).flatMap(([k, x]) => [k, ...strings(x)])
        : [];

describe('hostile GraphQL arguments against the running API', () => {
  let executor: Executor;
  let api: ApiServer;
  let sent = 0;

  beforeAll(async () => {
    executor = await testExecutor();
    await resetGraph(executor);
    for (const [i, body] of [
      '經濟部今天表示，對日本出口成長。',
      '外交部說明台灣與美國的合作。',
      'The ministry said exports to Japan rose.',
    ].entries()) {
      await ingestArticle(
        executor,
        fromInput(
          { url: `https://hostile.test/${i}`, title: `測試新聞${i}`, body, publishedAt: `2025-11-0${i + 1}`, source: 'Hostile Daily' },
          `seed ${i}`,
        ),
      );
    }
    api = await startApiServer({
      executor,
      port: 0,
      host: '127.0.0.1',
      apiKey: KEY,
      security: { writeRateLimit: 0, expensiveReadRateLimit: 0 },
      log: () => undefined,
    });
  }, 120000);
  afterAll(async () => {
    process.stderr.write(
      `[hostile graphql] ${sent} generated requests, none answered 5xx, with a stack trace, Cypher or an uncoded error\n`,
    );
    await api?.stop();
    await executor?.close();
  });

  /** Sends one call; returns what is wrong with the answer, or null. */
  async function refusedClearly(call: Call, auth: boolean): Promise<string | null> {
    sent++;
    const res = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${KEY}` } : {}) },
      body: JSON.stringify(call),
    });
    const raw = await res.text();
    if (res.status >= 500) return `HTTP ${res.status}: ${raw.slice(0, 300)}`;
    let body: { data?: unknown; errors?: { message?: string; extensions?: { code?: string } }[] };
    try {
      body = JSON.parse(raw);
    } catch {
      return `not JSON (HTTP ${res.status}): ${raw.slice(0, 200)}`;
    }
    // errors may quote what was sent; what is left must not leak
    let scrubbed = raw;
    for (const s of [...strings(call.variables), call.query].filter((s) => s.length > 2).sort((a, b) => b.length - a.length)) {
      scrubbed = scrubbed.split(JSON.stringify(s).slice(1, -1)).join('');
    }
    const leak = LEAKS.exec(scrubbed);
    if (leak) return `leaks ${JSON.stringify(leak[0])}: ${raw.slice(0, 300)}`;
    for (const e of body.errors ?? []) {
      const code = e.extensions?.code;
      if (!code || !/^[A-Z_]+$/.test(code) || code === 'INTERNAL_SERVER_ERROR') return `uncoded error ${JSON.stringify(e).slice(0, 300)}`;
      if (!e.message) return `error without a message: ${JSON.stringify(e)}`;
    }
    return null;
  }

  const budget = { interruptAfterTimeLimit: 150000, markInterruptAsFailure: false };
  const expectClear = async (arb: fc.Arbitrary<Call>, numRuns: number, auth = false): Promise<void> => {
    await fc.assert(
      fc.asyncProperty(arb, async (call) => {
        const problem = await refusedClearly(call, auth);
        if (problem) throw new Error(problem);
      }),
      { numRuns, ...budget },
    );
  };

  it('reads: every root field with generated arguments', async () => {
    await expectClear(fc.oneof(...reads), 180);
  }, 240000);

  it('writes with the key: ingest, alias, delete, merge with generated arguments', async () => {
    await expectClear(fc.oneof(...writes), 40, true);
  }, 240000);

  it('values spelled into the query text, and garbage documents', async () => {
    await expectClear(fc.oneof(inline, garbage), 60);
  }, 240000);
});
