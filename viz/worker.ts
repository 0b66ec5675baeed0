/// <reference lib="webworker" />
/**
 * A simulation worker: runs replicates of the same core the CLI runs and posts
 * each result back as it finishes. Protocol (see runner.ts):
 *   in:  { type: 'run', id, scenario (parsed Scenario), jobs: Job[], seed, weeks, agents, historyAgents }
 *   out: { type: 'result', id, job, run } per job; or { type: 'error', id, message }
 */
import { runReplicate, type Knobs, type RunResult, type Scenario } from '../sim/index.ts';

export interface Job { policy: string; replicate: number; knobs: Knobs }
export interface WorkerRequest {
  type: 'run'; id: number; scenario: Scenario; jobs: Job[];
  seed: number; weeks: number; agents: number; historyAgents: number;
}
export type WorkerReply =
  | { type: 'result'; id: number; job: number; run: RunResult }
  | { type: 'error'; id: number; message: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (e: MessageEvent<WorkerRequest>) => {
  const r = e.data;
  try {
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
