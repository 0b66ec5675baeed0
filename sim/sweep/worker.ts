/**
 * The worker side of the pool. Any bundle that contains the sweep engine can
 * be started as a sweep worker: loaded in a worker thread whose workerData
 * carries WORKER_TAG, it answers each run id with the run's rows.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { Scenario } from '../scenario.ts';
import { makeRunner } from './runner.ts';
import type { RunRows, SweepPlan } from './types.ts';

export const WORKER_TAG = 'pathways-sweep-worker/1';

export interface WorkerInit {
  tag: typeof WORKER_TAG;
  plan: SweepPlan;
  base: Scenario;
}

export type WorkerReply = { id: number; rows: RunRows } | { id: number; error: string; name: string };

const init = workerData as WorkerInit | undefined;
if (!isMainThread && parentPort && init?.tag === WORKER_TAG) {
  const port = parentPort;
  const run = makeRunner(init.plan, init.base);
  port.on('message', (id: number) => {
    let reply: WorkerReply;
    try {
      reply = { id, rows: run(id) };
    } catch (err) {
      const e = err as Error;
      reply = { id, error: e?.message ?? String(err), name: e?.name ?? 'Error' };
    }
    port.postMessage(reply);
  });
}
