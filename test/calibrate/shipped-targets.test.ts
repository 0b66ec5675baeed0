/**
 * Every shipped scenario against its shipped targets, at the scenario's own
 * size with a modest number of replications: how many targets to fit and how
 * many held-out targets lie within their bands. The counts are recorded
 * below; a change to the model or the targets that moves one shows here
 * (update the record and say why: a changed fit is a result, not a test to be
 * made green). The tables are printed as `pathways targets` prints them.
 */
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ensureBundle } from '../../scripts/bundle.js';
import { SHIPPED } from '../../scenarios/index.ts';
import { SHIPPED_TARGETS } from '../../scenarios/targets/index.ts';
import { targetsText } from '../../sim/cli/targets.ts';
import { parseScenario } from '../../sim/scenario.ts';

type Engine = typeof import('../../sim/calibrate/targets.ts');

/** The engine as one esbuild bundle: the runs below are some tens of millions of agent-weeks. */
async function loadEngine(): Promise<Engine> {
  const file = await ensureBundle('sim/calibrate/targets.ts', 'dist/targets.mjs');
  return (await import(/* @vite-ignore */ pathToFileURL(file).href)) as Engine;
}

/** Replications of each setting (the scenario's agents, weeks and seed). */
const REPLICATIONS = 8;

/**
 * What `pathways targets --scenario NAME --replications 8` gives: targets
 * within band out of all, for fitting and held out, and which ones are within.
 */
const RECORDED: Record<string, { fit: [number, number]; holdout: [number, number]; within: string[] }> = {
  'mixed-office': { fit: [1, 3], holdout: [1, 3], within: ['refugee-employed-year1', 'refugee-employed-year2'] },
  'resourceful-immigrants': { fit: [2, 2], holdout: [1, 3], within: ['overqualified-eu-citizens', 'overqualified-labour-immigrants', 'overqualified-gap-eu-natives'] },
  'vulnerable-youth': {
    fit: [4, 4], holdout: [0, 1],
    within: ['young-ui-in-work-year5', 'young-aap-in-work-year5', 'young-social-assistance-in-work-year5', 'young-health-paths'],
  },
};

describe('shipped scenarios against their targets', async () => {
  const engine = await loadEngine();

  it('every shipped target file has a recorded fit', () => {
    expect(Object.keys(RECORDED).sort()).toEqual(Object.keys(SHIPPED_TARGETS).sort());
  });

  for (const [name, recorded] of Object.entries(RECORDED)) {
    it(`${name}: fit ${recorded.fit.join(' of ')}, held out ${recorded.holdout.join(' of ')} within band`, () => {
      const s = parseScenario(SHIPPED[name]);
      const targets = engine.parseTargets(SHIPPED_TARGETS[name], `targets ${name}`);
      const r = engine.evaluateTargets(s, targets, engine.targetSettings(s, { replications: REPLICATIONS }));
      console.log(targetsText(r, name));
      expect(r.settings).toEqual({ agents: s.agents, weeks: s.weeks, seed: s.seed, replications: REPLICATIONS });
      expect([r.fit.within, r.fit.total], 'targets to fit within band').toEqual(recorded.fit);
      expect([r.holdout.within, r.holdout.total], 'held-out targets within band').toEqual(recorded.holdout);
      expect(r.targets.filter((t) => t.withinBand).map((t) => t.id)).toEqual(recorded.within);
      for (const t of r.targets) {
        expect(t.model.values).toHaveLength(REPLICATIONS);
        expect(t.model.ci95[0]).toBeLessThanOrEqual(t.model.mean);
        expect(t.model.mean).toBeLessThanOrEqual(t.model.ci95[1]);
      }
    });
  }
});
