/** JSON text to values with errors a person can act on; browser-safe (no node:fs). */
import { InputError } from './errors.ts';

/** The deepest nesting of arrays and objects a JSON input may have (a scenario needs five levels). */
export const MAX_JSON_DEPTH = 64;
/** The largest JSON or CSV file read from the user, in bytes (16 MiB; a scenario file is a few kB). */
export const MAX_INPUT_BYTES = 16 * 1024 * 1024;
/** `bytes` as MiB for messages: "16 MiB", "17.5 MiB". */
export const mib = (bytes: number): string => `${+(bytes / (1024 * 1024)).toFixed(1)} MiB`;

/** The offset of the first bracket that opens level MAX_JSON_DEPTH + 1 (brackets inside strings do not count), or -1. */
function tooDeepAt(text: string): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > MAX_JSON_DEPTH) return i;
    } else if (c === 93 || c === 125) depth--;
  }
  return -1;
}

/** 1-based line and column of a character offset in `text`. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

/**
 * Parse JSON text; a syntax error names the line and column where it can be
 * found, and so does nesting deeper than MAX_JSON_DEPTH (which would
 * otherwise overflow the stack of whatever walks the value).
 */
export function parseJson(text: string, source: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
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
    throw new InputError(`${source}: invalid JSON${where}: ${reason}`);
  }
  const deep = tooDeepAt(text);
  if (deep >= 0) {
    const { line, column } = lineColumn(text, deep);
    throw new InputError(`${source}: JSON nested deeper than ${MAX_JSON_DEPTH} levels at line ${line}, column ${column}; at most ${MAX_JSON_DEPTH} levels of lists and objects are allowed`);
  }
  return value;
}

/** Whether an argument reads as a file path rather than a shipped name: it holds a slash or ends in .json. */
export const looksLikePath = (arg: string): boolean => /[/\\]/.test(arg) || /\.json$/i.test(arg);
