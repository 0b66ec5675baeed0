// @vitest-environment jsdom
/**
 * The scenarios' bokmål texts (a sibling `xNb` of each text field `x`,
 * sim/schema/scenario.ts): every shipped scenario and target file has them
 * all; the page shows them (Info panel, group, service and policy names); a
 * file without them, or one that extends a scenario and changes an English
 * text but not its bokmål one, shows the English, marked lang="en" in the
 * Info panel.
 */
import { UI } from '../../viz/text.ts';
import { describe, expect, test } from 'vitest';
import { SHIPPED } from '../../scenarios/index.ts';
import { SHIPPED_TARGETS } from '../../scenarios/targets/index.ts';
import { parseScenario, parseScenarioFile, type Scenario } from '../../sim/index.ts';
import { DEFAULT_SERVICES } from '../../sim/schema/scenario.ts';
import { renderInfo, scenarioTexts } from '../../viz/chrome.ts';
import { groupName, learnNames, nbOf, serviceInSentence, serviceName } from '../../viz/names.ts';
import { policyLabel } from '../../viz/plan.ts';

const shipped = (name: string) => parseScenario(SHIPPED[name], name);
const info = (s: Scenario) => {
  const el = document.createElement('details');
  renderInfo(el, s, 'nb');
  return el;
};

describe('the shipped files have every text in bokmål', () => {
  test.each(Object.keys(SHIPPED))('%s', (name) => {
    const s = shipped(name);
    expect(s.titleNb).toMatch(/\S/);
    for (const f of ['what', 'howItWorks', 'howToUse'] as const) expect(s.info[`${f}Nb`], f).toMatch(/\S/);
    expect(s.info.noticeNb?.length).toBe(s.info.notice.length);
    expect(s.info.tryNb?.length).toBe(s.info.try.length);
    for (const g of s.groups) expect(g.labelNb, g.name).toMatch(/\S/);
    for (const x of s.services) expect(x.labelNb, x.id).toMatch(/\S/);
    for (const [k, p] of Object.entries(s.policies)) if (p.label !== undefined) expect(p.labelNb, k).toMatch(/\S/);
    for (const p of s.personas) expect(p.descriptionNb, p.name).toMatch(/\S/);
  });
  test.each(Object.keys(SHIPPED_TARGETS))('targets %s', (name) => {
    for (const t of (SHIPPED_TARGETS[name] as { targets: { id: string; statementNb?: string }[] }).targets) expect(t.statementNb, t.id).toMatch(/\d/);
  });
});

describe('the page shows them', () => {
  test('the Info panel of a shipped scenario: all in bokmål, nothing marked English', () => {
    const s = shipped('classroom');
    const el = info(s);
    expect(el.querySelector('summary')?.textContent).toBe(`Om dette scenariet: ${s.titleNb}`);
    // what, how it works, how to use the page (the page's own words), and for researchers the scenario's commands
    expect([...el.querySelectorAll('p')].slice(0, 3).map((p) => p.textContent)).toEqual([s.info.whatNb, s.info.howItWorksNb, UI('nb').useText]);
    expect([...el.querySelectorAll('p')][3].textContent).toBe(s.info.howToUseNb!.replace(/`/g, ''));
    expect(el.querySelectorAll('p')[3].querySelector('code')?.textContent).toMatch(/^npx pathways /);
    expect([...el.querySelectorAll('ul')[0].querySelectorAll('li')].map((li) => li.textContent)).toEqual(s.info.noticeNb);
    expect(el.querySelectorAll('[lang=en]').length).toBe(0);
  });

  test('groups, services and policies by their bokmål labels; English in English', () => {
    expect(groupName('refugee', 'Refugees', 'nb')).toBe('Flyktninger');
    expect(groupName('refugee', 'Refugees', 'en')).toBe('Refugees');
    expect(serviceName('languageCourse', 'a language course', 'nb')).toBe('Språkkurs');
    expect(serviceName('languageCourse', 'a language course', 'en')).toBe('Language course');
    expect(serviceInSentence('introductionProgramme', 'the introduction programme', 'nb')).toBe('introduksjonsprogrammet');
    expect(DEFAULT_SERVICES.every((x) => serviceInSentence(x.id, x.label, 'nb') === x.labelNb)).toBe(true);
    const youth = shipped('vulnerable-youth');
    expect(policyLabel(youth, 'same-advisor', 'nb')).toBe('Samme hjelper over tid, med oppfølging');
    expect(policyLabel(youth, 'same-advisor', 'en')).toBe('The same helper over time, with follow-up');
    expect(policyLabel(youth, 'standardised', 'nb')).toBe('Standardisert');
  });
});

describe('a file without bokmål texts shows English, marked', () => {
  test('a file that extends classroom and changes the title and a group label, not their bokmål ones', () => {
    const s = parseScenarioFile({
      extends: 'classroom', name: 'mine', title: 'My class', info: { notice: ['Look at Amina.'] },
      groups: [{ name: 'refugee', label: 'Asylum seekers' }, { name: 'youth', label: 'Young people', labelNb: 'Unge' }],
    }, 'scenario mine.json');
    learnNames(s);
    const t = scenarioTexts(s, 'nb');
    expect(t.title).toEqual({ text: 'My class', en: true });
    expect(t.notice).toEqual({ text: ['Look at Amina.'], en: true });
    expect(t.what).toEqual({ text: s.info.whatNb, en: false });
    const el = info(s);
    expect(el.querySelector('summary span')?.getAttribute('lang')).toBe('en');
    expect(el.querySelector('ul')?.getAttribute('lang')).toBe('en');
    expect(el.querySelector('p')?.getAttribute('lang')).toBeNull();
    // a label changed without its bokmål one is not translated by the old label's
    expect(groupName('refugee', 'Asylum seekers', 'nb')).toBe('Asylum seekers');
    expect(groupName('youth', 'Young people', 'nb')).toBe('Unge');
    expect(groupName('refugee', 'Refugees', 'nb')).toBe('Flyktninger');
  });

  test('a policy whose label a file changes, without its bokmål one', () => {
    const s = parseScenarioFile({ extends: 'vulnerable-youth', policies: { 'same-advisor': { label: 'One advisor' } } }, 'scenario x.json');
    expect(policyLabel(s, 'same-advisor', 'nb')).toBe('One advisor');
    expect(policyLabel(s, 'rotating-advisors', 'nb')).toBe('Skiftende veiledere, månedlige timer');
  });

  test('nbOf: a list only with an item for each English item', () => {
    expect(nbOf(['a', 'b'], ['x'])).toBeUndefined();
    expect(nbOf(['a', 'b'], ['x', 'y'])).toEqual(['x', 'y']);
    expect(nbOf('new', 'gammel', { en: 'old', nb: 'gammel' })).toBeUndefined();
    expect(nbOf('old', 'gammel', { en: 'old', nb: 'gammel' })).toBe('gammel');
    expect(nbOf('new', 'ny', { en: 'old', nb: 'gammel' })).toBe('ny');
  });
});
