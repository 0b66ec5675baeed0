/** From the page's settings to a run plan: the scenario with its changed values, two policies' knobs, sizes. Pure; errors read like the CLI's. */
import {
  baseOf, InputError, parseJson, parseScenario, parseScenarioFile, policyKnobs, policyNames, resolveRunSettings, SHIPPED, ValidationError,
  type CompareOptions, type Scenario,
} from '../sim/index.ts';
import type { Lang } from './i18n.ts';
import { applyLevers } from './levers.ts';
import { learnNames, nbOf } from './names.ts';
import type { RunPlan } from './runner.ts';
import { AUTO_RUN_PERSON_WEEKS, LIMITS, type PolicyChoice, type Settings, type SizeField } from './settings.ts';

/** Agents whose weekly states are kept for the animation. */
export const HISTORY_AGENTS = 20_000;

/** The scenario the settings name (shipped or loaded). Throws InputError (ValidationError for a file's fields). */
export function scenarioOf(settings: Settings, fileName = 'loaded file'): Scenario {
  if (settings.scenario === 'custom') {
    const text = (settings.custom ?? '').replace(/^\uFEFF/, '');
    // the same sources as the CLI's `pathways validate FILE`, so the lines read the same; a file may extend a shipped scenario
    const s = parseScenarioFile(parseJson(text, `scenario file ${fileName}`), `scenario ${fileName}`);
    learnNames(s); // the bokmål labels of its groups and services
    return s;
  }
  if (!Object.hasOwn(SHIPPED, settings.scenario)) throw new InputError(`scenario ${JSON.stringify(settings.scenario)} is not shipped; shipped: ${Object.keys(SHIPPED).join(', ')}`);
  return parseScenario(SHIPPED[settings.scenario], `scenario ${settings.scenario}`);
}

/** One line per problem, exactly as the CLI prints them (without its "pathways: " prefix). */
export function errorLines(err: unknown): string[] {
  // a ValidationError gives one line per field: "scenario x.json: groups[0].share: ..."
  if (err instanceof InputError) return err.lines;
  return [`internal error: ${(err as Error)?.message ?? String(err)}`];
}

const BUILT_IN: Record<string, Record<Lang, string>> = {
  standardised: { en: 'Standardised', nb: 'Standardisert' },
  personalised: { en: 'Personalised', nb: 'Tilpasset' },
};

/**
 * A policy's display label: the scenario's label (in bokmål its `labelNb`,
 * when it has one), else the built-in policies' names, else the name with a capital.
 */
export function policyLabel(s: Scenario, name: string, lang: Lang = 'en'): string {
  const def = s.policies[name];
  const base = baseOf(s)?.policies[name];
  const nb = lang === 'nb' ? nbOf(def?.label, def?.labelNb, base && { en: base.label, nb: base.labelNb }) : undefined;
  return nb ?? def?.label ?? BUILT_IN[name]?.[lang] ?? name.charAt(0).toUpperCase() + name.slice(1).replace(/-/g, ' ');
}

const changed = (c: PolicyChoice) => Object.keys(c.knobs).length > 0;

/**
 * Keys for the two policies in results: the policy names when they differ and
 * are unchanged (so results match `pathways compare --policies A,B`), else
 * "A: name*" and "B: name*" (* = knobs changed).
 */
export function policyKeys(a: PolicyChoice, b: PolicyChoice): [string, string] {
  if (!changed(a) && !changed(b) && a.base !== b.base) return [a.base, b.base];
  const key = (side: string, c: PolicyChoice) => `${side}: ${c.base}${changed(c) ? '*' : ''}`;
  return [key('A', a), key('B', b)];
}

/** A scenario's own size above the page's LIMITS: the value it asks for and the value the page uses. */
export interface Capped { field: SizeField; value: number; used: number }

/**
 * The sizes a run uses (resolveRunSettings, as on the command line): the
 * settings' (the link's and the fields', within LIMITS), else the
 * scenario's, capped at the same LIMITS; and which of the scenario's were
 * capped. Throws InputError for too few agents for the scenario's personas.
 */
export function sizesOf(settings: Settings, s: Scenario): { sizes: Record<SizeField, number>; capped: Capped[] } {
  const capped: Capped[] = [];
  const { seed, replications, agents, weeks } = settings;
  const sizes = resolveRunSettings(s, {}, { seed, replications, agents, weeks }, {
    limits: LIMITS, option: (field) => field, onCapped: (field, value, used) => capped.push({ field, value, used }),
  });
  // in the order of the page's fields (LIMITS)
  const order = Object.keys(LIMITS);
  return { sizes, capped: capped.sort((x, y) => order.indexOf(x.field) - order.indexOf(y.field)) };
}

/** One line per capped size, naming the field, the value and what the page allows. */
export function cappedLines(capped: Capped[], source: string): string[] {
  const n = (x: number) => x.toLocaleString('en');
  return capped.map((c) => `${source}: ${c.field}: ${n(c.value)} is more than this page runs (at most ${n(LIMITS[c.field][1])}); ${n(c.used)} used`);
}

/** Person-weeks of a run (people × weeks × replications × 2 policies). */
export const personWeeks = (p: Pick<RunPlan, 'agents' | 'weeks' | 'replications'>): number => p.agents * p.weeks * p.replications * 2;

/** A run too large to start without a click (AUTO_RUN_PERSON_WEEKS). */
export const isLarge = (p: Pick<RunPlan, 'agents' | 'weeks' | 'replications'>): boolean => personWeeks(p) > AUTO_RUN_PERSON_WEEKS;

export function planOf(settings: Settings, s: Scenario): { plan: RunPlan; labels: [string, string] } {
  const names = policyNames(s);
  for (const side of ['a', 'b'] as const) {
    const base = settings[side].base;
    if (!names.includes(base)) {
      throw new ValidationError([{ path: `policy ${side.toUpperCase()}`, message: `${JSON.stringify(base)} is not allowed; expected one of ${names.map((n) => JSON.stringify(n)).join(', ')}` }], `scenario ${s.name}`);
    }
  }
  const knobs = (c: PolicyChoice, side: string) => policyKnobs(s, c.base, c.knobs, `policy ${side}`);
  const policies = policyKeys(settings.a, settings.b);
  const label = (c: PolicyChoice) => `${policyLabel(s, c.base, settings.lang)}${changed(c) ? '*' : ''}`;
  let labels: [string, string] = [label(settings.a), label(settings.b)];
  if (labels[0] === labels[1]) labels = [`A: ${labels[0]}`, `B: ${labels[1]}`];
  const { seed, replications, weeks, agents } = sizesOf(settings, s).sizes;
  return {
    plan: {
      // the scenario with the values changed on the page (levers.ts)
      scenario: applyLevers(s, settings.levers), policies, knobs: [knobs(settings.a, 'A'), knobs(settings.b, 'B')], seed, replications,
      weeks, agents, historyAgents: Math.min(agents, HISTORY_AGENTS),
    },
    labels,
  };
}

/** The options that turn a plan's runs into its results (pageData, aggregate): its sizes and each policy key's knobs, so the results carry them. */
export const compareOptions = (plan: RunPlan): CompareOptions => ({
  seed: plan.seed, replications: plan.replications, weeks: plan.weeks, agents: plan.agents,
  knobsByPolicy: { [plan.policies[0]]: plan.knobs[0], [plan.policies[1]]: plan.knobs[1] },
});
