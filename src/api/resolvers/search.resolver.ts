import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { EntityType } from '../../domain/types';
import { queries } from '../../store';
import type { ArticleRecord, EntityRecord } from '../../store/records';
import type { Context } from '../context';
import { badUserInput } from '../errors';
import { checkRange, MAX_PAGE_SIZE } from '../pagination';
import { SearchHit } from '../types/connection.type';
import { EntityTypeEnum } from '../types/entity.type';
import { pageCost } from '../limits';

/** The longest search text accepted (characters). */
export const MAX_SEARCH_LENGTH = 500;

@Resolver()
export class SearchResolver {
  @Query(() => [SearchHit], {
    complexity: pageCost(),
    description:
      'Full-text search over entity names and aliases and article titles and leads (CJK-aware: 稀土 is found inside longer text). ' +
      'Ranked by score. The query is plain text (at most 500 characters): Lucene operators in it are escaped.',
  })
  async search(
    @Ctx() ctx: Context,
    @Arg('query', { description: 'Text to look for.' }) query: string,
    @Arg('types', () => [EntityTypeEnum], {
      nullable: true,
      description: 'Only entities of these types (articles are left out when given).',
    })
    types?: EntityTypeEnum[],
    @Arg('first', () => Int, { nullable: true, description: 'At most this many hits (default 20, max 100).' }) first?: number,
  ): Promise<{ score: number; entity: EntityRecord | null; article: ArticleRecord | null }[]> {
    if (!query.trim()) throw badUserInput('"query" must not be empty.', 'query');
    // the full-text analyzers turn every CJK character into terms: a page of text would exceed
    // Lucene's clause limit and fail inside the database, so it is refused here, by name
    if (query.length > MAX_SEARCH_LENGTH) {
      throw badUserInput(`"query" is ${query.length} characters long; at most ${MAX_SEARCH_LENGTH} are searched.`, 'query');
    }
    const limit = checkRange('first', first ?? 20, { max: MAX_PAGE_SIZE });
    const rows = await ctx.store.read(
      queries.search({ query: query.trim(), types: types as EntityType[] | undefined, includeArticles: !types?.length, first: limit }),
    );
    return rows;
  }
}
