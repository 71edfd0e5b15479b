import { GraphQLError } from 'graphql';
import { Arg, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import { fromInput } from '../../ingest';
import type { Context } from '../context';
import { badUserInput, notFound } from '../errors';
import { publishDeleted, publishIngested } from '../events';

const MAX_BATCH = 100;

@InputType({ description: 'One article to ingest: plain text in `body` or a whole page in `html`.' })
export class ArticleInput {
  @Field({ nullable: true, description: 'Canonical URL; the article id derives from it when given.' })
  url?: string;

  @Field({ nullable: true, description: 'Headline (taken from the page when `html` is given).' })
  title?: string;

  @Field({ nullable: true, description: 'Body text, paragraphs separated by blank lines or newlines.' })
  body?: string;

  @Field({ nullable: true, description: 'A whole HTML page, instead of `body`.' })
  html?: string;

  @Field({ nullable: true, description: 'Publication date or timestamp (ISO 8601).' })
  publishedAt?: string;

  @Field({ nullable: true, description: 'Outlet name.' })
  source?: string;

  @Field({ nullable: true, description: 'zh-Hant, zh-Hans, en, ... (detected when absent).' })
  language?: string;

  @Field(() => [String], { nullable: true, description: 'Author names.' })
  authors?: string[];
}

@ObjectType({ description: 'What happened to one submitted article.' })
export class IngestResult {
  @Field(() => Int, { description: 'Position of the article in the submitted list.' })
  index!: number;

  @Field(() => ID, { nullable: true, description: 'Id of the stored article.' })
  id!: string | null;

  @Field({ description: 'new, updated, unchanged or failed.' })
  status!: string;

  @Field(() => String, { nullable: true, description: 'Why it failed; nothing of a failed article is written.' })
  error!: string | null;

  @Field(() => ID, { nullable: true, description: 'The earlier article this one is a near-identical copy of (linked DUPLICATE_OF).' })
  duplicateOf!: string | null;
}

/** Mutations need the API key; curation mutations too (curation.resolver.ts). */
export function requireWriteAccess(ctx: Context): void {
  if (!ctx.writesEnabled) {
    throw new GraphQLError('Writes are disabled: the server has no NEWSGRAPH_API_KEY configured.', {
      extensions: { code: 'UNAUTHENTICATED' },
    });
  }
  if (!ctx.authorized) {
    throw new GraphQLError('This mutation needs the API key: send "Authorization: Bearer <NEWSGRAPH_API_KEY>".', {
      extensions: { code: 'UNAUTHENTICATED' },
    });
  }
}

@Resolver()
export class MutationResolver {
  @Mutation(() => [IngestResult], { description: 'Parses, extracts and stores articles, one transaction each. Needs the API key.' })
  async ingestArticles(@Ctx() ctx: Context, @Arg('articles', () => [ArticleInput]) articles: ArticleInput[]): Promise<IngestResult[]> {
    requireWriteAccess(ctx);
    if (articles.length > MAX_BATCH) throw badUserInput(`At most ${MAX_BATCH} articles per request, got ${articles.length}.`, 'articles');
    const results: IngestResult[] = [];
    for (const [index, input] of articles.entries()) {
      try {
        const article = fromInput({ ...input }, `articles[${index}]`);
        const item = await ctx.writes.ingestArticle(article);
        // with a change feed, the follower publishes it (as it does for any other process's writes)
        if (ctx.changes) await ctx.changes.poke();
        else publishIngested(ctx.events, item);
        results.push({ index, id: item.id ?? null, status: item.status, error: item.error ?? null, duplicateOf: item.duplicateOf ?? null });
      } catch (err) {
        if ((err as { code?: string }).code === 'UNAVAILABLE') throw err;
        results.push({ index, id: null, status: 'failed', error: err instanceof Error ? err.message : String(err), duplicateOf: null });
      }
    }
    return results;
  }

  @Mutation(() => Boolean, {
    description: 'Deletes an article, its mentions and relation evidence; entities left with nothing go too. Needs the API key.',
  })
  async deleteArticle(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<boolean> {
    requireWriteAccess(ctx);
    const result = await ctx.writes.deleteArticle(id);
    if (!result) throw notFound(`Article "${id}"`);
    if (ctx.changes) await ctx.changes.poke();
    else publishDeleted(ctx.events, result);
    return true;
  }
}
