/** runSweep: plan, lock and check the folder, resume from the journal, run the rest in parallel, write runs.csv. */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { InputError } from '../errors.ts';
import { ensureDir, lockFolder, removeStaleTemps } from './files.ts';
import { JOURNAL, JournalReader, JournalWriter, readJournal, rewriteJournal } from './journal.ts';
import { inShard, metaDiff, parseShard, prepare, shardIds, type Prepared } from './plan.ts';
import { runPool } from './pool.ts';
import { RUNS_PARQUET, writeRunsParquet } from './parquet.ts';
import { checkRuns, META, readMeta, RUNS, writeMeta, writeRuns } from './store.ts';
import type { RunSweepOptions, RunSweepResult, SweepMeta, SweepSpec } from './types.ts';

/** Options of runPrepared beyond RunSweepOptions. */
export interface RunOptions extends RunSweepOptions {
  /** A one-line note (a stale lock taken over, a runs.csv rebuilt, stale temporary files removed). */
  onNote?: (line: string) => void;
}

/**
 * Run a sweep (or one shard of it) into `opts.out`. Resumable: runs already in
 * the folder's journal are not run again; a folder holding a different sweep,
 * or in use by another sweep, is refused. When every run is done, runs.csv (or
 * runs.parquet) is written, sorted by run id, so it is the same whatever the
 * number of workers and interruptions.
 */
export async function runSweep(spec: SweepSpec, opts: RunOptions): Promise<RunSweepResult & { rows: number }> {
  return runPrepared(prepare(spec), opts);
}

/** runSweep for a spec already prepared (the CLI checks the spec before it shows progress). */
export async function runPrepared({ plan, base }: Prepared, opts: RunOptions): Promise<RunSweepResult & { rows: number }> {
  const shard = parseShard(opts.shard);
  const workers = opts.workers ?? availableParallelism();
  if (!Number.isInteger(workers) || workers < 0) throw new InputError(`--workers: ${workers} is not allowed; expected an integer of 0 or more`);
  const ids = shardIds(plan.runs, shard);
  const meta: SweepMeta = { ...plan, shard: shard ? { index: shard[0], count: shard[1], runs: ids.length } : null };
  const dir = resolve(opts.out);
  ensureDir(dir);
  const unlock = lockFolder(dir, '--out', opts.onNote);
  try {
    const stale = removeStaleTemps(dir);
    if (stale.length) opts.onNote?.(`--out: removed ${stale.length} temporary file${stale.length === 1 ? '' : 's'} left by an interrupted run (${stale.slice(0, 3).join(', ')}${stale.length > 3 ? ', ...' : ''})`);
    return await locked(plan, base, opts, { dir, ids, meta, shard, workers });
  } finally {
    unlock();
  }
}

async function locked(
  plan: Prepared['plan'], base: Prepared['base'], opts: RunOptions,
  { dir, ids, meta, shard, workers }: { dir: string; ids: number[]; meta: SweepMeta; shard: [number, number] | undefined; workers: number },
): Promise<RunSweepResult & { rows: number }> {
  const old = readMeta(dir);
  if (old) {
    const diff = metaDiff(old, meta, true);
    if (diff) throw new InputError(`--out: ${opts.out} holds a different sweep (${diff}); use another folder, or delete it to start again`);
  } else {
    // results without a plan cannot be checked against this sweep: never adopt them
    const orphan = [JOURNAL, RUNS, RUNS_PARQUET].find((f) => existsSync(join(dir, f)));
    if (orphan) throw new InputError(`--out: ${opts.out} holds ${orphan} but no ${META}, so it cannot be checked against this sweep; use another folder, or delete it to start again`);
    writeMeta(dir, meta);
  }

  const journal = readJournal(dir, plan.runs, (id) => inShard(id, shard));
  const index = journal.dropped ? rewriteJournal(dir, journal.index) : journal.index;
  const todo = ids.filter((id) => !index.has(id));
  // runs.parquet is written again from the journal whenever the command runs (the same rows give the same bytes)
  const finished = plan.output !== 'parquet' && existsSync(join(dir, RUNS));
  if (finished) {
    if (todo.length === 0) {
      const reader = new JournalReader(dir, index);
      try {
        const check = checkRuns(dir, plan, ids, (id) => reader.rows(id));
        if ('rows' in check) return { dir, runs: ids.length, skipped: ids.length, rows: check.rows };
        if (check.why.includes('columns')) throw new InputError(`--out: ${join(opts.out, RUNS)} does not have this sweep's columns; use another folder, or delete it to start again`);
        opts.onNote?.(`--out: ${join(opts.out, RUNS)} does not match the journal (${check.why}); rebuilding it`);
      } finally {
        reader.close();
      }
    } else {
      opts.onNote?.(`--out: ${join(opts.out, RUNS)} is there but ${todo.length} of ${ids.length} runs are not in the journal; running them and rebuilding it`);
    }
  }

  let done = 0;
  const writer = new JournalWriter(dir, index);
  try {
    await runPool(plan, base, todo, workers, (id, rows) => {
      writer.append(id, rows);
      opts.onProgress?.(++done, todo.length);
    });
  } finally {
    writer.close();
  }
  const reader = new JournalReader(dir, index);
  try {
    const rows = (plan.output === 'parquet' ? writeRunsParquet : writeRuns)(dir, plan, ids, (id) => reader.rows(id));
    return { dir, runs: ids.length, skipped: ids.length - todo.length, rows };
  } finally {
    reader.close();
  }
}
