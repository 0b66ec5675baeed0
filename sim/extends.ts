/**
 * Scenario files as a person writes them (browser-safe: the CLI's
 * `loadScenario` and the page's file loading read files with the same
 * function, `parseScenarioFile`).
 *
 * - `"extends": "mixed-office"`: the file starts from another scenario (a
 *   shipped one by name; on the command line also another file, by a path
 *   relative to this one) and gives only what changes. Objects (`office`,
 *   `behaviour`, a group ...) are merged field by field; the items of lists
 *   of objects (`groups`, `services`, `personas`) are matched to the base's
 *   by their name field (`name`, or `id` for services: ITEM_KEYS): given
 *   fields change a known item, an item with a new name is added (and must
 *   be complete), `{"name": "x", "remove": true}` removes one; named
 *   `policies` are merged by name the same way; every other value, lists of
 *   numbers or words included, replaces the base's. `name` stays the base's
 *   unless given, so results and targets treat the file as its base with
 *   changes; the scenario remembers what it extends (`extends`), and its
 *   changes are listed against the base (baseScenario in sim/settings.ts).
 * - The catalogue rule: a file that lists `services` without `extends` must
 *   say `"replaceServices": true`, since a list of a few services would
 *   otherwise silently replace the whole default catalogue.
 *
 * Every problem names its field as the extending file spells it
 * (`office.casload`, `groups[0]`), with the file as the source.
 */
import { SHIPPED } from '../scenarios/index.ts';
import { InputError, suggest, ValidationError, type FieldError } from './errors.ts';
import { looksLikePath } from './json.ts';
import { itemKeyOf, ownValue, setOwn, show, type ArraySpec, type ObjectSpec, type RecordSpec, type Spec } from './schema/dsl.ts';
import { DEFAULT_SERVICES, SCENARIO } from './schema/scenario.ts';
import { parseScenario, type Scenario } from './scenario.ts';

/** The most files that may extend one another in a chain (a file, its base, the base's base ...). */
export const MAX_EXTENDS_DEPTH = 8;

/** A base read from a file: its raw value, an id that names it (the full path: cycles are found by it) and the source errors name. */
export interface BaseFile {
  raw: unknown;
  id: string;
  source: string;
}

export interface FileOptions {
  /**
   * Read a base given as a path (`extends` that holds a slash or ends in
   * .json), relative to the file `from` (the id of the extending file;
   * undefined when it is not a file). Only the CLI reads files; without it a
   * file may extend only a shipped scenario.
   */
  readBase?: (ref: string, from: string | undefined) => BaseFile;
  /** The id of this file (see BaseFile.id). */
  id?: string;
}

/** The parsed base of each scenario parseScenarioFile merged from one (its changes are listed against it). */
const BASES = new WeakMap<Scenario, Scenario>();

/** The base a scenario was merged from by parseScenarioFile (this very object, not a copy), or undefined. */
export const baseOf = (s: Scenario): Scenario | undefined => BASES.get(s);

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const join = (path: string, key: string | number) => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key);
/** The name of one item of a list or record at `path` (`groups` → group, `policies` → policy). */
function noun(path: string): string {
  const last = path.split('.').pop() ?? path;
  return last.endsWith('ies') ? `${last.slice(0, -3)}y` : last.endsWith('s') ? last.slice(0, -1) : last;
}
const names = (xs: readonly string[]) => (xs.length ? xs.join(', ') : '(none)');
const shippedNames = () => Object.keys(SHIPPED).join(', ');

/**
 * Read a scenario file's value (parsed JSON): merge it with its base when it
 * has `extends`, check the catalogue rule, then validate it (parseScenario).
 * Throws ValidationError whose paths are the file's, with `source` as the
 * source (a problem in a base file names that file).
 */
export function parseScenarioFile(input: unknown, source = 'scenario', opts: FileOptions = {}): Scenario {
  return readFile(input, source, opts, []);
}

/** One file of a chain of extends, for cycle and depth messages. */
interface Link { id: string; label: string }

function readFile(input: unknown, source: string, opts: FileOptions, chain: Link[]): Scenario {
  if (!isObject(input) || !Object.hasOwn(input, 'extends')) return complete(input, source);
  const ref = input.extends;
  const fail = (message: string, path = 'extends'): never => { throw new ValidationError([{ path, message }], source); };
  if (typeof ref !== 'string' || ref === '') {
    fail(`${show(ref)} is not allowed; expected the name of a shipped scenario (${shippedNames()})${opts.readBase ? ' or the path of a scenario file' : ''}`);
  }
  const base = findBase(ref as string, opts, fail);
  const here: Link = { id: opts.id ?? `(${source})`, label: source.replace(/^scenario /, '') };
  const links = [...chain, here];
  const cycle = links.findIndex((l) => l.id === base.id);
  if (cycle >= 0) fail(`${show(ref)} leads to a cycle: ${[...links.slice(cycle).map((l) => l.label), links[cycle].label].join(' extends ')}`);
  if (links.length > MAX_EXTENDS_DEPTH) fail(`${show(ref)} is too deep: ${links.map((l) => l.label).join(' extends ')} extends ${ref}; at most ${MAX_EXTENDS_DEPTH} files may extend one another`);
  const shipped = base.id.startsWith('shipped:');
  const parent = readFile(base.raw, base.source, { readBase: shipped ? undefined : opts.readBase, id: base.id }, links);
  const ctx: Context = { base: ref as string, errors: [], items: new Map() };
  const merged = mergeTop(parent, input, ctx);
  let s: Scenario | undefined;
  let later: FieldError[] = [];
  try {
    s = parseScenario(merged, source);
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    later = err.errors.map((e) => translate(e, ctx));
  }
  // a problem found while merging explains what validation would then report about the same field
  const first = ctx.errors;
  const covered = (p: string) => first.some((e) => p === e.path || p.startsWith(`${e.path}.`) || p.startsWith(`${e.path}[`));
  const errors = [...first, ...later.filter((e) => !covered(e.path))];
  if (errors.length || s === undefined) throw new ValidationError(errors, source);
  BASES.set(s, parent);
  return s;
}

/** The base `ref` names: a shipped scenario, or (with readBase) a file. */
function findBase(ref: string, opts: FileOptions, fail: (message: string) => never): BaseFile {
  const path = looksLikePath(ref);
  if (!path && Object.hasOwn(SHIPPED, ref)) return { raw: SHIPPED[ref], id: `shipped:${ref}`, source: `scenario ${ref}` };
  if (path && opts.readBase) {
    try {
      return opts.readBase(ref, opts.id);
    } catch (err) {
      if (err instanceof InputError && !(err instanceof ValidationError)) fail(`${show(ref)} cannot be read: ${err.message}`);
      throw err;
    }
  }
  if (path) return fail(`${show(ref)} is a file; here a scenario can extend a shipped scenario only (${shippedNames()}); files can extend files on the command line`);
  return fail(`${show(ref)} is not a shipped scenario${suggest(ref, Object.keys(SHIPPED))}; shipped: ${shippedNames()}${opts.readBase ? '; to extend a file, give its path (ending in .json, relative to this file)' : ''}`);
}

/** A file without `extends`: the catalogue rule, then parseScenario. */
function complete(input: unknown, source: string): Scenario {
  if (!isObject(input)) return parseScenario(input, source);
  const rule: FieldError[] = [];
  const services = ownValue(input, 'services');
  const flag = ownValue(input, 'replaceServices');
  if (services !== undefined && flag !== true) {
    const n = Array.isArray(services) ? services.length : undefined;
    rule.push({
      path: 'services',
      message: `${n === undefined ? 'would replace' : `lists ${n} service${n === 1 ? '' : 's'}, which would replace`} the whole default catalogue (${DEFAULT_SERVICES.length} services: ${DEFAULT_SERVICES.map((x) => x.id).join(', ')}); `
        + `to change or add services of the default catalogue, write "extends": "<a shipped scenario>" (${shippedNames()}) and list only the services that change, by id; `
        + 'to replace the whole catalogue, add "replaceServices": true',
    });
  }
  if (flag === true && services === undefined) rule.push({ path: 'replaceServices', message: 'is true, but the file lists no services; give the whole catalogue in `services`, or leave replaceServices out' });
  if (rule.length === 0) return parseScenario(input, source);
  let others: FieldError[] = [];
  try {
    parseScenario(input, source);
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    others = err.errors;
  }
  throw new ValidationError([...rule, ...others.filter((e) => !rule.some((r) => r.path === e.path))], source);
}

// ---------------------------------------------------------------------------
// Merging

/** Where an item of the merged scenario's lists came from: the file's item (its path there) or the base's (its name). */
type From = { file: string } | { base: string };

interface Context {
  /** The base as the file names it (for messages). */
  base: string;
  /** Problems found while merging, by the file's paths. */
  errors: FieldError[];
  /** The origin of each item of a merged list of objects, by its path in the merged scenario (`groups[3]`). */
  items: Map<string, From>;
}

const unknownField = (spec: ObjectSpec) => `is not a known field; known fields here: ${Object.keys(spec.fields).join(', ')}`;

/** The file's top level on top of the (parsed) base. */
function mergeTop(base: Scenario, file: Raw, ctx: Context): Raw {
  const out = structuredClone(base) as unknown as Raw;
  const replace = ownValue(file, 'replaceServices');
  for (const key of Object.keys(file)) {
    const value = file[key];
    if (key === '$schema') {
      if (typeof value !== 'string') ctx.errors.push({ path: key, message: `${show(value)} is not allowed; expected the path or address of a JSON Schema` });
    } else if (key === 'extends') {
      out.extends = value;
    } else if (key === 'replaceServices') {
      if (typeof value !== 'boolean') ctx.errors.push({ path: key, message: `${show(value)} is not allowed; expected true or false` });
      else if (value && !Object.hasOwn(file, 'services')) ctx.errors.push({ path: key, message: `is true, but the file lists no services; give the whole catalogue in \`services\`, or leave replaceServices out to keep the services of ${ctx.base}` });
    } else if (!Object.hasOwn(SCENARIO.fields, key)) {
      ctx.errors.push({ path: key, message: unknownField(SCENARIO) });
    } else if (key === 'services' && replace === true) {
      out.services = value; // the whole catalogue, validated as given
    } else {
      setOwn(out, key, mergeValue(SCENARIO.fields[key], ownValue(out, key), value, key, ctx));
    }
  }
  // the items of the lists the file leaves as they are: the base's, by name
  for (const [key, spec] of Object.entries(SCENARIO.fields)) {
    const name = spec.kind === 'array' && spec.items.kind === 'object' ? itemKeyOf(spec.items) : undefined;
    const items = ownValue(out, key);
    if (name === undefined || !Array.isArray(items) || ctx.items.has(join(key, 0))) continue;
    items.forEach((x, i) => { if (isObject(x)) ctx.items.set(join(key, i), { base: String(x[name]) }); });
  }
  return out;
}

function mergeValue(spec: Spec, base: unknown, value: unknown, path: string, ctx: Context): unknown {
  if (spec.kind === 'object') return mergeObject(spec, base, value, path, ctx);
  if (spec.kind === 'record') return mergeRecord(spec, base, value, path, ctx);
  if (spec.kind === 'array' && spec.items.kind === 'object' && itemKeyOf(spec.items) !== undefined) return mergeNamed(spec, base, value, path, ctx);
  // numbers, words, booleans, lists of them: the file's value, checked by parseScenario at the same path
  return value;
}

/** Field by field; a field the schema does not know is a problem (a typo must not be ignored). */
function mergeObject(spec: ObjectSpec, base: unknown, value: unknown, path: string, ctx: Context): unknown {
  if (!isObject(value)) return value; // parseScenario says what is expected
  const out: Raw = isObject(base) ? { ...base } : {};
  for (const key of Object.keys(value)) {
    if (!Object.hasOwn(spec.fields, key)) ctx.errors.push({ path: join(path, key), message: unknownField(spec) });
    else setOwn(out, key, mergeValue(spec.fields[key], ownValue(out, key), value[key], join(path, key), ctx));
  }
  return out;
}

/** What `{"remove": true}` may be, and that it takes nothing else but the item's name. */
function checkRemove(item: Raw, key: string | undefined, at: string, what: string, ctx: Context): void {
  if (item.remove !== true) ctx.errors.push({ path: join(at, 'remove'), message: `${show(item.remove)} is not allowed; expected true (to remove the ${what}), or leave it out` });
  const others = Object.keys(item).filter((k) => k !== key && k !== 'remove');
  if (others.length) ctx.errors.push({ path: at, message: `removes a ${what}, so it takes no other fields (${others.join(', ')})` });
}

/** Named entries (`policies`): by name; a new name is added, `{"remove": true}` removes one. */
function mergeRecord(spec: RecordSpec, base: unknown, value: unknown, path: string, ctx: Context): unknown {
  if (!isObject(value)) return value;
  const out: Raw = isObject(base) ? { ...base } : {};
  const what = noun(path);
  const known = Object.keys(out);
  for (const key of Object.keys(value)) {
    const v = value[key];
    const at = join(path, key);
    if (isObject(v) && Object.hasOwn(v, 'remove')) {
      checkRemove(v, undefined, at, what, ctx);
      if (Object.hasOwn(out, key)) delete out[key];
      else ctx.errors.push({ path: at, message: `${show(key)} is not a ${what} of ${ctx.base}, so it cannot be removed${suggest(key, known)}; ${path} of ${ctx.base}: ${names(known)}` });
    } else {
      setOwn(out, key, mergeValue(spec.values, ownValue(out, key), v, at, ctx));
    }
  }
  return out;
}

/** A list of named objects (`groups` by name, `services` by id): by name; a new name is added (complete), `{"name": "x", "remove": true}` removes one. */
function mergeNamed(spec: ArraySpec, base: unknown, value: unknown, path: string, ctx: Context): unknown {
  if (!Array.isArray(value)) return value;
  const itemSpec = spec.items as ObjectSpec;
  const key = itemKeyOf(itemSpec) as string;
  const what = noun(path);
  const items: { value: unknown; from: From }[] = (Array.isArray(base) ? base : [])
    .map((b) => ({ value: b, from: { base: String((b as Raw)[key]) } }));
  const known = items.map((x) => (x.from as { base: string }).base);
  const matched = `the ${path} of a file with "extends" are matched to the base’s by ${key}; ${path} of ${ctx.base}: ${names(known)}`;
  const removed = new Set<number>();
  const seen = new Map<string, string>();
  value.forEach((item, j) => {
    const at = join(path, j);
    if (!isObject(item)) {
      ctx.errors.push({ path: at, message: `${show(item)} is not allowed; expected an object` });
      return;
    }
    const name = ownValue(item, key);
    if (typeof name !== 'string' || name === '') {
      ctx.errors.push({ path: join(at, key), message: `${name === undefined ? 'is missing' : `${show(name)} is not allowed`}; ${matched}` });
      return;
    }
    if (seen.has(name)) {
      ctx.errors.push({ path: join(at, key), message: `${show(name)} is given twice (also at ${seen.get(name)}); give each ${what} once` });
      return;
    }
    seen.set(name, at);
    const pos = known.indexOf(name);
    if (Object.hasOwn(item, 'remove')) {
      checkRemove(item, key, at, what, ctx);
      if (pos < 0) ctx.errors.push({ path: join(at, key), message: `${show(name)} is not a ${what} of ${ctx.base}, so it cannot be removed${suggest(name, known)}; ${matched}` });
      else removed.add(pos);
      return;
    }
    if (pos >= 0) {
      items[pos] = { value: mergeObject(itemSpec, items[pos].value, item, at, ctx), from: { file: at } };
      return;
    }
    const missing = (itemSpec.required ?? []).filter((f) => ownValue(item, f) === undefined);
    if (missing.length) {
      ctx.errors.push({ path: at, message: `${show(name)} is not a ${what} of ${ctx.base}${suggest(name, known)}, so it is a new ${what}, which needs ${missing.join(', ')} (missing); ${matched}` });
    }
    items.push({ value: mergeObject(itemSpec, undefined, item, at, ctx), from: { file: at } });
  });
  const kept = items.filter((_, i) => !removed.has(i));
  kept.forEach((x, i) => ctx.items.set(join(path, i), x.from));
  return kept.map((x) => x.value);
}

/** A problem parseScenario found in the merged scenario, by the file's path (`groups[3].share` → `groups[0].share`), or by name for a base's item. */
function translate(e: FieldError, ctx: Context): FieldError {
  const m = /^([A-Za-z]+)\[(\d+)\](.*)$/s.exec(e.path);
  const from = m ? ctx.items.get(`${m[1]}[${m[2]}]`) : undefined;
  if (!m || from === undefined) return e;
  if ('file' in from) return { path: from.file + m[3], message: e.message };
  return { path: `${m[1]}.${from.base}${m[3]}`, message: `${e.message} (${from.base} is a ${noun(m[1])} of ${ctx.base}, which this file extends)` };
}
