import {
  F_ASSESSED, F_CARE, F_HEALTH_BARRIER, F_HIDDEN_BARRIER, F_PERSISTENT, F_WOMAN, PENDING_NONE,
} from './agents.ts';
import {
  ECONOMIC_RIGHTS, ENT_WORK_ASSESSMENT_ALLOWANCE, ENTITLEMENT_NAMES, EV_REGISTERED, QUAL_DOMESTIC, QUAL_FOREIGN_UNRECOGNISED, UNEMPLOYED,
} from './constants.ts';
import { fitMask } from './fit.ts';
import type { Model } from './model-type.ts';
import { approxNormal, sequential, type Sequential } from './rng.ts';
import { clamp01 } from './clamp.ts';

/** Trust at registration: general trust in the office, before any contact person, which a change of contact person does not take away (F11). */
export const INITIAL_TRUST = 0.1;

/** Standard deviation of a drawn resource (language, digital skills, network, self-efficacy, shame) around its group's mean, before it is kept within 0..1. */
export const RESOURCE_SPREAD = 0.15;

/** A value around `mean`, spread `RESOURCE_SPREAD`, kept in 0..1. */
const around = (g: Sequential, mean: number) => clamp01(mean + RESOURCE_SPREAD * approxNormal(g));

/** Employability at registration of a person with basic education and no digital skills or self-efficacy. */
export const EMPLOYABILITY_BASE = 0.2;
/** Employability at registration added per education level above basic. */
export const EMPLOYABILITY_PER_LEVEL = 0.1;
/** Employability at registration added per unit of digital skills. */
export const EMPLOYABILITY_PER_DIGITAL = 0.15;
/** Employability at registration added per unit of self-efficacy (F14). */
export const EMPLOYABILITY_PER_SELF_EFFICACY = 0.15;

/** Initial employability from resources: education, digital skills and self-efficacy. */
export function initialEmployability(education: number, digital: number, selfEfficacy: number): number {
  return clamp01(EMPLOYABILITY_BASE + EMPLOYABILITY_PER_LEVEL * education + EMPLOYABILITY_PER_DIGITAL * digital
    + EMPLOYABILITY_PER_SELF_EFFICACY * selfEfficacy);
}

/**
 * Build the population: personas first (ids 0..P-1, tracked), then each group
 * in turn. Uses only the run seed, never the policy: the same people under
 * every policy.
 */
export function initialise(m: Model, runSeed: number): void {
  const s = m.scenario;
  const a = m.agents;
  const n = m.n;
  const g = sequential(`population:${runSeed}`);
  // group sizes by largest remainder, personas counted in their group
  const target = s.groups.map((gr) => gr.share * n);
  const sizes = target.map(Math.floor);
  let left = n - sizes.reduce((x, y) => x + y, 0);
  const order = target.map((t, i) => [t - Math.floor(t), i]).sort((x, y) => y[0] - x[0] || x[1] - y[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) sizes[order[k][1]]++;
  const groupIndex = new Map(s.groups.map((gr, i) => [gr.name, i]));
  const remaining = sizes.slice();
  s.personas.forEach((p, i) => {
    const gi = groupIndex.get(p.group)!;
    a.group[i] = gi;
    if (remaining[gi] > 0) remaining[gi]--;
  });
  let id = s.personas.length;
  const start = new Int32Array(s.groups.length);
  const count = new Int32Array(s.groups.length);
  for (let gi = 0; gi < s.groups.length; gi++) {
    start[gi] = id;
    for (let k = 0; k < remaining[gi] && id < n; k++) a.group[id++] = gi;
    count[gi] = id - start[gi];
  }
  for (; id < n; id++) a.group[id] = s.groups.length - 1; // personas outnumbering a group's share

  for (let i = 0; i < n; i++) {
    const gr = s.groups[a.group[i]];
    const persona = i < s.personas.length ? s.personas[i] : undefined;
    if (persona) {
      a.age[i] = persona.age;
      a.education[i] = persona.education;
      a.foreignQual[i] = persona.foreignEducation ? QUAL_FOREIGN_UNRECOGNISED : QUAL_DOMESTIC;
      a.language[i] = persona.language;
      a.digital[i] = persona.digital;
      a.network[i] = persona.network;
      a.selfEfficacy[i] = persona.selfEfficacy;
      a.shame[i] = persona.shame;
      a.ambition[i] = persona.ambition ? 1 : 0;
      a.flags[i] = (persona.healthBarrier ? F_HEALTH_BARRIER : 0) | (persona.hiddenBarrier ? F_HIDDEN_BARRIER : 0)
        | (persona.woman ? F_WOMAN : 0) | (persona.careDuties ? F_CARE : 0);
      for (const e of persona.entitlements) a.entitlements[i] |= 1 << ENTITLEMENT_NAMES.indexOf(e);
    } else {
      a.age[i] = gr.ageMin + Math.floor(g() * (gr.ageMax - gr.ageMin + 1));
      const u = g();
      a.education[i] = u < gr.education[0] ? 0 : u < gr.education[0] + gr.education[1] ? 1 : 2;
      a.foreignQual[i] = a.education[i] > 0 && g() < gr.foreignEducation ? QUAL_FOREIGN_UNRECOGNISED : QUAL_DOMESTIC;
      a.language[i] = around(g, gr.language);
      a.digital[i] = around(g, gr.digital);
      a.network[i] = around(g, gr.network);
      a.selfEfficacy[i] = around(g, gr.selfEfficacy);
      a.shame[i] = around(g, gr.shame);
      a.ambition[i] = g() < gr.ambition ? 1 : 0;
      a.flags[i] = (g() < gr.healthBarrier ? F_HEALTH_BARRIER : 0) | (g() < gr.hiddenBarrier ? F_HIDDEN_BARRIER : 0);
      ENTITLEMENT_NAMES.forEach((e, b) => { if (g() < gr.entitlements[e]) a.entitlements[i] |= 1 << b; });
      if (g() < gr.women) a.flags[i] |= F_WOMAN;
      if ((a.flags[i] & F_WOMAN) !== 0 && g() < gr.careDuties) a.flags[i] |= F_CARE;
    }
    // work assessment allowance is given for work capacity reduced by illness or injury: its holders have a known health barrier
    if ((a.entitlements[i] & ENT_WORK_ASSESSMENT_ALLOWANCE) !== 0) a.flags[i] |= F_HEALTH_BARRIER;
    // some health barriers persist whatever is done (persistent incapacity); drawn for personas too, from the scenario's share
    if ((a.flags[i] & F_HEALTH_BARRIER) !== 0 && g() < s.behaviour.barrierPersists) a.flags[i] |= F_PERSISTENT;
    a.referredLevel[i] = PENDING_NONE;
    a.flags[i] &= ~F_ASSESSED;
    a.rightsAtStart[i] = (a.entitlements[i] & ECONOMIC_RIGHTS) !== 0 ? 1 : 0;
    a.employability[i] = initialEmployability(a.education[i], a.digital[i], a.selfEfficacy[i]);
    a.trust[i] = INITIAL_TRUST;
    a.state[i] = UNEMPLOYED;
    a.assessedLevel[i] = m.groupCategoryLevel[a.group[i]];
    a.fit[i] = fitMask(a, m.services, i, m.groupRoute[a.group[i]], true);
    a.known[i] = 0; // nobody knows the services at first: they must find out (F2)
  }
  // peers: mostly from one's own group (homophily), the rest from anyone
  const K = a.peersPerAgent;
  const homophily = s.behaviour.peerHomophily;
  for (let i = 0; i < n; i++) {
    const gi = a.group[i];
    for (let k = 0; k < K; k++) {
      let j: number;
      if (g() < homophily && count[gi] > 1) j = start[gi] + Math.floor(g() * count[gi]);
      else j = Math.floor(g() * n);
      if (j === i) j = (i + 1) % n;
      a.peers[i * K + k] = j;
    }
  }
  for (let i = 0; i < m.tracked; i++) m.events.add(i, 0, EV_REGISTERED, a.entitlements[i], 0);
}
