/** Command-line parsing: options per command, checked values, one-line errors (InputError: exit 2). */
import { InputError, suggest } from '../errors.ts';
import type { NumberSpec } from '../schema/dsl.ts';

export type OptionSpec =
  | { kind: 'flag'; doc: string }
  | { kind: 'int'; min: number; max: number; doc: string; arg: string }
  /** `repeat`: may be given more than once; the values are joined with `join` (default `;`) in the order given. */
  | { kind: 'string'; doc: string; arg: string; repeat?: boolean; join?: string }
  | { kind: 'enum'; values: readonly string[]; doc: string; arg: string };

export interface CommandSpec {
  usage: string;
  summary: string;
  options: Record<string, OptionSpec>;
  /** Names of positional arguments, in order (all required); a last name ending in "..." takes one or more. */
  positional: string[];
}

export interface Parsed {
  options: Record<string, string | number | boolean>;
  positional: string[];
  help: boolean;
}

const INT = /^[0-9]+$/;

/** An integer option whose range is a schema field's (the one definition of the limit), e.g. `intOption(settingSpec('agents'), 'N', doc)`. */
export const intOption = (spec: NumberSpec, arg: string, doc: string, min = spec.min): OptionSpec => ({ kind: 'int', min, max: spec.max, arg, doc });

/** Check a value of an option against its spec (numbers: integers in range, no signs or exponents). */
export function checkValue(name: string, spec: OptionSpec, raw: string): string | number {
  const bad = (expected: string) => new InputError(`--${name}: ${JSON.stringify(raw)} is not allowed; expected ${expected}`);
  switch (spec.kind) {
    case 'int': {
      const expected = `an integer from ${spec.min} to ${spec.max}`;
      if (!INT.test(raw)) throw bad(expected);
      const n = Number(raw);
      if (!Number.isSafeInteger(n) || n < spec.min || n > spec.max) throw bad(expected);
      return n;
    }
    case 'enum':
      if (!spec.values.includes(raw)) throw bad(`one of ${spec.values.join(', ')}`);
      return raw;
    case 'string':
      if (raw === '') throw bad('a non-empty value');
      return raw;
    case 'flag':
      throw new InputError(`--${name}: takes no value`);
  }
}

/** Parse the arguments after the command name. */
export function parseArgs(command: string, spec: CommandSpec, argv: string[]): Parsed {
  const options: Parsed['options'] = {};
  const positional: string[] = [];
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i];
    if (token === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (token === '-h' || token === '--help') {
      help = true;
      continue;
    }
    if (!token.startsWith('-') || token === '-') {
      positional.push(token);
      continue;
    }
    if (!token.startsWith('--')) throw new InputError(`unknown option ${token} for ${command}; see pathways ${command} --help`);
    const eq = token.indexOf('=');
    const name = token.slice(2, eq < 0 ? undefined : eq);
    // own properties only: --constructor or --toString is not an option
    const opt = Object.hasOwn(spec.options, name) ? spec.options[name] : undefined;
    if (!opt) {
      const hint = suggest(name, [...Object.keys(spec.options), 'help'], '--');
      throw new InputError(`unknown option --${name} for ${command}${hint}; see pathways ${command} --help`);
    }
    const repeatable = opt.kind === 'string' && opt.repeat === true;
    if (Object.hasOwn(options, name) && !repeatable) throw new InputError(`--${name}: given more than once`);
    if (opt.kind === 'flag') {
      if (eq >= 0) throw new InputError(`--${name}: takes no value`);
      options[name] = true;
      continue;
    }
    let raw: string;
    if (eq >= 0) raw = token.slice(eq + 1);
    else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) raw = argv[++i];
    else throw new InputError(`--${name}: needs a value (${opt.arg})`);
    const value = checkValue(name, opt, raw);
    options[name] = repeatable && Object.hasOwn(options, name) ? `${options[name]}${opt.kind === 'string' ? opt.join ?? ';' : ';'}${value}` : value;
  }
  if (!help) {
    const rest = spec.positional.at(-1)?.endsWith('...') ?? false;
    if (positional.length > spec.positional.length && !rest) {
      throw new InputError(`${command}: unexpected argument ${JSON.stringify(positional[spec.positional.length])}; usage: ${spec.usage}`);
    }
    if (positional.length < spec.positional.length) {
      throw new InputError(`${command}: missing ${spec.positional[positional.length].replace(/\.\.\.$/, '')}; usage: ${spec.usage}`);
    }
  }
  return { options, positional, help };
}

/** The help text of a command: usage, summary and one line per option. */
export function helpText(spec: CommandSpec): string {
  const rows = Object.entries(spec.options).map(([name, o]) => [`--${name}${o.kind === 'flag' ? '' : ` ${o.arg}`}`, o.doc]);
  rows.push(['-h, --help', 'Show this help.']);
  const width = Math.max(...rows.map((r) => r[0].length));
  return [`usage: ${spec.usage}`, '', spec.summary, '', 'options:', ...rows.map(([a, d]) => `  ${a.padEnd(width)}  ${d}`), ''].join('\n');
}
