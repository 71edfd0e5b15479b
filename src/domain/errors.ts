/**
 * The few error codes NewsGraph uses everywhere. The API maps them onto GraphQL error codes;
 * the CLI prints them with the origin (file) they concern.
 */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'UNAVAILABLE'
  /** A query ran longer than the transaction timeout and was stopped. */
  | 'TIMEOUT'
  /** The deployment does not allow it at all (read-only). */
  | 'FORBIDDEN'
  /** Too many requests from this client; retry after the time given. */
  | 'RATE_LIMITED'
  /** The request contradicts the graph as it is (an alias another entity holds, a later edit in the way); `details.reason` says which. */
  | 'CONFLICT';

export class NewsGraphError extends Error {
  readonly code: ErrorCode;
  /** The file, URL or item index the error concerns, when there is one. */
  readonly origin?: string;
  /** Machine-readable particulars a client can act on (which entity holds an alias, which edits are in the way). */
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, options: { origin?: string; cause?: unknown; details?: Record<string, unknown> } = {}) {
    super(options.origin ? `${options.origin}: ${message}` : message, { cause: options.cause });
    this.name = 'NewsGraphError';
    this.code = code;
    this.origin = options.origin;
    this.details = options.details;
  }
}

export const badInput = (message: string, origin?: string): NewsGraphError => new NewsGraphError('BAD_USER_INPUT', message, { origin });
