/**
 * mergeShards: join the folders of finished shards into the folder an
 * unsharded sweep would have written (runs.csv); mergeSweepShards does the
 * same for shards that write runs.parquet (and for runs.csv).
 */
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InputError } from '../errors.ts';
import { ensureDir, lockFolder, readIfExists, removeStaleTemps, writeAtomic, writeAtomicAsync, type LineReader } from './files.ts';
import { readJournal } from './journal.ts';
import { ParquetRunsReader, ParquetRunsWriter, RUNS_PARQUET, type ParquetRow } from './parquet.ts';
import { metaDiff } from './plan.ts';
import { csvHeader, META, openRuns, readMeta, RUNS, writeMeta } from './store.ts';
import type { SweepMeta } from './types.ts';

const isSweep = (dir: string) => readIfExists(join(dir, META)) !== undefined;

/**
 * The shard folders the arguments name: each argument is a shard folder
 * (`isShard`: it holds the plan file `marker`) or a folder of shard folders,
 * taken in natural order. Used by the merges of sweeps and of calibrations.
 */
export function shardFoldersOf(args: string[], isShard: (dir: string) => boolean, what: string, marker: string): string[] {
  const out: string[] = [];
  for (const a of args) {
    if (isShard(a)) {
      out.push(a);
      continue;
    }
    let subs: string[] = [];
    try {
      if (statSync(a).isDirectory()) {
        subs = readdirSync(a).sort((x, y) => x.localeCompare(y, 'en', { numeric: true })).map((n) => join(a, n))
          .filter((p) => statSync(p).isDirectory() && isShard(p));
      }
    } catch {
      throw new InputError(`merge: ${a} is not a folder`);
    }
    if (subs.length === 0) throw new InputError(`merge: ${a} is not a ${what} folder (no ${marker}) and holds none`);
    out.push(...subs);
  }
  return out;
}

/** Each argument is a shard folder (it holds sweep.json) or a folder of shard folders. */
export const shardFolders = (args: string[]): string[] => shardFoldersOf(args, isSweep, 'sweep', META);

const shardName = (m: SweepMeta) => (m.shard ? `shard ${m.shard.index}/${m.shard.count}` : 'the whole sweep');

/** The run id of a runs.csv line (NaN when it has none). */
const idOf = (line: string) => {
  const comma = line.indexOf(',');
  return comma > 0 ? Number(line.slice(0, comma)) : NaN;
};

interface Shards {
  folders: string[];
  metas: SweepMeta[];
  first: SweepMeta;
  target: string;
}

/** The shard folders of `dirs` and their plans, checked to be of one sweep and not to include `out`. */
function shardsOf(dirs: string[], out: string): Shards {
  const folders = shardFolders(dirs);
  const target = resolve(out);
  if (folders.some((f) => resolve(f) === target)) throw new InputError(`merge: --out ${out} is one of the shards; write the merge to another folder`);
  const metas = folders.map((f) => readMeta(f) as SweepMeta);
  const first = metas[0];
  metas.forEach((m, i) => {
    const diff = metaDiff(first, m, false);
    if (diff) throw new InputError(`merge: ${folders[i]} holds a different sweep than ${folders[0]} (${diff})`);
  });
  return { folders, metas, first, target };
}

/** Throw when a shard is given twice (the shard of folder i against those before it). */
function checkTwice({ folders, metas }: Shards, i: number): void {
  const m = metas[i];
  const dup = metas.findIndex((x, j) => j < i && x.shard && m.shard && x.shard.index === m.shard.index && x.shard.count === m.shard.count);
  if (dup >= 0) throw new InputError(`merge: ${shardName(m)} is given twice (${folders[dup]} and ${folders[i]})`);
}

/** The shard `f` has not finished: the error that says how far it got. */
function unfinished(f: string, m: SweepMeta, first: SweepMeta): InputError {
  const want = m.shard ? m.shard.runs : m.runs;
  const { index } = readJournal(f, first.runs, () => true);
  return new InputError(`merge: ${f} (${shardName(m)}) has not finished: ${index.count} of ${want} runs done; run its sweep command again to finish it`);
}

/**
 * Check one run id of the runs file of shard i (read in file order, `last` the
 * id before); returns the id. Throws when it is not a run of the shard, out of
 * order or already in another shard.
 */
function checkId({ folders, metas, first }: Shards, owner: Int32Array, i: number, file: string, id: number, last: number): number {
  const m = metas[i];
  const f = folders[i];
  if (!Number.isInteger(id) || id < 0 || id >= first.runs || (m.shard && id % m.shard.count !== m.shard.index - 1)) {
    throw new InputError(`merge: ${f}/${file} has a ${file === RUNS ? 'line' : 'row'} that is not a run of this sweep`);
  }
  if (id < last) throw new InputError(`merge: ${f}/${file} is not sorted by run id (run ${id} after ${last}); run its sweep command again to rebuild it`);
  if (id !== last && owner[id] >= 0) {
    throw new InputError(`merge: run ${id} is in both ${folders[owner[id]]} (${shardName(metas[owner[id]])}) and ${f} (${shardName(m)})`);
  }
  owner[id] = i;
  return id;
}

/** Throw when some run is in none of the shards' files, naming the missing shards or the files that lack runs. */
function checkMissing({ folders, metas, first }: Shards, owner: Int32Array, file: string): void {
  const missing: number[] = [];
  let nMissing = 0;
  for (let id = 0; id < first.runs; id++) {
    if (owner[id] >= 0) continue;
    nMissing++;
    if (missing.length < 6) missing.push(id);
  }
  if (!nMissing) return;
  const listed = missing.join(', ') + (nMissing > missing.length ? ` and ${nMissing - missing.length} more` : '');
  const n = first.shard?.count;
  if (n !== undefined && metas.every((m) => m.shard?.count === n)) {
    const absent = Array.from({ length: n }, (_, k) => k + 1).filter((k) => !metas.some((m) => m.shard?.index === k));
    if (absent.length) {
      throw new InputError(`merge: shard${absent.length > 1 ? 's' : ''} ${absent.map((k) => `${k}/${n}`).join(', ')} ${absent.length > 1 ? 'are' : 'is'} missing (runs ${listed} of ${first.runs}); give ${absent.length > 1 ? 'their folders' : 'its folder'} too`);
    }
    // every shard is given, yet runs are missing: name the shards whose runs file lacks them
    const lacking = [...new Set(missing.map((id) => metas.findIndex((m) => m.shard && id % m.shard.count === m.shard.index - 1)))].filter((i) => i >= 0);
    throw new InputError(`merge: runs ${listed} of ${first.runs} are missing from ${lacking.map((i) => `${folders[i]}/${file} (${shardName(metas[i])})`).join(', ')}; run ${lacking.length > 1 ? 'their sweep commands' : 'its sweep command'} again to rebuild ${lacking.length > 1 ? 'them' : 'it'}`);
  }
  throw new InputError(`merge: runs ${listed} of ${first.runs} are in none of the shards`);
}

/** Lock `target`, write its sweep.json (the plan, no shard), then `write` its runs file (unlocked when `write`, or the promise it returns, is done). */
function intoTarget<T>({ first, target }: Shards, out: string, onNote: ((line: string) => void) | undefined, write: () => T): T {
  ensureDir(target);
  const unlock = lockFolder(target, 'merge: --out', onNote);
  let result: T;
  try {
    removeStaleTemps(target);
    const old = readMeta(target);
    const meta: SweepMeta = { ...first, shard: null };
    if (old && metaDiff(old, meta, true)) throw new InputError(`merge: --out ${out} holds a different sweep (${metaDiff(old, meta, true)}); use another folder`);
    writeMeta(target, meta);
    result = write();
  } catch (err) {
    unlock();
    throw err;
  }
  if (result instanceof Promise) return result.finally(unlock) as T;
  unlock();
  return result;
}

/**
 * Check that the shards in `dirs` (see shardFolders) share one plan and
 * together hold every run exactly once, then write `out`/sweep.json (the plan,
 * no shard) and `out`/runs.csv (every run, sorted by run id): the files an
 * unsharded sweep writes. The shards' runs.csv are read line by line, twice
 * (check, then merge in run order), so memory stays bounded (4 bytes a run).
 * Shards that write runs.parquet: mergeSweepShards.
 */
export function mergeShards(dirs: string[], out: string, onNote?: (line: string) => void): { dir: string; runs: number; rows: number; shards: number } {
  const shards = shardsOf(dirs, out);
  const { folders, metas, first, target } = shards;
  if (first.output === 'parquet') throw new InputError(`merge: ${folders[0]} holds a sweep that writes ${RUNS_PARQUET}; merge it with mergeSweepShards`);
  const owner = new Int32Array(first.runs).fill(-1);
  const header = csvHeader(first);
  const open = (f: string, i: number): LineReader => {
    const csv = openRuns(f);
    if (!csv) throw unfinished(f, metas[i], first);
    if (csv.header !== header) {
      csv.reader.close();
      throw new InputError(`merge: ${f}/${RUNS} does not have the columns of its sweep.json`);
    }
    return csv.reader;
  };
  let rows = 0;
  folders.forEach((f, i) => {
    checkTwice(shards, i);
    const reader = open(f, i);
    let last = -1;
    try {
      for (let line = reader.next(); line !== undefined; line = reader.next()) {
        last = checkId(shards, owner, i, RUNS, idOf(line), last);
        rows++;
      }
    } finally {
      reader.close();
    }
    if (reader.tail !== '') throw new InputError(`merge: ${f}/${RUNS} does not end with a newline (cut short?); run its sweep command again to rebuild it`);
  });
  checkMissing(shards, owner, RUNS);
  return intoTarget(shards, out, onNote, () => {
    // Each shard's runs.csv is sorted by run id: merge them in run order, one line of each at hand.
    const readers = folders.map((f, i) => open(f, i));
    const heads = readers.map((r) => r.next());
    try {
      writeAtomic(join(target, RUNS), (put) => {
        put(header);
        for (let id = 0; id < first.runs; id++) {
          const i = owner[id];
          const r = readers[i];
          let line = heads[i];
          while (line !== undefined && idOf(line) === id) {
            put(line + '\n');
            line = r.next();
          }
          heads[i] = line;
        }
      });
    } finally {
      readers.forEach((r) => r.close());
    }
    return { dir: target, runs: first.runs, rows, shards: folders.length };
  });
}

/**
 * mergeShards for shards of any output: runs.csv as mergeShards, runs.parquet
 * likewise (checked, then merged in run order one row group of each shard at
 * a time), into the runs.parquet the unsharded sweep writes, byte for byte.
 */
export async function mergeSweepShards(dirs: string[], out: string, onNote?: (line: string) => void): Promise<{ dir: string; runs: number; rows: number; shards: number; file: string }> {
  const shards = shardsOf(dirs, out);
  const { folders, metas, first, target } = shards;
  if (first.output !== 'parquet') return { ...mergeShards(dirs, out, onNote), file: RUNS };
  const open = async (i: number, columns?: string[]): Promise<ParquetRunsReader> => {
    const f = folders[i];
    const reader = await ParquetRunsReader.open(join(f, RUNS_PARQUET), columns);
    if (!reader) throw unfinished(f, metas[i], first);
    if (JSON.stringify(reader.columns) !== JSON.stringify(first.columns)) {
      reader.close();
      throw new InputError(`merge: ${f}/${RUNS_PARQUET} does not have the columns of its sweep.json`);
    }
    return reader;
  };
  const owner = new Int32Array(first.runs).fill(-1);
  let rows = 0;
  for (let i = 0; i < folders.length; i++) {
    checkTwice(shards, i);
    const reader = await open(i, ['run']);
    let last = -1;
    try {
      for (let row = await reader.next(); row !== undefined; row = await reader.next()) {
        last = checkId(shards, owner, i, RUNS_PARQUET, row[0] as number, last);
        rows++;
      }
    } finally {
      reader.close();
    }
  }
  checkMissing(shards, owner, RUNS_PARQUET);
  const readers: ParquetRunsReader[] = [];
  try {
    for (let i = 0; i < folders.length; i++) readers.push(await open(i));
    const heads: (ParquetRow | undefined)[] = [];
    for (const r of readers) heads.push(await r.next());
    await intoTarget(shards, out, onNote, () => writeAtomicAsync(join(target, RUNS_PARQUET), async (put) => {
      const w = new ParquetRunsWriter(first, put);
      for (let id = 0; id < first.runs; id++) {
        const i = owner[id];
        let row = heads[i];
        while (row !== undefined && row[0] === id) {
          w.add(row);
          row = await readers[i].next();
        }
        heads[i] = row;
      }
      w.finish();
    }));
  } finally {
    readers.forEach((r) => r.close());
  }
  return { dir: target, runs: first.runs, rows, shards: folders.length, file: RUNS_PARQUET };
}
