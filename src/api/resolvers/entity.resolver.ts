import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Field, FieldResolver, ID, Info, InputType, Int, Query, Resolver, Root, registerEnumType } from 'type-graphql';
import type { EntityType, RelationType } from '../../domain/types';
import { queries } from '../../store';
import type { ArticleRecord, EntityRecord, EvidenceRecord, RelationRecord } from '../../store/records';
import type { Context } from '../context';
import { badUserInput } from '../errors';
import { checkRange, MAX_PAGE_SIZE, pageWindow, toConnection } from '../pagination';
import { Article, DirectionEnum, Evidence, Relation, RelationTypeEnum } from '../types/article.type';
import { ArticleConnection, EntityConnection } from '../types/connection.type';
import { Entity, EntityTypeEnum } from '../types/entity.type';
import { PageArgs } from './article.resolver';
import { connectionCost, pageCost } from '../limits';
import { childArgs } from '../lookahead';

export enum EntityOrderEnum {
  MENTIONS = 'MENTIONS',
  NAME = 'NAME',
}
registerEnumType(EntityOrderEnum, { name: 'EntityOrder', description: 'MENTIONS: most mentioned first. NAME: alphabetical.' });

@InputType({ description: 'Narrows a list of entities; all given conditions must hold.' })
export class EntityFilter {
  @Field(() => EntityTypeEnum, { nullable: true, description: 'Only entities of this type.' })
  type?: EntityTypeEnum;

  @Field({ nullable: true, description: 'Name or an alias contains this text (case-insensitive).' })
  nameContains?: string;

  @Field(() => Int, { nullable: true, description: 'Mentioned by at least this many articles.' })
  minMentions?: number;
}

@Resolver(() => Entity)
export class EntityResolver {
  @Query(() => Entity, { nullable: true, description: 'One entity by id, e.g. "country:TW" or "person:林佳龍".' })
  entity(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<EntityRecord | null> {
    return ctx.loaders.entity.load(id);
  }

  @Query(() => EntityConnection, {
    complexity: connectionCost,
    description: 'Entities, most mentioned first unless ordered otherwise, with filters and cursor pagination.',
  })
  async entities(
    @Ctx() ctx: Context,
    @Args() { first, after }: PageArgs,
    @Arg('filter', () => EntityFilter, { nullable: true }) filter?: EntityFilter,
    @Arg('orderBy', () => EntityOrderEnum, { nullable: true }) orderBy?: EntityOrderEnum,
  ) {
    if (filter?.minMentions != null && filter.minMentions < 0)
      throw badUserInput('filter.minMentions must not be negative.', 'filter.minMentions');
    const window = pageWindow(first, after);
    const [row] = await ctx.store.read(
      queries.entitiesPage({ filter: filter ? { ...filter, type: filter.type as EntityType | undefined } : undefined, orderBy, ...window }),
    );
    return toConnection(row, window);
  }

  @FieldResolver(() => ArticleConnection, {
    complexity: connectionCost,
    description: 'Articles that mention this entity, newest first.',
  })
  async articles(@Root() entity: EntityRecord, @Ctx() ctx: Context, @Args() { first, after }: PageArgs) {
    const window = pageWindow(first, after);
    const page = await ctx.loaders.articlesOf(window).load(entity.id);
    return toConnection(page, window);
  }

  @FieldResolver(() => [Relation], {
    complexity: pageCost(),
    description: 'Typed relations of this entity, each with the sentences that show it.',
  })
  relations(
    @Root() entity: EntityRecord,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('types', () => [RelationTypeEnum], { nullable: true, description: 'Only these relation types (default: all).' })
    types?: RelationTypeEnum[],
    @Arg('direction', () => DirectionEnum, { nullable: true, description: 'OUT, IN or BOTH (default).' }) direction?: DirectionEnum,
    @Arg('first', () => Int, { nullable: true, description: 'At most this many relations (default 20, max 100).' }) first?: number,
  ): Promise<RelationRecord[]> {
    const limit = checkRange('first', first ?? 20, { min: 0, max: MAX_PAGE_SIZE });
    return ctx.loaders
      .relationsOf({
        types: types?.length ? ([...types].sort() as RelationType[]) : undefined,
        direction: direction ?? 'BOTH',
        first: limit,
        evidence: evidenceWanted(info),
      })
      .load(entity.id);
  }
}

/** Sentences a relation lists when `first` is left out. */
const EVIDENCE_PAGE = 10;

/**
 * The most sentences any `evidence` selection under these relations lists (none when no
 * selection asks for them): a hub's ten relations with all 100 kept sentences each are ten times
 * what the default page of 10 shows. Out-of-range values are refused by the evidence resolver;
 * the store reads at most RELATION_EVIDENCE_MAX whatever is asked.
 */
function evidenceWanted(info: GraphQLResolveInfo): number {
  const firsts = childArgs(info, 'Relation', 'evidence').map((args) => (typeof args.first === 'number' ? args.first : EVIDENCE_PAGE));
  return Math.max(0, ...firsts);
}

@Resolver(() => Relation)
export class RelationResolver {
  @FieldResolver(() => [Evidence], {
    complexity: pageCost(EVIDENCE_PAGE),
    description: `The sentences that show it, one per article, in article order: the first \`first\` (default ${EVIDENCE_PAGE}, max ${queries.RELATION_EVIDENCE_MAX}) of evidenceCount.`,
  })
  evidence(
    @Root() relation: RelationRecord,
    @Arg('first', () => Int, {
      nullable: true,
      description: `At most this many sentences (default ${EVIDENCE_PAGE}, max ${queries.RELATION_EVIDENCE_MAX}).`,
    })
    first?: number,
  ): EvidenceRecord[] {
    const n = checkRange('first', first ?? EVIDENCE_PAGE, { min: 0, max: queries.RELATION_EVIDENCE_MAX });
    return relation.evidence.slice(0, n);
  }
}

@Resolver(() => Evidence)
export class EvidenceResolver {
  @FieldResolver(() => Article, { nullable: true, description: 'The article the sentence comes from.' })
  article(@Root() evidence: Evidence, @Ctx() ctx: Context): Promise<ArticleRecord | null> {
    // an editor's relation (addRelation) comes from no article
    return evidence.articleId ? ctx.loaders.article.load(evidence.articleId) : Promise.resolve(null);
  }
}
