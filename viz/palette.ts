/** Colour-blind-safe colours (Okabe & Ito 2008), one meaning each across the page. */
export const OKABE_ITO = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#000000'] as const;

/** Policy A and policy B, everywhere. */
export const POLICY_COLOURS = ['#0072B2', '#D55E00'] as const;

/** States (sim/constants STATE_NAMES order): unemployed, discouraged, short service, long service, employed. */
export const STATE_COLOURS = ['#999999', '#CC79A7', '#56B4E9', '#E69F00', '#009E73'] as const;

/** Scenario groups, in order (cycled). */
export const GROUP_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'] as const;
