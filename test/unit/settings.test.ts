/** A run's settings resolved once; knob overrides applied once; every changed scenario value listed; two kinds of error. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, IOError, ValidationError } from '../../sim/errors.ts';
import { parseScenario, resolvePolicy } from '../../sim/scenario.ts';
import { applyKnobs, policyKnobs, resolveRunSettings, runChanges, scenarioChanges, settingSpec } from '../../sim/settings.ts';
import { parseShard } from '../../sim/sweep/plan.ts';
import { SHIPPED } from '../../scenarios/index.ts';
import { ROOT } from '../cli/helpers.ts';

const s = parseScenario(SHIPPED.classroom, 'classroom');

function thrown(f: () => unknown): Error {
  try {
    f();
  } catch (err) {
    return err as Error;
  }
  throw new Error('no error');
}

describe('resolveRunSettings', () => {
  it('takes the option, else the file, else the scenario', () => {
    expect(resolveRunSettings(s)).toEqual({ agents: s.agents, weeks: s.weeks, seed: s.seed, replications: s.replications });
    expect(resolveRunSettings(s, { weeks: 52, seed: 4 }, { seed: 9 })).toEqual({ agents: s.agents, weeks: 52, seed: 9, replications: s.replications });
  });

  it('checks the schema’s ranges, naming the option or the file’s field', () => {
    const max = settingSpec('agents').max;
    expect(thrown(() => resolveRunSettings(s, {}, { agents: max + 1 })).message)
      .toBe(`--agents: "${max + 1}" is not allowed; expected an integer from 1 to ${max}`);
    const e = thrown(() => resolveRunSettings(s, { weeks: 0 }, {}, { file: 'hypothesis h.json' }));
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).lines).toEqual([`hypothesis h.json: weeks: 0 is not allowed; expected an integer from 1 to ${settingSpec('weeks').max} (weeks)`]);
  });

  it('needs at least as many agents as the scenario has personas', () => {
    const option = thrown(() => resolveRunSettings(s, {}, { agents: 3 }));
    expect(option).toBeInstanceOf(InputError);
    expect(option.message).toBe('--agents: "3" is not allowed; scenario classroom has 5 personas, so it needs at least 5 agents');
    const file = thrown(() => resolveRunSettings(s, { agents: 2 }, {}, { file: 'hypothesis h.json' })) as ValidationError;
    expect(file.errors).toEqual([{ path: 'agents', message: '2 is not allowed; scenario classroom has 5 personas, so it needs at least 5 agents' }]);
  });

  it('caps the scenario’s own values at narrower limits and says so; refuses given values outside them', () => {
    const capped: unknown[] = [];
    const r = resolveRunSettings(s, {}, { seed: 2 }, { limits: { agents: [1, 100] }, onCapped: (...c) => capped.push(c) });
    expect(r.agents).toBe(100);
    expect(capped).toEqual([['agents', s.agents, 100]]);
    expect(thrown(() => resolveRunSettings(s, {}, { agents: 101 }, { limits: { agents: [1, 100] }, option: (f) => f })).message)
      .toBe('agents: "101" is not allowed; expected an integer from 1 to 100');
  });
});

describe('applyKnobs and policyKnobs', () => {
  it('put overrides on top of the base policy, ignoring undefined ones', () => {
    const base = resolvePolicy(s, 'standardised');
    expect(applyKnobs(base, { exploration: 0.9, followUp: undefined })).toEqual({ ...base, exploration: 0.9 });
    expect(policyKnobs(s, 'personalised', { offerRate: 0.1 })).toEqual({ ...resolvePolicy(s, 'personalised'), offerRate: 0.1 });
  });

  it('refuse an unknown knob or a value outside the schema’s range', () => {
    const base = resolvePolicy(s, 'standardised');
    expect(thrown(() => applyKnobs(base, { exploraton: 1 } as never)).message).toMatch(/^knobs\.exploraton: is not a knob \(did you mean exploration\?\); knobs: priorityByNeed/);
    expect(thrown(() => applyKnobs(base, { exploration: 2 }, 'policy B')).message).toBe('policy B.exploration: 2 is not allowed; expected a number from 0 to 1');
  });
});

describe('scenarioChanges and runChanges', () => {
  it('list every changed value by dotted path: fields, named items, numbers in lists', () => {
    const raw = structuredClone(SHIPPED.classroom) as Record<string, unknown> & { groups: Record<string, unknown>[] };
    raw.office = { ...(raw.office as object), caseload: 40 };
    raw.groups[0].language = 0.5;
    raw.labourMarket = { ...(raw.labourMarket as object), vacanciesPer1000: [7, 4, 2] };
    const changed = parseScenario(raw);
    expect(scenarioChanges(s, changed)).toEqual({
      [`groups.${s.groups[0].name}.language`]: 0.5, 'office.caseload': 40, 'labourMarket.vacanciesPer1000.0': 7,
    });
    expect(scenarioChanges(s, s)).toEqual({});
  });

  it('list the settings that differ from the scenario, against the shipped scenario of the same name', () => {
    expect(runChanges(s, { agents: s.agents, weeks: 52 })).toEqual({ weeks: 52 });
    const file = parseScenario({ ...structuredClone(SHIPPED.classroom) as object, weeks: 100 });
    expect(runChanges(file, { weeks: 100 })).toEqual({ weeks: 100 });
  });
});

describe('parseShard', () => {
  it('reads i/n and [i, n]; anything else is one line', () => {
    expect(parseShard('2/4')).toEqual([2, 4]);
    expect(parseShard([1, 3])).toEqual([1, 3]);
    expect(parseShard(undefined)).toBeUndefined();
    for (const bad of ['0/3', '4/3', 'two', [1.5, 3] as [number, number]]) {
      expect(thrown(() => parseShard(bad)).message).toMatch(/^--shard: ".*" is not allowed; expected i\/n with 1 <= i <= n/);
    }
  });
});

/** Every .ts file under `dir`. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []);
}

describe('one definition', () => {
  const sim = sources(join(ROOT, 'sim'));
  const rel = (f: string) => relative(ROOT, f);

  it('two error classes, in sim/errors.ts (ValidationError is an InputError)', () => {
    const classes = sim.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/class (\w+) extends (\w*Error)\b/g)].map((m) => `${rel(f)}: ${m[1]} extends ${m[2]}`));
    expect(classes).toEqual(['sim/errors.ts: InputError extends Error', 'sim/errors.ts: ValidationError extends InputError', 'sim/errors.ts: IOError extends Error']);
    expect(new ValidationError([{ path: 'a', message: 'b' }])).toBeInstanceOf(InputError);
    expect(new IOError('x')).not.toBeInstanceOf(InputError);
  });

  it('nothing in sim/sweep or sim/sensitivity imports from sim/cli', () => {
    const engine = sim.filter((f) => /sim\/(sweep|sensitivity)\//.test(f));
    expect(engine.filter((f) => /from '\.\.\/cli\//.test(readFileSync(f, 'utf8'))).map(rel)).toEqual([]);
  });

  it('the run limits are written only in the scenario schema', () => {
    const limits = /\b(20_?000_?000|1_?560|4_?294_?967_?295)\b/;
    expect(sim.filter((f) => limits.test(readFileSync(f, 'utf8'))).map(rel)).toEqual(['sim/schema/scenario.ts']);
  });
});
