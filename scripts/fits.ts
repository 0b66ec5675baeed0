/**
 * The shipped fits: each shipped scenario checked against its shipped target
 * file (`evaluateTargets`, as `pathways targets --scenario NAME --json` prints
 * it), at the scenario's own size, written to scenarios/targets/fits/NAME.json
 * with the fingerprints it was made from. MODEL.md's calibration section, the
 * page's About panel and the Calibration notebook read these files.
 *
 *   npm run fits            rewrite every fit (about a minute)
 *   npm run fits -- NAME    rewrite one
 *
 * test/calibrate/fits.test.ts fails when a fit is stale: when its scenario,
 * its target file (its bokmål texts aside: parsed, the file holds the English only) or
 * the model's numbers (a small probe run) changed since.
 * MODEL.md's tables of the fits are generated from these files: run
 * `npm run docs` after this (test/docs.test.ts fails until then).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SHIPPED } from '../scenarios/index.ts';
import { SHIPPED_TARGETS } from '../scenarios/targets/index.ts';
import { evaluateTargets, parseTargets, targetSettings } from '../sim/calibrate/targets.ts';
import { fitFingerprint, FIT_VERSION, type ShippedFit } from '../sim/calibrate/fingerprint.ts';
import { parseScenario } from '../sim/scenario.ts';

const names = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(SHIPPED_TARGETS);
for (const name of names) {
  if (!Object.hasOwn(SHIPPED_TARGETS, name) || !Object.hasOwn(SHIPPED, name)) {
    console.error(`fits: ${name} is not a shipped scenario with shipped targets; known: ${Object.keys(SHIPPED_TARGETS).join(', ')}`);
    process.exit(2);
  }
  const s = parseScenario(SHIPPED[name], `scenario ${name}`);
  const file = parseTargets(SHIPPED_TARGETS[name], `targets ${name}`);
  const t0 = performance.now();
  const result = evaluateTargets(s, file, targetSettings(s));
  const fit: ShippedFit = { version: FIT_VERSION, generatedBy: 'npm run fits', fingerprint: fitFingerprint(s, file), result };
  const path = fileURLToPath(new URL(`../scenarios/targets/fits/${name}.json`, import.meta.url));
  writeFileSync(path, JSON.stringify(fit, null, 2) + '\n');
  console.log(`${name}: fit ${result.fit.within}/${result.fit.total}, held out ${result.holdout.within}/${result.holdout.total} within band (${((performance.now() - t0) / 1000).toFixed(1)} s) -> scenarios/targets/fits/${name}.json`);
}
console.log('MODEL.md shows the fits: run `npm run docs` to bring its tables up to date.');
