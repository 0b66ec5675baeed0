import { F_MET_THIS_WEEK } from '../agents.ts';
import {
  DISCOURAGED, ECONOMIC_RIGHTS, EMPLOYED, EV_RESUMED, P_RECOVER, UNEMPLOYED,
} from '../constants.ts';
import type { Model } from '../model.ts';
import { uniform } from '../rng.ts';
import { clamp01 } from '../clamp.ts';


/**
 * Phase 6, relationships and the self (F11, F12, F14). Trust fades without
 * contact (it grows at meetings, in the advisors phase). Shame grows while a
 * person lives on benefits, and erodes self-efficacy; work lowers shame and
 * restores self-efficacy. Discouraged people start searching again with a
 * chance that rises with self-efficacy and with a meeting this week.
 */
export function relationships(m: Model): void {
  const a = m.agents;
  const b = m.scenario.behaviour;
  const kRecover = m.keys.week[P_RECOVER];
  for (let i = 0; i < m.n; i++) {
    const st = a.state[i];
    if (st === EMPLOYED) {
      a.shame[i] = clamp01(a.shame[i] - 0.02);
      a.selfEfficacy[i] = clamp01(a.selfEfficacy[i] + 0.005);
      continue;
    }
    const met = (a.flags[i] & F_MET_THIS_WEEK) !== 0;
    if (!met) a.trust[i] -= b.trustDecay * a.trust[i];
    if ((a.entitlements[i] & ECONOMIC_RIGHTS) !== 0) a.shame[i] = clamp01(a.shame[i] + b.shameRise * (1 - a.shame[i]));
    a.selfEfficacy[i] *= 1 - 0.004 * a.shame[i];
    if (st === DISCOURAGED && uniform(i, kRecover) < b.recoverChance * a.selfEfficacy[i] * (met ? 4 : 1)) {
      a.state[i] = UNEMPLOYED;
      if (a.selfEfficacy[i] < b.discouragedBelow + 0.05) a.selfEfficacy[i] = clamp01(b.discouragedBelow + 0.05);
      if (i < m.tracked) m.events.add(i, m.week, EV_RESUMED, 0, 0);
    }
  }
}
