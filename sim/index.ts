/** The public API of the simulation core (used by the CLI, the tests' bundle, the page and the notebooks). Browser-safe: no node: imports. */
export { createModel, step, run, PHASES, type Model, type ModelOptions } from './model.ts';
export { parseScenario, resolvePolicy, policyNames, type Scenario, type Knobs } from './scenario.ts';
export { parseScenarioFile, baseOf, MAX_EXTENDS_DEPTH, type FileOptions, type BaseFile } from './extends.ts';
export {
  compare, runReplicate, runPolicies, aggregate, compareSettings, flowCheckpoints, estimateMetrics, differences, timeSeriesRows,
  type CompareResult, type CompareOptions, type RunResult, type RunDetail, type EstimateTable, type MetricEstimate,
} from './ensemble.ts';
export {
  summarise, METRICS, METRIC_TABLE, BY_YEAR_METRICS, isMetric, metricInfo, formatMetric, parseMetricKey, metricKeyText, metricKeyLabel, metricValue, metricEntries, yearsIn,
  type MetricName, type MetricInfo, type MetricKind, type MetricKey, type MetricFormat, type Better, type Words, type Summary,
} from './metrics.ts';
export {
  compareArms, planArms, runArm, armJobs, aggregateArms, parseComparison, parseArmOption, armsFromOptions, armPath, armOfPath,
  costEffect, fiellerRatio, differenceVerdict, verdictsOf, verdictMark, MAX_VARIANTS, ARM_SYNTAX,
  type ArmInput, type ComparisonInput, type Arm, type ArmsPlan, type ArmRun, type ArmsResult, type ArmSummary, type VariantResult,
  type DifferenceVerdict, type CostEffect, type CostSplit, type Ratio, type GroupRun, type CompareArmsOptions,
} from './arms.ts';
export { changedScenario, changeValueText, type ScenarioChanges, type ChangeValue } from './changes.ts';
export { SHIPPED_COMPARISONS } from '../scenarios/comparisons/index.ts';
export {
  parseWhatIf, planWhatIf, planClaims, checkClaims, claimHolds, claimText, differenceOf, runWhatIf, whatIfScenario, CLAIM_DIRECTIONS,
  type WhatIf, type WhatIfPlan, type WhatIfResult, type WhatIfOptions, type RunWhatIfOptions, type Claim, type PlannedClaim, type ClaimResult, type Texts,
} from './whatifs.ts';
export { SHIPPED_WHATIFS } from '../scenarios/whatifs/index.ts';
export { fixed, percent, alignTable, wrapText, type NumberStyle, type NumberLang } from './format.ts';
export { countAt, groupIndex, outputGroupNames, transitionAt, weeksCounted, type Counts } from './record.ts';
export { estimate, type Estimate } from './stats.ts';
export { journey, EVENT_KINDS, EVENT_FIELDS, type JourneyEvent, type EventKind, type EventOf } from './events.ts';
export { eventText, eventLine, weekText, rightsText, LANGS, type Lang, type ServiceLabels } from './journey-text.ts';
export { parseJson } from './json.ts';
export { InputError, IOError, ValidationError, type FieldError } from './errors.ts';
export {
  resolveRunSettings, applyKnobs, policyKnobs, runChanges, scenarioChanges, baseScenario, settingSpec, tooFewAgents, SETTING_NAMES,
  type RunSettings, type SettingName, type Changes, type ResolveOptions,
} from './settings.ts';
export { runTables, tableCsv, EVENT_COLUMNS, type Table, type Cell } from './tables.ts';
export { KNOBS, KNOB_NAMES, STANDARDISED, PERSONALISED } from './schema/scenario.ts';
export { describeAllowed, type NumberSpec } from './schema/dsl.ts';
export { SHIPPED } from '../scenarios/index.ts';
export {
  parseHypothesis, runHypothesis, checkHypothesis, judge, pairedTest, tCdf, tTwoSidedP, tQuantile, replicationsFor80Power, scenarioRef,
  VERDICT_RULE, type Hypothesis, type HypothesisResult, type Verdict,
} from './hypothesis.ts';
export { SHIPPED_HYPOTHESES } from '../scenarios/hypotheses/index.ts';
export * as constants from './constants.ts';
