/**
 * The JSON Schema (draft-07) of a file, made from the same schema nodes
 * (sim/schema/dsl.ts) that validate it, so editors can check and complete
 * scenario, hypothesis and target files as they are written. `npm run docs` writes
 * them to schemas/ (see scripts/gen-docs.ts); the shipped files name theirs
 * in `$schema`.
 *
 * What JSON Schema cannot say is left to the loader: the checks across
 * fields (shares that add up to 1, unique names, known bases and groups,
 * ages in order) and the metric names of a hypothesis.
 */
import type { Spec } from './dsl.ts';

export type JsonSchema = { [key: string]: unknown };

/** The JSON Schema dialect the generated files declare. */
export const JSON_SCHEMA_DRAFT = 'http://json-schema.org/draft-07/schema#';

/** The description of a node: its doc, with the unit of a number. */
function description(spec: Spec): string {
  if (spec.kind === 'number' && spec.unit && spec.unit !== 'share') return `${spec.doc} Unit: ${spec.unit}.`;
  return spec.doc;
}

/** The JSON Schema of one node (without the file-level keywords). */
export function nodeSchema(spec: Spec): JsonSchema {
  const out: JsonSchema = { description: description(spec) };
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
    case 'array':
      out.type = 'array';
      out.items = nodeSchema(spec.items);
      if (spec.length !== undefined) Object.assign(out, { minItems: spec.length, maxItems: spec.length });
      if (spec.minItems !== undefined) out.minItems = spec.minItems;
      if (spec.maxItems !== undefined) out.maxItems = spec.maxItems;
      break;
    case 'object': {
      out.type = 'object';
      const properties: JsonSchema = {};
      if (spec.file) properties.$schema = { type: 'string', description: 'The JSON Schema of this file, for editors; the model ignores it.' };
      for (const [k, f] of Object.entries(spec.fields)) properties[k] = nodeSchema(f);
      out.properties = properties;
      if (spec.required?.length) out.required = [...spec.required];
      // the loader refuses unknown fields (a typo must not be silently ignored)
      out.additionalProperties = false;
      break;
    }
    case 'record':
      out.type = 'object';
      if (spec.keys) out.propertyNames = nodeSchema(spec.keys);
      out.additionalProperties = nodeSchema(spec.values);
      break;
  }
  if ('default' in spec && spec.default !== undefined) out.default = structuredClone(spec.default);
  if (spec.alsoAccepts) {
    // a file may give either form; the description says what both mean
    const { description: doc, ...rest } = out;
    return { description: doc, anyOf: [nodeSchema(spec.alsoAccepts), rest] };
  }
  return out;
}

/** The JSON Schema of a file whose top is `spec`, with a title and the dialect. */
export function jsonSchema(spec: Spec, title: string): JsonSchema {
  return { $schema: JSON_SCHEMA_DRAFT, title, ...nodeSchema(spec) };
}
