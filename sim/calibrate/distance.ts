/**
 * The distance between the model and published figures, for the simulated
 * method of moments (McFadden 1989; Pakes & Pollard 1989):
 *
 *     D(θ) = Σ_i w_i · ((m_i(θ) − v_i) / h_i)²
 *
 * with v_i a target's value, h_i the half-width of its band (half of hi − lo),
 * w_i its weight (default 1) and m_i(θ) the model's mean over replicates. A
 * miss of one half-width costs w_i; a model inside every band by half its
 * half-width has D ≤ Σ w_i / 4. The band plays the role of the standard error
 * of the published figure: the distance is a weighted sum of squared
 * z-scores with a diagonal weight matrix. Browser-safe.
 */
import { InputError } from '../errors.ts';

/** A published figure and its band, as the distance needs it (a target file's entry has at least these fields). */
export interface TargetBand {
  /** What the figure is (a metric name, with its group or year); also the key of the model's value. */
  name: string;
  /** The published value. */
  value: number;
  /** The band: the figure's uncertainty or the range the model should land in. */
  lo: number;
  hi: number;
  /** Weight of the term (default 1; 0 leaves the target out of the distance but still reports it). */
  weight?: number;
}

/** The model's value for a target: its mean over replicates and, optionally, a 95% interval of that mean (as sim/stats.ts `estimate` gives). */
export interface ModelValue {
  mean: number;
  ci95?: readonly [number, number];
}

/** One term of the distance, for a report. */
export interface DistanceTerm {
  name: string;
  value: number;
  lo: number;
  hi: number;
  halfWidth: number;
  weight: number;
  /** The model's mean (NaN when the model gave no number, e.g. a median of nobody). */
  model: number;
  /** The model's 95% interval, when given. */
  modelCi95?: [number, number];
  /** (model − value) / half-width: the miss in half-widths, signed. */
  z: number;
  /** weight · z²: this target's part of the distance. */
  term: number;
  /** The smallest and largest term over the model's interval (the part of the term the replicate noise could explain), when the interval is given. */
  termRange?: [number, number];
  /** The model's mean lies inside the band [lo, hi]. */
  inBand: boolean;
  /** This term as a share of the total (NaN when the total is 0 or not finite). */
  share: number;
}

export interface DistanceReport {
  /** The distance: the sum of the terms (NaN when a term is NaN). */
  total: number;
  terms: DistanceTerm[];
}

/** The half-width of a target's band, checked: finite lo < hi, a finite value and a finite weight ≥ 0. Throws InputError naming the target. */
export function halfWidth(t: TargetBand): number {
  const name = t.name || '(unnamed target)';
  if (!Number.isFinite(t.value)) throw new InputError(`targets: ${name}: value ${t.value} is not a finite number`);
  if (!Number.isFinite(t.lo) || !Number.isFinite(t.hi)) throw new InputError(`targets: ${name}: band ${t.lo}..${t.hi} must be finite numbers`);
  if (t.lo === t.hi) {
    throw new InputError(`targets: ${name}: band ${t.lo}..${t.hi} has zero width; the distance divides by the half-width, so give a band with lo < hi (the figure's uncertainty)`);
  }
  if (t.lo > t.hi) throw new InputError(`targets: ${name}: band ${t.lo}..${t.hi} has lo > hi; expected lo < hi`);
  const w = t.weight ?? 1;
  if (!Number.isFinite(w) || w < 0) throw new InputError(`targets: ${name}: weight ${w} is not allowed; expected a finite number ≥ 0`);
  return (t.hi - t.lo) / 2;
}

/** Check a list of targets: at least one, unique names, every band valid (see halfWidth). */
export function checkTargets(targets: readonly TargetBand[]): void {
  if (!Array.isArray(targets) || targets.length === 0) throw new InputError('targets: at least one target is needed');
  const seen = new Set<string>();
  for (const t of targets) {
    if (typeof t.name !== 'string' || t.name === '') throw new InputError('targets: every target needs a name');
    if (seen.has(t.name)) throw new InputError(`targets: ${t.name} is given more than once`);
    seen.add(t.name);
    halfWidth(t);
  }
}

/** The model's value for target i: by position in an array, by name in a record or map. */
function lookup<T>(model: readonly T[] | Readonly<Record<string, T>> | ReadonlyMap<string, T>, targets: readonly TargetBand[], i: number): T {
  const name = targets[i].name;
  if (Array.isArray(model)) {
    if (model.length !== targets.length) throw new InputError(`distance: ${model.length} model values for ${targets.length} targets`);
    return model[i];
  }
  const v = model instanceof Map ? model.get(name) : Object.prototype.hasOwnProperty.call(model, name) ? (model as Record<string, T>)[name] : undefined;
  if (v === undefined) throw new InputError(`distance: the model gave no value for target ${name}`);
  return v;
}

const squared = (w: number, m: number, v: number, h: number) => w * ((m - v) / h) ** 2;

/**
 * The distance D = Σ w_i ((m_i − v_i) / h_i)² between the model's means and
 * the targets. `modelMeans` is aligned with `targets` (an array) or keyed by
 * target name. A model mean that is not a number (NaN) makes D NaN; the
 * optimisers rank such a point last.
 */
export function distance(
  targets: readonly TargetBand[],
  modelMeans: readonly number[] | Readonly<Record<string, number>> | ReadonlyMap<string, number>,
): number {
  checkTargets(targets);
  let total = 0;
  for (let i = 0; i < targets.length; i++) {
    const t = targets[i];
    total += squared(t.weight ?? 1, lookup(modelMeans, targets, i), t.value, halfWidth(t));
  }
  return total;
}

/**
 * The distance with each term reported: the miss in half-widths, the term,
 * its share of the total, whether the model is inside the band and, when the
 * model's values come with 95% intervals, the range of the term over that
 * interval (0 at the low end when the interval reaches the target's value).
 */
export function distanceTerms(
  targets: readonly TargetBand[],
  model: readonly ModelValue[] | Readonly<Record<string, ModelValue>> | ReadonlyMap<string, ModelValue>,
): DistanceReport {
  checkTargets(targets);
  const terms: DistanceTerm[] = targets.map((t, i) => {
    const mv = lookup(model, targets, i);
    const h = halfWidth(t);
    const w = t.weight ?? 1;
    const m = mv.mean;
    const term: DistanceTerm = {
      name: t.name, value: t.value, lo: t.lo, hi: t.hi, halfWidth: h, weight: w, model: m,
      z: (m - t.value) / h, term: squared(w, m, t.value, h), inBand: m >= t.lo && m <= t.hi, share: NaN,
    };
    if (mv.ci95) {
      const [a, b] = [Math.min(mv.ci95[0], mv.ci95[1]), Math.max(mv.ci95[0], mv.ci95[1])];
      term.modelCi95 = [a, b];
      const ends = [squared(w, a, t.value, h), squared(w, b, t.value, h)];
      const low = t.value >= a && t.value <= b ? 0 : Math.min(...ends);
      term.termRange = [low, Math.max(...ends)];
    }
    return term;
  });
  const total = terms.reduce((s, t) => s + t.term, 0);
  for (const t of terms) t.share = Number.isFinite(total) && total > 0 ? t.term / total : NaN;
  return { total, terms };
}
