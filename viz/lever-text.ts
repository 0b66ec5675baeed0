/**
 * The words of the scenario levers (levers.ts), in English and bokmål, keyed
 * by field path: what each lever is called in both languages, and its
 * one-line explanation in bokmål (the English line is the schema's doc, the
 * one definition of what a field means). The schema has English docs and
 * units only, so the bokmål units, the names of the entry rules' choices and
 * the bokmål form of the CLI's "is not allowed; expected ..." live here too.
 * The types ask for every lever path, unit and choice.
 */
import { ENTITLEMENT_NAMES, ROUTES } from '../sim/constants.ts';
import { describeAllowed, show, type NumberSpec } from '../sim/schema/dsl.ts';
import type { Lang } from './i18n.ts';
import type { LeverPath, Topic } from './levers.ts';

export interface LeverWords { en: string; nb: string; nbLine: string }

const LEVEL_NB = '0 = grunnleggende, 1 = middels, 2 = høyt';
const vacancies = 'Ledige stillinger som er åpne for kontorets arbeidssøkere hver uke, etter nivå.';
const language = 'Språkferdighetene arbeidsgivere forventer på hvert nivå; under dem faller sjansen for ansettelse forholdsmessig.';

/** Each lever's label in both languages and its line in bokmål, by path (LEVER_PATHS). */
export const LEVER_TEXT: Record<LeverPath, LeverWords> = {
  'office.advisorsPer1000': { en: 'Advisors per 1000 jobseekers', nb: 'Veiledere per 1000 arbeidssøkere', nbLine: 'Bemanning: veiledere (årsverk, brøker tillatt) per 1000 arbeidssøkere. 0 = ingen kontaktpersoner i det hele tatt; alle får likevel behovsvurderingen.' },
  'office.caseload': { en: 'Caseload per advisor', nb: 'Saksmengde per veileder', nbLine: 'Flest personer én veileder i full stilling kan følge opp som kontaktperson; plassene fordeles etter prioriteringsregelen (F8).' },
  'office.hoursPerWeek': { en: 'Meeting hours per advisor and week', nb: 'Møtetimer per veileder og uke', nbLine: 'Timer per uke hver veileder i full stilling bruker i møter med sine personer; sammen med saksmengden avgjør de hvor ofte hver person møtes.' },
  'office.hoursPerMeeting': { en: 'Hours per meeting', nb: 'Timer per møte', nbLine: 'Tiden ett møte tar, forberedelser medregnet.' },
  'office.referralChance': { en: 'Job brokering', nb: 'Formidling til ledige stillinger', nbLine: 'Sjansen per møte for at veilederen formidler en person uten arbeid til en ledig stilling veilederen kjenner til, på nivået kontoret arbeider med (jobbformidling; Hainmueller mfl. 2016).' },
  'office.budgetPerWeekPer1000': { en: 'Office budget', nb: 'Kontorets budsjett', nbLine: 'Kontorets budsjett til tiltak og veiledermøter, fordelt per fire uker; 0 = ikke noe budsjett (kostnaden er et resultat). Når periodens budsjett er brukt opp, starter ingen tiltak og ingen møter utover behovsvurderingen før neste periode.' },
  'office.costPerAdvisorHour': { en: 'Cost per advisor hour', nb: 'Kostnad per veiledertime', nbLine: 'Kostnaden ved én veiledertime.' },
  'services.*.slotsPerMonthPer1000': { en: 'Places', nb: 'Plasser', nbLine: 'Kapasitet: nye oppstarter per fire uker per 1000 arbeidssøkere i scenariet.' },
  'services.*.entry': { en: 'Who may enter', nb: 'Hvem som kan delta', nbLine: 'Inngangsregel: en person kan delta hvis ett av valgene passer (en rettighet personen har, alle med en økonomisk rettighet, personens bakgrunn, eller alle) (F1).' },
  'services.*.rightsPriority': { en: 'Those with economic rights first', nb: 'De med økonomiske rettigheter først', nbLine: 'Når kontoret prioriterer etter rettigheter, får personer uten økonomiske rettigheter avslag som «ikke prioritert gruppe» (F1, F3).' },
  'services.*.refusesIfHeld': { en: 'Refused to those who hold this level', nb: 'Avslag til dem som har dette nivået', nbLine: 'Avslag til personer som allerede har utdanning på tiltakets eget nivå (`defaultLevel`), også fra utlandet (F3).' },
  'services.*.weeks': { en: 'Length', nb: 'Varighet', nbLine: 'Varighet.' },
  'services.*.defaultLevel': { en: 'Level when levels are not matched', nb: 'Nivå når nivået ikke tilpasses', nbLine: `Det ene nivået kontoret bruker når det ikke tilpasser nivået (${LEVEL_NB}).` },
  'services.*.costPerWeek': { en: 'Cost per participant-week', nb: 'Kostnad per deltakeruke', nbLine: 'Kostnaden ved én deltakeruke.' },
  'labourMarket.vacanciesPer1000.0': { en: 'Vacancies, basic level', nb: 'Ledige stillinger, grunnleggende nivå', nbLine: vacancies },
  'labourMarket.vacanciesPer1000.1': { en: 'Vacancies, intermediate level', nb: 'Ledige stillinger, middels nivå', nbLine: vacancies },
  'labourMarket.vacanciesPer1000.2': { en: 'Vacancies, advanced level', nb: 'Ledige stillinger, høyt nivå', nbLine: vacancies },
  'labourMarket.hireRate': { en: 'Chance of a hire', nb: 'Sjanse for ansettelse', nbLine: 'Ukentlig sjanse for ansettelse for en som søker på fulltid med full ansettbarhet når det er mange ledige stillinger; når det ikke er det, deles ukens stillinger mellom søkerne (matching).' },
  'labourMarket.jobLoss': { en: 'Job loss', nb: 'Tap av jobb', nbLine: 'Ukentlig sjanse for å miste en fast jobb som passer.' },
  'labourMarket.temporaryShare': { en: 'Temporary and part-time hires', nb: 'Midlertidige ansettelser og deltid', nbLine: 'Andelen ansettelser i midlertidige jobber eller deltidsjobber (F9).' },
  'labourMarket.discrimination': { en: 'Discrimination in hiring', nb: 'Diskriminering ved ansettelser', nbLine: 'Hvor mye arbeidsgivere nedvurderer søknader fra grupper som møter diskriminering (F9).' },
  'labourMarket.recognitionPenalty': { en: 'Unrecognised foreign qualifications', nb: 'Utenlandske kvalifikasjoner som ikke er godkjent', nbLine: 'Hvor mye en utenlandsk kvalifikasjon som ikke er godkjent, reduserer sjansen for ansettelse på personens eget nivå (F9).' },
  'labourMarket.agePenalty': { en: 'Age discrimination', nb: 'Aldersdiskriminering', nbLine: 'Hvor mye arbeidsgivere nedvurderer søkere på 65 år sammenlignet med 50 år eller yngre, forholdsmessig imellom (Carlsson & Eriksson 2019).' },
  'labourMarket.barrierPenalty': { en: 'Health or life barriers no one has worked on', nb: 'Helse- eller livshindringer ingen har arbeidet med', nbLine: 'Hvor mye en helse- eller livshindring som ingen tiltak har arbeidet med, reduserer sjansen for ansettelse (F10, F12).' },
  'labourMarket.languageRequired.0': { en: 'Language expected, basic level', nb: 'Forventet språk, grunnleggende nivå', nbLine: language },
  'labourMarket.languageRequired.1': { en: 'Language expected, intermediate level', nb: 'Forventet språk, middels nivå', nbLine: language },
  'labourMarket.languageRequired.2': { en: 'Language expected, advanced level', nb: 'Forventet språk, høyt nivå', nbLine: language },
  'labourMarket.rightsAfterWeeksEmployed': { en: 'Weeks of work for unemployment benefit', nb: 'Uker i arbeid for rett til dagpenger', nbLine: 'Uker i arbeid som gir rett til dagpenger ved tap av jobben.' },
  'groups.*.share': { en: 'Share of the jobseekers', nb: 'Andel av arbeidssøkerne', nbLine: 'Andelen av befolkningen i denne gruppen; andelene må til sammen bli 1.' },
};

/** The levers' units (the schema's, in English) in bokmål; also the run settings' (people, weeks, seed, runs). */
export const UNIT_NB: Record<string, string> = {
  'advisors per 1000 jobseekers': 'veiledere per 1000 arbeidssøkere', 'people per advisor': 'personer per veileder',
  'hours per week': 'timer per uke', hours: 'timer', 'NOK per hour': 'kr per time', share: 'andel',
  'NOK per week per 1000 jobseekers': 'kr per uke per 1000 arbeidssøkere',
  'vacancies per week per 1000 jobseekers': 'ledige stillinger per uke per 1000 arbeidssøkere', 'per week': 'per uke',
  weeks: 'uker', 'starts per month per 1000 jobseekers': 'oppstarter per fire uker per 1000 arbeidssøkere', 'NOK per week': 'kr per uke',
  level: 'nivå', people: 'personer', seed: 'startverdi', runs: 'kjøringer',
};

/** A unit in the page's language ('' for a share, which needs none). */
export const unitText = (unit: string, lang: Lang): string => (unit === 'share' ? '' : lang === 'nb' ? UNIT_NB[unit] ?? unit : unit);

/** What an entry rule's choice is called ('anyone', 'benefitRights', the entitlements, the routes). */
export const CHOICE_TEXT: Record<'anyone' | 'benefitRights' | (typeof ENTITLEMENT_NAMES)[number] | (typeof ROUTES)[number], { en: string; nb: string }> = {
  anyone: { en: 'Anyone', nb: 'Alle' },
  benefitRights: { en: 'Anyone with an economic right', nb: 'Alle med en økonomisk rettighet' },
  unemploymentBenefit: { en: 'Unemployment benefit', nb: 'Dagpenger' },
  workAssessmentAllowance: { en: 'Work assessment allowance', nb: 'Arbeidsavklaringspenger' },
  socialAssistance: { en: 'Social assistance', nb: 'Økonomisk sosialhjelp' },
  introductionProgramme: { en: 'Introduction programme', nb: 'Introduksjonsprogrammet' },
  qualificationProgramme: { en: 'Qualification programme', nb: 'Kvalifiseringsprogrammet' },
  native: { en: 'Born here', nb: 'Født i Norge' },
  refugee: { en: 'Refugees', nb: 'Flyktninger' },
  familyReunified: { en: 'Family reunification', nb: 'Familiegjenforente' },
  labourImmigrant: { en: 'Labour immigrants', nb: 'Arbeidsinnvandrere' },
  euEea: { en: 'EU/EEA citizens', nb: 'EU/EØS-borgere' },
  youth: { en: 'Young people', nb: 'Unge' },
};

export const choiceText = (value: string, lang: Lang): string =>
  Object.hasOwn(CHOICE_TEXT, value) ? CHOICE_TEXT[value as keyof typeof CHOICE_TEXT][lang] : value;

/** The titles of the topics. */
export const TOPIC_TEXT: Record<Topic, { en: string; nb: string }> = {
  office: { en: 'The office', nb: 'Kontoret' },
  services: { en: 'Services: places and entry rules', nb: 'Tiltak: plasser og inngangsregler' },
  labourMarket: { en: 'The labour market', nb: 'Arbeidsmarkedet' },
  groups: { en: 'The group mix', nb: 'Sammensetningen av gruppene' },
};

/** describeAllowed (sim/schema/dsl.ts) for a number in the page's language: in English exactly the CLI's words. */
export function allowedText(spec: NumberSpec, lang: Lang): string {
  if (lang === 'en') return describeAllowed(spec);
  const unit = spec.unit && spec.unit !== 'share' ? ` (${unitText(spec.unit, lang)})` : '';
  return `${spec.integer ? 'et heltall' : 'et tall'} fra ${spec.min} til ${spec.max}${unit}`;
}

/** "5000 is not allowed; expected an integer from 1 to 1000 (people per advisor)", as the CLI says it, in the page's language; `text` as typed. */
export function notAllowed(text: string, spec: NumberSpec, lang: Lang): string {
  const shown = /^-?[\d.]+(e[+-]?\d+)?$/i.test(text) ? text : show(text);
  return lang === 'en' ? `${shown} is not allowed; expected ${allowedText(spec, lang)}` : `${shown} er ikke tillatt; forventet ${allowedText(spec, lang)}`;
}
