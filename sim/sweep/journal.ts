/**
 * The journal of finished runs, `journal.jsonl`: one line per run,
 * `CRC32HEX {"id":N,"rows":[[group,metric,value],...]}`, appended in the order
 * runs finish. A line counts only when it is complete and its checksum
 * matches, so a torn last line (a killed process, a full disk, a power cut)
 * is recognised, dropped, and its run done again.
 *
 * The journal is read line by line, never whole: what stays in memory is an
 * index (byte offset and length of each run's line, 12 bytes a run), so a
 * journal of 10,000,000 runs is resumed in bounded memory.
 */
import { closeSync, fsyncSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { IOError } from '../errors.ts';
import { CHUNK, LineReader, RangeReader, sizeOf, writeAll, writeAtomic } from './files.ts';
import type { RunRows } from './types.ts';

export const JOURNAL = 'journal.jsonl';

const hex = (text: string) => crc32(text).toString(16).padStart(8, '0');

/** One journal line (with its newline). */
export function encodeRecord(id: number, rows: RunRows): string {
  const json = JSON.stringify({ id, rows });
  return `${hex(json)} ${json}\n`;
}

/** The record of one line, or undefined when the line is not a whole, intact record. */
export function decodeRecord(line: string): { id: number; rows: RunRows } | undefined {
  if (line.length < 10 || line[8] !== ' ') return undefined;
  const json = line.slice(9);
  if (hex(json) !== line.slice(0, 8)) return undefined;
  try {
    const r = JSON.parse(json) as { id: unknown; rows: unknown };
    if (typeof r.id !== 'number' || !Number.isInteger(r.id) || !Array.isArray(r.rows)) return undefined;
    return { id: r.id, rows: r.rows as RunRows };
  } catch {
    return undefined;
  }
}

/** Where each run's record is in the journal (ids 0 to runs - 1): byte offset and length, -1 when the run is not done. */
export class JournalIndex {
  readonly offsets: Float64Array;
  readonly lengths: Uint32Array;
  /** Runs with a record. */
  count = 0;
  /** Rows of all records. */
  rows = 0;
  constructor(readonly runs: number) {
    this.offsets = new Float64Array(runs).fill(-1);
    this.lengths = new Uint32Array(runs);
  }
  has(id: number): boolean {
    return this.offsets[id] >= 0;
  }
  set(id: number, offset: number, length: number, rows: number): void {
    if (!this.has(id)) this.count++;
    this.offsets[id] = offset;
    this.lengths[id] = length;
    this.rows += rows;
  }
}

export interface Journal {
  /** Intact records of runs that belong here (the first record of an id wins). */
  index: JournalIndex;
  /** Lines that were torn, damaged, duplicated or of runs that do not belong here. */
  dropped: number;
}

/** Read the journal of `dir` line by line, keeping the records of ids 0 to runs - 1 that pass `belongs`. */
export function readJournal(dir: string, runs: number, belongs: (id: number) => boolean, chunkSize = CHUNK): Journal {
  const index = new JournalIndex(runs);
  let dropped = 0;
  const reader = LineReader.open(join(dir, JOURNAL), chunkSize);
  if (!reader) return { index, dropped };
  for (let line = reader.next(); line !== undefined; line = reader.next()) {
    const r = decodeRecord(line);
    if (r && r.id >= 0 && r.id < runs && belongs(r.id) && !index.has(r.id)) index.set(r.id, reader.offset, reader.bytes, r.rows.length);
    else dropped++;
  }
  // The piece after the last newline is a record cut short (or nothing).
  if (reader.tail !== '') dropped++;
  return { index, dropped };
}

/** Rewrite the journal with only the records of `index` (atomically, in file order, streamed), so new records append after intact ones. Returns the new index. */
export function rewriteJournal(dir: string, index: JournalIndex, chunkSize = CHUNK): JournalIndex {
  const path = join(dir, JOURNAL);
  const next = new JournalIndex(index.runs);
  const reader = LineReader.open(path, chunkSize);
  let at = 0;
  try {
    writeAtomic(path, (put) => {
      for (let line = reader?.next(); line !== undefined; line = reader?.next()) {
        const id = Number(/^[0-9a-f]{8} \{"id":(\d+),/.exec(line)?.[1]);
        if (!(id >= 0 && id < index.runs) || index.offsets[id] !== reader!.offset) continue;
        put(line + '\n');
        next.set(id, at, reader!.bytes, 0);
        at += reader!.bytes;
      }
    });
  } finally {
    reader?.close();
  }
  next.rows = index.rows;
  return next;
}

/** Reads the records of an index back, mostly in file order. */
export class JournalReader {
  private reader: RangeReader | undefined;
  constructor(private readonly dir: string, private readonly index: JournalIndex) {}
  rows(id: number): RunRows {
    if (!this.index.has(id)) throw new Error(`run ${id} has no result`);
    this.reader ??= new RangeReader(join(this.dir, JOURNAL));
    const line = this.reader.read(this.index.offsets[id], this.index.lengths[id]);
    const r = decodeRecord(line.endsWith('\n') ? line.slice(0, -1) : line);
    if (!r || r.id !== id) throw new IOError(`${join(this.dir, JOURNAL)} changed while the sweep ran (run ${id}); run the command again`);
    return r.rows;
  }
  close(): void {
    this.reader?.close();
    this.reader = undefined;
  }
}

/** Appends records, one write per record, and adds them to `index`. */
export class JournalWriter {
  private fd: number;
  private size: number;
  constructor(private readonly dir: string, private readonly index?: JournalIndex) {
    try {
      this.fd = openSync(join(dir, JOURNAL), 'a');
      this.size = sizeOf(this.fd);
    } catch (err) {
      throw new IOError(`could not open ${join(dir, JOURNAL)}: ${(err as Error).message}`);
    }
  }
  append(id: number, rows: RunRows): void {
    const buf = Buffer.from(encodeRecord(id, rows), 'utf8');
    try {
      writeAll(this.fd, buf);
    } catch (err) {
      throw new IOError(`could not write ${join(this.dir, JOURNAL)}: ${(err as Error).message}`);
    }
    this.index?.set(id, this.size, buf.length, rows.length);
    this.size += buf.length;
  }
  close(): void {
    try {
      fsyncSync(this.fd);
    } finally {
      closeSync(this.fd);
    }
  }
}
