import { int } from 'neo4j-driver';
import type { KnownName } from '../domain/types';
import type { Executor, Query } from './executor';

/** How many forms a snapshot holds at most: the most mentioned entities first. */
export const KNOWN_NAMES_LIMIT = 200_000;

/**
 * The names the graph knows, for extraction: aliases of people, organizations, places and
 * countries that are specific enough to resolve on sight — Chinese forms of three characters
 * or more, Latin forms of two words or more — and that belong to one entity only. Editors'
 * aliases (addAlias) and the Latin spelling of a bracketed pair ("Lin Hung-yu (林泓育)") arrive
 * this way.
 */
export function knownNamesQuery(limit = KNOWN_NAMES_LIMIT): Query {
  return {
    cypher: `
      MATCH (e:Entity) WHERE e.type IN ['person', 'organization', 'place', 'country']
      WITH e, COUNT { (e)<-[:MENTIONS]-(:Article) } AS mentions
      ORDER BY mentions DESC, e.id
      LIMIT $entities
      UNWIND [e.name] + coalesce(e.aliases, []) + coalesce([e.nameEn], []) AS surface
      WITH e, trim(surface) AS surface, trim(surface) IN coalesce(e.curatedAliases, []) AS curated
      WHERE (surface =~ '.*[\\\\x{3400}-\\\\x{9fff}].*' AND size(surface) >= CASE WHEN curated THEN 2 ELSE 3 END)
         OR (surface =~ '[A-Za-z][^\\\\x{3400}-\\\\x{9fff}]*' AND (curated OR size(split(surface, ' ')) >= 2))
      WITH surface, collect(DISTINCT e) AS owners
      WHERE size(owners) = 1
      WITH surface, owners[0] AS e
      RETURN surface, e.id AS id, e.type AS type, e.name AS name
      LIMIT $forms`,
    params: { entities: int(Math.ceil(limit / 2)), forms: int(limit) },
  };
}

export async function knownNames(executor: Executor, limit = KNOWN_NAMES_LIMIT): Promise<KnownName[]> {
  const rows = await executor.read(knownNamesQuery(limit));
  return rows.map((r) => ({ surface: String(r.surface), id: String(r.id), type: r.type as KnownName['type'], name: String(r.name) }));
}
