// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createJourneyView, employment, type JourneyView } from '../../viz/journey-view.ts';
import type { PageData } from '../../viz/data.ts';
import { fixture } from './fixture.ts';
import { EMPLOYED, FIRST_OUT, STATE_NAMES } from '../../sim/constants.ts';
import { STATE_TEXT } from '../../viz/i18n.ts';
import { eventText } from '../../sim/journey-text.ts';
import { serviceInSentence } from '../../viz/names.ts';

let d: PageData, box: HTMLElement, view: JourneyView | undefined;
beforeEach(() => {
  d = fixture();
  box = document.createElement('div');
  document.body.append(box);
});
afterEach(() => { view?.destroy(); box.remove(); });

const sections = () => [...box.querySelectorAll<HTMLElement>('.jv-policy')];
const events = (policy: string, name: string) => d.journeys.find((j) => j.policy === policy && j.name === name)!.events;
/** First 1-based week the persona is employed in the history, counted here independently. */
function firstEmployed(p: number, name: string): number | null {
  const id = d.meta.personas.findIndex((x) => x.name === name), h = d.history[p];
  for (let w = 1; w <= h.weeks; w++) if (h.states[(w - 1) * h.agents + id] === EMPLOYED) return w;
  return null;
}

describe('follow one person', () => {
  test('the picker is labelled and lists every persona with their group', () => {
    view = createJourneyView(box, d, { lang: 'en' });
    const select = box.querySelector('select')!;
    expect(select.closest('label')!.textContent).toMatch(/^Follow one person/);
    expect([...select.options].map((o) => o.value)).toEqual(d.meta.personas.map((p) => p.name));
    expect(select.options[0].textContent).toBe('Amina (Family-reunified immigrants)');
    expect(select.value).toBe('Amina');
  });

  test('picking a persona renders exactly their events for both policies, in order', () => {
    const onPersona = vi.fn();
    view = createJourneyView(box, d, { lang: 'en', onPersona });
    const select = box.querySelector('select')!;
    select.value = 'Tomasz';
    select.dispatchEvent(new Event('change'));
    expect(onPersona).toHaveBeenCalledWith('Tomasz');
    const secs = sections();
    expect(secs).toHaveLength(2);
    d.meta.policies.forEach((policy, p) => {
      expect(secs[p].querySelector('h3')!.textContent).toBe(d.meta.policyLabels[p]);
      const items = [...secs[p].querySelectorAll('ol > li')].map((li) => li.textContent);
      const want = events(policy, 'Tomasz').map((e) => `Week ${e.week} — ${eventText(e, d.meta, 'en')}`);
      expect(want.length).toBeGreaterThan(3);
      expect(items).toEqual(want);
    });
  });

  test('setPersona switches without calling back; unknown names are ignored', () => {
    const onPersona = vi.fn();
    view = createJourneyView(box, d, { lang: 'en', persona: 'Grace', onPersona });
    expect(box.querySelector('select')!.value).toBe('Grace');
    expect(sections()[1].querySelectorAll('li')).toHaveLength(events('personalised', 'Grace').length);
    view.setPersona('Jonas');
    view.setPersona('Nobody');
    expect(box.querySelector('select')!.value).toBe('Jonas');
    expect(sections()[1].querySelectorAll('ol > li')).toHaveLength(events('personalised', 'Jonas').length);
    expect(onPersona).not.toHaveBeenCalled();
  });

  test('summary: in work from the first employed week of the history; refusals and services counted', () => {
    view = createJourneyView(box, d, { lang: 'en' });
    let seenWork = 0;
    for (const { name } of d.meta.personas) {
      view.setPersona(name);
      d.meta.policies.forEach((policy, p) => {
        const summary = sections()[p].querySelector('.jv-summary')!.textContent!;
        const first = firstEmployed(p, name);
        if (first === null) expect(summary).toMatch(/^Not in work after 104 weeks · /);
        else { seenWork++; expect(summary).toMatch(new RegExp(`^In work from week ${first}[ ,·]`)); }
        expect(employment(d, p, d.meta.personas.findIndex((x) => x.name === name)).first).toBe(first);
        const ev = events(policy, name);
        // leaving the register: the first week in a state outside the labour force, counted here, and the model's event
        const id = d.meta.personas.findIndex((x) => x.name === name), h = d.history[p];
        let left = 0;
        for (let w = 1; w <= h.weeks && !left; w++) if (h.states[(w - 1) * h.agents + id] >= FIRST_OUT) left = w;
        if (left) {
          const state = STATE_NAMES[h.states[(left - 1) * h.agents + id]];
          expect(summary).toContain(` · Left the register in week ${left}: ${STATE_TEXT('en')[state].toLowerCase()} · `);
          expect(ev.filter((e) => e.kind === 'left').map((e) => e.week)).toEqual([left]);
        } else expect(summary).not.toContain('Left the register');
        const refusals = ev.filter((e) => e.kind === 'rejected').length;
        expect(summary).toContain(` · ${refusals} ${refusals === 1 ? 'refusal' : 'refusals'} · `);
        expect(summary).toMatch(new RegExp(`· ${ev.filter((e) => e.kind === 'started').length} services? started$`));
        const strip = sections()[p].querySelector('svg')!;
        expect(strip.getAttribute('aria-label')).toContain(summary);
        expect(strip.querySelectorAll('.jv-rejected')).toHaveLength(refusals);
        const covered = [...strip.querySelectorAll('rect[data-state]')].reduce((t, r) => t + Number(r.getAttribute('width')), 0);
        expect(covered).toBe(104 * 5);
      });
    }
    expect(seenWork).toBeGreaterThan(0);
  });

  test('Bokmål: translated labels, and every event as a bokmål sentence naming the shipped services in bokmål', () => {
    view = createJourneyView(box, d, { lang: 'nb', persona: 'Amina' });
    expect(box.querySelector('label')!.textContent).toMatch(/^Følg én person/);
    const ev = events('standardised', 'Amina');
    const items = [...sections()[0].querySelectorAll('ol > li')].map((li) => li.textContent);
    expect(items).toHaveLength(ev.length);
    // the same sentences the model's text module makes in bokmål, with the services' bokmål names
    const nbNames = { services: d.meta.services.map((x) => ({ id: x.id, label: serviceInSentence(x.id, x.label, 'nb') })) };
    expect(items).toEqual(ev.map((e) => `Uke ${e.week} — ${eventText(e, nbNames, 'nb')}`));
    expect(items[0]).toMatch(/^Uke 1 — registrerte seg som arbeidssøker, (med rett til|uten økonomiske rettigheter)/);
    const k = ev.findIndex((e) => e.kind === 'rejected');
    expect(k).toBeGreaterThanOrEqual(0);
    expect(items[k]).toMatch(new RegExp(`^Uke ${ev[k].week} — søkte om [^,]+, fikk avslag: `));
    // no English left around the labels: no English sentence words, no internal names, and nothing marked as English
    for (const text of items) expect(text).not.toMatch(/\b(week|registered|applied|rejected|started|the advisor|level)\b|\b[a-z]+[A-Z]\w*/);
    expect(sections()[0].querySelector('[lang=en]')).toBeNull();
    expect(sections()[0].querySelector('.jv-summary')!.textContent).toMatch(/^(I arbeid fra uke \d+|Ikke i arbeid etter 104 uker)( · Forlot registeret i uke \d+: [^·]+)? · \d+ avslag · \d+ tiltak startet$/);
  });

  test('the shipped services keep their bokmål names in sentences; other services their scenario label', () => {
    expect(serviceInSentence('languageCourse', 'a language course', 'nb')).toBe('språkkurs');
    expect(serviceInSentence('introductionProgramme', 'the introduction programme', 'nb')).toBe('introduksjonsprogrammet');
    expect(serviceInSentence('languageCourse', 'a language course', 'en')).toBe('a language course');
    expect(serviceInSentence('myCourse', 'my own course', 'nb')).toBe('my own course');
  });

  test('no personas: a message instead', () => {
    view = createJourneyView(box, { ...d, meta: { ...d.meta, personas: [] } }, { lang: 'en' });
    expect(box.querySelector('select')).toBeNull();
    expect(box.textContent).toContain('no personas');
  });
});
