/** `pathways calibrate`: fit scenario parameters to published figures (engine: sim/calibrate/run.ts, on the sweep engine's worker pool). */
import { join } from 'node:path';
import { SHIPPED_TARGETS } from '../../scenarios/targets/index.ts';
import { targetSettings } from '../calibrate/targets.ts';
import { CALIBRATE_DEFAULTS, CALIBRATED, CALIBRATION, FIT, METHODS, POSTERIOR, runCalibration, TRACE, type CalibrateSpec, type FitFile, type Method } from '../calibrate/run.ts';
import { InputError } from '../errors.ts';
import { alignTable, fixed } from '../format.ts';
import { loadScenario, shippedNames } from '../load.ts';
import { JOURNAL } from '../sweep/journal.ts';
import { parseVary } from '../sweep/params.ts';
import { parseShard } from '../sweep/plan.ts';
import type { CommandSpec, Parsed } from './args.ts';
import { onInterrupt } from './cleanup.ts';
import { print } from './format.ts';
import { RUN_OPTIONS, settingOptions } from './options.ts';
import { checkOutDir } from './output.ts';
import { progress } from './progress.ts';
import { varyList, workerCount } from './sweep.ts';
import { loadTargets, section } from './targets.ts';

const D = CALIBRATE_DEFAULTS;

export const CALIBRATE_SPEC: CommandSpec = {
  usage: 'pathways calibrate --scenario NAME|FILE [--targets NAME|FILE] --vary NAME=lo:hi [--vary ...] [--method nelder-mead|abc] [--budget N] [--particles N] [--starts K [--shard i/n]] [--replications N] [--seed N] [--agents N] [--workers N] --out DIR [--json]',
  summary: [
    'Fit scenario parameters to published figures: search the box of --vary ranges for the point whose targets used for fitting ("use": "fit") come closest to their bands, then check every target, fit and held out, at that point.',
    '',
    `Distance (simulated method of moments): the sum over fit targets of weight × ((model mean − centre of the band) / half-width of the band)²; a mean one half-width from the centre, on the band's edge, costs its weight. Every candidate point runs the same replicates with the same seeds (common random numbers), so the distance changes smoothly with the point.`,
    '',
    `Methods: nelder-mead (default) starts at the scenario's own values and stops after --budget evaluations (default ${D.budget['nelder-mead']}) or when the simplex is within ${D.xTolerance} of each range and its distances within ${D.fTolerance}. abc is ABC-SMC with a uniform prior on the box: populations of --particles (default ${D.particles}), each tolerance the median distance of the last population, --budget simulations in all (default ${D.budget.abc}); its posterior is the last complete population.`,
    '',
    `Output in DIR: ${CALIBRATION} (the plan, written first), ${JOURNAL} (one checksummed line per evaluated candidate), and at the end ${CALIBRATED} (the scenario at the best point: a scenario file for every command), ${FIT} (the calibration, and every target at the best point: band, model mean and 95% interval, within or not, fit or held out; what pathways targets gives on ${CALIBRATED}), ${TRACE} (every evaluation: its point, distance and the mean of each fit target) and, for abc, ${POSTERIOR} (the particles: generation, weight, distance, parameters). Files are written whole.`,
    'Resume: run the same command again; evaluated candidates are read from the journal, not run again. A different calibration into the same DIR is refused.',
    '',
    'Cost: each candidate runs every distinct setting of the fit targets × --replications; with fewer --agents or --replications a search is quicker and noisier.',
  ].join('\n'),
  options: {
    scenario: RUN_OPTIONS.scenario,
    targets: { kind: 'string', arg: 'NAME|FILE', doc: 'A target file, or the name of a shipped one (default: the shipped targets of the scenario’s name). See pathways targets --help for the format.' },
    vary: {
      kind: 'string', repeat: true, arg: 'NAME=lo:hi',
      doc: 'A parameter to fit and its range (repeat --vary for more): a numeric scenario field by dot path that takes any number in a range, as in pathways sweep (groups.refugee.language, labourMarket.discrimination, behaviour.rejectionHit, office.advisorsPer1000, policies.NAME.KNOB). Both ends are checked against the schema’s range.',
    },
    method: { kind: 'enum', values: [...METHODS], arg: METHODS.join('|'), doc: 'nelder-mead (default): the best point, fast. abc: ABC-SMC, a posterior of the parameters.' },
    budget: { kind: 'int', min: 1, max: 1_000_000, arg: 'N', doc: `Most candidate evaluations (default: ${D.budget['nelder-mead']} for nelder-mead, ${D.budget.abc} for abc).` },
    particles: { kind: 'int', min: 2, max: 100_000, arg: 'N', doc: `Particles per ABC population (default ${D.particles}; abc only).` },
    starts: { kind: 'int', min: 1, max: 10_000, arg: 'K', doc: 'Nelder–Mead searches from K start points: the scenario’s own values, then a Latin hypercube of the box drawn from --seed; the best of them is the result (default 1; nelder-mead only). --budget is per start.' },
    shard: { kind: 'string', arg: 'i/n', doc: 'Run only the starts whose number mod n = i-1 (1-based; nelder-mead with --starts). Give each shard its own --out; pathways merge joins them into what the unsharded calibration writes.' },
    replications: { ...RUN_OPTIONS.replications, doc: 'Replications of each setting per candidate (default: the scenario’s).' },
    seed: { ...RUN_OPTIONS.seed, doc: 'Master seed of the replicates, the same for every candidate, and of ABC’s draws (default: the scenario’s).' },
    agents: RUN_OPTIONS.agents,
    workers: { kind: 'int', min: 1, max: 1024, arg: 'N', doc: 'Worker threads (default: the number of processors).' },
    out: { kind: 'string', arg: 'DIR', doc: 'The calibration folder (created if missing). Required.' },
    json: { kind: 'flag', doc: `Print ${FIT} to stdout instead of the report.` },
  },
  positional: [],
};

/** A --vary of calibrate: NAME=lo:hi, a range without a step. */
function bound(text: string): { name: string; lo: number; hi: number } {
  const v = parseVary(text);
  if ('values' in v || v.step !== undefined) throw new InputError(`--vary: ${JSON.stringify(text)} is not allowed; calibrate takes a range NAME=lo:hi (no step, no list of values)`);
  return { name: v.name, lo: v.lo, hi: v.hi };
}

const num = (x: number) => (Number.isFinite(x) ? String(Number(x.toPrecision(4))) : 'none');

/** The text report of a calibration. */
export function calibrateText(fit: FitFile, dir: string, targetsName: string): string {
  const c = fit.calibration;
  const st = fit.settings;
  const rows = c.parameters.map((p) => [p.name, `${p.lo}:${p.hi}`, num(p.start), num(p.value), ...(c.posterior ? (() => {
    const q = c.posterior.parameters.find((x) => x.name === p.name)!;
    return [`${num(q.mean)} [${num(q.q025)}, ${num(q.q975)}]`];
  })() : [])]);
  const header = ['parameter', 'range', 'start', 'calibrated', ...(c.posterior ? ['posterior mean [95%]'] : [])];
  const fitT = fit.targets.filter((t) => t.use === 'fit');
  const held = fit.targets.filter((t) => t.use === 'holdout');
  const how = c.method === 'abc'
    ? `abc: ${c.evaluations} simulations of ${c.budget}, ${c.posterior!.generations.length} population${c.posterior!.generations.length === 1 ? '' : 's'} of ${c.posterior!.size} (last tolerance ${fixed(c.posterior!.epsilon, 3)}, effective size ${fixed(c.posterior!.ess, 1)}); stopped: ${c.status}`
    : c.starts && (c.starts.length > 1 || c.shard)
      ? `nelder-mead from ${c.starts.length} start${c.starts.length === 1 ? '' : 's'}${c.shard ? ` (shard ${c.shard.index}/${c.shard.count})` : ''}: ${c.evaluations} evaluations, at most ${c.budget} per start; the best, start ${c.starts.reduce((a, b) => (b.distance < a.distance ? b : a)).start}, ${c.status === 'converged' ? 'converged' : 'stopped at the budget'}`
      : `nelder-mead: ${c.evaluations} evaluations of at most ${c.budget}; ${c.status === 'converged' ? 'converged' : 'stopped at the budget'}`;
  const startRows = c.starts && c.starts.length > 1
    ? ['', alignTable(['start', ...c.parameters.map((p) => `from ${p.name}`), 'distance', 'evaluations', 'status'], c.starts.map((x) => [String(x.start), ...x.from.map(num), fixed(x.distance, 3), String(x.evaluations), x.status]), 'r' + 'r'.repeat(c.parameters.length) + 'rrl')]
    : [];
  return [
    `calibrate ${fit.scenario} (${fit.title}) to targets ${targetsName}: ${st.agents} agents, ${st.weeks} weeks, ${st.replications} replication${st.replications === 1 ? '' : 's'} per candidate, seed ${st.seed}, common random numbers`,
    how,
    `distance: ${c.startDistance === null ? '' : `${fixed(c.startDistance, 3)} at the start, `}${fixed(c.distance, 3)} calibrated (sum over fit targets of weight × (miss from the band's centre / half-width)²)`,
    '',
    alignTable(header, rows, 'llrrr'),
    ...startRows,
    '',
    ...section('Targets to fit, at the calibrated point', fitT),
    ...section('Held-out targets (not fitted), at the calibrated point', held),
    `wrote ${[CALIBRATED, FIT, TRACE, ...(c.posterior ? [POSTERIOR] : [])].map((f) => join(dir, f)).join(', ')}`,
    `check it: npx pathways targets --scenario ${join(dir, CALIBRATED)} --targets ${targetsName} --replications ${st.replications} --agents ${st.agents} --seed ${st.seed}`,
    '',
  ].join('\n');
}

/** The calibration of the command line's options (scenario and targets loaded; planCalibration checks the rest). */
export function calibrateSpecOf(o: Parsed['options']): CalibrateSpec {
  if (o.scenario === undefined) throw new InputError(`calibrate: --scenario is required (one of ${shippedNames().join(', ')}, or a JSON file)`);
  const bounds = varyList(o.vary).map(bound);
  if (bounds.length === 0) throw new InputError('calibrate: give at least one parameter to fit with --vary NAME=lo:hi (e.g. --vary groups.refugee.language=0.2:0.8)');
  const s = loadScenario(String(o.scenario));
  let targetsName: string;
  if (o.targets !== undefined) targetsName = String(o.targets);
  else if (Object.hasOwn(SHIPPED_TARGETS, s.name)) targetsName = s.name;
  else throw new InputError(`calibrate: scenario ${s.name} has no shipped targets; give --targets FILE (shipped targets: ${Object.keys(SHIPPED_TARGETS).join(', ')})`);
  const file = loadTargets(targetsName);
  const settings = targetSettings(s, settingOptions(o));
  const method = (o.method as Method | undefined) ?? 'nelder-mead';
  return {
    scenario: s, scenarioArg: String(o.scenario), file, targetsArg: targetsName, bounds, method,
    budget: o.budget as number | undefined, particles: o.particles as number | undefined, settings,
    starts: o.starts as number | undefined, shard: parseShard(o.shard as string | undefined),
  };
}

export async function calibrateCommand({ options: o }: Parsed): Promise<number> {
  if (o.scenario === undefined) throw new InputError(`calibrate: --scenario is required (one of ${shippedNames().join(', ')}, or a JSON file)`);
  if (o.out === undefined) throw new InputError('calibrate: --out DIR is required (the calibration folder)');
  const out = String(o.out);
  checkOutDir(out);
  const spec = calibrateSpecOf(o);
  const { scenario: s, method, targetsArg: targetsName } = spec;
  const workers = workerCount(o.workers as number | undefined);
  const bar = progress(`calibrate ${s.name} (${method})`);
  let done = 0;
  const forget = onInterrupt(() => {
    bar.end();
    process.stderr.write(`pathways: calibrate interrupted${done ? ` after ${done} runs; evaluated candidates are kept in ${join(out, JOURNAL)}` : ''}; run the same command to resume\n`);
  });
  let r;
  try {
    r = await runCalibration(spec, {
      out, workers,
      onProgress: (d, t) => {
        done = d;
        bar.onProgress?.(d, t);
      },
      onNote: (line) => {
        bar.end();
        process.stderr.write(`pathways: note: ${line}\n`);
      },
    });
  } finally {
    forget();
    bar.end();
  }
  if (r.resumed) process.stderr.write(`pathways: note: resumed: ${r.resumed} candidate${r.resumed === 1 ? '' : 's'} read from ${join(out, JOURNAL)}, ${r.ran} run\n`);
  print(o.json ? JSON.stringify(r.fit, null, 2) : calibrateText(r.fit, out, targetsName));
  return 0;
}
