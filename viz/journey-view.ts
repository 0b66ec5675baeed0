/**
 * "Follow one person": one persona's weeks under policy A and policy B, as a strip of states with
 * event markers and an ordered list of what happened. The events are the model's records; their
 * sentences are made here in the page's language (sim/journey-text.ts).
 */
import { eventText, type ServiceLabels } from '../sim/journey-text.ts';
import { groupName, serviceInSentence } from './names.ts';
import { elementMaker as el } from './dom.ts';
import type { PageData } from './data.ts';
import { LEFT_TEXT, STATE_TEXT, texts, type Lang } from './i18n.ts';
import { STATE_COLOURS } from './palette.ts';
import { EMPLOYED, FIRST_OUT, STATE_NAMES } from '../sim/constants.ts';

export interface JourneyViewOptions {
  lang: Lang;
  /** Persona to show first (default: the scenario's first). */
  persona?: string;
  /** Called when the person picks another persona in the view (not on setPersona). */
  onPersona?: (name: string) => void;
  /** Document to build in. Default globalThis.document. */
  document?: Document;
  /**
   * Width of a week in the strip's drawing, against its height of 34 (default 5). The strip is as
   * wide as its column, so a smaller value draws it taller, with larger markers (projector mode).
   */
  weekWidth?: number;
}

export interface JourneyView { setPersona(name: string): void; destroy(): void }

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
}, {
  pick: 'Følg én person', weekLabel: 'Uke', none: 'Dette scenarioet har ingen personer å følge.', noEvents: 'Ingen hendelser registrert.',
  inWorkFrom: (w: number) => `I arbeid fra uke ${w}`, notAtEnd: (w: number) => `, ikke i arbeid i uke ${w}`,
  notInWork: (w: number) => `Ikke i arbeid etter ${w} uker`,
  refusals: (n: number) => `${n} avslag`, started: (n: number) => `${n} tiltak startet`,
  left: (w: number, state: string) => `Forlot registeret i uke ${w}: ${state.toLowerCase()}`,
  strip: (name: string, policy: string, summary: string) => `Ukene til ${name} under ${policy}, farget etter tilstand, med hendelser. ${summary}`,
  events: (policy: string) => `Hendelser under ${policy}`, weeks: (a: number, b: number) => (a === b ? `Uke ${a}` : `Uke ${a}–${b}`),
  marks: { rejected: 'avslag', started: 'startet tiltak', completed: 'fullførte tiltak', droppedOut: 'falt fra', hired: 'fikk jobb', lostJob: 'mistet jobben', left: 'forlot registeret' },
});

/** First week (1-based) the persona with history id `id` is employed under policy `p`, or null; and whether employed at the end. */
export function employment(data: PageData, p: number, id: number): { first: number | null; atEnd: boolean; weeks: number } {
  const h = data.history[p];
  const weeks = h?.weeks ?? data.meta.weeks;
  if (!h || id >= h.agents) {
    const ev = data.journeys.find((j) => j.policy === data.meta.policies[p] && j.name === data.meta.personas[id]?.name)?.events ?? [];
    const last = [...ev].reverse().find((e) => e.kind === 'hired' || e.kind === 'lostJob');
    return { first: ev.find((e) => e.kind === 'hired')?.week ?? null, atEnd: last?.kind === 'hired', weeks };
  }
  let first: number | null = null;
  for (let w = 0; w < h.weeks && first === null; w++) if (h.states[w * h.agents + id] === EMPLOYED) first = w + 1;
  return { first, atEnd: h.weeks > 0 && h.states[(h.weeks - 1) * h.agents + id] === EMPLOYED, weeks };
}

/** The first week (1-based) agent `id` of history `h` is outside the labour force, and in which state; null if never. */
export function leftRegister(h: PageData['history'][number], id: number): { week: number; state: number } | null {
  for (let w = 0; w < h.weeks; w++) {
    const s = h.states[w * h.agents + id];
    if (s >= FIRST_OUT) return { week: w + 1, state: s };
  }
  return null;
}

/** Build the view in `container`. */
export function createJourneyView(container: HTMLElement, data: PageData, options: JourneyViewOptions): JourneyView {
  const { lang, document: doc = globalThis.document } = options;
  const T = TEXT(lang);
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
    return { setPersona: () => {}, destroy: () => root.remove() };
  }
  // the services as the sentences name them in this language
  const named: ServiceLabels = { services: data.meta.services.map((x) => ({ id: x.id, label: serviceInSentence(x.id, x.label, lang) })) };
  const groupLabel = (g: string) => groupName(g, data.meta.groups.find((x) => x.name === g)?.label ?? g, lang);
  const select = make('select', { class: 'jv-pick' }) as HTMLSelectElement;
  for (const p of personas) select.append(make('option', { value: p.name }, `${p.name} (${groupLabel(p.group)})`));
  const body = make('div', { class: 'jv-policies' });
  const legend = make('ul', { class: 'jv-legend' });
  STATE_NAMES.forEach((s, i) => {
    if (i === FIRST_OUT) legend.append(make('li', { class: 'jv-legend-head' }, `${LEFT_TEXT(lang).left}:`));
    legend.append(make('li', {}, make('span', { class: 'jv-swatch', style: `background:${STATE_COLOURS[i]}`, 'aria-hidden': 'true' }), STATE_TEXT(lang)[s]));
  });
  legend.append(make('li', { class: 'jv-legend-break', 'aria-hidden': 'true' })); // the event markers on a line of their own
  for (const m of MARKS) legend.append(make('li', {}, make('span', { class: `jv-mark jv-${m}`, 'aria-hidden': 'true' }), T.marks[m]));
  root.append(make('label', { class: 'jv-picker' }, `${T.pick} `, select), legend, body);

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

  function render(name: string): void {
    const id = personas.findIndex((p) => p.name === name);
    body.replaceChildren();
    data.meta.policies.forEach((policy, p) => {
      const label = data.meta.policyLabels[p];
      const events = data.journeys.find((j) => j.policy === policy && j.name === name)?.events ?? [];
      const emp = employment(data, p, id);
      const h = data.history[p];
      const out = h && id < h.agents ? leftRegister(h, id) : null;
      const line = [
        emp.first === null ? T.notInWork(emp.weeks) : T.inWorkFrom(emp.first) + (emp.atEnd ? '' : T.notAtEnd(emp.weeks)),
        ...(out ? [T.left(out.week, STATE_TEXT(lang)[STATE_NAMES[out.state]])] : []),
        T.refusals(events.filter((e) => e.kind === 'rejected').length), T.started(events.filter((e) => e.kind === 'started').length),
      ].join(' · ');
      const cw = options.weekWidth ?? 5;
      const strip = svg('svg', { class: 'jv-strip', viewBox: `0 0 ${emp.weeks * cw} 34`, role: 'img', 'aria-label': T.strip(name, label, line) });
      if (h && id < h.agents) {
        for (let w = 0; w < h.weeks;) {
          const s = h.states[w * h.agents + id];
          let e = w;
          while (e + 1 < h.weeks && h.states[(e + 1) * h.agents + id] === s) e++;
          const title = svg('title', {});
          title.textContent = `${T.weeks(w + 1, e + 1)}: ${STATE_TEXT(lang)[STATE_NAMES[s]]}`;
          strip.append(svg('rect', { x: w * cw, y: 12, width: (e - w + 1) * cw, height: 22, fill: STATE_COLOURS[s], 'data-state': STATE_NAMES[s] }, title));
          w = e + 1;
        }
      }
      for (const e of events) if ((MARKS as readonly string[]).includes(e.kind)) strip.append(marker(e.kind, (e.week - 0.5) * cw));
      const list = make('ol', { class: 'jv-events' });
      for (const e of events) list.append(make('li', { class: `jv-ev-${e.kind}` }, `${T.weekLabel} ${e.week} — ${eventText(e, named, lang)}`));
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
  select.addEventListener('change', () => {
    render(select.value);
    options.onPersona?.(select.value);
  });
  setPersona(personas.some((p) => p.name === options.persona) ? options.persona! : personas[0].name);
  return { setPersona, destroy: () => root.remove() };
}
