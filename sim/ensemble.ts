import { NUM_STATES, STATE_NAMES } from './constants.ts';
import { journey, type JourneyEvent } from './events.ts';
import { METRICS, summarise, type MetricName, type Summary } from './metrics.ts';
import { createModel, step, type Model } from './model.ts';
import {
  countAt, flowCheckpoints, outputGroupNames, transitionIndex, transitionsLength, weeksCounted,
} from './record.ts';
import type { Knobs, Scenario } from './scenario.ts';
import { policyKnobs, resolveRunSettings, runChanges, type Changes } from './settings.ts';
import { estimate, type Estimate } from './stats.ts';

export interface RunOptions {
  seed?: number;
  agents?: number;
  weeks?: number;
  /** Knobs to use instead of the named policy's. */
  knobs?: Knobs;
  /** Keep the weekly state of the first N agents (personas first) for animation; 0 (default) keeps none. */
  historyAgents?: number;
}

/** Aggregates beyond the summary metrics, for the page's charts. Counts are over the whole population. */
export interface RunDetail {
  /** People hired for the first time in each week (index 0 = week 1). */
  firstJobs: number[];
  /** Service starts and level-mismatched starts per service (scenario order). */
  serviceStarts: number[];
  serviceMismatched: number[];
  /** Refusals per reason (REASON_NAMES order; index 0 unused). */
  rejectionsByReason: number[];
  /** Weeks at which states are compared for flows (0 = registration). */
  checkpoints: number[];
  /** People in each state at one checkpoint and each state at the next: read with `transitionAt` (sim/record.ts). */
  transitions: number[];
  /** Weekly states of the first `historyAgents` agents: states[week * agents + id] after each week; group of each. */
  history?: { agents: number; states: Uint8Array; group: Uint8Array };
}

/** The result of one replicate of one policy. */
export interface RunResult {
  policy: string;
  replicate: number;
  summary: Record<string, Summary>;
  /** Counts by week, output group and state: read with `countAt` (sim/record.ts). */
  counts: Uint32Array;
  groupNames: string[];
  groupSizes: number[];
  journeys: { name: string; events: JourneyEvent[] }[];
  detail: RunDetail;
}

/**
 * About how many bytes `compare` keeps for its results: every RunResult
 * (weekly counts by group and state, first jobs by week, the personas'
 * journeys, summaries and flows) until the end. Measured on the shipped
 * scenarios to within about 15%; the model's own memory (per agent, freed
 * after each run) is not counted.
 */
export function keptBytes(s: Pick<Scenario, 'groups' | 'personas'>, runs: number, weeks: number): number {
  const groups = outputGroupNames(s).length;
  const perRun = weeks * groups * NUM_STATES * 4 + weeks * 16 + s.personas.length * weeks * 16 + groups * 4096 + 32 * 1024;
  return runs * perRun;
}

export { flowCheckpoints };

/** Run one replicate: a pure function of (scenario, policy, seed, replicate). */
export function runReplicate(s: Scenario, policy: string, replicate: number, opts: RunOptions = {}): RunResult {
  const weeks = opts.weeks ?? s.weeks;
  const m: Model = createModel(s, { policy, seed: opts.seed, replicate, agents: opts.agents, weeks, knobs: opts.knobs });
  const n = m.n;
  const checkpoints = flowCheckpoints(weeks);
  const transitions = new Array<number>(transitionsLength(checkpoints.length)).fill(0);
  let before = Uint8Array.from(m.agents.state);
  const h = Math.min(n, Math.max(0, opts.historyAgents ?? 0));
  const history = h > 0 ? { agents: h, states: new Uint8Array(h * weeks), group: m.agents.group.slice(0, h) } : undefined;
  for (let w = 0, c = 1; w < weeks; w++) {
    step(m);
    if (history) history.states.set(m.agents.state.subarray(0, h), w * h);
    if (w + 1 === checkpoints[c]) {
      const st = m.agents.state;
      for (let i = 0; i < n; i++) transitions[transitionIndex(c - 1, before[i], st[i])]++;
      before = Uint8Array.from(st);
      c++;
    }
  }
  const firstJobs = new Array<number>(weeks).fill(0);
  for (let i = 0; i < n; i++) {
    const fw = m.agents.firstJobWeek[i];
    if (fw >= 0 && fw < weeks) firstJobs[fw]++;
  }
  return {
    policy, replicate, summary: summarise(m), counts: m.recorder.counts, groupNames: m.recorder.groupNames,
    groupSizes: Array.from(m.recorder.size),
    journeys: s.personas.map((p, id) => ({ name: p.name, events: journey(m.events, m.scenario, id) })),
    detail: {
      firstJobs, serviceStarts: Array.from(m.recorder.serviceStarts), serviceMismatched: Array.from(m.recorder.serviceMismatched),
      rejectionsByReason: Array.from(m.recorder.rejectionsByReason), checkpoints, transitions, history,
    },
  };
}

/**
 * One replicate of the scenario under each policy, in the order given: the
 * same people and the same luck under every policy (common random numbers),
 * e.g. to follow the personas through one draw of luck. `knobsByPolicy` as in
 * `compare`; the other options go to every run.
 */
export function runPolicies(
  s: Scenario, policies: readonly string[], replicate: number, opts: Omit<RunOptions, 'knobs'> & { knobsByPolicy?: Record<string, Knobs> } = {},
): RunResult[] {
  const { knobsByPolicy, ...run } = opts;
  return policies.map((p) => runReplicate(s, p, replicate, { ...run, knobs: knobsByPolicy?.[p] }));
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
  /** Keep weekly states of this many agents in replicate 0 (see RunOptions.historyAgents). */
  historyAgents?: number;
}

export interface CompareResult {
  scenario: string;
  seed: number;
  weeks: number;
  agents: number;
  replications: number;
  /** Every scenario value the run changed (see runChanges in sim/settings.ts): dotted path → value; {} when run as the scenario is. */
  changes: Changes;
  /** Per policy key: the full knobs it ran with, and its estimates. */
  policies: Record<string, { knobs: Knobs; summary: EstimateTable; byGroup: Record<string, EstimateTable> }>;
  difference: EstimateTable;
  differenceOf: [string, string];
}

/**
 * Run the same population under each policy with common random numbers and
 * estimate every metric per policy and for the difference (second minus
 * first), with 95% intervals over replicates.
 */
export function compare(s: Scenario, policies: string[], opts: CompareOptions = {}): { result: CompareResult; runs: RunResult[] } {
  const { reps, seed, weeks, agents } = compareSettings(s, opts);
  const runs: RunResult[] = [];
  const total = reps * policies.length;
  for (let r = 0; r < reps; r++) {
    for (const p of policies) {
      runs.push(runReplicate(s, p, r, { seed, weeks, agents, knobs: opts.knobsByPolicy?.[p], historyAgents: r === 0 ? opts.historyAgents : 0 }));
      opts.onProgress?.(runs.length, total);
    }
  }
  return { result: aggregate(s, policies, runs, opts), runs };
}

/** The settings a comparison runs with: the options, else the scenario's (checked by resolveRunSettings). */
export function compareSettings(s: Scenario, opts: CompareOptions = {}): { reps: number; seed: number; weeks: number; agents: number } {
  const { replications, seed, weeks, agents } = resolveRunSettings(s, {}, { replications: opts.replications, seed: opts.seed, weeks: opts.weeks, agents: opts.agents });
  return { reps: replications, seed, weeks, agents };
}

/**
 * Estimates from finished runs (any order; each policy's runs are taken in
 * replicate order). `compare` is `runReplicate` for every (replicate, policy)
 * followed by this, so the page can run the replicates in several workers and
 * still get the CLI's numbers.
 */
export function aggregate(s: Scenario, policies: string[], runs: RunResult[], opts: CompareOptions = {}): CompareResult {
  const { reps, seed, weeks, agents } = compareSettings(s, opts);
  const byPolicy = (p: string) => runs.filter((x) => x.policy === p).sort((x, y) => x.replicate - y.replicate);
  const result: CompareResult = {
    scenario: s.name, seed, weeks, agents, replications: reps, changes: runChanges(s, { agents, weeks, seed, replications: reps }),
    policies: {}, difference: {} as EstimateTable,
    differenceOf: [policies[0], policies[policies.length > 1 ? 1 : 0]],
  };
  for (const p of policies) {
    const rs = byPolicy(p);
    const groups = rs[0].groupNames.filter((g) => g !== 'all');
    result.policies[p] = {
      knobs: opts.knobsByPolicy?.[p] ?? policyKnobs(s, p),
      summary: estimateMetrics(rs.map((x) => x.summary.all)),
      byGroup: Object.fromEntries(groups.map((g) => [g, estimateMetrics(rs.map((x) => x.summary[g]))])),
    };
  }
  const [a, b] = result.differenceOf;
  result.difference = estimateMetrics(differences(byPolicy(a).map((x) => x.summary.all), byPolicy(b).map((x) => x.summary.all)));
  return result;
}

/** Tidy weekly rows: week, replicate, policy, group, metric (state share), value. */
export function* timeSeriesRows(r: RunResult): Generator<[number, number, string, string, string, number]> {
  const weeks = weeksCounted(r);
  for (let w = 0; w < weeks; w++) {
    for (let g = 0; g < r.groupNames.length; g++) {
      const size = r.groupSizes[g];
      for (let st = 0; st < NUM_STATES; st++) {
        const c = countAt(r, w, g, st);
        yield [w + 1, r.replicate, r.policy, r.groupNames[g], STATE_NAMES[st], size > 0 ? c / size : 0];
      }
    }
  }
}
