/** The page's charts in display order; each renders one `<figure class="chart">` (see common.ts for the options). */
import type { PageData } from '../data.ts';
import type { ChartOptions } from './common.ts';
import { render as employment } from './employment.ts';
import { render as survival } from './survival.ts';
import { render as flows } from './flows.ts';
import { render as services } from './services.ts';
import { render as rejections } from './rejections.ts';
import { render as groups } from './groups.ts';
import { render as gap } from './gap.ts';

export type { ChartOptions } from './common.ts';
export type { GroupsOptions } from './groups.ts';

export const CHART_IDS = ['employment', 'survival', 'flows', 'services', 'rejections', 'groups', 'gap'] as const;
export type ChartId = (typeof CHART_IDS)[number];

export interface Chart { id: ChartId; render: (data: PageData, options?: ChartOptions) => HTMLElement }

export const CHARTS: Chart[] = [
  { id: 'employment', render: employment },
  { id: 'survival', render: survival },
  { id: 'flows', render: flows },
  { id: 'services', render: services },
  { id: 'rejections', render: rejections },
  { id: 'groups', render: groups },
  { id: 'gap', render: gap },
];
