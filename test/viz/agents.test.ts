// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import {
  AgentsLayout, BAND_HEADER, capacities, geometry, HEADER, groupOrder, paintDots, pixel, stateAt, stateCounts, type Geometry, type StateHistory,
} from '../../viz/agents-layout.ts';
import { GROUP_COLOURS } from '../../viz/palette.ts';
import { createAgentsView, SPEEDS, type AgentsView } from '../../viz/agents-view.ts';
import type { PageData } from '../../viz/data.ts';
import { EMPLOYED, FIRST_OUT, MOVED_AWAY, NUM_STATES, HEALTH_BENEFIT } from '../../sim/constants.ts';
import { fixture } from './fixture.ts';

const S = NUM_STATES;

/** 5 agents, 3 weeks; rows are states after weeks 1, 2, 3 (agent 0 leaves for a health-related benefit, agent 1 moves away). */
const tiny: StateHistory = {
  agents: 5, weeks: 3, group: Uint8Array.from([1, 0, 1, 0, 0]),
  states: Uint8Array.from([
    0, 0, 4, 0, 2,
    1, 0, 4, 4, 2,
    4, 7, 4, 5, 3,
  ]),
};

/** Region s: grid of 2 columns of 10 px cells, grid box x in [100 s, 100 s + 20], y in [0, 100]. */
const handGeom: Geometry = {
  width: 100 * S, height: 100, cell: 10, dot: 3, band: { x: 100 * FIRST_OUT, y: 0, w: 100 * (S - FIRST_OUT), h: 100 },
  regions: Array.from({ length: S }, (_, s) => ({ x: 100 * s, y: 0, w: 100, h: 100, gridX: 100 * s, gridY: 0, gridH: 100, cols: 2 })),
};

function positions(l: AgentsLayout, week: number): [number, number][] {
  const x = new Float32Array(l.history.agents), y = new Float32Array(l.history.agents);
  l.positions(week, x, y);
  return Array.from(x, (v, i) => [v, y[i]]);
}

describe('agents layout', () => {
  test('week 0 is everyone unemployed; week w is history row w - 1', () => {
    expect([0, 1, 2, 3, 4].map((id) => stateAt(tiny, 0, id))).toEqual([0, 0, 0, 0, 0]);
    expect([0, 1, 2, 3, 4].map((id) => stateAt(tiny, 2, id))).toEqual([1, 0, 4, 4, 2]);
    expect([0, 1, 2, 3, 4].map((id) => stateAt(tiny, 3, id))).toEqual([4, MOVED_AWAY, 4, HEALTH_BENEFIT, 3]);
  });

  test('counts per week and capacities', () => {
    const c = stateCounts(tiny);
    expect(Array.from(c)).toEqual([
      5, 0, 0, 0, 0, 0, 0, 0,
      3, 0, 1, 0, 1, 0, 0, 0,
      1, 1, 1, 0, 2, 0, 0, 0,
      0, 0, 0, 1, 2, 1, 0, 1,
    ]);
    expect(capacities(c, Int32Array.from([0, 2, 0, 0, 0, 0, 3, 0]))).toEqual([5, 2, 1, 1, 2, 1, 3, 1]);
  });

  test('order is by group, then id, with a run per group', () => {
    const { order, runs } = groupOrder(tiny.group, tiny.agents);
    expect(Array.from(order)).toEqual([1, 3, 4, 0, 2]);
    expect(Array.from(runs)).toEqual([0, 3, 5]);
  });

  test('known slots: bottom row first, left to right, in (group, id) order', () => {
    const l = new AgentsLayout(tiny, handGeom);
    expect(positions(l, 0)).toEqual([[15, 85], [5, 95], [5, 75], [15, 95], [5, 85]]);
    expect(positions(l, 1)).toEqual([[5, 85], [5, 95], [405, 95], [15, 95], [205, 95]]);
    expect(positions(l, 3)).toEqual([[405, 95], [705, 95], [415, 95], [505, 95], [305, 95]]);
  });

  test('paintDots: one square per agent after the skipped ones, in its group colour, gliding', () => {
    const l = new AgentsLayout(tiny, handGeom);
    const n = tiny.agents, f = { fx: new Float32Array(n), fy: new Float32Array(n), tx: new Float32Array(n), ty: new Float32Array(n), t: 1 };
    l.positions(1, f.tx, f.ty);
    const W = 500, px = new Uint32Array(W * 100).fill(7);
    const colours = Uint32Array.from([11, 22]);
    paintDots(px, W, l, f, colours, 1, 3, 1);
    const painted = (c: number) => px.reduce((t, v) => t + (v === c ? 1 : 0), 0);
    expect(painted(7)).toBe(0); // cleared
    expect(painted(11)).toBe(3 * 9); // agents 1, 3 and 4 (group 0)
    expect(painted(22)).toBe(9); // agent 2 (group 1); agent 0 is skipped
    // agent 3 at (15, 95): pixels x 14..16, y 94..96
    for (let y = 94; y <= 96; y++) expect(Array.from(px.subarray(y * W + 13, y * W + 18))).toEqual([0, 11, 11, 11, 0]);
    // agent 2 at (405, 95)
    expect(px[95 * W + 405]).toBe(22);
    expect(px[85 * W + 5]).toBe(0); // agent 0's slot stays empty
    // halfway from week 1 to week 3: agent 4 from (205, 95) to (305, 95)
    f.fx.set(f.tx); f.fy.set(f.ty);
    l.positions(3, f.tx, f.ty);
    f.t = 0.5;
    paintDots(px, W, l, f, colours, 1, 3, 1);
    expect(px[95 * W + 255]).toBe(11);
    expect(px[95 * W + 5]).toBe(0); // agent 1 has left its week-1 slot, halfway to (705, 95): it moves away
    expect(px[95 * W + 355]).toBe(11);
    expect(pixel('#0072B2')).toBe(0xffb27200);
  });

  test('geometry: a region per state, disjoint, inside the panel, each holding its fullest week; those who left in a band below', () => {
    const caps = [300, 40, 90, 60, 210, 25, 12, 8];
    expect(caps).toHaveLength(S);
    const g = geometry(472, 448, caps);
    expect(g.regions).toHaveLength(S);
    expect(g.dot).toBeGreaterThanOrEqual(1);
    expect(g.dot).toBeLessThanOrEqual(3);
    g.regions.forEach((r, s) => {
      expect(r.x).toBeGreaterThanOrEqual(0);
      expect(r.y).toBeGreaterThanOrEqual(0);
      expect(r.x + r.w).toBeLessThanOrEqual(472 + 1e-9);
      expect(r.y + r.h).toBeLessThanOrEqual(448 + 1e-9);
      expect(r.cols * Math.floor(r.gridH / g.cell)).toBeGreaterThanOrEqual(caps[s]);
      g.regions.forEach((q, t) => {
        if (t !== s) expect(r.x + r.w <= q.x + 1e-9 || q.x + q.w <= r.x + 1e-9 || r.y + r.h <= q.y + 1e-9 || q.y + q.h <= r.y + 1e-9).toBe(true);
      });
      // the states outside the labour force are inside the band, below its header; the others above it
      const b = g.band;
      if (s >= FIRST_OUT) {
        expect(r.y).toBeGreaterThanOrEqual(b.y + BAND_HEADER - 1e-9);
        expect(r.x + r.w).toBeLessThanOrEqual(b.x + b.w + 1e-9);
        expect(r.y + r.h).toBeLessThanOrEqual(b.y + b.h + 1e-9);
      } else expect(r.y + r.h).toBeLessThanOrEqual(b.y + 1e-9);
    });
    expect(g.band).toMatchObject({ x: 0, w: 472 });
    expect(g.band.y + g.band.h).toBeCloseTo(448, 9);
    expect(geometry(472, 448, [20000, 3000, 6000, 5000, 14000, 2000, 900, 700]).dot).toBe(1);
    // nobody has left: the band keeps its place, and its regions their header
    const none = geometry(472, 448, [300, 40, 90, 60, 210, 0, 0, 0]);
    for (let s = FIRST_OUT; s < S; s++) expect(none.regions[s].h).toBeGreaterThan(HEADER);
  });

  test('fixture: every agent is inside its state region, counts match the data, order is stable', () => {
    const d = fixture();
    const counts = d.history.map(stateCounts);
    const g = geometry(472, 448, capacities(...counts));
    d.history.forEach((h, p) => {
      const l = new AgentsLayout(h, g);
      const rank = new Int32Array(h.agents);
      l.order.forEach((id, k) => { rank[id] = k; });
      const x = new Float32Array(h.agents), y = new Float32Array(h.agents);
      for (const w of [0, 1, 12, 52, 104]) {
        l.positions(w, x, y);
        const inRegion = new Array<number>(S).fill(0);
        const slots: { id: number; slot: number }[][] = Array.from({ length: S }, () => []);
        for (let id = 0; id < h.agents; id++) {
          const s = w === 0 ? 0 : h.states[(w - 1) * h.agents + id];
          const r = g.regions[s];
          expect(x[id]).toBeGreaterThan(r.gridX);
          expect(x[id]).toBeLessThan(r.x + r.w);
          expect(y[id]).toBeGreaterThan(r.gridY);
          expect(y[id]).toBeLessThan(r.gridY + r.gridH);
          const hit = g.regions.findIndex((q) => x[id] >= q.x && x[id] < q.x + q.w && y[id] >= q.y && y[id] < q.y + q.h);
          inRegion[hit]++;
          const row = Math.round((r.gridY + r.gridH - y[id]) / g.cell - 0.5) + 0, col = Math.round((x[id] - r.gridX) / g.cell - 0.5);
          slots[s].push({ id, slot: row * r.cols + col + 0 });
        }
        expect(inRegion).toEqual(Array.from(counts[p].subarray(w * S, w * S + S)));
        for (const list of slots) {
          list.sort((a, b) => rank[a.id] - rank[b.id]);
          expect(list.map((e) => e.slot)).toEqual(list.map((_, k) => k)); // dense slots, in (group, id) order
        }
      }
    });
  });
});

/** A 2D context that records the images put and the fillStyles set; everything else is a no-op. */
function recorder() {
  const log = { images: [] as ImageData[], styles: [] as string[] };
  const ctx = new Proxy({}, {
    get: (_t, k) => {
      if (k === 'createImageData') return (w: number, h: number) => ({ width: w, height: h, data: new Uint8ClampedArray(w * h * 4) });
      if (k === 'putImageData') return (img: ImageData) => log.images.push(img);
      if (k === 'measureText') return (t: string) => ({ width: 7 * t.length });
      return () => {};
    },
    set: (_t, k, v) => { if (k === 'fillStyle') log.styles.push(v); return true; },
  });
  return { log, ctx };
}

describe('agents view', () => {
  let d: PageData, box: HTMLElement, view: AgentsView | undefined, rec: ReturnType<typeof recorder>;
  const employed = (p: number, w: number) => Array.from(d.history[p].states.subarray((w - 1) * 300, w * 300)).filter((s) => s === EMPLOYED).length;
  beforeEach(() => {
    d = fixture();
    box = document.createElement('div');
    document.body.append(box);
    rec = recorder();
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation((() => rec.ctx) as never);
  });
  afterEach(() => { view?.destroy(); box.remove(); vi.restoreAllMocks(); });

  test('controls are real, labelled and keyboard-operable; canvases are images', () => {
    view = createAgentsView(box, d, {});
    const names = [...box.querySelectorAll('button')].map((b) => b.textContent);
    expect(names).toEqual(['Play', 'Step one week', 'Back to week 0']);
    const speed = box.querySelector('select')!;
    expect(speed.closest('label')!.textContent).toMatch(/^Speed/);
    expect([...speed.options].map((o) => Number(o.value))).toEqual([...SPEEDS]);
    expect(speed.value).toBe('4');
    const range = box.querySelector<HTMLInputElement>('input[type=range]')!;
    expect(range.closest('label')!.textContent).toMatch(/^Week/);
    expect(range.max).toBe('104');
    expect(box.querySelectorAll('canvas:not([role=img])')).toHaveLength(2);
    box.querySelectorAll('canvas:not([role=img])').forEach((c) => expect(c.getAttribute('aria-hidden')).toBe('true'));
    const canvases = box.querySelectorAll('canvas[role=img]');
    expect(canvases).toHaveLength(2);
    canvases.forEach((c, i) => {
      expect(c.getAttribute('role')).toBe('img');
      expect(c.getAttribute('aria-label')).toContain(d.meta.policyLabels[i]);
    });
    expect(box.querySelector('[aria-live=polite]')!.classList.contains('visually-hidden')).toBe(true);
    expect([...box.querySelectorAll('.av-legend li')].map((li) => li.textContent)).toEqual(d.meta.groups.map((g) => g.label));
  });

  test('step, setWeek and reset move the week; the live summary counts come from the history', () => {
    view = createAgentsView(box, d, {});
    const live = box.querySelector('[aria-live=polite]')!;
    expect(view.week).toBe(0);
    expect(live.textContent).toBe('Week 0: 0 in work under Standardised, 0 under Personalised');
    view.step();
    view.step();
    expect(view.week).toBe(2);
    view.setWeek(12);
    expect(view.week).toBe(12);
    expect(live.textContent).toBe(`Week 12: ${employed(0, 12)} in work under Standardised, ${employed(1, 12)} under Personalised`);
    expect(employed(1, 12)).toBeGreaterThan(0);
    // the text alternative of the canvases: every state's count, both policies, adding up to everyone
    const table = box.querySelector('table.av-counts')!;
    expect(table.querySelector('caption')!.textContent).toBe('People in each state in week 12');
    const rows = [...table.querySelectorAll('tr')].slice(1).map((tr) => [...tr.querySelectorAll('td')].map((td) => Number(td.textContent)));
    expect(rows).toHaveLength(S);
    expect(rows[EMPLOYED]).toEqual([employed(0, 12), employed(1, 12)]);
    expect(rows.reduce((t, r) => t + r[0], 0)).toBe(d.history[0].agents);
    expect(box.querySelector<HTMLInputElement>('input[type=range]')!.value).toBe('12');
    view.setWeek(500);
    expect(view.week).toBe(104);
    view.step();
    expect(view.week).toBe(104);
    view.reset();
    expect(view.week).toBe(0);
    box.querySelector<HTMLButtonElement>('.av-step')!.click();
    expect(view.week).toBe(1);
    expect(live.textContent).toBe(`Week 1: ${employed(0, 1)} in work under Standardised, ${employed(1, 1)} under Personalised`);
  });

  test('Bokmål summary', () => {
    view = createAgentsView(box, d, { lang: 'nb' });
    view.setWeek(52);
    expect(box.querySelector('[aria-live=polite]')!.textContent).toBe(`Uke 52: ${employed(0, 52)} i arbeid under Standardised, ${employed(1, 52)} under Personalised`);
  });

  test('Space plays and pauses when the view has focus, not on a button', () => {
    view = createAgentsView(box, d, {});
    const panels = box.querySelector<HTMLElement>('.av-panels')!;
    panels.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true }));
    expect(view.playing).toBe(true);
    expect(box.querySelector('.av-play')!.textContent).toBe('Pause');
    panels.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true }));
    expect(view.playing).toBe(false);
    box.querySelector('.av-step')!.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true }));
    expect(view.playing).toBe(false);
  });

  test('a frame paints each non-persona agent in its group colour at its slot', async () => {
    view = createAgentsView(box, d, {});
    view.setWeek(30);
    await new Promise((r) => setTimeout(r, 100));
    const g = geometry(472, 448, capacities(...d.history.map(stateCounts)));
    const size = Math.round(g.dot), P = d.meta.personas.length;
    const last = rec.log.images.slice(-2);
    expect(last).toHaveLength(2);
    last.forEach((img, p) => {
      expect([img.width, img.height]).toEqual([472, 448]);
      const px = new Uint32Array(img.data.buffer);
      expect(px.reduce((t, v) => t + (v ? 1 : 0), 0)).toBe((300 - P) * size * size);
      const l = new AgentsLayout(d.history[p], g), x = new Float32Array(300), y = new Float32Array(300);
      l.positions(30, x, y);
      for (let id = 0; id < 300; id++) {
        const at = px[Math.floor(y[id]) * img.width + Math.floor(x[id])];
        expect(at).toBe(id < P ? 0 : pixel(GROUP_COLOURS[d.history[p].group[id]]));
      }
    });
  });

  test('playing advances the week, and measureFps counts drawn frames', async () => {
    view = createAgentsView(box, d, { speed: 16 });
    view.play();
    await new Promise((r) => setTimeout(r, 400));
    view.pause();
    expect(view.week).toBeGreaterThanOrEqual(2);
    expect(view.playing).toBe(false);
    expect(await view.measureFps(200)).toBeGreaterThan(0);
    expect(view.playing).toBe(false);
  });

  test('empty history shows a message', () => {
    view = createAgentsView(box, { ...d, history: [] }, {});
    expect(box.querySelector('canvas')).toBeNull();
    expect(box.textContent).toContain('no agents to watch');
  });
});
