/**
 * What-ifs with more than two arms: a baseline arm and 1 to `MAX_VARIANTS`
 * variant arms, each a label, a policy of the scenario, knob overrides on
 * top of it and scenario values changed by dotted path (`changedScenario`,
 * sim/changes.ts, as a target's setting). Every arm runs on the same people
 * with the same luck: the same seed and replicate numbers (common random
 * numbers), so each variant's difference from the baseline is taken per
 * replicate (paired).
 *
 * Browser-safe and pure (no node: imports, no global randomness, no clock).
 * The work is split so that the page can run it in workers and still get
 * the CLI's numbers:
 *
 * - `planArms`: check a comparison against the scenario and the run
 *   settings, once (a plan is plain data, so it can be posted to a worker);
 * - `runArm(plan, arm, replicate)`: one run, a pure function of its
 *   arguments, giving the summaries and group sizes (`ArmRun`);
 * - `aggregateArms(plan, runs)`: the estimates from the collected runs, in
 *   any order;
 * - `compareArms`: the three in a row, for the CLI.
 *
 * The cost-effectiveness ratios (cost per extra person in work, per extra
 * person-year in work) take their 95% interval from Fieller's theorem on the
 * paired replicate differences (`fiellerRatio`; see docs/MODEL.md, section 8).
 */
import { settingLabel } from './calibrate/targets.ts';
import { changedScenario, type ScenarioChanges } from './changes.ts';
import { EMPLOYED, WEEKS_PER_YEAR } from './constants.ts';
import { countAt, groupIndex } from './record.ts';
import { differences, estimateMetrics, runReplicate, type EstimateTable } from './ensemble.ts';
import { InputError } from './errors.ts';
import { fixed } from './format.ts';
import { METRIC_TABLE, METRICS, metricKeyText, type MetricName, type Summary } from './metrics.ts';
import { policyNames, type Knobs, type Scenario } from './scenario.ts';
import { ARM, COMPARISON, MAX_VARIANTS } from './schema/arms.ts';
import { resolve, show, ValidationError, type FieldError, type Infer } from './schema/dsl.ts';
import { applyKnobs, policyKnobs, resolveRunSettings, runChanges, SETTING_NAMES, type Changes, type RunSettings } from './settings.ts';
import { estimate, type Estimate } from './stats.ts';
import { NUMBER } from './sweep/params.ts';
import { tQuantile975 } from './tdist.ts';

export { MAX_VARIANTS };

// ---------------------------------------------------------------------------
// Arms and comparisons

/** An arm as given: a policy of the scenario, knob overrides on top of it and scenario values changed by dotted path. */
export interface ArmInput {
  /** Default: the policy with its knobs and changes (`settingLabel`: "standardised with followUp 0.8"). */
  label?: string;
  policy: string;
  knobs?: Partial<Knobs>;
  changes?: ScenarioChanges;
}

/** A comparison as given: a baseline and 1 to MAX_VARIANTS variants. */
export interface ComparisonInput {
  /** The scenario's name, when the comparison names one (a file); it must be the scenario's. */
  scenario?: string;
  description?: string;
  baseline: ArmInput;
  variants: ArmInput[];
}

/** A checked arm: what it runs with. */
export interface Arm {
  label: string;
  policy: string;
  /** The knob overrides given (on top of the policy). */
  overrides: Partial<Knobs>;
  /** The full knobs it runs with. */
  knobs: Knobs;
  /** The scenario values it changes, by dotted path ({} for none). */
  changes: ScenarioChanges;
}

/** A checked comparison, ready to run: plain data (it may be posted to a worker). */
export interface ArmsPlan {
  /** The scenario as given (each arm's own, with its changes, is in `arms`). */
  scenario: Scenario;
  description?: string;
  settings: RunSettings;
  /** The baseline first, then the variants in order. */
  arms: (Arm & { scenario: Scenario })[];
}

/** Where an arm's fields are in a comparison file (`baseline`, `variants[0]`, ...): the paths of planArms's errors. */
export const armPath = (i: number): string => (i === 0 ? 'baseline' : `variants[${i - 1}]`);

/** An arm in words, for messages: `the baseline`, `variant 2`. */
export const armName = (i: number): string => (i === 0 ? 'the baseline' : `variant ${i}`);

/** The arm index and field of an error path of planArms (`variants[1].changes.office.caseload` → arm 2, field `changes.office.caseload`); undefined for a path of the whole comparison. */
export function armOfPath(path: string): { arm: number; field: string } | undefined {
  const m = /^(baseline|variants\[(\d+)\])(?:\.(.*))?$/.exec(path);
  if (!m) return undefined;
  return { arm: m[1] === 'baseline' ? 0 : Number(m[2]) + 1, field: m[3] ?? '' };
}

const ARM_FORMS = 'an arm: a policy name, or { "label": TEXT, "policy": NAME, "knobs": {...}, "changes": {...} }';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Validate a parsed comparison file (sim/schema/arms.ts) and fill in what it
 * leaves out. Throws ValidationError listing every problem with its field
 * path (`variants[1].knobs.folowUp: is not a knob (did you mean followUp?)`).
 * Checks that need the scenario are made by `planArms`.
 */
export function parseComparison(raw: unknown, source = 'comparison'): ComparisonInput {
  const errors: FieldError[] = [];
  if (!isObject(raw)) {
    errors.push({ path: '(file)', message: `${show(raw)} is not allowed; expected a JSON object with the fields ${COMPARISON.required?.join(', ')}` });
    throw new ValidationError(errors, source);
  }
  const input: Record<string, unknown> = { ...raw };
  // an arm may be a policy name (ARM.alsoAccepts)
  const arm = (v: unknown) => (typeof v === 'string' ? { policy: v } : v);
  if (input.baseline === undefined) {
    errors.push({ path: 'baseline', message: `is missing; expected ${ARM_FORMS}` });
    input.baseline = { policy: '-' };
  } else input.baseline = arm(input.baseline);
  if (Array.isArray(input.variants)) input.variants = input.variants.map(arm);
  const c = resolve(COMPARISON, input, '', errors) as Infer<typeof COMPARISON>;
  for (const e of errors) {
    // an unknown knob is a typo of a knob: say which, as the options do (applyKnobs)
    const m = /^(baseline|variants\[\d+\])\.knobs\.([^.]+)$/.exec(e.path);
    if (m && e.message.startsWith('is not a known field')) e.message = knobError(m[2]);
  }
  if (errors.length) throw new ValidationError(errors, source);
  const armOf = (a: Infer<typeof ARM>): ArmInput => {
    const out: ArmInput = { policy: a.policy, knobs: { ...a.knobs }, changes: { ...a.changes } };
    if (a.label !== undefined) out.label = a.label;
    return out;
  };
  const out: ComparisonInput = { baseline: armOf(c.baseline), variants: c.variants.map(armOf) };
  if (c.scenario !== undefined) out.scenario = c.scenario;
  if (c.description !== undefined) out.description = c.description;
  return out;
}

/** applyKnobs's message for a knob `name` that is not one ("is not a knob (did you mean ...?); knobs: ..."), without its path. */
function knobError(name: string): string {
  try {
    applyKnobs({} as Knobs, { [name]: 0 } as Partial<Knobs>, 'knobs');
  } catch (err) {
    if (err instanceof InputError) return err.message.replace(`knobs.${name}: `, '');
    throw err;
  }
  return 'is not a knob';
}

export interface PlanOptions {
  /** How errors name the comparison (default `comparison`). */
  source?: string;
}

/**
 * Check a comparison against the scenario and the run settings and make its
 * plan: the settings (resolveRunSettings: the options, else the scenario's),
 * 1 to MAX_VARIANTS variants, and for every arm a policy of the scenario,
 * knobs within the schema's ranges, changes by dotted path that keep the
 * scenario valid, and a label of its own. Throws ValidationError with every
 * problem at its field path (`armPath`), or InputError for a run setting.
 */
export function planArms(s: Scenario, input: ComparisonInput, settings: Partial<RunSettings> = {}, opts: PlanOptions = {}): ArmsPlan {
  const run = resolveRunSettings(s, {}, settings);
  const source = opts.source ?? 'comparison';
  const errors: FieldError[] = [];
  if (input.scenario !== undefined && input.scenario !== s.name) {
    errors.push({ path: 'scenario', message: `${show(input.scenario)} is not the scenario given (${show(s.name)}); run this comparison with --scenario ${input.scenario}, or a scenario file whose name is ${input.scenario}` });
  }
  const n = input.variants.length;
  if (n < 1 || n > MAX_VARIANTS) {
    errors.push({ path: 'variants', message: `has ${n} arm${n === 1 ? '' : 's'}; a comparison has a baseline and 1 to ${MAX_VARIANTS} variants` });
  }
  const policies = policyNames(s);
  const arms: ArmsPlan['arms'] = [];
  const labels = new Map<string, number>();
  [input.baseline, ...input.variants].forEach((a, i) => {
    const at = armPath(i);
    const overrides: Partial<Knobs> = { ...a.knobs };
    const changes: ScenarioChanges = { ...a.changes };
    const label = a.label ?? settingLabel({ policy: a.policy, knobs: overrides, changes });
    const other = labels.get(label);
    if (other !== undefined) {
      errors.push({ path: `${at}.label`, message: `${show(label)} is the label of ${armName(other)} too; each arm needs a label of its own${a.label === undefined ? ' (give one: this arm has the same policy, knobs and changes)' : ''}` });
    } else labels.set(label, i);
    if (!policies.includes(a.policy)) {
      errors.push({ path: `${at}.policy`, message: `${show(a.policy)} is not a policy of scenario ${s.name}; known: ${policies.join(', ')}` });
      return;
    }
    let ok = true;
    for (const [name, v] of Object.entries(overrides)) {
      try {
        applyKnobs(policyKnobs(s, a.policy), { [name]: v }, 'knobs');
      } catch (err) {
        if (!(err instanceof InputError)) throw err;
        errors.push({ path: `${at}.knobs.${name}`, message: err.message.replace(`knobs.${name}: `, '') });
        ok = false;
      }
    }
    const scenario = changedScenario(s, changes, at, errors, { who: 'an arm' });
    if (!ok || scenario === undefined) return;
    arms.push({ label, policy: a.policy, overrides, knobs: policyKnobs(s, a.policy, overrides), changes, scenario });
  });
  if (errors.length) throw new ValidationError(errors, source);
  const plan: ArmsPlan = { scenario: s, settings: run, arms };
  if (input.description !== undefined) plan.description = input.description;
  return plan;
}

// ---------------------------------------------------------------------------
// The arms as command-line options

/** The syntax of one `--arm`, for messages and help. */
export const ARM_SYNTAX = '[LABEL=]POLICY[,KNOB=VALUE...][,PATH=VALUE...]';
const ARM_EXAMPLE = '"fewer cases=standardised,office.caseload=30"';

/**
 * One `--arm` value: `[LABEL=]POLICY[,KNOB=VALUE...][,PATH=VALUE...]`.
 * Items are separated by commas; the first is the policy, after `LABEL=`
 * when the arm has a label (so a label holds neither `=` nor `,`); each
 * further item is `NAME=VALUE` with a number for VALUE, NAME a knob (a name
 * without a dot, or `knobs.NAME`) or a scenario field by dotted path (with a
 * dot: `office.caseload`). Whether the policy, knobs and paths exist is
 * checked by `planArms`. Throws InputError `--arm "TEXT": ...`.
 */
export function parseArmOption(text: string): ArmInput {
  const fail = (why: string, syntax = true) => new InputError(`--arm ${JSON.stringify(text)}: ${why}${syntax ? `; expected ${ARM_SYNTAX}, e.g. ${ARM_EXAMPLE}` : ''}`);
  const items = text.split(',').map((x) => x.trim());
  const head = items[0];
  const eq = head.indexOf('=');
  const label = eq < 0 ? undefined : head.slice(0, eq).trim();
  const policy = eq < 0 ? head : head.slice(eq + 1).trim();
  if (label === '') throw fail('the label before "=" is empty');
  if (policy === '') throw fail('no policy');
  if (policy.includes('=')) throw fail(`${JSON.stringify(policy)} is not a policy name (a label holds no "=" and comes first)`);
  const knobs: Partial<Knobs> = {};
  const changes: ScenarioChanges = {};
  const seen = new Set<string>();
  for (const item of items.slice(1)) {
    const e = item.indexOf('=');
    if (e <= 0) throw fail(`${JSON.stringify(item)} is not NAME=VALUE`);
    const name = item.slice(0, e).trim();
    const raw = item.slice(e + 1).trim();
    if (!NUMBER.test(raw)) throw fail(`${name}: ${JSON.stringify(raw)} is not a number`);
    if ((SETTING_NAMES as readonly string[]).includes(name)) throw fail(`${name} is a setting of the run, the same for every arm: use --${name}`, false);
    const knob = name.startsWith('knobs.') ? name.slice('knobs.'.length) : name.includes('.') ? undefined : name;
    const key = knob === undefined ? name : `knobs.${knob}`;
    if (seen.has(key)) throw fail(`${name} is given more than once`, false);
    seen.add(key);
    if (knob === undefined) changes[name] = Number(raw);
    else knobs[knob as keyof Knobs] = Number(raw);
  }
  const out: ArmInput = { policy, knobs, changes };
  if (label !== undefined) out.label = label;
  return out;
}

/** The `--arm` values in the order given: the first is the baseline, the others (1 to MAX_VARIANTS) the variants. */
export function armsFromOptions(texts: readonly string[]): ComparisonInput {
  const n = texts.length;
  if (n < 2) throw new InputError(`--arm: given once; give the baseline and 1 to ${MAX_VARIANTS} variants, one --arm each (${ARM_SYNTAX}), the baseline first`);
  if (n > MAX_VARIANTS + 1) throw new InputError(`--arm: given ${n} times, a baseline and ${n - 1} variants; a comparison has at most ${MAX_VARIANTS} variants besides the baseline`);
  const [baseline, ...variants] = texts.map(parseArmOption);
  return { baseline, variants };
}

// ---------------------------------------------------------------------------
// Running

/** One run of one arm: its summaries and group sizes (plain data, to post from a worker). */
export interface ArmRun {
  arm: number;
  replicate: number;
  /** Per output group (as RunResult.summary). */
  summary: Record<string, Summary>;
  /** People per output group. */
  sizes: Record<string, number>;
  /** With `series`: the share of the whole population in work at the end of each week (week 1 first). */
  employed?: number[];
}

/** Every (arm, replicate) of a plan, replicate by replicate: the runs `aggregateArms` needs, in the order compareArms makes them. */
export function armJobs(plan: ArmsPlan): { arm: number; replicate: number }[] {
  const out: { arm: number; replicate: number }[] = [];
  for (let r = 0; r < plan.settings.replications; r++) for (let a = 0; a < plan.arms.length; a++) out.push({ arm: a, replicate: r });
  return out;
}

/**
 * Run arm `arm` in replicate `replicate`: the same seed and replicate number
 * for every arm (common random numbers). With `series`, also the weekly
 * share in work (the page's chart of the difference over time; the
 * estimates do not read it).
 */
export function runArm(plan: ArmsPlan, arm: number, replicate: number, opts: { series?: boolean } = {}): ArmRun {
  const a = plan.arms[arm];
  const { seed, weeks, agents } = plan.settings;
  const r = runReplicate(a.scenario, a.policy, replicate, { seed, weeks, agents, knobs: a.knobs });
  const out: ArmRun = { arm, replicate, summary: r.summary, sizes: Object.fromEntries(r.groupNames.map((g, i) => [g, r.groupSizes[i]])) };
  if (opts.series) {
    const all = groupIndex(r, 'all');
    const size = r.groupSizes[all];
    out.employed = Array.from({ length: weeks }, (_, w) => countAt(r, w, all, EMPLOYED) / size);
  }
  return out;
}

export interface CompareArmsOptions extends PlanOptions {
  /** Called after each finished run with (done, total). */
  onProgress?: (done: number, total: number) => void;
}

/** Plan, run every arm in every replicate (`runArm`) and aggregate (`aggregateArms`). */
export function compareArms(s: Scenario, input: ComparisonInput, settings: Partial<RunSettings> = {}, opts: CompareArmsOptions = {}): ArmsResult {
  const plan = planArms(s, input, settings, opts);
  const jobs = armJobs(plan);
  const runs = jobs.map((j, k) => {
    const run = runArm(plan, j.arm, j.replicate);
    opts.onProgress?.(k + 1, jobs.length);
    return run;
  });
  return aggregateArms(plan, runs);
}

// ---------------------------------------------------------------------------
// Verdicts

/** Which way a difference goes, and whether that is better for the jobseekers (METRIC_TABLE's `better`). */
export interface DifferenceVerdict {
  /** `NAME`, or `NAME.K` for year K of a metric by year. */
  metric: string;
  mean: number;
  ci95: [number, number];
  /** The 95% interval excludes 0 (and there are at least 2 replications). */
  clear: boolean;
  /** The sign of the mean difference. */
  change: 'higher' | 'lower' | 'none';
  /** Better or worse by the metric's direction; `neither` for a metric with none, or no change. */
  judgement: 'better' | 'worse' | 'neither';
}

/** The verdict on one difference of `metric` (variant minus baseline) over `replications` paired replicates. */
export function differenceVerdict(metric: MetricName, key: string, e: Estimate, replications: number): DifferenceVerdict {
  const [lo, hi] = e.ci95;
  const clear = replications >= 2 && (lo > 0 || hi < 0);
  const change = e.mean > 0 ? 'higher' : e.mean < 0 ? 'lower' : 'none';
  const better = METRIC_TABLE[metric].better;
  const judgement = change === 'none' || better === 'neither' ? 'neither' : change === better ? 'better' : 'worse';
  return { metric: key, mean: e.mean, ci95: [lo, hi], clear, change, judgement };
}

/** A verdict per metric of a table of differences, in table order (a metric by year one per year, `NAME.K`). */
export function verdictsOf(table: EstimateTable, replications: number): DifferenceVerdict[] {
  const out: DifferenceVerdict[] = [];
  for (const m of METRICS) {
    const e = table[m];
    if (Array.isArray(e.mean)) {
      const { mean, ci95 } = e as { mean: number[]; ci95: [number[], number[]] };
      mean.forEach((v, y) => out.push(differenceVerdict(m, metricKeyText({ name: m, year: y + 1 }), { mean: v, ci95: [ci95[0][y], ci95[1][y]] }, replications)));
    } else out.push(differenceVerdict(m, m, e as Estimate, replications));
  }
  return out;
}

/** A verdict in words: "clear, better", "not clear, worse", "clear, higher" (a metric with no better direction), "no difference". */
export function verdictMark(v: DifferenceVerdict): string {
  if (v.change === 'none') return 'no difference';
  return `${v.clear ? 'clear' : 'not clear'}, ${v.judgement === 'neither' ? v.change : v.judgement}`;
}

// ---------------------------------------------------------------------------
// Cost-effectiveness

/** A ratio of two paired mean differences: its value and 95% Fieller interval, or why it is not defined. */
export type Ratio =
  | { defined: true; mean: number; ci95: [number, number] }
  | {
    defined: false;
    /** `replications`: fewer than 2; `unclear`: the denominator's interval includes 0; `fewer`: the denominator is clearly below 0. */
    why: 'replications' | 'unclear' | 'fewer';
    reason: string;
  };

/**
 * The ratio mean(num) / mean(den) of paired per-replicate differences, with
 * the 95% interval of Fieller's theorem (Fieller 1954; for cost-effectiveness
 * ratios Willan & O'Brien 1996, Health Economics 5:297–305): the values R
 * with (n̄ − R·d̄)² ≤ t²·(Vn − 2R·Vnd + R²·Vd), where Vn, Vd and Vnd are the
 * variances and covariance of the means and t the 97.5% quantile of
 * Student's t with n − 1 degrees of freedom (the t of `estimate`). The set is
 * a bounded interval exactly when d̄² > t²·Vd, that is when the
 * denominator's own 95% t-interval excludes 0; otherwise the ratio is not
 * defined (`unclear`), and so too when the denominator is clearly negative
 * (`fewer`: there is nothing extra to price). `what` names the denominator
 * in the reason ("people in work at the end").
 */
export function fiellerRatio(num: readonly number[], den: readonly number[], what = 'denominator'): Ratio {
  const n = num.length;
  if (n < 2) return { defined: false, why: 'replications', reason: `needs at least 2 replications for an interval; there ${n === 1 ? 'is 1' : `are ${n}`}` };
  const d = estimate(den);
  const range = `[${fixed(d.ci95[0], 1)}, ${fixed(d.ci95[1], 1)}]`;
  if (!(d.ci95[0] > 0 || d.ci95[1] < 0)) {
    return { defined: false, why: 'unclear', reason: `the 95% interval of the extra ${what}, ${range}, includes 0: the variant does not clearly change them, so a cost per extra one is not meaningful` };
  }
  if (d.ci95[1] < 0) return { defined: false, why: 'fewer', reason: `the variant has clearly fewer ${what} than the baseline (95% interval of the difference ${range}): there are no extra ones to price` };
  let mn = 0, md = 0;
  for (let i = 0; i < n; i++) {
    mn += num[i];
    md += den[i];
  }
  mn /= n;
  md /= n;
  let snn = 0, sdd = 0, snd = 0;
  for (let i = 0; i < n; i++) {
    snn += (num[i] - mn) ** 2;
    sdd += (den[i] - md) ** 2;
    snd += (num[i] - mn) * (den[i] - md);
  }
  // variances and covariance of the means
  const vn = snn / (n - 1) / n, vd = sdd / (n - 1) / n, vnd = snd / (n - 1) / n;
  const t2 = tQuantile975(n - 1) ** 2;
  // (d̄² − t²Vd)·R² − 2(n̄d̄ − t²Vnd)·R + (n̄² − t²Vn) ≤ 0
  const a = md * md - t2 * vd;
  const b = mn * md - t2 * vnd;
  const c = mn * mn - t2 * vn;
  const root = Math.sqrt(Math.max(0, b * b - a * c));
  return { defined: true, mean: mn / md, ci95: [(b - root) / a, (b + root) / a] };
}

/** The same thing for the total cost, its advisor-time part and its service part. */
export interface CostSplit<T> {
  total: T;
  advisor: T;
  services: T;
}

/** One group's run, as cost-effectiveness reads it. */
export interface GroupRun {
  summary: Pick<Summary, 'costPerPerson' | 'advisorCostPerPerson' | 'serviceCostPerPerson' | 'employedShare' | 'employedWeeksShare'>;
  /** People in the group. */
  size: number;
}

/** A variant against the baseline for one group, paired by replicate. */
export interface CostEffect {
  /** Extra cost per person (NOK): the differences of costPerPerson, advisorCostPerPerson and serviceCostPerPerson. */
  extraCostPerPerson: CostSplit<Estimate>;
  /** Extra cost over the group's people (NOK). */
  extraCost: CostSplit<Estimate>;
  /** Extra people in work at the end. */
  extraEmployed: Estimate;
  /** Extra person-years in work over the run. */
  extraEmployedYears: Estimate;
  /** Extra cost per extra person in work at the end (NOK). */
  perExtraEmployed: CostSplit<Ratio>;
  /** Extra cost per extra person-year in work (NOK). */
  perExtraEmployedYear: CostSplit<Ratio>;
}

const COST_METRICS = { total: 'costPerPerson', advisor: 'advisorCostPerPerson', services: 'serviceCostPerPerson' } as const;
const PARTS = ['total', 'advisor', 'services'] as const;

/**
 * Cost-effectiveness of a variant against the baseline for one group, from
 * the runs of both in replicate order (paired): the per-replicate
 * differences of the cost (per person, and over the group's people: cost per
 * person × people), of the people in work at the end (employedShare ×
 * people) and of the person-years in work (employedWeeksShare × people ×
 * weeks / 52), and the ratios of the cost to each (`fiellerRatio`).
 */
export function costEffect(baseline: readonly GroupRun[], variant: readonly GroupRun[], weeks: number): CostEffect {
  const diff = (f: (x: GroupRun) => number) => baseline.map((b, r) => f(variant[r]) - f(b));
  const perPerson = (part: (typeof PARTS)[number]) => diff((x) => x.summary[COST_METRICS[part]] as number);
  const total = (part: (typeof PARTS)[number]) => diff((x) => (x.summary[COST_METRICS[part]] as number) * x.size);
  const employed = diff((x) => (x.summary.employedShare as number) * x.size);
  const years = diff((x) => ((x.summary.employedWeeksShare as number) * x.size * weeks) / WEEKS_PER_YEAR);
  const split = <T>(f: (part: (typeof PARTS)[number]) => T): CostSplit<T> => ({ total: f('total'), advisor: f('advisor'), services: f('services') });
  const totals = split(total);
  return {
    extraCostPerPerson: split((p) => estimate(perPerson(p))),
    extraCost: split((p) => estimate(totals[p])),
    extraEmployed: estimate(employed),
    extraEmployedYears: estimate(years),
    perExtraEmployed: split((p) => fiellerRatio(totals[p], employed, 'people in work at the end')),
    perExtraEmployedYear: split((p) => fiellerRatio(totals[p], years, 'person-years in work')),
  };
}

// ---------------------------------------------------------------------------
// Aggregating

/** An arm with its estimates: every metric's mean and 95% interval over replicates, on the whole population and by output group. */
export interface ArmSummary extends Arm {
  summary: EstimateTable;
  byGroup: Record<string, EstimateTable>;
}

/** A variant: its estimates, and against the baseline the paired differences, a verdict per metric and the cost-effectiveness. */
export interface VariantResult extends ArmSummary {
  difference: {
    /** [baseline label, this label]: the difference is this minus the baseline. */
    of: [string, string];
    summary: EstimateTable;
    byGroup: Record<string, EstimateTable>;
    /** The differences of the whole population per replicate (replicate 0 first). */
    replicates: Summary[];
  };
  /** Per metric of the whole population (a metric by year per year). */
  verdicts: DifferenceVerdict[];
  cost: { all: CostEffect; byGroup: Record<string, CostEffect> };
}

export interface ArmsResult {
  scenario: string;
  title: string;
  description?: string;
  seed: number;
  weeks: number;
  agents: number;
  replications: number;
  /** Every scenario value the run settings change (runChanges in sim/settings.ts); each arm's own changes are in its `changes`. */
  changes: Changes;
  baseline: ArmSummary;
  variants: VariantResult[];
}

/**
 * The estimates of a plan from its runs (any order; each arm's runs are
 * taken in replicate order): what compareArms gives, however the runs were
 * made. Throws Error when a run is missing or given twice.
 */
export function aggregateArms(plan: ArmsPlan, runs: readonly ArmRun[]): ArmsResult {
  const R = plan.settings.replications;
  const byArm = plan.arms.map((_, a) => {
    const rs = runs.filter((x) => x.arm === a).sort((x, y) => x.replicate - y.replicate);
    if (rs.length !== R || rs.some((x, r) => x.replicate !== r)) {
      throw new Error(`aggregateArms: arm ${a} (${plan.arms[a].label}) has replicates ${rs.map((x) => x.replicate).join(', ') || 'none'}; expected 0 to ${R - 1}, once each`);
    }
    return rs;
  });
  const groups = Object.keys(byArm[0][0].summary).filter((g) => g !== 'all');
  const armSummary = (a: number): ArmSummary => {
    const { label, policy, overrides, knobs, changes } = plan.arms[a];
    const rs = byArm[a];
    return {
      label, policy, overrides, knobs, changes,
      summary: estimateMetrics(rs.map((x) => x.summary.all)),
      byGroup: Object.fromEntries(groups.map((g) => [g, estimateMetrics(rs.map((x) => x.summary[g]))])),
    };
  };
  const base = byArm[0];
  const groupRuns = (rs: ArmRun[], g: string): GroupRun[] => rs.map((x) => ({ summary: x.summary[g], size: x.sizes[g] }));
  const s = plan.scenario;
  const st = plan.settings;
  const result: ArmsResult = {
    scenario: s.name, title: s.title ?? s.name, description: plan.description,
    seed: st.seed, weeks: st.weeks, agents: st.agents, replications: R, changes: runChanges(s, st),
    baseline: armSummary(0),
    variants: plan.arms.slice(1).map((arm, k): VariantResult => {
      const rs = byArm[k + 1];
      const replicates = differences(base.map((x) => x.summary.all), rs.map((x) => x.summary.all));
      const summary = estimateMetrics(replicates);
      return {
        ...armSummary(k + 1),
        difference: {
          of: [plan.arms[0].label, arm.label], summary,
          byGroup: Object.fromEntries(groups.map((g) => [g, estimateMetrics(differences(base.map((x) => x.summary[g]), rs.map((x) => x.summary[g])))])),
          replicates,
        },
        verdicts: verdictsOf(summary, R),
        cost: {
          all: costEffect(groupRuns(base, 'all'), groupRuns(rs, 'all'), st.weeks),
          byGroup: Object.fromEntries(groups.map((g) => [g, costEffect(groupRuns(base, g), groupRuns(rs, g), st.weeks)])),
        },
      };
    }),
  };
  if (result.description === undefined) delete result.description;
  return result;
}
