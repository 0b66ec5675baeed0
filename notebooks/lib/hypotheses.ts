/**
 * The shipped hypotheses (scenarios/hypotheses/*.json), run in the page for
 * notebooks/testing-findings.html: each parsed with `parseHypothesis` and run
 * with `runHypothesis` (sim/hypothesis.ts), at the files' own settings or at a
 * quick size that caps the replications and the people per run. Also the
 * number formats for a metric's units, with which the sentences of "what would
 * change the verdict" (`verdictMargin`, sim/verdict.ts) are written. Everything
 * shown is in the notebook's language (notebooks/lib/lang.ts): in bokmål the
 * verdicts and their sentences from sim/verdict.ts, the files' words from
 * their `statementNb`, `sourceNb` and `notesNb`, and policies, knobs and
 * groups as the page names them.
 */
import { parseHypothesis, parseScenario, runHypothesis, SHIPPED, SHIPPED_HYPOTHESES, type Hypothesis, type HypothesisResult, type Scenario, type Verdict } from '../../sim/index.ts';
import { decimalsFor, explain, hypothesisRuns, hypothesisSettings, verdictMargin, VERDICT_RULE, VERDICT_RULE_NB, VERDICT_WORDS, type HypothesisSettings, type Side } from '../../sim/hypothesis.ts';
import { formatMetric, METRIC_TABLE, parseMetricKey, type MetricKey } from '../../sim/metrics.ts';
import { texts } from '../../viz/i18n.ts';
import { KNOB_TEXT } from '../../viz/knob-text.ts';
import { outputGroupName } from '../../viz/names.ts';
import { policyLabel } from '../../viz/plan.ts';
import { fixed, interval as range, people, plain, signed } from './format.ts';
import { lang } from './lang.ts';
import './analyses.css';

const TEXT = texts({
  quick: 'quick (≈10 s): at most 8 replications of 800 people',
  files: 'as in the files (≈30 s): up to 20 replications of 2,000 people',
  running: (i: number, n: number, name: string, reps: number, people: string, weeks: number, done: number) =>
    `Running hypothesis ${i} of ${n}, ${name}: ${reps} paired replications of ${people} people for ${weeks} weeks (about ${done}% of the work done)…`,
  everyone: 'everyone',
  with: (policy: string, changes: string) => `${policy} with ${changes}`,
}, {
  quick: 'rask (≈10 s): høyst 8 replikasjoner av 800 personer',
  files: 'som i filene (≈30 s): opptil 20 replikasjoner av 2 000 personer',
  running: (i: number, n: number, name: string, reps: number, people: string, weeks: number, done: number) =>
    `Kjører hypotese ${i} av ${n}, ${name}: ${reps} parvise replikasjoner av ${people} personer i ${weeks} uker (omtrent ${done} % av arbeidet gjort) …`,
  everyone: 'alle',
  with: (policy: string, changes: string) => `${policy}, men med ${changes}`,
})(lang);

/** How big the runs are: the files' own settings, or capped. */
export interface Size {
  id: 'quick' | 'files';
  label: string;
  /** Caps on the replications and the people per run (none: the files' settings). */
  maxReplications?: number;
  maxAgents?: number;
}

export const SIZES: Size[] = [
  { id: 'quick', label: TEXT.quick, maxReplications: 8, maxAgents: 800 },
  { id: 'files', label: TEXT.files },
];

/** One shipped hypothesis, ready to run: the file's settings and the settings it runs with at a size. */
export interface Planned {
  name: string;
  hypothesis: Hypothesis;
  scenario: Scenario;
  /** As the file (or its scenario) says: what `npx pathways hypothesis NAME` runs. */
  fileSettings: HypothesisSettings;
  settings: HypothesisSettings;
  /** Person-weeks simulated (both sides): a measure of the work. */
  work: number;
}

/** Every shipped hypothesis, in the order of SHIPPED_HYPOTHESES, with the settings it runs with at `size`. */
export function plan(size: Size): Planned[] {
  return Object.entries(SHIPPED_HYPOTHESES).map(([name, raw]) => {
    const hypothesis = parseHypothesis(raw, `scenarios/hypotheses/${name}.json`);
    const scenario = parseScenario(SHIPPED[hypothesis.scenario]);
    const fileSettings = hypothesisSettings(hypothesis, scenario);
    const settings = {
      ...fileSettings,
      replications: Math.min(fileSettings.replications, size.maxReplications ?? Infinity),
      agents: Math.min(fileSettings.agents, size.maxAgents ?? Infinity),
    };
    return { name, hypothesis, scenario, fileSettings, settings, work: hypothesisRuns(hypothesis, scenario, settings) * settings.agents * settings.weeks };
  });
}

/** A result with what it ran against. */
export interface Tested extends HypothesisResult {
  /** The file's own settings (differ from `settings` at the quick size). */
  fileSettings: HypothesisSettings;
  /** The scenario it ran (for the names of its policies and groups). */
  scenarioData: Scenario;
  /** Whether this run used fewer replications or people than the file. */
  reduced: boolean;
  milliseconds: number;
  /** The hypothesis as its file gives it (with its bokmål texts: words). */
  hypothesis: Hypothesis;
}

const tick = () => new Promise<void>((ok) => setTimeout(ok, 0));

/**
 * Run every planned hypothesis in turn, yielding to the browser before each
 * (so the status line repaints). `onStatus(text)` is told which one runs;
 * `cancelled()` is asked before each, and stops the loop (the notebook's cell was invalidated).
 */
export async function runAll(planned: Planned[], onStatus: (text: string) => void, cancelled: () => boolean = () => false): Promise<{ results: Tested[]; milliseconds: number; cancelled: boolean }> {
  const t0 = performance.now();
  const total = planned.reduce((t, p) => t + p.work, 0);
  let done = 0;
  const results: Tested[] = [];
  for (const [i, p] of planned.entries()) {
    onStatus(TEXT.running(i + 1, planned.length, p.name, p.settings.replications, people(p.settings.agents), p.settings.weeks, Math.round((100 * done) / total)));
    await tick();
    await tick();
    if (cancelled()) return { results, milliseconds: performance.now() - t0, cancelled: true };
    const t1 = performance.now();
    const h = { ...p.hypothesis, agents: p.settings.agents, weeks: p.settings.weeks };
    const r = runHypothesis(h, p.scenario, { replications: p.settings.replications, seed: p.settings.seed });
    done += p.work;
    const reduced = p.settings.replications !== p.fileSettings.replications || p.settings.agents !== p.fileSettings.agents;
    results.push({ ...r, fileSettings: p.fileSettings, scenarioData: p.scenario, reduced, milliseconds: performance.now() - t1, hypothesis: h });
  }
  return { results, milliseconds: performance.now() - t0, cancelled: false };
}

// ---------------------------------------------------------------------------
// Units

/** The metric's entry in the metric table (`employedShareByYear.3` → `employedShareByYear`). */
const infoOf = (metric: string) => {
  const k = parseMetricKey(metric, { allYears: true });
  if ('error' in k) throw new RangeError(k.error);
  return METRIC_TABLE[k.name];
};

/** Whether a metric is a share (shown in %, its differences in percentage points). */
export const isShare = (metric: string) => infoOf(metric).kind === 'share';

/** The unit of a difference of the metric: "pp" for a share, else the metric table's unit ("weeks per person", ...). */
export const diffUnit = (metric: string) => (isShare(metric) ? 'pp' : infoOf(metric).unit[lang]);

/** Scale and decimals for showing values of the metric (shares as percentages / percentage points). */
export function units(r: Pick<HypothesisResult, 'metric' | 'smallestEffect'>): { scale: number; digits: number; unit: string } {
  if (isShare(r.metric)) return { scale: 100, digits: infoOf(r.metric).decimals, unit: 'pp' };
  return { scale: 1, digits: Math.max(1, decimalsFor(r.smallestEffect) - 1), unit: diffUnit(r.metric) };
}

/** A value of the metric: "41.2%" or "3.40". */
export function value(r: Pick<HypothesisResult, 'metric' | 'smallestEffect'>, v: number): string {
  const k = parseMetricKey(r.metric, { allYears: true }) as MetricKey;
  return formatMetric(k.name, v, { typographic: true, lang, digits: isShare(r.metric) ? undefined : units(r).digits });
}

/** A difference of the metric with its unit: "+3.8 pp" or "−2.09 weeks per person". */
export function diff(r: Pick<HypothesisResult, 'metric' | 'smallestEffect'>, d: number, sign = true): string {
  const u = units(r);
  return `${sign ? signed(d * u.scale, u.digits) : fixed(d * u.scale, u.digits)} ${u.unit}`.trim();
}

/** A difference with its interval: "+3.8 pp [3.0, 4.6]". */
export function diffInterval(r: Pick<HypothesisResult, 'metric' | 'smallestEffect'>, mean: number, ci: [number, number]): string {
  return `${diff(r, mean)} ${interval(r, ci)}`;
}

/** An interval in the metric's display units, without the unit: "[3.0, 4.6]". */
export function interval(r: Pick<HypothesisResult, 'metric' | 'smallestEffect'>, ci: [number, number]): string {
  const u = units(r);
  return range(ci[0] * u.scale, ci[1] * u.scale, u.digits);
}

/** A p-value: "< 0.001" or three decimals. */
export const pValue = (p: number) => (p < 0.001 ? `< ${fixed(0.001, 3)}` : fixed(p, 3));

// ---------------------------------------------------------------------------
// Words

/** The verdicts, in the order the notebook shows them. */
export const VERDICTS: readonly Verdict[] = ['supported', 'contradicted', 'inconclusive'];

/** A verdict as a word: "supported" ("støttet"). */
export const verdictWord = (v: Verdict): string => VERDICT_WORDS[lang][v];

/** The verdict rule as the module states it. */
export const verdictRule = lang === 'nb' ? VERDICT_RULE_NB : VERDICT_RULE;

/** The file's statement, source and notes in the notebook's language: in bokmål its `statementNb`, `sourceNb` and `notesNb` (each the English where the file has none). */
export function words(h: Pick<Hypothesis, 'statement' | 'statementNb' | 'source' | 'sourceNb' | 'notes' | 'notesNb'>): { statement: string; source?: string; notes?: string } {
  const nb = lang === 'nb';
  return { statement: (nb ? h.statementNb : undefined) ?? h.statement, source: (nb ? h.sourceNb : undefined) ?? h.source, notes: (nb ? h.notesNb : undefined) ?? h.notes };
}

/**
 * A side as the notebook names it: in English its label as sim/ writes it
 * ("standardised with proactiveInformation 0.7"); in bokmål the policy's and
 * the knobs' names on the page ("Standardisert, men med oppsøkende informasjon 0,7").
 */
export function sideName(r: Tested, side: Side): string {
  if (lang !== 'nb') return r[side].label;
  const { base, knobs } = r[side].policy;
  const changes = Object.entries(knobs).filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${KNOB_TEXT(lang)[k as keyof typeof knobs].label.toLowerCase()} ${typeof v === 'number' ? plain(v) : String(v)}`);
  const policy = policyLabel(r.scenarioData, base, lang);
  return changes.length ? TEXT.with(policy, changes.join(', ')) : policy;
}

/** An output group as the notebook names it: "everyone" for all; in bokmål the page's name ("Flyktninger"), in English the name as written. */
export function groupName(r: Tested, name: string): string {
  if (name === 'all') return TEXT.everyone;
  return lang === 'nb' ? outputGroupName(name, r.scenarioData.groups, lang) : name;
}

/** The module's explanation of the result (sim/verdict.ts, `explain`): in bokmål with the sides and groups named as on the page. */
export function explanation(r: Tested): string {
  if (lang !== 'nb') return r.explanation;
  return explain(r, lang, { label: (side) => sideName(r, side), group: (name) => groupName(r, name) });
}

// ---------------------------------------------------------------------------
// What would change the verdict

/**
 * How far the verdict is from changing (sim/verdict.ts, `verdictMargin`), in
 * the metric's display units: "+3.8 pp", "2.09 weeks per person".
 */
export function whatWouldChange(r: Tested): string {
  return verdictMargin(r, (v, sign = false) => diff(r, v, sign), { reduced: r.reduced, lang });
}

/** The command that runs the hypothesis at the file's settings, with more replications for an inconclusive one. */
export function command(r: Tested): string {
  const more = r.verdict === 'inconclusive' && (r.replicationsToSettle ?? 0) > r.fileSettings.replications ? ` --replications ${r.replicationsToSettle}` : '';
  return `npx pathways hypothesis ${r.name}${more}`;
}
