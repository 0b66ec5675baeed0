/**
 * ABC against a toy model with a known posterior. Data: ȳ = the mean of
 * n = 25 draws from Normal(θ, σ = 0.5), so ȳ ~ Normal(θ, s²) with s = 0.1;
 * uniform prior on θ in a box; distance |ȳ_sim − ȳ_obs|. The posterior is
 * Normal(ȳ_obs, s²) truncated to the box, and the ABC posterior at tolerance ε
 * is exactly known too: its density is ∝ Φ((ȳ_obs + ε − θ)/s) − Φ((ȳ_obs − ε − θ)/s)
 * on the box (the posterior smeared by a uniform ±ε; its variance is
 * s² + ε²/3 away from the bounds).
 *
 * Tolerances (Monte Carlo error): a weighted sample of effective size ESS has
 * a mean with standard error sd/√ESS and an sd with standard error about
 * sd/√(2·ESS). For ABC-SMC the second is optimistic: over 40 seeds the
 * z-scores of the sd computed with it had a spread of 1.3–2.2 rather than 1
 * (the tolerance ε is itself drawn from the sample), so the tests allow
 * 4 standard errors for means and 6 for sds, about 3 real standard
 * deviations each (the z-scores of the means had a spread of 0.9–1.2). Against the analytic posterior (ε → 0) the tolerance adds
 * the bias of a finite ε, at most ε²/(6s) for the sd.
 */
import { describe, expect, it } from 'vitest';
import {
  abcRejection, AbcRejection, abcSmc, AbcSmc, counterUniform, summarise, weightedQuantile,
  type AbcRejectionState, type AbcSmcOptions, type AbcSmcState, type Particle,
} from '../../sim/calibrate/abc.ts';
import type { Bound } from '../../sim/calibrate/box.ts';
import { InputError } from '../../sim/errors.ts';
import { mix32 } from '../../sim/rng.ts';

const N_DRAWS = 25;
const SIGMA = 0.5;
const S = SIGMA / Math.sqrt(N_DRAWS);

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
/**
 * The simulator: the mean of N_DRAWS Normal(θ, σ²) draws (Box–Muller) from a
 * stream seeded by the bits of θ and a salt. Deterministic (the same θ gives
 * the same ȳ) and, as a function of θ, noise that is new for every new θ.
 */
function simulate(theta: number, salt = 0): number {
  f64[0] = theta;
  let h = mix32(u32[0] ^ mix32(u32[1] ^ mix32(salt + 0x1234567)));
  const next = () => {
    h = mix32(h + 0x9e3779b9);
    return (h + 0.5) / 4294967296;
  };
  let sum = 0;
  for (let i = 0; i < N_DRAWS; i++) sum += theta + SIGMA * Math.sqrt(-2 * Math.log(next())) * Math.cos(2 * Math.PI * next());
  return sum / N_DRAWS;
}

/** erfc (Numerical Recipes' erfcc, fractional error below 1.2e-7). */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
    + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return x >= 0 ? r : 2 - r;
}
const Phi = (x: number) => 0.5 * erfc(-x / Math.SQRT2);
const phi = (x: number) => Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);

/** Mean and sd of Normal(mu, S²) truncated to [lo, hi] (closed form). */
function truncatedNormal(mu: number, lo: number, hi: number): { mean: number; sd: number } {
  const a = (lo - mu) / S;
  const b = (hi - mu) / S;
  const z = Phi(b) - Phi(a);
  const mean = mu + S * (phi(a) - phi(b)) / z;
  const v = S * S * (1 + (a * phi(a) - b * phi(b)) / z - ((phi(a) - phi(b)) / z) ** 2);
  return { mean, sd: Math.sqrt(v) };
}

/** Mean and sd of the ABC posterior at tolerance eps on [lo, hi] (Simpson's rule; eps = 0 is the posterior itself). */
function abcTarget(y: number, lo: number, hi: number, eps: number): { mean: number; sd: number } {
  const m = 20000;
  let w0 = 0;
  let w1 = 0;
  let w2 = 0;
  for (let i = 0; i <= m; i++) {
    const th = lo + ((hi - lo) * i) / m;
    const c = i === 0 || i === m ? 1 : i % 2 ? 4 : 2;
    const g = eps > 0 ? Phi((y + eps - th) / S) - Phi((y - eps - th) / S) : phi((th - y) / S);
    w0 += c * g;
    w1 += c * g * th;
    w2 += c * g * th * th;
  }
  const mean = w1 / w0;
  return { mean, sd: Math.sqrt(w2 / w0 - mean * mean) };
}

interface Case { name: string; bounds: Bound[]; y: number }
/** An interior case (the box hardly truncates) and a boundary case (the posterior is cut at 0). */
const INTERIOR: Case = { name: 'interior', bounds: [{ name: 'theta', lo: -2, hi: 4 }], y: simulate(1.3, 99) };
const BOUNDARY: Case = { name: 'boundary', bounds: [{ name: 'theta', lo: 0, hi: 2 }], y: simulate(0.02, 99) };
const distanceFor = (c: Case) => (x: number[]) => Math.abs(simulate(x[0]) - c.y);

/** Check a sample's mean and sd against a target, within the Monte Carlo tolerances of the header. */
function expectClose(p: { mean: number; sd: number }, t: { mean: number; sd: number }, ess: number, what: string, sdBias = 0): void {
  const seMean = t.sd / Math.sqrt(ess);
  const seSd = t.sd / Math.sqrt(2 * ess);
  expect(Math.abs(p.mean - t.mean), `${what}: mean ${p.mean} vs ${t.mean} (se ${seMean})`).toBeLessThan(4 * seMean + sdBias);
  expect(Math.abs(p.sd - t.sd), `${what}: sd ${p.sd} vs ${t.sd} (se ${seSd})`).toBeLessThan(6 * seSd + sdBias);
}

describe('the test’s own yardsticks', () => {
  it('the closed-form truncated normal agrees with the quadrature, and the ABC target tends to it as ε → 0', () => {
    for (const c of [INTERIOR, BOUNDARY]) {
      const { lo, hi } = c.bounds[0];
      const exact = truncatedNormal(c.y, lo, hi);
      const quad = abcTarget(c.y, lo, hi, 0);
      expect(Math.abs(exact.mean - quad.mean)).toBeLessThan(1e-6);
      expect(Math.abs(exact.sd - quad.sd)).toBeLessThan(1e-6);
      expect(Math.abs(abcTarget(c.y, lo, hi, 1e-4).sd - exact.sd)).toBeLessThan(1e-5);
    }
    // away from the bounds the ABC target's variance is s² + ε²/3
    expect(abcTarget(INTERIOR.y, -2, 4, 0.15).sd).toBeCloseTo(Math.sqrt(S * S + 0.15 ** 2 / 3), 5);
    // the boundary case is truncated: its mean lies well above ȳ_obs
    expect(truncatedNormal(BOUNDARY.y, 0, 2).mean - BOUNDARY.y).toBeGreaterThan(0.03);
  });
});

describe('rejection ABC', () => {
  it('gives the exact ABC posterior of its tolerance, and keeps the given fraction', () => {
    for (const c of [INTERIOR, BOUNDARY]) {
      const { lo, hi } = c.bounds[0];
      const r = abcRejection(distanceFor(c), { bounds: c.bounds, seed: 11, samples: 20000, fraction: 0.05 });
      expect(r.particles).toHaveLength(1000);
      expect(r.simulations).toBe(20000);
      expect(r.acceptanceRate).toBe(0.05);
      expect(r.epsilon).toBe(Math.max(...r.particles.map((p) => p.distance)));
      expect(r.summary.ess).toBeCloseTo(1000, 8);
      for (const p of r.particles) expect(p.weight).toBe(1 / 1000);
      // observed: interior ε = 0.149, mean 1.2769 vs 1.2763, sd 0.1313 vs 0.1316; boundary ε = 0.093, sd 0.0713 vs 0.0712
      expectClose(r.summary.parameters[0], abcTarget(c.y, lo, hi, r.epsilon), r.summary.ess, `${c.name}, ε = ${r.epsilon}`);
    }
  });

  it('with a tolerance keeps every set within it', () => {
    const r = abcRejection(distanceFor(INTERIOR), { bounds: INTERIOR.bounds, seed: 3, samples: 5000, epsilon: 0.2 });
    expect(r.particles.every((p) => p.distance <= 0.2)).toBe(true);
    const all = new AbcRejection({ bounds: INTERIOR.bounds, seed: 3, samples: 5000, epsilon: 0.2 }).ask();
    expect(r.particles.length).toBe(all.filter((x) => distanceFor(INTERIOR)(x) <= 0.2).length);
    expect(r.epsilon).toBe(0.2);
    // nothing within the tolerance: an empty sample, summaries NaN
    const none = abcRejection(distanceFor(INTERIOR), { bounds: INTERIOR.bounds, seed: 3, samples: 100, epsilon: 0 });
    expect(none.particles).toEqual([]);
    expect(none.summary).toMatchObject({ ess: 0, size: 0 });
    expect(none.summary.parameters[0].mean).toBeNaN();
  });

  it('is deterministic, independent of the batch size, and resumes from saved state', () => {
    const opts = { bounds: BOUNDARY.bounds, seed: 5, samples: 3000, fraction: 0.1 };
    const whole = abcRejection(distanceFor(BOUNDARY), opts);
    expect(abcRejection(distanceFor(BOUNDARY), opts)).toEqual(whole);
    expect(abcRejection(distanceFor(BOUNDARY), { ...opts, batch: 7 })).toEqual(whole);
    expect(abcRejection(distanceFor(BOUNDARY), { ...opts, seed: 6 }).particles).not.toEqual(whole.particles);
    let abc = new AbcRejection({ ...opts, batch: 250 });
    for (let step = 0; !abc.done; step++) {
      const pts = abc.ask();
      if (step === 4) abc = AbcRejection.fromJSON(JSON.parse(JSON.stringify(abc)) as AbcRejectionState);
      abc.tell(pts.map(distanceFor(BOUNDARY)));
    }
    expect(abc.result()).toEqual(whole);
  });

  it('draws from the uniform prior on the box', () => {
    const pts = new AbcRejection({ bounds: [{ name: 'a', lo: 2, hi: 4 }, { name: 'b', lo: -1, hi: 0 }], seed: 1, samples: 20000, fraction: 1 }).ask();
    const mean = (d: number) => pts.reduce((s, x) => s + x[d], 0) / pts.length;
    // se of the mean of a uniform on a range of width w is w/√(12·20000)
    expect(Math.abs(mean(0) - 3)).toBeLessThan(4 * 2 / Math.sqrt(12 * 20000));
    expect(Math.abs(mean(1) + 0.5)).toBeLessThan(4 * 1 / Math.sqrt(12 * 20000));
    expect(pts.every((x) => x[0] >= 2 && x[0] <= 4 && x[1] >= -1 && x[1] <= 0)).toBe(true);
  });
});

describe('ABC-SMC', () => {
  const smcOpts = (c: Case, budget: number, extra: Partial<AbcSmcOptions> = {}): AbcSmcOptions =>
    ({ bounds: c.bounds, seed: 7, particles: 1000, budget, ...extra });

  it('each generation gives the exact ABC posterior of its tolerance, approaching the analytic posterior as ε gets small', () => {
    for (const c of [INTERIOR, BOUNDARY]) {
      const { lo, hi } = c.bounds[0];
      const exact = truncatedNormal(c.y, lo, hi);
      const errors: number[] = [];
      let last = Infinity;
      for (const generations of [2, 4, 6, 8]) {
        const r = abcSmc(distanceFor(c), smcOpts(c, 100000, { generations }));
        expect(r.stop).toBe('generations');
        expect(r.generations).toHaveLength(generations);
        expect(r.epsilon).toBeLessThan(last);
        last = r.epsilon;
        const p = r.summary.parameters[0];
        expectClose(p, abcTarget(c.y, lo, hi, r.epsilon), r.summary.ess, `${c.name}, generation ${generations - 1}, ε = ${r.epsilon}`);
        errors.push(Math.abs(p.sd - exact.sd));
        if (generations === 8) {
          // observed: interior ε = 0.020, mean 1.2776 vs 1.2763, sd 0.1019 vs 0.1; boundary ε = 0.017, mean 0.0883 vs 0.0861,
          // sd 0.0675 vs 0.0633 (2.8 nominal se)
          expect(r.epsilon).toBeLessThan(0.03);
          expectClose(p, exact, r.summary.ess, `${c.name} against the analytic posterior`, r.epsilon ** 2 / (6 * S));
          expect(Math.abs(p.median - c.y), 'the median lies near ȳ_obs (interior) or above it (boundary)').toBeLessThan(0.1);
        }
      }
      // the first populations are much wider than the posterior; the last is close
      expect(errors[0]).toBeGreaterThan(10 * errors[3]);
    }
  });

  it('gets closer than rejection ABC for the same number of simulations', () => {
    for (const c of [INTERIOR, BOUNDARY]) {
      const { lo, hi } = c.bounds[0];
      const exact = truncatedNormal(c.y, lo, hi);
      const rej = abcRejection(distanceFor(c), { bounds: c.bounds, seed: 7, samples: 20000, fraction: 0.05 });
      const smc = abcSmc(distanceFor(c), smcOpts(c, 20000));
      expect(smc.simulations).toBe(20000);
      expect(smc.stop).toBe('budget');
      // observed: interior ε 0.083 against 0.149, sd 0.115 against 0.134 (analytic 0.1); boundary ε 0.072 against 0.091,
      // mean 0.088 against 0.099 and sd 0.0631 against 0.0723 (analytic 0.086 and 0.0633)
      expect(smc.epsilon).toBeLessThan(rej.epsilon);
      expect(smc.unfinished, 'the budget ran out inside a generation').not.toBeNull();
      expect(smc.unfinished!.simulations + smc.generations.reduce((s, g) => s + g.simulations, 0)).toBe(20000);
      const err = (r: typeof rej) => Math.abs(r.summary.parameters[0].sd - exact.sd) + Math.abs(r.summary.parameters[0].mean - exact.mean);
      expect(err(smc), c.name).toBeLessThan(err(rej));
    }
  });

  it('keeps every proposal inside the box and weighs by prior / Σ W K (weights sum to 1)', () => {
    const seen: number[] = [];
    const r = abcSmc((x) => (seen.push(x[0]), distanceFor(BOUNDARY)(x)), smcOpts(BOUNDARY, 8000));
    expect(seen.every((x) => x >= 0 && x <= 2)).toBe(true);
    expect(r.particles.reduce((s, p) => s + p.weight, 0)).toBeCloseTo(1, 12);
    // near the bound 0 fewer proposals land, so particles there weigh more than those at the centre
    const byWeight = [...r.particles].sort((a, b) => b.weight - a.weight);
    expect(byWeight[0].weight).toBeGreaterThan(byWeight[byWeight.length - 1].weight);
    expect(new Set(r.particles.map((p) => p.generation)).size).toBe(1);
    expect(r.particles[0].generation).toBe(r.generations.length - 1);
  });

  it('gives back the uniform prior when the distance does not depend on the parameters (the weights undo the kernel’s pull to the centre of the box)', () => {
    // the distance is noise: uniform on [0, 1) from the bits of the point, whatever the point; every ABC posterior is then the prior
    const bits = new Float64Array(2);
    const words = new Uint32Array(bits.buffer);
    const noise = (x: number[]) => {
      bits[0] = x[0];
      bits[1] = x[1];
      return mix32(words[0] ^ mix32(words[1] ^ mix32(words[2] ^ mix32(words[3])))) / 4294967296;
    };
    const bounds = [{ name: 'a', lo: 0, hi: 1 }, { name: 'b', lo: 10, hi: 20 }];
    for (const kernel of ['full', 'diagonal'] as const) {
      const r = abcSmc(noise, { bounds, seed: 2, particles: 1000, budget: 100000, generations: 4, kernel });
      expect(r.stop).toBe('generations');
      // uniform on [lo, hi]: mean (lo + hi)/2, sd (hi − lo)/√12, 2.5% and 97.5% quantiles lo + 0.025·(hi − lo), lo + 0.975·(hi − lo)
      bounds.forEach((b, d) => {
        const p = r.summary.parameters[d];
        const w = b.hi - b.lo;
        const sd = w / Math.sqrt(12);
        const ess = r.summary.ess;
        expect(Math.abs(p.mean - (b.lo + b.hi) / 2), `${kernel}: ${b.name} mean ${p.mean}`).toBeLessThan(4 * sd / Math.sqrt(ess));
        // the sd of a uniform sample has se sd·√(0.2/n) (its kurtosis is 1.8, not 3); equal weights here would give about −5.6 se
        expect(Math.abs(p.sd - sd), `${kernel}: ${b.name} sd ${p.sd} vs ${sd}`).toBeLessThan(4 * sd * Math.sqrt(0.2 / ess));
        // a quantile q of n draws has se √(q(1 − q)/n) / density = √(0.025·0.975/ESS)·w
        expect(Math.abs(p.q025 - (b.lo + 0.025 * w))).toBeLessThan(4 * Math.sqrt(0.025 * 0.975 / r.summary.ess) * w);
        expect(Math.abs(p.q975 - (b.lo + 0.975 * w))).toBeLessThan(4 * Math.sqrt(0.025 * 0.975 / r.summary.ess) * w);
      });
    }
  });

  it('respects the simulation budget exactly', () => {
    for (const budget of [1000, 1001, 2345, 5000]) {
      let calls = 0;
      const r = abcSmc((x) => (calls++, distanceFor(INTERIOR)(x)), smcOpts(INTERIOR, budget, { batch: 300 }));
      expect(calls).toBe(budget);
      expect(r.simulations).toBe(budget);
    }
  });

  it('is deterministic bit for bit, depends on the seed, and not on the batch size', () => {
    const opts = smcOpts(BOUNDARY, 12000, { particles: 500 });
    const a = abcSmc(distanceFor(BOUNDARY), opts);
    const b = abcSmc(distanceFor(BOUNDARY), opts);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(abcSmc(distanceFor(BOUNDARY), { ...opts, seed: 8 }).particles).not.toEqual(a.particles);
    // other batch sizes spend simulations differently, but each generation keeps the same particles
    const small = abcSmc(distanceFor(BOUNDARY), { ...opts, batch: 37, generations: a.generations.length });
    expect(small.particles).toEqual(a.particles);
    expect(small.generations.map((g) => [g.epsilon, g.acceptanceRate, g.ess])).toEqual(a.generations.map((g) => [g.epsilon, g.acceptanceRate, g.ess]));
  });

  it('saved and resumed at any ask (mid-generation, after asking, before telling) gives the identical result', () => {
    const opts = smcOpts(INTERIOR, 9000, { particles: 400, batch: 150, kernel: 'diagonal' });
    const whole = abcSmc(distanceFor(INTERIOR), opts);
    for (const at of [0, 1, 3, 10, 25]) {
      for (const afterAsk of [false, true]) {
        let abc = new AbcSmc(opts);
        for (let step = 0; !abc.done; step++) {
          if (step === at && !afterAsk) abc = AbcSmc.fromJSON(JSON.parse(JSON.stringify(abc)) as AbcSmcState);
          const pts = abc.ask();
          if (step === at && afterAsk) {
            abc = AbcSmc.fromJSON(JSON.parse(JSON.stringify(abc)) as AbcSmcState);
            expect(abc.ask()).toEqual(pts);
          }
          abc.tell(pts.map(distanceFor(INTERIOR)));
        }
        expect(abc.result(), `at ${at}`).toEqual(whole);
      }
    }
  });

  it('with two correlated parameters, both kernels find the posterior (means, sds and correlation)', () => {
    // ȳ1 ~ N(a, s²), ȳ2 ~ N(a + b, s²), Euclidean distance: the ABC target of (a, a + b) is N((y1, y2), s²I) smeared by a disc of
    // radius ε (variance ε²/4 per coordinate), so var a = v, var b = 2v, corr(a, b) = −1/√2 with v = s² + ε²/4
    const y1 = simulate(0.4, 101);
    const y2 = simulate(1.1, 102);
    const d = (x: number[]) => Math.hypot(simulate(x[0], 1) - y1, simulate(x[0] + x[1], 2) - y2);
    const bounds = [{ name: 'a', lo: -1, hi: 2 }, { name: 'b', lo: -1, hi: 2 }];
    const eps: number[] = [];
    for (const kernel of ['full', 'diagonal'] as const) {
      const r = abcSmc(d, { bounds, seed: 3, particles: 1000, budget: 30000, kernel });
      const v = S * S + r.epsilon ** 2 / 4;
      const [a, b] = r.summary.parameters;
      const ess = r.summary.ess;
      // observed: full ε = 0.170, sd a 0.129 vs 0.131, sd b 0.182 vs 0.186, corr −0.69; diagonal ε = 0.256, sd a 0.167 vs 0.162
      expectClose(a, { mean: y1, sd: Math.sqrt(v) }, ess, `${kernel}: a`);
      expectClose(b, { mean: y2 - y1, sd: Math.sqrt(2 * v) }, ess, `${kernel}: b`);
      const corr = correlation(r.particles);
      // se of a correlation ρ is about (1 − ρ²)/√ESS
      expect(Math.abs(corr + Math.SQRT1_2), `${kernel}: corr ${corr}`).toBeLessThan(4 * 0.5 / Math.sqrt(ess));
      eps.push(r.epsilon);
    }
    // the full kernel follows the correlation, so more of its proposals are kept and it gets further for the same budget
    expect(eps[0]).toBeLessThan(eps[1]);
  });

  it('stops on the tolerance, on the number of generations, and reports each generation', () => {
    const r = abcSmc(distanceFor(INTERIOR), smcOpts(INTERIOR, 100000, { epsilon: 0.1 }));
    expect(r.stop).toBe('epsilon');
    expect(r.epsilon).toBeLessThanOrEqual(0.1);
    expect(r.generations[0]).toMatchObject({ generation: 0, epsilon: Infinity, simulations: 1000, acceptanceRate: 1 });
    for (let g = 1; g < r.generations.length; g++) expect(r.generations[g].epsilon).toBeLessThan(r.generations[g - 1].epsilon);
    expect(r.particles.every((p) => p.distance <= r.epsilon)).toBe(true);
    expect(abcSmc(distanceFor(INTERIOR), smcOpts(INTERIOR, 100000, { generations: 1 })).generations).toHaveLength(1);
    // a generation that keeps less than minAcceptance of its simulations is the last
    const low = abcSmc(distanceFor(INTERIOR), smcOpts(INTERIOR, 100000, { minAcceptance: 0.3 }));
    expect(low.stop).toBe('acceptance');
    expect(low.acceptanceRate).toBeLessThan(0.3);
    expect(low.generations.slice(1, -1).every((g) => g.acceptanceRate >= 0.3)).toBe(true);
    // distances that cannot get smaller: the schedule stalls
    const flat = abcSmc(() => 1, smcOpts(INTERIOR, 100000));
    expect(flat.stop).toBe('stalled');
    expect(flat.generations.map((g) => g.epsilon)).toEqual([Infinity, 1]);
    // a NaN distance is never kept
    const holes = abcSmc((x) => (x[0] > 1 ? NaN : distanceFor(INTERIOR)(x)), smcOpts(INTERIOR, 5000));
    expect(holes.particles.every((p) => p.point[0] <= 1 && Number.isFinite(p.distance))).toBe(true);
  });

  it('rejects bad options with InputError', () => {
    const bounds = INTERIOR.bounds;
    expect(() => new AbcSmc({ bounds, seed: 1, particles: 100, budget: 50 })).toThrow(/budget must be an integer ≥ 100/);
    expect(() => new AbcSmc({ bounds, seed: -1, particles: 100, budget: 500 })).toThrow(InputError);
    expect(() => new AbcSmc({ bounds, seed: 1, particles: 100, budget: 500, quantile: 1 })).toThrow(/quantile/);
    expect(() => new AbcRejection({ bounds, seed: 1, samples: 10 })).toThrow(/either a fraction/);
    expect(() => new AbcRejection({ bounds, seed: 1, samples: 10, fraction: 0.5, epsilon: 1 })).toThrow(/either a fraction/);
    expect(() => AbcSmc.fromJSON({ kind: 'nelder-mead' } as unknown as AbcSmcState)).toThrow(/not an ABC-SMC state/);
    const abc = new AbcSmc({ bounds, seed: 1, particles: 100, budget: 500 });
    abc.ask();
    expect(() => abc.tell([1, 2])).toThrow(/needs 100 distances/);
  });
});

/** Weighted correlation of the first two parameters of a sample. */
function correlation(ps: Particle[]): number {
  const m = [0, 1].map((d) => ps.reduce((s, p) => s + p.weight * p.point[d], 0));
  const c = (i: number, j: number) => ps.reduce((s, p) => s + p.weight * (p.point[i] - m[i]) * (p.point[j] - m[j]), 0);
  return c(0, 1) / Math.sqrt(c(0, 0) * c(1, 1));
}

describe('weighted summaries and draws', () => {
  it('weightedQuantile is Hazen’s quantile for equal weights, and follows the weights', () => {
    const xs = [5, 1, 4, 2, 3];
    const eq = [1, 1, 1, 1, 1];
    // Hazen: the k-th of n sorted values sits at (k − 0.5)/n
    expect(weightedQuantile(xs, eq, 0.5)).toBe(3);
    expect(weightedQuantile(xs, eq, 0.1)).toBe(1);
    expect(weightedQuantile(xs, eq, 0.2)).toBeCloseTo(1.5, 12);
    expect(weightedQuantile(xs, eq, 0.99)).toBe(5);
    // all the weight on one value; zero weights are left out
    expect(weightedQuantile(xs, [0, 0, 1, 0, 0], 0.025)).toBe(4);
    // weights 1, 3 on values 0, 10: midpoints 1/8 and 5/8
    expect(weightedQuantile([0, 10], [1, 3], 0.5)).toBeCloseTo(7.5, 12);
  });

  it('summarise gives the weighted mean, the sd with the reliability correction, quantiles and the ESS', () => {
    const ps: Particle[] = [1, 2, 3, 4].map((x) => ({ point: [x, 10 * x], weight: 0.25, distance: 0, generation: 0 }));
    const s = summarise(ps, [{ name: 'x', lo: 0, hi: 5 }, { name: 'y', lo: 0, hi: 50 }]);
    expect(s.ess).toBe(4);
    expect(s.parameters[0]).toMatchObject({ name: 'x', mean: 2.5, median: 2.5 });
    // equal weights: the usual n − 1 sd, √(5/3)
    expect(s.parameters[0].sd).toBeCloseTo(Math.sqrt(5 / 3), 12);
    expect(s.parameters[1].sd).toBeCloseTo(10 * Math.sqrt(5 / 3), 10);
    const w = summarise([{ point: [0], weight: 0.75, distance: 0, generation: 1 }, { point: [4], weight: 0.25, distance: 0, generation: 1 }], [{ name: 'x', lo: 0, hi: 4 }]);
    expect(w.parameters[0].mean).toBe(1);
    expect(w.ess).toBeCloseTo(1 / (0.5625 + 0.0625), 12);
  });

  it('counter draws are uniform on [0, 1), repeatable and different per counter', () => {
    const xs = Array.from({ length: 100000 }, (_, i) => counterUniform(42, 1, 0, i, 0, 0));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(4 / Math.sqrt(12 * xs.length));
    const bins = new Array(10).fill(0);
    for (const x of xs) bins[Math.floor(x * 10)]++;
    // each bin holds 10000 ± 95 (binomial sd); 5 sd allowed
    for (const b of bins) expect(Math.abs(b - 10000)).toBeLessThan(5 * 95);
    expect(counterUniform(42, 1, 0, 7, 0, 0)).toBe(xs[7]);
    expect(counterUniform(43, 1, 0, 7, 0, 0)).not.toBe(xs[7]);
    expect(counterUniform(42, 2, 0, 7, 0, 0)).not.toBe(xs[7]);
    expect(counterUniform(2 ** 40 + 42, 1, 0, 7, 0, 0)).not.toBe(xs[7]);
  });
});
