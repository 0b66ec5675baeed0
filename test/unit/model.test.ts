import { describe, expect, it } from 'vitest';
import { EMPLOYED, UNEMPLOYED } from '../../sim/constants.ts';
import { PERIOD_WEEKS, SMALL_OFFICE_PLACES } from '../../sim/phases/capacity.ts';
import { countAt, groupIndex } from '../../sim/record.ts';
import { F_CARE, F_HEALTH_BARRIER, F_PERSISTENT, F_WOMAN } from '../../sim/agents.ts';
import { ENT_WORK_ASSESSMENT_ALLOWANCE } from '../../sim/constants.ts';
import { createModel, PHASES, run, step } from '../../sim/model.ts';
import { replicateSeed } from '../../sim/rng.ts';
import { buildScenario, group, service } from '../helpers.ts';

describe('createModel', () => {
  it('sizes the office, the vacancies and the places from the scenario, per 1000 jobseekers', () => {
    const s = buildScenario({
      agents: 40, office: { advisorsPer1000: 60 }, labourMarket: { vacanciesPer1000: [50, 25, 12.5] },
      services: [service({ id: 'a', type: 'jobSearchCourse', term: 'short', slotsPerMonthPer1000: 75 })],
    });
    const m = createModel(s, { policy: 'standardised', seed: 3, replicate: 2 });
    expect(m.advisorLoad).toHaveLength(3); // 60 × 40 / 1000 = 2.4 full-time equivalents: two posts and a 0.4 post
    const caseload = s.office.caseload;
    expect(m.advisorPlaces[0]).toBe(caseload);
    expect(m.advisorPlaces[1]).toBe(caseload);
    expect(m.advisorPlaces[2]).toBeCloseTo(0.4 * caseload, 9)
    expect(Array.from(m.vacancies)).toEqual([2, 1, 0.5]);
    expect(Array.from(m.services.slotsPerMonth)).toEqual([3]);
    expect(m.runSeed).toBe(replicateSeed(3, 2));
    expect(m.n).toBe(40);
    expect(m.week).toBe(0);
    const tiny = createModel(buildScenario({ agents: 5, office: { advisorsPer1000: 1, caseload: 100 } }), { policy: 'standardised' });
    expect(tiny.advisorLoad).toHaveLength(1); // a part-time post of 0.005
    expect(tiny.advisorPlaces[0]).toBeCloseTo(100 * 0.005, 12);
    const none = createModel(buildScenario({ agents: 5, office: { advisorsPer1000: 0 } }), { policy: 'standardised' });
    expect(none.advisorLoad).toHaveLength(0);
    const more = createModel(s, { policy: 'standardised', agents: 100 });
    expect(more.n).toBe(100);
    expect(more.advisorLoad).toHaveLength(6);
    expect(Array.from(more.advisorPlaces)).toEqual(new Array(6).fill(caseload));
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

describe('initialise: gender, care duties and health barriers', () => {
  const ENT = { unemploymentBenefit: 0, workAssessmentAllowance: 0.5, socialAssistance: 0, introductionProgramme: 0, qualificationProgramme: 0 };
  const flagsOf = (women: number, careDuties: number, barrierPersists: number) => {
    const s = buildScenario({
      agents: 200, groups: [group({ women, careDuties, healthBarrier: 0.25, entitlements: ENT })], behaviour: { barrierPersists },
    });
    const m = createModel(s, { policy: 'standardised' });
    return { flags: Array.from(m.agents.flags), ent: Array.from(m.agents.entitlements) };
  };

  it('women from groups[].women; care duties only among women, from groups[].careDuties', () => {
    expect(flagsOf(0, 1, 0).flags.some((f) => (f & (F_WOMAN | F_CARE)) !== 0)).toBe(false);
    expect(flagsOf(1, 1, 0).flags.every((f) => (f & (F_WOMAN | F_CARE)) === (F_WOMAN | F_CARE))).toBe(true);
    expect(flagsOf(1, 0, 0).flags.every((f) => (f & (F_WOMAN | F_CARE)) === F_WOMAN)).toBe(true);
    const mixed = flagsOf(0.5, 0.5, 0).flags;
    expect(mixed.every((f) => (f & F_CARE) === 0 || (f & F_WOMAN) !== 0)).toBe(true);
    const women = mixed.filter((f) => (f & F_WOMAN) !== 0).length;
    expect(women).toBeGreaterThan(0);
    expect(women).toBeLessThan(200);
  });

  it('work assessment allowance holders have a known health barrier; barriers persist with chance barrierPersists', () => {
    for (const barrierPersists of [0, 1]) {
      const { flags, ent } = flagsOf(0.5, 0.5, barrierPersists);
      for (let i = 0; i < flags.length; i++) {
        if ((ent[i] & ENT_WORK_ASSESSMENT_ALLOWANCE) !== 0) expect(flags[i] & F_HEALTH_BARRIER).toBe(F_HEALTH_BARRIER);
        const barrier = (flags[i] & F_HEALTH_BARRIER) !== 0;
        expect((flags[i] & F_PERSISTENT) !== 0).toBe(barrier && barrierPersists === 1);
      }
      expect(ent.some((e) => (e & ENT_WORK_ASSESSMENT_ALLOWANCE) !== 0)).toBe(true);
    }
  });

  it('personas: woman and care duties as given', () => {
    const input = buildScenario({ agents: 3, personas: 2 });
    input.personas[0].woman = true; input.personas[0].careDuties = true;
    input.personas[1].woman = false; input.personas[1].careDuties = false;
    const m = createModel(input, { policy: 'standardised' });
    expect(m.agents.flags[0] & (F_WOMAN | F_CARE)).toBe(F_WOMAN | F_CARE);
    expect(m.agents.flags[1] & (F_WOMAN | F_CARE)).toBe(0);
  });
});

describe('step and run', () => {
  it('runs the seven phases in order, each naming its file and findings', () => {
    expect(PHASES.map((p) => p.name)).toEqual(['capacity', 'information', 'advisors', 'applications', 'participation', 'labourMarket', 'relationships']);
    for (const p of PHASES) {
      expect(p.findings).not.toBe('');
      expect(p.file).toMatch(/^sim\/phases\/[a-z]+\.ts$/);
    }
  });

  it('advances the week and records it', () => {
    const s = buildScenario({ agents: 10, weeks: 12, labourMarket: { jobLoss: 0 } });
    const m = createModel(s, { policy: 'standardised' });
    m.agents.state.fill(EMPLOYED);
    m.agents.firstJobWeek.fill(0);
    for (let w = 0; w < 9; w++) {
      step(m);
      expect(m.week).toBe(w + 1);
      expect(countAt(m.recorder, w, groupIndex(m.recorder, 'all'), EMPLOYED)).toBe(10);
    }
    run(m, 3);
    expect(m.week).toBe(12);
  });

  it('places come in week by week, a period\'s worth per period, and pile up to one period\'s worth (SMALL_OFFICE_PLACES at least)', () => {
    const s = buildScenario({
      agents: 10, weeks: 30, labourMarket: { jobLoss: 0 },
      services: [
        service({ id: 'big', type: 'jobSearchCourse', term: 'short', slotsPerMonthPer1000: 300 }), // 3 per period
        service({ id: 'small', type: 'occupationalCourse', term: 'short', slotsPerMonthPer1000: 25 }), // 0.25 per period
      ],
    });
    const m = createModel(s, { policy: 'standardised' });
    m.agents.state.fill(EMPLOYED); // nobody asks for or is offered anything
    m.agents.firstJobWeek.fill(0);
    const per = Array.from(m.services.slotsPerMonth);
    expect(per).toEqual([3, 0.25]);
    const cap = per.map((p) => Math.max(p, SMALL_OFFICE_PLACES));
    const expected = [0, 0];
    for (let w = 0; w < 30; w++) {
      if (w === 12) { m.slotsLeft[0] = -2; expected[0] = -2; } // an overdraft: more winners than places
      step(m);
      for (let k = 0; k < 2; k++) {
        expected[k] = Math.min(cap[k], expected[k] + per[k] / PERIOD_WEEKS);
        expect(m.slotsLeft[k], `week ${w}, service ${k}`).toBeCloseTo(expected[k], 12);
      }
    }
    expect(m.slotsLeft[0]).toBe(3); // full again
    expect(m.slotsLeft[1]).toBeCloseTo(30 * 0.25 / PERIOD_WEEKS, 12); // a small office saves up beyond one period's worth
    expect(m.slotsLeft[1]).toBeLessThanOrEqual(SMALL_OFFICE_PLACES);
  });

  it('the budget: a period\'s money every PERIOD_WEEKS weeks; unspent money lapses, an overspend is carried over', () => {
    const s = buildScenario({ agents: 10, weeks: 20, labourMarket: { jobLoss: 0 }, office: { budgetPerWeekPer1000: 1000 } });
    const m = createModel(s, { policy: 'standardised' });
    m.agents.state.fill(EMPLOYED); // nobody spends anything
    m.agents.firstJobWeek.fill(0);
    const period = (1000 * PERIOD_WEEKS * 10) / 1000;
    step(m);
    expect(m.budgetLeft).toBe(period);
    m.budgetLeft = 15;
    run(m, PERIOD_WEEKS - 1);
    expect(m.budgetLeft).toBe(15);
    step(m); // a new period
    expect(m.budgetLeft).toBe(period);
    m.budgetLeft = -10;
    run(m, PERIOD_WEEKS);
    expect(m.budgetLeft).toBe(period - 10);
    const free = createModel(buildScenario({ agents: 10, office: { budgetPerWeekPer1000: 0 } }), { policy: 'standardised' });
    step(free);
    expect(free.budgetLeft).toBe(Infinity);
  });
});
