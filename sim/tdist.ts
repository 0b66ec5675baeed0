/** Student's t distribution and the paired t-test used by hypotheses. Exact to about 1e-12; no dependencies. */

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos approximation, g = 7; relative error about 1e-15). */
export function lnGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lnGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i] / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Continued fraction of the incomplete beta function (modified Lentz; Numerical Recipes §6.4). */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const TINY = 1e-300, EPS = 1e-15;
  const qab = a + b, qap = a + 1, qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  // converges in O(sqrt(max(a, b))) steps
  const maxIter = 100 + Math.ceil(20 * Math.sqrt(Math.max(a, b)));
  for (let m = 1; m <= maxIter; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  return h;
}

/** The regularised incomplete beta function I_x(a, b), for 0 ≤ x ≤ 1 and a, b > 0. */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (!(x >= 0 && x <= 1) || !(a > 0) || !(b > 0)) return NaN;
  if (x === 0 || x === 1) return x;
  const lnFront = lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(lnFront) * betaContinuedFraction(x, a, b)) / a;
  return 1 - (Math.exp(lnFront) * betaContinuedFraction(1 - x, b, a)) / b;
}

/** P(T ≤ t) for Student's t with `df` > 0 degrees of freedom (df need not be an integer). */
export function tCdf(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return NaN;
  if (t === Infinity) return 1;
  if (t === -Infinity) return 0;
  // P(|T| > |t|) = I_{df/(df+t²)}(df/2, 1/2)
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t > 0 ? 1 - tail : tail;
}

/** Two-sided p-value of a t statistic: P(|T| ≥ |t|). */
export function tTwoSidedP(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return NaN;
  if (!Number.isFinite(t)) return 0;
  return Math.min(1, incompleteBeta(df / (df + t * t), df / 2, 0.5));
}

/** The p-quantile of Student's t with `df` degrees of freedom (bisection on tCdf; 0 < p < 1). */
export function tQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1) || !(df > 0)) return NaN;
  if (p === 0.5) return 0;
  if (p < 0.5) return -tQuantile(1 - p, df);
  let lo = 0, hi = 1;
  while (tCdf(hi, df) < p && hi < 1e300) {
    lo = hi;
    hi *= 2;
  }
  for (let i = 0; i < 200 && hi - lo > 1e-13 * Math.max(1, hi); i++) {
    const mid = (lo + hi) / 2;
    if (tCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

// ---------------------------------------------------------------------------
// The paired test and the verdict

/** A two-sided paired t-test of mean difference 0, with the 95% t-interval of the mean. */
export interface PairedTest {
  n: number;
  mean: number;
  /** Standard deviation of the differences (n − 1 in the denominator). */
  sd: number;
  /** Standard error of the mean, sd / √n. */
  se: number;
  ci95: [number, number];
  t: number;
  df: number;
  p: number;
}

const T975 = new Map<number, number>();

/** The 97.5% quantile of Student's t with `df` degrees of freedom (`tQuantile(0.975, df)`, kept per df): the one every 95% interval uses. */
export function tQuantile975(df: number): number {
  let q = T975.get(df);
  if (q === undefined) {
    q = tQuantile(0.975, df);
    if (T975.size < 4096) T975.set(df, q);
  }
  return q;
}

/** The mean of a sample, its spread and its 95% t-interval: the one computation behind `pairedTest` and `estimate` (sim/stats.ts). */
export interface MeanInterval {
  n: number;
  mean: number;
  /** Standard deviation (n − 1 in the denominator); exactly 0 when all values are equal. */
  sd: number;
  /** Standard error of the mean, sd / √n. */
  se: number;
  ci95: [number, number];
}

/** Mean, sd, se and 95% t-interval of `xs` (n ≥ 2; all values equal give the value itself and a zero-width interval). */
export function meanInterval(xs: ArrayLike<number>): MeanInterval {
  const n = xs.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += xs[i];
  let same = true;
  for (let i = 1; i < n && same; i++) same = xs[i] === xs[0];
  const mean = same ? xs[0] : sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (xs[i] - mean) ** 2;
  const sd = Math.sqrt(ss / (n - 1));
  const se = sd / Math.sqrt(n);
  const half = tQuantile975(n - 1) * se;
  return { n, mean, sd, se, ci95: [mean - half, mean + half] };
}

export function pairedTest(d: ArrayLike<number>): PairedTest {
  const n = d.length;
  if (n < 2) throw new RangeError(`a paired test needs at least 2 differences, got ${n}`);
  const { mean, sd, se, ci95 } = meanInterval(d);
  const df = n - 1;
  let t: number, p: number;
  if (se > 0) {
    t = mean / se;
    p = tTwoSidedP(t, df);
  } else {
    // all differences equal: no noise at all
    t = mean === 0 ? 0 : mean > 0 ? Infinity : -Infinity;
    p = mean === 0 ? 1 : 0;
  }
  return { n, mean, sd, se, ci95, t, df, p };
}

/**
 * Replications for 80% power to detect an effect of `delta` with a two-sided
 * 5% paired t-test when the differences have standard deviation `sd`: the
 * smallest n ≥ 2 with
 *
 *     √n ≥ (t(0.975, n − 1) + t(0.80, n − 1)) · sd / delta
 *
 * (the usual t-corrected version of n = ((z₀.₉₇₅ + z₀.₈₀) · sd / delta)²).
 */
export function replicationsFor80Power(sd: number, delta: number): number {
  if (!(delta > 0) || !(sd >= 0) || !Number.isFinite(sd)) return NaN;
  const ok = (n: number) => Math.sqrt(n) >= ((tQuantile(0.975, n - 1) + tQuantile(0.8, n - 1)) * sd) / delta;
  let n = Math.max(2, Math.ceil((((1.959963984540054 + 0.8416212335729143) * sd) / delta) ** 2));
  if (n > 1e7) return n; // the normal approximation is exact enough this far out
  while (!ok(n)) n++;
  while (n > 2 && ok(n - 1)) n--;
  return n;
}
