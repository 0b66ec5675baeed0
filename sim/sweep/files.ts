/**
 * Low-level file helpers of a sweep folder: atomic writes (temp file, fsync,
 * rename, fsync of the folder), reads that tell "missing" from "broken", files
 * read line by line in bounded memory (never as one string: a string cannot
 * pass 512 MB), temporary files removed on exit and when left by a dead
 * process, and a lock that keeps a second writer out of a folder.
 */
import {
  closeSync, fstatSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, statSync, unlinkSync, writeSync, type Stats,
} from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { InputError, IOError } from '../errors.ts';
import { readUserFile } from '../load.ts';

let counter = 0;

/** Write all of `text` to `fd` (writeSync may write less than asked). */
export function writeAll(fd: number, text: string | Buffer): void {
  const buf = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  for (let off = 0; off < buf.length; ) off += writeSync(fd, buf, off, buf.length - off);
}

export function ensureDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw new IOError(`could not create the folder ${dir}: ${(err as Error).message}`);
  }
}

// ---- temporary files -------------------------------------------------------

/** Temporary files of this process not yet renamed or removed: removed on exit (process.exit from a signal handler included). */
const temps = new Set<string>();
let exitHook = false;

/** Remove every temporary file still registered (synchronous: safe in an 'exit' listener). */
export function removeTemps(): void {
  for (const p of temps) {
    try {
      unlinkSync(p);
    } catch {
      // already gone
    }
  }
  temps.clear();
}

/**
 * The temporary name of this tool for `path`: `.NAME.PID-THREAD-N.tmp` in the
 * same folder, registered for removal on exit until `done` is called with it.
 * Stale ones (their PID is dead) are recognised by removeStaleTemps.
 */
export function tempPath(path: string): string {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}-${threadId}-${++counter}.tmp`);
  temps.add(tmp);
  if (!exitHook) {
    exitHook = true;
    process.on('exit', removeTemps);
  }
  return tmp;
}

/** The temporary file was renamed or removed: forget it. */
export function tempDone(tmp: string): void {
  temps.delete(tmp);
}

/** Temporary names of this tool: `.NAME.PID-THREAD-N.tmp` (tempPath) and `.NAME.PID.TAG.tmp` (older writers, the bundler). */
const TEMP_NAME = /^\..+\.(\d+)(?:-\d+-\d+|\.[0-9a-z]+)\.tmp$/;

/** Whether process `pid` is alive on this machine. */
export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Remove the temporary files of this tool in `dir` whose process is dead (left by a killed run). Returns their names. */
export function removeStaleTemps(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = TEMP_NAME.exec(name);
    if (!m || Number(m[1]) === process.pid || isAlive(Number(m[1]))) continue;
    try {
      if (!statSync(join(dir, name)).isFile()) continue;
      unlinkSync(join(dir, name));
      removed.push(name);
    } catch {
      // gone already, or not ours to remove
    }
  }
  return removed;
}

// ---- atomic writes ---------------------------------------------------------

/** Flush a folder's entries (a rename in it) to disk. Folders that cannot be opened or synced (some file systems) are skipped. */
export function fsyncDir(dir: string): void {
  let fd: number;
  try {
    fd = openSync(dir, 'r');
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'EISDIR' && code !== 'EPERM' && code !== 'EBADF' && code !== 'ENOTSUP') throw err;
  } finally {
    closeSync(fd);
  }
}

/**
 * Write a new file at `path` (replacing one there) and flush it to disk:
 * `write` gets a function that appends text (or bytes), written in chunks of about 1 MB.
 * The one writer of the project's output files: `writeAtomic` writes through
 * it under a temporary name, and so do `pathways run/compare --out`
 * (sim/cli/output.ts), which rename all their files only when all are written.
 * On error the file is closed and the error passed on (the caller removes it).
 */
export function writeDurable(path: string, write: (put: (text: string | Uint8Array) => void) => void): void {
  const fd = openSync(path, 'w');
  try {
    let parts: (string | Uint8Array)[] = [];
    let size = 0;
    let bytes = false;
    const flush = () => {
      if (parts.length) writeAll(fd, bytes ? Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p))) : parts.join(''));
      parts = [];
      size = 0;
      bytes = false;
    };
    write((text) => {
      parts.push(text);
      if (typeof text !== 'string') bytes = true;
      size += text.length;
      if (size > 1 << 20) flush();
    });
    flush();
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Write a file whole or not at all: into a temporary file in the same folder,
 * flushed to disk (`writeDurable`), then renamed over `path` and the folder
 * flushed. `write` gets a function that appends text (or bytes).
 */
export function writeAtomic(path: string, write: (put: (text: string | Uint8Array) => void) => void): void {
  const tmp = tempPath(path);
  try {
    writeDurable(tmp, write);
    publish(tmp, path);
  } catch (err) {
    discard(tmp, path, err);
  }
}

/** The last step of an atomic write: the finished temporary file renamed over `path`, the folder flushed. */
function publish(tmp: string, path: string): void {
  renameSync(tmp, path);
  tempDone(tmp);
  fsyncDir(dirname(path));
}

/** An atomic write that failed: its temporary file removed, the error thrown again (an IOError naming `path`, unless it is the user's). */
function discard(tmp: string, path: string, err: unknown): never {
  try {
    unlinkSync(tmp);
  } catch {
    // not there
  }
  tempDone(tmp);
  if (err instanceof InputError) throw err;
  throw new IOError(`could not write ${path}: ${(err as Error).message}`);
}

/**
 * writeAtomic for a writer that has to wait (reading other files as it
 * writes): `write` gets a function that appends text or bytes and resolves
 * when it has written everything.
 */
export async function writeAtomicAsync(path: string, write: (put: (data: string | Uint8Array) => void) => Promise<void>): Promise<void> {
  const tmp = tempPath(path);
  try {
    const fd = openSync(tmp, 'w');
    try {
      await write((data) => writeAll(fd, typeof data === 'string' ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength)));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    publish(tmp, path);
  } catch (err) {
    discard(tmp, path, err);
  }
}

// ---- reading ---------------------------------------------------------------

/** The text of a (small) file, or undefined when it does not exist. Large files: LineReader. */
export function readIfExists(path: string): string | undefined {
  try {
    statSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new IOError(`could not read ${path}: ${(err as Error).message}`);
  }
  // the one reader of files a user can put in place: regular files within the size limit only
  try {
    return readUserFile(path, 'sweep');
  } catch (err) {
    throw new IOError((err as Error).message);
  }
}

/** Default read size of LineReader. */
export const CHUNK = 1 << 20;

/**
 * A file read line by line in chunks of `chunkSize` bytes, in memory bounded
 * by the chunk and the longest line. `next()` gives each line ending in a
 * newline (without it), then undefined; `tail` is then the piece after the
 * last newline ('' when the file ends with one). `offset` is the byte offset of
 * the line `next()` returned last, `bytes` its length with the newline.
 */
export class LineReader {
  private fd: number | undefined;
  private buf: Buffer = Buffer.alloc(0);
  private pos = 0;
  private fileOffset = 0;
  private eof = false;
  tail = '';
  offset = 0;
  bytes = 0;

  private constructor(readonly path: string, fd: number, private readonly chunkSize: number) {
    this.fd = fd;
  }

  /** A reader of `path`, or undefined when it does not exist. */
  static open(path: string, chunkSize = CHUNK): LineReader | undefined {
    try {
      return new LineReader(path, openSync(path, 'r'), Math.max(1, chunkSize));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw new IOError(`could not read ${path}: ${(err as Error).message}`);
    }
  }

  next(): string | undefined {
    for (;;) {
      const nl = this.buf.indexOf(10, this.pos);
      if (nl >= 0) {
        // Splitting bytes at "\n" is safe: no UTF-8 sequence contains that byte.
        const line = this.buf.toString('utf8', this.pos, nl);
        this.offset = this.fileOffset + this.pos;
        this.bytes = nl + 1 - this.pos;
        this.pos = nl + 1;
        return line;
      }
      if (this.eof) {
        this.tail = this.buf.toString('utf8', this.pos);
        this.close();
        return undefined;
      }
      this.fill();
    }
  }

  private fill(): void {
    const rest = this.buf.subarray(this.pos);
    const chunk = Buffer.allocUnsafe(this.chunkSize);
    let n: number;
    try {
      n = readSync(this.fd as number, chunk, 0, chunk.length, null);
    } catch (err) {
      this.close();
      throw new IOError(`could not read ${this.path}: ${(err as Error).message}`);
    }
    this.fileOffset += this.pos;
    this.buf = rest.length ? Buffer.concat([rest, chunk.subarray(0, n)]) : chunk.subarray(0, n);
    this.pos = 0;
    if (n === 0) this.eof = true;
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    this.eof = true;
  }
}

/**
 * Reads byte ranges of a file (lines found by a LineReader earlier), with a
 * read-ahead buffer: ranges asked for mostly in file order cost one read per chunk.
 */
export class RangeReader {
  private fd: number;
  private buf: Buffer = Buffer.alloc(0);
  private start = 0;
  constructor(readonly path: string, private readonly chunkSize = CHUNK) {
    try {
      this.fd = openSync(path, 'r');
    } catch (err) {
      throw new IOError(`could not read ${path}: ${(err as Error).message}`);
    }
  }
  read(offset: number, length: number): string {
    if (offset < this.start || offset + length > this.start + this.buf.length) {
      const b = Buffer.allocUnsafe(Math.max(length, this.chunkSize));
      let n = 0;
      try {
        for (let r = 1; n < b.length && r > 0; n += r) r = readSync(this.fd, b, n, b.length - n, offset + n);
      } catch (err) {
        throw new IOError(`could not read ${this.path}: ${(err as Error).message}`);
      }
      this.buf = b.subarray(0, n);
      this.start = offset;
      if (n < length) throw new IOError(`could not read ${this.path}: it is shorter than expected (changed while the sweep ran?)`);
    }
    return this.buf.toString('utf8', offset - this.start, offset - this.start + length);
  }
  close(): void {
    closeSync(this.fd);
  }
}

/** The size of an open file. */
export const sizeOf = (fd: number) => fstatSync(fd).size;

// ---- the folder lock -------------------------------------------------------

export const LOCK = '.pathways.lock';

/**
 * Take the lock of folder `dir` for this process: the file `.pathways.lock`
 * (PID and host; its time is when it was taken) created exclusively. A lock of a live process is a
 * InputError (`what` names the folder's option); a lock whose process is dead
 * on this host is stale: it is taken over and `onNote` told. Returns the
 * release function (also run on exit).
 */
export function lockFolder(dir: string, what: string, onNote?: (line: string) => void): () => void {
  const path = join(dir, LOCK);
  const host = hostname();
  const text = JSON.stringify({ pid: process.pid, host }) + '\n';
  for (let attempt = 0; ; attempt++) {
    let fd: number;
    try {
      fd = openSync(path, 'wx');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw new IOError(`could not create ${path}: ${(err as Error).message}`);
      if (attempt > 2) throw new InputError(`${what}: ${dir} is locked by another process (${path}); wait for it to finish`);
      const held = readLock(path);
      if (held === 'gone') continue;
      if (held === 'young') throw new InputError(`${what}: ${dir} is in use by another process that is just starting (${path}); wait for it to finish`);
      if (held && (held.host !== host || isAlive(held.pid))) {
        const who = held.host !== host ? `process ${held.pid} on ${held.host}` : `process ${held.pid}`;
        throw new InputError(`${what}: ${dir} is in use by ${who} since ${held.since} (${path}); wait for it to finish, or use another folder${held.host !== host ? `; if that process is gone, delete ${path}` : ''}`);
      }
      // stale: its process is gone
      try {
        unlinkSync(path);
      } catch {
        // taken over by someone else meanwhile: try again
      }
      onNote?.(`${what}: took over the stale lock ${path} of ${held ? `process ${held.pid}, which is no longer running` : 'an unreadable lock file'}`);
      continue;
    }
    try {
      writeAll(fd, text);
    } finally {
      closeSync(fd);
    }
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      process.removeListener('exit', release);
      try {
        if (readFileSync(path, 'utf8') === text) unlinkSync(path);
      } catch {
        // gone already
      }
    };
    process.on('exit', release);
    return release;
  }
}

/** The holder of a lock file, 'gone' when it vanished, 'young' when it is being written, undefined when unreadable (stale). */
function readLock(path: string): { pid: number; host: string; since: string } | 'gone' | 'young' | undefined {
  let text: string;
  let st: Stats;
  try {
    text = readFileSync(path, 'utf8');
    st = statSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    return undefined;
  }
  try {
    const l = JSON.parse(text) as { pid: number; host: string };
    if (Number.isInteger(l.pid) && typeof l.host === 'string') return { pid: l.pid, host: l.host, since: st.mtime.toISOString() };
  } catch {
    // torn or empty
  }
  // eslint-disable-next-line no-restricted-properties -- the age of a lock file, not the simulation
  return Date.now() - st.mtimeMs < 5000 ? 'young' : undefined;
}
