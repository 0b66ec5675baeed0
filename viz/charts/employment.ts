/** Share in work by week for both policies: mean line with 95% band. */
import type { PageData } from '../data.ts';
import { pct, texts } from '../i18n.ts';
import { POLICY_COLOURS } from '../palette.ts';
import { context, figure, points, policies, repsNote, type ChartOptions } from './common.ts';
import { lineChart } from './lines.ts';

const TEXT = texts(
  {
    title: 'Share in work, week by week',
    y: 'Share in work',
    notice: (weeks: number, a: string, la: string, b: string, lb: string, gap: string, week: number, lead: string) =>
      `After ${weeks} weeks, ${a} are in work under ${la} and ${b} under ${lb}; the widest gap, ${gap}, is in week ${week}, ahead under ${lead}.`,
    same: (weeks: number, a: string, la: string, lb: string) =>
      `After ${weeks} weeks, ${a} are in work under ${la}; ${lb} stays within half a percentage point of it every week.`,
    caption: 'Share of the whole population in work at the end of each week.',
  },
  {
    title: 'Andel i arbeid, uke for uke',
    y: 'Andel i arbeid',
    notice: (weeks: number, a: string, la: string, b: string, lb: string, gap: string, week: number, lead: string) =>
      `Etter ${weeks} uker er ${a} i arbeid med ${la} og ${b} med ${lb}; største forskjell, ${gap}, er i uke ${week}, i favør av ${lead}.`,
    same: (weeks: number, a: string, la: string, lb: string) =>
      `Etter ${weeks} uker er ${a} i arbeid med ${la}; ${lb} ligger innenfor et halvt prosentpoeng hver uke.`,
    caption: 'Andel av hele befolkningen i arbeid ved slutten av hver uke.',
  },
);

/** The week where the two policies' mean shares in work differ most (first such week), and that difference (B − A). */
export function widestGap(data: PageData): { week: number; diff: number } {
  const [a, b] = data.meta.policies;
  const byWeek = new Map(data.employment.filter((r) => r.policy === a).map((r) => [r.week, r.mean]));
  let best = { week: 0, diff: 0 };
  for (const r of data.employment) {
    if (r.policy !== b) continue;
    const diff = r.mean - (byWeek.get(r.week) ?? r.mean);
    if (Math.abs(diff) > Math.abs(best.diff)) best = { week: r.week, diff };
  }
  return best;
}

export function render(data: PageData, options: ChartOptions = {}): HTMLElement {
  const ctx = context(options, 320);
  const t = TEXT(ctx.lang);
  const ps = policies(data);
  const rows = ps.map((p) => data.employment.filter((r) => r.policy === p.key));
  const last = rows.map((r) => r[r.length - 1]);
  const gap = widestGap(data);
  const notice = Math.abs(gap.diff) < 0.005 ? t.same(data.meta.weeks, pct(last[0].mean, ctx.lang), ps[0].label, ps[1].label) : t.notice(
    data.meta.weeks, pct(last[0].mean, ctx.lang), ps[0].label, pct(last[1].mean, ctx.lang), ps[1].label,
    points(gap.diff, ctx.lang), gap.week, ps[gap.diff >= 0 ? 1 : 0].label,
  );
  const svg = lineChart(ctx, ps.map((p) => ({ label: p.label, colour: POLICY_COLOURS[p.i], rows: rows[p.i] })), t.y);
  return figure(ctx, { id: 'employment', title: t.title, notice, svg, caption: `${t.caption} ${repsNote(data, ctx.lang)}` });
}
