/** The page's JSON export says what was run: each policy's full knobs and every scenario value the run changed. */
import { describe, expect, test } from 'vitest';
import { compare, parseScenario, resolvePolicy, SHIPPED, type CompareResult, type Knobs } from '../../sim/index.ts';
import { pageData } from '../../viz/data.ts';
import { compareJson } from '../../viz/export.ts';
import { compareOptions, planOf, sizesOf } from '../../viz/plan.ts';
import { DEFAULTS, type Settings } from '../../viz/settings.ts';

const s = parseScenario(SHIPPED.classroom, 'classroom');
const settings: Settings = {
  ...DEFAULTS, scenario: 'classroom', seed: 3, replications: 2, agents: 120, weeks: 20,
  a: { base: 'standardised', knobs: {} }, b: { base: 'standardised', knobs: { proactiveInformation: 0.7 } },
};

/** The page's road: plan, runs of every (replicate, policy key) with the plan's knobs, chart data, export. */
function exported(st: Settings): { json: CompareResult; plan: ReturnType<typeof planOf>['plan'] } {
  const { plan, labels } = planOf(st, s);
  const { runs } = compare(plan.scenario, plan.policies, compareOptions(plan));
  const data = pageData(plan.scenario, plan.policies, labels, runs, compareOptions(plan));
  return { json: JSON.parse(compareJson(data)) as CompareResult, plan };
}

describe('the JSON export', () => {
  test('carries the full knobs of each policy, changed knobs included', () => {
    const { json, plan } = exported(settings);
    expect(plan.policies).toEqual(['A: standardised', 'B: standardised*']);
    const standard = resolvePolicy(s, 'standardised');
    expect(json.policies['A: standardised'].knobs).toEqual(standard);
    expect(json.policies['B: standardised*'].knobs).toEqual({ ...standard, proactiveInformation: 0.7 } satisfies Knobs);
    expect(Object.keys(json.policies['B: standardised*'].knobs)).toEqual(Object.keys(standard));
  });

  test('carries every scenario value that differs from the scenario, by dotted path', () => {
    const { json } = exported(settings);
    expect(json.changes).toEqual({ agents: 120, weeks: 20, seed: 3, replications: 2 });
    // the scenario's own sizes (within the page's limits) are no change
    const own = exported({ ...settings, seed: undefined, agents: undefined, weeks: 20, replications: 2 }).json;
    expect(own.changes).toEqual({ weeks: 20, replications: 2 });
    expect(own.agents).toBe(s.agents);
  });

  test('is what the core gives for the same runs (the CLI’s compare --json)', () => {
    const { json, plan } = exported(settings);
    const { result } = compare(s, plan.policies, compareOptions(plan));
    expect(json).toEqual(JSON.parse(JSON.stringify(result)));
  });

  test('too few agents for the personas is one line naming the setting, as on the command line', () => {
    expect(() => sizesOf({ ...settings, agents: 3 }, s)).toThrow('agents: "3" is not allowed; scenario classroom has 5 personas, so it needs at least 5 agents');
  });
});
