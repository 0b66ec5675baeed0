/** Nelder–Mead in a box: known optima, the budget, the box, the ask/tell loop, and resuming from saved state. */
import { describe, expect, it } from 'vitest';
import type { Bound } from '../../sim/calibrate/box.ts';
import { coefficientsFor, minimise, NelderMead, STANDARD, type NelderMeadOptions, type NelderMeadState } from '../../sim/calibrate/optim.ts';
import { InputError } from '../../sim/errors.ts';

const box = (...ranges: [number, number][]): Bound[] => ranges.map(([lo, hi], i) => ({ name: `p${i}`, lo, hi }));
/** A tilted quadratic bowl with its minimum 0 at (0.3, −0.7). */
const bowl = (x: number[]) => (x[0] - 0.3) ** 2 + 2 * (x[1] + 0.7) ** 2 + 0.5 * (x[0] - 0.3) * (x[1] + 0.7);
const rosenbrock = (x: number[]) => 100 * (x[1] - x[0] ** 2) ** 2 + (1 - x[0]) ** 2;
const CENTRE5 = [0.1, -0.4, 0.25, 0.8, -0.9];
const sphere5 = (x: number[]) => x.reduce((s, v, i) => s + (v - CENTRE5[i]) ** 2, 0);
const maxError = (x: number[], y: number[]) => Math.max(...x.map((v, i) => Math.abs(v - y[i])));

/** Run with the ask/tell loop, saving the state to JSON text and resuming from it before step `at` (and after asking, when `afterAsk`). */
function runWithResume(f: (x: number[]) => number, opts: NelderMeadOptions, at: number, afterAsk: boolean) {
  let nm = new NelderMead(opts);
  for (let step = 0; !nm.done; step++) {
    if (step === at && !afterAsk) nm = NelderMead.fromJSON(JSON.parse(JSON.stringify(nm)) as NelderMeadState);
    const points = nm.ask();
    if (step === at && afterAsk) {
      nm = NelderMead.fromJSON(JSON.parse(JSON.stringify(nm)) as NelderMeadState);
      expect(nm.ask()).toEqual(points);
    }
    nm.tell(points.map(f));
  }
  return nm.result();
}

describe('Nelder–Mead finds known optima', () => {
  it('a 2-D quadratic bowl with its optimum inside the box, within 1e-4', () => {
    const r = minimise(bowl, { bounds: box([-2, 2], [-2, 2]), budget: 1000, xTolerance: 1e-8, fTolerance: 1e-14 });
    expect(r.status).toBe('converged');
    // observed: error 1.3e-8 after 113 evaluations
    expect(maxError(r.point, [0.3, -0.7])).toBeLessThan(1e-4);
    expect(r.value).toBeLessThan(1e-8);
  });

  it('Rosenbrock in 2-D from (−1.2, 1), within 1e-3', () => {
    const r = minimise(rosenbrock, { bounds: box([-2, 2], [-1, 3]), start: [-1.2, 1], budget: 5000, xTolerance: 1e-9, fTolerance: 1e-16 });
    expect(r.status).toBe('converged');
    // observed: error 7.5e-10 after 224 evaluations
    expect(maxError(r.point, [1, 1])).toBeLessThan(1e-3);
  });

  it('an optimum on the boundary of the box, found exactly at the bound', () => {
    // unconstrained minimum at (3, 0.5); in [0, 2] × [0, 1] the minimum is (2, 0.5) with value 1
    const f = (x: number[]) => (x[0] - 3) ** 2 + (x[1] - 0.5) ** 2;
    const r = minimise(f, { bounds: box([0, 2], [0, 1]), budget: 1000, xTolerance: 1e-9, fTolerance: 1e-14 });
    expect(r.point[0]).toBe(2);
    expect(Math.abs(r.point[1] - 0.5)).toBeLessThan(1e-4);
    expect(r.value).toBeCloseTo(1, 8);
    // a corner: minimum of (x + 1)² + (y − 5)² in [0, 1]² is (0, 1)
    const c = minimise((x) => (x[0] + 1) ** 2 + (x[1] - 5) ** 2, { bounds: box([0, 1], [0, 1]), budget: 500 });
    expect(c.point).toEqual([0, 1]);
  });

  it('a 5-D sphere, with the adaptive and the standard coefficients, within 1e-4', () => {
    for (const coefficients of ['adaptive', 'standard'] as const) {
      const r = minimise(sphere5, { bounds: box(...CENTRE5.map(() => [-1, 1.5] as [number, number])), budget: 5000, xTolerance: 1e-8, fTolerance: 1e-14, coefficients });
      expect(r.status, coefficients).toBe('converged');
      // observed: error 1.0e-8 (adaptive, 524 evaluations), 1.1e-8 (standard, 391)
      expect(maxError(r.point, CENTRE5), coefficients).toBeLessThan(1e-4);
    }
  });

  it('a 1-D function', () => {
    const r = minimise((x) => Math.cos(x[0]), { bounds: box([2, 5]), budget: 200, xTolerance: 1e-9, fTolerance: 1e-15 });
    expect(Math.abs(r.point[0] - Math.PI)).toBeLessThan(1e-4);
  });

  it('ranks a NaN value last and still finds the optimum', () => {
    // the second vertex of the initial simplex, (1.1, 1.5), has no value
    const f = (x: number[]) => (x[0] > 1 ? NaN : bowl(x));
    const r = minimise(f, { bounds: box([-2, 2], [-2, 2]), start: [0.9, 1.5], budget: 1000, xTolerance: 1e-8, fTolerance: 1e-14 });
    expect(r.trace[1].value).toBe(Infinity);
    expect(r.trace.some((e) => e.value === Infinity)).toBe(true);
    expect(maxError(r.point, [0.3, -0.7])).toBeLessThan(1e-4);
  });
});

describe('Nelder–Mead: coefficients, initial simplex, box', () => {
  it('uses Gao & Han’s coefficients in n ≥ 2 (the standard ones in 2-D) and the standard ones in 1-D', () => {
    expect(coefficientsFor(2)).toEqual(STANDARD);
    expect(coefficientsFor(1)).toEqual(STANDARD);
    expect(coefficientsFor(5)).toEqual({ reflect: 1, expand: 1.4, contract: 0.65, shrink: 0.8 });
    expect(coefficientsFor(5, 'standard')).toEqual(STANDARD);
  });

  it('asks the start and one step of each coordinate first, stepping down where up leaves the box', () => {
    const nm = new NelderMead({ bounds: box([0, 10], [-1, 1], [0, 4]), start: [5, 1, 3.8], step: 0.1, budget: 50 });
    expect(nm.ask()).toEqual([[5, 1, 3.8], [6, 1, 3.8], [5, 0.8, 3.8], [5, 1, 3.4]]);
    // asking again before telling gives the same points
    expect(nm.ask()).toEqual(nm.ask());
    expect(new NelderMead({ bounds: box([0, 2], [0, 4]), budget: 50 }).ask()[0]).toEqual([1, 2]);
  });

  it('never asks a point outside the box', () => {
    const bounds = box([0, 2], [0, 1], [-3, -1]);
    const f = (x: number[]) => (x[0] - 5) ** 2 + (x[1] + 4) ** 2 + (x[2] - 0.3 * x[0]) ** 2;
    const r = minimise(f, { bounds, budget: 400, step: 0.5, speculative: true });
    for (const e of r.trace) e.point.forEach((v, i) => expect(v >= bounds[i].lo && v <= bounds[i].hi, `${e.evaluation}: ${e.point}`).toBe(true));
    expect(r.point[0]).toBe(2);
    expect(r.point[1]).toBe(0);
  });
});

describe('Nelder–Mead: budget and driving', () => {
  it('respects the budget exactly: a step that needs more points than are left asks only those left', () => {
    for (const speculative of [false, true]) {
      for (let budget = 3; budget <= 80; budget++) {
        let calls = 0;
        const r = minimise((x) => (calls++, rosenbrock(x)), { bounds: box([-2, 2], [-1, 3]), start: [-1.2, 1], budget, xTolerance: 0, fTolerance: 0, speculative });
        expect(calls, `budget ${budget}`).toBe(budget);
        expect(r.evaluations).toBe(budget);
        expect(r.trace).toHaveLength(budget);
        expect(r.status).toBe('budget');
        // the result is the best of every evaluation
        expect(r.value).toBe(Math.min(...r.trace.map((e) => e.value)));
      }
    }
    // a shrink of a 5-D simplex asks 5 points at once; a budget that ends inside the shrink ends the run there
    const bounds5 = box(...CENTRE5.map(() => [-1, 1] as [number, number]));
    const kinked = (x: number[]) => Math.abs(x[0] - 0.123) + 3 * Math.abs(x[1] + x[2]) + x.reduce((s, v) => s + v * v, 0);
    const long = minimise(kinked, { bounds: bounds5, budget: 3000, xTolerance: 0, fTolerance: 0 });
    const firstShrink = long.trace.find((e) => e.kind === 'shrink')!;
    expect(firstShrink, 'the test function must make the simplex shrink').toBeDefined();
    const budget = firstShrink.evaluation + 2;
    let calls = 0;
    const cut = minimise((x) => (calls++, kinked(x)), { bounds: bounds5, budget, xTolerance: 0, fTolerance: 0 });
    expect(calls).toBe(budget);
    expect(cut.trace.slice(-3).map((e) => e.kind)).toEqual(['shrink', 'shrink', 'shrink']);
    expect(cut.trace).toEqual(long.trace.slice(0, budget));
    expect(() => new NelderMead({ bounds: box([0, 1], [0, 1]), budget: 2 })).toThrow(/budget must be an integer ≥ 3/);
  });

  it('records every evaluation with its iteration and step kind', () => {
    const r = minimise(rosenbrock, { bounds: box([-2, 2], [-1, 3]), start: [-1.2, 1], budget: 300 });
    expect(r.trace.slice(0, 3).map((e) => e.kind)).toEqual(['initial', 'initial', 'initial']);
    expect(r.trace.map((e) => e.evaluation)).toEqual(r.trace.map((_, i) => i + 1));
    const kinds = new Set(r.trace.map((e) => e.kind));
    for (const k of ['reflect', 'expand', 'contract-inside', 'contract-outside']) expect(kinds.has(k as never), k).toBe(true);
    // every iteration starts with a reflection; iterations never go down
    for (let i = 1; i < r.trace.length; i++) expect(r.trace[i].iteration).toBeGreaterThanOrEqual(r.trace[i - 1].iteration);
    expect(r.trace[r.trace.length - 1].iteration).toBeLessThanOrEqual(r.iterations);
  });

  it('the ask/tell loop and minimise give identical traces', () => {
    const opts: NelderMeadOptions = { bounds: box([-2, 2], [-1, 3]), start: [-1.2, 1], budget: 400, xTolerance: 1e-9, fTolerance: 1e-16 };
    const nm = new NelderMead(opts);
    while (!nm.done) {
      const pts = nm.ask();
      nm.tell(pts.map(rosenbrock));
    }
    expect(nm.ask()).toEqual([]);
    expect(() => nm.tell([1])).toThrow(/after the run has stopped/);
    expect(nm.result()).toEqual(minimise(rosenbrock, opts));
  });

  it('saved mid-run as JSON and resumed, gives the identical trace as an uninterrupted run', () => {
    for (const speculative of [false, true]) {
      const opts: NelderMeadOptions = { bounds: box(...CENTRE5.map(() => [-1, 1.5] as [number, number])), budget: 600, xTolerance: 1e-7, fTolerance: 1e-12, speculative, restarts: 1 };
      const whole = minimise(sphere5, opts);
      for (const at of [0, 1, 2, 7, 40, 123]) {
        for (const afterAsk of [false, true]) expect(runWithResume(sphere5, opts, at, afterAsk), `at ${at}`).toEqual(whole);
      }
    }
  });

  it('with speculative asks, takes the same path at the cost of more evaluations', () => {
    const opts: NelderMeadOptions = { bounds: box([-2, 2], [-1, 3]), start: [-1.2, 1], budget: 5000, xTolerance: 1e-9, fTolerance: 1e-16 };
    const plain = minimise(rosenbrock, opts);
    const spec = minimise(rosenbrock, { ...opts, speculative: true });
    expect(spec.point).toEqual(plain.point);
    expect(spec.iterations).toBe(plain.iterations);
    expect(spec.simplex).toEqual(plain.simplex);
    expect(spec.evaluations).toBeGreaterThan(plain.evaluations);
    // the plain run's evaluations are a subsequence of the speculative run's
    let k = 0;
    for (const e of spec.trace) if (k < plain.trace.length && e.point.every((v, i) => v === plain.trace[k].point[i])) k++;
    expect(k).toBe(plain.trace.length);
  });

  it('a restart starts a fresh simplex at the best point', () => {
    const r = minimise(bowl, { bounds: box([-2, 2], [-2, 2]), budget: 2000, restarts: 2 });
    const restarts = r.trace.filter((e) => e.kind === 'restart');
    expect(restarts).toHaveLength(4);
    expect(r.status).toBe('converged');
  });

  it('rejects bad options with InputError', () => {
    const bounds = box([0, 1], [0, 1]);
    expect(() => new NelderMead({ bounds, budget: 10, start: [0.5, 2] })).toThrow(/p1 = 2 is outside its range/);
    expect(() => new NelderMead({ bounds, budget: 10, step: 0.7 })).toThrow(InputError);
    expect(() => new NelderMead({ bounds: box([1, 1]), budget: 10 })).toThrow(/expected finite numbers lo < hi/);
    expect(() => new NelderMead({ bounds, budget: 10, xTolerance: -1 })).toThrow(InputError);
    expect(() => NelderMead.fromJSON({ kind: 'abc' } as unknown as NelderMeadState)).toThrow(/not a Nelder–Mead state/);
    const nm = new NelderMead({ bounds, budget: 10 });
    expect(() => nm.tell([1, 2])).toThrow(/needs 3 values/);
  });
});
