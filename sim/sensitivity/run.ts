/**
 * Sensitivity analyses of the model through the sweep engine (Node only):
 * the design's points become a sweep with a `points` design, so they run in
 * parallel worker threads, resume after an interruption and can be split
 * into shards (`pathways merge` joins them). The metric is averaged over
 * replications per point; replicate r has the same seed at every point
 * (common random numbers). The sweep's files and `sensitivity.json` share
 * the output folder.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pkg from '../../package.json';
import { InputError } from '../errors.ts';
import { loadScenario } from '../load.ts';
import { parseScenario, type Knobs, type Scenario } from '../scenario.ts';
import { policyKnobs, runChanges, type Changes } from '../settings.ts';
import { JOURNAL, lockFolder, metaDiff, planSweep, readMeta, readRuns, RUNS, runSweep, type RunSweepOptions, type SweepSpec } from '../sweep/index.ts';
import { writeAtomic } from '../sweep/files.ts';
import { analyse, sensitivityDesign, type Factor, type Method, type SensitivityResult, type SensitivitySettings } from './index.ts';
import { checkGroup, checkMetric, checkPolicy, modelFactors, modelSettings, type FactorInput } from './model.ts';

/** The file a sensitivity analysis writes into its folder. */
export const REPORT = 'sensitivity.json';

export interface ModelRunSpec {
  method: Method;
  /** A shipped scenario name, a scenario JSON file, or a scenario object. */
  scenario: string | object;
  /** The policy whose knobs the varied knobs override (default: the scenario's first comparePolicies). */
  policy?: string;
  /** Varied parameters: `NAME=lo:hi` or `{ name, lo, hi }` (names as in sweeps: `knobs.NAME`, `office.caseload` ...). */
  vary: FactorInput[];
  /** A metric, or `NAME.K` for year K of a metric by year (see `parseMetricKey`). */
  metric: string;
  /** Default `all`. */
  group?: string;
  trajectories?: number;
  levels?: number;
  samples?: number;
  sampling?: 'sobol' | 'random';
  bootstrap?: number;
  /** Replications averaged per point (default 1). */
  replications?: number;
  /** Seed of the model runs, the design and the bootstrap (default: the scenario's). */
  seed?: number;
  agents?: number;
  weeks?: number;
}

/** sensitivity.json. */
export interface SensitivityReport {
  format: 'pathways-sensitivity/1';
  version: string;
  scenario: string;
  policy: string;
  metric: string;
  group: string;
  agents: number;
  weeks: number;
  replications: number;
  seed: number;
  /** Every scenario value the runs change besides the factors (see runChanges in sim/settings.ts). */
  changes: Changes;
  /** The policy's full knobs; knob factors override theirs at each point. */
  knobs: Knobs;
  method: Method;
  settings: SensitivitySettings;
  factors: Factor[];
  /** Most influential first. */
  indices: SensitivityResult['indices'];
  /** Every design point (in design order) with the metric averaged over replications. */
  points: { point: Record<string, number>; y: number }[];
  /** Distinct points run through the sweep, and runs (points × replications). */
  sweep: { points: number; runs: number };
}

/** A shard finished: indices need every run, so they wait for a merge. */
export interface ShardDone {
  shard: [number, number];
  runs: number;
  skipped: number;
}

/** Everything checked and resolved before any run starts. */
export interface PreparedAnalysis {
  spec: ModelRunSpec;
  scenario: Scenario;
  policy: string;
  group: string;
  seed: number;
  weeks: number;
  agents: number;
  replications: number;
  design: ReturnType<typeof sensitivityDesign>;
  /** Distinct points, and for each design point the index of its distinct point. */
  unique: Record<string, number>[];
  index: number[];
  sweep: SweepSpec;
}

/** Check a spec and build its design and sweep. Throws InputError (one line; ValidationError for a scenario file). */
export function prepareAnalysis(spec: ModelRunSpec): PreparedAnalysis {
  const s = typeof spec.scenario === 'string' ? loadScenario(spec.scenario) : parseScenario(spec.scenario, 'scenario');
  const policy = spec.policy ?? s.comparePolicies[0];
  checkPolicy(s, policy);
  const group = spec.group ?? 'all';
  checkGroup(s, group);
  const { agents, weeks, seed, replications } = modelSettings(s, spec);
  checkMetric(spec.metric, weeks);
  const { factors } = modelFactors(s, spec.vary);
  if (factors.some((f) => f.name === 'agents' || f.name === 'weeks' || f.name === 'seed')) {
    throw new InputError('--vary: agents, weeks and seed cannot be factors of a sensitivity analysis; use --agents and --weeks');
  }
  const design = sensitivityDesign({
    method: spec.method, factors, trajectories: spec.trajectories, levels: spec.levels, samples: spec.samples,
    sampling: spec.sampling, seed, bootstrap: spec.bootstrap,
  });
  // Morris trajectories share grid points: run each distinct point once.
  const unique: Record<string, number>[] = [];
  const seen = new Map<string, number>();
  const index = design.points.map((p) => {
    const key = factors.map((f) => p[f.name]).join(',');
    let i = seen.get(key);
    if (i === undefined) {
      i = unique.length;
      seen.set(key, i);
      unique.push(p);
    }
    return i;
  });
  const sweep: SweepSpec = {
    scenario: spec.scenario, design: { kind: 'points', points: unique }, policies: [policy], replications, agents, weeks, seed,
    metrics: [spec.metric], groups: group === 'all' ? 'all' : 'every',
  };
  return { spec, scenario: s, policy, group, seed, weeks, agents, replications, design, unique, index, sweep };
}

/** The metric per distinct point, averaged over replications, from a finished sweep folder. */
function pointMeans(a: PreparedAnalysis, dir: string): number[] {
  const sum = new Float64Array(a.unique.length);
  const count = new Int32Array(a.unique.length);
  for (const row of readRuns(dir)) {
    if (row.policy !== a.policy || row.group !== a.group || row.metric !== a.spec.metric) continue;
    sum[row.point] += row.value;
    count[row.point]++;
  }
  return Array.from(sum, (v, i) => {
    if (count[i] !== a.replications) throw new Error(`${dir}: point ${i} has ${count[i]} runs, expected ${a.replications}`);
    const y = v / count[i];
    if (!Number.isFinite(y)) {
      throw new InputError(`--metric: ${a.spec.metric} of group ${a.group} is undefined at ${Object.entries(a.unique[i]).map(([k, x]) => `${k}=${x}`).join(' ')} (too few people in the group?); try more --agents or another --group`);
    }
    return y;
  });
}

/** The report of a finished analysis (the sweep in `dir` complete). */
export function report(a: PreparedAnalysis, dir: string): SensitivityReport {
  const means = pointMeans(a, dir);
  const y = a.index.map((i) => means[i]);
  const result = analyse(a.design, y);
  return {
    format: 'pathways-sensitivity/1', version: pkg.version, scenario: a.scenario.name, policy: a.policy, metric: a.spec.metric, group: a.group,
    agents: a.agents, weeks: a.weeks, replications: a.replications, seed: a.seed,
    changes: runChanges(a.scenario, { agents: a.agents, weeks: a.weeks, seed: a.seed, replications: a.replications }),
    knobs: policyKnobs(a.scenario, a.policy),
    method: result.method, settings: result.settings, factors: result.factors, indices: result.indices,
    points: a.design.points.map((point, i) => ({ point, y: y[i] })),
    sweep: { points: a.unique.length, runs: a.unique.length * a.replications },
  };
}

/** Write sensitivity.json into `dir`, whole or not at all. */
export function writeReport(dir: string, r: SensitivityReport): string {
  const path = join(dir, REPORT);
  writeAtomic(path, (put) => put(JSON.stringify(r, null, 2) + '\n'));
  return path;
}

/**
 * Whether `dir` is what `pathways merge` wrote from this analysis's shards:
 * its sweep.json is this analysis's sweep (no shard), with runs.csv and no
 * journal (merge writes none).
 */
function isMerged(a: PreparedAnalysis, dir: string): boolean {
  if (existsSync(join(dir, JOURNAL)) || !existsSync(join(dir, RUNS))) return false;
  const meta = readMeta(dir);
  return meta !== undefined && meta.shard === null && metaDiff(meta, { ...planSweep(a.sweep), shard: null }, true) === undefined;
}

/**
 * Run a sensitivity analysis of the model through the sweep engine into
 * `opts.out` and write sensitivity.json there. Resumable: runs already in the
 * folder are not run again (a folder holding another analysis is refused).
 * With `opts.shard`, runs only that shard and resolves to ShardDone: merge
 * the shards' folders with `pathways merge`, then run again with the merged
 * folder as `out` to compute the indices without running anything (the
 * merged folder's runs.csv is read as it is).
 */
export async function runSensitivitySweep(spec: ModelRunSpec | PreparedAnalysis, opts: RunSweepOptions): Promise<(SensitivityReport & { skipped: number }) | ShardDone> {
  const a = 'design' in spec ? spec : prepareAnalysis(spec);
  if (!opts.shard && isMerged(a, opts.out)) {
    // a folder written by pathways merge holds every run of this analysis, checked: the indices need no run
    const dir = resolve(opts.out);
    const unlock = lockFolder(dir, '--out');
    try {
      const r = report(a, dir);
      writeReport(dir, r);
      return { ...r, skipped: r.sweep.runs };
    } finally {
      unlock();
    }
  }
  const done = await runSweep(a.sweep, opts);
  if (opts.shard) return { shard: opts.shard, runs: done.runs, skipped: done.skipped };
  const r = report(a, done.dir);
  writeReport(done.dir, r);
  return { ...r, skipped: done.skipped };
}
