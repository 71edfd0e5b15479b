import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import type { Executor } from '../store/executor';
import { createLoaders, type Context } from './context';
import { formatError } from './errors';
import { serveHttp, type ReadinessReport, type Route } from './http';
import { limitsPlugin } from './limits';
import { createSchema } from './schema';
import { DEFAULT_SECURITY, bearerMatches, clientId, securityPlugin, type SecuritySettings } from './security';

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
  shutdownGraceMs?: number;
  routes?: Route[];
  log?: (msg: string, err?: unknown) => void;
}

export interface ApiServer {
  url: string;
  stop(): Promise<void>;
}

/** The settings in effect: defaults, then the options (apiKey joins the keys). */
export function securitySettings(options: Pick<ApiServerOptions, 'apiKey' | 'security'> = {}): SecuritySettings {
  const merged = { ...DEFAULT_SECURITY, ...options.security };
  return { ...merged, apiKeys: [...new Set([...(options.apiKey ? [options.apiKey] : []), ...merged.apiKeys])] };
}

export async function createApolloServer(options: Pick<ApiServerOptions, 'log' | 'security'> = {}): Promise<ApolloServer<Context>> {
  const log = options.log ?? ((msg: string, err?: unknown) => console.error(msg, err ?? ''));
  const security = securitySettings(options);
  return new ApolloServer<Context>({
    schema: await createSchema(),
    introspection: security.introspection,
    // stack traces stay in the server log, never in responses
    includeStacktraceInErrorResponses: false,
    formatError: (formatted, error) => formatError(formatted, error, log),
    // the embedded Apollo Sandbox on GET /graphql, so the API can be explored from a browser
    plugins: [
      security.landingPage ? ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false }) : ApolloServerPluginLandingPageDisabled(),
      limitsPlugin(),
      securityPlugin<Context>(security),
    ],
  });
}

export function contextFor(executor: Executor, apiKeys: string | string[] | undefined, authorization: string | undefined, address?: string): Context {
  const keys = Array.isArray(apiKeys) ? apiKeys : apiKeys ? [apiKeys] : [];
  return {
    executor,
    loaders: createLoaders(executor),
    authorized: bearerMatches(authorization, keys),
    writesEnabled: keys.length > 0,
    client: clientId(authorization, address),
  };
}

/** Serves GraphQL over HTTP at http://host:port/graphql (any path answers). */
export async function startApiServer(options: ApiServerOptions): Promise<ApiServer> {
  const log = options.log ?? ((msg: string, err?: unknown) => console.error(msg, err ?? ''));
  const security = securitySettings(options);
  const server = await createApolloServer({ log, security });
  const { url } = await serveHttp(server, {
    port: options.port,
    host: options.host,
    corsOrigins: security.corsOrigins,
    maxBodyBytes: security.maxBodyBytes,
    readiness: options.readiness,
    shutdownGraceMs: options.shutdownGraceMs,
    routes: options.routes,
    log,
    context: async (req) => contextFor(options.executor, security.apiKeys, req.headers.authorization, req.socket.remoteAddress),
  });
  const graphqlUrl = new URL('graphql', url).toString();
  return { url: graphqlUrl, stop: () => server.stop() };
}
