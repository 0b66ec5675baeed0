import { execFileSync } from 'node:child_process';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compare, runReplicate } from '../sim/ensemble.ts';
import { createModel } from '../sim/model.ts';
import type { Scenario } from '../sim/scenario.ts';
import { buildScenario, group } from './helpers.ts';

/**
 * A small two-group scenario with every parameter explicit (see helpers), with
 * every rule that draws switched on: referrals, monitoring, a budget that
 * binds, temporary jobs, scarring, age, care duties and exits.
 */
const scenario = (): Scenario => buildScenario({
  name: 'det', agents: 300, weeks: 60, seed: 11, personas: 2,
  groups: [
    group({ name: 'natives', share: 0.6, route: 'native', movesAwayPerYear: 0.1, ageMax: 64 }),
    group({ name: 'refugees', share: 0.4, route: 'refugee', facesDiscrimination: true, language: 0.4, foreignEducation: 0.8,
      women: 0.6, careDuties: 0.4, movesAwayPerYear: 0.2,
      entitlements: { unemploymentBenefit: 0, workAssessmentAllowance: 0.2, socialAssistance: 0.3, introductionProgramme: 0.6, qualificationProgramme: 0 } }),
  ],
  office: { advisorsPer1000: 15, caseload: 40, referralChance: 0.25, referralWeight: 2, budgetPerWeekPer1000: 400000 },
  labourMarket: { temporaryShare: 0.3, temporaryJobEnd: 0.05, durationPenalty: 0.3, durationPenaltyWeeks: 30, agePenalty: 0.3 },
  behaviour: {
    selfEfficacySearch: 0.5, monitoringPush: 0.3, sanctionThreat: 1, careSearchCost: 0.3, skillDecay: 0.002, healthExit: 0.02,
    barrierPersists: 0.5, educationExit: 0.01, educationAgeMax: 30,
  },
  policies: { middle: { base: 'personalised', advisorTurnover: 0.1, activityTarget: 0.5 } },
});

describe('determinism', () => {
  it('the same (scenario, policy, seed, replicate) gives identical summaries, counts and journeys', () => {
    const s = scenario();
    for (const policy of ['standardised', 'personalised']) {
      const r1 = runReplicate(s, policy, 1, { seed: 5 });
      const r2 = runReplicate(scenario(), policy, 1, { seed: 5 });
      expect(r2.summary).toEqual(r1.summary);
      expect(Buffer.from(r2.counts.buffer).equals(Buffer.from(r1.counts.buffer))).toBe(true);
      expect(r2.journeys).toEqual(r1.journeys);
      expect(r1.journeys[0].events.length).toBeGreaterThan(0);
      // the new rules are exercised, not only switched on
      expect(r1.summary.all.referralsPerPerson).toBeGreaterThan(0);
      expect(r1.summary.all.movedAwayShare).toBeGreaterThan(0);
    }
  });

  it('different seeds and different replicates give different runs', () => {
    const s = scenario();
    const a = runReplicate(s, 'standardised', 0, { seed: 5 });
    const b = runReplicate(s, 'standardised', 0, { seed: 6 });
    const c = runReplicate(s, 'standardised', 1, { seed: 5 });
    expect(Buffer.from(a.counts.buffer).equals(Buffer.from(b.counts.buffer))).toBe(false);
    expect(Buffer.from(a.counts.buffer).equals(Buffer.from(c.counts.buffer))).toBe(false);
    expect(b.summary.all).not.toEqual(a.summary.all);
    expect(c.summary.all).not.toEqual(a.summary.all);
  });

  it('replicate r is the same alone, in a compare with more replications, and with the policies in another order', () => {
    const s = scenario();
    const alone = runReplicate(s, 'personalised', 2, { seed: 9, weeks: 40 });
    const big = compare(s, ['standardised', 'personalised'], { seed: 9, weeks: 40, replications: 4 }).runs;
    const reversed = compare(s, ['middle', 'personalised', 'standardised'], { seed: 9, weeks: 40, replications: 3 }).runs;
    for (const runs of [big, reversed]) {
      const r = runs.find((x) => x.policy === 'personalised' && x.replicate === 2)!;
      expect(r.summary).toEqual(alone.summary);
      expect(Array.from(r.counts)).toEqual(Array.from(alone.counts));
    }
    const std = (runs: typeof big) => runs.find((x) => x.policy === 'standardised' && x.replicate === 1)!.summary;
    expect(std(reversed)).toEqual(std(big));
  });

  it('compare estimates are the means over the replicates it ran', () => {
    const s = scenario();
    const { result, runs } = compare(s, ['standardised', 'personalised'], { seed: 9, weeks: 30, replications: 3 });
    expect(runs).toHaveLength(6);
    const mean = (p: string) => runs.filter((x) => x.policy === p).reduce((t, x) => t + (x.summary.all.employedShare as number), 0) / 3;
    const est = (p: string) => (result.policies[p].summary.employedShare as { mean: number }).mean;
    expect(est('standardised')).toBeCloseTo(mean('standardised'), 12);
    expect(est('personalised')).toBeCloseTo(mean('personalised'), 12);
    expect((result.difference.employedShare as { mean: number }).mean).toBeCloseTo(mean('personalised') - mean('standardised'), 12);
  });

  it('common random numbers: the population is identical under every policy', () => {
    const s = scenario();
    const std = createModel(s, { policy: 'standardised', replicate: 3 });
    const per = createModel(s, { policy: 'personalised', replicate: 3 });
    const mid = createModel(s, { policy: 'middle', replicate: 3 });
    const other = createModel(s, { policy: 'standardised', replicate: 4 });
    let arrays = 0;
    let differs = false;
    for (const [name, v] of Object.entries(std.agents)) {
      if (!ArrayBuffer.isView(v)) continue;
      arrays++;
      const bytes = (m: typeof std) => Buffer.from((m.agents[name as keyof typeof m.agents] as Uint8Array).buffer);
      expect(bytes(per).equals(bytes(std)), name).toBe(true);
      expect(bytes(mid).equals(bytes(std)), name).toBe(true);
      if (!bytes(other).equals(bytes(std))) differs = true;
    }
    expect(arrays).toBeGreaterThan(30);
    expect(differs).toBe(true); // another replicate is another population
    expect(Array.from(per.keys.base)).toEqual(Array.from(std.keys.base));
    expect(per.knobs).not.toEqual(std.knobs);
  });

  it('a run in a fresh Node process gives the same numbers', () => {
    const s = scenario();
    const here = runReplicate(s, 'personalised', 1, { seed: 5, weeks: 30 });
    const dir = mkdtempSync(join(tmpdir(), 'det-'));
    try {
      const root = resolve(import.meta.dirname, '..');
      const script = join(dir, 'run.ts');
      writeFileSync(join(dir, 'scenario.json'), JSON.stringify(s));
      writeFileSync(script, [
        `import { readFileSync } from 'node:fs';`,
        `import { runReplicate } from ${JSON.stringify(join(root, 'sim/ensemble.ts'))};`,
        `const s = JSON.parse(readFileSync(${JSON.stringify(join(dir, 'scenario.json'))}, 'utf8'));`,
        `const r = runReplicate(s, 'personalised', 1, { seed: 5, weeks: 30 });`,
        `process.stdout.write(JSON.stringify({ summary: r.summary, counts: Array.from(r.counts) }));`,
      ].join('\n'));
      const out = execFileSync(process.execPath, ['--import', 'tsx', script], { cwd: root, encoding: 'utf8', timeout: 60_000 });
      const there = JSON.parse(out) as { summary: unknown; counts: number[] };
      expect(there.summary).toEqual(JSON.parse(JSON.stringify(here.summary)));
      expect(there.counts).toEqual(Array.from(here.counts));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
