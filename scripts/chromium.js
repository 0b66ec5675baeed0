#!/usr/bin/env node
/**
 * Find a Chromium for the browser tests and `npm run bench:web`, the one place
 * that knows where to look: $CHROMIUM_PATH, then the usual install paths, then
 * the PATH. `npm test` runs this file first (`node scripts/chromium.js
 * --install`): where no Chromium is found and the machine can (root or
 * passwordless sudo, and apt-get), it installs Debian's `chromium`; otherwise
 * it stops with one line saying which command installs it.
 *
 *   node scripts/chromium.js            print "chromium: PATH", or exit 1 with the line
 *   node scripts/chromium.js --install  the same, installing Debian's chromium where it can
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where Chromium or Chrome usually lives on Linux and macOS, in the order tried. */
export const CHROMIUM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/** Program names looked for on the PATH, after the usual paths. */
export const CHROMIUM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** The command that installs Debian's Chromium, as the one-line message names it. */
export const INSTALL_HINT = 'sudo apt-get install chromium';

const isExecutable = (file) => {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
};

/**
 * The Chromium to use, or undefined. `env.CHROMIUM_PATH`, when set, is the
 * only place looked at (a wrong path is an error to report, not to paper over).
 * `paths` and `exists` can be replaced in tests.
 */
export function findChromium({ env = process.env, paths = CHROMIUM_PATHS, names = CHROMIUM_NAMES, exists = isExecutable } = {}) {
  if (env.CHROMIUM_PATH) return exists(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : undefined;
  for (const p of paths) if (exists(p)) return p;
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of names) if (exists(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

/** The one line printed when no Chromium is found and none can be installed. */
export function notFoundMessage(env = process.env) {
  return env.CHROMIUM_PATH
    ? `Chromium not found at CHROMIUM_PATH=${env.CHROMIUM_PATH}: fix that path, or unset it and run \`${INSTALL_HINT}\``
    : `Chromium not found (the browser tests need it): run \`${INSTALL_HINT}\` or set CHROMIUM_PATH`;
}

/**
 * How this machine can install Debian packages: '' as root, 'sudo' with
 * passwordless sudo, undefined when it cannot (no apt-get, or a password
 * would be needed). `run(cmd, args)` returns true when the command succeeds;
 * replaced in tests. Shared by scripts/slurm.js.
 */
export function aptInstaller({ uid = process.getuid?.() ?? -1, run = (cmd, args) => spawnSync(cmd, args, { stdio: 'ignore' }).status === 0 } = {}) {
  if (!run('sh', ['-c', 'command -v apt-get'])) return undefined;
  if (uid === 0) return '';
  if (run('sudo', ['-n', 'true'])) return 'sudo';
  return undefined;
}

/** Install Debian `packages` with apt-get (as root or with `sudo`), saying on stderr what and why (`what: not found; installing ...`). Throws when apt-get fails. */
export function aptInstall(packages, sudo, what, why) {
  const pre = sudo ? [sudo] : [];
  const run = (args) => {
    const [cmd, ...rest] = [...pre, ...args];
    execFileSync(cmd, rest, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  };
  console.error(`${what}: not found; installing Debian's ${packages.join(' and ')} with apt-get (${why})`);
  run(['apt-get', 'update', '-qq']);
  run(['apt-get', 'install', '-y', '-qq', ...packages]);
}

/** aptInstaller, except when $CHROMIUM_PATH is set: a path was given, so nothing else is installed behind it. */
export function installer({ env = process.env, ...opts } = {}) {
  if (env.CHROMIUM_PATH) return undefined;
  return aptInstaller(opts);
}

/** Install Debian's chromium with apt-get (as root or with `sudo`). Throws when apt-get fails. */
export const installChromium = (sudo) => aptInstall(['chromium'], sudo, 'chromium', 'the browser tests need it');

/** Find Chromium, installing it where allowed and possible. Resolves to the path; throws with the one line otherwise. */
export function ensureChromium({ install = false } = {}) {
  let found = findChromium();
  if (!found && install) {
    const sudo = installer();
    if (sudo !== undefined) {
      try {
        installChromium(sudo);
      } catch {
        throw new Error(`${notFoundMessage()} (installing it with apt-get failed)`);
      }
      found = findChromium();
    }
  }
  if (!found) throw new Error(notFoundMessage());
  return found;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    console.log('chromium: ' + ensureChromium({ install: process.argv.includes('--install') }));
  } catch (err) {
    console.error(err.message);
    process.exit(1);
  }
}
