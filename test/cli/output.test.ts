/** CLI: run and compare output (tables, JSON, files) and determinism. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHIPPED } from '../../scenarios/index.ts';
import { METRIC_TABLE, METRICS } from '../../sim/metrics.ts';
import { EVENT_COLUMNS } from '../../sim/tables.ts';
import { pathways, tempDir } from './helpers.ts';

const tmp = tempDir();
afterAll(tmp.cleanup);
beforeAll(() => {
  expect(pathways(['--version']).status).toBe(0);
});

const SMALL = ['--agents', '300', '--weeks', '60', '--replications', '3'];
const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');

/** Minimal CSV reader (quoted cells with "" escapes), enough to check our own files. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  const re = /("(?:[^"]|"")*"|[^,\n]*)(,|\n)/g;
  let row: string[] = [];
  for (let m = re.exec(text); m && m[0] !== ''; m = re.exec(text)) {
    row.push(m[1].startsWith('"') ? m[1].slice(1, -1).replace(/""/g, '"') : m[1]);
    if (m[2] === '\n') {
      rows.push(row);
      row = [];
    }
  }
  return rows;
}

type Est = { mean: number | number[]; ci95: [unknown, unknown] };
function expectMetrics(table: Record<string, Est>, years: number) {
  for (const m of METRICS) {
    expect(table[m], m).toBeDefined();
    if (METRIC_TABLE[m].byYear) {
      expect((table[m].mean as number[]).length).toBe(years);
      expect((table[m].ci95[0] as number[]).length).toBe(years);
    } else {
      expect(typeof table[m].mean, m).toBe('number');
      expect(table[m].ci95).toHaveLength(2);
    }
  }
}

describe('pathways run', () => {
  it('writes CSV files with the expected columns and prints the journeys', () => {
    const out = join(tmp.dir, 'run-csv');
    const r = pathways(['run', '--scenario', 'classroom', '--policy', 'personalised', '--agents', '300', '--weeks', '60', '--replications', '2', '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^employedShare\s+\d\.\d{3} \[/m);
    expect(r.stdout).toMatch(/week 1: registered as a jobseeker/);
    const summary = parseCsv(read(out, 'summary.csv'));
    expect(summary[0]).toEqual(['replicate', 'policy', 'group', 'metric', 'value']);
    const metrics = new Set(summary.slice(1).map((row) => row[3]));
    for (const m of METRICS) if (!METRIC_TABLE[m].byYear) expect(metrics.has(m), m).toBe(true);
    expect(metrics.has('employedShareByYear.1')).toBe(true);
    expect(summary.slice(1).every((row) => row.length === 5 && Number.isFinite(Number(row[4])))).toBe(true);
    const ts = parseCsv(read(out, 'timeseries.csv'));
    expect(ts[0]).toEqual(['week', 'replicate', 'policy', 'group', 'metric', 'value']);
    expect(new Set(ts.slice(1).map((row) => row[0])).size).toBe(60);
    const events = parseCsv(read(out, 'events.csv'));
    expect(events[0]).toEqual([...EVENT_COLUMNS]);
    expect(events[0].slice(0, 6)).toEqual(['policy', 'replicate', 'persona', 'week', 'kind', 'text']); // the columns before the data fields, as they always were
    expect(events.slice(1).every((row) => row.length === EVENT_COLUMNS.length && row[0] === 'personalised')).toBe(true);
    expect(events.slice(1).some((row) => /^week \d+: registered as a jobseeker/.test(row[5]))).toBe(true);
    // a started service names its service id and whether its level fits; every other row leaves those cells empty
    const fit = EVENT_COLUMNS.indexOf('fit'), service = EVENT_COLUMNS.indexOf('service');
    const started = events.slice(1).filter((row) => row[4] === 'started');
    expect(started.length).toBeGreaterThan(0);
    expect(started.every((row) => ['true', 'false'].includes(row[fit]) && row[service] !== '')).toBe(true);
    expect(events.slice(1).filter((row) => row[4] !== 'started').every((row) => row[fit] === '')).toBe(true);
    expect(new Set(events.slice(1).map((row) => row[2])).size).toBe((SHIPPED.classroom as { personas: unknown[] }).personas.length);
  });

  it('writes JSON files with --format json', () => {
    const out = join(tmp.dir, 'run-json');
    const r = pathways(['run', '--scenario', 'classroom', '--policy', 'standardised', '--agents', '300', '--weeks', '30', '--replications', '1', '--out', out, '--format', 'json', '--json']);
    expect(r.status).toBe(0);
    expectMetrics(JSON.parse(r.stdout).summary, 0);
    const summary = JSON.parse(read(out, 'summary.json'));
    expect(Object.keys(summary[0])).toEqual(['replicate', 'policy', 'group', 'metric', 'value']);
    expect(Object.keys(JSON.parse(read(out, 'timeseries.json'))[0])).toEqual(['week', 'replicate', 'policy', 'group', 'metric', 'value']);
    expect(Object.keys(JSON.parse(read(out, 'events.json'))[0])).toEqual([...EVENT_COLUMNS]);
  });
});

describe('pathways compare --json', () => {
  const outputs: Record<string, string> = {};
  it.each(Object.keys(SHIPPED))('prints one JSON object with every metric for %s', (name) => {
    const r = pathways(['compare', '--scenario', name, ...SMALL, '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    outputs[name] = r.stdout;
    const res = JSON.parse(r.stdout);
    expect(res).toMatchObject({ scenario: name, weeks: 60, agents: 300, replications: 3 });
    const policies = Object.keys(res.policies);
    expect(policies).toHaveLength(2);
    for (const p of policies) {
      expectMetrics(res.policies[p].summary, 1);
      const groups = Object.values(res.policies[p].byGroup) as Record<string, Est>[];
      expect(groups.length).toBeGreaterThan(0);
      for (const g of groups) expectMetrics(g, 1);
    }
    expectMetrics(res.difference, 1);
    const diff = res.difference.employedShare.mean;
    expect(diff).toBeCloseTo(res.policies[policies[1]].summary.employedShare.mean - res.policies[policies[0]].summary.employedShare.mean, 12);
  });

  it('is deterministic: the same command gives the same bytes, another seed differs', () => {
    const again = pathways(['compare', '--scenario', 'classroom', ...SMALL, '--json']).stdout;
    expect(again).toBe(outputs.classroom ?? pathways(['compare', '--scenario', 'classroom', ...SMALL, '--json']).stdout);
    const other = pathways(['compare', '--scenario', 'classroom', ...SMALL, '--json', '--seed', '7']).stdout;
    expect(JSON.parse(other).seed).toBe(7);
    expect(other).not.toBe(again);
  });

  it('prints an aligned table and writes compare.json with --out', () => {
    const out = join(tmp.dir, 'compare');
    const r = pathways(['compare', '--scenario', 'classroom', ...SMALL, '--policies', 'personalised,standardised', '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^metric\s+personalised\s+standardised\s+difference standardised - personalised$/m);
    for (const m of METRICS.filter((x) => !METRIC_TABLE[x].byYear)) expect(r.stdout).toMatch(new RegExp(`^${m}\\s`, 'm'));
    expect(JSON.parse(read(out, 'compare.json')).differenceOf).toEqual(['personalised', 'standardised']);
    expect(read(out, 'summary.csv').split('\n')[0]).toBe('replicate,policy,group,metric,value');
  });
});
