import { describe, expect, it } from 'vitest';
import {
  F_BARRIER_TREATED, F_CARE, F_HEALTH_BARRIER, F_HIDDEN_BARRIER, F_INSECURE_JOB, F_OVERQUALIFIED, F_PERSISTENT, F_SEARCHED_INFO,
  PENDING_NONE,
} from '../../sim/agents.ts';
import {
  DISCOURAGED, EMPLOYED, ENT_SOCIAL_ASSISTANCE, ENT_UNEMPLOYMENT_BENEFIT, EV_ENTITLED, EV_HIRED, EV_LOST_JOB, HEALTH_BENEFIT,
  IN_EDUCATION, LONG_SERVICE, MOVED_AWAY, NO_SERVICE, P_HIRE, P_HIRE_LOWER, P_JOB_LOSS, P_TEMPORARY, QUAL_FOREIGN_RECOGNISED,
  QUAL_FOREIGN_UNRECOGNISED, SHORT_SERVICE, UNEMPLOYED,
} from '../../sim/constants.ts';
import type { Model } from '../../sim/model.ts';
import {
  AGE_PENALTY_FROM, AGE_PENALTY_FULL, DISCOURAGED_SEARCH, hireParams, hireQuality, hiresPerSearch, labourMarket, searchIntensity,
  takesLowerJobs,
} from '../../sim/phases/labour.ts';
import type { Knobs } from '../../sim/scenario.ts';
import {
  draw, eventsOf, f32, findWeek, group, makeModel, S, setWeek, type BehaviourInput, type LabourInput, type OfficeInput,
} from '../helpers.ts';

const LM: LabourInput = {
  vacanciesPer1000: [1000, 1000, 1000], hireRate: 1, languageRequired: [0.25, 0.5, 0.75], recognitionPenalty: 0.5,
  discrimination: 0.25, barrierPenalty: 0.5, incapacityPenalty: 0.75, networkReferral: 1, certificateValue: 0.125, jobLoss: 0.2, barrierJobLoss: 1,
  overqualifiedJobLoss: 10, downgradeAfterWeeks: 52, rightsAfterWeeksEmployed: 52, temporaryShare: 0, temporaryJobEnd: 0.5,
  durationPenalty: 0, durationPenaltyWeeks: 40, agePenalty: 0,
};
interface Setup { lm?: Partial<LabourInput>; knobs?: Partial<Knobs>; agents?: number; behaviour?: Partial<BehaviourInput>; office?: Partial<OfficeInput> }
function model({ lm = {}, knobs = {}, agents = 6, behaviour = {}, office = {} }: Setup = {}): Model {
  const m = makeModel({
    agents, personas: Math.min(agents, 20), labourMarket: { ...LM, ...lm },
    behaviour: { selfEfficacySearch: 0, careSearchCost: 0.5, infoSearchCost: 0.25, ...behaviour },
    office: { referralWeight: 2, ...office },
    groups: [group({ name: 'a', share: 0.5 }), group({ name: 'b', share: 0.5, facesDiscrimination: true })],
  }, knobs);
  m.agents.group.fill(0);
  return m;
}
/** Mirror of `takesLowerJobs` in sim/phases/labour.ts: weeks without work before taking jobs below one's level. */
const patience = (after: number, ambition: boolean, acceptPressure: number) => after * (ambition ? 1 : 0.25) * (1 - acceptPressure);
/** This week's hires per unit of search at `level`, from the demand the phase summed. */
const h = (m: Model, level: number) => hiresPerSearch(m.scenario.labourMarket.hireRate, m.vacancies[level], m.demand[level]);

describe('hireQuality', () => {
  it('employability, cut in proportion when language is below what the level requires', () => {
    const m = model();
    const a = m.agents;
    const hp = hireParams(m);
    a.employability[0] = 0.5; a.language[0] = 1;
    expect(hireQuality(m, hp, 0, 0)).toBeCloseTo(0.5, 12);
    a.employability[1] = 0.5; a.language[1] = 0.25;
    expect(hireQuality(m, hp, 1, 0)).toBeCloseTo(0.5, 12); // meets the 0.25 required at basic level
    expect(hireQuality(m, hp, 1, 1)).toBeCloseTo(0.5 * (0.25 / 0.5), 12);
    expect(hireQuality(m, hp, 1, 2)).toBeCloseTo(0.5 * (0.25 / 0.75), 12);
  });

  it('recognition penalty: only for an unrecognised foreign qualification, at the person\'s own level above basic', () => {
    const m = model();
    const a = m.agents;
    const hp = hireParams(m);
    a.education[0] = 2; a.foreignQual[0] = QUAL_FOREIGN_UNRECOGNISED;
    expect(hireQuality(m, hp, 0, 2)).toBeCloseTo(0.5 * 0.5, 12);
    expect(hireQuality(m, hp, 0, 1)).toBeCloseTo(0.5, 12); // a job below one's level
    a.foreignQual[0] = QUAL_FOREIGN_RECOGNISED;
    expect(hireQuality(m, hp, 0, 2)).toBeCloseTo(0.5, 12);
    a.education[1] = 0; a.foreignQual[1] = QUAL_FOREIGN_UNRECOGNISED;
    expect(hireQuality(m, hp, 1, 0)).toBeCloseTo(0.5, 12); // basic level: nothing to recognise
  });

  it('discrimination against the group, untreated barriers, persistent incapacity, network referrals and certificates', () => {
    const m = model();
    const a = m.agents;
    const hp = hireParams(m);
    a.group[0] = 1;
    expect(hireQuality(m, hp, 0, 0)).toBeCloseTo(0.5 * 0.75, 12);
    a.flags[1] = F_HEALTH_BARRIER;
    expect(hireQuality(m, hp, 1, 0)).toBeCloseTo(0.5 * 0.5, 12);
    a.flags[1] = F_HIDDEN_BARRIER;
    expect(hireQuality(m, hp, 1, 0)).toBeCloseTo(0.5 * 0.5, 12);
    a.flags[1] |= F_BARRIER_TREATED;
    expect(hireQuality(m, hp, 1, 0)).toBeCloseTo(0.5, 12);
    // a persistent barrier: the incapacity penalty instead of the barrier penalty, treated or not
    a.flags[1] = F_HEALTH_BARRIER | F_PERSISTENT;
    expect(hireQuality(m, hp, 1, 0)).toBeCloseTo(0.5 * 0.25, 12);
    a.flags[1] |= F_BARRIER_TREATED;
    expect(hireQuality(m, hp, 1, 0)).toBeCloseTo(0.5 * 0.25, 12);
    a.network[2] = 0.5; a.certificates[2] = 2;
    expect(hireQuality(m, hp, 2, 0)).toBeCloseTo(0.5 * (1 + 1 * 0.5) * (1 + 0.125 * 2), 12);
    // all together
    a.group[3] = 1; a.flags[3] = F_HEALTH_BARRIER; a.education[3] = 1; a.foreignQual[3] = QUAL_FOREIGN_UNRECOGNISED;
    a.language[3] = 0.25; a.network[3] = 0.5; a.certificates[3] = 1;
    expect(hireQuality(m, hp, 3, 1)).toBeCloseTo(0.5 * 0.5 * 0.5 * 0.75 * 0.5 * 1.5 * 1.125, 12);
  });

  it('duration penalty: the gap cuts quality in proportion up to durationPenalty at durationPenaltyWeeks', () => {
    const m = model({ lm: { durationPenalty: 0.5, durationPenaltyWeeks: 40 } });
    const a = m.agents;
    const hp = hireParams(m);
    const q = (gap: number) => { a.weeksIdle[0] = gap; return hireQuality(m, hp, 0, 0); };
    expect(q(0)).toBeCloseTo(0.5, 12);
    expect(q(10)).toBeCloseTo(0.5 * (1 - 0.5 * 10 / 40), 12);
    expect(q(20)).toBeCloseTo(0.5 * (1 - 0.5 * 0.5), 12);
    expect(q(40)).toBeCloseTo(0.5 * 0.5, 12);
    expect(q(400)).toBeCloseTo(0.5 * 0.5, 12);
    a.weeksUnemployed[1] = 100; // weeks in services do not count: only the idle gap
    expect(hireQuality(m, hp, 1, 0)).toBeCloseTo(0.5, 12);
  });

  it('age penalty: none up to AGE_PENALTY_FROM, in proportion up to agePenalty at AGE_PENALTY_FULL and above', () => {
    const m = model({ lm: { agePenalty: 0.4 } });
    const a = m.agents;
    const hp = hireParams(m);
    const span = AGE_PENALTY_FULL - AGE_PENALTY_FROM;
    const q = (age: number) => { a.age[0] = age; return hireQuality(m, hp, 0, 0); };
    expect(q(30)).toBeCloseTo(0.5, 12);
    expect(q(AGE_PENALTY_FROM)).toBeCloseTo(0.5, 12);
    expect(q(AGE_PENALTY_FROM + 1)).toBeCloseTo(0.5 * (1 - 0.4 * (1 / span)), 12);
    expect(q(AGE_PENALTY_FROM + 6)).toBeCloseTo(0.5 * (1 - 0.4 * (6 / span)), 12);
    expect(q(AGE_PENALTY_FULL)).toBeCloseTo(0.5 * 0.6, 12);
    expect(q(AGE_PENALTY_FULL + 2)).toBeCloseTo(0.5 * 0.6, 12);
  });
});

describe('searchIntensity', () => {
  it('by state: full when searching, less in an information week, the service\'s in a service, low when discouraged, none in work or out', () => {
    const m = model({ behaviour: { infoSearchCost: 0.25, selfEfficacySearch: 0 } });
    const a = m.agents;
    a.state[0] = LONG_SERVICE; a.service[0] = S.vocational;
    a.state[1] = SHORT_SERVICE; a.service[1] = S.jobSearch;
    a.state[3] = DISCOURAGED;
    a.state[4] = EMPLOYED;
    a.flags[5] = F_SEARCHED_INFO;
    expect([0, 1, 2, 3, 4, 5].map((i) => searchIntensity(m, i))).toEqual([
      m.services.searchIntensity[S.vocational], m.services.searchIntensity[S.jobSearch], 1, DISCOURAGED_SEARCH, 0, 0.75,
    ]);
    for (const out of [HEALTH_BENEFIT, IN_EDUCATION, MOVED_AWAY]) { a.state[2] = out; expect(searchIntensity(m, 2)).toBe(0); }
  });

  it('times (1 − selfEfficacySearch·(1 − SE)), times (1 − careSearchCost) with care duties, times (1 + push)', () => {
    const m = model({ behaviour: { selfEfficacySearch: 0.5, careSearchCost: 0.25 } });
    const a = m.agents;
    a.selfEfficacy[0] = 0.5;
    expect(searchIntensity(m, 0)).toBeCloseTo(1 - 0.5 * 0.5, 12);
    a.selfEfficacy[1] = 1; a.flags[1] = F_CARE;
    expect(searchIntensity(m, 1)).toBeCloseTo(0.75, 12);
    a.selfEfficacy[2] = 1; a.push[2] = 0.5;
    expect(searchIntensity(m, 2)).toBeCloseTo(1.5, 12);
    a.selfEfficacy[3] = 0.25; a.flags[3] = F_CARE; a.push[3] = 0.25; a.state[3] = DISCOURAGED;
    expect(searchIntensity(m, 3)).toBeCloseTo(DISCOURAGED_SEARCH * (1 - 0.5 * 0.75) * 0.75 * 1.25, 6);
    a.selfEfficacy[4] = 0; a.push[4] = 1; a.state[4] = EMPLOYED;
    expect(searchIntensity(m, 4)).toBe(0);
  });
});

describe('takesLowerJobs', () => {
  it('after patience weeks without work (longer with ambition), shortened by acceptPressure; never at basic level', () => {
    for (const acceptPressure of [0, 0.5]) {
      const m = model({ lm: { downgradeAfterWeeks: 52 }, knobs: { acceptPressure } });
      const a = m.agents;
      for (const ambition of [false, true]) {
        const p = patience(52, ambition, acceptPressure);
        a.education[0] = 1; a.ambition[0] = ambition ? 1 : 0;
        a.weeksUnemployed[0] = Math.ceil(p) - 1;
        expect(takesLowerJobs(m, 0)).toBe(false);
        a.weeksUnemployed[0] = Math.ceil(p);
        expect(takesLowerJobs(m, 0)).toBe(true);
        a.education[0] = 0;
        expect(takesLowerJobs(m, 0)).toBe(false);
      }
    }
    const full = model({ lm: { downgradeAfterWeeks: 52 }, knobs: { acceptPressure: 1 } });
    full.agents.education[0] = 2; full.agents.ambition[0] = 1;
    expect(takesLowerJobs(full, 0)).toBe(true); // full pressure: any job at once
  });
});

describe('hiresPerSearch', () => {
  it('no vacancies or no hire rate: 0; no search: hireRate', () => {
    expect(hiresPerSearch(0.5, 0, 10)).toBe(0);
    expect(hiresPerSearch(0, 10, 10)).toBe(0);
    expect(hiresPerSearch(0.5, 10, 0)).toBe(0.5);
  });

  it('V·(1 − exp(−hireRate·D/V))/D', () => {
    expect(hiresPerSearch(0.5, 4, 10)).toBeCloseTo(4 * (1 - Math.exp(-0.5 * 10 / 4)) / 10, 12);
    expect(hiresPerSearch(0.25, 3, 1)).toBeCloseTo(3 * (1 - Math.exp(-0.25 / 3)) / 1, 12);
  });

  it('plentiful vacancies: hires → hireRate·D; scarce: hires → V', () => {
    const plenty = hiresPerSearch(0.5, 1e7, 10);
    expect(plenty * 10).toBeCloseTo(0.5 * 10, 5);
    expect(plenty).toBeLessThanOrEqual(0.5);
    expect(hiresPerSearch(0.5, 1e12, 10)).toBe(0.5);
    expect(hiresPerSearch(0.5, 2, 10000) * 10000).toBeCloseTo(2, 9);
    for (const [V, D] of [[1, 1], [5, 100], [100, 5], [0.5, 0.25]]) {
      const hires = hiresPerSearch(0.5, V, D) * D;
      expect(hires).toBeLessThanOrEqual(Math.min(V, 0.5 * D) + 1e-12);
      expect(hires).toBeGreaterThan(0);
    }
  });
});

describe('labour market phase', () => {
  it('pass 1: effective search at one\'s own level and one level down, summed per level into demand', () => {
    const m = model({ lm: { downgradeAfterWeeks: 0, vacanciesPer1000: [0, 0, 0] } }); // no vacancies: nobody is hired
    const a = m.agents;
    const hp = hireParams(m);
    a.education[0] = 0; a.employability[0] = 0.5;
    a.education[1] = 2; a.employability[1] = 0.5; a.state[1] = DISCOURAGED;
    a.education[2] = 1; a.employability[2] = 0.25; a.state[2] = LONG_SERVICE; a.service[2] = S.vocational; a.serviceWeeksLeft[2] = 5;
    a.state[3] = EMPLOYED; a.state[4] = HEALTH_BENEFIT; a.state[5] = MOVED_AWAY;
    const expectOwn = [0, 1, 2].map((i) => searchIntensity(m, i) * hireQuality(m, hp, i, a.education[i]));
    const expectLow = [0, 1, 2].map((i) => (a.education[i] > 0 ? searchIntensity(m, i) * hireQuality(m, hp, i, a.education[i] - 1) : 0));
    labourMarket(m);
    for (let i = 0; i < 3; i++) {
      expect(a.searchOwn[i]).toBe(f32(expectOwn[i]));
      expect(a.searchLow[i]).toBe(f32(expectLow[i]));
    }
    const si = m.services.searchIntensity[S.vocational];
    expect(m.demand[0]).toBeCloseTo(0.5 + si * 0.25, 6);
    expect(m.demand[1]).toBeCloseTo(DISCOURAGED_SEARCH * 0.5 + si * 0.25, 6); // agent 1 one level down, agent 2 at its own level
    expect(m.demand[2]).toBeCloseTo(DISCOURAGED_SEARCH * 0.5, 6);
    expect(Array.from(a.state)).toEqual([UNEMPLOYED, DISCOURAGED, LONG_SERVICE, EMPLOYED, HEALTH_BENEFIT, MOVED_AWAY]);
    expect([a.weeksUnemployed[4], a.weeksUnemployed[5]]).toEqual([0, 0]); // out of the labour force: nothing counts
  });

  it('a referral adds referralWeight × quality at the referred level', () => {
    const m = model({ lm: { downgradeAfterWeeks: 0, vacanciesPer1000: [0, 0, 0] }, office: { referralWeight: 3 } });
    const a = m.agents;
    const hp = hireParams(m);
    a.education[0] = 2; a.referredLevel[0] = 2;
    a.education[1] = 2; a.referredLevel[1] = 1;
    a.education[2] = 2; a.referredLevel[2] = 1; a.state[2] = LONG_SERVICE; a.service[2] = S.vocational; a.serviceWeeksLeft[2] = 5;
    for (let i = 3; i < 6; i++) a.state[i] = EMPLOYED;
    const q = (i: number, l: number) => hireQuality(m, hp, i, l);
    labourMarket(m);
    expect(a.searchOwn[0]).toBe(f32(q(0, 2) + 3 * q(0, 2)));
    expect(a.searchLow[0]).toBe(f32(q(0, 1)));
    expect(a.searchOwn[1]).toBe(f32(q(1, 2)));
    expect(a.searchLow[1]).toBe(f32(q(1, 1) + 3 * q(1, 1)));
    const si = m.services.searchIntensity[S.vocational];
    expect(a.searchLow[2]).toBe(f32(si * q(2, 1) + 3 * q(2, 1)));
  });

  it('a hire at one\'s own level with chance searchOwn × hiresPerSearch(own level); a new spell, gap and push reset', () => {
    const m = model({ lm: { hireRate: 0.5, vacanciesPer1000: [250, 1000, 1000] }, agents: 20 });
    const a = m.agents;
    for (let i = 0; i < 20; i++) { a.employability[i] = 1; a.weeksUnemployed[i] = 3; a.weeksIdle[i] = 3; a.push[i] = 0.5; }
    a.state[1] = LONG_SERVICE; a.service[1] = S.vocational; a.serviceWeeksLeft[1] = 9;
    a.state[2] = DISCOURAGED;
    a.firstJobWeek[4] = 2; // had a job before
    a.pending[5] = S.jobSearch; a.pendingByAdvisor[5] = 2; // a request waiting for a place
    findWeek(m, () => draw(m, 5, P_HIRE) < 0.25 && draw(m, 4, P_HIRE) < 0.25, 5);
    labourMarket(m);
    expect(m.vacancies[0]).toBe(5);
    const h0 = h(m, 0);
    expect(h0).toBeLessThan(0.5); // 5 vacancies for more than 5 units of search: scarce
    let hired = 0;
    for (let i = 0; i < 20; i++) {
      const hire = draw(m, i, P_HIRE) < a.searchOwn[i] * h0;
      expect(a.state[i], `agent ${i}`).toBe(hire ? EMPLOYED : i === 1 ? LONG_SERVICE : i === 2 ? DISCOURAGED : UNEMPLOYED);
      if (!hire) {
        expect(a.weeksUnemployed[i]).toBe(4);
        expect(a.weeksIdle[i]).toBe(i === 1 ? 3 : 4); // weeks in a service are not a gap
        continue;
      }
      hired++;
      expect(a.weeksUnemployed[i]).toBe(0);
      expect(a.weeksIdle[i]).toBe(0);
      expect(a.push[i]).toBe(0);
      expect(a.service[i]).toBe(NO_SERVICE);
      expect(a.pending[i]).toBe(PENDING_NONE);
      expect(a.firstJobWeek[i]).toBe(i === 4 ? 2 : m.week);
      expect(eventsOf(m, i)).toEqual([[EV_HIRED, 0, 0]]);
    }
    expect(hired).toBeGreaterThan(0);
    expect(m.recorder.hires[0]).toBe(hired);
  });

  it('competition: more search by some leaves fewer hires per search for all', () => {
    const m = model({ lm: { hireRate: 0.5, vacanciesPer1000: [100, 1000, 1000] }, agents: 20 });
    labourMarket(m);
    const before = h(m, 0);
    const m2 = model({ lm: { hireRate: 0.5, vacanciesPer1000: [100, 1000, 1000] }, agents: 20 });
    m2.agents.push.fill(1); // everyone searches twice as hard
    labourMarket(m2);
    expect(m2.demand[0]).toBeCloseTo(2 * m.demand[0], 5);
    expect(h(m2, 0)).toBeLessThan(before);
    expect(h(m2, 0) * m2.demand[0]).toBeLessThanOrEqual(m2.vacancies[0]);
  });

  it('overqualified hires: when no job comes at one\'s own level, a job one level down with chance searchLow × h(low), flagged', () => {
    const m = model({ lm: { recognitionPenalty: 1, downgradeAfterWeeks: 0, hireRate: 0.5 }, agents: 20 });
    const a = m.agents;
    for (let i = 0; i < 20; i++) { a.education[i] = 2; a.foreignQual[i] = QUAL_FOREIGN_UNRECOGNISED; a.employability[i] = 1; } // no chance at level 2
    setWeek(m, 7);
    labourMarket(m);
    expect(m.demand[2]).toBe(0);
    let hired = 0;
    for (let i = 0; i < 20; i++) {
      const hire = draw(m, i, P_HIRE_LOWER) < a.searchLow[i] * h(m, 1);
      expect(a.state[i]).toBe(hire ? EMPLOYED : UNEMPLOYED);
      expect((a.flags[i] & F_OVERQUALIFIED) !== 0).toBe(hire);
      if (hire) { hired++; expect(eventsOf(m, i)).toEqual([[EV_HIRED, 1, 1]]); }
    }
    expect(hired).toBeGreaterThan(0);
    expect(m.recorder.hires[1]).toBe(hired);
  });

  it('no hire below one\'s level before the patience runs out', () => {
    const m = model({ lm: { recognitionPenalty: 1, downgradeAfterWeeks: 52 }, knobs: { acceptPressure: 0 } });
    const a = m.agents;
    a.education[0] = 2; a.foreignQual[0] = QUAL_FOREIGN_UNRECOGNISED; a.employability[0] = 1; a.ambition[0] = 1;
    a.weeksUnemployed[0] = 10;
    labourMarket(m);
    expect(a.searchLow[0]).toBe(0);
    expect(a.state[0]).toBe(UNEMPLOYED);
    expect(a.weeksUnemployed[0]).toBe(11);
  });

  it('a hire is temporary with chance temporaryShare', () => {
    const m = model({ lm: { temporaryShare: 0.5, vacanciesPer1000: [1000, 0, 0], hireRate: 1 }, agents: 20 });
    const a = m.agents;
    a.employability.fill(1);
    setWeek(m, 3);
    labourMarket(m);
    let temporary = 0;
    for (let i = 0; i < 20; i++) {
      if (a.state[i] !== EMPLOYED) continue;
      const t = draw(m, i, P_TEMPORARY) < 0.5;
      expect((a.flags[i] & F_INSECURE_JOB) !== 0).toBe(t);
      temporary += t ? 1 : 0;
    }
    expect(temporary).toBeGreaterThan(0);
  });

  it('job loss: (temporary ? temporaryJobEnd : jobLoss) × (overqualified multiplier) × (1 − employability/2); rights after enough weeks', () => {
    const m = model({ lm: { jobLoss: 0.2, temporaryJobEnd: 0.5, overqualifiedJobLoss: 10, rightsAfterWeeksEmployed: 52 }, agents: 20 });
    const a = m.agents;
    for (let i = 0; i < 20; i++) { a.state[i] = EMPLOYED; a.employability[i] = 0.5; a.weeksEmployed[i] = 10; }
    // overqualified: 0.2 × 10 × 0.75 > 1, certain
    a.flags[0] = F_OVERQUALIFIED; a.weeksEmployed[0] = 51;
    a.flags[1] = F_OVERQUALIFIED | F_INSECURE_JOB; a.weeksEmployed[1] = 10;
    a.flags[2] = F_OVERQUALIFIED; a.weeksEmployed[2] = 60; a.entitlements[2] = ENT_UNEMPLOYMENT_BENEFIT | ENT_SOCIAL_ASSISTANCE;
    for (let i = 10; i < 20; i++) a.flags[i] = F_INSECURE_JOB;
    setWeek(m, 8);
    labourMarket(m);
    for (const i of [0, 1, 2]) {
      expect(a.state[i]).toBe(UNEMPLOYED);
      expect(a.flags[i] & (F_OVERQUALIFIED | F_INSECURE_JOB)).toBe(0);
      expect(a.weeksEmployed[i]).toBe(0);
    }
    expect(a.entitlements[0]).toBe(ENT_UNEMPLOYMENT_BENEFIT);
    expect(eventsOf(m, 0)).toEqual([[EV_LOST_JOB, 0, 0], [EV_ENTITLED, ENT_UNEMPLOYMENT_BENEFIT, 0]]);
    expect(a.entitlements[1]).toBe(0);
    expect(eventsOf(m, 1)).toEqual([[EV_LOST_JOB, 0, 0]]);
    expect(a.entitlements[2]).toBe(ENT_UNEMPLOYMENT_BENEFIT | ENT_SOCIAL_ASSISTANCE);
    let lost = 0;
    for (let i = 3; i < 20; i++) {
      const l = draw(m, i, P_JOB_LOSS) < (i >= 10 ? 0.5 : 0.2) * 0.75;
      expect(a.state[i], `agent ${i}`).toBe(l ? UNEMPLOYED : EMPLOYED);
      expect(a.weeksEmployed[i]).toBe(l ? 0 : 11);
      lost += l ? 1 : 0;
    }
    expect(lost).toBeGreaterThan(0);
    expect(lost).toBeLessThan(17);
    expect(a.weeksUnemployed[3]).toBe(0); // the week of losing a job is not counted as searching
  });

  it('job loss × barrierJobLoss for an untreated or persistent barrier; a treated one holds like any other job', () => {
    const m = model({ lm: { jobLoss: 0.1, barrierJobLoss: 4, temporaryJobEnd: 0 }, agents: 40 });
    const a = m.agents;
    const kinds = [0, F_HEALTH_BARRIER, F_HEALTH_BARRIER | F_BARRIER_TREATED, F_HEALTH_BARRIER | F_PERSISTENT | F_BARRIER_TREATED, F_HIDDEN_BARRIER];
    for (let i = 0; i < 40; i++) { a.state[i] = EMPLOYED; a.employability[i] = 0.5; a.weeksEmployed[i] = 5; a.flags[i] = kinds[i % 5]; }
    setWeek(m, 3);
    labourMarket(m);
    let extra = 0;
    for (let i = 0; i < 40; i++) {
      const times = [1, 4, 1, 4, 4][i % 5];
      const l = draw(m, i, P_JOB_LOSS) < 0.1 * times * 0.75;
      expect(a.state[i], `agent ${i}`).toBe(l ? UNEMPLOYED : EMPLOYED);
      if (times > 1 && l && draw(m, i, P_JOB_LOSS) >= 0.1 * 0.75) extra++;
    }
    expect(extra).toBeGreaterThan(0); // some lost a job only because of the barrier
  });
});
