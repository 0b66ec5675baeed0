/**
 * Settings to and from the address bar. Everything that changes a result is
 * in the link; a loaded scenario file travels in the hash, compressed
 * (#custom=deflate.BASE64URL; older links' #custom=BASE64URL JSON still
 * open). Bad values in a link are reported (field, value, what is allowed)
 * and the default is used instead.
 */
import { InputError, KNOBS, parseJson, type NumberSpec } from '../sim/index.ts';
import { checkedComparison, presetOf, PRESETS } from './whatif-state.ts';
import { suggest } from '../sim/errors.ts';
import { CHART_CONTROLS as CHARTS_CONTROLS } from './charts/index.ts';
import { EQUITY_CONTROL } from './whatif-charts.ts';
import { LANGS, type Lang } from './i18n.ts';
import { leverQuery, parseLeverQuery } from './levers.ts';
import { STORY_STEPS } from './story-steps.ts';
import { DEFAULTS, KNOB_NAMES, LIMITS, MAX_SCENARIO_CHARS, VIEWS, type PolicyChoice, type Settings, type View } from './settings.ts';

/**
 * The link for settings `s`. A loaded scenario goes in the hash as
 * `customHash` (from `packScenario(s.custom)`); without it the link names
 * `scenario=custom` only (a file too large for a link).
 */
export function toQuery(s: Settings, customHash?: string): string {
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
  if (s.draw !== undefined && s.draw > 0) q.set('draw', String(s.draw + 1));
  for (const { chart, control } of CHART_CONTROLS) if (s.choices[chart] !== undefined) q.set(control.param, s.choices[chart]);
  if (s.view === 'story') q.set('step', String(s.step + 1));
  if (s.projector) q.set('projector', '1');
  if (s.whatif !== undefined) q.set('whatif', s.whatif);
  else if (s.arms !== undefined) q.set('arms', JSON.stringify(s.arms));
  const hash = s.scenario === 'custom' && s.custom && customHash ? `#custom=${customHash}` : '';
  // scenario values changed on the page, written as they read: set=office.caseload:40,groups.refugee.share:0.3
  const set = leverQuery(s.levers);
  return `?${q.toString()}${set ? `&set=${set}` : ''}${hash}`;
}

/** Every chart control whose value the link keeps: the charts' registry's and the What if… view's equity measure. */
const CHART_CONTROLS = [...CHARTS_CONTROLS, { chart: EQUITY_CONTROL.chart, control: EQUITY_CONTROL }];

/** Integer fields of a link and their ranges: the page's LIMITS (settings.ts), and the story's steps. */
const INTS = { seed: LIMITS.seed, reps: LIMITS.replications, agents: LIMITS.agents, weeks: LIMITS.weeks, step: [1, STORY_STEPS.length], draw: [1, LIMITS.replications[1]] } as const;

/** Settings from a link (search and hash); resolves once a compressed scenario in the hash is unpacked. */
export async function fromQuery(search: string, hash: string, shipped: string[]): Promise<{ settings: Settings; errors: string[] }> {
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
    else if (scenario === 'custom') errors.push('link: scenario: "custom" needs the scenario file, which this link does not carry (it was too large for a link); load the file with “Load a scenario file”');
    else bad('scenario', scenario, `one of ${shipped.join(', ')}`);
  }
  if (s.scenario === 'custom' && custom) {
    try {
      s.custom = await unpackScenario(custom);
    } catch (err) {
      bad('custom', custom.length > 20 ? `${custom.slice(0, 20)}…` : custom, err instanceof RangeError ? err.message : 'a scenario file encoded by this page');
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
  // a misspelt knob is reported, not silently ignored
  for (const key of new Set(q.keys())) {
    const m = /^([ab])\.(.*)$/s.exec(key);
    if (m && !(KNOB_NAMES as readonly string[]).includes(m[2])) {
      errors.push(`link: ${key}: is not a knob${suggest(m[2], KNOB_NAMES, `${m[1]}.`)}; knobs: ${KNOB_NAMES.join(', ')}`);
    }
  }
  // the raw `set` values: its paths and values are percent-encoded part by part (levers.ts)
  for (const m of search.replace(/^\?/, '').split('&').filter((x) => x.startsWith('set='))) {
    const parsed = parseLeverQuery(m.slice(4));
    Object.assign(s.levers, parsed.changes);
    errors.push(...parsed.errors);
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
  const draw = int('draw');
  if (draw !== undefined) s.draw = draw - 1; // checked against the run's replications by the page
  // each chart's control under its own parameter (the groups chart's `measure`)
  for (const { chart, control } of CHART_CONTROLS) {
    const v = q.get(control.param);
    if (v === null) continue;
    if (control.values.includes(v)) s.choices[chart] = v;
    else bad(control.param, v, `one of ${control.values.join(', ')}`);
  }
  s.projector = q.get('projector') === '1';
  const whatif = q.get('whatif');
  if (whatif !== null) {
    if (presetOf(whatif)) s.whatif = whatif;
    else bad('whatif', whatif, `one of ${PRESETS.map((w) => w.id).join(', ')}`);
  }
  const arms = q.get('arms');
  if (arms !== null && s.whatif === undefined) {
    try {
      s.arms = checkedComparison(parseJson(arms, 'link: arms'));
    } catch (err) {
      errors.push(...(err instanceof InputError ? err.lines.map((l) => (l.startsWith('link') ? l : `link: ${l}`)) : [`link: arms: ${(err as Error).message}`]));
    }
  }
  return { settings: s, errors };
}

const PACKED = 'deflate.';

/** A scenario file for a link: deflate-raw compressed, base64url, marked `deflate.` (a character base64url never uses). */
export async function packScenario(text: string): Promise<string> {
  const stream = new Blob([new TextEncoder().encode(text)]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return PACKED + toBase64Url(new Uint8Array(await new Response(stream).arrayBuffer()));
}

/**
 * The scenario file in a link: compressed (`deflate.…`), or an older link's
 * base64url JSON. Throws on anything else, and with a RangeError when it
 * unpacks to more than MAX_SCENARIO_CHARS (a link must not fill the memory).
 */
export async function unpackScenario(value: string): Promise<string> {
  if (!value.startsWith(PACKED)) return utf8(fromBase64Url(value));
  const stream = new Blob([fromBase64Url(value.slice(PACKED.length))]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value: chunk } = await reader.read();
    if (done) break;
    size += chunk.length;
    if (size > MAX_SCENARIO_CHARS * 3) {
      await reader.cancel();
      throw new RangeError(`a scenario file of at most ${MAX_SCENARIO_CHARS.toLocaleString('en')} characters`);
    }
    parts.push(chunk);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.length;
  }
  const text = utf8(bytes);
  if (text.length > MAX_SCENARIO_CHARS) throw new RangeError(`a scenario file of at most ${MAX_SCENARIO_CHARS.toLocaleString('en')} characters`);
  return text;
}

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): Uint8Array<ArrayBuffer> {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

const utf8 = (bytes: Uint8Array) => new TextDecoder('utf-8', { fatal: true }).decode(bytes);
