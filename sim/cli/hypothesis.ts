/** `pathways hypothesis FILE|NAME`: test a hypothesis file (sim/hypothesis.ts) and print the effect and the verdict. */
import { dirname, resolve } from 'node:path';
import { SHIPPED_HYPOTHESES } from '../../scenarios/hypotheses/index.ts';
import { SHIPPED } from '../../scenarios/index.ts';
import {
  decimalsFor, fmt, fmtP, groupText, parseHypothesis, runHypothesis, scenarioRef, VERDICT_RULE,
  type Hypothesis, type HypothesisResult,
} from '../hypothesis.ts';
import { isFile, loadNamedOrFile, loadScenario } from '../load.ts';
import { ValidationError } from '../errors.ts';
import { parseScenario, type Scenario } from '../scenario.ts';
import { GROUP_PAIR, HYPOTHESIS, SIDE } from '../schema/hypothesis.ts';
import { alignTable, intervalText } from '../format.ts';
import { settingSpec } from '../settings.ts';
import { intOption, type CommandSpec, type Parsed } from './args.ts';
import { fieldLines, plain, print, wrap } from './format.ts';
import { RUN_OPTIONS, settingOptions } from './options.ts';
import { progress } from './progress.ts';

/** The file format, for --help: one line per field, from the schema's doc strings. */
function formatHelp(): string {
  const required = new Set<string>(HYPOTHESIS.required ?? []);
  const sub: Record<string, [string, string][]> = {
    policies: [['policies.A.base', plain(SIDE.fields.base.doc)], ['policies.A.knobs', plain(SIDE.fields.knobs.doc)]],
    group: [['group.A, group.B', plain(GROUP_PAIR.doc)]],
  };
  const rows: [string, string][] = Object.entries(HYPOTHESIS.fields).flatMap(([k, f]) =>
    [[k, `${required.has(k) ? '' : '(optional) '}${plain(f.doc)}`] as [string, string], ...(sub[k] ?? [])]);
  return [
    'The file is JSON with these fields (policies.B like policies.A):',
    ...fieldLines(rows),
    '',
    'Example:',
    '  { "name": "proactive-information", "statement": "Telling people about fitting services face to face cuts the weeks they spend hunting for information.",',
    '    "findings": ["F2"], "scenario": "classroom",',
    '    "policies": { "A": "standardised", "B": { "base": "standardised", "knobs": { "proactiveInformation": 0.7 } } },',
    '    "metric": "weeksSearchingInfoPerPerson", "expect": "decrease", "smallestEffect": 1, "replications": 10 }',
    '',
    wrap(`Verdict: ${VERDICT_RULE}`, '').trimStart(),
    '',
    wrap(`Shipped hypotheses (run by name): ${Object.keys(SHIPPED_HYPOTHESES).join(', ')}.`, '').trimStart(),
  ].join('\n');
}

export const HYPOTHESIS_SPEC: CommandSpec = {
  usage: 'pathways hypothesis FILE|NAME [--replications N] [--seed N] [--json]',
  summary: 'Test a hypothesis file: run its two sides on the same people with the same luck, estimate the effect of B relative to A with a 95% interval and a paired t-test, and give a verdict (supported, contradicted or inconclusive). ' +
    'FILE is a hypothesis JSON file or the name of a shipped one.\n\n' + formatHelp(),
  options: {
    // a paired test needs at least two replications
    replications: intOption(settingSpec('replications'), 'N', 'Paired replications (default: the file’s, else the scenario’s).', 2),
    seed: { ...RUN_OPTIONS.seed, doc: 'Master seed (default: the file’s, else the scenario’s).' },
    json: { kind: 'flag', doc: 'Print one JSON object (the full result) to stdout instead of text.' },
  },
  positional: ['FILE'],
};

/** A shipped hypothesis by name, or a file. `dir` is the folder relative paths in the file start from. */
export function loadHypothesis(arg: string): { h: Hypothesis; dir?: string } {
  const { raw, file } = loadNamedOrFile(arg, 'hypothesis', SHIPPED_HYPOTHESES);
  return { h: parseHypothesis(raw, `hypothesis ${arg}`), dir: file === undefined ? undefined : dirname(resolve(file)) };
}

/** The hypothesis's scenario: a shipped name, or a file relative to the hypothesis file. */
export function hypothesisScenario(h: Hypothesis, dir: string | undefined, source: string): Scenario {
  const ref = scenarioRef(h);
  const bad = (message: string) => new ValidationError([{ path: 'scenario', message }], source);
  if ('shipped' in ref) {
    if (!Object.hasOwn(SHIPPED, ref.shipped)) {
      throw bad(`${JSON.stringify(ref.shipped)} is not a shipped scenario; expected one of ${Object.keys(SHIPPED).join(', ')}, or a path to a scenario file (containing / or ending in .json)`);
    }
    return parseScenario(SHIPPED[ref.shipped], `scenario ${ref.shipped}`);
  }
  if (dir === undefined) throw bad(`${JSON.stringify(ref.path)} is not allowed; a shipped hypothesis must name a shipped scenario`);
  const path = resolve(dir, ref.path);
  if (!isFile(path)) throw bad(`${JSON.stringify(ref.path)} is not allowed; no scenario file at ${path} (a path is read relative to the hypothesis file)`);
  return loadScenario(path);
}

/** The text report of a result. */
export function hypothesisText(r: HypothesisResult): string {
  const dp = decimalsFor(r.smallestEffect);
  const f = (v: number) => fmt(v, dp);
  const cell = (m: number, ci: [number, number]) => `${f(m)} ${intervalText(f(ci[0]), f(ci[1]))}`;
  const st = r.settings;
  const rows: [string, string][] = [
    ['scenario', `${r.scenario}: ${st.agents} agents, ${st.weeks} weeks, ${st.replications} paired replications, seed ${st.seed}`],
    ['A', r.A.group === r.B.group ? r.A.label : `${r.A.label}, group ${r.A.group}`],
    ['B', r.A.group === r.B.group ? r.B.label : `${r.B.label}, group ${r.B.group}`],
    ['metric', `${r.metric} for ${groupText(r)}: ${r.metricDoc}`],
    ['expected', `${r.expect} (B − A), at least ${f(r.smallestEffect)}`],
  ];
  const table: [string, string][] = [
    ['A', cell(r.A.mean, r.A.ci95)],
    ['B', cell(r.B.mean, r.B.ci95)],
    ['B − A', `${cell(r.effect.mean, r.effect.ci95)}   sd of differences ${fmt(r.effect.sd, dp + 1)}`],
  ];
  return [
    `hypothesis ${r.name} (${r.findings.join(', ')})`,
    wrap(r.statement),
    ...(r.source ? [wrap(`source: ${r.source}`)] : []),
    ...(r.notes ? [wrap(`notes: ${r.notes}`)] : []),
    '',
    alignTable(undefined, rows, 'll'),
    '',
    alignTable(undefined, [['', 'mean [95% interval]'], ...table], 'll'),
    `paired t-test: t = ${fmt(r.test.t, 2)}, df = ${r.test.df}, p ${fmtP(r.test.p)}`,
    '',
    `verdict: ${r.verdict.toUpperCase()}`,
    wrap(r.explanation),
    '',
    'what would change it:',
    wrap(r.wouldChange),
    ...(r.replicationsNeeded !== undefined ? [`replications needed: ${r.replicationsToSettle} to settle it if the effect is as observed; ${r.replicationsNeeded} for 80% power to detect ${f(r.smallestEffect)}`] : []),
    '',
  ].join('\n');
}

export function hypothesisCommand({ options, positional }: Parsed): number {
  const arg = positional[0];
  const { h, dir } = loadHypothesis(arg);
  const source = `hypothesis ${arg}`;
  const s = hypothesisScenario(h, dir, source);
  const p = progress(`hypothesis ${h.name}`);
  let r: HypothesisResult;
  try {
    // checks against the scenario name the hypothesis as given on the command line
    r = runHypothesis(h, s, { ...settingOptions(options), source, onProgress: p.onProgress });
  } finally {
    p.end();
  }
  print(options.json ? JSON.stringify(r, null, 2) : hypothesisText(r));
  return 0;
}
