/** Services received by type, length and level match: starts per person per service, both policies, mismatched part hatched. */
import { serviceName } from '../names.ts';
import type { PageData } from '../data.ts';
import { num, pct, texts } from '../i18n.ts';
import { POLICY_COLOURS } from '../palette.ts';
import { context, figure, policies, repsNote, svgEl, type ChartOptions } from './common.ts';
import { rowChart, type Section } from './rows.ts';

const TEXT = texts(
  {
    title: 'Services received per person, by type, length and level match',
    short: 'Short services',
    long: 'Long services',
    x: 'Starts per person',
    mismatch: 'level does not fit',
    notice: (la: string, ma: string, lb: string, mb: string, longA: string, longB: string) =>
      `Under ${la}, ${ma} of service starts are at a level that does not fit the person, against ${mb} under ${lb}; long services are ${longA} of starts under ${la} and ${longB} under ${lb}.`,
    caption: (weeks: number) => `Service starts per person in the whole population over ${weeks} weeks; hatched: at a level that does not fit the person.`,
  },
  {
    title: 'Tiltak per person, etter type, lengde og nivåtilpasning',
    short: 'Korte tiltak',
    long: 'Lange tiltak',
    x: 'Oppstarter per person',
    mismatch: 'nivået passer ikke',
    notice: (la: string, ma: string, lb: string, mb: string, longA: string, longB: string) =>
      `Med ${la} er ${ma} av tiltaksoppstartene på et nivå som ikke passer personen, mot ${mb} med ${lb}; lange tiltak er ${longA} av oppstartene med ${la} og ${longB} med ${lb}.`,
    caption: (weeks: number) => `Tiltaksoppstarter per person i hele befolkningen over ${weeks} uker; skravert: på et nivå som ikke passer personen.`,
  },
);


/** Over all services of policy `p`: share of starts at a mismatched level, and share of starts in long services. */
export function serviceShares(data: PageData, p: string): { mismatched: number; long: number } {
  const rows = data.services.filter((r) => r.policy === p);
  const started = rows.reduce((t, r) => t + r.started, 0);
  const sum = (f: (r: PageData['services'][number]) => number) => rows.reduce((t, r) => t + f(r), 0) / (started || 1);
  return { mismatched: sum((r) => r.mismatched), long: sum((r) => (r.term === 'long' ? r.started : 0)) };
}

function hatch(doc: Document, id: string, colour: string): SVGPatternElement {
  const p = svgEl(doc, 'pattern', { id, patternUnits: 'userSpaceOnUse', width: 4, height: 4, patternTransform: 'rotate(45)' });
  p.append(svgEl(doc, 'rect', { width: 4, height: 4, fill: 'white' }), svgEl(doc, 'line', { x1: 1, y1: 0, x2: 1, y2: 4, stroke: colour, 'stroke-width': 1.5 }));
  return p;
}

export function render(data: PageData, options: ChartOptions = {}): HTMLElement {
  const ctx = context(options, 0);
  const { doc, lang } = ctx;
  const t = TEXT(lang);
  const ps = policies(data);
  const sections: Section[] = (['short', 'long'] as const).map((term) => ({
    title: t[term],
    rows: data.meta.services.filter((s) => s.term === term).map((s) => ({
      label: serviceName(s.id, s.label, lang),
      values: ps.map((p) => {
        const r = data.services.find((x) => x.policy === p.key && x.service === s.id);
        return { value: r?.started ?? 0, part: r?.mismatched ?? 0 };
      }),
    })),
  })).filter((s) => s.rows.length > 0);
  const id = (i: number) => `chart-services-hatch-${i}`;
  const defs = [...POLICY_COLOURS, '#555555'].map((c, i) => hatch(doc, id(i), c));
  const svg = rowChart(ctx, sections, {
    kind: 'bar', xLabel: t.x, format: (x) => num(x, lang, 2), partFill: (i) => `url(#${id(i)})`, defs,
    legend: [...ps.map((p) => ({ label: p.label, fill: POLICY_COLOURS[p.i] })), { label: t.mismatch, fill: `url(#${id(2)})`, stroke: '#555555' }],
  });
  const [a, b] = ps.map((p) => serviceShares(data, p.key));
  const notice = t.notice(ps[0].label, pct(a.mismatched, lang), ps[1].label, pct(b.mismatched, lang), pct(a.long, lang), pct(b.long, lang));
  return figure(ctx, { id: 'services', title: t.title, notice, svg, caption: `${t.caption(data.meta.weeks)} ${repsNote(data, lang, false)}` });
}
