/**
 * The JSON Schema (draft-07) of a file, made from the same schema nodes
 * (sim/schema/dsl.ts) that validate it, so editors can check and complete
 * scenario, hypothesis and target files as they are written. `npm run docs` writes
 * them to schemas/ (see scripts/gen-docs.ts); the shipped files name theirs
 * in `$schema`.
 *
 * A scenario file may extend another (`extends`, sim/extends.ts): the
 * schema then asks only for well-formed changes (no field required, items by
 * name, `remove`), and a file without `extends` must be complete.
 *
 * What JSON Schema cannot say is left to the loader: the checks across
 * fields (shares that add up to 1, unique names, known bases and groups,
 * ages in order), whether an item of an extending file exists in the base,
 * and the metric names of a hypothesis.
 */
import { itemKeyOf, type ObjectSpec, type Spec } from './dsl.ts';

export type JsonSchema = { [key: string]: unknown };

/** The JSON Schema dialect the generated files declare. */
export const JSON_SCHEMA_DRAFT = 'http://json-schema.org/draft-07/schema#';

/** The description of a node: its doc, with the unit of a number. */
function description(spec: Spec): string {
  if (spec.kind === 'number' && spec.unit && spec.unit !== 'share') return `${spec.doc} Unit: ${spec.unit}.`;
  return spec.doc;
}

/**
 * How a node is given: `full` as validated (required fields, complete
 * items); `partial` as a file that extends another gives it (nothing
 * required; the items of a list of named objects and the entries of a record
 * need only their name and may be `{"remove": true}`; see sim/extends.ts).
 */
export type Mode = 'full' | 'partial';

const REMOVE = { const: true, description: 'Remove this item of the base (give only its name besides).' };

/** The JSON Schema of one node (without the file-level keywords); `named` is the name field of an item of a list in `partial` mode. */
export function nodeSchema(spec: Spec, mode: Mode = 'full', named?: string): JsonSchema {
  const out: JsonSchema = { description: description(spec) };
  const partial = mode === 'partial';
  switch (spec.kind) {
    case 'number':
      Object.assign(out, { type: spec.integer ? 'integer' : 'number', minimum: spec.min, maximum: spec.max });
      break;
    case 'string':
      out.type = 'string';
      if (spec.values) out.enum = [...spec.values];
      // `resolve` refuses an empty string unless empty is the default
      else if (spec.default !== '') out.minLength = 1;
      if (spec.pattern) out.pattern = spec.pattern.source;
      break;
    case 'boolean':
      out.type = 'boolean';
      break;
    case 'array': {
      out.type = 'array';
      // in an extending file a list of named objects is merged by name; any other list replaces the base's whole
      const key = spec.items.kind === 'object' ? itemKeyOf(spec.items) : undefined;
      out.items = partial && key !== undefined ? nodeSchema(spec.items, 'partial', key) : nodeSchema(spec.items);
      if (spec.length !== undefined) Object.assign(out, { minItems: spec.length, maxItems: spec.length });
      if (spec.minItems !== undefined && !(partial && key !== undefined)) out.minItems = spec.minItems;
      if (spec.maxItems !== undefined) out.maxItems = spec.maxItems;
      break;
    }
    case 'object': {
      out.type = 'object';
      const properties: JsonSchema = {};
      if (spec.file) properties.$schema = { type: 'string', description: 'The JSON Schema of this file, for editors; the model ignores it.' };
      for (const [k, f] of Object.entries(spec.fields)) properties[k] = nodeSchema(f, mode);
      if (partial && named !== undefined) properties.remove = REMOVE;
      out.properties = properties;
      const required = partial ? (named !== undefined ? [named] : []) : [...(spec.required ?? [])];
      if (required.length) out.required = required;
      // the loader refuses unknown fields (a typo must not be silently ignored)
      out.additionalProperties = false;
      break;
    }
    case 'record':
      out.type = 'object';
      if (spec.keys) out.propertyNames = nodeSchema(spec.keys);
      out.additionalProperties = partial && spec.values.kind === 'object'
        ? { anyOf: [{ type: 'object', properties: { remove: REMOVE }, required: ['remove'], additionalProperties: false }, nodeSchema(spec.values, 'partial')] }
        : nodeSchema(spec.values, mode);
      break;
  }
  if ('default' in spec && spec.default !== undefined) out.default = structuredClone(spec.default);
  if (spec.alsoAccepts) {
    // a file may give either form; the description says what both mean
    const { description: doc, ...rest } = out;
    return { description: doc, anyOf: [nodeSchema(spec.alsoAccepts, mode), rest] };
  }
  return out;
}

/** What makes a file one that may extend another: the field that names the base, and lists a file without it must flag to replace. */
export interface Extendable {
  /** The field naming the base (`extends`): with it, the file gives only what changes. */
  field: string;
  /** For a list a file without `field` may give only with a flag that says it replaces the default whole: list → flag (`services` → `replaceServices`). */
  replace?: Record<string, string>;
}

/**
 * The JSON Schema of the top of a file that may extend another: its fields
 * as an extending file gives them (`partial`: completion and checks while
 * typing), and, when it does not name a base, also as a complete file
 * (required fields, complete items, the flags of `replace`).
 */
function extendableSchema(spec: ObjectSpec, ext: Extendable): JsonSchema {
  const full = nodeSchema(spec);
  const partial = nodeSchema(spec, 'partial');
  const dependencies = Object.fromEntries(Object.entries(ext.replace ?? {}).map(([list, flag]) => [list, { properties: { [flag]: { const: true } }, required: [flag] }]));
  const complete: JsonSchema = { properties: full.properties };
  if (full.required) complete.required = full.required;
  if (Object.keys(dependencies).length) complete.dependencies = dependencies;
  return { ...partial, if: { required: [ext.field] }, else: complete };
}

/** The JSON Schema of a file whose top is `spec`, with a title and the dialect; `extendable` for a file that may extend another. */
export function jsonSchema(spec: Spec, title: string, extendable?: Extendable): JsonSchema {
  const body = extendable !== undefined && spec.kind === 'object' ? extendableSchema(spec, extendable) : nodeSchema(spec);
  return { $schema: JSON_SCHEMA_DRAFT, title, ...body };
}
