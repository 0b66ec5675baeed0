/**
 * Shared builders for the tests.
 *
 * The lead engineer calibrates the schema defaults and the shipped scenarios,
 * so every test builds its own scenario here with every parameter it depends
 * on given explicitly: behaviour, labour market, office, services, groups and
 * policy knobs. Nothing below reads a default from sim/schema.
 */
import { PENDING_NONE } from '../sim/agents.ts';
import { NO_SERVICE, UNEMPLOYED } from '../sim/constants.ts';
import { createModel, type Model } from '../sim/model.ts';
import { measureWaiting } from '../sim/phases/advisors.ts';
import { uniform } from '../sim/rng.ts';
import { parseScenario, type Knobs, type Scenario } from '../sim/scenario.ts';

/** Round to the nearest float32, as a store into a Float32Array does. */
export const f32 = Math.fround;

export const BEHAVIOUR = {
  infoSearch: 0.5, infoSearchCost: 0.25, websiteSuccess: 0.05, peerSuccess: 0.3, ngoSuccess: 0.02, chanceSuccess: 0.01,
  peersPerPerson: 2, peerHomophily: 0.8, applyChance: 0.25, rejectionHit: 0.1, discouragedBelow: 0.15,
  recoverChance: 0.1, showUpBase: 0.7, trustGain: 0.2, trustLossOnChange: 0.6, trustDecay: 0.01,
  disclosure: 0.25, hiddenBarrierDropout: 0.03, placementBreakdown: 0.05, mismatchYield: 0.25,
  shameRise: 0.01, recognition: 0.05, peerSupport: 0.03, attendancePressure: 0.5,
  // rules a test switches on when it exercises them: off (0) here
  selfEfficacySearch: 0, monitoringPush: 0, monitoringDecay: 0.25, sanctionThreat: 1, skillDecay: 0,
  healthExit: 0, barrierPersists: 0, educationExit: 0, educationAgeMax: 30, careSearchCost: 0.5,
};
export type BehaviourInput = typeof BEHAVIOUR;

export const LABOUR = {
  vacanciesPer1000: [12, 8, 4], hireRate: 0.04, languageRequired: [0.2, 0.5, 0.75], recognitionPenalty: 0.5,
  discrimination: 0.25, barrierPenalty: 0.5, networkReferral: 1, certificateValue: 0.125, jobLoss: 0.003, barrierJobLoss: 1, overqualifiedJobLoss: 2.5,
  downgradeAfterWeeks: 52, rightsAfterWeeksEmployed: 52, incapacityPenalty: 0.75,
  temporaryShare: 0, temporaryJobEnd: 0.0625, durationPenalty: 0, durationPenaltyWeeks: 40, agePenalty: 0,
};
export type LabourInput = typeof LABOUR;

export const OFFICE = {
  advisorsPer1000: 200, caseload: 10, hoursPerWeek: 20, hoursPerMeeting: 1, costPerAdvisorHour: 500,
  referralChance: 0, referralWeight: 2, budgetPerWeekPer1000: 0,
};
export type OfficeInput = typeof OFFICE;

/** Every knob at zero (meeting intensity 1): tests switch on what they exercise. */
export const KNOBS_OFF: Knobs = {
  priorityByNeed: 0, proactiveInformation: 0, exploration: 0, matchedOffers: 0, levelMatching: 0,
  longTermPlanning: 0, advisorTurnover: 0, followUp: 0, offerRate: 0, acceptPressure: 0, activityTarget: 0, meetingIntensity: 1,
};
export const knobs = (over: Partial<Knobs> = {}): Knobs => ({ ...KNOBS_OFF, ...over });

export interface ServiceInput {
  id: string; label: string; type: string; term: 'short' | 'long'; weeks: number; levelled: boolean; defaultLevel: number;
  qualification: 'none' | 'certificate' | 'formal' | 'recognition'; slotsPerMonthPer1000: number; costPerWeek: number;
  entry: string[]; refusesIfHeld: boolean; rightsPriority: boolean; searchIntensity: number; employabilityGain: number;
  languageGain: number; networkGain: number; support: number; peerGroup: boolean; treatsBarrier: boolean;
}

/** A service with every field given. */
export function service(over: Partial<ServiceInput> & Pick<ServiceInput, 'id' | 'type' | 'term'>): ServiceInput {
  return {
    label: over.id, weeks: 4, levelled: true, defaultLevel: 0, qualification: 'none', slotsPerMonthPer1000: 100,
    costPerWeek: 1000, entry: ['anyone'], refusesIfHeld: false, rightsPriority: false, searchIntensity: 0.5,
    employabilityGain: 0.01, languageGain: 0, networkGain: 0, support: 0.5, peerGroup: false, treatsBarrier: false,
    ...over,
  };
}

/** The tests' own catalogue, one service of each type, in this index order. */
export const S = {
  jobSearch: 0, office: 1, language: 2, placement: 3, health: 4, vocational: 5, guidance: 6, formalEducation: 7,
  workGroup: 8, intro: 9, qualification: 10,
} as const;
export const CATALOGUE: ServiceInput[] = [
  service({ id: 'jobSearch', type: 'jobSearchCourse', term: 'short', weeks: 4, searchIntensity: 0.75 }),
  service({ id: 'office', type: 'occupationalCourse', term: 'short', weeks: 8, defaultLevel: 1, qualification: 'certificate', refusesIfHeld: true, searchIntensity: 0.5 }),
  service({ id: 'language', type: 'languageCourse', term: 'short', weeks: 16, levelled: false, qualification: 'certificate', entry: ['benefitRights', 'refugee'], rightsPriority: true, languageGain: 0.01, searchIntensity: 0.5 }),
  service({ id: 'placement', type: 'workPlacement', term: 'short', weeks: 12, qualification: 'certificate', networkGain: 0.01, support: 0.25, searchIntensity: 0.5 }),
  service({ id: 'health', type: 'healthSupport', term: 'short', weeks: 12, levelled: false, entry: ['workAssessmentAllowance', 'socialAssistance', 'youth'], treatsBarrier: true, support: 0.75 }),
  service({ id: 'vocational', type: 'vocationalTraining', term: 'long', weeks: 40, defaultLevel: 1, qualification: 'formal', refusesIfHeld: true, entry: ['benefitRights'], rightsPriority: true, searchIntensity: 0.125 }),
  service({ id: 'guidance', type: 'careerGuidance', term: 'long', weeks: 26, defaultLevel: 2, qualification: 'recognition', entry: ['benefitRights', 'refugee'], rightsPriority: true, searchIntensity: 0.25 }),
  service({ id: 'formalEducation', type: 'formalEducation', term: 'long', weeks: 78, defaultLevel: 2, qualification: 'formal', entry: ['benefitRights'], rightsPriority: true, searchIntensity: 0.125 }),
  service({ id: 'workGroup', type: 'supportedWorkGroup', term: 'long', weeks: 26, qualification: 'certificate', entry: ['workAssessmentAllowance', 'socialAssistance', 'youth'], support: 0.75, peerGroup: true, searchIntensity: 0.25 }),
  service({ id: 'intro', type: 'introductionProgramme', term: 'long', weeks: 52, levelled: false, qualification: 'certificate', entry: ['introductionProgramme'], searchIntensity: 0.25 }),
  service({ id: 'qualification', type: 'qualificationProgramme', term: 'long', weeks: 52, levelled: false, qualification: 'certificate', entry: ['qualificationProgramme'], treatsBarrier: true, searchIntensity: 0.25 }),
];

export interface GroupInput {
  name: string; share: number; route: string; categoryLevel: number; facesDiscrimination: boolean; women: number; careDuties: number;
  movesAwayPerYear: number; ageMin: number; ageMax: number;
  education: number[]; foreignEducation: number; language: number; digital: number; network: number; healthBarrier: number;
  hiddenBarrier: number; selfEfficacy: number; shame: number; ambition: number; entitlements: Record<string, number>;
}

/** A group with every field given. */
export function group(over: Partial<GroupInput> = {}): GroupInput {
  return {
    name: 'g', share: 1, route: 'native', categoryLevel: 0, facesDiscrimination: false, women: 0.5, careDuties: 0.25,
    movesAwayPerYear: 0, ageMin: 20, ageMax: 60,
    education: [0.25, 0.5, 0.25], foreignEducation: 0.2, language: 0.8, digital: 0.7, network: 0.5, healthBarrier: 0.1,
    hiddenBarrier: 0.05, selfEfficacy: 0.6, shame: 0.2, ambition: 0.3,
    entitlements: { unemploymentBenefit: 0.5, workAssessmentAllowance: 0.1, socialAssistance: 0.1, introductionProgramme: 0, qualificationProgramme: 0 },
    ...over,
  };
}

/** Info texts, given like everything else. */
export const INFO = { what: 'A test scenario.', howItWorks: 'Built by test/helpers.ts.', howToUse: 'Only in tests.', notice: [], try: [] };

export interface ScenarioOver {
  name?: string;
  agents?: number;
  weeks?: number;
  seed?: number;
  replications?: number;
  groups?: GroupInput[];
  services?: ServiceInput[];
  behaviour?: Partial<BehaviourInput>;
  labourMarket?: Partial<LabourInput>;
  office?: Partial<OfficeInput>;
  policies?: Record<string, unknown>;
  comparePolicies?: [string, string];
  /** Number of tracked personas (ids 0..personas-1 log events); they belong to the first group. */
  personas?: number;
}

/** A complete scenario input object (unparsed), every model parameter explicit. */
export function scenarioInput(over: ScenarioOver = {}): Record<string, unknown> {
  const groups = over.groups ?? [group()];
  return {
    name: over.name ?? 'test', info: INFO, agents: over.agents ?? 6, weeks: over.weeks ?? 10, seed: over.seed ?? 1,
    replications: over.replications ?? 2, comparePolicies: over.comparePolicies ?? ['standardised', 'personalised'],
    groups, services: over.services ?? CATALOGUE,
    office: { ...OFFICE, ...over.office },
    labourMarket: { ...LABOUR, ...over.labourMarket },
    behaviour: { ...BEHAVIOUR, ...over.behaviour },
    policies: over.policies ?? {},
    personas: Array.from({ length: over.personas ?? 0 }, (_, k) => ({
      name: `P${k}`, group: groups[0].name, age: 30, education: 1, foreignEducation: false, language: 0.8, digital: 0.7,
      network: 0.4, healthBarrier: false, hiddenBarrier: false, selfEfficacy: 0.6, shame: 0.2, ambition: false, woman: false,
      careDuties: false, entitlements: [],
    })),
  };
}

export const buildScenario = (over: ScenarioOver = {}): Scenario => parseScenario(scenarioInput(over), 'test');

/** A model of a tiny explicit scenario, run with explicit knobs, with every agent reset by `neutralise`. */
export function makeModel(over: ScenarioOver = {}, k: Partial<Knobs> = {}): Model {
  const m = createModel(buildScenario(over), { policy: 'test', knobs: knobs(k) });
  neutralise(m);
  return m;
}

/**
 * Put every agent in a plain, known starting state: unemployed, basic
 * education, full language and digital skills, no network, no rights, no
 * barriers, no push, no gap, nothing known, no advisor, every tally zero, each
 * its own only peer. Advisor loads, start slots, the budget (none), demand,
 * last week's waiting people (counted again for this state) and the week are reset too.
 */
export function neutralise(m: Model): void {
  const a = m.agents;
  for (let i = 0; i < m.n; i++) {
    a.age[i] = 30; a.education[i] = 0; a.foreignQual[i] = 0; a.ambition[i] = 0; a.entitlements[i] = 0; a.rightsAtStart[i] = 0;
    a.flags[i] = 0;
    a.language[i] = 1; a.digital[i] = 1; a.network[i] = 0; a.employability[i] = 0.5; a.selfEfficacy[i] = 0.5;
    a.shame[i] = 0; a.trust[i] = 0; a.push[i] = 0; a.weeksIdle[i] = 0; a.referredLevel[i] = PENDING_NONE;
    a.searchOwn[i] = 0; a.searchLow[i] = 0; a.referrals[i] = 0;
    a.state[i] = UNEMPLOYED; a.service[i] = NO_SERVICE; a.serviceLevel[i] = 0; a.serviceWeeksLeft[i] = 0; a.assessedLevel[i] = 0;
    a.known[i] = 0; a.knownPrev[i] = 0; a.knownInformal[i] = 0; a.fit[i] = 0; a.refused[i] = 0;
    a.pending[i] = PENDING_NONE; a.pendingLevel[i] = 0; a.pendingByAdvisor[i] = 0;
    a.advisor[i] = -1; a.advisorWeeks[i] = 0; a.weeksUnemployed[i] = 0; a.weeksEmployed[i] = 0; a.firstJobWeek[i] = -1;
    a.certificates[i] = 0; a.applications[i] = 0; a.rejections[i] = 0; a.servicesStarted[i] = 0; a.longStarted[i] = 0;
    a.mismatched[i] = 0; a.byChance[i] = 0; a.infoWeeks[i] = 0; a.meetingsScheduled[i] = 0; a.meetingsAttended[i] = 0; a.cost[i] = 0;
    for (let k = 0; k < a.peersPerAgent; k++) a.peers[i * a.peersPerAgent + k] = i;
  }
  m.advisorLoad.fill(0);
  m.slotsLeft.fill(0);
  m.applicants.fill(0);
  m.applicantsLow.fill(0);
  m.demand.fill(0);
  m.recorder.hires.fill(0);
  m.budgetLeft = Infinity;
  for (const r of m.events.records) r.length = 0;
  m.week = 0;
  m.keys.setWeek(0);
  measureWaiting(m);
}

/** Give agent `i` contact person `adv`, keeping the advisor loads consistent. */
export function assignAdvisor(m: Model, i: number, adv: number): void {
  if (m.agents.advisor[i] >= 0) m.advisorLoad[m.agents.advisor[i]]--;
  m.agents.advisor[i] = adv;
  m.advisorLoad[adv]++;
}

/** Set the model's week: the week counter and this week's random keys. */
export function setWeek(m: Model, w: number): void {
  m.week = w;
  m.keys.setWeek(w);
}

/** Bit of service `s` in a known/fit mask. */
export const bit = (s: number) => 1 << s;

/** Event records (kind, a, b) of tracked agent `i` from week `week` on. */
export function eventsOf(m: Model, i: number, week = 0): [number, number, number][] {
  const r = m.events.records[i];
  const out: [number, number, number][] = [];
  for (let k = 0; k < r.length; k += 4) if (r[k] >= week) out.push([r[k + 1], r[k + 2], r[k + 3]]);
  return out;
}

/** This week's draw of agent `i` for purpose `p` (the first key), as the phases make it. */
export const draw = (m: Model, i: number, p: number): number => uniform(i, m.keys.week[p]);
/** This week's second draw of agent `i` for purpose `p` (the `week2` key). */
export const draw2 = (m: Model, i: number, p: number): number => uniform(i, m.keys.week2[p]);

/** Set the week to the first one from `from` on in which `ok()` holds (for draws a test needs); throws if none in 1000 weeks. */
export function findWeek(m: Model, ok: () => boolean, from = 0): number {
  for (let w = from; w < from + 1000; w++) {
    setWeek(m, w);
    if (ok()) return w;
  }
  throw new Error('no such week');
}
