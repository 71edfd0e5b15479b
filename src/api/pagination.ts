import { ApolloServerErrorCode } from '@apollo/server/errors';
import { GraphQLError } from 'graphql';
import type { Page } from '../store/records';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

const PREFIX = 'o:';

export const encodeCursor = (offset: number): string => Buffer.from(`${PREFIX}${offset}`, 'utf8').toString('base64url');

export function decodeCursor(cursor: string): number {
  const raw = Buffer.from(cursor, 'base64url').toString('utf8');
  const n = raw.startsWith(PREFIX) ? Number(raw.slice(PREFIX.length)) : NaN;
  if (!Number.isInteger(n) || n < 0) {
    throw new GraphQLError(`Invalid cursor "${cursor}": pass the endCursor of a previous page.`, {
      extensions: { code: ApolloServerErrorCode.BAD_USER_INPUT, argumentName: 'after' },
    });
  }
  return n;
}

/** Rejects a size argument outside [min, max] with BAD_USER_INPUT naming the argument. */
export function checkRange(name: string, value: number, options: { max: number; min?: number }): number {
  const min = options.min ?? 1;
  if (!Number.isInteger(value) || value < min || value > options.max) {
    throw new GraphQLError(`"${name}" must be between ${min} and ${options.max}, got ${value}.`, {
      extensions: { code: ApolloServerErrorCode.BAD_USER_INPUT, argumentName: name },
    });
  }
  return value;
}

/** Turns `first` / `after` into skip / limit, rejecting sizes the API does not serve. */
export function pageWindow(first: number | undefined | null, after: string | undefined | null): { skip: number; limit: number } {
  const limit = checkRange('first', first ?? DEFAULT_PAGE_SIZE, { min: 0, max: MAX_PAGE_SIZE });
  return { skip: after ? decodeCursor(after) + 1 : 0, limit };
}

export function toConnection<T>(page: Page<T>, window: { skip: number }) {
  const edges = page.items.map((node, i) => ({ cursor: encodeCursor(window.skip + i), node }));
  return {
    edges,
    nodes: page.items,
    totalCount: page.totalCount,
    pageInfo: {
      hasNextPage: window.skip + page.items.length < page.totalCount,
      hasPreviousPage: window.skip > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
