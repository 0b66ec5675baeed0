/** A small, fixed PageData for chart and view tests: classroom, 300 agents, 104 weeks, 3 replications, seed 7. */
import { compare, parseScenario, SHIPPED } from '../../sim/index.ts';
import { pageData, type PageData } from '../../viz/data.ts';

let cached: PageData | undefined;

export function fixture(): PageData {
  if (cached) return cached;
  const s = parseScenario(SHIPPED.classroom, 'classroom');
  const opts = { seed: 7, weeks: 104, replications: 3, historyAgents: 300 };
  const { runs } = compare(s, ['standardised', 'personalised'], opts);
  cached = pageData(s, ['standardised', 'personalised'], ['Standardised', 'Personalised'], runs, opts);
  return cached;
}
