/**
 * What a shipped fit (scenarios/targets/fits/NAME.json, written by
 * `npm run fits`) was made from, so that a stale fit is seen: a hash of the
 * scenario, a hash of the target file, and a hash of the summary of a small
 * probe run of the scenario, which changes whenever the model's numbers do.
 * Browser-safe (a 32-bit FNV-1a hash, not a cryptographic one: it only has
 * to notice change).
 */
import { runReplicate } from '../ensemble.ts';
import { policyNames, type Scenario } from '../scenario.ts';
import type { TargetFile, TargetsResult } from './targets.ts';

/** The version of the shipped-fit file format. */
export const FIT_VERSION = 1;

/** Size of the probe run: small enough for a test, long enough for every phase to run. */
export const PROBE = { agents: 300, weeks: 104 } as const;

export interface FitFingerprint {
  scenario: string;
  targets: string;
  model: string;
}

/** A shipped fit: what `pathways targets --scenario NAME --json` prints, and what it was made from. */
export interface ShippedFit {
  version: typeof FIT_VERSION;
  generatedBy: string;
  fingerprint: FitFingerprint;
  result: TargetsResult;
}

/** FNV-1a over the UTF-16 code units of a text, as 8 hex digits. */
export function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** The fingerprint of a scenario and target file: their hashes and the hash of a probe run's summary (first policy, replicate 0). */
export function fitFingerprint(s: Scenario, file: TargetFile): FitFingerprint {
  const probe = runReplicate(s, policyNames(s)[0], 0, { agents: PROBE.agents, weeks: PROBE.weeks });
  return { scenario: fnv1a(JSON.stringify(s)), targets: fnv1a(JSON.stringify(file)), model: fnv1a(JSON.stringify(probe.summary)) };
}
