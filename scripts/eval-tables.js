#!/usr/bin/env node
'use strict';
// Writes the totals of `npm run eval` into README.md between the eval-tables markers, so the
// README shows the figures the code produces: node scripts/eval-tables.js (after npm run build).
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const r = spawnSync(process.execPath, [path.join(__dirname, 'eval.js')], { encoding: 'utf8' });
if (r.status !== 0) {
  process.stderr.write(r.stdout + r.stderr);
  process.exit(1);
}
const keep = /^(## |person|organization|country|place|topics|authors|relations)/;
const blocks = r.stdout
  .split('\n')
  .filter((l) => keep.test(l))
  .join('\n')
  .replace(/^## (.*)$/gm, '\n$1:')
  .trim();
const readme = path.join(root, 'README.md');
const text = fs.readFileSync(readme, 'utf8');
const start = '<!-- eval-tables:start -->';
const end = '<!-- eval-tables:end -->';
const i = text.indexOf(start);
const j = text.indexOf(end);
if (i < 0 || j < 0) throw new Error('README.md has no eval-tables markers');
fs.writeFileSync(readme, `${text.slice(0, i + start.length)}\n\`\`\`\n${blocks}\n\`\`\`\n${text.slice(j)}`);
console.log('README.md: extraction tables updated');
