/** Links reproduce runs: settings survive the address bar, and bad links say what is wrong. */
import { describe, expect, test } from 'vitest';
import { parseScenario, SHIPPED } from '../../sim/index.ts';
import { errorLines, planOf, policyKeys, scenarioOf } from '../../viz/plan.ts';
import { DEFAULTS, type Settings } from '../../viz/settings.ts';
import { fromQuery, toQuery } from '../../viz/url.ts';

const shipped = Object.keys(SHIPPED);
const roundTrip = (s: Settings) => {
  const url = toQuery(s);
  const hash = url.indexOf('#');
  return fromQuery(hash < 0 ? url : url.slice(0, hash), hash < 0 ? '' : url.slice(hash), shipped);
};

describe('settings in the URL', () => {
  test('every setting survives a round trip', () => {
    const s: Settings = {
      ...DEFAULTS, scenario: 'vulnerable-youth', a: { base: 'rotating-advisors', knobs: { followUp: 0.3 } }, b: { base: 'same-advisor', knobs: {} },
      seed: 42, replications: 7, agents: 900, weeks: 80, lang: 'nb', view: 'story', step: 3, persona: 'Jonas', measure: 'servicesPerPerson', projector: true,
    };
    expect(roundTrip(s)).toEqual({ settings: s, errors: [] });
    expect(toQuery(s)).toContain('a.followUp=0.3');
  });

  test('a loaded scenario travels in the hash, Unicode intact', () => {
    const custom = JSON.stringify({ ...(SHIPPED.classroom as object), title: 'Kontor på Ås — «test»' });
    const s: Settings = { ...DEFAULTS, scenario: 'custom', custom };
    const back = roundTrip(s);
    expect(back.errors).toEqual([]);
    expect(back.settings.custom).toBe(custom);
  });

  test('bad values are named with what is allowed, and the defaults are used', () => {
    const { settings, errors } = fromQuery('?scenario=nowhere&a.exploration=2&seed=-1&reps=abc&lang=fr&view=map', '', shipped);
    expect(errors).toEqual([
      'link: scenario: "nowhere" is not allowed; expected one of mixed-office, resourceful-immigrants, vulnerable-youth, classroom',
      'link: a.exploration: "2" is not allowed; expected a number from 0 to 1',
      'link: seed: "-1" is not allowed; expected an integer from 0 to 4294967295',
      'link: reps: "abc" is not allowed; expected an integer from 1 to 100',
      'link: lang: "fr" is not allowed; expected en or nb',
      'link: view: "map" is not allowed; expected one of compare, agents, journey, story',
    ]);
    expect(settings).toEqual(DEFAULTS);
  });
});

describe('run plans', () => {
  const s = parseScenario(SHIPPED['vulnerable-youth'], 'vulnerable-youth');

  test('unchanged, different policies keep their names (so results match the CLI); otherwise A and B', () => {
    expect(policyKeys({ base: 'standardised', knobs: {} }, { base: 'personalised', knobs: {} })).toEqual(['standardised', 'personalised']);
    expect(policyKeys({ base: 'standardised', knobs: {} }, { base: 'standardised', knobs: { followUp: 1 } })).toEqual(['A: standardised', 'B: standardised*']);
    expect(policyKeys({ base: 'personalised', knobs: {} }, { base: 'personalised', knobs: {} })).toEqual(['A: personalised', 'B: personalised']);
  });

  test('knobs are the base policy’s with the changes on top', () => {
    const { plan, labels } = planOf({ ...DEFAULTS, scenario: 'vulnerable-youth', a: { base: 'same-advisor', knobs: { followUp: 0.1 } }, b: { base: 'rotating-advisors', knobs: {} } }, s);
    expect(plan.knobs[0].followUp).toBe(0.1);
    expect(plan.knobs[0].advisorTurnover).toBe(s.policies['same-advisor'].advisorTurnover);
    expect(labels).toEqual([`${s.policies['same-advisor'].label}*`, s.policies['rotating-advisors'].label]);
    expect(plan).toMatchObject({ agents: s.agents, weeks: s.weeks, historyAgents: s.agents, seed: s.seed, replications: s.replications });
  });

  test('an unknown policy and a broken file give the CLI’s kind of error lines', () => {
    let lines: string[] = [];
    try {
      planOf({ ...DEFAULTS, scenario: 'vulnerable-youth', a: { base: 'magic', knobs: {} } }, s);
    } catch (e) {
      lines = errorLines(e);
    }
    expect(lines).toEqual(['scenario vulnerable-youth: policy A: "magic" is not allowed; expected one of "standardised", "personalised", "rotating-advisors", "same-advisor"']);
    try {
      scenarioOf({ ...DEFAULTS, scenario: 'custom', custom: '{"agents": 0}' }, 'x.json');
    } catch (e) {
      lines = errorLines(e);
    }
    expect(lines[0]).toMatch(/^scenario x\.json: /);
    try {
      scenarioOf({ ...DEFAULTS, scenario: 'custom', custom: '{' }, 'x.json');
    } catch (e) {
      lines = errorLines(e);
    }
    expect(lines).toEqual(['scenario file x.json: invalid JSON at line 1, column 2: Expected property name or \'}\'']);
  });
});
