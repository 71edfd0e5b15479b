/**
 * The controlled vocabularies, each written once. The unions in types.ts, the label maps in
 * store/labels.ts, the GraphQL enums in api/types and the CLI's text derive from these arrays;
 * test/unit/domain/vocabulary.test.ts checks the DDL (schema/neo4j.cypher) against them.
 */

export const ENTITY_TYPES = ['person', 'organization', 'country', 'place', 'topic'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const ORGANIZATION_KINDS = [
  'government',
  'legislature',
  'committee',
  'party',
  'company',
  'media',
  'international',
  'sports',
  'other',
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const AUTHOR_ROLES = ['reporter', 'photographer', 'editor', 'author'] as const;
export type AuthorRole = (typeof AUTHOR_ROLES)[number];

export const RELATION_TYPES = ['HOLDS_ROLE', 'MEMBER_OF', 'REPORTS_TO', 'PART_OF', 'COOPERATES_WITH', 'LOCATED_IN'] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

/** Narrows a string to a member of a vocabulary. */
export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}
