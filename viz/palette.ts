/**
 * Colour-blind-safe colours (Okabe & Ito 2008 for policies and states): policies,
 * states and groups each keep one meaning and never share a colour.
 */
import type { STATE_NAMES } from '../sim/constants.ts';

/** A tuple with one T for each element of S (its length checked by the type). */
type OnePer<S extends readonly unknown[], T> = { readonly [K in keyof S]: T };

/** Policy A and policy B, everywhere. */
export const POLICY_COLOURS = ['#0072B2', '#D55E00'] as const;

/** The same for text on white (at least 4.5:1 contrast): B's orange darkened. */
export const POLICY_TEXT_COLOURS = ['#0072B2', '#A33B00'] as const;

/**
 * States (sim/constants STATE_NAMES order; the type asks for one colour per state). The five states
 * in the register keep Okabe–Ito's colours: unemployed grey, discouraged pink, short service sky
 * blue, long service orange, employed green. The three outside the labour force (health-related
 * benefit, education, moved away) are one family of dark, muted tones (purple, dark green, charcoal):
 * at least 6:1 against white and the light grey of the animation, unlike the five above, and apart
 * from each other under simulated protanopia, deuteranopia and tritanopia (Machado et al. 2009:
 * CIELAB distance 20 or more within the family, no pair closer than unemployed and discouraged).
 */
export const STATE_COLOURS: OnePer<typeof STATE_NAMES, string> = [
  '#999999', '#CC79A7', '#56B4E9', '#E69F00', '#009E73', '#6A4C93', '#3D6B5C', '#333333',
];

/**
 * Scenario groups, in order (cycled): the dots of the animation, seen beside the policies' names
 * and the states' colour bars. None is a policy colour or a state colour, or near one: no blue and
 * no orange (the words a person uses for A and B), at least 12 apart (CIELAB) from each policy
 * colour, 9 from each state colour and 10 from each other group colour, in normal vision and
 * under simulated protanopia, deuteranopia and tritanopia (Machado et al. 2009); at least
 * 2.5:1 against the animation's light grey. test/viz/palette.test.ts checks it.
 * Green, magenta, black, violet, olive, maroon, aubergine.
 */
export const GROUP_COLOURS = ['#669944', '#AA3377', '#000000', '#AA66FF', '#999933', '#660000', '#440055'] as const;

/** A colour for text: the policy colours' text variants, others unchanged. */
export function textColour(c: string): string {
  const i = (POLICY_COLOURS as readonly string[]).indexOf(c);
  return i < 0 ? c : POLICY_TEXT_COLOURS[i];
}

/**
 * The arms of a what-if comparison (whatif-view.ts): the baseline dark grey,
 * the variants Okabe–Ito's bluish green, reddish purple and orange. Not the
 * policy colours: an arm is not policy A or B.
 */
export const ARM_COLOURS = ['#444444', '#009E73', '#CC79A7', '#E69F00'] as const;

/** The same for text on white (at least 4.5:1 contrast): darkened. */
export const ARM_TEXT_COLOURS = ['#444444', '#00704F', '#9C3F7A', '#8A5A00'] as const;
