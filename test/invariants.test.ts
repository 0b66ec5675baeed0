/**
 * Invariants that must hold every week, whatever the parameters: random
 * scenarios (every behaviour, labour-market and office parameter drawn within
 * its schema range, from a seeded generator), under both presets and under
 * random knobs.
 */
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { F_INSECURE_JOB, F_OVERQUALIFIED, PENDING_NONE, WAITING } from '../sim/agents.ts';
import {
  DISCOURAGED, EMPLOYED, ENTITLEMENT_NAMES, FIRST_OUT, HEALTH_BENEFIT, LONG_SERVICE, MOVED_AWAY, NO_SERVICE, NUM_LEVELS, NUM_STATES,
  ROUTES, SHORT_SERVICE, UNEMPLOYED,
} from '../sim/constants.ts';
import { PERIOD_WEEKS, SMALL_OFFICE_PLACES } from '../sim/phases/capacity.ts';
import { countAt, groupIndex, GROUPS_PER_PERSON } from '../sim/record.ts';
import { METRIC_TABLE, METRICS, type MetricName } from '../sim/metrics.ts';
import { summarise } from '../sim/metrics.ts';
import { createModel, step, type Model } from '../sim/model.ts';
import type { NumberSpec, ObjectSpec, Spec } from '../sim/schema/dsl.ts';
import { KNOBS, SCENARIO } from '../sim/schema/scenario.ts';
import { parseScenario, type Knobs, type Scenario } from '../sim/scenario.ts';
import { CATALOGUE, group, INFO } from './helpers.ts';

type Rng = () => number;

/** A value of a numeric spec drawn uniformly within its range. */
function drawNumber(g: Rng, spec: NumberSpec): number {
  const x = spec.min + g() * (spec.max - spec.min);
  return spec.integer ? Math.round(x) : x;
}
/** Every field of an object spec of numbers (and lists of numbers) drawn within its range. */
function drawObject(g: Rng, spec: Spec, limits: Record<string, [number, number]> = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, f] of Object.entries((spec as ObjectSpec).fields)) {
    const lim = limits[k];
    const num = (s: NumberSpec) => (lim ? drawNumber(g, { ...s, min: lim[0], max: lim[1] }) : drawNumber(g, s));
    if (f.kind === 'number') out[k] = num(f);
    else if (f.kind === 'array' && f.items.kind === 'number') out[k] = Array.from({ length: f.length ?? 3 }, () => num(f.items as NumberSpec));
  }
  return out;
}
/** Positive weights that add up to 1 (within the schema's 1e-6). */
function shares(g: Rng, k: number): number[] {
  const w = Array.from({ length: k }, () => 1 + Math.floor(g() * 10));
  const total = w.reduce((x, y) => x + y, 0);
  return w.map((x) => x / total);
}

/** A random scenario from `seed`; the seeds `min` and `max` put every drawn value at the bottom or top of its range. */
function randomScenario(seed: string): { scenario: Scenario; knobs: Knobs } {
  const g: Rng = seed === 'min' ? () => 0 : seed === 'max' ? () => 0.9999999 : seedrandom(seed);
  const G = 1 + Math.floor(g() * 4);
  const groupShares = shares(g, G);
  const groups = groupShares.map((share, i) => {
    const ageMin = 16 + Math.floor(g() * 30);
    return group({
      name: `g${i}`, share, route: ROUTES[Math.floor(g() * ROUTES.length)], categoryLevel: Math.floor(g() * 3),
      facesDiscrimination: g() < 0.5, women: g(), careDuties: g(), movesAwayPerYear: g() * 0.5,
      ageMin, ageMax: ageMin + Math.floor(g() * (67 - ageMin)), education: shares(g, 3),
      foreignEducation: g(), language: g(), digital: g(), network: g(), healthBarrier: g(), hiddenBarrier: g(),
      selfEfficacy: g(), shame: g(), ambition: g(),
      entitlements: Object.fromEntries(ENTITLEMENT_NAMES.map((e) => [e, g() < 0.3 ? 0 : g()])),
    });
  });
  const services = CATALOGUE.map((s) => ({
    ...s, slotsPerMonthPer1000: g() * 60, support: g(), searchIntensity: g(), employabilityGain: g() * 0.05,
    languageGain: g() * 0.02, networkGain: g() * 0.02, weeks: 1 + Math.floor(g() * s.weeks),
  }));
  const fields = SCENARIO.fields;
  const input = {
    name: `random-${seed}`, info: INFO, agents: 50 + Math.floor(g() * 451), weeks: 20 + Math.floor(g() * 61), seed: Math.floor(g() * 1e6),
    groups, services,
    behaviour: drawObject(g, fields.behaviour, {}),
    labourMarket: drawObject(g, fields.labourMarket, { vacanciesPer1000: [0, 60] }),
    // a budget that sometimes binds (the schema allows far more than any office spends)
    office: drawObject(g, fields.office, { caseload: [1, 200], budgetPerWeekPer1000: [0, 1e6] }),
    personas: Array.from({ length: Math.floor(g() * 4) }, (_, k) => ({
      name: `P${k}`, group: `g${Math.floor(g() * G)}`, woman: g() < 0.5, careDuties: g() < 0.3, healthBarrier: g() < 0.3,
    })),
  };
  return { scenario: parseScenario(input, input.name), knobs: drawObject(g, KNOBS) as Knobs };
}

/** Metrics that are shares 0..1 (the metric table's kind; activityEmploymentGap is a difference of two, −1..1). */
const SHARES: readonly MetricName[] = METRICS.filter((k) => METRIC_TABLE[k].kind === 'share' && k !== 'activityEmploymentGap');
const UNIT_FIELDS = ['language', 'digital', 'network', 'employability', 'selfEfficacy', 'shame', 'trust', 'push'] as const;

/** What the checks compare with: the state of the model before the week. */
interface Before { state: Uint8Array; slotsLeft: Float64Array; serviceStarts: Float64Array }
const snapshot = (m: Model): Before => ({ state: m.agents.state.slice(), slotsLeft: m.slotsLeft.slice(), serviceStarts: m.recorder.serviceStarts.slice() });

/** Every weekly invariant; returns a description of the first broken one, or '' (so failures name agent and week). */
function violations(m: Model, before: Before): string {
  const a = m.agents;
  const t = m.services;
  const n = m.n;
  const w = m.week - 1; // the week just recorded
  const rec = m.recorder;
  const G = m.scenario.groups.length;
  const byGroup = new Int32Array(rec.groups * NUM_STATES);
  const loads = new Int32Array(m.advisorLoad.length);
  const serviceMask = (1 << t.count) - 1;
  for (let i = 0; i < n; i++) {
    const st = a.state[i];
    const at = `week ${w}, agent ${i}`;
    if (!(st >= 0 && st < NUM_STATES)) return `${at}: state ${st}`;
    if (!(a.group[i] < G)) return `${at}: group ${a.group[i]}`;
    for (let k = 0; k < GROUPS_PER_PERSON; k++) byGroup[rec.groupOf(k, a.group[i], a.rightsAtStart[i], a.flags[i]) * NUM_STATES + st]++;
    const was = before.state[i];
    if (was >= FIRST_OUT && st !== was) return `${at}: left the labour force (state ${was}) and came back as state ${st}`;
    // the advisors phase takes the contact person from everyone in work or out at the end of last week
    if (a.advisor[i] >= 0 && (was === EMPLOYED || was >= FIRST_OUT)) return `${at}: holds a contact person in state ${was} after the advisors phase`;
    if ((a.flags[i] & (F_INSECURE_JOB | F_OVERQUALIFIED)) !== 0 && st !== EMPLOYED) return `${at}: a job flag in state ${st}`;
    if (a.weeksIdle[i] > a.weeksUnemployed[i]) return `${at}: ${a.weeksIdle[i]} weeks idle of ${a.weeksUnemployed[i]} out of work`;
    if (!(a.searchOwn[i] >= 0 && a.searchLow[i] >= 0 && Number.isFinite(a.searchOwn[i] + a.searchLow[i]))) return `${at}: search ${a.searchOwn[i]}, ${a.searchLow[i]}`;
    for (const f of UNIT_FIELDS) {
      const v = a[f][i];
      if (!(v >= 0 && v <= 1)) return `${at}: ${f} = ${v}`;
    }
    if (!(Number.isFinite(a.cost[i]) && a.cost[i] >= 0)) return `${at}: cost ${a.cost[i]}`;
    const inService = st === SHORT_SERVICE || st === LONG_SERVICE;
    if (inService) {
      const s = a.service[i];
      if (!(s < t.count)) return `${at}: in a service with index ${s}`;
      if ((t.long[s] === 1) !== (st === LONG_SERVICE)) return `${at}: state ${st} in service ${s} (long ${t.long[s]})`;
      if (a.serviceWeeksLeft[i] < 1) return `${at}: in a service with ${a.serviceWeeksLeft[i]} weeks left`;
      if (a.serviceLevel[i] >= NUM_LEVELS) return `${at}: service level ${a.serviceLevel[i]}`;
    } else if (a.service[i] !== NO_SERVICE) return `${at}: state ${st} but service index ${a.service[i]}`;
    if (a.education[i] >= NUM_LEVELS || a.assessedLevel[i] >= NUM_LEVELS) return `${at}: level out of range`;
    // only a request waiting for a place is still pending after the week, for at most one period
    if (a.pending[i] !== PENDING_NONE
      && !(st === UNEMPLOYED && a.pendingByAdvisor[i] > WAITING && a.pendingByAdvisor[i] < WAITING + PERIOD_WEEKS))
      return `${at}: a request still pending after the week (state ${st}, code ${a.pendingByAdvisor[i]})`;
    if ((a.known[i] & ~serviceMask) !== 0 || (a.fit[i] & ~serviceMask) !== 0 || (a.knownInformal[i] & ~a.known[i]) !== 0)
      return `${at}: known/fit masks ${a.known[i]}/${a.fit[i]}/${a.knownInformal[i]}`;
    const adv = a.advisor[i];
    if (!(adv >= -1 && adv < m.advisorLoad.length)) return `${at}: advisor ${adv}`;
    if (adv >= 0) loads[adv]++;
    if (a.firstJobWeek[i] > w || (st === EMPLOYED && a.firstJobWeek[i] < 0)) return `${at}: first job week ${a.firstJobWeek[i]}`;
    if (a.meetingsAttended[i] > a.meetingsScheduled[i]) return `${at}: attended more meetings than scheduled`;
    if (a.rejections[i] > a.applications[i]) return `${at}: ${a.rejections[i]} rejections of ${a.applications[i]} requests`;
    if (a.longStarted[i] > a.servicesStarted[i] || a.mismatched[i] > a.servicesStarted[i] || a.byChance[i] > a.servicesStarted[i])
      return `${at}: service tallies`;
  }
  let totalLoad = 0, totalPlaces = 0;
  for (let v = 0; v < loads.length; v++) {
    if (m.advisorLoad[v] < 0) return `week ${w}: advisor ${v} has load ${m.advisorLoad[v]}`;
    if (m.advisorLoad[v] !== loads[v]) return `week ${w}: advisor ${v} has load ${m.advisorLoad[v]} but ${loads[v]} people`;
    totalLoad += loads[v];
    totalPlaces += Math.ceil(m.advisorPlaces[v] - 1e-9);
  }
  if (totalLoad > totalPlaces) return `week ${w}: total advisor load ${totalLoad} above the ${totalPlaces} places`;
  for (let g = 0; g < rec.groups; g++) {
    let size = 0;
    for (let st = 0; st < NUM_STATES; st++) {
      size += byGroup[g * NUM_STATES + st];
      if (countAt(rec, w, g, st) !== byGroup[g * NUM_STATES + st]) return `week ${w}: recorder count of group ${rec.groupNames[g]}, state ${st}`;
    }
    if (rec.size[g] !== size) return `week ${w}: recorder size of group ${rec.groupNames[g]} is ${rec.size[g]}, counted ${size}`;
  }
  const size = (name: string) => rec.size[groupIndex(rec, name)];
  if (size('all') !== n || size('withBenefitRights') + size('withoutBenefitRights') !== n || size('women') + size('men') !== n) return `week ${w}: sizes do not add up to n`;
  for (let s = 0; s < t.count; s++) {
    // an overdraft is at most this week's starts (there were places before the lottery), and places pile up only so far
    const starts = m.recorder.serviceStarts[s] - before.serviceStarts[s];
    const left = m.slotsLeft[s];
    if (!(left >= (starts > 0 ? -starts : Math.min(0, before.slotsLeft[s])))) return `week ${w}: service ${s} has ${left} places left after ${starts} starts`;
    if (left > Math.max(t.slotsPerMonth[s], SMALL_OFFICE_PLACES) + 1e-9) return `week ${w}: service ${s} has piled up ${left} places`;
  }
  for (let l = 0; l < NUM_LEVELS; l++) {
    if (!(m.demand[l] >= 0 && Number.isFinite(m.demand[l]))) return `week ${w}: demand ${m.demand[l]}`;
    if (!(m.recorder.hires[l] >= 0 && Number.isInteger(m.recorder.hires[l]))) return `week ${w}: hires ${m.recorder.hires[l]}`;
  }
  let waiting = 0;
  for (let b = 0; b < m.waitingByWeight.length; b++) {
    if (!(m.waitingByWeight[b] >= 0)) return `week ${w}: ${m.waitingByWeight[b]} waiting in priority bin ${b}`;
    waiting += m.waitingByWeight[b];
  }
  if (waiting > n || (m.advisorLoad.length === 0 && waiting > 0)) return `week ${w}: ${waiting} waiting for a contact person`;
  if (Number.isNaN(m.budgetLeft)) return `week ${w}: budget left is NaN`;
  return '';
}

function summaryViolations(m: Model): string[] {
  const out: string[] = [];
  for (const [g, s] of Object.entries(summarise(m))) {
    for (const k of METRICS) {
      const values = Array.isArray(s[k]) ? (s[k] as number[]) : [s[k] as number];
      for (const v of values) {
        if (!Number.isFinite(v)) out.push(`${g}.${k} = ${v}`);
        else if (SHARES.includes(k)) { if (v < 0 || v > 1) out.push(`${g}.${k} = ${v}`); }
        else if (k === 'activityEmploymentGap') { if (v < -1 || v > 1) out.push(`${g}.${k} = ${v}`); }
        else if (k === 'medianWeeksToFirstJob') { if (v < 0 || v > m.week) out.push(`${g}.${k} = ${v}`); }
        else if (v < 0) out.push(`${g}.${k} = ${v}`);
      }
    }
    if ((s.employedShareByYear as number[]).length !== Math.floor(m.week / 52)) out.push(`${g}.employedShareByYear has the wrong length`);
  }
  return out;
}

const CASES = [...Array.from({ length: 8 }, (_, k) => `inv-${k}`), 'min', 'max'];

describe('invariants over random scenarios', () => {
  it('the generator gives valid and varied scenarios', () => {
    const made = CASES.map((c) => randomScenario(c).scenario);
    expect(new Set(made.map((s) => s.agents)).size).toBeGreaterThan(1);
    for (const s of made) {
      expect(s.agents).toBeGreaterThanOrEqual(50);
      expect(s.agents).toBeLessThanOrEqual(500);
      expect(s.weeks).toBeGreaterThanOrEqual(20);
      expect(s.weeks).toBeLessThanOrEqual(80);
    }
  });

  it('the checker is not vacuous: it reports each kind of broken invariant', () => {
    const { scenario } = randomScenario('inv-0');
    const breakers: ((m: Model) => void)[] = [
      (m) => { m.agents.state[3] = 9; },
      (m) => { m.agents.push[1] = -0.5; },
      (m) => { m.agents.trust[1] = NaN; },
      (m) => { m.agents.shame[2] = 1.5; },
      (m) => { m.agents.state[0] = SHORT_SERVICE; m.agents.service[0] = NO_SERVICE; },
      (m) => { m.agents.state[0] = 0; m.agents.service[0] = 1; },
      (m) => { m.advisorLoad[0]++; },
      (m) => { m.agents.pending[5] = 0; },
      (m) => { m.recorder.counts[0]++; },
      (m) => { m.agents.cost[4] = Infinity; },
      (m) => { m.agents.weeksIdle[2] = m.agents.weeksUnemployed[2] + 1; },
      (m) => { m.agents.flags[2] |= F_INSECURE_JOB; m.agents.state[2] = DISCOURAGED; },
      (m) => { m.slotsLeft[0] = -(m.recorder.serviceStarts[0] + 1000); },
      (m) => { m.slotsLeft[0] = 1e6; },
      (m) => { m.waitingByWeight[3] = -1; },
      (m) => { m.agents.pending[6] = 0; m.agents.pendingByAdvisor[6] = WAITING + PERIOD_WEEKS; },
    ];
    for (const broken of breakers) {
      const m = createModel(scenario, { policy: 'standardised' });
      const before = snapshot(m);
      step(m);
      expect(violations(m, before)).toBe('');
      broken(m);
      expect(violations(m, before)).not.toBe('');
    }
    // changes across the week: back from out of the labour force, a contact person kept in work or out
    const m = createModel(scenario, { policy: 'standardised' });
    const before = snapshot(m);
    step(m);
    const i = m.agents.advisor.findIndex((v) => v >= 0);
    expect(i).toBeGreaterThanOrEqual(0);
    for (const was of [HEALTH_BENEFIT, MOVED_AWAY, EMPLOYED]) {
      const b = { ...before, state: before.state.slice() };
      b.state[i] = was;
      expect(violations(m, b)).not.toBe('');
    }
    const full = createModel(scenario, { policy: 'standardised' });
    const fullBefore = snapshot(full);
    step(full);
    const fa = full.agents;
    let j = 0;
    for (let v = 0; v < full.advisorLoad.length; v++) {
      for (; full.advisorLoad[v] < Math.ceil(full.advisorPlaces[v]) + 1 && j < full.n; j++) {
        if (fa.advisor[j] < 0 && fa.state[j] !== EMPLOYED && fa.state[j] < FIRST_OUT) { fa.advisor[j] = v; full.advisorLoad[v]++; }
      }
    }
    expect(violations(full, fullBefore)).toMatch(/total advisor load/);
  });

  for (const c of CASES) {
    for (const policy of ['standardised', 'personalised', 'random-knobs']) {
      it(`${c}, ${policy}: every week and the summary`, () => {
        const { scenario, knobs } = randomScenario(c);
        const m = createModel(scenario, { policy, knobs: policy === 'random-knobs' ? knobs : undefined });
        const problems: string[] = [];
        for (let w = 0; w < scenario.weeks && problems.length === 0; w++) {
          const before = snapshot(m);
          step(m);
          const v = violations(m, before);
          if (v) problems.push(v);
        }
        expect(problems).toEqual([]);
        expect(m.week).toBe(scenario.weeks);
        expect(summaryViolations(m)).toEqual([]);
      });
    }
  }
});
