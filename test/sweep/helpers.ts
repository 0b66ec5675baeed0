/** Helpers for the sweep tests: the engine as the esbuild bundle (as the CLI runs it), small specs, file reading. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBundle } from '../../scripts/bundle.js';

export type Engine = typeof import('../../sim/sweep/index.ts');

/** The sweep engine from dist/sweep.mjs: worker threads start that same bundle. */
export async function loadEngine(): Promise<Engine> {
  const file = await ensureBundle('sim/sweep/index.ts', 'dist/sweep.mjs');
  return (await import(/* @vite-ignore */ pathToFileURL(file).href)) as Engine;
}

/** A sweep of 12 quick runs: 3 points × 2 replications × 2 policies of a small classroom. */
export const SMALL = {
  scenario: 'classroom', agents: 300, weeks: 52, replications: 2, vary: ['knobs.exploration=0:1:0.5'],
};

export const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');
