/**
 * "Follow one person": one persona's weeks under policy A and policy B, for one draw of luck (a
 * replicate, picked in the view): who the person is (a card from the scenario's definition), a
 * strip of states with event markers, and an ordered list of what happened, with runs of the same
 * event in consecutive lines merged into one ("weeks 6–17: ..."). The events are the model's
 * records; their sentences are made here in the page's language (sim/journey-text.ts).
 */
import { ENTITLEMENT_TEXT, eventRuns, LEVEL_TEXT, runText, weeksText } from '../sim/journey-text.ts';
import type { JourneyEvent } from '../sim/events.ts';
import type { Persona } from '../sim/scenario.ts';
import { groupName, sentenceServices } from './names.ts';
import { elementMaker as el } from './dom.ts';
import type { PageData } from './data.ts';
import { LEFT_TEXT, num, STATE_TEXT, texts, type Lang } from './i18n.ts';
import { STATE_COLOURS } from './palette.ts';
import { inLanguage, PERSONA_NOTEBOOK } from './site-links.ts';
import { personaDescription } from './persona-text.ts';
import {
  DISCOURAGED, EMPLOYED, FIRST_OUT, LEVEL_NAMES, LONG_SERVICE, SHORT_SERVICE, STATE_NAMES, UNEMPLOYED,
} from '../sim/constants.ts';

export interface JourneyViewOptions {
  lang: Lang;
  /** Persona to show first (default: the scenario's first). */
  persona?: string;
  /** Draw of luck to show first: a 0-based replicate (default: the one last shown for these results, else 0). */
  replicate?: number;
  /** Called when the person picks another persona in the view (not on setPersona). */
  onPersona?: (name: string) => void;
  /** Called when the person picks another draw of luck in the view (not on setReplicate). */
  onReplicate?: (replicate: number) => void;
  /** Document to build in. Default globalThis.document. */
  document?: Document;
  /**
   * Width of a week in the strip's drawing, against its height of 34 (default 5). The strip is as
   * wide as its column, so a smaller value draws it taller, with larger markers (projector mode).
   */
  weekWidth?: number;
}

export interface JourneyView { setPersona(name: string): void; setReplicate(replicate: number): void; destroy(): void }

/** Event kinds drawn on the strip, and how (the marker legend lists them in this order). */
const MARKS = ['rejected', 'started', 'completed', 'droppedOut', 'hired', 'lostJob', 'left'] as const;

const TEXT = texts({
  pick: 'Follow one person', weekLabel: 'Week', none: 'This scenario has no personas to follow.', noEvents: 'No events recorded.',
  inWorkFrom: (w: number) => `In work from week ${w}`, notAtEnd: (w: number) => `, not in work at week ${w}`,
  notInWork: (w: number) => `Not in work after ${w} weeks`,
  refusals: (n: number) => `${n} ${n === 1 ? 'refusal' : 'refusals'}`, started: (n: number) => `${n} ${n === 1 ? 'service' : 'services'} started`,
  left: (w: number, state: string) => `Left the register in week ${w}: ${state.toLowerCase()}`,
  strip: (name: string, policy: string, summary: string) => `${name}'s weeks under ${policy}, coloured by state, with event markers. ${summary}`,
  events: (policy: string) => `Events under ${policy}`, weeks: (a: number, b: number) => (a === b ? `Week ${a}` : `Weeks ${a}–${b}`),
  marks: { rejected: 'refused', started: 'started a service', completed: 'completed a service', droppedOut: 'dropped out', hired: 'got a job', lostJob: 'lost the job', left: 'left the register' } as Record<string, string>,
  draw: 'Draw of luck', drawOf: (k: number, n: number) => `${k} of ${n}`,
  luck: 'One draw of luck: another seed gives another life.',
}, {
  pick: 'Følg én person', weekLabel: 'Uke', none: 'Dette scenarioet har ingen personer å følge.', noEvents: 'Ingen hendelser registrert.',
  inWorkFrom: (w: number) => `I arbeid fra uke ${w}`, notAtEnd: (w: number) => `, ikke i arbeid i uke ${w}`,
  notInWork: (w: number) => `Ikke i arbeid etter ${w} uker`,
  refusals: (n: number) => `${n} avslag`, started: (n: number) => `${n} tiltak startet`,
  left: (w: number, state: string) => `Forlot registeret i uke ${w}: ${state.toLowerCase()}`,
  strip: (name: string, policy: string, summary: string) => `Ukene til ${name} under ${policy}, farget etter tilstand, med hendelser. ${summary}`,
  events: (policy: string) => `Hendelser under ${policy}`, weeks: (a: number, b: number) => (a === b ? `Uke ${a}` : `Uke ${a}–${b}`),
  marks: { rejected: 'avslag', started: 'startet tiltak', completed: 'fullførte tiltak', droppedOut: 'falt fra', hired: 'fikk jobb', lostJob: 'mistet jobben', left: 'forlot registeret' },
  draw: 'Trekning av flaks', drawOf: (k: number, n: number) => `${k} av ${n}`,
  luck: 'Én trekning av flaks: en annen trekning gir et annet liv.',
});

/** The persona card's words. */
const CARD = texts({
  who: (name: string) => `Who ${name} is`,
  age: (n: number) => `${n} years old`, woman: 'woman', man: 'man',
  education: (level: string, abroad: boolean) => `education at ${level} level${abroad ? ', taken abroad and not recognised here' : ''}`,
  rights: (list: string) => (list ? `registered with a right to ${list}` : 'registered with no economic rights, only information and a needs assessment'),
  language: 'Local language', digital: 'Digital skills', network: 'Local network', selfEfficacy: 'Belief in own ability', shame: 'Shame',
  low: 'low', medium: 'medium', high: 'high', resources: 'Resources at the start',
  ambition: 'Wants long-term education or a career path, not just any job',
  health: 'Has a known health or mental-health barrier',
  hidden: 'Has a problem they keep to themselves until they trust someone',
  care: 'Has care duties for young children',
  notebook: 'The persona notebook: these journeys side by side, with questions for class',
}, {
  who: (name: string) => `Hvem ${name} er`,
  age: (n: number) => `${n} år`, woman: 'kvinne', man: 'mann',
  education: (level: string, abroad: boolean) => `utdanning på ${level} nivå${abroad ? ', tatt i utlandet og ikke godkjent her' : ''}`,
  rights: (list: string) => (list ? `registrert med rett til ${list}` : 'registrert uten økonomiske rettigheter, bare med rett til informasjon og behovsvurdering'),
  language: 'Språkferdigheter', digital: 'Digitale ferdigheter', network: 'Lokalt nettverk', selfEfficacy: 'Tro på egen mestring', shame: 'Skam',
  low: 'lav', medium: 'middels', high: 'høy', resources: 'Ressurser ved start',
  ambition: 'Vil ta lang utdanning eller bygge en karriere, ikke bare ta en hvilken som helst jobb',
  health: 'Har en kjent helsemessig eller psykisk barriere',
  hidden: 'Har et problem hen holder for seg selv til hen stoler på noen',
  care: 'Har omsorg for små barn hjemme',
  notebook: 'Personnotatboken: disse reisene side om side, med spørsmål til undervisningen',
});

/** The events of `name` under policy `policy` in replicate `replicate` (0-based), or undefined. */
export function journeyOf(data: PageData, policy: string, name: string, replicate = 0): JourneyEvent[] | undefined {
  return data.journeys.find((j) => j.policy === policy && j.name === name && (j.replicate) === replicate)?.events;
}

/** The state an event leaves the person in; `st` when it changes no state. `services` tell a long service from a short one. */
function stateAfter(e: JourneyEvent, st: number, services: ServiceTerms): number {
  switch (e.kind) {
    case 'discouraged': return DISCOURAGED;
    case 'resumed': case 'completed': case 'droppedOut': case 'lostJob': return UNEMPLOYED;
    case 'hired': return EMPLOYED;
    case 'left': return STATE_NAMES.indexOf(e.state);
    case 'started': {
      const at = services[e.serviceIndex];
      const sv = at?.id === e.service ? at : services.find((x) => x.id === e.service);
      return sv?.term === 'long' ? LONG_SERVICE : SHORT_SERVICE;
    }
    default: return st;
  }
}
type ServiceTerms = readonly { id: string; term: 'short' | 'long' }[];

/**
 * A persona's state after each week (STATE_NAMES codes; index 0 is week 1), made from their events:
 * every change of a tracked person's state is logged as an event (starting and leaving a service,
 * getting and losing a job, giving up and searching again, leaving the register); registered as
 * unemployed in week 1. test/viz/journey.test.ts checks it against the recorded weekly states.
 */
export function statesFromEvents(events: readonly JourneyEvent[], weeks: number, services: ServiceTerms): Uint8Array {
  const out = new Uint8Array(weeks);
  let st = UNEMPLOYED, k = 0;
  for (let w = 1; w <= weeks; w++) {
    for (; k < events.length && events[k].week <= w; k++) st = stateAfter(events[k], st, services);
    out[w - 1] = st;
  }
  return out;
}

/**
 * The weekly states of persona `id` under policy `p` in replicate `replicate`: the recorded history
 * where the page kept it (replicate 0), else made from the events (statesFromEvents); null when neither is there.
 */
export function personaStates(data: PageData, p: number, id: number, replicate = 0): Uint8Array | null {
  const h = data.history[p];
  if (replicate === 0 && h && id < h.agents) {
    const out = new Uint8Array(h.weeks);
    for (let w = 0; w < h.weeks; w++) out[w] = h.states[w * h.agents + id];
    return out;
  }
  const events = journeyOf(data, data.meta.policies[p], data.meta.personas[id]?.name ?? '', replicate);
  return events ? statesFromEvents(events, h?.weeks ?? data.meta.weeks, data.meta.services) : null;
}

/** First week (1-based) persona `id` is employed under policy `p` in replicate `replicate`, or null; and whether employed at the end. */
export function employment(data: PageData, p: number, id: number, replicate = 0): { first: number | null; atEnd: boolean; weeks: number } {
  const states = personaStates(data, p, id, replicate);
  const weeks = data.history[p]?.weeks ?? data.meta.weeks;
  if (!states) return { first: null, atEnd: false, weeks };
  const w = states.indexOf(EMPLOYED);
  return { first: w < 0 ? null : w + 1, atEnd: states.length > 0 && states[states.length - 1] === EMPLOYED, weeks };
}

/** The first week (1-based) of weekly `states` outside the labour force, and in which state; null if never. */
export function leftRegister(states: ArrayLike<number>): { week: number; state: number } | null {
  for (let w = 0; w < states.length; w++) if (states[w] >= FIRST_OUT) return { week: w + 1, state: states[w] };
  return null;
}

/**
 * The draw of luck (0-based replicate) last shown for each result, so that another view or language
 * keeps it: by the result's list of journeys, which the page data of another language shares.
 */
const shownReplicate = new WeakMap<PageData['journeys'], number>();

/** A share (0..1) as a word: low below 1/3, high from 2/3. */
function degree(x: number): 'low' | 'medium' | 'high' {
  return x < 1 / 3 ? 'low' : x < 2 / 3 ? 'medium' : 'high';
}

const RESOURCES = ['language', 'digital', 'network', 'selfEfficacy', 'shame'] as const;

/**
 * The persona card's lines, in `lang`: who the person is by the scenario's definition. Plain
 * strings, so that the test reads them as they are shown.
 */
export function personaFacts(p: Persona, lang: Lang): { basics: string[]; resources: string[]; traits: string[] } {
  const T = CARD(lang);
  const rights = p.entitlements.map((e) => ENTITLEMENT_TEXT[lang][e]).join(', ');
  const basics = [T.age(p.age), p.woman ? T.woman : T.man, T.education(LEVEL_TEXT[lang][LEVEL_NAMES[p.education]], p.foreignEducation), T.rights(rights)];
  const resources = RESOURCES.map((k) => `${T[k]}: ${T[degree(p[k])]} (${num(p[k], lang, 2)})`);
  const traits = [
    ...(p.ambition ? [T.ambition] : []),
    // work assessment allowance is given for reduced work capacity: the model gives its holders a known health barrier
    ...(p.healthBarrier || p.entitlements.includes('workAssessmentAllowance') ? [T.health] : []),
    ...(p.hiddenBarrier ? [T.hidden] : []),
    ...(p.careDuties ? [T.care] : []),
  ];
  return { basics, resources, traits };
}

/** "weeks 6–17" as a line starts: "Weeks 6–17". */
const capital = (x: string) => x.charAt(0).toUpperCase() + x.slice(1);

/** Build the view in `container`. */
export function createJourneyView(container: HTMLElement, data: PageData, options: JourneyViewOptions): JourneyView {
  const { lang, document: doc = globalThis.document } = options;
  const T = TEXT(lang);
  const C = CARD(lang);
  const make = el(doc);
  const svg = (tag: string, attrs: Record<string, string | number>, ...kids: Node[]) => {
    const e = doc.createElementNS('http://www.w3.org/2000/svg', tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    e.append(...kids);
    return e;
  };
  const root = make('div', { class: 'jv' });
  container.append(root);
  const personas = data.meta.personas;
  if (personas.length === 0) {
    root.append(make('p', {}, T.none));
    return { setPersona: () => {}, setReplicate: () => {}, destroy: () => root.remove() };
  }
  // the services as the sentences name them in this language
  const named = sentenceServices(data.meta.services, lang);
  const groupLabel = (g: string) => groupName(g, data.meta.groups.find((x) => x.name === g)?.label ?? g, lang);
  const select = make('select', { class: 'jv-pick' }) as HTMLSelectElement;
  for (const p of personas) select.append(make('option', { value: p.name }, `${p.name} (${groupLabel(p.group)})`));
  // the draws of luck the results hold (replicates, 0-based), shown from 1
  const replicates = [...new Set(data.journeys.map((j) => j.replicate))].sort((a, b) => a - b);
  const draw = make('select', { class: 'jv-pick jv-draw' }) as HTMLSelectElement;
  for (const r of replicates) draw.append(make('option', { value: String(r) }, T.drawOf(r + 1, replicates.length)));
  // the draw next to what it means, just above the strips
  const luck = make('div', { class: 'jv-luck' }, make('span', { class: 'jv-luck-note' }, T.luck),
    ...(replicates.length > 1 ? [make('label', { class: 'jv-picker' }, `${T.draw} `, draw)] : []));
  const card = make('section', { class: 'jv-card' });
  const body = make('div', { class: 'jv-policies' });
  const legend = make('ul', { class: 'jv-legend' });
  STATE_NAMES.forEach((s, i) => {
    if (i === FIRST_OUT) legend.append(make('li', { class: 'jv-legend-head' }, `${LEFT_TEXT(lang).left}:`));
    legend.append(make('li', {}, make('span', { class: 'jv-swatch', style: `background:${STATE_COLOURS[i]}`, 'aria-hidden': 'true' }), STATE_TEXT(lang)[s]));
  });
  legend.append(make('li', { class: 'jv-legend-break', 'aria-hidden': 'true' })); // the event markers on a line of their own
  for (const m of MARKS) legend.append(make('li', {}, make('span', { class: `jv-mark jv-${m}`, 'aria-hidden': 'true' }), T.marks[m]));
  root.append(make('label', { class: 'jv-picker' }, `${T.pick} `, select), card, legend, luck, body);
  let replicate = [options.replicate, shownReplicate.get(data.journeys)].find((r) => r !== undefined && replicates.includes(r)) ?? replicates[0] ?? 0;
  draw.value = String(replicate);

  function marker(kind: string, x: number): SVGElement {
    const c = { class: `jv-marker jv-${kind}` };
    switch (kind) {
      case 'rejected': return svg('path', { ...c, d: `M${x - 4} 1 L${x + 4} 9 M${x + 4} 1 L${x - 4} 9`, stroke: '#B00020', 'stroke-width': 2 });
      case 'hired': return svg('path', { ...c, d: `M${x} 0 L${x + 5} 5 L${x} 10 L${x - 5} 5 Z`, fill: '#000' });
      case 'lostJob': return svg('path', { ...c, d: `M${x - 5} 1 L${x + 5} 1 L${x} 10 Z`, fill: '#555' });
      case 'left': return svg('path', { ...c, d: `M${x - 5} 4 L${x} 4 L${x} 1 L${x + 5} 5 L${x} 9 L${x} 6 L${x - 5} 6 Z`, fill: '#000' });
      case 'droppedOut': return svg('rect', { ...c, x: x - 4, y: 1, width: 8, height: 8, fill: 'none', stroke: '#555', 'stroke-width': 1.5 });
      default: return svg('circle', { ...c, cx: x, cy: 5, r: 4, fill: kind === 'completed' ? '#333333' : 'none', stroke: '#333333', 'stroke-width': 1.5 });
    }
  }

  /** Who the person is: name, group, the scenario's description (in English, marked, when it has no bokmål text) and their starting point. */
  function renderCard(p: Persona): void {
    const facts = personaFacts(p, lang);
    const d = personaDescription(p, lang);
    card.setAttribute('aria-label', C.who(p.name));
    card.replaceChildren(
      make('div', { class: 'jv-card-head' },
        make('h3', { class: 'jv-card-name' }, p.name, make('span', { class: 'jv-card-group' }, groupLabel(p.group))),
        ...(d ? [make('p', { class: 'jv-card-desc', ...(d.lang !== lang ? { lang: d.lang } : {}) }, d.text)] : [])),
      make('p', { class: 'jv-card-basics' }, capital(facts.basics.join(' · '))),
      make('ul', { class: 'jv-card-resources', 'aria-label': C.resources }, ...facts.resources.map((x) => make('li', {}, x))),
      make('div', { class: 'jv-card-foot' },
        ...(facts.traits.length ? [make('ul', { class: 'jv-card-traits' }, ...facts.traits.map((x) => make('li', {}, x)))] : []),
        make('p', { class: 'jv-card-link' }, make('a', { href: inLanguage(PERSONA_NOTEBOOK, lang) }, C.notebook))));
  }

  function render(name: string): void {
    const id = personas.findIndex((p) => p.name === name);
    renderCard(personas[id]);
    body.replaceChildren();
    data.meta.policies.forEach((policy, p) => {
      const label = data.meta.policyLabels[p];
      const events = journeyOf(data, policy, name, replicate) ?? [];
      const states = personaStates(data, p, id, replicate);
      const emp = employment(data, p, id, replicate);
      const out = states ? leftRegister(states) : null;
      const line = [
        emp.first === null ? T.notInWork(emp.weeks) : T.inWorkFrom(emp.first) + (emp.atEnd ? '' : T.notAtEnd(emp.weeks)),
        ...(out ? [T.left(out.week, STATE_TEXT(lang)[STATE_NAMES[out.state]])] : []),
        T.refusals(events.filter((e) => e.kind === 'rejected').length), T.started(events.filter((e) => e.kind === 'started').length),
      ].join(' · ');
      const cw = options.weekWidth ?? 5;
      const strip = svg('svg', { class: 'jv-strip', viewBox: `0 0 ${emp.weeks * cw} 34`, role: 'img', 'aria-label': T.strip(name, label, line) });
      if (states) {
        for (let w = 0; w < states.length;) {
          const s = states[w];
          let e = w;
          while (e + 1 < states.length && states[e + 1] === s) e++;
          const title = svg('title', {});
          title.textContent = `${T.weeks(w + 1, e + 1)}: ${STATE_TEXT(lang)[STATE_NAMES[s]]}`;
          strip.append(svg('rect', { x: w * cw, y: 12, width: (e - w + 1) * cw, height: 22, fill: STATE_COLOURS[s], 'data-state': STATE_NAMES[s] }, title));
          w = e + 1;
        }
      }
      for (const e of events) if ((MARKS as readonly string[]).includes(e.kind)) strip.append(marker(e.kind, (e.week - 0.5) * cw));
      const list = make('ol', { class: 'jv-events' });
      for (const r of eventRuns(events)) list.append(make('li', { class: `jv-ev-${r.event.kind}` }, `${capital(weeksText(r.weeks, lang))} — ${runText(r, named, lang)}`));
      body.append(make('section', { class: 'jv-policy' },
        make('h3', {}, label), make('p', { class: 'jv-summary' }, line), strip,
        make('div', { class: 'jv-axis', 'aria-hidden': 'true' }, make('span', {}, `${T.weekLabel} 1`), make('span', {}, `${T.weekLabel} ${emp.weeks}`)),
        events.length ? make('div', { class: 'jv-scroll', tabindex: '0', role: 'region', 'aria-label': T.events(label) }, list) : make('p', {}, T.noEvents)));
    });
  }

  function setPersona(name: string): void {
    if (!personas.some((p) => p.name === name)) return;
    select.value = name;
    render(name);
  }
  function setReplicate(r: number): void {
    if (!replicates.includes(r)) return;
    replicate = r;
    shownReplicate.set(data.journeys, r);
    draw.value = String(r);
    render(select.value);
  }
  select.addEventListener('change', () => {
    render(select.value);
    options.onPersona?.(select.value);
  });
  draw.addEventListener('change', () => {
    setReplicate(Number(draw.value));
    options.onReplicate?.(Number(draw.value));
  });
  setPersona(personas.some((p) => p.name === options.persona) ? options.persona! : personas[0].name);
  return { setPersona, setReplicate, destroy: () => root.remove() };
}
