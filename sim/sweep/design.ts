/** Designs: which parameter points a sweep runs. Pure functions; LHS is drawn from a seeded generator. */
import { sequential } from '../rng.ts';

export type Point = Record<string, number>;

/** A parameter as a design sees it: a list of values, or a range [lo, hi] (of integers with `integer`). */
export type Axis = { name: string; values: number[] } | { name: string; lo: number; hi: number; integer?: boolean };

/** Cartesian product of the values; the first parameter varies slowest. No parameters: one empty point. */
export function gridPoints(axes: { name: string; values: number[] }[]): Point[] {
  let points: Point[] = [{}];
  for (const a of axes) points = points.flatMap((p) => a.values.map((v) => ({ ...p, [a.name]: v })));
  return points;
}

/**
 * Latin hypercube of `samples` points: each parameter's range is cut into
 * `samples` equal strata and every stratum holds exactly one point, at a
 * uniform position inside it; strata are paired across parameters by
 * independent random permutations. An integer range takes the integer below
 * that position on [lo, hi + 1) (so the j-th smallest value lies in the j-th
 * stratum's integers). A list of values is stratified over its
 * values (stratum s takes value floor(s·K/samples)), so each of K values is
 * used floor or ceil of samples/K times. The generator is seeded by `seed`, the sample count
 * and the parameter names: the design is a pure function of them.
 */
export function lhsPoints(axes: Axis[], samples: number, seed: number): Point[] {
  const g = sequential(`sweep-lhs:${seed}:${samples}:${axes.map((a) => a.name).join(',')}`);
  const points: Point[] = Array.from({ length: samples }, () => ({}));
  for (const a of axes) {
    const perm = Array.from({ length: samples }, (_, i) => i);
    for (let i = samples - 1; i > 0; i--) {
      const j = Math.min(i, Math.floor(g() * (i + 1)));
      [perm[i], perm[j]] = [perm[j], perm[i]];
    }
    for (let i = 0; i < samples; i++) {
      if ('values' in a) {
        points[i][a.name] = a.values[Math.floor((perm[i] * a.values.length) / samples)];
        continue;
      }
      const u = (perm[i] + g()) / samples;
      const k = a.hi - a.lo + 1;
      points[i][a.name] = a.integer ? a.lo + Math.min(k - 1, Math.floor(u * k)) : Math.min(a.hi, a.lo + u * (a.hi - a.lo));
    }
  }
  return points;
}
