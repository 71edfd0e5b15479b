import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { EntityType, RelationType } from '../../domain/types';
import { graphQueries, queries } from '../../store';
import type {
  ArticleRecord,
  CooccurrenceRecord,
  EntityRecord,
  PathRecord,
  RelatedRecord,
  StatsRecord,
  SubgraphRecord,
  TimelineSeriesRecord,
  TrendingEntityRecord,
} from '../../store/records';
import type { Context } from '../context';
import { badUserInput, notFound } from '../errors';
import { checkRange, MAX_PAGE_SIZE } from '../pagination';
import { Article, RelationTypeEnum } from '../types/article.type';
import { EntityTypeEnum, Topic } from '../types/entity.type';
import { Cooccurrence, IntervalEnum, Path, RelatedArticle, Stats, Subgraph, TimelineSeries, TrendingEntity } from '../types/graph.type';
import { StoryTimelineByEnum } from '../types/story.type';
import { dateWindowArgs, endOfDay, previousStart, resolveRange, type DateWindow } from '../period';
import { pageCost } from '../limits';

const CooccurrenceWindow = dateWindowArgs({
  from: 'Only articles published on or after this date.',
  to: 'Only articles published on or before this date.',
});
const TimelineWindow = dateWindowArgs({
  from: 'First day (default: the earliest mention).',
  to: 'Last day (default: the latest mention).',
});
const TrendingWindow = dateWindowArgs({ from: 'First day of the period.', to: 'Last day of the period.' });

const checkSize = (name: string, value: number, max: number): number => checkRange(name, value, { max });

/** Every bucket start between two dates, so that charts get explicit zeros. */
export function bucketStarts(interval: IntervalEnum, from: string, to: string): string[] {
  const start = new Date(`${from}T00:00:00Z`);
  if (interval === IntervalEnum.WEEK) start.setUTCDate(start.getUTCDate() - ((start.getUTCDay() + 6) % 7));
  if (interval === IntervalEnum.MONTH) start.setUTCDate(1);
  const out: string[] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let d = start; d.getTime() <= end && out.length < 5000;) {
    out.push(d.toISOString().slice(0, 10));
    if (interval === IntervalEnum.DAY) d.setUTCDate(d.getUTCDate() + 1);
    else if (interval === IntervalEnum.WEEK) d.setUTCDate(d.getUTCDate() + 7);
    else d.setUTCMonth(d.getUTCMonth() + 1);
  }
  return out;
}

@Resolver()
export class GraphResolver {
  @Query(() => Subgraph, {
    // one subgraph, its nodes and edges priced as lists; a `limit` written multiplies it
    complexity: pageCost(1),
    nullable: true,
    description: 'The entities around one entity, up to `depth` relation hops away, as nodes and edges ready to draw.',
  })
  async neighborhood(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: 'The entity at the centre.' }) id: string,
    @Arg('depth', () => Int, { defaultValue: 1, description: 'Hops, 1 to 3.' }) depth: number,
    @Arg('relationTypes', () => [RelationTypeEnum], { nullable: true, description: 'Follow only these relation types (default: all).' })
    relationTypes: RelationTypeEnum[] | undefined,
    @Arg('limit', () => Int, { defaultValue: 50, description: 'At most this many entities besides the centre (max 200).' }) limit: number,
  ): Promise<SubgraphRecord | null> {
    checkSize('depth', depth, 3);
    checkSize('limit', limit, 200);
    const [row] = await ctx.store.read(graphQueries.neighborhood({ id, depth, limit, types: relationTypes as RelationType[] | undefined }));
    return row ?? null;
  }

  @Query(() => [Path], {
    complexity: pageCost(),
    description: 'How two entities connect: the shortest relation paths between them, each edge with its evidence.',
  })
  async paths(
    @Ctx() ctx: Context,
    @Arg('from', () => ID) from: string,
    @Arg('to', () => ID) to: string,
    @Arg('maxHops', () => Int, { defaultValue: 3, description: 'Longest path considered, 1 to 4.' }) maxHops: number,
    @Arg('relationTypes', () => [RelationTypeEnum], { nullable: true, description: 'Follow only these relation types (default: all).' })
    relationTypes: RelationTypeEnum[] | undefined,
    @Arg('first', () => Int, { defaultValue: 5, description: 'At most this many paths (max 50).' }) first: number,
  ): Promise<PathRecord[]> {
    checkSize('maxHops', maxHops, 4);
    checkSize('first', first, 50);
    if (from === to) throw badUserInput('"from" and "to" must be different entities.', 'to');
    const rows = await ctx.store.read(graphQueries.paths({ from, to, maxHops, first, types: relationTypes as RelationType[] | undefined }));
    return rows;
  }

  @Query(() => [Cooccurrence], {
    complexity: pageCost(),
    description: 'Entities mentioned in the same articles as this one, ranked by association strength (NPMI), not raw frequency.',
  })
  async cooccurrences(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('type', () => EntityTypeEnum, { nullable: true, description: 'Only co-mentioned entities of this type.' })
    type: EntityTypeEnum | undefined,
    @Arg('first', () => Int, { defaultValue: 20, description: 'At most this many (max 100).' }) first = 20,
    @Args(() => CooccurrenceWindow) window: DateWindow,
  ): Promise<CooccurrenceRecord[]> {
    checkSize('first', first, MAX_PAGE_SIZE);
    const range = await resolveRange(ctx.store, window);
    const rows = await ctx.store.read(
      graphQueries.cooccurrences({
        id,
        type: type as EntityType | undefined,
        from: range.from,
        to: endOfDay(range.to),
        first,
        includeDuplicates: window.includeDuplicates,
      }),
    );
    return rows;
  }

  @Query(() => [TimelineSeries], {
    description: 'Mention counts per entity per time bucket, for charts; empty buckets are included as zeros.',
  })
  async timeline(
    @Ctx() ctx: Context,
    @Arg('ids', () => [ID], { description: 'Entities to chart (at most 20).' }) ids: string[],
    @Arg('interval', () => IntervalEnum, { defaultValue: IntervalEnum.WEEK }) interval: IntervalEnum,
    @Args(() => TimelineWindow) window: DateWindow,
    @Arg('by', () => StoryTimelineByEnum, { nullable: true, description: 'One series per entity and outlet, or per entity and language.' })
    by?: StoryTimelineByEnum,
  ): Promise<TimelineSeriesRecord[]> {
    if (!ids.length || ids.length > 20) throw badUserInput('"ids" must name 1 to 20 entities.', 'ids');
    const { from, to } = await resolveRange(ctx.store, window);
    const { includeDuplicates } = window;
    const rows = await ctx.store.read(graphQueries.timeline({ ids, interval, from, to: endOfDay(to), includeDuplicates, by }));
    const found = rows;
    const seen = found.flatMap((s) => s.points.map((p) => p.bucket)).sort();
    const start = from ?? seen[0];
    const end = to ?? seen[seen.length - 1];
    if (!start || !end) return found.map((s) => ({ entity: s.entity, key: null, points: [] }));
    const buckets = bucketStarts(interval, start, end);
    return found.flatMap((s) => {
      const keys = by ? [...new Set(s.points.map((p) => p.key))].sort((a, b) => String(a).localeCompare(String(b))) : [null];
      return keys.map((key) => {
        const byBucket = new Map(s.points.filter((p) => p.key === key).map((p) => [p.bucket, p]));
        return { entity: s.entity, key, points: buckets.map((b) => byBucket.get(b) ?? { bucket: b, key, articles: 0, mentions: 0 }) };
      });
    });
  }

  @Query(() => [TrendingEntity], {
    complexity: pageCost(),
    description: 'Entities whose coverage in [from, to] rose most against the period of equal length just before.',
  })
  async trending(
    @Ctx() ctx: Context,
    @Arg('type', () => EntityTypeEnum, { nullable: true, description: 'Only entities of this type.' }) type: EntityTypeEnum | undefined,
    @Arg('first', () => Int, { defaultValue: 10, description: 'At most this many (max 100).' }) first = 10,
    @Args(() => TrendingWindow) window: DateWindow,
  ): Promise<TrendingEntityRecord[]> {
    checkSize('first', first, MAX_PAGE_SIZE);
    const range = await resolveRange(ctx.store, window);
    if (!range.from || !range.to) throw badUserInput('Pass "from" and "to", or a "period".', range.from ? 'to' : 'from');
    const rows = await ctx.store.read(
      graphQueries.trending({
        type: type as EntityType | undefined,
        from: range.from,
        to: endOfDay(range.to)!,
        previousFrom: previousStart(range.from, range.to),
        first,
        includeDuplicates: window.includeDuplicates,
      }),
    );
    return rows;
  }

  @Query(() => [RelatedArticle], {
    complexity: pageCost(),
    description: 'Articles related to one article: explicit links (teasers, duplicates) first, then by shared entities.',
  })
  async relatedArticles(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('first', () => Int, { defaultValue: 10, description: 'At most this many (max 100).' }) first: number,
  ): Promise<RelatedRecord[]> {
    checkSize('first', first, MAX_PAGE_SIZE);
    const article = await ctx.loaders.article.load(id);
    if (!article) throw notFound(`Article "${id}"`);
    return ctx.loaders.relatedOf({ first }).load(id);
  }

  @Query(() => Stats, { description: 'What the graph holds: articles, entities and relations by type, date range.' })
  async stats(@Ctx() ctx: Context): Promise<StatsRecord> {
    const [row] = await ctx.store.read(queries.counts());
    return row;
  }
}

@Resolver(() => Article)
export class ArticleRelatedResolver {
  @FieldResolver(() => [RelatedArticle], {
    complexity: pageCost(),
    description: 'Related articles: explicit links first, then by shared entities.',
  })
  relatedArticles(
    @Root() article: ArticleRecord,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { defaultValue: 5 }) first: number,
  ): Promise<RelatedRecord[]> {
    checkSize('first', first, MAX_PAGE_SIZE);
    return ctx.loaders.relatedOf({ first }).load(article.id);
  }
}

@Resolver(() => Topic)
export class TopicResolver {
  @FieldResolver(() => Topic, { nullable: true, description: 'The broader topic (rare earths → critical minerals).' })
  parent(@Root() topic: EntityRecord, @Ctx() ctx: Context): Promise<EntityRecord | null> {
    return ctx.loaders.topicParent.load(topic.id);
  }

  @FieldResolver(() => [Topic], { description: 'Narrower topics.' })
  children(@Root() topic: EntityRecord, @Ctx() ctx: Context): Promise<EntityRecord[]> {
    return ctx.loaders.topicChildren.load(topic.id);
  }
}
