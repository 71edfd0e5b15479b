import { ApolloServerErrorCode } from '@apollo/server/errors';
import * as http from 'node:http';
import type { BaseContext } from '@apollo/server';

/**
 * The HTTP pieces server.ts mounts: health routes and coded answers for unreadable requests.
 * Every answer is JSON with a code; no stack trace or internal message ever reaches a client.
 */

export interface ReadinessReport {
  ready: boolean;
  reason?: string;
}

/** A route served before GraphQL; returns true when it answered the request. */
export type Route = (req: http.IncomingMessage, res: http.ServerResponse) => boolean | Promise<boolean>;

export interface HttpOptions<C extends BaseContext> {
  port: number;
  host?: string;
  corsOrigins: string[];
  maxBodyBytes: number;
  /** GET /readyz: whether the database answers and the schema is applied. */
  readiness?: () => Promise<ReadinessReport>;
  /** How long stop() waits for in-flight requests before closing their connections. */
  shutdownGraceMs?: number;
  /** Further routes (static files, ...), tried after the health routes. */
  routes?: Route[];
  context: (req: http.IncomingMessage) => Promise<C>;
  log: (msg: string, err?: unknown) => void;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

const httpError = (res: http.ServerResponse, status: number, code: string, message: string): void =>
  sendJson(res, status, { errors: [{ message, extensions: { code } }] });

/** Body parser and CORS failures, in words a client can act on. */
export function answerMiddlewareError(
  res: http.ServerResponse,
  err: unknown,
  maxBodyBytes: number,
  log: HttpOptions<BaseContext>['log'],
): void {
  const e = err as { type?: string; status?: number; charset?: string };
  if (e.type === 'entity.too.large')
    return httpError(res, 413, 'PAYLOAD_TOO_LARGE', `The request body is larger than the limit of ${maxBodyBytes} bytes.`);
  if (e.type === 'entity.parse.failed')
    return httpError(res, 400, ApolloServerErrorCode.BAD_REQUEST, 'The request body is not valid JSON.');
  if (e.type === 'charset.unsupported' || e.type === 'encoding.unsupported')
    return httpError(res, 415, ApolloServerErrorCode.BAD_REQUEST, 'Unsupported charset or content encoding: send UTF-8 JSON.');
  if (e.type === 'request.aborted') return;
  if (typeof e.status === 'number' && e.status >= 400 && e.status < 500)
    return httpError(res, e.status, ApolloServerErrorCode.BAD_REQUEST, 'The request could not be read.');
  log('Unexpected HTTP error:', err);
  httpError(res, 500, ApolloServerErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error');
}

export function healthRoute(readiness: HttpOptions<BaseContext>['readiness']): Route {
  return async (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== '/healthz' && path !== '/readyz') return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      httpError(res, 405, ApolloServerErrorCode.BAD_REQUEST, `${path} answers GET only.`);
      return true;
    }
    if (path === '/healthz') {
      sendJson(res, 200, { status: 'ok' });
      return true;
    }
    const report = readiness ? await readiness().catch((err: unknown) => ({ ready: false, reason: String(err) })) : { ready: true };
    sendJson(
      res,
      report.ready ? 200 : 503,
      report.ready ? { status: 'ready' } : { status: 'not ready', reason: report.reason ?? 'unknown' },
    );
    return true;
  };
}
