/**
 * The page in real headless Chromium (Debian's `chromium`, driven by
 * playwright-core): build the static site, serve it locally, use it as a
 * person would. A screenshot of the main view is saved to
 * test/artifacts/main-view.png for review.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { watchProblems } from '../../scripts/web.js';
import { useSite } from './site.ts';
import { eventText } from '../../sim/journey-text.ts';
import { CHART_IDS } from '../../viz/charts/index.ts';

const site = useSite();
const artifacts = join(import.meta.dirname, '..', 'artifacts');


/** A page that records console errors and failed requests; waits for the first run to finish. */
async function open(query = ''): Promise<{ page: Page; problems: string[] }> {
  const page = await site.browser.newPage({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  const problems = watchProblems(page, site.url);
  await page.goto(site.url + query);
  await settled(page);
  return { page, problems };
}

/** Wait until no run is going on and results are shown. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__pathways && !window.__pathways.running && window.__pathways.data !== undefined, undefined, { timeout: 60_000 });
}

/** A scenario file as a link's hash carries it: deflate-raw, base64url, marked `deflate.`. */
const packed = (text: string) => `deflate.${deflateRawSync(Buffer.from(text, 'utf8')).toString('base64url')}`;
const classroom = () => JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'scenarios', 'classroom.json'), 'utf8'));

/** Screenshots of a page state at the two sizes reviewed (test/artifacts/NAME-WIDTH.png). */
async function screenshots(page: Page, name: string): Promise<void> {
  mkdirSync(artifacts, { recursive: true });
  for (const [width, height] of [[1400, 900], [1280, 720]]) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: join(artifacts, `${name}-${width}.png`) });
  }
}

const compareOf = (page: Page) => page.evaluate(() => JSON.stringify(window.__pathways.data!.compare));
const cli = (...args: string[]) => execFileSync(process.execPath, [join(import.meta.dirname, '..', '..', 'bin', 'pathways.js'), ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('the page in Chromium', () => {
  test('loads, runs the default comparison, shows every chart, and saves a screenshot', async () => {
    const { page, problems } = await open();
    await expect.poll(() => page.locator('figure.chart').count()).toBe(CHART_IDS.length);
    for (const id of CHART_IDS) {
      const fig = page.locator(`#chart-${id}`);
      expect(await fig.locator('h3').textContent()).not.toBe('');
      expect(await fig.locator('.notice').textContent()).toMatch(/What to notice/);
      expect(await fig.locator('svg[data-export]').count()).toBe(1);
      expect(await fig.locator('.chart-tools button').allTextContents()).toEqual(['SVG', 'PNG']);
    }
    expect(await page.locator('#headline tbody tr').count()).toBeGreaterThan(5);
    expect(await page.locator('.group-note').first().textContent()).toMatch(/not traits of a people/);
    const groupsTitle = await page.locator('#chart-groups h3').textContent();
    await page.locator('#groups-metric').selectOption('rejectionsPerPerson');
    await expect.poll(() => page.locator('#chart-groups h3').textContent()).not.toBe(groupsTitle);
    expect(page.url()).toContain('measure=rejectionsPerPerson');
    // the chart is drawn again in place, with its control, its buttons and the focus back on the select
    expect(await page.locator('#groups-metric').inputValue()).toBe('rejectionsPerPerson');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('groups-metric');
    expect(await page.locator('#chart-groups .chart-tools button').count()).toBe(2);
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
    const again = await site.browser.newPage();
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
    const data = await page.evaluate(() => ({ journeys: window.__pathways.data!.journeys, meta: { services: window.__pathways.data!.meta.services } }));
    const expected = data.journeys.filter((j) => j.name === 'Grace').map((j) => eventText(j.events[0], data.meta, 'en'));
    for (const t of expected) expect(texts.some((x) => x.includes(t))).toBe(true);
    // in bokmål the same events read in bokmål
    await page.locator('#lang').selectOption('nb');
    await expect.poll(() => page.locator('#view ol li').first().textContent()).toMatch(/^Uke 1 — registrerte seg som arbeidssøker/);
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

  test('a link whose scenario asks for 20 million people does not start on opening, and says what was capped and why', async () => {
    const huge = JSON.stringify({ ...classroom(), agents: 20_000_000, replications: 10_000 });
    const page = await site.browser.newPage({ viewport: { width: 1400, height: 900 } });
    const problems = watchProblems(page, site.url);
    await page.goto(`${site.url}?scenario=custom#custom=${packed(huge)}`);
    await page.waitForFunction(() => window.__pathways !== undefined);
    await page.waitForTimeout(1500);
    expect(await page.evaluate(() => [window.__pathways.running, window.__pathways.runs.length, window.__pathways.data === undefined])).toEqual([false, 0, true]);
    expect(await page.locator('#errors .capped li').allTextContents()).toEqual([
      'scenario shared-link.json: replications: 10,000 is more than this page runs (at most 100); 100 used',
      'scenario shared-link.json: agents: 20,000,000 is more than this page runs (at most 200,000); 200,000 used',
    ]);
    expect(await page.locator('#errors .capped').textContent()).toMatch(/command line runs it at full size/);
    expect(await page.locator('#status').textContent()).toMatch(/200,000 people × 156 weeks × 100 replications × 2 policies\), so it did not start on opening\. Press Run/);
    expect(await page.locator('#agents').getAttribute('placeholder')).toBe('200000');
    expect(await page.locator('#replications').getAttribute('placeholder')).toBe('100');
    await screenshots(page, 'capped-link');
    // a click starts it, at the capped size; Cancel stops it
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.locator('#run').click();
    await expect.poll(() => page.locator('#status progress').getAttribute('max')).toBe('200');
    await page.locator('#cancel').click();
    await expect.poll(() => page.evaluate(() => window.__pathways.running)).toBe(false);
    expect(problems).toEqual([]);
    await page.close();
  });

  test('a loaded file travels compressed in the link; one too large for a link is offered as a file, saying why', async () => {
    const { page, problems } = await open('?scenario=classroom&reps=2');
    const small = JSON.stringify({ ...classroom(), title: 'Kontor på Ås' }, null, 2);
    await page.locator('#scenario-file').setInputFiles({ name: 'as.json', mimeType: 'application/json', buffer: Buffer.from(small) });
    await expect.poll(() => page.url()).toContain('#custom=deflate.');
    expect(page.url().length).toBeLessThan(Buffer.from(small).toString('base64url').length / 2);
    const again = await site.browser.newPage();
    await again.goto(page.url());
    await settled(again);
    expect(await again.evaluate(() => window.__pathways.settings.custom)).toBe(small);
    await again.close();
    // an older link, uncompressed, still opens
    const old = await site.browser.newPage();
    await old.goto(`${site.url}?scenario=custom&reps=2#custom=${Buffer.from(small).toString('base64url')}`);
    await settled(old);
    expect(await old.evaluate(() => window.__pathways.settings.custom)).toBe(small);
    await old.close();
    // a 3 MB scenario file (a long Info text that does not compress): no link can carry it
    const big = JSON.stringify({ ...classroom(), info: { ...classroom().info, what: randomBytes(2_250_000).toString('base64') } });
    expect(big.length).toBeGreaterThan(3_000_000);
    await page.locator('#scenario-file').setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(big) });
    const note = page.locator('#errors .too-long');
    await expect.poll(() => note.count()).toBe(1);
    expect(await note.textContent()).toMatch(/^This scenario file is too large to travel in a link \([\d,]+ characters, compressed; a link holds at most 32,000\), so the address bar does not carry it\. To share this run, send the file along with the link\./);
    expect(page.url()).toMatch(/\?scenario=custom&/);
    expect(page.url()).not.toContain('#');
    expect(await page.evaluate(() => window.__pathways.settings.custom?.length)).toBe(big.length);
    await screenshots(page, 'too-large-link');
    await page.setViewportSize({ width: 1400, height: 1000 });
    const [file] = await Promise.all([page.waitForEvent('download'), page.locator('#download-scenario').click()]);
    expect(file.suggestedFilename()).toBe('big.json');
    expect(readFileSync((await file.path())!, 'utf8')).toBe(big);
    expect(problems).toEqual([]);
    await page.close();
  });

  test('the built page has a Content-Security-Policy, and running a scenario and opening every view breaks none of it', async () => {
    const html = await (await fetch(site.url)).text();
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toMatch(/(^|; )default-src 'self'(;|$)/);
    expect(csp).toMatch(/(^|; )img-src 'self' data: blob:(;|$)/);
    expect(csp).toMatch(/(^|; )worker-src 'self'(;|$)/);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    const page = await site.browser.newPage({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __violations: string[] }).__violations = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective}: ${e.blockedURI || 'inline'} ${e.sample} (${e.sourceFile}:${e.lineNumber})`));
    });
    const problems = watchProblems(page, site.url);
    await page.goto(`${site.url}?scenario=classroom&reps=2`);
    await settled(page);
    for (const view of ['agents', 'journey', 'story', 'compare']) {
      await page.locator(`#tab-${view}`).click();
      await page.waitForTimeout(300);
    }
    await Promise.all([page.waitForEvent('download'), page.locator('#chart-employment .chart-tools button', { hasText: 'PNG' }).click()]);
    await page.locator('#scenario-file').setInputFiles({ name: 'c.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(classroom())) });
    await page.locator('#run').click();
    await settled(page);
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  test('every request stays on this server', () => {
    expect(site.requests.length).toBeGreaterThan(3);
  });
});
