/** Types of the sweep engine: what a sweep is asked to do (SweepSpec) and what it resolves to (SweepPlan). */

/** How the parameter points are chosen. */
export type Design =
  | { kind: 'grid' }
  | { kind: 'lhs'; samples: number }
  | { kind: 'points'; points: Record<string, number>[] };

/** One varied parameter as given: an inclusive range (`step` required for a grid) or a list of values. */
export type Vary =
  | { name: string; lo: number; hi: number; step?: number }
  | { name: string; values: number[] };

/** What to sweep. Everything but `scenario` has a default. */
export interface SweepSpec {
  /** A shipped scenario name, a scenario JSON file, or a scenario object (validated with parseScenario). */
  scenario: string | object;
  /** Parameters: `NAME=lo:hi:step`, `NAME=lo:hi` (lhs only), `NAME=v1,v2,...` or objects. Not with a `points` design. */
  vary?: (string | Vary)[];
  /** Default `{ kind: 'grid' }`. */
  design?: Design;
  /** Default: the scenario's comparePolicies. */
  policies?: string[];
  /** Default: the scenario's. */
  replications?: number;
  agents?: number;
  weeks?: number;
  /** Master seed (default: the scenario's); replicate r runs with replicateSeed(seed, r) at every point and policy. */
  seed?: number;
  /** METRICS names or `arrayMetric.K` (1-based); default every metric, arrays expanded. */
  metrics?: string[];
  /** `all` (default): the whole population only; `every`: every group of the run. */
  groups?: 'all' | 'every';
  /** The file of the finished runs: `csv` (default) runs.csv, `parquet` runs.parquet. */
  output?: 'csv' | 'parquet';
}

/** A resolved parameter. */
export interface Parameter {
  /** `knobs.NAME` or a scenario field path such as `office.caseload` or `groups.refugee.language`. */
  name: string;
  /** `knob`: overrides the knob for every policy; `field`: a field of the scenario. */
  kind: 'knob' | 'field';
  /** The schema's allowed range and whether the field takes integers only. */
  min: number;
  max: number;
  integer: boolean;
  /** The range swept: lowest and highest value. */
  lo: number;
  hi: number;
  /** Grid step of a range. */
  step?: number;
  /** The values of a list (or of a range on a grid). */
  values?: number[];
}

/** The resolved sweep: the contents of sweep.json (with `shard`). A pure function of the spec and the package. */
export interface SweepPlan {
  format: 'pathways-sweep/1';
  /** Package version of the simulator. */
  version: string;
  /** Fingerprint of the model's code and scenarios: a resumed sweep or a merge refuses runs from other code. */
  model: string;
  /** An equivalent command line (informational; not compared on resume or merge). */
  command: string;
  scenario: { name: string; hash: string };
  agents: number;
  weeks: number;
  seed: number;
  replications: number;
  policies: string[];
  parameters: Parameter[];
  design: { kind: 'grid' } | { kind: 'lhs'; samples: number } | { kind: 'points' };
  /** Design points: one value per parameter name. */
  points: Record<string, number>[];
  metrics: string[];
  groups: 'all' | 'every';
  /** Runs of the whole sweep: points × replications × policies. */
  runs: number;
  /** Header of runs.csv (the columns of runs.parquet too). */
  columns: string[];
  /** `parquet`: the runs go to runs.parquet instead of runs.csv (absent: runs.csv). */
  output?: 'parquet';
}

/** sweep.json: the plan and which share of it a directory holds. */
export interface SweepMeta extends SweepPlan {
  /** null for a whole sweep (or a merge); 1-based index of n for a shard. */
  shard: { index: number; count: number; runs: number } | null;
}

/** One row of runs.csv. */
export interface SweepRow {
  run: number;
  point: number;
  params: Record<string, number>;
  replicate: number;
  seed: number;
  policy: string;
  group: string;
  metric: string;
  /** NaN where the metric is undefined (an empty cell). */
  value: number;
}

/** The rows one run produces, before the run's columns are added: group, metric, value (null: undefined). */
export type RunRows = [string, string, number | null][];

export interface RunSweepOptions {
  /** The sweep directory (created if missing). */
  out: string;
  /** Worker threads (default: os.availableParallelism()); 0 runs in this thread. */
  workers?: number;
  /** [i, n], 1-based: only the runs whose id mod n = i - 1. */
  shard?: [number, number];
  /** After each finished run: runs finished and to run in this call (runs already done are not counted). */
  onProgress?: (done: number, total: number) => void;
}

export interface RunSweepResult {
  dir: string;
  /** Runs of the plan (of the shard's share with `shard`). */
  runs: number;
  /** Of these, runs already done in `dir` and not run again. */
  skipped: number;
}
