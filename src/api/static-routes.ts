import express, { type Request, type Response, type Router } from 'express';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Where the bundle is mounted; the Vite build uses the same base (web/vite.config.ts). */
export const EXPLORER_BASE = '/explore';
export const GRAPHIQL_PATH = '/graphiql';

export interface StaticRoutesOptions {
  /** The Vite build output: index.html (explorer), graphiql.html and assets/. */
  webDir: string;
}

/**
 * The explorer and the offline GraphiQL, served from the built bundle on the API's own port.
 * Every path under /explore answers index.html, so deep links (/explore/entity/<id>) can be
 * bookmarked; the page's router reads the path. `/` redirects to the explorer.
 */
export function staticRoutes(options: StaticRoutesOptions): Router {
  const router = express.Router();
  const assets = path.join(options.webDir, 'assets');

  const sendPage =
    (file: string) =>
    (_req: Request, res: Response): void => {
      const full = path.join(options.webDir, file);
      if (!fs.existsSync(full)) {
        res.status(503).type('text/plain').send(`The explorer is not built (${file} is missing): run \`npm run build\`.\n`);
        return;
      }
      // the page itself is never cached, so a rebuild shows at once; its hashed assets are
      res.setHeader('cache-control', 'no-cache');
      res.sendFile(full);
    };

  router.get('/', (_req, res) => res.redirect(302, EXPLORER_BASE));
  // hashed file names: safe to cache for good
  router.use(`${EXPLORER_BASE}/assets`, express.static(assets, { immutable: true, maxAge: '365d', index: false, fallthrough: false }));
  router.get(GRAPHIQL_PATH, sendPage('graphiql.html'));
  router.get(EXPLORER_BASE, sendPage('index.html'));
  router.get(`${EXPLORER_BASE}/*splat`, sendPage('index.html'));
  return router;
}
