/** Small statistics helpers for replicated runs. */
import { meanInterval } from './tdist.ts';

export interface Estimate {
  mean: number;
  ci95: [number, number];
}

/**
 * Mean and 95% t-interval of a sample (a single value has a zero-width
 * interval). The same computation as the hypotheses' paired test
 * (`meanInterval` in sim/tdist.ts, exact t quantile), so `compare` and
 * `hypothesis` give the same interval for the same differences.
 */
export function estimate(xs: ArrayLike<number>): Estimate {
  if (xs.length < 2) {
    const mean = xs.length ? xs[0] : NaN;
    return { mean, ci95: [mean, mean] };
  }
  const { mean, ci95 } = meanInterval(xs);
  return { mean, ci95 };
}

/** Median of a histogram of values 0..h.length-1 with `total` items; `fallback` when fewer than half are counted. */
export function histogramMedian(h: ArrayLike<number>, total: number, fallback: number): number {
  let cum = 0;
  for (let v = 0; v < h.length; v++) {
    cum += h[v];
    if (cum * 2 >= total && total > 0) return v;
  }
  return fallback;
}
