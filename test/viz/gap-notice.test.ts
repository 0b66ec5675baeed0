// @vitest-environment jsdom
/**
 * The gap chart's closing sentence says what the numbers say, as written in
 * whole percentage points: "more" only for more, "less" only for less, and
 * "about the same" where the difference rounds to 0 (never "0 percentage
 * points more work").
 */
import { describe, expect, test } from 'vitest';
import { render } from '../../viz/charts/gap.ts';
import type { Estimate } from '../../sim/index.ts';
import type { PageData } from '../../viz/data.ts';
import { fixture } from './fixture.ts';

/** The fixture with A's and B's activity counted (participationRate) and share of weeks in work set. */
function withShares(act: [number, number], work: [number, number]): PageData {
  const d = structuredClone(fixture());
  d.meta.policies.forEach((p, i) => {
    const s = d.compare.policies[p].summary;
    s.participationRate = { ...(s.participationRate as Estimate), mean: act[i] };
    s.employedWeeksShare = { ...(s.employedWeeksShare as Estimate), mean: work[i] };
  });
  return d;
}
const close = (d: PageData, lang: 'en' | 'nb' = 'en') => {
  const n = render(d, { document, lang }).querySelector('p.notice')!.textContent!;
  return n.slice(n.indexOf('.', n.indexOf('work;') >= 0 ? n.indexOf('work;') : n.indexOf('arbeid;')) + 1).trim();
};
const [LA, LB] = fixture().meta.policyLabels;

describe('gap chart: the closing sentence', () => {
  test('more activity, 0.3 points less work: about the same work, not “0 percentage points more”', () => {
    expect(close(withShares([0.20, 0.15], [0.320, 0.317]))).toBe(`${LA} counts 5 percentage points more activity but about the same work: activity counted is not work.`);
    expect(close(withShares([0.20, 0.15], [0.320, 0.317]), 'nb')).toBe(`${LA} teller 5 prosentpoeng mer aktivitet, men omtrent like mye arbeid: aktivitet som telles, er ikke arbeid.`);
  });
  test('more activity and less work, both as written', () => {
    expect(close(withShares([0.15, 0.20], [0.33, 0.31]))).toBe(`${LB} counts 5 percentage points more activity and 2 percentage points less work: activity counted is not work.`);
  });
  test('more activity, a little more work', () => {
    expect(close(withShares([0.15, 0.21], [0.30, 0.31]))).toBe(`${LB} counts 6 percentage points more activity but only 1 percentage point more work: activity counted is not work.`);
  });
  test('more activity and as much more work', () => {
    expect(close(withShares([0.20, 0.15], [0.35, 0.30]))).toBe(`${LA} has both more activity (5 percentage points) and more work (5 percentage points).`);
  });
  test('about the same activity: whichever has more work is named, or none', () => {
    expect(close(withShares([0.157, 0.156], [0.323, 0.310]))).toBe(`The two count about the same activity; ${LA} has 1 percentage point more work.`);
    expect(close(withShares([0.157, 0.156], [0.323, 0.320]))).toBe('The two count about the same activity and about the same work.');
    expect(close(withShares([0.157, 0.156], [0.30, 0.33]), 'nb')).toBe(`De to teller omtrent like mye aktivitet; ${LB} har 3 prosentpoeng mer arbeid.`);
  });
});
