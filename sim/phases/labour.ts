import { F_OVERQUALIFIED, F_SEARCHED_INFO } from '../agents.ts';
import { hasBarrier } from '../fit.ts';
import {
  DISCOURAGED, EMPLOYED, ENT_UNEMPLOYMENT_BENEFIT, EV_ENTITLED, EV_HIRED, EV_LOST_JOB, LONG_SERVICE, NO_SERVICE,
  P_HIRE, P_HIRE_LOWER, P_JOB_LOSS, QUAL_FOREIGN_UNRECOGNISED, SHORT_SERVICE, UNEMPLOYED,
} from '../constants.ts';
import type { Model } from '../model.ts';
import { uniform } from '../rng.ts';

/** Share of full-time job search a discouraged person still does. */
export const DISCOURAGED_SEARCH = 0.15;

/** Job search effort this week: full when searching, reduced in a measure (lock-in), low when discouraged. */
export function searchIntensity(m: Model, i: number): number {
  const st = m.agents.state[i];
  if (st === UNEMPLOYED) return (m.agents.flags[i] & F_SEARCHED_INFO) !== 0 ? 1 - m.scenario.behaviour.infoSearchCost : 1;
  if (st === SHORT_SERVICE || st === LONG_SERVICE) return m.services.searchIntensity[m.agents.service[i]];
  if (st === DISCOURAGED) return DISCOURAGED_SEARCH;
  return 0;
}

/** Labour-market constants of a model, read once per phase rather than per agent. */
export interface HireParams {
  hireRate: number;
  languageRequired: Float64Array;
  recognitionKeep: number; // 1 - recognitionPenalty
  discriminationKeep: number; // 1 - discrimination
  barrierKeep: number; // 1 - barrierPenalty
  networkReferral: number;
  certificateValue: number;
}

export function hireParams(m: Model): HireParams {
  const lm = m.scenario.labourMarket;
  return {
    hireRate: lm.hireRate, languageRequired: Float64Array.from(lm.languageRequired),
    recognitionKeep: 1 - lm.recognitionPenalty, discriminationKeep: 1 - lm.discrimination, barrierKeep: 1 - lm.barrierPenalty,
    networkReferral: lm.networkReferral, certificateValue: lm.certificateValue,
  };
}

/**
 * How attractive person `i` is to employers for a job at `level` (F9):
 * employability, language against what the level requires, recognition of a
 * foreign qualification (only at the person's own level and above basic),
 * discrimination, unaddressed barriers, referrals through the network and
 * certificates.
 */
export function hireQuality(m: Model, hp: HireParams, i: number, level: number): number {
  const a = m.agents;
  const req = hp.languageRequired[level];
  const lang = a.language[i];
  let q = a.employability[i] * (lang >= req ? 1 : lang / req);
  if (level > 0 && level === a.education[i] && a.foreignQual[i] === QUAL_FOREIGN_UNRECOGNISED) q *= hp.recognitionKeep;
  if (m.groupDiscriminated[a.group[i]] === 1) q *= hp.discriminationKeep;
  if (hasBarrier(a.flags[i], true)) q *= hp.barrierKeep;
  return q * (1 + hp.networkReferral * a.network[i]) * (1 + hp.certificateValue * a.certificates[i]);
}

/** Whether the person takes jobs below their level this week. */
export function takesLowerJobs(m: Model, i: number): boolean {
  const a = m.agents;
  if (a.education[i] === 0) return false;
  // a career takes longer to give up; activity targets push "any job" sooner (F7)
  const patience = m.scenario.labourMarket.downgradeAfterWeeks * (a.ambition[i] ? 1 : 0.25);
  return a.weeksUnemployed[i] >= patience * (1 - 0.75 * m.knobs.activityTarget);
}

/** Competition for vacancies: hires at a level are limited by its vacancies, judged on last week's demand. */
function congestion(m: Model, level: number): number {
  const expected = m.scenario.labourMarket.hireRate * m.demand[level];
  return expected > m.vacancies[level] ? m.vacancies[level] / expected : 1;
}

/** Weighted job search at each level, for the first week's competition. */
export function measureDemand(m: Model): void {
  const hp = hireParams(m);
  m.demand.fill(0);
  for (let i = 0; i < m.n; i++) {
    const intensity = searchIntensity(m, i);
    if (intensity === 0) continue;
    const level = m.agents.education[i];
    m.demand[level] += intensity * hireQuality(m, hp, i, level);
    if (level > 0 && takesLowerJobs(m, i)) m.demand[level - 1] += intensity * hireQuality(m, hp, i, level - 1);
  }
}

/**
 * Phase 5, the labour market (F9; lock-in). Everyone not in work searches
 * with the intensity of their state. A hire at one's own level comes first;
 * people willing to take lower jobs may be hired below their level
 * (overqualified). Jobs end at a weekly rate, higher for jobs below one's
 * level; enough weeks of work earn a right to unemployment benefit.
 */
export function labourMarket(m: Model): void {
  const a = m.agents;
  const lm = m.scenario.labourMarket;
  const week = m.week;
  const kHire = m.keys.week[P_HIRE];
  const kLower = m.keys.week[P_HIRE_LOWER];
  const kLoss = m.keys.week[P_JOB_LOSS];
  const c0 = congestion(m, 0), c1 = congestion(m, 1), c2 = congestion(m, 2);
  const hp = hireParams(m);
  const hireRate = lm.hireRate, jobLoss = lm.jobLoss, overLoss = lm.overqualifiedJobLoss;
  const next = m.demandNext;
  next.fill(0);
  for (let i = 0; i < m.n; i++) {
    if (a.state[i] === EMPLOYED) {
      a.weeksEmployed[i]++;
      const over = (a.flags[i] & F_OVERQUALIFIED) !== 0;
      const pLoss = jobLoss * (over ? overLoss : 1) * (1 - 0.5 * a.employability[i]);
      if (uniform(i, kLoss) < pLoss) {
        a.state[i] = UNEMPLOYED;
        a.flags[i] &= ~F_OVERQUALIFIED;
        if (i < m.tracked) m.events.add(i, week, EV_LOST_JOB, 0, 0);
        if (a.weeksEmployed[i] >= lm.rightsAfterWeeksEmployed && (a.entitlements[i] & ENT_UNEMPLOYMENT_BENEFIT) === 0) {
          a.entitlements[i] |= ENT_UNEMPLOYMENT_BENEFIT;
          if (i < m.tracked) m.events.add(i, week, EV_ENTITLED, ENT_UNEMPLOYMENT_BENEFIT, 0);
        }
        a.weeksEmployed[i] = 0;
      }
      continue;
    }
    a.weeksUnemployed[i]++;
    const intensity = searchIntensity(m, i);
    const level = a.education[i];
    const qOwn = hireQuality(m, hp, i, level);
    const lower = level > 0 && takesLowerJobs(m, i);
    const qLow = lower ? hireQuality(m, hp, i, level - 1) : 0;
    next[level] += intensity * qOwn;
    if (lower) next[level - 1] += intensity * qLow;
    const cOwn = level === 0 ? c0 : level === 1 ? c1 : c2;
    let hiredAt = -1;
    if (uniform(i, kHire) < hireRate * intensity * qOwn * cOwn) hiredAt = level;
    else if (lower && uniform(i, kLower) < hireRate * intensity * qLow * (level === 1 ? c0 : c1)) hiredAt = level - 1;
    if (hiredAt < 0) continue;
    a.state[i] = EMPLOYED;
    a.service[i] = NO_SERVICE;
    a.serviceWeeksLeft[i] = 0;
    a.weeksEmployed[i] = 0;
    a.weeksUnemployed[i] = 0; // a new spell starts if the job ends
    if (hiredAt < level) a.flags[i] |= F_OVERQUALIFIED;
    if (a.firstJobWeek[i] < 0) a.firstJobWeek[i] = week;
    if (i < m.tracked) m.events.add(i, week, EV_HIRED, hiredAt, hiredAt < level ? 1 : 0);
  }
  m.demandNext = m.demand;
  m.demand = next;
}
