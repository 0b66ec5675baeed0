import { describe, expect, it } from 'vitest';
import { loadCore, REPLICATIONS, show } from './harness.ts';

// Pattern 4 (F11): in vulnerable-youth, keeping the same advisor with follow-up
// raises attendance and employment compared with rotating advisors.
describe('pattern 4: the same helper over time', async () => {
  const core = await loadCore();
  const s = core.parseScenario(core.SHIPPED['vulnerable-youth']);
  const { result } = core.compare(s, ['rotating-advisors', 'same-advisor'], { replications: REPLICATIONS });
  const d = result.difference; // same-advisor minus rotating-advisors

  it('raises attendance', () => {
    const e = d.attendanceRate as { mean: number; ci95: [number, number] };
    expect(e.ci95[0], `same minus rotating: ${show(e)}`).toBeGreaterThan(0);
  });

  it('raises employment', () => {
    const e = d.employedShare as { mean: number; ci95: [number, number] };
    expect(e.ci95[0], `same minus rotating: ${show(e)}`).toBeGreaterThan(0);
  });
});
