import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ApolloServerErrorCode, unwrapResolverError } from '@apollo/server/errors';
import { NewsGraphError } from '../domain/errors';

/** Codes that reach clients as they are; anything else is masked. */
const PUBLIC_CODES = new Set<string>([
  ApolloServerErrorCode.BAD_USER_INPUT,
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'UNAVAILABLE',
  ApolloServerErrorCode.GRAPHQL_PARSE_FAILED,
  ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED,
  ApolloServerErrorCode.BAD_REQUEST,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_FOUND,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_SUPPORTED,
  ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE,
  'QUERY_TOO_COMPLEX',
  'TIMEOUT',
  'FORBIDDEN',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'CONFLICT',
]);

export const notFound = (what: string): GraphQLError => new GraphQLError(`${what} not found.`, { extensions: { code: 'NOT_FOUND' } });

export const badUserInput = (message: string, argumentName?: string): GraphQLError =>
  new GraphQLError(message, { extensions: { code: ApolloServerErrorCode.BAD_USER_INPUT, ...(argumentName ? { argumentName } : {}) } });

/**
 * Deliberate errors keep their message and code; unexpected ones are logged in full and reach
 * the client only as "Internal server error".
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  log: (msg: string, err: unknown) => void,
): GraphQLFormattedError {
  let original = unwrapResolverError(error);
  while (original instanceof GraphQLError && original.originalError) original = original.originalError;
  if (original instanceof NewsGraphError) {
    return { ...formatted, message: original.message, extensions: { ...original.details, code: original.code } };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && PUBLIC_CODES.has(code)) return formatted;
  log(`Unexpected error in ${formatted.path?.join('.') ?? 'request'}:`, original);
  return {
    message: 'Internal server error',
    path: formatted.path,
    locations: formatted.locations,
    extensions: { code: ApolloServerErrorCode.INTERNAL_SERVER_ERROR },
  };
}
