/** CLI: listing, validation and bad input (exit 2, one line on stderr, no stack trace). */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHIPPED } from '../../scenarios/index.ts';
import { expectUsageError, pathways, ROOT, tempDir, writeJson } from './helpers.ts';

const tmp = tempDir();
afterAll(tmp.cleanup);
beforeAll(() => {
  // Builds the bundle if needed, so the tests below do not all wait for it.
  expect(pathways(['--version']).stdout).toMatch(/^pathways \d+\.\d+\.\d+/);
});

const classroom = () => JSON.parse(readFileSync(join(ROOT, 'scenarios', 'classroom.json'), 'utf8'));

describe('pathways scenarios', () => {
  it('lists every shipped scenario, one line each', () => {
    const r = pathways(['scenarios']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.map((l) => l.split(/\s+/)[0])).toEqual(Object.keys(SHIPPED));
    expect(Object.keys(SHIPPED)).toEqual(expect.arrayContaining(['mixed-office', 'resourceful-immigrants', 'vulnerable-youth', 'classroom']));
    expect(lines.find((l) => l.startsWith('classroom'))).toMatch(/\d+ agents\s+\d+ weeks\s+\S/);
  });
});

describe('pathways validate', () => {
  it('accepts a shipped scenario file', () => {
    const r = pathways(['validate', 'scenarios/classroom.json']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^ok: classroom \(\d+ groups, \d+ services, policies: standardised, personalised.*\)\n$/);
  });

  it('names the field path and the bad value of a bad share', () => {
    const s = classroom();
    s.groups[0].share = 1.5;
    const r = pathways(['validate', writeJson(join(tmp.dir, 'share.json'), s)]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/groups\[0\]\.share: 1\.5 is not allowed; expected a number from 0 to 1/);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.stdout).toBe('');
  });

  it('rejects an unknown field, one line per error', () => {
    const s = classroom();
    s.groups[1].shaer = 0.5;
    s.colour = 'red';
    const r = pathways(['validate', writeJson(join(tmp.dir, 'unknown.json'), s)]);
    expect(r.status).toBe(2);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines.every((l) => /^pathways: scenario \S+unknown\.json: /.test(l))).toBe(true);
    expect(r.stderr).toMatch(/groups\[1\]\.shaer: is not a known field/);
    expect(r.stderr).toMatch(/colour: is not a known field/);
  });

  it('reports invalid JSON with line and column', () => {
    const file = writeJson(join(tmp.dir, 'syntax.json'), '{\n  "name": "x",\n  "agents": 12,\n}\n');
    const line = expectUsageError(pathways(['validate', file]));
    expect(line).toMatch(/invalid JSON at line 4, column 1/);
  });

  it('reports a missing file and an unknown scenario name', () => {
    expect(expectUsageError(pathways(['validate', join(tmp.dir, 'nope.json')]))).toMatch(/nope\.json: not found/);
    expect(expectUsageError(pathways(['validate', 'nope']))).toMatch(/shipped: .*classroom/);
  });
});

describe('bad input', () => {
  const base = ['run', '--scenario', 'classroom', '--policy', 'standardised', '--weeks', '5'];
  it.each([
    [['run', '--scenario', 'classroom', '--policy', 'standardised', '--agents', 'abc'], '--agents: "abc" is not allowed; expected an integer from 1 to 20000000'],
    [[...base, '--agents', '0'], '--agents: "0" is not allowed; expected an integer from 1 to 20000000'],
    [['run', '--scenario', 'classroom', '--policy', 'nope'], '--policy: "nope" is not a policy of scenario classroom; known: standardised, personalised'],
    [['compare', '--scenario', 'classroom', '--policies', 'standardised,nope'], '"nope" is not a policy'],
    [['frobnicate'], 'unknown command "frobnicate"'],
    [[...base, '--frobnicate'], 'unknown option --frobnicate'],
    [[...base, '--seed', '-1'], '--seed: "-1" is not allowed; expected an integer from 0 to 4294967295'],
    [[...base, '--format', 'xml'], '--format: "xml" is not allowed'],
    [['compare', '--weeks', '5'], '--scenario is required'],
  ])('%j exits 2 with one line', (args, message) => {
    const line = expectUsageError(pathways(args));
    expect(line).toContain(message);
  });

  it('leaves no output folder or files behind after a failing run', () => {
    const out = join(tmp.dir, 'failed', 'out');
    expectUsageError(pathways(['compare', '--scenario', 'classroom', '--policies', 'standardised,nope', '--out', out]));
    expect(existsSync(join(tmp.dir, 'failed'))).toBe(false);
  });

  it('removes every file it wrote when one output file cannot be written', () => {
    const out = join(tmp.dir, 'blocked');
    mkdirSync(join(out, 'events.csv'), { recursive: true }); // a folder where a file should go
    const r = pathways(['compare', '--scenario', 'classroom', '--agents', '50', '--weeks', '5', '--replications', '1', '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(readdirSync(out)).toEqual(['events.csv']);
  });

  it('prints help for each command', () => {
    for (const c of ['scenarios', 'validate', 'run', 'compare']) {
      const r = pathways([c, '--help']);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^usage: pathways ${c}`));
    }
  });
});
