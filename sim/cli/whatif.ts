/** `pathways whatif NAME|FILE`: run a what-if preset (sim/whatifs.ts) and print its arms' results and whether its claims hold. */
import { SHIPPED_WHATIFS } from '../../scenarios/whatifs/index.ts';
import { loadNamedOrFile } from '../load.ts';
import { settingSpec } from '../settings.ts';
import { CLAIM, WHATIF, WHATIF_RUN } from '../schema/whatif.ts';
import { parseMetricKey, type MetricKey } from '../metrics.ts';
import { alignTable } from '../format.ts';
import { differenceOf, parseWhatIf, runWhatIf, whatIfScenario, type WhatIf, type WhatIfResult } from '../whatifs.ts';
import { intOption, type CommandSpec, type Parsed } from './args.ts';
import { armsText } from './arms.ts';
import { estimateCell, fieldLines, plain, print, wrap } from './format.ts';
import { RUN_OPTIONS, settingOptions } from './options.ts';
import { progress } from './progress.ts';

/** The file format, for --help: one line per field, from the schema's doc strings. */
function formatHelp(): string {
  const required = new Set<string>(WHATIF.required ?? []);
  const sub: Record<string, [string, string][]> = {
    run: Object.entries(WHATIF_RUN.fields).map(([k, f]) => [`  run.${k}`, `${(WHATIF_RUN.required as readonly string[]).includes(k) ? '' : '(optional) '}${plain(f.doc)}`]),
    claims: Object.entries(CLAIM.fields).map(([k, f]) => [`  claims[].${k}`, `${(CLAIM.required as readonly string[]).includes(k) ? '' : '(optional) '}${plain(f.doc)}`]),
  };
  const rows: [string, string][] = Object.entries(WHATIF.fields).flatMap(([k, f]) =>
    [[k, `${required.has(k) ? '' : '(optional) '}${plain(f.doc)}`] as [string, string], ...(sub[k] ?? [])]);
  return [
    'The file is JSON with these fields (baseline and variants as in a comparison file, see pathways compare --help):',
    ...fieldLines(rows),
    '',
    'A claim, e.g. { "metric": "medianWeeksToFirstJob", "group": "all", "direction": "lower", "against": "baseline", "clear": true },',
    'holds when the 95% interval of the paired difference (variant minus baseline) lies below 0; "about-the-same" with "within": 0.01',
    'holds when it lies within ±0.01.',
    '',
    wrap(`Shipped presets (run by name): ${Object.keys(SHIPPED_WHATIFS).join(', ')}.`, '').trimStart(),
  ].join('\n');
}

export const WHATIF_SPEC: CommandSpec = {
  usage: 'pathways whatif NAME|FILE [--replications N] [--seed N] [--json]',
  summary: 'Run a what-if preset: a baseline and its variants on a shipped scenario at the preset’s run settings, on the same people with the same luck. ' +
    'Prints the preset’s texts, the arms’ key metrics, each variant’s difference from the baseline and its cost-effectiveness (as compare --arms does), ' +
    'and whether each of the preset’s claims holds against these numbers. NAME is a shipped preset, FILE a preset JSON file.\n\n' + formatHelp(),
  options: {
    // a paired interval needs at least two replications
    replications: intOption(settingSpec('replications'), 'N', 'Paired replications (default: the preset’s).', 2),
    seed: { ...RUN_OPTIONS.seed, doc: 'Master seed (default: the preset’s, else the scenario’s).' },
    json: { kind: 'flag', doc: 'Print one JSON object (the preset’s texts, the comparison of its arms and its claims) to stdout instead of text.' },
  },
  positional: ['NAME|FILE'],
};

/** A shipped preset by name, or a file. */
export function loadWhatIf(arg: string): WhatIf {
  const { raw } = loadNamedOrFile(arg, 'what-if', SHIPPED_WHATIFS);
  return parseWhatIf(raw, `what-if ${arg}`);
}

/** The differences by group of the metrics the claims name (one column per variant and metric): where a preset's effects fall. */
function claimsByGroup(r: WhatIfResult): string {
  const a = r.result;
  const columns: { variant: number; metric: string; key: MetricKey }[] = [];
  for (const c of r.claims) {
    const variant = a.variants.findIndex((v) => v.label === c.variant);
    if (!columns.some((x) => x.variant === variant && x.metric === c.claim.metric)) columns.push({ variant, metric: c.claim.metric, key: parseMetricKey(c.claim.metric) as MetricKey });
  }
  const head = columns.map((x) => (a.variants.length > 1 ? `${x.metric} (${a.variants[x.variant].label})` : x.metric));
  const rows = ['all', ...Object.keys(a.baseline.byGroup)].map((g) => [g, ...columns.map((x) => {
    const e = differenceOf(a, x.variant, g, x.key);
    return estimateCell(x.key.name, e.mean, e.ci95[0], e.ci95[1]);
  })]);
  return alignTable(['group', ...head], rows);
}

/** The text report of a preset's run. */
export function whatIfText(w: WhatIf, r: WhatIfResult): string {
  const a = r.result;
  const head = `what-if ${w.id} on ${a.scenario} (${a.title}): ${a.agents} agents, ${a.weeks} weeks, ${a.replications} replication${a.replications === 1 ? '' : 's'}, seed ${a.seed}`;
  const failed = r.claims.filter((c) => !c.holds).length;
  return [
    `what-if ${w.id}: ${w.title.en}`,
    wrap(w.what.en),
    wrap(w.look.en),
    wrap(`Evidence: ${w.evidence.en}`),
    ...w.notes.map((n) => wrap(`Note: ${n.en}`)),
    '',
    armsText(a, head).trimEnd(),
    '',
    `Claims, checked against these numbers (difference variant − baseline, mean [95% interval]):`,
    ...r.claims.map((c) => wrap(`${c.holds ? 'holds:' : 'DOES NOT HOLD:'} ${c.numbers}`, '    ').replace(/^ {4}/, '  - ')),
    '',
    failed === 0 ? `All ${r.claims.length} claims hold.` : `${failed} of ${r.claims.length} claims do not hold.`,
    '',
    `The claims' metrics by group: difference variant − baseline, mean [95% interval]`,
    '',
    claimsByGroup(r),
    '',
  ].join('\n');
}

export function whatIfCommand({ options, positional }: Parsed): number {
  const arg = positional[0];
  const w = loadWhatIf(arg);
  const s = whatIfScenario(w);
  const p = progress(`what-if ${w.id}`);
  let r: WhatIfResult;
  try {
    r = runWhatIf(w, s, { ...settingOptions(options), source: `what-if ${arg}`, onProgress: p.onProgress });
  } finally {
    p.end();
  }
  print(options.json ? JSON.stringify(r, null, 2) : whatIfText(w, r));
  return 0;
}
