/** mergeShards: join the folders of finished shards into the folder an unsharded sweep would have written. */
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SweepError } from './errors.ts';
import { ensureDir, readIfExists, writeAtomic } from './files.ts';
import { readJournal } from './journal.ts';
import { metaDiff } from './plan.ts';
import { csvHeader, META, readMeta, readRunLines, RUNS, writeMeta } from './store.ts';
import type { SweepMeta } from './types.ts';

const isSweep = (dir: string) => readIfExists(join(dir, META)) !== undefined;

/** Each argument is a shard folder (it holds sweep.json) or a folder of shard folders. */
export function shardFolders(args: string[]): string[] {
  const out: string[] = [];
  for (const a of args) {
    if (isSweep(a)) {
      out.push(a);
      continue;
    }
    let subs: string[] = [];
    try {
      if (statSync(a).isDirectory()) {
        subs = readdirSync(a).sort((x, y) => x.localeCompare(y, 'en', { numeric: true })).map((n) => join(a, n))
          .filter((p) => statSync(p).isDirectory() && isSweep(p));
      }
    } catch {
      throw new SweepError(`merge: ${a} is not a folder`);
    }
    if (subs.length === 0) throw new SweepError(`merge: ${a} is not a sweep folder (no ${META}) and holds none`);
    out.push(...subs);
  }
  return out;
}

const shardName = (m: SweepMeta) => (m.shard ? `shard ${m.shard.index}/${m.shard.count}` : 'the whole sweep');

function listIds(ids: number[]): string {
  const shown = ids.slice(0, 6).join(', ');
  return ids.length > 6 ? `${shown} and ${ids.length - 6} more` : shown;
}

/**
 * Check that the shards in `dirs` (see shardFolders) share one plan and
 * together hold every run exactly once, then write `out`/sweep.json (the plan,
 * no shard) and `out`/runs.csv (every run, sorted by run id): the files an
 * unsharded sweep writes.
 */
export function mergeShards(dirs: string[], out: string): { dir: string; runs: number; rows: number; shards: number } {
  const folders = shardFolders(dirs);
  const target = resolve(out);
  if (folders.some((f) => resolve(f) === target)) throw new SweepError(`merge: --out ${out} is one of the shards; write the merge to another folder`);
  const metas = folders.map((f) => readMeta(f) as SweepMeta);
  const first = metas[0];
  metas.forEach((m, i) => {
    const diff = metaDiff(first, m, false);
    if (diff) throw new SweepError(`merge: ${folders[i]} holds a different sweep than ${folders[0]} (${diff})`);
  });
  const owner = new Array<number>(first.runs).fill(-1);
  const lines = new Array<string>(first.runs);
  const header = csvHeader(first);
  folders.forEach((f, i) => {
    const m = metas[i];
    const dup = metas.findIndex((x, j) => j < i && x.shard && m.shard && x.shard.index === m.shard.index && x.shard.count === m.shard.count);
    if (dup >= 0) throw new SweepError(`merge: ${shardName(m)} is given twice (${folders[dup]} and ${f})`);
    const csv = readRunLines(f);
    if (!csv) {
      const { records } = readJournal(f, () => true);
      const want = m.shard ? m.shard.runs : m.runs;
      throw new SweepError(`merge: ${f} (${shardName(m)}) has not finished: ${records.size} of ${want} runs done; run its sweep command again to finish it`);
    }
    if (csv.header !== header) throw new SweepError(`merge: ${f}/${RUNS} does not have the columns of its sweep.json`);
    for (const line of csv.lines) {
      const id = Number(line.slice(0, line.indexOf(',')));
      if (!Number.isInteger(id) || id < 0 || id >= first.runs || (m.shard && id % m.shard.count !== m.shard.index - 1)) throw new SweepError(`merge: ${f}/${RUNS} has a line that is not a run of this sweep`);
      if (owner[id] >= 0 && owner[id] !== i) {
        throw new SweepError(`merge: run ${id} is in both ${folders[owner[id]]} (${shardName(metas[owner[id]])}) and ${f} (${shardName(m)})`);
      }
      owner[id] = i;
      lines[id] = (lines[id] ?? '') + line + '\n';
    }
  });
  const missing = owner.flatMap((o, id) => (o < 0 ? [id] : []));
  if (missing.length) {
    const n = first.shard?.count;
    if (n !== undefined && metas.every((m) => m.shard?.count === n)) {
      const absent = Array.from({ length: n }, (_, k) => k + 1).filter((k) => !metas.some((m) => m.shard?.index === k));
      throw new SweepError(`merge: shard${absent.length > 1 ? 's' : ''} ${absent.map((k) => `${k}/${n}`).join(', ')} ${absent.length > 1 ? 'are' : 'is'} missing (runs ${listIds(missing)} of ${first.runs}); give ${absent.length > 1 ? 'their folders' : 'its folder'} too`);
    }
    throw new SweepError(`merge: runs ${listIds(missing)} of ${first.runs} are in none of the shards`);
  }
  ensureDir(target);
  const old = readMeta(target);
  const meta: SweepMeta = { ...first, shard: null };
  if (old && metaDiff(old, meta, true)) throw new SweepError(`merge: --out ${out} holds a different sweep (${metaDiff(old, meta, true)}); use another folder`);
  writeMeta(target, meta);
  let rows = 0;
  writeAtomic(join(target, RUNS), (put) => {
    put(header);
    for (const l of lines) {
      put(l);
      rows += l.split('\n').length - 1;
    }
  });
  return { dir: target, runs: first.runs, rows, shards: folders.length };
}
