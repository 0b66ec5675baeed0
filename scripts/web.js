/**
 * Build the page and serve it locally, and launch the Chromium that
 * scripts/chromium.js finds: shared by the end-to-end tests and `npm run
 * bench:web`. No other host is contacted; every request the page makes is
 * recorded so tests can check that.
 */
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureChromium } from './chromium.js';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.map': 'application/json',
};

/** Build a static site into `outDir` (default dist/web) with a vite config (default: the page's). */
export async function buildSite(outDir = join(root, 'dist', 'web'), config = 'vite.config.ts') {
  const { build } = await import('vite');
  await build({ configFile: join(root, config), logLevel: 'error', build: { outDir, emptyOutDir: true } });
  return outDir;
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
 * Build a site (a vite config, default the page's) into a temporary folder,
 * serve it and launch Chromium. `close()` undoes all three.
 */
export async function startSite(config = 'vite.config.ts') {
  const dir = mkdtempSync(join(tmpdir(), 'pathways-site-'));
  try {
    await buildSite(dir, config);
    const site = await serve(dir);
    const browser = await launch().catch(async (err) => {
      await site.close();
      throw err;
    });
    const close = async () => {
      await browser.close();
      await site.close();
      rmSync(dir, { recursive: true, force: true });
    };
    return { url: site.url, requests: site.requests, browser, close };
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
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
