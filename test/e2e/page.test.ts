/**
 * The page in real headless Chromium (Debian's `chromium`, driven by
 * playwright-core): build the static site, serve it locally, use it as a
 * person would. A screenshot of the main view is saved to
 * test/artifacts/main-view.png for review.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startSite, watchProblems } from '../../scripts/web.js';

let browser: Browser;
let site: Awaited<ReturnType<typeof startSite>>;
const artifacts = join(import.meta.dirname, '..', 'artifacts');

beforeAll(async () => {
  site = await startSite();
  browser = site.browser;
});

afterAll(async () => {
  await site?.close();
});

/** A page that records console errors and failed requests; waits for the first run to finish. */
async function open(query = ''): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  const problems = watchProblems(page, site.url);
  await page.goto(site.url + query);
  await settled(page);
  return { page, problems };
}

/** Wait until no run is going on and results are shown. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__pathways && !window.__pathways.running && window.__pathways.data !== undefined, undefined, { timeout: 60_000 });
}

const compareOf = (page: Page) => page.evaluate(() => JSON.stringify(window.__pathways.data!.compare));
const cli = (...args: string[]) => execFileSync(process.execPath, [join(import.meta.dirname, '..', '..', 'bin', 'pathways.js'), ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('the page in Chromium', () => {
  test('loads, runs the default comparison, shows every chart, and saves a screenshot', async () => {
    const { page, problems } = await open();
    await expect.poll(() => page.locator('figure.chart').count()).toBe(7);
    for (const id of ['employment', 'survival', 'flows', 'services', 'rejections', 'groups', 'gap']) {
      const fig = page.locator(`#chart-${id}`);
      expect(await fig.locator('h3').textContent()).not.toBe('');
      expect(await fig.locator('.notice').textContent()).toMatch(/What to notice/);
      expect(await fig.locator('svg[data-export]').count()).toBe(1);
    }
    expect(await page.locator('#headline tbody tr').count()).toBeGreaterThan(5);
    expect(await page.locator('.group-note').first().textContent()).toMatch(/not traits of a people/);
    const groupsTitle = await page.locator('#chart-groups h3').textContent();
    await page.locator('#groups-metric').selectOption('rejectionsPerPerson');
    await expect.poll(() => page.locator('#chart-groups h3').textContent()).not.toBe(groupsTitle);
    expect(page.url()).toContain('measure=rejectionsPerPerson');
    expect(await page.locator('#chart-groups .group-note').count()).toBe(1);
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'main-view.png'), fullPage: false });
    expect(problems).toEqual([]);
    await page.close();
  });

  test('gives the same numbers as the command line for the same scenario, policies and seed', async () => {
    const { page, problems } = await open('?scenario=classroom&seed=5&reps=3');
    const fromCli = JSON.parse(cli('compare', '--scenario', 'classroom', '--seed', '5', '--replications', '3', '--json'));
    expect(JSON.parse(await compareOf(page))).toEqual(fromCli);
    const fromYouth = JSON.parse(cli('compare', '--scenario', 'vulnerable-youth', '--seed', '2', '--replications', '2', '--agents', '400', '--weeks', '60', '--json'));
    await page.goto(`${site.url}?scenario=vulnerable-youth&seed=2&reps=2&agents=400&weeks=60`);
    await settled(page);
    expect(JSON.parse(await compareOf(page))).toEqual(fromYouth);
    expect(problems).toEqual([]);
    await page.close();
  });

  test('a changed knob goes into the link, reruns, and a reload of that link gives the same results', async () => {
    const { page, problems } = await open('?scenario=classroom&reps=3');
    const before = await compareOf(page);
    await page.locator('#b-base').selectOption('standardised');
    await page.locator('details:has(#b-proactiveInformation) summary').first().click();
    await page.locator('#b-proactiveInformation').fill('0.9');
    expect(page.url()).toContain('b.proactiveInformation=0.9');
    await expect.poll(() => page.locator('.stale').count()).toBe(1);
    await page.locator('#run').click();
    await settled(page);
    await expect.poll(() => page.locator('.stale').count()).toBe(0);
    const after = await compareOf(page);
    expect(after).not.toBe(before);
    const headB = await page.locator('#headline thead th.pb').textContent();
    expect(headB).toContain('Standardised*');
    const link = page.url();
    const again = await browser.newPage();
    await again.goto(link);
    await settled(again);
    expect(await compareOf(again)).toBe(after);
    expect(problems).toEqual([]);
    await again.close();
    await page.close();
  });

  test('follows one person through both policies', async () => {
    const { page, problems } = await open('?scenario=classroom&reps=2&view=journey');
    const picker = page.getByRole('combobox', { name: /Follow one person/ });
    await picker.selectOption({ label: await picker.locator('option', { hasText: 'Grace' }).first().textContent() ?? 'Grace' });
    expect(page.url()).toContain('persona=Grace');
    const texts = await page.locator('#view ol li').allTextContents();
    expect(texts.length).toBeGreaterThan(4);
    const expected = await page.evaluate(() => window.__pathways.data!.journeys.filter((j) => j.name === 'Grace').map((j) => j.events[0].text.replace(/^week \d+: /, '')));
    for (const t of expected) expect(texts.some((x) => x.includes(t))).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  test('story mode steps through the mechanisms and runs an experiment', async () => {
    const { page, problems } = await open('?scenario=classroom&reps=2&view=story');
    const first = await page.locator('#view .story-title').textContent();
    await page.getByRole('button', { name: /Next/ }).click();
    const second = await page.locator('#view .story-title').textContent();
    expect(second).not.toBe(first);
    expect(page.url()).toContain('step=2');
    await page.getByRole('button', { name: /Run this experiment/ }).click();
    await settled(page);
    await expect.poll(() => page.locator('#view .stage > *').count()).toBeGreaterThan(0);
    await page.locator('#projector').check();
    expect(await page.evaluate(() => document.body.classList.contains('projector'))).toBe(true);
    expect(page.url()).toContain('projector=1');
    expect(problems).toEqual([]);
    await page.close();
  });

  test('a broken scenario file shows the CLI’s field-level errors in the page', async () => {
    const { page, problems } = await open('?scenario=classroom&reps=2');
    const broken = JSON.stringify({ ...JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'scenarios', 'classroom.json'), 'utf8')), agents: -5, weeks: 'ten' });
    const dir = mkdtempSync(join(tmpdir(), 'pathways-bad-'));
    const file = join(dir, 'broken.json');
    execFileSync('sh', ['-c', `cat > ${file}`], { input: broken });
    let cliErr = '';
    try {
      cli('validate', file);
    } catch (e) {
      cliErr = String((e as { stderr: string }).stderr);
    }
    await page.locator('#scenario-file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(broken) });
    const alert = page.locator('#errors .error');
    await expect.poll(() => alert.count()).toBe(1);
    const shown = await alert.locator('li').allTextContents();
    const cliLines = cliErr.trim().split('\n').map((l) => l.replace(/^pathways: /, '').replace(file, 'broken.json'));
    expect(shown).toEqual(cliLines);
    expect(await page.locator('#run').isDisabled()).toBe(true);
    await page.locator('#scenario-file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"agents": 5,,}') });
    await expect.poll(() => alert.locator('li').first().textContent()).toMatch(/scenario file bad\.json: invalid JSON at line 1, column 14/);
    rmSync(dir, { recursive: true, force: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  test('exports the comparison as JSON and a chart as SVG', async () => {
    const { page, problems } = await open('?scenario=classroom&reps=2');
    const [json] = await Promise.all([page.waitForEvent('download'), page.locator('#download-json').click()]);
    const text = readFileSync((await json.path())!, 'utf8');
    expect(JSON.parse(text)).toEqual(JSON.parse(await compareOf(page)));
    const [svg] = await Promise.all([page.waitForEvent('download'), page.locator('#chart-employment .chart-tools button', { hasText: 'SVG' }).click()]);
    expect(readFileSync((await svg.path())!, 'utf8')).toMatch(/^<\?xml[^]*<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const [png] = await Promise.all([page.waitForEvent('download'), page.locator('#chart-employment .chart-tools button', { hasText: 'PNG' }).click()]);
    expect(readFileSync((await png.path())!).subarray(1, 4).toString()).toBe('PNG');
    expect(problems).toEqual([]);
    await page.close();
  });

  test('Norwegian interface and the agent animation', async () => {
    const { page, problems } = await open('?scenario=classroom&reps=2&lang=nb&view=agents');
    expect(await page.locator('h1').textContent()).toBe('Aktiveringsveier');
    expect(await page.locator('html').getAttribute('lang')).toBe('nb');
    expect(await page.locator('#view canvas').count()).toBeGreaterThanOrEqual(2);
    const w0 = await page.evaluate(() => window.__pathways.agents()!.week);
    await page.evaluate(() => window.__pathways.agents()!.step());
    expect(await page.evaluate(() => window.__pathways.agents()!.week)).toBe(w0 + 1);
    expect(problems).toEqual([]);
    await page.close();
  });

  test('a long run shows progress and can be cancelled, keeping the previous results', async () => {
    const { page, problems } = await open('?scenario=classroom&reps=2');
    const before = await compareOf(page);
    await page.locator('#agents').fill('20000');
    await page.locator('#agents').press('Tab');
    await page.locator('#replications').fill('20');
    await page.locator('#replications').press('Tab');
    await page.locator('#run').click();
    await expect.poll(() => page.locator('#status progress').count()).toBe(1);
    expect(await page.locator('#cancel').isEnabled()).toBe(true);
    await page.locator('#cancel').click();
    await expect.poll(() => page.locator('#status').textContent()).toMatch(/Cancelled/);
    expect(await page.evaluate(() => window.__pathways.running)).toBe(false);
    expect(await compareOf(page)).toBe(before);
    expect(await page.locator('.stale').count()).toBe(1);
    await page.locator('#agents').fill('');
    await page.locator('#agents').press('Tab');
    await page.locator('#replications').fill('2');
    await page.locator('#replications').press('Tab');
    await page.locator('#run').click();
    await settled(page);
    expect(await compareOf(page)).toBe(before);
    expect(problems).toEqual([]);
    await page.close();
  });

  test('every control has an accessible name and the CSV download is the CLI’s table', async () => {
    const { page, problems } = await open('?scenario=classroom&reps=2');
    const unnamed = await page.evaluate(() => [...document.querySelectorAll('input, select, button, [role=tab], canvas, svg[data-export]')]
      .filter((el) => {
        const labels = (el as HTMLInputElement).labels;
        const name = (labels && labels.length ? [...labels].map((l) => l.textContent).join(' ') : '')
          || el.getAttribute('aria-label') || (el.getAttribute('aria-labelledby') && document.getElementById(el.getAttribute('aria-labelledby')!)?.textContent)
          || (el.tagName === 'BUTTON' || el.getAttribute('role') === 'tab' ? el.textContent : '');
        return !name?.trim();
      }).map((el) => el.outerHTML.slice(0, 80)));
    expect(unnamed).toEqual([]);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV: metrics per run' }).click()]);
    const lines = readFileSync((await csv.path())!, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('replicate,policy,group,metric,value');
    expect(lines.length).toBeGreaterThan(100);
    expect(problems).toEqual([]);
    await page.close();
  });

  test('every request stays on this server', () => {
    expect(site.requests.length).toBeGreaterThan(3);
  });
});
