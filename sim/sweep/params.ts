/**
 * Sweep parameters: parsing `NAME=lo:hi:step` / `NAME=v1,v2,...`, finding the
 * field a name points at, and applying a point to a scenario.
 *
 * Names: `knobs.NAME` (overrides that knob for every policy of the run) or a
 * numeric scenario field by dot path. Lists of named items are indexed by name
 * (`groups.refugee.language`, `services.languageCourse.weeks`,
 * `policies.NAME.KNOB`), lists of numbers by 0-based position
 * (`labourMarket.vacanciesPer1000.2`).
 */
import { describeAllowed, ownValue, ValidationError, type NumberSpec, type Spec } from '../schema/dsl.ts';
import { KNOB_NAMES, KNOBS, SCENARIO } from '../schema/scenario.ts';
import { parseScenario, type Knobs, type Scenario } from '../scenario.ts';
import { InputError, suggest } from '../errors.ts';
import type { Vary } from './types.ts';

/** Where a parameter goes. */
export interface Target {
  name: string;
  kind: 'knob' | 'field';
  spec: NumberSpec;
  /** Keys from the scenario object to the field (fields only). */
  path: (string | number)[];
}

/** Fields set by their own options, not by --vary. */
const NOT_VARIED: Record<string, string> = { seed: 'use --seed', replications: 'use --replications' };

/** A number as the command line writes one: digits with an optional sign, point and exponent (no hex, no Infinity). */
export const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const bad = (text: string, why: string) => new InputError(`--vary: ${JSON.stringify(text)} is not allowed; ${why}`);

function number(text: string, whole: string): number {
  const t = text.trim();
  if (!NUMBER.test(t)) throw bad(whole, `${JSON.stringify(t)} is not a number`);
  return Number(t);
}

/** Parse `NAME=lo:hi:step`, `NAME=lo:hi` or `NAME=v1,v2,...`. */
export function parseVary(text: string): Vary {
  const eq = text.indexOf('=');
  if (eq <= 0) throw bad(text, 'expected NAME=lo:hi:step or NAME=v1,v2,...');
  const name = text.slice(0, eq).trim();
  const rhs = text.slice(eq + 1).trim();
  if (rhs === '') throw bad(text, 'no values after "="; expected NAME=lo:hi:step or NAME=v1,v2,...');
  if (rhs.includes(':')) {
    const parts = rhs.split(':');
    if (parts.length > 3) throw bad(text, 'a range is lo:hi:step');
    const [lo, hi, step] = parts.map((p) => number(p, text));
    return step === undefined ? { name, lo, hi } : { name, lo, hi, step };
  }
  return { name, values: rhs.split(',').map((v) => number(v, text)) };
}

/** The text form of a parameter, as `parseVary` reads it. */
export const varyText = (v: Vary): string =>
  'values' in v ? `${v.name}=${v.values.join(',')}` : `${v.name}=${v.lo}:${v.hi}${v.step === undefined ? '' : `:${v.step}`}`;

/** Decimal places of a number as JavaScript writes it (1e-7 has 7). */
function decimals(x: number): number {
  const [mant, exp] = String(x).split('e');
  const d = (mant.split('.')[1] ?? '').length - Number(exp ?? 0);
  return Math.min(20, Math.max(0, d));
}

/** lo, lo + step, ... up to hi inclusive, free of float noise (0:0.3:0.1 gives 0, 0.1, 0.2, 0.3). */
export function rangeValues(lo: number, hi: number, step: number): number[] {
  const d = Math.max(decimals(lo), decimals(hi), decimals(step));
  const n = Math.floor((hi - lo) / step + 1e-9);
  return Array.from({ length: n + 1 }, (_, k) => Number((lo + k * step).toFixed(d)));
}

const join = (segs: string[]) => segs.join('.') || 'the scenario';

/** Find the numeric field (or knob) a parameter name points at in scenario `s`. */
export function locate(s: Scenario, name: string): Target {
  const fail = (why: string) => new InputError(`--vary: ${name}: ${why}`);
  const segs = name.split('.');
  if (segs[0] === 'knobs' && segs.every((x) => x !== '')) {
    const names: readonly string[] = KNOB_NAMES;
    if (segs.length !== 2 || !names.includes(segs[1])) {
      throw fail(`is not a knob${segs.length === 2 ? suggest(segs[1], names, 'knobs.') : ''}; knobs: ${names.join(', ')}`);
    }
    return { name, kind: 'knob', spec: KNOBS.fields[segs[1]] as NumberSpec, path: [segs[1]] };
  }
  const { spec, path } = fieldAt(s, name);
  if (spec.kind !== 'number') throw fail(`is not a number field; it takes ${describeAllowed(spec)}`);
  return { name, kind: 'field', spec, path };
}

/**
 * The scenario field of any kind a dotted path points at in scenario `s`
 * (items of lists of named objects by name, lists of values by position),
 * with its schema node and the keys from the scenario object to it. Throws
 * InputError `--vary: NAME: why` (the messages of `locate`).
 */
export function fieldAt(s: Scenario, name: string): { spec: Spec; path: (string | number)[] } {
  const fail = (why: string) => new InputError(`--vary: ${name}: ${why}`);
  const segs = name.split('.');
  if (segs.some((x) => x === '')) throw fail('is not a parameter name; expected knobs.NAME or a field path such as office.caseload');
  if (Object.hasOwn(NOT_VARIED, segs[0])) throw fail(`cannot be varied; ${NOT_VARIED[segs[0]]}`);
  let spec: Spec = SCENARIO;
  let value: unknown = s;
  const path: (string | number)[] = [];
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i];
    const here = join(segs.slice(0, i));
    if (spec.kind === 'object') {
      const fields: string[] = Object.keys(spec.fields);
      if (!fields.includes(seg)) throw fail(`${JSON.stringify(seg)} is not a field of ${here}${suggest(seg, fields)}; fields: ${fields.join(', ')}`);
      spec = spec.fields[seg];
      value = value === undefined ? undefined : ownValue(value as Record<string, unknown>, seg);
      path.push(seg);
    } else if (spec.kind === 'array') {
      const list = (value ?? []) as unknown[];
      if (spec.items.kind === 'object') {
        const key = 'name' in spec.items.fields ? 'name' : 'id';
        const names = list.map((x) => String((x as Record<string, unknown>)[key]));
        const idx = names.indexOf(seg);
        if (idx < 0) throw fail(`${here} has no item with ${key} ${JSON.stringify(seg)}${suggest(seg, names)}; ${here}: ${names.join(', ') || 'none'}`);
        path.push(idx);
        value = list[idx];
      } else {
        if (!/^\d+$/.test(seg) || Number(seg) >= list.length) {
          throw fail(`${JSON.stringify(seg)} is not a position in ${here}; expected 0 to ${list.length - 1}`);
        }
        path.push(Number(seg));
        value = list[Number(seg)];
      }
      spec = spec.items;
    } else if (spec.kind === 'record') {
      const keys = Object.keys((value ?? {}) as object);
      if (!keys.includes(seg)) throw fail(`${here} has no entry ${JSON.stringify(seg)}; entries: ${keys.join(', ') || 'none'}`);
      spec = spec.values;
      value = ownValue(value as Record<string, unknown>, seg);
      path.push(seg);
    } else {
      throw fail(`${here} is a single value; it has no field ${JSON.stringify(seg)}`);
    }
  }
  return { spec, path };
}

/** One-line error unless `v` is allowed for the target (the schema's message). */
export function checkValue(t: Target, v: number): void {
  const s = t.spec;
  if (!Number.isFinite(v) || v < s.min || v > s.max || (s.integer && !Number.isInteger(v))) {
    throw new InputError(`--vary: ${t.name}: ${v} is not allowed; expected ${describeAllowed(s)}`);
  }
}

export const describePoint = (point: Record<string, number>) =>
  Object.entries(point).map(([k, v]) => `${k}=${v}`).join(' ') || '(no parameters)';

/** The scenario at a point (fields set, then validated by the schema) and its knob overrides. */
export function applyPoint(base: Scenario, targets: Target[], point: Record<string, number>): { scenario: Scenario; knobs: Partial<Knobs> } {
  const knobs: Partial<Knobs> = {};
  const fields = targets.filter((t) => t.kind === 'field');
  for (const t of targets) if (t.kind === 'knob') knobs[t.path[0] as keyof Knobs] = point[t.name];
  if (fields.length === 0) return { scenario: base, knobs };
  const raw = structuredClone(base) as unknown as Record<string | number, unknown>;
  for (const t of fields) {
    let obj = raw;
    for (const k of t.path.slice(0, -1)) obj = obj[k] as Record<string | number, unknown>;
    obj[t.path[t.path.length - 1]] = point[t.name];
  }
  try {
    return { scenario: parseScenario(raw, `scenario ${base.name}`), knobs };
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    const e = err.errors[0];
    const more = err.errors.length > 1 ? ` (and ${err.errors.length - 1} more)` : '';
    throw new InputError(`--vary: at ${describePoint(point)}: ${err.source}: ${e.path}: ${e.message}${more}`);
  }
}
