/** Scenario files that extend another (sim/extends.ts): the merge, its errors by the file's paths, and the catalogue rule. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SHIPPED } from '../../scenarios/index.ts';
import { ValidationError } from '../../sim/errors.ts';
import { baseOf, MAX_EXTENDS_DEPTH, parseScenarioFile, type BaseFile, type FileOptions } from '../../sim/extends.ts';
import { DEFAULT_SERVICES } from '../../sim/schema/scenario.ts';
import { parseScenario, type Scenario } from '../../sim/scenario.ts';
import { baseScenario, runChanges, scenarioChanges } from '../../sim/settings.ts';

const MO = parseScenario(SHIPPED['mixed-office']);
const ext = (change: Record<string, unknown>, base = 'mixed-office') => ({ extends: base, ...change });
const parse = (raw: unknown, opts?: FileOptions) => parseScenarioFile(raw, 'scenario x.json', opts);

/** The problems of a file, one line each as the CLI prints them (without "pathways: "). */
function lines(raw: unknown, opts?: FileOptions): string[] {
  try {
    parse(raw, opts);
  } catch (err) {
    if (err instanceof ValidationError) return err.lines;
    throw err;
  }
  throw new Error('expected a ValidationError');
}

const names = (xs: { name?: string; id?: string }[]) => xs.map((x) => x.name ?? x.id);

/** In-memory files for `readBase`: paths relative to the extending file's folder (all in one folder here). */
function files(contents: Record<string, unknown>): FileOptions['readBase'] {
  return (ref: string): BaseFile => {
    const id = `/f/${ref.replace(/^\.\//, '')}`;
    if (!Object.hasOwn(contents, id)) throw new ValidationError([{ path: '(file)', message: 'not found' }], `scenario ${id}`);
    return { raw: contents[id], id, source: `scenario ${id}` };
  };
}

describe('a file that extends a shipped scenario', () => {
  it('merges objects field by field and keeps everything else of the base, name included', () => {
    const s = parse(ext({ office: { caseload: 40 }, behaviour: { trustGain: 0.2 } }));
    expect(s.office).toEqual({ ...MO.office, caseload: 40 });
    expect(s.behaviour).toEqual({ ...MO.behaviour, trustGain: 0.2 });
    expect(s.name).toBe('mixed-office');
    expect(s.title).toBe(MO.title);
    expect(s.extends).toBe('mixed-office');
    expect(scenarioChanges(MO, s)).toEqual({ 'office.caseload': 40, 'behaviour.trustGain': 0.2 });
  });

  it('lists its changes against its base, with or without a name of its own, also in a copy', () => {
    const s = parse(ext({ office: { caseload: 40 } }));
    expect(runChanges(s, {})).toEqual({ 'office.caseload': 40 });
    expect(runChanges(s, { agents: 100 })).toEqual({ agents: 100, 'office.caseload': 40 });
    const named = parse(ext({ name: 'small-caseload', title: 'Smaller caseloads', office: { caseload: 40 } }));
    expect(named.name).toBe('small-caseload');
    expect(baseOf(named)).toEqual(MO);
    expect(runChanges(named, {})).toEqual({ name: 'small-caseload', title: 'Smaller caseloads', 'office.caseload': 40 });
    // a copy (a worker's, a re-validated one) finds the shipped base by `extends`
    const copy = parseScenario(structuredClone(named));
    expect(baseOf(copy)).toBeUndefined();
    expect(copy.extends).toBe('mixed-office');
    expect(baseScenario(copy)).toEqual(MO);
    expect(runChanges(copy, {})).toEqual(runChanges(named, {}));
  });

  it('merges the items of groups, services and personas by name or id, in the base’s order', () => {
    const s = parse(ext({
      groups: [{ name: 'refugee', language: 0.3, entitlements: { socialAssistance: 0.5 } }],
      services: [{ id: 'careerGuidance', entry: ['anyone'], slotsPerMonthPer1000: 4 }],
      personas: [{ name: 'Grace', age: 40 }],
    }));
    expect(names(s.groups)).toEqual(names(MO.groups));
    const i = MO.groups.findIndex((g) => g.name === 'refugee');
    expect(s.groups[i]).toEqual({ ...MO.groups[i], language: 0.3, entitlements: { ...MO.groups[i].entitlements, socialAssistance: 0.5 } });
    const j = MO.services.findIndex((x) => x.id === 'careerGuidance');
    expect(s.services[j]).toEqual({ ...MO.services[j], entry: ['anyone'], slotsPerMonthPer1000: 4 });
    expect(s.services.length).toBe(MO.services.length);
    expect(s.personas.find((p) => p.name === 'Grace')?.age).toBe(40);
    expect(scenarioChanges(MO, s)).toEqual({
      'groups.refugee.language': 0.3, 'groups.refugee.entitlements.socialAssistance': 0.5,
      'services.careerGuidance.entry': ['anyone'], 'services.careerGuidance.slotsPerMonthPer1000': 4, 'personas.Grace.age': 40,
    });
  });

  it('adds an item with a new name at the end, with the schema’s defaults', () => {
    const s = parse(ext({
      groups: [{ name: 'youth', share: 0.05 }, { name: 'students', share: 0.05, route: 'native' }],
      services: [{ id: 'mentor', type: 'careerGuidance', term: 'short', weeks: 6 }],
    }));
    expect(names(s.groups)).toEqual([...names(MO.groups), 'students']);
    expect(s.groups.at(-1)).toMatchObject({ name: 'students', share: 0.05, route: 'native', language: 0.9, categoryLevel: 0 });
    expect(s.services.at(-1)).toMatchObject({ id: 'mentor', weeks: 6, entry: ['anyone'], costPerWeek: 1000 });
  });

  it('removes an item given as {"name": ..., "remove": true}, and a named policy as {"remove": true}', () => {
    const s = parse(ext({
      groups: [{ name: 'youth', remove: true }, { name: 'native-rights', share: 0.44 }],
      personas: [{ name: 'Jonas', remove: true }],
      services: [{ id: 'workGroup', remove: true }],
    }));
    expect(names(s.groups)).toEqual(names(MO.groups).filter((n) => n !== 'youth'));
    expect(names(s.personas)).toEqual(names(MO.personas).filter((n) => n !== 'Jonas'));
    expect(names(s.services)).toEqual(names(MO.services).filter((n) => n !== 'workGroup'));
    const vy = parse(ext({ policies: { 'rotating-advisors': { remove: true }, 'same-advisor': { followUp: 0.5 }, lean: { base: 'standardised', offerRate: 0.2 } }, comparePolicies: ['lean', 'same-advisor'] }, 'vulnerable-youth'));
    const base = parseScenario(SHIPPED['vulnerable-youth']);
    expect(Object.keys(vy.policies)).toEqual(['same-advisor', 'lean']);
    expect(vy.policies['same-advisor']).toEqual({ ...base.policies['same-advisor'], followUp: 0.5 });
    expect(vy.policies.lean).toEqual({ base: 'standardised', offerRate: 0.2 });
  });

  it('replaces lists of numbers and words whole', () => {
    const s = parse(ext({ labourMarket: { vacanciesPer1000: [1, 2, 3] }, info: { notice: ['one'] }, comparePolicies: ['personalised', 'standardised'] }));
    expect(s.labourMarket.vacanciesPer1000).toEqual([1, 2, 3]);
    expect(s.info.notice).toEqual(['one']);
    expect(s.info.what).toBe(MO.info.what);
    expect(s.comparePolicies).toEqual(['personalised', 'standardised']);
    expect(scenarioChanges(MO, s)['labourMarket.vacanciesPer1000.0']).toBe(1);
  });

  it('with "replaceServices": true, its services are the whole catalogue', () => {
    const s = parse(ext({ replaceServices: true, services: [{ id: 'mentor', type: 'careerGuidance', term: 'short', weeks: 6 }] }));
    expect(names(s.services)).toEqual(['mentor']);
    expect('replaceServices' in s).toBe(false);
  });

  it('an empty extension is its base', () => {
    const { extends: _e, ...s } = parse(ext({}));
    expect(s).toEqual(MO);
    expect(runChanges(parse(ext({})), {})).toEqual({});
  });
});

describe('problems in a file that extends, by its own paths', () => {
  it('a misspelt field, at any depth', () => {
    expect(lines(ext({ office: { casload: 40 } }))).toEqual([
      'scenario x.json: office.casload: is not a known field; known fields here: advisorsPer1000, caseload, hoursPerWeek, hoursPerMeeting, costPerAdvisorHour, referralChance, referralWeight, budgetPerWeekPer1000',
    ]);
    expect(lines(ext({ colour: 'red' }))[0]).toMatch(/^scenario x\.json: colour: is not a known field; known fields here: name, extends, title,/);
    expect(lines(ext({ groups: [{ name: 'refugee', langauge: 0.3 }] }))[0]).toMatch(/^scenario x\.json: groups\[0\]\.langauge: is not a known field; /);
    expect(lines(ext({ groups: [{ name: 'refugee', entitlements: { dole: 0.3 } }] }))[0]).toMatch(/^scenario x\.json: groups\[0\]\.entitlements\.dole: is not a known field; /);
    expect(lines(ext({ policies: { x: { base: 'standardised', folowUp: 1 } } }))[0]).toMatch(/^scenario x\.json: policies\.x\.folowUp: is not a known field; /);
  });

  it('a bad value, at the file’s index of the item', () => {
    expect(lines(ext({ office: { caseload: 0 } }))).toEqual(['scenario x.json: office.caseload: 0 is not allowed; expected an integer from 1 to 1000 (people per advisor)']);
    expect(lines(ext({ groups: [{ name: 'students', share: 0, route: 'native', language: 2 }] }))).toEqual(['scenario x.json: groups[0].language: 2 is not allowed; expected a number from 0 to 1']);
    expect(lines(ext({ labourMarket: { vacanciesPer1000: [6, 4] } }))).toEqual(['scenario x.json: labourMarket.vacanciesPer1000: has 2 items; expected exactly 3']);
  });

  it('a new item that is incomplete: what is missing, and that names are matched to the base’s', () => {
    expect(lines(ext({ groups: [{ name: 'refugees', language: 0.3 }] }))).toEqual([
      'scenario x.json: groups[0]: "refugees" is not a group of mixed-office (did you mean refugee?), so it is a new group, which needs share, route (missing); '
      + 'the groups of a file with "extends" are matched to the base’s by name; groups of mixed-office: native-rights, native-no-rights, refugee, family-reunified, labour-immigrant, eu-citizen, youth',
    ]);
    expect(lines(ext({ services: [{ id: 'mentor', weeks: 6 }] }))[0]).toMatch(/^scenario x\.json: services\[0\]: "mentor" is not a service of mixed-office, so it is a new service, which needs type, term \(missing\); the services of a file with "extends" are matched to the base’s by id; services of mixed-office: jobSearchCourse, /);
    expect(lines(ext({ groups: [{ language: 0.3 }] }))[0]).toMatch(/^scenario x\.json: groups\[0\]\.name: is missing; the groups of a file with "extends" are matched to the base’s by name; groups of mixed-office: native-rights,/);
  });

  it('removals: of an item the base does not have, with other fields, not true', () => {
    expect(lines(ext({ groups: [{ name: 'students', remove: true }] }))[0]).toMatch(/^scenario x\.json: groups\[0\]\.name: "students" is not a group of mixed-office, so it cannot be removed; .*groups of mixed-office: native-rights,/);
    expect(lines(ext({ groups: [{ name: 'youth', remove: true, share: 0 }] }))).toContain('scenario x.json: groups[0]: removes a group, so it takes no other fields (share)');
    expect(lines(ext({ groups: [{ name: 'youth', remove: 'yes' }] }))).toContain('scenario x.json: groups[0].remove: "yes" is not allowed; expected true (to remove the group), or leave it out');
    expect(lines(ext({ policies: { lean: { remove: true } } }))).toEqual(['scenario x.json: policies.lean: "lean" is not a policy of mixed-office, so it cannot be removed; policies of mixed-office: (none)']);
  });

  it('an item given twice', () => {
    expect(lines(ext({ groups: [{ name: 'youth', share: 0.1 }, { name: 'youth', language: 0.5 }] }))).toEqual(['scenario x.json: groups[1].name: "youth" is given twice (also at groups[0]); give each group once']);
  });

  it('what a removal or change breaks elsewhere: the sum of shares, a base’s persona by name', () => {
    const jonas = 'scenario x.json: personas.Jonas.group: "youth" is not a group of this scenario; groups: native-rights, native-no-rights, refugee, family-reunified, labour-immigrant, eu-citizen (Jonas is a persona of mixed-office, which this file extends)';
    expect(lines(ext({ groups: [{ name: 'youth', remove: true }] }))).toEqual(['scenario x.json: groups: shares add up to 0.9; they must add up to 1', jonas]);
    expect(lines(ext({ groups: [{ name: 'youth', remove: true }, { name: 'native-rights', share: 0.44 }] }))).toEqual([jonas]);
    // with the persona removed too, the file is valid
    expect(names(parse(ext({ groups: [{ name: 'youth', remove: true }, { name: 'native-rights', share: 0.44 }], personas: [{ name: 'Jonas', remove: true }] })).personas)).not.toContain('Jonas');
  });

  it('an unknown base lists the shipped scenarios; a file as a base needs the command line', () => {
    expect(lines(ext({}, 'mixed-ofice'))).toEqual([`scenario x.json: extends: "mixed-ofice" is not a shipped scenario (did you mean mixed-office?); shipped: ${Object.keys(SHIPPED).join(', ')}`]);
    expect(lines(ext({}, './base.json'))[0]).toMatch(/^scenario x\.json: extends: "\.\/base\.json" is a file; here a scenario can extend a shipped scenario only \(mixed-office, /);
    expect(lines(ext({}, 'nope'), { readBase: files({}) })[0]).toMatch(/; to extend a file, give its path \(ending in \.json, relative to this file\)$/);
    expect(lines({ extends: 3 })[0]).toMatch(/^scenario x\.json: extends: 3 is not allowed; expected the name of a shipped scenario \(mixed-office, /);
  });
});

describe('files that extend files', () => {
  it('merge along the chain, each on top of its base', () => {
    const readBase = files({
      '/f/base.json': { extends: 'mixed-office', name: 'my-base', office: { caseload: 50, hoursPerWeek: 25 } },
    });
    const s = parse({ extends: './base.json', office: { caseload: 40 } }, { readBase, id: '/f/top.json' });
    expect(s.name).toBe('my-base');
    expect(s.office).toEqual({ ...MO.office, caseload: 40, hoursPerWeek: 25 });
    expect(s.extends).toBe('./base.json');
    // its changes are against its base, the merged base file
    expect(runChanges(s, {})).toEqual({ 'office.caseload': 40 });
  });

  it('a problem in a base names the base file', () => {
    const readBase = files({ '/f/base.json': { extends: 'mixed-office', office: { casload: 50 } } });
    expect(lines({ extends: 'base.json' }, { readBase, id: '/f/top.json' })).toEqual([
      expect.stringMatching(/^scenario \/f\/base\.json: office\.casload: is not a known field; /),
    ]);
  });

  it('a cycle is refused, naming the files', () => {
    const readBase = files({ '/f/a.json': { extends: 'b.json' }, '/f/b.json': { extends: 'a.json' } });
    expect(lines({ extends: 'a.json' }, { readBase, id: '/f/top.json' })).toEqual([
      'scenario /f/b.json: extends: "a.json" leads to a cycle: /f/a.json extends /f/b.json extends /f/a.json',
    ]);
    expect(lines({ extends: 'top.json' }, { readBase: files({ '/f/top.json': { extends: 'top.json' } }), id: '/f/top.json' })[0]).toMatch(/leads to a cycle: /);
  });

  it(`a chain longer than ${MAX_EXTENDS_DEPTH} files is refused`, () => {
    // 1.json extends 2.json ... extends MAX.json, which extends mixed-office: MAX files that extend
    const chain: Record<string, unknown> = { [`/f/${MAX_EXTENDS_DEPTH}.json`]: { extends: 'mixed-office' } };
    for (let i = 1; i < MAX_EXTENDS_DEPTH; i++) chain[`/f/${i}.json`] = { extends: `${i + 1}.json` };
    const readBase = files(chain);
    expect(parse({ extends: '2.json' }, { readBase, id: '/f/1.json' }).name).toBe('mixed-office');
    expect(lines({ extends: '1.json' }, { readBase, id: '/f/0.json' })[0]).toMatch(new RegExp(`is too deep: .*; at most ${MAX_EXTENDS_DEPTH} files may extend one another$`));
  });
});

describe('the catalogue rule: services without extends', () => {
  const own = { name: 'x', groups: [{ name: 'a', share: 1, route: 'native' }] };
  const guidance = { id: 'careerGuidance', type: 'careerGuidance', term: 'long', weeks: 26 };

  it('a file that lists services without extends and without replaceServices is refused, saying how to extend', () => {
    expect(lines({ ...own, services: [guidance] })).toEqual([
      `scenario x.json: services: lists 1 service, which would replace the whole default catalogue (${DEFAULT_SERVICES.length} services: ${DEFAULT_SERVICES.map((x) => x.id).join(', ')}); `
      + `to change or add services of the default catalogue, write "extends": "<a shipped scenario>" (${Object.keys(SHIPPED).join(', ')}) and list only the services that change, by id; `
      + 'to replace the whole catalogue, add "replaceServices": true',
    ]);
    expect(lines({ ...own, services: [guidance], replaceServices: false })[0]).toMatch(/^scenario x\.json: services: lists 1 service, which would replace/);
    // other problems are listed too
    expect(lines({ ...own, agents: 0, services: [guidance] })).toHaveLength(2);
  });

  it('with "replaceServices": true the list is the catalogue; the flag is not part of the scenario', () => {
    const s = parse({ ...own, services: [guidance], replaceServices: true });
    expect(names(s.services)).toEqual(['careerGuidance']);
    expect('replaceServices' in s).toBe(false);
    expect(lines({ ...own, replaceServices: true })).toEqual(['scenario x.json: replaceServices: is true, but the file lists no services; give the whole catalogue in `services`, or leave replaceServices out']);
    expect(lines({ ...own, services: [guidance], replaceServices: 'yes' })).toContain('scenario x.json: replaceServices: "yes" is not allowed; expected true or false');
  });

  it('a file without services runs the default catalogue, as before', () => {
    expect(names(parse(own).services)).toEqual(DEFAULT_SERVICES.map((x) => x.id));
  });

  it('every shipped scenario follows the rule and reads the same as a file as parseScenario reads it', () => {
    for (const [name, raw] of Object.entries(SHIPPED)) {
      const s: Scenario = parseScenarioFile(raw, `scenario ${name}`);
      expect(s, name).toEqual(parseScenario(raw));
      expect('replaceServices' in s, name).toBe(false);
      expect(s.extends, name).toBeUndefined();
    }
    // vulnerable-youth lists its whole catalogue and says so
    expect((SHIPPED['vulnerable-youth'] as { replaceServices?: boolean }).replaceServices).toBe(true);
  });
});

describe('the README’s example', () => {
  it('is a valid extension of mixed-office, with the changes it describes', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('### A scenario that extends another'));
    const example = JSON.parse(/```json\n([\s\S]*?)```/.exec(section)?.[1] ?? 'null') as Record<string, unknown>;
    const s = parse(example);
    expect(s.office.caseload).toBe(40);
    expect(names(s.groups)).not.toContain('youth');
    expect(runChanges(s, {})).toMatchObject({ 'office.caseload': 40, 'services.careerGuidance.entry': ['anyone'] });
  });
});
