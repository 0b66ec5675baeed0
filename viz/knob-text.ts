/** What each policy knob is called and does, in a line, in both languages (the schema's doc is the long form). */
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
  activityTarget: { label: 'Activity target', line: 'What counts as success: progress to lasting work (0) or any activity (1).', low: 'lasting work', high: 'any activity' },
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
  activityTarget: { label: 'Aktivitetsmål', line: 'Hva som regnes som suksess: vei til varig arbeid (0) eller all aktivitet (1).', low: 'varig arbeid', high: 'all aktivitet' },
  meetingIntensity: { label: 'Møtehyppighet', line: 'Hvor ofte kontaktpersonen møter personen, innenfor veiledernes timer.', low: 'sjelden', high: 'ofte' },
});
