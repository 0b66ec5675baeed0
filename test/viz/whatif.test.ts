// @vitest-environment jsdom
/**
 * The What if… view's pure parts: presets to settings, the link's `whatif`
 * and `arms`, the plan at the page's sizes (the CLI's planArms), the arm
 * made from the settings, the time estimate, the difference by week and the
 * equity gap, the verdict words and the CSV exports, on hand-made numbers.
 */
import { describe, expect, test } from 'vitest';
import { aggregateArms, armJobs, parseScenario, runArm, SHIPPED, type ArmRun } from '../../sim/index.ts';
import { DEFAULTS, type Settings } from '../../viz/settings.ts';
import { fromQuery, toQuery } from '../../viz/url.ts';
import { differenceByWeek, equityGroups, gapOf } from '../../viz/whatif-charts.ts';
import {
  comparisonOf, fromSettings, planWhatIfOf, presetOf, PRESETS, presetSettings, secondsOf, workOf,
} from '../../viz/whatif-state.ts';
import { armsCsv, verdictText, whatIfCsv } from '../../viz/whatif-view.ts';

const shipped = Object.keys(SHIPPED);
const classroom = parseScenario(SHIPPED.classroom);
const settings = (patch: Partial<Settings>): Settings => ({ ...structuredClone(DEFAULTS), ...patch });

describe('presets and links', () => {
  test('every shipped preset is offered, and choosing one sets its scenario and sizes and clears the changed values', () => {
    expect(PRESETS.map((w) => w.id)).toEqual(['career-guidance-open', 'lower-caseloads', 'proactive-information', 'same-advisor', 'faster-recognition', 'downturn']);
    const w = presetOf('same-advisor')!;
    const st = settings({ levers: { 'office.caseload': 40 }, ...presetSettings(w) });
    expect(st).toMatchObject({ scenario: 'vulnerable-youth', levers: {}, whatif: 'same-advisor', view: 'whatif', agents: 1000, replications: 8 });
    expect(comparisonOf(st)).toEqual({ baseline: w.comparison.baseline, variants: w.comparison.variants });
  });

  test('a link carries the preset or the arms, and reports bad ones in the link’s words', async () => {
    const arms = { baseline: { label: 'now', policy: 'standardised' }, variants: [{ label: 'more', policy: 'standardised', changes: { 'office.caseload': 30 } }] };
    const q = toQuery(settings({ view: 'whatif', arms }));
    const back = await fromQuery(q, '', shipped);
    expect(back.errors).toEqual([]);
    expect(back.settings.arms).toEqual({ baseline: { ...arms.baseline, knobs: {}, changes: {} }, variants: [{ ...arms.variants[0], knobs: {} }] });
    expect((await fromQuery('?whatif=lower-caseloads', '', shipped)).settings.whatif).toBe('lower-caseloads');
    expect((await fromQuery('?whatif=cheaper', '', shipped)).errors).toEqual([
      `link: whatif: "cheaper" is not allowed; expected one of ${PRESETS.map((w) => w.id).join(', ')}`,
    ]);
    const bad = await fromQuery(`?arms=${encodeURIComponent('{"baseline": {"policy": "standardised"}}')}`, '', shipped);
    expect(bad.settings.arms).toBeUndefined();
    expect(bad.errors.length).toBe(1);
    expect(bad.errors[0]).toMatch(/^link: arms: variants: /);
  });
});

describe('the plan at the page’s sizes', () => {
  test('is planArms of the comparison at the sizes the page resolves, and names a bad change by its arm', () => {
    const arms = { baseline: { policy: 'standardised' }, variants: [{ label: 'fewer', policy: 'standardised', changes: { 'office.caseload': 30 } }] };
    const p = planWhatIfOf(settings({ arms, replications: 3, agents: 200 }), classroom)!;
    expect(p.plan.settings).toMatchObject({ replications: 3, agents: 200, weeks: classroom.weeks, seed: classroom.seed });
    expect(p.plan.arms[1].scenario.office.caseload).toBe(30);
    expect(p.preset).toBeUndefined();
    expect(workOf(p.plan)).toEqual({ runs: 6, personWeeks: 6 * 200 * classroom.weeks });
    // 6 runs on 2 workers: 3 rounds of one run each
    expect(secondsOf(p.plan, 2, 200 * classroom.weeks)).toBe(3);
    expect(() => planWhatIfOf(settings({ arms: { ...arms, variants: [{ policy: 'standardised', changes: { 'office.caseload': 5000 } }] } }), classroom))
      .toThrow(/variants\[0\]\.changes\.office\.caseload: 5000 is not allowed; expected an integer from 1 to 1000/);
  });

  test('a preset plans its claims too', () => {
    const w = presetOf('lower-caseloads')!;
    const st = settings(presetSettings(w));
    const p = planWhatIfOf(st, parseScenario(SHIPPED[w.scenario]))!;
    expect(p.preset?.claims.length).toBe(w.claims.length);
  });

  test('an arm from the settings takes policy A, its knobs and the changed values (the group shares resolved), never a true-or-false value', () => {
    const st = settings({ a: { base: 'standardised', knobs: { followUp: 0.8 } }, levers: { 'office.caseload': 30, 'services.jobSearchCourse.refusesIfHeld': false } });
    const arm = fromSettings(st, classroom, 'a', 'mine');
    expect(arm).toEqual({ label: 'mine', policy: 'standardised', knobs: { followUp: 0.8 }, changes: { 'office.caseload': 30 }, skipped: ['services.jobSearchCourse.refusesIfHeld'] });
  });
});

describe('the answers', () => {
  const run = (arm: number, replicate: number, employed: number[]): ArmRun => ({ arm, replicate, summary: {}, sizes: {}, employed });

  test('the difference by week is taken per replication, then averaged', () => {
    const rows = differenceByWeek([run(0, 0, [0.1, 0.2]), run(1, 0, [0.2, 0.4]), run(0, 1, [0.1, 0.3]), run(1, 1, [0.1, 0.3])], 2);
    expect(rows.map((r) => [r.variant, r.week, +r.mean.toFixed(10)])).toEqual([[1, 1, 0.05], [1, 2, 0.1]]);
    // per replication 0.1 and 0 in week 1: mean 0.05 ± t(1)·sd/√2 = 12.706 × 0.0707 / 1.414
    expect(rows[0].hi - rows[0].mean).toBeCloseTo(12.7062 * Math.SQRT1_2 * 0.1 / Math.SQRT2, 3);
  });

  test('verdicts read the direction of the metric, and one replication gives none', () => {
    const v = (mean: number, lo: number, hi: number) => ({ metric: 'x', mean, ci95: [lo, hi] as [number, number], clear: lo > 0 || hi < 0, change: (mean > 0 ? 'higher' : 'lower') as 'higher' | 'lower', judgement: 'better' as const });
    expect(verdictText(v(0.1, 0.05, 0.15), 'en', 8)).toEqual({ text: 'clearly better', cls: 'better' });
    expect(verdictText({ ...v(0.1, 0.05, 0.15), judgement: 'worse' }, 'nb', 8)).toEqual({ text: 'tydelig dårligere', cls: 'worse' });
    expect(verdictText(v(0.1, -0.05, 0.15), 'en', 8)).toEqual({ text: 'not clear', cls: 'unclear' });
    expect(verdictText({ ...v(0.1, 0.05, 0.15), judgement: 'neither' }, 'en', 8)).toEqual({ text: 'clearly higher', cls: 'neutral' });
    expect(verdictText(v(0.1, 0.1, 0.1), 'en', 1)).toEqual({ text: '–', cls: 'unclear' });
  });

  test('equity shows the scenario groups then with and without rights; the gap follows the metric’s direction; the CSVs name every arm', () => {
    const st = settings({ arms: { baseline: { label: 'now', policy: 'standardised' }, variants: [{ label: 'need', policy: 'personalised' }] }, replications: 2, agents: 300, weeks: 52 });
    const plan = planWhatIfOf(st, classroom)!.plan;
    const r = aggregateArms(plan, armJobs(plan).map((j) => runArm(plan, j.arm, j.replicate)));
    const groups = equityGroups(r);
    expect(groups).toEqual([...classroom.groups.map((g) => g.name), 'withBenefitRights', 'withoutBenefitRights']);
    const scenarioGroups = classroom.groups.map((g) => g.name);
    const share = (g: string) => (r.baseline.byGroup[g].employedShare as { mean: number }).mean;
    const gap = gapOf(r, 0, 'employedShare', scenarioGroups);
    expect(share(gap.best)).toBe(Math.max(...scenarioGroups.map(share)));
    expect(share(gap.worst)).toBe(Math.min(...scenarioGroups.map(share)));
    const refusals = gapOf(r, 0, 'rejectionsPerPerson', scenarioGroups);
    const rej = (g: string) => (r.baseline.byGroup[g].rejectionsPerPerson as { mean: number }).mean;
    expect(rej(refusals.best)).toBe(Math.min(...scenarioGroups.map(rej)));
    const csv = whatIfCsv(r).trim().split('\n');
    expect(csv[0]).toBe('arm,label,policy,knobs,changes,group,metric,kind,mean,lo,hi');
    expect(csv.filter((l) => l.startsWith('1,need,personalised,')).some((l) => l.includes(',all,employedShare,difference,'))).toBe(true);
    expect(armsCsv(r).trim().split('\n')).toEqual([
      'arm,label,policy,knob_overrides,knobs,changes',
      `0,now,standardised,{},"${JSON.stringify(r.baseline.knobs).replace(/"/g, '""')}",{}`,
      `1,need,personalised,{},"${JSON.stringify(r.variants[0].knobs).replace(/"/g, '""')}",{}`,
    ]);
  });
});
