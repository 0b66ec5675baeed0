import { arr, bool, ident, num, obj, oneOf, str, type NumberSpec } from './dsl.ts';
import { ARM, COMPARISON, MAX_VARIANTS } from './arms.ts';
import { FINDINGS } from './hypothesis.ts';
import { SCENARIO } from './scenario.ts';

/**
 * The what-if preset file schema: a named what-if for policy makers
 * (scenarios/whatifs/), run by `pathways whatif NAME` and on the page. A
 * preset is a comparison file (a baseline arm and 1 to `MAX_VARIANTS`
 * variants, sim/schema/arms.ts) with texts in English and bokmål, the run
 * settings it is meant to be run at, and claims about what its variants do,
 * as data that the run checks (`checkClaims` in sim/whatifs.ts, from the
 * verdicts of sim/arms.ts). Every field's meaning lives in its doc string
 * here; `pathways whatif --help`, the loader's error messages and the JSON
 * Schema for editors (schemas/whatif.schema.json) are built from it.
 *
 * The arms are read by `parseComparison` (an arm may be a policy name);
 * checks that need the scenario (the policies, the paths of `changes`, the
 * labels the claims name, the groups, the year of a metric by year) are
 * made by `planWhatIf`.
 */

/** A text in both languages of the page. */
export const TEXTS = (doc: string) => obj({
  en: str(undefined, 'In English.'),
  nb: str(undefined, 'In Norwegian bokmål.'),
}, `${doc} In English (\`en\`) and Norwegian bokmål (\`nb\`).`, ['en', 'nb']);

/** Which way a claim says the variant moves the metric, against the baseline. */
export const CLAIM_DIRECTIONS = ['higher', 'lower', 'about-the-same'] as const;
/** What a claim compares the variant with. */
export const CLAIM_AGAINST = ['baseline'] as const;

export const CLAIM = obj({
  variant: str(undefined, 'The label of the variant the claim is about (default: the first variant).'),
  metric: str(undefined, 'A summary metric (see `pathways compare`); a metric by year takes the year after a dot: `employedShareByYear.1` is the end of year 1.'),
  group: str('all', 'The output group the metric is read for: `all` (default), a group of the scenario, `withBenefitRights`, `withoutBenefitRights`, `women` or `men`.'),
  direction: oneOf(undefined, 'What the variant does to the metric against the baseline: `higher`, `lower`, or `about-the-same` (within `within` of it either way).', CLAIM_DIRECTIONS),
  against: oneOf('baseline', 'What the variant is compared with: the baseline arm, per replicate on the same people with the same luck (paired).', CLAIM_AGAINST),
  clear: bool(true, 'Whether the claim is about the whole 95% interval of the paired difference (true, the default: `higher` means the interval lies above 0, as `compare` marks a difference clear; `about-the-same` that it lies within ±`within`) or only about its mean (false).'),
  within: num(undefined, 0, 1e12, 'metric units', 'For `about-the-same` only, and required there: the largest difference either way that counts as the same, in the metric’s units (a share: 0.01 = one percentage point).'),
}, 'A claim about the numbers the preset produces: the variant moves the metric of a group this way against the baseline. The test of the shipped presets fails when a claim does not hold.', ['metric', 'direction']);

/** A run setting with the scenario schema's range (the one definition of the limit), no default, and its own doc. */
const setting = (name: 'agents' | 'weeks' | 'seed' | 'replications', doc: string, min?: number): NumberSpec<undefined> =>
  ({ ...(SCENARIO.fields[name] as NumberSpec), default: undefined, doc, ...(min === undefined ? {} : { min }) });

/** The run settings of a preset: small enough to be quick, large enough that its claims are clear. */
export const WHATIF_RUN = obj({
  agents: setting('agents', 'Number of jobseekers.'),
  // a paired interval needs at least two replications
  replications: setting('replications', 'Paired replications; `--replications` overrides it.', 2),
  seed: setting('seed', 'Master seed (default: the scenario’s); `--seed` overrides it.'),
  weeks: setting('weeks', 'Weeks to simulate (default: the scenario’s).'),
}, 'The run settings the preset is meant to be run at, on the command line and on the page: small enough to be quick, large enough that its claims are clear.', ['agents', 'replications']);

/** The fields of a preset besides those of a comparison. */
export const WHATIF_OWN_FIELDS = {
  id: ident('Identifier (letters, digits, hyphens): the file’s name without `.json`, and the name `pathways whatif NAME` runs.'),
  title: TEXTS('A short title, a question a policy maker might ask.'),
  what: TEXTS('One sentence: what the variants change, in the words of the office.'),
  look: TEXTS('One sentence: what to look at in the results, and how large the effects are.'),
  armNames: arr(TEXTS('The name of an arm.'), 'The arms’ names as the page shows them, in both languages: the baseline first, then the variants in order (the arms’ `label`s name them in results and in claims).', { minItems: 2, maxItems: MAX_VARIANTS + 1 }),
  evidence: TEXTS('What the studies say that the claims agree with (docs/MODEL.md cites them).'),
  notes: arr(TEXTS('A note.'), 'Anything a reader should know, each note in both languages: what the model leaves out, or where a claim says what the model gives rather than what was first expected.', { default: [] }),
  findings: arr(oneOf(undefined, 'a finding (a row F1..F14 of the traceability table in docs/MODEL.md)', FINDINGS),
    'The findings it draws on (rows of the traceability table in docs/MODEL.md), e.g. `["F8"]`.', { default: [] }),
  run: WHATIF_RUN,
  claims: arr(CLAIM, 'What the variants do, as data: each claim is checked against the numbers the preset produces.', { minItems: 1 }),
};

export const WHATIF = obj({
  ...WHATIF_OWN_FIELDS,
  scenario: str(undefined, 'The shipped scenario the preset runs on, by name (`mixed-office`).'),
  description: COMPARISON.fields.description,
  baseline: ARM,
  variants: COMPARISON.fields.variants,
}, `A named what-if: a comparison of a baseline and 1 to ${MAX_VARIANTS} variants on a shipped scenario, with texts in English and bokmål and claims that its run checks: \`pathways whatif NAME\`.`,
['id', 'title', 'what', 'look', 'armNames', 'evidence', 'run', 'claims', 'scenario', 'baseline', 'variants'], { file: true });
