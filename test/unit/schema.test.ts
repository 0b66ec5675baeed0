import { describe, expect, expectTypeOf, it } from 'vitest';
import type { EntitlementName, QUALIFICATIONS, Route } from '../../sim/constants.ts';
import type { Hypothesis } from '../../sim/hypothesis.ts';
import { IDENTIFIER, ValidationError, type ArraySpec, type FieldError, type NumberSpec, type ObjectSpec, type StringSpec } from '../../sim/schema/dsl.ts';
import { DEFAULT_SERVICES, KNOBS, SCENARIO, STANDARDISED } from '../../sim/schema/scenario.ts';
import { parseScenario, type Group, type Knobs, type Persona, type PolicyDef, type Scenario, type Service } from '../../sim/scenario.ts';
import { group, INFO, KNOBS_OFF, scenarioInput, service } from '../helpers.ts';

/** The errors parseScenario throws for `input` (fails the test if it does not throw). */
function errorsOf(input: unknown): FieldError[] {
  try {
    parseScenario(input, 'here');
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).errors;
  }
  throw new Error('parseScenario accepted an invalid scenario');
}
const errorAt = (errors: FieldError[], path: string) => errors.find((e) => e.path === path);

const minimal = () => ({ name: 'min', info: INFO, groups: [{ name: 'a', share: 1, route: 'native' }] });

/** Names of the model parameters of an object spec (numbers, booleans, lists and objects: not the free texts). */
const parameters = (spec: ObjectSpec) => Object.entries(spec.fields).filter(([, f]) => f.kind !== 'string' && f.kind !== 'record').map(([k]) => k);
const itemSpec = (name: 'groups' | 'services' | 'personas') => (SCENARIO.fields[name] as ArraySpec).items as ObjectSpec;

describe('the test helpers', () => {
  it('give every model parameter of the schema explicitly, so no test depends on a default being calibrated', () => {
    const input = scenarioInput({ personas: 1 });
    for (const part of ['behaviour', 'labourMarket', 'office'] as const) {
      const given = Object.keys(input[part] as object);
      expect(parameters(SCENARIO.fields[part] as ObjectSpec).length).toBeGreaterThan(5);
      expect(parameters(SCENARIO.fields[part] as ObjectSpec).filter((k) => !given.includes(k)), part).toEqual([]);
    }
    const missing = (spec: ObjectSpec, obj: object) => parameters(spec).filter((k) => !(k in obj));
    expect(missing(itemSpec('groups'), group())).toEqual([]);
    expect(missing(itemSpec('services'), service({ id: 'x', type: 'jobSearchCourse', term: 'short' }))).toEqual([]);
    expect(missing(itemSpec('personas'), (input.personas as object[])[0])).toEqual([]);
    expect(Object.keys(KNOBS_OFF).sort()).toEqual(Object.keys(KNOBS.fields).sort());
  });
});

describe('parseScenario: a valid scenario', () => {
  it('accepts the fully explicit test scenario and keeps every given value', () => {
    const input = scenarioInput({ agents: 12, weeks: 30, behaviour: { infoSearch: 0.125 }, labourMarket: { hireRate: 0.0625 } });
    const s = parseScenario(input);
    expect(s.agents).toBe(12);
    expect(s.weeks).toBe(30);
    expect(s.behaviour.infoSearch).toBe(0.125);
    expect(s.labourMarket.hireRate).toBe(0.0625);
    expect(s.services.map((x) => x.id)).toEqual((input.services as { id: string }[]).map((x) => x.id));
    expect(s.title).toBe('test'); // title defaults to the name
  });

  it('fills in the defaults of every omitted field from the schema', () => {
    const s = parseScenario(minimal());
    const spec = SCENARIO.fields;
    const behaviour = (spec.behaviour as ObjectSpec).fields;
    for (const [k, f] of Object.entries(behaviour)) expect(s.behaviour[k as keyof typeof s.behaviour]).toBe((f as NumberSpec).default);
    const office = (spec.office as ObjectSpec).fields;
    for (const [k, f] of Object.entries(office)) expect(s.office[k as keyof typeof s.office]).toBe((f as NumberSpec).default);
    expect(s.agents).toBe((spec.agents as NumberSpec).default);
    expect(s.services).toHaveLength(DEFAULT_SERVICES.length);
    // nested defaults of the default services are filled in too
    for (const sv of s.services) {
      expect(typeof sv.levelled).toBe('boolean');
      expect(typeof sv.support).toBe('number');
      expect(Array.isArray(sv.entry)).toBe(true);
    }
    const g = s.groups[0];
    expect(g.entitlements).toEqual({ unemploymentBenefit: 0, workAssessmentAllowance: 0, socialAssistance: 0, introductionProgramme: 0, qualificationProgramme: 0 });
    expect(g.education.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 9);
    expect(s.personas).toEqual([]);
    expect(s.policies).toEqual({});
    expect(s.comparePolicies).toEqual(['standardised', 'personalised']);
  });

  it('accepts a scenario without info texts (they default to empty)', () => {
    const s = parseScenario({ name: 'noinfo', groups: [{ name: 'a', share: 1, route: 'native' }] });
    expect(s.info.notice).toEqual([]);
    expect(typeof s.info.what).toBe('string');
  });

  it('returns a copy: the input is not changed', () => {
    const input = minimal();
    const before = JSON.stringify(input);
    parseScenario(input);
    expect(JSON.stringify(input)).toBe(before);
  });
});

describe('parseScenario: errors name the path, the bad value and what is allowed', () => {
  it('an out-of-range share', () => {
    const e = errorAt(errorsOf({ ...minimal(), behaviour: { infoSearch: 1.5 } }), 'behaviour.infoSearch');
    expect(e?.message).toBe('1.5 is not allowed; expected a number from 0 to 1');
  });

  it('a non-integer count, with the unit', () => {
    const e = errorAt(errorsOf({ ...minimal(), agents: 10.5 }), 'agents');
    expect(e?.message).toBe('10.5 is not allowed; expected an integer from 1 to 20000000 (people)');
  });

  it('a value not among the allowed strings', () => {
    const e = errorAt(errorsOf({ name: 'x', info: INFO, groups: [{ name: 'a', share: 1, route: 'martian' }] }), 'groups[0].route');
    expect(e?.message).toContain('"martian" is not allowed; expected one of "native", "refugee"');
  });

  it('a wrong type and a wrong array length', () => {
    const errors = errorsOf({ ...minimal(), labourMarket: { hireRate: 'high', vacanciesPer1000: [1, 2] } });
    expect(errorAt(errors, 'labourMarket.hireRate')?.message).toBe('"high" is not allowed; expected a number from 0 to 1');
    expect(errorAt(errors, 'labourMarket.vacanciesPer1000')?.message).toBe('has 2 items; expected exactly 3');
  });

  it('a missing required field', () => {
    expect(errorAt(errorsOf({ name: 'x', info: INFO }), 'groups')?.message).toBe('is missing; expected a list');
    expect(errorAt(errorsOf({ name: 'x', info: INFO, groups: [{ name: 'a', share: 1 }] }), 'groups[0].route')?.message)
      .toMatch(/^is missing; expected one of "native"/);
  });

  it('unknown fields are errors that list the known fields', () => {
    const errors = errorsOf({ ...minimal(), behaviour: { infoSerch: 0.5 }, colour: 'red' });
    expect(errorAt(errors, 'behaviour.infoSerch')?.message).toMatch(/^is not a known field; known fields here: infoSearch, /);
    expect(errorAt(errors, 'colour')?.message).toMatch(/^is not a known field/);
  });

  it('group shares that do not add up to 1', () => {
    const errors = errorsOf({ name: 'x', info: INFO, groups: [{ name: 'a', share: 0.5, route: 'native' }, { name: 'b', share: 0.4, route: 'refugee' }] });
    expect(errorAt(errors, 'groups')?.message).toBe('shares add up to 0.9; they must add up to 1');
  });

  it('education shares that do not add up to 1', () => {
    const errors = errorsOf({ name: 'x', info: INFO, groups: [{ name: 'a', share: 1, route: 'native', education: [0.5, 0.5, 0.5] }] });
    expect(errorAt(errors, 'groups[0].education')?.message).toBe('adds up to 1.5; the three shares must add up to 1');
  });

  it('consistency: duplicate and reserved names, unknown persona group, too many personas, bad ages', () => {
    const errors = errorsOf({
      name: 'x', info: INFO, agents: 1,
      groups: [group({ name: 'a', share: 0.5, ageMin: 50, ageMax: 40 }), group({ name: 'a', share: 0.25 }), group({ name: 'all', share: 0.25 })],
      personas: [{ name: 'P', group: 'nobody' }, { name: 'Q', group: 'a' }],
    });
    expect(errorAt(errors, 'groups[1].name')?.message).toContain('is used by another group');
    expect(errorAt(errors, 'groups[2].name')?.message).toContain('is reserved');
    expect(errorAt(errors, 'groups[0].ageMax')?.message).toBe('40 is below ageMin 50');
    expect(errorAt(errors, 'personas[0].group')?.message).toBe('"nobody" is not a group of this scenario; groups: a, all');
    expect(errorAt(errors, 'personas')?.message).toBe('there are 2 personas but only 1 agents');
  });

  it('duplicate service ids', () => {
    const errors = errorsOf({
      ...minimal(),
      services: [{ id: 's', type: 'jobSearchCourse', term: 'short', weeks: 4 }, { id: 's', type: 'languageCourse', term: 'short', weeks: 4 }],
    });
    expect(errorAt(errors, 'services[1].id')?.message).toContain('"s" is used by another service');
  });

  it('identifiers that do not match the schema’s pattern: scenario, group and policy names', () => {
    const errors = errorsOf({ ...minimal(), name: 'bad name', groups: [{ name: '-a', share: 1, route: 'native' }], policies: { 'my policy': { followUp: 1 } } });
    expect(errorAt(errors, 'name')?.message).toBe('"bad name" is not allowed; expected letters, digits and hyphens');
    expect(errorAt(errors, 'groups[0].name')?.message).toBe('"-a" is not allowed; expected letters, digits and hyphens');
    expect(errorAt(errors, 'policies.my policy')?.message).toBe('"my policy" is not allowed as a name; expected letters, digits and hyphens');
    expect((SCENARIO.fields.name as StringSpec).pattern).toBe(IDENTIFIER);
  });

  it('accepts and ignores `$schema` at the top of a file, and only there', () => {
    const s = parseScenario({ $schema: '../schemas/scenario.schema.json', ...minimal() });
    expect('$schema' in s).toBe(false);
    expect(parseScenario(minimal())).toEqual(s);
    expect(errorAt(errorsOf({ ...minimal(), $schema: 3 }), '$schema')?.message).toMatch(/^3 is not allowed; expected the path or address of a JSON Schema/);
    expect(errorAt(errorsOf({ ...minimal(), behaviour: { $schema: 'x' } }), 'behaviour.$schema')?.message).toMatch(/^is not a known field/);
  });

  it('lists every problem at once, each prefixed with the source in the message', () => {
    try {
      parseScenario({ ...minimal(), agents: -1, weeks: 0 }, 'my.json');
      expect.unreachable();
    } catch (e) {
      const v = e as ValidationError;
      expect(v.errors.map((x) => x.path).sort()).toEqual(['agents', 'weeks']);
      expect(v.message).toContain('my.json: agents: -1 is not allowed');
      expect(v.message).toContain('my.json: weeks: 0 is not allowed');
    }
  });

  it('policies: unknown knob, unknown base, a cycle of bases, unknown compare policy', () => {
    const errors = errorsOf({
      ...minimal(),
      policies: { a: { base: 'b' }, b: { base: 'a' }, c: { base: 'nowhere' }, d: { exploraton: 1 } },
      comparePolicies: ['standardised', 'zzz'],
    });
    expect(errorAt(errors, 'policies.d.exploraton')?.message).toMatch(/^is not a known field/);
    // only the first error pass runs when the fields are wrong; check the consistency errors separately
    const errors2 = errorsOf({ ...minimal(), policies: { a: { base: 'b' }, b: { base: 'a' }, c: { base: 'nowhere' } }, comparePolicies: ['standardised', 'zzz'] });
    expect(errorAt(errors2, 'policies.a.base')?.message).toBe('"b" leads to a cycle of bases');
    expect(errorAt(errors2, 'policies.c.base')?.message).toBe('"nowhere" is not a policy; known: standardised, personalised, a, b, c');
    expect(errorAt(errors2, 'comparePolicies[1]')?.message).toBe('"zzz" is not a policy; known: standardised, personalised, a, b, c');
  });

  it('a knob out of range in a policy names the policy path', () => {
    const errors = errorsOf({ ...minimal(), policies: { p: { followUp: 2 } } });
    expect(errorAt(errors, 'policies.p.followUp')?.message).toBe('2 is not allowed; expected a number from 0 to 1');
  });
});

describe('the types come from the schema', () => {
  // checked by `tsc` (test/ is type-checked); at run time these are no-ops
  it('infers every knob, field, enum, tuple and optional field', () => {
    expectTypeOf<Required<Knobs>>().toEqualTypeOf<Knobs>(); // a policy sets every knob
    expectTypeOf<Knobs['followUp']>().toEqualTypeOf<number>();
    expectTypeOf<Scenario['comparePolicies']>().toEqualTypeOf<[string, string]>();
    expectTypeOf<Scenario['labourMarket']['vacanciesPer1000']>().toEqualTypeOf<[number, number, number]>();
    expectTypeOf<Scenario['title']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Group['route']>().toEqualTypeOf<Route>();
    expectTypeOf<Group['entitlements']>().toEqualTypeOf<Record<EntitlementName, number>>();
    expectTypeOf<Service['term']>().toEqualTypeOf<'short' | 'long'>();
    expectTypeOf<Service['qualification']>().toEqualTypeOf<(typeof QUALIFICATIONS)[number]>();
    expectTypeOf<Persona['entitlements']>().toEqualTypeOf<EntitlementName[]>();
    expectTypeOf<PolicyDef['followUp']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<Hypothesis['expect']>().toEqualTypeOf<'increase' | 'decrease'>();
    expectTypeOf<Hypothesis['group']>().toEqualTypeOf<{ A: string; B: string }>();
    expectTypeOf<Hypothesis['weeks']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<Hypothesis['policies']['B']['knobs']['exploration']>().toEqualTypeOf<number | undefined>();
  });

  it('makes a preset without a knob a type error', () => {
    const { followUp: _followUp, ...withoutFollowUp } = STANDARDISED;
    // @ts-expect-error a preset must set every knob of the schema
    const preset: Knobs = withoutFollowUp;
    expect(Object.keys(preset).length).toBe(Object.keys(KNOBS.fields).length - 1);
  });
});
