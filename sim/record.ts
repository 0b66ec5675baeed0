import { NUM_STATES } from './constants.ts';
import type { Model } from './model.ts';
import type { Scenario } from './scenario.ts';

/**
 * Weekly counts of agents by state and group, kept in one typed array:
 * counts[(week * groups + group) * NUM_STATES + state]. Group indices are the
 * scenario's groups, then `withBenefitRights`, `withoutBenefitRights` and `all`.
 */
export class Recorder {
  readonly groupNames: string[];
  readonly groups: number;
  readonly counts: Uint32Array;
  /** Weeks the counts have room for. */
  readonly weeks: number;
  readonly size: Uint32Array;
  constructor(s: Scenario, weeks: number) {
    this.groupNames = [...s.groups.map((g) => g.name), 'withBenefitRights', 'withoutBenefitRights', 'all'];
    this.groups = this.groupNames.length;
    this.weeks = weeks;
    this.counts = new Uint32Array(weeks * this.groups * NUM_STATES);
    this.size = new Uint32Array(this.groups);
  }

  record(m: Model): void {
    const w = m.week;
    if (w >= this.weeks) return;
    const a = m.agents;
    const G = this.groups;
    const base = w * G * NUM_STATES;
    const rightsBase = base + (G - 3) * NUM_STATES;
    const noRightsBase = base + (G - 2) * NUM_STATES;
    const allBase = base + (G - 1) * NUM_STATES;
    const c = this.counts;
    for (let i = 0; i < m.n; i++) {
      const st = a.state[i];
      c[base + a.group[i] * NUM_STATES + st]++;
      c[(a.rightsAtStart[i] ? rightsBase : noRightsBase) + st]++;
      c[allBase + st]++;
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
