/**
 * Vite config for the Observable notebooks in this folder (`npm run notebooks`,
 * `npm run build:notebooks`; `npm run build` and `npm start` use it too). Every
 * notebooks/*.html is an entry; the build goes to dist/web/notebooks, beside the
 * page in dist/web (the notebooks link it as ../index.html), with relative paths,
 * and contacts no other host.
 */
import { readdirSync, readFileSync, realpathSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { deserialize } from '@observablehq/notebook-kit';
import { config, observable } from '@observablehq/notebook-kit/vite';
import { defineConfig, type Alias, type Plugin } from 'vite';
import { isTranslation, sourceOf, translated } from './translation.ts';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** The notebooks: every .html file directly in notebooks/ (X.html in English, X.nb.html its bokmål translation). */
export const NOTEBOOKS = readdirSync(here('.')).filter((f) => f.endsWith('.html')).sort();

/**
 * A module added to each page: exposes the notebook runtime as `window.__notebook`, with
 * `settled()`, which resolves once every cell has run (used by the browser tests).
 */
const HOOK = `<script type="module">
import {runtime, main} from "observable:runtime";
const idle = () => !runtime._computing && runtime._dirty.size === 0 && runtime._precomputes.length === 0;
const cells = () => Array.from(runtime._variables).filter((v) => v._module === main && v._reachable);
window.__notebook = {
  runtime, main,
  async settled() {
    for (let quiet = 0; quiet < 2;) {
      await runtime._computing;
      await Promise.allSettled(cells().map((v) => v._promise));
      await new Promise((ok) => setTimeout(ok, 50));
      quiet = idle() ? quiet + 1 : 0;
    }
    return cells().length;
  },
};
</script>`;

/** Offline: nothing in the notebooks may come from a CDN. Fail the build if a cell imports from one. */
function noRemoteImports(): Plugin {
  return {
    name: 'notebooks-no-remote-imports',
    // 'pre', after notebook-kit's own 'pre' transform (plugin order): sees the cells as transpiled imports
    transformIndexHtml: {
      order: 'pre',
      handler(html, ctx) {
        const remote = html.match(/import\((["'])(https?:|npm:|jsr:|observable:)[^"']*\1/);
        if (remote) throw new Error(`${ctx.path}: a cell imports ${remote[0].slice(7)}; notebooks must work offline (import from the project or node_modules)`);
        return html;
      },
    },
  };
}

const window = new JSDOM().window;
const parser = new window.DOMParser();

/** A bokmål notebook: the English notebook's code with the translation's text cells (notebooks/translation.ts). */
function inBokmal(notebook: ReturnType<typeof deserialize>, file: string) {
  const source = join(dirname(file), sourceOf(basename(file)));
  return translated(deserialize(readFileSync(source, 'utf-8'), { parser }), notebook, basename(file));
}

const base = config();
// notebook-kit maps `npm:` imports to a CDN with a `customResolver` alias (deprecated in Vite 8); the notebooks
// work offline and never use `npm:`, so that alias is left out (and noRemoteImports fails the build on a remote import).
// The runtime's built-in `Plot` and `d3` load from a CDN; point them at the project's own copies, so a cell that uses
// them without an import still works offline. (Built-ins the project does not have, e.g. `Inputs` and `html`, still
// reach for the CDN: the browser test fails on that.)
const aliases: Alias[] = [
  ...((base.resolve?.alias ?? []) as Alias[]).filter((a) => !a.customResolver),
  { find: /^https:\/\/cdn\.jsdelivr\.net\/npm\/@observablehq\/plot\/\+esm$/, replacement: '@observablehq/plot' },
  { find: /^https:\/\/cdn\.jsdelivr\.net\/npm\/d3\/\+esm$/, replacement: 'd3' },
];

export default defineConfig({
  ...base,
  resolve: { ...base.resolve, alias: aliases },
  root: here('.'),
  // a dependency cache of its own, apart from the page's (vite.config.ts at the root)
  cacheDir: here('../node_modules/.vite-notebooks'),
  publicDir: false,
  // no favicon request (data: URL), and the test hook
  // a bokmål notebook is marked lang="nb" (for screen readers, and the cells' language: notebooks/lib/lang.ts)
  plugins: [
    observable({
      window,
      parser,
      transformNotebook: (notebook, ctx) => (isTranslation(ctx.filename) ? inBokmal(notebook, ctx.filename) : notebook),
      transformTemplate: (t, ctx) => {
        const page = t.replace('</head>', `<link rel="icon" href="data:,">\n${HOOK}\n</head>`);
        if (!isTranslation(ctx.filename)) return page;
        if (!page.includes('<html lang="en">')) throw new Error('notebooks/vite.config.ts: the notebook template has no <html lang="en"> to mark as bokmål');
        return page.replace('<html lang="en">', '<html lang="nb">');
      },
    }),
    noRemoteImports(),
  ],
  // the project, and its node_modules where it really is (a checkout may share one through a symbolic link)
  server: { host: '127.0.0.1', fs: { allow: [here('..'), realpathSync(here('../node_modules'))] } },
  preview: { host: '127.0.0.1' },
  build: {
    outDir: here('../dist/web/notebooks'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    rollupOptions: { input: NOTEBOOKS.map((f) => here(f)) },
  },
});
