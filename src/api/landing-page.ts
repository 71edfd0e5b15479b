import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { EXPLORER_BASE, GRAPHIQL_PATH } from './static-routes';

const BAR_HEIGHT = 30;

/**
 * Apollo Sandbox on GET /graphql for people online, with a bar on top that links to the
 * local GraphiQL and the explorer: Sandbox loads from Apollo's CDN, these two from this server.
 */
export function landingPageWithOfflineLinks(): ApolloServerPlugin {
  const sandbox = ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false });
  return {
    async serverWillStart(service) {
      const listener = await sandbox.serverWillStart?.(service);
      if (!listener?.renderLandingPage) return listener;
      const inner = listener.renderLandingPage;
      return {
        ...listener,
        async renderLandingPage() {
          const page = await inner();
          const html = typeof page.html === 'string' ? page.html : await page.html();
          return { html: withOfflineBar(html) };
        },
      };
    },
  };
}

/** Inserts the bar after <body>; its style reuses the page's CSP nonce, so no CSP change is needed. */
export function withOfflineBar(html: string): string {
  const nonce = /'nonce-([^']+)'/.exec(html)?.[1];
  const nonceAttr = nonce ? ` nonce="${nonce}"` : '';
  const bar =
    `<style${nonceAttr}>` +
    `#newsgraph-offline-bar{height:${BAR_HEIGHT}px;box-sizing:border-box;padding:6px 12px;font:13px system-ui,sans-serif;background:#10243e;color:#dfe7f1}` +
    `#newsgraph-offline-bar a{color:#8fd0ff;margin-left:12px}` +
    `#embeddableSandbox{height:calc(100vh - ${BAR_HEIGHT}px)!important}` +
    `</style>` +
    `<div id="newsgraph-offline-bar">NewsGraph — 離線也能用 / works offline:` +
    `<a href="${GRAPHIQL_PATH}">GraphiQL (local)</a>` +
    `<a href="${EXPLORER_BASE}">Explorer 探索</a></div>`;
  return html.replace(/<body>/, `<body>${bar}`);
}
