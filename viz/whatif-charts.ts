/**
 * The What if… view's charts: each variant's difference from the baseline in
 * the share in work, week by week (paired by replication, with 95% bands),
 * and a metric by group under every arm (intervals, the axis fitted to the
 * values). Each returns a chart figure (charts/common.ts `figure`), so the
 * SVG and PNG buttons and the projector's type work as for the other charts.
 */
import * as Plot from '@observablehq/plot';
import { estimate, type ArmRun, type ArmsResult, type Estimate } from '../sim/index.ts';
import { METRIC_TABLE, type MetricName } from '../sim/metrics.ts';
import { asSvg, COMMON_TEXT, context, figure, legend, legendLayout, type ChartControl, type ChartOptions } from './charts/common.ts';
import { DERIVED_GROUPS } from '../sim/constants.ts';
import { wrapText } from '../sim/format.ts';
import { num } from './i18n.ts';
import { outputGroupName } from './names.ts';
import { ARM_COLOURS, ARM_TEXT_COLOURS } from './palette.ts';
import { metricLabel, metricText } from './text.ts';
import { WHATIF_TEXT } from './whatif-text.ts';

/** A variant's difference from the baseline in the share in work at the end of week `week` (1-based): mean and 95% interval over replications. */
export interface DifferenceRow { variant: number; week: number; mean: number; lo: number; hi: number }

/** The paired differences by week of every variant (the runs' `employed` series; arm 0 is the baseline). */
export function differenceByWeek(runs: readonly ArmRun[], arms: number): DifferenceRow[] {
  const byArm = Array.from({ length: arms }, (_, a) => runs.filter((r) => r.arm === a).sort((x, y) => x.replicate - y.replicate));
  const base = byArm[0];
  const weeks = base[0]?.employed?.length ?? 0;
  const out: DifferenceRow[] = [];
  for (let v = 1; v < arms; v++) {
    for (let w = 0; w < weeks; w++) {
      const e = estimate(byArm[v].map((r, k) => r.employed![w] - base[k].employed![w]));
      out.push({ variant: v, week: w + 1, mean: e.mean, lo: e.ci95[0], hi: e.ci95[1] });
    }
  }
  return out;
}

export function differenceChart(rows: DifferenceRow[], labels: readonly string[], options: ChartOptions = {}): HTMLElement {
  const ctx = context(options, 300);
  const t = WHATIF_TEXT(ctx.lang);
  const { width, height, font, k, lang } = ctx;
  const pp = (x: number) => num(x * 100, lang, Math.abs(x) < 0.1 ? 1 : 0);
  const variants = [...new Set(rows.map((r) => r.variant))];
  const lastWeek = Math.max(...rows.map((r) => r.week));
  const ends = variants.map((v) => rows.filter((r) => r.variant === v && r.week === lastWeek)[0] ?? rows.filter((r) => r.variant === v).at(-1)!);
  // the baseline is the 0 line, named at its start
  const marks: Plot.Markish[] = [Plot.ruleY([0], { stroke: ARM_TEXT_COLOURS[0], strokeWidth: 1.5 }),
    Plot.text([{ week: 1, y: 0, label: labels[0] }], { x: 'week', y: 'y', text: 'label', fill: ARM_TEXT_COLOURS[0], textAnchor: 'start', dy: -7 * k, fontWeight: 'bold' })];
  for (const v of variants) {
    const rs = rows.filter((r) => r.variant === v);
    marks.push(Plot.areaY(rs, { x: 'week', y1: 'lo', y2: 'hi', fill: ARM_COLOURS[v], fillOpacity: 0.16 }));
    marks.push(Plot.lineY(rs, { x: 'week', y: 'mean', stroke: ARM_COLOURS[v], strokeWidth: 2 }));
  }
  // each variant's name at the end of its line, on as many lines as it needs within 30% of the width
  const perChar = font * 0.62;
  const endLabel = (v: number) => wrapText(labels[v], Math.max(8, Math.floor((width * 0.3) / perChar)));
  marks.push(Plot.text(ends, {
    x: 'week', y: 'mean', text: (d: DifferenceRow) => endLabel(d.variant).join('\n'), fill: (d: DifferenceRow) => ARM_TEXT_COLOURS[d.variant],
    textAnchor: 'start', dx: 6, fontWeight: 'bold',
  }));
  const widest = Math.max(...variants.flatMap((v) => endLabel(v).map((l) => l.length))) * perChar;
  const svg = asSvg(Plot.plot({
    document: ctx.doc, width, height, marginTop: 30 * k, marginLeft: 48 * k, marginBottom: 34 * k, marginRight: 12 + Math.min(width * 0.3, widest),
    style: { fontSize: `${font}px`, overflow: 'visible' },
    x: { label: `${COMMON_TEXT(lang).week} →`, labelAnchor: 'right', nice: false },
    y: { grid: true, label: `↑ ${t.overTimeY}`, tickFormat: (d: number) => pp(d), nice: true },
    marks,
  }));
  const last = ends.reduce((a, b) => (Math.abs(b.mean) > Math.abs(a.mean) ? b : a), ends[0]);
  const sign = last.mean > 0 ? '+' : last.mean < 0 ? '−' : '';
  const notice = t.overTimeNotice(labels[last.variant], `${sign}${pp(Math.abs(last.mean))} pp`);
  return figure(ctx, { id: 'whatif-difference', title: t.overTime, notice, svg, caption: t.overTimeCaption });
}

/** Metrics the equity chart can show (by group), the first its default. */
export const EQUITY_METRICS = [
  'employedShare', 'employedWeeksShare', 'rejectionsPerPerson', 'longTermServiceShare', 'mismatchedServiceShare',
  'participationRate', 'insecureJobShare', 'costPerPerson',
] as const satisfies readonly MetricName[];
export type EquityMetric = (typeof EQUITY_METRICS)[number];

/** The equity chart's measure, kept in the link like the other charts' controls (`equity=`). */
export const EQUITY_CONTROL: ChartControl<EquityMetric> & { chart: string } = {
  chart: 'whatif-equity', id: 'whatif-equity-measure', param: 'equity', values: EQUITY_METRICS,
  label: (lang) => WHATIF_TEXT(lang).measure, text: (v, lang) => metricLabel(v, lang),
};

/** The groups the equity chart shows: the scenario's, then with and without benefit rights. */
export function equityGroups(r: ArmsResult): string[] {
  const names = Object.keys(r.baseline.byGroup);
  const derived: readonly string[] = DERIVED_GROUPS;
  const rights = ['withBenefitRights', 'withoutBenefitRights'] as const satisfies readonly (typeof DERIVED_GROUPS)[number][];
  return [...names.filter((g) => !derived.includes(g)), ...rights.filter((g) => names.includes(g))];
}

interface EquityRow { group: string; arm: number; mean: number; lo: number; hi: number }

export function equityRows(r: ArmsResult, metric: EquityMetric): EquityRow[] {
  const arms = [r.baseline, ...r.variants];
  return equityGroups(r).flatMap((g) => arms.map((a, i) => {
    const e = a.byGroup[g][metric] as Estimate;
    return { group: g, arm: i, mean: e.mean, lo: e.ci95[0], hi: e.ci95[1] };
  }));
}

/** The best- and worst-off scenario group of an arm on a metric (by the metric's direction; a metric with none: highest first) and the gap. */
export function gapOf(r: ArmsResult, arm: number, metric: EquityMetric, groups: readonly string[]): { best: string; worst: string; gap: number } {
  const a = [r.baseline, ...r.variants][arm];
  const v = groups.map((g) => ({ g, x: (a.byGroup[g][metric] as Estimate).mean })).filter((d) => Number.isFinite(d.x));
  const lowerBetter = METRIC_TABLE[metric].better === 'lower';
  v.sort((p, q) => (lowerBetter ? p.x - q.x : q.x - p.x));
  return { best: v[0].g, worst: v[v.length - 1].g, gap: Math.abs(v[0].x - v[v.length - 1].x) };
}

export function equityChart(r: ArmsResult, labels: readonly string[], metric: EquityMetric, groups: { name: string; label?: string }[], options: ChartOptions = {}): HTMLElement {
  const names = equityGroups(r);
  const arms = labels.length;
  const ctx = context(options, Math.max(220, 40 + names.length * (14 + arms * 9)));
  const t = WHATIF_TEXT(ctx.lang);
  const { width, height, font, k, lang } = ctx;
  const rows = equityRows(r, metric).filter((d) => Number.isFinite(d.mean));
  const label = (g: string) => outputGroupName(g, groups, lang);
  const lo = Math.min(...rows.map((d) => d.lo)), hi = Math.max(...rows.map((d) => d.hi));
  const pad = (hi - lo) * 0.08 || Math.abs(hi) * 0.05 || 0.01;
  const share = METRIC_TABLE[metric].kind === 'share';
  const step = (height - 40 * k) / names.length;
  const gapY = Math.min(9 * k, (step * 0.8) / Math.max(1, arms));
  const marks: Plot.Markish[] = [];
  for (let a = 0; a < arms; a++) {
    const mine = rows.filter((d) => d.arm === a);
    const dy = (a - (arms - 1) / 2) * gapY;
    marks.push(Plot.ruleY(mine, { y: (d: EquityRow) => label(d.group), x1: 'lo', x2: 'hi', stroke: ARM_COLOURS[a], strokeWidth: 2, dy }));
    marks.push(Plot.dot(mine, { y: (d: EquityRow) => label(d.group), x: 'mean', fill: ARM_COLOURS[a], r: 3.5 * Math.min(k, 1.6), dy }));
  }
  // a group's name on as many lines as it needs to fit at most 42% of the width (a long name on a projector)
  const perChar = font * 0.58;
  const chars = Math.max(8, Math.floor((width * 0.42 - 12) / perChar));
  const lines = (l: string) => wrapText(l, chars);
  const longest = Math.max(...names.flatMap((g) => lines(label(g)).map((l) => l.length)));
  // a legend of the arms above the plot
  const items = labels.map((l, a) => ({ label: l, fill: ARM_COLOURS[a] }));
  const top = legendLayout(items, 0, 2, width, font).height + 10 * k;
  const svg = asSvg(Plot.plot({
    document: ctx.doc, width, height: height + top, marginTop: top, marginLeft: 12 + longest * perChar, marginBottom: 34 * k, marginRight: 16,
    style: { fontSize: `${font}px`, overflow: 'visible' },
    x: { domain: [Math.max(share ? 0 : -Infinity, lo - pad), Math.min(share ? 1 : Infinity, hi + pad)], grid: true, nice: true, label: `${metricLabel(metric, lang)} →`, tickFormat: (x: number) => metricText(metric, x, lang, { digits: share ? 0 : undefined }) },
    y: { domain: names.map(label), label: null, tickFormat: (l: string) => lines(l).join('\n') },
    marks,
  }));
  legend(ctx.doc, svg, items, 0, 2, width, font);
  return figure(ctx, { id: 'whatif-equity', title: t.equity, notice: t.equityNotice(metricLabel(metric, lang)), svg, caption: t.equityCaption });
}
