/** The standard output tables of a set of runs as tidy rows, and CSV text; browser-safe (the CLI and the page share them). */
import { timeSeriesRows, type RunResult } from './ensemble.ts';
import { EVENT_FIELDS, type JourneyEvent } from './events.ts';
import { eventLine, type ServiceLabels } from './journey-text.ts';
import { metricEntries } from './metrics.ts';

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
      for (const [metric, v] of metricEntries(summary)) yield [r.replicate, r.policy, group, metric, v];
    }
  }
}

/** The events table's columns: who and when, the English sentence, then the event's data fields (sim/events EVENT_FIELDS). */
export const EVENT_COLUMNS = ['policy', 'replicate', 'persona', 'week', 'kind', 'text', ...EVENT_FIELDS] as const;

/** One data field of an event as a cell: empty when the field does not apply to its kind; true/false; rights joined by `;` (`none` for none). */
function fieldCell(e: JourneyEvent, f: (typeof EVENT_FIELDS)[number]): Cell {
  const v = (e as Partial<Record<string, unknown>>)[f];
  if (v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (Array.isArray(v)) return v.length ? v.join(';') : 'none';
  return v as Cell;
}

/** The personas' journeys, one row per event (EVENT_COLUMNS); `s` gives the services' labels for the `text` column. */
export function* eventRows(runs: RunResult[], s: ServiceLabels): Generator<Cell[]> {
  for (const r of runs) {
    for (const j of r.journeys) {
      for (const e of j.events) yield [r.policy, r.replicate, j.name, e.week, e.kind, eventLine(e, s, 'en'), ...EVENT_FIELDS.map((f) => fieldCell(e, f))];
    }
  }
}

/** The standard tables of a set of runs of scenario `s` (its services name the services in the events' text). */
export function runTables(runs: RunResult[], s: ServiceLabels): Table[] {
  return [
    { name: 'summary', columns: ['replicate', 'policy', 'group', 'metric', 'value'], rows: summaryRows(runs) },
    { name: 'timeseries', columns: ['week', 'replicate', 'policy', 'group', 'metric', 'value'], rows: (function* () { for (const r of runs) yield* timeSeriesRows(r); })() },
    { name: 'events', columns: [...EVENT_COLUMNS], rows: eventRows(runs, s) },
  ];
}

/** Text that a spreadsheet would read as a formula (OWASP CSV injection): it starts with =, +, -, @, tab or carriage return. */
const FORMULA = /^[=+\-@\t\r]/;

/**
 * One CSV cell: a number as JavaScript writes it (empty when not finite;
 * negative numbers stay numbers), text quoted when it holds a quote, comma or
 * line break. Text that a spreadsheet would run as a formula gets a leading
 * single quote, as OWASP recommends, so `=HYPERLINK(...)` in a persona's name
 * stays text. Every CSV the project writes goes through this.
 */
export function csvCell(v: Cell): string {
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const text = FORMULA.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
/** One CSV line (without its newline). */
export const csvRow = (cells: readonly Cell[]): string => cells.map(csvCell).join(',');
export const jsonCell = (v: Cell) => (typeof v === 'number' && !Number.isFinite(v) ? 'null' : JSON.stringify(v));

/** A table as CSV text (header line, then one line per row). */
export function tableCsv(t: Table): string {
  const lines = [csvRow(t.columns)];
  for (const row of t.rows) lines.push(csvRow(row));
  return lines.join('\n') + '\n';
}
