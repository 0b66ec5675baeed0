/**
 * Every shipped scenario against its shipped targets, at the scenario's own
 * size (its agents, weeks, replications and seed): every target used for
 * fitting lies within its band, the held-out targets within band are
 * recorded below (a change to the model or the targets that moves one shows
 * here: update the record and say why; a changed fit is a result, not a test
 * to be made green), and the numbers are those of the shipped fit
 * (scenarios/targets/fits/, `npm run fits`), to the last digit. The tables
 * are printed as `pathways targets` prints them.
 */
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ensureBundle } from '../../scripts/bundle.js';
import { SHIPPED } from '../../scenarios/index.ts';
import { SHIPPED_FITS } from '../../scenarios/targets/fits.ts';
import { SHIPPED_TARGETS } from '../../scenarios/targets/index.ts';
import { targetsText } from '../../sim/cli/targets.ts';
import { parseScenario } from '../../sim/scenario.ts';

type Engine = typeof import('../../sim/calibrate/targets.ts');

/** The engine as one esbuild bundle: the runs below are some tens of millions of agent-weeks. */
async function loadEngine(): Promise<Engine> {
  const file = await ensureBundle('sim/calibrate/targets.ts', 'dist/targets.mjs');
  return (await import(/* @vite-ignore */ pathToFileURL(file).href)) as Engine;
}

/** The held-out targets within band, per shipped target file (`pathways targets --scenario NAME`). */
const HELD_OUT_WITHIN: Record<string, string[]> = {
  'mixed-office': ['refugee-employed-year1'],
  'resourceful-immigrants': ['overqualified-gap-eu-natives'],
  'vulnerable-youth': [],
};

describe('shipped scenarios against their targets', async () => {
  const engine = await loadEngine();

  it('every shipped target file has a record', () => {
    expect(Object.keys(HELD_OUT_WITHIN).sort()).toEqual(Object.keys(SHIPPED_TARGETS).sort());
  });

  for (const [name, heldOut] of Object.entries(HELD_OUT_WITHIN)) {
    it(`${name}: every fit target within band; held out within band: ${heldOut.join(', ') || 'none'}`, () => {
      const s = parseScenario(SHIPPED[name]);
      const targets = engine.parseTargets(SHIPPED_TARGETS[name], `targets ${name}`);
      const r = engine.evaluateTargets(s, targets, engine.targetSettings(s));
      console.log(targetsText(r, name));
      expect(r.settings).toEqual({ agents: s.agents, weeks: s.weeks, seed: s.seed, replications: s.replications });
      const fit = r.targets.filter((t) => t.use === 'fit');
      expect(fit.filter((t) => !t.withinBand).map((t) => t.id), 'targets to fit outside their band').toEqual([]);
      expect(r.fit).toEqual({ within: fit.length, total: fit.length });
      expect(r.targets.filter((t) => t.use === 'holdout' && t.withinBand).map((t) => t.id), 'held-out targets within band').toEqual(heldOut);
      // the shipped fit holds these numbers
      const shipped = SHIPPED_FITS[name].result;
      expect(r.targets.map((t) => [t.id, t.model.mean, t.model.ci95]), `scenarios/targets/fits/${name}.json: run npm run fits -- ${name}`)
        .toEqual(shipped.targets.map((t) => [t.id, t.model.mean, t.model.ci95]));
    });
  }
});
