/** Low-level file helpers of a sweep folder: atomic writes (temp file, fsync, rename) and reads that tell "missing" from "broken". */
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { SweepIOError } from './errors.ts';

let counter = 0;

/** Write all of `text` to `fd` (writeSync may write less than asked). */
export function writeAll(fd: number, text: string): void {
  const buf = Buffer.from(text, 'utf8');
  for (let off = 0; off < buf.length; ) off += writeSync(fd, buf, off, buf.length - off);
}

export function ensureDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw new SweepIOError(`could not create the folder ${dir}: ${(err as Error).message}`);
  }
}

/**
 * Write a file whole or not at all: into a temporary file in the same folder,
 * flushed to disk, then renamed over `path`. `write` gets a function that
 * appends text.
 */
export function writeAtomic(path: string, write: (put: (text: string) => void) => void): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${threadId}.${++counter}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'w');
    const f = fd;
    let parts: string[] = [];
    let size = 0;
    const flush = () => {
      if (parts.length) writeAll(f, parts.join(''));
      parts = [];
      size = 0;
    };
    write((text) => {
      parts.push(text);
      size += text.length;
      if (size > 1 << 20) flush();
    });
    flush();
    fsyncSync(f);
    closeSync(f);
    fd = undefined;
    renameSync(tmp, path);
  } catch (err) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      // not there
    }
    throw new SweepIOError(`could not write ${path}: ${(err as Error).message}`);
  }
}

/** The text of a file, or undefined when it does not exist. */
export function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new SweepIOError(`could not read ${path}: ${(err as Error).message}`);
  }
}
