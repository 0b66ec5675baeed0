/** Bootstrap helpers: seeded resampling and percentile intervals. Browser-safe. */
import { InputError } from '../errors.ts';
import { sequential, type Sequential } from '../rng.ts';

/** A seeded generator for one purpose of an analysis (`purpose` keeps streams of different uses apart). */
export function generator(purpose: string, seed: number | string): Sequential {
  return sequential(`sensitivity:${purpose}:${seed}`);
}

/** A uniform integer in 0..n-1. */
export const randomIndex = (g: Sequential, n: number): number => Math.min(n - 1, Math.floor(g() * n));

/** The q-quantile of sorted values, interpolating linearly between order statistics (R's type 7). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** The 2.5% and 97.5% percentiles of a bootstrap distribution (NaN values are left out; all NaN gives [NaN, NaN]). */
export function percentileInterval(values: ArrayLike<number>): [number, number] {
  const finite = Float64Array.from(Array.from(values).filter((v) => !Number.isNaN(v))).sort();
  return [quantileSorted(finite, 0.025), quantileSorted(finite, 0.975)];
}

export function checkInteger(what: string, v: number, min: number, max = Number.MAX_SAFE_INTEGER): void {
  if (!Number.isInteger(v) || v < min || v > max) {
    throw new InputError(`${what} must be an integer from ${min}${max === Number.MAX_SAFE_INTEGER ? ' up' : ` to ${max}`}, got ${v}`);
  }
}
