/** A small element builder: h('button', { class: 'x', onclick }, 'Run'). */
type Attrs = Record<string, string | number | boolean | undefined | ((e: Event) => void)>;
type Child = Node | string | undefined | false | null;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, ''), v);
    else if (k in el && !k.startsWith('aria-') && !k.startsWith('data-') && k !== 'for' && k !== 'list') (el as unknown as Record<string, unknown>)[k] = v;
    else el.setAttribute(k === 'class' ? 'class' : k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) if (c !== undefined && c !== false && c !== null) el.append(c);
  return el;
}

/** `make(tag, attributes, ...children)` for document `doc` (views that also render in jsdom). Attributes are set as strings. */
export function elementMaker(doc: Document) {
  return (tag: string, attrs: Record<string, string> = {}, ...kids: (Node | string)[]): HTMLElement => {
    const e = doc.createElement(tag);
    // style through the CSSOM: the page's Content-Security-Policy refuses style attributes
    for (const [k, v] of Object.entries(attrs)) if (k === 'style') e.style.cssText = v; else e.setAttribute(k, v);
    e.append(...kids);
    return e;
  };
}

/** A text with `names` in backticks as code: its parts, to append to an element. */
export function withCode(text: string): (Node | string)[] {
  return text.split('`').map((part, i) => (i % 2 ? h('code', {}, part) : part));
}
