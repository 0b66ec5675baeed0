/**
 * "Watch the agents": the same people under policy A and policy B, one dot each, moving between
 * the states week by week, those who have left the register in a band of their own (a playback of
 * `data.history`; nothing is simulated here).
 * Week 0 is the start, everyone unemployed; week w is the state after simulated week w (see agents-layout.ts).
 */
import { groupName } from './names.ts';
import { elementMaker as el } from './dom.ts';
import type { PageData } from './data.ts';
import { AgentsLayout, BAND_HEADER, capacities, geometry, paintDots, pixel, stateCountAt, stateCounts, type Frame } from './agents-layout.ts';
import { GROUP_NOTE, LEFT_TEXT, STATE_TEXT, texts, type Lang } from './i18n.ts';
import { GROUP_COLOURS, STATE_COLOURS } from './palette.ts';
import { NUM_STATES, STATE_NAMES, EMPLOYED } from '../sim/constants.ts';

export interface AgentsViewOptions {
  /** Interface language. Default 'en'. */
  lang?: Lang;
  /** Width of both panels together, in CSS px. Default 960. */
  width?: number;
  /**
   * Height the whole view may take, in CSS px (controls and legend included): the panels then fill
   * what is left, side by side or, when that makes them too narrow for their labels, one above the
   * other. Default: none (panels side by side, about as tall as wide).
   */
  height?: number;
  /**
   * Size of the labels in the panels, in CSS px. Default 12. When given (projector mode), labels that
   * do not fit their region wrap onto two lines, the regions make room for them, and dots may be larger.
   */
  fontSize?: number;
  /** Playback speed in weeks per second (the select offers SPEEDS; other positive values also play). Default 4. */
  speed?: number;
  /** Document to build in. Default globalThis.document. */
  document?: Document;
}

export interface AgentsView {
  play(): void; pause(): void; step(): void; reset(): void; setSpeed(n: number): void; setWeek(w: number): void;
  readonly week: number; readonly playing: boolean;
  destroy(): void;
  /** Play for `ms` milliseconds (looping at the end) and return the frames per second actually drawn. */
  measureFps(ms: number): Promise<number>;
}

export const SPEEDS = [1, 2, 4, 8, 16] as const;
const TWEEN = 0.6; // share of a week's time the dots spend gliding (none with prefers-reduced-motion)

const TEXT = texts({
  play: 'Play', pause: 'Pause', step: 'Step one week', reset: 'Back to week 0', speed: 'Speed', perSecond: 'weeks/s', week: 'Week',
  empty: 'No weekly histories were kept for this run, so there are no agents to watch.',
  canvas: (policy: string, n: number, regions: number, states: string, left: string) =>
    `${policy}: ${n} people as dots, coloured by group, in ${regions} labelled regions with counts: ${states}; the last ones, in a band below, are those who ${left}`,
  summary: (w: number, parts: string[]) => `Week ${w}: ${parts.join(', ')}`,
  inWork: (n: number, policy: string, first: boolean) => (first ? `${n} in work under ${policy}` : `${n} under ${policy}`),
  personas: 'Large ringed dots with names: the people you can follow one by one.', panels: 'Animation (Space plays or pauses)', controls: 'Playback',
  table: (w: number) => `People in each state in week ${w}`, state: 'State',
}, {
  play: 'Spill av', pause: 'Pause', step: 'Én uke fram', reset: 'Tilbake til uke 0', speed: 'Fart', perSecond: 'uker/s', week: 'Uke',
  empty: 'Ingen ukentlige historikker ble lagret for denne kjøringen, så det er ingen agenter å se.',
  canvas: (policy: string, n: number, regions: number, states: string, left: string) =>
    `${policy}: ${n} personer som prikker, farget etter gruppe, i ${regions} merkede områder med antall: ${states}; de siste, i et bånd nederst, er de som ${left}`,
  summary: (w: number, parts: string[]) => `Uke ${w}: ${parts.join(', ')}`,
  inWork: (n: number, policy: string, first: boolean) => (first ? `${n} i arbeid under ${policy}` : `${n} under ${policy}`),
  personas: 'Store prikker med ring og navn: personene du kan følge én og én.', panels: 'Animasjon (mellomrom spiller av eller pauser)', controls: 'Avspilling',
  table: (w: number) => `Personer i hver tilstand i uke ${w}`, state: 'Tilstand',
});

/** One policy: a background canvas (regions, labels, counts; redrawn when the week changes) under the dots. */
interface Panel extends Frame {
  layout: AgentsLayout; counts: Int32Array; bg: CanvasRenderingContext2D | null; fg: CanvasRenderingContext2D | null;
  img: ImageData | null; px: Uint32Array;
}


/** Build the view in `container`. */
export function createAgentsView(container: HTMLElement, data: PageData, options: AgentsViewOptions = {}): AgentsView {
  const { lang = 'en', width = 960, document: doc = globalThis.document } = options;
  const T = TEXT(lang);
  const win = (doc.defaultView ?? globalThis) as Window & typeof globalThis;
  const make = el(doc);
  const root = make('div', { class: 'av' });
  container.append(root);
  const hs = data.history.slice(0, 2);
  if (hs.length === 0) {
    root.append(make('p', { class: 'av-empty' }, T.empty));
    const noop = () => {};
    return { play: noop, pause: noop, step: noop, reset: noop, setSpeed: noop, setWeek: noop, week: 0, playing: false, destroy: () => root.remove(), measureFps: async () => 0 };
  }
  const weeks = Math.min(...hs.map((h) => h.weeks));
  const names = STATE_NAMES.map((s) => STATE_TEXT(lang)[s]);
  const labels = data.meta.policyLabels;
  const allCounts = hs.map(stateCounts);
  const fontPx = options.fontSize ?? 12;
  const FONT = `${fontPx}px system-ui, sans-serif`;
  const wraps = options.fontSize !== undefined;
  const dpr = win.devicePixelRatio || 1;

  // controls
  const bar = make('div', { class: 'av-controls', role: 'group', 'aria-label': T.controls });
  const playBtn = make('button', { type: 'button', class: 'av-play' }, T.play);
  const stepBtn = make('button', { type: 'button', class: 'av-step' }, T.step);
  const resetBtn = make('button', { type: 'button', class: 'av-reset' }, T.reset);
  const speedSel = make('select', { class: 'av-speed' }) as HTMLSelectElement;
  for (const s of SPEEDS) speedSel.append(make('option', { value: String(s) }, `${s} ${T.perSecond}`));
  const slider = make('input', { type: 'range', class: 'av-week', min: '0', max: String(weeks), step: '1', value: '0' }) as HTMLInputElement;
  const weekOut = make('output', { class: 'av-week-out' });
  bar.append(playBtn, stepBtn, resetBtn, make('label', {}, `${T.speed} `, speedSel), make('label', {}, `${T.week} `, slider), weekOut);

  const legend = make('ul', { class: 'av-legend' });
  data.meta.groups.forEach((g, i) => legend.append(make('li', {}, make('span', { class: 'av-swatch', style: `background:${GROUP_COLOURS[i % GROUP_COLOURS.length]}`, 'aria-hidden': 'true' }), groupName(g.name, g.label, lang))));
  const panelsBox = make('div', { class: 'av-panels', tabindex: '0', role: 'group', 'aria-label': T.panels });
  const live = make('p', { class: 'visually-hidden', 'aria-live': 'polite' });
  // the canvases' text alternative: the counts they show, for the week on screen (updated with the live summary)
  // (in a hidden box: a table is as wide as its content, whatever its own width)
  const countsTable = make('table', { class: 'av-counts' });
  // the note under the panels, so that the panels come as high up as they can
  root.append(bar, legend, panelsBox, make('p', { class: 'av-note' }, `${T.personas} ${GROUP_NOTE(lang).note}`), live, make('div', { class: 'visually-hidden' }, countsTable));

  // the panels' size: side by side, about as tall as wide; in a given height, what is left of it
  const gap = 16;
  let panelW = Math.max(200, Math.floor((width - gap) / hs.length));
  let panelH = Math.max(340, Math.round(panelW * 0.95)); // room for the band of those who have left the register
  if (options.height !== undefined) {
    const above = panelsBox.getBoundingClientRect().top - root.getBoundingClientRect().top;
    const caption = Math.round(fontPx * 1.9);
    const room = options.height - above - 8;
    const side = { w: Math.floor((width - gap) / hs.length), h: room - caption };
    const stacked = { w: Math.floor(width), h: Math.floor((room - hs.length * caption - gap * (hs.length - 1)) / hs.length) };
    // three columns of regions need room for their labels
    const useStacked = hs.length > 1 && side.w < fontPx * 20 && stacked.h >= fontPx * 11;
    const pick = useStacked ? stacked : side;
    panelW = Math.max(200, pick.w);
    panelH = Math.max(fontPx * 9, Math.min(pick.h, Math.round(panelW * (useStacked ? 0.7 : 1.1))));
  }
  const caps = capacities(...allCounts);
  const measure = wraps ? doc.createElement('canvas').getContext('2d') : null;
  /** A label in lines of at most `max` px (two at most; only with `fontSize` given: otherwise one, squeezed to fit when drawn). */
  const wrapLabel = (text: string, max: number): string[] => {
    if (!measure) return [text];
    measure.font = FONT;
    const lines: string[] = [];
    for (const w of text.split(' ')) {
      const last = lines.length - 1;
      // a word goes on the line if it fits, or on a new one; what a second line cannot hold is squeezed when drawn
      if (last < 0 || (measure.measureText(`${lines[last]} ${w}`).width > max && last < 1)) lines.push(w);
      else lines[last] = `${lines[last]} ${w}`;
    }
    return lines;
  };
  const line = Math.round(fontPx * 1.2);
  /**
   * A region's header with `fontSize` given: its label in lines, and whether its count (room kept
   * for the largest it reaches) fits after the last line or takes a line of its own. Region widths
   * do not depend on the header's height, so one geometry tells them.
   */
  const widths = geometry(panelW, panelH, caps).regions.map((r) => r.w - 12);
  const heads = widths.map((max, st) => {
    const lines = wrapLabel(names[st], max);
    if (!measure) return { lines, countInline: false };
    measure.font = `bold ${FONT}`;
    const countW = measure.measureText(`  ${caps[st]}`).width;
    measure.font = FONT;
    return { lines, countInline: measure.measureText(lines[lines.length - 1]).width + countW <= max };
  });
  // each region's header as tall as its label and count need
  const header = heads.map((x) => Math.round(fontPx * 0.6 + line * (x.lines.length + (x.countInline ? 0 : 1))));
  const geom = geometry(panelW, panelH, caps, wraps
    ? { header, bandHeader: Math.round(fontPx * 1.5), maxDot: Math.max(3, Math.round(fontPx / 4)) }
    : {});
  const band = { header: wraps ? Math.round(fontPx * 1.5) : BAND_HEADER };

  const colours = Uint32Array.from(GROUP_COLOURS, pixel);
  const people = data.meta.personas;
  const canvas = (attrs: Record<string, string>) => {
    const c = make('canvas', attrs) as HTMLCanvasElement;
    c.width = Math.round(panelW * dpr);
    c.height = Math.round(panelH * dpr);
    return c;
  };
  const panels: Panel[] = hs.map((h, i) => {
    const back = canvas({ 'aria-hidden': 'true' }), front = canvas({ role: 'img', 'aria-label': T.canvas(labels[i], h.agents, NUM_STATES, names.join(', '), LEFT_TEXT(lang).left.toLowerCase()) });
    panelsBox.append(make('figure', { class: 'av-panel' }, make('figcaption', {}, labels[i]),
      make('div', { class: 'av-stage', style: `width:${panelW}px;height:${panelH}px` }, back, front)));
    const n = h.agents, fg = front.getContext('2d'), img = fg?.createImageData(front.width, front.height) ?? null;
    return {
      layout: new AgentsLayout(h, geom), counts: allCounts[i], bg: back.getContext('2d'), fg, img,
      px: img ? new Uint32Array(img.data.buffer) : new Uint32Array(0),
      fx: new Float32Array(n), fy: new Float32Array(n), tx: new Float32Array(n), ty: new Float32Array(n), t: 1,
    };
  });
  /** A persona's dot: its radius, larger with larger type. */
  const ring = wraps ? Math.max(4.5, fontPx * 0.4) : 4.5;
  const nameWidth = people.map((p) => {
    const c = panels[0].fg;
    if (!c) return 0;
    c.font = FONT;
    return c.measureText(p.name).width;
  });

  let week = 0, playing = false, looping = false, speed = 4, elapsed = 0, last = 0, raf = 0, frames = 0, announced = -Infinity;
  const now = () => win.performance?.now() ?? Date.now();
  const request = (cb: (t: number) => void) => (win.requestAnimationFrame ? win.requestAnimationFrame(cb) : win.setTimeout(() => cb(now()), 16));
  const cancel = (id: number) => (win.cancelAnimationFrame ? win.cancelAnimationFrame(id) : win.clearTimeout(id));
  const glideShare = win.matchMedia?.('(prefers-reduced-motion: reduce)').matches ? 0 : TWEEN;
  const progress = () => (glideShare > 0 ? Math.min(1, elapsed / ((glideShare * 1000) / speed)) : 1);
  const ease = (t: number) => t * t * (3 - 2 * t);

  function summary(): string {
    return T.summary(week, panels.map((p, i) => T.inWork(stateCountAt(p.counts, week, EMPLOYED), labels[i], i === 0)));
  }
  function fillCounts(): void {
    countsTable.replaceChildren(make('caption', {}, T.table(week)),
      make('tr', {}, make('th', { scope: 'col' }, T.state), ...labels.map((l) => make('th', { scope: 'col' }, l))),
      ...names.map((name, st) => make('tr', {}, make('th', { scope: 'row' }, name), ...panels.map((p) => make('td', {}, String(stateCountAt(p.counts, week, st)))))));
  }
  function announce(): void {
    live.textContent = summary();
    fillCounts();
    announced = now();
  }
  /** Jump or glide to week `w`: the dots start from where they are drawn now. */
  function go(w: number, glide: boolean): void {
    const e = ease(progress());
    for (const p of panels) {
      for (let i = 0; i < p.fx.length; i++) { p.fx[i] += (p.tx[i] - p.fx[i]) * e; p.fy[i] += (p.ty[i] - p.fy[i]) * e; }
      p.layout.positions(w, p.tx, p.ty);
      if (!glide) { p.fx.set(p.tx); p.fy.set(p.ty); }
      drawBack(p, w);
    }
    week = w;
    elapsed = glide ? 0 : Infinity;
    slider.value = String(w);
    slider.setAttribute('aria-valuetext', `${T.week} ${w} / ${weeks}`);
    weekOut.textContent = `${w} / ${weeks}`;
    kick();
  }
  function kick(): void { if (!raf) raf = request(frame); }
  function frame(t: number): void {
    raf = 0;
    const dt = last ? Math.min(100, t - last) : 0;
    last = t;
    elapsed += dt;
    const weekMs = 1000 / speed;
    if (playing && elapsed >= weekMs) {
      if (week < weeks) go(week + 1, true);
      else if (looping) go(0, false);
      else pause();
    }
    draw(ease(progress()));
    if (playing && t - announced >= 1000) announce();
    if (playing || progress() < 1) kick();
    else last = 0;
  }
  function draw(e: number): void {
    frames++;
    for (const p of panels) drawFront(p, e);
  }
  function drawBack(p: Panel, w: number): void {
    const c = p.bg;
    if (!c) return;
    c.setTransform(dpr, 0, 0, dpr, 0, 0);
    c.clearRect(0, 0, panelW, panelH);
    c.font = FONT;
    c.textBaseline = 'top';
    const b = geom.band;
    c.fillStyle = '#e4e4e4'; c.fillRect(b.x + 2, b.y + 2, b.w - 4, b.h - 4);
    c.font = `bold ${FONT}`;
    c.fillStyle = '#222'; c.fillText(LEFT_TEXT(lang).left, b.x + 6, b.y + (band.header - fontPx) / 2 + 2, b.w - 12);
    c.font = FONT;
    const top = wraps ? Math.round(fontPx * 0.5) + 2 : 7;
    const step = wraps ? line : 12;
    geom.regions.forEach((r, s) => {
      c.fillStyle = '#f3f3f3'; c.fillRect(r.x + 2, r.y + 2, r.w - 4, r.h - 4);
      c.fillStyle = STATE_COLOURS[s]; c.fillRect(r.x + 2, r.y + 2, r.w - 4, wraps ? Math.max(3, Math.round(fontPx / 4)) : 3);
      c.fillStyle = '#222';
      const { lines, countInline } = heads[s];
      lines.forEach((text, i) => c.fillText(text, r.x + 6, r.y + top + i * step, r.w - 12));
      const count = String(stateCountAt(p.counts, w, s));
      if (countInline) {
        const after = c.measureText(`${lines[lines.length - 1]}  `).width;
        c.font = `bold ${FONT}`;
        c.fillText(count, r.x + 6 + after, r.y + top + (lines.length - 1) * step);
        c.font = FONT;
      } else c.fillText(count, r.x + 6, r.y + top + lines.length * step, r.w - 12);
    });
  }
  /** Dots into the pixel buffer, then the personas on top: bigger, ringed, named. */
  function drawFront(p: Panel, e: number): void {
    const c = p.fg;
    if (!c || !p.img) return;
    p.t = e;
    paintDots(p.px, p.img.width, p.layout, p, colours, dpr, Math.max(1, Math.round(geom.dot * dpr)), people.length);
    c.putImageData(p.img, 0, 0);
    c.setTransform(dpr, 0, 0, dpr, 0, 0);
    c.font = FONT;
    c.textBaseline = 'middle';
    const n = Math.min(people.length, p.fx.length);
    const at: [number, number][] = [];
    for (let id = 0; id < n; id++) {
      const x = p.fx[id] + (p.tx[id] - p.fx[id]) * e, y = p.fy[id] + (p.ty[id] - p.fy[id]) * e;
      at.push([x, y]);
      c.beginPath(); c.arc(x, y, ring, 0, 2 * Math.PI);
      c.fillStyle = GROUP_COLOURS[p.layout.history.group[id] % GROUP_COLOURS.length]; c.fill();
      c.strokeStyle = '#000'; c.lineWidth = 1.5; c.stroke();
    }
    // the names after the dots, each moved up or down a line when it would cover a name already written
    const taken: { x0: number; x1: number; y: number }[] = [];
    const lineH = fontPx * 1.15;
    for (let id = 0; id < n; id++) {
      const [x, y] = at[id];
      // right of the dot, or left of it when the right would cross its region's edge (or the panel's) and the left would not
      const r = geom.regions.find((g) => x >= g.x && x <= g.x + g.w && y >= g.y && y <= g.y + g.h);
      const edge = wraps && r ? r.x + r.w : panelW;
      const left = x - ring - 2.5 - nameWidth[id];
      const tx = x + ring + 2.5 + nameWidth[id] > edge && left >= (wraps && r ? r.x : 0) ? left : x + ring + 2.5 + nameWidth[id] > panelW ? left : x + ring + 2.5;
      const clash = (ty: number) => taken.some((b) => tx < b.x1 && tx + nameWidth[id] > b.x0 && Math.abs(ty - b.y) < lineH);
      const ty = [0, -1, 1, -2, 2].map((k) => y + k * lineH).find((v) => !clash(v) && v > fontPx / 2 && v < panelH - fontPx / 2) ?? y;
      taken.push({ x0: tx, x1: tx + nameWidth[id], y: ty });
      c.strokeStyle = '#fff'; c.lineWidth = 3; c.strokeText(people[id].name, tx, ty);
      c.fillStyle = '#000'; c.fillText(people[id].name, tx, ty);
    }
  }

  function play(): void {
    if (playing) return;
    if (week >= weeks) go(0, false);
    playing = true;
    playBtn.textContent = T.pause;
    elapsed = Math.min(elapsed, 1000 / speed);
    kick();
  }
  function pause(): void {
    if (!playing) return;
    playing = false;
    playBtn.textContent = T.play;
    announce();
  }
  function setSpeed(n: number): void {
    if (!(n > 0)) return;
    speed = n;
    speedSel.value = String(n);
  }
  function setWeek(w: number): void {
    go(Math.max(0, Math.min(weeks, Math.round(w))), false);
    announce();
  }
  function step(): void {
    if (week < weeks) go(week + 1, true);
    announce();
  }
  const reset = () => setWeek(0);

  const onKey = (ev: KeyboardEvent) => {
    const tag = (ev.target as HTMLElement | null)?.tagName ?? '';
    if (ev.key !== ' ' || ['BUTTON', 'SELECT', 'INPUT', 'A', 'TEXTAREA'].includes(tag)) return;
    ev.preventDefault();
    if (playing) pause(); else play();
  };
  root.addEventListener('keydown', onKey);
  playBtn.addEventListener('click', () => (playing ? pause() : play()));
  stepBtn.addEventListener('click', step);
  resetBtn.addEventListener('click', reset);
  speedSel.addEventListener('change', () => setSpeed(Number(speedSel.value)));
  slider.addEventListener('input', () => setWeek(Number(slider.value)));

  setSpeed(options.speed ?? 4);
  go(0, false);
  live.textContent = summary();
  fillCounts();

  return {
    play, pause, step, reset, setSpeed, setWeek,
    get week() { return week; },
    get playing() { return playing; },
    destroy() { pause(); if (raf) cancel(raf); raf = 0; root.removeEventListener('keydown', onKey); root.remove(); },
    measureFps(ms: number) {
      const start = frames, t0 = now();
      looping = true;
      play();
      return new Promise<number>((resolve) => win.setTimeout(() => {
        const n = frames - start, dt = now() - t0;
        looping = false;
        pause();
        resolve(dt > 0 ? (n * 1000) / dt : 0);
      }, ms));
    },
  };
}
