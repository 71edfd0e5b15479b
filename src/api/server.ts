import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { startStandaloneServer } from '@apollo/server/standalone';
import { timingSafeEqual } from 'node:crypto';
import type { Executor } from '../store/executor';
import { createLoaders, type Context } from './context';
import { formatError } from './errors';
import { limitsPlugin } from './limits';
import { createSchema } from './schema';

export interface ApiServerOptions {
  executor: Executor;
  port: number;
  host?: string;
  /** Write mutations need `Authorization: Bearer <apiKey>`; without a key they are refused. */
  apiKey?: string;
  log?: (msg: string, err?: unknown) => void;
}

export interface ApiServer {
  url: string;
  stop(): Promise<void>;
}

function bearerMatches(header: string | undefined, apiKey: string | undefined): boolean {
  if (!apiKey || !header) return false;
  const token = header.replace(/^Bearer\s+/i, '');
  const a = Buffer.from(token);
  const b = Buffer.from(apiKey);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function createApolloServer(options: Pick<ApiServerOptions, 'log'> = {}): Promise<ApolloServer<Context>> {
  const log = options.log ?? ((msg: string, err?: unknown) => console.error(msg, err ?? ''));
  return new ApolloServer<Context>({
    schema: await createSchema(),
    introspection: true,
    // stack traces stay in the server log, never in responses
    includeStacktraceInErrorResponses: false,
    formatError: (formatted, error) => formatError(formatted, error, log),
    // the embedded Apollo Sandbox on GET /graphql, so the API can be explored from a browser
    plugins: [ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false }), limitsPlugin()],
  });
}

export function contextFor(executor: Executor, apiKey: string | undefined, authorization: string | undefined): Context {
  return {
    executor,
    loaders: createLoaders(executor),
    authorized: bearerMatches(authorization, apiKey),
    writesEnabled: Boolean(apiKey),
  };
}

/** Serves GraphQL over HTTP at http://host:port/graphql (any path answers). */
export async function startApiServer(options: ApiServerOptions): Promise<ApiServer> {
  const server = await createApolloServer({ log: options.log });
  const { url } = await startStandaloneServer(server, {
    listen: { port: options.port, host: options.host },
    context: async ({ req }) => contextFor(options.executor, options.apiKey, req.headers.authorization),
  });
  const graphqlUrl = new URL('graphql', url).toString().replace('//[::]', '//localhost').replace('//0.0.0.0', '//localhost');
  return { url: graphqlUrl, stop: () => server.stop() };
}
