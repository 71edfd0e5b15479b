import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, sep } from 'node:path';
import picomatch from 'picomatch';
import type { Article } from '../domain/types';
import { NewsGraphError, badInput } from '../domain/errors';
import { decodeBuffer } from './encoding';
import { countFeedItems, parseFeed } from './feed';
import { parseHtmlPage } from './html-page';
import { countJsonItems, parseJsonBatch } from './json-batch';
import { parseTextPage } from './text-page';

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

/** Which files of the given paths are read. */
export interface InputSelection {
  /** Globs a file must match (any of them) to be read; `*.txt` matches the name, `2025/**` the path under the given directory. */
  include?: string[];
  /** Globs of files never read. */
  exclude?: string[];
  /** Told about each file left out and why, so that a CLI can say so. */
  onSkip?: (path: string, reason: SkipReason) => void;
}

/** `sidecar`: annotations next to an article (x.gold.json beside x.txt); `excluded`/`not-included`: the globs. */
export type SkipReason = 'sidecar' | 'excluded' | 'not-included';

export interface ReadInputsOptions extends InputSelection {
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
  const head = text
    .replace(/^\ufeff/, '')
    .trimStart()
    .slice(0, 2048);
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

/** Annotation files that are never articles, whatever sits next to them. */
const SIDECAR_NAMES = /\.(gold|annotations?|labels?|expected|meta)\.(json|jsonl|ndjson)$/i;

/**
 * A JSON file named `<stem>.<tag>.json` next to a non-JSON input `<stem>.<ext>` describes that
 * input (gold annotations, metadata) rather than being an article batch of its own.
 */
export function isSidecar(name: string, siblings: readonly string[]): boolean {
  if (SIDECAR_NAMES.test(name)) return true;
  const m = /^(.+?)\.[^.]+\.(json|jsonl|ndjson)$/i.exec(name);
  if (!m) return false;
  const stem = m[1];
  return siblings.some((other) => {
    if (other === name || !other.startsWith(`${stem}.`)) return false;
    const format = KNOWN_EXTENSIONS[extname(other).toLowerCase()];
    return format !== undefined && format !== 'json';
  });
}

type Filter = (path: string, root: string, siblings: () => Promise<string[]>) => Promise<SkipReason | undefined>;

function makeFilter(selection: InputSelection): Filter {
  // a pattern without a slash matches the file name, one with a slash the path under the given directory
  const matcher = (patterns: string[] | undefined): ((rel: string) => boolean) | undefined => {
    if (!patterns?.length) return undefined;
    const byName = patterns.filter((p) => !p.includes('/'));
    const byPath = patterns.filter((p) => p.includes('/'));
    const name = byName.length ? picomatch(byName, { dot: true }) : () => false;
    const full = byPath.length ? picomatch(byPath, { dot: true }) : () => false;
    return (rel) => name(rel.slice(rel.lastIndexOf('/') + 1)) || full(rel);
  };
  const included = matcher(selection.include);
  const excluded = matcher(selection.exclude);
  return async (path, root, siblings) => {
    const rel = (relative(root, path) || basename(path)).split(sep).join('/');
    if (excluded?.(rel)) return 'excluded';
    if (included) return included(rel) ? undefined : 'not-included';
    return isSidecar(basename(path), await siblings()) ? 'sidecar' : undefined;
  };
}

/** Files under a directory, recursively, in a stable order; hidden files and unknown extensions are skipped. */
async function* walk(dir: string, root: string, filter: Filter, onSkip: InputSelection['onSkip']): AsyncGenerator<string> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  const names = entries.map((e) => e.name);
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path, root, filter, onSkip);
    else if (entry.isFile() && KNOWN_EXTENSIONS[extname(entry.name).toLowerCase()]) {
      const skip = await filter(path, root, async () => names);
      if (skip) onSkip?.(path, skip);
      else yield path;
    }
  }
}

type Source = { kind: 'stdin' } | { kind: 'file'; path: string } | { kind: 'error'; origin: string; error: NewsGraphError };

async function* sources(paths: string[], selection: InputSelection = {}): AsyncGenerator<Source> {
  const filter = makeFilter(selection);
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
        for await (const file of walk(path, path, filter, selection.onSkip)) yield { kind: 'file', path: file };
      } catch (err) {
        yield { kind: 'error', origin: path, error: badInput(`cannot read directory: ${(err as Error).message}`, path) };
      }
    } else {
      // files named one by one (a shell glob) follow the same rules as a directory walk
      const skip = await filter(path, dirname(path), () => readdir(dirname(path)).catch(() => []));
      if (skip) selection.onSkip?.(path, skip);
      else yield { kind: 'file', path };
    }
  }
}

function toItems(results: Array<Article | NewsGraphError>, origin: string): InputItem[] {
  return results.map((r) =>
    r instanceof NewsGraphError ? { origin: r.origin ?? origin, error: r } : { origin: r.origin ?? origin, article: r },
  );
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
  for await (const source of sources(paths, options)) {
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
export async function countInputs(
  paths: string[],
  options: Pick<ReadInputsOptions, 'maxBytes' | 'include' | 'exclude'> = {},
): Promise<number> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let total = 0;
  for await (const source of sources(paths, { include: options.include, exclude: options.exclude })) {
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
