/**
 * Number formatting for the notebooks' text and tables: sim/format.ts with
 * the minus sign − and never "−0.0" (one formatter for the CLI, the page and
 * the notebooks), in the notebook's language (notebooks/lib/lang.ts): 12.3%
 * in English, 12,3 % in bokmål.
 */
import { fixed as fixedKit, intervalText, percent } from '../../sim/format.ts';
import { lang } from './lang.ts';

/** `v` with `digits` decimals; "0.0" rather than "−0.0". */
export const fixed = (v: number, digits = 1): string => fixedKit(v, digits, { typographic: true, lang });

/** Like `fixed`, with a "+" in front of values above 0 as written. */
export const signed = (v: number, digits = 1): string => fixedKit(v, digits, { typographic: true, signed: true, lang });

/** A mean with its interval, scaled: "+3.8 pp [3.0, 4.6]". */
export function withInterval(x: { mean: number; lo: number; hi: number }, { scale = 1, digits = 1, unit = '' } = {}): string {
  return `${signed(x.mean * scale, digits)}${unit} ${intervalText(fixed(x.lo * scale, digits), fixed(x.hi * scale, digits), lang)}`;
}

/** A share as a percentage: 0.123 → "12.3%". */
export const pct = (x: number, digits = 1) => percent(x, digits, { typographic: true, lang });
