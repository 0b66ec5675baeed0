// `npm run whatif`: the what-if figures of the shipped scenarios, as a policy maker would ask them, paired with
// common random numbers (replicate r of A and of B share their people and their luck). Prints one line per
// question: B − A with its 95 % interval, and A's level. Not a test: it asserts nothing; test/statics/ does.
// Usage: node bench/whatif.js [--replications 12] [--agents 2000]
import { pathToFileURL } from 'node:url';
import { ensureBundle } from '../scripts/bundle.js';

const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? Number(process.argv[i + 1]) : def;
};
const REPS = arg('replications', 12), N = arg('agents', 2000);
const core = await import(pathToFileURL(await ensureBundle('sim/index.ts', 'dist/sim.mjs')).href);

const clone = (x) => JSON.parse(JSON.stringify(x));
const fmt = (e, k) => `${(e.mean * k).toFixed(2)} [${(e.ci95[0] * k).toFixed(2)}, ${(e.ci95[1] * k).toFixed(2)}]`;
const cache = new Map();
/** The summaries of REPS replicates (memoised by scenario text, policy and size). */
function runs(raw, policy, agents = N) {
  const key = `${JSON.stringify(raw)}|${policy}|${agents}`;
  if (!cache.has(key)) {
    const s = core.parseScenario(raw);
    cache.set(key, Array.from({ length: REPS }, (_, r) => core.runReplicate(s, policy, r, { agents }).summary));
  }
  return cache.get(key);
}
const value = (sum, g, k, y) => (y === undefined ? sum[g][k] : sum[g][k][y]);
const metric = (k, y) => `${k}${y === undefined ? '' : `[year ${y + 1}]`}`;
/** B − A, paired by replicate; `scale` 100 prints shares in percentage points. */
function diff(label, [rawA, polA], [rawB, polB], g, k, y, scale = 100) {
  const A = runs(rawA, polA), B = runs(rawB, polB);
  const d = core.estimate(A.map((a, r) => value(B[r], g, k, y) - value(a, g, k, y)));
  const level = core.estimate(A.map((a) => value(a, g, k, y)));
  console.log(`${label.padEnd(52)} ${metric(k, y)} (${g}): B − A = ${fmt(d, scale)}   A = ${(level.mean * scale).toFixed(2)}`);
}
function level(label, raw, pol, g, k, y) {
  const e = core.estimate(runs(raw, pol).map((a) => value(a, g, k, y)));
  console.log(`${label.padEnd(52)} ${metric(k, y)} (${g}) = ${fmt(e, 1)}`);
}
const withPart = (raw, part, o) => { const s = clone(raw); s[part] = { ...(s[part] ?? {}), ...o }; return s; };
const withServices = (raw, f) => { const s = clone(raw); s.services = clone(core.parseScenario(raw).services).map(f); return s; };
const withPolicy = (raw, name, o) => { const s = clone(raw); s.policies = { ...(s.policies ?? {}), [name]: o }; return s; };
const MO = core.SHIPPED['mixed-office'], VY = core.SHIPPED['vulnerable-youth'], CL = core.SHIPPED.classroom;
const defaults = core.parseScenario(MO);

console.log(`what-ifs: ${REPS} paired replications of ${N} agents, 260 weeks; shares in percentage points`);
console.log('\nAdvisors');
for (const p of ['standardised', 'personalised']) {
  const more = withPart(MO, 'office', { advisorsPer1000: defaults.office.advisorsPer1000 * 4 });
  diff(`four times the advisors, ${p}`, [MO, p], [more, p], 'all', 'employedWeeksShare');
  diff(`four times the advisors, ${p}`, [MO, p], [more, p], 'all', 'medianWeeksToFirstJob', undefined, 1);
  diff(`twice the advisors at half the caseload, ${p}`, [MO, p], [withPart(MO, 'office', { advisorsPer1000: defaults.office.advisorsPer1000 * 2, caseload: defaults.office.caseload / 2 }), p], 'all', 'employedWeeksShare');
}
diff('four times the meeting hours, standardised', [MO, 'standardised'], [withPolicy(MO, 'm4', { base: 'standardised', meetingIntensity: 4 }), 'm4'], 'all', 'employedWeeksShare');
diff('no advisors (advisorsPer1000: 0), standardised', [MO, 'standardised'], [withPart(MO, 'office', { advisorsPer1000: 0 }), 'standardised'], 'all', 'employedWeeksShare');

console.log('\nLabour demand');
const vac = defaults.labourMarket.vacanciesPer1000;
diff('twice the vacancies, standardised', [MO, 'standardised'], [withPart(MO, 'labourMarket', { vacanciesPer1000: vac.map((v) => v * 2) }), 'standardised'], 'all', 'employedWeeksShare');
diff('half the vacancies, standardised', [MO, 'standardised'], [withPart(MO, 'labourMarket', { vacanciesPer1000: vac.map((v) => v / 2) }), 'standardised'], 'all', 'employedWeeksShare');

console.log('\nLong-run levels');
for (const p of ['standardised', 'personalised']) level(`refugees, ${p}`, MO, p, 'refugee', 'employedShareByYear', 0);
for (const p of ['standardised', 'personalised']) level(`refugees, ${p}`, MO, p, 'refugee', 'employedShareByYear', 4);
for (const p of ['rotating-advisors', 'same-advisor']) level(`young people, ${p}`, VY, p, 'youth', 'employedShareByYear', 4);

console.log('\nLock-in');
const noPlaces = withServices(MO, (x) => ({ ...x, slotsPerMonthPer1000: 0 }));
diff('no places in any service: personalised vs standardised', [noPlaces, 'standardised'], [noPlaces, 'personalised'], 'all', 'employedShareByYear', 0);
diff('no places in any service: personalised vs standardised', [noPlaces, 'standardised'], [noPlaces, 'personalised'], 'all', 'medianWeeksToFirstJob', undefined, 1);
diff('shipped places: personalised vs standardised', [MO, 'standardised'], [MO, 'personalised'], 'all', 'employedShareByYear', 0);

console.log('\nInformation (F2)');
diff('personalised vs standardised', [MO, 'standardised'], [MO, 'personalised'], 'all', 'servicesFoundByChanceShare');

console.log('\nCareer guidance opened to labour and EU immigrants (long services per 100 people)');
const opened = withServices(MO, (x) => (x.id === 'careerGuidance' ? { ...x, entry: [...x.entry, 'labourImmigrant', 'euEea'] } : x));
for (const p of ['standardised', 'personalised']) {
  const A = runs(MO, p), B = runs(opened, p);
  const perPerson = (x, g) => x[g].longTermServiceShare * x[g].servicesPerPerson;
  for (const g of ['labour-immigrant', 'eu-citizen']) {
    const e = core.estimate(A.map((a, r) => perPerson(B[r], g) - perPerson(a, g)));
    console.log(`${`opened, ${p}, ${g}`.padEnd(52)} long services per 100: B − A = ${fmt(e, 100)}`);
  }
}

console.log('\nPeers (F13) and recognition (F14), young people at year 5');
for (const p of ['rotating-advisors', 'same-advisor']) {
  diff(`peer work groups off → on, ${p}`, [withPart(VY, 'behaviour', { peerSupport: 0, attendancePressure: 0 }), p], [VY, p], 'youth', 'employedShare');
}
diff('recognition off → on, same-advisor', [withPart(VY, 'behaviour', { recognition: 0 }), 'same-advisor'], [VY, 'same-advisor'], 'youth', 'employedShare');

console.log('\nSize: classroom at 300 and 5,000 agents, standardised');
for (const [n, reps] of [[300, 40], [5000, 4]]) {
  const s = core.parseScenario(CL);
  const A = Array.from({ length: reps }, (_, r) => core.runReplicate(s, 'standardised', r, { agents: n }).summary);
  for (const k of ['rejectedApplicationShare', 'longTermServiceShare', 'employedWeeksShare']) {
    console.log(`${`${n} agents, ${reps} replications`.padEnd(52)} ${k} = ${fmt(core.estimate(A.map((a) => a.all[k])), 100)}`);
  }
}

console.log('\nNo meeting time at all');
const noTime = (t) => withPolicy(withPart(MO, 'office', { hoursPerWeek: 0 }), 't', { base: 'standardised', advisorTurnover: t });
diff('advisor turnover 0 → 0.5', [noTime(0), 't'], [noTime(0.5), 't'], 'all', 'employedWeeksShare');
