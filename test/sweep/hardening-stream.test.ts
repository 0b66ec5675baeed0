/** Journals and runs.csv are read as streams: never one string (a string cannot pass 512 MB), so big sweeps resume and merge. */
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../cli/helpers.ts';

// Watch every whole-file read the engine makes.
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  return { ...fs, default: { ...fs, readFileSync: vi.fn(fs.readFileSync) }, readFileSync: vi.fn(fs.readFileSync) };
});
const fs = await import('node:fs');
const { readFileSync: realRead, rmSync, truncateSync, statSync } = await vi.importActual<typeof import('node:fs')>('node:fs');
const E = await import('../../sim/sweep/index.ts');

const tmp = tempDir();
afterAll(tmp.cleanup);
const TINY = { scenario: 'classroom', agents: 100, weeks: 10, replications: 2, vary: ['knobs.exploration=0:1:0.5'] };
const wholeReads = () => vi.mocked(fs.readFileSync).mock.calls.map((c) => String(c[0])).filter((p) => /journal\.jsonl|runs\.csv/.test(p));

describe('resume and merge read the journal and runs.csv line by line', () => {
  it('resume (and a finished sweep run again) never reads journal.jsonl or runs.csv whole', async () => {
    const d = join(tmp.dir, 'one');
    await E.runSweep(TINY, { out: d, workers: 0 });
    const want = realRead(join(d, 'runs.csv'), 'utf8');
    rmSync(join(d, 'runs.csv'));
    const journal = join(d, 'journal.jsonl');
    truncateSync(journal, statSync(journal).size - 30); // a torn last record
    vi.mocked(fs.readFileSync).mockClear();
    const r = await E.runSweep(TINY, { out: d, workers: 0 });
    expect(r.skipped).toBe(r.runs - 1);
    expect(realRead(join(d, 'runs.csv'), 'utf8')).toBe(want);
    const again = await E.runSweep(TINY, { out: d, workers: 0 });
    expect(again.skipped).toBe(again.runs);
    expect(E.readRuns(d).length).toBe(again.rows);
    expect(wholeReads()).toEqual([]);
  });

  it('merge never reads a shard’s runs.csv whole, and gives the unsharded runs.csv', async () => {
    const whole = join(tmp.dir, 'one');
    for (const i of [1, 2]) await E.runSweep(TINY, { out: join(tmp.dir, `s${i}`), workers: 0, shard: [i, 2] });
    vi.mocked(fs.readFileSync).mockClear();
    E.mergeShards([join(tmp.dir, 's1'), join(tmp.dir, 's2')], join(tmp.dir, 'merged'));
    expect(wholeReads()).toEqual([]);
    expect(realRead(join(tmp.dir, 'merged', 'runs.csv'), 'utf8')).toBe(realRead(join(whole, 'runs.csv'), 'utf8'));
  });
});
