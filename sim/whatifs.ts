/**
 * Named what-if presets (scenarios/whatifs/, schema sim/schema/whatif.ts):
 * a comparison of arms on a shipped scenario (sim/arms.ts) with texts in
 * English and bokmål, the run settings it is meant for, and claims about
 * what its variants do, which every run checks against its own numbers.
 *
 * Browser-safe and pure (no node: imports, no global randomness, no clock),
 * so the page runs a preset as the CLI does: `planWhatIf` gives the plan of
 * arms (`runArm` each run in a worker, `aggregateArms` the result), and
 * `checkClaims` reads the claims off the result. `runWhatIf` is the three
 * in a row, for the CLI and the tests.
 *
 * A claim is judged by the verdict `compare` gives the same difference
 * (`differenceVerdict` of sim/arms.ts: the paired difference of the metric
 * for the group, variant minus baseline, with its 95% interval): `higher`
 * holds when the interval lies above 0 (with `clear: false`, the mean),
 * `lower` below 0, `about-the-same` within ±`within`.
 */
import { SHIPPED } from '../scenarios/index.ts';
import {
  aggregateArms, armJobs, differenceVerdict, parseComparison, planArms, runArm,
  type ArmsPlan, type ArmsResult, type ComparisonInput, type DifferenceVerdict,
} from './arms.ts';
import { InputError, suggest, ValidationError, type FieldError } from './errors.ts';
import { fixed } from './format.ts';
import { METRIC_TABLE, metricKeyLabel, parseMetricKey, type MetricKey, type Words } from './metrics.ts';
import { outputGroupNames } from './record.ts';
import { parseScenario, type Scenario } from './scenario.ts';
import { obj, resolve, show, type Infer } from './schema/dsl.ts';
import { CLAIM, WHATIF, WHATIF_OWN_FIELDS, WHATIF_RUN } from './schema/whatif.ts';
import { resolveRunSettings, type RunSettings } from './settings.ts';
import type { EstimateTable } from './ensemble.ts';
import type { Estimate } from './stats.ts';

export { CLAIM_DIRECTIONS } from './schema/whatif.ts';

/** A claim as written (defaults filled in). */
export type Claim = Infer<typeof CLAIM>;
/** A text in both languages. */
export type Texts = Words;

/** A checked preset: its own fields and its arms as a comparison. */
export interface WhatIf {
  id: string;
  title: Texts;
  what: Texts;
  look: Texts;
  /** The arms' names in both languages: the baseline first, then the variants. */
  armNames: Texts[];
  evidence: Texts;
  notes: Texts[];
  findings: string[];
  /** The shipped scenario it runs on. */
  scenario: string;
  run: Infer<typeof WHATIF_RUN>;
  claims: Claim[];
  /** The arms (with `scenario` set to the preset's). */
  comparison: ComparisonInput;
}

/** The fields of a comparison in a preset file (parseComparison reads them). */
const COMPARISON_KEYS = ['scenario', 'description', 'baseline', 'variants'] as const;
const OWN = obj(WHATIF_OWN_FIELDS, WHATIF.doc, ['id', 'title', 'what', 'look', 'armNames', 'evidence', 'run', 'claims'], { file: true });

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Validate a parsed preset file (sim/schema/whatif.ts). Throws
 * ValidationError listing every problem with its field path
 * (`claims[0].direction: "up" is not allowed; ...`). Checks that need the
 * scenario are made by `planWhatIf`.
 */
export function parseWhatIf(raw: unknown, source = 'what-if'): WhatIf {
  const errors: FieldError[] = [];
  if (!isObject(raw)) {
    errors.push({ path: '(file)', message: `${show(raw)} is not allowed; expected a JSON object with the fields ${WHATIF.required?.join(', ')}` });
    throw new ValidationError(errors, source);
  }
  const arms: Record<string, unknown> = {};
  const own: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) {
    if ((COMPARISON_KEYS as readonly string[]).includes(k)) arms[k] = v;
    else own[k] = v;
  }
  if (arms.scenario === undefined) errors.push({ path: 'scenario', message: `is missing; expected the name of a shipped scenario (${Object.keys(SHIPPED).join(', ')})` });
  else if (typeof arms.scenario === 'string' && !Object.hasOwn(SHIPPED, arms.scenario)) {
    errors.push({ path: 'scenario', message: `${show(arms.scenario)} is not a shipped scenario${suggest(arms.scenario, Object.keys(SHIPPED))}; shipped: ${Object.keys(SHIPPED).join(', ')}` });
  }
  let comparison: ComparisonInput | undefined;
  try {
    comparison = parseComparison(arms, source);
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    errors.push(...err.errors.filter((e) => !errors.some((x) => x.path === e.path)));
  }
  // the unknown fields are the file's, whichever part they are read by
  const w = resolve(OWN, own, '', errors) as Infer<typeof OWN>;
  for (const e of errors) if (e.message.startsWith('is not a known field; known fields here: ') && !e.path.includes('.')) e.message = `is not a known field; known fields here: ${Object.keys(WHATIF.fields).join(', ')}`;
  if (Array.isArray(w.claims)) {
    w.claims.forEach((c, i) => {
      if (!isObject(c)) return;
      const at = `claims[${i}]`;
      if (typeof c.metric === 'string') {
        const m = parseMetricKey(c.metric);
        if ('error' in m) errors.push({ path: `${at}.metric`, message: m.error });
      }
      if (c.direction === 'about-the-same' && c.within === undefined) {
        errors.push({ path: `${at}.within`, message: 'is missing; an about-the-same claim needs the largest difference that counts as the same, in the metric’s units (0.01 = one percentage point)' });
      }
      if (c.direction !== undefined && c.direction !== 'about-the-same' && c.within !== undefined) {
        errors.push({ path: `${at}.within`, message: `is not allowed for a ${c.direction} claim; it is the margin of an about-the-same claim` });
      }
    });
  }
  if (comparison !== undefined && Array.isArray(w.armNames) && w.armNames.length !== comparison.variants.length + 1) {
    const n = comparison.variants.length + 1;
    errors.push({ path: 'armNames', message: `has ${w.armNames.length} name${w.armNames.length === 1 ? '' : 's'}; expected one per arm, ${n}: the baseline, then the ${n - 1} variant${n === 2 ? '' : 's'}` });
  }
  if (errors.length || comparison === undefined) throw new ValidationError(errors, source);
  return {
    id: w.id, title: w.title, what: w.what, look: w.look, armNames: w.armNames, evidence: w.evidence, notes: w.notes, findings: w.findings,
    scenario: arms.scenario as string, run: w.run, claims: w.claims, comparison,
  };
}

/** The shipped scenario a preset runs on. */
export const whatIfScenario = (w: Pick<WhatIf, 'scenario'>): Scenario => parseScenario(SHIPPED[w.scenario], `scenario ${w.scenario}`);

/** A claim as checked against the scenario and the plan: the variant it is about and the metric as parsed. */
export interface PlannedClaim extends Claim {
  /** The index of the variant among the variants (0 is the first variant). */
  variantIndex: number;
  key: MetricKey;
}

/** A checked preset, ready to run: the plan of its arms (plain data) and its claims. */
export interface WhatIfPlan {
  whatIf: WhatIf;
  arms: ArmsPlan;
  claims: PlannedClaim[];
}

/** Run settings given on top of the preset's (the command line's --replications and --seed). */
export type WhatIfOptions = Partial<Pick<RunSettings, 'replications' | 'seed'>>;

/**
 * Check a preset against its scenario and plan its arms (`planArms`): the
 * run settings (the options, else the preset's `run`, else the scenario's),
 * the arms, and for every claim a variant label of the plan, a group of the
 * scenario and a metric the run has. Throws ValidationError naming the
 * field, or InputError for an option.
 */
export function planWhatIf(w: WhatIf, s: Scenario = whatIfScenario(w), options: WhatIfOptions = {}, source = `what-if ${w.id}`): WhatIfPlan {
  let settings: RunSettings;
  try {
    settings = resolveRunSettings(s, w.run, options, { file: source });
  } catch (err) {
    if (err instanceof ValidationError) throw new ValidationError(err.errors.map((e) => ({ ...e, path: `run.${e.path}` })), source);
    throw err;
  }
  if (settings.replications < 2 && options.replications !== undefined) {
    throw new InputError(`--replications: ${JSON.stringify(String(options.replications))} is not allowed; a paired interval needs at least 2 replications`);
  }
  const arms = planArms(s, w.comparison, settings, { source });
  return { whatIf: w, arms, claims: planClaims(w, s, arms, source) };
}

/**
 * A preset's claims against a plan of its arms (at any run settings): for
 * every claim a variant label of the plan, a group of the scenario and a
 * metric the run has. Throws ValidationError naming the claim's field.
 */
export function planClaims(w: WhatIf, s: Scenario, arms: ArmsPlan, source = `what-if ${w.id}`): PlannedClaim[] {
  const settings = arms.settings;
  const errors: FieldError[] = [];
  const labels = arms.arms.slice(1).map((a) => a.label);
  const groups = outputGroupNames(s);
  const claims: PlannedClaim[] = [];
  w.claims.forEach((c, i) => {
    const at = `claims[${i}]`;
    const variantIndex = c.variant === undefined ? 0 : labels.indexOf(c.variant);
    if (variantIndex < 0) errors.push({ path: `${at}.variant`, message: `${show(c.variant)} is not the label of a variant${suggest(c.variant ?? '', labels)}; the variants: ${labels.map((l) => JSON.stringify(l)).join(', ')}` });
    if (!groups.includes(c.group)) errors.push({ path: `${at}.group`, message: `${show(c.group)} is not a group of scenario ${s.name}; expected one of ${groups.join(', ')}` });
    const key = parseMetricKey(c.metric, { weeks: settings.weeks });
    if ('error' in key) errors.push({ path: `${at}.metric`, message: key.error });
    else claims.push({ ...c, variantIndex, key });
  });
  if (errors.length) throw new ValidationError(errors, source);
  return claims;
}

/** A claim against the numbers: the difference it reads, the verdict `compare` gives it, and whether it holds. */
export interface ClaimResult {
  claim: Claim;
  /** The label of the variant. */
  variant: string;
  /** The difference variant − baseline of the metric for the group, paired by replicate, with the verdict of compare. */
  difference: DifferenceVerdict;
  holds: boolean;
  /** The claim and the numbers in one line (English). */
  text: string;
  /** The claim and the numbers without the verdict: "CLAIM (VARIANT − BASELINE: MEAN [LO, HI])". */
  numbers: string;
}

/** The paired difference variant − baseline of a metric for a group (`all` or an output group) in a result, as an estimate; `variant` counts the variants from 0. */
export function differenceOf(r: ArmsResult, variant: number, group: string, key: MetricKey): Estimate {
  const v = r.variants[variant];
  const table: EstimateTable = group === 'all' ? v.difference.summary : v.difference.byGroup[group];
  const e = table[key.name];
  if (key.year === undefined) return e as Estimate;
  const { mean, ci95 } = e as { mean: number[]; ci95: [number[], number[]] };
  const y = key.year - 1;
  return { mean: mean[y], ci95: [ci95[0][y], ci95[1][y]] };
}

/** Whether a verdict bears out a claim: the interval (or, with `clear: false`, the mean) on the claimed side of 0, or within ±within. */
export function claimHolds(c: Pick<Claim, 'direction' | 'clear' | 'within'>, d: DifferenceVerdict): boolean {
  const [lo, hi] = c.clear ? d.ci95 : [d.mean, d.mean];
  switch (c.direction) {
    case 'higher': return c.clear ? d.clear && d.change === 'higher' : d.mean > 0;
    case 'lower': return c.clear ? d.clear && d.change === 'lower' : d.mean < 0;
    case 'about-the-same': {
      const w = c.within ?? 0;
      return lo >= -w && hi <= w;
    }
  }
}

/** The words of a claim in `lang`: "Share of weeks in work (all): higher than the baseline, clearly"; `group` names the group (default its name; '' leaves it out). */
export function claimText(c: Claim, lang: keyof Words = 'en', group = c.group): string {
  const key = parseMetricKey(c.metric);
  const metric = 'error' in key ? c.metric : metricKeyLabel(key, lang);
  const w = c.within === undefined ? '' : lang === 'nb' ? fixedFor(c.metric, c.within).replace('.', ',') : fixedFor(c.metric, c.within);
  const words = lang === 'nb'
    ? { higher: 'høyere enn i utgangspunktet', lower: 'lavere enn i utgangspunktet', 'about-the-same': `omtrent som i utgangspunktet (innenfor ±${w})`, clearly: ', tydelig', forGroup: 'for' }
    : { higher: 'higher than the baseline', lower: 'lower than the baseline', 'about-the-same': `about the same as the baseline (within ±${w})`, clearly: ', clearly', forGroup: 'for' };
  return `${metric}${group === '' ? '' : ` (${words.forGroup} ${group})`}: ${words[c.direction]}${c.clear && c.direction !== 'about-the-same' ? words.clearly : ''}`;
}

/** A number in the metric's units with its table's decimals (two more for a share's margin). */
function fixedFor(metric: string, v: number): string {
  const key = parseMetricKey(metric);
  const decimals = 'error' in key ? 3 : METRIC_TABLE[key.name].kind === 'share' ? 3 : METRIC_TABLE[key.name].decimals;
  return fixed(v, decimals);
}

/** Check every claim of a plan against a result of its arms (`aggregateArms` of the plan's runs). */
export function checkClaims(plan: WhatIfPlan, r: ArmsResult): ClaimResult[] {
  return plan.claims.map((c) => {
    const e = differenceOf(r, c.variantIndex, c.group, c.key);
    const d = differenceVerdict(c.key.name, c.metric, e, r.replications);
    const holds = claimHolds(c, d);
    const { variantIndex: _v, key: _k, ...claim } = c;
    const num = (v: number) => fixedFor(c.metric, v);
    const figures = `(${r.variants[c.variantIndex].label} − ${r.baseline.label}: ${num(d.mean)} [${num(d.ci95[0])}, ${num(d.ci95[1])}])`;
    const text = `${claimText(claim)}: ${holds ? 'holds' : 'does not hold'} ${figures}`;
    return { claim, variant: r.variants[c.variantIndex].label, difference: d, holds, text, numbers: `${claimText(claim)} ${figures}` };
  });
}

/** A preset's run: the preset, the comparison of its arms and its claims against the numbers. */
export interface WhatIfResult extends Pick<WhatIf, 'id' | 'title' | 'what' | 'look' | 'armNames' | 'evidence' | 'notes' | 'findings'> {
  result: ArmsResult;
  claims: ClaimResult[];
  /** Every claim holds. */
  holds: boolean;
}

export interface RunWhatIfOptions extends WhatIfOptions {
  /** How errors name the preset (default `what-if ID`). */
  source?: string;
  /** Called after each finished run with (done, total). */
  onProgress?: (done: number, total: number) => void;
}

/** Plan a preset (`planWhatIf`), run every arm in every replicate (`runArm`), aggregate (`aggregateArms`) and check its claims (`checkClaims`). */
export function runWhatIf(w: WhatIf, s: Scenario = whatIfScenario(w), opts: RunWhatIfOptions = {}): WhatIfResult {
  const { source, onProgress, ...options } = opts;
  const plan = planWhatIf(w, s, options, source);
  const jobs = armJobs(plan.arms);
  const runs = jobs.map((j, k) => {
    const run = runArm(plan.arms, j.arm, j.replicate);
    onProgress?.(k + 1, jobs.length);
    return run;
  });
  const result = aggregateArms(plan.arms, runs);
  const claims = checkClaims(plan, result);
  return {
    id: w.id, title: w.title, what: w.what, look: w.look, armNames: w.armNames, evidence: w.evidence, notes: w.notes, findings: w.findings,
    result, claims, holds: claims.every((c) => c.holds),
  };
}
