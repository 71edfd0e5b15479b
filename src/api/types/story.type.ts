import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { ArticleRecord, EntityRecord, EvidenceRecord, StoryRecord } from '../../store/records';
import { Article, Evidence, RelationTypeEnum } from './article.type';
import { PageInfo } from './connection.type';
import { Entity } from './entity.type';
import { pageItemsCost } from '../limits';

export enum StoryOrderEnum {
  LATEST = 'LATEST',
  SIZE = 'SIZE',
  TRENDING = 'TRENDING',
}
registerEnumType(StoryOrderEnum, {
  name: 'StoryOrder',
  description: 'LATEST: most recently seen first. SIZE: most articles first. TRENDING: fastest rise in the period against the one before.',
});

export enum StoryTimelineByEnum {
  OUTLET = 'OUTLET',
  LANGUAGE = 'LANGUAGE',
}
registerEnumType(StoryTimelineByEnum, {
  name: 'TimelineSplit',
  description: 'Split a timeline into one series per outlet or per language.',
});

export enum PeriodEnum {
  LAST_24_HOURS = 'LAST_24_HOURS',
  LAST_7_DAYS = 'LAST_7_DAYS',
  LAST_30_DAYS = 'LAST_30_DAYS',
}
registerEnumType(PeriodEnum, {
  name: 'Period',
  description: 'A period counted back from `relativeTo` (days are whole calendar days, UTC).',
});

export enum RelativeToEnum {
  NEWEST_ARTICLE = 'NEWEST_ARTICLE',
  NOW = 'NOW',
}
registerEnumType(RelativeToEnum, {
  name: 'RelativeTo',
  description:
    'NEWEST_ARTICLE (default): periods end at the newest article in the graph, so an archive still has a "last 7 days". NOW: the server clock.',
});

@ObjectType({ description: 'One event as reported across outlets and languages: the articles that cover it.' })
export class Story {
  @Field(() => ID, { description: 'Stable id: it stays when the story grows; ids merged into it keep answering story(id).' })
  id!: string;

  @Field({ description: 'Headline of its earliest article (Traditional Chinese preferred).' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Headline of its earliest English article, when it has one.' })
  titleEn!: string | null;

  @Field(() => String, { nullable: true, description: 'Publication date of its earliest article.' })
  firstSeen!: string | null;

  @Field(() => String, { nullable: true, description: 'Publication date of its latest article.' })
  lastSeen!: string | null;

  @Field(() => Int, { description: 'Articles, near-duplicate copies counted once.' })
  articleCount!: number;

  @Field(() => Int, { description: 'Near-duplicate copies (DUPLICATE_OF) in the story, not counted in articleCount.' })
  copies!: number;

  @Field(() => [String], { description: 'Languages of its articles (zh-Hant, zh-Hans, en, ...).' })
  languages!: string[];

  @Field(() => [String], { description: 'Outlets of its articles.' })
  outlets!: string[];
}

@ObjectType({ description: 'A story in a page of results.' })
export class StoryEdge {
  @Field({ description: 'Opaque cursor of this item.' })
  cursor!: string;

  @Field(() => Story, { description: 'The story.' })
  node!: StoryRecord;
}

@ObjectType({ description: 'A page of stories.' })
export class StoryConnection {
  @Field(() => [StoryEdge], { complexity: pageItemsCost, description: 'The stories of this page with their cursors.' })
  edges!: StoryEdge[];

  @Field(() => [Story], { complexity: pageItemsCost, description: 'The stories of this page (shortcut for edges.node).' })
  nodes!: StoryRecord[];

  @Field(() => PageInfo, { description: 'Where this page stands.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Number of stories over all pages.' })
  totalCount!: number;
}

@ObjectType({ description: 'Another story linked to this one, with what explains the link.' })
export class StoryLink {
  @Field(() => Story, { description: 'The linked story.' })
  story!: StoryRecord;

  @Field(() => [Entity], { description: 'The rare entities both stories share.' })
  shared!: EntityRecord[];

  @Field(() => [String], { description: 'For FOLLOWS: the two headlines that tie the stories together.' })
  evidence!: string[];

  @Field(() => Float, {
    description: 'Strength of the link (FOLLOWS: article similarity 0..1; related: shared entities weighted by rarity).',
  })
  score!: number;
}

@ObjectType({ description: 'An entity central to a story.' })
export class KeyEntity {
  @Field(() => Entity, { description: 'The entity.' })
  entity!: EntityRecord;

  @Field(() => Float, { description: "Its salience added up over the story's articles." })
  salience!: number;

  @Field(() => Int, { description: 'Articles of the story that mention it.' })
  articles!: number;
}

@ObjectType({ description: 'Articles of a story in one time bucket (and one outlet or language when split).' })
export class StoryTimelinePoint {
  @Field({ description: 'First day of the bucket (YYYY-MM-DD).' })
  bucket!: string;

  @Field(() => String, { nullable: true, description: 'The outlet or language of this series; null when not split.' })
  key!: string | null;

  @Field(() => Int, { description: 'Articles in the bucket, copies counted once.' })
  articles!: number;
}

@ObjectType({ description: 'A story whose coverage rose against the preceding period.' })
export class TrendingStory {
  @Field(() => Story, { description: 'The story.' })
  story!: StoryRecord;

  @Field(() => Int, { description: 'Its articles in the period asked about.' })
  current!: number;

  @Field(() => Int, { description: 'Its articles in the period of equal length just before.' })
  previous!: number;

  @Field(() => Float, { description: 'Rise score: (current - previous) / sqrt(previous + 1).' })
  score!: number;
}

@ObjectType({ description: 'A relation with its history: when it was first and last stated, and by which articles.' })
export class RelationHistory {
  @Field(() => RelationTypeEnum, { description: 'What kind of relation.' })
  type!: RelationTypeEnum;

  @Field(() => Entity, { description: 'Where it starts.' })
  from!: EntityRecord;

  @Field(() => Entity, { description: 'Where it ends.' })
  to!: EntityRecord;

  @Field(() => String, { nullable: true, description: 'For HOLDS_ROLE: the title as written.' })
  title!: string | null;

  @Field(() => Float, { description: 'Highest confidence over its evidence, 0..1.' })
  confidence!: number;

  @Field(() => String, { nullable: true, description: 'Publication date of the first article that states it.' })
  firstStated!: string | null;

  @Field(() => String, { nullable: true, description: 'Publication date of the latest article that states it.' })
  lastStated!: string | null;

  @Field(() => [Evidence], { description: 'Every sentence that states it, oldest first.' })
  evidence!: EvidenceRecord[];

  articleIds!: string[];
}

@ObjectType({ description: 'A page of relations with their history.' })
export class RelationHistoryConnection {
  @Field(() => [RelationHistory], { complexity: pageItemsCost, description: 'The relations of this page.' })
  nodes!: RelationHistory[];

  @Field(() => PageInfo, { description: 'Where this page stands.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Number of relations over all pages.' })
  totalCount!: number;
}

export enum StoryChangeEnum {
  CREATED = 'CREATED',
  JOINED = 'JOINED',
  MERGED = 'MERGED',
  UPDATED = 'UPDATED',
  ARTICLE_REMOVED = 'ARTICLE_REMOVED',
  DELETED = 'DELETED',
}
registerEnumType(StoryChangeEnum, {
  name: 'StoryChange',
  description:
    'CREATED: a new story. JOINED: an article joined it. MERGED: a bridging article merged other stories into it. UPDATED: an article in it changed. ARTICLE_REMOVED: an article left it (update or delete). DELETED: its last article went.',
});

@ObjectType({ description: 'An article was ingested (new or changed).' })
export class ArticleIngestedEvent {
  @Field(() => Article, { nullable: true, description: 'The article as stored.' })
  article!: ArticleRecord | null;

  @Field({ description: 'new or updated.' })
  status!: string;

  @Field(() => Story, { nullable: true, description: 'The story it is in.' })
  story!: StoryRecord | null;

  articleId!: string;
  storyId!: string | null;
}

@ObjectType({ description: 'A story changed.' })
export class StoryUpdatedEvent {
  @Field(() => ID, { description: 'The story the event is about (for MERGED: also sent for each merged-away id).' })
  storyId!: string;

  @Field(() => StoryChangeEnum, { description: 'What happened.' })
  change!: StoryChangeEnum;

  @Field(() => Story, { nullable: true, description: 'The story now (for MERGED: the story it went into; null when DELETED).' })
  story!: StoryRecord | null;

  @Field(() => Article, { nullable: true, description: 'The article that caused the change.' })
  article!: ArticleRecord | null;

  @Field(() => [ID], { description: 'Stories merged into this one by this change.' })
  mergedIds!: string[];

  articleId!: string | null;
  currentId!: string | null;
}

@ObjectType({ description: 'An article mentioning an entity was ingested.' })
export class EntityMentionedEvent {
  @Field(() => Entity, { nullable: true, description: 'The entity.' })
  entity!: EntityRecord | null;

  @Field(() => Article, { nullable: true, description: 'The article that mentions it.' })
  article!: ArticleRecord | null;

  @Field(() => Float, { description: 'How central the entity is to the article, 0..1.' })
  salience!: number;

  entityId!: string;
  articleId!: string;
}
