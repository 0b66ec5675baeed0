/**
 * Pathways as an alluvial diagram, hand-rolled: for each checkpoint a column of stacked
 * state bars (height = share of the population), ribbons between consecutive columns
 * (share moving from a state to a state, coloured by where they come from). Policy A on
 * top, B below, one svg. Bars and ribbons carry data-share so the page and tests can read them.
 */
import type { PageData, StateName } from '../data.ts';
import { LEFT_TEXT, pct, STATE_TEXT, texts, type Lang } from '../i18n.ts';
import { POLICY_COLOURS } from '../palette.ts';
import { context, figure, FONT, legend, legendLayout, policies, repsNote, round, svgEl, textWidth, type ChartOptions, type Ctx } from './common.ts';
import { columns, serviceOutcomes, STACK, STACK_OUT, stateColour, type Flow } from './flows-layout.ts';

const TEXT = texts(
  {
    title: (weeks: string) => `Pathways between states at weeks ${weeks}`,
    and: 'and',
    week: (w: number) => `week ${w}`,
    notice: (la: string, wa: string, sa: string, lb: string, wb: string, sb: string) =>
      `Of those in a service at one checkpoint, ${wa} are in work and ${sa} in a service again at the next under ${la}; under ${lb}, ${wb} and ${sb}.`,
    caption: 'Bar height: share of the population in each state at the checkpoint; ribbons: share moving from one state to another by the next checkpoint, coloured by the state they come from. At the bottom, set apart, those who have left the register (a health-related benefit, education, moved away); they do not come back.',
  },
  {
    title: (weeks: string) => `Forløp mellom tilstander i uke ${weeks}`,
    and: 'og',
    week: (w: number) => `uke ${w}`,
    notice: (la: string, wa: string, sa: string, lb: string, wb: string, sb: string) =>
      `Av dem som er i tiltak ved ett målepunkt, er ${wa} i arbeid og ${sa} i tiltak igjen ved det neste med ${la}; med ${lb} ${wb} og ${sb}.`,
    caption: 'Søylehøyde: andel av befolkningen i hver tilstand ved målepunktet; bånd: andel som går fra én tilstand til en annen til neste målepunkt, farget etter tilstanden de kommer fra. Nederst, litt for seg, de som har forlatt registeret (helserelatert ytelse, utdanning, flyttet); de kommer ikke tilbake.',
  },
);

function list(xs: number[], lang: Lang): string {
  return xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} ${TEXT(lang).and} ${xs[xs.length - 1]}`;
}

/** A bar's width at the default label size (it grows with it). */
const BAR_PX = 12;

function panel(ctx: Ctx, flow: Flow, label: string, colour: string, top: number, height: number): SVGGElement {
  const { doc, lang, width, k } = ctx;
  const BAR = BAR_PX * k;
  const t = TEXT(lang);
  const g = svgEl(doc, 'g', { 'data-policy': flow.policy, 'aria-label': label });
  const title = svgEl(doc, 'text', { x: 0, y: top + 11 * k, fill: colour, 'font-weight': 'bold', 'font-size': 11 * k });
  title.textContent = label;
  g.append(title);
  const cols = columns(flow, { x0: 4, x1: width - 4 - BAR, y0: top + 20 * k, y1: top + height - 18 * k, pad: 3 });
  const name = (s: StateName) => STATE_TEXT(lang)[s];
  for (const r of cols.ribbons) {
    const x0 = r.x0 + BAR;
    const xm = (x0 + r.x1) / 2;
    const d = `M${x0},${r.s0}C${xm},${r.s0} ${xm},${r.t0} ${r.x1},${r.t0}L${r.x1},${r.t1}C${xm},${r.t1} ${xm},${r.s1} ${x0},${r.s1}Z`;
    const p = svgEl(doc, 'path', {
      d: d.replace(/\d+\.\d+/g, (x) => String(round(Number(x)))),
      fill: stateColour(r.source), 'fill-opacity': 0.4,
      'data-from': r.from, 'data-source': r.source, 'data-target': r.target, 'data-share': round(r.share, 6),
    });
    const tip = svgEl(doc, 'title');
    tip.textContent = `${name(r.source)} → ${name(r.target)}: ${pct(r.share, lang, 1)}`;
    p.append(tip);
    g.append(p);
  }
  for (const n of cols.nodes) {
    const rect = svgEl(doc, 'rect', {
      x: round(n.x), y: round(n.y), width: BAR, height: round(Math.max(0.5, n.h)), fill: stateColour(n.state),
      'data-checkpoint': n.checkpoint, 'data-week': n.week, 'data-state': n.state, 'data-share': round(n.share, 6),
    });
    const tip = svgEl(doc, 'title');
    tip.textContent = `${t.week(n.week)}, ${name(n.state)}: ${pct(n.share, lang, 1)}`;
    rect.append(tip);
    g.append(rect);
  }
  cols.xs.forEach((x, c) => {
    const last = c === cols.xs.length - 1;
    const text = svgEl(doc, 'text', {
      x: round(c === 0 ? x : last ? x + BAR : x + BAR / 2), y: top + height - 5 * k, 'text-anchor': c === 0 ? 'start' : last ? 'end' : 'middle',
      fill: 'currentColor',
    });
    text.textContent = t.week(flow.checkpoints[c]);
    g.append(text);
  });
  return g;
}

export function render(data: PageData, options: ChartOptions = {}): HTMLElement {
  const ctx = context(options, 480);
  const { doc, lang, width, height, font, k } = ctx;
  const t = TEXT(lang);
  const ps = policies(data);
  const flows = ps.map((p) => data.flows.find((f) => f.policy === p.key) as Flow);
  const svg = svgEl(doc, 'svg', { width, height, viewBox: `0 0 ${width} ${height}`, 'font-size': font, 'font-family': FONT, style: 'display: block; max-width: 100%; height: auto; background: white;' });
  const item = (s: StateName) => ({ label: STATE_TEXT(lang)[s], fill: stateColour(s) });
  // the states in the register, then a row of their own for those who have left it, under its name
  const inner = legend(doc, svg, STACK.slice(0, STACK_OUT).map(item), 0, 2, width, font);
  const head = `${LEFT_TEXT(lang).left}:`;
  // the head of those who have left: before their swatches, or, when that leaves them too little room, on a line of its own
  const headW = textWidth(head, font) * (k === 1 ? 1 : 1.1) + 8;
  const outItems = STACK.slice(STACK_OUT).map(item);
  const own = k > 1 && legendLayout(outItems, 0, 0, width - headW, font).height > 16 * k;
  const left = svgEl(doc, 'text', { x: 0, y: 2 + inner + 9 * k, fill: 'currentColor', 'font-weight': 'bold', class: 'legend-head' });
  left.textContent = head;
  svg.append(left);
  const headH = own ? 16 * k : 0;
  const lh = inner + headH + legend(doc, svg, outItems, own ? 0 : headW, 2 + inner + headH, own ? width : width - headW, font);
  const ph = (height - lh - 8) / 2;
  ps.forEach((p) => svg.append(panel(ctx, flows[p.i], p.label, POLICY_COLOURS[p.i], lh + 8 + p.i * ph, ph - 6)));
  const out = flows.map(serviceOutcomes);
  const notice = t.notice(ps[0].label, pct(out[0].work, lang), pct(out[0].service, lang), ps[1].label, pct(out[1].work, lang), pct(out[1].service, lang));
  const title = t.title(list(flows[0].checkpoints, lang));
  return figure(ctx, { id: 'flows', title, notice, svg, caption: `${t.caption} ${repsNote(data, lang, false)}` });
}
