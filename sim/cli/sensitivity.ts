/** `pathways sensitivity`: Morris screening or Sobol' indices of one metric with respect to model parameters, run through the sweep engine. */
import { print } from './format.ts';
import { resultTable } from '../sensitivity/index.ts';
import { InputError } from '../errors.ts';
import { prepareAnalysis, REPORT, runSensitivitySweep, type ModelRunSpec, type SensitivityReport } from '../sensitivity/run.ts';
import { parseShard } from '../sweep/index.ts';
import type { CommandSpec, Parsed } from './args.ts';
import { RUN_OPTIONS, settingOptions } from './options.ts';
import { checkOutDir } from './output.ts';
import { progress } from './progress.ts';

export const SENSITIVITY_SPEC: CommandSpec = {
  usage: 'pathways sensitivity --method morris|sobol --scenario NAME|FILE [--policy NAME] --vary NAME=lo:hi [--vary ...] --metric NAME [--group G] '
    + '[--trajectories r | --samples N] [--replications N] [--seed N] [--agents N] [--weeks N] [--workers N] [--shard i/n] --out DIR [--json]',
  summary: 'Which parameters move a metric most: Morris elementary effects (mu*, a screening) or Sobol’ indices (S1, ST, shares of variance), '
    + 'with 95% bootstrap intervals. The design’s points run as a sweep (parallel, resumable, shardable) into DIR, '
    + 'the metric is averaged over replications per point with common random numbers, and the indices go to DIR/sensitivity.json. '
    + 'Give --vary once per factor, or several factors in one --vary separated by spaces or ";".',
  options: {
    method: { kind: 'enum', values: ['morris', 'sobol'], arg: 'morris|sobol', doc: 'morris: a screening, (k+1)·r points; sobol: variance shares, N·(k+2) points. Required.' },
    scenario: { kind: 'string', arg: 'NAME|FILE', doc: 'A shipped scenario (see `pathways scenarios`) or a scenario JSON file. Required.' },
    policy: { kind: 'string', arg: 'NAME', doc: 'The policy whose knobs the varied knobs override (default: the scenario’s first comparePolicies).' },
    vary: { kind: 'string', repeat: true, arg: "NAME=lo:hi", doc: 'A factor and its range (repeatable; several in one value separated by spaces or ";"): knobs.NAME or a numeric scenario field by dot path such as office.advisorsPer1000 (names as in pathways sweep). Required.' },
    metric: { kind: 'string', arg: 'NAME', doc: 'The metric analysed: a metric name, or employedShareByYear.K for year K. Required.' },
    group: { kind: 'string', arg: 'G', doc: 'The group the metric is measured on (default: all).' },
    trajectories: { kind: 'int', min: 1, max: 100_000, arg: 'r', doc: 'Morris: trajectories (default 10).' },
    levels: { kind: 'int', min: 2, max: 1000, arg: 'p', doc: 'Morris: grid levels, even (default 4).' },
    samples: { kind: 'int', min: 1, max: 1_000_000, arg: 'N', doc: 'Sobol: base sample size N, best a power of two (default 256).' },
    sampling: { kind: 'enum', values: ['sobol', 'random'], arg: 'sobol|random', doc: 'Sobol: scrambled Sobol’ sequence (default) or seeded uniform draws.' },
    bootstrap: { kind: 'int', min: 0, max: 100_000, arg: 'B', doc: 'Bootstrap resamples for the intervals (default 1000).' },
    replications: { ...RUN_OPTIONS.replications, doc: 'Replications averaged per point (default 1); the same seeds at every point.' },
    seed: { ...RUN_OPTIONS.seed, doc: 'Seed of the runs, the design and the bootstrap (default: the scenario’s).' },
    agents: RUN_OPTIONS.agents,
    weeks: RUN_OPTIONS.weeks,
    workers: { kind: 'int', min: 0, max: 1024, arg: 'N', doc: 'Worker threads (default: one per core; 0 runs in this thread).' },
    shard: { kind: 'string', arg: 'i/n', doc: 'Run only shard i of n; merge the shards’ folders with pathways merge, then run this command with the merged --out.' },
    out: { kind: 'string', arg: 'DIR', doc: 'Folder of the sweep and of sensitivity.json (created if missing; rerun to resume). Required.' },
    json: { kind: 'flag', doc: 'Print sensitivity.json to stdout instead of the table.' },
  },
  positional: [],
};


/** The spec of the command line, checked for what the options alone decide. */
export function specOf(o: Parsed['options']): ModelRunSpec {
  const need = (name: string, what: string) => {
    if (o[name] === undefined) throw new InputError(`sensitivity: --${name} is required (${what})`);
    return o[name];
  };
  const method = need('method', 'morris or sobol') as 'morris' | 'sobol';
  const scenario = String(need('scenario', 'a shipped scenario or a JSON file'));
  const vary = String(need('vary', 'NAME=lo:hi, for example knobs.exploration=0:1')).split(/[\s;]+/).filter((t) => t !== '');
  const metric = String(need('metric', 'for example employedShare'));
  need('out', 'the folder for the sweep and sensitivity.json');
  if (method === 'morris' && (o.samples !== undefined || o.sampling !== undefined)) {
    throw new InputError(`--${o.samples !== undefined ? 'samples' : 'sampling'}: not used with --method morris (use --trajectories)`);
  }
  if (method === 'sobol' && (o.trajectories !== undefined || o.levels !== undefined)) {
    throw new InputError(`--${o.trajectories !== undefined ? 'trajectories' : 'levels'}: not used with --method sobol (use --samples)`);
  }
  if (o.levels !== undefined && (o.levels as number) % 2 !== 0) throw new InputError(`--levels: "${o.levels}" is not allowed; expected an even number of levels`);
  return {
    method, scenario, vary, metric,
    policy: o.policy as string | undefined, group: o.group as string | undefined,
    trajectories: o.trajectories as number | undefined, levels: o.levels as number | undefined,
    samples: o.samples as number | undefined, sampling: o.sampling as 'sobol' | 'random' | undefined,
    bootstrap: o.bootstrap as number | undefined, ...settingOptions(o),
  };
}

function header(r: SensitivityReport, title: string | undefined): string {
  const st = r.settings;
  const design = st.method === 'morris'
    ? `${st.trajectories} trajectories on a ${st.levels}-level grid (step ${+st.delta.toFixed(3)} of each range)`
    : `base sample N = ${st.samples} (${st.sampling === 'sobol' ? 'scrambled Sobol’ sequence' : 'uniform random'})`;
  return [
    `sensitivity ${r.method} ${r.scenario}${title && title !== r.scenario ? ` (${title})` : ''}: ${r.metric} of ${r.group}, policy ${r.policy}`,
    `${r.agents} agents, ${r.weeks} weeks, ${r.replications} replication${r.replications === 1 ? '' : 's'} per point, seed ${r.seed}, common random numbers; `
      + `${design}: ${st.points} points${r.sweep.points < st.points ? ` (${r.sweep.points} distinct)` : ''}, ${r.sweep.runs} runs`,
  ].join('\n');
}

function footer(r: SensitivityReport): string {
  return r.method === 'morris'
    ? `mu*: mean absolute change in ${r.metric} when the factor moves across its whole range, one factor at a time (Morris elementary effects), `
      + 'with a 95% bootstrap interval over trajectories; mu: the mean signed change; sigma: how much the change varies (non-linearity or interactions).'
    : `S1: share of the variance of ${r.metric} due to the factor alone; ST: with all its interactions (Saltelli 2010, Jansen), with 95% bootstrap intervals. `
      + 'With few agents or replications, chance adds variance that shows up as interactions (ST above S1) or as S1 intervals reaching below 0.';
}

export async function sensitivityCommand({ options }: Parsed): Promise<number> {
  const spec = specOf(options);
  const out = String(options.out);
  const shard = parseShard(options.shard as string | undefined);
  checkOutDir(out);
  const prepared = prepareAnalysis(spec);
  const p = progress(`sensitivity ${prepared.scenario.name}`);
  let result: Awaited<ReturnType<typeof runSensitivitySweep>>;
  try {
    result = await runSensitivitySweep(prepared, { out, workers: options.workers as number | undefined, shard, onProgress: p.onProgress });
  } finally {
    p.end();
  }
  if ('shard' in result) {
    const [i, n] = result.shard;
    const msg = `shard ${i}/${n} of the sensitivity analysis: ${result.runs} runs in ${out} (${result.skipped} already done). `
      + `When all ${n} shards are done: pathways merge --out MERGED SHARD_DIR,SHARD_DIR,..., then this command without --shard and with --out MERGED to compute the indices.`;
    print(options.json ? JSON.stringify({ shard: { index: i, count: n }, runs: result.runs, skipped: result.skipped, out }, null, 2) : msg);
    return 0;
  }
  const { skipped, ...r } = result;
  if (options.json) {
    print(JSON.stringify(r, null, 2));
    return 0;
  }
  print([
    header(r, prepared.scenario.title),
    '',
    resultTable(r as Parameters<typeof resultTable>[0]),
    '',
    footer(r),
    `${skipped > 0 ? `${skipped} of ${r.sweep.runs} runs were already done in ${out}; ` : ''}wrote ${out}/${REPORT}`,
  ].join('\n'));
  return 0;
}
