/**
 * Labelled rows with one bar (or dot with interval) per policy, in optional titled sections,
 * legend inside the svg (services, rejections, groups). The y scale is in px: with the default
 * height each row is 2 × 9 px plus a 9 px gap.
 */
import * as Plot from '@observablehq/plot';
import { wrapText } from '../../sim/format.ts';
import { POLICY_COLOURS, textColour } from '../palette.ts';
import { asSvg, legend, legendLayout, round, svgEl, textWidth, type Ctx, type LegendItem } from './common.ts';

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

/** A bar's height, the gap between rows and a section title's room, at the default label size (they grow with it). */
const BAR_PX = 9;
const GAP_PX = 9;
const HEAD_PX = 20;
/** Charts narrower than this (CSS px) put each row's label above its bars when the type is large. */
const LABELS_ABOVE_BELOW = 800;
/** Between the two values of a row, at a large size. */
const SEP = ' · ';

interface Item extends RowValue { policy: number; y: number }

/**
 * At the default size, each bar carries its value and the row's label is on the left. With larger
 * type (`ctx.k > 1`) the two values of a row are one text after the longer bar, in the policies'
 * colours (two texts of that size would not fit two bars' height), and in a narrow chart, or when
 * a label would take more than two lines, each label goes above its bars, across the width.
 */
export function rowChart(ctx: Ctx, sections: Section[], o: RowChartOptions): SVGSVGElement {
  const { doc, width, font, k } = ctx;
  const large = k > 1;
  const heads: { y: number; title: string }[] = [];
  const labels: { y: number; label: string }[] = [];
  const items: Item[] = [];
  /** Each row's values and the middle of its bars, for the one text of a row at a large size. */
  const rowValues: { y: number; values: RowValue[] }[] = [];
  const allLabels = sections.flatMap((s) => s.rows.map((r) => r.label));
  const measure = (t: string) => textWidth(t, font);
  const leftMargin = Math.min(Math.round(width * 0.38), 12 + Math.max(...allLabels.map(measure), ...sections.map((s) => (s.title ? measure(s.title) - 12 : 0))));
  const above = large && (width < LABELS_ABOVE_BELOW || allLabels.some((l) => wrapText(l, leftMargin - 14, measure).length > 2));
  // with the labels above, the margin is only room for half the first tick's label
  const marginLeft = above ? Math.ceil(measure(o.format(o.xDomain?.[0] ?? 0)) / 2) + 4 : leftMargin;
  // with the labels above, a row's values are at the end of its label's line
  const valuesText = (values: RowValue[]) => values.map((v) => o.format(v.value)).join(SEP);
  const valuesWidth = Math.max(...sections.flatMap((s) => s.rows.map((r) => measure(valuesText(r.values)))));
  const labelWidth = width - 8 - valuesWidth - font;
  let BAR = large ? font * (above ? 0.45 : 0.6) : BAR_PX;
  let GAP = large ? font * (above ? 0.35 : 0.5) : GAP_PX;
  const HEAD = large ? font * 1.6 : HEAD_PX;
  const lineH = font * 1.1;
  const lh = legendLayout(o.legend, 0, 4, width, font).height;
  const marginTop = lh + 12 * k;
  const foot = o.footnote ? wrapText(o.footnote, width - 8, measure) : [];
  const footLine = 12 * k;
  const marginBottom = 34 * k + (foot.length ? foot.length * footLine + 6 * k : 0);
  const rows = allLabels.length;
  // at a large size in too little height: thinner bars and gaps, so that the chart fits
  if (large && ctx.maxHeight !== undefined && !ctx.heightGiven) {
    const bars = rows * (2 * BAR + GAP);
    const over = marginTop + place() + marginBottom - ctx.maxHeight;
    if (over > 0) {
      const f = Math.max(0, (bars - over) / bars);
      BAR = Math.max(5, BAR * f);
      GAP = Math.max(3, GAP * f);
    }
  }
  const y = place();
  const height = ctx.heightGiven ? ctx.height : marginTop + y + marginBottom;

  /** Rows and section titles from the top (heads, labels, items, rowValues); returns the height they take. */
  function place(): number {
    heads.length = labels.length = items.length = rowValues.length = 0;
    let at = 0;
    for (const s of sections) {
      if (s.title) { heads.push({ y: at + HEAD - 6 * k, title: s.title }); at += HEAD; }
      for (const r of s.rows) {
        let y0: number;
        if (above) {
          // the label on a line of its own (wrapped before the values at its end), the bars under it
          const lines = wrapText(r.label, labelWidth, measure).length;
          labels.push({ y: at + (lines * lineH) / 2, label: r.label });
          rowValues.push({ y: at + lineH / 2, values: r.values });
          y0 = at + lines * lineH + 2;
          at = y0 + 2 * BAR + GAP;
        } else {
          // the label wraps at the margin; a row is as tall as its label needs (at least its two bars and a gap)
          const lines = large ? wrapText(r.label, marginLeft - 14, measure).length : 1;
          const rowH = large ? Math.max(2 * BAR + GAP, lines * lineH + font * 0.3) : 2 * BAR + GAP;
          y0 = at + (rowH - 2 * BAR - GAP) / 2;
          labels.push({ y: y0 + BAR, label: r.label });
          at += rowH;
        }
        r.values.forEach((v, i) => items.push({ ...v, policy: i, y: y0 + BAR * i + BAR / 2 }));
        if (!above) rowValues.push({ y: y0 + BAR, values: r.values });
      }
    }
    return at;
  }
  const top = (d: Item) => d.y - BAR / 2 + 0.5;
  const bottom = (d: Item) => d.y + BAR / 2 - 0.5;
  const marks: Plot.Markish[] = [
    Plot.text(heads, { y: 'y', text: 'title', frameAnchor: 'left', textAnchor: 'start', dx: -marginLeft + 2, fontWeight: 'bold' }),
    above
      ? Plot.text(labels, { y: 'y', text: 'label', frameAnchor: 'left', textAnchor: 'start', dx: -marginLeft + 2, lineWidth: labelWidth / font, lineHeight: 1.1 })
      : Plot.text(labels, { y: 'y', text: 'label', frameAnchor: 'left', textAnchor: 'end', dx: -6, lineWidth: (marginLeft - 14) / font, ...(large ? { lineHeight: 1.1 } : {}) }),
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
    if (!large) marks.push(Plot.text(mine, { x: (d: Item) => (o.kind === 'dot' ? (d.hi ?? d.value) : d.value), y: 'y', text: (d: Item) => o.format(d.value), dx: 4, textAnchor: 'start', fill: textColour(colour), fontSize: 9 }));
  }
  const max = Math.max(...items.map((d) => (o.kind === 'dot' ? (d.hi ?? d.value) : d.value)), 1e-9);
  // room for the values after the bars; with the labels above, for half the last tick's label
  const marginRight = !large ? 44 : above ? Math.ceil(measure(o.format(o.xDomain?.[1] ?? max)) / 2) + 8 : 10 + valuesWidth;
  const plot = Plot.plot({
    document: doc, width, height, marginTop, marginBottom, marginLeft, marginRight,
    style: { fontSize: `${font}px`, overflow: 'visible' },
    x: {
      domain: o.xDomain ?? [0, max], nice: !o.xDomain, grid: true, label: `${o.xLabel} →`, labelAnchor: 'right', labelOffset: 30 * k, tickFormat: o.format,
      // larger type, fewer ticks: about one per 6 characters' room
      ...(k === 1 ? {} : { ticks: Math.max(2, Math.floor((width - marginLeft - marginRight) / (6 * font))) }),
    },
    y: { domain: [0, y], range: [marginTop, height - marginBottom], axis: null },
    marks: [Plot.ruleX([o.xDomain?.[0] ?? 0], { strokeOpacity: 0.4 }), ...marks],
  });
  const svg = asSvg(plot);
  if (o.defs?.length) {
    const defs = svgEl(doc, 'defs');
    defs.append(...o.defs);
    svg.prepend(defs);
  }
  if (large) {
    // a row's two values as one text after its longer bar (or interval), each in its policy's colour
    const x = plot.scale('x')!;
    const yPx = (v: number) => marginTop + (v / (y || 1)) * (height - marginTop - marginBottom);
    const g = svgEl(doc, 'g', { class: 'values', 'font-size': font, 'text-anchor': 'start' });
    for (const r of rowValues) {
      const reach = Math.max(...r.values.map((v) => (o.kind === 'dot' ? (v.hi ?? v.value) : v.value)));
      const t = above
        ? svgEl(doc, 'text', { x: width - 2, y: round(yPx(r.y)), dy: '0.32em', 'text-anchor': 'end' })
        : svgEl(doc, 'text', { x: round((x.apply(reach) as number) + 4), y: round(yPx(r.y)), dy: '0.32em' });
      r.values.forEach((v, i) => {
        const span = svgEl(doc, 'tspan', { fill: textColour(POLICY_COLOURS[i]) });
        span.textContent = `${i > 0 ? SEP : ''}${o.format(v.value)}`;
        t.append(span);
      });
      g.append(t);
    }
    svg.append(g);
  }
  legend(doc, svg, o.legend, 0, 4, width, font);
  if (foot.length) {
    const text = svgEl(doc, 'text', { class: 'footnote', x: 0, y: height - foot.length * footLine + 8 * k, 'text-anchor': 'start', 'font-style': 'italic', fill: 'currentColor' });
    foot.forEach((line, i) => {
      const span = svgEl(doc, 'tspan', { x: 0, dy: i === 0 ? 0 : footLine });
      span.textContent = line;
      text.append(span);
    });
    svg.append(text);
  }
  return svg;
}
