import type { EntityType, RelationType } from '../domain/types';

/**
 * Labels and relationship types come from these fixed maps, never from user input: Cypher cannot
 * take them as parameters, so this is the only place where they are spelled.
 */
export const ENTITY_LABELS: Record<EntityType, string> = {
  person: 'Person',
  organization: 'Organization',
  country: 'Country',
  place: 'Place',
  topic: 'Topic',
};

export const RELATION_LABELS: Record<RelationType, string> = {
  HOLDS_ROLE: 'HOLDS_ROLE',
  MEMBER_OF: 'MEMBER_OF',
  REPORTS_TO: 'REPORTS_TO',
  PART_OF: 'PART_OF',
  COOPERATES_WITH: 'COOPERATES_WITH',
  LOCATED_IN: 'LOCATED_IN',
};

/** The relationship types of these relation types, or of every relation type when none is named. */
export const relationLabels = (types?: readonly RelationType[]): string[] =>
  (types?.length ? types : (Object.keys(RELATION_LABELS) as RelationType[])).map((t) => RELATION_LABELS[t]);
