import { describe, expect, it } from 'vitest';
import {
  F_ASSESSED, F_BARRIER_TREATED, F_DISCLOSED, F_EXPLORED, F_HEALTH_BARRIER, F_HIDDEN_BARRIER, F_MET_THIS_WEEK, F_PERSISTENT,
  PENDING_NONE,
} from '../../sim/agents.ts';
import {
  CH_ADVISOR, DISCOURAGED, EMPLOYED, ENT_UNEMPLOYMENT_BENEFIT, ENT_WORK_ASSESSMENT_ALLOWANCE, EV_ADVISOR_CHANGED,
  EV_DISCLOSED, EV_FOLLOW_UP, EV_FOUND_INFO, EV_GOT_ADVISOR, EV_MET_ADVISOR, EV_NO_SHOW, EV_OFFERED, EV_REFERRED,
  HEALTH_BENEFIT, IN_EDUCATION, LONG_SERVICE, MOVED_AWAY, P_ADVISOR_ASSIGN, P_ADVISOR_TURNOVER, P_DISCLOSE, P_EXPLORE,
  P_MEETING, P_OFFER, P_OFFER_KIND, P_OFFER_PICK, P_REFER, P_SHOW_UP, SHORT_SERVICE, UNEMPLOYED,
} from '../../sim/constants.ts';
import { fitMask, hasBarrier, hasVisibleBarrier } from '../../sim/fit.ts';
import { INITIAL_TRUST } from '../../sim/init.ts';
import type { Model } from '../../sim/model.ts';
import {
  advisors, assessedNeed, assignWeight, measureWaiting, meet, placeChances, PRIORITY_BINS, showUpChance,
} from '../../sim/phases/advisors.ts';
import { labourMarket } from '../../sim/phases/labour.ts';
import { uniform } from '../../sim/rng.ts';
import type { Knobs } from '../../sim/scenario.ts';
import { pickBit } from '../../sim/services.ts';
import {
  assignAdvisor, bit, draw, draw2, eventsOf, f32, findWeek, makeModel, S, setWeek, type BehaviourInput, type LabourInput,
  type OfficeInput,
} from '../helpers.ts';

/** Mirror of the meeting rule in sim/phases/advisors.ts: an advisor's meetings fall on their people at random, at most one each a week. */
const meetingChance = (m: Model, adv: number) => -Math.expm1(-m.advisorMeetings[adv] / Math.max(1, m.advisorLoad[adv]));

interface Setup {
  agents?: number; office?: Partial<OfficeInput>; behaviour?: Partial<BehaviourInput>; labourMarket?: Partial<LabourInput>; knobs?: Partial<Knobs>;
}
function model({ agents = 6, office = {}, behaviour = {}, labourMarket = {}, knobs = {} }: Setup): Model {
  return makeModel({
    agents, personas: Math.min(agents, 20), labourMarket,
    office: { advisorsPer1000: 1000 / agents, caseload: 10, hoursPerWeek: 0, hoursPerMeeting: 1, costPerAdvisorHour: 500, referralChance: 0, ...office },
    behaviour: {
      trustGain: 0.2, trustLossOnChange: 0.6, showUpBase: 0.7, disclosure: 0.25, recognition: 0.125, attendancePressure: 0.5,
      monitoringPush: 0, sanctionThreat: 1, ...behaviour,
    },
  }, knobs);
}

describe('assessedNeed and showUpChance', () => {
  it('assessedNeed: base, visible barrier, basic education, self-efficacy, language and weeks unemployed', () => {
    const m = model({});
    const a = m.agents;
    a.education[0] = 1; a.selfEfficacy[0] = 1; a.language[0] = 1; // no need beyond the base
    expect(assessedNeed(m, 0)).toBeCloseTo(0.15, 12);
    a.flags[1] = F_HEALTH_BARRIER; a.education[1] = 0; a.selfEfficacy[1] = 0.5; a.language[1] = 0.25; a.weeksUnemployed[1] = 52;
    expect(assessedNeed(m, 1)).toBeCloseTo(0.15 + 0.25 + 0.15 + 0.2 * 0.5 + 0.1 * 0.75 + 0.15 * 0.5, 12);
    a.flags[2] = F_HIDDEN_BARRIER; a.education[2] = 2; a.selfEfficacy[2] = 1; a.language[2] = 1; a.weeksUnemployed[2] = 300;
    expect(assessedNeed(m, 2)).toBeCloseTo(0.15 + 0.15, 12); // a hidden barrier is not seen; long unemployment capped at 104 weeks
    a.flags[2] |= F_DISCLOSED;
    expect(assessedNeed(m, 2)).toBeCloseTo(0.15 + 0.25 + 0.15, 12);
  });

  it('hasVisibleBarrier: health or disclosed hidden barriers, unless treated', () => {
    expect(hasVisibleBarrier(0)).toBe(false);
    expect(hasVisibleBarrier(F_HEALTH_BARRIER)).toBe(true);
    expect(hasVisibleBarrier(F_HIDDEN_BARRIER)).toBe(false);
    expect(hasVisibleBarrier(F_HIDDEN_BARRIER | F_DISCLOSED)).toBe(true);
    expect(hasVisibleBarrier(F_HEALTH_BARRIER | F_BARRIER_TREATED)).toBe(false);
    expect(hasVisibleBarrier(F_HIDDEN_BARRIER | F_DISCLOSED | F_BARRIER_TREATED)).toBe(false);
    expect(hasVisibleBarrier(F_HEALTH_BARRIER | F_PERSISTENT)).toBe(true);
    expect(hasVisibleBarrier(F_HEALTH_BARRIER | F_PERSISTENT | F_BARRIER_TREATED)).toBe(false); // worked on: no longer calls for a service
  });

  it('hasBarrier: a persistent barrier stays whatever is done; other barriers go once treated', () => {
    expect(hasBarrier(F_HEALTH_BARRIER | F_PERSISTENT | F_BARRIER_TREATED, true)).toBe(true);
    expect(hasBarrier(F_HEALTH_BARRIER | F_PERSISTENT | F_BARRIER_TREATED, false)).toBe(true);
    expect(hasBarrier(F_HEALTH_BARRIER | F_BARRIER_TREATED, true)).toBe(false);
    expect(hasBarrier(F_HIDDEN_BARRIER, true)).toBe(true);
    expect(hasBarrier(F_HIDDEN_BARRIER, false)).toBe(false);
  });

  it('fitMask: once treated, even a persistent barrier no longer makes health support or a work group fit', () => {
    const m = model({});
    const a = m.agents;
    a.education[0] = 2; a.network[0] = 1; a.flags[0] = F_HEALTH_BARRIER | F_PERSISTENT;
    expect(fitMask(a, m.services, 0, 0, true)).toBe(bit(S.jobSearch) | bit(S.health) | bit(S.workGroup));
    a.flags[0] |= F_BARRIER_TREATED;
    expect(fitMask(a, m.services, 0, 0, true)).toBe(bit(S.jobSearch));
  });

  it('showUpChance: trust and self-efficacy raise it, shame and untreated barriers lower it, a peer group holds people in', () => {
    const m = model({ behaviour: { showUpBase: 0.5, attendancePressure: 0.5 } });
    const a = m.agents;
    a.trust[0] = 0.5; a.selfEfficacy[0] = 0.5; a.shame[0] = 0.25;
    expect(showUpChance(m, 0)).toBeCloseTo(0.5 + 0.25 * 0.5 + 0.1 * 0.5 - 0.3 * 0.25, 12);
    a.trust[1] = 0.5; a.selfEfficacy[1] = 0.5; a.shame[1] = 0.25; a.flags[1] = F_HIDDEN_BARRIER | F_HEALTH_BARRIER;
    expect(showUpChance(m, 1)).toBeCloseTo(0.6 - 0.25 - 0.1, 12);
    a.flags[1] |= F_BARRIER_TREATED;
    expect(showUpChance(m, 1)).toBeCloseTo(0.6, 12);
    // in a peer group: p + pressure * (1 - p)
    a.trust[2] = 0.5; a.selfEfficacy[2] = 0.5; a.shame[2] = 0.25; a.state[2] = LONG_SERVICE; a.service[2] = S.workGroup;
    expect(showUpChance(m, 2)).toBeCloseTo(0.6 + 0.5 * 0.4, 12);
    a.state[2] = LONG_SERVICE; a.service[2] = S.vocational; // not a peer group
    expect(showUpChance(m, 2)).toBeCloseTo(0.6, 12);
    // bounds
    a.selfEfficacy[3] = 0; a.shame[3] = 1; a.flags[3] = F_HIDDEN_BARRIER | F_HEALTH_BARRIER;
    expect(showUpChance(m, 3)).toBe(0.05);
    const m2 = model({ behaviour: { showUpBase: 1 } });
    m2.agents.trust[0] = 1; m2.agents.selfEfficacy[0] = 1;
    expect(showUpChance(m2, 0)).toBe(0.99);
  });
});

describe('placeChances', () => {
  const waiting = (counts: Record<number, number>) => {
    const w = new Float64Array(PRIORITY_BINS);
    for (const [bin, c] of Object.entries(counts)) w[Number(bin)] = c;
    return w;
  };
  it('highest bins get 1 until the places run out; the bin where they run out gets (free − above) / count; lower bins 0', () => {
    const out = new Float64Array(PRIORITY_BINS);
    placeChances(waiting({ 63: 2, 40: 4, 10: 5 }), 4, out);
    for (let bin = 0; bin < PRIORITY_BINS; bin++) {
      const expected = bin > 40 ? 1 : bin === 40 ? (4 - 2) / 4 : 0; // empty bins above the cut would get a place, below it not
      expect(out[bin], `bin ${bin}`).toBe(expected);
    }
  });

  it('enough places for everyone: 1 everywhere; no places: 0 everywhere; fractional places share the cut bin', () => {
    const out = new Float64Array(PRIORITY_BINS);
    placeChances(waiting({ 63: 2, 0: 3 }), 5, out);
    expect(Array.from(out)).toEqual(new Array(PRIORITY_BINS).fill(1));
    placeChances(waiting({ 63: 2, 0: 3 }), 0, out);
    expect(Array.from(out)).toEqual(new Array(PRIORITY_BINS).fill(0));
    placeChances(waiting({ 63: 1, 0: 3 }), 2.5, out);
    expect(out[63]).toBe(1);
    expect(out[0]).toBe(1.5 / 3);
    expect(out[30]).toBe(1);
    placeChances(waiting({}), 1, out);
    expect(Array.from(out)).toEqual(new Array(PRIORITY_BINS).fill(1));
  });
});

describe('advisors as full-time equivalents', () => {
  it('300 agents at 6 per 1000: two posts, the second with share 0.8 of the caseload and the meetings', () => {
    const caseload = 50, hoursPerWeek = 10, hoursPerMeeting = 2, meetingIntensity = 1.5;
    const m = model({ agents: 300, office: { advisorsPer1000: 6, caseload, hoursPerWeek, hoursPerMeeting }, knobs: { meetingIntensity } });
    const perPost = (meetingIntensity * hoursPerWeek) / hoursPerMeeting;
    expect(m.advisorLoad).toHaveLength(2);
    expect(m.advisorPlaces[0]).toBe(caseload);
    expect(m.advisorPlaces[1]).toBeCloseTo(caseload * 0.8, 12);
    expect(m.advisorMeetings[0]).toBe(perPost);
    expect(m.advisorMeetings[1]).toBeCloseTo(perPost * 0.8, 12);
  });

  it('whole posts when the staffing comes out even', () => {
    const m = model({ agents: 10, office: { advisorsPer1000: 200, caseload: 7, hoursPerWeek: 3 } });
    expect(Array.from(m.advisorPlaces)).toEqual([7, 7]);
    expect(Array.from(m.advisorMeetings)).toEqual([3, 3]);
  });

  it('a part-time post meets in proportion: chance 1 − exp(−advisorMeetings / load)', () => {
    const m = model({ agents: 15, office: { advisorsPer1000: 1000 / 15 * 1.5, caseload: 10, hoursPerWeek: 4, hoursPerMeeting: 1 } });
    expect(m.advisorLoad).toHaveLength(2);
    expect(m.advisorMeetings[1]).toBeCloseTo(2, 12);
    const a = m.agents;
    a.flags.fill(F_ASSESSED);
    for (let i = 0; i < 8; i++) assignAdvisor(m, i, i % 2); // four people each
    for (let i = 8; i < 15; i++) a.state[i] = EMPLOYED;
    let met = 0;
    for (let w = 0; w < 10; w++) {
      setWeek(m, w);
      const before = Array.from(a.meetingsScheduled);
      advisors(m);
      for (let i = 0; i < 8; i++) {
        const p = meetingChance(m, i % 2);
        expect(p).toBeCloseTo(1 - Math.exp(-m.advisorMeetings[i % 2] / 4), 12);
        expect(a.meetingsScheduled[i] - before[i]).toBe(draw(m, i, P_MEETING) < p ? 1 : 0);
        met += a.meetingsScheduled[i] - before[i];
      }
    }
    expect(met).toBeGreaterThan(0);
  });

  it('advisorsPer1000 = 0: nobody gets a contact person, but everyone gets the needs assessment', () => {
    const m = model({ agents: 12, office: { advisorsPer1000: 0 }, behaviour: { showUpBase: 0.5 }, knobs: { priorityByNeed: 0 } });
    const a = m.agents;
    expect(m.advisorLoad).toHaveLength(0);
    a.entitlements.fill(ENT_UNEMPLOYMENT_BENEFIT);
    const p = showUpChance(m, 0);
    const assessed = new Array(12).fill(false);
    for (let w = 0; w < 8; w++) {
      setWeek(m, w);
      const before = Array.from(a.meetingsScheduled);
      advisors(m);
      for (let i = 0; i < 12; i++) {
        expect(a.advisor[i]).toBe(-1);
        expect(a.meetingsScheduled[i] - before[i]).toBe(assessed[i] ? 0 : 1); // the assessment until it takes place, then nothing
        if (!assessed[i] && draw(m, i, P_SHOW_UP) < p) assessed[i] = true;
        expect((a.flags[i] & F_ASSESSED) !== 0).toBe(assessed[i]);
      }
      expect(Array.from(m.waitingByWeight)).toEqual(new Array(PRIORITY_BINS).fill(0)); // no places to wait for
    }
    expect(assessed.filter(Boolean).length).toBeGreaterThan(0);
  });
});

describe('advisors phase: caseloads', () => {
  it('people in work leave their contact person; the freed place is given out from the next week (chances are fixed at the start)', () => {
    const m = model({ office: { caseload: 1 }, knobs: { priorityByNeed: 0 } });
    const a = m.agents;
    a.flags.fill(F_ASSESSED);
    assignAdvisor(m, 0, 0);
    a.state[0] = EMPLOYED;
    a.entitlements[1] = ENT_UNEMPLOYMENT_BENEFIT; // weight 1 under rights first
    for (let i = 2; i < 6; i++) a.state[i] = EMPLOYED;
    measureWaiting(m);
    advisors(m);
    expect(a.advisor[0]).toBe(-1);
    expect(Array.from(m.advisorLoad)).toEqual([0]);
    expect(a.advisor[1]).toBe(-1); // no place was free at the start of the week
    expect(m.waitingByWeight[PRIORITY_BINS - 1]).toBe(1);
    setWeek(m, 1);
    advisors(m);
    expect(a.advisor[1]).toBe(0);
    expect(a.advisorWeeks[1]).toBe(0);
    expect(Array.from(m.advisorLoad)).toEqual([1]);
    expect(eventsOf(m, 1)).toEqual([[EV_GOT_ADVISOR, 0, 0]]);
  });

  /** Who gets a place: in id order, those whose draw wins their bin's chance, while places last. */
  function expectedPlaces(m: Model, ids: number[], chance: (i: number) => number, free: number): boolean[] {
    return ids.map((i) => {
      const wins = free > 0 && draw(m, i, P_ADVISOR_ASSIGN) < chance(i);
      if (wins) free--;
      return wins;
    });
  }

  it('rights first: rights holders (weight 1) get a place for sure; the rest share what is left by lottery', () => {
    const m = model({ office: { caseload: 4 }, knobs: { priorityByNeed: 0 } });
    const a = m.agents;
    a.flags.fill(F_ASSESSED);
    for (let i = 0; i < 3; i++) { a.entitlements[i] = ENT_UNEMPLOYMENT_BENEFIT; a.education[i] = 1; a.selfEfficacy[i] = 1; }
    for (let i = 3; i < 6; i++) { a.flags[i] |= F_HEALTH_BARRIER; a.selfEfficacy[i] = 0; a.language[i] = 0; a.weeksUnemployed[i] = 104; }
    expect(assignWeight(m, 0)).toBe(1);
    expect(assignWeight(m, 3)).toBe(0);
    measureWaiting(m);
    expect(m.waitingByWeight[PRIORITY_BINS - 1]).toBe(3);
    expect(m.waitingByWeight[0]).toBe(3);
    setWeek(m, 2);
    advisors(m);
    const got = expectedPlaces(m, [0, 1, 2, 3, 4, 5], (i) => (i < 3 ? 1 : (4 - 3) / 3), 4);
    for (let i = 0; i < 6; i++) expect(a.advisor[i] >= 0, `agent ${i}`).toBe(got[i]);
    expect(got.slice(0, 3)).toEqual([true, true, true]);
    expect(m.advisorLoad[0]).toBe(got.filter(Boolean).length);
    expect(m.waitingByWeight[PRIORITY_BINS - 1]).toBe(3); // this week's waiting people, counted for next week
    expect(m.waitingByWeight[0]).toBe(3);
  });

  it('by need: high assessed need gets a place for sure; low need shares what is left', () => {
    const m = model({ office: { caseload: 4 }, knobs: { priorityByNeed: 1 } });
    const a = m.agents;
    a.flags.fill(F_ASSESSED);
    for (let i = 0; i < 3; i++) { a.entitlements[i] = ENT_UNEMPLOYMENT_BENEFIT; a.education[i] = 1; a.selfEfficacy[i] = 1; }
    for (let i = 3; i < 6; i++) { a.flags[i] |= F_HEALTH_BARRIER; a.selfEfficacy[i] = 0; a.language[i] = 0; a.weeksUnemployed[i] = 104; }
    expect(assessedNeed(m, 0)).toBeCloseTo(0.15, 12);
    expect(assessedNeed(m, 3)).toBeCloseTo(1, 12);
    measureWaiting(m);
    const low = Math.floor(assessedNeed(m, 0) * PRIORITY_BINS);
    expect(m.waitingByWeight[low]).toBe(3);
    expect(m.waitingByWeight[PRIORITY_BINS - 1]).toBe(3);
    setWeek(m, 2);
    advisors(m);
    const got = expectedPlaces(m, [0, 1, 2, 3, 4, 5], (i) => (i < 3 ? 1 / 3 : 1), 4);
    for (let i = 0; i < 6; i++) expect(a.advisor[i] >= 0, `agent ${i}`).toBe(got[i]);
    expect(got.slice(3)).toEqual([true, true, true]);
  });

  it('mixed priority weights rights and need in proportion', () => {
    const m = model({ knobs: { priorityByNeed: 0.25 } });
    const a = m.agents;
    a.flags.fill(F_ASSESSED);
    a.entitlements[0] = ENT_UNEMPLOYMENT_BENEFIT; a.education[0] = 1; a.selfEfficacy[0] = 1; // need 0.15
    a.education[1] = 1; a.selfEfficacy[1] = 1; // no rights, need 0.15
    for (let i = 2; i < 6; i++) a.state[i] = EMPLOYED;
    const need = assessedNeed(m, 0);
    expect(assignWeight(m, 0)).toBeCloseTo(0.75 * 1 + 0.25 * need, 12);
    expect(assignWeight(m, 1)).toBeCloseTo(0.25 * need, 12);
    advisors(m);
    const counted = Array.from(m.waitingByWeight).flatMap((c, bin) => (c > 0 ? [[bin, c]] : []));
    expect(counted).toEqual([[Math.floor((0.25 * need) * PRIORITY_BINS), 1], [Math.floor((0.75 + 0.25 * need) * PRIORITY_BINS), 1]]);
  });

  it('the chance is free places over last week\'s waiting people, and places never run over', () => {
    const m = model({ agents: 20, office: { caseload: 3 }, knobs: { priorityByNeed: 0 } });
    const a = m.agents;
    a.flags.fill(F_ASSESSED);
    a.entitlements.fill(ENT_UNEMPLOYMENT_BENEFIT);
    m.waitingByWeight.fill(0);
    m.waitingByWeight[PRIORITY_BINS - 1] = 12; // last week 12 waited for 3 places: chance 1/4 each
    findWeek(m, () => {
      let c = 0;
      for (let i = 0; i < 20; i++) if (draw(m, i, P_ADVISOR_ASSIGN) < 0.25) c++;
      return c > 3; // a week in which more win the draw than there are places
    });
    advisors(m);
    const got = expectedPlaces(m, Array.from({ length: 20 }, (_, i) => i), () => 0.25, 3);
    for (let i = 0; i < 20; i++) expect(a.advisor[i] >= 0).toBe(got[i]);
    expect(got.filter(Boolean)).toHaveLength(3);
    expect(Array.from(m.advisorLoad)).toEqual([3]);
    expect(m.waitingByWeight[PRIORITY_BINS - 1]).toBe(20);
  });

  it('measureWaiting counts those without a contact person who are out of work and in the labour force', () => {
    const m = model({ knobs: { priorityByNeed: 0 } });
    const a = m.agents;
    a.entitlements[0] = ENT_UNEMPLOYMENT_BENEFIT;
    assignAdvisor(m, 1, 0);
    a.state[2] = EMPLOYED; a.state[3] = HEALTH_BENEFIT; a.state[4] = MOVED_AWAY;
    measureWaiting(m);
    expect(m.waitingByWeight[PRIORITY_BINS - 1]).toBe(1); // agent 0
    expect(m.waitingByWeight[0]).toBe(1); // agent 5
    expect(m.waitingByWeight.reduce((x, y) => x + y, 0)).toBe(2);
  });

  it('new places go round the advisors in turn, skipping full ones', () => {
    const m = model({ agents: 15, office: { advisorsPer1000: 200, caseload: 2 }, knobs: { priorityByNeed: 0 } }); // 3 advisors
    const a = m.agents;
    expect(m.advisorLoad).toHaveLength(3);
    a.flags.fill(F_ASSESSED);
    a.entitlements.fill(ENT_UNEMPLOYMENT_BENEFIT);
    assignAdvisor(m, 14, 0); assignAdvisor(m, 13, 0); // advisor 0 is full
    for (let i = 5; i < 13; i++) a.state[i] = EMPLOYED;
    m.waitingByWeight.fill(0);
    m.waitingByWeight[PRIORITY_BINS - 1] = 4; // as many waiting as free places: chance 1
    advisors(m);
    expect(Array.from(a.advisor.subarray(0, 5))).toEqual([1, 2, 1, 2, -1]); // the fifth wins the draw but finds no room
    expect(Array.from(m.advisorLoad)).toEqual([2, 2, 2]);
  });

  it('people out of the labour force leave their contact person and are not counted as waiting', () => {
    const m = model({ knobs: { priorityByNeed: 0 } });
    const a = m.agents;
    a.flags.fill(F_ASSESSED);
    assignAdvisor(m, 0, 0); a.state[0] = IN_EDUCATION;
    assignAdvisor(m, 1, 0); a.state[1] = HEALTH_BENEFIT;
    a.state[2] = MOVED_AWAY;
    advisors(m);
    expect(Array.from(a.advisor.subarray(0, 3))).toEqual([-1, -1, -1]);
    expect(m.advisorLoad[0]).toBe(a.advisor.filter((x) => x === 0).length);
    expect(m.waitingByWeight.reduce((x, y) => x + y, 0)).toBe(3); // agents 3, 4, 5
    for (let i = 0; i < 3; i++) expect(a.meetingsScheduled[i]).toBe(0);
  });

  it('turnover: a new contact person, trust built above INITIAL_TRUST cut by trustLossOnChange, weeks with the advisor reset', () => {
    const m = model({ agents: 15, office: { advisorsPer1000: 200 }, behaviour: { trustLossOnChange: 0.6 }, knobs: { advisorTurnover: 1 } });
    const a = m.agents;
    a.flags.fill(F_ASSESSED);
    for (let i = 0; i < 3; i++) { assignAdvisor(m, i, i); a.trust[i] = 0.5; a.advisorWeeks[i] = 7; }
    for (let i = 3; i < 15; i++) a.state[i] = EMPLOYED;
    setWeek(m, 4);
    advisors(m);
    for (let i = 0; i < 3; i++) {
      const next = (i + 1 + Math.floor(uniform(i, m.keys.week2[P_ADVISOR_TURNOVER]) * 2)) % 3;
      expect(next).not.toBe(i);
      expect(a.advisor[i]).toBe(next);
      expect(a.trust[i]).toBe(f32(INITIAL_TRUST + (0.5 - INITIAL_TRUST) * (1 - 0.6)));
      expect(a.advisorWeeks[i]).toBe(0);
      expect(eventsOf(m, i)).toEqual([[EV_ADVISOR_CHANGED, next, 0]]);
    }
    for (let v = 0; v < 3; v++) expect(m.advisorLoad[v]).toBe(a.advisor.filter((x) => x === v).length);
  });

  it('no turnover: the same contact person, one more week together, trust kept', () => {
    const m = model({ agents: 15, office: { advisorsPer1000: 200 }, knobs: { advisorTurnover: 0 } });
    const a = m.agents;
    a.flags.fill(F_ASSESSED);
    assignAdvisor(m, 0, 2); a.trust[0] = 0.5; a.advisorWeeks[0] = 7;
    for (let i = 1; i < 15; i++) a.state[i] = EMPLOYED;
    advisors(m);
    expect(a.advisor[0]).toBe(2);
    expect(a.advisorWeeks[0]).toBe(8);
    expect(a.trust[0]).toBe(0.5);
  });

  it('turnover with a chance: the change follows the draw', () => {
    const m = model({ agents: 10, office: { advisorsPer1000: 200 }, knobs: { advisorTurnover: 0.5 } }); // 2 advisors
    const a = m.agents;
    a.flags.fill(F_ASSESSED);
    for (let i = 0; i < 10; i++) { assignAdvisor(m, i, i % 2); a.trust[i] = i < 5 ? 0.5 : INITIAL_TRUST / 2; }
    setWeek(m, 9);
    advisors(m);
    for (let i = 0; i < 10; i++) {
      const changed = draw(m, i, P_ADVISOR_TURNOVER) < 0.5;
      expect(a.advisor[i]).toBe(changed ? 1 - (i % 2) : i % 2);
      // general trust in the office (up to INITIAL_TRUST) is not lost with the contact person
      const kept = i < 5 ? f32(INITIAL_TRUST + (0.5 - INITIAL_TRUST) * 0.4) : f32(INITIAL_TRUST / 2);
      expect(a.trust[i]).toBe(changed ? kept : f32(i < 5 ? 0.5 : INITIAL_TRUST / 2));
    }
  });
});

describe('advisors phase: meetings', () => {
  it('a meeting takes place with chance 1 − exp(−advisorMeetings / load), advisorMeetings = intensity × hours / hours per meeting', () => {
    const m = model({ office: { hoursPerWeek: 4, hoursPerMeeting: 2 }, knobs: { meetingIntensity: 1 } });
    const a = m.agents;
    expect(Array.from(m.advisorMeetings)).toEqual([1 * 4 / 2]);
    a.flags.fill(F_ASSESSED);
    for (let i = 0; i < 4; i++) assignAdvisor(m, i, 0); // load 4: 2 meetings for 4 people
    a.state[4] = EMPLOYED; a.state[5] = EMPLOYED;
    expect(meetingChance(m, 0)).toBeCloseTo(1 - Math.exp(-2 / 4), 12);
    let total = 0;
    for (let w = 0; w < 20; w++) {
      setWeek(m, w);
      const before = Array.from(a.meetingsScheduled);
      advisors(m);
      for (let i = 0; i < 4; i++) {
        const met = draw(m, i, P_MEETING) < 1 - Math.exp(-2 / 4);
        expect(a.meetingsScheduled[i] - before[i]).toBe(met ? 1 : 0);
        total += met ? 1 : 0;
      }
    }
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThan(80);
  });

  it('the budget: each scheduled meeting costs hoursPerMeeting × costPerAdvisorHour; once spent, only needs assessments', () => {
    const cost = 2 * 300;
    const m = model({ agents: 12, office: { hoursPerWeek: 40, hoursPerMeeting: 2, costPerAdvisorHour: 300 }, behaviour: { showUpBase: 0.99 } });
    const a = m.agents;
    for (let i = 0; i < 8; i++) { a.flags[i] = F_ASSESSED; assignAdvisor(m, i, 0); }
    // agents 8..11: not assessed yet, no contact person
    const p = meetingChance(m, 0);
    findWeek(m, () => [0, 1, 2, 3, 4, 5, 6, 7].filter((i) => draw(m, i, P_MEETING) < p).length >= 6);
    const start = 3 * cost + 1; // enough for four meetings: the fourth takes it below zero
    m.budgetLeft = start;
    advisors(m);
    let left = start, spent = 0;
    for (let i = 0; i < 8; i++) {
      const scheduled = left > 0 && draw(m, i, P_MEETING) < p;
      if (scheduled) { left -= cost; spent++; }
      expect(a.meetingsScheduled[i], `agent ${i}`).toBe(scheduled ? 1 : 0);
    }
    expect(spent).toBe(4);
    for (let i = 8; i < 12; i++) expect(a.meetingsScheduled[i]).toBe(1); // the assessment whatever the budget
    expect(m.budgetLeft).toBe(start - 8 * cost);
    const before = Array.from(a.meetingsScheduled);
    setWeek(m, m.week + 1);
    m.budgetLeft = Infinity; // no budget: meetings as the hours allow
    advisors(m);
    for (let i = 0; i < 8; i++) expect(a.meetingsScheduled[i] - before[i]).toBe(draw(m, i, P_MEETING) < p ? 1 : 0);
    expect(m.budgetLeft).toBe(Infinity);
  });

  it('follow-up brings in those who miss the meeting; their trust rises by half a gain first', () => {
    const m = model({ agents: 12, office: { hoursPerWeek: 20 }, behaviour: { showUpBase: 0.5, trustGain: 0.2 }, knobs: { followUp: 1 } });
    const a = m.agents;
    for (let i = 0; i < 12; i++) { a.flags[i] = F_ASSESSED; assignAdvisor(m, i, 0); a.trust[i] = 0.5; a.selfEfficacy[i] = 0; }
    expect(showUpChance(m, 0)).toBeCloseTo(0.5 + 0.125, 12);
    const p = showUpChance(m, 0);
    const pm = meetingChance(m, 0);
    const all = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    findWeek(m, () => all.some((i) => draw(m, i, P_SHOW_UP) >= p && draw(m, i, P_MEETING) < pm));
    advisors(m);
    let followed = 0;
    for (let i = 0; i < 12; i++) {
      const scheduled = draw(m, i, P_MEETING) < pm;
      expect(a.meetingsScheduled[i]).toBe(scheduled ? 1 : 0);
      if (!scheduled) { expect(a.trust[i]).toBe(0.5); continue; }
      expect(a.meetingsAttended[i]).toBe(1);
      const missed = draw(m, i, P_SHOW_UP) >= p;
      const t1 = missed ? f32(0.5 + 0.5 * 0.2 * 0.5) : 0.5;
      expect(a.trust[i]).toBe(f32(t1 + 0.2 * (1 - t1) * 0.5));
      expect(eventsOf(m, i).map((e) => e[0])).toEqual(missed ? [EV_FOLLOW_UP, EV_MET_ADVISOR] : [EV_MET_ADVISOR]);
      followed += missed ? 1 : 0;
    }
    expect(followed).toBeGreaterThan(0);
  });

  it('without follow-up a missed meeting is lost and trust falls by 5 %', () => {
    const m = model({ agents: 12, office: { hoursPerWeek: 20 }, behaviour: { showUpBase: 0.5, trustGain: 0.2 }, knobs: { followUp: 0 } });
    const a = m.agents;
    for (let i = 0; i < 12; i++) { a.flags[i] = F_ASSESSED; assignAdvisor(m, i, 0); a.trust[i] = 0.5; a.selfEfficacy[i] = 0; }
    const p = showUpChance(m, 0);
    const pm = meetingChance(m, 0);
    findWeek(m, () => [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].some((i) => draw(m, i, P_SHOW_UP) >= p && draw(m, i, P_MEETING) < pm));
    advisors(m);
    let missedAny = false;
    for (let i = 0; i < 12; i++) {
      if (draw(m, i, P_MEETING) >= pm) { expect(a.meetingsScheduled[i]).toBe(0); continue; }
      const missed = draw(m, i, P_SHOW_UP) >= p;
      missedAny ||= missed;
      expect(a.meetingsScheduled[i]).toBe(1);
      expect(a.meetingsAttended[i]).toBe(missed ? 0 : 1);
      expect(a.trust[i]).toBe(missed ? f32(0.5 * 0.95) : f32(0.5 + 0.2 * 0.5 * 0.5));
      expect((a.flags[i] & F_MET_THIS_WEEK) !== 0).toBe(!missed);
      expect(eventsOf(m, i).map((e) => e[0])).toEqual(missed ? [EV_NO_SHOW] : [EV_MET_ADVISOR]);
    }
    expect(missedAny).toBe(true);
  });

  it('everyone gets one needs assessment, with or without a contact person, and then no more', () => {
    const m = model({ office: { caseload: 2, hoursPerWeek: 0 }, behaviour: { showUpBase: 1 }, knobs: { exploration: 1 } });
    const a = m.agents;
    assignAdvisor(m, 4, 0); assignAdvisor(m, 5, 0); // the one advisor is full and has no hours
    a.flags[4] = F_ASSESSED; a.flags[5] = F_ASSESSED;
    for (let i = 0; i < 4; i++) a.education[i] = 2;
    advisors(m);
    const attended0 = [0, 1, 2, 3].map((i) => draw(m, i, P_SHOW_UP) < 0.99);
    for (let i = 0; i < 4; i++) {
      expect(a.advisor[i]).toBe(-1);
      expect(a.meetingsScheduled[i]).toBe(1);
      expect(a.meetingsAttended[i]).toBe(attended0[i] ? 1 : 0);
      expect((a.flags[i] & F_ASSESSED) !== 0).toBe(attended0[i]);
      expect(a.assessedLevel[i]).toBe(attended0[i] ? 2 : 0); // exploration: the true level
      expect(a.trust[i]).toBe(0); // no contact person, no relationship
    }
    expect(a.meetingsScheduled[4] + a.meetingsScheduled[5]).toBe(0);
    setWeek(m, 1);
    advisors(m);
    for (let i = 0; i < 4; i++) expect(a.meetingsScheduled[i]).toBe(attended0[i] ? 1 : 2);
  });
});

describe('the needs assessment', () => {
  it('is at the front desk: no follow-up of a missed one and no trust built, even for a person with a contact person', () => {
    const m = model({ agents: 12, office: { hoursPerWeek: 0 }, behaviour: { showUpBase: 0.5, trustGain: 0.2 }, knobs: { followUp: 1 } });
    const a = m.agents;
    for (let i = 0; i < 12; i++) { assignAdvisor(m, i, 0); a.trust[i] = 0.5; a.selfEfficacy[i] = 0; }
    const p = showUpChance(m, 0);
    findWeek(m, () => [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].some((i) => draw(m, i, P_SHOW_UP) >= p));
    advisors(m);
    for (let i = 0; i < 12; i++) {
      const missed = draw(m, i, P_SHOW_UP) >= p;
      expect(a.meetingsScheduled[i]).toBe(1);
      expect(a.meetingsAttended[i]).toBe(missed ? 0 : 1);
      expect(a.trust[i]).toBe(missed ? f32(0.5 * 0.95) : 0.5);
      expect((a.flags[i] & F_ASSESSED) !== 0).toBe(!missed);
      expect(eventsOf(m, i).map((e) => e[0])).toEqual(missed ? [EV_NO_SHOW] : [EV_MET_ADVISOR]);
    }
  });

  it('meet(withContact = false) builds no trust; by default trust grows with a contact person', () => {
    const m = model({ behaviour: { trustGain: 0.2 }, knobs: { exploration: 0 } });
    const a = m.agents;
    assignAdvisor(m, 0, 0); assignAdvisor(m, 1, 0);
    a.trust[0] = 0.5; a.trust[1] = 0.5; a.trust[2] = 0.5;
    meet(m, 0, false);
    meet(m, 1);
    meet(m, 2);
    expect([a.trust[0], a.trust[1], a.trust[2]]).toEqual([0.5, f32(0.5 + 0.2 * 0.5 * 0.5), 0.5]);
  });
});

describe('meet', () => {
  it('exploration: the true level is seen, shame falls and self-efficacy rises by recognition; trust grows by a full gain', () => {
    const m = model({ behaviour: { recognition: 0.125, trustGain: 0.2 }, knobs: { exploration: 1 } });
    const a = m.agents;
    a.education[0] = 2; a.assessedLevel[0] = 0; a.shame[0] = 0.5; a.selfEfficacy[0] = 0.5; a.trust[0] = 0.5;
    assignAdvisor(m, 0, 0);
    meet(m, 0);
    expect(a.assessedLevel[0]).toBe(2);
    expect(a.shame[0]).toBe(f32(0.5 - 0.125));
    expect(a.selfEfficacy[0]).toBe(f32(0.5 + 0.5 * 0.125));
    expect(a.trust[0]).toBe(f32(0.5 + 0.2 * 0.5));
    expect(a.meetingsAttended[0]).toBe(1);
    expect(a.flags[0] & (F_MET_THIS_WEEK | F_ASSESSED)).toBe(F_MET_THIS_WEEK | F_ASSESSED);
    expect(eventsOf(m, 0)).toEqual([[EV_MET_ADVISOR, 1, 0]]);
  });

  it('category assessment: the level stays the category\'s, no recognition, half the trust gain', () => {
    const m = model({ behaviour: { recognition: 0.125, trustGain: 0.2 }, knobs: { exploration: 0 } });
    const a = m.agents;
    a.education[0] = 2; a.assessedLevel[0] = 0; a.shame[0] = 0.5; a.selfEfficacy[0] = 0.5; a.trust[0] = 0.5;
    assignAdvisor(m, 0, 0);
    meet(m, 0);
    expect(a.assessedLevel[0]).toBe(0);
    expect(a.shame[0]).toBe(0.5);
    expect(a.selfEfficacy[0]).toBe(0.5);
    expect(a.trust[0]).toBe(f32(0.5 + 0.2 * 0.5 * 0.5));
    expect(eventsOf(m, 0)).toEqual([[EV_MET_ADVISOR, 0, 0]]);
  });

  it('a hidden barrier is disclosed only with trust: certain at full trust, never at none', () => {
    const m = model({ behaviour: { disclosure: 1 }, knobs: { exploration: 1 } });
    const a = m.agents;
    for (let i = 0; i < 3; i++) a.flags[i] = F_HIDDEN_BARRIER;
    assignAdvisor(m, 0, 0); a.trust[0] = 1;
    a.trust[1] = 0; // no contact person: trust stays 0
    meet(m, 0);
    meet(m, 1);
    expect(a.flags[0] & F_DISCLOSED).toBe(F_DISCLOSED);
    expect(eventsOf(m, 0).map((e) => e[0])).toEqual([EV_MET_ADVISOR, EV_DISCLOSED]);
    expect(a.flags[1] & F_DISCLOSED).toBe(0);
    // partial trust and category assessment: chance disclosure × trust × (0.3 + 0.7 × exploration)
    const m2 = model({ agents: 20, behaviour: { disclosure: 1, trustGain: 0.2 }, knobs: { exploration: 0 } });
    const b = m2.agents;
    let disclosed = 0;
    for (let i = 0; i < 20; i++) { b.flags[i] = F_HIDDEN_BARRIER; assignAdvisor(m2, i, 0); b.trust[i] = 0.75; }
    for (let i = 0; i < 20; i++) {
      meet(m2, i);
      const trust = f32(0.75 + 0.2 * 0.25 * 0.5);
      expect(b.trust[i]).toBe(trust);
      const d = uniform(i, m2.keys.week[P_DISCLOSE]) < trust * 0.3;
      expect((b.flags[i] & F_DISCLOSED) !== 0).toBe(d);
      disclosed += d ? 1 : 0;
    }
    expect(disclosed).toBeGreaterThan(0);
    expect(disclosed).toBeLessThan(20);
  });

  it('proactive information: the advisor tells of a service that fits as the advisor sees it', () => {
    const m = model({ knobs: { proactiveInformation: 1 } });
    const a = m.agents;
    const t = m.services;
    a.education[0] = 2; a.network[0] = 1; // fits only the job-search course
    a.flags[1] = F_HIDDEN_BARRIER; a.education[1] = 2; a.network[1] = 1; // also health support, but the advisor cannot see it
    a.entitlements[1] = ENT_WORK_ASSESSMENT_ALLOWANCE;
    expect(fitMask(a, t, 0, 0, false)).toBe(bit(S.jobSearch));
    expect(fitMask(a, t, 1, 0, true)).toBe(bit(S.jobSearch) | bit(S.health) | bit(S.workGroup));
    expect(fitMask(a, t, 1, 0, false)).toBe(bit(S.jobSearch));
    meet(m, 0);
    expect(a.known[0]).toBe(bit(S.jobSearch));
    expect(eventsOf(m, 0)).toContainEqual([EV_FOUND_INFO, S.jobSearch, CH_ADVISOR]);
    a.known[1] = bit(S.jobSearch);
    meet(m, 1);
    expect(a.known[1]).toBe(bit(S.jobSearch)); // nothing the advisor sees is left to tell
    a.flags[1] |= F_DISCLOSED;
    setWeek(m, 1);
    meet(m, 1);
    expect(a.known[1] & ~bit(S.jobSearch)).not.toBe(0);
    expect((bit(S.health) | bit(S.workGroup)) & a.known[1]).toBe(a.known[1] & ~bit(S.jobSearch));
  });

  it('default offers: the category\'s short measure with an open place, at the default level unless level matching', () => {
    for (const levelMatching of [0, 1]) {
      const m = model({ knobs: { offerRate: 0.5, matchedOffers: 0, levelMatching } });
      const a = m.agents;
      m.slotsLeft[S.office] = 0.5; m.slotsLeft[S.vocational] = 5; m.slotsLeft[S.jobSearch] = 0; // a part of a place is open; none is closed
      for (let i = 0; i < 6; i++) { a.assessedLevel[i] = 2; a.entitlements[i] = ENT_UNEMPLOYMENT_BENEFIT; }
      a.state[4] = LONG_SERVICE; a.service[4] = S.vocational; // in a service: no offer
      a.pending[5] = S.jobSearch; // already has a request this week
      findWeek(m, () => [0, 1, 2, 3].some((i) => draw(m, i, P_OFFER) < 0.5), 3);
      for (let i = 0; i < 6; i++) meet(m, i);
      for (let i = 0; i < 4; i++) {
        const offered = draw(m, i, P_OFFER) < 0.5;
        if (!offered) { expect(a.pending[i]).toBe(PENDING_NONE); continue; }
        expect(a.pending[i]).toBe(S.office);
        expect(a.pendingLevel[i]).toBe(levelMatching ? 2 : 1);
        expect(a.pendingByAdvisor[i]).toBe(1);
        expect(a.known[i] & bit(S.office)).not.toBe(0);
        expect(eventsOf(m, i)).toContainEqual([EV_OFFERED, S.office, levelMatching ? 2 : 1]);
      }
      expect(a.pending[4]).toBe(PENDING_NONE);
      expect(a.pending[5]).toBe(S.jobSearch);
    }
  });

  it('the chance of an offer is offerRate', () => {
    for (const offerRate of [0, 0.5, 1]) {
      const m = model({ agents: 20, knobs: { offerRate, matchedOffers: 0 } });
      const a = m.agents;
      m.slotsLeft[S.jobSearch] = 50;
      for (let i = 0; i < 20; i++) meet(m, i);
      for (let i = 0; i < 20; i++) expect(a.pending[i] === S.jobSearch).toBe(draw(m, i, P_OFFER) < offerRate);
    }
  });

  it('no offer when the budget is spent', () => {
    const m = model({ knobs: { offerRate: 1, matchedOffers: 0 } });
    m.slotsLeft[S.jobSearch] = 50;
    m.budgetLeft = 0;
    for (let i = 0; i < 6; i++) meet(m, i);
    expect(Array.from(m.agents.pending)).toEqual(new Array(6).fill(PENDING_NONE));
    m.budgetLeft = 1;
    meet(m, 0);
    expect(m.agents.pending[0]).toBe(S.jobSearch);
  });

  it('matched offers: barrier help first, then one long service in a plan, then a fitting short one', () => {
    const m = model({ knobs: { offerRate: 1, activityTarget: 0, matchedOffers: 1, longTermPlanning: 1, levelMatching: 1 } });
    const a = m.agents;
    m.slotsLeft.fill(10);
    for (let i = 0; i < 4; i++) { a.entitlements[i] = ENT_UNEMPLOYMENT_BENEFIT; a.network[i] = 1; }
    a.flags[0] = F_HEALTH_BARRIER; a.entitlements[0] |= ENT_WORK_ASSESSMENT_ALLOWANCE; a.education[0] = 2; // health support
    a.education[1] = 0; // basic education: vocational training is the long service that fits
    a.education[2] = 0; a.longStarted[2] = 1; // has had a long service: a short one
    a.education[3] = 2; a.assessedLevel[3] = 2; a.state[3] = DISCOURAGED; // only the job-search course fits
    setWeek(m, 1);
    for (let i = 0; i < 4; i++) meet(m, i);
    expect(a.pending[0]).toBe(S.health);
    expect(a.pending[1]).toBe(S.vocational);
    expect(a.pendingLevel[1]).toBe(1); // a formal qualification one step up
    const shortFits = bit(S.jobSearch) | bit(S.office);
    expect(a.pending[2]).toBe(pickBit(shortFits, draw(m, 2, P_OFFER_PICK)));
    expect(a.pending[3]).toBe(S.jobSearch);
    expect(a.pendingLevel[3]).toBe(2);
    for (let i = 0; i < 4; i++) expect(a.state[i]).toBe(i === 3 ? DISCOURAGED : UNEMPLOYED);
  });

  it('a treated persistent barrier no longer calls for barrier help in a matched offer', () => {
    const m = model({ knobs: { offerRate: 1, matchedOffers: 1, longTermPlanning: 0 } });
    const a = m.agents;
    m.slotsLeft.fill(10);
    a.entitlements[0] = ENT_WORK_ASSESSMENT_ALLOWANCE; a.network[0] = 1; a.education[0] = 2;
    a.flags[0] = F_HEALTH_BARRIER | F_PERSISTENT | F_BARRIER_TREATED;
    expect(hasVisibleBarrier(a.flags[0])).toBe(false);
    meet(m, 0);
    expect(a.pending[0]).toBe(S.jobSearch); // the only short service that fits once the barrier has been worked on
  });

  it('with activity as success (chance activityTarget) a matched offer is any open short measure, fitting or not', () => {
    const m = model({ agents: 20, knobs: { offerRate: 1, matchedOffers: 1, longTermPlanning: 0, activityTarget: 0.5 } });
    const a = m.agents;
    m.slotsLeft.fill(10);
    for (let i = 0; i < 20; i++) { a.entitlements[i] = ENT_UNEMPLOYMENT_BENEFIT; a.education[i] = 2; a.network[i] = 1; }
    const t = m.services;
    // open short measures the person may enter: all but health support (its entry rule)
    const anyShort = t.shortMask & ~bit(S.health);
    expect(fitMask(a, t, 0, 0, false) & t.shortMask).toBe(bit(S.jobSearch));
    a.flags[19] = F_HEALTH_BARRIER; a.entitlements[19] |= ENT_WORK_ASSESSMENT_ALLOWANCE; // barrier help comes first, whatever the target
    setWeek(m, 6);
    for (let i = 0; i < 20; i++) meet(m, i);
    let any = 0;
    for (let i = 0; i < 19; i++) {
      const activity = draw2(m, i, P_OFFER_KIND) < 0.5;
      any += activity ? 1 : 0;
      expect(a.pending[i], `agent ${i}`).toBe(activity ? pickBit(anyShort, draw(m, i, P_OFFER_PICK)) : S.jobSearch);
    }
    expect(any).toBeGreaterThan(0);
    expect(a.pending[19]).toBe(S.health);
  });

  it('a matched offer with nothing fitting is any open short measure with chance activityTarget, else none', () => {
    for (const activityTarget of [0, 0.5, 1]) {
      const m = model({ agents: 20, knobs: { offerRate: 1, matchedOffers: 1, activityTarget } });
      const a = m.agents;
      m.slotsLeft[S.language] = 10; // open, but it does not fit people with full language; the job-search course is closed
      for (let i = 0; i < 20; i++) { a.entitlements[i] = ENT_UNEMPLOYMENT_BENEFIT; a.education[i] = 2; a.network[i] = 1; }
      expect(fitMask(a, m.services, 0, 0, false)).toBe(bit(S.jobSearch));
      setWeek(m, 5);
      for (let i = 0; i < 20; i++) meet(m, i);
      for (let i = 0; i < 20; i++) {
        const fallback = draw2(m, i, P_OFFER_KIND) < activityTarget;
        expect(a.pending[i], `agent ${i}, activityTarget ${activityTarget}`).toBe(fallback ? S.language : PENDING_NONE);
      }
    }
  });
});

describe('meet: monitoring, referrals and exploration', () => {
  it('monitoring: push ← push + g·(1 − push), g = min(1, monitoringPush·(1 + sanctionThreat·acceptPressure)), only out of work', () => {
    const m = model({ behaviour: { monitoringPush: 0.25, sanctionThreat: 2 }, knobs: { acceptPressure: 0.5 } });
    const a = m.agents;
    const g = 0.25 * (1 + 2 * 0.5);
    a.push[0] = 0.5;
    a.push[1] = 0.5; a.state[1] = DISCOURAGED;
    a.push[2] = 0.5; a.state[2] = SHORT_SERVICE; a.service[2] = S.jobSearch;
    for (let i = 0; i < 3; i++) meet(m, i);
    expect(a.push[0]).toBe(f32(0.5 + g * 0.5));
    expect(a.push[1]).toBe(f32(0.5 + g * 0.5));
    expect(a.push[2]).toBe(0.5); // in a measure: no monitoring of search
    const strong = model({ behaviour: { monitoringPush: 0.5, sanctionThreat: 3 }, knobs: { acceptPressure: 1 } });
    strong.agents.push[0] = 0.25;
    meet(strong, 0);
    expect(strong.agents.push[0]).toBe(1); // g capped at 1
  });

  it('referral: at the education level when assessed at it or above, one level down otherwise, if the person takes lower jobs', () => {
    const m = model({ agents: 8, office: { referralChance: 1 }, labourMarket: { downgradeAfterWeeks: 40 }, knobs: { acceptPressure: 0 } });
    const a = m.agents;
    a.education[0] = 2; a.assessedLevel[0] = 2; // own level
    a.education[1] = 1; a.assessedLevel[1] = 2; // assessed above: own level
    a.education[2] = 2; a.assessedLevel[2] = 0; a.weeksUnemployed[2] = 9; // one level down, but patience is 40 × 0.25 = 10 weeks
    a.education[3] = 2; a.assessedLevel[3] = 0; a.weeksUnemployed[3] = 10; // takes lower jobs: referred one level down
    a.education[4] = 0; a.assessedLevel[4] = 0; // basic: own level
    a.education[5] = 1; a.state[5] = SHORT_SERVICE; a.service[5] = S.jobSearch; // in a measure: no referral
    a.education[6] = 2; a.assessedLevel[6] = 1; a.ambition[6] = 1; a.weeksUnemployed[6] = 39; // ambition: patience 40 weeks
    a.education[7] = 2; a.assessedLevel[7] = 1; a.ambition[7] = 1; a.weeksUnemployed[7] = 40;
    for (let i = 0; i < 8; i++) meet(m, i);
    expect(Array.from(a.referredLevel)).toEqual([2, 1, PENDING_NONE, 1, 0, PENDING_NONE, PENDING_NONE, 1]);
    expect(Array.from(a.referrals)).toEqual([1, 1, 0, 1, 1, 0, 0, 1]);
    expect(eventsOf(m, 0)).toContainEqual([EV_REFERRED, 2, 0]);
    expect(eventsOf(m, 3)).toContainEqual([EV_REFERRED, 1, 1]);
    expect(eventsOf(m, 2).some((e) => e[0] === EV_REFERRED)).toBe(false);
  });

  it('acceptPressure shortens the patience before a referral below one\'s level', () => {
    const m = model({ office: { referralChance: 1 }, labourMarket: { downgradeAfterWeeks: 40 }, knobs: { acceptPressure: 0.5 } });
    const a = m.agents;
    a.education[0] = 1; a.assessedLevel[0] = 0; a.weeksUnemployed[0] = 4; // patience 40 × 0.25 × 0.5 = 5
    a.education[1] = 1; a.assessedLevel[1] = 0; a.weeksUnemployed[1] = 5;
    meet(m, 0); meet(m, 1);
    expect([a.referredLevel[0], a.referredLevel[1]]).toEqual([PENDING_NONE, 0]);
  });

  it('referral with a chance: the draw decides; the week\'s job search uses it up', () => {
    const m = model({ agents: 20, office: { referralChance: 0.5, hoursPerWeek: 0 } });
    const a = m.agents;
    setWeek(m, 4);
    for (let i = 0; i < 20; i++) meet(m, i);
    for (let i = 0; i < 20; i++) expect(a.referredLevel[i]).toBe(draw(m, i, P_REFER) < 0.5 ? 0 : PENDING_NONE);
    labourMarket(m);
    expect(Array.from(a.referredLevel)).toEqual(new Array(20).fill(PENDING_NONE));
  });

  it('an exploring meeting marks the person as explored; a category meeting does not', () => {
    const m = model({ agents: 20, knobs: { exploration: 0.5 } });
    const a = m.agents;
    setWeek(m, 2);
    for (let i = 0; i < 20; i++) meet(m, i);
    for (let i = 0; i < 20; i++) expect((a.flags[i] & F_EXPLORED) !== 0).toBe(draw(m, i, P_EXPLORE) < 0.5);
  });
});
