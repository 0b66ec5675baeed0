/** Activity counted versus work (F7): share in a service and share in work by week, both policies. */
import type { PageData } from '../data.ts';
import { texts } from '../i18n.ts';
import { POLICY_COLOURS } from '../palette.ts';
import { metricText } from '../text.ts';
import { context, figure, points, policies, repsNote, summaryMean, type ChartOptions } from './common.ts';
import { lineChart, type Series } from './lines.ts';

const TEXT = texts(
  {
    title: 'Activity counted and work: share in a service and share in work, week by week',
    y: 'Share of the population',
    inService: (p: string) => `${p}: in a service`,
    employed: (p: string) => `${p}: in work`,
    notice: (la: string, pa: string, ea: string, lb: string, pb: string, eb: string) =>
      `Under ${la}, ${pa} of person-weeks are spent in a service (activity as the office counts it) and ${ea} in work; under ${lb}, ${pb} and ${eb}.`,
    moreActivityOnly: (l: string, act: string, work: string) => ` ${l} counts ${act} more activity but only ${work} more work: activity counted is not work.`,
    moreActivityLessWork: (l: string, act: string, work: string) => ` ${l} counts ${act} more activity and ${work} less work: activity counted is not work.`,
    moreActivitySameWork: (l: string, act: string) => ` ${l} counts ${act} more activity but about the same work: activity counted is not work.`,
    both: (l: string, act: string, work: string) => ` ${l} has both more activity (${act}) and more work (${work}).`,
    sameActivity: (l: string, work: string) => ` The two count about the same activity; ${l} has ${work} more work.`,
    sameBoth: ' The two count about the same activity and about the same work.',
    caption: 'Dashed: share in a short or long service; solid: share in work; whole population, end of each week.',
  },
  {
    title: 'Aktivitet som telles og arbeid: andel i tiltak og andel i arbeid, uke for uke',
    y: 'Andel av befolkningen',
    inService: (p: string) => `${p}: i tiltak`,
    employed: (p: string) => `${p}: i arbeid`,
    notice: (la: string, pa: string, ea: string, lb: string, pb: string, eb: string) =>
      `Med ${la} går ${pa} av personukene til tiltak (aktivitet slik kontoret teller den) og ${ea} til arbeid; med ${lb} ${pb} og ${eb}.`,
    moreActivityOnly: (l: string, act: string, work: string) => ` ${l} teller ${act} mer aktivitet, men bare ${work} mer arbeid: aktivitet som telles, er ikke arbeid.`,
    moreActivityLessWork: (l: string, act: string, work: string) => ` ${l} teller ${act} mer aktivitet og ${work} mindre arbeid: aktivitet som telles, er ikke arbeid.`,
    moreActivitySameWork: (l: string, act: string) => ` ${l} teller ${act} mer aktivitet, men omtrent like mye arbeid: aktivitet som telles, er ikke arbeid.`,
    both: (l: string, act: string, work: string) => ` ${l} har både mer aktivitet (${act}) og mer arbeid (${work}).`,
    sameActivity: (l: string, work: string) => ` De to teller omtrent like mye aktivitet; ${l} har ${work} mer arbeid.`,
    sameBoth: ' De to teller omtrent like mye aktivitet og har omtrent like mye arbeid.',
    caption: 'Stiplet: andel i kort eller langt tiltak; heltrukket: andel i arbeid; hele befolkningen, ved slutten av hver uke.',
  },
);

export function render(data: PageData, options: ChartOptions = {}): HTMLElement {
  const ctx = context(options, 340);
  const { lang } = ctx;
  const t = TEXT(lang);
  const ps = policies(data);
  const series: Series[] = [];
  for (const p of ps) {
    const rows = data.activity.filter((r) => r.policy === p.key);
    series.push({ label: t.employed(p.label), colour: POLICY_COLOURS[p.i], rows: rows.map((r) => ({ week: r.week, mean: r.employed })) });
    series.push({ label: t.inService(p.label), colour: POLICY_COLOURS[p.i], rows: rows.map((r) => ({ week: r.week, mean: r.inService })), dash: '5 3' });
  }
  const rate = (k: string) => metricText('participationRate', summaryMean(data, k, 'participationRate'), lang, { digits: 0 });
  const work = (k: string) => metricText('employedWeeksShare', summaryMean(data, k, 'employedWeeksShare'), lang, { digits: 0 });
  const [a, b] = ps;
  // the closing sentence follows the numbers: which policy counts more activity, and does more work come with it?
  const dAct = summaryMean(data, b.key, 'participationRate') - summaryMean(data, a.key, 'participationRate');
  const dWork = summaryMean(data, b.key, 'employedWeeksShare') - summaryMean(data, a.key, 'employedWeeksShare');
  const more = dAct > 0 ? b : a;
  const workWithIt = dAct > 0 ? dWork : -dWork;
  // the words follow the numbers as written (whole percentage points): never "0 percentage points more", never "more" for less
  const shown = (x: number) => Math.round(Math.abs(x) * 100);
  const close = shown(dAct) === 0
    ? (shown(dWork) === 0 ? t.sameBoth : t.sameActivity((dWork > 0 ? b : a).label, points(dWork, lang)))
    : shown(workWithIt) === 0 ? t.moreActivitySameWork(more.label, points(dAct, lang))
      : workWithIt < 0 ? t.moreActivityLessWork(more.label, points(dAct, lang), points(workWithIt, lang))
        : workWithIt < Math.abs(dAct) / 2 ? t.moreActivityOnly(more.label, points(dAct, lang), points(workWithIt, lang))
          : t.both(more.label, points(dAct, lang), points(workWithIt, lang));
  const notice = t.notice(a.label, rate(a.key), work(a.key), b.label, rate(b.key), work(b.key)) + close;
  const svg = lineChart(ctx, series, t.y);
  return figure(ctx, { id: 'gap', title: t.title, notice, svg, caption: `${t.caption} ${repsNote(data, lang, false)}` });
}
