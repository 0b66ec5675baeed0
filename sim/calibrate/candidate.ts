/**
 * One candidate of a calibration: the scenario at a parameter point, the
 * targets' plan on it, and the runs it needs (each distinct setting of the
 * targets × each replicate, with the seed and replicate number of every other
 * candidate: common random numbers, so that the distance is a smooth function
 * of the point). A run is a job for the worker pool (sim/sweep/pool.ts): a
 * pure function of the setup and the job, the same in any thread.
 * Browser-safe: no node: imports, no global randomness, no clock.
 */
import { runReplicate } from '../ensemble.ts';
import { InputError } from '../errors.ts';
import type { Scenario } from '../scenario.ts';
import type { RunSettings } from '../settings.ts';
import { applyPoint, checkValue, locate, type Target as Parameter } from '../sweep/params.ts';
import { checkTargets, sideValue, type TargetFile, type TargetPlan } from './targets.ts';

/** Which targets a candidate is run for: the ones used for fitting (the search), or all of them (the final check). */
export type Subset = 'fit' | 'all';

/** What every run of a calibration shares (sent to each worker once). */
export interface CandidateSetup {
  /** The scenario to calibrate, as loaded. */
  base: Scenario;
  /** The whole target file. */
  file: TargetFile;
  settings: RunSettings;
  /** The parameters varied (`--vary` names), in order. */
  parameters: string[];
  /** How errors name the target file. */
  source: string;
}

/** One run of a candidate: the point (in the order of `parameters`), the targets, the setting (variant) and the replicate. */
export interface CandidateJob {
  point: number[];
  subset: Subset;
  variant: number;
  replicate: number;
}

/** The targets of a subset, in file order. */
export function subsetFile(file: TargetFile, subset: Subset): TargetFile {
  return subset === 'all' ? file : { ...file, targets: file.targets.filter((t) => t.use === 'fit') };
}

/**
 * The parameters of a calibration, located in the scenario and checked: a
 * scenario field that takes any number in a range (not a knob, which belongs
 * to the policies compared, not to the office; not a whole number, which a
 * continuous search cannot step through), with lo and hi both allowed.
 */
export function locateParameters(base: Scenario, bounds: readonly { name: string; lo: number; hi: number }[]): Parameter[] {
  return bounds.map((b) => {
    const p = locate(base, b.name);
    if (p.kind === 'knob') {
      throw new InputError(`--vary: ${b.name}: a knob belongs to the policies compared, not to the scenario; calibrate a scenario field (e.g. groups.refugee.language) or one policy's knob with policies.NAME.${p.path[0]}`);
    }
    if (p.spec.integer) throw new InputError(`--vary: ${b.name}: takes whole numbers only; calibrate searches continuous ranges, so give a field that takes any number (or sweep this one with pathways sweep)`);
    checkValue(p, b.lo);
    checkValue(p, b.hi);
    return p;
  });
}

/** The value of each parameter in a scenario (the start of a search), in order. */
export function parameterValues(s: Scenario, parameters: readonly Parameter[]): number[] {
  return parameters.map((p) => {
    let v: unknown = s;
    for (const k of p.path) v = (v as Record<string | number, unknown> | undefined)?.[k];
    return typeof v === 'number' ? v : NaN;
  });
}

/** The scenario at a point: the parameters set, then validated by the schema (InputError naming the point otherwise). */
export function candidateScenario(base: Scenario, parameters: readonly Parameter[], point: readonly number[]): Scenario {
  const record = Object.fromEntries(parameters.map((p, i) => [p.name, point[i]]));
  return applyPoint(base, [...parameters], record).scenario;
}

/** A candidate's plan: its scenario, the subset's targets, their plan, and per variant the target sides it is read for. */
export interface CandidatePlan {
  scenario: Scenario;
  file: TargetFile;
  plan: TargetPlan;
  /** Per variant: the (target index in `file`, side) pairs read from its runs, in order. */
  reads: [number, number][][];
}

/** The plan of a candidate: the scenario at the point, the targets checked on it (checkTargets; a target's own changes apply on top of the point). */
export function candidatePlan(setup: CandidateSetup, parameters: readonly Parameter[], point: readonly number[], subset: Subset): CandidatePlan {
  const scenario = candidateScenario(setup.base, parameters, point);
  const file = subsetFile(setup.file, subset);
  const plan = checkTargets(file, scenario, setup.settings, setup.source);
  const reads: [number, number][][] = plan.variants.map(() => []);
  plan.sides.forEach((ids, i) => ids.forEach((v, k) => reads[v].push([i, k])));
  return { scenario, file, plan, reads };
}

/** A function from a job to the values of the target sides its run is read for (CandidatePlan.reads of its variant), in order; NaN where the model gave no number. */
export function makeCandidateRunner(setup: CandidateSetup): (job: CandidateJob) => number[] {
  const parameters = setup.parameters.map((name) => locate(setup.base, name));
  // a candidate's jobs arrive together: the last few plans are enough to keep
  const cache = new Map<string, CandidatePlan>();
  return (job: CandidateJob) => {
    const key = JSON.stringify([job.point, job.subset]);
    let c = cache.get(key);
    if (!c) {
      c = candidatePlan(setup, parameters, job.point, job.subset);
      cache.set(key, c);
      if (cache.size > 8) cache.delete(cache.keys().next().value as string);
    }
    const v = c.plan.variants[job.variant];
    if (!v) throw new InputError(`calibrate: setting ${job.variant} is not a setting of this candidate (0 to ${c.plan.variants.length - 1})`);
    const { settings } = setup;
    const summary = runReplicate(v.scenario, v.label, job.replicate, { seed: settings.seed, agents: settings.agents, weeks: settings.weeks, knobs: v.knobs }).summary;
    return c.reads[job.variant].map(([i, k]) => sideValue(c.file.targets[i], c.plan.metrics[i], k, summary));
  };
}
