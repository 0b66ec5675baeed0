/**
 * Journey events as data (sim/events.ts) and their sentences (sim/journey-text.ts):
 * a hand-built event log covering every kind, its records field by field, and
 * its exact sentences in English and bokmål; the events table's columns; and
 * a scan that no code reads a sentence back.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as C from '../../sim/constants.ts';
import type { RunResult } from '../../sim/ensemble.ts';
import { EVENT_FIELDS, EVENT_KINDS, eventRecord, EventLog, journey, type JourneyEvent } from '../../sim/events.ts';
import { eventLine, eventText, LANGS, SENTENCES } from '../../sim/journey-text.ts';
import { EVENT_COLUMNS, runTables, tableCsv } from '../../sim/tables.ts';
import { buildScenario, group, service } from '../helpers.ts';

const { ENT_SOCIAL_ASSISTANCE: SOCIAL, ENT_UNEMPLOYMENT_BENEFIT: UB, ENT_WORK_ASSESSMENT_ALLOWANCE: AAP } = C;

// three services: two with labels, one without (its sentences name its id)
const labelled = service({ id: 'language', label: 'a language course', type: 'languageCourse', term: 'short' });
const guidance = service({ id: 'guidance', label: 'career guidance', type: 'careerGuidance', term: 'long' });
const { label: _none, ...bare } = service({ id: 'bare', type: 'jobSearchCourse', term: 'short' });
const s = buildScenario({ groups: [group({ name: 'refugees', route: 'refugee' })], services: [labelled, guidance, bare as typeof labelled], personas: 1 });
const LANG = 0, GUIDE = 1, BARE = 2;

/** [week (0-based, as logged), kind code, a, b], the record, the English line, the bokmål line. */
const CASES: [number[], JourneyEvent, string, string][] = [
  [[0, C.EV_REGISTERED, UB | SOCIAL, 0], { week: 1, kind: 'registered', rights: ['unemploymentBenefit', 'socialAssistance'] },
    'week 1: registered as a jobseeker, with a right to unemployment benefit, social assistance',
    'uke 1: registrerte seg som arbeidssøker, med rett til dagpenger, økonomisk sosialhjelp'],
  [[0, C.EV_REGISTERED, 0, 0], { week: 1, kind: 'registered', rights: [] },
    'week 1: registered as a jobseeker, with no economic rights, only the right to information and a needs assessment',
    'uke 1: registrerte seg som arbeidssøker, uten økonomiske rettigheter, bare med rett til informasjon og behovsvurdering'],
  [[1, C.EV_FOUND_INFO, LANG, C.CH_ADVISOR], { week: 2, kind: 'foundInformation', service: 'language', serviceIndex: LANG, channel: 'advisor' },
    'week 2: learnt about a language course through the advisor', 'uke 2: fikk vite om a language course fra veilederen'],
  [[1, C.EV_FOUND_INFO, LANG, C.CH_WEBSITE], { week: 2, kind: 'foundInformation', service: 'language', serviceIndex: LANG, channel: 'website' },
    'week 2: learnt about a language course through the website', 'uke 2: fikk vite om a language course på nettsiden'],
  [[1, C.EV_FOUND_INFO, GUIDE, C.CH_PEERS], { week: 2, kind: 'foundInformation', service: 'guidance', serviceIndex: GUIDE, channel: 'peers' },
    'week 2: learnt about career guidance through a friend', 'uke 2: fikk vite om career guidance gjennom en venn'],
  [[1, C.EV_FOUND_INFO, GUIDE, C.CH_NGO], { week: 2, kind: 'foundInformation', service: 'guidance', serviceIndex: GUIDE, channel: 'NGO' },
    'week 2: learnt about career guidance through an NGO', 'uke 2: fikk vite om career guidance gjennom en frivillig organisasjon'],
  [[1, C.EV_FOUND_INFO, BARE, C.CH_CHANCE], { week: 2, kind: 'foundInformation', service: 'bare', serviceIndex: BARE, channel: 'chance' },
    'week 2: learnt about bare through chance', 'uke 2: fikk vite om bare ved en tilfeldighet'],
  [[2, C.EV_SEARCHED_IN_VAIN, 0, 0], { week: 3, kind: 'searchedInVain' },
    'week 3: spent the week searching for information, found nothing that fits',
    'uke 3: brukte uka på å lete etter informasjon, fant ikke noe som passet'],
  [[3, C.EV_GOT_ADVISOR, 2, 0], { week: 4, kind: 'gotAdvisor', advisor: 3 },
    'week 4: got a contact person (advisor 3)', 'uke 4: fikk en kontaktperson (veileder 3)'],
  [[4, C.EV_ADVISOR_CHANGED, 0, 0], { week: 5, kind: 'advisorChanged', advisor: 1 },
    'week 5: contact person changed to advisor 1; trust fell', 'uke 5: kontaktpersonen ble byttet til veileder 1; tilliten sank'],
  [[5, C.EV_MET_ADVISOR, 1, 0], { week: 6, kind: 'metAdvisor', explored: true },
    'week 6: met the advisor, who asked what they want and are good at',
    'uke 6: møtte veilederen, som spurte hva personen selv ønsker og er god til'],
  [[5, C.EV_MET_ADVISOR, 0, 0], { week: 6, kind: 'metAdvisor', explored: false },
    'week 6: met the advisor for a short, standard meeting', 'uke 6: møtte veilederen til en kort standardsamtale'],
  [[6, C.EV_NO_SHOW, 0, 0], { week: 7, kind: 'noShow' }, 'week 7: did not show up for a meeting', 'uke 7: møtte ikke opp til et møte'],
  [[6, C.EV_FOLLOW_UP, 0, 0], { week: 7, kind: 'followUp' },
    'week 7: the advisor followed up the missed meeting, and they met after all',
    'uke 7: veilederen fulgte opp møtet som ikke ble noe av, og de møttes likevel'],
  [[6, C.EV_DISCLOSED, 0, 0], { week: 7, kind: 'disclosedBarrier' },
    'week 7: trusted the advisor enough to tell about a hidden problem', 'uke 7: stolte nok på veilederen til å fortelle om et skjult problem'],
  [[7, C.EV_OFFERED, GUIDE, 2], { week: 8, kind: 'offered', service: 'guidance', serviceIndex: GUIDE, level: 'advanced' },
    'week 8: was offered career guidance at advanced level', 'uke 8: fikk tilbud om career guidance på høyt nivå'],
  [[8, C.EV_APPLIED, LANG, 0], { week: 9, kind: 'applied', service: 'language', serviceIndex: LANG, level: 'basic' },
    'week 9: applied for a language course at basic level, accepted', 'uke 9: søkte om a language course på grunnleggende nivå, fikk ja'],
  [[8, C.EV_APPLIED, GUIDE, 1], { week: 9, kind: 'applied', service: 'guidance', serviceIndex: GUIDE, level: 'intermediate' },
    'week 9: applied for career guidance at intermediate level, accepted', 'uke 9: søkte om career guidance på middels nivå, fikk ja'],
  [[9, C.EV_REJECTED, GUIDE, C.REASON_NOT_ENTITLED], { week: 10, kind: 'rejected', service: 'guidance', serviceIndex: GUIDE, reason: 'notEntitled', route: 'refugee' },
    'week 10: applied for career guidance, rejected: not entitled as a refugee',
    'uke 10: søkte om career guidance, fikk avslag: ikke rett til det som flyktning'],
  [[9, C.EV_REJECTED, GUIDE, C.REASON_NO_CAPACITY], { week: 10, kind: 'rejected', service: 'guidance', serviceIndex: GUIDE, reason: 'noCapacity', route: 'refugee' },
    'week 10: applied for career guidance, rejected: no places left this month',
    'uke 10: søkte om career guidance, fikk avslag: ingen ledige plasser denne måneden'],
  [[9, C.EV_REJECTED, GUIDE, C.REASON_NOT_PRIORITY], { week: 10, kind: 'rejected', service: 'guidance', serviceIndex: GUIDE, reason: 'notPriorityGroup', route: 'refugee' },
    'week 10: applied for career guidance, rejected: not a priority group (no economic rights), and the places went to those with rights',
    'uke 10: søkte om career guidance, fikk avslag: ikke en prioritert gruppe (ingen økonomiske rettigheter), og plassene gikk til dem med rettigheter'],
  [[9, C.EV_REJECTED, GUIDE, C.REASON_ALREADY_HOLDS], { week: 10, kind: 'rejected', service: 'guidance', serviceIndex: GUIDE, reason: 'alreadyHoldsEducation', route: 'refugee' },
    'week 10: applied for career guidance, rejected: already holds this education on paper (from abroad, not recognised)',
    'uke 10: søkte om career guidance, fikk avslag: har allerede denne utdanningen på papiret (fra utlandet, ikke godkjent)'],
  [[9, C.EV_REJECTED, GUIDE, C.REASON_LEVEL], { week: 10, kind: 'rejected', service: 'guidance', serviceIndex: GUIDE, reason: 'level', route: 'refugee' },
    'week 10: applied for career guidance, rejected: the office judged the level too high for the person’s category',
    'uke 10: søkte om career guidance, fikk avslag: kontoret vurderte nivået som for høyt for personens kategori'],
  [[9, C.EV_REJECTED, GUIDE, C.REASON_NO_BUDGET], { week: 10, kind: 'rejected', service: 'guidance', serviceIndex: GUIDE, reason: 'noBudget', route: 'refugee' },
    'week 10: applied for career guidance, rejected: the office’s budget for this month is spent',
    'uke 10: søkte om career guidance, fikk avslag: kontorets budsjett for denne måneden er brukt opp'],
  [[10, C.EV_STARTED, LANG, 1], { week: 11, kind: 'started', service: 'language', serviceIndex: LANG, fit: true },
    'week 11: started a language course', 'uke 11: startet på a language course'],
  [[10, C.EV_STARTED, GUIDE, 0], { week: 11, kind: 'started', service: 'guidance', serviceIndex: GUIDE, fit: false },
    'week 11: started career guidance, at a level that does not fit', 'uke 11: startet på career guidance, på et nivå som ikke passer'],
  [[11, C.EV_COMPLETED, LANG, C.Q_NONE], { week: 12, kind: 'completed', service: 'language', serviceIndex: LANG, qualification: 'none' },
    'week 12: completed a language course', 'uke 12: fullførte a language course'],
  [[11, C.EV_COMPLETED, LANG, C.Q_CERTIFICATE], { week: 12, kind: 'completed', service: 'language', serviceIndex: LANG, qualification: 'certificate' },
    'week 12: completed a language course and got a certificate', 'uke 12: fullførte a language course og fikk et kursbevis'],
  [[11, C.EV_COMPLETED, GUIDE, C.Q_FORMAL], { week: 12, kind: 'completed', service: 'guidance', serviceIndex: GUIDE, qualification: 'formal' },
    'week 12: completed career guidance and got a formal qualification', 'uke 12: fullførte career guidance og fikk en formell kvalifikasjon'],
  [[11, C.EV_COMPLETED, GUIDE, C.Q_RECOGNITION], { week: 12, kind: 'completed', service: 'guidance', serviceIndex: GUIDE, qualification: 'recognition' },
    'week 12: completed career guidance and got their qualification recognised', 'uke 12: fullførte career guidance og fikk kvalifikasjonene sine godkjent'],
  [[12, C.EV_DROPPED_OUT, GUIDE, 0], { week: 13, kind: 'droppedOut', service: 'guidance', serviceIndex: GUIDE },
    'week 13: dropped out of career guidance', 'uke 13: avbrøt career guidance'],
  [[13, C.EV_HIRED, 1, 0], { week: 14, kind: 'hired', level: 'intermediate', overqualified: false },
    'week 14: got a job at intermediate level', 'uke 14: fikk jobb på middels nivå'],
  [[13, C.EV_HIRED, 0, 1], { week: 14, kind: 'hired', level: 'basic', overqualified: true },
    'week 14: got a job at basic level, below their qualifications', 'uke 14: fikk jobb på grunnleggende nivå, under kvalifikasjonene sine'],
  [[14, C.EV_LOST_JOB, 0, 0], { week: 15, kind: 'lostJob' }, 'week 15: lost the job', 'uke 15: mistet jobben'],
  [[14, C.EV_DISCOURAGED, 0, 0], { week: 15, kind: 'discouraged' }, 'week 15: gave up searching for a while', 'uke 15: ga opp å søke en stund'],
  [[14, C.EV_RESUMED, 0, 0], { week: 15, kind: 'resumed' }, 'week 15: started searching again', 'uke 15: begynte å søke igjen'],
  // the sentence that leaked the internal name ("earned a right to unemploymentBenefit") before the texts were made from data
  [[15, C.EV_ENTITLED, UB, 0], { week: 16, kind: 'entitled', entitlement: 'unemploymentBenefit' },
    'week 16: earned a right to unemployment benefit', 'uke 16: fikk rett til dagpenger'],
  [[15, C.EV_ENTITLED, AAP, 0], { week: 16, kind: 'entitled', entitlement: 'workAssessmentAllowance' },
    'week 16: earned a right to work assessment allowance', 'uke 16: fikk rett til arbeidsavklaringspenger'],
  [[16, C.EV_REFERRED, 2, 0], { week: 17, kind: 'referred', level: 'advanced', overqualified: false },
    'week 17: the advisor referred them to a vacancy at advanced level', 'uke 17: veilederen henviste personen til en ledig stilling på høyt nivå'],
  [[16, C.EV_REFERRED, 0, 1], { week: 17, kind: 'referred', level: 'basic', overqualified: true },
    'week 17: the advisor referred them to a vacancy at basic level, below their qualifications',
    'uke 17: veilederen henviste personen til en ledig stilling på grunnleggende nivå, under kvalifikasjonene sine'],
  [[17, C.EV_LEFT, C.HEALTH_BENEFIT, 0], { week: 18, kind: 'left', state: 'healthBenefit' },
    'week 18: left the register for a health-related benefit', 'uke 18: forlot registeret for en helserelatert ytelse'],
  [[17, C.EV_LEFT, C.IN_EDUCATION, 0], { week: 18, kind: 'left', state: 'education' },
    'week 18: left the register to go back to education', 'uke 18: forlot registeret for å gå tilbake til utdanning'],
  [[17, C.EV_LEFT, C.MOVED_AWAY, 0], { week: 18, kind: 'left', state: 'movedAway' }, 'week 18: moved away', 'uke 18: flyttet fra området'],
];

const log = new EventLog(1);
for (const [[week, kind, a, b]] of CASES) log.add(0, week, kind, a, b);
const events = journey(log, s, 0);

describe('journey events as data', () => {
  it('EVENT_KINDS names every EV_* code, in code order', () => {
    const codes = Object.entries(C).filter(([k]) => k.startsWith('EV_')).map(([, v]) => v as number).sort((x, y) => x - y);
    expect(codes).toEqual(EVENT_KINDS.map((_, i) => i));
    // each code's record is of the kind of that name
    for (const [[week, kind, a, b], want] of CASES) expect(eventRecord(s, 'refugee', week, kind, a, b).kind).toBe(want.kind);
  });

  it('the hand-built log covers every kind', () => {
    expect(new Set(events.map((e) => e.kind))).toEqual(new Set(EVENT_KINDS));
  });

  it('each record has its week (1-based), its kind and exactly the fields of its kind', () => {
    expect(events).toEqual(CASES.map(([, want]) => want));
    for (const e of events) for (const k of Object.keys(e)) expect(['week', 'kind', ...EVENT_FIELDS], `${e.kind}.${k}`).toContain(k);
  });

  it('unknown codes are errors, not silent text', () => {
    expect(() => eventRecord(s, 'refugee', 0, EVENT_KINDS.length, 0, 0)).toThrow(/unknown event kind/);
    expect(() => eventRecord(s, 'refugee', 0, C.EV_STARTED, 9, 0)).toThrow(/unknown service/);
    expect(() => eventRecord(s, 'refugee', 0, C.EV_REJECTED, 0, 0)).toThrow(/unknown reason/);
    expect(() => eventRecord(s, 'refugee', 0, C.EV_LEFT, C.EMPLOYED, 0)).toThrow(/not outside the labour force/);
  });

  it('records are plain data: they survive JSON and structured cloning unchanged', () => {
    expect(JSON.parse(JSON.stringify(events))).toEqual(events);
    expect(structuredClone(events)).toEqual(events);
  });
});

describe('journey sentences', () => {
  it('every kind has a sentence in every language', () => {
    for (const lang of LANGS) for (const k of EVENT_KINDS) expect(typeof SENTENCES[lang][k], `${lang} ${k}`).toBe('function');
    expect(Object.keys(SENTENCES.nb).sort()).toEqual([...EVENT_KINDS].sort());
  });

  it('English: exactly the sentences the CLI and the page have always shown', () => {
    expect(events.map((e) => eventLine(e, s, 'en'))).toEqual(CASES.map(([, , en]) => en));
  });

  it('bokmål: every kind in bokmål around the service labels', () => {
    expect(events.map((e) => eventLine(e, s, 'nb'))).toEqual(CASES.map(([, , , nb]) => nb));
  });

  it('no internal names in any sentence; eventText is the line without its week', () => {
    for (const lang of LANGS) {
      for (const e of events) {
        const t = eventText(e, s, lang);
        expect(t, t).not.toMatch(/\b[a-z]+[A-Z][A-Za-z]*\b/); // camelCase: unemploymentBenefit, notEntitled, ...
        expect(eventLine(e, s, lang)).toBe(`${lang === 'nb' ? 'uke' : 'week'} ${e.week}: ${t}`);
      }
    }
  });

  it('names a service by its label; by id when the index does not agree (a reordered scenario)', () => {
    const moved = { services: [s.services[GUIDE], s.services[LANG]] };
    expect(eventText(events.find((e) => e.kind === 'droppedOut')!, moved, 'en')).toBe('dropped out of career guidance');
  });
});

describe('the events table', () => {
  const run = { policy: 'p', replicate: 3, journeys: [{ name: 'Ali, "A"', events }] } as unknown as RunResult;
  const table = runTables([run], s).find((t) => t.name === 'events')!;
  const rows = [...table.rows];

  it('keeps the English text column and adds the data fields as columns', () => {
    expect(table.columns).toEqual([...EVENT_COLUMNS]);
    expect(EVENT_COLUMNS).toEqual(['policy', 'replicate', 'persona', 'week', 'kind', 'text',
      'service', 'serviceIndex', 'level', 'reason', 'route', 'fit', 'channel', 'rights', 'entitlement', 'advisor', 'explored',
      'qualification', 'overqualified', 'state']);
    expect(rows).toHaveLength(events.length);
    expect(rows.map((r) => r[5])).toEqual(CASES.map(([, , en]) => en));
    const col = (name: string) => EVENT_COLUMNS.indexOf(name as never);
    const row = (kind: string, n = 0) => rows.filter((r) => r[col('kind')] === kind)[n];
    expect(row('registered').slice(0, 5)).toEqual(['p', 3, 'Ali, "A"', 1, 'registered']);
    expect(row('registered')[col('rights')]).toBe('unemploymentBenefit;socialAssistance');
    expect(row('registered', 1)[col('rights')]).toBe('none');
    expect(row('started', 1).slice(col('service'))).toEqual(['guidance', GUIDE, '', '', '', 'false', '', '', '', '', '', '', '', '']);
    expect(row('rejected')[col('reason')]).toBe('notEntitled');
    expect(row('rejected')[col('route')]).toBe('refugee');
    expect(row('hired', 1)[col('overqualified')]).toBe('true');
    expect(row('left', 2)[col('state')]).toBe('movedAway');
    expect(row('lostJob').slice(col('service')).every((c) => c === '')).toBe(true);
  });

  it('writes as CSV with every row as wide as the header', () => {
    const lines = tableCsv({ ...table, rows }).trimEnd().split('\n');
    expect(lines[0]).toBe(EVENT_COLUMNS.join(','));
    expect(lines[1]).toBe('p,3,"Ali, ""A""",1,registered,"week 1: registered as a jobseeker, with a right to unemployment benefit, social assistance",,,,,,,,unemploymentBenefit;socialAssistance,,,,,,');
  });
});

describe('no code reads a sentence back', () => {
  const ROOT = join(import.meta.dirname, '..', '..');
  const files = (dir: string): string[] => readdirSync(join(ROOT, dir)).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(join(ROOT, p)).isDirectory()) return f === 'node_modules' ? [] : files(p);
    return /\.(ts|html|js)$/.test(f) ? [p] : [];
  });
  // string methods or regexes over an event's text or sentence, a "week N:" prefix taken apart, or a sentence searched for a phrase
  const READS = [
    /\.(text|sentence)\s*\.\s*(includes|startsWith|endsWith|match|matchAll|replace|replaceAll|indexOf|search|split|slice|substring)\s*\(/,
    /\^(week|uke)\b/, /(week|uke) \\d/, /\.(test|exec)\(\s*\w*\.(text|sentence)\b/,
    /(includes|startsWith)\(\s*['"`](does not fit|rejected|registered as|below their)/,
  ];

  it('sim/, viz/ and notebooks/ make sentences but never parse them', () => {
    const hits: string[] = [];
    const all = ['sim', 'viz', 'notebooks'].flatMap(files);
    expect(all).toContain(join('notebooks', 'lib', 'journeys.ts'));
    expect(all).toContain(join('notebooks', 'persona-journeys.html'));
    expect(all).toContain(join('viz', 'journey-view.ts'));
    for (const f of all) {
      readFileSync(join(ROOT, f), 'utf8').split('\n').forEach((line, k) => {
        if (READS.some((r) => r.test(line))) hits.push(`${f}:${k + 1}: ${line.trim()}`);
      });
    }
    expect(hits).toEqual([]);
  });

  it('the scan finds what it looks for', () => {
    for (const line of [
      "events.filter((e) => e.sentence.includes('does not fit'))", "e.text.replace(/^week \\d+: /, '')",
      "ev.text.startsWith('week')", "/^registered/.test(e.text)",
    ]) expect(READS.some((r) => r.test(line)), line).toBe(true);
  });
});
