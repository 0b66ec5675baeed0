import { describe, expect, it } from 'vitest';
import {
  F_BARRIER_TREATED, F_DISCLOSED, F_HEALTH_BARRIER, F_HIDDEN_BARRIER, F_MET_THIS_WEEK, F_PERSISTENT, PENDING_NONE,
} from '../../sim/agents.ts';
import {
  DISCOURAGED, EMPLOYED, ENT_INTRODUCTION_PROGRAMME, ENT_UNEMPLOYMENT_BENEFIT, EV_LEFT, EV_RESUMED, HEALTH_BENEFIT, IN_EDUCATION,
  LONG_SERVICE, MOVED_AWAY, P_EDUCATION_EXIT, P_HEALTH_EXIT, P_MOVE_AWAY, P_RECOVER, SHORT_SERVICE, UNEMPLOYED,
} from '../../sim/constants.ts';
import type { Model } from '../../sim/model.ts';
import { HEALTH_EXIT_AFTER_WEEKS, relationships } from '../../sim/phases/relationships.ts';
import { uniform } from '../../sim/rng.ts';
import { draw, eventsOf, f32, group, makeModel, S, setWeek, type BehaviourInput } from '../helpers.ts';

const NO_EXITS = { healthExit: 0, educationExit: 0, skillDecay: 0, monitoringDecay: 0.25 };
const model = (b: Partial<BehaviourInput> = {}, agents = 6, movesAwayPerYear = 0): Model => makeModel({
  agents, personas: Math.min(agents, 20), groups: [group({ movesAwayPerYear })],
  behaviour: { trustDecay: 0.125, shameRise: 0.0625, recoverChance: 0.25, discouragedBelow: 0.3, ...NO_EXITS, ...b },
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

  it('monitoring push fades by monitoringDecay out of work and in services; idle people lose employability by skillDecay', () => {
    const m = model({ monitoringDecay: 0.25, skillDecay: 0.03125 });
    const a = m.agents;
    for (let i = 0; i < 4; i++) { a.push[i] = 0.5; a.employability[i] = 0.5; }
    a.state[1] = DISCOURAGED;
    a.state[2] = SHORT_SERVICE; a.service[2] = S.jobSearch;
    a.state[3] = EMPLOYED;
    relationships(m);
    expect(Array.from(a.push.subarray(0, 4))).toEqual([f32(0.375), f32(0.375), f32(0.375), 0.5]);
    expect(Array.from(a.employability.subarray(0, 4))).toEqual([f32(0.5 * (1 - 0.03125)), f32(0.5 * (1 - 0.03125)), 0.5, 0.5]);
  });

  it('health exit: a year or more out of work with a barrier (untreated, or persistent), chance healthExit', () => {
    const m = model({ healthExit: 0.2 }, 20);
    const a = m.agents;
    // by i % 8: untreated known, hidden, persistent and treated, treated, not yet a year, disclosed and discouraged, in a service, none
    const flags = [F_HEALTH_BARRIER, F_HIDDEN_BARRIER, F_HEALTH_BARRIER | F_PERSISTENT | F_BARRIER_TREATED, F_HEALTH_BARRIER | F_BARRIER_TREATED,
      F_HEALTH_BARRIER, F_HIDDEN_BARRIER | F_DISCLOSED, F_HEALTH_BARRIER, 0];
    const eligible = [true, true, true, false, false, true, false, false];
    let left = 0;
    for (let w = 0; w < 10; w++) {
      setWeek(m, w);
      for (let i = 0; i < 20; i++) {
        const k = i % 8;
        a.flags[i] = flags[k]; a.age[i] = 40; a.selfEfficacy[i] = 0;
        a.weeksUnemployed[i] = k === 4 ? HEALTH_EXIT_AFTER_WEEKS - 1 : HEALTH_EXIT_AFTER_WEEKS;
        a.state[i] = k === 5 ? DISCOURAGED : k === 6 ? LONG_SERVICE : UNEMPLOYED;
        a.service[i] = k === 6 ? S.vocational : 255;
        a.pending[i] = k === 0 ? S.jobSearch : PENDING_NONE; a.pendingByAdvisor[i] = 2; // a request waiting for a place
      }
      for (const r of m.events.records) r.length = 0;
      relationships(m);
      for (let i = 0; i < 20; i++) {
        const k = i % 8;
        const exits = eligible[k] && draw(m, i, P_HEALTH_EXIT) < 0.2;
        expect(a.state[i], `week ${w}, agent ${i}`).toBe(exits ? HEALTH_BENEFIT : k === 5 ? DISCOURAGED : k === 6 ? LONG_SERVICE : UNEMPLOYED);
        if (exits) {
          left++;
          expect(a.pending[i]).toBe(PENDING_NONE);
          expect(eventsOf(m, i)).toEqual([[EV_LEFT, HEALTH_BENEFIT, 0]]);
        }
      }
    }
    expect(left).toBeGreaterThan(0);
  });

  it('exits with a chance: health first, then education under educationAgeMax, then moving away (from the yearly share)', () => {
    const m = model({ healthExit: 0.2, educationExit: 0.2, educationAgeMax: 30 }, 20, 0.5);
    const a = m.agents;
    const weekly = 1 - Math.pow(1 - 0.5, 1 / 52);
    expect(m.groupMoveAway[0]).toBeCloseTo(weekly, 12);
    let left = 0;
    for (let w = 0; w < 6; w++) {
      setWeek(m, w);
      for (let i = 0; i < 20; i++) {
        a.state[i] = i % 5 === 4 ? DISCOURAGED : UNEMPLOYED; a.flags[i] = i % 2 ? F_HEALTH_BARRIER : 0;
        a.weeksUnemployed[i] = 60; a.age[i] = i < 10 ? 25 : 30; a.selfEfficacy[i] = 0; // no resuming
      }
      relationships(m);
      for (let i = 0; i < 20; i++) {
        const expected = i % 2 && draw(m, i, P_HEALTH_EXIT) < 0.2 ? HEALTH_BENEFIT
          : i < 10 && draw(m, i, P_EDUCATION_EXIT) < 0.2 ? IN_EDUCATION
            : draw(m, i, P_MOVE_AWAY) < weekly ? MOVED_AWAY : i % 5 === 4 ? DISCOURAGED : UNEMPLOYED;
        expect(a.state[i], `week ${w}, agent ${i}`).toBe(expected);
        if (expected >= HEALTH_BENEFIT) left++;
      }
    }
    expect(left).toBeGreaterThan(0);
  });

  it('people who have left are skipped: nothing changes but their age', () => {
    const m = model({ trustDecay: 0.125, healthExit: 0.2, educationExit: 0.2, recoverChance: 1, skillDecay: 0.05 }, 6, 1);
    const a = m.agents;
    const outs = [HEALTH_BENEFIT, IN_EDUCATION, MOVED_AWAY];
    for (let i = 0; i < 3; i++) {
      a.state[i] = outs[i]; a.trust[i] = 0.5; a.push[i] = 0.5; a.employability[i] = 0.5; a.entitlements[i] = ENT_UNEMPLOYMENT_BENEFIT;
      a.shame[i] = 0.5; a.weeksUnemployed[i] = 100; a.flags[i] = F_HEALTH_BARRIER; a.age[i] = 20;
    }
    relationships(m);
    for (let i = 0; i < 3; i++) {
      expect(a.state[i]).toBe(outs[i]);
      expect([a.trust[i], a.push[i], a.employability[i], a.shame[i]]).toEqual([0.5, 0.5, 0.5, 0.5]);
      expect(eventsOf(m, i)).toEqual([]);
    }
    setWeek(m, 51);
    relationships(m);
    for (let i = 0; i < 3; i++) { expect(a.age[i]).toBe(21); expect(a.state[i]).toBe(outs[i]); }
  });

  it('everyone is a year older at the end of week 52 (week index 51), and only then', () => {
    const m = model();
    const a = m.agents;
    a.age.fill(30);
    a.state[1] = EMPLOYED; a.state[2] = LONG_SERVICE; a.service[2] = S.vocational;
    for (const w of [0, 50, 52, 102]) { setWeek(m, w); relationships(m); }
    expect(Array.from(a.age)).toEqual(new Array(6).fill(30));
    setWeek(m, 51);
    relationships(m);
    expect(Array.from(a.age)).toEqual(new Array(6).fill(31));
    setWeek(m, 103);
    relationships(m);
    expect(Array.from(a.age)).toEqual(new Array(6).fill(32));
  });
});
