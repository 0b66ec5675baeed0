/**
 * The browser tests' shared set-up: for one test file, the site (built once
 * and cached by scripts/web.js) served on 127.0.0.1 with headless Chromium,
 * started before the file's tests and closed after them.
 */
import { afterAll, beforeAll } from 'vitest';
import { startSite } from '../../scripts/web.js';

export type Site = Awaited<ReturnType<typeof startSite>>;

/** The file's site: its fields (url, browser, requests, close) are there once the file's tests start. */
export function useSite(): Site {
  let real: Site | undefined;
  beforeAll(async () => {
    real = await startSite();
  }, 180_000);
  afterAll(async () => {
    await real?.close();
  });
  return new Proxy({} as Site, {
    get: (_, key) => {
      if (!real) throw new Error('the site is not started yet: use it inside a test or a hook');
      return Reflect.get(real, key);
    },
  });
}
