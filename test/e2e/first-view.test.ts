/**
 * The first view and the run history in real headless Chromium: the
 * introduction offers three ways in, each opening what it says; closing it
 * is remembered on reload; two runs with different settings appear in the
 * history, and recalling the first gives back its settings and its numbers
 * without running again. Screenshot: test/artifacts/first-view.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { watchProblems } from '../../scripts/web.js';
import { useSite } from './site.ts';
import { NOTEBOOKS_INDEX } from '../../viz/site-links.ts';

const site = useSite();
const artifacts = join(import.meta.dirname, '..', 'artifacts');


const settled = (page: Page) => page.waitForFunction(() => window.__pathways && !window.__pathways.running && window.__pathways.data !== undefined, undefined, { timeout: 60_000 });

describe('the first view', () => {
  test('three ways in, each opening what it says; closing is remembered', async () => {
    const context = await site.browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const problems = watchProblems(page, site.url);
    await page.goto(`${site.url}?scenario=classroom&reps=2`);
    await settled(page);
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'first-view.png') });
    expect(await page.locator('.ways .way').count()).toBe(3);
    expect(await page.locator('#way-research a').getAttribute('href')).toBe(NOTEBOOKS_INDEX);
    await page.locator('#way-explore button').click();
    expect(await page.evaluate(() => window.__pathways.settings.view)).toBe('whatif');
    expect(await page.locator('.preset').count()).toBeGreaterThan(0);
    await page.locator('#way-teach button').click();
    expect(await page.evaluate(() => window.__pathways.settings.view)).toBe('story');
    await page.locator('#welcome-close').click();
    expect(await page.locator('.ways').count()).toBe(0);
    await page.reload();
    await page.waitForFunction(() => window.__pathways !== undefined);
    expect(await page.locator('.ways').count()).toBe(0);
    await page.locator('#welcome-open').click();
    expect(await page.locator('.ways .way').count()).toBe(3);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('the run history', () => {
  test('two runs are listed; recalling the first gives back its settings and numbers without running', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${site.url}?scenario=classroom&reps=2&weeks=52`);
    await settled(page);
    const first = await page.evaluate(() => JSON.stringify(window.__pathways.data!.compare));
    await page.evaluate(() => window.__pathways.set({ b: { base: 'personalised', knobs: { followUp: 0.1 } } }));
    await page.evaluate(() => window.__pathways.run());
    const second = await page.evaluate(() => JSON.stringify(window.__pathways.data!.compare));
    expect(second).not.toBe(first);
    await page.locator('#history > summary').click();
    expect(await page.locator('#history tbody tr').count()).toBe(2);
    await page.locator('#recall-1').click();
    expect(await page.evaluate(() => window.__pathways.running)).toBe(false);
    expect(await page.evaluate(() => JSON.stringify(window.__pathways.data!.compare))).toBe(first);
    expect(await page.evaluate(() => window.__pathways.settings.b.knobs)).toEqual({});
    expect(new URL(page.url()).searchParams.get('b.followUp')).toBeNull();
  });
});
