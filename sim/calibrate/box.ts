/**
 * The box a calibration searches: each parameter between lo and hi (the
 * CLI's `--vary NAME=lo:hi`). The optimisers work on the unit cube
 * [0, 1]^k, one coordinate per parameter, so that a step of 0.1 means a
 * tenth of every range whatever its units. Browser-safe.
 */
import { InputError } from '../errors.ts';

/** A parameter and the range it may take. */
export interface Bound {
  /** Parameter name, e.g. `knobs.exploration` (names as in `pathways sweep`). */
  name: string;
  lo: number;
  hi: number;
}

/** Check a box: at least one parameter, unique non-empty names, finite lo < hi. Throws InputError naming the parameter. */
export function checkBounds(bounds: readonly Bound[], what = 'calibration'): void {
  if (!Array.isArray(bounds) || bounds.length === 0) throw new InputError(`${what}: at least one parameter to vary is needed`);
  const seen = new Set<string>();
  for (const b of bounds) {
    if (typeof b.name !== 'string' || b.name === '') throw new InputError(`${what}: every parameter needs a name`);
    if (seen.has(b.name)) throw new InputError(`${what}: parameter ${b.name} is given more than once`);
    seen.add(b.name);
    if (!Number.isFinite(b.lo) || !Number.isFinite(b.hi) || !(b.lo < b.hi)) {
      throw new InputError(`${what}: parameter ${b.name} has range ${b.lo}:${b.hi}; expected finite numbers lo < hi`);
    }
  }
}

/** A coordinate of the unit cube as a parameter value: lo + u·(hi − lo), exactly lo at 0 and hi at 1, never outside [lo, hi]. */
export function fromUnitValue(u: number, b: Bound): number {
  if (u <= 0) return b.lo;
  if (u >= 1) return b.hi;
  return Math.min(b.hi, Math.max(b.lo, b.lo + u * (b.hi - b.lo)));
}

/** A point of the unit cube in parameter units. */
export const fromUnit = (u: readonly number[], bounds: readonly Bound[]): number[] => bounds.map((b, i) => fromUnitValue(u[i], b));

/** A point in parameter units as a point of the unit cube (not clamped). */
export const toUnit = (x: readonly number[], bounds: readonly Bound[]): number[] => bounds.map((b, i) => (x[i] - b.lo) / (b.hi - b.lo));

/** `x` projected on [0, 1] (the nearest point of the cube). */
export const clampUnit = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);

/** Check that `x` is a point in parameter units inside the box; InputError naming the coordinate otherwise. */
export function checkInside(x: readonly number[], bounds: readonly Bound[], what: string): void {
  if (!Array.isArray(x) || x.length !== bounds.length) {
    throw new InputError(`${what}: expected ${bounds.length} coordinates (${bounds.map((b) => b.name).join(', ')}), got ${Array.isArray(x) ? x.length : typeof x}`);
  }
  bounds.forEach((b, i) => {
    if (!Number.isFinite(x[i]) || x[i] < b.lo || x[i] > b.hi) throw new InputError(`${what}: ${b.name} = ${x[i]} is outside its range ${b.lo}:${b.hi}`);
  });
}

/** A number for JSON: finite numbers as they are, +∞ as null (JSON has no infinity; values are never −∞ or NaN here). */
export const encodeValue = (v: number): number | null => (Number.isFinite(v) ? v : null);
/** The inverse of encodeValue. */
export const decodeValue = (v: number | null): number => (v === null ? Infinity : v);
