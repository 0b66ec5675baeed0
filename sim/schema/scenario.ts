import { arr, bool, fieldsOf, ident, int, keysOf, num, obj, oneOf, rec, share, str, withoutDefaults, type Infer } from './dsl.ts';
import { ENTITLEMENT_NAMES, QUALIFICATIONS, ROUTES, SERVICE_TYPES, MAX_SERVICES } from '../constants.ts';

/**
 * The scenario schema. Every field's default, range, unit and meaning lives
 * here, and only here: validation, defaults, the TypeScript types of
 * sim/scenario.ts, the parameter tables of docs/MODEL.md and the JSON Schema
 * for editors (schemas/scenario.schema.json) all come from it.
 */

const levelDoc = '0 = basic, 1 = intermediate, 2 = advanced';
/**
 * The rule for the page's second language: a text field `x` (a title, an
 * Info text, a label, a description) may have a sibling `xNb`, the same text
 * in Norwegian bokmål. The page shows it when its language is bokmål, and
 * the English text, marked as English, when there is none (or when a file
 * that extends another changes `x` but not `xNb`).
 */
const NB_DOC = 'the page shows it when its language is bokmål; without it, the English text';
const triple = (def: number[], unit: string, doc: string, max = 1) => arr(num(undefined, 0, max, unit, doc), doc, { default: def, length: 3 });

const KNOB_FIELDS = {
  priorityByNeed: share(undefined, 'Who gets advisor time: 0 = priority groups with economic rights first, 1 = by assessed need (F1, F8).'),
  proactiveInformation: share(undefined, 'Chance per meeting that the advisor tells the person about a fitting service, face to face, instead of leaving them to the website (F2, F10).'),
  exploration: share(undefined, 'Needs assessment: 0 = by category and paperwork, 1 = exploration with the person and user involvement; the chance a meeting sees the person’s true level and recognises them, and how much it invites disclosure (F6, F12, F14).'),
  matchedOffers: share(undefined, 'Chance that an offer is chosen to fit the person’s goals and barriers rather than the default short measure of their category (F4, F5).'),
  levelMatching: share(undefined, 'Chance that an offer comes at the person’s assessed level rather than the service’s one default level, and that a request above the assessed level is not refused for its level (F3, F5).'),
  longTermPlanning: share(undefined, 'Chance that a matched offer is a long service within a plan, when a long service fits the person (F4).'),
  advisorTurnover: share(undefined, 'Weekly chance that a person’s contact person changes (continuity, F11).'),
  followUp: share(undefined, 'Chance that the advisor follows up a missed meeting (home visit, repeated messages) (F11).'),
  offerRate: share(undefined, 'Chance that a meeting with a person out of work and in no service ends with an offer of a measure (F4, F7).'),
  acceptPressure: share(undefined, 'Pressure to take any job: shortens the weeks before a person must also take jobs below their level, and adds the threat of sanctions to the monitoring of search (F7; Lalive, van Ours & Zweimüller 2005).'),
  activityTarget: share(undefined, 'What counts as success: 0 = progress to lasting, fitting work, 1 = activity (any participation). With activity as success, a matched offer that is not a long plan or barrier help may be any short measure, fitting or not (F7).'),
  meetingIntensity: num(undefined, 0.1, 4, 'multiplier', 'Scales how often an assigned contact person meets the person, within the advisors’ hours.'),
};
/** The policy knobs: a policy sets every one of them (`Knobs`). */
export const KNOBS = obj(KNOB_FIELDS,
  'Policy knobs. A policy sets all of them; a named policy may give only some and take the rest from its `base`.', keysOf(KNOB_FIELDS));
/** A full set of policy knobs. */
export type Knobs = Infer<typeof KNOBS>;
/** The knobs' names, in schema order: the one list of them (sliders, links, sweeps, notebooks read it). */
export const KNOB_NAMES: readonly (keyof Knobs)[] = keysOf(KNOB_FIELDS);

export const STANDARDISED: Knobs = {
  priorityByNeed: 0, proactiveInformation: 0.05, exploration: 0.1, matchedOffers: 0.05, levelMatching: 0.1,
  longTermPlanning: 0.1, advisorTurnover: 0.25, followUp: 0.05, offerRate: 0.8, acceptPressure: 0.4, activityTarget: 1, meetingIntensity: 1,
};
export const PERSONALISED: Knobs = {
  priorityByNeed: 1, proactiveInformation: 0.7, exploration: 0.9, matchedOffers: 0.9, levelMatching: 0.9,
  longTermPlanning: 0.7, advisorTurnover: 0.02, followUp: 0.8, offerRate: 0.6, acceptPressure: 0, activityTarget: 0, meetingIntensity: 1,
};

const policyDef = obj({
  base: str(undefined, 'Name of the policy this one starts from (`standardised`, `personalised` or another named policy of the scenario).'),
  label: str(undefined, 'A human-readable name.'),
  labelNb: str(undefined, `\`label\` in Norwegian bokmål (${NB_DOC}).`),
  ...withoutDefaults(KNOB_FIELDS),
}, 'A named policy: a base policy and the knobs it changes.');

const group = obj({
  name: ident('Short identifier, used in outputs (letters, digits, hyphens).'),
  label: str(undefined, 'Human-readable name.'),
  labelNb: str(undefined, `\`label\` in Norwegian bokmål (${NB_DOC}).`),
  share: share(undefined, 'Share of the population in this group; shares must add up to 1.'),
  route: oneOf(undefined, 'Route of arrival or background; sets the wording of reasons and which entry rules name this group.', ROUTES),
  categoryLevel: int(0, 0, 2, 'level', `The level a category-based assessment assigns to everyone in the group (${levelDoc}) (F5).`),
  facesDiscrimination: bool(false, 'Employers discount this group’s applications by `labourMarket.discrimination` (F9).'),
  women: share(0.5, 'Share of women in the group.'),
  careDuties: share(0.1, 'Share of the group’s women with care duties for young children at home, which take time from job search (`behaviour.careSearchCost`).'),
  movesAwayPerYear: share(0.02, 'Share of those out of work who move away from the office’s area or the country each year.'),
  ageMin: int(25, 16, 67, 'years', 'Youngest age in the group.'),
  ageMax: int(50, 16, 67, 'years', 'Oldest age in the group.'),
  education: triple([0.3, 0.4, 0.3], 'share', `Shares with basic, intermediate and advanced education (${levelDoc}); must add up to 1.`),
  foreignEducation: share(0, 'Share whose education was taken abroad and is not recognised (F9).'),
  language: share(0.9, 'Mean command of the local language, 0–1.'),
  digital: share(0.7, 'Mean digital skills, 0–1 (using the website, F2, F10).'),
  network: share(0.5, 'Mean strength of local networks, 0–1 (information and referrals, F2, F9).'),
  healthBarrier: share(0.1, 'Share with a known health or mental-health barrier.'),
  hiddenBarrier: share(0.05, 'Share with a barrier they conceal until they trust their advisor (F12).'),
  selfEfficacy: share(0.6, 'Mean self-efficacy at registration, 0–1 (F14).'),
  shame: share(0.2, 'Mean shame about being a benefit user at registration, 0–1 (F14).'),
  ambition: share(0.3, 'Share who want long-term education or a career path rather than any job (F4, F5).'),
  entitlements: obj(fieldsOf(ENTITLEMENT_NAMES, (e) => share(0, `Share entitled to ${e} at registration.`)),
    'Shares with each economic right at registration (F1). Everyone has the right to information and a needs assessment.'),
}, 'A group of jobseekers.', ['name', 'share', 'route']);

const entryValues = ['anyone', 'benefitRights', ...ENTITLEMENT_NAMES, ...ROUTES] as const;
const service = obj({
  id: str(undefined, 'Short identifier used in outputs.'),
  label: str(undefined, 'Plain-language name, used in event logs ("a language course").'),
  labelNb: str(undefined, `\`label\` in Norwegian bokmål, as a sentence names it ("språkkurs") (${NB_DOC}).`),
  type: oneOf(undefined, 'Kind of service.', SERVICE_TYPES),
  term: oneOf(undefined, 'Short or long service (F4).', ['short', 'long']),
  weeks: int(undefined, 1, 156, 'weeks', 'Duration.'),
  levelled: bool(true, 'Whether the service comes in levels that should match the person’s level (F5).'),
  defaultLevel: int(0, 0, 2, 'level', `The one level the office uses when it does not match levels (${levelDoc}).`),
  qualification: oneOf('none', 'What completion gives: nothing, a certificate, a formal qualification (raises education), or recognition of a foreign qualification (F4, F9).', QUALIFICATIONS),
  slotsPerMonthPer1000: num(10, 0, 1000, 'starts per month per 1000 jobseekers', 'Capacity: new starts per 4 weeks per 1000 jobseekers in the scenario.'),
  costPerWeek: num(1000, 0, 100000, 'NOK per week', 'Cost of one participant-week.'),
  entry: arr(oneOf(undefined, 'who may enter', entryValues), 'Entry rule: a person may enter if any entry matches (an entitlement they hold, `benefitRights` for any economic right, their route, or `anyone`) (F1).', { default: ['anyone'], minItems: 1 }),
  refusesIfHeld: bool(false, 'Refused to people who already hold education at the service’s own level (`defaultLevel`), even from abroad (F3).'),
  rightsPriority: bool(false, 'When the office prioritises by rights, people without economic rights are refused as “not a priority group” (F1, F3).'),
  searchIntensity: share(0.5, 'Job search while enrolled, relative to full-time searching (lock-in, Card, Kluve & Weber).'),
  employabilityGain: num(0.004, 0, 0.1, 'per week', 'Weekly gain in employability at a matching level.'),
  languageGain: num(0, 0, 0.1, 'per week', 'Weekly gain in language command.'),
  networkGain: num(0, 0, 0.1, 'per week', 'Weekly gain in local network.'),
  support: share(0.5, 'Support given inside the service; unsupported placements often break down for people with barriers (F13).'),
  peerGroup: bool(false, 'A group of peers: belonging and attendance pressure, less shame (F13).'),
  treatsBarrier: bool(false, 'Works on disclosed health and life barriers (F10, F12).'),
}, 'A service in the catalogue.', ['id', 'type', 'term', 'weeks']);

export const DEFAULT_SERVICES = [
  { id: 'jobSearchCourse', label: 'a job-search course', labelNb: 'jobbsøkerkurs', type: 'jobSearchCourse', term: 'short', weeks: 4, defaultLevel: 0, slotsPerMonthPer1000: 30, costPerWeek: 1500, searchIntensity: 0.9, employabilityGain: 0.02},
  { id: 'officeCourse', label: 'a short office course', labelNb: 'kort kontorkurs', type: 'occupationalCourse', term: 'short', weeks: 8, defaultLevel: 1, qualification: 'certificate', refusesIfHeld: true, slotsPerMonthPer1000: 14, costPerWeek: 2500, searchIntensity: 0.6, employabilityGain: 0.008},
  { id: 'languageCourse', label: 'a language course', labelNb: 'språkkurs', type: 'languageCourse', term: 'short', weeks: 16, levelled: false, qualification: 'certificate', slotsPerMonthPer1000: 10, costPerWeek: 2000, entry: ['benefitRights', 'refugee'], rightsPriority: true, searchIntensity: 0.6, employabilityGain: 0.001, languageGain: 0.012 },
  { id: 'workPlacement', label: 'a three-month work placement', labelNb: 'arbeidspraksis i tre måneder', type: 'workPlacement', term: 'short', weeks: 12, defaultLevel: 0, qualification: 'certificate', slotsPerMonthPer1000: 16, costPerWeek: 1200, searchIntensity: 0.5, employabilityGain: 0.01, networkGain: 0.006, support: 0.2, rightsPriority: true },
  { id: 'healthSupport', label: 'health and life-situation support', labelNb: 'støtte med helse og livssituasjon', type: 'healthSupport', term: 'short', weeks: 12, levelled: false, slotsPerMonthPer1000: 6, costPerWeek: 2500, entry: ['workAssessmentAllowance', 'socialAssistance', 'youth', 'qualificationProgramme'], searchIntensity: 0.5, employabilityGain: 0.002, treatsBarrier: true, support: 0.9 },
  { id: 'vocationalTraining', label: 'vocational training', labelNb: 'yrkesopplæring', type: 'vocationalTraining', term: 'long', weeks: 40, defaultLevel: 1, qualification: 'formal', refusesIfHeld: true, slotsPerMonthPer1000: 2, costPerWeek: 3500, entry: ['benefitRights'], rightsPriority: true, searchIntensity: 0.15, employabilityGain: 0.01},
  { id: 'careerGuidance', label: 'career guidance with recognition of qualifications', labelNb: 'karriereveiledning med godkjenning av kvalifikasjoner', type: 'careerGuidance', term: 'long', weeks: 26, defaultLevel: 2, qualification: 'recognition', slotsPerMonthPer1000: 2, costPerWeek: 1500, entry: ['benefitRights', 'refugee'], rightsPriority: true, searchIntensity: 0.3, employabilityGain: 0.006, languageGain: 0.004, networkGain: 0.004 },
  { id: 'formalEducation', label: 'a route to formal education', labelNb: 'vei til formell utdanning', type: 'formalEducation', term: 'long', weeks: 78, defaultLevel: 2, qualification: 'formal', slotsPerMonthPer1000: 1, costPerWeek: 3000, entry: ['benefitRights'], rightsPriority: true, searchIntensity: 0.1, employabilityGain: 0.008, languageGain: 0.002 },
  { id: 'workGroup', label: 'a supported work group with peers', labelNb: 'arbeidsgruppe med likepersoner og oppfølging', type: 'supportedWorkGroup', term: 'long', weeks: 26, defaultLevel: 0, qualification: 'certificate', slotsPerMonthPer1000: 2, costPerWeek: 3000, entry: ['workAssessmentAllowance', 'socialAssistance', 'qualificationProgramme', 'youth'], searchIntensity: 0.4, employabilityGain: 0.01, networkGain: 0.004, support: 0.9, peerGroup: true },
  { id: 'introductionProgramme', label: 'the introduction programme', labelNb: 'introduksjonsprogrammet', type: 'introductionProgramme', term: 'long', weeks: 52, levelled: false, qualification: 'certificate', slotsPerMonthPer1000: 20, costPerWeek: 2500, entry: ['introductionProgramme'], searchIntensity: 0.2, employabilityGain: 0.006, languageGain: 0.008, networkGain: 0.003, support: 0.7 },
  { id: 'qualificationProgramme', label: 'the qualification programme', labelNb: 'kvalifiseringsprogrammet', type: 'qualificationProgramme', term: 'long', weeks: 52, levelled: false, qualification: 'certificate', slotsPerMonthPer1000: 20, costPerWeek: 2500, entry: ['qualificationProgramme'], searchIntensity: 0.3, employabilityGain: 0.008, networkGain: 0.003, support: 0.8, treatsBarrier: true },
];

const office = obj({
  advisorsPer1000: num(6, 0, 200, 'advisors per 1000 jobseekers', 'Staffing: advisors (full-time equivalents, fractions allowed) per 1000 jobseekers. 0 = no contact persons at all; everyone still gets the needs assessment.'),
  caseload: int(70, 1, 1000, 'people per advisor', 'Most people one full-time advisor can follow as contact person; places are given out by the priority rule (F8).'),
  hoursPerWeek: num(20, 0, 40, 'hours per week', 'Hours per week each full-time advisor spends in meetings with their people; with the caseload it sets how often each person is met.'),
  hoursPerMeeting: num(1, 0.25, 8, 'hours', 'Time one meeting takes, preparation included.'),
  costPerAdvisorHour: num(700, 0, 10000, 'NOK per hour', 'Cost of one advisor hour.'),
  referralChance: share(0.15, 'Chance per meeting that the advisor refers a person out of work to a vacancy they know of, at the level the office works with (job brokering; Hainmueller et al. 2016).'),
  referralWeight: num(2, 0, 10, 'weeks of search', 'How much a referral adds to that week’s search at the vacancy’s level, in weeks of full-time search.'),
  budgetPerWeekPer1000: num(0, 0, 10000000, 'NOK per week per 1000 jobseekers', 'Office budget for services and advisor meetings, given out per four weeks; 0 = no budget (cost is an output). When a period’s budget is spent, no service starts and no meetings beyond the needs assessment until the next period.'),
}, 'The local office: advisors, caseloads and time (F8, Card, Kluve & Weber on caseloads).');

const labourMarket = obj({
  vacanciesPer1000: triple([6, 4, 2], 'vacancies per week per 1000 jobseekers', `Vacancies open to this office’s jobseekers each week by level (${levelDoc}).`, 1000),
  hireRate: share(0.035, 'Weekly chance of a hire for a full-time searcher with full employability when vacancies are plentiful; when they are not, the vacancies of the week are shared among the applicants (matching).'),
  languageRequired: triple([0.2, 0.45, 0.6], 'share', 'Language command employers expect at each level; below it hiring falls in proportion.'),
  recognitionPenalty: share(0.65, 'How much an unrecognised foreign qualification cuts hiring at the person’s own level (F9).'),
  discrimination: share(0.3, 'How much employers discount applications from groups that face discrimination (F9).'),
  barrierPenalty: share(0.6, 'How much a health or life barrier that no service has worked on cuts hiring chances (F10, F12).'),
  incapacityPenalty: share(0.85, 'How much a persistent health barrier (work capacity reduced for good; work assessment allowance requires a reduction of at least half) cuts hiring chances, instead of `barrierPenalty`.'),
  networkReferral: num(0.8, 0, 5, 'multiplier', 'Extra hiring per unit of network: referrals through people one knows (F2, F9).'),
  certificateValue: num(0.02, 0, 0.5, 'per certificate', 'How much each certificate adds to hiring chances; they pile up with small value (F4).'),
  jobLoss: num(0.003, 0, 0.2, 'per week', 'Weekly chance of losing a permanent job that fits.'),
  temporaryShare: share(0.25, 'Share of hires into temporary or part-time jobs (F9).'),
  temporaryJobEnd: num(0.04, 0, 1, 'per week', 'Weekly chance that a temporary or part-time job ends (about six months on average at 0.04).'),
  durationPenalty: share(0.3, 'How much a long gap out of work (no job and no service) cuts hiring chances once it reaches `durationPenaltyWeeks` (scarring; Kroft, Lange & Notowidigdo 2013; Eriksson & Rooth 2014).'),
  durationPenaltyWeeks: int(39, 1, 520, 'weeks', 'Weeks of gap at which the duration penalty is full; it grows in proportion before.'),
  agePenalty: share(0.4, 'How much employers discount applicants aged 65 compared with 50 or younger, in proportion between (Carlsson & Eriksson 2019).'),
  barrierJobLoss: num(3, 1, 10, 'multiplier', 'Job loss is this many times higher for a person with a health or life barrier that no service has worked on, or a persistent one: without support at work, ordinary jobs often break down (F13; OECD 2012, Sick on the Job?: people with a mental disorder are about twice, with a severe one six to seven times, as likely to be unemployed).'),
  overqualifiedJobLoss: num(2.5, 1, 10, 'multiplier', 'Jobs below one’s level are more often part-time and temporary: job loss is this many times higher (F9).'),
  downgradeAfterWeeks: int(52, 0, 520, 'weeks', 'After this many weeks without work, people who want a career also take jobs below their level; others after a quarter of it. Activity targets shorten both (F7).'),
  rightsAfterWeeksEmployed: int(52, 1, 520, 'weeks', 'Weeks of work that give a right to unemployment benefit on losing the job.'),
}, 'The labour market (F9).');

const behaviour = obj({
  infoSearch: share(0.5, 'Weekly chance that a person without a plan searches for information about services (F2).'),
  infoSearchCost: share(0.4, 'Share of a week’s job search lost to a week spent searching for information (F2).'),
  websiteSuccess: share(0.04, 'Chance that a search on the website finds a service, at full digital skill and language (F2, F10).'),
  peerSuccess: share(0.35, 'Chance per week that a person hears about a service from a peer who knows it, at full network (F2).'),
  ngoSuccess: share(0.02, 'Chance per week of learning about a service from an NGO or volunteer.'),
  chanceSuccess: share(0.01, 'Chance per week of stumbling on a service by coincidence (F2).'),
  peersPerPerson: int(4, 0, 8, 'people', 'Peers each person is linked to (mostly within their group).'),
  peerHomophily: share(0.8, 'Share of a person’s peers who come from their own group.'),
  applyChance: share(0.25, 'Weekly chance of applying for a known, wanted service, at full self-efficacy.'),
  rejectionHit: share(0.06, 'Fall in self-efficacy after a rejection (F3, F14).'),
  discouragedBelow: share(0.15, 'Self-efficacy below which a person stops searching (F14).'),
  recoverChance: share(0.1, 'Weekly chance that a discouraged person starts searching again, at full self-efficacy.'),
  showUpBase: share(0.7, 'Chance of showing up to a meeting at zero trust, without shame or hidden barriers (F11).'),
  trustGain: share(0.12, 'Growth of trust per meeting with the same advisor (F11).'),
  trustLossOnChange: share(0.6, 'Share of trust lost when the contact person changes (F11).'),
  trustDecay: share(0.01, 'Weekly fall in trust without contact.'),
  disclosure: share(0.25, 'Chance per meeting of disclosing a hidden barrier, at full trust and full exploration (F12).'),
  hiddenBarrierDropout: share(0.03, 'Weekly dropout from a service for a person with a hidden barrier not yet disclosed, without support (F12, F13).'),
  placementBreakdown: share(0.05, 'Extra weekly breakdown of an unsupported placement for a person with a barrier (F13).'),
  mismatchYield: share(0.25, 'Share of a service’s gains that reach a person when its level is one step off (two steps off: its square) (F5).'),
  shameRise: num(0.004, 0, 0.1, 'per week', 'Weekly growth of shame while out of work and holding a benefit right (F14).'),
  recognition: share(0.1, 'Fall in shame and rise in self-efficacy from a meeting that explores and recognises the person (F14).'),
  peerSupport: share(0.08, 'Weekly fall in shame and rise in self-efficacy in a peer group (F13, F14).'),
  attendancePressure: share(0.7, 'Share of missed attendance a peer group prevents (F13).'),
  selfEfficacySearch: share(0.5, 'How much job search falls from full to zero self-efficacy (F14; Kanfer, Wanberg & Kantrowitz 2001; Liu, Huang & Wang 2014).'),
  monitoringPush: share(0.3, 'Job search added right after a meeting that monitors and follows up the search; it fades week by week (Schiprowski 2020).'),
  monitoringDecay: share(0.25, 'Weekly fall of the search added by monitoring.'),
  sanctionThreat: num(1, 0, 5, 'multiplier', 'How much the threat of sanctions under full pressure (`acceptPressure` = 1) adds to the monitoring push (Lalive, van Ours & Zweimüller 2005).'),
  skillDecay: num(0.001, 0, 0.05, 'per week', 'Weekly loss of employability while out of work and in no service (human capital depreciation; Edin & Gustavsson 2008).'),
  healthExit: num(0.02, 0, 0.2, 'per week', 'Weekly chance that a person with an untreated health or hidden barrier, a year or more out of work, leaves for a health-related benefit (Nossen & Gjerde 2022).'),
  barrierPersists: share(0.75, 'Share of known health barriers that persist whatever is done (persistent incapacity): treatment does not remove them.'),
  educationExit: num(0.003, 0, 0.2, 'per week', 'Weekly chance that a person under `educationAgeMax`, out of work and in no service, leaves for ordinary education.'),
  educationAgeMax: int(30, 16, 67, 'years', 'Age below which people may leave for ordinary education.'),
  careSearchCost: share(0.4, 'Share of job search lost by a person with care duties for young children.'),
}, 'Behavioural rules of jobseekers and advisors.');

const persona = obj({
  name: str(undefined, 'Invented name shown in journeys.'),
  description: str(undefined, 'One line about the person.'),
  descriptionNb: str(undefined, `\`description\` in Norwegian bokmål (${NB_DOC}).`),
  group: str(undefined, 'Name of the scenario group the persona belongs to.'),
  age: int(30, 16, 67, 'years', 'Age.'),
  education: int(1, 0, 2, 'level', levelDoc),
  foreignEducation: bool(false, 'Education taken abroad and not recognised.'),
  language: share(0.8, 'Command of the local language.'),
  digital: share(0.7, 'Digital skills.'),
  network: share(0.4, 'Local network.'),
  healthBarrier: bool(false, 'A known health or mental-health barrier.'),
  hiddenBarrier: bool(false, 'A barrier concealed until trust grows (F12).'),
  selfEfficacy: share(0.6, 'Self-efficacy.'),
  shame: share(0.2, 'Shame.'),
  ambition: bool(false, 'Wants long-term education or a career path.'),
  woman: bool(false, 'A woman.'),
  careDuties: bool(false, 'Care duties for young children at home.'),
  entitlements: arr(oneOf(undefined, 'entitlement', ENTITLEMENT_NAMES), 'Economic rights held at registration.', { default: [] }),
}, 'A tracked person whose journey is logged in plain language.', ['name', 'group']);

export const SCENARIO = obj({
  name: ident('Identifier (letters, digits, hyphens). In a file with `extends`, the base’s name unless given.'),
  extends: str(undefined, 'The scenario this file starts from: the name of a shipped scenario (on the command line also the path of another scenario file, relative to this one). The file then gives only what changes: objects are merged field by field; the items of `groups`, `services` and `personas` are matched to the base’s by `name` or `id` (given fields change a known item, an item with a new name is added and must be complete, `{"name": "x", "remove": true}` removes one); named `policies` are merged by name the same way; lists of numbers or words are replaced whole.'),
  title: str(undefined, 'One-line title.'),
  titleNb: str(undefined, `\`title\` in Norwegian bokmål (${NB_DOC}).`),
  info: obj({
    what: str('', 'What it is.'),
    whatNb: str(undefined, `\`what\` in Norwegian bokmål (${NB_DOC}).`),
    howItWorks: str('', 'How it works.'),
    howItWorksNb: str(undefined, `\`howItWorks\` in Norwegian bokmål (${NB_DOC}).`),
    howToUse: str('', 'How to use it.'),
    howToUseNb: str(undefined, `\`howToUse\` in Norwegian bokmål (${NB_DOC}).`),
    notice: arr(str(undefined, 'text'), 'Things to notice.', { default: [] }),
    noticeNb: arr(str(undefined, 'text'), `\`notice\` in Norwegian bokmål, item for item (${NB_DOC}).`),
    try: arr(str(undefined, 'text'), 'Things to try.', { default: [] }),
    tryNb: arr(str(undefined, 'text'), `\`try\` in Norwegian bokmål, item for item (${NB_DOC}).`),
  }, 'The Info text (in the spirit of NetLogo’s Info tab). Each text `x` may have a Norwegian bokmål sibling `xNb`.'),
  agents: int(2000, 1, 20_000_000, 'people', 'Number of jobseekers.'),
  weeks: int(260, 1, 1560, 'weeks', 'Length of a run.'),
  seed: int(1, 0, 4294967295, 'seed', 'Master seed; replicate seeds derive from it.'),
  replications: int(20, 1, 10000, 'runs', 'Replications per policy.'),
  comparePolicies: arr(str(undefined, 'policy name'), 'The two policies `compare` runs by default.', { default: ['standardised', 'personalised'], length: 2 }),
  groups: arr(group, 'Groups of jobseekers.', { minItems: 1, maxItems: 30 }),
  replaceServices: bool(undefined, 'The `services` listed are the whole catalogue: they replace the default one (or, with `extends`, the base’s). A file that lists `services` without `extends` must say so, as a list of a few services would otherwise silently drop the rest of the default catalogue.'),
  services: arr(service, 'The services catalogue.', { default: DEFAULT_SERVICES, minItems: 1, maxItems: MAX_SERVICES }),
  office,
  labourMarket,
  behaviour,
  policies: rec(policyDef, 'Named policies (names: letters, digits, hyphens). `standardised` and `personalised` always exist; a scenario may redefine them or add others.', {},
    ident('Name of the policy.')),
  personas: arr(persona, 'Tracked agents (at most 20).', { default: [], maxItems: 20 }),
}, 'A scenario.', ['name', 'groups'], { file: true });
