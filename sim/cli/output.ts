/** Output files (--out DIR): tidy rows as CSV or JSON, written atomically (through `writeDurable` of sim/sweep/files.ts, like the sweep's files). */
import { accessSync, constants, lstatSync, mkdirSync, readlinkSync, renameSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { csvRow, jsonCell, type Format, type Table } from '../tables.ts';
import { InputError, IOError } from '../errors.ts';
import { fsyncDir, removeStaleTemps, tempDone, tempPath, writeDurable } from '../sweep/files.ts';

export { runTables, type Cell, type Format, type Table } from '../tables.ts';

/** A table as CSV or JSON text, handed to `put` piece by piece. */
function writeTable(put: (text: string) => void, t: Table, format: Format): void {
  if (format === 'csv') {
    put(csvRow(t.columns) + '\n');
    for (const row of t.rows) put(csvRow(row) + '\n');
  } else {
    const keys = t.columns.map((c) => JSON.stringify(c) + ':');
    let first = true;
    put('[');
    for (const row of t.rows) {
      put((first ? '\n{' : ',\n{') + row.map((v, i) => keys[i] + jsonCell(v)).join(',') + '}');
      first = false;
    }
    put(first ? ']\n' : '\n]\n');
  }
}

/**
 * Fail early (before a long run) when DIR cannot be an output folder: DIR or
 * the nearest folder above it that exists must be a writable folder, and
 * neither DIR nor a folder on the way may be a symbolic link to nothing.
 */
export function checkOutDir(dir: string): void {
  const bad = (why: string) => new InputError(`--out: ${JSON.stringify(dir)} is not allowed; ${why}`);
  let path = resolve(dir);
  for (;;) {
    try {
      const st = statSync(path);
      if (!st.isDirectory()) throw bad(`${path === resolve(dir) ? 'it is a file' : `${path} is a file`}, expected a folder`);
      accessSync(path, constants.W_OK);
      return;
    } catch (err) {
      if (err instanceof InputError) throw err;
      const code = (err as NodeJS.ErrnoException).code;
      // ENOTDIR: a file on the way, which the folder above reports
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw bad(`${path} cannot be written (${code})`);
      const link = danglingTarget(path);
      if (link !== undefined) throw bad(`${path} is a symbolic link to ${link}, which does not exist`);
      if (dirname(path) === path) return;
      path = dirname(path);
    }
  }
}

/** Where `path` points when it is a symbolic link whose target does not exist; otherwise undefined. */
function danglingTarget(path: string): string | undefined {
  try {
    return lstatSync(path).isSymbolicLink() ? readlinkSync(path) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Write the tables (as `name.csv` or `name.json`) and the extra JSON files
 * into `dir`, creating it if missing. Every file is written under a temporary
 * name first and renamed only when all are complete; on error nothing stays.
 * Returns the paths written. Throws IOError (exit 1) when they cannot be written.
 */
export function writeOutputs(dir: string, format: Format, tables: Table[], extra: { name: string; json: unknown }[] = []): string[] {
  let created: string | undefined;
  try {
    created = mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw new IOError(`could not create the output folder ${dir}: ${(err as Error).message}`);
  }
  removeStaleTemps(dir); // left by an earlier run of this tool that was killed
  const jobs = [
    ...tables.map((t) => ({ file: `${t.name}.${format}`, write: (put: (text: string) => void) => writeTable(put, t, format) })),
    ...extra.map((e) => ({ file: `${e.name}.json`, write: (put: (text: string) => void) => put(JSON.stringify(e.json, null, 2) + '\n') })),
  ].map((j) => ({ ...j, tmp: tempPath(join(dir, j.file)), final: join(dir, j.file) }));
  const renamed: string[] = [];
  try {
    for (const j of jobs) writeDurable(j.tmp, j.write);
    for (const j of jobs) {
      renameSync(j.tmp, j.final);
      tempDone(j.tmp);
      renamed.push(j.final);
    }
    fsyncDir(dir);
  } catch (err) {
    for (const p of [...jobs.map((j) => j.tmp), ...renamed]) {
      try {
        unlinkSync(p);
      } catch {
        // not there
      }
    }
    for (const j of jobs) tempDone(j.tmp);
    if (created) rmSync(created, { recursive: true, force: true });
    throw new IOError(`could not write the output files to ${dir}: ${(err as Error).message}`);
  }
  return renamed;
}
