import type { Article } from '../domain/types';
import { NewsGraphError, badInput } from '../domain/errors';
import { tryFromInput } from './from-input';

const itemOrigin = (origin: string | undefined, n: number): string => `${origin ?? 'input'}#${n}`;

const parses = (line: string): boolean => {
  try {
    JSON.parse(line);
    return true;
  } catch {
    return false;
  }
};

/** Containers that exports wrap their article list in. */
function unwrap(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (value && typeof value === 'object') {
    for (const key of ['articles', 'items', 'data', 'results']) {
      const inner = (value as Record<string, unknown>)[key];
      if (Array.isArray(inner)) return inner;
    }
  }
  return [value];
}

/**
 * Parses a JSON array, a JSON object (one article, or {articles:[…]}) or NDJSON. Each item
 * becomes an Article or a NewsGraphError naming the item ("file.json#3"), so one bad item
 * never sinks the batch.
 */
export function parseJsonBatch(text: string, options: { origin?: string } = {}): Array<Article | NewsGraphError> {
  const { origin } = options;
  const trimmed = text.replace(/^\ufeff/, '').trim();
  if (!trimmed) return [badInput('empty file', origin)];
  let whole: unknown;
  let wholeError: Error | undefined;
  try {
    whole = JSON.parse(trimmed);
  } catch (err) {
    wholeError = err as Error;
  }
  if (!wholeError) {
    const items = unwrap(whole);
    if (items.length === 0) return [badInput('the JSON holds no articles', origin)];
    return items.map((item, i) => tryFromInput(item, items.length === 1 && !Array.isArray(whole) ? origin : itemOrigin(origin, i + 1)));
  }
  const lines = trimmed.split(/\r?\n/);
  const nonEmpty = lines.filter((l) => l.trim());
  // NDJSON only if its first line is a complete JSON value; otherwise it is malformed JSON.
  if (nonEmpty.length < 2 || !parses(nonEmpty[0])) {
    return [badInput(`malformed JSON: ${wholeError?.message ?? 'unparseable'}`, origin)];
  }
  const out: Array<Article | NewsGraphError> = [];
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const lineOrigin = `${origin ?? 'input'}:${i + 1}`;
    try {
      out.push(tryFromInput(JSON.parse(line), lineOrigin));
    } catch (err) {
      out.push(badInput(`malformed JSON line: ${(err as Error).message}`, lineOrigin));
    }
  });
  return out;
}

/** How many items a JSON/NDJSON text holds, for progress bars; malformed text counts as one. */
export function countJsonItems(text: string): number {
  const trimmed = text.replace(/^\ufeff/, '').trim();
  try {
    return Math.max(1, unwrap(JSON.parse(trimmed)).length);
  } catch {
    return Math.max(1, trimmed.split(/\r?\n/).filter((l) => l.trim()).length);
  }
}
