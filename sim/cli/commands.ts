/** The commands: scenarios, validate, run, compare. Each returns its exit code. */
import { basename } from 'node:path';
import { SHIPPED } from '../../scenarios/index.ts';
import { compareArms, type ArmsResult } from '../arms.ts';
import { compare, keptBytes, type CompareResult, type RunResult } from '../ensemble.ts';
import { loadScenario } from '../load.ts';
import { parseScenario, policyNames, type Scenario } from '../scenario.ts';
import { InputError, ValidationError } from '../errors.ts';
import { baseScenario, resolveRunSettings, scenarioChanges, type RunSettings } from '../settings.ts';
import type { Parsed } from './args.ts';
import { settingOptions } from './options.ts';
import { alignTable, JOURNEY_LINES, journeysText, metricRows, print } from './format.ts';
import { armOptionError, armsText, comparisonOf } from './arms.ts';
import { checkOutDir, runTables, writeOutputs, type Format } from './output.ts';
import { progress } from './progress.ts';

type Options = Parsed['options'];

export function scenariosCommand({ options }: Parsed): number {
  const list = Object.entries(SHIPPED).map(([name, raw]) => {
    const s = parseScenario(raw, `scenario ${name}`);
    return { name, agents: s.agents, weeks: s.weeks, title: s.title ?? name };
  });
  if (options.json) {
    print(JSON.stringify(list, null, 2));
    return 0;
  }
  const w = Math.max(...list.map((x) => x.name.length));
  const wa = Math.max(...list.map((x) => String(x.agents).length));
  const ww = Math.max(...list.map((x) => String(x.weeks).length));
  for (const x of list) print(`${x.name.padEnd(w)}  ${String(x.agents).padStart(wa)} agents  ${String(x.weeks).padStart(ww)} weeks  ${x.title}`);
  return 0;
}

export function validateCommand({ positional }: Parsed): number {
  const s = loadScenario(positional[0]);
  const base = s.extends !== undefined ? `extends ${s.extends}; ` : '';
  print(`ok: ${s.name} (${base}${s.groups.length} groups, ${s.services.length} services, policies: ${policyNames(s).join(', ')})`);
  if (s.extends !== undefined) {
    const changed = Object.keys(scenarioChanges(baseScenario(s), s));
    print(changed.length ? `changes against ${s.extends}: ${changed.join(', ')}` : `no changes against ${s.extends}`);
  }
  return 0;
}

function checkPolicy(s: Scenario, flag: string, name: string): string {
  const known = policyNames(s);
  if (!known.includes(name)) throw new InputError(`--${flag}: ${JSON.stringify(name)} is not a policy of scenario ${s.name}; known: ${known.join(', ')}`);
  return name;
}

/** The most memory the results of one `run` or `compare` may keep (they are kept until the files and tables are written). */
export const MAX_KEPT_BYTES = 2 * 1024 ** 3;
const gib = (bytes: number) => `${+(bytes / 1024 ** 3).toFixed(1)} GiB`;

/** Refuse up front (before anything runs) a job whose results would not fit in memory, with the estimate and the limit. */
function checkMemory(u: Setup, policies: number): void {
  const runs = u.replications * policies;
  const bytes = keptBytes(u.s, runs, u.weeks);
  if (bytes <= MAX_KEPT_BYTES) return;
  throw new InputError(`--replications: ${u.replications} replications × ${policies} ${policies === 1 ? 'policy' : 'policies'} × ${u.weeks} weeks would keep about ${gib(bytes)} of results in memory; the limit is ${gib(MAX_KEPT_BYTES)}: use fewer replications or weeks (at most about ${Math.max(1, Math.floor((MAX_KEPT_BYTES / bytes) * u.replications))} replications at ${u.weeks} weeks)`);
}

interface Setup extends RunSettings {
  s: Scenario;
  out?: string; format: Format; json: boolean;
}

/** Load the scenario and check every option before anything runs or is written. */
function setup(command: string, o: Options): Setup {
  if (o.scenario === undefined) throw new InputError(`${command}: --scenario is required (one of ${Object.keys(SHIPPED).join(', ')}, or a JSON file)`);
  const s = loadScenario(String(o.scenario));
  const settings = resolveRunSettings(s, {}, settingOptions(o));
  const out = o.out as string | undefined;
  if (out !== undefined) checkOutDir(out);
  return { s, ...settings, out, json: o.json === true, format: (o.format as Format | undefined) ?? 'csv' };
}

function simulate(label: string, u: Setup, policies: string[]): { result: CompareResult; runs: RunResult[] } {
  const p = progress(label);
  try {
    return compare(u.s, policies, { seed: u.seed, weeks: u.weeks, agents: u.agents, replications: u.replications, onProgress: p.onProgress });
  } finally {
    p.end();
  }
}

const describe = (u: Setup) =>
  `${u.s.name} (${u.s.title}): ${u.agents} agents, ${u.weeks} weeks, ${u.replications} replication${u.replications === 1 ? '' : 's'}, seed ${u.seed}`;

/** Write the files of --out; returns a line saying what was written (for the table output). */
function writeFiles(u: Setup, runs: RunResult[], extra: { name: string; json: unknown }[] = []): string {
  if (u.out === undefined) return '';
  const files = writeOutputs(u.out, u.format, runTables(runs, u.s), extra);
  return `\nwrote ${files.length} files to ${u.out}: ${files.map((f) => basename(f)).join(', ')}\n`;
}

export function runCommand({ options }: Parsed): number {
  const u = setup('run', options);
  if (options.policy === undefined) throw new InputError(`run: --policy is required; known: ${policyNames(u.s).join(', ')}`);
  const policy = checkPolicy(u.s, 'policy', String(options.policy));
  checkMemory(u, 1);
  const { result, runs } = simulate(`run ${u.s.name} ${policy}`, u, [policy]);
  const wrote = writeFiles(u, runs);
  const est = result.policies[policy];
  const first = runs[0];
  if (u.json) {
    const { scenario, seed, weeks, agents, replications, changes } = result;
    print(JSON.stringify({ scenario, seed, weeks, agents, replications, changes, policy, knobs: est.knobs, summary: est.summary, byGroup: est.byGroup, journeys: first.journeys }, null, 2));
    return 0;
  }
  const hint = u.out !== undefined ? `all of them in ${u.out}/events.${u.format}` : 'see all with --out DIR';
  print([
    `run ${describe(u)}, policy ${policy}`,
    '',
    alignTable(['metric', `${policy}: mean [95% interval]`], metricRows([est.summary])),
    '',
    u.s.personas.length ? `Journeys (replicate 0 of ${u.replications}; first ${JOURNEY_LINES} events each):\n\n${journeysText(u.s, first, hint)}` : 'This scenario has no personas, so there are no journeys to show.',
  ].join('\n') + wrote);
  return 0;
}

export function compareCommand({ options }: Parsed): number {
  const u = setup('compare', options);
  if (options.arm !== undefined || options.arms !== undefined) return compareArmsCommand(u, options);
  const policies = options.policies === undefined ? [...u.s.comparePolicies] : String(options.policies).split(',').map((p) => p.trim());
  if (policies.length < 2 || policies.some((p) => p === '')) {
    throw new InputError(`--policies: ${JSON.stringify(String(options.policies))} is not allowed; expected two or more policy names separated by commas`);
  }
  for (const p of policies) checkPolicy(u.s, 'policies', p);
  const dup = policies.find((p, i) => policies.indexOf(p) !== i);
  if (dup !== undefined) throw new InputError(`--policies: ${JSON.stringify(dup)} is given more than once`);
  checkMemory(u, policies.length);
  const { result, runs } = simulate(`compare ${u.s.name}`, u, policies);
  const wrote = writeFiles(u, runs, [{ name: 'compare', json: result }]);
  if (u.json) {
    print(JSON.stringify(result, null, 2));
    return 0;
  }
  const [a, b] = result.differenceOf;
  const header = ['metric', ...policies, `difference ${b} - ${a}`];
  print([
    `compare ${describe(u)}, common random numbers`,
    '',
    alignTable(header, metricRows([...policies.map((p) => result.policies[p].summary), result.difference])),
    '',
    `mean [95% interval] over ${u.replications} replication${u.replications === 1 ? '' : 's'}; the difference is paired by replicate (same people, same luck).`,
  ].join('\n') + wrote);
  return 0;
}

/**
 * `compare --arm ... | --arms FILE`: a baseline and 1 to MAX_VARIANTS
 * variants on common random numbers (compareArms, sim/arms.ts). --out DIR
 * writes compare.json (the --json object); the runs are not kept, so there
 * are no tables to write and --format does not apply.
 */
function compareArmsCommand(u: Setup, o: Options): number {
  const flag = o.arm !== undefined ? '--arm' : '--arms';
  if (o.policies !== undefined) throw new InputError(`--policies: not allowed with ${flag}; give each policy as an arm`);
  if (o.format !== undefined) throw new InputError(`--format: not allowed with ${flag}; with arms, --out DIR writes compare.json (the --json object)`);
  const { input, texts, source } = comparisonOf(o);
  const p = progress(`compare ${u.s.name}`);
  let r: ArmsResult;
  try {
    r = compareArms(u.s, input, { seed: u.seed, weeks: u.weeks, agents: u.agents, replications: u.replications }, { source, onProgress: p.onProgress });
  } catch (err) {
    if (texts !== undefined && err instanceof ValidationError) throw armOptionError(err, texts);
    throw err;
  } finally {
    p.end();
  }
  let wrote = '';
  if (u.out !== undefined) {
    const files = writeOutputs(u.out, 'json', [], [{ name: 'compare', json: r }]);
    wrote = `\nwrote ${files.length} file to ${u.out}: ${files.map((f) => basename(f)).join(', ')}\n`;
  }
  print(u.json ? JSON.stringify(r, null, 2) : armsText(r, `compare ${describe(u)}`) + wrote);
  return 0;
}
