/** The active view (Compare, Watch the agents, Follow one person, Story) drawn from finished results. */
import type { RunResult } from '../sim/index.ts';
import { createAgentsView, type AgentsView } from './agents-view.ts';
import type { PageData } from './data.ts';
import { h } from './dom.ts';
import { createJourneyView } from './journey-view.ts';
import { renderCharts, renderCompare } from './results.ts';
import type { Settings } from './settings.ts';
import { createStory } from './story.ts';
import { STORY_STEPS, type StoryFocus } from './story-steps.ts';
import { UI } from './text.ts';

export interface ViewContext {
  settings: Settings;
  data: PageData | undefined;
  runs: RunResult[];
  /** The focus of the story experiment that was run last, if any. */
  storyFocus: StoryFocus | undefined;
  onPersona(name: string): void;
  /** A chart's control changed (chart id, value). */
  onChoice(chart: string, value: string): void;
  onStep(n: number): void;
  onStoryApply(patch: Partial<Settings>, focus: StoryFocus): void;
}

export interface ShownView { agents?: AgentsView; destroy(): void }

export function renderView(panel: HTMLElement, ctx: ViewContext): ShownView {
  const { settings: st, data } = ctx;
  const T = UI(st.lang);
  const lang = st.lang;
  const shown: ShownView & { journey?: { destroy(): void } } = { destroy: () => { shown.agents?.destroy(); shown.journey?.destroy(); } };
  panel.className = `view-${st.view}`;
  panel.replaceChildren(h('h2', { class: 'visually-hidden' }, T.tabs[st.view]));
  const width = (x: HTMLElement, max: number) => Math.min(x.clientWidth || max, max);
  if (st.view === 'story') {
    const story = h('div', { class: 'story-panel' });
    const stage = h('div', { class: 'stage', 'aria-live': 'polite' });
    panel.append(story, stage);
    createStory(story, { lang, step: st.step, onStep: ctx.onStep, onApply: ctx.onStoryApply });
    if (!data) return shown;
    // the experiment's view; before one is run, the current step's
    const f = ctx.storyFocus ?? STORY_STEPS[Math.min(st.step, STORY_STEPS.length - 1)]?.focus;
    if (!f || f.view === 'compare') stage.append(...renderCharts(data, lang, width(stage, 900), { only: f?.chart ?? 'employment', choices: st.choices, onChoice: ctx.onChoice }));
    else if (f.view === 'agents') shown.agents = createAgentsView(stage, data, { lang, width: width(stage, 1400) });
    else shown.journey = createJourneyView(stage, data, { lang, persona: f.persona ?? st.persona });
    return shown;
  }
  if (!data) {
    panel.append(h('p', { class: 'empty' }, T.noResults));
    return shown;
  }
  if (st.view === 'compare') {
    const area = h('div', {});
    panel.append(area);
    renderCompare(area, data, ctx.runs, lang, { choices: st.choices, onChoice: ctx.onChoice });
  } else if (st.view === 'agents') shown.agents = createAgentsView(panel, data, { lang, width: width(panel, 1400) });
  else shown.journey = createJourneyView(panel, data, { lang, persona: st.persona, onPersona: ctx.onPersona });
  return shown;
}
