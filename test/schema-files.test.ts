import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { SHIPPED_COMPARISONS } from '../scenarios/comparisons/index.ts';
import { SHIPPED_HYPOTHESES } from '../scenarios/hypotheses/index.ts';
import { SHIPPED } from '../scenarios/index.ts';
import { SHIPPED_TARGETS } from '../scenarios/targets/index.ts';
import { SHIPPED_WHATIFS } from '../scenarios/whatifs/index.ts';
import { schemaFiles, staleSchemaFiles } from '../scripts/gen-docs.ts';
import { parseComparison } from '../sim/arms.ts';
import { parseTargets } from '../sim/calibrate/targets.ts';
import { parseHypothesis } from '../sim/hypothesis.ts';
import { JSON_SCHEMA_DRAFT } from '../sim/schema/json-schema.ts';
import { parseScenario } from '../sim/scenario.ts';
import { parseWhatIf } from '../sim/whatifs.ts';

/**
 * The JSON Schemas for editors (schemas/, written by `npm run docs` from
 * sim/schema/): up to date, valid JSON Schema, named by every shipped file
 * in `$schema`, and every shipped file passes them in a standard validator.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SCENARIO_SCHEMA = 'schemas/scenario.schema.json';
const HYPOTHESIS_SCHEMA = 'schemas/hypothesis.schema.json';
const TARGETS_SCHEMA = 'schemas/targets.schema.json';
const COMPARISON_SCHEMA = 'schemas/comparison.schema.json';
const WHATIF_SCHEMA = 'schemas/whatif.schema.json';
const read = (path: string) => JSON.parse(readFileSync(ROOT + path, 'utf8')) as Record<string, unknown>;
/** A shipped file's path from the repository root, by its key in SHIPPED / SHIPPED_HYPOTHESES. */
const scenarioFile = (name: string) => `scenarios/${name}.json`;
const hypothesisFile = (name: string) => `scenarios/hypotheses/${name}.json`;
const targetsFile = (name: string) => `scenarios/targets/${name}.json`;
const comparisonFile = (name: string) => `scenarios/comparisons/${name}.json`;
const whatIfFile = (name: string) => `scenarios/whatifs/${name}.json`;

function validator(path: string) {
  const ajv = new Ajv({ allErrors: true });
  const schema = read(path);
  expect(ajv.validateSchema(schema), `${path} is not a valid JSON Schema: ${ajv.errorsText(ajv.errors)}`).toBe(true);
  const validate = ajv.compile(schema);
  return (data: unknown) => (validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.dataPath || '(top)'} ${e.message}`));
}

describe('schemas/ (JSON Schemas for editors)', () => {
  it('are up to date with sim/schema (run `npm run docs` if this fails)', () => {
    const stale = staleSchemaFiles();
    expect(stale, `${stale.join(', ')} out of date: run \`npm run docs\``).toEqual([]);
    expect(Object.keys(schemaFiles()).sort()).toEqual([COMPARISON_SCHEMA, HYPOTHESIS_SCHEMA, SCENARIO_SCHEMA, TARGETS_SCHEMA, WHATIF_SCHEMA]);
  });

  it('are draft-07 schemas with descriptions, ranges, enums, defaults, patterns and required fields', () => {
    const s = read(SCENARIO_SCHEMA) as { $schema: string; else: { required: string[] }; additionalProperties: boolean; properties: Record<string, Record<string, unknown>> };
    expect(s.$schema).toBe(JSON_SCHEMA_DRAFT);
    // required unless the file extends another (sim/extends.ts)
    expect(s.else.required).toEqual(['name', 'groups']);
    expect(s.properties.extends).toMatchObject({ type: 'string' });
    expect(s.properties.replaceServices).toMatchObject({ type: 'boolean' });
    expect(s.additionalProperties).toBe(false);
    expect(s.properties.agents).toMatchObject({ type: 'integer', minimum: 1, default: 2000 });
    expect(s.properties.name.pattern).toBe('^[A-Za-z0-9][A-Za-z0-9-]*$');
    const group = (s.properties.groups.items as { properties: Record<string, Record<string, unknown>> }).properties;
    expect(group.route.enum).toContain('refugee');
    expect(typeof group.share.description).toBe('string');
    expect(s.properties.policies.propertyNames).toMatchObject({ pattern: '^[A-Za-z0-9][A-Za-z0-9-]*$' });
  });
});

describe('the shipped files', () => {
  const scenario = validator(SCENARIO_SCHEMA);
  const hypothesis = validator(HYPOTHESIS_SCHEMA);
  const targets = validator(TARGETS_SCHEMA);
  const comparison = validator(COMPARISON_SCHEMA);
  const whatIf = validator(WHATIF_SCHEMA);

  it.each(Object.keys(SHIPPED))('scenario %s names the schema and passes it', (name) => {
    const raw = read(scenarioFile(name));
    expect(raw.$schema).toBe(`../${SCENARIO_SCHEMA}`);
    expect(scenario(raw)).toEqual([]);
  });

  it.each(Object.keys(SHIPPED_HYPOTHESES))('hypothesis %s names the schema and passes it', (name) => {
    const raw = read(hypothesisFile(name));
    expect(raw.$schema).toBe(`../../${HYPOTHESIS_SCHEMA}`);
    expect(hypothesis(raw)).toEqual([]);
  });

  it.each(Object.keys(SHIPPED_TARGETS))('target file %s names the schema and passes it', (name) => {
    const raw = read(targetsFile(name));
    expect(raw.$schema).toBe(`../../${TARGETS_SCHEMA}`);
    expect(targets(raw)).toEqual([]);
  });

  it.each(Object.keys(SHIPPED_COMPARISONS))('comparison file %s names the schema and passes it', (name) => {
    const raw = read(comparisonFile(name));
    expect(raw.$schema).toBe(`../../${COMPARISON_SCHEMA}`);
    expect(comparison(raw)).toEqual([]);
  });

  it.each(Object.keys(SHIPPED_WHATIFS))('what-if preset %s names the schema and passes it', (name) => {
    const raw = read(whatIfFile(name));
    expect(raw.$schema).toBe(`../../${WHATIF_SCHEMA}`);
    expect(whatIf(raw)).toEqual([]);
  });

  it('load the same with and without `$schema`', () => {
    for (const [name, raw] of Object.entries(SHIPPED)) {
      const { $schema, ...rest } = raw as Record<string, unknown>;
      expect($schema).toBeDefined();
      expect(parseScenario(rest), name).toEqual(parseScenario(raw));
    }
    for (const [name, raw] of Object.entries(SHIPPED_HYPOTHESES)) {
      const { $schema, ...rest } = raw as Record<string, unknown>;
      expect($schema).toBeDefined();
      expect(parseHypothesis(rest), name).toEqual(parseHypothesis(raw));
    }
    for (const [name, raw] of Object.entries(SHIPPED_TARGETS)) {
      const { $schema, ...rest } = raw as Record<string, unknown>;
      expect($schema).toBeDefined();
      expect(parseTargets(rest), name).toEqual(parseTargets(raw));
    }
    for (const [name, raw] of Object.entries(SHIPPED_COMPARISONS)) {
      const { $schema, ...rest } = raw as Record<string, unknown>;
      expect($schema).toBeDefined();
      expect(parseComparison(rest), name).toEqual(parseComparison(raw));
    }
    for (const [name, raw] of Object.entries(SHIPPED_WHATIFS)) {
      const { $schema, ...rest } = raw as Record<string, unknown>;
      expect($schema).toBeDefined();
      expect(parseWhatIf(rest), name).toEqual(parseWhatIf(raw));
    }
  });

  it('the schemas refuse what the loader refuses: unknown fields, values out of range or not allowed, bad names', () => {
    const base = read(scenarioFile('classroom'));
    expect(scenario({ ...base, colour: 'red' })).not.toEqual([]);
    expect(scenario({ ...base, agents: 0 })).not.toEqual([]);
    expect(scenario({ ...base, name: 'bad name' })).not.toEqual([]);
    expect(scenario({ ...base, behaviour: { infoSearch: 1.5 } })).not.toEqual([]);
    expect(scenario({ ...base, policies: { 'my policy': { followUp: 0.5 } } })).not.toEqual([]);
    expect(scenario({ ...base, comparePolicies: ['standardised'] })).not.toEqual([]);
    const { name: _name, ...noName } = base;
    expect(scenario(noName)).not.toEqual([]);
    // a file without extends must say that its services replace the catalogue
    const service = { id: 'careerGuidance', type: 'careerGuidance', term: 'long', weeks: 26 };
    expect(scenario({ ...base, services: [service] })).not.toEqual([]);
    expect(scenario({ ...base, services: [service], replaceServices: true })).toEqual([]);
    expect(scenario(read(scenarioFile('vulnerable-youth')))).toEqual([]);
    const h = read(hypothesisFile('lock-in-year1'));
    expect(hypothesis({ ...h, expect: 'up' })).not.toEqual([]);
    expect(hypothesis({ ...h, findings: ['F15'] })).not.toEqual([]);
    expect(hypothesis({ ...h, policies: { A: 'standardised', B: { base: 'standardised', knobs: { exploraton: 1 } } } })).not.toEqual([]);
    // both forms of a side and of group are allowed, as the loader allows them
    expect(hypothesis({ ...h, policies: { A: 'standardised', B: { base: 'standardised', knobs: { exploration: 1 } } } })).toEqual([]);
    expect(hypothesis({ ...h, group: { A: 'withBenefitRights', B: 'withoutBenefitRights' } })).toEqual([]);
    const t = read(targetsFile('mixed-office')) as { targets: Record<string, unknown>[] };
    const withTarget = (change: Record<string, unknown>) => ({ ...t, targets: [{ ...t.targets[0], ...change }] });
    expect(targets(withTarget({}))).toEqual([]);
    expect(targets(withTarget({ use: 'train' }))).not.toEqual([]);
    expect(targets(withTarget({ band: [0.1] }))).not.toEqual([]);
    expect(targets(withTarget({ colour: 'red' }))).not.toEqual([]);
    expect(targets(withTarget({ quantity: { metric: 'employedShare', policy: 'standardised', knobs: { exploraton: 1 } } }))).not.toEqual([]);
    // both forms of a quantity, and both forms of a side, are allowed, as the loader allows them
    expect(targets(withTarget({ quantity: { metric: 'employedShare', difference: { A: 'standardised', B: { policy: 'personalised', group: 'refugee' } } } }))).toEqual([]);
    expect(targets(withTarget({ quantity: { metric: 'employedShare', policy: 'standardised', difference: { A: 'standardised', B: 'personalised' } } }))).not.toEqual([]);
    const c = read(comparisonFile('classroom'));
    expect(comparison({ ...c, variants: ['personalised', 'personalised', 'personalised', 'personalised'] })).not.toEqual([]);
    expect(comparison({ ...c, variants: [] })).not.toEqual([]);
    expect(comparison({ ...c, baseline: { policy: 'standardised', knobs: { folowUp: 1 } } })).not.toEqual([]);
    expect(comparison({ ...c, baseline: { label: 'x' } })).not.toEqual([]);
    // both forms of an arm are allowed, as the loader allows them
    expect(comparison({ ...c, baseline: 'standardised', variants: [{ policy: 'personalised', changes: { 'office.caseload': 30 } }] })).toEqual([]);
    // a change is a number, or a list of words given whole
    expect(comparison({ ...c, variants: [{ policy: 'personalised', changes: { 'services.careerGuidance.entry': ['anyone'] } }] })).toEqual([]);
    expect(comparison({ ...c, variants: [{ policy: 'personalised', changes: { 'office.caseload': 'thirty' } }] })).not.toEqual([]);
    const w = read(whatIfFile('downturn')) as Record<string, unknown> & { claims: Record<string, unknown>[] };
    expect(whatIf({ ...w, colour: 'red' })).not.toEqual([]);
    expect(whatIf({ ...w, title: { en: 'x' } })).not.toEqual([]);
    expect(whatIf({ ...w, claims: [{ ...w.claims[0], direction: 'up' }] })).not.toEqual([]);
    expect(whatIf({ ...w, run: { agents: 1000, replications: 1 } })).not.toEqual([]);
    expect(whatIf({ ...w, baseline: 'standardised' })).toEqual([]);
  });
});

describe('a scenario file that extends another, in the JSON Schema', () => {
  const scenario = validator(SCENARIO_SCHEMA);
  const ext = (change: Record<string, unknown>) => ({ $schema: `../${SCENARIO_SCHEMA}`, extends: 'mixed-office', ...change });

  it('passes with only what changes: fields of objects, items by name, removals, new items, policies', () => {
    expect(scenario(ext({}))).toEqual([]);
    expect(scenario(ext({ office: { caseload: 40 } }))).toEqual([]);
    expect(scenario(ext({ groups: [{ name: 'refugee', language: 0.3 }, { name: 'youth', remove: true }] }))).toEqual([]);
    expect(scenario(ext({ services: [{ id: 'careerGuidance', entry: ['anyone'] }] }))).toEqual([]);
    expect(scenario(ext({ policies: { 'proactive-standard': { base: 'standardised', proactiveInformation: 0.7 }, old: { remove: true } } }))).toEqual([]);
    expect(scenario(ext({ labourMarket: { vacanciesPer1000: [6, 4, 2] } }))).toEqual([]);
  });

  it('is refused for misspelt fields, bad values, items without a name and removals with other fields', () => {
    expect(scenario(ext({ office: { casload: 40 } }))).not.toEqual([]);
    expect(scenario(ext({ office: { caseload: 0 } }))).not.toEqual([]);
    expect(scenario(ext({ groups: [{ language: 0.3 }] }))).not.toEqual([]);
    expect(scenario(ext({ groups: [{ name: 'refugee', remove: false }] }))).not.toEqual([]);
    expect(scenario(ext({ labourMarket: { vacanciesPer1000: [6, 4] } }))).not.toEqual([]);
    // without extends the same partial group is incomplete, and remove is not a field
    const { extends: _e, ...complete } = ext({ name: 'x', groups: [{ name: 'a', share: 1, route: 'native', remove: true }] });
    expect(scenario(complete)).not.toEqual([]);
  });
});
