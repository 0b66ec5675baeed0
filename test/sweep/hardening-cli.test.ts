/** Hardening of `pathways sweep` / `merge` on the command line: one writer per folder, signals, a truncated runs.csv, stdout errors, --workers, read-only checkouts. */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { closeSync, cpSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectUsageError, pathways, ROOT, tempDir } from '../cli/helpers.ts';

const tmp = tempDir();
afterAll(tmp.cleanup);
const dir = (name: string) => join(tmp.dir, name);
const read = (d: string, f: string) => readFileSync(join(d, f), 'utf8');
const BIN = join(ROOT, 'bin', 'pathways.js');

/** 12 quick runs. */
const TINY = ['sweep', '--scenario', 'classroom', '--agents', '100', '--weeks', '10', '--replications', '2', '--vary', 'knobs.exploration=0:1:0.5', '--workers', '1'];
/** 48 slower runs: long enough to be caught running. */
const SLOW = ['sweep', '--scenario', 'classroom', '--agents', '300', '--weeks', '52', '--replications', '4', '--vary', 'knobs.exploration=0:1:0.2', '--workers', '1'];

const deadPid = () => Number(execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }));
const records = (d: string) => (existsSync(join(d, 'journal.jsonl')) ? read(d, 'journal.jsonl').split('\n').length - 1 : 0);
const temps = (d: string) => readdirSync(d).filter((n) => n.endsWith('.tmp'));

beforeAll(() => {
  const r = pathways([...TINY, '--out', dir('ref')]);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
});

describe('one writer per sweep folder', () => {
  it('a second sweep into a folder in use is refused (exit 2, one line); SIGTERM stops the first cleanly and the rerun finishes it', async () => {
    const out = dir('busy');
    const child = spawn(process.execPath, [BIN, ...SLOW, '--out', out], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    const exited = new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('exit', (code, signal) => resolve([code, signal])));
    const deadline = Date.now() + 60_000;
    while (records(out) < 2 && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 5));
    const second = pathways([...SLOW, '--out', out]);
    const line = expectUsageError(second);
    expect(line).toMatch(/^pathways: --out: .*busy is in use by process \d+ since .*; wait for it to finish, or use another folder$/);
    child.kill('SIGTERM');
    expect(await exited).toEqual([143, null]);
    expect(stderr).toMatch(/^pathways: sweep interrupted after \d+ new runs?, kept in .*journal\.jsonl; run the same command to resume\n$/);
    expect(temps(out)).toEqual([]);
    expect(existsSync(join(out, '.pathways.lock'))).toBe(false);
    const kept = records(out);
    expect(kept).toBeGreaterThanOrEqual(2);
    const r = pathways([...SLOW, '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(Number(/; (\d+) already done/.exec(r.stdout)?.[1])).toBe(kept);
  });

  it('a stale lock (its process is dead) and stale temporary files are taken over with a note, and the sweep runs', () => {
    const out = dir('stale');
    mkdirSync(out);
    const dead = deadPid();
    writeFileSync(join(out, '.pathways.lock'), JSON.stringify({ pid: dead, host: hostname() }));
    writeFileSync(join(out, `.runs.csv.${dead}-0-7.tmp`), 'half a file');
    const r = pathways([...TINY, '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`^pathways: note: --out: took over the stale lock .* of process ${dead}, which is no longer running\\npathways: note: --out: removed 1 temporary file left by an interrupted run \\(\\.runs\\.csv\\.${dead}-0-7\\.tmp\\)\\n$`));
    expect(temps(out)).toEqual([]);
    expect(read(out, 'runs.csv')).toBe(read(dir('ref'), 'runs.csv'));
  });
});

describe('a truncated runs.csv', () => {
  it('is checked against the journal and rebuilt, not taken as finished', () => {
    const out = dir('trunc');
    cpSync(dir('ref'), out, { recursive: true });
    const full = read(out, 'runs.csv');
    const lines = full.split('\n');
    writeFileSync(join(out, 'runs.csv'), lines.slice(0, lines.length - 6).join('\n') + '\n');
    const r = pathways([...TINY, '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^pathways: note: --out: .*runs\.csv does not match the journal \(it ends before run 11 .*\); rebuilding it\n$/);
    expect(r.stdout).toMatch(/all 12 runs were already done\nwrote .*runs\.csv \(\d+ rows\)/);
    expect(read(out, 'runs.csv')).toBe(full);
    // finished and intact: nothing to say
    const again = pathways([...TINY, '--out', out]);
    expect(again.stderr).toBe('');
  });
});

describe('merge', () => {
  it('names the shard whose runs.csv lacks runs when every shard is given', () => {
    for (const i of [1, 2]) expect(pathways([...TINY, '--shard', `${i}/2`, '--out', dir(`m${i}`)]).status).toBe(0);
    const csv = read(dir('m2'), 'runs.csv').split('\n');
    const lastRun = csv.at(-2)!.split(',')[0];
    writeFileSync(join(dir('m2'), 'runs.csv'), csv.filter((l) => !l.startsWith(`${lastRun},`)).join('\n'));
    const line = expectUsageError(pathways(['merge', '--out', dir('merged'), dir('m1'), dir('m2')]));
    expect(line).toMatch(new RegExp(`merge: runs ${lastRun} of 12 are missing from .*m2/runs\\.csv \\(shard 2/2\\); run its sweep command again to rebuild it$`));
    expect(existsSync(dir('merged'))).toBe(false);
  });
});

describe('stdout', () => {
  it('full (/dev/full): one line, exit 1, no stack trace', () => {
    const fd = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [BIN, 'scenarios'], { cwd: ROOT, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/^pathways: could not write the output: ENOSPC[^\n]*\n$/);
    } finally {
      closeSync(fd);
    }
  });

  it('closed early by the reader (| head): quiet, exit 0', async () => {
    const child = spawn(process.execPath, [BIN, ...TINY.slice(0, -4), '--design', 'lhs', '--samples', '3000', '--vary', 'knobs.followUp=0:1', '--dry-run'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});

describe('--workers', () => {
  it('more than the processors is capped, with a note', () => {
    const most = Math.max(2, availableParallelism());
    const r = pathways([...TINY.slice(0, -2), '--workers', '1000', '--out', dir('ref')]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(`pathways: note: --workers 1000 is more than the ${availableParallelism()} processor${availableParallelism() === 1 ? '' : 's'} here; using ${most}\n`);
  });
});

describe('a read-only checkout', () => {
  it('runs from a bundle in the cache folder when dist/ cannot be written', () => {
    const co = dir('checkout');
    mkdirSync(co);
    for (const p of ['bin', 'scripts', 'sim', 'scenarios', 'package.json']) cpSync(join(ROOT, p), join(co, p), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(co, 'node_modules'));
    writeFileSync(join(co, 'dist'), 'a file, so dist/ cannot be made (even by root)');
    const cache = dir('tmpdir');
    mkdirSync(cache);
    const env: NodeJS.ProcessEnv = { ...process.env, TMPDIR: cache };
    delete env.PATHWAYS_DEBUG;
    const r = spawnSync(process.execPath, [join(co, 'bin', 'pathways.js'), 'validate', 'classroom'], { cwd: co, encoding: 'utf8', env, timeout: 60_000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^ok: /);
    const made = readdirSync(cache).filter((n) => n.startsWith('activation-pathways-'));
    expect(made).toHaveLength(1);
    expect(readdirSync(join(cache, made[0]))).toEqual(['pathways.mjs']);
  });
});
