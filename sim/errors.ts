/**
 * The two kinds of error the tools report (browser-safe):
 *
 * - InputError: bad input from the person (an option, a file's content, a
 *   name, a folder that holds something else). One line naming the field, the
 *   value and what is allowed. The CLI prints it and exits 2; the page shows it.
 *   ValidationError is an InputError that lists several fields, each with its
 *   path (the page shows them in place).
 * - IOError: files or the disk failed (cannot write, disk full, a file changed
 *   while it was read). One line; the CLI exits 1.
 *
 * Anything else is an internal error (a bug): the CLI prints one line and exits 1.
 */

/** Bad input: one line naming the field, the value and what is allowed. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }

  /** The lines to show, one per problem. */
  get lines(): string[] {
    return [this.message];
  }
}

export interface FieldError {
  /** Dotted path of the field (`groups[0].share`, `agents`). */
  path: string;
  message: string;
}

/** Bad input in a scenario or hypothesis: each error names the field path, the bad value and what is allowed. */
export class ValidationError extends InputError {
  constructor(readonly errors: FieldError[], readonly source = 'scenario') {
    super(errors.map((e) => `${source}: ${e.path}: ${e.message}`).join('\n'));
    this.name = 'ValidationError';
  }

  override get lines(): string[] {
    return this.errors.map((e) => `${this.source}: ${e.path}: ${e.message}`);
  }
}

/** Files or the disk failed (cannot create, read or write; changed underneath): one line. */
export class IOError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IOError';
  }
}

/** Levenshtein distance, for "did you mean" hints. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0];
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = d[j];
      d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return d[b.length];
}

/** " (did you mean X?)" when one of `known` is close to `word`, else "". */
export function suggest(word: string, known: readonly string[], prefix = ''): string {
  const best = known.map((k) => [k, distance(word, k)] as const).sort((x, y) => x[1] - y[1])[0];
  return best && best[1] <= Math.max(1, Math.floor(word.length / 3)) ? ` (did you mean ${prefix}${best[0]}?)` : '';
}
