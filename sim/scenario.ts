import { ownValue, resolve, ValidationError, type FieldError } from './schema/dsl.ts';
import { KNOBS, PERSONALISED, SCENARIO, STANDARDISED, type Knobs } from './schema/scenario.ts';
import { DERIVED_GROUPS, type EntitlementName, type Route } from './constants.ts';

export type { Knobs };

export interface Group {
  name: string; label?: string; share: number; route: Route; categoryLevel: number; facesDiscrimination: boolean; women: number; careDuties: number; movesAwayPerYear: number;
  ageMin: number; ageMax: number; education: number[]; foreignEducation: number; language: number; digital: number;
  network: number; healthBarrier: number; hiddenBarrier: number; selfEfficacy: number; shame: number; ambition: number;
  entitlements: Record<EntitlementName, number>;
}
export interface Service {
  id: string; label?: string; type: string; term: 'short' | 'long'; weeks: number; levelled: boolean; defaultLevel: number;
  qualification: 'none' | 'certificate' | 'formal' | 'recognition'; slotsPerMonthPer1000: number; costPerWeek: number;
  entry: string[]; refusesIfHeld: boolean; rightsPriority: boolean; searchIntensity: number; employabilityGain: number; languageGain: number;
  networkGain: number; support: number; peerGroup: boolean; treatsBarrier: boolean;
}
export interface Persona {
  name: string; description?: string; group: string; age: number; education: number; foreignEducation: boolean;
  language: number; digital: number; network: number; healthBarrier: boolean; hiddenBarrier: boolean;
  selfEfficacy: number; shame: number; ambition: boolean; woman: boolean; careDuties: boolean; entitlements: EntitlementName[];
}
export type PolicyDef = Partial<Knobs> & { base?: string; label?: string };
export interface Scenario {
  name: string; title?: string;
  info: { what: string; howItWorks: string; howToUse: string; notice: string[]; try: string[] };
  agents: number; weeks: number; seed: number; replications: number; comparePolicies: [string, string];
  groups: Group[]; services: Service[];
  office: {
    advisorsPer1000: number; caseload: number; hoursPerWeek: number; hoursPerMeeting: number; costPerAdvisorHour: number;
    referralChance: number; referralWeight: number; budgetPerWeekPer1000: number;
  };
  labourMarket: {
    vacanciesPer1000: number[]; hireRate: number; languageRequired: number[]; recognitionPenalty: number; discrimination: number; barrierPenalty: number;
    networkReferral: number; certificateValue: number; jobLoss: number; barrierJobLoss: number; overqualifiedJobLoss: number; downgradeAfterWeeks: number;
    rightsAfterWeeksEmployed: number; temporaryShare: number; temporaryJobEnd: number; durationPenalty: number;
    durationPenaltyWeeks: number; agePenalty: number; incapacityPenalty: number;
  };
  behaviour: Behaviour;
  policies: Record<string, PolicyDef>;
  personas: Persona[];
}
export interface Behaviour {
  infoSearch: number; infoSearchCost: number; websiteSuccess: number; peerSuccess: number; ngoSuccess: number; chanceSuccess: number;
  peersPerPerson: number; peerHomophily: number; applyChance: number; rejectionHit: number; discouragedBelow: number;
  recoverChance: number; showUpBase: number; trustGain: number; trustLossOnChange: number; trustDecay: number;
  disclosure: number; hiddenBarrierDropout: number; placementBreakdown: number; mismatchYield: number;
  shameRise: number; recognition: number; peerSupport: number; attendancePressure: number;
  selfEfficacySearch: number; monitoringPush: number; monitoringDecay: number; sanctionThreat: number; skillDecay: number;
  healthExit: number; barrierPersists: number; educationExit: number; educationAgeMax: number; careSearchCost: number;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9-]*$/;
const near = (a: number, b: number) => Math.abs(a - b) < 1e-6;

/** Validate a parsed scenario and fill in defaults. Throws ValidationError listing every problem. */
export function parseScenario(input: unknown, source = 'scenario'): Scenario {
  const errors: FieldError[] = [];
  const s = resolve(SCENARIO, input, '', errors) as Scenario;
  if (errors.length === 0) checkConsistency(s, errors);
  if (errors.length) throw new ValidationError(errors, source);
  if (!s.title) s.title = s.name;
  // A JSON round trip gives plain fast-mode objects (the resolver's objects can end up in
  // dictionary mode, which makes every parameter read in a hot loop a hash lookup).
  return JSON.parse(JSON.stringify(s)) as Scenario;
}

function checkConsistency(s: Scenario, errors: FieldError[]): void {
  const err = (path: string, message: string) => errors.push({ path, message });
  if (!NAME.test(s.name)) err('name', `${JSON.stringify(s.name)} is not allowed; expected letters, digits and hyphens`);
  const groupNames = new Set<string>();
  let total = 0;
  s.groups.forEach((g, i) => {
    if (!NAME.test(g.name)) err(`groups[${i}].name`, `${JSON.stringify(g.name)} is not allowed; expected letters, digits and hyphens`);
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
    if (!NAME.test(name)) err(`policies.${name}`, 'policy names may hold only letters, digits and hyphens');
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
  for (const k of Object.keys(KNOBS.fields) as (keyof Knobs)[]) if (def[k] !== undefined) base[k] = def[k] as number;
  return base;
}
