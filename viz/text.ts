/** The page's own words (the views and charts keep theirs next to their code). */
import type { MetricName } from '../sim/index.ts';
import { texts } from './i18n.ts';

export const UI = texts({
  title: 'Activation pathways',
  tagline: 'The same jobseekers under two ways of running an employment office, side by side.',
  skip: 'Skip to the results',
  settings: 'Settings',
  scenario: 'Scenario',
  loadFile: 'Load a scenario file (.json)',
  loaded: 'Loaded file',
  about: 'About this scenario',
  what: 'What it is', how: 'How it works', use: 'How to use it', notice: 'Things to notice', try: 'Things to try',
  policyA: 'Policy A', policyB: 'Policy B', base: 'Starts from', knobs: 'Knobs', reset: 'Reset to the base policy',
  changed: 'changed', times: 'times as often',
  run: 'Run', running: 'Running…', cancel: 'Cancel', runSettings: 'Run', seed: 'Seed', replications: 'Replications',
  agents: 'People', weeks: 'Weeks', scenarioDefault: 'scenario default',
  progress: 'Runs finished', cancelled: 'Cancelled. The previous results are still shown.',
  stale: 'The settings have changed since these results: press Run to update them.',
  finished: (n: number, s: string) => `Done: ${n} runs in ${s} s.`,
  tabs: { compare: 'Compare', agents: 'Watch the agents', journey: 'Follow one person', story: 'Story mode' },
  language: 'Language', projector: 'Projector mode',
  headline: 'Key results', metric: 'Measure', difference: 'Difference (B − A)',
  interval: 'Mean of {n} replications with common random numbers; brackets are 95% intervals.',
  download: 'Download the results', json: 'JSON (as the command line prints it)', csvSummary: 'CSV: metrics per run',
  csvWeekly: 'CSV: weekly states', csvEvents: 'CSV: persona journeys', svg: 'SVG', png: 'PNG',
  exportFailed: 'Export failed',
  errorsTitle: 'This scenario cannot be run',
  linkErrors: 'Parts of the link were not understood and their defaults are used:',
  care: 'The model illustrates mechanisms and tests hypotheses; it does not predict what will happen to real individuals. It holds no personal data.',
  noResults: 'No results yet: press Run.',
}, {
  title: 'Aktiveringsveier',
  tagline: 'De samme arbeidssøkerne under to måter å drive et NAV-kontor på, side om side.',
  skip: 'Hopp til resultatene',
  settings: 'Innstillinger',
  scenario: 'Scenario',
  loadFile: 'Last inn en scenariofil (.json)',
  loaded: 'Innlastet fil',
  about: 'Om dette scenariet',
  what: 'Hva det er', how: 'Hvordan det virker', use: 'Hvordan bruke det', notice: 'Legg merke til', try: 'Prøv dette',
  policyA: 'Politikk A', policyB: 'Politikk B', base: 'Tar utgangspunkt i', knobs: 'Spaker', reset: 'Tilbakestill til grunnpolitikken',
  changed: 'endret', times: 'ganger så ofte',
  run: 'Kjør', running: 'Kjører…', cancel: 'Avbryt', runSettings: 'Kjøring', seed: 'Startverdi (seed)', replications: 'Replikasjoner',
  agents: 'Personer', weeks: 'Uker', scenarioDefault: 'scenariets standard',
  progress: 'Ferdige kjøringer', cancelled: 'Avbrutt. De forrige resultatene vises fortsatt.',
  stale: 'Innstillingene er endret siden disse resultatene: trykk Kjør for å oppdatere.',
  finished: (n: number, s: string) => `Ferdig: ${n} kjøringer på ${s} s.`,
  tabs: { compare: 'Sammenlign', agents: 'Se personene', journey: 'Følg én person', story: 'Fortellermodus' },
  language: 'Språk', projector: 'Projektormodus',
  headline: 'Hovedresultater', metric: 'Mål', difference: 'Forskjell (B − A)',
  interval: 'Gjennomsnitt av {n} replikasjoner med felles tilfeldige tall; klammene er 95 %-intervaller.',
  download: 'Last ned resultatene', json: 'JSON (som kommandolinjen skriver den)', csvSummary: 'CSV: mål per kjøring',
  csvWeekly: 'CSV: tilstander per uke', csvEvents: 'CSV: personasenes forløp', svg: 'SVG', png: 'PNG',
  exportFailed: 'Eksporten mislyktes',
  errorsTitle: 'Dette scenariet kan ikke kjøres',
  linkErrors: 'Deler av lenken ble ikke forstått, og standardverdiene brukes:',
  care: 'Modellen illustrerer mekanismer og tester hypoteser; den forutsier ikke hva som vil skje med virkelige personer. Den inneholder ingen personopplysninger.',
  noResults: 'Ingen resultater ennå: trykk Kjør.',
});

/**
 * Headline metrics in the results table, in table order, with how each is written: `share` as a
 * percentage (differences in percentage points), `number` with two decimals, `weeks` with one,
 * `money` in whole kroner. HEADLINE names them; its type asks for every metric listed here.
 */
export const HEADLINE_FORMAT = {
  employedShare: 'share', insecureJobShare: 'share', medianWeeksToFirstJob: 'weeks', servicesPerPerson: 'number',
  longTermServiceShare: 'share', mismatchedServiceShare: 'share', rejectionsPerPerson: 'number', participationRate: 'share',
  employedWeeksShare: 'share', attendanceRate: 'share', referralsPerPerson: 'number',
  weeksSearchingInfoPerPerson: 'number', servicesFoundByChanceShare: 'share',
  healthBenefitShare: 'share', educationShare: 'share', movedAwayShare: 'share',
  costPerPerson: 'money',
} as const satisfies Partial<Record<MetricName, 'share' | 'number' | 'weeks' | 'money'>>;
export type HeadlineMetric = keyof typeof HEADLINE_FORMAT;

/** Names of the headline metrics (HEADLINE_FORMAT). */
export const HEADLINE = texts<Record<HeadlineMetric, string>>({
  employedShare: 'In work at the end', insecureJobShare: 'Temporary or part-time (of those in work)',
  medianWeeksToFirstJob: 'Median weeks to first job', servicesPerPerson: 'Services per person',
  longTermServiceShare: 'Share of services that are long', mismatchedServiceShare: 'Share of services at the wrong level',
  rejectionsPerPerson: 'Refusals per person', participationRate: 'Activity counted (share of weeks in a service)',
  employedWeeksShare: 'Share of weeks in work', attendanceRate: 'Meetings attended', referralsPerPerson: 'Referrals to a vacancy per person',
  weeksSearchingInfoPerPerson: 'Weeks searching for information per person', servicesFoundByChanceShare: 'Services found through friends, NGOs or chance',
  healthBenefitShare: 'Left for a health-related benefit', educationShare: 'Left for ordinary education', movedAwayShare: 'Moved away',
  costPerPerson: 'Cost per person (NOK)',
}, {
  employedShare: 'I arbeid ved slutten', insecureJobShare: 'Midlertidig eller deltid (av dem i arbeid)',
  medianWeeksToFirstJob: 'Median uker til første jobb', servicesPerPerson: 'Tiltak per person',
  longTermServiceShare: 'Andel tiltak som er lange', mismatchedServiceShare: 'Andel tiltak på feil nivå',
  rejectionsPerPerson: 'Avslag per person', participationRate: 'Aktivitet som telles (andel uker i tiltak)',
  employedWeeksShare: 'Andel uker i arbeid', attendanceRate: 'Møter gjennomført', referralsPerPerson: 'Henvisninger til ledige stillinger per person',
  weeksSearchingInfoPerPerson: 'Uker brukt på å lete etter informasjon per person', servicesFoundByChanceShare: 'Tiltak funnet via venner, frivillige eller tilfeldigheter',
  healthBenefitShare: 'Gått over til helserelatert ytelse', educationShare: 'Gått over til ordinær utdanning', movedAwayShare: 'Flyttet',
  costPerPerson: 'Kostnad per person (kr)',
});
