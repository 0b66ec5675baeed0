/** Links reproduce runs: settings survive the address bar, and bad links say what is wrong. */
import { describe, expect, test } from 'vitest';
import { parseScenario, SHIPPED } from '../../sim/index.ts';
import { cappedLines, errorLines, isLarge, planOf, policyKeys, scenarioOf, sizesOf } from '../../viz/plan.ts';
import { AUTO_RUN_PERSON_WEEKS, DEFAULTS, LIMITS, MAX_SCENARIO_CHARS, type Settings } from '../../viz/settings.ts';
import { fromQuery, packScenario, toQuery, unpackScenario } from '../../viz/url.ts';

const shipped = Object.keys(SHIPPED);
const roundTrip = async (s: Settings) => {
  const url = toQuery(s, s.custom === undefined ? undefined : await packScenario(s.custom));
  const hash = url.indexOf('#');
  return fromQuery(hash < 0 ? url : url.slice(0, hash), hash < 0 ? '' : url.slice(hash), shipped);
};
/** The hash of an older link: the file as base64url JSON, uncompressed. */
const oldHash = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

describe('settings in the URL', () => {
  test('every setting survives a round trip', async () => {
    const s: Settings = {
      ...DEFAULTS, scenario: 'vulnerable-youth', a: { base: 'rotating-advisors', knobs: { followUp: 0.3 } }, b: { base: 'same-advisor', knobs: {} },
      seed: 42, replications: 7, agents: 900, weeks: 80, lang: 'nb', view: 'story', step: 3, persona: 'Jonas', draw: 4, choices: { groups: 'servicesPerPerson' }, projector: true,
    };
    expect(await roundTrip(s)).toEqual({ settings: s, errors: [] });
    expect(toQuery(s)).toContain('a.followUp=0.3');
    // the draw of luck is written from 1, as the page shows it, and refused out of range
    expect(toQuery(s)).toContain('draw=5');
    expect((await fromQuery('?draw=0', '', shipped)).errors).toEqual([`link: draw: "0" is not allowed; expected an integer from 1 to ${LIMITS.replications[1]}`]);
  });

  test('a loaded scenario travels in the hash, Unicode intact', async () => {
    const custom = JSON.stringify({ ...(SHIPPED.classroom as object), title: 'Kontor på Ås — «test»' });
    const s: Settings = { ...DEFAULTS, scenario: 'custom', custom };
    const back = await roundTrip(s);
    expect(back.errors).toEqual([]);
    expect(back.settings.custom).toBe(custom);
  });

  test('the scenario in the hash is compressed, and older uncompressed links still open', async () => {
    const custom = JSON.stringify(SHIPPED['mixed-office'], null, 2);
    const packed = await packScenario(custom);
    expect(packed).toMatch(/^deflate\.[A-Za-z0-9_-]+$/);
    expect(packed.length).toBeLessThan(oldHash(custom).length / 3);
    expect(await unpackScenario(packed)).toBe(custom);
    const old = await fromQuery('?scenario=custom', `#custom=${oldHash(custom)}`, shipped);
    expect(old).toEqual({ settings: { ...DEFAULTS, scenario: 'custom', custom }, errors: [] });
  });

  test('a broken or oversized scenario in the hash is named, and the default scenario is used', async () => {
    const broken = await fromQuery('?scenario=custom', '#custom=deflate.AAAA', shipped);
    expect(broken.settings.scenario).toBe('classroom');
    expect(broken.errors).toEqual(['link: custom: "deflate.AAAA" is not allowed; expected a scenario file encoded by this page']);
    const bomb = await packScenario(' '.repeat(MAX_SCENARIO_CHARS + 1));
    const big = await fromQuery('?scenario=custom', `#custom=${bomb}`, shipped);
    expect(big.settings.scenario).toBe('classroom');
    expect(big.errors[0]).toMatch(/^link: custom: "deflate\.[^"]{12}…" is not allowed; expected a scenario file of at most 20,000,000 characters$/);
    const noFile = await fromQuery('?scenario=custom', '', shipped);
    expect(noFile.errors).toEqual(['link: scenario: "custom" needs the scenario file, which this link does not carry (it was too large for a link); load the file with “Load a scenario file”']);
  });

  test('without the compressed hash (a file too large for a link) the link names the scenario only', () => {
    const url = toQuery({ ...DEFAULTS, scenario: 'custom', custom: '{}' });
    expect(url).toMatch(/^\?scenario=custom&/);
    expect(url).not.toContain('#');
  });

  test('bad values are named with what is allowed, and the defaults are used', async () => {
    const { settings, errors } = await fromQuery('?scenario=nowhere&a.exploration=2&seed=-1&reps=abc&lang=fr&view=map', '', shipped);
    expect(errors).toEqual([
      'link: scenario: "nowhere" is not allowed; expected one of mixed-office, resourceful-immigrants, vulnerable-youth, classroom',
      'link: a.exploration: "2" is not allowed; expected a number from 0 to 1',
      'link: seed: "-1" is not allowed; expected an integer from 0 to 4294967295',
      'link: reps: "abc" is not allowed; expected an integer from 1 to 100',
      'link: lang: "fr" is not allowed; expected en or nb',
      'link: view: "map" is not allowed; expected one of compare, whatif, agents, journey, story',
    ]);
    expect(settings).toEqual(DEFAULTS);
  });

  test('the link’s sizes are checked against the page’s LIMITS', async () => {
    const { settings, errors } = await fromQuery(`?agents=${LIMITS.agents[1] + 1}&reps=${LIMITS.replications[1] + 1}&weeks=${LIMITS.weeks[1]}`, '', shipped);
    expect(errors).toEqual([
      `link: reps: "${LIMITS.replications[1] + 1}" is not allowed; expected an integer from 1 to ${LIMITS.replications[1]}`,
      `link: agents: "${LIMITS.agents[1] + 1}" is not allowed; expected an integer from 1 to ${LIMITS.agents[1]}`,
    ]);
    expect(settings.weeks).toBe(LIMITS.weeks[1]);
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

  test('a scenario’s own sizes are capped at the same LIMITS as the link’s, each named; a large run is large', () => {
    const huge = parseScenario({ ...(SHIPPED.classroom as object), agents: 20_000_000, replications: 10_000 }, 'huge');
    const { sizes, capped } = sizesOf(DEFAULTS, huge);
    expect(sizes).toMatchObject({ agents: LIMITS.agents[1], replications: LIMITS.replications[1], weeks: huge.weeks });
    expect(cappedLines(capped, 'scenario huge.json')).toEqual([
      'scenario huge.json: replications: 10,000 is more than this page runs (at most 100); 100 used',
      'scenario huge.json: agents: 20,000,000 is more than this page runs (at most 200,000); 200,000 used',
    ]);
    const { plan } = planOf(DEFAULTS, huge);
    expect(plan).toMatchObject({ agents: LIMITS.agents[1], replications: LIMITS.replications[1] });
    expect(isLarge(plan)).toBe(true);
    // the link's own sizes win, and are not reported
    expect(sizesOf({ ...DEFAULTS, agents: 500, replications: 3 }, huge)).toEqual({ sizes: { seed: huge.seed, replications: 3, agents: 500, weeks: huge.weeks }, capped: [] });
    const small = planOf(DEFAULTS, s).plan;
    expect(small.agents * small.weeks * small.replications * 2).toBeLessThanOrEqual(AUTO_RUN_PERSON_WEEKS);
    expect(isLarge(small)).toBe(false);
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

  test('a loaded file may extend a shipped scenario (not a file); it runs as its base with the changes', () => {
    const custom = JSON.stringify({ extends: 'mixed-office', office: { caseload: 40 } });
    const s = scenarioOf({ ...DEFAULTS, scenario: 'custom', custom }, 'caseload.json');
    expect(s.name).toBe('mixed-office');
    expect(s.office.caseload).toBe(40);
    expect(s.services).toEqual(parseScenario(SHIPPED['mixed-office']).services);
    const fail = (text: string) => {
      try {
        scenarioOf({ ...DEFAULTS, scenario: 'custom', custom: text }, 'x.json');
      } catch (e) {
        return errorLines(e);
      }
      return [];
    };
    expect(fail('{"extends": "mixed-office", "office": {"casload": 40}}')[0]).toMatch(/^scenario x\.json: office\.casload: is not a known field; /);
    expect(fail('{"extends": "./base.json"}')[0]).toMatch(/^scenario x\.json: extends: "\.\/base\.json" is a file; here a scenario can extend a shipped scenario only/);
    expect(fail('{"name": "x", "groups": [{"name": "a", "share": 1, "route": "native"}], "services": [{"id": "s", "type": "careerGuidance", "term": "long", "weeks": 26}]}')[0])
      .toMatch(/^scenario x\.json: services: lists 1 service, which would replace the whole default catalogue/);
  });
});
