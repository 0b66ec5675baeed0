/** Number formatting for the notebooks' text and tables (a real minus sign, and never "−0.0"). */

/** `v` with `digits` decimals; "0.0" rather than "−0.0". */
export function fixed(v: number, digits = 1): string {
  const t = v.toFixed(digits);
  return Number(t) === 0 ? (0).toFixed(digits) : t.replace('-', '−');
}

/** Like `fixed`, with a "+" in front of positive values. */
export function signed(v: number, digits = 1): string {
  return Number(v.toFixed(digits)) > 0 ? `+${fixed(v, digits)}` : fixed(v, digits);
}

/** A mean with its interval, scaled: "+3.8 pp [3.0, 4.6]". */
export function withInterval(x: { mean: number; lo: number; hi: number }, { scale = 1, digits = 1, unit = '' } = {}): string {
  return `${signed(x.mean * scale, digits)}${unit} [${fixed(x.lo * scale, digits)}, ${fixed(x.hi * scale, digits)}]`;
}

/** A share as a percentage: 0.123 → "12.3%". */
export const pct = (x: number, digits = 1) => `${fixed(x * 100, digits)}%`;
