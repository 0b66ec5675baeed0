// Sweep benchmark: runs/s of the same sweep with 1 and 2 worker threads (and more with --workers 1,2,4).
// The sweep: mixed-office, 2000 agents × 260 weeks, a 4 × 2 grid × 2 policies × 3 replications = 48 runs.
// Usage: node bench/sweep.js [--workers 1,2] [--agents N] [--weeks N] [--replications N]
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBundle } from '../scripts/bundle.js';

const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : def;
};
const workerCounts = String(arg('workers', '1,2')).split(',').map(Number);
const spec = {
  scenario: 'mixed-office',
  agents: Number(arg('agents', 2000)),
  weeks: Number(arg('weeks', 260)),
  replications: Number(arg('replications', 3)),
  vary: ['knobs.exploration=0.1,0.4,0.7,1', 'office.caseload=35,70'],
};

const engine = await import(pathToFileURL(await ensureBundle('sim/sweep/index.ts', 'dist/sweep.mjs')).href);
const plan = engine.planSweep(spec);
const root = mkdtempSync(join(tmpdir(), 'pathways-bench-sweep-'));
console.log(`sweep bench: ${plan.scenario.name}, ${plan.agents} agents × ${plan.weeks} weeks, ${plan.points.length} points × ${plan.policies.length} policies × ${plan.replications} replications = ${plan.runs} runs`);
console.log(`machine: ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), availableParallelism ${availableParallelism()}, load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}, Node ${process.version}`);
console.log('');

const results = [];
let reference;
try {
  for (const workers of workerCounts) {
    const out = join(root, `run${results.length}-w${workers}`);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const r = await engine.runSweep(spec, { out, workers });
    const secs = (performance.now() - t0) / 1000;
    const c = process.cpuUsage(c0);
    const cpu = (c.user + c.system) / 1e6;
    const csv = readFileSync(join(out, 'runs.csv'), 'utf8');
    reference ??= csv;
    if (csv !== reference) throw new Error(`runs.csv with ${workers} workers differs from the first`);
    results.push({ workers, runs: r.runs, secs, rate: r.runs / secs, cpu });
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}

// CPU seconds are of all threads; CPU / wall is how many processors the sweep actually got (others' load shows here).
const rows = [['workers', 'runs', 'seconds', 'runs/s', 'speed-up', 'CPU s', 'CPU/wall'], ...results.map((x) => [
  String(x.workers), String(x.runs), x.secs.toFixed(2), x.rate.toFixed(2), `${(x.rate / results[0].rate).toFixed(2)}×`,
  x.cpu.toFixed(2), (x.cpu / x.secs).toFixed(2),
])];
const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
for (const [i, r] of rows.entries()) {
  console.log(r.map((cell, c) => cell.padStart(widths[c])).join('  '));
  if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
}
console.log('\nruns.csv identical for every worker count.');
