/**
 * The journal of finished runs, `journal.jsonl`: one line per run,
 * `CRC32HEX {"id":N,"rows":[[group,metric,value],...]}`, appended in the order
 * runs finish. A line counts only when it is complete and its checksum
 * matches, so a torn last line (a killed process, a full disk, a power cut)
 * is recognised, dropped, and its run done again.
 */
import { closeSync, fsyncSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { SweepIOError } from './errors.ts';
import { readIfExists, writeAll, writeAtomic } from './files.ts';
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

export interface Journal {
  /** Intact records of runs that belong here, by id, in file order (the first record of an id wins). */
  records: Map<number, RunRows>;
  /** Lines that were torn, damaged, duplicated or of runs that do not belong here. */
  dropped: number;
}

/** Read the journal of `dir`, keeping the records whose id passes `belongs`. */
export function readJournal(dir: string, belongs: (id: number) => boolean): Journal {
  const text = readIfExists(join(dir, JOURNAL)) ?? '';
  const records = new Map<number, RunRows>();
  let dropped = 0;
  const lines = text.split('\n');
  // The piece after the last newline is a record cut short (or nothing).
  if (lines.pop() !== '') dropped++;
  for (const line of lines) {
    const r = decodeRecord(line);
    if (r && belongs(r.id) && !records.has(r.id)) records.set(r.id, r.rows);
    else dropped++;
  }
  return { records, dropped };
}

/** Rewrite the journal with only the given records (atomically), so new records append after intact ones. */
export function rewriteJournal(dir: string, records: Map<number, RunRows>): void {
  writeAtomic(join(dir, JOURNAL), (put) => {
    for (const [id, rows] of records) put(encodeRecord(id, rows));
  });
}

/** Appends records, one write per record. */
export class JournalWriter {
  private fd: number;
  constructor(private readonly dir: string) {
    try {
      this.fd = openSync(join(dir, JOURNAL), 'a');
    } catch (err) {
      throw new SweepIOError(`could not open ${join(dir, JOURNAL)}: ${(err as Error).message}`);
    }
  }
  append(id: number, rows: RunRows): void {
    try {
      writeAll(this.fd, encodeRecord(id, rows));
    } catch (err) {
      throw new SweepIOError(`could not write ${join(this.dir, JOURNAL)}: ${(err as Error).message}`);
    }
  }
  close(): void {
    try {
      fsyncSync(this.fd);
    } finally {
      closeSync(this.fd);
    }
  }
}
