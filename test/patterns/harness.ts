import { pathToFileURL } from 'node:url';
import { ensureBundle } from '../../scripts/bundle.js';

type Core = typeof import('../../sim/index.ts');

/**
 * The simulation core as one esbuild bundle: pattern tests run hundreds of
 * thousands of agent-weeks, which is several times faster bundled than
 * through the test runner's per-module transform. Same source, same numbers.
 */
export async function loadCore(): Promise<Core> {
  const file = await ensureBundle('sim/index.ts', 'dist/sim.mjs');
  return (await import(/* @vite-ignore */ pathToFileURL(file).href)) as Core;
}

/** Replications for the pattern tests (the issue asks for at least 20). */
export const REPLICATIONS = 20;

/** A short description of an estimate for assertion messages. */
export const show = (e: { mean: number; ci95: [number, number] }) =>
  `${e.mean.toFixed(4)} [${e.ci95[0].toFixed(4)}, ${e.ci95[1].toFixed(4)}]`;
