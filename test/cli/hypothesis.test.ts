/** CLI: `pathways hypothesis` with a shipped name and a file, text and JSON output, bad input (exit 2, one line). */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHIPPED_HYPOTHESES } from '../../scenarios/hypotheses/index.ts';
import { expectUsageError, pathways, ROOT, tempDir, writeJson } from './helpers.ts';

const tmp = tempDir();
afterAll(tmp.cleanup);
beforeAll(() => {
  // Builds the bundle if needed, so the tests below do not all wait for it.
  expect(pathways(['--version']).stdout).toMatch(/^pathways \d+\.\d+\.\d+/);
});

/** A small, quick hypothesis on a scenario file next to it (classroom cut to 300 agents, 104 weeks). */
function fileHypothesis(overrides: Record<string, unknown> = {}, name = 'h.json'): string {
  const dir = join(tmp.dir, 'study');
  mkdirSync(join(dir, 'scenarios'), { recursive: true });
  copyFileSync(join(ROOT, 'scenarios', 'classroom.json'), join(dir, 'scenarios', 'office.json'));
  return writeJson(join(dir, name), {
    name: 'proactive-information',
    statement: 'Telling people about fitting services face to face cuts the weeks they spend hunting for information.',
    findings: ['F2'],
    scenario: 'scenarios/office.json',
    policies: { A: 'standardised', B: { base: 'standardised', knobs: { proactiveInformation: 0.7 } } },
    metric: 'weeksSearchingInfoPerPerson',
    expect: 'decrease',
    smallestEffect: 1,
    replications: 3,
    weeks: 104,
    ...overrides,
  });
}

describe('pathways hypothesis', () => {
  it('runs a shipped hypothesis by name and prints the effect and the verdict', () => {
    const r = pathways(['hypothesis', 'relationship-attendance', '--replications', '3']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe(''); // no progress when stderr is not a terminal
    const out = r.stdout;
    expect(out).toMatch(/^hypothesis relationship-attendance \(F11\)\n/);
    expect(out).toMatch(/^scenario {2}vulnerable-youth: 1000 agents, 260 weeks, 3 paired replications, seed 1$/m);
    expect(out).toMatch(/^A {9}rotating-advisors$/m);
    expect(out).toMatch(/^B {9}same-advisor$/m);
    expect(out).toMatch(/^metric {4}attendanceRate for all: Share of scheduled advisor meetings/m);
    expect(out).toMatch(/^expected {2}increase \(B − A\), at least 0\.0500$/m);
    expect(out).toMatch(/^B − A {2}0\.\d{4} \[0\.\d{4}, 0\.\d{4}\] {3}sd of differences 0\.\d{5}$/m);
    expect(out).toMatch(/^paired t-test: t = \d+\.\d\d, df = 2, p (< 0\.0001|= 0\.\d{4})$/m);
    expect(out).toMatch(/^verdict: SUPPORTED$/m);
    expect(out).toMatch(/^what would change it:$/m);
    expect(out).toContain('not a prediction for real people');
  });

  it('prints one JSON object with --json', () => {
    const r = pathways(['hypothesis', 'relationship-attendance', '--replications', '2', '--seed', '7', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({
      name: 'relationship-attendance', scenario: 'vulnerable-youth', metric: 'attendanceRate', expect: 'increase', smallestEffect: 0.05,
      settings: { replications: 2, seed: 7, agents: 1000, weeks: 260 }, verdict: 'supported', findings: ['F11'],
      A: { label: 'rotating-advisors', group: 'all' }, B: { label: 'same-advisor', group: 'all' }, test: { df: 1 },
    });
    expect(j.differences).toHaveLength(2);
    expect(j.effect.ci95[0]).toBeLessThanOrEqual(j.effect.mean);
    expect(j.effect.mean).toBeGreaterThan(0.05);
    expect(j.explanation).toMatch(/SUPPORTED/);
    expect(j.rule).toMatch(/^Let e be/);
  });

  it('runs a file, reading its scenario relative to the file', () => {
    const file = fileHypothesis();
    // a relative path from another folder: the scenario is read relative to the file, not to the working folder
    const r = pathways(['hypothesis', join('study', 'h.json')], tmp.dir);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^scenario {2}classroom: 300 agents, 104 weeks, 3 paired replications, seed 1$/m);
    expect(r.stdout).toMatch(/^B {9}standardised with proactiveInformation 0\.7$/m);
    expect(r.stdout).toMatch(/^verdict: (SUPPORTED|CONTRADICTED|INCONCLUSIVE)$/m);
    const j = JSON.parse(pathways(['hypothesis', file, '--json']).stdout);
    expect(j.group).toBeUndefined();
    expect(j.A.group).toBe('all');
    if (j.verdict === 'inconclusive') expect(j.replicationsNeeded).toBeGreaterThanOrEqual(2);
  });

  it('runs the example of its help text', () => {
    const help = pathways(['hypothesis', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^usage: pathways hypothesis FILE\|NAME/);
    for (const field of ['name', 'statement', 'findings', 'scenario', 'policies', 'metric', 'group', 'expect', 'smallestEffect']) {
      expect(help.stdout).toMatch(new RegExp(`^  ${field} `, 'm'));
    }
    expect(help.stdout).toMatch(/SUPPORTED when/);
    const example = help.stdout.split('Example:\n')[1].split('\n\n')[0];
    const file = writeJson(join(tmp.dir, 'example.json'), { ...JSON.parse(example), replications: 2, agents: 300, weeks: 52 });
    const r = pathways(['hypothesis', file]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^hypothesis proactive-information \(F2\)/);
  });

  it('lists the shipped hypotheses in the help', () => {
    const help = pathways(['hypothesis', '--help']).stdout.replace(/\s+/g, ' ');
    for (const name of Object.keys(SHIPPED_HYPOTHESES)) expect(help).toContain(name);
  });
});

describe('pathways hypothesis: bad input', () => {
  it('a missing file or an unknown name', () => {
    expect(expectUsageError(pathways(['hypothesis', join(tmp.dir, 'nope.json')]))).toMatch(/hypothesis file \S+nope\.json: not found$/);
    expect(expectUsageError(pathways(['hypothesis', 'nope']))).toMatch(/hypothesis "nope" is neither a shipped hypothesis nor a file; shipped: rights-services, /);
    expect(expectUsageError(pathways(['hypothesis']))).toMatch(/hypothesis: missing FILE/);
  });

  it('invalid JSON, with line and column', () => {
    const file = writeJson(join(tmp.dir, 'syntax.json'), '{\n  "name": "x",\n}\n');
    expect(expectUsageError(pathways(['hypothesis', file]))).toMatch(/hypothesis file \S+syntax\.json: invalid JSON at line 3, column 1/);
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['an invalid field', { expect: 'up' }, /: expect: "up" is not allowed; expected one of "increase", "decrease"$/],
    ['a bad smallest effect', { smallestEffect: 0 }, /: smallestEffect: 0 is not allowed; expected a number above 0/],
    ['an unknown field', { colour: 'red' }, /: colour: is not a known field; known fields here: name, statement,/],
    ['an unknown metric', { metric: 'happiness' }, /: metric: "happiness" is not a metric; expected one of employedShare, /],
    ['a year beyond the run', { metric: 'employedShareByYear.3', smallestEffect: 0.05 }, /: metric: "employedShareByYear\.3" is not allowed; a run of 104 weeks has 2 whole years, so the year must be 1 to 2$/],
    ['an unknown group', { group: 'martians' }, /: group: "martians" is not a group of scenario classroom; expected one of native-rights, native-no-rights, .*, women, men, all/],
    ['an unknown policy', { policies: { A: 'standardised', B: 'bespoke' } }, /: policies\.B: "bespoke" is not a policy of scenario classroom; known: standardised, personalised$/],
    ['an unknown knob', { policies: { A: 'standardised', B: { base: 'standardised', knobs: { kindness: 1 } } } }, /: policies\.B\.knobs\.kindness: is not a known field; known fields here: priorityByNeed, /],
    ['a missing scenario file', { scenario: 'scenarios/missing.json' }, /: scenario: "scenarios\/missing\.json" is not allowed; no scenario file at \S+missing\.json \(a path is read relative to the hypothesis file\)$/],
    ['an unknown shipped scenario', { scenario: 'atlantis' }, /: scenario: "atlantis" is not a shipped scenario; expected one of mixed-office, /],
  ])('%s', (_label, overrides, message) => {
    const file = fileHypothesis(overrides, 'bad.json');
    const line = expectUsageError(pathways(['hypothesis', file]));
    expect(line).toMatch(/^pathways: hypothesis \S+bad\.json: /);
    expect(line).toMatch(message);
  });

  it('bad option values', () => {
    expect(expectUsageError(pathways(['hypothesis', 'relationship-attendance', '--replications', '1'])))
      .toBe('pathways: --replications: "1" is not allowed; expected an integer from 2 to 10000');
    expect(expectUsageError(pathways(['hypothesis', 'relationship-attendance', '--seed', 'x'])))
      .toMatch(/--seed: "x" is not allowed; expected an integer from 0 to 4294967295/);
    expect(expectUsageError(pathways(['hypothesis', 'relationship-attendance', '--agents', '5']))).toMatch(/unknown option --agents for hypothesis/);
  });

  it('shipped hypothesis files on disk match the registry', () => {
    for (const [name, raw] of Object.entries(SHIPPED_HYPOTHESES)) {
      expect(JSON.parse(readFileSync(join(ROOT, 'scenarios', 'hypotheses', `${name}.json`), 'utf8'))).toEqual(raw);
    }
  });
});
