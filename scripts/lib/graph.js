'use strict';
/**
 * Shared by bench-ingest and bench-api: opening a Neo4j for a benchmark (an embedded one on a
 * free port with its own temp data dir, or NEO4J_URI when set) and ingesting synthetic articles
 * through the real pipeline stages (page text -> parseTextPage -> extract -> store writes).
 */

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { now, requireDist, loadParseTextPage, fmt, runPool } = require('./common');
const { generateDocs, toPageText, toArticle } = require('../generate-articles');

/**
 * Opens a graph for benchmarking. Without NEO4J_URI, starts the embedded Neo4j on a free port
 * (never the dev server's 7687) with `dataDir` (default: a fresh temp dir, removed on close
 * unless `keepData`).
 */
async function openGraph(options = {}) {
  const log = options.log ?? ((line) => console.error(line));
  const { createExecutor, applySchema } = requireDist('store/index.js');
  const { loadConfig, neo4jSettings } = requireDist('config.js');
  let local;
  let uri = process.env.NEO4J_URI;
  let dataDir;
  let ownDir = false;
  if (!uri) {
    const { startLocalNeo4j } = requireDist('local-neo4j/index.js');
    if (options.dataDir) dataDir = path.resolve(options.dataDir);
    else {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-bench-'));
      ownDir = true;
    }
    const t0 = now();
    local = await startLocalNeo4j({
      dataDir,
      port: options.port ?? 0,
      heapMb: options.heapMb ?? 512,
      pageCacheMb: options.pageCacheMb ?? 384,
      log: (line) => log(`  [neo4j] ${line}`),
    });
    uri = local.uri;
    log(
      `embedded Neo4j up in ${fmt((now() - t0) / 1000, 1)} s at ${uri} (heap ${options.heapMb ?? 512} MB, page cache ${options.pageCacheMb ?? 384} MB)`,
    );
  } else {
    log(`using NEO4J_URI=${uri}`);
  }
  const executor = createExecutor(neo4jSettings(loadConfig(), uri));
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await executor.close().catch(() => {});
    if (local) await local.stop().catch(() => {});
    if (ownDir && !options.keepData) fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await executor.verify();
    const t0 = now();
    await applySchema(executor);
    log(`schema applied in ${fmt(now() - t0, 0)} ms`);
  } catch (err) {
    await close();
    throw err;
  }
  return { executor, uri, local, dataDir, embedded: Boolean(local), close };
}

/**
 * Wraps executor.writeTransaction so every statement's latency is recorded under a short key
 * (the statement's first clauses). Returns a function that prints the table.
 */
function profileStatements(executor) {
  const table = new Map();
  const original = executor.writeTransaction.bind(executor);
  // per transaction: the statements, the client's own work between them, and the commit
  const tx = { n: 0, statements: 0, client: 0, commit: 0 };
  executor.writeTransaction = async (work) => {
    const begun = now();
    let inStatements = 0;
    let workDone = 0;
    const out = await original(async (run) => {
      const r = await work(async (q) => {
        const s = now();
        try {
          return await run(q);
        } finally {
          const key = q.cypher.replace(/\s+/g, ' ').trim().slice(0, 70);
          const e = table.get(key) ?? { n: 0, ms: 0, max: 0 };
          const ms = now() - s;
          inStatements += ms;
          e.n++;
          e.ms += ms;
          e.max = Math.max(e.max, ms);
          table.set(key, e);
        }
      });
      workDone = now();
      return r;
    });
    tx.n++;
    tx.statements += inStatements;
    tx.client += workDone - begun - inStatements;
    tx.commit += now() - workDone;
    return out;
  };
  return (log = console.log) => {
    const rows = [...table.entries()].sort((a, b) => b[1].ms - a[1].ms);
    const total = rows.reduce((s2, [, e]) => s2 + e.ms, 0);
    log(
      `  write transactions: ${tx.n}, statements ${fmt(tx.statements / 1000, 1)} s, client work between statements ${fmt(tx.client / 1000, 1)} s, commit ${fmt(tx.commit / 1000, 1)} s`,
    );
    log('  statement profile (client-side latency, summed over transactions):');
    for (const [key, e] of rows) {
      log(
        `    ${fmt(e.ms / 1000, 1).padStart(7)} s ${fmt((100 * e.ms) / total, 0).padStart(3)}%  n=${String(e.n).padStart(6)}  avg ${fmt(e.ms / e.n, 2)} ms  max ${fmt(e.max, 0)} ms  ${key}`,
      );
    }
  };
}

/** Deletes everything, in batches (only ever called on a benchmark's own embedded server). */
async function wipeGraph(executor) {
  // relationships first: detaching a busy entity in one go can exceed the transaction memory pool
  await executor.runSchema('MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 5000 ROWS');
  await executor.runSchema('MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 5000 ROWS');
}

async function countArticles(executor) {
  const rows = await executor.read({ cypher: 'MATCH (a:Article) WHERE coalesce(a.stub, false) = false RETURN count(a) AS n', params: {} });
  return Number(rows[0]?.n ?? 0);
}

async function graphCounts(executor) {
  const [row] = await executor.read({
    cypher: `CALL () { MATCH (a:Article) RETURN count(a) AS articles }
             CALL () { MATCH (e:Entity) RETURN count(e) AS entities }
             CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
             RETURN articles, entities, relationships`,
    params: {},
  });
  return row;
}

/**
 * Parses and extracts `count` synthetic articles in chunks, then writes each chunk with
 * `concurrency` parallel transactions (writeArticle, one transaction per article). Phases run one
 * after another inside a chunk so the time split between them is exact.
 *
 * Returns timings in ms: generate (synthetic text, not part of ingestion), parse, extract, write,
 * plus the extracted items (for a second writer pass) when `keepItems`.
 */
async function ingestSynthetic(executor, options = {}) {
  const parseTextPage = loadParseTextPage();
  const { extract } = requireDist('extract/index.js');
  const store = requireDist('store/index.js');
  const count = options.count ?? 10000;
  const chunkSize = options.chunk ?? 250;
  const concurrency = options.concurrency ?? 4;
  const direct = Boolean(options.direct);
  const progressEvery = options.progressEvery ?? 1000;
  const log = options.log ?? ((line) => console.log(line));
  const t = { generate: 0, parse: 0, extract: 0, write: 0 };
  const stats = { articles: 0, failed: 0, entities: 0, relations: 0, cooccurrences: 0, zh: 0, en: 0, bytes: 0, statements: 0 };
  const failures = [];
  const kept = options.keepItems ? [] : null;
  const statements0 = executor.statementCount;
  const started = now();
  let nextReport = progressEvery;

  const gen = generateDocs({ count, seed: options.seed ?? 'bench' });
  let done = false;
  while (!done) {
    // 1. synthetic input (page text), not counted as ingestion
    let s = now();
    const chunk = [];
    for (let i = 0; i < chunkSize; i++) {
      const r = gen.next();
      if (r.done) {
        done = true;
        break;
      }
      chunk.push(direct ? { doc: r.value } : { doc: r.value, text: toPageText(r.value) });
    }
    t.generate += now() - s;
    if (!chunk.length) break;

    // 2. parse
    s = now();
    for (const item of chunk) {
      item.article = direct ? toArticle(item.doc) : parseTextPage(item.text, { origin: `synthetic:${item.doc.n + 1}` });
      item.text = undefined;
      stats.bytes += Buffer.byteLength(item.article.title) + item.article.paragraphs.reduce((n, p) => n + Buffer.byteLength(p) + 1, 0);
      if (item.article.language === 'en') stats.en++;
      else stats.zh++;
    }
    t.parse += now() - s;

    // 3. extract
    s = now();
    for (const item of chunk) {
      item.extraction = extract(item.article);
      stats.entities += item.extraction.entities.length;
      stats.relations += item.extraction.relations.length;
      stats.cooccurrences += item.extraction.cooccurrences.length;
    }
    t.extract += now() - s;

    // 4. write, a few transactions in flight (skipped with extractOnly: the caller writes the kept items)
    s = now();
    if (!options.extractOnly)
      await runPool(chunk.length, concurrency, async (i) => {
        const item = chunk[i];
        try {
          await store.writeArticle(executor, item.article, item.extraction);
          stats.articles++;
        } catch (err) {
          stats.failed++;
          if (failures.length < 5) failures.push(`${item.article.id}: ${err.message}`);
          if (err.code === 'UNAVAILABLE') throw err;
        }
      });
    t.write += now() - s;
    if (options.extractOnly) stats.articles += chunk.length;
    if (kept) for (const item of chunk) kept.push({ article: item.article, extraction: item.extraction });

    const processed = stats.articles + stats.failed;
    if (processed >= nextReport || done) {
      const elapsed = (now() - started - t.generate) / 1000;
      log(
        `  ${processed}/${count} articles, ${fmt(processed / elapsed, 1)} articles/s so far ` +
          `(parse ${fmt(t.parse / 1000, 1)} s, extract ${fmt(t.extract / 1000, 1)} s, write ${fmt(t.write / 1000, 1)} s)`,
      );
      while (nextReport <= processed) nextReport += progressEvery;
    }
  }
  stats.statements = executor.statementCount - statements0;
  return { timings: t, stats, failures, items: kept, wallMs: now() - started };
}

/**
 * Writes already extracted items with the store's batch writer (`writeArticles(executor, items)`),
 * in batches of `batchSize`, `concurrency` batches in flight.
 */
async function writeBatched(executor, items, options = {}) {
  const store = requireDist('store/index.js');
  const batchSize = options.batchSize ?? 100;
  const concurrency = options.concurrency ?? 2;
  const log = options.log ?? ((line) => console.log(line));
  const batches = [];
  for (let i = 0; i < items.length; i += batchSize) batches.push(items.slice(i, i + batchSize));
  const started = now();
  let written = 0;
  let failed = 0;
  let nextReport = options.progressEvery ?? 1000;
  await runPool(batches.length, concurrency, async (b) => {
    try {
      await store.writeArticles(executor, batches[b], options.writeOptions ?? {});
      written += batches[b].length;
    } catch (err) {
      failed += batches[b].length;
      if (failed <= batchSize) log(`  batch ${b} failed: ${err.message}`);
      if (err.code === 'UNAVAILABLE') throw err;
    }
    if (written + failed >= nextReport) {
      log(
        `  ${written + failed}/${items.length} articles (batched), ${fmt((written + failed) / ((now() - started) / 1000), 1)} articles/s so far`,
      );
      nextReport += options.progressEvery ?? 1000;
    }
  });
  return { written, failed, ms: now() - started };
}

module.exports = { profileStatements, openGraph, wipeGraph, countArticles, graphCounts, ingestSynthetic, writeBatched };
