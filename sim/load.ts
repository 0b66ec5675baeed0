/** Loading scenarios in Node: a shipped name or a path to a JSON file. Not for the browser (uses node:fs). */
import { readFileSync, statSync } from 'node:fs';
import { SHIPPED } from '../scenarios/index.ts';
import { looksLikePath, parseJson, ScenarioLoadError } from './json.ts';
import { parseScenario, type Scenario } from './scenario.ts';

export { parseJson, lineColumn, looksLikePath, ScenarioLoadError } from './json.ts';

export const shippedNames = (): string[] => Object.keys(SHIPPED);

/** Whether `path` is an existing file (not a folder). */
export function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Read and parse a JSON file; a problem is one line naming the `kind` of file, the path and what went wrong. */
export function readJsonFile(path: string, kind: string): unknown {
  let text: string;
  try {
    if (statSync(path).isDirectory()) throw new ScenarioLoadError(`${kind} file ${path}: is a folder, not a file`);
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if (err instanceof ScenarioLoadError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ScenarioLoadError(`${kind} file ${path}: not found`);
    throw new ScenarioLoadError(`${kind} file ${path}: cannot be read (${code ?? (err as Error).message})`);
  }
  return parseJson(text.replace(/^\uFEFF/, ''), `${kind} file ${path}`);
}

/**
 * A shipped item by name, or a JSON file: the raw value, and the file's path
 * when it came from one. A name that is neither is one line listing the
 * shipped names.
 */
export function loadNamedOrFile(arg: string, kind: string, shipped: Record<string, unknown>): { raw: unknown; file?: string } {
  if (!looksLikePath(arg) && Object.hasOwn(shipped, arg)) return { raw: shipped[arg] };
  if (!looksLikePath(arg) && !isFile(arg)) {
    throw new ScenarioLoadError(`${kind} ${JSON.stringify(arg)} is neither a shipped ${kind} nor a file; shipped: ${Object.keys(shipped).join(', ')}`);
  }
  return { raw: readJsonFile(arg, kind), file: arg };
}

/**
 * Load and validate a scenario: a shipped name (see SHIPPED in
 * scenarios/index.ts) or a path to a JSON file. Throws ScenarioLoadError when
 * it cannot be read and ValidationError (with `.errors`) when it is invalid.
 */
export function loadScenario(nameOrFile: string): Scenario {
  return parseScenario(loadNamedOrFile(nameOrFile, 'scenario', SHIPPED).raw, `scenario ${nameOrFile}`);
}
