/**
 * The calibration driver (sim/calibrate/run.ts): parameter recovery (targets
 * made by the model itself at known parameter values are found back, by
 * Nelder–Mead and by ABC-SMC), the same result on any number of workers and
 * after an interrupted run, the files it writes, and bad input refused
 * before anything is written.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SHIPPED } from '../../scenarios/index.ts';
import { candidateScenario, locateParameters, parameterValues } from '../../sim/calibrate/candidate.ts';
import { CALIBRATE_DEFAULTS, CALIBRATED, CALIBRATION, FIT, POSTERIOR, runCalibration, TRACE, type CalibrateSpec } from '../../sim/calibrate/run.ts';
import { evaluateTargets, parseTargets, type TargetFile } from '../../sim/calibrate/targets.ts';
import { InputError } from '../../sim/errors.ts';
import { mergeCalibrations } from '../../sim/calibrate/merge.ts';
import { parseScenario } from '../../sim/scenario.ts';
import { JOURNAL } from '../../sim/sweep/journal.ts';

const root = mkdtempSync(join(tmpdir(), 'pathways-calibrate-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let folders = 0;
const folder = () => join(root, `c${++folders}`);

const base = parseScenario(SHIPPED.classroom);
const BOUNDS = [{ name: 'groups.refugee.language', lo: 0.1, hi: 0.9 }, { name: 'groups.eu-citizen.network', lo: 0.05, hi: 0.8 }];
/** The parameter values the targets are made at (the scenario has 0.45 and 0.3). */
const TRUTH = [0.7, 0.6];

const draft = (id: string, group: string, value = 0.5, band = [0, 1]) => ({
  id, statement: `Employment of ${group} after two years.`, source: { citation: 'this model', year: 2026, location: 'a run at known values' },
  quantity: { metric: 'employedShareByYear.2', group, policy: 'standardised' }, value, band, bandKind: 'translation', bandNote: 'made by the model',
  use: 'fit', translation: 'none: the model itself',
});

/** Targets that the model meets exactly at TRUTH (with these settings): each a band of ±0.03 around the model's own mean there. */
function madeTargets(settings: CalibrateSpec['settings']): TargetFile {
  const draftFile = parseTargets({ scenario: 'classroom', targets: [draft('refugee', 'refugee'), draft('eu', 'eu-citizen')] });
  const at = candidateScenario(base, locateParameters(base, BOUNDS), TRUTH);
  const r = evaluateTargets(at, draftFile, settings);
  return parseTargets({ scenario: 'classroom', targets: r.targets.map((t) => draft(t.id, sidesOfGroup(t.id), t.model.mean, [t.model.mean - 0.03, t.model.mean + 0.03])) });
}
const sidesOfGroup = (id: string) => (id === 'refugee' ? 'refugee' : 'eu-citizen');

let made: TargetFile | undefined;
const spec = (over: Partial<CalibrateSpec>): CalibrateSpec => ({
  scenario: base, scenarioArg: 'classroom', file: over.file ?? (made ??= madeTargets(SETTINGS)), targetsArg: 'made.json', bounds: BOUNDS, method: 'nelder-mead', settings: SETTINGS, ...over,
});
const SETTINGS = { agents: 1500, weeks: 104, replications: 3, seed: 7 };
const TINY = { agents: 300, weeks: 104, replications: 2, seed: 3 };
const TINY_TARGETS = madeTargets(TINY);

const read = (dir: string, f: string) => readFileSync(join(dir, f), 'utf8');

describe('calibrate: parameter recovery', () => {
  it('Nelder–Mead finds the parameter values the targets were made at', async () => {
    const out = folder();
    const r = await runCalibration(spec({ budget: 40 }), { out, workers: 2 });
    const c = r.fit.calibration;
    expect(c.parameters.map((p) => p.start)).toEqual(parameterValues(base, locateParameters(base, BOUNDS)));
    c.parameters.forEach((p, i) => expect(Math.abs(p.value - TRUTH[i]), `${p.name}: ${p.value} against ${TRUTH[i]}`).toBeLessThan(0.1));
    expect(c.distance).toBeLessThan(c.startDistance! / 10);
    expect(r.fit.fit).toEqual({ within: 2, total: 2 });
    // the calibrated scenario is a scenario file with the calibrated values
    const calibrated = parseScenario(JSON.parse(read(out, CALIBRATED)));
    expect(parameterValues(calibrated, locateParameters(calibrated, BOUNDS))).toEqual(c.parameters.map((p) => p.value));
    // fit.json is what `pathways targets` gives on calibrated.json
    const again = evaluateTargets(calibrated, spec({}).file, SETTINGS);
    expect(r.fit.targets.map((t) => t.model.mean)).toEqual(again.targets.map((t) => t.model.mean));
    // the trace: one row per evaluation, the best distance among them
    const rows = read(out, TRACE).trim().split('\n');
    expect(rows[0]).toBe('evaluation,start,iteration,kind,groups.refugee.language,groups.eu-citizen.network,distance,mean:refugee,mean:eu');
    expect(rows).toHaveLength(c.evaluations + 1);
    expect(Math.min(...rows.slice(1).map((l) => Number(l.split(',')[6])))).toBe(c.distance);
  });

  it('ABC-SMC gives a posterior whose 95% interval holds the values the targets were made at', async () => {
    const out = folder();
    const r = await runCalibration(spec({ method: 'abc', budget: 120, particles: 20 }), { out, workers: 2 });
    const post = r.fit.calibration.posterior!;
    expect(post.size).toBe(20);
    expect(post.generations.length).toBeGreaterThan(1);
    post.parameters.forEach((p, i) => {
      expect(p.q025, p.name).toBeLessThanOrEqual(TRUTH[i]);
      expect(p.q975, p.name).toBeGreaterThanOrEqual(TRUTH[i]);
    });
    // the last population's tolerance is below the first's, and the posterior narrower than the prior
    expect(post.generations.at(-1)!.epsilon).toBeLessThan(post.generations[1].epsilon);
    expect(post.parameters[0].sd).toBeLessThan((BOUNDS[0].hi - BOUNDS[0].lo) / Math.sqrt(12));
    const lines = read(out, POSTERIOR).trim().split('\n');
    expect(lines[0]).toBe('particle,generation,weight,distance,groups.refugee.language,groups.eu-citizen.network');
    expect(lines).toHaveLength(21);
    const weights = lines.slice(1).map((l) => Number(l.split(',')[2]));
    expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });
});

describe('calibrate: the same numbers however it is run', () => {
  const tiny = () => spec({ settings: TINY, file: TINY_TARGETS, budget: 8 });

  it('in this thread and on two workers', async () => {
    const a = folder();
    const b = folder();
    await runCalibration(tiny(), { out: a, workers: 0 });
    await runCalibration(tiny(), { out: b, workers: 2 });
    for (const f of [FIT, TRACE, CALIBRATED, CALIBRATION]) expect(read(b, f), f).toBe(read(a, f));
  });

  it('resumed from the journal of an interrupted run (a torn last line included)', async () => {
    const a = folder();
    const first = await runCalibration(tiny(), { out: a, workers: 0 });
    expect(first.ran).toBe(first.fit.calibration.evaluations);
    const b = folder();
    await runCalibration(tiny(), { out: b, workers: 0 });
    // keep three evaluations and half of the fourth, drop the outputs
    const lines = read(b, JOURNAL).split('\n');
    writeFileSync(join(b, JOURNAL), lines.slice(0, 3).join('\n') + '\n' + lines[3].slice(0, 20));
    for (const f of [FIT, TRACE, CALIBRATED]) rmSync(join(b, f));
    const notes: string[] = [];
    const again = await runCalibration(tiny(), { out: b, workers: 2, onNote: (l) => notes.push(l) });
    expect(again.resumed).toBe(3);
    expect(again.ran).toBe(first.fit.calibration.evaluations - 3);
    expect(notes.join('\n')).toMatch(/dropped 1 damaged or torn line/);
    for (const f of [FIT, TRACE, CALIBRATED]) expect(read(b, f), f).toBe(read(a, f));
  });

  it('from several starts, in shards joined by merge: the files of the unsharded run', async () => {
    const whole = folder();
    const multi = { ...tiny(), starts: 3, budget: 6 };
    const r = await runCalibration(multi, { out: whole, workers: 2 });
    expect(r.fit.calibration.starts!.map((s) => s.start)).toEqual([1, 2, 3]);
    expect(r.fit.calibration.starts![0].from).toEqual(r.meta.parameters.map((p) => p.start));
    const best = r.fit.calibration.starts!.reduce((a, b) => (b.distance < a.distance ? b : a));
    expect(r.fit.calibration.distance).toBe(best.distance);
    const parent = folder();
    for (const i of [1, 2]) await runCalibration({ ...multi, shard: [i, 2] }, { out: join(parent, `shard-${i}`), workers: 0 });
    const merged = folder();
    mergeCalibrations([parent], merged);
    for (const f of [FIT, TRACE, CALIBRATED, CALIBRATION]) expect(read(merged, f), f).toBe(read(whole, f));
    expect(() => mergeCalibrations([join(parent, 'shard-1')], folder())).toThrow(/shard 2\/2 missing/);
  });

  it('refuses a folder that holds another calibration, and names the difference', async () => {
    const a = folder();
    await runCalibration(tiny(), { out: a, workers: 0 });
    await expect(runCalibration({ ...tiny(), budget: 9 }, { out: a, workers: 0 })).rejects.toThrow(/holds a different calibration \(budget: 8 there, 9 here\)/);
  });
});

describe('calibrate: bad input, refused before anything is written', () => {
  const cases: [string, Partial<CalibrateSpec>, RegExp][] = [
    ['a knob', { bounds: [{ name: 'knobs.exploration', lo: 0, hi: 1 }] }, /knobs\.exploration: a knob belongs to the policies compared/],
    ['a whole-number field', { bounds: [{ name: 'agents', lo: 100, hi: 200 }] }, /agents: takes whole numbers only/],
    ['an end outside the schema’s range', { bounds: [{ name: 'groups.refugee.language', lo: 0.1, hi: 1.5 }] }, /groups\.refugee\.language: 1\.5 is not allowed; expected a number from 0 to 1/],
    ['lo not below hi', { bounds: [{ name: 'groups.refugee.language', lo: 0.5, hi: 0.5 }] }, /expected lo:hi with lo below hi/],
    ['a misspelt field', { bounds: [{ name: 'groups.refugee.langauge', lo: 0.1, hi: 0.5 }] }, /"langauge" is not a field of groups\.refugee \(did you mean language\?\)/],
    ['no targets to fit', { file: parseTargets({ scenario: 'classroom', targets: [{ ...draft('a', 'refugee'), use: 'holdout' }] }) }, /has no target with "use": "fit"/],
    ['a budget smaller than the first simplex', { budget: 2 }, /--budget: 2 is not allowed for nelder-mead with 2 parameters; expected at least 3/],
    ['starts with ABC', { method: 'abc', starts: 2 }, /--starts: only with --method nelder-mead/],
    ['more shards than starts', { starts: 2, shard: [1, 3] }, /--shard: 1\/3 is not allowed with 2 starts/],
    ['fewer ABC simulations than particles', { method: 'abc', budget: 10, particles: 20 }, /--budget: 10 is not allowed for abc with 20 particles/],
  ];
  for (const [what, over, message] of cases) {
    it(what, async () => {
      const out = folder();
      const run = runCalibration(spec({ settings: TINY, file: TINY_TARGETS, ...over }), { out, workers: 0 });
      await expect(run).rejects.toThrow(InputError);
      await expect(run).rejects.toThrow(message);
      expect(existsSync(out)).toBe(false);
    });
  }
});


describe('calibrate: the defaults as documented', () => {
  it('docs/calibration-methods.md states the defaults of CALIBRATE_DEFAULTS', () => {
    const doc = readFileSync(new URL('../../docs/calibration-methods.md', import.meta.url), 'utf8').replace(/\s+/g, ' ');
    const D = CALIBRATE_DEFAULTS;
    expect(doc).toContain(`a first simplex of edge ${D.step} of each range, and stops at ${D.budget['nelder-mead']} evaluations or when the simplex is within ${D.xTolerance} of each range and its distances within ${D.fTolerance}`);
    expect(doc).toContain(`ABC-SMC has ${D.particles} particles and ${D.budget.abc} simulations`);
  });
});
