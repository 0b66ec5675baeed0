/**
 * Programme evaluation in the model: lock-in, then gain (for
 * notebooks/programme-evaluation.html). Browser-safe: no node: imports, no
 * global randomness, no clock.
 *
 * Each replicate runs the same people (common random numbers) in four arms:
 * the scenario under personalised and under standardised allocation, and the
 * personalised office with its long services, or its short services, taken
 * out of the catalogue. Cohorts are fixed at the end of year 1 of the
 * personalised run, as in the model's lock-in pattern test
 * (test/patterns/lock-in.test.ts): people who started a long service in year
 * 1, and people who started only short services in year 1. Their employment
 * is then followed in every arm, and the arms are compared replicate by
 * replicate (paired differences).
 */
import { SHIPPED } from '../scenarios/index.ts';
import { EMPLOYED } from './constants.ts';
import { InputError } from './errors.ts';
import { createModel, step } from './model.ts';
import { parseScenario, type Scenario } from './scenario.ts';
import { resolveRunSettings } from './settings.ts';
import { estimate } from './stats.ts';

/** The arms: a policy, and which kinds of service the catalogue keeps. */
export const ARMS = ['personalised', 'standardised', 'personalised without long services', 'personalised without short services'] as const;
export type Arm = (typeof ARMS)[number];
const ARM_RUN: Record<Arm, { policy: string; keep?: 'short' | 'long' }> = {
  personalised: { policy: 'personalised' },
  standardised: { policy: 'standardised' },
  'personalised without long services': { policy: 'personalised', keep: 'short' },
  'personalised without short services': { policy: 'personalised', keep: 'long' },
};
/** The arms in bokmål (in English an arm is shown by its name). */
export const ARM_LABEL_NB: Record<Arm, string> = {
  personalised: 'tilpasset',
  standardised: 'standardisert',
  'personalised without long services': 'tilpasset uten lange tiltak',
  'personalised without short services': 'tilpasset uten korte tiltak',
};

export const COHORTS = ['long', 'short'] as const;
export type Cohort = (typeof COHORTS)[number];
export const COHORT_LABEL: Record<Cohort, string> = {
  long: 'started a long service in year 1',
  short: 'started only short services in year 1',
};
/** COHORT_LABEL in bokmål. */
export const COHORT_LABEL_NB: Record<Cohort, string> = {
  long: 'begynte på et langt tiltak i år 1',
  short: 'begynte bare på korte tiltak i år 1',
};
/** The arm without the cohort's kind of service (where substitution is measured). */
const WITHOUT: Record<Cohort, Arm> = { long: 'personalised without long services', short: 'personalised without short services' };

/** The three contrasts, each a paired difference b − a (same people, same luck); `labelNb` is `label` in bokmål. */
export const CONTRASTS = {
  lockIn: {
    cohort: 'long', a: 'standardised', b: 'personalised', label: 'Long-service entrants: personalised − standardised (the lock-in pattern test)',
    labelNb: 'De som begynte på lange tiltak: tilpasset − standardisert (mønstertesten for innlåsing)',
  },
  long: {
    cohort: 'long', a: 'personalised without long services', b: 'personalised', label: 'Long services: with − without them in the catalogue',
    labelNb: 'Lange tiltak: med − uten dem i tiltaksutvalget',
  },
  short: {
    cohort: 'short', a: 'personalised without short services', b: 'personalised', label: 'Short services: with − without them in the catalogue',
    labelNb: 'Korte tiltak: med − uten dem i tiltaksutvalget',
  },
} as const satisfies Record<string, { cohort: Cohort; a: Arm; b: Arm; label: string; labelNb: string }>;
export type Contrast = keyof typeof CONTRASTS;

export interface Interval { mean: number; lo: number; hi: number }

export interface EvaluationOptions {
  /** A shipped scenario's name or a scenario object; default `mixed-office`. */
  scenario?: string | object;
  /** Default: the scenario's (checked by resolveRunSettings). */
  agents?: number;
  weeks?: number;
  replications?: number;
  seed?: number;
  /** Called after each replicate with (done, total) and awaited, so a page can repaint. */
  onProgress?: (done: number, total: number) => void | Promise<void>;
}

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
}

const interval = (xs: number[]): Interval => {
  const e = estimate(xs);
  return { mean: e.mean, lo: e.ci95[0], hi: e.ci95[1] };
};

/** The scenario of each arm (a catalogue with only short or only long services). */
function armScenarios(raw: object, s: Scenario): Record<Arm, Scenario> {
  const only = (term: 'short' | 'long') => parseScenario({ ...raw, services: s.services.filter((x) => x.term === term) });
  return Object.fromEntries(ARMS.map((a) => [a, ARM_RUN[a].keep ? only(ARM_RUN[a].keep) : s])) as Record<Arm, Scenario>;
}

/** What one replicate gives: per cohort and arm the share employed by week, the cohort's size and its substitution share. */
interface Replicate {
  series: Record<Cohort, Record<Arm, number[]>>;
  size: Record<Cohort, number>;
  substitution: Record<Cohort, number>;
}

/** Replicate r of every arm, week by week, with the cohorts fixed at the end of week 52 of the personalised run. */
function runArms(scenarios: Record<Arm, Scenario>, r: number, st: { seed: number; agents: number; weeks: number }): Replicate {
  const { seed, agents, weeks } = st;
  const models = ARMS.map((a) => createModel(scenarios[a], { policy: ARM_RUN[a].policy, seed, replicate: r, agents, weeks }));
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
      const a = models[ARMS.indexOf('personalised')].agents;
      for (let i = 0; i < agents; i++) {
        if (a.longStarted[i] > 0) cohorts.long.push(i);
        else if (a.servicesStarted[i] > 0) cohorts.short.push(i);
      }
    }
  }
  const out: Replicate = { series: { long: {}, short: {} } as Replicate['series'], size: { long: 0, short: 0 }, substitution: { long: 0, short: 0 } };
  for (const c of COHORTS) {
    const ids = cohorts[c];
    out.size[c] = ids.length;
    const without = ARMS.indexOf(WITHOUT[c]);
    out.substitution[c] = ids.filter((i) => started[without][i]).length / Math.max(1, ids.length);
    ARMS.forEach((arm, k) => {
      const s = new Array<number>(weeks);
      for (let w = 0; w < weeks; w++) {
        let n = 0;
        const off = w * agents;
        for (const i of ids) if (states[k][off + i] === EMPLOYED) n++;
        s[w] = n / Math.max(1, ids.length);
      }
      out.series[c][arm] = s;
    });
  }
  return out;
}

/**
 * Run the evaluation on the calling thread: `replications` replicates of the
 * four arms (a few seconds at the notebook's 8 replicates of 2,000 people for
 * five years), then means and 95% intervals over replicates. The settings are
 * the options, else the scenario's; the run must reach the end of year 1,
 * where the cohorts are fixed. InputError on a bad scenario or setting.
 */
export async function evaluateProgrammes(opts: EvaluationOptions = {}): Promise<Evaluation> {
  const given = opts.scenario ?? 'mixed-office';
  const raw = typeof given === 'string' ? (Object.hasOwn(SHIPPED, given) ? SHIPPED[given] : undefined) : given;
  if (raw === undefined) throw new InputError(`scenario: ${JSON.stringify(given)} is not a shipped scenario; shipped: ${Object.keys(SHIPPED).join(', ')}`);
  const base = parseScenario(raw);
  const { agents, weeks, replications: reps, seed } = resolveRunSettings(base, {}, { agents: opts.agents, weeks: opts.weeks, replications: opts.replications, seed: opts.seed });
  if (weeks < 52) throw new InputError(`weeks: ${weeks} is not allowed; the cohorts are fixed at the end of year 1, so the run needs at least 52 weeks`);
  const years = Math.floor(weeks / 52);
  const scenarios = armScenarios(raw as object, base);
  const runs: Replicate[] = [];
  for (let r = 0; r < reps; r++) {
    runs.push(runArms(scenarios, r, { seed, agents, weeks }));
    await opts.onProgress?.(r + 1, reps);
  }
  const out: Evaluation = {
    scenario: base.name, agents, weeks, replications: reps, seed, years,
    cohortSize: Object.fromEntries(COHORTS.map((c) => {
      const people = runs.reduce((t, x) => t + x.size[c], 0) / reps;
      return [c, { people, share: people / agents }];
    })) as Evaluation['cohortSize'],
    weekly: [], yearly: [], effects: [],
    substitution: { long: interval(runs.map((x) => x.substitution.long)), short: interval(runs.map((x) => x.substitution.short)) },
  };
  for (const c of COHORTS) {
    for (const arm of ARMS) {
      const series = runs.map((x) => x.series[c][arm]);
      for (let w = 0; w < weeks; w++) out.weekly.push({ cohort: c, arm, week: w + 1, ...interval(series.map((s) => s[w])) });
      for (let y = 1; y <= years; y++) out.yearly.push({ cohort: c, arm, year: y, ...interval(series.map((s) => s[52 * y - 1])) });
    }
  }
  for (const [key, def] of Object.entries(CONTRASTS) as [Contrast, (typeof CONTRASTS)[Contrast]][]) {
    const a = runs.map((x) => x.series[def.cohort][def.a]), b = runs.map((x) => x.series[def.cohort][def.b]);
    for (let y = 1; y <= years; y++) out.effects.push({ contrast: key, year: y, ...interval(b.map((s, r) => s[52 * y - 1] - a[r][52 * y - 1])) });
  }
  return out;
}

/** The effect of a contrast at the end of a year. */
export function effectAt(e: Pick<Evaluation, 'effects'>, contrast: Contrast, year: number): Interval {
  const x = e.effects.find((d) => d.contrast === contrast && d.year === year);
  if (!x) throw new RangeError(`no ${contrast} effect for year ${year}`);
  return x;
}

export type EffectSign = 'negative' | 'positive' | 'no clear effect';
/** effectSign's words in bokmål. */
export const EFFECT_SIGN_NB: Record<EffectSign, string> = { negative: 'negativ', positive: 'positiv', 'no clear effect': 'ingen tydelig effekt' };

/** "negative", "positive" or "no clear effect", from the 95% interval as shown (to 0.1 percentage point). */
export function effectSign(x: Interval): EffectSign {
  return x.hi < -0.0005 ? 'negative' : x.lo > 0.0005 ? 'positive' : 'no clear effect';
}
