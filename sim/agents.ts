/**
 * Jobseekers as a structure of arrays: one typed array per field, indexed by
 * agent id (bitECS style). About 110 bytes per agent.
 */

/** Bits of `flags`. */
export const F_HEALTH_BARRIER = 1; // a known health or mental-health barrier
export const F_HIDDEN_BARRIER = 2; // a barrier the person conceals (F12)
export const F_DISCLOSED = 4; // the hidden barrier has been disclosed
export const F_BARRIER_TREATED = 8; // barriers have been worked on in a service
export const F_OVERQUALIFIED = 16; // current job is below the person's level
export const F_MET_THIS_WEEK = 32; // met the advisor this week
export const F_ASSESSED = 64; // has had the needs assessment everyone is entitled to
export const F_SEARCHED_INFO = 128; // spent this week searching for information (F2)
export const F_WOMAN = 256; // a woman (study A; Card, Kluve & Weber 2018 on programme effects by gender)
export const F_CARE = 512; // care duties for young children at home that take time from job search
export const F_PERSISTENT = 1024; // the health barrier persists whatever is done (persistent incapacity)
export const F_INSECURE_JOB = 2048; // the current job is temporary or part-time (F9)
export const F_EXPLORED = 4096; // an exploring meeting has seen the person's real situation (F6)

export const PENDING_NONE = 255;

/** `pendingByAdvisor` codes: the person's new request, an advisor's offer, and WAITING + k for a request that has waited k weeks for a place. */
export const BY_PERSON = 0;
export const BY_ADVISOR = 1;
export const WAITING = 2;

export interface Agents {
  n: number;
  // who they are
  group: Uint8Array;
  age: Uint8Array;
  education: Uint8Array; // 0..2, true level
  foreignQual: Uint8Array; // QUAL_* code
  ambition: Uint8Array; // 1 = wants long-term education
  entitlements: Uint8Array; // ENT_* bits, may grow (benefit after work)
  rightsAtStart: Uint8Array; // 1 if any economic right at registration (fixed group)
  flags: Uint16Array;
  // resources
  language: Float32Array;
  digital: Float32Array;
  network: Float32Array;
  employability: Float32Array;
  selfEfficacy: Float32Array;
  shame: Float32Array;
  trust: Float32Array;
  /** Search effort added by the last meetings' monitoring and follow-up of search; decays weekly (Schiprowski 2020). */
  push: Float32Array;
  // pathway
  state: Uint8Array;
  service: Uint8Array; // current service index or NO_SERVICE
  serviceLevel: Uint8Array;
  serviceWeeksLeft: Uint16Array;
  assessedLevel: Uint8Array;
  known: Uint16Array; // bit per service: knows it exists (F2)
  knownPrev: Uint16Array; // last week's `known`, read by peers (no order effects)
  knownInformal: Uint16Array; // bit per service: learnt of it through peers, an NGO or chance
  fit: Uint16Array; // bit per service: would fit the person's goals, level and barriers
  refused: Uint16Array; // bit per service: the person's own request was refused; they do not ask again
  pending: Uint8Array; // service applied for / offered this week
  pendingLevel: Uint8Array;
  pendingByAdvisor: Uint8Array;
  advisor: Int32Array; // -1 = no contact person
  advisorWeeks: Uint16Array;
  weeksUnemployed: Uint16Array;
  weeksEmployed: Uint16Array;
  /** Weeks out of work and in no service since the last job or completed service: the gap employers see. */
  weeksIdle: Uint16Array;
  /** Level of a vacancy the advisor referred the person to this week, or PENDING_NONE (job brokering); the week's job search uses it up. */
  referredLevel: Uint8Array;
  /** Scratch for the labour market: this week's effective search at the own level and one level down. */
  searchOwn: Float32Array;
  searchLow: Float32Array;
  firstJobWeek: Int16Array; // -1 = never
  // tallies for the summary metrics
  certificates: Uint8Array;
  applications: Uint16Array;
  rejections: Uint16Array;
  servicesStarted: Uint16Array;
  longStarted: Uint16Array;
  mismatched: Uint16Array;
  byChance: Uint16Array;
  infoWeeks: Uint16Array;
  meetingsScheduled: Uint16Array;
  meetingsAttended: Uint16Array;
  referrals: Uint16Array;
  cost: Float32Array;
  /** K peers per agent, flattened: peers[i*K + k]. */
  peers: Int32Array;
  peersPerAgent: number;
}

export function allocateAgents(n: number, peersPerAgent: number): Agents {
  return {
    n,
    group: new Uint8Array(n), age: new Uint8Array(n), education: new Uint8Array(n), foreignQual: new Uint8Array(n),
    ambition: new Uint8Array(n), entitlements: new Uint8Array(n), rightsAtStart: new Uint8Array(n), flags: new Uint16Array(n),
    language: new Float32Array(n), digital: new Float32Array(n), network: new Float32Array(n),
    employability: new Float32Array(n), selfEfficacy: new Float32Array(n), shame: new Float32Array(n), trust: new Float32Array(n), push: new Float32Array(n),
    state: new Uint8Array(n), service: new Uint8Array(n).fill(255), serviceLevel: new Uint8Array(n),
    serviceWeeksLeft: new Uint16Array(n), assessedLevel: new Uint8Array(n),
    known: new Uint16Array(n), knownPrev: new Uint16Array(n), knownInformal: new Uint16Array(n), fit: new Uint16Array(n), refused: new Uint16Array(n),
    pending: new Uint8Array(n).fill(PENDING_NONE), pendingLevel: new Uint8Array(n), pendingByAdvisor: new Uint8Array(n),
    advisor: new Int32Array(n).fill(-1), advisorWeeks: new Uint16Array(n),
    weeksUnemployed: new Uint16Array(n), weeksEmployed: new Uint16Array(n),
    weeksIdle: new Uint16Array(n), referredLevel: new Uint8Array(n).fill(PENDING_NONE),
    searchOwn: new Float32Array(n), searchLow: new Float32Array(n), firstJobWeek: new Int16Array(n).fill(-1),
    certificates: new Uint8Array(n), applications: new Uint16Array(n), rejections: new Uint16Array(n),
    servicesStarted: new Uint16Array(n), longStarted: new Uint16Array(n), mismatched: new Uint16Array(n),
    byChance: new Uint16Array(n), infoWeeks: new Uint16Array(n),
    meetingsScheduled: new Uint16Array(n), meetingsAttended: new Uint16Array(n), referrals: new Uint16Array(n), cost: new Float32Array(n),
    peers: new Int32Array(n * peersPerAgent), peersPerAgent,
  };
}

/** Bytes held by the agent arrays (for the benchmark's memory figure). */
export function agentBytes(a: Agents): number {
  let total = 0;
  for (const v of Object.values(a)) if (ArrayBuffer.isView(v)) total += v.byteLength;
  return total;
}
