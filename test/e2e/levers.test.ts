/**
 * Scenario levers in real headless Chromium (scripts/web.js builds the site,
 * serves it and launches Chromium): change the caseload of mixed-office and
 * run, see the result change and the change listed; a value out of range and
 * People = 0 turn Run off with the message; the search box filters; "Save
 * this scenario" gives a file `pathways compare` runs to the page's numbers;
 * a misspelt link is reported. Screenshots go to test/artifacts/levers-*.png.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { watchProblems } from '../../scripts/web.js';
import { useSite } from './site.ts';

const site = useSite();
const artifacts = join(import.meta.dirname, '..', 'artifacts');
const ROOT = join(import.meta.dirname, '..', '..');


const SMALL = 'scenario=mixed-office&reps=1&agents=400&weeks=52';

async function open(query: string): Promise<{ page: Page; problems: string[] }> {
  const page = await site.browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  const problems = watchProblems(page, site.url);
  await page.goto(`${site.url}?${query}`);
  await settled(page);
  return { page, problems };
}

async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__pathways && !window.__pathways.running && window.__pathways.data !== undefined, undefined, { timeout: 60_000 });
}

const compareOf = (page: Page) => page.evaluate(() => JSON.stringify(window.__pathways.data!.compare));
const lever = (page: Page, path: string) => page.locator(`[data-path="${path}"] input`).first();

async function shot(page: Page, name: string, target?: string): Promise<void> {
  mkdirSync(artifacts, { recursive: true });
  if (target) await page.locator(target).first().evaluate((e) => e.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: join(artifacts, `${name}.png`) });
}

describe('scenario levers in Chromium', () => {
  test('change the caseload, run, see the changed result and the change listed; out of range and People = 0 turn Run off; search filters; save runs on the command line', async () => {
    const { page, problems } = await open(SMALL);
    const before = await compareOf(page);
    // collapsed by default
    expect(await page.locator('#levers-office').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await page.locator('#levers-office > summary').click();
    await lever(page, 'office.caseload').fill('20');
    await expect.poll(() => page.url()).toContain('set=office.caseload:20');
    await expect.poll(() => page.locator('.stale').count()).toBe(1);
    expect(await page.locator('#levers-office > summary').textContent()).toBe('The office (1 changed)');
    await page.locator('#run').click();
    await settled(page);
    const after = await compareOf(page);
    expect(after).not.toBe(before);
    expect(JSON.parse(after).changes['office.caseload']).toBe(20);
    expect(await page.locator('#run-changes li').allTextContents()).toEqual(['Caseload per advisor: 20']);
    await page.locator('#info > summary').click();
    expect(await page.locator('#info .fit-note.changed').textContent()).toMatch(/^These figures are for mixed-office as shipped, without the scenario value changes made here;/);
    await page.locator('#info > summary').click();
    await shot(page, 'levers-changed-1400', '[data-path="office.caseload"]');

    // a value out of range: the CLI's words under the box, and Run off
    await page.locator('#levers-labourMarket > summary').click();
    await lever(page, 'labourMarket.discrimination').fill('1.5');
    const msg = page.locator('[data-path="labourMarket.discrimination"] .lever-problem');
    await expect.poll(() => msg.textContent()).toBe('1.5 is not allowed; expected a number from 0 to 1');
    expect(await page.locator('#run').isDisabled()).toBe(true);
    expect(await page.locator('#save-scenario').isDisabled()).toBe(true);
    await shot(page, 'levers-invalid-1400', '[data-path="labourMarket.discrimination"]');
    await lever(page, 'labourMarket.discrimination').fill('0.2');
    await expect.poll(() => page.locator('#run').isDisabled()).toBe(false);
    expect(await msg.isHidden()).toBe(true);

    // People = 0: the message, and Run off instead of running the last good value
    await page.locator('#agents').fill('0');
    await expect.poll(() => page.locator('#agents-problem').textContent()).toBe('0 is not allowed; expected an integer from 1 to 200000 (people)');
    expect(await page.locator('#run').isDisabled()).toBe(true);
    expect(await page.locator('#run-blocked').textContent()).toBe('Run is off until these values are allowed: People.');
    await shot(page, 'levers-people-0-1400', '#agents');
    await page.locator('#agents').fill('400');
    await expect.poll(() => page.locator('#run').isDisabled()).toBe(false);

    // the search box filters by label and path
    await page.locator('#lever-search').fill('discrim');
    const visible = () => page.locator('#levers .lever:visible').evaluateAll((xs) => xs.map((x) => (x as HTMLElement).dataset.path));
    await expect.poll(visible).toEqual(['labourMarket.discrimination', 'labourMarket.agePenalty']);
    await shot(page, 'levers-search-1400', '#lever-search');
    await page.locator('#lever-search').fill('places');
    await expect.poll(async () => (await visible()).every((p) => p?.endsWith('.slotsPerMonthPer1000'))).toBe(true);
    expect((await visible()).length).toBeGreaterThan(5);
    await page.locator('#lever-search').fill('');

    // the group mix: one share set, the others rescaled
    await page.locator('#levers-groups > summary').click();
    await lever(page, 'groups.refugee.share').fill('0.3');
    await expect.poll(async () => Number(await lever(page, 'groups.youth.share').inputValue())).toBeCloseTo(0.1 * 0.7 / 0.86, 2);
    await shot(page, 'levers-groups-1400', '#levers-groups');

    // run, then save: pathways compare on the saved file prints exactly the page's comparison
    await page.locator('#run').click();
    await settled(page);
    const [file] = await Promise.all([page.waitForEvent('download'), page.locator('#save-scenario').click()]);
    expect(file.suggestedFilename()).toBe('mixed-office-changed.json');
    const path = (await file.path())!;
    const saved = JSON.parse(readFileSync(path, 'utf8'));
    expect(saved).toMatchObject({ extends: 'mixed-office', agents: 400, weeks: 52, replications: 1, office: { caseload: 20 }, labourMarket: { discrimination: 0.2 } });
    const cli = execFileSync(process.execPath, [join(ROOT, 'bin', 'pathways.js'), 'compare', '--scenario', path, '--json'], { encoding: 'utf8', cwd: ROOT });
    expect(JSON.parse(cli)).toEqual(JSON.parse(await compareOf(page)));

    // the link carries only the changes, and opens to the same results
    const again = await site.browser.newPage();
    await again.goto(page.url());
    await settled(again);
    expect(await compareOf(again)).toBe(await compareOf(page));
    await again.close();
    expect(problems).toEqual([]);
    await page.close();
  }, 180_000);

  test('a misspelt lever or knob in a link is reported with a did-you-mean', async () => {
    const { page, problems } = await open(`${SMALL}&b.exploraton=0.5&set=office.casload:40,groups.refuge.share:0.3`);
    expect(await page.locator('#errors .warning li').allTextContents()).toEqual([
      expect.stringMatching(/^link: b\.exploraton: is not a knob \(did you mean b\.exploration\?\)/),
      expect.stringMatching(/^link: set: "office\.casload" is not a scenario value this page sets \(did you mean office\.caseload\?\)/),
      expect.stringMatching(/^link: set: groups\.refuge\.share: "refuge" is not a group of scenario mixed-office \(did you mean refugee\?\)/),
    ]);
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  test('in bokmål', async () => {
    const { page, problems } = await open(`${SMALL}&lang=nb&set=office.caseload:30,services.languageCourse.entry:anyone`);
    await page.locator('#levers-services > summary').click();
    await page.locator('#levers-service-languageCourse > summary').click();
    expect(await page.locator('#levers-services > summary').textContent()).toBe('Tiltak: plasser og inngangsregler (1 endret)');
    expect(await page.locator('#run-changes li').allTextContents()).toEqual(['Hvem som kan delta (Språkkurs): Alle', 'Saksmengde per veileder: 30']);
    await lever(page, 'services.languageCourse.weeks').fill('500');
    await expect.poll(() => page.locator('[data-path="services.languageCourse.weeks"] .lever-problem').textContent()).toBe('500 er ikke tillatt; forventet et heltall fra 1 til 156 (uker)');
    await shot(page, 'levers-nb-1400', '#levers-service-languageCourse');
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);
});
