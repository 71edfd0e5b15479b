'use strict';
/**
 * The lower bound bench:ingest compares the store with: the same extracted articles written by
 * the simplest batched UNWIND statements the schema allows (articles, entities, mentions,
 * relations, outlets; 500 articles a statement, one transaction per batch), with none of the
 * store's work on top (no re-ingest checks, copies, stubs, counts, stories or change feed).
 * Labels and relationship types come from the store's fixed maps.
 */

const { now, requireDist } = require('./common');

function statements() {
  const { ENTITY_LABELS, RELATION_LABELS } = requireDist('store/labels.js');
  const labelCases = Object.entries(ENTITY_LABELS)
    .map(([type, label]) => `FOREACH (_ IN CASE WHEN x.type = '${type}' THEN [1] ELSE [] END | SET e:${label})`)
    .join(' ');
  return {
    articles: `UNWIND $rows AS x MERGE (a:Article {id: x.id}) SET a += x`,
    entities: `UNWIND $rows AS x MERGE (e:Entity {id: x.id}) ON CREATE SET e.type = x.type, e.name = x.name, e.aliases = x.aliases WITH e, x ${labelCases}`,
    mentions: `UNWIND $rows AS x MATCH (a:Article {id: x.a}), (e:Entity {id: x.e}) CREATE (a)-[:MENTIONS {count: x.count, salience: x.salience}]->(e)`,
    outlets: `UNWIND $rows AS x MATCH (a:Article {id: x.a}) MERGE (o:Outlet {id: x.o}) ON CREATE SET o.name = x.name MERGE (a)-[:PUBLISHED_BY]->(o)`,
    relations: Object.fromEntries(
      Object.entries(RELATION_LABELS).map(([type, rel]) => [
        type,
        `UNWIND $rows AS x MATCH (f:Entity {id: x.from}), (t:Entity {id: x.to}) CREATE (f)-[:${rel} {articleId: x.a, evidence: x.evidence, confidence: x.confidence}]->(t)`,
      ]),
    ),
  };
}

/** Writes `items` ({ article, extraction }) the simplest way; returns { ms, articles }. */
async function writeLowerBound(executor, items, options = {}) {
  const size = options.batchSize ?? 500;
  const q = statements();
  const started = now();
  for (let i = 0; i < items.length; i += size) {
    const batch = items.slice(i, i + size);
    const articles = batch.map(({ article: a }) => ({
      id: a.id,
      url: a.url ?? null,
      title: a.title,
      source: a.source ?? null,
      publishedAt: a.publishedAt ?? null,
      language: a.language,
      lead: a.paragraphs[0] ?? '',
      body: a.paragraphs.join('\n'),
    }));
    const entities = new Map();
    for (const { extraction } of batch)
      for (const e of extraction.entities)
        if (!entities.has(e.id)) entities.set(e.id, { id: e.id, type: e.type, name: e.name, aliases: [e.name, ...e.aliases] });
    const mentions = batch.flatMap(({ article, extraction }) =>
      extraction.mentions.filter((m) => !m.credit).map((m) => ({ a: article.id, e: m.entityId, count: m.count, salience: m.salience })),
    );
    const outlets = batch
      .filter(({ article }) => article.source)
      .map(({ article }) => ({ a: article.id, o: `outlet:${article.source}`, name: article.source }));
    const relations = {};
    for (const { article, extraction } of batch) {
      for (const r of extraction.relations)
        (relations[r.type] ??= []).push({ a: article.id, from: r.from, to: r.to, evidence: r.evidence, confidence: r.confidence });
    }
    await executor.writeTransaction(async (run) => {
      await run({ cypher: q.articles, params: { rows: articles } });
      await run({ cypher: q.entities, params: { rows: [...entities.values()].sort((x, y) => (x.id < y.id ? -1 : 1)) } });
      await run({ cypher: q.mentions, params: { rows: mentions } });
      await run({ cypher: q.outlets, params: { rows: outlets } });
      for (const [type, rows] of Object.entries(relations)) await run({ cypher: q.relations[type], params: { rows } });
    });
  }
  return { ms: now() - started, articles: items.length };
}

module.exports = { writeLowerBound };
