import { describe, expect, it } from 'vitest';
import { loadCore, REPLICATIONS, show } from './harness.ts';

// Pattern 3 (Card, Kluve & Weber 2010, 2018): among people who enter a long
// service in their first year under personalised allocation, employment is lower
// in year 1 (lock-in) and higher by year 3 than for the same people under
// standardised allocation; overqualification differs little, since it comes
// from the labour market, not the office (F9; docs/MODEL.md, pattern 3).
describe('pattern 3: lock-in, then gain', async () => {
  const core = await loadCore();
  const { EMPLOYED } = core.constants;
  const s = core.parseScenario(core.SHIPPED['mixed-office']);
  const year1: number[] = [], year3: number[] = [], overqualified: number[] = [];
  for (let r = 0; r < REPLICATIONS; r++) {
    const pers = core.createModel(s, { policy: 'personalised', replicate: r, agents: 2000 });
    const std = core.createModel(s, { policy: 'standardised', replicate: r, agents: 2000 });
    let cohort: number[] = [];
    const employedAt: Record<string, number> = {};
    for (let w = 0; w < s.weeks; w++) {
      core.step(pers);
      core.step(std);
      if (w === 51) cohort = Array.from(pers.agents.longStarted.keys()).filter((i) => pers.agents.longStarted[i] > 0);
      if (w === 51 || w === 155) {
        const share = (m: typeof pers) => cohort.filter((i) => m.agents.state[i] === EMPLOYED).length / cohort.length;
        employedAt[`pers${w}`] = share(pers);
        employedAt[`std${w}`] = share(std);
      }
    }
    year1.push(employedAt.pers51 - employedAt.std51);
    year3.push(employedAt.pers155 - employedAt.std155);
    overqualified.push((core.summarise(pers).all.overqualifiedShare as number) - (core.summarise(std).all.overqualifiedShare as number));
  }

  it('has lower employment in year 1 among long-service entrants (lock-in)', () => {
    const e = core.estimate(year1);
    expect(e.ci95[1], `personalised minus standardised, year 1: ${show(e)}`).toBeLessThan(0);
  });

  it('has higher employment by year 3 among long-service entrants', () => {
    const e = core.estimate(year3);
    expect(e.ci95[0], `personalised minus standardised, year 3: ${show(e)}`).toBeGreaterThan(0);
  });

  /** Largest difference in overqualifiedShare that counts as little: 2 percentage points. */
  const LITTLE = 0.02;
  it('has about the same overqualifiedShare (within 2 percentage points)', () => {
    const e = core.estimate(overqualified);
    expect(e.ci95[0], `personalised minus standardised: ${show(e)}`).toBeGreaterThan(-LITTLE);
    expect(e.ci95[1], `personalised minus standardised: ${show(e)}`).toBeLessThan(LITTLE);
  });
});
