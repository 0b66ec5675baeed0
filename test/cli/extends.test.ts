/** CLI: scenario files that extend another (validate, run, compare), and the refusal of a partial catalogue. */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectUsageError, pathways, ROOT, tempDir, writeJson } from './helpers.ts';

const tmp = tempDir();
afterAll(tmp.cleanup);
beforeAll(() => {
  // Builds the bundle if needed, so the tests below do not all wait for it.
  expect(pathways(['--version']).stdout).toMatch(/^pathways \d+\.\d+\.\d+/);
});

const file = (name: string, value: unknown) => writeJson(join(tmp.dir, name), value);
const SMALL = ['--agents', '200', '--weeks', '26', '--replications', '2', '--seed', '3'];

describe('pathways validate of a file that extends', () => {
  it('says what it extends and which values it changes', () => {
    const r = pathways(['validate', file('caseload.json', { extends: 'mixed-office', office: { caseload: 40 } })]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('ok: mixed-office (extends mixed-office; 7 groups, 11 services, policies: standardised, personalised)\nchanges against mixed-office: office.caseload\n');
  });

  it('extends another file by a path relative to the extending file', () => {
    mkdirSync(join(tmp.dir, 'sub'), { recursive: true });
    file('sub/base.json', { extends: 'vulnerable-youth', name: 'my-youth', office: { caseload: 30 } });
    const top = file('sub/top.json', { extends: './base.json', services: [{ id: 'workGroup', remove: true }] });
    const r = pathways(['validate', top]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('ok: my-youth (extends ./base.json; 2 groups, 10 services, policies: standardised, personalised, rotating-advisors, same-advisor)\nchanges against ./base.json: services\n');
  });

  it('bad input is one line naming the field as the file spells it', () => {
    expect(expectUsageError(pathways(['validate', file('typo.json', { extends: 'mixed-office', office: { casload: 40 } })])))
      .toMatch(/^pathways: scenario .*typo\.json: office\.casload: is not a known field; known fields here: advisorsPer1000, caseload,/);
    expect(expectUsageError(pathways(['validate', file('unknown.json', { extends: 'mixed-ofice' })])))
      .toMatch(/: extends: "mixed-ofice" is not a shipped scenario \(did you mean mixed-office\?\); shipped: mixed-office, resourceful-immigrants, vulnerable-youth, classroom; to extend a file, give its path/);
    expect(expectUsageError(pathways(['validate', file('missing.json', { extends: './nope.json' })])))
      .toMatch(/: extends: "\.\/nope\.json" cannot be read: scenario file .*nope\.json: not found$/);
    file('a.json', { extends: 'b.json' });
    expect(expectUsageError(pathways(['validate', file('b.json', { extends: 'a.json' })]))).toMatch(/: extends: "b\.json" leads to a cycle: .*b\.json extends .*a\.json extends .*b\.json$/);
  });
});

describe('the catalogue rule on the command line', () => {
  const own = { name: 'one-service', groups: [{ name: 'a', share: 1, route: 'native' }], services: [{ id: 'careerGuidance', type: 'careerGuidance', term: 'long', weeks: 26 }] };

  it('a file that lists services without extends is refused, saying how to extend or replace', () => {
    const line = expectUsageError(pathways(['validate', file('partial.json', own)]));
    expect(line).toMatch(/: services: lists 1 service, which would replace the whole default catalogue \(11 services: jobSearchCourse, .*\); to change or add services of the default catalogue, write "extends": "<a shipped scenario>" \(mixed-office, .*\) and list only the services that change, by id; to replace the whole catalogue, add "replaceServices": true$/);
    expectUsageError(pathways(['run', '--scenario', join(tmp.dir, 'partial.json'), '--policy', 'standardised', ...SMALL]));
  });

  it('with "replaceServices": true it runs the one service', () => {
    const r = pathways(['validate', file('whole.json', { ...own, replaceServices: true })]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('ok: one-service (1 groups, 1 services, policies: standardised, personalised)\n');
  });
});

describe('pathways run and compare of a file that extends', () => {
  it('run --json lists the changes against the base', () => {
    const r = pathways(['run', '--scenario', file('run.json', { extends: 'classroom', office: { caseload: 40 } }), '--policy', 'standardised', ...SMALL, '--json']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { scenario: string; changes: Record<string, unknown> };
    expect(out.scenario).toBe('classroom');
    expect(out.changes).toEqual({ agents: 200, weeks: 26, replications: 2, seed: 3, 'office.caseload': 40 });
  });

  it('gives the same numbers (and changes) as the same change made in a full copy', () => {
    const full = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'mixed-office.json'), 'utf8')) as Record<string, unknown> & { office?: Record<string, unknown> };
    delete full.$schema;
    full.office = { ...full.office, caseload: 40 };
    const copy = pathways(['compare', '--scenario', file('copy.json', full), ...SMALL, '--json']);
    const extension = pathways(['compare', '--scenario', file('extension.json', { extends: 'mixed-office', office: { caseload: 40 } }), ...SMALL, '--json']);
    expect(copy.status).toBe(0);
    expect(extension.status).toBe(0);
    const a = JSON.parse(copy.stdout) as { changes: Record<string, unknown> };
    expect(a.changes['office.caseload']).toBe(40);
    expect(JSON.parse(extension.stdout)).toEqual(a);
  });
});
