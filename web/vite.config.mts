import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The explorer (index.html) and the offline GraphiQL (graphiql.html), built into dist/web and
// served by the API server under /explore (src/api/static-routes.ts uses the same base).
const here = dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: here,
  base: '/explore/',
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: resolve(here, '..', 'dist', 'web'),
    emptyOutDir: true,
    // Monaco (inside GraphiQL) is large by nature; it only loads on /graphiql
    chunkSizeWarningLimit: 5000,
    rollupOptions: {
      input: {
        explorer: resolve(here, 'index.html'),
        graphiql: resolve(here, 'graphiql.html'),
      },
      // React libraries inside GraphiQL mark modules "use client"; meaningless in this bundle
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});
