/**
 * The page's what-ifs (the "What if…" view): a comparison of a baseline and
 * up to MAX_VARIANTS variants on the same people (sim/arms.ts), from a
 * shipped preset (scenarios/whatifs/) or made on the page. Pure: no DOM.
 *
 * In the settings a comparison is either a preset's id (`whatif`, a link's
 * `whatif=ID`), which runs the preset's arms at the page's sizes, or the
 * arms themselves (`arms`, a link's `arms=JSON`). The arms run on the
 * page's scenario as it is: the scenario values changed in the settings
 * drawer are not in them unless an arm lists them (`fromSettings`).
 */
import {
  MAX_VARIANTS, parseComparison, parseWhatIf, planArms, planClaims, SHIPPED_WHATIFS,
  type ArmInput, type ArmsPlan, type ComparisonInput, type Scenario, type WhatIf, type WhatIfPlan,
} from '../sim/index.ts';
import { resolvedChanges, type LeverChanges } from './levers.ts';
import { sizesOf } from './plan.ts';
import type { Settings } from './settings.ts';

export { MAX_VARIANTS };

/** The shipped presets, checked, in their index's order. */
export const PRESETS: readonly WhatIf[] = Object.entries(SHIPPED_WHATIFS).map(([id, raw]) => parseWhatIf(raw, `what-if ${id}`));

export const presetOf = (id: string | undefined): WhatIf | undefined => PRESETS.find((w) => w.id === id);

/** The settings a preset runs with: its scenario as shipped and its run sizes (its seed, else the scenario's). */
export function presetSettings(w: WhatIf): Partial<Settings> {
  return {
    scenario: w.scenario, custom: undefined, levers: {}, whatif: w.id, arms: undefined, view: 'whatif',
    seed: w.run.seed, replications: w.run.replications, agents: w.run.agents, weeks: w.run.weeks,
  };
}

/** The comparison the settings hold: a preset's arms (with `scenario` dropped: the page's is used), the page's own, or none. */
export function comparisonOf(st: Pick<Settings, 'whatif' | 'arms'>): ComparisonInput | undefined {
  const w = presetOf(st.whatif);
  if (w) {
    const { scenario: _s, ...c } = w.comparison;
    return structuredClone(c);
  }
  return st.arms;
}

/** The arms of a comparison as the editor shows them: the baseline first. */
export const armsOf = (c: ComparisonInput): ArmInput[] => [c.baseline, ...c.variants];

/** A comparison from its arms (the baseline first); the description is kept. */
export function withArms(c: ComparisonInput | undefined, arms: ArmInput[]): ComparisonInput {
  const out: ComparisonInput = { baseline: arms[0], variants: arms.slice(1) };
  if (c?.description !== undefined) out.description = c.description;
  return out;
}

/** A first comparison on a scenario: the settings' policy A as the baseline, and the same with the settings' changes as a variant. */
export function starterComparison(st: Pick<Settings, 'a' | 'b' | 'levers'>, s: Scenario): ComparisonInput {
  return { baseline: { label: 'baseline', policy: st.a.base }, variants: [fromSettings(st, s, 'a', 'variant 1')] };
}

/**
 * An arm made from the settings: policy `side` with its changed knobs and the
 * scenario values changed in the drawer on scenario `s` (the group shares as
 * the drawer resolves them, so that they add up to 1). A true-or-false value
 * is not a change an arm can make (sim/changes.ts takes numbers and lists of
 * words): it is left out, and named in `skipped`.
 */
export function fromSettings(st: Pick<Settings, 'a' | 'b' | 'levers'>, s: Scenario, side: 'a' | 'b', label: string): ArmInput & { skipped?: string[] } {
  const changes: ArmInput['changes'] = {};
  const skipped: string[] = [];
  for (const [path, v] of Object.entries(resolvedChanges(s, st.levers as LeverChanges))) {
    if (typeof v === 'boolean') skipped.push(path);
    else changes[path] = v;
  }
  const arm: ArmInput & { skipped?: string[] } = { label, policy: st[side].base, knobs: { ...st[side].knobs }, changes };
  if (skipped.length) arm.skipped = skipped;
  return arm;
}

/** A page comparison checked like a comparison file (parseComparison), so a link's `arms` reads like `--arms FILE`. Throws ValidationError. */
export const checkedComparison = (raw: unknown, source = 'link: arms'): ComparisonInput => parseComparison(raw, source);

export interface PlannedWhatIf {
  plan: ArmsPlan;
  /** For a preset: its plan of claims, at the page's sizes. */
  preset?: WhatIfPlan;
}

/**
 * The plan of the settings' comparison on scenario `s` at the page's sizes
 * (`sizesOf`: the link's and fields' values, else the scenario's), as
 * `pathways compare --arm ... --seed ... --replications ...` plans it (for a
 * preset, `pathways whatif ID` at the preset's sizes). Throws
 * ValidationError naming the arm's field (`variants[0].changes.office.caseload`)
 * or InputError.
 */
export function planWhatIfOf(st: Settings, s: Scenario): PlannedWhatIf | undefined {
  const input = comparisonOf(st);
  if (!input) return undefined;
  const { sizes } = sizesOf(st, s);
  const source = st.whatif ? `what-if ${st.whatif}` : 'comparison';
  const plan = planArms(s, input, sizes, { source });
  const w = presetOf(st.whatif);
  if (!w) return { plan };
  // the preset's claims, read off a run of its arms at the page's sizes
  return { plan, preset: { whatIf: w, arms: plan, claims: planClaims(w, s, plan, source) } };
}

/** Runs a plan makes (arms × replications) and its person-weeks (for the time estimate). */
export function workOf(plan: ArmsPlan): { runs: number; personWeeks: number } {
  const runs = plan.arms.length * plan.settings.replications;
  return { runs, personWeeks: runs * plan.settings.agents * plan.settings.weeks };
}

/**
 * Person-weeks one worker simulates in a second before any run of this page
 * has been timed: about what a worker did for mixed-office in headless
 * Chromium on a 2-core machine (1,000 people × 260 weeks × 16 runs in 2.2 s on
 * two workers). After a run the page uses its own measured rate.
 */
export const DEFAULT_PERSON_WEEKS_PER_SECOND = 1_000_000;

/** Seconds a plan is expected to take on `workers` workers at `rate` person-weeks per second per worker. */
export function secondsOf(plan: ArmsPlan, workers: number, rate = DEFAULT_PERSON_WEEKS_PER_SECOND): number {
  const { runs, personWeeks } = workOf(plan);
  // the runs are dealt out whole: the last worker's share decides
  const perRun = personWeeks / runs / rate;
  return Math.ceil(runs / Math.max(1, workers)) * perRun;
}
