// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { KNOBS, parseScenario, policyNames, SHIPPED } from '../../sim/index.ts';
import { CHART_IDS } from '../../viz/charts/index.ts';
import type { PolicyChoice } from '../../viz/settings.ts';
import { STORY_STEPS, type StoryStep } from '../../viz/story-steps.ts';
import { createStory, type StoryView } from '../../viz/story.ts';

const scenarioOf = (st: StoryStep) => parseScenario(SHIPPED[st.settings.scenario!], st.settings.scenario!);

describe('story steps: content', () => {
  test('ids are unique and the steps follow the brief’s order', () => {
    expect(STORY_STEPS.map((s) => s.id)).toEqual(
      ['introduction', 'information', 'entitlements', 'rejection', 'mismatch', 'relationships', 'peers', 'closing']);
  });

  test.each(STORY_STEPS.map((s) => [s.id, s] as const))('%s: title, text and experiment in English and bokmål', (_id, s) => {
    for (const field of ['title', 'text', 'experiment'] as const) {
      for (const lang of ['en', 'nb'] as const) expect(s[field][lang].trim().length, `${field}.${lang}`).toBeGreaterThan(0);
      expect(s[field].nb, field).not.toBe(s[field].en);
    }
    // 2–5 short sentences: a full stop, question or exclamation mark followed by a space or the end.
    for (const lang of ['en', 'nb'] as const) {
      const sentences = s.text[lang].split(/[.?!](?:\s|$)/).filter((x) => x.trim()).length;
      expect(sentences, `${lang}: ${s.text[lang]}`).toBeGreaterThanOrEqual(2);
      expect(sentences, `${lang}: ${s.text[lang]}`).toBeLessThanOrEqual(5);
    }
    for (const f of s.findings) {
      expect(f).toMatch(/^F([1-9]|1[0-4])$/);
      for (const lang of ['en', 'nb'] as const) expect(s.text[lang], `${f} named in the text`).toMatch(new RegExp(`\\b${f}\\b`));
    }
  });

  test('together the steps cover the findings the story is about', () => {
    const all = new Set(STORY_STEPS.flatMap((s) => s.findings));
    for (const f of ['F1', 'F2', 'F3', 'F4', 'F5', 'F7', 'F8', 'F9', 'F10', 'F11', 'F12', 'F13', 'F14']) expect(all.has(f), f).toBe(true);
  });

  test.each(STORY_STEPS.map((s) => [s.id, s] as const))('%s: settings and focus are valid', (_id, s) => {
    const st = s.settings;
    expect(Object.keys(SHIPPED)).toContain(st.scenario);
    const sc = scenarioOf(s);
    for (const side of ['a', 'b'] as const) {
      const c = st[side] as PolicyChoice;
      expect(policyNames(sc), `${side}.base`).toContain(c.base);
      for (const [k, v] of Object.entries(c.knobs)) {
        expect(Object.keys(KNOBS.fields), `${side}.${k}`).toContain(k);
        const spec = KNOBS.fields[k] as { min: number; max: number };
        expect(v, `${side}.${k}`).toBeGreaterThanOrEqual(spec.min);
        expect(v, `${side}.${k}`).toBeLessThanOrEqual(spec.max);
      }
    }
    // Small enough for a browser in about a second; a fixed seed so journeys read the same in every class.
    expect(Number.isInteger(st.seed)).toBe(true);
    expect(st.replications).toBeGreaterThanOrEqual(1);
    expect(st.replications).toBeLessThanOrEqual(10);
    expect(st.agents).toBeLessThanOrEqual(2000);
    // A step never moves the page away from the story or changes language or projector mode.
    for (const k of ['view', 'step', 'lang', 'projector', 'persona']) expect(st, k).not.toHaveProperty(k);
    if (s.focus.view === 'compare') expect(CHART_IDS).toContain(s.focus.chart);
    if (s.focus.view === 'journey') expect(sc.personas.map((p) => p.name)).toContain(s.focus.persona);
    // Every persona the words name is one the page can follow in this step's scenario.
    const words = `${s.text.en} ${s.experiment.en}`;
    for (const name of ['Amina', 'Grace', 'Marta', 'Tomasz', 'Jonas']) {
      if (words.includes(name)) expect(sc.personas.map((p) => p.name), name).toContain(name);
    }
  });
});

// The mechanism shows: each step's claims are checked against its own run in
// test/viz/story-claims.test.ts.

// ---------------------------------------------------------------------------
// The UI.

describe('story UI', () => {
  let box: HTMLElement;
  let view: StoryView | undefined;
  beforeEach(() => {
    box = document.createElement('div');
    document.body.append(box);
  });
  afterEach(() => {
    view?.destroy();
    view = undefined;
    box.remove();
  });

  const q = <T extends Element>(sel: string) => box.querySelector<T>(sel)!;
  const prev = () => q<HTMLButtonElement>('.story-prev');
  const next = () => q<HTMLButtonElement>('.story-next');
  const current = () => [...box.querySelectorAll('.story-steps li button')].findIndex((b) => b.getAttribute('aria-current') === 'step');
  const key = (target: Element, k: string) => target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));

  test('renders progress, a labelled list of steps, the title, the text and the experiment', () => {
    view = createStory(box, { lang: 'en', step: 1, onApply: () => {} });
    const n = STORY_STEPS.length;
    expect(q('.story-progress').textContent).toBe(`Step 2 of ${n}`);
    const nav = q('nav');
    expect(nav.getAttribute('aria-label')).toBeTruthy();
    const items = nav.querySelectorAll('ol > li');
    expect(items.length).toBe(n);
    expect([...items].map((li) => li.textContent)).toEqual(STORY_STEPS.map((s) => s.title.en));
    expect(current()).toBe(1);
    expect(box.querySelectorAll('[aria-current="step"]').length).toBe(1);
    expect(q('h2').textContent).toBe(STORY_STEPS[1].title.en);
    expect(q('.story-text').textContent).toBe(STORY_STEPS[1].text.en);
    expect(q('.story-experiment').textContent).toContain(STORY_STEPS[1].experiment.en);
    expect(q('.story-run').textContent).toBe('Run this experiment');
    expect(q('section.story').getAttribute('aria-labelledby')).toBe(q('h2').id);
    for (const b of box.querySelectorAll('button')) expect(b.textContent!.trim().length).toBeGreaterThan(0);
  });

  test('next and previous move one step, call onStep and disable at the ends', () => {
    const onStep = vi.fn();
    view = createStory(box, { lang: 'en', step: 0, onApply: () => {}, onStep });
    expect(prev().disabled).toBe(true);
    expect(next().disabled).toBe(false);
    next().click();
    expect(current()).toBe(1);
    expect(onStep).toHaveBeenLastCalledWith(1);
    expect(prev().disabled).toBe(false);
    prev().click();
    expect(current()).toBe(0);
    expect(onStep).toHaveBeenLastCalledWith(0);
    for (let k = 0; k < STORY_STEPS.length + 2; k++) next().click();
    expect(current()).toBe(STORY_STEPS.length - 1);
    expect(next().disabled).toBe(true);
    expect(onStep).toHaveBeenCalledTimes(2 + STORY_STEPS.length - 1);
    expect(q('h2').textContent).toBe(STORY_STEPS[STORY_STEPS.length - 1].title.en);
  });

  test('the arrow keys move between steps while the story has focus, but not from a text field', () => {
    const onStep = vi.fn();
    view = createStory(box, { lang: 'en', step: 2, onApply: () => {}, onStep });
    const root = q<HTMLElement>('section.story');
    root.focus();
    key(root, 'ArrowRight');
    expect(current()).toBe(3);
    key(next(), 'ArrowLeft');
    key(root, 'ArrowLeft');
    expect(current()).toBe(1);
    expect(onStep.mock.calls.map((c) => c[0])).toEqual([3, 2, 1]);
    const input = document.createElement('input');
    root.append(input);
    key(input, 'ArrowRight');
    expect(current()).toBe(1);
  });

  test('the list of steps jumps to a step', () => {
    const onStep = vi.fn();
    view = createStory(box, { lang: 'en', step: 0, onApply: () => {}, onStep });
    box.querySelectorAll<HTMLButtonElement>('.story-steps button')[5].click();
    expect(current()).toBe(5);
    expect(onStep).toHaveBeenCalledWith(5);
  });

  test('focus stays in the story when the button in focus becomes disabled', () => {
    view = createStory(box, { lang: 'en', step: STORY_STEPS.length - 2, onApply: () => {} });
    next().focus();
    next().click();
    expect(next().disabled).toBe(true);
    expect(document.activeElement).toBe(q('h2'));
  });

  test('“Run this experiment” calls onApply with a copy of the step’s settings and its focus', () => {
    const onApply = vi.fn();
    view = createStory(box, { lang: 'en', step: 0, onApply });
    for (let k = 0; k < STORY_STEPS.length; k++) {
      q<HTMLButtonElement>('.story-run').click();
      const [settings, focus] = onApply.mock.calls[k];
      expect(settings).toEqual(STORY_STEPS[k].settings);
      expect(settings).not.toBe(STORY_STEPS[k].settings);
      expect(focus).toEqual(STORY_STEPS[k].focus);
      next().click();
    }
    expect(onApply).toHaveBeenCalledTimes(STORY_STEPS.length);
  });

  test('bokmål', () => {
    view = createStory(box, { lang: 'nb', step: 1, onApply: () => {} });
    expect(q('section.story').getAttribute('lang')).toBe('nb');
    expect(q('.story-progress').textContent).toBe(`Steg 2 av ${STORY_STEPS.length}`);
    expect(q('h2').textContent).toBe(STORY_STEPS[1].title.nb);
    expect(q('.story-text').textContent).toBe(STORY_STEPS[1].text.nb);
    expect(q('.story-experiment').textContent).toContain(STORY_STEPS[1].experiment.nb);
    expect(q('.story-run').textContent).toBe('Kjør eksperimentet');
    expect(prev().textContent).toContain('Forrige');
    expect(next().textContent).toContain('Neste');
  });

  test('setStep shows a step without calling onStep, clamped to the steps there are; destroy removes the story', () => {
    const onStep = vi.fn();
    view = createStory(box, { lang: 'en', step: 99, onApply: () => {}, onStep });
    expect(current()).toBe(STORY_STEPS.length - 1);
    view.setStep(3);
    expect(current()).toBe(3);
    view.setStep(-5);
    expect(current()).toBe(0);
    expect(onStep).not.toHaveBeenCalled();
    view.destroy();
    view = undefined;
    expect(box.querySelector('.story')).toBeNull();
  });
});
