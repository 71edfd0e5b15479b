import { createHash, randomUUID } from 'node:crypto';
import type { Article, Extraction, RelationType } from '../domain/types';
import { int } from 'neo4j-driver';
import type { Executor, Query } from './executor';
import { resolveRedirects } from './entity-writes';
import { BANDS, DUPLICATE_MIN_CONTAINMENT, bandKeys, containment, foldText, trigrams } from './fingerprint';
import { ENTITY_LABELS, EVIDENCE_TYPES, RELATION_LABELS } from './labels';
import { recordChanges, type ChangePayload } from './change-feed';
import { assignStory, leaveStory, type StoryChange } from './story-writes';

/** What writing one article did to the graph. */
export type WriteStatus = 'new' | 'updated' | 'unchanged';

export interface WriteResult {
  id: string;
  status: WriteStatus;
  /** The earlier article this one is a near-identical copy of (a republished wire story). */
  duplicateOf?: string;
  /** The story the article is in after the write, and what the write did to it. */
  story?: StoryChange;
}

/** Titles are compared loosely so that a teaser's headline finds the article it announces. */
export function titleKey(title: string): string {
  return foldText(title).replace(/臺/g, '台');
}

const sha = (s: string): string => createHash('sha256').update(s).digest('hex');

export function stubId(link: { title: string; url?: string }): string {
  return `stub_${sha(link.url ?? titleKey(link.title)).slice(0, 16)}`;
}

function articleProps(article: Article) {
  const body = article.paragraphs.join('\n');
  const bands = bandKeys(body);
  return {
    ...(Object.fromEntries(Array.from({ length: BANDS }, (_, k) => [`band${k}`, bands?.[k] ?? null])) as Record<string, string | null>),
    hasBands: bands !== null,
    id: article.id,
    url: article.url ?? null,
    title: article.title,
    titleKey: titleKey(article.title),
    source: article.source ?? null,
    site: article.site ?? null,
    publishedAt: article.publishedAt ?? null,
    language: article.language,
    lead: article.paragraphs[0] ?? '',
    body,
    // everything extraction reads: a change to any of it re-extracts the article
    bodyHash: sha(JSON.stringify([article.title, body, article.captions ?? [], article.tags, article.credits ?? [], article.dateline ?? null, article.authors.map((a) => a.name)])),
    authors: article.authors.map((a) => a.name),
    authorRoles: article.authors.map((a) => a.role),
    tags: article.tags,
    captions: article.captions,
    // kept so that reapplyCuration can read the article again as ingestion gave it
    credits: article.credits ?? null,
    dateline: article.dateline ?? null,
  };
}

const upsertArticle = (props: ReturnType<typeof articleProps>): Query => ({
  cypher: `
    OPTIONAL MATCH (old:Article {id: $props.id})
    WITH old IS NOT NULL AND coalesce(old.stub, false) = false AS existed, old.bodyHash AS oldHash
    MERGE (a:Article {id: $props.id})
    SET a += $props, a.stub = false, a.updatedAt = datetime(),
        a.publishedDate = CASE WHEN $props.publishedAt IS NULL THEN null ELSE date(substring($props.publishedAt, 0, 10)) END,
        a.ingestedAt = coalesce(a.ingestedAt, datetime())
    RETURN existed, oldHash`,
  params: { props },
});

const existingDuplicate = (id: string): Query => ({
  cypher: 'MATCH (:Article {id: $id})-[:DUPLICATE_OF]->(o:Article) RETURN o.id AS id LIMIT 1',
  params: { id },
});

/**
 * Removes what an earlier version of this article contributed (its links too, unless only its
 * extraction is redone); returns the entities it touched.
 */
const clearArticle = (id: string, options: { links?: boolean } = {}): Query => ({
  cypher: `
    MATCH (a:Article {id: $id})
    OPTIONAL MATCH (a)-[m:MENTIONS|CREDITS]->(e:Entity)
    WITH a, collect(e) AS ents, collect(m) AS ms
    FOREACH (m IN ms | DELETE m)
    WITH a, ents
    OPTIONAL MATCH (a)-[l:LINKS_TO|DUPLICATE_OF|PUBLISHED_BY]->() WHERE $links
    DELETE l
    WITH DISTINCT ents
    UNWIND ents AS e
    OPTIONAL MATCH (e)-[r:${EVIDENCE_TYPES.join('|')}]-() WHERE r.articleId = $id
    DELETE r
    RETURN collect(DISTINCT e.id) AS entityIds`,
  params: { id, links: options.links ?? true },
});

/**
 * Which article's spelling becomes an entity's display name: a graph of Taiwanese news shows
 * 林佳龍 rather than Lin Chia-lung, whichever article arrived first; the English name stays in
 * nameEn and the aliases.
 */
export function namePriority(language: string): number {
  if (language === 'zh-Hant' || language === 'zh-TW') return 3;
  return language.startsWith('zh') ? 2 : 1;
}

/**
 * Entities are written in id order and only touched when something changed: busy entities
 * (台灣, 立法院) are in most articles, and an unconditional SET would lock them in every
 * transaction, serialising concurrent ingestion and inviting deadlocks.
 */
const upsertEntities = (extraction: Extraction, language: string): Query => ({
  cypher: `
    UNWIND $entities AS x
    MERGE (e:Entity {id: x.id})
    ON CREATE SET e.type = x.type, e.createdAt = $stamp
    WITH e, x, e.createdAt = $stamp AS created,
         // a name an editor removed (or merged away as junk) never becomes the display name either
         coalesce(e.namePriority, 0) < $priority AND NOT x.name IN coalesce(e.removedAliases, []) AS better,
         // an alias an editor removed stays removed
         [s IN x.aliases WHERE NOT s IN coalesce(e.aliases, []) AND NOT s IN coalesce(e.removedAliases, [])] AS extra
    CALL (e, x, created, better, extra) {
      WITH * WHERE created OR better OR size(extra) > 0 OR (e.nameEn IS NULL AND x.en IS NOT NULL)
        OR (e.iso2 IS NULL AND x.iso2 IS NOT NULL) OR (e.kind IS NULL AND x.kind IS NOT NULL)
      SET e.name = CASE WHEN better THEN x.name ELSE e.name END,
          e.namePriority = CASE WHEN better THEN $priority ELSE e.namePriority END,
          e.aliases = coalesce(e.aliases, []) + extra,
          e.nameEn = coalesce(e.nameEn, x.en),
          e.iso2 = coalesce(e.iso2, x.iso2),
          e.kind = coalesce(e.kind, x.kind)
      SET e.aliasText = reduce(t = '', s IN e.aliases | t + ' ' + s) + coalesce(' ' + e.nameEn, '')
    }
    // the label is set once, through a fixed CASE, never from input
    WITH e, x, created WHERE created
    ${Object.entries(ENTITY_LABELS)
      .map(([type, label]) => `FOREACH (_ IN CASE WHEN x.type = '${type}' THEN [1] ELSE [] END | SET e:${label})`)
      .join('\n    ')}`,
  params: {
    entities: extraction.entities
      .map((e) => ({
        id: e.id,
        type: e.type,
        name: e.name,
        aliases: [...new Set([e.name, ...e.aliases])],
        en: e.en ?? null,
        iso2: e.iso2 ?? null,
        kind: e.kind ?? null,
      }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    priority: namePriority(language),
    // marks the entities this statement creates (datetime() would be the same for earlier ones in the transaction)
    stamp: `${Date.now()}-${randomUUID()}`,
  },
});

const topicParents = (extraction: Extraction): Query => ({
  cypher: `
    UNWIND $pairs AS p
    MATCH (c:Topic {id: p.child}), (t:Topic {id: p.parent})
    MERGE (c)-[:SUBTOPIC_OF]->(t)`,
  params: {
    pairs: extraction.entities
      .filter((e) => e.type === 'topic' && e.parentId)
      .map((e) => ({ child: e.id, parent: e.parentId })),
  },
});

const writeMentions = (id: string, extraction: Extraction): Query => ({
  cypher: `
    MATCH (a:Article {id: $id})
    UNWIND $mentions AS m
    MATCH (e:Entity {id: m.entityId})
    MERGE (a)-[r:MENTIONS]->(e)
    SET r.count = m.count, r.firstOffset = m.firstOffset, r.inHeadline = m.inHeadline, r.salience = m.salience`,
  params: { id, mentions: extraction.mentions.filter((m) => !m.credit) },
});

/**
 * Outlets and agencies the page only credits (a byline outlet, a wire tag, a photo credit, a
 * dateline place) are credits of the article, not mentions: they neither count nor trend.
 */
const writeCredits = (id: string, extraction: Extraction): Query => ({
  cypher: `
    MATCH (a:Article {id: $id})
    UNWIND $credits AS c
    MATCH (e:Entity {id: c})
    MERGE (a)-[:CREDITS]->(e)`,
  params: { id, credits: [...new Set(extraction.mentions.filter((m) => m.credit).map((m) => m.entityId))] },
});

export const outletId = (source: string): string => `outlet:${foldText(source)}`;

/** The article's own outlet as a node, so dashboards can split by outlet. */
const writeOutlet = (article: Article): Query => ({
  cypher: `
    MATCH (a:Article {id: $id})
    MERGE (o:Outlet {id: $outletId})
    ON CREATE SET o.name = $name, o.site = $site
    SET o.site = coalesce(o.site, $site)
    MERGE (a)-[:PUBLISHED_BY]->(o)`,
  params: { id: article.id, outletId: outletId(article.source ?? ''), name: article.source ?? null, site: article.site ?? null },
});

/**
 * The earlier version's edges are gone (clearArticle), so CREATE: MERGE would scan busy pairs.
 * A relation an editor rejected, in this article or everywhere (rejectRelation), is not written,
 * also when an end has been merged into another entity or split off since the rejection: a
 * rejection names the ids of its time, so the ids that now lead to each end count too. A
 * rejection with a title (rejectRelation's `title`) holds for the relation under that title only.
 */
/** Ids that lead to an entity now: merged into it (Redirect, by its indexed target), or split off to it in this article. */
const EARLIER_IDS = (v: string): string =>
  `COLLECT { MATCH (d:Redirect {target: ${v}}) RETURN d.id AS id UNION MATCH (s:ArticleRedirect) WHERE s.id STARTS WITH $id + '|' AND s.target = ${v} RETURN substring(s.id, size($id) + 1) AS id }`;

const writeRelations = (id: string, type: RelationType, extraction: Extraction): Query => {
  const unique = new Map<string, Extraction['relations'][number]>();
  for (const r of extraction.relations) {
    if (r.type !== type) continue;
    const key = `${r.from}\u0000${r.to}\u0000${r.title ?? ''}`;
    const seen = unique.get(key);
    if (!seen || r.confidence > seen.confidence) unique.set(key, r);
  }
  return {
    cypher: `
      UNWIND $relations AS r
      WITH r, [r.from] + ${EARLIER_IDS('r.from')} AS froms, [r.to] + ${EARLIER_IDS('r.to')} AS tos
      WITH r, reduce(acc = [], f IN froms | acc + [t IN tos | $type + '|' + f + '|' + t + '|']) AS rejected
      WITH r, [k IN rejected | k + '*'] + [k IN rejected | k + $id] AS keys
      WHERE NOT EXISTS { MATCH (j:RejectedRelation) WHERE j.id IN keys + [k IN keys | k + '|' + r.title] }
      MATCH (x:Entity {id: r.from}), (y:Entity {id: r.to})
      CREATE (x)-[rel:${RELATION_LABELS[type]} {articleId: $id, title: r.title}]->(y)
      SET rel.evidence = r.evidence, rel.confidence = r.confidence`,
    params: {
      id,
      type: RELATION_LABELS[type],
      relations: [...unique.values()].map((r) => ({ from: r.from, to: r.to, title: r.title ?? '', evidence: r.evidence, confidence: r.confidence })),
    },
  };
};

const writeCooccurrences = (id: string, extraction: Extraction): Query => {
  const pairs = new Map<string, { a: string; b: string; count: number }>();
  for (const c of extraction.cooccurrences) {
    if (c.a === c.b) continue;
    const [a, b] = c.a < c.b ? [c.a, c.b] : [c.b, c.a];
    const prev = pairs.get(`${a}\u0000${b}`);
    pairs.set(`${a}\u0000${b}`, { a, b, count: (prev?.count ?? 0) + c.count });
  }
  return {
    cypher: `
      UNWIND $pairs AS p
      MATCH (x:Entity {id: p.a}), (y:Entity {id: p.b})
      CREATE (x)-[:CO_OCCURS {articleId: $id, count: p.count}]->(y)`,
    params: { id, pairs: [...pairs.values()] },
  };
};

/** Teasers become LINKS_TO edges to stubs; a stub is replaced when its article arrives. */
const writeLinks = (article: Article): Query => ({
  cypher: `
    MATCH (a:Article {id: $id})
    UNWIND $links AS l
    MERGE (s:Article {id: l.id})
    ON CREATE SET s.stub = true, s.title = l.title, s.url = l.url, s.titleKey = l.titleKey
    WITH a, s WHERE s <> a
    MERGE (a)-[:LINKS_TO]->(s)`,
  params: {
    id: article.id,
    links: article.related.map((l) => ({ id: stubId(l), title: l.title, url: l.url ?? null, titleKey: titleKey(l.title) })),
  },
});

const absorbStubs = (article: Article): Query => ({
  cypher: `
    MATCH (a:Article {id: $id})
    MATCH (s:Article {stub: true}) WHERE s.id <> $id AND (s.titleKey = $titleKey OR (s.url IS NOT NULL AND s.url = $url))
    OPTIONAL MATCH (src:Article)-[:LINKS_TO]->(s)
    WITH a, s, collect(src) AS sources
    FOREACH (src IN sources | MERGE (src)-[:LINKS_TO]->(a))
    DETACH DELETE s`,
  params: { id: article.id, titleKey: titleKey(article.title), url: article.url ?? null },
});

const BAND_MATCH = Array.from({ length: BANDS }, (_, k) => `b.band${k} = $props.band${k}`).join(' OR ');

const duplicateCandidates = (props: ReturnType<typeof articleProps>): Query => ({
  cypher: `
    MATCH (b:Article)
    WHERE (${BAND_MATCH}) AND b.id <> $props.id AND coalesce(b.stub, false) = false
    OPTIONAL MATCH (b)-[:DUPLICATE_OF]->(original:Article)
    // a fixed order before the limit: the same graph always yields the same 20 candidates
    RETURN b.id AS id, b.body AS body, b.publishedAt AS publishedAt, original.id AS originalId
    ORDER BY ${Array.from({ length: BANDS }, (_, k) => `CASE WHEN b.band${k} = $props.band${k} THEN 1 ELSE 0 END`).join(' + ')} DESC, b.publishedAt, b.id
    LIMIT 20`,
  params: { props },
});

/** Copies point at the earliest version, never at another copy, so chains stay one hop long. */
export function pickOriginal(body: string, rows: Record<string, unknown>[]): string | undefined {
  const mine = trigrams(body);
  const close = rows
    .map((r) => ({
      id: (r.originalId as string | null) ?? (r.id as string),
      score: containment(mine, trigrams((r.body as string | null) ?? '')),
      publishedAt: (r.publishedAt as string | null) ?? '',
    }))
    .filter((r) => r.score >= DUPLICATE_MIN_CONTAINMENT)
    .sort((x, y) => y.score - x.score || x.publishedAt.localeCompare(y.publishedAt) || x.id.localeCompare(y.id));
  return close[0]?.id;
}

const linkDuplicate = (id: string, originalId: string): Query => ({
  cypher: 'MATCH (a:Article {id: $id}), (o:Article {id: $originalId}) WHERE a <> o MERGE (a)-[:DUPLICATE_OF]->(o)',
  params: { id, originalId },
});

/** Entities that lost their last mention and relation go, so a changed body leaves no trace. */
const dropOrphans = (ids: string[]): Query => ({
  cypher: `
    UNWIND $ids AS id
    MATCH (e:Entity {id: id})
    WHERE NOT (e)<-[:MENTIONS|CREDITS]-() AND NOT (e)-[:${Object.values(RELATION_LABELS).join('|')}]-()
    DETACH DELETE e`,
  params: { ids },
});

/** Rewrites ids of entities that curators merged into others; merged duplicates become one. */
export function followRedirects(extraction: Extraction, targets: Map<string, string>): Extraction {
  const to = (id: string): string => targets.get(id) ?? id;
  if (![...targets].some(([id, target]) => id !== target)) return extraction;
  const entities = new Map<string, Extraction['entities'][number]>();
  for (const e of extraction.entities) {
    const id = to(e.id);
    const prev = entities.get(id);
    entities.set(id, prev ? { ...prev, aliases: [...new Set([...prev.aliases, e.name, ...e.aliases])] } : { ...e, id });
  }
  const mentions = new Map<string, Extraction['mentions'][number]>();
  for (const m of extraction.mentions) {
    const id = to(m.entityId);
    const prev = mentions.get(id);
    mentions.set(
      id,
      prev
        ? { ...prev, count: prev.count + m.count, firstOffset: Math.min(prev.firstOffset, m.firstOffset), inHeadline: prev.inHeadline || m.inHeadline, salience: Math.max(prev.salience, m.salience) }
        : { ...m, entityId: id },
    );
  }
  return {
    entities: [...entities.values()],
    mentions: [...mentions.values()],
    relations: extraction.relations.map((r) => ({ ...r, from: to(r.from), to: to(r.to) })).filter((r) => r.from !== r.to),
    cooccurrences: extraction.cooccurrences.map((c) => ({ ...c, a: to(c.a), b: to(c.b) })).filter((c) => c.a !== c.b),
  };
}

type Run = (q: Query) => Promise<Record<string, unknown>[]>;

/** Everything one article contributes, as statements inside a transaction someone else owns. */
export interface WriteOptions {
  /** Assign the article to a story (default true). */
  stories?: boolean;
  /** Told how long story assignment took inside the transaction, in ms (for benchmarks). */
  onStoryMs?: (ms: number) => void;
}

/** Leaves out what editors deleted: the entities, and their mentions, relations and co-occurrences. */
export function dropDeleted(extraction: Extraction, deleted: Set<string>): Extraction {
  if (!deleted.size) return extraction;
  return {
    entities: extraction.entities.filter((e) => !deleted.has(e.id)),
    mentions: extraction.mentions.filter((m) => !deleted.has(m.entityId)),
    relations: extraction.relations.filter((r) => !deleted.has(r.from) && !deleted.has(r.to)),
    cooccurrences: extraction.cooccurrences.filter((c) => !deleted.has(c.a) && !deleted.has(c.b)),
  };
}

/** The extraction as curation has it: split and merged ids followed, deleted ones left out. */
async function curated(run: Run, articleId: string, found: Extraction): Promise<Extraction> {
  const rows = await run(resolveRedirects(found.entities.map((e) => e.id), articleId));
  const redirected = followRedirects(found, new Map(rows.map((r) => [r.id as string, r.target as string])));
  return dropDeleted(redirected, new Set(rows.filter((r) => r.deleted).map((r) => r.target as string)));
}

/** Entities, mentions, credits, relations and co-occurrences of one article, once the old ones are cleared. */
async function writeContributions(run: Run, article: Article, extraction: Extraction, cleared: Record<string, unknown> | undefined): Promise<void> {
  await run(upsertEntities(extraction, article.language));
  await run(topicParents(extraction));
  await run(writeMentions(article.id, extraction));
  if (extraction.mentions.some((m) => m.credit)) await run(writeCredits(article.id, extraction));
  for (const type of Object.keys(RELATION_LABELS) as RelationType[]) {
    if (extraction.relations.some((r) => r.type === type)) await run(writeRelations(article.id, type, extraction));
  }
  if (extraction.cooccurrences.length) await run(writeCooccurrences(article.id, extraction));
  const previous = (cleared?.entityIds as string[] | undefined) ?? [];
  const current = new Set(extraction.entities.map((e) => e.id));
  const gone = previous.filter((id) => !current.has(id));
  if (gone.length) await run(dropOrphans(gone));
}

async function writeWithin(run: Run, article: Article, found: Extraction, options: WriteOptions, changes: ChangePayload[]): Promise<WriteResult> {
  const props = articleProps(article);
  const extraction = await curated(run, article.id, found);
  const [head] = await run(upsertArticle(props));
  if (head.existed && head.oldHash === props.bodyHash) {
    // the same text again: what it contributed stays as it is (the names the graph knows may
    // have grown since, and a second reading must not change the graph), its story too
    const [dup] = await run(existingDuplicate(article.id));
    const story = options.stories === false ? undefined : await assignStory(run, article, extraction, { status: 'unchanged', duplicateOf: dup?.id as string | undefined });
    return { id: article.id, status: 'unchanged', ...(dup?.id ? { duplicateOf: dup.id as string } : {}), ...(story ? { story } : {}) };
  }
  const [cleared] = await run(clearArticle(article.id));
  await writeContributions(run, article, extraction, cleared);
  if (article.source) await run(writeOutlet(article));
  await run(absorbStubs(article));
  if (article.related.length) await run(writeLinks(article));
  let duplicateOf: string | undefined;
  if (props.hasBands) {
    duplicateOf = pickOriginal(props.body, await run(duplicateCandidates(props)));
    if (duplicateOf === article.id) duplicateOf = undefined;
    if (duplicateOf) await run(linkDuplicate(article.id, duplicateOf));
  }
  const status: WriteStatus = !head.existed ? 'new' : head.oldHash === props.bodyHash ? 'unchanged' : 'updated';
  const started = performance.now();
  const story = options.stories === false ? undefined : await assignStory(run, article, extraction, { status, duplicateOf });
  options.onStoryMs?.(performance.now() - started);
  if (status !== 'unchanged') {
    changes.push({
      kind: 'ingested',
      articleId: article.id,
      status,
      language: article.language ?? null,
      source: article.source ?? null,
      mentions: extraction.mentions.filter((m) => !m.credit).map((m) => ({ entityId: m.entityId, salience: m.salience })),
      story: story ?? null,
    });
  }
  return { id: article.id, status, ...(duplicateOf ? { duplicateOf } : {}), ...(story ? { story } : {}) };
}

/** Runs `work` with a list of changes that is written to the change feed before the transaction commits. */
async function withChanges<T>(run: Run, work: (changes: ChangePayload[]) => Promise<T>): Promise<T> {
  const changes: ChangePayload[] = [];
  const out = await work(changes);
  if (changes.length) await run(recordChanges(changes));
  return out;
}

/**
 * Stored articles as ingestion gave them, for reading them again (reapplyCuration): by id, or
 * the next `limit` after an id in id order. Teasers' stubs have no text and are left out.
 */
export function storedArticles(options: { ids?: string[]; afterId?: string | null; limit: number }): Query {
  return {
    cypher: `
      MATCH (a:Article) WHERE coalesce(a.stub, false) = false AND a.body IS NOT NULL
        AND (${options.ids ? 'a.id IN $ids' : '$afterId IS NULL OR a.id > $afterId'})
      RETURN a { .id, .url, .title, .publishedAt, .source, .site, .language, .body, .authors, .authorRoles, .tags, .captions, .credits, .dateline } AS a
      ORDER BY a.id LIMIT $limit`,
    params: { ids: options.ids ?? null, afterId: options.afterId ?? null, limit: int(options.limit) },
  };
}

export function articleFromStore(a: Record<string, unknown>): Article {
  const authors = (a.authors as string[] | null) ?? [];
  const roles = (a.authorRoles as string[] | null) ?? [];
  return {
    id: a.id as string,
    ...(a.url ? { url: a.url as string } : {}),
    title: a.title as string,
    ...(a.publishedAt ? { publishedAt: a.publishedAt as string } : {}),
    ...(a.source ? { source: a.source as string } : {}),
    ...(a.site ? { site: a.site as string } : {}),
    authors: authors.map((name, i) => ({ name, role: (roles[i] ?? 'author') as Article['authors'][number]['role'] })),
    language: (a.language as string | null) ?? 'zh-Hant',
    paragraphs: String(a.body ?? '').split('\n'),
    captions: (a.captions as string[] | null) ?? [],
    tags: (a.tags as string[] | null) ?? [],
    related: [],
    ...(a.credits ? { credits: a.credits as string[] } : {}),
    ...(a.dateline ? { dateline: a.dateline as string } : {}),
  };
}

/**
 * Replaces what stored articles contribute with a fresh extraction (curation changed since they
 * were read), in one transaction: links, duplicates, outlet and story stay as they are.
 */
export async function rewriteExtractions(executor: Executor, items: BatchItem[]): Promise<void> {
  await executor.writeTransaction(async (run) => {
    for (const item of items) {
      const extraction = await curated(run, item.article.id, item.extraction);
      const [cleared] = await run(clearArticle(item.article.id, { links: false }));
      await writeContributions(run, item.article, extraction, cleared);
    }
  });
}

/**
 * Writes one article and its extraction in one transaction: all of it lands, or nothing.
 * Idempotent: what an earlier version contributed is replaced, never added to.
 */
export function writeArticle(executor: Executor, article: Article, extraction: Extraction, options: WriteOptions = {}): Promise<WriteResult> {
  return executor.writeTransaction((run) => withChanges(run, (changes) => writeWithin(run, article, extraction, options, changes)));
}

export interface BatchItem {
  article: Article;
  extraction: Extraction;
}

export type BatchResult = WriteResult | { id: string; error: Error };

/**
 * Writes several articles in one transaction, which saves a commit per article. If the batch
 * fails, each article is written again in a transaction of its own, so one bad article never
 * takes others down and nothing of it is half-written.
 */
export async function writeArticles(executor: Executor, items: BatchItem[], options: WriteOptions = {}): Promise<BatchResult[]> {
  if (items.length === 1) return [await writeArticle(executor, items[0].article, items[0].extraction, options)];
  try {
    return await executor.writeTransaction((run) =>
      withChanges(run, async (changes) => {
        const out: WriteResult[] = [];
        for (const item of items) out.push(await writeWithin(run, item.article, item.extraction, options, changes));
        return out;
      }),
    );
  } catch {
    const out: BatchResult[] = [];
    for (const item of items) {
      try {
        out.push(await writeArticle(executor, item.article, item.extraction, options));
      } catch (err) {
        if ((err as { code?: string }).code === 'UNAVAILABLE') throw err;
        out.push({ id: item.article.id, error: err instanceof Error ? err : new Error(String(err)) });
      }
    }
    return out;
  }
}

export interface DeleteResult {
  id: string;
  /** The story the article was in: recomputed, or deleted when it was its last article. */
  story?: { storyId: string; deleted: boolean };
}

/**
 * Deletes an article with its mentions and relation evidence; entities left with no mention and
 * no relation go too, and its story is recomputed. Returns null when there was no such article.
 */
export async function deleteArticle(executor: Executor, id: string): Promise<DeleteResult | null> {
  return executor.writeTransaction(async (run) => {
    const exists = await run({ cypher: 'MATCH (a:Article {id: $id}) WHERE coalesce(a.stub, false) = false RETURN a.id AS id', params: { id } });
    if (!exists.length) return null;
    const story = await leaveStory(run, id);
    const [cleared] = await run(clearArticle(id));
    await run({
      cypher: `
        MATCH (a:Article {id: $id})
        OPTIONAL MATCH (src:Article)-[:LINKS_TO]->(a)
        WITH a, count(src) AS linked
        // a story other articles link to stays as a stub, so their links keep pointing somewhere
        FOREACH (_ IN CASE WHEN linked > 0 THEN [1] ELSE [] END |
          SET a.stub = true REMOVE a.body, a.lead, a.bodyHash, a.authors, a.authorRoles, a.tags, a.captions)
        WITH a, linked WHERE linked = 0
        DETACH DELETE a`,
      params: { id },
    });
    const ids = (cleared?.entityIds as string[] | undefined) ?? [];
    if (ids.length) await run(dropOrphans(ids));
    await run(recordChanges([{ kind: 'deleted', articleId: id, story: story ?? null }]));
    return { id, ...(story ? { story } : {}) };
  });
}
