import type { GraphQLResolveInfo } from 'graphql';
import { parseResolveInfo, type ResolveTree } from 'graphql-parse-resolve-info';

/**
 * The arguments of every selection of `field` on `typeName` one level below the field being
 * resolved (aliases and fragments included, variables applied), so that a resolver can ask the
 * store for no more than the query reads: an empty list when the query does not select it.
 */
export function childArgs(info: GraphQLResolveInfo, typeName: string, field: string): Record<string, unknown>[] {
  const tree = parseResolveInfo(info) as ResolveTree | null;
  const fields = tree?.fieldsByTypeName[typeName] ?? {};
  return Object.values(fields)
    .filter((f) => f.name === field)
    .map((f) => f.args);
}
