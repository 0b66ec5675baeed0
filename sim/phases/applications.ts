import { BY_ADVISOR, BY_PERSON, F_EXPLORED, PENDING_NONE, WAITING } from '../agents.ts';
import {
  DISCOURAGED, ECONOMIC_RIGHTS, EV_APPLIED, EV_DISCOURAGED, EV_REJECTED, EV_STARTED, LONG_SERVICE, P_APPLY,
  P_APPLY_WHICH, P_CAPACITY, P_DECIDE, QUAL_FOREIGN_UNRECOGNISED, REASON_ALREADY_HOLDS, REASON_LEVEL, REASON_NO_BUDGET,
  REASON_NO_CAPACITY, REASON_NOT_ENTITLED, REASON_NOT_PRIORITY, SHORT_SERVICE, UNEMPLOYED,
} from '../constants.ts';
import { targetLevel } from '../fit.ts';
import type { Model } from '../model-type.ts';
import { uniform } from '../rng.ts';
import { entitled, pickBit } from '../services.ts';
import { PERIOD_WEEKS } from './capacity.ts';

/**
 * The office's rules for a request by the person (F1, F3, F5). Returns a
 * REASON_* code, or 0 when the request passes the rules (capacity is decided
 * afterwards, by lottery among those who pass).
 */
export function refusalReason(m: Model, i: number, s: number, level: number): number {
  const a = m.agents;
  const t = m.services;
  const k = m.knobs;
  if (!entitled(t, s, a.entitlements[i], m.groupRoute[a.group[i]])) return REASON_NOT_ENTITLED;
  // the office counts an education on paper, from abroad too, unless an exploring meeting has seen that it is not recognised (F3, F6)
  if (t.refusesIfHeld[s] && a.education[i] >= t.defaultLevel[s]
    && !(a.foreignQual[i] === QUAL_FOREIGN_UNRECOGNISED && (a.flags[i] & F_EXPLORED) !== 0)) return REASON_ALREADY_HOLDS;
  if (t.levelled[s] && level > a.assessedLevel[i] && uniform(i, m.keys.week[P_DECIDE]) >= k.levelMatching) return REASON_LEVEL;
  return 0;
}

/**
 * Whether a request or offer for service `s` is in the first tier for its
 * places: always, unless the service gives rights holders priority and the
 * person holds no economic right; then with chance `priorityByNeed` (F1, F3).
 */
export function firstTier(m: Model, i: number, s: number): boolean {
  return m.services.rightsPriority[s] === 0 || (m.agents.entitlements[i] & ECONOMIC_RIGHTS) !== 0
    || uniform(i, m.keys.week2[P_DECIDE]) < m.knobs.priorityByNeed;
}

/** A refusal: counted, remembered, and a blow to self-efficacy that may end the search (F3, F14). */
export function reject(m: Model, i: number, s: number, reason: number): void {
  const a = m.agents;
  const b = m.scenario.behaviour;
  a.rejections[i]++;
  m.recorder.rejected(reason);
  a.refused[i] |= 1 << s;
  a.selfEfficacy[i] *= 1 - b.rejectionHit;
  if (i < m.tracked) m.events.add(i, m.week, EV_REJECTED, s, reason);
  if (a.state[i] === UNEMPLOYED && a.selfEfficacy[i] < b.discouragedBelow) {
    a.state[i] = DISCOURAGED;
    if (i < m.tracked) m.events.add(i, m.week, EV_DISCOURAGED, 0, 0);
  }
}

/** Enrolment in service `s` at `level`, with the tallies behind the service metrics. */
export function enrol(m: Model, i: number, s: number, level: number, byAdvisor: boolean): void {
  const a = m.agents;
  const t = m.services;
  a.state[i] = t.long[s] ? LONG_SERVICE : SHORT_SERVICE;
  a.service[i] = s;
  a.serviceLevel[i] = level;
  a.serviceWeeksLeft[i] = t.weeks[s];
  a.servicesStarted[i]++;
  if (t.long[s]) a.longStarted[i]++;
  const fits = !t.levelled[s] || level === targetLevel(t, s, a.education[i]);
  m.recorder.started(s, fits);
  if (!fits) a.mismatched[i]++;
  if (!byAdvisor && (a.knownInformal[i] & (1 << s)) !== 0) a.byChance[i]++;
  m.slotsLeft[s]--;
  if (i < m.tracked) {
    if (!byAdvisor) m.events.add(i, m.week, EV_APPLIED, s, level);
    m.events.add(i, m.week, EV_STARTED, s, fits ? 1 : 0);
  }
}

/**
 * Phase 4, applications and decisions (F1, F3, F4, F5, F7, F14).
 * People out of work who know of a service that fits them may ask for it, at
 * their own level. Requests meet the office's rules (entitlement, education
 * already held, level); requests that pass and the advisors' offers then
 * share the period's places by lottery, first tier first: where a service
 * gives rights holders priority, people without rights get only the places
 * the first tier leaves (refused as "not a priority group" otherwise). The
 * lottery's chances are fixed before anyone is enrolled, so no one is
 * favoured by their position in the arrays.
 */
export function applications(m: Model): void {
  const a = m.agents;
  const t = m.services;
  const b = m.scenario.behaviour;
  const kApply = m.keys.week[P_APPLY];
  const kWhich = m.keys.week[P_APPLY_WHICH];
  const applicants = m.applicants;
  const low = m.applicantsLow;
  applicants.fill(0);
  low.fill(0);
  for (let i = 0; i < m.n; i++) {
    if (a.pending[i] === PENDING_NONE && a.state[i] === UNEMPLOYED) {
      const wanted = a.known[i] & a.fit[i] & ~a.refused[i];
      if (wanted !== 0 && uniform(i, kApply) < b.applyChance * a.selfEfficacy[i]) {
        const s = pickBit(wanted, uniform(i, kWhich));
        a.pending[i] = s;
        a.pendingLevel[i] = t.levelled[s] ? targetLevel(t, s, a.education[i]) : t.defaultLevel[s];
        a.pendingByAdvisor[i] = 0;
        a.applications[i]++;
      }
    }
    const s = a.pending[i];
    if (s === PENDING_NONE) continue;
    if (a.pendingByAdvisor[i] === BY_PERSON) { // a new request meets the rules; one on the waiting list has met them
      const reason = refusalReason(m, i, s, a.pendingLevel[i]);
      if (reason !== 0) {
        reject(m, i, s, reason);
        a.pending[i] = PENDING_NONE;
        continue;
      }
    }
    if (firstTier(m, i, s)) applicants[s]++;
    else low[s]++;
  }
  for (let s = 0; s < t.count; s++) {
    const places = Math.max(0, m.slotsLeft[s]);
    const first = applicants[s];
    applicants[s] = first > 0 ? Math.min(1, places / first) : 0;
    low[s] = low[s] > 0 ? Math.min(1, Math.max(0, places - first) / low[s]) : 0;
  }
  const kCapacity = m.keys.week[P_CAPACITY];
  for (let i = 0; i < m.n; i++) {
    const s = a.pending[i];
    if (s === PENDING_NONE) continue;
    a.pending[i] = PENDING_NONE;
    const by = a.pendingByAdvisor[i];
    const byAdvisor = by === BY_ADVISOR;
    const top = firstTier(m, i, s);
    if (uniform(i, kCapacity) >= (top ? applicants[s] : low[s])) {
      if (byAdvisor) continue; // an offer without a place lapses
      // a request that passed the rules waits for a place for up to one period, then is refused
      const waited = by === BY_PERSON ? 0 : by - WAITING;
      if (waited < PERIOD_WEEKS - 1) {
        a.pending[i] = s;
        a.pendingByAdvisor[i] = WAITING + waited + 1;
      } else reject(m, i, s, top ? REASON_NO_CAPACITY : REASON_NOT_PRIORITY);
    } else if (m.budgetLeft <= 0) {
      if (!byAdvisor) reject(m, i, s, REASON_NO_BUDGET);
    } else enrol(m, i, s, a.pendingLevel[i], byAdvisor);
  }
}
