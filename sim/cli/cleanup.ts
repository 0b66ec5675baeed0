/**
 * Interrupts of the CLI (SIGINT, SIGTERM, SIGHUP): run the registered hooks
 * (a one-line note such as "sweep interrupted ..."), then exit with 128 + the
 * signal's number. Temporary files and folder locks go with the process: their
 * 'exit' listeners (sim/sweep/files.ts) remove them. Writes are synchronous,
 * so a signal never lands in the middle of one: whatever finished is kept.
 */
import { constants } from 'node:os';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
type Signal = (typeof SIGNALS)[number];

const hooks = new Set<(signal: Signal) => void>();
let installed = false;

/** Run `hook` when the CLI is interrupted (before it exits); returns the function that removes it. */
export function onInterrupt(hook: (signal: Signal) => void): () => void {
  hooks.add(hook);
  return () => hooks.delete(hook);
}

/** Exit cleanly on SIGINT, SIGTERM and SIGHUP (the CLI's entry point calls this once). */
export function installInterruptHandlers(): void {
  if (installed) return;
  installed = true;
  for (const signal of SIGNALS) {
    process.on(signal, () => {
      for (const hook of hooks) {
        try {
          hook(signal);
        } catch {
          // an interrupt note must not stop the exit
        }
      }
      process.exit(128 + constants.signals[signal]);
    });
  }
}
