/** Hypotheses as files: the t distribution, the verdict rule, parsing, and every shipped hypothesis's recorded verdict. */
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ensureBundle } from '../scripts/bundle.js';
import { SHIPPED_HYPOTHESES } from '../scenarios/hypotheses/index.ts';
import { SHIPPED } from '../scenarios/index.ts';
import {
  checkHypothesis, hypothesisSettings, incompleteBeta, judge, lnGamma, pairedTest, parseHypothesis, parseMetric,
  replicationsFor80Power, scenarioRef, tCdf, tQuantile, tTwoSidedP, type Verdict,
} from '../sim/hypothesis.ts';
import { parseScenario } from '../sim/scenario.ts';
import { ValidationError } from '../sim/schema/dsl.ts';

type Engine = typeof import('../sim/hypothesis.ts');

/** The engine as one esbuild bundle: the shipped hypotheses run hundreds of thousands of agent-weeks. */
async function loadEngine(): Promise<Engine> {
  const file = await ensureBundle('sim/hypothesis.ts', 'dist/hypothesis.mjs');
  return (await import(/* @vite-ignore */ pathToFileURL(file).href)) as Engine;
}

describe('Student t distribution', () => {
  // reference values from scipy.stats.t (two-sided p = 2 * sf(|t|, df))
  it.each([
    [2.228, 10, 0.05001177181711132],
    [1.96, 1e6, 0.04999606758526985],
    [12.706, 1, 0.05000080235813319],
    [1, 1, 0.5],
    [2, 2, 0.18350341907227397],
    [4.242640687119285, 4, 0.01323559956368269],
    [0.5, 3, 0.651447964848151],
    [3.5, 25, 0.0017654953143569536],
    [-2.5, 7, 0.04099221858575289],
    [10, 30, 4.575251408229618e-11],
    [0, 5, 1],
    [1.3, 2.5, 0.3004867892707083],
  ])('t = %s, df = %s: two-sided p = %s', (t, df, p) => {
    expect(tTwoSidedP(t, df)).toBeCloseTo(p, 10);
    if (p > 1e-6) expect(Math.abs(tTwoSidedP(t, df) - p) / p).toBeLessThan(1e-8);
  });

  it('has the closed forms for df = 1 and df = 2', () => {
    for (const t of [-3, -0.7, 0.2, 1.5, 8]) {
      expect(tCdf(t, 1)).toBeCloseTo(0.5 + Math.atan(t) / Math.PI, 12); // Cauchy
      expect(tCdf(t, 2)).toBeCloseTo(0.5 + t / (2 * Math.sqrt(2 + t * t)), 12);
    }
    expect(tCdf(-2.5, 7)).toBeCloseTo(0.020496109292876444, 12);
    expect(tCdf(Infinity, 3)).toBe(1);
    expect(tCdf(-Infinity, 3)).toBe(0);
    expect(tTwoSidedP(Infinity, 3)).toBe(0);
    expect(tCdf(1, 0)).toBeNaN();
  });

  it.each([
    [0.975, 1, 12.706204736174694],
    [0.975, 4, 2.7764451051977934],
    [0.975, 9, 2.262157162798205],
    [0.975, 19, 2.0930240544083087],
    [0.975, 100, 1.9839715185235518],
    [0.8, 9, 0.8834038596855346],
  ])('quantile %s with df = %s is %s', (p, df, q) => {
    expect(tQuantile(p, df)).toBeCloseTo(q, 9);
    expect(tQuantile(1 - p, df)).toBeCloseTo(-q, 9);
  });

  it('builds on a correct ln Γ and incomplete beta', () => {
    expect(lnGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(lnGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
    expect(lnGamma(100)).toBeCloseTo(359.1342053695754, 9);
    expect(incompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 14);
    expect(incompleteBeta(0.3, 2.5, 1)).toBeCloseTo(0.3 ** 2.5, 14);
    expect(incompleteBeta(0.5, 7, 7)).toBeCloseTo(0.5, 14);
    expect(incompleteBeta(0, 2, 3)).toBe(0);
    expect(incompleteBeta(1, 2, 3)).toBe(1);
  });
});

describe('paired test and verdict rule', () => {
  const d = [1, 2, 3, 4, 5];

  it('computes mean, sd, interval, t, df and p exactly', () => {
    const t = pairedTest(d);
    expect(t.n).toBe(5);
    expect(t.mean).toBe(3);
    expect(t.sd).toBeCloseTo(Math.sqrt(2.5), 14);
    expect(t.se).toBeCloseTo(Math.sqrt(0.5), 14);
    expect(t.t).toBeCloseTo(4.242640687119285, 12);
    expect(t.df).toBe(4);
    expect(t.p).toBeCloseTo(0.01323559956368269, 12);
    const half = 2.7764451051977934 * Math.sqrt(0.5);
    expect(t.ci95[0]).toBeCloseTo(3 - half, 9);
    expect(t.ci95[1]).toBeCloseTo(3 + half, 9); // [1.0368, 4.9632]
    expect(() => pairedTest([1])).toThrow(RangeError);
  });

  it.each<[number[], 'increase' | 'decrease', number, Verdict]>([
    [d, 'increase', 1, 'supported'], // interval [1.04, 4.96] wholly at or above δ = 1
    [d, 'increase', 1.0367, 'supported'], // lower end 1.03676 still ≥ δ
    [d, 'increase', 1.0368, 'inconclusive'], // δ just above the lower end: the interval holds δ
    [d, 'increase', 3, 'inconclusive'], // mean exactly δ: the interval holds δ (the old, lopsided rule said supported)
    [d, 'increase', 3.5, 'inconclusive'], // above 0 but the interval [1.04, 4.96] holds 3.5
    [d, 'increase', 4.96, 'inconclusive'], // upper end 4.9632 still reaches δ
    [d, 'increase', 4.97, 'contradicted'], // whole interval below δ: smaller than what matters
    [d, 'decrease', 0.1, 'contradicted'], // goes the other way: e in [-4.96, -1.04]
    [[-1, 0, 1, 2], 'increase', 0.5, 'inconclusive'], // interval [-1.55, 2.55] holds 0 and δ
    [[-1, 0, 1, 2], 'increase', 2.6, 'contradicted'], // upper end 2.554 < 2.6
    [[-1, -2, -3, -4, -5], 'decrease', 1, 'supported'], // e in [1.04, 4.96]
    [[-1, -2, -3, -4, -5], 'decrease', 2, 'inconclusive'], // e's interval holds 2
    [[0.2, 0.2, 0.2], 'increase', 0.1, 'supported'], // no noise
    [[0.2, 0.2, 0.2], 'increase', 0.3, 'contradicted'],
  ])('%j, expect %s, smallest effect %s: %s', (diffs, exp, delta, verdict) => {
    const j = judge(diffs, exp, delta);
    expect(j.verdict).toBe(verdict);
    expect(j.replicationsNeeded === undefined).toBe(verdict !== 'inconclusive');
    expect(j.replicationsToSettle === undefined).toBe(verdict !== 'inconclusive');
    // the effect in the expected direction mirrors the difference
    const sign = exp === 'increase' ? 1 : -1;
    expect(j.expected.mean).toBeCloseTo(sign * j.test.mean, 14);
    expect(j.expected.ci95[0]).toBeLessThanOrEqual(j.expected.ci95[1]);
  });

  it('reports the p-value and interval of the difference, not of the expectation', () => {
    const inc = judge(d, 'increase', 1), dec = judge(d, 'decrease', 1);
    expect(dec.test).toEqual(inc.test);
    expect(dec.expected.ci95[0]).toBeCloseTo(-inc.test.ci95[1], 14);
  });

  it('handles differences without noise', () => {
    const t = pairedTest([0.2, 0.2, 0.2]);
    expect(t.sd).toBe(0);
    expect(t.t).toBe(Infinity);
    expect(t.p).toBe(0);
    expect(t.ci95).toEqual([0.2, 0.2]);
    expect(pairedTest([0, 0]).p).toBe(1);
  });

  it('gives the replications for 80% power: smallest n with √n ≥ (t(.975, n−1) + t(.80, n−1))·sd/δ', () => {
    expect(replicationsFor80Power(1, 1)).toBe(10); // exact power at n = 10 is 0.803 (noncentral t)
    expect(replicationsFor80Power(Math.sqrt(2.5), 0.5)).toBe(81);
    expect(replicationsFor80Power(1.2909944487358056, 0.5)).toBe(55);
    expect(replicationsFor80Power(0, 0.5)).toBe(2);
    expect(replicationsFor80Power(1, 0)).toBeNaN();
    const j = judge([-1, 0, 1, 2], 'increase', 0.5);
    expect(j.replicationsNeeded).toBe(55);
    expect(j.replicationsToSettle).toBeNaN(); // observed mean 0.5 = δ: nothing would settle it
    // observed mean 3 below δ = 3.5: settling means an interval below δ, a distance of 0.5
    expect(judge(d, 'increase', 3.5).replicationsToSettle).toBe(81);
    expect(judge(d, 'increase', 3.5).replicationsNeeded).toBe(4);
  });
});

const valid = () => ({
  name: 'proactive-information',
  statement: 'Telling people about fitting services face to face cuts the weeks they spend hunting for information.',
  findings: ['F2'],
  scenario: 'classroom',
  policies: { A: 'standardised', B: { base: 'standardised', knobs: { proactiveInformation: 0.7 } } },
  metric: 'weeksSearchingInfoPerPerson',
  expect: 'decrease',
  smallestEffect: 1,
  replications: 4,
});

/** The field errors of parsing `raw`, as "path: message". */
function errorsOf(raw: unknown): string[] {
  try {
    parseHypothesis(raw, 'hypothesis test.json');
  } catch (err) {
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as Error).message).toMatch(/^hypothesis test\.json: /);
    return (err as ValidationError).errors.map((e) => `${e.path}: ${e.message}`);
  }
  return [];
}

describe('parseHypothesis', () => {
  it('normalises a valid file: policy names become { base, knobs }, group defaults to all', () => {
    const h = parseHypothesis(valid());
    expect(h.policies).toEqual({ A: { base: 'standardised', knobs: {} }, B: { base: 'standardised', knobs: { proactiveInformation: 0.7 } } });
    expect(h.group).toEqual({ A: 'all', B: 'all' });
    expect(h.replications).toBe(4);
    expect('seed' in h).toBe(false);
    expect(parseHypothesis({ ...valid(), group: 'youth' }).group).toEqual({ A: 'youth', B: 'youth' });
    expect(parseHypothesis({ ...valid(), group: { A: 'withBenefitRights', B: 'withoutBenefitRights' } }).group)
      .toEqual({ A: 'withBenefitRights', B: 'withoutBenefitRights' });
    expect(scenarioRef(h)).toEqual({ shipped: 'classroom' });
    expect(scenarioRef({ scenario: './office.json' })).toEqual({ path: './office.json' });
    expect(scenarioRef({ scenario: 'sub/office' })).toEqual({ path: 'sub/office' });
  });

  it('reads metrics by year', () => {
    expect(parseMetric('employedShareByYear.3')).toEqual({ name: 'employedShareByYear', year: 3 });
    expect(parseMetric('attendanceRate')).toEqual({ name: 'attendanceRate' });
  });

  it.each<[string, (h: Record<string, unknown>) => void, string]>([
    ['unknown metric', (h) => { h.metric = 'happiness'; }, 'metric: "happiness" is not a metric; expected one of employedShare, employedShareByYear,'],
    ['metric by year without a year', (h) => { h.metric = 'employedShareByYear'; }, 'metric: "employedShareByYear" is not allowed; employedShareByYear is a metric by year: give the year after a dot'],
    ['year 0', (h) => { h.metric = 'employedShareByYear.0'; }, 'metric: "employedShareByYear.0" is not allowed; years start at 1'],
    ['a year on a scalar metric', (h) => { h.metric = 'employedShare.2'; }, 'metric: "employedShare.2" is not allowed; employedShare is a single number, not a metric by year'],
    ['bad expect', (h) => { h.expect = 'up'; }, 'expect: "up" is not allowed; expected one of "increase", "decrease"'],
    ['zero smallest effect', (h) => { h.smallestEffect = 0; }, 'smallestEffect: 0 is not allowed; expected a number above 0, in the metric’s units'],
    ['negative smallest effect', (h) => { h.smallestEffect = -0.1; }, 'smallestEffect: -0.1 is not allowed; expected a number above 0, in the metric’s units'],
    ['smallest effect as text', (h) => { h.smallestEffect = '1'; }, 'smallestEffect: "1" is not allowed; expected a number above 0, in the metric’s units'],
    ['percentage points on a share', (h) => { h.metric = 'employedShare'; h.smallestEffect = 5; }, 'smallestEffect: 5 is not allowed for employedShare, a share; expected a number above 0 and below 1 (0.05 = 5 percentage points)'],
    ['unknown finding', (h) => { h.findings = ['F15']; }, 'findings[0]: "F15" is not allowed; expected one of "F1", "F2",'],
    ['no findings', (h) => { h.findings = []; }, 'findings: has 0 items; expected at least 1'],
    ['repeated finding', (h) => { h.findings = ['F2', 'F2']; }, 'findings: "F2" is given more than once'],
    ['missing statement', (h) => { delete h.statement; }, 'statement: is missing; expected a non-empty string'],
    ['unknown field', (h) => { h.colour = 'red'; }, 'colour: is not a known field; known fields here: name, statement, statementNb, findings,'],
    ['bad name', (h) => { h.name = 'my hypothesis'; }, 'name: "my hypothesis" is not allowed; expected letters, digits and hyphens'],
    ['a side that is a number', (h) => { (h.policies as Record<string, unknown>).B = 5; }, 'policies.B: 5 is not allowed; expected a policy name or an object { "base": NAME, "knobs": { KNOB: VALUE } }'],
    ['a side without base', (h) => { (h.policies as Record<string, unknown>).B = { knobs: {} }; }, 'policies.B.base: is missing; expected a non-empty string'],
    ['missing side', (h) => { delete (h.policies as Record<string, unknown>).A; }, 'policies.A: is missing; expected a policy name or an object { "base": NAME, "knobs": { KNOB: VALUE } }'],
    ['unknown knob', (h) => { h.policies = { A: 'standardised', B: { base: 'standardised', knobs: { exploraton: 1 } } }; }, 'policies.B.knobs.exploraton: is not a known field; known fields here: priorityByNeed,'],
    ['knob out of range', (h) => { h.policies = { A: 'standardised', B: { base: 'standardised', knobs: { exploration: 2 } } }; }, 'policies.B.knobs.exploration: 2 is not allowed; expected a number from 0 to 1'],
    ['group as a number', (h) => { h.group = 3; }, 'group: 3 is not allowed; expected a group name or an object { "A": NAME, "B": NAME }'],
    ['group pair without B', (h) => { h.group = { A: 'all' }; }, 'group.B: is missing; expected a non-empty string'],
    ['one replication', (h) => { h.replications = 1; }, 'replications: 1 is not allowed; expected an integer from 2 to 10000 (runs)'],
  ])('%s', (_label, change, message) => {
    const h = valid() as Record<string, unknown>;
    change(h);
    const errors = errorsOf(h);
    expect(errors.length, errors.join('\n')).toBe(1);
    expect(errors[0].startsWith(message), errors[0]).toBe(true);
  });

  it('rejects a file that is not an object and lists every problem at once', () => {
    expect(errorsOf([])).toEqual(['(file): [] is not allowed; expected a JSON object with the fields name, statement, findings, scenario, policies, metric, expect, smallestEffect']);
    const errors = errorsOf({ ...valid(), expect: 'up', metric: 'nope', colour: 1 });
    expect(errors.map((e) => e.split(':')[0]).sort()).toEqual(['colour', 'expect']); // metric is checked once the schema passes
  });
});

describe('checkHypothesis (against the scenario)', () => {
  const s = parseScenario(SHIPPED.classroom);
  const check = (change: (h: Record<string, unknown>) => void): string[] => {
    const raw = valid() as Record<string, unknown>;
    change(raw);
    const h = parseHypothesis(raw);
    try {
      checkHypothesis(h, s, hypothesisSettings(h, s), 'hypothesis test.json');
    } catch (err) {
      expect(err).toBeInstanceOf(ValidationError);
      return (err as ValidationError).errors.map((e) => `${e.path}: ${e.message}`);
    }
    return [];
  };

  it('accepts a valid hypothesis', () => expect(check(() => {})).toEqual([]));

  it.each<[string, (h: Record<string, unknown>) => void, string]>([
    ['unknown policy', (h) => { h.policies = { A: 'nope', B: 'personalised' }; }, 'policies.A: "nope" is not a policy of scenario classroom; known: standardised, personalised'],
    ['unknown base with knobs', (h) => { h.policies = { A: 'standardised', B: { base: 'nope', knobs: { exploration: 1 } } }; }, 'policies.B.base: "nope" is not a policy of scenario classroom; known: standardised, personalised'],
    ['unknown group', (h) => { h.group = 'nope'; }, 'group: "nope" is not a group of scenario classroom; expected one of native-rights, native-no-rights,'],
    ['unknown group in a pair', (h) => { h.group = { A: 'all', B: 'nope' }; }, 'group.B: "nope" is not a group of scenario classroom;'],
    ['year beyond the run', (h) => { h.metric = 'employedShareByYear.4'; h.smallestEffect = 0.05; }, 'metric: "employedShareByYear.4" is not allowed; a run of 156 weeks has 3 whole years, so the year must be 1 to 3'],
    ['too few agents for the personas', (h) => { h.agents = 2; }, 'agents: 2 is not allowed; scenario classroom has 5 personas, so it needs at least 5 agents'],
    ['nothing to compare', (h) => { h.policies = { A: 'standardised', B: { base: 'standardised', knobs: { exploration: 0.1 } } }; }, 'policies.B: gives the same knobs as A for the same group, so there is nothing to compare'],
  ])('%s', (_label, change, message) => {
    const errors = check(change);
    expect(errors.length, errors.join('\n')).toBe(1);
    expect(errors[0].startsWith(message), errors[0]).toBe(true);
  });

  it('allows the same policy on both sides when two groups are compared', () => {
    expect(check((h) => { h.policies = { A: 'standardised', B: 'standardised' }; h.group = { A: 'withBenefitRights', B: 'withoutBenefitRights' }; })).toEqual([]);
  });
});

/**
 * The verdict recorded for each shipped hypothesis at its own settings. If a
 * change to the model moves one, update it here and in the report: a changed
 * verdict is a result, not a test to be made green.
 */
const RECORDED: Record<string, Verdict> = {
  'rights-services': 'supported',
  'mismatch-level': 'supported',
  'lock-in-year1': 'supported',
  'lock-in-payoff': 'supported',
  'relationship-attendance': 'supported',
  'relationship-employment': 'supported',
  'activity-gap': 'supported',
  'information-proactive': 'supported',
  'trust-disclosure': 'contradicted',
  'recognition-attendance': 'contradicted',
  overqualification: 'inconclusive',
};

describe('shipped hypotheses', async () => {
  const engine = await loadEngine();

  it('are named by their key, name shipped scenarios and cover the five patterns and more findings', () => {
    expect(Object.keys(SHIPPED_HYPOTHESES).sort()).toEqual(Object.keys(RECORDED).sort());
    const findings = new Set<string>();
    for (const [name, raw] of Object.entries(SHIPPED_HYPOTHESES)) {
      const h = parseHypothesis(raw, name);
      expect(h.name).toBe(name);
      expect(Object.keys(SHIPPED)).toContain(h.scenario);
      h.findings.forEach((f) => findings.add(f));
    }
    for (const f of ['F1', 'F5', 'F7', 'F11', 'F4']) expect(findings).toContain(f);
    expect([...findings].filter((f) => !['F1', 'F3', 'F4', 'F5', 'F7', 'F8', 'F11'].includes(f)).length).toBeGreaterThanOrEqual(3);
  });

  for (const [name, raw] of Object.entries(SHIPPED_HYPOTHESES)) {
    it(`${name}: ${RECORDED[name]}`, () => {
      const h = engine.parseHypothesis(raw, name);
      const s = parseScenario(SHIPPED[h.scenario]);
      let calls = 0;
      const r = engine.runHypothesis(h, s, { onProgress: () => calls++ });
      const show = `${r.effect.mean} [${r.effect.ci95.join(', ')}]`;
      expect(r.verdict, `${name}: B − A = ${show}`).toBe(RECORDED[name]);
      // settings: the file's, and both sides ran every replicate (once when two groups of the same runs are compared)
      expect(r.settings.replications).toBe(h.replications ?? s.replications);
      expect(r.differences).toHaveLength(r.settings.replications);
      expect(calls).toBe(r.settings.replications * (h.policies.A.base === h.policies.B.base && !Object.keys(h.policies.B.knobs).length ? 1 : 2));
      // the interval holds the mean; the differences are B − A of the side values
      expect(r.effect.ci95[0]).toBeLessThanOrEqual(r.effect.mean);
      expect(r.effect.mean).toBeLessThanOrEqual(r.effect.ci95[1]);
      r.differences.forEach((d, i) => expect(d).toBeCloseTo(r.B.values[i] - r.A.values[i], 12));
      expect(r.effect.mean).toBeCloseTo(r.B.mean - r.A.mean, 12);
      const [lo, hi] = r.effect.ci95;
      if (r.verdict === 'supported') {
        expect(h.expect === 'increase' ? lo : -hi).toBeGreaterThan(0); // whole interval on the expected side
        expect(h.expect === 'increase' ? r.effect.mean : -r.effect.mean).toBeGreaterThanOrEqual(h.smallestEffect);
        expect(r.test.p).toBeLessThan(0.05);
      }
      if (r.verdict === 'inconclusive') {
        expect(r.replicationsNeeded).toBeGreaterThanOrEqual(2);
        expect(r.replicationsToSettle).toBeGreaterThan(r.settings.replications);
      }
      expect(r.explanation).toContain(r.verdict.toUpperCase());
      expect(r.explanation).toContain(`${r.settings.replications} paired replications`);
      expect(r.wouldChange.length).toBeGreaterThan(20);
    });
  }
});
