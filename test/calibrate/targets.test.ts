/** Targets as files: parsing with field-level errors, checks against the scenario, and evaluation that agrees with `compare`. */
import { describe, expect, it } from 'vitest';
import { SHIPPED } from '../../scenarios/index.ts';
import { SHIPPED_TARGETS } from '../../scenarios/targets/index.ts';
import {
  bandCheck, checkTargets, evaluateTargets, isDifference, parseTargets, sidesOf, targetSettings, type TargetFile,
} from '../../sim/calibrate/targets.ts';
import { compare, runReplicate } from '../../sim/ensemble.ts';
import { ValidationError } from '../../sim/errors.ts';
import { parseScenario } from '../../sim/scenario.ts';

const classroom = parseScenario(SHIPPED.classroom);

/** A valid target for the classroom; `over` replaces fields. */
function target(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'refugees-year-2',
    statement: 'About a third of refugees are in work after two years.',
    source: { citation: 'A publisher, A title', year: 2020, location: 'table 1' },
    quantity: { metric: 'employedShareByYear.2', group: 'refugee', policy: 'standardised' },
    value: 0.3,
    band: [0.2, 0.4],
    bandKind: 'translation',
    bandNote: 'a judgement',
    use: 'fit',
    translation: 'a registered cohort against a population rate',
    ...over,
  };
}
const file = (...targets: Record<string, unknown>[]) => ({ scenario: 'classroom', targets: targets.length ? targets : [target()] });

/** The field errors of parsing `raw`, as `path: message` lines without the source. */
function parseErrors(raw: unknown): string[] {
  try {
    parseTargets(raw, 'targets t.json');
  } catch (err) {
    expect(err).toBeInstanceOf(ValidationError);
    return (err as ValidationError).errors.map((e) => `${e.path}: ${e.message}`);
  }
  return [];
}

/** The field errors of checking `raw` against the classroom (weeks as the scenario's, 156). */
function checkErrors(raw: unknown, weeks = classroom.weeks): string[] {
  const t = parseTargets(raw);
  try {
    checkTargets(t, classroom, { weeks }, 'targets t.json');
  } catch (err) {
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).lines.every((l) => l.startsWith('targets t.json: '))).toBe(true);
    return (err as ValidationError).errors.map((e) => `${e.path}: ${e.message}`);
  }
  return [];
}

describe('parseTargets', () => {
  it('fills in defaults and gives both forms of a quantity one shape', () => {
    const t = parseTargets(file(
      target(),
      target({ id: 'gap', quantity: { metric: 'employedShare', difference: { A: 'standardised', B: { policy: 'personalised', knobs: { followUp: 0.5 }, group: 'youth' } } }, value: 0, band: [-0.1, 0.1] }),
    ));
    expect(t.scenario).toBe('classroom');
    const [level, diff] = t.targets;
    expect(level.weight).toBe(1);
    expect(level.quantity).toEqual({ metric: 'employedShareByYear.2', group: 'refugee', policy: 'standardised', knobs: {}, changes: {} });
    expect(isDifference(level.quantity)).toBe(false);
    expect(isDifference(diff.quantity)).toBe(true);
    expect(sidesOf(diff.quantity)).toEqual([
      { policy: 'standardised', knobs: {}, changes: {}, group: 'all' },
      { policy: 'personalised', knobs: { followUp: 0.5 }, changes: {}, group: 'youth' },
    ]);
  });

  it('accepts `$schema` (for editors) and ignores it; refuses one that is not a string', () => {
    const raw = { $schema: '../../schemas/targets.schema.json', ...file() };
    expect(parseTargets(raw)).toEqual(parseTargets(file()));
    expect(parseErrors({ ...raw, $schema: 3 })).toEqual(['$schema: 3 is not allowed; expected the path or address of a JSON Schema']);
  });

  it('names the field of every problem, with the value and what is allowed', () => {
    expect(parseErrors([])).toEqual(['(file): [] is not allowed; expected a JSON object with the fields scenario, targets']);
    expect(parseErrors({ scenario: 'classroom', targets: [] })).toEqual(['targets: has 0 items; expected at least 1']);
    const { translation: _t, ...noTranslation } = target();
    expect(parseErrors(file(noTranslation))).toEqual(['targets[0].translation: is missing; expected a non-empty string']);
    expect(parseErrors(file(target({ use: 'train' })))).toEqual(['targets[0].use: "train" is not allowed; expected one of "fit", "holdout"']);
    expect(parseErrors(file(target({ bandKind: 'guess' })))).toEqual(['targets[0].bandKind: "guess" is not allowed; expected one of "interval", "range", "translation"']);
    expect(parseErrors(file(target({ colour: 'red' })))[0]).toMatch(/^targets\[0\]\.colour: is not a known field; known fields here: id, statement, statementNb, source, quantity, value, band, bandKind, bandNote, bandNoteNb, weight, use, translation, translationNb, notes, notesNb$/);
    expect(parseErrors(file(target({ source: { citation: 'x', location: 'p. 3' } })))).toEqual(['targets[0].source.year: is missing; expected an integer from 1900 to 2100 (year)']);
    expect(parseErrors(file(target({ weight: -1 })))).toEqual(['targets[0].weight: -1 is not allowed; expected a number from 0 to 1000 (weight)']);
    expect(parseErrors(file(target({ id: 'bad id' })))).toEqual(['targets[0].id: "bad id" is not allowed; expected letters, digits and hyphens']);
    expect(parseErrors(file(target(), target()))).toEqual(['targets[1].id: "refugees-year-2" is used by another target; ids must be unique']);
  });

  it('refuses a band that is not around the value, and shares outside 0..1 (−1..1 for a difference)', () => {
    expect(parseErrors(file(target({ band: [0.4, 0.2] })))).toEqual(['targets[0].band: [0.4,0.2] is not allowed; expected [lo, hi] with lo below hi']);
    expect(parseErrors(file(target({ band: [0.35, 0.4] })))).toEqual(['targets[0].band: [0.35,0.4] does not hold the value 0.3; the band must lie around the published value']);
    expect(parseErrors(file(target({ band: [0.2] })))).toEqual(['targets[0].band: has 1 items; expected exactly 2']);
    expect(parseErrors(file(target({ value: 30, band: [20, 40] })))).toEqual([
      'targets[0].value: 30 is not allowed for employedShareByYear.2; expected a share, as a fraction from 0 to 1 (0.46 for 46 %)',
      'targets[0].band: [20,40] is not allowed for employedShareByYear.2; expected edges that are a share, as a fraction from 0 to 1 (0.46 for 46 %)',
    ]);
    const diff = { metric: 'employedShare', difference: { A: 'standardised', B: 'personalised' } };
    expect(parseErrors(file(target({ quantity: diff, value: -0.2, band: [-0.3, -0.1] })))).toEqual([]);
    expect(parseErrors(file(target({ quantity: diff, value: -2, band: [-3, -1] })))[0]).toMatch(/^targets\[0\]\.value: -2 is not allowed for employedShare; expected a difference of shares/);
    // not a share: any number in the metric's units
    expect(parseErrors(file(target({ quantity: { metric: 'medianWeeksToFirstJob', policy: 'standardised' }, value: 60, band: [50, 70] })))).toEqual([]);
  });

  it('refuses unknown metrics, a metric by year without its year, and malformed quantities', () => {
    expect(parseErrors(file(target({ quantity: { metric: 'employedShar', policy: 'standardised' } })))[0])
      .toMatch(/^targets\[0\]\.quantity\.metric: "employedShar" is not a metric; expected one of employedShare, /);
    expect(parseErrors(file(target({ quantity: { metric: 'employedShareByYear', policy: 'standardised' } }))))
      .toEqual(['targets[0].quantity.metric: "employedShareByYear" is not allowed; employedShareByYear is a metric by year: give the year after a dot, e.g. employedShareByYear.1 for the end of year 1']);
    expect(parseErrors(file(target({ quantity: { metric: 'employedShare' } })))).toEqual(['targets[0].quantity.policy: is missing; expected a non-empty string']);
    expect(parseErrors(file(target({ quantity: 'employedShare' })))[0]).toMatch(/^targets\[0\]\.quantity: "employedShare" is not allowed; expected a level \{/);
    const { quantity: _q, ...noQuantity } = target();
    expect(parseErrors(file(noQuantity))[0]).toMatch(/^targets\[0\]\.quantity: is missing; expected a level \{/);
    expect(parseErrors(file(target({ quantity: { metric: 'employedShare', policy: 'standardised', knobs: { exploraton: 1 } } })))[0])
      .toMatch(/^targets\[0\]\.quantity\.knobs\.exploraton: is not a known field/);
    expect(parseErrors(file(target({ quantity: { metric: 'employedShare', policy: 'standardised', knobs: { followUp: 2 } } }))))
      .toEqual(['targets[0].quantity.knobs.followUp: 2 is not allowed; expected a number from 0 to 1']);
    // a difference has no policy of its own; a side is a policy name or an object
    expect(parseErrors(file(target({ quantity: { metric: 'employedShare', policy: 'standardised', difference: { A: 'standardised', B: 'personalised' } } })))[0])
      .toMatch(/^targets\[0\]\.quantity\.policy: is not a known field; known fields here: metric, group, difference/);
    expect(parseErrors(file(target({ quantity: { metric: 'employedShare', difference: { A: 'standardised', B: 7 } } }))))
      .toEqual(['targets[0].quantity.difference.B: 7 is not allowed; expected a policy name or an object { "policy": NAME, "knobs": {...}, "changes": {...}, "group": NAME }']);
    expect(parseErrors(file(target({ quantity: { metric: 'employedShare', difference: { A: 'standardised' } } }))))
      .toEqual(['targets[0].quantity.difference.B: is missing; expected a policy name or an object { "policy": NAME, "knobs": {...}, "changes": {...}, "group": NAME }']);
    expect(parseErrors(file(target({ quantity: { metric: 'employedShare', policy: 'standardised', changes: { 'office.caseload': 'many' } } }))))
      .toEqual(['targets[0].quantity.changes.office.caseload: "many" is not allowed; expected a number from -1000000000000 to 1000000000000 (the field’s unit)']);
  });
});

describe('checkTargets (against the scenario)', () => {
  it('refuses unknown policies and groups, naming the side', () => {
    expect(checkErrors(file(target({ quantity: { metric: 'employedShare', policy: 'standardized' } }))))
      .toEqual(['targets[0].quantity.policy: "standardized" is not a policy of scenario classroom; known: standardised, personalised']);
    expect(checkErrors(file(target({ quantity: { metric: 'employedShare', group: 'refugees', policy: 'standardised' } }))))
      .toEqual([`targets[0].quantity.group: "refugees" is not a group of scenario classroom; expected one of ${['native-rights', 'native-no-rights', 'refugee', 'family-reunified', 'labour-immigrant', 'eu-citizen', 'youth', 'withBenefitRights', 'withoutBenefitRights', 'women', 'men', 'all'].join(', ')}`]);
    const diff = (B: unknown, group?: string) => target({ quantity: { metric: 'employedShare', ...(group ? { group } : {}), difference: { A: 'standardised', B } }, value: 0, band: [-0.1, 0.1] });
    expect(checkErrors(file(diff({ policy: 'rotating' }))))
      .toEqual(['targets[0].quantity.difference.B.policy: "rotating" is not a policy of scenario classroom; known: standardised, personalised']);
    expect(checkErrors(file(diff({ policy: 'personalised', group: 'elderly' })))[0]).toMatch(/^targets\[0\]\.quantity\.difference\.B\.group: "elderly" is not a group of scenario classroom/);
    expect(checkErrors(file(diff('personalised', 'elderly')))[0]).toMatch(/^targets\[0\]\.quantity\.group: "elderly" is not a group/);
    expect(checkErrors(file(diff('standardised'))))
      .toEqual(['targets[0].quantity.difference.B: gives the same setting and group as A, so the difference is zero by definition; change the policy, knobs, changes or group of one side']);
    // the same setting for two groups is a difference
    expect(checkErrors(file(diff({ policy: 'standardised', group: 'youth' })))).toEqual([]);
  });

  it('refuses a year the run does not reach, and targets for another scenario', () => {
    const y5 = target({ quantity: { metric: 'employedShareByYear.5', policy: 'standardised' } });
    expect(checkErrors(file(y5))).toEqual(['targets[0].quantity.metric: "employedShareByYear.5" is not allowed; a run of 156 weeks has 3 whole years, so the year must be 1 to 3']);
    expect(checkErrors(file(y5), 260)).toEqual([]);
    expect(checkErrors({ ...file(), scenario: 'mixed-office' }))
      .toEqual(['scenario: "mixed-office" is not the scenario given ("classroom"); run these targets with --scenario mixed-office, or a scenario file whose name is mixed-office']);
  });

  it('checks the paths and values of `changes` against the scenario schema', () => {
    const changes = (c: Record<string, unknown>) => checkErrors(file(target({ quantity: { metric: 'employedShare', policy: 'standardised', changes: c } })));
    expect(changes({ 'office.advisorsPer1000': 12, 'groups.refugee.language': 0.6, 'services.languageCourse.weeks': 20 })).toEqual([]);
    expect(changes({ 'office.advisorsPr1000': 12 })[0])
      .toMatch(/^targets\[0\]\.quantity\.changes\.office\.advisorsPr1000: "advisorsPr1000" is not a field of office \(did you mean advisorsPer1000\?\); fields: /);
    expect(changes({ 'groups.refugees.language': 0.6 })[0]).toMatch(/^targets\[0\]\.quantity\.changes\.groups\.refugees\.language: groups has no item with name "refugees" \(did you mean refugee\?\)/);
    expect(changes({ 'office.caseload': 0 })).toEqual(['targets[0].quantity.changes.office.caseload: 0 is not allowed; expected an integer from 1 to 1000 (people per advisor)']);
    expect(changes({ 'office.caseload': 70.5 })).toEqual(['targets[0].quantity.changes.office.caseload: 70.5 is not allowed; expected an integer from 1 to 1000 (people per advisor)']);
    expect(changes({ 'groups.refugee.facesDiscrimination': 0 })).toEqual(['targets[0].quantity.changes.groups.refugee.facesDiscrimination: is not a number field or a list of words; it takes true or false']);
    expect(changes({ agents: 100 })).toEqual(['targets[0].quantity.changes.agents: cannot be changed by a target; agents is a setting of the run (the options or the scenario’s)']);
    expect(changes({ 'knobs.followUp': 0.5 })).toEqual(['targets[0].quantity.changes.knobs.followUp: is not a scenario field; give knob overrides in targets[0].quantity.knobs']);
    expect(changes({ 'groups.refugee.share': 0.5 })).toEqual(['targets[0].quantity.changes: make scenario classroom invalid: groups: shares add up to 1.36; they must add up to 1']);
  });

  it('plans one variant per distinct setting: sides with the same knobs and changes share it', () => {
    const t = parseTargets(file(
      target(),
      target({ id: 'b', quantity: { metric: 'employedShare', group: 'youth', policy: 'standardised', knobs: { followUp: 0.05 } } }),
      target({ id: 'c', quantity: { metric: 'medianWeeksToFirstJob', difference: { A: 'standardised', B: { policy: 'standardised', changes: { 'office.advisorsPer1000': 12 } } } }, value: -2, band: [-4, 0] }),
      target({ id: 'd', quantity: { metric: 'employedShare', difference: { A: { policy: 'standardised', group: 'youth' }, B: { policy: 'standardised', group: 'refugee' } } }, value: 0, band: [-0.2, 0.2] }),
    ));
    const plan = checkTargets(t, classroom, classroom);
    // standardised's followUp is 0.05, so target b's knobs give the same setting
    expect(plan.variants.map((v) => v.label)).toEqual(['standardised', 'standardised with office.advisorsPer1000 = 12']);
    expect(plan.sides).toEqual([[0], [0], [0, 1], [0, 0]]);
    expect(plan.variants[1].scenario.office.advisorsPer1000).toBe(12);
    expect(plan.variants[0].scenario).toBe(classroom);
  });
});

describe('evaluateTargets', () => {
  const settings = targetSettings(classroom, { agents: 300, replications: 3 });
  const targets: TargetFile = parseTargets(file(
    target(),
    target({ id: 'effect', quantity: { metric: 'employedShare', difference: { A: 'standardised', B: 'personalised' } }, value: 0.05, band: [0.01, 0.09], use: 'holdout' }),
    target({ id: 'gap', quantity: { metric: 'overqualifiedShare', difference: { A: { policy: 'personalised', group: 'native-rights' }, B: { policy: 'personalised', group: 'eu-citizen' } } }, value: 0.2, band: [0.1, 0.3] }),
    target({ id: 'advisors', quantity: { metric: 'medianWeeksToFirstJob', difference: { A: 'standardised', B: { policy: 'standardised', changes: { 'office.advisorsPer1000': 12 } } } }, value: -2, band: [-4, 0], use: 'holdout' }),
  ));
  const calls: [number, number][] = [];
  const r = evaluateTargets(classroom, targets, settings, { onProgress: (done, total) => calls.push([done, total]) });
  const cmp = compare(classroom, ['standardised', 'personalised'], { agents: 300, replications: 3 }).result;

  it('runs each distinct setting once per replication', () => {
    expect(r.variants.map((v) => v.label)).toEqual(['standardised', 'personalised', 'standardised with office.advisorsPer1000 = 12']);
    expect(calls.length).toBe(9);
    expect(calls.at(-1)).toEqual([9, 9]);
    expect(r.settings).toEqual({ agents: 300, weeks: 156, seed: 1, replications: 3 });
    // 300 agents is the classroom's own size
    expect(r.changes).toEqual({ replications: 3 });
  });

  it('gives a level exactly as compare does (same seeds): mean and interval', () => {
    const est = cmp.policies.standardised.byGroup.refugee.employedShareByYear as { mean: number[]; ci95: [number[], number[]] };
    expect(r.targets[0].model.mean).toBe(est.mean[1]);
    expect(r.targets[0].model.ci95).toEqual([est.ci95[0][1], est.ci95[1][1]]);
    expect(r.targets[0].model.values).toHaveLength(3);
  });

  it('gives a difference of policies exactly as compare’s paired difference', () => {
    const d = cmp.difference.employedShare as { mean: number; ci95: [number, number] };
    expect(r.targets[1].model.mean).toBe(d.mean);
    expect(r.targets[1].model.ci95).toEqual(d.ci95);
  });

  it('gives a difference of groups and of scenario changes from the same replicates as runReplicate', () => {
    const changed = parseScenario({ ...(SHIPPED.classroom as Record<string, unknown>), office: { advisorsPer1000: 12 } });
    const run = { agents: 300, weeks: 156, seed: 1 };
    for (let k = 0; k < 3; k++) {
      const p = runReplicate(classroom, 'personalised', k, run).summary;
      expect(r.targets[2].model.values[k]).toBe((p['eu-citizen'].overqualifiedShare as number) - (p['native-rights'].overqualifiedShare as number));
      const a = runReplicate(classroom, 'standardised', k, run).summary.all.medianWeeksToFirstJob as number;
      const b = runReplicate(changed, 'standardised', k, run).summary.all.medianWeeksToFirstJob as number;
      expect(r.targets[3].model.values[k]).toBe(b - a);
    }
  });

  it('says whether the mean lies in the band, by how much it misses, and counts fit and held-out targets apart', () => {
    for (const t of r.targets) {
      const [lo, hi] = t.band;
      expect(t.withinBand).toBe(t.model.mean >= lo && t.model.mean <= hi);
      expect(t.error).toBeCloseTo(t.model.mean - t.value, 12);
      expect(t.miss).toBe(t.withinBand ? 0 : t.model.mean > hi ? t.model.mean - hi : t.model.mean - lo);
    }
    const count = (use: string) => ({ within: r.targets.filter((t) => t.use === use && t.withinBand).length, total: r.targets.filter((t) => t.use === use).length });
    expect(r.fit).toEqual(count('fit'));
    expect(r.holdout).toEqual(count('holdout'));
    expect(r.fit.total + r.holdout.total).toBe(4);
    expect(r.targets[0].quantityText).toBe('employedShareByYear.2 of refugee under standardised');
    expect(r.targets[3].quantityText).toBe('medianWeeksToFirstJob: all under standardised with office.advisorsPer1000 = 12 minus all under standardised');
  });

  it('bandCheck: edges are within, a miss is signed', () => {
    expect(bandCheck(0.2, [0.2, 0.4])).toEqual({ withinBand: true, miss: 0 });
    expect(bandCheck(0.4, [0.2, 0.4])).toEqual({ withinBand: true, miss: 0 });
    expect(bandCheck(0.5, [0.2, 0.4]).withinBand).toBe(false);
    expect(bandCheck(0.5, [0.2, 0.4]).miss).toBeCloseTo(0.1, 12);
    expect(bandCheck(0.1, [0.2, 0.4]).miss).toBeCloseTo(-0.1, 12);
  });

  it('checks the file before anything runs', () => {
    let runs = 0;
    const bad = parseTargets(file(target({ quantity: { metric: 'employedShare', policy: 'nope' } })));
    expect(() => evaluateTargets(classroom, bad, settings, { onProgress: () => runs++ })).toThrow(ValidationError);
    expect(runs).toBe(0);
  });
});

describe('the shipped target files', () => {
  const parsed = Object.entries(SHIPPED_TARGETS).map(([name, raw]) => [name, parseTargets(raw, `targets ${name}`)] as const);

  it('are named by their scenario, and each validates against it', () => {
    for (const [name, t] of parsed) {
      expect(t.scenario).toBe(name);
      const s = parseScenario(SHIPPED[name]);
      expect(() => checkTargets(t, s, s, `targets ${name}`)).not.toThrow();
    }
  });

  it('hold at least 15 targets, at least 4 held out, each with a sourced figure, a band and a translation', () => {
    const all = parsed.flatMap(([, t]) => t.targets);
    expect(all.length).toBeGreaterThanOrEqual(15);
    expect(all.filter((t) => t.use === 'holdout').length).toBeGreaterThanOrEqual(4);
    expect(all.filter((t) => t.use === 'fit').length).toBeGreaterThanOrEqual(8);
    for (const [name, t] of parsed) expect(t.targets.length, name).toBeGreaterThanOrEqual(4);
    for (const t of all) {
      expect(t.source.citation.length, t.id).toBeGreaterThan(10);
      expect(t.source.location.length, t.id).toBeGreaterThan(5);
      expect(t.source.url, t.id).toMatch(/^https?:\/\//);
      expect(t.statement, t.id).toMatch(/\d/);
      expect(t.bandNote.length, t.id).toBeGreaterThan(20);
      expect(t.translation.length, t.id).toBeGreaterThan(40);
    }
  });
});
