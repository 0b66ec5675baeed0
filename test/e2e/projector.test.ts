/**
 * The page on a classroom projector, in real headless Chromium (scripts/web.js
 * builds the site, serves it and launches Chromium): at 1024×768 and
 * 1280×720, every view and every story step, in English and bokmål, with and
 * without projector mode: nothing wider than the window, nothing cut off, the
 * charts' type at least 18 px in projector mode and their labels apart, and
 * in projector mode at 1280×720 a story step's text, its Run button and its
 * chart in one screen. The settings are a drawer: closed by default in
 * projector mode and on a narrow screen, opened and closed by keyboard.
 * Screenshots go to test/artifacts/projector-*.png for review.
 *
 * One page per size; views, languages and projector mode change in place
 * (no new run); each story step runs its own small experiment (the classroom
 * scenario at its own size, about a second).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { watchProblems } from '../../scripts/web.js';
import { useSite } from './site.ts';
import { VIEWS as ALL_VIEWS, type Settings } from '../../viz/settings.ts';
import { STORY_STEPS } from '../../viz/story-steps.ts';
import { PRESETS } from '../../viz/whatif-state.ts';

const site = useSite();
const artifacts = join(import.meta.dirname, '..', 'artifacts');

beforeAll(() => {
  mkdirSync(artifacts, { recursive: true });
});

/** The story's own settings (every step runs these sizes and seed). */
const STORY = `scenario=${STORY_STEPS[0].settings.scenario}&seed=${STORY_STEPS[0].settings.seed}&reps=${STORY_STEPS[0].settings.replications}&agents=${STORY_STEPS[0].settings.agents}&weeks=${STORY_STEPS[0].settings.weeks}`;
const SIZES = [[1024, 768], [1280, 720]] as const;
/** Every view, What if… last (it runs a question of its own); the story's steps are checked one by one after them. */
const VIEWS = [...ALL_VIEWS.filter((v) => v !== 'story' && v !== 'whatif'), 'whatif' as const];
/** The quickest shipped question, whose answers the What if… view is checked with. */
const cost = (w: (typeof PRESETS)[number]) => w.run.agents * (w.run.weeks ?? 156) * w.run.replications;
const QUICK = [...PRESETS].sort((a, b) => cost(a) - cost(b))[0];
const LANGS = ['en', 'nb'] as const;
/** The smallest chart type in projector mode, CSS px. */
const MIN_FONT = 18;

async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__pathways && !window.__pathways.running && window.__pathways.data !== undefined, undefined, { timeout: 60_000 });
}

/** Settings changed in place (no run: language, view, projector mode), then two frames for layout and the animation. */
async function set(page: Page, patch: Partial<Settings>): Promise<void> {
  await page.evaluate((p) => window.__pathways.set(p), patch);
  await frames(page);
}
const frames = (page: Page) => page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));

interface Layout {
  /** What is wider than the window, reaches beyond it or is cut off (each a line saying what and by how much). */
  wide: string[];
  /** Texts in a chart that overlap another in the same chart. */
  overlaps: string[];
  /** The smallest type of a chart's text, as drawn (font size × the svg's scale), and what it is. */
  smallest: { px: number; what: string } | undefined;
  /** How many chart svgs were looked at. */
  charts: number;
}

/** The page's layout as the window shows it. */
function layout(page: Page): Promise<Layout> {
  return page.evaluate(() => {
    const vw = window.innerWidth;
    const wide: string[] = [];
    const name = (e: Element) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${e.getAttribute('class') ? `.${e.getAttribute('class')!.trim().split(/\s+/).join('.')}` : ''}`;
    // not shown, or shown to screen readers only (a 1 px box)
    const tiny = (e: Element) => { const r = e.getBoundingClientRect(); return r.width <= 1 && r.height <= 1; };
    const hidden = (e: Element): boolean => e.closest('.visually-hidden, [hidden]') !== null || e.getClientRects().length === 0 || tiny(e)
      || (e.parentElement !== null && e.parentElement !== document.body && tiny(e.parentElement));
    const de = document.documentElement;
    if (de.scrollWidth > vw) {
      const beyond = [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > vw + 0.5).slice(0, 3).map(name);
      wide.push(`the page is ${de.scrollWidth} px wide in a ${vw} px window (${beyond.join(', ')})`);
    }
    // every chart, drawing, table and text in a chart within the window's width
    for (const e of document.querySelectorAll('#view svg, #view canvas, #view table, #view figure, #view svg text, #view .jv-policy, #view .av-controls, #view .story, #view select, #view button, #view label, #view input')) {
      if (hidden(e)) continue;
      const r = e.getBoundingClientRect();
      if (r.left < -0.5 || r.right > vw + 0.5) wide.push(`${name(e)} spans ${Math.round(r.left)}–${Math.round(r.right)} px in a ${vw} px window`);
    }
    // a chart's text within its figure (a figure scrolls what is wider)
    for (const t of document.querySelectorAll('#view figure.chart svg text')) {
      if (hidden(t)) continue;
      const f = t.closest('figure')!.getBoundingClientRect();
      const r = t.getBoundingClientRect();
      if (r.left < f.left - 0.5 || r.right > f.right + 0.5) wide.push(`“${t.textContent}” (${Math.round(r.left)}–${Math.round(r.right)}) outside its figure (${Math.round(f.left)}–${Math.round(f.right)})`);
    }
    // cut off: content wider than a box that hides or scrolls what does not fit
    for (const e of document.querySelectorAll('body *')) {
      if (hidden(e)) continue;
      const ox = getComputedStyle(e).overflowX;
      if (ox === 'visible') continue;
      if (e.scrollWidth > e.clientWidth + 1) wide.push(`${name(e)} cuts off ${e.scrollWidth - e.clientWidth} px (overflow-x: ${ox})`);
    }
    // a list that cuts off its choice (a select cannot wrap): the chosen text wider than the box, less its arrow
    const pen = document.createElement('canvas').getContext('2d')!;
    for (const sel of document.querySelectorAll<HTMLSelectElement>('#view select')) {
      if (hidden(sel)) continue;
      const cs = getComputedStyle(sel);
      pen.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
      const text = sel.options[sel.selectedIndex]?.text ?? '';
      const w = pen.measureText(text).width;
      if (w > sel.clientWidth - 20) wide.push(`${name(sel)} cuts its choice “${text}” (${Math.round(w)} px of text in ${sel.clientWidth} px)`);
    }
    const overlaps: string[] = [];
    let smallest: { px: number; what: string } | undefined;
    const svgs = [...document.querySelectorAll<SVGSVGElement>('#view svg[data-export]')].filter((s) => !hidden(s));
    for (const svg of svgs) {
      const scale = svg.getBoundingClientRect().width / (svg.width.baseVal.value || svg.getBoundingClientRect().width);
      const texts = [...svg.querySelectorAll('text')].filter((t) => t.textContent!.trim() !== '' && !hidden(t));
      for (const t of texts) {
        const px = parseFloat(getComputedStyle(t).fontSize) * scale;
        if (!smallest || px < smallest.px) smallest = { px, what: `“${t.textContent}” in ${svg.dataset.export}` };
      }
      const boxes = texts.map((t) => ({ t: t.textContent!, r: t.getBoundingClientRect() }));
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i].r, b = boxes[j].r;
          const x = Math.min(a.right, b.right) - Math.max(a.left, b.left), y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          // a text's box is taller than its letters: boxes may touch by a fifth of their height
          if (x > 1 && y > 0.2 * Math.min(a.height, b.height)) overlaps.push(`${svg.dataset.export}: “${boxes[i].t}” and “${boxes[j].t}”`);
        }
      }
    }
    return { wide, overlaps, smallest, charts: svgs.length };
  });
}

/** The parts of a story step that must fit one screen: its title, policies, text, experiment, Run button, pager and the stage's chart. */
function storyParts(page: Page): Promise<{ what: string; top: number; bottom: number }[]> {
  return page.evaluate(() => {
    const parts = ['.story-title', '.story-policies', '.story-text', '.story-experiment', '.story-run', '.story-pager',
      '.stage svg[data-export]', '.stage .av-panels', '.stage .jv-strip', '.stage .jv-summary'];
    return parts.flatMap((sel) => [...document.querySelectorAll(`#view ${sel}`)].map((e) => {
      const r = e.getBoundingClientRect();
      return { what: sel, top: Math.round(r.top), bottom: Math.round(r.bottom) };
    }));
  });
}

const shot = (page: Page, name: string) => page.screenshot({ path: join(artifacts, `projector-${name}.png`) });

describe('a classroom projector', () => {
  for (const [width, height] of SIZES) {
    test(`at ${width}×${height}: every view and every story step fits the window, with large chart type in projector mode`, async () => {
      const page = await site.browser.newPage({ viewport: { width, height } });
      const problems = watchProblems(page, site.url);
      await page.goto(`${site.url}?${STORY}&projector=1`);
      await settled(page);
      const check = async (where: string, projector: boolean) => {
        const l = await layout(page);
        expect(l.wide, where).toEqual([]);
        expect(l.overlaps, where).toEqual([]);
        if (projector && l.charts > 0) expect(l.smallest!.px, `${where}: ${l.smallest!.what}`).toBeGreaterThanOrEqual(MIN_FONT - 0.01);
      };
      for (const view of VIEWS) {
        if (view === 'whatif') {
          // with a question's answers: its arms, key results and charts
          await set(page, { view, lang: 'en', projector: true });
          await page.locator(`#preset-${QUICK.id}`).click();
          await page.waitForFunction((id) => !window.__pathways.running && window.__pathways.whatIf?.preset === id, QUICK.id, { timeout: 120_000 });
          await frames(page);
        }
        for (const lang of LANGS) {
          for (const projector of [true, false]) {
            await set(page, { view, lang, projector });
            await page.evaluate(() => window.scrollTo(0, 0));
            await check(`${view}, ${lang}, projector ${projector}`, projector);
            if (projector && (lang === 'en' || width === 1280)) await shot(page, `${view}-${width}-${lang}`);
            if (!projector && lang === 'en') await shot(page, `${view}-${width}-${lang}-no-projector`);
          }
        }
        if (view === 'compare') expect(await page.locator('#headline tbody tr').count()).toBeGreaterThan(5);
        if (view === 'agents') expect(await page.locator('#view canvas').count()).toBe(4);
      }
      await set(page, { view: 'story', lang: 'en', projector: true });
      for (let k = 0; k < STORY_STEPS.length; k++) {
        // arriving at a step runs its experiment (the first step's is the page's own run)
        await page.locator('#view .story-steps button').nth(k).click();
        await settled(page);
        expect(await page.locator('#view .stage .stage-note').count(), `story step ${k + 1}: its own result`).toBe(0);
        await frames(page);
        for (const lang of LANGS) {
          if (lang !== 'en') await set(page, { lang });
          const where = `story step ${k + 1} (${STORY_STEPS[k].id}), ${lang}`;
          expect(await page.locator('#view .story-title').textContent()).toBe(STORY_STEPS[k].title[lang]);
          await check(where, true);
          if (width === 1280) {
            // one screen: the page has scrolled the story to the top of the window
            for (const p of await storyParts(page)) {
              expect(p.top, `${where}: ${p.what} starts above the window`).toBeGreaterThanOrEqual(0);
              expect(p.bottom, `${where}: ${p.what} ends below the window`).toBeLessThanOrEqual(height);
            }
            if (lang === 'en') await shot(page, `story-${k + 1}-${width}`);
          }
          if (lang === 'nb' && k === 0) await shot(page, `story-${k + 1}-${width}-nb`);
        }
        await set(page, { lang: 'en' });
        // and without projector mode: nothing wider than the window
        await set(page, { projector: false });
        await check(`story step ${k + 1}, no projector`, false);
        await set(page, { projector: true });
      }
      expect(problems).toEqual([]);
      await page.close();
    });
  }

  test('the settings drawer: closed in projector mode and on a narrow screen, opened and closed by keyboard, Escape closes it', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 720 } });
    const problems = watchProblems(page, site.url);
    await page.goto(`${site.url}?${STORY}`);
    await settled(page);
    const toggle = page.locator('#settings-toggle');
    const drawer = page.locator('#controls');
    // wide, no projector: open beside the results; closed and opened again, the animation drawn for the room it has
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await drawer.isVisible()).toBe(true);
    expect(await drawer.getAttribute('role')).toBeNull();
    await set(page, { view: 'agents' });
    await toggle.click();
    await expect.poll(() => drawer.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('settings-toggle');
    await toggle.click();
    expect(await drawer.isVisible()).toBe(true);
    expect((await layout(page)).wide).toEqual([]);
    await set(page, { view: 'compare' });
    // projector mode closes it
    await page.locator('#projector').check();
    await expect.poll(() => drawer.isVisible()).toBe(false);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('#settings-toggle').textContent()).toMatch(/Settings/);
    // opened from the keyboard: a modal dialog over the page, focus inside, the page behind inert
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => drawer.isVisible()).toBe(true);
    expect(await drawer.getAttribute('role')).toBe('dialog');
    expect(await drawer.getAttribute('aria-modal')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('settings-close');
    expect(await page.evaluate(() => (document.querySelector('main') as HTMLElement).inert)).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.getElementById('controls')!.contains(document.activeElement))).toBe(true);
    const l = await layout(page);
    expect(l.wide).toEqual([]);
    await shot(page, 'drawer-1280');
    // Escape closes it and gives the focus back to its button
    await page.keyboard.press('Escape');
    await expect.poll(() => drawer.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('settings-toggle');
    expect(await page.evaluate(() => (document.querySelector('main') as HTMLElement).inert)).toBe(false);
    // a click beside it closes it too; its close button, in bokmål
    await toggle.click();
    await page.mouse.click(1200, 400);
    await expect.poll(() => drawer.isVisible()).toBe(false);
    await set(page, { lang: 'nb' });
    await toggle.click();
    expect(await page.locator('#settings-close').getAttribute('aria-label')).toBe('Lukk innstillingene');
    await page.locator('#settings-close').click();
    await expect.poll(() => drawer.isVisible()).toBe(false);
    // Run in the drawer closes it; Cancel is then next to the progress
    await toggle.click();
    await page.locator('#agents').fill('20000');
    await page.locator('#agents').press('Tab');
    await page.locator('#run').click();
    await expect.poll(() => drawer.isVisible()).toBe(false);
    await page.locator('#status-cancel').click();
    await expect.poll(() => page.evaluate(() => window.__pathways.running)).toBe(false);
    await set(page, { lang: 'en', projector: false });
    // a narrow screen without projector mode: closed as well; the view drawn again for the smaller window
    await page.setViewportSize({ width: 1024, height: 768 });
    await expect.poll(() => drawer.isVisible()).toBe(false);
    await page.waitForTimeout(400);
    expect((await layout(page)).wide).toEqual([]);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    expect(await drawer.getAttribute('role')).toBe('dialog');
    await shot(page, 'drawer-1024');
    await page.keyboard.press('Escape');
    await expect.poll(() => drawer.isVisible()).toBe(false);
    expect(problems).toEqual([]);
    await page.close();
  });
});
