/**
 * One t quantile for every interval: `estimate` (compare, the page, the
 * notebooks) and `pairedTest` (hypotheses) are one computation, so the same
 * paired differences get the same 95% interval to the last digit.
 */
import { describe, expect, it } from 'vitest';
import { estimate } from '../../sim/stats.ts';
import { meanInterval, pairedTest, tQuantile, tQuantile975 } from '../../sim/tdist.ts';
import { loadCore } from '../patterns/harness.ts';

describe('one interval', () => {
  it('the 97.5% t quantile is the exact one, for every df', () => {
    for (const df of [1, 2, 3, 5, 9, 10, 11, 19, 30, 99, 1000]) expect(tQuantile975(df)).toBe(tQuantile(0.975, df));
    // scipy.stats.t.ppf(0.975, df)
    expect(tQuantile975(1)).toBeCloseTo(12.706204736174694, 9);
    expect(tQuantile975(19)).toBeCloseTo(2.0930240544083087, 12);
    expect(tQuantile975(11)).toBeCloseTo(2.200985160091639, 12);
  });

  it('estimate and pairedTest give the same mean and interval for the same values', () => {
    const samples = [
      [0.1, 0.1, 0.1],
      [-0.3481, -0.2912, -0.3307, -0.3622, -0.3011],
      Array.from({ length: 20 }, (_, i) => Math.sin(i * 7.1) * 0.05 - 0.33),
      Array.from({ length: 13 }, (_, i) => (i % 3) * 1234.5 + i / 7),
    ];
    for (const xs of samples) {
      const e = estimate(xs);
      const t = pairedTest(xs);
      expect(e.mean).toBe(t.mean);
      expect(e.ci95).toEqual(t.ci95);
      expect(e.ci95).toEqual(meanInterval(xs).ci95);
    }
    expect(estimate([0.4])).toEqual({ mean: 0.4, ci95: [0.4, 0.4] });
  });

  it('compare and hypothesis give the same interval for the same contrast (mismatch-level at a small size)', async () => {
    const core = await loadCore();
    const h = core.parseHypothesis(core.SHIPPED_HYPOTHESES['mismatch-level'], 'mismatch-level');
    const s = core.parseScenario(core.SHIPPED[h.scenario], h.scenario);
    const settings = { agents: 600, weeks: 52, replications: 4, seed: 11 };
    const r = core.runHypothesis({ ...h, agents: settings.agents, weeks: settings.weeks }, s, { replications: settings.replications, seed: settings.seed });
    const { result } = core.compare(s, [h.policies.A.base, h.policies.B.base], settings);
    const metric = h.metric as 'mismatchedServiceShare';
    const d = result.difference[metric] as { mean: number; ci95: [number, number] };
    expect(result.differenceOf).toEqual(['standardised', 'personalised']);
    expect(d.mean).toBe(r.effect.mean);
    expect(d.ci95[0]).toBe(r.effect.ci95[0]);
    expect(d.ci95[1]).toBe(r.effect.ci95[1]);
    // each side too: the level under A and under B
    expect((result.policies.standardised.summary[metric] as { ci95: [number, number] }).ci95).toEqual(r.A.ci95);
    expect((result.policies.personalised.summary[metric] as { ci95: [number, number] }).ci95).toEqual(r.B.ci95);
  });
});
