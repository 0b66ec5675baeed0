/** Errors of the sweep engine. The CLI turns SweepError into a one-line usage error (exit 2) and SweepIOError into an output error (exit 1). */

/** The sweep asked for is not allowed (bad parameter, range, policy, metric, shard, or a different sweep in the folder). One line. */
export class SweepError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SweepError';
  }
}

/** Files of a sweep could not be read or written (disk full, permissions ...). */
export class SweepIOError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SweepIOError';
  }
}
