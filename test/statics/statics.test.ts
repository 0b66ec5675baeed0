import { describe, expect, it } from 'vitest';
import { copy, loadCore, paired, pairedMany, show, withFields, type Summary } from './harness.ts';

// Comparative statics: each changes one thing, runs the same people with the
// same luck (common random numbers) before and after, and checks the
// direction of the paired difference with its 95 % interval. The source of
// each expectation is named in the test's title.
const core = await loadCore();
const MO = core.SHIPPED['mixed-office'] as Record<string, unknown>;
const VY = core.SHIPPED['vulnerable-youth'] as Record<string, unknown>;
const defaults = core.parseScenario(MO);
const all = (k: string) => (s: Record<string, Summary>) => s.all[k] as number;
const PRESETS = ['standardised', 'personalised'];

describe('advisor time (Hainmueller et al. 2016; Böheim, Eppel & Mahringer 2023; Schiprowski 2020)', () => {
  for (const p of PRESETS) {
    const more = withFields(MO, 'office', { advisorsPer1000: defaults.office.advisorsPer1000 * 2 });
    let effects: ReturnType<typeof pairedMany<'work' | 'wait'>> | undefined; // the same runs serve both tests
    const twice = () => (effects ??= pairedMany(core, MO, p, more, p, { work: all('employedWeeksShare'), wait: all('medianWeeksToFirstJob') }));
    it(`twice the advisors per 1000 raise employment under ${p}`, () => {
      const e = twice().work;
      expect(e.ci95[0], show(e)).toBeGreaterThan(0);
    });
    it(`twice the advisors per 1000 shorten the time to a first job under ${p}`, () => {
      const e = twice().wait;
      expect(e.ci95[1], show(e)).toBeLessThan(0);
    });
    it(`more meeting hours raise employment under ${p}, with diminishing returns`, () => {
      const h = defaults.office.hoursPerWeek;
      const step = h / 2;
      const first = paired(core, withFields(MO, 'office', { hoursPerWeek: h - step }), p, MO, p, all('employedWeeksShare'));
      const second = paired(core, MO, p, withFields(MO, 'office', { hoursPerWeek: h + step }), p, all('employedWeeksShare'));
      expect(first.ci95[0], `${h - step} to ${h} hours: ${show(first)}`).toBeGreaterThan(0);
      expect(second.ci95[0], `${h} to ${h + step} hours: ${show(second)}`).toBeGreaterThan(0);
      expect(second.mean, `the same extra hours gain less the second time: ${show(first)} then ${show(second)}`).toBeLessThan(first.mean);
    });
  }
  it('an office without advisors does worse than one with them (zero advisors means none)', () => {
    const e = paired(core, withFields(MO, 'office', { advisorsPer1000: 0 }), 'standardised', MO, 'standardised', all('employedWeeksShare'));
    expect(e.ci95[0], show(e)).toBeGreaterThan(0);
  });
});

describe('labour demand binds (matching: Petrongolo & Pissarides 2001)', () => {
  const v = defaults.labourMarket.vacanciesPer1000;
  it('more vacancies mean more work', () => {
    const e = paired(core, MO, 'standardised', withFields(MO, 'labourMarket', { vacanciesPer1000: v.map((x) => x * 1.5) }), 'standardised', all('employedWeeksShare'));
    expect(e.ci95[0], show(e)).toBeGreaterThan(0);
  });
  it('fewer vacancies mean less work', () => {
    const e = paired(core, MO, 'standardised', withFields(MO, 'labourMarket', { vacanciesPer1000: v.map((x) => x * 0.67) }), 'standardised', all('employedWeeksShare'));
    expect(e.ci95[1], show(e)).toBeLessThan(0);
  });
  it('helping some groups crowds out others when vacancies are scarce (Crépon et al. 2013): the net gain is below the gross gain', () => {
    const helped = copy(MO) as { groups: { name: string; facesDiscrimination?: boolean }[] };
    for (const g of helped.groups) if (g.name !== 'refugee') g.facesDiscrimination = false;
    const scarce = withFields(MO, 'labourMarket', { vacanciesPer1000: v.map((x) => x * 0.5) });
    const scarceHelped = withFields(helped, 'labourMarket', { vacanciesPer1000: v.map((x) => x * 0.5) });
    const others = (s: Record<string, Summary>) => ['native-rights', 'native-no-rights', 'youth', 'refugee']
      .reduce((t, g) => t + (s[g].employedWeeksShare as number), 0);
    const e = paired(core, scarce, 'standardised', scarceHelped, 'standardised', others, { reps: 16 });
    expect(e.ci95[1], `employment of the others when employers stop discriminating against three immigrant groups: ${show(e)}`).toBeLessThan(0);
  });
});

describe('the labour market is partly closed (F9)', () => {
  it('more discrimination widens the gap between natives and immigrants', () => {
    const gap = (s: Record<string, Summary>) => (s['native-no-rights'].employedWeeksShare as number) - (s['family-reunified'].employedWeeksShare as number);
    const e = paired(core, MO, 'standardised', withFields(MO, 'labourMarket', { discrimination: Math.min(1, defaults.labourMarket.discrimination + 0.3) }), 'standardised', gap);
    expect(e.ci95[0], show(e)).toBeGreaterThan(0);
  });
  it('more recognition of foreign qualifications means less overqualification', () => {
    const e = paired(core, MO, 'standardised', withFields(MO, 'labourMarket', { recognitionPenalty: defaults.labourMarket.recognitionPenalty / 3 }), 'standardised', all('overqualifiedShare'));
    expect(e.ci95[1], show(e)).toBeLessThan(0);
  });
});

describe('entitlements and information (F1, F2)', () => {
  const open = copy(MO) as { services?: unknown[] };
  open.services = defaults.services.map((x) => (x.id === 'careerGuidance' ? { ...x, entry: [...x.entry, 'labourImmigrant', 'euEea'] } : { ...x }));
  for (const p of PRESETS) {
    it(`career guidance opened to labour and EU immigrants gives them more long services under ${p}`, () => {
      const long = (s: Record<string, Summary>) => ['labour-immigrant', 'eu-citizen']
        .reduce((t, g) => t + (s[g].longTermServiceShare as number) * (s[g].servicesPerPerson as number), 0);
      const e = paired(core, MO, p, open as Record<string, unknown>, p, long);
      expect(e.ci95[0], show(e)).toBeGreaterThan(0);
    });
  }
  it('proactive information means fewer services found by chance', () => {
    const pro = copy(MO) as Record<string, unknown>;
    pro.policies = { pro: { base: 'standardised', proactiveInformation: 0.8 } };
    const e = paired(core, pro, 'standardised', pro, 'pro', all('servicesFoundByChanceShare'));
    expect(e.ci95[1], show(e)).toBeLessThan(0);
  });
  it('personalised is below standardised on services found by chance (F2)', () => {
    const e = paired(core, MO, 'standardised', MO, 'personalised', all('servicesFoundByChanceShare'));
    expect(e.ci95[1], show(e)).toBeLessThan(0);
  });
});

describe('relationships, peers and recognition (F11, F13, F14)', () => {
  it('continuity raises attendance', () => {
    const c = copy(MO) as Record<string, unknown>;
    c.policies = { steady: { base: 'standardised', advisorTurnover: 0 } };
    const e = paired(core, c, 'standardised', c, 'steady', all('attendanceRate'));
    expect(e.ci95[0], show(e)).toBeGreaterThan(0);
  });
  const youth = (k: string) => (s: Record<string, Summary>) => s.youth[k] as number;
  /** Attendance and employment at year 5 of the youth group, with the mechanism (as shipped) minus without it. */
  const youthEffect = (off: Record<string, unknown>, policy: string) => {
    const e = pairedMany(core, withFields(VY, 'behaviour', off), policy, VY, policy,
      { att: youth('attendanceRate'), emp: youth('employedShare') }, { reps: 12, agents: 2000 });
    expect(e.att.ci95[0], `attendance: ${show(e.att)}`).toBeGreaterThan(0);
    return e.emp;
  };
  it('peer work groups raise attendance and, through it, employment at year 5 by at least 1 pp (vulnerable-youth, rotating advisors)', () => {
    const emp = youthEffect({ peerSupport: 0, attendancePressure: 0 }, 'rotating-advisors');
    expect(emp.mean, `employment: ${show(emp)}`).toBeGreaterThanOrEqual(0.01);
    expect(emp.ci95[0], `employment: ${show(emp)}`).toBeGreaterThan(0);
  });
  it('recognition raises attendance and employment at year 5 by at least 1 pp (vulnerable-youth, same advisor)', () => {
    const emp = youthEffect({ recognition: 0 }, 'same-advisor');
    expect(emp.mean, `employment: ${show(emp)}`).toBeGreaterThanOrEqual(0.01);
    expect(emp.ci95[0], `employment: ${show(emp)}`).toBeGreaterThan(0);
  });
  it('without meeting time, advisor turnover changes nothing', () => {
    const none = withFields(MO, 'office', { hoursPerWeek: 0 }) as Record<string, unknown>;
    none.policies = { still: { base: 'standardised', advisorTurnover: 0 }, moving: { base: 'standardised', advisorTurnover: 0.5 } };
    const a = core.runReplicate(core.parseScenario(none), 'still', 0, { agents: 800, weeks: 104 }).summary.all;
    const b = core.runReplicate(core.parseScenario(none), 'moving', 0, { agents: 800, weeks: 104 }).summary.all;
    expect(b).toEqual(a);
  });
});

describe('the same budget (docs/MODEL.md § 7.3.4)', () => {
  it('a binding budget means fewer service starts', () => {
    const tight = withFields(MO, 'office', { budgetPerWeekPer1000: 150000 });
    const e = paired(core, MO, 'standardised', tight, 'standardised', all('servicesPerPerson'));
    expect(e.ci95[1], show(e)).toBeLessThan(0);
  });
  it('a budget larger than anything spent changes nothing', () => {
    const ample = withFields(MO, 'office', { budgetPerWeekPer1000: 9_000_000 });
    const a = core.runReplicate(core.parseScenario(MO), 'personalised', 0, { agents: 600, weeks: 104 }).summary;
    const b = core.runReplicate(core.parseScenario(ample), 'personalised', 0, { agents: 600, weeks: 104 }).summary;
    expect(b).toEqual(a);
  });
});
