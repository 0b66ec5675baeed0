/** Outcomes by scenario group (equity): mean and 95% interval per group and policy for one metric. */
import { groupName } from '../names.ts';
import { GROUP_METRICS, type GroupMetric, type PageData } from '../data.ts';
import { METRIC_TABLE } from '../../sim/metrics.ts';
import { GROUP_NOTE, texts } from '../i18n.ts';
import { POLICY_COLOURS } from '../palette.ts';
import { metricLabel, metricText, UI } from '../text.ts';
import { choiceOf, clamp01, context, figure, policies, repsNote, type ChartControl, type ChartOptions } from './common.ts';
import { rowChart } from './rows.ts';

/** The measure shown (`choice`): one of GROUP_METRICS, kept in the link as `measure`; default `employedShare`. */
export const control: ChartControl<GroupMetric> = {
  id: 'groups-metric',
  param: 'measure',
  values: GROUP_METRICS,
  label: (lang) => UI(lang).metric,
  text: (m, lang) => metricLabel(m, lang),
};

const TEXT = texts(
  {
    title: (label: string) => `${label}, by group`,
    notice: (axis: string, la: string, a: string, lb: string, b: string) => `${axis}: under ${la} ${a}; under ${lb} ${b}.`,
    range: (lo: string, glo: string, hi: string, ghi: string) => `from ${lo} (${glo}) to ${hi} (${ghi})`,
    caption: 'Dots: means; lines: 95% intervals over replications.',
  },
  {
    title: (label: string) => `${label}, etter gruppe`,
    notice: (axis: string, la: string, a: string, lb: string, b: string) => `${axis}: med ${la} ${a}; med ${lb} ${b}.`,
    range: (lo: string, glo: string, hi: string, ghi: string) => `fra ${lo} (${glo}) til ${hi} (${ghi})`,
    caption: 'Punkter: gjennomsnitt; linjer: 95 %-intervaller over replikasjoner.',
  },
);

/** Lowest and highest group mean of `metric` under policy `p` (first group on ties). */
export function groupRange(data: PageData, p: string, metric: GroupMetric): { lo: PageData['groups'][number]; hi: PageData['groups'][number] } {
  const rows = data.groups.filter((g) => g.policy === p && g.metric === metric);
  return {
    lo: rows.reduce((m, r) => (r.mean < m.mean ? r : m), rows[0]),
    hi: rows.reduce((m, r) => (r.mean > m.mean ? r : m), rows[0]),
  };
}

export function render(data: PageData, options: ChartOptions = {}): HTMLElement {
  const ctx = context(options, 0);
  const { doc, lang } = ctx;
  const t = TEXT(lang);
  const metric = choiceOf(control, options.choice);
  const share = METRIC_TABLE[metric].kind === 'share';
  // whole percentages on the axis and the dots; other kinds with the table's decimals
  const format = (x: number) => metricText(metric, x, lang, { digits: share ? 0 : undefined });
  const fit = (x: number) => (share ? clamp01(x) : Math.max(0, x));
  const ps = policies(data);
  const note = GROUP_NOTE(lang).note;
  const rows = data.meta.groups.map((g) => ({
    label: groupName(g.name, g.label, lang),
    values: ps.map((p) => {
      const r = data.groups.find((x) => x.policy === p.key && x.group === g.name && x.metric === metric);
      return { value: r?.mean ?? 0, lo: fit(r?.lo ?? 0), hi: fit(r?.hi ?? 0) };
    }),
  }));
  const axis = metricLabel(metric, lang);
  const title = t.title(axis);
  const svg = rowChart(ctx, [{ rows }], {
    kind: 'dot', xLabel: axis, format, xDomain: share ? [0, 1] : undefined, footnote: note,
    legend: ps.map((p) => ({ label: p.label, fill: POLICY_COLOURS[p.i] })),
  });
  const range = (p: string) => {
    const { lo, hi } = groupRange(data, p, metric);
    return t.range(format(lo.mean), groupName(lo.group, lo.label, lang), format(hi.mean), groupName(hi.group, hi.label, lang));
  };
  const notice = t.notice(axis, ps[0].label, range(ps[0].key), ps[1].label, range(ps[1].key));
  const p = doc.createElement('p');
  p.className = 'group-note';
  p.textContent = note;
  return figure(ctx, { id: 'groups', title, notice, svg, caption: `${t.caption} ${repsNote(data, lang, false)}`, extra: [p] });
}
