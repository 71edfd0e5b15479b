import { NewsGraphError } from '../domain/errors';
import type { EntityType, RelationType } from '../domain/types';
import type { Executor, Query } from './executor';
import { MENTION_LISTS, recountEntities } from './entity-counts';
import { addAliasQuery, mergeWithin } from './entity-writes';
import { editInTransaction, type EditRecord, type PairKey, type Run } from './edits';
import { ENTITY_LABELS, RELATION_LABELS } from './labels';
import { ENTITY_PROJECTION } from './projections';
import type { EntityRecord } from './records';

/**
 * An editor's corrections, each one transaction that records an (:Edit) with the graph as it
 * was before and after (edits.ts). What they leave behind ingestion obeys: removed aliases stay
 * removed (article-writes.ts), a deleted id is never recreated, a rejected relation is never
 * written again, a blocked form and a curated alias reach extraction in the known-names snapshot.
 */

export interface Curated<T> {
  result: T;
  edit: EditRecord;
}

const conflict = (message: string, details: Record<string, unknown>): NewsGraphError =>
  new NewsGraphError('CONFLICT', message, { details });
const notFound = (what: string): NewsGraphError => new NewsGraphError('NOT_FOUND', `${what} not found.`);
const badInput = (message: string): NewsGraphError => new NewsGraphError('BAD_USER_INPUT', message);

/** An editor's display name outranks every article's spelling (article-writes.ts, namePriority). */
export const CURATED_NAME_PRIORITY = 100;

const ALIAS_TEXT = (v: string): string =>
  `${v}.aliasText = reduce(t = '', s IN ${v}.aliases | t + ' ' + s) + coalesce(' ' + ${v}.nameEn, '')`;

async function entityOf(run: Run, id: string): Promise<EntityRecord> {
  const [row] = await run({ cypher: `MATCH (e:Entity {id: $id}) RETURN ${ENTITY_PROJECTION('e')} AS entity`, params: { id } });
  if (!row) throw notFound(`Entity "${id}"`);
  return row.entity as EntityRecord;
}

/** A Lucene phrase for a form: quotes and backslashes escaped, everything else literal inside the quotes. */
export const phraseOf = (form: string): string => `"${form.replace(/[\\"]/g, (c) => `\\${c}`)}"`;

/**
 * Entities other than `id` that already answer to a form: by name, English name or alias, case
 * aside. The full-text index `entity_forms` finds the entities whose names hold the form's words
 * (or characters) in order, and the exact comparison keeps those that answer to it; no scan of
 * the entities. A form with no letter or digit (punctuation alone) has no words to look up and
 * is held by nobody.
 */
export const holdersOf = (id: string, alias: string): Query => ({
  cypher: `
    CALL db.index.fulltext.queryNodes('entity_forms', $phrase) YIELD node AS o
    WITH o WHERE o.id <> $id
      AND (toLower(o.name) = $lower OR toLower(coalesce(o.nameEn, '')) = $lower OR any(a IN coalesce(o.aliases, []) WHERE toLower(a) = $lower))
    RETURN o.id AS id, o.name AS name, any(a IN coalesce(o.curatedAliases, []) WHERE toLower(a) = $lower) AS curated
    ORDER BY id LIMIT 20`,
  params: { id, lower: alias.toLowerCase(), phrase: `name:${phraseOf(alias)} OR aliasText:${phraseOf(alias)}` },
});

export interface Who {
  actor: string;
}

/**
 * An alias another entity already answers to is refused unless forced (TSMC on a minister);
 * forced, the form becomes this entity's alone among editors' aliases.
 */
export async function curateAddAlias(
  executor: Executor,
  input: { id: string; alias: string; force?: boolean } & Who,
): Promise<Curated<EntityRecord>> {
  let holders: { id: string; curated: boolean }[] = [];
  const { result, edit } = await editInTransaction(
    executor,
    {
      actor: input.actor,
      action: 'addAlias',
      summary: `addAlias ${input.id} "${input.alias}"${input.force ? ' (forced)' : ''}`,
      args: { id: input.id, alias: input.alias, force: !!input.force },
    },
    async (run) => {
      await entityOf(run, input.id);
      holders = (await run(holdersOf(input.id, input.alias))).map((r) => ({ id: r.id as string, curated: r.curated as boolean }));
      if (holders.length && !input.force) {
        throw conflict(`"${input.alias}" already names ${holders.map((h) => h.id).join(', ')}; pass force: true to add it anyway.`, {
          reason: 'ALIAS_TAKEN',
          heldBy: holders.map((h) => h.id),
        });
      }
      return { props: [input.id, ...holders.filter((h) => h.curated).map((h) => h.id)] };
    },
    async (run) => {
      const [row] = await run(addAliasQuery(input.id, input.alias));
      const others = holders.filter((h) => h.curated).map((h) => h.id);
      if (others.length) {
        await run({
          cypher: `UNWIND $ids AS oid MATCH (o:Entity {id: oid}) SET o.curatedAliases = [s IN o.curatedAliases WHERE toLower(s) <> $lower]`,
          params: { ids: others, lower: input.alias.toLowerCase() },
        });
      }
      return row.entity as EntityRecord;
    },
  );
  return { result, edit };
}

/** The alias goes, and stays gone: ingestion no longer adds it back (removedAliases). */
export function curateRemoveAlias(executor: Executor, input: { id: string; alias: string } & Who): Promise<Curated<EntityRecord>> {
  return editInTransaction(
    executor,
    {
      actor: input.actor,
      action: 'removeAlias',
      summary: `removeAlias ${input.id} "${input.alias}"`,
      args: { id: input.id, alias: input.alias },
    },
    async (run) => {
      const e = await entityOf(run, input.id);
      if (e.name === input.alias) throw badInput(`"${input.alias}" is the display name of ${input.id}; rename it first (renameEntity).`);
      if (!e.aliases.includes(input.alias) && e.nameEn !== input.alias) throw notFound(`Alias "${input.alias}" of ${input.id}`);
      return { props: [input.id] };
    },
    async (run) => {
      const [row] = await run({
        cypher: `
          MATCH (e:Entity {id: $id})
          SET e.aliases = [s IN coalesce(e.aliases, []) WHERE s <> $alias],
              e.curatedAliases = [s IN coalesce(e.curatedAliases, []) WHERE s <> $alias],
              e.removedAliases = [s IN coalesce(e.removedAliases, []) WHERE s <> $alias] + $alias,
              e.nameEn = CASE WHEN e.nameEn = $alias THEN null ELSE e.nameEn END
          SET ${ALIAS_TEXT('e')}
          RETURN ${ENTITY_PROJECTION('e')} AS entity`,
        params: { id: input.id, alias: input.alias },
      });
      return row.entity as EntityRecord;
    },
  );
}

/**
 * The display name in one language: English sets `nameEn`, Chinese the main `name`, which no
 * article's spelling replaces afterwards. The old name stays an alias, so search still finds it.
 */
export function curateRenameEntity(
  executor: Executor,
  input: { id: string; name: string; language: 'en' | 'zh' } & Who,
): Promise<Curated<EntityRecord>> {
  return editInTransaction(
    executor,
    {
      actor: input.actor,
      action: 'renameEntity',
      summary: `renameEntity ${input.id} ${input.language} "${input.name}"`,
      args: { id: input.id, name: input.name, language: input.language },
    },
    async (run) => {
      await entityOf(run, input.id);
      return { props: [input.id] };
    },
    async (run) => {
      const [row] = await run({
        cypher: `
          MATCH (e:Entity {id: $id})
          WITH e, CASE WHEN $language = 'en' THEN e.nameEn ELSE e.name END AS old
          SET e.name = CASE WHEN $language = 'en' THEN e.name ELSE $name END,
              e.nameEn = CASE WHEN $language = 'en' THEN $name ELSE e.nameEn END,
              e.namePriority = CASE WHEN $language = 'en' THEN e.namePriority ELSE $priority END,
              e.aliases = reduce(acc = coalesce(e.aliases, []), s IN [old, $name] | CASE WHEN s IS NULL OR s IN acc THEN acc ELSE acc + s END),
              e.removedAliases = [s IN coalesce(e.removedAliases, []) WHERE s <> $name]
          SET ${ALIAS_TEXT('e')}
          RETURN ${ENTITY_PROJECTION('e')} AS entity`,
        params: { id: input.id, name: input.name, language: input.language, priority: CURATED_NAME_PRIORITY },
      });
      return row.entity as EntityRecord;
    },
  );
}

/**
 * A topic that is really an organization: type and label change, the id stays (links keep
 * working) and ingestion never changes a stored type. Leaving the topics drops it from the tree.
 */
export function curateSetEntityType(executor: Executor, input: { id: string; type: EntityType } & Who): Promise<Curated<EntityRecord>> {
  return editInTransaction(
    executor,
    {
      actor: input.actor,
      action: 'setEntityType',
      summary: `setEntityType ${input.id} ${input.type}`,
      args: { id: input.id, type: input.type },
    },
    async (run) => {
      const e = await entityOf(run, input.id);
      if (e.type === input.type) throw badInput(`${input.id} is a ${input.type} already.`);
      return { full: [input.id] };
    },
    async (run) => {
      const [row] = await run({
        cypher: `
          MATCH (e:Entity {id: $id})
          OPTIONAL MATCH (e)-[t:SUBTOPIC_OF]-()
          DELETE t
          WITH DISTINCT e
          SET e.type = $type
          REMOVE e:${Object.values(ENTITY_LABELS).join(':')}
          WITH e
          ${Object.entries(ENTITY_LABELS)
            .map(([type, label]) => `FOREACH (_ IN CASE WHEN $type = '${type}' THEN [1] ELSE [] END | SET e:${label})`)
            .join('\n          ')}
          RETURN ${ENTITY_PROJECTION('e')} AS entity`,
        params: { id: input.id, type: input.type },
      });
      return row.entity as EntityRecord;
    },
  );
}

/** Mentions and relations go with the entity; the id is remembered so that extraction never recreates it. */
export function curateDeleteEntity(executor: Executor, input: { id: string } & Who): Promise<Curated<EntityRecord>> {
  return editInTransaction(
    executor,
    { actor: input.actor, action: 'deleteEntity', summary: `deleteEntity ${input.id}`, args: { id: input.id } },
    async (run) => {
      await entityOf(run, input.id);
      return { full: [input.id], rules: [{ label: 'DeletedEntity', id: input.id }] };
    },
    async (run) => {
      const entity = await entityOf(run, input.id);
      await run({
        cypher: `
          MATCH (e:Entity {id: $id})
          MERGE (d:DeletedEntity {id: $id}) SET d.name = e.name, d.type = e.type, d.at = toString(datetime())
          WITH e DETACH DELETE e`,
        params: { id: input.id },
      });
      // its per-day counts (entity-counts.ts) go with it
      await run(recountEntities([input.id]));
      return entity;
    },
  );
}

/** Prefix of an id ("person:", "org:"), so that a split-off entity looks like its kind. */
const idPrefix = (id: string): string => (id.includes(':') ? id.slice(0, id.indexOf(':') + 1) : '');

/**
 * Two people with one name: the mentions (and the relations stated) in the chosen articles move
 * to a new entity, and re-ingesting those articles keeps them there (an ArticleRedirect per article).
 */
export function curateSplitEntity(
  executor: Executor,
  input: { id: string; articleIds: string[]; name: string; newId?: string } & Who,
): Promise<Curated<EntityRecord>> {
  const newId = input.newId ?? `${idPrefix(input.id)}${input.name}`;
  const articleIds = [...new Set(input.articleIds)];
  return editInTransaction(
    executor,
    {
      actor: input.actor,
      action: 'splitEntity',
      summary: `splitEntity ${input.id} -> ${newId} (${articleIds.length} articles)`,
      args: { id: input.id, articleIds, name: input.name, newId },
    },
    async (run) => {
      await entityOf(run, input.id);
      if (newId === input.id) throw badInput('The new entity needs an id of its own: pass a different name or newId.');
      const [taken] = await run({
        cypher:
          'OPTIONAL MATCH (e:Entity {id: $newId}) OPTIONAL MATCH (r:Redirect {id: $newId}) OPTIONAL MATCH (d:DeletedEntity {id: $newId}) RETURN e IS NOT NULL OR r IS NOT NULL OR d IS NOT NULL AS taken',
        params: { newId },
      });
      if (taken.taken)
        throw conflict(`The id "${newId}" is taken (an entity, a merged id or a deleted one); pass another newId.`, {
          reason: 'ID_TAKEN',
          id: newId,
        });
      const rows = await run({
        cypher:
          'UNWIND $articleIds AS aid OPTIONAL MATCH (a:Article {id: aid})-[:MENTIONS|CREDITS]->(:Entity {id: $id}) RETURN aid, a IS NOT NULL AS mentions',
        params: { id: input.id, articleIds },
      });
      const missing = rows.filter((r) => !r.mentions).map((r) => r.aid as string);
      if (missing.length) throw badInput(`These articles do not mention ${input.id}: ${missing.join(', ')}.`);
      return { full: [input.id, newId], rules: articleIds.map((a) => ({ label: 'ArticleRedirect' as const, id: `${a}|${input.id}` })) };
    },
    async (run) => {
      const params = { id: input.id, newId, name: input.name, articleIds };
      await run({
        cypher: `
          MATCH (s:Entity {id: $id})
          CREATE (n:Entity {id: $newId}) SET n.type = s.type, n.name = $name, n.aliases = [$name], n.namePriority = ${CURATED_NAME_PRIORITY}, n.createdAt = toString(datetime())
          SET ${ALIAS_TEXT('n')}
          WITH s, n
          ${Object.entries(ENTITY_LABELS)
            .map(([type, label]) => `FOREACH (_ IN CASE WHEN s.type = '${type}' THEN [1] ELSE [] END | SET n:${label})`)
            .join('\n          ')}
          WITH s, n
          CALL (s, n) {
            MATCH (a:Article)-[m:MENTIONS]->(s) WHERE a.id IN $articleIds
            CREATE (a)-[m2:MENTIONS]->(n) SET m2 = properties(m) DELETE m
            // the lists kept beside the edges no longer match them: story assignment reads the edges
            REMOVE ${MENTION_LISTS('a')}
          }
          CALL (s, n) {
            MATCH (a:Article)-[c:CREDITS]->(s) WHERE a.id IN $articleIds
            CREATE (a)-[:CREDITS]->(n) DELETE c
          }
          FOREACH (aid IN $articleIds | MERGE (r:ArticleRedirect {id: aid + '|' + $id}) SET r.target = $newId)
          RETURN 1 AS ok`,
        params,
      });
      for (const type of [...Object.values(RELATION_LABELS), 'CO_OCCURS']) {
        await run({
          cypher: `
            MATCH (s:Entity {id: $id}), (n:Entity {id: $newId})
            CALL (s, n) { MATCH (s)-[r:${type}]->(x) WHERE r.articleId IN $articleIds CREATE (n)-[r2:${type}]->(x) SET r2 = properties(r) DELETE r }
            CALL (s, n) { MATCH (x)-[r:${type}]->(s) WHERE r.articleId IN $articleIds CREATE (x)-[r2:${type}]->(n) SET r2 = properties(r) DELETE r }`,
          params,
        });
      }
      await run(recountEntities([input.id, newId]));
      return entityOf(run, newId);
    },
  );
}

/**
 * Merging a topic into a person is almost always a slip: different types are refused unless
 * forced. With keepAliases false the merged names (junk) do not become aliases of the kept entity.
 */
export function curateMergeEntities(
  executor: Executor,
  input: { keepId: string; mergeId: string; force?: boolean; keepAliases?: boolean } & Who,
): Promise<Curated<EntityRecord>> {
  return editInTransaction(
    executor,
    {
      actor: input.actor,
      action: 'mergeEntities',
      summary: `mergeEntities ${input.mergeId} -> ${input.keepId}`,
      args: { keepId: input.keepId, mergeId: input.mergeId, force: !!input.force, keepAliases: input.keepAliases ?? true },
    },
    async (run) => {
      if (input.keepId === input.mergeId) throw badInput('"keepId" and "mergeId" must differ.');
      const keep = await entityOf(run, input.keepId);
      const merge = await entityOf(run, input.mergeId);
      if (keep.type !== merge.type && !input.force) {
        throw conflict(
          `The types differ (${input.mergeId}: ${merge.type}, ${input.keepId}: ${keep.type}); pass force: true to merge them anyway.`,
          {
            reason: 'TYPE_MISMATCH',
            types: [keep.type, merge.type],
          },
        );
      }
      const pointing = await run({ cypher: 'MATCH (r:Redirect {target: $mergeId}) RETURN r.id AS id', params: { mergeId: input.mergeId } });
      return {
        full: [input.keepId, input.mergeId],
        rules: [{ label: 'Redirect', id: input.mergeId }, ...pointing.map((r) => ({ label: 'Redirect' as const, id: r.id as string }))],
      };
    },
    async (run) => {
      const kept = (await mergeWithin(run, input.keepId, input.mergeId, { keepAliases: input.keepAliases ?? true }))!;
      for (const type of Object.values(RELATION_LABELS)) await run(dropNewlyRejected(type, input.keepId));
      return kept;
    },
  );
}

/**
 * A rejection names the ids of its time (see writeRelations in article-writes.ts). Once a merge
 * redirects one of them to the kept entity, the rejection covers the kept entity's edges too:
 * those that articles stated go now, as re-reading the articles would drop them (the editors'
 * own relations stay).
 */
const dropNewlyRejected = (type: string, keepId: string): Query => ({
  cypher: `
    MATCH (rd:Redirect {target: $keepId})
    MATCH (j:RejectedRelation) WHERE (j.from = rd.id OR j.to = rd.id) AND j.type = $type
    WITH DISTINCT j
    OPTIONAL MATCH (rf:Redirect {id: j.from})
    OPTIONAL MATCH (rt:Redirect {id: j.to})
    MATCH (:Entity {id: coalesce(rf.target, j.from)})-[r:${type}]->(:Entity {id: coalesce(rt.target, j.to)})
    WHERE r.editor IS NULL AND (j.articleId = '*' OR r.articleId = j.articleId) AND (j.title IS NULL OR r.title = j.title)
    DELETE r`,
  params: { keepId, type },
});

/** Keyed by type, ends and article (or `*`), and by the title when only the relation under one title is wrong. */
export const rejectionId = (key: PairKey, articleId: string | null, title: string | null = null): string =>
  `${key.type}|${key.from}|${key.to}|${articleId ?? '*'}${title ? `|${title}` : ''}`;

export interface RelationInput {
  type: RelationType;
  from: string;
  to: string;
}

async function pairEnds(run: Run, from: string, to: string): Promise<void> {
  await entityOf(run, from);
  await entityOf(run, to);
  if (from === to) throw badInput('A relation joins two different entities.');
}

/**
 * This relation between these entities is wrong, as stated in one article or anywhere, under
 * any title or (with `title`) under that one only (a chair who is not the committee's
 * convener): its edges go, and ingestion never writes it again from that article (or from any).
 */
export function curateRejectRelation(
  executor: Executor,
  input: RelationInput & { articleId?: string | null; title?: string | null } & Who,
): Promise<Curated<number>> {
  const key: PairKey = { type: RELATION_LABELS[input.type], from: input.from, to: input.to };
  const articleId = input.articleId ?? null;
  const title = input.title?.trim() || null;
  return editInTransaction(
    executor,
    {
      actor: input.actor,
      action: 'rejectRelation',
      summary: `rejectRelation ${input.from} ${input.type} ${input.to}${title ? ` as "${title}"` : ''} ${articleId ? `in ${articleId}` : 'everywhere'}`,
      args: { ...input, actor: undefined, articleId, title },
    },
    async (run) => {
      await pairEnds(run, input.from, input.to);
      const [row] = await run({
        cypher: `MATCH (:Entity {id: $from})-[r:${key.type}]->(:Entity {id: $to}) WHERE ($articleId IS NULL OR r.articleId = $articleId) AND ($title IS NULL OR r.title = $title) RETURN count(r) AS n`,
        params: { from: input.from, to: input.to, articleId, title },
      });
      if (!(row.n as number))
        throw notFound(
          `A ${input.type} relation from ${input.from} to ${input.to}${title ? ` titled "${title}"` : ''}${articleId ? ` in article ${articleId}` : ''}`,
        );
      return { pairs: [key], rules: [{ label: 'RejectedRelation', id: rejectionId(key, articleId, title) }] };
    },
    async (run) => {
      const [row] = await run({
        cypher: `
          MERGE (j:RejectedRelation {id: $rid}) SET j.type = $type, j.from = $from, j.to = $to, j.articleId = $articleKey, j.title = $title
          WITH j
          OPTIONAL MATCH (:Entity {id: $from})-[r:${key.type}]->(:Entity {id: $to})
          WHERE ($articleId IS NULL OR r.articleId = $articleId) AND ($title IS NULL OR r.title = $title)
          DELETE r
          RETURN count(r) AS removed`,
        params: {
          rid: rejectionId(key, articleId, title),
          type: key.type,
          from: input.from,
          to: input.to,
          articleId,
          articleKey: articleId ?? '*',
          title,
        },
      });
      return row.removed as number;
    },
  );
}

/** An editor states a relation the extractor missed; the note is its evidence, and re-ingest leaves it alone. */
export function curateAddRelation(
  executor: Executor,
  input: RelationInput & { title?: string | null; note: string } & Who,
): Promise<Curated<number>> {
  const key: PairKey = { type: RELATION_LABELS[input.type], from: input.from, to: input.to };
  return editInTransaction(
    executor,
    {
      actor: input.actor,
      action: 'addRelation',
      summary: `addRelation ${input.from} ${input.type} ${input.to}`,
      args: { ...input, actor: undefined },
    },
    async (run) => {
      await pairEnds(run, input.from, input.to);
      return { pairs: [key] };
    },
    async (run) => {
      await run({
        cypher: `
          MATCH (x:Entity {id: $from}), (y:Entity {id: $to})
          CREATE (x)-[r:${key.type}]->(y)
          SET r.title = $title, r.evidence = $note, r.confidence = 1.0, r.editor = $actor, r.at = toString(datetime())`,
        params: { from: input.from, to: input.to, title: input.title ?? '', note: input.note, actor: input.actor },
      });
      return 1;
    },
  );
}

export const blockedFormId = (type: EntityType, surface: string): string => `${type}|${surface.trim().toLowerCase()}`;

/** A surface form that never names an entity of this type (an adverb is never a topic); extraction obeys it. */
export function curateBlockForm(
  executor: Executor,
  input: { type: EntityType; surface: string; blocked: boolean } & Who,
): Promise<Curated<boolean>> {
  const id = blockedFormId(input.type, input.surface);
  const action = input.blocked ? 'blockSurfaceForm' : 'unblockSurfaceForm';
  return editInTransaction(
    executor,
    {
      actor: input.actor,
      action,
      summary: `${action} ${input.type} "${input.surface}"`,
      args: { type: input.type, surface: input.surface },
    },
    async (run) => {
      const [row] = await run({ cypher: 'OPTIONAL MATCH (b:BlockedForm {id: $id}) RETURN b IS NOT NULL AS exists', params: { id } });
      if (!input.blocked && !row.exists) throw notFound(`Blocked form "${input.surface}" (${input.type})`);
      return { rules: [{ label: 'BlockedForm', id }] };
    },
    async (run) => {
      await run(
        input.blocked
          ? {
              cypher: 'MERGE (b:BlockedForm {id: $id}) SET b.type = $type, b.surface = $surface',
              params: { id, type: input.type, surface: input.surface.trim() },
            }
          : { cypher: 'MATCH (b:BlockedForm {id: $id}) DELETE b', params: { id } },
      );
      return input.blocked;
    },
  );
}

/** The blocked forms, for the API's list. */
export const blockedFormsQuery = (): Query<{ type: EntityType; surface: string }> => ({
  cypher: 'MATCH (b:BlockedForm) RETURN b.type AS type, b.surface AS surface ORDER BY b.type, b.surface',
  params: {},
});

/** Footprint-free record of a re-extraction: listed in the trail, never undone. */
export async function recordReapply(executor: Executor, input: { articles: number; all: boolean } & Who): Promise<void> {
  await executor.writeTransaction(async (run) => {
    await run({
      cypher: `
        MERGE (c:EditCounter {id: 'edits'})
        SET c.seq = coalesce(c.seq, 0) + 1
        CREATE (:Edit {id: 'edit:' + toString(c.seq), seq: c.seq, at: datetime(), actor: $actor, action: 'reapplyCuration', summary: $summary,
                       args: $args, entityIds: []})`,
      params: {
        actor: input.actor,
        summary: `reapplyCuration ${input.all ? 'all' : ''} (${input.articles} articles)`,
        args: JSON.stringify({ all: input.all, articles: input.articles }),
      },
    });
  });
}
