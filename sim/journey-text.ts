/**
 * Sentences of journey events (sim/events.ts), in English (`en`) and Norwegian
 * bokmål (`nb`). The one place that turns an event into words: the CLI, the
 * events table's `text` column, the page and the notebooks all call it, and
 * no code reads a sentence back (test/unit/journey-text.test.ts checks).
 * Browser-safe.
 */
import type { EntitlementName, Route } from './constants.ts';
import type { ChannelName, EventKind, EventOf, JourneyEvent, LeftState, LevelName, QualificationName, ReasonName } from './events.ts';

export const LANGS = ['en', 'nb'] as const;
export type Lang = (typeof LANGS)[number];

/** What a sentence needs of a scenario: its services' ids and labels. A Scenario is one; so is the page's PageData.meta. */
export interface ServiceLabels { services: readonly { id: string; label?: string }[] }

/** Economic rights as people read them (sim/constants ENTITLEMENT_NAMES); the type asks for every right in each language. */
export const ENTITLEMENT_TEXT: Record<Lang, Record<EntitlementName, string>> = {
  en: {
    unemploymentBenefit: 'unemployment benefit', workAssessmentAllowance: 'work assessment allowance', socialAssistance: 'social assistance',
    introductionProgramme: 'introduction programme', qualificationProgramme: 'qualification programme',
  },
  nb: {
    unemploymentBenefit: 'dagpenger', workAssessmentAllowance: 'arbeidsavklaringspenger', socialAssistance: 'økonomisk sosialhjelp',
    introductionProgramme: 'introduksjonsprogrammet', qualificationProgramme: 'kvalifiseringsprogrammet',
  },
};

/** A route of arrival as a refusal names it ("not entitled as a refugee"). */
export const ROUTE_TEXT: Record<Lang, Record<Route, string>> = {
  en: {
    native: 'a native jobseeker', refugee: 'a refugee', familyReunified: 'a family-reunified immigrant',
    labourImmigrant: 'a labour immigrant', euEea: 'an EU/EEA citizen', youth: 'a young person',
  },
  nb: {
    native: 'innfødt arbeidssøker', refugee: 'flyktning', familyReunified: 'familiegjenforent innvandrer',
    labourImmigrant: 'arbeidsinnvandrer', euEea: 'EU/EØS-borger', youth: 'ung person',
  },
};

/** How a person learnt of a service (sim/constants CHANNEL_NAMES), after "learnt about X". */
const CHANNEL_TEXT: Record<Lang, Record<ChannelName, string>> = {
  en: { advisor: 'through the advisor', website: 'through the website', peers: 'through a friend', NGO: 'through an NGO', chance: 'through chance' },
  nb: { advisor: 'fra veilederen', website: 'på nettsiden', peers: 'gjennom en venn', NGO: 'gjennom en frivillig organisasjon', chance: 'ved en tilfeldighet' },
};

/** Levels (sim/constants LEVEL_NAMES) before "level"/"nivå". */
export const LEVEL_TEXT: Record<Lang, Record<LevelName, string>> = {
  en: { basic: 'basic', intermediate: 'intermediate', advanced: 'advanced' },
  nb: { basic: 'grunnleggende', intermediate: 'middels', advanced: 'høyt' },
};

/** What completing a service gave, after "completed X". */
const QUALIFICATION_TEXT: Record<Lang, Record<QualificationName, string>> = {
  en: { none: '', certificate: ' and got a certificate', formal: ' and got a formal qualification', recognition: ' and got their qualification recognised' },
  nb: { none: '', certificate: ' og fikk et kursbevis', formal: ' og fikk en formell kvalifikasjon', recognition: ' og fikk kvalifikasjonene sine godkjent' },
};

const LEFT_TEXT: Record<Lang, Record<LeftState, string>> = {
  en: { healthBenefit: 'left the register for a health-related benefit', education: 'left the register to go back to education', movedAway: 'moved away' },
  nb: { healthBenefit: 'forlot registeret for en helserelatert ytelse', education: 'forlot registeret for å gå tilbake til utdanning', movedAway: 'flyttet fra området' },
};

/** Plain-language reason for a refusal (sim/constants REASON_NAMES), naming the person's route where it matters. */
export function reasonText(reason: ReasonName, route: Route, lang: Lang): string {
  const nb = lang === 'nb';
  switch (reason) {
    case 'notEntitled': return nb ? `ikke rett til det som ${ROUTE_TEXT.nb[route]}` : `not entitled as ${ROUTE_TEXT.en[route]}`;
    case 'noCapacity': return nb ? 'ingen ledige plasser denne måneden' : 'no places left this month';
    case 'notPriorityGroup': return nb
      ? 'ikke en prioritert gruppe (ingen økonomiske rettigheter), og plassene gikk til dem med rettigheter'
      : 'not a priority group (no economic rights), and the places went to those with rights';
    case 'alreadyHoldsEducation': return nb
      ? 'har allerede denne utdanningen på papiret (fra utlandet, ikke godkjent)'
      : 'already holds this education on paper (from abroad, not recognised)';
    case 'noBudget': return nb ? 'kontorets budsjett for denne måneden er brukt opp' : 'the office’s budget for this month is spent';
    case 'level': return nb ? 'kontoret vurderte nivået som for høyt for personens kategori' : 'the office judged the level too high for the person’s category';
  }
}

/** The rights a person registered with, as a phrase: "with a right to unemployment benefit" (or none but information and an assessment). */
export function rightsText(rights: readonly EntitlementName[], lang: Lang): string {
  const names = rights.map((r) => ENTITLEMENT_TEXT[lang][r]).join(', ');
  if (lang === 'nb') return rights.length ? `med rett til ${names}` : 'uten økonomiske rettigheter, bare med rett til informasjon og behovsvurdering';
  return rights.length ? `with a right to ${names}` : 'with no economic rights, only the right to information and a needs assessment';
}

/** One sentence per kind and language: `label` is the service's label for events that name a service. The type asks for every kind. */
type Sentences = { [K in EventKind]: (e: EventOf<K>, label: string) => string };

const EN: Sentences = {
  registered: (e) => `registered as a jobseeker, ${rightsText(e.rights, 'en')}`,
  foundInformation: (e, l) => `learnt about ${l} ${CHANNEL_TEXT.en[e.channel]}`,
  searchedInVain: () => 'spent the week searching for information, found nothing that fits',
  gotAdvisor: (e) => `got a contact person (advisor ${e.advisor})`,
  advisorChanged: (e) => `contact person changed to advisor ${e.advisor}; trust fell`,
  metAdvisor: (e) => (e.explored ? 'met the advisor, who asked what they want and are good at' : 'met the advisor for a short, standard meeting'),
  noShow: () => 'did not show up for a meeting',
  followUp: () => 'the advisor followed up the missed meeting, and they met after all',
  disclosedBarrier: () => 'trusted the advisor enough to tell about a hidden problem',
  offered: (e, l) => `was offered ${l} at ${LEVEL_TEXT.en[e.level]} level`,
  applied: (e, l) => `applied for ${l} at ${LEVEL_TEXT.en[e.level]} level, accepted`,
  rejected: (e, l) => `applied for ${l}, rejected: ${reasonText(e.reason, e.route, 'en')}`,
  started: (e, l) => `started ${l}${e.fit ? '' : ', at a level that does not fit'}`,
  completed: (e, l) => `completed ${l}${QUALIFICATION_TEXT.en[e.qualification]}`,
  droppedOut: (_e, l) => `dropped out of ${l}`,
  hired: (e) => `got a job at ${LEVEL_TEXT.en[e.level]} level${e.overqualified ? ', below their qualifications' : ''}`,
  lostJob: () => 'lost the job',
  discouraged: () => 'gave up searching for a while',
  resumed: () => 'started searching again',
  entitled: (e) => `earned a right to ${ENTITLEMENT_TEXT.en[e.entitlement]}`,
  referred: (e) => `the advisor referred them to a vacancy at ${LEVEL_TEXT.en[e.level]} level${e.overqualified ? ', below their qualifications' : ''}`,
  left: (e) => LEFT_TEXT.en[e.state],
};

const NB: Sentences = {
  registered: (e) => `registrerte seg som arbeidssøker, ${rightsText(e.rights, 'nb')}`,
  foundInformation: (e, l) => `fikk vite om ${l} ${CHANNEL_TEXT.nb[e.channel]}`,
  searchedInVain: () => 'brukte uka på å lete etter informasjon, fant ikke noe som passet',
  gotAdvisor: (e) => `fikk en kontaktperson (veileder ${e.advisor})`,
  advisorChanged: (e) => `kontaktpersonen ble byttet til veileder ${e.advisor}; tilliten sank`,
  metAdvisor: (e) => (e.explored ? 'møtte veilederen, som spurte hva personen selv ønsker og er god til' : 'møtte veilederen til en kort standardsamtale'),
  noShow: () => 'møtte ikke opp til et møte',
  followUp: () => 'veilederen fulgte opp møtet som ikke ble noe av, og de møttes likevel',
  disclosedBarrier: () => 'stolte nok på veilederen til å fortelle om et skjult problem',
  offered: (e, l) => `fikk tilbud om ${l} på ${LEVEL_TEXT.nb[e.level]} nivå`,
  applied: (e, l) => `søkte om ${l} på ${LEVEL_TEXT.nb[e.level]} nivå, fikk ja`,
  rejected: (e, l) => `søkte om ${l}, fikk avslag: ${reasonText(e.reason, e.route, 'nb')}`,
  started: (e, l) => `startet på ${l}${e.fit ? '' : ', på et nivå som ikke passer'}`,
  completed: (e, l) => `fullførte ${l}${QUALIFICATION_TEXT.nb[e.qualification]}`,
  droppedOut: (_e, l) => `avbrøt ${l}`,
  hired: (e) => `fikk jobb på ${LEVEL_TEXT.nb[e.level]} nivå${e.overqualified ? ', under kvalifikasjonene sine' : ''}`,
  lostJob: () => 'mistet jobben',
  discouraged: () => 'ga opp å søke en stund',
  resumed: () => 'begynte å søke igjen',
  entitled: (e) => `fikk rett til ${ENTITLEMENT_TEXT.nb[e.entitlement]}`,
  referred: (e) => `veilederen henviste personen til en ledig stilling på ${LEVEL_TEXT.nb[e.level]} nivå${e.overqualified ? ', under kvalifikasjonene sine' : ''}`,
  left: (e) => LEFT_TEXT.nb[e.state],
};

/** The sentence tables by language (exported for the test that every kind has a sentence in every language). */
export const SENTENCES: Record<Lang, Sentences> = { en: EN, nb: NB };

/** The label of the service an event names: by its index when the id agrees, else by id; the id when the service has no label. */
function serviceLabel(s: ServiceLabels, e: JourneyEvent): string {
  if (!('service' in e)) return '';
  const at = s.services[e.serviceIndex];
  const sv = at?.id === e.service ? at : s.services.find((x) => x.id === e.service);
  return sv?.label ?? e.service;
}

/** The event as a sentence without its week ("applied for a language course, rejected: ..."). */
export function eventText(e: JourneyEvent, s: ServiceLabels, lang: Lang): string {
  const say = SENTENCES[lang][e.kind] as (e: JourneyEvent, label: string) => string;
  return say(e, serviceLabel(s, e));
}

/** "week 12" (en) or "uke 12" (nb): weeks are 1-based. */
export const weekText = (week: number, lang: Lang): string => `${lang === 'nb' ? 'uke' : 'week'} ${week}`;

/** The event as a line with its week ("week 12: applied for ..."), as the CLI prints it and the events table's `text` column holds it (in English). */
export function eventLine(e: JourneyEvent, s: ServiceLabels, lang: Lang): string {
  return `${weekText(e.week, lang)}: ${eventText(e, s, lang)}`;
}

/**
 * A run of consecutive events that are the same apart from their week (so they read as the same
 * sentence): the first event and every event's week, in order (a week twice when it happened twice
 * in one week). Compared as data, not as sentences.
 */
export interface EventRun { event: JourneyEvent; weeks: number[] }

/** An event's data without its week, as a key: two events with the same key make the same sentence. */
function eventKey(e: JourneyEvent): string {
  return JSON.stringify(Object.entries(e).filter(([k]) => k !== 'week').sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The events with runs of consecutive, identical events (apart from the week) merged into one each, in order. */
export function eventRuns(events: readonly JourneyEvent[]): EventRun[] {
  const runs: EventRun[] = [];
  let key = '';
  for (const e of events) {
    const k = eventKey(e);
    const last = runs.at(-1);
    if (last && k === key) last.weeks.push(e.week);
    else runs.push({ event: e, weeks: [e.week] });
    key = k;
  }
  return runs;
}

/**
 * The weeks of a run: "week 6", "weeks 6–17", "weeks 3, 7, 11–12" (en); "uke 6", "uke 6–17",
 * "uke 3, 7, 11–12" (nb); "week 5 (2×)" when it happened more often than in the weeks named.
 */
export function weeksText(weeks: readonly number[], lang: Lang): string {
  const distinct = [...new Set(weeks)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let k = 0; k < distinct.length;) {
    let e = k;
    while (e + 1 < distinct.length && distinct[e + 1] === distinct[e] + 1) e++;
    parts.push(e === k ? `${distinct[k]}` : `${distinct[k]}–${distinct[e]}`);
    k = e + 1;
  }
  const word = lang === 'nb' ? 'uke' : distinct.length > 1 ? 'weeks' : 'week';
  return `${word} ${parts.join(', ')}${weeks.length > distinct.length ? ` (${weeks.length}×)` : ''}`;
}

/** Sentences of kinds that say "the week", for a run of more than one such event. */
const REPEATED: Partial<Record<EventKind, Record<Lang, string>>> = {
  searchedInVain: {
    en: 'spent each of these weeks searching for information, found nothing that fits',
    nb: 'brukte hver av disse ukene på å lete etter informasjon, fant ikke noe som passet',
  },
};

/** A run as a sentence without its weeks: the event's sentence (eventText), or its form for many weeks. */
export function runText(run: EventRun, s: ServiceLabels, lang: Lang): string {
  const many = run.weeks.length > 1 ? REPEATED[run.event.kind]?.[lang] : undefined;
  return many ?? eventText(run.event, s, lang);
}

/** A run as a line with its weeks ("weeks 6–17: spent each of these weeks searching ..."). */
export function runLine(run: EventRun, s: ServiceLabels, lang: Lang): string {
  return `${weeksText(run.weeks, lang)}: ${runText(run, s, lang)}`;
}
