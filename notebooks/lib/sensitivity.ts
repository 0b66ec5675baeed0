/**
 * A global sensitivity analysis of the policy knobs, in the page, for
 * notebooks/what-matters-most.html: Morris screening of all the knobs and a
 * small Sobol' analysis of a few, on the project's sensitivity module
 * (sim/sensitivity/: `sensitivityDesign`, `analyse`, `modelFactors`,
 * `modelOutputs`).
 *
 * Each design point is run by `modelOutputs`, which averages every outcome
 * over the replications of the same runs, so two metrics cost the runs of one;
 * replicate r has the same seed at every point (common random numbers),
 * exactly as `modelEvaluator` and `npx pathways sensitivity` do, so the CLI
 * reproduces these numbers. Here the points are evaluated in a loop that
 * yields to the browser, so the status line moves, and remembered (by the
 * full knob vector and the run settings), so a cell run again with points
 * already seen is quick.
 */
import { KNOB_NAMES, KNOBS, METRIC_TABLE, parseScenario, policyKnobs, SHIPPED, type Knobs, type MetricName, type Scenario } from '../../sim/index.ts';
import {
  analyse, MORRIS_DIRECTION_NB, rangeLabel, rangeText, sensitivityDesign,
  type Factor, type MorrisDirection, type MorrisResult, type SensitivityDesign, type SobolResult,
} from '../../sim/sensitivity/index.ts';
import { modelFactors, modelOutputs } from '../../sim/sensitivity/model.ts';
import { applyPoint } from '../../sim/sweep/params.ts';
import { texts } from '../../viz/i18n.ts';
import { KNOB_TEXT } from '../../viz/knob-text.ts';
import { policyLabel } from '../../viz/plan.ts';
import { lang } from './lang.ts';
import './analyses.css';

/** Where the knobs move: over their whole ranges, or in a window near the baseline policy's values. */
export interface RangeMode { id: 'whole' | 'near'; label: string }
const RANGE_TEXT = texts({
  whole: 'over its whole range (as in the schema)',
  near: 'in a window near the baseline (40% of its range)',
}, {
  whole: 'over hele spennet sitt (som i skjemaet)',
  near: 'i et vindu nær utgangspunktet (40 % av spennet)',
});
export const RANGE_MODES: RangeMode[] = (['whole', 'near'] as const).map((id) => ({ id, label: RANGE_TEXT(lang)[id] }));
/** Width of the window near the baseline, as a share of each knob's range. */
export const WINDOW = 0.4;

const round = (v: number) => Number(v.toFixed(6));

/** The knob's range in the scenario schema (KNOBS). */
export function schemaRange(knob: keyof Knobs): [number, number] {
  const spec = KNOBS.fields[knob];
  return [spec.min, spec.max];
}

/**
 * The knobs as factors of the analysis: their schema ranges, or a window of
 * WINDOW × the range centred on the baseline's value where it fits (shifted to
 * stay inside the range). Validated by `modelFactors` against the schema.
 */
export function knobFactors(s: Scenario, mode: RangeMode['id'], baseline: string, knobs: readonly (keyof Knobs)[] = KNOB_NAMES): Factor[] {
  const base = policyKnobs(s, baseline);
  const vary = knobs.map((k) => {
    const [lo, hi] = schemaRange(k);
    if (mode === 'whole') return { name: `knobs.${k}`, lo, hi };
    const w = WINDOW * (hi - lo);
    const from = Math.min(Math.max(base[k] - w / 2, lo), hi - w);
    return { name: `knobs.${k}`, lo: round(from), hi: round(from + w) };
  });
  return modelFactors(s, vary).factors;
}

/** The runs at each point. */
export interface RunSettings {
  scenario: string;
  baseline: string;
  replications: number;
  /** The outcomes, metrics of the metric table, all read from the same runs: the notebook's choice. */
  metrics: readonly MetricName[];
  agents?: number;
  weeks?: number;
  /** Default: the scenario's. */
  seed?: number;
}

/** Outcomes already computed, by run settings and full knob vector. */
const memo = new Map<string, number[]>();

const tick = () => new Promise<void>((ok) => setTimeout(ok, 0));

export interface Analysis<R> {
  settings: RunSettings & { agents: number; weeks: number; seed: number };
  design: SensitivityDesign;
  /** Indices per outcome (keyed by metric), most influential first. */
  results: Record<string, R>;
  /** Model runs made (points not already in the memo × replications). */
  runs: number;
  milliseconds: number;
  cancelled: boolean;
}

export type DesignSpec = { method: 'morris'; trajectories: number; levels?: number } | { method: 'sobol'; samples: number };

/**
 * Evaluate a design point by point, yielding to the browser every few runs
 * (`onProgress(done, total)`), then the indices of every outcome.
 */
export async function analyseKnobs<R extends MorrisResult | SobolResult>(
  st: RunSettings, factors: Factor[], spec: DesignSpec,
  onProgress: (done: number, total: number) => void = () => {}, cancelled: () => boolean = () => false,
): Promise<Analysis<R>> {
  const t0 = performance.now();
  const s = parseScenario(SHIPPED[st.scenario]);
  const seed = st.seed ?? s.seed;
  const design = sensitivityDesign({ ...spec, factors, seed });
  const { targets } = modelFactors(s, factors);
  const outputs = modelOutputs(s, targets, { policy: st.baseline, metrics: st.metrics, replications: st.replications, seed, agents: st.agents, weeks: st.weeks });
  const runKey = [s.name, st.agents ?? s.agents, st.weeks ?? s.weeks, seed, st.replications, st.metrics];
  const remembered = (point: Record<string, number>): number[] => {
    const knobs = policyKnobs(s, st.baseline, applyPoint(s, targets, point).knobs);
    const key = JSON.stringify([...runKey, KNOB_NAMES.map((k) => knobs[k])]);
    let out = memo.get(key);
    if (!out) memo.set(key, (out = outputs(point)));
    return out;
  };
  const y: number[][] = st.metrics.map(() => []);
  const before = memo.size;
  let last = performance.now();
  for (const [i, p] of design.points.entries()) {
    if (performance.now() - last > 150) {
      onProgress(i, design.points.length);
      await tick();
      if (cancelled()) break;
      last = performance.now();
    }
    remembered(p).forEach((v, k) => y[k].push(v));
  }
  const settings = { ...st, agents: st.agents ?? s.agents, weeks: st.weeks ?? s.weeks, seed };
  const stopped = y[0].length < design.points.length;
  const results = (stopped ? {} : Object.fromEntries(st.metrics.map((m, k) => [m, analyse(design, y[k])]))) as Record<string, R>;
  return { settings, design, results, runs: (memo.size - before) * st.replications, milliseconds: performance.now() - t0, cancelled: stopped };
}

/** The knob a factor varies: `knobs.levelMatching` → `levelMatching`. */
export const knobOf = (factor: string) => factor.replace(/^knobs\./, '') as keyof Knobs;

/** A knob's name in the notebook's language, as the page's levers call it (viz/knob-text.ts). */
export const knobLabel = (knob: keyof Knobs): string => KNOB_TEXT(lang)[knob].label;

/** What a knob does: the schema's doc in English, the page's line in bokmål (viz/knob-text.ts). */
export const knobDoc = (knob: keyof Knobs): string => (lang === 'nb' ? KNOB_TEXT('nb')[knob].line : KNOBS.fields[knob].doc);

/** A metric's label in the notebook's language (sim/metrics.ts). */
export const metricLabel = (metric: MetricName): string => METRIC_TABLE[metric].label[lang];

/** A policy of a shipped scenario as the notebook names it: its name (`standardised`) in English, its label (Standardisert) in bokmål (viz/plan.ts). */
export const policyName = (scenario: string, policy: string): string =>
  (lang === 'nb' ? policyLabel(parseScenario(SHIPPED[scenario]), policy, 'nb') : policy);

/** A factor's range as people read it: `0.05–0.45`, in bokmål `0,05–0,45`. */
export const rangeShown = (f: { lo: number; hi: number }): string => rangeLabel(f, lang);

/** Which way moving a knob up moves an outcome (morrisDirection), in the notebook's language. */
export const directionLabel = (d: MorrisDirection): string => (lang === 'nb' ? MORRIS_DIRECTION_NB[d] : d);

/** Numbers as a list: `1.2 pp, 0.8 pp`; in bokmål, where the comma is the decimal mark, `1,2 pp; 0,8 pp` (as intervals are written). */
export const numberList = (items: readonly string[]): string => items.join(lang === 'nb' ? '; ' : ', ');


/** The `npx pathways sensitivity` command for an analysis of one outcome, on several lines (shell continuations), one `--vary` per factor. */
export function cliCommand(a: { method: 'morris' | 'sobol'; scenario: string; baseline: string; factors: Factor[]; metric: MetricName;
  trajectories?: number; samples?: number; replications: number; agents?: number; weeks?: number; out: string }): string {
  const size = a.method === 'morris' ? `--trajectories ${a.trajectories}` : `--samples ${a.samples}`;
  const vary = a.factors.map((f) => `--vary ${f.name}=${rangeText(f)}`);
  const lines = [`npx pathways sensitivity --method ${a.method} --scenario ${a.scenario} --policy ${a.baseline}`];
  for (let i = 0; i < vary.length; i += 3) lines.push(vary.slice(i, i + 3).join(' '));
  lines.push(`--metric ${a.metric} ${size}${a.replications !== 1 ? ` --replications ${a.replications}` : ''}`
    + `${a.agents ? ` --agents ${a.agents}` : ''}${a.weeks ? ` --weeks ${a.weeks}` : ''} --out ${a.out}`);
  return lines.join(' \\\n  ');
}
