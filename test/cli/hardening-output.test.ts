/** Hardening (issue 9): CSV cells that a spreadsheet would run as formulas, and jobs too big for memory. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvCell, tableCsv } from '../../sim/tables.ts';
import { expectUsageError, pathways, ROOT, tempDir, writeJson, type Result } from './helpers.ts';

const tmp = tempDir();
afterAll(tmp.cleanup);
beforeAll(() => {
  expect(pathways(['--version']).status).toBe(0);
});

const classroom = () => JSON.parse(readFileSync(join(ROOT, 'scenarios', 'classroom.json'), 'utf8'));

/** Like `pathways`, but gives up after `ms` (a refusal must be immediate). */
function quick(args: string[], ms: number): Result & { ms: number } {
  const env = { ...process.env };
  delete env.PATHWAYS_DEBUG;
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'pathways.js'), ...args], { cwd: ROOT, encoding: 'utf8', env, timeout: ms });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', ms: performance.now() - t0 };
}

describe('CSV cells that look like formulas', () => {
  it('csvCell prefixes text starting with =, +, -, @, tab or carriage return and leaves numbers alone', () => {
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('\rx')).toBe(`"'\rx"`);
    expect(csvCell('Amina')).toBe('Amina');
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell(-0.5)).toBe('-0.5');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(NaN)).toBe('');
    expect(tableCsv({ name: 't', columns: ['a', 'b'], rows: [['=1+1', -0.25]] })).toBe("a,b\n'=1+1,-0.25\n");
  });

  it('a persona named =HYPERLINK(...) reaches events.csv as text, not a formula', () => {
    const s = classroom();
    s.personas[0].name = '=HYPERLINK("http://evil","x")';
    const file = writeJson(join(tmp.dir, 'evil.json'), s);
    const out = join(tmp.dir, 'out');
    const r = pathways(['run', '--scenario', file, '--policy', 'standardised', '--agents', '50', '--weeks', '8', '--replications', '1', '--out', out]);
    expect(r.status).toBe(0);
    const events = readFileSync(join(out, 'events.csv'), 'utf8').split('\n').slice(1).filter(Boolean);
    const cells = events.map((l) => l.split(',')[2]);
    expect(cells).toContain(`"'=HYPERLINK(""http://evil""`);
    // no cell of any CSV starts with a formula character (negative numbers aside)
    for (const name of ['events', 'summary', 'timeseries']) {
      for (const line of readFileSync(join(out, `${name}.csv`), 'utf8').split('\n')) {
        for (const cell of line.split(',')) if (!/^-?\d/.test(cell)) expect(cell).not.toMatch(/^"?[=+\-@\t\r]/);
      }
    }
  });
});

describe('jobs too big for memory', () => {
  it('refuses compare --agents 5 --weeks 1560 --replications 10000 at once, with the estimate and the limit', () => {
    const r = quick(['compare', '--scenario', 'classroom', '--agents', '5', '--weeks', '1560', '--replications', '10000'], 20_000);
    const line = expectUsageError(r);
    expect(line).toMatch(/--replications: 10000 replications × 2 policies × 1560 weeks would keep about \d+(\.\d+)? GiB of results in memory; the limit is 2 GiB/);
    expect(r.ms).toBeLessThan(10_000);
  });

  it('refuses run with too many replications the same way', () => {
    const line = expectUsageError(quick(['run', '--scenario', 'classroom', '--policy', 'standardised', '--agents', '5', '--weeks', '1560', '--replications', '10000'], 20_000));
    expect(line).toMatch(/10000 replications × 1 policy × 1560 weeks would keep about \d+(\.\d+)? GiB of results in memory; the limit is 2 GiB/);
  });

  it('run --out removes temporary files a killed earlier run left behind, and only those', () => {
    const out = join(tmp.dir, 'stale-out');
    mkdirSync(out, { recursive: true });
    // a PID far above any live one: the process that wrote it is gone
    const stale = join(out, '.summary.csv.999999999.abc123.tmp'), keep = join(out, '.notes.txt');
    writeFileSync(stale, 'half a table');
    writeFileSync(keep, 'mine');
    const r = pathways(['run', '--scenario', 'classroom', '--policy', 'standardised', '--agents', '50', '--weeks', '8', '--replications', '1', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(keep)).toBe(true);
    expect(existsSync(join(out, 'summary.csv'))).toBe(true);
  });
});
