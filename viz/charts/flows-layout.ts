/** Layout of the alluvial diagram (no DOM): stacked nodes per checkpoint and ribbons between them. */
import { FIRST_OUT, STATE_NAMES } from '../../sim/constants.ts';
import type { PageData, StateName } from '../data.ts';
import { STATE_COLOURS } from '../palette.ts';

export type Flow = PageData['flows'][number];

/**
 * Stacking order, top to bottom, from STATE_NAMES: the states in the register reversed (work on top,
 * searching at the bottom of them), then, set apart below, those who have left the register.
 */
export const STACK: readonly StateName[] = [...STATE_NAMES.slice(0, FIRST_OUT).reverse(), ...STATE_NAMES.slice(FIRST_OUT)];
/** Index in STACK of the first state outside the labour force. */
export const STACK_OUT = FIRST_OUT;
/** The gap above the states outside the labour force, in `pad`s. */
const OUT_GAP = 3;

export function stateColour(s: StateName): string {
  return STATE_COLOURS[STATE_NAMES.indexOf(s)];
}

export interface Node { checkpoint: number; week: number; state: StateName; share: number; x: number; y: number; h: number }
export interface Ribbon { from: number; source: StateName; target: StateName; share: number; x0: number; x1: number; s0: number; s1: number; t0: number; t1: number }

/** Share of the population in each state at each checkpoint: outflows where there is a next checkpoint, else inflows. */
export function nodeShares(flow: Flow): number[][] {
  const n = flow.checkpoints.length;
  const out = flow.checkpoints.map(() => STACK.map(() => 0));
  const inn = flow.checkpoints.map(() => STACK.map(() => 0));
  for (const l of flow.links) {
    out[l.from][STACK.indexOf(l.source)] += l.share;
    inn[l.from + 1][STACK.indexOf(l.target)] += l.share;
  }
  return out.map((row, c) => (c < n - 1 ? row : inn[c]));
}

/**
 * Positions in px within the box; every column uses the same px per share, `pad` px between non-empty
 * states, and OUT_GAP pads above the first non-empty state outside the labour force.
 */
export function columns(flow: Flow, box: { x0: number; x1: number; y0: number; y1: number; pad: number }): { xs: number[]; nodes: Node[]; ribbons: Ribbon[] } {
  const n = flow.checkpoints.length;
  const shares = nodeShares(flow);
  const xs = flow.checkpoints.map((_, c) => box.x0 + (n > 1 ? (c * (box.x1 - box.x0)) / (n - 1) : 0));
  const k = box.y1 - box.y0 - box.pad * (STACK.length - 1 + OUT_GAP - 1);
  const nodes: Node[] = [];
  const top: number[][] = shares.map((row, c) => {
    let y = box.y0;
    let apart = false;
    return row.map((share, i) => {
      if (i >= STACK_OUT && share > 0 && !apart) { y += box.pad * (OUT_GAP - 1); apart = true; }
      const at = y;
      if (share > 0) {
        nodes.push({ checkpoint: c, week: flow.checkpoints[c], state: STACK[i], share, x: xs[c], y: at, h: share * k });
        y += share * k + box.pad;
      }
      return at;
    });
  });
  const rank = (l: Flow['links'][number]) => [STACK.indexOf(l.source), STACK.indexOf(l.target)];
  const srcOff = shares.map((row) => row.map(() => 0));
  const tgtOff = shares.map((row) => row.map(() => 0));
  const ribbons: Ribbon[] = [];
  const bySource = [...flow.links].sort((a, b) => a.from - b.from || rank(a)[0] - rank(b)[0] || rank(a)[1] - rank(b)[1]);
  const s0 = new Map<Flow['links'][number], number>();
  for (const l of bySource) {
    const [s] = rank(l);
    s0.set(l, top[l.from][s] + srcOff[l.from][s]);
    srcOff[l.from][s] += l.share * k;
  }
  const byTarget = [...flow.links].sort((a, b) => a.from - b.from || rank(a)[1] - rank(b)[1] || rank(a)[0] - rank(b)[0]);
  for (const l of byTarget) {
    const [, t] = rank(l);
    const y0 = s0.get(l) ?? 0;
    const t0 = top[l.from + 1][t] + tgtOff[l.from + 1][t];
    tgtOff[l.from + 1][t] += l.share * k;
    ribbons.push({ from: l.from, source: l.source, target: l.target, share: l.share, x0: xs[l.from], x1: xs[l.from + 1], s0: y0, s1: y0 + l.share * k, t0, t1: t0 + l.share * k });
  }
  return { xs, nodes, ribbons };
}

/** Of those in a short or long service at a checkpoint (not the last), the share in work and in a service at the next. */
export function serviceOutcomes(flow: Flow): { work: number; service: number } {
  const inService = (s: StateName) => s === 'shortService' || s === 'longService';
  let total = 0;
  let work = 0;
  let service = 0;
  for (const l of flow.links) {
    if (!inService(l.source)) continue;
    total += l.share;
    if (l.target === 'employed') work += l.share;
    if (inService(l.target)) service += l.share;
  }
  return total > 0 ? { work: work / total, service: service / total } : { work: 0, service: 0 };
}
