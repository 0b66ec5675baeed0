/** Entry point of the `pathways` command (bundled to dist/pathways.mjs by bin/pathways.js). */
import pkg from '../../package.json';
import { InputError, IOError, suggest } from '../errors.ts';
import { parseArgs, helpText, type Parsed } from './args.ts';
import { compareCommand, runCommand, scenariosCommand, validateCommand } from './commands.ts';
import { COMMANDS, mainHelp } from './specs.ts';
import { hypothesisCommand } from './hypothesis.ts';
import { whatIfCommand } from './whatif.ts';
import { mergeCommand, sweepCommand } from './sweep.ts';
import { sensitivityCommand } from './sensitivity.ts';
import { targetsCommand } from './targets.ts';
import { calibrateCommand } from './calibrate.ts';
import { slurmCommand } from './slurm.ts';
import { installInterruptHandlers } from './cleanup.ts';

const HANDLERS: Record<string, (p: Parsed) => number | Promise<number>> = {
  scenarios: scenariosCommand, validate: validateCommand, run: runCommand, compare: compareCommand,
  whatif: whatIfCommand, hypothesis: hypothesisCommand, sweep: sweepCommand, merge: mergeCommand, sensitivity: sensitivityCommand,
  targets: targetsCommand, calibrate: calibrateCommand,
};

const fail = (line: string) => process.stderr.write(`pathways: ${line}\n`);
const write = (text: string) => {
  process.stdout.write(text);
  return 0;
};
const oneLine = (s: string) => s.replace(/\s*\n\s*/g, ' ');

function dispatch(argv: string[]): number | Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined) throw new InputError(`no command given; commands: ${Object.keys(COMMANDS).join(', ')} (see pathways --help)`);
  if (command === '--help' || command === '-h' || (command === 'help' && rest.length === 0)) return write(mainHelp());
  if (command === '--version' || command === '-V') return write(`pathways ${pkg.version}\n`);
  if (command === 'help') return dispatch([rest[0], '--help']);
  const spec = COMMANDS[command];
  if (!spec) {
    const what = command.startsWith('-') ? `unknown option ${command}` : `unknown command ${JSON.stringify(command)}${suggest(command, Object.keys(COMMANDS))}`;
    throw new InputError(`${what}; commands: ${Object.keys(COMMANDS).join(', ')} (see pathways --help)`);
  }
  // slurm parses its own arguments: the options of the command it runs, then its own
  if (command === 'slurm') return slurmCommand(rest);
  const parsed = parseArgs(command, spec, rest);
  if (parsed.help) return write(helpText(spec));
  return HANDLERS[command](parsed);
}

/**
 * Run the CLI; resolves to the exit code. Bad input (InputError): one line
 * per problem on stderr, exit 2. Files or disk (IOError): one line, exit 1.
 * Anything else is an internal error: one line, exit 1 (the stack with
 * PATHWAYS_DEBUG=1).
 */
export async function main(argv: string[]): Promise<number> {
  try {
    return await dispatch(argv);
  } catch (err) {
    if (err instanceof InputError) {
      for (const line of err.lines) fail(oneLine(line));
      return 2;
    }
    if (err instanceof IOError) {
      fail(oneLine(err.message));
      return 1;
    }
    const e = err as Error;
    fail(`internal error: ${oneLine(e?.message ?? String(err))}${process.env.PATHWAYS_DEBUG === '1' ? '' : ' (set PATHWAYS_DEBUG=1 for details)'}`);
    if (process.env.PATHWAYS_DEBUG === '1') process.stderr.write(`${e?.stack ?? err}\n`);
    return 1;
  }
}

// A sweep's worker threads load this bundle again (sim/sweep/worker.ts): only the main thread runs the command.
const { isMainThread } = await import('node:worker_threads');
if (isMainThread) {
  // Output piped into `head` and closed early is not an error (quiet, as Unix tools do); a full disk is one line, exit 1.
  const outputFailed = (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    try {
      fail(`could not write the output: ${oneLine(err.message ?? String(err))}`);
    } catch {
      // stderr is gone too
    }
    process.exit(1);
  };
  process.stdout.on('error', outputFailed);
  process.stderr.on('error', (err: NodeJS.ErrnoException) => process.exit(err.code === 'EPIPE' ? 0 : 1));
  installInterruptHandlers();
  try {
    process.exitCode = await main(process.argv.slice(2));
  } catch (err) {
    // a synchronous write to stdout (a file, /dev/full) throws instead of emitting 'error'
    if (err && typeof (err as NodeJS.ErrnoException).code === 'string') outputFailed(err as NodeJS.ErrnoException);
    throw err;
  }
}
