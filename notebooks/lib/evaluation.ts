/**
 * Programme evaluation for notebooks/programme-evaluation.html: the model's
 * own `evaluateProgrammes` (sim/evaluation.ts: the arms, the cohorts, the
 * replicates and the paired contrasts), timed, with a pause after each
 * replicate so the status line repaints, and its effects written in
 * percentage points.
 */
import { evaluateProgrammes, type Evaluation, type EvaluationOptions, type Interval } from '../../sim/evaluation.ts';
import { withInterval } from './format.ts';
import { pause } from './ui.ts';

/** `evaluateProgrammes` with the time it took; `onProgress` is told after each replicate, then the page repaints. */
export async function evaluate(opts: EvaluationOptions = {}): Promise<Evaluation & { milliseconds: number }> {
  const t0 = performance.now();
  const e = await evaluateProgrammes({
    ...opts,
    onProgress: async (done, total) => {
      await opts.onProgress?.(done, total);
      await pause();
    },
  });
  return { ...e, milliseconds: performance.now() - t0 };
}

/** Percentage points with sign and interval: "−5.6 pp [−6.2, −5.0]". */
export function pp(x: Interval, digits = 1): string {
  return withInterval(x, { scale: 100, digits, unit: ' pp' });
}
