/** Sweep designs: grid, float-safe ranges, Latin hypercube, points. Pure functions, no runs. */
import { describe, expect, it } from 'vitest';
import { gridPoints, lhsPoints } from '../../sim/sweep/design.ts';
import { parseVary, rangeValues } from '../../sim/sweep/params.ts';
import { planSweep } from '../../sim/sweep/index.ts';

const small = { scenario: 'classroom', agents: 300, weeks: 52, replications: 2 };

describe('ranges', () => {
  it('are inclusive and free of float noise', () => {
    expect(rangeValues(0, 0.3, 0.1)).toEqual([0, 0.1, 0.2, 0.3]);
    expect(rangeValues(0, 1, 0.1)).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
    expect(rangeValues(0.1, 0.7, 0.2)).toEqual([0.1, 0.3, 0.5, 0.7]);
    expect(rangeValues(35, 70, 5)).toEqual([35, 40, 45, 50, 55, 60, 65, 70]);
    expect(rangeValues(1e-7, 3e-7, 1e-7)).toEqual([1e-7, 2e-7, 3e-7]);
    // hi not on the step: stop below it
    expect(rangeValues(0, 1, 0.3)).toEqual([0, 0.3, 0.6, 0.9]);
    expect(rangeValues(0.5, 0.5, 0.1)).toEqual([0.5]);
  });

  it('parse from text', () => {
    expect(parseVary('knobs.exploration=0:1:0.25')).toEqual({ name: 'knobs.exploration', lo: 0, hi: 1, step: 0.25 });
    expect(parseVary('office.caseload=35,70, 140')).toEqual({ name: 'office.caseload', values: [35, 70, 140] });
    expect(parseVary('behaviour.rejectionHit=0.02:0.1')).toEqual({ name: 'behaviour.rejectionHit', lo: 0.02, hi: 0.1 });
  });
});

describe('grid', () => {
  it('is the cartesian product, first parameter slowest', () => {
    const pts = gridPoints([{ name: 'a', values: [1, 2, 3] }, { name: 'b', values: [10, 20] }]);
    expect(pts).toEqual([
      { a: 1, b: 10 }, { a: 1, b: 20 }, { a: 2, b: 10 }, { a: 2, b: 20 }, { a: 3, b: 10 }, { a: 3, b: 20 },
    ]);
    expect(gridPoints([])).toEqual([{}]);
  });

  it('plans points × replications × policies runs', () => {
    const plan = planSweep({ ...small, vary: ['knobs.exploration=0:1:0.25', 'office.caseload=35,70,140'] });
    expect(plan.points).toHaveLength(15);
    expect(plan.runs).toBe(15 * 2 * 2);
    expect(plan.points[0]).toEqual({ 'knobs.exploration': 0, 'office.caseload': 35 });
    expect(plan.points[14]).toEqual({ 'knobs.exploration': 1, 'office.caseload': 140 });
    expect(plan.parameters[0].values).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(plan.columns).toEqual(['run', 'point', 'knobs.exploration', 'office.caseload', 'replicate', 'seed', 'policy', 'group', 'metric', 'value']);
    expect(plan.policies).toEqual(['standardised', 'personalised']);
  });
});

describe('Latin hypercube', () => {
  const axes = [{ name: 'x', lo: 0, hi: 1 }, { name: 'y', lo: 10, hi: 30 }];

  it('uses each stratum of each parameter exactly once', () => {
    for (const n of [1, 7, 50]) {
      const pts = lhsPoints(axes, n, 3);
      expect(pts).toHaveLength(n);
      for (const a of axes) {
        const strata = pts.map((p) => Math.floor(((p[a.name] - a.lo) / (a.hi - a.lo)) * n));
        expect(new Set(strata).size, `${a.name}, n = ${n}`).toBe(n);
        expect(Math.min(...strata)).toBe(0);
        expect(Math.max(...strata)).toBe(n - 1);
      }
    }
  });

  it('stratifies a list over its values', () => {
    const pts = lhsPoints([{ name: 'v', values: [1, 2, 3] }], 10, 1);
    const counts = [1, 2, 3].map((v) => pts.filter((p) => p.v === v).length);
    expect(counts.reduce((a, b) => a + b)).toBe(10);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });

  it('is a pure function of the seed', () => {
    expect(lhsPoints(axes, 20, 5)).toEqual(lhsPoints(axes, 20, 5));
    expect(lhsPoints(axes, 20, 5)).not.toEqual(lhsPoints(axes, 20, 6));
    const spec = { ...small, vary: ['knobs.exploration=0:1', 'office.caseload=20:100'], design: { kind: 'lhs' as const, samples: 12 } };
    const a = planSweep(spec);
    expect(planSweep(spec).points).toEqual(a.points);
    expect(planSweep({ ...spec, seed: 2 }).points).not.toEqual(a.points);
    // integer fields take integers: the j-th smallest lies in the integers of the j-th stratum of [20, 101)
    const cl = a.points.map((p) => p['office.caseload']).sort((x, y) => x - y);
    expect(cl.every(Number.isInteger)).toBe(true);
    cl.forEach((v, j) => {
      expect(v - 20).toBeGreaterThanOrEqual(Math.floor((j * 81) / 12));
      expect(v - 20).toBeLessThanOrEqual(Math.ceil(((j + 1) * 81) / 12) - 1);
    });
    const ex = a.points.map((p) => Math.floor(p['knobs.exploration'] * 12));
    expect(new Set(ex).size).toBe(12);
  });
});

describe('points design', () => {
  it('takes the points as given', () => {
    const points = [{ 'knobs.exploration': 0.2, 'office.caseload': 50 }, { 'knobs.exploration': 0.9, 'office.caseload': 60 }];
    const plan = planSweep({ ...small, policies: ['personalised'], design: { kind: 'points', points } });
    expect(plan.points).toEqual(points);
    expect(plan.runs).toBe(2 * 2 * 1);
    expect(plan.parameters.map((p) => [p.name, p.lo, p.hi])).toEqual([['knobs.exploration', 0.2, 0.9], ['office.caseload', 50, 60]]);
  });
});
