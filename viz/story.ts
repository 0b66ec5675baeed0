/**
 * Story mode for teaching: one step at a time, each with a short text, a
 * "try this" and a button that applies the step's settings. Arriving at a
 * step applies its settings too, so the page runs its experiment at once and
 * the stage shows that step's own result. The page owns running and showing
 * results; this module only calls `onApply` (and `onUndo`, to go back to the
 * settings from before). `stepOfResult` tells which step's experiment a
 * result is, from the settings the result carries, so the stage never labels
 * another run as this step's.
 */
import { parseScenario, runChanges, SHIPPED, type Scenario } from '../sim/index.ts';
import type { PageData } from './data.ts';
import { texts, type Lang } from './i18n.ts';
import { planOf } from './plan.ts';
import { DEFAULTS, type Settings } from './settings.ts';
import { STORY_STEPS, stepText, type StoryFocus, type StoryStep } from './story-steps.ts';

export interface StoryOptions {
  lang: Lang;
  /** Step to show first, 0-based (clamped to the steps there are). */
  step: number;
  /**
   * "Run this experiment", and arriving at a step (after `onStep`): the step's settings (a copy), what to show
   * and the step (0-based).
   */
  onApply: (settings: Partial<Settings>, focus: StoryFocus, step: number) => void;
  /** The person moved to another step (buttons, list or arrow keys); not called by `setStep`. */
  onStep?: (step: number) => void;
  /** "Undo": back to the settings from before the story changed them. The button shows only while `canUndo`. */
  onUndo?: () => void;
  canUndo?: boolean;
  document?: Document;
}

export interface StoryView {
  /** Show step n (0-based, clamped) without calling `onStep` or `onApply`. */
  setStep(n: number): void;
  destroy(): void;
}

/** The settings a step's experiment runs with: its own over the page's defaults (the sizes, policies and scenario values it does not set as they are by default). */
export function stepSettings(step: StoryStep, lang: Lang): Settings {
  return { ...structuredClone(DEFAULTS), ...structuredClone(step.settings), lang };
}

const scenarios = new Map<string, Scenario>();
function shippedScenario(name: string): Scenario {
  let s = scenarios.get(name);
  if (!s) scenarios.set(name, s = parseScenario(SHIPPED[name], `scenario ${name}`));
  return s;
}

/** The names of A and B in a step's charts and legends (viz/plan.ts labels), e.g. "Standardised" and "Standardised*". */
export function stepLabels(step: StoryStep, lang: Lang): [string, string] {
  return planOf(stepSettings(step, lang), shippedScenario(step.settings.scenario!)).labels;
}

/** The fields of the settings a run depends on, in one order, keys sorted (a link's knobs may come in any order). */
const RUN_FIELDS = ['scenario', 'a', 'b', 'levers', 'seed', 'replications', 'agents', 'weeks'] as const;
const sorted = (x: unknown): unknown => (x && typeof x === 'object' && !Array.isArray(x)
  ? Object.fromEntries(Object.keys(x).sort().map((k) => [k, sorted((x as Record<string, unknown>)[k])]))
  : x);
const runKey = (s: Settings) => JSON.stringify(RUN_FIELDS.map((k) => sorted(s[k] ?? null)));

/** The step (0-based) whose experiment these settings are (what its Run sets), or undefined for a person's own settings. */
export function stepOfSettings(settings: Settings): number | undefined {
  const key = runKey(settings);
  const k = STORY_STEPS.findIndex((step) => settings.scenario !== 'custom' && runKey(stepSettings(step, settings.lang)) === key);
  return k < 0 ? undefined : k;
}

/** The settings "Undo" gives back: those a run depends on, and the persona followed. */
export function undoPatch(before: Settings): Partial<Settings> {
  const { scenario, custom, a, b, levers, seed, replications, agents, weeks, persona } = before;
  return { scenario, custom, a, b, levers, seed, replications, agents, weeks, persona };
}

const fingerprints = new Map<number, string>();
/** What a result says about the settings it was run with (the CLI's JSON fields), as one string. */
const fingerprint = (c: PageData['compare'], keys: [string, string]) => JSON.stringify([
  c.scenario, c.seed, c.weeks, c.agents, c.replications, c.changes, keys, keys.map((k) => c.policies[k]?.knobs),
]);
function stepFingerprint(k: number): string {
  let f = fingerprints.get(k);
  if (f === undefined) {
    const step = STORY_STEPS[k];
    const { plan } = planOf(stepSettings(step, 'en'), shippedScenario(step.settings.scenario!));
    const { seed, weeks, agents, replications } = plan;
    const knobs = Object.fromEntries(plan.policies.map((p, i) => [p, { knobs: plan.knobs[i] }]));
    f = fingerprint({
      scenario: plan.scenario.name, seed, weeks, agents, replications,
      changes: runChanges(plan.scenario, { seed, weeks, agents, replications }), policies: knobs,
    } as unknown as PageData['compare'], plan.policies);
    fingerprints.set(k, f);
  }
  return f;
}

/** The step (0-based) whose experiment these results are, from the scenario, sizes, changed values and knobs they were run with; undefined for any other run. */
export function stepOfResult(data: PageData | undefined): number | undefined {
  if (!data) return undefined;
  const f = fingerprint(data.compare, data.meta.policies);
  const k = STORY_STEPS.findIndex((_, i) => stepFingerprint(i) === f);
  return k < 0 ? undefined : k;
}

const UI = texts(
  {
    steps: 'Steps of the story',
    pager: 'Move between steps',
    progress: (i: number, n: number) => `Step ${i} of ${n}`,
    findings: 'Findings',
    tryThis: 'Try this',
    run: 'Run this experiment',
    undo: 'Undo',
    undoTitle: 'Back to the settings from before the story changed them, and run them',
    policies: 'In this step’s charts',
    previous: 'Previous',
    next: 'Next',
    keys: 'Tip: the ← and → keys move between steps.',
  },
  {
    steps: 'Stegene i fortellingen',
    pager: 'Bla mellom stegene',
    progress: (i: number, n: number) => `Steg ${i} av ${n}`,
    findings: 'Funn',
    tryThis: 'Prøv dette',
    run: 'Kjør eksperimentet',
    undo: 'Angre',
    undoTitle: 'Tilbake til innstillingene fra før fortellingen endret dem, og kjør dem',
    policies: 'I figurene i dette steget',
    previous: 'Forrige',
    next: 'Neste',
    keys: 'Tips: Piltastene ← og → flytter mellom stegene.',
  },
);

let instances = 0;

export function createStory(container: HTMLElement, options: StoryOptions): StoryView {
  const doc = options.document ?? container.ownerDocument;
  const t = UI(options.lang);
  const n = STORY_STEPS.length;
  const id = `story-${++instances}`;
  const clamp = (k: number) => Math.max(0, Math.min(n - 1, Number.isFinite(k) ? Math.trunc(k) : 0));
  let current = clamp(options.step);

  function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
    const e = doc.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function button(cls: string, label: string, arrow: '←' | '→' | undefined, onClick: () => void): HTMLButtonElement {
    const b = el('button', { type: 'button', class: cls });
    const name = el('span', {}, label);
    if (arrow === '←') b.append(el('span', { 'aria-hidden': 'true' }, '← '), name);
    else if (arrow === '→') b.append(name, el('span', { 'aria-hidden': 'true' }, ' →'));
    else b.append(name);
    b.addEventListener('click', onClick);
    return b;
  }

  const root = el('section', { class: 'story', lang: options.lang, 'aria-labelledby': `${id}-title`, 'aria-describedby': `${id}-keys`, tabindex: '-1' });
  const list = el('ol', { class: 'story-steps' });
  const links = STORY_STEPS.map((s, k) => {
    const b = button('story-step-link', stepText(s, options.lang).title, undefined, () => go(k));
    // in projector mode a step shows as its number: its title as a tooltip (and its name)
    b.title = stepText(s, options.lang).title;
    const li = el('li');
    li.append(b);
    list.append(li);
    return b;
  });
  const nav = el('nav', { class: 'story-nav', 'aria-label': t.steps });
  nav.append(list);
  const progress = el('p', { class: 'story-progress', 'aria-live': 'polite', 'aria-atomic': 'true' });
  const title = el('h2', { class: 'story-title', id: `${id}-title`, tabindex: '-1' });
  const findings = el('p', { class: 'story-findings' });
  // A and B as the charts' legends name them (never by colour words)
  const policies = el('p', { class: 'story-policies' });
  const text = el('p', { class: 'story-text' });
  const experiment = el('div', { class: 'story-experiment', role: 'group', 'aria-labelledby': `${id}-try` });
  const experimentText = el('p', { id: `${id}-experiment` });
  experiment.append(el('h3', { id: `${id}-try` }, t.tryThis), experimentText);
  const apply = () => {
    const step = STORY_STEPS[current];
    options.onApply(structuredClone(step.settings), structuredClone(step.focus), current);
  };
  const run = button('story-run primary', t.run, undefined, apply);
  run.setAttribute('aria-describedby', `${id}-experiment`);
  const undo = button('story-undo', t.undo, undefined, () => options.onUndo?.());
  undo.title = t.undoTitle;
  undo.setAttribute('aria-label', t.undoTitle);
  undo.hidden = !(options.canUndo && options.onUndo);
  const actions = el('div', { class: 'story-actions' });
  actions.append(run, undo);
  const prev = button('story-prev', t.previous, '←', () => go(current - 1));
  const next = button('story-next', t.next, '→', () => go(current + 1));
  const pager = el('div', { class: 'story-pager', role: 'group', 'aria-label': t.pager });
  pager.append(prev, next);
  const keys = el('p', { class: 'story-keys', id: `${id}-keys` }, t.keys);
  root.append(nav, progress, title, findings, policies, text, experiment, actions, pager, keys);

  function render(): void {
    const step = STORY_STEPS[current];
    const words = stepText(step, options.lang);
    progress.textContent = t.progress(current + 1, n);
    title.textContent = words.title;
    findings.textContent = step.findings.length ? `${t.findings}: ${step.findings.join(', ')}` : '';
    findings.hidden = step.findings.length === 0;
    const [la, lb] = stepLabels(step, options.lang);
    policies.replaceChildren(`${t.policies}: `, el('strong', { class: 'pa' }, `A = ${la}`), ' · ', el('strong', { class: 'pb' }, `B = ${lb}`));
    text.textContent = words.text;
    experimentText.textContent = words.experiment;
    links.forEach((b, k) => {
      if (k === current) b.setAttribute('aria-current', 'step');
      else b.removeAttribute('aria-current');
    });
    prev.disabled = current === 0;
    next.disabled = current === n - 1;
  }

  function go(k: number): void {
    if (k < 0 || k >= n || k === current) return;
    const active = doc.activeElement;
    current = k;
    render();
    // A button that just became disabled drops the focus; keep it in the story.
    if ((active === prev && prev.disabled) || (active === next && next.disabled)) title.focus();
    options.onStep?.(current);
    // the new step's own experiment, at once: the stage never keeps the last step's result
    apply();
  }

  function onKey(e: KeyboardEvent): void {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const target = e.target as HTMLElement | null;
    if (target && (target.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName))) return;
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    go(current + (e.key === 'ArrowRight' ? 1 : -1));
  }
  root.addEventListener('keydown', onKey);

  render();
  container.append(root);

  return {
    setStep(k: number): void {
      current = clamp(k);
      render();
    },
    destroy(): void {
      root.removeEventListener('keydown', onKey);
      root.remove();
    },
  };
}
