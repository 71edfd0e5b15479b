import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { EntityType } from '../../domain/types';
import { queries } from '../../store';
import type { ArticleRecord, EntityRecord } from '../../store/records';
import type { Context } from '../context';
import { badUserInput } from '../errors';
import { checkRange, MAX_PAGE_SIZE } from '../pagination';
import { SearchHit } from '../types/connection.type';
import { EntityTypeEnum } from '../types/entity.type';

@Resolver()
export class SearchResolver {
  @Query(() => [SearchHit], {
    description:
      'Full-text search over entity names and aliases and article titles and leads (CJK-aware: 稀土 is found inside longer text). ' +
      'Ranked by score. The query is plain text: Lucene operators in it are escaped.',
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
    const limit = checkRange('first', first ?? 20, { max: MAX_PAGE_SIZE });
    const rows = await ctx.store.read(
      queries.search({ query: query.trim(), types: types as EntityType[] | undefined, includeArticles: !types?.length, first: limit }),
    );
    return rows;
  }
}
