/**
 * Settings to and from the address bar. Everything that changes a result is
 * in the link; a loaded scenario file travels in the hash as base64url JSON.
 * Bad values in a link are reported (field, value, what is allowed) and the
 * default is used instead.
 */
import { KNOBS, type NumberSpec } from '../sim/index.ts';
import { GROUP_METRICS, type GroupMetric } from './data.ts';
import { LANGS, type Lang } from './i18n.ts';
import { STORY_STEPS } from './story-steps.ts';
import { DEFAULTS, KNOB_NAMES, VIEWS, type PolicyChoice, type Settings, type View } from './settings.ts';


export function toQuery(s: Settings): string {
  const q = new URLSearchParams();
  q.set('scenario', s.scenario);
  for (const side of ['a', 'b'] as const) {
    q.set(side, s[side].base);
    for (const k of KNOB_NAMES) if (s[side].knobs[k] !== undefined) q.set(`${side}.${k}`, String(s[side].knobs[k]));
  }
  if (s.seed !== undefined) q.set('seed', String(s.seed));
  if (s.replications !== undefined) q.set('reps', String(s.replications));
  if (s.agents !== undefined) q.set('agents', String(s.agents));
  if (s.weeks !== undefined) q.set('weeks', String(s.weeks));
  if (s.lang !== DEFAULTS.lang) q.set('lang', s.lang);
  if (s.view !== DEFAULTS.view) q.set('view', s.view);
  if (s.persona) q.set('persona', s.persona);
  if (s.measure) q.set('measure', s.measure);
  if (s.view === 'story') q.set('step', String(s.step + 1));
  if (s.projector) q.set('projector', '1');
  const hash = s.scenario === 'custom' && s.custom ? `#custom=${encodeBase64Url(s.custom)}` : '';
  return `?${q.toString()}${hash}`;
}

/** Integer fields of a link and their ranges: the schema's, except the page's own limits on people (memory) and replications. */
const INTS = { seed: [0, 4294967295], reps: [1, 100], agents: [1, 200_000], weeks: [1, 1560], step: [1, STORY_STEPS.length] } as const;

export function fromQuery(search: string, hash: string, shipped: string[]): { settings: Settings; errors: string[] } {
  const q = new URLSearchParams(search);
  const errors: string[] = [];
  const s: Settings = structuredClone(DEFAULTS);
  const bad = (field: string, value: string, allowed: string) => errors.push(`link: ${field}: ${JSON.stringify(value)} is not allowed; expected ${allowed}`);
  const int = (field: keyof typeof INTS): number | undefined => {
    const v = q.get(field);
    if (v === null) return undefined;
    const [lo, hi] = INTS[field];
    const n = Number(v);
    if (!/^\d+$/.test(v) || n < lo || n > hi) return void bad(field, v, `an integer from ${lo} to ${hi}`);
    return n;
  };
  const custom = /(?:^#|&)custom=([^&]*)/.exec(hash)?.[1];
  const scenario = q.get('scenario');
  if (scenario !== null) {
    if (shipped.includes(scenario) || (scenario === 'custom' && custom)) s.scenario = scenario;
    else bad('scenario', scenario, `one of ${shipped.join(', ')}`);
  }
  if (s.scenario === 'custom' && custom) {
    try {
      s.custom = decodeBase64Url(custom);
    } catch {
      bad('custom', custom.slice(0, 20), 'a scenario encoded by this page');
      s.scenario = DEFAULTS.scenario;
    }
  }
  for (const side of ['a', 'b'] as const) {
    const choice: PolicyChoice = { base: q.get(side) ?? DEFAULTS[side].base, knobs: {} };
    for (const k of KNOB_NAMES) {
      const v = q.get(`${side}.${k}`);
      if (v === null) continue;
      const spec = KNOBS.fields[k] as NumberSpec;
      const n = Number(v);
      if (v.trim() === '' || !Number.isFinite(n) || n < spec.min || n > spec.max) bad(`${side}.${k}`, v, `a number from ${spec.min} to ${spec.max}`);
      else choice.knobs[k] = n;
    }
    s[side] = choice;
  }
  s.seed = int('seed');
  s.replications = int('reps');
  s.agents = int('agents');
  s.weeks = int('weeks');
  const step = int('step');
  if (step !== undefined) s.step = step - 1;
  const lang = q.get('lang');
  if (lang !== null) {
    if ((LANGS as readonly string[]).includes(lang)) s.lang = lang as Lang;
    else bad('lang', lang, LANGS.join(' or '));
  }
  const view = q.get('view');
  if (view !== null) {
    if ((VIEWS as readonly string[]).includes(view)) s.view = view as View;
    else bad('view', view, `one of ${VIEWS.join(', ')}`);
  }
  s.persona = q.get('persona') ?? undefined; // checked against the scenario's personas by the page
  const measure = q.get('measure');
  if (measure !== null) {
    if ((GROUP_METRICS as readonly string[]).includes(measure)) s.measure = measure as GroupMetric;
    else bad('measure', measure, `one of ${GROUP_METRICS.join(', ')}`);
  }
  s.projector = q.get('projector') === '1';
  return { settings: s, errors };
}

function encodeBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function decodeBase64Url(s: string): string {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
}
