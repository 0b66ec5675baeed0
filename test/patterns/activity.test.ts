import { describe, expect, it } from 'vitest';
import { loadCore, REPLICATIONS, show } from './harness.ts';

// Pattern 5 (F7): activity counted as success. Under standardised allocation the
// gap between activity (participationRate) and employment (employedWeeksShare) is
// larger than under personalised allocation.
describe('pattern 5: activity does not turn into work', async () => {
  const core = await loadCore();
  const s = core.parseScenario(core.SHIPPED['mixed-office']);
  const { result } = core.compare(s, ['personalised', 'standardised'], { replications: REPLICATIONS, agents: 2000 });
  const d = result.difference; // standardised minus personalised

  it('counts more activity (participationRate) under standardised', () => {
    const e = d.participationRate as { mean: number; ci95: [number, number] };
    expect(e.ci95[0], `standardised minus personalised: ${show(e)}`).toBeGreaterThan(0);
  });

  it('has a larger activityEmploymentGap under standardised', () => {
    const e = d.activityEmploymentGap as { mean: number; ci95: [number, number] };
    expect(e.ci95[0], `standardised minus personalised: ${show(e)}`).toBeGreaterThan(0);
  });

  it('does not give more employment under standardised for its activity', () => {
    const e = d.employedWeeksShare as { mean: number; ci95: [number, number] };
    expect(e.mean, `employedWeeksShare, standardised minus personalised: ${show(e)}`).toBeLessThan(0);
  });
});
