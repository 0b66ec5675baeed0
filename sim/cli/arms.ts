/** `pathways compare --arm ... | --arms FILE`: the arms of a comparison from the options or a file (sim/arms.ts), and the text report. */
import { SHIPPED_COMPARISONS } from '../../scenarios/comparisons/index.ts';
import {
  armOfPath, armsFromOptions, parseComparison, verdictMark, type ArmsResult, type ArmSummary, type ComparisonInput, type CostEffect, type Ratio,
} from '../arms.ts';
import { settingLabel } from '../calibrate/targets.ts';
import { InputError, ValidationError } from '../errors.ts';
import { alignTable, fixed, intervalText } from '../format.ts';
import { loadNamedOrFile } from '../load.ts';
import { formatMetric, type MetricName } from '../metrics.ts';
import type { Estimate } from '../stats.ts';
import { estimateCell, metricRows, wrap } from './format.ts';

/** What repeated `--arm` values are joined with by parseArgs (a newline: a label may hold `;`). */
export const ARM_JOIN = '\n';

/** The metrics the text report shows per arm and as differences (--json has every metric). */
export const ARM_METRICS = [
  'employedShare', 'employedWeeksShare', 'medianWeeksToFirstJob', 'insecureJobShare', 'overqualifiedShare',
  'attendanceRate', 'costPerPerson', 'advisorCostPerPerson', 'serviceCostPerPerson',
] as const satisfies readonly MetricName[];

/** The comparison of `--arm` (repeated; the baseline first) or `--arms NAME|FILE`, with the name its errors go under. */
export function comparisonOf(o: Record<string, string | number | boolean>): { input: ComparisonInput; texts?: string[]; source: string } {
  if (o.arm !== undefined && o.arms !== undefined) {
    throw new InputError('--arms: not allowed with --arm; give the arms on the command line (--arm, once per arm) or in a file (--arms), not both');
  }
  if (o.arm !== undefined) {
    const texts = String(o.arm).split(ARM_JOIN);
    return { input: armsFromOptions(texts), texts, source: '--arm' };
  }
  const arg = String(o.arms);
  const { raw } = loadNamedOrFile(arg, 'comparison', SHIPPED_COMPARISONS);
  const source = `comparison ${arg}`;
  return { input: parseComparison(raw, source), source };
}

/**
 * A problem of an arm given by `--arm`, as one line naming the arm as typed
 * (`--arm "x=standardised,office.caseload=5000": office.caseload: 5000 is not allowed; ...`).
 */
export function armOptionError(err: ValidationError, texts: readonly string[]): InputError {
  const e = err.errors[0];
  const at = armOfPath(e.path);
  if (at === undefined || at.arm >= texts.length) return new InputError(`--arm: ${e.message}`);
  const field = at.field.replace(/^(knobs|changes)\./, '');
  // "folowUp is not a knob", "office.caseload: 3000 is not allowed", "these changes make scenario ... invalid"
  const what = at.field === '' || at.field === 'policy' || at.field === 'label' ? ''
    : at.field === 'changes' ? 'these changes '
      : e.message.startsWith('is ') ? `${field} ` : `${field}: `;
  return new InputError(`--arm ${JSON.stringify(texts[at.arm])}: ${what}${e.message}`);
}

const money = (v: number) => formatMetric('costPerPerson', v, { plain: true });
const moneyCell = (e: Estimate) => `${money(e.mean)} ${intervalText(money(e.ci95[0]), money(e.ci95[1]))}`;
const countCell = (e: Estimate) => `${fixed(e.mean, 1)} ${intervalText(fixed(e.ci95[0], 1), fixed(e.ci95[1], 1))}`;

/** Footnotes for ratios that are not defined: one number per distinct reason. */
class Notes {
  readonly lines: string[] = [];
  private readonly numbers = new Map<string, number>();
  cell(r: Ratio, who: string): string {
    if (r.defined) return `${money(r.mean)} ${intervalText(money(r.ci95[0]), money(r.ci95[1]))}`;
    const key = `${who}: ${r.reason}`;
    let n = this.numbers.get(key);
    if (n === undefined) {
      n = this.numbers.size + 1;
      this.numbers.set(key, n);
      this.lines.push(wrap(`(${n}) ${key}.`, '  ').replace(/^ {2}/, ''));
    }
    return `not defined (${n})`;
  }
}

const describeArm = (a: ArmSummary) => settingLabel({ policy: a.policy, knobs: a.overrides, changes: a.changes });

/** The text report of a comparison of arms; `head` is the line's start (`compare classroom (...): 300 agents, ...`). */
export function armsText(r: ArmsResult, head: string): string {
  const arms = [r.baseline, ...r.variants];
  const R = r.replications;
  const names = arms.map((_, i) => (i === 0 ? 'baseline' : `variant ${i}`));
  const nw = Math.max(...names.map((n) => n.length));
  const lw = Math.max(...arms.map((a) => a.label.length));
  const out: string[] = [
    `${head}, common random numbers; a baseline and ${r.variants.length} variant${r.variants.length === 1 ? '' : 's'}`,
    ...(r.description ? ['', wrap(r.description, '')] : []),
    '',
    'arms (all on the same people with the same luck):',
    ...arms.map((a, i) => `  ${names[i].padEnd(nw)}  ${a.label.padEnd(lw)}  ${describeArm(a)}`),
    '',
    `Key metrics per arm: mean [95% interval] over ${R} replication${R === 1 ? '' : 's'}`,
    '',
    alignTable(['metric', ...arms.map((a) => a.label)], metricRows(arms.map((a) => a.summary), ARM_METRICS)),
    '',
    `Differences from the baseline (${r.baseline.label}), paired by replicate: mean [95% interval]; clear when the interval excludes 0; better or worse for the jobseekers`,
    '',
    alignTable(['metric', ...r.variants.map((v) => `${v.label} - ${r.baseline.label}`)], ARM_METRICS.map((m) => [m, ...r.variants.map((v) => {
      const d = v.verdicts.find((x) => x.metric === m);
      return d === undefined ? '' : `${estimateCell(m, d.mean, d.ci95[0], d.ci95[1])}  ${verdictMark(d)}`;
    })])),
    '',
  ];
  const notes = new Notes();
  const costRows = (c: (v: (typeof r.variants)[number]) => CostEffect): string[][] => {
    const rows: [string, (e: CostEffect, who: string) => string][] = [
      ['extra cost per person', (e) => moneyCell(e.extraCostPerPerson.total)],
      ['  advisor time', (e) => moneyCell(e.extraCostPerPerson.advisor)],
      ['  services', (e) => moneyCell(e.extraCostPerPerson.services)],
      ['extra people in work at the end', (e) => countCell(e.extraEmployed)],
      ['cost per extra person in work', (e, who) => notes.cell(e.perExtraEmployed.total, who)],
      ['  advisor time', (e, who) => notes.cell(e.perExtraEmployed.advisor, who)],
      ['  services', (e, who) => notes.cell(e.perExtraEmployed.services, who)],
      ['extra person-years in work', (e) => countCell(e.extraEmployedYears)],
      ['cost per extra person-year in work', (e, who) => notes.cell(e.perExtraEmployedYear.total, who)],
      ['  advisor time', (e, who) => notes.cell(e.perExtraEmployedYear.advisor, who)],
      ['  services', (e, who) => notes.cell(e.perExtraEmployedYear.services, who)],
    ];
    return rows.map(([label, f]) => [label, ...r.variants.map((v) => f(c(v), v.label))]);
  };
  out.push(
    `Cost-effectiveness against the baseline, all ${r.agents} people (NOK; mean [95% interval], a cost per extra person or person-year with Fieller's interval)`,
    '',
    alignTable(['', ...r.variants.map((v) => v.label)], costRows((v) => v.cost.all)),
    '',
  );
  if (notes.lines.length) out.push(...notes.lines, '');
  const groups = Object.keys(r.baseline.byGroup);
  let undefinedByGroup = false;
  const groupRows = groups.map((g) => [g, ...r.variants.map((v) => {
    const x = v.cost.byGroup[g].perExtraEmployed.total;
    if (!x.defined) undefinedByGroup = true;
    return x.defined ? `${money(x.mean)} ${intervalText(money(x.ci95[0]), money(x.ci95[1]))}` : 'not defined';
  })]);
  out.push('Cost per extra person in work at the end, by group (NOK)', '', alignTable(['group', ...r.variants.map((v) => v.label)], groupRows), '');
  if (undefinedByGroup) out.push(wrap('not defined: the 95% interval of the group’s extra people in work includes 0, or the group has clearly fewer in work (each reason is in --json).', ''), '');
  out.push(wrap(`Shares as fractions (0.540 is 54%). Each variant runs with the seed and replicate numbers of the baseline, so its difference is taken per replicate. A negative cost per extra person in work means the variant costs less and puts more people in work. Every metric, group and replicate, and each arm's policy, full knobs and changes: --json.`, ''), '');
  return out.join('\n');
}

