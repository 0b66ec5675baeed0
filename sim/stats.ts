/** Small statistics helpers for replicated runs. */

/** Two-sided 97.5% quantile of Student's t with `df` degrees of freedom (Hill 1970 / Cornish-Fisher expansion). */
export function tQuantile975(df: number): number {
  if (df <= 0) return NaN;
  const table = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228];
  if (df <= 10) return table[df - 1];
  const z = 1.959963984540054;
  const g1 = (z ** 3 + z) / 4;
  const g2 = (5 * z ** 5 + 16 * z ** 3 + 3 * z) / 96;
  const g3 = (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / 384;
  return z + g1 / df + g2 / df ** 2 + g3 / df ** 3;
}

export interface Estimate {
  mean: number;
  ci95: [number, number];
}

/** Mean and 95% t-interval of a sample (a single value has a zero-width interval). */
export function estimate(xs: ArrayLike<number>): Estimate {
  const n = xs.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += xs[i];
  const mean = sum / n;
  if (n < 2) return { mean, ci95: [mean, mean] };
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (xs[i] - mean) ** 2;
  const half = tQuantile975(n - 1) * Math.sqrt(ss / (n - 1) / n);
  return { mean, ci95: [mean - half, mean + half] };
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
