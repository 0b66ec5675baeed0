/**
 * A one-at-a-time sweep of the policy knobs, for notebooks/what-matters-most.html:
 * start from a baseline policy, move one knob across its range with the
 * others held at the baseline, and read the outcome metrics. Each point is a
 * `compare` of the baseline with that one knob changed (`policyKnobs`), so
 * every point runs the same replicates (common random numbers) and points
 * along a knob differ by the knob and not by luck.
 *
 * This is not a global sensitivity analysis (Morris screening, Sobol indices):
 * it ignores interactions between knobs and depends on the baseline. The
 * notebook's main analysis is global (lib/sensitivity.ts on sim/sensitivity/);
 * this sweep is its optional secondary view of the response curves.
 */
import { compare, KNOB_NAMES, KNOBS, parseScenario, policyKnobs, SHIPPED, type Knobs, type MetricName } from '../../sim/index.ts';
import { pause } from './ui.ts';

/** The values a knob is swept over: five even steps across a share, and a doubling ladder for a multiplier (a range above 1). */
export function levels(knob: keyof Knobs): number[] {
  const spec = KNOBS.fields[knob];
  if (spec.kind === 'number' && spec.max > 1) return [0.25, 0.5, 1, 2, 4].filter((v) => v >= spec.min && v <= spec.max);
  return [0, 0.25, 0.5, 0.75, 1];
}

export interface SweepOptions {
  scenario?: string;
  baseline?: string;
  replications?: number;
  /** The metrics read at each point (single numbers, not metrics by year): the notebook's choice. */
  metrics: readonly MetricName[];
  seed?: number;
  onProgress?: (done: number, total: number) => void | Promise<void>;
}

export interface Sweep {
  scenario: string; baseline: string; baselineKnobs: Knobs; replications: number; agents: number; weeks: number; runs: number;
  /** One row per knob, level and metric: mean and 95% interval over replicates. */
  points: { knob: keyof Knobs; value: number; metric: MetricName; mean: number; lo: number; hi: number; isBaseline: boolean }[];
  /** Per knob and metric: the largest minus the smallest mean along the sweep (the "swing"), and the mean at the top level minus that at the bottom. */
  swings: { knob: keyof Knobs; metric: MetricName; swing: number; low: number; high: number; topMinusBottom: number }[];
  milliseconds: number;
}

export async function sweep(opts: SweepOptions): Promise<Sweep> {
  const t0 = performance.now();
  const name = opts.scenario ?? 'classroom';
  const s = parseScenario(SHIPPED[name]);
  const baseline = opts.baseline ?? 'standardised';
  const base = policyKnobs(s, baseline);
  const reps = opts.replications ?? 2;
  const total = KNOB_NAMES.reduce((t, k) => t + levels(k).length, 0) * reps;
  const points: Sweep['points'] = [];
  let done = 0;
  let size = { agents: s.agents, weeks: s.weeks };
  for (const knob of KNOB_NAMES) {
    for (const value of levels(knob)) {
      const { result } = compare(s, [baseline], { replications: reps, seed: opts.seed, knobsByPolicy: { [baseline]: policyKnobs(s, baseline, { [knob]: value }) } });
      size = { agents: result.agents, weeks: result.weeks };
      done += reps;
      for (const metric of opts.metrics) {
        const e = result.policies[baseline].summary[metric];
        if (typeof e.mean !== 'number') throw new RangeError(`${metric} is a metric by year; the sweep reads single numbers`);
        points.push({ knob, value, metric, mean: e.mean, lo: e.ci95[0] as number, hi: e.ci95[1] as number, isBaseline: false });
      }
    }
    // the baseline's own value, if it is not one of the levels, is marked on the nearest level
    for (const metric of opts.metrics) {
      const row = points.filter((p) => p.knob === knob && p.metric === metric);
      const nearest = row.reduce((best, p) => (Math.abs(p.value - base[knob]) < Math.abs(best.value - base[knob]) ? p : best));
      nearest.isBaseline = true;
    }
    await opts.onProgress?.(done, total);
    await pause();
  }
  const swings: Sweep['swings'] = [];
  for (const knob of KNOB_NAMES) {
    for (const metric of opts.metrics) {
      const means = points.filter((p) => p.knob === knob && p.metric === metric).map((p) => p.mean);
      const low = Math.min(...means), high = Math.max(...means);
      swings.push({ knob, metric, swing: high - low, low, high, topMinusBottom: means[means.length - 1] - means[0] });
    }
  }
  return { scenario: name, baseline, baselineKnobs: base, replications: reps, ...size, runs: total, points, swings, milliseconds: performance.now() - t0 };
}
