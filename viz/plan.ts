/** From the page's settings to a run plan: the scenario, two policies' knobs, sizes. Pure; errors read like the CLI's. */
import {
  parseJson, parseScenario, policyNames, resolvePolicy, ScenarioLoadError, SHIPPED, ValidationError,
  type Scenario,
} from '../sim/index.ts';
import type { Lang } from './i18n.ts';
import type { RunPlan } from './runner.ts';
import type { PolicyChoice, Settings } from './settings.ts';

/** Agents whose weekly states are kept for the animation. */
export const HISTORY_AGENTS = 20_000;

/** The scenario the settings name (shipped or loaded). Throws ScenarioLoadError or ValidationError. */
export function scenarioOf(settings: Settings, fileName = 'loaded file'): Scenario {
  if (settings.scenario === 'custom') {
    const text = (settings.custom ?? '').replace(/^\uFEFF/, '');
    // the same sources as the CLI's `pathways validate FILE`, so the lines read the same
    return parseScenario(parseJson(text, `scenario file ${fileName}`), `scenario ${fileName}`);
  }
  if (!Object.hasOwn(SHIPPED, settings.scenario)) throw new ScenarioLoadError(`scenario ${JSON.stringify(settings.scenario)} is not shipped; shipped: ${Object.keys(SHIPPED).join(', ')}`);
  return parseScenario(SHIPPED[settings.scenario], `scenario ${settings.scenario}`);
}

/** One line per problem, exactly as the CLI prints them (without its "pathways: " prefix). */
export function errorLines(err: unknown): string[] {
  if (err instanceof ValidationError) return err.errors.map((e) => `${err.source}: ${e.path}: ${e.message}`);
  if (err instanceof ScenarioLoadError) return [err.message];
  return [`internal error: ${(err as Error)?.message ?? String(err)}`];
}

const BUILT_IN: Record<string, Record<Lang, string>> = {
  standardised: { en: 'Standardised', nb: 'Standardisert' },
  personalised: { en: 'Personalised', nb: 'Tilpasset' },
};

/** A policy's display label: the scenario's label, else the built-in policies' names, else the name with a capital. */
export function policyLabel(s: Scenario, name: string, lang: Lang = 'en'): string {
  const def = s.policies[name];
  return def?.label ?? BUILT_IN[name]?.[lang] ?? name.charAt(0).toUpperCase() + name.slice(1).replace(/-/g, ' ');
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

export function planOf(settings: Settings, s: Scenario): { plan: RunPlan; labels: [string, string] } {
  const names = policyNames(s);
  for (const side of ['a', 'b'] as const) {
    const base = settings[side].base;
    if (!names.includes(base)) {
      throw new ValidationError([{ path: `policy ${side.toUpperCase()}`, message: `${JSON.stringify(base)} is not allowed; expected one of ${names.map((n) => JSON.stringify(n)).join(', ')}` }], `scenario ${s.name}`);
    }
  }
  const knobs = (c: PolicyChoice) => ({ ...resolvePolicy(s, c.base), ...c.knobs });
  const policies = policyKeys(settings.a, settings.b);
  const label = (c: PolicyChoice) => `${policyLabel(s, c.base, settings.lang)}${changed(c) ? '*' : ''}`;
  let labels: [string, string] = [label(settings.a), label(settings.b)];
  if (labels[0] === labels[1]) labels = [`A: ${labels[0]}`, `B: ${labels[1]}`];
  const agents = settings.agents ?? s.agents;
  return {
    plan: {
      scenario: s, policies, knobs: [knobs(settings.a), knobs(settings.b)], seed: settings.seed ?? s.seed, replications: settings.replications ?? s.replications,
      weeks: settings.weeks ?? s.weeks, agents, historyAgents: Math.min(agents, HISTORY_AGENTS),
    },
    labels,
  };
}
