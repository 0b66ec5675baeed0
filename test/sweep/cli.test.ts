/** `pathways sweep` and `pathways merge` on the command line: bad input, kill and resume, shards and merge. */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectUsageError, pathways, ROOT, tempDir } from '../cli/helpers.ts';

const tmp = tempDir();
afterAll(tmp.cleanup);
const dir = (name: string) => join(tmp.dir, name);
const read = (d: string, f: string) => readFileSync(join(d, f), 'utf8');

/** 48 runs of a small classroom: 6 points × 4 replications × 2 policies. */
const VARY = 'knobs.exploration=0:1:0.2';
const SWEEP = ['sweep', '--scenario', 'classroom', '--agents', '300', '--weeks', '52', '--replications', '4', '--vary', VARY];
const TOTAL = 48;

beforeAll(() => {
  // the uninterrupted reference, with 2 workers (also builds the bundle once for the tests below)
  const r = pathways([...SWEEP, '--workers', '2', '--out', dir('ref')]);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/^sweep classroom: 48 runs: 6 points × 4 replications × 2 policies\nran 48 runs in .* with 2 workers/);
});

describe('bad input: exit 2, one line', () => {
  const base = ['sweep', '--scenario', 'classroom', '--out', join(tmp.dir, 'never')];
  it.each([
    [['sweep', '--out', join(tmp.dir, 'never')], 'sweep: --scenario is required'],
    [['sweep', '--scenario', 'classroom'], 'sweep: --out DIR is required'],
    [[...base, '--vary', 'office.casload=1,2'], '--vary: office.casload: "casload" is not a field of office (did you mean caseload?)'],
    [[...base, '--vary', 'knobs.exploration=0:1.5:0.5'], '--vary: knobs.exploration: 1.5 is not allowed; expected a number from 0 to 1'],
    [[...base, '--vary', 'knobs.exploration=a,b'], '--vary: "knobs.exploration=a,b" is not allowed; "a" is not a number'],
    [[...base, '--vary', 'groups.refugee.route=1'], 'groups.refugee.route: is not a number field'],
    [[...base, '--shard', '0/3'], '--shard: "0/3" is not allowed; expected i/n with 1 <= i <= n'],
    [[...base, '--shard', '4/3'], '--shard: "4/3" is not allowed'],
    [[...base, '--shard', 'two'], '--shard: "two" is not allowed'],
    [[...base, '--design', 'lhs'], '--design lhs: needs --samples N'],
    [[...base, '--samples', '5'], '--samples: only with --design lhs'],
    [[...base, '--design', 'sobol'], '--design: "sobol" is not allowed; expected one of grid, lhs'],
    [[...base, '--workers', '0'], '--workers: "0" is not allowed; expected an integer from 1 to 1024'],
    [[...base, '--policies', 'standardised,nope'], '--policies: "nope" is not a policy of scenario classroom'],
    [[...base, '--metrics', 'employedShare,nope'], '--metrics: "nope" is not a metric'],
    [[...base, '--frobnicate'], 'unknown option --frobnicate for sweep'],
    [['merge', dir('ref')], 'merge: --out DIR is required'],
    [['merge', '--out', dir('m0')], 'merge: missing SHARD_DIR'],
    [['merge', '--out', dir('m0'), join(tmp.dir, 'nope')], 'is not a folder'],
  ])('%j', (args, message) => {
    const line = expectUsageError(pathways(args));
    expect(line).toContain(message);
  });

  it('writes nothing for bad input', () => {
    expect(existsSync(join(tmp.dir, 'never'))).toBe(false);
  });

  it('refuses a different sweep into the same folder', () => {
    const line = expectUsageError(pathways([...SWEEP.map((a) => (a === VARY ? 'knobs.exploration=0:1:0.25' : a)), '--out', dir('ref')]));
    expect(line).toMatch(/--out: .*ref holds a different sweep \(parameters: .*\); use another folder, or delete it to start again/);
    const again = pathways([...SWEEP, '--out', dir('ref')]);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/all 48 runs were already done/);
  });
});

describe('kill and resume', () => {
  it('a sweep killed with SIGKILL and started again gives the uninterrupted runs.csv', async () => {
    const out = dir('killed');
    const journal = join(out, 'journal.jsonl');
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'pathways.js'), ...SWEEP, '--workers', '1', '--out', out], { cwd: ROOT, stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    const records = () => (existsSync(journal) ? readFileSync(journal, 'utf8').split('\n').length - 1 : 0);
    const deadline = Date.now() + 60_000;
    while (records() < 3 && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 5));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const kept = records();
    expect(kept).toBeGreaterThanOrEqual(3);
    expect(kept).toBeLessThan(TOTAL);
    expect(existsSync(join(out, 'runs.csv'))).toBe(false);
    expect(JSON.parse(read(out, 'sweep.json')).runs).toBe(TOTAL);

    const r = pathways([...SWEEP, '--workers', '2', '--out', out]);
    expect(r.status).toBe(0);
    const skipped = Number(/; (\d+) already done/.exec(r.stdout)?.[1]);
    expect(skipped).toBeGreaterThanOrEqual(kept);
    expect(read(out, 'runs.csv')).toBe(read(dir('ref'), 'runs.csv'));
    expect(read(out, 'sweep.json')).toBe(read(dir('ref'), 'sweep.json'));
  });
});

describe('shards and merge', () => {
  it('three shards merged give the unsharded runs.csv and sweep.json', () => {
    for (const i of [1, 2, 3]) {
      const r = pathways([...SWEEP, '--workers', '1', '--shard', `${i}/3`, '--out', dir(`shard${i}`)]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^sweep classroom: 16 runs \\(shard ${i}/3 of 48\\)`));
    }
    const missing = expectUsageError(pathways(['merge', '--out', dir('merged'), `${dir('shard1')},${dir('shard3')}`]));
    expect(missing).toMatch(/shard 2\/3 is missing \(runs 1, 4, 7, 10, 13, 16 and 10 more of 48\)/);
    expect(existsSync(dir('merged'))).toBe(false);
    const r = pathways(['merge', '--out', dir('merged'), `${dir('shard1')},${dir('shard2')}`, dir('shard3')]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^merged 3 shards: 48 runs; wrote .*runs\.csv \(1104 rows\)/);
    expect(read(dir('merged'), 'runs.csv')).toBe(read(dir('ref'), 'runs.csv'));
    expect(read(dir('merged'), 'sweep.json')).toBe(read(dir('ref'), 'sweep.json'));
  });
});

describe('repeated --vary', () => {
  it('is the same sweep as one --vary with both parameters', () => {
    const one = pathways(['sweep', '--scenario', 'classroom', '--agents', '100', '--weeks', '10', '--replications', '1', '--dry-run', '--out', dir('v1'),
      '--vary', 'knobs.exploration=0,1 office.caseload=35,70']);
    const two = pathways(['sweep', '--scenario', 'classroom', '--agents', '100', '--weeks', '10', '--replications', '1', '--dry-run', '--out', dir('v2'),
      '--vary', 'knobs.exploration=0,1', '--vary', 'office.caseload=35,70']);
    expect(one.status).toBe(0);
    expect(two.status).toBe(0);
    const plan = (r: { stdout: string }) => JSON.parse(r.stdout.slice(r.stdout.indexOf('{'))) as { points: unknown[]; parameters: { name: string }[] };
    expect(plan(two).parameters.map((p) => p.name)).toEqual(['knobs.exploration', 'office.caseload']);
    expect(plan(two).points).toEqual(plan(one).points);
    expect(plan(two).points).toHaveLength(4);
  });
});

describe('a folder with results but no plan', () => {
  it('is refused, not adopted by a different sweep', () => {
    const small = ['sweep', '--scenario', 'classroom', '--agents', '100', '--weeks', '10', '--replications', '1'];
    const out = dir('orphan');
    expect(pathways([...small, '--vary', 'knobs.exploration=0,1', '--out', out]).status).toBe(0);
    rmSync(join(out, 'sweep.json'));
    rmSync(join(out, 'runs.csv'));
    const msg = expectUsageError(pathways([...small, '--vary', 'knobs.followUp=0,1', '--out', out]));
    expect(msg).toContain('holds journal.jsonl but no sweep.json');
    expect(existsSync(join(out, 'sweep.json'))).toBe(false);
  });
});
