/**
 * Sweeps that write runs.parquet (`--format parquet`): the same rows as
 * runs.csv (empty cells as nulls), shards merged into the unsharded file byte
 * for byte (also across row groups), resume, and merge's refusals.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mergeSweepShards } from '../../sim/sweep/merge.ts';
import { ParquetRunsReader, readParquetRows, ROW_GROUP, RUNS_PARQUET, writeRunsParquet } from '../../sim/sweep/parquet.ts';
import { prepare, shardIds } from '../../sim/sweep/plan.ts';
import { readRuns, writeMeta } from '../../sim/sweep/store.ts';
import type { RunRows, SweepMeta } from '../../sim/sweep/types.ts';
import { ensureDir } from '../../sim/sweep/files.ts';
import { expectUsageError, pathways, tempDir } from '../cli/helpers.ts';

const tmp = tempDir();
afterAll(tmp.cleanup);
const dir = (name: string) => join(tmp.dir, name);
const bytes = (d: string) => readFileSync(join(d, RUNS_PARQUET));

/** 12 quick runs. */
const SWEEP = ['sweep', '--scenario', 'classroom', '--agents', '200', '--weeks', '52', '--replications', '2', '--vary', 'knobs.exploration=0:1:0.5', '--workers', '1'];

describe('pathways sweep --format parquet', () => {
  it('holds the rows of runs.csv, with nulls for its empty cells', async () => {
    const csv = pathways([...SWEEP, '--out', dir('csv')]);
    expect(csv.status, csv.stderr).toBe(0);
    const pq = pathways([...SWEEP, '--format', 'parquet', '--out', dir('pq')]);
    expect(pq.status, pq.stderr).toBe(0);
    expect(pq.stdout).toMatch(/wrote .*runs\.parquet \(\d+ rows\) and .*sweep\.json/);
    expect(existsSync(join(dir('pq'), 'runs.csv'))).toBe(false);
    const meta = JSON.parse(readFileSync(join(dir('pq'), 'sweep.json'), 'utf8')) as SweepMeta;
    expect(meta.output).toBe('parquet');
    expect(meta.command).toMatch(/ --format parquet$/);
    const want = readRuns(dir('csv'));
    const got = await readParquetRows(dir('pq'));
    expect(got.length).toBe(want.length);
    const asRow = (r: (typeof want)[number]) => [r.run, r.point, r.params['knobs.exploration'], r.replicate, r.seed, r.policy, r.group, r.metric, Number.isNaN(r.value) ? null : r.value];
    expect(got).toEqual(want.map(asRow));
    const reader = await ParquetRunsReader.open(join(dir('pq'), RUNS_PARQUET));
    expect(reader!.columns).toEqual(meta.columns);
    reader!.close();
  });

  it('resumed when finished, the same bytes', () => {
    const before = bytes(dir('pq'));
    const again = pathways([...SWEEP, '--format', 'parquet', '--out', dir('pq')]);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/all 12 runs were already done/);
    expect(bytes(dir('pq')).equals(before)).toBe(true);
  });

  it('shards merge into the unsharded runs.parquet and sweep.json, byte for byte', () => {
    for (const i of [1, 2, 3]) expect(pathways([...SWEEP, '--format', 'parquet', '--shard', `${i}/3`, '--out', dir(`s${i}`)]).status).toBe(0);
    const missing = expectUsageError(pathways(['merge', '--out', dir('m-missing'), dir('s1'), dir('s3')]));
    expect(missing).toMatch(/shard 2\/3 is missing/);
    const r = pathways(['merge', '--out', dir('merged'), dir('s1'), dir('s2'), dir('s3')]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^merged 3 shards: 12 runs; wrote .*runs\.parquet/);
    expect(bytes(dir('merged')).equals(bytes(dir('pq')))).toBe(true);
    expect(readFileSync(join(dir('merged'), 'sweep.json'), 'utf8')).toBe(readFileSync(join(dir('pq'), 'sweep.json'), 'utf8'));
  });

  it('merge refuses shards of CSV and Parquet together, and an unfinished shard', () => {
    expect(pathways([...SWEEP, '--shard', '2/3', '--out', dir('csv-s2')]).status).toBe(0);
    expect(expectUsageError(pathways(['merge', '--out', dir('m-mixed'), dir('s1'), dir('csv-s2'), dir('s3')]))).toMatch(/holds a different sweep than .*s1 \(output: "parquet" there, nothing here\)/);
    // a shard folder whose run stopped before runs.parquet
    expect(pathways([...SWEEP, '--format', 'parquet', '--shard', '2/3', '--out', dir('s2-cut')]).status).toBe(0);
    writeFileSync(join(dir('s2-cut'), RUNS_PARQUET), 'PAR1 cut short');
    expect(expectUsageError(pathways(['merge', '--out', dir('m-cut'), dir('s1'), dir('s2-cut'), dir('s3')]))).toMatch(/runs\.parquet is not a Parquet file \(cut short\?\)/);
    expect(existsSync(dir('m-cut'))).toBe(false);
  });
});

describe('runs.parquet across row groups', () => {
  // a plan of 3003 runs with 50 made-up rows each: 150,150 rows, three row groups unsharded, two per shard
  const { plan } = prepare({ scenario: 'classroom', vary: ['knobs.exploration=0:1:0.001'], policies: ['standardised'], replications: 3, output: 'parquet' });
  const rowsOf = (id: number): RunRows => Array.from({ length: 50 }, (_, k) => ['all', `m${k % 7}`, k === 3 ? null : id + k / 64]);
  const write = (d: string, shard: [number, number] | null) => {
    ensureDir(d);
    const ids = shardIds(plan.runs, shard ?? undefined);
    writeMeta(d, { ...plan, shard: shard ? { index: shard[0], count: shard[1], runs: ids.length } : null });
    return writeRunsParquet(d, plan, ids, rowsOf);
  };

  it('are read back in order and merged byte for byte', async () => {
    expect(plan.runs).toBe(3003);
    expect(write(dir('big'), null)).toBe(150_150);
    expect(150_150).toBeGreaterThan(2 * ROW_GROUP);
    write(dir('big-1'), [1, 2]);
    write(dir('big-2'), [2, 2]);
    const r = await mergeSweepShards([dir('big-2'), dir('big-1')], dir('big-merged'));
    expect(r).toMatchObject({ runs: 3003, rows: 150_150, shards: 2, file: RUNS_PARQUET });
    expect(bytes(dir('big-merged')).equals(bytes(dir('big')))).toBe(true);
    const rows = await readParquetRows(dir('big'));
    expect(rows.length).toBe(150_150);
    expect(rows[0]).toEqual([0, 0, 0, 0, rows[0][4], 'standardised', 'all', 'm0', 0]);
    expect(rows[3][8]).toBeNull();
    expect(rows.at(-1)![0]).toBe(3002);
    expect(rows.every((row, i) => i === 0 || (row[0] as number) >= (rows[i - 1][0] as number))).toBe(true);
  });
});
