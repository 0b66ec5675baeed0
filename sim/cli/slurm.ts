/**
 * `pathways slurm sweep|sensitivity|calibrate`: a sweep, a sensitivity
 * analysis or a multi-start calibration as a Slurm job array. Thin on
 * purpose: it checks the command as that command would, writes two batch
 * scripts that run the same command line with `--shard i/n` (one shard
 * folder each) and then `pathways merge`, and with --submit hands them to
 * sbatch. Slurm schedules; the shards resume from their journals.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FIT, planCalibration } from '../calibrate/run.ts';
import { InputError, IOError, suggest } from '../errors.ts';
import { REPORT, prepareAnalysis } from '../sensitivity/run.ts';
import { ensureDir, readIfExists, writeAtomic } from '../sweep/files.ts';
import { MAX_SHARDS, prepare, RUNS, RUNS_PARQUET } from '../sweep/index.ts';
import { helpText, parseArgs, type CommandSpec, type OptionSpec, type Parsed } from './args.ts';
import { CALIBRATE_SPEC, calibrateSpecOf } from './calibrate.ts';
import { print } from './format.ts';
import { checkOutDir } from './output.ts';
import { SENSITIVITY_SPEC, specOf as sensitivitySpecOf } from './sensitivity.ts';
import { SWEEP_SPEC, sweepSpecOf } from './sweep.ts';

/** The commands that run as a job array. */
export const SLURM_COMMANDS = ['sweep', 'sensitivity', 'calibrate'] as const;
export type SlurmCommand = (typeof SLURM_COMMANDS)[number];
const SPECS: Record<SlurmCommand, CommandSpec> = { sweep: SWEEP_SPEC, sensitivity: SENSITIVITY_SPEC, calibrate: CALIBRATE_SPEC };

/** Options of the command that pathways slurm sets itself (or that print instead of writing). */
const NOT_PASSED: Record<string, string> = {
  out: '',
  shard: 'pathways slurm gives each array task its shard',
  'dry-run': 'pathways slurm checks the plan itself; pathways sweep --dry-run prints it',
  json: 'the tasks write their results into their shard folders',
};

/** Shards of a sweep or sensitivity analysis without --tasks: one a run, at most this many. */
export const DEFAULT_TASKS = 100;
/** Slurm's MaxArraySize when the cluster does not say (Slurm's default): array indices go up to MaxArraySize - 1. */
export const DEFAULT_MAX_ARRAY_SIZE = 1001;

/** The job folder's files. */
export const JOB = 'job.sbatch';
export const MERGE_JOB = 'merge.sbatch';
export const SLURM_JSON = 'slurm.json';
export const SHARDS = 'shards';
export const LOGS = 'logs';
export const MERGED = 'merged';

export const SLURM_OPTIONS: Record<string, OptionSpec> = {
  out: { kind: 'string', arg: 'DIR', doc: `The job folder (created if missing): ${JOB}, ${MERGE_JOB}, ${SLURM_JSON}, ${SHARDS}/1 to ${SHARDS}/N (one folder a shard), ${LOGS}/ and the result in ${MERGED}/. Required.` },
  tasks: { kind: 'int', min: 1, max: MAX_SHARDS, arg: 'N', doc: `Shards, one array task each (default: for sweep and sensitivity one a run, at most ${DEFAULT_TASKS}; for calibrate one a start). Past the cluster's MaxArraySize - 1 (${DEFAULT_MAX_ARRAY_SIZE - 1} unless the cluster says otherwise), each task runs several shards in turn.` },
  partition: { kind: 'string', arg: 'P', doc: 'The partition (sbatch --partition; default: the cluster’s).' },
  time: { kind: 'string', arg: 'T', doc: 'Time limit of each task and of the merge (sbatch --time: minutes, M:S, H:M:S, D-H, D-H:M or D-H:M:S; default: the partition’s).' },
  'cpus-per-task': { kind: 'int', min: 1, max: 1024, arg: 'C', doc: 'Processors of each task (sbatch --cpus-per-task; default 1); the tasks run that many worker threads unless --workers is given.' },
  mem: { kind: 'string', arg: 'M', doc: 'Memory of each task and of the merge (sbatch --mem, e.g. 2G; default: the partition’s).' },
  submit: { kind: 'flag', doc: `Submit with sbatch: the array of unfinished shards, then the merge after it (--dependency=afterok); prints the job ids. Run again after a failure: only the unfinished shards run, resuming from their journals.` },
};

export const SLURM_SPEC: CommandSpec = {
  usage: 'pathways slurm sweep|sensitivity|calibrate [that command’s options] --out DIR [--tasks N] [--partition P] [--time T] [--cpus-per-task C] [--mem M] [--submit]',
  summary: [
    'Run a sweep, a sensitivity analysis or a multi-start calibration on a Slurm cluster, as a job array of shards and a merge job. ',
    `pathways slurm writes DIR/${JOB}, an array job whose task k runs the command with --shard k/N into DIR/${SHARDS}/k (logs in DIR/${LOGS}, named with %A_%a), and DIR/${MERGE_JOB}, pathways merge of the shards into DIR/${MERGED} (for sensitivity, then the indices), a job to submit after the array with --dependency=afterok; a calibration needs --starts K (nelder-mead), whose starts the tasks share.`,
    'The command is checked first, as the command itself checks it. With more shards than the cluster’s MaxArraySize - 1, each task runs several shards in turn.',
    '',
    'With --submit it submits both with sbatch and prints the job ids. After a failure (a task killed, a time limit, a node lost), run the same command again: only the tasks of unfinished shards are submitted, and they resume from their journals; a merge job left waiting on the failed array is cancelled.',
    '',
    'See pathways slurm COMMAND --help for the command’s options.',
  ].join('\n'),
  options: SLURM_OPTIONS,
  positional: ['COMMAND'],
};

/** The options of `pathways slurm COMMAND`: the command's own (but those slurm sets) and slurm's. */
export function slurmSpecFor(command: SlurmCommand): CommandSpec {
  const own = Object.fromEntries(Object.entries(SPECS[command].options).filter(([k]) => !Object.hasOwn(NOT_PASSED, k)));
  return {
    usage: `pathways slurm ${command} [pathways ${command} options] --out DIR [--tasks N] [--partition P] [--time T] [--cpus-per-task C] [--mem M] [--submit]`,
    summary: `pathways ${command} as a Slurm job array of shards and a merge job (see pathways slurm --help). The options of pathways ${command} (but --out, which is the job folder here, and ${Object.keys(NOT_PASSED).filter((k) => k !== 'out' && Object.hasOwn(SPECS[command].options, k)).map((k) => `--${k}`).join(' and ')}), then those of slurm.`,
    options: { ...own, ...SLURM_OPTIONS },
    positional: [],
  };
}

// ---- the plan ---------------------------------------------------------------

/** Everything the scripts are made of. */
export interface SlurmPlan {
  command: SlurmCommand;
  /** The command's options as given (without --out and --workers), in order. */
  args: string[];
  /** --workers N as given, or undefined: the tasks run $SLURM_CPUS_PER_TASK worker threads. */
  workers?: number;
  shards: number;
  /** Array tasks: the shards, at most MaxArraySize - 1. */
  tasks: number;
  /** Absolute paths: the job folder, the folder the jobs run in, node and the pathways script. */
  dir: string;
  cwd: string;
  node: string;
  bin: string;
  partition?: string;
  time?: string;
  cpus: number;
  mem?: string;
  /** The file in a shard folder that says the shard is done, and the one in merged/ that says the merge is. */
  done: string;
  mergedDone: string;
}

/** A word for bash: as it is when it is safe, else in single quotes. */
export const shellWord = (s: string) => (/^[A-Za-z0-9_./:=,@+%^-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/** The command's options as a command line (repeated options once per value, flags without one), in the order given. */
export function commandArgs(command: SlurmCommand, o: Parsed['options']): string[] {
  const spec = SPECS[command];
  const out: string[] = [];
  for (const [name, value] of Object.entries(o)) {
    const opt = Object.hasOwn(spec.options, name) ? spec.options[name] : undefined;
    if (!opt || Object.hasOwn(NOT_PASSED, name) || name === 'workers') continue;
    if (opt.kind === 'flag') out.push(`--${name}`);
    else if (opt.kind === 'string' && opt.repeat) for (const v of String(value).split(opt.join ?? ';')) out.push(`--${name}`, v);
    else out.push(`--${name}`, String(value));
  }
  return out;
}

/** Array tasks for `shards` shards on a cluster whose MaxArraySize is `maxArraySize` (indices 1 to tasks). */
export const taskCount = (shards: number, maxArraySize: number) => Math.max(1, Math.min(shards, maxArraySize - 1));

/** The shards array task k runs: k, k + tasks, ... up to shards. */
export function shardsOfTask(k: number, tasks: number, shards: number): number[] {
  const out: number[] = [];
  for (let i = k; i <= shards; i += tasks) out.push(i);
  return out;
}

/** The task that runs shard i. */
export const taskOfShard = (i: number, tasks: number) => ((i - 1) % tasks) + 1;

/** A list of task ids as sbatch --array takes it: "1-3,5,7-8". */
export function arraySpec(ids: number[]): string {
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(j === i ? String(sorted[i]) : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

const SBATCH_TIME = /^(?:\d+|\d+:\d+|\d+:\d+:\d+|\d+-\d+|\d+-\d+:\d+|\d+-\d+:\d+:\d+|UNLIMITED|INFINITE|unlimited|infinite)$/;
const SBATCH_MEM = /^\d+[KMGT]?$/i;
const PARTITION = /^[A-Za-z0-9_.-]+(?:,[A-Za-z0-9_.-]+)*$/;
/** Paths go into #SBATCH lines, which cannot quote, and into the scripts as they are: these characters only. */
const SAFE_PATH = /^[A-Za-z0-9_./+@,:=-]+$/;

function schedulerOptions(o: Parsed['options']): Pick<SlurmPlan, 'partition' | 'time' | 'mem' | 'cpus'> {
  const check = (name: string, re: RegExp, expected: string) => {
    const v = o[name];
    if (v === undefined) return undefined;
    if (!re.test(String(v))) throw new InputError(`--${name}: ${JSON.stringify(String(v))} is not allowed; expected ${expected}`);
    return String(v);
  };
  return {
    partition: check('partition', PARTITION, 'a partition name, or names separated by commas'),
    time: check('time', SBATCH_TIME, 'a time limit as sbatch takes it: minutes, M:S, H:M:S, D-H, D-H:M or D-H:M:S'),
    mem: check('mem', SBATCH_MEM, 'a size as sbatch --mem takes it, e.g. 500M or 2G'),
    cpus: (o['cpus-per-task'] as number | undefined) ?? 1,
  };
}

/** MaxArraySize of the cluster (scontrol show config), or Slurm's default when scontrol is missing or does not say. */
export function maxArraySize(env: NodeJS.ProcessEnv = process.env): number {
  const r = spawnSync('scontrol', ['show', 'config'], { encoding: 'utf8', env, timeout: 10_000 });
  const m = r.status === 0 ? /^MaxArraySize\s*=\s*(\d+)/m.exec(r.stdout) : null;
  return m ? Number(m[1]) : DEFAULT_MAX_ARRAY_SIZE;
}

/** The path of the pathways script running now (what the jobs run). */
function pathwaysScript(): string {
  try {
    return realpathSync(process.argv[1]);
  } catch {
    return resolve(process.argv[1] ?? 'bin/pathways.js');
  }
}

/**
 * Check the command (as the command itself checks it) and plan the job:
 * shards, tasks, paths. Throws InputError with one line.
 */
export function planSlurm(command: SlurmCommand, o: Parsed['options'], maxArray: number): SlurmPlan {
  if (o.out === undefined) throw new InputError(`slurm: --out DIR is required (the job folder: scripts, shard folders, logs and the merged result)`);
  const dir = resolve(String(o.out));
  checkOutDir(dir);
  const cwd = process.cwd();
  for (const [what, p] of [['--out', dir], ['the current folder', cwd]] as const) {
    if (!SAFE_PATH.test(p)) throw new InputError(`slurm: ${what} ${JSON.stringify(p)} is not allowed; the scripts take paths of letters, digits and _ . / + @ , : = - only (#SBATCH lines cannot quote)`);
  }
  const scheduler = schedulerOptions(o);
  let most: number;
  let fallback: number;
  let done: string;
  let mergedDone: string;
  let unit: string;
  if (command === 'sweep') {
    const { plan } = prepare(sweepSpecOf(o));
    most = plan.runs;
    fallback = Math.min(plan.runs, DEFAULT_TASKS);
    done = plan.output === 'parquet' ? RUNS_PARQUET : RUNS;
    mergedDone = done;
    unit = `the ${plan.runs} run${plan.runs === 1 ? '' : 's'} of the sweep`;
  } else if (command === 'sensitivity') {
    const a = prepareAnalysis(sensitivitySpecOf({ ...o, out: dir }));
    const runs = a.unique.length * a.replications;
    most = runs;
    fallback = Math.min(runs, DEFAULT_TASKS);
    done = RUNS;
    mergedDone = REPORT;
    unit = `the ${runs} run${runs === 1 ? '' : 's'} of the analysis`;
  } else {
    if (o.method === 'abc') throw new InputError('slurm calibrate: --method abc cannot be split into tasks (ABC-SMC is one search, population after population); run pathways calibrate on one machine');
    const starts = (o.starts as number | undefined) ?? 1;
    if (starts < 2) throw new InputError('slurm calibrate: needs --starts K with K of 2 or more; the tasks share the starts (Nelder–Mead searches from K points)');
    if (((o.tasks as number | undefined) ?? starts) > starts) throw new InputError(`--tasks: ${o.tasks} is not allowed; expected at most ${starts}, --starts ${starts} (a task runs whole starts)`);
    const spec = calibrateSpecOf(o);
    planCalibration({ ...spec, shard: [1, Math.min(starts, (o.tasks as number | undefined) ?? starts)] });
    most = starts;
    fallback = starts;
    done = FIT;
    mergedDone = FIT;
    unit = `--starts ${starts} (a task runs whole starts)`;
  }
  const shards = (o.tasks as number | undefined) ?? fallback;
  if (shards > most) throw new InputError(`--tasks: ${shards} is not allowed; expected at most ${most}, ${unit}`);
  return {
    command, args: commandArgs(command, o), workers: o.workers as number | undefined, shards, tasks: taskCount(shards, maxArray),
    dir, cwd, node: process.execPath, bin: pathwaysScript(), ...scheduler, done, mergedDone,
  };
}

// ---- the scripts ------------------------------------------------------------

const shardDir = (p: SlurmPlan, i: number | string) => join(p.dir, SHARDS, String(i));

function schedulerLines(p: SlurmPlan, name: string, log: string, cpus: number): string[] {
  return [
    `#SBATCH --job-name=${name}`,
    `#SBATCH --output=${join(p.dir, LOGS, log)}`,
    `#SBATCH --chdir=${p.cwd}`,
    '#SBATCH --ntasks=1',
    `#SBATCH --cpus-per-task=${cpus}`,
    ...(p.partition ? [`#SBATCH --partition=${p.partition}`] : []),
    ...(p.time ? [`#SBATCH --time=${p.time}`] : []),
    ...(p.mem ? [`#SBATCH --mem=${p.mem}`] : []),
  ];
}

/** The command line a shell runs, the pathways part quoted. */
const line = (p: SlurmPlan, words: string[]) => [p.node, p.bin, ...words].map(shellWord).join(' ');

/** The scripts: job.sbatch (the array of shards) and merge.sbatch (the merge, then for sensitivity the indices). */
export function slurmScripts(p: SlurmPlan): { job: string; merge: string } {
  const what = `pathways ${p.command} ${p.args.map(shellWord).join(' ')}`;
  const each = p.shards === p.tasks ? 'array task k runs shard k' : `array task k runs the shards k, k+${p.tasks}, k+${2 * p.tasks}, ... (the cluster's MaxArraySize allows ${p.tasks} tasks)`;
  const workers = p.workers !== undefined ? `--workers ${p.workers}` : '--workers "${SLURM_CPUS_PER_TASK:-1}"';
  const job = [
    '#!/bin/bash',
    `# ${what}`,
    `# as ${p.shards} shard${p.shards === 1 ? '' : 's'} in a Slurm job array, written by pathways slurm: ${each},`,
    `# into ${shardDir(p, 'k')}; a shard run again resumes from its journal.`,
    `# Submit with the same pathways slurm command and --submit, or by hand (the merge after the array):`,
    `#   jid=$(sbatch --parsable ${join(p.dir, JOB)}) && sbatch --dependency=afterok:\${jid%%;*} ${join(p.dir, MERGE_JOB)}`,
    ...schedulerLines(p, `pathways-${p.command}`, `pathways-${p.command}-%A_%a.out`, p.cpus),
    `#SBATCH --array=1-${p.tasks}`,
    'set -euo pipefail',
    `SHARDS=${p.shards}`,
    `TASKS=${p.tasks}`,
    'for ((i = SLURM_ARRAY_TASK_ID; i <= SHARDS; i += TASKS)); do',
    '  echo "pathways slurm: shard $i/$SHARDS (array job ${SLURM_ARRAY_JOB_ID:-?}, task ${SLURM_ARRAY_TASK_ID}) on $(hostname)"',
    `  ${line(p, [p.command, ...p.args])} ${workers} --shard "$i/$SHARDS" --out ${join(p.dir, SHARDS)}/"$i"`,
    'done',
    '',
  ].join('\n');
  const merged = join(p.dir, MERGED);
  const steps = [line(p, ['merge', '--out', merged, join(p.dir, SHARDS)])];
  if (p.command === 'sensitivity') steps.push(`${line(p, [p.command, ...p.args, '--out', merged])} --workers 1`);
  const merge = [
    '#!/bin/bash',
    `# The merge of the shards of ${join(p.dir, JOB)} into ${merged}${p.command === 'sensitivity' ? ', then the indices' : ''}, written by pathways slurm.`,
    `# Submit it after the array: sbatch --dependency=afterok:ARRAY_JOB_ID ${join(p.dir, MERGE_JOB)}`,
    '# (cancelled by Slurm when a task of the array fails: then run pathways slurm ... --submit again).',
    ...schedulerLines(p, `pathways-${p.command}-merge`, `pathways-${p.command}-merge-%j.out`, 1),
    '#SBATCH --kill-on-invalid-dep=yes',
    'set -euo pipefail',
    ...steps,
    '',
  ].join('\n');
  return { job, merge };
}

// ---- the folder and the submission ------------------------------------------

/** slurm.json: what the folder runs, and the jobs submitted for it. */
interface SlurmFile {
  format: 'pathways-slurm/1';
  command: SlurmCommand;
  args: string[];
  shards: number;
  submissions: { array: string | null; tasks: string | null; merge: string }[];
}

function readSlurmFile(dir: string): SlurmFile | undefined {
  const text = readIfExists(join(dir, SLURM_JSON));
  if (text === undefined) return undefined;
  try {
    const f = JSON.parse(text) as SlurmFile;
    if (f && f.format === 'pathways-slurm/1' && Array.isArray(f.args) && Array.isArray(f.submissions)) return f;
  } catch {
    // refused below
  }
  throw new InputError(`--out: ${join(dir, SLURM_JSON)} is not a pathways slurm job folder's ${SLURM_JSON}; use another folder`);
}

const writeSlurmFile = (dir: string, f: SlurmFile) => writeAtomic(join(dir, SLURM_JSON), (put) => put(JSON.stringify(f, null, 2) + '\n'));

/** Run a Slurm command; its output, or an error with its message. */
function slurm(cmd: string, args: string[]): { ok: boolean; out: string; err: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 60_000 });
  if (r.error) {
    if ((r.error as NodeJS.ErrnoException).code === 'ENOENT') throw new IOError(`${cmd} not found: --submit needs Slurm's ${cmd} on the PATH (the scripts are written: submit them from the cluster's login node)`);
    throw new IOError(`${cmd} failed: ${r.error.message}`);
  }
  return { ok: r.status === 0, out: r.stdout.trim(), err: r.stderr.trim().split('\n')[0] ?? '' };
}

/** Whether a job (or any task of an array job) is still pending or running. */
function isQueued(id: string): boolean {
  const r = slurm('squeue', ['--noheader', '--format=%i', `--jobs=${id}`]);
  return r.ok && r.out !== '';
}

function sbatch(args: string[]): string {
  const r = slurm('sbatch', ['--parsable', ...args]);
  const id = r.out.split(';')[0];
  if (!r.ok || !/^\d+$/.test(id)) throw new IOError(`sbatch ${args.join(' ')} failed: ${r.err || r.out || 'no job id'}`);
  return id;
}

export async function slurmCommand(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined) throw new InputError(`slurm: missing COMMAND (${SLURM_COMMANDS.join(', ')}); usage: ${SLURM_SPEC.usage}`);
  if (command === '-h' || command === '--help') {
    process.stdout.write(helpText(SLURM_SPEC));
    return 0;
  }
  if (!(SLURM_COMMANDS as readonly string[]).includes(command)) {
    const what = command.startsWith('-') ? `${command} comes after the command` : `${JSON.stringify(command)} does not run as a job array${suggest(command, SLURM_COMMANDS)}`;
    throw new InputError(`slurm: ${what}; expected one of ${SLURM_COMMANDS.join(', ')} (pathways slurm COMMAND [options])`);
  }
  const sub = command as SlurmCommand;
  for (const token of rest) {
    const name = /^--([^=]+)/.exec(token)?.[1];
    if (name !== undefined && name !== 'out' && Object.hasOwn(NOT_PASSED, name) && Object.hasOwn(SPECS[sub].options, name)) {
      throw new InputError(`--${name}: not with pathways slurm (${NOT_PASSED[name]})`);
    }
  }
  const spec = slurmSpecFor(sub);
  const parsed = parseArgs(`slurm ${sub}`, spec, rest);
  if (parsed.help) {
    process.stdout.write(helpText(spec));
    return 0;
  }
  const o = parsed.options;
  const p = planSlurm(sub, o, maxArraySize());
  const old = existsSync(join(p.dir, SLURM_JSON)) ? readSlurmFile(p.dir) : undefined;
  if (old && (old.command !== p.command || JSON.stringify(old.args) !== JSON.stringify(p.args) || old.shards !== p.shards)) {
    const was = old.command !== p.command ? `pathways ${old.command}` : old.shards !== p.shards ? `${old.shards} shards` : `other options (${old.args.map(shellWord).join(' ')})`;
    throw new InputError(`--out: ${p.dir} holds another job (${was}); use another folder, or delete it to start again`);
  }
  for (const d of [p.dir, join(p.dir, SHARDS), join(p.dir, LOGS)]) ensureDir(d);
  const { job, merge } = slurmScripts(p);
  writeAtomic(join(p.dir, JOB), (put) => put(job));
  writeAtomic(join(p.dir, MERGE_JOB), (put) => put(merge));
  const file: SlurmFile = old ?? { format: 'pathways-slurm/1', command: p.command, args: p.args, shards: p.shards, submissions: [] };
  writeSlurmFile(p.dir, file);

  const unfinished = Array.from({ length: p.shards }, (_, k) => k + 1).filter((i) => !existsSync(join(shardDir(p, i), p.done)));
  const tasks = arraySpec(unfinished.map((i) => taskOfShard(i, p.tasks)));
  const mergedDone = existsSync(join(p.dir, MERGED, p.mergedDone));
  const jobPath = join(p.dir, JOB);
  const mergePath = join(p.dir, MERGE_JOB);
  const layout = `${p.shards} shard${p.shards === 1 ? '' : 's'} in ${p.tasks} array task${p.tasks === 1 ? '' : 's'}`;
  const state = unfinished.length === p.shards ? '' : unfinished.length === 0 ? '; every shard is done' : `; ${p.shards - unfinished.length} of ${p.shards} shards are done, the tasks of the others: ${tasks}`;
  const wrote = `wrote ${jobPath} (${layout}) and ${mergePath} (pathways merge into ${join(p.dir, MERGED)})${state}`;

  if (!o.submit) {
    const arrayArg = unfinished.length < p.shards ? ` --array=${tasks}` : '';
    print([
      wrote,
      mergedDone ? `the result is in ${join(p.dir, MERGED)}` : unfinished.length === 0
        ? `submit the merge: sbatch ${mergePath}`
        : `submit: the same command with --submit, or by hand: jid=$(sbatch --parsable${arrayArg} ${jobPath}) && sbatch --dependency=afterok:\${jid%%;*} ${mergePath}`,
    ].join('\n'));
    return 0;
  }

  // an earlier submission still in the queue: wait for it, or cancel a merge that can never run
  const notes: string[] = [];
  for (const s of file.submissions) {
    if (s.array !== null && isQueued(s.array)) throw new InputError(`slurm: array job ${s.array} of ${p.dir} is still queued or running; wait for it (squeue --jobs=${s.array}) or cancel it (scancel ${s.array}), then run this again`);
  }
  for (const s of file.submissions) {
    if (!isQueued(s.merge)) continue;
    if (unfinished.length === 0) throw new InputError(`slurm: merge job ${s.merge} of ${p.dir} is still queued or running; wait for it (squeue --jobs=${s.merge})`);
    // its array has left the queue with shards unfinished, so afterok can never be satisfied
    slurm('scancel', [s.merge]);
    notes.push(`cancelled merge job ${s.merge}, which waited on the failed array job ${s.array}`);
  }
  if (mergedDone && unfinished.length === 0) {
    print([wrote, ...notes, `nothing to submit: every shard and the merge are done; the result is in ${join(p.dir, MERGED)}`].join('\n'));
    return 0;
  }
  let array: string | null = null;
  if (unfinished.length) array = sbatch([`--array=${tasks}`, jobPath]);
  let mergeId: string;
  try {
    mergeId = sbatch([...(array ? [`--dependency=afterok:${array}`] : []), mergePath]);
  } catch (err) {
    if (array) {
      file.submissions.push({ array, tasks, merge: '' });
      writeSlurmFile(p.dir, file);
      throw new IOError(`submitted array job ${array}, but not the merge: ${(err as Error).message}; submit it by hand: sbatch --dependency=afterok:${array} ${mergePath}`);
    }
    throw err;
  }
  file.submissions.push({ array, tasks: array ? tasks : null, merge: mergeId });
  writeSlurmFile(p.dir, file);
  const n = unfinished.length;
  print([
    wrote,
    ...notes,
    array
      ? `submitted array job ${array} (tasks ${tasks}: ${n} shard${n === 1 ? '' : 's'}) and merge job ${mergeId} (after every task succeeds)`
      : `submitted merge job ${mergeId} (every shard is done)`,
    `logs in ${join(p.dir, LOGS)}; the result in ${join(p.dir, MERGED)}; follow them with: squeue --jobs=${array ? `${array},` : ''}${mergeId}`,
  ].join('\n'));
  return 0;
}
