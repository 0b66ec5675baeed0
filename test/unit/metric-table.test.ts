// @vitest-environment jsdom
/**
 * One table of metrics (sim/metrics.ts): every metric has all its table data;
 * `NAME` and `NAME.K` are parsed, written and read one way; the page, the
 * notebooks' lib and the CLI hold no list or kind of metrics of their own
 * (a source scan); and the page writes every metric as the table says.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EstimateTable } from '../../sim/ensemble.ts';
import { fixed, percent } from '../../sim/format.ts';
import {
  BY_YEAR_METRICS, formatMetric, METRIC_TABLE, metricEntries, metricKeyLabel, type MetricInfo, metricKeyText, METRICS, metricValue, parseMetricKey, type MetricName, type ParseMetricOptions, type Summary,
} from '../../sim/metrics.ts';
import type { PageData } from '../../viz/data.ts';
import { GROUP_METRICS } from '../../viz/data.ts';
import { LANGS } from '../../viz/i18n.ts';
import { headlineTable } from '../../viz/results.ts';
import { HEADLINE_METRICS, metricText } from '../../viz/text.ts';
import { diffUnit, isShare } from '../../notebooks/lib/hypotheses.ts';

/** The repository (vitest runs from it; import.meta.url is not a file URL under jsdom). */
const ROOT = process.cwd();

describe('the metric table', () => {
  it('gives every metric a label, doc and unit in both languages, a kind, decimals and a direction', () => {
    expect(METRICS.length).toBeGreaterThan(0);
    for (const m of METRICS) {
      const e = METRIC_TABLE[m];
      for (const field of ['label', 'doc', 'unit'] as const) {
        for (const lang of LANGS) expect(e[field][lang]?.trim(), `${m}.${field}.${lang}`).toBeTruthy();
      }
      expect(['share', 'count', 'weeks', 'money'], `${m}.kind`).toContain(e.kind);
      expect(['higher', 'lower', 'neither'], `${m}.better`).toContain(e.better);
      expect(typeof e.byYear, `${m}.byYear`).toBe('boolean');
      expect(Number.isInteger(e.decimals) && e.decimals >= 0 && e.decimals <= 4, `${m}.decimals = ${e.decimals}`).toBe(true);
      if (e.kind === 'money') expect(e.decimals, `${m}: money is written in whole kroner`).toBe(0);
      expect(e.doc.en.endsWith('.') && e.doc.nb.endsWith('.'), `${m}: a doc is a sentence`).toBe(true);
      // a metric by year labels one year's value too (NAME.K)
      const yearLabel = (e as MetricInfo).yearLabel;
      if (e.byYear) for (const lang of LANGS) expect(yearLabel?.[lang], `${m}.yearLabel.${lang}`).toContain('{year}');
      else expect(yearLabel, `${m}: yearLabel is for metrics by year`).toBeUndefined();
    }
    expect(metricKeyLabel({ name: 'employedShareByYear', year: 2 }, 'en')).toBe('In work at the end of year 2');
    expect(metricKeyLabel({ name: 'employedShareByYear', year: 5 }, 'nb')).toBe('I arbeid ved slutten av år 5');
    expect(metricKeyLabel({ name: 'employedShare' }, 'nb')).toBe(METRIC_TABLE.employedShare.label.nb);
    // labels tell the metrics apart in a menu or a table
    for (const lang of LANGS) expect(new Set(METRICS.map((m) => METRIC_TABLE[m].label[lang])).size, lang).toBe(METRICS.length);
  });

  it('names, parses and reads NAME and NAME.K one way', () => {
    for (const m of METRICS) {
      const year = METRIC_TABLE[m].byYear ? 2 : undefined;
      const text = metricKeyText({ name: m, year });
      expect(parseMetricKey(text)).toEqual(year === undefined ? { name: m } : { name: m, year });
    }
    expect(BY_YEAR_METRICS).toEqual(['employedShareByYear']);
    expect(parseMetricKey('employedShareByYear.3')).toEqual({ name: 'employedShareByYear', year: 3 });
    expect(parseMetricKey('employedShareByYear', { allYears: true })).toEqual({ name: 'employedShareByYear' });
    const error = (text: string, opts: ParseMetricOptions = {}) => (parseMetricKey(text, opts) as { error: string }).error;
    expect(error('happiness')).toMatch(/^"happiness" is not a metric; expected one of employedShare, employedShareByYear, /);
    expect(error('employedShar', { hint: () => ' (did you mean employedShare?)' })).toMatch(/^"employedShar" is not a metric \(did you mean employedShare\?\);/);
    expect(error('employedShareByYear')).toMatch(/is a metric by year: give the year after a dot/);
    expect(error('employedShare.2')).toMatch(/employedShare is a single number, not a metric by year/);
    expect(error('employedShareByYear.0')).toMatch(/years start at 1/);
    expect(error('employedShareByYear.x')).toMatch(/must be a whole number/);
    expect(error('employedShareByYear.01')).toMatch(/must be a whole number/);
    expect(error('employedShareByYear.3', { weeks: 104 })).toBe('"employedShareByYear.3" is not allowed; a run of 104 weeks has 2 whole years, so the year must be 1 to 2');
    expect(error('employedShareByYear.1', { weeks: 40 })).toBe('"employedShareByYear.1" is not allowed; a run of 40 weeks has no whole years');
    const summary = { employedShare: 0.5, employedShareByYear: [0.25, 0.5] } as unknown as Summary;
    expect(metricValue(summary, { name: 'employedShareByYear', year: 2 })).toBe(0.5);
    expect(metricValue(summary, { name: 'employedShareByYear', year: 3 })).toBeNaN();
    expect(metricValue(summary, { name: 'employedShare' })).toBe(0.5);
    expect([...metricEntries(summary, ['employedShare', 'employedShareByYear'])]).toEqual([
      ['employedShare', 0.5], ['employedShareByYear.1', 0.25], ['employedShareByYear.2', 0.5],
    ]);
  });

  it('writes a value by its kind and decimals', () => {
    expect(formatMetric('employedShare', 0.40372)).toBe('40.4%');
    expect(formatMetric('employedShare', -0.0123, { difference: true, typographic: true })).toBe('−1.2 pp');
    expect(formatMetric('employedShare', 0.0123, { difference: true, lang: 'nb' })).toBe('+1,2 p.p.');
    expect(formatMetric('employedShare', 0.40372, { plain: true })).toBe('0.404');
    expect(formatMetric('costPerPerson', 44512.4)).toBe('44,512');
    expect(formatMetric('costPerPerson', 44512.4, { lang: 'nb' })).toBe('44\u00a0512');
    expect(formatMetric('costPerPerson', 44512.4, { plain: true })).toBe('44512');
    expect(formatMetric('medianWeeksToFirstJob', 33.25)).toBe('33.3');
    expect(formatMetric('rejectionsPerPerson', 2.156)).toBe('2.16');
    expect(formatMetric('rejectionsPerPerson', -0.001, { difference: true })).toBe('0.00');
  });
});

// ---------------------------------------------------------------------------
// No other list or kind of metrics

/** TypeScript and HTML files under `dir` (relative to the repository), recursively. */
function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...sources(p));
    else if (/\.(ts|html)$/.test(e.name)) out.push(p);
  }
  return out;
}

/** The places that must read the table: the page, the notebooks' lib, the CLI, and the rest of the core. */
const SCANNED = [...sources('viz'), ...sources('notebooks/lib'), ...sources('sim')].filter((p) => p !== join('sim', 'metrics.ts'));
const NAMES = METRICS.join('|');

describe('no copies of the metric table', () => {
  it('scans the page, the notebooks’ lib and the CLI', () => {
    expect(SCANNED).toContain(join('viz', 'text.ts'));
    expect(SCANNED).toContain(join('notebooks', 'lib', 'hypotheses.ts'));
    expect(SCANNED).toContain(join('sim', 'cli', 'format.ts'));
  });

  it('no set or map of metric kinds, decimals, units or labels outside sim/metrics.ts', () => {
    const found: string[] = [];
    const rules: [string, RegExp][] = [
      // the names the old copies had
      ['a copy of a metric property', /\b(SHARES|SHARE_METRICS|DECIMALS|HEADLINE_FORMAT|UNITS|ARRAY_METRICS|METRIC_DOCS)\b/],
      // a metric mapped to a kind, a number of decimals or a text: `costPerPerson: 'money'`, `employedShare: { title: ...`, `rejectionsPerPerson: 2,`
      // (a sum starting at 0 is no property)
      ['a metric mapped to a property', new RegExp(`\\b(${NAMES})\\s*:\\s*(['"\`{]|[1-9]\\d*\\s*[,}])`)],
      // a set of metrics (which are shares, which are by year, ...)
      ['a set of metrics', new RegExp(`new Set(<[^>]*>)?\\(\\[\\s*['"](${NAMES})['"]`)],
      // a metric by year recognised by its name rather than by the table
      ['a metric by year by name', /(===|!==)\s*'employedShareByYear'|'employedShareByYear'\s*(===|!==)/],
      // NAME.K parsed by hand
      ['NAME.K parsed by hand', /metric\w*\.split\('\.'\)|\.split\('\.'\)\s*as\s*\[MetricName/],
    ];
    for (const file of SCANNED) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      text.split('\n').forEach((line, i) => {
        for (const [what, re] of rules) if (re.test(line)) found.push(`${relative(ROOT, join(ROOT, file))}:${i + 1}: ${what}: ${line.trim()}`);
      });
    }
    expect(found, 'read these from METRIC_TABLE (sim/metrics.ts) instead').toEqual([]);
  });

  it('lists of which metrics a view shows name metrics of the table, and take everything else from it', () => {
    // (the notebooks' own choices are checked by test/notebooks-lib.test.ts)
    for (const list of [HEADLINE_METRICS, GROUP_METRICS]) for (const m of list) expect(METRICS).toContain(m);
    for (const m of METRICS) {
      expect(isShare(metricKeyText({ name: m, year: METRIC_TABLE[m].byYear ? 1 : undefined })), m).toBe(METRIC_TABLE[m].kind === 'share');
      expect(diffUnit(m)).toBe(METRIC_TABLE[m].kind === 'share' ? 'pp' : METRIC_TABLE[m].unit.en);
    }
  });
});

// ---------------------------------------------------------------------------
// The page writes every metric as the table says

/** What the table says a value looks like on the page, written out independently of formatMetric. */
function expected(m: MetricName, v: number, lang: 'en' | 'nb', difference: boolean): string {
  const e = METRIC_TABLE[m];
  const style = { lang, typographic: true, signed: difference };
  if (e.kind === 'share') return difference ? `${fixed(v * 100, e.decimals, style)} ${lang === 'nb' ? 'p.p.' : 'pp'}` : percent(v, e.decimals, style);
  return fixed(v, e.decimals, { ...style, grouped: e.kind === 'money' });
}

describe('the page follows the table', () => {
  const values = [0.40372, -0.01234, 12345.6789, 0];

  it('metricText writes every metric in both languages with the table’s kind and decimals', () => {
    for (const m of METRICS) {
      for (const lang of LANGS) {
        for (const v of values) {
          expect(metricText(m, v, lang), `${m} ${v} ${lang}`).toBe(expected(m, v, lang, false));
          expect(metricText(m, v, lang, { difference: true }), `${m} ${v} ${lang} (difference)`).toBe(expected(m, v, lang, true));
        }
      }
      const e = METRIC_TABLE[m];
      const decimals = (metricText(m, 0.123456, 'en').match(/\.(\d+)/)?.[1] ?? '').length;
      expect(decimals, `${m}: decimals on the page`).toBe(e.decimals);
    }
  });

  it('the key results table labels and writes each of its metrics from the table', () => {
    const est = (v: number) => ({ mean: v, ci95: [v - 0.01, v + 0.01] as [number, number] });
    const table = Object.fromEntries(METRICS.map((m) => [m, METRIC_TABLE[m].byYear ? { mean: [0.3], ci95: [[0.29], [0.31]] } : est(0.4321)])) as EstimateTable;
    const data = {
      meta: { policies: ['a', 'b'], policyLabels: ['A', 'B'], replications: 3 },
      compare: { policies: { a: { summary: table }, b: { summary: table } }, difference: table },
    } as unknown as PageData;
    for (const lang of LANGS) {
      const el = headlineTable(data, lang);
      const rows = [...el.querySelectorAll('tbody tr')];
      expect(rows.map((r) => r.getAttribute('data-metric'))).toEqual([...HEADLINE_METRICS]);
      for (const r of rows) {
        const m = r.getAttribute('data-metric') as MetricName;
        expect(r.querySelector('th')?.textContent).toBe(METRIC_TABLE[m].label[lang]);
        expect(r.querySelector('th')?.getAttribute('title')).toBe(METRIC_TABLE[m].doc[lang]);
        const cells = [...r.querySelectorAll('td')].map((td) => td.textContent);
        const f = (v: number, d: boolean) => expected(m, v, lang, d);
        // in bokmål the comma is the decimal mark, so the interval's ends are set apart by a semicolon
        const sep = lang === 'nb' ? '; ' : ', ';
        expect(cells[0]).toBe(`${f(0.4321, false)} [${f(0.4221, false)}${sep}${f(0.4421, false)}]`);
        expect(cells[2]).toBe(`${f(0.4321, true)} [${f(0.4221, true)}${sep}${f(0.4421, true)}]`);
      }
    }
  });
});
