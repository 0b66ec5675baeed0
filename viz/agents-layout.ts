/**
 * Where each dot goes in "Watch the agents": pure geometry, no DOM.
 *
 * A panel holds one region per state (sim/constants STATE_NAMES order). The states in the register
 * are in three columns: [unemployed over discouraged] [short service over long service] [employed];
 * the states outside the labour force (from FIRST_OUT on: health-related benefit, education, moved
 * away) sit side by side in a band across the bottom, under a header of its own ("Left the register").
 * Regions are sized by
 * their capacity (the most people ever in that state, in either policy), so the two panels share one
 * geometry and every region can hold its fullest week. Inside a region, people sit on a square grid
 * filled row by row from the bottom, in a fixed order (group, then id): a region's dots pile up like
 * a bar, and a person keeps their rank among those in the same state.
 *
 * Weeks: week 0 is before the first simulated week, when everyone is unemployed (as the model starts
 * them); week w >= 1 is history row w - 1 (states after simulated week w).
 */
import { DISCOURAGED, EMPLOYED, FIRST_OUT, LONG_SERVICE, NUM_STATES, SHORT_SERVICE, UNEMPLOYED } from '../sim/constants.ts';

/** What the layout needs of a `PageData['history']` entry. */
export interface StateHistory { agents: number; weeks: number; states: Uint8Array; group: Uint8Array }

/** A region in CSS px within its panel: the whole box, and the grid of dots inside it below its header. */
export interface Region { x: number; y: number; w: number; h: number; gridX: number; gridY: number; gridH: number; cols: number }

/** A box in CSS px. */
export interface Box { x: number; y: number; w: number; h: number }

/**
 * A panel: its size, the grid cell and the dot's side (1..3, in steps of 0.5), all CSS px; `regions[state]`;
 * `band`: the box around the regions of the states outside the labour force, its header included.
 */
export interface Geometry { width: number; height: number; cell: number; dot: number; regions: Region[]; band: Box }

/** Room at the top of each region for its label and count, and padding around the grid (CSS px). */
export const HEADER = 30;
/** Room at the top of the band of states outside the labour force for its own label (CSS px). */
export const BAND_HEADER = 18;
/** The states in the register, in columns of regions from top to bottom. */
const COLUMNS = [[UNEMPLOYED, DISCOURAGED], [SHORT_SERVICE, LONG_SERVICE], [EMPLOYED]];
/** The states outside the labour force, side by side in the band. */
const OUT = Array.from({ length: NUM_STATES - FIRST_OUT }, (_, i) => FIRST_OUT + i);
const MIN_BAND = 0.24; // lowest band, as a share of the height
const MIN_OUT = 0.28; // narrowest region in the band, as a share of the width (room for its label)
const PAD = 4;
const MIN_COL = 0.22; // narrowest column, as a share of the width
const MIN_ROW = 0.25; // smallest region in a column, as a share of its height
const MAX_CELL = 14;

/** State of agent `id` in week `week` (0 = initial, all unemployed). */
export function stateAt(h: StateHistory, week: number, id: number): number {
  return week <= 0 ? UNEMPLOYED : h.states[(week - 1) * h.agents + id];
}

/** People in `state` in week `week` of a table from `stateCounts`. */
export function stateCountAt(counts: Int32Array, week: number, state: number): number {
  return counts[week * NUM_STATES + state];
}

/** Count per state for weeks 0..weeks, read with `stateCountAt`. */
export function stateCounts(h: StateHistory): Int32Array {
  const out = new Int32Array((h.weeks + 1) * NUM_STATES);
  for (let w = 0; w <= h.weeks; w++) {
    for (let id = 0; id < h.agents; id++) out[w * NUM_STATES + stateAt(h, w, id)]++;
  }
  return out;
}

/** Most people ever in each state over all weeks of all the given count tables. */
export function capacities(...counts: Int32Array[]): number[] {
  const caps = new Array<number>(NUM_STATES).fill(0);
  for (const c of counts) for (let i = 0; i < c.length; i++) caps[i % NUM_STATES] = Math.max(caps[i % NUM_STATES], c[i]);
  return caps;
}

/** Split `total` into parts proportional to `weights`, none below `min` of the total. */
function shares(weights: number[], min: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((x) => (sum > 0 ? Math.max(min, x / sum) : 1 / weights.length));
  const t = raw.reduce((a, b) => a + b, 0);
  return raw.map((x) => x / t);
}

/**
 * Room for labels, for larger type: `header` at the top of each region (default HEADER; or one per state), `bandHeader`
 * at the top of the band (default BAND_HEADER); `maxDot`, the largest dot side (default 3 CSS px).
 */
export interface GeometrySizes { header?: number | readonly number[]; bandHeader?: number; maxDot?: number }

/** Regions and the common grid cell for a panel of `width` x `height` CSS px. Region widths do not depend on `sizes`. */
export function geometry(width: number, height: number, caps: number[], sizes: GeometrySizes = {}): Geometry {
  const { header = HEADER, bandHeader: BAND_HEADER_H = BAND_HEADER, maxDot = 3 } = sizes;
  const head = (s: number) => (typeof header === 'number' ? header : header[s] ?? HEADER);
  const sum = (states: number[]) => states.reduce((a, s) => a + caps[s], 0);
  const region = (s: number, x: number, y: number, w: number, h: number): Region => ({ x, y, w, h, gridX: x + PAD, gridY: y + head(s), gridH: Math.max(0, h - head(s) - PAD), cols: 1 });
  // the band's height: its share of the room the fullest weeks need (the taller of two columns' worth), at least MIN_BAND
  const inside = Math.max(...COLUMNS.map(sum)), out = sum(OUT);
  // every region keeps room for its header and a few rows of dots (larger headers, for larger type, need more of it)
  const minGrid = 3 * PAD;
  const minBand = Math.min(0.5, Math.max(MIN_BAND, (BAND_HEADER_H + Math.max(...OUT.map(head)) + minGrid) / height));
  const bandH = height * Math.min(0.5, Math.max(minBand, inside + out > 0 ? out / (inside + out) : 0));
  const topH = height - bandH;
  const colShare = shares(COLUMNS.map(sum), MIN_COL);
  const regions: Region[] = [];
  let x = 0;
  COLUMNS.forEach((states, c) => {
    const w = width * colShare[c];
    // each region of a column has its header, and a share of the rest of the column by its capacity
    const rowShare = shares(states.map((s) => caps[s]), MIN_ROW);
    const grid = Math.max(0, topH - states.reduce((t, s) => t + head(s), 0));
    let y = 0;
    states.forEach((s, r) => {
      const h = grid > 0 ? head(s) + grid * rowShare[r] : topH * rowShare[r];
      regions[s] = region(s, x, y, w, h);
      y += h;
    });
    x += w;
  });
  const band: Box = { x: 0, y: topH, w: width, h: bandH };
  const outShare = shares(OUT.map((s) => caps[s]), MIN_OUT);
  x = 0;
  OUT.forEach((s, i) => {
    const w = width * outShare[i];
    regions[s] = region(s, x, topH + BAND_HEADER_H, w, bandH - BAND_HEADER_H);
    x += w;
  });
  const fits = (cell: number) => regions.every((r, s) => Math.floor((r.w - 2 * PAD) / cell) * Math.floor(r.gridH / cell) >= caps[s]);
  let cell = MAX_CELL;
  for (let s = 0; s < NUM_STATES; s++) {
    if (caps[s] > 0) cell = Math.min(cell, Math.sqrt(((regions[s].w - 2 * PAD) * regions[s].gridH) / caps[s]));
  }
  cell = Math.max(0.05, cell);
  while (cell > 0.05 && !fits(cell)) cell *= 0.97;
  for (const r of regions) {
    r.cols = Math.max(1, Math.floor((r.w - 2 * PAD) / cell));
    r.gridX = r.x + (r.w - r.cols * cell) / 2; // centre the grid
  }
  return { width, height, cell, dot: Math.min(maxDot, Math.max(1, Math.round(cell * 1.4) / 2)), regions, band }; // 0.7 of a cell, in half px
}

/** Agent ids sorted by group, then id; and where each group's run starts (length groups + 1). */
export function groupOrder(group: Uint8Array, agents: number): { order: Uint32Array; runs: Uint32Array } {
  let groups = 0;
  for (let i = 0; i < agents; i++) groups = Math.max(groups, group[i] + 1);
  const runs = new Uint32Array(groups + 1);
  for (let i = 0; i < agents; i++) runs[group[i] + 1]++;
  for (let g = 0; g < groups; g++) runs[g + 1] += runs[g];
  const next = runs.slice(0, groups);
  const order = new Uint32Array(agents);
  for (let i = 0; i < agents; i++) order[next[group[i]]++] = i;
  return { order, runs };
}

/** Slot positions of one panel's agents, week by week, written into caller-owned arrays. */
export class AgentsLayout {
  readonly order: Uint32Array;
  readonly runs: Uint32Array;
  private readonly fill = new Int32Array(NUM_STATES);

  constructor(readonly history: StateHistory, readonly geom: Geometry) {
    ({ order: this.order, runs: this.runs } = groupOrder(history.group, history.agents));
  }

  /** Centre of each agent's slot in week `week` into x[id], y[id] (CSS px); allocates nothing. */
  positions(week: number, x: Float32Array, y: Float32Array): void {
    const { cell, regions } = this.geom;
    this.fill.fill(0);
    for (let k = 0; k < this.order.length; k++) {
      const id = this.order[k];
      const s = stateAt(this.history, week, id);
      const r = regions[s];
      const slot = this.fill[s]++;
      const row = Math.floor(slot / r.cols);
      x[id] = r.gridX + (slot - row * r.cols + 0.5) * cell;
      y[id] = r.gridY + r.gridH - (row + 0.5) * cell;
    }
  }
}

/** '#RRGGBB' as an opaque RGBA pixel in a little-endian Uint32Array view of ImageData. */
export function pixel(hex: string): number {
  const v = parseInt(hex.slice(1, 7), 16);
  return (0xff000000 | ((v & 0xff) << 16) | (v & 0xff00) | ((v >> 16) & 0xff)) >>> 0;
}

/** A frame of dots, for `paintDots`: where each agent glides from and to, and how far along (0..1). */
export interface Frame { fx: Float32Array; fy: Float32Array; tx: Float32Array; ty: Float32Array; t: number }

/**
 * Paint every agent from `skip` on (ids below it, the personas, are drawn apart) as a square of
 * `size` device pixels into `px` (a `width`-wide pixel buffer, cleared first), coloured by group:
 * `colours[g]` from pixel(). `scale` is device pixels per CSS px. Allocates nothing.
 */
export function paintDots(px: Uint32Array, width: number, layout: AgentsLayout, f: Frame, colours: Uint32Array, scale: number, size: number, skip: number): void {
  px.fill(0);
  const height = Math.floor(px.length / width), half = size / 2, { order, runs } = layout;
  for (let g = 0; g + 1 < runs.length; g++) {
    const colour = colours[g % colours.length];
    for (let k = runs[g]; k < runs[g + 1]; k++) {
      const id = order[k];
      if (id < skip) continue;
      const x0 = Math.round((f.fx[id] + (f.tx[id] - f.fx[id]) * f.t) * scale - half);
      const y0 = Math.round((f.fy[id] + (f.ty[id] - f.fy[id]) * f.t) * scale - half);
      const x1 = Math.min(width, x0 + size), y1 = Math.min(height, y0 + size);
      for (let y = Math.max(0, y0); y < y1; y++) px.fill(colour, y * width + Math.max(0, x0), y * width + x1);
    }
  }
}
