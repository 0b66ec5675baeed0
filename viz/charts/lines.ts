/** Week-by-week share lines with optional 95% bands and labels at the line ends (employment, survival, gap). */
import { textColour } from '../palette.ts';
import * as Plot from '@observablehq/plot';
import { pct } from '../i18n.ts';
import { asSvg, clamp01, COMMON_TEXT, dodge, textWidth, type Ctx } from './common.ts';

export interface Point { week: number; mean: number; lo?: number; hi?: number }

export interface Series {
  /** Shown at the line's end. */
  label: string;
  colour: string;
  rows: Point[];
  /** stroke-dasharray, e.g. '4 3'. */
  dash?: string;
}

/** Margins at the default label size (they grow with it). */
const MARGIN = { top: 20, bottom: 34, left: 44 };
/** The most of the width the labels at the line ends may take; longer labels wrap. */
const MAX_RIGHT = 0.3;
/** How much wider than `textWidth` a bold label is reckoned at a large size. */
const BOLD = 1.25;

/** One svg: shares (0..1) against week, a band where rows have lo/hi, each line labelled at its end. */
export function lineChart(ctx: Ctx, series: Series[], yLabel: string, opts: { curve?: 'linear' | 'step-after'; marks?: Plot.Markish[] } = {}): SVGSVGElement {
  const { lang, width, height, doc, font, k } = ctx;
  const curve = opts.curve ?? 'linear';
  const ends = series.map((s) => s.rows[s.rows.length - 1]);
  const margin = { top: MARGIN.top * k, bottom: MARGIN.bottom * k, left: MARGIN.left * k };
  const plotHeight = height - margin.top - margin.bottom;
  // the labels are bold: at a large size, reckoned wider (BOLD); those that would take more than MAX_RIGHT of the width wrap onto two lines
  const bold = k === 1 ? 1 : BOLD;
  const widest = Math.max(...series.map((s) => textWidth(s.label, font))) * bold;
  const wrapAt = k > 1 && 10 + widest > width * MAX_RIGHT ? Math.round(width * MAX_RIGHT) - 10 : undefined;
  const lines = wrapAt === undefined ? 1 : 2;
  const labelY = dodge(ends.map((e) => e.mean), (12 * k * lines) / plotHeight);
  const marginRight = 10 + (wrapAt ?? widest);
  const marks: Plot.Markish[] = [Plot.ruleY([0])];
  for (const s of series) {
    const band = s.rows.filter((r) => r.lo !== undefined && r.hi !== undefined && r.hi > r.lo);
    if (band.length) {
      marks.push(Plot.areaY(s.rows, {
        x: 'week', y1: (r: Point) => clamp01(r.lo ?? r.mean), y2: (r: Point) => clamp01(r.hi ?? r.mean),
        fill: s.colour, fillOpacity: 0.18, curve,
      }));
    }
  }
  for (const s of series) {
    marks.push(Plot.lineY(s.rows, { x: 'week', y: 'mean', stroke: s.colour, strokeWidth: 2, curve, strokeDasharray: s.dash }));
  }
  marks.push(Plot.text(series.map((s, i) => ({ week: ends[i].week, y: labelY[i], label: s.label, colour: textColour(s.colour) })), {
    x: 'week', y: 'y', text: 'label', fill: (d: { colour: string }) => d.colour, textAnchor: 'start', dx: 6, fontWeight: 'bold',
    ...(wrapAt === undefined ? {} : { lineWidth: wrapAt / font / bold, lineHeight: 1.1 }),
  }));
  marks.push(...(opts.marks ?? []));
  const node = Plot.plot({
    document: doc, width, height, marginTop: margin.top, marginBottom: margin.bottom, marginLeft: margin.left, marginRight,
    style: { fontSize: `${font}px`, overflow: 'visible' },
    color: { type: 'identity' },
    // larger type, fewer ticks: about one per 5 characters' room
    x: { label: `${COMMON_TEXT(lang).week} →`, labelAnchor: 'right', nice: false, ...(k === 1 ? {} : { ticks: Math.max(2, Math.floor((width - margin.left - marginRight) / (5 * font))), labelOffset: Math.round(font * 2.4) }) },
    y: { domain: [0, 1], grid: true, label: `↑ ${yLabel}`, tickFormat: (d: number) => pct(d, lang), ...(k === 1 ? {} : { ticks: Math.max(2, Math.floor(plotHeight / (3 * font))) }) },
    marks,
  });
  return asSvg(node);
}
