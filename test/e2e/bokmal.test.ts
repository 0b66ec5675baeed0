/**
 * No English left on the page in bokmål, in real headless Chromium: each
 * view (every one of VIEWS, so a new view is checked as soon as it is
 * listed) of the classroom scenario at its own size, with the Info panel,
 * the settings drawer and every folded part (details) open, is read in
 * English, then in bokmål twice: switched to from the English page (texts
 * that keep the old language after a switch) and opened in bokmål. Every
 * visible text (text nodes, including those for screen readers only) and
 * every aria-label, title and placeholder of the bokmål page that is also a
 * text of the English page (numbers aside) fails the test, unless it is
 * marked with its language (lang="en": English shown as English; a
 * language's own name in the language list) or is made only of names,
 * numbers, units and words spelt the same in both languages (ALLOWED); code
 * and the citations of published sources are left out (as published), and
 * so are the labels of a chart's parts, which are not read out (the chart is
 * one image with its own label). Each choice of each list in a view is read
 * too. Then the About panel of every shipped scenario, with its published
 * figures, in the same way.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { watchProblems } from '../../scripts/web.js';
import { useSite } from './site.ts';
import { SHIPPED } from '../../scenarios/index.ts';
import { VIEWS, type View } from '../../viz/settings.ts';
import { STORY_STEPS } from '../../viz/story-steps.ts';
import { allowed, collect, leftInEnglish, shape, type Found } from './english-left.ts';

const site = useSite();


/** Wait until no run is going on and results are shown. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__pathways && !window.__pathways.running && (window.__pathways.data !== undefined || window.__pathways.whatIf !== undefined), undefined, { timeout: 60_000 });
}

/** Info open, the drawer open, every folded part open; then the page's texts, for each choice of each list in the view. */
async function openAll(page: Page): Promise<Found[]> {
  await page.locator('#info > summary').waitFor();
  if (!(await page.locator('#info').evaluate((e) => (e as HTMLDetailsElement).open))) await page.locator('#info > summary').click();
  if ((await page.locator('#settings-toggle').getAttribute('aria-expanded')) !== 'true') await page.locator('#settings-toggle').click();
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
  // the agents' animation at its first week in every language, so its live texts are the same sentences
  await page.evaluate(() => window.__pathways.agents()?.setWeek(1));
  const found = await collect(page);
  // each choice of each list in the view (a chart's measure, the person followed ...), then back to the first;
  // not an arm's policy or its change to add in the What if… view: choosing one edits the comparison
  const LISTS = '#view select:not(.arm-card select)';
  const lists = await page.locator(LISTS).count();
  for (let k = 0; k < lists; k++) {
    const list = page.locator(LISTS).nth(k);
    const values = await list.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    for (const v of [...values.slice(1), values[0]]) {
      await page.locator(LISTS).nth(k).selectOption(v);
      found.push(...await collect(page));
    }
  }
  return found;
}

async function open(query: string): Promise<{ page: Page; problems: string[] }> {
  const page = await site.browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const problems = watchProblems(page, site.url);
  await page.goto(`${site.url}?${query}`);
  await settled(page);
  return { page, problems };
}

describe('allowed', () => {
  test('lets through names, numbers, units and shared words, not English words', () => {
    expect(allowed('Amina')).toBe(true);
    expect(allowed('12,5 % (F2, F11)')).toBe(true);
    expect(allowed('A: Standardised')).toBe(false);
    expect(allowed('Done: 20 runs in 0.8 s.')).toBe(false);
    // identifiers, written as code is, and the letters of a formula
    expect(allowed('lock-in-year1 (F4)')).toBe(true);
    expect(allowed('↑ labourMarket.temporaryJobEnd')).toBe(true);
    expect(allowed('levelMatching')).toBe(true);
    expect(allowed('p < 0,001')).toBe(true);
    expect(allowed('mixed-office: Nelder–Mead')).toBe(true);
    expect(allowed('the start')).toBe(false);
    expect(allowed('week-by-week plan')).toBe(false);
  });
  test('shape: numbers in either language become #', () => {
    expect(shape('Done: 20 runs in 1.3 s.')).toBe('Done: # runs in # s.');
    expect(shape('5\u00a0000 personer, −0,5 pp')).toBe('# personer, # pp');
  });
});

describe('bokmål: no English left on the page', () => {
  // every view of classroom (two replications: every list's choices stay few), and the What if… view with a question's answers
  const CASES: [string, View, string][] = [
    ...VIEWS.map((v): [string, View, string] => [`the ${v} view of classroom`, v, `scenario=classroom&reps=2&view=${v}`]),
    ['the answers of a question', 'whatif', 'scenario=mixed-office&view=whatif&whatif=lower-caseloads&agents=300&reps=2&weeks=104'],
  ];
  test.each(CASES)('%s, switched to bokmål and opened in bokmål', async (_what: string, view: View, query: string) => {
    const { page, problems } = await open(query);
    const en = await openAll(page);
    expect(en.length, 'the English page shows texts').toBeGreaterThan(20);
    // the English page's own status line: the run just finished
    expect(await page.locator('#status').textContent()).toMatch(/^Done: \d+ runs in /);
    await page.locator('#lang').selectOption('nb');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('nb');
    const switched = await openAll(page);
    expect(leftInEnglish(en, switched), `English left after switching to bokmål (${view})`).toEqual([]);
    expect(await page.locator('#status').textContent()).toMatch(/^Ferdig: \d+ kjøringer på /);
    await page.close();

    const fresh = await open(`${query}&lang=nb`);
    const nb = await openAll(fresh.page);
    expect(leftInEnglish(en, nb), `English left in bokmål (${view})`).toEqual([]);
    expect(await fresh.page.locator('#status').textContent()).toMatch(/^Ferdig: \d+ kjøringer på /);
    expect([...problems, ...fresh.problems]).toEqual([]);
    await fresh.page.close();
  });

  test('every story step, with its own experiment, in bokmål', async () => {
    // each step's texts and its stage, read in English, then in bokmål, step by step (arriving at a step runs its experiment)
    const read = async (lang: string) => {
      const { page, problems } = await open(`view=story&lang=${lang}`);
      const steps: Found[][] = [];
      for (let k = 0; k < STORY_STEPS.length; k++) {
        await page.locator('#view .story-steps button').nth(k).click();
        await settled(page);
        await page.evaluate(() => window.__pathways.agents()?.setWeek(1));
        expect(await page.locator('#view .story-title').textContent()).toBe(STORY_STEPS[k].title[lang as 'en' | 'nb']);
        steps.push(await collect(page));
      }
      expect(problems).toEqual([]);
      await page.close();
      return steps;
    };
    const en = await read('en');
    const nb = await read('nb');
    for (let k = 0; k < STORY_STEPS.length; k++) {
      expect(en[k].length, `step ${k + 1} shows texts`).toBeGreaterThan(10);
      expect(leftInEnglish(en[k], nb[k]), `English left in story step ${k + 1} (${STORY_STEPS[k].id})`).toEqual([]);
    }
  });

  test.each(Object.keys(SHIPPED).map((s) => [s]))('the About panel of %s, with its published figures', async (name: string) => {
    const small = 'reps=1&agents=300&weeks=60';
    const texts = async (lang: string) => {
      const { page, problems } = await open(`scenario=${name}&${small}&lang=${lang}`);
      await page.locator('#info > summary').click();
      await page.locator('#info .fits').waitFor();
      const found = (await collect(page)).filter((x) => x.where.startsWith('#info'));
      await page.close();
      expect(problems).toEqual([]);
      return found;
    };
    const en = await texts('en');
    const nb = await texts('nb');
    expect(en.length, 'the English panel shows texts').toBeGreaterThan(10);
    expect(leftInEnglish(en, nb), `English left in the About panel of ${name}`).toEqual([]);
  });
});
