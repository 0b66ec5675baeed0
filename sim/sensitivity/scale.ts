/** From points of the unit hypercube to parameter values. Browser-safe. */
import { InputError } from '../errors.ts';

/** A factor of a sensitivity analysis: a parameter and the range it varies over. */
export interface Factor {
  /** Parameter name, e.g. `knobs.exploration` or `office.advisorsPer1000`. */
  name: string;
  lo: number;
  hi: number;
  /** Round scaled values to the nearest integer (for integer parameters). */
  integer?: boolean;
}

/** The value of factor f at u ∈ [0, 1]: lo + u·(hi − lo), rounded for integer factors. */
export function scaleValue(u: number, f: Factor): number {
  const lo = Math.min(f.lo, f.hi);
  const hi = Math.max(f.lo, f.hi);
  // clamped: lo + 1·(hi − lo) can round to just above hi
  const v = Math.min(hi, Math.max(lo, f.lo + u * (f.hi - f.lo)));
  return f.integer ? Math.min(Math.max(Math.round(v), Math.ceil(lo)), Math.floor(hi)) : v;
}

/** A unit point as parameter values, keyed by factor name. */
export function scalePoint(u: ArrayLike<number>, factors: Factor[]): Record<string, number> {
  if (u.length !== factors.length) throw new InputError(`scalePoint: the point has ${u.length} coordinates for ${factors.length} factors`);
  const out: Record<string, number> = {};
  factors.forEach((f, i) => {
    out[f.name] = scaleValue(u[i], f);
  });
  return out;
}

/** Every point of a unit design as parameter values. */
export const scaleDesign = (design: ArrayLike<number>[], factors: Factor[]): Record<string, number>[] => design.map((u) => scalePoint(u, factors));

/** Check a list of factors: at least one, unique non-empty names, finite lo < hi. Throws InputError naming the factor. */
export function checkFactors(factors: Factor[]): void {
  if (factors.length === 0) throw new InputError('sensitivity: at least one factor is needed');
  const seen = new Set<string>();
  for (const f of factors) {
    if (typeof f.name !== 'string' || f.name === '') throw new InputError('sensitivity: every factor needs a name');
    if (seen.has(f.name)) throw new InputError(`sensitivity: factor ${f.name} is given more than once`);
    seen.add(f.name);
    if (!Number.isFinite(f.lo) || !Number.isFinite(f.hi) || !(f.lo < f.hi)) {
      throw new InputError(`sensitivity: factor ${f.name} has range ${f.lo}:${f.hi}; expected finite numbers lo < hi`);
    }
  }
}
