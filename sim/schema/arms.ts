import { arr, obj, orAlso, str } from './dsl.ts';
import { KNOB_OVERRIDES } from './hypothesis.ts';
import { CHANGES } from './targets.ts';

/**
 * The comparison file schema: a baseline arm and 1 to `MAX_VARIANTS`
 * variant arms, run on the same people with the same luck
 * (`pathways compare --scenario NAME --arms FILE`, sim/arms.ts). Every
 * field's meaning lives in its doc string here; `pathways compare --help`,
 * the loader's error messages and the JSON Schema for editors
 * (schemas/comparison.schema.json) are built from it.
 *
 * An arm has a second form (`orAlso`): a policy name (`"personalised"`)
 * means `{ "policy": "personalised" }`; the loader (`parseComparison`) turns
 * it into the first before it validates. Checks that need the scenario (its
 * name, the policies, the paths of `changes`, unique labels) are made by
 * `planArms`.
 */

/** The most variant arms a comparison may have besides its baseline: the one definition of the limit (the schema, the engine, the CLI and the page read it). */
export const MAX_VARIANTS = 3;

/** One arm: a label, a policy of the scenario, knob overrides on top of it and scenario values changed by dotted path. */
export const ARM = orAlso(obj({
  label: str(undefined, 'A short name for the arm in tables and results, unique in the comparison (default: the policy with its knobs and changes, e.g. `standardised with followUp 0.8; office.caseload = 30`).'),
  policy: str(undefined, 'A policy of the scenario: `standardised`, `personalised` or one the scenario defines.'),
  knobs: { ...KNOB_OVERRIDES, doc: 'Knob overrides on top of `policy` (any policy knob, e.g. `{ "followUp": 0.8 }`); knobs not given come from the policy.' },
  changes: {
    ...CHANGES,
    doc: 'Scenario values this arm changes, by dotted path as in `pathways sweep --vary` (`office.caseload`, `office.advisorsPer1000`, `groups.refugee.language`, `services.languageCourse.weeks`): number fields, checked against the scenario schema’s range, or a list of words given whole (a service’s entry rule: `"services.careerGuidance.entry": ["benefitRights", "refugee", "labourImmigrant"]`); the changed scenario must still be valid (group shares adding up to 1). Not `agents`, `weeks`, `seed` or `replications`, which are the run’s.',
  },
}, 'An arm: `{ "label": TEXT, "policy": NAME, "knobs": {...}, "changes": {...} }`, or a policy name.', ['policy']),
str(undefined, 'A policy of the scenario with its knobs as they are: the same as `{ "policy": NAME }`.'));

/** A comparison file. */
export const COMPARISON = obj({
  scenario: str(undefined, 'The scenario the comparison is for, as its `name` field says; when given, `--scenario` must be a scenario of that name.'),
  description: str(undefined, 'What the comparison asks.'),
  baseline: ARM,
  variants: arr(ARM, `The variant arms, 1 to ${MAX_VARIANTS}, each compared with the baseline per replicate on the same people with the same luck (common random numbers).`,
    { minItems: 1, maxItems: MAX_VARIANTS }),
}, `A comparison of a baseline and 1 to ${MAX_VARIANTS} variants: \`pathways compare --scenario NAME --arms FILE\`.`, ['baseline', 'variants'], { file: true });
