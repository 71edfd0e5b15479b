import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { createInProcessEvents, type EventBus } from './events';
import { ArticleResolver } from './resolvers/article.resolver';
import { CurationResolver } from './resolvers/curation.resolver';
import { EntityResolver, EvidenceResolver, RelationResolver } from './resolvers/entity.resolver';
import { ArticleRelatedResolver, GraphResolver, TopicResolver } from './resolvers/graph.resolver';
import { MutationResolver } from './resolvers/mutation.resolver';
import { SearchResolver } from './resolvers/search.resolver';
import { ArticleStoryResolver, RelationHistoryResolver, StoryResolver } from './resolvers/story.resolver';
import {
  ArticleIngestedEventResolver,
  EntityMentionedEventResolver,
  StoryUpdatedEventResolver,
  SubscriptionResolver,
} from './resolvers/subscription.resolver';
import { Country, Organization, Person, Place, Topic } from './types/entity.type';

export const RESOLVERS = [
  ArticleResolver,
  ArticleRelatedResolver,
  ArticleStoryResolver,
  CurationResolver,
  EntityResolver,
  EvidenceResolver,
  RelationResolver,
  GraphResolver,
  MutationResolver,
  RelationHistoryResolver,
  SearchResolver,
  StoryResolver,
  SubscriptionResolver,
  ArticleIngestedEventResolver,
  StoryUpdatedEventResolver,
  EntityMentionedEventResolver,
  TopicResolver,
] as const;

/** The schema; subscriptions listen on `events` (the server publishes to the same bus). */
export function createSchema(events: EventBus = createInProcessEvents()): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: RESOLVERS,
    orphanedTypes: [Person, Organization, Country, Place, Topic],
    validate: false,
    pubSub: events,
  });
}
