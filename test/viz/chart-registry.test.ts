// @vitest-environment jsdom
/**
 * The chart registry (viz/charts/index.ts) is the one list of charts: the ids,
 * the story's focus and the link's parameters come from it, and a chart's
 * control belongs to its entry (the Compare view draws it, renders the chart
 * again in place, keeps the focus and tells the page). And the how-to
 * (docs/CONTRIBUTING.md, How to add a chart), done once: a fixture chart from data the page
 * already has, one module (fixture-charts/key-result.ts) and one entry,
 * renders with its control and its buttons and is in the derived id list.
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CHART_CONTROLS, CHART_IDS, CHARTS, chartControls, chartIds, withChoice, type Chart,
} from '../../viz/charts/index.ts';
import { METRIC_TABLE } from '../../sim/metrics.ts';
import { GROUP_METRICS } from '../../viz/data.ts';
import { renderCharts } from '../../viz/results.ts';
import { STORY_STEPS } from '../../viz/story-steps.ts';
import { DEFAULTS } from '../../viz/settings.ts';
import { fromQuery, toQuery } from '../../viz/url.ts';
import { control as keyResultControl, render as keyResult } from './fixture-charts/key-result.ts';
import { fixture } from './fixture.ts';

const data = fixture();
const root = process.cwd();

afterEach(() => document.body.replaceChildren());

/** Render charts into the document (the control's select replaces its figure in place). */
function mount(charts: readonly Chart[], only?: string, choices = {}) {
  const told: [string, string][] = [];
  const figs = renderCharts(data, 'en', 640, { charts, only, choices, onChoice: (chart, value) => told.push([chart, value]) });
  document.body.append(...figs);
  return { figs, told };
}

/** Choose `value` in the select `id`, as a person does. */
function choose(id: string, value: string): void {
  const select = document.getElementById(id) as HTMLSelectElement;
  select.value = value;
  select.dispatchEvent(new Event('change'));
}

describe('the chart registry', () => {
  it('derives the ids from CHARTS, and everything that names a chart reads them', () => {
    expect(CHART_IDS).toEqual(CHARTS.map((c) => c.id));
    expect(new Set(CHART_IDS).size).toBe(CHART_IDS.length);
    for (const s of STORY_STEPS) if (s.focus.view === 'compare') expect(CHART_IDS).toContain(s.focus.chart);
    // no second list of the ids in the page's code or its browser test
    const list = CHART_IDS.map((id) => `'${id}'`).join(', ');
    for (const f of ['viz/url.ts', 'viz/app.ts', 'viz/results.ts', 'viz/view.ts', 'viz/story-steps.ts', 'test/e2e/page.test.ts', 'test/viz/story.test.ts']) {
      expect(readFileSync(`${root}/${f}`, 'utf8'), f).not.toContain(list);
    }
  });

  it('the groups chart carries its control: the measure, kept in the link as `measure`', () => {
    expect(CHART_CONTROLS.map((c) => [c.chart, c.control.id, c.control.param])).toEqual([['groups', 'groups-metric', 'measure']]);
    expect(CHART_CONTROLS[0].control.values).toEqual(GROUP_METRICS);
    // each control's parameter goes into the link and back, its default left out
    for (const { chart, control } of CHART_CONTROLS) {
      const choices = withChoice({}, chart, control.values[1]);
      expect(toQuery({ ...DEFAULTS, choices })).toContain(`&${control.param}=${control.values[1]}`);
      expect(withChoice(choices, chart, control.values[0])).toEqual({});
    }
  });

  it('the Compare view draws a chart’s control, renders the chart again in place with the focus on it, and tells the page', () => {
    const { figs, told } = mount(CHARTS);
    expect(figs.map((f) => f.id)).toEqual(CHART_IDS.map((id) => `chart-${id}`));
    for (const f of figs) expect([...f.querySelectorAll('.chart-tools button')].map((b) => b.textContent)).toEqual(['SVG', 'PNG']);
    // the select sits after the title, labelled
    const select = document.getElementById('groups-metric') as HTMLSelectElement;
    expect(select.closest('figure')?.id).toBe('chart-groups');
    expect(select.parentElement?.previousElementSibling?.tagName).toBe('H3');
    expect(document.querySelector('label[for="groups-metric"]')?.textContent).toBe('Measure');
    expect([...select.options].map((o) => o.value)).toEqual([...GROUP_METRICS]);
    expect(select.value).toBe('employedShare');
    choose('groups-metric', 'rejectionsPerPerson');
    expect(told).toEqual([['groups', 'rejectionsPerPerson']]);
    const fig = document.getElementById('chart-groups')!;
    expect(fig.querySelector('h3')?.textContent).toBe('Refusals per person, by group');
    expect(document.activeElement?.id).toBe('groups-metric');
    expect((document.activeElement as HTMLSelectElement).value).toBe('rejectionsPerPerson');
    expect(fig.querySelectorAll('.chart-tools button')).toHaveLength(2);
    expect(document.querySelectorAll('figure.chart')).toHaveLength(CHARTS.length);
    // a second change is told too
    choose('groups-metric', 'participationRate');
    expect(told.at(-1)).toEqual(['groups', 'participationRate']);
  });

  it('shows the page’s choice, and a chart without a choice its control’s default', () => {
    mount(CHARTS, 'groups', { groups: 'servicesPerPerson' });
    expect((document.getElementById('groups-metric') as HTMLSelectElement).value).toBe('servicesPerPerson');
    expect(document.querySelector('#chart-groups h3')?.textContent).toBe('Services per person, by group');
    document.body.replaceChildren();
    mount(CHARTS, 'groups', { groups: 'happiness' });
    expect((document.getElementById('groups-metric') as HTMLSelectElement).value).toBe('employedShare');
  });
});

describe('how to add a chart (docs/CONTRIBUTING.md, How to add a chart), done once', () => {
  // step 2: one entry in the registry
  const charts = [...CHARTS, { id: 'key-result', render: keyResult, control: keyResultControl }] as const satisfies readonly Chart[];

  it('the new chart is in the derived ids, after the others, and its control in the link’s', () => {
    expect(chartIds(charts)).toEqual([...CHART_IDS, 'key-result']);
    expect(chartControls(charts).map((c) => [c.chart, c.control.param])).toEqual([['groups', 'measure'], ['key-result', 'result']]);
    expect(withChoice({}, 'key-result', 'attendanceRate', charts)).toEqual({ 'key-result': 'attendanceRate' });
    expect(withChoice({ 'key-result': 'attendanceRate' }, 'key-result', 'servicesPerPerson', charts)).toEqual({});
  });

  it('renders on the Compare view as every chart does: figure, notice, one export svg, caption, SVG and PNG buttons, in both languages', () => {
    const { figs } = mount(charts);
    expect(figs.map((f) => f.id).at(-1)).toBe('chart-key-result');
    const fig = document.getElementById('chart-key-result')!;
    expect(fig.className).toBe('chart');
    expect(fig.getAttribute('data-chart')).toBe('key-result');
    expect(fig.querySelector('h3')?.textContent).toBe('Services per person, by policy');
    expect(fig.querySelector('p.notice')?.textContent).toMatch(/^What to notice: Services per person: \d\.\d\d under Standardised, \d\.\d\d under Personalised\.$/);
    const svg = fig.querySelectorAll('svg[data-export]');
    expect(svg).toHaveLength(1);
    expect(svg[0].getAttribute('role')).toBe('img');
    expect(svg[0].querySelectorAll('circle')).toHaveLength(2);
    expect(fig.querySelector('figcaption')?.textContent).toContain('Mean of 3 replications');
    expect([...fig.querySelectorAll('.chart-tools button')].map((b) => b.getAttribute('aria-label'))).toEqual([
      'SVG: Services per person, by policy', 'PNG: Services per person, by policy',
    ]);
    const nb = renderCharts(data, 'nb', 640, { charts, only: 'key-result' })[0];
    expect(nb.querySelector('h3')?.textContent).toBe('Tiltak per person, etter politikk');
    expect(nb.querySelector('p.notice')?.textContent).toMatch(/^Legg merke til: /);
  });

  it('its control works like the groups chart’s', () => {
    const { told } = mount(charts, 'key-result');
    choose('key-result-metric', 'attendanceRate');
    expect(told).toEqual([['key-result', 'attendanceRate']]);
    expect(document.querySelector('#chart-key-result h3')?.textContent).toBe(`${METRIC_TABLE.attendanceRate.label.en}, by policy`);
    expect(document.activeElement?.id).toBe('key-result-metric');
    expect(document.querySelectorAll('#chart-key-result .chart-tools button')).toHaveLength(2);
  });
});

describe('the how-to stays true to the code', () => {
  const guide = readFileSync(`${root}/docs/CONTRIBUTING.md`, 'utf8');
  const howTo = guide.slice(guide.indexOf('## How to add a chart'), guide.indexOf('\n## ', guide.indexOf('## How to add a chart') + 1));

  it('names files that exist', () => {
    const paths = [...howTo.matchAll(/`((?:viz|test|sim|docs)\/[\w./-]+)`/g)].map((m) => m[1]).filter((p) => !p.includes('NAME'));
    expect(paths.length).toBeGreaterThan(8);
    for (const p of paths) expect(existsSync(`${root}/${p}`), p).toBe(true);
  });

  it('uses names that the modules it names export', async () => {
    const modules: Record<string, string[]> = {
      'viz/charts/index.ts': ['CHARTS', 'CHART_IDS', 'CHART_CONTROLS', 'withChoice'],
      'viz/charts/common.ts': ['context', 'figure', 'asSvg', 'choiceOf'],
      'viz/charts/lines.ts': ['lineChart'],
      'viz/charts/rows.ts': ['rowChart'],
      'viz/results.ts': ['renderCharts'],
      'viz/text.ts': ['metricText', 'metricLabel'],
      'viz/i18n.ts': ['texts'],
      'viz/palette.ts': ['POLICY_COLOURS'],
      'viz/data.ts': ['pageData'],
    };
    for (const [file, names] of Object.entries(modules)) {
      const m = (await import(/* @vite-ignore */ `${root}/${file}`)) as Record<string, unknown>;
      for (const n of names) {
        expect(howTo, n).toMatch(new RegExp(`\\b${n}\\b`));
        expect(m[n], `${file} exports ${n}`).toBeDefined();
      }
    }
    expect(DEFAULTS.choices).toEqual({});
  });
});

describe('the link keeps a chart’s choice under its parameter', () => {
  it('round-trips, and a value the control does not have is reported', async () => {
    const back = await fromQuery('?measure=mismatchedServiceShare', '', ['classroom']);
    expect(back).toEqual({ settings: { ...DEFAULTS, choices: { groups: 'mismatchedServiceShare' } }, errors: [] });
    const bad = await fromQuery('?measure=happiness', '', ['classroom']);
    expect(bad.settings.choices).toEqual({});
    expect(bad.errors).toEqual([`link: measure: "happiness" is not allowed; expected one of ${GROUP_METRICS.join(', ')}`]);
  });
});
