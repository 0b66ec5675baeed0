/** The commands and their options (also the source of the help texts). */
import type { CommandSpec } from './args.ts';
import { RUN_OPTIONS } from './options.ts';
import { HYPOTHESIS_SPEC } from './hypothesis.ts';
import { MERGE_SPEC, SWEEP_SPEC } from './sweep.ts';
import { SENSITIVITY_SPEC } from './sensitivity.ts';
import { TARGETS_SPEC } from './targets.ts';
import { CALIBRATE_SPEC } from './calibrate.ts';


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
    usage: 'pathways compare --scenario NAME|FILE [--policies A,B] [--agents N] [--weeks N] [--seed N] [--replications N] [--out DIR] [--format json|csv] [--json]',
    summary: 'Run the same population under each policy with common random numbers; report every metric’s mean and 95% interval per policy and for the difference (second minus first).',
    options: {
      scenario: RUN_OPTIONS.scenario,
      policies: { kind: 'string', arg: 'A,B', doc: 'Policies to compare, separated by commas (default: the scenario’s comparePolicies).' },
      ...RUN_OPTIONS,
      out: { ...RUN_OPTIONS.out, doc: 'Write summary, timeseries, events and compare.json into DIR (created if missing).' },
    },
    positional: [],
  },
  hypothesis: HYPOTHESIS_SPEC,
  sweep: SWEEP_SPEC,
  merge: MERGE_SPEC,
  sensitivity: SENSITIVITY_SPEC,
  targets: TARGETS_SPEC,
  calibrate: CALIBRATE_SPEC,
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
    '',
  ].join('\n');
}
