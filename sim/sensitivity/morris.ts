/**
 * Morris elementary effects (Morris 1991), with Campolongo, Cariboni & Saltelli's
 * (2007) mu* (the mean absolute effect) and a bootstrap interval for mu* over
 * trajectories. Browser-safe, deterministic from the seed.
 *
 * Effects are measured in the unit hypercube: an effect is the change in the
 * output divided by the step in [0, 1], so mu* reads as "how much the output
 * changes when the factor moves across its whole range" (for f = c·x on
 * [lo, hi], mu* = |c|·(hi − lo) and sigma = 0).
 */
import { InputError } from '../errors.ts';
import { checkInteger, generator, percentileInterval, randomIndex } from './bootstrap.ts';

export interface MorrisDesignOptions {
  /** Number of trajectories r; the design has r·(k + 1) points. */
  trajectories: number;
  /** Levels p of the grid {0, 1/(p−1), ..., 1}; even, default 4. */
  levels?: number;
  seed?: number | string;
}

export interface MorrisIndex {
  /** Mean elementary effect (signed). */
  mu: number;
  /** Mean absolute elementary effect (Campolongo). */
  muStar: number;
  /** Standard deviation of the elementary effects (n − 1 denominator; NaN with one trajectory): non-linearity and interactions. */
  sigma: number;
  /** 95% percentile bootstrap interval of mu*, resampling trajectories. */
  muStarCi: [number, number];
}

export interface MorrisIndicesOptions {
  /** Seed of the bootstrap (default 0). */
  seed?: number | string;
  /** Bootstrap resamples (default 1000; 0 gives a zero-width interval at mu*). */
  bootstrap?: number;
}

/** The step Δ = p / (2(p − 1)) of a p-level Morris design. */
export const morrisDelta = (levels: number): number => levels / (2 * (levels - 1));

/**
 * A Morris design of `trajectories` one-at-a-time trajectories for `k` factors:
 * each trajectory is k + 1 points of the p-level grid in [0, 1]^k, each point
 * differing from the previous one in one factor by ±Δ, every factor moving
 * once, in random order and direction. Rows t·(k+1) ... t·(k+1)+k are
 * trajectory t.
 */
export function morrisDesign(k: number, opts: MorrisDesignOptions): number[][] {
  checkInteger('Morris design: k', k, 1);
  checkInteger('Morris design: trajectories', opts.trajectories, 1);
  const p = opts.levels ?? 4;
  checkInteger('Morris design: levels', p, 2);
  if (p % 2 !== 0) throw new InputError(`Morris design: levels must be even (so that the step lands on the grid), got ${p}`);
  const g = generator('morris-design', opts.seed ?? 0);
  const half = p / 2; // Δ in grid steps
  const out: number[][] = [];
  for (let t = 0; t < opts.trajectories; t++) {
    const order = Array.from({ length: k }, (_, i) => i);
    for (let i = k - 1; i > 0; i--) {
      const j = randomIndex(g, i + 1);
      [order[i], order[j]] = [order[j], order[i]];
    }
    const start = new Array<number>(k);
    const end = new Array<number>(k);
    for (let i = 0; i < k; i++) {
      const base = randomIndex(g, half); // levels 0 .. p/2 − 1 can step up by p/2
      const up = g() < 0.5;
      start[i] = up ? base : base + half;
      end[i] = up ? base + half : base;
    }
    const level = start.slice();
    out.push(level.map((j) => j / (p - 1)));
    for (const i of order) {
      level[i] = end[i];
      out.push(level.map((j) => j / (p - 1)));
    }
  }
  return out;
}

/**
 * Elementary effects of a Morris design: effects[t][i] for trajectory t and
 * factor i, (y(after) − y(before)) / (x_i(after) − x_i(before)).
 */
export function morrisEffects(design: number[][], y: ArrayLike<number>, k: number): number[][] {
  checkInteger('Morris indices: k', k, 1);
  if (design.length === 0 || design.length % (k + 1) !== 0) {
    throw new InputError(`Morris indices: the design has ${design.length} points; expected a positive multiple of k + 1 = ${k + 1}`);
  }
  if (y.length !== design.length) throw new InputError(`Morris indices: ${y.length} outputs for ${design.length} design points`);
  const r = design.length / (k + 1);
  const effects: number[][] = [];
  for (let t = 0; t < r; t++) {
    const ee = new Array<number>(k).fill(NaN);
    for (let s = 0; s < k; s++) {
      const a = t * (k + 1) + s;
      const x0 = design[a];
      const x1 = design[a + 1];
      if (x0.length !== k || x1.length !== k) throw new InputError(`Morris indices: design point ${x0.length !== k ? a : a + 1} has ${(x0.length !== k ? x0 : x1).length} coordinates; expected ${k}`);
      let moved = -1;
      for (let i = 0; i < k; i++) {
        if (x1[i] !== x0[i]) {
          if (moved >= 0) moved = -2;
          else if (moved === -1) moved = i;
        }
      }
      if (moved < 0 || !Number.isNaN(ee[moved])) {
        throw new InputError(`Morris indices: points ${a} and ${a + 1} (trajectory ${t}) do not differ in exactly one factor not moved before in the trajectory`);
      }
      ee[moved] = (y[a + 1] - y[a]) / (x1[moved] - x0[moved]);
    }
    effects.push(ee);
  }
  return effects;
}

function meanAbs(effects: number[][], rows: ArrayLike<number>, i: number): number {
  let s = 0;
  for (let j = 0; j < rows.length; j++) s += Math.abs(effects[rows[j]][i]);
  return s / rows.length;
}

/** mu, mu*, sigma and a bootstrap interval of mu* for each of the k factors of a Morris design with outputs y. */
export function morrisIndices(design: number[][], y: ArrayLike<number>, k: number, opts: MorrisIndicesOptions = {}): MorrisIndex[] {
  const effects = morrisEffects(design, y, k);
  const r = effects.length;
  const B = opts.bootstrap ?? 1000;
  checkInteger('Morris indices: bootstrap', B, 0);
  const all = Array.from({ length: r }, (_, t) => t);
  const boot: Float64Array[] = Array.from({ length: k }, () => new Float64Array(B));
  const g = generator('morris-bootstrap', opts.seed ?? 0);
  const rows = new Int32Array(r);
  for (let b = 0; b < B; b++) {
    for (let j = 0; j < r; j++) rows[j] = randomIndex(g, r);
    for (let i = 0; i < k; i++) boot[i][b] = meanAbs(effects, rows, i);
  }
  return Array.from({ length: k }, (_, i) => {
    let mu = 0;
    for (const e of effects) mu += e[i];
    mu /= r;
    let ss = 0;
    for (const e of effects) ss += (e[i] - mu) ** 2;
    const muStar = meanAbs(effects, all, i);
    return { mu, muStar, sigma: r > 1 ? Math.sqrt(ss / (r - 1)) : NaN, muStarCi: B > 0 ? percentileInterval(boot[i]) : [muStar, muStar] };
  });
}
