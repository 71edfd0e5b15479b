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
const path = require('node:path');
const { now, requireDist, percentile, fmt, parseArgs, printMachine, runPool } = require('./lib/common');
const { openGraph, countArticles, graphCounts, ingestSynthetic } = require('./lib/graph');

const TARGET_RATIO = 1.5;

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
      driver: async (ex, v) => {
        await ex.read(q.articlesById([v.id]));
        await ex.read(q.mentionsByArticle([v.id]));
      },
    },
    {
      name: 'articles(mentionsAny, month)',
      root: 'articles',
      query: `query($f: ArticleFilter) { articles(filter: $f, first: 20) { totalCount nodes { id title publishedAt source } pageInfo { hasNextPage endCursor } } }`,
      vars: (i) => {
        const m = pick(s.months, i);
        return { f: { mentionsAny: [pick(s.mixed, i).id], from: `${m}-01`, to: lastDay(m) } };
      },
      driver: (ex, v) => ex.read(q.articlesPage({ filter: { ...v.f }, skip: 0, limit: 20 })),
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
      driver: (ex, v) => ex.read(q.articlesPage({ filter: { ...v.f }, skip: 0, limit: 20 })),
    },
    {
      name: 'articles(topic)',
      root: 'articles',
      query: `query($f: ArticleFilter) { articles(filter: $f, first: 20) { totalCount nodes { id title publishedAt } } }`,
      vars: (i) => ({ f: { topic: pick(s.topics, i).id } }),
      driver: (ex, v) => ex.read(q.articlesPage({ filter: { ...v.f }, skip: 0, limit: 20 })),
    },
    {
      name: 'articles(text)',
      root: 'articles',
      query: `query($f: ArticleFilter) { articles(filter: $f, first: 20) { totalCount nodes { id title } } }`,
      vars: (i) => ({ f: { text: pick(s.searchTerms, i) } }),
      driver: (ex, v) => ex.read(q.articlesPage({ filter: { ...v.f }, skip: 0, limit: 20 })),
    },
    {
      name: 'entity + articles + relations',
      root: 'entity',
      query: `query($id: ID!) { entity(id: $id) { ${ENTITY_FIELDS} aliases nameEn
                articles(first: 10) { totalCount nodes { id title publishedAt } }
                relations(first: 10) { type title confidence from { id name } to { id name } evidence { sentence confidence } } } }`,
      vars: (i) => ({ id: pick(s.mixed, i).id }),
      // entity loader, then the articles and relations loaders of the same level in parallel
      driver: async (ex, v) => {
        await ex.read(q.entitiesById([v.id]));
        await Promise.all([
          ex.read(q.articlesByEntity({ ids: [v.id], skip: 0, limit: 10 })),
          ex.read(q.relationsByEntity({ ids: [v.id], types: undefined, direction: 'BOTH', first: 10 })),
        ]);
      },
    },
    {
      name: 'entities(type, minMentions)',
      root: 'entities',
      query: `query($f: EntityFilter) { entities(filter: $f, first: 20) { totalCount nodes { ${ENTITY_FIELDS} } } }`,
      vars: (i) => ({ f: pick([{ type: 'PERSON', minMentions: 2 }, { type: 'ORGANIZATION' }, { type: 'TOPIC' }, { minMentions: 50 }], i) }),
      driver: (ex, v) => ex.read(q.entitiesPage({ filter: { ...v.f, type: v.f.type?.toLowerCase() }, skip: 0, limit: 20 })),
    },
    {
      name: 'entities(nameContains)',
      root: 'entities',
      query: `query($f: EntityFilter) { entities(filter: $f, first: 20) { totalCount nodes { ${ENTITY_FIELDS} } } }`,
      vars: (i) => ({ f: { nameContains: pick(['林', '部', 'tai', '國', '陳'], i) } }),
      driver: (ex, v) => ex.read(q.entitiesPage({ filter: { ...v.f }, skip: 0, limit: 20 })),
    },
    {
      name: 'search',
      root: 'search',
      query: `query($q: String!) { search(query: $q, first: 20) { score entity { ${ENTITY_FIELDS} } article { id title } } }`,
      vars: (i) => ({ q: pick(s.searchTerms, i) }),
      driver: (ex, v) => ex.read(q.search({ query: v.q.trim(), types: undefined, includeArticles: true, first: 20 })),
    },
    {
      name: 'neighborhood(depth 2)',
      root: 'neighborhood',
      query: `query($id: ID!) { neighborhood(id: $id, depth: 2, limit: 50) { nodes { ${ENTITY_FIELDS} } edges { from to type title weight confidence } } }`,
      vars: (i) => ({ id: pick(s.mixed, i).id }),
      driver: (ex, v) => ex.read(g.neighborhood({ id: v.id, depth: 2, limit: 50, types: undefined })),
    },
    {
      name: 'paths(maxHops 3)',
      root: 'paths',
      query: `query($a: ID!, $b: ID!) { paths(from: $a, to: $b, maxHops: 3, first: 5) { length nodes { id name } edges { from to type } } }`,
      vars: (i) => {
        const [a, b] = pick(s.pairs.length ? s.pairs : [[s.head[0].id, s.head[1].id]], i);
        return { a, b };
      },
      driver: (ex, v) => ex.read(g.paths({ from: v.a, to: v.b, maxHops: 3, first: 5, types: undefined })),
    },
    {
      name: 'cooccurrences',
      root: 'cooccurrences',
      query: `query($id: ID!) { cooccurrences(id: $id, first: 20) { count entityArticles npmi strength entity { ${ENTITY_FIELDS} } } }`,
      vars: (i) => ({ id: pick(s.mixed, i).id }),
      driver: (ex, v) => ex.read(g.cooccurrences({ id: v.id, type: undefined, from: undefined, to: undefined, first: 20 })),
    },
    {
      name: 'timeline(3 ids, WEEK)',
      root: 'timeline',
      query: `query($ids: [ID!]!) { timeline(ids: $ids, interval: WEEK) { entity { id name } points { bucket articles mentions } } }`,
      vars: (i) => ({ ids: [pick(s.mixed, i).id, pick(s.mixed, i + 1).id, pick(s.mixed, i + 2).id] }),
      driver: (ex, v) => ex.read(g.timeline({ ids: v.ids, interval: 'WEEK', from: undefined, to: undefined })),
    },
    {
      name: 'trending(month)',
      root: 'trending',
      query: `query($from: String!, $to: String!) { trending(from: $from, to: $to, first: 10) { current previous score entity { ${ENTITY_FIELDS} } } }`,
      vars: (i) => {
        const m = pick(s.months.slice(1), i);
        return { from: `${m}-01`, to: lastDay(m) };
      },
      driver: (ex, v) => {
        const days = Math.round((Date.parse(v.to) - Date.parse(v.from)) / 86400000) + 1;
        return ex.read(
          g.trending({ type: undefined, from: v.from, to: `${v.to}T23:59:59.999Z`, previousFrom: addDays(v.from, -days), first: 10 }),
        );
      },
    },
    {
      name: 'relatedArticles',
      root: 'relatedArticles',
      query: `query($id: ID!) { relatedArticles(id: $id, first: 10) { link score article { id title publishedAt } shared { id name } } }`,
      vars: (i) => ({ id: pick(s.articles, i).id }),
      // the resolver checks the article exists (loader), then loads the related list
      driver: async (ex, v) => {
        await ex.read(q.articlesById([v.id]));
        await ex.read(g.relatedArticles({ ids: [v.id], first: 10 }));
      },
    },
    {
      name: 'stats',
      root: 'stats',
      query: `query { stats { articles firstPublished lastPublished entities { type count } relations { type count } } }`,
      vars: () => ({}),
      driver: (ex) => ex.read(q.counts()),
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
  for (let i = 0; i < warmup; i++) await op(i);
  const latencies = [];
  const errors = [];
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
      json: 'boolean',
    },
    { count: 10000, requests: 200, concurrency: 8, seconds: 20, seed: 'bench', heapMb: 512, pageCacheMb: 384 },
  );
  if (!Number.isInteger(args.requests) || args.requests < 1 || args.requests > 100000) throw new Error('--requests must be 1..100000');
  if (!Number.isInteger(args.concurrency) || args.concurrency < 1 || args.concurrency > 64) throw new Error('--concurrency must be 1..64');
  printMachine();
  console.log(
    `bench-api: ${args.requests} requests per field at concurrency ${args.concurrency} (at most ${args.seconds} s per field), ${new Date().toISOString()}`,
  );

  const graph = args.reuse
    ? await openGraph({ dataDir: args.reuse, keepData: true, heapMb: args.heapMb, pageCacheMb: args.pageCacheMb })
    : await openGraph({ dataDir: args.keep, keepData: Boolean(args.keep), heapMb: args.heapMb, pageCacheMb: args.pageCacheMb });
  let server;
  const shutdown = async () => {
    if (server) await server.stop().catch(() => {});
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
    } else if (articles < args.count) {
      console.log(`building the graph: ${args.count - articles} synthetic articles (per-article transactions, concurrency 4)...`);
      const r = await ingestSynthetic(executor, { count: args.count - articles, seed: args.seed, concurrency: 4 });
      const ms = r.timings.parse + r.timings.extract + r.timings.write;
      console.log(`  built in ${fmt(ms / 1000, 1)} s (${fmt(r.stats.articles / (ms / 1000), 1)} articles/s), ${r.stats.failed} failed`);
      articles = await countArticles(executor);
    }
    const counts = await graphCounts(executor);
    console.log(
      `graph: ${articles} articles (${counts.articles} article nodes incl. stubs), ${counts.entities} entities, ${counts.relationships} relationships`,
    );

    const { startApiServer } = requireDist('api/server.js');
    const store = requireDist('store/index.js');
    const q = store.queries ?? requireDist('store/queries.js');
    const g =
      store.graphQueries ??
      (fs.existsSync(path.join(__dirname, '..', 'dist', 'store', 'graph-queries.js')) ? requireDist('store/graph-queries.js') : {});
    server = await startApiServer({ executor, port: 0, host: '127.0.0.1', log: (msg, err) => console.error(`  [api] ${msg}`, err ?? '') });
    console.log(`API at ${server.url}`);

    const present = await introspectQueryFields(server.url);
    const samples = await sampleParameters(executor);
    const only = args.only ? new Set(args.only.split(',')) : null;
    const results = [];
    console.log('');
    console.log(
      `${'field'.padEnd(32)} ${'API p50'.padStart(8)} ${'p95'.padStart(8)} ${'req/s'.padStart(7)} | ${'driver p50'.padStart(10)} ${'p95'.padStart(8)} ${'req/s'.padStart(7)} | ratio p50`,
    );
    for (const f of fieldDefinitions(samples, q, g)) {
      if (only && !only.has(f.root) && !only.has(f.name)) continue;
      if (!present.has(f.root)) {
        console.log(`${f.name.padEnd(32)} skipped: "${f.root}" is not in the schema yet`);
        continue;
      }
      const opts = { requests: args.requests, concurrency: args.concurrency, seconds: args.seconds, warmup: 5 };
      const drv = await measure((i) => f.driver(executor, f.vars(i)), opts);
      const api = await measure((i) => postGraphQL(server.url, { query: f.query, variables: f.vars(i) }), opts);
      const r = {
        name: f.name,
        api: {
          p50: percentile(api.latencies, 50),
          p95: percentile(api.latencies, 95),
          rps: api.latencies.length / api.elapsed,
          n: api.n,
          errors: api.errors,
        },
        drv: {
          p50: percentile(drv.latencies, 50),
          p95: percentile(drv.latencies, 95),
          rps: drv.latencies.length / drv.elapsed,
          n: drv.n,
          errors: drv.errors,
        },
      };
      r.ratio = r.api.p50 / r.drv.p50;
      results.push(r);
      console.log(
        `${f.name.padEnd(32)} ${fmt(r.api.p50, 1).padStart(8)} ${fmt(r.api.p95, 1).padStart(8)} ${fmt(r.api.rps, 0).padStart(7)} | ` +
          `${fmt(r.drv.p50, 1).padStart(10)} ${fmt(r.drv.p95, 1).padStart(8)} ${fmt(r.drv.rps, 0).padStart(7)} | ${fmt(r.ratio, 2)}x` +
          `${r.ratio > TARGET_RATIO ? '  (over target)' : ''}  [n=${r.api.n}/${r.drv.n}]`,
      );
      for (const [side, errs] of [
        ['API', r.api.errors],
        ['driver', r.drv.errors],
      ]) {
        if (errs.length) console.log(`  ${errs.length} ${side} errors, first: ${errs[0].slice(0, 300)}`);
      }
    }
    console.log('');
    const over = results.filter((r) => r.ratio > TARGET_RATIO);
    console.log(
      `latencies in ms; ratio target <= ${TARGET_RATIO}x: ${results.length - over.length}/${results.length} fields within target${over.length ? ` (over: ${over.map((r) => r.name).join(', ')})` : ''}`,
    );
    if (args.json) {
      const fields = Object.fromEntries(
        results.map((r) => [
          r.name,
          { p50Ms: r.api.p50, p95Ms: r.api.p95, driverP50Ms: r.drv.p50, driverP95Ms: r.drv.p95, ratio: r.ratio, n: r.api.n },
        ]),
      );
      console.log(
        JSON.stringify({
          articles,
          concurrency: args.concurrency,
          fields,
          loadAverage: require('node:os').loadavg(),
          benchProcessRssMb: process.memoryUsage().rss / 1048576,
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
