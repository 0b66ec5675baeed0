import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Texts people read must stand on their own: they point inside the
 * repository (the domain brief the project started from is not part of it),
 * and the hand-written documents do not count things that change as the
 * model grows ("ten knobs", "seven charts"): a count in words is wrong the
 * day a knob or chart is added.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Folders and files whose texts users see: documents, the page, notebooks, the code's messages and doc strings, shipped files. */
const USER_FACING = ['README.md', 'docs', 'viz', 'notebooks', 'sim', 'scenarios', 'schemas', 'scripts', 'bin', 'bench'];
const TEXT = /\.(ts|js|md|html|json|css)$/;
const SKIP = new Set(['node_modules', 'dist', '.git']);

function files(path: string): string[] {
  const full = join(ROOT, path);
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full).filter((f) => !SKIP.has(f)).flatMap((f) => files(join(path, f))).filter((f) => TEXT.test(f));
}

/** The hand-written documents, where a count in words would drift. */
const DOCUMENTS = ['README.md', ...files('docs').filter((f) => f.endsWith('.md')), 'viz/README.md', 'notebooks/README.md'];
/** Things the model or the page has a changing number of. */
const DRIFTING = 'knobs?|charts?|metrics?|views?|steps?|hypothes[ie]s|scenarios?|phases?|commands?|personas?|tables?|rows?|states?|entitlements?|patterns?|findings?|services|groups|regions?|notebooks?|columns?|parameters?|tests?';
const NUMBER_WORD = 'three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty';
/** "ten knobs", "seven policy knobs", "12 metrics": a number (not a section number), at most one word, a drifting thing. */
const COUNT = new RegExp(`(?<!§\\s?|\\.)\\b(${NUMBER_WORD}|\\d+)\\s+(?:[A-Za-z][A-Za-z-]*\\s+)?(${DRIFTING})\\b`, 'gi');

describe('texts users see', () => {
  it('do not point to the brief, which is not in the repository (point to docs/MODEL.md instead)', () => {
    const found: string[] = [];
    for (const f of USER_FACING.flatMap(files)) {
      readFileSync(join(ROOT, f), 'utf8').split('\n').forEach((line, i) => {
        if (/\bBRIEF\b/.test(line)) found.push(`${f}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(found, `texts that refer to the brief:\n${found.join('\n')}`).toEqual([]);
  });

  it('do not count knobs, charts, metrics, steps ... in words in the hand-written documents', () => {
    const found: string[] = [];
    for (const f of DOCUMENTS) {
      let code = false;
      readFileSync(join(ROOT, f), 'utf8').split('\n').forEach((line, i) => {
        // code blocks are commands and their output; tables are generated or name things one per row; headings are numbered
        if (line.startsWith('```')) code = !code;
        if (code || line.startsWith('|') || line.startsWith('#')) return;
        // inline code quotes a command or a message as it is
        for (const m of line.replace(/`[^`]*`/g, '``').matchAll(COUNT)) found.push(`${f}:${i + 1}: "${m[0]}"`);
      });
    }
    expect(found, `counts that will drift (say it without the number, or generate it):\n${found.join('\n')}`).toEqual([]);
  });

  it('the pattern finds what it is for', () => {
    const hits = (s: string) => [...s.matchAll(COUNT)].map((m) => m[0]);
    expect(hits('one row stands for all ten knobs; seven charts; twelve rows; four scenarios; 12 metrics')).toEqual(
      ['ten knobs', 'seven charts', 'twelve rows', 'four scenarios', '12 metrics']);
    expect(hits('three levels, two policies, five years, [§ 7.4 participation](#74), the six weekly phases')).toEqual(['six weekly phases']);
  });
});
