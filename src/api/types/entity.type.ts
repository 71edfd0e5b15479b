import { Field, ID, Int, InterfaceType, ObjectType, registerEnumType } from 'type-graphql';
import { ENTITY_TYPES, ORGANIZATION_KINDS, type EntityType, type OrganizationKind } from '../../domain/vocabulary';
import { ENTITY_LABELS } from '../../store/labels';
import type { EntityRecord } from '../../store/records';
import { enumFrom } from './enum-from';

export const EntityTypeEnum = enumFrom(ENTITY_TYPES);
export type EntityTypeEnum = EntityType;
registerEnumType(EntityTypeEnum, { name: 'EntityType', description: 'The kinds of things NewsGraph extracts from articles.' });

export const OrganizationKindEnum = enumFrom(ORGANIZATION_KINDS);
export type OrganizationKindEnum = OrganizationKind;
registerEnumType(OrganizationKindEnum, { name: 'OrganizationKind', description: 'What sort of organization this is.' });

@InterfaceType('Entity', {
  description: 'A person, organization, country, place or topic: one node per real-world thing.',
  resolveType: (value: EntityRecord) => ENTITY_LABELS[value.type] ?? 'Topic',
})
export abstract class Entity {
  @Field(() => ID, { description: 'Stable id, e.g. "country:TW", "org:外交部", "person:林佳龍".' })
  id!: string;

  @Field({ description: 'Canonical name, in the language of the article that first mentioned it.' })
  name!: string;

  @Field(() => EntityTypeEnum, { description: 'Which kind of entity this is.' })
  type!: EntityTypeEnum;

  @Field(() => [String], { description: 'Every surface form seen for this entity (scripts, languages, short forms).' })
  aliases!: string[];

  @Field(() => String, { nullable: true, description: 'English name, where known.' })
  nameEn!: string | null;

  @Field(() => Int, { description: 'Number of articles that mention this entity.' })
  mentionCount!: number;
}

@ObjectType({ implements: Entity, description: 'A person named in the news.' })
export class Person extends Entity {}

@ObjectType({
  implements: Entity,
  description: 'A government body, legislature, committee, party, company, media outlet or other organization.',
})
export class Organization extends Entity {
  @Field(() => OrganizationKindEnum, { nullable: true, description: 'What sort of organization this is.' })
  kind!: OrganizationKindEnum | null;
}

@ObjectType({ implements: Entity, description: 'A sovereign state or territory.' })
export class Country extends Entity {
  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 code.' })
  iso2!: string | null;
}

@ObjectType({ implements: Entity, description: 'A city, county, district, region, sea, island or facility.' })
export class Place extends Entity {}

@ObjectType({ implements: Entity, description: 'A theme of the news, part of a taxonomy (e.g. rare earths under critical minerals).' })
export class Topic extends Entity {}
