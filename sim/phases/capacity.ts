import type { Model } from '../model-type.ts';

/** Weeks per period of places in services and of the office budget ("a month"). */
export const PERIOD_WEEKS = 4;

/** Places in a service that an office may save up even when it gets fewer per period (so a small office is not short of rare services by chance). */
export const SMALL_OFFICE_PLACES = 2;

/**
 * Phase 1, capacity (F3; the budget). Places in services come in week by
 * week, a period's worth over each period of PERIOD_WEEKS weeks. An overdraft
 * (more winners than places, in the applications phase) is paid back from the
 * next weeks' places, and unused places pile up to at most one period's worth
 * (or SMALL_OFFICE_PLACES, if that is more), so capacity per 1000 jobseekers
 * does not depend on the size of the office. At the start of each period
 * comes the period's budget, if the office has one: unspent money lapses, an
 * overspend is carried over.
 */
export function capacity(m: Model): void {
  const t = m.services;
  const slotsLeft = m.slotsLeft;
  for (let k = 0; k < t.count; k++) {
    const per = t.slotsPerMonth[k];
    const cap = per > SMALL_OFFICE_PLACES ? per : SMALL_OFFICE_PLACES;
    const left = slotsLeft[k] + per / PERIOD_WEEKS;
    slotsLeft[k] = left > cap ? cap : left;
  }
  if (m.week % PERIOD_WEEKS === 0) {
    const budget = m.scenario.office.budgetPerWeekPer1000;
    m.budgetLeft = budget > 0 ? Math.min(0, m.budgetLeft) + (budget * PERIOD_WEEKS * m.n) / 1000 : Infinity;
  }
}
