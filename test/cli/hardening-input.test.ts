/** Hardening (issue 9): names that exist on every object, deep JSON, files that are not files, option names, --out paths. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseJson } from '../../sim/json.ts';
import { parseScenario, resolvePolicy } from '../../sim/scenario.ts';
import { expectUsageError, pathways, ROOT, tempDir, writeJson, type Result } from './helpers.ts';

const tmp = tempDir();
afterAll(tmp.cleanup);
beforeAll(() => {
  expect(pathways(['--version']).status).toBe(0);
});

const classroom = () => JSON.parse(readFileSync(join(ROOT, 'scenarios', 'classroom.json'), 'utf8'));
const file = (name: string, value: unknown) => writeJson(join(tmp.dir, name), value);

/** Like `pathways`, but gives up after `ms` (a hang is a failure, not a stuck test). */
function quick(args: string[], ms = 15_000): Result {
  const env = { ...process.env };
  delete env.PATHWAYS_DEBUG;
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'pathways.js'), ...args], { cwd: ROOT, encoding: 'utf8', env, timeout: ms });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

describe('keys that exist on every object', () => {
  it('reports "__proto__" inside an object as an unknown field', () => {
    const text = JSON.stringify(classroom()).replace(/^\{/, '{"office": {"__proto__": {"caseload": 1}},');
    const line = expectUsageError(pathways(['validate', file('proto.json', text)]));
    expect(line).toMatch(/office\.__proto__: is not a known field/);
  });

  it('reports "__proto__" at the top level and in a group as unknown fields', () => {
    const s = JSON.stringify(classroom()).replace(/^\{/, '{"__proto__": {"agents": 7},').replace('"groups":[{', '"groups":[{"__proto__":{"share":1},');
    const r = pathways(['validate', file('proto-top.json', s)]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/: __proto__: is not a known field/);
    expect(r.stderr).toMatch(/groups\[0\]\.__proto__: is not a known field/);
  });

  for (const base of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
    it(`refuses a policy whose base is ${base}`, () => {
      const s = { ...classroom(), policies: { mine: { base, followUp: 0.5 } } };
      const line = expectUsageError(pathways(['validate', file(`base-${base}.json`, s)]));
      expect(line).toContain(`policies.mine.base: ${JSON.stringify(base)} is not a policy`);
    });
  }

  it('refuses a policy named __proto__ instead of dropping it', () => {
    const text = JSON.stringify(classroom()).replace(/^\{/, '{"policies": {"__proto__": {"followUp": 0.5}},');
    const r = pathways(['validate', file('policy-proto.json', text)]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/policies\.__proto__/);
  });

  it('resolvePolicy refuses names from Object.prototype', () => {
    const s = parseScenario(classroom());
    for (const name of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) expect(() => resolvePolicy(s, name)).toThrow(/is not a policy/);
  });

  it('reports "__proto__" among a hypothesis\'s knobs as an unknown field', () => {
    const text = `{"name": "p", "statement": "s", "findings": ["F2"], "scenario": "classroom",
      "policies": {"A": "standardised", "B": {"base": "standardised", "knobs": {"__proto__": {"followUp": 1}}}},
      "metric": "employedShare", "expect": "increase", "smallestEffect": 0.01}`;
    const line = expectUsageError(pathways(['hypothesis', file('h-proto.json', text)]));
    expect(line).toMatch(/policies\.B\.knobs\.__proto__: is not a known field/);
  });

  it('--vary constructor=1 lists the fields, not a function\'s source', () => {
    const line = expectUsageError(pathways(['sweep', '--scenario', 'classroom', '--vary', 'constructor=1', '--dry-run']));
    expect(line).not.toMatch(/function|native code/);
    expect(line).toMatch(/"constructor" is not a field of the scenario; fields: /);
  });

  it('an option or command named after an Object.prototype member is unknown', () => {
    expect(expectUsageError(pathways(['run', '--constructor', 'x']))).toMatch(/unknown option --constructor for run/);
    expect(expectUsageError(pathways(['constructor']))).toMatch(/unknown command "constructor"/);
    expect(expectUsageError(pathways(['toString']))).toMatch(/unknown command "toString"/);
  });
});

describe('deeply nested JSON', () => {
  it('refuses JSON nested 5,000 levels deep in a text field: exit 2, one line with where', () => {
    const s = classroom();
    delete s.title;
    const text = JSON.stringify(s).replace(/\}$/, `,"title":${'['.repeat(5000)}1${']'.repeat(5000)}}`);
    const line = expectUsageError(pathways(['validate', file('deep.json', text)]));
    expect(line).toMatch(/nested deeper than 64 levels at line 1, column \d+/);
  });

  it('parseJson accepts 64 levels and refuses 65, naming line and column', () => {
    expect(parseJson(`${'['.repeat(64)}${']'.repeat(64)}`, 'x')).toBeDefined();
    expect(() => parseJson(`\n ${'['.repeat(65)}${']'.repeat(65)}`, 'x')).toThrow(/^x: JSON nested deeper than 64 levels at line 2, column 66/);
    // brackets inside strings do not count
    expect(parseJson(JSON.stringify({ a: '['.repeat(200) }), 'x')).toEqual({ a: '['.repeat(200) });
  });
});

describe('files that are not regular files, and big files', () => {
  it('refuses a FIFO instead of hanging', (ctx) => {
    const fifo = join(tmp.dir, 'scenario.json');
    const mk = spawnSync('mkfifo', [fifo]);
    if (mk.error || mk.status !== 0) ctx.skip();
    const line = expectUsageError(quick(['validate', fifo]));
    expect(line).toContain(`scenario file ${fifo}: is not a regular file`);
  });

  it('refuses /dev/zero as a scenario file and as a hypothesis file', () => {
    expect(expectUsageError(quick(['validate', '/dev/zero']))).toContain('scenario file /dev/zero: is not a regular file');
    expect(expectUsageError(quick(['hypothesis', '/dev/zero']))).toContain('hypothesis file /dev/zero: is not a regular file');
  });

  it('refuses a file over 16 MiB, saying the limit', () => {
    const big = join(tmp.dir, 'big.json');
    writeFileSync(big, `${' '.repeat(16 * 1024 * 1024)}{}`);
    const line = expectUsageError(quick(['validate', big]));
    expect(line).toMatch(/big\.json: is \d+ bytes, more than the limit of 16 MiB/);
  });
});

describe('--out is checked before the run', () => {
  it('refuses a dangling symbolic link at once', () => {
    const link = join(tmp.dir, 'dangling');
    symlinkSync(join(tmp.dir, 'nowhere', 'x'), link);
    const line = expectUsageError(quick(['compare', '--scenario', 'classroom', '--agents', '50', '--weeks', '5', '--replications', '1', '--out', link]));
    expect(line).toMatch(/--out: .*dangling.* is a symbolic link to .* which does not exist/);
  });

  it('refuses a folder under a dangling symbolic link', () => {
    const link = join(tmp.dir, 'dangling2');
    symlinkSync(join(tmp.dir, 'nowhere2'), link);
    const line = expectUsageError(quick(['run', '--scenario', 'classroom', '--policy', 'standardised', '--agents', '50', '--weeks', '5', '--replications', '1', '--out', join(link, 'sub')]));
    expect(line).toMatch(/is a symbolic link to .* which does not exist/);
    expect(existsSync(join(tmp.dir, 'nowhere2'))).toBe(false);
  });

  it('refuses a folder under a file', () => {
    const f = join(tmp.dir, 'plain.txt');
    writeFileSync(f, 'x');
    expect(expectUsageError(quick(['compare', '--scenario', 'classroom', '--out', join(f, 'out')]))).toMatch(/--out: .* is a file, expected a folder/);
  });

  it.skipIf(process.getuid?.() === 0)('refuses a folder under a read-only folder', () => {
    const ro = join(tmp.dir, 'ro');
    mkdirSync(ro, { mode: 0o555 });
    expect(expectUsageError(quick(['compare', '--scenario', 'classroom', '--out', join(ro, 'out')]))).toMatch(/cannot be written/);
  });
});
