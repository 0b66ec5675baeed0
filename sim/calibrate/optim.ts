/**
 * Nelder–Mead simplex search in a box, driven step by step.
 *
 * The method is Nelder & Mead (1965) as stated by Lagarias, Reeds, Wright &
 * Wright (1998): order the simplex, reflect the worst vertex through the
 * centroid of the others, then expand, contract (outside or inside) or
 * shrink. Coefficients: reflection α = 1, expansion β = 1 + 2/n, contraction
 * γ = 0.75 − 1/(2n), shrink δ = 1 − 1/n in n ≥ 2 dimensions (Gao & Han 2012,
 * the "adaptive" set; in 2-D it equals the standard set 1, 2, 0.5, 0.5), the
 * standard set in 1-D (where δ = 0 would collapse the simplex) or on request.
 *
 * Box: the search runs on the unit cube (each parameter scaled to [0, 1]).
 * Reflection and expansion points outside the cube are projected onto it
 * (each coordinate clamped to [0, 1]); contractions and shrinks are convex
 * combinations of points inside and stay inside. A point is thus never asked
 * outside the box, and an optimum on a bound is found exactly at the bound.
 *
 * Driving it: `ask()` gives the points to evaluate next (in parameter units),
 * `tell(values)` gives their values in the same order. The initial simplex
 * asks n + 1 points at once and a shrink n points; the other steps ask one
 * point, or with `speculative` the reflection and the expansion together (one
 * round trip instead of two when the reflection is the new best; the
 * expansion is then evaluated even when it is not needed, so the path is the
 * same as without it but it costs more evaluations). The state is plain data:
 * `toJSON()` and `NelderMead.fromJSON()` resume a run bit for bit, pending
 * points included.
 *
 * Stopping: when the budget of evaluations is spent (exactly: a step that
 * needs more points than are left asks only those left, then the run stops),
 * or when the simplex is small (largest distance of a vertex from the best,
 * per coordinate of the unit cube, ≤ xTolerance) and its values are close
 * (worst − best ≤ fTolerance), both at once (as MATLAB's fminsearch).
 *
 * Values: a NaN value (the model gave no number) counts as +∞, the worst.
 * The function may be noisy (replicate means under common random numbers):
 * nothing here assumes otherwise, but the best value found is then an
 * optimistic estimate of the value at that point (re-evaluate it with fresh
 * replicates). Browser-safe, deterministic.
 */
import { InputError } from '../errors.ts';
import { checkBounds, checkInside, clampUnit, decodeValue, encodeValue, fromUnit, toUnit, type Bound } from './box.ts';

/** What produced an evaluation. */
export type StepKind = 'initial' | 'reflect' | 'expand' | 'contract-outside' | 'contract-inside' | 'shrink' | 'restart';

/** One evaluation of the function, in the order they were asked. */
export interface Evaluation {
  /** 1-based count of this evaluation. */
  evaluation: number;
  /** Completed iterations before this evaluation (0 for the initial simplex). */
  iteration: number;
  kind: StepKind;
  /** The point, in parameter units. */
  point: number[];
  /** The value told (a NaN told is kept as +∞). */
  value: number;
}

export type NelderMeadStatus = 'running' | 'converged' | 'budget';

export interface NelderMeadOptions {
  bounds: Bound[];
  /** Start point in parameter units (default: the centre of the box). The first vertex of the initial simplex. */
  start?: number[];
  /** Edge of the initial simplex in the unit cube (a share of each range): vertex i moves coordinate i by +step, or −step where +step leaves the box. Default 0.1; at most 0.5. */
  step?: number;
  /** Most evaluations of the function. At least n + 1 (the initial simplex). */
  budget: number;
  /** Stop when every vertex is within this of the best, in each coordinate of the unit cube (default 1e-4, a ten-thousandth of each range)... */
  xTolerance?: number;
  /** ...and the values of the simplex differ by at most this (default 1e-4). Infinity stops on the simplex size alone, and the other way round. */
  fTolerance?: number;
  /** 'adaptive' (default; Gao & Han 2012 in n ≥ 2, standard in 1-D) or 'standard' (1, 2, 0.5, 0.5). */
  coefficients?: 'adaptive' | 'standard';
  /** Ask the reflection and the expansion together (default false). */
  speculative?: boolean;
  /** After convergence, start again this many times from the best point with a fresh simplex of edge `step` (default 0): a cheap guard against a simplex that collapsed on a face of the box. */
  restarts?: number;
}

/** The reflection, expansion, contraction and shrink coefficients. */
export interface Coefficients {
  reflect: number;
  expand: number;
  contract: number;
  shrink: number;
}

/** Standard Nelder–Mead coefficients (Nelder & Mead 1965; Lagarias et al. 1998). */
export const STANDARD: Coefficients = { reflect: 1, expand: 2, contract: 0.5, shrink: 0.5 };

/** The coefficients used in `n` dimensions. */
export function coefficientsFor(n: number, set: 'adaptive' | 'standard' = 'adaptive'): Coefficients {
  if (set === 'standard' || n < 2) return { ...STANDARD };
  return { reflect: 1, expand: 1 + 2 / n, contract: 0.75 - 1 / (2 * n), shrink: 1 - 1 / n };
}

export interface NelderMeadResult {
  /** The best point evaluated, in parameter units (the first of equal values). */
  point: number[];
  value: number;
  /** Its 1-based evaluation number. */
  evaluation: number;
  evaluations: number;
  iterations: number;
  status: NelderMeadStatus;
  /** The current simplex, best vertex first, in parameter units, and its values. */
  simplex: number[][];
  values: number[];
  trace: Evaluation[];
}

type Phase = 'initial' | 'reflect' | 'expand' | 'contract-outside' | 'contract-inside' | 'shrink' | 'restart' | 'done';

interface Pending { kind: StepKind; u: number[] }

/** The state of a run as JSON (numbers that are +∞ are null). */
export interface NelderMeadState {
  kind: 'nelder-mead';
  version: 1;
  options: {
    bounds: Bound[]; start: number[]; step: number; budget: number; xTolerance: number | null; fTolerance: number | null;
    coefficients: 'adaptive' | 'standard'; speculative: boolean; restarts: number;
  };
  phase: Phase;
  status: NelderMeadStatus;
  simplex: number[][];
  values: (number | null)[];
  pending: Pending[];
  truncated: boolean;
  reflected: { u: number[]; value: number | null } | null;
  iteration: number;
  evaluations: number;
  restartsDone: number;
  best: { u: number[]; value: number | null; evaluation: number } | null;
  trace: { evaluation: number; iteration: number; kind: StepKind; point: number[]; value: number | null }[];
}

function checkNumber(what: string, v: number, lo: number, hi: number, loOpen = false): void {
  if (typeof v !== 'number' || Number.isNaN(v) || v > hi || (loOpen ? v <= lo : v < lo)) {
    throw new InputError(`Nelder–Mead: ${what} must be a number ${loOpen ? '>' : '≥'} ${lo}${hi === Infinity ? '' : ` and ≤ ${hi}`}, got ${v}`);
  }
}

/** Vertices ordered by value, equal values keeping their order (Lagarias et al.'s tie rule: a new vertex goes after the old ones it equals). */
function order(simplex: number[][], values: number[]): void {
  const idx = values.map((_, i) => i).sort((a, b) => values[a] - values[b] || a - b);
  const s = idx.map((i) => simplex[i]);
  const v = idx.map((i) => values[i]);
  s.forEach((x, i) => (simplex[i] = x));
  v.forEach((x, i) => (values[i] = x));
}

/** a + t·(b − a), coordinate by coordinate. */
const along = (a: number[], b: number[], t: number): number[] => a.map((ai, i) => ai + t * (b[i] - ai));

export class NelderMead {
  private readonly opts: NelderMeadState['options'];
  private readonly c: Coefficients;
  private readonly n: number;
  private phase: Phase = 'initial';
  private status: NelderMeadStatus = 'running';
  private simplex: number[][] = [];
  private values: number[] = [];
  private pending: Pending[] = [];
  private truncated = false;
  private reflected: { u: number[]; value: number } | null = null;
  private iteration = 0;
  private evaluations = 0;
  private restartsDone = 0;
  private best: { u: number[]; value: number; evaluation: number } | null = null;
  private readonly trace: Evaluation[] = [];

  constructor(options: NelderMeadOptions) {
    checkBounds(options.bounds, 'Nelder–Mead');
    const bounds = options.bounds.map((b) => ({ name: b.name, lo: b.lo, hi: b.hi }));
    const n = bounds.length;
    const start = options.start ?? bounds.map((b) => (b.lo + b.hi) / 2);
    checkInside(start, bounds, 'Nelder–Mead: start');
    const step = options.step ?? 0.1;
    checkNumber('step', step, 0, 0.5, true);
    if (!Number.isInteger(options.budget) || options.budget < n + 1) {
      throw new InputError(`Nelder–Mead: budget must be an integer ≥ ${n + 1} (the initial simplex of ${n + 1} points), got ${options.budget}`);
    }
    const xTolerance = options.xTolerance ?? 1e-4;
    const fTolerance = options.fTolerance ?? 1e-4;
    checkNumber('xTolerance', xTolerance, 0, Infinity);
    checkNumber('fTolerance', fTolerance, 0, Infinity);
    const coefficients = options.coefficients ?? 'adaptive';
    if (coefficients !== 'adaptive' && coefficients !== 'standard') throw new InputError(`Nelder–Mead: coefficients must be adaptive or standard, got ${String(coefficients)}`);
    const restarts = options.restarts ?? 0;
    if (!Number.isInteger(restarts) || restarts < 0) throw new InputError(`Nelder–Mead: restarts must be an integer ≥ 0, got ${restarts}`);
    this.opts = {
      bounds, start: toUnit(start, bounds).map(clampUnit), step, budget: options.budget,
      xTolerance: encodeValue(xTolerance), fTolerance: encodeValue(fTolerance), coefficients, speculative: options.speculative === true, restarts,
    };
    this.n = n;
    this.c = coefficientsFor(n, coefficients);
    const u0 = this.opts.start;
    this.pending = [{ kind: 'initial', u: u0 }, ...this.around(u0).map((u) => ({ kind: 'initial' as const, u }))];
  }

  /** The n vertices next to u0 of a simplex of edge `step`. */
  private around(u0: number[]): number[][] {
    const s = this.opts.step;
    return u0.map((_, i) => {
      const u = u0.slice();
      u[i] = u0[i] + s <= 1 ? u0[i] + s : u0[i] - s;
      return u;
    });
  }

  /** The run has stopped (on the budget or on convergence). */
  get done(): boolean {
    return this.phase === 'done';
  }

  /** The points to evaluate next, in parameter units (empty when done). Asking again before telling gives the same points. */
  ask(): number[][] {
    return this.pending.map((p) => fromUnit(p.u, this.opts.bounds));
  }

  /** The values of the points of the last `ask()`, in the same order. */
  tell(values: readonly number[]): void {
    if (this.phase === 'done') throw new Error('Nelder–Mead: tell() after the run has stopped');
    if (!Array.isArray(values) || values.length !== this.pending.length) {
      throw new Error(`Nelder–Mead: tell() needs ${this.pending.length} values (one per asked point), got ${Array.isArray(values) ? values.length : typeof values}`);
    }
    const vs = values.map((v) => {
      if (typeof v !== 'number') throw new Error(`Nelder–Mead: a value must be a number, got ${typeof v}`);
      if (v === -Infinity) throw new Error('Nelder–Mead: a value of −∞ cannot be ranked');
      return Number.isNaN(v) ? Infinity : v;
    });
    this.pending.forEach((p, i) => {
      this.evaluations++;
      this.trace.push({ evaluation: this.evaluations, iteration: this.iteration, kind: p.kind, point: fromUnit(p.u, this.opts.bounds), value: vs[i] });
      if (!this.best || vs[i] < this.best.value) this.best = { u: p.u, value: vs[i], evaluation: this.evaluations };
    });
    const pts = this.pending.map((p) => p.u);
    this.pending = [];
    if (this.truncated) return this.stop('budget');
    this.advance(pts, vs);
  }

  private advance(pts: number[][], vs: number[]): void {
    const n = this.n;
    const fBest = () => this.values[0];
    const fNext = () => this.values[n - 1];
    const fWorst = () => this.values[n];
    switch (this.phase) {
      case 'initial':
        this.simplex = pts;
        this.values = vs;
        order(this.simplex, this.values);
        return this.next(false);
      case 'restart':
        this.simplex = [this.simplex[0], ...pts];
        this.values = [this.values[0], ...vs];
        order(this.simplex, this.values);
        return this.next(false);
      case 'reflect': {
        const [fr, fe] = vs;
        if (fr < fBest()) {
          if (this.opts.speculative) return this.accept(fe < fr ? pts[1] : pts[0], fe < fr ? fe : fr);
          this.reflected = { u: pts[0], value: fr };
          return this.request('expand', [this.expansion()]);
        }
        if (fr < fNext()) return this.accept(pts[0], fr);
        this.reflected = { u: pts[0], value: fr };
        const cen = this.centroid();
        if (fr < fWorst()) return this.request('contract-outside', [along(cen, pts[0], this.c.contract)]);
        return this.request('contract-inside', [along(cen, this.simplex[n], this.c.contract)]);
      }
      case 'expand': {
        const r = this.reflected!;
        return vs[0] < r.value ? this.accept(pts[0], vs[0]) : this.accept(r.u, r.value);
      }
      case 'contract-outside':
        return vs[0] <= this.reflected!.value ? this.accept(pts[0], vs[0]) : this.shrink();
      case 'contract-inside':
        return vs[0] < fWorst() ? this.accept(pts[0], vs[0]) : this.shrink();
      case 'shrink':
        this.simplex = [this.simplex[0], ...pts];
        this.values = [this.values[0], ...vs];
        order(this.simplex, this.values);
        return this.next(true);
    }
  }

  /** The centroid of the n best vertices. */
  private centroid(): number[] {
    const n = this.n;
    const cen = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let d = 0; d < n; d++) cen[d] += this.simplex[i][d];
    return cen.map((s) => s / n);
  }

  /** centroid + t·(centroid − worst), projected on the cube. */
  private beyond(t: number): number[] {
    const cen = this.centroid();
    const worst = this.simplex[this.n];
    return cen.map((c, d) => clampUnit(c + t * (c - worst[d])));
  }

  private expansion(): number[] {
    return this.beyond(this.c.reflect * this.c.expand);
  }

  private accept(u: number[], value: number): void {
    this.simplex[this.n] = u;
    this.values[this.n] = value;
    order(this.simplex, this.values);
    this.next(true);
  }

  private shrink(): void {
    const best = this.simplex[0];
    this.request('shrink', this.simplex.slice(1).map((v) => along(best, v, this.c.shrink)));
  }

  /** Ask `points`, or as many of them as the budget leaves. */
  private request(kind: StepKind, points: number[][]): void {
    const left = this.opts.budget - this.evaluations;
    if (left <= 0) return this.stop('budget');
    this.phase = kind === 'initial' ? 'initial' : (kind as Phase);
    this.truncated = points.length > left;
    this.pending = points.slice(0, left).map((u) => ({ kind, u }));
    this.reflected = kind === 'expand' || kind === 'contract-outside' || kind === 'contract-inside' ? this.reflected : null;
  }

  /** After the simplex changed: count the iteration, stop or restart when converged, else ask the reflection. */
  private next(counted: boolean): void {
    if (counted) this.iteration++;
    this.reflected = null;
    if (this.converged()) {
      if (this.restartsDone >= this.opts.restarts) return this.stop('converged');
      this.restartsDone++;
      return this.request('restart', this.around(this.simplex[0]));
    }
    const r = this.beyond(this.c.reflect);
    if (!this.opts.speculative) return this.request('reflect', [r]);
    this.request('reflect', [r, this.expansion()]);
    if (this.pending.length === 2) this.pending[1].kind = 'expand';
  }

  private converged(): boolean {
    const x = decodeValue(this.opts.xTolerance);
    const f = decodeValue(this.opts.fTolerance);
    const b = this.simplex[0];
    let size = 0;
    for (let i = 1; i <= this.n; i++) for (let d = 0; d < this.n; d++) size = Math.max(size, Math.abs(this.simplex[i][d] - b[d]));
    const spread = this.values[this.n] - this.values[0];
    // all values +∞ give a NaN spread: converged on the size alone only when the f tolerance is off
    return size <= x && (spread <= f || f === Infinity);
  }

  private stop(status: NelderMeadStatus): void {
    this.phase = 'done';
    this.status = status;
    this.pending = [];
    this.truncated = false;
    this.reflected = null;
  }

  /** The best point so far and the run's state (valid at any time; before any value is told the point is the start and the value NaN). */
  result(): NelderMeadResult {
    const b = this.opts.bounds;
    return {
      point: fromUnit(this.best?.u ?? this.opts.start, b), value: this.best?.value ?? NaN, evaluation: this.best?.evaluation ?? 0,
      evaluations: this.evaluations, iterations: this.iteration, status: this.status,
      simplex: this.simplex.map((u) => fromUnit(u, b)), values: this.values.slice(), trace: this.trace.map((e) => ({ ...e, point: e.point.slice() })),
    };
  }

  /** The whole state as plain JSON data. */
  toJSON(): NelderMeadState {
    const copy = (u: number[]) => u.slice();
    return {
      kind: 'nelder-mead', version: 1, options: { ...this.opts, bounds: this.opts.bounds.map((x) => ({ ...x })), start: copy(this.opts.start) },
      phase: this.phase, status: this.status, simplex: this.simplex.map(copy), values: this.values.map(encodeValue),
      pending: this.pending.map((p) => ({ kind: p.kind, u: copy(p.u) })), truncated: this.truncated,
      reflected: this.reflected && { u: copy(this.reflected.u), value: encodeValue(this.reflected.value) },
      iteration: this.iteration, evaluations: this.evaluations, restartsDone: this.restartsDone,
      best: this.best && { u: copy(this.best.u), value: encodeValue(this.best.value), evaluation: this.best.evaluation },
      trace: this.trace.map((e) => ({ ...e, point: copy(e.point), value: encodeValue(e.value) })),
    };
  }

  /** A run resumed from `toJSON()` output (after JSON.stringify and JSON.parse). */
  static fromJSON(state: NelderMeadState): NelderMead {
    if (!state || state.kind !== 'nelder-mead' || state.version !== 1) throw new InputError('Nelder–Mead: the saved state is not a Nelder–Mead state of version 1');
    const o = state.options;
    const nm = new NelderMead({
      bounds: o.bounds, start: fromUnit(o.start, o.bounds), step: o.step, budget: o.budget, xTolerance: decodeValue(o.xTolerance),
      fTolerance: decodeValue(o.fTolerance), coefficients: o.coefficients, speculative: o.speculative, restarts: o.restarts,
    });
    const n = o.bounds.length;
    const isPoint = (u: unknown) => Array.isArray(u) && u.length === n && u.every((x) => typeof x === 'number' && x >= 0 && x <= 1);
    if (!state.simplex.every(isPoint) || !state.pending.every((p) => isPoint(p.u)) || state.values.length !== state.simplex.length) {
      throw new InputError('Nelder–Mead: the saved state is damaged (a point has the wrong size or lies outside the box)');
    }
    nm.opts.start = o.start.slice();
    nm.phase = state.phase;
    nm.status = state.status;
    nm.simplex = state.simplex.map((u) => u.slice());
    nm.values = state.values.map(decodeValue);
    nm.pending = state.pending.map((p) => ({ kind: p.kind, u: p.u.slice() }));
    nm.truncated = state.truncated;
    nm.reflected = state.reflected && { u: state.reflected.u.slice(), value: decodeValue(state.reflected.value) };
    nm.iteration = state.iteration;
    nm.evaluations = state.evaluations;
    nm.restartsDone = state.restartsDone;
    nm.best = state.best && { u: state.best.u.slice(), value: decodeValue(state.best.value), evaluation: state.best.evaluation };
    nm.trace.push(...state.trace.map((e) => ({ ...e, point: e.point.slice(), value: decodeValue(e.value) })));
    return nm;
  }
}

/** Minimise `f` over the box: ask, evaluate each point in turn, tell, until the run stops. */
export function minimise(f: (x: number[]) => number, options: NelderMeadOptions): NelderMeadResult {
  const nm = new NelderMead(options);
  while (!nm.done) nm.tell(nm.ask().map((x) => f(x)));
  return nm.result();
}
