/** Relative links between the page and the notebooks, which `npm run build` puts in one site (the notebooks under notebooks/). */
export const NOTEBOOKS_INDEX = 'notebooks/index.html';
export const PERSONA_NOTEBOOK = 'notebooks/persona-journeys.html';
