/**
 * A small schema language: one description of every scenario field that is
 * at once the validator, the source of defaults and the source of the
 * parameter tables in docs/MODEL.md.
 */
import type { FieldError } from '../errors.ts';

export interface NumberSpec {
  kind: 'number';
  default?: number;
  min: number;
  max: number;
  integer?: boolean;
  unit: string;
  doc: string;
}
export interface StringSpec {
  kind: 'string';
  default?: string;
  /** Allowed values; absent means any non-empty string. */
  values?: readonly string[];
  pattern?: RegExp;
  doc: string;
}
export interface BooleanSpec {
  kind: 'boolean';
  default?: boolean;
  doc: string;
}
export interface ArraySpec {
  kind: 'array';
  items: Spec;
  default?: unknown[];
  minItems?: number;
  maxItems?: number;
  /** Exact length, e.g. one value per level. */
  length?: number;
  doc: string;
}
export interface ObjectSpec {
  kind: 'object';
  fields: Record<string, Spec>;
  /** Fields that have no default and must be given. */
  required?: readonly string[];
  doc: string;
}
export interface RecordSpec {
  kind: 'record';
  values: Spec;
  default?: Record<string, unknown>;
  doc: string;
}
export type Spec = NumberSpec | StringSpec | BooleanSpec | ArraySpec | ObjectSpec | RecordSpec;

export const num = (def: number | undefined, min: number, max: number, unit: string, doc: string): NumberSpec =>
  ({ kind: 'number', default: def, min, max, unit, doc });
export const int = (def: number | undefined, min: number, max: number, unit: string, doc: string): NumberSpec =>
  ({ kind: 'number', default: def, min, max, unit, doc, integer: true });
export const share = (def: number | undefined, doc: string): NumberSpec => num(def, 0, 1, 'share', doc);
export const str = (def: string | undefined, doc: string, values?: readonly string[]): StringSpec =>
  ({ kind: 'string', default: def, doc, values });
export const bool = (def: boolean | undefined, doc: string): BooleanSpec => ({ kind: 'boolean', default: def, doc });
export const arr = (items: Spec, doc: string, opts: Partial<Omit<ArraySpec, 'kind' | 'items' | 'doc'>> = {}): ArraySpec =>
  ({ kind: 'array', items, doc, ...opts });
export const obj = (fields: Record<string, Spec>, doc: string, required: readonly string[] = []): ObjectSpec =>
  ({ kind: 'object', fields, doc, required });
export const rec = (values: Spec, doc: string, def?: Record<string, unknown>): RecordSpec =>
  ({ kind: 'record', values, doc, default: def });

/** Field errors and ValidationError live with the other errors (sim/errors.ts). */
export { ValidationError, type FieldError } from '../errors.ts';

export function show(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === undefined) return 'nothing';
  const s = JSON.stringify(v);
  return s.length > 60 ? s.slice(0, 57) + '...' : s;
}

export function describeAllowed(spec: Spec): string {
  switch (spec.kind) {
    case 'number':
      return `${spec.integer ? 'an integer' : 'a number'} from ${spec.min} to ${spec.max}${spec.unit && spec.unit !== 'share' ? ` (${spec.unit})` : ''}`;
    case 'string':
      return spec.values ? `one of ${spec.values.map((v) => JSON.stringify(v)).join(', ')}` : 'a non-empty string';
    case 'boolean':
      return 'true or false';
    case 'array':
      return spec.length !== undefined ? `a list of exactly ${spec.length} items` : 'a list';
    case 'object':
      return 'an object';
    case 'record':
      return 'an object of named entries';
  }
}

/** `obj[key]` when `key` is `obj`'s own property, else undefined (never a member of Object.prototype). */
export const ownValue = <T>(obj: Record<string, T>, key: string): T | undefined => (Object.hasOwn(obj, key) ? obj[key] : undefined);

/** Set `obj[key]` as an own property, also for a key such as "__proto__" (which plain assignment would turn into a prototype). */
export function setOwn(obj: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

const join = (path: string, key: string | number) =>
  typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;

/**
 * Validate `value` against `spec` and return a copy with defaults filled in.
 * Unknown fields are errors (a typo must not be silently ignored).
 */
export function resolve(spec: Spec, value: unknown, path: string, errors: FieldError[]): unknown {
  if (value === undefined) {
    // defaults pass through the spec too, so nested defaults (e.g. of the default services) are filled in
    if ('default' in spec && spec.default !== undefined) return resolve(spec, structuredClone(spec.default), path, errors);
    if (spec.kind === 'object') return resolve(spec, {}, path, errors);
    errors.push({ path, message: `is missing; expected ${describeAllowed(spec)}` });
    return undefined;
  }
  switch (spec.kind) {
    case 'number': {
      const ok = typeof value === 'number' && Number.isFinite(value) && value >= spec.min && value <= spec.max
        && (!spec.integer || Number.isInteger(value));
      if (!ok) errors.push({ path, message: `${show(value)} is not allowed; expected ${describeAllowed(spec)}` });
      return value;
    }
    case 'string': {
      // a string may be empty only where empty is its default (e.g. optional Info texts)
      const ok = typeof value === 'string' && (value.length > 0 || spec.default === '') && (!spec.values || spec.values.includes(value))
        && (!spec.pattern || spec.pattern.test(value));
      if (!ok) errors.push({ path, message: `${show(value)} is not allowed; expected ${describeAllowed(spec)}` });
      return value;
    }
    case 'boolean':
      if (typeof value !== 'boolean') errors.push({ path, message: `${show(value)} is not allowed; expected true or false` });
      return value;
    case 'array': {
      if (!Array.isArray(value)) {
        errors.push({ path, message: `${show(value)} is not allowed; expected ${describeAllowed(spec)}` });
        return value;
      }
      if (spec.length !== undefined && value.length !== spec.length)
        errors.push({ path, message: `has ${value.length} items; expected exactly ${spec.length}` });
      if (spec.minItems !== undefined && value.length < spec.minItems)
        errors.push({ path, message: `has ${value.length} items; expected at least ${spec.minItems}` });
      if (spec.maxItems !== undefined && value.length > spec.maxItems)
        errors.push({ path, message: `has ${value.length} items; expected at most ${spec.maxItems}` });
      return value.map((item, i) => resolve(spec.items, item, join(path, i), errors));
    }
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        errors.push({ path, message: `${show(value)} is not allowed; expected an object` });
        return value;
      }
      const input = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      // own properties only: "__proto__", "constructor", "toString" ... are on every object, not fields
      for (const key of Object.keys(input)) {
        if (!Object.hasOwn(spec.fields, key))
          errors.push({ path: join(path, key), message: `is not a known field; known fields here: ${Object.keys(spec.fields).join(', ')}` });
      }
      for (const [key, fieldSpec] of Object.entries(spec.fields)) {
        const v = ownValue(input, key);
        if (v === undefined && !(spec.required ?? []).includes(key) && !('default' in fieldSpec && fieldSpec.default !== undefined)
          && fieldSpec.kind !== 'object') continue; // optional without default
        out[key] = resolve(fieldSpec, v, join(path, key), errors);
      }
      return out;
    }
    case 'record': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        errors.push({ path, message: `${show(value)} is not allowed; expected an object of named entries` });
        return value;
      }
      const out: Record<string, unknown> = {};
      for (const [key, v] of Object.entries(value as Record<string, unknown>)) setOwn(out, key, resolve(spec.values, v, join(path, key), errors));
      return out;
    }
  }
}

/** Walk every leaf number/string/boolean field with its dotted path (arrays shown as `[]`). */
export function* leaves(spec: Spec, path = ''): Generator<[string, Spec]> {
  if (spec.kind === 'object') {
    for (const [k, f] of Object.entries(spec.fields)) yield* leaves(f, join(path, k));
  } else if (spec.kind === 'array' && (spec.items.kind === 'object')) {
    yield* leaves(spec.items, `${path}[]`);
  } else if (spec.kind === 'record' && spec.values.kind === 'object') {
    yield* leaves(spec.values, `${path}.NAME`);
  } else {
    yield [path, spec];
  }
}
