/**
 * The What if… view in real headless Chromium: every shipped preset loads
 * with one click, runs, and its claims hold on the page's own numbers (the
 * list shows a ✓ for each); a three-arm comparison made on the page prints
 * exactly what `pathways compare --arm ... --json` prints, and its JSON
 * download is that text; a bad change is refused in place with the CLI's
 * words and Run turns off; the flow's screenshots at 1400×900 go to
 * test/artifacts/whatif-*.png.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { watchProblems } from '../../scripts/web.js';
import { useSite } from './site.ts';
import { PRESETS } from '../../viz/whatif-state.ts';

const site = useSite();
const artifacts = join(import.meta.dirname, '..', 'artifacts');
const ROOT = join(import.meta.dirname, '..', '..');
const cli = (...args: string[]) => execFileSync(process.execPath, [join(ROOT, 'bin', 'pathways.js'), ...args], { encoding: 'utf8', cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });


async function open(query: string, viewport = { width: 1400, height: 900 }): Promise<{ page: Page; problems: string[] }> {
  const page = await site.browser.newPage({ viewport, acceptDownloads: true });
  const problems = watchProblems(page, site.url);
  await page.goto(`${site.url}?${query}`);
  await page.waitForFunction(() => window.__pathways && !window.__pathways.running, undefined, { timeout: 60_000 });
  return { page, problems };
}

const finished = (page: Page, key?: string) => page.waitForFunction((k) => {
  const p = window.__pathways;
  return p && !p.running && p.whatIf !== undefined && (k === undefined || p.whatIf.preset === k);
}, key, { timeout: 120_000 });

async function shot(page: Page, name: string, target?: string): Promise<void> {
  mkdirSync(artifacts, { recursive: true });
  if (target) await page.locator(target).first().evaluate((e) => e.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: join(artifacts, `${name}.png`) });
}

describe('what-if presets in Chromium', () => {
  test('the questions are offered, one card each', async () => {
    const { page, problems } = await open('view=whatif&scenario=classroom');
    expect(await page.locator('.preset').count()).toBe(PRESETS.length);
    await shot(page, 'whatif-1-questions');
    expect(problems).toEqual([]);
    await page.close();
  });

  test.each(PRESETS.map((w) => [w.id, w] as const))('%s: one click loads it, runs, and each of its claims holds on the page', async (_id, w) => {
    const { page, problems } = await open('view=whatif&scenario=classroom');
    await page.locator(`#preset-${w.id}`).click();
    await finished(page, w.id);
    const got = await page.evaluate(() => {
      const d = window.__pathways.whatIf!;
      return { scenario: d.result.scenario, agents: d.result.agents, replications: d.result.replications, claims: d.claims!.map((c) => ({ text: c.text, holds: c.holds })) };
    });
    expect(got.scenario).toBe(w.scenario);
    expect(got.agents).toBe(w.run.agents);
    expect(got.replications).toBe(w.run.replications);
    expect(got.claims.length).toBe(w.claims.length);
    for (const c of got.claims) expect(c.holds, c.text).toBe(true);
    // the page says so: one ✓ per claim, none ✗
    expect(await page.locator('.whatif-claims li[data-holds="true"]').count()).toBe(w.claims.length);
    expect(await page.locator('.whatif-claims li[data-holds="false"]').count()).toBe(0);
    // fresh answers: no note that the results are out of date (though the preset changed the page's scenario and sizes)
    expect(await page.locator('.stale').count()).toBe(0);
    // the chosen card is marked, and the link names the preset
    expect(await page.locator(`#preset-${w.id}`).getAttribute('aria-pressed')).toBe('true');
    expect(new URL(page.url()).searchParams.get('whatif')).toBe(w.id);
    if (w.id === 'lower-caseloads') {
      await shot(page, 'whatif-2-results', '#whatif-results');
      await shot(page, 'whatif-3-difference', '#chart-whatif-difference');
      await shot(page, 'whatif-4-equity', '#chart-whatif-equity');
      await shot(page, 'whatif-5-cost', '.whatif-cost');
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  test('an arm changed after a run: the answers are said to be out of date, and the note’s Run runs the question again', async () => {
    const w = PRESETS[0];
    const { page, problems } = await open('view=whatif&scenario=classroom');
    await page.locator(`#preset-${w.id}`).click();
    await finished(page, w.id);
    const before = await page.evaluate(() => window.__pathways.whatIf!.key);
    await page.locator('#arm-1-label').fill('Another name');
    await page.locator('#arm-1-label').press('Enter');
    await page.locator('.stale').waitFor();
    await page.locator('#stale-run').click();
    await page.waitForFunction((k) => !window.__pathways.running && window.__pathways.whatIf !== undefined && window.__pathways.whatIf.key !== k, before, { timeout: 60_000 });
    expect(await page.locator('.stale').count()).toBe(0);
    expect(await page.locator('#whatif-results').textContent()).toContain('Another name');
    expect(problems).toEqual([]);
    await page.close();
  });

  test('a three-arm preset prints what `pathways whatif` prints, to the last digit', async () => {
    const w = PRESETS.find((x) => x.comparison.variants.length === 2)!;
    const { page } = await open(`view=whatif&whatif=${w.id}&scenario=${w.scenario}&agents=${w.run.agents}&reps=${w.run.replications}`);
    await finished(page, w.id);
    const fromPage = await page.evaluate(() => JSON.stringify(window.__pathways.whatIf!.result, null, 2));
    const fromCli = JSON.parse(cli('whatif', w.id, '--json'));
    expect(fromPage).toBe(JSON.stringify(fromCli.result, null, 2));
  });
});

describe('a comparison made on the page', () => {
  const ARMS = ['as today=standardised', 'fewer cases=standardised,office.caseload=30', 'need first=personalised,priorityByNeed=1'];
  const comparison = {
    baseline: { label: 'as today', policy: 'standardised' },
    variants: [
      { label: 'fewer cases', policy: 'standardised', changes: { 'office.caseload': 30 } },
      { label: 'need first', policy: 'personalised', knobs: { priorityByNeed: 1 } },
    ],
  };

  test('three arms: the page, its JSON download and `pathways compare --arm` agree to the last digit', async () => {
    const { page, problems } = await open(`view=whatif&scenario=classroom&reps=4&arms=${encodeURIComponent(JSON.stringify(comparison))}`);
    await finished(page);
    const fromPage = await page.evaluate(() => JSON.stringify(window.__pathways.whatIf!.result, null, 2) + '\n');
    const fromCli = cli('compare', '--scenario', 'classroom', '--replications', '4', ...ARMS.flatMap((a) => ['--arm', a]), '--json');
    expect(fromPage).toBe(fromCli);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#whatif-json').click()]);
    expect(readFileSync((await download.path())!, 'utf8')).toBe(fromCli);
    // the key results show each variant's difference with a verdict
    expect(await page.locator('#whatif-key tbody tr').first().locator('.verdict').count()).toBe(2);
    // the glossary is one click away
    await page.locator('#whatif-glossary-open').click();
    expect(await page.locator('#whatif-glossary').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await page.locator('#whatif-glossary dt').count()).toBe(6);
    expect(problems).toEqual([]);
  });

  test('a change out of range is refused in place with the CLI’s words, and Run turns off', async () => {
    const bad = { ...comparison, variants: [{ label: 'too many', policy: 'standardised', changes: { 'office.caseload': 5000 } }] };
    const { page } = await open(`view=whatif&scenario=classroom&reps=2&arms=${encodeURIComponent(JSON.stringify(bad))}`);
    const message = await page.locator('#whatif-problem').textContent();
    let cliMessage = '';
    try {
      cli('compare', '--scenario', 'classroom', '--arm', 'as today=standardised', '--arm', 'too many=standardised,office.caseload=5000');
    } catch (err) {
      cliMessage = String((err as { stderr: string }).stderr);
    }
    // the same reason in both: "office.caseload: 5000 is not allowed; expected ..."
    const reason = /office\.caseload: 5000 is not allowed; expected [^\n]*/.exec(cliMessage)?.[0];
    expect(reason).toBeDefined();
    expect(message).toContain(reason!);
    expect(await page.locator('#whatif-run').isDisabled()).toBe(true);
  });
});
