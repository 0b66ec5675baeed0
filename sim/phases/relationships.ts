import { F_MET_THIS_WEEK, PENDING_NONE } from '../agents.ts';
import {
  DISCOURAGED, ECONOMIC_RIGHTS, EMPLOYED, EV_LEFT, EV_RESUMED, FIRST_OUT, HEALTH_BENEFIT, IN_EDUCATION, MOVED_AWAY,
  P_EDUCATION_EXIT, P_HEALTH_EXIT, P_MOVE_AWAY, P_RECOVER, UNEMPLOYED,
} from '../constants.ts';
import { hasBarrier } from '../fit.ts';
import type { Model } from '../model.ts';
import { uniform } from '../rng.ts';
import { clamp01 } from '../clamp.ts';

/** Weeks out of work after which an untreated barrier may lead to a health-related benefit. */
export const HEALTH_EXIT_AFTER_WEEKS = 52;

/**
 * Phase 6, relationships, the self and leaving the register (F11, F12, F14;
 * scarring and exits). Trust fades without contact (it grows at meetings, in
 * the advisors phase); the search added by monitoring fades. Shame grows
 * while a person lives on benefits, and erodes self-efficacy; work lowers
 * shame and restores self-efficacy. Out of work and in no service,
 * employability depreciates. Discouraged people start searching again with a
 * chance that rises with self-efficacy and with a meeting this week. People
 * out of work and in no service may leave the labour force: for a
 * health-related benefit (an untreated or persistent barrier, a year or more
 * out of work), for ordinary education (the young), or by moving away.
 */
export function relationships(m: Model): void {
  const a = m.agents;
  const b = m.scenario.behaviour;
  const kRecover = m.keys.week[P_RECOVER];
  const kHealth = m.keys.week[P_HEALTH_EXIT];
  const kEducation = m.keys.week[P_EDUCATION_EXIT];
  const kMove = m.keys.week[P_MOVE_AWAY];
  const keepPush = 1 - b.monitoringDecay, keepSkill = 1 - b.skillDecay;
  const birthday = m.week % 52 === 51;
  for (let i = 0; i < m.n; i++) {
    const st = a.state[i];
    if (birthday && a.age[i] < 255) a.age[i]++;
    if (st >= FIRST_OUT) continue;
    if (st === EMPLOYED) {
      a.shame[i] = clamp01(a.shame[i] - 0.02);
      a.selfEfficacy[i] = clamp01(a.selfEfficacy[i] + 0.005);
      continue;
    }
    a.push[i] *= keepPush;
    const met = (a.flags[i] & F_MET_THIS_WEEK) !== 0;
    if (!met) a.trust[i] -= b.trustDecay * a.trust[i];
    if ((a.entitlements[i] & ECONOMIC_RIGHTS) !== 0) a.shame[i] = clamp01(a.shame[i] + b.shameRise * (1 - a.shame[i]));
    a.selfEfficacy[i] *= 1 - 0.004 * a.shame[i];
    if (st !== UNEMPLOYED && st !== DISCOURAGED) continue; // in a service
    a.employability[i] *= keepSkill;
    let out = 0;
    if (a.weeksUnemployed[i] >= HEALTH_EXIT_AFTER_WEEKS && hasBarrier(a.flags[i], true) && uniform(i, kHealth) < b.healthExit) out = HEALTH_BENEFIT;
    else if (a.age[i] < b.educationAgeMax && uniform(i, kEducation) < b.educationExit) out = IN_EDUCATION;
    else if (uniform(i, kMove) < m.groupMoveAway[a.group[i]]) out = MOVED_AWAY;
    if (out !== 0) {
      a.state[i] = out;
      a.pending[i] = PENDING_NONE;
      if (i < m.tracked) m.events.add(i, m.week, EV_LEFT, out, 0);
      continue;
    }
    if (st === DISCOURAGED && uniform(i, kRecover) < b.recoverChance * a.selfEfficacy[i] * (met ? 4 : 1)) {
      a.state[i] = UNEMPLOYED;
      if (a.selfEfficacy[i] < b.discouragedBelow + 0.05) a.selfEfficacy[i] = clamp01(b.discouragedBelow + 0.05);
      if (i < m.tracked) m.events.add(i, m.week, EV_RESUMED, 0, 0);
    }
  }
}
