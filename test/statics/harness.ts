import { loadCore } from '../patterns/harness.ts';

export { loadCore };
type Core = Awaited<ReturnType<typeof loadCore>>;
type Raw = Record<string, unknown>;
export type Summary = Record<string, number | number[]>;

/** A deep copy of a shipped scenario, to change. */
export const copy = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/** Runs per side and people per run: enough for the paired intervals to be narrow, small enough for CI. */
export const REPS = 10;
export const AGENTS = 1500;

/**
 * A comparative static with common random numbers: the same replicates (same
 * people, same luck) under scenario A and scenario B, and the paired
 * difference B − A of `value` with its 95 % interval.
 */
export function paired(core: Core, rawA: Raw, polA: string, rawB: Raw, polB: string, value: (s: Record<string, Summary>) => number,
  opts: PairOptions = {}) {
  return pairedMany(core, rawA, polA, rawB, polB, { value }, opts).value;
}

type PairOptions = { reps?: number; agents?: number; weeks?: number };

/** `paired` for several values of the same runs (each replicate pair is run once). */
export function pairedMany<K extends string>(core: Core, rawA: Raw, polA: string, rawB: Raw, polB: string,
  values: Record<K, (s: Record<string, Summary>) => number>, opts: PairOptions = {}) {
  const a = core.parseScenario(rawA), b = core.parseScenario(rawB);
  const reps = opts.reps ?? REPS;
  const keys = Object.keys(values) as K[];
  const d = Object.fromEntries(keys.map((k) => [k, [] as number[]])) as Record<K, number[]>;
  for (let r = 0; r < reps; r++) {
    const x = core.runReplicate(a, polA, r, { agents: opts.agents ?? AGENTS, weeks: opts.weeks }).summary;
    const y = core.runReplicate(b, polB, r, { agents: opts.agents ?? AGENTS, weeks: opts.weeks }).summary;
    for (const k of keys) d[k].push(values[k](y) - values[k](x));
  }
  return Object.fromEntries(keys.map((k) => [k, core.estimate(d[k])])) as Record<K, ReturnType<Core['estimate']>>;
}

export const show = (e: { mean: number; ci95: [number, number] }) =>
  `${e.mean.toFixed(4)} [${e.ci95[0].toFixed(4)}, ${e.ci95[1].toFixed(4)}]`;

/** The scenario with some fields of `office`, `labourMarket` or `behaviour` changed. */
export function withFields(raw: Raw, part: 'office' | 'labourMarket' | 'behaviour', fields: Record<string, unknown>): Raw {
  const s = copy(raw);
  s[part] = { ...((s[part] as Raw | undefined) ?? {}), ...fields };
  return s;
}
