/**
 * Small DOM helpers for the notebooks: a progress line, tables, an
 * Inputs-style select, and the notebooks' colours. The notebooks avoid the
 * runtime's built-in `Inputs`, `html` and `d3`, which notebook-kit loads from
 * a CDN; everything here is local, so the built notebooks work offline.
 */
import './notebooks.css';
import { POLICY_COLOURS, STATE_COLOURS } from '../../viz/palette.ts';
import { STATE_NAMES } from '../../sim/constants.ts';

export { POLICY_COLOURS, STATE_COLOURS, STATE_NAMES };
export { fixed, interval, pct, people, plain, signed, withInterval } from './format.ts';

type Child = Node | string | number | null | undefined | false;

/** h('p', {class: 'note'}, 'text', child...): an element with attributes and children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string | undefined> = {}, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) el.setAttribute(k, v);
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) el.append(typeof c === 'number' ? String(c) : c);
  return el;
}

/** A status line for long cells: update it with `.set(text)`; `.done(text)` marks it finished. */
export function progress(text: string): HTMLParagraphElement & { set(text: string): void; done(text: string): void } {
  const p = h('p', { class: 'nb-status', role: 'status', 'aria-live': 'polite' }, text) as HTMLParagraphElement & { set(t: string): void; done(t: string): void };
  p.set = (t) => { p.textContent = t; };
  p.done = (t) => { p.textContent = t; p.classList.add('nb-done'); };
  return p;
}

export interface Column<T> { label: string; value: (row: T) => Child; align?: 'left' | 'right'; header?: boolean }

/** A plain, accessible table with a caption. */
export function table<T>(rows: T[], columns: Column<T>[], caption?: string): HTMLTableElement {
  return h('table', { class: 'nb-table' },
    caption ? h('caption', {}, caption) : null,
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col', style: c.align === 'right' ? 'text-align:right' : undefined }, c.label)))),
    h('tbody', {}, rows.map((r) => h('tr', {}, columns.map((c) => h(c.header ? 'th' : 'td', { scope: c.header ? 'row' : undefined, style: c.align === 'right' ? 'text-align:right' : undefined }, c.value(r)))))),
  );
}

export interface SelectOptions<T> { label?: string; value?: T; format?: (x: T) => string }

/**
 * A drop-down in the style of Observable Inputs' `Inputs.select(options, {label, value, format})`:
 * a form whose `value` is the chosen option (any value, not only strings) and which emits
 * `input` events, so `view(select(...))` works in a notebook.
 */
export function select<T>(options: readonly T[], { label, value, format = String }: SelectOptions<T> = {}): HTMLFormElement & { value: T } {
  const id = `nb-select-${Math.random().toString(36).slice(2)}`;
  const sel = h('select', { id }, options.map((o, i) => h('option', { value: String(i) }, format(o))));
  const start = value === undefined ? 0 : Math.max(0, options.indexOf(value));
  sel.selectedIndex = start;
  const form = h('form', { class: 'nb-input' }, label ? h('label', { for: id }, label) : null, sel) as HTMLFormElement & { value: T };
  Object.defineProperty(form, 'value', {
    get: () => options[sel.selectedIndex],
    set: (v: T) => { sel.selectedIndex = Math.max(0, options.indexOf(v)); },
  });
  form.addEventListener('submit', (e) => e.preventDefault());
  return form;
}

/** Let the browser paint (between runs of a long computation). */
export const pause = () => new Promise<void>((ok) => setTimeout(ok, 0));
