/** Loading scenarios in Node: a shipped name or a path to a JSON file. Not for the browser (uses node:fs). */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { dirname, relative, resolve as resolvePath } from 'node:path';
import { SHIPPED } from '../scenarios/index.ts';
import { InputError } from './errors.ts';
import { looksLikePath, MAX_INPUT_BYTES, mib, parseJson } from './json.ts';
import { parseScenarioFile, type BaseFile } from './extends.ts';
import type { Scenario } from './scenario.ts';

export { parseJson, lineColumn, looksLikePath, MAX_INPUT_BYTES } from './json.ts';

export const shippedNames = (): string[] => Object.keys(SHIPPED);

/** Whether `path` is an existing file (not a folder). */
export function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** What a path that is not a regular file is, for messages. */
function fileKind(st: Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * The text of a file the user gave (JSON or CSV): only a regular file of at
 * most MAX_INPUT_BYTES is read (a FIFO would hang, /dev/zero never ends). A
 * problem is one line naming the `kind` of file, the path and what went wrong.
 */
export function readUserFile(path: string, kind: string): string {
  const where = `${kind} file ${path}`;
  try {
    // stat before open: opening a FIFO blocks until someone writes to it
    const st = statSync(path);
    if (st.isDirectory()) throw new InputError(`${where}: is a folder, not a file`);
    if (!st.isFile()) throw new InputError(`${where}: is not a regular file (it is ${fileKind(st)}); give a file`);
    const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    try {
      const now = fstatSync(fd);
      if (!now.isFile()) throw new InputError(`${where}: is not a regular file (it is ${fileKind(now)}); give a file`);
      const tooBig = (size: number) => new InputError(`${where}: is ${size} bytes, more than the limit of ${mib(MAX_INPUT_BYTES)}`);
      if (now.size > MAX_INPUT_BYTES) throw tooBig(now.size);
      // read in chunks, at most one byte over the limit, in case the file grows while it is read
      const chunks: Buffer[] = [];
      let total = 0;
      for (;;) {
        const chunk = Buffer.alloc(Math.min(1 << 20, MAX_INPUT_BYTES + 1 - total));
        const got = readSync(fd, chunk, 0, chunk.length, null);
        if (got === 0) break;
        chunks.push(chunk.subarray(0, got));
        total += got;
        if (total > MAX_INPUT_BYTES) throw tooBig(total);
      }
      return Buffer.concat(chunks, total).toString('utf8');
    } finally {
      closeSync(fd);
    }
  } catch (err) {
    if (err instanceof InputError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`${where}: not found`);
    throw new InputError(`${where}: cannot be read (${code ?? (err as Error).message})`);
  }
}

/** Read and parse a JSON file; a problem is one line naming the `kind` of file, the path and what went wrong. */
export function readJsonFile(path: string, kind: string): unknown {
  return parseJson(readUserFile(path, kind).replace(/^\uFEFF/, ''), `${kind} file ${path}`);
}

/**
 * A shipped item by name, or a JSON file: the raw value, and the file's path
 * when it came from one. A name that is neither is one line listing the
 * shipped names.
 */
export function loadNamedOrFile(arg: string, kind: string, shipped: Record<string, unknown>): { raw: unknown; file?: string } {
  if (!looksLikePath(arg) && Object.hasOwn(shipped, arg)) return { raw: shipped[arg] };
  if (!looksLikePath(arg) && !isFile(arg)) {
    throw new InputError(`${kind} ${JSON.stringify(arg)} is neither a shipped ${kind} nor a file; shipped: ${Object.keys(shipped).join(', ')}`);
  }
  return { raw: readJsonFile(arg, kind), file: arg };
}

/** A base scenario file that another extends: its path is relative to the extending file's folder (or the working folder). */
function readBaseFile(ref: string, from: string | undefined): BaseFile {
  const path = resolvePath(from === undefined ? '.' : dirname(from), ref);
  const shown = relative(process.cwd(), path) || path;
  return { raw: readJsonFile(path, 'scenario'), id: path, source: `scenario ${shown.startsWith('..') ? path : shown}` };
}

/**
 * Load and validate a scenario: a shipped name (see SHIPPED in
 * scenarios/index.ts) or a path to a JSON file, which may extend a shipped
 * scenario or another file (parseScenarioFile in sim/extends.ts). Throws
 * InputError when it cannot be read and ValidationError (with `.errors`)
 * when it is invalid.
 */
export function loadScenario(nameOrFile: string): Scenario {
  const { raw, file } = loadNamedOrFile(nameOrFile, 'scenario', SHIPPED);
  const source = `scenario ${nameOrFile}`;
  if (file === undefined) return parseScenarioFile(raw, source);
  return parseScenarioFile(raw, source, { id: resolvePath(file), readBase: readBaseFile });
}
