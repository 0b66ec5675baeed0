// Build the CLI as one ESM bundle with esbuild, only when it is missing or out of date.
// Under tsx every imported binding costs a getter call; the bundle runs at full speed.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Files and folders whose changes make the bundle stale. */
const WATCHED = ['sim', 'scenarios', 'bench', 'package.json', 'scripts/bundle.js'];

/** Newest modification time (ms) of any file under `path`; 0 when it does not exist. */
function newest(path) {
  let st;
  try {
    st = statSync(path);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const name of readdirSync(path)) max = Math.max(max, newest(join(path, name)));
  return max;
}

function isStale(outfile) {
  let built;
  try {
    built = statSync(outfile).mtimeMs;
  } catch {
    return true;
  }
  return WATCHED.some((p) => newest(join(ROOT, p)) > built);
}

/** Every file under `path`, sorted (for the model fingerprint). */
function files(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return [path];
  return readdirSync(path).sort().flatMap((name) => files(join(path, name)));
}

/**
 * A fingerprint of the model's code and shipped scenarios (sim/ without the
 * CLI, scenarios/): bundles of the same sources share it, so a resumed sweep
 * can tell whether the model changed since it started.
 */
export function modelFingerprint() {
  const hash = createHash('sha256');
  for (const f of [...files(join(ROOT, 'sim')), ...files(join(ROOT, 'scenarios'))]) {
    if (f.includes(`${join('sim', 'cli')}`)) continue;
    hash.update(f.slice(ROOT.length)).update('\0').update(readFileSync(f)).update('\0');
  }
  return 'sha256:' + hash.digest('hex').slice(0, 16);
}

/**
 * Make sure `outfile` is an up-to-date bundle of `entry` (paths relative to the
 * repository root or absolute). The new bundle is written under a temporary
 * name in the same folder and renamed into place, so parallel callers never
 * see a half-written file. When the folder cannot be written (a read-only
 * checkout), the bundle goes to cacheDir() instead. Returns the absolute path
 * of the bundle.
 */
export async function ensureBundle(entry, outfile) {
  const out = resolve(ROOT, outfile);
  if (!isStale(out)) return out;
  // A read-only checkout (after npm ci): build into a cache folder of this checkout instead.
  const cached = join(cacheDir(), basename(out));
  if (!isStale(cached)) return cached;
  const js = await build(entry, out);
  try {
    return commit(out, js);
  } catch (err) {
    if (!UNWRITABLE.has(err && err.code)) throw err;
    return commit(cached, js);
  }
}

/** Errors that mean "this folder cannot be written here". */
const UNWRITABLE = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EEXIST', 'ENOSPC', 'EDQUOT']);

/** The bundle cache of this checkout when its dist/ cannot be written: <tmpdir>/activation-pathways-<hash of the checkout's path>. */
export function cacheDir() {
  return join(tmpdir(), `activation-pathways-${createHash('sha256').update(ROOT).digest('hex').slice(0, 12)}`);
}

/** The bundle's code and when its build started. */
async function build(entry, out) {
  const started = new Date();
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [resolve(ROOT, entry)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    outfile: out,
    logLevel: 'silent',
    define: { __PATHWAYS_MODEL__: JSON.stringify(modelFingerprint()) },
    // seedrandom is CommonJS and calls require(); give the ESM bundle one.
    banner: { js: "import { createRequire as __pathwaysRequire } from 'module'; const require = __pathwaysRequire(import.meta.url);" },
  });
  return { contents: (result.outputFiles.find((f) => f.path === out) ?? result.outputFiles[0]).contents, started };
}

/** Write the bundle under a temporary name and rename it into place. */
function commit(out, { contents, started }) {
  mkdirSync(dirname(out), { recursive: true });
  const tmp = join(dirname(out), `.${basename(out)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  try {
    writeFileSync(tmp, contents);
    // Date the bundle by when the build started: a source saved during the build still counts as newer.
    utimesSync(tmp, started, started);
    renameSync(tmp, out);
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
      // already gone
    }
    throw err;
  }
  return out;
}

// `node scripts/bundle.js` builds the CLI bundle.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = await ensureBundle('sim/cli/main.ts', 'dist/pathways.mjs');
  console.log(`bundle: ${out}`);
}
