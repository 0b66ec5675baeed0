/**
 * The About panel's part "Compared with published figures": the shipped check
 * of the scenario against its target file (scenarios/targets/fits/NAME.json,
 * written by `npm run fits`), read as it is; nothing is run. Each target is a
 * row: what the model measures, the published finding and its source, and a
 * dot-and-band strip (the published band as a bar, the published value as a
 * tick, the model's mean as a dot with its 95% interval), on one axis per
 * unit fitted to the data; numbers as the metric table writes them.
 */
import { nice, ticks } from 'd3';
import { SHIPPED_FITS } from '../scenarios/targets/fits.ts';
import { SHIPPED_TARGETS } from '../scenarios/targets/index.ts';
import type { Side, TargetResult, TargetsResult } from '../sim/calibrate/targets.ts';
import { formatMetric, METRIC_TABLE, metricKeyLabel, parseMetricKey, type MetricKey } from '../sim/metrics.ts';
import { intervalText } from '../sim/format.ts';
import type { Scenario } from '../sim/scenario.ts';
import { h } from './dom.ts';
import { count, texts, type Lang } from './i18n.ts';
import { outputGroupName } from './names.ts';
import { policyLabel } from './plan.ts';
import { metricText } from './text.ts';

/** How the page's scenario stands to its shipped fit. */
export interface FitState {
  /** The scenario is a loaded file (or a link's), not a shipped one. */
  file: boolean;
  /** Knobs of either policy are changed on the page. */
  changed: boolean;
  /** Scenario values are changed on the page (levers.ts). */
  levers?: boolean;
}

const TEXT = texts({
  title: 'Compared with published figures',
  counts: (fit: string, holdout: string, reps: number, agents: string, weeks: number) =>
    `${[fit, holdout].filter((x) => x).join(' and ')} lie within the published band; ${reps} replications of ${agents} people over ${weeks} weeks.`,
  fitCount: (k: number, n: number) => `${k} of ${n} ${n === 1 ? 'target' : 'targets'} used for fitting`,
  holdoutCount: (k: number, n: number) => `${k} of ${n} held-out ${n === 1 ? 'target' : 'targets'}`,
  source: (name: string) => ['Read from the shipped check (', h('code', {}, `pathways targets --scenario ${name}`), '), not from the runs on this page.'],
  uses: 'Targets for fitting may be used to set the scenario’s values; held-out targets are kept out of that, to test it.',
  asShipped: (name: string) => ['These figures are for ', h('code', {}, name), ' as shipped, without the knob changes made here; to check a changed scenario, write it to a file and run ', h('code', {}, 'pathways targets --scenario FILE'), '.'],
  leversAsShipped: (name: string, knobs: boolean) => ['These figures are for ', h('code', {}, name), ` as shipped, without the ${knobs ? 'knob and scenario value' : 'scenario value'} changes made here; to check the changed scenario, save it (“Save this scenario”) and run `, h('code', {}, 'pathways targets --scenario FILE'), '.'],
  fileAsShipped: (name: string) => ['These figures are for ', h('code', {}, name), ' as shipped, not for the loaded file; ', h('code', {}, 'pathways targets --scenario FILE'), ' checks the file against them.'],
  none: 'No published figures are shipped for this scenario.',
  noneFile: () => ['No published figures come with this scenario; ', h('code', {}, 'pathways targets --scenario FILE --targets TARGETS.json'), ' checks it against a target file.'],
  caption: 'Each published figure, its band, and the model’s mean with its 95% interval',
  colTarget: 'Published figure', colChart: 'Published band and model', colResult: 'Within the band?',
  fit: 'For fitting', holdout: 'Held out',
  band: 'published band', value: 'published value', model: 'model mean with 95% interval', hollow: 'hollow dot: the mean lies outside the band',
  shares: 'Shares (%)', shareDiffs: 'Differences (percentage points)',
  diffs: (unit: string) => `Differences (${unit})`,
  minus: 'minus', changedMinus: 'with scenario values changed for this figure, minus without', minusChanged: 'as the scenario is, minus with values changed for this figure',
  modelUnder: (p: string) => `Model under ${p}`, variant: 'with scenario values changed for this figure', inEnglish: '',
  published: 'Published', modelIs: 'Model', bandIs: 'band',
  within: 'Within', outside: 'Outside', above: (x: string) => `${x} above the band`, below: (x: string) => `${x} below the band`,
}, {
  title: 'Sammenlignet med publiserte tall',
  counts: (fit: string, holdout: string, reps: number, agents: string, weeks: number) =>
    `${[fit, holdout].filter((x) => x).join(' og ')} ligger innenfor det publiserte spennet; ${reps} replikasjoner med ${agents} personer over ${weeks} uker.`,
  fitCount: (k: number, n: number) => `${k} av ${n} tall brukt til kalibrering`,
  holdoutCount: (k: number, n: number) => `${k} av ${n} tall holdt utenfor`,
  source: (name: string) => ['Lest fra den medfølgende kontrollen (', h('code', {}, `pathways targets --scenario ${name}`), '), ikke fra kjøringene på denne siden.'],
  uses: 'Tall til kalibrering kan brukes til å sette scenariets verdier; tall holdt utenfor brukes ikke til det, men til å teste det.',
  asShipped: (name: string) => ['Tallene gjelder ', h('code', {}, name), ' slik det leveres, uten spakene som er endret her; for å kontrollere et endret scenario, skriv det til en fil og kjør ', h('code', {}, 'pathways targets --scenario FIL'), '.'],
  leversAsShipped: (name: string, knobs: boolean) => ['Tallene gjelder ', h('code', {}, name), ` slik det leveres, uten ${knobs ? 'spakene og verdiene i scenariet' : 'verdiene i scenariet'} som er endret her; for å kontrollere det endrede scenariet, lagre det («Lagre dette scenariet») og kjør `, h('code', {}, 'pathways targets --scenario FIL'), '.'],
  fileAsShipped: (name: string) => ['Tallene gjelder ', h('code', {}, name), ' slik det leveres, ikke den innlastede filen; ', h('code', {}, 'pathways targets --scenario FIL'), ' kontrollerer filen mot dem.'],
  none: 'Det følger ingen publiserte tall med dette scenariet.',
  noneFile: () => ['Det følger ingen publiserte tall med dette scenariet; ', h('code', {}, 'pathways targets --scenario FIL --targets MÅL.json'), ' kontrollerer det mot en fil med publiserte tall.'],
  caption: 'Hvert publiserte tall, spennet rundt det, og modellens gjennomsnitt med 95 %-intervall',
  colTarget: 'Publisert tall', colChart: 'Publisert spenn og modellen', colResult: 'Innenfor spennet?',
  fit: 'Til kalibrering', holdout: 'Holdt utenfor',
  band: 'publisert spenn', value: 'publisert verdi', model: 'modellens gjennomsnitt med 95 %-intervall', hollow: 'hul prikk: gjennomsnittet ligger utenfor spennet',
  shares: 'Andeler (%)', shareDiffs: 'Forskjeller (prosentpoeng)',
  diffs: (unit: string) => `Forskjeller (${unit})`,
  minus: 'minus', changedMinus: 'med verdier i scenariet endret for dette tallet, minus uten', minusChanged: 'slik scenariet er, minus med verdier endret for dette tallet',
  modelUnder: (p: string) => `Modellen under ${p}`, variant: 'med verdier i scenariet endret for dette tallet', inEnglish: ' (på engelsk)',
  published: 'Publisert', modelIs: 'Modellen', bandIs: 'spenn',
  within: 'Innenfor', outside: 'Utenfor', above: (x: string) => `${x} over spennet`, below: (x: string) => `${x} under spennet`,
});

const keyOf = (t: TargetResult): MetricKey => {
  const k = parseMetricKey(t.quantity.metric);
  if ('error' in k) throw new RangeError(`${t.id}: ${k.error}`);
  return k;
};
const isDiff = (t: TargetResult) => 'difference' in t.quantity;
const isShareKind = (k: MetricKey) => METRIC_TABLE[k.name].kind === 'share';

/** A value of a target's quantity as the metric table writes it, with the unit where the number has none (weeks, counts). */
function valueText(t: TargetResult, v: number, lang: Lang): string {
  const k = keyOf(t);
  const text = metricText(k.name, v, lang, { difference: isDiff(t) });
  return isShareKind(k) ? text : `${text} ${METRIC_TABLE[k.name].unit[lang]}`;
}
const bareText = (t: TargetResult, v: number, lang: Lang) => metricText(keyOf(t).name, v, lang, { difference: isDiff(t) });

/** The model's mean as the panel writes it (tests read it so). */
export const meanText = (t: TargetResult, lang: Lang): string => valueText(t, t.model.mean, lang);

/** What the model measures, in the page's language: metric, group, and for a difference its two sides. */
export function quantityLabel(t: TargetResult, s: Scenario | undefined, lang: Lang): { label: string; policy: string; variant: boolean } {
  const T = TEXT(lang);
  const groups = s?.groups ?? [];
  const metric = metricKeyLabel(keyOf(t), lang);
  const group = (g: string) => outputGroupName(g, groups, lang);
  const policy = (p: string) => (s ? policyLabel(s, p, lang) : p);
  const varied = (x: { knobs: object; changes: object }) => Object.keys(x.knobs).length > 0 || Object.keys(x.changes).length > 0;
  const q = t.quantity;
  if (!('difference' in q)) return { label: `${metric} — ${group(q.group)}`, policy: policy(q.policy), variant: varied(q) };
  const { A, B } = q.difference;
  const samePolicy = A.policy === B.policy;
  // one group under two settings, one of them changed: the effect of the change
  if (A.group === B.group && samePolicy && varied(A) !== varied(B)) {
    return { label: `${metric} — ${group(A.group)}: ${varied(B) ? T.changedMinus : T.minusChanged}`, policy: policy(A.policy), variant: false };
  }
  const side = (x: Side) => `${group(x.group)}${varied(x) ? `, ${T.variant}` : ''}${A.policy !== B.policy ? ` (${policy(x.policy)})` : ''}`;
  return { label: `${metric} — ${side(B)} ${T.minus} ${side(A)}`, policy: samePolicy ? policy(A.policy) : '', variant: false };
}

/** Rows that share an axis: shares, differences of shares, and each other metric's levels or differences. */
interface Scale { key: string; title: string; rows: TargetResult[]; domain: [number, number]; ticks: number[]; tickText(v: number): string }

function scales(r: TargetsResult, lang: Lang): Scale[] {
  const T = TEXT(lang);
  const out: Scale[] = [];
  for (const t of r.targets) {
    const k = keyOf(t);
    const share = isShareKind(k);
    const key = `${share ? 'share' : k.name}:${isDiff(t)}`;
    let sc = out.find((x) => x.key === key);
    if (!sc) {
      const unit = METRIC_TABLE[k.name].unit[lang];
      const title = share ? (isDiff(t) ? T.shareDiffs : T.shares) : isDiff(t) ? T.diffs(unit) : unit.charAt(0).toUpperCase() + unit.slice(1);
      out.push(sc = { key, title, rows: [], domain: [0, 1], ticks: [], tickText: () => '' });
    }
    sc.rows.push(t);
  }
  for (const sc of out) {
    // fitting targets first, then held-out ones, each in file order
    sc.rows.sort((a, b) => Number(a.use === 'holdout') - Number(b.use === 'holdout'));
    const xs = sc.rows.flatMap((t) => [...t.band, t.value, ...t.model.ci95, t.model.mean]);
    // the axis holds every band, value and interval, and zero (a share's floor, a difference's sign)
    const [lo, hi] = nice(Math.min(0, ...xs), Math.max(0, ...xs), 5);
    sc.domain = [lo, hi];
    sc.ticks = ticks(lo, hi, 5);
    const t0 = sc.rows[0];
    const k = keyOf(t0);
    const step = sc.ticks.length > 1 ? sc.ticks[1] - sc.ticks[0] : 1;
    const digits = Math.max(0, Math.ceil(-Math.log10(step * (isShareKind(k) ? 100 : 1)) - 1e-9));
    sc.tickText = (v) => formatMetric(k.name, v, { lang, typographic: true, difference: isDiff(t0), digits, signed: false })
      .replace(/ (pp|p\.p\.)$/, '');
  }
  return out;
}

/** Position on a scale, in percent of the strip's width. */
const at = (sc: Scale, v: number) => `${(100 * (v - sc.domain[0])) / (sc.domain[1] - sc.domain[0])}%`;
const span = (sc: Scale, lo: number, hi: number) => `left:${at(sc, lo)};width:${(100 * (hi - lo)) / (sc.domain[1] - sc.domain[0])}%`;

/** The ticks that get a label: all of up to seven, else every other one, zero among them (the grid keeps them all). */
function labelled(sc: Scale): number[] {
  if (sc.ticks.length <= 7) return sc.ticks;
  const step = sc.ticks[1] - sc.ticks[0];
  return sc.ticks.filter((v) => Math.round(v / step) % 2 === 0);
}

/** The axis of a scale: above its rows, and under each row's strip where the rows stack (`own`, shown by the stylesheet only then). */
function axis(sc: Scale, own?: 'own'): HTMLElement {
  return h('div', { class: own ? 'fit-axis own' : 'fit-axis', 'aria-hidden': 'true' },
    ...labelled(sc).map((v) => h('span', { class: v === 0 ? 'fit-tick zero' : 'fit-tick', style: `left:${at(sc, v)}` }, sc.tickText(v))));
}

function strip(sc: Scale, t: TargetResult): HTMLElement {
  const zero = sc.domain[0] < 0 && sc.domain[1] > 0 ? h('span', { class: 'fit-zero', style: `left:${at(sc, 0)}` }) : undefined;
  return h('div', { class: `fit-strip ${t.withinBand ? 'in' : 'out'}`, 'aria-hidden': 'true' },
    ...sc.ticks.map((v) => h('span', { class: 'fit-grid', style: `left:${at(sc, v)}` })),
    zero,
    h('span', { class: 'fit-band', style: span(sc, t.band[0], t.band[1]) }),
    h('span', { class: 'fit-value', style: `left:${at(sc, t.value)}` }),
    h('span', { class: 'fit-ci', style: span(sc, t.model.ci95[0], t.model.ci95[1]) }),
    h('span', { class: 'fit-mean', style: `left:${at(sc, t.model.mean)}` }));
}

/**
 * A target's statement in bokmål: its `statementNb` in the shipped target
 * file, when that file's English statement is the fit's (a stale fit keeps
 * its English one).
 */
export function statementNb(scenario: string, t: TargetResult): string | undefined {
  const file = Object.hasOwn(SHIPPED_TARGETS, scenario) ? SHIPPED_TARGETS[scenario] as { targets?: { id?: string; statement?: string; statementNb?: string }[] } : undefined;
  const raw = file?.targets?.find((x) => x.id === t.id);
  return raw?.statement === t.statement ? raw.statementNb : undefined;
}

function row(sc: Scale, t: TargetResult, s: Scenario | undefined, lang: Lang, scenario: string): HTMLElement {
  const T = TEXT(lang);
  const q = quantityLabel(t, s, lang);
  const nb = lang === 'nb' ? statementNb(scenario, t) : undefined;
  const en = lang === 'en' || nb !== undefined ? {} : { lang: 'en' };
  const src = t.source;
  const citation = src.url ? h('a', { href: src.url, target: '_blank', rel: 'noopener noreferrer' }, src.citation) : h('span', {}, src.citation);
  const interval = (lo: number, hi: number) => h('span', { class: 'fit-interval' }, intervalText(bareText(t, lo, lang), bareText(t, hi, lang), lang));
  // how far outside the band: a difference even for a level (percentage points for a share)
  const miss = formatMetric(keyOf(t).name, Math.abs(t.miss), { lang, typographic: true, difference: true, signed: false })
    + (isShareKind(keyOf(t)) ? '' : ` ${METRIC_TABLE[keyOf(t).name].unit[lang]}`);
  return h('tr', { class: `fit-row ${t.use} ${t.withinBand ? 'in' : 'out'}`, 'data-target': t.id },
    h('th', { scope: 'row' },
      h('span', { class: `fit-use ${t.use}` }, t.use === 'fit' ? T.fit : T.holdout), ' ',
      h('span', { class: 'fit-label' }, q.label),
      q.variant ? h('span', { class: 'fit-policy' }, ` (${T.variant})`) : undefined,
      h('span', { class: 'fit-statement' }, h('span', en, nb ?? t.statement), nb === undefined ? T.inEnglish : ''),
      h('span', { class: 'fit-source' }, citation, `, ${src.year}`, ' · ', h('code', { title: t.quantityText }, t.id))),
    h('td', { class: 'fit-chart' },
      strip(sc, t),
      axis(sc, 'own'),
      h('span', { class: 'fit-numbers' },
        h('span', {}, `${T.published}: ${valueText(t, t.value, lang)}, ${T.bandIs} `, interval(t.band[0], t.band[1])),
        h('span', { class: 'fit-model' }, q.policy ? T.modelUnder(q.policy) : T.modelIs, ': ', h('span', { class: 'fit-mean-text' }, meanText(t, lang)), ' ', interval(t.model.ci95[0], t.model.ci95[1])))),
    h('td', { class: 'fit-result' },
      t.withinBand
        ? h('span', { class: 'fit-verdict in' }, h('span', { 'aria-hidden': 'true' }, '✓ '), T.within)
        : h('span', { class: 'fit-verdict out' }, h('span', { 'aria-hidden': 'true' }, '✗ '), T.outside,
          h('span', { class: 'fit-miss' }, t.miss > 0 ? T.above(miss) : T.below(miss)))));
}

function legend(lang: Lang): HTMLElement {
  const T = TEXT(lang);
  return h('p', { class: 'fit-legend' },
    h('span', {}, h('span', { class: 'fit-key band', 'aria-hidden': 'true' }), T.band),
    h('span', {}, h('span', { class: 'fit-key value', 'aria-hidden': 'true' }), T.value),
    h('span', {}, h('span', { class: 'fit-key model', 'aria-hidden': 'true' }), T.model),
    h('span', {}, h('span', { class: 'fit-key model out', 'aria-hidden': 'true' }), T.hollow));
}

/** The shipped fit for a scenario name, if any. */
export const shippedFit = (name: string | undefined): TargetsResult | undefined =>
  name !== undefined && Object.hasOwn(SHIPPED_FITS, name) ? SHIPPED_FITS[name].result : undefined;

/** The part "Compared with published figures" for the About panel: the shipped fit, or a line saying there is none. */
export function fitsPart(s: Scenario | undefined, state: FitState, lang: Lang): HTMLElement {
  const T = TEXT(lang);
  const r = shippedFit(s?.name);
  const part = h('section', { class: 'fits', 'aria-labelledby': 'fits-title' }, h('h3', { id: 'fits-title' }, T.title));
  if (!r) {
    part.append(h('p', { class: 'fit-note' }, ...(state.file ? T.noneFile() : [T.none])));
    return part;
  }
  const c = (k: { within: number; total: number }, f: (a: number, b: number) => string) => (k.total ? f(k.within, k.total) : '');
  const settings = r.settings;
  part.append(h('p', { class: 'fit-counts' }, T.counts(c(r.fit, T.fitCount), c(r.holdout, T.holdoutCount), settings.replications, count(settings.agents, lang), settings.weeks)));
  if (state.file) part.append(h('p', { class: 'fit-note changed' }, ...T.fileAsShipped(r.scenario)));
  else if (state.levers) part.append(h('p', { class: 'fit-note changed' }, ...T.leversAsShipped(r.scenario, state.changed)));
  else if (state.changed) part.append(h('p', { class: 'fit-note changed' }, ...T.asShipped(r.scenario)));
  part.append(h('p', { class: 'fit-note' }, T.uses), legend(lang));
  const table = h('table', { class: 'fit-table' },
    h('caption', { class: 'visually-hidden' }, T.caption),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, T.colTarget), h('th', { scope: 'col' }, T.colChart), h('th', { scope: 'col' }, T.colResult))),
    ...scales(r, lang).map((sc) => h('tbody', {},
      h('tr', { class: 'fit-scale' }, h('th', { scope: 'colgroup' }, sc.title), h('td', { class: 'fit-chart' }, axis(sc)), h('td', {})),
      ...sc.rows.map((t) => row(sc, t, s, lang, r.scenario)))));
  part.append(h('div', { class: 'fit-wrap' }, table), h('p', { class: 'fit-note' }, ...T.source(r.scenario)));
  return part;
}
