#!/usr/bin/env node
'use strict';
/**
 * GraphQL API latency against a graph of generated articles, compared with the same Cypher run
 * directly through the driver (the floor).
 *
 * Builds a graph of --count synthetic articles (default 10,000) in its own embedded Neo4j, or
 * reuses a data dir kept by `bench-ingest --keep DIR` (--reuse DIR), or uses NEO4J_URI. Starts the
 * API server on a free loopback port and, for each root field present in the schema (found by
 * introspection; missing ones are skipped with a note), sends --requests requests over HTTP with
 * --concurrency in flight (bounded by --seconds per field). Then runs the statements the resolvers
 * would run (query builders from dist/store) through the Executor with the same parameters and
 * concurrency, and reports p50 / p95 / req/s for both and the ratio API p50 / driver p50.
 *
 *   npm run bench:api -- [--count 10000 | --reuse DIR] [--requests 200] [--concurrency 8] [--seconds 20] [--json]
 *
 * --json prints, as the last line, per field p50Ms, p95Ms and driverP50Ms (peerP50Ms, the
 * @neo4j/graphql comparison, is not measured yet).
 */

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const neo4j = require('neo4j-driver');
const { now, requireDist, percentile, fmt, parseArgs, printMachine, runPool } = require('./lib/common');
const { openGraph, countArticles, graphCounts, wipeGraph } = require('./lib/graph');
const { cachedItems } = require('./lib/extract-cache');
const { fastLoad } = require('./lib/fast-load');
const { startPeer } = require('./lib/peer');
const { startApi, rssMb } = require('./lib/load');

const TARGET_RATIO = 1.3;
const TARGET_P95_MS = 100;
const PEER_VERSION = '7.6.3';

// ---------------------------------------------------------------------------------------------
// Sample parameters taken from the graph, so every request hits real data
// ---------------------------------------------------------------------------------------------

async function sampleParameters(executor) {
  const rows = (cypher, params = {}) => executor.read({ cypher, params });
  const articles = await rows(
    `MATCH (a:Article) WHERE coalesce(a.stub, false) = false RETURN a.id AS id, a.url AS url ORDER BY a.id LIMIT 200`,
  );
  const ranked = await rows(`
    MATCH (e:Entity) WITH e, COUNT { (e)<-[:MENTIONS]-(:Article) } AS c
    RETURN e.id AS id, e.type AS type, e.name AS name, c ORDER BY c DESC, e.id`);
  if (!articles.length || !ranked.length) throw new Error('the graph is empty: nothing to query');
  // Realistic traffic mixes the frequent head (台灣, 美國) with the long tail: alternate top-20 and mid-tail.
  const head = ranked.slice(0, 20);
  const tail = ranked
    .filter((e) => e.c >= 3 && e.c <= Math.max(3, ranked[0].c / 20))
    .filter((_, i) => i % 7 === 0)
    .slice(0, 40);
  const mixed = [];
  for (let i = 0; i < 40; i++)
    mixed.push(i % 2 === 0 ? head[(i / 2) % head.length] : (tail[i % Math.max(1, tail.length)] ?? head[i % head.length]));
  const related = await rows(`
    MATCH (e:Entity) WHERE EXISTS { (e)-[:HOLDS_ROLE|MEMBER_OF|REPORTS_TO|PART_OF|COOPERATES_WITH|LOCATED_IN]-() }
    RETURN e.id AS id ORDER BY e.id LIMIT 200`);
  const pairs = [];
  for (let i = 0; i < Math.min(40, related.length); i++) {
    const a = related[(i * 7) % related.length].id;
    const b = related[(i * 13 + 5) % related.length].id;
    if (a !== b) pairs.push([a, b]);
  }
  const topics = ranked.filter((e) => e.type === 'topic').slice(0, 10);
  const persons = ranked.filter((e) => e.type === 'person');
  const [range] = await rows(
    `MATCH (a:Article) WHERE a.publishedAt IS NOT NULL RETURN min(a.publishedAt) AS first, max(a.publishedAt) AS last`,
  );
  const searchTerms = [
    '稀土',
    '關稅',
    '半導體',
    'tariffs',
    '颱風',
    ...head.slice(0, 10).map((e) => e.name),
    ...persons.slice(20, 30).map((e) => e.name),
  ];
  const months = [];
  for (let m = 1; m <= 12; m++) months.push(`2025-${String(m).padStart(2, '0')}`);
  return { articles, head, mixed, pairs, topics, persons, range, searchTerms, months };
}

// ---------------------------------------------------------------------------------------------
// Root fields: GraphQL text, variables per request, and the equivalent driver work
// ---------------------------------------------------------------------------------------------

const lastDay = (month) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);
const addDays = (iso, days) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86400000).toISOString().slice(0, 10);

// Chinese name parts, so that case folding (NewsGraph's nameContains ignores case) plays no part
const ENTITY_NAME_FILTERS = [
  { type: 'PERSON', nameContains: '林' },
  { type: 'ORGANIZATION', nameContains: '部' },
  { type: 'PERSON', nameContains: '陳' },
  { type: 'PLACE', nameContains: '市' },
  { type: 'ORGANIZATION', nameContains: '會' },
];

/** Marks a statement that takes the ids of the previous level's article page (the mentions loader). */
const MENTIONS_OF_PAGE = Symbol('mentions of the page');

function fieldDefinitions(s, q, g) {
  const pick = (arr, i) => arr[i % arr.length];
  const ENTITY_FIELDS = 'id name type mentionCount';
  return [
    {
      name: 'article(id) + mentions',
      root: 'article',
      query: `query($id: ID!) { article(id: $id) { id title publishedAt source language authors { name role } tags
                mentions { count salience inHeadline entity { ${ENTITY_FIELDS} } } } }`,
      vars: (i) => ({ id: pick(s.articles, i).id }),
      // article loader, then the mentions loader one level down
      statements: (v) => [[q.articlesById([v.id])], [q.mentionsByArticle([v.id])]],
    },
    {
      name: 'articles(mentionsAny, month)',
      root: 'articles',
      query: `query($f: ArticleFilter) { articles(filter: $f, first: 20) { totalCount nodes { id title publishedAt source } pageInfo { hasNextPage endCursor } } }`,
      vars: (i) => {
        const m = pick(s.months, i);
        return { f: { mentionsAny: [pick(s.mixed, i).id], from: `${m}-01`, to: lastDay(m) } };
      },
      statements: (v) => [[q.articlesPage({ filter: { ...v.f }, skip: 0, limit: 20 })]],
    },
    {
      name: 'articles(source, language)',
      root: 'articles',
      query: `query($f: ArticleFilter) { articles(filter: $f, first: 20) { totalCount nodes { id title publishedAt source } } }`,
      vars: (i) => ({
        f: pick(
          [{ source: 'udn', language: 'zh-Hant' }, { source: '自由時報' }, { source: 'taipeitimes', language: 'en' }, { source: '中央社' }],
          i,
        ),
      }),
      statements: (v) => [[q.articlesPage({ filter: { ...v.f }, skip: 0, limit: 20 })]],
    },
    {
      name: 'articles(topic)',
      root: 'articles',
      query: `query($f: ArticleFilter) { articles(filter: $f, first: 20) { totalCount nodes { id title publishedAt } } }`,
      vars: (i) => ({ f: { topic: pick(s.topics, i).id } }),
      statements: (v) => [[q.articlesPage({ filter: { ...v.f }, skip: 0, limit: 20 })]],
    },
    {
      name: 'articles(text)',
      root: 'articles',
      query: `query($f: ArticleFilter) { articles(filter: $f, first: 20) { totalCount nodes { id title } } }`,
      vars: (i) => ({ f: { text: pick(s.searchTerms, i) } }),
      statements: (v) => [[q.articlesPage({ filter: { ...v.f }, skip: 0, limit: 20 })]],
    },
    {
      name: 'entity + articles + relations',
      root: 'entity',
      query: `query($id: ID!) { entity(id: $id) { ${ENTITY_FIELDS} aliases nameEn
                articles(first: 10) { totalCount nodes { id title publishedAt } }
                relations(first: 10) { type title confidence from { id name } to { id name } evidence { sentence confidence } } } }`,
      vars: (i) => ({ id: pick(s.mixed, i).id }),
      // entity loader, then the articles and relations loaders of the same level in parallel
      statements: (v) => [
        [q.entitiesById([v.id])],
        [
          q.articlesByEntity({ ids: [v.id], skip: 0, limit: 10 }),
          // as many sentences as the query lists (evidence's default page of 10), as the API reads them
          q.relationsByEntity({ ids: [v.id], types: undefined, direction: 'BOTH', first: 10, evidence: 10 }),
        ],
      ],
    },
    {
      name: 'entities(type, minMentions)',
      root: 'entities',
      query: `query($f: EntityFilter) { entities(filter: $f, first: 20) { totalCount nodes { ${ENTITY_FIELDS} } } }`,
      vars: (i) => ({ f: pick([{ type: 'PERSON', minMentions: 2 }, { type: 'ORGANIZATION' }, { type: 'TOPIC' }, { minMentions: 50 }], i) }),
      statements: (v) => [[q.entitiesPage({ filter: { ...v.f, type: v.f.type?.toLowerCase() }, skip: 0, limit: 20 })]],
    },
    {
      name: 'entities(nameContains)',
      root: 'entities',
      query: `query($f: EntityFilter) { entities(filter: $f, first: 20) { totalCount nodes { ${ENTITY_FIELDS} } } }`,
      vars: (i) => ({ f: { nameContains: pick(['林', '部', 'tai', '國', '陳'], i) } }),
      statements: (v) => [[q.entitiesPage({ filter: { ...v.f }, skip: 0, limit: 20 })]],
    },
    {
      name: 'search',
      root: 'search',
      query: `query($q: String!) { search(query: $q, first: 20) { score entity { ${ENTITY_FIELDS} } article { id title } } }`,
      vars: (i) => ({ q: pick(s.searchTerms, i) }),
      statements: (v) => [[q.search({ query: v.q.trim(), types: undefined, includeArticles: true, first: 20 })]],
    },
    {
      name: 'neighborhood(depth 2)',
      root: 'neighborhood',
      query: `query($id: ID!) { neighborhood(id: $id, depth: 2, limit: 50) { nodes { ${ENTITY_FIELDS} } edges { from to type title weight confidence } } }`,
      vars: (i) => ({ id: pick(s.mixed, i).id }),
      statements: (v) => [[g.neighborhood({ id: v.id, depth: 2, limit: 50, types: undefined })]],
    },
    {
      name: 'paths(maxHops 3)',
      root: 'paths',
      query: `query($a: ID!, $b: ID!) { paths(from: $a, to: $b, maxHops: 3, first: 5) { length nodes { id name } edges { from to type } } }`,
      vars: (i) => {
        const [a, b] = pick(s.pairs.length ? s.pairs : [[s.head[0].id, s.head[1].id]], i);
        return { a, b };
      },
      statements: (v) => [[g.paths({ from: v.a, to: v.b, maxHops: 3, first: 5, types: undefined })]],
    },
    {
      name: 'cooccurrences',
      root: 'cooccurrences',
      query: `query($id: ID!) { cooccurrences(id: $id, first: 20) { count entityArticles npmi strength entity { ${ENTITY_FIELDS} } } }`,
      vars: (i) => ({ id: pick(s.mixed, i).id }),
      statements: (v) => [[g.cooccurrences({ id: v.id, type: undefined, from: undefined, to: undefined, first: 20 })]],
    },
    {
      name: 'timeline(3 ids, WEEK)',
      root: 'timeline',
      query: `query($ids: [ID!]!) { timeline(ids: $ids, interval: WEEK) { entity { id name } points { bucket articles mentions } } }`,
      vars: (i) => ({ ids: [pick(s.mixed, i).id, pick(s.mixed, i + 1).id, pick(s.mixed, i + 2).id] }),
      statements: (v) => [[g.timeline({ ids: v.ids, interval: 'WEEK', from: undefined, to: undefined })]],
    },
    {
      name: 'trending(month)',
      root: 'trending',
      query: `query($from: String!, $to: String!) { trending(from: $from, to: $to, first: 10) { current previous score entity { ${ENTITY_FIELDS} } } }`,
      vars: (i) => {
        const m = pick(s.months.slice(1), i);
        return { from: `${m}-01`, to: lastDay(m) };
      },
      statements: (v) => {
        const days = Math.round((Date.parse(v.to) - Date.parse(v.from)) / 86400000) + 1;
        return [
          [g.trending({ type: undefined, from: v.from, to: `${v.to}T23:59:59.999Z`, previousFrom: addDays(v.from, -days), first: 10 })],
        ];
      },
    },
    {
      name: 'relatedArticles',
      root: 'relatedArticles',
      query: `query($id: ID!) { relatedArticles(id: $id, first: 10) { link score article { id title publishedAt } shared { id name } } }`,
      vars: (i) => ({ id: pick(s.articles, i).id }),
      // the resolver checks the article exists (loader), then loads the related list
      statements: (v) => [[q.articlesById([v.id])], [g.relatedArticles({ ids: [v.id], first: 10 })]],
    },
    // the shapes @neo4j/graphql can express too: measured side by side with it (peer)
    {
      name: 'articles + mentions',
      root: 'articles',
      query: `query($f: ArticleFilter) { articles(filter: $f, first: 20) { nodes { id title publishedAt
                mentions { salience entity { id name mentionCount } } } } }`,
      vars: (i) => ({ f: pick([null, { language: 'zh-Hant' }, { language: 'en' }], i) }),
      statements: (v) => {
        const page = q.articlesPage({ filter: v.f ? { ...v.f } : undefined, skip: 0, limit: 20 });
        return [[page], [MENTIONS_OF_PAGE]];
      },
      peer: {
        query: `query($w: ArticleWhere) { articles(where: $w, sort: [{ publishedAt: DESC }, { id: DESC }], limit: 20) { id title publishedAt
                  mentionsConnection(sort: [{ edge: { salience: DESC } }, { edge: { firstOffset: ASC } }, { node: { id: ASC } }]) {
                    edges { properties { salience } node { id name mentionCount } } } } }`,
        vars: (v) => ({ w: { stub: { eq: false }, ...(v.f ? { language: { eq: v.f.language } } : {}) } }),
        fromPeer: (d) =>
          d.articles.map((a) => ({
            id: a.id,
            title: a.title,
            publishedAt: a.publishedAt,
            mentions: a.mentionsConnection.edges.map((e) => ({ salience: e.properties.salience, entity: e.node })),
          })),
        fromApi: (d) => d.articles.nodes,
      },
    },
    {
      name: 'entity + newest articles',
      root: 'entity',
      query: `query($id: ID!) { entity(id: $id) { id name mentionCount articles(first: 10) { nodes { id title publishedAt } } } }`,
      vars: (i) => ({ id: pick(s.mixed, i).id }),
      statements: (v) => [[q.entitiesById([v.id])], [q.articlesByEntity({ ids: [v.id], skip: 0, limit: 10 })]],
      peer: {
        query: `query($id: ID!) { entities(where: { id: { eq: $id } }) { id name mentionCount
                  articles(sort: [{ publishedAt: DESC }, { id: DESC }], limit: 10) { id title publishedAt } } }`,
        vars: (v) => ({ id: v.id }),
        fromPeer: (d) => d.entities[0] ?? null,
        fromApi: (d) => d.entity && { ...d.entity, articles: d.entity.articles.nodes },
      },
    },
    {
      name: 'articles(mentionsAny)',
      root: 'articles',
      query: `query($f: ArticleFilter) { articles(filter: $f, first: 20) { nodes { id title publishedAt } } }`,
      vars: (i) => ({ f: { mentionsAny: [pick(s.mixed, i).id] } }),
      statements: (v) => [[q.articlesPage({ filter: { ...v.f }, skip: 0, limit: 20 })]],
      peer: {
        query: `query($w: ArticleWhere) { articles(where: $w, sort: [{ publishedAt: DESC }, { id: DESC }], limit: 20) { id title publishedAt } }`,
        vars: (v) => ({ w: { stub: { eq: false }, mentions: { some: { id: { eq: v.f.mentionsAny[0] } } } } }),
        fromPeer: (d) => d.articles,
        fromApi: (d) => d.articles.nodes,
      },
    },
    {
      name: 'entities(type, name)',
      root: 'entities',
      query: `query($f: EntityFilter) { entities(filter: $f, first: 20) { nodes { id name mentionCount } } }`,
      vars: (i) => ({ f: pick(ENTITY_NAME_FILTERS, i) }),
      statements: (v) => [[q.entitiesPage({ filter: { ...v.f, type: v.f.type.toLowerCase() }, skip: 0, limit: 20 })]],
      peer: {
        // NewsGraph's nameContains also looks at the aliases (aliasText holds them, with nameEn)
        query: `query($w: EntityWhere) { entities(where: $w, sort: [{ mentionCount: DESC }, { name: ASC }, { id: ASC }], limit: 20) {
                  id name mentionCount } }`,
        vars: (v) => ({
          w: {
            type: { eq: v.f.type.toLowerCase() },
            OR: [{ name: { contains: v.f.nameContains } }, { aliasText: { contains: v.f.nameContains } }],
          },
        }),
        fromPeer: (d) => d.entities,
        fromApi: (d) => d.entities.nodes,
      },
    },
    {
      name: 'stats',
      root: 'stats',
      query: `query { stats { articles firstPublished lastPublished entities { type count } relations { type count } } }`,
      vars: () => ({}),
      statements: () => [[q.counts()]],
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// Load generation
// ---------------------------------------------------------------------------------------------

async function postGraphQL(url, body) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
    body: JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok || json.errors?.length) {
    const msg = json.errors?.map((e) => e.message).join('; ') || `HTTP ${res.status}`;
    throw new Error(msg);
  }
  return json.data;
}

/** Runs `op(i)` up to `requests` times (or until `seconds` passed) at `concurrency`; returns latencies. */
async function measure(op, { requests, concurrency, seconds, warmup }) {
  // a warm-up request that fails (a timeout on a busy machine) is counted with the others, not fatal
  const errors = [];
  for (let i = 0; i < warmup; i++) await op(i).catch((err) => errors.push(err.message));
  const latencies = [];
  const deadline = now() + seconds * 1000;
  const t0 = now();
  let issued = 0;
  await runPool(requests, concurrency, async () => {
    if (now() > deadline) return;
    const i = issued++;
    const s = now();
    try {
      await op(i);
      latencies.push(now() - s);
    } catch (err) {
      errors.push(err.message);
    }
  });
  const elapsed = (now() - t0) / 1000;
  return { latencies, errors, elapsed, n: latencies.length + errors.length };
}

async function introspectQueryFields(url) {
  const data = await postGraphQL(url, { query: '{ __schema { queryType { fields { name } } } }' });
  return new Set(data.__schema.queryType.fields.map((f) => f.name));
}

/** Runs a field's statements level by level (a level's statements in parallel, as the loaders do); returns the rows. */
async function runLevels(ex, q, levels, onStatement) {
  const out = [];
  let prev = null;
  for (const level of levels) {
    const concrete = level.map((st) => (st === MENTIONS_OF_PAGE ? q.mentionsByArticle(prev[0][0].items.map((a) => a.id)) : st));
    for (const st of concrete) onStatement?.(st);
    prev = await Promise.all(concrete.map((st) => ex.read(st)));
    out.push(prev);
  }
  return out;
}

const plain = (_, v) =>
  v && typeof v === 'object' && 'low' in v && 'high' in v && Object.keys(v).length === 2 ? Number(v.low) + v.high * 2 ** 32 : v;

/** neo4j Integers and driver values as plain JSON, so two runs' rows can be compared. */
const canonical = (value) => JSON.stringify(value, plain);

/**
 * The same, with every list sorted: two graphs holding the same data can still order ties
 * differently (equal salience, evidence collected in storage order), because their internal ids
 * differ; the loader check compares what is there, the peer check and the store's tests the order.
 */
function unordered(value) {
  const norm = (v) => {
    if (Array.isArray(v)) return v.map(norm).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
    if (v && typeof v === 'object')
      return Object.fromEntries(
        Object.keys(v)
          .sort()
          .map((k) => [k, norm(v[k])]),
      );
    return v;
  };
  // sums of floats differ in the last digits with the order they are added in
  const rounded = (k, v) => (typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(12)) : plain(k, v));
  return JSON.stringify(norm(JSON.parse(JSON.stringify(value, rounded))));
}

/**
 * The fast loader against the real writer on a small graph: the same cached items written once
 * by store.writeArticles (batches of 100, one after another, as `newsgraph ingest` does) and once
 * by the fast loader, into a fresh embedded Neo4j, and every benchmarked statement run with the
 * same sampled parameters on both. Returns { articles, queries, differences }.
 */
async function checkLoader(options) {
  const { count, seed, workers, log } = options;
  const store = requireDist('store/index.js');
  const q = requireDist('store/queries.js');
  const g = requireDist('store/graph-queries.js');
  const cache = await cachedItems({ count, seed, workers, log });
  const chunks = () => Array.from({ length: cache.chunks }, (_, k) => cache.read(k));
  const graph = await openGraph({ heapMb: 512, pageCacheMb: 256, log });
  try {
    const ex = graph.executor;
    const t0 = now();
    for (const chunk of chunks()) {
      for (let i = 0; i < chunk.length; i += 100) {
        const results = await store.writeArticles(ex, chunk.slice(i, i + 100));
        const failed = results.filter((r) => r.error);
        if (failed.length) throw new Error(`the real writer failed on ${failed[0].id}: ${failed[0].error.message}`);
      }
    }
    log(`  loader check: ${count} articles through store.writeArticles in ${fmt((now() - t0) / 1000, 1)} s`);
    const samples = await sampleParameters(ex);
    const fields = fieldDefinitions(samples, q, g);
    const answers = async () => {
      const out = new Map();
      for (const f of fields)
        for (let i = 0; i < CHECK_REQUESTS; i++) {
          const rows = await runLevels(ex, q, f.statements(f.vars(i)));
          // full-text scores depend on the index's statistics (deleted documents count), not only on the data
          const data = f.root === 'search' ? JSON.parse(canonical(rows), (k, v) => (k === 'score' ? undefined : v)) : rows;
          out.set(`${f.name} #${i}`, { exact: canonical(rows), unordered: unordered(data) });
        }
      // the per-day counts (EntityDay) and what each article is credited as, row for row
      const days = await ex.read({
        cypher: `CALL () { MATCH (d:EntityDay) WITH d ORDER BY d.key
                           RETURN collect([d.key, d.entityId, toString(d.day), d.outlet, d.language, d.copy, d.articles, d.mentions]) AS days }
                 CALL () { MATCH (a:Article) WITH a ORDER BY a.id RETURN collect([a.id, a.countedIn]) AS marks }
                 RETURN days, marks`,
        params: {},
      });
      out.set('EntityDay rows', { exact: canonical(days), unordered: canonical(days) });
      return out;
    };
    const real = await answers();
    await wipeGraph(ex);
    await fastLoad(
      ex,
      function* () {
        yield* chunks();
      },
      { log },
    );
    const fast = await answers();
    const differences = [...real.keys()].filter((k) => real.get(k).unordered !== fast.get(k).unordered);
    const tieOrder = [...real.keys()].filter(
      (k) => real.get(k).unordered === fast.get(k).unordered && real.get(k).exact !== fast.get(k).exact,
    );
    if (options.saveTo) fs.writeFileSync(options.saveTo, JSON.stringify({ real: [...real], fast: [...fast] }));
    for (const k of differences.slice(0, 5)) {
      const a = real.get(k).unordered;
      const b = fast.get(k).unordered;
      let at = 0;
      while (at < a.length && a[at] === b[at]) at++;
      log(
        `  loader check: ${k} differs at ${at}: real …${a.slice(Math.max(0, at - 80), at + 120)}… fast …${b.slice(Math.max(0, at - 80), at + 120)}…`,
      );
    }
    if (tieOrder.length)
      log(`  loader check: ${tieOrder.length} answers hold the same rows in another order among ties (${tieOrder.join(', ')})`);
    return {
      articles: count,
      queries: real.size,
      differences: differences.length,
      differing: differences.slice(0, 20),
      tieOrder: tieOrder.length,
    };
  } finally {
    await graph.close();
  }
}

const CHECK_REQUESTS = 6;

/** Operators that read every node of a label (or every node). */
const SCAN_OPERATORS =
  /^(NodeByLabelScan|AllNodesScan|UnionNodeByLabelsScan|IntersectionNodeByLabelsScan|DirectedAllRelationshipsScan|UndirectedAllRelationshipsScan|DirectedRelationshipTypeScan|UndirectedRelationshipTypeScan)/;

/** PROFILE of one statement: scans, the most rows any expand produced, db hits. */
async function profileStatement(driver, st) {
  const session = driver.session({ defaultAccessMode: 'READ' });
  try {
    const res = await session.run(`PROFILE ${st.cypher}`, st.params);
    const scans = [];
    let maxExpandRows = 0;
    let dbHits = 0;
    const walk = (op) => {
      dbHits += Number(op.dbHits ?? 0);
      const type = String(op.operatorType).replace(/@.*$/, '');
      // a branch the plan holds but the data never took (a fallback) reads nothing: not a scan
      if (SCAN_OPERATORS.test(type) && (Number(op.rows ?? 0) > 0 || Number(op.dbHits ?? 0) > 0))
        scans.push(`${type}(${op.arguments?.Details ?? ''})`.slice(0, 120));
      if (/Expand|VarLength/.test(type)) maxExpandRows = Math.max(maxExpandRows, Number(op.rows ?? 0));
      for (const c of op.children ?? []) walk(c);
    };
    walk(res.summary.profile);
    return { scans, maxExpandRows, dbHits };
  } finally {
    await session.close();
  }
}

function startRssSampler(pid) {
  const samples = [];
  const take = () => {
    try {
      samples.push(rssMb(pid));
    } catch {
      /* the process is gone */
    }
  };
  take();
  const timer = setInterval(take, 250);
  return {
    mark: () => samples.length,
    maxSince: (mark) => Math.max(...samples.slice(mark)),
    stop: () => clearInterval(timer),
    max: () => Math.max(...samples),
    last: () => samples[samples.length - 1],
  };
}

async function main() {
  const args = parseArgs(
    process.argv.slice(2),
    {
      count: 'number',
      reuse: 'string',
      keep: 'string',
      requests: 'number',
      concurrency: 'number',
      seconds: 'number',
      seed: 'string',
      only: 'string',
      heapMb: 'number',
      pageCacheMb: 'number',
      workers: 'number',
      checkLoader: 'number',
      cacheDir: 'string',
      saveCheck: 'string',
      checkOnly: 'boolean',
      noPeer: 'boolean',
      noProfile: 'boolean',
      port: 'number',
      peerPort: 'number',
      boltPort: 'number',
      json: 'boolean',
    },
    { count: 10000, requests: 200, concurrency: 8, seconds: 20, seed: 'bench', heapMb: 1024, pageCacheMb: 1024, checkLoader: 2000 },
  );
  if (!Number.isInteger(args.requests) || args.requests < 1 || args.requests > 100000) throw new Error('--requests must be 1..100000');
  if (!Number.isInteger(args.concurrency) || args.concurrency < 1 || args.concurrency > 64) throw new Error('--concurrency must be 1..64');
  if (!Number.isInteger(args.count) || args.count < 1 || args.count > 1_000_000) throw new Error('--count must be 1..1000000');
  const log = (line) => console.log(line);
  printMachine();
  console.log(
    `bench-api: ${args.requests} requests per field at concurrency ${args.concurrency} (at most ${args.seconds} s per field), ${new Date().toISOString()}`,
  );

  let loaderCheck = null;
  if (args.checkLoader > 0 && !args.reuse) {
    console.log(`checking the fast loader against the real writer on ${args.checkLoader} articles...`);
    loaderCheck = await checkLoader({ count: args.checkLoader, seed: args.seed, workers: args.workers, log, saveTo: args.saveCheck });
    console.log(
      `RESULT loader check: ${loaderCheck.queries} benchmarked queries on a ${loaderCheck.articles}-article graph, ` +
        (loaderCheck.differences
          ? `${loaderCheck.differences} DIFFER (${loaderCheck.differing.join(', ')})`
          : `identical results from the fast loader and store.writeArticles (the same rows; ${loaderCheck.tieOrder} of them in another order among equal sort keys)`),
    );
  }

  if (args.checkOnly) return;
  if (args.keep && fs.existsSync(args.keep) && fs.readdirSync(args.keep).length)
    throw new Error(`--keep ${args.keep}: directory exists and is not empty`);
  const graphOptions = { heapMb: args.heapMb, pageCacheMb: args.pageCacheMb, port: args.boltPort, log };
  const graph = args.reuse
    ? await openGraph({ ...graphOptions, dataDir: args.reuse, keepData: true })
    : await openGraph({ ...graphOptions, dataDir: args.keep, keepData: Boolean(args.keep) });
  let api;
  let peer;
  let rawDriver;
  const shutdown = async () => {
    if (api) {
      api.child.kill('SIGTERM');
      await api.exited;
    }
    if (peer) await peer.stop().catch(() => {});
    if (rawDriver) await rawDriver.close().catch(() => {});
    await graph.close();
  };
  process.once('SIGINT', () => shutdown().finally(() => process.exit(130)));
  process.once('SIGTERM', () => shutdown().finally(() => process.exit(143)));
  try {
    const executor = graph.executor;
    let articles = await countArticles(executor);
    if (args.reuse) {
      if (!articles) throw new Error(`--reuse ${args.reuse}: the graph there holds no articles`);
      console.log(`reusing the graph in ${path.resolve(args.reuse)}`);
    } else {
      if (articles) throw new Error('the graph is not empty (NEO4J_URI?): the fast loader needs an empty one');
      console.log(`building the graph: ${args.count} generated articles, extracted (cached) and written by the fast loader...`);
      const cache = await cachedItems({ count: args.count, seed: args.seed, workers: args.workers, cacheDir: args.cacheDir, log });
      await fastLoad(
        executor,
        function* () {
          for (let k = 0; k < cache.chunks; k++) yield cache.read(k);
        },
        { log, progress: true },
      );
      await executor.runSchema('CALL db.awaitIndexes(600)');
      articles = await countArticles(executor);
    }
    const counts = await graphCounts(executor);
    console.log(
      `graph: ${articles} articles (${counts.articles} article nodes incl. stubs), ${counts.entities} entities, ${counts.relationships} relationships`,
    );

    const q = requireDist('store/queries.js');
    const g = requireDist('store/graph-queries.js');
    api = await startApi(graph.uri, 'bench-key', args.port ?? 0);
    const rss = startRssSampler(api.child.pid);
    console.log(`API (dist/main.js, pid ${api.child.pid}) at ${api.url}; RSS ${fmt(rss.last(), 0)} MB before any request`);
    if (!args.noPeer) {
      peer = await startPeer({ uri: graph.uri, port: args.peerPort ?? 0 });
      console.log(`peer (@neo4j/graphql ${PEER_VERSION}) at ${peer.url}`);
    }

    const present = await introspectQueryFields(api.url);
    const samples = await sampleParameters(executor);
    const hot = samples.head[0];
    console.log(`hot entity for the plans: ${hot.id} (${hot.c} articles mention it)`);
    const only = args.only ? new Set(args.only.split(',')) : null;
    const results = [];
    const fields = fieldDefinitions(samples, q, g).filter((f) => !only || only.has(f.root) || only.has(f.name));

    // identical results first: NewsGraph's API and the peer on the same requests
    const identical = new Map();
    if (peer)
      for (const f of fields.filter((x) => x.peer)) {
        let same = 0;
        let firstDiff = null;
        for (let i = 0; i < 10; i++) {
          const v = f.vars(i);
          const mine = canonical(f.peer.fromApi(await postGraphQL(api.url, { query: f.query, variables: v })));
          const theirs = canonical(f.peer.fromPeer(await postGraphQL(peer.url, { query: f.peer.query, variables: f.peer.vars(v) })));
          if (mine === theirs) same++;
          else firstDiff ??= { i, mine: mine.slice(0, 300), theirs: theirs.slice(0, 300) };
        }
        identical.set(f.name, same === 10);
        console.log(
          `identical results, ${f.name}: ${same}/10 requests${firstDiff ? ` (first difference, request ${firstDiff.i}: NewsGraph ${firstDiff.mine} / peer ${firstDiff.theirs})` : ''}`,
        );
      }

    // query plans: every statement of every field, with the hot entity
    const plans = new Map();
    if (!args.noProfile) {
      rawDriver = neo4j.driver(graph.uri);
      console.log('');
      console.log(`PROFILE (the statements of each field, first request, i.e. the hot entity where a field takes one):`);
      for (const f of fields) {
        const sts = [];
        await runLevels(executor, q, f.statements(f.vars(0)), (st) => sts.push(st));
        const ps = [];
        for (const st of sts) ps.push(await profileStatement(rawDriver, st));
        const plan = {
          scans: ps.flatMap((p) => p.scans),
          maxExpandRows: Math.max(...ps.map((p) => p.maxExpandRows)),
          dbHits: ps.reduce((n, p) => n + p.dbHits, 0),
        };
        plan.fullDegree = plan.maxExpandRows >= hot.c / 2 && hot.c > 100;
        plans.set(f.name, plan);
        console.log(
          `  ${f.name.padEnd(32)} ${plan.scans.length ? `SCANS ${plan.scans.join(', ')}` : 'no label scans'}; ` +
            `most rows from one expand ${plan.maxExpandRows}${plan.fullDegree ? ` (>= half the hot entity's ${hot.c}: FULL DEGREE)` : ''}; db hits ${plan.dbHits}`,
        );
      }
    }

    console.log('');
    console.log(
      `${'field'.padEnd(32)} ${'API p50'.padStart(8)} ${'p95'.padStart(8)} ${'req/s'.padStart(7)} | ${'driver p50'.padStart(10)} ${'p95'.padStart(8)} | ${'ratio'.padStart(6)} | ${'peer p50'.padStart(8)} ${'p95'.padStart(8)} | API RSS`,
    );
    for (const f of fields) {
      if (!present.has(f.root)) {
        console.log(`${f.name.padEnd(32)} skipped: "${f.root}" is not in the schema`);
        continue;
      }
      const opts = { requests: args.requests, concurrency: args.concurrency, seconds: args.seconds, warmup: 5 };
      const drv = await measure((i) => runLevels(executor, q, f.statements(f.vars(i))), opts);
      const mark = rss.mark();
      const apiRun = await measure((i) => postGraphQL(api.url, { query: f.query, variables: f.vars(i) }), opts);
      const apiRss = rss.maxSince(mark);
      const peerRun =
        peer && f.peer
          ? await measure((i) => postGraphQL(peer.url, { query: f.peer.query, variables: f.peer.vars(f.vars(i)) }), opts)
          : null;
      const stat = (m) =>
        m && {
          p50: percentile(m.latencies, 50),
          p95: percentile(m.latencies, 95),
          rps: m.latencies.length / m.elapsed,
          n: m.n,
          errors: m.errors,
        };
      const r = { name: f.name, api: stat(apiRun), drv: stat(drv), peer: stat(peerRun), apiRss };
      r.ratio = r.api.p50 / r.drv.p50;
      results.push(r);
      const flags = [
        r.api.p95 >= TARGET_P95_MS ? 'p95' : null,
        r.ratio > TARGET_RATIO ? 'ratio' : null,
        r.peer && r.api.p50 > r.peer.p50 ? 'slower than peer' : null,
      ].filter(Boolean);
      console.log(
        `${f.name.padEnd(32)} ${fmt(r.api.p50, 1).padStart(8)} ${fmt(r.api.p95, 1).padStart(8)} ${fmt(r.api.rps, 0).padStart(7)} | ` +
          `${fmt(r.drv.p50, 1).padStart(10)} ${fmt(r.drv.p95, 1).padStart(8)} | ${`${fmt(r.ratio, 2)}x`.padStart(6)} | ` +
          `${(r.peer ? fmt(r.peer.p50, 1) : '-').padStart(8)} ${(r.peer ? fmt(r.peer.p95, 1) : '-').padStart(8)} | ${fmt(apiRss, 0)} MB` +
          `${flags.length ? `  (over: ${flags.join(', ')})` : ''}  [n=${r.api.n}/${r.drv.n}${r.peer ? `/${r.peer.n}` : ''}]`,
      );
      for (const [side, m] of [
        ['API', r.api],
        ['driver', r.drv],
        ['peer', r.peer],
      ]) {
        if (m?.errors.length) console.log(`  ${m.errors.length} ${side} errors, first: ${m.errors[0].slice(0, 300)}`);
      }
    }
    rss.stop();
    console.log('');
    const slow = results.filter((r) => r.api.p95 >= TARGET_P95_MS);
    const over = results.filter((r) => r.ratio > TARGET_RATIO);
    const behind = results.filter((r) => r.peer && r.api.p50 > r.peer.p50);
    console.log(
      `latencies in ms at concurrency ${args.concurrency}; load average ${os
        .loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')}`,
    );
    console.log(
      `RESULT p95 < ${TARGET_P95_MS} ms: ${results.length - slow.length}/${results.length} fields${slow.length ? ` (over: ${slow.map((r) => r.name).join(', ')})` : ''}`,
    );
    console.log(
      `RESULT API p50 / driver p50 <= ${TARGET_RATIO}x: ${results.length - over.length}/${results.length} fields${over.length ? ` (over: ${over.map((r) => r.name).join(', ')})` : ''}`,
    );
    const withPeer = results.filter((r) => r.peer);
    console.log(
      `RESULT NewsGraph p50 <= @neo4j/graphql p50: ${withPeer.length - behind.length}/${withPeer.length} shapes${behind.length ? ` (slower: ${behind.map((r) => r.name).join(', ')})` : ''}; ` +
        `identical results ${[...identical.values()].filter(Boolean).length}/${identical.size}`,
    );
    const scanned = [...plans].filter(([, p]) => p.scans.length || p.fullDegree);
    if (plans.size)
      console.log(
        `RESULT plans: ${plans.size - scanned.length}/${plans.size} fields without label scans or a hot entity's full degree${scanned.length ? ` (not: ${scanned.map(([n]) => n).join(', ')})` : ''}`,
      );
    console.log(`RESULT API process RSS: at most ${fmt(rss.max(), 0)} MB while serving (${fmt(rss.last(), 0)} MB at the end)`);
    if (args.json) {
      const fieldsOut = Object.fromEntries(
        results.map((r) => [
          r.name,
          {
            p50Ms: r.api.p50,
            p95Ms: r.api.p95,
            driverP50Ms: r.drv.p50,
            driverP95Ms: r.drv.p95,
            ratio: r.ratio,
            ...(r.peer ? { peerP50Ms: r.peer.p50, peerP95Ms: r.peer.p95, identicalToPeer: identical.get(r.name) ?? null } : {}),
            ...(plans.has(r.name) ? { plan: plans.get(r.name) } : {}),
            apiRssMb: r.apiRss,
            n: r.api.n,
          },
        ]),
      );
      console.log(
        JSON.stringify({
          articles,
          concurrency: args.concurrency,
          fields: fieldsOut,
          loaderCheck,
          apiRssMaxMb: rss.max(),
          loadAverage: os.loadavg(),
        }),
      );
    }
  } finally {
    await shutdown();
  }
}

main().catch((err) => {
  console.error(`bench-api: ${err.stack || err.message}`);
  process.exit(1);
});
