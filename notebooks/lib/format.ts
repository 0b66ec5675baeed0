/**
 * Number formatting for the notebooks' text and tables: sim/format.ts with
 * the minus sign − and never "−0.0" (one formatter for the CLI, the page and
 * the notebooks), in the notebook's language (notebooks/lib/lang.ts): 12.3%
 * in English, 12,3 % in bokmål.
 */
import { fixed as fixedKit, intervalText, percent } from '../../sim/format.ts';
import { count } from '../../viz/i18n.ts';
import { lang } from './lang.ts';

/** `v` with `digits` decimals; "0.0" rather than "−0.0". */
export const fixed = (v: number, digits = 1): string => fixedKit(v, digits, { typographic: true, lang });

/** Like `fixed`, with a "+" in front of values above 0 as written. */
export const signed = (v: number, digits = 1): string => fixedKit(v, digits, { typographic: true, signed: true, lang });

/** An interval of two numbers with `digits` decimals: "[3.0, 4.6]", in bokmål "[3,0; 4,6]". */
export const interval = (lo: number, hi: number, digits = 1): string => intervalText(fixed(lo, digits), fixed(hi, digits), lang);

/** A mean with its interval, scaled: "+3.8 pp [3.0, 4.6]". */
export function withInterval(x: { mean: number; lo: number; hi: number }, { scale = 1, digits = 1, unit = '' } = {}): string {
  return `${signed(x.mean * scale, digits)}${unit} ${interval(x.lo * scale, x.hi * scale, digits)}`;
}

/**
 * A number with the decimals it has, float noise aside (a weight, a knob's value, an axis tick):
 * 0.5 → "0.5" ("0,5" in bokmål), 0.1 + 0.2 → "0.3", −0.25 → "−0.25".
 */
export function plain(v: number): string {
  const s = String(+v.toPrecision(12));
  if (s.includes('e')) return lang === 'nb' ? s.replace('-', '−').replace('.', ',') : s.replace('-', '−');
  return fixed(v, (s.split('.')[1] ?? '').length);
}

/** A number of people (or runs) with the language's thousands separator: 4,000 (en), 4 000 (nb). */
export const people = (n: number): string => count(n, lang);

/** A share as a percentage: 0.123 → "12.3%". */
export const pct = (x: number, digits = 1) => percent(x, digits, { typographic: true, lang });
