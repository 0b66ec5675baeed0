/**
 * The notebooks in bokmål (notebooks/translation.ts, notebooks/lib/lang.ts):
 * every English notebook X.html has its translation X.nb.html, which gives
 * each text cell in bokmål (no cell left as the English one) and a bokmål
 * title, and makes a notebook (the build's own merge); every word the code
 * cells show through t`…` / t("…") has a bokmål text in notebooks/lib/nb/X.ts,
 * and every text there is used. The translator and the merge are checked on
 * small hand-made cases, including each error they give.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'acorn';
import { simple } from 'acorn-walk';
import { JSDOM } from 'jsdom';
import { deserialize, type Notebook } from '@observablehq/notebook-kit';
import { describe, expect, it, vi } from 'vitest';
import { keyOf, translator } from '../notebooks/lib/lang.ts';
import { isTranslation, sourceOf, translated, translationOf } from '../notebooks/translation.ts';

const DIR = join(process.cwd(), 'notebooks');
const ENGLISH = readdirSync(DIR).filter((f) => f.endsWith('.html') && !isTranslation(f)).sort();
const parser = new new JSDOM().window.DOMParser();
const read = (file: string): Notebook => deserialize(readFileSync(join(DIR, file), 'utf-8'), { parser });

/** The keys of the texts a cell's code passes to t (tagged templates and calls with a string). */
function keysOf(code: string): string[] {
  const ast = parse(code, { ecmaVersion: 'latest', sourceType: 'module', allowAwaitOutsideFunction: true, allowReturnOutsideFunction: true });
  const keys: string[] = [];
  simple(ast, {
    TaggedTemplateExpression(n) {
      if (n.tag.type === 'Identifier' && n.tag.name === 't') keys.push(keyOf(n.quasi.quasis.map((q) => q.value.cooked ?? q.value.raw)));
    },
    CallExpression(n) {
      if (n.callee.type === 'Identifier' && n.callee.name === 't') {
        const [arg] = n.arguments;
        if (arg?.type !== 'Literal' || typeof arg.value !== 'string') throw new Error(`t(…) takes a string as written, not ${code.slice(n.start, n.end)}`);
        keys.push(arg.value);
      }
    },
  });
  return keys;
}

describe('every notebook has its bokmål translation', () => {
  it('finds the notebooks (index and persona-journeys among them)', () => {
    expect(ENGLISH).toEqual(expect.arrayContaining(['index.html', 'persona-journeys.html']));
    expect(ENGLISH.length).toBeGreaterThanOrEqual(6);
  });

  describe.each(ENGLISH)('%s', (file) => {
    const nbFile = translationOf(file);

    it(`has ${nbFile}, which makes a notebook of its code and bokmål text cells`, () => {
      expect(existsSync(join(DIR, nbFile)), `${nbFile} is missing`).toBe(true);
      const en = read(file);
      const nb = translated(en, read(nbFile), nbFile);
      expect(nb.cells.map((c) => [c.id, c.mode])).toEqual(en.cells.map((c) => [c.id, c.mode]));
      // no text cell is the English one, and the code is the same
      en.cells.forEach((c, i) => {
        if (c.mode === 'md' || c.mode === 'html') expect(nb.cells[i].value, `cell ${c.id}`).not.toBe(c.value);
        else expect(nb.cells[i].value).toBe(c.value);
      });
      expect(nb.title).not.toBe(en.title);
    });

    it('links to its other language', () => {
      expect(read(file).cells[0].value).toContain(`href="./${nbFile}"`);
      expect(read(nbFile).cells[0].value).toContain(`href="./${file}"`);
    });

    it('has a bokmål text for each word its code cells show, and no text left unused', async () => {
      const code = read(file).cells.filter((c) => c.mode === 'js');
      const keys = new Set(code.flatMap((c) => keysOf(c.value)));
      const table = join(DIR, 'lib', 'nb', file.replace(/\.html$/, '.ts'));
      if (keys.size === 0) {
        expect(existsSync(table), `${table} holds texts no cell uses`).toBe(false);
        return;
      }
      // the cells import their translator from it
      expect(code.some((c) => c.value.includes(`import {t} from "./lib/nb/${file.replace(/\.html$/, '.ts')}"`))).toBe(true);
      const { NB } = (await import(table)) as { NB: Record<string, string> };
      expect([...keys].filter((k) => !Object.hasOwn(NB, k)), 'texts with no bokmål').toEqual([]);
      expect(Object.keys(NB).filter((k) => !keys.has(k)), 'bokmål texts no cell uses').toEqual([]);
      // a translation keeps every value of its English text
      for (const [k, v] of Object.entries(NB)) expect(new Set(v.match(/\{\d+\}/g)), k).toEqual(new Set(k.match(/\{\d+\}/g)));
    });
  });
});

describe('the translator', () => {
  it('numbers the values of a tagged template, and puts them back in the translation’s order', () => {
    const parts = (s: TemplateStringsArray, ..._values: unknown[]) => s;
    expect(keyOf(parts`a ${1} b ${2} c`)).toBe('a {0} b {1} c');
    expect(keyOf(parts`${1}${2}`)).toBe('{0}{1}');
    const t = translator({ '{0} people for {1} weeks': '{1} uker for {0} personer', 'Week': 'Uke' }, 'nb');
    expect(t`${300} people for ${156} weeks`).toBe('156 uker for 300 personer');
    expect(t('Week')).toBe('Uke');
    const en = translator({ 'Week': 'Uke' }, 'en');
    expect(en`Week`).toBe('Week');
    expect(en`${3} people for ${4} weeks`).toBe('3 people for 4 weeks');
  });

  it('shows a text without a translation in English and says so on the console, once', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const t = translator({}, 'nb');
    expect(t`Week ${2}`).toBe('Week 2');
    expect(t`Week ${3}`).toBe('Week 3');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toContain('"Week {0}"');
    warn.mockRestore();
  });
});

describe('the merge of a notebook and its translation', () => {
  const nb = (cells: string) => deserialize(`<notebook><title>Tittel</title>${cells}</notebook>`, { parser });
  const en = deserialize(`<notebook><title>Title</title>
    <script id="1" type="text/markdown"># One</script>
    <script id="2" type="module">display(t\`Week\`)</script>
    <script id="3" type="text/html"><p>Three</p></script></notebook>`, { parser });

  it('takes the text cells from the translation and the code from the notebook, in the notebook’s order', () => {
    const out = translated(en, nb('<script id="3" type="text/html"><p>Tre</p></script><script id="1" type="text/markdown"># En</script>'), 'x.nb.html');
    expect(out.title).toBe('Tittel');
    expect(out.cells.map((c) => c.value)).toEqual(['# En', 'display(t`Week`)', '<p>Tre</p>']);
  });

  it.each([
    ['a text cell left out', '<script id="1" type="text/markdown"># En</script>', /no bokmål text for cell 3 of x\.html/],
    ['a cell the notebook has not', '<script id="1" type="text/markdown">#</script><script id="3" type="text/html">.</script><script id="9" type="text/markdown">?</script>', /cell 9 translates no cell of x\.html \(its cells: 1, 2, 3\)/],
    ['a code cell', '<script id="1" type="text/markdown">#</script><script id="3" type="text/html">.</script><script id="2" type="module">1</script>', /cell 2 is code \(js\)/],
  ])('fails on %s, naming the file and the cell', (_what, cells, message) => {
    expect(() => translated(en, nb(cells), 'x.nb.html')).toThrow(message);
  });

  it('fails on a title left in English', () => {
    const same = deserialize('<notebook><title>Title</title><script id="1" type="text/markdown">#</script><script id="3" type="text/html">.</script></notebook>', { parser });
    expect(() => translated(en, same, 'x.nb.html')).toThrow(/x\.nb\.html: the title must be in bokmål/);
  });

  it('names the files of each language', () => {
    expect(translationOf('persona-journeys.html')).toBe('persona-journeys.nb.html');
    expect(sourceOf('persona-journeys.nb.html')).toBe('persona-journeys.html');
    expect(isTranslation('index.nb.html')).toBe(true);
    expect(isTranslation('index.html')).toBe(false);
  });
});
