import { describe, expect, it } from 'vitest';
import { F_BARRIER_TREATED, F_DISCLOSED, F_HEALTH_BARRIER, F_HIDDEN_BARRIER, F_SEARCHED_INFO } from '../../sim/agents.ts';
import {
  DISCOURAGED, EMPLOYED, ENT_UNEMPLOYMENT_BENEFIT, EV_COMPLETED, EV_DROPPED_OUT, LONG_SERVICE, NO_SERVICE, P_DROPOUT,
  Q_CERTIFICATE, Q_FORMAL, Q_NONE, Q_RECOGNITION, QUAL_DOMESTIC, QUAL_FOREIGN_RECOGNISED, QUAL_FOREIGN_UNRECOGNISED,
  SHORT_SERVICE, UNEMPLOYED,
} from '../../sim/constants.ts';
import { fitMask } from '../../sim/fit.ts';
import type { Model } from '../../sim/model.ts';
import { DISCOURAGED_SEARCH, searchIntensity } from '../../sim/phases/labour.ts';
import { showUpChance } from '../../sim/phases/advisors.ts';
import { levelYield, participation } from '../../sim/phases/participation.ts';
import { uniform } from '../../sim/rng.ts';
import { bit, CATALOGUE, eventsOf, f32, makeModel, S, service, setWeek, type BehaviourInput, type ServiceInput } from '../helpers.ts';

function model(behaviour: Partial<BehaviourInput> = {}, services: ServiceInput[] = CATALOGUE, agents = 6): Model {
  return makeModel({
    agents, personas: Math.min(agents, 20), services,
    behaviour: {
      mismatchYield: 0.25, peerSupport: 0.0625, attendancePressure: 0.5, hiddenBarrierDropout: 0,
      placementBreakdown: 0, infoSearchCost: 0.25, ...behaviour,
    },
  });
}
/** Put agent `i` in service `s` at `level` with `weeksLeft` weeks to go. */
function place(m: Model, i: number, s: number, level: number, weeksLeft: number): void {
  const a = m.agents;
  a.state[i] = m.services.long[s] ? LONG_SERVICE : SHORT_SERVICE;
  a.service[i] = s; a.serviceLevel[i] = level; a.serviceWeeksLeft[i] = weeksLeft;
}

describe('participation phase: weekly gains', () => {
  it('gains are scaled by level match: full at the fitting level, mismatchYield one step off, its square two steps off', () => {
    const gains = CATALOGUE.map((x) => (x.id === 'jobSearch' ? { ...x, employabilityGain: 0.0625, languageGain: 0.03125, networkGain: 0.015625, costPerWeek: 1500 } : x));
    const m = model({ mismatchYield: 0.25 }, gains);
    const a = m.agents;
    for (let i = 0; i < 3; i++) { a.education[i] = 2; a.language[i] = 0.5; a.network[i] = 0.5; place(m, i, S.jobSearch, 2 - i, 3); }
    place(m, 3, S.language, 0, 3); a.education[3] = 2; // not levelled: full gains
    expect([0, 1, 2, 3].map((i) => levelYield(m, i, a.service[i]))).toEqual([1, 0.25, 0.0625, 1]);
    const att = [0, 1, 2, 3].map((i) => showUpChance(m, i));
    expect(att[0]).toBeGreaterThan(0.5);
    expect(att[0]).toBeLessThan(1);
    participation(m);
    expect(Array.from(a.employability.subarray(0, 3))).toEqual([f32(0.5 + 0.0625 * 1 * att[0]), f32(0.5 + 0.0625 * 0.25 * att[1]), f32(0.5 + 0.0625 * 0.0625 * att[2])]);
    // language and network gains are not scaled by the level, only by attendance
    expect(Array.from(a.language.subarray(0, 3))).toEqual([0, 1, 2].map((i) => f32(0.5 + 0.03125 * att[i])));
    expect(Array.from(a.network.subarray(0, 3))).toEqual([0, 1, 2].map((i) => f32(0.5 + 0.015625 * att[i])));
    expect(a.employability[3]).toBe(f32(0.5 + 0.01 * 1 * att[3]));
    expect(a.language[3]).toBe(f32(1)); // clamped at 1
    expect(Array.from(a.cost.subarray(0, 4))).toEqual([1500, 1500, 1500, 1000]);
    expect(Array.from(a.serviceWeeksLeft.subarray(0, 4))).toEqual([2, 2, 2, 2]);
    expect(a.cost[4] + a.cost[5]).toBe(0); // not in a service
  });

  it('gains come in proportion to attendance: trust raises it, shame and an untreated barrier lower it, a peer group holds people in', () => {
    const m = model({ attendancePressure: 0.5, peerSupport: 0 });
    const a = m.agents;
    for (let i = 0; i < 4; i++) { place(m, i, S.jobSearch, 0, 5); a.trust[i] = 0; a.shame[i] = 0; a.selfEfficacy[i] = 0.5; }
    a.trust[1] = 0.8; a.shame[2] = 0.5; a.flags[3] = F_HEALTH_BARRIER;
    place(m, 4, S.workGroup, 0, 5); a.trust[4] = 0; a.shame[4] = 0; a.selfEfficacy[4] = 0.5;
    const base = m.scenario.behaviour.showUpBase + 0.1 * 0.5;
    const att = [base, base + 0.25 * 0.8, base - 0.3 * 0.5, base - 0.1, base + 0.5 * (1 - base)];
    for (let i = 0; i < 5; i++) expect(showUpChance(m, i), `agent ${i}`).toBeCloseTo(Math.min(0.99, att[i]), 6);
    const before = Array.from(a.employability.subarray(0, 5));
    participation(m);
    const gain = (i: number) => (a.employability[i] - before[i]) / m.services.employabilityGain[a.service[i]];
    expect(gain(1)).toBeGreaterThan(gain(0));
    expect(gain(2)).toBeLessThan(gain(0));
    expect(gain(3)).toBeLessThan(gain(0));
    for (let i = 0; i < 5; i++) expect(gain(i), `agent ${i}`).toBeCloseTo(Math.min(0.99, att[i]), 5);
  });

  it('a formal-qualification service fits one step above the person\'s level', () => {
    const m = model({ mismatchYield: 0.5 });
    const a = m.agents;
    a.education[0] = 0; place(m, 0, S.vocational, 1, 10);
    a.education[1] = 1; place(m, 1, S.vocational, 1, 10);
    a.education[2] = 0; place(m, 2, S.vocational, 0, 10);
    expect([0, 1, 2].map((i) => levelYield(m, i, S.vocational))).toEqual([1, 0.5, 0.5]);
  });

  it('a peer group lowers shame and raises self-efficacy each week', () => {
    const m = model({ peerSupport: 0.0625 });
    const a = m.agents;
    place(m, 0, S.workGroup, 0, 10); a.shame[0] = 0.5; a.selfEfficacy[0] = 0.5;
    place(m, 1, S.vocational, 1, 10); a.shame[1] = 0.5; a.selfEfficacy[1] = 0.5;
    const att = showUpChance(m, 0);
    participation(m);
    expect(a.shame[0]).toBe(f32(0.5 - 0.0625 * att));
    expect(a.selfEfficacy[0]).toBe(f32(0.5 + 0.0625 * att));
    expect(a.shame[1]).toBe(0.5);
    expect(a.selfEfficacy[1]).toBe(0.5);
  });
});

describe('participation phase: dropout', () => {
  it('an undisclosed hidden barrier without support: certain dropout at rate 1; self-efficacy falls by 10 %', () => {
    const svc = CATALOGUE.map((x) => (x.id === 'jobSearch' ? { ...x, support: 0 } : x));
    const m = model({ hiddenBarrierDropout: 1 }, svc);
    const a = m.agents;
    for (let i = 0; i < 4; i++) { place(m, i, S.jobSearch, 0, 3); a.flags[i] = F_HIDDEN_BARRIER; }
    a.flags[1] |= F_DISCLOSED; // disclosed: the office knows; no hidden-barrier dropout
    a.flags[2] |= F_BARRIER_TREATED;
    a.flags[3] = 0;
    participation(m);
    expect(a.state[0]).toBe(UNEMPLOYED);
    expect(a.service[0]).toBe(NO_SERVICE);
    expect(a.serviceWeeksLeft[0]).toBe(0);
    expect(a.selfEfficacy[0]).toBe(f32(0.5 * 0.9));
    expect(a.cost[0]).toBe(1000); // the week was paid for
    expect(eventsOf(m, 0)).toEqual([[EV_DROPPED_OUT, S.jobSearch, 0]]);
    for (let i = 1; i < 4; i++) { expect(a.state[i]).toBe(SHORT_SERVICE); expect(a.serviceWeeksLeft[i]).toBe(2); }
  });

  it('dropout chance = rate × (1 − support), cut by attendance pressure in a peer group', () => {
    const svc = [
      service({ id: 'course', type: 'jobSearchCourse', term: 'short', support: 0.5 }),
      service({ id: 'group', type: 'supportedWorkGroup', term: 'long', support: 0.5, peerGroup: true }),
    ];
    const m = model({ hiddenBarrierDropout: 0.5, attendancePressure: 0.5, peerSupport: 0 }, svc, 20);
    const a = m.agents;
    let dropped = 0;
    for (let w = 0; w < 10; w++) {
      setWeek(m, w);
      for (let i = 0; i < 20; i++) { place(m, i, i % 2, 0, 50); a.flags[i] = F_HIDDEN_BARRIER; }
      participation(m);
      for (let i = 0; i < 20; i++) {
        const p = i % 2 === 0 ? 0.5 * 0.5 : 0.5 * 0.5 * 0.5;
        const out = uniform(i, m.keys.week[P_DROPOUT]) < p;
        expect(a.state[i]).toBe(out ? UNEMPLOYED : i % 2 ? LONG_SERVICE : SHORT_SERVICE);
        dropped += out ? 1 : 0;
      }
    }
    expect(dropped).toBeGreaterThan(0);
  });

  it('an unsupported placement breaks down for a person with any untreated barrier', () => {
    const svc = CATALOGUE.map((x) => (x.id === 'placement' || x.id === 'jobSearch' ? { ...x, support: 0 } : x));
    const m = model({ placementBreakdown: 1, hiddenBarrierDropout: 0 }, svc);
    const a = m.agents;
    place(m, 0, S.placement, 0, 5); a.flags[0] = F_HEALTH_BARRIER;
    place(m, 1, S.placement, 0, 5); a.flags[1] = F_HIDDEN_BARRIER | F_DISCLOSED;
    place(m, 2, S.placement, 0, 5); a.flags[2] = F_HEALTH_BARRIER | F_BARRIER_TREATED;
    place(m, 3, S.placement, 0, 5);
    place(m, 4, S.jobSearch, 0, 5); a.flags[4] = F_HEALTH_BARRIER; // not a placement
    participation(m);
    expect(Array.from(a.state.subarray(0, 5))).toEqual([UNEMPLOYED, UNEMPLOYED, SHORT_SERVICE, SHORT_SERVICE, SHORT_SERVICE]);
  });
});

describe('participation phase: completion', () => {
  it('a certificate; back to searching with old refusals forgotten and fit recomputed; coping raises self-efficacy', () => {
    const m = model();
    const a = m.agents;
    place(m, 0, S.office, 0, 1); a.education[0] = 0; a.refused[0] = bit(S.language); a.certificates[0] = 2; a.fit[0] = 0;
    const att = showUpChance(m, 0);
    participation(m);
    expect(a.certificates[0]).toBe(3);
    expect(a.state[0]).toBe(UNEMPLOYED);
    expect(a.service[0]).toBe(NO_SERVICE);
    expect(a.refused[0]).toBe(0);
    expect(a.fit[0]).toBe(fitMask(a, m.services, 0, 0, true));
    expect(a.fit[0]).not.toBe(0);
    expect(a.employability[0]).toBe(f32(0.5 + 0.01 * 1 * att)); // a short service: no completion bonus
    expect(a.selfEfficacy[0]).toBe(f32(0.5 + 0.05));
    expect(eventsOf(m, 0)).toEqual([[EV_COMPLETED, S.office, Q_CERTIFICATE]]);
  });

  it('coping is scaled by the level match', () => {
    const m = model({ mismatchYield: 0.25 });
    const a = m.agents;
    place(m, 0, S.jobSearch, 0, 1); a.education[0] = 2; // two steps off
    participation(m);
    expect(a.selfEfficacy[0]).toBe(f32(0.5 + 0.05 * 0.0625));
    expect(eventsOf(m, 0)).toEqual([[EV_COMPLETED, S.jobSearch, Q_NONE]]);
  });

  it('a formal qualification at the fitting level raises education and replaces a foreign one; no bonus beyond the weekly gains', () => {
    const svc = CATALOGUE.map((x) => (x.id === 'vocational' ? { ...x, weeks: 2, employabilityGain: 0.0625 } : x));
    const m = model({ mismatchYield: 0.25 }, svc);
    const a = m.agents;
    place(m, 0, S.vocational, 1, 1); a.education[0] = 0; a.foreignQual[0] = QUAL_FOREIGN_UNRECOGNISED;
    place(m, 1, S.vocational, 0, 1); a.education[1] = 0; // level 0: one step off, no qualification
    const att = [0, 1].map((i) => showUpChance(m, i));
    participation(m);
    expect(a.education[0]).toBe(1);
    expect(a.foreignQual[0]).toBe(QUAL_DOMESTIC);
    expect(a.employability[0]).toBe(f32(0.5 + 0.0625 * 1 * att[0]));
    expect(a.longStarted[0]).toBe(0); // enrol counts starts, completion does not
    expect(a.education[1]).toBe(0);
    expect(a.employability[1]).toBe(f32(0.5 + 0.0625 * 0.25 * att[1]));
    expect(eventsOf(m, 0)).toEqual([[EV_COMPLETED, S.vocational, Q_FORMAL]]);
  });

  it('recognition of a foreign qualification, only at the fitting level', () => {
    const m = model();
    const a = m.agents;
    place(m, 0, S.guidance, 2, 1); a.education[0] = 2; a.foreignQual[0] = QUAL_FOREIGN_UNRECOGNISED;
    place(m, 1, S.guidance, 2, 1); a.education[1] = 1; a.foreignQual[1] = QUAL_FOREIGN_UNRECOGNISED;
    place(m, 2, S.guidance, 1, 1); a.education[2] = 1; a.foreignQual[2] = QUAL_DOMESTIC;
    participation(m);
    expect(Array.from(a.foreignQual.subarray(0, 3))).toEqual([QUAL_FOREIGN_RECOGNISED, QUAL_FOREIGN_UNRECOGNISED, QUAL_DOMESTIC]);
    expect(Array.from(a.education.subarray(0, 3))).toEqual([2, 1, 1]);
    expect(eventsOf(m, 0)).toEqual([[EV_COMPLETED, S.guidance, Q_RECOGNITION]]);
  });

  it('a service that treats barriers marks known and disclosed barriers as treated, not hidden ones', () => {
    const m = model();
    const a = m.agents;
    place(m, 0, S.health, 0, 1); a.flags[0] = F_HEALTH_BARRIER;
    place(m, 1, S.health, 0, 1); a.flags[1] = F_HIDDEN_BARRIER | F_DISCLOSED;
    place(m, 2, S.health, 0, 1); a.flags[2] = F_HIDDEN_BARRIER;
    place(m, 3, S.jobSearch, 0, 1); a.flags[3] = F_HEALTH_BARRIER;
    participation(m);
    expect(Array.from(a.flags.subarray(0, 4), (f) => (f & F_BARRIER_TREATED) !== 0)).toEqual([true, true, false, false]);
    expect(a.fit[0] & bit(S.health)).toBe(0); // a treated barrier no longer calls for health support
  });

  it('completion ends the gap employers see; dropping out does not', () => {
    const svc = CATALOGUE.map((x) => (x.id === 'jobSearch' ? { ...x, support: 0 } : x));
    const m = model({ hiddenBarrierDropout: 1 }, svc);
    const a = m.agents;
    place(m, 0, S.jobSearch, 0, 1); a.weeksIdle[0] = 30;
    place(m, 1, S.jobSearch, 0, 3); a.weeksIdle[1] = 30; a.flags[1] = F_HIDDEN_BARRIER; // drops out for certain
    participation(m);
    expect(a.state[0]).toBe(UNEMPLOYED);
    expect(a.weeksIdle[0]).toBe(0);
    expect(a.state[1]).toBe(UNEMPLOYED);
    expect(a.weeksIdle[1]).toBe(30);
  });

  it('each participant-week is paid out of the budget', () => {
    const m = model();
    const a = m.agents;
    place(m, 0, S.jobSearch, 0, 5); place(m, 1, S.vocational, 1, 5); place(m, 2, S.jobSearch, 0, 1);
    a.state[3] = EMPLOYED;
    m.budgetLeft = 10000;
    participation(m);
    const week = m.services.costPerWeek[S.jobSearch] * 2 + m.services.costPerWeek[S.vocational];
    expect(m.budgetLeft).toBe(10000 - week);
    expect(a.cost[0] + a.cost[1] + a.cost[2]).toBe(week);
    m.budgetLeft = Infinity; // without a budget the cost is only an output
    participation(m);
    expect(m.budgetLeft).toBe(Infinity);
  });

  it('weeks count down and nothing completes early', () => {
    const m = model();
    const a = m.agents;
    place(m, 0, S.jobSearch, 0, 3);
    for (let w = 0; w < 2; w++) { setWeek(m, w); participation(m); }
    expect(a.state[0]).toBe(SHORT_SERVICE);
    expect(a.serviceWeeksLeft[0]).toBe(1);
    setWeek(m, 2);
    participation(m);
    expect(a.state[0]).toBe(UNEMPLOYED);
    expect(a.cost[0]).toBe(3000);
  });
});

describe('lock-in: job search while in a service', () => {
  it('search intensity is the service\'s in a service, full when searching, less in an information week, low when discouraged, none in work', () => {
    const m = makeModel({ behaviour: { infoSearchCost: 0.25 } });
    const a = m.agents;
    place(m, 0, S.vocational, 1, 10);
    place(m, 1, S.jobSearch, 0, 4);
    a.state[3] = DISCOURAGED;
    a.state[4] = EMPLOYED;
    a.flags[5] = F_SEARCHED_INFO; // spent the week searching for information
    a.entitlements[5] = ENT_UNEMPLOYMENT_BENEFIT;
    expect([0, 1, 2, 3, 4, 5].map((i) => searchIntensity(m, i))).toEqual([0.125, 0.75, 1, DISCOURAGED_SEARCH, 0, 0.75]);
  });
});
