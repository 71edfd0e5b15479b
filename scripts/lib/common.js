'use strict';
/** Small helpers shared by the benchmark scripts: timing, stats, formatting, arguments, machine info. */

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..', '..');
const DIST = path.join(ROOT, 'dist');

/** Monotonic clock in milliseconds (float). */
const now = () => Number(process.hrtime.bigint()) / 1e6;

/** Requires a compiled module from dist/, with a clear message when the build is missing. */
function requireDist(rel) {
  const file = path.join(DIST, rel);
  try {
    return require(file);
  } catch (err) {
    if (err && err.code === 'MODULE_NOT_FOUND' && !fs.existsSync(file)) {
      throw new Error(`${path.relative(ROOT, file)} is not built yet: run \`npm run build\` (or npx tsc -p tsconfig.build.json) first`);
    }
    throw err;
  }
}

/**
 * parseTextPage from dist/ingest; falls back to the text-page module alone when the ingest index
 * cannot load (e.g. an optional HTML dependency is not installed yet).
 */
function loadParseTextPage() {
  try {
    return requireDist('ingest/index.js').parseTextPage;
  } catch (err) {
    if (err && err.code === 'MODULE_NOT_FOUND' && fs.existsSync(path.join(DIST, 'ingest', 'text-page.js'))) {
      console.error(`note: dist/ingest/index.js did not load (${String(err.message).split('\n')[0]}); using dist/ingest/text-page.js`);
      return requireDist('ingest/text-page.js').parseTextPage;
    }
    throw err;
  }
}

/** Percentile (0..100) of an array of numbers, nearest-rank on a sorted copy. */
function percentile(values, p) {
  if (!values.length) return NaN;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const fmt = (x, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');

function rss() {
  return process.memoryUsage().rss;
}

/** The running script's opening comment (its usage), without the comment markers. */
function usage() {
  const text = fs.readFileSync(process.argv[1], 'utf8');
  const block = /\/\*\*([\s\S]*?)\*\//.exec(text);
  return block ? block[1].replace(/^[ \t]*\* ?/gm, '').trim() : `usage: node ${path.relative(process.cwd(), process.argv[1])} [options]`;
}

/**
 * Minimal argument parser: --key value, --flag. `spec` maps names to 'number' | 'string' | 'boolean'.
 */
function parseArgs(argv, spec, defaults = {}) {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${usage()}\n`);
    process.exit(0);
  }
  const out = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) throw new Error(`unexpected argument: ${a} (--help lists the options)`);
    const key = a.slice(2).replace(/-([a-z])/g, (_, ch) => ch.toUpperCase());
    const type = spec[key];
    if (!type) throw new Error(`unknown option: ${a} (--help lists the options)`);
    if (type === 'boolean') {
      out[key] = true;
      continue;
    }
    if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
    const raw = argv[++i];
    if (type === 'number') {
      const n = Number(raw);
      if (!Number.isFinite(n) || n < 0) throw new Error(`${a} must be a non-negative number, got "${raw}"`);
      out[key] = n;
    } else out[key] = raw;
  }
  return out;
}

function tryExec(cmd, args) {
  try {
    const r = require('node:child_process').spawnSync(cmd, args, { encoding: 'utf8', timeout: 10000 });
    return `${r.stdout || ''}${r.stderr || ''}`;
  } catch (err) {
    return (err.stdout || '') + (err.stderr || '');
  }
}

/** One line describing the machine the numbers come from. */
function machineInfo() {
  const cpuinfo = fs.existsSync('/proc/cpuinfo') ? fs.readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown CPU';
  const java = tryExec('java', ['-version']).split('\n')[0].trim();
  return {
    cpu: model,
    cores: os.availableParallelism ? os.availableParallelism() : os.cpus().length,
    memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    node: process.version,
    java: java || 'n/a',
  };
}

function printMachine(log = console.log) {
  const m = machineInfo();
  log(
    `machine: ${m.cpu}, ${m.cores} cores, ${m.memory} RAM, node ${m.node}, ${m.java}; load average ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
}

/** Runs async `worker(i)` for i in [0, total) with at most `concurrency` in flight. */
async function runPool(total, concurrency, worker) {
  let next = 0;
  const runners = [];
  for (let k = 0; k < Math.min(concurrency, total); k++) {
    runners.push(
      (async () => {
        while (next < total) {
          const i = next++;
          await worker(i);
        }
      })(),
    );
  }
  await Promise.all(runners);
}

module.exports = {
  ROOT,
  DIST,
  now,
  requireDist,
  loadParseTextPage,
  percentile,
  mb,
  fmt,
  rss,
  parseArgs,
  machineInfo,
  printMachine,
  runPool,
};
