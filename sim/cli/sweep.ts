/** `pathways sweep` and `pathways merge`: parameter sweeps in parallel, resumable and shardable (engine: sim/sweep). */
import { print } from './format.ts';
import { RUN_OPTIONS, settingOptions } from './options.ts';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { SHIPPED } from '../../scenarios/index.ts';
import { InputError } from '../errors.ts';
import { JOURNAL, mergeSweepShards, META, parseShard, prepare, runPrepared, RUNS, RUNS_PARQUET, type Design, type SweepSpec } from '../sweep/index.ts';
import type { CommandSpec, Parsed } from './args.ts';
import { checkOutDir } from './output.ts';
import { progress } from './progress.ts';
import { onInterrupt } from './cleanup.ts';
import { holdsCalibrations, mergeCalibrations } from '../calibrate/merge.ts';

export const SWEEP_SPEC: CommandSpec = {
  usage: 'pathways sweep --scenario NAME|FILE --vary NAME=lo:hi:step|NAME=v1,v2,... [--vary ...] [--design grid|lhs --samples N] [--policies A,B] [--replications N] [--agents N] [--weeks N] [--seed N] [--metrics m1,m2] [--groups all|every] [--format csv|parquet] [--workers N] [--shard i/n] --out DIR',
  summary: [
    'Run a scenario at many parameter points, in parallel worker threads, into a folder; results are the same whatever the number of workers. ',
    '',
    'Runs: every design point × replicate × policy; run id = (point × replications + replicate) × policies + policy. Replicate r',
    'uses seed replicateSeed(seed, r) at every point and policy (common random numbers).',
    'Output in DIR: sweep.json (the plan: command, scenario name and hash, parameters, points, policies, replications, seed,',
    'metrics, groups, runs, shard, version), written first; journal.jsonl (one checksummed line per finished run); and, when',
    'every run is done, runs.csv (run, point, one column per parameter, replicate, seed, policy, group, metric, value;',
    'sorted by run id), or with --format parquet runs.parquet (the same rows and columns; pandas, R’s arrow and DuckDB read it).',
    'Files are written whole (temporary file + rename), so a crash never leaves a broken file.',
    'Resume: run the same command again; finished runs are skipped and a torn last journal line is dropped. A different',
    'sweep into the same DIR is refused. Shards: --shard i/n runs the runs whose id mod n = i-1; `pathways merge` joins them.',
  ].join('\n'),
  options: {
    scenario: { kind: 'string', arg: 'NAME|FILE', doc: 'A shipped scenario (see `pathways scenarios`) or a scenario JSON file. Required.' },
    vary: {
      kind: 'string', repeat: true, arg: 'NAME=SPEC',
      doc: 'A parameter (repeat --vary for more, or give several in one value separated by spaces or ";"): knobs.NAME (overrides that knob for every policy; e.g. knobs.exploration) or a numeric scenario field by dot path (office.caseload, labourMarket.discrimination, behaviour.rejectionHit, groups.GROUP.language, services.ID.weeks, labourMarket.vacanciesPer1000.0). SPEC: lo:hi:step (inclusive; 0:1:0.25 is 0, 0.25, 0.5, 0.75, 1) or v1,v2,... Values are checked against the schema’s ranges.',
    },
    design: { kind: 'enum', values: ['grid', 'lhs'], arg: 'grid|lhs', doc: 'grid (default): every combination, the first parameter varying slowest. lhs: a Latin hypercube of --samples points over each range [lo, hi] (the step is not used; integer fields take integers; lists are stratified over their values), drawn from --seed.' },
    samples: { kind: 'int', min: 1, max: 1_000_000, arg: 'N', doc: 'Points of an lhs design.' },
    policies: { kind: 'string', arg: 'A,B', doc: 'Policies to run at each point, separated by commas (default: the scenario’s comparePolicies).' },
    replications: { ...RUN_OPTIONS.replications, doc: 'Replications per point and policy (default: the scenario’s).' },
    agents: RUN_OPTIONS.agents,
    weeks: RUN_OPTIONS.weeks,
    seed: { ...RUN_OPTIONS.seed, doc: 'Master seed of the replicates and of an lhs design (default: the scenario’s).' },
    metrics: { kind: 'string', arg: 'm1,m2', doc: 'Metrics to keep, separated by commas (default: all; employedShareByYear expands to employedShareByYear.1, .2, ...; employedShareByYear.2 keeps one year).' },
    groups: { kind: 'enum', values: ['all', 'every'], arg: 'all|every', doc: 'all (default): the whole population only; every: each group too (the scenario’s, withBenefitRights, withoutBenefitRights, all).' },
    format: { kind: 'enum', values: ['csv', 'parquet'], arg: 'csv|parquet', doc: 'The file of the finished runs: csv (default) runs.csv; parquet runs.parquet (Apache Parquet: run, point and replicate INT32, the parameters and value DOUBLE, value null where runs.csv has an empty cell, seed INT64, policy, group and metric strings).' },
    workers: { kind: 'int', min: 1, max: 1024, arg: 'N', doc: 'Worker threads (default: the number of processors).' },
    shard: { kind: 'string', arg: 'i/n', doc: 'Run only share i of n (1-based): the runs whose id mod n = i-1. Give each shard its own --out; join them with pathways merge.' },
    out: { kind: 'string', arg: 'DIR', doc: 'The sweep folder (created if missing). Required.' },
    'dry-run': { kind: 'flag', doc: 'Print the plan (sweep.json) and exit without running.' },
  },
  positional: [],
};

export const MERGE_SPEC: CommandSpec = {
  usage: 'pathways merge --out DIR SHARD_DIR [SHARD_DIR ...] | PARENT_DIR',
  summary: [
    'Join the folders of finished shards (pathways sweep --shard i/n) into DIR: the same runs.csv (or runs.parquet) and sweep.json as the unsharded sweep, byte for byte. ',
    'Shards of a calibration (pathways calibrate --starts K --shard i/n) are joined the same way into what the unsharded calibration writes. ',
    'Give the shard folders (separated by spaces or commas), or one folder that holds them. The shards must share one plan (everything in',
    'sweep.json but the command and the shard) and together hold every run exactly once; otherwise merge names what is',
    'different, missing or given twice, and writes nothing.',
  ].join('\n'),
  options: { out: { kind: 'string', arg: 'DIR', doc: 'The merged folder (created if missing). Required.' } },
  positional: ['SHARD_DIR...'],
};


/** `--vary` texts: split at spaces and ";" (a value list may have spaces after its commas). A repeated --vary (an array) is taken too. */
export function varyList(raw: unknown): string[] {
  const texts = raw === undefined ? [] : Array.isArray(raw) ? raw.map(String) : [String(raw)];
  const out: string[] = [];
  for (const token of texts.flatMap((t) => t.split(/[\s;]+/)).filter((t) => t !== '')) {
    if (!token.includes('=') && out.length) out[out.length - 1] += token;
    else out.push(token);
  }
  return out;
}

const list = (flag: string, raw: unknown): string[] | undefined => {
  if (raw === undefined) return undefined;
  const items = String(raw).split(',').map((x) => x.trim());
  if (items.some((x) => x === '')) throw new InputError(`--${flag}: ${JSON.stringify(String(raw))} is not allowed; expected names separated by commas`);
  return items;
};

/** A note on stderr: one line, the command goes on. */
const note = (line: string) => process.stderr.write(`pathways: note: ${line}\n`);

/** Plans with at least this many points to check say so before the check (it takes about 1 ms a point). */
const BIG_PLAN = 10_000;

/** Worker threads: --workers, at most the processors (at least 2), with a note when capped; default: the processors. */
export function workerCount(asked: number | undefined, cores = availableParallelism()): number {
  if (asked === undefined) return Math.max(1, cores);
  const most = Math.max(2, cores);
  if (asked <= most) return asked;
  note(`--workers ${asked} is more than the ${cores} processor${cores === 1 ? '' : 's'} here; using ${most}`);
  return most;
}

const duration = (ms: number) => (ms < 60_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`);

/** The sweep of the command line's options (checked for what the options alone decide; `prepare` checks the rest). */
export function sweepSpecOf(o: Parsed['options']): SweepSpec {
  if (o.scenario === undefined) throw new InputError(`sweep: --scenario is required (one of ${Object.keys(SHIPPED).join(', ')}, or a JSON file)`);
  const kind = (o.design as 'grid' | 'lhs' | undefined) ?? 'grid';
  if (kind === 'lhs' && o.samples === undefined) throw new InputError('--design lhs: needs --samples N');
  if (kind === 'grid' && o.samples !== undefined) throw new InputError('--samples: only with --design lhs');
  const design: Design = kind === 'lhs' ? { kind, samples: o.samples as number } : { kind };
  return {
    scenario: String(o.scenario), vary: varyList(o.vary), design, policies: list('policies', o.policies),
    ...settingOptions(o), metrics: list('metrics', o.metrics), groups: o.groups as 'all' | 'every' | undefined,
    ...(o.format === 'parquet' ? { output: 'parquet' as const } : {}),
  };
}

export async function sweepCommand({ options: o }: Parsed): Promise<number> {
  if (o.scenario === undefined) throw new InputError(`sweep: --scenario is required (one of ${Object.keys(SHIPPED).join(', ')}, or a JSON file)`);
  if (o.out === undefined && !o['dry-run']) throw new InputError('sweep: --out DIR is required (the sweep folder)');
  const out = o.out as string | undefined;
  if (out !== undefined) checkOutDir(out);
  const spec = sweepSpecOf(o);
  const shard = parseShard(o.shard as string | undefined);
  const checking = progress(`sweep ${spec.scenario}: checking the design points`, process.stderr, 'points');
  let prepared: ReturnType<typeof prepare>;
  try {
    prepared = prepare(spec, (d, t) => {
      if (d === 0 && t >= BIG_PLAN) note(`sweep: checking ${t} design points against the scenario's schema before the first run (about ${Math.ceil(t / 1000)} s)`);
      checking.onProgress?.(d, t);
    });
  } finally {
    checking.end();
  }
  const { plan } = prepared;
  if (o['dry-run']) {
    print(JSON.stringify({ ...plan, shard: shard ? { index: shard[0], count: shard[1] } : null }, null, 2));
    return 0;
  }
  const dir = out as string;
  const workers = workerCount(o.workers as number | undefined);
  const label = `sweep ${plan.scenario.name}${shard ? ` shard ${shard[0]}/${shard[1]}` : ''}`;
  const bar = progress(label);
  let done = 0;
  const forget = onInterrupt(() => {
    bar.end();
    const kept = done === 0 ? 'before a new run finished' : `after ${done} new run${done === 1 ? '' : 's'}, kept in ${join(dir, JOURNAL)}`;
    process.stderr.write(`pathways: sweep interrupted ${kept}; run the same command to resume\n`);
  });
  const start = Date.now();
  let r;
  try {
    r = await runPrepared(prepared, {
      out: dir, workers, shard,
      onProgress: (d, t) => {
        done = d;
        bar.onProgress?.(d, t);
      },
      onNote: (line) => {
        bar.end();
        note(line);
      },
    });
  } finally {
    forget();
    bar.end();
  }
  const ran = r.runs - r.skipped;
  const ms = Date.now() - start;
  const of = shard ? ` (shard ${shard[0]}/${shard[1]} of ${plan.runs})` : '';
  print([
    `sweep ${plan.scenario.name}: ${r.runs} runs${of}: ${plan.points.length} point${plan.points.length === 1 ? '' : 's'} × ${plan.replications} replication${plan.replications === 1 ? '' : 's'} × ${plan.policies.length} polic${plan.policies.length === 1 ? 'y' : 'ies'}`,
    ran === 0 ? `all ${r.runs} runs were already done` : `ran ${ran} run${ran === 1 ? '' : 's'} in ${duration(ms)} with ${Math.min(workers, ran)} worker${Math.min(workers, ran) === 1 ? '' : 's'} (${(ran / Math.max(ms / 1000, 1e-3)).toFixed(1)} runs/s)${r.skipped ? `; ${r.skipped} already done` : ''}`,
    `wrote ${join(dir, plan.output === 'parquet' ? RUNS_PARQUET : RUNS)} (${r.rows} rows) and ${join(dir, META)}`,
  ].join('\n'));
  return 0;
}

export async function mergeCommand({ options: o, positional }: Parsed): Promise<number> {
  if (o.out === undefined) throw new InputError('merge: --out DIR is required (the merged folder)');
  const out = String(o.out);
  checkOutDir(out);
  const dirs = positional.flatMap((p) => p.split(',')).filter((p) => p !== '');
  if (dirs.length === 0) throw new InputError(`merge: no shard folders given; usage: ${MERGE_SPEC.usage}`);
  if (holdsCalibrations(dirs)) {
    const c = mergeCalibrations(dirs, out);
    print(`merged ${c.shards} calibration shard${c.shards === 1 ? '' : 's'}: ${c.starts} starts, the best is start ${c.best}; wrote ${join(out, 'fit.json')}, calibrated.json, trace.csv and calibration.json`);
    return 0;
  }
  const r = await mergeSweepShards(dirs, out, note);
  print(`merged ${r.shards} shard${r.shards === 1 ? '' : 's'}: ${r.runs} runs; wrote ${join(out, r.file)} (${r.rows} rows) and ${join(out, META)}`);
  return 0;
}
