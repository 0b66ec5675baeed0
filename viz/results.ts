/** The Compare view: key results with intervals, downloads, and every chart with its SVG and PNG buttons. */
import type { Estimate, MetricEstimate, RunResult } from '../sim/index.ts';
import type { MetricName } from '../sim/metrics.ts';
import { CHARTS, type Chart, type ChartChoices } from './charts/index.ts';
import { choiceOf } from './charts/common.ts';
import type { PageData } from './data.ts';
import { h } from './dom.ts';
import { compareJson, csvTables, download, figureSvg, fileStem, svgPng, svgText } from './export.ts';
import type { Lang } from './i18n.ts';
import { changesNote } from './levers-view.ts';
import { HEADLINE_METRICS, metricDoc, metricLabel, metricText, UI } from './text.ts';
import { intervalText } from '../sim/format.ts';

/** A mean and its interval, as the metric table says to write the metric; `difference` for B − A. */
function cell(metric: MetricName, e: MetricEstimate, lang: Lang, difference = false): HTMLElement {
  const x = e as Estimate;
  const f = (v: number) => metricText(metric, v, lang, { difference });
  return h('td', {}, f(x.mean), h('span', { class: 'ci' }, ` ${intervalText(f(x.ci95[0]), f(x.ci95[1]), lang)}`));
}

export function headlineTable(data: PageData, lang: Lang): HTMLElement {
  const T = UI(lang);
  const [a, b] = data.meta.policies;
  const c = data.compare;
  return h('table', { class: 'headline', id: 'headline' },
    h('caption', {}, T.headline, h('span', { class: 'hint' }, ' ', T.interval.replace('{n}', String(data.meta.replications)))),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, T.metric), h('th', { scope: 'col', class: 'pa' }, `A: ${data.meta.policyLabels[0]}`),
      h('th', { scope: 'col', class: 'pb' }, `B: ${data.meta.policyLabels[1]}`), h('th', { scope: 'col' }, T.difference))),
    h('tbody', {}, ...HEADLINE_METRICS.map((m) => h('tr', { 'data-metric': m },
      h('th', { scope: 'row', title: metricDoc(m, lang) }, metricLabel(m, lang)), cell(m, c.policies[a].summary[m], lang), cell(m, c.policies[b].summary[m], lang), cell(m, c.difference[m], lang, true)))),
  );
}

function chartButtons(fig: HTMLElement, data: PageData, lang: Lang): HTMLElement {
  const m = data.meta;
  const source = `activation-pathways: scenario ${m.scenario}, ${m.agents} people, ${m.weeks} weeks, seed ${m.seed}, ${m.replications} replications.`;
  return chartTools(fig, fileStem(data), source, lang);
}

/** A figure's SVG and PNG buttons: files `STEM_ID.svg|png`, the svg with the figure's texts and `source` (where the numbers come from). */
export function chartTools(fig: HTMLElement, stem: string, source: string, lang: Lang): HTMLElement {
  const T = UI(lang);
  const id = fig.dataset.chart ?? 'chart';
  const name = `${stem}_${id}`;
  const title = fig.querySelector('h3')?.textContent ?? id;
  const problem = h('span', { class: 'export-error', role: 'alert' });
  const guard = (f: () => Promise<void> | void) => async () => {
    problem.textContent = '';
    try {
      await f();
    } catch (err) {
      problem.textContent = `${T.exportFailed}: ${(err as Error).message}`;
    }
  };
  return h('div', { class: 'chart-tools' }, problem,
    h('button', { type: 'button', class: 'small', 'aria-label': `${T.svg}: ${title}`, onclick: guard(() => download(`${name}.svg`, svgText(figureSvg(fig, source)), 'image/svg+xml')) }, T.svg),
    h('button', { type: 'button', class: 'small', 'aria-label': `${T.png}: ${title}`, onclick: guard(async () => download(`${name}.png`, await svgPng(figureSvg(fig, source)))) }, T.png));
}

export interface ChartsOptions {
  /** Only this chart (the story's stage). */
  only?: string;
  /** The value of each chart's control, by chart id (the page keeps them in the link). */
  choices?: ChartChoices;
  /** Told when a person changes a chart's control. */
  onChoice?: (chart: string, value: string) => void;
  /** The registry; default CHARTS (a test adds a chart of its own). */
  charts?: readonly Chart[];
  /** Label size in px (projector mode's large type); default the charts' own. */
  fontSize?: number;
  /** The most a chart of fixed height may take (the story's stage: a screen). */
  maxHeight?: number;
}

/**
 * A chart's figure with its control, if it has one (a select after the title,
 * which renders the chart again in place and keeps the focus), and its SVG
 * and PNG buttons.
 */
function chartFigure(c: Chart, data: PageData, lang: Lang, width: number, opts: ChartsOptions): HTMLElement {
  const control = c.control;
  const choice = control ? choiceOf(control, opts.choices?.[c.id]) : undefined;
  const fig = c.render(data, { lang, width, choice, fontSize: opts.fontSize, maxHeight: opts.maxHeight });
  if (control) {
    const select = h('select', {
      id: control.id,
      onchange: (e) => {
        const value = (e.target as HTMLSelectElement).value;
        opts.onChoice?.(c.id, value);
        const next = chartFigure(c, data, lang, width, { ...opts, choices: { ...opts.choices, [c.id]: value } });
        fig.replaceWith(next);
        next.querySelector<HTMLSelectElement>(`#${control.id}`)?.focus();
      },
    }, ...control.values.map((v) => h('option', { value: v, selected: v === choice }, control.text(v, lang))));
    fig.querySelector('h3')!.after(h('div', { class: 'field inline chart-choice' }, h('label', { for: control.id }, control.label(lang)), select));
  }
  fig.append(chartButtons(fig, data, lang));
  return fig;
}

/** Every chart of the registry (or `only` one), in display order. */
export function renderCharts(data: PageData, lang: Lang, width: number, opts: ChartsOptions = {}): HTMLElement[] {
  return (opts.charts ?? CHARTS).filter((c) => !opts.only || c.id === opts.only).map((c) => chartFigure(c, data, lang, width, opts));
}

export function renderCompare(root: HTMLElement, data: PageData, runs: RunResult[], lang: Lang, charts: Omit<ChartsOptions, 'only'> = {}): void {
  const T = UI(lang);
  const stem = fileStem(data);
  const csv = csvTables(runs, data.meta);
  // two charts a row on a wide screen; in projector mode one, as wide as the page (less the figure's padding)
  const width = charts.fontSize !== undefined
    ? Math.max(320, Math.min(1400, (root.clientWidth || 1000) - 34))
    : Math.max(320, Math.min(760, (root.clientWidth || 1000) / (root.clientWidth > 1300 ? 2 : 1) - 32));
  root.replaceChildren(...[
    changesNote(data, lang),
    h('div', { class: 'table-wrap' }, headlineTable(data, lang)),
    h('div', { class: 'downloads', role: 'group', 'aria-label': T.download },
      h('span', {}, `${T.download}:`),
      h('button', { type: 'button', id: 'download-json', class: 'small', onclick: () => download(`${stem}_compare.json`, compareJson(data), 'application/json') }, T.json),
      h('button', { type: 'button', class: 'small', onclick: () => download(`${stem}_summary.csv`, csv.summary(), 'text/csv') }, T.csvSummary),
      h('button', { type: 'button', class: 'small', onclick: () => download(`${stem}_timeseries.csv`, csv.timeseries(), 'text/csv') }, T.csvWeekly),
      h('button', { type: 'button', class: 'small', onclick: () => download(`${stem}_events.csv`, csv.events(), 'text/csv') }, T.csvEvents)),
    h('div', { class: 'charts' }, ...renderCharts(data, lang, width, charts)),
  ].filter((x) => x !== undefined));
}
