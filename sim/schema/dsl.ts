/**
 * A small schema language: one description of every scenario field that is
 * at once the validator, the source of defaults, the source of the
 * TypeScript types (`Infer`), of the parameter tables in docs/MODEL.md and
 * of the JSON Schema for editors (sim/schema/json-schema.ts).
 */
import type { FieldError } from '../errors.ts';

/** What every node has: its meaning, and another form a file may give instead. */
interface SpecBase {
  doc: string;
  /**
   * Another form a file may give instead of this one (a policy name for a
   * side of a hypothesis, say). Mostly the engine turns that form into this
   * one before it validates; `resolve` reads it only for a value of the other
   * form's JSON type that is not of this one's (a list where this node is a
   * number: the value of a change may be a list of words). The JSON Schema
   * for editors allows both (`anyOf`).
   */
  alsoAccepts?: Spec;
}

/*
 * The type parameters of the nodes carry what TypeScript needs to infer the
 * type of a validated value (`Infer`): whether a node has a default (`D`:
 * `undefined` when it has none), the allowed strings of an enum (`V`), the
 * exact length of a list (`L`), the fields and required fields of an object
 * (`F`, `R`). The defaults of the parameters give the plain node types that
 * code walking any schema uses (`Spec`, `NumberSpec`, ...).
 */

export interface NumberSpec<D extends number | undefined = number | undefined> extends SpecBase {
  kind: 'number';
  default?: D;
  min: number;
  max: number;
  integer?: boolean;
  unit: string;
}
export interface StringSpec<V extends string = string, D extends V | undefined = V | undefined> extends SpecBase {
  kind: 'string';
  default?: D;
  /** Allowed values (an enum, see `oneOf`); absent means any non-empty string. */
  values?: readonly V[];
  pattern?: RegExp;
  /** What `pattern` allows, in words, for messages ("letters, digits and hyphens"). */
  patternDoc?: string;
}
export interface BooleanSpec<D extends boolean | undefined = boolean | undefined> extends SpecBase {
  kind: 'boolean';
  default?: D;
}
export interface ArraySpec<I extends Spec = Spec, L extends number | undefined = number | undefined, D extends unknown[] | undefined = unknown[] | undefined> extends SpecBase {
  kind: 'array';
  items: I;
  default?: D;
  minItems?: number;
  maxItems?: number;
  /** Exact length, e.g. one value per level (the value's type is then a tuple). */
  length?: L;
}
/** The fields of an object node, by name. */
export type Fields = { readonly [key: string]: Spec };
export interface ObjectSpec<F extends Fields = Fields, R extends string = string> extends SpecBase {
  kind: 'object';
  fields: F & Fields;
  /** Fields that have no default and must be given. */
  required?: readonly R[];
  /** The top of a file: `$schema` (a string, for editors) is allowed and ignored. */
  file?: boolean;
}
export interface RecordSpec<V extends Spec = Spec, D extends Record<string, unknown> | undefined = Record<string, unknown> | undefined> extends SpecBase {
  kind: 'record';
  values: V;
  /** What the names of the entries must be; absent means any name. */
  keys?: StringSpec;
  default?: D;
}
export type Spec = NumberSpec | StringSpec | BooleanSpec | ArraySpec | ObjectSpec | RecordSpec;

// ---------------------------------------------------------------------------
// The type of a validated value

/** `undefined` when `D` is (the node has no default), else `T`. */
type Widen<D, T> = [D] extends [undefined] ? undefined : T;
/** Whether a node has a default (so the field is always present after `resolve`). */
type HasDefault<S> = S extends { default?: infer D } ? ([Exclude<D, undefined>] extends [never] ? false : true) : false;
/** Whether `resolve` always gives a field: it is required, has a default, or is an object (whose fields get their defaults). */
type Present<S, Required extends boolean> = Required extends true ? true : S extends { kind: 'object' } ? true : HasDefault<S>;
type Tuple<T, N extends number, Acc extends T[] = []> = Acc['length'] extends N ? Acc : Tuple<T, N, [...Acc, T]>;
type Simplify<T> = { [K in keyof T]: T[K] } & {};
/** The named keys of `F`, without an index signature (`fields` is also `Fields`). */
type Named<F> = keyof { [K in keyof F as string extends K ? never : K]: 0 };
type InferObject<F, R> = Simplify<
  { [K in Named<F> & keyof F as Present<F[K], K extends R ? true : false> extends true ? K : never]: Infer<F[K]> }
  & { [K in Named<F> & keyof F as Present<F[K], K extends R ? true : false> extends true ? never : K]?: Infer<F[K]> }
>;

/**
 * The type of a value that `resolve` has validated against `S`, with its
 * defaults filled in: `Infer<typeof SCENARIO>` is a scenario. A field
 * without a default that is not required is optional; a list of exact length
 * is a tuple; an enum is the union of its values.
 */
export type Infer<S> =
  Spec extends S ? unknown // any node at all (code that walks every schema)
  : S extends { kind: 'number' } ? number
  : S extends { kind: 'boolean' } ? boolean
  : S extends StringSpec<infer V, infer _D> ? V
  : S extends ArraySpec<infer I, infer L, infer _D> ? ([L] extends [number] ? (number extends L ? Infer<I>[] : Tuple<Infer<I>, L>) : Infer<I>[])
  : S extends ObjectSpec<infer F, infer R> ? InferObject<F, R>
  : S extends RecordSpec<infer V, infer _D> ? Record<string, Infer<V>>
  : never;

// ---------------------------------------------------------------------------
// Building a schema

export const num = <D extends number | undefined>(def: D, min: number, max: number, unit: string, doc: string) =>
  ({ kind: 'number', default: def, min, max, unit, doc }) as NumberSpec<Widen<D, number>>;
export const int = <D extends number | undefined>(def: D, min: number, max: number, unit: string, doc: string) =>
  ({ kind: 'number', default: def, min, max, unit, doc, integer: true }) as NumberSpec<Widen<D, number>>;
export const share = <D extends number | undefined>(def: D, doc: string) => num(def, 0, 1, 'share', doc);
/** Free text: any non-empty string (or empty, where empty is the default). */
export const str = <D extends string | undefined>(def: D, doc: string) =>
  ({ kind: 'string', default: def, doc }) as StringSpec<string, Widen<D, string>>;
/** An enum: one of `values`; its type is their union. */
export const oneOf = <const V extends string, D extends NoInfer<V> | undefined>(def: D, doc: string, values: readonly V[]) =>
  ({ kind: 'string', default: def, doc, values }) as StringSpec<V, Widen<D, V>>;
/** What an identifier (the name of a scenario, a group, a policy, a hypothesis) may be. */
export const IDENTIFIER = /^[A-Za-z0-9][A-Za-z0-9-]*$/;
const IDENTIFIER_DOC = 'letters, digits and hyphens';
/** An identifier: letters, digits and hyphens, not starting with a hyphen (`IDENTIFIER`). */
export const ident = (doc: string): StringSpec<string, undefined> =>
  ({ kind: 'string', default: undefined, doc, pattern: IDENTIFIER, patternDoc: IDENTIFIER_DOC });
export const bool = <D extends boolean | undefined>(def: D, doc: string) =>
  ({ kind: 'boolean', default: def, doc }) as BooleanSpec<Widen<D, boolean>>;

interface ArrayOptions {
  default?: readonly unknown[];
  minItems?: number;
  maxItems?: number;
  length?: number;
}
export const arr = <I extends Spec, const O extends ArrayOptions = Record<never, never>>(items: I, doc: string, opts?: O) =>
  ({ kind: 'array', items, doc, ...opts }) as ArraySpec<I,
    O extends { length: infer L extends number } ? L : undefined,
    O extends { default: readonly unknown[] } ? unknown[] : undefined>;
/**
 * An object; `required` names the fields that have no default and must be
 * given; `file` marks the top of a file (see ObjectSpec.file).
 */
export const obj = <F extends Fields, const R extends keyof F & string = never>(fields: F, doc: string, required: readonly R[] = [], opts: { file?: boolean } = {}): ObjectSpec<F, R> =>
  ({ kind: 'object', fields, doc, required, ...(opts.file ? { file: true } : {}) });
/** Named entries of one kind (`policies`); `keys` says what the names may be. */
export const rec = <V extends Spec, D extends Record<string, unknown> | undefined = undefined>(values: V, doc: string, def?: D, keys?: StringSpec) =>
  ({ kind: 'record', values, doc, default: def, keys }) as RecordSpec<V, Widen<D, Record<string, unknown>>>;

/** `spec`, where a file may also give `alt` (see SpecBase.alsoAccepts). */
export const orAlso = <S extends Spec>(spec: S, alt: Spec): S => ({ ...spec, alsoAccepts: alt });

/** Every name of `fields`, typed: for an object whose fields are all required. */
export const keysOf = <F extends Fields>(fields: F): (keyof F & string)[] => Object.keys(fields);
/** One field per key, made by `make` (e.g. one share per entitlement). */
export const fieldsOf = <const K extends string, S extends Spec>(keys: readonly K[], make: (key: K) => S): Record<K, S> =>
  Object.fromEntries(keys.map((k) => [k, make(k)])) as Record<K, S>;
/** A node without its default. */
export type NoDefault<S> = S extends unknown ? Omit<S, 'default'> & { default?: undefined } : never;
/** The same fields without their defaults: optional, for overrides (the knobs of a named policy). */
export const withoutDefaults = <F extends Fields>(fields: F) =>
  Object.fromEntries(Object.entries(fields).map(([k, s]) => [k, { ...s, default: undefined }])) as { [K in Named<F> & keyof F]: NoDefault<F[K]> };

/**
 * The fields that name the items of a list of objects (`groups` by `name`,
 * `services` by `id`), in the order they are looked for: results list
 * changes to items by it, and a scenario file that extends another merges
 * its items with the base's by it (sim/extends.ts).
 */
export const ITEM_KEYS = ['name', 'id'] as const;
/** The field that names the items of a list of `spec` objects (see ITEM_KEYS), or undefined. */
export const itemKeyOf = (spec: ObjectSpec): string | undefined => ITEM_KEYS.find((k) => Object.hasOwn(spec.fields, k));

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
      if (spec.values) return `one of ${spec.values.map((v) => JSON.stringify(v)).join(', ')}`;
      return spec.pattern ? spec.patternDoc ?? `a string matching ${spec.pattern.source}` : 'a non-empty string';
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

/** Whether `value` has the JSON type of `spec` (a number, a string, true or false, a list, an object), whatever else is wrong with it. */
function takes(spec: Spec, value: unknown): boolean {
  switch (spec.kind) {
    case 'number': return typeof value === 'number';
    case 'string': return typeof value === 'string';
    case 'boolean': return typeof value === 'boolean';
    case 'array': return Array.isArray(value);
    case 'object':
    case 'record': return typeof value === 'object' && value !== null && !Array.isArray(value);
  }
}

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
  // the other form (SpecBase.alsoAccepts), for a value only it can be
  if (spec.alsoAccepts !== undefined && !takes(spec, value) && takes(spec.alsoAccepts, value)) return resolve(spec.alsoAccepts, value, path, errors);
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
        if (spec.file && key === '$schema') {
          // for editors (the JSON Schema of the file); not part of the value
          if (typeof input[key] !== 'string') errors.push({ path: join(path, key), message: `${show(input[key])} is not allowed; expected the path or address of a JSON Schema` });
        } else if (!Object.hasOwn(spec.fields, key))
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
      for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
        const keys = spec.keys;
        if (keys && !((!keys.values || keys.values.includes(key)) && (!keys.pattern || keys.pattern.test(key)) && key.length > 0))
          errors.push({ path: join(path, key), message: `${show(key)} is not allowed as a name; expected ${describeAllowed(keys)}` });
        setOwn(out, key, resolve(spec.values, v, join(path, key), errors));
      }
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
