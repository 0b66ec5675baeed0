/** CLI: `pathways compare --arm ... | --arms FILE`: the arm syntax, comparison files, the --json object, --out, and bad input (exit 2, one line). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STANDARDISED } from '../../sim/schema/scenario.ts';
import { expectUsageError, pathways, tempDir, writeJson } from './helpers.ts';

const tmp = tempDir();
afterAll(tmp.cleanup);
beforeAll(() => {
  // Builds the bundle if needed, so the tests below do not all wait for it.
  expect(pathways(['--version']).stdout).toMatch(/^pathways \d+\.\d+\.\d+/);
});

const SMALL = ['--agents', '300', '--weeks', '52', '--replications', '3'];
const compareArms = (...args: string[]) => pathways(['compare', '--scenario', 'classroom', ...SMALL, ...args]);
const ARMS = ['--arm', 'standardised', '--arm', 'fewer cases=standardised,office.caseload=35', '--arm', 'follow-up=standardised,followUp=0.8', '--arm', 'personalised'];

describe('pathways compare --arm', () => {
  it('prints the arms, their key metrics, the differences with marks and the cost-effectiveness', () => {
    const r = compareArms(...ARMS);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const out = r.stdout;
    expect(out).toMatch(/^compare classroom \(.*\): 300 agents, 52 weeks, 3 replications, seed 1, common random numbers; a baseline and 3 variants$/m);
    expect(out).toMatch(/^ {2}baseline {3}standardised {2}standardised$/m);
    expect(out).toMatch(/^ {2}variant 1 {2}fewer cases {3}standardised with office\.caseload = 35$/m);
    expect(out).toMatch(/^ {2}variant 2 {2}follow-up {5}standardised with followUp 0\.8$/m);
    expect(out).toMatch(/^metric +standardised +fewer cases +follow-up +personalised$/m);
    expect(out).toMatch(/^advisorCostPerPerson +\d+ \[\d+, \d+\]/m);
    expect(out).toMatch(/^metric +fewer cases - standardised +follow-up - standardised +personalised - standardised$/m);
    // every difference cell has its mark
    const diffRow = out.split('\n').find((l) => l.startsWith('attendanceRate') && /clear|no difference/.test(l))!;
    expect(diffRow.match(/(not clear|clear), (better|worse)|no difference/g)).toHaveLength(3);
    expect(diffRow).toMatch(/0\.\d{3} \[0\.\d{3}, 0\.\d{3}\] {2}clear, better/); // follow-up: more meetings attended
    expect(out).toContain('Cost-effectiveness against the baseline, all 300 people');
    for (const row of ['extra cost per person', '  advisor time', '  services', 'extra people in work at the end', 'cost per extra person in work', 'extra person-years in work', 'cost per extra person-year in work']) {
      expect(out).toMatch(new RegExp(`^${row} {2,}\\S`, 'm'));
    }
    expect(out).toMatch(/^Cost per extra person in work at the end, by group \(NOK\)$/m);
    expect(out).toMatch(/^refugee +(not defined|-?\d+ \[)/m);
    // a ratio that is not defined says why, in a note
    if (/not defined \(1\)/.test(out)) expect(out).toMatch(/^\(1\) [^:]+: .*/m);
  });

  it('--json prints one object with every arm’s policy, full knobs and changes; the baseline is compare’s', () => {
    const r = compareArms(...ARMS, '--json');
    expect(r.status, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)).toEqual(['scenario', 'title', 'seed', 'weeks', 'agents', 'replications', 'changes', 'baseline', 'variants']);
    expect(j).toMatchObject({ scenario: 'classroom', seed: 1, weeks: 52, agents: 300, replications: 3, changes: { weeks: 52, replications: 3 } });
    expect(j.baseline).toMatchObject({ label: 'standardised', policy: 'standardised', overrides: {}, knobs: STANDARDISED, changes: {} });
    expect(j.variants.map((v: { label: string }) => v.label)).toEqual(['fewer cases', 'follow-up', 'personalised']);
    expect(j.variants[0]).toMatchObject({ policy: 'standardised', overrides: {}, knobs: STANDARDISED, changes: { 'office.caseload': 35 } });
    expect(j.variants[1]).toMatchObject({ policy: 'standardised', overrides: { followUp: 0.8 }, knobs: { ...STANDARDISED, followUp: 0.8 }, changes: {} });
    const v = j.variants[2];
    expect(Object.keys(v)).toEqual(['label', 'policy', 'overrides', 'knobs', 'changes', 'summary', 'byGroup', 'difference', 'verdicts', 'cost']);
    expect(v.difference.of).toEqual(['standardised', 'personalised']);
    expect(v.difference.replicates).toHaveLength(3);
    expect(v.verdicts[0]).toEqual({ metric: 'employedShare', ...v.difference.summary.employedShare, clear: expect.any(Boolean), change: expect.any(String), judgement: expect.any(String) });
    expect(Object.keys(v.cost.all)).toEqual(['extraCostPerPerson', 'extraCost', 'extraEmployed', 'extraEmployedYears', 'perExtraEmployed', 'perExtraEmployedYear']);
    expect(Object.keys(v.cost.byGroup)).toEqual(Object.keys(j.baseline.byGroup));
    expect(v.cost.all.perExtraEmployed.total).toHaveProperty('defined');
    // common random numbers: the same numbers as compare for the same policies and settings
    const c = JSON.parse(pathways(['compare', '--scenario', 'classroom', ...SMALL, '--policies', 'standardised,personalised', '--json']).stdout);
    expect(j.baseline.summary).toEqual(c.policies.standardised.summary);
    expect(v.summary).toEqual(c.policies.personalised.summary);
    expect(v.difference.summary).toEqual(c.difference);
  });

  it('--out DIR writes compare.json, the --json object', () => {
    const out = join(tmp.dir, 'arms-out');
    const r = compareArms('--arm', 'standardised', '--arm', 'personalised', '--out', out);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^wrote 1 file to .*arms-out: compare\.json$/m);
    const j = JSON.parse(readFileSync(join(out, 'compare.json'), 'utf8'));
    expect(j.variants[0].label).toBe('personalised');
    expect(existsSync(join(out, 'summary.csv'))).toBe(false);
  });
});

describe('pathways compare --arms', () => {
  it('reads a comparison file and the shipped comparison by name', () => {
    const file = writeJson(join(tmp.dir, 'c.json'), {
      scenario: 'classroom', description: 'Two ways to more meetings.',
      baseline: 'standardised',
      variants: [{ label: 'more meetings', policy: 'standardised', knobs: { meetingIntensity: 2 } }, { label: 'more advisors', policy: 'standardised', changes: { 'office.advisorsPer1000': 12 } }],
    });
    const r = compareArms('--arms', file, '--json');
    expect(r.status, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.description).toBe('Two ways to more meetings.');
    expect(j.variants.map((v: { label: string; changes: object }) => [v.label, v.changes])).toEqual([['more meetings', {}], ['more advisors', { 'office.advisorsPer1000': 12 }]]);
    expect(j.variants[0].knobs.meetingIntensity).toBe(2);
    const text = compareArms('--arms', file);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^Two ways to more meetings\.$/m);
    const shipped = pathways(['compare', '--scenario', 'classroom', '--agents', '300', '--weeks', '52', '--replications', '2', '--arms', 'classroom']);
    expect(shipped.status, shipped.stderr).toBe(0);
    expect(shipped.stdout).toMatch(/^ {2}variant 1 {2}half the caseload {2}standardised with office\.caseload = 35$/m);
  });

  it('refuses a bad file with one line naming the field', () => {
    const bad = (name: string, raw: unknown) => expectUsageError(compareArms('--arms', writeJson(join(tmp.dir, name), raw)));
    expect(bad('k.json', { baseline: 'standardised', variants: [{ policy: 'standardised', knobs: { folowUp: 0.8 } }] }))
      .toMatch(/^pathways: comparison .*k\.json: variants\[0\]\.knobs\.folowUp: is not a knob \(did you mean followUp\?\); knobs: /);
    expect(bad('n.json', { baseline: 'standardised', variants: ['personalised', 'personalised', 'personalised', 'personalised'] }))
      .toMatch(/^pathways: comparison .*n\.json: variants: has 4 items; expected at most 3$/);
    expect(bad('s.json', { scenario: 'mixed-office', baseline: 'standardised', variants: ['personalised'] }))
      .toMatch(/^pathways: comparison .*s\.json: scenario: "mixed-office" is not the scenario given \("classroom"\)/);
    expect(bad('p.json', { baseline: 'standardised', variants: [{ policy: 'standardised', changes: { 'office.caseload': 0 } }] }))
      .toMatch(/^pathways: comparison .*p\.json: variants\[0\]\.changes\.office\.caseload: 0 is not allowed; expected an integer from 1 to 1000/);
    expect(bad('l.json', { baseline: { label: 'x', policy: 'standardised' }, variants: [{ label: 'x', policy: 'personalised' }] }))
      .toMatch(/^pathways: comparison .*l\.json: variants\[0\]\.label: "x" is the label of the baseline too/);
    expect(bad('j.json', '{ "baseline": ')).toMatch(/^pathways: comparison file .*j\.json: /);
    expect(expectUsageError(compareArms('--arms', 'nosuch'))).toBe('pathways: comparison "nosuch" is neither a shipped comparison nor a file; shipped: classroom');
  });
});

describe('pathways compare --arm: bad input', () => {
  const bad = (...args: string[]) => {
    const r = compareArms(...args);
    expect(r.stdout).toBe('');
    return expectUsageError(r);
  };

  it('one line naming the arm as typed, exit 2', () => {
    expect(bad('--arm', 'standardised')).toMatch(/^pathways: --arm: given once; give the baseline and 1 to 3 variants/);
    expect(bad('--arm', 'a=standardised', '--arm', 'b=personalised', '--arm', 'c=personalised,followUp=1', '--arm', 'd=standardised,offerRate=0.1', '--arm', 'e=personalised'))
      .toBe('pathways: --arm: given 5 times, a baseline and 4 variants; a comparison has at most 3 variants besides the baseline');
    expect(bad('--arm', 'a=standardised', '--arm', 'b=persnalised')).toBe('pathways: --arm "b=persnalised": "persnalised" is not a policy of scenario classroom; known: standardised, personalised');
    expect(bad('--arm', 'a=standardised', '--arm', 'b=standardised,folowUp=0.8')).toMatch(/^pathways: --arm "b=standardised,folowUp=0\.8": folowUp is not a knob \(did you mean followUp\?\); knobs: priorityByNeed, /);
    expect(bad('--arm', 'a=standardised', '--arm', 'b=standardised,followUp=2')).toBe('pathways: --arm "b=standardised,followUp=2": followUp: 2 is not allowed; expected a number from 0 to 1');
    expect(bad('--arm', 'a=standardised', '--arm', 'b=standardised,office.casload=30')).toMatch(/^pathways: --arm "b=standardised,office\.casload=30": office\.casload: "casload" is not a field of office \(did you mean caseload\?\)/);
    expect(bad('--arm', 'a=standardised', '--arm', 'b=standardised,office.caseload=5000')).toBe('pathways: --arm "b=standardised,office.caseload=5000": office.caseload: 5000 is not allowed; expected an integer from 1 to 1000 (people per advisor)');
    expect(bad('--arm', 'a=standardised', '--arm', 'b=personalised,groups.refugee.share=0.9')).toMatch(/^pathways: --arm "b=personalised,groups\.refugee\.share=0\.9": these changes make scenario classroom invalid: groups: shares add up to/);
    expect(bad('--arm', 'a=standardised', '--arm', 'a=personalised')).toBe('pathways: --arm "a=personalised": "a" is the label of the baseline too; each arm needs a label of its own');
    expect(bad('--arm', 'standardised', '--arm', 'standardised')).toMatch(/^pathways: --arm "standardised": "standardised" is the label of the baseline too; .*\(give one: this arm has the same policy, knobs and changes\)$/);
    expect(bad('--arm', 'a=standardised', '--arm', 'b=standardised,followUp=high')).toMatch(/^pathways: --arm "b=standardised,followUp=high": followUp: "high" is not a number; expected \[LABEL=\]POLICY/);
    expect(bad('--arm', 'a=standardised', '--arm', 'b=standardised,weeks=10')).toBe('pathways: --arm "b=standardised,weeks=10": weeks is a setting of the run, the same for every arm: use --weeks');
    expect(bad('--arm', '=standardised', '--arm', 'personalised')).toMatch(/^pathways: --arm "=standardised": the label before "=" is empty/);
    expect(bad('--arm', 'standardised', '--arm', 'personalised', '--policies', 'standardised,personalised')).toBe('pathways: --policies: not allowed with --arm; give each policy as an arm');
    expect(bad('--arm', 'standardised', '--arm', 'personalised', '--arms', 'classroom')).toMatch(/^pathways: --arms: not allowed with --arm;/);
    expect(bad('--arm', 'standardised', '--arm', 'personalised', '--format', 'json')).toMatch(/^pathways: --format: not allowed with --arm;/);
    const r = pathways(['compare', '--scenario', 'classroom', '--agents', '3', '--arm', 'standardised', '--arm', 'personalised']);
    expect(expectUsageError(r)).toMatch(/^pathways: --agents: "3" is not allowed; scenario classroom has 5 personas/);
  });
});
