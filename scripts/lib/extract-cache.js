'use strict';
/**
 * Generated articles, parsed and extracted once and cached on disk, so that building a
 * benchmark graph of 100,000 articles again (or after a crash) does not pay ~8 ms of extraction
 * per article again. Extraction runs on worker threads (extract-worker.js), a chunk of 1,000
 * articles at a time; each chunk is one gzipped JSON file under
 * `$NEWSGRAPH_EXTRACT_CACHE` (default /tmp/newsgraph-extract-cache)/<key>/, where the key hashes
 * the seed and everything the items depend on (the built extraction and ingest code, the
 * lexicons, the generator), so a change to any of them starts a fresh cache.
 *
 * Items are { article, extraction }, in the generator's order, the same as ingestSynthetic
 * (page text -> parseTextPage -> extract) gives.
 */

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const zlib = require('node:zlib');
const { createHash } = require('node:crypto');
const { Worker } = require('node:worker_threads');
const { ROOT, DIST, now, fmt } = require('./common');
const { generateDocs, toPageText } = require('../generate-articles');

const CHUNK = 1000;

function listFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  const out = [];
  for (const name of fs.readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (fs.statSync(p).isDirectory()) out.push(...listFiles(p));
    else out.push(p);
  }
  return out;
}

/** The cache key: the seed and the content of every file an item depends on. */
function cacheKey(seed) {
  const h = createHash('sha256').update(`seed:${seed}\nchunk:${CHUNK}\n`);
  const files = [
    ...['extract', 'ingest', 'domain'].flatMap((d) => listFiles(path.join(DIST, d)).filter((f) => f.endsWith('.js'))),
    ...listFiles(path.join(ROOT, 'seeds', 'lexicon')),
    path.join(ROOT, 'scripts', 'generate-articles.js'),
    path.join(ROOT, 'scripts', 'lib', 'prng.js'),
  ];
  for (const f of files) h.update(path.relative(ROOT, f)).update('\0').update(fs.readFileSync(f)).update('\0');
  return h.digest('hex').slice(0, 16);
}

const readChunk = (file) => JSON.parse(zlib.gunzipSync(fs.readFileSync(file)).toString('utf8'));

/**
 * Makes sure the first `count` items are cached (extracting the missing chunks on `workers`
 * threads) and returns { dir, chunks, read(k) }: chunk k's items, read from disk when asked, so
 * a caller can stream 100,000 items without holding them all.
 */
async function cachedItems(options) {
  const count = options.count;
  const seed = options.seed ?? 'bench';
  const log = options.log ?? ((line) => console.log(line));
  const workers = Math.max(1, options.workers ?? Math.min(2, os.availableParallelism?.() ?? 2));
  const base = process.env.NEWSGRAPH_EXTRACT_CACHE ?? path.join(os.tmpdir(), 'newsgraph-extract-cache');
  // `cacheDir` names a cache made by another build (its key differs): used as it is, never added to
  const pinned = Boolean(options.cacheDir);
  const dir = pinned ? path.resolve(options.cacheDir) : path.join(base, `${seed}-${cacheKey(seed)}`);
  if (!pinned) fs.mkdirSync(dir, { recursive: true });
  const chunks = Math.ceil(count / CHUNK);
  const fileOf = (k) => path.join(dir, `chunk-${String(k).padStart(5, '0')}.json.gz`);
  const missing = [];
  for (let k = 0; k < chunks; k++) if (!fs.existsSync(fileOf(k))) missing.push(k);
  if (pinned && missing.length) throw new Error(`--cache-dir ${dir}: ${missing.length} of the ${chunks} chunks needed are missing`);
  if (pinned && cacheKey(seed) !== path.basename(dir).slice(seed.length + 1))
    log(`using the extraction cache ${dir} as it is: made by another build of the extraction code (this build's key is ${cacheKey(seed)})`);
  // the generator is one sequence: the last chunk may be shorter than a full one of a longer run
  const total = chunks * CHUNK;
  if (missing.length) {
    const t0 = now();
    log(`extracting ${missing.length} chunk(s) of ${CHUNK} generated articles on ${workers} worker thread(s) into ${dir}...`);
    const pool = Array.from({ length: workers }, () => new Worker(path.join(__dirname, 'extract-worker.js')));
    const idle = [...pool];
    const waiting = [];
    const freeWorker = () => (idle.length ? Promise.resolve(idle.pop()) : new Promise((resolve) => waiting.push(resolve)));
    const release = (w) => (waiting.length ? waiting.shift()(w) : idle.push(w));
    const pendingSet = new Set(missing);
    const running = [];
    let done = 0;
    try {
      const gen = generateDocs({ count: total, seed });
      let k = 0;
      let batch = [];
      for (const doc of gen) {
        if (pendingSet.has(k)) batch.push({ text: toPageText(doc), origin: `synthetic:${doc.n + 1}` });
        if ((doc.n + 1) % CHUNK === 0) {
          if (pendingSet.has(k)) {
            const file = fileOf(k);
            const pages = batch;
            const w = await freeWorker();
            running.push(
              new Promise((resolve, reject) => {
                w.once('message', (msg) => {
                  release(w);
                  if (!msg.ok) return reject(new Error(`extracting ${path.basename(file)}: ${msg.error}`));
                  done++;
                  if (done % 10 === 0 || done === missing.length)
                    log(`  ${done}/${missing.length} chunks extracted, ${fmt((done * CHUNK) / ((now() - t0) / 1000), 0)} articles/s`);
                  resolve();
                });
                w.postMessage({ file, pages });
              }),
            );
          }
          batch = [];
          k++;
          if (k >= chunks) break;
        }
      }
      await Promise.all(running);
    } finally {
      await Promise.all(pool.map((w) => w.terminate()));
    }
    log(`  extracted in ${fmt((now() - t0) / 1000, 0)} s`);
  } else log(`extracted articles cached in ${dir} (${chunks} chunk(s))`);
  return {
    dir,
    chunks,
    /** The items of chunk k (the last one cut at `count`). */
    read: (k) => {
      const items = readChunk(fileOf(k));
      return k === chunks - 1 ? items.slice(0, count - k * CHUNK) : items;
    },
  };
}

module.exports = { cachedItems };

if (require.main === module) {
  // node scripts/lib/extract-cache.js --count 100000 [--seed bench] [--workers 2]: fills the cache ahead of a run
  const { parseArgs } = require('./common');
  const args = parseArgs(process.argv.slice(2), { count: 'number', seed: 'string', workers: 'number' }, { count: 10000, seed: 'bench' });
  cachedItems(args).catch((err) => {
    console.error(err.stack || err.message);
    process.exit(1);
  });
}
