#!/usr/bin/env node
'use strict';
/**
 * `npm run eval`: scores the extractor on the gold corpora in ../shared (corpus and corpus2)
 * with ../shared/tools/score-extraction.mjs, totals and one block per language (zh-Hant,
 * zh-Hans, en).
 *
 * Every article is read and extracted in this one process (the same code path as
 * `newsgraph extract FILE --format json`), the JSON goes to a temporary prediction folder, and
 * the scorer reads it with --pred; per-language scores use temporary corpus folders of
 * symlinks to the articles of that language (the `lang` column of INDEX.tsv).
 *
 *   npm run eval -- [--corpus corpus2] [--verbose] [--json] [--lang en] [--totals-only]
 */
const fs = require('node:fs');
const os = require('node:os');
const { join, resolve } = require('node:path');
const { spawnSync } = require('node:child_process');

const root = resolve(__dirname, '..');
const shared = resolve(process.env.NEWSGRAPH_SHARED_DIR || join(root, '..', 'shared'));
const scorer = join(shared, 'tools', 'score-extraction.mjs');

const args = process.argv.slice(2);
const opt = (k) => {
  const i = args.indexOf(k);
  return i >= 0 ? args[i + 1] : undefined;
};
const only = opt('--corpus');
const onlyLang = opt('--lang');
const totalsOnly = args.includes('--totals-only');
const passThrough = args.filter((a) => a === '--verbose' || a === '--json');

const corpora = ['corpus', 'corpus2']
  .filter((c) => !only || c === only)
  .map((c) => join(shared, c))
  .filter((d) => fs.existsSync(d));
if (!fs.existsSync(scorer) || !corpora.length) {
  console.log(`eval: no scorer/corpus under ${shared} (set NEWSGRAPH_SHARED_DIR); nothing to score.`);
  process.exit(0);
}

const { readInputs } = require(join(root, 'dist', 'ingest'));
const { extract } = require(join(root, 'dist', 'extract'));
const { extractionJson } = require(join(root, 'dist', 'cli'));

function languages(dir) {
  const out = new Map();
  const index = join(dir, 'INDEX.tsv');
  if (!fs.existsSync(index)) return out;
  const [head, ...rows] = fs.readFileSync(index, 'utf8').split('\n').filter(Boolean);
  const cols = head.split('\t');
  const nn = cols.indexOf('NN');
  const lang = cols.indexOf('lang');
  for (const r of rows) {
    const c = r.split('\t');
    out.set(c[nn], c[lang]);
  }
  return out;
}

async function predict(dir, predDir) {
  const files = fs
    .readdirSync(dir)
    .filter((f) => /^\d+\.txt$/.test(f))
    .sort();
  let failures = 0;
  for (const f of files) {
    const nn = f.split('.')[0];
    let json = {};
    for await (const input of readInputs([join(dir, f)], {})) {
      if (input.article) json = extractionJson(input.article, extract(input.article));
      else failures++;
    }
    fs.writeFileSync(join(predDir, `${nn}.json`), JSON.stringify(json));
  }
  return failures;
}

function score(label, corpusDir, predDir) {
  console.log(`\n## ${label}`);
  const r = spawnSync(process.execPath, [scorer, '--corpus', corpusDir, '--pred', predDir, ...passThrough], { stdio: 'inherit' });
  return r.status ?? 1;
}

function subsetCorpus(dir, nns) {
  const sub = fs.mkdtempSync(join(os.tmpdir(), 'newsgraph-eval-'));
  for (const nn of nns)
    for (const f of [`${nn}.txt`, `${nn}.gold.json`]) if (fs.existsSync(join(dir, f))) fs.symlinkSync(join(dir, f), join(sub, f));
  return sub;
}

(async () => {
  let status = 0;
  const t0 = Date.now();
  for (const dir of corpora) {
    const name = dir.split(/[\\/]/).pop();
    const predDir = fs.mkdtempSync(join(os.tmpdir(), `newsgraph-pred-${name}-`));
    const failures = await predict(dir, predDir);
    if (failures) console.log(`${name}: ${failures} article(s) could not be read`);
    if (!onlyLang) status |= score(`${name} (all)`, dir, predDir);
    if (totalsOnly) continue;
    const langs = languages(dir);
    for (const lang of ['zh-Hant', 'zh-Hans', 'en']) {
      if (onlyLang && onlyLang !== lang) continue;
      const nns = [...langs].filter(([, l]) => l === lang).map(([nn]) => nn);
      if (!nns.length) continue;
      const sub = subsetCorpus(dir, nns);
      status |= score(`${name} ${lang} (${nns.length} articles)`, sub, predDir);
      fs.rmSync(sub, { recursive: true, force: true });
    }
    fs.rmSync(predDir, { recursive: true, force: true });
  }
  console.log(`\neval: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  process.exit(status);
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
