import { F_CARE, F_INSECURE_JOB, F_OVERQUALIFIED, F_PERSISTENT, F_SEARCHED_INFO, PENDING_NONE } from '../agents.ts';
import { hasBarrier } from '../fit.ts';
import {
  DISCOURAGED, EMPLOYED, ENT_UNEMPLOYMENT_BENEFIT, EV_ENTITLED, EV_HIRED, EV_LOST_JOB, LONG_SERVICE, NO_SERVICE,
  P_HIRE, P_HIRE_LOWER, P_JOB_LOSS, P_TEMPORARY, QUAL_FOREIGN_UNRECOGNISED, SHORT_SERVICE, UNEMPLOYED,
} from '../constants.ts';
import type { Model } from '../model-type.ts';
import { uniform } from '../rng.ts';

/** Job-search intensity of a discouraged person, relative to full-time search (F14). */
export const DISCOURAGED_SEARCH = 0.15;

/** Labour-market and search constants of a model, read once per phase rather than per agent. */
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
  /** Search intensity per service (lock-in). */
  serviceIntensity: Float64Array;
  infoKeep: number; // 1 - infoSearchCost
  selfEfficacySearch: number;
  careKeep: number; // 1 - careSearchCost
  downgradeAfterWeeks: number;
  acceptPressure: number;
}

export function hireParams(m: Model): HireParams {
  const lm = m.scenario.labourMarket;
  const b = m.scenario.behaviour;
  return {
    hireRate: lm.hireRate, languageRequired: Float64Array.from(lm.languageRequired),
    recognitionKeep: 1 - lm.recognitionPenalty, discriminationKeep: 1 - lm.discrimination, barrierKeep: 1 - lm.barrierPenalty, incapacityKeep: 1 - lm.incapacityPenalty,
    networkReferral: lm.networkReferral, certificateValue: lm.certificateValue,
    durationPenalty: lm.durationPenalty, durationWeeks: lm.durationPenaltyWeeks, agePenalty: lm.agePenalty,
    serviceIntensity: m.services.searchIntensity, infoKeep: 1 - b.infoSearchCost, selfEfficacySearch: b.selfEfficacySearch,
    careKeep: 1 - b.careSearchCost, downgradeAfterWeeks: lm.downgradeAfterWeeks, acceptPressure: m.knobs.acceptPressure,
  };
}

/*
 * Each rule below is one scalar function of the person's values (the phase's
 * loop reads its arrays once and passes the values in), with a wrapper
 * `(m, i)` that reads person i, for the other phases and the tests.
 */

/**
 * Job search effort this week (lock-in, F2, F14; Schiprowski 2020): full when
 * searching, the service's intensity in a measure (lock-in), low when
 * discouraged, none in work; times the person's agency (self-efficacy), less
 * for care duties, more after meetings that monitor the search.
 */
export function intensityOf(hp: HireParams, st: number, flags: number, selfEfficacy: number, push: number, service: number): number {
  let s: number;
  if (st === UNEMPLOYED) s = (flags & F_SEARCHED_INFO) !== 0 ? hp.infoKeep : 1;
  else if (st === SHORT_SERVICE || st === LONG_SERVICE) s = hp.serviceIntensity[service];
  else if (st === DISCOURAGED) s = DISCOURAGED_SEARCH;
  else return 0;
  s *= 1 - hp.selfEfficacySearch * (1 - selfEfficacy);
  if ((flags & F_CARE) !== 0) s *= hp.careKeep;
  return s * (1 + push);
}

export function searchIntensity(m: Model, i: number): number {
  const a = m.agents;
  return intensityOf(hireParams(m), a.state[i], a.flags[i], a.selfEfficacy[i], a.push[i], a.service[i]);
}

/** Age (years) above which employers discount applicants (Carlsson & Eriksson 2019). */
export const AGE_PENALTY_FROM = 50;
/** Age (years) at which the age discount is the full `labourMarket.agePenalty`, rising in proportion from `AGE_PENALTY_FROM`. */
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

/** The part of `hireQuality` that does not depend on the job's level (`discriminated`: the person's group faces discrimination). */
export function hireBaseOf(
  hp: HireParams, employability: number, discriminated: boolean, flags: number, gap: number, age: number, network: number, certificates: number,
): number {
  let q = employability;
  if (discriminated) q *= hp.discriminationKeep;
  if ((flags & F_PERSISTENT) !== 0) q *= hp.incapacityKeep;
  else if (hasBarrier(flags, true)) q *= hp.barrierKeep;
  if (gap > 0) q *= 1 - hp.durationPenalty * (gap >= hp.durationWeeks ? 1 : gap / hp.durationWeeks);
  if (age > AGE_PENALTY_FROM) q *= 1 - hp.agePenalty * (age >= AGE_PENALTY_FULL ? 1 : (age - AGE_PENALTY_FROM) / (AGE_PENALTY_FULL - AGE_PENALTY_FROM));
  return q * (1 + hp.networkReferral * network) * (1 + hp.certificateValue * certificates);
}

export function hireBase(m: Model, hp: HireParams, i: number): number {
  const a = m.agents;
  return hireBaseOf(hp, a.employability[i], m.groupDiscriminated[a.group[i]] === 1, a.flags[i], a.weeksIdle[i], a.age[i], a.network[i], a.certificates[i]);
}

/**
 * The part of `hireQuality` that depends on the level: language against what
 * it requires, and recognition at one's own level (`unrecognised`: a foreign
 * qualification not recognised, and `level` is the person's own level).
 */
export function levelFitOf(hp: HireParams, level: number, language: number, unrecognised: boolean): number {
  const req = hp.languageRequired[level];
  const q = language >= req ? 1 : language / req;
  return level > 0 && unrecognised ? q * hp.recognitionKeep : q;
}

export function levelFit(m: Model, hp: HireParams, i: number, level: number): number {
  const a = m.agents;
  return levelFitOf(hp, level, a.language[i], level === a.education[i] && a.foreignQual[i] === QUAL_FOREIGN_UNRECOGNISED);
}

/**
 * Share of `labourMarket.downgradeAfterWeeks` that a person without the
 * ambition of a career or long education waits before taking jobs below
 * their level (F7, F9).
 */
export const PATIENCE_WITHOUT_AMBITION = 0.25;

/** Whether a person at `level`, out of work for `weeksUnemployed` weeks, takes jobs below their level (`ambition`: wants long-term education). */
export function takesLower(level: number, weeksUnemployed: number, ambition: boolean, downgradeAfterWeeks: number, acceptPressure: number): boolean {
  if (level === 0) return false;
  // a career takes longer to give up; pressure to take any job shortens the wait (F7)
  return weeksUnemployed >= downgradeAfterWeeks * (ambition ? 1 : PATIENCE_WITHOUT_AMBITION) * (1 - acceptPressure);
}

/** Whether the person takes jobs below their level this week. */
export function takesLowerJobs(m: Model, i: number): boolean {
  const a = m.agents;
  return takesLower(a.education[i], a.weeksUnemployed[i], a.ambition[i] !== 0, m.scenario.labourMarket.downgradeAfterWeeks, m.knobs.acceptPressure);
}

/**
 * Hires per unit of effective search at a level this week (urn-ball matching;
 * Petrongolo & Pissarides 2001): with V vacancies and effective search D,
 * H = V · (1 − exp(−hireRate · D / V)) are filled, shared in proportion to
 * each applicant's effective search. Plentiful vacancies give `hireRate`;
 * scarce ones are all filled, and more search by some leaves less for others.
 */
/** Below this hireRate · D / V, vacancies are so plentiful that hires per unit of search are taken as `hireRate` (1 − e^−x ≈ x to double precision). */
export const PLENTIFUL_BELOW = 1e-6;

export function hiresPerSearch(hireRate: number, vacancies: number, demand: number): number {
  if (vacancies <= 0 || hireRate <= 0) return 0;
  if (demand <= 0) return hireRate;
  const x = (hireRate * demand) / vacancies;
  return x < PLENTIFUL_BELOW ? hireRate : (vacancies * -Math.expm1(-x)) / demand;
}

/**
 * Phase 6, the labour market (F9; lock-in; matching). First everyone not in
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
  const hp = hireParams(m);
  // search comes before any job ends: the week of losing a job is not a week of search
  const count = search(m, hp);
  jobsEnd(m);
  fillVacancies(m, count, hp.hireRate);
}

/**
 * Everyone out of work searches: effective search at their own level and one
 * level down, summed into `m.demand`. A week of search is a week more out of
 * work. The week's hire draws are made here too: since a level's hires per
 * unit of search never exceed `hireRate` (`hiresPerSearch`), only people whose
 * draw is below their search times `hireRate` can be hired this week. They
 * are listed in `m.hireCandidates` (the count is returned) for `fillVacancies`,
 * which compares the same draws with the week's actual hires per search.
 */
export function search(m: Model, hp: HireParams): number {
  const a = m.agents;
  const refWeight = m.scenario.office.referralWeight;
  const hireRate = hp.hireRate;
  const kHire = m.keys.week[P_HIRE];
  const kLower = m.keys.week[P_HIRE_LOWER];
  const D = m.demand;
  D.fill(0);
  const candidates = m.hireCandidates;
  // the person arrays, read once here rather than per person (the loop is the model's hottest)
  const state = a.state, flags = a.flags, selfEfficacy = a.selfEfficacy, push = a.push, service = a.service, education = a.education;
  const ambition = a.ambition, weeksUnemployed = a.weeksUnemployed, referredLevel = a.referredLevel, employability = a.employability;
  const group = a.group, weeksIdle = a.weeksIdle, age = a.age, network = a.network, certificates = a.certificates, language = a.language;
  const foreignQual = a.foreignQual, searchOwn = a.searchOwn, searchLow = a.searchLow, discriminated = m.groupDiscriminated;
  const downgrade = hp.downgradeAfterWeeks, pressure = hp.acceptPressure;
  let count = 0;
  for (let i = 0; i < m.n; i++) {
    const st = state[i];
    if (st >= EMPLOYED) continue; // in work or out of the labour force
    const f = flags[i];
    const intensity = intensityOf(hp, st, f, selfEfficacy[i], push[i], service[i]);
    const level = education[i];
    const lower = takesLower(level, weeksUnemployed[i], ambition[i] !== 0, downgrade, pressure);
    // a referral adds to the search at its level (the advisor refers one level down only to people who take lower jobs)
    const ref = referredLevel[i];
    if (ref !== PENDING_NONE) referredLevel[i] = PENDING_NONE; // a referral is this week's
    const base = hireBaseOf(hp, employability[i], discriminated[group[i]] === 1, f, weeksIdle[i], age[i], network[i], certificates[i]);
    const lang = language[i];
    const qOwn = base * levelFitOf(hp, level, lang, foreignQual[i] === QUAL_FOREIGN_UNRECOGNISED);
    let own = intensity * qOwn;
    if (ref === level) own += refWeight * qOwn;
    let low = 0;
    if (lower) {
      const qLow = base * levelFitOf(hp, level - 1, lang, false);
      low = intensity * qLow;
      if (ref === level - 1) low += refWeight * qLow;
    }
    D[level] += own;
    if (level > 0) D[level - 1] += low;
    weeksUnemployed[i]++;
    if (st === UNEMPLOYED || st === DISCOURAGED) weeksIdle[i]++;
    searchOwn[i] = own;
    searchLow[i] = low;
    // compared as stored (single precision), as fillVacancies compares them
    if (uniform(i, kHire) < searchOwn[i] * hireRate || (low > 0 && uniform(i, kLower) < searchLow[i] * hireRate)) candidates[count++] = i;
  }
  return count;
}

/** Share by which the weekly chance of losing a job falls at full employability (in proportion below it). */
export const JOB_LOSS_EMPLOYABILITY = 0.5;

/** Jobs end at a weekly rate, higher for insecure jobs, jobs below one's level and untreated barriers; enough weeks of work earn a right to unemployment benefit. */
export function jobsEnd(m: Model): void {
  const a = m.agents;
  const lm = m.scenario.labourMarket;
  const week = m.week;
  const kLoss = m.keys.week[P_JOB_LOSS];
  const jobLoss = lm.jobLoss, barrierLoss = lm.barrierJobLoss, tempEnd = lm.temporaryJobEnd, overLoss = lm.overqualifiedJobLoss;
  const rightsAfter = lm.rightsAfterWeeksEmployed;
  const state = a.state, flags = a.flags, weeksEmployed = a.weeksEmployed, employability = a.employability;
  for (let i = 0; i < m.n; i++) {
    if (state[i] !== EMPLOYED) continue;
    weeksEmployed[i]++;
    const f = flags[i];
    const pLoss = ((f & F_INSECURE_JOB) !== 0 ? tempEnd : jobLoss) * ((f & F_OVERQUALIFIED) !== 0 ? overLoss : 1) * (1 - JOB_LOSS_EMPLOYABILITY * employability[i])
      * (hasBarrier(f, true) ? barrierLoss : 1);
    if (uniform(i, kLoss) >= pLoss) continue;
    state[i] = UNEMPLOYED;
    flags[i] = f & ~(F_OVERQUALIFIED | F_INSECURE_JOB);
    if (i < m.tracked) m.events.add(i, week, EV_LOST_JOB, 0, 0);
    if (weeksEmployed[i] >= rightsAfter && (a.entitlements[i] & ENT_UNEMPLOYMENT_BENEFIT) === 0) {
      a.entitlements[i] |= ENT_UNEMPLOYMENT_BENEFIT;
      if (i < m.tracked) m.events.add(i, week, EV_ENTITLED, ENT_UNEMPLOYMENT_BENEFIT, 0);
    }
    weeksEmployed[i] = 0;
  }
}

/** The week's vacancies at each level are filled from the people `search` listed (`hiresPerSearch`); a hire at one's own level comes first. */
export function fillVacancies(m: Model, count: number, hireRate: number): void {
  const a = m.agents;
  const week = m.week;
  const D = m.demand;
  const kHire = m.keys.week[P_HIRE];
  const kLower = m.keys.week[P_HIRE_LOWER];
  const kTemp = m.keys.week[P_TEMPORARY];
  const tempShare = m.scenario.labourMarket.temporaryShare;
  const candidates = m.hireCandidates;
  const h0 = hiresPerSearch(hireRate, m.vacancies[0], D[0]);
  const h1 = hiresPerSearch(hireRate, m.vacancies[1], D[1]);
  const h2 = hiresPerSearch(hireRate, m.vacancies[2], D[2]);
  for (let j = 0; j < count; j++) {
    const i = candidates[j];
    const level = a.education[i];
    const hOwn = level === 0 ? h0 : level === 1 ? h1 : h2;
    let hiredAt = -1;
    if (uniform(i, kHire) < a.searchOwn[i] * hOwn) hiredAt = level;
    else if (level > 0 && a.searchLow[i] > 0 && uniform(i, kLower) < a.searchLow[i] * (level === 1 ? h0 : h1)) hiredAt = level - 1;
    if (hiredAt < 0) continue;
    m.recorder.hired(hiredAt);
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
