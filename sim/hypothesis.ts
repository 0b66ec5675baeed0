/**
 * Hypotheses as files: parse a hypothesis (sim/schema/hypothesis.ts), run its
 * two sides with common random numbers, and judge the paired differences.
 * Browser-safe: no node: imports, no global randomness, no clock.
 */
import { runReplicate, type RunResult } from './ensemble.ts';
import { METRIC_DOCS, METRICS, type MetricName } from './metrics.ts';
import { policyNames, resolvePolicy, type Knobs, type Scenario } from './scenario.ts';
import { resolve, show, ValidationError, type FieldError } from './schema/dsl.ts';
import { GROUP_PAIR, HYPOTHESIS } from './schema/hypothesis.ts';
import { KNOBS } from './schema/scenario.ts';

export type Side = 'A' | 'B';
export type Expectation = 'increase' | 'decrease';
export type Verdict = 'supported' | 'contradicted' | 'inconclusive';

/** One side of the comparison: a policy of the scenario and knob overrides on top of it. */
export interface PolicySide {
  base: string;
  knobs: Partial<Knobs>;
}

/** A validated hypothesis (see the schema for the meaning of each field). */
export interface Hypothesis {
  name: string;
  statement: string;
  findings: string[];
  source?: string;
  notes?: string;
  /** A shipped scenario name or a path relative to the hypothesis file (see `scenarioRef`). */
  scenario: string;
  policies: Record<Side, PolicySide>;
  /** The metric as written, e.g. `employedShareByYear.1`. */
  metric: string;
  /** Output group read on each side (the same name twice unless two groups are compared). */
  group: Record<Side, string>;
  expect: Expectation;
  smallestEffect: number;
  replications?: number;
  seed?: number;
  agents?: number;
  weeks?: number;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9-]*$/;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Split `employedShareByYear.3` into the metric name and the 1-based year (undefined for a scalar metric). */
export function parseMetric(metric: string): { name: MetricName; year?: number } | { error: string } {
  const m = /^([A-Za-z]+)(?:\.(\d+))?$/.exec(metric);
  const list = `expected one of ${METRICS.join(', ')} (a metric by year as employedShareByYear.1, .2, ...)`;
  if (!m || !(METRICS as readonly string[]).includes(m[1])) return { error: `${show(metric)} is not allowed; ${list}` };
  const name = m[1] as MetricName;
  const isArray = name === 'employedShareByYear';
  if (isArray && m[2] === undefined) return { error: `${show(metric)} is not allowed; ${name} is a metric by year: give the year after a dot, e.g. ${name}.1 for the end of year 1` };
  if (!isArray && m[2] !== undefined) return { error: `${show(metric)} is not allowed; ${name} is one number, not a metric by year: write ${name}` };
  const year = m[2] === undefined ? undefined : Number(m[2]);
  if (year !== undefined && year < 1) return { error: `${show(metric)} is not allowed; years start at 1 (${name}.1 is the end of year 1)` };
  return { name, year };
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
    if (!NAME.test(h.name)) errors.push({ path: 'name', message: `${show(h.name)} is not allowed; expected letters, digits and hyphens` });
    const m = parseMetric(h.metric);
    if ('error' in m) errors.push({ path: 'metric', message: m.error });
    if (!(h.smallestEffect > 0)) errors.push({ path: 'smallestEffect', message: `${show(h.smallestEffect)} is not allowed; expected a number above 0, in the metric’s units` });
    const dup = h.findings.find((f, i) => h.findings.indexOf(f) !== i);
    if (dup !== undefined) errors.push({ path: 'findings', message: `${show(dup)} is given more than once` });
  }
  if (errors.length) throw new ValidationError(errors, source);
  const g = group ?? { A: h.group ?? 'all', B: h.group ?? 'all' };
  const out: Hypothesis = {
    name: h.name, statement: h.statement, findings: h.findings, source: h.source, notes: h.notes, scenario: h.scenario,
    policies: { A: { base: h.policies.A.base, knobs: { ...h.policies.A.knobs } }, B: { base: h.policies.B.base, knobs: { ...h.policies.B.knobs } } },
    metric: h.metric, group: g, expect: h.expect, smallestEffect: h.smallestEffect,
    replications: h.replications, seed: h.seed, agents: h.agents, weeks: h.weeks,
  };
  for (const k of ['source', 'notes', 'replications', 'seed', 'agents', 'weeks'] as const) if (out[k] === undefined) delete out[k];
  return out;
}

/** Whether the hypothesis names a shipped scenario or a file (a path contains a slash or ends in .json). */
export function scenarioRef(h: Pick<Hypothesis, 'scenario'>): { shipped: string } | { path: string } {
  return /[/\\]/.test(h.scenario) || /\.json$/i.test(h.scenario) ? { path: h.scenario } : { shipped: h.scenario };
}

/** The output groups of a scenario: `all`, its groups, and the two groups by economic rights. */
export const outputGroups = (s: Scenario): string[] => ['all', ...s.groups.map((g) => g.name), 'withBenefitRights', 'withoutBenefitRights'];

/** The full knobs of one side. */
export function sideKnobs(s: Scenario, side: PolicySide): Knobs {
  const k = resolvePolicy(s, side.base);
  for (const [name, v] of Object.entries(side.knobs)) if (v !== undefined) k[name as keyof Knobs] = v;
  return k;
}

/** The settings a hypothesis runs with: the options, else the file's, else the scenario's. */
export interface HypothesisSettings {
  replications: number;
  seed: number;
  agents: number;
  weeks: number;
}

export interface RunHypothesisOptions {
  replications?: number;
  seed?: number;
  /** Called after each finished run with (done, total). */
  onProgress?: (done: number, total: number) => void;
}

export function hypothesisSettings(h: Hypothesis, s: Scenario, opts: RunHypothesisOptions = {}): HypothesisSettings {
  return {
    replications: opts.replications ?? h.replications ?? s.replications,
    seed: opts.seed ?? h.seed ?? s.seed,
    agents: h.agents ?? s.agents,
    weeks: h.weeks ?? s.weeks,
  };
}

/**
 * Checks that need the scenario: the policies exist, the groups exist, a
 * metric by year asks for a year the run reaches, the sides differ, there are
 * enough agents for the personas and at least two replications. Throws
 * ValidationError naming the field.
 */
export function checkHypothesis(h: Hypothesis, s: Scenario, settings: HypothesisSettings, source = `hypothesis ${h.name}`): void {
  const errors: FieldError[] = [];
  const known = policyNames(s);
  for (const side of ['A', 'B'] as const) {
    const base = h.policies[side].base;
    if (!known.includes(base)) errors.push({ path: `policies.${side}${Object.keys(h.policies[side].knobs).length ? '.base' : ''}`, message: `${show(base)} is not a policy of scenario ${s.name}; known: ${known.join(', ')}` });
  }
  const groups = outputGroups(s);
  const pair = h.group.A !== h.group.B;
  for (const side of ['A', 'B'] as const) {
    if (!groups.includes(h.group[side]) && (side === 'A' || pair)) {
      errors.push({ path: pair ? `group.${side}` : 'group', message: `${show(h.group[side])} is not a group of scenario ${s.name}; expected one of ${groups.join(', ')}` });
    }
  }
  const m = parseMetric(h.metric);
  const years = Math.floor(settings.weeks / 52);
  if (!('error' in m) && m.year !== undefined && m.year > years) {
    errors.push({ path: 'metric', message: `${show(h.metric)} is not allowed; a run of ${settings.weeks} weeks has ${years} whole year${years === 1 ? '' : 's'}${years ? `, so the year must be 1 to ${years}` : ''}` });
  }
  if (settings.agents < s.personas.length) {
    errors.push({ path: 'agents', message: `${settings.agents} is not allowed; scenario ${s.name} has ${s.personas.length} personas, so it needs at least ${s.personas.length} agents` });
  }
  if (settings.replications < 2) {
    errors.push({ path: 'replications', message: `${settings.replications} is not allowed; a paired test needs at least 2 replications` });
  }
  if (errors.length === 0 && !pair && sameKnobs(sideKnobs(s, h.policies.A), sideKnobs(s, h.policies.B))) {
    errors.push({ path: 'policies.B', message: 'gives the same knobs as A for the same group, so there is nothing to compare; change a knob or compare two groups' });
  }
  if (errors.length) throw new ValidationError(errors, source);
}

const sameKnobs = (a: Knobs, b: Knobs) => (Object.keys(KNOBS.fields) as (keyof Knobs)[]).every((k) => a[k] === b[k]);

// ---------------------------------------------------------------------------
// Student's t distribution

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos approximation, g = 7; relative error about 1e-15). */
export function lnGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lnGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i] / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Continued fraction of the incomplete beta function (modified Lentz; Numerical Recipes §6.4). */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const TINY = 1e-300, EPS = 1e-15;
  const qab = a + b, qap = a + 1, qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  // converges in O(sqrt(max(a, b))) steps
  const maxIter = 100 + Math.ceil(20 * Math.sqrt(Math.max(a, b)));
  for (let m = 1; m <= maxIter; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  return h;
}

/** The regularised incomplete beta function I_x(a, b), for 0 ≤ x ≤ 1 and a, b > 0. */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (!(x >= 0 && x <= 1) || !(a > 0) || !(b > 0)) return NaN;
  if (x === 0 || x === 1) return x;
  const lnFront = lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(lnFront) * betaContinuedFraction(x, a, b)) / a;
  return 1 - (Math.exp(lnFront) * betaContinuedFraction(1 - x, b, a)) / b;
}

/** P(T ≤ t) for Student's t with `df` > 0 degrees of freedom (df need not be an integer). */
export function tCdf(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return NaN;
  if (t === Infinity) return 1;
  if (t === -Infinity) return 0;
  // P(|T| > |t|) = I_{df/(df+t²)}(df/2, 1/2)
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t > 0 ? 1 - tail : tail;
}

/** Two-sided p-value of a t statistic: P(|T| ≥ |t|). */
export function tTwoSidedP(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return NaN;
  if (!Number.isFinite(t)) return 0;
  return Math.min(1, incompleteBeta(df / (df + t * t), df / 2, 0.5));
}

/** The p-quantile of Student's t with `df` degrees of freedom (bisection on tCdf; 0 < p < 1). */
export function tQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1) || !(df > 0)) return NaN;
  if (p === 0.5) return 0;
  if (p < 0.5) return -tQuantile(1 - p, df);
  let lo = 0, hi = 1;
  while (tCdf(hi, df) < p && hi < 1e300) {
    lo = hi;
    hi *= 2;
  }
  for (let i = 0; i < 200 && hi - lo > 1e-13 * Math.max(1, hi); i++) {
    const mid = (lo + hi) / 2;
    if (tCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

// ---------------------------------------------------------------------------
// The paired test and the verdict

/** A two-sided paired t-test of mean difference 0, with the 95% t-interval of the mean. */
export interface PairedTest {
  n: number;
  mean: number;
  /** Standard deviation of the differences (n − 1 in the denominator). */
  sd: number;
  /** Standard error of the mean, sd / √n. */
  se: number;
  ci95: [number, number];
  t: number;
  df: number;
  p: number;
}

export function pairedTest(d: ArrayLike<number>): PairedTest {
  const n = d.length;
  if (n < 2) throw new RangeError(`a paired test needs at least 2 differences, got ${n}`);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += d[i];
  let same = true;
  for (let i = 1; i < n && same; i++) same = d[i] === d[0];
  const mean = same ? d[0] : sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (d[i] - mean) ** 2;
  const sd = Math.sqrt(ss / (n - 1)); // exactly 0 when all differences are equal
  const se = sd / Math.sqrt(n);
  const df = n - 1;
  const half = tQuantile(0.975, df) * se;
  let t: number, p: number;
  if (se > 0) {
    t = mean / se;
    p = tTwoSidedP(t, df);
  } else {
    // all differences equal: no noise at all
    t = mean === 0 ? 0 : mean > 0 ? Infinity : -Infinity;
    p = mean === 0 ? 1 : 0;
  }
  return { n, mean, sd, se, ci95: [mean - half, mean + half], t, df, p };
}

/**
 * Replications for 80% power to detect an effect of `delta` with a two-sided
 * 5% paired t-test when the differences have standard deviation `sd`: the
 * smallest n ≥ 2 with
 *
 *     √n ≥ (t(0.975, n − 1) + t(0.80, n − 1)) · sd / delta
 *
 * (the usual t-corrected version of n = ((z₀.₉₇₅ + z₀.₈₀) · sd / delta)²).
 */
export function replicationsFor80Power(sd: number, delta: number): number {
  if (!(delta > 0) || !(sd >= 0) || !Number.isFinite(sd)) return NaN;
  const ok = (n: number) => Math.sqrt(n) >= ((tQuantile(0.975, n - 1) + tQuantile(0.8, n - 1)) * sd) / delta;
  let n = Math.max(2, Math.ceil((((1.959963984540054 + 0.8416212335729143) * sd) / delta) ** 2));
  if (n > 1e7) return n; // the normal approximation is exact enough this far out
  while (!ok(n)) n++;
  while (n > 2 && ok(n - 1)) n--;
  return n;
}

export const VERDICT_RULE =
  'Let e be the per-replicate difference B − A turned towards the expected direction (B − A for increase, A − B for decrease) and δ the smallest effect. ' +
  'SUPPORTED when the 95% interval of e lies entirely above 0 and the mean of e is at least δ; ' +
  'CONTRADICTED when the interval of e lies entirely below δ (any effect in the expected direction is smaller than what matters, or it goes the other way); ' +
  'INCONCLUSIVE otherwise.';

/** The paired test plus the verdict. */
export interface Judgement {
  /** Of d = B − A. */
  test: PairedTest;
  /** Mean and interval of e, the effect in the expected direction (d for increase, −d for decrease). */
  expected: { mean: number; ci95: [number, number] };
  verdict: Verdict;
  /** Only for an inconclusive verdict: replications for 80% power to detect δ (see replicationsFor80Power). */
  replicationsNeeded?: number;
  /**
   * Only for an inconclusive verdict: replications that would settle it with
   * 80% probability if the true effect were the observed mean m (of e): the
   * interval must leave 0 behind when m ≥ δ (supported) or drop below δ when
   * m < δ (contradicted), so it is replicationsFor80Power(sd, m ≥ δ ? m : δ − m).
   * Unlike replicationsNeeded it also covers an effect that is clearly there
   * but close to δ.
   */
  replicationsToSettle?: number;
}

/** Judge per-replicate differences d = B − A against the expectation and the smallest effect (VERDICT_RULE). */
export function judge(d: ArrayLike<number>, expect: Expectation, smallestEffect: number): Judgement {
  const test = pairedTest(d);
  const sign = expect === 'increase' ? 1 : -1;
  const ends = [sign * test.ci95[0], sign * test.ci95[1]];
  const expected = { mean: sign * test.mean, ci95: [Math.min(...ends), Math.max(...ends)] as [number, number] };
  const verdict: Verdict = expected.ci95[0] > 0 && expected.mean >= smallestEffect ? 'supported'
    : expected.ci95[1] < smallestEffect ? 'contradicted' : 'inconclusive';
  const out: Judgement = { test, expected, verdict };
  if (verdict === 'inconclusive') {
    out.replicationsNeeded = replicationsFor80Power(test.sd, smallestEffect);
    const m = expected.mean;
    out.replicationsToSettle = replicationsFor80Power(test.sd, m >= smallestEffect ? m : smallestEffect - m);
  }
  return out;
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

export interface HypothesisResult {
  name: string;
  statement: string;
  findings: string[];
  source?: string;
  notes?: string;
  scenario: string;
  settings: HypothesisSettings;
  metric: string;
  metricDoc: string;
  expect: Expectation;
  smallestEffect: number;
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

function metricValue(run: RunResult, group: string, metric: { name: MetricName; year?: number }): number {
  const v = run.summary[group][metric.name];
  return Array.isArray(v) ? v[(metric.year ?? 1) - 1] : v;
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
  checkHypothesis(h, scenario, settings);
  const metric = parseMetric(h.metric) as { name: MetricName; year?: number };
  const knobs = { A: sideKnobs(scenario, h.policies.A), B: sideKnobs(scenario, h.policies.B) };
  const label = { A: sideLabel(h.policies.A), B: sideLabel(h.policies.B) };
  const once = sameKnobs(knobs.A, knobs.B);
  const R = settings.replications;
  const total = R * (once ? 1 : 2);
  const values: Record<Side, number[]> = { A: [], B: [] };
  const run = { seed: settings.seed, agents: settings.agents, weeks: settings.weeks };
  let done = 0;
  for (let r = 0; r < R; r++) {
    const a = runReplicate(scenario, label.A, r, { ...run, knobs: knobs.A });
    opts.onProgress?.(++done, total);
    const b = once ? a : runReplicate(scenario, label.B, r, { ...run, knobs: knobs.B });
    if (!once) opts.onProgress?.(++done, total);
    values.A.push(metricValue(a, h.group.A, metric));
    values.B.push(metricValue(b, h.group.B, metric));
  }
  const differences = values.B.map((v, r) => v - values.A[r]);
  const j = judge(differences, h.expect, h.smallestEffect);
  const side = (s: Side): SideResult => {
    const t = pairedTest(values[s]);
    return { policy: h.policies[s], label: label[s], knobs: knobs[s], group: h.group[s], values: values[s], mean: t.mean, ci95: t.ci95 };
  };
  const result: HypothesisResult = {
    name: h.name, statement: h.statement, findings: h.findings, source: h.source, notes: h.notes, scenario: scenario.name, settings,
    metric: h.metric, metricDoc: METRIC_DOCS[metric.name], expect: h.expect, smallestEffect: h.smallestEffect,
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

// ---------------------------------------------------------------------------
// Words

/** Decimals to show for numbers in the metric's units: two more than the smallest effect needs. */
export function decimalsFor(smallestEffect: number): number {
  return Math.min(6, Math.max(1, Math.ceil(-Math.log10(smallestEffect)) + 2));
}

/** A number with `decimals` decimals, without "-0". */
export function fmt(v: number, decimals: number): string {
  if (!Number.isFinite(v)) return v > 0 ? '∞' : v < 0 ? '−∞' : 'n/a';
  const s = v.toFixed(decimals);
  return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
}

/** A p-value: "< 0.0001" or four decimals. */
export const fmtP = (p: number): string => (p < 0.0001 ? '< 0.0001' : `= ${p.toFixed(4)}`);

/** "all", "youth", or "withBenefitRights (A) and withoutBenefitRights (B)". */
export const groupText = (r: Pick<HypothesisResult, 'A' | 'B'>): string =>
  r.A.group === r.B.group ? r.A.group : `${r.A.group} (A) and ${r.B.group} (B)`;

function wouldChange(r: HypothesisResult): string {
  const dp = decimalsFor(r.smallestEffect);
  const f = (v: number) => fmt(v, dp);
  const e = r.expectedEffect;
  switch (r.verdict) {
    case 'supported':
      return `It would be inconclusive if the smallest effect that matters were above ${f(e.mean)} (the mean effect), or if the interval, ${f(e.ci95[0])} to ${f(e.ci95[1])} in the expected direction, reached 0.`;
    case 'contradicted':
      return `It would be inconclusive if the smallest effect that matters were ${f(e.ci95[1])} or less (the upper end of the interval in the expected direction).`;
    case 'inconclusive': {
      const settle = e.mean >= r.smallestEffect ? 'the interval would leave 0 behind and the hypothesis would be supported'
        : `the interval would fall below ${f(r.smallestEffect)} and the hypothesis would be contradicted`;
      const parts = [
        `If the true effect is the observed ${f(e.mean)}, about ${r.replicationsToSettle} replications would settle it: ${settle} (run with --replications ${r.replicationsToSettle}).`,
        `About ${r.replicationsNeeded} replications give 80% power to tell an effect of ${f(r.smallestEffect)} from none (sd of the differences ${fmt(r.effect.sd, dp + 1)}).`,
      ];
      if (e.ci95[0] > 0) parts.push(`With a smallest effect of ${f(e.mean)} or less it would be supported; above ${f(e.ci95[1])}, contradicted.`);
      else parts.push(`With a smallest effect above ${f(e.ci95[1])} it would be contradicted.`);
      return parts.join(' ');
    }
  }
}

function explain(r: HypothesisResult): string {
  const dp = decimalsFor(r.smallestEffect);
  const f = (v: number) => fmt(v, dp);
  const { settings: st, effect, expectedEffect: e, smallestEffect: delta } = r;
  const word = r.expect === 'increase' ? 'an increase' : 'a decrease';
  const diff = effect.mean === 0 ? 'the same' : `${f(Math.abs(effect.mean))} ${effect.mean > 0 ? 'higher' : 'lower'}`;
  const what = r.A.group === r.B.group
    ? `${r.metric} for ${r.A.group === 'all' ? 'everyone' : `the group ${r.A.group}`} was ${diff} under B (${r.B.label}) than under A (${r.A.label})`
    : `${r.metric} was ${diff} for ${r.B.group} under B (${r.B.label}) than for ${r.A.group} under A (${r.A.label})`;
  const pairing = r.A.group !== r.B.group && r.A.label === r.B.label ? 'both groups read from the same runs' : 'the same people and the same luck under both sides';
  const lead = `Over ${st.replications} paired replications of ${r.scenario} (${st.agents} agents, ${st.weeks} weeks; ${pairing}), ` +
    `${what}: B − A = ${f(effect.mean)}, 95% interval ${f(effect.ci95[0])} to ${f(effect.ci95[1])} ` +
    `(paired t = ${fmt(r.test.t, 2)}, df = ${r.test.df}, p ${fmtP(r.test.p)}). The hypothesis expects ${word} of at least ${f(delta)}.`;
  let why: string;
  switch (r.verdict) {
    case 'supported':
      why = `The whole interval is on the expected side of zero and the mean effect, ${f(e.mean)}, reaches the smallest effect that matters, so the hypothesis is SUPPORTED in the model.`;
      break;
    case 'contradicted':
      why = e.ci95[1] <= 0
        ? `The whole interval is on the other side: the effect goes against the expected direction, so the hypothesis is CONTRADICTED in the model.`
        : `The whole interval lies below ${f(delta)} in the expected direction: any effect in that direction is smaller than what matters${e.ci95[0] > 0 ? ' (though it is there)' : ''}, so the hypothesis is CONTRADICTED in the model.`;
      break;
    case 'inconclusive':
      why = (e.ci95[0] > 0
        ? `The effect is in the expected direction, but whether it matters is not settled: the mean, ${f(e.mean)}, is below ${f(delta)} while the interval still reaches it, so the hypothesis is INCONCLUSIVE.`
        : `The interval includes both zero and effects that matter, so the hypothesis is INCONCLUSIVE.`) +
        ` About ${r.replicationsNeeded} replications give 80% power to tell an effect of ${f(delta)} from none` +
        `${(r.replicationsNeeded ?? 0) <= st.replications ? ', and this run had that many' : ''}; if the true effect is the observed ${f(e.mean)}, about ${r.replicationsToSettle} would settle it.`;
      break;
  }
  return `${lead} ${why} This is a result about the model under the scenario’s assumptions, not a prediction for real people.`;
}
