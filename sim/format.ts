/**
 * The one formatting kit of the project: numbers (`fixed`, `percent`),
 * aligned text tables (`alignTable`) and word wrap (`wrapText`). The CLI, the
 * page (viz/i18n.ts), the notebooks (notebooks/lib/format.ts) and the
 * hypothesis texts all format through these. Browser-safe: no node: imports.
 */

/** The languages numbers are written in: `en` (1,234.5) and `nb`, Norwegian bokmål (1 234,5). */
export type NumberLang = 'en' | 'nb';

export interface NumberStyle {
  /** Decimal mark, thousands separator and the space before % (default `en`). */
  lang?: NumberLang;
  /** Write negative numbers with the minus sign − (U+2212), as text for people does; default the hyphen-minus `-` of terminals and files. */
  typographic?: boolean;
  /** A "+" before a value that is above 0 as written (a difference). */
  signed?: boolean;
  /** Separate thousands in the whole part (`,` in en, a no-break space in nb). */
  grouped?: boolean;
}

/**
 * `v` with `digits` decimals: never "-0.0" (a value that rounds to zero has no
 * sign), NaN as "n/a", infinities as ∞ and −∞.
 */
export function fixed(v: number, digits: number, style: NumberStyle = {}): string {
  if (Number.isNaN(v)) return 'n/a';
  if (!Number.isFinite(v)) return v > 0 ? (style.signed ? '+∞' : '∞') : '−∞';
  let s = Math.abs(v).toFixed(digits);
  const zero = Number(s) === 0;
  if (style.grouped) {
    const dot = s.indexOf('.');
    const whole = dot < 0 ? s : s.slice(0, dot);
    s = whole.replace(/\B(?=(\d{3})+(?!\d))/g, style.lang === 'nb' ? '\u00a0' : ',') + (dot < 0 ? '' : s.slice(dot));
  }
  if (style.lang === 'nb') s = s.replace('.', ',');
  if (zero) return s;
  if (v < 0) return (style.typographic ? '−' : '-') + s;
  return style.signed ? `+${s}` : s;
}

/** A share (0..1) as a percentage: 0.4037 → "40.4%" (en), "40,4 %" (nb). */
export function percent(share: number, digits: number, style: NumberStyle = {}): string {
  return `${fixed(share * 100, digits, style)}${style.lang === 'nb' ? ' %' : '%'}`;
}

/**
 * An interval as people read it: `[lo, hi]` in English; in bokmål, where the
 * comma is the decimal mark, `[lo; hi]`. `lo` and `hi` are already formatted.
 */
export function intervalText(lo: string, hi: string, lang: NumberLang = 'en'): string {
  return lang === 'nb' ? `[${lo}; ${hi}]` : `[${lo}, ${hi}]`;
}

/**
 * Align text columns: the first left-aligned, the others right-aligned (or as
 * `align` says, one letter per column, `l` or `r`), two spaces between
 * columns, no trailing spaces. With a header, a rule of dashes goes under it.
 */
export function alignTable(header: string[] | undefined, rows: string[][], align?: string): string {
  const all = header ? [header, ...rows] : rows;
  const columns = Math.max(0, ...all.map((r) => r.length));
  const widths = Array.from({ length: columns }, (_, c) => Math.max(0, ...all.map((r) => (r[c] ?? '').length)));
  const right = (c: number) => (align ? align[c] === 'r' : c > 0);
  const line = (r: string[]) => widths.map((w, c) => (right(c) ? (r[c] ?? '').padStart(w) : (r[c] ?? '').padEnd(w))).join('  ').trimEnd();
  const out = rows.map(line);
  return (header ? [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...out] : out).join('\n');
}

/**
 * Greedy word wrap: words (split at white space) go on a line while
 * `width(line)` stays at most `max`; a word longer than a line gets a line
 * of its own. `width` defaults to the number of characters.
 */
export function wrapText(text: string, max: number, width: (line: string) => number = (s) => s.length): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (!word) continue;
    const next = line ? `${line} ${word}` : word;
    if (line && width(next) > max) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}
