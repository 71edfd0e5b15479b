#!/usr/bin/env node
'use strict';
/**
 * Extraction throughput on one core.
 *
 * Loads the lexicon once (timed), warms up, then runs `extract` over Chinese articles (the
 * founding page in seeds/articles parsed with parseTextPage, plus generated zh articles) in a
 * loop for at least --seconds, and reports KB/s of Chinese text (UTF-8 bytes of title + body)
 * and articles/s. A shorter English pass follows for comparison.
 *
 * Characters per CPU second are printed too (zhCharsPerSecond, enCharsPerSecond), with
 * jieba.tag() alone over the same Chinese texts (jiebaCharsPerSecond) and the ratio, the
 * floor a segmenter-based extraction is measured against.
 *
 *   npm run bench:extract -- [--seconds 5] [--articles 2000] [--en-seconds 2] [--en-only] [--json]
 */

const fs = require('node:fs');
const path = require('node:path');
const { ROOT, now, requireDist, loadParseTextPage, percentile, mb, fmt, rss, parseArgs, printMachine } = require('./lib/common');
const { generateDocs, toPageText } = require('./generate-articles');

const TARGET_KBPS = 500;
const TARGET_EN_KBPS = 300;

function textChars(article) {
  return `${article.title}\n${article.paragraphs.join('\n')}`.length;
}

function textBytes(article) {
  return Buffer.byteLength(`${article.title}\n${article.paragraphs.join('\n')}`, 'utf8');
}

/** Runs extract over `corpus` round-robin until `seconds` have passed (and at least one full pass). */
function runFor(extract, corpus, seconds, maxIterations = 10_000_000) {
  const bytes = corpus.map(textBytes);
  const chars = corpus.map(textChars);
  const perArticle = [];
  let n = 0;
  let total = 0;
  let totalChars = 0;
  let entities = 0;
  const t0 = now();
  const cpu0 = process.cpuUsage();
  const deadline = t0 + seconds * 1000;
  while ((now() < deadline || n < corpus.length) && n < maxIterations) {
    const i = n % corpus.length;
    const s = now();
    const x = extract(corpus[i]);
    perArticle.push(now() - s);
    entities += x.entities.length;
    total += bytes[i];
    totalChars += chars[i];
    n++;
  }
  const elapsed = (now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  // CPU seconds of this process (GC helper threads included): on a shared machine wall time
  // measures the neighbours, CPU time measures the code
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return { n, total, chars: totalChars, elapsed, cpuSeconds, entities, perArticle, charsPerSecond: totalChars / cpuSeconds };
}

function report(label, r) {
  const wallKbps = r.total / 1024 / r.elapsed;
  const kbps = r.total / 1024 / r.cpuSeconds;
  console.log(
    `${label}: ${r.n} articles, ${fmt(r.total / 1024 / 1024, 2)} MB in ${fmt(r.elapsed, 2)} s wall, ${fmt(r.cpuSeconds, 2)} s CPU -> ` +
      `${fmt(kbps, 0)} KB/s per CPU second (${fmt(wallKbps, 0)} KB/s wall), ${fmt(r.n / r.cpuSeconds, 0)} articles/CPU s; per article p50 ${fmt(percentile(r.perArticle, 50), 2)} ms, ` +
      `p95 ${fmt(percentile(r.perArticle, 95), 2)} ms, max ${fmt(Math.max(...r.perArticle), 1)} ms; ` +
      `${fmt(r.entities / r.n, 1)} entities/article`,
  );
  return kbps;
}

function main() {
  const enOnly = process.argv.includes('--en-only');
  const args = parseArgs(
    process.argv.slice(2).filter((a) => a !== '--en-only'),
    { seconds: 'number', articles: 'number', enSeconds: 'number', seed: 'string', json: 'boolean' },
    {
      seconds: 5,
      articles: 2000,
      enSeconds: 2,
      seed: 'bench-extract',
    },
  );
  printMachine();
  const rss0 = rss();

  // Loading the modules is not part of the lexicon time; the lexicon (and jieba's dictionary) load lazily.
  const parseTextPage = loadParseTextPage();
  const extractMod = requireDist('extract/index.js');
  const { extract } = extractMod;

  const seedDir = path.join(ROOT, 'seeds', 'articles');
  const seeds = fs
    .readdirSync(seedDir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => parseTextPage(fs.readFileSync(path.join(seedDir, f), 'utf8'), { origin: f }));

  let t = now();
  if (typeof extractMod.getLexicon === 'function') extractMod.getLexicon();
  const lexiconMs = now() - t;
  t = now();
  extract(seeds[0]); // first call: anything else loaded lazily (segmenter dictionary, caches)
  const firstMs = now() - t;
  const rssLoaded = rss();
  console.log(
    `lexicon load: ${fmt(lexiconMs, 0)} ms; first extract (incl. lazy loads): ${fmt(firstMs, 0)} ms; RSS ${mb(rss0)} -> ${mb(rssLoaded)}`,
  );

  // Corpus: generated pages parsed like real input (parsing is not timed).
  const zh = [...seeds];
  const en = [];
  for (const doc of generateDocs({ count: Math.ceil(args.articles / 0.7) + 50, seed: args.seed })) {
    const a = parseTextPage(toPageText(doc), { origin: `synthetic:${doc.n}` });
    if (doc.lang === 'en') {
      if (en.length < Math.min(300, args.articles)) en.push(a);
    } else if (zh.length < args.articles) zh.push(a);
  }
  const zhBytes = zh.reduce((s, a) => s + textBytes(a), 0);
  console.log(
    `corpus: ${zh.length} zh articles (${seeds.length} founding + generated), avg ${fmt(zhBytes / zh.length / 1024, 2)} KB; ${en.length} en articles`,
  );

  // Warm-up pass (JIT), not counted.
  for (let i = 0; i < Math.min(200, zh.length); i++) extract(zh[i]);

  let kbps;
  const out = {};
  if (!enOnly) {
    const zhRun = runFor(extract, zh, args.seconds);
    kbps = report('zh extract', zhRun);
    out.zhCharsPerSecond = zhRun.charsPerSecond;
    // the segmenter alone, the same texts, the same dictionary as src/extract/segment.ts
    const { Jieba } = require('@node-rs/jieba');
    const { dict } = require('@node-rs/jieba/dict');
    const jieba = Jieba.withDict(dict);
    const texts = zh.map((a) => ({ title: a.title, paragraphs: a.paragraphs }));
    for (let i = 0; i < Math.min(200, texts.length); i++) jieba.tag(`${texts[i].title}\n${texts[i].paragraphs.join('\n')}`, true);
    const jiebaRun = runFor(
      (a) => ({ entities: jieba.tag(`${a.title}\n${a.paragraphs.join('\n')}`, true) && [] }),
      texts,
      Math.min(args.seconds, 3),
    );
    out.jiebaCharsPerSecond = jiebaRun.charsPerSecond;
    out.zhToJieba = out.zhCharsPerSecond / out.jiebaCharsPerSecond;
    console.log(
      `zh characters per CPU second: extract ${fmt(out.zhCharsPerSecond / 1000, 0)} k, jieba.tag() alone ${fmt(out.jiebaCharsPerSecond / 1000, 0)} k (ratio ${fmt(out.zhToJieba, 3)}); target >= 1,000 k: ${out.zhCharsPerSecond >= 1e6 ? 'MET' : 'NOT MET'}`,
    );
    const seedRun = runFor(extract, seeds, 1);
    report('founding page only', seedRun);
  }
  let enKbps;
  if (args.enSeconds > 0 && en.length) {
    for (let i = 0; i < Math.min(50, en.length); i++) extract(en[i]);
    const enRun = runFor(extract, en, args.enSeconds);
    enKbps = report('en extract', enRun);
    out.enCharsPerSecond = enRun.charsPerSecond;
    console.log(`en characters per CPU second: ${fmt(out.enCharsPerSecond / 1000, 0)} k`);
  }

  const mem = process.memoryUsage();
  console.log(`memory after runs: RSS ${mb(mem.rss)}, heap used ${mb(mem.heapUsed)}`);
  if (kbps !== undefined)
    console.log(
      `target >= ${TARGET_KBPS} KB/s of Chinese text per CPU second: ${kbps >= TARGET_KBPS ? 'MET' : 'NOT MET'} (${fmt(kbps, 0)} KB/s)`,
    );
  if (enKbps !== undefined)
    console.log(
      `target >= ${TARGET_EN_KBPS} KB/s of English text per CPU second: ${enKbps >= TARGET_EN_KBPS ? 'MET' : 'NOT MET'} (${fmt(enKbps, 0)} KB/s)`,
    );
  if (args.json) console.log(JSON.stringify({ ...out, loadAverage: require('node:os').loadavg() }));
}

try {
  main();
} catch (err) {
  console.error(`bench-extract: ${err.stack || err.message}`);
  process.exit(1);
}
