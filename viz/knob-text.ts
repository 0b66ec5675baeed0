/**
 * What each policy knob is called and does, in a line, in both languages (the schema's doc is the
 * long form). The type asks for every knob of KNOBS (sim/schema), so a knob added there must be named here.
 */
import type { Knobs } from '../sim/index.ts';
import { texts } from './i18n.ts';

type KnobText = Record<keyof Knobs, { label: string; line: string; low: string; high: string }>;

export const KNOB_TEXT = texts<KnobText>({
  priorityByNeed: { label: 'Advisor time by need', line: 'Who gets a contact person first: those with benefit rights (0) or those in most need (1).', low: 'rights first', high: 'need first' },
  proactiveInformation: { label: 'Proactive information', line: 'Chance per meeting that the advisor tells the person about a service that fits.', low: 'website only', high: 'always told' },
  exploration: { label: 'Exploring needs', line: 'Needs assessed by category and paperwork (0) or by exploring with the person (1).', low: 'category', high: 'exploration' },
  matchedOffers: { label: 'Matched offers', line: 'Chance that an offer fits the person’s goals and barriers rather than the default measure.', low: 'default', high: 'matched' },
  levelMatching: { label: 'Level matching', line: 'Chance that a service is offered at the person’s own level rather than its default level.', low: 'one level', high: 'own level' },
  longTermPlanning: { label: 'Long-term planning', line: 'Chance that a matched offer is a long service within a plan, when one fits.', low: 'short', high: 'long' },
  advisorTurnover: { label: 'Advisor turnover', line: 'Weekly chance that the person’s contact person changes.', low: 'same advisor', high: 'new each week' },
  followUp: { label: 'Follow-up', line: 'Chance that the advisor follows up a missed meeting (a call, a home visit).', low: 'never', high: 'always' },
  offerRate: { label: 'Offers of measures', line: 'Chance that a meeting with a person out of work ends with an offer of a measure.', low: 'rarely', high: 'every meeting' },
  acceptPressure: { label: 'Pressure to take any job', line: 'How hard people are pushed to take any job: sooner to accept jobs below their level, and the threat of sanctions when their search is monitored.', low: 'no pressure', high: 'strong pressure' },
  activityTarget: { label: 'Activity target', line: 'What counts as success: progress to lasting, fitting work (0) or any activity (1). With activity as success, an advisor who finds no fitting measure offers the default short one anyway.', low: 'lasting work', high: 'any activity' },
  meetingIntensity: { label: 'Meeting frequency', line: 'How often a contact person meets the person, within the advisors’ hours.', low: 'rarely', high: 'often' },
}, {
  priorityByNeed: { label: 'Veiledertid etter behov', line: 'Hvem får kontaktperson først: de med ytelsesrettigheter (0) eller de med størst behov (1).', low: 'rettigheter først', high: 'behov først' },
  proactiveInformation: { label: 'Oppsøkende informasjon', line: 'Sjansen per møte for at veilederen forteller om et tiltak som passer.', low: 'bare nettsiden', high: 'alltid fortalt' },
  exploration: { label: 'Utforskende kartlegging', line: 'Behov vurdert etter kategori og papirer (0) eller utforsket sammen med personen (1).', low: 'kategori', high: 'utforskende' },
  matchedOffers: { label: 'Tilpassede tilbud', line: 'Sjansen for at et tilbud passer personens mål og hindringer, ikke standardtiltaket.', low: 'standard', high: 'tilpasset' },
  levelMatching: { label: 'Tilpasset nivå', line: 'Sjansen for at et tiltak tilbys på personens eget nivå, ikke tiltakets standardnivå.', low: 'ett nivå', high: 'eget nivå' },
  longTermPlanning: { label: 'Langsiktig planlegging', line: 'Sjansen for at et tilpasset tilbud er et langt tiltak i en plan, når et slikt passer.', low: 'kort', high: 'langt' },
  advisorTurnover: { label: 'Bytte av veileder', line: 'Ukentlig sjanse for at personens kontaktperson byttes.', low: 'samme veileder', high: 'ny hver uke' },
  followUp: { label: 'Oppfølging', line: 'Sjansen for at veilederen følger opp et møte personen ikke kom til (en telefon, et hjemmebesøk).', low: 'aldri', high: 'alltid' },
  offerRate: { label: 'Tilbud om tiltak', line: 'Sjansen for at et møte med en som står uten arbeid, ender med tilbud om et tiltak.', low: 'sjelden', high: 'hvert møte' },
  acceptPressure: { label: 'Press for å ta enhver jobb', line: 'Hvor hardt folk presses til å ta en hvilken som helst jobb: de må tidligere godta jobber under eget nivå, og det trues med sanksjoner når jobbsøkingen følges opp.', low: 'ikke press', high: 'sterkt press' },
  activityTarget: { label: 'Aktivitetsmål', line: 'Hva som regnes som suksess: vei til varig arbeid som passer (0) eller all aktivitet (1). Med aktivitet som suksess gir veilederen standardtiltaket likevel når ingen tiltak passer.', low: 'varig arbeid', high: 'all aktivitet' },
  meetingIntensity: { label: 'Møtehyppighet', line: 'Hvor ofte kontaktpersonen møter personen, innenfor veiledernes timer.', low: 'sjelden', high: 'ofte' },
});
