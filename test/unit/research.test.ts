/**
 * The sim/ functions the notebooks stand on (they run no replications of their
 * own): `runPolicies`, `modelOutputs`, `morrisDirection` and `rangeText`,
 * `hypothesisRuns`, `verdictMargin`, and the programme evaluation
 * (`evaluateProgrammes`), each against a second road to the same numbers.
 */
import { describe, expect, it } from 'vitest';
import { EMPLOYED } from '../../sim/constants.ts';
import { runPolicies, runReplicate } from '../../sim/ensemble.ts';
import { CONTRASTS, effectAt, effectSign, evaluateProgrammes } from '../../sim/evaluation.ts';
import { hypothesisRuns, parseHypothesis, runHypothesis, type HypothesisResult } from '../../sim/hypothesis.ts';
import { createModel, step } from '../../sim/model.ts';
import { parseScenario } from '../../sim/scenario.ts';
import { morrisDirection, rangeText } from '../../sim/sensitivity/index.ts';
import { modelEvaluator, modelFactors, modelOutputs } from '../../sim/sensitivity/model.ts';
import { policyKnobs } from '../../sim/settings.ts';
import { estimate } from '../../sim/stats.ts';
import { verdictMargin, type VerdictFacts } from '../../sim/verdict.ts';
import { SHIPPED } from '../../scenarios/index.ts';
import { SHIPPED_HYPOTHESES } from '../../scenarios/hypotheses/index.ts';

const classroom = parseScenario(SHIPPED.classroom);

describe('runPolicies', () => {
  it('is one replicate under each policy: runReplicate for each, with its own knobs', () => {
    const opts = { agents: 60, weeks: 30, seed: 4, historyAgents: 5 };
    const knobs = policyKnobs(classroom, 'standardised', { followUp: 0.9 });
    const runs = runPolicies(classroom, ['standardised', 'personalised'], 2, { ...opts, knobsByPolicy: { standardised: knobs } });
    expect(runs).toEqual([
      runReplicate(classroom, 'standardised', 2, { ...opts, knobs }),
      runReplicate(classroom, 'personalised', 2, opts),
    ]);
    expect(runs.map((r) => [r.policy, r.replicate])).toEqual([['standardised', 2], ['personalised', 2]]);
  });
});

describe('modelOutputs', () => {
  it('reads several metrics from the same runs, each exactly as modelEvaluator averages it', () => {
    const { targets } = modelFactors(classroom, ['knobs.exploration=0:1', 'knobs.levelMatching=0:1']);
    const opts = { policy: 'standardised', replications: 2, agents: 80, weeks: 40, seed: 3 };
    const scalar = ['employedShare', 'mismatchedServiceShare'] as const;
    const both = modelOutputs(classroom, targets, { ...opts, metrics: scalar });
    for (const point of [{ 'knobs.exploration': 0.2, 'knobs.levelMatching': 0.9 }, { 'knobs.exploration': 1, 'knobs.levelMatching': 0 }]) {
      const out = both(point);
      expect(out).toHaveLength(2);
      scalar.forEach((m, i) => expect(out[i], m).toBe(modelEvaluator(classroom, targets, { ...opts, metric: m })(point)));
      // by hand: the knobs on the policy, replicate r with the same seed at every point
      const knobs = policyKnobs(classroom, 'standardised', { exploration: point['knobs.exploration'], levelMatching: point['knobs.levelMatching'] });
      const runs = [0, 1].map((r) => runReplicate(classroom, 'standardised', r, { seed: 3, agents: 80, weeks: 40, knobs }).summary.all);
      expect(out[0]).toBe((0 + (runs[0].employedShare as number) + (runs[1].employedShare as number)) / 2);
    }
    expect(() => modelOutputs(classroom, targets, { ...opts, metrics: ['employedShare', 'happiness'] })).toThrow(/"happiness" is not a metric/);
  });
});

describe('Morris words and ranges', () => {
  it('morrisDirection: raises or lowers when the signed mean is over half the mean size, else either way', () => {
    expect(morrisDirection({ mu: 0.6, muStar: 1 })).toBe('raises');
    expect(morrisDirection({ mu: -0.6, muStar: 1 })).toBe('lowers');
    expect(morrisDirection({ mu: 0.5, muStar: 1 })).toBe('either way');
    expect(morrisDirection({ mu: 0, muStar: 0 })).toBe('either way');
  });

  it('rangeText writes a range as --vary reads it', () => {
    expect(rangeText({ lo: 0, hi: 1 })).toBe('0:1');
    expect(rangeText({ lo: 0.1 + 0.2, hi: 0.45 })).toBe('0.3:0.45');
  });
});

describe('hypothesisRuns', () => {
  it('counts the runs runHypothesis makes: two sides, or one when two groups share the runs', () => {
    let seen = 0;
    for (const [name, raw] of Object.entries(SHIPPED_HYPOTHESES)) {
      const h = parseHypothesis(raw);
      const s = parseScenario(SHIPPED[h.scenario]);
      const small = { ...h, agents: Math.max(s.personas.length, 40), weeks: 60 };
      if (h.metric.includes('.')) continue; // a metric by year needs the file's weeks
      let calls = 0;
      let total = 0;
      runHypothesis(small, s, { replications: 2, onProgress: (_, t) => { calls++; total = t; } });
      expect(hypothesisRuns(small, s, { replications: 2 }), name).toBe(calls);
      expect(total, name).toBe(calls);
      seen++;
    }
    expect(seen).toBeGreaterThan(3);
    const pair = Object.values(SHIPPED_HYPOTHESES).map((raw) => parseHypothesis(raw)).find((h) => h.group.A !== h.group.B);
    expect(pair, 'a shipped hypothesis compares two groups').toBeDefined();
    expect(hypothesisRuns(pair!, parseScenario(SHIPPED[pair!.scenario]), { replications: 5 })).toBe(5);
  });
});

describe('verdictMargin', () => {
  const facts = (verdict: VerdictFacts['verdict'], ci: [number, number], mean: number, more: Partial<VerdictFacts> = {}): VerdictFacts => ({
    scenario: 'classroom', metric: 'employedShare', expect: 'increase', smallestEffect: 0.01,
    settings: { replications: 8, agents: 800, weeks: 156 }, A: { group: 'all', label: 'a' }, B: { group: 'all', label: 'b' },
    effect: { mean, ci95: ci, sd: 0.02 }, test: { t: 3, df: 7, p: 0.02 }, expectedEffect: { mean, ci95: ci }, verdict, ...more,
  });
  const pp = (v: number, signed = false) => `${signed && v > 0 ? '+' : ''}${(v * 100).toFixed(1)} pp`;

  it('gives the margin of a supported or contradicted verdict, flagged when it is thin', () => {
    expect(verdictMargin(facts('supported', [0.05, 0.07], 0.06), pp)).toBe(
      'Supported with a margin of 4.0 pp: the lower end of the interval is 4.0 pp above the smallest effect that matters. It would turn inconclusive only if the interval reached down to 1.0 pp.');
    expect(verdictMargin(facts('supported', [0.012, 0.05], 0.031), pp, { reduced: true })).toMatch(
      / The margin is less than half the interval's width \(1\.9 pp\), so another seed or the file's settings could well give another verdict\.$/);
    expect(verdictMargin(facts('contradicted', [-0.05, -0.01], -0.03), pp)).toBe(
      'Contradicted with a margin of 2.0 pp: even the upper end of the interval (-1.0 pp in the expected direction) is on the wrong side of 0.');
    expect(verdictMargin(facts('contradicted', [0.001, 0.008], 0.004), pp)).toMatch(/^Contradicted with a margin of 0\.2 pp: the upper end of the interval, 0\.8 pp, is below the smallest effect that matters, 1\.0 pp\. The margin is less/);
  });

  it('gives the replications that would settle an inconclusive verdict, or says none would', () => {
    const r = facts('inconclusive', [-0.002, 0.03], 0.014, { replicationsNeeded: 40, replicationsToSettle: 130 });
    expect(verdictMargin(r, pp)).toBe(
      'The interval, -0.2 pp to 3.0 pp in the expected direction, includes 0 and 1.0 pp. About 130 paired replications would settle it (supported) if the true effect is the observed 1.4 pp; this run had 8. 40 replications give 80% power to tell an effect of 1.0 pp from none.');
    expect(verdictMargin({ ...r, expectedEffect: { mean: 0.01, ci95: [0.002, 0.02] }, replicationsToSettle: Number.NaN }, pp)).toMatch(
      /^The effect is there .* The observed effect equals 1\.0 pp: if that is the true effect, no number of replications would settle it\. \(40 replications/);
    // without a format: the decimals decimalsFor gives the smallest effect, no unit
    expect(verdictMargin(facts('supported', [0.05, 0.07], 0.06))).toMatch(/^Supported with a margin of 0\.0400: /);
  });

  it('is what a run of a shipped hypothesis reads', () => {
    const h = parseHypothesis(SHIPPED_HYPOTHESES['lock-in-year1']);
    const r: HypothesisResult = runHypothesis({ ...h, agents: 300 }, parseScenario(SHIPPED[h.scenario]), { replications: 3 });
    expect(verdictMargin(r).length).toBeGreaterThan(40);
  });
});

describe('evaluateProgrammes', async () => {
  const settings = { scenario: 'mixed-office', agents: 300, weeks: 110, replications: 2, seed: 3 };
  const progress: number[][] = [];
  const e = await evaluateProgrammes({ ...settings, onProgress: (done, total) => { progress.push([done, total]); } });

  it('reports its settings and each replicate', () => {
    expect(e).toMatchObject({ scenario: 'mixed-office', agents: 300, weeks: 110, replications: 2, seed: 3, years: 2 });
    expect(progress).toEqual([[1, 2], [2, 2]]);
    expect(e.weekly).toHaveLength(2 * 4 * 110);
    expect(e.effects.map((x) => `${x.contrast}${x.year}`)).toEqual(['lockIn1', 'lockIn2', 'long1', 'long2', 'short1', 'short2']);
  });

  it('gives the lock-in test’s paired difference for the long-service cohort (a second road: the models stepped by hand)', () => {
    const s = parseScenario(SHIPPED['mixed-office']);
    const year1: number[] = [];
    const weekly: number[][] = [];
    let people = 0;
    for (let r = 0; r < 2; r++) {
      const pers = createModel(s, { policy: 'personalised', replicate: r, agents: 300, weeks: 110, seed: 3 });
      const std = createModel(s, { policy: 'standardised', replicate: r, agents: 300, weeks: 110, seed: 3 });
      let cohort: number[] = [];
      const series: number[] = [];
      for (let w = 0; w < 110; w++) {
        step(pers);
        step(std);
        if (w === 51) cohort = Array.from(pers.agents.longStarted.keys()).filter((i) => pers.agents.longStarted[i] > 0);
        if (w >= 51) series[w] = cohort.filter((i) => pers.agents.state[i] === EMPLOYED).length / cohort.length;
        if (w === 51) year1.push(series[w] - cohort.filter((i) => std.agents.state[i] === EMPLOYED).length / cohort.length);
      }
      weekly.push(series);
      people += cohort.length;
    }
    expect(people).toBeGreaterThan(0);
    expect(e.cohortSize.long.people).toBe(people / 2);
    const x = effectAt(e, 'lockIn', 1);
    const want = estimate(year1);
    expect(x.mean).toBeCloseTo(want.mean, 12);
    expect([x.lo, x.hi]).toEqual([expect.closeTo(want.ci95[0], 12), expect.closeTo(want.ci95[1], 12)]);
    const at = e.weekly.find((d) => d.cohort === 'long' && d.arm === 'personalised' && d.week === 100)!;
    expect(at.mean).toBeCloseTo((weekly[0][99] + weekly[1][99]) / 2, 12);
  });

  it('names its contrasts and the sign of an interval', () => {
    expect(Object.keys(CONTRASTS)).toEqual(['lockIn', 'long', 'short']);
    expect(effectSign({ mean: -0.02, lo: -0.03, hi: -0.01 })).toBe('negative');
    expect(effectSign({ mean: 0.02, lo: 0.001, hi: 0.03 })).toBe('positive');
    expect(effectSign({ mean: 0, lo: -0.0004, hi: 0.03 })).toBe('no clear effect');
    expect(() => effectAt(e, 'long', 3)).toThrow(/no long effect for year 3/);
  });

  it('checks its scenario and settings', async () => {
    await expect(evaluateProgrammes({ scenario: 'nowhere' })).rejects.toThrow(/^scenario: "nowhere" is not a shipped scenario; shipped: /);
    await expect(evaluateProgrammes({ ...settings, weeks: 40 })).rejects.toThrow(/^weeks: 40 is not allowed; the cohorts are fixed at the end of year 1/);
    await expect(evaluateProgrammes({ ...settings, agents: 0 })).rejects.toThrow(/^--agents: "0" is not allowed/);
  });
});
