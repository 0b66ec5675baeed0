/** JSON text to values with errors a person can act on; browser-safe (no node:fs). */

/** A scenario that cannot be read: unknown name, missing or unreadable file, invalid JSON. */
export class ScenarioLoadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScenarioLoadError';
  }
}

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

/** Whether an argument reads as a file path rather than a shipped name: it holds a slash or ends in .json. */
export const looksLikePath = (arg: string): boolean => /[/\\]/.test(arg) || /\.json$/i.test(arg);
