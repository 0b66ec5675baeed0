/**
 * notebooks/lib/calibration.ts, the layer of notebooks/calibration.html over
 * the shipped fits and the calibration folders: it parses trace.csv and
 * posterior.csv as `pathways calibrate` writes them, finds every folder of
 * scenarios/targets/calibrations/, gives the posterior's numbers as
 * sim/calibrate/abc.ts does (its weighted quantiles from `weightedQuantile`,
 * not a copy), splits the distance as the search computed it, and groups
 * targets so that no chart mixes units, in the notebook's language (bokmål
 * from the metric table's and the target files' own texts). The tests read whatever runs are
 * shipped, so they hold for the committed runs whichever they are.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import * as abc from '../sim/calibrate/abc.ts';
import { isDifference } from '../sim/calibrate/targets.ts';
import { formatMetric, METRIC_TABLE, parseMetricKey, type MetricKey } from '../sim/metrics.ts';
import {
  bestSoFar, boundsOf, calibrationRuns, credibleInterval, distanceParts, domainOf, FIT_NAMES, fitGroups, parsePosterior, parseTrace, posteriorSummary,
  quantityOf, readRun, reproduceCommand, SHIPPED_FITS, statementOf, stepName, targetText, unitOf, weightedHistogram, widthShare, type FitFile,
} from '../notebooks/lib/calibration.ts';

vi.mock('../sim/calibrate/abc.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../sim/calibrate/abc.ts')>();
  return { ...real, weightedQuantile: vi.fn(real.weightedQuantile) };
});

const ROOT = process.cwd();
const DIR = join(ROOT, 'scenarios', 'targets', 'calibrations');
const FOLDERS = existsSync(DIR) ? readdirSync(DIR).filter((f) => existsSync(join(DIR, f, 'fit.json'))).sort() : [];
const read = (folder: string, file: string) => readFileSync(join(DIR, folder, file), 'utf8');
const fitOf = (folder: string) => JSON.parse(read(folder, 'fit.json')) as FitFile;

describe('trace.csv', () => {
  it('parses the columns pathways calibrate writes: evaluation, start, iteration or generation, kind, parameters, distance, the fit targets’ means', () => {
    const t = parseTrace('evaluation,start,iteration,kind,a.b,c,distance,mean:x,mean:y\n1,1,0,initial,0.25,3,4.5,0.1,0.2\n2,1,0,initial,0.5,3,,0.3,\n3,1,1,reflect,0.4,2.5,1.25,0.2,0.4\n');
    expect(t.by).toBe('iteration');
    expect(t.parameters).toEqual(['a.b', 'c']);
    expect(t.targets).toEqual(['x', 'y']);
    expect(t.rows).toHaveLength(3);
    expect(t.rows[0]).toEqual({ evaluation: 1, start: 1, step: 0, kind: 'initial', point: [0.25, 3], distance: 4.5, means: [0.1, 0.2] });
    // an empty cell: the model gave no number (a distance counts as +∞, as the search counts it)
    expect(t.rows[1].distance).toBe(Infinity);
    expect(t.rows[1].means[1]).toBeNaN();
    expect(bestSoFar(t).map((b) => [b.best, b.improved])).toEqual([[4.5, true], [4.5, false], [1.25, true]]);
    expect(parseTrace('evaluation,start,generation,kind,p,distance\n1,1,0,proposal,0.5,2\n').by).toBe('generation');
  });

  it('refuses another header', () => {
    expect(() => parseTrace('evaluation,kind,p,distance\n1,initial,0.5,2\n')).toThrow(/header/);
    expect(() => parseTrace('evaluation,start,iteration,kind,p,distance,x\n1,1,0,initial,0.5,2,3\n')).toThrow(/mean:/);
  });

  it.each(FOLDERS)('%s: the parameters and fit targets of the plan, one row per evaluation, the best distance the calibration’s', (folder) => {
    const fit = fitOf(folder);
    const c = fit.calibration;
    const t = parseTrace(read(folder, 'trace.csv'));
    expect(t.parameters).toEqual(c.parameters.map((p) => p.name));
    expect(t.targets).toEqual(fit.targets.filter((x) => x.use === 'fit').map((x) => x.id));
    expect(t.rows).toHaveLength(c.evaluations);
    expect(t.rows.map((r) => r.evaluation)).toEqual(t.rows.map((_, i) => i + 1));
    expect(t.by).toBe(c.method === 'abc' ? 'generation' : 'iteration');
    if (c.method === 'nelder-mead') {
      // the calibrated point is the best point evaluated
      const best = t.rows.reduce((a, b) => (b.distance < a.distance ? b : a));
      expect(best.distance).toBe(c.distance);
      expect(bestSoFar(t).at(-1)!.best).toBe(c.distance);
      expect(t.rows[0].distance).toBe(c.startDistance);
      expect(t.rows[0].point).toEqual(c.parameters.map((p) => p.start));
    }
    if (existsSync(join(DIR, folder, 'calibration.json'))) {
      const plan = JSON.parse(read(folder, 'calibration.json'));
      expect(plan.targets.fit).toEqual(t.targets);
      expect(plan.method).toBe(c.method);
    }
  });
});

describe('posterior.csv', () => {
  const CSV = 'particle,generation,weight,distance,p,q\n1,2,0.5,1.5,0.1,10\n2,2,0.25,2,0.4,20\n3,2,0.25,1,1,30\n';

  it('parses particle, generation, weight, distance and the parameters', () => {
    const p = parsePosterior(CSV);
    expect(p.parameters).toEqual(['p', 'q']);
    expect(p.particles[0]).toEqual({ particle: 1, generation: 2, weight: 0.5, distance: 1.5, point: [0.1, 10] });
    expect(() => parsePosterior('particle,weight,distance,p\n1,1,1,1\n')).toThrow(/header/);
  });

  it('weighted intervals come from sim/calibrate/abc.ts weightedQuantile', () => {
    const p = parsePosterior(CSV);
    const wq = vi.mocked(abc.weightedQuantile);
    wq.mockClear();
    const ci = credibleInterval(p, 1, 0.5);
    expect(wq).toHaveBeenCalledTimes(2);
    expect(wq).toHaveBeenCalledWith([10, 20, 30], [0.5, 0.25, 0.25], 0.25);
    expect(ci).toEqual([abc.weightedQuantile([10, 20, 30], [0.5, 0.25, 0.25], 0.25), abc.weightedQuantile([10, 20, 30], [0.5, 0.25, 0.25], 0.75)]);
    // the summary is abc.ts's own (whose quantiles are weightedQuantile's)
    const s = posteriorSummary(p, [{ name: 'p', lo: 0, hi: 1 }, { name: 'q', lo: 0, hi: 40 }]);
    expect(s).toEqual(abc.summarise(p.particles, [{ name: 'p', lo: 0, hi: 1 }, { name: 'q', lo: 0, hi: 40 }]));
  });

  it('a weighted histogram over the prior’s range: weights that sum to 1, a value on the upper edge in the last bin, density = weight ÷ width', () => {
    const p = parsePosterior(CSV);
    const bins = weightedHistogram(p, 0, { lo: 0, hi: 1 }, 4);
    expect(bins.map((b) => b.weight)).toEqual([0.5, 0.25, 0, 0.25]);
    for (const b of bins) expect(b.density).toBeCloseTo(b.weight / 0.25, 12);
    expect(bins[0].x0).toBe(0);
    expect(bins[3].x1).toBe(1);
    // a posterior as wide as the prior: its 95% interval is the prior's
    expect(widthShare({ q025: 0.025, q975: 0.975 }, { lo: 0, hi: 1 })).toBeCloseTo(1, 12);
  });

  it.each(FOLDERS.filter((f) => existsSync(join(DIR, f, 'posterior.csv'))))('%s: the last population of fit.json, with its summary', (folder) => {
    const fit = fitOf(folder);
    const post = fit.calibration.posterior!;
    expect(post).not.toBeNull();
    const p = parsePosterior(read(folder, 'posterior.csv'));
    expect(p.parameters).toEqual(fit.calibration.parameters.map((x) => x.name));
    expect(p.particles).toHaveLength(post.size);
    expect(p.particles.reduce((s, x) => s + x.weight, 0)).toBeCloseTo(1, 9);
    const s = posteriorSummary(p, boundsOf({ fit }));
    expect(s.ess).toBeCloseTo(post.ess, 9);
    s.parameters.forEach((q, i) => {
      const want = post.parameters[i];
      expect(q.name).toBe(want.name);
      for (const k of ['mean', 'sd', 'q025', 'median', 'q975'] as const) expect(q[k], `${q.name} ${k}`).toBeCloseTo(want[k], 9);
      const [lo, hi] = credibleInterval(p, i);
      expect(lo).toBeCloseTo(want.q025, 9);
      expect(hi).toBeCloseTo(want.q975, 9);
    });
    // the calibrated point is the particle with the smallest distance
    const top = p.particles.reduce((a, b) => (b.distance < a.distance ? b : a));
    expect(top.distance).toBe(fit.calibration.distance);
    expect(top.point).toEqual(fit.calibration.parameters.map((x) => x.value));
  });
});

describe('the calibration folders', () => {
  it('finds every folder of scenarios/targets/calibrations/ with a fit.json (import.meta.glob)', () => {
    const runs = calibrationRuns();
    expect(runs.map((r) => r.name)).toEqual(FOLDERS);
    for (const r of runs) {
      expect(r.fit.calibration.parameters.length).toBeGreaterThan(0);
      expect(r.trace, r.name).toBeDefined();
      expect(Boolean(r.posterior), r.name).toBe(r.fit.calibration.method === 'abc');
      if (r.plan) {
        const cmd = reproduceCommand(r)!;
        expect(cmd.startsWith('npx pathways calibrate ')).toBe(true);
        expect(cmd).toContain(`--out out/calibration-${r.name}`);
        for (const p of r.fit.calibration.parameters) expect(cmd).toContain(`--vary ${p.name}=${p.lo}:${p.hi}`);
      }
    }
  });

  it('refuses a trace whose parameters are not the fit’s', () => {
    const fit = { calibration: { parameters: [{ name: 'a', lo: 0, hi: 1, start: 0.5, value: 0.5 }] } } as unknown as FitFile;
    expect(() => readRun('x', { fit, trace: 'evaluation,start,iteration,kind,b,distance\n1,1,0,initial,0.5,1\n' })).toThrow(/x\/trace\.csv: parameters b/);
  });

  it.each(FOLDERS)('%s: the distance split by target adds up to the calibration’s distance', (folder) => {
    const fit = fitOf(folder);
    const parts = distanceParts(fit);
    expect(parts.terms.map((t) => t.name)).toEqual(fit.targets.filter((t) => t.use === 'fit').map((t) => t.id));
    expect(parts.total).toBeCloseTo(fit.calibration.distance, 9);
  });
});

describe('the fit charts', () => {
  const keyOf = (metric: string) => parseMetricKey(metric) as MetricKey;

  it.each(FIT_NAMES)('%s: fit targets, then held out; one unit per chart; a domain that holds every band, value and mean', (name) => {
    const result = SHIPPED_FITS[name].result;
    const groups = fitGroups(result);
    expect(groups.flatMap((g) => g.targets).length).toBe(result.targets.length);
    const uses = groups.map((g) => g.use);
    expect(uses).toEqual([...uses].sort((a, b) => (a === b ? 0 : a === 'fit' ? -1 : 1)));
    for (const g of groups) {
      const kinds = new Set(g.targets.map((t) => `${METRIC_TABLE[keyOf(t.quantity.metric).name].kind === 'share' ? 'share' : METRIC_TABLE[keyOf(t.quantity.metric).name].unit.en}|${isDifference(t.quantity)}`));
      expect(kinds.size, `${name}: ${g.unit.title}`).toBe(1);
      for (const t of g.targets) {
        expect(t.use).toBe(g.use);
        for (const x of [...t.band, t.value, t.model.mean]) {
          expect(x).toBeGreaterThanOrEqual(g.domain[0]);
          expect(x).toBeLessThanOrEqual(g.domain[1]);
        }
      }
    }
  });

  it('writes shares in percent, differences of shares in percentage points and weeks in weeks, with formatMetric', () => {
    const level = { quantity: { metric: 'employedShareByYear.5', group: 'refugee', policy: 'standardised', knobs: {}, changes: {} } };
    const side = { policy: 'standardised', knobs: {}, changes: {}, group: 'all' };
    const diff = (metric: string) => ({ quantity: { metric, group: 'all', difference: { A: side, B: { ...side, group: 'refugee' } } } });
    expect(unitOf(level).format(0.567)).toBe(formatMetric('employedShareByYear', 0.567, { typographic: true }));
    expect(unitOf(level).format(0.567)).toBe('56.7%');
    expect(unitOf(diff('employedShareByYear.5')).format(-0.0935)).toBe('−9.3 pp');
    expect(unitOf(diff('medianWeeksToFirstJob')).format(-10.25)).toBe(`${formatMetric('medianWeeksToFirstJob', -10.25, { typographic: true, difference: true })} weeks`);
    // targets of different units never share a chart
    const keys = new Set([unitOf(level).key, unitOf(diff('employedShareByYear.5')).key, unitOf(diff('medianWeeksToFirstJob')).key]);
    expect(keys.size).toBe(3);
    // ticks: as many decimals as the step needs
    expect(unitOf(level).tick(0.4, 0, [0.4, 0.45])).toBe('40%');
    expect(unitOf(level).tick(0.405, 0, [0.4, 0.405])).toBe('40.5%');
  });

  it('a model interval far wider than the band is clipped, a share level stays within 0–100%', () => {
    const t = (mean: number, ci95: [number, number]) => ({
      ...SHIPPED_FITS[FIT_NAMES[0]].result.targets.find((x) => !isDifference(x.quantity) && METRIC_TABLE[keyOf(x.quantity.metric).name].kind === 'share')!,
      value: 0.05, band: [0.02, 0.1] as [number, number], model: { values: [], mean, ci95 },
    });
    const [lo, hi] = domainOf([t(0.05, [-1, 1])]);
    expect(lo).toBe(0);
    expect(hi).toBeCloseTo(0.22 + 0.08 * (0.22 + 0.1), 12);
    const narrow = domainOf([t(0.05, [0.04, 0.06])]);
    expect(narrow[0]).toBeCloseTo(0.02 - 0.08 * 0.08, 12);
    expect(narrow[1]).toBeCloseTo(0.1 + 0.08 * 0.08, 12);
  });
});

describe('in bokmål (a page marked lang="nb")', () => {
  it('writes units, labels, numbers, steps and the targets’ statements and quantities in bokmål, from the model’s and the page’s own texts', async () => {
    vi.resetModules();
    vi.doMock('../notebooks/lib/lang.ts', async (importOriginal) => ({ ...(await importOriginal<typeof import('../notebooks/lib/lang.ts')>()), lang: 'nb' }));
    try {
      const nb = await import('../notebooks/lib/calibration.ts');
      const nbFormat = await import('../notebooks/lib/format.ts');
      const { SHIPPED_TARGETS } = await import('../scenarios/targets/index.ts');
      const level = { quantity: { metric: 'employedShareByYear.5', group: 'refugee', policy: 'standardised', knobs: {}, changes: {} } };
      expect(nb.unitOf(level).format(0.567)).toBe(formatMetric('employedShareByYear', 0.567, { lang: 'nb', typographic: true }));
      expect(nb.unitOf(level).title).toBe('Andeler (%)');
      expect(nb.rangeOf(level, [0.4, 0.53])).toBe(`[${formatMetric('employedShareByYear', 0.4, { lang: 'nb', typographic: true })}; ${formatMetric('employedShareByYear', 0.53, { lang: 'nb', typographic: true })}]`);
      expect(nb.metricLabel(level)).toBe(METRIC_TABLE.employedShareByYear.yearLabel!.nb.replace('{year}', '5'));
      expect(nbFormat.plain(0.5)).toBe('0,5');
      expect(nbFormat.plain(-0.25)).toBe('−0,25');
      expect(nbFormat.plain(0.1 + 0.2)).toBe('0,3');
      expect(nbFormat.people(4000)).toBe('4\u00a0000');
      expect(nb.stepName('reflect')).toBe('speiling');
      expect(nb.statusName('budget')).not.toBe('budget');
      const name = FIT_NAMES[0];
      const fit = SHIPPED_FITS[name].result;
      const raw = (SHIPPED_TARGETS[name] as { targets: { id: string; statementNb?: string }[] }).targets;
      for (const t of fit.targets) {
        const nbText = raw.find((x) => x.id === t.id)?.statementNb;
        expect(nb.statementOf(name, t)).toEqual(nbText ? { text: nbText, en: false } : { text: t.statement, en: true });
        // the quantity as the page's About panel says it, not the identifiers of quantityText
        expect(nb.quantityOf(name, t)).not.toBe(t.quantityText);
      }
      // a target's translation, band note and notes: the target file's bokmål text, else the English marked as English
      for (const t of fit.targets) {
        const file = raw.find((x) => x.id === t.id) as Record<string, string | undefined> | undefined;
        for (const field of ['translation', 'bandNote', 'notes'] as const) {
          const en = t[field];
          const want = en === undefined ? undefined : file?.[`${field}Nb`] ? { text: file[`${field}Nb`] } : { text: en, lang: 'en' };
          expect(nb.targetText(name, t, field), `${t.id} ${field}`).toEqual(want);
        }
      }
      // a fit whose English is not the file's any more shows its own English, marked
      const first = fit.targets[0];
      expect(nb.targetText(name, { ...first, translation: 'Another translation.' }, 'translation')).toEqual({ text: 'Another translation.', lang: 'en' });
    } finally {
      vi.doUnmock('../notebooks/lib/lang.ts');
      vi.resetModules();
    }
  });

  it('leaves English as it was', () => {
    const t = SHIPPED_FITS[FIT_NAMES[0]].result.targets[0];
    expect(quantityOf(FIT_NAMES[0], t)).toBe(t.quantityText);
    expect(statementOf(FIT_NAMES[0], t)).toEqual({ text: t.statement, en: false });
    expect(stepName('reflect')).toBe('reflect');
    expect(targetText(FIT_NAMES[0], t, 'translation')).toEqual({ text: t.translation });
  });
});
