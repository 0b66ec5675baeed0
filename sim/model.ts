import { allocateAgents } from './agents.ts';
import { NUM_LEVELS, ROUTES, WEEKS_PER_YEAR } from './constants.ts';
import { EventLog } from './events.ts';
import { initialise } from './init.ts';
import type { Model } from './model-type.ts';
import { replicateSeed, RunKeys } from './rng.ts';
import { resolvePolicy, type Knobs, type Scenario } from './scenario.ts';
import { compileServices } from './services.ts';
import { Recorder } from './record.ts';
import { capacity } from './phases/capacity.ts';
import { information } from './phases/information.ts';
import { advisors, measureWaiting, PRIORITY_BINS } from './phases/advisors.ts';
import { applications } from './phases/applications.ts';
import { participation } from './phases/participation.ts';
import { labourMarket } from './phases/labour.ts';
import { relationships } from './phases/relationships.ts';

export type { Model } from './model-type.ts';

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
    groupMoveAway: Float64Array.from(s.groups, (g) => -Math.expm1(Math.log1p(-Math.min(g.movesAwayPerYear, 1 - 1e-12)) / WEEKS_PER_YEAR)),
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
    demand: new Float64Array(NUM_LEVELS), hireCandidates: new Int32Array(n),
    tracked: s.personas.length,
    events: new EventLog(s.personas.length),
    recorder: new Recorder(s, opts.weeks ?? s.weeks),
  };
  initialise(m, runSeed);
  measureWaiting(m);
  return m;
}

/** One weekly phase: what it is called, the function that runs it, its file and the findings it carries. */
export interface Phase {
  /** Its name in MODEL.md (section 3, "Process overview", and a subsection of section 7, "Submodels"). */
  name: string;
  /** One week of the phase: a plain function of the model, which allocates nothing per person and passes over the agents as few times as it can. */
  run: (m: Model) => void;
  /** The file that defines it and its fixed numbers (MODEL.md, Appendix A). */
  file: string;
  /** Findings of the brief and evidence it carries. */
  findings: string;
}

/**
 * The weekly schedule: the phases in the order `step` runs them, each once a
 * week, then the recorder counts the week. docs/MODEL.md lists them in this
 * order (test/docs.test.ts checks it); docs/CONTRIBUTING.md says how to
 * add one.
 */
export const PHASES: readonly Phase[] = [
  { name: 'capacity', run: capacity, file: 'sim/phases/capacity.ts', findings: 'F3, budget' },
  { name: 'information', run: information, file: 'sim/phases/information.ts', findings: 'F2, F10' },
  { name: 'advisors', run: advisors, file: 'sim/phases/advisors.ts', findings: 'F1, F6, F8, F11, F12' },
  { name: 'applications', run: applications, file: 'sim/phases/applications.ts', findings: 'F1, F3, F4, F5, F7, F14' },
  { name: 'participation', run: participation, file: 'sim/phases/participation.ts', findings: 'F4, F5, F13, lock-in' },
  { name: 'labourMarket', run: labourMarket, file: 'sim/phases/labour.ts', findings: 'F9, lock-in, matching, scarring' },
  { name: 'relationships', run: relationships, file: 'sim/phases/relationships.ts', findings: 'F11, F12, F13, F14, exits' },
];

/** Advance the model by one week (synchronously; knows nothing of frames or timers): this week's random keys, the phases, the recorder. */
export function step(m: Model): void {
  m.keys.setWeek(m.week);
  for (let p = 0; p < PHASES.length; p++) PHASES[p].run(m);
  m.recorder.record(m);
  m.week++;
}

/** Advance the model by `weeks` weeks. */
export function run(m: Model, weeks: number): Model {
  for (let w = 0; w < weeks; w++) step(m);
  return m;
}
