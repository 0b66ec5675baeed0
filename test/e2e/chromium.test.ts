/**
 * A fresh machine: the README's test command finds a Chromium for the browser
 * tests itself (scripts/chromium.js), installs Debian's where it can, and
 * otherwise stops with one line naming the command that installs it. Fake
 * environments and fake executables in a temporary folder; nothing is installed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { CHROMIUM_PATHS, findChromium, installer, notFoundMessage } from '../../scripts/chromium.js';

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'pathways-chromium-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An executable file at `dir/rel`. */
function fakeExe(rel: string): string {
  const file = join(dir, rel);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, '#!/bin/sh\necho fake\n');
  chmodSync(file, 0o755);
  return file;
}

describe('finding Chromium for the browser tests', () => {
  const usual = [join(dir, 'usr/bin/chromium'), join(dir, 'usr/bin/chromium-browser'), join(dir, 'usr/bin/google-chrome')];

  test('CHROMIUM_PATH comes first, and a wrong CHROMIUM_PATH is reported, not replaced', () => {
    const own = fakeExe('own/chrome');
    fakeExe('usr/bin/chromium-browser');
    expect(findChromium({ env: { CHROMIUM_PATH: own, PATH: '' }, paths: usual })).toBe(own);
    expect(findChromium({ env: { CHROMIUM_PATH: join(dir, 'missing'), PATH: '' }, paths: usual })).toBeUndefined();
    expect(notFoundMessage({ CHROMIUM_PATH: join(dir, 'missing') })).toMatch(/^Chromium not found at CHROMIUM_PATH=.*missing: .*`sudo apt-get install chromium`$/);
  });

  test('then the usual install paths in order, then the PATH; a file that is not executable does not count', () => {
    expect(findChromium({ env: { PATH: '' }, paths: usual })).toBe(join(dir, 'usr/bin/chromium-browser'));
    const chromium = fakeExe('usr/bin/chromium');
    expect(findChromium({ env: { PATH: '' }, paths: usual })).toBe(chromium);
    const bin = join(dir, 'bin');
    mkdirSync(bin, { recursive: true });
    writeFileSync(join(bin, 'chromium'), 'not executable');
    const onPath = fakeExe('bin2/google-chrome');
    expect(findChromium({ env: { PATH: `${bin}:${join(dir, 'bin2')}` }, paths: [] })).toBe(onPath);
    expect(findChromium({ env: { PATH: bin }, paths: [join(dir, 'nowhere')] })).toBeUndefined();
    expect(CHROMIUM_PATHS.slice(0, 3)).toEqual(['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium']);
  });

  test('installs with apt-get only as root or with passwordless sudo, never behind a given CHROMIUM_PATH', () => {
    const calls: string[] = [];
    const run = (ok: Record<string, boolean>) => (cmd: string, args: string[]) => {
      calls.push([cmd, ...args].join(' '));
      return ok[cmd] ?? false;
    };
    expect(installer({ uid: 0, run: run({ sh: true }), env: {} })).toBe('');
    expect(installer({ uid: 1000, run: run({ sh: true, sudo: true }), env: {} })).toBe('sudo');
    expect(calls).toContain('sudo -n true');
    expect(installer({ uid: 1000, run: run({ sh: true, sudo: false }), env: {} })).toBeUndefined();
    expect(installer({ uid: 0, run: run({ sh: false }), env: {} })).toBeUndefined(); // no apt-get
    expect(installer({ uid: 0, run: run({ sh: true }), env: { CHROMIUM_PATH: '/x' } })).toBeUndefined();
    expect(notFoundMessage({})).toBe('Chromium not found (the browser tests need it): run `sudo apt-get install chromium` or set CHROMIUM_PATH');
  });

  test('the script prints the Chromium it found, or one line and exit code 1', () => {
    const own = fakeExe('cli/chromium');
    const script = join(root, 'scripts', 'chromium.js');
    expect(execFileSync(process.execPath, [script], { env: { ...process.env, CHROMIUM_PATH: own }, encoding: 'utf8' })).toBe(`chromium: ${own}\n`);
    const missing = spawnSync(process.execPath, [script, '--install'], { env: { ...process.env, CHROMIUM_PATH: join(dir, 'gone') }, encoding: 'utf8' });
    expect(missing.status).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toMatch(/sudo apt-get install chromium/);
  });

  test('`npm test` finds (or installs) Chromium before the tests, and CI runs exactly the README’s commands', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(pkg.scripts.test).toMatch(/^node scripts\/chromium\.js --install && /);
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(readme).toContain('npm ci && npm test');
    const ci = readFileSync(join(root, '.ci', 'run'), 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'));
    expect(ci.at(-1)).toBe('npm ci && npm test');
    expect(ci.join('\n')).not.toMatch(/apt-get|npm run build/);
  });

  test('every browser test and script takes Chromium from scripts/chromium.js', () => {
    for (const file of ['scripts/web.js', 'scripts/bench-web.js', 'test/e2e/page.test.ts', 'test/e2e/notebooks.test.ts']) {
      expect(readFileSync(join(root, file), 'utf8'), file).not.toContain('/usr/bin/chromium');
    }
  });
});
