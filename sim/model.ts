import { allocateAgents, type Agents } from './agents.ts';
import { NUM_LEVELS, NUM_REASONS, ROUTES } from './constants.ts';
import { EventLog } from './events.ts';
import { initialise } from './init.ts';
import { replicateSeed, RunKeys } from './rng.ts';
import { resolvePolicy, type Knobs, type Scenario } from './scenario.ts';
import { compileServices, type ServiceTable } from './services.ts';
import { Recorder } from './record.ts';
import { information } from './phases/information.ts';
import { advisors } from './phases/advisors.ts';
import { applications } from './phases/applications.ts';
import { participation } from './phases/participation.ts';
import { labourMarket, measureDemand } from './phases/labour.ts';
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
  /** Advisors: contact-person load each. */
  advisorLoad: Int32Array;
  /** Total assignment weight of people waiting for a contact person last week. */
  waitingWeight: number;
  /** Start slots left in the current 4-week period, per service. */
  slotsLeft: Float64Array;
  /** Applicants per service this week (scratch). */
  applicants: Float64Array;
  /** Labour market: vacancies per week and last week's weighted demand, per level. */
  vacancies: Float64Array;
  demand: Float64Array;
  demandNext: Float64Array;
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
  const advisorCount = Math.max(1, Math.round((s.office.advisorsPer1000 * n) / 1000));
  const m: Model = {
    scenario: s, policy: opts.policy, knobs, replicate, runSeed, n, week: 0,
    keys: new RunKeys(runSeed), agents, services,
    groupRoute: Uint8Array.from(s.groups, (g) => ROUTES.indexOf(g.route)),
    groupCategoryLevel: Uint8Array.from(s.groups, (g) => g.categoryLevel),
    groupDiscriminated: Uint8Array.from(s.groups, (g) => (g.facesDiscrimination ? 1 : 0)),
    advisorLoad: new Int32Array(advisorCount),
    waitingWeight: 0,
    slotsLeft: new Float64Array(services.count),
    applicants: new Float64Array(services.count),
    vacancies: Float64Array.from(s.labourMarket.vacanciesPer1000, (v) => (v * n) / 1000),
    demand: new Float64Array(NUM_LEVELS), demandNext: new Float64Array(NUM_LEVELS),
    tracked: s.personas.length,
    events: new EventLog(s.personas.length),
    serviceStarts: new Float64Array(services.count), serviceMismatched: new Float64Array(services.count),
    rejectionsByReason: new Float64Array(NUM_REASONS),
    recorder: new Recorder(s, opts.weeks ?? s.weeks),
  };
  initialise(m, runSeed);
  measureDemand(m);
  return m;
}

/** The weekly phases, in the order they run. Each is a plain function of the model. */
export const PHASES: readonly { name: string; run: (m: Model) => void; findings: string }[] = [
  { name: 'information', run: information, findings: 'F2, F10' },
  { name: 'advisors', run: advisors, findings: 'F1, F6, F8, F11, F12' },
  { name: 'applications', run: applications, findings: 'F1, F3, F4, F5, F7, F14' },
  { name: 'participation', run: participation, findings: 'F4, F5, F13, lock-in' },
  { name: 'labourMarket', run: labourMarket, findings: 'F9, lock-in' },
  { name: 'relationships', run: relationships, findings: 'F11, F12, F13, F14' },
];

/** Advance the model by one week (synchronously; knows nothing of frames or timers). */
export function step(m: Model): void {
  m.keys.setWeek(m.week);
  if (m.week % 4 === 0) {
    // a new period's places; unused whole places lapse, a fraction carries over so small offices still get rare services
    for (let k = 0; k < m.services.count; k++) m.slotsLeft[k] = m.services.slotsPerMonth[k] + (Math.max(0, m.slotsLeft[k]) % 1);
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
