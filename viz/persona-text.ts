/**
 * A persona's description in the page's language: the scenario's bokmål
 * text (`descriptionNb`, next to `description` in the scenario file: the one
 * definition), else the English one, said to be English so the page marks it.
 */
import type { Lang } from './i18n.ts';

/** A persona's description in `lang`, and the language it is in (English when there is no bokmål text of it); undefined without one. */
export function personaDescription(p: { description?: string; descriptionNb?: string }, lang: Lang): { text: string; lang: Lang } | undefined {
  const en = p.description;
  if (en === undefined || en.trim() === '') return undefined;
  const nb = lang === 'nb' && p.descriptionNb?.trim() ? p.descriptionNb : undefined;
  return nb !== undefined ? { text: nb, lang: 'nb' } : { text: en, lang: 'en' };
}
