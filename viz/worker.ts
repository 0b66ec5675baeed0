/// <reference lib="webworker" />
/**
 * A simulation worker: runs replicates of the same core the CLI runs and posts
 * each result back as it finishes. Protocol (see runner.ts):
 *   in:  { type: 'run', id, scenario (parsed Scenario), jobs: Job[], seed, weeks, agents, historyAgents }
 *        { type: 'arms', id, plan (ArmsPlan, sim/arms.ts), jobs: { arm, replicate }[] }
 *   out: { type: 'result', id, job, run } per job; or { type: 'error', id, message }
 */
import { runArm, runReplicate, type ArmRun, type ArmsPlan, type Knobs, type RunResult, type Scenario } from '../sim/index.ts';

export interface Job { policy: string; replicate: number; knobs: Knobs }
export interface ArmJob { arm: number; replicate: number }
export type WorkerRequest =
  | { type: 'run'; id: number; scenario: Scenario; jobs: Job[]; seed: number; weeks: number; agents: number; historyAgents: number }
  | { type: 'arms'; id: number; plan: ArmsPlan; jobs: ArmJob[] };
export type WorkerReply =
  | { type: 'result'; id: number; job: number; run: RunResult | ArmRun }
  | { type: 'error'; id: number; message: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (e: MessageEvent<WorkerRequest>) => {
  const r = e.data;
  try {
    if (r.type === 'arms') {
      // the CLI's runArm, with the weekly share in work for the chart of the difference over time
      r.jobs.forEach((job, k) => scope.postMessage({ type: 'result', id: r.id, job: k, run: runArm(r.plan, job.arm, job.replicate, { series: true }) } satisfies WorkerReply));
      return;
    }
    r.jobs.forEach((job, k) => {
      const run = runReplicate(r.scenario, job.policy, job.replicate, {
        seed: r.seed, weeks: r.weeks, agents: r.agents, knobs: job.knobs, historyAgents: job.replicate === 0 ? r.historyAgents : 0,
      });
      const transfer: Transferable[] = [run.counts.buffer as ArrayBuffer];
      if (run.detail.history) transfer.push(run.detail.history.states.buffer as ArrayBuffer, run.detail.history.group.buffer as ArrayBuffer);
      scope.postMessage({ type: 'result', id: r.id, job: k, run } satisfies WorkerReply, transfer);
    });
  } catch (err) {
    scope.postMessage({ type: 'error', id: r.id, message: (err as Error).message } satisfies WorkerReply);
  }
};
