import { describe, expect, it } from 'vitest';
import { loadCore, REPLICATIONS, show } from './harness.ts';

// Pattern 5 (F7): activity counted as success. Under standardised allocation the
// office places people in more measures (servicesPerPerson: the starts it counts
// as activity), and the gap between activity (participationRate) and employment
// (employedWeeksShare) is larger than under personalised allocation. Person-weeks
// in measures (participationRate) are not higher under standardised: personalised
// gives fewer but longer services.
describe('pattern 5: activity does not turn into work', async () => {
  const core = await loadCore();
  const s = core.parseScenario(core.SHIPPED['mixed-office']);
  const { result } = core.compare(s, ['personalised', 'standardised'], { replications: REPLICATIONS, agents: 2000 });
  const d = result.difference; // standardised minus personalised

  it('starts more measures per person (activity as the office counts it) under standardised', () => {
    const e = d.servicesPerPerson as { mean: number; ci95: [number, number] };
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
