import { describe, expect, it } from 'vitest';
import { F_MET_THIS_WEEK } from '../../sim/agents.ts';
import {
  DISCOURAGED, EMPLOYED, ENT_INTRODUCTION_PROGRAMME, ENT_UNEMPLOYMENT_BENEFIT, EV_RESUMED, LONG_SERVICE, P_RECOVER,
  UNEMPLOYED,
} from '../../sim/constants.ts';
import type { Model } from '../../sim/model.ts';
import { relationships } from '../../sim/phases/relationships.ts';
import { uniform } from '../../sim/rng.ts';
import { eventsOf, f32, makeModel, S, setWeek, type BehaviourInput } from '../helpers.ts';

const model = (b: Partial<BehaviourInput> = {}, agents = 6): Model => makeModel({
  agents, personas: Math.min(agents, 20),
  behaviour: { trustDecay: 0.125, shameRise: 0.0625, recoverChance: 0.25, discouragedBelow: 0.3, ...b },
});

describe('relationships phase', () => {
  it('trust fades without a meeting this week and holds with one', () => {
    const m = model({ trustDecay: 0.125 });
    const a = m.agents;
    a.trust[0] = 0.5;
    a.trust[1] = 0.5; a.flags[1] = F_MET_THIS_WEEK;
    a.trust[2] = 0.5; a.state[2] = LONG_SERVICE; a.service[2] = S.vocational;
    a.trust[3] = 0.5; a.state[3] = EMPLOYED;
    relationships(m);
    expect(Array.from(a.trust.subarray(0, 4))).toEqual([f32(0.5 - 0.125 * 0.5), 0.5, f32(0.4375), 0.5]);
  });

  it('shame rises towards 1 while holding a benefit right out of work, and erodes self-efficacy', () => {
    const m = model({ shameRise: 0.0625 });
    const a = m.agents;
    a.entitlements[0] = ENT_UNEMPLOYMENT_BENEFIT; a.shame[0] = 0.5; a.selfEfficacy[0] = 0.5;
    a.entitlements[1] = ENT_INTRODUCTION_PROGRAMME; a.shame[1] = 0.5; a.selfEfficacy[1] = 0.5;
    a.entitlements[2] = 0; a.shame[2] = 0.5; a.selfEfficacy[2] = 0.5; // no benefit: no rise, but shame still erodes
    relationships(m);
    const shame = f32(0.5 + 0.0625 * 0.5);
    expect(a.shame[0]).toBe(shame);
    expect(a.shame[1]).toBe(shame);
    expect(a.selfEfficacy[0]).toBe(f32(0.5 * (1 - 0.004 * shame)));
    expect(a.shame[2]).toBe(0.5);
    expect(a.selfEfficacy[2]).toBe(f32(0.5 * (1 - 0.004 * 0.5)));
  });

  it('work lowers shame and raises self-efficacy', () => {
    const m = model();
    const a = m.agents;
    a.state[0] = EMPLOYED; a.shame[0] = 0.5; a.selfEfficacy[0] = 0.5; a.entitlements[0] = ENT_UNEMPLOYMENT_BENEFIT;
    a.state[1] = EMPLOYED; a.shame[1] = 0.01; a.selfEfficacy[1] = 0.999;
    relationships(m);
    expect(a.shame[0]).toBe(f32(0.48));
    expect(a.selfEfficacy[0]).toBe(f32(0.505));
    expect(a.shame[1]).toBe(0);
    expect(a.selfEfficacy[1]).toBe(1);
  });

  it('a discouraged person resumes with chance recoverChance × self-efficacy, four times that after a meeting', () => {
    const m = model({ recoverChance: 0.25, discouragedBelow: 0.1 }, 20);
    const a = m.agents;
    let resumed = 0;
    for (let w = 0; w < 10; w++) {
      setWeek(m, w);
      for (let i = 0; i < 20; i++) { a.state[i] = DISCOURAGED; a.selfEfficacy[i] = 0.5; a.shame[i] = 0; a.flags[i] = i % 2 ? F_MET_THIS_WEEK : 0; }
      relationships(m);
      for (let i = 0; i < 20; i++) {
        const p = 0.25 * 0.5 * (i % 2 ? 4 : 1);
        const r = uniform(i, m.keys.week[P_RECOVER]) < p;
        expect(a.state[i]).toBe(r ? UNEMPLOYED : DISCOURAGED);
        expect(a.selfEfficacy[i]).toBe(0.5);
        resumed += r ? 1 : 0;
      }
    }
    expect(resumed).toBeGreaterThan(0);
  });

  it('on resuming, self-efficacy is lifted to just above the discouragement threshold', () => {
    const m = model({ recoverChance: 1, discouragedBelow: 0.3 });
    const a = m.agents;
    a.state[0] = DISCOURAGED; a.selfEfficacy[0] = 0.25; a.flags[0] = F_MET_THIS_WEEK; // chance 1 × 0.25 × 4 = 1
    a.state[1] = DISCOURAGED; a.selfEfficacy[1] = 0; // chance 0
    relationships(m);
    expect(a.state[0]).toBe(UNEMPLOYED);
    expect(a.selfEfficacy[0]).toBe(f32(0.3 + 0.05));
    expect(eventsOf(m, 0)).toEqual([[EV_RESUMED, 0, 0]]);
    expect(a.state[1]).toBe(DISCOURAGED);
    expect(eventsOf(m, 1)).toEqual([]);
  });

  // on resuming, self-efficacy is lifted to discouragedBelow + 0.05, clamped to 1
  it('self-efficacy stays within [0, 1] when the discouragement threshold is near 1', () => {
    const m = model({ recoverChance: 1, discouragedBelow: 0.99 });
    const a = m.agents;
    a.state[0] = DISCOURAGED; a.selfEfficacy[0] = 0.5; a.flags[0] = F_MET_THIS_WEEK; // chance 1 × 0.5 × 4 ≥ 1: resumes
    relationships(m);
    expect(a.state[0]).toBe(UNEMPLOYED);
    expect(a.selfEfficacy[0]).toBeLessThanOrEqual(1);
  });
});
