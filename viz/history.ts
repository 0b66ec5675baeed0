/**
 * The run history: the last few runs of the two policies, kept in memory with
 * the settings they were run with, compared at a glance (share in work at the
 * end under A and B and the difference) and recalled with one click (the
 * settings and the results as they were, without running again). Nothing is
 * stored beyond the page's lifetime.
 */
import type { RunResult } from '../sim/index.ts';
import { intervalText } from '../sim/format.ts';
import type { PageData } from './data.ts';
import { h } from './dom.ts';
import { texts, type Lang } from './i18n.ts';
import type { Settings } from './settings.ts';
import { metricText } from './text.ts';
import './history.css';

/** Runs kept. */
export const HISTORY_SIZE = 5;

export interface HistoryEntry {
  /** 1 for the page's first run, counting up. */
  n: number;
  settings: Settings;
  data: PageData;
  runs: RunResult[];
}

/** `history` with `entry` first; an entry with the same settings' results is replaced; at most HISTORY_SIZE. */
export function remembered(history: readonly HistoryEntry[], entry: HistoryEntry, key: (s: Settings) => string): HistoryEntry[] {
  const k = key(entry.settings);
  return [entry, ...history.filter((e) => key(e.settings) !== k)].slice(0, HISTORY_SIZE);
}

const TEXT = texts({
  title: (n: number) => `Earlier runs (${n})`,
  hint: 'The last runs of this page, newest first: recall one to see its settings and results again, without running it again.',
  run: 'Run', scenario: 'Scenario', policies: 'Policies', changes: 'Changes', work: 'In work at the end: A, B, B − A',
  changed: (n: number) => `${n} changed`, none: 'none', shown: 'shown', recall: (n: number) => `Recall run ${n}`,
}, {
  title: (n: number) => `Tidligere kjøringer (${n})`,
  hint: 'De siste kjøringene på denne siden, nyeste først: hent fram en for å se innstillingene og resultatene igjen, uten å kjøre den på nytt.',
  run: 'Kjøring', scenario: 'Scenario', policies: 'Politikker', changes: 'Endringer', work: 'I arbeid ved slutten: A, B, B − A',
  changed: (n: number) => `${n} endret`, none: 'ingen', shown: 'vises', recall: (n: number) => `Hent fram kjøring ${n}`,
});

const changes = (s: Settings) => Object.keys(s.a.knobs).length + Object.keys(s.b.knobs).length + Object.keys(s.levers).length;

/** The history as a collapsed table, or nothing before a second run. `shown` is the entry on screen. */
export function historyPart(history: readonly HistoryEntry[], shown: number | undefined, lang: Lang, recall: (e: HistoryEntry) => void): HTMLElement | undefined {
  if (history.length < 2) return undefined;
  const t = TEXT(lang);
  const work = (e: HistoryEntry) => {
    const [a, b] = e.data.meta.policies;
    const c = e.data.compare;
    const x = (p: string) => metricText('employedShare', c.policies[p].summary.employedShare.mean as number, lang);
    const d = c.difference.employedShare as { mean: number; ci95: [number, number] };
    const f = (v: number) => metricText('employedShare', v, lang, { difference: true });
    return `${x(a)}, ${x(b)}, ${f(d.mean)} ${intervalText(f(d.ci95[0]), f(d.ci95[1]), lang)}`;
  };
  return h('details', { class: 'history', id: 'history' }, h('summary', {}, t.title(history.length)),
    h('p', { class: 'hint' }, t.hint),
    h('div', { class: 'table-wrap' }, h('table', { class: 'history-table' },
      h('thead', {}, h('tr', {}, ...[t.run, t.scenario, t.policies, t.changes, t.work, ''].map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, ...history.map((e) => h('tr', { 'data-run': String(e.n), class: e.n === shown ? 'shown' : '' },
        h('td', {}, `#${e.n}`), h('td', {}, e.data.meta.title), h('td', {}, e.data.meta.policyLabels.join(' / ')),
        h('td', {}, changes(e.settings) ? t.changed(changes(e.settings)) : t.none), h('td', {}, work(e)),
        h('td', {}, e.n === shown ? t.shown : h('button', { type: 'button', class: 'small', id: `recall-${e.n}`, onclick: () => recall(e) }, t.recall(e.n)))))))));
}
