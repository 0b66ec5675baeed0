/** Loading scenarios in Node: a shipped name or a path to a JSON file. Not for the browser (uses node:fs). */
import { readFileSync, statSync } from 'node:fs';
import { SHIPPED } from '../scenarios/index.ts';
import { parseScenario, type Scenario } from './scenario.ts';

/** A scenario that cannot be read: unknown name, missing or unreadable file, invalid JSON. */
export class ScenarioLoadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScenarioLoadError';
  }
}

export const shippedNames = (): string[] => Object.keys(SHIPPED);

/** Whether the argument reads as a file path rather than a scenario name. */
const looksLikePath = (arg: string) => /[/\\]/.test(arg) || /\.json$/i.test(arg);

/** 1-based line and column of a character offset in `text`. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

/** Parse JSON text; a syntax error names the line and column where it can be found. */
export function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const msg = (err as Error).message;
    const pos = /at position (\d+)/.exec(msg);
    const lc = /\(line (\d+) column (\d+)\)/.exec(msg);
    const reason = msg.replace(/\s*in JSON at position \d+.*$/s, '').replace(/\s*\(line \d+ column \d+\)/, '');
    let where = '';
    if (lc) where = ` at line ${lc[1]}, column ${lc[2]}`;
    else if (pos) {
      const { line, column } = lineColumn(text, Number(pos[1]));
      where = ` at line ${line}, column ${column}`;
    } else if (/Unexpected end of JSON input/.test(msg)) {
      const { line, column } = lineColumn(text, text.length);
      where = ` at line ${line}, column ${column}`;
    }
    throw new ScenarioLoadError(`${source}: invalid JSON${where}: ${reason}`);
  }
}

function readScenarioFile(path: string): unknown {
  let text: string;
  try {
    if (statSync(path).isDirectory()) throw new ScenarioLoadError(`scenario file ${path}: is a folder, not a file`);
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if (err instanceof ScenarioLoadError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ScenarioLoadError(`scenario file ${path}: not found`);
    throw new ScenarioLoadError(`scenario file ${path}: cannot be read (${code ?? (err as Error).message})`);
  }
  return parseJson(text.replace(/^\uFEFF/, ''), `scenario file ${path}`);
}

/**
 * Load and validate a scenario: a shipped name (see SHIPPED in
 * scenarios/index.ts) or a path to a JSON file. Throws ScenarioLoadError when
 * it cannot be read and ValidationError (with `.errors`) when it is invalid.
 */
export function loadScenario(nameOrFile: string): Scenario {
  if (!looksLikePath(nameOrFile) && Object.hasOwn(SHIPPED, nameOrFile)) {
    return parseScenario(SHIPPED[nameOrFile], `scenario ${nameOrFile}`);
  }
  if (!looksLikePath(nameOrFile)) {
    let exists = false;
    try {
      exists = statSync(nameOrFile).isFile();
    } catch {
      // not a file either
    }
    if (!exists) {
      throw new ScenarioLoadError(`scenario ${JSON.stringify(nameOrFile)} is neither a shipped scenario nor a file; shipped: ${shippedNames().join(', ')}`);
    }
  }
  return parseScenario(readScenarioFile(nameOrFile), `scenario ${nameOrFile}`);
}
