/** Helpers for the CLI tests: run `node bin/pathways.js ...` in a child process. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = join(ROOT, 'bin', 'pathways.js');

export interface Result {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function pathways(args: string[], cwd = ROOT): Result {
  const env = { ...process.env };
  delete env.PATHWAYS_DEBUG;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env, timeout: 60_000 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh temporary folder, removed by the returned cleanup function. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'pathways-cli-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function writeJson(path: string, value: unknown): string {
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return path;
}

/** Bad input: exit 2, exactly one line on stderr starting with "pathways: ", no stack trace. */
export function expectUsageError(r: Result): string {
  const lines = r.stderr.trimEnd().split('\n');
  expect(r.status).toBe(2);
  expect(lines.length).toBe(1);
  expect(lines[0]).toMatch(/^pathways: /);
  expect(r.stderr).not.toMatch(/^\s+at /m);
  return lines[0];
}
