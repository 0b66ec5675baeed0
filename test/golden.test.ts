/**
 * Golden results of every shipped scenario at small settings. After a
 * deliberate change to the model or the scenarios, regenerate with
 *   npx vitest run test/golden.test.ts -u
 * and read the diff of test/golden/*.json.
 */
import { describe, expect, it } from 'vitest';
import { compare, type EstimateTable } from '../sim/ensemble.ts';
import { METRICS } from '../sim/metrics.ts';
import { parseScenario } from '../sim/scenario.ts';
import { SHIPPED } from '../scenarios/index.ts';

const SETTINGS = { agents: 400, weeks: 104, replications: 2, seed: 7 };

/** Round to 4 significant digits (and -0 to 0), so the snapshot shows what matters and diffs stay readable. */
export function sig4(x: number): number {
  if (!Number.isFinite(x)) return x;
  const r = Number(x.toPrecision(4));
  return r === 0 ? 0 : r;
}
const means = (t: EstimateTable) =>
  Object.fromEntries(METRICS.map((k) => {
    const m = t[k].mean;
    return [k, Array.isArray(m) ? m.map(sig4) : sig4(m)];
  }));

describe('sig4', () => {
  it('rounds to four significant digits', () => {
    expect(sig4(0.123456)).toBe(0.1235);
    expect(sig4(123456)).toBe(123500);
    expect(sig4(-0.00001234567)).toBe(-0.00001235);
    expect(Object.is(sig4(-0), 0)).toBe(true);
    expect(sig4(2)).toBe(2);
  });
});

describe('golden results of the shipped scenarios', () => {
  it('covers every shipped scenario', () => {
    expect(Object.keys(SHIPPED).length).toBeGreaterThan(0);
  });

  for (const [name, raw] of Object.entries(SHIPPED)) {
    it(name, async () => {
      const s = parseScenario(raw, name);
      const { result } = compare(s, s.comparePolicies, SETTINGS);
      const golden = {
        scenario: name,
        settings: SETTINGS,
        policies: Object.fromEntries(s.comparePolicies.map((p) => [p, {
          all: means(result.policies[p].summary),
          byGroup: Object.fromEntries(Object.entries(result.policies[p].byGroup).map(([g, t]) => [g, means(t)])),
        }])),
        difference: { of: result.differenceOf, ...means(result.difference) },
      };
      await expect(JSON.stringify(golden, null, 2) + '\n').toMatchFileSnapshot(`golden/${name}.json`);
    });
  }
});
