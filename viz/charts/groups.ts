/** Outcomes by scenario group (equity): mean and 95% interval per group and policy for one metric. */
import { groupName } from '../names.ts';
import type { GroupMetric, PageData } from '../data.ts';
import { GROUP_NOTE, num, pct, texts } from '../i18n.ts';
import { POLICY_COLOURS } from '../palette.ts';
import { clamp01, context, figure, policies, repsNote, type ChartOptions } from './common.ts';
import { rowChart } from './rows.ts';

/** `metric`: which group metric to show; default `'employedShare'`. */
export interface GroupsOptions extends ChartOptions { metric?: GroupMetric }

type MetricText = Record<GroupMetric, { title: string; axis: string }>;
const TEXT = texts(
  {
    metrics: {
      employedShare: { title: 'Share in work at the end of the run, by group', axis: 'Share in work' },
      rejectionsPerPerson: { title: 'Refusals per person, by group', axis: 'Refusals per person' },
      servicesPerPerson: { title: 'Services started per person, by group', axis: 'Services per person' },
      mismatchedServiceShare: { title: 'Share of services at a level that does not fit, by group', axis: 'Share at a level that does not fit' },
      participationRate: { title: 'Share of weeks in a service (activity counted), by group', axis: 'Share of weeks in a service' },
    } as MetricText,
    notice: (axis: string, la: string, a: string, lb: string, b: string) => `${axis}: under ${la} ${a}; under ${lb} ${b}.`,
    range: (lo: string, glo: string, hi: string, ghi: string) => `from ${lo} (${glo}) to ${hi} (${ghi})`,
    caption: 'Dots: means; lines: 95% intervals over replications.',
  },
  {
    metrics: {
      employedShare: { title: 'Andel i arbeid ved slutten av kjøringen, etter gruppe', axis: 'Andel i arbeid' },
      rejectionsPerPerson: { title: 'Avslag per person, etter gruppe', axis: 'Avslag per person' },
      servicesPerPerson: { title: 'Tiltak startet per person, etter gruppe', axis: 'Tiltak per person' },
      mismatchedServiceShare: { title: 'Andel tiltak på et nivå som ikke passer, etter gruppe', axis: 'Andel på et nivå som ikke passer' },
      participationRate: { title: 'Andel uker i tiltak (aktivitet som telles), etter gruppe', axis: 'Andel uker i tiltak' },
    } as MetricText,
    notice: (axis: string, la: string, a: string, lb: string, b: string) => `${axis}: med ${la} ${a}; med ${lb} ${b}.`,
    range: (lo: string, glo: string, hi: string, ghi: string) => `fra ${lo} (${glo}) til ${hi} (${ghi})`,
    caption: 'Punkter: gjennomsnitt; linjer: 95 %-intervaller over replikasjoner.',
  },
);

const SHARES: readonly GroupMetric[] = ['employedShare', 'mismatchedServiceShare', 'participationRate'];

/** Lowest and highest group mean of `metric` under policy `p` (first group on ties). */
export function groupRange(data: PageData, p: string, metric: GroupMetric): { lo: PageData['groups'][number]; hi: PageData['groups'][number] } {
  const rows = data.groups.filter((g) => g.policy === p && g.metric === metric);
  return {
    lo: rows.reduce((m, r) => (r.mean < m.mean ? r : m), rows[0]),
    hi: rows.reduce((m, r) => (r.mean > m.mean ? r : m), rows[0]),
  };
}

export function render(data: PageData, options: GroupsOptions = {}): HTMLElement {
  const ctx = context(options, 0);
  const { doc, lang } = ctx;
  const t = TEXT(lang);
  const metric = options.metric ?? 'employedShare';
  const share = SHARES.includes(metric);
  const format = (x: number) => (share ? pct(x, lang) : num(x, lang, 2));
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
  const { axis, title } = t.metrics[metric];
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
