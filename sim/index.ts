/** The public API of the simulation core (used by the CLI, the tests' bundle, the page and the notebooks). */
export { createModel, step, run, PHASES, type Model, type ModelOptions } from './model.ts';
export { parseScenario, resolvePolicy, policyNames, type Scenario, type Knobs } from './scenario.ts';
export { compare, runReplicate, estimateMetrics, differences, timeSeriesRows, type CompareResult, type RunResult } from './ensemble.ts';
export { summarise, METRICS, METRIC_DOCS, type MetricName, type Summary } from './metrics.ts';
export { estimate, type Estimate } from './stats.ts';
export { journey } from './events.ts';
export { SHIPPED } from '../scenarios/index.ts';
export * as constants from './constants.ts';
