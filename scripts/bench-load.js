#!/usr/bin/env node
'use strict';
/**
 * The API under a bounded loopback load: `npm start`'s server (dist/main.js, its own process)
 * on a graph of generated articles, mixed read queries at a fixed rate from autocannon for
 * several minutes, plus writes (ingestArticles) at their own rate. Reports requests served,
 * errors of every kind (expected: 0), p50/p90/p99/max latency, and the API process's resident
 * memory after a warm-up and at the end.
 *
 *   npm run bench:load -- [--seconds 300] [--read-rate 20] [--write-rate 1] [--connections 8]
 *                         [--count 300] [--warmup 20] [--port P]
 *
 * Starts its own embedded Neo4j on a free port with a temp data dir (removed at the end), or uses
 * NEO4J_URI. Rate limits are off for the run (they are tested in test/integration/security.test.ts):
 * every request comes from one client.
 */

const { fmt, parseArgs, printMachine } = require('./lib/common');
const { openGraph, countArticles, ingestSynthetic } = require('./lib/graph');
const { runLoad, rssMb, startApi } = require('./lib/load');

const ms = (x) => `${fmt(x, 0)} ms`;

function printResult(label, s) {
  console.log(
    `RESULT ${label}: ${s.requests} requests (${fmt(s.rate, 1)}/s), ${s.errors} errors (HTTP ${s.httpErrors}, GraphQL ${s.graphqlErrors}, connection ${s.connectionErrors}, timeouts ${s.timeouts}); ` +
      `latency p50 ${ms(s.latency.p50)}, p90 ${ms(s.latency.p90)}, p99 ${ms(s.latency.p99)}, max ${ms(s.latency.max)}`,
  );
  for (const sample of s.samples) console.log(`  error: ${sample}`);
}

async function main() {
  const o = parseArgs(
    process.argv.slice(2),
    {
      seconds: 'number',
      readRate: 'number',
      writeRate: 'number',
      connections: 'number',
      count: 'number',
      warmup: 'number',
      port: 'number',
    },
    { seconds: 300, readRate: 20, writeRate: 1, connections: 8, count: 300, warmup: 20 },
  );
  printMachine();
  console.log(
    `bench-load: ${o.seconds} s of reads at ${o.readRate}/s over ${o.connections} connections and writes at ${o.writeRate}/s, after ${o.warmup} s of warm-up, ${new Date().toISOString()}`,
  );
  const graph = await openGraph({});
  let api;
  try {
    if ((await countArticles(graph.executor)) < o.count) {
      const r = await ingestSynthetic(graph.executor, {
        count: o.count,
        seed: 'bench-load',
        concurrency: 2,
        progressEvery: 100000,
        log: () => {},
      });
      console.log(`graph: ${r.stats.articles} generated articles ingested (${r.stats.failed} failed)`);
    }
    api = await startApi(graph.uri, 'bench-load-key', o.port);
    console.log(
      `API (npm start's dist/main.js, pid ${api.child.pid}) at ${api.url}; RSS ${fmt(rssMb(api.child.pid), 0)} MB before any request`,
    );
    if (o.warmup > 0) {
      const w = await runLoad({
        url: api.url,
        apiKey: api.key,
        seconds: o.warmup,
        readRate: o.readRate,
        writeRate: o.writeRate,
        connections: o.connections,
        seed: 'warmup',
      });
      console.log(
        `warm-up: ${w.reads.requests} reads, ${w.writes?.requests ?? 0} writes, ${w.reads.errors + (w.writes?.errors ?? 0)} errors`,
      );
      for (const sample of [...w.reads.samples, ...(w.writes?.samples ?? [])]) console.log(`  warm-up error: ${sample}`);
    }
    let last = Date.now();
    const started = Date.now();
    let ticks = 0;
    const pid = api.child.pid;
    const r = await runLoad({
      url: api.url,
      apiKey: api.key,
      pid,
      seconds: o.seconds,
      readRate: o.readRate,
      writeRate: o.writeRate,
      connections: o.connections,
      seed: 'run',
      onTick: (c) => {
        ticks += c.counter;
        if (Date.now() - last < 30000) return;
        last = Date.now();
        console.log(
          `  ${fmt((Date.now() - started) / 1000, 0)} s: ${ticks} reads so far; API RSS ${fmt(rssMb(pid), 0)} MB; load average ${require('node:os').loadavg()[0].toFixed(2)}`,
        );
      },
    });
    printResult('reads', r.reads);
    if (r.writes) printResult('writes', r.writes);
    const rss = r.memory.map((m) => m.rss);
    console.log(
      `RESULT memory (API RSS): ${fmt(rss[0], 0)} MB at the start (after warm-up), ${fmt(rss[rss.length - 1], 0)} MB at the end, ` +
        `${fmt(rss[rss.length - 1] - rss[0], 0)} MB growth; min ${fmt(Math.min(...rss), 0)}, max ${fmt(Math.max(...rss), 0)} MB over ${rss.length} samples`,
    );
    console.log(`read mix (in turn): ${r.kinds.join(', ')}`);
    printMachine();
    process.exitCode = r.reads.errors || r.writes?.errors ? 1 : 0;
  } finally {
    if (api) {
      api.child.kill('SIGTERM');
      await api.exited;
    }
    await graph.close();
  }
}

main().catch((err) => {
  console.error(`bench-load: ${err.message}`);
  process.exit(1);
});
