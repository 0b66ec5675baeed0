/**
 * Story mode for teaching: one step at a time, each with a short text, a
 * "try this" and a button that applies the step's settings. The page owns
 * running and showing results; this module only calls `onApply`.
 */
import { texts, type Lang } from './i18n.ts';
import type { Settings } from './settings.ts';
import { STORY_STEPS, stepText, type StoryFocus } from './story-steps.ts';

export interface StoryOptions {
  lang: Lang;
  /** Step to show first, 0-based (clamped to the steps there are). */
  step: number;
  /** "Run this experiment": the step's settings (a copy) and what to show. */
  onApply: (settings: Partial<Settings>, focus: StoryFocus) => void;
  /** The person moved to another step (buttons, list or arrow keys); not called by `setStep`. */
  onStep?: (step: number) => void;
  document?: Document;
}

export interface StoryView {
  /** Show step n (0-based, clamped) without calling `onStep`. */
  setStep(n: number): void;
  destroy(): void;
}

const UI = texts(
  {
    steps: 'Steps of the story',
    pager: 'Move between steps',
    progress: (i: number, n: number) => `Step ${i} of ${n}`,
    findings: 'Findings',
    tryThis: 'Try this',
    run: 'Run this experiment',
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
  const text = el('p', { class: 'story-text' });
  const experiment = el('div', { class: 'story-experiment', role: 'group', 'aria-labelledby': `${id}-try` });
  const experimentText = el('p', { id: `${id}-experiment` });
  experiment.append(el('h3', { id: `${id}-try` }, t.tryThis), experimentText);
  const run = button('story-run primary', t.run, undefined, () => {
    const step = STORY_STEPS[current];
    options.onApply(structuredClone(step.settings), structuredClone(step.focus));
  });
  run.setAttribute('aria-describedby', `${id}-experiment`);
  const prev = button('story-prev', t.previous, '←', () => go(current - 1));
  const next = button('story-next', t.next, '→', () => go(current + 1));
  const pager = el('div', { class: 'story-pager', role: 'group', 'aria-label': t.pager });
  pager.append(prev, next);
  const keys = el('p', { class: 'story-keys', id: `${id}-keys` }, t.keys);
  root.append(nav, progress, title, findings, text, experiment, run, pager, keys);

  function render(): void {
    const step = STORY_STEPS[current];
    const words = stepText(step, options.lang);
    progress.textContent = t.progress(current + 1, n);
    title.textContent = words.title;
    findings.textContent = step.findings.length ? `${t.findings}: ${step.findings.join(', ')}` : '';
    findings.hidden = step.findings.length === 0;
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
