// @vitest-environment jsdom
/** The settings panel names what a loaded file extends, in English and bokmål. */
import { describe, expect, test } from 'vitest';
import { SHIPPED } from '../../scenarios/index.ts';
import { parseScenarioFile } from '../../sim/extends.ts';
import { renderControls } from '../../viz/controls.ts';
import { DEFAULTS } from '../../viz/settings.ts';

const custom = JSON.stringify({ extends: 'mixed-office', office: { caseload: 40 } });

function loadedOption(lang: 'en' | 'nb', text = custom): string {
  const root = document.createElement('div');
  renderControls(root, {
    settings: { ...DEFAULTS, lang, scenario: 'custom', custom: text },
    scenario: parseScenarioFile(JSON.parse(text), 'scenario caseload.json'),
    shipped: Object.keys(SHIPPED).map((name) => ({ name, title: name })),
    fileName: 'caseload.json', running: false,
    onChange: () => {}, onFile: () => {}, onRun: () => {}, onCancel: () => {},
  });
  return root.querySelector<HTMLOptionElement>('#scenario option[value="custom"]')?.textContent ?? '';
}

describe('a loaded file that extends a shipped scenario', () => {
  test('its option says what it extends', () => {
    expect(loadedOption('en')).toBe('Loaded file: caseload.json (extends mixed-office)');
    expect(loadedOption('nb')).toBe('Innlastet fil: caseload.json (bygger på mixed-office)');
  });
  test('a complete file says nothing more', () => {
    expect(loadedOption('en', JSON.stringify(SHIPPED.classroom))).toBe('Loaded file: caseload.json');
  });
});
