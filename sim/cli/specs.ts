/** The commands and their options (also the source of the help texts). */
import type { CommandSpec } from './args.ts';
import { RUN_OPTIONS } from './options.ts';
import { HYPOTHESIS_SPEC } from './hypothesis.ts';
import { WHATIF_SPEC } from './whatif.ts';
import { MERGE_SPEC, SWEEP_SPEC } from './sweep.ts';
import { SENSITIVITY_SPEC } from './sensitivity.ts';
import { TARGETS_SPEC } from './targets.ts';
import { CALIBRATE_SPEC } from './calibrate.ts';
import { SLURM_SPEC } from './slurm.ts';
import { SHIPPED_COMPARISONS } from '../../scenarios/comparisons/index.ts';
import { ARM_SYNTAX, MAX_VARIANTS } from '../arms.ts';
import { ARM, COMPARISON } from '../schema/arms.ts';
import { ARM_JOIN } from './arms.ts';
import { fieldLines, plain } from './format.ts';

/** The comparison file format, for --help: one line per field, from the schema's doc strings. */
function comparisonHelp(): string {
  const rows: [string, string][] = [];
  for (const [k, f] of Object.entries(COMPARISON.fields)) rows.push([k, `${(COMPARISON.required as readonly string[]).includes(k) ? '' : '(optional) '}${plain(f.doc)}`]);
  rows.push(['  an arm', plain(ARM.doc)]);
  for (const [k, f] of Object.entries(ARM.fields)) rows.push([`    ${k}`, `${(ARM.required as readonly string[]).includes(k) ? '' : '(optional) '}${plain(f.doc)}`]);
  return [
    'The comparison file (--arms) is JSON with these fields:',
    ...fieldLines(rows),
    '',
    'Example:',
    '  { "scenario": "classroom", "baseline": "standardised",',
    '    "variants": [ { "label": "fewer cases", "policy": "standardised", "changes": { "office.caseload": 30 } },',
    '                  { "label": "follow-up", "policy": "standardised", "knobs": { "followUp": 0.8 } }, "personalised" ] }',
  ].join('\n');
}


/**
 * The commands by name. Without a prototype, so a name such as "constructor"
 * or "toString" looked up here is simply not a command.
 */
export const COMMANDS: Record<string, CommandSpec> = Object.assign(Object.create(null) as Record<string, CommandSpec>, {
  scenarios: {
    usage: 'pathways scenarios [--json]',
    summary: 'List the shipped scenarios: name, agents, weeks and title.',
    options: { json: { kind: 'flag', doc: 'Print the list as JSON.' } },
    positional: [],
  },
  validate: {
    usage: 'pathways validate FILE',
    summary: 'Check a scenario file (or a shipped name). Prints "ok: ..." (for a file with "extends", also what it extends and which values it changes) and exits 0, or prints one line per field error and exits 2.',
    options: {},
    positional: ['FILE'],
  },
  run: {
    usage: 'pathways run --scenario NAME|FILE --policy NAME [--agents N] [--weeks N] [--seed N] [--replications N] [--out DIR] [--format json|csv] [--json]',
    summary: 'Run a scenario under one policy: the metrics (mean and 95% interval over replications) and the personas’ journeys.',
    options: {
      scenario: RUN_OPTIONS.scenario,
      policy: { kind: 'string', arg: 'NAME', doc: 'The policy: standardised, personalised or one the scenario defines. Required.' },
      ...RUN_OPTIONS,
    },
    positional: [],
  },
  compare: {
    usage: 'pathways compare --scenario NAME|FILE [--policies A,B | --arm ARM --arm ARM [--arm ARM ...] | --arms NAME|FILE] [--agents N] [--weeks N] [--seed N] [--replications N] [--out DIR] [--format json|csv] [--json]',
    summary: 'Run the same population under each policy with common random numbers; report every metric’s mean and 95% interval per policy and for the difference (second minus first).\n\n' +
      `With --arm or --arms: a baseline and 1 to ${MAX_VARIANTS} variants, each arm a policy with knob overrides and scenario changes, all on the same people with the same luck. ` +
      'The report gives key metrics per arm, each variant’s paired difference from the baseline marked clear (the 95% interval excludes 0) or not and better or worse for the jobseekers, ' +
      'and its cost-effectiveness: the extra cost (advisor time and services), the cost per extra person in work at the end and per extra person-year in work, with Fieller’s 95% interval, ' +
      'not defined when the interval of the extra employment includes 0. --json prints everything, with every arm’s policy, full knobs and changes.\n\n' + comparisonHelp(),
    options: {
      scenario: RUN_OPTIONS.scenario,
      policies: { kind: 'string', arg: 'A,B', doc: 'Policies to compare, separated by commas (default: the scenario’s comparePolicies).' },
      arm: {
        kind: 'string', repeat: true, join: ARM_JOIN, arg: 'ARM',
        doc: `An arm, ${ARM_SYNTAX} (repeat --arm for each; the first is the baseline, then 1 to ${MAX_VARIANTS} variants): a label up to "=" (no "=" or ","; default: the policy with its knobs and changes), a policy, then NAME=VALUE items separated by commas, NAME a knob (followUp) or a scenario field by dotted path (office.caseload), e.g. --arm standardised --arm "fewer cases=standardised,office.caseload=30".`,
      },
      arms: { kind: 'string', arg: 'NAME|FILE', doc: `A comparison file (JSON: baseline and 1 to ${MAX_VARIANTS} variants; the format is above, and in schemas/comparison.schema.json), or a shipped one by name (${Object.keys(SHIPPED_COMPARISONS).join(', ')}).` },
      ...RUN_OPTIONS,
      out: { ...RUN_OPTIONS.out, doc: 'Write summary, timeseries, events and compare.json into DIR (created if missing); with --arm or --arms, compare.json only.' },
    },
    positional: [],
  },
  whatif: WHATIF_SPEC,
  hypothesis: HYPOTHESIS_SPEC,
  sweep: SWEEP_SPEC,
  merge: MERGE_SPEC,
  sensitivity: SENSITIVITY_SPEC,
  targets: TARGETS_SPEC,
  calibrate: CALIBRATE_SPEC,
  slurm: SLURM_SPEC,
});

export function mainHelp(): string {
  const names = Object.keys(COMMANDS);
  const width = Math.max(...names.map((n) => n.length));
  return [
    'usage: pathways COMMAND [options]',
    '',
    'Agent-based simulation of jobseekers’ pathways through public employment services.',
    '',
    'commands:',
    ...names.map((n) => `  ${n.padEnd(width)}  ${COMMANDS[n].summary.split(/(?<=\.) /)[0]}`),
    '',
    'options:',
    '  -h, --help   Show help (also: pathways COMMAND --help).',
    '  --version    Show the version.',
    '',
    'examples:',
    '  pathways run --scenario classroom --policy standardised',
    '  pathways compare --scenario classroom --replications 3',
    '  pathways compare --scenario mixed-office --json --out results',
    '  pathways whatif lower-caseloads',
    '',
  ].join('\n');
}
