/** The standard output tables of a set of runs as tidy rows, and CSV text; browser-safe (the CLI and the page share them). */
import { timeSeriesRows, type RunResult } from './ensemble.ts';
import { METRICS } from './metrics.ts';

export type Cell = string | number;
export interface Table {
  /** File name without extension. */
  name: string;
  columns: string[];
  rows: Iterable<Cell[]>;
}
export type Format = 'csv' | 'json';

/** Tidy summary rows: replicate, policy, group, metric, value (arrays expanded to `metric.1`, `metric.2`, ...). */
export function* summaryRows(runs: RunResult[]): Generator<Cell[]> {
  for (const r of runs) {
    for (const [group, summary] of Object.entries(r.summary)) {
      for (const m of METRICS) {
        const v = summary[m];
        if (Array.isArray(v)) for (let y = 0; y < v.length; y++) yield [r.replicate, r.policy, group, `${m}.${y + 1}`, v[y]];
        else yield [r.replicate, r.policy, group, m, v];
      }
    }
  }
}

/** The personas' journeys: policy, replicate, persona, week, kind, text. */
export function* eventRows(runs: RunResult[]): Generator<Cell[]> {
  for (const r of runs) for (const j of r.journeys) for (const e of j.events) yield [r.policy, r.replicate, j.name, e.week, e.kind, e.text];
}

/** The standard tables of a set of runs. */
export function runTables(runs: RunResult[]): Table[] {
  return [
    { name: 'summary', columns: ['replicate', 'policy', 'group', 'metric', 'value'], rows: summaryRows(runs) },
    { name: 'timeseries', columns: ['week', 'replicate', 'policy', 'group', 'metric', 'value'], rows: (function* () { for (const r of runs) yield* timeSeriesRows(r); })() },
    { name: 'events', columns: ['policy', 'replicate', 'persona', 'week', 'kind', 'text'], rows: eventRows(runs) },
  ];
}

export const csvCell = (v: Cell) =>
  typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
export const jsonCell = (v: Cell) => (typeof v === 'number' && !Number.isFinite(v) ? 'null' : JSON.stringify(v));

/** A table as CSV text (header line, then one line per row). */
export function tableCsv(t: Table): string {
  const lines = [t.columns.join(',')];
  for (const row of t.rows) lines.push(row.map(csvCell).join(','));
  return lines.join('\n') + '\n';
}
