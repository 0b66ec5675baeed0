/** Loading scenarios in Node: a shipped name or a path to a JSON file. Not for the browser (uses node:fs). */
import { readFileSync, statSync } from 'node:fs';
import { SHIPPED } from '../scenarios/index.ts';
import { parseJson, ScenarioLoadError } from './json.ts';
import { parseScenario, type Scenario } from './scenario.ts';

export { parseJson, lineColumn, ScenarioLoadError } from './json.ts';

export const shippedNames = (): string[] => Object.keys(SHIPPED);

/** Whether the argument reads as a file path rather than a scenario name. */
const looksLikePath = (arg: string) => /[/\\]/.test(arg) || /\.json$/i.test(arg);

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
