/**
 * The palette keeps one meaning per colour: policies (A, B), states and
 * groups never share a colour, and group colours are far from the policies'
 * and the states' in normal vision and under simulated colour blindness.
 */
import { describe, expect, test } from 'vitest';
import { GROUP_COLOURS, POLICY_COLOURS, POLICY_TEXT_COLOURS, STATE_COLOURS } from '../../viz/palette.ts';

/** Machado, Oliveira & Fernandes (2009), severity 1, on linear RGB. */
const CVD: Record<string, number[][]> = {
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]],
};
const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
function lab(lin: number[]): [number, number, number] {
  const [r, g, b] = lin.map((x) => Math.min(1, Math.max(0, x)));
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047), y = f(0.2126 * r + 0.7152 * g + 0.0722 * b), z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}
/** The colour in CIELAB as seen in normal vision and under each simulation. */
const seen = (hex: string): [string, [number, number, number]][] => {
  const lin = rgb(hex).map(linear);
  return [['normal', lab(lin)], ...Object.entries(CVD).map(([k, m]) => [k, lab(m.map((row) => row[0] * lin[0] + row[1] * lin[1] + row[2] * lin[2]))] as [string, [number, number, number]])];
};
/** The smallest CIELAB distance (ΔE76) between two colours over normal vision and the three simulations, and where. */
function nearest(a: string, b: string): { d: number; vision: string } {
  const sa = seen(a), sb = seen(b);
  return sa.map(([vision, x], i) => ({ vision, d: Math.hypot(x[0] - sb[i][1][0], x[1] - sb[i][1][1], x[2] - sb[i][1][2]) }))
    .reduce((m, x) => (x.d < m.d ? x : m));
}
const luminance = (hex: string) => {
  const [r, g, b] = rgb(hex).map(linear);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a: string, b: string) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
};
/** CIELAB hue angle (degrees) and chroma in normal vision. */
const hue = (hex: string) => {
  const [, a, b] = seen(hex)[0][1];
  return { h: (Math.atan2(b, a) * 180 / Math.PI + 360) % 360, c: Math.hypot(a, b) };
};

const up = (xs: readonly string[]) => xs.map((x) => x.toUpperCase());

describe('palette', () => {
  test('policies, states and groups never reuse a colour', () => {
    const policy = new Set(up([...POLICY_COLOURS, ...POLICY_TEXT_COLOURS]));
    const state = new Set(up(STATE_COLOURS));
    const group = up(GROUP_COLOURS);
    expect(new Set(group).size).toBe(group.length);
    expect(group.filter((c) => policy.has(c))).toEqual([]);
    expect(group.filter((c) => state.has(c))).toEqual([]);
    expect(up(STATE_COLOURS).filter((c) => policy.has(c))).toEqual([]);
    // every shipped scenario's groups get a colour of their own (the classroom and the mixed office have seven)
    expect(group.length).toBeGreaterThanOrEqual(7);
  });

  test('group colours are far from the policy colours, the state colours and each other, also to colour-blind eyes', () => {
    const far: string[] = [];
    for (const g of GROUP_COLOURS) {
      for (const p of [...POLICY_COLOURS, ...POLICY_TEXT_COLOURS]) {
        const n = nearest(g, p);
        if (n.d < 12) far.push(`group ${g} and policy ${p}: ${n.d.toFixed(1)} (${n.vision})`);
      }
      for (const s of STATE_COLOURS) {
        const n = nearest(g, s);
        if (n.d < 9) far.push(`group ${g} and state ${s}: ${n.d.toFixed(1)} (${n.vision})`);
      }
      for (const o of GROUP_COLOURS) {
        if (o === g) continue;
        const n = nearest(g, o);
        if (n.d < 10) far.push(`groups ${g} and ${o}: ${n.d.toFixed(1)} (${n.vision})`);
      }
    }
    expect(far).toEqual([]);
  });

  test('no group is blue or orange (the colours of A and B), and every group shows on the animation’s light grey', () => {
    for (const g of GROUP_COLOURS) {
      const { h, c } = hue(g);
      if (c > 15) {
        expect(h > 215 && h < 305, `${g}: hue ${h.toFixed(0)} is blue`).toBe(false);
        expect(h > 40 && h < 85, `${g}: hue ${h.toFixed(0)} is orange`).toBe(false);
      }
      expect(contrast(g, '#f3f3f3'), g).toBeGreaterThanOrEqual(2.5);
    }
    // the check itself tells blue and orange: A's and B's own colours fail it
    expect(hue(POLICY_COLOURS[0]).h).toBeGreaterThan(215);
    expect(hue(POLICY_COLOURS[0]).h).toBeLessThan(305);
    expect(hue(POLICY_COLOURS[1]).h).toBeGreaterThan(40);
    expect(hue(POLICY_COLOURS[1]).h).toBeLessThan(85);
  });
});
