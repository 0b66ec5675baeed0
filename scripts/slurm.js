#!/usr/bin/env node
/**
 * Find Slurm and MUNGE for the cluster test (test/slurm/), the one place that
 * knows which programs it needs and where Debian puts them. `.ci/run` runs
 * `node scripts/slurm.js --install` first: where a program is missing and the
 * machine can (root or passwordless sudo, and apt-get), it installs Debian's
 * `slurm-wlm` and `munge`; otherwise it says which command does. Quiet when
 * everything is there.
 *
 *   node scripts/slurm.js            print where each program is, or exit 1 with the line
 *   node scripts/slurm.js --install  the same, silent, installing Debian's slurm-wlm and munge where it can
 */
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { aptInstall, aptInstaller } from './chromium.js';

/** The programs the cluster test starts or calls. */
export const SLURM_PROGRAMS = ['munged', 'munge', 'slurmctld', 'slurmd', 'sbatch', 'squeue', 'scontrol', 'scancel', 'sinfo'];

/** Debian's packages that bring them. */
export const SLURM_PACKAGES = ['slurm-wlm', 'munge'];

/** The command that installs them, as the one-line message names it. */
export const INSTALL_HINT = `sudo apt-get install ${SLURM_PACKAGES.join(' ')}`;

/** Folders looked in besides the PATH (the daemons are in sbin, often not on a user's PATH). */
const SBIN = ['/usr/sbin', '/usr/bin', '/usr/local/sbin', '/usr/local/bin', '/sbin', '/bin'];

const isExecutable = (file) => {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
};

/** Where each program is: { found: { name: path }, missing: [names] }. `exists` can be replaced in tests. */
export function findSlurm({ env = process.env, exists = isExecutable } = {}) {
  const dirs = [...(env.PATH ?? '').split(delimiter).filter(Boolean), ...SBIN];
  const found = {};
  const missing = [];
  for (const name of SLURM_PROGRAMS) {
    const dir = dirs.find((d) => exists(join(d, name)));
    if (dir === undefined) missing.push(name);
    else found[name] = join(dir, name);
  }
  return { found, missing };
}

/** The one line printed when programs are missing and cannot be installed. */
export const notFoundMessage = (missing) => `Slurm not found (${missing.join(', ')} missing; the cluster test needs them): run \`${INSTALL_HINT}\``;

/** How this machine can install Debian packages (scripts/chromium.js). */
export const installer = aptInstaller;

/** Install Debian's slurm-wlm and munge with apt-get. Throws when apt-get fails. */
export const installSlurm = (sudo) => aptInstall(SLURM_PACKAGES, sudo, 'slurm', 'the cluster test needs them');

/** Find the programs, installing the packages where allowed and possible. Returns the paths; throws with the one line otherwise. */
export function ensureSlurm({ install = false } = {}) {
  let r = findSlurm();
  if (r.missing.length && install) {
    const sudo = installer();
    if (sudo !== undefined) {
      try {
        installSlurm(sudo);
      } catch {
        throw new Error(`${notFoundMessage(r.missing)} (installing them with apt-get failed)`);
      }
      r = findSlurm();
    }
  }
  if (r.missing.length) throw new Error(notFoundMessage(r.missing));
  return r.found;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const install = process.argv.includes('--install');
  try {
    const found = ensureSlurm({ install });
    if (!install) for (const [name, path] of Object.entries(found)) console.log(`${name}: ${path}`);
  } catch (err) {
    console.error(err.message);
    process.exit(1);
  }
}
