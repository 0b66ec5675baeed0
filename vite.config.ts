import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// One config for the dev server (`npm start`), the static site (`npm run build`, into dist/web) and the tests.
export default defineConfig({
  root: here('./viz'),
  // relative asset paths: the built site works from any folder of any web server, and offline
  base: './',
  publicDir: false,
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
  },
});
