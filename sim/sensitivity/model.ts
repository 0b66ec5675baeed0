/**
 * Sensitivity analyses of the simulation itself, in-process: factors from
 * parameter names (the sweep's names: `knobs.NAME` or a scenario field path),
 * an evaluator that runs the model at a point and averages a metric over
 * replications, and `modelSensitivity` doing a whole (small) analysis.
 * Browser-safe: for notebooks and the page. The CLI runs the same design
 * through the sweep engine instead (sim/sensitivity/run.ts).
 *
 * Common random numbers: replicate r runs with the same seed at every point,
 * so differences between points are not blurred by different luck.
 */
import { runReplicate } from '../ensemble.ts';
import { outputGroupNames } from '../record.ts';
import { metricValue, parseMetricKey } from '../metrics.ts';
import { parseScenario, policyNames, type Scenario } from '../scenario.ts';
import { policyKnobs, resolveRunSettings, type RunSettings } from '../settings.ts';
import { applyPoint, checkValue, locate, parseVary, type Target } from '../sweep/params.ts';
import { InputError } from '../errors.ts';
import { runSensitivity, type Evaluator, type Factor, type Method, type ResultOf, type SensitivitySpec } from './index.ts';

/** A varied parameter as text (`NAME=lo:hi`) or as an object. */
export type FactorInput = string | { name: string; lo: number; hi: number };

/** Factors for the model from `NAME=lo:hi` texts or objects: each name located in the scenario, its range checked against the schema. */
export function modelFactors(s: Scenario, vary: FactorInput[]): { factors: Factor[]; targets: Target[] } {
  const factors: Factor[] = [];
  const targets: Target[] = [];
  for (const v of vary) {
    const parsed = typeof v === 'string' ? parseVary(v) : v;
    const text = typeof v === 'string' ? v : `${v.name}=${v.lo}:${v.hi}`;
    if (!('lo' in parsed) || ('step' in parsed && parsed.step !== undefined)) {
      throw new InputError(`--vary: ${JSON.stringify(text)} is not allowed; a sensitivity analysis takes a range NAME=lo:hi`);
    }
    if (!(parsed.lo < parsed.hi)) throw new InputError(`--vary: ${JSON.stringify(text)} is not allowed; expected lo < hi`);
    if (factors.some((f) => f.name === parsed.name)) throw new InputError(`--vary: ${parsed.name} is given more than once`);
    const t = locate(s, parsed.name);
    checkValue(t, parsed.lo);
    checkValue(t, parsed.hi);
    targets.push(t);
    factors.push({ name: parsed.name, lo: parsed.lo, hi: parsed.hi, ...(t.spec.integer ? { integer: true } : {}) });
  }
  if (factors.length === 0) throw new InputError('--vary: at least one parameter is needed (NAME=lo:hi)');
  return { factors, targets };
}

/** Check a metric name (a metric, or `NAME.K` for year K of a metric by year) against the run length (see `parseMetricKey`). */
export function checkMetric(metric: string, weeks: number): void {
  const k = parseMetricKey(metric, { weeks });
  if ('error' in k) throw new InputError(`--metric: ${k.error}`);
}

/** The groups a run reports on. */
export const groupNames = outputGroupNames;

export function checkGroup(s: Scenario, group: string): void {
  if (!groupNames(s).includes(group)) throw new InputError(`--group: ${JSON.stringify(group)} is not a group of scenario ${s.name}; groups: ${groupNames(s).join(', ')}`);
}

export function checkPolicy(s: Scenario, policy: string): void {
  if (!policyNames(s).includes(policy)) throw new InputError(`--policy: ${JSON.stringify(policy)} is not a policy of scenario ${s.name}; known: ${policyNames(s).join(', ')}`);
}

/** The value of `metric` (checked with checkMetric) in a run's summary of one group. */
export function metricOf(summary: Record<string, number | number[]>, metric: string): number {
  const k = parseMetricKey(metric);
  return 'error' in k ? NaN : metricValue(summary, k);
}

export interface ModelOptions {
  /** The policy whose knobs the varied knobs override (default: the scenario's first comparePolicies). */
  policy?: string;
  /** A metric, or `NAME.K` for year K of a metric by year (see `parseMetricKey`). */
  metric: string;
  /** Default `all`. */
  group?: string;
  /** Replications averaged per point (default 1). */
  replications?: number;
  /** Master seed (default: the scenario's); replicate r has the same seed at every point. */
  seed?: number;
  agents?: number;
  weeks?: number;
}

/** The settings of a model analysis: the options, else the scenario's; replications default to 1 (not the scenario's). */
export function modelSettings(s: Scenario, opts: Pick<ModelOptions, 'agents' | 'weeks' | 'seed' | 'replications'>): RunSettings {
  return resolveRunSettings(s, {}, { agents: opts.agents, weeks: opts.weeks, seed: opts.seed, replications: opts.replications ?? 1 });
}

/**
 * An evaluator that runs the model at a point (values keyed by the factors' names) and averages the metric over
 * replications. `targets` come from modelFactors; the scenario may be parsed or raw (it is validated again).
 */
export function modelEvaluator(scenario: unknown, targets: Target[], opts: ModelOptions): Evaluator {
  const { metric, ...rest } = opts;
  const outputs = modelOutputs(scenario, targets, { ...rest, metrics: [metric] });
  return (point) => outputs(point)[0];
}

/**
 * Like `modelEvaluator` for several metrics read from the same runs: the
 * returned function runs the model at a point, `replications` times, and gives
 * each metric (in the order of `metrics`) averaged over the replications. Two
 * metrics cost the runs of one.
 */
export function modelOutputs(
  scenario: unknown, targets: Target[], opts: Omit<ModelOptions, 'metric'> & { metrics: readonly string[] },
): (point: Record<string, number>) => number[] {
  const s = parseScenario(scenario);
  const policy = opts.policy ?? s.comparePolicies[0];
  const group = opts.group ?? 'all';
  const { weeks, seed, replications: reps } = modelSettings(s, opts);
  // without --agents each point runs its own scenario's agents (agents may be a factor of an in-process analysis)
  const agents = opts.agents;
  checkPolicy(s, policy);
  checkGroup(s, group);
  for (const m of opts.metrics) checkMetric(m, weeks);
  return (point) => {
    const applied = applyPoint(s, targets, point);
    const knobs = policyKnobs(applied.scenario, policy, applied.knobs);
    const sums = opts.metrics.map(() => 0);
    for (let r = 0; r < reps; r++) {
      const run = runReplicate(applied.scenario, policy, r, { seed, agents, weeks, knobs });
      opts.metrics.forEach((m, i) => { sums[i] += metricOf(run.summary[group], m); });
    }
    return sums.map((sum) => sum / reps);
  };
}

export type ModelSensitivitySpec = Omit<SensitivitySpec, 'factors'> & ModelOptions & {
  /** A parsed scenario or a raw scenario object (e.g. SHIPPED.classroom). */
  scenario: unknown;
  /** The varied parameters: `NAME=lo:hi` or `{ name, lo, hi }`. */
  vary: FactorInput[];
};

/**
 * A whole sensitivity analysis of the model, in this thread: e.g.
 * `modelSensitivity({ scenario: SHIPPED.classroom, method: 'morris', vary: ['knobs.exploration=0:1', 'knobs.followUp=0:1'],
 * metric: 'employedShare', trajectories: 4, agents: 300, weeks: 104 })`. Runs points × replications simulations.
 * The seed (default: the scenario's) seeds the runs, the design and the bootstrap, as in `pathways sensitivity`.
 */
export function modelSensitivity<M extends Method>(spec: ModelSensitivitySpec & { method: M }): ResultOf<M> & { y: number[] } {
  const s = parseScenario(spec.scenario);
  const { factors, targets } = modelFactors(s, spec.vary);
  const { seed } = modelSettings(s, spec);
  const evaluate = modelEvaluator(s, targets, { ...spec, seed });
  return runSensitivity({ ...spec, factors, seed }, evaluate);
}
