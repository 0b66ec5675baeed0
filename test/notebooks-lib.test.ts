/**
 * The notebooks are thin layers over sim/: a source scan of notebooks/lib/*.ts
 * (and the notebooks' cells) finds no model runs or loops over replications
 * of their own, no metric or knob named in the lib, no list of knobs of its
 * own and no verdict words; the rules are shown to catch the code the lib
 * held before it called sim/ (excerpts below). And the lib's analysis gives
 * the sensitivity module's numbers.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KNOB_NAMES, METRICS, SHIPPED } from '../sim/index.ts';
import { modelSensitivity } from '../sim/sensitivity/model.ts';
import { analyseKnobs, knobFactors } from '../notebooks/lib/sensitivity.ts';
import { parseScenario } from '../sim/scenario.ts';

const ROOT = process.cwd();
const LIB = readdirSync(join(ROOT, 'notebooks', 'lib')).filter((f) => f.endsWith('.ts')).map((f) => join('notebooks', 'lib', f));
const NOTEBOOKS = readdirSync(join(ROOT, 'notebooks')).filter((f) => f.endsWith('.html')).map((f) => join('notebooks', f));

/** The code without its comments (a `//` after a colon, as in a URL, is kept). */
const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' ')).replace(/(^|[^:\\])\/\/.*$/gm, '$1');

const words = (names: readonly string[]) => names.join('|');
const METRIC = words(METRICS);
const KNOB = words(KNOB_NAMES);
/** What sim/ runs and the lib must not: the model's building blocks. */
const RUNNERS = ['runReplicate', 'createModel', 'step', 'run'];

type Rule = [what: string, test: (line: string) => boolean];

/** Rules for the notebooks' own code, lib and cells alike: the model runs in sim/. */
const RUN_RULES: Rule[] = [
  ['runs the model itself (call compare, runPolicies, runHypothesis, modelOutputs, evaluateProgrammes, ... in sim/)', (line) => {
    const imported = [...line.matchAll(/import\s*\{([^}]*)\}\s*from\s*['"][^'"]*\bsim\/[^'"]*['"]/g)].flatMap((m) => m[1].split(',').map((x) => x.trim().replace(/^type\s+/, '').split(/\s+as\s+/)[0]));
    return imported.some((n) => RUNNERS.includes(n)) || /\b(runReplicate|createModel)\s*\(/.test(line);
  }],
  ['a loop over replications', (line) => /for\s*\([^;]*;\s*[\w.]+\s*<=?\s*[\w.]*(rep|replication)/i.test(line)
    || /Array\.from\(\s*\{\s*length:\s*[\w.]*(rep|replication)/i.test(line)],
];

/** Rules for notebooks/lib only: which metrics and knobs to show is the notebook's choice, their names and texts sim/'s. */
const LIB_RULES: Rule[] = [
  ...RUN_RULES,
  ['names a metric (a notebook passes the metrics it shows; everything else comes from METRIC_TABLE)', (line) => new RegExp(`\\b(${METRIC})\\b`).test(line)],
  ['a list or map of knobs (read KNOB_NAMES and KNOBS)', (line) => /Object\.keys\(\s*KNOBS\.fields\s*\)/.test(line)
    || new RegExp(`\\[\\s*(['"\`])(${KNOB})\\1\\s*,\\s*(['"\`])(${KNOB})\\3`).test(line)
    || new RegExp(`\\b(${KNOB})\\s*:[^,}]*,\\s*(${KNOB})\\s*:`).test(line)],
  ['reads a knob by name (knob overrides go through applyKnobs / policyKnobs)', (line) => new RegExp(`\\bknobs(\\.|\\[['"])(${KNOB})\\b`).test(line)],
  ['verdict words of its own (sim/verdict.ts writes them)', (line) => /\bcase\s+['"](supported|contradicted|inconclusive)['"]|switch\s*\(\s*\w+\.verdict\s*\)/.test(line)],
];

function problems(file: string, text: string, rules: Rule[]): string[] {
  const found: string[] = [];
  code(text).split('\n').forEach((line, i) => {
    for (const [what, test] of rules) if (test(line)) found.push(`${file}:${i + 1}: ${what}: ${line.trim()}`);
  });
  return found;
}

/** Excerpts of notebooks/lib before it called sim/ for these things: each must be caught. */
const OLD_CODE: [file: string, line: string][] = [
  ['evaluation.ts', "import { createModel, estimate, parseScenario, SHIPPED, step, type Scenario } from '../../sim/index.ts';"],
  ['evaluation.ts', '  for (let r = 0; r < reps; r++) {'],
  ['oat.ts', 'export const KNOB_NAMES = Object.keys(KNOBS.fields) as (keyof Knobs)[];'],
  ['oat.ts', '      const results = Array.from({ length: reps }, (_, r) => runReplicate(s, baseline, r, { seed: opts.seed, knobs: { ...base, [knob]: value } }).summary.all);'],
  ['oat.ts', "  const metrics = opts.metrics ?? ['employedShare', 'mismatchedServiceShare'];"],
  ['sensitivity.ts', "export const OUTCOMES = ['employedShare', 'mismatchedServiceShare'] as const;"],
  ['sensitivity.ts', '  const sum: Outputs = { employedShare: 0, mismatchedServiceShare: 0 };'],
  ['sensitivity.ts', '  for (let r = 0; r < st.replications; r++) {'],
  ['hypotheses.ts', '  switch (r.verdict) {'],
  ['hypotheses.ts', "    case 'supported': {"],
  ['journeys.ts', "import { eventText, parseScenario, rightsText, runReplicate, SHIPPED, type JourneyEvent, type RunResult, type Scenario } from '../../sim/index.ts';"],
];

describe('the notebooks are thin layers over sim/', () => {
  it('scans every file of notebooks/lib and every notebook', () => {
    for (const f of ['calibration.ts', 'evaluation.ts', 'hypotheses.ts', 'journeys.ts', 'oat.ts', 'sensitivity.ts', 'format.ts', 'ui.ts']) expect(LIB).toContain(join('notebooks', 'lib', f));
    expect(NOTEBOOKS.length).toBeGreaterThanOrEqual(5);
  });

  it('the rules catch the code the lib held before', () => {
    for (const [file, line] of OLD_CODE) expect(problems(file, line, LIB_RULES), `${file}: ${line}`).not.toEqual([]);
    // and what it must not hold either
    for (const line of ['knobs.levelMatching = 0.5;', "const TOP = ['exploration', 'followUp'];", 'const w = { exploration: 0.4, followUp: 0.2 };']) {
      expect(problems('x.ts', line, LIB_RULES), line).not.toEqual([]);
    }
    // and not what it holds now: an event kind that is also a knob's name, comments, a loop over hypotheses
    const fine = ["const meetings = count('metAdvisor') + count('followUp');", '/** `knobs.levelMatching` → `levelMatching`. */',
      'for (const [i, p] of planned.entries()) {', "const url = 'https://example.org'; // employedShare"];
    for (const line of fine) expect(problems('x.ts', line, LIB_RULES), line).toEqual([]);
  });

  it('notebooks/lib runs no model, loops over no replications, names no metric, lists no knobs and writes no verdicts', () => {
    const found = LIB.flatMap((f) => problems(f, readFileSync(join(ROOT, f), 'utf8'), LIB_RULES));
    expect(found, 'call sim/ for these (see notebooks/README.md, "How it fits together")').toEqual([]);
  });

  it('the notebooks’ cells run no model and loop over no replications', () => {
    const found = NOTEBOOKS.flatMap((f) => problems(f, readFileSync(join(ROOT, f), 'utf8'), RUN_RULES));
    expect(found).toEqual([]);
  });

  it('the metrics a notebook chooses are metrics of the table', () => {
    let lists = 0;
    for (const f of NOTEBOOKS) {
      for (const m of readFileSync(join(ROOT, f), 'utf8').matchAll(/const OUTCOMES = (\[[^\]]*\])/g)) {
        lists++;
        for (const name of JSON.parse(m[1]) as string[]) expect(METRICS, `${f}: ${name}`).toContain(name);
      }
    }
    expect(lists).toBeGreaterThan(0);
  });
});

describe('the lib’s analysis is the sensitivity module’s', () => {
  it('gives modelSensitivity’s Morris indices for each outcome, from one set of runs', async () => {
    const s = parseScenario(SHIPPED.classroom);
    const factors = knobFactors(s, 'whole', 'standardised', ['exploration', 'levelMatching']);
    const st = { scenario: 'classroom', baseline: 'standardised', replications: 1, agents: 100, weeks: 52, metrics: ['employedShare', 'mismatchedServiceShare'] as const };
    const a = await analyseKnobs(st, factors, { method: 'morris', trajectories: 3 });
    expect(a.cancelled).toBe(false);
    expect(a.runs).toBeLessThanOrEqual(3 * 3);
    for (const metric of st.metrics) {
      const m = modelSensitivity({ scenario: SHIPPED.classroom, method: 'morris', policy: 'standardised', vary: factors, metric, trajectories: 3, agents: 100, weeks: 52 });
      expect(a.results[metric].indices, metric).toEqual(m.indices);
    }
    // a second time, from memory
    expect((await analyseKnobs(st, factors, { method: 'morris', trajectories: 3 })).runs).toBe(0);
  });
});
