/** CLI: `pathways whatif NAME|FILE`: a shipped preset and a file, text and JSON output, claims that hold and do not, bad input (exit 2, one line). */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHIPPED_WHATIFS } from '../../scenarios/whatifs/index.ts';
import { expectUsageError, pathways, tempDir, writeJson } from './helpers.ts';

const tmp = tempDir();
afterAll(tmp.cleanup);
beforeAll(() => {
  // Builds the bundle if needed, so the tests below do not all wait for it.
  expect(pathways(['--version']).stdout).toMatch(/^pathways \d+\.\d+\.\d+/);
});

const downturn = SHIPPED_WHATIFS.downturn as Record<string, unknown> & { claims: Record<string, unknown>[]; run: Record<string, number> };
/** A preset file: the downturn, small (300 agents, 52 weeks, 3 replications), with changes. */
const file = (change: Record<string, unknown>, name = 'w.json') =>
  writeJson(join(tmp.dir, name), { ...downturn, $schema: undefined, run: { agents: 300, weeks: 52, replications: 3 }, ...change });

describe('pathways whatif', () => {
  it('runs a shipped preset by name: its texts, the arms, the differences, the claims and whether they hold', () => {
    const r = pathways(['whatif', 'downturn', '--replications', '3']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const out = r.stdout;
    expect(out).toMatch(/^what-if downturn: What if a downturn cut the vacancies by a quarter\?$/m);
    expect(out).toMatch(/^ {2}Look at employment/m);
    expect(out).toMatch(/^what-if downturn on mixed-office \(.*\): 1000 agents, 260 weeks, 3 replications, seed 1, common random numbers; a baseline and 1 variant$/m);
    expect(out).toMatch(/^ {2}variant 1 {2}a quarter fewer vacancies {2}standardised with labourMarket\.vacanciesPer1000\.0 = 4\.5, /m);
    expect(out).toMatch(/^metric +a quarter fewer vacancies - as today$/m);
    expect(out).toMatch(/^Claims, checked against these numbers/m);
    const claims = out.split('\n').filter((l) => /^ {2}- (holds|DOES NOT HOLD): /.test(l));
    expect(claims).toHaveLength(downturn.claims.length);
    expect(claims[0]).toMatch(/^ {2}- (holds|DOES NOT HOLD): Share of weeks in work \(for all\): lower than the baseline, clearly/);
    expect(out).toMatch(/^(All 3 claims hold\.|\d of 3 claims do not hold\.)$/m);
    expect(out).toMatch(/^group +employedWeeksShare +employedShare +medianWeeksToFirstJob$/m);
    expect(out).toMatch(/^refugee +-?0\.\d{3} \[/m);
  });

  it('--json prints one object: the texts in both languages, the comparison of the arms and each claim with its difference', () => {
    const r = pathways(['whatif', file({}), '--json']);
    expect(r.status, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)).toEqual(['id', 'title', 'what', 'look', 'armNames', 'evidence', 'notes', 'findings', 'result', 'claims', 'holds']);
    expect(j.title).toEqual(downturn.title);
    expect(j.result).toMatchObject({ scenario: 'mixed-office', agents: 300, weeks: 52, replications: 3, seed: 1 });
    expect(j.result.variants.map((v: { label: string }) => v.label)).toEqual(['a quarter fewer vacancies']);
    expect(j.claims).toHaveLength(3);
    expect(j.claims[0]).toEqual({
      claim: { metric: 'employedWeeksShare', group: 'all', direction: 'lower', against: 'baseline', clear: true },
      variant: 'a quarter fewer vacancies',
      difference: { metric: 'employedWeeksShare', ...j.result.variants[0].difference.summary.employedWeeksShare, clear: expect.any(Boolean), change: expect.any(String), judgement: expect.any(String) },
      holds: expect.any(Boolean),
      text: expect.stringMatching(/^Share of weeks in work \(for all\): lower than the baseline, clearly: (holds|does not hold) \(/),
      numbers: expect.stringMatching(/^Share of weeks in work \(for all\): lower than the baseline, clearly \(/),
    });
    expect(j.holds).toBe(j.claims.every((c: { holds: boolean }) => c.holds));
  });

  it('says so when a claim does not hold (exit 0: the run worked)', () => {
    const r = pathways(['whatif', file({ claims: [{ metric: 'employedWeeksShare', direction: 'higher' }] }, 'wrong.json')]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^ {2}- DOES NOT HOLD: Share of weeks in work \(for all\): higher than the baseline, clearly \(/m);
    expect(r.stdout).toMatch(/^1 of 1 claims do not hold\.$/m);
  });

  it('bad input is one line, exit 2', () => {
    expect(expectUsageError(pathways(['whatif', 'downturns']))).toMatch(/^pathways: what-if "downturns" is neither a shipped what-if nor a file; shipped: career-guidance-open, /);
    expect(expectUsageError(pathways(['whatif']))).toMatch(/^pathways: /);
    expect(expectUsageError(pathways(['whatif', 'downturn', '--replications', '1']))).toMatch(/^pathways: --replications: "1" is not allowed/);
    expect(expectUsageError(pathways(['whatif', 'downturn', '--agents', '10']))).toMatch(/^pathways: .*--agents/);
    expect(expectUsageError(pathways(['whatif', file({ claims: [{ metric: 'employedShare', direction: 'up' }] }, 'bad.json')])))
      .toMatch(/^pathways: what-if .*bad\.json: claims\[0\]\.direction: "up" is not allowed; expected one of "higher", "lower", "about-the-same"/);
    expect(expectUsageError(pathways(['whatif', file({ claims: [{ variant: 'boom', metric: 'employedShare', direction: 'lower' }] }, 'label.json')])))
      .toMatch(/^pathways: what-if .*label\.json: claims\[0\]\.variant: "boom" is not the label of a variant/);
    expect(expectUsageError(pathways(['whatif', file({ run: { agents: 2, replications: 3 } }, 'few.json')])))
      .toMatch(/^pathways: what-if .*few\.json: run\.agents: /);
  });

  it('--help shows the file format, the claims and the shipped presets', () => {
    const r = pathways(['whatif', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^usage: pathways whatif NAME\|FILE/m);
    expect(r.stdout).toContain('claims[].direction');
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('Shipped presets (run by name): career-guidance-open, lower-caseloads, proactive-information, same-advisor, faster-recognition, downturn.');
  });
});
