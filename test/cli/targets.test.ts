/** CLI: `pathways targets` on a shipped scenario and on files, text and JSON output, bad input (exit 2, one line, nothing on stdout). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHIPPED_TARGETS } from '../../scenarios/targets/index.ts';
import { expectUsageError, pathways, ROOT, tempDir, writeJson } from './helpers.ts';

const tmp = tempDir();
afterAll(tmp.cleanup);
beforeAll(() => {
  // Builds the bundle if needed, so the tests below do not all wait for it.
  expect(pathways(['--version']).stdout).toMatch(/^pathways \d+\.\d+\.\d+/);
});

const SMALL = ['--agents', '300', '--replications', '2'];
const shipped = (name: string) => JSON.parse(readFileSync(join(ROOT, 'scenarios', 'targets', `${name}.json`), 'utf8')) as { scenario: string; targets: Record<string, unknown>[] };

/** A target file for the classroom with one target; `over` replaces fields of the target. */
function classroomTargets(over: Record<string, unknown> = {}, name = 't.json'): string {
  return writeJson(join(tmp.dir, name), {
    scenario: 'classroom',
    targets: [{
      id: 'refugees-year-2', statement: 'About a third of refugees are in work after two years.',
      source: { citation: 'A publisher, A title', year: 2020, location: 'table 1' },
      quantity: { metric: 'employedShareByYear.2', group: 'refugee', policy: 'standardised' },
      value: 0.3, band: [0.2, 0.4], bandKind: 'translation', bandNote: 'a judgement', use: 'fit', translation: 'a cohort against a rate',
      ...over,
    }],
  });
}

describe('pathways targets', () => {
  it('checks a shipped scenario against its shipped targets: both sections, with counts', () => {
    const r = pathways(['targets', '--scenario', 'vulnerable-youth', ...SMALL]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe(''); // no progress when stderr is not a terminal
    const out = r.stdout;
    const n = shipped('vulnerable-youth').targets;
    const fit = n.filter((t) => t.use === 'fit').length;
    expect(out).toMatch(/^targets vulnerable-youth \(Young, vulnerable users .*\): 300 agents, 260 weeks, 2 replications, seed 1, common random numbers$/m);
    expect(out).toContain(`${n.length} targets (${fit} to fit, ${n.length - fit} held out); 4 settings × 2 = 8 runs`);
    expect(out).toMatch(/^Targets to fit$/m);
    expect(out).toMatch(/^Held-out targets \(kept out of fitting, to check a fit against\)$/m);
    expect(out).toMatch(/^target +quantity +published +band +model \[95% interval\] +within band$/m);
    expect(out).toMatch(/^young-aap-in-work-year5 +employedShareByYear\.5, youth, \[2\] +0\.180 +\[0\.130, 0\.230\] +0\.\d{3} \[0\.\d{3}, 0\.\d{3}\] +(yes|no)$/m);
    const counts = [...out.matchAll(/^within band: (\d+) of (\d+)$/gm)].map((m) => Number(m[2]));
    expect(counts).toEqual([fit, n.length - fit]);
    expect(out).toMatch(/^ {2}\[2\] rotating-advisors with groups\.youth\.entitlements\.workAssessmentAllowance = 1$/m);
  });

  it('prints one JSON object with --json', () => {
    const r = pathways(['targets', '--scenario', 'mixed-office', ...SMALL, '--seed', '7', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)).toEqual(['scenario', 'title', 'description', 'settings', 'changes', 'variants', 'targets', 'fit', 'holdout']);
    expect(j).toMatchObject({ scenario: 'mixed-office', settings: { agents: 300, weeks: 260, seed: 7, replications: 2 }, changes: { agents: 300, seed: 7, replications: 2 } });
    expect(j.variants.map((v: { label: string }) => v.label)).toEqual(['standardised', 'standardised with office.advisorsPer1000 = 14.29']);
    expect(j.variants[1]).toMatchObject({ policy: 'standardised', changes: { 'office.advisorsPer1000': 14.29 }, knobs: { acceptPressure: 0.4 } });
    const ids = shipped('mixed-office').targets.map((t) => t.id);
    expect(j.targets.map((t: { id: string }) => t.id)).toEqual(ids);
    const t = j.targets.find((x: { id: string }) => x.id === 'caseload-duration');
    expect(Object.keys(t)).toEqual(expect.arrayContaining(['id', 'statement', 'source', 'quantity', 'value', 'band', 'bandKind', 'bandNote', 'weight', 'use', 'translation', 'quantityText', 'variants', 'model', 'withinBand', 'error', 'miss']));
    expect(t.variants).toEqual([0, 1]);
    expect(t.model.values).toHaveLength(2);
    expect(t.model.mean).toBeCloseTo((t.model.values[0] + t.model.values[1]) / 2, 12);
    expect(t.quantity.difference.A).toEqual({ policy: 'standardised', knobs: {}, changes: {}, group: 'all' });
    const count = (use: string) => ({ within: j.targets.filter((x: { use: string; withinBand: boolean }) => x.use === use && x.withinBand).length, total: j.targets.filter((x: { use: string }) => x.use === use).length });
    expect(j.fit).toEqual(count('fit'));
    expect(j.holdout).toEqual(count('holdout'));
  });

  it('reads a target file, and the shipped targets of the same name for an edited copy of a shipped scenario', () => {
    const file = classroomTargets();
    const r = pathways(['targets', '--scenario', 'classroom', '--targets', file, '--replications', '2']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^targets ${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} on classroom \\(`, 'm'));
    expect(r.stdout).toContain('1 target (1 to fit, 0 held out); 1 setting × 2 = 2 runs');
    expect(r.stdout).toMatch(/^Held-out targets .*\n {2}\(none\)$/m);
    // an edited copy keeps the name, so the shipped targets apply; the changed value is listed in `changes`
    const copy = { ...JSON.parse(readFileSync(join(ROOT, 'scenarios', 'vulnerable-youth.json'), 'utf8')), $schema: undefined };
    copy.office = { advisorsPer1000: 8 };
    const path = writeJson(join(tmp.dir, 'vy.json'), copy);
    const j = JSON.parse(pathways(['targets', '--scenario', path, ...SMALL, '--json']).stdout);
    expect(j.scenario).toBe('vulnerable-youth');
    expect(j.changes).toMatchObject({ 'office.advisorsPer1000': 8 });
    expect(j.targets).toHaveLength((SHIPPED_TARGETS['vulnerable-youth'] as { targets: unknown[] }).targets.length);
  });

  it('explains itself with --help: the file format and the shipped target files', () => {
    const r = pathways(['targets', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^usage: pathways targets --scenario NAME\|FILE \[--targets NAME\|FILE\]/);
    expect(r.stdout).toContain('bandKind');
    expect(r.stdout).toContain('Shipped target files (by scenario name): mixed-office, resourceful-immigrants, vulnerable-youth');
    expect(pathways(['--help']).stdout).toMatch(/^ {2}targets +Check a scenario against published figures/m);
  });

  describe('bad input: one line, exit 2, nothing on stdout', () => {
    const bad = (args: string[]) => {
      const r = pathways(['targets', ...args]);
      expect(r.stdout).toBe('');
      return expectUsageError(r);
    };

    it('a missing or unknown scenario, targets that do not exist', () => {
      expect(bad([])).toBe('pathways: targets: --scenario is required (one of mixed-office, resourceful-immigrants, vulnerable-youth, classroom, or a JSON file)');
      expect(bad(['--scenario', 'nowhere'])).toMatch(/^pathways: scenario "nowhere" is neither a shipped scenario nor a file/);
      expect(bad(['--scenario', 'classroom'])).toBe('pathways: targets: scenario classroom has no shipped targets; give --targets FILE (shipped targets: mixed-office, resourceful-immigrants, vulnerable-youth)');
      expect(bad(['--scenario', 'classroom', '--targets', 'nope'])).toBe('pathways: --targets: "nope" is neither a shipped target file nor a file; shipped: mixed-office, resourceful-immigrants, vulnerable-youth');
      expect(bad(['--scenario', 'classroom', '--targets', join(tmp.dir, 'missing.json')])).toMatch(/^pathways: target file .*missing\.json: not found$/);
      expect(bad(['--scenario', 'classroom', '--targets', writeJson(join(tmp.dir, 'broken.json'), '{ "scenario": ')])).toMatch(/^pathways: target file .*broken\.json: /);
    });

    it('targets for another scenario, options out of range or unknown', () => {
      expect(bad(['--scenario', 'classroom', '--targets', 'mixed-office'])).toBe('pathways: targets mixed-office: scenario: "mixed-office" is not the scenario given ("classroom"); run these targets with --scenario mixed-office, or a scenario file whose name is mixed-office');
      expect(bad(['--scenario', 'mixed-office', '--replications', '0'])).toBe('pathways: --replications: "0" is not allowed; expected an integer from 1 to 10000');
      expect(bad(['--scenario', 'mixed-office', '--agents', '0'])).toBe('pathways: --agents: "0" is not allowed; expected an integer from 1 to 20000000');
      expect(bad(['--scenario', 'mixed-office', '--weeks', '52'])).toBe('pathways: unknown option --weeks for targets; see pathways targets --help');
    });

    it('a target file with a bad field: the field, the value and what is allowed', () => {
      const at = (over: Record<string, unknown>, name: string) => bad(['--scenario', 'classroom', '--targets', classroomTargets(over, name)]);
      expect(at({ quantity: { metric: 'employedShar', policy: 'standardised' } }, 'm.json')).toMatch(/^pathways: targets .*m\.json: targets\[0\]\.quantity\.metric: "employedShar" is not a metric; expected one of /);
      expect(at({ quantity: { metric: 'employedShare', group: 'refugees', policy: 'standardised' } }, 'g.json')).toMatch(/^pathways: targets .*g\.json: targets\[0\]\.quantity\.group: "refugees" is not a group of scenario classroom; expected one of /);
      expect(at({ quantity: { metric: 'employedShare', policy: 'standardized' } }, 'p.json')).toMatch(/^pathways: targets .*p\.json: targets\[0\]\.quantity\.policy: "standardized" is not a policy of scenario classroom; known: standardised, personalised$/);
      expect(at({ quantity: { metric: 'employedShare', policy: 'standardised', changes: { 'office.advisors': 9 } } }, 'c.json')).toMatch(/^pathways: targets .*c\.json: targets\[0\]\.quantity\.changes\.office\.advisors: "advisors" is not a field of office/);
      expect(at({ quantity: { metric: 'employedShareByYear.5', policy: 'standardised' } }, 'y.json')).toMatch(/^pathways: targets .*y\.json: targets\[0\]\.quantity\.metric: "employedShareByYear\.5" is not allowed; a run of 156 weeks has 3 whole years/);
      expect(at({ use: 'train' }, 'u.json')).toMatch(/^pathways: targets .*u\.json: targets\[0\]\.use: "train" is not allowed; expected one of "fit", "holdout"$/);
    });
  });
});
