export * from './executor';
export * from './schema';
export * from './article-writes';
export * from './entity-writes';
export * from './records';
export * as queries from './queries';
export * as graphQueries from './graph-queries';
export type { ArticleFilter, ArticleOrder, EntityFilter, EntityOrder, Direction } from './queries';
export type { Interval } from './graph-queries';
