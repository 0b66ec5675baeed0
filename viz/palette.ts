/**
 * Colour-blind-safe colours (Okabe & Ito 2008, with three of Paul Tol's muted
 * colours for groups): policies, states and groups each keep one meaning.
 */

/** Policy A and policy B, everywhere. */
export const POLICY_COLOURS = ['#0072B2', '#D55E00'] as const;

/** The same for text on white (at least 4.5:1 contrast): B's orange darkened. */
export const POLICY_TEXT_COLOURS = ['#0072B2', '#A33B00'] as const;

/** States (sim/constants STATE_NAMES order): unemployed, discouraged, short service, long service, employed. */
export const STATE_COLOURS = ['#999999', '#CC79A7', '#56B4E9', '#E69F00', '#009E73'] as const;

/** Scenario groups, in order (cycled): none of the policy colours, no yellow on the light grey of the animation. */
export const GROUP_COLOURS = ['#009E73', '#CC79A7', '#56B4E9', '#E69F00', '#000000', '#882255', '#999933', '#44AA99'] as const;

/** A colour for text: the policy colours' text variants, others unchanged. */
export function textColour(c: string): string {
  const i = (POLICY_COLOURS as readonly string[]).indexOf(c);
  return i < 0 ? c : POLICY_TEXT_COLOURS[i];
}
