#!/usr/bin/env node
'use strict';
/**
 * Ingestion throughput: synthetic page text -> parseTextPage -> extract -> Neo4j.
 *
 * Starts its own embedded Neo4j (temp data dir, free port, 512 MB heap) unless NEO4J_URI is set,
 * applies the schema, generates --count articles (default 10,000) and ingests them, writing each
 * article in its own transaction (writeArticle) with --concurrency transactions in flight. Reports
 * articles/s and how the time splits between parsing, extraction and writing. When the store
 * exports a batch writer (writeArticles), the graph is wiped and the same extracted articles are
 * written again with it, and both numbers are reported.
 *
 * Default mode (the pipeline `newsgraph ingest` runs): articles are parsed and extracted a batch
 * at a time while the previous batch is written (writeArticles, one transaction per batch), so
 * extraction overlaps the writes. Reports articles/s overall and writing, the wall time of every
 * 1,000 articles (blockSeconds), story assignment's share of ingestion per 1,000 (first and
 * last), and the lower bound: the graph is emptied and the same extracted articles are written by
 * the simplest batched UNWIND statements (scripts/lib/lower-bound.js), with the ratio.
 *
 *   npm run bench:ingest -- [--count 10000] [--batch-size 100] [--direct] [--keep DIR] [--json]
 *   npm run bench:ingest -- --per-article [--concurrency 2]   (the older per-transaction mode)
 *
 *   --json          print every figure as one JSON object on the last line
 *   --no-lower-bound  skip the lower-bound pass (it needs the extracted articles in memory)
 *   --workers N     extraction worker threads in the default mode (default NEWSGRAPH_EXTRACT_WORKERS,
 *                   else what ingestPaths uses: one per spare core, at most 2); 0: extract in-thread
 *
 *   --direct        build Article objects directly (skip page text and parsing)
 *   --keep DIR      use DIR as the data dir and keep it (bench-api --reuse DIR can then use the graph)
 *   --batch-size N  articles per writeArticles call (default 100)
 *   --profile       time every Cypher statement of writeArticle and print a table
 *   --stories-chunk N  the "thousand" of --stories (default 1000)
 *   --stories       story assignment overhead instead: extracts --count articles, writes them in
 *                   batches a thousand at a time and times story assignment inside each
 *                   transaction; prints its share of ingestion for the first and the last thousand
 */

const fs = require('node:fs');
const path = require('node:path');
const { now, requireDist, loadParseTextPage, fmt, mb, rss, parseArgs, printMachine } = require('./lib/common');
const { profileStatements, openGraph, wipeGraph, graphCounts, ingestSynthetic, writeBatched } = require('./lib/graph');
const { writeLowerBound } = require('./lib/lower-bound');
const { generateDocs, toPageText, toArticle } = require('./generate-articles');

async function main() {
  const args = parseArgs(
    process.argv.slice(2),
    {
      count: 'number',
      concurrency: 'number',
      direct: 'boolean',
      stories: 'boolean',
      storiesChunk: 'number',
      keep: 'string',
      seed: 'string',
      heapMb: 'number',
      pageCacheMb: 'number',
      batchSize: 'number',
      batchConcurrency: 'number',
      chunk: 'number',
      profile: 'boolean',
      json: 'boolean',
      perArticle: 'boolean',
      noLowerBound: 'boolean',
      workers: 'number',
    },
    { count: 10000, concurrency: 2, seed: 'bench', heapMb: 512, pageCacheMb: 384, batchSize: 100, batchConcurrency: 2, chunk: 250 },
  );
  if (!Number.isInteger(args.count) || args.count < 1 || args.count > 1_000_000) throw new Error('--count must be 1..1000000');
  if (!Number.isInteger(args.concurrency) || args.concurrency < 1 || args.concurrency > 32) throw new Error('--concurrency must be 1..32');
  printMachine();
  console.log(
    `bench-ingest: ${args.count} articles, ${args.direct ? 'Article objects (no parsing)' : 'page text -> parseTextPage'}, write concurrency ${args.concurrency}, ${new Date().toISOString()}`,
  );

  if (args.keep && fs.existsSync(args.keep) && fs.readdirSync(args.keep).length) {
    throw new Error(`--keep ${args.keep}: directory exists and is not empty; pick a new one`);
  }
  const graph = await openGraph({ dataDir: args.keep, keepData: Boolean(args.keep), heapMb: args.heapMb, pageCacheMb: args.pageCacheMb });
  let interrupted = false;
  const onSignal = () => {
    if (interrupted) return;
    interrupted = true;
    console.error('interrupted: stopping Neo4j');
    graph.close().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const store = requireDist('store/index.js');
    const hasBatch = typeof store.writeArticles === 'function';
    const before = await graphCounts(graph.executor);
    if (before.articles > 0) console.log(`note: the graph already holds ${before.articles} articles`);

    if (args.stories) {
      await storyOverhead(graph, args);
      return;
    }
    if (!args.perArticle) {
      const printProfile = args.profile ? profileStatements(graph.executor) : null;
      await pipelined(graph, args);
      if (printProfile) printProfile();
      if (args.keep) console.log(`graph kept in ${path.resolve(args.keep)} (bench-api --reuse ${args.keep})`);
      return;
    }
    const printProfile = args.profile ? profileStatements(graph.executor) : null;
    console.log('per-article transactions (writeArticle):');
    const r = await ingestSynthetic(graph.executor, {
      count: args.count,
      seed: args.seed,
      concurrency: args.concurrency,
      direct: args.direct,
      chunk: args.chunk,
      keepItems: hasBatch && graph.embedded && !args.keep,
    });
    const t = r.timings;
    const ingestMs = t.parse + t.extract + t.write;
    const n = r.stats.articles + r.stats.failed;
    const pct = (x) => `${fmt((100 * x) / ingestMs, 0)}%`;
    const counts = await graphCounts(graph.executor);
    console.log(
      `RESULT ingest ${n} articles (${r.stats.zh} zh, ${r.stats.en} en, ${fmt(r.stats.bytes / 1024 / 1024, 1)} MB text) in ${fmt(ingestMs / 1000, 1)} s: ` +
        `${fmt(n / (ingestMs / 1000), 1)} articles/s overall`,
    );
    console.log(
      `  split: parse ${fmt(t.parse / 1000, 1)} s (${pct(t.parse)}, ${fmt(n / (t.parse / 1000), 0)}/s), ` +
        `extract ${fmt(t.extract / 1000, 1)} s (${pct(t.extract)}, ${fmt(n / (t.extract / 1000), 0)}/s), ` +
        `write ${fmt(t.write / 1000, 1)} s (${pct(t.write)}, ${fmt(n / (t.write / 1000), 1)}/s at concurrency ${args.concurrency}); ` +
        `synthetic text generation ${fmt(t.generate / 1000, 1)} s (not counted)`,
    );
    console.log(
      `  per article: ${fmt(r.stats.entities / n, 1)} entities, ${fmt(r.stats.relations / n, 1)} relations, ` +
        `${fmt(r.stats.cooccurrences / n, 1)} co-occurrence pairs, ${fmt(r.stats.statements / n, 1)} Cypher statements; failed ${r.stats.failed}`,
    );
    for (const f of r.failures) console.log(`  failure: ${f}`);
    if (printProfile) printProfile();
    console.log(
      `  graph: ${counts.articles} article nodes (incl. stubs), ${counts.entities} entities, ${counts.relationships} relationships; node RSS ${mb(rss())}`,
    );

    if (hasBatch && r.items) {
      console.log(
        `batch writer (writeArticles, ${args.batchSize} per call, ${args.batchConcurrency} calls in flight), same extracted articles, emptied graph:`,
      );
      const w0 = now();
      await wipeGraph(graph.executor);
      console.log(`  graph emptied in ${fmt((now() - w0) / 1000, 1)} s`);
      const b = await writeBatched(graph.executor, r.items, { batchSize: args.batchSize, concurrency: args.batchConcurrency });
      const total = t.parse + t.extract + b.ms;
      console.log(
        `RESULT batch write ${b.written} articles in ${fmt(b.ms / 1000, 1)} s: ${fmt(b.written / (b.ms / 1000), 1)} articles/s writing ` +
          `(vs ${fmt(n / (t.write / 1000), 1)}/s with writeArticle); ingest overall with batches ${fmt(n / (total / 1000), 1)} articles/s; failed ${b.failed}`,
      );
    } else if (!hasBatch) {
      console.log('batch writer: store.writeArticles is not exported yet; skipped');
    } else {
      console.log("batch writer: skipped (needs the benchmark's own embedded server without --keep, since it empties the graph)");
    }
    if (args.keep) console.log(`graph kept in ${path.resolve(args.keep)} (bench-api --reuse ${args.keep})`);
  } finally {
    await graph.close();
  }
}

/**
 * The ingest pipeline: parse + extract a batch while the previous one is written (at most one
 * write in flight, as ingestPaths does), blocks of 1,000 articles timed on the wall clock.
 */
async function pipelined(graph, args) {
  const parseTextPage = loadParseTextPage();
  const { extract } = requireDist('extract/index.js');
  const store = requireDist('store/index.js');
  const batchSize = args.batchSize;
  const keepItems = !args.noLowerBound && graph.embedded && !args.keep;
  const kept = keepItems ? [] : null;
  const t = { generate: 0, parse: 0, extract: 0, write: 0, story: 0, writerWaited: 0 };
  let failed = 0;
  let done = 0;
  const blocks = [];
  let block = { start: now(), generate: 0, parseExtract: 0, write: 0, story: 0 };
  const statements0 = graph.executor.statementCount;
  const gen = generateDocs({ count: args.count, seed: args.seed });
  // as ingestPaths: extraction on worker threads while the batches before are written
  const poolModule = requireDist('pipeline/extract-pool.js');
  const envWorkers = process.env.NEWSGRAPH_EXTRACT_WORKERS?.trim();
  const workers = args.workers ?? (envWorkers ? Number(envWorkers) : poolModule.defaultExtractWorkers());
  const pool = workers > 0 ? new poolModule.ExtractPool({ workers }) : null;
  console.log(
    `  extraction: ${pool ? `${pool.size} worker thread(s) (ExtractPool), batches handed over while the previous one is written` : 'in-thread, between writes'}`,
  );
  let writing = Promise.resolve();
  const unwritten = [];
  const cpu0 = { thread: mainThreadCpuMs(), process: process.cpuUsage() };
  const started = now();
  const write = async (items) => {
    let story = 0;
    const s = now();
    const results = await store.writeArticles(graph.executor, items, { onStoryMs: (ms) => (story += ms) });
    const ms = now() - s;
    t.write += ms;
    t.story += story;
    block.write += ms;
    block.story += story;
    failed += results.filter((r) => 'error' in r).length;
    done += items.length;
    if (done % 1000 === 0 || done === args.count) {
      const end = now();
      blocks.push({ from: done - ((done - 1) % 1000), to: done, wallMs: end - block.start - block.generate, ...block });
      if (blocks.length % 5 === 0 || done === args.count)
        console.log(`  ${done}/${args.count} articles, last 1,000 in ${fmt((end - block.start - block.generate) / 1000, 1)} s`);
      block = { start: end, generate: 0, parseExtract: 0, write: 0, story: 0 };
    }
  };
  /** The batch's extraction on the pool; the workers' time counts as extraction time (they run beside the writes). */
  const extractOnPool = async (items) => {
    const before = pool.stats.extractMs;
    const outcomes = await pool.extract(items.map((item) => item.article));
    outcomes.forEach((o, i) => {
      if ('error' in o) throw new Error(`extracting ${items[i].article.origin}: ${o.error}`);
      items[i].extraction = o.extraction;
    });
    const ms = pool.stats.extractMs - before;
    t.extract += ms;
    block.parseExtract += ms;
  };
  try {
    for (;;) {
      let s = now();
      const docs = [];
      for (let i = 0; i < batchSize; i++) {
        const r = gen.next();
        if (r.done) break;
        docs.push(args.direct ? { doc: r.value } : { doc: r.value, text: toPageText(r.value) });
      }
      const g = now() - s;
      t.generate += g;
      block.generate += g;
      if (!docs.length) break;
      s = now();
      const items = docs.map((d) => ({
        article: args.direct ? toArticle(d.doc) : parseTextPage(d.text, { origin: `synthetic:${d.doc.n + 1}` }),
      }));
      t.parse += now() - s;
      if (kept) kept.push(...items);
      if (pool) {
        block.parseExtract += now() - s;
        // one batch being written and one per worker being extracted, as ingestPaths
        while (unwritten.length > pool.size) await unwritten.shift();
        const extracted = extractOnPool(items);
        extracted.catch(() => undefined);
        const previous = writing;
        writing = (async () => {
          await previous;
          const w = now();
          await extracted;
          t.writerWaited += now() - w;
          await write(items);
        })();
        writing.catch(() => undefined);
        unwritten.push(writing);
        continue;
      }
      const s2 = now();
      for (const item of items) item.extraction = extract(item.article);
      t.extract += now() - s2;
      block.parseExtract += now() - s;
      await writing;
      writing = write(items);
    }
    await writing;
  } finally {
    await writing.catch(() => undefined);
    await pool?.close();
  }
  const wallMs = now() - started - t.generate;
  const mainCpuMs = mainThreadCpuMs() - cpu0.thread;
  const processCpu = process.cpuUsage(cpu0.process);
  const n = args.count;
  const statements = graph.executor.statementCount - statements0;
  const counts = await graphCounts(graph.executor);
  const share = (b) => (100 * b.story) / Math.max(1, b.write + b.parseExtract - b.story);
  const warm = blocks[1] ?? blocks[0];
  const last = blocks[blocks.length - 1];
  const out = {
    articles: n,
    failed,
    articlesPerSecond: n / (wallMs / 1000),
    writeArticlesPerSecond: n / (t.write / 1000),
    extractArticlesPerSecond: n / (t.extract / 1000),
    parseSeconds: t.parse / 1000,
    extractSeconds: t.extract / 1000,
    writeSeconds: t.write / 1000,
    statementsPerArticle: statements / n,
    blockSeconds: blocks.map((b) => Math.round(b.wallMs) / 1000),
    lastToWarmBlock: last.wallMs / warm.wallMs,
    storySharePercent: {
      first: share(blocks[0]),
      last: share(last),
      all: (100 * t.story) / Math.max(1, t.write + t.parse + t.extract - t.story),
    },
    storyMsPerArticle: { first: blocks[0].story / (blocks[0].to - blocks[0].from + 1), last: last.story / (last.to - last.from + 1) },
    graph: counts,
    batchSize,
    extractWorkers: pool ? pool.size : 0,
    // with workers: how long the writer, done with a batch, waited for the next one's extraction
    writerWaitedSeconds: t.writerWaited / 1000,
    // CPU of this thread alone (Linux /proc; generation and parsing included) and of the whole
    // node process (worker threads included): less noisy than wall times on a shared machine
    mainThreadCpuSeconds: Number.isFinite(mainCpuMs) ? mainCpuMs / 1000 : null,
    processCpuSeconds: (processCpu.user + processCpu.system) / 1e6,
    loadAverage: require('node:os').loadavg(),
  };
  console.log(
    `RESULT ingest ${n} articles (pipelined, batches of ${batchSize}): ${fmt(out.articlesPerSecond, 1)} articles/s overall in ${fmt(wallMs / 1000, 1)} s; ` +
      `writing ${fmt(out.writeArticlesPerSecond, 1)}/s (${fmt(t.write / 1000, 1)} s busy), extraction ${fmt(out.extractArticlesPerSecond, 1)}/s, parse ${fmt(t.parse / 1000, 1)} s; ` +
      `${fmt(out.statementsPerArticle, 2)} statements per article; failed ${failed}`,
  );
  console.log(
    pool
      ? `RESULT extraction on ${pool.size} worker thread(s): ${fmt(t.extract / 1000, 1)} s of worker time; the writer waited ${fmt(t.writerWaited / 1000, 1)} s for extractions`
      : 'RESULT extraction in-thread (--workers 0)',
  );
  console.log(
    `RESULT CPU: the writing thread ${out.mainThreadCpuSeconds === null ? 'n/a' : `${fmt(out.mainThreadCpuSeconds, 1)} s`}, the node process ${fmt(out.processCpuSeconds, 1)} s ` +
      `(incl. synthetic text generation), over ${fmt(wallMs / 1000, 1)} s of wall time`,
  );
  console.log(
    `RESULT blocks of 1,000 (s): ${out.blockSeconds.map((x) => fmt(x, 1)).join(' ')}; last / second ${fmt(out.lastToWarmBlock, 2)}`,
  );
  console.log(
    `RESULT stories: assignment +${fmt(out.storySharePercent.first, 1)}% on the rest of ingestion in the first 1,000 (${fmt(out.storyMsPerArticle.first, 2)} ms/article), ` +
      `+${fmt(out.storySharePercent.last, 1)}% in the last (${fmt(out.storyMsPerArticle.last, 2)} ms/article), +${fmt(out.storySharePercent.all, 1)}% overall ` +
      `(story time / (parse + extract + write - story time), as if run one after another)`,
  );
  const mem = process.memoryUsage();
  out.memory = {
    rssMb: mem.rss / 1048576,
    heapUsedMb: mem.heapUsed / 1048576,
    heapTotalMb: mem.heapTotal / 1048576,
    externalMb: mem.external / 1048576,
  };
  console.log(
    `  graph: ${counts.articles} article nodes (incl. stubs), ${counts.entities} entities, ${counts.relationships} relationships; node RSS ${mb(rss())} ` +
      `(V8 heap ${mb(mem.heapUsed)} used of ${mb(mem.heapTotal)}, external ${mb(mem.external)}; ${kept ? `the ${kept.length} extracted articles kept for the lower-bound pass are in the heap` : 'no articles kept'})`,
  );
  if (kept) {
    // re-reading a feed: the first 200 articles again unchanged, then with a changed body, into the full graph
    const again = kept.slice(0, Math.min(200, kept.length));
    let s = now();
    for (let i = 0; i < again.length; i += batchSize) await store.writeArticles(graph.executor, again.slice(i, i + batchSize));
    out.reingestUnchangedMsPerArticle = (now() - s) / again.length;
    const edited = again.map(({ article, extraction }) => ({
      article: { ...article, paragraphs: [...article.paragraphs, '（更新）'] },
      extraction,
    }));
    s = now();
    for (let i = 0; i < edited.length; i += batchSize) await store.writeArticles(graph.executor, edited.slice(i, i + batchSize));
    out.reingestChangedMsPerArticle = (now() - s) / edited.length;
    console.log(
      `RESULT re-ingest into the ${n}-article graph: ${again.length} unchanged articles ${fmt(out.reingestUnchangedMsPerArticle, 1)} ms each, ` +
        `the same with a changed body ${fmt(out.reingestChangedMsPerArticle, 1)} ms each`,
    );
  }
  if (kept) {
    // what handing articles to the workers and taking extractions back costs the writing thread:
    // postMessage runs V8's serializer, the same as v8.serialize / v8.deserialize
    const v8 = require('node:v8');
    const sample = kept.slice(0, Math.min(1000, kept.length));
    const timed = (f) => {
      const s = now();
      f();
      return now() - s;
    };
    let bufs = [];
    const articleSend = timed(() => (bufs = sample.map((item) => v8.serialize(item.article))));
    const articleBytes = bufs.reduce((a, b) => a + b.length, 0);
    const articleReceive = timed(() => bufs.forEach((b) => v8.deserialize(b)));
    const extractionSend = timed(() => (bufs = sample.map((item) => v8.serialize(item.extraction))));
    const extractionBytes = bufs.reduce((a, b) => a + b.length, 0);
    const extractionReceive = timed(() => bufs.forEach((b) => v8.deserialize(b)));
    const per = (ms) => ms / sample.length;
    out.cloneMsPerArticle = {
      writerSendsArticle: per(articleSend),
      writerReceivesExtraction: per(extractionReceive),
      workerReceivesArticle: per(articleReceive),
      workerSendsExtraction: per(extractionSend),
      articleKb: articleBytes / sample.length / 1024,
      extractionKb: extractionBytes / sample.length / 1024,
    };
    console.log(
      `RESULT structured clone (${sample.length} articles): the writing thread pays ${fmt(per(articleSend + extractionReceive), 3)} ms/article ` +
        `(sending the article ${fmt(per(articleSend), 3)}, ${fmt(articleBytes / sample.length / 1024, 1)} KB; receiving its extraction ${fmt(per(extractionReceive), 3)}, ` +
        `${fmt(extractionBytes / sample.length / 1024, 1)} KB), a worker ${fmt(per(articleReceive + extractionSend), 3)} ms/article`,
    );
  }
  if (kept) {
    await wipeGraph(graph.executor);
    const lb = await writeLowerBound(graph.executor, kept);
    out.lowerBoundArticlesPerSecond = lb.articles / (lb.ms / 1000);
    out.writeToLowerBound = out.writeArticlesPerSecond / out.lowerBoundArticlesPerSecond;
    out.overallToLowerBound = out.articlesPerSecond / out.lowerBoundArticlesPerSecond;
    console.log(
      `RESULT lower bound (simplest batched UNWIND, 500 a statement, emptied graph, same extracted articles): ${fmt(out.lowerBoundArticlesPerSecond, 1)} articles/s; ` +
        `store writing / lower bound ${fmt(out.writeToLowerBound, 2)}, overall / lower bound ${fmt(out.overallToLowerBound, 2)}`,
    );
  } else {
    console.log("lower bound: skipped (needs the benchmark's own embedded server without --keep, and the extracted articles in memory)");
  }
  console.log(`  load average ${out.loadAverage.map((x) => x.toFixed(2)).join(' ')}`);
  if (args.json) console.log(JSON.stringify(out));
}

/** CPU time of the calling thread so far (ms), from /proc on Linux; NaN elsewhere. */
function mainThreadCpuMs() {
  try {
    const stat = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime, fields 14 and 15 of stat(5), in clock ticks (100 per second on Linux)
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

/**
 * Story assignment overhead: the extracted articles are written in batches, a thousand at a
 * time, and the time spent assigning stories inside each transaction is summed; it is compared
 * with the rest of ingestion (parse, extract, the other writes, commits) per thousand.
 */
async function storyOverhead(graph, args) {
  if (!graph.embedded || args.keep)
    throw new Error("--stories empties the graph: run it on the benchmark's own embedded server, without --keep");
  console.log(`extracting ${args.count} articles (not written yet)...`);
  const r = await ingestSynthetic(graph.executor, {
    count: args.count,
    seed: args.seed,
    direct: args.direct,
    chunk: args.chunk,
    keepItems: true,
    extractOnly: true,
    progressEvery: 2000,
  });
  const perArticleParseExtract = (r.timings.parse + r.timings.extract) / r.items.length;
  const chunk = args.storiesChunk ?? 1000;
  // a short warm-up, so that the first thousand does not also pay for a cold JVM and page cache
  await writeBatched(graph.executor, r.items.slice(0, Math.min(200, r.items.length)), {
    batchSize: args.batchSize,
    concurrency: 1,
    log: () => {},
  });
  await wipeGraph(graph.executor);
  console.log(
    `writing in batches of ${args.batchSize}, one batch at a time, into an emptied graph, timing story assignment inside each transaction`,
  );
  const rows = [];
  for (let i = 0; i < r.items.length; i += chunk) {
    const part = r.items.slice(i, i + chunk);
    let storyMs = 0;
    const b = await writeBatched(graph.executor, part, {
      batchSize: args.batchSize,
      concurrency: 1,
      writeOptions: { onStoryMs: (ms) => (storyMs += ms) },
      log: () => {},
    });
    if (b.failed) console.log(`  ${b.failed} failed in articles ${i + 1}-${i + part.length}`);
    const ingestMs = b.ms + perArticleParseExtract * part.length;
    const rest = ingestMs - storyMs;
    rows.push({ from: i + 1, to: i + part.length, storyMs, ingestMs, rest });
    console.log(
      `  articles ${i + 1}-${i + part.length}: write ${fmt(b.ms / 1000, 1)} s (${fmt(part.length / (b.ms / 1000), 1)}/s), of which story assignment ` +
        `${fmt(storyMs / 1000, 1)} s (${fmt(storyMs / part.length, 1)} ms/article); ingest incl. parse + extract ${fmt(ingestMs / 1000, 1)} s`,
    );
  }
  const line = (label, x) =>
    console.log(
      `RESULT stories ${label} (articles ${x.from}-${x.to}): story assignment ${fmt(x.storyMs / (x.to - x.from + 1), 1)} ms/article, ` +
        `+${fmt((100 * x.storyMs) / x.rest, 1)}% on the rest of ingestion (${fmt(x.rest / 1000, 1)} s without it, ${fmt(x.ingestMs / 1000, 1)} s with it)`,
    );
  line('first', rows[0]);
  line('last', rows[rows.length - 1]);
  const [s] = await graph.executor.read({
    cypher: 'MATCH (s:Story) RETURN count(s) AS stories, avg(s.articleCount) AS size, max(s.articleCount) AS largest',
    params: {},
  });
  const total = rows.reduce((t, x) => ({ story: t.story + x.storyMs, rest: t.rest + x.rest }), { story: 0, rest: 0 });
  console.log(
    `RESULT stories all ${r.items.length}: story assignment ${fmt(total.story / 1000, 1)} s, +${fmt((100 * total.story) / total.rest, 1)}% on ${fmt(total.rest / 1000, 1)} s of the rest; ` +
      `${s.stories} stories, ${fmt(s.size, 2)} articles on average, largest ${s.largest}`,
  );
}

main().catch((err) => {
  console.error(`bench-ingest: ${err.stack || err.message}`);
  process.exit(1);
});
