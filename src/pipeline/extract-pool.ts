import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Article, CurationRules, Extraction, KnownName, KnownNames } from '../domain/types';
import { lexiconDirectory } from '../extract';

/**
 * Extraction on worker threads, so that it no longer competes with the Neo4j driver's work
 * (serialising parameters, decoding results) for the thread that writes. Each worker loads the
 * extractor once and keeps the run's known-names snapshot; batches go to whichever worker is
 * free and come back, article by article, as the in-thread `extract` would have returned them.
 */

/** What a worker is started with (structured-cloned once per worker). */
export interface WorkerSetup {
  lexiconDir: string;
  /** The snapshot's names and, apart, its rules: a cloned array keeps only its elements. */
  known?: { names: KnownName[]; rules?: CurationRules };
}

export interface ToWorker {
  articles: readonly Article[];
}

export type FromWorker =
  { type: 'ready' } | { type: 'result'; extraction: Extraction; ms: number } | { type: 'result'; error: string; ms: number };

/** One article's outcome: its extraction, or the message of what went wrong. */
export type Extracted = { extraction: Extraction } | { error: string };

export interface ExtractPoolOptions {
  workers: number;
  /** The snapshot every article of the run is extracted against. */
  known?: KnownNames;
  /** The worker script (default: extractWorkerEntry()). */
  entry?: string;
}

/** One worker per spare core, at most two: the writing thread and Neo4j need the rest. */
export function defaultExtractWorkers(): number {
  return Math.max(1, Math.min(2, os.availableParallelism() - 1));
}

/**
 * The compiled worker script: next to this file in dist; when this file runs as TypeScript
 * (ts-jest), the one `npm run build` put in dist. Undefined when there is none.
 */
export function extractWorkerEntry(): string | undefined {
  const candidates = [
    path.join(__dirname, 'extract-worker.js'),
    path.resolve(__dirname, '..', '..', 'dist', 'pipeline', 'extract-worker.js'),
  ];
  return candidates.find((file) => fs.existsSync(file));
}

interface Task {
  articles: readonly Article[];
  results: Extracted[];
  resolve: (results: Extracted[]) => void;
}

interface Slot {
  worker: Worker;
  task?: Task;
  /** The worker loaded the extractor: losing it now is a crash, not a failure to start. */
  ready: boolean;
  gone: boolean;
}

export class ExtractPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private readonly setup: WorkerSetup;
  private readonly entry: string;
  private closed = false;
  /** Set when a worker died before it could load the extractor: every further article fails with it. */
  private broken?: string;
  /** Articles extracted, the workers' extraction time (ms, summed over workers) and workers lost. */
  readonly stats = { articles: 0, extractMs: 0, crashes: 0 };

  constructor(options: ExtractPoolOptions) {
    const entry = options.entry ?? extractWorkerEntry();
    if (!entry) throw new Error('the extraction worker script is missing: run `npm run build`');
    this.entry = entry;
    const known = options.known;
    this.setup = {
      lexiconDir: lexiconDirectory(),
      ...(known ? { known: { names: [...known], ...(known.rules ? { rules: known.rules } : {}) } } : {}),
    };
    for (let i = 0; i < Math.max(1, options.workers); i++) this.slots.push(this.spawn());
  }

  get size(): number {
    return this.slots.length;
  }

  /** Extracts the articles, results in their order; never rejects (a failure is that article's). */
  extract(articles: readonly Article[]): Promise<Extracted[]> {
    if (!articles.length) return Promise.resolve([]);
    const failure = this.closed ? 'the extraction pool is closed' : this.broken;
    if (failure) return Promise.resolve(articles.map(() => ({ error: failure })));
    return new Promise((resolve) => {
      this.queue.push({ articles, results: [], resolve });
      this.dispatch();
    });
  }

  /** Stops every worker; what was still queued or being extracted fails. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const task of this.queue.splice(0)) this.fail(task, 'the extraction pool is closed');
    for (const slot of this.slots) {
      if (slot.task) this.fail(slot.task, 'the extraction pool is closed');
      slot.task = undefined;
    }
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private spawn(): Slot {
    const worker = new Worker(this.entry, { workerData: this.setup });
    const slot: Slot = { worker, ready: false, gone: false };
    worker.on('message', (msg: FromWorker) => {
      if (msg.type === 'ready') {
        slot.ready = true;
        return;
      }
      const task = slot.task;
      if (!task) return;
      this.stats.articles++;
      this.stats.extractMs += msg.ms;
      task.results.push('error' in msg ? { error: msg.error } : { extraction: msg.extraction });
      if (task.results.length < task.articles.length) return;
      slot.task = undefined;
      task.resolve(task.results);
      this.dispatch();
    });
    worker.once('error', (err) => this.lost(slot, err.message));
    worker.once('exit', (code) => this.lost(slot, `it exited with code ${code}`));
    return slot;
  }

  /** A worker is gone: the article it was on fails, the rest of its batch goes to a fresh one. */
  private lost(slot: Slot, reason: string): void {
    if (slot.gone) return;
    slot.gone = true;
    const task = slot.task;
    slot.task = undefined;
    if (this.closed) return;
    if (!slot.ready) {
      // it never loaded the extractor: another one would not either
      this.broken = `the extraction worker could not start: ${reason}`;
      if (task) this.fail(task, this.broken);
      for (const queued of this.queue.splice(0)) this.fail(queued, this.broken);
      return;
    }
    this.stats.crashes++;
    this.slots[this.slots.indexOf(slot)] = this.spawn();
    if (task) {
      task.results.push({ error: `the extraction worker crashed: ${reason}` });
      if (task.results.length < task.articles.length) this.queue.unshift(task);
      else task.resolve(task.results);
    }
    this.dispatch();
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (!this.queue.length) return;
      if (slot.task || slot.gone) continue;
      const task = this.queue.shift() as Task;
      try {
        const msg: ToWorker = { articles: task.articles.slice(task.results.length) };
        slot.worker.postMessage(msg);
        slot.task = task;
      } catch (err) {
        // an article that cannot be cloned (not plain data): the batch fails, the worker stays
        this.fail(task, err instanceof Error ? err.message : String(err));
      }
    }
  }

  private fail(task: Task, error: string): void {
    while (task.results.length < task.articles.length) task.results.push({ error });
    task.resolve(task.results);
  }
}
