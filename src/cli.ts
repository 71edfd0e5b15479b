#!/usr/bin/env node
import 'reflect-metadata';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import { PROJECT_ROOT, loadConfig } from './config';
import type { Article, Extraction } from './domain/types';
import { ENTITY_TYPES } from './domain/vocabulary';
import type { InputSelection, SkipReason } from './ingest';
import type { IngestSummary, ItemResult } from './pipeline/ingest-articles';
// extraction, parsing and the driver load lexicons and native modules: only commands that need them pay for it
const heavy = async () => {
  const extract = await import('./extract');
  extract.configureLexicon({ dir: loadConfig().lexiconDir });
  return {
    ...extract,
    ...(await import('./ingest')),
    ...(await import('./pipeline/connect')),
    ...(await import('./pipeline/ingest-articles')),
  };
};

/**
 * Articles per write transaction of `newsgraph ingest`, by default and at most: 100 writes about a
 * quarter faster than 20 (BENCHMARKS.md, "Ingest on a quiet machine"), and a bigger batch no faster.
 */
const INGEST_BATCH = 100;
const INGEST_BATCH_MAX = 1000;

const USAGE = `Usage:
  newsgraph ingest <file|dir|->...  [--dry-run] [--include GLOB]... [--exclude GLOB]... [--batch-size N]
                                     ingest articles into Neo4j (NEO4J_URI, or the embedded server,
                                     the one already running on the data directory if there is one),
                                     N articles a transaction (default ${INGEST_BATCH}, at most ${INGEST_BATCH_MAX})
  newsgraph extract <file|->  [--format text|json|ndjson]
                                     print what would be extracted; needs no database
  newsgraph export [--out FILE]      write the whole graph as NDJSON (stdout unless --out) for a
                                     backup or a move to another Neo4j (nothing may write meanwhile)
  newsgraph import <FILE>  [--batch-size N]
                                     read an export into the graph: the file is checked first, then
                                     written one transaction per batch; running it again after a
                                     stop finishes the import and changes nothing else
  newsgraph --version | help

Inputs: page text dumps (.txt, optional "key: value" header), HTML pages, JSON / NDJSON batches,
RSS / Atom feeds; directories are read recursively; "-" reads stdin. Annotation sidecars next to
articles (x.gold.json beside x.txt) are skipped unless --include names them.`;

class UsageError extends Error {}

/** node:util parseArgs, with its errors (unknown flag, missing value) as usage errors. */
function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, allowPositionals: true, strict: true, options });
  } catch (err) {
    const message = err instanceof Error ? err.message.replace(/\. To specify a positional argument.*$/s, '') : String(err);
    throw new UsageError(message.replace(/^Unknown option/, 'unknown option').replace(/'([^']*)'/g, '"$1"'));
  }
}

/** A `--batch-size` value: the default when left out, else a whole number from 1 (to `max`, when there is one). */
function batchSizeOf(value: string | undefined, options: { fallback: number; max?: number }): number {
  if (value === undefined) return options.fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || (options.max !== undefined && n > options.max))
    throw new UsageError(
      `--batch-size must be ${options.max === undefined ? 'a positive integer' : `an integer from 1 to ${options.max}`}, got "${value}"`,
    );
  return n;
}

export function version(): string {
  return (JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

/** The extraction JSON read by ../shared/tools/score-extraction.mjs and by people. */
export function extractionJson(article: Article, extraction: Extraction) {
  return {
    article: {
      id: article.id,
      url: article.url,
      title: article.title,
      publishedAt: article.publishedAt,
      source: article.source,
      language: article.language,
      authors: article.authors,
      tags: article.tags,
      related: article.related,
    },
    entities: extraction.entities.map((e) => ({
      id: e.id,
      type: e.type,
      name: e.name,
      aliases: e.aliases,
      ...(e.en ? { en: e.en } : {}),
      ...(e.iso2 ? { iso2: e.iso2 } : {}),
      ...(e.kind ? { kind: e.kind } : {}),
      ...(e.parentId ? { parent: e.parentId } : {}),
      mention: extraction.mentions.find((m) => m.entityId === e.id),
    })),
    relations: extraction.relations.map((r) => ({
      type: r.type,
      from: r.from,
      to: r.to,
      ...(r.title ? { title: r.title } : {}),
      confidence: r.confidence,
      evidence: r.evidence,
    })),
    authors: article.authors.map((a) => a.name),
  };
}

function extractionText(article: Article, extraction: Extraction): string {
  const byId = new Map(extraction.entities.map((e) => [e.id, e]));
  const lines = [
    `${article.title}`,
    `  ${[article.publishedAt, article.source, article.language].filter(Boolean).join(' · ')}`,
    `  authors: ${article.authors.map((a) => `${a.name} (${a.role})`).join(', ') || '-'}`,
    '',
  ];
  for (const type of ENTITY_TYPES) {
    const names = extraction.entities.filter((e) => e.type === type).map((e) => (e.iso2 ? `${e.name} (${e.iso2})` : e.name));
    if (names.length) lines.push(`${type}: ${names.join(', ')}`);
  }
  if (extraction.relations.length) lines.push('', 'relations:');
  for (const r of extraction.relations) {
    const title = r.title ? ` {${r.title}}` : '';
    lines.push(`  ${byId.get(r.from)?.name ?? r.from} ${r.type}${title} ${byId.get(r.to)?.name ?? r.to}`, `    “${r.evidence}”`);
  }
  return lines.join('\n');
}

/**
 * One article prints as one JSON object (what the scorer reads); several (a feed, a batch) as
 * one JSON array, or one object per line with --format ndjson.
 */
async function runExtract(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { format: { type: 'string', default: 'text' } });
  if (positionals.length !== 1) throw new UsageError('extract takes exactly one file (or "-")');
  const format = values.format;
  if (format !== 'json' && format !== 'text' && format !== 'ndjson')
    throw new UsageError(`--format must be text, json or ndjson, got "${format}"`);
  const { extract, readInputs } = await heavy();
  let failed = 0;
  const objects: unknown[] = [];
  let texts = 0;
  for await (const input of readInputs(positionals, { maxBytes: loadConfig().maxInputBytes })) {
    if (!input.article) {
      console.error(`newsgraph: ${input.error?.message ?? `${input.origin}: unreadable`}`);
      failed++;
      continue;
    }
    const extraction = extract(input.article);
    if (format === 'ndjson') console.log(JSON.stringify(extractionJson(input.article, extraction)));
    else if (format === 'json') objects.push(extractionJson(input.article, extraction));
    else console.log(`${texts++ ? '\n' : ''}${extractionText(input.article, extraction)}`);
  }
  if (format === 'json' && (objects.length || !failed)) console.log(JSON.stringify(objects.length === 1 ? objects[0] : objects, null, 2));
  return failed ? 1 : 0;
}

function printSummary(summary: IngestSummary, dryRun: boolean): void {
  const c = summary.counts;
  const head = dryRun
    ? `dry run: ${c['dry-run']} article(s) would be written`
    : `${summary.total} item(s): ${c.new} new, ${c.updated} updated, ${c.unchanged} unchanged, ${summary.duplicates} duplicate(s)`;
  console.log(`${head}, ${c.failed} failed`);
  for (const f of summary.failures) console.log(`  failed: ${f.error ?? f.origin}`);
}

const SKIP_NOTES: Record<SkipReason, string> = {
  sidecar: 'annotation sidecar(s) next to articles (x.gold.json beside x.txt); --include them to read them',
  excluded: 'file(s) matched --exclude',
  'not-included': 'file(s) matched no --include',
};

async function runIngest(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    'dry-run': { type: 'boolean', default: false },
    include: { type: 'string', multiple: true },
    exclude: { type: 'string', multiple: true },
    'batch-size': { type: 'string' },
  });
  if (!positionals.length) throw new UsageError('ingest needs at least one file, directory or "-"');
  const batchSize = batchSizeOf(values['batch-size'], { fallback: INGEST_BATCH, max: INGEST_BATCH_MAX });
  const dryRun = values['dry-run'];
  const config = loadConfig();
  const { connect, countInputs, ingestPaths } = await heavy();
  const log = (line: string): void => console.error(line);
  const skipped: Record<SkipReason, string[]> = { sidecar: [], excluded: [], 'not-included': [] };
  const select: InputSelection = { include: values.include, exclude: values.exclude, onSkip: (file, reason) => skipped[reason].push(file) };
  const connection = dryRun ? null : await connect(config, log);
  if (connection?.mode === 'shared') log(`(the server belongs to another NewsGraph process; it keeps running after this ingest)`);
  // Ctrl-C / SIGTERM: no further input; the batch in hand commits or rolls back as one transaction
  const stop = new AbortController();
  let interrupted = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (interrupted) process.exit(130);
    interrupted = true;
    log(`${signal}: finishing the current batch, then stopping (again to quit at once)...`);
    stop.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const interactive = Boolean(process.stderr.isTTY) && !positionals.includes('-');
  const bar = interactive
    ? new SingleBar(
        { format: 'ingest [{bar}] {value}/{total} | {rate}/s | ETA {eta_formatted} | {last}', hideCursor: true },
        Presets.shades_classic,
      )
    : null;
  const started = Date.now();
  let done = 0;
  try {
    if (bar)
      bar.start(await countInputs(positionals, { maxBytes: config.maxInputBytes, include: values.include, exclude: values.exclude }), 0, {
        rate: '0.0',
        last: '',
      });
    const onItem = (item: ItemResult): void => {
      const dup = item.duplicateOf ? `  (duplicate of ${item.duplicateOf})` : '';
      const line = `${item.status.padEnd(9)} ${item.id ?? '-'}  ${item.title ?? item.origin}${dup}${item.error ? `  — ${item.error}` : ''}`;
      if (bar) {
        done++;
        bar.increment(1, {
          rate: (done / Math.max((Date.now() - started) / 1000, 0.001)).toFixed(1),
          last: (item.title ?? item.origin).slice(0, 30),
        });
        // failures are listed in the summary; the bar keeps its line
      } else {
        console.log(line);
      }
      if (dryRun && item.status === 'dry-run') console.log(`  would write ${item.entities} entities, ${item.relations} relations`);
    };
    const summary = await ingestPaths(positionals, {
      executor: connection?.executor ?? null,
      maxBytes: config.maxInputBytes,
      stdin: process.stdin,
      onItem,
      select,
      signal: stop.signal,
      extractWorkers: config.extractWorkers,
      batchSize,
    });
    bar?.stop();
    printSummary(summary, dryRun);
    for (const reason of Object.keys(skipped) as SkipReason[]) {
      if (skipped[reason].length) console.log(`skipped ${skipped[reason].length} ${SKIP_NOTES[reason]}`);
    }
    if (interrupted) {
      console.log('interrupted: the rest of the input was not read; run the same command again to go on (ingest is idempotent)');
      return 130;
    }
    return summary.counts.failed ? 1 : 0;
  } finally {
    bar?.stop();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await connection?.close();
  }
}

/** Writes to stdout, waiting when the reader is slower than the graph (a pipe to gzip, ssh). */
function stdoutWriter(): (line: string) => Promise<void> | void {
  return (line) => {
    if (process.stdout.write(`${line}\n`)) return;
    return new Promise((resolve, reject) => {
      const onError = (err: Error): void => reject(err);
      process.stdout.once('error', onError);
      process.stdout.once('drain', () => {
        process.stdout.off('error', onError);
        resolve();
      });
    });
  };
}

const countsLine = (m: Record<string, number>): string =>
  Object.entries(m)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ') || 'none';

async function runExport(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { out: { type: 'string' } });
  if (positionals.length) throw new UsageError('export takes no file argument; it writes to stdout, or to --out FILE');
  const config = loadConfig();
  const { connect } = await import('./pipeline/connect');
  const { exportGraph } = await import('./store/graph-dump');
  const log = (line: string): void => console.error(line);
  const connection = await connect(config, log);
  // a file is written aside and renamed at the end: a half-written export never has the final name
  const partial = values.out ? `${values.out}.partial` : undefined;
  const file = partial ? fs.createWriteStream(partial) : undefined;
  const write = file
    ? (line: string): Promise<void> | void =>
        file.write(`${line}\n`) ? undefined : new Promise((resolve) => file.once('drain', () => resolve()))
    : stdoutWriter();
  try {
    const counts = await exportGraph(connection.executor, { write });
    if (file && partial) {
      await new Promise<void>((resolve, reject) => file.end((err?: Error | null) => (err ? reject(err) : resolve())));
      fs.renameSync(partial, values.out!);
    }
    log(
      `exported ${counts.nodes} nodes (${countsLine(counts.byLabel)}) and ${counts.relationships} relationships (${countsLine(counts.byType)})${values.out ? ` to ${values.out}` : ''}`,
    );
    return 0;
  } catch (err) {
    if (file && partial) {
      file.destroy();
      fs.rmSync(partial, { force: true });
    }
    throw err;
  } finally {
    await connection.close();
  }
}

async function runImport(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { 'batch-size': { type: 'string' } });
  if (positionals.length !== 1 || positionals[0] === '-')
    throw new UsageError('import takes exactly one file (it is read twice: checked, then written)');
  const batchSize = batchSizeOf(values['batch-size'], { fallback: 500 });
  const file = positionals[0];
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new Error(`${file}: no such file`);
  const { createInterface } = await import('node:readline');
  const lines = (): AsyncIterable<string> =>
    createInterface({ input: fs.createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  const { checkDump, importGraph } = await import('./store/graph-dump');
  const log = (line: string): void => console.error(line);
  // the whole file first, without a database: a cut or damaged file writes nothing
  const expected = await checkDump(lines(), file);
  log(`${file}: ${expected.nodes} nodes and ${expected.relationships} relationships, checked`);
  const { connect } = await import('./pipeline/connect');
  const connection = await connect(loadConfig(), log);
  try {
    let last = Date.now();
    const result = await importGraph(connection.executor, lines(), {
      origin: file,
      batchSize,
      onBatch: (done) => {
        if (Date.now() - last < 5000) return;
        last = Date.now();
        log(
          `  ${done.nodes} of ${expected.nodes} nodes, ${done.relationships} of ${expected.relationships} relationships (line ${done.lines})`,
        );
      },
    });
    const kept = result.relationships - result.created;
    console.log(
      `imported ${result.nodes} nodes (${countsLine(result.byLabel)}) and ${result.relationships} relationships (${countsLine(result.byType)}) in ${result.batches} transactions` +
        (kept ? `; ${kept} relationship(s) were already there` : ''),
    );
    return 0;
  } finally {
    await connection.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'extract':
      return runExtract(rest);
    case 'ingest':
      return runIngest(rest);
    case 'export':
      return runExport(rest);
    case 'import':
      return runImport(rest);
    case '--version':
    case '-v':
    case 'version':
      console.log(`newsgraph ${version()}`);
      return 0;
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE);
      return 0;
    case undefined:
      throw new UsageError('a command is needed');
    default:
      throw new UsageError(command.startsWith('-') ? `unknown option "${command}"` : `unknown command "${command}"`);
  }
}

if (require.main === module) {
  // a reader that stops early (\`newsgraph extract feed.xml | head\`) closes the pipe: the rest of
  // the output goes nowhere and the command finishes its work (an ingest its writes), no stack trace
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
  });
  main(process.argv.slice(2))
    .then((code) => process.exit(code))
    .catch((err) => {
      // one line a user can act on, never a stack trace
      console.error(`newsgraph: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
      if (err instanceof UsageError) console.error(`\n${USAGE}`);
      process.exit(err instanceof UsageError ? 2 : 1);
    });
}
