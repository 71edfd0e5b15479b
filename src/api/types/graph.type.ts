import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { ArticleRecord, EntityRecord } from '../../store/records';
import { Article, Evidence, RelationTypeEnum } from './article.type';
import { Entity } from './entity.type';

@ObjectType({ description: 'An edge of a subgraph: every relation of one type (and title) between two entities.' })
export class GraphEdge {
  @Field(() => ID, { description: 'Id of the entity the edge starts from.' })
  from!: string;

  @Field(() => ID, { description: 'Id of the entity the edge points to.' })
  to!: string;

  @Field(() => RelationTypeEnum, { description: 'Relation type.' })
  type!: RelationTypeEnum;

  @Field(() => String, { nullable: true, description: 'For HOLDS_ROLE: the title.' })
  title!: string | null;

  @Field(() => Int, { description: 'How many articles state it.' })
  weight!: number;

  @Field(() => Float, { description: 'Highest confidence over its evidence.' })
  confidence!: number;

  @Field(() => [Evidence], { description: 'The sentences that show it.' })
  evidence!: Evidence[];
}

@ObjectType({ description: 'A subgraph ready to draw: entities as nodes, relations as edges.' })
export class Subgraph {
  @Field(() => [Entity], { description: 'The entities; the first is the one asked about.' })
  nodes!: EntityRecord[];

  @Field(() => [GraphEdge], { description: 'Relations among these entities.' })
  edges!: GraphEdge[];
}

@ObjectType({ description: 'One way two entities connect.' })
export class Path {
  @Field(() => Int, { description: 'Number of hops.' })
  length!: number;

  @Field(() => [Entity], { description: 'The entities along the path, from the start to the end.' })
  nodes!: EntityRecord[];

  @Field(() => [GraphEdge], { description: 'The relations along the path, each with its evidence.' })
  edges!: GraphEdge[];
}

@ObjectType({ description: 'An entity mentioned in the same articles as another.' })
export class Cooccurrence {
  @Field(() => Entity, { description: 'The co-mentioned entity.' })
  entity!: EntityRecord;

  @Field(() => Int, { description: 'Articles that mention both.' })
  count!: number;

  @Field(() => Int, { description: 'Articles that mention this entity at all (in the period).' })
  entityArticles!: number;

  @Field(() => Float, { description: 'Pointwise mutual information, log(P(both) / (P(a) P(b))).' })
  pmi!: number;

  @Field(() => Float, { description: 'PMI normalised to -1..1.' })
  npmi!: number;

  @Field(() => Float, { description: 'Ranking score: NPMI weighted by log(1 + count).' })
  strength!: number;
}

export enum IntervalEnum {
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
}
registerEnumType(IntervalEnum, { name: 'Interval', description: 'Bucket size of a timeline (weeks start on Monday).' });

@ObjectType({ description: 'Mentions of an entity in one time bucket.' })
export class TimelinePoint {
  @Field({ description: 'First day of the bucket (YYYY-MM-DD).' })
  bucket!: string;

  @Field(() => Int, { description: 'Articles in the bucket that mention the entity.' })
  articles!: number;

  @Field(() => Int, { description: 'Mentions in those articles, added up.' })
  mentions!: number;
}

@ObjectType({ description: 'Mention counts of one entity over time, one point per bucket (empty buckets included).' })
export class TimelineSeries {
  @Field(() => String, { nullable: true, description: 'With `by`: the outlet or language of this series; null otherwise.' })
  key!: string | null;

  @Field(() => Entity, { description: 'The entity.' })
  entity!: EntityRecord;

  @Field(() => [TimelinePoint], { description: 'One point per bucket, oldest first.' })
  points!: TimelinePoint[];
}

@ObjectType({ description: 'An entity whose coverage rose against the preceding period.' })
export class TrendingEntity {
  @Field(() => Entity, { description: 'The entity.' })
  entity!: EntityRecord;

  @Field(() => Int, { description: 'Articles mentioning it in the period asked about.' })
  current!: number;

  @Field(() => Int, { description: 'Articles mentioning it in the period of equal length just before.' })
  previous!: number;

  @Field(() => Float, { description: 'Rise score: (current - previous) / sqrt(previous + 1).' })
  score!: number;
}

export enum LinkKindEnum {
  LINKS_TO = 'LINKS_TO',
  DUPLICATE_OF = 'DUPLICATE_OF',
  SHARED_ENTITIES = 'SHARED_ENTITIES',
}
registerEnumType(LinkKindEnum, { name: 'LinkKind', description: 'Why two articles are related.' });

@ObjectType({ description: 'An article related to another, with what explains the link.' })
export class RelatedArticle {
  @Field(() => Article, { description: 'The related article (a stub with only title and url for teasers not yet ingested).' })
  article!: ArticleRecord;

  @Field(() => LinkKindEnum, { description: 'An explicit link (teaser, duplicate) or shared entities.' })
  link!: LinkKindEnum;

  @Field(() => Float, { description: 'Ranking score: explicit links first, then shared entities weighted by rarity.' })
  score!: number;

  @Field(() => [Entity], { description: 'The entities both articles mention.' })
  shared!: EntityRecord[];
}

@ObjectType({ description: 'A count for one type.' })
export class TypeCount {
  @Field({ description: 'Entity or relation type.' })
  type!: string;

  @Field(() => Int, { description: 'How many.' })
  count!: number;
}

@ObjectType({ description: 'What the graph holds.' })
export class Stats {
  @Field(() => Int, { description: 'Articles (not counting stubs of linked stories not yet ingested).' })
  articles!: number;

  @Field(() => [TypeCount], { description: 'Entities by type.' })
  entities!: TypeCount[];

  @Field(() => [TypeCount], { description: 'Relationships by type.' })
  relations!: TypeCount[];

  @Field(() => String, { nullable: true, description: 'Earliest publication date.' })
  firstPublished!: string | null;

  @Field(() => String, { nullable: true, description: 'Latest publication date.' })
  lastPublished!: string | null;
}
