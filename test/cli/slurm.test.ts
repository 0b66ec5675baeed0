/**
 * `pathways slurm` without a scheduler: bad input (exit 2, one line), the
 * scripts it writes, shards spread over the tasks MaxArraySize allows, the
 * tasks of unfinished shards, and the scripts run by bash with Slurm's
 * variables set by hand: the merged result of each command equals its
 * unsharded run. The real scheduler: test/slurm/slurm.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { arraySpec, shardsOfTask, taskCount, taskOfShard } from '../../sim/cli/slurm.ts';
import { expectUsageError, pathways, ROOT, tempDir, writeJson } from './helpers.ts';

const tmp = tempDir();
afterAll(tmp.cleanup);
const dir = (name: string) => join(tmp.dir, name);
const read = (d: string, f: string) => readFileSync(join(d, f), 'utf8');

/** 12 quick runs: 3 points × 2 replications × 2 policies. */
const SWEEP = ['sweep', '--scenario', 'classroom', '--agents', '300', '--weeks', '52', '--replications', '2', '--vary', 'knobs.exploration=0:1:0.5'];

/** Run a script of the job folder with bash as Slurm would (task `k`, or the merge). */
function bash(script: string, env: Record<string, string> = {}) {
  const r = spawnSync('bash', [script], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Run every task of the job's array, then its merge. */
function runJob(job: string, tasks: number) {
  for (let k = 1; k <= tasks; k++) {
    const r = bash(join(job, 'job.sbatch'), { SLURM_ARRAY_TASK_ID: String(k), SLURM_ARRAY_JOB_ID: '7', SLURM_CPUS_PER_TASK: '1' });
    expect(r.status, r.stdout + r.stderr).toBe(0);
  }
  const m = bash(join(job, 'merge.sbatch'));
  expect(m.status, m.stdout + m.stderr).toBe(0);
}

describe('the layout of shards on array tasks', () => {
  it('gives each task its shards, several per task past MaxArraySize - 1', () => {
    expect(taskCount(6, 1001)).toBe(6);
    expect(taskCount(6, 5)).toBe(4);
    expect(taskCount(3000, 1001)).toBe(1000);
    expect(shardsOfTask(1, 4, 6)).toEqual([1, 5]);
    expect(shardsOfTask(4, 4, 6)).toEqual([4]);
    expect([1, 2, 3, 4, 5, 6].map((i) => taskOfShard(i, 4))).toEqual([1, 2, 3, 4, 1, 2]);
    // every shard exactly once
    const all = [1, 2, 3, 4].flatMap((k) => shardsOfTask(k, 4, 6)).sort((a, b) => a - b);
    expect(all).toEqual([1, 2, 3, 4, 5, 6]);
    expect(arraySpec([5, 1, 2, 3, 7, 8, 2])).toBe('1-3,5,7-8');
    expect(arraySpec([4])).toBe('4');
  });
});

describe('bad input: exit 2, one line', () => {
  const out = ['--out', dir('never')];
  it.each([
    [['slurm'], 'slurm: missing COMMAND (sweep, sensitivity, calibrate)'],
    [['slurm', 'run', '--scenario', 'classroom'], 'slurm: "run" does not run as a job array; expected one of sweep, sensitivity, calibrate'],
    [['slurm', 'swep'], '(did you mean sweep?)'],
    [['slurm', '--tasks', '3', 'sweep'], 'slurm: --tasks comes after the command'],
    [['slurm', ...SWEEP], 'slurm: --out DIR is required'],
    [['slurm', ...SWEEP, ...out, '--shard', '1/2'], '--shard: not with pathways slurm (pathways slurm gives each array task its shard)'],
    [['slurm', ...SWEEP, ...out, '--dry-run'], '--dry-run: not with pathways slurm'],
    [['slurm', ...SWEEP, ...out, '--tasks', '13'], '--tasks: 13 is not allowed; expected at most 12, the 12 runs of the sweep'],
    [['slurm', ...SWEEP, ...out, '--tasks', '0'], '--tasks: "0" is not allowed; expected an integer from 1'],
    [['slurm', ...SWEEP, ...out, '--time', '1h'], '--time: "1h" is not allowed; expected a time limit as sbatch takes it'],
    [['slurm', ...SWEEP, ...out, '--mem', 'lots'], '--mem: "lots" is not allowed'],
    [['slurm', ...SWEEP, ...out, '--partition', 'a b'], '--partition: "a b" is not allowed'],
    [['slurm', ...SWEEP, ...out, '--cpus-per-task', '0'], '--cpus-per-task: "0" is not allowed'],
    [['slurm', 'sweep', '--scenario', 'classroom', '--vary', 'office.casload=1,2', ...out], '--vary: office.casload: "casload" is not a field of office (did you mean caseload?)'],
    [['slurm', ...SWEEP, ...out, '--frobnicate'], 'unknown option --frobnicate for slurm sweep'],
    [['slurm', 'calibrate', '--scenario', 'classroom', '--vary', 'groups.refugee.language=0.2:0.8', ...out], 'slurm calibrate: needs --starts K with K of 2 or more'],
    [['slurm', 'calibrate', '--scenario', 'classroom', '--vary', 'groups.refugee.language=0.2:0.8', '--method', 'abc', ...out], 'slurm calibrate: --method abc cannot be split into tasks'],
    [['slurm', 'calibrate', '--scenario', 'classroom', '--vary', 'groups.refugee.language=0.2:0.8', '--starts', '2', '--tasks', '3', ...out], '--tasks: 3 is not allowed; expected at most 2, --starts 2'],
    [['slurm', 'sensitivity', '--method', 'morris', '--scenario', 'classroom', '--vary', 'knobs.exploration=0:1', ...out], 'sensitivity: --metric is required'],
    [['slurm', ...SWEEP, '--out', dir('a folder')], 'the scripts take paths of letters, digits'],
  ])('%j', (args, message) => {
    const line = expectUsageError(pathways(args as string[]));
    expect(line).toContain(message);
    expect(existsSync(dir('never'))).toBe(false);
  });

  it('refuses a job folder that holds another job', () => {
    const job = dir('other');
    expect(pathways(['slurm', ...SWEEP, '--out', job]).status).toBe(0);
    expect(expectUsageError(pathways(['slurm', ...SWEEP, '--tasks', '3', '--out', job]))).toMatch(/--out: .*other holds another job \(12 shards\); use another folder/);
    expect(expectUsageError(pathways(['slurm', ...SWEEP, '--seed', '5', '--out', job]))).toMatch(/holds another job \(other options \(--scenario classroom/);
  });

  it('--submit without sbatch: one line, exit 1, the scripts written', () => {
    const job = dir('nosbatch');
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'pathways.js'), 'slurm', ...SWEEP, '--tasks', '2', '--out', job, '--submit'],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, PATH: '/nonexistent' } });
    expect(r.status).toBe(1);
    expect(r.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/^pathways: sbatch not found: --submit needs Slurm's sbatch on the PATH/)]);
    expect(existsSync(join(job, 'job.sbatch'))).toBe(true);
  });
});

describe('the scripts', () => {
  it('job.sbatch: an array, the command with --shard per task, logs named with %A_%a; merge.sbatch: the merge, cancelled when the array fails', () => {
    const job = dir('scripts');
    const r = pathways(['slurm', ...SWEEP, '--tasks', '4', '--partition', 'short', '--time', '0-00:20', '--cpus-per-task', '2', '--mem', '2G', '--out', job]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^wrote .*job\.sbatch \(4 shards in 4 array tasks\) and .*merge\.sbatch \(pathways merge into .*merged\)\n/);
    expect(r.stdout).toMatch(/jid=\$\(sbatch --parsable .*job\.sbatch\) && sbatch --dependency=afterok:\$\{jid%%;\*\} .*merge\.sbatch/);
    const s = read(job, 'job.sbatch');
    expect(s).toMatch(/^#!\/bin\/bash\n/);
    for (const l of ['#SBATCH --array=1-4', '#SBATCH --partition=short', '#SBATCH --time=0-00:20', '#SBATCH --cpus-per-task=2', '#SBATCH --mem=2G', `#SBATCH --chdir=${ROOT}`]) expect(s).toContain(l);
    expect(s).toMatch(/^#SBATCH --output=.*\/logs\/pathways-sweep-%A_%a\.out$/m);
    expect(s).toMatch(/pathways\.js sweep --scenario classroom --agents 300 --weeks 52 --replications 2 --vary knobs\.exploration=0:1:0\.5 --workers "\$\{SLURM_CPUS_PER_TASK:-1\}" --shard "\$i\/\$SHARDS" --out .*\/shards\/"\$i"/);
    const m = read(job, 'merge.sbatch');
    expect(m).toContain('#SBATCH --kill-on-invalid-dep=yes');
    expect(m).toMatch(/pathways\.js merge --out .*\/merged .*\/shards$/m);
    expect(JSON.parse(read(job, 'slurm.json'))).toMatchObject({ format: 'pathways-slurm/1', command: 'sweep', shards: 4, submissions: [] });
  });

  it('a sweep run by its scripts (Parquet): the merge equals the unsharded run byte for byte; finished shards are left out of the array', () => {
    const P = [...SWEEP, '--format', 'parquet'];
    expect(pathways([...P, '--workers', '1', '--out', dir('ref')]).status).toBe(0);
    const job = dir('sweep');
    expect(pathways(['slurm', ...P, '--tasks', '4', '--workers', '1', '--out', job]).status).toBe(0);
    expect(read(job, 'job.sbatch')).toMatch(/ --format parquet --workers 1 --shard/);
    // tasks 1 and 3 run; resubmitting would run 2 and 4
    for (const k of [1, 3]) expect(bash(join(job, 'job.sbatch'), { SLURM_ARRAY_TASK_ID: String(k) }).status).toBe(0);
    const again = pathways(['slurm', ...P, '--tasks', '4', '--workers', '1', '--out', job]);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/2 of 4 shards are done, the tasks of the others: 2,4/);
    expect(again.stdout).toMatch(/sbatch --parsable --array=2,4 /);
    runJob(job, 4);
    expect(readFileSync(join(job, 'merged', 'runs.parquet')).equals(readFileSync(join(dir('ref'), 'runs.parquet')))).toBe(true);
    expect(read(join(job, 'merged'), 'sweep.json')).toBe(read(dir('ref'), 'sweep.json'));
    expect(pathways(['slurm', ...P, '--tasks', '4', '--workers', '1', '--out', job]).stdout).toMatch(/every shard is done\nthe result is in .*merged/);
  });

  it('a sensitivity analysis: the merge job computes the indices of the unsharded analysis, without running the model again', () => {
    const S = ['sensitivity', '--method', 'morris', '--scenario', 'classroom', '--vary', 'knobs.exploration=0:1', '--vary', 'office.advisorsPer1000=2:8',
      '--metric', 'employedShare', '--trajectories', '2', '--agents', '150', '--weeks', '60', '--replications', '1'];
    expect(pathways([...S, '--workers', '1', '--out', dir('sref')]).status).toBe(0);
    const job = dir('sens');
    const r = pathways(['slurm', ...S, '--out', job]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\(6 shards in 6 array tasks\)/);
    expect(read(job, 'merge.sbatch')).toMatch(/pathways\.js sensitivity --method morris .* --out .*\/merged --workers 1$/m);
    runJob(job, 6);
    expect(read(join(job, 'merged'), 'sensitivity.json')).toBe(read(dir('sref'), 'sensitivity.json'));
    expect(existsSync(join(job, 'merged', 'journal.jsonl'))).toBe(false);
  });

  it('a multi-start calibration: the merge equals the unsharded calibration', () => {
    const targets = writeJson(dir('targets.json'), {
      scenario: 'classroom',
      targets: [{
        id: 'refugees-year-2', statement: 'About a third of refugees are in work after two years.', source: { citation: 'A publisher, A title', year: 2020, location: 'table 1' },
        quantity: { metric: 'employedShareByYear.2', group: 'refugee', policy: 'standardised' }, value: 0.35, band: [0.3, 0.4], bandKind: 'translation', bandNote: 'a judgement',
        use: 'fit', translation: 'a cohort against a rate',
      }],
    });
    const C = ['calibrate', '--scenario', 'classroom', '--targets', targets, '--vary', 'groups.refugee.language=0.2:0.8', '--agents', '300', '--replications', '2', '--budget', '4', '--starts', '3'];
    expect(pathways([...C, '--workers', '1', '--out', dir('cref')]).status).toBe(0);
    const job = dir('cal');
    const r = pathways(['slurm', ...C, '--tasks', '2', '--out', job]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\(2 shards in 2 array tasks\)/);
    runJob(job, 2);
    for (const f of ['fit.json', 'trace.csv', 'calibrated.json', 'calibration.json']) expect(read(join(job, 'merged'), f), f).toBe(read(dir('cref'), f));
  });
});
