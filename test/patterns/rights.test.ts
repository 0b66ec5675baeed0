import { describe, expect, it } from 'vitest';
import { loadCore, REPLICATIONS, show } from './harness.ts';

// Pattern 1 (F1, F3, F8): under the standardised policy, people without economic
// rights get fewer services per person and a higher share of their requests
// refused than benefit recipients. Paired by replicate: the two groups of the same run.
describe('pattern 1: rights decide services under standardised allocation', async () => {
  const core = await loadCore();
  const s = core.parseScenario(core.SHIPPED['mixed-office']);
  const runs = Array.from({ length: REPLICATIONS }, (_, r) => core.runReplicate(s, 'standardised', r, { agents: 2000 }));
  const diff = (metric: 'servicesPerPerson' | 'rejectedApplicationShare') =>
    core.estimate(runs.map((x) => (x.summary.withBenefitRights[metric] as number) - (x.summary.withoutBenefitRights[metric] as number)));

  it('gives benefit recipients more services per person', () => {
    const e = diff('servicesPerPerson');
    expect(e.ci95[0], `with minus without rights: ${show(e)}`).toBeGreaterThan(0);
  });

  it('refuses a larger share of requests from people without rights', () => {
    const e = diff('rejectedApplicationShare');
    expect(e.ci95[1], `with minus without rights: ${show(e)}`).toBeLessThan(0);
  });
});
