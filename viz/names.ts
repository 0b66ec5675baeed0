/** Display names of groups and services: bokmål names for the shipped ones, else the scenario's label. */
import type { DERIVED_GROUPS } from '../sim/constants.ts';
import { texts, type Lang } from './i18n.ts';

/** Bokmål labels of the shipped scenario groups; other groups show their scenario label. */
const GROUP_NB: Record<string, string> = {
  'native-rights': 'Innfødte med rett til ytelser', 'native-no-rights': 'Innfødte uten rett til ytelser', refugee: 'Flyktninger',
  'family-reunified': 'Familiegjenforente innvandrere', 'labour-immigrant': 'Arbeidsinnvandrere (utenfor EU/EØS)',
  'eu-citizen': 'EU/EØS-borgere', youth: 'Unge utenfor arbeid, utdanning og opplæring', 'young-with-benefits': 'Unge innfødte på dagpenger',
};

export function groupName(name: string, label: string, lang: Lang): string {
  return lang === 'nb' ? GROUP_NB[name] ?? label : label;
}

/** The output groups the recorder adds to every scenario's (sim/constants DERIVED_GROUPS); the type asks for each. */
const DERIVED_TEXT = texts<Record<(typeof DERIVED_GROUPS)[number], string>>(
  { withBenefitRights: 'With benefit rights', withoutBenefitRights: 'Without benefit rights', women: 'Women', men: 'Men', all: 'Everyone' },
  { withBenefitRights: 'Med rett til ytelser', withoutBenefitRights: 'Uten rett til ytelser', women: 'Kvinner', men: 'Menn', all: 'Alle' },
);

/** Any output group's display name: a scenario group (groupName), a derived group, else the name as it is. */
export function outputGroupName(name: string, groups: readonly { name: string; label?: string }[], lang: Lang): string {
  const g = groups.find((x) => x.name === name);
  if (g) return groupName(g.name, g.label ?? g.name, lang);
  const derived: Record<string, string> = DERIVED_TEXT(lang);
  return Object.hasOwn(derived, name) ? derived[name] : name;
}

/** Bokmål names of the shipped services (sim/schema DEFAULT_SERVICES); other services show their scenario label. */
const SERVICE_NB: Record<string, string> = {
  jobSearchCourse: 'Jobbsøkerkurs', officeCourse: 'Kort kontorkurs', languageCourse: 'Språkkurs',
  workPlacement: 'Arbeidspraksis i tre måneder', healthSupport: 'Støtte med helse og livssituasjon',
  vocationalTraining: 'Yrkesopplæring', careerGuidance: 'Karriereveiledning med godkjenning av kvalifikasjoner',
  formalEducation: 'Vei til formell utdanning', workGroup: 'Arbeidsgruppe med likepersoner og oppfølging',
  introductionProgramme: 'Introduksjonsprogrammet', qualificationProgramme: 'Kvalifiseringsprogrammet',
};

/** A service's display name: "a job-search course" becomes "Job-search course". */
export function serviceName(id: string, label: string, lang: Lang): string {
  if (lang === 'nb' && SERVICE_NB[id]) return SERVICE_NB[id];
  const s = label.replace(/^(a|an|the) /i, '');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * A service as a journey sentence names it: in bokmål the shipped services'
 * bokmål names, lower-case first ("søkte om språkkurs"); otherwise the
 * scenario's label as it is ("applied for a language course").
 */
export function serviceInSentence(id: string, label: string, lang: Lang): string {
  const nb = lang === 'nb' ? SERVICE_NB[id] : undefined;
  return nb ? nb.charAt(0).toLowerCase() + nb.slice(1) : label;
}
