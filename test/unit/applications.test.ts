import { describe, expect, it } from 'vitest';
import { PENDING_NONE } from '../../sim/agents.ts';
import {
  DISCOURAGED, ENT_UNEMPLOYMENT_BENEFIT, EV_APPLIED, EV_DISCOURAGED, EV_REJECTED, EV_STARTED, LONG_SERVICE, P_APPLY,
  P_APPLY_WHICH, P_CAPACITY, P_DECIDE, REASON_ALREADY_HOLDS, REASON_LEVEL, REASON_NO_CAPACITY, REASON_NOT_ENTITLED,
  REASON_NOT_PRIORITY, SHORT_SERVICE, UNEMPLOYED,
} from '../../sim/constants.ts';
import type { Model } from '../../sim/model.ts';
import { applications, enrol, refusalReason, reject } from '../../sim/phases/applications.ts';
import { uniform } from '../../sim/rng.ts';
import type { Knobs } from '../../sim/scenario.ts';
import { pickBit } from '../../sim/services.ts';
import { bit, eventsOf, f32, group, makeModel, S, setWeek, type BehaviourInput } from '../helpers.ts';

const REFUGEE = 1; // group index of the refugee group below
function model(behaviour: Partial<BehaviourInput> = {}, knobs: Partial<Knobs> = {}, agents = 6): Model {
  return makeModel({
    agents, personas: Math.min(agents, 20),
    groups: [group({ name: 'native', share: 0.5, route: 'native' }), group({ name: 'refugees', share: 0.5, route: 'refugee' })],
    behaviour: { applyChance: 1, rejectionHit: 0.1, discouragedBelow: 0.15, ...behaviour },
  }, knobs);
}
const draw = (m: Model, i: number, p: number) => uniform(i, m.keys.week[p]);

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
    a.education[0] = 1; a.foreignQual[0] = 1; a.assessedLevel[0] = 1;
    expect(refusalReason(m, 0, S.office, 1)).toBe(REASON_ALREADY_HOLDS);
    a.education[1] = 0; a.assessedLevel[1] = 1;
    expect(refusalReason(m, 1, S.office, 1)).toBe(0);
    a.education[2] = 2; a.assessedLevel[2] = 2;
    expect(refusalReason(m, 2, S.jobSearch, 2)).toBe(0); // the job-search course is not refused for what one holds
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

  it('not a priority group: services that go to rights holders first, unless the draw passes priority by need', () => {
    const m = model({}, { priorityByNeed: 0 });
    const a = m.agents;
    a.group[0] = REFUGEE; // entitled to the language course by route, but without economic rights
    expect(refusalReason(m, 0, S.language, 0)).toBe(REASON_NOT_PRIORITY);
    a.group[1] = REFUGEE; a.entitlements[1] = ENT_UNEMPLOYMENT_BENEFIT;
    expect(refusalReason(m, 1, S.language, 0)).toBe(0);
    const need = model({}, { priorityByNeed: 1 });
    need.agents.group[0] = REFUGEE;
    expect(refusalReason(need, 0, S.language, 0)).toBe(0);
    const half = model({}, { priorityByNeed: 0.5 }, 20);
    half.agents.group.fill(REFUGEE);
    for (let i = 0; i < 20; i++)
      expect(refusalReason(half, i, S.language, 0)).toBe(uniform(i, half.keys.week2[P_DECIDE]) >= 0.5 ? REASON_NOT_PRIORITY : 0);
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
    ask(3, S.language); a.group[3] = REFUGEE; // entitled by route, no rights: not a priority
    ask(4, S.jobSearch); // passes the rules; no places left
    ask(5, S.office); // passes, and there is a place
    m.slotsLeft[S.office] = 3; m.slotsLeft[S.jobSearch] = 0;
    applications(m);
    const reasons = [REASON_NOT_ENTITLED, REASON_ALREADY_HOLDS, REASON_LEVEL, REASON_NOT_PRIORITY, REASON_NO_CAPACITY];
    const services = [S.vocational, S.office, S.jobSearch, S.language, S.jobSearch];
    for (let i = 0; i < 5; i++) {
      expect(eventsOf(m, i)).toEqual([[EV_REJECTED, services[i], reasons[i]]]);
      expect(a.rejections[i]).toBe(1);
      expect(a.refused[i]).toBe(bit(services[i]));
      expect(a.selfEfficacy[i]).toBe(f32(1 * 0.9));
      expect(a.state[i]).toBe(UNEMPLOYED);
    }
    expect(Array.from(a.applications)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(a.state[5]).toBe(SHORT_SERVICE);
    expect(a.service[5]).toBe(S.office);
    expect(a.serviceLevel[5]).toBe(0);
    expect(a.rejections[5]).toBe(0);
    expect(eventsOf(m, 5)).toEqual([[EV_APPLIED, S.office, 0], [EV_STARTED, S.office, 1]]);
    expect(m.slotsLeft[S.office]).toBe(2);
    expect(Array.from(a.pending)).toEqual(new Array(6).fill(PENDING_NONE));
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
    for (let i = 0; i < 20; i++) { a.pending[i] = S.office; a.pendingLevel[i] = 2; a.pendingByAdvisor[i] = 1; a.education[i] = 2; }
    m.slotsLeft[S.office] = 5; // 20 offers share 5 places: chance 1/4 each
    applications(m);
    let started = 0, left = 5;
    for (let i = 0; i < 20; i++) {
      const gets = left >= 1 && draw(m, i, P_CAPACITY) < 0.25;
      if (gets) left--;
      expect(a.state[i]).toBe(gets ? SHORT_SERVICE : UNEMPLOYED);
      started += gets ? 1 : 0;
      expect(a.rejections[i]).toBe(0);
      expect(a.applications[i]).toBe(0);
      expect(a.pending[i]).toBe(PENDING_NONE);
    }
    expect(started).toBeGreaterThan(0);
    expect(m.slotsLeft[S.office]).toBe(5 - started);
  });

  it('capacity: requests and offers share the places by lottery; a request without a place is refused for capacity', () => {
    const m = model({}, {}, 20);
    const a = m.agents;
    for (let i = 0; i < 20; i++) {
      if (i % 2 === 0) { a.pending[i] = S.jobSearch; a.pendingByAdvisor[i] = 1; } // offers
      else { a.known[i] = bit(S.jobSearch); a.fit[i] = bit(S.jobSearch); a.selfEfficacy[i] = 1; } // requests
    }
    m.slotsLeft[S.jobSearch] = 4;
    setWeek(m, 6);
    applications(m);
    let left = 4;
    for (let i = 0; i < 20; i++) {
      const gets = left >= 1 && draw(m, i, P_CAPACITY) < 4 / 20;
      if (gets) left--;
      expect(a.state[i]).toBe(gets ? SHORT_SERVICE : UNEMPLOYED);
      const refused = !gets && i % 2 === 1;
      expect(a.rejections[i]).toBe(refused ? 1 : 0);
      if (refused) expect(eventsOf(m, i)).toEqual([[EV_REJECTED, S.jobSearch, REASON_NO_CAPACITY]]);
    }
    expect(m.slotsLeft[S.jobSearch]).toBe(left);
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
