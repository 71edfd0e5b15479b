import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express from 'express';
import { specifiedRules, validate, type GraphQLSchema } from 'graphql';
import type * as GraphqlWsServer from 'graphql-ws/dist/use/ws';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { timingSafeEqual } from 'node:crypto';
import { WebSocketServer } from 'ws';
import { PROJECT_ROOT } from '../config';
import type { Executor } from '../store/executor';
import { createLoaders, type Context } from './context';
import { formatError } from './errors';
import { createInProcessEvents, type EventBus } from './events';
import { landingPageWithOfflineLinks } from './landing-page';
import { limitsPlugin, queryLimits } from './limits';
import { createSchema } from './schema';
import { staticRoutes } from './static-routes';

/** The Vite build of web/ (explorer + GraphiQL), written by `npm run build`. */
export const DEFAULT_WEB_DIR = path.join(PROJECT_ROOT, 'dist', 'web');

// graphql-ws publishes its ws adapter only through package exports, which this project's
// CommonJS module resolution does not read for types; the types come from the file itself
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { useServer } = require('graphql-ws/use/ws') as typeof GraphqlWsServer;

export interface ApiServerOptions {
  executor: Executor;
  port: number;
  host?: string;
  /** Write mutations need `Authorization: Bearer <apiKey>`; without a key they are refused. */
  apiKey?: string;
  /** Where live updates are published and subscribed to (default: in-process). */
  events?: EventBus;
  log?: (msg: string, err?: unknown) => void;
  /** Built explorer bundle (default: dist/web). */
  webDir?: string;
}

export interface ApiServer {
  /** The GraphQL endpoint, http://host:port/graphql. */
  url: string;
  /** The explorer page, http://host:port/explore. */
  explorerUrl: string;
  /** ws:// URL for GraphQL subscriptions (graphql-ws protocol), same port. */
  wsUrl: string;
  events: EventBus;
  stop(): Promise<void>;
}

function bearerMatches(header: string | undefined, apiKey: string | undefined): boolean {
  if (!apiKey || !header) return false;
  const token = header.replace(/^Bearer\s+/i, '');
  const a = Buffer.from(token);
  const b = Buffer.from(apiKey);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function createApolloServer(
  options: Pick<ApiServerOptions, 'log' | 'events'> & { schema?: GraphQLSchema; httpServer?: http.Server } = {},
): Promise<ApolloServer<Context>> {
  const log = options.log ?? ((msg: string, err?: unknown) => console.error(msg, err ?? ''));
  return new ApolloServer<Context>({
    schema: options.schema ?? (await createSchema(options.events)),
    introspection: true,
    // stack traces stay in the server log, never in responses
    includeStacktraceInErrorResponses: false,
    formatError: (formatted, error) => formatError(formatted, error, log),
    // Apollo Sandbox on GET /graphql, with links to the offline GraphiQL and the explorer
    plugins: [
      landingPageWithOfflineLinks(),
      limitsPlugin(),
      ...(options.httpServer ? [ApolloServerPluginDrainHttpServer({ httpServer: options.httpServer })] : []),
    ],
  });
}

export function contextFor(executor: Executor, apiKey: string | undefined, authorization: string | undefined, events: EventBus = createInProcessEvents()): Context {
  return {
    executor,
    loaders: createLoaders(executor),
    authorized: bearerMatches(authorization, apiKey),
    writesEnabled: Boolean(apiKey),
    events,
  };
}

/**
 * One HTTP server on one port: GraphQL at /graphql (Sandbox landing page for browsers) and its
 * subscriptions over WebSocket (graphql-ws) at ws://host:port/graphql, the explorer at /explore
 * (deep links too), the offline GraphiQL at /graphiql, `/` -> /explore.
 */
export async function startApiServer(options: ApiServerOptions): Promise<ApiServer> {
  const events = options.events ?? createInProcessEvents();
  const schema = await createSchema(events);
  const app = express();
  const httpServer = http.createServer(app);
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const wsCleanup = useServer(
    {
      schema,
      context: (ctx) => {
        const params = (ctx.connectionParams ?? {}) as Record<string, unknown>;
        const auth = typeof params.authorization === 'string' ? params.authorization : undefined;
        return contextFor(options.executor, options.apiKey, auth, events) as unknown as Record<string, unknown>;
      },
      // the same depth and cost limits as HTTP requests
      validate: (s, document, rules) => validate(s, document, [...(rules ?? specifiedRules), queryLimits()]),
    },
    wsServer,
  );
  const server = await createApolloServer({ log: options.log, schema, httpServer });
  await server.start();
  app.disable('x-powered-by');
  app.use(staticRoutes({ webDir: options.webDir ?? DEFAULT_WEB_DIR }));
  app.use(
    '/graphql',
    cors(),
    express.json({ limit: '50mb' }),
    expressMiddleware(server, { context: async ({ req }) => contextFor(options.executor, options.apiKey, req.headers.authorization, events) }),
  );
  // a body that is not JSON, too large, in an odd charset: a coded error, never Express's HTML page with a stack
  app.use((err: { status?: number; statusCode?: number; message?: string }, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (res.headersSent) return next(err);
    const status = err.status ?? err.statusCode ?? 500;
    if (status >= 500) (options.log ?? console.error)('HTTP request failed', err);
    const code = status >= 500 ? 'INTERNAL_SERVER_ERROR' : status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST';
    const message = status >= 500 ? 'Internal server error' : status === 404 ? 'Not found' : `Bad request: ${err.message ?? 'unreadable body'}`;
    res.status(status).json({ errors: [{ message, extensions: { code } }] });
  });
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen({ port: options.port, host: options.host }, () => resolve());
  });
  const address = httpServer.address() as AddressInfo;
  const host = !options.host || options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${address.port}/graphql`,
    explorerUrl: `http://${host}:${address.port}/explore`,
    wsUrl: `ws://${host}:${address.port}/graphql`,
    events,
    stop: async () => {
      await wsCleanup.dispose();
      await server.stop();
    },
  };
}
