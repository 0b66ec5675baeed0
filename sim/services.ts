import {
  ECONOMIC_RIGHTS, ENTITLEMENT_NAMES, QUALIFICATIONS, ROUTES, SERVICE_TYPES,
} from './constants.ts';
import type { Scenario } from './scenario.ts';

/** The services catalogue compiled to plain arrays for the hot loops. */
export interface ServiceTable {
  count: number;
  ids: string[];
  labels: string[];
  type: Uint8Array; // index into SERVICE_TYPES
  long: Uint8Array;
  weeks: Uint16Array;
  levelled: Uint8Array;
  defaultLevel: Uint8Array;
  qualification: Uint8Array; // Q_* code
  refusesIfHeld: Uint8Array;
  rightsPriority: Uint8Array;
  slotsPerMonth: Float64Array; // absolute starts per 4 weeks for this population
  costPerWeek: Float64Array;
  searchIntensity: Float64Array;
  employabilityGain: Float64Array;
  languageGain: Float64Array;
  networkGain: Float64Array;
  support: Float64Array;
  peerGroup: Uint8Array;
  treatsBarrier: Uint8Array;
  /** Entry rule as masks: anyone, entitlement bits, route bits. */
  entryAnyone: Uint8Array;
  entryEntitlements: Uint8Array;
  entryRoutes: Uint8Array;
  /** Bit masks over services. */
  longMask: number;
  shortMask: number;
  treatsMask: number;
  /** For each entry of SERVICE_TYPES, the bit mask of the services of that type. */
  typeMask: Int32Array;
  /** The services a person may enter, as a bit mask, by route and entitlement bits: entitledMask[route * ENTITLEMENT_SETS + ent] (from `entitled`). */
  entitledMask: Uint16Array;
}

/** Number of distinct sets of entitlement bits. */
export const ENTITLEMENT_SETS = 1 << ENTITLEMENT_NAMES.length;

export const typeIndex = (name: string) => SERVICE_TYPES.indexOf(name as (typeof SERVICE_TYPES)[number]);

export function compileServices(s: Scenario): ServiceTable {
  const n = s.services.length;
  const t: ServiceTable = {
    count: n, ids: s.services.map((x) => x.id), labels: s.services.map((x) => x.label ?? x.id),
    type: new Uint8Array(n), long: new Uint8Array(n), weeks: new Uint16Array(n), levelled: new Uint8Array(n),
    defaultLevel: new Uint8Array(n), qualification: new Uint8Array(n), refusesIfHeld: new Uint8Array(n),
    rightsPriority: new Uint8Array(n), slotsPerMonth: new Float64Array(n), costPerWeek: new Float64Array(n),
    searchIntensity: new Float64Array(n), employabilityGain: new Float64Array(n), languageGain: new Float64Array(n),
    networkGain: new Float64Array(n), support: new Float64Array(n), peerGroup: new Uint8Array(n), treatsBarrier: new Uint8Array(n),
    entryAnyone: new Uint8Array(n), entryEntitlements: new Uint8Array(n), entryRoutes: new Uint8Array(n),
    longMask: 0, shortMask: 0, treatsMask: 0, typeMask: new Int32Array(SERVICE_TYPES.length),
    entitledMask: new Uint16Array(ROUTES.length * ENTITLEMENT_SETS),
  };
  s.services.forEach((x, i) => {
    t.type[i] = typeIndex(x.type);
    t.typeMask[t.type[i]] |= 1 << i;
    t.long[i] = x.term === 'long' ? 1 : 0;
    if (x.term === 'long') t.longMask |= 1 << i; else t.shortMask |= 1 << i;
    t.weeks[i] = x.weeks;
    t.levelled[i] = x.levelled ? 1 : 0;
    t.defaultLevel[i] = x.defaultLevel;
    t.qualification[i] = QUALIFICATIONS.indexOf(x.qualification);
    t.refusesIfHeld[i] = x.refusesIfHeld ? 1 : 0;
    t.rightsPriority[i] = x.rightsPriority ? 1 : 0;
    t.slotsPerMonth[i] = (x.slotsPerMonthPer1000 * s.agents) / 1000;
    t.costPerWeek[i] = x.costPerWeek;
    t.searchIntensity[i] = x.searchIntensity;
    t.employabilityGain[i] = x.employabilityGain;
    t.languageGain[i] = x.languageGain;
    t.networkGain[i] = x.networkGain;
    t.support[i] = x.support;
    t.peerGroup[i] = x.peerGroup ? 1 : 0;
    t.treatsBarrier[i] = x.treatsBarrier ? 1 : 0;
    if (x.treatsBarrier) t.treatsMask |= 1 << i;
    for (const e of x.entry) {
      if (e === 'anyone') t.entryAnyone[i] = 1;
      else if (e === 'benefitRights') t.entryEntitlements[i] |= ECONOMIC_RIGHTS;
      else if ((ENTITLEMENT_NAMES as readonly string[]).includes(e)) t.entryEntitlements[i] |= 1 << ENTITLEMENT_NAMES.indexOf(e as never);
      else t.entryRoutes[i] |= 1 << ROUTES.indexOf(e as never);
    }
  });
  for (let route = 0; route < ROUTES.length; route++) {
    for (let ent = 0; ent < ENTITLEMENT_SETS; ent++) {
      let mask = 0;
      for (let k = 0; k < n; k++) if (entitled(t, k, ent, route)) mask |= 1 << k;
      t.entitledMask[route * ENTITLEMENT_SETS + ent] = mask;
    }
  }
  return t;
}

/** Bit mask of the services a person with entitlement bits `ent`, on route index `route`, may enter. */
export const entitledServices = (t: ServiceTable, ent: number, route: number): number => t.entitledMask[route * ENTITLEMENT_SETS + ent];

/** Whether a person with entitlement bits `ent` and route index `route` may enter service `s` (F1). */
export function entitled(t: ServiceTable, s: number, ent: number, route: number): boolean {
  return t.entryAnyone[s] === 1 || (t.entryEntitlements[s] & ent) !== 0 || (t.entryRoutes[s] & (1 << route)) !== 0;
}

/** Index of the `k`-th set bit of `mask` (k from 0), or -1. */
export function nthBit(mask: number, k: number): number {
  for (let b = 0; mask !== 0; b++, mask >>>= 1) {
    if (mask & 1) {
      if (k === 0) return b;
      k--;
    }
  }
  return -1;
}

/** Number of set bits in a 16-bit mask. */
export function popcount16(x: number): number {
  x = x - ((x >>> 1) & 0x5555);
  x = (x & 0x3333) + ((x >>> 2) & 0x3333);
  x = (x + (x >>> 4)) & 0x0f0f;
  return (x + (x >>> 8)) & 0x1f;
}

/** A uniformly chosen set bit of `mask` using the uniform draw `u`, or -1 if the mask is empty. */
export function pickBit(mask: number, u: number): number {
  const c = popcount16(mask);
  return c === 0 ? -1 : nthBit(mask, Math.floor(u * c));
}
