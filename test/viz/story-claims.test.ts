// @vitest-environment jsdom
/**
 * Every story step's words hold for the run the step shows. Each step's
 * experiment is run with the model here as the page runs it (the step's
 * settings over the page's defaults, viz/plan.ts planOf, the workers' runs
 * aggregated as the page does), and each claim declared on the step
 * (viz/story-steps.ts `claims`) is checked against it: a claim that does not
 * hold fails with the step's words and the value. The chart a step shows
 * must not say the opposite either, and the words name the policies as the
 * charts' legends do, never by colour.
 */
import { describe, expect, test } from 'vitest';
import { compare, parseScenario, SHIPPED, type Estimate, type RunResult, type Scenario } from '../../sim/index.ts';
import { REASON_NAMES } from '../../sim/constants.ts';
import { CHARTS } from '../../viz/charts/index.ts';
import { pageData, type PageData } from '../../viz/data.ts';
import { compareOptions, planOf } from '../../viz/plan.ts';
import { DEFAULTS, type Settings } from '../../viz/settings.ts';
import { STORY_STEPS, type StoryClaim, type StoryQuantity, type StoryStep } from '../../viz/story-steps.ts';

interface StepRun { data: PageData; runs: RunResult[]; scenario: Scenario; policies: [string, string] }

/** The settings the page runs for a step: its settings over the defaults (as "Run this experiment" sets them). */
const settingsOf = (step: StoryStep, claim?: StoryClaim, lang: 'en' | 'nb' = 'en'): Settings => {
  const s: Settings = { ...structuredClone(DEFAULTS), ...structuredClone(step.settings), lang };
  if (claim?.variant?.b) s.b = { ...s.b, knobs: { ...s.b.knobs, ...claim.variant.b } };
  return s;
};

/** The step's scenario as shipped, or with the variant's behaviour. */
function scenarioFor(step: StoryStep, claim?: StoryClaim): Scenario {
  const name = step.settings.scenario!;
  const raw = SHIPPED[name] as Record<string, unknown>;
  const behaviour = claim?.variant?.behaviour;
  return parseScenario(behaviour ? { ...raw, behaviour: { ...(raw.behaviour as object | undefined), ...behaviour } } : raw, `scenario ${name}`);
}

const cache = new Map<string, StepRun>();
/** The run the page makes for a step (or a claim's variant of it): planOf, every (replicate, policy), pageData. */
function runOf(step: StoryStep, claim?: StoryClaim): StepRun {
  const key = JSON.stringify([step.id, claim?.variant ?? null]);
  const hit = cache.get(key);
  if (hit) return hit;
  const scenario = scenarioFor(step, claim);
  const { plan, labels } = planOf(settingsOf(step, claim), scenario);
  const { runs } = compare(plan.scenario, plan.policies, { ...compareOptions(plan), historyAgents: plan.historyAgents });
  const out = { data: pageData(plan.scenario, plan.policies, labels, runs, compareOptions(plan)), runs, scenario: plan.scenario, policies: plan.policies };
  cache.set(key, out);
  return out;
}

/** A quantity for one policy (0 = A, 1 = B) of a run. */
function value(r: StepRun, q: StoryQuantity, side: 0 | 1): number {
  const p = r.policies[side];
  const rs = r.runs.filter((x) => x.policy === p);
  const perPerson = (count: (x: RunResult) => number) =>
    rs.reduce((t, x) => t + count(x) / x.groupSizes[x.groupNames.indexOf('all')], 0) / rs.length;
  if ('metric' in q) {
    const table = q.group ? r.data.compare.policies[p].byGroup[q.group] : r.data.compare.policies[p].summary;
    if (!table) throw new Error(`no group ${q.group}`);
    const m = table[q.metric].mean;
    return Array.isArray(m) ? m[q.year ?? m.length - 1] : (m as Estimate['mean']);
  }
  if ('refusals' in q) return perPerson((x) => x.detail.rejectionsByReason[REASON_NAMES.indexOf(q.refusals)]);
  if ('starts' in q) {
    const k = r.scenario.services.findIndex((s) => s.id === q.starts);
    if (k < 0) throw new Error(`no service ${q.starts}`);
    return perPerson((x) => x.detail.serviceStarts[k]);
  }
  // a persona's journey as the page shows it: replicate 0
  const journey = rs.find((x) => x.replicate === 0)!.journeys.find((j) => j.name === q.persona);
  if (!journey) throw new Error(`no persona ${q.persona}`);
  const kind = 'events' in q ? q.events : q.first;
  const hits = journey.events.filter((e) => e.kind === kind
    && Object.entries(q.where ?? {}).every(([k, v]) => (e as unknown as Record<string, unknown>)[k] === v));
  return 'events' in q ? hits.length : hits.length ? hits[0].week : Infinity;
}

/** The claim's value of one run: `of` the quantity, less the same of `minus`. */
function claimValue(r: StepRun, c: StoryClaim): number {
  const of = (q: StoryQuantity) => {
    const a = value(r, q, 0), b = value(r, q, 1);
    switch (c.of ?? 'B-A') {
      case 'B-A': return b - a;
      case 'B/A': return b / a;
      case 'A': return a;
      case 'B': return b;
    }
  };
  return of(c.quantity) - (c.minus ? of(c.minus) : 0);
}

/** The value a claim is about, and what it is compared with. */
function evaluate(step: StoryStep, c: StoryClaim): { v: number; than: number } {
  let v = claimValue(runOf(step, c.variant ? c : undefined), c);
  if (c.variant && c.againstStep) {
    const own = claimValue(runOf(step), c);
    v = c.againstStep === 'minus' ? v - own : v / own;
  }
  const ratio = c.againstStep === 'ratio' || (c.of === 'B/A' && c.againstStep !== 'minus');
  const than = c.than ?? ((c.of === 'A' || c.of === 'B') && !c.againstStep ? NaN : ratio ? 1 : 0);
  if (Number.isNaN(than)) throw new Error(`${step.id}: “${c.says}”: a policy's own value needs \`than\``);
  return { v, than };
}

function holds(c: StoryClaim, v: number, than: number): boolean {
  if (!Number.isFinite(v) && !(v === Infinity && c.direction === 'higher')) return false;
  if (c.direction === 'higher') return v > than;
  if (c.direction === 'lower') return v < than;
  return Math.abs(v - than) <= (c.within ?? 0);
}

describe('story claims hold for the run each step shows', () => {
  test('every step declares its claims, and every claim’s shape is complete', () => {
    for (const s of STORY_STEPS) {
      // the closing words of the story are about the model itself; every other step says something of its run
      expect(s.claims.length, s.id).toBeGreaterThan(0);
      for (const c of s.claims) {
        expect(c.says.trim(), s.id).not.toBe('');
        if (c.direction === 'about-the-same') expect(c.within, `${s.id}: “${c.says}” needs within`).toBeDefined();
        if (c.againstStep) expect(c.variant, `${s.id}: “${c.says}”: againstStep without a variant`).toBeDefined();
      }
    }
  });

  describe.each(STORY_STEPS.map((s) => [s.id, s] as const))('%s', (_id, step) => {
    test.each(step.claims.map((c) => [c.says, c] as const))('%s', (_says, c) => {
      const { v, than } = evaluate(step, c);
      const want = c.direction === 'about-the-same' ? `within ${c.within} of ${than}` : `${c.direction} than ${than}`;
      expect(holds(c, v, than), `${step.id}: “${c.says}”: ${c.of ?? 'B-A'}${c.minus ? ' minus another' : ''}${c.variant ? ` (variant${c.againstStep ? `, ${c.againstStep} the step's` : ''})` : ''} is ${v}, want ${want}`).toBe(true);
    });
  });

  test('a claim that does not hold fails: the check can fail', () => {
    const step = STORY_STEPS.find((s) => s.id === 'closing')!;
    const c = step.claims.find((x) => x.quantity && 'metric' in x.quantity && x.quantity.metric === 'medianWeeksToFirstJob')!;
    const { v, than } = evaluate(step, c);
    expect(holds(c, v, than)).toBe(true);
    expect(holds({ ...c, direction: 'lower' }, v, than)).toBe(false);
    expect(holds({ ...c, direction: 'about-the-same', within: 0.5 }, v, than)).toBe(false);
  });

  test.each(STORY_STEPS.filter((s) => s.focus.view === 'compare').map((s) => [s.id, s] as const))(
    '%s: the chart it shows does not write a rounded zero as a direction', (_id, step) => {
      const chart = CHARTS.find((c) => step.focus.view === 'compare' && c.id === step.focus.chart)!;
      for (const lang of ['en', 'nb'] as const) {
        const notice = chart.render(runOf(step).data, { document, lang }).querySelector('p.notice')!.textContent!;
        expect(notice).not.toMatch(/\b0 (percentage points?|prosentpoeng) (more|less|mer|mindre)\b/);
        expect(notice).not.toMatch(/\bonly 0 percentage|bare 0 prosentpoeng/);
      }
    });

  test('closing: the gap chart’s own sentence agrees with the words (about the same activity, more work under A)', () => {
    const step = STORY_STEPS.find((s) => s.id === 'closing')!;
    const { data } = runOf(step);
    const gap = CHARTS.find((c) => c.id === 'gap')!;
    const notice = gap.render(data, { document, lang: 'en' }).querySelector('p.notice')!.textContent!;
    expect(notice).toContain(`The two count about the same activity; ${data.meta.policyLabels[0]} has `);
    expect(notice).toMatch(/percentage points? more work\.$/);
  });
});

describe('story words name the policies as the legends do', () => {
  const labelsOf = (s: StoryStep, lang: 'en' | 'nb') => planOf(settingsOf(s, undefined, lang), scenarioFor(s)).labels;
  const quoted = (text: string) => [...text.matchAll(/[“«]([^”»]+)[”»]/g)].map((m) => m[1]);

  test.each(STORY_STEPS.map((s) => [s.id, s] as const))('%s: no colour words for the policies, and a policy named in quotes is one of this step’s', (_id, s) => {
    const all = new Set(STORY_STEPS.flatMap((x) => [...labelsOf(x, 'en'), ...labelsOf(x, 'nb')]));
    for (const lang of ['en', 'nb'] as const) {
      const words = `${s.text[lang]} ${s.experiment[lang]}`;
      expect(words, lang).not.toMatch(lang === 'en' ? /\b(blue|orange)\b/i : /\b(blå|blått|oransje)\b/i);
      const mine = labelsOf(s, lang);
      for (const q of quoted(words)) if (all.has(q)) expect(mine, `${lang}: “${q}”`).toContain(q);
    }
  });

  test('the first steps name both policies as their legends do', () => {
    const intro = STORY_STEPS[0], info = STORY_STEPS[1];
    for (const lang of ['en', 'nb'] as const) {
      for (const l of labelsOf(intro, lang)) expect(quoted(intro.text[lang]), lang).toContain(l);
      expect(quoted(info.text[lang]), lang).toContain(labelsOf(info, lang)[1]);
    }
  });
});
