import { F_WOMAN } from './agents.ts';
import { DERIVED_GROUPS, NUM_STATES } from './constants.ts';
import type { Model } from './model.ts';
import type { Scenario } from './scenario.ts';

/** Where each derived group sits, counted back from the end of the group list: index G − FROM_END_*. */
const fromEnd = (name: (typeof DERIVED_GROUPS)[number]) => DERIVED_GROUPS.length - DERIVED_GROUPS.indexOf(name);
const FROM_END_RIGHTS = fromEnd('withBenefitRights');
const FROM_END_NO_RIGHTS = fromEnd('withoutBenefitRights');
const FROM_END_WOMEN = fromEnd('women');
const FROM_END_MEN = fromEnd('men');
const FROM_END_ALL = fromEnd('all');

/**
 * Weekly counts of agents by state and group, kept in one typed array:
 * counts[(week * groups + group) * NUM_STATES + state]. Group indices are the
 * scenario's groups, then DERIVED_GROUPS (`withBenefitRights`,
 * `withoutBenefitRights`, `women`, `men`, `all`).
 */
export class Recorder {
  readonly groupNames: string[];
  readonly groups: number;
  readonly counts: Uint32Array;
  /** Weeks the counts have room for. */
  readonly weeks: number;
  readonly size: Uint32Array;
  /** Scratch: this week's count per (scenario group, rights at start, gender) cell and state. */
  private readonly cells: Uint32Array;
  constructor(s: Scenario, weeks: number) {
    this.groupNames = outputGroupNames(s);
    this.groups = this.groupNames.length;
    this.weeks = weeks;
    this.counts = new Uint32Array(weeks * this.groups * NUM_STATES);
    this.size = new Uint32Array(this.groups);
    this.cells = new Uint32Array(s.groups.length * 4 * NUM_STATES);
  }

  record(m: Model): void {
    const w = m.week;
    if (w >= this.weeks) return;
    const a = m.agents;
    const G = this.groups;
    const cells = this.cells;
    cells.fill(0);
    tallyCells(cells, a.state, a.group, a.rightsAtStart, a.flags, m.n);
    // each cell (group, rights at start, gender) adds to its group's row, its rights row, its gender row and `all`
    const c = this.counts;
    const base = w * G * NUM_STATES;
    const allBase = base + (G - FROM_END_ALL) * NUM_STATES;
    for (let cell = 0; cell < cells.length / NUM_STATES; cell++) {
      const g = cell >> 2;
      const groupBase = base + g * NUM_STATES;
      const rightsBase = base + (G - ((cell & 2) !== 0 ? FROM_END_RIGHTS : FROM_END_NO_RIGHTS)) * NUM_STATES;
      const genderBase = base + (G - ((cell & 1) !== 0 ? FROM_END_WOMEN : FROM_END_MEN)) * NUM_STATES;
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
      for (let g = 0; g < G; g++) {
        let total = 0;
        for (let st = 0; st < NUM_STATES; st++) total += c[g * NUM_STATES + st];
        this.size[g] = total;
      }
    }
  }

  /** Number of agents in `state` at `week` in group index `g`. */
  count(week: number, g: number, state: number): number {
    return this.counts[(week * this.groups + g) * NUM_STATES + state];
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

/** The output groups of a scenario, in recorder order: its groups, then DERIVED_GROUPS. */
export function outputGroupNames(s: Pick<Scenario, 'groups'>): string[] {
  return [...s.groups.map((g) => g.name), ...DERIVED_GROUPS];
}

/**
 * The recorder's output groups of person i, by index: their scenario group,
 * their rights group, their gender group and `all` (G = number of groups).
 */
export function outputGroupsOf(rightsAtStart: number, flags: number, group: number, G: number, k: number): number {
  return k === 0 ? group
    : k === 1 ? G - (rightsAtStart ? FROM_END_RIGHTS : FROM_END_NO_RIGHTS)
      : k === 2 ? G - ((flags & F_WOMAN) !== 0 ? FROM_END_WOMEN : FROM_END_MEN) : G - FROM_END_ALL;
}
