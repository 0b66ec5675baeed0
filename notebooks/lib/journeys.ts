/**
 * One person's journey under two policies, for notebooks/persona-journeys.html.
 * A run is one replicate of a shipped scenario under each of its two
 * `comparePolicies` (`runPolicies`: the same people and the same luck),
 * keeping the weekly state of the personas (who are the first agents) and
 * their events (the model's `journey`), each with its sentence in the
 * notebook's language (sim/journey-text.ts; notebooks/lib/lang.ts). States,
 * policies and groups are named as on the page.
 */
import { eventText, parseScenario, rightsText, runPolicies, SHIPPED, type JourneyEvent, type RunResult, type Scenario } from '../../sim/index.ts';
import { DISCOURAGED, EMPLOYED, LONG_SERVICE, SHORT_SERVICE, STATE_NAMES } from '../../sim/constants.ts';
import { eventRuns, runText, weeksText } from '../../sim/journey-text.ts';
import { STATE_TEXT, texts } from '../../viz/i18n.ts';
import { outputGroupName, sentenceServices } from '../../viz/names.ts';
import { personaDescription } from '../../viz/persona-text.ts';
import { policyLabel } from '../../viz/plan.ts';
import { lang } from './lang.ts';

/** The states as people read them, in STATE_NAMES order (the page's words, viz/i18n.ts). */
export const STATE_LABELS: readonly string[] = STATE_NAMES.map((s) => STATE_TEXT(lang)[s]);

const MARK_TEXT = texts(
  {
    rejected: 'refused', started: 'started a service', completed: 'completed a service', droppedOut: 'dropped out',
    hired: 'got a job', lostJob: 'lost the job', advisorChanged: 'advisor changed', disclosedBarrier: 'told about a hidden problem',
  },
  {
    rejected: 'fikk avslag', started: 'begynte på et tiltak', completed: 'fullførte et tiltak', droppedOut: 'falt fra',
    hired: 'fikk jobb', lostJob: 'mistet jobben', advisorChanged: 'byttet veileder', disclosedBarrier: 'fortalte om et skjult problem',
  },
);
const SYMBOLS: Record<keyof ReturnType<typeof MARK_TEXT>, string> = {
  rejected: 'times', started: 'triangle', completed: 'star', droppedOut: 'wye', hired: 'circle', lostJob: 'diamond', advisorChanged: 'plus', disclosedBarrier: 'square',
};

/** Events drawn on the timeline, with their symbol and legend text. */
export const MARKS: Record<string, { symbol: string; label: string }> = Object.fromEntries(
  Object.entries(MARK_TEXT(lang)).map(([kind, label]) => [kind, { symbol: SYMBOLS[kind as keyof typeof SYMBOLS], label }]),
);

/** A shipped scenario's title in the notebook's language. */
export function scenarioTitle(name: string): string {
  const raw = SHIPPED[name] as { title?: string; titleNb?: string } | undefined;
  return (lang === 'nb' ? raw?.titleNb : undefined) ?? raw?.title ?? name;
}

/** A persona's description in the notebook's language (empty without one). */
export function describe(p: { description?: string; descriptionNb?: string }): string {
  return personaDescription(p, lang)?.text ?? '';
}

/** A scenario group's name in the notebook's language. */
export const groupOf = (s: Scenario, name: string): string => outputGroupName(name, s.groups, lang);

/** Routine events left out of the "turning points" list (counted in the summary instead). */
const ROUTINE = new Set(['metAdvisor', 'searchedInVain', 'applied']);

/** Scenarios that have personas to follow. */
export const PERSONA_SCENARIOS = Object.keys(SHIPPED).filter((k) => ((SHIPPED[k] as { personas?: unknown[] }).personas ?? []).length > 0);

export interface PersonaRuns { scenario: Scenario; policies: { key: string; label: string }[]; replicate: number; runs: RunResult[]; weeks: number; milliseconds: number }

/** Run a shipped scenario once (replicate `replicate`, i.e. one draw of luck) under its two compare policies. */
export function runPersonas(name: string, replicate = 0): PersonaRuns {
  const t0 = performance.now();
  const raw = SHIPPED[name];
  if (!raw) throw new Error(`unknown scenario ${name}`);
  const scenario = parseScenario(raw);
  const policies = scenario.comparePolicies.map((key) => ({ key, label: policyLabel(scenario, key, lang) }));
  const runs = runPolicies(scenario, policies.map((p) => p.key), replicate, { historyAgents: scenario.personas.length });
  return { scenario, policies, replicate, runs, weeks: scenario.weeks, milliseconds: performance.now() - t0 };
}

export interface Journey {
  policy: string;
  label: string;
  events: (JourneyEvent & { sentence: string; routine: boolean })[];
  /** The events as lines to read: a run of weeks with the same event is one line ("weeks 6–17: spent each of these weeks searching …"; sim/journey-text.ts eventRuns). */
  lines: { kind: string; weeks: string; sentence: string; routine: boolean }[];
  /** Runs of weeks in one state: weeks start..end (1-based, inclusive). */
  spans: { policy: string; start: number; end: number; state: string }[];
  summary: {
    firstJob: number | null; inWorkAtEnd: boolean; weeksInWork: number; weeksInServices: number; weeksDiscouraged: number;
    meetings: number; searchedInVain: number; refusals: number; servicesStarted: number; mismatched: number; advisorChanges: number;
  };
}

/** The journeys of persona `name` under both policies. */
export function journeysOf(r: PersonaRuns, name: string): Journey[] {
  const id = r.scenario.personas.findIndex((p) => p.name === name);
  if (id < 0) throw new Error(`${name} is not a persona of ${r.scenario.name}`);
  // the services as the sentences name them in the notebook's language (as the page's journey does)
  const named = sentenceServices(r.scenario.services, lang);
  return r.policies.map((p, k) => {
    const run = r.runs[k];
    const h = run.detail.history!;
    const raw = run.journeys[id]?.events ?? [];
    const events = raw.map((e) => ({ ...e, sentence: eventText(e, named, lang), routine: ROUTINE.has(e.kind) }));
    const lines = eventRuns(raw).map((r) => ({ kind: r.event.kind, weeks: weeksText(r.weeks, lang), sentence: runText(r, named, lang), routine: ROUTINE.has(r.event.kind) }));
    const spans: Journey['spans'] = [];
    let weeksInWork = 0, weeksInServices = 0, weeksDiscouraged = 0, firstJob: number | null = null;
    for (let w = 0; w < h.states.length / h.agents; w++) {
      const st = h.states[w * h.agents + id];
      if (st === EMPLOYED) { weeksInWork++; firstJob ??= w + 1; }
      if (st === SHORT_SERVICE || st === LONG_SERVICE) weeksInServices++;
      if (st === DISCOURAGED) weeksDiscouraged++;
      const last = spans[spans.length - 1];
      if (last && last.state === STATE_LABELS[st]) last.end = w + 1;
      else spans.push({ policy: p.label, start: w + 1, end: w + 1, state: STATE_LABELS[st] });
    }
    const weeks = h.states.length / h.agents;
    const count = (kind: string) => events.filter((e) => e.kind === kind).length;
    return {
      policy: p.key, label: p.label, events, lines, spans,
      summary: {
        firstJob, inWorkAtEnd: weeks > 0 && h.states[(weeks - 1) * h.agents + id] === EMPLOYED, weeksInWork, weeksInServices, weeksDiscouraged,
        meetings: count('metAdvisor') + count('followUp'), searchedInVain: count('searchedInVain'),
        refusals: count('rejected'), servicesStarted: count('started'),
        mismatched: events.filter((e) => e.kind === 'started' && !e.fit).length,
        advisorChanges: count('advisorChanged'),
      },
    };
  });
}

/** The rights a journey started with, as a phrase ("with a right to unemployment benefit"); empty if it has no registration. */
export function rightsAtRegistration(j: Journey): string {
  const e = j.events.find((x) => x.kind === 'registered');
  return e?.kind === 'registered' ? rightsText(e.rights, lang) : '';
}
