/**
 * Shared parts of the chart modules: options, the figure wrapper, number helpers,
 * end-of-line labels and an in-svg legend. No chart draws its meaning outside
 * its one `svg[data-export]`, so an exported svg reads on its own.
 */
import type { MetricName } from '../../sim/index.ts';
import type { PageData } from '../data.ts';
import { num, texts, type Lang } from '../i18n.ts';

/**
 * Options every chart takes.
 * - `lang`: interface language; default `'en'`.
 * - `width`: chart width in CSS px; default `640`.
 * - `height`: chart height in CSS px; default chart-specific: employment and
 *   survival 320, gap 340, flows 480; services, rejections and groups size
 *   themselves to their rows (27 px a row) unless given.
 * - `document`: the document every element is created in; default
 *   `globalThis.document` (tests pass a jsdom document).
 * - `choice`: for a chart with a control, the value chosen (one of its
 *   control's `values`); default, and for a value it does not know, the first.
 * - `fontSize`: the size of the chart's labels (ticks, axis labels, legends)
 *   in CSS px; default 10 (projector mode: 18). Margins, bars, rows, gaps,
 *   default heights and the number of ticks grow with it, so labels keep
 *   their room and do not overlap; long labels wrap.
 * - `maxHeight`: the most a chart may take, in CSS px (a screen's room): a
 *   chart of a fixed default height (employment, survival, gap, flows) is
 *   drawn lower; one that sizes itself to its rows, at a large `fontSize`,
 *   draws thinner bars and gaps (down to a few px; its labels keep their size).
 */
export interface ChartOptions { lang?: Lang; width?: number; height?: number; document?: Document; choice?: string; fontSize?: number; maxHeight?: number }

/**
 * A choice a chart offers above its drawing, as a `<select>` (the groups
 * chart's measure). It belongs to the chart's entry in CHARTS
 * (viz/charts/index.ts); the Compare view draws the select, renders the chart
 * again with the new `choice` when it changes, and the page keeps the value
 * in the link under `param`.
 */
export interface ChartControl<V extends string = string> {
  /** The select's element id, unique on the page. */
  id: string;
  /** The link parameter that keeps the value (left out at the default). */
  param: string;
  /** The values, in menu order; the first is the default. */
  values: readonly V[];
  /** The select's label. */
  label(lang: Lang): string;
  /** A value's text in the menu. */
  text(value: V, lang: Lang): string;
}

/** The value `choice` names if the control has it, else the control's default (its first value). */
export function choiceOf<V extends string>(control: ChartControl<V>, choice: string | undefined): V {
  return (control.values as readonly string[]).includes(choice as string) ? (choice as V) : control.values[0];
}

/**
 * Resolved options; `heightGiven` tells charts that size themselves by content to keep `height`;
 * `font` is the label size in px and `k` its ratio to the default (10 px), by which sizes grow.
 */
export interface Ctx { lang: Lang; width: number; height: number; heightGiven: boolean; doc: Document; font: number; k: number; maxHeight?: number }

/** The default label size of a chart, in px. */
export const FONT_SIZE = 10;

export const SVG_NS = 'http://www.w3.org/2000/svg';
export const FONT = 'system-ui, sans-serif';

export function context(o: ChartOptions, defaultHeight: number): Ctx {
  const doc = o.document ?? globalThis.document;
  if (!doc) throw new Error('charts: no document; pass options.document');
  const font = o.fontSize ?? FONT_SIZE;
  const k = font / FONT_SIZE;
  // larger type takes some more height, not in proportion (the plot keeps most of its room)
  const natural = k === 1 ? defaultHeight : Math.round(defaultHeight * (1 + (k - 1) * 0.35));
  const height = o.height ?? (o.maxHeight !== undefined && defaultHeight > 0 ? Math.max(120, Math.min(natural, Math.round(o.maxHeight))) : natural);
  return { lang: o.lang ?? 'en', width: o.width ?? 640, height, heightGiven: o.height !== undefined, doc, font, k, maxHeight: o.maxHeight };
}

const TEXT = texts(
  {
    notice: 'What to notice:',
    reps: (n: number) => `Mean of ${n} replication${n === 1 ? '' : 's'}`,
    bands: 'bands are 95% intervals',
    points: (x: string, one: boolean) => `${x} percentage point${one ? '' : 's'}`,
    week: 'Week',
  },
  {
    notice: 'Legg merke til:',
    reps: (n: number) => `Gjennomsnitt av ${n} replikasjon${n === 1 ? '' : 'er'}`,
    bands: 'båndene er 95 %-intervaller',
    points: (x: string) => `${x} prosentpoeng`,
    week: 'Uke',
  },
);
export const COMMON_TEXT = TEXT;

/** "Mean of N replications; bands are 95% intervals." (without bands when `bands` is false). */
export function repsNote(data: PageData, lang: Lang, bands = true): string {
  const t = TEXT(lang);
  return `${t.reps(data.meta.replications)}${bands ? `; ${t.bands}` : ''}.`;
}

/** A difference of two shares in percentage points, rounded to whole points (its size: the words around it give the sign). */
export function points(diff: number, lang: Lang): string {
  const x = Math.round(Math.abs(diff) * 100);
  return TEXT(lang).points(num(x, lang, 0), x === 1);
}

/** Round for attributes and paths (default 2 decimals). */
export function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

/** The mean of a scalar metric of policy `p` over replications. */
export function summaryMean(data: PageData, p: string, metric: MetricName): number {
  const m = data.compare.policies[p].summary[metric].mean;
  return typeof m === 'number' ? m : m[m.length - 1];
}

/** Policies with their labels and index (0 = A, 1 = B). */
export function policies(data: PageData): { key: string; label: string; i: number }[] {
  return data.meta.policies.map((key, i) => ({ key, label: data.meta.policyLabels[i], i }));
}

/** Spread label positions (data units) so neighbours are at least `gap` apart, keeping the top one. */
export function dodge(values: number[], gap: number): number[] {
  const order = values.map((_, i) => i).sort((a, b) => values[b] - values[a]);
  const out = values.slice();
  for (let k = 1; k < order.length; k++) {
    const above = out[order[k - 1]];
    if (above - out[order[k]] < gap) out[order[k]] = above - gap;
  }
  return out;
}

/** Rough width of a text in px at font size 10 (for margins and legend layout; no layout engine in tests). */
export function textWidth(s: string, size = 10): number {
  return Math.ceil(s.length * size * 0.56);
}

export function svgEl<K extends keyof SVGElementTagNameMap>(doc: Document, tag: K, attrs: Record<string, string | number> = {}): SVGElementTagNameMap[K] {
  const e = doc.createElementNS(SVG_NS, tag);
  // style through the CSSOM: the page's Content-Security-Policy refuses style attributes
  for (const [k, v] of Object.entries(attrs)) if (k === 'style') e.style.cssText = String(v); else e.setAttribute(k, String(v));
  return e;
}

export interface LegendItem { label: string; fill: string; stroke?: string }

/** Positions of legend swatches in rows wrapping at `width`, and the height used (labels of `font` px). */
export function legendLayout(items: LegendItem[], x: number, y: number, width: number, font = FONT_SIZE): { at: [number, number][]; height: number } {
  const k = font / FONT_SIZE;
  let cx = x;
  let cy = y;
  const at: [number, number][] = [];
  for (const it of items) {
    const w = (16 + 14) * k + textWidth(it.label, font);
    if (cx > x && cx + w > x + width) { cx = x; cy += 16 * k; }
    at.push([cx, cy]);
    cx += w;
  }
  return { at, height: cy - y + 16 * k };
}

/** Swatches with labels (`font` px) in rows, appended to `parent` (an svg or g); returns the height used. */
export function legend(doc: Document, parent: Element, items: LegendItem[], x: number, y: number, width: number, font = FONT_SIZE): number {
  const k = font / FONT_SIZE;
  const g = svgEl(doc, 'g', { class: 'legend', 'font-size': font, 'font-family': FONT, 'text-anchor': 'start' });
  const { at, height } = legendLayout(items, x, y, width, font);
  items.forEach((it, i) => {
    const [cx, cy] = at[i];
    g.append(svgEl(doc, 'rect', { x: cx, y: cy, width: 11 * k, height: 11 * k, fill: it.fill, ...(it.stroke ? { stroke: it.stroke } : {}) }));
    const t = svgEl(doc, 'text', { x: cx + 15 * k, y: cy + 9 * k, fill: 'currentColor' });
    t.textContent = it.label;
    g.append(t);
  });
  parent.append(g);
  return height;
}

/** Pull the svg out of Plot's output (a bare svg when there is no legend or caption). */
export function asSvg(node: Element): SVGSVGElement {
  const svg = node.tagName.toLowerCase() === 'svg' ? node : node.querySelector('svg');
  if (!svg) throw new Error('charts: Plot returned no svg');
  return svg as SVGSVGElement;
}

export interface FigureParts { id: string; title: string; notice: string; svg: SVGSVGElement; caption: string; extra?: HTMLElement[] }

/** `<figure class="chart" id="chart-<id>" data-chart="<id>">` with title, notice, the one export svg and caption. */
export function figure(ctx: Ctx, parts: FigureParts): HTMLElement {
  const { doc, lang } = ctx;
  const fig = doc.createElement('figure');
  fig.className = 'chart';
  fig.id = `chart-${parts.id}`;
  fig.setAttribute('data-chart', parts.id);
  const h = doc.createElement('h3');
  h.textContent = parts.title;
  const p = doc.createElement('p');
  p.className = 'notice';
  const lead = doc.createElement('strong');
  lead.textContent = TEXT(lang).notice;
  p.append(lead, ` ${parts.notice}`);
  const { svg } = parts;
  svg.setAttribute('xmlns', SVG_NS);
  svg.setAttribute('data-export', parts.id);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', `${parts.title}. ${parts.notice}`);
  svg.setAttribute('font-family', FONT);
  const cap = doc.createElement('figcaption');
  cap.textContent = parts.caption;
  fig.append(h, p, svg, ...(parts.extra ?? []), cap);
  return fig;
}
