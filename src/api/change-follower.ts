import { changePayloads, changesSince, databaseNow, pruneChanges, type ChangePayload } from '../store/change-feed';
import type { Executor } from '../store/executor';
import { publishChange, type EventBus } from './events';
import { createLogger, errorLog } from '../logger';

/**
 * Follows the change feed in Neo4j (`(:Change)` nodes that every write leaves in its own
 * transaction, see src/store/change-feed.ts) and publishes each change on the event bus, so a
 * subscriber hears of articles written by any process: this API, `newsgraph ingest`, another
 * API instance.
 *
 * Each poll is one index range read of ids over `at` (the database's clock when the write ran).
 * Transactions commit in another order than they stamp, so a poll starts `lagMs` before the
 * newest change seen and skips ids already published: a write is missed only if it commits
 * more than `lagMs` after it stamped its change.
 */

export interface ChangeFollowerOptions {
  executor: Executor;
  events: EventBus;
  /** How often to poll (ms). */
  intervalMs?: number;
  /** How far back each poll re-reads (ms); longer than the slowest write transaction. */
  lagMs?: number;
  /** Changes older than this are deleted now and then (ms). */
  retentionMs?: number;
  log?: (msg: string, err?: unknown) => void;
}

export interface ChangeFollower {
  /** Resolves once the follower knows where the feed stands (changes before that are not replayed). */
  ready: Promise<void>;
  /** Polls now; resolves when the changes committed so far are published. */
  poke(): Promise<void>;
  stop(): Promise<void>;
}

const PAGE = 1000;
const PRUNE_EVERY_MS = 10 * 60 * 1000;

export function followChanges(options: ChangeFollowerOptions): ChangeFollower {
  const { executor, events } = options;
  const intervalMs = options.intervalMs ?? 500;
  const lagMs = options.lagMs ?? 60_000;
  const retentionMs = options.retentionMs ?? 24 * 3600 * 1000;
  const log = options.log ?? errorLog(createLogger());
  /** Ids published (or present at start), with their stamps, for the lag window. */
  const seen = new Map<string, number>();
  let watermark = 0;
  let stopped = false;
  let failing = false;
  let lastPrune = 0;

  const readWindow = async (): Promise<{ id: string; at: number }[]> => {
    const out: { id: string; at: number }[] = [];
    const since = watermark - lagMs;
    let after: { id: string; at: number } | null = null;
    for (;;) {
      const rows: { id: string; at: number }[] = await executor.read<{ id: string; at: number }>(
        changesSince({ since, afterAt: after?.at ?? null, afterId: after?.id ?? null, limit: PAGE }),
      );
      out.push(...rows);
      if (rows.length < PAGE) return out;
      after = rows[rows.length - 1];
    }
  };

  const forget = (): void => {
    for (const [id, at] of seen) if (at <= watermark - lagMs) seen.delete(id);
  };

  const start = async (): Promise<void> => {
    const [row] = await executor.read<{ now: number }>(databaseNow());
    watermark = Number(row.now);
    for (const r of await readWindow()) seen.set(r.id, r.at);
  };

  const poll = async (): Promise<void> => {
    const fresh = (await readWindow()).filter((r) => !seen.has(r.id));
    for (let i = 0; i < fresh.length; i += PAGE) {
      const part = fresh.slice(i, i + PAGE);
      const rows = await executor.read<{ id: string; at: number; payload: string }>(changePayloads(part.map((r) => r.id)));
      const byId = new Map(rows.map((r) => [r.id, r]));
      for (const r of part) {
        const row = byId.get(r.id);
        seen.set(r.id, r.at);
        watermark = Math.max(watermark, r.at);
        if (!row) continue; // pruned meanwhile
        let change: ChangePayload;
        try {
          change = JSON.parse(row.payload) as ChangePayload;
        } catch (err) {
          log(`change ${r.id}: unreadable payload; skipped`, err);
          continue;
        }
        publishChange(events, change);
      }
    }
    forget();
    if (Date.now() - lastPrune > PRUNE_EVERY_MS) {
      lastPrune = Date.now();
      const [row] = await executor.read<{ now: number }>(databaseNow());
      await executor
        .write(pruneChanges(Number(row.now) - retentionMs))
        .catch((err) => log('Could not prune the change feed (it keeps growing until it can)', err));
    }
  };

  const ready = start().catch((err) => {
    log('The change feed could not be read; live updates start when Neo4j answers', err);
  });

  // polls run one at a time; a request while one runs queues (at most) one more
  let current: Promise<void> = ready;
  let queued: Promise<void> | null = null;
  const schedule = (): Promise<void> => {
    if (queued) return queued;
    const next = current.then(async () => {
      queued = null;
      if (stopped) return;
      try {
        if (!watermark) await start();
        await poll();
        if (failing) log('The change feed answers again: live updates resume.');
        failing = false;
      } catch (err) {
        if (!failing) log('Could not read the change feed; retrying', err);
        failing = true;
      }
    });
    queued = next;
    current = next;
    return next;
  };

  const timer = setInterval(() => {
    if (!queued) void schedule();
  }, intervalMs);
  timer.unref();

  return {
    ready,
    poke: schedule,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await current;
    },
  };
}
