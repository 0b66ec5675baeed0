import { describe, expect, it } from 'vitest';
import {
  F_ASSESSED, F_BARRIER_TREATED, F_DISCLOSED, F_HEALTH_BARRIER, F_HIDDEN_BARRIER, F_MET_THIS_WEEK, PENDING_NONE,
} from '../../sim/agents.ts';
import {
  CH_ADVISOR, DISCOURAGED, EMPLOYED, ENT_UNEMPLOYMENT_BENEFIT, ENT_WORK_ASSESSMENT_ALLOWANCE, EV_ADVISOR_CHANGED,
  EV_DISCLOSED, EV_FOLLOW_UP, EV_FOUND_INFO, EV_GOT_ADVISOR, EV_MET_ADVISOR, EV_NO_SHOW, EV_OFFERED, LONG_SERVICE,
  P_ADVISOR_ASSIGN, P_ADVISOR_TURNOVER, P_DISCLOSE, P_MEETING, P_OFFER, P_OFFER_PICK, P_SHOW_UP,
  UNEMPLOYED,
} from '../../sim/constants.ts';
import { fitMask } from '../../sim/fit.ts';
import type { Model } from '../../sim/model.ts';
import {
  advisors, assessedNeed, meet, NO_RIGHTS_WEIGHT, showUpChance,
} from '../../sim/phases/advisors.ts';
import { hasVisibleBarrier } from '../../sim/fit.ts';
import { uniform } from '../../sim/rng.ts';
import type { Knobs } from '../../sim/scenario.ts';
import { pickBit } from '../../sim/services.ts';
import {
  assignAdvisor, bit, eventsOf, f32, makeModel, S, setWeek, type BehaviourInput, type OfficeInput,
} from '../helpers.ts';

interface Setup { agents?: number; office?: Partial<OfficeInput>; behaviour?: Partial<BehaviourInput>; knobs?: Partial<Knobs> }
function model({ agents = 6, office = {}, behaviour = {}, knobs = {} }: Setup): Model {
  return makeModel({
    agents, personas: Math.min(agents, 20),
    office: { advisorsPer1000: 1000 / agents, caseload: 10, hoursPerWeek: 0, hoursPerMeeting: 1, ...office },
    behaviour: { trustGain: 0.2, trustLossOnChange: 0.6, showUpBase: 0.7, disclosure: 0.25, recognition: 0.125, attendancePressure: 0.5, ...behaviour },
  }, knobs);
}
/** Mirror of the offer rule in sim/phases/advisors.ts `meet`: chance of an offer at a meeting. */
const offerChance = (activityTarget: number) => 0.1 + 0.7 * activityTarget;
const draw = (m: Model, i: number, p: number) => uniform(i, m.keys.week[p]);
/** The first week from `from` on in which `ok(week)` holds. */
function findWeek(m: Model, ok: () => boolean, from = 0): number {
  for (let w = from; w < from + 1000; w++) {
    m.keys.setWeek(w);
    if (ok()) { setWeek(m, w); return w; }
  }
  throw new Error('no such week');
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

describe('advisors phase: caseloads', () => {
  it('people in work leave their contact person; the freed place can go to someone waiting the same week', () => {
    const m = model({ office: { caseload: 1 }, knobs: { priorityByNeed: 0 } });
    const a = m.agents;
    a.flags.fill(F_ASSESSED);
    assignAdvisor(m, 0, 0);
    a.state[0] = EMPLOYED;
    a.entitlements[1] = ENT_UNEMPLOYMENT_BENEFIT; // weight 1 under rights first: certain
    for (let i = 2; i < 6; i++) a.state[i] = EMPLOYED;
    advisors(m);
    expect(a.advisor[0]).toBe(-1);
    expect(a.advisor[1]).toBe(0);
    expect(a.advisorWeeks[1]).toBe(0);
    expect(Array.from(m.advisorLoad)).toEqual([1]);
    expect(eventsOf(m, 1)).toEqual([[EV_GOT_ADVISOR, 0, 0]]);
  });

  it('rights first: rights holders get a place for sure, others with weight NO_RIGHTS_WEIGHT', () => {
    const m = model({ knobs: { priorityByNeed: 0 } });
    const a = m.agents;
    a.flags.fill(F_ASSESSED);
    for (let i = 0; i < 3; i++) { a.entitlements[i] = ENT_UNEMPLOYMENT_BENEFIT; a.education[i] = 1; a.selfEfficacy[i] = 1; }
    for (let i = 3; i < 6; i++) { a.flags[i] |= F_HEALTH_BARRIER; a.selfEfficacy[i] = 0; a.language[i] = 0; a.weeksUnemployed[i] = 104; }
    setWeek(m, 2);
    advisors(m);
    for (let i = 0; i < 3; i++) expect(a.advisor[i]).toBe(0);
    for (let i = 3; i < 6; i++) expect(a.advisor[i] >= 0).toBe(draw(m, i, P_ADVISOR_ASSIGN) < NO_RIGHTS_WEIGHT);
    expect(m.waitingWeight).toBeCloseTo(3 + 3 * NO_RIGHTS_WEIGHT, 12);
    expect(m.advisorLoad[0]).toBe(a.advisor.filter((x) => x === 0).length);
  });

  it('by need: high assessed need gets a place for sure, low need with chance equal to the need', () => {
    const m = model({ knobs: { priorityByNeed: 1 } });
    const a = m.agents;
    a.flags.fill(F_ASSESSED);
    for (let i = 0; i < 3; i++) { a.entitlements[i] = ENT_UNEMPLOYMENT_BENEFIT; a.education[i] = 1; a.selfEfficacy[i] = 1; }
    for (let i = 3; i < 6; i++) { a.flags[i] |= F_HEALTH_BARRIER; a.selfEfficacy[i] = 0; a.language[i] = 0; a.weeksUnemployed[i] = 104; }
    expect(assessedNeed(m, 0)).toBeCloseTo(0.15, 12);
    expect(assessedNeed(m, 3)).toBeCloseTo(1, 12);
    setWeek(m, 2);
    advisors(m);
    for (let i = 0; i < 3; i++) expect(a.advisor[i] >= 0).toBe(draw(m, i, P_ADVISOR_ASSIGN) < 0.15);
    for (let i = 3; i < 6; i++) expect(a.advisor[i]).toBe(0);
    expect(m.waitingWeight).toBeCloseTo(3 * 0.15 + 3 * 1, 12);
  });

  it('mixed priority weights rights and need in proportion', () => {
    const m = model({ knobs: { priorityByNeed: 0.25 } });
    const a = m.agents;
    a.flags.fill(F_ASSESSED);
    a.entitlements[0] = ENT_UNEMPLOYMENT_BENEFIT; a.education[0] = 1; a.selfEfficacy[0] = 1; // need 0.15
    a.education[1] = 1; a.selfEfficacy[1] = 1; // no rights, need 0.15
    for (let i = 2; i < 6; i++) a.state[i] = EMPLOYED;
    advisors(m);
    expect(m.waitingWeight).toBeCloseTo(0.75 * 1 + 0.25 * 0.15 + 0.75 * NO_RIGHTS_WEIGHT + 0.25 * 0.15, 12);
  });

  it('the chance is scaled down by free places over last week\'s waiting weight, and places never run over', () => {
    const m = model({ agents: 20, office: { caseload: 3 }, knobs: { priorityByNeed: 0 } });
    const a = m.agents;
    a.flags.fill(F_ASSESSED);
    a.entitlements.fill(ENT_UNEMPLOYMENT_BENEFIT);
    m.waitingWeight = 12; // last week 12 waited for 3 places: chance 1/4 each
    let assigned = 0;
    findWeek(m, () => {
      let c = 0;
      for (let i = 0; i < 20; i++) if (draw(m, i, P_ADVISOR_ASSIGN) < 0.25) c++;
      return c > 3; // a week in which more win the draw than there are places
    });
    advisors(m);
    let free = 3;
    for (let i = 0; i < 20; i++) {
      const expected = free > 0 && draw(m, i, P_ADVISOR_ASSIGN) < 0.25;
      if (expected) { free--; assigned++; }
      expect(a.advisor[i] >= 0).toBe(expected);
    }
    expect(assigned).toBe(3);
    expect(Array.from(m.advisorLoad)).toEqual([3]);
    expect(m.waitingWeight).toBe(20);
  });

  it('new places go round the advisors in turn, skipping full ones', () => {
    const m = model({ agents: 15, office: { advisorsPer1000: 200, caseload: 2 }, knobs: { priorityByNeed: 0 } }); // 3 advisors
    const a = m.agents;
    expect(m.advisorLoad).toHaveLength(3);
    a.flags.fill(F_ASSESSED);
    a.entitlements.fill(ENT_UNEMPLOYMENT_BENEFIT);
    assignAdvisor(m, 14, 0); assignAdvisor(m, 13, 0); // advisor 0 is full
    for (let i = 5; i < 13; i++) a.state[i] = EMPLOYED;
    advisors(m);
    expect(Array.from(a.advisor.subarray(0, 5))).toEqual([1, 2, 1, 2, -1]);
    expect(Array.from(m.advisorLoad)).toEqual([2, 2, 2]);
  });

  it('turnover: a new contact person, trust cut by trustLossOnChange, weeks with the advisor reset', () => {
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
      expect(a.trust[i]).toBe(f32(0.5 * (1 - 0.6)));
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
    for (let i = 0; i < 10; i++) { assignAdvisor(m, i, i % 2); a.trust[i] = 0.5; }
    setWeek(m, 9);
    advisors(m);
    for (let i = 0; i < 10; i++) {
      const changed = draw(m, i, P_ADVISOR_TURNOVER) < 0.5;
      expect(a.advisor[i]).toBe(changed ? 1 - (i % 2) : i % 2);
      expect(a.trust[i]).toBe(changed ? f32(0.5 * 0.4) : 0.5);
    }
  });
});

describe('advisors phase: meetings', () => {
  it('a meeting takes place with chance (intensity × hours / hours per meeting) / load', () => {
    const m = model({ office: { hoursPerWeek: 2, hoursPerMeeting: 1 }, knobs: { meetingIntensity: 1 } });
    const a = m.agents;
    a.flags.fill(F_ASSESSED);
    for (let i = 0; i < 4; i++) assignAdvisor(m, i, 0); // load 4: chance 2/4
    a.state[4] = EMPLOYED; a.state[5] = EMPLOYED;
    let total = 0;
    for (let w = 0; w < 20; w++) {
      setWeek(m, w);
      const before = Array.from(a.meetingsScheduled);
      advisors(m);
      for (let i = 0; i < 4; i++) {
        const met = draw(m, i, P_MEETING) < 0.5;
        expect(a.meetingsScheduled[i] - before[i]).toBe(met ? 1 : 0);
        total += met ? 1 : 0;
      }
    }
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThan(80);
  });

  it('follow-up brings in those who miss the meeting; their trust rises by half a gain first', () => {
    const m = model({ agents: 12, office: { hoursPerWeek: 20 }, behaviour: { showUpBase: 0.5, trustGain: 0.2 }, knobs: { followUp: 1 } });
    const a = m.agents;
    for (let i = 0; i < 12; i++) { a.flags[i] = F_ASSESSED; assignAdvisor(m, i, 0); a.trust[i] = 0.5; a.selfEfficacy[i] = 0; }
    expect(showUpChance(m, 0)).toBeCloseTo(0.5 + 0.125, 12);
    const p = showUpChance(m, 0);
    findWeek(m, () => [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].some((i) => draw(m, i, P_SHOW_UP) >= p));
    advisors(m);
    let followed = 0;
    for (let i = 0; i < 12; i++) {
      expect(a.meetingsScheduled[i]).toBe(1);
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
    findWeek(m, () => [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].some((i) => draw(m, i, P_SHOW_UP) >= p));
    advisors(m);
    let missedAny = false;
    for (let i = 0; i < 12; i++) {
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
      const m = model({ knobs: { activityTarget: 1, matchedOffers: 0, levelMatching } });
      const a = m.agents;
      m.slotsLeft[S.office] = 5; m.slotsLeft[S.vocational] = 5; m.slotsLeft[S.jobSearch] = 0.5; // less than one place: closed
      for (let i = 0; i < 6; i++) { a.assessedLevel[i] = 2; a.entitlements[i] = ENT_UNEMPLOYMENT_BENEFIT; }
      a.state[4] = LONG_SERVICE; a.service[4] = S.vocational; // in a service: no offer
      a.pending[5] = S.jobSearch; // already has a request this week
      setWeek(m, 3);
      for (let i = 0; i < 6; i++) meet(m, i);
      let offers = 0;
      for (let i = 0; i < 4; i++) {
        const offered = draw(m, i, P_OFFER) < offerChance(1);
        if (!offered) { expect(a.pending[i]).toBe(PENDING_NONE); continue; }
        offers++;
        expect(a.pending[i]).toBe(S.office);
        expect(a.pendingLevel[i]).toBe(levelMatching ? 2 : 1);
        expect(a.pendingByAdvisor[i]).toBe(1);
        expect(a.known[i] & bit(S.office)).not.toBe(0);
        expect(eventsOf(m, i)).toContainEqual([EV_OFFERED, S.office, levelMatching ? 2 : 1]);
      }
      expect(offers).toBeGreaterThan(0);
      expect(a.pending[4]).toBe(PENDING_NONE);
      expect(a.pending[5]).toBe(S.jobSearch);
    }
  });

  it('the chance of an offer grows with activity targets', () => {
    const offers: number[] = [];
    for (const activityTarget of [0, 0.5, 1]) {
      const m = model({ agents: 20, knobs: { activityTarget, matchedOffers: 0 } });
      const a = m.agents;
      m.slotsLeft[S.jobSearch] = 50;
      for (let i = 0; i < 20; i++) meet(m, i);
      for (let i = 0; i < 20; i++) expect(a.pending[i] === S.jobSearch).toBe(draw(m, i, P_OFFER) < offerChance(activityTarget));
      offers.push(a.pending.filter((x) => x === S.jobSearch).length);
    }
    expect(offers[0]).toBeLessThan(offers[2]);
    expect(offers[0]).toBeLessThanOrEqual(offers[1]);
    expect(offers[1]).toBeLessThanOrEqual(offers[2]);
  });

  it('matched offers: barrier help first, then one long service in a plan, then a fitting short one', () => {
    const m = model({ knobs: { activityTarget: 1, matchedOffers: 1, longTermPlanning: 1, levelMatching: 1 } });
    const a = m.agents;
    m.slotsLeft.fill(10);
    for (let i = 0; i < 4; i++) { a.entitlements[i] = ENT_UNEMPLOYMENT_BENEFIT; a.network[i] = 1; }
    a.flags[0] = F_HEALTH_BARRIER; a.entitlements[0] |= ENT_WORK_ASSESSMENT_ALLOWANCE; a.education[0] = 2; // health support
    a.education[1] = 0; // basic education: vocational training is the long service that fits
    a.education[2] = 0; a.longStarted[2] = 1; // has had a long service: a short one
    a.education[3] = 2; a.assessedLevel[3] = 2; a.state[3] = DISCOURAGED; // only the job-search course fits
    findWeek(m, () => [0, 1, 2, 3].every((i) => draw(m, i, P_OFFER) < offerChance(1)));
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
});
