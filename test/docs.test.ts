import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { applyRegions, fitModelText, fitNumber, fixedNumbers, generatedRegions, MODEL_MD, regionContent, regionNames, staleRegions } from '../scripts/gen-docs.ts';
import { SHIPPED_FITS } from '../scenarios/targets/fits.ts';
import { allocateAgents } from '../sim/agents.ts';
import { METRIC_TABLE, METRICS } from '../sim/metrics.ts';
import { PHASES } from '../sim/model.ts';
import { leaves } from '../sim/schema/dsl.ts';
import { KNOBS, PERSONALISED, SCENARIO, STANDARDISED } from '../sim/schema/scenario.ts';

/**
 * docs/MODEL.md must say what the code does: its generated tables must match
 * the schema, and its hand-written parts must name every phase, metric, knob,
 * agent field and finding.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const md = readFileSync(MODEL_MD, 'utf8');

/** The text of the level-2 section whose heading starts with `title`, up to the next level-2 heading. */
function section(title: string): string {
  const lines = md.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`## ${title}`));
  if (start < 0) throw new Error(`docs/MODEL.md has no section "## ${title}"`);
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((l) => /^## /.test(l));
  return (end < 0 ? rest : rest.slice(0, end)).join('\n');
}

describe('docs/MODEL.md', () => {
  it('has generated regions that match the schema (run `npm run docs` if this fails)', () => {
    const regions = generatedRegions();
    const missing = Object.keys(regions).filter((name) => !regionNames(md).includes(name));
    expect(missing, `docs/MODEL.md lacks generated regions ${missing.join(', ')}: add their markers and run \`npm run docs\``).toEqual([]);
    const stale = staleRegions(md, regions);
    expect(stale, `docs/MODEL.md is out of date in ${stale.join(', ')}: run \`npm run docs\``).toEqual([]);
    expect(applyRegions(md, regions) === md, 'docs/MODEL.md is out of date: run `npm run docs`').toBe(true);
  });

  it('lists the weekly phases in the process overview in the order of PHASES, then recording', () => {
    const overview = section('3 Process overview');
    const listed = [...overview.matchAll(/^\d+\.\s+\*\*`([A-Za-z]+)`\*\*/gm)].map((m) => m[1]);
    expect(listed, 'section 3 must list every phase of PHASES as "N. **`name`**", in order').toEqual(PHASES.map((p) => p.name));
    const lastPhase = overview.indexOf(`**\`${PHASES[PHASES.length - 1].name}\`**`);
    expect(overview.indexOf('recording', lastPhase), 'section 3 must describe recording after the last phase').toBeGreaterThan(lastPhase);
  });

  it('names the file of every phase in the process overview, and the file exists', () => {
    const overview = section('3 Process overview');
    for (const p of PHASES) {
      expect(existsSync(`${ROOT}${p.file}`), `PHASES: ${p.name} names ${p.file}, which does not exist`).toBe(true);
      expect(overview, `section 3 must name the file of phase ${p.name}`).toContain(`**\`${p.name}\`** (\`${p.file}\``);
    }
  });

  it('lists every fixed number of the code in Appendix A, from its doc comment (run `npm run docs` if this fails)', () => {
    const appendix = section('Appendix A');
    expect(regionContent(appendix, 'constants'), 'Appendix A must hold the generated region "constants"').toBeDefined();
    for (const c of fixedNumbers()) expect(appendix, `${c.name} (${c.file}) is not in Appendix A`).toContain(`| \`${c.name}\` | ${c.value} | ${c.file} | ${c.doc} |`);
  });

  it('has a submodel subsection for every phase, in order', () => {
    const submodels = section('7 Submodels');
    const headings = [...submodels.matchAll(/^### 7\.\d+ `([A-Za-z]+)`/gm)].map((m) => m[1]);
    expect(headings).toEqual(PHASES.map((p) => p.name));
  });

  it('documents every metric', () => {
    const metrics = section('8 Outputs');
    for (const k of METRICS) {
      expect(METRIC_TABLE[k].doc.en.trim(), `METRIC_TABLE.${k}.doc.en is empty`).toBeTruthy();
      expect(metrics, `metric ${k} is not in the metrics table`).toContain(`| \`${k}\` |`);
    }
  });

  it('documents every knob, with both presets, and says in the submodels where each acts', () => {
    const submodels = section('7 Submodels');
    for (const [k, spec] of Object.entries(KNOBS.fields)) {
      expect(spec.doc.trim(), `knob ${k} has no doc in the schema`).toBeTruthy();
      expect(k in STANDARDISED && k in PERSONALISED, `knob ${k} is missing from a preset`).toBe(true);
      expect(md, `knob ${k} is not in the knobs table`).toMatch(new RegExp(`^\\| \`${k}\` \\|`, 'm'));
      expect(submodels, `knob ${k} is not mentioned in section 7 (Submodels)`).toMatch(new RegExp(`\\b${k}\\b`));
    }
  });

  it('has a row for every schema parameter in the generated tables', () => {
    const knobs = Object.keys(KNOBS.fields);
    for (const [path] of leaves(SCENARIO)) {
      const viaKnobRow = path.startsWith('policies.NAME.') && knobs.includes(path.slice('policies.NAME.'.length));
      const row = viaKnobRow ? '| `policies.NAME.<knob>` |' : `| \`${path}\` |`;
      expect(md, `parameter ${path} has no row in docs/MODEL.md`).toContain(row);
    }
  });

  it('describes every jobseeker field in section 2', () => {
    const entities = section('2 Entities');
    for (const [field, v] of Object.entries(allocateAgents(1, 1))) {
      if (!ArrayBuffer.isView(v)) continue;
      expect(entities, `agent field ${field} is not described in section 2`).toContain(`\`${field}\``);
    }
  });

  it('keeps the calibration placeholder or a calibration section', () => {
    expect(section('9 Calibration').trim().length).toBeGreaterThan(0);
  });

  it('lists, in section 9, every target of every shipped fit with the model mean of the fit (run `npm run docs` if this fails)', () => {
    const fits = regionContent(section('9 Calibration'), 'fits');
    expect(fits, 'section 9 must hold the generated region "fits"').toBeDefined();
    const cells = (row: string) => row.split(/(?<!\\)\|/).slice(1, -1).map((c) => c.trim());
    const parts = fits!.split(/^#### /m).slice(1);
    expect(parts.map((p) => /^`([^`]+)`/.exec(p)?.[1]), 'one part per shipped fit, in order').toEqual(Object.keys(SHIPPED_FITS));
    Object.entries(SHIPPED_FITS).forEach(([name, fit], i) => {
      const part = parts[i];
      const r = fit.result;
      expect(part, `${name}: the run size`).toContain(`${r.settings.weeks} weeks, ${r.settings.replications} replications, seed ${r.settings.seed}`);
      expect(part, `${name}: the counts`).toContain(`within band: ${r.fit.within} of ${r.fit.total}; held out: ${r.holdout.within} of ${r.holdout.total}.`);
      expect(part, `${name}: the command that reproduces it`).toContain(`\`npx pathways targets --scenario ${name}\``);
      const rows = part.split('\n').filter((l) => l.startsWith('| `')).map(cells);
      expect(rows.map((c) => c[0]), `${name}: one row per target, in file order`).toEqual(r.targets.map((t) => `\`${t.id}\``));
      r.targets.forEach((t, j) => {
        const c = rows[j];
        expect(c[3], `${name} ${t.id}: published value`).toBe(fitNumber(t, t.value));
        expect(c[5], `${name} ${t.id}: model mean and interval`).toBe(fitModelText(t));
        expect(c[5].startsWith(fitNumber(t, t.model.mean) + ' ['), `${name} ${t.id}: the cell starts with the mean`).toBe(true);
        expect(c[6]).toBe(t.withinBand ? 'yes' : 'no');
        expect(c[7]).toBe(t.use === 'holdout' ? 'held out' : 'fit');
      });
    });
  });

  it('writes the values of shipped fits as percentages, differences of shares in pp', () => {
    const level = { quantity: { metric: 'employedShareByYear.5', group: 'all', policy: 'standardised', knobs: {}, changes: {} } };
    const side = { policy: 'standardised', knobs: {}, changes: {}, group: 'all' };
    const diff = { quantity: { metric: 'employedShareByYear.5', group: 'all', difference: { A: side, B: side } } };
    expect(fitNumber(level, 0.4637)).toBe('46.4%');
    expect(fitNumber(diff, -0.0934)).toBe('−9.3 pp');
    expect(fitNumber(diff, 0.0467)).toBe('+4.7 pp');
    expect(fitNumber({ quantity: { ...level.quantity, metric: 'medianWeeksToFirstJob' } }, 12.25)).toBe('12.3 weeks');
  });

  describe('traceability table', () => {
    const trace = section('Traceability');
    const rows = trace.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Finding') && !l.startsWith('| ---'));
    const cells = (row: string) => row.split(/(?<!\\)\|/).slice(1, -1).map((c) => c.trim());
    const findings = Array.from({ length: 14 }, (_, i) => `F${i + 1}`);

    it('has one row per finding F1..F14 and rows for lock-in and caseloads, each with five columns', () => {
      for (const f of findings) {
        const matching = rows.filter((r) => new RegExp(`^\\| ${f}\\b`).test(r));
        expect(matching.length, `traceability table needs exactly one row for ${f}`).toBe(1);
        expect(cells(matching[0]).length).toBe(5);
        expect(cells(matching[0]).every((c) => c.length > 0), `row ${f} has an empty cell`).toBe(true);
      }
      expect(rows.some((r) => /^\| Lock-in \(Card, Kluve & Weber/.test(r)), 'no row for the Card–Kluve–Weber lock-in evidence').toBe(true);
      expect(rows.some((r) => /^\| Caseloads/.test(r)), 'no row for caseloads').toBe(true);
    });

    it('names, for every row, test files that exist on disk', () => {
      const missing: string[] = [];
      for (const row of rows) {
        const test = cells(row)[3] ?? '';
        const paths = [...test.matchAll(/`(test\/[^`]+\.test\.ts)`/g)].map((m) => m[1]);
        expect(paths.length, `row "${cells(row)[0]}" names no test file`).toBeGreaterThan(0);
        for (const p of paths) if (!existsSync(`${ROOT}${p}`)) missing.push(`${cells(row)[0]}: ${p}`);
      }
      expect(missing, `test files named in the traceability table do not exist:\n${missing.join('\n')}`).toEqual([]);
    });

    it('names shipped hypotheses that exist and test that finding', async () => {
      const { SHIPPED_HYPOTHESES } = await import('../scenarios/hypotheses/index.ts');
      for (const row of rows) {
        for (const [, name] of (cells(row)[4] ?? '').matchAll(/`([a-z0-9-]+)`/g)) {
          const h = SHIPPED_HYPOTHESES[name] as { findings: string[] } | undefined;
          expect(h, `hypothesis ${name} in the traceability table is not shipped`).toBeDefined();
          const f = /^F\d+/.exec(cells(row)[0])?.[0];
          if (f) expect(h!.findings, `hypothesis ${name} does not name ${f}`).toContain(f);
        }
      }
    });
  });
});

describe('viz/README.md', () => {
  const vizMd = readFileSync(`${ROOT}viz/README.md`, 'utf8');

  it('lists every parameter a link can carry', async () => {
    const { toQuery } = await import('../viz/url.ts');
    const { DEFAULTS } = await import('../viz/settings.ts');
    const { CHART_CONTROLS } = await import('../viz/charts/index.ts');
    // every chart's control at a value other than its default
    const choices = Object.fromEntries(CHART_CONTROLS.map(({ chart, control }) => [chart, control.values[control.values.length - 1]]));
    const full = toQuery({ ...DEFAULTS, a: { base: 'standardised', knobs: { followUp: 0.5 } }, agents: 10, weeks: 10, lang: 'nb', view: 'story', persona: 'x', choices, projector: true });
    const names = [...new URLSearchParams(full.split('#')[0]).keys()].map((k) => k.replace(/^([ab])\.\w+$/, '$1.KNOB'));
    for (const n of names) expect(vizMd, `viz/README.md does not document the link parameter ${n}`).toMatch(new RegExp(`\`${n.replace('.', '\\.')}\``));
  });

  it('describes every module of viz/', async () => {
    const { readdirSync } = await import('node:fs');
    for (const f of readdirSync(`${ROOT}viz`).filter((x) => x.endsWith('.ts'))) {
      expect(vizMd, `viz/README.md does not mention ${f}`).toContain(`\`${f}\``);
    }
  });
});

describe('README.md', () => {
  const readme = readFileSync(`${ROOT}README.md`, 'utf8');

  it('shows the usage of every command', async () => {
    const { COMMANDS } = await import('../sim/cli/specs.ts');
    for (const name of Object.keys(COMMANDS)) expect(readme, `README.md does not show \`pathways ${name}\``).toMatch(new RegExp(`^pathways ${name}\\b`, 'm'));
  });

  it('names every npm script it tells people to run, and they exist', async () => {
    const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { scripts: Record<string, string> };
    const named = [...readme.matchAll(/npm (?:run )?([a-z:]+)/g)].map((m) => m[1]).filter((n) => !['ci', 'i', 'install'].includes(n));
    expect(named.length).toBeGreaterThan(3);
    for (const n of named) expect(pkg.scripts[n === 'run' ? '' : n], `README.md names npm script ${n}, which package.json lacks`).toBeDefined();
  });
});
