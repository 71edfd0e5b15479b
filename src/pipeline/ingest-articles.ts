import type { Article, Extraction, KnownNames } from '../domain/types';
import { NewsGraphError } from '../domain/errors';
import { extract } from '../extract';
import { readInputs, type InputSelection } from '../ingest';
import type { Executor } from '../store/executor';
import { writeArticle, writeArticles, type WriteResult, type WriteStatus } from '../store/article-writes';
import type { StoryChange } from '../store/story-writes';
import { knownNames } from '../store/known-names';
import { defaultExtractWorkers, ExtractPool, extractWorkerEntry, type Extracted } from './extract-pool';

/**
 * The snapshot of names the graph knows, per executor, refreshed after KNOWN_TTL_MS or when a
 * curation write says it changed: extraction reads it so that the next article resolves an
 * editor's alias or a name seen once in brackets to the same entity.
 */
const KNOWN_TTL_MS = 60_000;
const knownCache = new WeakMap<Executor, { at: number; names: Promise<KnownNames> }>();

export function knownNamesFor(executor: Executor): Promise<KnownNames> {
  const hit = knownCache.get(executor);
  if (hit && Date.now() - hit.at < KNOWN_TTL_MS) return hit.names;
  const names = knownNames(executor).catch((err) => {
    knownCache.delete(executor);
    throw err;
  });
  knownCache.set(executor, { at: Date.now(), names });
  return names;
}

/** After an alias is added or entities are merged: the next article reads a fresh snapshot. */
export function forgetKnownNames(executor: Executor): void {
  knownCache.delete(executor);
}

/** ingest -> extract -> store, for one article or a whole batch of files. */

export type ItemStatus = WriteStatus | 'failed' | 'dry-run';

export interface ItemResult {
  origin: string;
  id?: string;
  title?: string;
  status: ItemStatus;
  error?: string;
  entities?: number;
  relations?: number;
  /** Set when the article is a near-identical copy of one already in the graph. */
  duplicateOf?: string;
  /** The story the article is in, and what writing it did to that story. */
  story?: StoryChange;
  language?: string;
  source?: string;
  /** Entities the text names (not credits), for live updates. */
  mentions?: { entityId: string; salience: number }[];
}

export interface IngestSummary {
  total: number;
  counts: Record<ItemStatus, number>;
  /** Items recognised as copies of another article (also counted under their status). */
  duplicates: number;
  failures: ItemResult[];
  /** Worker threads that extracted the articles (0: this thread); set by ingestPaths. */
  extractWorkers?: number;
}

export function emptySummary(): IngestSummary {
  return { total: 0, counts: { new: 0, updated: 0, unchanged: 0, failed: 0, 'dry-run': 0 }, duplicates: 0, failures: [] };
}

export function addToSummary(summary: IngestSummary, item: ItemResult): void {
  summary.total++;
  summary.counts[item.status]++;
  if (item.duplicateOf) summary.duplicates++;
  if (item.status === 'failed') summary.failures.push(item);
}

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** What a written article reports: its status, and the original when it is a copy. */
const written = (base: Omit<ItemResult, 'status'>, result: WriteResult): ItemResult => ({
  ...base,
  status: result.status,
  ...(result.duplicateOf ? { duplicateOf: result.duplicateOf } : {}),
  ...(result.story ? { story: result.story } : {}),
});

/** What an extracted article reports besides its status. */
const describe = (article: Article, extraction: Extraction): Omit<ItemResult, 'status'> => ({
  origin: article.origin ?? article.id,
  id: article.id,
  title: article.title,
  entities: extraction.entities.length,
  relations: extraction.relations.length,
  language: article.language,
  ...(article.source ? { source: article.source } : {}),
  mentions: extraction.mentions.filter((m) => !m.credit).map((m) => ({ entityId: m.entityId, salience: m.salience })),
});

/** Extracts and writes one article in one transaction. */
export async function ingestArticle(executor: Executor | null, article: Article): Promise<ItemResult> {
  const origin = article.origin ?? article.id;
  try {
    const known = executor ? await knownNamesFor(executor) : undefined;
    const extraction = extract(article, { known });
    const base = describe(article, extraction);
    if (!executor) return { ...base, status: 'dry-run' };
    return written(base, await writeArticle(executor, article, extraction));
  } catch (err) {
    // a database outage is not the article's fault: stop the batch instead of failing every item
    if (err instanceof NewsGraphError && err.code === 'UNAVAILABLE') throw err;
    return { origin, id: article.id, title: article.title, status: 'failed', error: message(err) };
  }
}

export interface IngestPathsOptions {
  /** null: parse and extract only (dry run). */
  executor: Executor | null;
  maxBytes?: number;
  stdin?: NodeJS.ReadableStream;
  onItem?: (item: ItemResult) => void;
  /** Articles written per transaction (default 20); a failed batch is retried one by one. */
  batchSize?: number;
  /** Include/exclude globs and the sidecar rule (see readInputs). */
  select?: InputSelection;
  /** Once aborted, no further input is read: the batch in hand is written, then the summary returned. */
  signal?: AbortSignal;
  /**
   * Extraction worker threads (default defaultExtractWorkers(), config NEWSGRAPH_EXTRACT_WORKERS);
   * 0 extracts on this thread. An input of one batch or less is always extracted here.
   */
  extractWorkers?: number;
}

/** An input read, not extracted yet. */
type Read = { done: ItemResult } | { article: Article; origin: string };
type Pending = { done: ItemResult } | { article: Article; extraction: Extraction; base: Omit<ItemResult, 'status'> };

/** What an article extracted (here or on a worker) becomes in its batch. */
function pendingOf(article: Article, origin: string, outcome: Extracted): Pending {
  if ('error' in outcome) return { done: { origin, id: article.id, title: article.title, status: 'failed', error: outcome.error } };
  return { article, extraction: outcome.extraction, base: { ...describe(article, outcome.extraction), origin } };
}

function extractHere(article: Article, known: KnownNames | undefined): Extracted {
  try {
    return { extraction: extract(article, { known }) };
  } catch (err) {
    return { error: message(err) };
  }
}

/** Worker threads for the run, or null (extract in-thread) when there is no built worker script or no thread to be had. */
function startPool(workers: number, known: KnownNames | undefined): ExtractPool | null {
  if (!extractWorkerEntry()) return null;
  try {
    return new ExtractPool({ workers, known });
  } catch {
    return null;
  }
}

/**
 * Ingests files, directories (recursively) and '-' (stdin); one bad file never stops the batch.
 * Batches are written while the next ones are read and extracted (on worker threads when there
 * are more than one batch and extractWorkers is not 0): at most one write is in flight, so
 * articles land, and are reported, in input order.
 */
export async function ingestPaths(paths: string[], options: IngestPathsOptions): Promise<IngestSummary> {
  const summary = emptySummary();
  const batchSize = Math.max(1, options.batchSize ?? 20);
  const workers = Math.max(0, options.extractWorkers ?? defaultExtractWorkers());
  // one snapshot for the whole run: the names known when it started
  const known = options.executor ? await knownNamesFor(options.executor) : undefined;
  let read: Read[] = [];
  // the write of every batch handed over and not yet written, oldest first; each waits for the one before
  const unwritten: Promise<void>[] = [];
  let writing: Promise<void> = Promise.resolve();
  /** Undefined until the input is known to be more than one batch (or to end within it). */
  let pool: ExtractPool | null | undefined;
  const emit = (item: ItemResult): void => {
    addToSummary(summary, item);
    options.onItem?.(item);
  };
  const write = async (batch: Pending[]): Promise<void> => {
    const toWrite = batch.filter((p): p is Extract<Pending, { article: Article }> => 'article' in p);
    const results =
      options.executor && toWrite.length
        ? await writeArticles(
            options.executor,
            toWrite.map(({ article, extraction }) => ({ article, extraction })),
          )
        : [];
    let w = 0;
    for (const p of batch) {
      if ('done' in p) {
        emit(p.done);
        continue;
      }
      const r = results[w++];
      if (!r) emit({ ...p.base, status: 'dry-run' });
      else if ('error' in r) emit({ ...p.base, status: 'failed', error: r.error.message });
      else emit(written(p.base, r));
    }
  };
  const extractBatch = async (batch: Read[]): Promise<Pending[]> => {
    const articles = batch.flatMap((r) => ('article' in r ? [r.article] : []));
    const outcomes = pool ? await pool.extract(articles) : articles.map((a) => extractHere(a, known));
    let i = 0;
    return batch.map((r) => ('done' in r ? r : pendingOf(r.article, r.origin, outcomes[i++] as Extracted)));
  };
  /**
   * Hands the batch in hand over: extracted (on a worker, or here at once) and then written after
   * the batches before it. Waits first until few enough batches are ahead of it: the one being
   * written and one per worker being extracted. A failed write (an outage) surfaces here.
   */
  const flush = async (last: boolean): Promise<void> => {
    const batch = read;
    read = [];
    if (!batch.length) return;
    if (pool === undefined) pool = workers > 0 && !last ? startPool(workers, known) : null;
    while (unwritten.length > (pool ? pool.size : 1)) await unwritten.shift();
    const extracted = extractBatch(batch);
    const previous = writing;
    writing = (async () => {
      const items = await extracted;
      await previous;
      await write(items);
    })();
    // a failed write is awaited through `unwritten` or at the end; never an unhandled rejection
    writing.catch(() => undefined);
    unwritten.push(writing);
  };
  try {
    for await (const input of readInputs(paths, { ...options.select, maxBytes: options.maxBytes, stdin: options.stdin })) {
      // a full batch is handed over only once more input follows: then it is known not to be the only one
      if (read.length >= batchSize) await flush(false);
      if (!input.article) read.push({ done: { origin: input.origin, status: 'failed', error: message(input.error) } });
      else read.push({ article: input.article, origin: input.article.origin ?? input.origin });
      if (options.signal?.aborted) break;
    }
    await flush(true);
  } finally {
    // whatever happens to the input, the batches handed over land (or fail) before returning
    await writing.catch(() => undefined);
    await pool?.close();
  }
  await writing;
  summary.extractWorkers = pool ? pool.size : 0;
  return summary;
}
