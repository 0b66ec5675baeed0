/**
 * "Save this scenario": the file the page writes is, read back by
 * parseScenarioFile, the scenario the page runs, and `pathways compare` on
 * it gives the page engine's numbers.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { SHIPPED } from '../../scenarios/index.ts';
import { aggregate, parseScenario, parseScenarioFile, resolvePolicy, runChanges, runReplicate, type Scenario } from '../../sim/index.ts';
import { compareOptions, planOf, policyLabel, scenarioOf } from '../../viz/plan.ts';
import { scenarioFile } from '../../viz/scenario-file.ts';
import { DEFAULTS, type Settings } from '../../viz/settings.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const SIZES = ['agents', 'weeks', 'seed', 'replications'] as const;

/** A scenario without what a saved file adds on top of the page's scenario (its base, sizes and compared policies). */
function core(s: Scenario): Partial<Scenario> {
  const { extends: _e, policies: _p, comparePolicies: _c, agents: _a, weeks: _w, seed: _s, replications: _r, ...rest } = s;
  return rest;
}

const settings: Settings = {
  ...DEFAULTS, scenario: 'mixed-office',
  levers: {
    'office.caseload': 40, 'groups.refugee.share': 0.3, 'labourMarket.vacanciesPer1000.0': 8,
    'services.languageCourse.entry': ['anyone'], 'services.workPlacement.rightsPriority': false,
  },
  b: { base: 'personalised', knobs: { proactiveInformation: 0.2 } },
  agents: 300, weeks: 40, replications: 2, seed: 3,
};

describe('the saved scenario file', () => {
  test('extends the shipped scenario with only what changed, and parses to the scenario the page runs', () => {
    const base = scenarioOf(settings);
    const file = scenarioFile(settings, base);
    expect(file.name).toBe('mixed-office-changed.json');
    expect(Object.keys(file.value)).toEqual(['extends', 'agents', 'weeks', 'seed', 'replications', 'comparePolicies', 'groups', 'services', 'office', 'labourMarket', 'policies']);
    expect(file.value.office).toEqual({ caseload: 40 });
    expect(file.value.labourMarket).toEqual({ vacanciesPer1000: [8, 4, 2] });
    expect((file.value.groups as unknown[]).length).toBe(base.groups.length);
    const saved = parseScenarioFile(JSON.parse(file.text), 'scenario mixed-office-changed.json');
    const { plan } = planOf(settings, base);
    expect(core(saved)).toEqual(core(plan.scenario));
    for (const k of SIZES) expect(saved[k], k).toBe(plan[k]);
    expect(saved.comparePolicies).toEqual(['standardised', 'personalised-b']);
    // the changed policy named in both languages, as the page names it: its base's label with a star
    expect(policyLabel(saved, 'personalised-b', 'en')).toBe(`${policyLabel(base, 'personalised', 'en')}*`);
    expect(policyLabel(saved, 'personalised-b', 'nb')).toBe(`${policyLabel(base, 'personalised', 'nb')}*`);
    expect(policyLabel(saved, 'personalised-b', 'nb')).not.toBe(policyLabel(saved, 'personalised-b', 'en'));
    expect(saved.comparePolicies.map((p) => resolvePolicy(saved, p))).toEqual(plan.knobs);
    // the changes the page's results list, the file's results list too (it adds the policies it compares)
    const pageChanges = runChanges(plan.scenario, { agents: plan.agents, weeks: plan.weeks, seed: plan.seed, replications: plan.replications });
    const fileChanges = Object.fromEntries(Object.entries(runChanges(saved, {})).filter(([k]) => !/^(policies|comparePolicies)\b/.test(k)));
    expect(fileChanges).toEqual(pageChanges);
    expect(pageChanges['office.caseload']).toBe(40);
  });

  test('without changed knobs or sizes it holds the scenario values only', () => {
    const st: Settings = { ...DEFAULTS, scenario: 'classroom', a: { base: 'standardised', knobs: {} }, b: { base: 'personalised', knobs: {} }, levers: { 'office.caseload': 40 } };
    expect(scenarioFile(st, scenarioOf(st)).value).toEqual({ extends: 'classroom', office: { caseload: 40 } });
  });

  test('a loaded file gets the changes written into it: one that extends, and a complete one', () => {
    const extending = JSON.stringify({ extends: 'mixed-office', office: { caseload: 50, hoursPerWeek: 25 } });
    const st: Settings = { ...DEFAULTS, scenario: 'custom', custom: extending, levers: { 'office.caseload': 45, 'labourMarket.discrimination': 0.1 } };
    const base = scenarioOf(st, 'what-if.json');
    const f = scenarioFile(st, base, 'what-if.json');
    expect(f.name).toBe('what-if-changed.json');
    expect(f.value).toEqual({ extends: 'mixed-office', office: { caseload: 45, hoursPerWeek: 25 }, labourMarket: { discrimination: 0.1 } });
    expect(core(parseScenarioFile(f.value))).toEqual(core(planOf(st, base).plan.scenario));
    // a complete file that does not list services runs the default catalogue: a changed service writes it whole
    const complete = JSON.stringify(SHIPPED.classroom);
    const st2: Settings = { ...DEFAULTS, scenario: 'custom', custom: complete, levers: { 'services.languageCourse.weeks': 20, 'groups.youth.share': 0.2 } };
    const base2 = scenarioOf(st2);
    const f2 = scenarioFile(st2, base2);
    expect(f2.value.replaceServices).toBe(true);
    expect(core(parseScenarioFile(f2.value))).toEqual(core(planOf(st2, base2).plan.scenario));
  });

  test('pathways compare on the saved file gives the page engine’s numbers', () => {
    const base = scenarioOf(settings);
    const { plan } = planOf(settings, base);
    // the page engine: each (replicate, policy) as a worker runs it, then aggregate as the page does
    const runs = [];
    for (let r = 0; r < plan.replications; r++) {
      for (const [k, p] of plan.policies.entries()) {
        runs.push(runReplicate(plan.scenario, p, r, { seed: plan.seed, weeks: plan.weeks, agents: plan.agents, knobs: plan.knobs[k], historyAgents: 0 }));
      }
    }
    const page = aggregate(plan.scenario, plan.policies, runs, compareOptions(plan));
    const dir = mkdtempSync(join(tmpdir(), 'pathways-saved-'));
    try {
      const path = join(dir, 'saved.json');
      writeFileSync(path, scenarioFile(settings, base).text);
      const out = JSON.parse(execFileSync(process.execPath, [join(ROOT, 'bin', 'pathways.js'), 'compare', '--scenario', path, '--json'], { encoding: 'utf8', cwd: ROOT }));
      const [a, b] = out.differenceOf as string[];
      expect([a, b]).toEqual(['standardised', 'personalised-b']);
      expect(out.policies[a].summary).toEqual(page.policies[plan.policies[0]].summary);
      expect(out.policies[b].summary).toEqual(page.policies[plan.policies[1]].summary);
      expect(out.policies[b].knobs).toEqual(plan.knobs[1]);
      expect(out.difference).toEqual(page.difference);
      expect([out.agents, out.weeks, out.seed, out.replications]).toEqual([300, 40, 3, 2]);
      expect(out.changes['office.caseload']).toBe(40);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  test('the shipped scenario is untouched by saving', () => {
    const before = JSON.stringify(parseScenario(SHIPPED['mixed-office']));
    scenarioFile(settings, scenarioOf(settings));
    expect(JSON.stringify(parseScenario(SHIPPED['mixed-office']))).toBe(before);
  });
});
