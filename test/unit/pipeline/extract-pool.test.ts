import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Article, KnownNames } from '../../../src/domain/types';
import { extract } from '../../../src/extract';
import { parseTextPage } from '../../../src/ingest';
import { ExtractPool, defaultExtractWorkers, extractWorkerEntry, type Extracted } from '../../../src/pipeline/extract-pool';

/**
 * The workers run the compiled extractor (dist/pipeline/extract-worker.js: jest's TypeScript
 * transform does not reach worker threads), the comparisons the TypeScript one: `npm run build`
 * first (`npm test` does). A stale dist shows as a difference here.
 */
const FOUNDING = path.join(__dirname, '..', '..', '..', 'seeds', 'articles', 'udn-2025-10-21-rare-earth-report.txt');

function article(id: string, title: string, paragraphs: string[], language = 'zh-Hant'): Article {
  return { id, title, paragraphs, captions: [], tags: [], related: [], authors: [], language };
}

const invented: Article[] = [
  article('a1', '市府宣布擴建公園', ['高雄市長陳明德今天表示，市府將在明年擴建河濱公園。', '環保局長吳家豪也說，工程會兼顧生態。']),
  article(
    'a2',
    'Port city opens new ferry line',
    ['Mayor Helen Forster said on Monday that the new ferry line will link the two harbours.'],
    'en',
  ),
  article('a3', '颱風逼近 東部停班停課', ['中央氣象署表示，颱風將在明天登陸花蓮，交通部呼籲民眾減少外出。']),
  article('a4', '', ['']),
];

const snapshot: KnownNames = Object.assign(
  [
    { surface: '明德市長', id: 'person:陳明德', type: 'person' as const, name: '陳明德', curated: true },
    { surface: 'Forster', id: 'person:helen-forster', type: 'person' as const, name: 'Helen Forster' },
  ],
  { rules: { blocked: [{ surface: '生態', type: 'topic' as const }], deleted: [] } },
);

const inThread = (articles: Article[], known?: KnownNames): Extracted[] =>
  articles.map((a) => {
    try {
      return { extraction: extract(a, { known }) };
    } catch (err) {
      return { error: err instanceof Error ? err.message : String(err) };
    }
  });

let tmp: string;
beforeAll(() => {
  if (!extractWorkerEntry()) throw new Error('dist/pipeline/extract-worker.js is missing: run `npm run build` first');
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'extract-pool-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A stand-in worker speaking the pool's protocol, for what the real extractor never does. */
function fakeWorker(name: string, body: string): string {
  const file = path.join(tmp, `${name}.js`);
  fs.writeFileSync(file, `'use strict';\nconst { parentPort } = require('node:worker_threads');\n${body}\n`);
  return file;
}

test('the default is one worker per spare core, at most two, at least one', () => {
  const n = defaultExtractWorkers();
  expect(n).toBe(Math.max(1, Math.min(2, os.availableParallelism() - 1)));
  expect(n).toBeGreaterThanOrEqual(1);
  expect(n).toBeLessThanOrEqual(2);
});

describe('extraction on worker threads', () => {
  const founding = parseTextPage(fs.readFileSync(FOUNDING, 'utf8'), { origin: FOUNDING });
  const articles = [...invented, founding];

  test.each([
    ['without a snapshot', undefined],
    ['with a known-names snapshot and its rules', snapshot],
  ])('gives what in-thread extraction gives, in order (%s)', async (_label, known) => {
    const pool = new ExtractPool({ workers: 2, known });
    try {
      // two batches at once: they go to different workers and still come back each in its order
      const [first, second] = await Promise.all([pool.extract(articles.slice(0, 3)), pool.extract(articles.slice(3))]);
      const here = inThread(articles, known);
      expect([...first, ...second]).toEqual(here);
      expect(JSON.stringify([...first, ...second])).toBe(JSON.stringify(here));
      expect(pool.stats.articles).toBe(articles.length);
    } finally {
      await pool.close();
    }
  });

  test('the rules of the snapshot reach the workers', async () => {
    const text = article('r1', '生態公園啟用', ['生態公園今天啟用，生態導覽很受歡迎，生態教育也會推廣。']);
    const blocked: KnownNames = Object.assign([], {
      rules: { blocked: [{ surface: '生態公園', type: 'topic' as const }], deleted: ['topic:啟用'] },
    });
    const pool = new ExtractPool({ workers: 1, known: blocked });
    try {
      const [viaWorker] = await pool.extract([text]);
      expect(viaWorker).toEqual(inThread([text], blocked)[0]);
      // the rule changed something, or the comparison above proves nothing about it
      expect(inThread([text], blocked)[0]).not.toEqual(inThread([text])[0]);
    } finally {
      await pool.close();
    }
  });

  test('an article whose extraction throws fails alone, with the in-thread message', async () => {
    const broken = { ...invented[0], id: 'bad', paragraphs: null } as unknown as Article;
    const pool = new ExtractPool({ workers: 1 });
    try {
      const results = await pool.extract([invented[1], broken, invented[2]]);
      const here = inThread([invented[1], broken, invented[2]]);
      expect('error' in here[1]).toBe(true);
      expect(results).toEqual(here);
    } finally {
      await pool.close();
    }
  });
});

describe('failures of the workers themselves', () => {
  test('a worker that dies fails the article it was on; the rest of the batch and the next ones go on', async () => {
    const entry = fakeWorker(
      'dies-on-crash',
      `parentPort.postMessage({ type: 'ready' });
parentPort.on('message', ({ articles }) => {
  for (const a of articles) {
    if (a.title === 'crash') process.exit(3);
    parentPort.postMessage({ type: 'result', ms: 0, extraction: { entities: [], mentions: [], relations: [], cooccurrences: [], id: a.id } });
  }
});`,
    );
    const pool = new ExtractPool({ workers: 1, entry });
    try {
      const batch = ['x1', 'crash', 'x3'].map((t, i) => article(`c${i}`, t, ['text']));
      const results = await pool.extract(batch);
      expect(results[0]).toEqual({ extraction: expect.objectContaining({ id: 'c0' }) });
      expect(results[1]).toEqual({ error: expect.stringContaining('the extraction worker crashed: it exited with code 3') });
      expect(results[2]).toEqual({ extraction: expect.objectContaining({ id: 'c2' }) });
      expect(pool.stats.crashes).toBe(1);
      // a fresh worker took over
      const next = await pool.extract([article('n1', 'next', ['text'])]);
      expect(next).toEqual([{ extraction: expect.objectContaining({ id: 'n1' }) }]);
    } finally {
      await pool.close();
    }
  });

  test('a worker that cannot start fails every article with the reason, and nothing hangs', async () => {
    const entry = fakeWorker('cannot-start', `throw new Error('no lexicon here');`);
    const pool = new ExtractPool({ workers: 2, entry });
    try {
      const results = await pool.extract([article('s1', 'one', ['text']), article('s2', 'two', ['text'])]);
      expect(results).toEqual([
        { error: expect.stringContaining('could not start: no lexicon here') },
        { error: expect.stringContaining('could not start: no lexicon here') },
      ]);
      expect(await pool.extract([article('s3', 'three', ['text'])])).toEqual([{ error: expect.stringContaining('no lexicon here') }]);
    } finally {
      await pool.close();
    }
  });

  test('closing fails what is still being extracted and stops the workers', async () => {
    const entry = fakeWorker('never-answers', `parentPort.postMessage({ type: 'ready' }); parentPort.on('message', () => {});`);
    const pool = new ExtractPool({ workers: 1, entry });
    const pending = pool.extract([article('p1', 'one', ['text'])]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await pool.close();
    expect(await pending).toEqual([{ error: 'the extraction pool is closed' }]);
    expect(await pool.extract([article('p2', 'two', ['text'])])).toEqual([{ error: 'the extraction pool is closed' }]);
  });
});
