/** Time to a first job as survival curves: share not yet hired by week, step lines with 95% bands. */
import * as Plot from '@observablehq/plot';
import type { PageData } from '../data.ts';
import { num, pct, texts } from '../i18n.ts';
import { POLICY_COLOURS } from '../palette.ts';
import { context, figure, policies, repsNote, summaryMean, type ChartOptions } from './common.ts';
import { lineChart } from './lines.ts';

const TEXT = texts(
  {
    title: 'Share still without a first job, week by week',
    y: 'Not yet hired',
    half: 'half hired',
    notice: (ma: string, la: string, mb: string, lb: string, weeks: number, sa: string, sb: string) =>
      `Half have had a first job after ${ma} weeks under ${la} and ${mb} weeks under ${lb} (median); after ${weeks} weeks, ${sa} and ${sb} have still not been hired.`,
    caption: 'Share of the whole population not yet hired since registration (week 0 = everyone). The median counts those never hired as not yet hired.',
  },
  {
    title: 'Andel som ennå ikke har fått sin første jobb, uke for uke',
    y: 'Ikke ansatt ennå',
    half: 'halvparten ansatt',
    notice: (ma: string, la: string, mb: string, lb: string, weeks: number, sa: string, sb: string) =>
      `Halvparten har fått en første jobb etter ${ma} uker med ${la} og ${mb} uker med ${lb} (median); etter ${weeks} uker er ${sa} og ${sb} fortsatt ikke ansatt.`,
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
  const median = ps.map((p) => num(summaryMean(data, p.key, 'medianWeeksToFirstJob'), lang, 0));
  const notice = t.notice(median[0], ps[0].label, median[1], ps[1].label, data.meta.weeks, pct(last[0].mean, lang), pct(last[1].mean, lang));
  const half = [
    Plot.ruleY([0.5], { stroke: 'currentColor', strokeOpacity: 0.5, strokeDasharray: '3 3' }),
    Plot.text([0.5], { x: 0, y: (d: number) => d, text: () => t.half, textAnchor: 'start', dy: -6, dx: 2, fillOpacity: 0.7 }),
  ];
  const svg = lineChart(ctx, ps.map((p) => ({ label: p.label, colour: POLICY_COLOURS[p.i], rows: rows[p.i] })), t.y, { curve: 'step-after', marks: half });
  return figure(ctx, { id: 'survival', title: t.title, notice, svg, caption: `${t.caption} ${repsNote(data, lang)}` });
}
