import { describe, expect, it } from 'vitest';
import { F_INSECURE_JOB, F_OVERQUALIFIED, F_WOMAN } from '../../sim/agents.ts';
import { EMPLOYED, HEALTH_BENEFIT, IN_EDUCATION, LONG_SERVICE, MOVED_AWAY, SHORT_SERVICE, UNEMPLOYED } from '../../sim/constants.ts';
import { METRICS, summarise } from '../../sim/metrics.ts';
import type { Model } from '../../sim/model.ts';
import { histogramMedian } from '../../sim/stats.ts';
import { group, makeModel } from '../helpers.ts';

/** Two groups of two: agents 0, 1 in group A; 2, 3 in group B. */
function model(weeks: number): Model {
  const m = makeModel({
    agents: 4, weeks,
    groups: [group({ name: 'A', share: 0.5 }), group({ name: 'B', share: 0.5 })],
    office: { hoursPerMeeting: 1, costPerAdvisorHour: 500 },
  });
  expect(Array.from(m.agents.group)).toEqual([0, 0, 1, 1]);
  return m;
}
/** Record one week with the given states (and advance the week counter, as `step` does). */
function recordWeek(m: Model, states: number[]): void {
  m.agents.state.set(states);
  m.recorder.record(m);
  m.week++;
}

describe('summarise', () => {
  it('gives the exact shares and rates of a hand-built two-week run, for every group', () => {
    const m = model(2);
    const a = m.agents;
    a.rightsAtStart.set([1, 0, 1, 0]);
    a.flags.set([F_WOMAN, 0, 0, F_WOMAN]); // women 0 and 3, men 1 and 2
    recordWeek(m, [UNEMPLOYED, SHORT_SERVICE, LONG_SERVICE, UNEMPLOYED]);
    a.flags[2] = F_OVERQUALIFIED;
    a.flags[0] |= F_INSECURE_JOB;
    recordWeek(m, [EMPLOYED, SHORT_SERVICE, EMPLOYED, HEALTH_BENEFIT]);
    a.referrals.set([1, 0, 2, 0]);
    a.firstJobWeek.set([1, -1, 1, -1]);
    a.rejections.set([1, 0, 2, 3]);
    a.applications.set([2, 1, 2, 4]);
    a.servicesStarted.set([1, 1, 2, 0]);
    a.longStarted.set([0, 0, 1, 0]);
    a.mismatched.set([1, 0, 0, 0]);
    a.infoWeeks.set([3, 1, 0, 4]);
    a.byChance.set([0, 1, 1, 0]);
    a.cost.set([100, 200, 300, 0]);
    a.meetingsScheduled.set([2, 1, 0, 3]);
    a.meetingsAttended.set([1, 1, 0, 2]);
    const s = summarise(m);
    expect(Object.keys(s)).toEqual(['A', 'B', 'withBenefitRights', 'withoutBenefitRights', 'women', 'men', 'all']);
    expect(s.all).toEqual({
      employedShare: 0.5, employedShareByYear: [], medianWeeksToFirstJob: 2, rejectionsPerPerson: 1.5, servicesPerPerson: 1,
      longTermServiceShare: 0.25, mismatchedServiceShare: 0.25, overqualifiedShare: 0.5, weeksSearchingInfoPerPerson: 2,
      servicesFoundByChanceShare: 0.5, participationRate: 3 / 8, costPerPerson: (600 + 6 * 500) / 4,
      advisorCostPerPerson: (6 * 500) / 4, serviceCostPerPerson: 600 / 4,
      rejectedApplicationShare: 6 / 9, attendanceRate: 4 / 6, employedWeeksShare: 2 / 8, activityEmploymentGap: 3 / 8 - 2 / 8,
      insecureJobShare: 0.5, referralsPerPerson: 3 / 4, healthBenefitShare: 0.25, educationShare: 0, movedAwayShare: 0,
    });
    expect(s.A).toEqual({
      employedShare: 0.5, employedShareByYear: [], medianWeeksToFirstJob: 2, rejectionsPerPerson: 0.5, servicesPerPerson: 1,
      longTermServiceShare: 0, mismatchedServiceShare: 0.5, overqualifiedShare: 0, weeksSearchingInfoPerPerson: 2,
      servicesFoundByChanceShare: 0.5, participationRate: 0.5, costPerPerson: (300 + 3 * 500) / 2,
      advisorCostPerPerson: (3 * 500) / 2, serviceCostPerPerson: 300 / 2,
      rejectedApplicationShare: 1 / 3, attendanceRate: 2 / 3, employedWeeksShare: 0.25, activityEmploymentGap: 0.25,
      insecureJobShare: 1, referralsPerPerson: 0.5, healthBenefitShare: 0, educationShare: 0, movedAwayShare: 0,
    });
    expect(s.B).toEqual({
      employedShare: 0.5, employedShareByYear: [], medianWeeksToFirstJob: 2, rejectionsPerPerson: 2.5, servicesPerPerson: 1,
      longTermServiceShare: 0.5, mismatchedServiceShare: 0, overqualifiedShare: 1, weeksSearchingInfoPerPerson: 2,
      servicesFoundByChanceShare: 0.5, participationRate: 0.25, costPerPerson: (300 + 3 * 500) / 2,
      advisorCostPerPerson: (3 * 500) / 2, serviceCostPerPerson: 300 / 2,
      rejectedApplicationShare: 5 / 6, attendanceRate: 2 / 3, employedWeeksShare: 0.25, activityEmploymentGap: 0,
      insecureJobShare: 0, referralsPerPerson: 1, healthBenefitShare: 0.5, educationShare: 0, movedAwayShare: 0,
    });
    expect(s.withBenefitRights).toEqual({
      employedShare: 1, employedShareByYear: [], medianWeeksToFirstJob: 2, rejectionsPerPerson: 1.5, servicesPerPerson: 1.5,
      longTermServiceShare: 1 / 3, mismatchedServiceShare: 1 / 3, overqualifiedShare: 0.5, weeksSearchingInfoPerPerson: 1.5,
      servicesFoundByChanceShare: 1 / 3, participationRate: 0.25, costPerPerson: (400 + 2 * 500) / 2,
      advisorCostPerPerson: (2 * 500) / 2, serviceCostPerPerson: 400 / 2,
      rejectedApplicationShare: 3 / 4, attendanceRate: 1 / 2, employedWeeksShare: 0.5, activityEmploymentGap: -0.25,
      insecureJobShare: 0.5, referralsPerPerson: 1.5, healthBenefitShare: 0, educationShare: 0, movedAwayShare: 0,
    });
    expect(s.withoutBenefitRights).toEqual({
      employedShare: 0, employedShareByYear: [], medianWeeksToFirstJob: 2, rejectionsPerPerson: 1.5, servicesPerPerson: 0.5,
      longTermServiceShare: 0, mismatchedServiceShare: 0, overqualifiedShare: 0, weeksSearchingInfoPerPerson: 2.5,
      servicesFoundByChanceShare: 1, participationRate: 0.5, costPerPerson: (200 + 4 * 500) / 2,
      advisorCostPerPerson: (4 * 500) / 2, serviceCostPerPerson: 200 / 2,
      rejectedApplicationShare: 3 / 5, attendanceRate: 3 / 4, employedWeeksShare: 0, activityEmploymentGap: 0.5,
      insecureJobShare: 0, referralsPerPerson: 0, healthBenefitShare: 0.5, educationShare: 0, movedAwayShare: 0,
    });
    expect(s.women).toEqual({
      employedShare: 0.5, employedShareByYear: [], medianWeeksToFirstJob: 2, rejectionsPerPerson: 2, servicesPerPerson: 0.5,
      longTermServiceShare: 0, mismatchedServiceShare: 1, overqualifiedShare: 0, weeksSearchingInfoPerPerson: 3.5,
      servicesFoundByChanceShare: 0, participationRate: 0, costPerPerson: (100 + 5 * 500) / 2,
      advisorCostPerPerson: (5 * 500) / 2, serviceCostPerPerson: 100 / 2,
      rejectedApplicationShare: 4 / 6, attendanceRate: 3 / 5, employedWeeksShare: 0.25, activityEmploymentGap: -0.25,
      insecureJobShare: 1, referralsPerPerson: 0.5, healthBenefitShare: 0.5, educationShare: 0, movedAwayShare: 0,
    });
    expect(s.men).toEqual({
      employedShare: 0.5, employedShareByYear: [], medianWeeksToFirstJob: 2, rejectionsPerPerson: 1, servicesPerPerson: 1.5,
      longTermServiceShare: 1 / 3, mismatchedServiceShare: 0, overqualifiedShare: 1, weeksSearchingInfoPerPerson: 0.5,
      servicesFoundByChanceShare: 2 / 3, participationRate: 3 / 4, costPerPerson: (500 + 1 * 500) / 2,
      advisorCostPerPerson: (1 * 500) / 2, serviceCostPerPerson: 500 / 2,
      rejectedApplicationShare: 2 / 3, attendanceRate: 1, employedWeeksShare: 0.25, activityEmploymentGap: 0.5,
      insecureJobShare: 0, referralsPerPerson: 1, healthBenefitShare: 0, educationShare: 0, movedAwayShare: 0,
    });
    for (const g of Object.values(s)) expect(Object.keys(g)).toEqual([...METRICS]);
  });

  it('employment at the end of each whole year, and the median week of the first job', () => {
    const m = model(104);
    const a = m.agents;
    for (let w = 0; w < 104; w++) {
      recordWeek(m, [w >= 30 ? EMPLOYED : UNEMPLOYED, w >= 60 ? EMPLOYED : UNEMPLOYED, UNEMPLOYED, w < 10 ? LONG_SERVICE : UNEMPLOYED]);
    }
    a.firstJobWeek.set([30, 60, -1, -1]);
    const s = summarise(m);
    expect(s.all.employedShareByYear).toEqual([0.25, 0.5]);
    expect(s.all.medianWeeksToFirstJob).toBe(61); // half hired by the end of week 61 (1-based)
    expect(s.A.medianWeeksToFirstJob).toBe(31);
    expect(s.B.medianWeeksToFirstJob).toBe(104); // fewer than half hired: the run length
    expect(s.all.employedWeeksShare).toBe((74 + 44) / (4 * 104));
    expect(s.all.participationRate).toBe(10 / (4 * 104));
    expect(s.all.employedShare).toBe(0.5);
  });

  it('a group with no one in it gives zeros, not NaN', () => {
    const m = makeModel({ agents: 4, weeks: 1, groups: [group({ name: 'A', share: 1 }), group({ name: 'B', share: 0 })] });
    recordWeek(m, [UNEMPLOYED, EMPLOYED, UNEMPLOYED, UNEMPLOYED]);
    const s = summarise(m);
    for (const k of METRICS) {
      const v = s.B[k];
      if (Array.isArray(v)) expect(v).toEqual([]);
      else expect(Number.isNaN(v)).toBe(false);
    }
    expect(s.B.employedShare).toBe(0);
    expect(s.A.employedShare).toBe(0.25);
  });
});

describe('summarise: leaving the labour force', () => {
  it('shares out of the labour force at the last week, by where they went', () => {
    const m = model(2);
    recordWeek(m, [UNEMPLOYED, UNEMPLOYED, UNEMPLOYED, UNEMPLOYED]);
    recordWeek(m, [IN_EDUCATION, MOVED_AWAY, MOVED_AWAY, HEALTH_BENEFIT]);
    const s = summarise(m);
    expect([s.all.educationShare, s.all.movedAwayShare, s.all.healthBenefitShare]).toEqual([0.25, 0.5, 0.25]);
    expect([s.A.educationShare, s.A.movedAwayShare, s.A.healthBenefitShare]).toEqual([0.5, 0.5, 0]);
    expect([s.B.educationShare, s.B.movedAwayShare, s.B.healthBenefitShare]).toEqual([0, 0.5, 0.5]);
    expect(s.men.movedAwayShare).toBe(0.5); // nobody is flagged a woman here
    expect(s.women.movedAwayShare).toBe(0);
  });
});

describe('histogramMedian', () => {
  it('the first value at which half the total is reached, or the fallback', () => {
    expect(histogramMedian([0, 1, 1, 0], 2, 99)).toBe(1);
    expect(histogramMedian([0, 1, 0, 3], 4, 99)).toBe(3);
    expect(histogramMedian([0, 1, 0, 0], 4, 99)).toBe(99);
    expect(histogramMedian([0, 0], 0, 7)).toBe(7);
  });
});
