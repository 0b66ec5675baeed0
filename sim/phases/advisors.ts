import {
  F_ASSESSED, F_BARRIER_TREATED, F_DISCLOSED, F_HEALTH_BARRIER, F_HIDDEN_BARRIER, F_MET_THIS_WEEK, PENDING_NONE,
} from '../agents.ts';
import {
  CH_ADVISOR, DISCOURAGED, ECONOMIC_RIGHTS, EMPLOYED, EV_ADVISOR_CHANGED, EV_DISCLOSED, EV_FOLLOW_UP, EV_FOUND_INFO,
  EV_GOT_ADVISOR, EV_MET_ADVISOR, EV_NO_SHOW, EV_OFFERED, LONG_SERVICE, P_ADVISOR_ASSIGN, P_ADVISOR_TURNOVER,
  P_DISCLOSE, P_EXPLORE, P_FOLLOW_UP, P_INFORM, P_INFORM_WHICH, P_MEETING, P_OFFER, P_OFFER_KIND,
  P_OFFER_LEVEL, P_OFFER_LONG, P_OFFER_PICK, P_SHOW_UP, SHORT_SERVICE, UNEMPLOYED,
} from '../constants.ts';
import { fitMask, hasVisibleBarrier, targetLevel } from '../fit.ts';
import type { Model } from '../model.ts';
import { uniform } from '../rng.ts';
import { entitled, pickBit } from '../services.ts';
import { clamp01 } from '../clamp.ts';

/** Weight of a person without economic rights when advisor time goes to rights holders first (F8). */
export const NO_RIGHTS_WEIGHT = 0.01;

/** Need as the office can see it: visible barriers, low education, low self-efficacy, long unemployment. */
export function assessedNeed(m: Model, i: number): number {
  const a = m.agents;
  const barrier = hasVisibleBarrier(a.flags[i]);
  const wu = a.weeksUnemployed[i];
  return 0.15 + (barrier ? 0.25 : 0) + (a.education[i] === 0 ? 0.15 : 0) + 0.2 * (1 - a.selfEfficacy[i])
    + 0.1 * (1 - a.language[i]) + 0.15 * (wu > 104 ? 1 : wu / 104);
}

/** Chance of showing up to a meeting (F11, F12, F14). */
export function showUpChance(m: Model, i: number): number {
  const a = m.agents;
  const b = m.scenario.behaviour;
  const f = a.flags[i];
  const untreated = (f & F_BARRIER_TREATED) === 0;
  let p = b.showUpBase + 0.25 * a.trust[i] + 0.1 * a.selfEfficacy[i] - 0.3 * a.shame[i]
    - (untreated && (f & F_HIDDEN_BARRIER) !== 0 ? 0.25 : 0) - (untreated && (f & F_HEALTH_BARRIER) !== 0 ? 0.1 : 0);
  const s = a.service[i];
  if ((a.state[i] === SHORT_SERVICE || a.state[i] === LONG_SERVICE) && m.services.peerGroup[s]) p += b.attendancePressure * (1 - p);
  return p < 0.05 ? 0.05 : p > 0.99 ? 0.99 : p;
}

/**
 * Phase 2, advisors (F1, F6, F8, F11, F12).
 * 1. People in work leave their contact person's caseload; the rest may get a
 *    new contact person (turnover), losing part of their trust.
 * 2. Free caseload places go to people without one, with weights set by the
 *    policy: rights holders first (standardised) or by assessed need
 *    (personalised). A person's weekly chance is their weight, scaled down
 *    in proportion when last week's total weight of people waiting was
 *    larger than the free places.
 * 3. People with a contact person have a meeting with a chance set by the
 *    advisor's hours and load; everyone has one needs assessment. Meetings may
 *    be missed; follow-up brings the person in after all.
 * 4. At a meeting: assessment (category or exploration), recognition,
 *    trust, disclosure of hidden barriers, information, and perhaps an offer.
 */
export function advisors(m: Model): void {
  const a = m.agents;
  const k = m.knobs;
  const b = m.scenario.behaviour;
  const caseload = m.scenario.office.caseload;
  const load = m.advisorLoad;
  const A = load.length;
  const week = m.week;
  const kTurn = m.keys.week[P_ADVISOR_TURNOVER];
  const kTurn2 = m.keys.week2[P_ADVISOR_TURNOVER];
  const kAssign = m.keys.week[P_ADVISOR_ASSIGN];
  const kMeet = m.keys.week[P_MEETING];
  const kShow = m.keys.week[P_SHOW_UP];
  const kFollow = m.keys.week[P_FOLLOW_UP];
  const turnover = k.advisorTurnover, followUp = k.followUp, trustGain = b.trustGain, trustLoss = b.trustLossOnChange;
  const meetingsPerAdvisor = (k.meetingIntensity * m.scenario.office.hoursPerWeek) / m.scenario.office.hoursPerMeeting;
  let free = 0;
  for (let v = 0; v < A; v++) if (load[v] < caseload) free += caseload - load[v];
  // chance scale from last week's total weight of people waiting (one pass, no order effects in the chance)
  const scale = m.waitingWeight > free ? free / m.waitingWeight : 1;
  let waiting = 0;
  let cursor = 0;
  for (let i = 0; i < m.n; i++) {
    let adv = a.advisor[i];
    a.flags[i] &= ~F_MET_THIS_WEEK;
    if (a.state[i] === EMPLOYED) {
      if (adv >= 0) { load[adv]--; a.advisor[i] = -1; free++; }
      continue;
    }
    if (adv >= 0) {
      a.advisorWeeks[i]++;
      if (A > 1 && uniform(i, kTurn) < turnover) {
        const next = (adv + 1 + Math.floor(uniform(i, kTurn2) * (A - 1))) % A;
        load[adv]--; load[next]++;
        adv = a.advisor[i] = next;
        a.advisorWeeks[i] = 0;
        a.trust[i] *= 1 - trustLoss;
        if (i < m.tracked) m.events.add(i, week, EV_ADVISOR_CHANGED, next, 0);
      }
    } else {
      const w = assignWeight(m, i);
      waiting += w;
      if (free > 0 && uniform(i, kAssign) < scale * w) {
        let tries = 0;
        while (load[cursor] >= caseload && tries++ < A) cursor = cursor + 1 === A ? 0 : cursor + 1;
        adv = a.advisor[i] = cursor;
        a.advisorWeeks[i] = 0;
        load[cursor]++;
        free--;
        if (i < m.tracked) m.events.add(i, week, EV_GOT_ADVISOR, cursor, 0);
        cursor = cursor + 1 === A ? 0 : cursor + 1;
      }
    }
    let pMeet: number;
    if (adv >= 0) pMeet = meetingsPerAdvisor / (load[adv] > 1 ? load[adv] : 1);
    else if ((a.flags[i] & F_ASSESSED) === 0) pMeet = 1; // everyone's right to a needs assessment
    else continue;
    if (uniform(i, kMeet) >= pMeet) continue;
    a.meetingsScheduled[i]++;
    if (uniform(i, kShow) >= showUpChance(m, i)) {
      if (adv >= 0 && uniform(i, kFollow) < followUp) {
        a.trust[i] = clamp01(a.trust[i] + 0.5 * trustGain * (1 - a.trust[i]));
        if (i < m.tracked) m.events.add(i, week, EV_FOLLOW_UP, 0, 0);
      } else {
        a.trust[i] *= 0.95;
        if (i < m.tracked) m.events.add(i, week, EV_NO_SHOW, 0, 0);
        continue;
      }
    }
    meet(m, i);
  }
  m.waitingWeight = waiting;
}

function assignWeight(m: Model, i: number): number {
  const p = m.knobs.priorityByNeed;
  const rights = (m.agents.entitlements[i] & ECONOMIC_RIGHTS) !== 0 ? 1 : NO_RIGHTS_WEIGHT;
  return (1 - p) * rights + p * assessedNeed(m, i);
}

/** One attended meeting with the advisor (or the needs assessment). */
export function meet(m: Model, i: number): void {
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
    a.assessedLevel[i] = a.education[i];
    a.shame[i] = clamp01(a.shame[i] - b.recognition);
    a.selfEfficacy[i] = clamp01(a.selfEfficacy[i] + 0.5 * b.recognition);
  }
  if (a.advisor[i] >= 0) a.trust[i] = clamp01(a.trust[i] + b.trustGain * (1 - a.trust[i]) * (explores ? 1 : 0.5));
  if (i < m.tracked) m.events.add(i, week, EV_MET_ADVISOR, explores ? 1 : 0, 0);
  // hidden barriers surface with trust (F12)
  const f = a.flags[i];
  if ((f & F_HIDDEN_BARRIER) !== 0 && (f & F_DISCLOSED) === 0
    && uniform(i, kDisclose) < b.disclosure * a.trust[i] * (0.3 + 0.7 * k.exploration)) {
    a.flags[i] |= F_DISCLOSED;
    if (i < m.tracked) m.events.add(i, week, EV_DISCLOSED, 0, 0);
  }
  const route = m.groupRoute[a.group[i]];
  const seen = fitMask(a, t, i, route, false);
  let entitledMask = 0;
  for (let s = 0; s < t.count; s++) if (entitled(t, s, a.entitlements[i], route)) entitledMask |= 1 << s;
  // proactive information, face to face, about fitting services the person can get (F2, F10)
  if (uniform(i, m.keys.week[P_INFORM]) < k.proactiveInformation) {
    const s = pickBit(seen & entitledMask & ~a.known[i], uniform(i, m.keys.week[P_INFORM_WHICH]));
    if (s >= 0) {
      a.known[i] |= 1 << s;
      if (i < m.tracked) m.events.add(i, week, EV_FOUND_INFO, s, CH_ADVISOR);
    }
  }
  // an offer: activity targets push any measure (F7); matched offers fit goals, level and barriers (F4, F5)
  const st = a.state[i];
  if ((st !== UNEMPLOYED && st !== DISCOURAGED) || a.pending[i] !== PENDING_NONE) return;
  if (uniform(i, kOffer) >= 0.1 + 0.7 * k.activityTarget) return;
  let open = 0;
  for (let s = 0; s < t.count; s++) if (m.slotsLeft[s] >= 1 && (entitledMask & (1 << s)) !== 0) open |= 1 << s;
  let candidates: number;
  const matched = uniform(i, kKind) < k.matchedOffers;
  if (matched) {
    candidates = seen & open;
    const barrierHelp = candidates & t.treatsMask;
    const longFits = candidates & t.longMask;
    if (barrierHelp !== 0 && hasVisibleBarrier(a.flags[i])) candidates = barrierHelp;
    // a plan holds one long service; after it the person searches with what they gained
    else if (longFits !== 0 && a.longStarted[i] === 0 && uniform(i, m.keys.week[P_OFFER_LONG]) < k.longTermPlanning) candidates = longFits;
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


