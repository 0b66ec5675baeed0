/** Readable terminal output: aligned metric tables and the personas' journeys. */
import type { EstimateTable, MetricEstimate, RunResult } from '../ensemble.ts';
import { eventLine } from '../journey-text.ts';
import { METRICS, type MetricName } from '../metrics.ts';
import type { Scenario } from '../scenario.ts';

/** Write a line (or lines) to stdout, ending with a newline. */
export const print = (s: string) => process.stdout.write(s.endsWith('\n') ? s : s + '\n');

/** Journey events shown per persona on the terminal (all of them go to the events file). */
export const JOURNEY_LINES = 15;

const DECIMALS: Partial<Record<MetricName, number>> = {
  costPerPerson: 0, medianWeeksToFirstJob: 1, weeksSearchingInfoPerPerson: 1, rejectionsPerPerson: 2, servicesPerPerson: 2,
};

function num(v: number, decimals: number): string {
  if (!Number.isFinite(v)) return 'n/a';
  const s = v.toFixed(decimals);
  return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
}

const cell = (mean: number, lo: number, hi: number, d: number) => `${num(mean, d)} [${num(lo, d)}, ${num(hi, d)}]`;

/** One row per metric (arrays by year as `metric.1`, ...): the metric's name and a cell per table. */
export function metricRows(tables: EstimateTable[]): string[][] {
  const rows: string[][] = [];
  for (const m of METRICS) {
    const d = DECIMALS[m] ?? 3;
    const ests: MetricEstimate[] = tables.map((t) => t[m]);
    const first = ests[0].mean;
    if (Array.isArray(first)) {
      for (let y = 0; y < first.length; y++) {
        rows.push([`${m}.${y + 1}`, ...ests.map((e) => {
          const { mean, ci95 } = e as { mean: number[]; ci95: [number[], number[]] };
          return cell(mean[y], ci95[0][y], ci95[1][y], d);
        })]);
      }
    } else {
      rows.push([m, ...ests.map((e) => {
        const { mean, ci95 } = e as { mean: number; ci95: [number, number] };
        return cell(mean, ci95[0], ci95[1], d);
      })]);
    }
  }
  return rows;
}

/** Align columns: the first left-aligned, the others right-aligned, with a rule under the header. */
export function alignTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (r: string[]) => r.map((v, c) => (c === 0 ? v.padEnd(widths[c]) : v.padStart(widths[c]))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The personas' journeys of one run, each cut to `JOURNEY_LINES` events. */
export function journeysText(s: Scenario, run: RunResult, outHint: string): string {
  const out: string[] = [];
  run.journeys.forEach((j, i) => {
    const p = s.personas[i];
    out.push(`${j.name} (${p?.group ?? '?'})${p?.description ? `: ${p.description}` : ''}`);
    for (const e of j.events.slice(0, JOURNEY_LINES)) out.push(`  ${eventLine(e, s, 'en')}`);
    const more = j.events.length - JOURNEY_LINES;
    if (more > 0) out.push(`  ... ${more} more event${more === 1 ? '' : 's'} (${outHint})`);
    out.push('');
  });
  return out.join('\n');
}
