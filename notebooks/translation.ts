/**
 * The bokmål notebooks, made at build time (notebooks/vite.config.ts): X.nb.html
 * holds the bokmål title and text cells of the English notebook X.html, cell for
 * cell by id; the bokmål notebook is X's cells in X's order, each text cell
 * (markdown, html) replaced by its bokmål one and each code cell kept as it is (its
 * words go through the translator of notebooks/lib/lang.ts). The code is written
 * once; a text cell left untranslated, a translation of a cell that is not there,
 * or a code cell in the translation fails the build with the file and the cell.
 */
import type { Cell, Notebook } from '@observablehq/notebook-kit';

/** The languages' file names: X.html in English, X.nb.html in bokmål. */
export const NB_SUFFIX = '.nb.html';

export const isTranslation = (file: string) => file.endsWith(NB_SUFFIX);

/** The English notebook a translation translates: persona-journeys.nb.html → persona-journeys.html. */
export const sourceOf = (file: string) => `${file.slice(0, -NB_SUFFIX.length)}.html`;

/** The bokmål translation of an English notebook: persona-journeys.html → persona-journeys.nb.html. */
export const translationOf = (file: string) => file.replace(/\.html$/, NB_SUFFIX);

/** Cells people read as text: translated as a whole. */
const isText = (c: Cell) => c.mode === 'md' || c.mode === 'html';

/** The bokmål notebook: the English one's cells, its text cells taken from `nb`. Throws (naming `file` and the cell) on a mismatch. */
export function translated(en: Notebook, nb: Notebook, file: string): Notebook {
  const enById = new Map(en.cells.map((c) => [c.id, c]));
  for (const c of nb.cells) {
    const source = enById.get(c.id);
    if (!source) throw new Error(`${file}: cell ${c.id} translates no cell of ${sourceOf(file)} (its cells: ${en.cells.map((x) => x.id).join(', ')})`);
    if (!isText(c)) throw new Error(`${file}: cell ${c.id} is code (${c.mode}); a translation holds only text cells, the code is ${sourceOf(file)}'s (its words go through t\`…\`)`);
    if (!isText(source)) throw new Error(`${file}: cell ${c.id} is code in ${sourceOf(file)}, text here`);
  }
  const nbById = new Map(nb.cells.map((c) => [c.id, c]));
  const untranslated = en.cells.filter((c) => isText(c) && !nbById.has(c.id)).map((c) => c.id);
  if (untranslated.length > 0) throw new Error(`${file}: no bokmål text for cell${untranslated.length > 1 ? 's' : ''} ${untranslated.join(', ')} of ${sourceOf(file)}`);
  if (!nb.title || nb.title === en.title) throw new Error(`${file}: the title must be in bokmål (it is ${JSON.stringify(nb.title)})`);
  return { ...en, title: nb.title, cells: en.cells.map((c) => (isText(c) ? { ...c, value: nbById.get(c.id)!.value } : c)) };
}
