/** The simulated-method-of-moments distance: exact values on hand-made targets, its report, and its errors. */
import { describe, expect, it } from 'vitest';
import { distance, distanceTerms, halfWidth, type TargetBand } from '../../sim/calibrate/distance.ts';
import { InputError } from '../../sim/errors.ts';

const TARGETS: TargetBand[] = [
  // half-width 2: a miss of 2 costs the weight
  { name: 'employed12', value: 40, lo: 38, hi: 42 },
  // half-width 0.5, weight 3
  { name: 'duration', value: 10, lo: 9.5, hi: 10.5, weight: 3 },
  // an asymmetric band: half-width (60 − 50) / 2 = 5, measured from the value 52
  { name: 'dropout', value: 52, lo: 50, hi: 60, weight: 0.5 },
];

describe('distance', () => {
  it('is Σ w ((m − v) / h)², by name or by position', () => {
    // (43 − 40)/2 = 1.5 → 2.25; (9.5 − 10)/0.5 = −1 → 3·1 = 3; (62 − 52)/5 = 2 → 0.5·4 = 2
    const means = { employed12: 43, duration: 9.5, dropout: 62 };
    expect(distance(TARGETS, means)).toBe(2.25 + 3 + 2);
    expect(distance(TARGETS, [43, 9.5, 62])).toBe(7.25);
    expect(distance(TARGETS, new Map(Object.entries(means)))).toBe(7.25);
  });

  it('is 0 on the targets, and a miss of one half-width costs the weight', () => {
    expect(distance(TARGETS, [40, 10, 52])).toBe(0);
    expect(distance([TARGETS[1]], [10.5])).toBe(3);
    expect(distance([TARGETS[0]], [38])).toBe(1);
    expect(halfWidth(TARGETS[2])).toBe(5);
  });

  it('a weight of 0 leaves a target out; a NaN model value makes the distance NaN', () => {
    expect(distance([{ ...TARGETS[0], weight: 0 }, TARGETS[1]], [1000, 10])).toBe(0);
    expect(distance(TARGETS, [NaN, 10, 52])).toBeNaN();
  });

  it('reports each term: the miss in half-widths, the term, its share, inside the band, and the term over the model interval', () => {
    const r = distanceTerms(TARGETS, {
      employed12: { mean: 43, ci95: [42, 44] },
      duration: { mean: 9.5, ci95: [9, 10.2] },
      dropout: { mean: 55 },
    });
    // dropout: (55 − 52)/5 = 0.6 → 0.5·0.36 = 0.18
    expect(r.total).toBeCloseTo(2.25 + 3 + 0.18, 12);
    const [e, d, o] = r.terms;
    expect(e).toMatchObject({ name: 'employed12', halfWidth: 2, weight: 1, model: 43, z: 1.5, term: 2.25, inBand: false, modelCi95: [42, 44] });
    // over [42, 44]: (42 − 40)/2 = 1 → 1, (44 − 40)/2 = 2 → 4
    expect(e.termRange).toEqual([1, 4]);
    // the interval [9, 10.2] holds the value 10: the term could be 0; the far end 9 gives 3·4 = 12
    expect(d).toMatchObject({ z: -1, term: 3, inBand: true });
    expect(d.termRange).toEqual([0, 12]);
    expect(o.termRange).toBeUndefined();
    expect(o.inBand).toBe(true);
    expect(o.z).toBeCloseTo(0.6, 14);
    expect(r.terms.reduce((s, t) => s + t.share, 0)).toBeCloseTo(1, 14);
    expect(e.share).toBeCloseTo(2.25 / r.total, 14);
    // the total agrees with distance() on the means
    expect(r.total).toBe(distance(TARGETS, [43, 9.5, 55]));
  });

  it('rejects a band of zero width with an InputError naming the target', () => {
    const zero = [{ name: 'employed12', value: 40, lo: 40, hi: 40 }];
    expect(() => distance(zero, [40])).toThrow(InputError);
    expect(() => distance(zero, [40])).toThrow(/employed12: band 40\.\.40 has zero width/);
    expect(() => distanceTerms(zero, [{ mean: 40 }])).toThrow(/zero width/);
  });

  it('rejects other bad input: lo > hi, a negative weight, a missing model value, repeated names, none', () => {
    expect(() => distance([{ name: 'a', value: 1, lo: 2, hi: 0 }], [1])).toThrow(/lo > hi/);
    expect(() => distance([{ name: 'a', value: 1, lo: 0, hi: 2, weight: -1 }], [1])).toThrow(/weight -1/);
    expect(() => distance([{ name: 'a', value: 1, lo: 0, hi: 2 }], { b: 1 })).toThrow(/no value for target a/);
    expect(() => distance([{ name: 'a', value: 1, lo: 0, hi: 2 }], [1, 2])).toThrow(/2 model values for 1 targets/);
    expect(() => distance([TARGETS[0], TARGETS[0]], [1, 2])).toThrow(/more than once/);
    expect(() => distance([], [])).toThrow(InputError);
  });
});
