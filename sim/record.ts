import { F_WOMAN, type Agents } from './agents.ts';
import { DERIVED_GROUPS, NUM_LEVELS, NUM_REASONS, NUM_STATES } from './constants.ts';
import type { Scenario } from './scenario.ts';

/*
 * What a run reports, and how it is laid out. Every reader of the weekly
 * counts and of the flows between checkpoints goes through the accessors
 * below (`countAt`, `transitionAt`, `groupIndex`, `Recorder.groupOf`), so the
 * order of the output groups and the layout of the arrays are defined here
 * only. They work on a Recorder and on a RunResult alike (sim/ensemble.ts),
 * which carries the same arrays.
 */

/**
 * The output groups of a scenario, in the one order every output uses (the
 * recorder's rows, the summaries, the tidy rows, the hypothesis checks): the
 * scenario's groups, then DERIVED_GROUPS (`withBenefitRights`,
 * `withoutBenefitRights`, `women`, `men`, `all`).
 */
export function outputGroupNames(s: Pick<Scenario, 'groups'>): string[] {
  return [...s.groups.map((g) => g.name), ...DERIVED_GROUPS];
}

/** Output groups each person counts in: their scenario group, their rights group, their gender group and `all` (`Recorder.groupOf`). */
export const GROUPS_PER_PERSON = 4;

/** Weekly counts by output group and state: a Recorder, or a RunResult made from one. */
export interface Counts {
  /** counts[(week · groups + group) · NUM_STATES + state], for every week of the run. */
  counts: ArrayLike<number>;
  groupNames: readonly string[];
}

/** Index of output group `name` in `r`'s groups (−1 if it has none of that name). */
export function groupIndex(r: Pick<Counts, 'groupNames'>, name: string): number {
  return r.groupNames.indexOf(name);
}

/** People in `state` at the end of week `week` (0-based) in output group `group` (an index, `groupIndex`). */
export function countAt(r: Counts, week: number, group: number, state: number): number {
  return r.counts[(week * r.groupNames.length + group) * NUM_STATES + state];
}

/** Weeks that `r` has counts for. */
export function weeksCounted(r: Counts): number {
  return r.counts.length / (r.groupNames.length * NUM_STATES);
}

/** Registration, 13 and 26 weeks, then each whole year up to `weeks` (always ending at `weeks`): where flows are measured. */
export function flowCheckpoints(weeks: number): number[] {
  const out = [0];
  for (const w of [13, 26, 52]) if (w < weeks) out.push(w);
  for (let w = 104; w < weeks; w += 52) out.push(w);
  out.push(weeks);
  return out;
}

/** Length of the flows between `checkpoints` consecutive checkpoints (`transitionIndex`). */
export const transitionsLength = (checkpoints: number): number => (checkpoints - 1) * NUM_STATES * NUM_STATES;

/** Where the people in `from` at checkpoint c and in `to` at checkpoint c + 1 are counted in `transitions`. */
export const transitionIndex = (c: number, from: number, to: number): number => (c * NUM_STATES + from) * NUM_STATES + to;

/** People in state `from` at checkpoint c and in state `to` at checkpoint c + 1 (RunDetail.transitions). */
export function transitionAt(d: { transitions: ArrayLike<number> }, c: number, from: number, to: number): number {
  return d.transitions[transitionIndex(c, from, to)];
}

/**
 * Weekly counts of agents by state and output group, kept in one typed array
 * (`countAt`), and the tallies the page's charts read (RunResult.detail),
 * counted as things happen by the phases that make them happen.
 */
export class Recorder implements Counts {
  readonly groupNames: string[];
  readonly groups: number;
  readonly counts: Uint32Array;
  /** Weeks the counts have room for. */
  readonly weeks: number;
  /** People per output group, from the first week's counts. */
  readonly size: Uint32Array;
  /** Starts and level-mismatched starts per service (scenario order): `started`. */
  readonly serviceStarts: Float64Array;
  readonly serviceMismatched: Float64Array;
  /** Refusals per reason (REASON_NAMES order; index 0 unused): `rejected`. */
  readonly rejectionsByReason: Float64Array;
  /** Hires so far per job level: `hired`. */
  readonly hires: Float64Array;
  /** Output group of a person without and with economic rights at registration, of a man and of a woman, and `all`. */
  private readonly rightsRow: readonly [number, number];
  private readonly genderRow: readonly [number, number];
  private readonly allRow: number;
  /** Scratch: this week's count per (scenario group, rights at start, gender) cell and state. */
  private readonly cells: Uint32Array;
  constructor(s: Pick<Scenario, 'groups' | 'services'>, weeks: number) {
    this.groupNames = outputGroupNames(s);
    this.groups = this.groupNames.length;
    this.weeks = weeks;
    this.counts = new Uint32Array(weeks * this.groups * NUM_STATES);
    this.size = new Uint32Array(this.groups);
    this.serviceStarts = new Float64Array(s.services.length);
    this.serviceMismatched = new Float64Array(s.services.length);
    this.rejectionsByReason = new Float64Array(NUM_REASONS);
    this.hires = new Float64Array(NUM_LEVELS);
    const at = (name: (typeof DERIVED_GROUPS)[number]) => groupIndex(this, name);
    this.rightsRow = [at('withoutBenefitRights'), at('withBenefitRights')];
    this.genderRow = [at('men'), at('women')];
    this.allRow = at('all');
    this.cells = new Uint32Array(s.groups.length * 4 * NUM_STATES);
  }

  /**
   * The k-th output group (k = 0 .. GROUPS_PER_PERSON − 1) of a person in
   * scenario group `group`: that group, then their rights group (by economic
   * rights at registration), their gender group and `all`.
   */
  groupOf(k: number, group: number, rightsAtStart: number, flags: number): number {
    return k === 0 ? group
      : k === 1 ? this.rightsRow[rightsAtStart !== 0 ? 1 : 0]
        : k === 2 ? this.genderRow[(flags & F_WOMAN) !== 0 ? 1 : 0] : this.allRow;
  }

  /** A start in service `s`; `fits`: at the level that fits the person (F5). */
  started(s: number, fits: boolean): void {
    this.serviceStarts[s]++;
    if (!fits) this.serviceMismatched[s]++;
  }

  /** A refusal for REASON_* `reason` (F3). */
  rejected(reason: number): void {
    this.rejectionsByReason[reason]++;
  }

  /** A hire into a job at `level`. */
  hired(level: number): void {
    this.hires[level]++;
  }

  /** Count this week's states (after the week's phases); a week beyond the room reserved is not counted. */
  record(m: { week: number; n: number; agents: Agents }): void {
    const w = m.week;
    if (w >= this.weeks) return;
    const a = m.agents;
    const cells = this.cells;
    cells.fill(0);
    tallyCells(cells, a.state, a.group, a.rightsAtStart, a.flags, m.n);
    // each cell (group, rights at start, gender) adds to its group's row, its rights row, its gender row and `all`
    const c = this.counts;
    const base = w * this.groups * NUM_STATES;
    const allBase = base + this.allRow * NUM_STATES;
    for (let cell = 0; cell < cells.length / NUM_STATES; cell++) {
      const groupBase = base + (cell >> 2) * NUM_STATES;
      const rightsBase = base + this.rightsRow[(cell & 2) !== 0 ? 1 : 0] * NUM_STATES;
      const genderBase = base + this.genderRow[(cell & 1) !== 0 ? 1 : 0] * NUM_STATES;
      for (let st = 0; st < NUM_STATES; st++) {
        const x = cells[cell * NUM_STATES + st];
        if (x === 0) continue;
        c[groupBase + st] += x;
        c[rightsBase + st] += x;
        c[genderBase + st] += x;
        c[allBase + st] += x;
      }
    }
    if (w === 0) {
      for (let g = 0; g < this.groups; g++) {
        let total = 0;
        for (let st = 0; st < NUM_STATES; st++) total += countAt(this, 0, g, st);
        this.size[g] = total;
      }
    }
  }
}

/**
 * Count each person's state into their cell: (scenario group, economic rights
 * at start, woman), cell = group·4 + rights·2 + woman. One increment per
 * person; the output rows are sums of cells (a function of its own, so the
 * loop stays optimised).
 */
function tallyCells(cells: Uint32Array, state: Uint8Array, group: Uint8Array, rights: Uint8Array, flags: Uint16Array, n: number): void {
  for (let i = 0; i < n; i++) {
    const cell = (group[i] << 2) | (rights[i] !== 0 ? 2 : 0) | ((flags[i] & F_WOMAN) !== 0 ? 1 : 0);
    cells[cell * NUM_STATES + state[i]]++;
  }
}
