/**
 * Entry of an extraction worker thread (see extract-pool.ts). It loads the extractor once,
 * keeps the run's known-names snapshot for every batch (so the index over it is built once),
 * and answers each batch with one message per article, in order: a crash part-way through a
 * batch then costs the pool only the article being extracted.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { KnownNames } from '../domain/types';
import { configureLexicon, extract, getLexicon } from '../extract';
import type { FromWorker, ToWorker, WorkerSetup } from './extract-pool';

const port = parentPort;
if (!port) throw new Error('extract-worker.js runs as a worker thread (extract-pool.ts starts it)');

const setup = workerData as WorkerSetup;
configureLexicon({ dir: setup.lexiconDir });
// the array crosses threads without its `rules` property: put it back, as the store built it
const known: KnownNames | undefined = setup.known
  ? Object.assign(setup.known.names, setup.known.rules ? { rules: setup.known.rules } : {})
  : undefined;

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));
const post = (msg: FromWorker): void => port.postMessage(msg);

try {
  // read the lexicon while the first batch is on its way; a broken one fails each article, as in-thread
  getLexicon();
} catch {
  // reported per article by extract()
}
post({ type: 'ready' });

port.on('message', ({ articles }: ToWorker) => {
  for (const article of articles) {
    const started = performance.now();
    try {
      const extraction = extract(article, { known });
      post({ type: 'result', extraction, ms: performance.now() - started });
    } catch (err) {
      post({ type: 'result', error: message(err), ms: performance.now() - started });
    }
  }
});
