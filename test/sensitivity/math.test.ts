/** The sensitivity math against functions with known indices (Ishigami, linear), and its determinism. */
import { describe, expect, it } from 'vitest';
import {
  analyse, morris, morrisDelta, morrisDesign, morrisEffects, morrisIndices, runSensitivity, saltelliDesign, scalePoint, scaleValue,
  sensitivityDesign, sobol, sobolIndices, sobolPoints, type Factor,
} from '../../sim/sensitivity/index.ts';

const PI = Math.PI;
/** Ishigami (a = 7, b = 0.1) on [−π, π]³, from a point of the unit cube. */
const ishigami = (u: ArrayLike<number>) => {
  const [x1, x2, x3] = [u[0], u[1], u[2]].map((v) => -PI + 2 * PI * v);
  return Math.sin(x1) + 7 * Math.sin(x2) ** 2 + 0.1 * x3 ** 4 * Math.sin(x1);
};
const ISHIGAMI_S1 = [0.3139, 0.4424, 0];
const ISHIGAMI_ST = [0.5576, 0.4424, 0.2437];

describe('Sobol sequence', () => {
  it('matches the reference values of Joe & Kuo’s direction numbers (unscrambled)', () => {
    const p = sobolPoints(1024, 10, { scramble: false });
    expect(p[0]).toEqual(new Array(10).fill(0));
    expect(p[3]).toEqual([0.25, 0.75, 0.75, 0.75, 0.25, 0.25, 0.75, 0.25, 0.25, 0.25]);
    expect(p[100]).toEqual([0.4140625, 0.2578125, 0.7734375, 0.7265625, 0.8828125, 0.7421875, 0.0234375, 0.4765625, 0.6328125, 0.6953125]);
    expect(p[1023]).toEqual([0.0009765625, 0.7529296875, 0.6123046875, 0.1455078125, 0.1865234375, 0.4384765625, 0.1396484375, 0.6181640625, 0.3447265625, 0.8505859375]);
  });

  it('scrambled, stays stratified: each of 2^m intervals of each coordinate holds one of 2^m points', () => {
    for (const seed of [1, 2]) {
      const n = 256;
      const p = sobolPoints(n, 40, { seed });
      for (let d = 0; d < 40; d++) {
        const cells = new Set(p.map((x) => Math.floor(x[d] * n)));
        expect(cells.size).toBe(n);
      }
      // and not the unscrambled sequence
      expect(p[0].some((v) => v !== 0)).toBe(true);
    }
  });

  it('is deterministic from the seed', () => {
    expect(sobolPoints(64, 6, { seed: 7 })).toEqual(sobolPoints(64, 6, { seed: 7 }));
    expect(sobolPoints(64, 6, { seed: 7 })).not.toEqual(sobolPoints(64, 6, { seed: 8 }));
  });
});

describe('Saltelli design and Sobol indices', () => {
  it('has blocks A, B and AB_i (A with column i from B)', () => {
    const k = 3;
    const N = 16;
    const d = saltelliDesign(k, { samples: N, seed: 3 });
    expect(d.length).toBe(N * (k + 2));
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < N; j++) {
        const ab = d[(2 + i) * N + j];
        for (let c = 0; c < k; c++) expect(ab[c]).toBe(c === i ? d[N + j][c] : d[j][c]);
      }
    }
    for (const row of d) for (const v of row) expect(v >= 0 && v < 1).toBe(true);
  });

  it.each([1, 2, 3])('recovers the Ishigami indices inside narrow 95 per cent intervals (N = 2^13, seed %i)', (seed) => {
    const N = 2 ** 13;
    const y = saltelliDesign(3, { samples: N, seed }).map(ishigami);
    const ix = sobolIndices(y, 3, N, { seed });
    ix.forEach((x, i) => {
      expect(x.S1Ci[0]).toBeLessThanOrEqual(ISHIGAMI_S1[i]);
      expect(x.S1Ci[1]).toBeGreaterThanOrEqual(ISHIGAMI_S1[i]);
      expect(x.STCi[0]).toBeLessThanOrEqual(ISHIGAMI_ST[i]);
      expect(x.STCi[1]).toBeGreaterThanOrEqual(ISHIGAMI_ST[i]);
      expect(x.S1Ci[1] - x.S1Ci[0]).toBeLessThan(0.08);
      expect(x.STCi[1] - x.STCi[0]).toBeLessThan(0.08);
      // quasi-Monte Carlo: the point estimates are much closer than the intervals say
      expect(Math.abs(x.S1 - ISHIGAMI_S1[i])).toBeLessThan(0.01);
      expect(Math.abs(x.ST - ISHIGAMI_ST[i])).toBeLessThan(0.01);
    });
  });

  it('with plain random sampling is unbiased but noisier', () => {
    const N = 2 ** 13;
    const y = saltelliDesign(3, { samples: N, seed: 1, sampling: 'random' }).map(ishigami);
    const ix = sobolIndices(y, 3, N, { seed: 1 });
    ix.forEach((x, i) => {
      expect(Math.abs(x.S1 - ISHIGAMI_S1[i])).toBeLessThan(0.05);
      expect(Math.abs(x.ST - ISHIGAMI_ST[i])).toBeLessThan(0.05);
    });
  });

  it('gives S1 = ST = the share of variance for an additive function', () => {
    // f = 1·x1 + 2·x2 on [0, 1]²: variances 1/12 and 4/12, so S = (0.2, 0.8)
    const r = sobol([{ name: 'a', lo: 0, hi: 1 }, { name: 'b', lo: 0, hi: 2 }], (p) => p.a + p.b, { samples: 1024, bootstrap: 200 });
    const byName = Object.fromEntries(r.indices.map((x) => [x.factor, x]));
    expect(r.indices.map((x) => x.factor)).toEqual(['b', 'a']);
    expect(byName.a.S1).toBeCloseTo(0.2, 2);
    expect(byName.b.S1).toBeCloseTo(0.8, 2);
    expect(byName.a.ST).toBeCloseTo(0.2, 2);
    expect(byName.b.ST).toBeCloseTo(0.8, 2);
  });

  it('does not depend on the output’s mean (f_B is centred)', () => {
    const factors = [{ name: 'a', lo: 0, hi: 1 }, { name: 'b', lo: 0, hi: 2 }];
    const f = (p: Record<string, number>) => 0.01 * (p.a + p.b + p.a * p.b);
    const plain = sobol(factors, f, { samples: 256, bootstrap: 200 });
    const shifted = sobol(factors, (p) => 1000 + f(p), { samples: 256, bootstrap: 200 });
    plain.indices.forEach((x, i) => {
      const y = shifted.indices[i];
      expect(y.factor).toBe(x.factor);
      for (const k of ['S1', 'ST'] as const) expect(y[k]).toBeCloseTo(x[k], 6);
      for (const k of ['S1Ci', 'STCi'] as const) [0, 1].forEach((j) => expect(y[k][j]).toBeCloseTo(x[k][j], 6));
    });
  });

  it('checks its input', () => {
    expect(() => sobolIndices([1, 2, 3], 3, 2)).toThrow(/expected N·\(k \+ 2\) = 10/);
    expect(() => saltelliDesign(70, { samples: 4 })).toThrow(/at most 64 factors/);
    expect(saltelliDesign(70, { samples: 4, sampling: 'random' }).length).toBe(4 * 72);
  });
});

describe('Morris', () => {
  it('builds trajectories on the grid that move each factor once by ±Δ', () => {
    const k = 5;
    const levels = 6;
    const delta = morrisDelta(levels);
    expect(delta).toBeCloseTo(0.6, 12);
    const d = morrisDesign(k, { trajectories: 20, levels, seed: 4 });
    expect(d.length).toBe(20 * (k + 1));
    for (const row of d) for (const v of row) expect(Number.isInteger(Math.round(v * (levels - 1) * 1e9) / 1e9)).toBe(true);
    for (let t = 0; t < 20; t++) {
      const moved = new Set<number>();
      for (let s = 0; s < k; s++) {
        const a = d[t * (k + 1) + s];
        const b = d[t * (k + 1) + s + 1];
        const changed = a.map((v, i) => (v !== b[i] ? i : -1)).filter((i) => i >= 0);
        expect(changed.length).toBe(1);
        expect(Math.abs(b[changed[0]] - a[changed[0]])).toBeCloseTo(delta, 12);
        moved.add(changed[0]);
      }
      expect(moved.size).toBe(k);
    }
    expect(() => morrisDesign(3, { trajectories: 2, levels: 5 })).toThrow(/levels must be even/);
  });

  it('gives mu* = |coef|·range and sigma = 0 for a linear function', () => {
    const factors: Factor[] = [
      { name: 'x1', lo: 0, hi: 1 }, { name: 'x2', lo: -2, hi: 3 }, { name: 'x3', lo: 10, hi: 10.5 }, { name: 'x4', lo: 0, hi: 4 },
    ];
    const coef: Record<string, number> = { x1: 3, x2: -1.5, x3: 8, x4: 0 };
    const r = morris(factors, (p) => 1 + factors.reduce((s, f) => s + coef[f.name] * p[f.name], 0), { trajectories: 7, seed: 2 });
    expect(r.method).toBe('morris');
    for (const x of r.indices) {
      const f = factors.find((g) => g.name === x.factor)!;
      const want = Math.abs(coef[f.name]) * (f.hi - f.lo);
      expect(x.muStar).toBeCloseTo(want, 9);
      expect(x.mu).toBeCloseTo(coef[f.name] * (f.hi - f.lo), 9);
      expect(x.sigma).toBeCloseTo(0, 9);
      expect(x.muStarCi[0]).toBeCloseTo(want, 9);
      expect(x.muStarCi[1]).toBeCloseTo(want, 9);
    }
    // sorted by influence: x2 (7.5), x4 (0) last
    expect(r.indices.map((x) => x.factor)).toEqual(['x2', 'x3', 'x1', 'x4']);
  });

  // Expected values under the 4-level design (Δ = 2/3): x2 always moves between sin² = 0 and 3/4,
  // x1 between |sin| = 0 and √3/2 with x3 uniform on the grid, x3 between x3⁴ = π⁴ and (π/3)⁴ with |sin x1| ∈ {0, √3/2}.
  const EXPECTED_MU_STAR = [
    (Math.sqrt(3) / 2 / (2 / 3)) * (1 + (0.1 * (PI ** 4 + (PI / 3) ** 4)) / 2),
    (7 * 0.75) / (2 / 3),
    ((0.1 * (PI ** 4 - (PI / 3) ** 4)) / (2 / 3)) * (Math.sqrt(3) / 4),
  ];

  it.each([1, 2, 3])('on Ishigami, matches the expected mu* and shows x3’s interaction (seed %i)', (seed) => {
    const d = morrisDesign(3, { trajectories: 500, seed });
    const ix = morrisIndices(d, d.map(ishigami), 3, { seed });
    ix.forEach((x, i) => {
      // A genuine 95% interval misses now and then (3 of 120 over seeds 1..40); widened by half its width, it should not.
      const w = (x.muStarCi[1] - x.muStarCi[0]) / 2;
      expect(x.muStarCi[0] - w).toBeLessThanOrEqual(EXPECTED_MU_STAR[i] + 1e-9);
      expect(x.muStarCi[1] + w).toBeGreaterThanOrEqual(EXPECTED_MU_STAR[i] - 1e-9);
      expect(Math.abs(x.muStar - EXPECTED_MU_STAR[i])).toBeLessThan(0.1 * EXPECTED_MU_STAR[i]);
    });
    // x3 has no first-order effect but interacts with x1: mu* well above 0, mean effect near 0, large sigma
    expect(ix[2].muStar).toBeLessThan(Math.min(ix[0].muStar, ix[1].muStar));
    expect(ix[2].muStar).toBeGreaterThan(4);
    expect(Math.abs(ix[2].mu)).toBeLessThan(ix[2].muStar / 4);
    expect(ix[2].sigma).toBeGreaterThan(5);
  });

  it('on Ishigami, ranks mu* x2 > x1 > x3 with many trajectories', () => {
    for (const seed of [1, 2]) {
      const d = morrisDesign(3, { trajectories: 20000, seed });
      const ix = morrisIndices(d, d.map(ishigami), 3, { seed, bootstrap: 100 });
      expect(ix[1].muStar).toBeGreaterThan(ix[0].muStar);
      expect(ix[0].muStar).toBeGreaterThan(ix[2].muStar);
    }
  });

  it('checks that the design is a Morris design', () => {
    expect(() => morrisEffects([[0, 0], [1, 1], [1, 0]], [1, 2, 3], 2)).toThrow(/differ in exactly one factor/);
    expect(() => morrisEffects([[0, 0], [1, 0]], [1, 2], 2)).toThrow(/multiple of k \+ 1 = 3/);
    expect(() => morrisEffects([[0, 0], [1, 0], [1, 1]], [1, 2], 2)).toThrow(/2 outputs for 3/);
  });
});

describe('scaling and the one-call API', () => {
  it('scales unit points to ranges, rounding integer factors', () => {
    expect(scaleValue(0.25, { name: 'a', lo: 2, hi: 6 })).toBe(3);
    expect(scaleValue(1 / 3, { name: 'n', lo: 0, hi: 8, integer: true })).toBe(3);
    expect(scaleValue(1, { name: 'n', lo: 0, hi: 8, integer: true })).toBe(8);
    expect(scalePoint([0, 1], [{ name: 'a', lo: 1, hi: 2 }, { name: 'b', lo: -1, hi: 1 }])).toEqual({ a: 1, b: 1 });
  });

  it('is deterministic: same seed, same design and indices; another seed, another design', () => {
    const factors: Factor[] = [{ name: 'a', lo: -PI, hi: PI }, { name: 'b', lo: -PI, hi: PI }, { name: 'c', lo: -PI, hi: PI }];
    const f = (p: Record<string, number>) => ishigami([p.a, p.b, p.c].map((v) => (v + PI) / (2 * PI)));
    for (const method of ['morris', 'sobol'] as const) {
      const spec = { method, factors, trajectories: 10, samples: 64, seed: 5, bootstrap: 200 };
      expect(sensitivityDesign(spec)).toEqual(sensitivityDesign(spec));
      expect(runSensitivity(spec, f)).toEqual(runSensitivity(spec, f));
      expect(sensitivityDesign({ ...spec, seed: 6 }).unit).not.toEqual(sensitivityDesign(spec).unit);
      const design = sensitivityDesign(spec);
      expect(analyse(design, design.points.map(f))).toEqual(analyse(design, design.points.map(f)));
    }
  });

  it('rejects bad factors', () => {
    expect(() => morris([], () => 0)).toThrow(/at least one factor/);
    expect(() => morris([{ name: 'a', lo: 1, hi: 1 }], () => 0)).toThrow(/range 1:1/);
    expect(() => sobol([{ name: 'a', lo: 0, hi: 1 }, { name: 'a', lo: 0, hi: 1 }], () => 0)).toThrow(/more than once/);
  });
});
