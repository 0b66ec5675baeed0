/**
 * "Follow one person" in real headless Chromium (scripts/web.js builds the site, serves it and
 * launches Chromium): the persona card, the draw of luck and the merged runs of events as a
 * person uses them, in English and bokmål; in projector mode at 1024×768 nothing wider than the
 * window. A screenshot goes to test/artifacts/journey-1024.png for review.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { watchProblems } from '../../scripts/web.js';
import { useSite } from './site.ts';
import { eventRuns, runText } from '../../sim/journey-text.ts';
import { PERSONA_NOTEBOOK } from '../../viz/site-links.ts';

const site = useSite();
const artifacts = join(import.meta.dirname, '..', 'artifacts');


describe('follow one person', () => {
  test('the card, the draw of luck and the merged events, in both languages, in projector mode at 1024×768', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1024, height: 768 } });
    const problems = watchProblems(page, site.url);
    await page.goto(`${site.url}?scenario=classroom&reps=3&view=journey&persona=Grace&projector=1`);
    await page.waitForFunction(() => window.__pathways && !window.__pathways.running && window.__pathways.data !== undefined, undefined, { timeout: 60_000 });
    const card = page.locator('#view .jv-card');
    expect(await card.locator('.jv-card-desc').textContent()).toBe('38, a nurse educated abroad, three years in the country, qualification not yet recognised.');
    expect(await card.locator('a').getAttribute('href')).toBe(PERSONA_NOTEBOOK);
    // the link resolves next to the page
    expect(await card.locator('a').evaluate((a: HTMLAnchorElement) => a.href)).toBe(new URL('notebooks/persona-journeys.html', site.url).href);
    expect(await page.locator('#view .jv-luck-note').textContent()).toBe('One draw of luck: another seed gives another life.');
    // the lines are the runs of the shown draw's events
    const shown = async (r: number) => page.evaluate((r) => {
      const d = window.__pathways.data!;
      return { events: d.journeys.find((j) => j.policy === d.meta.policies[0] && j.name === 'Grace' && j.replicate === r)!.events, services: d.meta.services };
    }, r);
    const lines = () => page.locator('#view .jv-policy').first().locator('ol > li').allTextContents();
    const draw = page.getByRole('combobox', { name: /Draw of luck/ });
    expect(await draw.inputValue()).toBe('0');
    const first = await lines();
    const d0 = await shown(0);
    expect(first).toHaveLength(eventRuns(d0.events).length);
    expect(first.length).toBeLessThan(d0.events.length);
    await draw.selectOption('2');
    const d2 = await shown(2);
    await expect.poll(() => lines()).toEqual(eventRuns(d2.events).map((r) => expect.stringContaining(runText(r, d2, 'en'))));
    expect(await lines()).not.toEqual(first);
    // the card pushes the strips down: scrolled to the note on luck, the strips and both lists fill the window
    await page.locator('#view .jv-luck').evaluate((e) => e.scrollIntoView({ block: 'start' }));
    const boxes = await page.locator('#view .jv-scroll').evaluateAll((xs) => xs.map((x) => x.getBoundingClientRect().bottom));
    expect(boxes).toHaveLength(2);
    for (const bottom of boxes) {
      expect(bottom).toBeLessThanOrEqual(768);
      expect(bottom).toBeGreaterThan(768 - 40);
    }
    // nothing wider than the window
    const wide = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(await wide()).toBeLessThanOrEqual(0);
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'journey-1024.png') });
    // bokmål: the card and the note in bokmål, the same draw
    await page.locator('#lang').selectOption('nb');
    await expect.poll(() => page.locator('#view .jv-card-desc').textContent()).toBe('38 år, sykepleier utdannet i utlandet, tre år i landet, utdanningen er ennå ikke godkjent.');
    expect(await page.locator('#view .jv-luck-note').textContent()).toBe('Én trekning av flaks: en annen trekning gir et annet liv.');
    expect(await page.getByRole('combobox', { name: /Trekning av flaks/ }).inputValue()).toBe('2');
    expect(await wide()).toBeLessThanOrEqual(0);
    // the link keeps the person and the draw (shown from 1): opened again, it shows the same life
    const link = new URL(page.url());
    expect(link.searchParams.get('persona')).toBe('Grace');
    expect(link.searchParams.get('draw')).toBe('3');
    const again = await site.browser.newPage({ viewport: { width: 1024, height: 768 } });
    await again.goto(link.href);
    await again.waitForFunction(() => window.__pathways && !window.__pathways.running && window.__pathways.data !== undefined, undefined, { timeout: 60_000 });
    expect(await again.getByRole('combobox', { name: /Trekning av flaks/ }).inputValue()).toBe('2');
    await again.close();
    expect(problems).toEqual([]);
    await page.close();
  });

  test('a link’s draw beyond the run’s replications is refused in place, and the first draw is shown', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 720 } });
    const problems = watchProblems(page, site.url);
    await page.goto(`${site.url}?scenario=classroom&reps=3&view=journey&persona=Grace&draw=7`);
    await page.waitForFunction(() => window.__pathways && !window.__pathways.running && window.__pathways.data !== undefined, undefined, { timeout: 60_000 });
    expect(await page.locator('#errors').textContent()).toContain('link: draw: "7" is not allowed; expected an integer from 1 to 3 (the run\'s replications)');
    expect(await page.getByRole('combobox', { name: /Draw of luck/ }).inputValue()).toBe('0');
    expect(new URL(page.url()).searchParams.has('draw')).toBe(false);
    expect(problems).toEqual([]);
    await page.close();
  });
});
