/**
 * Story mode for teaching: the steps, one mechanism at a time. Each step names
 * the findings it illustrates (F1..F14, the traceability table of
 * docs/MODEL.md), the settings that isolate the mechanism, and what part of
 * the page to show. Every claim in a text was measured with these exact
 * settings; test/viz/story.test.ts re-checks the direction of the key ones
 * against the model.
 */
import type { ChartId } from './charts/index.ts';
import type { Lang } from './i18n.ts';
import type { PolicyChoice, Settings } from './settings.ts';

/** A text in every interface language. */
export type Localised = Record<Lang, string>;

export type StoryChart = ChartId;

/** The part of the page a step shows next to its text. */
export type StoryFocus =
  | { view: 'compare'; chart: StoryChart }
  | { view: 'agents' }
  | { view: 'journey'; persona: string };

export interface StoryStep {
  id: string;
  title: Localised;
  text: Localised;
  /** One concrete "try this": what to change or look at, and what to look for. */
  experiment: Localised;
  /** Applied by "Run this experiment"; never touches view, step, language or projector mode. */
  settings: Partial<Settings>;
  focus: StoryFocus;
  /** Findings this step illustrates (F1..F14, rows of the traceability table of docs/MODEL.md). */
  findings: string[];
}

/** Every step runs the same seed, so a journey reads the same in every class. */
const SEED = 1;
/** The classroom scenario at its own size: 300 people, three years; five replications take about a second. */
const CLASSROOM = { scenario: 'classroom', seed: SEED, replications: 5, agents: 300, weeks: 156 } as const;
/** A fresh policy choice (steps share no objects, so a page that edits one cannot change another). */
const policy = (base: string, knobs: PolicyChoice['knobs'] = {}): PolicyChoice => ({ base, knobs });

export const STORY_STEPS: readonly StoryStep[] = [
  {
    id: 'introduction',
    title: { en: 'One office, two ways of working', nb: 'Ett kontor, to måter å jobbe på' },
    text: {
      en: 'This is a small simulated employment office with 300 jobseekers, followed week by week for three years. '
        + 'Policy A (blue) is standardised: help goes by category and rights, in short standard measures. '
        + 'Policy B (orange) is personalised: help goes by need, is matched to the person and follows a plan. '
        + 'Under both, the office has the same people, advisors, places and jobs. '
        + 'In the next steps we change one part of the policy at a time and follow five invented people: Amina, Grace, Marta, Tomasz and Jonas.',
      nb: 'Dette er et lite, simulert NAV-kontor med 300 arbeidssøkere, fulgt uke for uke i tre år. '
        + 'Politikk A (blå) er standardisert: hjelpen fordeles etter kategori og rettigheter, i korte standardtiltak. '
        + 'Politikk B (oransje) er individuelt tilpasset: hjelpen fordeles etter behov, tilpasses personen og følger en plan. '
        + 'Under begge har kontoret de samme menneskene, veilederne, tiltaksplassene og jobbene. '
        + 'I stegene som følger, endrer vi én del av politikken om gangen og følger fem oppdiktede personer: Amina, Grace, Marta, Tomasz og Jonas.',
    },
    experiment: {
      en: 'Run it and watch the people move week by week. Compare A and B: where do people spend the first year, and how many are in work at the end? '
        + '(B starts more long courses, so it is usually behind after one year and ahead after three.)',
      nb: 'Kjør eksperimentet og se personene bevege seg uke for uke. Sammenlign A og B: Hvor tilbringer folk det første året, og hvor mange er i arbeid til slutt? '
        + '(B starter flere lange kurs, så B ligger som regel bak etter ett år og foran etter tre.)',
    },
    settings: { ...CLASSROOM, a: policy('standardised'), b: policy('personalised') },
    focus: { view: 'agents' },
    findings: [],
  },
  {
    id: 'information',
    title: { en: 'Finding out what exists', nb: 'Å finne ut hva som finnes' },
    text: {
      en: 'You can only ask for a service you know about (F2). '
        + 'In A people must find out for themselves: on the website, which works only with good digital skills and language (F10), from friends, or by chance. '
        + 'In B the advisor tells them face to face about services that fit; only the knob “Proactive information” differs (0.05 in A, 0.7 in B). '
        + 'In the model people spend fewer weeks searching in B, but mostly those who have an advisor: people without rights, like Tomasz, rarely have one under this policy.',
      nb: 'Man kan bare be om et tiltak man vet finnes (F2). '
        + 'I A må folk finne ut av det selv: på nettsiden, som bare fungerer med gode digitale ferdigheter og godt språk (F10), gjennom venner eller ved en tilfeldighet. '
        + 'I B forteller veilederen ansikt til ansikt om tiltak som passer; bare innstillingen «Oppsøkende informasjon» er ulik (0,05 i A, 0,7 i B). '
        + 'I modellen bruker folk færre uker på å lete i B, men mest de som har en veileder: folk uten rettigheter, som Tomasz, har sjelden det med denne politikken.',
    },
    experiment: {
      en: 'Run it and follow Grace, a nurse educated abroad. Under A and under B, count the weeks she searched for information and found nothing, and look for services she learnt about through the advisor.',
      nb: 'Kjør eksperimentet og følg Grace, en sykepleier utdannet i utlandet. Tell ukene hun lette etter informasjon uten å finne noe, med A og med B, og se etter tiltak hun fikk vite om gjennom veilederen.',
    },
    settings: { ...CLASSROOM, a: policy('standardised'), b: policy('standardised', { proactiveInformation: 0.7 }) },
    focus: { view: 'journey', persona: 'Grace' },
    findings: ['F2', 'F10'],
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
      en: 'Run it and follow Tomasz, an EU citizen and engineer with no rights. In which week does he get a contact person under A, and under B, if at all? What happens at his meetings once he has one?',
      nb: 'Kjør eksperimentet og følg Tomasz, EU-borger og ingeniør uten rettigheter. Hvilken uke får han kontaktperson med A, og med B, om han får det i det hele tatt? Hva skjer i møtene når han først har en?',
    },
    settings: { ...CLASSROOM, a: policy('standardised'), b: policy('standardised', { priorityByNeed: 1 }) },
    focus: { view: 'journey', persona: 'Tomasz' },
    findings: ['F1', 'F8'],
  },
  {
    id: 'rejection',
    title: { en: 'Refusals', nb: 'Avslag' },
    text: {
      en: 'Many requests are refused (F3): not entitled, already holds this education (even when it was taken abroad), level judged too high, not a priority group, or no places left. '
        + 'In A the office judges level by category, so Tomasz, an engineer, can be refused a course “above” his category. '
        + 'Every refusal lowers a person’s belief in their own ability, and they stop asking for that service (F14). '
        + 'In B only “Level matching” is raised: the office accepts requests, and makes offers, at the person’s own level.',
      nb: 'Mange søknader får avslag (F3): ikke rettighet, har allerede utdanningen (også når den er tatt i utlandet), nivået vurdert for høyt, ikke prioritert gruppe eller ingen ledige plasser. '
        + 'I A vurderer kontoret nivået etter kategori, så ingeniøren Tomasz kan få nei til et kurs som er «over» kategorien hans. '
        + 'Hvert avslag svekker troen på egen mestring, og personen slutter å spørre om det tiltaket (F14). '
        + 'I B er bare «Tilpasset nivå» skrudd opp: kontoret godtar søknader og gir tilbud på personens eget nivå.',
    },
    experiment: {
      en: 'Run it and compare the reasons for refusal. “Level judged too high” almost disappears in B, but do refusals as a whole fall as much? Look at “No places left”: more requests now compete for the same few places.',
      nb: 'Kjør eksperimentet og sammenlign grunnene til avslag. «Nivået vurdert for høyt» forsvinner nesten i B, men faller avslagene totalt like mye? Se på «Ingen ledige plasser»: flere søknader konkurrerer nå om de samme få plassene.',
    },
    settings: { ...CLASSROOM, a: policy('standardised'), b: policy('standardised', { levelMatching: 0.9 }) },
    focus: { view: 'compare', chart: 'rejections' },
    findings: ['F3', 'F14'],
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
      en: 'Run it and compare the hatched parts of the bars (services at a level that does not fit) in A and B. '
        + 'Then set “Exploring needs” in B back to 0.1 and run again: the office still matches levels, but to the category it assumes. How much of the mismatch comes back?',
      nb: 'Kjør eksperimentet og sammenlign de skraverte delene av stolpene (tiltak på et nivå som ikke passer) i A og B. '
        + 'Sett så «Utforskende kartlegging» i B tilbake til 0,1 og kjør igjen: Kontoret tilpasser fortsatt nivået, men til kategorien det antar. Hvor mye av feiltilpasningen kommer tilbake?',
    },
    settings: { ...CLASSROOM, a: policy('standardised'), b: policy('standardised', { exploration: 0.9, levelMatching: 0.9 }) },
    focus: { view: 'compare', chart: 'services' },
    findings: ['F4', 'F5', 'F9'],
  },
  {
    id: 'relationships',
    title: { en: 'The same helper over time', nb: 'Samme hjelper over tid' },
    text: {
      en: 'Jonas is 23, has anxiety, no work experience and a problem he does not talk about (F12). '
        + 'This scenario is about young people like him. '
        + 'In A his advisor changes often and missed meetings are rarely followed up; in B he keeps the same advisor, who follows up when he does not come and explores with him (F11). '
        + 'Trust grows with each meeting with the same person, and with trust, hidden problems come out so that help can fit.',
      nb: 'Jonas er 23 år, har angst, ingen arbeidserfaring og et problem han ikke snakker om (F12). '
        + 'Dette scenariet handler om unge som ham. '
        + 'I A bytter han ofte veileder, og møter han ikke kommer til, blir sjelden fulgt opp; i B beholder han samme veileder, som følger ham opp når han ikke kommer, og utforsker sammen med ham (F11). '
        + 'Tilliten vokser for hvert møte med den samme personen, og med tillit kommer skjulte problemer fram, slik at hjelpen kan passe.',
    },
    experiment: {
      en: 'Run it and read Jonas’s journey under A and B: how often does he miss a meeting, and does he ever tell about his hidden problem? '
        + 'Then look at “Meetings attended” in the Compare tab (a missed meeting that the advisor follows up counts as attended).',
      nb: 'Kjør eksperimentet og les Jonas’ forløp med A og B: Hvor ofte uteblir han fra et møte, og forteller han noen gang om det skjulte problemet? '
        + 'Se så på «Møter gjennomført» under fanen Sammenlign (et møte som veilederen følger opp etter at han uteble, telles som gjennomført).',
    },
    settings: {
      scenario: 'vulnerable-youth', seed: SEED, replications: 5, agents: 300, weeks: 260,
      a: policy('rotating-advisors'), b: policy('same-advisor'),
    },
    focus: { view: 'journey', persona: 'Jonas' },
    findings: ['F11', 'F12'],
  },
  {
    id: 'peers',
    title: { en: 'Peers', nb: 'Likepersoner' },
    text: {
      en: 'Peers matter (F13): friends pass on what they know about services, and a supported work group gives belonging and a push to show up. '
        + 'There is no policy knob for peers: the work group is part of the list of services, and it has few places. '
        + 'Here B offers planned, fitting services (“Matched offers”, “Long-term planning”), which sends more young people to the work group, but also to other long services. '
        + 'In the model most of the rise in meetings attended by young people comes from the peers in the work group, but not all of it.',
      nb: 'Likepersoner betyr noe (F13): venner forteller hverandre om tiltak, og en arbeidsgruppe med oppfølging gir tilhørighet og et puff til å møte opp. '
        + 'Det finnes ingen innstilling for likepersoner: arbeidsgruppen er en del av tiltakslisten, og den har få plasser. '
        + 'Her gir B planlagte tiltak som passer («Tilpassede tilbud», «Langsiktig planlegging»), og da kommer flere unge inn i arbeidsgruppen, men også i andre lange tiltak. '
        + 'I modellen skyldes det meste av økningen i gjennomførte møter blant de unge likepersonene i arbeidsgruppen, men ikke alt.',
    },
    experiment: {
      en: 'Run it and follow Jonas under B: does he get a place in the supported work group, and does he miss fewer meetings while he is in it? Compare with A, where he is offered short standard measures.',
      nb: 'Kjør eksperimentet og følg Jonas med B: Får han plass i arbeidsgruppen, og uteblir han sjeldnere fra møter mens han er der? Sammenlign med A, der han får tilbud om korte standardtiltak.',
    },
    settings: { ...CLASSROOM, a: policy('standardised'), b: policy('standardised', { matchedOffers: 0.9, longTermPlanning: 0.7 }) },
    focus: { view: 'journey', persona: 'Jonas' },
    findings: ['F13'],
  },
  {
    id: 'closing',
    title: { en: 'What counts as success, and what this model is', nb: 'Hva som teller som suksess, og hva modellen er' },
    text: {
      en: 'When the office counts activity as success (A), any measure is a good result, and people are pushed to take any job sooner, often one below their level (F7). '
        + 'The model keeps three knobs apart here, and B changes all three: “Activity target” (success is progress to lasting work that fits), “Pressure to take any job” and “Offers of measures”. '
        + 'Remember what the model is: it illustrates mechanisms and tests hypotheses; it does not predict what will happen to real people, and it holds no personal data. '
        + 'Its groups are settings of a scenario, not traits of a people, and the five people you followed are invented.',
      nb: 'Når kontoret regner aktivitet som suksess (A), er ethvert tiltak et godt resultat, og folk presses til å ta en hvilken som helst jobb tidligere, ofte under sitt eget nivå (F7). '
        + 'Modellen holder tre innstillinger fra hverandre her, og B endrer alle tre: «Aktivitetsmål» (suksess er vei mot varig arbeid som passer), «Press for å ta enhver jobb» og «Tilbud om tiltak». '
        + 'Husk hva modellen er: Den illustrerer mekanismer og tester hypoteser; den forutsier ikke hva som vil skje med virkelige personer, og den inneholder ingen personopplysninger. '
        + 'Gruppene er innstillinger i et scenario, ikke egenskaper ved et folk, og de fem personene du har fulgt, er oppdiktet.',
    },
    experiment: {
      en: 'Run it and compare, week by week, the share in a measure with the share in work. A keeps more people busy in measures: are more of them in work at the end? '
        + 'In the Compare tab, set “Activity counted” against “In work at the end”. '
        + 'Then set one of the three knobs in B back to A’s value and run again: which part does what?',
      nb: 'Kjør eksperimentet og sammenlign, uke for uke, andelen i tiltak med andelen i arbeid. A holder flere i aktivitet – er flere av dem i arbeid til slutt? '
        + 'Under fanen Sammenlign kan du holde «Aktivitet som telles» opp mot «I arbeid ved slutten». '
        + 'Sett så én av de tre innstillingene i B tilbake til verdien i A og kjør igjen: Hvilken del gjør hva?',
    },
    // activityTarget alone no longer carries the step: since the core split it, acceptPressure and offerRate change too (to personalised's values)
    settings: { ...CLASSROOM, a: policy('standardised'), b: policy('standardised', { activityTarget: 0, acceptPressure: 0, offerRate: 0.6 }) },
    focus: { view: 'compare', chart: 'gap' },
    findings: ['F7'],
  },
];

/** A step's words in one language. */
export function stepText(step: StoryStep, lang: Lang): { title: string; text: string; experiment: string } {
  return { title: step.title[lang], text: step.text[lang], experiment: step.experiment[lang] };
}
