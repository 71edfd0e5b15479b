'use strict';
/**
 * A bounded loopback load on a running NewsGraph API with autocannon: mixed read queries at a
 * fixed overall rate, plus writes (ingestArticles of new generated articles) at their own fixed
 * rate, for a fixed time. Every answer is read: an HTTP status other than 200, a GraphQL error, a
 * timeout or a dropped connection counts as an error. The API process's resident memory is
 * sampled from /proc while the load runs. Used by `npm run bench:load` and the integration test.
 */

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const autocannon = require('autocannon');
const { generateDocs, toArticle } = require('../generate-articles');

/** Resident memory of a process in MB (Linux). */
function rssMb(pid) {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

async function post(url, query, variables = {}, headers = {}) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors) throw new Error(`${query.slice(0, 60)}: ${body.errors[0].message}`);
  return body.data;
}

/** Ids and names from the graph, so that every request asks for something that is there. */
async function sampleGraph(url) {
  const d = await post(
    url,
    `{ entities(first: 40) { nodes { id name } } people: entities(first: 20, filter: { type: PERSON }) { nodes { id } }
       articles(first: 40) { nodes { id } } stories(first: 20) { nodes { id } } }`,
  );
  const s = { entities: d.entities.nodes, people: d.people.nodes, articles: d.articles.nodes, stories: d.stories.nodes };
  if (!s.entities.length || !s.articles.length) throw new Error('the graph is empty: ingest something before loading it');
  return s;
}

const pick = (arr, i) => arr[i % arr.length];

/** The read mix: one query of each kind in turn, each on the next sample. */
const READS = [
  [
    'article + mentions',
    (s, i) => ({
      query: 'query($id: ID!) { article(id: $id) { id title publishedAt mentions { count salience entity { id name type } } } }',
      variables: { id: pick(s.articles, i).id },
    }),
  ],
  [
    'entity + articles + relations',
    (s, i) => ({
      query:
        'query($id: ID!) { entity(id: $id) { id name mentionCount articles(first: 10) { totalCount nodes { id title } } relations(first: 10) { type from { id } to { id } evidence { sentence } } } }',
      variables: { id: pick(s.entities, i).id },
    }),
  ],
  [
    'articles(mentionsAny)',
    (s, i) => ({
      query: 'query($f: ArticleFilter) { articles(filter: $f, first: 20) { totalCount nodes { id title source } } }',
      variables: { f: { mentionsAny: [pick(s.entities, i).id] } },
    }),
  ],
  [
    'entities(type)',
    (s, i) => ({
      query: 'query($t: EntityType) { entities(first: 20, filter: { type: $t }) { totalCount nodes { id name mentionCount } } }',
      variables: { t: pick(['PERSON', 'ORGANIZATION', 'COUNTRY', 'PLACE', 'TOPIC'], i) },
    }),
  ],
  [
    'search',
    (s, i) => ({
      query: 'query($q: String!) { search(query: $q, first: 10) { score entity { id } article { id } } }',
      variables: { q: pick(s.entities, i).name },
    }),
  ],
  [
    'neighborhood',
    (s, i) => ({
      query: 'query($id: ID!) { neighborhood(id: $id, depth: 1, limit: 30) { nodes { id name } edges { from to type weight } } }',
      variables: { id: pick(s.entities, i).id },
    }),
  ],
  [
    'paths',
    (s, i) => ({
      query: 'query($a: ID!, $b: ID!) { paths(from: $a, to: $b, maxHops: 2, first: 3) { length nodes { id } } }',
      variables: { a: pick(s.people.length ? s.people : s.entities, i).id, b: pick(s.entities, i + 7).id },
    }),
  ],
  [
    'cooccurrences',
    (s, i) => ({
      query: 'query($id: ID!) { cooccurrences(id: $id, first: 10) { entity { id } count npmi } }',
      variables: { id: pick(s.entities, i).id },
    }),
  ],
  [
    'timeline',
    (s, i) => ({
      query: 'query($ids: [ID!]!) { timeline(ids: $ids, interval: MONTH) { entity { id } points { bucket articles } } }',
      variables: { ids: [pick(s.entities, i).id, pick(s.entities, i + 1).id] },
    }),
  ],
  ['trending', () => ({ query: '{ trending(period: LAST_30_DAYS, first: 10) { entity { id name } current previous } }', variables: {} })],
  [
    'stories + story',
    (s, i) => ({
      query:
        'query($id: ID!) { stories(first: 10) { totalCount nodes { id title articleCount } } story(id: $id) { id title articles(first: 5) { nodes { id } } } }',
      variables: { id: pick(s.stories.length ? s.stories : [{ id: 'none' }], i).id },
    }),
  ],
  [
    'relatedArticles',
    (s, i) => ({
      query: 'query($id: ID!) { relatedArticles(id: $id, first: 5) { link score article { id } } }',
      variables: { id: pick(s.articles, i).id },
    }),
  ],
  ['stats', () => ({ query: '{ stats { articles entities { type count } relations { type count } } }', variables: {} })],
];

/** One new article per write (its own URL), written through the whole pipeline. */
function* writeBodies(seed) {
  const docs = generateDocs({ count: 1_000_000, seed });
  for (let i = 0; ; i++) {
    const a = toArticle(docs.next().value);
    yield {
      query: 'mutation($a: [ArticleInput!]!) { ingestArticles(articles: $a) { status error } }',
      variables: {
        a: [
          {
            url: `https://load.test/${seed}/${i}`,
            title: a.title,
            body: a.paragraphs.join('\n'),
            publishedAt: a.publishedAt,
            source: a.source,
            language: a.language,
          },
        ],
      },
    };
  }
}

/** Counts every failed answer; autocannon hands each response's body to onResponse. */
function tracker() {
  const t = { ok: 0, http: 0, graphql: 0, samples: [] };
  const onResponse = (status, body) => {
    if (status !== 200) {
      t.http++;
      if (t.samples.length < 5) t.samples.push(`HTTP ${status}: ${String(body).slice(0, 200)}`);
      return;
    }
    let parsed;
    try {
      parsed = JSON.parse(body);
    } catch {
      parsed = { errors: [{ message: `not JSON: ${String(body).slice(0, 100)}` }] };
    }
    const failed = parsed.errors || (parsed.data?.ingestArticles ?? []).some((r) => r.status === 'failed');
    if (failed) {
      t.graphql++;
      if (t.samples.length < 5) t.samples.push(String(body).slice(0, 300));
    } else t.ok++;
  };
  return { t, onResponse };
}

const percentile = (sorted, p) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] : NaN;

/**
 * Writes at a fixed rate, which may be below one per second (autocannon's lowest), one request
 * in flight at most: a write that takes longer than its interval delays the next.
 */
async function pacedWrites(o) {
  const latencies = [];
  let errors = 0;
  let timeouts = 0;
  const end = Date.now() + o.seconds * 1000;
  for (let next = Date.now(); next < end; next += 1000 / o.rate) {
    const wait = next - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    if (Date.now() >= end) break;
    const t0 = performance.now();
    try {
      const res = await fetch(o.url, {
        method: 'POST',
        headers: o.headers,
        body: JSON.stringify(o.bodies.next().value),
        signal: AbortSignal.timeout(o.timeoutS * 1000),
      });
      o.onResponse(res.status, await res.text());
      latencies.push(performance.now() - t0);
    } catch (err) {
      if (err.name === 'TimeoutError') timeouts++;
      else errors++;
    }
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    requests: { total: latencies.length + errors + timeouts, average: (latencies.length + errors + timeouts) / o.seconds },
    errors,
    timeouts,
    latency: {
      p50: percentile(sorted, 50),
      p90: percentile(sorted, 90),
      p99: percentile(sorted, 99),
      max: sorted[sorted.length - 1] ?? NaN,
      mean: sorted.reduce((a, b) => a + b, 0) / (sorted.length || 1),
    },
  };
}

function run(options, t) {
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (err, result) => (err ? reject(err) : resolve(result)));
    if (options.onTick) instance.on('tick', options.onTick);
    // what a dropped connection or a timeout was, and when
    instance.on(
      'reqError',
      (err) => t.samples.length < 5 && t.samples.push(`${new Date().toISOString()} ${err.code ?? ''} ${err.message}`),
    );
  });
}

const summary = (r, t) => ({
  requests: r.requests.total,
  ok: t.ok,
  errors: t.http + t.graphql + r.errors + r.timeouts,
  httpErrors: t.http,
  graphqlErrors: t.graphql,
  connectionErrors: r.errors,
  timeouts: r.timeouts,
  latency: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max, mean: r.latency.mean },
  rate: r.requests.average,
  samples: t.samples,
});

/**
 * Runs reads at `readRate` per second over `connections` and writes at `writeRate` per second,
 * for `seconds`, against `url` (POST /graphql). `pid` is the API process (memory samples).
 */
async function runLoad(o) {
  const samples = await sampleGraph(o.url);
  const headers = { 'content-type': 'application/json', ...(o.apiKey ? { authorization: `Bearer ${o.apiKey}` } : {}) };
  const memory = [];
  const sampleMemory = () => o.pid && memory.push({ at: Date.now(), rss: rssMb(o.pid) });
  sampleMemory();
  const timer = setInterval(sampleMemory, Math.max(1000, (o.memoryEveryS ?? 5) * 1000));
  timer.unref();
  const reads = tracker();
  const writes = tracker();
  let n = 0;
  const bodies = writeBodies(o.seed ?? `load-${Date.now()}`);
  const common = { url: o.url, method: 'POST', headers, duration: o.seconds, timeout: o.timeoutS ?? 30 };
  const started = Date.now();
  try {
    const [r, w] = await Promise.all([
      run(
        {
          ...common,
          connections: o.connections ?? 8,
          overallRate: o.readRate,
          requests: [
            {
              setupRequest: (req) => {
                const [, make] = READS[n % READS.length];
                req.body = JSON.stringify(make(samples, Math.floor(n / READS.length)));
                n++;
                return req;
              },
              onResponse: reads.onResponse,
            },
          ],
          onTick: o.onTick,
        },
        reads.t,
      ),
      o.writeRate > 0
        ? pacedWrites({
            url: o.url,
            headers,
            seconds: o.seconds,
            rate: o.writeRate,
            bodies,
            onResponse: writes.onResponse,
            timeoutS: o.timeoutS ?? 60,
          })
        : null,
    ]);
    sampleMemory();
    return {
      seconds: (Date.now() - started) / 1000,
      reads: summary(r, reads.t),
      writes: w ? summary(w, writes.t) : null,
      memory,
      kinds: READS.map(([name]) => name),
    };
  } finally {
    clearInterval(timer);
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** npm start's process against the given Neo4j; resolves once /readyz answers 200. */
async function startApi(neo4jUri, key = 'load-key', port = 0) {
  port = port || (await freePort());
  const env = {
    ...process.env,
    NEO4J_URI: neo4jUri,
    PORT: String(port),
    HOST: '127.0.0.1',
    NEWSGRAPH_SKIP_SEED: '1',
    NEWSGRAPH_API_KEY: key,
    NEWSGRAPH_WRITE_RATE_LIMIT: '0',
    NEWSGRAPH_EXPENSIVE_RATE_LIMIT: '0',
  };
  const child = spawn(process.execPath, [path.join(__dirname, '..', '..', 'dist', 'main.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (c) => (out += c));
  child.stderr.on('data', (c) => (out += c));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API exited (${child.exitCode}):\n${out}`);
    const status = await fetch(`${base}/readyz`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) break;
    if (Date.now() > deadline) throw new Error(`the API was not ready within 120 s:\n${out}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  return { child, url: `${base}/graphql`, key, exited, output: () => out };
}

module.exports = { runLoad, rssMb, sampleGraph, startApi, READS };
