/** The settings panel: scenario, the two policies' knobs (generated from the schema), run sizes, Run and Cancel. */
import { KNOBS, policyNames, resolvePolicy, settingSpec, tooFewAgents, type Knobs, type NumberSpec, type Scenario } from '../sim/index.ts';
import { h } from './dom.ts';
import { num, type Lang } from './i18n.ts';
import { KNOB_TEXT } from './knob-text.ts';
import { allowedText, notAllowed } from './lever-text.ts';
import { leversPanel, markInput, refreshRun, saveTools, typedProblem } from './levers-view.ts';
import { policyLabel, sizesOf } from './plan.ts';
import { KNOB_NAMES, LIMITS, type PolicyChoice, type Settings, type SizeField } from './settings.ts';
import { UI } from './text.ts';

export interface ControlsContext {
  settings: Settings;
  /** The parsed scenario, or undefined when it is invalid. */
  scenario: Scenario | undefined;
  /** The shipped scenarios: name, title and bokmål title. */
  shipped: { name: string; title: string; titleNb?: string }[];
  fileName?: string;
  running: boolean;
  /** Settings changed; `rerender` when the panel itself must be rebuilt. */
  onChange(patch: Partial<Settings>, rerender?: boolean): void;
  onFile(name: string, text: string): void;
  onRun(): void;
  onCancel(): void;
  /** Download the settings as a scenario file ("Save this scenario"). */
  onSave?(): void;
}


export function renderControls(root: HTMLElement, ctx: ControlsContext): void {
  const { settings: st, scenario: s } = ctx;
  const T = UI(st.lang);
  const scenarioSelect = h('select', { id: 'scenario', onchange: (e) => ctx.onChange({ scenario: (e.target as HTMLSelectElement).value, custom: undefined, persona: undefined }, true) },
    ...ctx.shipped.map((x) => {
      const nb = st.lang === 'nb' ? x.titleNb : undefined;
      return h('option', { value: x.name, selected: st.scenario === x.name, lang: st.lang === 'en' || nb ? undefined : 'en' }, `${x.name}: ${nb ?? x.title}`);
    }),
    st.scenario === 'custom'
      ? h('option', { value: 'custom', selected: true }, `${T.loaded}: ${ctx.fileName ?? 'custom'}${s?.extends !== undefined ? ` (${T.extendsBase(s.extends)})` : ''}`)
      : undefined);
  const file = h('input', {
    id: 'scenario-file', type: 'file', accept: '.json,application/json', class: 'visually-hidden',
    onchange: async (e) => {
      const f = (e.target as HTMLInputElement).files?.[0];
      if (f) ctx.onFile(f.name, await f.text());
    },
  });
  root.replaceChildren(...[
    h('h2', {}, T.settings),
    h('div', { class: 'field' }, h('label', { for: 'scenario' }, T.scenario), scenarioSelect),
    h('div', { class: 'field file' }, file, h('label', { for: 'scenario-file', class: 'button' }, T.loadFile)),
    s ? policyPanel('a', T.policyA, st.a, s, ctx) : undefined,
    s ? policyPanel('b', T.policyB, st.b, s, ctx) : undefined,
    s ? leversPanel(root, { settings: st, scenario: s, fileName: ctx.fileName, onChange: ctx.onChange }) : undefined,
    runPanel(root, ctx),
  ].filter((x) => x !== undefined));
  refreshRun(root, st.lang);
}

function policyPanel(side: 'a' | 'b', title: string, choice: PolicyChoice, s: Scenario, ctx: ControlsContext): HTMLElement {
  const lang = ctx.settings.lang;
  const T = UI(lang);
  const base = { ...choice };
  const set = (c: PolicyChoice, rerender: boolean) => ctx.onChange({ [side]: c }, rerender);
  const resolved = (k: keyof Knobs) => choice.knobs[k] ?? baseKnob(s, choice.base, k);
  const summaryText = (n: number) => `${T.knobs}${n ? ` (${n} ${T.changed})` : ''}`;
  const summary = h('summary', {}, summaryText(Object.keys(choice.knobs).length));
  const sliders = KNOB_NAMES.map((k) => {
    const spec = KNOBS.fields[k] as NumberSpec;
    const t = KNOB_TEXT(lang)[k];
    const id = `${side}-${k}`;
    const value = h('output', { id: `${id}-value`, for: id }, fmt(resolved(k), spec, lang));
    const input = h('input', {
      id, type: 'range', min: spec.min, max: spec.max, step: spec.max - spec.min > 1 ? 0.1 : 0.01, value: resolved(k),
      'aria-describedby': `${id}-line`, title: lang === 'en' ? spec.doc : undefined,
      oninput: (e) => {
        const v = Number((e.target as HTMLInputElement).value);
        value.textContent = fmt(v, spec, lang);
        wrap.classList.toggle('changed', v !== baseKnob(s, choice.base, k));
        const knobs = { ...base.knobs, [k]: v };
        if (v === baseKnob(s, choice.base, k)) delete knobs[k];
        base.knobs = knobs;
        summary.textContent = summaryText(Object.keys(knobs).length);
        set({ base: choice.base, knobs }, false);
      },
    });
    const wrap = h('div', { class: `knob${choice.knobs[k] !== undefined ? ' changed' : ''}` },
      h('label', { for: id }, t.label, ' ', value),
      h('div', { class: 'range' }, h('span', { 'aria-hidden': 'true' }, t.low), input, h('span', { 'aria-hidden': 'true' }, t.high)),
      h('p', { id: `${id}-line`, class: 'hint' }, `${t.line} ${spec.unit === 'share' ? '0–1' : `${num(spec.min, lang, 1)}–${num(spec.max, lang, 0)} (${T.times})`}.`));
    return wrap;
  });
  return h('fieldset', { class: `policy policy-${side}` },
    h('legend', {}, title),
    h('div', { class: 'field' }, h('label', { for: `${side}-base` }, T.base),
      h('select', { id: `${side}-base`, onchange: (e) => set({ base: (e.target as HTMLSelectElement).value, knobs: {} }, true) },
        ...policyNames(s).map((p) => h('option', { value: p, selected: p === choice.base }, policyLabel(s, p, lang))))),
    h('details', { open: Object.keys(choice.knobs).length > 0 || undefined },
      summary,
      ...sliders,
      h('button', { type: 'button', class: 'link', onclick: () => set({ base: choice.base, knobs: {} }, true) }, T.reset)),
  );
}

function runPanel(root: HTMLElement, ctx: ControlsContext): HTMLElement {
  const st = ctx.settings;
  const T = UI(st.lang);
  const s = ctx.scenario;
  // the scenario's sizes as the page uses them (capped at LIMITS) show as placeholders
  const used = s ? sizesOf({ ...st, seed: undefined, replications: undefined, agents: undefined, weeks: undefined }, s).sizes : undefined;
  const intField = (field: SizeField, label: string) => {
    const [min, max] = LIMITS[field];
    const placeholder = used ? `${used[field]}` : T.scenarioDefault;
    // a value not allowed shows the CLI's words under the field and turns Run off, instead of running the last good value
    const spec: NumberSpec = { ...settingSpec(field), min, max };
    const check = (text: string, bad: boolean): string | undefined => {
      if (bad) return `${T.notNumber} ${allowedText(spec, st.lang)}`;
      if (text.trim() === '') return undefined;
      const v = Number(text);
      if (!(Number.isInteger(v) && v >= min && v <= max)) return notAllowed(text.trim(), spec, st.lang);
      const few = field === 'agents' && s ? tooFewAgents(s, v) : undefined;
      return few ? T.tooFew(v, s!.name, s!.personas.length) : undefined;
    };
    const message = h('p', { id: `${field}-problem`, class: 'lever-problem', role: 'alert', hidden: true });
    const input = h('input', {
      id: field, type: 'number', min, max, step: 1, value: st[field] ?? '', placeholder, inputmode: 'numeric', 'aria-describedby': `${field}-problem`,
      oninput: () => {
        const problem = check(input.value, input.validity.badInput);
        markInput(root, input, message, label, problem, st.lang);
        if (!problem) ctx.onChange({ [field]: input.value.trim() === '' ? undefined : Number(input.value) });
      },
    });
    const typed = typedProblem(root, field);
    if (typed) {
      input.value = typed.text;
      markInput(root, input, message, label, check(typed.text, typed.bad), st.lang);
    }
    return h('div', { class: 'run-field' }, h('div', { class: 'field inline' }, h('label', { for: field }, label), input), message);
  };
  return h('fieldset', { class: 'run' },
    h('legend', {}, T.runSettings),
    intField('seed', T.seed),
    intField('replications', T.replications),
    intField('agents', T.agents),
    intField('weeks', T.weeks),
    h('div', { class: 'buttons' },
      h('button', { id: 'run', type: 'button', class: 'primary', disabled: !s || ctx.running, 'data-can-run': !s || ctx.running ? '0' : '1', 'data-scenario': s ? '1' : '0', onclick: () => ctx.onRun() }, ctx.running ? T.running : T.run),
      h('button', { id: 'cancel', type: 'button', disabled: !ctx.running, onclick: () => ctx.onCancel() }, T.cancel)),
    h('p', { id: 'run-blocked', class: 'lever-problem', role: 'status', hidden: true }),
    ...saveTools(st.lang, !!s, () => ctx.onSave?.()),
  );
}

function baseKnob(s: Scenario, base: string, k: keyof Knobs): number {
  return policyKnobs(s, base)[k];
}

const cache = new WeakMap<Scenario, Map<string, Knobs>>();
function policyKnobs(s: Scenario, base: string): Knobs {
  let m = cache.get(s);
  if (!m) cache.set(s, (m = new Map()));
  let k = m.get(base);
  if (!k) m.set(base, (k = resolvePolicy(s, base)));
  return k;
}

const fmt = (v: number, spec: NumberSpec, lang: Lang) => (spec.unit === 'share' ? num(v, lang, 2) : `${num(v, lang, 1)}×`);
