import { describe, expect, it } from 'vitest';
import { EMPLOYED, UNEMPLOYED } from '../../sim/constants.ts';
import { createModel, PHASES, run, step } from '../../sim/model.ts';
import { replicateSeed } from '../../sim/rng.ts';
import { buildScenario, CATALOGUE, group, service } from '../helpers.ts';

describe('createModel', () => {
  it('sizes the office, the vacancies and the places from the scenario, per 1000 jobseekers', () => {
    const s = buildScenario({
      agents: 40, office: { advisorsPer1000: 60 }, labourMarket: { vacanciesPer1000: [50, 25, 12.5] },
      services: [service({ id: 'a', type: 'jobSearchCourse', term: 'short', slotsPerMonthPer1000: 75 })],
    });
    const m = createModel(s, { policy: 'standardised', seed: 3, replicate: 2 });
    expect(m.advisorLoad).toHaveLength(2); // round(60 × 40 / 1000) = 2
    expect(Array.from(m.vacancies)).toEqual([2, 1, 0.5]);
    expect(Array.from(m.services.slotsPerMonth)).toEqual([3]);
    expect(m.runSeed).toBe(replicateSeed(3, 2));
    expect(m.n).toBe(40);
    expect(m.week).toBe(0);
    const tiny = createModel(buildScenario({ agents: 5, office: { advisorsPer1000: 1 } }), { policy: 'standardised' });
    expect(tiny.advisorLoad).toHaveLength(1); // never fewer than one advisor
    const more = createModel(s, { policy: 'standardised', agents: 100 });
    expect(more.n).toBe(100);
    expect(more.advisorLoad).toHaveLength(6);
  });

  it('group sizes by largest remainder, personas first and counted in their group', () => {
    const s = buildScenario({
      agents: 7, personas: 1,
      groups: [group({ name: 'a', share: 0.5 }), group({ name: 'b', share: 0.3 }), group({ name: 'c', share: 0.2 })],
    });
    // the persona belongs to the first group (see helpers): sizes 3.5, 2.1, 1.4 -> 4, 2, 1
    const m = createModel(s, { policy: 'standardised' });
    expect(Array.from(m.agents.group)).toEqual([0, 0, 0, 0, 1, 1, 2]);
    expect(m.tracked).toBe(1);
    expect(Array.from(m.agents.state)).toEqual(new Array(7).fill(UNEMPLOYED));
    expect(Array.from(m.agents.advisor)).toEqual(new Array(7).fill(-1));
    expect(Array.from(m.agents.known)).toEqual(new Array(7).fill(0)); // nobody knows the services at first (F2)
  });
});

describe('step and run', () => {
  it('runs the six phases in order', () => {
    expect(PHASES.map((p) => p.name)).toEqual(['information', 'advisors', 'applications', 'participation', 'labourMarket', 'relationships']);
    for (const p of PHASES) expect(p.findings).not.toBe('');
  });

  it('advances the week, records it, and refreshes the places every four weeks', () => {
    const s = buildScenario({
      agents: 10, weeks: 12, labourMarket: { jobLoss: 0 },
      services: CATALOGUE.map((x) => ({ ...x, slotsPerMonthPer1000: 300 })),
    });
    const m = createModel(s, { policy: 'standardised' });
    m.agents.state.fill(EMPLOYED); // nobody asks for or is offered anything
    m.agents.firstJobWeek.fill(0);
    const left: number[] = [];
    for (let w = 0; w < 9; w++) {
      if (w === 3 || w === 7) m.slotsLeft.fill(0); // used up before the refresh
      step(m);
      left.push(m.slotsLeft[0]);
      expect(m.week).toBe(w + 1);
      expect(m.recorder.count(w, m.recorder.groups - 1, EMPLOYED)).toBe(10);
    }
    expect(left).toEqual([3, 3, 3, 0, 3, 3, 3, 0, 3]);
    run(m, 3);
    expect(m.week).toBe(12);
  });
});
