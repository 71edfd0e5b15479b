import { Arg, Ctx, Field, FieldResolver, ID, InputType, Resolver, Root, Subscription } from 'type-graphql';
import type { ArticleRecord, EntityRecord, StoryRecord } from '../../store/records';
import { createLoaders, type Context } from '../context';
import { TOPICS, type ArticleIngestedPayload, type EntityMentionedPayload, type StoryUpdatedPayload } from '../events';
import { ArticleIngestedEvent, EntityMentionedEvent, StoryUpdatedEvent } from '../types/story.type';
import { Article } from '../types/article.type';
import { Entity } from '../types/entity.type';
import { Story } from '../types/story.type';

@InputType({ description: 'Which ingested articles (or story changes) to be told about; all given conditions must hold.' })
export class LiveFilter {
  @Field({ nullable: true, description: 'Only articles in this language.' })
  language?: string;

  @Field({ nullable: true, description: 'Only articles from this outlet.' })
  outlet?: string;

  @Field(() => ID, { nullable: true, description: 'Only articles that mention this entity.' })
  entity?: string;
}

type Filterable = { language: string | null; source: string | null; entityIds: string[] };

function matches(payload: Filterable, filter?: LiveFilter | null): boolean {
  if (!filter) return true;
  if (filter.language && payload.language !== filter.language) return false;
  if (filter.outlet && payload.source !== filter.outlet) return false;
  if (filter.entity && !payload.entityIds.includes(filter.entity)) return false;
  return true;
}

/**
 * Each event is resolved with fresh loaders: a subscription's context lives as long as the
 * subscription, and cached stories would go stale between events.
 */
const fresh = (ctx: Context): void => {
  ctx.loaders = createLoaders(ctx.store);
};

@Resolver()
export class SubscriptionResolver {
  @Subscription(() => ArticleIngestedEvent, {
    topics: TOPICS.ARTICLE_INGESTED,
    filter: ({ payload, args }: { payload: ArticleIngestedPayload; args: { filter?: LiveFilter } }) => matches(payload, args.filter),
    description: 'An article was ingested (new or changed), with the story it is in.',
  })
  articleIngested(
    @Root() payload: ArticleIngestedPayload,
    @Ctx() ctx: Context,
    @Arg('filter', () => LiveFilter, { nullable: true }) _filter?: LiveFilter,
  ): ArticleIngestedEvent {
    fresh(ctx);
    return { articleId: payload.articleId, status: payload.status, storyId: payload.storyId, article: null, story: null };
  }

  @Subscription(() => StoryUpdatedEvent, {
    topics: TOPICS.STORY_UPDATED,
    filter: ({ payload, args }: { payload: StoryUpdatedPayload; args: { id?: string; filter?: LiveFilter } }) =>
      (!args.id || payload.storyId === args.id || payload.currentId === args.id) && matches(payload, args.filter),
    description: 'A story was created, grew, merged, lost an article or was deleted. Pass `id` for one story, or `filter`.',
  })
  storyUpdated(
    @Root() payload: StoryUpdatedPayload,
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { nullable: true, description: 'Only this story.' }) _id?: string,
    @Arg('filter', () => LiveFilter, { nullable: true }) _filter?: LiveFilter,
  ): StoryUpdatedEvent {
    fresh(ctx);
    return {
      storyId: payload.storyId,
      change: payload.change as StoryUpdatedEvent['change'],
      mergedIds: payload.mergedIds,
      articleId: payload.articleId,
      currentId: payload.currentId,
      story: null,
      article: null,
    };
  }

  @Subscription(() => EntityMentionedEvent, {
    topics: TOPICS.ENTITY_MENTIONED,
    topicId: ({ args }: { args: { id: string } }) => args.id,
    description: 'An article mentioning this entity was ingested.',
  })
  entityMentioned(@Root() payload: EntityMentionedPayload, @Ctx() ctx: Context, @Arg('id', () => ID) _id: string): EntityMentionedEvent {
    fresh(ctx);
    return { entityId: payload.entityId, articleId: payload.articleId, salience: payload.salience, entity: null, article: null };
  }
}

@Resolver(() => ArticleIngestedEvent)
export class ArticleIngestedEventResolver {
  @FieldResolver(() => Article, { nullable: true })
  article(@Root() e: ArticleIngestedEvent, @Ctx() ctx: Context): Promise<ArticleRecord | null> {
    return ctx.loaders.article.load(e.articleId);
  }

  @FieldResolver(() => Story, { nullable: true })
  story(@Root() e: ArticleIngestedEvent, @Ctx() ctx: Context): Promise<StoryRecord | null> {
    return e.storyId ? ctx.loaders.story.load(e.storyId) : Promise.resolve(null);
  }
}

@Resolver(() => StoryUpdatedEvent)
export class StoryUpdatedEventResolver {
  @FieldResolver(() => Story, { nullable: true })
  story(@Root() e: StoryUpdatedEvent, @Ctx() ctx: Context): Promise<StoryRecord | null> {
    return e.currentId ? ctx.loaders.story.load(e.currentId) : Promise.resolve(null);
  }

  @FieldResolver(() => Article, { nullable: true })
  article(@Root() e: StoryUpdatedEvent, @Ctx() ctx: Context): Promise<ArticleRecord | null> {
    return e.articleId ? ctx.loaders.article.load(e.articleId) : Promise.resolve(null);
  }
}

@Resolver(() => EntityMentionedEvent)
export class EntityMentionedEventResolver {
  @FieldResolver(() => Entity, { nullable: true })
  entity(@Root() e: EntityMentionedEvent, @Ctx() ctx: Context): Promise<EntityRecord | null> {
    return ctx.loaders.entity.load(e.entityId);
  }

  @FieldResolver(() => Article, { nullable: true })
  article(@Root() e: EntityMentionedEvent, @Ctx() ctx: Context): Promise<ArticleRecord | null> {
    return ctx.loaders.article.load(e.articleId);
  }
}
