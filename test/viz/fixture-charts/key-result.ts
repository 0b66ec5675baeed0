/**
 * A chart made by following docs/CONTRIBUTING.md (How to add a chart) once, as a test
 * fixture (it is not on the page): one key result under each policy, mean and
 * 95% interval, from data the page already has (`data.compare`), with a
 * control that chooses the result. test/viz/chart-registry.test.ts registers
 * it next to CHARTS and checks it the way the page uses a chart.
 */
import type { Estimate } from '../../../sim/index.ts';
import type { PageData } from '../../../viz/data.ts';
import { texts } from '../../../viz/i18n.ts';
import { POLICY_COLOURS } from '../../../viz/palette.ts';
import { metricLabel, metricText, UI } from '../../../viz/text.ts';
import { choiceOf, context, figure, policies, repsNote, type ChartControl, type ChartOptions } from '../../../viz/charts/common.ts';
import { rowChart } from '../../../viz/charts/rows.ts';

const TEXT = texts(
  {
    title: (m: string) => `${m}, by policy`,
    notice: (m: string, la: string, a: string, lb: string, b: string) => `${m}: ${a} under ${la}, ${b} under ${lb}.`,
    caption: 'Dots: means; lines: 95% intervals over replications.',
  },
  {
    title: (m: string) => `${m}, etter politikk`,
    notice: (m: string, la: string, a: string, lb: string, b: string) => `${m}: ${a} med ${la}, ${b} med ${lb}.`,
    caption: 'Punkter: gjennomsnitt; linjer: 95 %-intervaller over replikasjoner.',
  },
);

const RESULTS = ['servicesPerPerson', 'attendanceRate'] as const;

/** Step 3 of the how-to: the result shown, kept in the link as `result`. */
export const control: ChartControl<(typeof RESULTS)[number]> = {
  id: 'key-result-metric',
  param: 'result',
  values: RESULTS,
  label: (lang) => UI(lang).metric,
  text: (m, lang) => metricLabel(m, lang),
};

/** Step 1 of the how-to: one figure with one export svg, its words in both languages. */
export function render(data: PageData, options: ChartOptions = {}): HTMLElement {
  const ctx = context(options, 0);
  const { lang } = ctx;
  const t = TEXT(lang);
  const metric = choiceOf(control, options.choice);
  const ps = policies(data);
  const est = ps.map((p) => data.compare.policies[p.key].summary[metric] as Estimate);
  const format = (x: number) => metricText(metric, x, lang);
  const label = metricLabel(metric, lang);
  const svg = rowChart(ctx, [{ rows: [{ label, values: est.map((e) => ({ value: e.mean, lo: e.ci95[0], hi: e.ci95[1] })) }] }], {
    kind: 'dot', xLabel: label, format, legend: ps.map((p) => ({ label: p.label, fill: POLICY_COLOURS[p.i] })),
  });
  const notice = t.notice(label, ps[0].label, format(est[0].mean), ps[1].label, format(est[1].mean));
  return figure(ctx, { id: 'key-result', title: t.title(label), notice, svg, caption: `${t.caption} ${repsNote(data, lang, false)}` });
}
