/** The page's frame: header, scenario Info, error boxes and tabs. Plain functions of what they show. */
import { baseOf, type Scenario } from '../sim/index.ts';
import { h, withCode } from './dom.ts';
import { fitsPart, type FitState } from './fits-view.ts';
import { count, LANGS, type Lang } from './i18n.ts';
import { nbOf } from './names.ts';
import { VIEWS, type Settings, type View } from './settings.ts';
import { UI } from './text.ts';

/** The header: title, then `tools` (the settings drawer's button) and the language and projector choices. */
export function renderHeader(el: HTMLElement, st: Settings, on: { lang(l: Lang): void; projector(p: boolean): void }, tools: Node[] = []): void {
  const T = UI(st.lang);
  el.replaceChildren(
    h('div', { class: 'title' }, h('h1', {}, T.title), h('p', { class: 'tagline' }, T.tagline)),
    h('div', { class: 'top-tools' }, ...tools,
      h('span', { class: 'top-choice' },
      h('label', { for: 'lang' }, T.language),
      h('select', { id: 'lang', onchange: (e) => on.lang((e.target as HTMLSelectElement).value as Lang) },
        // each language by its own name, in its own language
        ...LANGS.map((l) => h('option', { value: l, lang: l, selected: l === st.lang }, l === 'en' ? 'English' : 'Norsk bokmål')))),
      h('label', { class: 'toggle' }, h('input', { id: 'projector', type: 'checkbox', checked: st.projector, onchange: (e) => on.projector((e.target as HTMLInputElement).checked) }), T.projector)));
  document.documentElement.lang = st.lang;
  document.title = T.title;
  document.documentElement.classList.toggle('projector', st.projector);
  document.body.classList.toggle('projector', st.projector);
}

const shownInfo = new WeakMap<HTMLElement, { s: Scenario | undefined; lang: Lang; fit: string }>();

/** A text in the page's language, and whether it is English shown in bokmål (marked lang="en"). */
interface Shown<T> { text: T; en: boolean }

/**
 * A scenario's title and Info texts in the page's language: in bokmål its
 * bokmål texts (`titleNb`, `info.whatNb` ...), else the English (a scenario
 * without bokmål texts, or a file that extends one and changes an English
 * text but not its bokmål one: names.ts nbOf).
 */
export function scenarioTexts(s: Scenario, lang: Lang): {
  title: Shown<string>; what: Shown<string>; howItWorks: Shown<string>; howToUse: Shown<string>; notice: Shown<string[]>; try: Shown<string[]>;
} {
  const base = baseOf(s);
  const pick = <T extends string | string[]>(en: T, nb: T | undefined, b: { en: T | undefined; nb: T | undefined } | undefined): Shown<T> => {
    const local = lang === 'nb' ? nbOf(en, nb, b) : undefined;
    return { text: local ?? en, en: lang !== 'en' && local === undefined };
  };
  const i = s.info;
  const bi = base?.info;
  return {
    title: pick(s.title ?? s.name, s.titleNb, base && { en: base.title ?? base.name, nb: base.titleNb }),
    what: pick(i.what, i.whatNb, bi && { en: bi.what, nb: bi.whatNb }),
    howItWorks: pick(i.howItWorks, i.howItWorksNb, bi && { en: bi.howItWorks, nb: bi.howItWorksNb }),
    howToUse: pick(i.howToUse, i.howToUseNb, bi && { en: bi.howToUse, nb: bi.howToUseNb }),
    notice: pick(i.notice, i.noticeNb, bi && { en: bi.notice, nb: bi.noticeNb }),
    try: pick(i.try, i.tryNb, bi && { en: bi.try, nb: bi.tryNb }),
  };
}

/**
 * The scenario's Info text (what it is, how it works, how to use the page,
 * things to notice, things to try, and for researchers the scenario's own
 * "how to use it": its commands; in bokmål the scenario's bokmål texts where
 * it has them: scenarioTexts), then how the scenario as
 * shipped compares with published figures (fits-view.ts). Rebuilt only when
 * the scenario, the language or the fit's state (a loaded file, changed
 * knobs or scenario values) changes, not on every setting.
 */
export function renderInfo(el: HTMLElement, s: Scenario | undefined, lang: Lang, fit: FitState = { file: false, changed: false }): void {
  const last = shownInfo.get(el);
  const fitKey = `${fit.file}:${fit.changed}:${fit.levers ?? false}`;
  if (last && last.s === s && last.lang === lang && last.fit === fitKey) return;
  shownInfo.set(el, { s, lang, fit: fitKey });
  const T = UI(lang);
  if (!s) return void el.replaceChildren();
  const i = scenarioTexts(s, lang);
  const mark = (x: { en: boolean }) => (x.en ? { lang: 'en' } : {});
  const list = (xs: Shown<string[]>) => h('ul', mark(xs), ...xs.text.map((x) => h('li', {}, x)));
  el.replaceChildren(h('summary', {}, `${T.about}: `, h('span', mark(i.title), i.title.text)),
    h('h3', {}, T.what), h('p', mark(i.what), i.what.text), h('h3', {}, T.how), h('p', mark(i.howItWorks), i.howItWorks.text),
    h('h3', {}, T.use), h('p', {}, T.useText),
    h('h3', {}, T.notice), list(i.notice), h('h3', {}, T.try), list(i.try),
    // the scenario's own "how to use it" is its commands: for researchers, with the commands as code
    h('h3', {}, T.researchers), h('p', mark(i.howToUse), ...withCode(i.howToUse.text)),
    fitsPart(s, fit, lang));
}

/** Notes that are neither errors nor link problems: sizes capped at the page's limits, a file too large for a link. */
export interface FrameNotes {
  /** One line per size of the scenario capped at the page's LIMITS. */
  capped: string[];
  /** The loaded file is too large for a link: its compressed length, the limit, and how to download it. */
  tooLong?: { chars: number; max: number; download(): void };
  /** Run with the current settings: a Run button next to the note that the results are stale (the settings may be in a closed drawer). */
  run?(): void;
}

/** Error and warning boxes; rebuilt (and so announced) only when their content changes. */
export function renderErrors(el: HTMLElement, lang: Lang, scenarioErrors: string[], runError: string[], linkErrors: string[], stale: boolean, notes: FrameNotes = { capped: [] }): void {
  const key = JSON.stringify([lang, scenarioErrors, runError, linkErrors, stale, notes.capped, notes.tooLong?.chars]);
  if (el.dataset.shown === key) return;
  el.dataset.shown = key;
  const T = UI(lang);
  const problems = [...scenarioErrors, ...runError];
  const tooLong = notes.tooLong;
  el.replaceChildren(...[
    problems.length ? h('div', { class: 'error', role: 'alert' }, h('strong', {}, T.errorsTitle), h('ul', {}, ...problems.map((e) => h('li', {}, e)))) : undefined,
    linkErrors.length ? h('div', { class: 'warning', role: 'alert' }, T.linkErrors, h('ul', {}, ...linkErrors.map((e) => h('li', {}, e)))) : undefined,
    notes.capped.length ? h('div', { class: 'warning capped', role: 'alert' }, T.capped, h('ul', {}, ...notes.capped.map((e) => h('li', {}, e)))) : undefined,
    tooLong ? h('div', { class: 'warning too-long', role: 'alert' },
      h('p', {}, T.tooLong(count(tooLong.chars, lang), count(tooLong.max, lang))),
      h('button', { type: 'button', id: 'download-scenario', onclick: () => tooLong.download() }, T.downloadScenario)) : undefined,
    stale ? h('p', { class: 'stale' }, T.stale, notes.run ? [' ', h('button', { type: 'button', id: 'stale-run', class: 'small primary', onclick: () => notes.run?.() }, T.run)] : undefined) : undefined,
  ].filter((x) => x !== undefined));
}

/** Tabs for the views: click, or ← and → between them. */
export function renderTabs(el: HTMLElement, panel: HTMLElement, st: Settings, select: (v: View) => void): void {
  const T = UI(st.lang);
  el.replaceChildren(...VIEWS.map((v, k) => h('button', {
    role: 'tab', id: `tab-${v}`, type: 'button', 'aria-selected': String(v === st.view), 'aria-controls': 'view', tabindex: v === st.view ? 0 : -1,
    onclick: () => select(v),
    onkeydown: (e) => {
      const key = (e as KeyboardEvent).key;
      if (key !== 'ArrowRight' && key !== 'ArrowLeft') return;
      const next = VIEWS[(k + (key === 'ArrowRight' ? 1 : VIEWS.length - 1)) % VIEWS.length];
      select(next);
      document.getElementById(`tab-${next}`)?.focus();
    },
  }, T.tabs[v])));
  panel.setAttribute('aria-labelledby', `tab-${st.view}`);
}
