import { describe, expect, it } from 'vitest';
import { SCENARIO, KNOBS } from '../../sim/schema/scenario.ts';
import type { NumberSpec, ObjectSpec, Spec } from '../../sim/schema/dsl.ts';
import { copy, loadCore } from './harness.ts';

// A one-at-a-time screen: every numeric scenario parameter and policy knob,
// moved by a third of its range, must change some metric of some shipped
// scenario (same people, same luck, so any effect shows). Parameters that are
// structural (run size) are not screened; the test names them.
const core = await loadCore();
const NOT_SCREENED = ['agents', 'weeks', 'seed', 'replications'];
// shares that must add up to 1 with the others (group shares, education shares) cannot be moved one at a time; ages keep ageMin ≤ ageMax
const COMPOSITION = ['groups[].share', 'groups[].education', 'groups[].ageMin', 'groups[].ageMax'];
const SCENARIOS = ['mixed-office', 'vulnerable-youth', 'resourceful-immigrants'];
const RUN = { agents: 600, weeks: 156 };

type Raw = Record<string, unknown>;
const moved = (spec: NumberSpec, v: number) => {
  const step = (spec.max - spec.min) / 3;
  let x = v + step <= spec.max ? v + step : v - step;
  if (spec.integer) x = Math.round(x);
  if (x === v) x = v + (v < spec.max ? 1 : -1);
  return x;
};

/** Every numeric leaf as [label, change]: the change edits a raw scenario (already filled with defaults). */
function targets(): [string, (s: Raw) => void][] {
  const out: [string, (s: Raw) => void][] = [];
  const num = (spec: Spec): spec is NumberSpec => spec.kind === 'number';
  for (const [section, spec] of Object.entries(SCENARIO.fields)) {
    if (NOT_SCREENED.includes(section)) continue;
    if (num(spec)) continue;
    if (spec.kind === 'object' && ['office', 'labourMarket', 'behaviour'].includes(section)) {
      for (const [k, f] of Object.entries((spec as ObjectSpec).fields)) {
        // a budget far above what is spent is inert by design: screen it at a level that binds
        if (section === 'office' && k === 'budgetPerWeekPer1000') out.push([`${section}.${k}`, (s) => { (s[section] as Raw)[k] = 100_000; }]);
        else if (num(f)) out.push([`${section}.${k}`, (s) => { const o = s[section] as Raw; o[k] = moved(f, o[k] as number); }]);
        else if (f.kind === 'array' && num(f.items)) {
          const items = f.items;
          out.push([`${section}.${k}`, (s) => { const o = s[section] as Raw; o[k] = (o[k] as number[]).map((v) => moved(items, v)); }]);
        }
      }
    }
    if (spec.kind === 'array' && (section === 'groups' || section === 'services') && spec.items.kind === 'object') {
      for (const [k, f] of Object.entries(spec.items.fields)) {
        if (num(f)) out.push([`${section}[].${k}`, (s) => { for (const g of s[section] as Raw[]) g[k] = moved(f, g[k] as number); }]);
        else if (f.kind === 'object') {
          for (const [kk, ff] of Object.entries(f.fields)) if (num(ff)) out.push([`${section}[].${k}.${kk}`, (s) => { for (const g of s[section] as Raw[]) { const o = g[k] as Raw; o[kk] = moved(ff, o[kk] as number); } }]);
        }
      }
    }
  }
  return out;
}

describe('every parameter moves some metric in some shipped scenario', () => {
  const base = Object.fromEntries(SCENARIOS.map((n) => {
    const filled = copy(core.parseScenario(core.SHIPPED[n])) as unknown as Raw;
    return [n, filled];
  }));
  const summaries = (raw: Raw) => {
    const s = core.parseScenario(raw);
    return JSON.stringify(s.comparePolicies.map((p) => core.runReplicate(s, p, 0, RUN).summary.all));
  };
  const baseline = Object.fromEntries(SCENARIOS.map((n) => [n, summaries(base[n])]));
  it('scenario parameters', () => {
    const inert: string[] = [];
    for (const [label, change] of targets().filter(([l]) => !COMPOSITION.includes(l))) {
      const movesSomething = SCENARIOS.some((n) => {
        const raw = copy(base[n]);
        change(raw);
        return summaries(raw) !== baseline[n];
      });
      if (!movesSomething) inert.push(label);
    }
    expect(inert, `parameters that move no metric: ${inert.join(', ')}`).toEqual([]);
  });
  it('policy knobs', () => {
    const inert: string[] = [];
    for (const [k, f] of Object.entries(KNOBS.fields) as [string, NumberSpec][]) {
      const movesSomething = SCENARIOS.some((n) => {
        const raw = copy(base[n]);
        const s = core.parseScenario(raw);
        const knobs = core.resolvePolicy(s, s.comparePolicies[0]);
        raw.policies = { ...(raw.policies as Raw), screened: { ...knobs, [k]: moved(f, knobs[k as keyof typeof knobs]) } };
        const t = core.parseScenario(raw);
        return JSON.stringify(core.runReplicate(t, 'screened', 0, RUN).summary.all) !== JSON.stringify(core.runReplicate(t, s.comparePolicies[0], 0, RUN).summary.all);
      });
      if (!movesSomething) inert.push(k);
    }
    expect(inert, `knobs that move no metric: ${inert.join(', ')}`).toEqual([]);
  });
});
