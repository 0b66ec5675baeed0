import seedrandom from 'seedrandom';
import { NUM_PURPOSES } from './constants.ts';

/**
 * Randomness in the model.
 *
 * - A run is seeded by (master seed, replicate). seedrandom's xor4096, seeded
 *   with that pair, makes the population and the run's stream keys.
 * - Weekly draws are counter-based: `uniform(agent, key)` hashes the agent id
 *   with a key that depends only on (run, week, purpose). Every agent thus has
 *   its own stream per purpose: under two policies the same person gets the
 *   same luck for the same purpose in the same week, and one person's decision
 *   never shifts anyone else's draws (common random numbers).
 * - Integer arithmetic only (Math.imul, shifts): Node and browsers give the
 *   same bits.
 */

/** lowbias32 (Wellons): a fast, well-mixed 32-bit bijection. */
export function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** A uniform number in [0, 1) for `agent` from the stream named by `key`. */
export function uniform(agent: number, key: number): number {
  let x = Math.imul(agent, 0x9e3779b1) ^ key;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return (x >>> 0) / 4294967296;
}

/** A sequential generator (for initialisation), seeded from a string. */
export type Sequential = () => number;
export function sequential(seedText: string): Sequential {
  return seedrandom.xor4096(seedText);
}

/** The seed of replicate `r` of a run with master seed `seed`: independent of how many replicates run or in what order. */
export function replicateSeed(seed: number, r: number): number {
  return mix32(mix32(seed >>> 0) ^ mix32(Math.imul(r + 1, 0x85ebca77)));
}

/** Per-purpose base keys of a run; weekKeys() turns them into this week's keys. */
export class RunKeys {
  readonly base = new Uint32Array(NUM_PURPOSES);
  /** Keys for the current week, one per purpose; refreshed by `setWeek`. */
  readonly week = new Int32Array(NUM_PURPOSES);
  /** Second key per purpose for a second independent draw in the same week. */
  readonly week2 = new Int32Array(NUM_PURPOSES);
  constructor(runSeed: number) {
    const g = sequential(`keys:${runSeed}`);
    for (let p = 0; p < NUM_PURPOSES; p++) this.base[p] = Math.floor(g() * 4294967296) >>> 0;
  }
  setWeek(w: number): void {
    for (let p = 0; p < NUM_PURPOSES; p++) {
      this.week[p] = mix32(this.base[p] ^ Math.imul(w + 1, 0x27d4eb2f)) | 0;
      this.week2[p] = mix32(this.week[p] ^ 0x165667b1) | 0;
    }
  }
}

/** A draw from an approximately normal distribution (Irwin–Hall, 4 uniforms), mean 0, sd 1. */
export function approxNormal(g: Sequential): number {
  return (g() + g() + g() + g() - 2) * 1.7320508075688772;
}
