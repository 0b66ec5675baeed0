/**
 * `pathways calibrate`: fit scenario parameters to the targets of a target
 * file, into a folder, on the worker pool of the sweep engine.
 *
 * - The distance of a candidate point is the simulated-method-of-moments sum
 *   Σ w ((m − c) / h)² over the targets used for fitting (distance.ts), with
 *   m the model's mean over replicates, c the centre of the target's band and
 *   h its half-width. Every candidate runs the same replicates with the same
 *   seeds (common random numbers), so the distance is a smooth function of
 *   the point rather than a noisy one.
 * - The search is Nelder–Mead in the box (optim.ts), from the scenario's own
 *   values, or ABC-SMC (abc.ts) with a uniform prior on the box.
 * - Each candidate is a batch of jobs (its settings × replicates) for the
 *   pool (sim/sweep/pool.ts); an ABC batch holds many candidates.
 * - Resumable: each evaluated candidate is a line of DIR/journal.jsonl (the
 *   sweep's checksummed journal, id = the evaluation's number). The searches
 *   are deterministic, so run again they ask the same points in the same
 *   order, and those in the journal are read instead of run. A different
 *   calibration into the same folder is refused; the folder is locked while
 *   one runs.
 * - At the end, the best point's scenario is checked against every target,
 *   fit and held out (the runs `pathways targets` makes on DIR/calibrated.json),
 *   and DIR/calibrated.json, fit.json, trace.csv (and posterior.csv for ABC)
 *   are written whole.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InputError } from '../errors.ts';
import type { Scenario } from '../scenario.ts';
import type { RunSettings } from '../settings.ts';
import { estimate } from '../stats.ts';
import { csvCell } from '../tables.ts';
import { ensureDir, lockFolder, readIfExists, removeStaleTemps, writeAtomic } from '../sweep/files.ts';
import { JOURNAL, JournalReader, JournalWriter, readJournal, rewriteJournal } from '../sweep/journal.ts';
import { openPool, type JobPool } from '../sweep/pool.ts';
import type { RunRows } from '../sweep/types.ts';
import { AbcSmc, type AbcSmcResult } from './abc.ts';
import { lhsPoints } from '../sweep/design.ts';
import type { Bound } from './box.ts';
import { candidatePlan, locateParameters, makeCandidateRunner, parameterValues, type CandidateJob, type CandidatePlan, type CandidateSetup, type Subset } from './candidate.ts';
import { distance, type TargetBand } from './distance.ts';
import { NelderMead, type StepKind } from './optim.ts';
import { targetsResult, type TargetFile, type TargetsResult } from './targets.ts';

export const CALIBRATION = 'calibration.json';
export const CALIBRATED = 'calibrated.json';
export const FIT = 'fit.json';
export const TRACE = 'trace.csv';
export const POSTERIOR = 'posterior.csv';

export const METHODS = ['nelder-mead', 'abc'] as const;
export type Method = (typeof METHODS)[number];

/** Defaults of the search, documented in `pathways calibrate --help` and docs/calibration-methods.md. */
export const CALIBRATE_DEFAULTS = {
  /** Candidate evaluations: Nelder–Mead's at most; ABC-SMC's simulations in all. */
  budget: { 'nelder-mead': 60, abc: 300 } as Record<Method, number>,
  /** ABC-SMC particles per population. */
  particles: 30,
  /** Nelder–Mead: edge of the first simplex, as a share of each range. */
  step: 0.25,
  /** Nelder–Mead stops when the simplex is within this share of each range of its best vertex and its distances within fTolerance. */
  xTolerance: 0.01,
  fTolerance: 0.01,
} as const;

export interface CalibrateSpec {
  /** The scenario as loaded, and how it was named (a shipped name or a file). */
  scenario: Scenario;
  scenarioArg: string;
  file: TargetFile;
  targetsArg: string;
  bounds: Bound[];
  method: Method;
  budget?: number;
  particles?: number;
  /** Nelder–Mead: searches from this many start points (the scenario's values, then a Latin hypercube of the box); default 1. */
  starts?: number;
  /** Run only the starts whose number mod n = i − 1 (1-based [i, n]); `pathways merge` joins the shards. Nelder–Mead only. */
  shard?: [number, number];
  settings: RunSettings;
}

export interface CalibrateOptions {
  out: string;
  workers: number;
  /** Runs done / total (candidate runs; a search that converges early ends before the total). */
  onProgress?: (done: number, total: number) => void;
  onNote?: (line: string) => void;
}

/** What calibration.json holds: everything the result depends on (a folder is resumed only by the same calibration). */
export interface CalibrationMeta {
  format: 'pathways-calibration/1';
  command: string;
  scenario: { name: string; hash: string };
  targets: { name: string; hash: string; fit: string[]; holdout: string[] };
  method: Method;
  parameters: (Bound & { start: number })[];
  /** Evaluations per start (Nelder–Mead) or simulations (ABC). */
  budget: number;
  particles: number | null;
  /** The start points of Nelder–Mead (one per search; null for ABC), in parameter units. */
  starts: number[][] | null;
  /** The shard of the starts this folder runs (1-based), or null for all of them. */
  shard: { index: number; count: number } | null;
  settings: RunSettings;
  /** Runs per candidate: the fit targets' settings × replicates. */
  runsPerCandidate: number;
}

/** One evaluated candidate. */
export interface TraceRow {
  evaluation: number;
  /** Nelder–Mead: the start (1-based) whose search asked it; ABC: 1. */
  start: number;
  /** Nelder–Mead: the step that asked it; ABC: 'proposal'. */
  kind: StepKind | 'proposal';
  /** Nelder–Mead: completed iterations before it; ABC: its generation. */
  step: number;
  point: number[];
  distance: number;
  /** The model's mean of each fit target, in file order. */
  means: number[];
}

export interface CalibrationResult {
  method: Method;
  parameters: (Bound & { start: number; value: number })[];
  /** The distance at the start (Nelder–Mead's first evaluation; ABC: null) and at the calibrated point. */
  startDistance: number | null;
  distance: number;
  evaluations: number;
  budget: number;
  /** Nelder–Mead: converged or budget (of the best start); ABC-SMC: why it stopped. */
  status: string;
  /** Nelder–Mead: each start's search (those of this shard): where it started and ended, its distance, evaluations and status. */
  starts: { start: number; from: number[]; point: number[]; distance: number; evaluations: number; status: string }[] | null;
  /** The shard of the starts, or null for all. */
  shard: { index: number; count: number } | null;
  /** ABC: the posterior (the last complete population): per parameter mean, sd and 95% interval; ε and generations. */
  posterior: null | {
    parameters: { name: string; mean: number; sd: number; q025: number; median: number; q975: number }[];
    ess: number; size: number; epsilon: number; generations: { generation: number; epsilon: number; simulations: number; acceptanceRate: number; ess: number }[];
  };
}

/** fit.json: the calibration and every target at the calibrated point (what `pathways targets` gives on calibrated.json). */
export type FitFile = { calibration: CalibrationResult } & TargetsResult;

const quote = (s: string) => (/^[A-Za-z0-9_./:=,@+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
const sha = (x: unknown) => 'sha256:' + createHash('sha256').update(JSON.stringify(x)).digest('hex');

/** The band a target is fitted to: centred on the middle of its band, scaled by its half-width. */
export const fitBand = (t: TargetFile['targets'][number]): TargetBand => ({ name: t.id, value: (t.band[0] + t.band[1]) / 2, lo: t.band[0], hi: t.band[1], weight: t.weight });

/**
 * Check a calibration and make its plan, before any folder is touched: the
 * parameters (scenario fields with continuous ranges the schema allows), at
 * least one fit target, the targets checked on the scenario at the start
 * point, and the method's numbers. Throws InputError or ValidationError.
 */
export function planCalibration(spec: CalibrateSpec): { meta: CalibrationMeta; setup: CandidateSetup; start: number[]; notes: string[] } {
  const { scenario: base, file, bounds, method, settings } = spec;
  if (bounds.length === 0) throw new InputError('calibrate: give at least one parameter to fit with --vary NAME=lo:hi');
  const seen = new Set<string>();
  for (const b of bounds) {
    if (seen.has(b.name)) throw new InputError(`--vary: ${b.name} is given more than once`);
    seen.add(b.name);
    if (!(b.lo < b.hi)) throw new InputError(`--vary: ${b.name}=${b.lo}:${b.hi} is not allowed; expected lo:hi with lo below hi`);
  }
  const parameters = locateParameters(base, bounds);
  const fit = file.targets.filter((t) => t.use === 'fit');
  if (fit.length === 0) throw new InputError(`calibrate: ${spec.targetsArg} has no target with "use": "fit"; held-out targets are never fitted`);
  const own = parameterValues(base, parameters);
  const start = own.map((v, i) => (Number.isFinite(v) ? Math.min(bounds[i].hi, Math.max(bounds[i].lo, v)) : (bounds[i].lo + bounds[i].hi) / 2));
  const setup: CandidateSetup = { base, file, settings, parameters: bounds.map((b) => b.name), source: `targets ${spec.targetsArg}` };
  const c = candidatePlan(setup, parameters, start, 'fit');
  candidatePlan(setup, parameters, start, 'all');
  const budget = spec.budget ?? CALIBRATE_DEFAULTS.budget[method];
  const particles = method === 'abc' ? spec.particles ?? CALIBRATE_DEFAULTS.particles : null;
  if (method === 'nelder-mead' && spec.particles !== undefined) throw new InputError('--particles: only with --method abc');
  if (method === 'nelder-mead' && budget < bounds.length + 1) throw new InputError(`--budget: ${budget} is not allowed for nelder-mead with ${bounds.length} parameters; expected at least ${bounds.length + 1} (the first simplex)`);
  if (particles !== null && budget < particles) throw new InputError(`--budget: ${budget} is not allowed for abc with ${particles} particles; expected at least ${particles} (one population)`);
  const cmd = ['pathways', 'calibrate', '--scenario', spec.scenarioArg, '--targets', spec.targetsArg, ...bounds.flatMap((b) => ['--vary', `${b.name}=${b.lo}:${b.hi}`]),
    '--method', method, '--budget', String(budget), ...(particles === null ? [] : ['--particles', String(particles)]),
    '--replications', String(settings.replications), '--agents', String(settings.agents), '--seed', String(settings.seed)];
  const meta: CalibrationMeta = {
    format: 'pathways-calibration/1', command: cmd.map(quote).join(' '),
    scenario: { name: base.name, hash: sha(base) },
    targets: { name: spec.targetsArg, hash: sha(file), fit: fit.map((t) => t.id), holdout: file.targets.filter((t) => t.use === 'holdout').map((t) => t.id) },
    method, parameters: bounds.map((b, i) => ({ name: b.name, lo: b.lo, hi: b.hi, start: start[i] })), budget, particles, starts: null, shard: null,
    settings: { ...settings }, runsPerCandidate: c.plan.variants.length * settings.replications,
  };
  const K = spec.starts ?? 1;
  if (method === 'abc' && spec.starts !== undefined) throw new InputError('--starts: only with --method nelder-mead (ABC draws its own points from the prior)');
  if (method === 'abc' && spec.shard !== undefined) throw new InputError('--shard: only with --method nelder-mead, whose starts are independent searches; ABC-SMC is one search of populations in turn');
  if (!Number.isInteger(K) || K < 1) throw new InputError(`--starts: ${K} is not allowed; expected a whole number of 1 or more`);
  if (spec.shard && spec.shard[1] > K) throw new InputError(`--shard: ${spec.shard[0]}/${spec.shard[1]} is not allowed with ${K} start${K === 1 ? '' : 's'}; expected at most as many shards as --starts`);
  const starts = method === 'abc' ? null : [start, ...lhsPoints(bounds.map((b) => ({ name: b.name, lo: b.lo, hi: b.hi })), K - 1, settings.seed).map((p) => bounds.map((b) => p[b.name]))].slice(0, K);
  meta.starts = starts;
  meta.shard = spec.shard ? { index: spec.shard[0], count: spec.shard[1] } : null;
  if (K > 1) meta.command += ` --starts ${K}`;
  if (spec.shard) meta.command += ` --shard ${spec.shard[0]}/${spec.shard[1]}`;
  const notes = bounds.flatMap((b, i) => (own[i] === start[i] ? [] : [`--vary: ${b.name} is ${own[i]} in the scenario, outside ${b.lo}:${b.hi}; the search starts at ${start[i]}`]));
  return { meta, setup, start, notes };
}

/** The first field in which two calibration.json differ (the command line is not compared). */
function metaDiff(a: CalibrationMeta, b: CalibrationMeta): string | undefined {
  for (const k of Object.keys({ ...a, ...b }) as (keyof CalibrationMeta)[]) {
    if (k === 'command') continue;
    const x = JSON.stringify(a[k]);
    const y = JSON.stringify(b[k]);
    if (x !== y) return `${k}: ${(x ?? 'nothing').slice(0, 60)} there, ${(y ?? 'nothing').slice(0, 60)} here`;
  }
  return undefined;
}

function readCalibrationMeta(dir: string): CalibrationMeta | undefined {
  const path = join(dir, CALIBRATION);
  const text = readIfExists(path);
  if (text === undefined) return undefined;
  try {
    const m = JSON.parse(text) as CalibrationMeta;
    if (m && m.format === 'pathways-calibration/1') return m;
  } catch {
    // not JSON: refused below
  }
  throw new InputError(`--out: ${path} is not a calibration's ${CALIBRATION}; use another folder, or delete it to start again`);
}

/** The journal record of a candidate: its point and each fit target's value per replicate. */
const POINT = '@point';
function encodeCandidate(parameters: string[], point: number[], fitIds: string[], values: number[][]): RunRows {
  const rows: RunRows = parameters.map((name, i) => [POINT, name, point[i]]);
  fitIds.forEach((id, i) => values[i].forEach((v, r) => rows.push([id, String(r), Number.isFinite(v) ? v : null])));
  return rows;
}
function decodeCandidate(rows: RunRows, parameters: string[], fitIds: string[], replications: number): { point: number[]; values: number[][] } | undefined {
  const point = parameters.map(() => NaN);
  const values = fitIds.map(() => new Array<number>(replications).fill(NaN));
  let seen = 0;
  for (const [a, b, v] of rows) {
    if (a === POINT) {
      const i = parameters.indexOf(b);
      if (i < 0 || v === null) return undefined;
      point[i] = v;
    } else {
      const i = fitIds.indexOf(a);
      const r = Number(b);
      if (i < 0 || !(r >= 0 && r < replications)) return undefined;
      values[i][r] = v ?? NaN;
      seen++;
    }
  }
  return seen === fitIds.length * replications && point.every(Number.isFinite) ? { point, values } : undefined;
}

const samePoint = (a: number[], b: number[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Run a calibration into `opts.out` (resumable; see the module doc). Returns
 * the result and the fit at the calibrated point.
 */
export async function runCalibration(spec: CalibrateSpec, opts: CalibrateOptions): Promise<{ meta: CalibrationMeta; fit: FitFile; resumed: number; ran: number }> {
  const { meta, setup, start, notes } = planCalibration(spec);
  for (const line of notes) opts.onNote?.(line);
  const dir = resolve(opts.out);
  ensureDir(dir);
  const unlock = lockFolder(dir, '--out', opts.onNote);
  try {
    const stale = removeStaleTemps(dir);
    if (stale.length) opts.onNote?.(`--out: removed ${stale.length} temporary file${stale.length === 1 ? '' : 's'} left by an interrupted run`);
    const old = readCalibrationMeta(dir);
    if (old) {
      const diff = metaDiff(old, meta);
      if (diff) throw new InputError(`--out: ${opts.out} holds a different calibration (${diff}); use another folder, or delete it to start again`);
    } else {
      const orphan = [JOURNAL, FIT, CALIBRATED].find((f) => existsSync(join(dir, f)));
      if (orphan) throw new InputError(`--out: ${opts.out} holds ${orphan} but no ${CALIBRATION}, so it cannot be checked against this calibration; use another folder, or delete it to start again`);
      writeAtomic(join(dir, CALIBRATION), (put) => put(JSON.stringify(meta, null, 2) + '\n'));
    }
    const pool = await openPool<CandidateJob, number[]>({ kind: 'calibrate', setup }, opts.workers, () => makeCandidateRunner(setup));
    try {
      return await search(spec, meta, setup, start, dir, pool, opts);
    } finally {
      await pool.close();
    }
  } finally {
    unlock();
  }
}

async function search(
  spec: CalibrateSpec, meta: CalibrationMeta, setup: CandidateSetup, start: number[], dir: string, pool: JobPool<CandidateJob, number[]>, opts: CalibrateOptions,
): Promise<{ meta: CalibrationMeta; fit: FitFile; resumed: number; ran: number }> {
  const names = meta.parameters.map((p) => p.name);
  const bounds: Bound[] = meta.parameters.map(({ name, lo, hi }) => ({ name, lo, hi }));
  const R = meta.settings.replications;
  const fitTargets = spec.file.targets.filter((t) => t.use === 'fit');
  const fitIds = fitTargets.map((t) => t.id);
  const bands = fitTargets.map(fitBand);
  const parameters = locateParameters(spec.scenario, bounds);
  const allPlan = candidatePlan(setup, parameters, start, 'all');
  const startIds = (meta.starts ?? [start]).map((_, k) => k).filter((k) => !meta.shard || k % meta.shard.count === meta.shard.index - 1);
  const totalRuns = startIds.length * meta.budget * meta.runsPerCandidate + allPlan.plan.variants.length * R;
  let runsDone = 0;

  // evaluation e (0-based) of start k is journal record k × budget + e
  const journal = readJournal(dir, (meta.starts?.length ?? 1) * meta.budget, (id) => startIds.includes(Math.floor(id / meta.budget)));
  const index = journal.dropped ? rewriteJournal(dir, journal.index) : journal.index;
  if (journal.dropped) opts.onNote?.(`--out: dropped ${journal.dropped} damaged or torn line${journal.dropped === 1 ? '' : 's'} of ${JOURNAL}; those candidates run again`);
  const reader = new JournalReader(dir, index);
  const writer = new JournalWriter(dir, index);
  let resumed = 0;
  let ran = 0;
  const trace: TraceRow[] = [];

  /** Run the jobs of several candidates (plans) in one batch; per candidate, per run of its plan's variants × replicates, the values read. */
  const runPlans = async (plans: CandidatePlan[], points: number[][], subset: Subset): Promise<number[][][][]> => {
    const jobs: CandidateJob[] = [];
    const where: [number, number, number][] = [];
    plans.forEach((c, p) => {
      for (let r = 0; r < R; r++) {
        for (let v = 0; v < c.plan.variants.length; v++) {
          jobs.push({ point: points[p], subset, variant: v, replicate: r });
          where.push([p, v, r]);
        }
      }
    });
    const out = plans.map((c) => c.plan.variants.map(() => new Array<number[]>(R)));
    await pool.run(jobs, (k, values) => {
      const [p, v, r] = where[k];
      out[p][v][r] = values;
      opts.onProgress?.(++runsDone, totalRuns);
    });
    return out;
  };
  /** The value of target i (of the plan's file) per replicate. */
  const targetValues = (c: CandidatePlan, runs: number[][][], i: number): number[] =>
    Array.from({ length: R }, (_, r) => {
      const read = (k: number) => {
        const v = c.plan.sides[i][k];
        return runs[v][r][c.reads[v].findIndex(([ti, tk]) => ti === i && tk === k)];
      };
      return c.plan.sides[i].length === 2 ? read(1) - read(0) : read(0);
    });
  const distanceOf = (values: number[][]) => {
    const means = values.map((v) => estimate(v).mean);
    const d = distance(bands, means);
    return { means, distance: Number.isNaN(d) ? Infinity : d };
  };

  /** Evaluate a batch of points with their journal ids: from the journal where it has them, else run. */
  const evaluate = async (points: number[][], ids: number[]): Promise<{ means: number[]; distance: number }[]> => {
    const got: ({ means: number[]; distance: number } | undefined)[] = points.map(() => undefined);
    const todo: number[] = [];
    points.forEach((x, j) => {
      const id = ids[j];
      if (index.has(id)) {
        const rec = decodeCandidate(reader.rows(id), names, fitIds, R);
        if (rec && samePoint(rec.point, x)) {
          got[j] = distanceOf(rec.values);
          resumed++;
          runsDone += meta.runsPerCandidate;
          return;
        }
        throw new InputError(`--out: ${join(opts.out, JOURNAL)} holds another point as evaluation ${id + 1} than this calibration asks; delete the folder to start again`);
      }
      todo.push(j);
    });
    if (todo.length) {
      const plans = todo.map((j) => candidatePlan(setup, parameters, points[j], 'fit'));
      const runs = await runPlans(plans, todo.map((j) => points[j]), 'fit');
      todo.forEach((j, t) => {
        const values = fitIds.map((_, i) => targetValues(plans[t], runs[t], i));
        writer.append(ids[j], encodeCandidate(names, points[j], fitIds, values));
        got[j] = distanceOf(values);
        ran++;
      });
    }
    opts.onProgress?.(runsDone, totalRuns);
    return got as { means: number[]; distance: number }[];
  };

  let best: { point: number[]; distance: number };
  let status: string;
  let startDistance: number | null = null;
  let posterior: CalibrationResult['posterior'] = null;
  let starts: CalibrationResult['starts'] = null;
  let posteriorRows: string | undefined;
  try {
    let n = 0;
    if (meta.method === 'nelder-mead') {
      // the starts' searches are independent: step them together, so that their candidates share the batches
      const searches = startIds.map((k) => ({
        k, nm: new NelderMead({
          bounds, start: (meta.starts ?? [start])[k], budget: meta.budget, step: CALIBRATE_DEFAULTS.step,
          xTolerance: CALIBRATE_DEFAULTS.xTolerance, fTolerance: CALIBRATE_DEFAULTS.fTolerance,
        }), means: [] as number[][], asked: 0,
      }));
      for (let active = searches.filter((x) => !x.nm.done); active.length; active = active.filter((x) => !x.nm.done)) {
        const asks = active.map((x) => x.nm.ask());
        const points = asks.flat();
        const ids = active.flatMap((x, a) => asks[a].map((_, j) => x.k * meta.budget + x.asked + j));
        const got = await evaluate(points, ids);
        let at = 0;
        active.forEach((x, a) => {
          const mine = got.slice(at, at + asks[a].length);
          at += asks[a].length;
          x.asked += asks[a].length;
          mine.forEach((g) => x.means.push(g.means));
          x.nm.tell(mine.map((g) => g.distance));
        });
      }
      const results = searches.map((x) => ({ x, r: x.nm.result() }));
      for (const { x, r } of results) {
        r.trace.forEach((e, i) => trace.push({ evaluation: e.evaluation, start: x.k + 1, kind: e.kind, step: e.iteration, point: e.point, distance: e.value, means: x.means[i] }));
      }
      // the best start: the smallest distance, the first start of equal ones
      const top = results.reduce((a, b) => (b.r.value < a.r.value ? b : a));
      best = { point: top.r.point, distance: top.r.value };
      startDistance = results[0].x.k === 0 ? results[0].r.trace[0]?.value ?? null : null;
      status = top.r.status;
      starts = results.map(({ x, r }) => ({ start: x.k + 1, from: (meta.starts ?? [start])[x.k], point: r.point, distance: r.value, evaluations: r.evaluations, status: r.status }));
      n = trace.length;
    } else {
      const abc = new AbcSmc({ bounds, seed: meta.settings.seed, particles: meta.particles!, budget: meta.budget });
      while (!abc.done) {
        const generation = abc.toJSON().generation;
        const pts = abc.ask();
        if (pts.length === 0) break;
        const got = await evaluate(pts, pts.map((_, j) => n + j));
        got.forEach((g, j) => trace.push({ evaluation: n + j + 1, start: 1, kind: 'proposal', step: generation, point: pts[j], distance: g.distance, means: g.means }));
        abc.tell(got.map((g) => g.distance));
        n += pts.length;
      }
      const r: AbcSmcResult = abc.result();
      if (r.particles.length === 0) throw new InputError(`calibrate: ABC kept no population within the budget of ${meta.budget} simulations; give a larger --budget or fewer --particles`);
      const top = r.particles.reduce((a, b) => (b.distance < a.distance ? b : a));
      best = { point: top.point, distance: top.distance };
      status = r.stop;
      posterior = { ...r.summary, epsilon: r.epsilon, generations: r.generations };
      const header = ['particle', 'generation', 'weight', 'distance', ...names].map(csvCell).join(',');
      posteriorRows = header + '\n' + r.particles.map((p, i) => [i + 1, p.generation, p.weight, p.distance, ...p.point].map(csvCell).join(',')).join('\n') + '\n';
    }
  } finally {
    writer.close();
    reader.close();
  }

  // every target, fit and held out, at the calibrated point: the runs `pathways targets` makes on calibrated.json
  const final = candidatePlan(setup, parameters, best.point, 'all');
  const finalRuns = (await runPlans([final], [best.point], 'all'))[0];
  const read = (i: number, k: number, r: number) => {
    const v = final.plan.sides[i][k];
    return finalRuns[v][r][final.reads[v].findIndex(([ti, tk]) => ti === i && tk === k)];
  };
  const checked = targetsResult(final.scenario, spec.file, final.plan, meta.settings, read);
  const calibration: CalibrationResult = {
    method: meta.method, parameters: meta.parameters.map((p, i) => ({ ...p, value: best.point[i] })), startDistance, distance: best.distance,
    evaluations: trace.length, budget: meta.budget, status, posterior, starts, shard: meta.shard,
  };
  const fit: FitFile = { calibration, ...checked };
  const traceHeader = ['evaluation', 'start', meta.method === 'abc' ? 'generation' : 'iteration', 'kind', ...names, 'distance', ...fitIds.map((id) => `mean:${id}`)];
  const traceText = traceHeader.map(csvCell).join(',') + '\n' +
    trace.map((t) => [t.evaluation, t.start, t.step, t.kind, ...t.point, Number.isFinite(t.distance) ? t.distance : NaN, ...t.means].map(csvCell).join(',')).join('\n') + '\n';
  writeAtomic(join(dir, TRACE), (put) => put(traceText));
  if (posteriorRows !== undefined) writeAtomic(join(dir, POSTERIOR), (put) => put(posteriorRows));
  // the whole scenario, its catalogue included: a complete file, not an extension of another
  writeAtomic(join(dir, CALIBRATED), (put) => put(JSON.stringify({ ...final.scenario, replaceServices: true }, null, 2) + '\n'));
  writeAtomic(join(dir, FIT), (put) => put(JSON.stringify(fit, null, 2) + '\n'));
  return { meta, fit, resumed, ran };
}
