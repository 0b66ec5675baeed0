/**
 * mergeCalibrations: join the folders of finished shards of a multi-start
 * Nelder–Mead calibration (`pathways calibrate --starts K --shard i/n`) into
 * the folder the unsharded calibration writes: the best start's calibrated
 * scenario and fit, every start's trace, the plan without the shard. The
 * starts are independent searches and each shard checked its own best point
 * against every target, so no model run is needed.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InputError } from '../errors.ts';
import { ensureDir, lockFolder, readIfExists, removeStaleTemps, writeAtomic } from '../sweep/files.ts';
import { shardFoldersOf } from '../sweep/merge.ts';
import { CALIBRATED, CALIBRATION, FIT, TRACE, type CalibrationMeta, type FitFile } from './run.ts';

const isCalibration = (dir: string) => readIfExists(join(dir, CALIBRATION)) !== undefined;

/** Whether any argument is a calibration folder or holds one (then `pathways merge` merges calibrations). */
export function holdsCalibrations(args: string[]): boolean {
  return args.some((a) => {
    if (isCalibration(a)) return true;
    try {
      return statSync(a).isDirectory() && readdirSync(a).some((n) => isCalibration(join(a, n)));
    } catch {
      return false;
    }
  });
}

/** Each argument is a shard folder (it holds calibration.json) or a folder of shard folders. */
const calibrationFolders = (args: string[]): string[] => shardFoldersOf(args, isCalibration, 'calibration', CALIBRATION);

function readJson<T>(dir: string, file: string, what: string): T {
  const text = readIfExists(join(dir, file));
  if (text === undefined) throw new InputError(`merge: ${dir} has no ${file}; ${what}`);
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new InputError(`merge: ${join(dir, file)} is not JSON; run that shard again`);
  }
}

const shardText = (m: CalibrationMeta) => (m.shard ? `shard ${m.shard.index}/${m.shard.count}` : 'the whole calibration');

/** The plan without what differs between shards. */
const common = (m: CalibrationMeta) => JSON.stringify({ ...m, command: undefined, shard: undefined });

/**
 * Check that the folders are the shards of one calibration, each finished,
 * together every shard once; write `out` as the unsharded calibration would.
 */
export function mergeCalibrations(dirs: string[], out: string): { dir: string; shards: number; starts: number; best: number } {
  const folders = calibrationFolders(dirs);
  const target = resolve(out);
  if (folders.some((f) => resolve(f) === target)) throw new InputError(`merge: --out ${out} is one of the shards; write the merge to another folder`);
  const metas = folders.map((f) => readJson<CalibrationMeta>(f, CALIBRATION, 'it is not a calibration folder'));
  const first = metas[0];
  metas.forEach((m, i) => {
    if (m.format !== 'pathways-calibration/1') throw new InputError(`merge: ${join(folders[i], CALIBRATION)} is not a calibration's ${CALIBRATION}`);
    if (!m.shard) throw new InputError(`merge: ${folders[i]} holds a whole calibration, not a shard; there is nothing to merge`);
    if (common(m) !== common(first)) throw new InputError(`merge: ${folders[i]} holds a different calibration than ${folders[0]} (their ${CALIBRATION} differ beyond the shard)`);
    if (m.shard.count !== first.shard!.count) throw new InputError(`merge: ${folders[i]} is ${shardText(m)} but ${folders[0]} is ${shardText(first)}`);
  });
  const n = first.shard!.count;
  const byIndex = new Map<number, number>();
  metas.forEach((m, i) => {
    const k = m.shard!.index;
    if (byIndex.has(k)) throw new InputError(`merge: shard ${k}/${n} is given twice (${folders[byIndex.get(k)!]} and ${folders[i]})`);
    byIndex.set(k, i);
  });
  const missing = Array.from({ length: n }, (_, k) => k + 1).filter((k) => !byIndex.has(k));
  if (missing.length) throw new InputError(`merge: shard${missing.length === 1 ? '' : 's'} ${missing.map((k) => `${k}/${n}`).join(', ')} missing; give every shard's folder`);
  const order = Array.from({ length: n }, (_, k) => byIndex.get(k + 1)!);
  const unfinished = 'that shard has not finished: run its command again';
  const fits = order.map((i) => readJson<FitFile>(folders[i], FIT, unfinished));
  const traces = order.map((i) => {
    const text = readIfExists(join(folders[i], TRACE));
    if (text === undefined) throw new InputError(`merge: ${folders[i]} has no ${TRACE}; ${unfinished}`);
    return text;
  });
  const calibrated = order.map((i) => {
    const text = readIfExists(join(folders[i], CALIBRATED));
    if (text === undefined) throw new InputError(`merge: ${folders[i]} has no ${CALIBRATED}; ${unfinished}`);
    return text;
  });
  // every start once, in order; the best is the smallest distance, the first start of equal ones
  const starts = fits.flatMap((f) => f.calibration.starts ?? []).sort((a, b) => a.start - b.start);
  const bestStart = starts.reduce((a, b) => (b.distance < a.distance ? b : a));
  const bestShard = fits.findIndex((f) => (f.calibration.starts ?? []).some((s) => s.start === bestStart.start));
  const header = traces[0].slice(0, traces[0].indexOf('\n') + 1);
  const rows = traces.flatMap((t) => t.slice(header.length).split('\n').filter((l) => l !== ''));
  const key = (line: string) => line.split(',', 2).map(Number);
  rows.sort((a, b) => {
    const [ea, sa] = key(a);
    const [eb, sb] = key(b);
    return sa - sb || ea - eb;
  });
  const fit = fits[bestShard];
  const evaluations = starts.reduce((s, x) => s + x.evaluations, 0);
  const first1 = rows.find((l) => key(l)[1] === 1);
  const merged: FitFile = {
    ...fit,
    calibration: { ...fit.calibration, startDistance: first1 === undefined ? null : Number(first1.split(',')[4 + first.parameters.length]) /* evaluation, start, iteration, kind, the parameters, distance */, evaluations, starts, shard: null },
  };
  const meta: CalibrationMeta = { ...first, command: first.command.replace(/ --shard \d+\/\d+$/, ''), shard: null };
  const dir = resolve(out);
  ensureDir(dir);
  const unlock = lockFolder(dir, '--out');
  try {
    removeStaleTemps(dir);
    writeAtomic(join(dir, CALIBRATION), (put) => put(JSON.stringify(meta, null, 2) + '\n'));
    writeAtomic(join(dir, TRACE), (put) => put(header + rows.join('\n') + '\n'));
    writeAtomic(join(dir, CALIBRATED), (put) => put(calibrated[bestShard]));
    writeAtomic(join(dir, FIT), (put) => put(JSON.stringify(merged, null, 2) + '\n'));
  } finally {
    unlock();
  }
  return { dir, shards: n, starts: starts.length, best: bestStart.start };
}
