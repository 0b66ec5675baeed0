// `npm run bench`: run the benchmark from an esbuild bundle (full speed, as the CLI runs).
import { pathToFileURL } from 'node:url';
import { ensureBundle } from '../scripts/bundle.js';

const file = await ensureBundle('bench/model.bench.ts', 'dist/bench.mjs');
await import(pathToFileURL(file).href);
