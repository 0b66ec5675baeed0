/**
 * Interface languages. Each module keeps its own words next to its code:
 *   const TEXT = texts({ title: 'Employment' }, { title: 'Sysselsetting' });
 *   TEXT(lang).title
 * The type makes the bokmål table carry every English key.
 */
export const LANGS = ['en', 'nb'] as const;
export type Lang = (typeof LANGS)[number];

export function texts<T extends Record<string, unknown>>(en: T, nb: { [K in keyof T]: T[K] }): (lang: Lang) => T {
  return (lang) => (lang === 'nb' ? (nb as T) : en);
}

/** Number formats shared by the page: shares as percentages, with the language's decimal mark. */
export function pct(x: number, lang: Lang, digits = 0): string {
  return `${num(x * 100, lang, digits)}${lang === 'nb' ? ' %' : '%'}`;
}

export function num(x: number, lang: Lang, digits = 2): string {
  const s = x.toFixed(digits).replace('-', '−');
  return lang === 'nb' ? s.replace('.', ',') : s;
}

/** State names as people read them (sim/constants STATE_NAMES order). */
export const STATE_TEXT = texts(
  { unemployed: 'Unemployed, searching', discouraged: 'Discouraged', shortService: 'In a short service', longService: 'In a long service', employed: 'In work' },
  { unemployed: 'Arbeidsledig, søker', discouraged: 'Motløs', shortService: 'I et kort tiltak', longService: 'I et langt tiltak', employed: 'I arbeid' },
);

/** Refusal reasons (sim/constants REASON_NAMES). */
export const REASON_TEXT = texts(
  { notEntitled: 'Not entitled', noCapacity: 'No places left', notPriorityGroup: 'Not a priority group', alreadyHoldsEducation: 'Already holds this education', level: 'Level judged too high' },
  { notEntitled: 'Ikke rettighet', noCapacity: 'Ingen ledige plasser', notPriorityGroup: 'Ikke prioritert gruppe', alreadyHoldsEducation: 'Har allerede utdanningen', level: 'Nivået vurdert for høyt' },
);

/** BRIEF §7: shown wherever results are broken down by group. */
export const GROUP_NOTE = texts(
  { note: 'Groups are parameters of a scenario, not traits of a people. The model illustrates mechanisms and tests hypotheses; it does not predict what will happen to real individuals.' },
  { note: 'Gruppene er parametere i et scenario, ikke egenskaper ved et folk. Modellen illustrerer mekanismer og tester hypoteser; den forutsier ikke hva som vil skje med virkelige personer.' },
);
