import {
  F_BARRIER_TREATED, F_DISCLOSED, F_HEALTH_BARRIER, F_HIDDEN_BARRIER,
} from '../agents.ts';
import {
  BYTE_MAX, EV_COMPLETED, EV_DROPPED_OUT, LONG_SERVICE, NO_SERVICE, P_DROPOUT, Q_CERTIFICATE, Q_FORMAL, Q_RECOGNITION,
  QUAL_DOMESTIC, QUAL_FOREIGN_RECOGNISED, QUAL_FOREIGN_UNRECOGNISED, SERVICE_TYPES, SHORT_SERVICE, UNEMPLOYED,
} from '../constants.ts';
import { fitMask, hasBarrier, targetLevel } from '../fit.ts';
import { showUpChance } from './advisors.ts';
import type { Model } from '../model-type.ts';
import { uniform } from '../rng.ts';
import { clamp01 } from '../clamp.ts';

/** Service type of work placements, which break down for people with a barrier unless supported (F13). */
const PLACEMENT_TYPE = SERVICE_TYPES.indexOf('workPlacement');

/** Share of self-efficacy kept after dropping out of a service (F13, F14). */
export const DROPOUT_SELF_EFFICACY_KEPT = 0.9;
/** Self-efficacy gained on completing a service, times the share of its gains that reach the person (`levelYield`; coping, F5, F14). */
export const COMPLETION_SELF_EFFICACY = 0.05;

/** Share of a service's gains that reach a person, by how far its level is from theirs (F5). */
export function levelYield(m: Model, i: number, s: number): number {
  const t = m.services;
  if (!t.levelled[s]) return 1;
  const d = Math.abs(m.agents.serviceLevel[i] - targetLevel(t, s, m.agents.education[i]));
  const y = m.scenario.behaviour.mismatchYield;
  return d === 0 ? 1 : d === 1 ? y : y * y;
}

/**
 * Phase 5, participation (F4, F5, F13; lock-in).
 * Each week in a measure counts as activity and costs money; it raises
 * employability, language and network in proportion to how well its level
 * fits. People with barriers nobody has worked on may drop out, and
 * unsupported placements break down (F13); a peer group holds people in.
 * Completion gives a certificate, a formal qualification or recognition of a
 * foreign one, and ends the gap employers see.
 */
export function participation(m: Model): void {
  const a = m.agents;
  const t = m.services;
  const b = m.scenario.behaviour;
  const kDrop = m.keys.week[P_DROPOUT];
  for (let i = 0; i < m.n; i++) {
    const st = a.state[i];
    if (st !== SHORT_SERVICE && st !== LONG_SERVICE) continue;
    const s = a.service[i];
    a.cost[i] += t.costPerWeek[s];
    m.budgetLeft -= t.costPerWeek[s];
    const y = levelYield(m, i, s);
    // the week's gains come in proportion to the share of its sessions the person attends (F11, F13)
    const att = showUpChance(m, i);
    a.employability[i] = clamp01(a.employability[i] + t.employabilityGain[s] * y * att);
    a.language[i] = clamp01(a.language[i] + t.languageGain[s] * att);
    a.network[i] = clamp01(a.network[i] + t.networkGain[s] * att);
    if (t.peerGroup[s]) {
      a.shame[i] = clamp01(a.shame[i] - b.peerSupport * att);
      a.selfEfficacy[i] = clamp01(a.selfEfficacy[i] + b.peerSupport * att);
    }
    const f = a.flags[i];
    const untreated = (f & F_BARRIER_TREATED) === 0;
    const unsupported = 1 - t.support[s];
    let pDrop = 0;
    if (untreated && (f & F_HIDDEN_BARRIER) !== 0 && (f & F_DISCLOSED) === 0) pDrop += b.hiddenBarrierDropout * unsupported;
    if (t.type[s] === PLACEMENT_TYPE && hasBarrier(f, true)) pDrop += b.placementBreakdown * unsupported;
    if (t.peerGroup[s]) pDrop *= 1 - b.attendancePressure;
    if (pDrop > 0 && uniform(i, kDrop) < pDrop) {
      leaveService(m, i);
      a.selfEfficacy[i] *= DROPOUT_SELF_EFFICACY_KEPT;
      if (i < m.tracked) m.events.add(i, m.week, EV_DROPPED_OUT, s, 0);
      continue;
    }
    if (--a.serviceWeeksLeft[i] > 0) continue;
    complete(m, i, s, y);
  }
}

function leaveService(m: Model, i: number): void {
  const a = m.agents;
  a.state[i] = UNEMPLOYED;
  a.service[i] = NO_SERVICE;
  a.serviceWeeksLeft[i] = 0;
}

function complete(m: Model, i: number, s: number, y: number): void {
  const a = m.agents;
  const t = m.services;
  const q = t.qualification[s];
  if (q === Q_CERTIFICATE && a.certificates[i] < BYTE_MAX) a.certificates[i]++;
  if (q === Q_FORMAL && y === 1) {
    const level = t.levelled[s] ? a.serviceLevel[i] : a.education[i];
    if (level >= a.education[i]) {
      a.education[i] = level;
      a.foreignQual[i] = QUAL_DOMESTIC;
    }
  }
  if (q === Q_RECOGNITION && a.foreignQual[i] === QUAL_FOREIGN_UNRECOGNISED && y === 1) a.foreignQual[i] = QUAL_FOREIGN_RECOGNISED;
  if (t.treatsBarrier[s]) {
    const f = a.flags[i];
    if ((f & F_HEALTH_BARRIER) !== 0 || (f & F_DISCLOSED) !== 0) a.flags[i] |= F_BARRIER_TREATED;
  }
  a.selfEfficacy[i] = clamp01(a.selfEfficacy[i] + COMPLETION_SELF_EFFICACY * y); // coping (F14)
  leaveService(m, i);
  a.weeksIdle[i] = 0; // a completed service is recent activity on the CV: the gap employers see starts again
  a.fit[i] = fitMask(a, t, i, m.groupRoute[a.group[i]], true);
  a.refused[i] = 0; // a new situation: old refusals no longer stop new requests
  if (i < m.tracked) m.events.add(i, m.week, EV_COMPLETED, s, q);
}
