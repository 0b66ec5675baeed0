/** `pathways targets --scenario NAME|FILE`: check a scenario against published figures (sim/calibrate/targets.ts) and print the table. */
import { SHIPPED_TARGETS } from '../../scenarios/targets/index.ts';
import { evaluateTargets, parseTargets, targetSettings, type TargetFile, type TargetResult, type TargetsResult } from '../calibrate/targets.ts';
import { InputError } from '../errors.ts';
import { alignTable, intervalText } from '../format.ts';
import { isFile, loadScenario, looksLikePath, readJsonFile, shippedNames } from '../load.ts';
import { formatMetric, parseMetricKey, type MetricKey } from '../metrics.ts';
import { DIFFERENCE, LEVEL, SIDE, SOURCE, TARGET, TARGETS } from '../schema/targets.ts';
import type { CommandSpec, Parsed } from './args.ts';
import { fieldLines, plain, print, wrap } from './format.ts';
import { RUN_OPTIONS, settingOptions } from './options.ts';
import { progress } from './progress.ts';

/** The file format, for --help: one line per field, from the schema's doc strings. */
function formatHelp(): string {
  const rows: [string, string][] = [];
  const add = (prefix: string, spec: { fields: Record<string, { doc: string }>; required?: readonly string[] }, skip: string[] = []) => {
    const required = new Set<string>(spec.required ?? []);
    for (const [k, f] of Object.entries(spec.fields)) {
      if (!skip.includes(k)) rows.push([`${prefix}${k}`, `${required.has(k) ? '' : '(optional) '}${plain(f.doc)}`]);
    }
  };
  add('', TARGETS, ['targets']);
  rows.push(['targets[]', plain(TARGET.doc)]);
  for (const k of Object.keys(TARGET.fields)) {
    if (k === 'source') {
      rows.push(['  source', plain(SOURCE.doc)]);
      add('    ', SOURCE);
    } else if (k === 'quantity') {
      rows.push(['  quantity', `${plain(LEVEL.doc)} Or: ${plain(DIFFERENCE.doc)}`]);
      add('    ', LEVEL);
      rows.push(['    difference', plain(DIFFERENCE.fields.difference.doc)]);
      rows.push(['      A, B', `${plain(SIDE.doc)} policy, knobs and changes as above; group: ${plain(SIDE.fields.group.doc).replace(/^./, (c) => c.toLowerCase())}`]);
    } else add('  ', { fields: { [k]: TARGET.fields[k as keyof typeof TARGET.fields] }, required: TARGET.required });
  }
  return [
    'The target file is JSON with these fields:',
    ...fieldLines(rows),
    '',
    'Example of one target:',
    '  { "id": "young-aap-in-work-year5", "statement": "Of young people who received work assessment allowance, 18 % were in work after five years.",',
    '    "source": { "citation": "Nossen & Gjerde, ..., Arbeid og velferd 2/2022 (NAV)", "year": 2022, "location": "text: ..." },',
    '    "quantity": { "metric": "employedShareByYear.5", "group": "youth", "policy": "rotating-advisors",',
    '                  "changes": { "groups.youth.entitlements.workAssessmentAllowance": 1 } },',
    '    "value": 0.18, "band": [0.13, 0.23], "bandKind": "translation", "bandNote": "...", "use": "fit", "translation": "..." }',
    '',
    wrap(`Shipped target files (by scenario name): ${Object.keys(SHIPPED_TARGETS).join(', ')}, in scenarios/targets/.`, '').trimStart(),
  ].join('\n');
}

export const TARGETS_SPEC: CommandSpec = {
  usage: 'pathways targets --scenario NAME|FILE [--targets NAME|FILE] [--replications N] [--seed N] [--agents N] [--json]',
  summary: 'Check a scenario against published figures: for each target of a target file, the published value and band, the model’s mean and 95% interval over replications (common random numbers; a difference paired by replicate) and whether the mean lies within the band, with targets for fitting and held-out targets apart. ' +
    'Each distinct setting the targets name runs once per replication.\n\n' + formatHelp(),
  options: {
    scenario: RUN_OPTIONS.scenario,
    targets: { kind: 'string', arg: 'NAME|FILE', doc: 'A target file, or the name of a shipped one (default: the shipped targets of the scenario’s name).' },
    replications: { ...RUN_OPTIONS.replications, doc: 'Replications of each setting (default: the scenario’s).' },
    seed: RUN_OPTIONS.seed,
    agents: RUN_OPTIONS.agents,
    json: { kind: 'flag', doc: 'Print one JSON object (the full result) to stdout instead of the table.' },
  },
  positional: [],
};

/** A shipped target file by name, or a file. */
export function loadTargets(arg: string): TargetFile {
  const source = `targets ${arg}`;
  if (!looksLikePath(arg) && Object.hasOwn(SHIPPED_TARGETS, arg)) return parseTargets(SHIPPED_TARGETS[arg], source);
  if (!looksLikePath(arg) && !isFile(arg)) {
    throw new InputError(`--targets: ${JSON.stringify(arg)} is neither a shipped target file nor a file; shipped: ${Object.keys(SHIPPED_TARGETS).join(', ')}`);
  }
  return parseTargets(readJsonFile(arg, 'target'), source);
}

/** A value of the target's metric as the metric table writes it on a terminal (shares as fractions). */
function value(t: TargetResult, v: number): string {
  return formatMetric((parseMetricKey(t.quantity.metric) as MetricKey).name, v, { plain: true });
}

/** "employedShareByYear.5, refugee, [1]"; "medianWeeksToFirstJob, all, [2] − [1]"; "employedShareByYear.5, refugee [1] − native-rights [1]". */
function quantityCell(t: TargetResult): string {
  const q = t.quantity;
  const n = (k: number) => `[${t.variants[k] + 1}]`;
  if (!('difference' in q)) return `${q.metric}, ${q.group}, ${n(0)}`;
  const { A, B } = q.difference;
  if (A.group === B.group) return `${q.metric}, ${A.group}, ${n(1)} − ${n(0)}`;
  return `${q.metric}, ${B.group} ${n(1)} − ${A.group} ${n(0)}`;
}

/** A titled table of targets (band, model mean and interval, within or not) and the count within band. */
export function section(title: string, targets: TargetResult[]): string[] {
  if (targets.length === 0) return [title, '  (none)', ''];
  const header = ['target', 'quantity', 'published', 'band', 'model [95% interval]', 'within band'];
  const rows = targets.map((t) => [
    t.id, quantityCell(t), value(t, t.value), intervalText(value(t, t.band[0]), value(t, t.band[1])),
    `${value(t, t.model.mean)} ${intervalText(value(t, t.model.ci95[0]), value(t, t.model.ci95[1]))}`, t.withinBand ? 'yes' : 'no',
  ]);
  const within = targets.filter((t) => t.withinBand).length;
  return [title, '', alignTable(header, rows, 'llrrrl'), '', `within band: ${within} of ${targets.length}`, ''];
}

/** The text report of a result; `name` is the target file as given. */
export function targetsText(r: TargetsResult, name: string): string {
  const st = r.settings;
  const runs = r.variants.length * st.replications;
  const fit = r.targets.filter((t) => t.use === 'fit');
  const holdout = r.targets.filter((t) => t.use === 'holdout');
  return [
    `targets ${name === r.scenario ? name : `${name} on ${r.scenario}`} (${r.title}): ${st.agents} agents, ${st.weeks} weeks, ${st.replications} replication${st.replications === 1 ? '' : 's'}, seed ${st.seed}, common random numbers`,
    `${r.targets.length} target${r.targets.length === 1 ? '' : 's'} (${fit.length} to fit, ${holdout.length} held out); ${r.variants.length} setting${r.variants.length === 1 ? '' : 's'} × ${st.replications} = ${runs} run${runs === 1 ? '' : 's'}`,
    '',
    ...section('Targets to fit', fit),
    ...section('Held-out targets (kept out of fitting, to check a fit against)', holdout),
    'settings:',
    ...r.variants.map((v, i) => `  [${i + 1}] ${v.label}`),
    '',
    wrap(`Mean [95% interval] over ${st.replications} replication${st.replications === 1 ? '' : 's'} of each setting, on the same people with the same luck in every setting; a difference, written [B] − [A], is taken per replicate (paired). Shares as fractions (0.460 is 46 %). The statement, source, band and translation of each target are in its file (or --json).`, ''),
    '',
  ].join('\n');
}

export function targetsCommand({ options }: Parsed): number {
  if (options.scenario === undefined) throw new InputError(`targets: --scenario is required (one of ${shippedNames().join(', ')}, or a JSON file)`);
  const s = loadScenario(String(options.scenario));
  let name: string;
  if (options.targets !== undefined) name = String(options.targets);
  else if (Object.hasOwn(SHIPPED_TARGETS, s.name)) name = s.name;
  else throw new InputError(`targets: scenario ${s.name} has no shipped targets; give --targets FILE (shipped targets: ${Object.keys(SHIPPED_TARGETS).join(', ')})`);
  const file = loadTargets(name);
  const settings = targetSettings(s, settingOptions(options));
  const p = progress(`targets ${s.name}`);
  let r: TargetsResult;
  try {
    r = evaluateTargets(s, file, settings, { source: `targets ${name}`, onProgress: p.onProgress });
  } finally {
    p.end();
  }
  print(options.json ? JSON.stringify(r, null, 2) : targetsText(r, name));
  return 0;
}
