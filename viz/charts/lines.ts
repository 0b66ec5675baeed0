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

const MARGIN = { top: 20, bottom: 34, left: 44 };

/** One svg: shares (0..1) against week, a band where rows have lo/hi, each line labelled at its end. */
export function lineChart(ctx: Ctx, series: Series[], yLabel: string, opts: { curve?: 'linear' | 'step-after'; marks?: Plot.Markish[] } = {}): SVGSVGElement {
  const { lang, width, height, doc } = ctx;
  const curve = opts.curve ?? 'linear';
  const ends = series.map((s) => s.rows[s.rows.length - 1]);
  const plotHeight = height - MARGIN.top - MARGIN.bottom;
  const labelY = dodge(ends.map((e) => e.mean), 12 / plotHeight);
  const marginRight = 10 + Math.max(...series.map((s) => textWidth(s.label)));
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
  }));
  marks.push(...(opts.marks ?? []));
  const node = Plot.plot({
    document: doc, width, height, marginTop: MARGIN.top, marginBottom: MARGIN.bottom, marginLeft: MARGIN.left, marginRight,
    style: { fontSize: '10px', overflow: 'visible' },
    color: { type: 'identity' },
    x: { label: `${COMMON_TEXT(lang).week} →`, labelAnchor: 'right', nice: false },
    y: { domain: [0, 1], grid: true, label: `↑ ${yLabel}`, tickFormat: (d: number) => pct(d, lang) },
    marks,
  });
  return asSvg(node);
}
