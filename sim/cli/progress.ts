/** Progress on stderr (runs, or other units, done / total, rate, time left), only when stderr is a terminal. */

export interface Progress {
  onProgress?: (done: number, total: number) => void;
  /** Clear the progress line. */
  end(): void;
}

const duration = (s: number) =>
  !Number.isFinite(s) ? '?' : s < 60 ? `${Math.ceil(s)} s` : s < 3600 ? `${Math.floor(s / 60)} min ${Math.round(s % 60)} s` : `${(s / 3600).toFixed(1)} h`;

export function progress(label: string, stream: NodeJS.WriteStream = process.stderr, unit = 'runs'): Progress {
  if (!stream.isTTY) return { end: () => {} };
  const start = Date.now();
  let last = 0;
  let shown = false;
  const onProgress = (done: number, total: number) => {
    const now = Date.now();
    if (done < total && now - last < 100) return;
    last = now;
    const secs = (now - start) / 1000;
    const rate = done / Math.max(secs, 1e-3);
    const left = (total - done) / rate;
    stream.write(`\r\x1b[K${label}: ${done}/${total} ${unit}, ${rate < 10 ? rate.toFixed(2) : rate.toFixed(0)} ${unit}/s, ${done < total ? `about ${duration(left)} left` : `done in ${duration(secs)}`}`);
    shown = true;
  };
  return {
    onProgress,
    end: () => {
      if (shown) stream.write('\r\x1b[K');
    },
  };
}
