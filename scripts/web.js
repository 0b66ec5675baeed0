/**
 * Build the site (the page and the notebooks) and serve it locally, and launch
 * the Chromium that scripts/chromium.js finds: shared by the end-to-end tests
 * and `npm run bench:web`. No other host is contacted; every request the page
 * makes is recorded so tests can check that.
 */
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, normalize, relative, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { cacheDir } from './bundle.js';
import { ensureChromium } from './chromium.js';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.map': 'application/json',
  '.woff2': 'font/woff2', '.woff': 'font/woff',
};

/** Where the notebooks are in the site, relative to the page (viz/site-links.ts links them). */
export const NOTEBOOKS_DIR = 'notebooks';

/**
 * Build the one static site into `outDir` (default dist/web), as `npm run build`
 * does: the page (vite.config.ts) at its root and the notebooks
 * (notebooks/vite.config.ts) in its folder notebooks/.
 */
export async function buildSite(outDir = join(root, 'dist', 'web')) {
  const { build } = await import('vite');
  await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'error', build: { outDir, emptyOutDir: true } });
  await build({ configFile: join(root, 'notebooks', 'vite.config.ts'), logLevel: 'error', build: { outDir: join(outDir, NOTEBOOKS_DIR), emptyOutDir: true } });
  return outDir;
}

/** What the site is built from: a change to any file under these makes a new build. */
const SITE_INPUTS = ['viz', 'sim', 'notebooks', 'scenarios', 'schemas', 'vite.config.ts', 'tsconfig.json', 'package.json', 'package-lock.json', 'scripts/web.js'];

/** Every file under `path` (none when it does not exist), sorted; dot files and documents (.md) left out. */
function files(path) {
  let st;
  try {
    st = statSync(path);
  } catch {
    return [];
  }
  if (!st.isDirectory()) return [path];
  return readdirSync(path).filter((n) => !n.startsWith('.') && !n.endsWith('.md')).sort().flatMap((n) => files(join(path, n)));
}

/** A fingerprint of the site's sources (SITE_INPUTS, by content). */
export function siteFingerprint() {
  const hash = createHash('sha256');
  for (const f of SITE_INPUTS.flatMap((p) => files(join(root, p)))) hash.update(relative(root, f)).update('\0').update(readFileSync(f)).update('\0');
  return hash.digest('hex').slice(0, 16);
}

/** Whether process `pid` is running (on this machine). */
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

/**
 * The built site for the current sources, built at most once: in
 * <cacheDir()>/site-<fingerprint>, shared by every test file and run until a
 * source changes. A process that finds another building it (a lock folder
 * holding the builder's pid) waits for that build instead of starting its own;
 * the build goes to a temporary folder renamed into place, so nobody serves
 * half a site. Older builds of this checkout are removed after a new one.
 */
export async function cachedSite() {
  const cache = cacheDir();
  const name = `site-${siteFingerprint()}`;
  const dir = join(cache, name);
  const lock = `${dir}.lock`;
  mkdirSync(cache, { recursive: true });
  for (;;) {
    if (existsSync(dir)) return dir;
    try {
      mkdirSync(lock);
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      // a lock left by a process that is gone, or by one that never wrote its pid; else wait for the build
      const holder = lockHolder(lock);
      if (holder > 0 ? !alive(holder) : ageMs(lock) > 30_000) rmSync(lock, { recursive: true, force: true });
      else await sleep(250);
      continue;
    }
    const tmp = `${dir}.${process.pid}.tmp`;
    try {
      writePid(lock);
      await buildSite(tmp);
      renameSync(tmp, dir);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
      rmSync(lock, { recursive: true, force: true });
    }
    prune(cache, name);
    return dir;
  }
}

/** The pid in a lock folder; 0 when it has none (yet). */
function lockHolder(lock) {
  try {
    return Number(readFileSync(join(lock, 'pid'), 'utf8')) || 0;
  } catch {
    return 0;
  }
}

/** How long ago `path` was last changed; 0 when it is gone. */
function ageMs(path) {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

/** Write this process's pid into the lock folder, whole or not at all. */
function writePid(lock) {
  const f = join(lock, 'pid');
  const tmp = `${f}.tmp`;
  writeFileSync(tmp, String(process.pid));
  renameSync(tmp, f);
}

/**
 * Remove the other builds in this checkout's cache that are over an hour old
 * (a test may still be serving a recent one), and the temporary folders of
 * builds whose process is gone.
 */
function prune(cache, keep) {
  for (const n of readdirSync(cache)) {
    const d = join(cache, n);
    const tmp = /^site-[0-9a-f]{16}\.(\d+)\.tmp$/.exec(n);
    if (tmp && !alive(Number(tmp[1]))) rmSync(d, { recursive: true, force: true });
    else if (/^site-[0-9a-f]{16}$/.test(n) && n !== keep && ageMs(d) > 3_600_000) rmSync(d, { recursive: true, force: true });
  }
}

/** Serve `dir` on 127.0.0.1 (a free port). Resolves to { url, requests, close }. */
export function serve(dir) {
  const requests = [];
  const server = createServer((req, res) => {
    requests.push(req.url);
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(dir, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    ok({ url: `http://127.0.0.1:${port}/`, requests, close: () => new Promise((done) => server.close(done)) });
  }));
}

/** Launch headless Chromium (found by scripts/chromium.js), or explain in one line how to get it. */
export async function launch() {
  const executablePath = ensureChromium();
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/**
 * Serve the site (the page at the root, the notebooks under notebooks/; built
 * once by cachedSite) and launch Chromium. `close()` undoes both.
 */
export async function startSite() {
  const site = await serve(await cachedSite());
  const browser = await launch().catch(async (err) => {
    await site.close();
    throw err;
  });
  const close = async () => {
    await browser.close();
    await site.close();
  };
  return { url: site.url, requests: site.requests, browser, close };
}

/**
 * Record what must not happen on a page: console errors, page errors, failed
 * or 4xx/5xx requests, and requests to any host but `origin`. Returns the
 * list, filled as the page runs.
 */
export function watchProblems(page, origin) {
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) problems.push(`other host: ${url}`);
  });
  return problems;
}
