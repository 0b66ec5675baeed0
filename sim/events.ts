import {
  ENTITLEMENT_NAMES, EV_ADVISOR_CHANGED, EV_APPLIED, EV_COMPLETED, EV_DISCLOSED, EV_DISCOURAGED,
  EV_DROPPED_OUT, EV_ENTITLED, EV_FOLLOW_UP, EV_FOUND_INFO, EV_GOT_ADVISOR, EV_HIRED, EV_LOST_JOB, EV_MET_ADVISOR,
  EV_LEFT, EV_NO_SHOW, EV_OFFERED, EV_REFERRED, EV_REGISTERED, HEALTH_BENEFIT, IN_EDUCATION, EV_REJECTED, EV_RESUMED, EV_SEARCHED_IN_VAIN, EV_STARTED, LEVEL_NAMES,
  REASON_ALREADY_HOLDS, REASON_LEVEL, REASON_NAMES, REASON_NO_BUDGET, REASON_NO_CAPACITY, REASON_NOT_ENTITLED,
  REASON_NOT_PRIORITY, ROUTE_LABEL, type Route,
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

export interface JourneyEvent {
  week: number;
  kind: string;
  text: string;
}

/** How each channel (CH_* order) reads in a journey. */
const CHANNEL_TEXT = ['the advisor', 'the website', 'a friend', 'an NGO', 'chance'];

const KIND_NAMES = [
  'registered', 'foundInformation', 'searchedInVain', 'gotAdvisor', 'advisorChanged', 'metAdvisor', 'noShow', 'followUp',
  'disclosedBarrier', 'offered', 'applied', 'rejected', 'started', 'completed', 'droppedOut', 'hired', 'lostJob',
  'discouraged', 'resumed', 'entitled', 'referred', 'left',
];

function rights(bits: number): string {
  const names = ENTITLEMENT_NAMES.filter((_, b) => bits & (1 << b)).map((n) => n.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`));
  return names.length ? `with a right to ${names.join(', ')}` : 'with no economic rights, only the right to information and a needs assessment';
}

/** Plain-language reason for a refusal, naming the person's route where it matters. */
export function reasonText(reason: number, route: Route): string {
  switch (reason) {
    case REASON_NOT_ENTITLED: return `not entitled as ${ROUTE_LABEL[route]}`;
    case REASON_NO_CAPACITY: return 'no places left this month';
    case REASON_NOT_PRIORITY: return 'not a priority group (no economic rights), and the places went to those with rights';
    case REASON_ALREADY_HOLDS: return 'already holds this education on paper (from abroad, not recognised)';
    case REASON_NO_BUDGET: return 'the office’s budget for this month is spent';
    case REASON_LEVEL: return 'the office judged the level too high for the person’s category';
    default: return REASON_NAMES[reason] ?? 'unknown';
  }
}

/** The journey of tracked agent `id` in plain language ("week 12: applied for a language course, rejected: ..."). */
export function journey(log: EventLog, s: Scenario, id: number): JourneyEvent[] {
  const r = log.records[id];
  const route = s.groups.find((g) => g.name === s.personas[id].group)!.route;
  const label = (k: number) => s.services[k]?.label ?? s.services[k]?.id ?? `service ${k}`;
  const out: JourneyEvent[] = [];
  for (let k = 0; k < r.length; k += 4) {
    const [week, kind, a, b] = [r[k], r[k + 1], r[k + 2], r[k + 3]];
    let text: string;
    switch (kind) {
      case EV_REGISTERED: text = `registered as a jobseeker, ${rights(a)}`; break;
      case EV_FOUND_INFO: text = `learnt about ${label(a)} through ${CHANNEL_TEXT[b]}`; break;
      case EV_SEARCHED_IN_VAIN: text = 'spent the week searching for information, found nothing that fits'; break;
      case EV_GOT_ADVISOR: text = `got a contact person (advisor ${a + 1})`; break;
      case EV_ADVISOR_CHANGED: text = `contact person changed to advisor ${a + 1}; trust fell`; break;
      case EV_MET_ADVISOR: text = a ? 'met the advisor, who asked what they want and are good at' : 'met the advisor for a short, standard meeting'; break;
      case EV_NO_SHOW: text = 'did not show up for a meeting'; break;
      case EV_FOLLOW_UP: text = 'the advisor followed up the missed meeting, and they met after all'; break;
      case EV_DISCLOSED: text = 'trusted the advisor enough to tell about a hidden problem'; break;
      case EV_OFFERED: text = `was offered ${label(a)} at ${LEVEL_NAMES[b]} level`; break;
      case EV_APPLIED: text = `applied for ${label(a)} at ${LEVEL_NAMES[b]} level, accepted`; break;
      case EV_REJECTED: text = `applied for ${label(a)}, rejected: ${reasonText(b, route)}`; break;
      case EV_STARTED: text = `started ${label(a)}${b ? '' : ', at a level that does not fit'}`; break;
      case EV_COMPLETED: text = `completed ${label(a)}${b === 1 ? ' and got a certificate' : b === 2 ? ' and got a formal qualification' : b === 3 ? ' and got their qualification recognised' : ''}`; break;
      case EV_DROPPED_OUT: text = `dropped out of ${label(a)}`; break;
      case EV_HIRED: text = `got a job at ${LEVEL_NAMES[a]} level${b ? ', below their qualifications' : ''}`; break;
      case EV_LOST_JOB: text = 'lost the job'; break;
      case EV_DISCOURAGED: text = 'gave up searching for a while'; break;
      case EV_RESUMED: text = 'started searching again'; break;
      case EV_ENTITLED: text = `earned a right to ${ENTITLEMENT_NAMES[Math.log2(a)]}`; break;
      case EV_REFERRED: text = `the advisor referred them to a vacancy at ${LEVEL_NAMES[a]} level${b ? ', below their qualifications' : ''}`; break;
      case EV_LEFT: text = a === HEALTH_BENEFIT ? 'left the register for a health-related benefit' : a === IN_EDUCATION ? 'left the register to go back to education' : 'moved away'; break;
      default: text = KIND_NAMES[kind] ?? 'event';
    }
    // weeks are shown 1-based, as in the time series: week 1 is the first simulated week
    out.push({ week: week + 1, kind: KIND_NAMES[kind], text: `week ${week + 1}: ${text}` });
  }
  return out;
}

