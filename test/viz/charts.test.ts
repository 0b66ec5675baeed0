// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { STATE_NAMES } from '../../sim/constants.ts';
import { CHARTS, type ChartId } from '../../viz/charts/index.ts';
import { render as renderGroups } from '../../viz/charts/groups.ts';
import type { PageData } from '../../viz/data.ts';
import { GROUP_NOTE, REASON_TEXT, STATE_TEXT } from '../../viz/i18n.ts';
import { fixture } from './fixture.ts';

const data: PageData = fixture();
const [A, B] = data.meta.policies;
const [LA, LB] = data.meta.policyLabels;
/** Formatted independently of viz/i18n: whole percent, English. */
const pc = (x: number) => `${Math.round(x * 100)}%`;
const scalar = (p: string, m: 'medianWeeksToFirstJob' | 'participationRate' | 'employedWeeksShare') => data.compare.policies[p].summary[m].mean as number;

function render(id: ChartId, d: PageData, lang: 'en' | 'nb' = 'en'): HTMLElement {
  const c = CHARTS.find((x) => x.id === id);
  if (!c) throw new Error(id);
  return c.render(d, { document, width: 640, lang });
}
const chart = (id: ChartId, lang: 'en' | 'nb' = 'en') => render(id, data, lang);
const notice = (f: HTMLElement) => f.querySelector('p.notice')?.textContent ?? '';
const num = (el: Element, attr: string) => Number(el.getAttribute(attr));

describe('charts', () => {
  it('lists the seven charts in display order', () => {
    expect(CHARTS.map((c) => c.id)).toEqual(['employment', 'survival', 'flows', 'services', 'rejections', 'groups', 'gap']);
  });

  for (const { id } of CHARTS) {
    it(`${id}: figure with title, notice, one export svg and caption; svg snapshot`, async () => {
      const f = chart(id);
      expect(f.tagName).toBe('FIGURE');
      expect(f.className).toBe('chart');
      expect(f.id).toBe(`chart-${id}`);
      expect(f.getAttribute('data-chart')).toBe(id);
      expect(f.querySelector('h3')?.textContent?.length).toBeGreaterThan(10);
      expect(notice(f)).toMatch(/^What to notice: \S/);
      const svgs = f.querySelectorAll('svg[data-export]');
      expect(svgs).toHaveLength(1);
      const svg = svgs[0];
      expect(svg.getAttribute('role')).toBe('img');
      expect(svg.getAttribute('aria-label')?.length).toBeGreaterThan(20);
      expect(svg.getAttribute('width')).toBe('640');
      expect(svg.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
      const marks = [...svg.querySelectorAll('path, rect, circle')].filter((m) => (m.getAttribute('d') ?? '').length > 10 || num(m, 'width') > 0 || num(m, 'r') > 0);
      expect(marks.length).toBeGreaterThanOrEqual(id === 'flows' ? 40 : 4);
      expect(f.querySelector('figcaption')?.textContent).toContain('Mean of 3 replications');
      // numbers rounded, one element per line: a diff shows what moved
      const text = svg.outerHTML.replace(/-?\d+\.\d+/g, (m) => Number(m).toFixed(1)).replace(/></g, '>\n<') + '\n';
      await expect(text).toMatchFileSnapshot(`./__snapshots__/${id}.svg`);
    });

    it(`${id}: bokmål words in nb`, () => {
      const en = chart(id, 'en');
      const nb = chart(id, 'nb');
      const title = en.querySelector('h3')?.textContent ?? '';
      expect(nb.querySelector('h3')?.textContent).not.toBe(title);
      expect(nb.textContent).not.toContain(title);
      expect(nb.textContent).not.toContain(en.querySelector('figcaption')?.textContent ?? '');
      expect(notice(nb)).toMatch(/^Legg merke til: \S/);
      const svgText = [...(nb.querySelector('svg[data-export]')?.querySelectorAll('text') ?? [])].map((t) => t.textContent).join('|');
      for (const word of [...Object.values(STATE_TEXT('en')), ...Object.values(REASON_TEXT('en')), 'Week', 'week ', 'Share', 'Refusals', 'Starts', 'level']) {
        expect(svgText).not.toContain(word);
      }
    });
  }

  it('employment: notice gives the final shares and the widest gap', () => {
    const rows = (p: string) => data.employment.filter((r) => r.policy === p).sort((x, y) => x.week - y.week);
    const a = rows(A);
    const b = rows(B);
    let week = 0;
    let diff = 0;
    a.forEach((r, i) => { if (Math.abs(b[i].mean - r.mean) > Math.abs(diff)) { diff = b[i].mean - r.mean; week = r.week; } });
    const n = notice(chart('employment'));
    expect(n).toContain(`After 104 weeks, ${pc(a[103].mean)} are in work under ${LA} and ${pc(b[103].mean)} under ${LB}`);
    expect(n).toContain(`${Math.round(Math.abs(diff) * 100)} percentage points, is in week ${week}, ahead under ${diff > 0 ? LB : LA}`);
    expect(chart('employment', 'nb').querySelector('h3')?.textContent).toBe('Andel i arbeid, uke for uke');
  });

  it('survival: notice gives the median weeks to a first job and the share never hired', () => {
    const n = notice(chart('survival'));
    const last = (p: string) => data.survival.filter((r) => r.policy === p && r.week === 104)[0].mean;
    expect(n).toContain(`Under ${LA} half have had a first job after ${Math.round(scalar(A, 'medianWeeksToFirstJob'))} weeks (median)`);
    expect(n).toContain(`under ${LB} half have had a first job after ${Math.round(scalar(B, 'medianWeeksToFirstJob'))} weeks (median)`);
    expect(n).toContain(`${pc(last(A))} and ${pc(last(B))} have still not been hired`);
  });

  it('survival: says "fewer than half hired" instead of a median the run never reached', () => {
    const short = { ...data, survival: data.survival.map((r) => (r.policy === A ? { ...r, mean: Math.max(r.mean, 0.6) } : r)) };
    const n = notice(render('survival', short));
    expect(n).toContain(`Under ${LA} fewer than half were hired within 104 weeks`);
    expect(n).toContain(`under ${LB} half have had a first job after`);
  });

  it('flows: ribbons conserve the population in each column, columns match the weekly states', () => {
    const f = chart('flows');
    for (const flow of data.flows) {
      const g = f.querySelector(`g[data-policy="${flow.policy}"]`);
      expect(g).not.toBeNull();
      const ribbons = [...(g?.querySelectorAll('path[data-from]') ?? [])];
      const bars = [...(g?.querySelectorAll('rect[data-checkpoint]') ?? [])];
      expect(ribbons.length).toBe(flow.links.length);
      flow.checkpoints.forEach((week, c) => {
        const col = bars.filter((r) => num(r, 'data-checkpoint') === c);
        expect(col.reduce((t, r) => t + num(r, 'data-share'), 0)).toBeCloseTo(1, 4);
        for (const bar of col) {
          const state = bar.getAttribute('data-state');
          const out = ribbons.filter((r) => num(r, 'data-from') === c && r.getAttribute('data-source') === state);
          const inn = ribbons.filter((r) => num(r, 'data-from') === c - 1 && r.getAttribute('data-target') === state);
          const share = num(bar, 'data-share');
          if (c < flow.checkpoints.length - 1) {
            expect(out.reduce((t, r) => t + num(r, 'data-share'), 0)).toBeCloseTo(share, 4);
            // In px: the ribbons leaving a bar tile it from top to bottom (bars are drawn at least 0.5 px high).
            const spans = out.map((r) => {
              const m = /^M[\d.]+,([\d.]+)C.* [\d.]+,([\d.]+)Z$/.exec(r.getAttribute('d') ?? '');
              return m ? [Number(m[1]), Number(m[2])] : [NaN, NaN];
            }).sort((x, y) => x[0] - y[0]);
            const y0 = num(bar, 'y');
            expect(spans[0][0]).toBeCloseTo(y0, 1);
            spans.forEach((s, i) => { if (i > 0) expect(s[0]).toBeCloseTo(spans[i - 1][1], 1); });
            expect(Math.max(y0 + 0.5, spans[spans.length - 1][1])).toBeCloseTo(y0 + num(bar, 'height'), 1);
          }
          if (c > 0) expect(inn.reduce((t, r) => t + num(r, 'data-share'), 0)).toBeCloseTo(share, 4);
          if (week > 0) {
            const weekly = data.states.find((s) => s.policy === flow.policy && s.week === week && s.state === state)?.share;
            expect(share).toBeCloseTo(weekly ?? -1, 4);
          }
        }
        expect(col.length).toBeLessThanOrEqual(STATE_NAMES.length);
      });
    }
  });

  it('flows: notice gives where people in a service are at the next checkpoint', () => {
    const outcome = (p: string) => {
      const links = data.flows.find((x) => x.policy === p)?.links ?? [];
      const svc = (s: string) => s === 'shortService' || s === 'longService';
      const from = links.filter((l) => svc(l.source));
      const total = from.reduce((t, l) => t + l.share, 0);
      return [from.filter((l) => l.target === 'employed'), from.filter((l) => svc(l.target))].map((ls) => pc(ls.reduce((t, l) => t + l.share, 0) / total));
    };
    const [wa, sa] = outcome(A);
    const [wb, sb] = outcome(B);
    expect(notice(chart('flows'))).toContain(`${wa} are in work and ${sa} in a service again at the next under ${LA}; under ${LB}, ${wb} and ${sb}.`);
  });

  it('services: notice gives the mismatched and long shares of starts', () => {
    const share = (p: string, f: (r: PageData['services'][number]) => number) => {
      const rows = data.services.filter((r) => r.policy === p);
      return pc(rows.reduce((t, r) => t + f(r), 0) / rows.reduce((t, r) => t + r.started, 0));
    };
    const n = notice(chart('services'));
    expect(n).toContain(`Under ${LA}, ${share(A, (r) => r.mismatched)} of service starts are at a level that does not fit the person, against ${share(B, (r) => r.mismatched)} under ${LB}`);
    expect(n).toContain(`long services are ${share(A, (r) => (r.term === 'long' ? r.started : 0))} of starts under ${LA} and ${share(B, (r) => (r.term === 'long' ? r.started : 0))} under ${LB}`);
    expect(chart('services').querySelectorAll('svg pattern')).toHaveLength(3);
  });

  it('rejections: notice gives refusals per person and the main reason', () => {
    const sum = (p: string) => data.rejections.filter((r) => r.policy === p).reduce((t, r) => t + r.perPerson, 0).toFixed(2);
    const n = notice(chart('rejections'));
    expect(n).toContain(`Under ${LA} a person meets ${sum(A)} refusals on average`);
    expect(n).toContain(`under ${LB}, ${sum(B)}, most often`);
    const top = [...data.rejections.filter((r) => r.policy === A)].sort((x, y) => y.perPerson - x.perPerson)[0];
    expect(n).toContain(`most often “${REASON_TEXT('en')[top.reason as keyof ReturnType<typeof REASON_TEXT>]}” (${top.perPerson.toFixed(2)})`);
  });

  it('groups: shows the group note, the range between groups, and another metric on request', () => {
    const f = chart('groups');
    expect(f.querySelector('p.group-note')?.textContent).toBe(GROUP_NOTE('en').note);
    expect(chart('groups', 'nb').querySelector('p.group-note')?.textContent).toBe(GROUP_NOTE('nb').note);
    const rows = data.groups.filter((g) => g.policy === B && g.metric === 'employedShare').sort((x, y) => x.mean - y.mean);
    expect(notice(f)).toContain(`under ${LB} from ${pc(rows[0].mean)} (${rows[0].label}) to ${pc(rows[rows.length - 1].mean)} (${rows[rows.length - 1].label})`);
    expect(f.querySelectorAll('svg circle')).toHaveLength(2 * data.meta.groups.length);
    const r = renderGroups(data, { document, choice: 'rejectionsPerPerson' });
    expect(r.querySelector('h3')?.textContent).toBe('Refusals per person, by group');
    const max = data.groups.filter((g) => g.policy === A && g.metric === 'rejectionsPerPerson').sort((x, y) => y.mean - x.mean)[0];
    expect(notice(r)).toContain(`to ${max.mean.toFixed(2)} (${max.label})`);
  });

  it('gap: notice gives activity counted against weeks in work', () => {
    const n = notice(chart('gap'));
    expect(n).toContain(`Under ${LA}, ${pc(scalar(A, 'participationRate'))} of person-weeks are spent in a service`);
    expect(n).toContain(`and ${pc(scalar(A, 'employedWeeksShare'))} in work; under ${LB}, ${pc(scalar(B, 'participationRate'))} and ${pc(scalar(B, 'employedWeeksShare'))}.`);
  });

  it('takes the width and height options', () => {
    const f = CHARTS[0].render(data, { document, width: 400, height: 250 });
    const svg = f.querySelector('svg[data-export]');
    expect(svg?.getAttribute('width')).toBe('400');
    expect(svg?.getAttribute('height')).toBe('250');
  });
});
