/** The page: settings in the URL, runs in workers, results in four views. Owns no simulation logic. */
import { aggregateArms, checkClaims, policyNames, SHIPPED, type ArmsPlan, type RunResult, type Scenario } from '../sim/index.ts';
import type { AgentsView } from './agents-view.ts';
import { renderErrors, renderHeader, renderInfo, renderTabs } from './chrome.ts';
import { withChoice } from './charts/index.ts';
import { renderControls, type ControlsContext } from './controls.ts';
import { pageData, type PageData } from './data.ts';
import { h } from './dom.ts';
import { download } from './export.ts';
import { checkLevers } from './levers.ts';
import { scenarioFile } from './scenario-file.ts';
import { siteLinks } from './site-links.ts';
import { num, type Lang } from './i18n.ts';
import { cappedLines, compareOptions, errorLines, isLarge, planOf, scenarioOf, sizesOf } from './plan.ts';
import { Cancelled, Runner } from './runner.ts';
import { AUTO_RUN_PERSON_WEEKS, DRAWER_BELOW, MAX_LINK_CHARS, type Settings } from './settings.ts';
import { stepOfSettings, undoPatch } from './story.ts';
import { UI } from './text.ts';
import { fromQuery, packScenario, toQuery } from './url.ts';
import { PROJECTOR_CHART_FONT, renderView, type ShownView } from './view.ts';
import { comparisonOf, planWhatIfOf, presetOf, presetSettings, secondsOf, DEFAULT_PERSON_WEEKS_PER_SECOND, workOf } from './whatif-state.ts';
import { whatIfKey, type WhatIfContext, type WhatIfData } from './whatif-view.ts';
import { historyPart, remembered, type HistoryEntry } from './history.ts';
import { renderWelcome } from './welcome.ts';

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
  /** The last comparison of arms run in the What if… view. */
  readonly whatIf: WhatIfData | undefined;
  /** Run the settings' comparison of arms; resolves with the wall time in ms. */
  runWhatIf(): Promise<number>;
}

const RESULT_KEYS = ['scenario', 'custom', 'a', 'b', 'levers', 'seed', 'replications', 'agents', 'weeks'] as const;
const resultKey = (s: Settings) => JSON.stringify(RESULT_KEYS.map((k) => s[k]));

/** A loaded scenario in the link: its compressed form for the hash, or, when that is longer than MAX_LINK_CHARS, its length. */
type CustomLink = { hash: string; tooLong?: undefined } | { hash?: undefined; tooLong: number };

async function customLink(text: string): Promise<CustomLink> {
  const hash = await packScenario(text);
  return hash.length <= MAX_LINK_CHARS ? { hash } : { tooLong: hash.length };
}

export async function startApp(root: HTMLElement): Promise<PageHandle> {
  const shippedNames = Object.keys(SHIPPED);
  // [bokmål] each shipped scenario's title and bokmål title, for the scenario list
  const shipped = shippedNames.map((name) => {
    const raw = SHIPPED[name] as { title?: string; titleNb?: string };
    return { name, title: raw.title ?? name, titleNb: raw.titleNb };
  });
  const parsed = await fromQuery(location.search, location.hash, shippedNames);
  let settings = parsed.settings;
  const linkErrors = parsed.errors;
  let fileName: string | undefined = settings.scenario === 'custom' ? 'shared-link.json' : undefined;
  let link: CustomLink | undefined = settings.custom !== undefined ? await customLink(settings.custom) : undefined;
  let scenario: Scenario | undefined;
  let scenarioErrors: string[] = [];
  let runError: string[] = [];
  let data: PageData | undefined;
  /** The settings the shown results were run with. */
  let dataSettings: Settings | undefined;
  let runs: RunResult[] = [];
  let running = false;
  let runToken = 0;
  // [bokmål] the status line as a function of the language, so a language change writes it again in the new one
  let status: (lang: Lang) => Node[] = () => [];
  /** The story's "Undo": the last settings of the person's own (not a step's experiment) before the story changed them. */
  let storyBefore: Settings | undefined;
  let shown: ShownView | undefined;
  const runner = new Runner();
  let whatIf: WhatIfData | undefined;
  /** The last runs of the two policies (history.ts), newest first, and the one on screen. */
  let runHistory: HistoryEntry[] = [];
  let runCount = 0;
  let shownRun: number | undefined;
  /** Person-weeks a worker simulated per second in the last run of arms (the time estimate's rate). */
  let rate = DEFAULT_PERSON_WEEKS_PER_SECOND;

  const el = {
    header: h('header', { class: 'top' }), controls: h('aside', { id: 'controls' }), controlsBody: h('div', { class: 'controls-body' }),
    toggle: h('button', { type: 'button', id: 'settings-toggle', class: 'drawer-toggle', 'aria-controls': 'controls', onclick: () => setDrawer(!drawerOpen()) }),
    close: h('button', { type: 'button', id: 'settings-close', class: 'drawer-close', onclick: () => setDrawer(false) }, '×'),
    backdrop: h('div', { class: 'drawer-backdrop', hidden: true, onclick: () => setDrawer(false) }),
    layout: h('div', { class: 'layout' }),
    status: h('div', { id: 'status', role: 'status', 'aria-live': 'polite' }), errors: h('div', { id: 'errors' }),
    tabs: h('div', { role: 'tablist', class: 'tabs' }), panel: h('section', { id: 'view', role: 'tabpanel' }),
    info: h('details', { id: 'info', class: 'info' }), footer: h('footer', {}),
    main: h('main', { id: 'main', tabindex: -1 }), skip: h('a', { class: 'skip', href: '#main' }),
    welcome: h('section', { id: 'welcome' }),
  };
  // a script-driven skip link: following "#main" would drop a loaded scenario from the link's hash
  el.skip.addEventListener('click', (e) => { e.preventDefault(); el.main.focus(); });
  el.main.append(el.welcome, el.status, el.errors, el.info, el.tabs, el.panel);
  el.controls.append(el.close, el.controlsBody);
  el.layout.append(el.controls, el.backdrop, el.main);
  root.replaceChildren(el.skip, el.header, el.layout, el.footer);

  /*
   * The settings are a drawer. On a wide screen it is open beside the results
   * and pushes them; in projector mode and on a narrow screen it is closed by
   * default and, opened, overlays the page as a modal dialog (the rest inert,
   * focus moved in, Escape or a click beside it closes it, focus back on its
   * button). A person's own choice holds until the mode changes.
   */
  const narrow = typeof matchMedia === 'function' ? matchMedia(`(max-width: ${DRAWER_BELOW}px)`) : undefined;
  let drawerChoice: boolean | undefined;
  const overlay = () => settings.projector || narrow?.matches === true;
  const drawerOpen = () => drawerChoice ?? !overlay();

  function renderDrawer(): void {
    const T = UI(settings.lang);
    const open = drawerOpen();
    const modal = open && overlay();
    el.layout.classList.toggle('drawer-open', open);
    el.layout.classList.toggle('drawer-overlay', overlay());
    el.controls.hidden = !open;
    el.backdrop.hidden = !modal;
    el.close.hidden = !overlay();
    el.close.setAttribute('aria-label', T.closeSettings);
    el.close.title = T.closeSettings;
    if (modal) {
      el.controls.setAttribute('role', 'dialog');
      el.controls.setAttribute('aria-modal', 'true');
    } else {
      el.controls.removeAttribute('role');
      el.controls.removeAttribute('aria-modal');
    }
    for (const x of [el.header, el.main, el.footer, el.skip]) x.inert = modal;
    el.toggle.setAttribute('aria-expanded', String(open));
    el.toggle.replaceChildren(h('span', { 'aria-hidden': 'true', class: 'drawer-icon' }, '☰ '), T.settings);
  }

  /** The view drawn again at the room it now has (the animation at its week). */
  function redrawView(): void {
    const week = shown?.agents?.week;
    renderViewNow();
    if (week !== undefined) shown?.agents?.setWeek(week);
  }

  function setDrawer(open: boolean): void {
    const wasInside = el.controls.contains(document.activeElement);
    const pushed = !overlay() && open !== drawerOpen();
    drawerChoice = open;
    renderDrawer();
    // beside the results, the drawer changes their width
    if (pushed) redrawView();
    if (open && overlay()) el.close.focus();
    else if (!open && (wasInside || document.activeElement === document.body)) el.toggle.focus();
  }

  document.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape' || e.defaultPrevented || !drawerOpen()) return;
    if (!overlay() && !el.controls.contains(document.activeElement)) return;
    e.preventDefault();
    setDrawer(false);
  });
  // a window made larger or smaller (a projector's full screen): the view drawn again at its new size, the animation at its week
  let size = `${window.innerWidth}x${window.innerHeight}`;
  let resizing = 0;
  window.addEventListener('resize', () => {
    window.clearTimeout(resizing);
    resizing = window.setTimeout(() => {
      const now = `${window.innerWidth}x${window.innerHeight}`;
      if (now === size) return;
      size = now;
      redrawView();
    }, 200);
  });
  narrow?.addEventListener('change', () => {
    drawerChoice = undefined;
    renderDrawer();
  });

  function loadScenario(): void {
    try {
      scenario = scenarioOf(settings, fileName);
      scenarioErrors = [];
    } catch (err) {
      scenario = undefined;
      scenarioErrors = errorLines(err);
    }
  }

  /** Policies the scenario does not have (from a link, or after switching scenario) fall back to its comparePolicies. */
  function checkPolicies(explicit: { a: boolean; b: boolean }): void {
    if (!scenario) return;
    const names = policyNames(scenario);
    (['a', 'b'] as const).forEach((side, k) => {
      const fallback = scenario!.comparePolicies[k] ?? scenario!.comparePolicies[0];
      if (!explicit[side]) settings[side] = { base: fallback, knobs: settings[side].knobs };
      else if (!names.includes(settings[side].base)) {
        linkErrors.push(`link: ${side}: ${JSON.stringify(settings[side].base)} is not allowed; expected one of ${names.join(', ')}`);
        settings[side] = { base: fallback, knobs: settings[side].knobs };
      }
    });
  }

  function pushUrl(): void {
    const url = toQuery(settings, link?.hash);
    if (url !== location.search + location.hash) history.replaceState(null, '', url);
  }

  /** Results `d` of settings `of` with the policies' labels in the page's language. */
  function labelled(d: PageData, of: Settings): PageData {
    return scenario ? { ...d, meta: { ...d.meta, policyLabels: planOf({ ...of, lang: settings.lang }, scenario).labels } } : d;
  }

  function set(patch: Partial<Settings>, rerender = false): void {
    const old = settings;
    settings = { ...settings, ...patch };
    if (settings.scenario !== old.scenario || settings.custom !== old.custom) {
      // the scenario values changed on the page belong to the scenario they were changed in
      if (patch.levers === undefined) settings.levers = {};
      // a preset belongs to its scenario
      if (patch.whatif === undefined && presetOf(settings.whatif)?.scenario !== settings.scenario) settings.whatif = undefined;
      loadScenario();
      // a new scenario starts from the two policies it compares by default
      checkPolicies({ a: patch.a !== undefined, b: patch.b !== undefined });
    }
    pushUrl();
    // projector mode on or off: the drawer as that mode has it
    if (patch.projector !== undefined && patch.projector !== old.projector) drawerChoice = undefined;
    // the same results, labelled in the new language
    if (patch.lang !== undefined && data && dataSettings) data = labelled(data, dataSettings);
    if (patch.lang !== undefined || patch.projector !== undefined || patch.view !== undefined) renderAll();
    else {
      if (rerender) renderControls(el.controlsBody, controlsContext());
      renderFrame();
    }
  }

  const controlsContext = (): ControlsContext => ({
    settings, scenario, shipped, fileName, running, onChange: set,
    onFile: async (name: string, text: string) => {
      link = await customLink(text);
      fileName = name;
      linkErrors.length = 0;
      set({ scenario: 'custom', custom: text, persona: undefined }, true);
    },
    onRun: () => {
      // over the results, the drawer makes way for them
      if (overlay()) setDrawer(false);
      // in the What if… view, Run runs its comparison (errors are shown on the page already)
      runShown();
    },
    onCancel: () => runner.cancel(),
    onSave: () => {
      if (!scenario) return;
      try {
        const f = scenarioFile(settings, scenario, fileName);
        download(f.name, f.text, 'application/json');
      } catch (err) {
        runError = errorLines(err);
        renderFrame();
      }
    },
  });

  /** Lines for the scenario's sizes capped at the page's limits (none while the settings are bad: running shows why). */
  function cappedSizes(s: Scenario, source: string): string[] {
    try {
      return cappedLines(sizesOf(settings, s).capped, source);
    } catch {
      return [];
    }
  }

  /** Run what the view shows: in the What if… view its comparison, elsewhere the page's. */
  function runShown(): void {
    if (settings.view === 'whatif' && comparisonOf(settings)) void runWhatIf().catch(() => undefined);
    else void run().catch(() => undefined);
  }

  function renderFrame(): void {
    // the results shown are out of date: in the What if… view its answers (the view says so itself when there are none), elsewhere the comparison's
    const stale = settings.view === 'whatif'
      ? !!whatIf && !running && whatIf.key !== whatIfKey(settings, comparisonOf(settings))
      : !!data && !running && dataSettings !== undefined && resultKey(dataSettings) !== resultKey(settings);
    const source = `scenario ${settings.scenario === 'custom' ? fileName ?? 'loaded file' : settings.scenario}`;
    const capped = scenario ? cappedSizes(scenario, source) : [];
    const tooLong = settings.scenario === 'custom' && settings.custom !== undefined && link?.tooLong !== undefined
      ? { chars: link.tooLong, max: MAX_LINK_CHARS, download: () => download(fileName ?? 'scenario.json', settings.custom ?? '', 'application/json') }
      : undefined;
    renderErrors(el.errors, settings.lang, scenarioErrors, runError, linkErrors, stale, { capped, tooLong, run: runShown });
    renderInfo(el.info, scenario, settings.lang, {
      file: settings.scenario === 'custom', changed: Object.keys(settings.a.knobs).length + Object.keys(settings.b.knobs).length > 0,
      levers: Object.keys(settings.levers).length > 0,
    });
  }

  function renderViewNow(): void {
    shown?.destroy();
    shown = renderView(el.panel, {
      settings, data, runs, whatIf: whatIfContext, history: () => historyPart(runHistory, shownRun, settings.lang, recall),
      onPersona: (p) => { settings = { ...settings, persona: p }; pushUrl(); },
      onDraw: (r) => { settings = { ...settings, draw: r }; pushUrl(); },
      onChoice: (chart, value) => { settings = { ...settings, choices: withChoice(settings.choices, chart, value) }; pushUrl(); },
      // ---- story (viz/story.ts): arriving at a step calls onStep, then onStoryApply, as "Run this experiment" does, so each
      // step runs its own experiment at once; "Undo" gives back the person's own settings from before and runs them ----
      onStep: (n) => { settings = { ...settings, step: n }; pushUrl(); storyIntoView(); },
      onStoryApply: (patch, focus) => {
        if (stepOfSettings(settings) === undefined) storyBefore = settings;
        set({ ...patch, persona: focus.view === 'journey' ? focus.persona : settings.persona }, true);
        run().catch(() => undefined);
      },
      onStoryUndo: storyBefore === undefined ? undefined : () => {
        if (storyBefore === undefined) return;
        const patch = undoPatch(storyBefore);
        storyBefore = undefined;
        set(patch, true);
        run().catch(() => undefined);
      },
      // ---- end story ----
    });
  }

  /**
   * In projector mode, the story and its stage fill the window: when part of
   * either is below it, the page scrolls the story to the top of the window.
   */
  function storyIntoView(): void {
    if (!settings.projector || settings.view !== 'story') return;
    const bottom = Math.max(...[...el.panel.children].map((c) => c.getBoundingClientRect().bottom));
    const top = el.panel.getBoundingClientRect().top;
    // to a whole pixel at or above the story's top, so that it never starts a fraction above the window
    if (bottom > window.innerHeight + 1 || top < 0) window.scrollTo(0, Math.floor(window.scrollY + top));
  }

  function renderAll(): void {
    const active = document.activeElement?.id;
    const onStoryRun = document.activeElement?.classList.contains('story-run') === true;
    renderHeader(el.header, settings, { lang: (l) => set({ lang: l }), projector: (p) => set({ projector: p }) }, [el.toggle]);
    renderDrawer();
    el.footer.replaceChildren(h('p', {}, UI(settings.lang).care), siteLinks(settings.lang));
    el.skip.textContent = UI(settings.lang).skip;
    el.controls.setAttribute('aria-label', UI(settings.lang).settings);
    renderControls(el.controlsBody, controlsContext());
    renderFrame();
    renderTabs(el.tabs, el.panel, settings, (v) => set({ view: v }));
    el.status.replaceChildren(...status(settings.lang));
    renderWelcome(el.welcome, settings.lang, { view: (v) => set({ view: v }), toggled: () => renderAll() });
    renderViewNow();
    storyIntoView();
    // rebuilding must not throw keyboard users back to the top of the page
    if (active) document.getElementById(active)?.focus({ preventScroll: true });
    else if (onStoryRun) el.panel.querySelector<HTMLElement>('.story-run')?.focus({ preventScroll: true });
  }

  /**
   * The status line while `total` runs go: a progress bar, its count and (with
   * `cancel`) a Cancel button, in the language of the moment. `done(n)` moves it on.
   */
  function progressStatus(total: number, cancel: boolean): { done(n: number): void } {
    const bar = h('progress', { id: 'progress', max: total, value: 0 });
    const label = h('span', { 'aria-live': 'off' });
    let lang = settings.lang;
    status = (l) => {
      lang = l;
      bar.setAttribute('aria-label', UI(l).progress);
      label.textContent = `${UI(l).progress}: ${bar.value} / ${total}`;
      return cancel ? [bar, label, h('button', { type: 'button', id: 'status-cancel', class: 'small', onclick: () => runner.cancel() }, UI(l).cancel)] : [bar, label];
    };
    return {
      done: (n) => {
        bar.value = n;
        label.textContent = `${UI(lang).progress}: ${n} / ${total}`;
      },
    };
  }

  /**
   * One run of the page, of either kind: `plan` (its problems shown in place),
   * then `total` runs with the progress in the status line (and, with
   * `cancel`, a Cancel button there), `work` doing them; what it gives back is
   * kept only if no newer run has started. Resolves with the wall time in ms.
   */
  async function runJob<P, R>(plan: () => P, total: (p: P) => number, cancel: boolean, work: (p: P, done: (n: number) => void) => Promise<R>, keep: (p: P, r: R, ms: number) => void): Promise<number> {
    if (!scenario) throw new Error(scenarioErrors.join('\n'));
    const token = ++runToken;
    runError = [];
    let planned: P;
    try {
      planned = plan();
    } catch (err) {
      runError = errorLines(err);
      renderFrame();
      throw err;
    }
    const t0 = performance.now();
    running = true;
    const n = total(planned);
    const progress = progressStatus(n, cancel);
    renderControls(el.controlsBody, controlsContext());
    renderFrame();
    el.status.replaceChildren(...status(settings.lang));
    // the What if… view's buttons wait for the run
    if (settings.view === 'whatif') renderViewNow();
    try {
      const result = await work(planned, progress.done);
      if (token !== runToken) throw new Cancelled();
      const ms = performance.now() - t0;
      keep(planned, result, ms);
      running = false;
      status = (l) => [document.createTextNode(UI(l).finished(n, num(ms / 1000, l, 1)))];
      renderAll();
      return ms;
    } catch (err) {
      // a run superseded by a newer one leaves the page to the newer one
      if (token !== runToken) throw err;
      running = false;
      if (err instanceof Cancelled) status = (l) => [document.createTextNode(UI(l).cancelled)];
      else runError = errorLines(err);
      renderAll();
      throw err;
    }
  }

  /** Run the two policies with the current settings. */
  function run(): Promise<number> {
    const runSettings = settings;
    return runJob(() => planOf(settings, scenario!), (p) => p.plan.replications * 2, !drawerOpen(), (p, done) => runner.run(p.plan, done), ({ plan, labels }, result) => {
      runs = result;
      data = pageData(plan.scenario, plan.policies, labels, runs, compareOptions(plan));
      dataSettings = runSettings;
      runCount++;
      runHistory = remembered(runHistory, { n: runCount, settings: runSettings, data, runs }, resultKey);
      shownRun = runCount;
    });
  }

  /** An earlier run on screen again: its settings (not the view, language or projector mode) and its results, without running. */
  function recall(e: HistoryEntry): void {
    const keep = { view: settings.view, lang: settings.lang, projector: settings.projector, step: settings.step };
    const scenarioChanged = e.settings.scenario !== settings.scenario || e.settings.custom !== settings.custom;
    settings = { ...structuredClone(e.settings), ...keep };
    if (scenarioChanged) loadScenario();
    runs = e.runs;
    dataSettings = e.settings;
    data = labelled(e.data, e.settings);
    shownRun = e.n;
    runError = [];
    pushUrl();
    renderAll();
  }

  /** The settings' comparison of arms planned at the page's sizes, or why it cannot run. */
  function whatIfPlanned(): WhatIfContext['planned'] {
    if (!scenario || !comparisonOf(settings)) return undefined;
    try {
      const p = planWhatIfOf(settings, scenario);
      return p ? { plan: p.plan } : undefined;
    } catch (err) {
      return { errors: errorLines(err) };
    }
  }

  const whatIfContext = (): WhatIfContext => ({
    settings, scenario, data: whatIf, key: whatIfKey(settings, comparisonOf(settings)), planned: whatIfPlanned(), running,
    estimate: (plan: ArmsPlan) => secondsOf(plan, runner.poolSize, rate),
    fontSize: settings.projector ? PROJECTOR_CHART_FONT : undefined,
    onPreset: (id) => {
      const w = presetOf(id);
      if (!w) return;
      set(presetSettings(w), true);
      void runWhatIf().catch(() => undefined);
    },
    onArms: (c) => set({ arms: c, whatif: undefined }, true),
    onRun: () => void runWhatIf().catch(() => undefined),
    onChoice: (chart, value) => {
      settings = { ...settings, choices: withChoice(settings.choices, chart, value) };
      pushUrl();
      renderViewNow();
    },
  });

  /** Run the settings' comparison of arms in the workers (the CLI's runArm) and aggregate it as the CLI does. */
  function runWhatIf(): Promise<number> {
    const key = whatIfKey(settings, comparisonOf(settings));
    const planned = () => {
      const p = planWhatIfOf(settings, scenario!);
      if (!p || key === undefined) throw new Error('no comparison of arms to run');
      return p;
    };
    return runJob(planned, (p) => workOf(p.plan).runs, true, (p, done) => runner.runArms(p.plan, done), ({ plan, preset }, armRuns, ms) => {
      const result = aggregateArms(plan, armRuns);
      whatIf = { key: key!, plan, runs: armRuns, result, preset: preset?.whatIf.id, claims: preset ? checkClaims(preset, result) : undefined };
      const { runs: n, personWeeks } = workOf(plan);
      rate = personWeeks / Math.min(runner.poolSize, n) / Math.max(0.05, ms / 1000);
    });
  }

  loadScenario();
  const query = new URLSearchParams(location.search);
  checkPolicies({ a: query.has('a'), b: query.has('b') });
  if (scenario) {
    // a link's scenario values name services and groups of its scenario
    const checked = checkLevers(scenario, settings.levers);
    settings.levers = checked.changes;
    linkErrors.push(...checked.errors);
  }
  if (scenario && settings.persona !== undefined && !scenario.personas.some((p) => p.name === settings.persona)) {
    linkErrors.push(`link: persona: ${JSON.stringify(settings.persona)} is not allowed; expected one of ${scenario.personas.map((p) => p.name).join(', ') || '(this scenario has no personas)'}`);
    settings.persona = undefined;
  }
  // a link opens with a run only when it is small: a large one waits for a click on Run
  const first = scenario ? (() => { try { return planOf(settings, scenario!).plan; } catch { return undefined; } })() : undefined;
  if (first && settings.draw !== undefined && settings.draw >= first.replications) {
    linkErrors.push(`link: draw: ${JSON.stringify(String(settings.draw + 1))} is not allowed; expected an integer from 1 to ${first.replications} (the run's replications)`);
    settings.draw = undefined;
  }
  if (first && isLarge(first)) status = (l) => [document.createTextNode(UI(l).notStarted(first.agents, first.weeks, first.replications))];
  renderAll();
  pushUrl();
  // a link to the What if… view with a comparison runs it (when small); otherwise the two policies
  const firstArms = settings.view === 'whatif' ? whatIfPlanned() : undefined;
  if (firstArms && 'plan' in firstArms) {
    const { agents, weeks, replications } = firstArms.plan.settings;
    if (workOf(firstArms.plan).personWeeks > AUTO_RUN_PERSON_WEEKS) status = (l) => [document.createTextNode(UI(l).notStarted(agents, weeks, replications, firstArms.plan.arms.length))];
    else runWhatIf().catch(() => undefined);
  } else if (scenario && !(first && isLarge(first))) run().catch(() => undefined);

  return {
    get settings() { return settings; },
    get data() { return data; },
    get runs() { return runs; },
    get running() { return running; },
    get whatIf() { return whatIf; },
    run, runWhatIf, set: (p) => set(p, true), agents: () => shown?.agents,
  };
}
