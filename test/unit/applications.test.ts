import { describe, expect, it } from 'vitest';
import { BY_ADVISOR, BY_PERSON, F_EXPLORED, PENDING_NONE, WAITING } from '../../sim/agents.ts';
import {
  DISCOURAGED, ENT_UNEMPLOYMENT_BENEFIT, EV_APPLIED, EV_DISCOURAGED, EV_REJECTED, EV_STARTED, LONG_SERVICE, P_APPLY,
  P_APPLY_WHICH, P_CAPACITY, P_DECIDE, QUAL_FOREIGN_RECOGNISED, QUAL_FOREIGN_UNRECOGNISED, REASON_ALREADY_HOLDS, REASON_LEVEL,
  REASON_NO_BUDGET, REASON_NO_CAPACITY, REASON_NOT_ENTITLED, REASON_NOT_PRIORITY, ROUTES, SHORT_SERVICE, UNEMPLOYED,
} from '../../sim/constants.ts';
import type { Model } from '../../sim/model.ts';
import { applications, enrol, firstTier, refusalReason, reject } from '../../sim/phases/applications.ts';
import { PERIOD_WEEKS } from '../../sim/phases/capacity.ts';
import { parseScenario, type Knobs } from '../../sim/scenario.ts';
import { compileServices, entitled, entitledServices, ENTITLEMENT_SETS, pickBit } from '../../sim/services.ts';
import { SHIPPED } from '../../scenarios/index.ts';
import { bit, draw, draw2, eventsOf, f32, findWeek, group, makeModel, S, setWeek, type BehaviourInput } from '../helpers.ts';

const REFUGEE = 1; // group index of the refugee group below
function model(behaviour: Partial<BehaviourInput> = {}, knobs: Partial<Knobs> = {}, agents = 6): Model {
  return makeModel({
    agents, personas: Math.min(agents, 20),
    groups: [group({ name: 'native', share: 0.5, route: 'native' }), group({ name: 'refugees', share: 0.5, route: 'refugee' })],
    behaviour: { applyChance: 1, rejectionHit: 0.1, discouragedBelow: 0.15, ...behaviour },
  }, knobs);
}

/** Run the applications phase for the rest of the period (weeks 1 .. PERIOD_WEEKS − 1) with no places: requests still waiting are refused at the end. */
function waitOut(m: Model): void {
  for (let w = 1; w < PERIOD_WEEKS; w++) {
    setWeek(m, w);
    m.slotsLeft.fill(0);
    applications(m);
  }
}

describe('refusalReason', () => {
  it('not entitled: the entry rule names neither a right the person holds nor their route', () => {
    const m = model();
    const a = m.agents;
    expect(refusalReason(m, 0, S.vocational, 1)).toBe(REASON_NOT_ENTITLED); // benefitRights only
    expect(refusalReason(m, 0, S.language, 0)).toBe(REASON_NOT_ENTITLED); // benefitRights or refugee
    a.group[1] = REFUGEE;
    expect(refusalReason(m, 1, S.language, 0)).not.toBe(REASON_NOT_ENTITLED); // entitled by route
    a.entitlements[2] = ENT_UNEMPLOYMENT_BENEFIT; a.education[2] = 0;
    expect(refusalReason(m, 2, S.vocational, 1)).not.toBe(REASON_NOT_ENTITLED); // entitled by a right
    expect(refusalReason(m, 0, S.jobSearch, 0)).toBe(0); // anyone
  });

  it('already holds: education at the service\'s level, even from abroad', () => {
    const m = model();
    const a = m.agents;
    a.education[0] = 1; a.foreignQual[0] = QUAL_FOREIGN_UNRECOGNISED; a.assessedLevel[0] = 1;
    expect(refusalReason(m, 0, S.office, 1)).toBe(REASON_ALREADY_HOLDS);
    a.education[1] = 0; a.assessedLevel[1] = 1;
    expect(refusalReason(m, 1, S.office, 1)).toBe(0);
    a.education[2] = 2; a.assessedLevel[2] = 2;
    expect(refusalReason(m, 2, S.jobSearch, 2)).toBe(0); // the job-search course is not refused for what one holds
    expect(refusalReason(m, 2, S.office, 2)).toBe(REASON_ALREADY_HOLDS); // above the service's level counts too
  });

  it('already holds: not once an exploring meeting has seen that a foreign qualification is not recognised', () => {
    const m = model();
    const a = m.agents;
    a.education[0] = 1; a.foreignQual[0] = QUAL_FOREIGN_UNRECOGNISED; a.assessedLevel[0] = 1; a.flags[0] = F_EXPLORED;
    expect(refusalReason(m, 0, S.office, 1)).toBe(0);
    a.education[1] = 1; a.foreignQual[1] = QUAL_FOREIGN_RECOGNISED; a.assessedLevel[1] = 1; a.flags[1] = F_EXPLORED;
    expect(refusalReason(m, 1, S.office, 1)).toBe(REASON_ALREADY_HOLDS); // recognised: the person does hold it
    a.education[2] = 1; a.assessedLevel[2] = 1; a.flags[2] = F_EXPLORED; // domestic
    expect(refusalReason(m, 2, S.office, 1)).toBe(REASON_ALREADY_HOLDS);
  });

  it('level: a level above the assessed one is refused unless the draw passes level matching', () => {
    const off = model({}, { levelMatching: 0 });
    off.agents.assessedLevel[0] = 0;
    expect(refusalReason(off, 0, S.jobSearch, 1)).toBe(REASON_LEVEL);
    expect(refusalReason(off, 0, S.jobSearch, 0)).toBe(0); // at the assessed level
    expect(refusalReason(off, 0, S.language, 2)).toBe(REASON_NOT_ENTITLED); // entitlement is checked first
    off.agents.group[1] = REFUGEE; off.agents.entitlements[1] = ENT_UNEMPLOYMENT_BENEFIT;
    expect(refusalReason(off, 1, S.language, 2)).toBe(0); // not levelled
    const on = model({}, { levelMatching: 1 });
    expect(refusalReason(on, 0, S.jobSearch, 2)).toBe(0);
    const half = model({}, { levelMatching: 0.5 }, 20);
    for (let w = 0; w < 5; w++) {
      setWeek(half, w);
      for (let i = 0; i < 20; i++) expect(refusalReason(half, i, S.jobSearch, 1)).toBe(draw(half, i, P_DECIDE) >= 0.5 ? REASON_LEVEL : 0);
    }
  });

  it('rights priority is no rule of its own: a person without rights passes the rules', () => {
    const m = model({}, { priorityByNeed: 0 });
    const a = m.agents;
    a.group[0] = REFUGEE; // entitled to the language course by route, but without economic rights
    expect(refusalReason(m, 0, S.language, 0)).toBe(0);
  });
});

describe('firstTier', () => {
  it('always for services without rights priority and for rights holders; otherwise with chance priorityByNeed', () => {
    for (const priorityByNeed of [0, 0.5, 1]) {
      const m = model({}, { priorityByNeed }, 20);
      const a = m.agents;
      a.group.fill(REFUGEE);
      setWeek(m, 3);
      for (let i = 0; i < 20; i++) {
        expect(firstTier(m, i, S.jobSearch)).toBe(true); // no rights priority
        a.entitlements[i] = 0;
        expect(firstTier(m, i, S.language)).toBe(draw2(m, i, P_DECIDE) < priorityByNeed);
        a.entitlements[i] = ENT_UNEMPLOYMENT_BENEFIT;
        expect(firstTier(m, i, S.language)).toBe(true);
      }
    }
  });
});

describe('reject', () => {
  it('counts, remembers, and lowers self-efficacy by rejectionHit; below discouragedBelow the person is discouraged', () => {
    const m = model({ rejectionHit: 0.5, discouragedBelow: 0.3 });
    const a = m.agents;
    a.selfEfficacy[0] = 0.5; a.selfEfficacy[1] = 0.75; a.selfEfficacy[2] = 0.5; a.state[2] = SHORT_SERVICE; a.service[2] = S.jobSearch;
    reject(m, 0, S.office, REASON_LEVEL);
    reject(m, 1, S.office, REASON_LEVEL);
    reject(m, 2, S.office, REASON_LEVEL);
    expect(Array.from(a.selfEfficacy.subarray(0, 3))).toEqual([f32(0.25), f32(0.375), f32(0.25)]);
    expect(a.state[0]).toBe(DISCOURAGED);
    expect(a.state[1]).toBe(UNEMPLOYED);
    expect(a.state[2]).toBe(SHORT_SERVICE); // only a searcher stops searching
    expect(eventsOf(m, 0)).toEqual([[EV_REJECTED, S.office, REASON_LEVEL], [EV_DISCOURAGED, 0, 0]]);
    expect(eventsOf(m, 1)).toEqual([[EV_REJECTED, S.office, REASON_LEVEL]]);
    expect(Array.from(a.rejections.subarray(0, 3))).toEqual([1, 1, 1]);
    expect(a.refused[0]).toBe(bit(S.office));
    reject(m, 1, S.jobSearch, REASON_NO_CAPACITY);
    expect(a.refused[1]).toBe(bit(S.office) | bit(S.jobSearch));
    expect(a.rejections[1]).toBe(2);
    expect(a.selfEfficacy[1]).toBe(f32(f32(0.375) * 0.5));
    expect(a.state[1]).toBe(DISCOURAGED);
  });
});

describe('applications phase', () => {
  it('each refusal reason, through the phase; a request that passes gets a place', () => {
    const m = model({ rejectionHit: 0.1 }, { levelMatching: 0, priorityByNeed: 0 });
    const a = m.agents;
    const ask = (i: number, s: number) => { a.known[i] = bit(s); a.fit[i] = bit(s); a.selfEfficacy[i] = 1; };
    ask(0, S.vocational); // no economic rights: not entitled
    ask(1, S.office); a.education[1] = 1; a.assessedLevel[1] = 1; // already holds
    ask(2, S.jobSearch); a.education[2] = 2; a.assessedLevel[2] = 0; // asks at level 2, assessed 0
    ask(3, S.language); a.group[3] = REFUGEE; // entitled by route, no rights: second tier, and no places left for it
    ask(4, S.jobSearch); // passes the rules; no places left
    ask(5, S.office); // passes, and there is a place
    m.slotsLeft[S.office] = 3; m.slotsLeft[S.jobSearch] = 0; m.slotsLeft[S.language] = 0;
    applications(m);
    const reasons = [REASON_NOT_ENTITLED, REASON_ALREADY_HOLDS, REASON_LEVEL, REASON_NOT_PRIORITY, REASON_NO_CAPACITY];
    const services = [S.vocational, S.office, S.jobSearch, S.language, S.jobSearch];
    // the rules refuse at once; a request that passes them but finds no place waits on the list
    for (let i = 0; i < 3; i++) expect(eventsOf(m, i)).toEqual([[EV_REJECTED, services[i], reasons[i]]]);
    for (const i of [3, 4]) {
      expect(eventsOf(m, i)).toEqual([]);
      expect(a.pending[i]).toBe(services[i]);
      expect(a.pendingByAdvisor[i]).toBe(WAITING + 1);
    }
    expect(a.state[5]).toBe(SHORT_SERVICE);
    expect(a.service[5]).toBe(S.office);
    expect(a.serviceLevel[5]).toBe(0);
    expect(a.rejections[5]).toBe(0);
    expect(eventsOf(m, 5)).toEqual([[EV_APPLIED, S.office, 0], [EV_STARTED, S.office, 1]]);
    expect(m.slotsLeft[S.office]).toBe(2);
    waitOut(m); // no places all period: refused at the end of it
    for (let i = 0; i < 5; i++) {
      expect(eventsOf(m, i)).toEqual([[EV_REJECTED, services[i], reasons[i]]]);
      expect(a.rejections[i]).toBe(1);
      expect(a.refused[i]).toBe(bit(services[i]));
      expect(a.selfEfficacy[i]).toBe(f32(1 * 0.9));
      expect(a.state[i]).toBe(UNEMPLOYED);
    }
    expect(eventsOf(m, 3)[0]).toEqual([EV_REJECTED, S.language, REASON_NOT_PRIORITY]);
    expect(Array.from(a.applications)).toEqual([1, 1, 1, 1, 1, 1]); // waiting is not asking again
    expect(Array.from(a.pending)).toEqual(new Array(6).fill(PENDING_NONE));
  });

  it('the waiting list: a request that passed the rules waits for a place for up to one period, without meeting the rules again', () => {
    const m = model({}, { levelMatching: 1 });
    const a = m.agents;
    a.known[0] = bit(S.vocational); a.fit[0] = bit(S.vocational); a.selfEfficacy[0] = 1; a.entitlements[0] = ENT_UNEMPLOYMENT_BENEFIT;
    m.slotsLeft[S.vocational] = 0;
    applications(m);
    expect([a.pending[0], a.pendingByAdvisor[0]]).toEqual([S.vocational, WAITING + 1]);
    a.entitlements[0] = 0; // would no longer be entitled: the rules were met when asking
    for (let w = 1; w < PERIOD_WEEKS - 1; w++) {
      setWeek(m, w);
      applications(m);
      expect([a.pending[0], a.pendingByAdvisor[0]]).toEqual([S.vocational, WAITING + 1 + w]);
    }
    setWeek(m, PERIOD_WEEKS - 1);
    m.slotsLeft[S.vocational] = 1; // a place comes in time
    applications(m);
    expect(a.state[0]).toBe(LONG_SERVICE);
    expect(a.service[0]).toBe(S.vocational);
    expect(a.applications[0]).toBe(1);
    expect(a.rejections[0]).toBe(0);
    expect(eventsOf(m, 0)).toEqual([[EV_APPLIED, S.vocational, 1], [EV_STARTED, S.vocational, 1]]);
    expect(BY_PERSON).not.toBe(BY_ADVISOR);
  });

  it('people ask with chance applyChance × self-efficacy, for a known, fitting, unrefused service, at their own level', () => {
    const m = model({ applyChance: 0.5 }, {}, 20);
    const a = m.agents;
    m.slotsLeft.fill(1000);
    const want = bit(S.jobSearch) | bit(S.placement) | bit(S.formalEducation);
    for (let i = 0; i < 20; i++) {
      a.known[i] = want | bit(S.office); a.fit[i] = want | bit(S.vocational); a.refused[i] = bit(S.placement);
      a.selfEfficacy[i] = 0.5; a.education[i] = 1; a.assessedLevel[i] = 2; a.entitlements[i] = ENT_UNEMPLOYMENT_BENEFIT;
    }
    a.state[18] = DISCOURAGED; // discouraged people do not ask
    a.known[19] = bit(S.office); // knows nothing that fits
    setWeek(m, 2);
    applications(m);
    let asked = 0;
    for (let i = 0; i < 18; i++) {
      const applies = draw(m, i, P_APPLY) < 0.5 * 0.5;
      expect(a.applications[i]).toBe(applies ? 1 : 0);
      if (!applies) { expect(a.state[i]).toBe(UNEMPLOYED); continue; }
      asked++;
      const s = pickBit(bit(S.jobSearch) | bit(S.formalEducation), draw(m, i, P_APPLY_WHICH));
      expect(a.service[i]).toBe(s);
      expect(a.serviceLevel[i]).toBe(s === S.formalEducation ? 2 : 1); // formal education one step up
      expect(a.state[i]).toBe(s === S.formalEducation ? LONG_SERVICE : SHORT_SERVICE);
    }
    expect(asked).toBeGreaterThan(0);
    expect(a.applications[18] + a.applications[19]).toBe(0);
  });

  it('an advisor\'s offer passes no rules and is not counted as a request; an offer that finds no place is not a rejection', () => {
    const m = model({}, { levelMatching: 0 }, 20);
    const a = m.agents;
    for (let i = 0; i < 20; i++) { a.pending[i] = S.office; a.pendingLevel[i] = 2; a.pendingByAdvisor[i] = BY_ADVISOR; a.education[i] = 2; }
    m.slotsLeft[S.office] = 5; // 20 offers share 5 places: chance 1/4 each
    applications(m);
    let started = 0;
    for (let i = 0; i < 20; i++) {
      const gets = draw(m, i, P_CAPACITY) < 0.25;
      expect(a.state[i]).toBe(gets ? SHORT_SERVICE : UNEMPLOYED);
      started += gets ? 1 : 0;
      expect(a.rejections[i]).toBe(0);
      expect(a.applications[i]).toBe(0);
      expect(a.pending[i]).toBe(PENDING_NONE);
    }
    expect(started).toBeGreaterThan(0);
    expect(m.slotsLeft[S.office]).toBe(5 - started);
  });

  it('capacity: requests and offers share the places by lottery; all winners start (an overdraft); losing requests wait', () => {
    const m = model({}, {}, 20);
    const a = m.agents;
    for (let i = 0; i < 20; i++) {
      if (i % 2 === 0) { a.pending[i] = S.jobSearch; a.pendingByAdvisor[i] = BY_ADVISOR; } // offers
      else { a.known[i] = bit(S.jobSearch); a.fit[i] = bit(S.jobSearch); a.selfEfficacy[i] = 1; } // requests
    }
    m.slotsLeft[S.jobSearch] = 4;
    // a week in which more win the lottery than there are places
    findWeek(m, () => Array.from({ length: 20 }, (_, i) => draw(m, i, P_CAPACITY) < 4 / 20).filter(Boolean).length > 4, 6);
    applications(m);
    let started = 0;
    for (let i = 0; i < 20; i++) {
      const gets = draw(m, i, P_CAPACITY) < 4 / 20;
      started += gets ? 1 : 0;
      expect(a.state[i]).toBe(gets ? SHORT_SERVICE : UNEMPLOYED);
      expect(a.rejections[i]).toBe(0);
      const waits = !gets && i % 2 === 1;
      expect(a.pending[i]).toBe(waits ? S.jobSearch : PENDING_NONE); // an offer without a place lapses
      if (waits) expect(a.pendingByAdvisor[i]).toBe(WAITING + 1);
    }
    expect(started).toBeGreaterThan(4);
    expect(m.slotsLeft[S.jobSearch]).toBe(4 - started);
    waitOut(m);
    for (let i = 1; i < 20; i += 2) {
      if (a.state[i] === SHORT_SERVICE) continue;
      expect(eventsOf(m, i)).toEqual([[EV_REJECTED, S.jobSearch, REASON_NO_CAPACITY]]);
    }
  });

  it('an overdraft: no places left means no starts until the places are refilled', () => {
    const m = model({}, {}, 6);
    const a = m.agents;
    for (let i = 0; i < 6; i++) { a.pending[i] = S.jobSearch; a.pendingByAdvisor[i] = 1; }
    m.slotsLeft[S.jobSearch] = -2;
    applications(m);
    expect(Array.from(a.state)).toEqual(new Array(6).fill(UNEMPLOYED));
    expect(m.slotsLeft[S.jobSearch]).toBe(-2);
  });

  /** Requests by 0..19 for the language course; even ids hold an economic right, odd ids (refugees) do not. */
  function twoTiers(places: number, priorityByNeed: number): Model {
    const m = model({}, { priorityByNeed, levelMatching: 1 }, 20);
    const a = m.agents;
    for (let i = 0; i < 20; i++) {
      a.known[i] = bit(S.language); a.fit[i] = bit(S.language); a.selfEfficacy[i] = 1; a.group[i] = REFUGEE;
      a.entitlements[i] = i % 2 === 0 ? ENT_UNEMPLOYMENT_BENEFIT : 0;
    }
    m.slotsLeft[S.language] = places;
    return m;
  }

  it('two tiers: rights holders share the places first (min(1, places/first)); losers are refused for capacity', () => {
    const m = twoTiers(5, 0); // 10 first-tier requests for 5 places: 1/2; nothing left for the second tier
    applications(m);
    const a = m.agents;
    const gotAt0 = Array.from({ length: 20 }, (_, i) => i % 2 === 0 && draw(m, i, P_CAPACITY) < 0.5);
    waitOut(m);
    for (let i = 0; i < 20; i++) {
      const gets = gotAt0[i];
      expect(a.state[i]).toBe(gets ? SHORT_SERVICE : UNEMPLOYED);
      const reason = gets ? undefined : i % 2 === 0 ? REASON_NO_CAPACITY : REASON_NOT_PRIORITY;
      expect(eventsOf(m, i).filter((e) => e[0] === EV_REJECTED)).toEqual(reason === undefined ? [] : [[EV_REJECTED, S.language, reason]]);
    }
  });

  it('two tiers: the second gets what the first leaves (max(0, places − first)/second); its losers are refused as not a priority', () => {
    const m = twoTiers(14, 0); // 10 first-tier requests, all served; 4 places for 10 in the second tier
    applications(m);
    const a = m.agents;
    const gotAt0 = Array.from({ length: 20 }, (_, i) => i % 2 === 0 || draw(m, i, P_CAPACITY) < 4 / 10);
    waitOut(m);
    let second = 0;
    for (let i = 0; i < 20; i++) {
      const gets = gotAt0[i];
      if (i % 2 === 1 && gets) second++;
      expect(a.state[i]).toBe(gets ? SHORT_SERVICE : UNEMPLOYED);
      expect(eventsOf(m, i).filter((e) => e[0] === EV_REJECTED)).toEqual(gets ? [] : [[EV_REJECTED, S.language, REASON_NOT_PRIORITY]]);
    }
    expect(second).toBeGreaterThan(0);
  });

  it('two tiers with priority by need: a person without rights is in the first tier with chance priorityByNeed', () => {
    const m = twoTiers(10, 0.5);
    const top = Array.from({ length: 20 }, (_, i) => i % 2 === 0 || draw2(m, i, P_DECIDE) < 0.5);
    const first = top.filter(Boolean).length;
    applications(m);
    const a = m.agents;
    const pFirst = Math.min(1, 10 / first), pSecond = Math.max(0, 10 - first) / (20 - first);
    const gets = Array.from({ length: 20 }, (_, i) => draw(m, i, P_CAPACITY) < (top[i] ? pFirst : pSecond));
    for (let i = 0; i < 20; i++) expect(a.state[i]).toBe(gets[i] ? SHORT_SERVICE : UNEMPLOYED);
    expect(first).toBeGreaterThan(10);
    waitOut(m); // the tier is drawn again each week: the reason is the last week's
    for (let i = 0; i < 20; i++) {
      if (gets[i]) continue;
      const last = i % 2 === 0 || draw2(m, i, P_DECIDE) < 0.5;
      expect(eventsOf(m, i)).toEqual([[EV_REJECTED, S.language, last ? REASON_NO_CAPACITY : REASON_NOT_PRIORITY]]);
    }
  });

  it('the budget: winners are refused for budget once it is spent, offers simply lapse; no starts', () => {
    const m = model({}, {}, 6);
    const a = m.agents;
    for (let i = 0; i < 3; i++) { a.known[i] = bit(S.jobSearch); a.fit[i] = bit(S.jobSearch); a.selfEfficacy[i] = 1; } // requests
    for (let i = 3; i < 6; i++) { a.pending[i] = S.jobSearch; a.pendingByAdvisor[i] = 1; } // offers
    m.slotsLeft[S.jobSearch] = 100;
    m.budgetLeft = 0;
    applications(m);
    for (let i = 0; i < 6; i++) {
      expect(a.state[i]).toBe(UNEMPLOYED);
      expect(a.pending[i]).toBe(PENDING_NONE);
      expect(eventsOf(m, i)).toEqual(i < 3 ? [[EV_REJECTED, S.jobSearch, REASON_NO_BUDGET]] : []);
    }
    expect(m.slotsLeft[S.jobSearch]).toBe(100);
    expect(m.recorder.rejectionsByReason[REASON_NO_BUDGET]).toBe(3);
    m.budgetLeft = 1; // any money left: the starts go ahead (and may overspend)
    setWeek(m, 1);
    for (let i = 3; i < 6; i++) { a.pending[i] = S.jobSearch; a.pendingByAdvisor[i] = 1; }
    applications(m);
    for (let i = 3; i < 6; i++) expect(a.state[i]).toBe(SHORT_SERVICE);
  });
});

describe('enrol', () => {
  it('sets the pathway and counts long, mismatched and informally found services', () => {
    const m = model();
    const a = m.agents;
    m.slotsLeft.fill(10);
    a.education[0] = 0; enrol(m, 0, S.vocational, 1, true); // long; a formal qualification one step up fits
    a.education[1] = 2; enrol(m, 1, S.jobSearch, 0, true); // levelled, two steps off: mismatched
    a.education[2] = 2; enrol(m, 2, S.language, 0, true); // not levelled: never mismatched
    a.knownInformal[3] = bit(S.office); enrol(m, 3, S.office, 0, false); // asked for after hearing from peers
    a.knownInformal[4] = bit(S.office); enrol(m, 4, S.office, 0, true); // offered by the advisor: not by chance
    a.education[5] = 1; enrol(m, 5, S.formalEducation, 1, false); // formal education at one's own level: one step short
    expect(Array.from(a.state)).toEqual([LONG_SERVICE, SHORT_SERVICE, SHORT_SERVICE, SHORT_SERVICE, SHORT_SERVICE, LONG_SERVICE]);
    expect(Array.from(a.service)).toEqual([S.vocational, S.jobSearch, S.language, S.office, S.office, S.formalEducation]);
    expect(Array.from(a.serviceLevel)).toEqual([1, 0, 0, 0, 0, 1]);
    expect(Array.from(a.serviceWeeksLeft)).toEqual([40, 4, 16, 8, 8, 78]);
    expect(Array.from(a.servicesStarted)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(Array.from(a.longStarted)).toEqual([1, 0, 0, 0, 0, 1]);
    expect(Array.from(a.mismatched)).toEqual([0, 1, 0, 0, 0, 1]);
    expect(Array.from(a.byChance)).toEqual([0, 0, 0, 1, 0, 0]);
    expect(m.slotsLeft[S.office]).toBe(8);
    expect(m.slotsLeft[S.vocational]).toBe(9);
    expect(eventsOf(m, 3)).toEqual([[EV_APPLIED, S.office, 0], [EV_STARTED, S.office, 1]]);
    expect(eventsOf(m, 1)).toEqual([[EV_STARTED, S.jobSearch, 0]]);
  });
});

describe('entitledServices', () => {
  it('the compiled table gives, for every route and set of entitlement bits, exactly the services `entitled` lets in', () => {
    for (const name of Object.keys(SHIPPED)) {
      const t = compileServices(parseScenario(SHIPPED[name]));
      let nonEmpty = 0;
      for (let route = 0; route < ROUTES.length; route++) {
        for (let ent = 0; ent < ENTITLEMENT_SETS; ent++) {
          let expected = 0;
          for (let s = 0; s < t.count; s++) if (entitled(t, s, ent, route)) expected |= 1 << s;
          expect(entitledServices(t, ent, route), `${name}, route ${ROUTES[route]}, entitlements ${ent}`).toBe(expected);
          if (expected !== 0) nonEmpty++;
        }
      }
      expect(nonEmpty).toBeGreaterThan(0);
    }
  });
});
