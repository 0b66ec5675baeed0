/**
 * Targets as files: parse a target file (sim/schema/targets.ts), check it
 * against a scenario, run every distinct setting it names once per
 * replication with common random numbers, and read each target's quantity
 * with its 95% interval and whether its mean lies within the published band.
 * Browser-safe: no node: imports, no global randomness, no clock. The CLI's
 * `pathways targets` only formats what `evaluateTargets` returns.
 */
import { changedScenario, changeValueText, type ScenarioChanges } from '../changes.ts';
import { runReplicate } from '../ensemble.ts';
import { METRIC_TABLE, metricValue, parseMetricKey, type MetricKey, type Summary } from '../metrics.ts';
import { outputGroupNames } from '../record.ts';
import { policyNames, type Knobs, type Scenario } from '../scenario.ts';
import { resolve, show, ValidationError, type FieldError, type Infer } from '../schema/dsl.ts';
import { KNOBS } from '../schema/scenario.ts';
import { BAND_KINDS, DIFFERENCE, LEVEL, SIDE, SOURCE, TARGET, TARGET_USES, TARGETS } from '../schema/targets.ts';
import { policyKnobs, resolveRunSettings, runChanges, type Changes, type RunSettings } from '../settings.ts';
import { estimate } from '../stats.ts';

// ---------------------------------------------------------------------------
// The types of a validated target file (from the schema, sides in one form)

export type Source = Infer<typeof SOURCE>;
export type BandKind = (typeof BAND_KINDS)[number];
export type TargetUse = (typeof TARGET_USES)[number];

/** A setting: a policy of the scenario, knob overrides on top of it, and scenario values changed by dotted path. */
export interface Setting {
  policy: string;
  knobs: Partial<Knobs>;
  changes: ScenarioChanges;
}

/** One side of a difference: a setting and the output group read on it. */
export interface Side extends Setting {
  group: string;
}

/** A level: the metric of a group under one setting. */
export interface LevelQuantity extends Setting {
  metric: string;
  group: string;
}

/** A difference: the metric on side B minus side A, paired by replicate. */
export interface DifferenceQuantity {
  metric: string;
  /** The default group of the sides (each side's own `group` is filled in). */
  group: string;
  difference: { A: Side; B: Side };
}

export type Quantity = LevelQuantity | DifferenceQuantity;

export const isDifference = (q: Quantity): q is DifferenceQuantity => 'difference' in q;

/** A validated target (see the schema for the meaning of each field). */
export interface Target {
  id: string;
  statement: string;
  source: Source;
  quantity: Quantity;
  value: number;
  band: [number, number];
  bandKind: BandKind;
  bandNote: string;
  weight: number;
  use: TargetUse;
  translation: string;
  notes?: string;
}

/** A validated target file. */
export interface TargetFile {
  scenario: string;
  description?: string;
  targets: Target[];
}

/** The sides a quantity reads: one for a level, A and B for a difference. */
export function sidesOf(q: Quantity): Side[] {
  if (isDifference(q)) return [q.difference.A, q.difference.B];
  return [{ policy: q.policy, knobs: q.knobs, changes: q.changes, group: q.group }];
}

// ---------------------------------------------------------------------------
// Parsing

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The target's fields without `quantity`, which has two forms and is resolved on its own. */
const TARGET_FIELDS = Object.fromEntries(Object.entries(TARGET.fields).filter(([k]) => k !== 'quantity')) as typeof TARGET.fields;
const TARGET_REST = { ...TARGET, fields: TARGET_FIELDS, required: (TARGET.required ?? []).filter((k) => k !== 'quantity') };
const FILE_REST = { ...TARGETS, fields: { ...TARGETS.fields, targets: { ...TARGETS.fields.targets, items: TARGET_REST } } };

const QUANTITY_FORMS = 'a level { "metric": NAME, "group": NAME, "policy": NAME, "knobs": {...}, "changes": {...} } or a difference { "metric": NAME, "group": NAME, "difference": { "A": SIDE, "B": SIDE } }';
const SIDE_FORMS = 'a policy name or an object { "policy": NAME, "knobs": {...}, "changes": {...}, "group": NAME }';

/** Resolve one quantity at `path` (a level or a difference, by whether `difference` is given). */
function resolveQuantity(v: unknown, path: string, errors: FieldError[]): Quantity | undefined {
  if (v === undefined) {
    errors.push({ path, message: `is missing; expected ${QUANTITY_FORMS}` });
    return undefined;
  }
  if (!isObject(v)) {
    errors.push({ path, message: `${show(v)} is not allowed; expected ${QUANTITY_FORMS}` });
    return undefined;
  }
  if (!Object.hasOwn(v, 'difference')) {
    const q = resolve(LEVEL, v, path, errors) as Infer<typeof LEVEL>;
    return { metric: q.metric, group: q.group, policy: q.policy, knobs: { ...q.knobs }, changes: { ...q.changes } };
  }
  const input: Record<string, unknown> = { ...v };
  if (isObject(input.difference)) {
    const d: Record<string, unknown> = { ...input.difference };
    for (const side of ['A', 'B'] as const) {
      if (typeof d[side] === 'string') d[side] = { policy: d[side] };
      else if (d[side] === undefined) {
        errors.push({ path: `${path}.difference.${side}`, message: `is missing; expected ${SIDE_FORMS}` });
        d[side] = { policy: '-' };
      } else if (!isObject(d[side])) {
        errors.push({ path: `${path}.difference.${side}`, message: `${show(d[side])} is not allowed; expected ${SIDE_FORMS}` });
        d[side] = { policy: '-' };
      }
    }
    input.difference = d;
  }
  const q = resolve(DIFFERENCE, input, path, errors) as { metric: string; group: string; difference: Record<'A' | 'B', Infer<typeof SIDE> | undefined> };
  const side = (s: Infer<typeof SIDE> | undefined): Side =>
    ({ policy: s?.policy ?? '-', knobs: { ...s?.knobs }, changes: { ...s?.changes }, group: s?.group ?? q.group });
  return { metric: q.metric, group: q.group, difference: { A: side(q.difference?.A), B: side(q.difference?.B) } };
}

/**
 * Validate a parsed target file and fill in defaults. Throws ValidationError
 * listing every problem, each with its field path, the bad value and what is
 * allowed (`targets[2].quantity.metric: "x" is not a metric; expected ...`).
 * Checks that need the scenario (policies, groups, the paths of `changes`,
 * the year of a metric by year) are made by `checkTargets`.
 */
export function parseTargets(raw: unknown, source = 'targets'): TargetFile {
  const errors: FieldError[] = [];
  if (!isObject(raw)) {
    errors.push({ path: '(file)', message: `${show(raw)} is not allowed; expected a JSON object with the fields ${TARGETS.required?.join(', ')}` });
    throw new ValidationError(errors, source);
  }
  const input: Record<string, unknown> = { ...raw };
  const quantities: unknown[] = [];
  if (Array.isArray(input.targets)) {
    input.targets = input.targets.map((t, i) => {
      if (!isObject(t)) return t;
      const { quantity, ...rest } = t;
      quantities[i] = quantity;
      return rest;
    });
  }
  const file = resolve(FILE_REST, input, '', errors) as { scenario: string; description?: string; targets: Omit<Target, 'quantity'>[] };
  // `quantity` was taken out to be resolved on its own; the list of known fields names it all the same
  for (const e of errors) {
    if (/^targets\[\d+\]\.[^.]+$/.test(e.path) && e.message.startsWith('is not a known field')) {
      e.message = `is not a known field; known fields here: ${Object.keys(TARGET.fields).join(', ')}`;
    }
  }
  const targets: Target[] = [];
  if (Array.isArray(file.targets)) {
    file.targets.forEach((t, i) => {
      if (!isObject(t)) return;
      const at = `targets[${i}]`;
      const quantity = resolveQuantity(quantities[i], `${at}.quantity`, errors);
      if (quantity === undefined) return;
      const target: Target = {
        id: t.id, statement: t.statement, source: t.source, quantity, value: t.value, band: t.band, bandKind: t.bandKind,
        bandNote: t.bandNote, weight: t.weight, use: t.use, translation: t.translation, notes: t.notes,
      };
      if (target.notes === undefined) delete target.notes;
      if (target.source && target.source.url === undefined) delete target.source.url;
      if (target.source && target.source.primary === undefined) delete target.source.primary;
      targets.push(target);
      checkValues(target, at, errors);
    });
    const ids = file.targets.map((t) => (isObject(t) ? t.id : undefined));
    ids.forEach((id, i) => {
      if (id !== undefined && ids.indexOf(id) !== i) errors.push({ path: `targets[${i}].id`, message: `${show(id)} is used by another target; ids must be unique` });
    });
  }
  if (errors.length) throw new ValidationError(errors, source);
  const out: TargetFile = { scenario: file.scenario, description: file.description, targets };
  if (out.description === undefined) delete out.description;
  return out;
}

/** Checks of one target that need no scenario: the metric's name, the band around the value, a share's range. */
function checkValues(t: Target, at: string, errors: FieldError[]): void {
  if (typeof t.quantity.metric !== 'string') return;
  const m = parseMetricKey(t.quantity.metric);
  if ('error' in m) {
    errors.push({ path: `${at}.quantity.metric`, message: m.error });
    return;
  }
  if (!Array.isArray(t.band) || t.band.length !== 2 || !t.band.every((x) => typeof x === 'number' && Number.isFinite(x)) || typeof t.value !== 'number') return;
  const [lo, hi] = t.band;
  if (!(lo < hi)) errors.push({ path: `${at}.band`, message: `${show(t.band)} is not allowed; expected [lo, hi] with lo below hi` });
  else if (t.value < lo || t.value > hi) errors.push({ path: `${at}.band`, message: `${show(t.band)} does not hold the value ${show(t.value)}; the band must lie around the published value` });
  if (METRIC_TABLE[m.name].kind === 'share') {
    const [min, max] = isDifference(t.quantity) ? [-1, 1] : [0, 1];
    const what = isDifference(t.quantity) ? `a difference of shares, as a fraction from ${min} to ${max} (-0.14 for 14 points lower)` : 'a share, as a fraction from 0 to 1 (0.46 for 46 %)';
    if (t.value < min || t.value > max) errors.push({ path: `${at}.value`, message: `${show(t.value)} is not allowed for ${t.quantity.metric}; expected ${what}` });
    if (lo < min || hi > max) errors.push({ path: `${at}.band`, message: `${show(t.band)} is not allowed for ${t.quantity.metric}; expected edges that are ${what}` });
  }
}

// ---------------------------------------------------------------------------
// Checks against the scenario

/** Where a side's fields are, for messages. */
function sidePaths(q: Quantity, i: number, at: string): string {
  return isDifference(q) ? `${at}.quantity.difference.${i === 0 ? 'A' : 'B'}` : `${at}.quantity`;
}

/** The knobs of a setting in the schema's order, and its changes sorted by path: the key under which settings share runs. */
function settingKey(knobs: Knobs, changes: ScenarioChanges): string {
  const k = Object.keys(KNOBS.fields).map((name) => knobs[name as keyof Knobs]);
  const c = Object.entries(changes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([k, c]);
}

/** A distinct setting that the targets read: run once per replication. */
export interface Variant {
  /** A short label: "standardised", or "standardised with followUp 0.8; office.advisorsPer1000 = 14.29". */
  label: string;
  /** The policy as written on the first side that named this setting. */
  policy: string;
  /** The full knobs it runs with. */
  knobs: Knobs;
  /** The scenario values it changes, by dotted path. */
  changes: ScenarioChanges;
}

/** "standardised with followUp 0.8; office.advisorsPer1000 = 14.29". */
export function settingLabel(s: Setting): string {
  const knobs = Object.entries(s.knobs).filter(([, v]) => v !== undefined).map(([k, v]) => `${k} ${v}`);
  const changes = Object.entries(s.changes).map(([k, v]) => `${k} = ${changeValueText(v)}`);
  const parts = [knobs.join(', '), changes.join(', ')].filter((x) => x !== '');
  return parts.length ? `${s.policy} with ${parts.join('; ')}` : s.policy;
}

/** A checked plan: the distinct settings with their scenarios, and for each target the settings its sides read. */
export interface TargetPlan {
  variants: (Variant & { scenario: Scenario })[];
  /** Per target, per side (one for a level, A and B for a difference): the index of its variant. */
  sides: number[][];
  /** Per target, the metric as parsed. */
  metrics: MetricKey[];
}

/**
 * Check a target file against a scenario and the run settings, and plan its
 * runs: the file names this scenario; every side's policy, group and changes
 * exist; a metric by year asks for a year the run reaches; the two sides of
 * a difference differ. Sides that come to the same knobs and changes share
 * one variant (so targets that share a setting share its runs). Throws
 * ValidationError naming the field.
 */
export function checkTargets(file: TargetFile, s: Scenario, settings: Pick<RunSettings, 'weeks'>, source = 'targets'): TargetPlan {
  const errors: FieldError[] = [];
  if (file.scenario !== s.name) {
    errors.push({ path: 'scenario', message: `${show(file.scenario)} is not the scenario given (${show(s.name)}); run these targets with --scenario ${file.scenario}, or a scenario file whose name is ${file.scenario}` });
    throw new ValidationError(errors, source);
  }
  const policies = policyNames(s);
  const groups = outputGroupNames(s);
  const variants: TargetPlan['variants'] = [];
  const byKey = new Map<string, number>();
  const sides: number[][] = [];
  const metrics: MetricKey[] = [];
  file.targets.forEach((t, i) => {
    const at = `targets[${i}]`;
    const m = parseMetricKey(t.quantity.metric, { weeks: settings.weeks });
    if ('error' in m) errors.push({ path: `${at}.quantity.metric`, message: m.error });
    else metrics[i] = m;
    const ids: number[] = [];
    sidesOf(t.quantity).forEach((side, k) => {
      const path = sidePaths(t.quantity, k, at);
      if (!policies.includes(side.policy)) {
        errors.push({ path: `${path}.policy`, message: `${show(side.policy)} is not a policy of scenario ${s.name}; known: ${policies.join(', ')}` });
        return;
      }
      if (!groups.includes(side.group)) {
        const own = isDifference(t.quantity) && side.group !== t.quantity.group;
        errors.push({ path: own ? `${path}.group` : `${at}.quantity.group`, message: `${show(side.group)} is not a group of scenario ${s.name}; expected one of ${groups.join(', ')}` });
      }
      const scenario = changedScenario(s, side.changes, path, errors, { who: 'a target' });
      if (scenario === undefined) return;
      const knobs = policyKnobs(s, side.policy, side.knobs, `${path}.knobs`);
      const key = settingKey(knobs, side.changes);
      let id = byKey.get(key);
      if (id === undefined) {
        id = variants.length;
        byKey.set(key, id);
        variants.push({ label: settingLabel(side), policy: side.policy, knobs, changes: { ...side.changes }, scenario });
      }
      ids.push(id);
    });
    const q = t.quantity;
    if (isDifference(q) && ids.length === 2 && ids[0] === ids[1] && q.difference.A.group === q.difference.B.group) {
      errors.push({ path: `${at}.quantity.difference.B`, message: 'gives the same setting and group as A, so the difference is zero by definition; change the policy, knobs, changes or group of one side' });
    }
    sides[i] = ids;
  });
  if (errors.length) throw new ValidationError(errors, source);
  return { variants, sides, metrics };
}

// ---------------------------------------------------------------------------
// Evaluating

export interface EvaluateOptions {
  /** How errors name the target file (default `targets`). */
  source?: string;
  /** Called after each finished run with (done, total). */
  onProgress?: (done: number, total: number) => void;
}

/** What the model gives for one target. */
export interface TargetResult extends Target {
  /** The quantity in words: "employedShareByYear.5 of refugee under standardised". */
  quantityText: string;
  /** The variants (indices into TargetsResult.variants) its sides read: one for a level, A then B for a difference. */
  variants: number[];
  /** The quantity per replicate (B − A for a difference), its mean and 95% t-interval over replicates. */
  model: { values: number[]; mean: number; ci95: [number, number] };
  /** Whether the mean lies within the band (edges included). */
  withinBand: boolean;
  /** The mean minus the published value. */
  error: number;
  /** How far the mean lies outside the band: 0 within it, mean − hi above it, mean − lo below it. */
  miss: number;
}

/** Targets within band out of all, for one use. */
export interface BandCount {
  within: number;
  total: number;
}

export interface TargetsResult {
  scenario: string;
  title: string;
  description?: string;
  settings: RunSettings;
  /** Every scenario value the runs change against the shipped scenario of the same name (runChanges in sim/settings.ts); each variant's own changes are in `variants`. */
  changes: Changes;
  /** The distinct settings run, each once per replication. */
  variants: Variant[];
  /** The targets in file order. */
  targets: TargetResult[];
  fit: BandCount;
  holdout: BandCount;
}

/** The run settings for targets: the options (replications, seed, agents), else the scenario's (checked by resolveRunSettings). */
export function targetSettings(s: Scenario, options: Partial<Pick<RunSettings, 'replications' | 'seed' | 'agents'>> = {}): RunSettings {
  return resolveRunSettings(s, {}, options);
}

/** "employedShareByYear.5 of refugee under standardised"; "B − A of medianWeeksToFirstJob: ... minus ...". */
export function quantityText(q: Quantity): string {
  if (!isDifference(q)) return `${q.metric} of ${q.group} under ${settingLabel(q)}`;
  const side = (x: Side) => `${x.group} under ${settingLabel(x)}`;
  return `${q.metric}: ${side(q.difference.B)} minus ${side(q.difference.A)}`;
}

/** Whether a mean is within a band, and by how much it misses. */
export function bandCheck(mean: number, [lo, hi]: [number, number]): { withinBand: boolean; miss: number } {
  const miss = mean > hi ? mean - hi : mean < lo ? mean - lo : 0;
  return { withinBand: mean >= lo && mean <= hi, miss };
}

/**
 * Evaluate a target file on a scenario: check it (`checkTargets`), run each
 * distinct setting once per replicate with the same seed and replicate
 * number (same people, same luck; `runReplicate`), read each target's metric
 * for its group (B − A per replicate for a difference), and give its mean
 * and 95% t-interval over replicates (`estimate`, as `compare` does), whether
 * the mean lies within the band, and the counts within band for fit and
 * held-out targets. Throws ValidationError when the file does not fit the
 * scenario.
 */
export function evaluateTargets(s: Scenario, file: TargetFile, settings: RunSettings, opts: EvaluateOptions = {}): TargetsResult {
  const plan = checkTargets(file, s, settings, opts.source);
  const R = settings.replications;
  const total = R * plan.variants.length;
  const summaries: Record<string, Summary>[][] = plan.variants.map(() => []);
  const run = { seed: settings.seed, agents: settings.agents, weeks: settings.weeks };
  let done = 0;
  for (let r = 0; r < R; r++) {
    plan.variants.forEach((v, j) => {
      summaries[j].push(runReplicate(v.scenario, v.label, r, { ...run, knobs: v.knobs }).summary);
      opts.onProgress?.(++done, total);
    });
  }
  return targetsResult(s, file, plan, settings, (i, k, r) => sideValue(file.targets[i], plan.metrics[i], k, summaries[plan.sides[i][k]][r]));
}

/** The metric of side k of a target (0 for a level; 0 = A, 1 = B for a difference) in one run's summary. */
export function sideValue(t: Target, metric: MetricKey, k: number, summary: Record<string, Summary>): number {
  return metricValue(summary[sidesOf(t.quantity)[k].group], metric);
}

/** Reads side k of target i in replicate r (the runs may have been made anywhere: in this thread, in workers, from a journal). */
export type SideReader = (i: number, k: number, r: number) => number;

/**
 * The result of a checked target file from the values of its sides per
 * replicate: each target's quantity per replicate (B − A for a difference),
 * its mean and 95% t-interval, whether the mean lies within the band, and
 * the counts within band for fit and held-out targets.
 */
export function targetsResult(s: Scenario, file: TargetFile, plan: TargetPlan, settings: RunSettings, read: SideReader): TargetsResult {
  const R = settings.replications;
  const targets = file.targets.map((t, i): TargetResult => {
    const ids = plan.sides[i];
    const values = Array.from({ length: R }, (_, r) => (ids.length === 2 ? read(i, 1, r) - read(i, 0, r) : read(i, 0, r)));
    const e = estimate(values);
    return {
      ...t, quantityText: quantityText(t.quantity), variants: ids,
      model: { values, mean: e.mean, ci95: e.ci95 }, ...bandCheck(e.mean, t.band), error: e.mean - t.value,
    };
  });
  const count = (use: TargetUse): BandCount => {
    const of = targets.filter((t) => t.use === use);
    return { within: of.filter((t) => t.withinBand).length, total: of.length };
  };
  const result: TargetsResult = {
    scenario: s.name, title: s.title ?? s.name, description: file.description, settings: { ...settings },
    changes: runChanges(s, settings),
    variants: plan.variants.map(({ label, policy, knobs, changes }) => ({ label, policy, knobs, changes })),
    targets, fit: count('fit'), holdout: count('holdout'),
  };
  if (result.description === undefined) delete result.description;
  return result;
}
