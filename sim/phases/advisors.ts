import {
  F_ASSESSED, F_BARRIER_TREATED, F_DISCLOSED, F_EXPLORED, F_HEALTH_BARRIER, F_HIDDEN_BARRIER, F_MET_THIS_WEEK, PENDING_NONE,
} from '../agents.ts';
import {
  CH_ADVISOR, DISCOURAGED, ECONOMIC_RIGHTS, EV_ADVISOR_CHANGED, EV_DISCLOSED, EV_FOLLOW_UP, EV_FOUND_INFO,
  EV_GOT_ADVISOR, EV_MET_ADVISOR, EV_NO_SHOW, EV_OFFERED, EV_REFERRED, LONG_SERVICE, P_ADVISOR_ASSIGN, P_ADVISOR_TURNOVER,
  P_DISCLOSE, P_EXPLORE, P_FOLLOW_UP, P_INFORM, P_INFORM_WHICH, P_MEETING, P_OFFER, P_OFFER_KIND,
  P_OFFER_LEVEL, P_OFFER_LONG, P_OFFER_PICK, P_REFER, P_SHOW_UP, seeksWork, SHORT_SERVICE, UNEMPLOYED,
} from '../constants.ts';
import { fitMask, hasVisibleBarrier, targetLevel } from '../fit.ts';
import type { Model } from '../model-type.ts';
import { uniform } from '../rng.ts';
import { entitledServices, pickBit } from '../services.ts';
import { clamp01 } from '../clamp.ts';
import { takesLowerJobs } from './labour.ts';
import { INITIAL_TRUST } from '../init.ts';

/** Bins of the priority weight (0..1) by which free contact-person places are given out, highest first (F1, F8). */
export const PRIORITY_BINS = 64;
const binOf = (w: number) => (w >= 1 ? PRIORITY_BINS - 1 : w <= 0 ? 0 : Math.floor(w * PRIORITY_BINS));

/*
 * Assessed need (`assessedNeed`), the weight of personalised priority for a
 * contact-person place (F1, F8): a sum of what the office can see, each term
 * at most the number below. The weights add up to 1.
 */
/** Assessed need of anyone registered. */
export const NEED_BASE = 0.15;
/** Assessed need added by a barrier the office can see and nobody has worked on (F10, F12). */
export const NEED_VISIBLE_BARRIER = 0.25;
/** Assessed need added by basic education only. */
export const NEED_BASIC_EDUCATION = 0.15;
/** Assessed need added per unit of self-efficacy below 1 (F14). */
export const NEED_LOW_SELF_EFFICACY = 0.2;
/** Assessed need added per unit of language below 1. */
export const NEED_LOW_LANGUAGE = 0.1;
/** Assessed need added by long unemployment: in full after `NEED_FULL_AFTER_WEEKS` weeks out of work, in proportion before. */
export const NEED_LONG_UNEMPLOYED = 0.15;
/** Weeks out of work at which long unemployment adds its full `NEED_LONG_UNEMPLOYED` (two years). */
export const NEED_FULL_AFTER_WEEKS = 104;

/** Need as the office can see it: visible barriers, low education, low self-efficacy, low language, long unemployment. */
export function assessedNeed(m: Model, i: number): number {
  const a = m.agents;
  const barrier = hasVisibleBarrier(a.flags[i]);
  const wu = a.weeksUnemployed[i];
  return NEED_BASE + (barrier ? NEED_VISIBLE_BARRIER : 0) + (a.education[i] === 0 ? NEED_BASIC_EDUCATION : 0)
    + NEED_LOW_SELF_EFFICACY * (1 - a.selfEfficacy[i]) + NEED_LOW_LANGUAGE * (1 - a.language[i])
    + NEED_LONG_UNEMPLOYED * (wu > NEED_FULL_AFTER_WEEKS ? 1 : wu / NEED_FULL_AFTER_WEEKS);
}

/*
 * The chance of showing up to a meeting (`showUpChance`): behaviour.showUpBase
 * plus or minus the terms below, then kept within SHOW_UP_MIN .. SHOW_UP_MAX.
 */
/** Show-up gained per unit of trust in the contact person (F11). */
export const SHOW_UP_TRUST = 0.25;
/** Show-up gained per unit of self-efficacy (F14). */
export const SHOW_UP_SELF_EFFICACY = 0.1;
/** Show-up lost per unit of shame (F14). */
export const SHOW_UP_SHAME = 0.3;
/** Show-up lost to a hidden barrier nobody has worked on, disclosed or not (F12). */
export const SHOW_UP_HIDDEN_BARRIER = 0.25;
/** Show-up lost to a health barrier nobody has worked on (F10). */
export const SHOW_UP_HEALTH_BARRIER = 0.1;
/** The lowest chance of showing up to a meeting. */
export const SHOW_UP_MIN = 0.05;
/** The highest chance of showing up to a meeting: even the most reliable sometimes miss one. */
export const SHOW_UP_MAX = 0.99;

/** Chance of showing up to a meeting (F11, F12, F14). */
export function showUpChance(m: Model, i: number): number {
  const a = m.agents;
  const b = m.scenario.behaviour;
  const f = a.flags[i];
  const untreated = (f & F_BARRIER_TREATED) === 0;
  let p = b.showUpBase + SHOW_UP_TRUST * a.trust[i] + SHOW_UP_SELF_EFFICACY * a.selfEfficacy[i] - SHOW_UP_SHAME * a.shame[i]
    - (untreated && (f & F_HIDDEN_BARRIER) !== 0 ? SHOW_UP_HIDDEN_BARRIER : 0)
    - (untreated && (f & F_HEALTH_BARRIER) !== 0 ? SHOW_UP_HEALTH_BARRIER : 0);
  const s = a.service[i];
  if ((a.state[i] === SHORT_SERVICE || a.state[i] === LONG_SERVICE) && m.services.peerGroup[s]) p += b.attendancePressure * (1 - p);
  return p < SHOW_UP_MIN ? SHOW_UP_MIN : p > SHOW_UP_MAX ? SHOW_UP_MAX : p;
}

/** Share of `behaviour.trustGain` built when a missed meeting is followed up and the person comes in after all (F11). */
export const FOLLOW_UP_TRUST_GAIN = 0.5;
/** Share of trust kept after a missed meeting that nobody follows up (F11). */
export const NO_SHOW_TRUST_KEPT = 0.95;
/** Share of `behaviour.trustGain` built by a meeting with the contact person that does not explore the person's situation (F6, F11). */
export const ROUTINE_MEETING_TRUST_GAIN = 0.5;
/** Self-efficacy gained from recognition at an exploring meeting, as a share of `behaviour.recognition` (F6, F14). */
export const RECOGNITION_SELF_EFFICACY = 0.5;
/**
 * The chance of disclosing a hidden barrier at a meeting is `behaviour.disclosure`
 * × trust × (`DISCLOSURE_WITHOUT_EXPLORATION` + `DISCLOSURE_BY_EXPLORATION` × `exploration`):
 * this is the weight when advisors never explore (F12).
 */
export const DISCLOSURE_WITHOUT_EXPLORATION = 0.3;
/** What full exploration adds to the weight of disclosure (with `DISCLOSURE_WITHOUT_EXPLORATION` it makes 1; F6, F12). */
export const DISCLOSURE_BY_EXPLORATION = 0.7;

/**
 * The chance of a contact-person place this week for each priority bin:
 * free places go to the highest weights first, and within the bin where they
 * run out, by lottery (scarce advisor time given out by the priority rule,
 * within capacity; F1, F8). Judged on last week's waiting people, so the
 * chance does not depend on the order in which people are processed.
 */
export function placeChances(waiting: Float64Array, free: number, out: Float64Array): void {
  let above = 0;
  for (let bin = PRIORITY_BINS - 1; bin >= 0; bin--) {
    const c = waiting[bin];
    out[bin] = c <= 0 ? (above < free ? 1 : 0) : above + c <= free ? 1 : above < free ? (free - above) / c : 0;
    above += c;
  }
}

/**
 * Phase 3, advisors (F1, F6, F8, F11, F12; Hainmueller et al. 2016, Schiprowski 2020).
 * 1. People in work or out of the labour force leave their contact person's
 *    caseload; the rest may get a new contact person (turnover), losing part
 *    of their trust.
 * 2. Free caseload places go to people without one by the policy's priority
 *    weight: economic rights first (standardised) or assessed need
 *    (personalised), highest weights first (`placeChances`).
 * 3. People with a contact person have a meeting with a chance set by the
 *    advisor's meeting hours and caseload; everyone has one needs assessment.
 *    Meetings may be missed; follow-up brings the person in after all.
 * 4. At a meeting: assessment (category or exploration), recognition, trust,
 *    disclosure of hidden barriers, monitoring of search, information, a
 *    referral to a vacancy and perhaps an offer of a measure.
 */
export function advisors(m: Model): void {
  const a = m.agents;
  const k = m.knobs;
  const b = m.scenario.behaviour;
  const office = m.scenario.office;
  const load = m.advisorLoad;
  const places = m.advisorPlaces;
  const A = load.length;
  const week = m.week;
  const kTurn = m.keys.week[P_ADVISOR_TURNOVER];
  const kTurn2 = m.keys.week2[P_ADVISOR_TURNOVER];
  const kAssign = m.keys.week[P_ADVISOR_ASSIGN];
  const kMeet = m.keys.week[P_MEETING];
  const kShow = m.keys.week[P_SHOW_UP];
  const kFollow = m.keys.week[P_FOLLOW_UP];
  const turnover = k.advisorTurnover, followUp = k.followUp, trustGain = b.trustGain, trustLoss = b.trustLossOnChange;
  const meetingCost = office.hoursPerMeeting * office.costPerAdvisorHour;
  let free = 0;
  const meetChance = m.meetChance;
  for (let v = 0; v < A; v++) {
    if (load[v] < places[v]) free += places[v] - load[v];
    // the advisor's meetings fall on their people at random and nobody is met twice in a week: 1 − exp(−meetings per person),
    // with the caseload as the week begins
    meetChance[v] = -Math.expm1(-m.advisorMeetings[v] / (load[v] > 1 ? load[v] : 1));
  }
  const chance = m.placeChance;
  placeChances(m.waitingByWeight, free, chance);
  const next = m.waitingNext;
  next.fill(0);
  let cursor = 0;
  for (let i = 0; i < m.n; i++) {
    let adv = a.advisor[i];
    const f0 = a.flags[i];
    if ((f0 & F_MET_THIS_WEEK) !== 0) a.flags[i] = f0 & ~F_MET_THIS_WEEK; // written only when it changes
    if (!seeksWork(a.state[i])) {
      if (adv >= 0) { load[adv]--; a.advisor[i] = -1; }
      continue;
    }
    if (adv >= 0) {
      a.advisorWeeks[i]++;
      if (A > 1 && turnover > 0 && uniform(i, kTurn) < turnover) {
        // another advisor, drawn uniformly; if that caseload is full, the next one round with room; if none has room, no change
        const nextAdv = withRoom(load, places, (adv + 1 + Math.floor(uniform(i, kTurn2) * (A - 1))) % A);
        if (nextAdv >= 0 && nextAdv !== adv) {
          load[adv]--; load[nextAdv]++;
          adv = a.advisor[i] = nextAdv;
          a.advisorWeeks[i] = 0;
          // what was built with the old contact person is partly lost; general trust in the office is not (F11)
          if (a.trust[i] > INITIAL_TRUST) a.trust[i] = INITIAL_TRUST + (a.trust[i] - INITIAL_TRUST) * (1 - trustLoss);
          if (i < m.tracked) m.events.add(i, week, EV_ADVISOR_CHANGED, nextAdv, 0);
        }
      }
    } else if (A > 0) {
      const bin = binOf(assignWeight(m, i));
      next[bin]++;
      const found = chance[bin] > 0 && uniform(i, kAssign) < chance[bin] ? withRoom(load, places, cursor) : -1;
      if (found >= 0) {
        adv = a.advisor[i] = found;
        a.advisorWeeks[i] = 0;
        load[found]++;
        if (i < m.tracked) m.events.add(i, week, EV_GOT_ADVISOR, found, 0);
        cursor = found + 1 === A ? 0 : found + 1;
      }
    }
    let pMeet: number;
    const assessment = (a.flags[i] & F_ASSESSED) === 0;
    if (assessment) pMeet = 1; // everyone's right to a needs assessment, at the front desk, whatever the budget
    else if (adv >= 0 && m.budgetLeft > 0) pMeet = meetChance[adv];
    else continue;
    if (uniform(i, kMeet) >= pMeet) continue;
    a.meetingsScheduled[i]++;
    m.budgetLeft -= meetingCost;
    if (uniform(i, kShow) >= showUpChance(m, i)) {
      if (adv >= 0 && !assessment && uniform(i, kFollow) < followUp) {
        a.trust[i] = clamp01(a.trust[i] + FOLLOW_UP_TRUST_GAIN * trustGain * (1 - a.trust[i]));
        if (i < m.tracked) m.events.add(i, week, EV_FOLLOW_UP, 0, 0);
      } else {
        a.trust[i] *= NO_SHOW_TRUST_KEPT;
        if (i < m.tracked) m.events.add(i, week, EV_NO_SHOW, 0, 0);
        continue;
      }
    }
    meet(m, i, !assessment && adv >= 0);
  }
  const last = m.waitingByWeight;
  m.waitingByWeight = next;
  m.waitingNext = last;
}

/** The first advisor from `start` round (wrapping) whose caseload has room, or −1 if none has. */
export function withRoom(load: Int32Array, places: Float64Array, start: number): number {
  const A = load.length;
  for (let k = 0, v = start; k < A; k++, v = v + 1 === A ? 0 : v + 1) if (load[v] < places[v]) return v;
  return -1;
}

/** Count the people waiting for a contact person by priority weight, for the first week's place chances. */
export function measureWaiting(m: Model): void {
  m.waitingByWeight.fill(0);
  if (m.advisorLoad.length === 0) return;
  for (let i = 0; i < m.n; i++) if (m.agents.advisor[i] < 0 && seeksWork(m.agents.state[i])) m.waitingByWeight[binOf(assignWeight(m, i))]++;
}

/** Priority weight for a contact-person place: economic rights (1 or 0) and assessed need, mixed by `priorityByNeed`. */
export function assignWeight(m: Model, i: number): number {
  const p = m.knobs.priorityByNeed;
  const rights = (m.agents.entitlements[i] & ECONOMIC_RIGHTS) !== 0 ? 1 : 0;
  return p === 0 ? rights : (1 - p) * rights + p * assessedNeed(m, i);
}

/** One attended meeting with the advisor, or the needs assessment at the front desk (`withContact` false: no trust is built with a contact person). */
export function meet(m: Model, i: number, withContact = m.agents.advisor[i] >= 0): void {
  const a = m.agents;
  const k = m.knobs;
  const b = m.scenario.behaviour;
  const t = m.services;
  const week = m.week;
  const kOffer = m.keys.week[P_OFFER];
  const kKind = m.keys.week[P_OFFER_KIND];
  const kDisclose = m.keys.week[P_DISCLOSE];
  a.flags[i] |= F_MET_THIS_WEEK | F_ASSESSED;
  a.meetingsAttended[i]++;
  // exploration: the true level and goals become visible; recognition lowers shame (F6, F14)
  const explores = uniform(i, m.keys.week[P_EXPLORE]) < k.exploration;
  if (explores) {
    a.flags[i] |= F_EXPLORED;
    a.assessedLevel[i] = a.education[i];
    a.shame[i] = clamp01(a.shame[i] - b.recognition);
    a.selfEfficacy[i] = clamp01(a.selfEfficacy[i] + RECOGNITION_SELF_EFFICACY * b.recognition);
  }
  if (withContact) a.trust[i] = clamp01(a.trust[i] + b.trustGain * (1 - a.trust[i]) * (explores ? 1 : ROUTINE_MEETING_TRUST_GAIN));
  if (i < m.tracked) m.events.add(i, week, EV_MET_ADVISOR, explores ? 1 : 0, 0);
  // hidden barriers surface with trust (F12)
  const f = a.flags[i];
  if ((f & F_HIDDEN_BARRIER) !== 0 && (f & F_DISCLOSED) === 0
    && uniform(i, kDisclose) < b.disclosure * a.trust[i] * (DISCLOSURE_WITHOUT_EXPLORATION + DISCLOSURE_BY_EXPLORATION * k.exploration)) {
    a.flags[i] |= F_DISCLOSED;
    if (i < m.tracked) m.events.add(i, week, EV_DISCLOSED, 0, 0);
  }
  const route = m.groupRoute[a.group[i]];
  // the fit as the advisor sees it and the services the person can get, worked out only when needed (each draw has its own stream)
  let seen = -1, entitledMask = 0;
  // proactive information, face to face, about fitting services the person can get (F2, F10)
  if (uniform(i, m.keys.week[P_INFORM]) < k.proactiveInformation) {
    seen = fitMask(a, t, i, route, false);
    entitledMask = entitledServices(t, a.entitlements[i], route);
    const s = pickBit(seen & entitledMask & ~a.known[i], uniform(i, m.keys.week[P_INFORM_WHICH]));
    if (s >= 0) {
      a.known[i] |= 1 << s;
      if (i < m.tracked) m.events.add(i, week, EV_FOUND_INFO, s, CH_ADVISOR);
    }
  }
  const st = a.state[i];
  if (st !== UNEMPLOYED && st !== DISCOURAGED) return;
  // monitoring and follow-up of search, with the threat of sanctions under pressure (Schiprowski 2020; Lalive et al. 2005)
  const push = b.monitoringPush * (1 + b.sanctionThreat * k.acceptPressure);
  a.push[i] = clamp01(a.push[i] + (push > 1 ? 1 : push) * (1 - a.push[i]));
  // job brokering: a vacancy the advisor knows of, at the level the office works with (Hainmueller et al. 2016)
  if (uniform(i, m.keys.week[P_REFER]) < m.scenario.office.referralChance) {
    const ed = a.education[i];
    // the office's level for the person, at most one step below their own (jobs further down are not referred)
    const level = a.assessedLevel[i] >= ed ? ed : ed - 1;
    if (level === ed || takesLowerJobs(m, i)) {
      a.referredLevel[i] = level;
      a.referrals[i]++;
      if (i < m.tracked) m.events.add(i, week, EV_REFERRED, level, level < ed ? 1 : 0);
    }
  }
  // an offer of a measure (F4, F7); matched offers fit goals, level and barriers (F4, F5)
  if (a.pending[i] !== PENDING_NONE || m.budgetLeft <= 0) return;
  if (uniform(i, kOffer) >= k.offerRate) return;
  if (seen < 0) {
    seen = fitMask(a, t, i, route, false);
    entitledMask = entitledServices(t, a.entitlements[i], route);
  }
  let open = 0;
  for (let s = 0; s < t.count; s++) if (m.slotsLeft[s] > 0 && (entitledMask & (1 << s)) !== 0) open |= 1 << s;
  let candidates: number;
  const matched = uniform(i, kKind) < k.matchedOffers;
  if (matched) {
    candidates = seen & open;
    const barrierHelp = candidates & t.treatsMask;
    const longFits = candidates & t.longMask;
    if (barrierHelp !== 0 && hasVisibleBarrier(a.flags[i])) candidates = barrierHelp;
    // a plan holds one long service; after it the person searches with what they gained
    else if (longFits !== 0 && a.longStarted[i] === 0 && uniform(i, m.keys.week[P_OFFER_LONG]) < k.longTermPlanning) candidates = longFits;
    // where activity counts as success, any short measure is a good result, fitting or not (F7)
    else if (uniform(i, m.keys.week2[P_OFFER_KIND]) < k.activityTarget) candidates = t.shortMask & open;
    else if ((candidates & t.shortMask) !== 0) candidates &= t.shortMask;
    else candidates = 0; // nothing short fits and no long plan: wait rather than place
  } else {
    candidates = t.shortMask & open; // the default short measure of the category
  }
  const s = pickBit(candidates, uniform(i, m.keys.week[P_OFFER_PICK]));
  if (s < 0) return;
  const level = t.levelled[s] && uniform(i, m.keys.week[P_OFFER_LEVEL]) < k.levelMatching
    ? targetLevel(t, s, a.assessedLevel[i]) : t.defaultLevel[s];
  a.pending[i] = s;
  a.pendingLevel[i] = level;
  a.pendingByAdvisor[i] = 1;
  a.known[i] |= 1 << s;
  if (i < m.tracked) m.events.add(i, week, EV_OFFERED, s, level);
}


