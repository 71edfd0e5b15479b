import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express from 'express';
import { specifiedRules, validate, type GraphQLSchema } from 'graphql';
import type * as GraphqlWsServer from 'graphql-ws/dist/use/ws';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { timingSafeEqual } from 'node:crypto';
import { WebSocketServer } from 'ws';
import type { Executor } from '../store/executor';
import { createLoaders, type Context } from './context';
import { formatError } from './errors';
import { createInProcessEvents, type EventBus } from './events';
import { limitsPlugin, queryLimits } from './limits';
import { createSchema } from './schema';

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
}

export interface ApiServer {
  url: string;
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
    // the embedded Apollo Sandbox on GET /graphql, so the API can be explored from a browser
    plugins: [
      ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false }),
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
 * Serves GraphQL over HTTP at http://host:port/graphql (any path answers) and subscriptions over
 * WebSocket (graphql-ws) at ws://host:port/graphql, on one port.
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
  app.use(
    cors(),
    express.json({ limit: '50mb' }),
    expressMiddleware(server, { context: async ({ req }) => contextFor(options.executor, options.apiKey, req.headers.authorization, events) }),
  );
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen({ port: options.port, host: options.host }, () => resolve());
  });
  const address = httpServer.address() as AddressInfo;
  const host = !options.host || options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${address.port}/graphql`,
    wsUrl: `ws://${host}:${address.port}/graphql`,
    events,
    stop: async () => {
      await wsCleanup.dispose();
      await server.stop();
    },
  };
}
