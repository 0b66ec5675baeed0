/**
 * The state of one run, in a file of its own: the phases (sim/phases/*.ts),
 * initialisation (sim/init.ts) and the outputs read it, and sim/model.ts
 * builds and steps it, without any of them importing each other in a circle.
 * This file imports types only.
 */
import type { Agents } from './agents.ts';
import type { EventLog } from './events.ts';
import type { Recorder } from './record.ts';
import type { RunKeys } from './rng.ts';
import type { Knobs, Scenario } from './scenario.ts';
import type { ServiceTable } from './services.ts';

/** Everything one run needs. A run is a pure function of (scenario, policy, seed, replicate). */
export interface Model {
  scenario: Scenario;
  policy: string;
  knobs: Knobs;
  replicate: number;
  runSeed: number;
  n: number;
  /** The week the next `step` simulates (0-based). */
  week: number;
  keys: RunKeys;
  agents: Agents;
  services: ServiceTable;
  /** Per group: route index, category level, discrimination flag. */
  groupRoute: Uint8Array;
  groupCategoryLevel: Uint8Array;
  groupDiscriminated: Uint8Array;
  /** Per group: weekly chance of moving away for a person out of work (from the yearly share). */
  groupMoveAway: Float64Array;
  /** Advisors: contact-person load each, places (caseload × the advisor's share of a full-time post) and meetings per week. */
  advisorLoad: Int32Array;
  advisorPlaces: Float64Array;
  advisorMeetings: Float64Array;
  /** Each advisor's chance this week of meeting one of their people, from the caseload as the week begins (advisors phase). */
  meetChance: Float64Array;
  /** Last week's people waiting for a contact person, by priority weight (PRIORITY_BINS bins over 0..1). */
  waitingByWeight: Float64Array;
  /** This week's, being counted. */
  waitingNext: Float64Array;
  /** Scratch: this week's chance of a place per priority bin. */
  placeChance: Float64Array;
  /** Start places available now, per service: they come in weekly and may run below 0 (an overdraft repaid from the next weeks' places). */
  slotsLeft: Float64Array;
  /** Scratch per service this week: chance of a place for priority requests and offers, and for the others. */
  applicants: Float64Array;
  applicantsLow: Float64Array;
  /** Budget left in this period (NOK; Infinity without a budget). */
  budgetLeft: number;
  /** Labour market: vacancies per week and this week's effective search, per level. */
  vacancies: Float64Array;
  demand: Float64Array;
  /** Scratch list of the people who may be hired this week (labour-market phase). */
  hireCandidates: Int32Array;
  /** Number of tracked agents (personas): ids 0..tracked-1. */
  tracked: number;
  events: EventLog;
  /** What the run reports: weekly counts by group and state, and the tallies behind the page's charts (sim/record.ts). */
  recorder: Recorder;
}
