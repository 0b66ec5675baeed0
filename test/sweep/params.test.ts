/** Sweep parameters: one-line errors for bad names, values and ranges; overrides reach the model. */
import { describe, expect, it } from 'vitest';
import { runReplicate } from '../../sim/ensemble.ts';
import { outputGroupNames } from '../../sim/record.ts';
import { loadScenario } from '../../sim/load.ts';
import { InputError } from '../../sim/errors.ts';
import { makeRunner, planSweep, prepare, type SweepSpec } from '../../sim/sweep/index.ts';

const small = { scenario: 'classroom', agents: 300, weeks: 52, replications: 1 };

function errorOf(spec: Partial<SweepSpec>): string {
  try {
    planSweep({ ...small, ...spec } as SweepSpec);
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    const msg = (err as Error).message;
    expect(msg).not.toMatch(/\n/);
    return msg;
  }
  throw new Error('no error');
}

describe('parameter errors are one line', () => {
  it.each([
    [['office.casload=1,2'], /--vary: office\.casload: "casload" is not a field of office \(did you mean caseload\?\)/],
    [['nothing.here=1,2'], /"nothing" is not a field of the scenario/],
    [['knobs.exploratoin=0:1:0.5'], /--vary: knobs\.exploratoin: is not a knob \(did you mean knobs\.exploration\?\); knobs: priorityByNeed/],
    [['groups.martians.language=0.5'], /groups has no item with name "martians"; groups: native-rights/],
    [['groups.refugee.route=1'], /groups\.refugee\.route: is not a number field/],
    [['office=1'], /office: is not a number field; it takes an object/],
    [['seed=1,2'], /seed: cannot be varied; use --seed/],
    [['knobs.exploration=0:2:0.5'], /--vary: knobs\.exploration: 2 is not allowed; expected a number from 0 to 1$/],
    [['office.caseload=0,70'], /--vary: office\.caseload: 0 is not allowed; expected an integer from 1 to 1000/],
    [['office.caseload=35.5,70'], /office\.caseload: 35\.5 is not allowed; expected an integer/],
    [['knobs.exploration=low,high'], /--vary: "knobs\.exploration=low,high" is not allowed; "low" is not a number/],
    [['knobs.exploration=0:1:x'], /"x" is not a number/],
    [['knobs.exploration'], /expected NAME=lo:hi:step or NAME=v1,v2/],
    [['knobs.exploration=1:0:0.1'], /lo 1 is above hi 0/],
    [['knobs.exploration=0:1:0'], /the step must be above 0/],
    [['knobs.exploration=0:1'], /a range on a grid needs a step/],
    [['knobs.exploration=0.5,0.5'], /0\.5 is given more than once/],
    [['knobs.exploration=0,1', 'knobs.exploration=0.5'], /knobs\.exploration is given more than once/],
    [['labourMarket.vacanciesPer1000.3=1'], /"3" is not a position in labourMarket\.vacanciesPer1000; expected 0 to 2/],
  ])('%j', (vary, message) => {
    expect(errorOf({ vary })).toMatch(message);
  });

  it('reports the schema’s error for a point that breaks the scenario', () => {
    expect(errorOf({ vary: ['groups.refugee.share=0.1,0.5'] })).toMatch(/--vary: at groups\.refugee\.share=0\.1: scenario classroom: groups: shares add up to/);
  });

  it('checks policies, metrics, samples and settings', () => {
    expect(errorOf({ policies: ['standardised', 'nope'] })).toMatch(/--policies: "nope" is not a policy of scenario classroom; known: standardised, personalised/);
    expect(errorOf({ metrics: ['employedShar'] })).toMatch(/--metrics: "employedShar" is not a metric \(did you mean employedShare\?\)/);
    expect(errorOf({ metrics: ['employedShareByYear.2'] })).toMatch(/--metrics: "employedShareByYear\.2" is not allowed; a run of \d+ weeks has 1 whole year, so the year must be 1$/);
    expect(errorOf({ metrics: ['costPerPerson.1'] })).toMatch(/costPerPerson is a single number/);
    expect(errorOf({ vary: ['knobs.exploration=0:1'], design: { kind: 'lhs', samples: 0 } })).toMatch(/--samples: 0 is not allowed/);
    expect(errorOf({ design: { kind: 'lhs', samples: 3 } })).toMatch(/needs at least one --vary/);
    expect(errorOf({ agents: 3 })).toMatch(/--agents: "3" is not allowed; scenario classroom has 5 personas/);
    expect(errorOf({ vary: ['weeks=52,104'], weeks: 52 })).toMatch(/weeks is varied, so --weeks cannot be given too/);
    expect(errorOf({ design: { kind: 'points', points: [{ 'knobs.exploration': 0.1 }, { 'office.caseload': 3 }] } })).toMatch(/point 1 has parameters office\.caseload; every point needs exactly knobs\.exploration/);
  });
});

describe('parameters reach the model', () => {
  const s = loadScenario('classroom');
  const baseline = (policy: string, r: number) => runReplicate(s, policy, r, { agents: 300, weeks: 52, seed: s.seed }).summary.all;
  const value = (rows: [string, string, number | null][], metric: string) => rows.find((x) => x[1] === metric)?.[2];

  it('a knob or field set to its own value changes nothing; another value does', () => {
    // standardised has exploration 0.1; classroom's office has caseload 70 (the default)
    expect(s.office.caseload).toBe(70);
    const { plan, base } = prepare({ ...small, policies: ['standardised'], vary: ['knobs.exploration=0.1,0.9', 'office.caseload=70,20'] });
    const run = makeRunner(plan, base);
    const b = baseline('standardised', 0);
    expect(plan.points[0]).toEqual({ 'knobs.exploration': 0.1, 'office.caseload': 70 });
    const same = run(0);
    expect(value(same, 'employedShare')).toBe(b.employedShare);
    expect(value(same, 'costPerPerson')).toBe(b.costPerPerson);
    expect(value(same, 'employedShareByYear.1')).toBe((b.employedShareByYear as number[])[0]);
    const other = [run(1), run(2), run(3)].map((rows) => value(rows, 'attendanceRate'));
    expect(other.some((v) => v !== b.attendanceRate)).toBe(true);
  });

  it('keeps the chosen metrics and groups, in order', () => {
    const { plan, base } = prepare({ ...small, metrics: ['costPerPerson', 'employedShareByYear'], groups: 'every' });
    const rows = makeRunner(plan, base)(1);
    const groups = [...new Set(rows.map((r) => r[0]))];
    expect(groups).toEqual(outputGroupNames(s));
    expect(rows.slice(0, 2).map((r) => r[1])).toEqual(['costPerPerson', 'employedShareByYear.1']);
    expect(rows).toHaveLength(groups.length * 2);
    const b = baseline('personalised', 0);
    expect(rows.find((r) => r[0] === 'all' && r[1] === 'costPerPerson')?.[2]).toBe(b.costPerPerson);
  });
});
