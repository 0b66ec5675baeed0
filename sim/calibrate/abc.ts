/**
 * Approximate Bayesian computation (ABC) over a box of parameters, driven
 * step by step: `ask()` gives a batch of parameter sets (in parameter units),
 * `tell(distances)` gives the distance of each simulation to the targets in
 * the same order. The prior is uniform on the box.
 *
 * - Rejection ABC (Pritchard et al. 1999): draw N parameter sets from the
 *   prior; keep those within a tolerance ε of the targets, or the given
 *   fraction with the smallest distances (ε is then the largest distance
 *   kept). Every kept set has the same weight.
 * - ABC-SMC, population Monte Carlo (Beaumont, Cornuet, Marin & Robert 2009;
 *   Toni et al. 2009): generation 0 is N draws from the prior, all kept
 *   (ε₀ = ∞). Generation t + 1 has tolerance ε_{t+1} = the α-quantile of the
 *   distances of population t (α = 0.5 by default; Drovandi & Pettitt 2011,
 *   Lenormand, Jabot & Deffuant 2013). A proposal picks a particle θ_k of
 *   population t with probability W_k and moves it by a Gaussian kernel with
 *   covariance 2·Σ_t, twice the weighted covariance of population t (the full
 *   matrix, or its diagonal with `kernel: 'diagonal'`); a proposal outside
 *   the box is drawn again, parent and move both. It is simulated and kept
 *   when its distance is ≤ ε_{t+1}, until N are kept. The weight of a kept θ
 *   is π(θ) / Σ_k W_k K(θ | θ_k), normalised. Redrawing the parent as well as
 *   the move makes the proposal density the mixture Σ W_k K(· | θ_k)
 *   restricted to the box and divided by one constant, so the untruncated
 *   kernel in the weights is right (a constant cancels when the weights are
 *   normalised; redrawing only the move would need each parent's own
 *   truncation constant).
 *
 * Randomness: counter-based, from sim/rng.ts `mix32`: the draws of proposal
 * j of generation t depend only on (seed, t, j, attempt), so the output
 * depends only on the seed and the options, not on how the batches fall or
 * when the run was saved and resumed; the batch size changes only how many
 * simulations past the N-th kept one are spent. Proposals are kept in the
 * order of j. Everything runs on the unit cube (each parameter scaled to
 * [0, 1]); the kernel's variances there are at least KERNEL_VARIANCE_FLOOR.
 *
 * Distances may be noisy (the driver simulates each set with common random
 * numbers): ABC needs nothing else. A NaN distance counts as +∞ (never
 * kept). Browser-safe, deterministic.
 */
import { InputError } from '../errors.ts';
import { mix32 } from '../rng.ts';
import { checkBounds, decodeValue, encodeValue, fromUnit, type Bound } from './box.ts';

/** Smallest variance of the SMC kernel in each coordinate of the unit cube (keeps the kernel proper when a population has collapsed in a coordinate). */
export const KERNEL_VARIANCE_FLOOR = 1e-12;
/** Most attempts at a proposal inside the box before ABC-SMC gives up (the chance of needing it with a kernel fitted to particles inside the box is nil). */
export const MAX_PROPOSAL_ATTEMPTS = 10000;

/** One parameter set of a posterior sample. */
export interface Particle {
  /** The parameter set, in parameter units (in the order of the bounds). */
  point: number[];
  /** Normalised importance weight (the weights of a sample sum to 1). */
  weight: number;
  distance: number;
  /** The generation it was drawn in (0 for rejection ABC). */
  generation: number;
}

/** Weighted summary of one parameter. */
export interface ParameterSummary {
  name: string;
  mean: number;
  /** Weighted standard deviation, with the reliability-weights correction 1/(1 − Σw²) (the usual n − 1 sd when the weights are equal). */
  sd: number;
  /** 2.5%, 50% and 97.5% weighted quantiles (see weightedQuantile). */
  q025: number;
  median: number;
  q975: number;
}

export interface PosteriorSummary {
  parameters: ParameterSummary[];
  /** Effective sample size 1 / Σ w². */
  ess: number;
  size: number;
}

// ---------------------------------------------------------------- draws

/** Streams of the draws, kept apart. */
const PRIOR = 1;
const PARENT = 2;
const MOVE = 3;
const TWO_POW_32 = 4294967296;
const TWO_POW_53 = 9007199254740992;

/** A uniform number in [0, 1) with 53 random bits, from the seed and the counters (purpose, generation, index, attempt, component). */
export function counterUniform(seed: number, purpose: number, generation: number, index: number, attempt: number, component: number): number {
  let h = mix32((seed >>> 0) ^ 0x3c6ef372);
  h = mix32(h ^ (Math.floor(seed / TWO_POW_32) >>> 0));
  for (const k of [purpose, generation, index, attempt, component]) h = mix32((h ^ k) + 0x9e3779b9);
  const hi = mix32(h ^ 0x68e31da4);
  const lo = mix32(h ^ 0xb5297a4d);
  return ((hi >>> 11) * TWO_POW_32 + lo) / TWO_POW_53;
}

/** A standard normal draw (Box–Muller) from two counter uniforms. */
function counterNormal(seed: number, generation: number, index: number, attempt: number, component: number): number {
  const u1 = counterUniform(seed, MOVE, generation, index, attempt, 2 * component);
  const u2 = counterUniform(seed, MOVE, generation, index, attempt, 2 * component + 1);
  return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
}

const priorPoint = (seed: number, generation: number, index: number, k: number): number[] =>
  Array.from({ length: k }, (_, d) => counterUniform(seed, PRIOR, generation, index, 0, d));

// ---------------------------------------------------------------- summaries

/**
 * The q-quantile of values with weights: sort, give each value the midpoint
 * of its step of the cumulative weight, and interpolate linearly between
 * those (the ends hold below the first and above the last midpoint). With
 * equal weights this is Hazen's quantile (type 5 of Hyndman & Fan 1996).
 */
export function weightedQuantile(values: readonly number[], weights: readonly number[], q: number): number {
  const idx = values.map((_, i) => i).filter((i) => weights[i] > 0).sort((a, b) => values[a] - values[b] || a - b);
  if (idx.length === 0) return NaN;
  const total = idx.reduce((s, i) => s + weights[i], 0);
  let cum = 0;
  const mids = idx.map((i) => {
    const m = (cum + weights[i] / 2) / total;
    cum += weights[i];
    return m;
  });
  if (q <= mids[0]) return values[idx[0]];
  for (let k = 1; k < idx.length; k++) {
    if (q <= mids[k]) {
      const t = (q - mids[k - 1]) / (mids[k] - mids[k - 1]);
      return values[idx[k - 1]] + t * (values[idx[k]] - values[idx[k - 1]]);
    }
  }
  return values[idx[idx.length - 1]];
}

/** Weighted mean, sd and quantiles of each parameter of a sample, and its effective size. */
export function summarise(particles: readonly Particle[], bounds: readonly Bound[]): PosteriorSummary {
  if (particles.length === 0) {
    return { parameters: bounds.map((b) => ({ name: b.name, mean: NaN, sd: NaN, q025: NaN, median: NaN, q975: NaN })), ess: 0, size: 0 };
  }
  const w = particles.map((p) => p.weight);
  const total = w.reduce((s, x) => s + x, 0);
  const wn = w.map((x) => x / total);
  const sumSq = wn.reduce((s, x) => s + x * x, 0);
  const parameters = bounds.map((b, d) => {
    const xs = particles.map((p) => p.point[d]);
    const mean = xs.reduce((s, x, i) => s + wn[i] * x, 0);
    const v = xs.reduce((s, x, i) => s + wn[i] * (x - mean) ** 2, 0);
    const sd = sumSq < 1 ? Math.sqrt(v / (1 - sumSq)) : NaN;
    return { name: b.name, mean, sd, q025: weightedQuantile(xs, wn, 0.025), median: weightedQuantile(xs, wn, 0.5), q975: weightedQuantile(xs, wn, 0.975) };
  });
  return { parameters, ess: 1 / sumSq, size: particles.length };
}

// ---------------------------------------------------------------- checks

function checkSeed(what: string, seed: number): void {
  if (!Number.isSafeInteger(seed) || seed < 0) throw new InputError(`${what}: seed must be an integer ≥ 0, got ${seed}`);
}

function checkCount(what: string, v: number, min: number): void {
  if (!Number.isInteger(v) || v < min) throw new InputError(`${what} must be an integer ≥ ${min}, got ${v}`);
}

/** Distances as told: numbers, NaN taken as +∞. */
function readDistances(what: string, values: readonly number[], expected: number): number[] {
  if (!Array.isArray(values) || values.length !== expected) {
    throw new Error(`${what}: tell() needs ${expected} distances (one per asked parameter set), got ${Array.isArray(values) ? values.length : typeof values}`);
  }
  return values.map((v) => {
    if (typeof v !== 'number') throw new Error(`${what}: a distance must be a number, got ${typeof v}`);
    return Number.isNaN(v) ? Infinity : v;
  });
}

const copyBounds = (bounds: readonly Bound[]): Bound[] => bounds.map((b) => ({ name: b.name, lo: b.lo, hi: b.hi }));

// ---------------------------------------------------------------- rejection

export interface AbcRejectionOptions {
  bounds: Bound[];
  seed: number;
  /** Parameter sets drawn from the prior (simulations). */
  samples: number;
  /** Keep this fraction with the smallest distances (at least one set)... */
  fraction?: number;
  /** ...or every set within this distance. Give exactly one. */
  epsilon?: number;
  /** Parameter sets per ask (default: all of them at once). */
  batch?: number;
}

export interface AbcResult {
  /** The weighted posterior sample (empty when nothing was kept). */
  particles: Particle[];
  summary: PosteriorSummary;
  /** The tolerance of the sample: the largest distance kept (rejection by fraction), the ε given, or the last SMC generation's ε. */
  epsilon: number;
  /** Simulations told. */
  simulations: number;
  /** Kept / simulated, for the sample's generation. */
  acceptanceRate: number;
}

export interface AbcRejectionState {
  kind: 'abc-rejection';
  version: 1;
  options: { bounds: Bound[]; seed: number; samples: number; fraction: number | null; epsilon: number | null; batch: number };
  /** Distances told so far, in the order of the draws (+∞ as null). */
  distances: (number | null)[];
  /** Size of the batch asked and not yet told. */
  pending: number;
}

export class AbcRejection {
  private readonly o: AbcRejectionState['options'];
  private distances: number[] = [];
  private pending = 0;

  constructor(options: AbcRejectionOptions) {
    checkBounds(options.bounds, 'ABC');
    checkSeed('ABC', options.seed);
    checkCount('ABC: samples', options.samples, 1);
    const hasF = options.fraction !== undefined;
    const hasE = options.epsilon !== undefined;
    if (hasF === hasE) throw new InputError('ABC: give either a fraction to keep or a tolerance epsilon, not both or neither');
    if (hasF && !(options.fraction! > 0 && options.fraction! <= 1)) throw new InputError(`ABC: fraction must be in (0, 1], got ${options.fraction}`);
    if (hasE && !(options.epsilon! >= 0)) throw new InputError(`ABC: epsilon must be a number ≥ 0, got ${options.epsilon}`);
    const batch = options.batch ?? options.samples;
    checkCount('ABC: batch', batch, 1);
    this.o = {
      bounds: copyBounds(options.bounds), seed: options.seed, samples: options.samples,
      fraction: hasF ? options.fraction! : null, epsilon: hasE ? encodeValue(options.epsilon!) : null, batch,
    };
  }

  get done(): boolean {
    return this.distances.length >= this.o.samples;
  }

  /** The next batch of parameter sets (empty when done). Asking again before telling gives the same sets. */
  ask(): number[][] {
    const from = this.distances.length;
    this.pending = Math.min(this.o.batch, this.o.samples - from);
    return Array.from({ length: this.pending }, (_, i) => fromUnit(priorPoint(this.o.seed, 0, from + i, this.o.bounds.length), this.o.bounds));
  }

  tell(distances: readonly number[]): void {
    if (this.done) throw new Error('ABC: tell() after the run has finished');
    this.distances.push(...readDistances('ABC', distances, this.pending));
    this.pending = 0;
  }

  /** The kept sample (of what has been told so far). */
  result(): AbcResult {
    const n = this.distances.length;
    const order = this.distances.map((_, i) => i).filter((i) => this.distances[i] < Infinity).sort((a, b) => this.distances[a] - this.distances[b] || a - b);
    let kept: number[];
    let epsilon: number;
    if (this.o.fraction !== null) {
      kept = order.slice(0, Math.max(1, Math.round(this.o.fraction * n)));
      epsilon = kept.length ? this.distances[kept[kept.length - 1]] : NaN;
    } else {
      epsilon = decodeValue(this.o.epsilon);
      kept = order.filter((i) => this.distances[i] <= epsilon);
    }
    kept.sort((a, b) => a - b);
    const particles = kept.map((i) => ({
      point: fromUnit(priorPoint(this.o.seed, 0, i, this.o.bounds.length), this.o.bounds), weight: 1 / kept.length, distance: this.distances[i], generation: 0,
    }));
    return { particles, summary: summarise(particles, this.o.bounds), epsilon, simulations: n, acceptanceRate: n ? kept.length / n : NaN };
  }

  toJSON(): AbcRejectionState {
    return { kind: 'abc-rejection', version: 1, options: { ...this.o, bounds: copyBounds(this.o.bounds) }, distances: this.distances.map(encodeValue), pending: this.pending };
  }

  static fromJSON(state: AbcRejectionState): AbcRejection {
    if (!state || state.kind !== 'abc-rejection' || state.version !== 1) throw new InputError('ABC: the saved state is not a rejection-ABC state of version 1');
    const o = state.options;
    const abc = new AbcRejection({
      bounds: o.bounds, seed: o.seed, samples: o.samples, batch: o.batch,
      ...(o.fraction !== null ? { fraction: o.fraction } : { epsilon: decodeValue(o.epsilon) }),
    });
    if (!Array.isArray(state.distances) || state.distances.length > o.samples) throw new InputError('ABC: the saved state is damaged (more distances than samples)');
    abc.distances = state.distances.map(decodeValue);
    abc.pending = state.pending;
    return abc;
  }
}

/** Rejection ABC with `distanceOf` evaluated on every parameter set in turn. */
export function abcRejection(distanceOf: (x: number[]) => number, options: AbcRejectionOptions): AbcResult {
  const abc = new AbcRejection(options);
  while (!abc.done) abc.tell(abc.ask().map((x) => distanceOf(x)));
  return abc.result();
}

// ---------------------------------------------------------------- SMC

export interface AbcSmcOptions {
  bounds: Bound[];
  seed: number;
  /** Particles per population (N). */
  particles: number;
  /** Most simulations in all (the run stops when they are spent; the sample is then the last complete population). At least N. */
  budget: number;
  /** Quantile of the previous population's distances that sets the next tolerance (default 0.5). */
  quantile?: number;
  /** 'full' (default): Gaussian kernel with twice the weighted covariance; 'diagonal': twice the weighted variances. */
  kernel?: 'full' | 'diagonal';
  /** Stop once a population has ε ≤ this (default 0: no such stop). The schedule never goes below it. */
  epsilon?: number;
  /** Stop after this many populations, generation 0 included (default: no limit). */
  generations?: number;
  /** Stop when a generation keeps fewer than this share of its simulations (default 0.01). */
  minAcceptance?: number;
  /** Most parameter sets per ask (default N); each ask gives as many as should complete the generation, up to this. */
  batch?: number;
}

/** One population of ABC-SMC. */
export interface GenerationSummary {
  generation: number;
  epsilon: number;
  /** Simulations told in this generation (those past the N-th kept one included). */
  simulations: number;
  /** N / (the proposal count up to the N-th kept one): independent of the batch size. */
  acceptanceRate: number;
  ess: number;
}

export type AbcSmcStop = 'running' | 'budget' | 'epsilon' | 'generations' | 'acceptance' | 'stalled';

export interface AbcSmcResult extends AbcResult {
  generations: GenerationSummary[];
  stop: AbcSmcStop;
  /** The generation under way when the run stopped on the budget (its simulations are not in the sample), or null. */
  unfinished: { generation: number; epsilon: number; kept: number; simulations: number } | null;
}

interface Pop { u: number[][]; w: number[]; d: number[] }

export interface AbcSmcState {
  kind: 'abc-smc';
  version: 1;
  options: {
    bounds: Bound[]; seed: number; particles: number; budget: number; quantile: number; kernel: 'full' | 'diagonal';
    epsilon: number; generations: number | null; minAcceptance: number; batch: number;
  };
  generation: number;
  /** Tolerance of the generation under way (+∞ as null). */
  epsilon: number | null;
  stop: AbcSmcStop;
  simulations: number;
  /** Simulations told in the generation under way. */
  generationSimulations: number;
  /** The next proposal index of the generation under way. */
  next: number;
  /** Kept proposals of the generation under way: index, point (unit cube), distance. */
  kept: { j: number; u: number[]; d: number }[];
  /** The asked and not yet told proposals. */
  pending: { j: number; u: number[] }[];
  /** The last complete population (null before generation 0 completes): points (unit cube), weights, distances. */
  population: Pop | null;
  history: { generation: number; epsilon: number | null; simulations: number; acceptanceRate: number; ess: number }[];
}

/** The Gaussian kernel of a generation: lower Cholesky factor L of its covariance (unit cube). */
interface Kernel { L: number[][] }

/** Lower Cholesky factor of a symmetric positive definite matrix, adding a ridge on the diagonal until it factorises. */
function cholesky(a: number[][]): number[][] {
  const k = a.length;
  for (let ridge = 0; ; ridge = ridge === 0 ? KERNEL_VARIANCE_FLOOR : ridge * 10) {
    const L = a.map(() => new Array<number>(k).fill(0));
    let ok = true;
    for (let i = 0; i < k && ok; i++) {
      for (let j = 0; j <= i; j++) {
        let s = a[i][j] + (i === j ? ridge : 0);
        for (let m = 0; m < j; m++) s -= L[i][m] * L[j][m];
        if (i === j) {
          if (!(s > 0)) ok = false;
          else L[i][i] = Math.sqrt(s);
        } else L[i][j] = s / L[j][j];
      }
    }
    if (ok) return L;
    if (ridge > 1) throw new Error('ABC-SMC: the kernel covariance does not factorise');
  }
}

/** Twice the weighted covariance of a population (diagonal only for a diagonal kernel), variances floored. */
function kernelOf(pop: Pop, kind: 'full' | 'diagonal'): Kernel {
  const k = pop.u[0].length;
  const sumSq = pop.w.reduce((s, x) => s + x * x, 0);
  const corr = sumSq < 1 ? 1 / (1 - sumSq) : 1;
  const mean = new Array<number>(k).fill(0);
  pop.u.forEach((u, i) => u.forEach((x, d) => (mean[d] += pop.w[i] * x)));
  const cov = mean.map(() => new Array<number>(k).fill(0));
  pop.u.forEach((u, i) => {
    for (let a = 0; a < k; a++) for (let b = 0; b <= a; b++) cov[a][b] += pop.w[i] * (u[a] - mean[a]) * (u[b] - mean[b]);
  });
  for (let a = 0; a < k; a++) {
    for (let b = 0; b <= a; b++) {
      const v = a === b ? Math.max(KERNEL_VARIANCE_FLOOR, 2 * corr * cov[a][a]) : kind === 'full' ? 2 * corr * cov[a][b] : 0;
      cov[a][b] = v;
      cov[b][a] = v;
    }
  }
  return { L: cholesky(cov) };
}

/** |L⁻¹ (x − c)|², by forward substitution (`y` is scratch space of the same length). */
function mahalanobis(L: number[][], x: number[], c: number[], y: Float64Array): number {
  const k = x.length;
  let q = 0;
  for (let i = 0; i < k; i++) {
    let s = x[i] - c[i];
    for (let m = 0; m < i; m++) s -= L[i][m] * y[m];
    y[i] = s / L[i][i];
    q += y[i] * y[i];
  }
  return q;
}

/** The α-quantile of values (R's type 7). */
function quantile(values: readonly number[], q: number): number {
  const s = [...values].sort((a, b) => a - b);
  const h = (s.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(s.length - 1, lo + 1);
  return s[hi] === s[lo] ? s[lo] : s[lo] + (h - lo) * (s[hi] - s[lo]);
}

export class AbcSmc {
  private readonly o: AbcSmcState['options'];
  private generation = 0;
  private epsilon = Infinity;
  private stop: AbcSmcStop = 'running';
  private simulations = 0;
  private generationSimulations = 0;
  private next = 0;
  private kept: { j: number; u: number[]; d: number }[] = [];
  private pending: { j: number; u: number[] }[] = [];
  private population: Pop | null = null;
  private history: GenerationSummary[] = [];
  private kernel: Kernel | null = null;
  private cumulative: number[] = [];

  constructor(options: AbcSmcOptions) {
    checkBounds(options.bounds, 'ABC-SMC');
    checkSeed('ABC-SMC', options.seed);
    checkCount('ABC-SMC: particles', options.particles, 2);
    checkCount('ABC-SMC: budget', options.budget, options.particles);
    const quantileOpt = options.quantile ?? 0.5;
    if (!(quantileOpt > 0 && quantileOpt < 1)) throw new InputError(`ABC-SMC: quantile must be in (0, 1), got ${quantileOpt}`);
    const kernel = options.kernel ?? 'full';
    if (kernel !== 'full' && kernel !== 'diagonal') throw new InputError(`ABC-SMC: kernel must be full or diagonal, got ${String(kernel)}`);
    const epsilon = options.epsilon ?? 0;
    if (!(epsilon >= 0) || epsilon === Infinity) throw new InputError(`ABC-SMC: epsilon must be a finite number ≥ 0, got ${epsilon}`);
    if (options.generations !== undefined) checkCount('ABC-SMC: generations', options.generations, 1);
    const minAcceptance = options.minAcceptance ?? 0.01;
    if (!(minAcceptance >= 0 && minAcceptance < 1)) throw new InputError(`ABC-SMC: minAcceptance must be in [0, 1), got ${minAcceptance}`);
    const batch = options.batch ?? options.particles;
    checkCount('ABC-SMC: batch', batch, 1);
    this.o = {
      bounds: copyBounds(options.bounds), seed: options.seed, particles: options.particles, budget: options.budget, quantile: quantileOpt, kernel,
      epsilon, generations: options.generations ?? null, minAcceptance, batch,
    };
  }

  get done(): boolean {
    return this.stop !== 'running';
  }

  /** Proposal j of the generation under way, in the unit cube. */
  private propose(j: number): number[] {
    const k = this.o.bounds.length;
    const t = this.generation;
    if (t === 0 || !this.population || !this.kernel) return priorPoint(this.o.seed, 0, j, k);
    const { u } = this.population;
    const { L } = this.kernel;
    const cum = this.cumulative;
    for (let a = 0; a < MAX_PROPOSAL_ATTEMPTS; a++) {
      const r = counterUniform(this.o.seed, PARENT, t, j, a, 0) * cum[cum.length - 1];
      let lo = 0;
      let hi = cum.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (cum[mid] > r) hi = mid;
        else lo = mid + 1;
      }
      const z = Array.from({ length: k }, (_, d) => counterNormal(this.o.seed, t, j, a, d));
      const x = u[lo].map((p, i) => {
        let s = p;
        for (let m = 0; m <= i; m++) s += L[i][m] * z[m];
        return s;
      });
      if (x.every((v) => v >= 0 && v <= 1)) return x;
    }
    throw new Error(`ABC-SMC: no proposal inside the box after ${MAX_PROPOSAL_ATTEMPTS} attempts (generation ${t}, proposal ${j})`);
  }

  /**
   * How many proposals should complete the generation: the particles still
   * missing divided by the acceptance rate so far in this generation (or, at
   * its start, the last generation's), rounded up.
   */
  private wanted(): number {
    const missing = this.o.particles - this.kept.length;
    const last = this.history[this.history.length - 1];
    const rate = this.kept.length > 0 ? this.kept.length / this.generationSimulations : last ? last.acceptanceRate : 1;
    return Math.max(1, Math.ceil(missing / rate));
  }

  /**
   * The next batch of parameter sets (empty when done): as many as should
   * complete the generation at the acceptance rate seen so far, at most
   * `batch` and the budget left. Asking again before telling gives the same
   * sets.
   */
  ask(): number[][] {
    if (this.done) return [];
    if (this.pending.length === 0) {
      const left = this.o.budget - this.simulations;
      const size = Math.min(this.o.batch, left, this.wanted());
      for (let i = 0; i < size; i++) this.pending.push({ j: this.next + i, u: this.propose(this.next + i) });
      this.next += size;
    }
    return this.pending.map((p) => fromUnit(p.u, this.o.bounds));
  }

  tell(distances: readonly number[]): void {
    if (this.done) throw new Error('ABC-SMC: tell() after the run has stopped');
    const ds = readDistances('ABC-SMC', distances, this.pending.length);
    const N = this.o.particles;
    this.pending.forEach((p, i) => {
      // generation 0 (ε = ∞) keeps the first N draws with a finite distance
      if (this.kept.length < N && ds[i] <= this.epsilon && ds[i] < Infinity) this.kept.push({ j: p.j, u: p.u, d: ds[i] });
    });
    this.simulations += ds.length;
    this.generationSimulations += ds.length;
    this.pending = [];
    if (this.kept.length >= N) this.complete();
    else if (this.simulations >= this.o.budget) this.stop = 'budget';
  }

  /** The generation under way has N kept: weigh them, record it, then stop or set up the next generation. */
  private complete(): void {
    const N = this.o.particles;
    const u = this.kept.map((p) => p.u);
    const d = this.kept.map((p) => p.d);
    let w: number[];
    if (!this.population || !this.kernel) w = new Array<number>(N).fill(1 / N);
    else {
      const prev = this.population;
      const { L } = this.kernel;
      const logW = prev.w.map((x) => Math.log(x));
      const scratch = new Float64Array(this.o.bounds.length);
      const logs = u.map((x) => {
        const terms = prev.u.map((y, k) => logW[k] - 0.5 * mahalanobis(L, x, y, scratch));
        const m = terms.reduce((a, b) => Math.max(a, b), -Infinity);
        return -(m + Math.log(terms.reduce((s, tk) => s + Math.exp(tk - m), 0)));
      });
      const m = logs.reduce((a, b) => Math.max(a, b), -Infinity);
      const raw = logs.map((l) => Math.exp(l - m));
      const total = raw.reduce((s, x) => s + x, 0);
      w = raw.map((x) => x / total);
    }
    const lastKept = this.kept[N - 1].j;
    const ess = 1 / w.reduce((s, x) => s + x * x, 0);
    const acceptanceRate = N / (lastKept + 1);
    this.history.push({ generation: this.generation, epsilon: this.epsilon, simulations: this.generationSimulations, acceptanceRate, ess });
    this.population = { u, w, d };
    if (this.o.generations !== null && this.generation + 1 >= this.o.generations) return void (this.stop = 'generations');
    if (this.epsilon <= this.o.epsilon) return void (this.stop = 'epsilon');
    if (this.generation > 0 && acceptanceRate < this.o.minAcceptance) return void (this.stop = 'acceptance');
    const nextEpsilon = Math.max(this.o.epsilon, quantile(d, this.o.quantile));
    if (!(nextEpsilon < this.epsilon)) return void (this.stop = 'stalled');
    if (this.simulations >= this.o.budget) return void (this.stop = 'budget');
    this.generation++;
    this.epsilon = nextEpsilon;
    this.kept = [];
    this.next = 0;
    this.generationSimulations = 0;
    this.prepare();
  }

  /** The kernel and cumulative weights of the generation under way, from the last population. */
  private prepare(): void {
    if (!this.population || this.generation === 0) {
      this.kernel = null;
      this.cumulative = [];
      return;
    }
    this.kernel = kernelOf(this.population, this.o.kernel);
    let c = 0;
    this.cumulative = this.population.w.map((x) => (c += x));
  }

  /** The last complete population as a weighted sample (empty before generation 0 completes), its summary and the history of generations. */
  result(): AbcSmcResult {
    const pop = this.population;
    const last = this.history[this.history.length - 1];
    const particles: Particle[] = pop
      ? pop.u.map((u, i) => ({ point: fromUnit(u, this.o.bounds), weight: pop.w[i], distance: pop.d[i], generation: last.generation }))
      : [];
    return {
      particles, summary: summarise(particles, this.o.bounds), epsilon: last ? last.epsilon : NaN, simulations: this.simulations,
      acceptanceRate: last ? last.acceptanceRate : NaN, generations: this.history.map((h) => ({ ...h })), stop: this.stop,
      unfinished: this.generationSimulations > 0 && this.kept.length < this.o.particles
        ? { generation: this.generation, epsilon: this.epsilon, kept: this.kept.length, simulations: this.generationSimulations }
        : null,
    };
  }

  toJSON(): AbcSmcState {
    const copy = (u: number[]) => u.slice();
    return {
      kind: 'abc-smc', version: 1, options: { ...this.o, bounds: copyBounds(this.o.bounds) }, generation: this.generation,
      epsilon: encodeValue(this.epsilon), stop: this.stop, simulations: this.simulations, generationSimulations: this.generationSimulations,
      next: this.next, kept: this.kept.map((p) => ({ j: p.j, u: copy(p.u), d: p.d })), pending: this.pending.map((p) => ({ j: p.j, u: copy(p.u) })),
      population: this.population && { u: this.population.u.map(copy), w: this.population.w.slice(), d: this.population.d.slice() },
      history: this.history.map((h) => ({ ...h, epsilon: encodeValue(h.epsilon) })),
    };
  }

  static fromJSON(state: AbcSmcState): AbcSmc {
    if (!state || state.kind !== 'abc-smc' || state.version !== 1) throw new InputError('ABC-SMC: the saved state is not an ABC-SMC state of version 1');
    const o = state.options;
    const abc = new AbcSmc({
      bounds: o.bounds, seed: o.seed, particles: o.particles, budget: o.budget, quantile: o.quantile, kernel: o.kernel, epsilon: o.epsilon,
      generations: o.generations ?? undefined, minAcceptance: o.minAcceptance, batch: o.batch,
    });
    const k = o.bounds.length;
    const isPoint = (u: unknown) => Array.isArray(u) && u.length === k && u.every((x) => typeof x === 'number' && x >= 0 && x <= 1);
    const pop = state.population;
    if (!state.kept.every((p) => isPoint(p.u)) || !state.pending.every((p) => isPoint(p.u))
      || (pop && (!pop.u.every(isPoint) || pop.u.length !== o.particles || pop.w.length !== o.particles || pop.d.length !== o.particles))) {
      throw new InputError('ABC-SMC: the saved state is damaged (a point has the wrong size or lies outside the box, or a population has the wrong size)');
    }
    abc.generation = state.generation;
    abc.epsilon = decodeValue(state.epsilon);
    abc.stop = state.stop;
    abc.simulations = state.simulations;
    abc.generationSimulations = state.generationSimulations;
    abc.next = state.next;
    abc.kept = state.kept.map((p) => ({ j: p.j, u: p.u.slice(), d: p.d }));
    abc.pending = state.pending.map((p) => ({ j: p.j, u: p.u.slice() }));
    abc.population = pop && { u: pop.u.map((u) => u.slice()), w: pop.w.slice(), d: pop.d.slice() };
    abc.history = state.history.map((h) => ({ ...h, epsilon: decodeValue(h.epsilon) }));
    abc.prepare();
    return abc;
  }
}

/** ABC-SMC with `distanceOf` evaluated on every parameter set in turn. */
export function abcSmc(distanceOf: (x: number[]) => number, options: AbcSmcOptions): AbcSmcResult {
  const abc = new AbcSmc(options);
  while (!abc.done) abc.tell(abc.ask().map((x) => distanceOf(x)));
  return abc.result();
}
