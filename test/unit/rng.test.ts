import { describe, expect, it } from 'vitest';
import { NUM_PURPOSES } from '../../sim/constants.ts';
import { approxNormal, mix32, replicateSeed, RunKeys, sequential, uniform } from '../../sim/rng.ts';

/** lowbias32 in BigInt arithmetic: an independent reference for mix32. */
function mix32Ref(v: number): number {
  const M = 0xffffffffn;
  let x = BigInt(v >>> 0);
  x ^= x >> 16n;
  x = (x * 0x7feb352dn) & M;
  x ^= x >> 15n;
  x = (x * 0x846ca68bn) & M;
  x ^= x >> 16n;
  return Number(x);
}

describe('mix32', () => {
  it('gives the known lowbias32 values', () => {
    expect(mix32(0)).toBe(0);
    expect(mix32(1)).toBe(1753845952);
    expect(mix32(2)).toBe(3507691905);
    expect(mix32(0xdeadbeef)).toBe(3861431939);
    expect(mix32(123456789)).toBe(2834422664);
  });

  it('agrees with a BigInt reference and returns unsigned 32-bit integers', () => {
    let x = 12345;
    for (let k = 0; k < 2000; k++) {
      x = (Math.imul(x, 1103515245) + 12345) | 0; // also negative inputs
      const y = mix32(x);
      expect(y).toBe(mix32Ref(x));
      expect(Number.isInteger(y) && y >= 0 && y < 2 ** 32).toBe(true);
    }
  });

  it('is a bijection on a sample (no collisions)', () => {
    const seen = new Set<number>();
    for (let k = 0; k < 50_000; k++) seen.add(mix32(k));
    expect(seen.size).toBe(50_000);
  });
});

describe('uniform', () => {
  it('lies in [0, 1), with mean and spread of a uniform', () => {
    let min = 1, max = 0, sum = 0, sumSq = 0;
    const N = 100_000;
    for (let i = 0; i < N; i++) {
      const u = uniform(i, 0x1234567);
      min = Math.min(min, u); max = Math.max(max, u); sum += u; sumSq += u * u;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(sum / N).toBeCloseTo(0.5, 2);
    expect(sumSq / N - (sum / N) ** 2).toBeCloseTo(1 / 12, 2);
  });

  it('is a pure function of (agent, key) and is the mix of agent and key over 2^32', () => {
    for (const [i, key] of [[0, 0], [5, -7], [999, 0x7fffffff], [123456, -2147483648]]) {
      expect(uniform(i, key)).toBe(uniform(i, key));
      expect(uniform(i, key)).toBe(mix32(Math.imul(i, 0x9e3779b1) ^ key) / 4294967296);
    }
  });

  it('gives different agents and different keys different streams', () => {
    const a = Array.from({ length: 100 }, (_, i) => uniform(i, 42));
    const b = Array.from({ length: 100 }, (_, i) => uniform(i, 43));
    expect(new Set(a).size).toBe(100);
    expect(a.filter((x, i) => x === b[i])).toHaveLength(0);
  });
});

describe('replicateSeed', () => {
  it('does not depend on which replicates are computed or in what order', () => {
    const forward = Array.from({ length: 10 }, (_, r) => replicateSeed(7, r));
    const backward: number[] = [];
    for (let r = 9; r >= 0; r--) backward[r] = replicateSeed(7, r);
    expect(backward).toEqual(forward);
    expect(replicateSeed(7, 3)).toBe(forward[3]);
    expect(forward).toContain(446439328);
    expect(forward[0]).toBe(446439328);
    expect(forward[1]).toBe(2444242194);
  });

  it('gives distinct unsigned seeds per replicate and per master seed', () => {
    const seeds = new Set<number>();
    for (let s = 0; s < 20; s++) for (let r = 0; r < 20; r++) {
      const x = replicateSeed(s, r);
      expect(Number.isInteger(x) && x >= 0 && x < 2 ** 32).toBe(true);
      seeds.add(x);
    }
    expect(seeds.size).toBe(400);
  });
});

describe('RunKeys', () => {
  it('is deterministic in the run seed', () => {
    const a = new RunKeys(99), b = new RunKeys(99), c = new RunKeys(100);
    expect(Array.from(a.base)).toEqual(Array.from(b.base));
    expect(Array.from(a.base)).not.toEqual(Array.from(c.base));
    expect(a.base).toHaveLength(NUM_PURPOSES);
    for (const w of [0, 1, 77]) {
      a.setWeek(w); b.setWeek(w); c.setWeek(w);
      expect(Array.from(a.week)).toEqual(Array.from(b.week));
      expect(Array.from(a.week2)).toEqual(Array.from(b.week2));
      expect(Array.from(a.week)).not.toEqual(Array.from(c.week));
    }
  });

  it('week keys depend only on the week, not on the weeks set before', () => {
    const a = new RunKeys(5), b = new RunKeys(5);
    a.setWeek(3);
    const week3 = Array.from(a.week);
    b.setWeek(10); b.setWeek(2); b.setWeek(3);
    expect(Array.from(b.week)).toEqual(week3);
    a.setWeek(4);
    expect(Array.from(a.week)).not.toEqual(week3);
  });

  it('gives every purpose, and the second key of each, a distinct key', () => {
    const k = new RunKeys(1);
    k.setWeek(0);
    expect(new Set([...k.week, ...k.week2]).size).toBe(2 * NUM_PURPOSES);
  });
});

describe('sequential and approxNormal', () => {
  it('the sequential generator repeats for the same seed text', () => {
    const g1 = sequential('x'), g2 = sequential('x'), g3 = sequential('y');
    const a = [g1(), g1(), g1()], b = [g2(), g2(), g2()];
    expect(a).toEqual(b);
    expect(g3()).not.toBe(a[0]);
  });

  it('approxNormal has mean 0, sd 1 and is bounded by ±2√3', () => {
    const g = sequential('normal');
    let sum = 0, sumSq = 0, maxAbs = 0;
    const N = 50_000;
    for (let k = 0; k < N; k++) {
      const z = approxNormal(g);
      sum += z; sumSq += z * z; maxAbs = Math.max(maxAbs, Math.abs(z));
    }
    expect(sum / N).toBeCloseTo(0, 1);
    expect(Math.sqrt(sumSq / N)).toBeCloseTo(1, 1);
    expect(maxAbs).toBeLessThanOrEqual(2 * Math.sqrt(3));
  });
});
