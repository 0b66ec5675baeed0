import { F_INSECURE_JOB, F_OVERQUALIFIED } from './agents.ts';
import { EMPLOYED, HEALTH_BENEFIT, IN_EDUCATION, LONG_SERVICE, MOVED_AWAY, SHORT_SERVICE } from './constants.ts';
import { countAt, GROUPS_PER_PERSON } from './record.ts';
import type { Model } from './model.ts';
import { histogramMedian } from './stats.ts';

/** Summary metrics, in output order. Each is defined in docs/MODEL.md (section "Outputs"). */
export const METRICS = [
  'employedShare', 'employedShareByYear', 'medianWeeksToFirstJob', 'rejectionsPerPerson', 'servicesPerPerson',
  'longTermServiceShare', 'mismatchedServiceShare', 'overqualifiedShare', 'weeksSearchingInfoPerPerson',
  'servicesFoundByChanceShare', 'participationRate', 'costPerPerson',
  'rejectedApplicationShare', 'attendanceRate', 'employedWeeksShare', 'activityEmploymentGap',
  'insecureJobShare', 'referralsPerPerson', 'healthBenefitShare', 'educationShare', 'movedAwayShare',
] as const;
export type MetricName = (typeof METRICS)[number];
export type Summary = Record<MetricName, number | number[]>;

export const METRIC_DOCS: Record<MetricName, string> = {
  employedShare: 'Share in work at the last week.',
  employedShareByYear: 'Share in work at the end of each whole year (array, year 1 first).',
  medianWeeksToFirstJob: 'Median weeks from registration to the first job, counting those never hired as not yet hired; the run length when fewer than half were hired.',
  rejectionsPerPerson: 'Refused requests per person (F3).',
  servicesPerPerson: 'Services started per person.',
  longTermServiceShare: 'Share of started services that are long (F4).',
  mismatchedServiceShare: 'Share of started services that come in levels and whose level differs from the person’s level (F5).',
  overqualifiedShare: 'Share of those in work at the last week whose job is below their level (F9).',
  weeksSearchingInfoPerPerson: 'Weeks spent searching for information per person (F2).',
  servicesFoundByChanceShare: 'Share of started services the person asked for after learning of them through peers, an NGO or chance rather than the advisor (F2).',
  participationRate: 'Share of person-weeks in any measure: activity as the office counts it (F7).',
  costPerPerson: 'Cost of services and advisor time per person (NOK).',
  rejectedApplicationShare: 'Share of the person’s own requests that were refused (F3).',
  attendanceRate: 'Share of scheduled advisor meetings that took place (F11).',
  employedWeeksShare: 'Share of person-weeks in work.',
  activityEmploymentGap: 'participationRate minus employedWeeksShare: activity counted beyond what turns into work (F7).',
  insecureJobShare: 'Share of those in work at the last week whose job is temporary or part-time (F9).',
  referralsPerPerson: 'Referrals by an advisor to a vacancy per person (job brokering).',
  healthBenefitShare: 'Share who have left the register for a health-related benefit by the last week.',
  educationShare: 'Share who have left the register for ordinary education by the last week.',
  movedAwayShare: 'Share who have moved away by the last week.',
};

/** Summaries for every group of the recorder (scenario groups, then DERIVED_GROUPS). */
export function summarise(m: Model): Record<string, Summary> {
  const a = m.agents;
  const rec = m.recorder;
  const G = rec.groups;
  const weeks = Math.min(m.week, rec.weeks);
  const F = 13; // tallies per group
  const acc = new Float64Array(G * F);
  const hist = new Float64Array(G * (weeks + 1));
  const meetingCost = m.scenario.office.hoursPerMeeting * m.scenario.office.costPerAdvisorHour;
  for (let i = 0; i < m.n; i++) {
    const employed = a.state[i] === EMPLOYED;
    for (let k = 0; k < GROUPS_PER_PERSON; k++) {
      const g = rec.groupOf(k, a.group[i], a.rightsAtStart[i], a.flags[i]);
      const o = g * F;
      acc[o] += a.rejections[i];
      acc[o + 1] += a.applications[i];
      acc[o + 2] += a.servicesStarted[i];
      acc[o + 3] += a.longStarted[i];
      acc[o + 4] += a.mismatched[i];
      acc[o + 5] += employed && (a.flags[i] & F_OVERQUALIFIED) !== 0 ? 1 : 0;
      acc[o + 6] += a.infoWeeks[i];
      acc[o + 7] += a.byChance[i];
      acc[o + 8] += a.cost[i] + a.meetingsScheduled[i] * meetingCost;
      acc[o + 9] += a.meetingsAttended[i];
      acc[o + 10] += a.meetingsScheduled[i];
      acc[o + 11] += employed && (a.flags[i] & F_INSECURE_JOB) !== 0 ? 1 : 0;
      acc[o + 12] += a.referrals[i];
      if (a.firstJobWeek[i] >= 0 && a.firstJobWeek[i] < weeks) hist[g * (weeks + 1) + a.firstJobWeek[i] + 1]++;
    }
  }
  const out: Record<string, Summary> = {};
  const ratio = (x: number, y: number) => (y > 0 ? x / y : 0);
  for (let g = 0; g < G; g++) {
    const size = rec.size[g];
    const o = g * F;
    let inService = 0, employedWeeks = 0;
    for (let w = 0; w < weeks; w++) {
      inService += countAt(rec, w, g, SHORT_SERVICE) + countAt(rec, w, g, LONG_SERVICE);
      employedWeeks += countAt(rec, w, g, EMPLOYED);
    }
    const atEnd = (state: number) => (weeks > 0 ? countAt(rec, weeks - 1, g, state) : 0);
    const employedNow = atEnd(EMPLOYED);
    const years: number[] = [];
    for (let y = 1; y * 52 <= weeks; y++) years.push(ratio(countAt(rec, y * 52 - 1, g, EMPLOYED), size));
    const participationRate = ratio(inService, size * weeks);
    const employedWeeksShare = ratio(employedWeeks, size * weeks);
    out[rec.groupNames[g]] = {
      employedShare: ratio(employedNow, size),
      employedShareByYear: years,
      medianWeeksToFirstJob: histogramMedian(hist.subarray(g * (weeks + 1), (g + 1) * (weeks + 1)), size, weeks),
      rejectionsPerPerson: ratio(acc[o], size),
      servicesPerPerson: ratio(acc[o + 2], size),
      longTermServiceShare: ratio(acc[o + 3], acc[o + 2]),
      mismatchedServiceShare: ratio(acc[o + 4], acc[o + 2]),
      overqualifiedShare: ratio(acc[o + 5], employedNow),
      weeksSearchingInfoPerPerson: ratio(acc[o + 6], size),
      servicesFoundByChanceShare: ratio(acc[o + 7], acc[o + 2]),
      participationRate,
      costPerPerson: ratio(acc[o + 8], size),
      rejectedApplicationShare: ratio(acc[o], acc[o + 1]),
      attendanceRate: ratio(acc[o + 9], acc[o + 10]),
      employedWeeksShare,
      activityEmploymentGap: participationRate - employedWeeksShare,
      insecureJobShare: ratio(acc[o + 11], employedNow),
      referralsPerPerson: ratio(acc[o + 12], size),
      healthBenefitShare: ratio(atEnd(HEALTH_BENEFIT), size),
      educationShare: ratio(atEnd(IN_EDUCATION), size),
      movedAwayShare: ratio(atEnd(MOVED_AWAY), size),
    };
  }
  return out;
}
