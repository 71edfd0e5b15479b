import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Int, Query, Resolver, Root } from 'type-graphql';
import type { RelationType } from '../../domain/types';
import { storyQueries } from '../../store';
import type {
  ArticleRecord,
  KeyEntityRecord,
  RelationHistoryRecord,
  StoryLinkRecord,
  StoryRecord,
  StoryTimelinePointRecord,
  TrendingStoryRecord,
} from '../../store/records';
import type { Context } from '../context';
import { badUserInput } from '../errors';
import { checkRange, MAX_PAGE_SIZE, pageWindow, toConnection } from '../pagination';
import { endOfDay, previousStart, resolveRange } from '../period';
import { Article, RelationTypeEnum } from '../types/article.type';
import { ArticleConnection } from '../types/connection.type';
import { IntervalEnum } from '../types/graph.type';
import {
  KeyEntity,
  PeriodEnum,
  RelationHistory,
  RelationHistoryConnection,
  RelativeToEnum,
  Story,
  StoryConnection,
  StoryLink,
  StoryOrderEnum,
  StoryTimelineByEnum,
  StoryTimelinePoint,
  TrendingStory,
} from '../types/story.type';
import { PageArgs } from './article.resolver';
import { bucketStarts } from './graph.resolver';
import { connectionCost, pageCost } from '../limits';

@InputType({ description: 'Narrows a list of stories; all given conditions must hold.' })
export class StoryFilter {
  @Field({ nullable: true, description: 'Stories with an article published on or after this date (YYYY-MM-DD).' })
  from?: string;

  @Field({ nullable: true, description: 'Stories with an article published on or before this date (YYYY-MM-DD).' })
  to?: string;

  @Field(() => PeriodEnum, { nullable: true, description: 'Instead of from/to: a period counted back from `relativeTo`.' })
  period?: PeriodEnum;

  @Field(() => RelativeToEnum, { nullable: true, description: 'What `period` counts back from (default NEWEST_ARTICLE).' })
  relativeTo?: RelativeToEnum;

  @Field(() => ID, { nullable: true, description: 'Stories with an article that mentions this entity.' })
  entity?: string;

  @Field(() => ID, { nullable: true, description: 'Stories about this topic or one of its subtopics.' })
  topic?: string;

  @Field({ nullable: true, description: 'Stories with an article in this language (zh-Hant, zh-Hans, en).' })
  language?: string;

  @Field({ nullable: true, description: 'Stories with an article from this outlet (name, e.g. 聯合報, or site, e.g. udn).' })
  outlet?: string;

  @Field({ nullable: true, description: 'Full-text search in story titles.' })
  text?: string;
}

@InputType({ description: 'Narrows a list of relations; all given conditions must hold.' })
export class RelationsFilter {
  @Field(() => [RelationTypeEnum], { nullable: true, description: 'Only these relation types (default: all).' })
  types?: RelationTypeEnum[];

  @Field(() => ID, { nullable: true, description: 'Relations of this entity, either end.' })
  entity?: string;

  @Field(() => ID, { nullable: true, description: 'Relations starting at this entity.' })
  from?: string;

  @Field(() => ID, { nullable: true, description: 'Relations ending at this entity.' })
  to?: string;

  @Field({ nullable: true, description: 'Only statements in articles published on or after this date (YYYY-MM-DD).' })
  since?: string;

  @Field({ nullable: true, description: 'Only statements in articles published on or before this date (YYYY-MM-DD).' })
  until?: string;

  @Field(() => PeriodEnum, { nullable: true, description: 'Instead of since/until: a period counted back from `relativeTo`.' })
  period?: PeriodEnum;

  @Field(() => RelativeToEnum, { nullable: true, description: 'What `period` counts back from (default NEWEST_ARTICLE).' })
  relativeTo?: RelativeToEnum;
}

const TRUNC: Record<IntervalEnum, string> = { DAY: 'day', WEEK: 'week', MONTH: 'month' };

/** Default window of TRENDING when no dates or period are given. */
const DEFAULT_TRENDING = PeriodEnum.LAST_7_DAYS;

@Resolver(() => Story)
export class StoryResolver {
  @Query(() => Story, { nullable: true, description: 'One story by id (an id merged into another story answers with that story).' })
  story(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<StoryRecord | null> {
    return ctx.loaders.story.load(id);
  }

  @Query(() => StoryConnection, {
    complexity: connectionCost,
    description: 'Stories, most recently seen first unless ordered otherwise, with filters and cursor pagination.',
  })
  async stories(
    @Ctx() ctx: Context,
    @Args() { first, after }: PageArgs,
    @Arg('filter', () => StoryFilter, { nullable: true }) filter?: StoryFilter,
    @Arg('orderBy', () => StoryOrderEnum, { nullable: true }) orderBy?: StoryOrderEnum,
  ) {
    const window = pageWindow(first, after);
    const trending = orderBy === StoryOrderEnum.TRENDING;
    const period = filter?.period ?? (trending && !filter?.from && !filter?.to ? DEFAULT_TRENDING : undefined);
    const range = await resolveRange(ctx.store, {
      from: filter?.from,
      to: filter?.to,
      period,
      relativeTo: filter?.relativeTo,
      names: { from: 'filter.from', to: 'filter.to' },
    });
    if (trending && !range.from) throw badUserInput('orderBy TRENDING needs filter.from (or a period).', 'filter.from');
    const [row] = await ctx.store.read(
      storyQueries.storiesPage({
        filter: { ...filter, from: range.from, to: endOfDay(range.to) },
        orderBy,
        previousFrom: range.from ? previousStart(range.from, range.to) : undefined,
        ...window,
      }),
    );
    return toConnection(row, window);
  }

  @Query(() => [TrendingStory], {
    complexity: pageCost(),
    description: 'Stories whose coverage in the period rose most against the period of equal length just before.',
  })
  async trendingStories(
    @Ctx() ctx: Context,
    @Arg('from', { nullable: true, description: 'First day of the period.' }) from?: string,
    @Arg('to', { nullable: true, description: 'Last day of the period.' }) to?: string,
    @Arg('period', () => PeriodEnum, { nullable: true, description: 'Instead of from/to (default LAST_7_DAYS).' }) period?: PeriodEnum,
    @Arg('relativeTo', () => RelativeToEnum, { nullable: true, description: 'What `period` counts back from.' })
    relativeTo?: RelativeToEnum,
    @Arg('first', () => Int, { defaultValue: 10, description: 'At most this many (max 100).' }) first = 10,
  ): Promise<TrendingStoryRecord[]> {
    checkRange('first', first, { max: MAX_PAGE_SIZE });
    const range = await resolveRange(ctx.store, { from, to, period: period ?? (from || to ? undefined : DEFAULT_TRENDING), relativeTo });
    if (!range.from || !range.to) throw badUserInput('Pass "from" and "to", or a "period".', 'period');
    const rows = await ctx.store.read(
      storyQueries.trendingStories({ from: range.from, to: endOfDay(range.to)!, previousFrom: previousStart(range.from, range.to), first }),
    );
    return rows;
  }

  @Query(() => RelationHistoryConnection, {
    complexity: connectionCost,
    description: 'Relations with their history: when each was first and last stated, and by which articles.',
  })
  async relations(
    @Ctx() ctx: Context,
    @Args() { first, after }: PageArgs,
    @Arg('filter', () => RelationsFilter, { nullable: true }) filter?: RelationsFilter,
  ) {
    const window = pageWindow(first, after);
    const range = await resolveRange(ctx.store, {
      from: filter?.since,
      to: filter?.until,
      period: filter?.period,
      relativeTo: filter?.relativeTo,
      names: { from: 'filter.since', to: 'filter.until' },
    });
    const [row] = await ctx.store.read(
      storyQueries.relationsPage({
        filter: {
          types: filter?.types as RelationType[] | undefined,
          entity: filter?.entity,
          from: filter?.from,
          to: filter?.to,
          since: range.from,
          until: endOfDay(range.to),
        },
        ...window,
      }),
    );
    const page = toConnection(row, window);
    return { nodes: page.nodes, pageInfo: page.pageInfo, totalCount: page.totalCount };
  }

  @FieldResolver(() => ArticleConnection, {
    complexity: connectionCost,
    description: 'Its articles, oldest first; near-duplicate copies only when asked for.',
  })
  async articles(
    @Root() story: StoryRecord,
    @Ctx() ctx: Context,
    @Args() { first, after }: PageArgs,
    @Arg('includeDuplicates', () => Boolean, { defaultValue: false, description: 'Also list near-duplicate copies (DUPLICATE_OF).' })
    includeDuplicates: boolean,
  ) {
    const window = pageWindow(first, after);
    return toConnection(await ctx.loaders.storyArticles({ ...window, includeDuplicates }).load(story.id), window);
  }

  @FieldResolver(() => [StoryTimelinePoint], {
    description: 'Articles per bucket, empty buckets included; split per outlet or language with `by`.',
  })
  async timeline(
    @Root() story: StoryRecord,
    @Ctx() ctx: Context,
    @Arg('interval', () => IntervalEnum, { defaultValue: IntervalEnum.DAY }) interval: IntervalEnum,
    @Arg('by', () => StoryTimelineByEnum, { nullable: true, description: 'One series per outlet or per language.' })
    by?: StoryTimelineByEnum,
  ): Promise<StoryTimelinePointRecord[]> {
    const points = await ctx.loaders.storyTimeline({ unit: TRUNC[interval], by: by ?? undefined }).load(story.id);
    if (!points.length) return [];
    const seen = points.map((p) => p.bucket).sort();
    const keys = [...new Set(points.map((p) => p.key))].sort((a, b) => String(a).localeCompare(String(b)));
    const byBucket = new Map(points.map((p) => [`${p.bucket}\u0000${p.key}`, p]));
    const out: StoryTimelinePointRecord[] = [];
    for (const bucket of bucketStarts(interval, seen[0], seen[seen.length - 1])) {
      for (const key of keys) out.push(byBucket.get(`${bucket}\u0000${key}`) ?? { bucket, key, articles: 0 });
    }
    return out;
  }

  @FieldResolver(() => [KeyEntity], {
    complexity: pageCost(),
    description: 'The entities central to the story, by salience added up over its articles.',
  })
  keyEntities(
    @Root() story: StoryRecord,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { defaultValue: 10, description: 'At most this many (max 100).' }) first: number,
  ): Promise<KeyEntityRecord[]> {
    checkRange('first', first, { max: MAX_PAGE_SIZE });
    return ctx.loaders.keyEntities({ first }).load(story.id);
  }

  @FieldResolver(() => [StoryLink], {
    description: 'Earlier stories this one continues (FOLLOWS): the same dispute, trial or tournament, a later episode.',
  })
  follows(@Root() story: StoryRecord, @Ctx() ctx: Context): Promise<StoryLinkRecord[]> {
    return ctx.loaders.follows.load(story.id);
  }

  @FieldResolver(() => [StoryLink], { description: 'Later stories that continue this one.' })
  followedBy(@Root() story: StoryRecord, @Ctx() ctx: Context): Promise<StoryLinkRecord[]> {
    return ctx.loaders.followedBy.load(story.id);
  }

  @FieldResolver(() => [StoryLink], {
    complexity: pageCost(),
    description: 'Other stories ranked by the rare entities they share with this one.',
  })
  related(
    @Root() story: StoryRecord,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { defaultValue: 5, description: 'At most this many (max 100).' }) first: number,
  ): Promise<StoryLinkRecord[]> {
    checkRange('first', first, { max: MAX_PAGE_SIZE });
    return ctx.loaders.relatedStories({ first }).load(story.id);
  }
}

@Resolver(() => Article)
export class ArticleStoryResolver {
  @FieldResolver(() => Story, { nullable: true, description: 'The story (event) this article reports.' })
  story(@Root() article: ArticleRecord, @Ctx() ctx: Context): Promise<StoryRecord | null> {
    return ctx.loaders.storyOfArticle.load(article.id);
  }
}

@Resolver(() => RelationHistory)
export class RelationHistoryResolver {
  @FieldResolver(() => [Article], { description: 'The articles that state it, oldest first.' })
  async articles(@Root() relation: RelationHistoryRecord, @Ctx() ctx: Context): Promise<ArticleRecord[]> {
    const found = await ctx.loaders.article.loadMany(relation.articleIds);
    return found.filter((a): a is ArticleRecord => Boolean(a) && !(a instanceof Error));
  }
}
