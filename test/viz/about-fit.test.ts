// @vitest-environment jsdom
/**
 * The About panel's part "Compared with published figures" (viz/fits-view.ts
 * through renderInfo in viz/chrome.ts): the shipped fit of a scenario, one
 * row per target with its model mean as the metric table writes it, in
 * English and bokmål; and the lines for a changed scenario, a loaded file and
 * a scenario without published figures.
 */
import { describe, expect, test } from 'vitest';
import { SHIPPED_FITS } from '../../scenarios/targets/fits.ts';
import { SHIPPED_TARGETS } from '../../scenarios/targets/index.ts';
import { formatMetric, METRIC_TABLE, parseMetricKey, type MetricKey } from '../../sim/metrics.ts';
import { parseScenario } from '../../sim/scenario.ts';
import { SHIPPED } from '../../scenarios/index.ts';
import { renderInfo } from '../../viz/chrome.ts';
import type { FitState } from '../../viz/fits-view.ts';
import { LANGS, type Lang } from '../../viz/i18n.ts';

const about = (name: string, lang: Lang, state?: FitState) => {
  const el = document.createElement('details');
  renderInfo(el, parseScenario(SHIPPED[name], name), lang, state);
  const part = el.querySelector<HTMLElement>('.fits');
  if (!part) throw new Error('no part "Compared with published figures"');
  return part;
};

/** The model mean as the metric table says to write it: the page's style, a difference signed (pp for shares), a unit for weeks and counts. */
function expectedMean(metric: string, mean: number, difference: boolean, lang: Lang): string {
  const k = parseMetricKey(metric) as MetricKey;
  const text = formatMetric(k.name, mean, { lang, typographic: true, difference });
  return METRIC_TABLE[k.name].kind === 'share' ? text : `${text} ${METRIC_TABLE[k.name].unit[lang]}`;
}

describe('About: compared with published figures', () => {
  const fit = SHIPPED_FITS['mixed-office'].result;

  test.each(LANGS)('mixed-office (%s): every target with its model mean as formatted, fit and held out marked, misses in words', (lang) => {
    const part = about('mixed-office', lang);
    expect(part.querySelector('h3')?.textContent).toBe(lang === 'en' ? 'Compared with published figures' : 'Sammenlignet med publiserte tall');
    const rows = [...part.querySelectorAll<HTMLElement>('tr.fit-row')];
    expect(rows.map((r) => r.dataset.target).sort()).toEqual(fit.targets.map((t) => t.id).sort());
    for (const t of fit.targets) {
      const r = rows.find((x) => x.dataset.target === t.id)!;
      const mean = expectedMean(t.quantity.metric, t.model.mean, 'difference' in t.quantity, lang);
      expect(r.querySelector('.fit-mean-text')?.textContent, t.id).toBe(mean);
      expect(r.querySelector('.fit-model')?.textContent, t.id).toContain(mean);
      expect(r.querySelector('.fit-use')?.textContent, t.id).toBe(
        t.use === 'fit' ? (lang === 'en' ? 'For fitting' : 'Til kalibrering') : (lang === 'en' ? 'Held out' : 'Holdt utenfor'));
      // a miss is said in words and with a mark, not by colour alone
      expect(r.querySelector('.fit-verdict')?.textContent, t.id).toMatch(t.withinBand ? /^✓ (Within|Innenfor)$/ : /^✗ (Outside|Utenfor)/);
      expect(r.querySelector('.fit-source')?.textContent, t.id).toContain(`${t.source.citation}, ${t.source.year}`);
      if (t.source.url) expect(r.querySelector('.fit-source a')?.getAttribute('href'), t.id).toBe(t.source.url);
      // the published finding in the page's language: in bokmål the target file's statementNb, not marked as English
      const statement = r.querySelector('.fit-statement')!;
      const nb = (SHIPPED_TARGETS['mixed-office'] as { targets: { id: string; statementNb: string }[] }).targets.find((x) => x.id === t.id)!.statementNb;
      expect(nb, t.id).toMatch(/\d/);
      expect(statement.textContent, t.id).toBe(lang === 'en' ? t.statement : nb);
      expect(statement.querySelector('[lang=en]'), t.id).toBeNull();
    }
    const counts = part.querySelector('.fit-counts')?.textContent;
    expect(counts).toBe(lang === 'en'
      ? `${fit.fit.within} of ${fit.fit.total} targets used for fitting and ${fit.holdout.within} of ${fit.holdout.total} held-out targets lie within the published band; ${fit.settings.replications} replications of 5,000 people over ${fit.settings.weeks} weeks.`
      : `${fit.fit.within} av ${fit.fit.total} tall brukt til kalibrering og ${fit.holdout.within} av ${fit.holdout.total} tall holdt utenfor ligger innenfor det publiserte spennet; ${fit.settings.replications} replikasjoner med 5\u00a0000 personer over ${fit.settings.weeks} uker.`);
    expect(part.querySelector('.fit-note.changed')).toBeNull();
  });

  test('a miss says how far outside the band, in percentage points for a share', () => {
    const part = about('mixed-office', 'en');
    const t = fit.targets.find((x) => !x.withinBand && x.quantity.metric.startsWith('employedShare'))!;
    const miss = formatMetric('employedShare', Math.abs(t.miss), { typographic: true, difference: true, signed: false });
    expect(part.querySelector(`tr[data-target="${t.id}"] .fit-miss`)?.textContent).toBe(`${miss} ${t.miss > 0 ? 'above' : 'below'} the band`);
  });

  test('every shipped fit draws, its marks within the axis', () => {
    for (const [name, f] of Object.entries(SHIPPED_FITS)) {
      const part = about(name, 'en');
      expect(part.querySelectorAll('tr.fit-row').length, name).toBe(f.result.targets.length);
      for (const mark of part.querySelectorAll<HTMLElement>('.fit-strip > span')) {
        const left = parseFloat(mark.style.left);
        const width = parseFloat(mark.style.width || '0');
        expect(left, `${name}: ${mark.className}`).toBeGreaterThanOrEqual(-1e-9);
        expect(left + width, `${name}: ${mark.className}`).toBeLessThanOrEqual(100 + 1e-9);
      }
    }
  });

  test('changed knobs and a loaded file: the comparison is for the scenario as shipped, and pathways targets checks a changed one', () => {
    for (const lang of LANGS) {
      const changed = about('mixed-office', lang, { file: false, changed: true }).querySelector('.fit-note.changed')?.textContent;
      expect(changed).toMatch(lang === 'en' ? /^These figures are for mixed-office as shipped, without the knob changes made here;/ : /^Tallene gjelder mixed-office slik det leveres, uten spakene som er endret her;/);
      expect(changed).toContain('pathways targets --scenario');
      const file = about('mixed-office', lang, { file: true, changed: false }).querySelector('.fit-note.changed')?.textContent;
      expect(file).toMatch(lang === 'en' ? /not for the loaded file/ : /ikke den innlastede filen/);
      expect(file).toContain('pathways targets --scenario');
    }
  });

  test('changed scenario values count as changes: the comparison is for the scenario as shipped, and saving it is how to check it', () => {
    const note = (lang: Lang, changed: boolean) => about('mixed-office', lang, { file: false, changed, levers: true }).querySelector('.fit-note.changed')?.textContent;
    expect(note('en', false)).toBe('These figures are for mixed-office as shipped, without the scenario value changes made here; to check the changed scenario, save it (“Save this scenario”) and run pathways targets --scenario FILE.');
    expect(note('en', true)).toMatch(/^These figures are for mixed-office as shipped, without the knob and scenario value changes made here;/);
    expect(note('nb', false)).toBe('Tallene gjelder mixed-office slik det leveres, uten verdiene i scenariet som er endret her; for å kontrollere det endrede scenariet, lagre det («Lagre dette scenariet») og kjør pathways targets --scenario FIL.');
  });

  test('a scenario without published figures says so; a loaded one gets the command that checks it', () => {
    expect(about('classroom', 'en').textContent).toBe('Compared with published figuresNo published figures are shipped for this scenario.');
    expect(about('classroom', 'nb').querySelector('p')?.textContent).toBe('Det følger ingen publiserte tall med dette scenariet.');
    expect(about('classroom', 'en', { file: true, changed: false }).querySelector('p')?.textContent).toMatch(/pathways targets --scenario FILE --targets TARGETS\.json/);
  });
});
