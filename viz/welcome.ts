/**
 * The first view: two sentences on what this is, and three ways in: explore
 * a question (the What if… view's presets), teach (Story mode, with projector
 * mode a click away), research (the notebooks and the command line). Shown
 * above the tabs until closed; closing it is remembered in this browser only
 * (localStorage), never in the link or the model.
 */
import { h } from './dom.ts';
import { texts, type Lang } from './i18n.ts';
import type { Settings } from './settings.ts';
import { inLanguage, NOTEBOOKS_INDEX } from './site-links.ts';
import './welcome.css';

const TEXT = texts({
  title: 'What this is',
  what: 'This page simulates invented jobseekers, week by week, as they look for information, ask for services and jobs, are accepted or refused, take part in short or long services, and find work or do not. The same people run under different ways of running the office, with the same luck, so every difference you see comes from the way of working, not from chance.',
  ways: 'Three ways in',
  explore: 'Explore a question', exploreText: 'What if caseloads fell, information became proactive, or career guidance opened to labour immigrants? One click runs the question and shows what changes, for whom, and at what cost.',
  teach: 'Teach with a story', teachText: 'Step by step, one mechanism at a time, following five invented people. Projector mode makes the type large for a classroom wall.',
  research: 'Research', researchText: 'Notebooks for calibration, sweeps and tests of hypotheses; the same model on the command line (npx pathways --help), with exports of every number.',
  go: { explore: 'Open the questions', teach: 'Start the story', research: 'Open the notebooks' },
  close: 'Close this introduction', reopen: 'What is this?',
  care: 'The model illustrates mechanisms from interview studies and published evidence; it does not predict what will happen to real people.',
}, {
  title: 'Hva dette er',
  what: 'Denne siden simulerer oppdiktede arbeidssøkere, uke for uke, mens de leter etter informasjon, søker om tiltak og jobber, får ja eller nei, deltar i korte eller lange tiltak, og får arbeid eller ikke. De samme menneskene kjøres under ulike måter å drive kontoret på, med den samme flaksen, så hver forskjell du ser kommer av arbeidsmåten, ikke av tilfeldigheter.',
  ways: 'Tre veier inn',
  explore: 'Utforsk et spørsmål', exploreText: 'Hva om sakstallet per veileder gikk ned, informasjonen ble oppsøkende, eller karriereveiledning ble åpnet for arbeidsinnvandrere? Ett klikk kjører spørsmålet og viser hva som endres, for hvem, og hva det koster.',
  teach: 'Undervis med en fortelling', teachText: 'Steg for steg, én mekanisme om gangen, med fem oppdiktede personer. Prosjektormodus gir stor skrift for en vegg i klasserommet.',
  research: 'Forskning', researchText: 'Notatbøker for kalibrering, parametersøk og testing av hypoteser; den samme modellen på kommandolinjen (npx pathways --help), med eksport av alle tall.',
  go: { explore: 'Åpne spørsmålene', teach: 'Start fortellingen', research: 'Åpne notatbøkene' },
  close: 'Lukk denne introduksjonen', reopen: 'Hva er dette?',
  care: 'Modellen illustrerer mekanismer fra intervjustudier og publisert forskning; den forutsier ikke hva som vil skje med virkelige mennesker.',
});

const KEY = 'pathways.welcome';

/** Whether the introduction was closed in this browser. */
export function welcomeClosed(): boolean {
  try {
    return globalThis.localStorage?.getItem(KEY) === 'closed';
  } catch {
    return false;
  }
}

function remember(closed: boolean): void {
  try {
    if (closed) globalThis.localStorage?.setItem(KEY, 'closed');
    else globalThis.localStorage?.removeItem(KEY);
  } catch {
    // a browser that keeps nothing shows the introduction each time
  }
}

export interface WelcomeActions {
  /** Open a view (the What if… view, the story). */
  view(v: Settings['view']): void;
  /** Closed or opened again: the page lays itself out again. */
  toggled(): void;
}

/** The introduction into `el`, or (closed) a small button that opens it again. */
export function renderWelcome(el: HTMLElement, lang: Lang, on: WelcomeActions): void {
  const t = TEXT(lang);
  el.setAttribute('aria-label', t.title);
  if (welcomeClosed()) {
    el.className = 'welcome closed';
    el.replaceChildren(h('button', { type: 'button', id: 'welcome-open', class: 'link', onclick: () => { remember(false); on.toggled(); } }, t.reopen));
    return;
  }
  const way = (id: string, title: string, text: string, action: HTMLElement) => h('li', { class: 'way', id: `way-${id}` }, h('h3', {}, title), h('p', {}, text), action);
  el.className = 'welcome';
  el.replaceChildren(
    h('button', { type: 'button', id: 'welcome-close', class: 'welcome-close', 'aria-label': t.close, title: t.close, onclick: () => { remember(true); on.toggled(); } }, '×'),
    h('h2', {}, t.title),
    h('p', { class: 'welcome-what' }, t.what),
    h('h3', { class: 'visually-hidden' }, t.ways),
    h('ul', { class: 'ways' },
      way('explore', t.explore, t.exploreText, h('button', { type: 'button', class: 'primary', onclick: () => on.view('whatif') }, t.go.explore)),
      way('teach', t.teach, t.teachText, h('button', { type: 'button', class: 'primary', onclick: () => on.view('story') }, t.go.teach)),
      way('research', t.research, t.researchText, h('a', { class: 'button primary', href: inLanguage(NOTEBOOKS_INDEX, lang) }, t.go.research))),
    h('p', { class: 'hint' }, t.care),
  );
}
