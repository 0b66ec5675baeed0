/**
 * The shape of the code: no import cycles in sim/ and viz/, every number the
 * model's rules use has a name (and so a row in MODEL.md, Appendix A), and
 * random-number purposes keep their streams.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixedNumberFiles, fixedNumbers } from '../scripts/gen-docs.ts';
import { NUM_PURPOSES, PURPOSES } from '../sim/constants.ts';
import { PHASES } from '../sim/model.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The .ts files under `dir` (relative to the repository), recursively. */
function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(ROOT, dir))) {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) out.push(...tsFiles(path));
    else if (name.endsWith('.ts')) out.push(path);
  }
  return out;
}

/** The relative imports of a source file, type-only ones and re-exports included, resolved to paths relative to the repository. */
export function importsOf(file: string, src: string): string[] {
  const specs = [
    ...src.matchAll(/^\s*(?:import|export)\b[^;'"]*?\bfrom\s*['"](\.[^'"]+)['"]/gm),
    ...src.matchAll(/^\s*import\s*['"](\.[^'"]+)['"]/gm),
    ...src.matchAll(/\bimport\(\s*['"](\.[^'"]+)['"]\s*\)/g),
  ].map((m) => m[1]);
  return specs.map((s) => relative(ROOT, resolve(ROOT, dirname(file), s)));
}

/** Every import cycle found by a depth-first search over `graph`, each as the list of files round it. */
export function importCycles(graph: Map<string, string[]>): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (f: string) => {
    state.set(f, 'open');
    stack.push(f);
    for (const d of graph.get(f) ?? []) {
      if (!graph.has(d)) continue;
      if (state.get(d) === 'open') cycles.push([...stack.slice(stack.indexOf(d)), d]);
      else if (!state.has(d)) visit(d);
    }
    stack.pop();
    state.set(f, 'done');
  };
  for (const f of [...graph.keys()].sort()) if (!state.has(f)) visit(f);
  return cycles;
}

describe('imports', () => {
  it('have no cycle in sim/ and viz/ (type-only imports count too)', () => {
    const files = [...tsFiles('sim'), ...tsFiles('viz')];
    const graph = new Map(files.map((f) => [f, importsOf(f, readFileSync(join(ROOT, f), 'utf8'))]));
    expect(graph.size).toBeGreaterThan(40);
    const cycles = importCycles(graph).map((c) => c.join(' → '));
    expect(cycles, `import cycles:\n${cycles.join('\n')}`).toEqual([]);
  });

  it('the cycle finder finds a cycle, and the import reader reads every kind of import', () => {
    const src = [
      "import { a } from './a.ts';", "import type { B } from '../b.ts';", "import {\n  c,\n  d,\n} from './c.ts';",
      "export * from './e.ts';", "export { f } from './f.ts';", "import './g.ts';", "const h = await import('./h.ts');",
      "import x from 'node:fs';",
    ].join('\n');
    expect(importsOf('sim/x.ts', src)).toEqual(['sim/a.ts', 'b.ts', 'sim/c.ts', 'sim/e.ts', 'sim/f.ts', 'sim/g.ts', 'sim/h.ts']);
    const graph = new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]);
    expect(importCycles(graph)).toEqual([['a', 'b', 'c', 'a']]);
  });
});

/** Numbers a rule may use without naming them: nothing, one, two (levels, bits) and the unit of the per-1000 rates. */
const PLAIN = new Set([0, 1, 2, 1000]);

/** The number literals of `src` outside comments, strings and `export const NAME = <number>;` declarations. */
export function unnamedNumbers(src: string): string[] {
  const code = src
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '')
    .replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g, "''")
    .replace(/^export const [A-Z][A-Z0-9_]* = -?[0-9][0-9.e+-]*;$/gm, '');
  return [...code.matchAll(/(?<![\w.$])\d+(?:\.\d+)?(?:e[+-]?\d+)?(?![\w.])/g)].map((m) => m[0]).filter((x) => !PLAIN.has(Number(x)));
}

describe('fixed numbers', () => {
  it('the rules name every number they use (a named, documented constant is listed in MODEL.md, Appendix A)', () => {
    const found: string[] = [];
    for (const f of fixedNumberFiles()) for (const x of unnamedNumbers(readFileSync(join(ROOT, f), 'utf8'))) found.push(`${f}: ${x}`);
    expect(found, `numbers without a name (give each an exported constant with a doc comment, then run \`npm run docs\`):\n${found.join('\n')}`).toEqual([]);
  });

  it('the reader of unnamed numbers skips comments, strings and named constants', () => {
    const src = [
      '/** 0.5 in a doc */', 'export const HALF = 0.5;', "const s = 'a 0.3 here';", 'const x = y * 0.25; // 0.7',
      'const z = new Float64Array(3 + 1000 + 2);', 'const k = 0x27d4eb2f + Uint8Array.BYTES_PER_ELEMENT + w2;', 'const e = 1e-6;',
    ].join('\n');
    expect(unnamedNumbers(src)).toEqual(['0.25', '3', '1e-6']);
  });

  it('every phase file is read for fixed numbers, and each fixed number has a doc', () => {
    const files = fixedNumberFiles();
    for (const p of PHASES) expect(files).toContain(p.file);
    for (const f of readdirSync(join(ROOT, 'sim/phases'))) expect(files).toContain(`sim/phases/${f}`);
    const all = fixedNumbers();
    expect(new Set(all.map((c) => c.name)).size, 'two fixed numbers have the same name').toBe(all.length);
    for (const c of all) expect(Number.isFinite(c.value), `${c.file}: ${c.name}`).toBe(true);
  });
});

describe('random-number purposes', () => {
  it('keep their places: new purposes are appended, so existing streams stay the same', () => {
    // the list as it was when this test was written; a purpose may be added only after these
    expect(PURPOSES.slice(0, 33)).toEqual([
      'infoSearch', 'infoChannel', 'infoWhich', 'advisorAssign', 'advisorTurnover', 'meeting', 'showUp', 'followUp',
      'disclose', 'offer', 'offerKind', 'apply', 'decide', 'capacity', 'dropout', 'complete', 'hire', 'hireLower',
      'jobLoss', 'recover', 'peer', 'explore', 'inform', 'informWhich', 'offerPick', 'offerLevel', 'offerLong',
      'applyWhich', 'refer', 'healthExit', 'educationExit', 'moveAway', 'temporary',
    ]);
    expect(NUM_PURPOSES).toBe(PURPOSES.length);
    expect(new Set(PURPOSES).size).toBe(PURPOSES.length);
  });
});
