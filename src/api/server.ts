import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express from 'express';
import { parse, type GraphQLSchema } from 'graphql';
import type * as GraphqlWsServer from 'graphql-ws/dist/use/ws';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { WebSocketServer } from 'ws';
import { PROJECT_ROOT } from '../config';
import { createLogger, errorLog, type Logger } from '../logger';
import type { Executor } from '../store/executor';
import { createLoaders, createWriteStore, type Context } from './context';
import { formatError } from './errors';
import { followChanges, type ChangeFollower } from './change-follower';
import { createInProcessEvents, type EventBus } from './events';
import { answerMiddlewareError, healthRoute, type ReadinessReport, type Route } from './http';
import { landingPageWithOfflineLinks } from './landing-page';
import { checkLimits, limitsPlugin } from './limits';
import { createSchema } from './schema';
import { DEFAULT_SECURITY, apiKeyName, clientId, securityPlugin, type SecuritySettings } from './security';
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
  /** Keys, read-only mode, introspection, landing page, CORS, body size, rate limits. */
  security?: Partial<SecuritySettings>;
  /** GET /readyz asks this; without it the API reports ready. */
  readiness?: () => Promise<ReadinessReport>;
  /** How long stop() waits for in-flight requests before closing their connections. */
  shutdownGraceMs?: number;
  /** Further routes, tried after the health routes. */
  routes?: Route[];
  /** Where live updates are published and subscribed to (default: in-process). */
  events?: EventBus;
  /**
   * How live updates learn of writes: by following the change feed in Neo4j (the default), so
   * that articles written by any process are published; `false`: only this instance's mutations
   * publish, straight from their results.
   */
  changeFeed?: false | { intervalMs?: number; lagMs?: number; retentionMs?: number };
  log?: (msg: string, err?: unknown) => void;
  /** The structured logger (default: pino on stderr); Apollo Server logs to it too. `log`, when given, takes the errors instead. */
  logger?: Logger;
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
  /** The change-feed follower, when there is one (`ready` resolves once it reads the feed). */
  changes?: ChangeFollower;
  stop(): Promise<void>;
}

/** The settings in effect: defaults, then the options (apiKey joins the keys). */
export function securitySettings(options: Pick<ApiServerOptions, 'apiKey' | 'security'> = {}): SecuritySettings {
  const merged = { ...DEFAULT_SECURITY, ...options.security };
  return { ...merged, apiKeys: [...new Set([...(options.apiKey ? [options.apiKey] : []), ...merged.apiKeys])] };
}

export async function createApolloServer(
  options: Pick<ApiServerOptions, 'log' | 'logger' | 'events' | 'security' | 'apiKey' | 'shutdownGraceMs'> & {
    schema?: GraphQLSchema;
    httpServer?: http.Server;
  } = {},
): Promise<ApolloServer<Context>> {
  const logger = options.logger ?? createLogger();
  const log = options.log ?? errorLog(logger);
  const security = securitySettings(options);
  return new ApolloServer<Context>({
    schema: options.schema ?? (await createSchema(options.events)),
    introspection: security.introspection,
    logger,
    // stack traces stay in the server log, never in responses
    includeStacktraceInErrorResponses: false,
    // fragments that multiply selections are refused before the cost walk (GRAPHQL_VALIDATION_FAILED)
    maxRecursiveSelections: true,
    formatError: (formatted, error) => formatError(formatted, error, log),
    // compact JSON: Apollo indents every response by default, a third more bytes to write and parse
    stringifyResult: (result) => JSON.stringify(result),
    plugins: [
      // Apollo Sandbox on GET /graphql, with links to the offline GraphiQL and the explorer
      security.landingPage ? landingPageWithOfflineLinks() : ApolloServerPluginLandingPageDisabled(),
      limitsPlugin(),
      securityPlugin<Context>(security),
      // no field sets cache hints and no response carries Cache-Control from them; left on, the
      // plugin wraps every field's resolver to read hints (a fifth of a big list's execution)
      ApolloServerPluginCacheControlDisabled(),
      ...(options.httpServer
        ? [ApolloServerPluginDrainHttpServer({ httpServer: options.httpServer, stopGracePeriodMillis: options.shutdownGraceMs ?? 10000 })]
        : []),
    ],
  });
}

export function contextFor(
  executor: Executor,
  apiKeys: string | readonly string[] | undefined,
  authorization: string | undefined,
  options: { events?: EventBus; address?: string; changes?: Pick<ChangeFollower, 'poke'> } = {},
): Context {
  const keys = Array.isArray(apiKeys) ? [...apiKeys] : typeof apiKeys === 'string' && apiKeys ? [apiKeys] : [];
  const actor = apiKeyName(authorization, keys);
  return {
    store: executor,
    writes: createWriteStore(executor),
    loaders: createLoaders(executor),
    authorized: actor !== null,
    actor,
    writesEnabled: keys.length > 0,
    events: options.events ?? createInProcessEvents(),
    ...(options.changes ? { changes: options.changes } : {}),
    client: clientId(authorization, options.address),
  };
}

/** A `Route` (health checks, extra routes) as Express middleware. */
const asMiddleware =
  (route: Route): express.RequestHandler =>
  (req, res, next) => {
    Promise.resolve(route(req, res)).then((handled) => (handled ? undefined : next()), next);
  };

/**
 * One HTTP server on one port: GraphQL at /graphql (Sandbox landing page for browsers) and its
 * subscriptions over WebSocket (graphql-ws) at ws://host:port/graphql, /healthz and /readyz,
 * the explorer at /explore (deep links too), the offline GraphiQL at /graphiql, `/` -> /explore.
 */
export async function startApiServer(options: ApiServerOptions): Promise<ApiServer> {
  const logger = options.logger ?? createLogger();
  const log = options.log ?? errorLog(logger);
  const security = securitySettings(options);
  const events = options.events ?? createInProcessEvents();
  const schema = await createSchema(events);
  const changes =
    options.changeFeed === false ? undefined : followChanges({ executor: options.executor, events, log, ...options.changeFeed });
  const app = express();
  const httpServer = http.createServer(app);
  // slow clients cannot hold sockets for ever
  httpServer.headersTimeout = 20000;
  httpServer.requestTimeout = 120000;
  // Node closes an idle keep-alive socket after 5 s; when the event loop was busy (extraction
  // loading its lexicons on a first write) that timer fires late, just as a client sends its next
  // request on the socket, which it sees as ECONNRESET (npm run bench:load showed bursts of them)
  httpServer.keepAliveTimeout = 15000;
  const server = await createApolloServer({ log, logger, schema, httpServer, security, shutdownGraceMs: options.shutdownGraceMs });
  await server.start();
  const origins = security.corsOrigins;
  app.disable('x-powered-by');
  app.use(asMiddleware(healthRoute(options.readiness)));
  for (const route of options.routes ?? []) app.use(asMiddleware(route));
  app.use(staticRoutes({ webDir: options.webDir ?? DEFAULT_WEB_DIR }));
  app.use(
    '/graphql',
    cors({ origin: origins.includes('*') ? '*' : origins.length ? origins : false, maxAge: 600 }),
    (req, res, next) => {
      // a declared body over the limit is refused before it is read
      const declared = Number(req.headers['content-length']);
      if (Number.isFinite(declared) && declared > security.maxBodyBytes) {
        res.setHeader('connection', 'close');
        res.status(413).json({
          errors: [
            {
              message: `The request body is larger than the limit of ${security.maxBodyBytes} bytes.`,
              extensions: { code: 'PAYLOAD_TOO_LARGE' },
            },
          ],
        });
        return;
      }
      next();
    },
    express.json({ limit: security.maxBodyBytes, type: ['application/json', 'application/graphql-response+json', 'application/*+json'] }),
    expressMiddleware(server, {
      context: async ({ req }) =>
        contextFor(options.executor, security.apiKeys, req.headers.authorization, { events, changes, address: req.socket.remoteAddress }),
    }),
  );
  // a body that is not JSON, too large, in an odd charset: a coded error, never Express's HTML page with a stack
  app.use((err: unknown, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (res.headersSent) return next(err);
    answerMiddlewareError(res, err, security.maxBodyBytes, log);
  });
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen({ port: options.port, host: options.host }, () => {
      httpServer.off('error', reject);
      resolve();
    });
  }).catch(async (err) => {
    await changes?.stop();
    throw err;
  });
  // a subscriber connecting now hears every write committed from now on
  await changes?.ready;
  // subscriptions attach once the port is ours: a port in use is reported once, by listen()
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql', maxPayload: security.maxBodyBytes });
  const wsCleanup = useServer(
    {
      schema,
      context: (ctx) => {
        const params = (ctx.connectionParams ?? {}) as Record<string, unknown>;
        const auth = typeof params.authorization === 'string' ? params.authorization : undefined;
        return { ...contextFor(options.executor, security.apiKeys, auth, { events, changes }) };
      },
      // the same depth and cost limits as HTTP requests, priced with the subscription's variables;
      // a query that does not parse is left to graphql-ws, which answers it as usual
      onSubscribe: (_ctx, _id, payload) => {
        let document;
        try {
          document = parse(payload.query);
        } catch {
          return undefined;
        }
        const over = checkLimits(schema, document, { variables: payload.variables ?? {} });
        return over.length ? over : undefined;
      },
    },
    wsServer,
  );
  const address = httpServer.address() as AddressInfo;
  const host =
    !options.host || options.host === '0.0.0.0' || options.host === '::'
      ? 'localhost'
      : options.host.includes(':')
        ? `[${options.host}]`
        : options.host;
  const origin = `http://${host}:${address.port}`;
  return {
    url: `${origin}/graphql`,
    explorerUrl: `${origin}/explore`,
    wsUrl: `ws://${host}:${address.port}/graphql`,
    events,
    ...(changes ? { changes } : {}),
    stop: async () => {
      await changes?.stop();
      await wsCleanup.dispose();
      await server.stop();
    },
  };
}
