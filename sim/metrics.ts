import { F_INSECURE_JOB, F_OVERQUALIFIED } from './agents.ts';
import { EMPLOYED, HEALTH_BENEFIT, IN_EDUCATION, LONG_SERVICE, MOVED_AWAY, SHORT_SERVICE, WEEKS_PER_YEAR } from './constants.ts';
import { countAt, GROUPS_PER_PERSON } from './record.ts';
import type { Model } from './model.ts';
import { fixed, percent, type NumberStyle } from './format.ts';
import { histogramMedian } from './stats.ts';

/** How a metric's values are read and written. */
export type MetricKind =
  /** A share 0..1 (or a difference of shares): written as a percentage, its differences in percentage points. */
  | 'share'
  /** A number of things per person (refusals, services, referrals). */
  | 'count'
  /** Weeks (or weeks per person). */
  | 'weeks'
  /** Kroner (NOK): written as a whole number. */
  | 'money';

/** Which way a metric is better for the jobseekers: `neither` where more or less is not in itself better (how much activity is counted, who leaves for what). */
export type Better = 'higher' | 'lower' | 'neither';

/** A text in both languages of the page: English and Norwegian bokmål. */
export interface Words { en: string; nb: string }

/** Everything the project knows about a metric besides its computation (which is in `summarise`). */
export interface MetricInfo {
  /** A short name for tables, charts and menus. */
  label: Words;
  /** What it measures: docs/MODEL.md section 8, the CLI's help and hypothesis results, the page's hover text. */
  doc: Words;
  /** The unit of a value: what a share is a share of, or what is counted per person. */
  unit: Words;
  kind: MetricKind;
  /** One value per whole year (an array, year 1 first), read one year at a time as `NAME.K`; otherwise one number. */
  byYear: boolean;
  /** For a metric by year: the label of one year's value (`NAME.K`), `{year}` standing for K. */
  yearLabel?: Words;
  /** Decimals written: of the percentage for a share (1: 40.4%), else of the value itself. */
  decimals: number;
  better: Better;
}

/**
 * The summary metrics, in output order (CSV rows, the CLI's tables, JSON
 * keys): the one table of them. Each is computed in `summarise` below; every
 * view, file and analysis reads the rest from here.
 */
export const METRIC_TABLE = {
  employedShare: {
    label: { en: 'In work at the end', nb: 'I arbeid ved slutten' },
    doc: { en: 'Share in work at the last week.', nb: 'Andel i arbeid den siste uken.' },
    unit: { en: 'share of people', nb: 'andel av personene' },
    kind: 'share', byYear: false, decimals: 1, better: 'higher',
  },
  employedShareByYear: {
    label: { en: 'In work at the end of each year', nb: 'I arbeid ved slutten av hvert år' },
    doc: {
      en: 'Share in work at the end of each whole year (array, year 1 first).',
      nb: 'Andel i arbeid ved slutten av hvert hele år (én verdi per år, år 1 først).',
    },
    unit: { en: 'share of people', nb: 'andel av personene' },
    yearLabel: { en: 'In work at the end of year {year}', nb: 'I arbeid ved slutten av år {year}' },
    kind: 'share', byYear: true, decimals: 1, better: 'higher',
  },
  medianWeeksToFirstJob: {
    label: { en: 'Median weeks to first job', nb: 'Median uker til første jobb' },
    doc: {
      en: 'Median weeks from registration to the first job, counting those never hired as not yet hired; the run length when fewer than half were hired.',
      nb: 'Median antall uker fra registrering til første jobb, der de som aldri fikk jobb regnes som ennå ikke ansatt; kjøringens lengde når færre enn halvparten fikk jobb.',
    },
    unit: { en: 'weeks', nb: 'uker' },
    kind: 'weeks', byYear: false, decimals: 1, better: 'lower',
  },
  rejectionsPerPerson: {
    label: { en: 'Refusals per person', nb: 'Avslag per person' },
    doc: { en: 'Refused requests per person (F3).', nb: 'Avslåtte forespørsler per person (F3).' },
    unit: { en: 'refusals per person', nb: 'avslag per person' },
    kind: 'count', byYear: false, decimals: 2, better: 'lower',
  },
  servicesPerPerson: {
    label: { en: 'Services per person', nb: 'Tiltak per person' },
    doc: { en: 'Services started per person.', nb: 'Tiltak startet per person.' },
    unit: { en: 'services per person', nb: 'tiltak per person' },
    kind: 'count', byYear: false, decimals: 2, better: 'neither',
  },
  longTermServiceShare: {
    label: { en: 'Share of services that are long', nb: 'Andel tiltak som er lange' },
    doc: { en: 'Share of started services that are long (F4).', nb: 'Andel av startede tiltak som er lange (F4).' },
    unit: { en: 'share of services started', nb: 'andel av startede tiltak' },
    kind: 'share', byYear: false, decimals: 1, better: 'neither',
  },
  mismatchedServiceShare: {
    label: { en: 'Share of services at a level that does not fit', nb: 'Andel tiltak på et nivå som ikke passer' },
    doc: {
      en: 'Share of started services that come in levels and whose level differs from the person’s level (F5).',
      nb: 'Andel av startede tiltak som har nivåer og der nivået avviker fra personens nivå (F5).',
    },
    unit: { en: 'share of services started', nb: 'andel av startede tiltak' },
    kind: 'share', byYear: false, decimals: 1, better: 'lower',
  },
  overqualifiedShare: {
    label: { en: 'In a job below their level (of those in work)', nb: 'I jobb under sitt nivå (av dem i arbeid)' },
    doc: {
      en: 'Share of those in work at the last week whose job is below their level (F9).',
      nb: 'Andel av dem i arbeid den siste uken som har en jobb under sitt nivå (F9).',
    },
    unit: { en: 'share of those in work', nb: 'andel av dem i arbeid' },
    kind: 'share', byYear: false, decimals: 1, better: 'lower',
  },
  weeksSearchingInfoPerPerson: {
    label: { en: 'Weeks searching for information per person', nb: 'Uker brukt på å lete etter informasjon per person' },
    doc: { en: 'Weeks spent searching for information per person (F2).', nb: 'Uker brukt på å lete etter informasjon per person (F2).' },
    unit: { en: 'weeks per person', nb: 'uker per person' },
    kind: 'weeks', byYear: false, decimals: 1, better: 'lower',
  },
  servicesFoundByChanceShare: {
    label: { en: 'Services found through friends, NGOs or chance', nb: 'Tiltak funnet via venner, frivillige eller tilfeldigheter' },
    doc: {
      en: 'Share of started services the person asked for after learning of them through peers, an NGO or chance rather than the advisor (F2).',
      nb: 'Andel av startede tiltak som personen ba om etter å ha hørt om dem via andre, en frivillig organisasjon eller tilfeldigheter heller enn fra veilederen (F2).',
    },
    unit: { en: 'share of services started', nb: 'andel av startede tiltak' },
    kind: 'share', byYear: false, decimals: 1, better: 'lower',
  },
  participationRate: {
    label: { en: 'Activity counted (share of weeks in a service)', nb: 'Aktivitet som telles (andel uker i tiltak)' },
    doc: {
      en: 'Share of person-weeks in any measure: activity as the office counts it (F7).',
      nb: 'Andel personuker i et tiltak: aktivitet slik kontoret teller den (F7).',
    },
    unit: { en: 'share of person-weeks', nb: 'andel av personukene' },
    kind: 'share', byYear: false, decimals: 1, better: 'neither',
  },
  costPerPerson: {
    label: { en: 'Cost per person (NOK)', nb: 'Kostnad per person (kr)' },
    doc: { en: 'Cost of services and advisor time per person (NOK).', nb: 'Kostnad til tiltak og veiledertid per person (kr).' },
    unit: { en: 'NOK per person', nb: 'kr per person' },
    kind: 'money', byYear: false, decimals: 0, better: 'lower',
  },
  advisorCostPerPerson: {
    label: { en: 'Advisor time cost per person (NOK)', nb: 'Kostnad til veiledertid per person (kr)' },
    doc: {
      en: 'Cost of advisor time per person (NOK): every scheduled meeting at the office’s hours per meeting and cost per advisor hour; the advisor part of costPerPerson.',
      nb: 'Kostnad til veiledertid per person (kr): hvert planlagte møte til kontorets timer per møte og kostnad per veiledertime; veilederdelen av costPerPerson.',
    },
    unit: { en: 'NOK per person', nb: 'kr per person' },
    kind: 'money', byYear: false, decimals: 0, better: 'lower',
  },
  serviceCostPerPerson: {
    label: { en: 'Service cost per person (NOK)', nb: 'Kostnad til tiltak per person (kr)' },
    doc: {
      en: 'Cost of services per person (NOK): the weekly cost of every week spent in a service; the service part of costPerPerson.',
      nb: 'Kostnad til tiltak per person (kr): ukekostnaden for hver uke i et tiltak; tiltaksdelen av costPerPerson.',
    },
    unit: { en: 'NOK per person', nb: 'kr per person' },
    kind: 'money', byYear: false, decimals: 0, better: 'lower',
  },
  rejectedApplicationShare: {
    label: { en: 'Own requests refused', nb: 'Egne forespørsler avslått' },
    doc: { en: 'Share of the person’s own requests that were refused (F3).', nb: 'Andel av personens egne forespørsler som ble avslått (F3).' },
    unit: { en: 'share of own requests', nb: 'andel av egne forespørsler' },
    kind: 'share', byYear: false, decimals: 1, better: 'lower',
  },
  attendanceRate: {
    label: { en: 'Meetings attended', nb: 'Møter gjennomført' },
    doc: { en: 'Share of scheduled advisor meetings that took place (F11).', nb: 'Andel av de planlagte møtene med veilederen som ble gjennomført (F11).' },
    unit: { en: 'share of scheduled meetings', nb: 'andel av planlagte møter' },
    kind: 'share', byYear: false, decimals: 1, better: 'higher',
  },
  employedWeeksShare: {
    label: { en: 'Share of weeks in work', nb: 'Andel uker i arbeid' },
    doc: { en: 'Share of person-weeks in work.', nb: 'Andel personuker i arbeid.' },
    unit: { en: 'share of person-weeks', nb: 'andel av personukene' },
    kind: 'share', byYear: false, decimals: 1, better: 'higher',
  },
  activityEmploymentGap: {
    label: { en: 'Activity counted beyond work', nb: 'Aktivitet som telles utover arbeid' },
    doc: {
      en: 'participationRate minus employedWeeksShare: activity counted beyond what turns into work (F7).',
      nb: 'participationRate minus employedWeeksShare: aktivitet som telles utover det som blir til arbeid (F7).',
    },
    unit: { en: 'difference of shares of person-weeks', nb: 'forskjell mellom andeler av personukene' },
    kind: 'share', byYear: false, decimals: 1, better: 'neither',
  },
  insecureJobShare: {
    label: { en: 'Temporary or part-time (of those in work)', nb: 'Midlertidig eller deltid (av dem i arbeid)' },
    doc: {
      en: 'Share of those in work at the last week whose job is temporary or part-time (F9).',
      nb: 'Andel av dem i arbeid den siste uken som har en midlertidig jobb eller en deltidsjobb (F9).',
    },
    unit: { en: 'share of those in work', nb: 'andel av dem i arbeid' },
    kind: 'share', byYear: false, decimals: 1, better: 'lower',
  },
  referralsPerPerson: {
    label: { en: 'Referrals to a vacancy per person', nb: 'Henvisninger til ledige stillinger per person' },
    doc: {
      en: 'Referrals by an advisor to a vacancy per person (job brokering).',
      nb: 'Veilederens henvisninger til en ledig stilling per person (jobbformidling).',
    },
    unit: { en: 'referrals per person', nb: 'henvisninger per person' },
    kind: 'count', byYear: false, decimals: 2, better: 'neither',
  },
  healthBenefitShare: {
    label: { en: 'Left for a health-related benefit', nb: 'Gått over til helserelatert ytelse' },
    doc: {
      en: 'Share who have left the register for a health-related benefit by the last week.',
      nb: 'Andel som har forlatt registeret for en helserelatert ytelse innen den siste uken.',
    },
    unit: { en: 'share of people', nb: 'andel av personene' },
    kind: 'share', byYear: false, decimals: 1, better: 'neither',
  },
  educationShare: {
    label: { en: 'Left for ordinary education', nb: 'Gått over til ordinær utdanning' },
    doc: {
      en: 'Share who have left the register for ordinary education by the last week.',
      nb: 'Andel som har forlatt registeret for ordinær utdanning innen den siste uken.',
    },
    unit: { en: 'share of people', nb: 'andel av personene' },
    kind: 'share', byYear: false, decimals: 1, better: 'neither',
  },
  movedAwayShare: {
    label: { en: 'Moved away', nb: 'Flyttet' },
    doc: { en: 'Share who have moved away by the last week.', nb: 'Andel som har flyttet innen den siste uken.' },
    unit: { en: 'share of people', nb: 'andel av personene' },
    kind: 'share', byYear: false, decimals: 1, better: 'neither',
  },
} as const satisfies Record<string, MetricInfo>;

export type MetricName = keyof typeof METRIC_TABLE;
/** The metric names in output order. */
export const METRICS = Object.keys(METRIC_TABLE) as MetricName[];
export type Summary = Record<MetricName, number | number[]>;

/** Whether `name` is a metric. */
export const isMetric = (name: string): name is MetricName => Object.hasOwn(METRIC_TABLE, name);

/** The table entry of a metric. */
export const metricInfo = (name: MetricName): MetricInfo => METRIC_TABLE[name];

// ---------------------------------------------------------------------------
// `NAME` and `NAME.K`: one way to write, parse and read a metric

/** A metric as a file or an option names it: a metric, and for a metric by year the year (1-based). */
export interface MetricKey { name: MetricName; year?: number }

/** `employedShare`, or `employedShareByYear.3` for year 3 of a metric by year. */
export const metricKeyText = (k: MetricKey): string => (k.year === undefined ? k.name : `${k.name}.${k.year}`);

/** The metrics that are by year. */
export const BY_YEAR_METRICS = METRICS.filter((m) => METRIC_TABLE[m].byYear);

/** Whole years in a run of `weeks` weeks: the length of a metric by year. */
export const yearsIn = (weeks: number) => Math.floor(weeks / WEEKS_PER_YEAR);

export interface ParseMetricOptions {
  /** Weeks of the run (the shortest, when runs differ): a year beyond the run is an error. */
  weeks?: number;
  /** A metric by year may be named without a year, meaning every year (the sweep's `--metrics`); otherwise it needs one. */
  allYears?: boolean;
  /** Words to add after "is not a metric" for an unknown name, e.g. " (did you mean employedShare?)". */
  hint?: (name: string, known: readonly string[]) => string;
}

/**
 * Parse `NAME` or `NAME.K`. The error says what is wrong and what is allowed,
 * ready to follow the field it came from (`metric: ...`, `--metrics: ...`).
 */
export function parseMetricKey(text: string, opts: ParseMetricOptions = {}): MetricKey | { error: string } {
  const q = JSON.stringify(text);
  const dot = text.indexOf('.');
  const base = dot < 0 ? text : text.slice(0, dot);
  const k = dot < 0 ? undefined : text.slice(dot + 1);
  if (!isMetric(base)) {
    const byYear = BY_YEAR_METRICS.map((m) => `${m}.1, .2, ...`).join('; ');
    return { error: `${q} is not a metric${opts.hint?.(base, METRICS) ?? ''}; expected one of ${METRICS.join(', ')} (a metric by year as ${byYear})` };
  }
  const name = base;
  if (!METRIC_TABLE[name].byYear) {
    if (k !== undefined) return { error: `${q} is not allowed; ${name} is a single number, not a metric by year: write ${name}` };
    return { name };
  }
  if (k === undefined) {
    if (opts.allYears) return { name };
    return { error: `${q} is not allowed; ${name} is a metric by year: give the year after a dot, e.g. ${name}.1 for the end of year 1` };
  }
  if (!/^(0|[1-9]\d*)$/.test(k)) return { error: `${q} is not allowed; the year after the dot must be a whole number, e.g. ${name}.1 for the end of year 1` };
  const year = Number(k);
  if (year < 1) return { error: `${q} is not allowed; years start at 1 (${name}.1 is the end of year 1)` };
  if (opts.weeks !== undefined) {
    const years = yearsIn(opts.weeks);
    if (year > years) {
      const allowed = years === 0 ? '' : years === 1 ? ', so the year must be 1' : `, so the year must be 1 to ${years}`;
      return { error: `${q} is not allowed; a run of ${opts.weeks} weeks has ${years === 0 ? 'no' : years} whole year${years === 1 ? '' : 's'}${allowed}` };
    }
  }
  return { name, year };
}

/** A metric as a table or chart labels it in `lang`: the year's label for `NAME.K` ("In work at the end of year 2"), else the metric's label. */
export function metricKeyLabel(key: MetricKey, lang: keyof Words = 'en'): string {
  const info: MetricInfo = METRIC_TABLE[key.name];
  if (key.year === undefined || !info.yearLabel) return info.label[lang];
  return info.yearLabel[lang].replace('{year}', String(key.year));
}

/** The value of a metric in a summary: the year's value of a metric by year (NaN when the run has no such year). */
export function metricValue(summary: Summary | Record<string, number | number[]>, key: MetricKey): number {
  const v = summary[key.name];
  if (Array.isArray(v)) return key.year === undefined ? NaN : v[key.year - 1] ?? NaN;
  return key.year === undefined ? v : NaN;
}

/** Every value of a summary as `[NAME or NAME.K, value]`, in table order (a metric by year gives one per year). */
export function* metricEntries(summary: Summary, names: readonly MetricName[] = METRICS): Generator<[string, number]> {
  for (const name of names) {
    const v = summary[name];
    if (Array.isArray(v)) for (let y = 0; y < v.length; y++) yield [metricKeyText({ name, year: y + 1 }), v[y]];
    else yield [name, v];
  }
}

// ---------------------------------------------------------------------------
// How a metric is written

export interface MetricFormat extends NumberStyle {
  /** A difference of two values: a sign before it, and a share's difference in percentage points ("+3.8 pp"). */
  difference?: boolean;
  /** Decimals instead of the table's (of the percentage for a share), e.g. whole percentages on a chart's axis. */
  digits?: number;
  /** For terminals and files: shares as fractions 0..1 (two more decimals than the percentage), no thousands separators. */
  plain?: boolean;
}

/**
 * A value of a metric as the table says to write it: a share as a percentage
 * ("40.4%"; "+3.8 pp" for a difference), money as whole kroner with
 * thousands separators, weeks and counts with the table's decimals.
 */
export function formatMetric(name: MetricName, v: number, f: MetricFormat = {}): string {
  const info: MetricInfo = METRIC_TABLE[name];
  const digits = f.digits ?? info.decimals;
  const style: NumberStyle = { lang: f.lang, typographic: f.typographic, signed: f.signed ?? f.difference };
  if (info.kind === 'share') {
    if (f.plain) return fixed(v, digits + 2, style);
    return f.difference ? `${fixed(v * 100, digits, style)} ${f.lang === 'nb' ? 'p.p.' : 'pp'}` : percent(v, digits, style);
  }
  return fixed(v, digits, { ...style, grouped: info.kind === 'money' && !f.plain });
}

/** Per-person counts summed by group in `summarise`: each a sum over the group's people. */
const TALLIES = [
  'rejections', 'applications', 'servicesStarted', 'longStarted', 'mismatched', 'overqualifiedInWork', 'infoWeeks',
  'byChance', 'cost', 'advisorCost', 'serviceCost', 'meetingsAttended', 'meetingsScheduled', 'insecureInWork', 'referrals',
] as const;
type Tally = (typeof TALLIES)[number];

/** Summaries for every group of the recorder (scenario groups, then DERIVED_GROUPS). */
export function summarise(m: Model): Record<string, Summary> {
  const a = m.agents;
  const rec = m.recorder;
  const G = rec.groups;
  const weeks = Math.min(m.week, rec.weeks);
  const sums = Object.fromEntries(TALLIES.map((k) => [k, new Float64Array(G)])) as Record<Tally, Float64Array>;
  const {
    rejections, applications, servicesStarted, longStarted, mismatched, overqualifiedInWork, infoWeeks, byChance, cost,
    advisorCost, serviceCost, meetingsAttended, meetingsScheduled, insecureInWork, referrals,
  } = sums;
  const hist = new Float64Array(G * (weeks + 1));
  const meetingCost = m.scenario.office.hoursPerMeeting * m.scenario.office.costPerAdvisorHour;
  for (let i = 0; i < m.n; i++) {
    const employed = a.state[i] === EMPLOYED;
    for (let k = 0; k < GROUPS_PER_PERSON; k++) {
      const g = rec.groupOf(k, a.group[i], a.rightsAtStart[i], a.flags[i]);
      rejections[g] += a.rejections[i];
      applications[g] += a.applications[i];
      servicesStarted[g] += a.servicesStarted[i];
      longStarted[g] += a.longStarted[i];
      mismatched[g] += a.mismatched[i];
      overqualifiedInWork[g] += employed && (a.flags[i] & F_OVERQUALIFIED) !== 0 ? 1 : 0;
      infoWeeks[g] += a.infoWeeks[i];
      byChance[g] += a.byChance[i];
      cost[g] += a.cost[i] + a.meetingsScheduled[i] * meetingCost;
      advisorCost[g] += a.meetingsScheduled[i] * meetingCost;
      serviceCost[g] += a.cost[i];
      meetingsAttended[g] += a.meetingsAttended[i];
      meetingsScheduled[g] += a.meetingsScheduled[i];
      insecureInWork[g] += employed && (a.flags[i] & F_INSECURE_JOB) !== 0 ? 1 : 0;
      referrals[g] += a.referrals[i];
      if (a.firstJobWeek[i] >= 0 && a.firstJobWeek[i] < weeks) hist[g * (weeks + 1) + a.firstJobWeek[i] + 1]++;
    }
  }
  const out: Record<string, Summary> = {};
  const ratio = (x: number, y: number) => (y > 0 ? x / y : 0);
  for (let g = 0; g < G; g++) {
    const size = rec.size[g];
    let inService = 0, employedWeeks = 0;
    for (let w = 0; w < weeks; w++) {
      inService += countAt(rec, w, g, SHORT_SERVICE) + countAt(rec, w, g, LONG_SERVICE);
      employedWeeks += countAt(rec, w, g, EMPLOYED);
    }
    const atEnd = (state: number) => (weeks > 0 ? countAt(rec, weeks - 1, g, state) : 0);
    const employedNow = atEnd(EMPLOYED);
    const years: number[] = [];
    for (let y = 1; y * WEEKS_PER_YEAR <= weeks; y++) years.push(ratio(countAt(rec, y * WEEKS_PER_YEAR - 1, g, EMPLOYED), size));
    const participationRate = ratio(inService, size * weeks);
    const employedWeeksShare = ratio(employedWeeks, size * weeks);
    const started = servicesStarted[g];
    // one line per metric, in METRIC_TABLE order (the Summary type asks for every metric)
    const summary: Summary = {
      employedShare: ratio(employedNow, size),
      employedShareByYear: years,
      medianWeeksToFirstJob: histogramMedian(hist.subarray(g * (weeks + 1), (g + 1) * (weeks + 1)), size, weeks),
      rejectionsPerPerson: ratio(rejections[g], size),
      servicesPerPerson: ratio(started, size),
      longTermServiceShare: ratio(longStarted[g], started),
      mismatchedServiceShare: ratio(mismatched[g], started),
      overqualifiedShare: ratio(overqualifiedInWork[g], employedNow),
      weeksSearchingInfoPerPerson: ratio(infoWeeks[g], size),
      servicesFoundByChanceShare: ratio(byChance[g], started),
      participationRate,
      costPerPerson: ratio(cost[g], size),
      advisorCostPerPerson: ratio(advisorCost[g], size),
      serviceCostPerPerson: ratio(serviceCost[g], size),
      rejectedApplicationShare: ratio(rejections[g], applications[g]),
      attendanceRate: ratio(meetingsAttended[g], meetingsScheduled[g]),
      employedWeeksShare,
      activityEmploymentGap: participationRate - employedWeeksShare,
      insecureJobShare: ratio(insecureInWork[g], employedNow),
      referralsPerPerson: ratio(referrals[g], size),
      healthBenefitShare: ratio(atEnd(HEALTH_BENEFIT), size),
      educationShare: ratio(atEnd(IN_EDUCATION), size),
      movedAwayShare: ratio(atEnd(MOVED_AWAY), size),
    };
    out[rec.groupNames[g]] = summary;
  }
  return out;
}
