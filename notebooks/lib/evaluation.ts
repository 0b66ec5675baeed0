/**
 * Programme evaluation for notebooks/programme-evaluation.html: the model's
 * own `evaluateProgrammes` (sim/evaluation.ts: the arms, the cohorts, the
 * replicates and the paired contrasts), timed, with a pause after each
 * replicate so the status line repaints, its effects written in
 * percentage points, and its arms, cohorts, contrasts and signs named in the
 * notebook's language (sim/evaluation.ts's English and bokmål; notebooks/lib/lang.ts).
 */
import {
  ARM_LABEL_NB, COHORT_LABEL, COHORT_LABEL_NB, CONTRASTS, EFFECT_SIGN_NB, effectSign, evaluateProgrammes,
  type Arm, type Cohort, type Contrast, type Evaluation, type EvaluationOptions, type Interval,
} from '../../sim/evaluation.ts';
import { withInterval } from './format.ts';
import { lang } from './lang.ts';
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

/** Percentage points with sign and interval: "−5.6 pp [−6.2, −5.0]" ("−5,6 pp [−6,2; −5,0]" in bokmål). */
export function pp(x: Interval, digits = 1): string {
  return withInterval(x, { scale: 100, digits, unit: ' pp' });
}

/** An arm as the notebook names it: "personalised without long services", "tilpasset uten lange tiltak". */
export const armLabel = (arm: Arm): string => (lang === 'nb' ? ARM_LABEL_NB[arm] : arm);

/** A cohort as the notebook names it: "started a long service in year 1". */
export const cohortLabel = (cohort: Cohort): string => (lang === 'nb' ? COHORT_LABEL_NB : COHORT_LABEL)[cohort];

/** A contrast's label: "Long services: with − without them in the catalogue". */
export const contrastLabel = (contrast: Contrast): string => (lang === 'nb' ? CONTRASTS[contrast].labelNb : CONTRASTS[contrast].label);

/** effectSign in words: "negative", "positive" or "no clear effect" ("negativ", "positiv", "ingen tydelig effekt"). */
export function signText(x: Interval): string {
  const sign = effectSign(x);
  return lang === 'nb' ? EFFECT_SIGN_NB[sign] : sign;
}
