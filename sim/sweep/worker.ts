/**
 * The worker side of the pool. Any bundle that contains the sweep engine can
 * be started as a worker: loaded in a worker thread whose workerData carries
 * WORKER_TAG, it makes the runner its init names (a sweep's runs, or a
 * calibration's candidate runs) and answers each job with the runner's result.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { makeCandidateRunner, type CandidateJob, type CandidateSetup } from '../calibrate/candidate.ts';
import type { Scenario } from '../scenario.ts';
import { makeRunner } from './runner.ts';
import type { SweepPlan } from './types.ts';

export const WORKER_TAG = 'pathways-worker/2';

/** What a worker runs: the runs of a sweep (job: a run id), or the candidate runs of a calibration (job: a CandidateJob). */
export type JobInit = { kind: 'sweep'; plan: SweepPlan; base: Scenario } | { kind: 'calibrate'; setup: CandidateSetup };

export type WorkerReply<R> = { k: number; result: R } | { k: number; error: string; name: string };

const data = workerData as { tag: string; init: JobInit } | undefined;
if (!isMainThread && parentPort && data?.tag === WORKER_TAG) {
  const port = parentPort;
  const init = data.init;
  const run = (init.kind === 'sweep' ? makeRunner(init.plan, init.base) : makeCandidateRunner(init.setup)) as (job: number | CandidateJob) => unknown;
  port.on('message', ({ k, job }: { k: number; job: number | CandidateJob }) => {
    let reply: WorkerReply<unknown>;
    try {
      reply = { k, result: run(job) };
    } catch (err) {
      const e = err as Error;
      reply = { k, error: e?.message ?? String(err), name: e?.name ?? 'Error' };
    }
    port.postMessage(reply);
  });
}
