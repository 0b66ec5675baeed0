/**
 * Parameter sweeps (Node only: worker threads and files).
 *
 * - planSweep(spec): the resolved plan (what sweep.json holds), checked; throws InputError with one line.
 * - runSweep(spec, { out, workers, shard, onProgress }): run it (or a shard) into a folder, resumably.
 * - readRuns(dir): the rows of a finished sweep or merge.
 * - mergeShards(dirs, out): join finished shards into what an unsharded sweep writes.
 * - mergeSweepShards(dirs, out): the same for shards that write runs.parquet (`output: 'parquet'`) or runs.csv.
 * - readParquetRows(dir): the rows of a finished sweep's runs.parquet.
 */
import { prepare } from './plan.ts';
import type { SweepPlan, SweepSpec } from './types.ts';
import './worker.ts';

export type { Design, Vary, SweepSpec, SweepPlan, SweepMeta, Parameter, SweepRow, RunRows, RunSweepOptions, RunSweepResult } from './types.ts';
export { InputError, IOError } from '../errors.ts';
export { runSweep, runPrepared } from './run.ts';
export { mergeShards, mergeSweepShards, shardFolders } from './merge.ts';
export { readParquetRows, ParquetRunsReader, RUNS_PARQUET, ROW_GROUP, type ParquetRow } from './parquet.ts';
export { readRuns, readMeta, META, RUNS } from './store.ts';
export { JOURNAL } from './journal.ts';
export { prepare, runOf, shardIds, parseShard, metaDiff, MAX_SHARDS, type Prepared } from './plan.ts';
export { lockFolder } from './files.ts';
export { gridPoints, lhsPoints, type Axis, type Point } from './design.ts';
export { parseVary, rangeValues, locate, applyPoint, type Target } from './params.ts';
export { makeRunner } from './runner.ts';

/** The resolved, checked plan of a sweep: parameters, design points, policies, runs (what sweep.json holds, without the shard). */
export function planSweep(spec: SweepSpec): SweepPlan {
  return prepare(spec).plan;
}
