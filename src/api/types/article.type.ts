import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AUTHOR_ROLES, RELATION_TYPES, type AuthorRole, type RelationType } from '../../domain/vocabulary';
import type { EntityRecord } from '../../store/records';
import { enumFrom } from './enum-from';
import { Entity } from './entity.type';

export const AuthorRoleEnum = enumFrom(AUTHOR_ROLES);
export type AuthorRoleEnum = AuthorRole;
registerEnumType(AuthorRoleEnum, { name: 'AuthorRole', description: 'What an author did for the article.' });

export const RelationTypeEnum = enumFrom(RELATION_TYPES);
export type RelationTypeEnum = RelationType;
registerEnumType(RelationTypeEnum, {
  name: 'RelationType',
  description: 'The controlled vocabulary of relations between entities.',
  valuesConfig: {
    HOLDS_ROLE: { description: 'A person holds a title at an organization (or for a country or city).' },
    MEMBER_OF: { description: 'A person belongs to a party, team or committee.' },
    REPORTS_TO: { description: 'A person or body reports to a committee or legislature.' },
    PART_OF: { description: 'A committee of a legislature, a ministry of a government.' },
    COOPERATES_WITH: { description: 'Two parties that the text says work together.' },
    LOCATED_IN: { description: 'A place inside another place or country.' },
  },
});

export enum DirectionEnum {
  OUT = 'OUT',
  IN = 'IN',
  BOTH = 'BOTH',
}
registerEnumType(DirectionEnum, { name: 'Direction', description: 'Which way relations point from the entity asked about.' });

@ObjectType({ description: 'A reporter, photographer or editor credited on an article.' })
export class Author {
  @Field({ description: 'The name as credited.' })
  name!: string;

  @Field(() => AuthorRoleEnum, { description: 'What they did.' })
  role!: AuthorRoleEnum;
}

@ObjectType({ description: 'A news article.' })
export class Article {
  @Field(() => ID, { description: 'Stable id, derived from the canonical URL or from outlet + title + body.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'Canonical URL, when known.' })
  url!: string | null;

  @Field({ description: 'Headline.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Outlet, e.g. 聯合報.' })
  source!: string | null;

  @Field(() => [Author], { description: 'Reporters and photographers credited in the byline.' })
  authors!: Author[];

  @Field(() => String, { nullable: true, description: 'Publication date (ISO 8601).' })
  publishedAt!: string | null;

  @Field(() => String, { nullable: true, description: 'Language: zh-Hant, zh-Hans or en (others as given).' })
  language!: string | null;

  @Field(() => String, { nullable: true, description: 'First paragraph of the body.' })
  lead!: string | null;

  // body: ArticleResolver.body (list rows leave it out)

  @Field(() => [String], { description: "The outlet's own tags." })
  tags!: string[];
}

@ObjectType({ description: 'How an article mentions an entity.' })
export class Mention {
  @Field(() => Entity, { description: 'The entity mentioned.' })
  entity!: EntityRecord;

  @Field(() => Int, { description: 'How many times the article mentions it.' })
  count!: number;

  @Field(() => Float, { description: 'How central the entity is to the article, 0..1.' })
  salience!: number;

  @Field({ description: 'Whether the headline mentions it.' })
  inHeadline!: boolean;

  @Field(() => Int, { description: 'Offset (in characters) of the first mention in headline + body.' })
  firstOffset!: number;
}

@ObjectType({ description: 'The sentence that shows a relation, and the article it comes from.' })
export class Evidence {
  @Field({ description: 'The sentence, verbatim.' })
  sentence!: string;

  @Field(() => Float, { description: 'Confidence of the extraction from this sentence, 0..1.' })
  confidence!: number;

  articleId!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'For a relation an editor added (addRelation): the name of the key that added it; the sentence is their note.',
  })
  editor?: string | null;
}

@ObjectType({ description: 'A typed relation between two entities, with the sentences that show it.' })
export class Relation {
  @Field(() => RelationTypeEnum, { description: 'What kind of relation.' })
  type!: RelationTypeEnum;

  @Field(() => Entity, { description: 'Where the relation starts (e.g. the person holding a role).' })
  from!: EntityRecord;

  @Field(() => Entity, { description: 'Where it ends (e.g. the organization).' })
  to!: EntityRecord;

  @Field(() => String, { nullable: true, description: 'For HOLDS_ROLE: the title as written, e.g. 外交部長.' })
  title!: string | null;

  @Field(() => Float, { description: 'Highest confidence over its evidence, 0..1.' })
  confidence!: number;

  // evidence(first) is a field resolver (RelationResolver); the store gives its first sentences
  evidence!: Evidence[];

  @Field(() => Int, { description: 'How many sentences show it in all, one per article (evidence lists the first of them).' })
  evidenceCount!: number;
}
