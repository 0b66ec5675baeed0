import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../sim/schema/dsl.ts';
import { KNOBS, PERSONALISED, STANDARDISED } from '../../sim/schema/scenario.ts';
import { policyNames, resolvePolicy } from '../../sim/scenario.ts';
import { buildScenario } from '../helpers.ts';

const KNOB_NAMES = Object.keys(KNOBS.fields).sort();

describe('resolvePolicy', () => {
  it('the presets give every knob, as the preset values', () => {
    const s = buildScenario();
    expect(resolvePolicy(s, 'standardised')).toEqual(STANDARDISED);
    expect(resolvePolicy(s, 'personalised')).toEqual(PERSONALISED);
    expect(Object.keys(resolvePolicy(s, 'standardised')).sort()).toEqual(KNOB_NAMES);
    expect(Object.keys(resolvePolicy(s, 'personalised')).sort()).toEqual(KNOB_NAMES);
  });

  it('returns a copy: changing it does not change the preset', () => {
    const s = buildScenario();
    const k = resolvePolicy(s, 'standardised');
    const before = STANDARDISED.followUp;
    k.followUp = before === 0.5 ? 0.25 : 0.5;
    expect(STANDARDISED.followUp).toBe(before);
    expect(resolvePolicy(s, 'standardised').followUp).toBe(before);
  });

  it('a named policy without a base starts from standardised', () => {
    const s = buildScenario({ policies: { cheap: { meetingIntensity: 0.5 } } });
    expect(resolvePolicy(s, 'cheap')).toEqual({ ...STANDARDISED, meetingIntensity: 0.5 });
  });

  it('a scenario may redefine a preset: unchanged knobs come from that preset', () => {
    const s = buildScenario({ policies: { personalised: { followUp: 0.125 } } });
    expect(resolvePolicy(s, 'personalised')).toEqual({ ...PERSONALISED, followUp: 0.125 });
    expect(resolvePolicy(s, 'standardised')).toEqual(STANDARDISED);
  });

  it('follows chains of bases, the later policy overriding the earlier', () => {
    const s = buildScenario({
      policies: {
        a: { base: 'personalised', exploration: 0.3, followUp: 0.2 },
        b: { base: 'a', followUp: 0, label: 'B' },
        c: { base: 'b', activityTarget: 0.75 },
      },
    });
    expect(resolvePolicy(s, 'a')).toEqual({ ...PERSONALISED, exploration: 0.3, followUp: 0.2 });
    expect(resolvePolicy(s, 'b')).toEqual({ ...PERSONALISED, exploration: 0.3, followUp: 0 });
    expect(resolvePolicy(s, 'c')).toEqual({ ...PERSONALISED, exploration: 0.3, followUp: 0, activityTarget: 0.75 });
    expect(Object.keys(resolvePolicy(s, 'c')).sort()).toEqual(KNOB_NAMES);
  });

  it('an unknown policy is a ValidationError naming it and the known policies', () => {
    const s = buildScenario({ policies: { mine: { base: 'standardised' } } });
    expect(() => resolvePolicy(s, 'nope')).toThrow(ValidationError);
    expect(() => resolvePolicy(s, 'nope')).toThrow('policy: "nope" is not a policy of scenario test; known: standardised, personalised, mine');
    expect(policyNames(s)).toEqual(['standardised', 'personalised', 'mine']);
  });
});
