/**
 * `pathways slurm` on a real scheduler: a single-node Slurm cluster started
 * by hand (test/slurm/cluster.ts). A small sweep runs as a job array plus the
 * merge job, and the merged result equals the unsharded run byte for byte;
 * then a task is killed mid-shard, the merge never runs, and submitting again
 * runs only that shard, which resumes from its journal.
 *
 * Needs root and Debian's slurm-wlm and munge (node scripts/slurm.js
 * --install). Elsewhere it is skipped with a one-line reason; in CI
 * (PATHWAYS_CI=1, set by .ci/run) it must run, so it fails instead.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../cli/helpers.ts';
import { cannotStart, startCluster, waitFor, type Cluster } from './cluster.ts';

const why = cannotStart();
const mustRun = process.env.PATHWAYS_CI === '1';

/** Array indices up to 4: at least four tasks, and more shards than that run several per task. */
const MAX_ARRAY_SIZE = 5;

if (why !== undefined && mustRun) {
  describe('pathways slurm on a Slurm cluster', () => {
    it('runs in CI', () => {
      throw new Error(`${why.replace(/^Slurm test skipped: /, 'the Slurm test must run in CI (PATHWAYS_CI=1) but cannot: ')}`);
    });
  });
}

describe.skipIf(why !== undefined)(why ?? 'pathways slurm on a single-node Slurm cluster', () => {
  let cluster: Cluster;
  const tmp = tempDir();
  const dir = (name: string) => join(tmp.dir, name);
  const timings: string[] = [];

  beforeAll(async () => {
    const t0 = Date.now();
    cluster = await startCluster({ maxArraySize: MAX_ARRAY_SIZE });
    timings.push(`cluster up in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }, 90_000);

  afterAll(async () => {
    const t0 = Date.now();
    await cluster?.stop();
    tmp.cleanup();
    timings.push(`cluster stopped in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    console.log(`slurm test timings: ${timings.join('; ')}`);
  }, 60_000);

  /** pathways with the cluster's SLURM_CONF. */
  const pathways = (args: string[]) => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'pathways.js'), ...args], { cwd: ROOT, encoding: 'utf8', env: cluster.env, timeout: 120_000 });
    if (r.error) throw r.error;
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const queued = (id: string) => cluster.run('squeue', ['--noheader', '--format=%i', `--jobs=${id}`]).stdout.trim() !== '';
  const logsOf = (job: string) => {
    const d = join(job, 'logs');
    return existsSync(d) ? readdirSync(d).sort().map((f) => `--- ${f}\n${readFileSync(join(d, f), 'utf8')}`).join('\n') : '(no logs)';
  };
  /** Wait for `file`, failing early (with the job's logs) when the merge job has left the queue without writing it. */
  const waitForResult = (file: string, job: string, mergeId: string, ms: number) => waitFor(file, ms, () => {
    if (existsSync(file)) return true;
    if (!queued(mergeId) && !existsSync(file)) {
      // the merge job may have just finished: look once more before failing
      if (existsSync(file)) return true;
      throw new Error(`merge job ${mergeId} left the queue without writing ${file}\n${logsOf(job)}\n${cluster.logs()}`);
    }
    return undefined;
  }, 250);

  it('runs a sweep as an array of shards and a merge job; the result equals the unsharded run byte for byte', async () => {
    const t0 = Date.now();
    const SWEEP = ['sweep', '--scenario', 'classroom', '--agents', '300', '--weeks', '52', '--replications', '2', '--vary', 'knobs.exploration=0:1:0.5'];
    const ref = pathways([...SWEEP, '--workers', '1', '--out', dir('ref')]);
    expect(ref.status, ref.stderr).toBe(0);
    const job = dir('job');
    // 6 shards, 4 tasks allowed by MaxArraySize: tasks 1 and 2 run two shards each
    const r = pathways(['slurm', ...SWEEP, '--tasks', '6', '--time', '10', '--out', job, '--submit']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/job\.sbatch \(6 shards in 4 array tasks\)/);
    const m = /submitted array job (\d+) \(tasks 1-4: 6 shards\) and merge job (\d+) \(after every task succeeds\)/.exec(r.stdout);
    expect(m, r.stdout).not.toBeNull();
    const [, arrayId, mergeId] = m!;
    expect(readFileSync(join(job, 'job.sbatch'), 'utf8')).toMatch(/^#SBATCH --array=1-4$/m);
    await waitForResult(join(job, 'merged', 'runs.csv'), job, mergeId, 180_000);
    expect(readFileSync(join(job, 'merged', 'runs.csv'), 'utf8')).toBe(readFileSync(join(dir('ref'), 'runs.csv'), 'utf8'));
    expect(readFileSync(join(job, 'merged', 'sweep.json'), 'utf8')).toBe(readFileSync(join(dir('ref'), 'sweep.json'), 'utf8'));
    // logs named with %A_%a; task 1 ran shards 1 and 5
    const logs = readdirSync(join(job, 'logs')).sort();
    expect(logs).toEqual(expect.arrayContaining([1, 2, 3, 4].map((k) => `pathways-sweep-${arrayId}_${k}.out`)));
    const task1 = readFileSync(join(job, 'logs', `pathways-sweep-${arrayId}_1.out`), 'utf8');
    expect(task1).toMatch(/shard 1\/6[\s\S]*shard 5\/6/);
    expect(logs).toContain(`pathways-sweep-merge-${mergeId}.out`);
    // done: submitting again submits nothing
    await waitFor(`merge job ${mergeId} to leave the queue`, 30_000, () => (queued(mergeId) ? undefined : true));
    const again = pathways(['slurm', ...SWEEP, '--tasks', '6', '--time', '10', '--out', job, '--submit']);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/nothing to submit: every shard and the merge are done/);
    timings.push(`array of 6 shards in 4 tasks + merge: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }, 240_000);

  it('after a task is killed, submitting again runs only its shard, resumed from its journal (Parquet output)', async () => {
    const t0 = Date.now();
    // 24 runs of about 0.4 s: 6 a shard, time to kill shard 1 in the middle
    const SWEEP = ['sweep', '--scenario', 'classroom', '--agents', '600', '--weeks', '80', '--replications', '2', '--vary', 'knobs.exploration=0:1:0.2', '--format', 'parquet'];
    const ref = pathways([...SWEEP, '--workers', '2', '--out', dir('ref2')]);
    expect(ref.status, ref.stderr).toBe(0);
    const job = dir('job2');
    const cmd = ['slurm', ...SWEEP, '--tasks', '4', '--out', job, '--submit'];
    const r = pathways(cmd);
    expect(r.status, r.stderr).toBe(0);
    const m = /submitted array job (\d+) \(tasks 1-4: 4 shards\) and merge job (\d+)/.exec(r.stdout);
    expect(m, r.stdout).not.toBeNull();
    const [, arrayId, mergeId] = m!;
    const journal = join(job, 'shards', '1', 'journal.jsonl');
    const lines = () => (existsSync(journal) ? readFileSync(journal, 'utf8').split('\n').filter(Boolean).length : 0);
    await waitFor('shard 1 to finish a run', 120_000, () => (lines() >= 1 ? true : undefined), 50);
    expect(existsSync(join(job, 'shards', '1', 'runs.parquet')), 'shard 1 finished before it could be killed').toBe(false);
    const kill = cluster.run('scancel', ['--signal=KILL', `${arrayId}_1`]);
    expect(kill.status, kill.stderr).toBe(0);
    await waitFor(`array job ${arrayId} to leave the queue`, 120_000, () => (queued(arrayId) ? undefined : true), 250);
    const kept = lines();
    expect(kept).toBeGreaterThanOrEqual(1);
    expect(kept).toBeLessThan(6);
    expect(existsSync(join(job, 'shards', '1', 'runs.parquet'))).toBe(false);
    for (const i of [2, 3, 4]) expect(existsSync(join(job, 'shards', String(i), 'runs.parquet'))).toBe(true);
    expect(existsSync(join(job, 'merged', 'runs.parquet'))).toBe(false);

    // submit again: only task 1; the merge left waiting on the failed array is cancelled (unless Slurm already did)
    const again = pathways(cmd);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/3 of 4 shards are done, the tasks of the others: 1/);
    const m2 = /submitted array job (\d+) \(tasks 1: 1 shard\) and merge job (\d+)/.exec(again.stdout);
    expect(m2, again.stdout).not.toBeNull();
    const [, arrayId2, mergeId2] = m2!;
    expect(queued(mergeId)).toBe(false);
    await waitForResult(join(job, 'merged', 'runs.parquet'), job, mergeId2, 180_000);
    expect(readFileSync(join(job, 'merged', 'runs.parquet')).equals(readFileSync(join(dir('ref2'), 'runs.parquet')))).toBe(true);
    expect(readFileSync(join(job, 'merged', 'sweep.json'), 'utf8')).toBe(readFileSync(join(dir('ref2'), 'sweep.json'), 'utf8'));
    // the resubmitted task resumed: the runs in the journal were not run again
    const log = readFileSync(join(job, 'logs', `pathways-sweep-${arrayId2}_1.out`), 'utf8');
    expect(log).toMatch(new RegExp(`ran ${6 - kept} runs? .*; ${kept} already done`));
    timings.push(`kill and resubmit (4 shards in 4 tasks, Parquet): ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }, 300_000);
});
