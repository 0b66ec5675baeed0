/** Comparisons of more than two arms (sim/arms.ts): common random numbers, exact zeros, the worker split, verdicts, cost-effectiveness and the checks of arms. */
import { describe, expect, it } from 'vitest';
import { SHIPPED_COMPARISONS } from '../../scenarios/comparisons/index.ts';
import { SHIPPED } from '../../scenarios/index.ts';
import {
  aggregateArms, armJobs, armOfPath, armsFromOptions, compareArms, costEffect, differenceVerdict, fiellerRatio, MAX_VARIANTS,
  parseArmOption, parseComparison, planArms, runArm, verdictMark, verdictsOf, type ComparisonInput, type GroupRun,
} from '../../sim/arms.ts';
import { compare } from '../../sim/ensemble.ts';
import { InputError, ValidationError } from '../../sim/errors.ts';
import { METRICS } from '../../sim/metrics.ts';
import { parseScenario } from '../../sim/scenario.ts';
import { COMPARISON } from '../../sim/schema/arms.ts';
import { estimate } from '../../sim/stats.ts';
import { tQuantile975 } from '../../sim/tdist.ts';

const classroom = parseScenario(SHIPPED.classroom);
const SMALL = { agents: 300, weeks: 52, replications: 3, seed: 5 };

/** Every number in a value (summaries, estimate tables), flattened. */
const numbers = (v: unknown): number[] =>
  typeof v === 'number' ? [v] : Array.isArray(v) ? v.flatMap(numbers) : v && typeof v === 'object' ? Object.values(v).flatMap(numbers) : [];

/** The field errors of planning `c` on the classroom, as `path: message`. */
function planErrors(c: ComparisonInput): string[] {
  try {
    planArms(classroom, c, SMALL, { source: 'comparison c.json' });
  } catch (err) {
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).lines.every((l) => l.startsWith('comparison c.json: '))).toBe(true);
    return (err as ValidationError).errors.map((e) => `${e.path}: ${e.message}`);
  }
  return [];
}

describe('compareArms', () => {
  it('gives the baseline (and a variant of a plain policy) exactly the numbers of compare: same people, same luck', () => {
    const { result } = compare(classroom, ['standardised', 'personalised'], SMALL);
    const r = compareArms(classroom, { baseline: { policy: 'standardised' }, variants: [{ policy: 'personalised' }, { label: 'more follow-up', policy: 'standardised', knobs: { followUp: 0.8 } }] }, SMALL);
    expect(r.baseline.summary).toEqual(result.policies.standardised.summary);
    expect(r.baseline.byGroup).toEqual(result.policies.standardised.byGroup);
    expect(r.variants[0].summary).toEqual(result.policies.personalised.summary);
    expect(r.variants[0].byGroup).toEqual(result.policies.personalised.byGroup);
    expect(r.variants[0].difference.summary).toEqual(result.difference);
    expect(r.baseline.knobs).toEqual(result.policies.standardised.knobs);
    expect(r).toMatchObject({ scenario: 'classroom', seed: 5, weeks: 52, agents: 300, replications: 3, changes: result.changes });
    expect(r.variants.map((v) => v.label)).toEqual(['personalised', 'more follow-up']);
    expect(r.variants[1]).toMatchObject({ policy: 'standardised', overrides: { followUp: 0.8 }, knobs: { ...result.policies.standardised.knobs, followUp: 0.8 }, changes: {} });
    expect(r.variants[1].difference.of).toEqual(['standardised', 'more follow-up']);
    expect(r.variants[1].difference.replicates).toHaveLength(3);
  });

  it('two arms that differ only in a knob that does nothing give exactly zero differences (activityTarget without matched offers)', () => {
    const off = { matchedOffers: 0 };
    const r = compareArms(classroom, {
      baseline: { label: 'no matching', policy: 'personalised', knobs: off },
      variants: [{ label: 'activity as success', policy: 'personalised', knobs: { ...off, activityTarget: 1 } }],
    }, SMALL);
    const v = r.variants[0];
    expect(v.knobs.activityTarget).toBe(1);
    expect(r.baseline.knobs.activityTarget).toBe(0);
    const zeros = [...numbers(v.difference.replicates), ...numbers(v.difference.summary), ...numbers(v.difference.byGroup)];
    expect(zeros.length).toBeGreaterThan(100);
    expect(zeros.every((x) => x === 0)).toBe(true);
    expect(v.summary).toEqual(r.baseline.summary);
    expect(v.verdicts.every((x) => !x.clear && x.change === 'none' && x.judgement === 'neither' && verdictMark(x) === 'no difference')).toBe(true);
    expect(v.cost.all.extraEmployed).toEqual({ mean: 0, ci95: [0, 0] });
    expect(v.cost.all.perExtraEmployed.total).toMatchObject({ defined: false, why: 'unclear' });
    expect(v.cost.all.perExtraEmployedYear.services).toMatchObject({ defined: false, why: 'unclear' });
  });

  it('a variant equal to the baseline gives zero differences', () => {
    const r = compareArms(classroom, { baseline: { policy: 'standardised' }, variants: [{ label: 'the same again', policy: 'standardised', knobs: {}, changes: {} }] }, { ...SMALL, replications: 2 });
    expect(numbers(r.variants[0].difference).every((x) => x === 0)).toBe(true);
  });

  it('runs replicate by replicate: runs made in any order, anywhere (a copied plan), give the same result', () => {
    const c: ComparisonInput = {
      baseline: { policy: 'standardised' },
      variants: [{ label: 'fewer cases', policy: 'standardised', changes: { 'office.caseload': 30 } }, { policy: 'personalised' }],
    };
    const settings = { ...SMALL, replications: 2 };
    const whole = compareArms(classroom, c, settings);
    const plan = structuredClone(planArms(classroom, c, settings));
    const jobs = armJobs(plan);
    expect(jobs).toHaveLength(6);
    expect(jobs.slice(0, 3)).toEqual([{ arm: 0, replicate: 0 }, { arm: 1, replicate: 0 }, { arm: 2, replicate: 0 }]);
    // two "workers", each with every other job, collected in reverse
    const runs = [...jobs.filter((_, i) => i % 2 === 1), ...jobs.filter((_, i) => i % 2 === 0)].reverse()
      .map((j) => structuredClone(runArm(plan, j.arm, j.replicate)));
    expect(aggregateArms(plan, runs)).toEqual(whole);
    expect(() => aggregateArms(plan, runs.slice(1))).toThrow(/has replicates/);
    expect(whole.variants[0].changes).toEqual({ 'office.caseload': 30 });
    expect(plan.arms[1].scenario.office.caseload).toBe(30);
    expect(plan.arms[0].scenario.office.caseload).toBe(classroom.office.caseload);
  });

  it('keeps the cost split: advisor time and services add up to the cost per person', () => {
    const r = compareArms(classroom, { baseline: { policy: 'standardised' }, variants: [{ policy: 'personalised' }] }, { ...SMALL, replications: 2 });
    for (const t of [r.baseline.summary, r.variants[0].summary]) {
      const mean = (m: 'costPerPerson' | 'advisorCostPerPerson' | 'serviceCostPerPerson') => t[m].mean as number;
      expect(mean('advisorCostPerPerson') + mean('serviceCostPerPerson')).toBeCloseTo(mean('costPerPerson'), 6);
      expect(mean('advisorCostPerPerson')).toBeGreaterThan(0);
      expect(mean('serviceCostPerPerson')).toBeGreaterThan(0);
    }
    const all = r.variants[0].cost.all;
    expect(all.extraCostPerPerson.total.mean).toBeCloseTo(r.variants[0].difference.summary.costPerPerson.mean as number, 9);
    expect(all.extraCost.total.mean).toBeCloseTo(all.extraCostPerPerson.total.mean * 300, 4);
    expect(Object.keys(r.variants[0].cost.byGroup)).toEqual(Object.keys(r.baseline.byGroup));
  });
});

describe('verdicts', () => {
  const e = (mean: number, lo: number, hi: number) => ({ mean, ci95: [lo, hi] as [number, number] });

  it('clear when the interval excludes 0; better or worse by the metric table’s direction', () => {
    const v = (m: Parameters<typeof differenceVerdict>[0], x: ReturnType<typeof e>, n = 5) => verdictMark(differenceVerdict(m, m, x, n));
    expect(v('employedShare', e(0.02, 0.01, 0.03))).toBe('clear, better');
    expect(v('employedShare', e(-0.02, -0.03, -0.01))).toBe('clear, worse');
    expect(v('employedShare', e(0.02, -0.01, 0.05))).toBe('not clear, better');
    expect(v('medianWeeksToFirstJob', e(2, -1, 5))).toBe('not clear, worse');
    expect(v('medianWeeksToFirstJob', e(-3, -5, -1))).toBe('clear, better');
    expect(v('costPerPerson', e(1000, 500, 1500))).toBe('clear, worse');
    expect(v('servicesPerPerson', e(-0.1, -0.2, -0.05))).toBe('clear, lower');
    expect(v('servicesPerPerson', e(0.1, -0.2, 0.3))).toBe('not clear, higher');
    expect(v('employedShare', e(0, 0, 0))).toBe('no difference');
    // an interval that ends at 0 does not exclude it; one replicate has no interval
    expect(v('employedShare', e(0.02, 0, 0.04))).toBe('not clear, better');
    expect(v('employedShare', e(0.02, 0.02, 0.02), 1)).toBe('not clear, better');
    expect(differenceVerdict('employedShare', 'employedShare', e(0.02, 0.01, 0.03), 5)).toEqual({
      metric: 'employedShare', mean: 0.02, ci95: [0.01, 0.03], clear: true, change: 'higher', judgement: 'better',
    });
  });

  it('one verdict per metric, and per year of a metric by year, in table order', () => {
    const table = Object.fromEntries(METRICS.map((m) => [m, m === 'employedShareByYear' ? { mean: [0.01, -0.02], ci95: [[0.005, -0.03], [0.02, -0.01]] } : e(0, 0, 0)]));
    const vs = verdictsOf(table as never, 4);
    expect(vs.map((x) => x.metric)).toEqual(METRICS.flatMap((m) => (m === 'employedShareByYear' ? ['employedShareByYear.1', 'employedShareByYear.2'] : [m])));
    expect(vs.filter((x) => x.metric.startsWith('employedShareByYear.')).map(verdictMark)).toEqual(['clear, better', 'clear, worse']);
  });
});

describe('cost-effectiveness', () => {
  const t = tQuantile975(2);

  it('Fieller: with a denominator that does not vary, the t-interval of the numerator divided by it', () => {
    const r = fiellerRatio([10, 20, 30], [2, 2, 2]);
    const half = (t * 10 / Math.sqrt(3)) / 2;
    expect(r.defined).toBe(true);
    if (!r.defined) return;
    expect(r.mean).toBe(10);
    expect(r.ci95[0]).toBeCloseTo(10 - half, 10);
    expect(r.ci95[1]).toBeCloseTo(10 + half, 10);
  });

  it('Fieller: a numerator proportional to the denominator gives that ratio with no width; the ends solve the quadratic', () => {
    const r = fiellerRatio([50000, 60000, 70000], [10, 12, 14]);
    expect(r).toMatchObject({ defined: true });
    if (!r.defined) return;
    expect(r.mean).toBe(5000);
    expect(r.ci95[0]).toBeCloseTo(5000, 6);
    expect(r.ci95[1]).toBeCloseTo(5000, 6);
    // a general case: each end R satisfies (n̄ − R·d̄)² = t²(Vn − 2R·Vnd + R²·Vd)
    const num = [120, 90, 150, 100], den = [3, 2, 5, 3];
    const g = fiellerRatio(num, den);
    expect(g.defined).toBe(true);
    if (!g.defined) return;
    const n = 4, mn = 115, md = 3.25;
    const cov = (x: number[], y: number[], mx: number, my: number) => x.reduce((s, xi, i) => s + (xi - mx) * (y[i] - my), 0) / (n - 1) / n;
    const [vn, vd, vnd] = [cov(num, num, mn, mn), cov(den, den, md, md), cov(num, den, mn, md)];
    const t3 = tQuantile975(3);
    for (const R of g.ci95) expect((mn - R * md) ** 2).toBeCloseTo(t3 ** 2 * (vn - 2 * R * vnd + R * R * vd), 6);
    expect(g.mean).toBe(115 / 3.25);
    expect(g.ci95[0]).toBeLessThan(g.mean);
    expect(g.ci95[1]).toBeGreaterThan(g.mean);
  });

  it('not defined, with the reason, when the denominator’s interval includes 0, is clearly negative, or there is one replicate', () => {
    expect(fiellerRatio([100, 200, 300], [-1, 2, 3], 'people in work at the end')).toMatchObject({
      defined: false, why: 'unclear',
      reason: expect.stringMatching(/^the 95% interval of the extra people in work at the end, \[-\d+\.\d, \d+\.\d\], includes 0: .* not meaningful$/),
    });
    expect(fiellerRatio([100, 200, 300], [0, 0, 0])).toMatchObject({ defined: false, why: 'unclear' });
    expect(fiellerRatio([100, 200, 300], [-10, -12, -14], 'people in work at the end')).toMatchObject({ defined: false, why: 'fewer', reason: expect.stringMatching(/clearly fewer people in work at the end/) });
    expect(fiellerRatio([100], [10])).toMatchObject({ defined: false, why: 'replications' });
    // exactly the condition that the denominator's own t-interval excludes 0
    const den = [1, 3, 2.2];
    const d = estimate(den);
    expect(fiellerRatio([5, 6, 7], den).defined).toBe(d.ci95[0] > 0);
  });

  it('per extra person in work and per extra person-year, split into advisor time and services, from hand-made summaries', () => {
    const run = (cost: number, advisor: number, services: number, employed: number, weeksShare: number): GroupRun => ({
      summary: { costPerPerson: cost, advisorCostPerPerson: advisor, serviceCostPerPerson: services, employedShare: employed, employedWeeksShare: weeksShare },
      size: 100,
    });
    const base = [0, 1, 2].map(() => run(1000, 600, 400, 0.5, 0.25));
    const variant = [run(1500, 900, 600, 0.6, 0.35), run(1600, 960, 640, 0.62, 0.37), run(1700, 1020, 680, 0.64, 0.39)];
    // 104 weeks: person-years = share × 100 people × 2 years
    const c = costEffect(base, variant, 104);
    expect(c.extraCostPerPerson.total).toEqual(estimate([500, 600, 700]));
    expect(c.extraCost.total.mean).toBeCloseTo(60000, 6);
    expect(c.extraEmployed.mean).toBeCloseTo(12, 9);
    expect(c.extraEmployedYears.mean).toBeCloseTo(24, 9);
    const value = (r: (typeof c.perExtraEmployed)['total']) => (r.defined ? [r.mean, ...r.ci95] : []);
    for (const [got, want] of [
      [c.perExtraEmployed.total, 5000], [c.perExtraEmployed.advisor, 3000], [c.perExtraEmployed.services, 2000],
      [c.perExtraEmployedYear.total, 2500], [c.perExtraEmployedYear.advisor, 1500], [c.perExtraEmployedYear.services, 1000],
    ] as const) {
      expect(got.defined).toBe(true);
      for (const x of value(got)) expect(x).toBeCloseTo(want, 4);
    }
    // the same cost with no gain in work: not defined
    const flat = costEffect(base, [0, 1, 2].map(() => run(1500, 900, 600, 0.5, 0.25)), 104);
    expect(flat.perExtraEmployed.total).toMatchObject({ defined: false, why: 'unclear' });
    expect(flat.extraCost.total).toEqual({ mean: 50000, ci95: [50000, 50000] });
  });
});

describe('arms as input', () => {
  it('parses --arm: [LABEL=]POLICY, then knobs and dotted paths', () => {
    expect(parseArmOption('fewer cases=standardised,office.caseload=30')).toEqual({ label: 'fewer cases', policy: 'standardised', knobs: {}, changes: { 'office.caseload': 30 } });
    expect(parseArmOption('personalised')).toEqual({ policy: 'personalised', knobs: {}, changes: {} });
    expect(parseArmOption(' both = personalised , followUp=0.8, knobs.offerRate=.5 ,groups.refugee.language=0.7')).toEqual({
      label: 'both', policy: 'personalised', knobs: { followUp: 0.8, offerRate: 0.5 }, changes: { 'groups.refugee.language': 0.7 },
    });
    expect(parseArmOption('a; b (1)=standardised').label).toBe('a; b (1)');
    const error = (text: string) => {
      try {
        parseArmOption(text);
      } catch (err) {
        expect(err).toBeInstanceOf(InputError);
        return (err as Error).message;
      }
      return '';
    };
    expect(error('=standardised')).toBe('--arm "=standardised": the label before "=" is empty; expected [LABEL=]POLICY[,KNOB=VALUE...][,PATH=VALUE...], e.g. "fewer cases=standardised,office.caseload=30"');
    expect(error('x=,followUp=1')).toMatch(/^--arm "x=,followUp=1": no policy;/);
    expect(error('a=b=c')).toMatch(/"b=c" is not a policy name/);
    expect(error('x=standardised,followUp')).toMatch(/"followUp" is not NAME=VALUE/);
    expect(error('x=standardised,followUp=high')).toMatch(/followUp: "high" is not a number/);
    expect(error('x=standardised,followUp=0.5,knobs.followUp=0.6')).toBe('--arm "x=standardised,followUp=0.5,knobs.followUp=0.6": knobs.followUp is given more than once');
    expect(error('x=standardised,agents=10')).toBe('--arm "x=standardised,agents=10": agents is a setting of the run, the same for every arm: use --agents');
  });

  it('--arm values: the first is the baseline; 1 to MAX_VARIANTS variants', () => {
    expect(MAX_VARIANTS).toBe(3);
    expect(COMPARISON.fields.variants.maxItems).toBe(MAX_VARIANTS);
    expect(armsFromOptions(['standardised', 'p=personalised'])).toEqual({ baseline: { policy: 'standardised', knobs: {}, changes: {} }, variants: [{ label: 'p', policy: 'personalised', knobs: {}, changes: {} }] });
    expect(() => armsFromOptions(['standardised'])).toThrow(/^--arm: given once; give the baseline and 1 to 3 variants/);
    expect(() => armsFromOptions(['a=standardised', 'b=standardised', 'c=standardised', 'd=standardised', 'e=standardised'])).toThrow('--arm: given 5 times, a baseline and 4 variants; a comparison has at most 3 variants besides the baseline');
  });

  it('checks every arm against the scenario, with field paths', () => {
    const base = { policy: 'standardised' };
    expect(planErrors({ baseline: base, variants: [{ policy: 'persnalised' }] })).toEqual(['variants[0].policy: "persnalised" is not a policy of scenario classroom; known: standardised, personalised']);
    expect(planErrors({ baseline: base, variants: [{ policy: 'standardised', knobs: { folowUp: 0.5 } as never }] })).toEqual([
      expect.stringMatching(/^variants\[0\]\.knobs\.folowUp: is not a knob \(did you mean followUp\?\); knobs: priorityByNeed, /),
    ]);
    expect(planErrors({ baseline: base, variants: [{ policy: 'standardised', knobs: { followUp: 2 } }] })).toEqual(['variants[0].knobs.followUp: 2 is not allowed; expected a number from 0 to 1']);
    expect(planErrors({ baseline: base, variants: [{ policy: 'standardised', changes: { 'office.casload': 30 } }] })).toEqual([
      expect.stringMatching(/^variants\[0\]\.changes\.office\.casload: "casload" is not a field of office \(did you mean caseload\?\)/),
    ]);
    expect(planErrors({ baseline: base, variants: [{ policy: 'standardised', changes: { 'office.caseload': 5000 } }] })).toEqual(['variants[0].changes.office.caseload: 5000 is not allowed; expected an integer from 1 to 1000 (people per advisor)']);
    expect(planErrors({ baseline: base, variants: [{ policy: 'standardised', changes: { agents: 10 } }] })).toEqual(['variants[0].changes.agents: cannot be changed by an arm; agents is a setting of the run (the options or the scenario’s)']);
    expect(planErrors({ baseline: base, variants: [{ policy: 'personalised', changes: { 'groups.refugee.share': 0.9 } }] })).toEqual([expect.stringMatching(/^variants\[0\]\.changes: make scenario classroom invalid: groups: shares add up to/)]);
    expect(planErrors({ baseline: { label: 'a', policy: 'standardised' }, variants: [{ label: 'a', policy: 'personalised' }] })).toEqual(['variants[0].label: "a" is the label of the baseline too; each arm needs a label of its own']);
    expect(planErrors({ baseline: base, variants: [{ policy: 'standardised' }] })).toEqual(['variants[0].label: "standardised" is the label of the baseline too; each arm needs a label of its own (give one: this arm has the same policy, knobs and changes)']);
    expect(planErrors({ baseline: base, variants: [] })).toEqual(['variants: has 0 arms; a comparison has a baseline and 1 to 3 variants']);
    expect(planErrors({ scenario: 'mixed-office', baseline: base, variants: [{ policy: 'personalised' }] })).toEqual([expect.stringMatching(/^scenario: "mixed-office" is not the scenario given \("classroom"\)/)]);
    expect(() => planArms(classroom, { baseline: base, variants: [{ policy: 'personalised' }] }, { agents: 2 })).toThrow(/^--agents: "2" is not allowed/);
    expect(armOfPath('variants[1].changes.office.caseload')).toEqual({ arm: 2, field: 'changes.office.caseload' });
    expect(armOfPath('baseline')).toEqual({ arm: 0, field: '' });
    expect(armOfPath('variants')).toBeUndefined();
  });

  it('changes a list of words given whole (a service’s entry rule), word by word against the schema', () => {
    const entry = ['benefitRights', 'refugee', 'labourImmigrant', 'euEea'];
    const c: ComparisonInput = { baseline: { policy: 'standardised' }, variants: [{ label: 'opened', policy: 'standardised', changes: { 'services.careerGuidance.entry': entry } }] };
    const plan = planArms(classroom, c, SMALL);
    const guidance = (i: number) => plan.arms[i].scenario.services.find((x) => x.id === 'careerGuidance')!;
    expect(guidance(1).entry).toEqual(entry);
    expect(guidance(0).entry).toEqual(['benefitRights', 'refugee']);
    // the list was copied: changing the input later changes nothing
    entry.push('anyone');
    expect(guidance(1).entry).toHaveLength(4);
    const arm = (changes: Record<string, unknown>) => ({ baseline: { policy: 'standardised' }, variants: [{ policy: 'standardised', changes: changes as never }] });
    expect(planErrors(arm({ 'services.careerGuidance.entry': ['refugee', 'pirates'] }))).toEqual([
      expect.stringMatching(/^variants\[0\]\.changes\.services\.careerGuidance\.entry\[1\]: "pirates" is not allowed; expected one of "anyone", "benefitRights", /),
    ]);
    expect(planErrors(arm({ 'services.careerGuidance.entry': [] }))).toEqual(['variants[0].changes.services.careerGuidance.entry: has 0 items; expected at least 1']);
    expect(planErrors(arm({ 'services.careerGuidance.entry': 3 }))).toEqual([expect.stringMatching(/^variants\[0\]\.changes\.services\.careerGuidance\.entry: 3 is not allowed; expected a list of words, each one of "anyone", /)]);
    expect(planErrors(arm({ 'office.caseload': ['refugee'] }))).toEqual(['variants[0].changes.office.caseload: ["refugee"] is not allowed; expected an integer from 1 to 1000 (people per advisor)']);
    expect(planErrors(arm({ 'services.careerGuidance.levelled': 0 }))).toEqual(['variants[0].changes.services.careerGuidance.levelled: is not a number field or a list of words; it takes true or false']);
    // the file form: a list is a value of changes, as the JSON Schema allows
    expect(parseComparison({ baseline: 'standardised', variants: [{ policy: 'standardised', changes: { 'services.careerGuidance.entry': ['anyone'] } }] }).variants[0].changes)
      .toEqual({ 'services.careerGuidance.entry': ['anyone'] });
  });

  it('the shipped comparison files fit their scenarios', () => {
    for (const [name, raw] of Object.entries(SHIPPED_COMPARISONS)) {
      const c = parseComparison(raw, `comparison ${name}`);
      const s = parseScenario(SHIPPED[c.scenario ?? name]);
      const plan = planArms(s, c, { ...SMALL, replications: 1 });
      expect(plan.arms.length, name).toBeGreaterThanOrEqual(2);
      expect(plan.arms.length, name).toBeLessThanOrEqual(MAX_VARIANTS + 1);
    }
  });

  it('reads a comparison file: a policy name for an arm, field-level errors', () => {
    expect(parseComparison({ scenario: 'classroom', baseline: 'standardised', variants: ['personalised', { label: 'x', policy: 'standardised', knobs: { followUp: 0.8 }, changes: { 'office.caseload': 30 } }] })).toEqual({
      scenario: 'classroom',
      baseline: { policy: 'standardised', knobs: {}, changes: {} },
      variants: [{ policy: 'personalised', knobs: {}, changes: {} }, { label: 'x', policy: 'standardised', knobs: { followUp: 0.8 }, changes: { 'office.caseload': 30 } }],
    });
    const errors = (raw: unknown) => {
      try {
        parseComparison(raw, 'comparison c.json');
      } catch (err) {
        expect(err).toBeInstanceOf(ValidationError);
        return (err as ValidationError).errors.map((e) => `${e.path}: ${e.message}`);
      }
      return [];
    };
    expect(errors({ baseline: 'standardised', variants: ['a', 'b', 'c', 'd'] })).toEqual(['variants: has 4 items; expected at most 3']);
    expect(errors({ baseline: 'standardised', variants: [] })).toEqual(['variants: has 0 items; expected at least 1']);
    expect(errors({ baseline: { policy: 'standardised', knobs: { folowUp: 1 } }, variants: ['personalised'] })).toEqual([expect.stringMatching(/^baseline\.knobs\.folowUp: is not a knob \(did you mean followUp\?\)/)]);
    expect(errors({ baseline: 'standardised', variants: [{ policy: 'personalised', colour: 'red' }] })).toEqual([expect.stringMatching(/^variants\[0\]\.colour: is not a known field; known fields here: label, policy, knobs, changes$/)]);
    expect(errors({ variants: ['personalised'] })).toEqual([expect.stringMatching(/^baseline: is missing/)]);
    expect(errors([1])).toEqual([expect.stringMatching(/^\(file\): \[1\] is not allowed; expected a JSON object with the fields baseline, variants$/)]);
  });
});
