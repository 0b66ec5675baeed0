/**
 * Links from the page to the notebooks. The built site serves the notebooks in `notebooks/` next
 * to the page (dist/web/notebooks/), so the links are relative: the site works from any folder.
 */

/** The persona notebook: one person's journeys under two policies, with questions for class. */
export const PERSONA_NOTEBOOK = 'notebooks/persona-journeys.html';

/** The notebooks' index: every notebook, for researchers and teachers. */
export const NOTEBOOKS_INDEX = 'notebooks/index.html';
