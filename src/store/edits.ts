import { int } from 'neo4j-driver';
import { NewsGraphError } from '../domain/errors';
import type { Executor, Query, ReadStore, Row } from './executor';
import { MENTION_LISTS, recountEntities } from './entity-counts';
import { ENTITY_LABELS, RELATION_LABELS } from './labels';
import { refreshEntities, refreshPairs } from './relation-summaries';

/**
 * The audit trail of curation: every editor's change is an (:Edit) holding what the part of
 * the graph it touched looked like before and after, so that it can be listed and undone.
 *
 * A change names its footprint: entities (captured with their properties, or fully with their
 * mentions and edges), relation pairs (the edges of one type from one entity to another) and
 * rule nodes (redirects, deletions, blocked forms, rejections). Undo writes the "before" back,
 * but only over the articles the change itself concerned, so that what ingestion added since
 * (mentions from newer articles) stays where it is.
 */

export type Run = (q: Query) => Promise<Row[]>;

/** Nodes that hold the editors' rules, by label; their `id` property is their key. */
export const RULE_LABELS = ['Redirect', 'ArticleRedirect', 'DeletedEntity', 'BlockedForm', 'RejectedRelation'] as const;
export type RuleLabel = (typeof RULE_LABELS)[number];

/** Edge types between entities that a full capture holds (and undo may recreate). */
const ENTITY_EDGE_TYPES = [...Object.values(RELATION_LABELS), 'CO_OCCURS', 'SUBTOPIC_OF'];

export interface PairKey {
  type: string;
  from: string;
  to: string;
}

export interface Footprint {
  /** Entities whose properties (and labels) a change sets. */
  props?: string[];
  /** Entities a change moves mentions or edges of, or creates, or deletes. */
  full?: string[];
  pairs?: PairKey[];
  rules?: { label: RuleLabel; id: string }[];
}

interface Edge {
  type: string;
  other: string;
  props: Record<string, unknown>;
}

interface EntityState {
  props: Record<string, unknown>;
  mentions?: { article: string; props: Record<string, unknown> }[];
  credits?: string[];
  out?: Edge[];
  in?: Edge[];
}

export interface Snapshot {
  entities: Record<string, EntityState | null>;
  pairs: { key: PairKey; edges: Record<string, unknown>[] }[];
  rules: { label: RuleLabel; id: string; props: Record<string, unknown> | null }[];
}

const captureProps = (ids: string[]): Query => ({
  cypher: 'UNWIND $ids AS id OPTIONAL MATCH (e:Entity {id: id}) RETURN id, properties(e) AS props',
  params: { ids },
});

const captureFull = (ids: string[]): Query => ({
  cypher: `
    UNWIND $ids AS id
    OPTIONAL MATCH (e:Entity {id: id})
    CALL (e) { MATCH (a:Article)-[m:MENTIONS]->(e) RETURN collect({ article: a.id, props: properties(m) }) AS mentions }
    CALL (e) { MATCH (a:Article)-[:CREDITS]->(e) RETURN collect(a.id) AS credits }
    CALL (e) { MATCH (e)-[r]->(o:Entity) WHERE type(r) IN $types RETURN collect({ type: type(r), other: o.id, props: properties(r) }) AS out }
    CALL (e) { MATCH (e)<-[r]-(o:Entity) WHERE type(r) IN $types RETURN collect({ type: type(r), other: o.id, props: properties(r) }) AS in }
    RETURN id, properties(e) AS props, mentions, credits, out, in`,
  params: { ids, types: ENTITY_EDGE_TYPES },
});

const capturePairs = (pairs: PairKey[]): Query => ({
  cypher: `
    UNWIND range(0, size($pairs) - 1) AS i
    WITH i, $pairs[i] AS p
    CALL (p) {
      OPTIONAL MATCH (:Entity {id: p.from})-[r]->(:Entity {id: p.to}) WHERE type(r) = p.type
      RETURN collect(properties(r)) AS edges
    }
    RETURN i, edges ORDER BY i`,
  params: { pairs },
});

const captureRules = (rules: { label: RuleLabel; id: string }[]): Query => ({
  cypher: `
    UNWIND range(0, size($rules) - 1) AS i
    WITH i, $rules[i] AS k
    OPTIONAL MATCH (n {id: k.id}) WHERE k.label IN labels(n)
    RETURN i, properties(n) AS props ORDER BY i`,
  params: { rules },
});

/** What the footprint of a change looks like now. */
export async function capture(run: Run, footprint: Footprint): Promise<Snapshot> {
  const snapshot: Snapshot = { entities: {}, pairs: [], rules: [] };
  const full = [...new Set(footprint.full ?? [])];
  const props = [...new Set(footprint.props ?? [])].filter((id) => !full.includes(id));
  if (props.length) {
    for (const r of await run(captureProps(props)))
      snapshot.entities[r.id as string] = r.props ? { props: r.props as Record<string, unknown> } : null;
  }
  if (full.length) {
    for (const r of await run(captureFull(full))) {
      snapshot.entities[r.id as string] = r.props
        ? {
            props: r.props as Record<string, unknown>,
            mentions: r.mentions as EntityState['mentions'],
            credits: r.credits as string[],
            out: r.out as Edge[],
            in: r.in as Edge[],
          }
        : null;
    }
  }
  if (footprint.pairs?.length) {
    const rows = await run(capturePairs(footprint.pairs));
    snapshot.pairs = footprint.pairs.map((key, i) => ({ key, edges: (rows[i]?.edges as Record<string, unknown>[]) ?? [] }));
  }
  if (footprint.rules?.length) {
    const rows = await run(captureRules(footprint.rules));
    snapshot.rules = footprint.rules.map((k, i) => ({ ...k, props: (rows[i]?.props as Record<string, unknown> | null) ?? null }));
  }
  return snapshot;
}

/** Tokens that say which later changes depend on an earlier one (see dependsOn). */
export function footprintTokens(f: Footprint): string[] {
  const t = new Set<string>();
  for (const id of [...(f.props ?? []), ...(f.full ?? [])]) t.add(`e:${id}`);
  for (const p of f.pairs ?? []) {
    t.add(`p:${p.type}|${p.from}|${p.to}`);
    t.add(`pe:${p.from}`);
    t.add(`pe:${p.to}`);
  }
  for (const r of f.rules ?? []) t.add(`r:${r.label}|${r.id}`);
  return [...t];
}

/** A later change depends on an earlier one when they touch the same entity, pair or rule. */
export function dependsOn(later: string[], earlier: string[]): boolean {
  const mine = new Set(earlier);
  return later.some((t) => {
    if (mine.has(t)) return !t.startsWith('pe:');
    // an entity captured whole holds the edges of its pairs, and the other way round
    if (t.startsWith('e:')) return mine.has(`pe:${t.slice(2)}`);
    if (t.startsWith('pe:')) return mine.has(`e:${t.slice(3)}`);
    return false;
  });
}

export interface EditInput {
  actor: string;
  action: string;
  /** One line an editor reads in the trail, e.g. `removeAlias person:X "Y"`. */
  summary: string;
  args: Record<string, unknown>;
  footprint: Footprint;
  before: Snapshot;
  after: Snapshot;
  undoes?: string;
}

export interface EditRecord {
  id: string;
  seq: number;
  at: string;
  actor: string;
  action: string;
  summary: string;
  args: string;
  before: string;
  after: string;
  entityIds: string[];
  undoneBy: string | null;
  undoes: string | null;
}

const EDIT_PROJECTION = (v: string): string =>
  `${v} { .id, .seq, at: toString(${v}.at), .actor, .action, .summary, .args, .before, .after, entityIds: coalesce(${v}.entityIds, []),
     undoneBy: ${v}.undoneBy, undoes: ${v}.undoes }`;

/** Records a change; the counter node orders edits strictly, also within one millisecond. */
export async function recordEdit(run: Run, input: EditInput): Promise<EditRecord> {
  const entityIds = [
    ...new Set([
      ...(input.footprint.props ?? []),
      ...(input.footprint.full ?? []),
      ...(input.footprint.pairs ?? []).flatMap((p) => [p.from, p.to]),
    ]),
  ];
  const [row] = await run({
    cypher: `
      MERGE (c:EditCounter {id: 'edits'})
      SET c.seq = coalesce(c.seq, 0) + 1
      CREATE (e:Edit {id: 'edit:' + toString(c.seq), seq: c.seq, at: datetime(), actor: $actor, action: $action, summary: $summary,
                      args: $args, before: $before, after: $after, footprint: $footprint, tokens: $tokens, entityIds: $entityIds})
      SET e.undoes = $undoes
      RETURN ${EDIT_PROJECTION('e')} AS edit`,
    params: {
      actor: input.actor,
      action: input.action,
      summary: input.summary,
      args: JSON.stringify(input.args),
      before: JSON.stringify(input.before),
      after: JSON.stringify(input.after),
      footprint: JSON.stringify(input.footprint),
      tokens: footprintTokens(input.footprint),
      entityIds,
      undoes: input.undoes ?? null,
    },
  });
  return row.edit as EditRecord;
}

/** The relation summaries over a change's footprint, from the evidence edges it left (relation-summaries.ts). */
async function refreshSummaries(run: Run, footprint: Footprint): Promise<void> {
  for (const q of refreshEntities(footprint.full ?? [])) await run(q);
  const full = new Set(footprint.full ?? []);
  const pairs = (footprint.pairs ?? []).filter((p) => !full.has(p.from) && !full.has(p.to));
  for (const q of refreshPairs(pairs)) await run(q);
}

/**
 * Runs one curation change in one transaction: captures its footprint, applies it, captures
 * again and records the edit. `apply` returns what the caller answers with; the footprint may
 * grow once the change knows more (the redirects a merge re-points).
 */
export async function editInTransaction<T>(
  executor: Executor,
  options: { actor: string; action: string; summary: string; args: Record<string, unknown> },
  plan: (run: Run) => Promise<Footprint>,
  apply: (run: Run) => Promise<T>,
): Promise<{ result: T; edit: EditRecord }> {
  return executor.writeTransaction(async (run) => {
    const footprint = await plan(run);
    const before = await capture(run, footprint);
    const result = await apply(run);
    await refreshSummaries(run, footprint);
    const after = await capture(run, footprint);
    const edit = await recordEdit(run, { ...options, footprint, before, after });
    return { result, edit };
  });
}

export interface EditFilter {
  action?: string;
  actor?: string;
  entityId?: string;
  /** Only edits not undone (and not undos themselves). */
  activeOnly?: boolean;
}

/** Edits newest first, with cursor paging over their sequence numbers. */
export function editsPage(options: { filter: EditFilter; skip: number; limit: number }): Query {
  return {
    cypher: `
      MATCH (e:Edit)
      WHERE ($action IS NULL OR e.action = $action) AND ($actor IS NULL OR e.actor = $actor)
        AND ($entityId IS NULL OR $entityId IN e.entityIds)
        AND (NOT $activeOnly OR (e.undoneBy IS NULL AND e.undoes IS NULL))
      WITH e ORDER BY e.seq DESC
      WITH collect(e) AS listed
      RETURN size(listed) AS totalCount, [e IN listed[$skip..($skip + $limit)] | ${EDIT_PROJECTION('e')}] AS items`,
    params: {
      action: options.filter.action ?? null,
      actor: options.filter.actor ?? null,
      entityId: options.filter.entityId ?? null,
      activeOnly: options.filter.activeOnly ?? false,
      skip: int(options.skip),
      limit: int(options.limit),
    },
  };
}

export async function listEdits(
  store: ReadStore,
  options: { filter: EditFilter; skip: number; limit: number },
): Promise<{ items: EditRecord[]; totalCount: number }> {
  const [row] = await store.read(editsPage(options));
  return { items: (row?.items as EditRecord[]) ?? [], totalCount: (row?.totalCount as number) ?? 0 };
}

export async function editById(store: ReadStore, id: string): Promise<EditRecord | null> {
  const [row] = await store.read<{ edit: EditRecord }>({
    cypher: `MATCH (e:Edit {id: $id}) RETURN ${EDIT_PROJECTION('e')} AS edit`,
    params: { id },
  });
  return row?.edit ?? null;
}

/** The articles a snapshot speaks of: undo rewrites edges from these only. */
function scopeOf(...snapshots: Snapshot[]): string[] {
  const ids = new Set<string>();
  for (const s of snapshots) {
    for (const e of Object.values(s.entities)) {
      for (const m of e?.mentions ?? []) ids.add(m.article);
      for (const c of e?.credits ?? []) ids.add(c);
      for (const r of [...(e?.out ?? []), ...(e?.in ?? [])]) if (typeof r.props.articleId === 'string') ids.add(r.props.articleId);
    }
    for (const p of s.pairs) for (const r of p.edges) if (typeof r.articleId === 'string') ids.add(r.articleId);
  }
  return [...ids];
}

const labelCases = (v: string): string =>
  Object.entries(ENTITY_LABELS)
    .map(([type, label]) => `FOREACH (_ IN CASE WHEN ${v}.type = '${type}' THEN [1] ELSE [] END | SET ${v}:${label})`)
    .join('\n    ');

const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Derived from the aliases and the English name (the full-text index reads it): recomputed, never restored. */
const DERIVED = new Set(['aliasText']);

/**
 * The properties an undo writes: what the edit changed goes back to how it was before it, and
 * everything else stays as it is now, so that what ingestion did since the edit survives the
 * undo (an alias a later article brought, a name it filled in). A list property is undone by
 * its elements: those the edit added go, those it removed come back, others stay where they are.
 */
export function undoProps(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  now: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...now };
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (DERIVED.has(key)) continue;
    const was = before[key];
    const became = after[key];
    if (sameValue(was, became)) continue;
    if ((Array.isArray(was) || was == null) && (Array.isArray(became) || became == null) && (Array.isArray(was) || Array.isArray(became))) {
      const wasList = (was as unknown[] | null) ?? [];
      const becameList = (became as unknown[] | null) ?? [];
      const added = becameList.filter((x) => !wasList.some((y) => sameValue(x, y)));
      const removed = wasList.filter((x) => !becameList.some((y) => sameValue(x, y)));
      const current = Array.isArray(now[key]) ? (now[key] as unknown[]) : [];
      const kept = current.filter((x) => !added.some((y) => sameValue(x, y)));
      const list = [...kept, ...removed.filter((x) => !kept.some((y) => sameValue(x, y)))];
      if (list.length || was != null) out[key] = list;
      else delete out[key];
      continue;
    }
    if (was == null) delete out[key];
    else out[key] = was;
  }
  if (Array.isArray(out.aliases)) {
    out.aliasText = (out.aliases as string[]).reduce((t, s) => `${t} ${s}`, '') + (typeof out.nameEn === 'string' ? ` ${out.nameEn}` : '');
  }
  return out;
}

/** Sets an entity's properties and labels as they were; creates the node when it was gone. */
const restoreProps = (id: string, props: Record<string, unknown>): Query => ({
  cypher: `
    MERGE (e:Entity {id: $id})
    SET e = $props
    REMOVE e:${Object.values(ENTITY_LABELS).join(':')}
    WITH e
    ${labelCases('e')}`,
  params: { id, props },
});

const clearEdges = (id: string, scope: string[]): Query => ({
  cypher: `
    MATCH (e:Entity {id: $id})
    CALL (e) { MATCH (a:Article)-[m:MENTIONS|CREDITS]->(e) WHERE a.id IN $scope DELETE m REMOVE ${MENTION_LISTS('a')} }
    CALL (e) { MATCH (e)-[r]-(:Entity) WHERE type(r) IN $types AND (r.articleId IS NULL OR r.articleId IN $scope) DELETE r }`,
  params: { id, scope, types: ENTITY_EDGE_TYPES },
});

const restoreMentions = (id: string, state: EntityState): Query => ({
  cypher: `
    MATCH (e:Entity {id: $id})
    CALL (e) { UNWIND $mentions AS m MATCH (a:Article {id: m.article}) WHERE a.id IN $scope CREATE (a)-[r:MENTIONS]->(e) SET r = m.props REMOVE ${MENTION_LISTS('a')} }
    CALL (e) { UNWIND $credits AS c MATCH (a:Article {id: c}) WHERE a.id IN $scope MERGE (a)-[:CREDITS]->(e) }`,
  params: { id, mentions: state.mentions ?? [], credits: state.credits ?? [] },
});

/** One statement per edge type, since types come from a fixed list, never from stored text. */
const restoreEdges = (id: string, type: string, out: Edge[], incoming: Edge[]): Query => ({
  cypher: `
    MATCH (e:Entity {id: $id})
    CALL (e) { UNWIND $out AS x MATCH (o:Entity {id: x.other}) CREATE (e)-[r:${type}]->(o) SET r = x.props }
    CALL (e) { UNWIND $in AS x MATCH (o:Entity {id: x.other}) CREATE (o)-[r:${type}]->(e) SET r = x.props }`,
  params: { id, out, in: incoming },
});

/** A stored snapshot names its edge type and rule label as text: they reach Cypher only as the fixed list's own value. */
function fixedEdgeType(type: string): string {
  const fixed = ENTITY_EDGE_TYPES.find((t) => t === type);
  if (!fixed) throw new Error(`unknown relationship type in an edit snapshot: ${type}`);
  return fixed;
}

const restorePair = (key: PairKey, edges: Record<string, unknown>[], scope: string[]): Query => {
  const type = fixedEdgeType(key.type);
  return {
    cypher: `
      MATCH (x:Entity {id: $from}), (y:Entity {id: $to})
      CALL (x, y) { MATCH (x)-[r:${type}]->(y) WHERE r.articleId IS NULL OR r.articleId IN $scope DELETE r }
      CALL (x, y) { UNWIND $edges AS p CREATE (x)-[r:${type}]->(y) SET r = p }`,
    params: { from: key.from, to: key.to, edges, scope },
  };
};

const restoreRule = (label: RuleLabel, id: string, props: Record<string, unknown> | null): Query => {
  const fixed = RULE_LABELS.find((l) => l === label);
  if (!fixed) throw new Error(`unknown rule label in an edit snapshot: ${label}`);
  return props
    ? { cypher: `MERGE (n:${fixed} {id: $id}) SET n = $props`, params: { id, props } }
    : { cypher: `MATCH (n:${fixed} {id: $id}) DELETE n`, params: { id } };
};

/**
 * Writes a snapshot back over the graph (see the header: edges of other articles stay). An
 * entity that exists now, and did after the edit, gets back only the properties the edit
 * changed (undoProps); one the edit deleted comes back whole.
 */
async function restore(run: Run, target: Snapshot, other: Snapshot, now: Snapshot): Promise<void> {
  const scope = scopeOf(target, other);
  const withScope = (q: Query): Query => ({ cypher: q.cypher, params: { ...q.params, scope } });
  // entities whose edges the snapshot holds: an edge between two of them is written once, from its start
  const withEdges = new Set(
    Object.entries(target.entities)
      .filter(([, state]) => state?.mentions)
      .map(([id]) => id),
  );
  for (const [id, state] of Object.entries(target.entities)) {
    if (!state) {
      await run({ cypher: 'MATCH (e:Entity {id: $id}) DETACH DELETE e', params: { id } });
      continue;
    }
    const changed = other.entities[id];
    const current = now.entities[id];
    await run(restoreProps(id, changed && current ? undoProps(state.props, changed.props, current.props) : state.props));
    if (!state.mentions) continue;
    await run(withScope(clearEdges(id, scope)));
  }
  // edges once every node is back, so that edges between two restored entities find both
  for (const [id, state] of Object.entries(target.entities)) {
    if (!state?.mentions) continue;
    await run(withScope(restoreMentions(id, state)));
    const inScope = (e: Edge) => typeof e.props.articleId !== 'string' || scope.includes(e.props.articleId);
    for (const type of ENTITY_EDGE_TYPES) {
      const out = (state.out ?? []).filter((e) => e.type === type && inScope(e));
      const incoming = (state.in ?? []).filter((e) => e.type === type && inScope(e) && !withEdges.has(e.other));
      if (out.length || incoming.length) await run(restoreEdges(id, type, out, incoming));
    }
  }
  for (const p of target.pairs) {
    if (!ENTITY_EDGE_TYPES.includes(p.key.type)) continue;
    await run(
      withScope(
        restorePair(
          p.key,
          p.edges.filter((e) => typeof e.articleId !== 'string' || scope.includes(e.articleId)),
          scope,
        ),
      ),
    );
  }
  for (const r of target.rules) if (RULE_LABELS.includes(r.label)) await run(restoreRule(r.label, r.id, r.props));
  // the restored properties hold the counts of the snapshot's time: count again
  await run(recountEntities(Object.keys(target.entities)));
}

const conflict = (message: string, details: Record<string, unknown>): NewsGraphError =>
  new NewsGraphError('CONFLICT', message, { details });

/**
 * Undoes an edit: the graph over its footprint goes back to how it was before it, and the undo
 * is an edit of its own (undoing that redoes). Refused when a later edit that is still in force
 * touched the same entities, pairs or rules: undo that one first.
 */
export async function undoEdit(executor: Executor, id: string, actor: string): Promise<EditRecord> {
  return executor.writeTransaction(async (run) => {
    const [row] = await run({
      cypher:
        'MATCH (e:Edit {id: $id}) RETURN e.seq AS seq, e.tokens AS tokens, e.footprint AS footprint, e.before AS before, e.after AS after, e.undoneBy AS undoneBy, e.action AS action',
      params: { id },
    });
    if (!row) throw new NewsGraphError('NOT_FOUND', `Edit "${id}" not found.`);
    if (row.undoneBy)
      throw conflict(`Edit "${id}" was already undone by ${row.undoneBy}.`, { reason: 'ALREADY_UNDONE', undoneBy: row.undoneBy });
    if (!row.footprint)
      throw conflict(`Edit "${id}" (${row.action}) cannot be undone: it re-read articles rather than changing the graph by hand.`, {
        reason: 'NOT_UNDOABLE',
      });
    const later = await run({
      cypher: `
        MATCH (e:Edit) WHERE e.seq > $seq AND e.undoneBy IS NULL AND e.footprint IS NOT NULL
        OPTIONAL MATCH (t:Edit {id: e.undoes})
        // an undo in force cancels the edit it undid: neither holds anything up any more
        WITH e WHERE NOT (t IS NOT NULL AND t.undoes IS NULL)
        RETURN e.id AS id, e.tokens AS tokens, e.summary AS summary ORDER BY e.seq`,
      params: { seq: row.seq },
    });
    const blocking = later.filter((l) => dependsOn(l.tokens as string[], row.tokens as string[]));
    if (blocking.length) {
      throw conflict(
        `Edit "${id}" cannot be undone: later edits changed the same entities or relations (${blocking.map((b) => `${b.id}: ${b.summary}`).join('; ')}); undo them first.`,
        { reason: 'LATER_EDITS', dependents: blocking.map((b) => b.id) },
      );
    }
    const footprint = JSON.parse(row.footprint as string) as Footprint;
    const before = JSON.parse(row.before as string) as Snapshot;
    const after = JSON.parse(row.after as string) as Snapshot;
    const now = await capture(run, footprint);
    await restore(run, before, after, now);
    await refreshSummaries(run, footprint);
    const restored = await capture(run, footprint);
    const [original] = await run({ cypher: 'MATCH (e:Edit {id: $id}) RETURN e.summary AS summary', params: { id } });
    const edit = await recordEdit(run, {
      actor,
      action: 'undoEdit',
      summary: `undo ${id}: ${original.summary}`,
      args: { id },
      footprint,
      before: now,
      after: restored,
      undoes: id,
    });
    await run({ cypher: 'MATCH (e:Edit {id: $id}) SET e.undoneBy = $by', params: { id, by: edit.id } });
    return edit;
  });
}
