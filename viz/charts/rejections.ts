/** Refusals per person by reason, both policies (F3). */
import type { PageData } from '../data.ts';
import { num, REASON_NOTE, REASON_TEXT, texts } from '../i18n.ts';
import { POLICY_COLOURS } from '../palette.ts';
import { context, figure, policies, repsNote, type ChartOptions } from './common.ts';
import { rowChart } from './rows.ts';

const TEXT = texts(
  {
    title: 'Refusals per person, by reason',
    x: 'Refusals per person',
    notice: (la: string, ta: string, ra: string, va: string, lb: string, tb: string, rb: string, vb: string) =>
      `Under ${la} a person meets ${ta} refusals on average, most often “${ra}” (${va}); under ${lb}, ${tb}, most often “${rb}” (${vb}).`,
    none: 'Nobody was refused anything under either policy.',
    caption: (weeks: number) => `Refused requests for a service per person in the whole population over ${weeks} weeks.`,
  },
  {
    title: 'Avslag per person, etter grunn',
    x: 'Avslag per person',
    notice: (la: string, ta: string, ra: string, va: string, lb: string, tb: string, rb: string, vb: string) =>
      `Med ${la} får en person i snitt ${ta} avslag, oftest «${ra}» (${va}); med ${lb} ${tb}, oftest «${rb}» (${vb}).`,
    none: 'Ingen fikk avslag på noe med noen av politikkene.',
    caption: (weeks: number) => `Avslåtte ønsker om tiltak per person i hele befolkningen over ${weeks} uker.`,
  },
);

type ReasonKey = keyof ReturnType<typeof REASON_TEXT>;

/** Total refusals per person and the most frequent reason (first on ties) for policy `p`. */
export function refusalSummary(data: PageData, p: string): { total: number; reason: string; perPerson: number } {
  const rows = data.rejections.filter((r) => r.policy === p);
  const top = rows.reduce((best, r) => (r.perPerson > best.perPerson ? r : best), rows[0]);
  return { total: rows.reduce((t, r) => t + r.perPerson, 0), reason: top.reason, perPerson: top.perPerson };
}

export function render(data: PageData, options: ChartOptions = {}): HTMLElement {
  const ctx = context(options, 0);
  const { lang } = ctx;
  const t = TEXT(lang);
  const ps = policies(data);
  const reasonName = (r: string) => REASON_TEXT(lang)[r as ReasonKey] ?? r;
  const reasons = [...new Set(data.rejections.map((r) => r.reason))];
  const per = (p: string, reason: string) => data.rejections.find((r) => r.policy === p && r.reason === reason)?.perPerson ?? 0;
  const format = (x: number) => num(x, lang, 2);
  const svg = rowChart(ctx, [{ rows: reasons.map((reason) => ({ label: reasonName(reason), values: ps.map((p) => ({ value: per(p.key, reason) })) })) }], {
    kind: 'bar', xLabel: t.x, format, legend: ps.map((p) => ({ label: p.label, fill: POLICY_COLOURS[p.i] })),
  });
  const [a, b] = ps.map((p) => refusalSummary(data, p.key));
  const notice = a.total === 0 && b.total === 0 ? t.none : t.notice(
    ps[0].label, format(a.total), reasonName(a.reason), format(a.perPerson), ps[1].label, format(b.total), reasonName(b.reason), format(b.perPerson),
  );
  return figure(ctx, { id: 'rejections', title: t.title, notice, svg, caption: `${t.caption(data.meta.weeks)} ${REASON_NOTE(lang).note} ${repsNote(data, lang, false)}` });
}
