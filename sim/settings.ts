/**
 * A run's settings, resolved once (browser-safe: the CLI's commands and the
 * page use the same functions):
 *
 * - `resolveRunSettings`: agents, weeks, seed and replications from a
 *   command-line option, else a file (a hypothesis), else the scenario;
 *   checked against the scenario schema's ranges (the one definition of the
 *   limits) and against the scenario's personas.
 * - `applyKnobs` / `policyKnobs`: knob overrides on top of a base policy.
 * - `scenarioChanges` / `runChanges`: every scenario value a run changed, as
 *   dotted paths with values, so a result says what was run.
 */
import { SHIPPED } from '../scenarios/index.ts';
import { InputError, suggest, ValidationError } from './errors.ts';
import { baseOf, parseScenarioFile } from './extends.ts';
import { looksLikePath } from './json.ts';
import { describeAllowed, ITEM_KEYS, show, type NumberSpec } from './schema/dsl.ts';
import { KNOB_NAMES, KNOBS, SCENARIO } from './schema/scenario.ts';
import { resolvePolicy, type Knobs, type Scenario } from './scenario.ts';

/** The settings of a run, in the order results show them. */
export const SETTING_NAMES = ['agents', 'weeks', 'seed', 'replications'] as const;
export type SettingName = (typeof SETTING_NAMES)[number];
export type RunSettings = Record<SettingName, number>;

/** A setting's spec (range, integer, unit): the scenario schema's field. */
export const settingSpec = (name: SettingName): NumberSpec => SCENARIO.fields[name] as NumberSpec;

/** The message when `agents` (shown as `shown`) cannot hold the scenario's personas, else undefined. */
export function tooFewAgents(s: Pick<Scenario, 'name' | 'personas'>, agents: number, shown: string = show(agents)): string | undefined {
  const n = s.personas.length;
  return agents < n ? `${shown} is not allowed; scenario ${s.name} has ${n} personas, so it needs at least ${n} agents` : undefined;
}

export interface ResolveOptions {
  /** How an error names a setting given as an option (default `--agents`, `--weeks` ...). */
  option?: (name: SettingName) => string;
  /** What an error names as the source of the file's values (default `file`); their errors are ValidationErrors with the field path. */
  file?: string;
  /**
   * Ranges narrower than the schema's (the page's, which holds every run in
   * memory): an option or file value outside is an error, the scenario's own
   * value is capped at it and reported to `onCapped`.
   */
  limits?: Partial<Record<SettingName, readonly [number, number]>>;
  onCapped?: (name: SettingName, value: number, used: number) => void;
}

/**
 * The settings of a run: each from `options` (the command line, the page's
 * fields), else `file` (a hypothesis file), else the scenario. Every value
 * given is checked against the schema's range (or `limits`), and agents
 * against the scenario's personas. Throws InputError naming the option
 * (`--agents: "3" is not allowed; ...`) or ValidationError naming the file's
 * field (`hypothesis h.json: agents: 3 is not allowed; ...`).
 */
export function resolveRunSettings(
  s: Scenario, file: Partial<RunSettings> = {}, options: Partial<RunSettings> = {}, how: ResolveOptions = {},
): RunSettings {
  const option = how.option ?? ((name: SettingName) => `--${name}`);
  const fileSource = how.file ?? 'file';
  const from = {} as Record<SettingName, 'option' | 'file' | 'scenario'>;
  const out = {} as RunSettings;
  for (const name of SETTING_NAMES) {
    const spec = settingSpec(name);
    const [min, max] = how.limits?.[name] ?? [spec.min, spec.max];
    const ok = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
    const allowed = describeAllowed({ ...spec, min, max });
    if (options[name] !== undefined) {
      const v = options[name];
      if (!ok(v)) throw new InputError(`${option(name)}: ${JSON.stringify(String(v))} is not allowed; expected an integer from ${min} to ${max}`);
      out[name] = v;
      from[name] = 'option';
    } else if (file[name] !== undefined) {
      const v = file[name];
      if (!ok(v)) throw new ValidationError([{ path: name, message: `${show(v)} is not allowed; expected ${allowed}` }], fileSource);
      out[name] = v;
      from[name] = 'file';
    } else {
      const used = Math.min(max, Math.max(min, s[name]));
      if (used !== s[name]) how.onCapped?.(name, s[name], used);
      out[name] = used;
      from[name] = 'scenario';
    }
  }
  const where = from.agents;
  const few = tooFewAgents(s, out.agents, where === 'option' ? JSON.stringify(String(out.agents)) : show(out.agents));
  if (few !== undefined) {
    if (where === 'option') throw new InputError(`${option('agents')}: ${few}`);
    throw new ValidationError([{ path: 'agents', message: few }], where === 'file' ? fileSource : `scenario ${s.name}`);
  }
  return out;
}

/**
 * A base policy's knobs with `overrides` on top (undefined overrides are
 * ignored). Each override must be a knob within the schema's range; else
 * InputError naming `where.KNOB`.
 */
export function applyKnobs(base: Knobs, overrides: Partial<Knobs> = {}, where = 'knobs'): Knobs {
  const out = { ...base };
  for (const [name, v] of Object.entries(overrides)) {
    if (v === undefined) continue;
    if (!Object.hasOwn(KNOBS.fields, name)) {
      throw new InputError(`${where}.${name}: is not a knob${suggest(name, KNOB_NAMES)}; knobs: ${KNOB_NAMES.join(', ')}`);
    }
    const spec = KNOBS.fields[name] as NumberSpec;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < spec.min || v > spec.max) {
      throw new InputError(`${where}.${name}: ${show(v)} is not allowed; expected ${describeAllowed(spec)}`);
    }
    out[name as keyof Knobs] = v;
  }
  return out;
}

/** The full knobs of the scenario's policy `name` with `overrides` on top (see applyKnobs). */
export const policyKnobs = (s: Scenario, name: string, overrides: Partial<Knobs> = {}, where?: string): Knobs =>
  applyKnobs(resolvePolicy(s, name), overrides, where);

/** Scenario values by dotted path (`agents`, `office.caseload`, `groups.refugee.language`, `labourMarket.vacanciesPer1000.0`). */
export type Changes = Record<string, unknown>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The key naming the items of two lists of objects (`name` or `id`) when both hold the same items in the same order. */
function itemKey(a: unknown[], b: unknown[]): string | undefined {
  if (a.length !== b.length || !a.every(isObject) || !b.every(isObject)) return undefined;
  for (const key of ITEM_KEYS) {
    const names = a.map((x) => (x as Record<string, unknown>)[key]);
    if (names.every((n, i) => typeof n === 'string' && n === (b[i] as Record<string, unknown>)[key]) && new Set(names).size === names.length) return key;
  }
  return undefined;
}

function diff(a: unknown, b: unknown, path: string, out: Changes): void {
  if (same(a, b)) return;
  const at = (k: string | number) => (path ? `${path}.${k}` : String(k));
  if (Array.isArray(a) && Array.isArray(b)) {
    const key = itemKey(a, b);
    if (key !== undefined) a.forEach((x, i) => diff(x, b[i], at((x as Record<string, string>)[key]), out));
    else if (a.length === b.length && !a.some((x) => typeof x === 'object') && !b.some((x) => typeof x === 'object')) a.forEach((x, i) => diff(x, b[i], at(i), out));
    else out[path] = b;
    return;
  }
  if (isObject(a) && isObject(b)) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) diff(a[k], b[k], at(k), out);
    return;
  }
  out[path] = b === undefined ? null : b;
}

/**
 * Every value of `run` that differs from `base`, by dotted path (items of
 * lists by name or id, numbers in lists by position; a list whose items were
 * added, removed or reordered as a whole; a removed value as null). What a
 * scenario extends (`extends`) is where it came from, not a value of it.
 */
export function scenarioChanges(base: Scenario, run: Scenario): Changes {
  const out: Changes = {};
  const { extends: _a, ...a } = base;
  const { extends: _b, ...b } = run;
  diff(a, b, '', out);
  return out;
}

const shipped = (name: string): Scenario | undefined => {
  if (looksLikePath(name) || !Object.hasOwn(SHIPPED, name)) return undefined;
  try {
    return parseScenarioFile(SHIPPED[name], `scenario ${name}`);
  } catch {
    return undefined;
  }
};

/**
 * The scenario a run's changes are listed against: for a scenario file that
 * extends another, its base (as merged by parseScenarioFile, else the
 * shipped scenario it names in `extends`), so a file that extends
 * mixed-office and changes the caseload lists `office.caseload`; else the
 * shipped scenario of the same name (so a file that edits a full copy of a
 * shipped scenario says what it edited); else the scenario itself.
 */
export function baseScenario(s: Scenario): Scenario {
  return baseOf(s) ?? (s.extends !== undefined ? shipped(s.extends) : undefined) ?? shipped(s.name) ?? s;
}

/** Every scenario value a run with `settings` changes: against `base` (default: baseScenario(s)), with the settings in place. */
export function runChanges(s: Scenario, settings: Partial<RunSettings>, base: Scenario = baseScenario(s)): Changes {
  const run = { ...s };
  for (const name of SETTING_NAMES) if (settings[name] !== undefined) run[name] = settings[name];
  return scenarioChanges(base, run);
}
