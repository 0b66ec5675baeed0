/**
 * Speed and memory of the whole model, single-threaded: `npm run bench`.
 * Prints agent-weeks per second, nanoseconds per agent-week, bytes of agent
 * state per agent and the process's peak resident memory. Not a test: it
 * asserts nothing and CI does not run it.
 */
import { agentBytes } from '../sim/agents.ts';
import { createModel, step } from '../sim/model.ts';
import { parseScenario } from '../sim/scenario.ts';
import { SHIPPED } from '../scenarios/index.ts';

const args = process.argv.slice(2);
const sizes = args.length ? args.map(Number) : [100_000, 1_000_000];
const WEEKS = 520;
const scenario = parseScenario(SHIPPED['mixed-office']);

function fmt(x: number, digits = 1) {
  return x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

console.log(`activation-pathways benchmark: mixed-office, ${WEEKS} weeks, single thread, Node ${process.version}`);
for (const n of sizes) {
  for (const policy of ['standardised', 'personalised']) {
    const t0 = performance.now();
    const m = createModel(scenario, { policy, agents: n, weeks: WEEKS });
    const tInit = performance.now() - t0;
    const t1 = performance.now();
    for (let w = 0; w < WEEKS; w++) step(m);
    const ms = performance.now() - t1;
    const agentWeeks = n * WEEKS;
    const rssPeak = process.resourceUsage().maxRSS * 1024;
    console.log(
      `${fmt(n, 0).padStart(9)} agents  ${policy.padEnd(12)}  ` +
      `${fmt(agentWeeks / ms / 1e3, 2).padStart(6)} M agent-weeks/s  ` +
      `${fmt((ms * 1e6) / agentWeeks).padStart(6)} ns/agent-week  ` +
      `state ${fmt(agentBytes(m.agents) / n).padStart(6)} B/agent  ` +
      `peak RSS ${fmt(rssPeak / 2 ** 20, 0)} MiB (${fmt(rssPeak / n)} B/agent)  ` +
      `init ${fmt(tInit / 1000, 2)} s, run ${fmt(ms / 1000, 1)} s`,
    );
  }
}
