/**
 * Generates the parameter, catalogue, metric, scenario and fixed-number tables
 * of docs/MODEL.md from the scenario schema and the model code, and the tables
 * of the shipped fits (scenarios/targets/fits/, written by `npm run fits`)
 * against published figures, and writes them
 * between marker comments:
 *
 *   <!-- BEGIN generated:NAME -->
 *   ...generated Markdown...
 *   <!-- END generated:NAME -->
 *
 * Everything outside the markers (the prose) is left as it is. It also
 * writes the JSON Schemas of scenario, hypothesis, target, comparison and what-if files (schemas/, see
 * `schemaFiles`), from the same schema.
 *
 *   node --import tsx scripts/gen-docs.ts           rewrite docs/MODEL.md and schemas/
 *   node --import tsx scripts/gen-docs.ts --check   exit 1 if either is out of date
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve as resolvePath } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SHIPPED } from '../scenarios/index.ts';
import { SHIPPED_FITS } from '../scenarios/targets/fits.ts';
import type { ShippedFit } from '../sim/calibrate/fingerprint.ts';
import { isDifference, type TargetResult } from '../sim/calibrate/targets.ts';
import { LEVEL_NAMES } from '../sim/constants.ts';
import { fixed, intervalText } from '../sim/format.ts';
import { formatMetric, METRIC_TABLE, METRICS, parseMetricKey } from '../sim/metrics.ts';
import { PHASES } from '../sim/model.ts';
import { parseScenario, type Service } from '../sim/scenario.ts';
import { leaves, resolve, type ArraySpec, type FieldError, type Spec } from '../sim/schema/dsl.ts';
import { COMPARISON } from '../sim/schema/arms.ts';
import { HYPOTHESIS } from '../sim/schema/hypothesis.ts';
import { TARGETS } from '../sim/schema/targets.ts';
import { WHATIF } from '../sim/schema/whatif.ts';
import { jsonSchema, type Extendable } from '../sim/schema/json-schema.ts';
import { DEFAULT_SERVICES, KNOBS, PERSONALISED, SCENARIO, STANDARDISED } from '../sim/schema/scenario.ts';

/** docs/MODEL.md, relative to this script. */
export const MODEL_MD = fileURLToPath(new URL('../docs/MODEL.md', import.meta.url));
/** The repository, relative to this script. */
const ROOT = fileURLToPath(new URL('..', import.meta.url));

// ---------------------------------------------------------------------------
// Formatting helpers

/** A table cell: no pipes or line breaks may leak into the Markdown table. */
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const code = (s: string) => '`' + s + '`';
const fmtNum = (x: number) => String(x);

function table(header: string[], rows: string[][]): string {
  const lines = [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ];
  return lines.join('\n');
}

function fmtValue(v: unknown): string {
  if (v === undefined) return '';
  if (typeof v === 'number') return code(fmtNum(v));
  if (typeof v === 'string') return code(JSON.stringify(v));
  if (typeof v === 'boolean') return code(String(v));
  return code(JSON.stringify(v).replace(/,/g, ', '));
}

function defaultOf(spec: Spec): unknown {
  return 'default' in spec ? spec.default : undefined;
}

/** What a field allows, in the words of a table cell. */
function allowed(spec: Spec): string {
  switch (spec.kind) {
    case 'number':
      return `${spec.integer ? 'integer ' : ''}${fmtNum(spec.min)} – ${fmtNum(spec.max)}`;
    case 'string':
      return spec.values ? spec.values.map(code).join(', ') : spec.pattern ? `text: ${spec.patternDoc ?? code(spec.pattern.source)}` : 'text';
    case 'boolean':
      return '`true`, `false`';
    case 'array': {
      const size = spec.length !== undefined ? `exactly ${spec.length}`
        : spec.minItems !== undefined && spec.maxItems !== undefined ? `${spec.minItems} to ${spec.maxItems}`
          : spec.minItems !== undefined ? `at least ${spec.minItems}`
            : spec.maxItems !== undefined ? `at most ${spec.maxItems}` : 'any number of';
      const one = spec.length === 1 || (spec.length === undefined && spec.minItems === 1 && spec.maxItems === undefined);
      return `list of ${size} item${one ? '' : 's'}, each ${allowed(spec.items)}`;
    }
    case 'object':
      return 'object';
    case 'record':
      return 'named entries';
  }
}

function unitOf(spec: Spec): string {
  if (spec.kind === 'number') return spec.unit;
  if (spec.kind === 'array') return unitOf(spec.items);
  return '';
}

/** Dotted paths (as `leaves()` spells them) of fields that have no default and must be given. */
function requiredPaths(spec: Spec, path = '', out = new Set<string>()): Set<string> {
  const join = (k: string) => (path ? `${path}.${k}` : k);
  if (spec.kind === 'object') {
    for (const [k, f] of Object.entries(spec.fields)) {
      if ((spec.required ?? []).includes(k)) out.add(join(k));
      requiredPaths(f, join(k), out);
    }
  } else if (spec.kind === 'array' && spec.items.kind === 'object') {
    requiredPaths(spec.items, `${path}[]`, out);
  } else if (spec.kind === 'record' && spec.values.kind === 'object') {
    requiredPaths(spec.values, `${path}.NAME`, out);
  }
  return out;
}

const REQUIRED = requiredPaths(SCENARIO);

function paramRow(path: string, spec: Spec): string[] {
  const def = defaultOf(spec);
  const shownDefault = def !== undefined ? fmtValue(def) : REQUIRED.has(path) ? '*required*' : '*none (optional)*';
  return [code(path), shownDefault, allowed(spec), unitOf(spec), spec.doc];
}

const PARAM_HEADER = ['Parameter', 'Default', 'Allowed values', 'Unit', 'Meaning'];

// ---------------------------------------------------------------------------
// Sections of the scenario schema

/** Which generated section a leaf path belongs to. */
export function sectionOf(path: string): string {
  if (path.startsWith('groups[]')) return 'groups';
  if (path.startsWith('services[]')) return 'services';
  if (path.startsWith('personas[]')) return 'personas';
  for (const s of ['office', 'labourMarket', 'behaviour']) if (path.startsWith(`${s}.`)) return s;
  return 'topLevel';
}

const KNOB_NAMES = Object.keys(KNOBS.fields);
const isPolicyKnob = (path: string) => path.startsWith('policies.NAME.') && KNOB_NAMES.includes(path.slice('policies.NAME.'.length));

function sectionTable(section: string): string {
  const rows: string[][] = [];
  let knobRowDone = false;
  for (const [path, spec] of leaves(SCENARIO)) {
    if (sectionOf(path) !== section) continue;
    if (isPolicyKnob(path)) {
      // one row stands for every knob of a named policy
      if (!knobRowDone) {
        rows.push([code('policies.NAME.<knob>'), '*from `base`*', 'as in the table of knobs', '',
          'Any policy knob (see the table of knobs). Knobs a named policy does not give come from its `base`; without a `base`, from the preset of the same name (`standardised`, `personalised`), otherwise from `standardised`.']);
        knobRowDone = true;
      }
      continue;
    }
    rows.push(paramRow(path, spec));
  }
  return table(PARAM_HEADER, rows);
}

function knobsTable(): string {
  const std = STANDARDISED as Record<string, number>;
  const per = PERSONALISED as Record<string, number>;
  const rows = Object.entries(KNOBS.fields).map(([k, spec]) => [
    code(k), fmtValue(std[k]), fmtValue(per[k]), allowed(spec), unitOf(spec), spec.doc,
  ]);
  return table(['Knob', 'Standardised', 'Personalised', 'Allowed values', 'Unit', 'Meaning'], rows);
}

// ---------------------------------------------------------------------------
// The default services catalogue

function defaultCatalogue(): Service[] {
  const errors: FieldError[] = [];
  const servicesSpec = SCENARIO.fields.services as ArraySpec;
  const out = resolve(servicesSpec, DEFAULT_SERVICES, 'services', errors) as Service[];
  if (errors.length) throw new Error(`the default services do not pass the schema:\n${errors.map((e) => `${e.path}: ${e.message}`).join('\n')}`);
  return out;
}

function catalogueTable(): string {
  const rows = defaultCatalogue().map((s) => {
    const features: string[] = [];
    if (s.refusesIfHeld) features.push('refused if the education is already held');
    if (s.rightsPriority) features.push('rights holders first');
    if (s.treatsBarrier) features.push('works on barriers');
    if (s.peerGroup) features.push('peer group');
    features.push(`support ${fmtNum(s.support)}`);
    if (s.languageGain > 0) features.push(`language +${fmtNum(s.languageGain)}/week`);
    if (s.networkGain > 0) features.push(`network +${fmtNum(s.networkGain)}/week`);
    return [
      code(s.id), s.type, s.term, fmtNum(s.weeks),
      s.levelled ? `levelled; default ${LEVEL_NAMES[s.defaultLevel]}` : 'one level for all',
      s.qualification, fmtNum(s.slotsPerMonthPer1000), fmtNum(s.costPerWeek), s.entry.map(code).join(', '),
      fmtNum(s.searchIntensity), fmtNum(s.employabilityGain), features.join('; '),
    ];
  });
  return table(['Id', 'Type', 'Term', 'Weeks', 'Levels', 'Qualification', 'Places per 4 weeks per 1000', 'Cost per week (NOK)',
    'Entry', 'Search intensity', 'Employability gain per week', 'Other'], rows);
}

// ---------------------------------------------------------------------------
// Metrics, code constants, shipped scenarios

function metricsTable(): string {
  const better = { higher: 'higher', lower: 'lower', neither: '—' };
  return table(['Metric', 'Meaning', 'Unit', 'By year', 'Better'], METRICS.map((k) => {
    const m = METRIC_TABLE[k];
    return [code(k), m.doc.en, m.unit.en, m.byYear ? `yes (\`${k}.K\` is year K)` : 'no', better[m.better]];
  }));
}

/**
 * The files whose exported number constants are the model's fixed numbers
 * (MODEL.md, Appendix A): initialisation, the shared rules of fit, then the
 * phases in the order of PHASES (and any other file of sim/phases/). Codes,
 * storage limits and the calendar live in sim/constants.ts and are not listed.
 */
export function fixedNumberFiles(): string[] {
  const phases = PHASES.map((p) => p.file);
  const others = readdirSync(`${ROOT}sim/phases`).filter((f) => f.endsWith('.ts')).map((f) => `sim/phases/${f}`).sort();
  return [...new Set(['sim/init.ts', 'sim/fit.ts', ...phases, ...others])];
}

/** One fixed number: its constant, value, file and doc comment. */
export interface FixedNumber { name: string; value: number; file: string; doc: string }

/**
 * Every `export const NAME = <number>;` of `files` (paths relative to the
 * repository), with the doc comment right above it. Throws if one has no doc
 * comment: a fixed number must say what it is (and its source finding).
 */
export function fixedNumbers(files: string[] = fixedNumberFiles()): FixedNumber[] {
  const out: FixedNumber[] = [];
  const missing: string[] = [];
  for (const file of files) {
    const src = readFileSync(`${ROOT}${file}`, 'utf8');
    const re = /(\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*)?^export const ([A-Z][A-Z0-9_]*) = (-?[0-9][0-9.e+-]*);/gm;
    for (const m of src.matchAll(re)) {
      const doc = (m[2] ?? '').split('\n').map((l) => l.replace(/^\s*\* ?/, '').trim()).filter(Boolean).join(' ');
      if (!doc) missing.push(`${file}: ${m[3]}`);
      out.push({ name: m[3], value: Number(m[4]), file, doc });
    }
  }
  if (missing.length) throw new Error(`fixed numbers without a doc comment (say what each is, and its source finding):\n${missing.join('\n')}`);
  return out;
}

function constantsTable(): string {
  return table(['Constant', 'Value', 'Where', 'Meaning'], fixedNumbers().map((c) => [code(c.name), fmtNum(c.value), c.file, c.doc]));
}

function scenariosTable(): string {
  const rows = Object.entries(SHIPPED).map(([name, raw]) => {
    const s = parseScenario(raw, `scenarios/${name}.json`);
    return [
      code(name), fmtNum(s.agents), `${fmtNum(s.weeks)} (${+(s.weeks / 52).toFixed(1)} years)`, fmtNum(s.replications),
      s.groups.map((g) => g.name).join(', '), s.personas.map((p) => p.name).join(', ') || '—',
      s.comparePolicies.map(code).join(' vs '),
    ];
  });
  return table(['Scenario', 'Agents', 'Weeks', 'Replications', 'Groups', 'Personas', 'Compared policies'], rows);
}

// ---------------------------------------------------------------------------
// The shipped fits against published figures

/** What a value of a metric kind is counted in, after the number (a share is written as a percentage, or in pp). */
const KIND_UNIT: Record<string, string> = { weeks: ' weeks', money: ' NOK' };

/**
 * A value of a target's quantity as the fits tables write it: a share as a
 * percentage with the metric's decimals ("16.4%"), a difference of shares in
 * percentage points with its sign ("−9.3 pp"), weeks and money with their
 * unit; negative numbers with the minus sign.
 */
export function fitNumber(t: Pick<TargetResult, 'quantity'>, v: number): string {
  const key = parseMetricKey(t.quantity.metric);
  if ('error' in key) throw new Error(`shipped fit: ${key.error}`);
  const text = formatMetric(key.name, v, { difference: isDifference(t.quantity), typographic: true });
  return text + (KIND_UNIT[METRIC_TABLE[key.name].kind] ?? '');
}

/** The model's mean with its 95% interval, as the fits tables write it: "16.4% [15.6%, 17.1%]". */
export function fitModelText(t: Pick<TargetResult, 'quantity' | 'model'>): string {
  return `${fitNumber(t, t.model.mean)} ${intervalText(fitNumber(t, t.model.ci95[0]), fitNumber(t, t.model.ci95[1]))}`;
}

/**
 * A statement cut to its gist for a table cell: the first sentence, up to
 * its first colon or semicolon, without parentheses. The whole statement is
 * in the target file.
 */
export function shortStatement(statement: string): string {
  const sentence = statement.split(/(?<=\.)\s/)[0].replace(/\.$/, '');
  const gist = sentence.split(/[:;]\s/)[0];
  return gist.replace(/\s*\([^()]*\)/g, '').trim();
}

/** The source as the target file gives it: citation (linked to its address, if any), year, where in it. */
function sourceText(t: TargetResult): string {
  const { citation, year, location, url } = t.source;
  return `${url ? `[${citation}](<${url}>)` : citation} (${year}); ${location}`;
}

/** The lines of one shipped fit: its run, its counts, the command that reproduces it, and its table. */
function fitSection(name: string, fit: ShippedFit): string {
  const r = fit.result;
  const st = r.settings;
  const changes = Object.entries(r.changes ?? {});
  const rows = r.targets.map((t) => [
    code(t.id), shortStatement(t.statement), sourceText(t), fitNumber(t, t.value),
    intervalText(fitNumber(t, t.band[0]), fitNumber(t, t.band[1])), fitModelText(t), t.withinBand ? 'yes' : 'no',
    t.use === 'holdout' ? 'held out' : 'fit',
  ]);
  return [
    `#### ${code(name)}: ${r.title}`,
    '',
    `${fixed(st.agents, 0, { grouped: true })} agents, ${fmtNum(st.weeks)} weeks, ${fmtNum(st.replications)} replications, seed ${fmtNum(st.seed)}`
      + (changes.length ? `, with ${changes.map(([k, v]) => `${code(k)} = ${JSON.stringify(v)}`).join(', ')}` : '')
      + `. Targets to fit within band: ${r.fit.within} of ${r.fit.total}; held out: ${r.holdout.within} of ${r.holdout.total}.`
      + ` Reproduce with ${code(`npx pathways targets --scenario ${name}`)}.`,
    '',
    table(['Target', 'What', 'Source', 'Published value', 'Band', 'Model mean [95% interval]', 'Within band', 'Use'], rows),
  ].join('\n');
}

/** Every shipped fit, in the order of SHIPPED_FITS. */
function fitsSections(fits: Record<string, ShippedFit> = SHIPPED_FITS): string {
  return Object.entries(fits).map(([name, fit]) => fitSection(name, fit)).join('\n\n');
}

// ---------------------------------------------------------------------------
// Regions

/** The Markdown of every generated region, by region name. */
export function generatedRegions(): Record<string, string> {
  return {
    scenarios: scenariosTable(),
    knobs: knobsTable(),
    topLevel: sectionTable('topLevel'),
    groups: sectionTable('groups'),
    services: sectionTable('services'),
    catalogue: catalogueTable(),
    office: sectionTable('office'),
    labourMarket: sectionTable('labourMarket'),
    behaviour: sectionTable('behaviour'),
    personas: sectionTable('personas'),
    constants: constantsTable(),
    metrics: metricsTable(),
    fits: fitsSections(),
  };
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const begin = (name: string) => `<!-- BEGIN generated:${name} -->`;
const end = (name: string) => `<!-- END generated:${name} -->`;

/** Names of the generated regions the Markdown has markers for, in order. */
export function regionNames(markdown: string): string[] {
  return [...markdown.matchAll(/<!-- BEGIN generated:([A-Za-z0-9_-]+) -->/g)].map((m) => m[1]);
}

/** The text between the markers of region `name`, or undefined. */
export function regionContent(markdown: string, name: string): string | undefined {
  const m = new RegExp(`${escapeRe(begin(name))}\\n?([\\s\\S]*?)\\n?${escapeRe(end(name))}`).exec(markdown);
  return m ? m[1] : undefined;
}

/**
 * `markdown` with every generated region replaced by what the schema and code
 * generate now. Throws if a region's markers are missing or a marker names an
 * unknown region.
 */
export function applyRegions(markdown: string, regions: Record<string, string> = generatedRegions()): string {
  const unknown = regionNames(markdown).filter((n) => !(n in regions));
  if (unknown.length) throw new Error(`docs/MODEL.md has markers for unknown regions: ${unknown.join(', ')}`);
  let out = markdown;
  for (const [name, content] of Object.entries(regions)) {
    const re = new RegExp(`${escapeRe(begin(name))}[\\s\\S]*?${escapeRe(end(name))}`);
    if (!re.test(out)) throw new Error(`docs/MODEL.md has no region "${name}": add the lines ${begin(name)} and ${end(name)}`);
    out = out.replace(re, () => `${begin(name)}\n${content}\n${end(name)}`);
  }
  return out;
}

/** Region names whose content in `markdown` differs from what is generated now. */
export function staleRegions(markdown: string, regions: Record<string, string> = generatedRegions()): string[] {
  return Object.keys(regions).filter((name) => regionContent(markdown, name) !== regions[name]);
}

// ---------------------------------------------------------------------------
// JSON Schemas for editors

/**
 * The JSON Schema files, by path from the repository root, with their text.
 * The shipped files name them in `$schema` (relative to the file).
 */
export function schemaFiles(): Record<string, string> {
  const text = (spec: Parameters<typeof jsonSchema>[0], title: string, ext?: Extendable) => JSON.stringify(jsonSchema(spec, title, ext), null, 2) + '\n';
  return {
    'schemas/scenario.schema.json': text(SCENARIO, 'Activation pathways scenario (generated from sim/schema/scenario.ts by `npm run docs`)',
      { field: 'extends', replace: { services: 'replaceServices' } }),
    'schemas/hypothesis.schema.json': text(HYPOTHESIS, 'Activation pathways hypothesis (generated from sim/schema/hypothesis.ts by `npm run docs`)'),
    'schemas/targets.schema.json': text(TARGETS, 'Activation pathways target file (generated from sim/schema/targets.ts by `npm run docs`)'),
    'schemas/comparison.schema.json': text(COMPARISON, 'Activation pathways comparison file (generated from sim/schema/arms.ts by `npm run docs`)'),
    'schemas/whatif.schema.json': text(WHATIF, 'Activation pathways what-if preset (generated from sim/schema/whatif.ts by `npm run docs`)'),
  };
}

/** Paths of the JSON Schema files that are missing or differ from what is generated now. */
export function staleSchemaFiles(files: Record<string, string> = schemaFiles()): string[] {
  return Object.entries(files).filter(([path, text]) => !existsSync(ROOT + path) || readFileSync(ROOT + path, 'utf8') !== text).map(([path]) => path);
}

/** Write (or, with `check`, only compare) the JSON Schema files; 1 when `check` finds them out of date. */
function writeSchemaFiles(check: boolean): number {
  const files = schemaFiles();
  const stale = staleSchemaFiles(files);
  if (check) {
    if (stale.length) console.error(`${stale.join(', ')} out of date: run \`npm run docs\`.`);
    return stale.length ? 1 : 0;
  }
  for (const path of stale) {
    mkdirSync(dirname(ROOT + path), { recursive: true });
    writeFileSync(ROOT + path, files[path]);
    console.log(`${path}: regenerated.`);
  }
  return 0;
}

function main(argv: string[]): number {
  const check = argv.includes('--check');
  const schemas = writeSchemaFiles(check);
  return Math.max(schemas, mainModel(check));
}

function mainModel(check: boolean): number {
  const current = readFileSync(MODEL_MD, 'utf8');
  const regions = generatedRegions();
  const next = applyRegions(current, regions);
  if (check) {
    if (next === current) {
      console.log('docs/MODEL.md is up to date.');
      return 0;
    }
    console.error(`docs/MODEL.md is out of date (regions: ${staleRegions(current, regions).join(', ')}): run \`npm run docs\`.`);
    return 1;
  }
  if (next !== current) {
    writeFileSync(MODEL_MD, next);
    console.log(`docs/MODEL.md: regenerated ${staleRegions(current, regions).join(', ')}.`);
  } else {
    console.log('docs/MODEL.md is up to date.');
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolvePath(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
