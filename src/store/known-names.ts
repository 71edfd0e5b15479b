import { int } from 'neo4j-driver';
import type { CurationRules, KnownName, KnownNames } from '../domain/types';
import type { Executor, Query } from './executor';

/** How many forms a snapshot holds at most: the most mentioned entities first. */
export const KNOWN_NAMES_LIMIT = 200_000;

/**
 * The names the graph knows, for extraction: editors' aliases (addAlias), and Latin spellings
 * of two words or more that the graph learnt (the Latin half of a bracketed pair seen once,
 * "Kuo Ming-hsien (郭明賢)"), each belonging to one entity only, or to the one entity an editor
 * gave it to. Chinese forms that extraction itself produced are left out: its recognizers find
 * them again, and a form such as 林部長 (a surname with a title) would hide the title from the
 * relation pass. Topics come in with their editors' aliases only.
 */
export function knownNamesQuery(limit = KNOWN_NAMES_LIMIT): Query {
  return {
    cypher: `
      MATCH (e:Entity) WHERE e.type IN ['person', 'organization', 'place', 'country'] OR size(coalesce(e.curatedAliases, [])) > 0
      WITH e, COUNT { (e)<-[:MENTIONS]-(:Article) } AS mentions
      ORDER BY mentions DESC, e.id
      LIMIT $entities
      UNWIND [e.name] + coalesce(e.aliases, []) + coalesce([e.nameEn], []) AS surface
      WITH e, trim(surface) AS surface, trim(surface) IN coalesce(e.curatedAliases, []) AS curated
      WHERE curated OR (e.type <> 'topic' AND surface =~ '[A-Za-z][^\\\\x{3400}-\\\\x{9fff}]*' AND size(split(surface, ' ')) >= 2)
      WITH surface, collect(DISTINCT e) AS owners, collect(DISTINCT CASE WHEN curated THEN e END) AS editors
      WHERE size(owners) = 1 OR size(editors) = 1
      WITH surface, CASE WHEN size(editors) = 1 THEN editors[0] ELSE owners[0] END AS e, size(editors) = 1 AS curated
      RETURN surface, e.id AS id, e.type AS type, e.name AS name, curated
      LIMIT $forms`,
    params: { entities: int(Math.ceil(limit / 2)), forms: int(limit) },
  };
}

/** The editors' rules extraction obeys: blocked forms per type, and deleted ids. */
export const curationRulesQuery = (): Query => ({
  cypher: `
    CALL () { MATCH (b:BlockedForm) RETURN collect({ surface: b.surface, type: b.type }) AS blocked }
    CALL () { MATCH (d:DeletedEntity) RETURN collect(d.id) AS deleted }
    RETURN blocked, deleted`,
  params: {},
});

export async function knownNames(executor: Executor, limit = KNOWN_NAMES_LIMIT): Promise<KnownNames> {
  const rows = await executor.read(knownNamesQuery(limit));
  const [rules] = await executor.read(curationRulesQuery());
  const names: KnownName[] = rows.map((r) => ({
    surface: String(r.surface),
    id: String(r.id),
    type: r.type as KnownName['type'],
    name: String(r.name),
    ...(r.curated ? { curated: true } : {}),
  }));
  return Object.assign(names, {
    rules: { blocked: (rules?.blocked ?? []) as CurationRules['blocked'], deleted: (rules?.deleted ?? []) as string[] },
  });
}
