/** One run of a sweep: a pure function of the plan and the run id. Used by the worker threads (and in-thread with 0 workers). */
import { runReplicate } from '../ensemble.ts';
import { metricEntries, metricKeyText, metricValue, parseMetricKey, type MetricKey } from '../metrics.ts';
import type { Knobs, Scenario } from '../scenario.ts';
import { policyKnobs } from '../settings.ts';
import { InputError } from '../errors.ts';
import { applyPoint, locate } from './params.ts';
import { isVaried, runOf } from './plan.ts';
import type { RunRows, SweepPlan } from './types.ts';

/** A function from run id to the run's rows (group, metric, value), for the plan's metrics and groups. */
export function makeRunner(plan: SweepPlan, base: Scenario): (id: number) => RunRows {
  const targets = plan.parameters.map((p) => locate(base, p.name));
  const ownAgents = isVaried(targets, 'agents');
  const ownWeeks = isVaried(targets, 'weeks');
  // Ids arrive mostly in order, so the last few points are enough to cache.
  const cache = new Map<number, { scenario: Scenario; knobs: Partial<Knobs> }>();
  const at = (point: number) => {
    let hit = cache.get(point);
    if (!hit) {
      hit = applyPoint(base, targets, plan.points[point]);
      cache.set(point, hit);
      if (cache.size > 16) cache.delete(cache.keys().next().value as number);
    }
    return hit;
  };
  // a metric by year without a year means every year
  const keys = plan.metrics.map((m): MetricKey => {
    const k = parseMetricKey(m, { allYears: true });
    if ('error' in k) throw new InputError(`--metrics: ${k.error}`);
    return k;
  });
  return (id: number) => {
    if (!Number.isInteger(id) || id < 0 || id >= plan.runs) throw new InputError(`run ${id} is not a run of this sweep (0 to ${plan.runs - 1})`);
    const { point, replicate, policy } = runOf(plan, id);
    const { scenario: s, knobs } = at(point);
    const r = runReplicate(s, policy, replicate, {
      seed: plan.seed, agents: ownAgents ? s.agents : plan.agents, weeks: ownWeeks ? s.weeks : plan.weeks,
      knobs: Object.keys(knobs).length ? policyKnobs(s, policy, knobs) : undefined,
    });
    const rows: RunRows = [];
    const num = (v: number | undefined) => (v !== undefined && Number.isFinite(v) ? v : null);
    for (const group of plan.groups === 'all' ? ['all'] : r.groupNames) {
      const summary = r.summary[group];
      for (const k of keys) {
        const v = summary[k.name];
        if (k.year !== undefined) {
          if (!Array.isArray(v) || k.year > v.length) throw new InputError(`--metrics: ${metricKeyText(k)} has no value in run ${id} (${Array.isArray(v) ? v.length : 0} values)`);
          rows.push([group, metricKeyText(k), num(metricValue(summary, k))]);
        } else {
          for (const [name, x] of metricEntries(summary, [k.name])) rows.push([group, name, num(x)]);
        }
      }
    }
    return rows;
  };
}
