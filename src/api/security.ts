import { createHash, timingSafeEqual } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { checkLimits } from './limits';

/** What a deployment allows: keys, writes, discovery, browsers, sizes and rates. */
export interface SecuritySettings {
  /** Keys accepted for writes; several at once during a rotation. None: writes are refused. */
  apiKeys: string[];
  /** No writes at all, whatever the key. */
  readOnly: boolean;
  introspection: boolean;
  landingPage: boolean;
  /** ['*']: any origin; []: none; else the allowed origins. */
  corsOrigins: string[];
  maxBodyBytes: number;
  /** Per client per minute; 0 turns the limit off. */
  writeRateLimit: number;
  expensiveReadRateLimit: number;
  /** Estimated cost (see limits.ts) from which a read counts as expensive. */
  expensiveCost: number;
}

export const DEFAULT_SECURITY: SecuritySettings = {
  apiKeys: [],
  readOnly: false,
  introspection: true,
  landingPage: true,
  corsOrigins: ['*'],
  maxBodyBytes: 8 * 1024 * 1024,
  writeRateLimit: 60,
  expensiveReadRateLimit: 120,
  expensiveCost: 5000,
};

const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

/**
 * A key may be given a name for the audit trail of edits: `alice:s3cret` is the key `s3cret`
 * named alice (the whole entry is accepted too, so keys that happen to hold a colon keep
 * working). An unnamed key is named by its hash, as rate limits count it (`key:1a2b…`).
 */
export function parseApiKey(entry: string): { name: string; secret: string } {
  const named = /^([A-Za-z][\w.-]{0,39}):(.+)$/.exec(entry);
  return named ? { name: named[1], secret: named[2] } : { name: `key:${digest(entry).toString('hex').slice(0, 16)}`, secret: entry };
}

const bearerToken = (header: string): string => {
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  return match ? match[1] : header.trim();
};

/**
 * The name of the key the bearer token is (see parseApiKey), or null when it is none of them.
 * Both sides are hashed to the same length and every key is compared, so the time taken says
 * nothing about the keys or their lengths.
 */
export function apiKeyName(header: string | undefined, apiKeys: readonly string[]): string | null {
  if (!header || !apiKeys.length) return null;
  const token = digest(bearerToken(header));
  let name: string | null = null;
  for (const key of apiKeys) {
    const { name: keyName, secret } = parseApiKey(key);
    const hit = timingSafeEqual(token, digest(secret)) || timingSafeEqual(token, digest(key));
    if (hit && name === null) name = keyName;
  }
  return name;
}

/** Whether the bearer token is one of the keys (see apiKeyName). */
export function bearerMatches(header: string | undefined, apiKeys: readonly string[]): boolean {
  return apiKeyName(header, apiKeys) !== null;
}

/** Who a request counts against: the key it carries (hashed), else its address. */
export function clientId(header: string | undefined, address: string | undefined): string {
  const match = header ? /^Bearer\s+(.+)$/i.exec(header.trim()) : null;
  return match ? `key:${digest(match[1]).toString('hex').slice(0, 16)}` : `ip:${address ?? 'unknown'}`;
}

/** Token buckets per client: `perMinute` requests, refilled continuously. */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** 0 when the request may go ahead, else the seconds until it may. */
  take(client: string): number {
    if (this.perMinute <= 0) return 0;
    const now = this.now();
    const rate = this.perMinute / 60000;
    const b = this.buckets.get(client) ?? { tokens: this.perMinute, at: now };
    b.tokens = Math.min(this.perMinute, b.tokens + (now - b.at) * rate);
    b.at = now;
    this.buckets.set(client, b);
    if (this.buckets.size > 10000) this.forgetFull();
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - b.tokens) / rate / 1000));
  }

  /** Clients whose bucket has refilled need no memory. */
  private forgetFull(): void {
    const now = this.now();
    for (const [client, b] of this.buckets)
      if (b.tokens + (now - b.at) * (this.perMinute / 60000) >= this.perMinute) this.buckets.delete(client);
  }
}

export interface SecurityContext {
  /** See clientId. */
  client: string;
}

const refuse = (message: string, code: string, status: number, retryAfter?: number): GraphQLError =>
  new GraphQLError(message, {
    extensions: {
      code,
      ...(retryAfter ? { retryAfter } : {}),
      http: { status, headers: new Map(retryAfter ? [['retry-after', String(retryAfter)]] : []) },
    },
  });

/**
 * Read-only deployments refuse every mutation before it runs; writes and expensive reads are
 * rate-limited per client with a 429 and a RATE_LIMITED code saying when to retry.
 */
export function securityPlugin<C extends SecurityContext>(settings: SecuritySettings): ApolloServerPlugin<C> {
  const writes = new RateLimiter(settings.writeRateLimit);
  const expensive = new RateLimiter(settings.expensiveReadRateLimit);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request, document, schema, contextValue }) {
          if (operation?.operation === 'mutation') {
            if (settings.readOnly)
              throw refuse('This deployment is read-only: mutations are disabled (NEWSGRAPH_READ_ONLY).', 'FORBIDDEN', 403);
            const wait = writes.take(contextValue.client);
            if (wait)
              throw refuse(
                `Too many writes: at most ${settings.writeRateLimit} per minute per client; retry in ${wait} s.`,
                'RATE_LIMITED',
                429,
                wait,
              );
            return;
          }
          if (settings.expensiveReadRateLimit <= 0) return;
          // the cost rule run with the threshold as its limit says whether this read is expensive
          const over = checkLimits(schema, document, {
            maxCost: settings.expensiveCost,
            maxDepth: Number.MAX_SAFE_INTEGER,
            variables: request.variables ?? {},
          });
          if (!over.length) return;
          const wait = expensive.take(contextValue.client);
          if (wait) {
            throw refuse(
              `Too many expensive queries: at most ${settings.expensiveReadRateLimit} per minute per client above cost ${settings.expensiveCost}; retry in ${wait} s.`,
              'RATE_LIMITED',
              429,
              wait,
            );
          }
        },
      };
    },
  };
}
