import { F_MET_THIS_WEEK, PENDING_NONE } from '../agents.ts';
import {
  BYTE_MAX, DISCOURAGED, ECONOMIC_RIGHTS, EMPLOYED, EV_LEFT, EV_RESUMED, FIRST_OUT, HEALTH_BENEFIT, IN_EDUCATION, MOVED_AWAY,
  P_EDUCATION_EXIT, P_HEALTH_EXIT, P_MOVE_AWAY, P_RECOVER, UNEMPLOYED, WEEKS_PER_YEAR,
} from '../constants.ts';
import { hasBarrier } from '../fit.ts';
import type { Model } from '../model-type.ts';
import { uniform } from '../rng.ts';
import { clamp01 } from '../clamp.ts';

/** Weeks out of work after which an untreated or persistent barrier may lead to a health-related benefit. */
export const HEALTH_EXIT_AFTER_WEEKS = 52;
/** Weekly fall in shame of a person in work, until none is left (F14). */
export const WORK_SHAME_FALL = 0.02;
/** Weekly rise in self-efficacy of a person in work, up to 1 (F14). */
export const WORK_SELF_EFFICACY_RISE = 0.005;
/** Share of self-efficacy lost per week per unit of shame, out of work (F14). */
export const SHAME_EROSION = 0.004;
/** Factor on the weekly chance of starting to search again after discouragement in a week with a meeting (F11, F14). */
export const MET_RECOVERY_FACTOR = 4;
/** On starting to search again, self-efficacy is raised to at least `behaviour.discouragedBelow` plus this (F14). */
export const RESUME_MARGIN = 0.05;

/**
 * Phase 7, relationships, the self and leaving the register (F11, F12, F14;
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
  const keepPush = 1 - b.monitoringDecay, keepSkill = 1 - b.skillDecay, trustDecay = b.trustDecay, shameRise = b.shameRise;
  const healthExit = b.healthExit, educationAgeMax = b.educationAgeMax, educationExit = b.educationExit;
  const recoverChance = b.recoverChance, resumeAt = b.discouragedBelow + RESUME_MARGIN;
  const birthday = m.week % WEEKS_PER_YEAR === WEEKS_PER_YEAR - 1;
  const state = a.state, age = a.age, shame = a.shame, selfEfficacy = a.selfEfficacy, push = a.push, flags = a.flags, trust = a.trust;
  const entitlements = a.entitlements, employability = a.employability, weeksUnemployed = a.weeksUnemployed, group = a.group;
  const moveAway = m.groupMoveAway;
  const shameFall = WORK_SHAME_FALL, selfEfficacyRise = WORK_SELF_EFFICACY_RISE, riseBelow = 1 - WORK_SELF_EFFICACY_RISE;
  const erosion = SHAME_EROSION, metRecovery = MET_RECOVERY_FACTOR;
  for (let i = 0; i < m.n; i++) {
    const st = state[i];
    if (birthday && age[i] < BYTE_MAX) age[i]++;
    if (st >= FIRST_OUT) continue;
    if (st === EMPLOYED) {
      // written only while they change: most people in work have long reached 0 shame and full self-efficacy
      const sh = shame[i], se = selfEfficacy[i];
      if (sh > 0) shame[i] = sh > shameFall ? sh - shameFall : 0;
      if (se < 1) selfEfficacy[i] = se < riseBelow ? se + selfEfficacyRise : 1;
      continue;
    }
    push[i] *= keepPush;
    const met = (flags[i] & F_MET_THIS_WEEK) !== 0;
    if (!met) trust[i] -= trustDecay * trust[i];
    if ((entitlements[i] & ECONOMIC_RIGHTS) !== 0) shame[i] = clamp01(shame[i] + shameRise * (1 - shame[i]));
    selfEfficacy[i] *= 1 - erosion * shame[i];
    if (st !== UNEMPLOYED && st !== DISCOURAGED) continue; // in a service
    employability[i] *= keepSkill;
    let out = 0;
    if (weeksUnemployed[i] >= HEALTH_EXIT_AFTER_WEEKS && hasBarrier(flags[i], true) && uniform(i, kHealth) < healthExit) out = HEALTH_BENEFIT;
    else if (age[i] < educationAgeMax && uniform(i, kEducation) < educationExit) out = IN_EDUCATION;
    else if (uniform(i, kMove) < moveAway[group[i]]) out = MOVED_AWAY;
    if (out !== 0) {
      state[i] = out;
      a.pending[i] = PENDING_NONE;
      if (i < m.tracked) m.events.add(i, m.week, EV_LEFT, out, 0);
      continue;
    }
    if (st === DISCOURAGED && uniform(i, kRecover) < recoverChance * selfEfficacy[i] * (met ? metRecovery : 1)) {
      state[i] = UNEMPLOYED;
      if (selfEfficacy[i] < resumeAt) selfEfficacy[i] = clamp01(resumeAt);
      if (i < m.tracked) m.events.add(i, m.week, EV_RESUMED, 0, 0);
    }
  }
}
