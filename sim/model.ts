import { allocateAgents, type Agents } from './agents.ts';
import { NUM_LEVELS, NUM_REASONS, PERIOD_WEEKS, ROUTES, SMALL_OFFICE_PLACES } from './constants.ts';
import { EventLog } from './events.ts';
import { initialise } from './init.ts';
import { replicateSeed, RunKeys } from './rng.ts';
import { resolvePolicy, type Knobs, type Scenario } from './scenario.ts';
import { compileServices, type ServiceTable } from './services.ts';
import { Recorder } from './record.ts';
import { information } from './phases/information.ts';
import { advisors, measureWaiting, PRIORITY_BINS } from './phases/advisors.ts';
import { applications } from './phases/applications.ts';
import { participation } from './phases/participation.ts';
import { labourMarket } from './phases/labour.ts';
import { relationships } from './phases/relationships.ts';

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
  /** Labour market: vacancies per week and this week's effective search, per level; hires so far per level (a tally). */
  vacancies: Float64Array;
  demand: Float64Array;
  /** Scratch list of the people who may be hired this week (labour-market phase). */
  hireCandidates: Int32Array;
  hires: Float64Array;
  /** Number of tracked agents (personas): ids 0..tracked-1. */
  tracked: number;
  events: EventLog;
  /** Tallies for the page's charts: starts and level-mismatched starts per service, refusals per reason. */
  serviceStarts: Float64Array;
  serviceMismatched: Float64Array;
  rejectionsByReason: Float64Array;
  recorder: Recorder;
}

export interface ModelOptions {
  policy: string;
  /** Master seed; defaults to the scenario's. */
  seed?: number;
  replicate?: number;
  /** Override the scenario's number of agents. */
  agents?: number;
  /** Weeks the recorder reserves room for; defaults to the scenario's. */
  weeks?: number;
  /** Knob values to use instead of the named policy's (the name is kept as a label). */
  knobs?: Knobs;
}

export function createModel(scenario: Scenario, opts: ModelOptions): Model {
  const s = opts.agents !== undefined && opts.agents !== scenario.agents ? { ...scenario, agents: opts.agents } : scenario;
  const knobs = opts.knobs ?? resolvePolicy(s, opts.policy);
  const replicate = opts.replicate ?? 0;
  const runSeed = replicateSeed(opts.seed ?? s.seed, replicate);
  const n = s.agents;
  const services = compileServices(s);
  const agents = allocateAgents(n, s.behaviour.peersPerPerson);
  // advisors as full-time equivalents: whole posts and one part-time post for the fraction, so staffing per 1000 is exact at any size
  const fte = (s.office.advisorsPer1000 * n) / 1000;
  const advisorCount = Math.ceil(fte - 1e-9);
  const postShare = (v: number) => (v < Math.floor(fte + 1e-9) ? 1 : fte - Math.floor(fte + 1e-9));
  const perMeetings = (knobs.meetingIntensity * s.office.hoursPerWeek) / s.office.hoursPerMeeting;
  const m: Model = {
    scenario: s, policy: opts.policy, knobs, replicate, runSeed, n, week: 0,
    keys: new RunKeys(runSeed), agents, services,
    groupRoute: Uint8Array.from(s.groups, (g) => ROUTES.indexOf(g.route)),
    groupCategoryLevel: Uint8Array.from(s.groups, (g) => g.categoryLevel),
    groupDiscriminated: Uint8Array.from(s.groups, (g) => (g.facesDiscrimination ? 1 : 0)),
    groupMoveAway: Float64Array.from(s.groups, (g) => -Math.expm1(Math.log1p(-Math.min(g.movesAwayPerYear, 1 - 1e-12)) / 52)),
    advisorLoad: new Int32Array(advisorCount),
    advisorPlaces: Float64Array.from({ length: advisorCount }, (_, v) => s.office.caseload * postShare(v)),
    advisorMeetings: Float64Array.from({ length: advisorCount }, (_, v) => perMeetings * postShare(v)),
    meetChance: new Float64Array(advisorCount),
    waitingByWeight: new Float64Array(PRIORITY_BINS), waitingNext: new Float64Array(PRIORITY_BINS),
    placeChance: new Float64Array(PRIORITY_BINS),
    slotsLeft: new Float64Array(services.count),
    applicants: new Float64Array(services.count), applicantsLow: new Float64Array(services.count),
    budgetLeft: Infinity,
    vacancies: Float64Array.from(s.labourMarket.vacanciesPer1000, (v) => (v * n) / 1000),
    demand: new Float64Array(NUM_LEVELS), hires: new Float64Array(NUM_LEVELS), hireCandidates: new Int32Array(n),
    tracked: s.personas.length,
    events: new EventLog(s.personas.length),
    serviceStarts: new Float64Array(services.count), serviceMismatched: new Float64Array(services.count),
    rejectionsByReason: new Float64Array(NUM_REASONS),
    recorder: new Recorder(s, opts.weeks ?? s.weeks),
  };
  initialise(m, runSeed);
  measureWaiting(m);
  return m;
}

/** The weekly phases, in the order they run. Each is a plain function of the model. */
export const PHASES: readonly { name: string; run: (m: Model) => void; findings: string }[] = [
  { name: 'information', run: information, findings: 'F2, F10' },
  { name: 'advisors', run: advisors, findings: 'F1, F6, F8, F11, F12' },
  { name: 'applications', run: applications, findings: 'F1, F3, F4, F5, F7, F14' },
  { name: 'participation', run: participation, findings: 'F4, F5, F13, lock-in' },
  { name: 'labourMarket', run: labourMarket, findings: 'F9, lock-in, matching, scarring' },
  { name: 'relationships', run: relationships, findings: 'F11, F12, F13, F14, exits' },
];

/** Advance the model by one week (synchronously; knows nothing of frames or timers). */
export function step(m: Model): void {
  m.keys.setWeek(m.week);
  // places come in week by week, a period's worth over each period; an overdraft (more winners than places) is paid
  // back from the next weeks' places, and unused places pile up to at most one period's worth (or SMALL_OFFICE_PLACES,
  // if that is more), so capacity per 1000 jobseekers does not depend on the size of the office
  for (let k = 0; k < m.services.count; k++) {
    const per = m.services.slotsPerMonth[k];
    const cap = per > SMALL_OFFICE_PLACES ? per : SMALL_OFFICE_PLACES;
    const left = m.slotsLeft[k] + per / PERIOD_WEEKS;
    m.slotsLeft[k] = left > cap ? cap : left;
  }
  if (m.week % PERIOD_WEEKS === 0) {
    // a new period's budget, if the office has one: unspent money lapses, an overspend is carried over
    const budget = m.scenario.office.budgetPerWeekPer1000;
    m.budgetLeft = budget > 0 ? Math.min(0, m.budgetLeft) + (budget * PERIOD_WEEKS * m.n) / 1000 : Infinity;
  }
  for (let p = 0; p < PHASES.length; p++) PHASES[p].run(m);
  m.recorder.record(m);
  m.week++;
}

/** Advance the model by `weeks` weeks. */
export function run(m: Model, weeks: number): Model {
  for (let w = 0; w < weeks; w++) step(m);
  return m;
}
