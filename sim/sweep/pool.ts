/**
 * A pool of worker threads that runs a list of run ids and hands each result
 * to the caller as it arrives. The worker is the bundle this module is part of
 * (dist/pathways.mjs for the CLI, dist/sweep.mjs for other callers), started
 * again in a worker thread (see worker.ts). Run from the TypeScript sources
 * (tests), the pool builds dist/sweep.mjs and starts that.
 */
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Scenario } from '../scenario.ts';
import { InputError } from '../errors.ts';
import { makeRunner } from './runner.ts';
import type { RunRows, SweepPlan } from './types.ts';
import { WORKER_TAG, type WorkerInit, type WorkerReply } from './worker.ts';

/** Run ids handed to a worker before it reports back: keeps it busy while the parent writes. */
const IN_FLIGHT = 2;

async function workerUrl(): Promise<URL> {
  const self = new URL(import.meta.url);
  if (!self.pathname.endsWith('.ts')) return self;
  const bundler = new URL('../../scripts/bundle.js', import.meta.url).href;
  const { ensureBundle } = (await import(/* @vite-ignore */ bundler)) as { ensureBundle: (entry: string, out: string) => Promise<string> };
  return pathToFileURL(await ensureBundle('sim/sweep/index.ts', 'dist/sweep.mjs'));
}

/**
 * Run `ids` on `workers` threads (0: in this thread), calling `onResult` for
 * each run as it finishes (in any order). Rejects on the first error, after
 * stopping every worker.
 */
export async function runPool(plan: SweepPlan, base: Scenario, ids: number[], workers: number, onResult: (id: number, rows: RunRows) => void): Promise<void> {
  if (ids.length === 0) return;
  if (workers <= 0) {
    const run = makeRunner(plan, base);
    for (const id of ids) {
      onResult(id, run(id));
      await new Promise((r) => setImmediate(r));
    }
    return;
  }
  const url = await workerUrl();
  const init: WorkerInit = { tag: WORKER_TAG, plan, base };
  const pool: Worker[] = [];
  let settled = false;
  await new Promise<void>((resolve, reject) => {
    let next = 0;
    let finished = 0;
    const stop = (err?: unknown) => {
      if (settled) return;
      settled = true;
      void Promise.all(pool.map((w) => w.terminate())).finally(() => (err === undefined ? resolve() : reject(err)));
    };
    const feed = (w: Worker) => {
      if (next < ids.length) w.postMessage(ids[next++]);
    };
    for (let k = 0; k < Math.min(workers, ids.length); k++) {
      const w = new Worker(url, { workerData: init });
      pool.push(w);
      w.on('message', (m: WorkerReply) => {
        if (settled) return;
        if ('error' in m) {
          stop(m.name === 'InputError' || m.name === 'ValidationError' ? new InputError(m.error) : new Error(`run ${m.id}: ${m.error}`));
          return;
        }
        try {
          onResult(m.id, m.rows);
        } catch (err) {
          stop(err);
          return;
        }
        if (++finished === ids.length) stop();
        else feed(w);
      });
      w.on('error', (err) => stop(err));
      w.on('exit', (code) => stop(new Error(`a sweep worker stopped unexpectedly (exit code ${code})`)));
    }
    // Round robin, so every worker has a run before any has two.
    for (let j = 0; j < IN_FLIGHT; j++) for (const w of pool) feed(w);
  });
}
