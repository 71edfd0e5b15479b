'use strict';
/**
 * A fast loader for the read benchmark's graph: the same extracted articles in the same schema
 * as `newsgraph ingest` writes them, built in two passes instead of through the store's
 * per-batch write path (which runs ~18 articles/s here; a 100,000-article graph would take 90
 * minutes).
 *
 * Pass 1 folds every article in memory, in ingestion order and with ingestion's batch
 * boundaries where they matter, into what the store would leave behind: entities (display name
 * by language priority, aliases in order of first appearance, nameEn/iso2/kind first seen,
 * `mentionCount` without copies), near-duplicate copies (the same MinHash band candidates, the
 * same rows of a busy key, and the same trigram containment as the store), teaser stubs and their
 * absorption, links, topic parents.
 * Pass 2 writes it with plain batched UNWIND statements (like the lower-bound writer of
 * bench-ingest), one transaction per statement, into an empty graph.
 *
 * Pass 3 derives what the store keeps beside the data (mention lists, weekly count rows,
 * relation summaries, article counts per day) with the statements of the store's migrations.
 * Left out, because no benchmarked read uses them: stories (Story, IN_STORY, Article.storyId),
 * the change feed, edits. bench-api checks on a small graph that this loader and the real
 * writer give identical answers to every benchmarked query.
 */

const { int } = require('neo4j-driver');
const { now, requireDist, fmt } = require('./common');

function statements() {
  const { ENTITY_LABELS, RELATION_LABELS } = requireDist('store/labels.js');
  const labelCases = Object.entries(ENTITY_LABELS)
    .map(([type, label]) => `FOREACH (_ IN CASE WHEN x.type = '${type}' THEN [1] ELSE [] END | SET e:${label})`)
    .join(' ');
  return {
    articles: `
      UNWIND $rows AS x
      CREATE (a:Article)
      SET a = x, a.stub = false, a.updatedAt = datetime(), a.ingestedAt = datetime(),
          a.publishedDate = CASE WHEN x.publishedAt IS NULL THEN null ELSE date(substring(x.publishedAt, 0, 10)) END`,
    stubs: `UNWIND $rows AS x CREATE (s:Article) SET s = x, s.stub = true`,
    entities: `UNWIND $rows AS x CREATE (e:Entity) SET e = x WITH e, x ${labelCases}`,
    topicParents: `UNWIND $rows AS p MATCH (c:Entity {id: p.child}), (t:Entity {id: p.parent}) CREATE (c)-[:SUBTOPIC_OF]->(t)`,
    outlets: `UNWIND $rows AS x CREATE (o:Outlet) SET o = x`,
    publishedBy: `UNWIND $rows AS x MATCH (a:Article {id: x.a}), (o:Outlet {id: x.o}) CREATE (a)-[:PUBLISHED_BY]->(o)`,
    mentions: `
      UNWIND $rows AS x
      MATCH (a:Article {id: x.a}), (e:Entity {id: x.e})
      CREATE (a)-[:MENTIONS {count: x.count, firstOffset: x.firstOffset, inHeadline: x.inHeadline, salience: x.salience}]->(e)`,
    credits: `UNWIND $rows AS x MATCH (a:Article {id: x.a}), (e:Entity {id: x.e}) CREATE (a)-[:CREDITS]->(e)`,
    // a day's rows can span chunks: added to, like the store does
    entityDays: `
      UNWIND $rows AS x
      MERGE (d:EntityDay {key: x.key})
      ON CREATE SET d.entityId = x.entityId, d.day = date(x.day), d.outlet = x.outlet, d.language = x.language, d.copy = x.copy,
                    d.articles = 0, d.mentions = 0
      SET d.articles = d.articles + x.articles, d.mentions = d.mentions + x.mentions`,
    duplicates: `UNWIND $rows AS x MATCH (a:Article {id: x.a}), (o:Article {id: x.o}) CREATE (a)-[:DUPLICATE_OF]->(o)`,
    links: `UNWIND $rows AS x MATCH (a:Article {id: x.a}), (s:Article {id: x.s}) CREATE (a)-[:LINKS_TO]->(s)`,
    relations: Object.fromEntries(
      Object.entries(RELATION_LABELS).map(([type, rel]) => [
        type,
        `UNWIND $rows AS x MATCH (f:Entity {id: x.from}), (t:Entity {id: x.to})
         CREATE (f)-[r:${rel} {articleId: x.a, title: x.title}]->(t) SET r.evidence = x.evidence, r.confidence = x.confidence`,
      ]),
    ),
  };
}

/**
 * What the store credits a dated article as (entity-counts.ts, DAY_SUFFIX: day, outlet, language,
 * copy flag, joined by U+001F), null for an undated one.
 */
function daySuffix(props, isCopy) {
  if (!props.publishedAt) return null;
  return [props.publishedAt.slice(0, 10), props.source ?? props.site ?? 'unknown', props.language ?? 'unknown', isCopy ? '1' : '0'].join(
    '\u001f',
  );
}

/** What the store keeps of an article (article-writes.ts, articleProps), bands included. */
function articleProps(article, store, fp, knownBands) {
  const body = article.paragraphs.join('\n');
  const bands = knownBands === undefined ? fp.bandKeys(body) : knownBands;
  const props = {};
  for (let k = 0; k < fp.BANDS; k++) props[`band${k}`] = bands?.[k] ?? null;
  Object.assign(props, {
    hasBands: bands !== null,
    bandAt: fp.bandAt(bands !== null, article.publishedAt),
    id: article.id,
    url: article.url ?? null,
    title: article.title,
    titleKey: store.titleKey(article.title),
    source: article.source ?? null,
    site: article.site ?? null,
    publishedAt: article.publishedAt ?? null,
    language: article.language,
    lead: article.paragraphs[0] ?? '',
    body,
    authors: article.authors.map((a) => a.name),
    authorRoles: article.authors.map((a) => a.role),
    tags: article.tags,
    captions: article.captions,
    credits: article.credits ?? null,
    dateline: article.dateline ?? null,
  });
  return { props, bands };
}

/** A body's trigrams as a sorted array of 32-bit hashes: the store's containment test without keeping 100,000 sets of strings. */
function trigramHashes(fp, body) {
  const grams = fp.trigrams(body);
  const out = new Uint32Array(grams.size);
  let k = 0;
  for (const g of grams) {
    let h = 0x811c9dc5;
    for (let i = 0; i < g.length; i++) h = Math.imul(h ^ g.charCodeAt(i), 0x01000193) >>> 0;
    out[k++] = h;
  }
  out.sort();
  let n = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[i - 1]) out[n++] = out[i];
  return out.subarray(0, n);
}

/** fingerprint.containment over trigramHashes. */
function hashedContainment(a, b) {
  const small = a.length <= b.length ? a.length : b.length;
  if (!small) return 0;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) (shared++, i++, j++);
    else if (a[i] < b[j]) i++;
    else j++;
  }
  return shared / small;
}

/** store.pickOriginal (article-writes.ts) with the hashed containment: the closest copy, then the earliest, then by id. */
function pickOriginal(mine, candidates, minContainment) {
  const close = candidates
    .map((r) => ({ id: r.originalId ?? r.id, score: hashedContainment(mine, r.grams), publishedAt: r.publishedAt ?? '' }))
    .filter((r) => r.score >= minContainment)
    .sort((x, y) => y.score - x.score || x.publishedAt.localeCompare(y.publishedAt) || x.id.localeCompare(y.id));
  return close[0]?.id;
}

/**
 * Pass 1: the graph the store would build from `chunks` (an iterable of item arrays, in
 * ingestion order), with ingestion's batches of `batchSize` articles.
 */
function fold(readChunks, options = {}) {
  const store = requireDist('store/article-writes.js');
  const fp = requireDist('store/fingerprint.js');
  const batchSize = options.batchSize ?? 100;
  const articles = []; // { id, publishedAt, body, duplicateOf }
  const bandIndex = Array.from({ length: fp.BANDS }, () => new Map());
  const entities = new Map();
  const topicParents = new Map();
  const outlets = new Map();
  const stubs = new Map(); // id -> { id, title, url, titleKey, sources: Set }
  const stubsByKey = new Map();
  const stubsByUrl = new Map();
  const links = new Map(); // source article id -> Set of target ids (articles or stubs)
  const addTo = (map, key, value) => (map.get(key) ?? map.set(key, new Set()).get(key)).add(value);

  const absorb = (batch) => {
    const taken = new Map();
    batch.forEach(({ article }) => {
      const key = store.titleKey(article.title);
      const found = new Set([...(stubsByKey.get(key) ?? []), ...(article.url ? (stubsByUrl.get(article.url) ?? []) : [])]);
      for (const sid of found) if (!taken.has(sid) && sid !== article.id) taken.set(sid, article.id);
    });
    for (const [sid, taker] of taken) {
      const s = stubs.get(sid);
      for (const src of s.sources) {
        const set = links.get(src);
        set.delete(sid);
        set.add(taker);
      }
      stubs.delete(sid);
      stubsByKey.get(s.titleKey)?.delete(sid);
      if (s.url) stubsByUrl.get(s.url)?.delete(sid);
    }
  };

  // The store's order (ORDER BY shared DESC, b.publishedAt, b.id LIMIT 20: undated last, strings by
  // code unit), kept as a running top 20: the generated corpus's template sentences put thousands of
  // articles in some bands, and sorting all of them for every article made the fold quadratic.
  const before = (x, y) => {
    if (x.n !== y.n) return x.n > y.n;
    const px = x.a.publishedAt ?? '\uffff';
    const py = y.a.publishedAt ?? '\uffff';
    if (px !== py) return px < py;
    return x.a.id < y.a.id;
  };
  // The rows a band seek reads (duplicateCandidates): per key, at most BUCKET_CAP, the newest
  // (bandAt, id) below the article's bound. Each key's articles are kept in that order; the
  // article itself and the batch's later ones are not in them yet, as the store leaves them out.
  const atOrder = (x, y) => (x.bandAt !== y.bandAt ? (x.bandAt < y.bandAt ? -1 : 1) : x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
  const firstNotBelow = (bucket, below) => {
    let lo = 0;
    let hi = bucket.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (below(articles[bucket[mid]])) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const addToBand = (k, key, idx) => {
    const bucket = bandIndex[k].get(key) ?? bandIndex[k].set(key, []).get(key);
    bucket.splice(
      firstNotBelow(bucket, (a) => atOrder(a, articles[idx]) < 0),
      0,
      idx,
    );
  };
  const bandRows = (k, key, bound) => {
    const bucket = bandIndex[k].get(key) ?? [];
    const end = firstNotBelow(bucket, (a) => a.bandAt < bound);
    return bucket.slice(Math.max(0, end - store.BUCKET_CAP), end);
  };
  // shared bands per article index, counted in a typed array (reset after each article): a Map
  // here cost most of the fold at 100,000 articles
  let shared = new Int32Array(1024);
  const candidatesOf = (bands, id, bound) => {
    if (shared.length < articles.length) {
      const grown = new Int32Array(Math.max(articles.length, shared.length * 2));
      grown.set(shared);
      shared = grown;
    }
    const touched = [];
    bands.forEach((key, k) => {
      for (const idx of bandRows(k, key, bound)) if (shared[idx]++ === 0) touched.push(idx);
    });
    const top = [];
    for (const idx of touched) {
      const n = shared[idx];
      shared[idx] = 0;
      const c = { a: articles[idx], n };
      if (c.a.id === id) continue;
      if (top.length === 20 && !before(c, top[19])) continue;
      let at = top.length < 20 ? top.length : 19;
      while (at > 0 && before(c, top[at - 1])) at--;
      if (top.length === 20) top.pop();
      top.splice(at, 0, c);
    }
    return top.map(({ a }) => ({ id: a.id, grams: a.grams, publishedAt: a.publishedAt, originalId: a.duplicateOf ?? null }));
  };

  const writeBatch = (batch) => {
    absorb(batch);
    for (const { article } of batch) {
      if (!article.related.length) continue;
      for (const l of article.related) {
        const sid = store.stubId(l);
        if (!stubs.has(sid)) {
          const s = { id: sid, title: l.title, url: l.url ?? null, titleKey: store.titleKey(l.title), sources: new Set() };
          stubs.set(sid, s);
          addTo(stubsByKey, s.titleKey, sid);
          if (s.url) addTo(stubsByUrl, s.url, sid);
        }
        stubs.get(sid).sources.add(article.id);
        addTo(links, article.id, sid);
      }
    }
    const announced = batch.filter(({ article: a }, k) =>
      batch
        .slice(0, k)
        .some(({ article: t }) => t.related.some((l) => store.titleKey(l.title) === store.titleKey(a.title) || (l.url && l.url === a.url))),
    );
    if (announced.length) absorb(announced);

    for (const item of batch) {
      const { article, extraction } = item;
      const { props, bands } = articleProps(article, store, fp);
      item.props = props;
      const entry = {
        id: article.id,
        publishedAt: article.publishedAt ?? null,
        bandAt: props.bandAt,
        grams: bands ? trigramHashes(fp, props.body) : null,
        duplicateOf: null,
      };
      item.bands = bands;
      if (bands) {
        const original = pickOriginal(
          entry.grams,
          candidatesOf(bands, article.id, fp.bandBound(article.publishedAt)),
          fp.DUPLICATE_MIN_CONTAINMENT,
        );
        if (original && original !== article.id) entry.duplicateOf = original;
      }
      const idx = articles.push(entry) - 1;
      if (bands) bands.forEach((key, k) => addToBand(k, key, idx));
      item.duplicateOf = entry.duplicateOf;
      if (article.source) {
        const oid = store.outletId(article.source);
        const o = outlets.get(oid);
        if (!o) outlets.set(oid, { id: oid, name: article.source, site: article.site ?? null });
        else o.site ??= article.site ?? null;
      }
      const priority = store.namePriority(article.language);
      for (const e of extraction.entities) {
        const prev = entities.get(e.id);
        if (!prev) {
          entities.set(e.id, {
            id: e.id,
            type: e.type,
            name: e.name,
            namePriority: priority,
            aliases: [...new Set([e.name, ...e.aliases])],
            nameEn: e.en ?? null,
            iso2: e.iso2 ?? null,
            kind: e.kind ?? null,
            mentionCount: 0,
          });
          continue;
        }
        if (priority > prev.namePriority) Object.assign(prev, { name: e.name, namePriority: priority });
        const have = new Set(prev.aliases);
        for (const s of [e.name, ...e.aliases]) if (!have.has(s)) (prev.aliases.push(s), have.add(s));
        prev.nameEn ??= e.en ?? null;
        prev.iso2 ??= e.iso2 ?? null;
        prev.kind ??= e.kind ?? null;
      }
      const mentioned = [...new Map(extraction.mentions.filter((m) => !m.credit).map((m) => [m.entityId, m])).keys()];
      if (!entry.duplicateOf) for (const id of mentioned) if (entities.has(id)) entities.get(id).mentionCount++;
    }
    // topic parents, after the batch's entities (the parent must exist by then)
    for (const { extraction } of batch)
      for (const e of extraction.entities) {
        if (e.type !== 'topic' || !e.parentId) continue;
        const parent = entities.get(e.parentId);
        if (parent && parent.type === 'topic') topicParents.set(`${e.id}\u0000${e.parentId}`, { child: e.id, parent: e.parentId });
      }
  };

  const perArticle = []; // { props, duplicateOf } in order, without the extraction (pass 2 reads it again)
  for (const chunk of readChunks()) {
    for (let i = 0; i < chunk.length; i += batchSize) {
      const batch = chunk.slice(i, i + batchSize);
      writeBatch(batch);
    }
    for (const item of chunk) perArticle.push({ id: item.article.id, duplicateOf: item.duplicateOf, bands: item.bands });
    if (options.progress && perArticle.length % 10000 === 0)
      (options.log ?? console.log)(`  fast load: folded ${perArticle.length} articles`);
  }
  for (const a of articles) a.grams = null;
  return { entities, topicParents, outlets, stubs, links, perArticle };
}

/**
 * Builds the graph: `readChunks()` yields the items (arrays of { article, extraction }) in
 * ingestion order, and is called twice (pass 1 and pass 2), so the items need not stay in
 * memory. The graph must be empty.
 */
async function fastLoad(executor, readChunks, options = {}) {
  const log = options.log ?? ((line) => console.log(line));
  const rowsPerStatement = options.rowsPerStatement ?? 5000;
  const q = statements();
  const t0 = now();
  // the schema's migrations leave their own (:Migration) nodes; anything else means data
  const [{ n }] = await executor.read({ cypher: 'MATCH (n) WHERE NOT n:Migration RETURN count(n) AS n', params: {} });
  if (Number(n) > 0) throw new Error(`fast load needs an empty graph (this one holds ${n} nodes)`);
  const f = fold(readChunks, options);
  const tFold = now();
  log(`  fast load: folded ${f.perArticle.length} articles in ${fmt((tFold - t0) / 1000, 1)} s`);
  const write = async (cypher, rows) => {
    for (let i = 0; i < rows.length; i += rowsPerStatement)
      await executor.writeTransaction((run) => run({ cypher, params: { rows: rows.slice(i, i + rowsPerStatement) } }));
  };
  const stamp = `${Date.now()}-fast-load`;
  await write(
    q.entities,
    [...f.entities.values()].map((e) => ({
      ...e,
      // the store's count is an integer (counted in Cypher), a JS number would be stored as a float
      mentionCount: int(e.mentionCount),
      createdAt: stamp,
      aliasText: e.aliases.map((s) => ` ${s}`).join('') + (e.nameEn ? ` ${e.nameEn}` : ''),
    })),
  );
  await write(q.topicParents, [...f.topicParents.values()]);
  await write(q.outlets, [...f.outlets.values()]);
  // articles, then what hangs off them, a cached chunk at a time
  const dupOf = new Map(f.perArticle.map((a) => [a.id, a.duplicateOf]));
  const bandsOf = new Map(f.perArticle.map((a) => [a.id, a.bands]));
  let written = 0;
  for (const chunk of readChunks()) {
    const store = requireDist('store/article-writes.js');
    const fp = requireDist('store/fingerprint.js');
    const suffixes = new Map();
    await write(
      q.articles,
      chunk.map(({ article }) => {
        const { props } = articleProps(article, store, fp, bandsOf.get(article.id));
        const countedIn = daySuffix(props, Boolean(dupOf.get(article.id)));
        suffixes.set(article.id, countedIn);
        return { ...props, countedIn };
      }),
    );
    const ids = new Set(chunk.map(({ article }) => article.id));
    await write(
      q.publishedBy,
      chunk.filter(({ article }) => article.source).map(({ article }) => ({ a: article.id, o: store.outletId(article.source) })),
    );
    await write(
      q.mentions,
      chunk.flatMap(({ article, extraction }) =>
        [...new Map(extraction.mentions.filter((m) => !m.credit).map((m) => [m.entityId, m])).values()].map((m) => ({
          a: article.id,
          e: m.entityId,
          count: m.count,
          firstOffset: m.firstOffset,
          inHeadline: m.inHeadline,
          salience: m.salience,
        })),
      ),
    );
    // the per-entity, per-day counts (EntityDay) the store keeps at write time
    const days = new Map();
    for (const { article, extraction } of chunk) {
      const suffix = suffixes.get(article.id);
      if (!suffix) continue;
      const [day, outlet, language, flag] = suffix.split('\u001f');
      for (const m of new Map(extraction.mentions.filter((x) => !x.credit).map((x) => [x.entityId, x])).values()) {
        if (!f.entities.has(m.entityId)) continue;
        const key = `${m.entityId}\u001f${suffix}`;
        const row =
          days.get(key) ??
          days.set(key, { key, entityId: m.entityId, day, outlet, language, copy: flag === '1', articles: 0, mentions: 0 }).get(key);
        row.articles++;
        row.mentions += m.count;
      }
    }
    await write(
      q.entityDays,
      [...days.values()].map((r) => ({ ...r, articles: int(r.articles) })),
    );
    await write(
      q.credits,
      chunk.flatMap(({ article, extraction }) =>
        [...new Set(extraction.mentions.filter((m) => m.credit).map((m) => m.entityId))].map((e) => ({ a: article.id, e })),
      ),
    );
    const relations = {};
    for (const { article, extraction } of chunk) {
      const unique = new Map();
      for (const r of extraction.relations) {
        const key = `${r.type}\u0000${r.from}\u0000${r.to}\u0000${r.title ?? ''}`;
        const seen = unique.get(key);
        if (!seen || r.confidence > seen.confidence) unique.set(key, r);
      }
      for (const r of unique.values())
        (relations[r.type] ??= []).push({
          a: article.id,
          from: r.from,
          to: r.to,
          title: r.title ?? '',
          evidence: r.evidence,
          confidence: r.confidence,
        });
    }
    for (const [type, rows] of Object.entries(relations)) await write(q.relations[type], rows);
    written += ids.size;
    if (options.progress) log(`  fast load: ${written}/${f.perArticle.length} articles written, ${fmt((now() - tFold) / 1000, 0)} s`);
  }
  await write(
    q.stubs,
    [...f.stubs.values()].map(({ id, title, url, titleKey }) => ({ id, title, url, titleKey })),
  );
  await write(
    q.duplicates,
    [...dupOf].filter(([, o]) => o).map(([a, o]) => ({ a, o })),
  );
  await write(
    q.links,
    [...f.links].flatMap(([a, targets]) => [...targets].map((s) => ({ a, s }))),
  );
  // what the store derives from the rest as it writes: the mention lists beside each article's
  // edges, the weekly count rows, the relation summaries, the article counts per day and outlet
  const { FILL_MENTION_LISTS, BUILD_ALL_WEEKS } = requireDist('store/entity-counts.js');
  const { REBUILD_SUMMARIES } = requireDist('store/relation-summaries.js');
  const { BUILD_ARTICLE_DAYS } = requireDist('store/article-counts.js');
  const tDerived = now();
  for (const statement of [FILL_MENTION_LISTS, ...BUILD_ALL_WEEKS, ...REBUILD_SUMMARIES, ...BUILD_ARTICLE_DAYS])
    await executor.runSchema(statement);
  log(`  fast load: derived rows (mention lists, weeks, relation summaries, article days) in ${fmt((now() - tDerived) / 1000, 1)} s`);
  const ms = now() - t0;
  log(`  fast load: ${f.perArticle.length} articles in ${fmt(ms / 1000, 1)} s (${fmt(f.perArticle.length / (ms / 1000), 0)} articles/s)`);
  return { ms, articles: f.perArticle.length };
}

module.exports = { fastLoad };
