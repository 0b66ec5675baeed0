/** Time to a first job as survival curves: share not yet hired by week, step lines with 95% bands. */
import * as Plot from '@observablehq/plot';
import type { PageData } from '../data.ts';
import { pct, texts } from '../i18n.ts';
import { POLICY_COLOURS } from '../palette.ts';
import { metricText } from '../text.ts';
import { context, figure, policies, repsNote, summaryMean, type ChartOptions } from './common.ts';
import { lineChart } from './lines.ts';

const TEXT = texts(
  {
    title: 'Share still without a first job, week by week',
    y: 'Not yet hired',
    half: 'half hired',
    median: (m: string | null, label: string, weeks: number) =>
      m === null ? `under ${label} fewer than half were hired within ${weeks} weeks` : `under ${label} half have had a first job after ${m} weeks (median)`,
    notice: (a: string, b: string, weeks: number, sa: string, sb: string) =>
      `${a.charAt(0).toUpperCase()}${a.slice(1)}; ${b}. After ${weeks} weeks, ${sa} and ${sb} have still not been hired.`,
    caption: 'Share of the whole population not yet hired since registration (week 0 = everyone). The median counts those never hired as not yet hired.',
  },
  {
    title: 'Andel som ennå ikke har fått sin første jobb, uke for uke',
    y: 'Ikke ansatt ennå',
    half: 'halvparten ansatt',
    median: (m: string | null, label: string, weeks: number) =>
      m === null ? `med ${label} fikk færre enn halvparten jobb innen ${weeks} uker` : `med ${label} har halvparten fått en første jobb etter ${m} uker (median)`,
    notice: (a: string, b: string, weeks: number, sa: string, sb: string) =>
      `${a.charAt(0).toUpperCase()}${a.slice(1)}; ${b}. Etter ${weeks} uker er ${sa} og ${sb} fortsatt ikke ansatt.`,
    caption: 'Andel av hele befolkningen som ikke er ansatt siden registrering (uke 0 = alle). Medianen regner de som aldri ble ansatt som ikke ansatt ennå.',
  },
);

export function render(data: PageData, options: ChartOptions = {}): HTMLElement {
  const ctx = context(options, 320);
  const { lang } = ctx;
  const t = TEXT(lang);
  const ps = policies(data);
  const rows = ps.map((p) => data.survival.filter((r) => r.policy === p.key));
  const last = rows.map((r) => r[r.length - 1]);
  // the core reports the run length as the median when fewer than half were hired: say so instead of a number
  const median = ps.map((p, i) => t.median(last[i].mean > 0.5 ? null : metricText('medianWeeksToFirstJob', summaryMean(data, p.key, 'medianWeeksToFirstJob'), lang, { digits: 0 }), p.label, data.meta.weeks));
  const notice = t.notice(median[0], median[1], data.meta.weeks, pct(last[0].mean, lang), pct(last[1].mean, lang));
  const half = [
    Plot.ruleY([0.5], { stroke: 'currentColor', strokeOpacity: 0.5, strokeDasharray: '3 3' }),
    Plot.text([0.5], { x: 0, y: (d: number) => d, text: () => t.half, textAnchor: 'start', dy: -6, dx: 2, fillOpacity: 0.7 }),
  ];
  const svg = lineChart(ctx, ps.map((p) => ({ label: p.label, colour: POLICY_COLOURS[p.i], rows: rows[p.i] })), t.y, { curve: 'step-after', marks: half });
  return figure(ctx, { id: 'survival', title: t.title, notice, svg, caption: `${t.caption} ${repsNote(data, lang)}` });
}
