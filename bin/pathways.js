#!/usr/bin/env node
// The `pathways` command: build the CLI bundle if it is out of date, then run it.
import { pathToFileURL } from 'node:url';
import { ensureBundle } from '../scripts/bundle.js';

let bundle;
try {
  bundle = await ensureBundle('sim/cli/main.ts', 'dist/pathways.mjs');
} catch (err) {
  const detail = err && Array.isArray(err.errors) && err.errors[0] ? err.errors[0].text : String(err && err.message ? err.message : err);
  console.error(`pathways: could not build the command-line bundle: ${detail}`);
  if (process.env.PATHWAYS_DEBUG === '1') console.error(err);
  process.exit(1);
}
await import(pathToFileURL(bundle).href);
