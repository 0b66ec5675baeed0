/**
 * Variance-based (Sobol') sensitivity indices from a Saltelli design:
 * first-order indices by Saltelli et al. (2010, table 2 (b), with f_B centred) and total indices
 * by Jansen (1999), with 95% percentile bootstrap intervals. Browser-safe,
 * deterministic from the seed.
 *
 * Sampling: by default the matrices A and B are the two halves of a
 * 2k-dimensional Sobol' sequence randomised by linear matrix scrambling and a
 * digital shift (randomised quasi-Monte Carlo); `sampling: 'random'` gives
 * plain seeded uniform sampling instead. The bootstrap resamples the N rows as
 * if they were independent, which under quasi-Monte Carlo makes the intervals
 * conservative (the true error is usually smaller).
 */
import { InputError } from '../errors.ts';
import { checkInteger, generator, percentileInterval, randomIndex } from './bootstrap.ts';
import { SOBOL_MAX_DIMENSIONS, sobolPoints } from './sobol-sequence.ts';

export interface SaltelliOptions {
  /** Base sample size N; the design has N·(k + 2) points. A power of two suits the Sobol' sequence best. */
  samples: number;
  seed?: number | string;
  /** 'sobol' (default): scrambled Sobol' sequence; 'random': seeded uniform draws. */
  sampling?: 'sobol' | 'random';
}

export interface SobolIndex {
  /** First-order index: the share of output variance due to the factor alone. */
  S1: number;
  S1Ci: [number, number];
  /** Total index: the share due to the factor with all its interactions. */
  ST: number;
  STCi: [number, number];
}

export interface SobolIndicesOptions {
  /** Bootstrap resamples (default 1000; 0 gives zero-width intervals). */
  bootstrap?: number;
  /** Seed of the bootstrap (default 0). */
  seed?: number | string;
}

/** Most factors the Sobol'-sequence sampling supports (the sequence has 2k dimensions). */
export const SALTELLI_MAX_FACTORS = Math.floor(SOBOL_MAX_DIMENSIONS / 2);

/**
 * A Saltelli design for k factors with base sample N, in blocks of N rows:
 * A, B, then AB_1, ..., AB_k, where AB_i is A with column i taken from B.
 * N·(k + 2) points in [0, 1)^k.
 */
export function saltelliDesign(k: number, opts: SaltelliOptions): number[][] {
  checkInteger('Saltelli design: k', k, 1);
  checkInteger('Saltelli design: samples', opts.samples, 1);
  const N = opts.samples;
  const sampling = opts.sampling ?? 'sobol';
  let base: number[][];
  if (sampling === 'sobol') {
    if (k > SALTELLI_MAX_FACTORS) throw new InputError(`Saltelli design: at most ${SALTELLI_MAX_FACTORS} factors with Sobol' sampling, got ${k}; use sampling 'random'`);
    base = sobolPoints(N, 2 * k, { scramble: true, seed: `saltelli:${opts.seed ?? 0}` });
  } else if (sampling === 'random') {
    const g = generator('saltelli-random', opts.seed ?? 0);
    base = Array.from({ length: N }, () => Array.from({ length: 2 * k }, () => g()));
  } else {
    throw new InputError(`Saltelli design: sampling must be 'sobol' or 'random', got ${JSON.stringify(sampling)}`);
  }
  const A = base.map((row) => row.slice(0, k));
  const B = base.map((row) => row.slice(k));
  const out: number[][] = [...A, ...B];
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < N; j++) {
      const row = A[j].slice();
      row[i] = B[j][i];
      out.push(row);
    }
  }
  return out;
}

/**
 * S1 and ST of every factor over the rows `rows` (indices into 0..N-1) of the blocks of y.
 * f_B is centred on the mean of f_A and f_B: the estimator's expectation is unchanged, but its
 * variance no longer grows with the output's mean (an ABM metric is often 0.65 ± 0.01).
 */
function estimate(y: ArrayLike<number>, k: number, N: number, rows: ArrayLike<number>, s1: Float64Array, st: Float64Array): void {
  const n = rows.length;
  let mean = 0;
  for (let j = 0; j < n; j++) mean += y[rows[j]] + y[N + rows[j]];
  mean /= 2 * n;
  let v = 0;
  for (let j = 0; j < n; j++) v += (y[rows[j]] - mean) ** 2 + (y[N + rows[j]] - mean) ** 2;
  v /= 2 * n;
  for (let i = 0; i < k; i++) {
    const off = (2 + i) * N;
    let a = 0;
    let b = 0;
    for (let j = 0; j < n; j++) {
      const r = rows[j];
      const fA = y[r];
      const fB = y[N + r];
      const fAB = y[off + r];
      a += (fB - mean) * (fAB - fA);
      b += (fA - fAB) ** 2;
    }
    s1[i] = a / n / v;
    st[i] = b / n / (2 * v);
  }
}

/**
 * First-order (Saltelli 2010) and total (Jansen) indices of k factors from the
 * outputs y of a Saltelli design with base sample N (blocks A, B, AB_1..AB_k),
 * with 95% bootstrap intervals over the N rows. An output without variance gives NaN.
 */
export function sobolIndices(y: ArrayLike<number>, k: number, N: number, opts: SobolIndicesOptions = {}): SobolIndex[] {
  checkInteger('Sobol indices: k', k, 1);
  checkInteger('Sobol indices: N', N, 1);
  if (y.length !== N * (k + 2)) throw new InputError(`Sobol indices: ${y.length} outputs; expected N·(k + 2) = ${N * (k + 2)}`);
  const B = opts.bootstrap ?? 1000;
  checkInteger('Sobol indices: bootstrap', B, 0);
  const s1 = new Float64Array(k);
  const st = new Float64Array(k);
  estimate(y, k, N, Array.from({ length: N }, (_, j) => j), s1, st);
  const bootS1 = Array.from({ length: k }, () => new Float64Array(B));
  const bootST = Array.from({ length: k }, () => new Float64Array(B));
  const g = generator('sobol-bootstrap', opts.seed ?? 0);
  const rows = new Int32Array(N);
  const b1 = new Float64Array(k);
  const bt = new Float64Array(k);
  for (let b = 0; b < B; b++) {
    for (let j = 0; j < N; j++) rows[j] = randomIndex(g, N);
    estimate(y, k, N, rows, b1, bt);
    for (let i = 0; i < k; i++) {
      bootS1[i][b] = b1[i];
      bootST[i][b] = bt[i];
    }
  }
  return Array.from({ length: k }, (_, i) => ({
    S1: s1[i],
    S1Ci: B > 0 ? percentileInterval(bootS1[i]) : [s1[i], s1[i]],
    ST: st[i],
    STCi: B > 0 ? percentileInterval(bootST[i]) : [st[i], st[i]],
  }));
}
