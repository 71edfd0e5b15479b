import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { ArticleResolver } from './resolvers/article.resolver';
import { EntityResolver, EvidenceResolver } from './resolvers/entity.resolver';
import { ArticleRelatedResolver, GraphResolver, TopicResolver } from './resolvers/graph.resolver';
import { MutationResolver } from './resolvers/mutation.resolver';
import { SearchResolver } from './resolvers/search.resolver';
import { Country, Organization, Person, Place, Topic } from './types/entity.type';

export const RESOLVERS = [
  ArticleResolver,
  ArticleRelatedResolver,
  EntityResolver,
  EvidenceResolver,
  GraphResolver,
  MutationResolver,
  SearchResolver,
  TopicResolver,
] as const;

export function createSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: RESOLVERS,
    orphanedTypes: [Person, Organization, Country, Place, Topic],
    validate: false,
  });
}
