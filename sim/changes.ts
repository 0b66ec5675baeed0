/**
 * Scenario values changed by dotted path: the one implementation of
 * `changes` (a target's setting, an arm of a comparison). Browser-safe: no
 * node: imports.
 *
 * A path names a field of the scenario as `pathways sweep --vary` does
 * (`office.caseload`, `groups.refugee.language`,
 * `services.languageCourse.weeks`, `labourMarket.vacanciesPer1000.0`;
 * `fieldAt` in sim/sweep/params.ts): a number field, whose value is checked
 * against the scenario schema's range, or a list of words such as a
 * service's entry rule (`services.careerGuidance.entry`), given whole and
 * checked word by word against the words the schema allows. The changed
 * scenario is validated again as a whole (group shares must still add up
 * to 1).
 */
import { InputError } from './errors.ts';
import { parseScenario, type Scenario } from './scenario.ts';
import { describeAllowed, resolve, show, ValidationError, type FieldError } from './schema/dsl.ts';
import { SETTING_NAMES } from './settings.ts';
import { fieldAt } from './sweep/params.ts';

/** A changed value: a number, or the whole list of a field that is a list of words (an entry rule). */
export type ChangeValue = number | string[];

/** Scenario values to change, by dotted path (number fields, and lists of words given whole). */
export type ScenarioChanges = Record<string, ChangeValue>;

/** A changed value as text: `30`, `[benefitRights, refugee]`. */
export const changeValueText = (v: ChangeValue): string => (Array.isArray(v) ? `[${v.join(', ')}]` : String(v));

/** Run settings that `changes` may not change: they are the run's (options or the scenario's). */
const RUN_FIELDS = new Set<string>(SETTING_NAMES);

export interface ChangeOptions {
  /** What the changes belong to, for messages: "cannot be changed by a target". Default `these changes`. */
  who?: string;
}

/**
 * The scenario with `changes` applied (numeric fields by dotted path, checked
 * against the schema, the result validated again). Problems go to `errors`
 * at `PATH.changes.FIELD` (`path` is where the changes sit, e.g.
 * `targets[0].quantity` or `variants[1]`), and the result is undefined; the
 * scenario itself (not a copy) when there are no changes.
 */
export function changedScenario(s: Scenario, changes: ScenarioChanges, path: string, errors: FieldError[], opts: ChangeOptions = {}): Scenario | undefined {
  const entries = Object.entries(changes);
  if (entries.length === 0) return s;
  const who = opts.who ?? 'these changes';
  const prefix = path ? `${path}.` : '';
  const raw = structuredClone(s) as unknown as Record<string | number, unknown>;
  let ok = true;
  for (const [name, value] of entries) {
    const at = `${prefix}changes.${name}`;
    const first = name.split('.')[0];
    if (RUN_FIELDS.has(first)) {
      errors.push({ path: at, message: `cannot be changed by ${who}; ${first} is a setting of the run (the options or the scenario’s)` });
      ok = false;
      continue;
    }
    if (first === 'knobs') {
      errors.push({ path: at, message: `is not a scenario field; give knob overrides in ${prefix}knobs` });
      ok = false;
      continue;
    }
    let field;
    try {
      field = fieldAt(s, name);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      // fieldAt names the option it serves (`--vary: NAME: why`); here the field is the path
      errors.push({ path: at, message: err.message.replace(`--vary: ${name}: `, '') });
      ok = false;
      continue;
    }
    const spec = field.spec;
    if (spec.kind === 'array' && spec.items.kind === 'string') {
      // a list of words, given whole: each word one the schema allows
      const own: FieldError[] = [];
      if (Array.isArray(value)) resolve(spec, value, at, own);
      else own.push({ path: at, message: `${show(value)} is not allowed; expected a list of words, each ${describeAllowed(spec.items)}` });
      if (own.length) {
        errors.push(...own);
        ok = false;
        continue;
      }
    } else if (spec.kind !== 'number') {
      errors.push({ path: at, message: `is not a number field or a list of words; it takes ${describeAllowed(spec)}` });
      ok = false;
      continue;
    } else if (typeof value !== 'number' || !Number.isFinite(value) || value < spec.min || value > spec.max || (spec.integer && !Number.isInteger(value))) {
      errors.push({ path: at, message: `${show(value)} is not allowed; expected ${describeAllowed(spec)}` });
      ok = false;
      continue;
    }
    let obj = raw;
    for (const k of field.path.slice(0, -1)) obj = obj[k] as Record<string | number, unknown>;
    obj[field.path[field.path.length - 1]] = structuredClone(value);
  }
  if (!ok) return undefined;
  try {
    return parseScenario(raw, `scenario ${s.name}`);
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    const e = err.errors[0];
    const more = err.errors.length > 1 ? ` (and ${err.errors.length - 1} more)` : '';
    errors.push({ path: `${prefix}changes`, message: `make scenario ${s.name} invalid: ${e.path}: ${e.message}${more}` });
    return undefined;
  }
}
