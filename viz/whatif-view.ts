/**
 * The What if… view, for policy makers: the shipped questions (presets) one
 * click each, the arms of the comparison (a baseline and up to three
 * variants) to change, and the answers: key results with a verdict per
 * difference, the difference over time, equity by group, cost-effectiveness,
 * the preset's claims checked against the numbers, a glossary and exports.
 * The numbers are the CLI's: the runs are sim/arms.ts `runArm` in workers and
 * `aggregateArms` (app.ts), so the JSON export is `pathways compare --arm
 * ... --json` to the last digit.
 */
import {
  KNOB_NAMES, policyNames, type ArmInput, type ArmRun, type ArmsPlan, type ArmsResult, type ClaimResult, type ComparisonInput,
  type DifferenceVerdict, type Estimate, type Knobs, type Ratio, type Scenario,
} from '../sim/index.ts';
import type { ChangeValue } from '../sim/changes.ts';
import { intervalText } from '../sim/format.ts';
import { csvRow, tableCsv, type Cell } from '../sim/tables.ts';
import { parseMetricKey, type MetricName } from '../sim/metrics.ts';
import { claimText } from '../sim/whatifs.ts';
import { choiceOf } from './charts/common.ts';
import { h } from './dom.ts';
import { download } from './export.ts';
import { count, num, type Lang } from './i18n.ts';
import { KNOB_TEXT } from './knob-text.ts';
import { leversOf, type Lever } from './levers.ts';
import { choiceText, TOPIC_TEXT } from './lever-text.ts';
import { leverLabel, leverNumber } from './levers-view.ts';
import { outputGroupName, serviceName } from './names.ts';
import { ARM_COLOURS, ARM_TEXT_COLOURS } from './palette.ts';
import { policyLabel } from './plan.ts';
import { chartTools } from './results.ts';
import type { Settings } from './settings.ts';
import { HEADLINE_METRICS, metricDoc, metricLabel, metricText } from './text.ts';
import { differenceByWeek, differenceChart, EQUITY_CONTROL, EQUITY_METRICS, equityChart, equityGroups, gapOf } from './whatif-charts.ts';
import { armsOf, fromSettings, MAX_VARIANTS, presetOf, PRESETS, withArms } from './whatif-state.ts';
import { WHATIF_TEXT } from './whatif-text.ts';
import './whatif.css';

/** A finished comparison: its plan, runs and result, and for a preset its claims against the numbers. */
export interface WhatIfData {
  /** What it was run with (whatIfKey): results of other settings are marked stale. */
  key: string;
  plan: ArmsPlan;
  runs: ArmRun[];
  result: ArmsResult;
  preset?: string;
  claims?: ClaimResult[];
}

export interface WhatIfContext {
  settings: Settings;
  scenario: Scenario | undefined;
  data: WhatIfData | undefined;
  /** The key of the current settings' comparison (undefined when there is none). */
  key: string | undefined;
  /** The current comparison's plan, or why it cannot run (CLI-worded lines). */
  planned: { plan: ArmsPlan } | { errors: string[] } | undefined;
  running: boolean;
  /** Seconds the plan is expected to take here. */
  estimate(plan: ArmsPlan): number;
  onPreset(id: string): void;
  onArms(c: ComparisonInput | undefined): void;
  onRun(): void;
  onChoice(chart: string, value: string): void;
  fontSize?: number;
}

/** What the comparison in `st` would run: the key that makes results stale when it changes. */
export function whatIfKey(st: Settings, c: ComparisonInput | undefined): string | undefined {
  if (!c) return undefined;
  return JSON.stringify([st.scenario, st.custom, st.whatif, c, st.seed, st.replications, st.agents, st.weeks]);
}

const LETTERS = ['A', 'B', 'C', 'D'];

/** The arms' names on screen: a preset's in the page's language, else each arm's label as planned. */
export function armLabels(st: Settings, plan: Pick<ArmsPlan, 'arms'> | undefined, input: ComparisonInput | undefined, lang: Lang): string[] {
  const w = presetOf(st.whatif);
  const n = plan?.arms.length ?? (input ? armsOf(input).length : 0);
  return Array.from({ length: n }, (_, i) => `${LETTERS[i]}: ${w?.armNames[i]?.[lang] ?? plan?.arms[i]?.label ?? (input ? armsOf(input)[i].label : undefined) ?? ''}`);
}

export function renderWhatIf(root: HTMLElement, ctx: WhatIfContext): void {
  const { settings: st } = ctx;
  const lang = st.lang;
  const t = WHATIF_TEXT(lang);
  const input = st.whatif ? undefined : st.arms;
  const preset = presetOf(st.whatif);
  // a preset's arms under their names in the page's language: changing one makes them the page's own comparison
  const comparison = preset ? withArms(undefined, armsOf(preset.comparison).map((a, i) => ({ ...structuredClone(a), label: preset.armNames[i]?.[lang] ?? a.label }))) : input;
  root.replaceChildren(
    h('p', { class: 'whatif-lead' }, t.lead),
    presetsPart(ctx),
    armsPart(ctx, comparison),
    runPart(ctx),
    ...resultsPart(ctx),
  );
}

function presetsPart(ctx: WhatIfContext): HTMLElement {
  const lang = ctx.settings.lang;
  const t = WHATIF_TEXT(lang);
  return h('section', { class: 'whatif-presets', 'aria-labelledby': 'whatif-questions' },
    h('h3', { id: 'whatif-questions' }, t.questions),
    h('ul', { class: 'preset-list' }, ...PRESETS.map((w) => {
      const on = ctx.settings.whatif === w.id;
      return h('li', { class: `preset${on ? ' chosen' : ''}`, 'data-preset': w.id },
        h('h4', {}, w.title[lang]),
        h('p', {}, h('strong', {}, t.whatChanges), ' ', w.what[lang]),
        h('p', {}, h('strong', {}, t.lookAt), ' ', w.look[lang]),
        h('button', {
          type: 'button', id: `preset-${w.id}`, class: on ? 'small' : 'small primary', disabled: ctx.running,
          'aria-pressed': String(on), onclick: () => ctx.onPreset(w.id),
        }, on ? t.asked : t.ask));
    })));
}

/** A knob's or a scenario value's name on screen: a service by its name in the page's language. */
function changeName(name: string, levers: Lever[], lang: Lang, s: Scenario | undefined): string {
  const knob = name.startsWith('knobs.') ? name.slice(6) : name;
  if ((KNOB_NAMES as readonly string[]).includes(knob)) return KNOB_TEXT(lang)[knob as keyof Knobs].label;
  const l = levers.find((x) => x.path === name);
  if (!l) return name;
  const service = l.item === undefined ? undefined : s?.services.find((x) => x.id === l.item);
  const group = l.item === undefined || service ? undefined : s?.groups.find((x) => x.name === l.item);
  const item = service ? serviceName(service.id, service.label ?? service.id, lang) : group ? outputGroupName(group.name, s!.groups, lang) : l.item;
  return `${leverLabel(l, lang)}${item ? ` (${item})` : ''}`;
}

/** A change's value on screen: a list of choices in words. */
const changeValue = (v: ChangeValue, lang: Lang): string => (Array.isArray(v) ? v.map((x) => choiceText(x, lang)).join(', ') : leverNumber(v, lang));

function armsPart(ctx: WhatIfContext, c: ComparisonInput | undefined): HTMLElement {
  const { settings: st, scenario: s } = ctx;
  const lang = st.lang;
  const t = WHATIF_TEXT(lang);
  const box = h('section', { class: 'whatif-arms', 'aria-labelledby': 'whatif-arms-title' }, h('h3', { id: 'whatif-arms-title' }, t.arms), h('p', { class: 'hint' }, t.armsHint(MAX_VARIANTS)));
  if (!s) return box;
  if (!c) {
    box.append(h('p', {}, t.none), h('button', {
      type: 'button', id: 'whatif-new', class: 'small', disabled: ctx.running,
      onclick: () => ctx.onArms({ baseline: { label: 'baseline', policy: st.a.base }, variants: [{ label: 'variant 1', policy: st.a.base }] }),
    }, t.newComparison));
    return box;
  }
  const arms = armsOf(c);
  const levers = leversOf(s).filter((l) => l.kind !== 'boolean');
  const labels = armLabels(st, undefined, c, lang);
  const change = (i: number, arm: ArmInput) => {
    const next = arms.map((a) => structuredClone(a));
    next[i] = arm;
    ctx.onArms(withArms(c, next));
  };
  const cards = arms.map((arm, i) => armCard(ctx, arm, i, labels[i], levers, (a) => change(i, a), i > 0 ? () => ctx.onArms(withArms(c, arms.filter((_, k) => k !== i))) : undefined));
  const tools = h('div', { class: 'arm-tools' });
  if (arms.length <= MAX_VARIANTS) {
    tools.append(
      h('button', { type: 'button', id: 'whatif-add', class: 'small', disabled: ctx.running, onclick: () => ctx.onArms(withArms(c, [...arms, { label: `variant ${arms.length}`, policy: arms[0].policy }])) }, t.addVariant),
      h('button', {
        type: 'button', id: 'whatif-from-settings', class: 'small', disabled: ctx.running,
        onclick: () => {
          const { skipped: _skip, ...arm } = fromSettings(st, s, 'a', `variant ${arms.length}`);
          ctx.onArms(withArms(c, [...arms, arm]));
        },
      }, t.fromSettings));
  }
  box.append(h('div', { class: 'arm-cards' }, ...cards), tools);
  return box;
}

function armCard(ctx: WhatIfContext, arm: ArmInput, i: number, title: string, levers: Lever[], onChange: (a: ArmInput) => void, onRemove?: () => void): HTMLElement {
  const { settings: st, scenario: s } = ctx;
  const lang = st.lang;
  const t = WHATIF_TEXT(lang);
  const id = `arm-${i}`;
  const items: [string, string, () => void][] = [
    ...Object.entries(arm.knobs ?? {}).map(([k, v]): [string, string, () => void] => [`knobs.${k}`, changeValue(v as number, lang), () => {
      const knobs = { ...arm.knobs };
      delete knobs[k as keyof Knobs];
      onChange({ ...arm, knobs });
    }]),
    ...Object.entries(arm.changes ?? {}).map(([p, v]): [string, string, () => void] => [p, changeValue(v, lang), () => {
      const changes = { ...arm.changes };
      delete changes[p];
      onChange({ ...arm, changes });
    }]),
  ];
  const select = h('select', { id: `${id}-what` },
    h('optgroup', { label: t.knobsGroup }, ...KNOB_NAMES.map((k) => h('option', { value: `knobs.${k}` }, KNOB_TEXT(lang)[k].label))),
    ...(['office', 'services', 'labourMarket', 'groups'] as const).map((topic) => h('optgroup', { label: TOPIC_TEXT[topic][lang] },
      ...levers.filter((l) => l.topic === topic).map((l) => h('option', { value: l.path }, changeName(l.path, levers, lang, s))))));
  const value = h('input', { id: `${id}-value`, type: 'text', inputmode: 'decimal', size: 12, 'aria-describedby': `${id}-value-hint` });
  const add = () => {
    const name = select.value;
    const raw = value.value.trim();
    if (raw === '') return;
    const lever = levers.find((l) => l.path === name);
    const parsed = lever?.kind === 'choices' ? raw.split(',').map((x) => x.trim()).filter(Boolean) : Number(raw.replace(',', '.').replace('−', '-'));
    if (name.startsWith('knobs.')) onChange({ ...arm, knobs: { ...arm.knobs, [name.slice(6)]: parsed as number } });
    else onChange({ ...arm, changes: { ...arm.changes, [name]: parsed } });
  };
  value.addEventListener('keydown', (e) => { if (e.key === 'Enter') add(); });
  const policies = s ? policyNames(s) : [arm.policy];
  return h('fieldset', { class: 'arm-card', id, style: `--arm-colour: ${ARM_COLOURS[i]}` },
    h('legend', {}, h('span', { class: 'arm-swatch', 'aria-hidden': 'true' }), `${i === 0 ? t.baseline : t.variant(i)} · ${title}`),
    h('div', { class: 'field arm-name' }, h('label', { for: `${id}-label` }, t.label),
      h('input', { id: `${id}-label`, type: 'text', value: arm.label ?? '', disabled: ctx.running, onchange: (e) => onChange({ ...arm, label: (e.target as HTMLInputElement).value.trim() || undefined }) })),
    h('div', { class: 'field' }, h('label', { for: `${id}-policy` }, t.policy),
      h('select', { id: `${id}-policy`, disabled: ctx.running, onchange: (e) => onChange({ ...arm, policy: (e.target as HTMLSelectElement).value }) },
        ...policies.map((p) => h('option', { value: p, selected: p === arm.policy }, s ? policyLabel(s, p, lang) : p)))),
    h('p', { class: 'arm-changes-title' }, t.changes),
    items.length === 0 ? h('p', { class: 'hint' }, t.noChanges) : h('ul', { class: 'arm-changes' }, ...items.map(([name, v, drop]) => h('li', {},
      h('span', {}, `${changeName(name, levers, lang, s)} = ${v}`),
      h('button', { type: 'button', class: 'chip-remove', disabled: ctx.running, 'aria-label': t.remove(changeName(name, levers, lang, s)), title: t.remove(changeName(name, levers, lang, s)), onclick: drop }, '×')))),
    h('details', { class: 'arm-add' }, h('summary', {}, t.addChange),
      h('div', { class: 'field arm-name' }, h('label', { for: `${id}-what` }, t.change), select),
      h('div', { class: 'field' }, h('label', { for: `${id}-value` }, t.value), value,
        h('button', { type: 'button', class: 'small', id: `${id}-add`, disabled: ctx.running, onclick: add }, t.add)),
      h('p', { class: 'hint', id: `${id}-value-hint` }, t.valueHint)),
    onRemove ? h('button', { type: 'button', class: 'small arm-remove', disabled: ctx.running, onclick: onRemove }, t.removeArm) : '');
}

function runPart(ctx: WhatIfContext): HTMLElement {
  const lang = ctx.settings.lang;
  const t = WHATIF_TEXT(lang);
  const part = h('div', { class: 'whatif-run' });
  const p = ctx.planned;
  if (!p) return part;
  if ('errors' in p) {
    part.append(h('div', { class: 'error', role: 'alert', id: 'whatif-problem' }, h('strong', {}, t.armProblem), h('ul', {}, ...p.errors.map((e) => h('li', {}, e)))));
    part.append(h('button', { type: 'button', id: 'whatif-run', class: 'primary', disabled: true }, t.run));
    return part;
  }
  const st = p.plan.settings;
  const seconds = ctx.estimate(p.plan);
  const runs = p.plan.arms.length * st.replications;
  const w = presetOf(ctx.settings.whatif);
  part.append(
    h('button', { type: 'button', id: 'whatif-run', class: 'primary', disabled: ctx.running, onclick: ctx.onRun }, t.run),
    h('p', { class: 'hint', id: 'whatif-estimate' }, `${t.sizes(count(st.agents, lang), st.weeks, st.replications, st.seed)} `,
      seconds < 90 ? t.estimate(runs, num(Math.max(0.1, seconds), lang, seconds < 10 ? 1 : 0)) : t.estimateLong(runs, num(seconds / 60, lang, 0))),
  );
  if (w && (w.run.agents !== st.agents || w.run.replications !== st.replications)) {
    part.append(h('p', { class: 'note' }, t.presetSizes(count(w.run.agents ?? st.agents, lang), w.run.replications ?? st.replications)));
  }
  return part;
}

/** An estimate's interval, written by `f` (" [lo, hi]"; "–" for one replication, which has none). */
function intervalSpan(e: Estimate, f: (x: number) => string, reps: number, lang: Lang): HTMLElement {
  return h('span', { class: 'ci' }, ` ${reps < 2 ? '–' : intervalText(f(e.ci95[0]), f(e.ci95[1]), lang)}`);
}

/** A cell with an estimate and its interval, written by `f`. */
const estimateCell = (e: Estimate, lang: Lang, f: (x: number) => string, reps: number): HTMLElement => h('td', {}, f(e.mean), intervalSpan(e, f, reps, lang));

/** A metric's value with its interval, as the metric table writes it (`difference`: with a sign, shares in points). */
const valueCell = (metric: MetricName, e: Estimate, lang: Lang, reps: number, difference = false): HTMLElement =>
  estimateCell(e, lang, (v) => metricText(metric, v, lang, { difference }), reps);

/** A verdict in words, with its class (better, worse, unclear). */
export function verdictText(v: DifferenceVerdict, lang: Lang, reps: number): { text: string; cls: string } {
  const w = WHATIF_TEXT(lang).verdict;
  if (reps < 2) return { text: w.one, cls: 'unclear' };
  if (v.change === 'none') return { text: w.none, cls: 'unclear' };
  if (!v.clear) return { text: w.notClear, cls: 'unclear' };
  if (v.judgement === 'better') return { text: w.clearBetter, cls: 'better' };
  if (v.judgement === 'worse') return { text: w.clearWorse, cls: 'worse' };
  return { text: v.change === 'higher' ? w.clearHigher : w.clearLower, cls: 'neutral' };
}

/**
 * The key results: a row per metric; the baseline's value, then per variant
 * one cell: its difference from the baseline with the interval, and under it
 * the variant's own value and the verdict (so four arms fit a 1024 px screen).
 */
export function keyTable(r: ArmsResult, labels: string[], lang: Lang): HTMLElement {
  const t = WHATIF_TEXT(lang);
  const R = r.replications;
  return h('table', { class: 'headline whatif-table', id: 'whatif-key' },
    h('caption', {}, t.keyResults, h('span', { class: 'hint' }, ' ', R < 2 ? t.keyHintOne : t.keyHint(R), ' '),
      // the glossary one click away: opened and brought into view
      h('button', {
        type: 'button', class: 'link', id: 'whatif-glossary-open', 'aria-controls': 'whatif-glossary',
        onclick: () => {
          const g = document.getElementById('whatif-glossary') as HTMLDetailsElement | null;
          if (!g) return;
          g.open = true;
          g.scrollIntoView({ block: 'start' });
          g.querySelector('summary')?.focus({ preventScroll: true });
        },
      }, t.glossaryLink)),
    h('thead', {},
      h('tr', {}, h('th', { scope: 'col' }, t.metric), h('th', { scope: 'col', class: 'arm-0' }, labels[0]),
        ...r.variants.map((_, k) => h('th', { scope: 'col', class: `arm-${k + 1}` }, labels[k + 1], h('span', { class: 'sub' }, t.differenceOf)))),
    ),
    h('tbody', {}, ...HEADLINE_METRICS.map((m) => h('tr', { 'data-metric': m },
      h('th', { scope: 'row', title: metricDoc(m, lang) }, metricLabel(m, lang)),
      valueCell(m, r.baseline.summary[m] as Estimate, lang, R),
      ...r.variants.map((v) => {
        const verdict = v.verdicts.find((x) => x.metric === m)!;
        const vt = verdictText(verdict, lang, R);
        const d = v.difference.summary[m] as Estimate;
        return h('td', { class: 'variant-cell' },
          h('div', {}, metricText(m, d.mean, lang, { difference: true }), intervalSpan(d, (x) => metricText(m, x, lang, { difference: true }), R, lang)),
          h('div', { class: 'sub' }, metricText(m, (v.summary[m] as Estimate).mean, lang), ' · ',
            h('span', { class: `verdict ${vt.cls}`, 'data-verdict': vt.cls }, vt.text)));
      })))));
}

const kr = (x: number, lang: Lang) => WHATIF_TEXT(lang).kr(count(Math.round(x), lang));

function ratioCell(x: Ratio, lang: Lang): HTMLElement {
  const t = WHATIF_TEXT(lang);
  // the reason with its figures, as the command line gives it (in English), as a tooltip on the English page
  if (!x.defined) return h('td', { class: 'undefined', title: lang === 'en' ? x.reason : undefined }, `${t.notDefined}: ${t.why[x.why]}`);
  return h('td', {}, kr(x.mean, lang), h('span', { class: 'ci' }, ` ${intervalText(kr(x.ci95[0], lang), kr(x.ci95[1], lang), lang)}`));
}

function costPart(ctx: WhatIfContext, r: ArmsResult, labels: string[]): HTMLElement {
  const lang = ctx.settings.lang;
  const t = WHATIF_TEXT(lang);
  const groups = ctx.scenario?.groups ?? [];
  const R = r.replications;
  const names = ['all', ...equityGroups(r)];
  const choice = ctx.settings.choices['whatif-cost'] ?? 'all';
  const group = names.includes(choice) ? choice : 'all';
  const select = h('select', { id: 'whatif-cost-group', onchange: (e) => ctx.onChoice('whatif-cost', (e.target as HTMLSelectElement).value) },
    ...names.map((g) => h('option', { value: g, selected: g === group }, outputGroupName(g, groups, lang))));
  const parts = ['total', 'advisor', 'services'] as const;
  const pp = (x: number) => num(x, lang, 1);
  const rows: HTMLElement[] = [];
  const row = (name: string, cells: (v: (typeof r.variants)[number]) => HTMLElement) => rows.push(h('tr', {}, h('th', { scope: 'row' }, name), ...r.variants.map(cells)));
  const ce = (v: (typeof r.variants)[number]) => (group === 'all' ? v.cost.all : v.cost.byGroup[group]);
  for (const part of parts) row(`${t.costRows.extraPerPerson}: ${t.parts[part]}`, (v) => estimateCell(ce(v).extraCostPerPerson[part], lang, (x) => kr(x, lang), R));
  row(`${t.costRows.extraTotal}: ${t.parts.total}`, (v) => estimateCell(ce(v).extraCost.total, lang, (x) => kr(x, lang), R));
  row(t.costRows.extraEmployed, (v) => estimateCell(ce(v).extraEmployed, lang, pp, R));
  row(t.costRows.extraYears, (v) => estimateCell(ce(v).extraEmployedYears, lang, pp, R));
  for (const part of parts) row(`${t.costRows.perEmployed}: ${t.parts[part]}`, (v) => ratioCell(ce(v).perExtraEmployed[part], lang));
  for (const part of parts) row(`${t.costRows.perYear}: ${t.parts[part]}`, (v) => ratioCell(ce(v).perExtraEmployedYear[part], lang));
  return h('section', { class: 'whatif-cost', 'aria-labelledby': 'whatif-cost-title' },
    h('h3', { id: 'whatif-cost-title' }, t.cost), h('p', { class: 'hint' }, t.costHint),
    h('div', { class: 'field inline' }, h('label', { for: 'whatif-cost-group' }, t.costGroup), select),
    h('div', { class: 'table-wrap' }, h('table', { class: 'whatif-table', id: 'whatif-cost-table' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, ''), ...r.variants.map((_, k) => h('th', { scope: 'col', class: `arm-${k + 1}` }, `${labels[k + 1]} − ${labels[0].slice(3)}`)))),
      h('tbody', {}, ...rows))));
}

function claimsPart(claims: ClaimResult[], r: ArmsResult, labels: string[], groups: { name: string; label?: string }[], lang: Lang): HTMLElement {
  const t = WHATIF_TEXT(lang);
  return h('section', { class: 'whatif-claims', 'aria-labelledby': 'whatif-claims-title' }, h('h3', { id: 'whatif-claims-title' }, t.claims),
    h('ul', {}, ...claims.map((c) => {
      const d = c.difference;
      const key = parseMetricKey(c.claim.metric);
      const f = (x: number) => ('error' in key ? num(x, lang, 3) : metricText(key.name, x, lang, { difference: true }));
      return h('li', { class: c.holds ? 'holds' : 'fails', 'data-holds': String(c.holds) },
        h('span', { class: 'mark', 'aria-hidden': 'true' }, c.holds ? '✓ ' : '✗ '),
        // with more than one variant, which one the claim is about
        r.variants.length > 1 ? `${labels[1 + r.variants.findIndex((v) => v.label === c.variant)]} · ` : '',
        h('strong', {}, `${outputGroupName(c.claim.group, groups, lang)} · `), `${claimText(c.claim, lang, '')} `,
        h('span', { class: 'claim-verdict' }, `— ${c.holds ? t.holds : t.fails}`),
        h('span', { class: 'ci' }, ` (${f(d.mean)} ${intervalText(f(d.ci95[0]), f(d.ci95[1]), lang)})`));
    })));
}

function glossary(lang: Lang): HTMLElement {
  const t = WHATIF_TEXT(lang);
  return h('details', { class: 'glossary', id: 'whatif-glossary' }, h('summary', {}, t.glossary),
    h('dl', {}, ...t.terms.flatMap(([term, what]) => [h('dt', {}, term), h('dd', {}, what)])));
}

/** Tidy rows of a result: arm, label, policy, knobs, changes, group, metric, mean, lo, hi, and the difference from the baseline (every CSV cell as the project writes it: csvRow). */
export function whatIfCsv(r: ArmsResult): string {
  const lines = [csvRow(['arm', 'label', 'policy', 'knobs', 'changes', 'group', 'metric', 'kind', 'mean', 'lo', 'hi'])];
  [r.baseline, ...r.variants].forEach((a, i) => {
    const head: Cell[] = [i, a.label, a.policy, JSON.stringify(a.overrides), JSON.stringify(a.changes)];
    const tables: [string, string, Record<string, unknown>][] = [['all', 'value', a.summary], ...Object.entries(a.byGroup).map(([g, x]): [string, string, Record<string, unknown>] => [g, 'value', x])];
    if (i > 0) {
      const v = r.variants[i - 1];
      tables.push(['all', 'difference', v.difference.summary], ...Object.entries(v.difference.byGroup).map(([g, x]): [string, string, Record<string, unknown>] => [g, 'difference', x]));
    }
    for (const [g, kind, table] of tables) {
      for (const [m, e] of Object.entries(table)) {
        const x = e as { mean: number | number[]; ci95: [number | number[], number | number[]] };
        if (Array.isArray(x.mean)) {
          x.mean.forEach((mv, y) => lines.push(csvRow([...head, g, `${m}.${y + 1}`, kind, mv, (x.ci95[0] as number[])[y], (x.ci95[1] as number[])[y]])));
        } else lines.push(csvRow([...head, g, m, kind, x.mean, x.ci95[0] as number, x.ci95[1] as number]));
      }
    }
  });
  return lines.join('\n') + '\n';
}

/** The arms of a result, one row each: what each ran with. */
export function armsCsv(r: ArmsResult): string {
  return tableCsv({
    name: 'arms', columns: ['arm', 'label', 'policy', 'knob_overrides', 'knobs', 'changes'],
    rows: [r.baseline, ...r.variants].map((a, i) => [i, a.label, a.policy, JSON.stringify(a.overrides), JSON.stringify(a.knobs), JSON.stringify(a.changes)]),
  });
}

/** The JSON export: exactly what `pathways compare --arm ... --json` prints. */
export const whatIfJson = (r: ArmsResult): string => JSON.stringify(r, null, 2) + '\n';

function resultsPart(ctx: WhatIfContext): HTMLElement[] {
  const d = ctx.data;
  if (!d) return [];
  const st = ctx.settings;
  const lang = st.lang;
  const t = WHATIF_TEXT(lang);
  const r = d.result;
  const labels = armLabels(st.whatif === d.preset ? st : { ...st, whatif: d.preset }, d.plan, undefined, lang);
  const groups = ctx.scenario?.groups ?? [];
  const stale = ctx.key !== d.key;
  const w = presetOf(d.preset);
  const width = Math.max(320, Math.min(1200, (document.getElementById('view')?.clientWidth ?? 1000) - 40));
  const measure = choiceOf(EQUITY_CONTROL, st.choices['whatif-equity']);
  const equity = equityChart(r, labels, measure, groups, { lang, width: Math.min(width, 900), fontSize: ctx.fontSize });
  const eqSelect = h('select', { id: EQUITY_CONTROL.id, onchange: (e) => ctx.onChoice('whatif-equity', (e.target as HTMLSelectElement).value) },
    ...EQUITY_METRICS.map((m) => h('option', { value: m, selected: m === measure }, EQUITY_CONTROL.text(m, lang))));
  equity.querySelector('h3')!.after(h('div', { class: 'field inline chart-choice' }, h('label', { for: EQUITY_CONTROL.id }, EQUITY_CONTROL.label(lang)), eqSelect));
  const scenarioGroups = equityGroups(r).filter((g) => groups.some((x) => x.name === g));
  const gaps = h('div', { class: 'gaps' }, h('h4', {}, t.gap), h('ul', {}, ...labels.map((l, i) => {
    const g = gapOf(r, i, measure, scenarioGroups);
    return h('li', { style: `color: ${ARM_TEXT_COLOURS[i]}` }, t.gapLine(l, outputGroupName(g.best, groups, lang), outputGroupName(g.worst, groups, lang), metricText(measure, g.gap, lang, { difference: true }).replace(/^\+/, '')));
  })));
  equity.querySelector('figcaption')!.before(gaps);
  const figures = [differenceChart(differenceByWeek(d.runs, d.plan.arms.length), labels, { lang, width, fontSize: ctx.fontSize }), equity];
  const stem = `${r.scenario}_whatif${d.preset ? `_${d.preset}` : ''}_seed${r.seed}`;
  const source = `activation-pathways: scenario ${r.scenario}, ${r.agents} people, ${r.weeks} weeks, seed ${r.seed}, ${r.replications} replications; arms ${[r.baseline, ...r.variants].map((a) => a.label).join(' | ')}.`;
  for (const f of figures) f.append(chartTools(f, stem, source, lang));
  return [h('section', { class: `whatif-results${stale ? ' stale' : ''}`, id: 'whatif-results', 'aria-live': 'polite' },
    stale ? h('p', { class: 'note', id: 'whatif-stale' }, t.stale) : '',
    w ? h('h3', {}, w.title[lang]) : '',
    w ? h('p', { class: 'hint' }, h('strong', {}, t.evidence), ' ', w.evidence[lang]) : '',
    d.claims ? claimsPart(d.claims, r, labels, groups, lang) : '',
    h('div', { class: 'table-wrap' }, keyTable(r, labels, lang)),
    h('div', { class: 'downloads', role: 'group', 'aria-label': t.download }, h('span', {}, `${t.download}:`),
      h('button', { type: 'button', id: 'whatif-json', class: 'small', onclick: () => download(`${stem}.json`, whatIfJson(r), 'application/json') }, t.json),
      h('button', { type: 'button', id: 'whatif-csv', class: 'small', onclick: () => download(`${stem}.csv`, whatIfCsv(r), 'text/csv') }, t.csv),
      h('button', { type: 'button', id: 'whatif-arms-csv', class: 'small', onclick: () => download(`${stem}_arms.csv`, armsCsv(r), 'text/csv') }, t.armsCsv)),
    h('div', { class: 'charts whatif-charts' }, ...figures),
    costPart(ctx, r, labels),
    glossary(lang))];
}
