import { ownValue, resolve, ValidationError, type FieldError, type Infer } from './schema/dsl.ts';
import { KNOB_NAMES, PERSONALISED, SCENARIO, STANDARDISED, type Knobs } from './schema/scenario.ts';
import { DERIVED_GROUPS } from './constants.ts';

export type { Knobs };

/*
 * The types of a validated scenario, inferred from the schema
 * (sim/schema/scenario.ts): a field added there is a field here.
 */

/** A validated scenario, with every default filled in (`title` too, by `parseScenario`). */
export type Scenario = Infer<typeof SCENARIO>;
export type Group = Scenario['groups'][number];
export type Service = Scenario['services'][number];
export type Persona = Scenario['personas'][number];
/** A named policy as written: a base and the knobs it changes. */
export type PolicyDef = Scenario['policies'][string];
export type Office = Scenario['office'];
export type LabourMarket = Scenario['labourMarket'];
export type Behaviour = Scenario['behaviour'];

const near = (a: number, b: number) => Math.abs(a - b) < 1e-6;

/**
 * Validate a complete scenario and fill in defaults. Throws ValidationError
 * listing every problem. `services`, when given, are the whole catalogue, and
 * `extends` is only kept (it names the base the scenario was merged from):
 * a scenario *file* as a person writes it, which may extend another and must
 * say when it replaces the catalogue, is read by parseScenarioFile
 * (sim/extends.ts), which merges it and then calls this.
 */
export function parseScenario(input: unknown, source = 'scenario'): Scenario {
  const errors: FieldError[] = [];
  const s = resolve(SCENARIO, input, '', errors) as Scenario;
  if (errors.length === 0) checkConsistency(s, errors);
  if (errors.length) throw new ValidationError(errors, source);
  if (!s.title) s.title = s.name;
  // what a file says about its catalogue, not a value of the scenario (parseScenarioFile reads it)
  delete s.replaceServices;
  // A JSON round trip gives plain fast-mode objects (the resolver's objects can end up in
  // dictionary mode, which makes every parameter read in a hot loop a hash lookup).
  return JSON.parse(JSON.stringify(s)) as Scenario;
}

function checkConsistency(s: Scenario, errors: FieldError[]): void {
  const err = (path: string, message: string) => errors.push({ path, message });
  const groupNames = new Set<string>();
  let total = 0;
  s.groups.forEach((g, i) => {
    if (groupNames.has(g.name)) err(`groups[${i}].name`, `${JSON.stringify(g.name)} is used by another group; names must be unique`);
    if ((DERIVED_GROUPS as readonly string[]).includes(g.name))
      err(`groups[${i}].name`, `${JSON.stringify(g.name)} is reserved; choose another name`);
    groupNames.add(g.name);
    total += g.share;
    if (g.ageMin > g.ageMax) err(`groups[${i}].ageMax`, `${g.ageMax} is below ageMin ${g.ageMin}`);
    const edu = g.education.reduce((a, b) => a + b, 0);
    if (!near(edu, 1)) err(`groups[${i}].education`, `adds up to ${+edu.toFixed(4)}; the three shares must add up to 1`);
  });
  if (!near(total, 1)) err('groups', `shares add up to ${+total.toFixed(4)}; they must add up to 1`);
  const ids = new Set<string>();
  s.services.forEach((sv, i) => {
    if (ids.has(sv.id)) err(`services[${i}].id`, `${JSON.stringify(sv.id)} is used by another service; ids must be unique`);
    ids.add(sv.id);
  });
  s.personas.forEach((p, i) => {
    if (!groupNames.has(p.group)) err(`personas[${i}].group`, `${JSON.stringify(p.group)} is not a group of this scenario; groups: ${[...groupNames].join(', ')}`);
  });
  if (s.personas.length > s.agents) err('personas', `there are ${s.personas.length} personas but only ${s.agents} agents`);
  for (const [name, def] of Object.entries(s.policies)) {
    const seen = new Set<string>([name]);
    let base = def.base;
    while (base !== undefined) {
      if (seen.has(base)) { err(`policies.${name}.base`, `${JSON.stringify(def.base)} leads to a cycle of bases`); break; }
      seen.add(base);
      if (Object.hasOwn(s.policies, base)) base = s.policies[base].base;
      else if (base === 'standardised' || base === 'personalised') base = undefined;
      else { err(`policies.${name}.base`, `${JSON.stringify(def.base)} is not a policy; known: ${policyNames(s).join(', ')}`); break; }
    }
  }
  s.comparePolicies.forEach((p, i) => {
    if (!policyNames(s).includes(p)) err(`comparePolicies[${i}]`, `${JSON.stringify(p)} is not a policy; known: ${policyNames(s).join(', ')}`);
  });
}

export function policyNames(s: Scenario): string[] {
  return [...new Set(['standardised', 'personalised', ...Object.keys(s.policies)])];
}

/** The full set of knobs of a named policy of the scenario. */
export function resolvePolicy(s: Scenario, name: string): Knobs {
  const presets: Record<string, Knobs> = { standardised: STANDARDISED, personalised: PERSONALISED };
  // own properties only: a name such as "toString" or "__proto__" is not a policy
  const def = ownValue(s.policies, name);
  const preset = ownValue(presets, name);
  if (def === undefined) {
    if (preset !== undefined) return { ...preset };
    throw new ValidationError([{ path: 'policy', message: `${JSON.stringify(name)} is not a policy of scenario ${s.name}; known: ${policyNames(s).join(', ')}` }], 'input');
  }
  const base = def.base !== undefined ? resolvePolicy(s, def.base) : { ...(preset ?? STANDARDISED) };
  for (const k of KNOB_NAMES) if (def[k] !== undefined) base[k] = def[k] as number;
  return base;
}
