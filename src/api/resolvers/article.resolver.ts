import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, InputType, Int, Query, Resolver, Root, registerEnumType } from 'type-graphql';
import { queries } from '../../store';
import type { ArticleRecord, MentionRecord } from '../../store/records';
import type { Context } from '../context';
import { badUserInput } from '../errors';
import { dateBound } from '../period';
import { pageWindow, toConnection } from '../pagination';
import { Article, Mention } from '../types/article.type';
import { ArticleConnection } from '../types/connection.type';
import { connectionCost } from '../limits';

export enum ArticleOrderEnum {
  PUBLISHED_AT = 'PUBLISHED_AT',
  RELEVANCE = 'RELEVANCE',
}
registerEnumType(ArticleOrderEnum, {
  name: 'ArticleOrder',
  description:
    'PUBLISHED_AT: newest first (articles published at the same moment by descending id, undated ones last). RELEVANCE: by text score or by salience of the requested entities.',
});

@InputType({ description: 'Narrows a list of articles; all given conditions must hold.' })
export class ArticleFilter {
  @Field(() => [ID], { nullable: true, description: 'Articles that mention every one of these entities.' })
  mentionsAll?: string[];

  @Field(() => [ID], { nullable: true, description: 'Articles that mention at least one of these entities.' })
  mentionsAny?: string[];

  @Field(() => ID, { nullable: true, description: 'Articles about this topic or one of its subtopics.' })
  topic?: string;

  @Field({ nullable: true, description: 'Outlet name (聯合報) or site (udn).' })
  source?: string;

  @Field({ nullable: true, description: 'zh-Hant, zh-Hans, en, ...' })
  language?: string;

  @Field({ nullable: true, description: 'Published on or after this date (YYYY-MM-DD).' })
  from?: string;

  @Field({ nullable: true, description: 'Published on or before this date (YYYY-MM-DD or a full timestamp).' })
  to?: string;

  @Field({ nullable: true, description: 'Full-text search in titles and leads.' })
  text?: string;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, at most 100 (default 20).' })
  first?: number;

  @Field({ nullable: true, description: 'Cursor after which the page starts (endCursor of the previous page).' })
  after?: string;
}

@Resolver(() => Article)
export class ArticleResolver {
  @Query(() => Article, { nullable: true, description: 'One article, by id or by URL.' })
  async article(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { nullable: true }) id?: string,
    @Arg('url', () => String, { nullable: true }) url?: string,
  ): Promise<ArticleRecord | null> {
    if (!id === !url) throw badUserInput('Pass exactly one of "id" or "url".');
    if (id) return ctx.loaders.article.load(id);
    const [row] = await ctx.store.read(queries.articleByUrl(url!));
    return row?.article ?? null;
  }

  @Query(() => ArticleConnection, {
    complexity: connectionCost,
    description: 'Articles, newest first unless ordered otherwise, with filters and cursor pagination.',
  })
  async articles(
    @Ctx() ctx: Context,
    @Args() { first, after }: PageArgs,
    @Arg('filter', () => ArticleFilter, { nullable: true }) filter?: ArticleFilter,
    @Arg('orderBy', () => ArticleOrderEnum, { nullable: true }) orderBy?: ArticleOrderEnum,
  ) {
    const from = dateBound('filter.from', filter?.from, 'from');
    const to = dateBound('filter.to', filter?.to, 'to');
    const window = pageWindow(first, after);
    const [row] = await ctx.store.read(queries.articlesPage({ filter: filter ? { ...filter, from, to } : undefined, orderBy, ...window }));
    return toConnection(row, window);
  }

  @FieldResolver(() => [Mention], { description: 'The entities this article mentions, most salient first.' })
  mentions(@Root() article: ArticleRecord, @Ctx() ctx: Context): Promise<MentionRecord[]> {
    return ctx.loaders.mentions.load(article.id);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Body text, paragraphs separated by newlines.' })
  async body(@Root() article: ArticleRecord, @Ctx() ctx: Context): Promise<string | null> {
    // list rows leave the body out: the articles of a list that asks for it are read by id, in one statement
    if (article.body !== undefined) return article.body;
    return (await ctx.loaders.article.load(article.id))?.body ?? null;
  }
}
