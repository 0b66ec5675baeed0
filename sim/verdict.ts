/**
 * The verdict on a hypothesis from paired differences (VERDICT_RULE), and the
 * words that explain it. It knows nothing of how a hypothesis is run
 * (sim/hypothesis.ts, which imports this file, not the other way round).
 */
import { fixed } from './format.ts';
import { pairedTest, replicationsFor80Power, type PairedTest } from './tdist.ts';
import type { EXPECT_VALUES } from './schema/hypothesis.ts';
import type { Lang } from './journey-text.ts';

/** The direction a hypothesis expects side B to move the metric, compared with side A. */
export type Expectation = (typeof EXPECT_VALUES)[number];
export type Verdict = 'supported' | 'contradicted' | 'inconclusive';

/** What the words of a verdict are made from: the fields of a HypothesisResult (sim/hypothesis.ts) that they read. */
export interface VerdictFacts {
  scenario: string;
  metric: string;
  expect: Expectation;
  smallestEffect: number;
  settings: { replications: number; agents: number; weeks: number };
  /** Each side's group and label. */
  A: { group: string; label: string };
  B: { group: string; label: string };
  /** Of d = B − A. */
  effect: { mean: number; ci95: [number, number]; sd: number };
  test: { t: number; df: number; p: number };
  /** Of e, the effect in the expected direction. */
  expectedEffect: { mean: number; ci95: [number, number] };
  verdict: Verdict;
  replicationsNeeded?: number;
  replicationsToSettle?: number;
}

export const VERDICT_RULE =
  'Let e be the per-replicate difference B − A turned towards the expected direction (B − A for increase, A − B for decrease) and δ the smallest effect. ' +
  'SUPPORTED when the 95% interval of e lies entirely at or above δ (the effect is there and at least as large as what matters); ' +
  'CONTRADICTED when the interval of e lies entirely below δ (any effect in the expected direction is smaller than what matters, or it goes the other way); ' +
  'INCONCLUSIVE when the interval holds δ. The rule is symmetric: more noise never makes either verdict more likely.';

/** VERDICT_RULE in Norwegian bokmål (the notebooks' bokmål pages). */
export const VERDICT_RULE_NB =
  'La e være forskjellen B − A i hver replikasjon, snudd mot forventet retning (B − A ved økning, A − B ved nedgang), og δ den minste effekten. ' +
  'STØTTET når 95 %-intervallet for e ligger helt på eller over δ (effekten finnes og er minst så stor som det som betyr noe); ' +
  'MOTSAGT når intervallet for e ligger helt under δ (en eventuell effekt i forventet retning er mindre enn det som betyr noe, eller den går motsatt vei); ' +
  'UAVKLART når intervallet rommer δ. Regelen er symmetrisk: mer støy gjør aldri noen av dommene mer sannsynlig.';

/** The verdicts as words, in each language (in English the verdict itself). */
export const VERDICT_WORDS: Readonly<Record<Lang, Readonly<Record<Verdict, string>>>> = {
  en: { supported: 'supported', contradicted: 'contradicted', inconclusive: 'inconclusive' },
  nb: { supported: 'støttet', contradicted: 'motsagt', inconclusive: 'uavklart' },
};

/** The paired test plus the verdict. */
export interface Judgement {
  /** Of d = B − A. */
  test: PairedTest;
  /** Mean and interval of e, the effect in the expected direction (d for increase, −d for decrease). */
  expected: { mean: number; ci95: [number, number] };
  verdict: Verdict;
  /** Only for an inconclusive verdict: replications for 80% power to detect δ (see replicationsFor80Power). */
  replicationsNeeded?: number;
  /**
   * Only for an inconclusive verdict: replications that would settle it with
   * 80% probability if the true effect were the observed mean m (of e): the
   * interval must rise above δ when m > δ (supported) or drop below δ when
   * m < δ (contradicted), so it is replicationsFor80Power(sd, |m − δ|); NaN
   * when m is exactly δ. Unlike replicationsNeeded it also covers an effect
   * that is clearly there but close to δ.
   */
  replicationsToSettle?: number;
}

/** Judge per-replicate differences d = B − A against the expectation and the smallest effect (VERDICT_RULE). */
export function judge(d: ArrayLike<number>, expect: Expectation, smallestEffect: number): Judgement {
  const test = pairedTest(d);
  const sign = expect === 'increase' ? 1 : -1;
  const ends = [sign * test.ci95[0], sign * test.ci95[1]];
  const expected = { mean: sign * test.mean, ci95: [Math.min(...ends), Math.max(...ends)] as [number, number] };
  const verdict: Verdict = expected.ci95[0] >= smallestEffect ? 'supported'
    : expected.ci95[1] < smallestEffect ? 'contradicted' : 'inconclusive';
  const out: Judgement = { test, expected, verdict };
  if (verdict === 'inconclusive') {
    out.replicationsNeeded = replicationsFor80Power(test.sd, smallestEffect);
    // the interval must clear δ on the side of the observed mean: a distance |m − δ| (never, if m is δ)
    const gap = Math.abs(expected.mean - smallestEffect);
    out.replicationsToSettle = gap > 0 ? replicationsFor80Power(test.sd, gap) : Number.NaN;
  }
  return out;
}


/** Decimals to show for numbers in the metric's units: two more than the smallest effect needs. */
export function decimalsFor(smallestEffect: number): number {
  return Math.min(6, Math.max(1, Math.ceil(-Math.log10(smallestEffect)) + 2));
}

/** A number with `decimals` decimals, without "-0" (`fixed` of sim/format.ts). */
export const fmt = (v: number, decimals: number): string => fixed(v, decimals);

/** A p-value: "< 0.0001" or four decimals. */
export const fmtP = (p: number): string => (p < 0.0001 ? '< 0.0001' : `= ${p.toFixed(4)}`);

/** "all", "youth", or "withBenefitRights (A) and withoutBenefitRights (B)". */
export const groupText = (r: Pick<VerdictFacts, 'A' | 'B'>): string =>
  r.A.group === r.B.group ? r.A.group : `${r.A.group} (A) and ${r.B.group} (B)`;

export function wouldChange(r: VerdictFacts): string {
  const dp = decimalsFor(r.smallestEffect);
  const f = (v: number) => fmt(v, dp);
  const e = r.expectedEffect;
  switch (r.verdict) {
    case 'supported':
      return `It would be inconclusive if the smallest effect that matters were above ${f(e.ci95[0])} (the lower end of the interval in the expected direction, which runs to ${f(e.ci95[1])}).`;
    case 'contradicted':
      return `It would be inconclusive if the smallest effect that matters were ${f(e.ci95[1])} or less (the upper end of the interval in the expected direction).`;
    case 'inconclusive': {
      const settle = e.mean >= r.smallestEffect ? `the interval would rise above ${f(r.smallestEffect)} and the hypothesis would be supported`
        : `the interval would fall below ${f(r.smallestEffect)} and the hypothesis would be contradicted`;
      const parts = [
        `If the true effect is the observed ${f(e.mean)}, about ${r.replicationsToSettle} replications would settle it: ${settle} (run with --replications ${r.replicationsToSettle}).`,
        `About ${r.replicationsNeeded} replications give 80% power to tell an effect of ${f(r.smallestEffect)} from none (sd of the differences ${fmt(r.effect.sd, dp + 1)}).`,
      ];
      if (e.ci95[0] > 0) parts.push(`With a smallest effect of ${f(e.ci95[0])} or less it would be supported; above ${f(e.ci95[1])}, contradicted.`);
      else parts.push(`With a smallest effect above ${f(e.ci95[1])} it would be contradicted.`);
      if (!Number.isFinite(r.replicationsToSettle ?? NaN)) parts[0] = `The observed effect equals the smallest effect that matters, so no number of replications would settle it if that is the true effect.`;
      return parts.join(' ');
    }
  }
}

/** How a text names the sides and groups of a hypothesis (default: the sides' labels and the groups' names as written). */
export interface FactNames {
  label?: (side: 'A' | 'B') => string;
  group?: (name: string) => string;
}

/**
 * The result in one paragraph, with the numbers; in `lang` (English by
 * default, as `pathways hypothesis` writes it), with the sides and groups
 * named as `names` says.
 */
export function explain(r: VerdictFacts, lang: Lang = 'en', names: FactNames = {}): string {
  if (lang === 'nb') return explainNb(r, names);
  const dp = decimalsFor(r.smallestEffect);
  const f = (v: number) => fmt(v, dp);
  const { settings: st, effect, expectedEffect: e, smallestEffect: delta } = r;
  const word = r.expect === 'increase' ? 'an increase' : 'a decrease';
  const diff = effect.mean === 0 ? 'the same' : `${f(Math.abs(effect.mean))} ${effect.mean > 0 ? 'higher' : 'lower'}`;
  const what = r.A.group === r.B.group
    ? `${r.metric} for ${r.A.group === 'all' ? 'everyone' : `the group ${r.A.group}`} was ${diff} under B (${r.B.label}) than under A (${r.A.label})`
    : `${r.metric} was ${diff} for ${r.B.group} under B (${r.B.label}) than for ${r.A.group} under A (${r.A.label})`;
  const pairing = r.A.group !== r.B.group && r.A.label === r.B.label ? 'both groups read from the same runs' : 'the same people and the same luck under both sides';
  const lead = `Over ${st.replications} paired replications of ${r.scenario} (${st.agents} agents, ${st.weeks} weeks; ${pairing}), ` +
    `${what}: B − A = ${f(effect.mean)}, 95% interval ${f(effect.ci95[0])} to ${f(effect.ci95[1])} ` +
    `(paired t = ${fmt(r.test.t, 2)}, df = ${r.test.df}, p ${fmtP(r.test.p)}). The hypothesis expects ${word} of at least ${f(delta)}.`;
  let why: string;
  switch (r.verdict) {
    case 'supported':
      why = `The whole interval, ${f(e.ci95[0])} to ${f(e.ci95[1])} in the expected direction, is at or above the smallest effect that matters, ${f(delta)}, so the hypothesis is SUPPORTED in the model.`;
      break;
    case 'contradicted':
      why = e.ci95[1] <= 0
        ? `The whole interval is on the other side: the effect goes against the expected direction, so the hypothesis is CONTRADICTED in the model.`
        : `The whole interval lies below ${f(delta)} in the expected direction: any effect in that direction is smaller than what matters${e.ci95[0] > 0 ? ' (though it is there)' : ''}, so the hypothesis is CONTRADICTED in the model.`;
      break;
    case 'inconclusive':
      why = (e.ci95[0] > 0
        ? `The effect is in the expected direction, but whether it is as large as what matters is not settled: the interval, ${f(e.ci95[0])} to ${f(e.ci95[1])}, holds ${f(delta)}, so the hypothesis is INCONCLUSIVE.`
        : `The interval includes both zero and effects that matter, so the hypothesis is INCONCLUSIVE.`) +
        ` About ${r.replicationsNeeded} replications give 80% power to tell an effect of ${f(delta)} from none` +
        `${(r.replicationsNeeded ?? 0) <= st.replications ? ', and this run had that many' : ''}; if the true effect is the observed ${f(e.mean)}, about ${r.replicationsToSettle} would settle it.`;
      break;
  }
  return `${lead} ${why} This is a result about the model under the scenario’s assumptions, not a prediction for real people.`;
}

/** Writes a value in the metric's units, with its unit; with a sign ("+", "−") when `signed`. */
export type UnitFormat = (v: number, signed?: boolean) => string;

/**
 * How far a verdict is from changing, in one to three sentences: for a
 * supported or contradicted verdict, the margin by which the interval (in the
 * expected direction) clears its threshold, flagged when it is less than half
 * the interval's width; for an inconclusive one, the replications that would
 * settle it and those that give 80% power. `f` writes values in the metric's
 * units (default: `fmt` with `decimalsFor` the smallest effect, no unit);
 * `reduced`: the run had fewer replications or people than its file asks.
 */
export function verdictMargin(r: VerdictFacts, f: UnitFormat = plainFormat(r), opts: { reduced?: boolean; lang?: Lang } = {}): string {
  if (opts.lang === 'nb') return verdictMarginNb(r, f, opts);
  const e = r.expectedEffect;
  const d = r.smallestEffect;
  const u = (v: number) => f(v, false);
  const half = (e.ci95[1] - e.ci95[0]) / 2;
  const fragile = (margin: number) => (margin < half
    ? ` The margin is less than half the interval's width (${u(half)}), so another seed${opts.reduced ? ' or the file\'s settings' : ''} could well give another verdict.` : '');
  switch (r.verdict) {
    case 'supported': {
      const margin = e.ci95[0] - d;
      return `Supported with a margin of ${u(margin)}: the lower end of the interval is ${u(margin)} above the smallest effect that matters. It would turn inconclusive only if the interval reached down to ${u(d)}.${fragile(margin)}`;
    }
    case 'contradicted':
      return e.ci95[1] <= 0
        ? `Contradicted with a margin of ${u(d - e.ci95[1])}: even the upper end of the interval (${f(e.ci95[1], true)} in the expected direction) is on the wrong side of 0.`
        : `Contradicted with a margin of ${u(d - e.ci95[1])}: the upper end of the interval, ${u(e.ci95[1])}, is below the smallest effect that matters, ${u(d)}.${fragile(d - e.ci95[1])}`;
    case 'inconclusive': {
      const toward = e.mean >= d ? 'supported' : 'contradicted';
      const settle = Number.isFinite(r.replicationsToSettle ?? NaN)
        ? `About ${r.replicationsToSettle} paired replications would settle it (${toward}) if the true effect is the observed ${u(e.mean)}; this run had ${r.settings.replications}.`
        : `The observed effect equals ${u(d)}: if that is the true effect, no number of replications would settle it.`;
      const power = `${r.replicationsNeeded} replications give 80% power to tell an effect of ${u(d)} from none`;
      return e.ci95[0] > 0
        ? `The effect is there (the interval, ${u(e.ci95[0])} to ${u(e.ci95[1])} in the expected direction, excludes 0), but whether it reaches ${u(d)} is not settled. ${settle} (${power}: that is about leaving 0 behind, which this run already does.)`
        : `The interval, ${u(e.ci95[0])} to ${u(e.ci95[1])} in the expected direction, includes 0 and ${u(d)}. ${settle} ${power}.`;
    }
  }
}

/** Values with the decimals `decimalsFor` the smallest effect gives, no unit. */
function plainFormat(r: Pick<VerdictFacts, 'smallestEffect'>): UnitFormat {
  const dp = decimalsFor(r.smallestEffect);
  return (v, signed = false) => fixed(v, dp, { signed });
}

// ---------------------------------------------------------------------------
// In Norwegian bokmål (the notebooks' bokmål pages): the same sentences, decimal comma.

/** A number with `decimals` decimals as bokmål prose writes it: decimal comma, the minus sign −. */
const fmtNb = (v: number, decimals: number): string => fixed(v, decimals, { lang: 'nb', typographic: true });

function explainNb(r: VerdictFacts, names: FactNames): string {
  const dp = decimalsFor(r.smallestEffect);
  const f = (v: number) => fmtNb(v, dp);
  const { settings: st, effect, expectedEffect: e, smallestEffect: delta } = r;
  const label = (side: 'A' | 'B') => names.label?.(side) ?? r[side].label;
  const group = (name: string) => names.group?.(name) ?? name;
  const word = r.expect === 'increase' ? 'en økning' : 'en nedgang';
  const diff = effect.mean === 0 ? null : `${f(Math.abs(effect.mean))} ${effect.mean > 0 ? 'høyere' : 'lavere'}`;
  const compared = (b: string, a: string) => (diff === null ? `det samme ${b} som ${a}` : `${diff} ${b} enn ${a}`);
  const [subject, rest] = r.A.group === r.B.group
    ? [`${r.metric} for ${r.A.group === 'all' ? 'alle' : `gruppen ${group(r.A.group)}`}`, compared(`under B (${label('B')})`, `under A (${label('A')})`)]
    : [r.metric, compared(`for ${group(r.B.group)} under B (${label('B')})`, `for ${group(r.A.group)} under A (${label('A')})`)];
  const pairing = r.A.group !== r.B.group && r.A.label === r.B.label ? 'begge gruppene lest fra de samme kjøringene' : 'de samme personene og den samme flaksen på begge sider';
  const p = r.test.p < 0.0001 ? '< 0,0001' : `= ${fmtNb(r.test.p, 4)}`;
  const lead = `I ${st.replications} parvise replikasjoner av ${r.scenario} (${fixed(st.agents, 0, { lang: 'nb', grouped: true })} personer, ${st.weeks} uker; ${pairing}) var ${subject} ${rest}` +
    `: B − A = ${f(effect.mean)}, 95 %-intervall ${f(effect.ci95[0])} til ${f(effect.ci95[1])} ` +
    `(parvis t = ${fmtNb(r.test.t, 2)}, fg = ${r.test.df}, p ${p}). Hypotesen forventer ${word} på minst ${f(delta)}.`;
  let why: string;
  switch (r.verdict) {
    case 'supported':
      why = `Hele intervallet, ${f(e.ci95[0])} til ${f(e.ci95[1])} i forventet retning, ligger på eller over den minste effekten som betyr noe, ${f(delta)}, så hypotesen er STØTTET i modellen.`;
      break;
    case 'contradicted':
      why = e.ci95[1] <= 0
        ? `Hele intervallet ligger på den andre siden: effekten går mot forventet retning, så hypotesen er MOTSAGT i modellen.`
        : `Hele intervallet ligger under ${f(delta)} i forventet retning: en eventuell effekt i den retningen er mindre enn det som betyr noe${e.ci95[0] > 0 ? ' (selv om den finnes)' : ''}, så hypotesen er MOTSAGT i modellen.`;
      break;
    case 'inconclusive':
      why = (e.ci95[0] > 0
        ? `Effekten går i forventet retning, men om den er så stor som det som betyr noe, er ikke avgjort: intervallet, ${f(e.ci95[0])} til ${f(e.ci95[1])}, rommer ${f(delta)}, så hypotesen er UAVKLART.`
        : `Intervallet rommer både null og effekter som betyr noe, så hypotesen er UAVKLART.`) +
        ` Omtrent ${r.replicationsNeeded} replikasjoner gir 80 % teststyrke til å skille en effekt på ${f(delta)} fra ingen effekt` +
        `${(r.replicationsNeeded ?? 0) <= st.replications ? ', og denne kjøringen hadde så mange' : ''}; hvis den sanne effekten er den observerte, ${f(e.mean)}, ville omtrent ${r.replicationsToSettle} avgjøre det.`;
      break;
  }
  return `${lead} ${why} Dette er et resultat om modellen under scenarioets forutsetninger, ikke en prediksjon for virkelige mennesker.`;
}

function verdictMarginNb(r: VerdictFacts, f: UnitFormat, opts: { reduced?: boolean }): string {
  const e = r.expectedEffect;
  const d = r.smallestEffect;
  const u = (v: number) => f(v, false);
  const half = (e.ci95[1] - e.ci95[0]) / 2;
  const fragile = (margin: number) => (margin < half
    ? ` Marginen er mindre enn halve intervallbredden (${u(half)}), så et annet frø${opts.reduced ? ' eller filens innstillinger' : ''} kan godt gi en annen dom.` : '');
  switch (r.verdict) {
    case 'supported': {
      const margin = e.ci95[0] - d;
      return `Støttet med en margin på ${u(margin)}: intervallets nedre ende ligger ${u(margin)} over den minste effekten som betyr noe. Den ville bli uavklart først om intervallet nådde ned til ${u(d)}.${fragile(margin)}`;
    }
    case 'contradicted':
      return e.ci95[1] <= 0
        ? `Motsagt med en margin på ${u(d - e.ci95[1])}: selv intervallets øvre ende (${f(e.ci95[1], true)} i forventet retning) ligger på feil side av 0.`
        : `Motsagt med en margin på ${u(d - e.ci95[1])}: intervallets øvre ende, ${u(e.ci95[1])}, ligger under den minste effekten som betyr noe, ${u(d)}.${fragile(d - e.ci95[1])}`;
    case 'inconclusive': {
      const toward = e.mean >= d ? 'støttet' : 'motsagt';
      const settle = Number.isFinite(r.replicationsToSettle ?? NaN)
        ? `Omtrent ${r.replicationsToSettle} parvise replikasjoner ville avgjøre den (${toward}) hvis den sanne effekten er den observerte, ${u(e.mean)}; denne kjøringen hadde ${r.settings.replications}.`
        : `Den observerte effekten er lik ${u(d)}: er det den sanne effekten, ville ikke noe antall replikasjoner avgjøre den.`;
      const power = `${r.replicationsNeeded} replikasjoner gir 80 % teststyrke til å skille en effekt på ${u(d)} fra ingen effekt`;
      return e.ci95[0] > 0
        ? `Effekten finnes (intervallet, ${u(e.ci95[0])} til ${u(e.ci95[1])} i forventet retning, utelukker 0), men om den når ${u(d)}, er ikke avgjort. ${settle} (${power}: det gjelder å komme bort fra 0, noe denne kjøringen allerede gjør.)`
        : `Intervallet, ${u(e.ci95[0])} til ${u(e.ci95[1])} i forventet retning, rommer både 0 og ${u(d)}. ${settle} ${power}.`;
    }
  }
}
