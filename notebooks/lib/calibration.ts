/// <reference types="vite/client" />
/**
 * The shipped fits and calibration runs for notebooks/calibration.html.
 *
 * - The fits: `SHIPPED_FITS` (scenarios/targets/fits.ts), each target's
 *   published band, value and model estimate grouped for charts so that
 *   targets of different units never share an axis (`fitGroups`), written
 *   with `formatMetric` (sim/metrics.ts) and sim/format.ts.
 * - The calibration runs: every folder scenarios/targets/calibrations/NAME/
 *   that holds a fit.json (what `pathways calibrate` writes, sim/calibrate/run.ts),
 *   with its calibration.json, trace.csv and, for ABC, posterior.csv, found
 *   with Vite's `import.meta.glob` when the notebook is built. Parsed by
 *   `parseTrace` and `parsePosterior`; the posterior summarised by
 *   `summarise` and `weightedQuantile` of sim/calibrate/abc.ts, the distance
 *   at the calibrated point split by target with `distanceTerms`
 *   (sim/calibrate/distance.ts).
 *
 * Its words are in the notebook's language (notebooks/lib/lang.ts): the
 * metric table's labels and units, the page's bokmål statements and
 * quantities of the targets (viz/fits-view.ts), numbers with the decimal
 * comma in bokmål.
 */
import { csvParse, precisionFixed } from 'd3';
import { SHIPPED_FITS } from '../../scenarios/targets/fits.ts';
import { SHIPPED_TARGETS } from '../../scenarios/targets/index.ts';
import { summarise, weightedQuantile, type Particle, type PosteriorSummary } from '../../sim/calibrate/abc.ts';
import type { Bound } from '../../sim/calibrate/box.ts';
import { distanceTerms, type DistanceReport } from '../../sim/calibrate/distance.ts';
import type { ShippedFit } from '../../sim/calibrate/fingerprint.ts';
import type { CalibrationMeta, FitFile } from '../../sim/calibrate/run.ts';
import { isDifference, type TargetResult, type TargetsResult, type TargetUse } from '../../sim/calibrate/targets.ts';
import { intervalText } from '../../sim/format.ts';
import { parseScenario, SHIPPED, type Scenario } from '../../sim/index.ts';
import { formatMetric, METRIC_TABLE, metricKeyLabel, parseMetricKey, type MetricInfo, type MetricKey } from '../../sim/metrics.ts';
import { quantityLabel, statementNb } from '../../viz/fits-view.ts';
import { texts } from '../../viz/i18n.ts';
import { fixed } from './format.ts';
import { lang } from './lang.ts';
import './analyses.css';
import './calibration.css';

export { SHIPPED_FITS };
export { scenarioTitle } from './journeys.ts';
export type { ShippedFit, FitFile, CalibrationMeta, TargetResult, TargetsResult };

// ---------------------------------------------------------------------------
// Units: how a target's values are written and which targets share an axis

/** How a target's values are read and written, and which targets can share an axis. */
export interface Unit {
  /** Targets with the same key are in the same units and may share an axis. */
  key: string;
  /** A title for a chart of targets in this unit: "Shares (%)", "Differences of shares (percentage points)". */
  title: string;
  /** The axis label. */
  label: string;
  /** A value as text: "40.4%", "−9.3 pp", "−10.3 weeks". */
  format: (v: number) => string;
  /** An axis tick (with as many decimals as the ticks' step needs): "40%", "−10 pp", "−10". */
  tick: (v: number, i?: number, ticks?: readonly number[]) => string;
}

const TEXT = texts({
  shares: 'Shares (%)',
  shareDiffs: 'Differences of shares (percentage points)',
  diffs: (unit: string) => `Differences in ${unit}`,
  shareAxis: 'share, % →',
  shareDiffAxis: 'difference, percentage points (B − A) →',
  axis: (unit: string, difference: boolean) => `${difference ? 'difference, ' : ''}${unit}${difference ? ' (B − A)' : ''} →`,
  byYear: (label: string, year: number) => `${label} (year ${year})`,
  bandKind: { interval: 'interval', range: 'range', translation: 'translation' } as Record<string, string>,
}, {
  shares: 'Andeler (%)',
  shareDiffs: 'Forskjeller i andeler (prosentpoeng)',
  diffs: (unit: string) => `Forskjeller i ${unit}`,
  shareAxis: 'andel, % →',
  shareDiffAxis: 'forskjell, prosentpoeng (B − A) →',
  axis: (unit: string, difference: boolean) => `${difference ? 'forskjell, ' : ''}${unit}${difference ? ' (B − A)' : ''} →`,
  byYear: (label: string, year: number) => `${label} (år ${year})`,
  bandKind: { interval: 'publisert konfidensintervall', range: 'spennvidden i publiserte tall', translation: 'skjønn ved oversettelsen' } as Record<string, string>,
});

const keyOf = (t: Pick<TargetResult, 'quantity'>): MetricKey => {
  const k = parseMetricKey(t.quantity.metric);
  if ('error' in k) throw new RangeError(k.error);
  return k;
};

/** The metric's label in the notebook's language, for a metric by year at its year: "In work at the end of year 5" (the metric table's `yearLabel`, else "(year 5)"). */
export function metricLabel(t: Pick<TargetResult, 'quantity'>): string {
  const k = keyOf(t);
  const info: MetricInfo = METRIC_TABLE[k.name];
  if (k.year === undefined || info.yearLabel) return metricKeyLabel(k, lang);
  return TEXT(lang).byYear(info.label[lang], k.year);
}

/** The unit of a target: a share (%) or a difference of shares (pp), else the metric table's unit, for a level or a difference. */
export function unitOf(t: Pick<TargetResult, 'quantity'>): Unit {
  const { name } = keyOf(t);
  const info = METRIC_TABLE[name];
  const difference = isDifference(t.quantity);
  const share = info.kind === 'share';
  const scale = share ? 100 : 1;
  const T = TEXT(lang);
  const unit = info.unit[lang];
  const suffix = share ? '' : ` ${unit}`;
  const digitsFor = (ticks?: readonly number[]) => (ticks && ticks.length > 1 ? precisionFixed(Math.abs(ticks[1] - ticks[0]) * scale) : 0);
  return {
    key: `${share ? 'share' : info.unit.en}|${difference ? 'difference' : 'level'}`,
    title: share
      ? (difference ? T.shareDiffs : T.shares)
      : (difference ? T.diffs(unit) : unit.charAt(0).toUpperCase() + unit.slice(1)),
    label: share ? (difference ? T.shareDiffAxis : T.shareAxis) : T.axis(unit, difference),
    format: (v) => formatMetric(name, v, { lang, typographic: true, difference }) + suffix,
    tick: (v, _i, ticks) => formatMetric(name, v, { lang, typographic: true, difference, digits: digitsFor(ticks) }),
  };
}

/** An interval in the target's units: "[40.0%, 53.0%]". */
export function rangeOf(t: Pick<TargetResult, 'quantity'>, [lo, hi]: readonly [number, number]): string {
  const u = unitOf(t);
  return intervalText(u.format(lo), u.format(hi), lang);
}

/** A value with its interval in the target's units: "56.7% [55.7%, 57.7%]". */
export const withBand = (t: Pick<TargetResult, 'quantity'>, v: number, range: readonly [number, number]): string => `${unitOf(t).format(v)} ${rangeOf(t, range)}`;

/** How a band was chosen (`bandKind`), in the notebook's language: "range" in English, "spenn av publiserte tall" in bokmål. */
export const bandKindName = (kind: string): string => TEXT(lang).bandKind[kind] ?? kind;

/** A target's statement in the notebook's language (its `statementNb` in the shipped target file, viz/fits-view.ts), and whether it is the English one shown in bokmål. */
export function statementOf(scenario: string, t: TargetResult): { text: string; en: boolean } {
  const nb = lang === 'nb' ? statementNb(scenario, t) : undefined;
  return { text: nb ?? t.statement, en: lang === 'nb' && nb === undefined };
}

/** A shipped scenario, parsed once (for the names of its groups and policies), or undefined. */
const parsed = new Map<string, Scenario | undefined>();
function shippedScenario(name: string): Scenario | undefined {
  if (!parsed.has(name)) parsed.set(name, Object.hasOwn(SHIPPED, name) ? parseScenario(SHIPPED[name]) : undefined);
  return parsed.get(name);
}

/**
 * What the model measures for a target: in English its `quantityText`
 * ("employedShareByYear.5 of refugee under standardised"); in bokmål as the
 * page's About panel says it (viz/fits-view.ts), without the metric (which
 * metricLabel gives): the group, or the two sides, and the policy's label.
 */
export function quantityOf(scenario: string, t: TargetResult): string {
  if (lang === 'en') return t.quantityText;
  const s = shippedScenario(scenario);
  const q = quantityLabel(t, s, lang);
  // the label begins with the metric (shown on a line of its own): its group, sides and policy
  const metric = `${metricLabel(t)} — `;
  const label = q.label.startsWith(metric) ? q.label.slice(metric.length) : q.label;
  return q.policy ? `${label} (${q.policy})` : label;
}

/** An axis tick with as many decimals as the ticks' step needs, in the notebook's language (Plot's `tickFormat`): "0.25", "0,25". */
export const tick = (v: number, _i?: number, ticks?: readonly number[]): string => fixed(v, ticks && ticks.length > 1 ? precisionFixed(Math.abs(ticks[1] - ticks[0])) : 0);

/**
 * A target's `translation`, `bandNote` or `notes` in the notebook's language: in bokmål the
 * shipped target file's `translationNb`, `bandNoteNb` or `notesNb` (when the file's English is the
 * fit's), else the English, with `lang: "en"` for the element that shows it; undefined without one.
 */
export function targetText(scenario: string, t: TargetResult, field: 'translation' | 'bandNote' | 'notes'): { text: string; lang?: string } | undefined {
  const en = t[field];
  if (en === undefined) return undefined;
  if (lang !== 'nb') return { text: en };
  const file = Object.hasOwn(SHIPPED_TARGETS, scenario) ? SHIPPED_TARGETS[scenario] as { targets?: Record<string, unknown>[] } : undefined;
  const raw = file?.targets?.find((x) => x.id === t.id);
  const nb = raw?.[field] === en ? raw?.[`${field}Nb`] : undefined;
  return typeof nb === 'string' && nb.trim() !== '' ? { text: nb } : { text: en, lang: 'en' };
}

/** One chart's worth of targets: one use (fit or held out), one unit, and an x domain fitted to them. */
export interface FitGroup {
  use: TargetUse;
  unit: Unit;
  targets: TargetResult[];
  /** Holds every band, published value and model interval of the targets, with a margin; shares stay within 0–100%. */
  domain: [number, number];
}

/**
 * The x domain of targets: their bands, published values and model means,
 * and their model intervals as far as 1.5 times that span on either side (an
 * interval from very few replicates can be far wider than the band; a chart
 * clips it), padded by 8%; a share level not below 0 or above 1.
 */
export function domainOf(targets: readonly TargetResult[]): [number, number] {
  const core = targets.flatMap((t) => [t.band[0], t.band[1], t.value, t.model.mean]).filter(Number.isFinite);
  const [a, b] = [Math.min(...core), Math.max(...core)];
  const reach = 1.5 * (b - a || Math.abs(b) || 1);
  const ends = targets.flatMap((t) => t.model.ci95).filter(Number.isFinite).map((x) => Math.min(b + reach, Math.max(a - reach, x)));
  let lo = Math.min(a, ...ends);
  let hi = Math.max(b, ...ends);
  const pad = (hi - lo || Math.abs(hi) || 1) * 0.08;
  lo -= pad;
  hi += pad;
  const levelShare = targets.every((t) => !isDifference(t.quantity) && METRIC_TABLE[keyOf(t).name].kind === 'share');
  if (levelShare) [lo, hi] = [Math.max(0, lo), Math.min(1, hi)];
  return [lo, hi];
}

/** Whether a target's model interval reaches outside a domain (a chart clips it there). */
export const clipped = (t: Pick<TargetResult, 'model'>, [lo, hi]: readonly [number, number]) => t.model.ci95[0] < lo || t.model.ci95[1] > hi;

/** The targets of a result for charts: fit targets first, then held out; within each, one group per unit (in file order). */
export function fitGroups(result: Pick<TargetsResult, 'targets'>): FitGroup[] {
  const groups: FitGroup[] = [];
  for (const use of ['fit', 'holdout'] as const) {
    const byUnit = new Map<string, FitGroup>();
    for (const t of result.targets.filter((x) => x.use === use)) {
      const unit = unitOf(t);
      let g = byUnit.get(unit.key);
      if (!g) byUnit.set(unit.key, (g = { use, unit, targets: [], domain: [0, 1] }));
      g.targets.push(t);
    }
    for (const g of byUnit.values()) groups.push({ ...g, domain: domainOf(g.targets) });
  }
  return groups;
}

/** The shipped fits' scenario names, in the order of SHIPPED_FITS. */
export const FIT_NAMES = Object.keys(SHIPPED_FITS);

// ---------------------------------------------------------------------------
// Calibration runs: the folders of scenarios/targets/calibrations/

/** One evaluated candidate of trace.csv. */
export interface TraceRow {
  evaluation: number;
  /** The start (1-based) whose search asked it: Nelder–Mead with --starts runs several; ABC has one. */
  start: number;
  /** Nelder–Mead: completed iterations before it; ABC: its generation. */
  step: number;
  /** Nelder–Mead: the step that asked it (initial, reflect, expand, ...); ABC: proposal. */
  kind: string;
  /** The parameters, in the order of `Trace.parameters`. */
  point: number[];
  /** The distance; Infinity where the model gave no number (an empty cell). */
  distance: number;
  /** The model's mean of each fit target, in the order of `Trace.targets` (NaN for an empty cell). */
  means: number[];
}

/** trace.csv of a calibration. */
export interface Trace {
  /** What the second column counts: Nelder–Mead's iterations, ABC's generations. */
  by: 'iteration' | 'generation';
  parameters: string[];
  /** The fit targets' ids (the `mean:ID` columns). */
  targets: string[];
  rows: TraceRow[];
}

const cell = (v: string | undefined, empty: number): number => (v === undefined || v.trim() === '' ? empty : Number(v));

/** Parse trace.csv: `evaluation,start,iteration|generation,kind,<parameters...>,distance,mean:<target>...`. Throws on another header. */
export function parseTrace(text: string): Trace {
  const table = csvParse(text);
  const cols = table.columns;
  const d = cols.indexOf('distance');
  if (cols[0] !== 'evaluation' || cols[1] !== 'start' || (cols[2] !== 'iteration' && cols[2] !== 'generation') || cols[3] !== 'kind' || d < 4) {
    throw new Error(`trace.csv: the header ${JSON.stringify(cols.join(','))} is not evaluation,start,iteration|generation,kind,<parameters>,distance,mean:<target>...`);
  }
  const parameters = cols.slice(4, d);
  const meanCols = cols.slice(d + 1);
  if (meanCols.some((c) => !c.startsWith('mean:'))) throw new Error(`trace.csv: after distance come only mean:<target> columns, not ${meanCols.find((c) => !c.startsWith('mean:'))}`);
  const by = cols[2] as Trace['by'];
  const rows = table.map((r): TraceRow => ({
    evaluation: cell(r.evaluation, NaN),
    start: cell(r.start, NaN),
    step: cell(r[by], NaN),
    kind: r.kind ?? '',
    point: parameters.map((p) => cell(r[p], NaN)),
    distance: cell(r.distance, Infinity),
    means: meanCols.map((c) => cell(r[c], NaN)),
  }));
  return { by, parameters, targets: meanCols.map((c) => c.slice('mean:'.length)), rows };
}

/** The best distance so far at each evaluation of a trace, and whether the evaluation improved on it. */
export function bestSoFar(trace: Trace): { evaluation: number; distance: number; best: number; improved: boolean }[] {
  let best = Infinity;
  return trace.rows.map((r) => {
    const improved = r.distance < best;
    if (improved) best = r.distance;
    return { evaluation: r.evaluation, distance: r.distance, best, improved };
  });
}

/** A particle of posterior.csv: its number and, as sim/calibrate/abc.ts has it, generation, weight, distance and point. */
export interface PosteriorParticle extends Particle {
  particle: number;
}

/** posterior.csv of an ABC calibration: the last complete population. */
export interface Posterior {
  parameters: string[];
  particles: PosteriorParticle[];
}

/** Parse posterior.csv: `particle,generation,weight,distance,<parameters...>`. Throws on another header. */
export function parsePosterior(text: string): Posterior {
  const table = csvParse(text);
  const cols = table.columns;
  if (cols.slice(0, 4).join(',') !== 'particle,generation,weight,distance' || cols.length < 5) {
    throw new Error(`posterior.csv: the header ${JSON.stringify(cols.join(','))} is not particle,generation,weight,distance,<parameters>`);
  }
  const parameters = cols.slice(4);
  return {
    parameters,
    particles: table.map((r) => ({
      particle: cell(r.particle, NaN), generation: cell(r.generation, NaN), weight: cell(r.weight, 0), distance: cell(r.distance, Infinity),
      point: parameters.map((p) => cell(r[p], NaN)),
    })),
  };
}

/** The posterior's weighted mean, sd and 2.5%, 50%, 97.5% quantiles of each parameter, and its effective size (sim/calibrate/abc.ts `summarise`). */
export const posteriorSummary = (p: Posterior, bounds: readonly Bound[]): PosteriorSummary => summarise(p.particles, bounds);

/** The central interval of parameter `i` holding `level` of the particles' weight (weighted quantiles, sim/calibrate/abc.ts `weightedQuantile`). */
export function credibleInterval(p: Posterior, i: number, level = 0.95): [number, number] {
  const xs = p.particles.map((x) => x.point[i]);
  const ws = p.particles.map((x) => x.weight);
  return [weightedQuantile(xs, ws, (1 - level) / 2), weightedQuantile(xs, ws, (1 + level) / 2)];
}

/** A bin of a weighted histogram: its edges, the particles' weight in it, and that weight as a density (per unit of the parameter). */
export interface Bin { x0: number; x1: number; weight: number; density: number }

/** The particles' weights of parameter `i` in `bins` equal bins over the prior's range (a value on the upper edge goes in the last bin). */
export function weightedHistogram(p: Posterior, i: number, bound: Pick<Bound, 'lo' | 'hi'>, bins = 10): Bin[] {
  const width = (bound.hi - bound.lo) / bins;
  const total = p.particles.reduce((s, x) => s + x.weight, 0) || 1;
  const out: Bin[] = Array.from({ length: bins }, (_, k) => ({ x0: bound.lo + k * width, x1: bound.lo + (k + 1) * width, weight: 0, density: 0 }));
  for (const x of p.particles) {
    const k = Math.min(bins - 1, Math.max(0, Math.floor((x.point[i] - bound.lo) / width)));
    out[k].weight += x.weight / total;
  }
  for (const b of out) b.density = b.weight / width;
  return out;
}

/** The density of the uniform prior on a range: 1 / (hi − lo). */
export const priorDensity = (bound: Pick<Bound, 'lo' | 'hi'>) => 1 / (bound.hi - bound.lo);

/**
 * How much the targets narrowed a parameter: the width of its 95% posterior
 * interval over the width of the uniform prior's (95% of the range). Near 1:
 * the targets do not pin it down.
 */
export const widthShare = (q: { q025: number; q975: number }, bound: Pick<Bound, 'lo' | 'hi'>) => (q.q975 - q.q025) / (0.95 * (bound.hi - bound.lo));

/**
 * The distance at the calibrated point, target by target: each fit target's
 * weight × ((model mean − centre of its band) / half-width)², as the search
 * scores a point (the band's centre, as `fitBand` in sim/calibrate/run.ts).
 */
export function distanceParts(fit: Pick<TargetsResult, 'targets'>): DistanceReport {
  const targets = fit.targets.filter((t) => t.use === 'fit');
  const bands = targets.map((t) => ({ name: t.id, value: (t.band[0] + t.band[1]) / 2, lo: t.band[0], hi: t.band[1], weight: t.weight }));
  return distanceTerms(bands, targets.map((t) => ({ mean: t.model.mean, ci95: t.model.ci95 })));
}

/** A calibration folder, read. */
export interface CalibrationRun {
  /** The folder's name. */
  name: string;
  /** calibration.json: the plan (with the command that made it), when the folder has it. */
  plan?: CalibrationMeta;
  fit: FitFile;
  trace?: Trace;
  posterior?: Posterior;
}

/** The parameters' ranges of a run, as bounds. */
export const boundsOf = (run: Pick<CalibrationRun, 'fit'>): Bound[] => run.fit.calibration.parameters.map(({ name, lo, hi }) => ({ name, lo, hi }));

/** The files of a folder, as text or parsed JSON. */
export interface RunFiles {
  fit: FitFile;
  plan?: CalibrationMeta;
  trace?: string;
  posterior?: string;
}

/** Read a calibration folder's files (the trace's and posterior's parameters must be the fit's). */
export function readRun(name: string, files: RunFiles): CalibrationRun {
  const run: CalibrationRun = { name, fit: files.fit, plan: files.plan };
  const names = files.fit.calibration.parameters.map((p) => p.name).join(',');
  if (files.trace !== undefined) {
    run.trace = parseTrace(files.trace);
    if (run.trace.parameters.join(',') !== names) throw new Error(`${name}/trace.csv: parameters ${run.trace.parameters.join(', ')}, but fit.json has ${names}`);
  }
  if (files.posterior !== undefined) {
    run.posterior = parsePosterior(files.posterior);
    if (run.posterior.parameters.join(',') !== names) throw new Error(`${name}/posterior.csv: parameters ${run.posterior.parameters.join(', ')}, but fit.json has ${names}`);
  }
  return run;
}

const FITS = import.meta.glob<FitFile>('../../scenarios/targets/calibrations/*/fit.json', { eager: true, import: 'default' });
const PLANS = import.meta.glob<CalibrationMeta>('../../scenarios/targets/calibrations/*/calibration.json', { eager: true, import: 'default' });
const TRACES = import.meta.glob<string>('../../scenarios/targets/calibrations/*/trace.csv', { eager: true, query: '?raw', import: 'default' });
const POSTERIORS = import.meta.glob<string>('../../scenarios/targets/calibrations/*/posterior.csv', { eager: true, query: '?raw', import: 'default' });

/** The folder of a globbed path: `../../scenarios/targets/calibrations/NAME/fit.json` → NAME. */
const folderOf = (path: string) => path.split('/').slice(-2, -1)[0];
const byFolder = <T>(files: Record<string, T>): Map<string, T> => new Map(Object.entries(files).map(([path, v]) => [folderOf(path), v]));

/** Every shipped calibration run (each folder of scenarios/targets/calibrations/ with a fit.json), by folder name. */
export function calibrationRuns(): CalibrationRun[] {
  const plans = byFolder(PLANS);
  const traces = byFolder(TRACES);
  const posteriors = byFolder(POSTERIORS);
  return [...byFolder(FITS)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, fit]) => readRun(name, { fit, plan: plans.get(name), trace: traces.get(name), posterior: posteriors.get(name) }));
}

/** The command that makes the run again, into a folder of its own: `npx pathways calibrate ... --out out/calibration-NAME`. */
export function reproduceCommand(run: CalibrationRun): string | undefined {
  return run.plan ? `npx ${run.plan.command} --out out/calibration-${run.name}` : undefined;
}

const RUN_TEXT = texts({
  steps: {} as Record<string, string>,
  statuses: {} as Record<string, string>,
}, {
  // Nelder–Mead's steps (sim/calibrate/optim.ts StepKind) and ABC's proposals
  steps: {
    initial: 'start', reflect: 'speiling', expand: 'utvidelse', 'contract-outside': 'sammentrekning utenfor', 'contract-inside': 'sammentrekning innenfor',
    shrink: 'krymping', restart: 'omstart', proposal: 'forslag',
  },
  // why a search stopped (NelderMeadStatus, AbcSmcStop)
  statuses: {
    running: 'kjører fortsatt', converged: 'konvergert', budget: 'budsjettet er brukt opp', epsilon: 'toleransen er nådd', generations: 'alle generasjonene er kjørt',
    acceptance: 'for få forslag ble beholdt', stalled: 'toleransen sank ikke lenger',
  },
});

/** The step of a trace row (`kind`: reflect, expand, … or proposal), as trace.csv has it in English, in words in bokmål. */
export const stepName = (kind: string): string => RUN_TEXT(lang).steps[kind] ?? kind;

/** Why a calibration stopped (`status`: converged, budget, …), as fit.json has it in English, in words in bokmål. */
export const statusName = (status: string): string => RUN_TEXT(lang).statuses[status] ?? status;

/** Method names as people read them. */
export const methodName = (m: string) => (m === 'abc' ? 'ABC-SMC' : m === 'nelder-mead' ? 'Nelder–Mead' : m);
