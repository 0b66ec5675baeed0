/** runSweep: plan, check the folder, resume from the journal, run the rest in parallel, write runs.csv. */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { SweepError } from './errors.ts';
import { ensureDir, readIfExists } from './files.ts';
import { JOURNAL, JournalWriter, readJournal, rewriteJournal } from './journal.ts';
import { checkShard, inShard, metaDiff, prepare, shardIds, type Prepared } from './plan.ts';
import { runPool } from './pool.ts';
import { csvHeader, META, readMeta, RUNS, writeMeta, writeRuns } from './store.ts';
import type { RunSweepOptions, RunSweepResult, SweepMeta, SweepSpec } from './types.ts';

/**
 * Run a sweep (or one shard of it) into `opts.out`. Resumable: runs already in
 * the folder's journal are not run again; a folder holding a different sweep
 * is refused. When every run is done, runs.csv is written, sorted by run id,
 * so it is the same whatever the number of workers and interruptions.
 */
export async function runSweep(spec: SweepSpec, opts: RunSweepOptions): Promise<RunSweepResult & { rows: number }> {
  return runPrepared(prepare(spec), opts);
}

/** runSweep for a spec already prepared (the CLI checks the spec before it shows progress). */
export async function runPrepared({ plan, base }: Prepared, opts: RunSweepOptions): Promise<RunSweepResult & { rows: number }> {
  const shard = checkShard(opts.shard);
  const workers = opts.workers ?? availableParallelism();
  if (!Number.isInteger(workers) || workers < 0) throw new SweepError(`--workers: ${workers} is not allowed; expected an integer of 0 or more`);
  const ids = shardIds(plan.runs, shard);
  const meta: SweepMeta = { ...plan, shard: shard ? { index: shard[0], count: shard[1], runs: ids.length } : null };
  const dir = resolve(opts.out);
  ensureDir(dir);
  const old = readMeta(dir);
  if (old) {
    const diff = metaDiff(old, meta, true);
    if (diff) throw new SweepError(`--out: ${opts.out} holds a different sweep (${diff}); use another folder, or delete it to start again`);
  } else {
    // results without a plan cannot be checked against this sweep: never adopt them
    const orphan = [JOURNAL, RUNS].find((f) => existsSync(join(dir, f)));
    if (orphan) throw new SweepError(`--out: ${opts.out} holds ${orphan} but no ${META}, so it cannot be checked against this sweep; use another folder, or delete it to start again`);
    writeMeta(dir, meta);
  }
  const csv = readIfExists(join(dir, RUNS));
  if (csv !== undefined) {
    if (!csv.startsWith(csvHeader(plan))) throw new SweepError(`--out: ${join(opts.out, RUNS)} does not have this sweep's columns; use another folder, or delete it to start again`);
    return { dir, runs: ids.length, skipped: ids.length, rows: Math.max(0, csv.split('\n').length - 2) };
  }

  const journal = readJournal(dir, (id) => id >= 0 && id < plan.runs && inShard(id, shard));
  if (journal.dropped) rewriteJournal(dir, journal.records);
  const records = journal.records;
  const todo = ids.filter((id) => !records.has(id));
  let done = 0;
  const writer = new JournalWriter(dir);
  try {
    await runPool(plan, base, todo, workers, (id, rows) => {
      writer.append(id, rows);
      records.set(id, rows);
      opts.onProgress?.(++done, todo.length);
    });
  } finally {
    writer.close();
  }
  const rows = writeRuns(dir, plan, ids, records);
  return { dir, runs: ids.length, skipped: ids.length - todo.length, rows };
}
