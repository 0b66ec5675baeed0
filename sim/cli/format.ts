/** Readable terminal output: aligned metric tables and the personas' journeys. */
import type { EstimateTable, MetricEstimate, RunResult } from '../ensemble.ts';
import { alignTable, intervalText, wrapText } from '../format.ts';
import { eventLine } from '../journey-text.ts';
import { formatMetric, METRICS, metricKeyText, type MetricName } from '../metrics.ts';
import type { Scenario } from '../scenario.ts';

/** A schema doc string as plain text (without Markdown code marks), for --help. */
export const plain = (s: string) => s.replace(/`/g, '');

/** Wrap a paragraph at `width` columns, each line indented (`wrapText` of sim/format.ts). */
export const wrap = (text: string, indent = '  ', width = 100): string => wrapText(text, width - indent.length).map((l) => indent + l).join('\n');

/** A file format for --help: one row per field, its name in a column and its doc wrapped beside it. */
export function fieldLines(rows: [string, string][]): string[] {
  const w = Math.max(...rows.map((r) => r[0].length));
  return rows.map(([k, d]) => wrap(d, ' '.repeat(w + 4)).replace(/^ +/, `  ${k.padEnd(w)}  `));
}

/** Write a line (or lines) to stdout, ending with a newline. */
export const print = (s: string) => process.stdout.write(s.endsWith('\n') ? s : s + '\n');

/** Journey events shown per persona on the terminal (all of them go to the events file). */
export const JOURNEY_LINES = 15;

/** A mean with its interval, as the metric table says to write the metric (plain: shares as fractions). */
export const estimateCell = (m: MetricName, mean: number, lo: number, hi: number) => {
  const f = (v: number) => formatMetric(m, v, { plain: true });
  return `${f(mean)} ${intervalText(f(lo), f(hi))}`;
};

/** One row per metric of `names` (default: all; arrays by year as `metric.1`, ...): the metric's name and a cell per table. */
export function metricRows(tables: EstimateTable[], names: readonly MetricName[] = METRICS): string[][] {
  const rows: string[][] = [];
  for (const m of names) {
    const ests: MetricEstimate[] = tables.map((t) => t[m]);
    const first = ests[0].mean;
    if (Array.isArray(first)) {
      for (let y = 0; y < first.length; y++) {
        rows.push([metricKeyText({ name: m, year: y + 1 }), ...ests.map((e) => {
          const { mean, ci95 } = e as { mean: number[]; ci95: [number[], number[]] };
          return estimateCell(m, mean[y], ci95[0][y], ci95[1][y]);
        })]);
      }
    } else {
      rows.push([m, ...ests.map((e) => {
        const { mean, ci95 } = e as { mean: number; ci95: [number, number] };
        return estimateCell(m, mean, ci95[0], ci95[1]);
      })]);
    }
  }
  return rows;
}

/** Align columns: the first left-aligned, the others right-aligned, with a rule under the header (sim/format.ts). */
export { alignTable };

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
