/** mergeShards: join the folders of finished shards into the folder an unsharded sweep would have written. */
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InputError } from '../errors.ts';
import { ensureDir, lockFolder, readIfExists, removeStaleTemps, writeAtomic, type LineReader } from './files.ts';
import { readJournal } from './journal.ts';
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

/**
 * Check that the shards in `dirs` (see shardFolders) share one plan and
 * together hold every run exactly once, then write `out`/sweep.json (the plan,
 * no shard) and `out`/runs.csv (every run, sorted by run id): the files an
 * unsharded sweep writes. The shards' runs.csv are read line by line, twice
 * (check, then merge in run order), so memory stays bounded (4 bytes a run).
 */
export function mergeShards(dirs: string[], out: string, onNote?: (line: string) => void): { dir: string; runs: number; rows: number; shards: number } {
  const folders = shardFolders(dirs);
  const target = resolve(out);
  if (folders.some((f) => resolve(f) === target)) throw new InputError(`merge: --out ${out} is one of the shards; write the merge to another folder`);
  const metas = folders.map((f) => readMeta(f) as SweepMeta);
  const first = metas[0];
  metas.forEach((m, i) => {
    const diff = metaDiff(first, m, false);
    if (diff) throw new InputError(`merge: ${folders[i]} holds a different sweep than ${folders[0]} (${diff})`);
  });
  const owner = new Int32Array(first.runs).fill(-1);
  const header = csvHeader(first);
  const open = (f: string, i: number): LineReader => {
    const m = metas[i];
    const csv = openRuns(f);
    if (!csv) {
      const want = m.shard ? m.shard.runs : m.runs;
      const { index } = readJournal(f, first.runs, () => true);
      throw new InputError(`merge: ${f} (${shardName(m)}) has not finished: ${index.count} of ${want} runs done; run its sweep command again to finish it`);
    }
    if (csv.header !== header) {
      csv.reader.close();
      throw new InputError(`merge: ${f}/${RUNS} does not have the columns of its sweep.json`);
    }
    return csv.reader;
  };
  let rows = 0;
  folders.forEach((f, i) => {
    const m = metas[i];
    const dup = metas.findIndex((x, j) => j < i && x.shard && m.shard && x.shard.index === m.shard.index && x.shard.count === m.shard.count);
    if (dup >= 0) throw new InputError(`merge: ${shardName(m)} is given twice (${folders[dup]} and ${f})`);
    const reader = open(f, i);
    let last = -1;
    for (let line = reader.next(); line !== undefined; line = reader.next()) {
      const id = idOf(line);
      if (!Number.isInteger(id) || id < 0 || id >= first.runs || (m.shard && id % m.shard.count !== m.shard.index - 1)) {
        reader.close();
        throw new InputError(`merge: ${f}/${RUNS} has a line that is not a run of this sweep`);
      }
      if (id < last) {
        reader.close();
        throw new InputError(`merge: ${f}/${RUNS} is not sorted by run id (run ${id} after ${last}); run its sweep command again to rebuild it`);
      }
      if (id !== last && owner[id] >= 0) {
        reader.close();
        throw new InputError(`merge: run ${id} is in both ${folders[owner[id]]} (${shardName(metas[owner[id]])}) and ${f} (${shardName(m)})`);
      }
      owner[id] = i;
      last = id;
      rows++;
    }
    if (reader.tail !== '') throw new InputError(`merge: ${f}/${RUNS} does not end with a newline (cut short?); run its sweep command again to rebuild it`);
  });
  const missing: number[] = [];
  let nMissing = 0;
  for (let id = 0; id < first.runs; id++) {
    if (owner[id] >= 0) continue;
    nMissing++;
    if (missing.length < 6) missing.push(id);
  }
  if (nMissing) {
    const listed = missing.join(', ') + (nMissing > missing.length ? ` and ${nMissing - missing.length} more` : '');
    const n = first.shard?.count;
    if (n !== undefined && metas.every((m) => m.shard?.count === n)) {
      const absent = Array.from({ length: n }, (_, k) => k + 1).filter((k) => !metas.some((m) => m.shard?.index === k));
      if (absent.length) {
        throw new InputError(`merge: shard${absent.length > 1 ? 's' : ''} ${absent.map((k) => `${k}/${n}`).join(', ')} ${absent.length > 1 ? 'are' : 'is'} missing (runs ${listed} of ${first.runs}); give ${absent.length > 1 ? 'their folders' : 'its folder'} too`);
      }
      // every shard is given, yet runs are missing: name the shards whose runs.csv lacks them
      const lacking = [...new Set(missing.map((id) => metas.findIndex((m) => m.shard && id % m.shard.count === m.shard.index - 1)))].filter((i) => i >= 0);
      throw new InputError(`merge: runs ${listed} of ${first.runs} are missing from ${lacking.map((i) => `${folders[i]}/${RUNS} (${shardName(metas[i])})`).join(', ')}; run ${lacking.length > 1 ? 'their sweep commands' : 'its sweep command'} again to rebuild ${lacking.length > 1 ? 'them' : 'it'}`);
    }
    throw new InputError(`merge: runs ${listed} of ${first.runs} are in none of the shards`);
  }
  ensureDir(target);
  const unlock = lockFolder(target, 'merge: --out', onNote);
  try {
    removeStaleTemps(target);
    const old = readMeta(target);
    const meta: SweepMeta = { ...first, shard: null };
    if (old && metaDiff(old, meta, true)) throw new InputError(`merge: --out ${out} holds a different sweep (${metaDiff(old, meta, true)}); use another folder`);
    writeMeta(target, meta);
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
  } finally {
    unlock();
  }
}
