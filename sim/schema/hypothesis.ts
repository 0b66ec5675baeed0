import { arr, ident, num, obj, oneOf, orAlso, str, withoutDefaults, type NumberSpec } from './dsl.ts';
import { KNOBS, SCENARIO } from './scenario.ts';

/**
 * The hypothesis file schema: a small, human-editable JSON file that turns a
 * finding (F1..F14, see the traceability table of docs/MODEL.md) into a test
 * the model can run. Every field's meaning lives in its doc string here;
 * `pathways hypothesis --help`, the engine's error messages, the types of
 * sim/hypothesis.ts and the JSON Schema for editors
 * (schemas/hypothesis.schema.json) are built from it.
 *
 * Two fields have a second form (`orAlso`), which the engine
 * (`parseHypothesis` in sim/hypothesis.ts) turns into the first before it
 * validates against this schema:
 * - a side of `policies` may be a policy name (`"personalised"`), which means
 *   `{ "base": "personalised" }`;
 * - `group` may be one name for both sides, or `{ "A": NAME, "B": NAME }`
 *   (see `GROUP_PAIR`) to compare two groups.
 */

/** The findings the model draws on (the rows F1..F14 of the traceability table in docs/MODEL.md). */
export const FINDINGS = ['F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F8', 'F9', 'F10', 'F11', 'F12', 'F13', 'F14'] as const;

/** Knob overrides: any policy knob, none required. */
export const KNOB_OVERRIDES = obj(
  withoutDefaults(KNOBS.fields),
  'Knob overrides on top of `base` (any policy knob of the scenario schema, e.g. `{ "proactiveInformation": 0.7 }`); knobs not given come from `base`.',
);

/** One side of the comparison (after a bare policy name has been turned into `{ base }`). */
export const SIDE = orAlso(obj({
  base: str(undefined, 'A policy of the scenario: `standardised`, `personalised` or one the scenario defines.'),
  knobs: KNOB_OVERRIDES,
}, 'A policy name, or `{ "base": NAME, "knobs": { KNOB: VALUE, ... } }` to change some knobs of a policy.', ['base']),
str(undefined, 'A policy of the scenario, with its knobs as they are: the same as `{ "base": NAME }`.'));

/** `group` as a pair: compare group A under policy A with group B under policy B (same runs when the policies are equal). */
export const GROUP_PAIR = obj({
  A: str(undefined, 'Output group read on side A.'),
  B: str(undefined, 'Output group read on side B.'),
}, 'Two output groups, one per side: `{ "A": "withBenefitRights", "B": "withoutBenefitRights" }`.', ['A', 'B']);

/** A run setting with the scenario schema's range (the one definition of the limit), no default, and its own doc. */
const setting = (name: 'agents' | 'weeks' | 'seed' | 'replications', doc: string, min?: number): NumberSpec<undefined> =>
  ({ ...(SCENARIO.fields[name] as NumberSpec), default: undefined, doc, ...(min === undefined ? {} : { min }) });

/** Where a bokmål text is shown. */
const NB_DOC = 'the notebook Testing findings shows it in bokmål; without it, the English text';

export const EXPECT_VALUES = ['increase', 'decrease'] as const;

export const HYPOTHESIS = obj({
  name: ident('Identifier (letters, digits, hyphens); a shipped hypothesis is run by this name.'),
  statement: str(undefined, 'The hypothesis in plain words: what B does to the metric compared with A, and why (the mechanism).'),
  statementNb: str(undefined, `\`statement\` in Norwegian bokmål (${NB_DOC}).`),
  findings: arr(oneOf(undefined, 'a finding (a row F1..F14 of the traceability table in docs/MODEL.md)', FINDINGS),
    'The findings it comes from (rows of the traceability table in docs/MODEL.md), e.g. `["F11"]`.', { minItems: 1 }),
  source: str(undefined, 'Where it comes from (an interview, a study, a meeting with practitioners).'),
  sourceNb: str(undefined, `\`source\` in Norwegian bokmål (${NB_DOC}).`),
  notes: str(undefined, 'Anything a reader should know, e.g. why the smallest effect is what it is, or what the model leaves out.'),
  notesNb: str(undefined, `\`notes\` in Norwegian bokmål (${NB_DOC}).`),
  scenario: str(undefined, 'The scenario to run: a shipped scenario name (`mixed-office`), or a path to a scenario JSON file relative to this hypothesis file (`./my-office.json`; a path contains `/` or ends in `.json`).'),
  policies: obj({ A: SIDE, B: SIDE }, 'The two sides, `A` (the reference) and `B`, each a policy name or `{ "base": NAME, "knobs": {...} }`. Both run on the same people with the same luck (common random numbers).', ['A', 'B']),
  metric: str(undefined, 'A summary metric (see `pathways compare`); a metric by year takes the year after a dot: `employedShareByYear.1` is the end of year 1.'),
  group: orAlso(str('all', 'Output group whose metric is compared: `all` (default), a group of the scenario, `withBenefitRights` or `withoutBenefitRights`; or `{ "A": NAME, "B": NAME }` to compare two groups.'), GROUP_PAIR),
  expect: oneOf(undefined, 'The direction the hypothesis expects for B relative to A.', EXPECT_VALUES),
  smallestEffect: num(undefined, 0, 1e12, 'metric units', 'The smallest effect that matters, in the metric’s own units (a share: 0.01 = one percentage point), above 0. The verdict weighs the effect against it.'),
  // a paired test needs at least two replications
  replications: setting('replications', 'Paired replications (default: the scenario’s); `--replications` overrides it.', 2),
  seed: setting('seed', 'Master seed (default: the scenario’s); `--seed` overrides it.'),
  agents: setting('agents', 'Number of jobseekers (default: the scenario’s).'),
  weeks: setting('weeks', 'Weeks to simulate (default: the scenario’s).'),
}, 'A hypothesis: B changes the metric of a group, compared with A, by at least the smallest effect that matters.',
['name', 'statement', 'findings', 'scenario', 'policies', 'metric', 'expect', 'smallestEffect'], { file: true });
