/**
 * Bokmål texts of the shipped personas' descriptions. A scenario describes its personas in
 * English (sim/schema persona `description`), the one definition; this table translates that
 * exact text, so it is keyed by the English description itself: a persona whose description is
 * changed, or a persona of another scenario, shows its description in English (marked as such),
 * never a translation of some other text. test/viz/journey.test.ts checks that every persona of
 * every shipped scenario has one.
 */
import type { Lang } from './i18n.ts';

const DESCRIPTION_NB: Record<string, string> = {
  '32, came to join her husband, speaks Norwegian well, wants to study to become a teacher.':
    '32 år, kom for å bo sammen med mannen sin, snakker godt norsk, vil studere for å bli lærer.',
  '38, a nurse educated abroad, three years in the country, qualification not yet recognised.':
    '38 år, sykepleier utdannet i utlandet, tre år i landet, utdanningen er ennå ikke godkjent.',
  '54, a preschool teacher who came as a labour immigrant.': '54 år, barnehagelærer som kom som arbeidsinnvandrer.',
  '41, an EU citizen and mechanical engineer with no rights to benefits.': '41 år, EU-borger og maskiningeniør uten rett til ytelser.',
  '23, anxiety, no work experience, a history of changing advisors.': '23 år, angst, ingen arbeidserfaring, har byttet veileder mange ganger.',
};

/** A persona's description in `lang`, and the language it is in (English when there is no bokmål text of it); undefined without one. */
export function personaDescription(description: string | undefined, lang: Lang): { text: string; lang: Lang } | undefined {
  if (description === undefined || description.trim() === '') return undefined;
  const nb = lang === 'nb' && Object.hasOwn(DESCRIPTION_NB, description) ? DESCRIPTION_NB[description] : undefined;
  return nb !== undefined ? { text: nb, lang: 'nb' } : { text: description, lang: 'en' };
}
