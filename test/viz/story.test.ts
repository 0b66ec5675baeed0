// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import {
  compare, KNOBS, parseScenario, policyNames, resolvePolicy, SHIPPED,
  type CompareResult, type Estimate, type Knobs, type MetricName, type RunResult,
} from '../../sim/index.ts';
import { REASON_NAMES } from '../../sim/constants.ts';
import { CHART_IDS } from '../../viz/charts/index.ts';
import type { PolicyChoice } from '../../viz/settings.ts';
import { STORY_STEPS, type StoryStep } from '../../viz/story-steps.ts';
import { createStory, type StoryView } from '../../viz/story.ts';

const step = (id: string): StoryStep => {
  const s = STORY_STEPS.find((x) => x.id === id);
  if (!s) throw new Error(`no story step ${id}`);
  return s;
};
const scenarioOf = (st: StoryStep, behaviour?: Record<string, number>) => {
  const name = st.settings.scenario!;
  const raw = SHIPPED[name] as Record<string, unknown>;
  return parseScenario(behaviour ? { ...raw, behaviour: { ...(raw.behaviour as object | undefined), ...behaviour } } : raw, name);
};

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

// ---------------------------------------------------------------------------
// The mechanism shows: each step's own comparison, run with the source model at
// the step's size (300 people, 5 replications), moves the way its text says.

interface Run { result: CompareResult; runs: RunResult[] }
function runStep(s: StoryStep, changeB: Partial<Knobs> = {}, behaviour?: Record<string, number>): Run {
  const sc = scenarioOf(s, behaviour);
  const st = s.settings;
  const knobs = (c: PolicyChoice, extra: Partial<Knobs> = {}): Knobs => ({ ...resolvePolicy(sc, c.base), ...c.knobs, ...extra });
  return compare(sc, ['A', 'B'], {
    seed: st.seed, replications: st.replications, agents: st.agents, weeks: st.weeks,
    knobsByPolicy: { A: knobs(st.a!), B: knobs(st.b!, changeB) },
  });
}
const mean = (r: Run, p: 'A' | 'B', m: MetricName, group?: string): number =>
  ((group ? r.result.policies[p].byGroup[group] : r.result.policies[p].summary)[m] as Estimate).mean;
/** Per person, over replicates, of a per-run count. */
const perPerson = (r: Run, p: 'A' | 'B', count: (x: RunResult) => number): number => {
  const rs = r.runs.filter((x) => x.policy === p);
  return rs.reduce((t, x) => t + count(x) / x.groupSizes[x.groupSizes.length - 1], 0) / rs.length;
};

describe('story steps: the mechanism shows in the model', () => {
  test('introduction: B is behind after one year (lock-in) and ahead at the end', () => {
    const r = runStep(step('introduction'));
    const year1 = (p: 'A' | 'B') => (r.result.policies[p].summary.employedShareByYear as { mean: number[] }).mean[0];
    expect(year1('B')).toBeLessThan(year1('A'));
    expect(mean(r, 'B', 'employedShare')).toBeGreaterThan(mean(r, 'A', 'employedShare'));
  });

  test('information: fewer weeks searching and fewer services found by chance, mostly for people with rights', () => {
    const r = runStep(step('information'));
    expect(mean(r, 'B', 'weeksSearchingInfoPerPerson')).toBeLessThan(mean(r, 'A', 'weeksSearchingInfoPerPerson'));
    expect(mean(r, 'B', 'servicesFoundByChanceShare')).toBeLessThan(mean(r, 'A', 'servicesFoundByChanceShare'));
    const drop = (g: string) => mean(r, 'A', 'weeksSearchingInfoPerPerson', g) - mean(r, 'B', 'weeksSearchingInfoPerPerson', g);
    expect(drop('withBenefitRights')).toBeGreaterThan(drop('withoutBenefitRights'));
  });

  test('entitlements: advisor time by need gives people without rights more services, people with rights fewer', () => {
    const r = runStep(step('entitlements'));
    expect(mean(r, 'B', 'servicesPerPerson', 'withoutBenefitRights')).toBeGreaterThan(mean(r, 'A', 'servicesPerPerson', 'withoutBenefitRights'));
    expect(mean(r, 'B', 'servicesPerPerson', 'withBenefitRights')).toBeLessThan(mean(r, 'A', 'servicesPerPerson', 'withBenefitRights'));
  });

  test('rejection: “level judged too high” almost disappears, “no places left” grows, refusals as a whole fall less', () => {
    const r = runStep(step('rejection'));
    const reason = (p: 'A' | 'B', name: string) => perPerson(r, p, (x) => x.detail.rejectionsByReason[REASON_NAMES.indexOf(name as never)]);
    expect(reason('B', 'level')).toBeLessThan(reason('A', 'level') / 4);
    expect(reason('B', 'noCapacity')).toBeGreaterThan(reason('A', 'noCapacity'));
    const totalDrop = mean(r, 'A', 'rejectionsPerPerson') - mean(r, 'B', 'rejectionsPerPerson');
    expect(totalDrop).toBeLessThan(reason('A', 'level') - reason('B', 'level'));
  });

  test('mismatch: exploring and matching levels cuts mismatch; without exploring part of it comes back; services stay short; overqualification stays', () => {
    const s = step('mismatch');
    const r = runStep(s);
    const a = mean(r, 'A', 'mismatchedServiceShare'), b = mean(r, 'B', 'mismatchedServiceShare');
    expect(b).toBeLessThan(a / 2);
    const noExploring = mean(runStep(s, { exploration: 0.1 }), 'B', 'mismatchedServiceShare');
    expect(noExploring).toBeGreaterThan(b);
    expect(noExploring).toBeLessThan(a);
    for (const p of ['A', 'B'] as const) expect(mean(r, p, 'longTermServiceShare')).toBeLessThan(0.1);
    expect(Math.abs(mean(r, 'B', 'overqualifiedShare') - mean(r, 'A', 'overqualifiedShare'))).toBeLessThan(0.05);
    expect(mean(r, 'A', 'overqualifiedShare')).toBeGreaterThan(0.2);
  });

  test('relationships: the same advisor with follow-up raises meetings attended', () => {
    const r = runStep(step('relationships'));
    expect(mean(r, 'B', 'attendanceRate') - mean(r, 'A', 'attendanceRate')).toBeGreaterThan(0.2);
  });

  test('peers: more young people reach the work group, and most of their rise in attendance is the peers’', () => {
    const s = step('peers');
    const r = runStep(s);
    const wg = scenarioOf(s).services.findIndex((x) => x.id === 'workGroup');
    expect(wg).toBeGreaterThanOrEqual(0);
    expect(scenarioOf(s).services[wg].peerGroup).toBe(true);
    expect(perPerson(r, 'B', (x) => x.detail.serviceStarts[wg])).toBeGreaterThan(perPerson(r, 'A', (x) => x.detail.serviceStarts[wg]));
    const rise = (x: Run) => mean(x, 'B', 'attendanceRate', 'youth') - mean(x, 'A', 'attendanceRate', 'youth');
    const withPeers = rise(r);
    const withoutPeers = rise(runStep(s, {}, { attendancePressure: 0, peerSupport: 0 }));
    expect(withPeers).toBeGreaterThan(0);
    expect(withoutPeers).toBeGreaterThan(0); // "but not all of it"
    expect(withoutPeers).toBeLessThan(withPeers / 2); // "most of the rise"
  });

  test('closing: an activity target means more activity, a first job sooner and more jobs below one’s level', () => {
    const r = runStep(step('closing'));
    expect(mean(r, 'A', 'participationRate')).toBeGreaterThan(mean(r, 'B', 'participationRate'));
    expect(mean(r, 'A', 'medianWeeksToFirstJob')).toBeLessThan(mean(r, 'B', 'medianWeeksToFirstJob'));
    expect(mean(r, 'A', 'overqualifiedShare')).toBeGreaterThan(mean(r, 'B', 'overqualifiedShare'));
  });
});

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
