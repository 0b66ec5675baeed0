/**
 * Everything a person sets on the page, and its URL form: a link reproduces
 * the exact run. Query: ?scenario=classroom&a=standardised&b=personalised
 * &a.exploration=0.5&seed=1&reps=10&agents=300&weeks=156&lang=nb&view=story&step=2
 * &persona=Amina&projector=1; a loaded scenario file travels in the hash (#custom=...).
 */
import { KNOBS, type Knobs } from '../sim/index.ts';
import type { GroupMetric } from './data.ts';
import type { Lang } from './i18n.ts';

/** The policy knobs, in schema order. */
export const KNOB_NAMES = Object.keys(KNOBS.fields) as (keyof Knobs)[];

export const VIEWS = ['compare', 'agents', 'journey', 'story'] as const;
export type View = (typeof VIEWS)[number];

/** A policy: a named policy of the scenario and the knobs changed from it. */
export interface PolicyChoice { base: string; knobs: Partial<Knobs> }

export interface Settings {
  /** A shipped scenario's name, or 'custom' for a loaded file (its text in `custom`). */
  scenario: string;
  custom?: string;
  a: PolicyChoice;
  b: PolicyChoice;
  /** Master seed and replications (undefined: the scenario's, as on the command line). */
  seed?: number;
  replications?: number;
  /** Override the scenario's population and run length (undefined: the scenario's). */
  agents?: number;
  weeks?: number;
  lang: Lang;
  view: View;
  persona?: string;
  /** The measure the groups chart shows (default employedShare). */
  measure?: GroupMetric;
  /** Story step, 0-based. */
  step: number;
  projector: boolean;
}

export const DEFAULTS: Settings = {
  scenario: 'classroom', a: { base: 'standardised', knobs: {} }, b: { base: 'personalised', knobs: {} },
  lang: 'en', view: 'compare', step: 0, projector: false,
};
