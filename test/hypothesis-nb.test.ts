/**
 * The hypotheses' words in bokmål: every shipped hypothesis file gives its
 * statement, source and notes in bokmål too (`statementNb`, `sourceNb`,
 * `notesNb`, beside the English), the notebook shows them in bokmål and the
 * English elsewhere; and the verdict's sentences (sim/verdict.ts) have a bokmål
 * form with the same numbers, in bokmål notation, for each verdict, while the
 * English stays as the CLI writes it.
 */
import { describe, expect, it } from 'vitest';
import { parseHypothesis, SHIPPED_HYPOTHESES } from '../sim/index.ts';
import { explain, verdictMargin, VERDICT_RULE_NB, VERDICT_WORDS, type VerdictFacts } from '../sim/hypothesis.ts';
import { words } from '../notebooks/lib/hypotheses.ts';

describe('the shipped hypotheses in bokmål', () => {
  it('every file gives its statement, source and notes in bokmål, each a text of its own', () => {
    for (const [name, raw] of Object.entries(SHIPPED_HYPOTHESES)) {
      const h = parseHypothesis(raw, name);
      expect(h.statementNb, name).toBeTruthy();
      expect(h.statementNb).not.toBe(h.statement);
      expect(h.sourceNb === undefined, `${name}: sourceNb`).toBe(h.source === undefined);
      expect(h.notesNb === undefined, `${name}: notesNb`).toBe(h.notes === undefined);
      if (h.notes !== undefined) expect(h.notesNb).not.toBe(h.notes);
    }
  });

  it('outside a bokmål notebook the words are the file’s English', () => {
    const h = parseHypothesis(SHIPPED_HYPOTHESES['lock-in-payoff'], 'lock-in-payoff');
    expect(words(h)).toEqual({ statement: h.statement, source: h.source, notes: h.notes });
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
