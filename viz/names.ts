/**
 * Display names of groups and services, and the bokmål form of a scenario's
 * texts. A scenario text `x` may have a bokmål sibling `xNb` (sim/schema/scenario.ts);
 * the shipped scenarios and the default services have them for every text.
 */
import type { DERIVED_GROUPS } from '../sim/constants.ts';
import { baseOf, parseScenario, type Scenario } from '../sim/index.ts';
import { SHIPPED } from '../scenarios/index.ts';
import { DEFAULT_SERVICES } from '../sim/schema/scenario.ts';
import { texts, type Lang } from './i18n.ts';
import type { ServiceLabels } from '../sim/journey-text.ts';

/**
 * A text's bokmål form: `nb`, unless it was inherited from the base of a file
 * that extends another and changes the English text but not the bokmål one
 * (then `nb` translates the base's text, not this one); a list only when it
 * has an item for each English item. Undefined: show the English.
 */
export function nbOf<T extends string | readonly string[]>(en: T | undefined, nb: T | undefined, base?: { en: T | undefined; nb: T | undefined }): T | undefined {
  if (nb === undefined) return undefined;
  if (Array.isArray(nb) && nb.length !== (en as readonly string[] | undefined)?.length) return undefined;
  const same = (x: T | undefined, y: T | undefined) => JSON.stringify(x) === JSON.stringify(y);
  if (base && same(base.nb, nb) && !same(base.en, en)) return undefined;
  return nb;
}

/**
 * The bokmål labels of groups and services, by kind, name and English label
 * (a label changed in a file, without its own bokmål one, is not translated
 * by the old label's): the shipped scenarios' and the default services', and
 * those of each scenario the page loads (learnNames).
 */
const NB_LABELS = new Map<string, string>();
const labelKey = (kind: 'group' | 'service', name: string, label: string) => `${kind}\u0000${name}\u0000${label}`;

/** Remember the bokmål labels of a scenario's groups and services (a loaded file's own, or those it keeps from its base). */
export function learnNames(s: Scenario): void {
  const base = baseOf(s);
  for (const g of s.groups) {
    const b = base?.groups.find((x) => x.name === g.name);
    const nb = nbOf(g.label, g.labelNb, b && { en: b.label, nb: b.labelNb });
    if (g.label !== undefined && nb !== undefined) NB_LABELS.set(labelKey('group', g.name, g.label), nb);
  }
  for (const x of s.services) {
    const b = base?.services.find((y) => y.id === x.id);
    const nb = nbOf(x.label, x.labelNb, b && { en: b.label, nb: b.labelNb });
    if (x.label !== undefined && nb !== undefined) NB_LABELS.set(labelKey('service', x.id, x.label), nb);
  }
}
for (const x of DEFAULT_SERVICES) NB_LABELS.set(labelKey('service', x.id, x.label), x.labelNb);
for (const [name, raw] of Object.entries(SHIPPED)) learnNames(parseScenario(raw, `scenario ${name}`));

/** A group's display name: its bokmål label in bokmål when it has one, else its scenario label. */
export function groupName(name: string, label: string, lang: Lang): string {
  return lang === 'nb' ? NB_LABELS.get(labelKey('group', name, label)) ?? label : label;
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

/** A service's display name: "a job-search course" becomes "Job-search course" ("jobbsøkerkurs": "Jobbsøkerkurs"). */
export function serviceName(id: string, label: string, lang: Lang): string {
  const s = serviceInSentence(id, label, lang).replace(/^(a|an|the) /i, '');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * A service as a journey sentence names it: in bokmål its bokmål label
 * ("søkte om språkkurs"); otherwise the scenario's label as it is ("applied
 * for a language course").
 */
export function serviceInSentence(id: string, label: string, lang: Lang): string {
  return lang === 'nb' ? NB_LABELS.get(labelKey('service', id, label)) ?? label : label;
}

/** A service's name in a sentence: a service without a label is named by its id, written as words ("myCourse": "my course"). */
function readable(id: string, label: string): string {
  return label === id ? id.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[-_]+/g, ' ').toLowerCase() : label;
}

/** The services as journey sentences name them in `lang` (sim/journey-text.ts), for the page's journey and the persona notebook alike. */
export function sentenceServices(services: readonly { id: string; label?: string }[], lang: Lang): ServiceLabels {
  return { services: services.map((x) => ({ id: x.id, label: serviceInSentence(x.id, readable(x.id, x.label ?? x.id), lang) })) };
}
