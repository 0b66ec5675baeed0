/**
 * Runs a comparison in a pool of Web Workers, one replicate-policy pair at a
 * time per worker, so the page never freezes and two cores halve the wait.
 * The results are the CLI's: each run is a pure function of (scenario,
 * policy knobs, seed, replicate), whichever worker ran it.
 */
import { armJobs, type ArmRun, type ArmsPlan, type Knobs, type RunResult, type Scenario } from '../sim/index.ts';
import type { ArmJob, Job, WorkerReply, WorkerRequest } from './worker.ts';

export interface RunPlan {
  scenario: Scenario;
  /** Policy keys (A, B) and their knobs. */
  policies: [string, string];
  knobs: [Knobs, Knobs];
  seed: number;
  replications: number;
  weeks: number;
  agents: number;
  /** Weekly states kept for the animation (replicate 0): the first N agents. */
  historyAgents: number;
}

export class Cancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'Cancelled';
  }
}

const MAX_WORKERS = 4;

export class Runner {
  private workers: Worker[] = [];
  private nextId = 1;
  private active: { cancel: () => void } | undefined;

  /** How many workers run at once. */
  get poolSize(): number {
    return this.size;
  }

  constructor(private readonly size = Math.max(1, Math.min(MAX_WORKERS, globalThis.navigator?.hardwareConcurrency || 2))) {}

  private pool(): Worker[] {
    while (this.workers.length < this.size) {
      this.workers.push(new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: `pathways-${this.workers.length + 1}` }));
    }
    return this.workers;
  }

  /** Stop the running comparison (its promise rejects with Cancelled); the workers are replaced. */
  cancel(): void {
    this.active?.cancel();
  }

  /** Run every (replicate, policy) of the plan; `onProgress(done, total)` after each run. Runs come back in (replicate, policy) order. */
  run(plan: RunPlan, onProgress?: (done: number, total: number) => void): Promise<RunResult[]> {
    const jobs: Job[] = [];
    for (let r = 0; r < plan.replications; r++) plan.policies.forEach((policy, k) => jobs.push({ policy, replicate: r, knobs: plan.knobs[k] }));
    const { scenario, seed, weeks, agents, historyAgents } = plan;
    return this.dispatch<Job, RunResult>(jobs, (id, mine) => ({ type: 'run', id, scenario, jobs: mine, seed, weeks, agents, historyAgents }), onProgress);
  }

  /** Run every (arm, replicate) of a comparison of arms (armJobs order, the CLI's); the runs come back in that order, with the weekly share in work. */
  runArms(plan: ArmsPlan, onProgress?: (done: number, total: number) => void): Promise<ArmRun[]> {
    return this.dispatch<ArmJob, ArmRun>(armJobs(plan), (id, mine) => ({ type: 'arms', id, plan, jobs: mine }), onProgress);
  }

  /** Deal `jobs` out to the workers (worker k takes jobs k, k + W, ...), each request made by `request`; results in job order. */
  private dispatch<J, R>(jobs: J[], request: (id: number, mine: J[]) => WorkerRequest, onProgress?: (done: number, total: number) => void): Promise<R[]> {
    this.cancel();
    const workers = this.pool().slice(0, Math.min(this.size, jobs.length));
    const id = this.nextId++;
    const results: R[] = new Array(jobs.length);
    let done = 0;
    return new Promise<R[]>((resolve, reject) => {
      let finished = false;
      const end = (err?: Error) => {
        if (finished) return;
        finished = true;
        this.active = undefined;
        for (const w of workers) w.onmessage = w.onerror = null;
        if (err) reject(err);
        else resolve(results);
      };
      // cancelling or failing stops every worker (they may be mid-run); the next run starts fresh ones
      const stop = (err: Error) => {
        for (const w of this.workers) w.terminate();
        this.workers = [];
        end(err);
      };
      this.active = { cancel: () => stop(new Cancelled()) };
      if (jobs.length === 0) return end();
      // deal the jobs out in turn: worker k takes jobs k, k + W, k + 2W, ... (each about the same size)
      workers.forEach((w, k) => {
        const mine = jobs.map((_, j) => j).filter((j) => j % workers.length === k);
        w.onmessage = (e: MessageEvent<WorkerReply>) => {
          const m = e.data;
          if (m.id !== id) return;
          if (m.type === 'error') return stop(new Error(m.message));
          if (m.type === 'result') {
            results[mine[m.job]] = m.run as R;
            done++;
            onProgress?.(done, jobs.length);
            if (done === jobs.length) end();
          }
        };
        w.onerror = (e) => stop(new Error(e.message || 'the simulation worker failed'));
        w.postMessage(request(id, mine.map((j) => jobs[j])));
      });
    });
  }
}
