/**
 * Scenario levers: the scenario values a policy maker changes on the page
 * (the office, each service, the labour market, the group mix), generated
 * from the scenario schema (range, unit, doc of each field), and the changes
 * made to them as dotted paths (`office.caseload`, `groups.refugee.share`,
 * `services.languageCourse.entry`), the form the sweep's `--vary` names,
 * results' `changes` and links use. Pure: no DOM.
 *
 * LEVER_PATHS is the one list of the fields offered. Behaviour constants
 * (sim/schema `behaviour`) and the estimated effects of the labour market
 * and of services (how much a certificate, a network or a gap out of work
 * is worth; gains per week in a service) are not levers: they are the
 * model's evidence, changed with `pathways sweep` or `sensitivity`, not
 * decisions of an office or a government (viz/README.md).
 */
import { applyPoint, locate } from '../sim/sweep/params.ts';
import { InputError, suggest, ValidationError } from '../sim/errors.ts';
import { describeAllowed, show, type ArraySpec, type BooleanSpec, type NumberSpec, type Spec, type StringSpec } from '../sim/schema/dsl.ts';
import { SCENARIO } from '../sim/schema/scenario.ts';
import { parseScenario, type Scenario } from '../sim/scenario.ts';

/**
 * The fields offered as levers, by topic. `*` stands for an item of a list
 * (a service by id, a group by name); a number after a list of numbers is its
 * position (0 = basic, 1 = intermediate, 2 = advanced level).
 */
export const LEVER_PATHS = [
  'office.advisorsPer1000', 'office.caseload', 'office.hoursPerWeek', 'office.hoursPerMeeting',
  'office.referralChance', 'office.budgetPerWeekPer1000', 'office.costPerAdvisorHour',
  'services.*.slotsPerMonthPer1000', 'services.*.entry', 'services.*.rightsPriority', 'services.*.refusesIfHeld',
  'services.*.weeks', 'services.*.defaultLevel', 'services.*.costPerWeek',
  'labourMarket.vacanciesPer1000.0', 'labourMarket.vacanciesPer1000.1', 'labourMarket.vacanciesPer1000.2',
  'labourMarket.hireRate', 'labourMarket.jobLoss', 'labourMarket.temporaryShare',
  'labourMarket.discrimination', 'labourMarket.recognitionPenalty', 'labourMarket.agePenalty', 'labourMarket.barrierPenalty',
  'labourMarket.languageRequired.0', 'labourMarket.languageRequired.1', 'labourMarket.languageRequired.2',
  'labourMarket.rightsAfterWeeksEmployed',
  'groups.*.share',
] as const;
export type LeverPath = (typeof LEVER_PATHS)[number];

export const TOPICS = ['office', 'services', 'labourMarket', 'groups'] as const;
export type Topic = (typeof TOPICS)[number];

/** A lever's value: a number, true or false, or a list of choices (a service's entry rule). */
export type LeverValue = number | boolean | string[];
/** Lever changes by dotted path (`office.caseload` → 40): only what differs from the scenario. */
export type LeverChanges = Record<string, LeverValue>;

export type LeverSpec =
  | { kind: 'number'; spec: NumberSpec }
  | { kind: 'boolean'; spec: BooleanSpec }
  | { kind: 'choices'; spec: ArraySpec<StringSpec>; values: readonly string[] };

/** One lever as the schema defines it (its pattern), with its spec: range, unit, doc. */
export type LeverDef = LeverSpec & { pattern: LeverPath; topic: Topic };

/** The schema node at a pattern: objects by field, lists by `*` or position. */
function specAt(pattern: string): Spec {
  let spec: Spec = SCENARIO;
  for (const seg of pattern.split('.')) {
    if (spec.kind === 'object' && Object.hasOwn(spec.fields, seg)) spec = spec.fields[seg];
    else if (spec.kind === 'array' && (seg === '*' || /^\d+$/.test(seg))) spec = spec.items;
    else throw new Error(`lever ${pattern}: ${seg} is not in the scenario schema`);
  }
  return spec;
}

function leverSpec(pattern: string): LeverSpec {
  const spec = specAt(pattern);
  if (spec.kind === 'number') return { kind: 'number', spec };
  if (spec.kind === 'boolean') return { kind: 'boolean', spec };
  if (spec.kind === 'array' && spec.items.kind === 'string' && spec.items.values) {
    return { kind: 'choices', spec: spec as ArraySpec<StringSpec>, values: spec.items.values };
  }
  throw new Error(`lever ${pattern}: a ${spec.kind} field cannot be a lever`);
}

/** Every lever pattern with its spec, from the schema, in LEVER_PATHS order. */
export const LEVERS: readonly LeverDef[] = LEVER_PATHS.map((pattern) => ({ ...leverSpec(pattern), pattern, topic: pattern.split('.')[0] as Topic }));

/** A lever of one scenario: a pattern with its item (a service's id, a group's name) filled in. */
export type Lever = LeverDef & { path: string; item?: string };

const ITEM_LISTS: Partial<Record<Topic, { key: 'id' | 'name'; noun: string }>> = { services: { key: 'id', noun: 'service' }, groups: { key: 'name', noun: 'group' } };

/** The levers of scenario `s`, by topic; a service's or group's levers together, in the scenario's order. */
export function leversOf(s: Scenario): Lever[] {
  const out: Lever[] = [];
  for (const topic of TOPICS) {
    const defs = LEVERS.filter((d) => d.topic === topic);
    const list = ITEM_LISTS[topic];
    if (!list) out.push(...defs.map((d) => ({ ...d, path: d.pattern })));
    else for (const item of (s[topic] as Record<string, unknown>[]).map((x) => String(x[list.key]))) {
      out.push(...defs.map((d) => ({ ...d, item, path: d.pattern.replace('*', item) })));
    }
  }
  return out;
}

/** The pattern a path is an instance of, or undefined. */
export function patternOf(path: string): LeverDef | undefined {
  const segs = path.split('.');
  return LEVERS.find((d) => {
    const p = d.pattern.split('.');
    return p.length === segs.length && p.every((x, i) => x === '*' ? segs[i] !== '' : x === segs[i]);
  });
}

/** " (did you mean X?)" for a path that is no lever: the patterns with their `*` filled in by the path's own item. */
export function suggestPath(path: string): string {
  const segs = path.split('.');
  return suggest(path, LEVER_PATHS.map((p) => p.split('.').map((x, i) => (x === '*' ? segs[i] ?? x : x)).join('.')));
}

/** The value at a lever's path in a scenario. */
export function valueAt(s: Scenario, path: string): LeverValue {
  let v: unknown = s;
  for (const seg of path.split('.')) {
    if (Array.isArray(v)) {
      const key = v.length && typeof v[0] === 'object' ? ('name' in v[0] ? 'name' : 'id') : undefined;
      v = key ? v.find((x) => (x as Record<string, unknown>)[key] === seg) : v[Number(seg)];
    } else v = (v as Record<string, unknown> | undefined)?.[seg];
  }
  return v as LeverValue;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The CLI's wording for a value a lever does not allow (`5000 is not allowed; expected an integer from 1 to 1000 (people per advisor)`), or undefined. */
export function problemOf(def: LeverSpec, v: unknown): string | undefined {
  if (def.kind === 'number') {
    const s = def.spec;
    const ok = typeof v === 'number' && Number.isFinite(v) && v >= s.min && v <= s.max && (!s.integer || Number.isInteger(v));
    return ok ? undefined : `${show(v)} is not allowed; expected ${describeAllowed(s)}`;
  }
  if (def.kind === 'boolean') return typeof v === 'boolean' ? undefined : `${show(v)} is not allowed; expected true or false`;
  if (!Array.isArray(v)) return `${show(v)} is not allowed; expected ${describeAllowed(def.spec)}`;
  const min = def.spec.minItems ?? 0;
  if (v.length < min) return `has ${v.length} items; expected at least ${min}`;
  const badItem = v.find((x) => !def.values.includes(x as string));
  return badItem === undefined ? undefined : `${show(badItem)} is not allowed; expected ${describeAllowed(def.spec.items)}`;
}

// ---------------------------------------------------------------------------
// Links: `set=office.caseload:40,services.languageCourse.entry:benefitRights/refugee`

/** A path segment in a link: percent-encoded (a service id may hold commas, colons, slashes ...; not dots, which part the path). */
const enc = (t: string) => encodeURIComponent(t).replace(/\./g, '%2E');

/** A lever's value as a link writes it: a number, true/false, choices joined by `/`. */
const valueText = (v: LeverValue) => (Array.isArray(v) ? v.map(enc).join('/') : String(v));

/** The changes as the link's `set` value (empty when none), in lever order. */
export function leverQuery(changes: LeverChanges): string {
  const order = (p: string) => LEVERS.findIndex((d) => d === patternOf(p));
  return Object.keys(changes).sort((x, y) => order(x) - order(y) || (x < y ? -1 : x > y ? 1 : 0))
    .map((p) => `${p.split('.').map(enc).join('.')}:${valueText(changes[p])}`).join(',');
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * The `set` value of a link (as it stands in the address: `raw`, percent-encoded) as changes.
 * A path that is no lever, or a value a lever does not allow, is an error line
 * (`link: set: ...`) and left out.
 */
export function parseLeverQuery(raw: string): { changes: LeverChanges; errors: string[] } {
  const changes: LeverChanges = {};
  const errors: string[] = [];
  const dec = (t: string) => {
    try {
      return decodeURIComponent(t);
    } catch {
      return t;
    }
  };
  for (const entry of raw.split(',')) {
    if (entry === '') continue;
    const colon = entry.indexOf(':');
    const path = (colon < 0 ? entry : entry.slice(0, colon)).split('.').map(dec).join('.');
    const text = colon < 0 ? undefined : entry.slice(colon + 1);
    const def = patternOf(path);
    if (!def) {
      errors.push(`link: set: ${JSON.stringify(path)} is not a scenario value this page sets${suggestPath(path)}; write set=PATH:VALUE,... with paths such as office.caseload, services.ID.entry, groups.NAME.share`);
      continue;
    }
    if (text === undefined) {
      errors.push(`link: set: ${path}: is missing its value; write ${path}:VALUE`);
      continue;
    }
    let v: unknown;
    if (def.kind === 'number') v = NUMBER.test(text) ? Number(text) : dec(text);
    else if (def.kind === 'boolean') v = text === 'true' ? true : text === 'false' ? false : dec(text);
    else v = text === '' ? [] : text.split('/').map(dec);
    const problem = problemOf(def, v);
    if (!problem) changes[path] = v as LeverValue;
    else if (def.kind === 'choices') errors.push(`link: set: ${path}: ${problem}; expected choices joined by "/" from ${def.values.join(', ')}`);
    else errors.push(`link: set: ${path}: ${JSON.stringify(dec(text))} is not allowed; expected ${describeAllowed(def.spec)}`);
  }
  return { changes, errors };
}

/**
 * Changes of a link checked against the scenario: a service or group it does
 * not have is an error line (with a did-you-mean) and left out.
 */
export function checkLevers(s: Scenario, changes: LeverChanges): { changes: LeverChanges; errors: string[] } {
  const kept: LeverChanges = {};
  const errors: string[] = [];
  for (const [path, v] of Object.entries(changes)) {
    const def = patternOf(path);
    const list = def ? ITEM_LISTS[def.topic] : undefined;
    if (def && list) {
      const item = path.split('.')[1];
      const names = (s[def.topic] as Record<string, unknown>[]).map((x) => String(x[list.key]));
      if (!names.includes(item)) {
        errors.push(`link: set: ${path}: ${JSON.stringify(item)} is not a ${list.noun} of scenario ${s.name}${suggest(item, names)}; ${def.topic}: ${names.join(', ')}`);
        continue;
      }
    }
    kept[path] = v;
  }
  return { changes: kept, errors };
}

// ---------------------------------------------------------------------------
// The group mix

/** Decimal places of a number as JavaScript writes it. */
function decimals(x: number): number {
  const [mant, exp] = String(x).split('e');
  return Math.max(0, (mant.split('.')[1] ?? '').length - Number(exp ?? 0));
}
const round = (x: number, d: number) => Number(x.toFixed(d));

/**
 * The group shares with `changes`: shares that are set are kept; the groups
 * not set share the rest in proportion to their shares in the scenario (all
 * of them equally when those are all 0), so all add up to 1 as the schema
 * requires. Rounded to 6 decimals (more if a share set has more), the
 * rounding remainder on the largest share not set. `problem` when the shares
 * set leave no valid rest (they add up to more than 1, or every share is set
 * and they do not add up to 1).
 */
export function sharesOf(s: Scenario, changes: LeverChanges): { shares: Record<string, number>; set: Set<string>; problem?: string } {
  const shares: Record<string, number> = {};
  const set = new Set<string>();
  let setSum = 0;
  let d = 6;
  for (const g of s.groups) {
    const v = changes[`groups.${g.name}.share`];
    if (typeof v === 'number') {
      set.add(g.name);
      shares[g.name] = v;
      setSum += v;
      d = Math.max(d, decimals(v));
    }
  }
  const rest = s.groups.filter((g) => !set.has(g.name));
  if (set.size === 0) return { shares: Object.fromEntries(s.groups.map((g) => [g.name, g.share])), set };
  const total = round(setSum, d + 2);
  if (rest.length === 0 || total > 1) {
    for (const g of rest) shares[g.name] = 0;
    const problem = total > 1 || Math.abs(total - 1) > 1e-6
      ? `groups: the shares set add up to ${+total.toFixed(4)}; ${rest.length ? 'they may add up to at most 1 (the other groups share the rest)' : 'they must add up to 1'}`
      : undefined;
    return { shares, set, problem };
  }
  const left = 1 - setSum;
  const baseRest = rest.reduce((a, g) => a + g.share, 0);
  rest.forEach((g) => { shares[g.name] = round(baseRest > 0 ? (g.share / baseRest) * left : left / rest.length, d); });
  const largest = rest.reduce((a, g) => (shares[g.name] > shares[a.name] ? g : a), rest[0]);
  const others = s.groups.filter((g) => g !== largest).reduce((a, g) => a + shares[g.name], 0);
  shares[largest.name] = Math.max(0, round(1 - others, d));
  return { shares, set };
}

// ---------------------------------------------------------------------------
// Applying changes

/**
 * Every value the changes set in scenario `s`, by dotted path: the changes,
 * with the group shares as sharesOf gives them (each share that differs from
 * the scenario's). Throws InputError when the group shares cannot add up to 1.
 */
export function resolvedChanges(s: Scenario, changes: LeverChanges): LeverChanges {
  const out: LeverChanges = {};
  for (const [path, v] of Object.entries(changes)) if (!path.startsWith('groups.')) out[path] = v;
  const { shares, problem } = sharesOf(s, changes);
  if (problem) throw new ValidationError([{ path: 'groups', message: problem.replace(/^groups: /, '') }], `scenario ${s.name}`);
  for (const g of s.groups) if (shares[g.name] !== g.share) out[`groups.${g.name}.share`] = shares[g.name];
  return out;
}

/**
 * Scenario `s` with lever changes: numbers set by the sweep's dotted paths
 * (`locate` and `applyPoint`, sim/sweep/params.ts: the same fields `--vary`
 * names), true/false and entry rules set on the service they name, then
 * validated by the schema. Throws InputError naming the lever.
 */
export function applyLevers(s: Scenario, changes: LeverChanges): Scenario {
  const all = resolvedChanges(s, changes);
  if (Object.keys(all).length === 0) return s;
  const numbers: Record<string, number> = {};
  let base = s;
  const raw = structuredClone(s) as unknown as Record<string, unknown>;
  let others = false;
  for (const [path, v] of Object.entries(all)) {
    const def = patternOf(path);
    if (!def) throw new InputError(`${path}: is not a scenario value this page sets${suggestPath(path)}`);
    const problem = problemOf(def, v);
    if (problem) throw new ValidationError([{ path, message: problem }], `scenario ${s.name}`);
    if (def.kind === 'number') {
      numbers[path] = v as number;
      continue;
    }
    const [, id, field] = path.split('.');
    const service = (raw.services as Record<string, unknown>[]).find((x) => x.id === id);
    if (!service) throw new InputError(`${path}: ${JSON.stringify(id)} is not a service of scenario ${s.name}${suggest(id, s.services.map((x) => x.id))}`);
    service[field] = structuredClone(v);
    others = true;
  }
  if (others) base = parseScenario(raw, `scenario ${s.name}`);
  const targets = Object.keys(numbers).map((name) => locate(base, name));
  return applyPoint(base, targets, numbers).scenario;
}

/** Whether two lever values are the same (a list of choices in any order). */
export function sameValue(a: LeverValue | undefined, b: LeverValue | undefined): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return same([...a].sort(), [...b].sort());
  return same(a, b);
}

/** `changes` with `path` set to `v`, or without it when `v` is the scenario's own value. */
export function withLever(s: Scenario, changes: LeverChanges, path: string, v: LeverValue | undefined): LeverChanges {
  const out = { ...changes };
  if (v === undefined || sameValue(v, valueAt(s, path))) delete out[path];
  else out[path] = v;
  return out;
}

// ---------------------------------------------------------------------------
// A scenario file

type Raw = Record<string, unknown>;

/**
 * The part of a scenario file that makes the changes, in the form a file
 * with `extends` gives them (sim/extends.ts): `{"office": {"caseload": 40},
 * "groups": [{"name": "refugee", "share": 0.3}, ...]}`; a list of numbers
 * (vacancies by level) whole.
 */
export function leverPatch(s: Scenario, changes: LeverChanges): Raw {
  const all = resolvedChanges(s, changes);
  const run = applyLevers(s, changes);
  const patch: Raw = {};
  for (const path of Object.keys(all)) {
    const [top, a, b] = path.split('.');
    const list = ITEM_LISTS[top as Topic];
    if (list) {
      const items = (patch[top] ??= []) as Raw[];
      let item = items.find((x) => x[list.key] === a);
      if (!item) items.push((item = { [list.key]: a }));
      item[b] = valueAt(run, path);
    } else {
      const obj = (patch[top] ??= {}) as Raw;
      obj[a] = structuredClone((run as unknown as Record<string, Raw>)[top][a]);
    }
  }
  // items in the scenario's order
  for (const [top, list] of Object.entries(ITEM_LISTS)) {
    const items = patch[top] as Raw[] | undefined;
    const order = (s[top as Topic] as Raw[]).map((x) => x[list.key]);
    items?.sort((x, y) => order.indexOf(x[list.key]) - order.indexOf(y[list.key]));
  }
  return patch;
}
