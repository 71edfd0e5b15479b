import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import bodyParser from 'body-parser';
import cors from 'cors';

/**
 * The HTTP side of the API: health routes, CORS, a request body limit, then GraphQL. Every
 * answer is JSON with a code; no stack trace or internal message ever reaches a client.
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
function answerMiddlewareError(res: http.ServerResponse, err: unknown, maxBodyBytes: number, log: HttpOptions<BaseContext>['log']): void {
  const e = err as { type?: string; status?: number; charset?: string };
  if (e.type === 'entity.too.large') return httpError(res, 413, 'PAYLOAD_TOO_LARGE', `The request body is larger than the limit of ${maxBodyBytes} bytes.`);
  if (e.type === 'entity.parse.failed') return httpError(res, 400, 'BAD_REQUEST', 'The request body is not valid JSON.');
  if (e.type === 'charset.unsupported' || e.type === 'encoding.unsupported') return httpError(res, 415, 'BAD_REQUEST', 'Unsupported charset or content encoding: send UTF-8 JSON.');
  if (e.type === 'request.aborted') return;
  if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) return httpError(res, e.status, 'BAD_REQUEST', 'The request could not be read.');
  log('Unexpected HTTP error:', err);
  httpError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
}

export function healthRoute(readiness: HttpOptions<BaseContext>['readiness']): Route {
  return async (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== '/healthz' && path !== '/readyz') return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      httpError(res, 405, 'BAD_REQUEST', `${path} answers GET only.`);
      return true;
    }
    if (path === '/healthz') {
      sendJson(res, 200, { status: 'ok' });
      return true;
    }
    const report = readiness ? await readiness().catch((err: unknown) => ({ ready: false, reason: String(err) })) : { ready: true };
    sendJson(res, report.ready ? 200 : 503, report.ready ? { status: 'ready' } : { status: 'not ready', reason: report.reason ?? 'unknown' });
    return true;
  };
}

export interface HttpServer {
  url: string;
  server: http.Server;
}

/**
 * Starts Apollo behind a plain Node HTTP server. Apollo's drain plugin makes server.stop() wait
 * for in-flight requests (up to shutdownGraceMs) before closing idle and then busy connections.
 */
export async function serveHttp<C extends BaseContext>(apollo: ApolloServer<C>, options: HttpOptions<C>): Promise<HttpServer> {
  const { log, maxBodyBytes } = options;
  const origins = options.corsOrigins;
  const corsHandler = cors({ origin: origins.includes('*') ? '*' : origins.length ? origins : false, maxAge: 600 });
  const jsonHandler = bodyParser.json({ limit: maxBodyBytes, type: ['application/json', 'application/graphql-response+json', 'application/*+json'] });
  const routes = [healthRoute(options.readiness), ...(options.routes ?? [])];

  const server = http.createServer((req, res) => {
    void (async () => {
      for (const route of routes) if (await route(req, res)) return;
      const declared = Number(req.headers['content-length']);
      if (Number.isFinite(declared) && declared > maxBodyBytes) {
        res.setHeader('connection', 'close');
        return httpError(res, 413, 'PAYLOAD_TOO_LARGE', `The request body is larger than the limit of ${maxBodyBytes} bytes.`);
      }
      await new Promise<void>((resolve, reject) => corsHandler(req, res, (err?: unknown) => (err ? reject(err) : resolve())));
      if (req.method === 'OPTIONS') return; // cors answered the preflight
      await new Promise<void>((resolve, reject) => jsonHandler(req, res, (err?: unknown) => (err ? reject(err) : resolve())));
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      const response = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: {
          method: (req.method ?? 'GET').toUpperCase(),
          headers,
          search: new URL(req.url ?? '/', 'http://localhost').search,
          body: 'body' in req ? (req as { body?: unknown }).body : undefined,
        },
        context: () => options.context(req),
      });
      for (const [key, value] of response.headers) res.setHeader(key, value);
      res.statusCode = response.status ?? 200;
      if (response.body.kind === 'complete') {
        res.end(response.body.string);
        return;
      }
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    })().catch((err: unknown) => {
      if (res.headersSent) {
        log('Error after the response started:', err);
        res.destroy();
        return;
      }
      answerMiddlewareError(res, err, maxBodyBytes, log);
    });
  });
  // slow clients cannot hold sockets for ever
  server.headersTimeout = 20000;
  server.requestTimeout = 120000;

  apollo.addPlugin(ApolloServerPluginDrainHttpServer({ httpServer: server, stopGracePeriodMillis: options.shutdownGraceMs ?? 10000 }));
  await apollo.start();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: options.port, host: options.host }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = !options.host || options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return { url: `http://${host}:${address.port}/`, server };
}
