/**
 * The page's charts in display order: the one registry. An entry is a chart
 * module's `render` (one `<figure class="chart">`; see common.ts for the
 * options) and, for a chart that offers a choice, its `control`. Everything
 * else that names charts reads this list: the ids (`CHART_IDS`, `ChartId`),
 * the story's focus, the link's parameters (`CHART_CONTROLS`), the Compare
 * view. A new chart is one module and one entry here
 * (docs/CONTRIBUTING.md, How to add a chart).
 */
import type { PageData } from '../data.ts';
import type { ChartControl, ChartOptions } from './common.ts';
import { render as employment } from './employment.ts';
import { render as survival } from './survival.ts';
import { render as flows } from './flows.ts';
import { render as services } from './services.ts';
import { render as rejections } from './rejections.ts';
import { render as groups, control as groupsControl } from './groups.ts';
import { render as gap } from './gap.ts';

export type { ChartControl, ChartOptions } from './common.ts';

export interface Chart {
  id: string;
  render: (data: PageData, options?: ChartOptions) => HTMLElement;
  /** A choice the chart offers (its `render` reads it as `options.choice`). */
  control?: ChartControl;
}

export const CHARTS = [
  { id: 'employment', render: employment },
  { id: 'survival', render: survival },
  { id: 'flows', render: flows },
  { id: 'services', render: services },
  { id: 'rejections', render: rejections },
  { id: 'groups', render: groups, control: groupsControl },
  { id: 'gap', render: gap },
] as const satisfies readonly Chart[];

export type ChartId = (typeof CHARTS)[number]['id'];

/** The ids of a list of charts, in its order. */
export const chartIds = <C extends readonly Chart[]>(charts: C): C[number]['id'][] => charts.map((c) => c.id);

/** The charts' ids in display order (from CHARTS). */
export const CHART_IDS: readonly ChartId[] = chartIds(CHARTS);

/** The controls of a list of charts, with their chart's id. */
export const chartControls = (charts: readonly Chart[]): { chart: string; control: ChartControl }[] =>
  charts.flatMap((c) => (c.control ? [{ chart: c.id, control: c.control }] : []));

/** The page's chart controls (the link reads and writes each under its `param`). */
export const CHART_CONTROLS = chartControls(CHARTS);

/** The value of each chart's control, by chart id; a chart not named shows its control's default. */
export type ChartChoices = Partial<Record<string, string>>;

/** `choices` with chart `id`'s control at `value`; the default (its first value) is left out, so a link does not carry it. */
export function withChoice(choices: ChartChoices, id: string, value: string, charts: readonly Chart[] = CHARTS): ChartChoices {
  const { [id]: _old, ...out } = choices;
  const control = charts.find((c) => c.id === id)?.control;
  return control && value === control.values[0] ? out : { ...out, [id]: value };
}
