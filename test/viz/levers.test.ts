// @vitest-environment jsdom
/**
 * Scenario levers: the list comes from the schema (ranges, units, docs) and
 * has both languages; changes apply by the sweep's dotted paths and show in
 * results' `changes`; the group mix stays a mix; links carry only the
 * changes, and bad ones are reported; the settings panel shows the levers
 * collapsed, filters them, and turns Run off for a value not allowed.
 */
import { describe, expect, test } from 'vitest';
import { SHIPPED } from '../../scenarios/index.ts';
import { ROUTES, ENTITLEMENT_NAMES } from '../../sim/constants.ts';
import { parseScenario, runChanges, type Scenario } from '../../sim/index.ts';
import { describeAllowed, leaves, type Spec } from '../../sim/schema/dsl.ts';
import { SCENARIO } from '../../sim/schema/scenario.ts';
import { renderControls } from '../../viz/controls.ts';
import { CHOICE_TEXT, LEVER_TEXT, notAllowed, UNIT_NB } from '../../viz/lever-text.ts';
import {
  applyLevers, checkLevers, LEVER_PATHS, LEVERS, leversOf, parseLeverQuery, sharesOf, valueAt, withLever,
} from '../../viz/levers.ts';
import { DEFAULTS, type Settings } from '../../viz/settings.ts';
import { fromQuery, toQuery } from '../../viz/url.ts';

const mixed = () => parseScenario(SHIPPED['mixed-office'], 'scenario mixed-office');
const shipped = Object.keys(SHIPPED);

/** The schema leaf at a lever pattern (`[]` for an item of a list). */
function schemaLeaf(pattern: string): Spec | undefined {
  const want = pattern.replace(/\.\*\./g, '[].').replace(/\.\d+$/, '');
  return [...leaves(SCENARIO)].find(([p]) => p === want)?.[1];
}

describe('the lever list', () => {
  test('every lever is a field of the scenario schema, with its range, unit and doc', () => {
    for (const l of LEVERS) {
      const leaf = schemaLeaf(l.pattern);
      expect(leaf, l.pattern).toBeDefined();
      const spec = leaf!.kind === 'array' && leaf!.items.kind === 'number' ? leaf!.items : leaf!;
      expect(l.spec, l.pattern).toEqual(spec);
      expect(l.spec.doc.length, l.pattern).toBeGreaterThan(5);
    }
    expect(LEVERS.find((l) => l.pattern === 'office.caseload')?.spec).toMatchObject({ min: 1, max: 1000, integer: true, unit: 'people per advisor' });
  });

  test('behaviour constants are not levers', () => {
    expect(LEVER_PATHS.some((p) => p.startsWith('behaviour.'))).toBe(false);
  });

  test('every lever has a label in English and bokmål and a line in bokmål; every unit and choice both languages', () => {
    for (const p of LEVER_PATHS) {
      const t = LEVER_TEXT[p];
      expect(t.en.trim(), p).not.toBe('');
      expect(t.nb.trim(), p).not.toBe('');
      expect(t.nbLine.trim(), p).not.toBe('');
    }
    expect(Object.keys(LEVER_TEXT).sort()).toEqual([...LEVER_PATHS].sort());
    for (const l of LEVERS) if (l.kind === 'number' && l.spec.unit !== 'share') expect(UNIT_NB[l.spec.unit], l.spec.unit).toBeDefined();
    for (const v of ['anyone', 'benefitRights', ...ENTITLEMENT_NAMES, ...ROUTES]) {
      const c = CHOICE_TEXT[v as keyof typeof CHOICE_TEXT];
      expect(c?.en, v).toBeTruthy();
      expect(c?.nb, v).toBeTruthy();
    }
  });

  test('a scenario’s levers: one per service and group, by id and name', () => {
    const s = mixed();
    const paths = leversOf(s).map((l) => l.path);
    expect(paths).toContain('office.caseload');
    expect(paths).toContain('services.languageCourse.entry');
    expect(paths).toContain('groups.refugee.share');
    expect(paths).toContain('labourMarket.vacanciesPer1000.2');
    expect(paths.filter((p) => p.endsWith('.share'))).toHaveLength(s.groups.length);
    expect(paths.filter((p) => p.endsWith('.slotsPerMonthPer1000'))).toHaveLength(s.services.length);
  });

  test('a value not allowed reads as the CLI says it, in both languages', () => {
    const spec = LEVERS.find((l) => l.pattern === 'labourMarket.discrimination')!.spec;
    expect(notAllowed('1.5', spec as never, 'en')).toBe(`1.5 is not allowed; expected ${describeAllowed(spec)}`);
    expect(notAllowed('1.5', spec as never, 'en')).toBe('1.5 is not allowed; expected a number from 0 to 1');
    expect(notAllowed('1.5', spec as never, 'nb')).toBe('1.5 er ikke tillatt; forventet et tall fra 0 til 1');
  });
});

describe('applying changes', () => {
  test('numbers, lists by position, true/false and entry rules; results list them against the shipped scenario', () => {
    const s = mixed();
    const changes = {
      'office.caseload': 40, 'labourMarket.discrimination': 0.1, 'labourMarket.vacanciesPer1000.2': 3,
      'services.languageCourse.entry': ['anyone'], 'services.workPlacement.rightsPriority': false,
    };
    const run = applyLevers(s, changes);
    expect(run.office.caseload).toBe(40);
    expect(run.labourMarket.vacanciesPer1000).toEqual([6, 4, 3]);
    expect(run.services.find((x) => x.id === 'languageCourse')!.entry).toEqual(['anyone']);
    expect(run.services.find((x) => x.id === 'workPlacement')!.rightsPriority).toBe(false);
    expect(s.office.caseload).toBe(70); // the scenario itself is left as it is
    const listed = runChanges(run, {});
    expect(listed).toMatchObject({ 'office.caseload': 40, 'labourMarket.discrimination': 0.1, 'labourMarket.vacanciesPer1000.2': 3, 'services.workPlacement.rightsPriority': false });
    expect(Object.keys(listed).some((k) => k.startsWith('services.languageCourse.entry'))).toBe(true);
    expect(applyLevers(s, {})).toBe(s);
  });

  test('the group mix: shares set are kept, the others share the rest in proportion, and all add up to 1', () => {
    const s = mixed();
    const run = applyLevers(s, { 'groups.refugee.share': 0.3 });
    const share = (sc: Scenario, g: string) => sc.groups.find((x) => x.name === g)!.share;
    expect(share(run, 'refugee')).toBe(0.3);
    expect(run.groups.reduce((a, g) => a + g.share, 0)).toBeCloseTo(1, 9);
    // the others keep their proportions: native-rights : youth = 0.34 : 0.1
    expect(share(run, 'native-rights') / share(run, 'youth')).toBeCloseTo(3.4, 3);
    const two = sharesOf(s, { 'groups.refugee.share': 0.3, 'groups.youth.share': 0.2 });
    expect(two.shares.refugee).toBe(0.3);
    expect(two.shares.youth).toBe(0.2);
    expect(Object.values(two.shares).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(sharesOf(s, { 'groups.refugee.share': 0.7, 'groups.youth.share': 0.5 }).problem).toMatch(/add up to 1\.2; they may add up to at most 1/);
    expect(() => applyLevers(s, { 'groups.refugee.share': 0.7, 'groups.youth.share': 0.5 })).toThrow(/scenario mixed-office: groups: the shares set add up to 1\.2/);
  });

  test('a change back to the scenario’s value is no change', () => {
    const s = mixed();
    expect(withLever(s, { 'office.caseload': 40 }, 'office.caseload', 70)).toEqual({});
    expect(withLever(s, {}, 'services.languageCourse.entry', [...(valueAt(s, 'services.languageCourse.entry') as string[])].reverse())).toEqual({});
  });
});

describe('lever changes in the link', () => {
  const round = async (st: Settings) => {
    const url = toQuery(st);
    return { url, back: await fromQuery(url, '', shipped) };
  };

  test('only the changes travel, compactly, and come back', async () => {
    const levers = { 'office.caseload': 40, 'labourMarket.discrimination': 0.2, 'services.languageCourse.entry': ['benefitRights', 'refugee'], 'services.workPlacement.rightsPriority': false, 'groups.refugee.share': 0.3 };
    const st: Settings = { ...DEFAULTS, scenario: 'mixed-office', levers };
    const { url, back } = await round(st);
    expect(url).toContain('&set=office.caseload:40,services.languageCourse.entry:benefitRights/refugee,services.workPlacement.rightsPriority:false,labourMarket.discrimination:0.2,groups.refugee.share:0.3');
    expect(back).toEqual({ settings: st, errors: [] });
    expect(toQuery({ ...DEFAULTS, scenario: 'mixed-office' })).not.toContain('set=');
  });

  test('a service id with commas, colons or slashes survives', async () => {
    const st: Settings = { ...DEFAULTS, scenario: 'custom', levers: { 'services.x,y:z/w.weeks': 5 } };
    expect((await round(st)).back.settings.levers).toEqual({ 'services.x,y:z/w.weeks': 5 });
  });

  test('a misspelt lever or knob, a value not allowed, and an unknown group are reported, with a did-you-mean', async () => {
    const { settings, errors } = await fromQuery('?scenario=mixed-office&b.proactivInformation=0.9&set=office.casload:40,office.caseload:5000,labourMarket.discrimination:lots,services.languageCourse.entry:anyone/martians,groups.refuge.share:0.3,office.hoursPerWeek:30', '', shipped);
    expect(errors).toEqual([
      'link: b.proactivInformation: is not a knob (did you mean b.proactiveInformation?); knobs: priorityByNeed, proactiveInformation, exploration, matchedOffers, levelMatching, longTermPlanning, advisorTurnover, followUp, offerRate, acceptPressure, activityTarget, meetingIntensity',
      'link: set: "office.casload" is not a scenario value this page sets (did you mean office.caseload?); write set=PATH:VALUE,... with paths such as office.caseload, services.ID.entry, groups.NAME.share',
      'link: set: office.caseload: "5000" is not allowed; expected an integer from 1 to 1000 (people per advisor)',
      'link: set: labourMarket.discrimination: "lots" is not allowed; expected a number from 0 to 1',
      'link: set: services.languageCourse.entry: "martians" is not allowed; expected one of "anyone", "benefitRights", "unemploymentBenefit", "workAssessmentAllowance", "socialAssistance", "introductionProgramme", "qualificationProgramme", "native", "refugee", "familyReunified", "labourImmigrant", "euEea", "youth"; expected choices joined by "/" from anyone, benefitRights, unemploymentBenefit, workAssessmentAllowance, socialAssistance, introductionProgramme, qualificationProgramme, native, refugee, familyReunified, labourImmigrant, euEea, youth',
    ]);
    expect(settings.levers).toEqual({ 'groups.refuge.share': 0.3, 'office.hoursPerWeek': 30 });
    const checked = checkLevers(mixed(), settings.levers);
    expect(checked.changes).toEqual({ 'office.hoursPerWeek': 30 });
    expect(checked.errors).toEqual(['link: set: groups.refuge.share: "refuge" is not a group of scenario mixed-office (did you mean refugee?); groups: native-rights, native-no-rights, refugee, family-reunified, labour-immigrant, eu-citizen, youth']);
  });

  test('parseLeverQuery reads what leverQuery writes for every lever of a scenario', () => {
    const s = mixed();
    for (const l of leversOf(s)) {
      const v = valueAt(s, l.path);
      const url = toQuery({ ...DEFAULTS, levers: { [l.path]: v } });
      const set = /[?&]set=([^&#]*)/.exec(url)![1];
      expect(parseLeverQuery(set), l.path).toEqual({ changes: { [l.path]: v }, errors: [] });
    }
  });
});

describe('the settings panel', () => {
  function panel(settings: Partial<Settings> = {}) {
    const root = document.createElement('div');
    document.body.replaceChildren(root);
    const changes: Partial<Settings>[] = [];
    const s = mixed();
    renderControls(root, {
      settings: { ...DEFAULTS, scenario: 'mixed-office', ...settings }, scenario: s,
      shipped: shipped.map((name) => ({ name, title: name })), running: false,
      onChange: (p) => changes.push(p), onFile: () => {}, onRun: () => {}, onCancel: () => {},
    });
    return { root, changes };
  }
  const type = (el: HTMLInputElement, value: string) => {
    el.value = value;
    el.dispatchEvent(new Event('input'));
  };

  test('the levers are grouped by topic, collapsed, with the schema’s range and the scenario’s value', () => {
    const { root } = panel();
    const topics = [...root.querySelectorAll<HTMLDetailsElement>('#levers details.lever-topic')];
    expect(topics.map((d) => d.querySelector('summary')!.textContent)).toEqual(['The office', 'Services: places and entry rules', 'The labour market', 'The group mix']);
    expect(topics.every((d) => !d.open)).toBe(true);
    const row = root.querySelector('[data-path="office.caseload"]')!;
    expect(row.querySelector('label')!.textContent).toBe('Caseload per advisor');
    expect(row.querySelector('.unit')!.textContent).toBe('people per advisor');
    expect(row.querySelector('.hint')!.textContent).toMatch(/^Most people one full-time advisor can follow.*allowed 1–1000; scenario: 70\.$/);
    expect(root.querySelectorAll('#levers .lever')).toHaveLength(leversOf(mixed()).length);
  });

  test('in bokmål', () => {
    const { root } = panel({ lang: 'nb' });
    const row = root.querySelector('[data-path="office.caseload"]')!;
    expect(row.querySelector('label')!.textContent).toBe('Saksmengde per veileder');
    expect(row.querySelector('.unit')!.textContent).toBe('personer per veileder');
    expect(root.querySelector('#levers legend')!.textContent).toBe('Verdier i scenariet: hva om …');
  });

  test('a changed value changes the settings; the group mix is rescaled in place', () => {
    const { root, changes } = panel();
    type(root.querySelector('[data-path="office.caseload"] input')!, '40');
    expect(changes.at(-1)).toEqual({ levers: { 'office.caseload': 40 } });
    expect(root.querySelector('[data-path="office.caseload"]')!.classList.contains('changed')).toBe(true);
    expect(root.querySelector('#levers-office summary')!.textContent).toBe('The office (1 changed)');
    type(root.querySelector('[data-path="groups.refugee.share"] input')!, '0.3');
    expect(changes.at(-1)).toEqual({ levers: { 'office.caseload': 40, 'groups.refugee.share': 0.3 } });
    const youth = root.querySelector<HTMLInputElement>('[data-path="groups.youth.share"] input')!;
    expect(Number(youth.value)).toBeCloseTo(0.1 * 0.7 / 0.86, 2);
    expect(root.querySelector('[data-path="groups.youth.share"]')!.classList.contains('rescaled')).toBe(true);
  });

  test('a value out of range shows the CLI’s words and turns Run off; fixing it turns Run on', () => {
    const { root, changes } = panel();
    const run = root.querySelector<HTMLButtonElement>('#run')!;
    expect(run.disabled).toBe(false);
    const input = root.querySelector<HTMLInputElement>('[data-path="labourMarket.discrimination"] input')!;
    type(input, '1.5');
    expect(root.querySelector('[data-path="labourMarket.discrimination"] .lever-problem')!.textContent).toBe('1.5 is not allowed; expected a number from 0 to 1');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(run.disabled).toBe(true);
    expect(root.querySelector('#run-blocked')!.textContent).toBe('Run is off until these values are allowed: Discrimination in hiring.');
    expect(changes).toEqual([]);
    type(input, '0.2');
    expect(run.disabled).toBe(false);
    expect(changes.at(-1)).toEqual({ levers: { 'labourMarket.discrimination': 0.2 } });
  });

  test('People = 0 turns Run off with the message, instead of running the last good value', () => {
    const { root, changes } = panel();
    const people = root.querySelector<HTMLInputElement>('#agents')!;
    type(people, '0');
    expect(root.querySelector('#agents-problem')!.textContent).toBe('0 is not allowed; expected an integer from 1 to 200000 (people)');
    expect(root.querySelector<HTMLButtonElement>('#run')!.disabled).toBe(true);
    expect(changes).toEqual([]);
    type(people, '3');
    expect(root.querySelector('#agents-problem')!.textContent).toBe('3 is not allowed; scenario mixed-office has 5 personas, so it needs at least 5 people');
    type(people, '300');
    expect(root.querySelector<HTMLButtonElement>('#run')!.disabled).toBe(false);
    expect(changes.at(-1)).toEqual({ agents: 300 });
  });

  test('the search box filters the levers by label and path, and opens what it finds', () => {
    const { root } = panel();
    const search = root.querySelector<HTMLInputElement>('#lever-search')!;
    type(search, 'caseload');
    const shown = [...root.querySelectorAll<HTMLElement>('#levers .lever')].filter((r) => !r.hidden).map((r) => r.dataset.path);
    expect(shown).toEqual(['office.caseload']);
    expect(root.querySelector<HTMLDetailsElement>('#levers-office')!.open).toBe(true);
    expect(root.querySelector<HTMLDetailsElement>('#levers-labourMarket')!.hidden).toBe(true);
    type(search, 'languageCourse.entry');
    expect([...root.querySelectorAll<HTMLElement>('#levers .lever')].filter((r) => !r.hidden).map((r) => r.dataset.path)).toEqual(['services.languageCourse.entry']);
    type(search, 'zzz');
    expect(root.querySelector('.lever-none')!.textContent).toBe('No scenario value matches “zzz”.');
    type(search, '');
    expect([...root.querySelectorAll<HTMLElement>('#levers .lever')].every((r) => !r.hidden)).toBe(true);
    expect(root.querySelector<HTMLDetailsElement>('#levers-office')!.open).toBe(false);
  });
});
