/**
 * runs.parquet: the runs of a sweep as an Apache Parquet file, for
 * `pathways sweep --format parquet` (runs.csv stays the default). The same
 * rows and columns as runs.csv, in run order: run, point, replicate (INT32),
 * one DOUBLE column per parameter, seed (INT64), policy, group, metric
 * (UTF-8 strings) and value (DOUBLE; null where runs.csv has an empty cell).
 * pandas (`read_parquet`), R's arrow (`read_parquet`) and DuckDB
 * (`FROM 'runs.parquet'`) read it as it is.
 *
 * Written with hyparquet-writer (pure JavaScript) in row groups of ROW_GROUP
 * rows, read back with hyparquet one row group at a time, so memory stays
 * bounded by a row group. The file is a function of its rows alone: a merge of
 * shards, which writes the same rows in the same order, gives the unsharded
 * sweep's file byte for byte.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { parquetMetadataAsync, parquetRead, type AsyncBuffer, type FileMetaData, type SchemaElement } from 'hyparquet';
import { ByteWriter, ParquetWriter } from 'hyparquet-writer';
import pkg from '../../package.json';
import { InputError, IOError } from '../errors.ts';
import { replicateSeed } from '../rng.ts';
import { writeAtomic } from './files.ts';
import { runOf } from './plan.ts';
import type { RunRows, SweepPlan } from './types.ts';

export const RUNS_PARQUET = 'runs.parquet';

/** Rows per row group (the last one of a file may have fewer). */
export const ROW_GROUP = 65_536;

/** One row of runs.parquet, in column order: run, point, each parameter, replicate, seed, policy, group, metric, value. */
export type ParquetRow = (number | string | null)[];

const INT_COLUMNS = new Set(['run', 'point', 'replicate']);
const STRING_COLUMNS = new Set(['policy', 'group', 'metric']);

/** The file's schema, from the plan's columns (the columns of runs.csv). */
export function parquetSchema(plan: SweepPlan): SchemaElement[] {
  const k = plan.parameters.length;
  return [
    { name: 'root', num_children: plan.columns.length },
    ...plan.columns.map((name, i): SchemaElement => {
      const isParam = i >= 2 && i < 2 + k;
      if (!isParam && INT_COLUMNS.has(name)) return { name, type: 'INT32', repetition_type: 'REQUIRED' };
      if (!isParam && name === 'seed') return { name, type: 'INT64', repetition_type: 'REQUIRED' };
      if (!isParam && STRING_COLUMNS.has(name)) return { name, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' };
      if (!isParam && name === 'value') return { name, type: 'DOUBLE', repetition_type: 'OPTIONAL' };
      return { name, type: 'DOUBLE', repetition_type: 'REQUIRED' };
    }),
  ];
}

/** The parquet rows of one run, as runLines (store.ts) gives its CSV lines. */
export function parquetRows(plan: SweepPlan, id: number, rows: RunRows): ParquetRow[] {
  const { point, replicate, policy } = runOf(plan, id);
  const p = plan.points[point];
  const prefix = [id, point, ...plan.parameters.map((x) => p[x.name]), replicate, replicateSeed(plan.seed, replicate), policy];
  return rows.map(([group, metric, value]) => [...prefix, group, metric, value !== null && Number.isFinite(value) ? value : null]);
}

/**
 * Writes rows into a Parquet file through `put` (writeAtomic's), a row group
 * each time ROW_GROUP rows are in hand; `finish` writes the last one and the
 * footer.
 */
export class ParquetRunsWriter {
  private readonly writer: ParquetWriter;
  private readonly bytes: ByteWriter;
  private readonly schema: SchemaElement[];
  private batch: ParquetRow[] = [];
  rows = 0;

  constructor(plan: SweepPlan, put: (bytes: Uint8Array) => void) {
    this.schema = parquetSchema(plan);
    const bytes = new ByteWriter(1 << 16);
    const flush = () => {
      if (bytes.index === 0) return;
      put(new Uint8Array(bytes.buffer.slice(0, bytes.index)));
      bytes.index = 0;
    };
    const ensure = bytes.ensure.bind(bytes);
    bytes.ensure = (size: number) => {
      if (bytes.index > 1 << 20) flush();
      ensure(size);
    };
    bytes.finish = flush;
    this.bytes = bytes;
    this.writer = new ParquetWriter({ writer: bytes, schema: this.schema, createdBy: `activation-pathways ${pkg.version} (hyparquet-writer)` });
  }

  add(row: ParquetRow): void {
    this.batch.push(row);
    this.rows++;
    if (this.batch.length === ROW_GROUP) this.writeBatch();
  }

  private writeBatch(): void {
    if (this.batch.length === 0) return;
    const rows = this.batch;
    this.batch = [];
    const columnData = this.schema.slice(1).map((el, c) => {
      const n = rows.length;
      if (el.type === 'INT32') {
        const data = new Int32Array(n);
        for (let r = 0; r < n; r++) data[r] = rows[r][c] as number;
        return { name: el.name, data };
      }
      if (el.type === 'INT64') {
        const data = new BigInt64Array(n);
        for (let r = 0; r < n; r++) data[r] = BigInt(rows[r][c] as number);
        return { name: el.name, data };
      }
      if (el.type === 'DOUBLE' && el.repetition_type === 'REQUIRED') {
        const data = new Float64Array(n);
        for (let r = 0; r < n; r++) data[r] = rows[r][c] as number;
        return { name: el.name, data };
      }
      return { name: el.name, data: rows.map((row) => row[c]) };
    });
    this.writer.write({ columnData, rowGroupSize: ROW_GROUP });
  }

  finish(): void {
    this.writeBatch();
    this.writer.finish();
    this.bytes.finish();
  }
}

/** Write runs.parquet (atomically): each run's rows in the order of `ids`, taken from `rowsOf`. Returns the number of rows. */
export function writeRunsParquet(dir: string, plan: SweepPlan, ids: number[], rowsOf: (id: number) => RunRows): number {
  let rows = 0;
  writeAtomic(join(dir, RUNS_PARQUET), (put) => {
    const w = new ParquetRunsWriter(plan, put);
    for (const id of ids) for (const row of parquetRows(plan, id, rowsOf(id))) w.add(row);
    w.finish();
    rows = w.rows;
  });
  return rows;
}

/** A file read through synchronous reads of its byte ranges (hyparquet's AsyncBuffer). */
function fileBuffer(path: string): AsyncBuffer & { close: () => void } {
  const fd = openSync(path, 'r');
  const byteLength = fstatSync(fd).size;
  return {
    byteLength,
    slice(start: number, end = byteLength) {
      const buf = Buffer.alloc(Math.max(0, end - start));
      for (let at = 0; at < buf.length; ) {
        const n = readSync(fd, buf, at, buf.length - at, start + at);
        if (n === 0) break;
        at += n;
      }
      return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length);
    },
    close: () => closeSync(fd),
  };
}

/**
 * runs.parquet of a sweep folder read one row group at a time: `next()`
 * resolves to the next row (a ParquetRow), then undefined. With `columns`,
 * only those columns are read (in that order).
 */
export class ParquetRunsReader {
  private group = 0;
  private start = 0;
  private rows: unknown[][] = [];
  private at = 0;
  private constructor(
    private readonly path: string,
    private readonly file: AsyncBuffer & { close: () => void },
    private readonly metadata: FileMetaData,
    readonly columns: string[],
    private readonly read: string[] | undefined,
  ) {}

  /** Open `path`; undefined when there is no such file. Throws InputError when it is not a Parquet file. */
  static async open(path: string, columns?: string[]): Promise<ParquetRunsReader | undefined> {
    let file: ReturnType<typeof fileBuffer>;
    try {
      file = fileBuffer(path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw new IOError(`could not read ${path}: ${(err as Error).message}`);
    }
    try {
      const metadata = await parquetMetadataAsync(file);
      const names = metadata.schema.slice(1).map((e) => e.name);
      return new ParquetRunsReader(path, file, metadata, names, columns);
    } catch {
      file.close();
      throw new InputError(`${path} is not a Parquet file (cut short?); run its sweep command again to rebuild it`);
    }
  }

  /** Rows in the file. */
  get count(): number {
    return Number(this.metadata.num_rows);
  }

  async next(): Promise<ParquetRow | undefined> {
    while (this.at >= this.rows.length) {
      if (this.group >= this.metadata.row_groups.length) return undefined;
      const start = this.start;
      const end = start + Number(this.metadata.row_groups[this.group].num_rows);
      this.group++;
      this.start = end;
      let rows: unknown[][] = [];
      try {
        await parquetRead({ file: this.file, metadata: this.metadata, columns: this.read, rowStart: start, rowEnd: end, onComplete: (r) => (rows = r) });
      } catch (err) {
        throw new InputError(`${this.path} could not be read (${(err as Error).message}); run its sweep command again to rebuild it`);
      }
      this.rows = rows;
      this.at = 0;
    }
    const row = this.rows[this.at++];
    return row.map((v) => (typeof v === 'bigint' ? Number(v) : v)) as ParquetRow;
  }

  close(): void {
    this.file.close();
  }
}

/** The rows of `dir`/runs.parquet, in file order (for tests and small sweeps: every row in memory). */
export async function readParquetRows(dir: string): Promise<ParquetRow[]> {
  const reader = await ParquetRunsReader.open(join(dir, RUNS_PARQUET));
  if (!reader) throw new InputError(`${dir}: no ${RUNS_PARQUET}; the sweep has not finished, or it writes runs.csv`);
  try {
    const out: ParquetRow[] = [];
    for (let row = await reader.next(); row !== undefined; row = await reader.next()) out.push(row);
    return out;
  } finally {
    reader.close();
  }
}
