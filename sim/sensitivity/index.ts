/**
 * Global sensitivity analysis: Morris elementary effects and Sobol' indices.
 * Browser-safe and deterministic from a seed (no node: imports, no
 * Math.random, no clock), for the CLI (`pathways sensitivity`, which runs the
 * design through the sweep engine) and for notebooks (`morris`, `sobol` and
 * `runSensitivity` with a synchronous evaluator).
 *
 * The pieces: `sensitivityDesign(spec)` gives the points to evaluate,
 * `analyse(design, y)` turns their outputs into indices, and
 * `runSensitivity(spec, evaluate)` does both in-process.
 */
import { InputError } from '../errors.ts';
import { alignTable, fixed, intervalText, type NumberLang } from '../format.ts';
import { morrisDelta, morrisDesign, morrisIndices, type MorrisIndex } from './morris.ts';
import { saltelliDesign, sobolIndices, type SobolIndex } from './saltelli.ts';
import { checkFactors, scaleDesign, type Factor } from './scale.ts';

export { morrisDelta, morrisDesign, morrisEffects, morrisIndices, type MorrisDesignOptions, type MorrisIndex, type MorrisIndicesOptions } from './morris.ts';
export { saltelliDesign, sobolIndices, SALTELLI_MAX_FACTORS, type SaltelliOptions, type SobolIndex, type SobolIndicesOptions } from './saltelli.ts';
export { sobolPoints, SOBOL_MAX_DIMENSIONS, type SobolOptions } from './sobol-sequence.ts';
export { checkFactors, scaleDesign, scalePoint, scaleValue, type Factor } from './scale.ts';
export { percentileInterval, quantileSorted } from './bootstrap.ts';

export type Method = 'morris' | 'sobol';

/** What to analyse and how. */
export interface SensitivitySpec {
  method: Method;
  factors: Factor[];
  /** Morris: trajectories r (default 10). */
  trajectories?: number;
  /** Morris: grid levels p, even (default 4). */
  levels?: number;
  /** Sobol: base sample size N (default 256; a power of two suits the Sobol' sequence). */
  samples?: number;
  /** Sobol: 'sobol' (scrambled Sobol' sequence, default) or 'random' (seeded uniform draws). */
  sampling?: 'sobol' | 'random';
  /** Seed of the design and of the bootstrap (default 1). */
  seed?: number;
  /** Bootstrap resamples for the intervals (default 1000). */
  bootstrap?: number;
}

/** The settings an analysis ran with, defaults filled in. */
export type SensitivitySettings =
  | { method: 'morris'; trajectories: number; levels: number; delta: number; seed: number; bootstrap: number; points: number }
  | { method: 'sobol'; samples: number; sampling: 'sobol' | 'random'; seed: number; bootstrap: number; points: number };

/** The points of an analysis: in the unit hypercube and as parameter values. */
export interface SensitivityDesign {
  settings: SensitivitySettings;
  factors: Factor[];
  unit: number[][];
  points: Record<string, number>[];
}

export type MorrisFactor = MorrisIndex & { factor: string; lo: number; hi: number };
export type SobolFactor = SobolIndex & { factor: string; lo: number; hi: number };

export interface MorrisResult { method: 'morris'; settings: SensitivitySettings & { method: 'morris' }; factors: Factor[]; indices: MorrisFactor[] }
export interface SobolResult { method: 'sobol'; settings: SensitivitySettings & { method: 'sobol' }; factors: Factor[]; indices: SobolFactor[] }
/** Indices per factor, most influential first (Morris: by mu*; Sobol: by ST, then S1). */
export type SensitivityResult = MorrisResult | SobolResult;
/** The result type of a method. */
export type ResultOf<M extends Method> = M extends 'morris' ? MorrisResult : SobolResult;

/** The settings of a spec with defaults, checked (InputError on bad values). */
export function sensitivitySettings(spec: SensitivitySpec): SensitivitySettings {
  checkFactors(spec.factors);
  const k = spec.factors.length;
  const seed = spec.seed ?? 1;
  const bootstrap = spec.bootstrap ?? 1000;
  if (spec.method === 'morris') {
    const trajectories = spec.trajectories ?? 10;
    const levels = spec.levels ?? 4;
    return { method: 'morris', trajectories, levels, delta: morrisDelta(levels), seed, bootstrap, points: trajectories * (k + 1) };
  }
  if (spec.method === 'sobol') {
    const samples = spec.samples ?? 256;
    return { method: 'sobol', samples, sampling: spec.sampling ?? 'sobol', seed, bootstrap, points: samples * (k + 2) };
  }
  throw new InputError(`sensitivity: method must be 'morris' or 'sobol', got ${JSON.stringify((spec as { method: unknown }).method)}`);
}

/** The design of an analysis: Morris trajectories or a Saltelli design, scaled to the factors' ranges. */
export function sensitivityDesign(spec: SensitivitySpec): SensitivityDesign {
  const settings = sensitivitySettings(spec);
  const k = spec.factors.length;
  const unit = settings.method === 'morris'
    ? morrisDesign(k, { trajectories: settings.trajectories, levels: settings.levels, seed: settings.seed })
    : saltelliDesign(k, { samples: settings.samples, seed: settings.seed, sampling: settings.sampling });
  return { settings, factors: spec.factors.map((f) => ({ ...f })), unit, points: scaleDesign(unit, spec.factors) };
}

/** The indices from the outputs y of the design's points (in the design's order), most influential first. */
export function analyse(design: SensitivityDesign, y: ArrayLike<number>): SensitivityResult {
  const { settings, factors } = design;
  const k = factors.length;
  if (y.length !== design.unit.length) throw new InputError(`sensitivity: ${y.length} outputs for ${design.unit.length} design points`);
  const label = (f: Factor) => ({ factor: f.name, lo: f.lo, hi: f.hi });
  if (settings.method === 'morris') {
    const ix = morrisIndices(design.unit, y, k, { seed: settings.seed, bootstrap: settings.bootstrap });
    const indices = factors.map((f, i) => ({ ...label(f), ...ix[i] })).sort((a, b) => byInfluence(b.muStar, a.muStar) || a.factor.localeCompare(b.factor));
    return { method: 'morris', settings, factors, indices };
  }
  const ix = sobolIndices(y, k, settings.samples, { seed: settings.seed, bootstrap: settings.bootstrap });
  const indices = factors.map((f, i) => ({ ...label(f), ...ix[i] }))
    .sort((a, b) => byInfluence(b.ST, a.ST) || byInfluence(b.S1, a.S1) || a.factor.localeCompare(b.factor));
  return { method: 'sobol', settings, factors, indices };
}

/** Descending order with NaN last. */
function byInfluence(b: number, a: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) ? (Number.isNaN(b) ? 0 : -1) : 1;
  return b - a;
}

/** Evaluates one point (parameter values keyed by factor name) to a number. */
export type Evaluator = (point: Record<string, number>) => number;

/** Run a whole analysis in-process: build the design, evaluate every point in order, compute the indices. */
export function runSensitivity<M extends Method>(spec: SensitivitySpec & { method: M }, evaluate: Evaluator): ResultOf<M> & { y: number[] } {
  const design = sensitivityDesign(spec);
  const y = design.points.map((p) => evaluate(p));
  return { ...(analyse(design, y) as ResultOf<M>), y };
}

/** Morris screening of `evaluate` over the factors (see SensitivitySpec for the options). */
export const morris = (factors: Factor[], evaluate: Evaluator, opts: Omit<SensitivitySpec, 'method' | 'factors'> = {}): MorrisResult & { y: number[] } =>
  runSensitivity({ ...opts, method: 'morris' as const, factors }, evaluate);

/** Sobol' indices of `evaluate` over the factors (see SensitivitySpec for the options). */
export const sobol = (factors: Factor[], evaluate: Evaluator, opts: Omit<SensitivitySpec, 'method' | 'factors'> = {}): SobolResult & { y: number[] } =>
  runSensitivity({ ...opts, method: 'sobol' as const, factors }, evaluate);

/** Decimals that show about three significant digits of values up to `scale`. */
function decimalsFor(scale: number): number {
  if (!Number.isFinite(scale) || scale === 0) return 3;
  return Math.min(6, Math.max(0, 2 - Math.floor(Math.log10(Math.abs(scale)))));
}

const fmt = (v: number, d: number): string => fixed(v, d);

/** A factor's range as `--vary NAME=lo:hi` writes it: `0:1`, `0.05:0.45`. */
export const rangeText = (f: { lo: number; hi: number }): string => `${+f.lo.toPrecision(6)}:${+f.hi.toPrecision(6)}`;

/** A factor's range as people read it, in their language: `0.05–0.45` (en), `0,05–0,45` (nb, the decimal comma). */
export const rangeLabel = (f: { lo: number; hi: number }, lang: NumberLang = 'en'): string =>
  rangeText(f).split(':').map((v) => (lang === 'nb' ? v.replace('.', ',') : v)).join('–');

/** Which way a factor moves the output (morrisDirection). */
export type MorrisDirection = 'raises' | 'lowers' | 'either way';

/** The directions in bokmål, as a legend under "moving the factor up" reads them. */
export const MORRIS_DIRECTION_NB: Record<MorrisDirection, string> = { raises: 'øker', lowers: 'senker', 'either way': 'begge veier' };

/**
 * Which way a factor moves the output, from its Morris mu and mu*: `raises` or
 * `lowers` when the signed mean effect is more than half the mean size of the
 * effects (the effects mostly share a sign), else `either way`.
 */
export function morrisDirection(x: Pick<MorrisIndex, 'mu' | 'muStar'>): MorrisDirection {
  if (x.mu > 0.5 * x.muStar) return 'raises';
  if (x.mu < -0.5 * x.muStar) return 'lowers';
  return 'either way';
}

/** The indices as rows of text cells with a header (most influential first). */
export function resultRows(result: SensitivityResult): { header: string[]; rows: string[][] } {
  if (result.method === 'morris') {
    const d = decimalsFor(Math.max(0, ...result.indices.map((x) => Math.max(x.muStar, Number.isFinite(x.sigma) ? x.sigma : 0))));
    return {
      header: ['factor', 'range', 'mu*', '95% interval', 'mu', 'sigma'],
      rows: result.indices.map((x) => [x.factor, rangeText(x), fmt(x.muStar, d), intervalText(fmt(x.muStarCi[0], d), fmt(x.muStarCi[1], d)), fmt(x.mu, d), fmt(x.sigma, d)]),
    };
  }
  return {
    header: ['factor', 'range', 'S1', '95% interval', 'ST', '95% interval'],
    rows: result.indices.map((x) => [x.factor, rangeText(x), fmt(x.S1, 3), intervalText(fmt(x.S1Ci[0], 3), fmt(x.S1Ci[1], 3)), fmt(x.ST, 3), intervalText(fmt(x.STCi[0], 3), fmt(x.STCi[1], 3))]),
  };
}

/** The indices as an aligned text table (first column left-aligned), with a rule under the header. */
export function resultTable(result: SensitivityResult): string {
  const { header, rows } = resultRows(result);
  return alignTable(header, rows);
}
