/** Options shared by the commands that run the model (no imports of the commands, so any command may use them). */
import { SETTING_NAMES, settingSpec, type RunSettings } from '../settings.ts';
import { intOption, type OptionSpec, type Parsed } from './args.ts';

export const RUN_OPTIONS: Record<string, OptionSpec> = {
  scenario: { kind: 'string', arg: 'NAME|FILE', doc: 'A shipped scenario (see `pathways scenarios`) or a scenario JSON file. Required.' },
  // the ranges are the scenario schema's (sim/schema/scenario.ts); resolveRunSettings (sim/settings.ts) applies them
  agents: intOption(settingSpec('agents'), 'N', 'Number of jobseekers (default: the scenario’s).'),
  weeks: intOption(settingSpec('weeks'), 'N', 'Weeks to simulate (default: the scenario’s).'),
  seed: intOption(settingSpec('seed'), 'N', 'Master seed (default: the scenario’s).'),
  replications: intOption(settingSpec('replications'), 'N', 'Replications per policy (default: the scenario’s).'),
  out: { kind: 'string', arg: 'DIR', doc: 'Write summary, timeseries and events files into DIR (created if missing).' },
  format: { kind: 'enum', values: ['csv', 'json'], arg: 'csv|json', doc: 'Format of the files written with --out (default: csv).' },
  json: { kind: 'flag', doc: 'Print one JSON object to stdout instead of tables.' },
};

/** The run settings given on the command line (--agents, --weeks, --seed, --replications; absent: not given), for resolveRunSettings. */
export function settingOptions(o: Parsed['options']): Partial<RunSettings> {
  const out: Partial<RunSettings> = {};
  for (const name of SETTING_NAMES) if (typeof o[name] === 'number') out[name] = o[name];
  return out;
}
