/**
 * The Observable notebooks (notebooks/*.html) in real headless Chromium:
 * build the one site (the page, and the notebooks in its folder notebooks/, as
 * `npm run build` does; built once for all the browser tests), serve it locally, open
 * each one, wait until every cell has run, and fail on a cell error (the
 * inspector's `.observablehq--error`), a console error, a page error, a failed
 * request or a request to any other host. Notebooks are found by listing the
 * folder, so a new notebook is tested as soon as it is added. Each bokmål
 * notebook (X.nb.html) is marked lang="nb" and shows no text of its English
 * notebook (numbers aside) but names, numbers and shared words (english-left.ts),
 * and no word of a code cell lacks its bokmål text. The page's footer opens the
 * notebooks in its language. A full-page screenshot of each is saved to
 * test/artifacts/notebook-NAME.png for review.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { cachedSite, NOTEBOOKS_DIR, watchProblems } from '../../scripts/web.js';
import { useSite } from './site.ts';
import { NOTEBOOKS_INDEX, PAGE_FROM_NOTEBOOK, PERSONA_NOTEBOOK } from '../../viz/site-links.ts';
import { isTranslation, sourceOf, translationOf } from '../../notebooks/translation.ts';
import { collect, leftInEnglish, type Found } from './english-left.ts';

declare global {
  interface Window {
    /** Set by the module notebooks/vite.config.ts adds to every notebook. */
    __notebook?: { settled(): Promise<number> };
  }
}

const root = join(import.meta.dirname, '..', '..');
const NOTEBOOKS = readdirSync(join(root, 'notebooks')).filter((f) => f.endsWith('.html')).sort();
const artifacts = join(root, 'test', 'artifacts');

const site = useSite();
/** The notebooks' folder in the served site. */
let notebooks: string;

beforeAll(() => {
  notebooks = `${site.url}${NOTEBOOKS_DIR}/`;
});

/** Open a built notebook, recording every problem; resolves once all its cells have run. */
async function open(file: string): Promise<{ page: Page; problems: string[]; ms: number }> {
  const page = await site.browser.newPage({ viewport: { width: 1200, height: 900 } });
  const problems = watchProblems(page, site.url);
  // a word of a code cell without its bokmål text (notebooks/lib/lang.ts says so on the console)
  page.on('console', (m) => { if (m.type() === 'warning' && m.text().startsWith('no bokmål text')) problems.push(m.text()); });
  const t0 = Date.now();
  await page.goto(notebooks + file);
  await settled(page);
  return { page, problems, ms: Date.now() - t0 };
}

/** Wait until the notebook runtime has run every cell and is idle (resolves to the number of its variables). */
async function settled(page: Page): Promise<number> {
  await page.waitForFunction(() => window.__notebook !== undefined, undefined, { timeout: 30_000 });
  return page.evaluate(() => window.__notebook!.settled());
}

/** Text of every cell the inspector shows as an error. */
const cellErrors = (page: Page) => page.locator('.observablehq--error').allTextContents();

/**
 * What matters most, in either language: Morris indices of every knob, then Sobol indices of the top three, and the
 * page's mu* for mismatched services is the sensitivity module's (what `pathways sensitivity` computes), written in the
 * notebook's language (in bokmål the knob's name as the page's levers show it, the decimal comma, `[lo; hi]`).
 */
async function whatMattersMost(page: Page, lang: 'en' | 'nb'): Promise<void> {
  const tables = page.locator('table.nb-table');
  expect(await tables.count()).toBe(2);
  const { SHIPPED, KNOBS } = await import('../../sim/index.ts');
  const knobs = Object.keys(KNOBS.fields).length;
  expect(await tables.nth(0).locator('tbody tr').count()).toBe(knobs);
  expect(await tables.nth(1).locator('tbody tr').count()).toBe(3);
  const status = (await page.locator('.nb-status').allTextContents()).join(' ');
  // (k + 1) · r points
  if (lang === 'en') {
    expect(status).toMatch(new RegExp(`Morris screening: ${(knobs + 1) * 10} points \\(10 paths × ${knobs + 1}\\)`));
    expect(status).toMatch(/Sobol analysis of .*: 160 points/);
  } else {
    expect(status).toMatch(new RegExp(`Morris-screening: ${(knobs + 1) * 10} punkter \\(10 baner × ${knobs + 1}\\)`));
    expect(status).toMatch(/Sobol-analyse av .*: 160 punkter/);
  }
  // ranked bars, mu*-sigma plots and Sobol charts, two of each
  expect(await page.locator('main figure svg').count()).toBeGreaterThanOrEqual(6);
  const { modelSensitivity } = await import('../../sim/sensitivity/model.ts');
  const vary = Object.entries(KNOBS.fields).map(([k, f]) => `knobs.${k}=${(f as { min: number }).min}:${(f as { max: number }).max}`);
  const m = modelSensitivity({ scenario: SHIPPED.classroom, method: 'morris', policy: 'standardised', vary, metric: 'mismatchedServiceShare', trajectories: 10 });
  const top = m.indices[0];
  const knob = top.factor.replace('knobs.', '');
  const row = await tables.nth(0).locator('tbody tr', { hasText: knob }).textContent();
  const { KNOB_TEXT } = await import('../../viz/knob-text.ts');
  expect(row).toContain(KNOB_TEXT(lang)[knob as keyof ReturnType<typeof KNOB_TEXT>].label);
  const num = (v: number) => (lang === 'nb' ? (v * 100).toFixed(1).replace('.', ',') : (v * 100).toFixed(1));
  const [lo, hi] = top.muStarCi.map(num);
  expect(row).toContain(`${num(top.muStar)} ${lang === 'nb' ? `[${lo}; ${hi}]` : `[${lo}, ${hi}]`}`);
}

/** Further checks for particular notebooks, run on the page the generic test opened. */
const CHECKS: Record<string, (page: Page) => Promise<void>> = {
  'index.html': async (page) => {
    // the index links every other notebook, in its language
    const links = await page.locator('main a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!.replace(/^\.\//, '')));
    expect(links).toEqual(expect.arrayContaining(NOTEBOOKS.filter((f) => f !== 'index.html' && !isTranslation(f))));
  },
  'index.nb.html': async (page) => {
    const links = await page.locator('main a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!.replace(/^\.\//, '')));
    expect(links).toEqual(expect.arrayContaining(NOTEBOOKS.filter((f) => f !== 'index.nb.html' && isTranslation(f))));
  },
  'programme-evaluation.html': async (page) => {
    const rows = page.locator('table.nb-table tbody tr');
    expect(await rows.count()).toBe(6);
    for (const text of await rows.allTextContents()) expect(text).toMatch(/Matches|Partly|Does not match|Unclear|Not tested/);
    expect(await page.locator('table.nb-table tbody').textContent()).toMatch(/pp \[/);
    expect(await page.locator('main svg').count()).toBeGreaterThanOrEqual(4);
  },
  'calibration.html': async (page) => {
    const { SHIPPED_FITS, FIT_NAMES, calibrationRuns, fitGroups } = await import('../../notebooks/lib/calibration.ts');
    const fit = SHIPPED_FITS[FIT_NAMES[0]].result;
    const runs = calibrationRuns();
    // the first shipped fit: a chart per use and unit, and every target in the table of sources, with its verdict in words
    const sources = page.locator('table.nb-table', { hasText: 'sources and translations' });
    const rows = await sources.locator('tbody tr').allTextContents();
    expect(rows).toHaveLength(fit.targets.length);
    for (const [i, text] of rows.entries()) {
      expect(text).toContain(fit.targets[i].id);
      expect(text).toContain(fit.targets[i].withinBand ? 'within the band' : 'outside the band');
    }
    const groups = fitGroups(fit).length;
    if (runs.length === 0) {
      expect(await page.locator('main').textContent()).toContain('No calibration runs are shipped');
      return;
    }
    // then the first run: distance, search, parameters, its own fit; the posterior of an ABC run
    expect(await page.locator('main figure svg, main svg[class^="plot"]').count()).toBeGreaterThanOrEqual(groups + fitGroups(runs[0].fit).length + 3);
    expect(await page.locator('main').textContent()).toContain(`npx pathways calibrate --scenario ${runs[0].fit.scenario}`);
    const parameters = page.locator('table.nb-table', { hasText: `The parameters of ${runs[0].name}` });
    expect(await parameters.locator('tbody tr').count()).toBe(runs[0].fit.calibration.parameters.length);
    if (runs.some((r) => r.posterior)) expect(await page.locator('table.nb-table', { hasText: 'The generations of' }).count()).toBe(1);
  },
  'calibration.nb.html': async (page) => {
    const { SHIPPED_FITS, FIT_NAMES, calibrationRuns } = await import('../../notebooks/lib/calibration.ts');
    const { SHIPPED_TARGETS } = await import('../../scenarios/targets/index.ts');
    const fit = SHIPPED_FITS[FIT_NAMES[0]].result;
    const file = SHIPPED_TARGETS[fit.scenario] as { targets: { id: string; statementNb?: string }[] };
    // the same table in bokmål: every target with its verdict in words and the target file's bokmål statement
    const rows = await page.locator('table.nb-table', { hasText: 'kilder og oversettelser' }).locator('tbody tr').allTextContents();
    expect(rows).toHaveLength(fit.targets.length);
    for (const [i, text] of rows.entries()) {
      expect(text).toContain(fit.targets[i].withinBand ? 'innenfor spennet' : 'utenfor spennet');
      const nb = file.targets.find((x) => x.id === fit.targets[i].id)?.statementNb;
      if (nb) expect(text).toContain(nb);
    }
    const runs = calibrationRuns();
    if (runs.length) expect(await page.locator('table.nb-table', { hasText: `Parameterne i ${runs[0].name}` }).locator('tbody tr').count()).toBe(runs[0].fit.calibration.parameters.length);
    if (runs.some((r) => r.posterior)) expect(await page.locator('table.nb-table', { hasText: 'Generasjonene i' }).count()).toBe(1);
  },
  'persona-journeys.html': async (page) => {
    expect(await page.locator('.nb-events').count()).toBe(2);
  },
  'testing-findings.html': async (page) => {
    const { SHIPPED_HYPOTHESES, parseHypothesis, parseScenario, runHypothesis, SHIPPED } = await import('../../sim/index.ts');
    const names = Object.keys(SHIPPED_HYPOTHESES);
    // every shipped hypothesis in the results table and in "what would change the verdict", each with a verdict
    const tables = page.locator('table.nb-table');
    expect(await tables.count()).toBe(2);
    for (const t of [0, 1]) {
      const rows = tables.nth(t).locator('tbody tr');
      expect(await rows.count()).toBe(names.length);
      for (const [i, text] of (await rows.allTextContents()).entries()) {
        expect(text).toContain(names[i]);
        expect(text).toMatch(/supported|contradicted|inconclusive/);
      }
    }
    // the chart of effects, and the default is the quick size
    expect(await page.locator('main figure svg').count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator('.nb-status').textContent()).toMatch(/Ran the \d+ shipped hypotheses .* at the quick size/);
    // the page's verdict and effect are runHypothesis's at the quick size (8 replications of 800 people), here for a cheap one
    const raw = parseHypothesis(SHIPPED_HYPOTHESES['lock-in-year1']);
    const r = runHypothesis({ ...raw, agents: 800 }, parseScenario(SHIPPED[raw.scenario]), { replications: 8 });
    const row = await tables.nth(0).locator('tbody tr', { hasText: 'lock-in-year1' }).textContent();
    expect(row).toContain(r.verdict);
    expect(row).toContain(`${(r.effect.mean * 100).toFixed(1).replace('-', '−')} pp`);
  },
  'testing-findings.nb.html': async (page) => {
    const { SHIPPED_HYPOTHESES, parseHypothesis, parseScenario, runHypothesis, SHIPPED } = await import('../../sim/index.ts');
    const { VERDICT_WORDS } = await import('../../sim/hypothesis.ts');
    const names = Object.keys(SHIPPED_HYPOTHESES);
    // the same tables in bokmål: every hypothesis with its verdict in bokmål (sim/verdict.ts's words), none in English
    const tables = page.locator('table.nb-table');
    expect(await tables.count()).toBe(2);
    for (const t of [0, 1]) {
      const rows = tables.nth(t).locator('tbody tr');
      expect(await rows.count()).toBe(names.length);
      for (const [i, text] of (await rows.allTextContents()).entries()) {
        expect(text).toContain(names[i]);
        expect(text).toMatch(new RegExp(Object.values(VERDICT_WORDS.nb).join('|')));
        expect(text).not.toMatch(/\b(supported|contradicted|inconclusive|people|weeks)\b/);
      }
    }
    expect(await page.locator('.nb-status').textContent()).toMatch(/Kjørte de \d+ medfølgende hypotesene .* i rask størrelse/);
    // the verdict and effect of runHypothesis at the quick size, the effect with a decimal comma
    const raw = parseHypothesis(SHIPPED_HYPOTHESES['lock-in-year1']);
    const r = runHypothesis({ ...raw, agents: 800 }, parseScenario(SHIPPED[raw.scenario]), { replications: 8 });
    const row = await tables.nth(0).locator('tbody tr', { hasText: 'lock-in-year1' }).textContent();
    expect(row).toContain(VERDICT_WORDS.nb[r.verdict]);
    expect(row).toContain(`${(r.effect.mean * 100).toFixed(1).replace('-', '−').replace('.', ',')} pp`);
  },
  'what-matters-most.html': (page) => whatMattersMost(page, 'en'),
  'what-matters-most.nb.html': (page) => whatMattersMost(page, 'nb'),
};

test('there are notebooks to test', () => {
  expect(NOTEBOOKS.length).toBeGreaterThan(0);
});

/** The texts of each English notebook, read by its test, for its translation's test (which runs after it: X.html sorts before X.nb.html). */
const ENGLISH_TEXTS = new Map<string, Found[]>();

describe('every notebook runs in Chromium without errors, and in bokmål shows no English', () => {
  for (const file of NOTEBOOKS) {
    test(file, async () => {
      const { page, problems, ms } = await open(file);
      const status = await page.locator('.nb-status').allTextContents();
      console.log(`${file}: all cells ran ${(ms / 1000).toFixed(1)} s after opening. ${status.join(' ')}`);
      expect(await cellErrors(page)).toEqual([]);
      expect(problems).toEqual([]);
      expect(await page.locator('main .observablehq--cell').count()).toBeGreaterThan(0);
      // a long computation's status line ends as done, not stuck
      for (const s of status) expect(s).not.toMatch(/…$/);
      await CHECKS[file]?.(page);
      expect((await page.title()).trim()).not.toBe('');
      expect(await page.locator('main h1').count()).toBe(1);
      // the header links the page first (in English, and in bokmål), but for the index the notebooks' index, then the other language
      const header = await page.locator('#cell-1 .nb-site a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      const index = file === 'index.html' || file === 'index.nb.html';
      if (isTranslation(file)) {
        expect(await page.evaluate(() => document.documentElement.lang)).toBe('nb');
        expect(header).toEqual([`${PAGE_FROM_NOTEBOOK}?lang=nb`, ...(index ? [] : ['./index.nb.html']), `./${sourceOf(file)}`]);
        // no English left: no text of the English notebook (numbers aside) but names, numbers and shared words
        const en = ENGLISH_TEXTS.get(sourceOf(file)) ?? await (async () => {
          const other = await open(sourceOf(file));
          const found = await collect(other.page);
          await other.page.close();
          return found;
        })();
        expect(leftInEnglish(en, await collect(page)), `English left in ${file}`).toEqual([]);
      } else {
        expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
        expect(header).toEqual([PAGE_FROM_NOTEBOOK, `${PAGE_FROM_NOTEBOOK}?lang=nb`, ...(index ? [] : ['./index.html']), `./${translationOf(file)}`]);
        ENGLISH_TEXTS.set(file, await collect(page));
      }
      mkdirSync(artifacts, { recursive: true });
      await page.screenshot({ path: join(artifacts, `notebook-${file.replace(/\.html$/, '')}.png`), fullPage: true });
      await page.close();
    });
  }
});

describe('one site: the page and the notebooks', () => {
  test('the built site has the page, every notebook and the linked files, with relative paths only', async () => {
    const dir = await cachedSite();
    for (const f of ['index.html', NOTEBOOKS_INDEX, PERSONA_NOTEBOOK, ...NOTEBOOKS.map((n) => `${NOTEBOOKS_DIR}/${n}`)]) expect(existsSync(join(dir, f)), f).toBe(true);
    expect([NOTEBOOKS_INDEX, PERSONA_NOTEBOOK]).toEqual(['notebooks/index.html', 'notebooks/persona-journeys.html']);
    for (const f of ['index.html', ...NOTEBOOKS.map((n) => `${NOTEBOOKS_DIR}/${n}`)]) {
      // no root-relative or absolute address: the site works from any folder
      expect(readFileSync(join(dir, f), 'utf8').match(/(?:src|href)="(?:\/|https?:)[^"]*"/g), f).toBeNull();
    }
  });

  // a link followed: the new page is there (its readiness is waited for next, with its own time: a busy machine loads slowly)
  const COMMITTED = { waitUntil: 'commit' as const };

  test('the page’s footer opens the notebooks, and a notebook’s header returns to the page, in either language', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1200, height: 900 } });
    const problems = watchProblems(page, site.url);
    const pageReady = () => page.waitForFunction(() => window.__pathways && !window.__pathways.running && window.__pathways.data !== undefined, undefined, { timeout: 60_000 });
    await page.goto(site.url);
    await pageReady();
    const footer = page.locator('footer nav a');
    expect(await footer.allTextContents()).toEqual(['Notebooks for teaching and research', 'Notebook: one person’s journey']);
    await page.locator(`footer a[href="${NOTEBOOKS_INDEX}"]`).click();
    await page.waitForURL(site.url + NOTEBOOKS_INDEX, COMMITTED);
    await settled(page);
    expect(await page.locator('main h1').textContent()).toBe('Notebooks');
    await page.locator('main a[href="./persona-journeys.html"]').click();
    await page.waitForURL(site.url + PERSONA_NOTEBOOK, COMMITTED);
    await settled(page);
    expect(await page.locator('main h1').textContent()).toBe('One person’s journey');
    expect(await cellErrors(page)).toEqual([]);
    // back to the page, in English
    await page.locator(`#cell-1 .nb-site a[href="${PAGE_FROM_NOTEBOOK}"]`).click();
    await page.waitForURL(`${site.url}index.html`, COMMITTED);
    await pageReady();
    expect(await page.locator('#lang').inputValue()).toBe('en');
    expect(await page.locator(`footer a[href="${PERSONA_NOTEBOOK}"]`).textContent()).toBe('Notebook: one person’s journey');
    // the footer's second link, and from there the page in Norwegian
    await page.locator(`footer a[href="${PERSONA_NOTEBOOK}"]`).click();
    await page.waitForURL(site.url + PERSONA_NOTEBOOK, COMMITTED);
    await settled(page);
    await page.locator(`#cell-1 .nb-site a[href="${PAGE_FROM_NOTEBOOK}?lang=nb"]`).click();
    await page.waitForURL(`${site.url}index.html?lang=nb`, COMMITTED);
    await pageReady();
    expect(await page.locator('#lang').inputValue()).toBe('nb');
    expect(await footer.allTextContents()).toEqual(['Notatbøker for undervisning og forskning', 'Notatbok: én persons vei']);
    // in bokmål the footer opens the notebooks in bokmål, and they return to the page in bokmål
    expect(await footer.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([translationOf(NOTEBOOKS_INDEX), translationOf(PERSONA_NOTEBOOK)]);
    await page.locator(`footer a[href="${translationOf(PERSONA_NOTEBOOK)}"]`).click();
    await page.waitForURL(site.url + translationOf(PERSONA_NOTEBOOK), COMMITTED);
    await settled(page);
    expect(await page.locator('main h1').textContent()).toBe('Én persons vei');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nb');
    await page.locator(`#cell-1 .nb-site a[href="${PAGE_FROM_NOTEBOOK}?lang=nb"]`).click();
    await page.waitForURL(`${site.url}index.html?lang=nb`, COMMITTED);
    await pageReady();
    expect(await page.locator('#lang').inputValue()).toBe('nb');
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('interactions', () => {
  test('what-matters-most: a window near personalised, no Sobol, and the one-at-a-time curves', async () => {
    const { page, problems } = await open('what-matters-most.html');
    await page.getByRole('combobox', { name: 'Baseline policy', exact: true }).selectOption({ label: 'personalised' });
    await settled(page);
    await page.getByRole('combobox', { name: 'Each knob moves', exact: true }).selectOption({ index: 1 });
    await settled(page);
    // the windows are 40% of each range around personalised's knobs, e.g. levelMatching 0.9 → 0.6–1
    const morrisRows = page.locator('table.nb-table').nth(0).locator('tbody tr');
    expect(await morrisRows.filter({ hasText: 'levelMatching' }).textContent()).toContain('0.6–1');
    await page.getByRole('combobox', { name: 'Top three for', exact: true }).selectOption({ index: 2 });
    await settled(page);
    expect(await page.locator('table.nb-table').count()).toBe(1);
    expect(await page.locator('main').textContent()).toContain('The Sobol analysis is skipped');
    await page.getByRole('combobox', { name: 'One at a time', exact: true }).selectOption({ index: 1 });
    await settled(page);
    expect(await page.locator('main figure', { hasText: 'one at a time' }).count()).toBe(2);
    for (const s of await page.locator('.nb-status').allTextContents()) expect(s).not.toMatch(/…$/);
    expect(await cellErrors(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  test('calibration: another scenario and an ABC run', async () => {
    const { page, problems } = await open('calibration.html');
    const { SHIPPED_FITS, FIT_NAMES, calibrationRuns } = await import('../../notebooks/lib/calibration.ts');
    const name = FIT_NAMES[FIT_NAMES.length - 1];
    await page.getByRole('combobox', { name: 'Scenario', exact: true }).selectOption({ index: FIT_NAMES.length - 1 });
    await settled(page);
    const sources = page.locator('table.nb-table', { hasText: `The targets of ${name}` });
    expect(await sources.locator('tbody tr').count()).toBe(SHIPPED_FITS[name].result.targets.length);
    const runs = calibrationRuns();
    const k = runs.findIndex((r) => r.posterior);
    if (k >= 0) {
      await page.getByRole('combobox', { name: 'Calibration', exact: true }).selectOption({ index: k });
      await settled(page);
      const parameters = page.locator('table.nb-table', { hasText: `The parameters of ${runs[k].name}` });
      expect(await parameters.locator('thead').textContent()).toContain('Posterior mean');
      expect(await page.locator('main').textContent()).toContain(`From the run ${runs[k].name}:`);
    }
    expect(await cellErrors(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  test('persona-journeys in bokmål: every office, with its every event, shows no English', async () => {
    // the same choices in each language: each office (its first person), with the list of every event
    const read = async (file: string) => {
      const { page, problems } = await open(file);
      const office = page.locator('#cell-3 select');
      const found: Found[] = [];
      for (const value of await office.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))) {
        await office.selectOption(value);
        await settled(page);
        await page.locator('#cell-12 select').selectOption({ index: 1 });
        await settled(page);
        found.push(...await collect(page));
      }
      expect(await cellErrors(page)).toEqual([]);
      expect(problems).toEqual([]);
      await page.close();
      return found;
    };
    const en = await read('persona-journeys.html');
    const nb = await read('persona-journeys.nb.html');
    expect(en.length).toBeGreaterThan(100);
    expect(leftInEnglish(en, nb)).toEqual([]);
  });

  test('persona-journeys: another person, office and luck redraw the journeys with the model’s own event texts', async () => {
    const { page, problems } = await open('persona-journeys.html');
    const { eventText, parseScenario, runReplicate, SHIPPED } = await import('../../sim/index.ts');
    const person = page.getByRole('combobox', { name: 'Person', exact: true });
    await person.selectOption({ label: (await person.locator('option', { hasText: 'Jonas' }).textContent())! });
    await settled(page);
    expect(await page.locator('main h2', { hasText: /^Jonas$/ }).count()).toBe(1);
    const classroom = parseScenario(SHIPPED.classroom);
    const jonas = classroom.personas.findIndex((p) => p.name === 'Jonas');
    const lists = page.locator('.nb-events');
    expect(await lists.count()).toBe(2);
    for (const [k, policy] of (['standardised', 'personalised'] as const).entries()) {
      const events = runReplicate(classroom, policy, 0, { historyAgents: classroom.personas.length }).journeys[jonas].events;
      const shown = await lists.nth(k).locator('li').allTextContents();
      expect(shown.length).toBeGreaterThan(1);
      expect(shown[0]).toContain(eventText(events[0], classroom, 'en'));
    }
    await page.getByRole('combobox', { name: 'List', exact: true }).selectOption({ index: 1 });
    await settled(page);
    expect(await lists.nth(0).locator('li').count()).toBeGreaterThan(5);

    await page.getByRole('combobox', { name: 'Office', exact: true }).selectOption({ label: (await page.getByRole('combobox', { name: 'Office', exact: true }).locator('option', { hasText: 'vulnerable-youth' }).textContent())! });
    await settled(page);
    const headings = await page.locator('.nb-columns h3').allTextContents();
    expect(headings.join(' | ')).toMatch(/Changing advisors.*\|.*same helper/i);
    await page.getByRole('combobox', { name: 'Luck', exact: true }).selectOption({ index: 2 });
    await settled(page);
    expect(await page.locator('main figure svg').count()).toBeGreaterThan(0);
    expect(await cellErrors(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });
});
