/**
 * Labelled rows with one bar (or dot with interval) per policy, in optional titled sections,
 * legend inside the svg (services, rejections, groups). The y scale is in px: with the default
 * height each row is 2 × 9 px plus a 9 px gap.
 */
import * as Plot from '@observablehq/plot';
import { wrapText } from '../../sim/format.ts';
import { POLICY_COLOURS, textColour } from '../palette.ts';
import { asSvg, legend, legendLayout, svgEl, textWidth, type Ctx, type LegendItem } from './common.ts';

/** Greedy word wrap to lines of at most `width` px (estimated; sim/format.ts). */
const wrap = (s: string, width: number): string[] => wrapText(s, width, textWidth);

export interface RowValue { value: number; part?: number; lo?: number; hi?: number }
/** `values[i]` belongs to policy i (0 = A, 1 = B). */
export interface Row { label: string; values: RowValue[] }
export interface Section { title?: string; rows: Row[] }

export interface RowChartOptions {
  kind: 'bar' | 'dot';
  xLabel: string;
  format: (x: number) => string;
  legend: LegendItem[];
  /** Fill of the distinct part of a bar, per policy (e.g. a pattern url). */
  partFill?: (policy: number) => string;
  /** Elements to put in the svg's defs (patterns). */
  defs?: Element[];
  xDomain?: [number, number];
  /** A note drawn under the axis, wrapped (e.g. the group note, so an exported svg keeps it). */
  footnote?: string;
}

const BAR = 9;
const GAP = 9;
const HEAD = 20;

interface Item extends RowValue { policy: number; y: number }

export function rowChart(ctx: Ctx, sections: Section[], o: RowChartOptions): SVGSVGElement {
  const { doc, width } = ctx;
  const heads: { y: number; title: string }[] = [];
  const labels: { y: number; label: string }[] = [];
  const items: Item[] = [];
  let y = 0;
  for (const s of sections) {
    if (s.title) { heads.push({ y: y + HEAD - 6, title: s.title }); y += HEAD; }
    for (const r of s.rows) {
      labels.push({ y: y + BAR, label: r.label });
      r.values.forEach((v, i) => items.push({ ...v, policy: i, y: y + BAR * i + BAR / 2 }));
      y += 2 * BAR + GAP;
    }
  }
  const lh = legendLayout(o.legend, 0, 4, width).height;
  const marginTop = lh + 12;
  const foot = o.footnote ? wrap(o.footnote, width - 8) : [];
  const marginBottom = 34 + (foot.length ? foot.length * 12 + 6 : 0);
  const height = ctx.heightGiven ? ctx.height : marginTop + y + marginBottom;
  const marginLeft = Math.min(Math.round(width * 0.38), 12 + Math.max(...labels.map((l) => textWidth(l.label)), ...heads.map((h) => textWidth(h.title) - 12)));
  const top = (d: Item) => d.y - BAR / 2 + 0.5;
  const bottom = (d: Item) => d.y + BAR / 2 - 0.5;
  const marks: Plot.Markish[] = [
    Plot.text(heads, { y: 'y', text: 'title', frameAnchor: 'left', textAnchor: 'start', dx: -marginLeft + 2, fontWeight: 'bold' }),
    Plot.text(labels, { y: 'y', text: 'label', frameAnchor: 'left', textAnchor: 'end', dx: -6, lineWidth: (marginLeft - 14) / 10 }),
  ];
  for (let i = 0; i < 2; i++) {
    const mine = items.filter((d) => d.policy === i);
    const colour = POLICY_COLOURS[i];
    if (o.kind === 'bar') {
      marks.push(Plot.rectX(mine, { x1: 0, x2: (d: Item) => d.value - (d.part ?? 0), y1: top, y2: bottom, fill: colour }));
      const parts = mine.filter((d) => (d.part ?? 0) > 0);
      marks.push(Plot.rectX(parts, { x1: (d: Item) => d.value - (d.part ?? 0), x2: 'value', y1: top, y2: bottom, fill: o.partFill?.(i) ?? 'white', stroke: colour, strokeWidth: 0.75 }));
    } else {
      marks.push(Plot.ruleY(mine, { y: 'y', x1: (d: Item) => d.lo ?? d.value, x2: (d: Item) => d.hi ?? d.value, stroke: colour, strokeWidth: 1.5 }));
      marks.push(Plot.dot(mine, { x: 'value', y: 'y', fill: colour, r: 3.5 }));
    }
    marks.push(Plot.text(mine, { x: (d: Item) => (o.kind === 'dot' ? (d.hi ?? d.value) : d.value), y: 'y', text: (d: Item) => o.format(d.value), dx: 4, textAnchor: 'start', fill: textColour(colour), fontSize: 9 }));
  }
  const max = Math.max(...items.map((d) => (o.kind === 'dot' ? (d.hi ?? d.value) : d.value)), 1e-9);
  const svg = asSvg(Plot.plot({
    document: doc, width, height, marginTop, marginBottom, marginLeft, marginRight: 44,
    style: { fontSize: '10px', overflow: 'visible' },
    x: { domain: o.xDomain ?? [0, max], nice: !o.xDomain, grid: true, label: `${o.xLabel} →`, labelAnchor: 'right', labelOffset: 30, tickFormat: o.format },
    y: { domain: [0, y], range: [marginTop, height - marginBottom], axis: null },
    marks: [Plot.ruleX([o.xDomain?.[0] ?? 0], { strokeOpacity: 0.4 }), ...marks],
  }));
  if (o.defs?.length) {
    const defs = svgEl(doc, 'defs');
    defs.append(...o.defs);
    svg.prepend(defs);
  }
  legend(doc, svg, o.legend, 0, 4, width);
  if (foot.length) {
    const text = svgEl(doc, 'text', { class: 'footnote', x: 0, y: height - foot.length * 12 + 8, 'text-anchor': 'start', 'font-style': 'italic', fill: 'currentColor' });
    foot.forEach((line, i) => {
      const span = svgEl(doc, 'tspan', { x: 0, dy: i === 0 ? 0 : 12 });
      span.textContent = line;
      text.append(span);
    });
    svg.append(text);
  }
  return svg;
}
