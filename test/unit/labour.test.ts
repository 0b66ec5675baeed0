import { describe, expect, it } from 'vitest';
import { F_BARRIER_TREATED, F_HEALTH_BARRIER, F_HIDDEN_BARRIER, F_OVERQUALIFIED } from '../../sim/agents.ts';
import {
  DISCOURAGED, EMPLOYED, ENT_SOCIAL_ASSISTANCE, ENT_UNEMPLOYMENT_BENEFIT, EV_ENTITLED, EV_HIRED, EV_LOST_JOB,
  LONG_SERVICE, NO_SERVICE, P_HIRE, P_JOB_LOSS, QUAL_FOREIGN_RECOGNISED, QUAL_FOREIGN_UNRECOGNISED, UNEMPLOYED,
} from '../../sim/constants.ts';
import type { Model } from '../../sim/model.ts';
import { DISCOURAGED_SEARCH, hireParams, hireQuality, labourMarket, measureDemand, takesLowerJobs } from '../../sim/phases/labour.ts';
import { uniform } from '../../sim/rng.ts';
import type { Knobs } from '../../sim/scenario.ts';
import { eventsOf, group, makeModel, S, setWeek, type LabourInput } from '../helpers.ts';

const LM: LabourInput = {
  vacanciesPer1000: [1000, 1000, 1000], hireRate: 1, languageRequired: [0.25, 0.5, 0.75], recognitionPenalty: 0.5,
  discrimination: 0.25, barrierPenalty: 0.5, networkReferral: 1, certificateValue: 0.125, jobLoss: 0.2,
  overqualifiedJobLoss: 10, downgradeAfterWeeks: 52, rightsAfterWeeksEmployed: 52,
};
function model(lm: Partial<LabourInput> = {}, knobs: Partial<Knobs> = {}, agents = 6): Model {
  const m = makeModel({
    agents, personas: Math.min(agents, 20), labourMarket: { ...LM, ...lm },
    groups: [group({ name: 'a', share: 0.5 }), group({ name: 'b', share: 0.5, facesDiscrimination: true })],
  }, knobs);
  m.agents.group.fill(0);
  return m;
}
const draw = (m: Model, i: number, p: number) => uniform(i, m.keys.week[p]);
/** Mirror of `takesLowerJobs` in sim/phases/labour.ts: weeks without work before taking jobs below one's level. */
const patience = (after: number, ambition: boolean, activityTarget: number) => after * (ambition ? 1 : 0.25) * (1 - 0.75 * activityTarget);

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

  it('discrimination against the group, untreated barriers, network referrals and certificates', () => {
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
    a.network[2] = 0.5; a.certificates[2] = 2;
    expect(hireQuality(m, hp, 2, 0)).toBeCloseTo(0.5 * (1 + 1 * 0.5) * (1 + 0.125 * 2), 12);
    // all together
    a.group[3] = 1; a.flags[3] = F_HEALTH_BARRIER; a.education[3] = 1; a.foreignQual[3] = QUAL_FOREIGN_UNRECOGNISED;
    a.language[3] = 0.25; a.network[3] = 0.5; a.certificates[3] = 1;
    expect(hireQuality(m, hp, 3, 1)).toBeCloseTo(0.5 * 0.5 * 0.5 * 0.75 * 0.5 * 1.5 * 1.125, 12);
  });
});

describe('takesLowerJobs', () => {
  it('after patience weeks without work (longer with ambition), shortened by activity targets; never at basic level', () => {
    for (const activityTarget of [0, 1]) {
      const m = model({ downgradeAfterWeeks: 52 }, { activityTarget });
      const a = m.agents;
      for (const ambition of [false, true]) {
        const p = patience(52, ambition, activityTarget);
        a.education[0] = 1; a.ambition[0] = ambition ? 1 : 0;
        a.weeksUnemployed[0] = Math.ceil(p) - 1;
        expect(takesLowerJobs(m, 0)).toBe(false);
        a.weeksUnemployed[0] = Math.ceil(p);
        expect(takesLowerJobs(m, 0)).toBe(true);
        a.education[0] = 0;
        expect(takesLowerJobs(m, 0)).toBe(false);
      }
    }
  });
});

describe('labour market phase', () => {
  it('a hire at one\'s own level: chance hireRate × search intensity × quality × congestion', () => {
    const m = model({ hireRate: 1 }, {}, 20);
    const a = m.agents;
    for (let i = 0; i < 20; i++) { a.employability[i] = 1; a.weeksUnemployed[i] = 3; }
    a.state[1] = LONG_SERVICE; a.service[1] = S.vocational; a.serviceWeeksLeft[1] = 9; // searches at 0.125
    a.state[2] = DISCOURAGED;
    a.employability[3] = 0;
    a.firstJobWeek[4] = 2; // had a job before
    setWeek(m, 5);
    labourMarket(m);
    expect(a.state[0]).toBe(EMPLOYED);
    expect(a.firstJobWeek[0]).toBe(5);
    expect(a.weeksUnemployed[0]).toBe(0); // a new spell starts if the job ends
    expect(a.weeksUnemployed[3]).toBe(4); // one more week without work
    expect(a.weeksEmployed[0]).toBe(0);
    expect(eventsOf(m, 0)).toEqual([[EV_HIRED, 0, 0]]);
    const hired1 = draw(m, 1, P_HIRE) < 0.125;
    expect(a.state[1]).toBe(hired1 ? EMPLOYED : LONG_SERVICE);
    if (hired1) { expect(a.service[1]).toBe(NO_SERVICE); expect(a.serviceWeeksLeft[1]).toBe(0); }
    expect(a.state[2]).toBe(draw(m, 2, P_HIRE) < DISCOURAGED_SEARCH ? EMPLOYED : DISCOURAGED);
    expect(a.state[3]).toBe(UNEMPLOYED);
    expect(a.state[4]).toBe(EMPLOYED);
    expect(a.firstJobWeek[4]).toBe(2);
    for (let i = 5; i < 20; i++) expect(a.state[i]).toBe(EMPLOYED);
  });

  it('congestion: when last week\'s expected hires exceed the vacancies, chances shrink in proportion', () => {
    const m = model({ hireRate: 0.5, vacanciesPer1000: [250, 1000, 1000] }, {}, 20);
    const a = m.agents;
    for (let i = 0; i < 20; i++) a.employability[i] = 1;
    expect(m.vacancies[0]).toBe(5);
    m.demand[0] = 20; // expected hires 0.5 × 20 = 10 for 5 vacancies: congestion 1/2
    setWeek(m, 1);
    labourMarket(m);
    let hired = 0;
    for (let i = 0; i < 20; i++) {
      const h = draw(m, i, P_HIRE) < 0.5 * 1 * 1 * 0.5;
      expect(a.state[i]).toBe(h ? EMPLOYED : UNEMPLOYED);
      hired += h ? 1 : 0;
    }
    expect(hired).toBeGreaterThan(0);
    expect(hired).toBeLessThan(20);
    expect(m.demand[0]).toBeCloseTo(20, 12); // this week's demand, for next week: everyone who searched
    expect(m.demand[1]).toBe(0);
  });

  it('overqualified hires: when no job comes at one\'s own level, a job one level down, flagged', () => {
    const m = model({ recognitionPenalty: 1, downgradeAfterWeeks: 0 });
    const a = m.agents;
    a.education[0] = 2; a.foreignQual[0] = QUAL_FOREIGN_UNRECOGNISED; a.employability[0] = 1; // no chance at level 2
    a.education[1] = 2; a.foreignQual[1] = QUAL_FOREIGN_UNRECOGNISED; a.employability[1] = 1; a.ambition[1] = 1;
    labourMarket(m);
    for (const i of [0, 1]) {
      expect(a.state[i]).toBe(EMPLOYED);
      expect(a.flags[i] & F_OVERQUALIFIED).toBe(F_OVERQUALIFIED);
      expect(eventsOf(m, i)).toEqual([[EV_HIRED, 1, 1]]);
    }
    expect(m.demand[2]).toBe(0);
    expect(m.demand[1]).toBeCloseTo(2, 12);
  });

  it('no hire below one\'s level before the patience runs out', () => {
    const m = model({ recognitionPenalty: 1, downgradeAfterWeeks: 52 }, { activityTarget: 0 });
    const a = m.agents;
    a.education[0] = 2; a.foreignQual[0] = QUAL_FOREIGN_UNRECOGNISED; a.employability[0] = 1; a.ambition[0] = 1;
    a.weeksUnemployed[0] = 10;
    labourMarket(m);
    expect(a.state[0]).toBe(UNEMPLOYED);
    expect(a.weeksUnemployed[0]).toBe(11);
  });

  it('job loss: rate × (overqualified multiplier) × (1 − employability/2); enough weeks of work give a right to benefit', () => {
    const m = model({ jobLoss: 0.2, overqualifiedJobLoss: 10, rightsAfterWeeksEmployed: 52 }, {}, 20);
    const a = m.agents;
    for (let i = 0; i < 20; i++) { a.state[i] = EMPLOYED; a.employability[i] = 0.5; a.weeksEmployed[i] = 10; }
    // overqualified: 0.2 × 10 × 0.75 > 1, certain
    a.flags[0] = F_OVERQUALIFIED; a.weeksEmployed[0] = 51;
    a.flags[1] = F_OVERQUALIFIED; a.weeksEmployed[1] = 10;
    a.flags[2] = F_OVERQUALIFIED; a.weeksEmployed[2] = 60; a.entitlements[2] = ENT_UNEMPLOYMENT_BENEFIT | ENT_SOCIAL_ASSISTANCE;
    setWeek(m, 8);
    labourMarket(m);
    for (const i of [0, 1, 2]) {
      expect(a.state[i]).toBe(UNEMPLOYED);
      expect(a.flags[i] & F_OVERQUALIFIED).toBe(0);
      expect(a.weeksEmployed[i]).toBe(0);
    }
    expect(a.entitlements[0]).toBe(ENT_UNEMPLOYMENT_BENEFIT);
    expect(eventsOf(m, 0)).toEqual([[EV_LOST_JOB, 0, 0], [EV_ENTITLED, ENT_UNEMPLOYMENT_BENEFIT, 0]]);
    expect(a.entitlements[1]).toBe(0);
    expect(eventsOf(m, 1)).toEqual([[EV_LOST_JOB, 0, 0]]);
    expect(a.entitlements[2]).toBe(ENT_UNEMPLOYMENT_BENEFIT | ENT_SOCIAL_ASSISTANCE);
    expect(eventsOf(m, 2)).toEqual([[EV_LOST_JOB, 0, 0]]);
    let lost = 0;
    for (let i = 3; i < 20; i++) {
      const l = draw(m, i, P_JOB_LOSS) < 0.2 * 0.75;
      expect(a.state[i]).toBe(l ? UNEMPLOYED : EMPLOYED);
      expect(a.weeksEmployed[i]).toBe(l ? 0 : 11);
      lost += l ? 1 : 0;
    }
    expect(lost).toBeGreaterThan(0);
    expect(lost).toBeLessThan(17);
    expect(a.weeksUnemployed[3]).toBe(0); // the week of losing a job is not counted as searching
  });
});

describe('measureDemand', () => {
  it('sums search intensity × quality at each level, including lower levels for those who take lower jobs', () => {
    const m = model({ downgradeAfterWeeks: 0 });
    const a = m.agents;
    a.education[0] = 0; a.employability[0] = 0.5;
    a.education[1] = 2; a.employability[1] = 0.5; a.state[1] = DISCOURAGED;
    a.education[2] = 1; a.employability[2] = 0.25; a.state[2] = LONG_SERVICE; a.service[2] = S.vocational;
    a.state[3] = EMPLOYED; a.state[4] = EMPLOYED; a.state[5] = EMPLOYED;
    measureDemand(m);
    expect(m.demand[0]).toBeCloseTo(0.5 + 0.125 * 0.25, 12);
    expect(m.demand[1]).toBeCloseTo(DISCOURAGED_SEARCH * 0.5 + 0.125 * 0.25, 12);
    expect(m.demand[2]).toBeCloseTo(DISCOURAGED_SEARCH * 0.5, 12);
  });
});
