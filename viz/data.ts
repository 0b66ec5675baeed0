/**
 * From finished runs to the page's chart data: plain, serialisable objects,
 * no DOM. Shares are 0..1; weeks are 1-based (week 1 is the first simulated
 * week); "perPerson" values are per person in the whole population.
 */
import {
  aggregate, compareSettings, estimate, type CompareOptions, type CompareResult, type JourneyEvent, type RunResult,
  type Scenario,
} from '../sim/index.ts';
import type { Persona } from '../sim/scenario.ts';
import { DERIVED_GROUPS, EMPLOYED, LONG_SERVICE, NUM_STATES, REASON_NAMES, SHORT_SERVICE, STATE_NAMES } from '../sim/constants.ts';
import { countAt, groupIndex, transitionAt } from '../sim/record.ts';

export type StateName = (typeof STATE_NAMES)[number];

/** A mean with its 95% interval over replications. */
export interface Band { policy: string; week: number; mean: number; lo: number; hi: number }

export interface PageData {
  meta: {
    scenario: string; title: string; seed: number; weeks: number; agents: number; replications: number;
    /** Policy keys (A first, B second) and their display labels. */
    policies: [string, string]; policyLabels: [string, string];
    /** Scenario groups only: not the derived output groups the recorder adds after them (sim/constants DERIVED_GROUPS). */
    groups: { name: string; label: string }[];
    services: { id: string; label: string; term: 'short' | 'long'; levelled: boolean }[];
    /** The scenario's personas as defined (description, group, resources), in scenario order: agent ids 0..P-1. */
    personas: Persona[];
  };
  /** Exactly what `pathways compare --json` prints for the same settings. */
  compare: CompareResult;
  /** Share employed by week (whole population). */
  employment: Band[];
  /** Mean share in each state by week (whole population; every state of STATE_NAMES, those who have left the register included). */
  states: { policy: string; week: number; state: StateName; share: number }[];
  /** Share not yet hired (survival) by week; week 0 = 1. */
  survival: Band[];
  /** Mean share of the population moving from one state at checkpoint `from` to another at checkpoint `to`. */
  flows: { policy: string; checkpoints: number[]; links: { from: number; source: StateName; target: StateName; share: number }[] }[];
  /** Service starts per person, and those at a level that does not fit, per service. */
  services: { policy: string; service: string; label: string; term: 'short' | 'long'; started: number; mismatched: number }[];
  /** Refusals per person, by reason. */
  rejections: { policy: string; reason: string; perPerson: number }[];
  /** Metrics by scenario group (not the derived groups), with intervals. */
  groups: { policy: string; group: string; label: string; metric: GroupMetric; mean: number; lo: number; hi: number }[];
  /** Activity counted (share in a service) and share employed by week: the F7 gap. */
  activity: { policy: string; week: number; inService: number; employed: number }[];
  /**
   * Persona journeys in every replicate (0-based `replicate`, as in the runs), by policy, then replicate, then persona.
   * The events are the runs' own arrays, not copies.
   */
  journeys: { policy: string; replicate: number; name: string; group: string; events: JourneyEvent[] }[];
  /** Weekly states of the first agents in replicate 0, for the animation (absent when none were kept). */
  history: { policy: string; agents: number; weeks: number; states: Uint8Array; group: Uint8Array }[];
}

export const GROUP_METRICS = ['employedShare', 'rejectionsPerPerson', 'servicesPerPerson', 'mismatchedServiceShare', 'participationRate'] as const;
export type GroupMetric = (typeof GROUP_METRICS)[number];

/** Mean and interval of one number per replicate (a single replicate gives a zero-width interval). */
function band(values: number[]): { mean: number; lo: number; hi: number } {
  const e = estimate(values);
  return { mean: e.mean, lo: e.ci95[0], hi: e.ci95[1] };
}

/** Chart data for a comparison of `policies` (two keys) from its runs; `labels` name them on screen. */
export function pageData(s: Scenario, policies: [string, string], labels: [string, string], runs: RunResult[], opts: CompareOptions = {}): PageData {
  const { seed, weeks, agents, reps } = compareSettings(s, opts);
  const compare = aggregate(s, policies, runs, opts);
  const data: PageData = {
    meta: {
      scenario: s.name, title: s.title ?? s.name, seed, weeks, agents, replications: reps, policies, policyLabels: labels,
      groups: s.groups.map((g) => ({ name: g.name, label: g.label ?? g.name })),
      services: s.services.map((x) => ({ id: x.id, label: x.label ?? x.id, term: x.term, levelled: x.levelled })),
      personas: s.personas.map((p) => ({ ...p, entitlements: [...p.entitlements] })),
    },
    compare, employment: [], states: [], survival: [], flows: [], services: [], rejections: [], groups: [], activity: [],
    journeys: [], history: [],
  };
  for (const p of policies) {
    const rs = runs.filter((r) => r.policy === p).sort((x, y) => x.replicate - y.replicate);
    const all = groupIndex(rs[0], 'all' satisfies (typeof DERIVED_GROUPS)[number]); // the whole population
    const size = rs[0].groupSizes[all];
    const share = (r: RunResult, w: number, st: number) => countAt(r, w, all, st) / size;
    const hired = rs.map(() => 0);
    data.survival.push({ policy: p, week: 0, mean: 1, lo: 1, hi: 1 });
    for (let w = 0; w < weeks; w++) {
      data.employment.push({ policy: p, week: w + 1, ...band(rs.map((r) => share(r, w, EMPLOYED))) });
      for (let st = 0; st < NUM_STATES; st++) {
        data.states.push({ policy: p, week: w + 1, state: STATE_NAMES[st], share: mean(rs.map((r) => share(r, w, st))) });
      }
      data.activity.push({
        policy: p, week: w + 1,
        inService: mean(rs.map((r) => share(r, w, SHORT_SERVICE) + share(r, w, LONG_SERVICE))), employed: mean(rs.map((r) => share(r, w, EMPLOYED))),
      });
      rs.forEach((r, k) => { hired[k] += r.detail.firstJobs[w]; });
      data.survival.push({ policy: p, week: w + 1, ...band(hired.map((h) => 1 - h / size)) });
    }
    const checkpoints = rs[0].detail.checkpoints;
    const links: PageData['flows'][number]['links'] = [];
    for (let c = 0; c + 1 < checkpoints.length; c++) {
      for (let a = 0; a < NUM_STATES; a++) {
        for (let b = 0; b < NUM_STATES; b++) {
          const v = mean(rs.map((r) => transitionAt(r.detail, c, a, b))) / size;
          if (v > 0) links.push({ from: c, source: STATE_NAMES[a], target: STATE_NAMES[b], share: v });
        }
      }
    }
    data.flows.push({ policy: p, checkpoints, links });
    s.services.forEach((x, k) => data.services.push({
      policy: p, service: x.id, label: x.label ?? x.id, term: x.term,
      started: mean(rs.map((r) => r.detail.serviceStarts[k])) / size,
      mismatched: mean(rs.map((r) => r.detail.serviceMismatched[k])) / size,
    }));
    for (let reason = 1; reason < REASON_NAMES.length; reason++) {
      data.rejections.push({ policy: p, reason: REASON_NAMES[reason], perPerson: mean(rs.map((r) => r.detail.rejectionsByReason[reason])) / size });
    }
    for (const g of s.groups) {
      for (const metric of GROUP_METRICS) {
        data.groups.push({ policy: p, group: g.name, label: g.label ?? g.name, metric, ...band(rs.map((r) => r.summary[g.name][metric] as number)) });
      }
    }
    for (const r of rs) {
      for (const j of r.journeys) {
        data.journeys.push({ policy: p, replicate: r.replicate, name: j.name, group: s.personas.find((x) => x.name === j.name)?.group ?? '', events: j.events });
      }
    }
    const h = rs[0].detail.history;
    if (h) data.history.push({ policy: p, agents: h.agents, weeks, states: h.states, group: h.group });
  }
  return data;
}

function mean(xs: number[]): number {
  let t = 0;
  for (const x of xs) t += x;
  return xs.length ? t / xs.length : 0;
}
