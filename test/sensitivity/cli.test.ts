/** `pathways sensitivity` end to end on a small classroom: output shape, determinism, resume, shards, in-process agreement, bad input. */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SHIPPED } from '../../scenarios/index.ts';
import { modelSensitivity } from '../../sim/sensitivity/model.ts';
import type { SensitivityReport } from '../../sim/sensitivity/run.ts';
import { expectUsageError, pathways, tempDir } from '../cli/helpers.ts';

const { dir: tmp, cleanup } = tempDir();
afterAll(cleanup);

const VARY = 'knobs.exploration=0:1 office.caseload=20:200';
const base = (out: string, extra: string[] = []) => [
  'sensitivity', '--method', 'morris', '--scenario', 'classroom', '--vary', VARY, '--metric', 'employedShare',
  '--trajectories', '3', '--replications', '1', '--agents', '150', '--weeks', '60', '--out', out, ...extra,
];

let first: SensitivityReport;
let firstText: string;

describe('pathways sensitivity (morris on classroom)', () => {
  it('prints and writes the indices as JSON', () => {
    const out = join(tmp, 'a');
    const r = pathways(base(out, ['--json', '--workers', '2']));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    firstText = r.stdout;
    first = JSON.parse(r.stdout) as SensitivityReport;
    expect(readFileSync(join(out, 'sensitivity.json'), 'utf8')).toBe(r.stdout);
    expect(first).toMatchObject({
      format: 'pathways-sensitivity/1', method: 'morris', scenario: 'classroom', policy: 'standardised', metric: 'employedShare', group: 'all',
      agents: 150, weeks: 60, replications: 1, seed: 1,
      settings: { method: 'morris', trajectories: 3, levels: 4, points: 9, bootstrap: 1000 },
      factors: [{ name: 'knobs.exploration', lo: 0, hi: 1 }, { name: 'office.caseload', lo: 20, hi: 200, integer: true }],
    });
    expect(first.indices.map((x) => (x as { factor: string }).factor).sort()).toEqual(['knobs.exploration', 'office.caseload']);
    for (const x of first.indices as { muStar: number; mu: number; sigma: number; muStarCi: [number, number] }[]) {
      expect(x.muStar).toBeGreaterThanOrEqual(0);
      expect(Math.abs(x.mu)).toBeLessThanOrEqual(x.muStar + 1e-12);
      expect(x.muStarCi[0]).toBeLessThanOrEqual(x.muStar + 1e-12);
      expect(x.muStarCi[1]).toBeGreaterThanOrEqual(x.muStar - 1e-12);
      expect(Number.isFinite(x.sigma)).toBe(true);
    }
    const m = first.indices as { muStar: number }[];
    expect(m[0].muStar).toBeGreaterThanOrEqual(m[1].muStar);
    expect(first.points).toHaveLength(9);
    for (const p of first.points) {
      expect(Object.keys(p.point)).toEqual(['knobs.exploration', 'office.caseload']);
      expect(Number.isInteger(p.point['office.caseload'])).toBe(true);
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeLessThanOrEqual(1);
    }
    expect(existsSync(join(out, 'sweep.json'))).toBe(true);
    expect(existsSync(join(out, 'runs.csv'))).toBe(true);
  });

  it('gives the same JSON for the same command (another folder, another number of workers)', () => {
    const r = pathways(base(join(tmp, 'b'), ['--json', '--workers', '1']));
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(firstText);
  });

  it('resumes an interrupted analysis in the same folder and gets the same indices', () => {
    const out = join(tmp, 'a');
    // as if stopped after three runs: no runs.csv or sensitivity.json yet, three lines of the journal
    rmSync(join(out, 'runs.csv'));
    rmSync(join(out, 'sensitivity.json'));
    const journal = readFileSync(join(out, 'journal.jsonl'), 'utf8').split('\n').slice(0, 3);
    writeFileSync(join(out, 'journal.jsonl'), journal.join('\n') + '\n');
    const r = pathways(base(out));
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^sensitivity morris classroom .*: employedShare of all, policy standardised$/m);
    expect(r.stdout).toMatch(/^factor +range +mu\* +95% interval +mu +sigma$/m);
    expect(r.stdout).toMatch(/3 of \d+ runs were already done in .*; wrote .*sensitivity\.json/);
    expect(readFileSync(join(out, 'sensitivity.json'), 'utf8')).toBe(firstText);
    // a finished folder: nothing runs again
    const again = pathways(base(out));
    expect(again.stdout).toMatch(/(\d+) of \1 runs were already done/);
  });

  it('runs in shards that merge into the same analysis', () => {
    const [s1, s2, merged] = ['s1', 's2', 'merged'].map((d) => join(tmp, d));
    for (const [i, d] of [[1, s1], [2, s2]] as const) {
      const r = pathways(base(d, ['--shard', `${i}/2`]));
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^shard ${i}/2 of the sensitivity analysis`));
      expect(existsSync(join(d, 'sensitivity.json'))).toBe(false);
    }
    expect(pathways(['merge', '--out', merged, `${s1},${s2}`]).status).toBe(0);
    const r = pathways(base(merged, ['--json']));
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(firstText);
  });

  it('agrees with the in-process analysis (modelSensitivity)', () => {
    const inProcess = modelSensitivity({
      scenario: SHIPPED.classroom, method: 'morris', vary: VARY.split(' '), metric: 'employedShare',
      trajectories: 3, replications: 1, agents: 150, weeks: 60, seed: 1,
    });
    expect(inProcess.indices).toEqual(first.indices);
    expect(inProcess.y).toEqual(first.points.map((p) => p.y));
  });

  it.each([
    [['--vary', 'knobs.nope=0:1'], /^pathways: --vary: knobs\.nope: is not a knob/],
    [['--vary', 'knobs.exploration=0:1:0.5'], /a sensitivity analysis takes a range NAME=lo:hi/],
    [['--vary', 'knobs.exploration=0:3'], /3 is not allowed; expected a number from 0 to 1/],
    [['--metric', 'employed'], /--metric: "employed" is not a metric/],
    [['--group', 'martians'], /--group: "martians" is not a group of scenario classroom/],
    [['--samples', '8'], /--samples: not used with --method morris/],
    [['--levels', '3'], /--levels: "3" is not allowed/],
    [['--trajectories', '0'], /--trajectories: "0" is not allowed/],
    [['--method', 'fast'], /--method: "fast" is not allowed; expected one of morris, sobol/],
  ])('rejects bad input with one line and exit 2: %j', (args, message) => {
    const out = join(tmp, 'bad');
    const argv = base(out);
    for (let i = 0; i < args.length; i += 2) {
      const at = argv.indexOf(args[i]);
      if (at >= 0) argv[at + 1] = args[i + 1];
      else argv.push(args[i], args[i + 1]);
    }
    expect(expectUsageError(pathways(argv))).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a folder that holds another analysis', () => {
    const r = pathways(base(join(tmp, 'a'), ['--seed', '2']));
    expect(expectUsageError(r)).toMatch(/holds a different sweep/);
  });
});
