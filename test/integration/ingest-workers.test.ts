import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ingestPaths, type ItemResult } from '../../src/pipeline/ingest-articles';
import type { Executor } from '../../src/store/executor';
import { resetGraph, testExecutor } from './helpers';

/**
 * ingestPaths with extraction on worker threads (the compiled dist/pipeline/extract-worker.js:
 * `npm run build` first) against extraction on the writing thread: the same items, in the same
 * order, and the same graph.
 */
const CITIES = ['港口市', '山城縣', '湖濱市', '河谷縣', '海岬市'];
const TOPICS = ['自行車道', '夜間公車', '社區圖書館', '雨水回收', '青年創業'];
const PEOPLE = ['周啟航', '林雨澄', '蘇文謙', '葉書恆', '高若涵'];

function invented(i: number): string {
  const city = CITIES[i % 5];
  const topic = TOPICS[Math.floor(i / 5) % 5];
  const person = PEOPLE[(i * 3) % 5];
  if (i % 7 === 3)
    return JSON.stringify({
      title: `Council No. ${i} debates ${['bike lanes', 'night buses', 'libraries'][i % 3]}`,
      body: `Councillor Mara Quell said on day ${i} that the plan would cost ${i * 3} million dollars.\n\nThe vote is due next month.`,
      language: 'en',
      publishedAt: `2025-03-${String((i % 28) + 1).padStart(2, '0')}`,
    });
  return JSON.stringify({
    title: `${city}推動${topic} 第${i}期計畫上路`,
    body: `${city}長${person}今天表示，${city}政府將在第${i}期計畫中擴大${topic}，預算${i * 2}億元。\n\n議員質疑經費來源，市府回應將分年編列。`,
    publishedAt: `2025-03-${String((i % 28) + 1).padStart(2, '0')}`,
    language: 'zh-Hant',
  });
}

const COUNT = 47;
let dir: string;
let executor: Executor;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ingest-workers-'));
  const lines = Array.from({ length: COUNT }, (_, i) => invented(i));
  lines.splice(23, 0, '{"title": "a broken line", "body": ');
  fs.writeFileSync(path.join(dir, 'batch.ndjson'), `${lines.join('\n')}\n`);
  executor = await testExecutor();
});
afterAll(async () => {
  await executor?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function run(options: { executor: Executor | null; extractWorkers: number; signal?: AbortSignal }) {
  const items: ItemResult[] = [];
  const summary = await ingestPaths([dir], { ...options, batchSize: 10, onItem: (item) => items.push(item) });
  return { items, summary };
}

test('a dry run gives the same items in the same order with and without worker threads', async () => {
  const here = await run({ executor: null, extractWorkers: 0 });
  const workers = await run({ executor: null, extractWorkers: 2 });
  expect(here.summary.extractWorkers).toBe(0);
  expect(workers.summary.extractWorkers).toBe(2);
  expect(here.items).toHaveLength(COUNT + 1);
  expect(here.items.filter((i) => i.status === 'failed')).toHaveLength(1);
  expect(here.items.filter((i) => (i.entities ?? 0) > 0).length).toBeGreaterThan(COUNT / 2);
  expect(workers.items).toEqual(here.items);
});

test('written through the workers: every article in input order, then the same files again are unchanged in-thread', async () => {
  await resetGraph(executor);
  const first = await run({ executor, extractWorkers: 1 });
  expect(first.summary.extractWorkers).toBe(1);
  expect(first.summary.counts.new).toBe(COUNT);
  expect(first.summary.counts.failed).toBe(1);
  const dry = await run({ executor: null, extractWorkers: 0 });
  expect(first.items.map((i) => [i.origin, i.id, i.entities, i.relations])).toEqual(
    dry.items.map((i) => [i.origin, i.id, i.entities, i.relations]),
  );
  const [{ articles }] = await executor.read<{ articles: number }>({
    cypher: 'MATCH (a:Article) WHERE a.body IS NOT NULL RETURN count(a) AS articles',
    params: {},
  });
  expect(articles).toBe(COUNT);
  const again = await run({ executor, extractWorkers: 0 });
  expect(again.summary.counts.unchanged).toBe(COUNT);
});

test('aborted part-way, the run stops reading, writes what it handed over and returns', async () => {
  await resetGraph(executor);
  const stop = new AbortController();
  const items: ItemResult[] = [];
  const summary = await ingestPaths([dir], {
    executor,
    extractWorkers: 1,
    batchSize: 10,
    signal: stop.signal,
    onItem: (item) => {
      items.push(item);
      stop.abort();
    },
  });
  expect(summary.total).toBe(items.length);
  expect(summary.total).toBeGreaterThanOrEqual(10);
  expect(summary.total).toBeLessThan(COUNT);
  expect(summary.counts.failed + summary.counts.new).toBe(summary.total);
});

test('an input of one batch or less is extracted on this thread', async () => {
  const small = fs.mkdtempSync(path.join(os.tmpdir(), 'ingest-workers-small-'));
  try {
    fs.writeFileSync(path.join(small, 'batch.ndjson'), `${[1, 2, 3].map(invented).join('\n')}\n`);
    const summary = await ingestPaths([small], { executor: null, extractWorkers: 2, batchSize: 10 });
    expect(summary.counts['dry-run']).toBe(3);
    expect(summary.extractWorkers).toBe(0);
  } finally {
    fs.rmSync(small, { recursive: true, force: true });
  }
});
