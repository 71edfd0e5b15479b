import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { ArticleRecord, EntityRecord } from '../../store/records';
import { Article } from './article.type';
import { Entity } from './entity.type';
import { pageItemsCost } from '../limits';

@ObjectType({ description: 'Cursor pagination state.' })
export class PageInfo {
  @Field({ description: 'Whether more items follow this page.' })
  hasNextPage!: boolean;

  @Field({ description: 'Whether items precede this page.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item of this page.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item; pass it as `after` for the next page.' })
  endCursor!: string | null;
}

@ObjectType({ description: 'An article in a page of results.' })
export class ArticleEdge {
  @Field({ description: 'Opaque cursor of this item.' })
  cursor!: string;

  @Field(() => Article, { description: 'The article.' })
  node!: ArticleRecord;
}

@ObjectType({ description: 'A page of articles.' })
export class ArticleConnection {
  @Field(() => [ArticleEdge], { complexity: pageItemsCost, description: 'The articles of this page with their cursors.' })
  edges!: ArticleEdge[];

  @Field(() => [Article], { complexity: pageItemsCost, description: 'The articles of this page (shortcut for edges.node).' })
  nodes!: ArticleRecord[];

  @Field(() => PageInfo, { description: 'Where this page stands.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Number of articles over all pages.' })
  totalCount!: number;
}

@ObjectType({ description: 'An entity in a page of results.' })
export class EntityEdge {
  @Field({ description: 'Opaque cursor of this item.' })
  cursor!: string;

  @Field(() => Entity, { description: 'The entity.' })
  node!: EntityRecord;
}

@ObjectType({ description: 'A page of entities.' })
export class EntityConnection {
  @Field(() => [EntityEdge], { complexity: pageItemsCost, description: 'The entities of this page with their cursors.' })
  edges!: EntityEdge[];

  @Field(() => [Entity], { complexity: pageItemsCost, description: 'The entities of this page (shortcut for edges.node).' })
  nodes!: EntityRecord[];

  @Field(() => PageInfo, { description: 'Where this page stands.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Number of entities over all pages.' })
  totalCount!: number;
}

@ObjectType({ description: 'One full-text search hit: an entity or an article, with its score.' })
export class SearchHit {
  @Field(() => Float, { description: 'Relevance score from the full-text index (higher is better).' })
  score!: number;

  @Field(() => Entity, { nullable: true, description: 'The entity found, when the hit is an entity.' })
  entity!: EntityRecord | null;

  @Field(() => Article, { nullable: true, description: 'The article found, when the hit is an article.' })
  article!: ArticleRecord | null;
}
