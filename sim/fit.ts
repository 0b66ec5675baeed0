import { F_BARRIER_TREATED, F_DISCLOSED, F_HEALTH_BARRIER, F_HIDDEN_BARRIER, F_PERSISTENT, type Agents } from './agents.ts';
import {
  ENT_INTRODUCTION_PROGRAMME, ENT_QUALIFICATION_PROGRAMME, Q_FORMAL, QUAL_FOREIGN_UNRECOGNISED, ROUTES, SERVICE_TYPES,
} from './constants.ts';
import type { ServiceTable } from './services.ts';

/** Service types, by their index in SERVICE_TYPES. */
const type = (name: (typeof SERVICE_TYPES)[number]) => SERVICE_TYPES.indexOf(name);
const JOB_SEARCH = type('jobSearchCourse'), OCCUPATIONAL = type('occupationalCourse'), LANGUAGE = type('languageCourse'),
  PLACEMENT = type('workPlacement'), HEALTH = type('healthSupport'), VOCATIONAL = type('vocationalTraining'),
  GUIDANCE = type('careerGuidance'), FORMAL_EDUCATION = type('formalEducation'), WORK_GROUP = type('supportedWorkGroup'),
  INTRODUCTION = type('introductionProgramme'), QUALIFICATION = type('qualificationProgramme');
const YOUTH_ROUTE = ROUTES.indexOf('youth');

/** Command of the language below which a language course fits the person. */
export const LANGUAGE_COURSE_BELOW = 0.7;
/** Local network below which a work placement fits a person without a barrier (a placement builds a network). */
export const PLACEMENT_NETWORK_BELOW = 0.5;

/**
 * Which services would fit a person's goals, level and barriers (F4, F5, F12).
 * `seeHidden` = false gives the fit as an advisor sees it before a hidden
 * barrier is disclosed; the person always knows their own situation.
 */
export function fitMask(a: Agents, t: ServiceTable, i: number, route: number, seeHidden: boolean): number {
  const flags = a.flags[i];
  const edu = a.education[i];
  const unrecognised = a.foreignQual[i] === QUAL_FOREIGN_UNRECOGNISED;
  const ambition = a.ambition[i] === 1;
  const barrier = (flags & F_BARRIER_TREATED) === 0 && hasBarrier(flags, seeHidden); // once worked on, no longer a reason for a service
  const ent = a.entitlements[i];
  const m = t.typeMask;
  let mask = m[JOB_SEARCH];
  if (edu === 0 || unrecognised) mask |= m[OCCUPATIONAL] | m[VOCATIONAL];
  if (a.language[i] < LANGUAGE_COURSE_BELOW) mask |= m[LANGUAGE];
  if (barrier) mask |= m[HEALTH] | m[WORK_GROUP];
  else if (a.network[i] < PLACEMENT_NETWORK_BELOW) mask |= m[PLACEMENT];
  if (unrecognised || ambition) mask |= m[GUIDANCE];
  if (ambition && edu < 2) mask |= m[FORMAL_EDUCATION];
  if (route === YOUTH_ROUTE) mask |= m[WORK_GROUP];
  if ((ent & ENT_INTRODUCTION_PROGRAMME) !== 0) mask |= m[INTRODUCTION];
  if ((ent & ENT_QUALIFICATION_PROGRAMME) !== 0) mask |= m[QUALIFICATION];
  return mask;
}

/**
 * A health or life barrier nobody has worked on yet, or a persistent health
 * barrier (which treatment does not remove). `seeHidden` = false counts a
 * hidden barrier only once it has been disclosed (the office's view).
 */
export function hasBarrier(flags: number, seeHidden: boolean): boolean {
  if ((flags & F_PERSISTENT) !== 0) return true;
  if ((flags & F_BARRIER_TREATED) !== 0) return false;
  if ((flags & F_HEALTH_BARRIER) !== 0) return true;
  return (flags & F_HIDDEN_BARRIER) !== 0 && (seeHidden || (flags & F_DISCLOSED) !== 0);
}

/** A barrier the office can see and that has not been worked on (a persistent one that has been worked on no longer calls for a service). */
export const hasVisibleBarrier = (flags: number): boolean => (flags & F_BARRIER_TREATED) === 0 && hasBarrier(flags, false);

/** The level of service `s` that fits a person of level `level`: one step up for a formal qualification, else their own. */
export function targetLevel(t: ServiceTable, s: number, level: number): number {
  return t.qualification[s] === Q_FORMAL ? Math.min(2, level + 1) : level;
}
