/** The active view (Compare, Watch the agents, Follow one person, Story) drawn from finished results. */
import type { RunResult } from '../sim/index.ts';
import { createAgentsView, type AgentsView } from './agents-view.ts';
import type { PageData } from './data.ts';
import { h } from './dom.ts';
import { createJourneyView } from './journey-view.ts';
import { renderCharts, renderCompare } from './results.ts';
import type { Settings } from './settings.ts';
import { createStory, stepOfResult } from './story.ts';
import { STORY_STEPS, type StoryFocus } from './story-steps.ts';
import { texts } from './i18n.ts';
import { UI } from './text.ts';
import { renderWhatIf, type WhatIfContext } from './whatif-view.ts';

export interface ViewContext {
  settings: Settings;
  data: PageData | undefined;
  runs: RunResult[];
  onPersona(name: string): void;
  /** The person picked another draw of luck (0-based replicate) in Follow one person. */
  onDraw(replicate: number): void;
  /** A chart's control changed (chart id, value). */
  onChoice(chart: string, value: string): void;
  onStep(n: number): void;
  onStoryApply(patch: Partial<Settings>, focus: StoryFocus): void;
  /** The What if… view's state and actions (made only when that view is shown: it plans the comparison). */
  whatIf: () => WhatIfContext;
  /** The run history (history.ts), shown above the Compare view's results (made only there). */
  history?: () => HTMLElement | undefined;
  /** The story's "Undo" (back to the settings from before it changed them), offered when given. */
  onStoryUndo?: () => void;
}

export interface ShownView { agents?: AgentsView; destroy(): void }

/** The story stage's notes: while a step's experiment runs, and over results that are not this step's experiment. */
const STAGE_TEXT = texts(
  {
    running: (n: number, title: string) => `Running the experiment of step ${n}, “${title}”…`,
    otherStep: (k: number, title: string, n: number) => `These results are the experiment of step ${k}, “${title}”, not of step ${n}. Press “Run this experiment” to see step ${n}’s.`,
    ownSettings: (n: number) => `These results are of settings other than step ${n}’s experiment (changed in the settings, or undone). “Run this experiment” shows the step’s own.`,
  },
  {
    running: (n: number, title: string) => `Kjører eksperimentet i steg ${n}, «${title}» …`,
    otherStep: (k: number, title: string, n: number) => `Disse resultatene er eksperimentet i steg ${k}, «${title}», ikke i steg ${n}. Trykk «Kjør eksperimentet» for å se resultatet i steg ${n}.`,
    ownSettings: (n: number) => `Disse resultatene er for andre innstillinger enn eksperimentet i steg ${n} (endret i innstillingene eller angret). «Kjør eksperimentet» viser stegets eget.`,
  },
);

/** Projector mode's type in the charts (tick and axis labels) and in the agents' panels, CSS px. */
export const PROJECTOR_CHART_FONT = 18;
export const PROJECTOR_AGENTS_FONT = 18;
/** A week's width in the journey's strip in projector mode (default 5): a taller strip, larger markers. */
export const PROJECTOR_WEEK_WIDTH = 2.5;
/** The agents' panels in the story's stage, beside the text: less room, a little smaller type. */
export const PROJECTOR_STAGE_AGENTS_FONT = 15;

/**
 * In projector mode, the journey's lists of events end at the bottom of the window (`bottom`, px
 * from the top of `box`), so both strips and the start of both lists are on the screen; the lists
 * scroll. Set on `box` as --jv-room (viz/views.css), so that another persona keeps it. When that
 * leaves the lists less than 2/5 of the window (the persona card above is tall), they end a window
 * below the note on luck above the strips instead: scrolled to it, strips and lists fill the screen.
 */
function fitJourney(box: HTMLElement, bottom: number, vh = window.innerHeight || 720): void {
  const list = box.querySelector('.jv-scroll');
  if (!list) return;
  const top = list.getBoundingClientRect().top - box.getBoundingClientRect().top;
  const above = box.querySelector('.jv-luck');
  const scrolled = above ? vh - 12 - (list.getBoundingClientRect().top - above.getBoundingClientRect().top) : 0;
  box.style.setProperty('--jv-room', `${Math.max(160, Math.round(bottom - top < 0.4 * vh ? Math.max(bottom - top, scrolled) : bottom - top))}px`);
}

/** The room from `x` down to the bottom of the window, or the whole window when less than 3/5 of it is left. */
function roomBelow(x: HTMLElement): number {
  const vh = window.innerHeight || 720;
  const left = vh - (x.getBoundingClientRect().top + window.scrollY);
  return left >= vh * 0.6 ? left : vh;
}

export function renderView(panel: HTMLElement, ctx: ViewContext): ShownView {
  const { settings: st, data } = ctx;
  const T = UI(st.lang);
  const lang = st.lang;
  const shown: ShownView & { journey?: { destroy(): void } } = { destroy: () => { shown.agents?.destroy(); shown.journey?.destroy(); } };
  panel.className = `view-${st.view}`;
  panel.replaceChildren(h('h2', { class: 'visually-hidden' }, T.tabs[st.view]));
  const width = (x: HTMLElement, max: number) => Math.min(x.clientWidth || max, max);
  const projector = st.projector;
  const fontSize = projector ? PROJECTOR_CHART_FONT : undefined;
  const agentsFont = projector ? PROJECTOR_AGENTS_FONT : undefined;
  if (st.view === 'story') {
    const story = h('div', { class: 'story-panel' });
    const stage = h('div', { class: 'stage', 'aria-live': 'polite' });
    panel.append(story, stage);
    const stepNow = Math.max(0, Math.min(STORY_STEPS.length - 1, st.step));
    const ST = STAGE_TEXT(lang);
    const note = (cls: string, ...text: (string | Node)[]) => h('p', { class: `stage-note ${cls}` }, ...text);
    createStory(story, {
      lang, step: st.step, onStep: ctx.onStep, onUndo: ctx.onStoryUndo, canUndo: ctx.onStoryUndo !== undefined,
      onApply: (patch, focus, k) => {
        // until the step's own run is in, the stage says so: it never shows the last step's result under this one
        shown.destroy();
        stage.replaceChildren(note('stage-pending', ST.running(k + 1, STORY_STEPS[k].title[lang])));
        ctx.onStoryApply(patch, focus);
      },
    });
    if (!data) return shown;
    const which = stepOfResult(data);
    if (which !== undefined && which !== stepNow) {
      // another step's result: not shown here
      stage.append(note('stage-other', ST.otherStep(which + 1, STORY_STEPS[which].title[lang], stepNow + 1)));
      return shown;
    }
    // this step's result; or the person's own settings (changed after the experiment, or undone), said so above it
    if (which === undefined) stage.append(note('stage-own', ST.ownSettings(stepNow + 1)));
    // In projector mode it fits the window beside the story (the page scrolls the story to the top of the window: storyIntoView)
    const vh = window.innerHeight || 720;
    const f = STORY_STEPS[stepNow].focus;
    const noteHeight = stage.firstElementChild ? stage.firstElementChild.getBoundingClientRect().height + 8 : 0;
    if (f.view === 'compare') {
      // the chart as wide as its figure's inside (its padding and border off), so that it is drawn at its size, not scaled
      const chart = (maxHeight?: number) => renderCharts(data, lang, width(stage, 928) - 28, { only: f.chart, choices: st.choices, onChoice: ctx.onChoice, fontSize, maxHeight });
      const lead = [...stage.children];
      stage.replaceChildren(...lead, ...chart(projector ? vh - 90 - noteHeight : undefined));
      // a title on more lines than thought, or what to notice (under the chart) below the window: drawn again, lower
      const below = (sel: string, room: number) => {
        const e = stage.querySelector(sel);
        return e ? e.getBoundingClientRect().bottom - stage.getBoundingClientRect().top - room : 0;
      };
      const over = Math.max(below('svg[data-export]', vh - 12), below('figure.chart > .notice', vh - 6));
      if (projector && over > 0) stage.replaceChildren(...lead, ...chart(vh - 90 - noteHeight - over));
    } else if (f.view === 'agents') {
      const box = h('div', {});
      stage.append(box);
      shown.agents = createAgentsView(box, data, { lang, width: width(stage, 1400), height: projector ? vh - 12 - noteHeight : undefined, fontSize: projector ? PROJECTOR_STAGE_AGENTS_FONT : undefined });
    } else {
      const box = h('div', {});
      stage.append(box);
      shown.journey = createJourneyView(box, data, { lang, persona: f.persona ?? st.persona, weekWidth: projector ? PROJECTOR_WEEK_WIDTH : undefined });
      if (projector) fitJourney(box, vh - 12 - noteHeight, 0); // beside the story: within the window
    }
    return shown;
  }
  if (st.view === 'whatif') {
    const area = h('div', { class: 'whatif' });
    panel.append(area);
    renderWhatIf(area, ctx.whatIf());
    return shown;
  }
  if (!data) {
    panel.append(h('p', { class: 'empty' }, T.noResults));
    return shown;
  }
  if (st.view === 'compare') {
    const area = h('div', {});
    panel.append(area);
    renderCompare(area, data, ctx.runs, lang, { choices: st.choices, onChoice: ctx.onChoice, fontSize });
    const history = ctx.history?.();
    if (history) area.prepend(history);
  } else if (st.view === 'agents') {
    shown.agents = createAgentsView(panel, data, { lang, width: width(panel, 1400), height: projector ? roomBelow(panel) : undefined, fontSize: agentsFont });
  }
  else {
    shown.journey = createJourneyView(panel, data, { lang, persona: st.persona, replicate: st.draw, onPersona: ctx.onPersona, onReplicate: ctx.onDraw, weekWidth: projector ? PROJECTOR_WEEK_WIDTH : undefined });
    if (projector) fitJourney(panel, roomBelow(panel) - 8);
  }
  return shown;
}
