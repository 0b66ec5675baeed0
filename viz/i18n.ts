/**
 * Interface languages. Each module keeps its own words next to its code:
 *   const TEXT = texts({ title: 'Employment' }, { title: 'Sysselsetting' });
 *   TEXT(lang).title
 * The type makes the bokmål table carry every English key.
 */
import { FIRST_OUT, REASON_NAMES, STATE_NAMES } from '../sim/constants.ts';
import { fixed, percent } from '../sim/format.ts';

/** The languages: one list, shared with the model's journey sentences (sim/journey-text.ts). */
export { LANGS, type Lang } from '../sim/journey-text.ts';
import type { Lang } from '../sim/journey-text.ts';

export function texts<T extends Record<string, unknown>>(en: T, nb: { [K in keyof T]: T[K] }): (lang: Lang) => T {
  return (lang) => (lang === 'nb' ? (nb as T) : en);
}

/** Number formats of the page (sim/format.ts with the language's decimal mark and the minus sign −): shares as percentages. */
export function pct(x: number, lang: Lang, digits = 0): string {
  return percent(x, digits, { lang, typographic: true });
}

export function num(x: number, lang: Lang, digits = 2): string {
  return fixed(x, digits, { lang, typographic: true });
}

/** A whole number with the language's thousands separator: 200,000 (en), 200 000 (nb). */
export function count(x: number, lang: Lang): string {
  return fixed(x, 0, { lang, typographic: true, grouped: true });
}

type StateName = (typeof STATE_NAMES)[number];
type ReasonName = Exclude<(typeof REASON_NAMES)[number], ''>;

/** State names as people read them (sim/constants STATE_NAMES order); the type asks for every state. */
export const STATE_TEXT = texts<Record<StateName, string>>(
  {
    unemployed: 'Unemployed, searching', discouraged: 'Discouraged', shortService: 'In a short service', longService: 'In a long service', employed: 'In work',
    healthBenefit: 'On a health-related benefit', education: 'In education', movedAway: 'Moved away',
  },
  {
    unemployed: 'Arbeidsledig, søker', discouraged: 'Motløs', shortService: 'I et kort tiltak', longService: 'I et langt tiltak', employed: 'I arbeid',
    healthBenefit: 'På helserelatert ytelse', education: 'I utdanning', movedAway: 'Flyttet',
  },
);

/** The states from FIRST_OUT on, together: people outside the labour force, no longer followed by the office. */
export const LEFT_TEXT = texts({ left: 'Left the register' }, { left: 'Har forlatt registeret' });

/** Whether a state is outside the labour force (sim/constants FIRST_OUT). */
export function isOut(state: StateName | number): boolean {
  return (typeof state === 'number' ? state : STATE_NAMES.indexOf(state)) >= FIRST_OUT;
}

/**
 * Refusal reasons (sim/constants REASON_NAMES); the type asks for every reason. `notPriorityGroup`:
 * the places went to those with economic rights first (REASON_NOTE says so where the reasons are shown).
 */
export const REASON_TEXT = texts<Record<ReasonName, string>>(
  {
    notEntitled: 'Not entitled', noCapacity: 'No places left', notPriorityGroup: 'Not a priority group (rights first)',
    alreadyHoldsEducation: 'Already holds this education', level: 'Level judged too high', noBudget: 'Budget spent',
  },
  {
    notEntitled: 'Ikke rettighet', noCapacity: 'Ingen ledige plasser', notPriorityGroup: 'Ikke prioritert gruppe (rettigheter først)',
    alreadyHoldsEducation: 'Har allerede utdanningen', level: 'Nivået vurdert for høyt', noBudget: 'Budsjettet er brukt opp',
  },
);

/** What two of the reasons mean, for captions. */
export const REASON_NOTE = texts(
  { note: '“Not a priority group”: the places went to those with economic rights first. “Budget spent”: the office’s budget for the period was used up.' },
  { note: '«Ikke prioritert gruppe»: plassene gikk først til dem med økonomiske rettigheter. «Budsjettet er brukt opp»: kontorets budsjett for perioden var oppbrukt.' },
);

/** Shown wherever results are broken down by group (docs/MODEL.md, § 6 Input data). */
export const GROUP_NOTE = texts(
  { note: 'Groups are parameters of a scenario, not traits of a people. The model illustrates mechanisms and tests hypotheses; it does not predict what will happen to real individuals.' },
  { note: 'Gruppene er parametere i et scenario, ikke egenskaper ved et folk. Modellen illustrerer mekanismer og tester hypoteser; den forutsier ikke hva som vil skje med virkelige personer.' },
);
