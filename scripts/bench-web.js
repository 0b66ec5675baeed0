/**
 * `npm run bench:web`: speed of the page in headless Chromium on this machine.
 * Prints figures; asserts nothing (benchmarks are not tests).
 *   1. classroom, both policies, 10 replications (target: under 2 s)
 *   2. mixed-office, 10,000 agents, 260 weeks, both policies, 10 replications (target: under 10 s)
 *   3. the agent animation with 10,000 agents per panel (target: at least 30 frames per second)
 *   4. four arms (a baseline and three variants) in the What if… view: classroom at its defaults (target: under 1 s)
 *      and mixed-office at its defaults
 */
import { cpus } from 'node:os';
import { findChromium } from './chromium.js';
import { startSite } from './web.js';

const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);

process.stderr.write('building the page...\n');
const site = await startSite();
const { browser } = site;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** A baseline and three variants, as the What if… view runs them (viz/whatif-state.ts), in a link. */
const FOUR_ARMS = encodeURIComponent(JSON.stringify({
  baseline: { label: 'as today', policy: 'standardised' },
  variants: [
    { label: 'personalised', policy: 'personalised' },
    { label: 'proactive information', policy: 'standardised', knobs: { proactiveInformation: 0.8 } },
    { label: 'fewer cases', policy: 'standardised', changes: { 'office.caseload': 30 } },
  ],
}));

async function timeArms(query, label) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('pageerror', (e) => process.stderr.write(`page error: ${e.message}\n`));
  const t0 = performance.now();
  await page.goto(`${site.url}?view=whatif&arms=${FOUR_ARMS}&${query}`);
  await page.waitForFunction(() => window.__pathways && !window.__pathways.running && window.__pathways.whatIf, undefined, { timeout: 600_000 });
  const first = performance.now() - t0;
  const times = [];
  for (let k = 0; k < REPEATS; k++) {
    process.stderr.write(`${label}: run ${k + 1}/${REPEATS}\n`);
    times.push(await page.evaluate(() => window.__pathways.runWhatIf()));
  }
  const sizes = await page.evaluate(() => { const r = window.__pathways.whatIf.result; return { agents: r.agents, weeks: r.weeks, replications: r.replications }; });
  await page.close();
  return { times, first, sizes };
}

async function timeRuns(query, label) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('pageerror', (e) => process.stderr.write(`page error: ${e.message}\n`));
  const t0 = performance.now();
  await page.goto(site.url + query);
  await page.waitForFunction(() => window.__pathways && !window.__pathways.running && window.__pathways.data, undefined, { timeout: 300_000 });
  const first = performance.now() - t0;
  const times = [];
  for (let k = 0; k < REPEATS; k++) {
    process.stderr.write(`${label}: run ${k + 1}/${REPEATS}\n`);
    times.push(await page.evaluate(() => window.__pathways.run()));
  }
  const workers = await page.evaluate(() => navigator.hardwareConcurrency);
  return { page, times, workers, first };
}

const rows = [];
const a = await timeRuns('?scenario=classroom&reps=10', 'classroom');
rows.push(['classroom: 300 agents, 156 weeks, 2 policies x 10 replications', a.times, 2000, a.first]);
await a.page.close();
const b = await timeRuns('?scenario=mixed-office&agents=10000&weeks=260&reps=10', 'mixed-office');
rows.push(['mixed-office: 10,000 agents, 260 weeks, 2 policies x 10 replications', b.times, 10000, b.first]);
await b.page.evaluate(() => window.__pathways.set({ view: 'agents' }));
await b.page.waitForFunction(() => window.__pathways.agents() !== undefined);
process.stderr.write('animation: measuring for 5 s\n');
const fps = await b.page.evaluate(() => window.__pathways.agents().measureFps(5000));
const agents = await b.page.evaluate(() => window.__pathways.data.history[0].agents);
await b.page.close();

for (const [name, target] of [['classroom', 1000], ['mixed-office', undefined]]) {
  const r = await timeArms(`scenario=${name}`, `${name}, four arms`);
  rows.push([`${name}: four arms (What if…), ${r.sizes.agents.toLocaleString('en')} agents, ${r.sizes.weeks} weeks, 4 arms x ${r.sizes.replications} replications`, r.times, target, r.first]);
}

console.log(`bench:web — headless Chromium (${findChromium()}), ${cpus().length} cores, ${b.workers} workers; median of ${REPEATS} runs after the first load`);
console.log('');
console.log('| what | median | runs (s) | first load: page, workers and run (s) | target |');
console.log('| --- | --- | --- | --- | --- |');
for (const [what, times, target, first] of rows) {
  const m = median(times);
  const goal = target === undefined ? '' : `< ${target / 1000} s ${Math.max(m, first) < target ? "met" : "NOT met"}`;
  console.log(`| ${what} | ${(m / 1000).toFixed(2)} s | ${times.map((t) => (t / 1000).toFixed(2)).join(', ')} | ${(first / 1000).toFixed(2)} | ${goal} |`);
}
console.log(`| agent animation: ${agents.toLocaleString('en')} agents per panel, 2 panels | ${fps.toFixed(1)} fps | | | >= 30 fps ${fps >= 30 ? 'met' : 'NOT met'} |`);
await site.close();
