/**
 * docs/CONTRIBUTING.md names, for each way of extending the model, the one
 * file each step touches and the names to change there. This checks that the
 * guide stays true to the code: every file it names exists, and every name it
 * puts in code (`KNOB_FIELDS`, `METRIC_TABLE`, ...) is found in a file the same
 * step names, or, for a name the step does not place, somewhere in the sources.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const GUIDE = readFileSync(join(ROOT, 'docs/CONTRIBUTING.md'), 'utf8');

/** A file path in code: has a folder or an extension of ours, and no placeholder (NAME, <phase>, ...). */
const PATH = /`((?:sim|viz|notebooks|scripts|test|scenarios|docs|schemas)\/[\w./-]+|[\w-]+\.(?:md|json))`/g;
const isPlaceholder = (p: string) => /NAME|<|\*|\bN\b|KIND/.test(p);

function sources(dir: string, out: string[] = []): string[] {
  for (const f of readdirSync(join(ROOT, dir))) {
    const p = join(dir, f);
    if (statSync(join(ROOT, p)).isDirectory()) { if (f !== 'node_modules' && f !== 'artifacts' && f !== '__snapshots__') sources(p, out); } else if (/\.(ts|js|html|json)$/.test(f)) out.push(p);
  }
  return out;
}
const ALL = ['sim', 'viz', 'notebooks', 'scripts', 'test', 'scenarios'].flatMap((d) => sources(d)).map((f) => readFileSync(join(ROOT, f), 'utf8')).join('\n');

/** The guide's numbered steps: "1. **...**" up to the next step or heading. */
function steps(): string[] {
  const out: string[] = [];
  let cur: string[] | undefined;
  for (const line of GUIDE.split('\n')) {
    if (/^\d+\. /.test(line) || /^#/.test(line)) {
      if (cur) out.push(cur.join('\n'));
      cur = /^\d+\. /.test(line) ? [line] : undefined;
    } else if (cur) cur.push(line);
  }
  if (cur) out.push(cur.join('\n'));
  return out;
}

/** Names in code that are identifiers of the sources: SCREAMING_CASE or camelCase with a capital inside (not prose words or values). */
const IDENT = /`([A-Za-z_][A-Za-z0-9_]*)`/g;
const isCodeName = (w: string) => /^[A-Z][A-Z0-9_]{2,}$/.test(w) || /^[a-z]+[A-Z][A-Za-z0-9]*$/.test(w);

describe('docs/CONTRIBUTING.md', () => {
  it('names only files that exist', () => {
    const missing = [...GUIDE.matchAll(PATH)].map((m) => m[1]).filter((p) => !isPlaceholder(p) && !existsSync(join(ROOT, p)));
    expect(missing).toEqual([]);
  });

  it('names in code are found in the file the step names (or in the sources)', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const step of steps()) {
      const files = [...step.matchAll(PATH)].map((m) => m[1]).filter((p) => !isPlaceholder(p) && existsSync(join(ROOT, p)) && statSync(join(ROOT, p)).isFile());
      const text = files.map((f) => readFileSync(join(ROOT, f), 'utf8')).join('\n');
      for (const [, name] of step.matchAll(IDENT)) {
        if (!isCodeName(name)) continue;
        checked++;
        const inStep = files.length > 0 && new RegExp(`\\b${name}\\b`).test(text);
        if (!inStep && !new RegExp(`\\b${name}\\b`).test(ALL)) problems.push(`${name} (step: ${step.split('\n')[0].slice(0, 60)}…)`);
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(30); // the check has something to check
  });

  it('has a section for each way of extending the model', () => {
    for (const h of ['How to add a metric', 'How to add a knob', 'How to add a phase', 'How to add a journey event kind', 'command-line option']) {
      expect(GUIDE).toContain(h);
    }
  });
});
