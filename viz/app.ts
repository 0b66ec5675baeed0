/** The page: settings in the URL, runs in workers, results in four views. Owns no simulation logic. */
import { SHIPPED, type RunResult, type Scenario } from '../sim/index.ts';
import { createAgentsView, type AgentsView } from './agents-view.ts';
import { renderControls } from './controls.ts';
import { pageData, type PageData } from './data.ts';
import { h } from './dom.ts';
import { LANGS, type Lang } from './i18n.ts';
import { createJourneyView } from './journey-view.ts';
import { errorLines, planOf, scenarioOf } from './plan.ts';
import { renderCharts, renderCompare } from './results.ts';
import { Cancelled, Runner } from './runner.ts';
import { VIEWS, type Settings, type View } from './settings.ts';
import { createStory } from './story.ts';
import type { StoryFocus } from './story-steps.ts';
import { UI } from './text.ts';
import { fromQuery, toQuery } from './url.ts';

/** What a test or benchmark can reach: window.__pathways. */
export interface PageHandle {
  readonly settings: Settings;
  readonly data: PageData | undefined;
  readonly runs: RunResult[];
  readonly running: boolean;
  /** Run with the current settings; resolves with the wall time in ms. */
  run(): Promise<number>;
  set(patch: Partial<Settings>): void;
  agents(): AgentsView | undefined;
}

const RESULT_KEYS = ['scenario', 'custom', 'a', 'b', 'seed', 'replications', 'agents', 'weeks'] as const;
const resultKey = (s: Settings) => JSON.stringify(RESULT_KEYS.map((k) => s[k]));

export function startApp(root: HTMLElement): PageHandle {
  const shippedNames = Object.keys(SHIPPED);
  const shipped = shippedNames.map((name) => ({ name, title: (SHIPPED[name] as { title?: string }).title ?? name }));
  const parsed = fromQuery(location.search, location.hash, shippedNames);
  let settings = parsed.settings;
  let linkErrors = parsed.errors;
  let fileName: string | undefined = settings.scenario === 'custom' ? 'link' : undefined;
  let scenario: Scenario | undefined;
  let scenarioErrors: string[] = [];
  let data: PageData | undefined;
  let runs: RunResult[] = [];
  let dataKey = '';
  let running = false;
  let status = '';
  let storyFocus: StoryFocus | undefined;
  let agentsView: AgentsView | undefined;
  let journeyView: { destroy(): void } | undefined;
  const runner = new Runner();

  const el = {
    header: h('header', { class: 'top' }), controls: h('aside', { id: 'controls', 'aria-label': 'Settings' }),
    status: h('div', { id: 'status', role: 'status', 'aria-live': 'polite' }), errors: h('div', { id: 'errors' }),
    tabs: h('div', { role: 'tablist', class: 'tabs' }), panel: h('section', { id: 'view', role: 'tabpanel' }),
    info: h('details', { id: 'info', class: 'info' }), footer: h('footer', {}),
  };
  root.replaceChildren(h('a', { class: 'skip', href: '#main' }), el.header,
    h('div', { class: 'layout' }, el.controls, h('main', { id: 'main', tabindex: -1 }, el.status, el.errors, el.info, el.tabs, el.panel)), el.footer);

  function loadScenario(): void {
    try {
      scenario = scenarioOf(settings, fileName);
      scenarioErrors = [];
    } catch (err) {
      scenario = undefined;
      scenarioErrors = errorLines(err);
    }
  }

  function pushUrl(): void {
    const url = toQuery(settings);
    if (url !== location.search + location.hash) history.replaceState(null, '', url);
  }

  function set(patch: Partial<Settings>, rerender = false): void {
    const old = settings;
    settings = { ...settings, ...patch };
    if (settings.scenario !== old.scenario || settings.custom !== old.custom) {
      loadScenario();
      // a new scenario starts from the two policies it compares by default
      if (scenario && patch.a === undefined) settings.a = { base: scenario.comparePolicies[0], knobs: {} };
      if (scenario && patch.b === undefined) settings.b = { base: scenario.comparePolicies[1] ?? scenario.comparePolicies[0], knobs: {} };
    }
    pushUrl();
    if (patch.lang !== undefined && data && scenario && dataKey === resultKey(settings)) {
      // the same results, labelled in the new language
      try {
        data = { ...data, meta: { ...data.meta, policyLabels: planOf(settings, scenario).labels } };
      } catch {
        // labels stay as they were
      }
    }
    if (patch.lang !== undefined || patch.projector !== undefined || patch.view !== undefined) renderAll();
    else {
      if (rerender) renderControls(el.controls, controlsContext());
      renderErrors();
      renderInfo();
    }
  }

  const controlsContext = () => ({
    settings, scenario, shipped, fileName, running, onChange: set,
    onFile: (name: string, text: string) => {
      fileName = name;
      linkErrors = [];
      set({ scenario: 'custom', custom: text, persona: undefined }, true);
    },
    onRun: () => void run().catch(() => undefined), // shown on the page already
    onCancel: () => runner.cancel(),
  });

  function renderErrors(): void {
    const T = UI(settings.lang);
    const stale = data && dataKey !== resultKey(settings) && !running;
    el.errors.replaceChildren(...[
      scenarioErrors.length ? h('div', { class: 'error', role: 'alert' }, h('strong', {}, T.errorsTitle), h('ul', {}, ...scenarioErrors.map((e) => h('li', {}, e)))) : undefined,
      linkErrors.length ? h('div', { class: 'warning', role: 'alert' }, T.linkErrors, h('ul', {}, ...linkErrors.map((e) => h('li', {}, e)))) : undefined,
      stale ? h('p', { class: 'stale' }, T.stale) : undefined,
    ].filter((x) => x !== undefined));
  }

  function renderInfo(): void {
    const T = UI(settings.lang);
    if (!scenario) return void el.info.replaceChildren();
    const i = scenario.info;
    const list = (xs: string[]) => h('ul', {}, ...xs.map((x) => h('li', {}, x)));
    el.info.replaceChildren(h('summary', {}, `${T.about}: ${scenario.title ?? scenario.name}`),
      h('h3', {}, T.what), h('p', {}, i.what), h('h3', {}, T.how), h('p', {}, i.howItWorks), h('h3', {}, T.use), h('p', {}, i.howToUse),
      h('h3', {}, T.notice), list(i.notice), h('h3', {}, T.try), list(i.try));
  }

  function renderHeader(): void {
    const T = UI(settings.lang);
    el.header.replaceChildren(
      h('div', {}, h('h1', {}, T.title), h('p', { class: 'tagline' }, T.tagline)),
      h('div', { class: 'top-tools' },
        h('label', { for: 'lang' }, T.language),
        h('select', { id: 'lang', onchange: (e) => set({ lang: (e.target as HTMLSelectElement).value as Lang }) },
          ...LANGS.map((l) => h('option', { value: l, selected: l === settings.lang }, l === 'en' ? 'English' : 'Norsk bokmål'))),
        h('label', { class: 'toggle' }, h('input', { id: 'projector', type: 'checkbox', checked: settings.projector, onchange: (e) => set({ projector: (e.target as HTMLInputElement).checked }) }), T.projector)));
    el.footer.replaceChildren(h('p', {}, T.care));
    document.documentElement.lang = settings.lang === 'nb' ? 'nb' : 'en';
    document.title = T.title;
    document.body.classList.toggle('projector', settings.projector);
    root.querySelector('.skip')!.textContent = T.skip;
  }

  function renderTabs(): void {
    const T = UI(settings.lang);
    const select = (v: View) => set({ view: v });
    el.tabs.replaceChildren(...VIEWS.map((v, k) => h('button', {
      role: 'tab', id: `tab-${v}`, type: 'button', 'aria-selected': String(v === settings.view), 'aria-controls': 'view', tabindex: v === settings.view ? 0 : -1,
      onclick: () => select(v),
      onkeydown: (e) => {
        const key = (e as KeyboardEvent).key;
        if (key !== 'ArrowRight' && key !== 'ArrowLeft') return;
        const next = VIEWS[(k + (key === 'ArrowRight' ? 1 : VIEWS.length - 1)) % VIEWS.length];
        select(next);
        document.getElementById(`tab-${next}`)?.focus();
      },
    }, T.tabs[v])));
    el.panel.setAttribute('aria-labelledby', `tab-${settings.view}`);
  }

  function renderView(): void {
    agentsView?.destroy();
    journeyView?.destroy();
    agentsView = journeyView = undefined;
    const T = UI(settings.lang);
    const lang = settings.lang;
    el.panel.className = `view-${settings.view}`;
    el.panel.replaceChildren();
    if (settings.view === 'story') {
      const story = h('div', { class: 'story-panel' });
      const stage = h('div', { class: 'stage' });
      el.panel.replaceChildren(story, stage);
      createStory(story, {
        lang, step: settings.step,
        onStep: (n) => { settings = { ...settings, step: n }; pushUrl(); },
        onApply: (patch, focus) => {
          storyFocus = focus;
          set({ ...patch, persona: focus.view === 'journey' ? focus.persona : settings.persona }, true);
          run().catch(() => undefined);
        },
      });
      if (data) renderStage(stage, data);
      return;
    }
    if (!data) return void el.panel.replaceChildren(h('p', { class: 'empty' }, T.noResults));
    const width = el.panel.clientWidth || 960;
    if (settings.view === 'compare') renderCompare(el.panel, data, runs, lang);
    else if (settings.view === 'agents') agentsView = createAgentsView(el.panel, data, { lang, width: Math.min(width, 1400) });
    else journeyView = createJourneyView(el.panel, data, { lang, persona: settings.persona, onPersona: (p) => { settings = { ...settings, persona: p }; pushUrl(); } });
  }

  function renderStage(stage: HTMLElement, d: PageData): void {
    const f = storyFocus;
    const lang = settings.lang;
    if (!f || f.view === 'compare') stage.replaceChildren(...renderCharts(d, lang, Math.min(stage.clientWidth || 760, 900), f?.chart ?? 'employment'));
    else if (f.view === 'agents') agentsView = createAgentsView(stage, d, { lang, width: Math.min(stage.clientWidth || 960, 1400) });
    else journeyView = createJourneyView(stage, d, { lang, persona: f.persona ?? settings.persona });
  }

  function renderStatus(text = status): void {
    status = text;
    el.status.replaceChildren(status);
  }

  function renderAll(): void {
    renderHeader();
    renderControls(el.controls, controlsContext());
    renderErrors();
    renderInfo();
    renderTabs();
    renderView();
    renderStatus();
  }

  async function run(): Promise<number> {
    if (!scenario) return Promise.reject(new Error(scenarioErrors.join('\n')));
    const T = UI(settings.lang);
    let planned;
    try {
      planned = planOf(settings, scenario);
    } catch (err) {
      scenarioErrors = errorLines(err);
      renderErrors();
      throw err;
    }
    const { plan, labels } = planned;
    const key = resultKey(settings);
    const t0 = performance.now();
    running = true;
    renderControls(el.controls, controlsContext());
    renderErrors();
    const total = plan.replications * 2;
    const bar = h('progress', { id: 'progress', max: total, value: 0, 'aria-label': T.progress });
    const label = h('span', {}, `${T.progress}: 0 / ${total}`);
    el.status.replaceChildren(bar, label);
    try {
      runs = await runner.run(plan, (done) => {
        bar.value = done;
        label.textContent = `${T.progress}: ${done} / ${total}`;
      });
      const opts = { seed: plan.seed, replications: plan.replications, weeks: plan.weeks, agents: plan.agents };
      data = pageData(plan.scenario, plan.policies, labels, runs, opts);
      dataKey = key;
      const ms = performance.now() - t0;
      running = false;
      status = T.finished(total, (ms / 1000).toFixed(1));
      renderAll();
      return ms;
    } catch (err) {
      running = false;
      if (err instanceof Cancelled) status = T.cancelled;
      else scenarioErrors = errorLines(err);
      renderAll();
      throw err;
    }
  }

  loadScenario();
  const query = new URLSearchParams(location.search);
  if (scenario && !query.has('a')) settings.a = { base: scenario.comparePolicies[0], knobs: settings.a.knobs };
  if (scenario && !query.has('b')) settings.b = { base: scenario.comparePolicies[1] ?? scenario.comparePolicies[0], knobs: settings.b.knobs };
  renderAll();
  pushUrl();
  if (scenario) run().catch(() => undefined);

  return {
    get settings() { return settings; },
    get data() { return data; },
    get runs() { return runs; },
    get running() { return running; },
    run, set: (p) => set(p, true), agents: () => agentsView,
  };
}
