/** CLI: `pathways calibrate` on a small case (report, files, --json, resume) and bad input (exit 2, one line, nothing written). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectUsageError, pathways, tempDir, writeJson } from './helpers.ts';

const tmp = tempDir();
afterAll(tmp.cleanup);
beforeAll(() => {
  expect(pathways(['--version']).stdout).toMatch(/^pathways \d+\.\d+\.\d+/);
});

/** A target file for the classroom: refugees' employment after two years, fitted; natives' held out. */
const targets = () => writeJson(join(tmp.dir, 'classroom-targets.json'), {
  scenario: 'classroom',
  targets: [
    {
      id: 'refugees-year-2', statement: 'About a third of refugees are in work after two years.', source: { citation: 'A publisher, A title', year: 2020, location: 'table 1' },
      quantity: { metric: 'employedShareByYear.2', group: 'refugee', policy: 'standardised' }, value: 0.35, band: [0.3, 0.4], bandKind: 'translation', bandNote: 'a judgement',
      use: 'fit', translation: 'a cohort against a rate',
    },
    {
      id: 'natives-year-2', statement: 'Most natives with rights are in work after two years.', source: { citation: 'A publisher, A title', year: 2020, location: 'table 2' },
      quantity: { metric: 'employedShareByYear.2', group: 'native-rights', policy: 'standardised' }, value: 0.7, band: [0.5, 0.9], bandKind: 'range', bandNote: 'years',
      use: 'holdout', translation: 'a cohort against a rate',
    },
  ],
});
const SMALL = ['--agents', '300', '--replications', '2', '--budget', '5'];

describe('pathways calibrate', () => {
  it('fits one parameter and reports the calibration, the fit and held-out targets, and the files', () => {
    const out = join(tmp.dir, 'run');
    const args = ['calibrate', '--scenario', 'classroom', '--targets', targets(), '--vary', 'groups.refugee.language=0.2:0.9', ...SMALL, '--out', out];
    const r = pathways(args);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^calibrate classroom \(.*\) to targets .*classroom-targets\.json: 300 agents, 156 weeks, 2 replications per candidate, seed \d+, common random numbers$/m);
    expect(r.stdout).toMatch(/^nelder-mead: \d+ evaluations of at most 5; (converged|stopped at the budget)$/m);
    expect(r.stdout).toMatch(/^groups\.refugee\.language +0\.2:0\.9 +0\.45 +0\.\d+$/m);
    expect(r.stdout).toMatch(/^Targets to fit, at the calibrated point$/m);
    expect(r.stdout).toMatch(/^refugees-year-2 /m);
    expect(r.stdout).toMatch(/^Held-out targets \(not fitted\), at the calibrated point$/m);
    expect(r.stdout).toMatch(/^natives-year-2 /m);
    for (const f of ['calibration.json', 'journal.jsonl', 'calibrated.json', 'fit.json', 'trace.csv']) expect(existsSync(join(out, f)), f).toBe(true);
    expect(existsSync(join(out, 'posterior.csv'))).toBe(false);
    // calibrated.json is a scenario the other commands take
    const v = pathways(['validate', join(out, 'calibrated.json')]);
    expect(v.status, v.stderr).toBe(0);
    // run again: everything is read from the journal, the same fit
    const fit = readFileSync(join(out, 'fit.json'), 'utf8');
    const again = pathways([...args, '--json']);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/resumed: \d+ candidates? read from .*journal\.jsonl, 0 run/);
    expect(JSON.parse(again.stdout)).toEqual(JSON.parse(fit));
  });

  const bad: [string, string[], RegExp][] = [
    ['no --out', ['--vary', 'groups.refugee.language=0.2:0.9'], /calibrate: --out DIR is required/],
    ['no --vary', ['--out', 'X'], /give at least one parameter to fit with --vary NAME=lo:hi/],
    ['a step', ['--vary', 'groups.refugee.language=0.2:0.9:0.1', '--out', 'X'], /calibrate takes a range NAME=lo:hi \(no step, no list of values\)/],
    ['a list', ['--vary', 'groups.refugee.language=0.2,0.9', '--out', 'X'], /calibrate takes a range NAME=lo:hi/],
    ['a knob', ['--vary', 'knobs.exploration=0:1', '--out', 'X'], /a knob belongs to the policies compared/],
    ['an unknown method', ['--vary', 'groups.refugee.language=0.2:0.9', '--method', 'cma', '--out', 'X'], /--method/],
    ['particles without abc', ['--vary', 'groups.refugee.language=0.2:0.9', '--particles', '10', '--out', 'X'], /--particles: only with --method abc/],
  ];
  for (const [what, extra, message] of bad) {
    it(`refuses ${what}: one line, exit 2, nothing written`, () => {
      const out = join(tmp.dir, `bad-${what.replace(/\W+/g, '-')}`);
      const args = ['calibrate', '--scenario', 'classroom', '--targets', targets(), ...extra.map((a) => (a === 'X' ? out : a))];
      const r = pathways(args);
      expect(expectUsageError(r)).toMatch(message);
      expect(r.stdout).toBe('');
      expect(existsSync(out)).toBe(false);
    });
  }

  it('refuses a scenario without shipped targets when no --targets is given', () => {
    const r = pathways(['calibrate', '--scenario', 'classroom', '--vary', 'groups.refugee.language=0.2:0.9', '--out', join(tmp.dir, 'none')]);
    expect(expectUsageError(r)).toMatch(/scenario classroom has no shipped targets; give --targets FILE/);
  });
});
