import { arr, ident, int, num, obj, oneOf, orAlso, rec, str } from './dsl.ts';
import { KNOB_OVERRIDES } from './hypothesis.ts';

/**
 * The target file schema: published figures a scenario is checked against
 * (`pathways targets`, sim/calibrate/targets.ts). Every field's meaning lives
 * in its doc string here; `pathways targets --help`, the loader's error
 * messages, the types of sim/calibrate/targets.ts and the JSON Schema for
 * editors (schemas/targets.schema.json) are built from it.
 *
 * Two nodes have a second form (`orAlso`), which the loader
 * (`parseTargets`) turns into the first before it validates:
 * - `quantity` is a level (`LEVEL`: a metric of a group under one setting) or
 *   a difference (`DIFFERENCE`: the metric on side B minus side A); the
 *   loader picks the form by whether `difference` is given;
 * - a side of a difference may be a policy name (`"standardised"`), which
 *   means `{ "policy": "standardised" }`.
 *
 * Checks that need the scenario (policies, groups, the paths of `changes`,
 * the year of a metric by year) are made by `checkTargets`.
 */

/** Where a published figure comes from. */
export const SOURCE = obj({
  citation: str(undefined, 'Authors or publisher, title, and series or journal, as published (e.g. `Statistics Norway (SSB), Overqualification among immigrants in Norway 2007–2012, Reports 2014/28`).'),
  year: int(undefined, 1900, 2100, 'year', 'Year of publication; for an undated statistics page, the year its figures are for (say so in `location`).'),
  location: str(undefined, 'Where in it the figure is: the table, page or section, with the words or cells that give it.'),
  url: str(undefined, 'An address where it can be read.'),
  primary: str(undefined, 'For a figure read in a secondary source (a news item quoting Statistics Norway): the primary source it reports.'),
}, 'Where the published figure comes from: a citation with its year and the table or page.', ['citation', 'year', 'location']);

/** Scenario values changed for one setting, by dotted path: a number, or a list of words given whole (the other form). */
export const CHANGES = rec(orAlso(num(undefined, -1e12, 1e12, 'the field’s unit', 'For a number field: the value, within the scenario schema’s range for it.'),
  arr(str(undefined, 'A word the field allows.'), 'For a field that is a list of words, such as a service’s entry rule (`services.careerGuidance.entry`): the whole list, each word one the field allows.', { minItems: 1 })),
'Scenario values this setting changes, by dotted path as in `pathways sweep --vary` (`office.advisorsPer1000`, `groups.youth.share`, `groups.youth.entitlements.workAssessmentAllowance`, `services.languageCourse.weeks`): number fields, checked against the scenario schema’s range, or a list of words given whole (`services.careerGuidance.entry`: `["benefitRights", "refugee", "labourImmigrant"]`); the changed scenario must still be valid (group shares adding up to 1). Not `agents`, `weeks`, `seed` or `replications`, which are the run’s.');

const POLICY_DOC = 'A policy of the scenario: `standardised`, `personalised` or one the scenario defines.';
const KNOBS_DOC = 'Knob overrides on top of `policy` (any policy knob, e.g. `{ "followUp": 0.8 }`); knobs not given come from the policy.';

/** One side of a difference: a setting (policy, knobs, changes) and the output group read on it. */
export const SIDE = orAlso(obj({
  policy: str(undefined, POLICY_DOC),
  knobs: { ...KNOB_OVERRIDES, doc: KNOBS_DOC },
  changes: CHANGES,
  group: str(undefined, 'The output group read on this side (default: the quantity’s `group`).'),
}, 'One side: `{ "policy": NAME, "knobs": {...}, "changes": {...}, "group": NAME }`, or a policy name.', ['policy']),
str(undefined, 'A policy of the scenario with its knobs as they are: the same as `{ "policy": NAME }`.'));

const METRIC_DOC = 'A summary metric (see `pathways compare`); a metric by year takes the year after a dot: `employedShareByYear.5` is the end of year 5.';
const GROUP_DOC = 'The output group: a group of the scenario, `withBenefitRights`, `withoutBenefitRights`, `women`, `men` or `all` (default).';

/** A level: the metric of a group under one setting. */
export const LEVEL = obj({
  metric: str(undefined, METRIC_DOC),
  group: str('all', GROUP_DOC),
  policy: str(undefined, POLICY_DOC),
  knobs: { ...KNOB_OVERRIDES, doc: KNOBS_DOC },
  changes: CHANGES,
}, 'A level: the metric of a group under a policy (with knob overrides and scenario changes, if any).', ['metric', 'policy']);

/** A difference: the metric on side B minus side A, paired by replicate. */
export const DIFFERENCE = obj({
  metric: str(undefined, METRIC_DOC),
  group: str('all', `${GROUP_DOC} A side may name its own.`),
  difference: obj({ A: SIDE, B: SIDE }, 'The two sides: the quantity is the metric on B minus A, per replicate on the same people with the same luck (common random numbers).', ['A', 'B']),
}, 'A difference: the metric on side B minus side A, such as the effect of more advisors or the gap between two groups.', ['metric', 'difference']);

/** How a band was chosen. */
export const BAND_KINDS = ['interval', 'range', 'translation'] as const;
/** What a target is used for. */
export const TARGET_USES = ['fit', 'holdout'] as const;

/** The doc of a text's bokmål sibling. */
const nbOf = (field: string) => `\`${field}\` in Norwegian bokmål (the Calibration notebook shows it when its language is bokmål; without it, the English text).`;

export const TARGET = obj({
  id: ident('Identifier (letters, digits, hyphens), unique in the file.'),
  statement: str(undefined, 'The published finding in plain words, with its number.'),
  statementNb: str(undefined, '`statement` in Norwegian bokmål (the page’s About panel shows it when its language is bokmål; without it, the English statement).'),
  source: SOURCE,
  quantity: orAlso({ ...LEVEL, doc: 'The model’s quantity: a level (the metric of a group under a policy, with knob overrides and scenario changes, if any) or a difference (`difference`: the metric on side B minus side A).' }, DIFFERENCE),
  value: num(undefined, -1e12, 1e12, 'metric units', 'The published value, in the metric’s units (a share as a fraction: 0.46 for 46 %; a difference of shares in fractions too: -0.14 for 14 points lower).'),
  band: arr(num(undefined, -1e12, 1e12, 'metric units', 'An edge of the band, in the metric’s units.'),
    'The band `[lo, hi]` around the value that counts as agreement, lo below hi and the value within it; the model agrees when its mean lies within it.', { length: 2 }),
  bandKind: oneOf(undefined, 'How the band was chosen: `interval`, a published confidence interval; `range`, the range of published figures (years, cohorts, tables, sources); `translation`, a range set around the figure for the uncertainty of translating it into the model’s quantity (a judgement, said so in `bandNote`).', BAND_KINDS),
  bandNote: str(undefined, 'Where the band’s edges come from: the figures and their sources, or the reasoning of a judgement.'),
  bandNoteNb: str(undefined, nbOf('bandNote')),
  weight: num(1, 0, 1000, 'weight', 'The weight of the target in a fit (default 1; 0 shows it without counting it).'),
  use: oneOf(undefined, '`fit`: the target may be used to fit parameters; `holdout`: kept out of fitting, to check the fit against.', TARGET_USES),
  translation: str(undefined, 'Where the model’s quantity differs from the published one (a registered cohort against a population rate, a year of the run against years of residence) and how the figure was translated.'),
  translationNb: str(undefined, nbOf('translation')),
  notes: str(undefined, 'Anything else a reader should know.'),
  notesNb: str(undefined, nbOf('notes')),
}, 'A published figure and the model quantity it is checked against.',
['id', 'statement', 'source', 'quantity', 'value', 'band', 'bandKind', 'bandNote', 'use', 'translation']);

export const TARGETS = obj({
  scenario: str(undefined, 'The scenario the targets apply to, as its `name` field says: a shipped scenario, or any scenario file of that name (an edited copy, say).'),
  description: str(undefined, 'What the targets are and how they were chosen.'),
  targets: arr(TARGET, 'The targets.', { minItems: 1 }),
}, 'Published figures that a scenario is checked against: `pathways targets --scenario NAME`.', ['scenario', 'targets'], { file: true });
