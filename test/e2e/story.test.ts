/**
 * Story mode in real headless Chromium, on a classroom projector (1280×720,
 * projector mode, English): every step shows its own experiment's result as
 * soon as a person arrives at it (never the step before's), its words and
 * stage fit the screen, and "Undo" gives back the settings from before.
 * Screenshots of every step go to test/artifacts/story-<n>.png for review.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { watchProblems } from '../../scripts/web.js';
import { useSite } from './site.ts';
import { STORY_STEPS } from '../../viz/story-steps.ts';

const site = useSite();
const artifacts = join(import.meta.dirname, '..', 'artifacts');

beforeAll(() => {
  mkdirSync(artifacts, { recursive: true });
});

async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__pathways && !window.__pathways.running && window.__pathways.data !== undefined, undefined, { timeout: 60_000 });
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
}

/** What the stage shows: its note's class, if any, and which view (a chart's id, the agents' canvases or a journey); with `click`, right after clicking that button, in the same task (before a quick run can end). */
function stage(page: Page, click?: string): Promise<{ note: string | undefined; chart: string | undefined; agents: boolean; journey: string | undefined }> {
  return page.evaluate((button) => {
    if (button) document.querySelector<HTMLElement>(button)!.click();
    const s = document.querySelector('#view .stage')!;
    const note = s.querySelector('.stage-note');
    return {
      note: note ? [...note.classList].find((c) => c !== 'stage-note') : undefined,
      chart: s.querySelector<SVGSVGElement>('svg[data-export]')?.dataset.export,
      agents: s.querySelectorAll('canvas').length > 0,
      journey: s.querySelector('.jv-name, .jv-persona h3, h3')?.textContent ?? undefined,
    };
  }, click);
}

/** The story's parts and the stage's within the window: [what, top, bottom]. */
function parts(page: Page): Promise<[string, number, number][]> {
  return page.evaluate(() => ['.story-title', '.story-policies', '.story-text', '.story-experiment', '.story-run', '.story-pager',
    '.stage svg[data-export]', '.stage .av-panels', '.stage .jv-strip', '.stage .stage-note']
    .flatMap((sel) => [...document.querySelectorAll(`#view ${sel}`)].map((e) => {
      const r = e.getBoundingClientRect();
      return [sel, Math.round(r.top), Math.round(r.bottom)] as [string, number, number];
    })));
}

describe('story mode on a projector', () => {
  test('every step shows its own result at once, fits 1280×720, and Undo gives back the settings before', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 720 } });
    const problems = watchProblems(page, site.url);
    // a person's own settings (12 people fewer than the story's): the story changes them, Undo gives them back
    await page.goto(`${site.url}?scenario=classroom&reps=2&agents=288&weeks=104&view=story&projector=1`);
    await settled(page);
    // not step 1's experiment: the stage says so over the results
    expect((await stage(page)).note).toBe('stage-own');
    expect(await page.locator('#view .story-undo').isHidden()).toBe(true);
    // at once: the stage says the step's experiment is running
    expect((await stage(page, '#view .story-run')).note).toBe('stage-pending');
    await settled(page);
    for (let k = 0; k < STORY_STEPS.length; k++) {
      const step = STORY_STEPS[k];
      if (k > 0) {
        // the step before's result is gone the moment the step changes
        const now = await stage(page, '#view .story-next');
        expect(now.note, `step ${k + 1}`).toBe('stage-pending');
        expect(now.chart ?? (now.agents ? 'agents' : undefined), `step ${k + 1}`).toBeUndefined();
        await settled(page);
      }
      expect(await page.locator('#view .story-title').textContent()).toBe(step.title.en);
      const s = await stage(page);
      expect(s.note, `step ${k + 1}: its own result, no note`).toBeUndefined();
      if (step.focus.view === 'compare') expect(s.chart, `step ${k + 1}`).toBe(step.focus.chart);
      if (step.focus.view === 'agents') expect(s.agents, `step ${k + 1}`).toBe(true);
      if (step.focus.view === 'journey') expect(await page.locator('#view .stage').textContent(), `step ${k + 1}`).toContain(step.focus.persona);
      // the run is this step's: its sizes and knobs
      const run = await page.evaluate(() => ({ agents: window.__pathways.data!.meta.agents, weeks: window.__pathways.data!.meta.weeks, scenario: window.__pathways.data!.meta.scenario }));
      expect(run).toEqual({ agents: step.settings.agents, weeks: step.settings.weeks, scenario: step.settings.scenario });
      await page.screenshot({ path: join(artifacts, `story-${k + 1}.png`) });
      for (const [what, top, bottom] of await parts(page)) {
        expect(top, `step ${k + 1}: ${what} starts above the window`).toBeGreaterThanOrEqual(0);
        expect(bottom, `step ${k + 1}: ${what} ends below the window`).toBeLessThanOrEqual(720);
      }
    }
    // Undo: back to the person's own settings (and their run), the stage says these are not the step's experiment
    const undo = page.locator('#view .story-undo');
    expect(await undo.isVisible()).toBe(true);
    await page.screenshot({ path: join(artifacts, 'story-undo-offered.png') });
    await undo.click();
    await settled(page);
    expect(await page.evaluate(() => [window.__pathways.settings.agents, window.__pathways.settings.weeks, window.__pathways.settings.replications])).toEqual([288, 104, 2]);
    expect(await page.evaluate(() => window.__pathways.data!.meta.agents)).toBe(288);
    expect(await page.evaluate(() => window.__pathways.settings.step)).toBe(STORY_STEPS.length - 1);
    expect((await stage(page)).note).toBe('stage-own');
    expect(await undo.isHidden()).toBe(true);
    await page.screenshot({ path: join(artifacts, 'story-undone.png') });
    // a changed knob after a step's run: the stage labels the result as other settings, Run gives the step's own back
    await page.locator('#view .story-prev').click();
    await settled(page);
    await page.evaluate(() => window.__pathways.set({ b: { base: 'standardised', knobs: { matchedOffers: 0.2 } } }));
    await page.evaluate(() => window.__pathways.run());
    await settled(page);
    expect((await stage(page)).note).toBe('stage-own');
    await page.locator('#view .story-run').click();
    await settled(page);
    expect((await stage(page)).note).toBeUndefined();
    // Undo gives back the changed knob
    await page.locator('#view .story-undo').click();
    await settled(page);
    expect(await page.evaluate(() => window.__pathways.settings.b.knobs)).toEqual({ matchedOffers: 0.2 });
    expect(problems).toEqual([]);
    await page.close();
  });
});
