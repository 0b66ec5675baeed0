/**
 * Programme evaluation in the model, for notebooks/programme-evaluation.html.
 *
 * Each replicate runs the same people (common random numbers) four times:
 * the scenario under personalised and under standardised allocation, and the
 * personalised office with its long services, or its short services, taken out
 * of the catalogue. Cohorts are fixed at the end of year 1 of the personalised
 * run, as in the model's lock-in pattern test (test/patterns/lock-in.test.ts):
 * people who started a long service in year 1, and people who started only
 * short services in year 1. Their employment is then followed in every arm.
 */
import { createModel, estimate, parseScenario, SHIPPED, step, type Scenario } from '../../sim/index.ts';
import { EMPLOYED } from '../../sim/constants.ts';
import { withInterval } from './format.ts';

export interface EvaluationOptions {
  scenario?: string;
  agents?: number;
  weeks?: number;
  replications?: number;
  seed?: number;
  /** Called after each replicate; awaited, so the page can repaint. */
  onProgress?: (done: number, total: number) => void | Promise<void>;
}

export const ARMS = ['personalised', 'standardised', 'personalised without long services', 'personalised without short services'] as const;
export type Arm = (typeof ARMS)[number];
export const COHORTS = ['long', 'short'] as const;
export type Cohort = (typeof COHORTS)[number];
export const COHORT_LABEL: Record<Cohort, string> = {
  long: 'started a long service in year 1',
  short: 'started only short services in year 1',
};

/** The three contrasts, each a paired difference (same people, same luck). */
export const CONTRASTS = {
  lockIn: { cohort: 'long', a: 'standardised', b: 'personalised', label: 'Long-service entrants: personalised − standardised (the lock-in pattern test)' },
  long: { cohort: 'long', a: 'personalised without long services', b: 'personalised', label: 'Long services: with − without them in the catalogue' },
  short: { cohort: 'short', a: 'personalised without short services', b: 'personalised', label: 'Short services: with − without them in the catalogue' },
} as const satisfies Record<string, { cohort: Cohort; a: Arm; b: Arm; label: string }>;
export type Contrast = keyof typeof CONTRASTS;

export interface Interval { mean: number; lo: number; hi: number }

export interface Evaluation {
  scenario: string; agents: number; weeks: number; replications: number; seed: number; years: number;
  /** Mean cohort size per replicate (and as a share of all agents). */
  cohortSize: Record<Cohort, { people: number; share: number }>;
  /** Share of the cohort employed in each week (1-based), mean and 95% interval over replicates. */
  weekly: ({ cohort: Cohort; arm: Arm; week: number } & Interval)[];
  /** Share employed at the end of each year (week 52·y), per cohort and arm. */
  yearly: ({ cohort: Cohort; arm: Arm; year: number } & Interval)[];
  /** Paired difference b − a of the share employed at the end of each year. */
  effects: ({ contrast: Contrast; year: number } & Interval)[];
  /** Share of each cohort who started any service in year 1 in the arm without their kind of service (substitution). */
  substitution: Record<Cohort, Interval>;
  /** Time the runs took. */
  milliseconds: number;
}

const pause = () => new Promise<void>((ok) => setTimeout(ok, 0));
const interval = (xs: number[]): Interval => {
  const e = estimate(xs);
  return { mean: e.mean, lo: e.ci95[0], hi: e.ci95[1] };
};

/** The scenario with only short or only long services. */
function withServices(raw: unknown, s: Scenario, term: 'short' | 'long'): Scenario {
  return parseScenario({ ...(raw as object), services: s.services.filter((x) => x.term === term) });
}

/** Run the evaluation (all on the calling thread; a few seconds at the notebook's sizes). */
export async function evaluate(opts: EvaluationOptions = {}): Promise<Evaluation> {
  const t0 = performance.now();
  const name = opts.scenario ?? 'mixed-office';
  const raw = SHIPPED[name];
  if (!raw) throw new Error(`unknown scenario ${name}`);
  const base = parseScenario(raw);
  const agents = opts.agents ?? 2000, weeks = opts.weeks ?? base.weeks, reps = opts.replications ?? 8, seed = opts.seed ?? base.seed;
  const years = Math.floor(weeks / 52);
  const scenarios: Record<Arm, [Scenario, string]> = {
    personalised: [base, 'personalised'],
    standardised: [base, 'standardised'],
    'personalised without long services': [withServices(raw, base, 'short'), 'personalised'],
    'personalised without short services': [withServices(raw, base, 'long'), 'personalised'],
  };
  // per replicate: share employed by week, per cohort and arm
  const series: Record<Cohort, Record<Arm, number[][]>> = {
    long: Object.fromEntries(ARMS.map((a) => [a, []])) as unknown as Record<Arm, number[][]>,
    short: Object.fromEntries(ARMS.map((a) => [a, []])) as unknown as Record<Arm, number[][]>,
  };
  const sizes: Record<Cohort, number[]> = { long: [], short: [] };
  const subst: Record<Cohort, number[]> = { long: [], short: [] };
  for (let r = 0; r < reps; r++) {
    const models = ARMS.map((a) => createModel(scenarios[a][0], { policy: scenarios[a][1], seed, replicate: r, agents, weeks }));
    const states = ARMS.map(() => new Uint8Array(weeks * agents));
    const started = ARMS.map(() => new Uint8Array(agents));
    const cohorts: Record<Cohort, number[]> = { long: [], short: [] };
    for (let w = 0; w < weeks; w++) {
      models.forEach((m, k) => {
        step(m);
        states[k].set(m.agents.state.subarray(0, agents), w * agents);
        if (w === 51) for (let i = 0; i < agents; i++) started[k][i] = m.agents.servicesStarted[i] > 0 ? 1 : 0;
      });
      if (w === 51) {
        const a = models[0].agents;
        for (let i = 0; i < agents; i++) {
          if (a.longStarted[i] > 0) cohorts.long.push(i);
          else if (a.servicesStarted[i] > 0) cohorts.short.push(i);
        }
      }
    }
    for (const c of COHORTS) {
      const ids = cohorts[c];
      sizes[c].push(ids.length);
      const without = ARMS.indexOf(c === 'long' ? 'personalised without long services' : 'personalised without short services');
      subst[c].push(ids.filter((i) => started[without][i]).length / Math.max(1, ids.length));
      ARMS.forEach((arm, k) => {
        const s = new Array<number>(weeks);
        for (let w = 0; w < weeks; w++) {
          let n = 0;
          const off = w * agents;
          for (const i of ids) if (states[k][off + i] === EMPLOYED) n++;
          s[w] = n / Math.max(1, ids.length);
        }
        series[c][arm].push(s);
      });
    }
    await opts.onProgress?.(r + 1, reps);
    await pause();
  }
  const out: Evaluation = {
    scenario: name, agents, weeks, replications: reps, seed, years,
    cohortSize: Object.fromEntries(COHORTS.map((c) => {
      const people = sizes[c].reduce((t, x) => t + x, 0) / reps;
      return [c, { people, share: people / agents }];
    })) as Evaluation['cohortSize'],
    weekly: [], yearly: [], effects: [],
    substitution: { long: interval(subst.long), short: interval(subst.short) },
    milliseconds: 0,
  };
  for (const c of COHORTS) {
    for (const arm of ARMS) {
      const runs = series[c][arm];
      for (let w = 0; w < weeks; w++) out.weekly.push({ cohort: c, arm, week: w + 1, ...interval(runs.map((s) => s[w])) });
      for (let y = 1; y <= years; y++) out.yearly.push({ cohort: c, arm, year: y, ...interval(runs.map((s) => s[52 * y - 1])) });
    }
  }
  for (const [key, def] of Object.entries(CONTRASTS) as [Contrast, (typeof CONTRASTS)[Contrast]][]) {
    const a = series[def.cohort][def.a], b = series[def.cohort][def.b];
    for (let y = 1; y <= years; y++) out.effects.push({ contrast: key, year: y, ...interval(b.map((s, r) => s[52 * y - 1] - a[r][52 * y - 1])) });
  }
  out.milliseconds = performance.now() - t0;
  return out;
}

/** The effect of a contrast in a year. */
export function effectAt(e: Evaluation, contrast: Contrast, year: number): Interval {
  const x = e.effects.find((d) => d.contrast === contrast && d.year === year);
  if (!x) throw new Error(`no ${contrast} effect for year ${year}`);
  return x;
}

/** "negative", "positive" or "no clear effect", from the 95% interval as shown (to 0.1 percentage point). */
export function sign(x: Interval): 'negative' | 'positive' | 'no clear effect' {
  return x.hi < -0.0005 ? 'negative' : x.lo > 0.0005 ? 'positive' : 'no clear effect';
}

/** Percentage points with sign and interval: "−5.6 pp [−6.2, −5.0]". */
export function pp(x: Interval, digits = 1): string {
  return withInterval(x, { scale: 100, digits, unit: ' pp' });
}
