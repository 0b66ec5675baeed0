/** The files of a sweep folder: sweep.json (the plan) and runs.csv (the tidy results, sorted by run id). */
import { join } from 'node:path';
import { replicateSeed } from '../rng.ts';
import { csvCell } from '../tables.ts';
import { InputError } from '../errors.ts';
import { LineReader, readIfExists, writeAtomic } from './files.ts';
import { runOf } from './plan.ts';
import type { RunRows, SweepMeta, SweepPlan, SweepRow } from './types.ts';

export const META = 'sweep.json';
export const RUNS = 'runs.csv';

/** sweep.json of `dir`, or undefined when there is none. */
export function readMeta(dir: string): SweepMeta | undefined {
  const path = join(dir, META);
  const text = readIfExists(path);
  if (text === undefined) return undefined;
  let meta: SweepMeta;
  try {
    meta = JSON.parse(text) as SweepMeta;
  } catch {
    throw new InputError(`${path} is not a sweep's sweep.json (not JSON)`);
  }
  if (meta === null || typeof meta !== 'object' || meta.format !== 'pathways-sweep/1') {
    throw new InputError(`${path} is not a sweep's sweep.json (format is not pathways-sweep/1)`);
  }
  return meta;
}

export function writeMeta(dir: string, meta: SweepMeta): void {
  writeAtomic(join(dir, META), (put) => put(JSON.stringify(meta, null, 2) + '\n'));
}

/** The runs.csv lines of one run (each with its newline). */
export function runLines(plan: SweepPlan, id: number, rows: RunRows): string {
  const { point, replicate, policy } = runOf(plan, id);
  const p = plan.points[point];
  const prefix = [id, point, ...plan.parameters.map((x) => p[x.name]), replicate, replicateSeed(plan.seed, replicate), policy].map(csvCell).join(',');
  let out = '';
  for (const [group, metric, value] of rows) out += `${prefix},${csvCell(group)},${csvCell(metric)},${csvCell(value ?? NaN)}\n`;
  return out;
}

export const csvHeader = (plan: SweepPlan) => plan.columns.map(csvCell).join(',') + '\n';

/** Write runs.csv (atomically): the header, then each run's rows in the order of `ids`, taken from `rowsOf`. Returns the number of rows. */
export function writeRuns(dir: string, plan: SweepPlan, ids: number[], rowsOf: (id: number) => RunRows): number {
  let rows = 0;
  writeAtomic(join(dir, RUNS), (put) => {
    put(csvHeader(plan));
    for (const id of ids) {
      const r = rowsOf(id);
      put(runLines(plan, id, r));
      rows += r.length;
    }
  });
  return rows;
}

/**
 * Whether `dir`/runs.csv is exactly what writeRuns would write for these runs
 * (compared line by line as it streams, so a truncated or damaged file is
 * found). Returns its number of rows, or why it is not.
 */
export function checkRuns(dir: string, plan: SweepPlan, ids: number[], rowsOf: (id: number) => RunRows): { rows: number } | { why: string } {
  const reader = LineReader.open(join(dir, RUNS));
  if (!reader) return { why: 'it is missing' };
  try {
    if (reader.next() + '\n' !== csvHeader(plan)) return { why: 'it does not have this sweep\'s columns' };
    let rows = 0;
    for (const id of ids) {
      const want = runLines(plan, id, rowsOf(id));
      for (let at = 0; at < want.length; ) {
        const nl = want.indexOf('\n', at);
        const line = reader.next();
        if (line === undefined) return { why: `it ends before run ${id} (${rows} rows; truncated?)` };
        if (line !== want.slice(at, nl)) return { why: `row ${rows + 1} (run ${id}) differs from the journal` };
        rows++;
        at = nl + 1;
      }
    }
    if (reader.next() !== undefined || reader.tail !== '') return { why: `it has more than the ${rows} rows of the journal` };
    return { rows };
  } finally {
    reader.close();
  }
}

/** The cells of one CSV line (quoted cells with "" escapes). */
export function csvCells(line: string): string[] {
  if (!line.includes('"')) return line.split(',');
  const cells: string[] = [];
  const re = /("(?:[^"]|"")*"|[^,]*)(,|$)/g;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    cells.push(m[1].startsWith('"') ? m[1].slice(1, -1).replace(/""/g, '"') : m[1]);
    if (m[2] === '') break;
  }
  return cells;
}

/**
 * runs.csv of `dir` as a line reader positioned after the header, or undefined
 * when the sweep has not finished (no runs.csv). Read to the end, a reader
 * whose `tail` is not '' means the file does not end with a newline.
 */
export function openRuns(dir: string): { header: string; reader: LineReader } | undefined {
  const reader = LineReader.open(join(dir, RUNS));
  if (!reader) return undefined;
  const header = reader.next();
  if (header === undefined) {
    reader.close();
    throw new InputError(`${join(dir, RUNS)} does not end with a newline; it is not a sweep's runs.csv`);
  }
  return { header: header + '\n', reader };
}

/** The rows of a finished sweep (or merge) in `dir`, in run order (runs.csv read line by line). */
export function readRuns(dir: string): SweepRow[] {
  const meta = readMeta(dir);
  if (!meta) throw new InputError(`${dir} is not a sweep folder (no ${META})`);
  if (meta.output === 'parquet') throw new InputError(`${dir}: the sweep writes runs.parquet (--format parquet), not ${RUNS}; read it with readParquetRows, pandas, R's arrow or DuckDB`);
  const csv = openRuns(dir);
  if (!csv) throw new InputError(`${dir}: the sweep has not finished (no ${RUNS}); run its command again to finish it`);
  const names = meta.parameters.map((p) => p.name);
  const k = names.length;
  const num = (s: string) => (s === '' ? NaN : Number(s));
  const out: SweepRow[] = [];
  for (let line = csv.reader.next(); line !== undefined; line = csv.reader.next()) {
    const c = csvCells(line);
    out.push({
      run: num(c[0]), point: num(c[1]), params: Object.fromEntries(names.map((n, i) => [n, num(c[2 + i])])),
      replicate: num(c[2 + k]), seed: num(c[3 + k]), policy: c[4 + k], group: c[5 + k], metric: c[6 + k], value: num(c[7 + k]),
    });
  }
  if (csv.reader.tail !== '') throw new InputError(`${join(dir, RUNS)} does not end with a newline; it is not a sweep's runs.csv`);
  return out;
}
