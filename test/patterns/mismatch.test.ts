import { describe, expect, it } from 'vitest';
import { loadCore, REPLICATIONS, show } from './harness.ts';

// Pattern 2 (F4, F5): standardised allocation gives more services at a level that
// does not fit and fewer long services than personalised allocation (same people,
// common random numbers).
describe('pattern 2: short, mismatched services under standardised allocation', async () => {
  const core = await loadCore();
  const s = core.parseScenario(core.SHIPPED['mixed-office']);
  const { result } = core.compare(s, ['standardised', 'personalised'], { replications: REPLICATIONS, agents: 2000 });
  const d = result.difference; // personalised minus standardised

  it('has a higher mismatchedServiceShare under standardised', () => {
    const e = d.mismatchedServiceShare as { mean: number; ci95: [number, number] };
    expect(e.ci95[1], `personalised minus standardised: ${show(e)}`).toBeLessThan(0);
  });

  it('has a lower longTermServiceShare under standardised', () => {
    const e = d.longTermServiceShare as { mean: number; ci95: [number, number] };
    expect(e.ci95[0], `personalised minus standardised: ${show(e)}`).toBeGreaterThan(0);
  });
});
