/** A commit rename is made durable: the folder is fsynced after it (a crash right after the rename keeps the new file). */
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../cli/helpers.ts';

// Watch every open, fsync and rename the engine makes, in order.
const order: string[] = [];
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const fds = new Map<number, string>();
  const openSync = vi.fn((path: string, ...rest: unknown[]) => {
    const fd = (fs.openSync as (...a: unknown[]) => number)(path, ...rest);
    fds.set(fd, String(path));
    return fd;
  });
  const fsyncSync = vi.fn((fd: number) => { order.push(`fsync ${fds.get(fd)}`); return fs.fsyncSync(fd); });
  const renameSync = vi.fn((a: string, b: string) => { order.push(`rename ${b}`); return fs.renameSync(a, b); });
  const patched = { ...fs, openSync, fsyncSync, renameSync };
  return { ...patched, default: patched };
});
const { readFileSync } = await vi.importActual<typeof import('node:fs')>('node:fs');
const { writeAtomic } = await import('../../sim/sweep/files.ts');

const tmp = tempDir();
afterAll(tmp.cleanup);

describe('atomic writes', () => {
  it('fsync the file, rename it into place, then fsync the folder', () => {
    const file = join(tmp.dir, 'sweep.json');
    order.length = 0;
    writeAtomic(file, (put) => put('{"ok":true}\n'));
    expect(readFileSync(file, 'utf8')).toBe('{"ok":true}\n');
    const rename = order.indexOf(`rename ${file}`);
    expect(rename).toBeGreaterThan(0);
    expect(order.slice(0, rename).some((x) => x.startsWith('fsync ') && x.endsWith('.tmp'))).toBe(true);
    expect(order.slice(rename + 1)).toContain(`fsync ${tmp.dir}`);
  });
});
