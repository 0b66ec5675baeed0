/**
 * The shipped what-if presets (scenarios/whatifs/, sim/whatifs.ts): every
 * preset runs at its own run settings and each of its claims holds against
 * the numbers it produces (the test fails when one does not); every text is
 * given in English and bokmål, and the two differ; the checker of claims,
 * the loader's field-level errors and the checks against the scenario.
 */
import { describe, expect, it } from 'vitest';
import { SHIPPED } from '../scenarios/index.ts';
import { SHIPPED_WHATIFS } from '../scenarios/whatifs/index.ts';
import { ValidationError } from '../sim/errors.ts';
import {
  checkClaims, claimHolds, claimText, parseWhatIf, planWhatIf, runWhatIf, whatIfScenario,
  type Texts, type WhatIf, type WhatIfPlan, type WhatIfResult,
} from '../sim/whatifs.ts';
import { compareArms, type DifferenceVerdict } from '../sim/arms.ts';

const PRESETS = ['career-guidance-open', 'lower-caseloads', 'proactive-information', 'same-advisor', 'faster-recognition', 'downturn'];

/** Each preset's run at its own settings, made once. */
const runs = new Map<string, { w: WhatIf; r: WhatIfResult }>();
function run(name: string) {
  if (!runs.has(name)) {
    const w = parseWhatIf(SHIPPED_WHATIFS[name], `what-if ${name}`);
    runs.set(name, { w, r: runWhatIf(w) });
  }
  return runs.get(name)!;
}

describe('the shipped what-if presets', () => {
  it('are the six, each under its id, on a shipped scenario', () => {
    expect(Object.keys(SHIPPED_WHATIFS)).toEqual(PRESETS);
    for (const [name, raw] of Object.entries(SHIPPED_WHATIFS)) {
      const w = parseWhatIf(raw, name);
      expect(w.id).toBe(name);
      expect(Object.keys(SHIPPED)).toContain(w.scenario);
    }
  });

  it.each(PRESETS)('%s: every text in English and bokmål, the two different', (name) => {
    const w = parseWhatIf(SHIPPED_WHATIFS[name], name);
    const texts: [string, Texts][] = [
      ['title', w.title], ['what', w.what], ['look', w.look], ['evidence', w.evidence],
      ...w.notes.map((t, i): [string, Texts] => [`notes[${i}]`, t]),
      ...w.armNames.map((t, i): [string, Texts] => [`armNames[${i}]`, t]),
    ];
    for (const [field, t] of texts) {
      expect(t.en.trim(), `${name}: ${field}.en`).not.toBe('');
      expect(t.nb.trim(), `${name}: ${field}.nb`).not.toBe('');
      expect(t.nb, `${name}: ${field} is the same in both languages`).not.toBe(t.en);
    }
    expect(w.armNames).toHaveLength(w.comparison.variants.length + 1);
    // the claims' words, in both languages
    for (const c of w.claims) expect(claimText(c, 'nb')).not.toBe(claimText(c, 'en'));
  });

  it.each(PRESETS)('%s: at its run settings, every claim holds against the numbers it produces', (name) => {
    const { w, r } = run(name);
    expect(r.result.agents).toBe(w.run.agents);
    expect(r.result.replications).toBe(w.run.replications);
    // small enough to be quick
    expect(w.run.agents * w.run.replications).toBeLessThanOrEqual(2000 * 10);
    expect(r.claims).toHaveLength(w.claims.length);
    const failed = r.claims.filter((c) => !c.holds).map((c) => c.text);
    expect(failed, `${name}: claims that do not hold`).toEqual([]);
    expect(r.holds).toBe(true);
  }, 120_000);
});

describe('claims', () => {
  const verdict = (mean: number, lo: number, hi: number): DifferenceVerdict =>
    ({ metric: 'employedShare', mean, ci95: [lo, hi], clear: lo > 0 || hi < 0, change: mean > 0 ? 'higher' : mean < 0 ? 'lower' : 'none', judgement: 'neither' });

  it('hold by the verdict of the difference: the interval on the claimed side of 0, or within ±within', () => {
    expect(claimHolds({ direction: 'higher', clear: true }, verdict(0.02, 0.01, 0.03))).toBe(true);
    expect(claimHolds({ direction: 'higher', clear: true }, verdict(0.02, -0.01, 0.05))).toBe(false);
    expect(claimHolds({ direction: 'higher', clear: false }, verdict(0.02, -0.01, 0.05))).toBe(true);
    expect(claimHolds({ direction: 'lower', clear: true }, verdict(0.02, 0.01, 0.03))).toBe(false);
    expect(claimHolds({ direction: 'lower', clear: true }, verdict(-0.02, -0.03, -0.01))).toBe(true);
    expect(claimHolds({ direction: 'about-the-same', clear: true, within: 0.01 }, verdict(0.002, -0.004, 0.008))).toBe(true);
    expect(claimHolds({ direction: 'about-the-same', clear: true, within: 0.01 }, verdict(0.002, -0.004, 0.012))).toBe(false);
    expect(claimHolds({ direction: 'about-the-same', clear: false, within: 0.01 }, verdict(0.002, -0.004, 0.012))).toBe(true);
  });

  it('a claim the numbers contradict does not hold (the other direction, a margin too narrow)', () => {
    const { w, r } = run('downturn');
    const plan: WhatIfPlan = planWhatIf(w);
    const flipped = { ...plan, claims: plan.claims.map((c) => ({ ...c, direction: c.direction === 'lower' ? 'higher' as const : 'lower' as const })) };
    expect(checkClaims(flipped, r.result).map((c) => c.holds)).toEqual(plan.claims.map(() => false));
    const same = { ...plan, claims: plan.claims.map((c) => ({ ...c, direction: 'about-the-same' as const, within: 0.001 })) };
    expect(checkClaims(same, r.result).some((c) => c.holds)).toBe(false);
    expect(checkClaims(plan, r.result)).toEqual(r.claims);
    expect(r.claims[0].text).toMatch(/^Share of weeks in work \(for all\): lower than the baseline, clearly: holds \(a quarter fewer vacancies − as today: -0\.\d{3} \[-0\.\d{3}, -0\.\d{3}\]\)$/);
  });
});

describe('running a preset', () => {
  it('gives the numbers of compare --arms for the same arms and settings', () => {
    const w = parseWhatIf({ ...(SHIPPED_WHATIFS['same-advisor'] as object), run: { agents: 200, weeks: 52, replications: 2 } }, 'w');
    const r = runWhatIf(w);
    const s = whatIfScenario(w);
    expect(r.result).toEqual(compareArms(s, w.comparison, { agents: 200, weeks: 52, replications: 2, seed: s.seed }));
    expect(r.armNames.map((n) => n.en)).toEqual(['Changing advisors', 'The same advisor', 'The same helper, with follow-up']);
  });
});

describe('preset files', () => {
  const base = SHIPPED_WHATIFS.downturn as Record<string, unknown>;
  const errors = (raw: unknown): string[] => {
    try {
      parseWhatIf(raw, 'what-if w.json');
    } catch (err) {
      expect(err).toBeInstanceOf(ValidationError);
      return (err as ValidationError).errors.map((e) => `${e.path}: ${e.message}`);
    }
    return [];
  };
  const claim = (c: Record<string, unknown>) => ({ ...base, claims: [c] });

  it('are refused with field-level errors', () => {
    expect(errors(base)).toEqual([]);
    expect(errors({ ...base, colour: 'red' })).toEqual([expect.stringMatching(/^colour: is not a known field; known fields here: id, title, what, look, armNames, /)]);
    expect(errors({ ...base, title: { en: 'x' } })).toEqual(['title.nb: is missing; expected a non-empty string']);
    expect(errors({ ...base, scenario: 'mixed-ofice' })).toEqual([expect.stringMatching(/^scenario: "mixed-ofice" is not a shipped scenario \(did you mean mixed-office\?\)/)]);
    expect(errors({ ...base, run: { agents: 1000, replications: 1 } })).toEqual(['run.replications: 1 is not allowed; expected an integer from 2 to 10000 (runs)']);
    expect(errors({ ...base, armNames: [{ en: 'a', nb: 'b' }, { en: 'c', nb: 'd' }, { en: 'e', nb: 'f' }] })).toEqual([expect.stringMatching(/^armNames: has 3 names; expected one per arm, 2/)]);
    expect(errors(claim({ metric: 'employedShare', direction: 'up' }))).toEqual([expect.stringMatching(/^claims\[0\]\.direction: "up" is not allowed; expected one of "higher", "lower", "about-the-same"$/)]);
    expect(errors(claim({ metric: 'employedShare', direction: 'about-the-same' }))).toEqual([expect.stringMatching(/^claims\[0\]\.within: is missing; an about-the-same claim needs/)]);
    expect(errors(claim({ metric: 'employedShare', direction: 'higher', within: 0.01 }))).toEqual([expect.stringMatching(/^claims\[0\]\.within: is not allowed for a higher claim/)]);
    expect(errors(claim({ metric: 'employedShar', direction: 'higher' }))).toEqual([expect.stringMatching(/^claims\[0\]\.metric: "employedShar" is not a metric/)]);
    expect(errors(claim({ metric: 'employedShare', direction: 'higher', against: 'personalised' }))).toEqual([expect.stringMatching(/^claims\[0\]\.against: "personalised" is not allowed; expected one of "baseline"$/)]);
    expect(errors({ ...base, claims: [] })).toEqual(['claims: has 0 items; expected at least 1']);
    expect(errors({ ...base, variants: [{ policy: 'standardised', knobs: { folowUp: 1 } }] })).toEqual([expect.stringMatching(/^variants\[0\]\.knobs\.folowUp: is not a knob \(did you mean followUp\?\)/)]);
    expect(errors([1])).toEqual([expect.stringMatching(/^\(file\): \[1\] is not allowed; expected a JSON object/)]);
  });

  it('are checked against the scenario: the claims’ variants, groups and years, and the arms', () => {
    const plan = (raw: unknown) => {
      try {
        planWhatIf(parseWhatIf(raw, 'what-if w.json'), undefined, {}, 'what-if w.json');
      } catch (err) {
        expect(err).toBeInstanceOf(ValidationError);
        return (err as ValidationError).errors.map((e) => `${e.path}: ${e.message}`);
      }
      return [];
    };
    expect(plan(base)).toEqual([]);
    expect(plan(claim({ variant: 'a quarter fewer vacancy', metric: 'employedShare', direction: 'lower' }))).toEqual([
      'claims[0].variant: "a quarter fewer vacancy" is not the label of a variant (did you mean a quarter fewer vacancies?); the variants: "a quarter fewer vacancies"',
    ]);
    expect(plan(claim({ metric: 'employedShare', group: 'refugees', direction: 'lower' }))).toEqual([expect.stringMatching(/^claims\[0\]\.group: "refugees" is not a group of scenario mixed-office/)]);
    expect(plan(claim({ metric: 'employedShareByYear.6', direction: 'lower' }))).toEqual([expect.stringMatching(/^claims\[0\]\.metric: "employedShareByYear\.6" is not allowed; a run of 260 weeks has 5 whole years/)]);
    expect(plan({ ...base, variants: [{ policy: 'standardised', changes: { 'office.caseload': 0 } }] })).toEqual([expect.stringMatching(/^variants\[0\]\.changes\.office\.caseload: 0 is not allowed/)]);
    // the settings: the options, else the preset's
    const w = parseWhatIf(base, 'w');
    expect(planWhatIf(w, whatIfScenario(w), { replications: 3, seed: 7 }).arms.settings).toMatchObject({ agents: 1000, replications: 3, seed: 7 });
  });
});
