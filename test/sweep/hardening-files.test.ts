/** Hardening of the sweep folder's files: line-by-line reading in chunks, the folder lock, stale temporary files, plan progress. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../cli/helpers.ts';
import { LineReader, LOCK, lockFolder, readIfExists, removeStaleTemps, tempPath } from '../../sim/sweep/files.ts';
import { encodeRecord, JOURNAL, JournalReader, readJournal } from '../../sim/sweep/journal.ts';
import { prepare } from '../../sim/sweep/plan.ts';
import type { RunRows } from '../../sim/sweep/types.ts';

const tmp = tempDir();
afterAll(tmp.cleanup);

/** The PID of a process that has exited (so it is dead). */
const deadPid = () => Number(execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }));

function lines(path: string, chunk: number): { lines: string[]; offsets: number[]; tail: string } {
  const r = LineReader.open(path, chunk);
  if (!r) throw new Error('no file');
  const out: string[] = [];
  const offsets: number[] = [];
  for (let l = r.next(); l !== undefined; l = r.next()) {
    out.push(l);
    offsets.push(r.offset);
  }
  return { lines: out, offsets, tail: r.tail };
}

describe('LineReader', () => {
  it('reads lines that span chunks (multi-byte characters cut too) with their byte offsets, and the unterminated tail', () => {
    const text = 'é1,ü2\n\nlong line with ∑ and 日本語 characters\nx\ntorn';
    const path = join(tmp.dir, 'lines.txt');
    writeFileSync(path, text);
    const want = text.split('\n');
    const tail = want.pop();
    for (const chunk of [1, 2, 3, 5, 7, 64, 1 << 20]) {
      const got = lines(path, chunk);
      expect(got.lines, `chunk ${chunk}`).toEqual(want);
      expect(got.tail).toBe(tail);
      expect(got.offsets).toEqual(want.map((_, i) => Buffer.byteLength(want.slice(0, i).map((l) => l + '\n').join(''))));
    }
    writeFileSync(path, 'a\nb\n');
    expect(lines(path, 1)).toEqual({ lines: ['a', 'b'], offsets: [0, 2], tail: '' });
    expect(LineReader.open(join(tmp.dir, 'missing'))).toBeUndefined();
  });

  it('the journal read in tiny chunks gives the same index, and its records read back', () => {
    const d = join(tmp.dir, 'journal');
    mkdirSync(d);
    const rows = (id: number): RunRows => [['all', 'employedShare', id / 10], ['all', 'gap', id % 2 ? null : -1], ['groupé', 'x', 1]];
    const text = [3, 0, 2, 0].map((id) => encodeRecord(id, rows(id))).join('') + encodeRecord(1, rows(1)).slice(0, 20);
    writeFileSync(join(d, JOURNAL), text);
    const big = readJournal(d, 4, () => true);
    const small = readJournal(d, 4, () => true, 3);
    expect(small.dropped).toBe(2); // the second record of run 0 and the torn last line
    expect(big.dropped).toBe(2);
    expect([...small.index.offsets]).toEqual([...big.index.offsets]);
    expect(small.index.count).toBe(3);
    expect(small.index.has(1)).toBe(false);
    const r = new JournalReader(d, small.index);
    for (const id of [0, 2, 3]) expect(r.rows(id)).toEqual(rows(id));
    r.close();
  });
});

describe('the folder lock', () => {
  it('refuses a second holder while the first lives, and takes over a lock whose process is dead', () => {
    const d = join(tmp.dir, 'locked');
    mkdirSync(d);
    const release = lockFolder(d, '--out');
    expect(existsSync(join(d, LOCK))).toBe(true);
    // another live process holds it
    writeFileSync(join(d, LOCK), JSON.stringify({ pid: process.ppid, host: hostname() }));
    expect(() => lockFolder(d, '--out')).toThrow(/^--out: .* is in use by process \d+ since .*; wait for it to finish, or use another folder$/);
    release(); // not ours any more: left alone
    expect(existsSync(join(d, LOCK))).toBe(true);
    writeFileSync(join(d, LOCK), JSON.stringify({ pid: deadPid(), host: hostname() }));
    const notes: string[] = [];
    const again = lockFolder(d, '--out', (n) => notes.push(n));
    expect(notes).toEqual([expect.stringMatching(/took over the stale lock .* of process \d+, which is no longer running/)]);
    again();
    expect(existsSync(join(d, LOCK))).toBe(false);
  });
});

describe('temporary files', () => {
  it('stale ones of this tool (dead PID) are removed; live ones, ours and other files stay', () => {
    const d = join(tmp.dir, 'temps');
    mkdirSync(d);
    const dead = deadPid();
    const names = {
      stale: [`.runs.csv.${dead}-0-3.tmp`, `.sweep.json.${dead}.k3j4h5.tmp`],
      kept: [`.runs.csv.${process.ppid}-0-1.tmp`, 'notes.tmp', 'runs.csv', `.x.${process.pid}-0-9.tmp`],
    };
    for (const n of [...names.stale, ...names.kept]) writeFileSync(join(d, n), 'x');
    expect(removeStaleTemps(d).sort()).toEqual([...names.stale].sort());
    expect(readdirSync(d).sort()).toEqual([...names.kept].sort());
    // a registered temporary name is in this pattern too
    expect(tempPath(join(d, 'runs.csv'))).toMatch(new RegExp(`/\\.runs\\.csv\\.${process.pid}-\\d+-\\d+\\.tmp$`));
  });
});

describe('a large plan', () => {
  it('reports progress while its points are checked against the schema', () => {
    const calls: [number, number][] = [];
    prepare({ scenario: 'classroom', agents: 100, weeks: 10, replications: 1, design: { kind: 'lhs', samples: 30 }, vary: ['office.caseload=35:140'] }, (d, t) => calls.push([d, t]));
    expect(calls[0]).toEqual([0, 30]);
    expect(calls.at(-1)).toEqual([30, 30]);
  });
});

describe('the sweep folder\'s small files', () => {
  it('a FIFO or a folder in place of sweep.json is refused at once, not read; a missing one is undefined', () => {
    const d = join(tmp.dir, 'fifo-sweep');
    mkdirSync(d, { recursive: true });
    expect(readIfExists(join(d, 'sweep.json'))).toBeUndefined();
    mkdirSync(join(d, 'folder.json'));
    expect(() => readIfExists(join(d, 'folder.json'))).toThrow(/folder\.json: is a folder, not a file/);
    try {
      execFileSync('mkfifo', [join(d, 'sweep.json')]);
    } catch {
      return; // no mkfifo here: the folder case above still covers the rule
    }
    expect(() => readIfExists(join(d, 'sweep.json'))).toThrow(/sweep\.json: is not a regular file \(it is a FIFO/);
  });
});
