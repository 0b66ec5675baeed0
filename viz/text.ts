/** The page's own words (the views and charts keep theirs next to their code). */
import { formatMetric, METRIC_TABLE, type MetricName } from '../sim/metrics.ts';
import { count, texts, type Lang } from './i18n.ts';

export const UI = texts({
  title: 'Activation pathways',
  tagline: 'The same jobseekers under two ways of running an employment office, side by side.',
  skip: 'Skip to the results',
  settings: 'Settings',
  closeSettings: 'Close the settings',
  scenario: 'Scenario',
  loadFile: 'Load a scenario file (.json)',
  loaded: 'Loaded file',
  extendsBase: (base: string) => `extends ${base}`,
  about: 'About this scenario',
  what: 'What it is', how: 'How it works', use: 'How to use it', notice: 'Things to notice', try: 'Things to try',
  useText: 'Pick the scenario and the two policies in the settings, and press Run: both run on the same people with the same luck. Compare shows the key results and charts; What if… asks prepared questions and compares up to three changes; Watch the agents shows the weeks go by; Follow one person tells one person’s journey; Story mode goes through one mechanism at a time, for a class.',
  researchers: 'For researchers: the command line',
  policyA: 'Policy A', policyB: 'Policy B', base: 'Starts from', knobs: 'Knobs', reset: 'Reset to the base policy',
  changed: 'changed', times: 'times as often',
  run: 'Run', running: 'Running…', cancel: 'Cancel', runSettings: 'Run', seed: 'Seed', replications: 'Replications',
  agents: 'People', weeks: 'Weeks', scenarioDefault: 'scenario default',
  notNumber: 'is not a number; expected',
  tooFew: (n: number, name: string, k: number) => `${n} is not allowed; scenario ${name} has ${k} personas, so it needs at least ${k} people`,
  progress: 'Runs finished', cancelled: 'Cancelled. The previous results are still shown.',
  stale: 'The settings have changed since these results: press Run to update them.',
  finished: (n: number, s: string) => `Done: ${n} runs in ${s} s.`,
  tabs: { compare: 'Compare', whatif: 'What if…', agents: 'Watch the agents', journey: 'Follow one person', story: 'Story mode' },
  language: 'Language', projector: 'Projector mode',
  headline: 'Key results', metric: 'Measure', difference: 'Difference (B − A)',
  interval: 'Mean of {n} replications with common random numbers; brackets are 95% intervals.',
  download: 'Download the results', json: 'JSON (as the command line prints it)', csvSummary: 'CSV: metrics per run',
  csvWeekly: 'CSV: weekly states', csvEvents: 'CSV: persona journeys', svg: 'SVG', png: 'PNG',
  exportFailed: 'Export failed',
  errorsTitle: 'This scenario cannot be run',
  linkErrors: 'Parts of the link were not understood and their defaults are used:',
  capped: 'This scenario asks for more than a browser tab can hold, so the page runs it smaller (the command line runs it at full size):',
  tooLong: (chars: string, max: string) => `This scenario file is too large to travel in a link (${chars} characters, compressed; a link holds at most ${max}), so the address bar does not carry it. To share this run, send the file along with the link.`,
  downloadScenario: 'Download the scenario file',
  notStarted: (agents: number, weeks: number, reps: number, arms?: number) => `This link asks for a large run (${count(agents, 'en')} people × ${count(weeks, 'en')} weeks × ${count(reps, 'en')} replications × ${arms === undefined ? '2 policies' : `${arms} arms`}), so it did not start on opening. Press Run to start it (Cancel stops it), or first set fewer people or replications under Run.`,
  care: 'The model illustrates mechanisms and tests hypotheses; it does not predict what will happen to real individuals. It holds no personal data.',
  noResults: 'No results yet: press Run.',
}, {
  title: 'Aktiveringsveier',
  tagline: 'De samme arbeidssøkerne under to måter å drive et NAV-kontor på, side om side.',
  skip: 'Hopp til resultatene',
  settings: 'Innstillinger',
  closeSettings: 'Lukk innstillingene',
  scenario: 'Scenario',
  loadFile: 'Last inn en scenariofil (.json)',
  loaded: 'Innlastet fil',
  extendsBase: (base: string) => `bygger på ${base}`,
  about: 'Om dette scenariet',
  what: 'Hva det er', how: 'Hvordan det virker', use: 'Hvordan bruke det', notice: 'Legg merke til', try: 'Prøv dette',
  useText: 'Velg scenario og de to politikkene i innstillingene, og trykk Kjør: begge kjøres på de samme menneskene med den samme flaksen. Sammenlign viser hovedresultater og diagrammer; Hva om… stiller ferdige spørsmål og sammenligner opptil tre endringer; Se personene viser ukene som går; Følg én person forteller én persons vei; Fortellermodus går gjennom én mekanisme om gangen, for en klasse.',
  researchers: 'For forskere: kommandolinjen',
  policyA: 'Politikk A', policyB: 'Politikk B', base: 'Tar utgangspunkt i', knobs: 'Spaker', reset: 'Tilbakestill til grunnpolitikken',
  changed: 'endret', times: 'ganger så ofte',
  run: 'Kjør', running: 'Kjører…', cancel: 'Avbryt', runSettings: 'Kjøring', seed: 'Startverdi (seed)', replications: 'Replikasjoner',
  agents: 'Personer', weeks: 'Uker', scenarioDefault: 'scenariets standard',
  notNumber: 'er ikke et tall; forventet',
  tooFew: (n: number, name: string, k: number) => `${n} er ikke tillatt; scenariet ${name} har ${k} personaer, så det trenger minst ${k} personer`,
  progress: 'Ferdige kjøringer', cancelled: 'Avbrutt. De forrige resultatene vises fortsatt.',
  stale: 'Innstillingene er endret siden disse resultatene: trykk Kjør for å oppdatere.',
  finished: (n: number, s: string) => `Ferdig: ${n} kjøringer på ${s} s.`,
  tabs: { compare: 'Sammenlign', whatif: 'Hva om…', agents: 'Se personene', journey: 'Følg én person', story: 'Fortellermodus' },
  language: 'Språk', projector: 'Projektormodus',
  headline: 'Hovedresultater', metric: 'Mål', difference: 'Forskjell (B − A)',
  interval: 'Gjennomsnitt av {n} replikasjoner med felles tilfeldige tall; klammene er 95 %-intervaller.',
  download: 'Last ned resultatene', json: 'JSON (som kommandolinjen skriver den)', csvSummary: 'CSV: mål per kjøring',
  csvWeekly: 'CSV: tilstander per uke', csvEvents: 'CSV: personasenes forløp', svg: 'SVG', png: 'PNG',
  exportFailed: 'Eksporten mislyktes',
  errorsTitle: 'Dette scenariet kan ikke kjøres',
  linkErrors: 'Deler av lenken ble ikke forstått, og standardverdiene brukes:',
  capped: 'Dette scenariet ber om mer enn en nettleserfane kan romme, så siden kjører det i mindre skala (kommandolinjen kjører det i full størrelse):',
  tooLong: (chars: string, max: string) => `Denne scenariofilen er for stor til å sendes i en lenke (${chars} tegn komprimert; en lenke rommer høyst ${max}), så adresselinjen tar den ikke med. For å dele kjøringen: send filen sammen med lenken.`,
  downloadScenario: 'Last ned scenariofilen',
  notStarted: (agents: number, weeks: number, reps: number, arms?: number) => `Denne lenken ber om en stor kjøring (${count(agents, 'nb')} personer × ${count(weeks, 'nb')} uker × ${count(reps, 'nb')} replikasjoner × ${arms === undefined ? '2 politikker' : `${arms} armer`}), så den startet ikke da siden åpnet. Trykk Kjør for å starte den (Avbryt stopper den), eller sett først færre personer eller replikasjoner under Kjøring.`,
  care: 'Modellen illustrerer mekanismer og tester hypoteser; den forutsier ikke hva som vil skje med virkelige personer. Den inneholder ingen personopplysninger.',
  noResults: 'Ingen resultater ennå: trykk Kjør.',
});

/**
 * The metrics of the key results table, in table order. Everything else about
 * them (label, kind, decimals) comes from the metric table (sim/metrics.ts).
 */
export const HEADLINE_METRICS = [
  'employedShare', 'insecureJobShare', 'medianWeeksToFirstJob', 'servicesPerPerson',
  'longTermServiceShare', 'mismatchedServiceShare', 'rejectionsPerPerson', 'participationRate',
  'employedWeeksShare', 'attendanceRate', 'referralsPerPerson',
  'weeksSearchingInfoPerPerson', 'servicesFoundByChanceShare',
  'healthBenefitShare', 'educationShare', 'movedAwayShare',
  'costPerPerson',
] as const satisfies readonly MetricName[];
export type HeadlineMetric = (typeof HEADLINE_METRICS)[number];

/** A metric's label in the page's language (the metric table's). */
export const metricLabel = (m: MetricName, lang: Lang): string => METRIC_TABLE[m].label[lang];

/**
 * A value of a metric as the page writes it, as the metric table says (the
 * language's decimal mark, the minus sign −): `difference` for B − A (a sign,
 * shares in percentage points); `digits` instead of the table's decimals
 * (whole percentages in a chart's sentence).
 */
export const metricText = (m: MetricName, v: number, lang: Lang, opts: { difference?: boolean; digits?: number } = {}): string =>
  formatMetric(m, v, { lang, typographic: true, ...opts });

/** What a metric measures, in the page's language (the metric table's doc). */
export const metricDoc = (m: MetricName, lang: Lang): string => METRIC_TABLE[m].doc[lang];
