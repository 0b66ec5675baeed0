import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Plugin, ViteDevServer } from 'vite';
import { defineConfig } from 'vitest/config';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * `npm start` serves the notebooks too, under /notebooks/ as in the built site
 * (the page links notebooks/index.html, a notebook links ../index.html): a second
 * Vite server with notebooks/vite.config.ts in middleware mode, started on the
 * first request there. It has no live reload (reload the tab; `npm run notebooks`
 * has it).
 */
function notebooksInDevServer(): Plugin {
  return {
    name: 'pathways-notebooks-in-dev-server',
    apply: 'serve',
    configureServer(server) {
      let notebooks: Promise<ViteDevServer> | undefined;
      const start = () => (notebooks ??= import('vite').then(({ createServer }) => createServer({
        configFile: here('./notebooks/vite.config.ts'),
        base: '/notebooks/',
        server: { middlewareMode: true, hmr: false },
      })));
      server.middlewares.use((req, res, next) => {
        if (req.url === '/notebooks') return void res.writeHead(302, { location: '/notebooks/' }).end();
        if (!req.url?.startsWith('/notebooks/')) return next();
        start().then((nb) => nb.middlewares(req, res, next), next);
      });
      server.httpServer?.once('close', () => void notebooks?.then((nb) => nb.close()));
    },
  };
}

// One config for the dev server (`npm start`), the page's static build (`npm run build`, into dist/web; the same
// command then builds the notebooks into dist/web/notebooks with notebooks/vite.config.ts) and the tests.
export default defineConfig({
  root: here('./viz'),
  // relative asset paths: the built site works from any folder of any web server, and offline
  base: './',
  publicDir: false,
  plugins: [notebooksInDevServer()],
  server: { open: true, host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  build: { outDir: here('./dist/web'), emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 1500 },
  worker: { format: 'es' },
  test: {
    root: here('.'),
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // one test file per core: vitest's default leaves one core idle, and on a 2-core machine that is half of it
    maxWorkers: Math.max(1, availableParallelism()),
  },
});
