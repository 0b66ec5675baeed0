/**
 * A pool of worker threads that runs a list of jobs and hands each result to
 * the caller as it arrives. The worker is the bundle this module is part of
 * (dist/pathways.mjs for the CLI, dist/sweep.mjs for other callers), started
 * again in a worker thread (see worker.ts), which answers each job with the
 * runner its init names: a sweep's runs, or a calibration's candidate runs.
 * Run from the TypeScript sources (tests), the pool builds dist/sweep.mjs and
 * starts that.
 */
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Scenario } from '../scenario.ts';
import { InputError } from '../errors.ts';
import { makeRunner } from './runner.ts';
import type { RunRows, SweepPlan } from './types.ts';
import { WORKER_TAG, type JobInit, type WorkerReply } from './worker.ts';

/** Jobs handed to a worker before it reports back: keeps it busy while the parent writes. */
const IN_FLIGHT = 2;

async function workerUrl(): Promise<URL> {
  const self = new URL(import.meta.url);
  if (!self.pathname.endsWith('.ts')) return self;
  const bundler = new URL('../../scripts/bundle.js', import.meta.url).href;
  const { ensureBundle } = (await import(/* @vite-ignore */ bundler)) as { ensureBundle: (entry: string, out: string) => Promise<string> };
  return pathToFileURL(await ensureBundle('sim/sweep/index.ts', 'dist/sweep.mjs'));
}

/** A pool of workers kept open across batches of jobs (a calibration runs one batch per step of its search). */
export interface JobPool<J, R> {
  /** Run a batch: `onResult(k, result)` for job k of `jobs` as it finishes (in any order). Rejects on the first error; the pool is then closed. */
  run(jobs: readonly J[], onResult: (k: number, result: R) => void): Promise<void>;
  /** Stop the workers. */
  close(): Promise<void>;
}

/**
 * Open a pool of `workers` threads that make their runner from `init`
 * (0: no threads; jobs run in this thread with `inThread()`, the same runner).
 * An InputError or ValidationError in a worker comes back as an InputError
 * with its message.
 */
export async function openPool<J, R>(init: JobInit, workers: number, inThread: () => (job: J) => R): Promise<JobPool<J, R>> {
  if (workers <= 0) {
    let run: ((job: J) => R) | undefined;
    return {
      async run(jobs, onResult) {
        run ??= inThread();
        for (let k = 0; k < jobs.length; k++) {
          onResult(k, run(jobs[k]));
          await new Promise((r) => setImmediate(r));
        }
      },
      async close() {},
    };
  }
  const url = await workerUrl();
  const pool: Worker[] = [];
  let broken: unknown;
  // the batch under way: its handlers, swapped per batch
  let batch: { onMessage: (w: Worker, m: WorkerReply<R>) => void; fail: (err: unknown) => void } | undefined;
  const fail = (err: unknown) => {
    if (broken !== undefined) return;
    broken = err;
    void Promise.all(pool.map((w) => w.terminate()));
    batch?.fail(err);
  };
  const start = () => {
    const w = new Worker(url, { workerData: { tag: WORKER_TAG, init } });
    w.on('message', (m: WorkerReply<R>) => batch?.onMessage(w, m));
    w.on('error', (err) => fail(err));
    w.on('exit', (code) => fail(new Error(`a worker thread stopped unexpectedly (exit code ${code})`)));
    pool.push(w);
  };
  return {
    async run(jobs, onResult) {
      if (broken !== undefined) throw broken;
      if (jobs.length === 0) return;
      while (pool.length < Math.min(workers, jobs.length)) start();
      await new Promise<void>((resolve, reject) => {
        let next = 0;
        let finished = 0;
        const feed = (w: Worker) => {
          if (next < jobs.length) {
            w.postMessage({ k: next, job: jobs[next] });
            next++;
          }
        };
        batch = {
          fail: (err) => {
            batch = undefined;
            reject(err);
          },
          onMessage: (w, m) => {
            if ('error' in m) {
              fail(m.name === 'InputError' || m.name === 'ValidationError' ? new InputError(m.error) : new Error(`job ${m.k}: ${m.error}`));
              return;
            }
            try {
              onResult(m.k, m.result);
            } catch (err) {
              fail(err);
              return;
            }
            if (++finished === jobs.length) {
              batch = undefined;
              resolve();
            } else feed(w);
          },
        };
        // Round robin, so every worker has a job before any has two.
        for (let j = 0; j < IN_FLIGHT; j++) for (const w of pool) feed(w);
      });
    },
    async close() {
      if (broken === undefined) broken = new Error('the pool is closed');
      batch = undefined;
      await Promise.all(pool.map((w) => w.terminate()));
    },
  };
}

/** Run one batch of `jobs` on a pool opened for it (see openPool), then close the pool. */
export async function runJobs<J, R>(
  init: JobInit, jobs: readonly J[], workers: number, inThread: () => (job: J) => R, onResult: (k: number, result: R) => void,
): Promise<void> {
  if (jobs.length === 0) return;
  const pool = await openPool<J, R>(init, Math.min(workers, jobs.length), inThread);
  try {
    await pool.run(jobs, onResult);
  } finally {
    await pool.close();
  }
}

/**
 * Run the sweep runs `ids` on `workers` threads (0: in this thread), calling
 * `onResult` for each run as it finishes (in any order).
 */
export async function runPool(plan: SweepPlan, base: Scenario, ids: number[], workers: number, onResult: (id: number, rows: RunRows) => void): Promise<void> {
  await runJobs<number, RunRows>({ kind: 'sweep', plan, base }, ids, workers, () => makeRunner(plan, base), (k, rows) => onResult(ids[k], rows));
}
