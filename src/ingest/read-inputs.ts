import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { Article } from '../domain/types';
import { NewsGraphError, badInput } from '../domain/errors';
import { decodeBuffer } from './encoding';
import { countFeedItems, parseFeed } from './feed';
import { parseHtmlPage } from './html-page';
import { countJsonItems, parseJsonBatch } from './json-batch';
import { parseTextPage } from './text-page';

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

export interface ReadInputsOptions {
  /** Files larger than this are refused (default 5 MB). */
  maxBytes?: number;
  /** What '-' reads; process.stdin by default. */
  stdin?: NodeJS.ReadableStream;
}

export interface InputItem {
  origin: string;
  article?: Article;
  error?: NewsGraphError;
}

export type InputFormat = 'text' | 'html' | 'json' | 'feed';

/** Extensions a directory walk picks up; other files in a directory (images, notes) are skipped. */
const KNOWN_EXTENSIONS: Record<string, InputFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.json': 'json',
  '.ndjson': 'json',
  '.jsonl': 'json',
  '.xml': 'feed',
  '.rss': 'feed',
  '.atom': 'feed',
};

/** Format from the extension, corrected by the content (a .txt that is really HTML, a feed saved as .xml or .html). */
export function detectFormat(text: string, origin?: string): InputFormat {
  const head = text.replace(/^\ufeff/, '').trimStart().slice(0, 2048);
  if (/^<\?xml[^>]*>\s*(<!--[\s\S]*?-->\s*)*<(rss|feed|rdf:RDF)\b/i.test(head) || /^<(rss|feed|rdf:RDF)\b/i.test(head)) return 'feed';
  if (/^(<!doctype html|<html\b|<head\b|<body\b|<article\b|<div\b|<p\b|<meta\b)/i.test(head)) return 'html';
  if (/^[[{]/.test(head)) return 'json';
  const byExtension = origin ? KNOWN_EXTENSIONS[extname(origin).toLowerCase()] : undefined;
  if (byExtension && byExtension !== 'text') return byExtension;
  if (/^<\?xml\b/i.test(head)) return 'feed';
  return 'text';
}

/** Parses decoded text in whatever format it is, into articles and per-item errors. */
export function parseAny(text: string, origin: string): Array<Article | NewsGraphError> {
  switch (detectFormat(text, origin)) {
    case 'feed':
      return parseFeed(text, { origin });
    case 'json':
      return parseJsonBatch(text, { origin });
    case 'html':
      return [parseHtmlPage(text, { origin })];
    case 'text':
      return [parseTextPage(text, { origin })];
  }
}

async function readStream(stream: NodeJS.ReadableStream, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array);
    size += buf.length;
    if (size > maxBytes) throw badInput(`input over the size limit of ${maxBytes} bytes`, 'stdin');
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

/** Files under a directory, recursively, in a stable order; hidden files and unknown extensions are skipped. */
async function* walk(dir: string): AsyncGenerator<string> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile() && KNOWN_EXTENSIONS[extname(entry.name).toLowerCase()]) yield path;
  }
}

type Source = { kind: 'stdin' } | { kind: 'file'; path: string } | { kind: 'error'; origin: string; error: NewsGraphError };

async function* sources(paths: string[]): AsyncGenerator<Source> {
  for (const path of paths) {
    if (path === '-') {
      yield { kind: 'stdin' };
      continue;
    }
    let info;
    try {
      info = await stat(path);
    } catch {
      yield { kind: 'error', origin: path, error: badInput('no such file or directory', path) };
      continue;
    }
    if (info.isDirectory()) {
      try {
        for await (const file of walk(path)) yield { kind: 'file', path: file };
      } catch (err) {
        yield { kind: 'error', origin: path, error: badInput(`cannot read directory: ${(err as Error).message}`, path) };
      }
    } else yield { kind: 'file', path };
  }
}

function toItems(results: Array<Article | NewsGraphError>, origin: string): InputItem[] {
  return results.map((r) => (r instanceof NewsGraphError ? { origin: r.origin ?? origin, error: r } : { origin: r.origin ?? origin, article: r }));
}

function asError(err: unknown, origin: string): NewsGraphError {
  return err instanceof NewsGraphError ? err : badInput(`cannot read: ${(err as Error).message}`, origin);
}

async function loadBytes(source: Exclude<Source, { kind: 'error' }>, options: ReadInputsOptions): Promise<Buffer> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (source.kind === 'stdin') return readStream(options.stdin ?? process.stdin, maxBytes);
  const info = await stat(source.path);
  if (info.size > maxBytes) throw badInput(`file over the size limit (${info.size} > ${maxBytes} bytes)`, source.path);
  return readFile(source.path);
}

/**
 * Reads files, directories (recursively) and '-' (stdin), detects each one's encoding and
 * format, and yields one item per article — or per failure, so that a bad file is reported
 * and the loop goes on.
 */
export async function* readInputs(paths: string[], options: ReadInputsOptions = {}): AsyncGenerator<InputItem> {
  for await (const source of sources(paths)) {
    if (source.kind === 'error') {
      yield { origin: source.origin, error: source.error };
      continue;
    }
    const origin = source.kind === 'stdin' ? 'stdin' : source.path;
    let items: InputItem[];
    try {
      const text = decodeBuffer(await loadBytes(source, options), origin);
      items = toItems(parseAny(text, origin), origin);
    } catch (err) {
      items = [{ origin, error: asError(err, origin) }];
    }
    yield* items;
  }
}

/**
 * How many items readInputs will yield for these paths (batches and feeds count their
 * items), so a progress bar knows its total. stdin counts as one: it cannot be read twice.
 */
export async function countInputs(paths: string[], options: Pick<ReadInputsOptions, 'maxBytes'> = {}): Promise<number> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let total = 0;
  for await (const source of sources(paths)) {
    if (source.kind !== 'file') {
      total += 1;
      continue;
    }
    try {
      const info = await stat(source.path);
      if (info.size > maxBytes) {
        total += 1;
        continue;
      }
      const text = decodeBuffer(await readFile(source.path), source.path);
      const format = detectFormat(text, basename(source.path));
      total += format === 'json' ? countJsonItems(text) : format === 'feed' ? countFeedItems(text) : 1;
    } catch {
      total += 1;
    }
  }
  return total;
}
