// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { KNOBS, parseScenario, policyNames, SHIPPED } from '../../sim/index.ts';
import { CHART_IDS } from '../../viz/charts/index.ts';
import type { PolicyChoice } from '../../viz/settings.ts';
import { STORY_STEPS, type StoryStep } from '../../viz/story-steps.ts';
import { compare } from '../../sim/index.ts';
import { pageData } from '../../viz/data.ts';
import { compareOptions, planOf } from '../../viz/plan.ts';
import { createStory, stepLabels, stepOfResult, stepOfSettings, stepSettings, undoPatch, type StoryView } from '../../viz/story.ts';
import { fixture } from './fixture.ts';

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

  test('“Run this experiment” calls onApply with a copy of the step’s settings, its focus and its number', () => {
    const onApply = vi.fn();
    view = createStory(box, { lang: 'en', step: 0, onApply });
    for (let k = 0; k < STORY_STEPS.length; k++) {
      onApply.mockClear();
      q<HTMLButtonElement>('.story-run').click();
      expect(onApply).toHaveBeenCalledTimes(1);
      const [settings, focus, n] = onApply.mock.calls[0];
      expect(settings).toEqual(STORY_STEPS[k].settings);
      expect(settings).not.toBe(STORY_STEPS[k].settings);
      expect(focus).toEqual(STORY_STEPS[k].focus);
      expect(n).toBe(k);
      next().click();
    }
  });

  test('arriving at a step runs its experiment at once: onStep, then onApply with that step’s settings', () => {
    const calls: string[] = [];
    const onApply = vi.fn((_s: unknown, _f: unknown, n: number) => calls.push(`apply ${n}`));
    view = createStory(box, { lang: 'en', step: 0, onApply, onStep: (n) => calls.push(`step ${n}`) });
    // nothing is run by showing the story
    expect(onApply).not.toHaveBeenCalled();
    next().click();
    box.querySelectorAll<HTMLButtonElement>('.story-steps button')[4].click();
    key(q('section.story'), 'ArrowLeft');
    expect(calls).toEqual(['step 1', 'apply 1', 'step 4', 'apply 4', 'step 3', 'apply 3']);
    expect(onApply.mock.calls[1][0]).toEqual(STORY_STEPS[4].settings);
    expect(onApply.mock.calls[1][1]).toEqual(STORY_STEPS[4].focus);
    // the same step again, or past the ends, runs nothing
    box.querySelectorAll<HTMLButtonElement>('.story-steps button')[3].click();
    view.setStep(0);
    prev().click();
    expect(onApply).toHaveBeenCalledTimes(3);
  });

  test('“Undo” shows only when the page can undo, next to Run, and calls onUndo', () => {
    const onUndo = vi.fn();
    view = createStory(box, { lang: 'en', step: 2, onApply: () => {} });
    expect(q<HTMLButtonElement>('.story-undo').hidden).toBe(true);
    view.destroy();
    view = createStory(box, { lang: 'en', step: 2, onApply: () => {}, onUndo, canUndo: true });
    const undo = q<HTMLButtonElement>('.story-undo');
    expect(undo.hidden).toBe(false);
    expect(undo.parentElement).toBe(q('.story-run').parentElement);
    expect(undo.textContent).toBe('Undo');
    expect(undo.getAttribute('aria-label')).toBe('Back to the settings from before the story changed them, and run them');
    undo.click();
    expect(onUndo).toHaveBeenCalledTimes(1);
    view.destroy();
    view = createStory(box, { lang: 'nb', step: 2, onApply: () => {}, onUndo, canUndo: true });
    expect(q('.story-undo').textContent).toBe('Angre');
  });

  test('each step names A and B as its charts’ legends do', () => {
    view = createStory(box, { lang: 'en', step: 0, onApply: () => {} });
    expect(q('.story-policies').textContent).toBe('In this step’s charts: A = Standardised · B = Personalised');
    next().click();
    expect(q('.story-policies').textContent).toBe('In this step’s charts: A = Standardised · B = Standardised*');
    view.destroy();
    view = createStory(box, { lang: 'nb', step: 5, onApply: () => {} });
    expect(q('.story-policies').textContent).toBe(`I figurene i dette steget: A = ${stepLabels(STORY_STEPS[5], 'nb')[0]} · B = ${stepLabels(STORY_STEPS[5], 'nb')[1]}`);
    expect(stepLabels(STORY_STEPS[5], 'en')).toEqual(['Changing advisors, monthly slots', 'The same helper over time, with follow-up']);
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

describe('which step a result or the settings are', () => {
  test('a step’s own settings are that step’s; a changed knob, size or scenario value makes them the person’s own', () => {
    STORY_STEPS.forEach((st, k) => expect(stepOfSettings(stepSettings(st, 'en')), st.id).toBe(k));
    const s = stepSettings(STORY_STEPS[4], 'nb');
    expect(stepOfSettings({ ...s, b: { ...s.b, knobs: { ...s.b.knobs, exploration: 0.1 } } })).toBeUndefined();
    expect(stepOfSettings({ ...s, replications: 6 })).toBeUndefined();
    expect(stepOfSettings({ ...s, levers: { 'office.caseload': 40 } })).toBeUndefined();
    // the knobs in another order are the same settings
    const b = s.b.knobs as Record<string, number>;
    expect(stepOfSettings({ ...s, b: { ...s.b, knobs: Object.fromEntries(Object.entries(b).reverse()) } })).toBe(4);
    // what Undo gives back: the settings a run depends on and the persona, not the view, step, language or projector mode
    expect(Object.keys(undoPatch({ ...s, persona: 'Grace', view: 'story', step: 4, projector: true })).sort())
      .toEqual(['a', 'agents', 'b', 'custom', 'levers', 'persona', 'replications', 'scenario', 'seed', 'weeks']);
  });

  test('a result is a step’s experiment only when it was run with that step’s settings', () => {
    expect(stepOfResult(undefined)).toBeUndefined();
    // the charts' fixture: the classroom at other sizes
    expect(stepOfResult(fixture())).toBeUndefined();
    const st = STORY_STEPS[3];
    const { plan, labels } = planOf(stepSettings(st, 'en'), scenarioOf(st));
    const run = (p: typeof plan) => {
      const { runs } = compare(p.scenario, p.policies, { ...compareOptions(p), historyAgents: 0 });
      return pageData(p.scenario, p.policies, labels, runs, compareOptions(p));
    };
    expect(stepOfResult(run(plan))).toBe(3);
    // the same step with one knob of B changed is not step 4's result any more
    const changed = planOf({ ...stepSettings(st, 'en'), b: { base: 'standardised', knobs: { levelMatching: 0.5 } } }, scenarioOf(st)).plan;
    expect(stepOfResult(run(changed))).toBeUndefined();
  });
});
