/**
 * The settings panel's scenario values (levers.ts): grouped by topic,
 * collapsed, a search box over their labels and paths, a box per value with
 * its unit, range and the scenario's own value, an inline message in the
 * CLI's words for a value not allowed (Run is off until it is fixed), and
 * "Save this scenario" (scenario-file.ts). Also the registry of the panel's inputs that hold a
 * value not allowed (the run settings' too), which turns Run off.
 */
import { SETTING_NAMES, type NumberSpec, type Scenario } from '../sim/index.ts';
import type { PageData } from './data.ts';
import { h, withCode } from './dom.ts';
import { count, num, pct, texts, type Lang } from './i18n.ts';
import { allowedText, choiceText, LEVER_TEXT, notAllowed, TOPIC_TEXT, unitText } from './lever-text.ts';
import { leversOf, patternOf, problemOf, sharesOf, TOPICS, valueAt, withLever, type Lever, type LeverChanges, type Topic } from './levers.ts';
import { groupName, serviceName } from './names.ts';
import type { Settings } from './settings.ts';
import { ENTITLEMENT_NAMES, ROUTES } from '../sim/constants.ts';

const TEXT = texts({
  title: 'Scenario values: what if…',
  intro: 'Change the office, the services, the labour market or the group mix. Both policies run in the scenario with these changes.',
  search: 'Search the scenario values', searchHint: 'e.g. caseload, places',
  none: (q: string) => `No scenario value matches “${q}”.`,
  changed: (n: number) => (n ? ` (${n} changed)` : ''),
  scenario: 'scenario', range: 'allowed',
  shareRule: 'Shares you set are kept; the groups you have not set share the rest in proportion to their shares in the scenario, so that all add up to 1.',
  rescaled: 'rescaled', total: 'Total',
  reset: 'Reset to the scenario’s values', resetGroups: 'Reset the group mix',
  save: 'Save this scenario (.json)',
  saveHint: ['A scenario file with the changes made here (scenario values, knobs, run settings): load it here again, or run it with ', h('code', {}, 'pathways compare --scenario FILE'), '.'],
  notNumber: (allowed: string) => `is not a number; expected ${allowed}`,
  tooFewChoices: (n: number, min: number) => `has ${n} items; expected at least ${min}`,
  byRight: 'By economic right', byRoute: 'By background', everyone: 'Everyone',
  blocked: (names: string) => `Run is off until these values are allowed: ${names}.`,
  yes: 'yes', no: 'no', changedList: 'changed',
  ranWith: 'These results are for the scenario with these values changed:',
}, {
  title: 'Verdier i scenariet: hva om …',
  intro: 'Endre kontoret, tiltakene, arbeidsmarkedet eller sammensetningen av gruppene. Begge politikkene kjøres i scenariet med disse endringene.',
  search: 'Søk i verdiene i scenariet', searchHint: 'f.eks. saksmengde, plasser',
  none: (q: string) => `Ingen verdi i scenariet passer til «${q}».`,
  changed: (n: number) => (n ? ` (${n} endret)` : ''),
  scenario: 'scenariet', range: 'tillatt',
  shareRule: 'Andelene du setter, beholdes; gruppene du ikke har satt, deler resten i forhold til andelene sine i scenariet, slik at alle til sammen blir 1.',
  rescaled: 'justert', total: 'Sum',
  reset: 'Tilbakestill til scenariets verdier', resetGroups: 'Tilbakestill sammensetningen',
  save: 'Lagre dette scenariet (.json)',
  saveHint: ['En scenariofil med endringene som er gjort her (verdier i scenariet, spaker, kjøring): last den inn her igjen, eller kjør den med ', h('code', {}, 'pathways compare --scenario FIL'), '.'],
  notNumber: (allowed: string) => `er ikke et tall; forventet ${allowed}`,
  tooFewChoices: (n: number, min: number) => `har ${n} valg; forventet minst ${min}`,
  byRight: 'Etter økonomisk rettighet', byRoute: 'Etter bakgrunn', everyone: 'Alle',
  blocked: (names: string) => `Kjør er slått av til disse verdiene er tillatt: ${names}.`,
  yes: 'ja', no: 'nei', changedList: 'endret',
  ranWith: 'Disse resultatene gjelder scenariet med disse verdiene endret:',
});

// ---------------------------------------------------------------------------
// Inputs holding a value not allowed

interface PanelState {
  scenario: Scenario | undefined;
  /** Details open (by id) while no search is going on. */
  open: Set<string>;
  query: string;
  /** Inputs holding a value not allowed, by id: what was typed and what the value is called. */
  problems: Map<string, { text: string; bad: boolean; label: string }>;
}
const STATE = new WeakMap<HTMLElement, PanelState>();

/** The panel's state for `root` (the settings panel); a new scenario starts afresh. */
function stateOf(root: HTMLElement, s: Scenario | undefined): PanelState {
  let st = STATE.get(root);
  if (!st || st.scenario !== s) STATE.set(root, (st = { scenario: s, open: new Set(), query: '', problems: new Map() }));
  return st;
}

/** The inputs of `root` that hold a value not allowed (their labels): Run is off while there are any. */
export const inputProblems = (root: HTMLElement): string[] => [...(STATE.get(root)?.problems.values() ?? [])].map((p) => p.label);

/** What was typed into input `id` when it was not allowed, to show it again after the panel is rebuilt. */
export const typedProblem = (root: HTMLElement, id: string): { text: string; bad: boolean } | undefined => STATE.get(root)?.problems.get(id);

/**
 * Record whether input `id` of `root` holds a value not allowed (`problem`:
 * what was typed, and what the value is called), and turn Run off (or on
 * again, when nothing else is wrong and Run was allowed: its `data-can-run`).
 */
export function setProblem(root: HTMLElement, id: string, problem: { text: string; bad: boolean; label: string } | undefined, lang: Lang): void {
  const st = STATE.get(root);
  if (!st) return;
  if (problem) st.problems.set(id, problem);
  else st.problems.delete(id);
  refreshRun(root, lang);
}

/** Show `problem` (or nothing) as the inline message of `input`. */
export function showProblem(input: HTMLElement, message: HTMLElement, problem: string | undefined): void {
  message.textContent = problem ?? '';
  message.hidden = !problem;
  input.setAttribute('aria-invalid', problem ? 'true' : 'false');
}

/** Both: record the problem of `input` and show its message. */
export function markInput(root: HTMLElement, input: HTMLInputElement, message: HTMLElement, label: string, problem: string | undefined, lang: Lang): void {
  showProblem(input, message, problem);
  setProblem(root, input.id, problem ? { text: input.value, bad: input.validity.badInput, label } : undefined, lang);
}

/** Run's state and the line saying why it is off. */
export function refreshRun(root: HTMLElement, lang: Lang): void {
  const names = inputProblems(root);
  const run = root.querySelector<HTMLButtonElement>('#run');
  if (run) run.disabled = run.dataset.canRun !== '1' || names.length > 0;
  const save = root.querySelector<HTMLButtonElement>('#save-scenario');
  if (save) save.disabled = names.length > 0 || run?.dataset.scenario !== '1';
  const note = root.querySelector<HTMLElement>('#run-blocked');
  if (note) {
    note.textContent = names.length ? TEXT(lang).blocked(names.join(', ')) : '';
    note.hidden = names.length === 0;
  }
}

// ---------------------------------------------------------------------------
// The panel

export interface LeversContext {
  settings: Settings;
  /** The scenario as loaded (before the page's changes). */
  scenario: Scenario;
  fileName?: string;
  onChange(patch: Partial<Settings>, rerender?: boolean): void;
}

/** "Save this scenario": a button that downloads the page's settings as a scenario file (scenario-file.ts), and what the file is for. */
export function saveTools(lang: Lang, enabled: boolean, onSave: () => void): HTMLElement[] {
  const T = TEXT(lang);
  return [
    h('button', { id: 'save-scenario', type: 'button', disabled: !enabled, 'aria-describedby': 'save-hint', onclick: () => onSave() }, T.save),
    h('p', { class: 'hint', id: 'save-hint' }, ...T.saveHint),
  ];
}

const idOf = (path: string) => `lever-${path.replace(/[^A-Za-z0-9_-]/g, '_')}`;

/** What a lever is called in the page's language. */
export function leverLabel(l: Lever, lang: Lang): string {
  return LEVER_TEXT[l.pattern][lang];
}

/** A lever's one-line explanation: the schema's doc in English, its bokmål line in bokmål; `name` in backticks as code. */
function leverLine(l: Lever, lang: Lang): (Node | string)[] {
  const text = withoutFindings(lang === 'en' ? l.spec.doc : LEVER_TEXT[l.pattern].nbLine);
  return withCode(text);
}

/**
 * A doc line without its references to the findings of docs/MODEL.md
 * ("(F8, Card ...)" → "(Card ...)", "(F9)" → ""): for the page, where they
 * would mean nothing; the schema, MODEL.md and the JSON Schema keep them.
 */
export function withoutFindings(text: string): string {
  return text.replace(/\s*\(([^()]*)\)/g, (whole, inner: string) => {
    const rest = inner.replace(/\bF\d+\b(?:[,;]\s*)?/g, '').replace(/[,;]\s*$/, '').trim();
    if (rest === inner.trim()) return whole;
    return rest ? ` (${rest})` : '';
  });
}

/** A value as the box shows it, with the language's decimal mark (and as the What if… view lists a change). */
export const leverNumber = (v: number, lang: Lang): string => (Number.isInteger(v) && Math.abs(v) >= 10_000 ? count(v, lang) : num(v, lang, Math.min(6, (String(v).split('.')[1] ?? '').length)));

/** The scenario values panel for `root` (the settings panel). */
export function leversPanel(root: HTMLElement, ctx: LeversContext): HTMLElement {
  const { scenario: s, settings } = ctx;
  const lang = settings.lang;
  const T = TEXT(lang);
  const st = stateOf(root, s);
  const levers = leversOf(s);
  let changes: LeverChanges = { ...settings.levers };
  const rows = new Map<string, HTMLElement>();
  const summaries: { el: HTMLElement; text: string; prefix: string }[] = [];
  const groupProblem = h('p', { class: 'lever-problem', role: 'alert', id: 'lever-groups-problem', hidden: true });

  const countChanged = (prefix: string) => Object.keys(changes).filter((p) => p.startsWith(prefix)).length;
  const commit = (next: LeverChanges) => {
    changes = next;
    for (const x of summaries) x.el.textContent = x.text + T.changed(countChanged(x.prefix));
    for (const [path, row] of rows) row.classList.toggle('changed', Object.hasOwn(changes, path));
    updateShares();
    ctx.onChange({ levers: changes });
  };

  const shareInputs = new Map<string, HTMLInputElement>();
  function updateShares(): void {
    const { shares, set, problem } = sharesOf(s, changes);
    for (const [g, input] of shareInputs) {
      const row = rows.get(`groups.${g}.share`);
      row?.classList.toggle('rescaled', !set.has(g) && shares[g] !== s.groups.find((x) => x.name === g)?.share);
      // a share not set shows rounded (the run uses it in full), every share also as a percentage
      if (document.activeElement !== input && !st.problems.has(input.id)) input.value = String(set.has(g) ? shares[g] : Number(shares[g].toFixed(3)));
      const shown = row?.querySelector('.share-pct');
      if (shown) shown.textContent = pct(shares[g], lang, 1);
    }
    groupProblem.textContent = problem ? `${problem}.` : '';
    groupProblem.hidden = !problem;
    // a mix that cannot add up to 1 is a value not allowed: Run is off
    setProblem(root, 'lever-groups', problem ? { text: '', bad: false, label: TOPIC_TEXT.groups[lang] } : undefined, lang);
  }

  function numberRow(l: Lever & { kind: 'number' }): HTMLElement {
    const spec = l.spec as NumberSpec;
    const id = idOf(l.path);
    const base = valueAt(s, l.path) as number;
    const label = leverLabel(l, lang) + (l.item && l.topic === 'groups' ? `: ${itemName(l)}` : '');
    const message = h('p', { id: `${id}-problem`, class: 'lever-problem', role: 'alert', hidden: true });
    const check = (text: string, bad: boolean): string | undefined => {
      if (bad) return T.notNumber(allowedText(spec, lang));
      if (text.trim() === '') return undefined;
      return problemOf(l, Number(text)) === undefined ? undefined : notAllowed(text.trim(), spec, lang);
    };
    const input = h('input', {
      id, type: 'number', min: spec.min, max: spec.max, step: spec.integer ? 1 : 'any', inputmode: spec.integer ? 'numeric' : 'decimal',
      value: String(changes[l.path] ?? base), placeholder: String(base), 'aria-describedby': `${id}-line ${id}-problem`,
      oninput: () => {
        const problem = check(input.value, input.validity.badInput);
        markInput(root, input, message, label, problem, lang);
        if (!problem) commit(withLever(s, changes, l.path, input.value.trim() === '' ? undefined : Number(input.value)));
      },
      onblur: () => {
        // an empty box is the scenario's value: show it
        if (input.value.trim() === '' && !input.validity.badInput) input.value = l.topic === 'groups' ? String(sharesOf(s, changes).shares[l.item!]) : String(base);
      },
    });
    const typed = st.problems.get(id);
    if (typed) {
      input.value = typed.text;
      const problem = check(typed.text, typed.bad);
      if (problem) {
        message.textContent = problem;
        message.hidden = false;
        input.setAttribute('aria-invalid', 'true');
      } else st.problems.delete(id);
    }
    if (l.topic === 'groups') shareInputs.set(l.item!, input);
    const unit = unitText(spec.unit, lang);
    const range = `${T.range} ${leverNumber(spec.min, lang)}–${leverNumber(spec.max, lang)}`;
    return row(l, h('div', { class: 'lever-number' },
      h('label', { for: id }, l.topic === 'groups' ? itemName(l) : leverLabel(l, lang)),
      h('span', { class: 'lever-box' }, input, unit ? h('span', { class: 'unit' }, unit) : undefined,
        l.topic === 'groups' ? h('span', { class: 'share-pct' }) : undefined,
        l.topic === 'groups' ? h('span', { class: 'rescaled-mark' }, T.rescaled) : undefined)),
    h('p', { class: 'hint', id: `${id}-line` }, ...(l.topic === 'groups' ? [] : [...leverLine(l, lang), ' ']), h('span', { class: 'lever-range' }, `${range}; ${T.scenario}: ${leverNumber(base, lang)}.`)),
    message);
  }

  function booleanRow(l: Lever): HTMLElement {
    const id = idOf(l.path);
    const base = valueAt(s, l.path) as boolean;
    const input = h('input', {
      id, type: 'checkbox', checked: (changes[l.path] ?? base) === true, 'aria-describedby': `${id}-line`,
      onchange: () => commit(withLever(s, changes, l.path, input.checked)),
    });
    return row(l, h('div', { class: 'lever-bool' }, input, h('label', { for: id }, leverLabel(l, lang))),
      h('p', { class: 'hint', id: `${id}-line` }, ...leverLine(l, lang), ' ', h('span', { class: 'lever-range' }, `${T.scenario}: ${base ? T.yes : T.no}.`)));
  }

  function choicesRow(l: Lever & { kind: 'choices' }): HTMLElement {
    const id = idOf(l.path);
    const base = valueAt(s, l.path) as string[];
    const current = new Set((changes[l.path] as string[] | undefined) ?? base);
    const message = h('p', { id: `${id}-problem`, class: 'lever-problem', role: 'alert', hidden: true });
    const boxes: HTMLInputElement[] = [];
    const label = `${leverLabel(l, lang)}: ${itemName(l)}`;
    const onchange = () => {
      const list = l.values.filter((v) => boxes.find((b) => b.value === v)?.checked);
      const problem = problemOf(l, list) === undefined ? undefined : T.tooFewChoices(list.length, l.spec.minItems ?? 1);
      markInput(root, boxes[0], message, label, problem, lang);
      if (!problem) commit(withLever(s, changes, l.path, list));
    };
    const box = (v: string) => {
      const input = h('input', { type: 'checkbox', id: `${id}-${v}`, value: v, checked: current.has(v), onchange });
      boxes.push(input);
      return h('label', { class: 'choice', for: `${id}-${v}` }, input, choiceText(v, lang));
    };
    const part = (title: string, values: readonly string[]) => h('div', { class: 'choice-part' }, h('span', { class: 'choice-title' }, title), ...values.map(box));
    return row(l, h('fieldset', { class: 'lever-choices', 'aria-describedby': `${id}-line ${id}-problem` },
      h('legend', {}, leverLabel(l, lang)),
      part(T.everyone, ['anyone', 'benefitRights']), part(T.byRight, ENTITLEMENT_NAMES), part(T.byRoute, ROUTES)),
    h('p', { class: 'hint', id: `${id}-line` }, ...leverLine(l, lang)), message);
  }

  const itemName = (l: Lever): string => {
    if (l.topic === 'groups') {
      const g = s.groups.find((x) => x.name === l.item)!;
      return groupName(g.name, g.label ?? g.name, lang);
    }
    const sv = s.services.find((x) => x.id === l.item)!;
    return serviceName(sv.id, sv.label ?? sv.id, lang);
  };

  function row(l: Lever, ...children: (HTMLElement | undefined)[]): HTMLElement {
    const search = [leverLabel(l, lang), l.path, l.item ? itemName(l) : ''].join(' ').toLowerCase();
    const el = h('div', { class: `lever${Object.hasOwn(changes, l.path) ? ' changed' : ''}`, 'data-path': l.path, 'data-search': search }, ...children);
    rows.set(l.path, el);
    return el;
  }

  const leverRow = (l: Lever) => (l.kind === 'number' ? numberRow(l) : l.kind === 'boolean' ? booleanRow(l) : choicesRow(l as Lever & { kind: 'choices' }));

  const details = (id: string, title: string, prefix: string, cls: string, ...children: HTMLElement[]) => {
    const summary = h('summary', {}, title + T.changed(countChanged(prefix)));
    summaries.push({ el: summary, text: title, prefix });
    const d = h('details', { id, class: cls, open: st.open.has(id) || undefined }, summary, ...children);
    d.addEventListener('toggle', () => {
      if (st.query !== '') return;
      if (d.open) st.open.add(id);
      else st.open.delete(id);
    });
    return d;
  };

  const topicPart = (topic: Topic): HTMLElement => {
    const mine = levers.filter((l) => l.topic === topic);
    const title = TOPIC_TEXT[topic][lang];
    if (topic === 'services') {
      const parts = s.services.map((sv) => details(`levers-service-${sv.id.replace(/[^A-Za-z0-9_-]/g, '_')}`, serviceName(sv.id, sv.label ?? sv.id, lang), `services.${sv.id}.`, 'lever-item',
        ...mine.filter((l) => l.item === sv.id).map(leverRow)));
      return details('levers-services', title, 'services.', 'lever-topic', ...parts);
    }
    if (topic === 'groups') {
      return details('levers-groups', title, 'groups.', 'lever-topic',
        h('p', { class: 'hint share-rule' }, `${LEVER_TEXT['groups.*.share'][lang]}. ${T.shareRule}`),
        ...mine.map(leverRow), groupProblem,
        h('button', { type: 'button', class: 'link', onclick: () => commit(Object.fromEntries(Object.entries(changes).filter(([p]) => !p.startsWith('groups.')))) }, T.resetGroups));
    }
    return details(`levers-${topic}`, title, `${topic}.`, 'lever-topic', ...mine.map(leverRow));
  };

  const none = h('p', { class: 'lever-none hint', hidden: true });
  const topics = TOPICS.map(topicPart);
  const filter = (q: string) => {
    st.query = q.trim().toLowerCase();
    for (const el of rows.values()) el.hidden = st.query !== '' && !(el.dataset.search ?? '').includes(st.query);
    let shown = 0;
    const walk = (d: HTMLDetailsElement) => {
      const any = [...d.querySelectorAll<HTMLElement>('.lever')].some((x) => !x.hidden);
      d.hidden = !any;
      d.open = st.query !== '' ? any : st.open.has(d.id);
      if (any && d.classList.contains('lever-topic')) shown++;
    };
    for (const t of topics) {
      t.querySelectorAll<HTMLDetailsElement>('details').forEach(walk);
      walk(t as HTMLDetailsElement);
    }
    none.textContent = st.query !== '' && shown === 0 ? T.none(q.trim()) : '';
    none.hidden = !(st.query !== '' && shown === 0);
  };
  const search = h('input', {
    id: 'lever-search', type: 'search', value: st.query, placeholder: T.searchHint, autocomplete: 'off',
    oninput: (e) => filter((e.target as HTMLInputElement).value),
  });

  const panel = h('fieldset', { class: 'levers', id: 'levers' },
    h('legend', {}, T.title),
    h('p', { class: 'hint' }, T.intro),
    h('div', { class: 'field' }, h('label', { for: 'lever-search' }, T.search), search),
    none,
    ...topics,
    h('div', { class: 'lever-tools' },
      h('button', {
        type: 'button', class: 'link', onclick: () => {
          for (const id of [...st.problems.keys()]) if (id.startsWith('lever-')) st.problems.delete(id);
          ctx.onChange({ levers: {} }, true);
        },
      }, T.reset)));
  if (st.query !== '') filter(st.query);
  // after the panel is in the document: the group mix's state turns Run off or on
  queueMicrotask(updateShares);
  return panel;
}

/**
 * The scenario values the shown results were run with, where they differ
 * from the scenario (the results' `changes`, as `pathways compare --json`
 * lists them; the run sizes are in the table's caption and the link), by
 * their names on the page; undefined when there are none.
 */
export function changesNote(data: PageData, lang: Lang): HTMLElement | undefined {
  const T = TEXT(lang);
  const sizes: readonly string[] = SETTING_NAMES;
  const shown = new Map<string, string>();
  for (const [path, v] of Object.entries(data.compare.changes)) {
    if (sizes.includes(path)) continue;
    // a list of choices changed item by item (`services.x.entry.0`) is one change of the list
    const whole = patternOf(path) ? path : path.replace(/\.\d+$/, '');
    const def = patternOf(whole);
    if (!def) {
      shown.set(path, `${path}: ${JSON.stringify(v)}`);
      continue;
    }
    const item = whole.split('.')[1];
    const name = def.topic === 'groups' ? groupName(item, data.meta.groups.find((g) => g.name === item)?.label ?? item, lang)
      : def.topic === 'services' ? serviceName(item, data.meta.services.find((x) => x.id === item)?.label ?? item, lang) : undefined;
    const label = `${LEVER_TEXT[def.pattern][lang]}${name ? ` (${name})` : ''}`;
    const value = whole !== path || !(typeof v === 'number' || typeof v === 'boolean' || Array.isArray(v)) ? T.changedList
      : typeof v === 'number' ? leverNumber(v, lang) : typeof v === 'boolean' ? (v ? T.yes : T.no) : v.map((x) => choiceText(String(x), lang)).join(', ');
    shown.set(whole, `${label}: ${value}`);
  }
  if (shown.size === 0) return undefined;
  return h('div', { class: 'run-changes', id: 'run-changes' }, h('p', {}, T.ranWith), h('ul', {}, ...[...shown.values()].map((x) => h('li', {}, x))));
}
