import { randomUUID } from 'node:crypto';
import { extract } from '../extract';
import type { Executor } from '../store/executor';
import { articleFromStore, rewriteExtractions, storedArticles } from '../store/article-writes';
import { forgetKnownNames, knownNamesFor } from './ingest-articles';

/**
 * Reads stored articles again with today's curation (blocked forms, aliases, deletions,
 * rejections): what they contribute is replaced, in bounded batches of one transaction each,
 * so that a whole graph never sits in one transaction and progress can be watched.
 */

export const REAPPLY_BATCH = 25;

export interface ReapplyProgress {
  id: string;
  /** Articles to read again (for `all`, counted when the job starts). */
  total: number;
  done: number;
  failed: number;
  status: 'running' | 'done' | 'failed';
  error?: string;
  startedAt: string;
  finishedAt?: string;
}

export interface ReapplyOptions {
  /** These articles; absent: every stored article. */
  ids?: string[];
  batchSize?: number;
  onProgress?: (p: ReapplyProgress) => void;
}

async function countStored(executor: Executor): Promise<number> {
  const [row] = await executor.read({
    cypher: 'MATCH (a:Article) WHERE coalesce(a.stub, false) = false AND a.body IS NOT NULL RETURN count(a) AS n',
    params: {},
  });
  return (row?.n as number) ?? 0;
}

async function run(executor: Executor, progress: ReapplyProgress, options: ReapplyOptions): Promise<void> {
  const size = Math.max(1, options.batchSize ?? REAPPLY_BATCH);
  // the rules as they are now, not as a cached snapshot of a minute ago
  forgetKnownNames(executor);
  const known = await knownNamesFor(executor);
  const rewrite = async (rows: Record<string, unknown>[]): Promise<void> => {
    const items = rows.map((r) => {
      const article = articleFromStore(r.a as Record<string, unknown>);
      return { article, extraction: extract(article, { known }) };
    });
    await rewriteExtractions(executor, items);
    progress.done += items.length;
    options.onProgress?.({ ...progress });
  };
  if (options.ids) {
    for (let i = 0; i < options.ids.length; i += size) {
      await rewrite(await executor.read(storedArticles({ ids: options.ids.slice(i, i + size), limit: size })));
    }
    return;
  }
  let afterId: string | null = null;
  for (;;) {
    const rows: Record<string, unknown>[] = await executor.read(storedArticles({ afterId, limit: size }));
    if (!rows.length) break;
    await rewrite(rows);
    afterId = (rows[rows.length - 1].a as { id: string }).id;
  }
}

/** Runs to the end and returns the final progress (throws what the database throws). */
export async function reapplyCuration(executor: Executor, options: ReapplyOptions = {}): Promise<ReapplyProgress> {
  const progress: ReapplyProgress = {
    id: `reapply:${randomUUID()}`,
    total: options.ids ? options.ids.length : await countStored(executor),
    done: 0,
    failed: 0,
    status: 'running',
    startedAt: new Date().toISOString(),
  };
  await run(executor, progress, options);
  // ids that are no stored article count as failed, not as done
  if (options.ids) progress.failed = progress.total - progress.done;
  return { ...progress, status: 'done', finishedAt: new Date().toISOString() };
}

const jobs = new Map<string, ReapplyProgress>();
const MAX_JOBS = 50;

/**
 * Starts a re-read of every article in the background and returns its progress record at once;
 * `reapplyJob(id)` answers how far it got. Jobs live in this process only.
 */
export async function startReapplyAll(executor: Executor, options: Omit<ReapplyOptions, 'ids'> = {}): Promise<ReapplyProgress> {
  const job: ReapplyProgress = {
    id: `reapply:${randomUUID()}`,
    total: await countStored(executor),
    done: 0,
    failed: 0,
    status: 'running',
    startedAt: new Date().toISOString(),
  };
  jobs.set(job.id, job);
  if (jobs.size > MAX_JOBS) jobs.delete(jobs.keys().next().value!);
  void run(executor, job, {
    ...options,
    onProgress: (p) => {
      job.done = p.done;
      options.onProgress?.(p);
    },
  })
    .then(() => {
      job.status = 'done';
    })
    .catch((err: unknown) => {
      job.status = 'failed';
      job.error = err instanceof Error ? err.message : String(err);
    })
    .finally(() => {
      job.finishedAt = new Date().toISOString();
    });
  return { ...job };
}

export function reapplyJob(id: string): ReapplyProgress | null {
  const job = jobs.get(id);
  return job ? { ...job } : null;
}
