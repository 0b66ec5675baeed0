import { NUM_STATES, STATE_NAMES } from './constants.ts';
import { journey, type JourneyEvent } from './events.ts';
import { METRICS, summarise, type MetricName, type Summary } from './metrics.ts';
import { createModel, run, type Model } from './model.ts';
import type { Knobs, Scenario } from './scenario.ts';
import { estimate, type Estimate } from './stats.ts';

export interface RunOptions {
  seed?: number;
  agents?: number;
  weeks?: number;
  /** Knobs to use instead of the named policy's. */
  knobs?: Knobs;
}

/** The result of one replicate of one policy. */
export interface RunResult {
  policy: string;
  replicate: number;
  summary: Record<string, Summary>;
  /** Counts by week, group and state (see Recorder). */
  counts: Uint32Array;
  groupNames: string[];
  groupSizes: number[];
  journeys: { name: string; events: JourneyEvent[] }[];
}

/** Run one replicate: a pure function of (scenario, policy, seed, replicate). */
export function runReplicate(s: Scenario, policy: string, replicate: number, opts: RunOptions = {}): RunResult {
  const weeks = opts.weeks ?? s.weeks;
  const m: Model = createModel(s, { policy, seed: opts.seed, replicate, agents: opts.agents, weeks, knobs: opts.knobs });
  run(m, weeks);
  return {
    policy, replicate, summary: summarise(m), counts: m.recorder.counts, groupNames: m.recorder.groupNames,
    groupSizes: Array.from(m.recorder.size),
    journeys: s.personas.map((p, id) => ({ name: p.name, events: journey(m.events, m.scenario, id) })),
  };
}

export type MetricEstimate = Estimate | { mean: number[]; ci95: [number[], number[]] };
export type EstimateTable = Record<MetricName, MetricEstimate>;

/** Mean and 95% interval of each metric over replicates (element-wise for arrays). */
export function estimateMetrics(summaries: Summary[]): EstimateTable {
  const out = {} as EstimateTable;
  for (const k of METRICS) {
    const first = summaries[0][k];
    if (Array.isArray(first)) {
      const len = Math.min(...summaries.map((x) => (x[k] as number[]).length));
      const ests = Array.from({ length: len }, (_, y) => estimate(summaries.map((x) => (x[k] as number[])[y])));
      out[k] = { mean: ests.map((e) => e.mean), ci95: [ests.map((e) => e.ci95[0]), ests.map((e) => e.ci95[1])] };
    } else {
      out[k] = estimate(summaries.map((x) => x[k] as number));
    }
  }
  return out;
}

/** Per-replicate difference b - a of every metric (paired: common random numbers). */
export function differences(a: Summary[], b: Summary[]): Summary[] {
  return a.map((x, r) => {
    const d = {} as Summary;
    for (const k of METRICS) {
      const xa = x[k], xb = b[r][k];
      d[k] = Array.isArray(xa) ? (xa as number[]).map((v, y) => (xb as number[])[y] - v) : (xb as number) - (xa as number);
    }
    return d;
  });
}

export interface CompareOptions extends RunOptions {
  replications?: number;
  /** Called after each finished run with (done, total). */
  onProgress?: (done: number, total: number) => void;
  /** Knobs per policy name, instead of the named policies'. */
  knobsByPolicy?: Record<string, Knobs>;
}

export interface CompareResult {
  scenario: string;
  seed: number;
  weeks: number;
  agents: number;
  replications: number;
  policies: Record<string, { summary: EstimateTable; byGroup: Record<string, EstimateTable> }>;
  difference: EstimateTable;
  differenceOf: [string, string];
}

/**
 * Run the same population under each policy with common random numbers and
 * estimate every metric per policy and for the difference (second minus
 * first), with 95% intervals over replicates.
 */
export function compare(s: Scenario, policies: string[], opts: CompareOptions = {}): { result: CompareResult; runs: RunResult[] } {
  const reps = opts.replications ?? s.replications;
  const seed = opts.seed ?? s.seed;
  const weeks = opts.weeks ?? s.weeks;
  const agents = opts.agents ?? s.agents;
  const runs: RunResult[] = [];
  const total = reps * policies.length;
  for (let r = 0; r < reps; r++) {
    for (const p of policies) {
      runs.push(runReplicate(s, p, r, { seed, weeks, agents, knobs: opts.knobsByPolicy?.[p] }));
      opts.onProgress?.(runs.length, total);
    }
  }
  const byPolicy = (p: string) => runs.filter((x) => x.policy === p);
  const result: CompareResult = {
    scenario: s.name, seed, weeks, agents, replications: reps, policies: {}, difference: {} as EstimateTable,
    differenceOf: [policies[0], policies[policies.length > 1 ? 1 : 0]],
  };
  for (const p of policies) {
    const rs = byPolicy(p);
    const groups = rs[0].groupNames.filter((g) => g !== 'all');
    result.policies[p] = {
      summary: estimateMetrics(rs.map((x) => x.summary.all)),
      byGroup: Object.fromEntries(groups.map((g) => [g, estimateMetrics(rs.map((x) => x.summary[g]))])),
    };
  }
  const [a, b] = result.differenceOf;
  result.difference = estimateMetrics(differences(byPolicy(a).map((x) => x.summary.all), byPolicy(b).map((x) => x.summary.all)));
  return { result, runs };
}

/** Tidy weekly rows: week, replicate, policy, group, metric (state share), value. */
export function* timeSeriesRows(r: RunResult): Generator<[number, number, string, string, string, number]> {
  const G = r.groupNames.length;
  const weeks = r.counts.length / (G * NUM_STATES);
  for (let w = 0; w < weeks; w++) {
    for (let g = 0; g < G; g++) {
      const size = r.groupSizes[g];
      for (let st = 0; st < NUM_STATES; st++) {
        const c = r.counts[(w * G + g) * NUM_STATES + st];
        yield [w + 1, r.replicate, r.policy, r.groupNames[g], STATE_NAMES[st], size > 0 ? c / size : 0];
      }
    }
  }
}
