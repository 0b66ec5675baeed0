/**
 * Hypotheses as files: parse a hypothesis (sim/schema/hypothesis.ts), run its
 * two sides with common random numbers, and judge the paired differences.
 * Browser-safe: no node: imports, no global randomness, no clock.
 */
import { looksLikePath } from './json.ts';
import { outputGroupNames } from './record.ts';
import { runReplicate } from './ensemble.ts';
import { METRIC_TABLE, metricValue, parseMetricKey, type MetricKey } from './metrics.ts';
import { policyNames, type Knobs, type Scenario } from './scenario.ts';
import { policyKnobs, resolveRunSettings, runChanges, type Changes, type RunSettings } from './settings.ts';
import { resolve, show, ValidationError, type FieldError, type Infer } from './schema/dsl.ts';
import { GROUP_PAIR, HYPOTHESIS, SIDE } from './schema/hypothesis.ts';
import { KNOB_NAMES } from './schema/scenario.ts';
import { pairedTest } from './tdist.ts';
import { explain, judge, VERDICT_RULE, wouldChange, type Verdict } from './verdict.ts';

export * from './tdist.ts';
export { VERDICT_RULE, VERDICT_RULE_NB, VERDICT_WORDS, explain, judge, decimalsFor, fmt, fmtP, groupText, verdictMargin, type Expectation, type Judgement, type Verdict, type VerdictFacts, type FactNames } from './verdict.ts';

export type Side = 'A' | 'B';

/*
 * The types of a validated hypothesis, inferred from the schema
 * (sim/schema/hypothesis.ts): a field added there is a field here.
 */

/** One side of the comparison: a policy of the scenario and knob overrides on top of it. */
export type PolicySide = Infer<typeof SIDE>;

/**
 * A validated hypothesis (see the schema for the meaning of each field):
 * `scenario` is a shipped scenario name or a path relative to the hypothesis
 * file (see `scenarioRef`); `metric` is as written, e.g.
 * `employedShareByYear.1`; `group` is the output group read on each side
 * (the same name twice unless two groups are compared).
 */
export type Hypothesis = Omit<Infer<typeof HYPOTHESIS>, 'group'> & { group: Infer<typeof GROUP_PAIR> };
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Split `employedShareByYear.3` into the metric name and the 1-based year (undefined for a scalar metric); see `parseMetricKey`. */
export function parseMetric(metric: string): MetricKey | { error: string } {
  return parseMetricKey(metric);
}

/**
 * Validate a parsed hypothesis file and fill in defaults. Throws
 * ValidationError listing every problem, each with its field path, the bad
 * value and what is allowed ("metric: "x" is not allowed; expected ...").
 * Checks that need the scenario (policy and group names, the year of a metric
 * by year) are made by `checkHypothesis`.
 */
export function parseHypothesis(raw: unknown, source = 'hypothesis'): Hypothesis {
  const errors: FieldError[] = [];
  if (!isObject(raw)) {
    errors.push({ path: '(file)', message: `${show(raw)} is not allowed; expected a JSON object with the fields ${HYPOTHESIS.required?.join(', ')}` });
    throw new ValidationError(errors, source);
  }
  const input: Record<string, unknown> = { ...raw };
  // policies.A / policies.B: a policy name means { base: name }
  if (isObject(input.policies)) {
    const p: Record<string, unknown> = { ...input.policies };
    for (const side of ['A', 'B'] as const) {
      const v = p[side];
      if (typeof v === 'string') p[side] = { base: v };
      else if (v === undefined) {
        errors.push({ path: `policies.${side}`, message: 'is missing; expected a policy name or an object { "base": NAME, "knobs": { KNOB: VALUE } }' });
        p[side] = { base: '-' };
      } else if (!isObject(v)) {
        errors.push({ path: `policies.${side}`, message: `${show(v)} is not allowed; expected a policy name or an object { "base": NAME, "knobs": { KNOB: VALUE } }` });
        p[side] = { base: '-' };
      }
    }
    input.policies = p;
  }
  // group: one name for both sides, or { A, B }
  let group: Record<Side, string> | undefined;
  if (isObject(input.group)) {
    const pair = resolve(GROUP_PAIR, input.group, 'group', errors) as Record<Side, string>;
    group = { A: pair.A, B: pair.B };
    delete input.group;
  } else if (input.group !== undefined && typeof input.group !== 'string') {
    errors.push({ path: 'group', message: `${show(input.group)} is not allowed; expected a group name or an object { "A": NAME, "B": NAME }` });
    delete input.group;
  }
  const h = resolve(HYPOTHESIS, input, '', errors) as Omit<Hypothesis, 'group'> & { group?: string };
  for (const e of errors) {
    if (e.path === 'smallestEffect') e.message = e.message.replace(/; expected .*$/, '; expected a number above 0, in the metric’s units');
  }
  if (errors.length === 0) {
    const m = parseMetric(h.metric);
    if ('error' in m) errors.push({ path: 'metric', message: m.error });
    if (!(h.smallestEffect > 0)) errors.push({ path: 'smallestEffect', message: `${show(h.smallestEffect)} is not allowed; expected a number above 0, in the metric’s units` });
    else if (!('error' in m) && METRIC_TABLE[m.name].kind === 'share' && h.smallestEffect >= 1) {
      errors.push({ path: 'smallestEffect', message: `${show(h.smallestEffect)} is not allowed for ${h.metric}, a share; expected a number above 0 and below 1 (0.05 = 5 percentage points)` });
    }
    const dup = h.findings.find((f, i) => h.findings.indexOf(f) !== i);
    if (dup !== undefined) errors.push({ path: 'findings', message: `${show(dup)} is given more than once` });
  }
  if (errors.length) throw new ValidationError(errors, source);
  const g = group ?? { A: h.group ?? 'all', B: h.group ?? 'all' };
  const out: Hypothesis = {
    name: h.name, statement: h.statement, statementNb: h.statementNb, findings: h.findings, source: h.source, sourceNb: h.sourceNb, notes: h.notes, notesNb: h.notesNb, scenario: h.scenario,
    policies: { A: { base: h.policies.A.base, knobs: { ...h.policies.A.knobs } }, B: { base: h.policies.B.base, knobs: { ...h.policies.B.knobs } } },
    metric: h.metric, group: g, expect: h.expect, smallestEffect: h.smallestEffect,
    replications: h.replications, seed: h.seed, agents: h.agents, weeks: h.weeks,
  };
  for (const k of ['source', 'notes', 'replications', 'seed', 'agents', 'weeks'] as const) if (out[k] === undefined) delete out[k];
  return out;
}

/** Whether the hypothesis names a shipped scenario or a file (a path contains a slash or ends in .json). */
export function scenarioRef(h: Pick<Hypothesis, 'scenario'>): { shipped: string } | { path: string } {
  return looksLikePath(h.scenario) ? { path: h.scenario } : { shipped: h.scenario };
}

/** The full knobs of one side. */
export const sideKnobs = (s: Scenario, side: PolicySide): Knobs => policyKnobs(s, side.base, side.knobs);

/** The settings a hypothesis runs with: the options, else the file's, else the scenario's. */
export type HypothesisSettings = RunSettings;

export interface RunHypothesisOptions {
  replications?: number;
  seed?: number;
  /** How errors name the hypothesis (default `hypothesis NAME`), e.g. as given on the command line. */
  source?: string;
  /** Called after each finished run with (done, total). */
  onProgress?: (done: number, total: number) => void;
}

/**
 * The settings a hypothesis runs with (resolveRunSettings): the options
 * (--replications, --seed), else the file's, else the scenario's. Throws
 * ValidationError naming the file's field (too few agents for the personas).
 */
export function hypothesisSettings(h: Hypothesis, s: Scenario, opts: RunHypothesisOptions = {}): HypothesisSettings {
  const file = { replications: h.replications, seed: h.seed, agents: h.agents, weeks: h.weeks };
  const { replications, seed, agents, weeks } = resolveRunSettings(s, file, { replications: opts.replications, seed: opts.seed }, { file: opts.source ?? `hypothesis ${h.name}` });
  return { replications, seed, agents, weeks };
}

/**
 * Checks that need the scenario: the policies exist, the groups exist, a
 * metric by year asks for a year the run reaches, the sides differ and there
 * are at least two replications (hypothesisSettings checks the agents). Throws
 * ValidationError naming the field.
 */
export function checkHypothesis(h: Hypothesis, s: Scenario, settings: HypothesisSettings, source = `hypothesis ${h.name}`): void {
  const errors: FieldError[] = [];
  const known = policyNames(s);
  for (const side of ['A', 'B'] as const) {
    const base = h.policies[side].base;
    if (!known.includes(base)) errors.push({ path: `policies.${side}${Object.keys(h.policies[side].knobs).length ? '.base' : ''}`, message: `${show(base)} is not a policy of scenario ${s.name}; known: ${known.join(', ')}` });
  }
  const groups = outputGroupNames(s);
  const pair = h.group.A !== h.group.B;
  for (const side of ['A', 'B'] as const) {
    if (!groups.includes(h.group[side]) && (side === 'A' || pair)) {
      errors.push({ path: pair ? `group.${side}` : 'group', message: `${show(h.group[side])} is not a group of scenario ${s.name}; expected one of ${groups.join(', ')}` });
    }
  }
  const m = parseMetricKey(h.metric, { weeks: settings.weeks });
  if ('error' in m) errors.push({ path: 'metric', message: m.error });
  if (settings.replications < 2) {
    errors.push({ path: 'replications', message: `${settings.replications} is not allowed; a paired test needs at least 2 replications` });
  }
  if (errors.length === 0 && !pair && sameKnobs(sideKnobs(s, h.policies.A), sideKnobs(s, h.policies.B))) {
    errors.push({ path: 'policies.B', message: 'gives the same knobs as A for the same group, so there is nothing to compare; change a knob or compare two groups' });
  }
  if (errors.length) throw new ValidationError(errors, source);
}

const sameKnobs = (a: Knobs, b: Knobs) => KNOB_NAMES.every((k) => a[k] === b[k]);

/**
 * The model runs `runHypothesis` makes at `settings`: one per replication and
 * side, or one per replication when both sides have the same knobs (two
 * groups read from the same runs).
 */
export function hypothesisRuns(h: Pick<Hypothesis, 'policies'>, s: Scenario, settings: Pick<HypothesisSettings, 'replications'>): number {
  return settings.replications * (sameKnobs(sideKnobs(s, h.policies.A), sideKnobs(s, h.policies.B)) ? 1 : 2);
}

// ---------------------------------------------------------------------------
// Running a hypothesis

export interface SideResult {
  /** The side as written: the base policy and the knobs it changes. */
  policy: PolicySide;
  /** A short label: "personalised", or "standardised with proactiveInformation 0.7". */
  label: string;
  knobs: Knobs;
  group: string;
  /** The metric per replicate, its mean and 95% interval. */
  values: number[];
  mean: number;
  ci95: [number, number];
}

/** The hypothesis as written (name, statement, ... smallest effect) and what its run gave. */
export interface HypothesisResult extends Pick<Hypothesis, 'name' | 'statement' | 'findings' | 'source' | 'notes' | 'scenario' | 'metric' | 'expect' | 'smallestEffect'> {
  settings: HypothesisSettings;
  /** Every scenario value the runs change (see runChanges in sim/settings.ts); each side's full knobs are in A.knobs and B.knobs. */
  changes: Changes;
  metricDoc: string;
  A: SideResult;
  B: SideResult;
  /** Per-replicate paired differences B − A (same people, same luck). */
  differences: number[];
  /** Mean difference B − A, its 95% t-interval and the sd of the differences. */
  effect: { mean: number; ci95: [number, number]; sd: number; se: number };
  /** Two-sided paired t-test of no difference. */
  test: { t: number; df: number; p: number };
  /** The effect in the expected direction (see VERDICT_RULE). */
  expectedEffect: { mean: number; ci95: [number, number] };
  verdict: Verdict;
  rule: string;
  /** Inconclusive only: see Judgement.replicationsNeeded. */
  replicationsNeeded?: number;
  /** Inconclusive only: see Judgement.replicationsToSettle. */
  replicationsToSettle?: number;
  /** What would change the verdict, in one or two sentences. */
  wouldChange: string;
  /** One paragraph in plain language, with the numbers. */
  explanation: string;
}

/** "personalised" or "standardised with proactiveInformation 0.7, followUp 0.8". */
export function sideLabel(side: PolicySide): string {
  const changes = Object.entries(side.knobs).filter(([, v]) => v !== undefined).map(([k, v]) => `${k} ${v}`);
  return changes.length ? `${side.base} with ${changes.join(', ')}` : side.base;
}

/**
 * Run a hypothesis: each replicate runs side A and side B with the same seed
 * and replicate number (same people, same luck), reads the metric for each
 * side's group and takes d = B − A; then judges the differences
 * (`judge`). When both sides have the same knobs (two groups compared) each
 * replicate runs once. Throws ValidationError when the hypothesis does not fit
 * the scenario (`checkHypothesis`).
 */
export function runHypothesis(h: Hypothesis, scenario: Scenario, opts: RunHypothesisOptions = {}): HypothesisResult {
  const settings = hypothesisSettings(h, scenario, opts);
  checkHypothesis(h, scenario, settings, opts.source);
  const metric = parseMetricKey(h.metric) as MetricKey;
  const knobs = { A: sideKnobs(scenario, h.policies.A), B: sideKnobs(scenario, h.policies.B) };
  const label = { A: sideLabel(h.policies.A), B: sideLabel(h.policies.B) };
  const once = sameKnobs(knobs.A, knobs.B);
  const R = settings.replications;
  const total = hypothesisRuns(h, scenario, settings);
  const values: Record<Side, number[]> = { A: [], B: [] };
  const run = { seed: settings.seed, agents: settings.agents, weeks: settings.weeks };
  let done = 0;
  for (let r = 0; r < R; r++) {
    const a = runReplicate(scenario, label.A, r, { ...run, knobs: knobs.A });
    opts.onProgress?.(++done, total);
    const b = once ? a : runReplicate(scenario, label.B, r, { ...run, knobs: knobs.B });
    if (!once) opts.onProgress?.(++done, total);
    values.A.push(metricValue(a.summary[h.group.A], metric));
    values.B.push(metricValue(b.summary[h.group.B], metric));
  }
  const differences = values.B.map((v, r) => v - values.A[r]);
  const j = judge(differences, h.expect, h.smallestEffect);
  const side = (s: Side): SideResult => {
    const t = pairedTest(values[s]);
    return { policy: h.policies[s], label: label[s], knobs: knobs[s], group: h.group[s], values: values[s], mean: t.mean, ci95: t.ci95 };
  };
  const result: HypothesisResult = {
    name: h.name, statement: h.statement, findings: h.findings, source: h.source, notes: h.notes, scenario: scenario.name, settings,
    changes: runChanges(scenario, settings),
    metric: h.metric, metricDoc: METRIC_TABLE[metric.name].doc.en, expect: h.expect, smallestEffect: h.smallestEffect,
    A: side('A'), B: side('B'), differences,
    effect: { mean: j.test.mean, ci95: j.test.ci95, sd: j.test.sd, se: j.test.se },
    test: { t: j.test.t, df: j.test.df, p: j.test.p },
    expectedEffect: j.expected, verdict: j.verdict, rule: VERDICT_RULE,
    replicationsNeeded: j.replicationsNeeded, replicationsToSettle: j.replicationsToSettle, wouldChange: '', explanation: '',
  };
  if (result.source === undefined) delete result.source;
  if (result.notes === undefined) delete result.notes;
  if (result.replicationsNeeded === undefined) delete result.replicationsNeeded;
  if (result.replicationsToSettle === undefined) delete result.replicationsToSettle;
  result.wouldChange = wouldChange(result);
  result.explanation = explain(result);
  return result;
}
