#!/usr/bin/env node
// `npm run eval`: scores `newsgraph extract` on the gold corpus in ../shared/corpus with
// ../shared/tools/score-extraction.mjs, when that material is present. Extra flags
// (--verbose, --json) are passed through to the scorer.
const { existsSync } = require('node:fs');
const { join, resolve } = require('node:path');
const { spawnSync } = require('node:child_process');

const root = resolve(__dirname, '..');
const shared = resolve(process.env.NEWSGRAPH_SHARED_DIR || join(root, '..', 'shared'));
const scorer = join(shared, 'tools', 'score-extraction.mjs');
const corpus = join(shared, 'corpus');
if (!existsSync(scorer) || !existsSync(corpus)) {
  console.log(`eval: no scorer/corpus under ${shared} (set NEWSGRAPH_SHARED_DIR); nothing to score.`);
  process.exit(0);
}
const cli = join(root, 'dist', 'cli.js');
const r = spawnSync(process.execPath, [scorer, '--corpus', corpus, '--cmd', `node ${JSON.stringify(cli)} extract {file} --format json`, ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
