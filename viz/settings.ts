/**
 * Everything a person sets on the page, and its URL form: a link reproduces
 * the exact run. Query: ?scenario=classroom&a=standardised&b=personalised
 * &a.exploration=0.5&set=office.caseload:40&seed=1&reps=10&agents=300&weeks=156&lang=nb&view=story&step=2
 * &persona=Amina&draw=2&projector=1; a loaded scenario file travels in the hash (#custom=...).
 */
import type { ComparisonInput, Knobs, NumberSpec } from '../sim/index.ts';
import { SCENARIO } from '../sim/schema/scenario.ts';
import type { Lang } from './i18n.ts';
import type { LeverChanges } from './levers.ts';

/** The policy knobs, in schema order (the schema's list). */
export { KNOB_NAMES } from '../sim/index.ts';

export const VIEWS = ['compare', 'whatif', 'agents', 'journey', 'story'] as const;
export type View = (typeof VIEWS)[number];

/** A policy: a named policy of the scenario and the knobs changed from it. */
export interface PolicyChoice { base: string; knobs: Partial<Knobs> }

export interface Settings {
  /** A shipped scenario's name, or 'custom' for a loaded file (its text in `custom`). */
  scenario: string;
  custom?: string;
  a: PolicyChoice;
  b: PolicyChoice;
  /** Scenario values changed on the page (levers.ts), by dotted path: only what differs from the scenario. */
  levers: LeverChanges;
  /** Master seed and replications (undefined: the scenario's, as on the command line). */
  seed?: number;
  replications?: number;
  /** Override the scenario's population and run length (undefined: the scenario's). */
  agents?: number;
  weeks?: number;
  lang: Lang;
  view: View;
  persona?: string;
  /** The draw of luck the Follow one person view shows: a 0-based replicate (a link's `draw`, from 1); default the first. */
  draw?: number;
  /** The value of each chart's control, by chart id (the groups chart's measure): only values other than a control's default. */
  choices: Partial<Record<string, string>>;
  /** A shipped what-if preset's id (whatif-state.ts): its arms run in the What if… view. */
  whatif?: string;
  /** A comparison of arms made on the page (when no preset is chosen): a baseline and up to three variants. */
  arms?: ComparisonInput;
  /** Story step, 0-based. */
  step: number;
  projector: boolean;
}

export const DEFAULTS: Settings = {
  scenario: 'classroom', a: { base: 'standardised', knobs: {} }, b: { base: 'personalised', knobs: {} }, levers: {},
  lang: 'en', view: 'compare', choices: {}, step: 0, projector: false,
};

/** The run sizes a person can set, each as [min, max]. */
export type SizeField = 'seed' | 'replications' | 'agents' | 'weeks';
const core = (f: SizeField): readonly [number, number] => {
  const spec = SCENARIO.fields[f] as NumberSpec;
  return [spec.min, spec.max];
};

/**
 * The page's limits on a run, the one definition the link (url.ts), the run
 * fields (controls.ts) and a scenario's own sizes (plan.ts) all read. Seed and
 * weeks are the core's (the scenario schema's); people and replications are
 * the page's own, lower than the core's, because a browser tab holds every
 * run in memory: a scenario asking for more runs at these sizes, and says so.
 */
export const LIMITS: Record<SizeField, readonly [number, number]> = {
  seed: core('seed'),
  replications: [1, 100],
  agents: [1, 200_000],
  weeks: core('weeks'),
};

/**
 * Person-weeks (people × weeks × replications × 2 policies) above which a run
 * starts only with a click on Run, never by opening a link: about 20 seconds
 * of work on a four-core laptop.
 */
export const AUTO_RUN_PERSON_WEEKS = 100_000_000;

/**
 * The longest scenario part of a link (#custom=..., compressed) the page
 * makes: longer links are cut off or refused by many browsers, mail and chat
 * programs, so above it the page offers the file instead.
 */
export const MAX_LINK_CHARS = 32_000;

/** The largest scenario file a link may unpack to (characters): a link cannot make the page unpack more. */
export const MAX_SCENARIO_CHARS = 20_000_000;

/** Window widths (CSS px) up to which the settings drawer starts closed and overlays the results, as in projector mode. */
export const DRAWER_BELOW = 1100;
