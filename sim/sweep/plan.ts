/** From a SweepSpec to a SweepPlan: parameters, design points, runs, and the run ids of a shard. */
import { createHash } from 'node:crypto';
import pkg from '../../package.json';
import { loadScenario } from '../load.ts';
import { METRICS, parseMetricKey } from '../metrics.ts';
import { parseScenario, policyNames, type Scenario } from '../scenario.ts';
import { resolveRunSettings } from '../settings.ts';
import { gridPoints, lhsPoints, type Axis, type Point } from './design.ts';
import { InputError, suggest } from '../errors.ts';
import { applyPoint, checkValue, locate, parseVary, rangeValues, varyText, type Target } from './params.ts';
import type { Parameter, SweepMeta, SweepPlan, SweepSpec, Vary } from './types.ts';

export const MAX_RUNS = 10_000_000;
const MAX_VALUES = 100_000;

/** A plan with what running it needs beyond sweep.json: the resolved scenario and where each parameter goes. */
export interface Prepared {
  plan: SweepPlan;
  base: Scenario;
  targets: Target[];
}

/** Whether a top-level scenario field (agents, weeks) is one of the parameters: then each run takes it from its point. */
export const isVaried = (targets: Target[], field: 'agents' | 'weeks') => targets.some((t) => t.kind === 'field' && t.path.length === 1 && t.path[0] === field);

function int(what: string, v: unknown, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    throw new InputError(`${what}: ${JSON.stringify(v)} is not allowed; expected an integer from ${min} to ${max}`);
  }
  return v;
}

const quote = (s: string) => (/^[A-Za-z0-9_./:=,@+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

function checkPolicies(s: Scenario, policies: string[]): string[] {
  const known = policyNames(s);
  if (policies.length === 0) throw new InputError('--policies: no policy given; known: ' + known.join(', '));
  for (const p of policies) {
    if (!known.includes(p)) throw new InputError(`--policies: ${JSON.stringify(p)} is not a policy of scenario ${s.name}${suggest(p, known)}; known: ${known.join(', ')}`);
  }
  const dup = policies.find((p, i) => policies.indexOf(p) !== i);
  if (dup !== undefined) throw new InputError(`--policies: ${JSON.stringify(dup)} is given more than once`);
  return policies;
}

/** Check the `--metrics` list against the metric table (a metric by year alone means every year) and the shortest run. */
function checkMetrics(metrics: string[], weeks: number[]): string[] {
  if (metrics.length === 0) throw new InputError('--metrics: no metric given; metrics: ' + METRICS.join(', '));
  for (const m of metrics) {
    const k = parseMetricKey(m, { weeks: Math.min(...weeks), allYears: true, hint: (name, known) => suggest(name, [...known]) });
    if ('error' in k) throw new InputError(`--metrics: ${k.error}`);
  }
  const dup = metrics.find((m, i) => metrics.indexOf(m) !== i);
  if (dup !== undefined) throw new InputError(`--metrics: ${JSON.stringify(dup)} is given more than once`);
  return metrics;
}

/** The values a parameter takes and its resolved description. */
function parameter(v: Vary, t: Target, design: 'grid' | 'lhs'): { param: Parameter; axis: Axis } {
  const { min, max } = t.spec;
  const integer = t.spec.integer === true;
  const text = varyText(v);
  const fail = (why: string) => new InputError(`--vary: ${JSON.stringify(text)} is not allowed; ${why}`);
  if ('values' in v) {
    if (v.values.length === 0) throw fail('no values given');
    v.values.forEach((x) => checkValue(t, x));
    const dup = v.values.find((x, i) => v.values.indexOf(x) !== i);
    if (dup !== undefined) throw fail(`${dup} is given more than once`);
    const param: Parameter = { name: t.name, kind: t.kind, min, max, integer, lo: Math.min(...v.values), hi: Math.max(...v.values), values: [...v.values] };
    return { param, axis: { name: t.name, values: [...v.values] } };
  }
  const { lo, hi, step } = v;
  if (!(lo <= hi)) throw fail(`lo ${lo} is above hi ${hi}`);
  checkValue(t, lo);
  checkValue(t, hi);
  if (step !== undefined) {
    if (!(step > 0)) throw fail('the step must be above 0');
    if (integer && !Number.isInteger(step)) throw fail(`${t.name} takes integers, so the step must be an integer`);
    if ((hi - lo) / step >= MAX_VALUES) throw fail(`that is more than ${MAX_VALUES} values`);
  }
  if (design === 'grid') {
    if (step === undefined) throw fail('a range on a grid needs a step: NAME=lo:hi:step');
    const values = rangeValues(lo, hi, step);
    return { param: { name: t.name, kind: t.kind, min, max, integer, lo, hi, step, values }, axis: { name: t.name, values } };
  }
  // Latin hypercube: the whole interval (the step is not used); integer fields take the integers in it.
  const param: Parameter = { name: t.name, kind: t.kind, min, max, integer, lo, hi };
  return { param, axis: { name: t.name, lo, hi, integer } };
}

function pointsDesign(base: Scenario, points: Record<string, number>[]): { targets: Target[]; params: Parameter[] } {
  if (!Array.isArray(points) || points.length === 0) throw new InputError('points design: no points given');
  const names = Object.keys(points[0]);
  const targets = names.map((n) => locate(base, n));
  points.forEach((p, i) => {
    const keys = Object.keys(p);
    if (keys.length !== names.length || keys.some((k) => !names.includes(k))) {
      throw new InputError(`points design: point ${i} has parameters ${keys.join(', ') || 'none'}; every point needs exactly ${names.join(', ')}`);
    }
    targets.forEach((t) => checkValue(t, p[t.name]));
  });
  const params = targets.map((t): Parameter => {
    const vs = points.map((p) => p[t.name]);
    return { name: t.name, kind: t.kind, min: t.spec.min, max: t.spec.max, integer: t.spec.integer === true, lo: Math.min(...vs), hi: Math.max(...vs) };
  });
  return { targets, params };
}

/** Resolve and check a spec. Throws InputError (one line) or ValidationError (a scenario file with field errors). */
declare const __PATHWAYS_MODEL__: string | undefined;
/** The model code's fingerprint, set when the code is bundled (scripts/bundle.js); "unbundled" when run from the sources. */
const MODEL = typeof __PATHWAYS_MODEL__ === 'string' ? __PATHWAYS_MODEL__ : 'unbundled';

/**
 * Resolve and check a spec. `onCheck(done, total)` reports progress of the
 * slow part: checking every design point's scenario against the schema (about
 * 1 ms a point when a scenario field is varied), first with done = 0.
 */
export function prepare(spec: SweepSpec, onCheck?: (done: number, total: number) => void): Prepared {
  const base = typeof spec.scenario === 'string' ? loadScenario(spec.scenario) : parseScenario(spec.scenario, 'scenario');
  const design = spec.design ?? { kind: 'grid' };
  if (!['grid', 'lhs', 'points'].includes(design.kind)) throw new InputError(`--design: ${JSON.stringify(design.kind)} is not allowed; expected grid or lhs`);
  const { agents, weeks, seed, replications } = resolveRunSettings(base, {}, { agents: spec.agents, weeks: spec.weeks, seed: spec.seed, replications: spec.replications });
  const policies = checkPolicies(base, spec.policies ?? [...base.comparePolicies]);
  const groups = spec.groups ?? 'all';
  if (groups !== 'all' && groups !== 'every') throw new InputError(`--groups: ${JSON.stringify(groups)} is not allowed; expected all or every`);
  const output = spec.output ?? 'csv';
  if (output !== 'csv' && output !== 'parquet') throw new InputError(`--format: ${JSON.stringify(output)} is not allowed; expected csv or parquet`);

  let targets: Target[];
  let params: Parameter[];
  let points: Point[];
  const vary = (spec.vary ?? []).map((v) => (typeof v === 'string' ? parseVary(v) : v));
  if (design.kind === 'points') {
    if (vary.length) throw new InputError('--vary: not used with a points design (the points name the parameters)');
    ({ targets, params } = pointsDesign(base, design.points));
    points = design.points.map((p) => Object.fromEntries(targets.map((t) => [t.name, p[t.name]])));
  } else {
    targets = vary.map((v) => locate(base, v.name));
    const dup = targets.find((t, i) => targets.findIndex((u) => u.name === t.name) !== i);
    if (dup) throw new InputError(`--vary: ${dup.name} is given more than once`);
    const resolved = vary.map((v, i) => parameter(v, targets[i], design.kind as 'grid' | 'lhs'));
    params = resolved.map((r) => r.param);
    if (design.kind === 'grid') {
      const size = resolved.reduce((n, r) => n * ('values' in r.axis ? r.axis.values.length : 1), 1);
      if (size * replications * policies.length > MAX_RUNS) throw new InputError(`--vary: the grid has ${size} points, more than ${MAX_RUNS} runs in all`);
      points = gridPoints(resolved.map((r) => r.axis as { name: string; values: number[] }));
    } else {
      const samples = int('--samples', design.samples, 1, 1_000_000);
      if (vary.length === 0) throw new InputError('--design lhs: needs at least one --vary parameter');
      points = lhsPoints(resolved.map((r) => r.axis), samples, seed);
    }
  }
  if (isVaried(targets, 'agents') && spec.agents !== undefined) throw new InputError('--vary: agents is varied, so --agents cannot be given too');
  if (isVaried(targets, 'weeks') && spec.weeks !== undefined) throw new InputError('--vary: weeks is varied, so --weeks cannot be given too');
  const runs = points.length * replications * policies.length;
  if (runs > MAX_RUNS) throw new InputError(`the sweep has ${runs} runs, more than ${MAX_RUNS}`);
  // Every point's scenario must pass the schema (e.g. group shares that no longer add up to 1).
  const weeksAt = new Set<number>([weeks]);
  if (targets.some((t) => t.kind === 'field')) {
    const varied = isVaried(targets, 'weeks');
    if (varied) weeksAt.clear();
    onCheck?.(0, points.length);
    points.forEach((p, i) => {
      applyPoint(base, targets, p);
      if (varied) weeksAt.add(p.weeks);
      if (onCheck && ((i + 1) % 1000 === 0 || i + 1 === points.length)) onCheck(i + 1, points.length);
    });
  }
  const metrics = checkMetrics(spec.metrics ?? [...METRICS], [...weeksAt]);

  const cmd = ['pathways', 'sweep', '--scenario', typeof spec.scenario === 'string' ? spec.scenario : base.name];
  if (design.kind === 'points') cmd.push(`(points design: ${points.length} points)`);
  else {
    if (vary.length) cmd.push('--vary', vary.map(varyText).join(' '));
    cmd.push('--design', design.kind);
    if (design.kind === 'lhs') cmd.push('--samples', String(design.samples));
  }
  cmd.push('--policies', policies.join(','), '--replications', String(replications));
  if (!isVaried(targets, 'agents')) cmd.push('--agents', String(agents));
  if (!isVaried(targets, 'weeks')) cmd.push('--weeks', String(weeks));
  cmd.push('--seed', String(seed));
  if (spec.metrics) cmd.push('--metrics', metrics.join(','));
  cmd.push('--groups', groups);
  if (output === 'parquet') cmd.push('--format', 'parquet');

  const plan: SweepPlan = {
    format: 'pathways-sweep/1', version: pkg.version, model: MODEL, command: cmd.map(quote).join(' '),
    scenario: { name: base.name, hash: 'sha256:' + createHash('sha256').update(JSON.stringify(base)).digest('hex') },
    agents, weeks, seed, replications, policies, parameters: params,
    design: design.kind === 'lhs' ? { kind: 'lhs', samples: design.samples } : { kind: design.kind },
    points, metrics, groups, runs,
    columns: ['run', 'point', ...params.map((p) => p.name), 'replicate', 'seed', 'policy', 'group', 'metric', 'value'],
    ...(output === 'parquet' ? { output } : {}),
  };
  return { plan, base, targets };
}

/** The point, replicate and policy of run `id`: ids count policies fastest, then replicates, then points. */
export function runOf(plan: SweepPlan, id: number): { point: number; replicate: number; policy: string } {
  const P = plan.policies.length;
  return { point: Math.floor(id / (plan.replications * P)), replicate: Math.floor(id / P) % plan.replications, policy: plan.policies[id % P] };
}

/** The largest number of shards. */
export const MAX_SHARDS = 1_000_000;

/**
 * A shard as `i/n` text (the command line's --shard) or [i, n], checked:
 * 1 <= i <= n <= MAX_SHARDS. Undefined stays undefined (no shard: every run).
 */
export function parseShard(shard: string | [number, number] | undefined): [number, number] | undefined {
  if (shard === undefined) return undefined;
  const text = typeof shard === 'string' ? shard : `${shard[0]}/${shard[1]}`;
  const m = /^(\d+)\/(\d+)$/.exec(text);
  const i = m ? Number(m[1]) : NaN;
  const n = m ? Number(m[2]) : NaN;
  if (!m || !(i >= 1 && i <= n && n <= MAX_SHARDS)) {
    throw new InputError(`--shard: ${JSON.stringify(text)} is not allowed; expected i/n with 1 <= i <= n (for example 2/4)`);
  }
  return [i, n];
}

/** Whether run `id` belongs to the shard (all runs without one): id mod n = i - 1. */
export const inShard = (id: number, shard: [number, number] | undefined) => shard === undefined || id % shard[1] === shard[0] - 1;

/** The run ids of a shard, ascending. */
export function shardIds(runs: number, shard: [number, number] | undefined): number[] {
  const ids: number[] = [];
  for (let id = shard ? shard[0] - 1 : 0; id < runs; id += shard ? shard[1] : 1) ids.push(id);
  return ids;
}

/** The first field in which two sweep.json differ (`command`, and `shard` when asked, are not compared); undefined when they agree. */
export function metaDiff(a: SweepMeta, b: SweepMeta, compareShard: boolean): string | undefined {
  const show = (v: unknown) => {
    const s = JSON.stringify(v) ?? 'nothing';
    return s.length > 40 ? s.slice(0, 37) + '...' : s;
  };
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => k !== 'command' && (compareShard || k !== 'shard'));
  for (const k of keys) {
    const x = (a as unknown as Record<string, unknown>)[k];
    const y = (b as unknown as Record<string, unknown>)[k];
    if (JSON.stringify(x) !== JSON.stringify(y)) return `${k}: ${show(x)} there, ${show(y)} here`;
  }
  return undefined;
}
