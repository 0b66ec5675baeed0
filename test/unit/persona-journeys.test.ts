/** notebooks/lib/journeys.ts: the persona notebook's summary counts the events' fields, not their sentences. */
import { describe, expect, it } from 'vitest';
import { ENTITLEMENT_NAMES } from '../../sim/constants.ts';
import { eventText, rightsText } from '../../sim/journey-text.ts';
import { journeysOf, rightsAtRegistration, runPersonas } from '../../notebooks/lib/journeys.ts';

describe('persona journeys (notebook)', () => {
  const runs = runPersonas('classroom');
  const all = runs.scenario.personas.flatMap((p) => journeysOf(runs, p.name).map((j) => ({ p, j })));

  it('counts mismatched starts by the fit field, and each event carries its English sentence', () => {
    let mismatched = 0;
    for (const { j } of all) {
      const started = j.events.filter((e) => e.kind === 'started');
      expect(j.summary.servicesStarted).toBe(started.length);
      expect(j.summary.mismatched).toBe(started.filter((e) => e.kind === 'started' && e.fit === false).length);
      mismatched += j.summary.mismatched;
      for (const e of j.events) expect(e.sentence).toBe(eventText(e, runs.scenario, 'en'));
    }
    expect(mismatched, 'some persona starts a service at a level that does not fit').toBeGreaterThan(0);
  });

  it('reads the rights at registration from the record', () => {
    for (const { p, j } of all) expect(rightsAtRegistration(j)).toBe(rightsText(ENTITLEMENT_NAMES.filter((e) => p.entitlements.includes(e)), 'en'));
  });
});
