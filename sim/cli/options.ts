/** Options shared by the commands that run the model (no imports of the commands, so any command may use them). */
import type { OptionSpec } from './args.ts';

export const RUN_OPTIONS: Record<string, OptionSpec> = {
  scenario: { kind: 'string', arg: 'NAME|FILE', doc: 'A shipped scenario (see `pathways scenarios`) or a scenario JSON file. Required.' },
  agents: { kind: 'int', min: 1, max: 20_000_000, arg: 'N', doc: 'Number of jobseekers (default: the scenario’s).' },
  weeks: { kind: 'int', min: 1, max: 1560, arg: 'N', doc: 'Weeks to simulate (default: the scenario’s).' },
  seed: { kind: 'int', min: 0, max: 4294967295, arg: 'N', doc: 'Master seed (default: the scenario’s).' },
  replications: { kind: 'int', min: 1, max: 10000, arg: 'N', doc: 'Replications per policy (default: the scenario’s).' },
  out: { kind: 'string', arg: 'DIR', doc: 'Write summary, timeseries and events files into DIR (created if missing).' },
  format: { kind: 'enum', values: ['csv', 'json'], arg: 'csv|json', doc: 'Format of the files written with --out (default: csv).' },
  json: { kind: 'flag', doc: 'Print one JSON object to stdout instead of tables.' },
};
