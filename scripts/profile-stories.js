#!/usr/bin/env node
'use strict';
/**
 * Profiles story assignment against a real graph: writes --count synthetic articles (with
 * stories) into an embedded Neo4j on DIR (kept, so a second run reuses it), timing every
 * statement of the write transactions, then runs PROFILE on the candidate statement of
 * --probe further articles (read-only, nothing written) and prints each operator's rows and
 * db hits.
 *
 *   npm run build --silent && node scripts/profile-stories.js --dir /tmp/x [--count 3000] [--probe 5]
 */

const fs = require('node:fs');
const { requireDist, parseArgs, printMachine, fmt } = require('./lib/common');
const { openGraph, profileStatements, ingestSynthetic, writeBatched, countArticles } = require('./lib/graph');

function flatten(plan, depth = 0, out = []) {
  const args = plan.arguments ?? {};
  const detail = String(args.Details ?? '')
    .replace(/\s+/g, ' ')
    .slice(0, 110);
  out.push(`${'  '.repeat(depth)}${plan.operatorType} rows=${Number(plan.rows)} hits=${Number(plan.dbHits)} ${detail}`);
  for (const c of plan.children ?? []) flatten(c, depth + 1, out);
  return out;
}

const totalHits = (plan) => Number(plan.dbHits) + (plan.children ?? []).reduce((t, c) => t + totalHits(c), 0);

async function main() {
  const args = parseArgs(
    process.argv.slice(2),
    { dir: 'string', count: 'number', probe: 'number', seed: 'string', query: 'string' },
    { count: 3000, probe: 5, seed: 'bench' },
  );
  if (!args.dir) throw new Error('--dir DIR is required');
  printMachine();
  const fresh = !fs.existsSync(args.dir) || fs.readdirSync(args.dir).length === 0;
  const graph = await openGraph({ dataDir: args.dir, keepData: true });
  try {
    const r = await ingestSynthetic(graph.executor, {
      count: args.count + args.probe,
      seed: args.seed,
      keepItems: true,
      extractOnly: true,
      progressEvery: 100000,
      log: () => {},
    });
    const items = r.items.slice(0, args.count);
    const probes = r.items.slice(args.count);
    if (fresh) {
      const print = profileStatements(graph.executor);
      let storyMs = 0;
      const b = await writeBatched(graph.executor, items, {
        batchSize: 100,
        concurrency: 1,
        writeOptions: { onStoryMs: (ms) => (storyMs += ms) },
        log: () => {},
      });
      console.log(
        `wrote ${b.written} articles in ${fmt(b.ms / 1000, 1)} s, story assignment ${fmt(storyMs / 1000, 1)} s (${fmt(storyMs / b.written, 1)} ms/article)`,
      );
      print();
    } else {
      console.log(`reusing ${args.dir}: ${await countArticles(graph.executor)} articles`);
    }
    const storyWrites = requireDist('store/story-writes.js');
    const { DEFAULT_PARAMS } = requireDist('stories/score.js');
    const build = storyWrites[args.query ?? 'storyCandidates'];
    const session = graph.executor.driver.session({ defaultAccessMode: 'READ' });
    try {
      for (const p of probes) {
        const mentions = p.extraction.mentions.filter((m) => !m.credit).map((m) => ({ id: m.entityId, salience: m.salience }));
        // the batch lookup for one article: its most salient entities (the store picks the rarer ones by document frequency)
        const date = p.article.publishedAt?.slice(0, 10);
        const shift = (days) => new Date(Date.parse(date) + days * 86400000).toISOString().slice(0, 10);
        const q = build({
          rows: [
            {
              id: p.article.id,
              lookup: [...mentions]
                .sort((x, y) => y.salience - x.salience)
                .slice(0, 8)
                .map((m) => ({ id: m.id, w: 1 })),
              from: date ? shift(-DEFAULT_PARAMS.followWindowDays) : null,
              to: date ? shift(DEFAULT_PARAMS.followWindowDays) : null,
            },
          ],
        });
        const t0 = Date.now();
        const res = await session.run(`PROFILE ${q.cypher}`, q.params);
        const ms = Date.now() - t0;
        const plan = res.summary.profile;
        console.log(`\n${p.article.id} (${mentions.length} entities): ${ms} ms, ${totalHits(plan)} db hits`);
        for (const line of flatten(plan)) console.log(`  ${line}`);
      }
    } finally {
      await session.close();
    }
  } finally {
    await graph.close();
  }
}

main().catch((err) => {
  console.error(err.stack || err.message);
  process.exit(1);
});
