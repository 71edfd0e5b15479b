import { createClient } from 'graphql-ws';
import { GRAPHQL_URL } from './api';

/** connecting: first connection under way; connected: events flow; lost: retrying. */
export type LiveState = 'connecting' | 'connected' | 'lost';

export interface LiveSubscription<T> {
  query: string;
  variables?: Record<string, unknown>;
  onData: (data: T) => void;
}

export interface LiveOptions {
  onState: (state: LiveState) => void;
  /**
   * After a reconnection: events sent while the socket was down are lost, so the view
   * reloads once what it shows (a catch-up, not polling).
   */
  onReconnected?: () => void;
}

/** ws:// or wss:// on the page's own origin: the subscriptions share the API's port and path. */
export function liveUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${GRAPHQL_URL}`;
}

/**
 * Subscriptions over graphql-ws (the client bundled from npm) on one socket, retried for as
 * long as the view is open. Returns the function that closes everything.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each subscription has its own payload type
export function openLive(subscriptions: LiveSubscription<any>[], options: LiveOptions): () => void {
  let connectedOnce = false;
  let closed = false;
  options.onState('connecting');
  const client = createClient({
    url: liveUrl(),
    lazy: false,
    retryAttempts: Number.MAX_SAFE_INTEGER,
    shouldRetry: () => !closed,
    // capped exponential backoff with jitter, so a restarted server is not hit by every tab at once
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(10000, 500 * 2 ** retries) * (0.75 + Math.random() / 2))),
    on: {
      connected: () => {
        options.onState('connected');
        if (connectedOnce) options.onReconnected?.();
        connectedOnce = true;
      },
      closed: () => {
        if (!closed) options.onState(connectedOnce ? 'lost' : 'connecting');
      },
    },
  });
  const stops = subscriptions.map((s) =>
    client.subscribe<unknown>(
      { query: s.query, variables: s.variables ?? {} },
      {
        next: (result) => {
          if (result.data) s.onData(result.data);
        },
        // a subscription the server refuses ends; the socket and the other subscriptions stay
        error: (err) => console.warn('[newsgraph] subscription error', err),
        complete: () => undefined,
      },
    ),
  );
  return () => {
    closed = true;
    for (const stop of stops) stop();
    void client.dispose();
  };
}
