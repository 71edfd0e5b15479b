export * from './executor';
export * from './schema';
export * from './article-writes';
export * from './records';
export * as queries from './queries';
export type { ArticleFilter, ArticleOrder, EntityFilter, EntityOrder, Direction } from './queries';
