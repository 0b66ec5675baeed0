/**
 * The personas' journeys as data. The model logs flat records (week, kind, a, b)
 * for the tracked agents; `journey` turns them into typed events with named
 * fields. Sentences are made only when printing, by sim/journey-text.ts.
 */
import {
  CHANNEL_NAMES, ENTITLEMENT_NAMES, EV_ADVISOR_CHANGED, EV_APPLIED, EV_COMPLETED, EV_DISCLOSED, EV_DISCOURAGED,
  EV_DROPPED_OUT, EV_ENTITLED, EV_FOLLOW_UP, EV_FOUND_INFO, EV_GOT_ADVISOR, EV_HIRED, EV_LEFT, EV_LOST_JOB,
  EV_MET_ADVISOR, EV_NO_SHOW, EV_OFFERED, EV_REFERRED, EV_REGISTERED, EV_REJECTED, EV_RESUMED, EV_SEARCHED_IN_VAIN,
  EV_STARTED, FIRST_OUT, LEVEL_NAMES, QUALIFICATIONS, REASON_NAMES, STATE_NAMES, type EntitlementName, type Route,
} from './constants.ts';
import type { Scenario } from './scenario.ts';

/** Events of the tracked agents: flat records (week, kind, a, b) per agent. Only persona ids log. */
export class EventLog {
  readonly records: number[][];
  constructor(tracked: number) {
    this.records = Array.from({ length: tracked }, () => []);
  }
  add(agent: number, week: number, kind: number, a: number, b: number): void {
    this.records[agent].push(week, kind, a, b);
  }
}

/** The names of the event kinds, in EV_* code order (sim/constants): the one list, used in records, files and CSS classes. */
export const EVENT_KINDS = [
  'registered', 'foundInformation', 'searchedInVain', 'gotAdvisor', 'advisorChanged', 'metAdvisor', 'noShow', 'followUp',
  'disclosedBarrier', 'offered', 'applied', 'rejected', 'started', 'completed', 'droppedOut', 'hired', 'lostJob',
  'discouraged', 'resumed', 'entitled', 'referred', 'left',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export type LevelName = (typeof LEVEL_NAMES)[number];
export type ChannelName = (typeof CHANNEL_NAMES)[number];
export type ReasonName = Exclude<(typeof REASON_NAMES)[number], ''>;
export type QualificationName = (typeof QUALIFICATIONS)[number];
/** The states a person leaves the register for (from FIRST_OUT on). */
export type LeftState = 'healthBenefit' | 'education' | 'movedAway';

/** A service as an event names it: its scenario id and its index in the scenario's services. */
interface ServiceRef { service: string; serviceIndex: number }

/**
 * One event of a persona's journey: the week (1-based: week 1 is the first
 * simulated week), the kind, and only the fields that apply to that kind.
 */
export type JourneyEvent = { week: number } & (
  /** Rights at registration (empty: no economic rights). */
  | { kind: 'registered'; rights: EntitlementName[] }
  | ({ kind: 'foundInformation'; channel: ChannelName } & ServiceRef)
  | { kind: 'searchedInVain' }
  /** `advisor` is numbered from 1, as the sentences show it. */
  | { kind: 'gotAdvisor'; advisor: number }
  | { kind: 'advisorChanged'; advisor: number }
  /** `explored`: the advisor asked what the person wants and is good at (else a short, standard meeting). */
  | { kind: 'metAdvisor'; explored: boolean }
  | { kind: 'noShow' }
  | { kind: 'followUp' }
  | { kind: 'disclosedBarrier' }
  | ({ kind: 'offered'; level: LevelName } & ServiceRef)
  | ({ kind: 'applied'; level: LevelName } & ServiceRef)
  /** `route`: the person's route, which a refusal for `notEntitled` refers to. */
  | ({ kind: 'rejected'; reason: ReasonName; route: Route } & ServiceRef)
  /** `fit`: whether the service's level fits the person. */
  | ({ kind: 'started'; fit: boolean } & ServiceRef)
  | ({ kind: 'completed'; qualification: QualificationName } & ServiceRef)
  | ({ kind: 'droppedOut' } & ServiceRef)
  /** `overqualified`: the job's level is below the person's qualifications. */
  | { kind: 'hired'; level: LevelName; overqualified: boolean }
  | { kind: 'lostJob' }
  | { kind: 'discouraged' }
  | { kind: 'resumed' }
  | { kind: 'entitled'; entitlement: EntitlementName }
  | { kind: 'referred'; level: LevelName; overqualified: boolean }
  | { kind: 'left'; state: LeftState }
);

/** The event of one kind. */
export type EventOf<K extends EventKind> = Extract<JourneyEvent, { kind: K }>;

/**
 * Every data field an event may carry besides week and kind, in file order
 * (the events table's columns after the text): one list, so a new field is
 * added here once.
 */
export const EVENT_FIELDS = [
  'service', 'serviceIndex', 'level', 'reason', 'route', 'fit', 'channel', 'rights', 'entitlement', 'advisor', 'explored',
  'qualification', 'overqualified', 'state',
] as const;
export type EventField = (typeof EVENT_FIELDS)[number];

function name<T extends readonly string[]>(names: T, code: number, what: string): T[number] {
  const n = names[code];
  if (n === undefined || n === '') throw new Error(`journey: unknown ${what} code ${code}`);
  return n;
}

/** The record of one logged event, for a person on route `route` in scenario `s`. */
export function eventRecord(s: Pick<Scenario, 'services'>, route: Route, week: number, kind: number, a: number, b: number): JourneyEvent {
  const w = week + 1; // weeks are 1-based, as in the time series
  const service = (): ServiceRef => {
    const sv = s.services[a];
    if (!sv) throw new Error(`journey: unknown service index ${a}`);
    return { service: sv.id, serviceIndex: a };
  };
  const level = (code: number) => name(LEVEL_NAMES, code, 'level');
  switch (kind) {
    case EV_REGISTERED: return { week: w, kind: 'registered', rights: ENTITLEMENT_NAMES.filter((_, bit) => a & (1 << bit)) };
    case EV_FOUND_INFO: return { week: w, kind: 'foundInformation', ...service(), channel: name(CHANNEL_NAMES, b, 'channel') };
    case EV_SEARCHED_IN_VAIN: return { week: w, kind: 'searchedInVain' };
    case EV_GOT_ADVISOR: return { week: w, kind: 'gotAdvisor', advisor: a + 1 };
    case EV_ADVISOR_CHANGED: return { week: w, kind: 'advisorChanged', advisor: a + 1 };
    case EV_MET_ADVISOR: return { week: w, kind: 'metAdvisor', explored: a !== 0 };
    case EV_NO_SHOW: return { week: w, kind: 'noShow' };
    case EV_FOLLOW_UP: return { week: w, kind: 'followUp' };
    case EV_DISCLOSED: return { week: w, kind: 'disclosedBarrier' };
    case EV_OFFERED: return { week: w, kind: 'offered', ...service(), level: level(b) };
    case EV_APPLIED: return { week: w, kind: 'applied', ...service(), level: level(b) };
    case EV_REJECTED: return { week: w, kind: 'rejected', ...service(), reason: name(REASON_NAMES, b, 'reason') as ReasonName, route };
    case EV_STARTED: return { week: w, kind: 'started', ...service(), fit: b !== 0 };
    case EV_COMPLETED: return { week: w, kind: 'completed', ...service(), qualification: name(QUALIFICATIONS, b, 'qualification') };
    case EV_DROPPED_OUT: return { week: w, kind: 'droppedOut', ...service() };
    case EV_HIRED: return { week: w, kind: 'hired', level: level(a), overqualified: b !== 0 };
    case EV_LOST_JOB: return { week: w, kind: 'lostJob' };
    case EV_DISCOURAGED: return { week: w, kind: 'discouraged' };
    case EV_RESUMED: return { week: w, kind: 'resumed' };
    case EV_ENTITLED: return { week: w, kind: 'entitled', entitlement: name(ENTITLEMENT_NAMES, Math.log2(a), 'entitlement') };
    case EV_REFERRED: return { week: w, kind: 'referred', level: level(a), overqualified: b !== 0 };
    case EV_LEFT: {
      if (a < FIRST_OUT) throw new Error(`journey: state code ${a} is not outside the labour force`);
      return { week: w, kind: 'left', state: name(STATE_NAMES, a, 'state') as LeftState };
    }
    default: throw new Error(`journey: unknown event kind code ${kind}`);
  }
}

/** The journey of tracked agent `id` (persona `id` of scenario `s`) as events; sim/journey-text.ts makes sentences of them. */
export function journey(log: EventLog, s: Pick<Scenario, 'services' | 'groups' | 'personas'>, id: number): JourneyEvent[] {
  const r = log.records[id];
  const route = s.groups.find((g) => g.name === s.personas[id].group)!.route;
  const out: JourneyEvent[] = [];
  for (let k = 0; k < r.length; k += 4) out.push(eventRecord(s, route, r[k], r[k + 1], r[k + 2], r[k + 3]));
  return out;
}
