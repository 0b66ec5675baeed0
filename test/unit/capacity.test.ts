import { describe, expect, it } from 'vitest';
import { capacity, PERIOD_WEEKS, SMALL_OFFICE_PLACES } from '../../sim/phases/capacity.ts';
import { makeModel, service, setWeek } from '../helpers.ts';

describe('capacity phase', () => {
  const model = (budgetPerWeekPer1000 = 0) => makeModel({
    agents: 100, office: { budgetPerWeekPer1000 },
    services: [
      service({ id: 'big', type: 'jobSearchCourse', term: 'short', slotsPerMonthPer1000: 30 }), // 3 per period
      service({ id: 'small', type: 'occupationalCourse', term: 'short', slotsPerMonthPer1000: 1 }), // 0.1 per period
    ],
  });

  it('adds a period\'s places over the period, up to one period\'s worth or SMALL_OFFICE_PLACES, and repays an overdraft', () => {
    const m = model();
    m.slotsLeft[0] = -1;
    m.slotsLeft[1] = SMALL_OFFICE_PLACES - 0.01;
    capacity(m);
    expect(m.slotsLeft[0]).toBeCloseTo(-1 + 3 / PERIOD_WEEKS, 12);
    expect(m.slotsLeft[1]).toBe(SMALL_OFFICE_PLACES);
    m.slotsLeft[0] = 3;
    capacity(m);
    expect(m.slotsLeft[0]).toBe(3);
  });

  it('gives a new budget at the start of each period only, lapsing what is left and carrying an overspend', () => {
    const m = model(500);
    const period = (500 * PERIOD_WEEKS * 100) / 1000;
    setWeek(m, 0);
    m.budgetLeft = 7;
    capacity(m);
    expect(m.budgetLeft).toBe(period);
    setWeek(m, 1);
    m.budgetLeft = -3;
    capacity(m);
    expect(m.budgetLeft).toBe(-3);
    setWeek(m, PERIOD_WEEKS);
    capacity(m);
    expect(m.budgetLeft).toBe(period - 3);
    const free = model(0);
    capacity(free);
    expect(free.budgetLeft).toBe(Infinity);
  });

  it('leaves the people alone', () => {
    const m = model(500);
    const before = m.agents.state.slice();
    const selfEfficacy = m.agents.selfEfficacy.slice();
    capacity(m);
    expect(m.agents.state).toEqual(before);
    expect(m.agents.selfEfficacy).toEqual(selfEfficacy);
  });
});
