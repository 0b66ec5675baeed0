import { F_CARE, F_INSECURE_JOB, F_OVERQUALIFIED, F_PERSISTENT, F_SEARCHED_INFO, PENDING_NONE } from '../agents.ts';
import { hasBarrier } from '../fit.ts';
import {
  DISCOURAGED, EMPLOYED, ENT_UNEMPLOYMENT_BENEFIT, EV_ENTITLED, EV_HIRED, EV_LOST_JOB, FIRST_OUT, LONG_SERVICE, NO_SERVICE,
  P_HIRE, P_HIRE_LOWER, P_JOB_LOSS, P_TEMPORARY, QUAL_FOREIGN_UNRECOGNISED, SHORT_SERVICE, UNEMPLOYED,
} from '../constants.ts';
import type { Model } from '../model.ts';
import { uniform } from '../rng.ts';

/** Share of full-time job search a discouraged person still does. */
export const DISCOURAGED_SEARCH = 0.15;

/**
 * Job search effort this week (lock-in, F2, F14; Schiprowski 2020): full when
 * searching, the service's intensity in a measure (lock-in), low when
 * discouraged, none in work; times the person's agency (self-efficacy), less
 * for care duties, more after meetings that monitor the search.
 */
export function searchIntensity(m: Model, i: number): number {
  const a = m.agents;
  const b = m.scenario.behaviour;
  const st = a.state[i];
  let s: number;
  if (st === UNEMPLOYED) s = (a.flags[i] & F_SEARCHED_INFO) !== 0 ? 1 - b.infoSearchCost : 1;
  else if (st === SHORT_SERVICE || st === LONG_SERVICE) s = m.services.searchIntensity[a.service[i]];
  else if (st === DISCOURAGED) s = DISCOURAGED_SEARCH;
  else return 0;
  s *= 1 - b.selfEfficacySearch * (1 - a.selfEfficacy[i]);
  if ((a.flags[i] & F_CARE) !== 0) s *= 1 - b.careSearchCost;
  return s * (1 + a.push[i]);
}

/** Labour-market constants of a model, read once per phase rather than per agent. */
export interface HireParams {
  hireRate: number;
  languageRequired: Float64Array;
  recognitionKeep: number; // 1 - recognitionPenalty
  discriminationKeep: number; // 1 - discrimination
  barrierKeep: number; // 1 - barrierPenalty
  incapacityKeep: number; // 1 - incapacityPenalty
  networkReferral: number;
  certificateValue: number;
  durationPenalty: number;
  durationWeeks: number;
  agePenalty: number;
}

export function hireParams(m: Model): HireParams {
  const lm = m.scenario.labourMarket;
  return {
    hireRate: lm.hireRate, languageRequired: Float64Array.from(lm.languageRequired),
    recognitionKeep: 1 - lm.recognitionPenalty, discriminationKeep: 1 - lm.discrimination, barrierKeep: 1 - lm.barrierPenalty, incapacityKeep: 1 - lm.incapacityPenalty,
    networkReferral: lm.networkReferral, certificateValue: lm.certificateValue,
    durationPenalty: lm.durationPenalty, durationWeeks: lm.durationPenaltyWeeks, agePenalty: lm.agePenalty,
  };
}

/** Age from which employers discount applicants, and the age at which the discount is full (Carlsson & Eriksson 2019). */
export const AGE_PENALTY_FROM = 50;
export const AGE_PENALTY_FULL = 65;

/**
 * How attractive person `i` is to employers for a job at `level` (F9):
 * employability, language against what the level requires, recognition of a
 * foreign qualification (only at the person's own level and above basic),
 * discrimination, barriers, the gap since the last job or service (scarring),
 * age, referrals through the network and certificates. It is `hireBase` (what
 * does not depend on the level) times `levelFit`.
 */
export function hireQuality(m: Model, hp: HireParams, i: number, level: number): number {
  return hireBase(m, hp, i) * levelFit(m, hp, i, level);
}

/** The part of `hireQuality` that does not depend on the job's level. */
export function hireBase(m: Model, hp: HireParams, i: number): number {
  const a = m.agents;
  let q = a.employability[i];
  if (m.groupDiscriminated[a.group[i]] === 1) q *= hp.discriminationKeep;
  const f = a.flags[i];
  if ((f & F_PERSISTENT) !== 0) q *= hp.incapacityKeep;
  else if (hasBarrier(f, true)) q *= hp.barrierKeep;
  const gap = a.weeksIdle[i];
  if (gap > 0) q *= 1 - hp.durationPenalty * (gap >= hp.durationWeeks ? 1 : gap / hp.durationWeeks);
  const age = a.age[i];
  if (age > AGE_PENALTY_FROM) q *= 1 - hp.agePenalty * (age >= AGE_PENALTY_FULL ? 1 : (age - AGE_PENALTY_FROM) / (AGE_PENALTY_FULL - AGE_PENALTY_FROM));
  return q * (1 + hp.networkReferral * a.network[i]) * (1 + hp.certificateValue * a.certificates[i]);
}

/** The part of `hireQuality` that depends on the level: language against what it requires, and recognition at one's own level. */
export function levelFit(m: Model, hp: HireParams, i: number, level: number): number {
  const a = m.agents;
  const req = hp.languageRequired[level];
  const lang = a.language[i];
  const q = lang >= req ? 1 : lang / req;
  return level > 0 && level === a.education[i] && a.foreignQual[i] === QUAL_FOREIGN_UNRECOGNISED ? q * hp.recognitionKeep : q;
}

/** Whether the person takes jobs below their level this week. */
export function takesLowerJobs(m: Model, i: number): boolean {
  const a = m.agents;
  if (a.education[i] === 0) return false;
  // a career takes longer to give up; pressure to take any job shortens the wait (F7)
  const patience = m.scenario.labourMarket.downgradeAfterWeeks * (a.ambition[i] ? 1 : 0.25);
  return a.weeksUnemployed[i] >= patience * (1 - m.knobs.acceptPressure);
}

/**
 * Hires per unit of effective search at a level this week (urn-ball matching;
 * Petrongolo & Pissarides 2001): with V vacancies and effective search D,
 * H = V · (1 − exp(−hireRate · D / V)) are filled, shared in proportion to
 * each applicant's effective search. Plentiful vacancies give `hireRate`;
 * scarce ones are all filled, and more search by some leaves less for others.
 */
export function hiresPerSearch(hireRate: number, vacancies: number, demand: number): number {
  if (vacancies <= 0 || hireRate <= 0) return 0;
  if (demand <= 0) return hireRate;
  const x = (hireRate * demand) / vacancies;
  return x < 1e-6 ? hireRate : (vacancies * -Math.expm1(-x)) / demand;
}

/**
 * Phase 5, the labour market (F9; lock-in; matching). First everyone not in
 * work searches with the intensity of their state, at their own level and,
 * once they take lower jobs, one level down; an advisor's referral adds to
 * the search at the referred level. The week's vacancies at each level are
 * then filled from these applicants (`hiresPerSearch`), so demand binds and
 * help for some can crowd out others. A hire at one's own level comes
 * first; a hire is temporary or part-time with a given share. Jobs end at a
 * weekly rate, higher for insecure jobs and jobs below one's level; enough
 * weeks of work earn a right to unemployment benefit.
 */
export function labourMarket(m: Model): void {
  const a = m.agents;
  const lm = m.scenario.labourMarket;
  const refWeight = m.scenario.office.referralWeight;
  const week = m.week;
  const hp = hireParams(m);
  const D = m.demand;
  D.fill(0);
  const kHire = m.keys.week[P_HIRE];
  const kLower = m.keys.week[P_HIRE_LOWER];
  const kLoss = m.keys.week[P_JOB_LOSS];
  const kTemp = m.keys.week[P_TEMPORARY];
  const jobLoss = lm.jobLoss, barrierLoss = lm.barrierJobLoss, tempEnd = lm.temporaryJobEnd, overLoss = lm.overqualifiedJobLoss, tempShare = lm.temporaryShare;
  // first pass: jobs end; everyone else out of work searches, and is listed for the second pass
  const seekers = m.seekers;
  let count = 0;
  for (let i = 0; i < m.n; i++) {
    const st = a.state[i];
    if (st >= FIRST_OUT) continue;
    if (st === EMPLOYED) {
      a.weeksEmployed[i]++;
      const f = a.flags[i];
      const pLoss = ((f & F_INSECURE_JOB) !== 0 ? tempEnd : jobLoss) * ((f & F_OVERQUALIFIED) !== 0 ? overLoss : 1) * (1 - 0.5 * a.employability[i])
        * (hasBarrier(f, true) ? barrierLoss : 1);
      if (uniform(i, kLoss) < pLoss) {
        // the week of losing a job is not a week of search
        a.state[i] = UNEMPLOYED;
        a.flags[i] &= ~(F_OVERQUALIFIED | F_INSECURE_JOB);
        if (i < m.tracked) m.events.add(i, week, EV_LOST_JOB, 0, 0);
        if (a.weeksEmployed[i] >= lm.rightsAfterWeeksEmployed && (a.entitlements[i] & ENT_UNEMPLOYMENT_BENEFIT) === 0) {
          a.entitlements[i] |= ENT_UNEMPLOYMENT_BENEFIT;
          if (i < m.tracked) m.events.add(i, week, EV_ENTITLED, ENT_UNEMPLOYMENT_BENEFIT, 0);
        }
        a.weeksEmployed[i] = 0;
      }
      continue;
    }
    seekers[count++] = i;
    const intensity = searchIntensity(m, i);
    const level = a.education[i];
    const lower = level > 0 && takesLowerJobs(m, i);
    // a referral adds to the search at its level (the advisor refers one level down only to people who take lower jobs)
    const ref = a.referredLevel[i];
    const base = hireBase(m, hp, i);
    const qOwn = base * levelFit(m, hp, i, level);
    let own = intensity * qOwn;
    if (ref === level) own += refWeight * qOwn;
    let low = 0;
    if (lower) {
      const qLow = base * levelFit(m, hp, i, level - 1);
      low = intensity * qLow;
      if (ref === level - 1) low += refWeight * qLow;
    }
    a.searchOwn[i] = own;
    a.searchLow[i] = low;
    D[level] += own;
    if (level > 0) D[level - 1] += low;
  }
  const h0 = hiresPerSearch(hp.hireRate, m.vacancies[0], D[0]);
  const h1 = hiresPerSearch(hp.hireRate, m.vacancies[1], D[1]);
  const h2 = hiresPerSearch(hp.hireRate, m.vacancies[2], D[2]);
  const H = m.hires;
  // second pass: the week's vacancies are filled from the searchers
  for (let j = 0; j < count; j++) {
    const i = seekers[j];
    const st = a.state[i];
    a.weeksUnemployed[i]++;
    if (st === UNEMPLOYED || st === DISCOURAGED) a.weeksIdle[i]++;
    const level = a.education[i];
    const hOwn = level === 0 ? h0 : level === 1 ? h1 : h2;
    let hiredAt = -1;
    if (uniform(i, kHire) < a.searchOwn[i] * hOwn) hiredAt = level;
    else if (level > 0 && a.searchLow[i] > 0 && uniform(i, kLower) < a.searchLow[i] * (level === 1 ? h0 : h1)) hiredAt = level - 1;
    if (hiredAt < 0) continue;
    H[hiredAt]++;
    a.state[i] = EMPLOYED;
    a.service[i] = NO_SERVICE;
    a.serviceWeeksLeft[i] = 0;
    a.weeksEmployed[i] = 0;
    a.weeksUnemployed[i] = 0; // a new spell starts if the job ends
    a.weeksIdle[i] = 0;
    a.push[i] = 0;
    a.pending[i] = PENDING_NONE; // a request waiting for a place is dropped
    if (hiredAt < level) a.flags[i] |= F_OVERQUALIFIED;
    if (uniform(i, kTemp) < tempShare) a.flags[i] |= F_INSECURE_JOB;
    if (a.firstJobWeek[i] < 0) a.firstJobWeek[i] = week;
    if (i < m.tracked) m.events.add(i, week, EV_HIRED, hiredAt, hiredAt < level ? 1 : 0);
  }
}
