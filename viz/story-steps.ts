/**
 * Story mode for teaching: the steps, one mechanism at a time. Each step names
 * the findings it illustrates (F1..F14, the traceability table of
 * docs/MODEL.md), the settings that isolate the mechanism, and what part of
 * the page to show. Every claim its words make about a number or a direction
 * is declared next to them (`claims`), and test/viz/story-claims.test.ts runs
 * each step's experiment with the model, as the page runs it, and fails when
 * one does not hold: change the words with the numbers. The words name the
 * policies as the charts' legends do, never by colour.
 */
import type { ChartId } from './charts/index.ts';
import type { Lang } from './i18n.ts';
import type { EventKind, Knobs, MetricName } from '../sim/index.ts';
import type { REASON_NAMES } from '../sim/constants.ts';
import type { PolicyChoice, Settings } from './settings.ts';

/** A text in every interface language. */
export type Localised = Record<Lang, string>;

export type StoryChart = ChartId;

/** The part of the page a step shows next to its text. */
export type StoryFocus =
  | { view: 'compare'; chart: StoryChart }
  | { view: 'agents' }
  | { view: 'journey'; persona: string };

/**
 * A number a claim is about, for each policy of the step's run:
 * - a metric's mean over replications, for the whole population or one output group (a year's value for a metric by year, 0 = year 1);
 * - refusals for one reason, or starts of one service, per person (whole population, mean over replications);
 * - in a persona's journey as the page shows it (replicate 0): how many events of a kind (those whose fields match `where`),
 *   or the week of the first (Infinity when there is none).
 */
export type StoryQuantity =
  | { metric: MetricName; group?: string; year?: number }
  | { refusals: Exclude<(typeof REASON_NAMES)[number], ''> }
  | { starts: string }
  | { persona: string; events: EventKind; where?: Record<string, string | number | boolean> }
  | { persona: string; first: EventKind; where?: Record<string, string | number | boolean> };

/**
 * What a step's words say about its run, as a test can check it. The value is
 * `of` the quantity: B − A (default), B / A, or one policy's own; with `minus`,
 * the same of another quantity is taken off (a difference of differences).
 * `direction`: the value is higher or lower than `than` (default 0 for B − A,
 * 1 for B / A; a policy's own value needs one), or within `within` of it.
 * With `variant`, the run is the experiment's "change this and run again"
 * (B's knobs changed, or the scenario's behaviour: what no knob reaches), and
 * `againstStep` compares its value with the step's own run's (variant − step,
 * or variant / step).
 */
export interface StoryClaim {
  /** The claim in the step's words (English), for the test's message. */
  says: string;
  quantity: StoryQuantity;
  of?: 'B-A' | 'B/A' | 'A' | 'B';
  minus?: StoryQuantity;
  direction: 'higher' | 'lower' | 'about-the-same';
  than?: number;
  within?: number;
  variant?: { b?: Partial<Knobs>; behaviour?: Record<string, number> };
  againstStep?: 'minus' | 'ratio';
}

export interface StoryStep {
  id: string;
  title: Localised;
  text: Localised;
  /** One concrete "try this": what to change or look at, and what to look for. */
  experiment: Localised;
  /** Applied by "Run this experiment" and on arriving at the step; never touches view, step, language or projector mode. */
  settings: Partial<Settings>;
  focus: StoryFocus;
  /** Findings this step illustrates (F1..F14, rows of the traceability table of docs/MODEL.md). */
  findings: string[];
  /** Every claim of `text` and `experiment` about a number or a direction in this step's run. */
  claims: StoryClaim[];
}

/** Every step runs the same seed, so a journey reads the same in every class. */
const SEED = 1;
/** The classroom scenario at its own size: 300 people, three years; five replications take about a second. No scenario values changed. */
const classroom = () => ({ scenario: 'classroom', levers: {}, seed: SEED, replications: 5, agents: 300, weeks: 156 });
/** A fresh policy choice (steps share no objects, so a page that edits one cannot change another). */
const policy = (base: string, knobs: PolicyChoice['knobs'] = {}): PolicyChoice => ({ base, knobs });
/** Weeks in a year, for claims in years. */
const YEAR = 52;

export const STORY_STEPS: readonly StoryStep[] = [
  {
    id: 'introduction',
    title: { en: 'One office, two ways of working', nb: 'Ett kontor, to måter å jobbe på' },
    text: {
      en: 'This is a small simulated employment office with 300 jobseekers, followed week by week for three years. '
        + 'Policy A, “Standardised” in the charts, gives help by category and rights, in short standard measures; policy B, “Personalised”, gives help by need, matched to the person and following a plan. '
        + 'Under both, the office has the same people, advisors, places and jobs. '
        + 'In the next steps we change one part of the policy at a time and follow five invented people: Amina, Grace, Marta, Tomasz and Jonas.',
      nb: 'Dette er et lite, simulert NAV-kontor med 300 arbeidssøkere, fulgt uke for uke i tre år. '
        + 'Politikk A, «Standardisert» i figurene, fordeler hjelpen etter kategori og rettigheter, i korte standardtiltak; politikk B, «Tilpasset», fordeler hjelpen etter behov, tilpasset personen og etter en plan. '
        + 'Under begge har kontoret de samme menneskene, veilederne, tiltaksplassene og jobbene. '
        + 'I stegene som følger, endrer vi én del av politikken om gangen og følger fem oppdiktede personer: Amina, Grace, Marta, Tomasz og Jonas.',
    },
    experiment: {
      en: 'Watch the people move week by week, the dots coloured by group. Compare A and B: where do people spend the first year, and how many are in work at the end? '
        + '(B starts more long courses, so after one year it is only level with A; after three it is clearly ahead.)',
      nb: 'Se personene bevege seg uke for uke; prikkene er farget etter gruppe. Sammenlign A og B: Hvor tilbringer folk det første året, og hvor mange er i arbeid til slutt? '
        + '(B starter flere lange kurs, så etter ett år ligger B bare likt med A; etter tre år ligger B klart foran.)',
    },
    settings: { ...classroom(), a: policy('standardised'), b: policy('personalised') },
    focus: { view: 'agents' },
    findings: [],
    claims: [
      { says: 'B starts more long courses', quantity: { metric: 'longTermServiceShare' }, direction: 'higher' },
      { says: 'after one year B is only level with A', quantity: { metric: 'employedShareByYear', year: 0 }, direction: 'about-the-same', within: 0.015 },
      { says: 'after three years B is clearly ahead (in work at the end)', quantity: { metric: 'employedShare' }, direction: 'higher', than: 0.03 },
    ],
  },
  {
    id: 'information',
    title: { en: 'Finding out what exists', nb: 'Å finne ut hva som finnes' },
    text: {
      en: 'You can only ask for a service you know about (F2). '
        + 'In A people must find out for themselves: on the website, which works only with good digital skills and language (F10), from friends, or by chance. '
        + 'In B the advisor tells them face to face about services that fit: B is A with only the knob “Proactive information” raised from 0.05 to 0.7, so the charts call it “Standardised*”. '
        + 'In the model the weeks spent searching fall by more than half for people with rights, who have an advisor, and far less for people without rights: like Tomasz, they rarely have one under this policy.',
      nb: 'Man kan bare be om et tiltak man vet finnes (F2). '
        + 'I A må folk finne ut av det selv: på nettsiden, som bare fungerer med gode digitale ferdigheter og godt språk (F10), gjennom venner eller ved en tilfeldighet. '
        + 'I B forteller veilederen ansikt til ansikt om tiltak som passer: B er A med bare innstillingen «Oppsøkende informasjon» skrudd opp fra 0,05 til 0,7, derfor heter den «Standardisert*» i figurene. '
        + 'I modellen faller ukene brukt på å lete med mer enn halvparten for folk med rettigheter, som har en veileder, og langt mindre for folk uten rettigheter: som Tomasz har de sjelden en veileder med denne politikken.',
    },
    experiment: {
      en: 'Follow Grace, a nurse educated abroad. Under A and under B, count the weeks she searched for information and found nothing (fewer under B), and look for services she learnt about through the advisor (more under B).',
      nb: 'Følg Grace, en sykepleier utdannet i utlandet. Tell ukene hun lette etter informasjon uten å finne noe, med A og med B (færre med B), og se etter tiltak hun fikk vite om gjennom veilederen (flere med B).',
    },
    settings: { ...classroom(), a: policy('standardised'), b: policy('standardised', { proactiveInformation: 0.7 }) },
    focus: { view: 'journey', persona: 'Grace' },
    findings: ['F2', 'F10'],
    claims: [
      { says: 'people spend fewer weeks searching in B', quantity: { metric: 'weeksSearchingInfoPerPerson' }, direction: 'lower' },
      { says: 'fewer services are found by chance in B', quantity: { metric: 'servicesFoundByChanceShare' }, direction: 'lower' },
      { says: 'the weeks searching fall by more than half for people with rights', quantity: { metric: 'weeksSearchingInfoPerPerson', group: 'withBenefitRights' }, of: 'B/A', direction: 'lower', than: 0.5 },
      { says: '… and far less for people without rights', quantity: { metric: 'weeksSearchingInfoPerPerson', group: 'withoutBenefitRights' }, of: 'B/A', direction: 'higher', than: 0.7 },
      { says: 'Tomasz has no advisor under this policy', quantity: { persona: 'Tomasz', events: 'gotAdvisor' }, of: 'B', direction: 'about-the-same', than: 0, within: 0 },
      { says: 'Grace searches in vain fewer weeks under B', quantity: { persona: 'Grace', events: 'searchedInVain' }, direction: 'lower' },
      { says: 'Grace learns of more services through the advisor under B', quantity: { persona: 'Grace', events: 'foundInformation', where: { channel: 'advisor' } }, direction: 'higher' },
    ],
  },
  {
    id: 'entitlements',
    title: { en: 'Rights decide who gets help', nb: 'Rettigheter avgjør hvem som får hjelp' },
    text: {
      en: 'Economic rights follow the route of arrival (F1): family-reunified, labour and EU/EEA immigrants like Amina, Marta and Tomasz usually have no right to benefits or programmes, only to information and a needs assessment. '
        + 'In A advisor time goes to people with rights first, so the others can wait years for a contact person (F8). '
        + 'In B “Advisor time by need” is switched on: time goes to those who need it most. '
        + 'In the model people without rights then start more services, and people with rights fewer.',
      nb: 'Økonomiske rettigheter henger på oppholdsgrunnlaget (F1): familiegjenforente, arbeidsinnvandrere og EU/EØS-borgere som Amina, Marta og Tomasz har som regel ikke rett til ytelser eller programmer, bare til informasjon og en behovsvurdering. '
        + 'I A går veiledertiden først til dem med rettigheter, så de andre kan vente i årevis på en kontaktperson (F8). '
        + 'I B er «Veiledertid etter behov» slått på: tiden går til dem som trenger den mest. '
        + 'I modellen starter da folk uten rettigheter flere tiltak, og folk med rettigheter færre.',
    },
    experiment: {
      en: 'Follow Amina, who came to join her family and has no rights. In which week does she get a contact person under A (after about two years), and under B (months sooner)? '
        + 'Then follow Grace, a refugee with rights, in the tab Follow one person: under B she waits for her contact person.',
      nb: 'Følg Amina, som kom for å bo med familien sin og ikke har rettigheter. Hvilken uke får hun kontaktperson med A (etter omtrent to år), og med B (måneder tidligere)? '
        + 'Følg så Grace, en flyktning med rettigheter, under fanen Følg én person: Med B må hun vente på kontaktpersonen sin.',
    },
    settings: { ...classroom(), a: policy('standardised'), b: policy('standardised', { priorityByNeed: 1 }) },
    focus: { view: 'journey', persona: 'Amina' },
    findings: ['F1', 'F8'],
    claims: [
      { says: 'people without rights start more services in B', quantity: { metric: 'servicesPerPerson', group: 'withoutBenefitRights' }, direction: 'higher' },
      { says: 'people with rights start fewer services in B', quantity: { metric: 'servicesPerPerson', group: 'withBenefitRights' }, direction: 'lower' },
      { says: 'under A, Amina waits years (about two) for a contact person', quantity: { persona: 'Amina', first: 'gotAdvisor' }, of: 'A', direction: 'higher', than: 1.75 * YEAR },
      { says: '… and not more than about two years and a half', quantity: { persona: 'Amina', first: 'gotAdvisor' }, of: 'A', direction: 'lower', than: 2.5 * YEAR },
      { says: 'under B, Amina gets one months sooner', quantity: { persona: 'Amina', first: 'gotAdvisor' }, direction: 'lower', than: -8 },
      { says: 'under B, Grace (with rights) waits longer for hers', quantity: { persona: 'Grace', first: 'gotAdvisor' }, direction: 'higher', than: 8 },
    ],
  },
  {
    id: 'rejection',
    title: { en: 'Refusals', nb: 'Avslag' },
    text: {
      en: 'Many requests are refused (F3): not entitled, already holds this education (even when it was taken abroad), level judged too high, not a priority group, or no places left. '
        + 'In A the office judges level by category, so an engineer like Tomasz can be refused a course “above” his category. '
        + 'Every refusal lowers a person’s belief in their own ability, and they stop asking for that service (F14). '
        + 'In B only “Level matching” is raised: the office accepts requests, and makes offers, at the person’s own level.',
      nb: 'Mange søknader får avslag (F3): ikke rettighet, har allerede utdanningen (også når den er tatt i utlandet), nivået vurdert for høyt, ikke prioritert gruppe eller ingen ledige plasser. '
        + 'I A vurderer kontoret nivået etter kategori, så en ingeniør som Tomasz kan få nei til et kurs som er «over» kategorien hans. '
        + 'Hvert avslag svekker troen på egen mestring, og personen slutter å spørre om det tiltaket (F14). '
        + 'I B er bare «Tilpasset nivå» skrudd opp: kontoret godtar søknader og gir tilbud på personens eget nivå.',
    },
    experiment: {
      en: 'Compare the reasons for refusal. “Level judged too high” almost disappears in B, but refusals as a whole fall much less: look at “No places left”, where more requests now compete for the same few places.',
      nb: 'Sammenlign grunnene til avslag. «Nivået vurdert for høyt» forsvinner nesten i B, men avslagene totalt faller mye mindre: Se på «Ingen ledige plasser», der flere søknader nå konkurrerer om de samme få plassene.',
    },
    settings: { ...classroom(), a: policy('standardised'), b: policy('standardised', { levelMatching: 0.9 }) },
    focus: { view: 'compare', chart: 'rejections' },
    findings: ['F3', 'F14'],
    claims: [
      { says: '“level judged too high” almost disappears in B', quantity: { refusals: 'level' }, of: 'B/A', direction: 'lower', than: 0.25 },
      { says: '“no places left” grows in B', quantity: { refusals: 'noCapacity' }, direction: 'higher' },
      { says: 'refusals as a whole fall in B', quantity: { metric: 'rejectionsPerPerson' }, direction: 'lower' },
      { says: '… but much less than “level judged too high” alone', quantity: { metric: 'rejectionsPerPerson' }, minus: { refusals: 'level' }, direction: 'higher' },
    ],
  },
  {
    id: 'mismatch',
    title: { en: 'The wrong level', nb: 'Feil nivå' },
    text: {
      en: 'In A the office sees a category, not a person: immigrants are assessed at basic level, so an engineer may get a job-search course for people who can hardly use a computer (F5). '
        + 'In B the advisor explores what the person knows and wants (“Exploring needs”) and offers services at that level (“Level matching”). '
        + 'Nearly all services are still short (F4): long plans are another knob. '
        + 'Many who find work still get jobs below their qualifications, about as many in B as in A: that comes from the labour market, not the office (F9).',
      nb: 'I A ser kontoret en kategori, ikke en person: innvandrere vurderes på grunnleggende nivå, så en ingeniør kan få et jobbsøkerkurs for folk som knapt kan bruke en datamaskin (F5). '
        + 'I B utforsker veilederen hva personen kan og vil («Utforskende kartlegging»), og gir tiltak på det nivået («Tilpasset nivå»). '
        + 'Nesten alle tiltak er fortsatt korte (F4): langsiktige planer er en annen innstilling. '
        + 'Mange som får arbeid, får likevel jobber under sine kvalifikasjoner, omtrent like mange i B som i A: det kommer av arbeidsmarkedet, ikke av kontoret (F9).',
    },
    experiment: {
      en: 'Compare the hatched parts of the bars (services at a level that does not fit) in A and B: in B they almost vanish. '
        + 'Then set “Exploring needs” in B back to 0.1 and run again: the office still matches levels, but to the category it assumes. How much of the mismatch comes back?',
      nb: 'Sammenlign de skraverte delene av stolpene (tiltak på et nivå som ikke passer) i A og B: I B forsvinner de nesten. '
        + 'Sett så «Utforskende kartlegging» i B tilbake til 0,1 og kjør igjen: Kontoret tilpasser fortsatt nivået, men til kategorien det antar. Hvor mye av feiltilpasningen kommer tilbake?',
    },
    settings: { ...classroom(), a: policy('standardised'), b: policy('standardised', { exploration: 0.9, levelMatching: 0.9 }) },
    focus: { view: 'compare', chart: 'services' },
    findings: ['F4', 'F5', 'F9'],
    claims: [
      { says: 'services at a level that does not fit almost vanish in B', quantity: { metric: 'mismatchedServiceShare' }, of: 'B/A', direction: 'lower', than: 0.25 },
      { says: 'with “Exploring needs” back at 0.1, part of the mismatch comes back', quantity: { metric: 'mismatchedServiceShare' }, of: 'B', variant: { b: { exploration: 0.1 } }, againstStep: 'minus', direction: 'higher' },
      { says: '… but not all of it', quantity: { metric: 'mismatchedServiceShare' }, variant: { b: { exploration: 0.1 } }, direction: 'lower' },
      { says: 'nearly all services are still short in A', quantity: { metric: 'longTermServiceShare' }, of: 'A', direction: 'lower', than: 0.1 },
      { says: 'nearly all services are still short in B', quantity: { metric: 'longTermServiceShare' }, of: 'B', direction: 'lower', than: 0.1 },
      { says: 'many who find work get jobs below their qualifications', quantity: { metric: 'overqualifiedShare' }, of: 'A', direction: 'higher', than: 0.2 },
      { says: '… about as many in B as in A', quantity: { metric: 'overqualifiedShare' }, direction: 'about-the-same', within: 0.05 },
    ],
  },
  {
    id: 'relationships',
    title: { en: 'The same helper over time', nb: 'Samme hjelper over tid' },
    text: {
      en: 'Jonas is 23, has anxiety, no work experience and a problem he does not talk about (F12). '
        + 'This scenario is about young people like him. '
        + 'In A his advisor changes often and missed meetings are rarely followed up; in B he keeps the same advisor, who follows up when he does not come and explores with him (F11). '
        + 'Trust grows with each meeting with the same person, and with trust, hidden problems come out sooner, so that help can fit.',
      nb: 'Jonas er 23 år, har angst, ingen arbeidserfaring og et problem han ikke snakker om (F12). '
        + 'Dette scenariet handler om unge som ham. '
        + 'I A bytter han ofte veileder, og møter han ikke kommer til, blir sjelden fulgt opp; i B beholder han samme veileder, som følger ham opp når han ikke kommer, og utforsker sammen med ham (F11). '
        + 'Tilliten vokser for hvert møte med den samme personen, og med tillit kommer skjulte problemer tidligere fram, slik at hjelpen kan passe.',
    },
    experiment: {
      en: 'Read Jonas’s journey under A and B: how often does he miss a meeting (far less often under B), and in which week does he tell about his hidden problem? '
        + 'Then look at “Meetings attended” in the Compare tab (a missed meeting that the advisor follows up counts as attended).',
      nb: 'Les Jonas’ forløp med A og B: Hvor ofte uteblir han fra et møte (langt sjeldnere med B), og hvilken uke forteller han om det skjulte problemet? '
        + 'Se så på «Møter gjennomført» under fanen Sammenlign (et møte som veilederen følger opp etter at han uteble, telles som gjennomført).',
    },
    settings: {
      scenario: 'vulnerable-youth', levers: {}, seed: SEED, replications: 5, agents: 300, weeks: 260,
      a: policy('rotating-advisors'), b: policy('same-advisor'),
    },
    focus: { view: 'journey', persona: 'Jonas' },
    findings: ['F11', 'F12'],
    claims: [
      { says: 'the same advisor with follow-up raises meetings attended (by more than 20 points)', quantity: { metric: 'attendanceRate' }, direction: 'higher', than: 0.2 },
      { says: 'Jonas misses meetings far less often under B', quantity: { persona: 'Jonas', events: 'noShow' }, of: 'B/A', direction: 'lower', than: 0.5 },
      { says: 'Jonas tells about his hidden problem under both', quantity: { persona: 'Jonas', first: 'disclosedBarrier' }, of: 'A', direction: 'lower', than: 260 },
      { says: 'with trust, his hidden problem comes out sooner under B', quantity: { persona: 'Jonas', first: 'disclosedBarrier' }, direction: 'lower' },
    ],
  },
  {
    id: 'peers',
    title: { en: 'Peers', nb: 'Likepersoner' },
    text: {
      en: 'Peers matter (F13): friends pass on what they know about services, and a supported work group gives belonging and a push to show up. '
        + 'There is no policy knob for peers: the work group is part of the list of services, and it has few places. '
        + 'Here B offers planned, fitting services (“Matched offers”, “Long-term planning”), which sends more people to the work group, but also to other long services. '
        + 'In the model most of the rise in meetings attended by young people comes from the peers in the work group, but not all of it.',
      nb: 'Likepersoner betyr noe (F13): venner forteller hverandre om tiltak, og en arbeidsgruppe med oppfølging gir tilhørighet og et puff til å møte opp. '
        + 'Det finnes ingen innstilling for likepersoner: arbeidsgruppen er en del av tiltakslisten, og den har få plasser. '
        + 'Her gir B planlagte tiltak som passer («Tilpassede tilbud», «Langsiktig planlegging»), og da kommer flere inn i arbeidsgruppen, men også i andre lange tiltak. '
        + 'I modellen skyldes det meste av økningen i gjennomførte møter blant de unge likepersonene i arbeidsgruppen, men ikke alt.',
    },
    experiment: {
      en: 'Find “Supported work group with peers” in the chart: more people start it under B, and more start other long services too (“Vocational training”, “Route to formal education”). '
        + 'Then follow Jonas in the tab Follow one person: under B he hears of the work group from his advisor but, with so few places, never gets in; he still misses fewer meetings than under A.',
      nb: 'Finn «Arbeidsgruppe med likepersoner og oppfølging» i figuren: Flere starter i den med B, og flere starter også i andre lange tiltak («Yrkesopplæring», «Vei til formell utdanning»). '
        + 'Følg så Jonas under fanen Følg én person: Med B hører han om arbeidsgruppen fra veilederen, men med så få plasser kommer han aldri inn; han uteblir likevel sjeldnere fra møter enn med A.',
    },
    settings: { ...classroom(), a: policy('standardised'), b: policy('standardised', { matchedOffers: 0.9, longTermPlanning: 0.7 }) },
    focus: { view: 'compare', chart: 'services' },
    findings: ['F13'],
    claims: [
      { says: 'more people start the work group in B', quantity: { starts: 'workGroup' }, direction: 'higher' },
      { says: '… and more start vocational training', quantity: { starts: 'vocationalTraining' }, direction: 'higher' },
      { says: '… and formal education', quantity: { starts: 'formalEducation' }, direction: 'higher' },
      { says: 'young people attend more meetings in B', quantity: { metric: 'attendanceRate', group: 'youth' }, direction: 'higher' },
      { says: 'without the peers’ push, part of the rise stays (not all of it is the peers’)', quantity: { metric: 'attendanceRate', group: 'youth' }, variant: { behaviour: { attendancePressure: 0, peerSupport: 0 } }, direction: 'higher' },
      { says: 'most of the rise is the peers’: without them less than half of it stays', quantity: { metric: 'attendanceRate', group: 'youth' }, variant: { behaviour: { attendancePressure: 0, peerSupport: 0 } }, againstStep: 'ratio', direction: 'lower', than: 0.5 },
      { says: 'under B, Jonas hears of the work group from his advisor', quantity: { persona: 'Jonas', events: 'foundInformation', where: { service: 'workGroup', channel: 'advisor' } }, of: 'B', direction: 'higher', than: 0 },
      { says: '… but never gets in', quantity: { persona: 'Jonas', events: 'started', where: { service: 'workGroup' } }, of: 'B', direction: 'about-the-same', than: 0, within: 0 },
      { says: 'Jonas misses fewer meetings under B than under A', quantity: { persona: 'Jonas', events: 'noShow' }, direction: 'lower' },
    ],
  },
  {
    id: 'closing',
    title: { en: 'What counts as success, and what this model is', nb: 'Hva som teller som suksess, og hva modellen er' },
    text: {
      en: 'When the office counts activity as success (A), any measure is a good result, fitting or not, and people are pushed to take any job sooner, often one below their level (F7). '
        + 'B changes three knobs: “Activity target” (success is lasting work that fits), “Pressure to take any job” and “Offers of measures”. '
        + 'Remember what the model is: it illustrates mechanisms and tests hypotheses; it does not predict what will happen to real people, and it holds no personal data. '
        + 'Its groups are settings of a scenario, not traits of a people, and the five people you followed are invented.',
      nb: 'Når kontoret regner aktivitet som suksess (A), er ethvert tiltak et godt resultat, enten det passer eller ikke, og folk presses til å ta en hvilken som helst jobb tidligere, ofte under sitt eget nivå (F7). '
        + 'B endrer tre innstillinger: «Aktivitetsmål» (suksess er varig arbeid som passer), «Press for å ta enhver jobb» og «Tilbud om tiltak». '
        + 'Husk hva modellen er: Den illustrerer mekanismer og tester hypoteser; den forutsier ikke hva som vil skje med virkelige personer, og den inneholder ingen personopplysninger. '
        + 'Gruppene er innstillinger i et scenario, ikke egenskaper ved et folk, og de fem personene du har fulgt, er oppdiktet.',
    },
    experiment: {
      en: 'Compare the share in a measure (dashed) with the share in work (solid): both count about the same activity, yet under A people find a first job sooner and spend more weeks in work. '
        + 'Set one of the three knobs in B back to A’s value and run again: which part does what?',
      nb: 'Sammenlign andelen i tiltak (stiplet) med andelen i arbeid (heltrukket): Begge teller omtrent like mye aktivitet, men med A får folk første jobb tidligere og er flere uker i arbeid. '
        + 'Sett én av de tre innstillingene i B tilbake til verdien i A og kjør igjen: Hvilken del gjør hva?',
    },
    // activityTarget alone no longer carries the step: since the core split it, acceptPressure and offerRate change too (to personalised's values)
    settings: { ...classroom(), a: policy('standardised'), b: policy('standardised', { activityTarget: 0, acceptPressure: 0, offerRate: 0.6 }) },
    focus: { view: 'compare', chart: 'gap' },
    findings: ['F7'],
    claims: [
      // within half a percentage point: what the gap chart's own sentence calls "about the same activity"
      { says: 'both policies count about the same activity', quantity: { metric: 'participationRate' }, direction: 'about-the-same', within: 0.005 },
      { says: 'under A people find a first job sooner', quantity: { metric: 'medianWeeksToFirstJob' }, direction: 'higher' },
      { says: 'under A people spend more weeks in work (by at least half a percentage point, as the chart writes it)', quantity: { metric: 'employedWeeksShare' }, direction: 'lower', than: -0.005 },
      { says: 'under A any measure is a good result, fitting or not: more services are at a level that does not fit', quantity: { metric: 'mismatchedServiceShare' }, direction: 'lower' },
      { says: 'often a job below their level (A)', quantity: { metric: 'overqualifiedShare' }, of: 'A', direction: 'higher', than: 0.2 },
    ],
  },
];

/** A step's words in one language. */
export function stepText(step: StoryStep, lang: Lang): { title: string; text: string; experiment: string } {
  return { title: step.title[lang], text: step.text[lang], experiment: step.experiment[lang] };
}
