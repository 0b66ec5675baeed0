/** Running sweeps through the engine (bundled, with worker threads): workers, resume, shards and merge give the same files. */
import { cpSync, existsSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../cli/helpers.ts';
import { runSweep as runFromSources } from '../../sim/sweep/index.ts';
import { METRICS } from '../../sim/metrics.ts';
import { loadEngine, read, SMALL, type Engine } from './helpers.ts';

const tmp = tempDir();
afterAll(tmp.cleanup);
let E: Engine;
const dir = (name: string) => join(tmp.dir, name);
const runs = () => read(dir('w1'), 'runs.csv');

beforeAll(async () => {
  E = await loadEngine();
  const r = await E.runSweep(SMALL, { out: dir('w1'), workers: 1 });
  expect(r).toMatchObject({ runs: 12, skipped: 0, rows: 12 * METRICS.length });
});

async function expectError(p: Promise<unknown> | (() => unknown), message: RegExp): Promise<void> {
  let err: unknown;
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    err = e;
  }
  expect(err, 'expected an error').toBeInstanceOf(Error);
  expect((err as Error).name).toBe('InputError');
  expect((err as Error).message).not.toMatch(/\n/);
  expect((err as Error).message).toMatch(message);
}

describe('workers', () => {
  it('give byte-identical runs.csv for 1, 2 and 0 (in-thread) workers', async () => {
    await E.runSweep(SMALL, { out: dir('w2'), workers: 2 });
    await E.runSweep(SMALL, { out: dir('w0'), workers: 0 });
    expect(read(dir('w2'), 'runs.csv')).toBe(runs());
    expect(read(dir('w0'), 'runs.csv')).toBe(runs());
    expect(read(dir('w2'), 'sweep.json')).toBe(read(dir('w1'), 'sweep.json'));
  });

  it('also run when the engine is imported from the TypeScript sources', async () => {
    await runFromSources(SMALL, { out: dir('src'), workers: 2 });
    expect(read(dir('src'), 'runs.csv')).toBe(runs());
  });

  it('write tidy rows: parameters, replicate, seed, policy, group, metric, value', () => {
    const rows = E.readRuns(dir('w1'));
    expect(rows).toHaveLength(12 * METRICS.length);
    expect(rows[0]).toMatchObject({ run: 0, point: 0, params: { 'knobs.exploration': 0 }, replicate: 0, policy: 'standardised', group: 'all', metric: 'employedShare' });
    expect(rows.every((r) => Number.isFinite(r.value))).toBe(true);
    // common random numbers: replicate r has the same seed at every point and policy
    const seeds = new Map<number, Set<number>>();
    for (const r of rows) seeds.set(r.replicate, (seeds.get(r.replicate) ?? new Set()).add(r.seed));
    expect([...seeds.values()].map((s) => s.size)).toEqual([1, 1]);
    expect(rows.map((r) => r.run)).toEqual([...rows.map((r) => r.run)].sort((a, b) => a - b));
    const lines = runs().trimEnd().split('\n');
    expect(lines[0]).toBe('run,point,knobs.exploration,replicate,seed,policy,group,metric,value');
    expect(lines[1]).toMatch(/^0,0,0,0,\d+,standardised,all,employedShare,0\.\d+$/);
  });
});

describe('resume', () => {
  it('repairs a torn last record and a damaged one, reruns only those, and gives the same runs.csv', async () => {
    const d = dir('torn');
    cpSync(dir('w1'), d, { recursive: true });
    rmSync(join(d, 'runs.csv'));
    const journal = join(d, E.JOURNAL);
    const text = readFileSync(journal, 'utf8');
    const lines = text.split('\n');
    expect(lines).toHaveLength(13);
    // damage a byte in the middle of record 3 and cut the last record in half
    lines[3] = lines[3].replace('"rows"', '"rOws"');
    writeFileSync(journal, lines.join('\n'));
    truncateSync(journal, Buffer.byteLength(lines.join('\n')) - Math.floor(lines[11].length / 2) - 1);
    const r = await E.runSweep(SMALL, { out: d, workers: 2 });
    expect(r).toMatchObject({ runs: 12, skipped: 10 });
    expect(read(d, 'runs.csv')).toBe(runs());
    const repaired = read(d, E.JOURNAL).split('\n');
    expect(repaired.pop()).toBe('');
    expect(repaired).toHaveLength(12);
    expect(new Set(repaired.map((l) => JSON.parse(l.slice(9)).id)).size).toBe(12);
  });

  it('skips everything when the sweep is finished', async () => {
    let calls = 0;
    const r = await E.runSweep(SMALL, { out: dir('w1'), workers: 2, onProgress: () => calls++ });
    expect(r).toMatchObject({ runs: 12, skipped: 12 });
    expect(calls).toBe(0);
  });

  it('refuses a different sweep in the same folder', async () => {
    await expectError(E.runSweep({ ...SMALL, replications: 3 }, { out: dir('w1'), workers: 1 }), /holds a different sweep \(replications: 2 there, 3 here\)/);
    await expectError(E.runSweep({ ...SMALL, vary: ['knobs.exploration=0,1'] }, { out: dir('w1'), workers: 1 }), /holds a different sweep \(parameters:/);
    await expectError(E.runSweep(SMALL, { out: dir('w1'), workers: 1, shard: [1, 2] }), /holds a different sweep \(shard: null there/);
  });
});

describe('shards', () => {
  beforeAll(async () => {
    for (const i of [1, 2, 3]) {
      const r = await E.runSweep(SMALL, { out: dir(`shards/s${i}`), workers: 1, shard: [i, 3] });
      expect(r).toMatchObject({ runs: 4, skipped: 0 });
    }
  });

  it('hold the runs whose id mod n = i - 1', () => {
    expect(E.readRuns(dir('shards/s2')).map((r) => r.run).filter((x, i, a) => a.indexOf(x) === i)).toEqual([1, 4, 7, 10]);
  });

  it('merge into the unsharded runs.csv and sweep.json', () => {
    const r = E.mergeShards([dir('shards/s3'), dir('shards/s1'), dir('shards/s2')], dir('merged'));
    expect(r).toMatchObject({ runs: 12, shards: 3, rows: 12 * METRICS.length });
    expect(read(dir('merged'), 'runs.csv')).toBe(runs());
    expect(read(dir('merged'), 'sweep.json')).toBe(read(dir('w1'), 'sweep.json'));
    // a folder of shard folders works too
    E.mergeShards([dir('shards')], dir('merged2'));
    expect(read(dir('merged2'), 'runs.csv')).toBe(runs());
  });

  it('refuse missing, duplicated, unfinished and mismatched shards', async () => {
    await expectError(() => E.mergeShards([dir('shards/s1'), dir('shards/s3')], dir('m-missing')), /shard 2\/3 is missing \(runs 1, 4, 7, 10 of 12\)/);
    await expectError(() => E.mergeShards([dir('shards/s1'), dir('shards/s2'), dir('shards/s2'), dir('shards/s3')], dir('m-dup')), /shard 2\/3 is given twice/);
    await expectError(() => E.mergeShards([dir('w1'), dir('shards/s2')], dir('m-overlap')), /run 1 is in both .* \(the whole sweep\) and .* \(shard 2\/3\)/);
    cpSync(dir('shards/s2'), dir('s2-unfinished'), { recursive: true });
    rmSync(join(dir('s2-unfinished'), 'runs.csv'));
    await expectError(() => E.mergeShards([dir('shards/s1'), dir('s2-unfinished'), dir('shards/s3')], dir('m-unf')), /s2-unfinished \(shard 2\/3\) has not finished: 4 of 4 runs done/);
    await E.runSweep({ ...SMALL, weeks: 53 }, { out: dir('other-s2'), workers: 1, shard: [2, 3] });
    await expectError(() => E.mergeShards([dir('shards/s1'), dir('other-s2'), dir('shards/s3')], dir('m-other')), /other-s2 holds a different sweep than .*s1 \(weeks: 52 there, 53 here\)/);
    await expectError(() => E.mergeShards([dir('shards/s1'), dir('nothing')], dir('m-none')), /nothing is not a folder/);
    expect(existsSync(dir('m-missing'))).toBe(false);
  });
});
