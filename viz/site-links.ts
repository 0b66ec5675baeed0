/**
 * The one static site: the page at its root (index.html) and the notebooks in
 * notebooks/ (`npm run build` writes both into dist/web; `npm start` serves the
 * notebooks under /notebooks/ too). The paths are relative to the page, so the
 * links work from any folder of any web server and offline. A notebook links
 * back with PAGE_FROM_NOTEBOOK. Each notebook is in English and in bokmål
 * (notebooks/translation.ts): the page links the one in its language (inLanguage).
 */
import { h } from './dom.ts';
import { texts, type Lang } from './i18n.ts';
import { translationOf } from '../notebooks/translation.ts';

/** The notebooks' index, from the page. */
export const NOTEBOOKS_INDEX = 'notebooks/index.html';
/** The notebook "One person's journey" (a persona under both policies, for teaching), from the page. */
export const PERSONA_NOTEBOOK = 'notebooks/persona-journeys.html';
/** The page, from a notebook. */
export const PAGE_FROM_NOTEBOOK = '../index.html';

/** A notebook's address in a language: its bokmål translation in bokmål. */
export const inLanguage = (href: string, lang: Lang): string => (lang === 'nb' ? translationOf(href) : href);

const TEXT = texts(
  {
    label: 'More on this site',
    notebooks: 'Notebooks for teaching and research',
    persona: 'Notebook: one person’s journey',
  },
  {
    label: 'Mer på dette nettstedet',
    notebooks: 'Notatbøker for undervisning og forskning',
    persona: 'Notatbok: én persons vei',
  },
);

/** The footer's links to the notebooks, in the page's language. */
export function siteLinks(lang: Lang): HTMLElement {
  const T = TEXT(lang);
  const link = (href: string, text: string) => h('a', { href: inLanguage(href, lang) }, text);
  return h('nav', { class: 'site-links', 'aria-label': T.label }, h('p', {}, link(NOTEBOOKS_INDEX, T.notebooks), ' · ', link(PERSONA_NOTEBOOK, T.persona)));
}
