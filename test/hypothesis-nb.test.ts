/**
 * The hypotheses' words in bokmål: every shipped hypothesis file has its
 * current translation (scenarios/hypotheses/nb.ts), and the verdict's
 * sentences (sim/verdict.ts) have a bokmål form with the same numbers, in
 * bokmål notation, for each verdict, while the English stays as the CLI writes it.
 */
import { describe, expect, it } from 'vitest';
import { parseHypothesis, SHIPPED_HYPOTHESES } from '../sim/index.ts';
import { explain, verdictMargin, VERDICT_RULE_NB, VERDICT_WORDS, type VerdictFacts } from '../sim/hypothesis.ts';
import { HYPOTHESES_NB, hypothesisNb } from '../scenarios/hypotheses/nb.ts';

describe('the shipped hypotheses in bokmål', () => {
  it('every file has a translation of its current statement, source and notes', () => {
    expect(Object.keys(HYPOTHESES_NB).sort()).toEqual(Object.keys(SHIPPED_HYPOTHESES).sort());
    for (const [name, raw] of Object.entries(SHIPPED_HYPOTHESES)) {
      const h = parseHypothesis(raw, name);
      const nb = hypothesisNb(name, { statement: h.statement, source: h.source, notes: h.notes });
      expect(nb, `${name}: scenarios/hypotheses/nb.ts translates another text than the file's`).toBeDefined();
      expect(nb!.statement).not.toBe(h.statement);
      expect(nb!.source === undefined).toBe(h.source === undefined);
      expect(nb!.notes === undefined).toBe(h.notes === undefined);
    }
  });

  it('a changed English text is not shown with an old translation', () => {
    expect(hypothesisNb('lock-in-payoff', { statement: 'Something else.' })).toBeUndefined();
    expect(hypothesisNb('no-such-hypothesis', { statement: 'x' })).toBeUndefined();
  });
});

/** A result of each verdict, made up. */
function facts(verdict: VerdictFacts['verdict'], lo: number, hi: number): VerdictFacts {
  const mean = (lo + hi) / 2;
  return {
    scenario: 'mixed-office', metric: 'employedShare', expect: 'increase', smallestEffect: 0.01,
    settings: { replications: 8, agents: 2000, weeks: 260 },
    A: { group: 'all', label: 'standardised' }, B: { group: 'all', label: 'personalised' },
    effect: { mean, ci95: [lo, hi], sd: 0.01 }, test: { t: 2.5, df: 7, p: 0.04 },
    expectedEffect: { mean, ci95: [lo, hi] }, verdict,
    ...(verdict === 'inconclusive' ? { replicationsNeeded: 12, replicationsToSettle: 30 } : {}),
  };
}

describe('the verdict in bokmål', () => {
  const cases = [facts('supported', 0.0125, 0.0375), facts('contradicted', -0.03, -0.01), facts('contradicted', 0.001, 0.005), facts('inconclusive', 0.005, 0.02), facts('inconclusive', -0.005, 0.02)];

  it('has a word and a rule', () => {
    expect(Object.keys(VERDICT_WORDS.nb)).toEqual(Object.keys(VERDICT_WORDS.en));
    expect(VERDICT_RULE_NB).toContain('STØTTET');
  });

  it.each(cases)('explains a result and what would change it, with bokmål numbers (%#)', (r) => {
    const nb = explain(r, 'nb', { label: (side) => `side ${side}` });
    expect(nb).not.toBe(explain(r));
    expect(explain(r, 'en')).toBe(explain(r));
    expect(nb).toContain('2\u00a0000 personer');
    expect(nb).toContain('(side B)');
    expect(nb).toMatch(/\d,\d/);
    expect(nb).not.toMatch(/\d\.\d|\bthe\b|\binterval\b/);
    const margin = verdictMargin(r, undefined, { lang: 'nb', reduced: true });
    expect(margin).not.toBe(verdictMargin(r, undefined, { reduced: true }));
    expect(margin).not.toMatch(/\bthe\b|\binterval\b/);
  });
});
