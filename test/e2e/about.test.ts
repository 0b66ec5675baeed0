/**
 * The About panel's comparison with published figures in real headless
 * Chromium (scripts/web.js builds the site, serves it and launches Chromium):
 * it shows the shipped fit, fits the width of the page at the sizes reviewed,
 * and says when it is for the scenario as shipped rather than the one on the
 * page. Screenshots go to test/artifacts/about-fit-*.png for review.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { watchProblems } from '../../scripts/web.js';
import { useSite } from './site.ts';
import { SHIPPED_FITS } from '../../scenarios/targets/fits.ts';

const site = useSite();
const artifacts = join(import.meta.dirname, '..', 'artifacts');


/** A small run of the scenario (sizes do not change the scenario, so the comparison shows as for the scenario itself). */
const SMALL = 'reps=1&agents=300&weeks=60';

async function open(query: string, viewport = { width: 1400, height: 900 }): Promise<{ page: Page; problems: string[] }> {
  const page = await site.browser.newPage({ viewport });
  const problems = watchProblems(page, site.url);
  await page.goto(`${site.url}?${query}`);
  await page.waitForFunction(() => window.__pathways && !window.__pathways.running && window.__pathways.data !== undefined, undefined, { timeout: 60_000 });
  await page.locator('#info > summary').click();
  await page.locator('#info .fits').waitFor();
  return { page, problems };
}

/** How far the page, the About panel and the comparison reach beyond their width (0 when nothing overflows sideways). */
const overflow = (page: Page) => page.evaluate(() => {
  const over = (e: Element | null) => (e ? e.scrollWidth - e.clientWidth : 0);
  return { page: over(document.documentElement), info: over(document.querySelector('#info')), fits: over(document.querySelector('#info .fits')) };
});

/** Scroll the comparison to the top of the window and save the window as test/artifacts/NAME.png. */
async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(artifacts, { recursive: true });
  await page.locator('#info .fits').evaluate((e) => e.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: join(artifacts, `${name}.png`) });
}

describe('About: compared with published figures', () => {
  const fit = SHIPPED_FITS['mixed-office'].result;

  test('mixed-office as shipped: counts, one row per target, no sideways overflow at 1400, 1280 and 1024 px', async () => {
    const { page, problems } = await open(`scenario=mixed-office&${SMALL}`);
    const part = page.locator('#info .fits');
    expect(await part.locator('h3').textContent()).toBe('Compared with published figures');
    const counts = await part.locator('.fit-counts').textContent();
    expect(counts).toContain(`${fit.fit.within} of ${fit.fit.total} targets used for fitting and ${fit.holdout.within} of ${fit.holdout.total} held-out targets lie within the published band`);
    expect(counts).toContain(`${fit.settings.replications} replications of ${fit.settings.agents.toLocaleString('en')} people`);
    expect((await part.locator('tr.fit-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-target')))).sort()).toEqual(fit.targets.map((t) => t.id).sort());
    expect(await part.locator('tr.fit-row.out .fit-verdict').count()).toBe(fit.targets.filter((t) => !t.withinBand).length);
    expect(await part.locator('.fit-note.changed').count()).toBe(0);
    expect(await part.locator('.fit-source a').count()).toBe(fit.targets.filter((t) => t.source.url).length);
    for (const [width, height] of [[1400, 900], [1280, 720], [1024, 768]]) {
      await page.setViewportSize({ width, height });
      expect(await overflow(page), `${width}×${height}`).toEqual({ page: 0, info: 0, fits: 0 });
      // every strip lies within its cell
      const outside = await part.locator('.fit-strip').evaluateAll((strips) => strips.filter((s) => {
        const cell = s.closest('td')!.getBoundingClientRect();
        return [...s.children].some((c) => { const r = c.getBoundingClientRect(); return r.left < cell.left - 0.5 || r.right > cell.right + 0.5; });
      }).length);
      expect(outside, `${width}×${height}: marks outside their cell`).toBe(0);
      await shot(page, `about-fit-${width}`);
    }
    // the whole part, every row, for review
    await page.setViewportSize({ width: 1400, height: 900 });
    await part.screenshot({ path: join(artifacts, 'about-fit-part-1400.png') });
    expect(problems).toEqual([]);
    await page.close();
  });

  test('every scenario with a shipped fit shows it without sideways overflow at 1024 px', async () => {
    for (const name of Object.keys(SHIPPED_FITS).filter((n) => n !== 'mixed-office')) {
      const { page, problems } = await open(`scenario=${name}&${SMALL}`, { width: 1024, height: 768 });
      const part = page.locator('#info .fits');
      expect(await part.locator('tr.fit-row').count(), name).toBe(SHIPPED_FITS[name].result.targets.length);
      expect(await overflow(page), name).toEqual({ page: 0, info: 0, fits: 0 });
      await part.screenshot({ path: join(artifacts, `about-fit-part-${name}-1024.png`) });
      expect(problems).toEqual([]);
      await page.close();
    }
  });

  test('in bokmål and in projector mode', async () => {
    const { page, problems } = await open(`scenario=mixed-office&${SMALL}&lang=nb`, { width: 1280, height: 720 });
    const part = page.locator('#info .fits');
    expect(await part.locator('h3').textContent()).toBe('Sammenlignet med publiserte tall');
    expect(await part.locator('.fit-counts').textContent()).toContain(`${fit.fit.within} av ${fit.fit.total} tall brukt til kalibrering`);
    // the published findings in bokmål (the target file's statementNb), none left in English
    expect(await part.locator('.fit-statement').first().textContent()).not.toMatch(/\(på engelsk\)$/);
    expect(await part.locator('.fit-statement [lang=en]').count()).toBe(0);
    expect(await overflow(page)).toEqual({ page: 0, info: 0, fits: 0 });
    await shot(page, 'about-fit-nb-1280');
    await page.locator('#projector').check();
    await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('projector'))).toBe(true);
    await page.locator('#lang').selectOption('en');
    await expect.poll(() => part.locator('h3').textContent()).toBe('Compared with published figures');
    expect(await overflow(page)).toEqual({ page: 0, info: 0, fits: 0 });
    await shot(page, 'about-fit-projector-1280');
    expect(problems).toEqual([]);
    await page.close();
  });

  test('changed knobs, a loaded file and a scenario without figures say what the comparison is for', async () => {
    const { page, problems } = await open(`scenario=mixed-office&${SMALL}&b.exploration=0.9`);
    const note = page.locator('#info .fits .fit-note.changed');
    expect(await note.textContent()).toMatch(/^These figures are for mixed-office as shipped, without the knob changes made here; .*pathways targets/);
    // the knobs of B are open, as they are changed; resetting them makes the scenario the shipped one again
    await page.locator('fieldset.policy-b button.link', { hasText: 'Reset to the base policy' }).click();
    await expect.poll(() => note.count()).toBe(0);
    // a loaded copy of the scenario is not the shipped one: the comparison says whose it is
    const copy = readFileSync(join(import.meta.dirname, '..', '..', 'scenarios', 'mixed-office.json'));
    await page.locator('#scenario-file').setInputFiles({ name: 'my-office.json', mimeType: 'application/json', buffer: copy });
    await expect.poll(() => note.textContent()).toMatch(/^These figures are for mixed-office as shipped, not for the loaded file; pathways targets --scenario FILE checks/);
    await page.goto(`${site.url}?scenario=classroom&${SMALL}`);
    await page.waitForFunction(() => window.__pathways && !window.__pathways.running);
    await page.locator('#info > summary').click();
    expect(await page.locator('#info .fits .fit-note').textContent()).toBe('No published figures are shipped for this scenario.');
    expect(await page.locator('#info .fits table').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });
});
