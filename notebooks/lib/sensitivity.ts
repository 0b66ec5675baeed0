/**
 * A global sensitivity analysis of the policy knobs, in the page, for
 * notebooks/what-matters-most.html: Morris screening of all the knobs and a
 * small Sobol' analysis of a few, on the project's sensitivity module
 * (sim/sensitivity/: `sensitivityDesign`, `analyse`, `modelFactors`).
 *
 * Each design point runs the model once per replication and both outcomes are
 * read from the same runs (a memo keyed by the full knob vector and the run
 * settings), so two metrics cost the runs of one. Replicate r has the same
 * seed at every point (common random numbers), exactly as `modelEvaluator`
 * and `npx pathways sensitivity` do, so the CLI reproduces these numbers.
 * The points are evaluated in a loop that yields to the browser, so the
 * status line moves.
 */
import { KNOBS, METRIC_TABLE, parseScenario, resolvePolicy, runReplicate, SHIPPED, type Knobs, type Scenario } from '../../sim/index.ts';
import { analyse, sensitivityDesign, type Factor, type MorrisResult, type SensitivityDesign, type SobolResult } from '../../sim/sensitivity/index.ts';
import { modelFactors } from '../../sim/sensitivity/model.ts';
import './analyses.css';

export const KNOB_NAMES = Object.keys(KNOBS.fields) as (keyof Knobs)[];
export const OUTCOMES = ['employedShare', 'mismatchedServiceShare'] as const;
export type Outcome = (typeof OUTCOMES)[number];
/** The outcomes' labels: the metric table's (sim/metrics.ts). */
export const OUTCOME_LABEL = Object.fromEntries(OUTCOMES.map((o) => [o, METRIC_TABLE[o].label.en])) as Record<Outcome, string>;

/** Where the knobs move: over their whole ranges, or in a window near the baseline policy's values. */
export interface RangeMode { id: 'whole' | 'near'; label: string }
export const RANGE_MODES: RangeMode[] = [
  { id: 'whole', label: 'over its whole range (as in the schema)' },
  { id: 'near', label: 'in a window near the baseline (40% of its range)' },
];
/** Width of the window near the baseline, as a share of each knob's range. */
export const WINDOW = 0.4;

const round = (v: number) => Number(v.toFixed(6));

/** The knob's range in the scenario schema (shares 0–1; the meeting multiplier 0.1–4). */
export function schemaRange(knob: keyof Knobs): [number, number] {
  const spec = KNOBS.fields[knob] as { min: number; max: number };
  return [spec.min, spec.max];
}

/**
 * The knobs as factors of the analysis: their schema ranges, or a window of
 * WINDOW × the range centred on the baseline's value where it fits (shifted to
 * stay inside the range). Validated by `modelFactors` against the schema.
 */
export function knobFactors(s: Scenario, mode: RangeMode['id'], baseline: string, knobs: readonly (keyof Knobs)[] = KNOB_NAMES): Factor[] {
  const base = resolvePolicy(s, baseline);
  const vary = knobs.map((k) => {
    const [lo, hi] = schemaRange(k);
    if (mode === 'whole') return { name: `knobs.${k}`, lo, hi };
    const w = WINDOW * (hi - lo);
    const from = Math.min(Math.max(base[k] - w / 2, lo), hi - w);
    return { name: `knobs.${k}`, lo: round(from), hi: round(from + w) };
  });
  return modelFactors(s, vary).factors;
}

/** The size of the runs at each point. */
export interface RunSettings {
  scenario: string;
  baseline: string;
  replications: number;
  agents?: number;
  weeks?: number;
  /** Default: the scenario's. */
  seed?: number;
}

type Outputs = Record<Outcome, number>;
const memo = new Map<string, Outputs>();

/** Both outcomes at a point (knob values keyed `knobs.NAME`; the other knobs at the baseline), averaged over replications; memoised. */
function evaluate(s: Scenario, st: RunSettings, point: Record<string, number>): Outputs {
  const knobs = { ...resolvePolicy(s, st.baseline) };
  for (const [name, v] of Object.entries(point)) knobs[name.replace(/^knobs\./, '') as keyof Knobs] = v;
  const seed = st.seed ?? s.seed;
  const key = JSON.stringify([s.name, st.agents ?? s.agents, st.weeks ?? s.weeks, seed, st.replications, KNOB_NAMES.map((k) => knobs[k])]);
  const hit = memo.get(key);
  if (hit) return hit;
  const sum: Outputs = { employedShare: 0, mismatchedServiceShare: 0 };
  for (let r = 0; r < st.replications; r++) {
    const all = runReplicate(s, st.baseline, r, { seed, agents: st.agents, weeks: st.weeks, knobs }).summary.all;
    for (const o of OUTCOMES) sum[o] += all[o] as number;
  }
  for (const o of OUTCOMES) sum[o] /= st.replications;
  memo.set(key, sum);
  return sum;
}

const tick = () => new Promise<void>((ok) => setTimeout(ok, 0));

export interface Analysis<R> {
  settings: RunSettings & { agents: number; weeks: number; seed: number };
  design: SensitivityDesign;
  /** Indices per outcome, most influential first. */
  results: Record<Outcome, R>;
  /** Model runs made (points not already in the memo × replications). */
  runs: number;
  milliseconds: number;
  cancelled: boolean;
}

export type DesignSpec = { method: 'morris'; trajectories: number; levels?: number } | { method: 'sobol'; samples: number };

/**
 * Evaluate a design point by point, yielding to the browser every few runs
 * (`onProgress(done, total)`), then the indices of both outcomes.
 */
export async function analyseKnobs<R extends MorrisResult | SobolResult>(
  st: RunSettings, factors: Factor[], spec: DesignSpec,
  onProgress: (done: number, total: number) => void = () => {}, cancelled: () => boolean = () => false,
): Promise<Analysis<R>> {
  const t0 = performance.now();
  const s = parseScenario(SHIPPED[st.scenario]);
  const seed = st.seed ?? s.seed;
  const design = sensitivityDesign({ ...spec, factors, seed });
  const y: Record<Outcome, number[]> = { employedShare: [], mismatchedServiceShare: [] };
  const before = memo.size;
  let last = performance.now();
  for (const [i, p] of design.points.entries()) {
    if (performance.now() - last > 150) {
      onProgress(i, design.points.length);
      await tick();
      if (cancelled()) break;
      last = performance.now();
    }
    const out = evaluate(s, st, p);
    for (const o of OUTCOMES) y[o].push(out[o]);
  }
  const settings = { ...st, agents: st.agents ?? s.agents, weeks: st.weeks ?? s.weeks, seed };
  const stopped = y.employedShare.length < design.points.length;
  const results = (stopped ? {} : Object.fromEntries(OUTCOMES.map((o) => [o, analyse(design, y[o])]))) as Record<Outcome, R>;
  return { settings, design, results, runs: (memo.size - before) * st.replications, milliseconds: performance.now() - t0, cancelled: stopped };
}

/** `knobs.levelMatching` → `levelMatching`. */
export const knobOf = (factor: string) => factor.replace(/^knobs\./, '') as keyof Knobs;

/** A range as the CLI writes it: `0:1`, `0.05:0.45`. */
export const rangeText = (f: { lo: number; hi: number }) => `${+f.lo.toPrecision(6)}:${+f.hi.toPrecision(6)}`;

/** The `npx pathways sensitivity` command for an analysis of one outcome, on several lines (shell continuations), one `--vary` per factor. */
export function cliCommand(a: { method: 'morris' | 'sobol'; scenario: string; baseline: string; factors: Factor[]; metric: Outcome;
  trajectories?: number; samples?: number; replications: number; agents?: number; weeks?: number; out: string }): string {
  const size = a.method === 'morris' ? `--trajectories ${a.trajectories}` : `--samples ${a.samples}`;
  const vary = a.factors.map((f) => `--vary ${f.name}=${rangeText(f)}`);
  const lines = [`npx pathways sensitivity --method ${a.method} --scenario ${a.scenario} --policy ${a.baseline}`];
  for (let i = 0; i < vary.length; i += 3) lines.push(vary.slice(i, i + 3).join(' '));
  lines.push(`--metric ${a.metric} ${size}${a.replications !== 1 ? ` --replications ${a.replications}` : ''}`
    + `${a.agents ? ` --agents ${a.agents}` : ''}${a.weeks ? ` --weeks ${a.weeks}` : ''} --out ${a.out}`);
  return lines.join(' \\\n  ');
}

/** Which way a knob moves an outcome, from Morris mu and mu*: mostly up, mostly down, or either way. */
export function direction(x: { mu: number; muStar: number }): 'raises' | 'lowers' | 'either way' {
  if (x.mu > 0.5 * x.muStar) return 'raises';
  if (x.mu < -0.5 * x.muStar) return 'lowers';
  return 'either way';
}
