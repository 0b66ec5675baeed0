/**
 * "Save this scenario": the page's settings as a scenario file that
 * `pathways compare --scenario FILE` runs with the same numbers. For a
 * shipped scenario it is a file with `"extends": NAME` and only what the page
 * changed (sim/extends.ts): the scenario values (levers.ts), the run settings
 * set on the page (or capped at its limits), and the two policies when their
 * knobs are changed (as named policies the file compares). For a loaded file
 * it is that file with the same changes written into it.
 */
import { policyNames, type Scenario } from '../sim/index.ts';
import { SCENARIO } from '../sim/schema/scenario.ts';
import { applyLevers, leverPatch } from './levers.ts';
import { policyLabel, sizesOf } from './plan.ts';
import { LIMITS, type Settings, type SizeField } from './settings.ts';

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const ITEM_KEY: Record<string, string> = { groups: 'name', services: 'id' };

/** `patch` (leverPatch's form) written into a scenario file's value `raw`; `run` is the scenario with the changes, for a catalogue the file does not list. */
function mergeInto(raw: Raw, patch: Raw, run: Scenario): Raw {
  const out = structuredClone(raw);
  const extending = Object.hasOwn(out, 'extends');
  for (const [top, v] of Object.entries(patch)) {
    const key = ITEM_KEY[top];
    if (key && Array.isArray(v)) {
      if (top === 'services' && !extending && !Array.isArray(out.services)) {
        // a complete file without services runs the default catalogue: a changed one is written whole
        out.services = structuredClone(run.services);
        out.replaceServices = true;
        continue;
      }
      const items = (Array.isArray(out[top]) ? out[top] : (out[top] = [])) as Raw[];
      for (const change of v as Raw[]) {
        const item = items.find((x) => isObject(x) && x[key] === change[key]);
        if (item) Object.assign(item, change);
        else items.push(change);
      }
    } else out[top] = { ...(isObject(out[top]) ? out[top] : {}), ...(v as Raw) };
  }
  return out;
}

/** A name for a policy of the file not yet taken in `s`. */
function freeName(s: Scenario, want: string, taken: string[]): string {
  const names = [...policyNames(s), ...taken];
  let name = want;
  for (let k = 2; names.includes(name); k++) name = `${want}-${k}`;
  return name;
}

/**
 * The scenario file for `settings` on scenario `s` (the scenario as loaded,
 * before the page's changes): its value, and a file name. Throws InputError
 * when the settings cannot be run (the page disables saving then).
 */
export function scenarioFile(settings: Settings, s: Scenario, fileName?: string): { value: Raw; name: string; text: string } {
  const patch = leverPatch(s, settings.levers);
  const run = applyLevers(s, settings.levers);
  let value: Raw;
  if (settings.scenario === 'custom') {
    const raw: unknown = JSON.parse((settings.custom ?? '').replace(/^\uFEFF/, ''));
    value = mergeInto(isObject(raw) ? raw : {}, patch, run);
  } else {
    value = { extends: settings.scenario, ...patch };
  }
  // the run settings: those set on the page, and those capped at its limits
  const { sizes, capped } = sizesOf(settings, s);
  for (const field of Object.keys(LIMITS) as SizeField[]) {
    if (settings[field] !== undefined || capped.some((c) => c.field === field)) value[field] = sizes[field];
  }
  // changed knobs: a named policy per changed side, compared by the file
  const taken: string[] = [];
  const compared = (['a', 'b'] as const).map((side) => {
    const c = settings[side];
    if (Object.keys(c.knobs).length === 0) return c.base;
    const name = freeName(s, `${c.base}-${side}`, taken);
    taken.push(name);
    const policies = (isObject(value.policies) ? value.policies : (value.policies = {})) as Raw;
    // named in both languages, as the page names a changed policy (its base's label with a star)
    policies[name] = { base: c.base, label: `${policyLabel(s, c.base)}*`, labelNb: `${policyLabel(s, c.base, 'nb')}*`, ...c.knobs };
    return name;
  });
  if (compared[0] !== s.comparePolicies[0] || compared[1] !== s.comparePolicies[1]) value.comparePolicies = compared;
  // in the schema's order, as a person would write the file
  const order = ['$schema', 'extends', ...Object.keys(SCENARIO.fields)];
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  value = Object.fromEntries(Object.entries(value).sort(([x], [y]) => rank(x) - rank(y)));
  const stem = settings.scenario === 'custom' ? (fileName ?? 'scenario').replace(/\.json$/i, '') : settings.scenario;
  return { value, name: `${stem}-changed.json`, text: `${JSON.stringify(value, null, 2)}\n` };
}
