// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createJourneyView, employment, personaFacts, personaStates, statesFromEvents, type JourneyView } from '../../viz/journey-view.ts';
import type { PageData } from '../../viz/data.ts';
import { fixture } from './fixture.ts';
import { EMPLOYED, FIRST_OUT, STATE_NAMES } from '../../sim/constants.ts';
import { STATE_TEXT } from '../../viz/i18n.ts';
import { eventRuns, eventText, runLine, runText, weeksText, type Lang } from '../../sim/journey-text.ts';
import type { JourneyEvent } from '../../sim/events.ts';
import { parseScenario, SHIPPED } from '../../sim/index.ts';
import { serviceInSentence } from '../../viz/names.ts';
import { PERSONA_NOTEBOOK } from '../../viz/site-links.ts';
import { personaDescription } from '../../viz/persona-text.ts';

let d: PageData, box: HTMLElement, view: JourneyView | undefined;
beforeEach(() => {
  d = fixture();
  box = document.createElement('div');
  document.body.append(box);
});
afterEach(() => { view?.destroy(); box.remove(); });

const sections = () => [...box.querySelectorAll<HTMLElement>('.jv-policy')];
const events = (policy: string, name: string, replicate = 0) => d.journeys.find((j) => j.policy === policy && j.name === name && j.replicate === replicate)!.events;
const items = (p: number) => [...sections()[p].querySelectorAll('ol > li')].map((li) => li.textContent);
/**
 * The list's lines, made here independently: consecutive events equal apart from the week merged,
 * their weeks written out ("Weeks 3, 5–7"), the sentence of the first (or its form for many weeks).
 */
function lines(ev: JourneyEvent[], lang: Lang, names: { services: { id: string; label: string }[] } = d.meta): string[] {
  const groups: JourneyEvent[][] = [];
  const same = (a: JourneyEvent, b: JourneyEvent) => JSON.stringify({ ...a, week: 0 }) === JSON.stringify({ ...b, week: 0 });
  for (const e of ev) {
    const g = groups.at(-1);
    if (g && same(g[0], e)) g.push(e); else groups.push([e]);
  }
  return groups.map((g) => {
    const weeks = g.map((e) => e.week);
    const word = lang === 'nb' ? 'Uke' : weeks.length > 1 ? 'Weeks' : 'Week';
    const ranges: string[] = [];
    for (const w of weeks) {
      const last = ranges.at(-1)?.split('–');
      if (last && Number(last.at(-1)) === w - 1) ranges[ranges.length - 1] = `${last[0]}–${w}`;
      else ranges.push(String(w));
    }
    const text = g.length > 1 && g[0].kind === 'searchedInVain'
      ? (lang === 'nb' ? 'brukte hver av disse ukene på å lete etter informasjon, fant ikke noe som passet' : 'spent each of these weeks searching for information, found nothing that fits')
      : eventText(g[0], names, lang);
    return `${word} ${ranges.join(', ')} — ${text}`;
  });
}
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
      const want = lines(events(policy, 'Tomasz'), 'en');
      expect(want.length).toBeGreaterThan(3);
      expect(items(p)).toEqual(want);
    });
  });

  test('setPersona switches without calling back; unknown names are ignored', () => {
    const onPersona = vi.fn();
    view = createJourneyView(box, d, { lang: 'en', persona: 'Grace', onPersona });
    expect(box.querySelector('select')!.value).toBe('Grace');
    expect(items(1)).toEqual(lines(events('personalised', 'Grace'), 'en'));
    view.setPersona('Jonas');
    view.setPersona('Nobody');
    expect(box.querySelector('select')!.value).toBe('Jonas');
    expect(items(1)).toEqual(lines(events('personalised', 'Jonas'), 'en'));
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
    const shown = items(0);
    // the same sentences the model's text module makes in bokmål, with the services' bokmål names
    const nbNames = { services: d.meta.services.map((x) => ({ id: x.id, label: serviceInSentence(x.id, x.label, 'nb') })) };
    expect(shown).toEqual(lines(ev, 'nb', nbNames));
    expect(shown.length).toBeLessThan(ev.length); // some runs merged
    expect(shown.some((x) => /^Uke \d+(–\d+)?(, \d+(–\d+)?)+ — |^Uke \d+–\d+ — /.test(x!))).toBe(true);
    expect(shown[0]).toMatch(/^Uke 1 — registrerte seg som arbeidssøker, (med rett til|uten økonomiske rettigheter)/);
    const rejected = ev.find((e) => e.kind === 'rejected')!;
    expect(shown).toContain(`Uke ${rejected.week} — ${eventText(rejected, nbNames, 'nb')}`);
    expect(shown.some((x) => /^Uke \d+ — søkte om [^,]+, fikk avslag: /.test(x!))).toBe(true);
    // no English left around the labels: no English sentence words, no internal names, and nothing marked as English
    for (const text of shown) expect(text).not.toMatch(/\b(weeks?|registered|applied|rejected|started|the advisor|level)\b|\b[a-z]+[A-Z]\w*/);
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

describe('runs of the same event, merged (hand-built events)', () => {
  const S = { services: [{ id: 'languageCourse', label: 'a language course' }] };
  const lang = { service: 'languageCourse', serviceIndex: 0 };
  const ev: JourneyEvent[] = [
    { week: 1, kind: 'registered', rights: [] },
    ...[6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17].map((week): JourneyEvent => ({ week, kind: 'searchedInVain' })),
    { week: 18, kind: 'metAdvisor', explored: false },
    { week: 22, kind: 'metAdvisor', explored: false },
    { week: 23, kind: 'metAdvisor', explored: false },
    { week: 24, kind: 'metAdvisor', explored: true }, // a different meeting: not merged
    { week: 25, kind: 'rejected', ...lang, reason: 'noCapacity', route: 'refugee' },
    { week: 25, kind: 'rejected', ...lang, reason: 'noCapacity', route: 'refugee' },
    { week: 26, kind: 'rejected', ...lang, reason: 'noBudget', route: 'refugee' }, // another reason: not merged
    { week: 30, kind: 'searchedInVain' },
  ];

  test('consecutive events equal apart from the week become one run; different data breaks a run', () => {
    expect(eventRuns(ev).map((r) => [r.event.kind, r.weeks])).toEqual([
      ['registered', [1]], ['searchedInVain', [6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]], ['metAdvisor', [18, 22, 23]], ['metAdvisor', [24]],
      ['rejected', [25, 25]], ['rejected', [26]], ['searchedInVain', [30]],
    ]);
    expect(eventRuns([])).toEqual([]);
  });

  test('the lines in English and bokmål', () => {
    const runs = eventRuns(ev);
    expect(runs.map((r) => runLine(r, S, 'en'))).toEqual([
      'week 1: registered as a jobseeker, with no economic rights, only the right to information and a needs assessment',
      'weeks 6–17: spent each of these weeks searching for information, found nothing that fits',
      'weeks 18, 22–23: met the advisor for a short, standard meeting',
      'week 24: met the advisor, who asked what they want and are good at',
      'week 25 (2×): applied for a language course, rejected: no places left this month',
      'week 26: applied for a language course, rejected: the office’s budget for this month is spent',
      'week 30: spent the week searching for information, found nothing that fits',
    ]);
    expect(runs.map((r) => runLine(r, S, 'nb'))).toEqual([
      'uke 1: registrerte seg som arbeidssøker, uten økonomiske rettigheter, bare med rett til informasjon og behovsvurdering',
      'uke 6–17: brukte hver av disse ukene på å lete etter informasjon, fant ikke noe som passet',
      'uke 18, 22–23: møtte veilederen til en kort standardsamtale',
      'uke 24: møtte veilederen, som spurte hva personen selv ønsker og er god til',
      'uke 25 (2×): søkte om a language course, fikk avslag: ingen ledige plasser denne måneden',
      'uke 26: søkte om a language course, fikk avslag: kontorets budsjett for denne måneden er brukt opp',
      'uke 30: brukte uka på å lete etter informasjon, fant ikke noe som passet',
    ]);
    expect(weeksText([3, 4, 5, 9, 11, 12], 'en')).toBe('weeks 3–5, 9, 11–12');
    expect(runText(runs[1], S, 'en')).not.toBe(eventText(runs[1].event, S, 'en'));
  });

  test('the view shows the runs, one line each, with the weeks first', () => {
    const dd: PageData = { ...d, journeys: d.journeys.map((j) => (j.name === 'Amina' && j.policy === 'standardised' && j.replicate === 0 ? { ...j, events: ev } : j)) };
    view = createJourneyView(box, dd, { lang: 'en', persona: 'Amina' });
    expect(items(0)).toEqual([
      'Week 1 — registered as a jobseeker, with no economic rights, only the right to information and a needs assessment',
      'Weeks 6–17 — spent each of these weeks searching for information, found nothing that fits',
      'Weeks 18, 22–23 — met the advisor for a short, standard meeting',
      'Week 24 — met the advisor, who asked what they want and are good at',
      'Week 25 (2×) — applied for a language course, rejected: no places left this month',
      'Week 26 — applied for a language course, rejected: the office’s budget for this month is spent',
      'Week 30 — spent the week searching for information, found nothing that fits',
    ]);
    // the strip still marks every refusal
    expect(sections()[0].querySelectorAll('svg .jv-rejected')).toHaveLength(3);
    view.destroy();
    view = createJourneyView(box, dd, { lang: 'nb', persona: 'Amina' });
    expect(items(0)[1]).toBe('Uke 6–17 — brukte hver av disse ukene på å lete etter informasjon, fant ikke noe som passet');
  });
});

describe('the draw of luck (replicate)', () => {
  const pick = () => box.querySelector<HTMLSelectElement>('select.jv-draw')!;

  test('a labelled choice of every replicate, the first by default', () => {
    view = createJourneyView(box, d, { lang: 'en', persona: 'Tomasz' });
    expect(pick().closest('label')!.textContent).toMatch(/^Draw of luck /);
    expect([...pick().options].map((o) => [o.value, o.textContent])).toEqual([['0', '1 of 3'], ['1', '2 of 3'], ['2', '3 of 3']]);
    expect(pick().value).toBe('0');
    expect(items(0)).toEqual(lines(events('standardised', 'Tomasz', 0), 'en'));
    view.destroy();
    view = createJourneyView(box, d, { lang: 'nb', persona: 'Tomasz' });
    expect(pick().closest('label')!.textContent).toMatch(/^Trekning av flaks /);
    expect(pick().options[2].textContent).toBe('3 av 3');
  });

  test('another draw shows that replicate’s journeys, and keeps it for another persona and a new view of the same results', () => {
    view = createJourneyView(box, d, { lang: 'en', persona: 'Tomasz' });
    // the draws differ: otherwise the choice would show nothing new
    expect(events('standardised', 'Tomasz', 1)).not.toEqual(events('standardised', 'Tomasz', 0));
    pick().value = '1';
    pick().dispatchEvent(new Event('change'));
    d.meta.policies.forEach((policy, p) => expect(items(p)).toEqual(lines(events(policy, 'Tomasz', 1), 'en')));
    expect(items(0)).not.toEqual(lines(events('standardised', 'Tomasz', 0), 'en'));
    view.setPersona('Grace');
    expect(pick().value).toBe('1');
    expect(items(1)).toEqual(lines(events('personalised', 'Grace', 1), 'en'));
    view.destroy();
    // another language (the page relabels its data, a new object sharing the journeys): the same draw
    view = createJourneyView(box, { ...d, meta: { ...d.meta } }, { lang: 'nb', persona: 'Grace' });
    expect(pick().value).toBe('1');
    view.setReplicate(2);
    view.setReplicate(7); // not a replicate: ignored
    expect(pick().value).toBe('2');
    view.destroy();
    view = createJourneyView(box, d, { lang: 'en', persona: 'Grace', replicate: 0 });
    expect(pick().value).toBe('0');
    expect(items(0)).toEqual(lines(events('standardised', 'Grace', 0), 'en'));
  });

  test('weekly states made from the events are the recorded ones (replicate 0, every persona and policy)', () => {
    let changes = 0;
    d.meta.personas.forEach((persona, id) => d.meta.policies.forEach((policy, p) => {
      const h = d.history[p];
      const recorded = Array.from({ length: h.weeks }, (_, w) => h.states[w * h.agents + id]);
      const made = statesFromEvents(events(policy, persona.name), h.weeks, d.meta.services);
      expect(Array.from(made), `${persona.name}, ${policy}`).toEqual(recorded);
      for (let w = 1; w < recorded.length; w++) if (recorded[w] !== recorded[w - 1]) changes++;
    }));
    expect(changes).toBeGreaterThan(20);
  });

  test('another draw’s strip and summary come from its events', () => {
    view = createJourneyView(box, d, { lang: 'en', persona: 'Jonas', replicate: 2 });
    const id = d.meta.personas.findIndex((x) => x.name === 'Jonas');
    d.meta.policies.forEach((policy, p) => {
      const ev = events(policy, 'Jonas', 2);
      const states = statesFromEvents(ev, 104, d.meta.services);
      expect(personaStates(d, p, id, 2)).toEqual(states);
      const first = states.indexOf(EMPLOYED);
      const summary = sections()[p].querySelector('.jv-summary')!.textContent!;
      expect(summary).toMatch(first < 0 ? /^Not in work after 104 weeks · / : new RegExp(`^In work from week ${first + 1}[ ,·]`));
      expect(employment(d, p, id, 2).first).toBe(first < 0 ? null : first + 1);
      const refusals = ev.filter((e) => e.kind === 'rejected').length;
      expect(summary).toContain(` · ${refusals} ${refusals === 1 ? 'refusal' : 'refusals'} · `);
      const rects = [...sections()[p].querySelectorAll('svg rect[data-state]')];
      expect(rects.reduce((t, r) => t + Number(r.getAttribute('width')), 0)).toBe(104 * 5);
      expect(rects[0].getAttribute('data-state')).toBe(STATE_NAMES[states[0]]);
      expect(rects.at(-1)!.getAttribute('data-state')).toBe(STATE_NAMES[states[103]]);
    });
  });

  test('one replicate: no choice to make, the note on luck still there', () => {
    view = createJourneyView(box, { ...d, journeys: d.journeys.filter((j) => j.replicate === 0) }, { lang: 'en' });
    expect(pick()).toBeNull();
    expect(box.querySelector('.jv-luck-note')!.textContent).toBe('One draw of luck: another seed gives another life.');
  });
});

describe('who the person is', () => {
  const card = () => box.querySelector<HTMLElement>('.jv-card')!;
  const text = (sel: string) => [...card().querySelectorAll(sel)].map((e) => e.textContent);

  test('Amina in English: name, group, description, starting point, the note on luck and the notebook link', () => {
    view = createJourneyView(box, d, { lang: 'en', persona: 'Amina' });
    expect(card().getAttribute('aria-label')).toBe('Who Amina is');
    expect(text('.jv-card-name')).toEqual(['AminaFamily-reunified immigrants']);
    expect(text('.jv-card-desc')).toEqual(['32, came to join her husband, speaks Norwegian well, wants to study to become a teacher.']);
    expect(card().querySelector('[lang]')).toBeNull();
    expect(text('.jv-card-basics')).toEqual(['32 years old · woman · education at intermediate level, taken abroad and not recognised here · registered with no economic rights, only information and a needs assessment']);
    expect(text('.jv-card-resources li')).toEqual(['Local language: high (0.80)', 'Digital skills: high (0.75)', 'Local network: low (0.30)', 'Belief in own ability: high (0.70)', 'Shame: low (0.10)']);
    expect(text('.jv-card-traits li')).toEqual(['Wants long-term education or a career path, not just any job']);
    const link = card().querySelector('a')!;
    expect(link.getAttribute('href')).toBe('notebooks/persona-journeys.html');
    expect(PERSONA_NOTEBOOK).toBe('notebooks/persona-journeys.html');
    expect(link.textContent).toBe('The persona notebook: these journeys side by side, with questions for class');
    // the card above the strips, the note on luck just before them
    const jv = box.querySelector('.jv')!;
    expect([...jv.children].map((e) => e.className)).toEqual(['jv-picker', 'jv-card', 'jv-legend', 'jv-luck', 'jv-policies']);
    expect(jv.querySelector('.jv-luck select.jv-draw')).not.toBeNull();
    expect(box.querySelector('.jv-luck-note')!.textContent).toBe('One draw of luck: another seed gives another life.');
  });

  test('Jonas in bokmål, and the card follows the persona picked', () => {
    view = createJourneyView(box, d, { lang: 'nb', persona: 'Amina' });
    view.setPersona('Jonas');
    expect(card().getAttribute('aria-label')).toBe('Hvem Jonas er');
    expect(text('.jv-card-name')).toEqual(['JonasUnge utenfor arbeid, utdanning og opplæring']);
    expect(text('.jv-card-desc')).toEqual(['23 år, angst, ingen arbeidserfaring, har byttet veileder mange ganger.']);
    expect(card().querySelector('[lang]')).toBeNull();
    expect(text('.jv-card-basics')).toEqual(['23 år · mann · utdanning på grunnleggende nivå · registrert med rett til arbeidsavklaringspenger']);
    expect(text('.jv-card-resources li')).toEqual(['Språkferdigheter: høy (0,95)', 'Digitale ferdigheter: høy (0,80)', 'Lokalt nettverk: lav (0,20)', 'Tro på egen mestring: lav (0,30)', 'Skam: middels (0,60)']);
    expect(text('.jv-card-traits li')).toEqual(['Har en kjent helsemessig eller psykisk barriere', 'Har et problem hen holder for seg selv til hen stoler på noen']);
    expect(card().querySelector('a')!.textContent).toBe('Personnotatboken: disse reisene side om side, med spørsmål til undervisningen');
    expect(box.querySelector('.jv-luck-note')!.textContent).toBe('Én trekning av flaks: en annen trekning gir et annet liv.');
    // no internal names on the card
    for (const t of text('h3, p, li')) expect(t).not.toMatch(/\b[a-z]+[A-Z]\w*/);
  });

  test('every persona of every shipped scenario has a bokmål description; another description stays English, marked as such', () => {
    let n = 0;
    for (const [name, raw] of Object.entries(SHIPPED)) {
      for (const p of parseScenario(raw, name).personas) {
        n++;
        const nb = personaDescription(p, 'nb')!;
        expect(nb.lang, `${name}: ${p.name}`).toBe('nb');
        expect(nb.text).not.toBe(p.description);
        expect(personaDescription(p, 'en')).toEqual({ text: p.description, lang: 'en' });
      }
    }
    expect(n).toBeGreaterThanOrEqual(5);
    const changed = { ...d, meta: { ...d.meta, personas: d.meta.personas.map((p) => (p.name === 'Grace' ? { ...p, description: 'A new text.', descriptionNb: undefined } : p)) } };
    view = createJourneyView(box, changed, { lang: 'nb', persona: 'Grace' });
    expect(card().querySelector('.jv-card-desc')!.getAttribute('lang')).toBe('en');
    expect(card().querySelector('.jv-card-desc')!.textContent).toBe('A new text.');
    expect(personaDescription({}, 'nb')).toBeUndefined();
    const { description: _, ...bare } = d.meta.personas[0];
    expect(personaFacts({ ...bare, careDuties: true }, 'en').traits).toEqual(['Wants long-term education or a career path, not just any job', 'Has care duties for young children']);
  });

  test('a service without a label reads as words, not as its id', () => {
    const services = d.meta.services.map((x) => ({ ...x, label: x.id }));
    view = createJourneyView(box, { ...d, meta: { ...d.meta, services } }, { lang: 'en', persona: 'Amina' });
    const shown = items(0).join('\n');
    expect(shown).not.toMatch(/\b[a-z]+[A-Z]\w*/);
    expect(shown).toMatch(/ (job search course|short office course|work placement|language course|career guidance)\b/);
  });
});
