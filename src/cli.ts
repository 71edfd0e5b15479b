#!/usr/bin/env node
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import { loadConfig } from './config';
import type { Article, Extraction } from './domain/types';
import { extract } from './extract';
import { countInputs, readInputs } from './ingest';
import { connect } from './pipeline/connect';
import { ingestPaths, type IngestSummary, type ItemResult } from './pipeline/ingest-articles';

const USAGE = `Usage:
  newsgraph ingest <file|dir|->...  [--dry-run]    ingest articles into Neo4j (NEO4J_URI, or the embedded server)
  newsgraph extract <file|->  [--format json|text]  print what would be extracted; needs no database
  newsgraph help

Inputs: page text dumps (.txt, optional "key: value" header), HTML pages, JSON / NDJSON batches,
RSS / Atom feeds; directories are read recursively; "-" reads stdin.`;

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
  for (const type of ['person', 'organization', 'country', 'place', 'topic'] as const) {
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

async function runExtract(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string', default: 'text' } } });
  if (positionals.length !== 1) throw new UsageError('extract takes exactly one file (or "-")');
  if (values.format !== 'json' && values.format !== 'text') throw new UsageError(`--format must be json or text, got "${values.format}"`);
  let failed = 0;
  for await (const input of readInputs(positionals, { maxBytes: loadConfig().maxInputBytes })) {
    if (!input.article) {
      console.error(`newsgraph: ${input.error?.message ?? `${input.origin}: unreadable`}`);
      failed++;
      continue;
    }
    const extraction = extract(input.article);
    console.log(values.format === 'json' ? JSON.stringify(extractionJson(input.article, extraction), null, 2) : extractionText(input.article, extraction));
  }
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

async function runIngest(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { 'dry-run': { type: 'boolean', default: false } } });
  if (!positionals.length) throw new UsageError('ingest needs at least one file, directory or "-"');
  const dryRun = values['dry-run'];
  const config = loadConfig();
  const log = (line: string): void => console.error(line);
  const connection = dryRun ? null : await connect(config, log);
  const interactive = Boolean(process.stderr.isTTY) && !positionals.includes('-');
  const bar = interactive ? new SingleBar({ format: 'ingest [{bar}] {value}/{total} | {rate}/s | ETA {eta_formatted} | {last}', hideCursor: true }, Presets.shades_classic) : null;
  const started = Date.now();
  let done = 0;
  try {
    if (bar) bar.start(await countInputs(positionals), 0, { rate: '0.0', last: '' });
    const onItem = (item: ItemResult): void => {
      const dup = item.duplicateOf ? `  (duplicate of ${item.duplicateOf})` : '';
      const line = `${item.status.padEnd(9)} ${item.id ?? '-'}  ${item.title ?? item.origin}${dup}${item.error ? `  — ${item.error}` : ''}`;
      if (bar) {
        done++;
        bar.increment(1, { rate: (done / Math.max((Date.now() - started) / 1000, 0.001)).toFixed(1), last: (item.title ?? item.origin).slice(0, 30) });
        // failures are listed in the summary; the bar keeps its line
      } else {
        console.log(line);
      }
      if (dryRun && item.status === 'dry-run') console.log(`  would write ${item.entities} entities, ${item.relations} relations`);
    };
    const summary = await ingestPaths(positionals, { executor: connection?.executor ?? null, maxBytes: config.maxInputBytes, stdin: process.stdin, onItem });
    bar?.stop();
    printSummary(summary, dryRun);
    return summary.counts.failed ? 1 : 0;
  } finally {
    bar?.stop();
    await connection?.close();
  }
}

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'extract':
      return runExtract(rest);
    case 'ingest':
      return runIngest(rest);
    case 'help':
    case '--help':
    case '-h':
    case undefined:
      console.log(USAGE);
      return command ? 0 : 2;
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

if (require.main === module) {
  main(process.argv.slice(2))
    .then((code) => process.exit(code))
    .catch((err) => {
      console.error(`newsgraph: ${err instanceof Error ? err.message : String(err)}`);
      if (err instanceof UsageError) console.error(USAGE);
      process.exit(err instanceof UsageError ? 2 : 1);
    });
}
