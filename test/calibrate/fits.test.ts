/**
 * The shipped fits (scenarios/targets/fits/, written by `npm run fits`) are
 * current: made from today's scenario, today's target file and today's model
 * (a small probe run gives the same numbers), and what they hold is what
 * evaluateTargets gives for the fingerprinted inputs.
 */
import { describe, expect, it } from 'vitest';
import { SHIPPED } from '../../scenarios/index.ts';
import { SHIPPED_FITS } from '../../scenarios/targets/fits.ts';
import { SHIPPED_TARGETS } from '../../scenarios/targets/index.ts';
import { fitFingerprint, FIT_VERSION } from '../../sim/calibrate/fingerprint.ts';
import { bandCheck, parseTargets, targetSettings } from '../../sim/calibrate/targets.ts';
import { estimate } from '../../sim/stats.ts';
import { parseScenario } from '../../sim/scenario.ts';

describe('shipped fits', () => {
  it('every shipped target file has a fit, and every fit a target file', () => {
    expect(Object.keys(SHIPPED_FITS).sort()).toEqual(Object.keys(SHIPPED_TARGETS).sort());
  });

  it('a target file\'s bokmål texts are not in its fingerprint (the parsed file holds the English only); its English texts and numbers are', () => {
    const [name] = Object.keys(SHIPPED_FITS);
    const s = parseScenario(SHIPPED[name]);
    const raw = SHIPPED_TARGETS[name] as { targets: Record<string, unknown>[] };
    const first = raw.targets[0];
    expect(first.translationNb, 'the shipped file has a bokmål translation to change').toBeDefined();
    const fingerprint = (t: Record<string, unknown>) => fitFingerprint(s, parseTargets({ ...raw, targets: [t, ...raw.targets.slice(1)] }, `targets ${name}`)).targets;
    const base = fingerprint(first);
    expect(fingerprint({ ...first, translationNb: 'En annen oversettelse.', statementNb: 'Et annet utsagn.' })).toBe(base);
    expect(fingerprint({ ...first, translation: 'Another translation.' })).not.toBe(base);
    expect(fingerprint({ ...first, value: (first.value as number) + 0.01 })).not.toBe(base);
  });

  for (const [name, fit] of Object.entries(SHIPPED_FITS)) {
    it(`${name}: the fit is current (else run npm run fits -- ${name})`, () => {
      const s = parseScenario(SHIPPED[name]);
      const file = parseTargets(SHIPPED_TARGETS[name], `targets ${name}`);
      expect(fit.version).toBe(FIT_VERSION);
      expect(fit.fingerprint, `scenarios/targets/fits/${name}.json is stale: run npm run fits -- ${name}`).toEqual(fitFingerprint(s, file));
      expect(fit.result.settings).toEqual(targetSettings(s));
      expect(fit.result.targets.map((t) => t.id)).toEqual(file.targets.map((t) => t.id));
    });

    it(`${name}: each target's mean, interval and band check follow from its values`, () => {
      const r = fit.result;
      for (const t of r.targets) {
        expect(t.model.values).toHaveLength(r.settings.replications);
        const e = estimate(t.model.values);
        expect(t.model.mean).toBeCloseTo(e.mean, 12);
        expect(t.model.ci95[0]).toBeCloseTo(e.ci95[0], 12);
        expect(t.withinBand).toBe(bandCheck(t.model.mean, t.band).withinBand);
      }
      const count = (use: string) => r.targets.filter((t) => t.use === use);
      expect(r.fit).toEqual({ within: count('fit').filter((t) => t.withinBand).length, total: count('fit').length });
      expect(r.holdout).toEqual({ within: count('holdout').filter((t) => t.withinBand).length, total: count('holdout').length });
    });
  }
});
