/**
 * English left in a bokmål page, for the browser tests of the page
 * (bokmal.test.ts) and of the notebooks (notebooks.test.ts): the texts a page
 * shows (collect), and those of a bokmål page that are texts of the English
 * page, numbers aside, and not only names, numbers and shared words
 * (leftInEnglish, allowed).
 */
import type { Page } from 'playwright-core';
import { SHIPPED } from '../../scenarios/index.ts';
import { SHIPPED_HYPOTHESES } from '../../sim/index.ts';

/** A text on the page and where it is (the element, and the nearest ancestor with an id). */
export interface Found { text: string; where: string }

const personas = [...new Set(Object.values(SHIPPED).flatMap((s) => ((s as { personas?: { name: string }[] }).personas ?? []).map((p) => p.name)))];

/**
 * Words a bokmål text may share with the English page: names (of people,
 * the scenarios, NAV, the EU), the file and export formats, single letters
 * of the policies (A, B), and words that are the same in bokmål ("Scenario",
 * "minus").
 */
const ALLOWED = new Set([
  ...personas, ...Object.keys(SHIPPED), 'NAV', 'EU', 'EØS', 'EEA',
  'SVG', 'PNG', 'JSON', 'CSV', 'A', 'B', 'C', 'D', 'Scenario', 'minus', 'pp', 's', 'kr',
  // the same word in bokmål
  'Person', 'Under', 'start', 'Start', 'Parameter', 'scenario',
  // the names of methods, of their symbols and of the authors cited by name, and the shipped hypotheses' names
  'Morris', 'Sobol', 'ABC', 'SMC', 'Nelder', 'Mead', 'mu', 'sigma', 'S1', 'ST', 'Card', 'Kluve', 'Weber', ...Object.keys(SHIPPED_HYPOTHESES),
]);

/** An identifier, written as code is: a name with hyphens (lock-in-year1), a path (groups.refugee.language) or in camelCase (levelMatching). */
const IDENTIFIER = /^(?:[a-z][a-zA-Z0-9]*(?:[-.][a-zA-Z0-9]+)+|[a-z]+[A-Z][A-Za-z0-9]*)$/;

/** A text made only of ALLOWED words, numbers, units and signs (no letters but theirs). */
export function allowed(text: string): boolean {
  // identifiers aside (a word's signs around it dropped: "(lock-in-year1)")
  const rest = text.split(/\s+/).filter((tok) => !IDENTIFIER.test(tok.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))).join(' ');
  const words = rest.match(/[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu) ?? [];
  // numbers (and numbers with a unit letter: 2x), the findings F1 ... F14, and single letters (the symbols of a formula: p, w, δ)
  return words.every((w) => ALLOWED.has(w) || /^\d/.test(w) || /^F\d+$/.test(w) || [...w].length === 1);
}

/** Every text the page shows, with its aria-labels, titles and placeholders; text marked lang="en" and code left out. */
export function collect(page: Page): Promise<Found[]> {
  return page.evaluate(() => {
    const out: { text: string; where: string }[] = [];
    // marked with its language inside the page (the page's own is on <html>): English shown as English, a language's own name
    const marked = (e: Element) => {
      const m = e.closest('[lang]');
      return m !== null && m !== document.documentElement;
    };
    const shown = (e: Element) => e.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
    const where = (e: Element) => {
      const own = `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${typeof e.className === 'string' && e.className ? `.${e.className.trim().split(/\s+/).join('.')}` : ''}`;
      const anchor = e.parentElement?.closest('[id]');
      return anchor ? `#${anchor.id} ${own}` : own;
    };
    const clean = (s: string) => s.replace(/\s+/g, ' ').trim();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const text = clean(n.textContent ?? '');
      // code (commands, identifiers) and the citations of published sources (the page's .fit-source, a notebook's .nb-source and cite), as published
      if (!el || !text || el.closest('script, style, code, kbd, cite, .fit-source, .nb-source') || marked(el)) continue;
      // an option is seen when its list is opened: it counts when the list is shown
      if (!shown(el.closest('select') ?? el)) continue;
      out.push({ text, where: where(el) });
    }
    for (const e of document.body.querySelectorAll('[aria-label], [title], [placeholder]')) {
      // the parts of an image (a chart's svg, role="img", labelled as a whole) are not read out
      // and neither is the aria-label of a chart's part without a role (Plot's "x-axis tick", "bar", "frame": generic, its label not exposed)
      if (e.closest('code') || e.parentElement?.closest('[role="img"]') || (e instanceof SVGElement && e.localName !== 'svg' && !e.hasAttribute('role')) || marked(e) || !shown(e)) continue;
      for (const a of ['aria-label', 'title', 'placeholder']) {
        const v = clean(e.getAttribute(a) ?? '');
        if (v) out.push({ text: v, where: `${where(e)}[${a}]` });
      }
    }
    out.push({ text: document.title, where: 'title' });
    return out;
  });
}

/** A text with its numbers as # (either language's marks: 1,234.5 and 1 234,5), so that "Done: 20 runs in 1.3 s." is found in "Done: 20 runs in 1.4 s.". */
export const shape = (text: string): string => text.replace(/[−-]?\d(?:[\d\s\u00a0\u202f.,]*\d)?/g, '#');

/** The bokmål texts that are English: texts of the English page (numbers aside), and not only names and numbers. */
export function leftInEnglish(en: Found[], nb: Found[]): string[] {
  const english = new Set(en.map((x) => shape(x.text)));
  const left = nb.filter((x) => english.has(shape(x.text)) && !allowed(x.text)).map((x) => `${x.where}: ${x.text}`);
  return [...new Set(left)];
}

