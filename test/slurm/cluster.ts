/**
 * A single-node Slurm cluster for the tests, started by hand (no systemd) in
 * a temporary folder: munged as the munge user with a key of its own, then
 * slurmctld -D and slurmd -D from a slurm.conf generated for this host
 * (SlurmctldHost and NodeName the host name, CPUs and RealMemory from
 * `slurmd -C`, proctrack/linuxproc, task/none, free ports, state, spool and
 * logs in the folder). Clients reach it through SLURM_CONF in `env`. `stop`
 * cancels the jobs left and ends the daemons it started, by their PIDs.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { findSlurm } from '../../scripts/slurm.js';

export interface Cluster {
  dir: string;
  conf: string;
  /** The environment for Slurm's clients (sbatch, squeue, ...) and for pathways slurm --submit. */
  env: NodeJS.ProcessEnv;
  /** Run a Slurm client against this cluster. */
  run: (cmd: string, args: string[]) => { status: number | null; stdout: string; stderr: string };
  /** The daemons' logs (for a failing test's message). */
  logs: () => string;
  stop: () => Promise<void>;
}

/** Why the cluster cannot start here, or undefined when it can (root, and Slurm and MUNGE installed). */
export function cannotStart(): string | undefined {
  if (process.platform !== 'linux') return `Slurm test skipped: needs Linux (this is ${process.platform})`;
  if (process.getuid?.() !== 0) return 'Slurm test skipped: needs root (slurmd and munged are started by hand)';
  const { missing } = findSlurm();
  if (missing.length) return `Slurm test skipped: ${missing.join(', ')} not installed (node scripts/slurm.js --install installs Debian's slurm-wlm and munge)`;
  if (spawnSync('id', ['-u', 'munge']).status !== 0) return 'Slurm test skipped: no munge user (Debian\'s munge package makes it)';
  return undefined;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Poll `check` every `every` ms until it returns something other than undefined, or throw after `ms`. */
export async function waitFor<T>(what: string, ms: number, check: () => T | undefined, every = 200): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = check();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out after ${ms / 1000} s waiting for ${what}`);
    await sleep(every);
  }
}

/** Two free TCP ports on this machine. */
async function freePorts(n: number): Promise<number[]> {
  const servers = await Promise.all(Array.from({ length: n }, () => new Promise<ReturnType<typeof createServer>>((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => res(s));
  })));
  const ports = servers.map((s) => (s.address() as { port: number }).port);
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  return ports;
}

const idOf = (flag: string, name: string) => Number(spawnSync('id', [flag, name], { encoding: 'utf8' }).stdout.trim());

/** Start the cluster. `maxArraySize` goes into slurm.conf (array indices up to maxArraySize - 1). */
export async function startCluster({ maxArraySize = 1001 }: { maxArraySize?: number } = {}): Promise<Cluster> {
  const { found } = findSlurm();
  const dir = mkdtempSync(join(tmpdir(), 'pathways-slurm-'));
  chmodSync(dir, 0o755); // munged checks that every folder on the way to its socket is searchable
  const children: { name: string; child: ChildProcess }[] = [];
  const log = (name: string) => join(dir, 'log', `${name}.log`);
  mkdirSync(join(dir, 'log'));
  const start = (name: string, cmd: string, args: string[], opts: { uid?: number; gid?: number } = {}) => {
    const fd = openSync(log(`${name}.out`), 'a');
    const child = spawn(cmd, args, { stdio: ['ignore', fd, fd], env: { ...process.env, SLURM_CONF: join(dir, 'slurm.conf') }, ...opts });
    closeSync(fd);
    children.push({ name, child });
    return child;
  };

  // MUNGE: a key of its own, folders owned by munge (the key's 0700, the socket's searchable by all)
  const uid = idOf('-u', 'munge');
  const gid = idOf('-g', 'munge');
  const m = join(dir, 'munge');
  for (const [sub, mode] of [['', 0o755], ['etc', 0o700], ['run', 0o755], ['lib', 0o700], ['log', 0o700]] as const) {
    mkdirSync(join(m, sub), { recursive: true });
    chmodSync(join(m, sub), mode);
    chownSync(join(m, sub), uid, gid);
  }
  const key = join(m, 'etc', 'munge.key');
  writeFileSync(key, randomBytes(1024), { mode: 0o600 });
  chownSync(key, uid, gid);
  const socket = join(m, 'run', 'munge.socket');
  start('munged', found.munged, ['--foreground', `--key-file=${key}`, `--socket=${socket}`, `--pid-file=${join(m, 'run', 'munged.pid')}`,
    `--log-file=${join(m, 'log', 'munged.log')}`, `--seed-file=${join(m, 'lib', 'munged.seed')}`], { uid, gid });

  const logs = () => ['munged.out', 'slurmctld.out', 'slurmd.out', 'slurmctld', 'slurmd'].map((n) => {
    const p = log(n);
    return existsSync(p) ? `--- ${n}\n${readFileSync(p, 'utf8').split('\n').slice(-30).join('\n')}` : '';
  }).join('\n');
  const env = { ...process.env, SLURM_CONF: join(dir, 'slurm.conf') };
  const run = (cmd: string, args: string[]) => {
    const r = spawnSync(found[cmd] ?? cmd, args, { encoding: 'utf8', env, timeout: 30_000 });
    return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
  };

  const stop = async () => {
    // cancel what is left of the tests' jobs, so that no job step outlives slurmd
    const jobs = run('squeue', ['--noheader', '--format=%A']).stdout.split('\n').filter(Boolean);
    if (jobs.length) {
      run('scancel', jobs);
      await waitFor('the jobs to leave the queue', 30_000, () => (run('squeue', ['--noheader']).stdout.trim() === '' ? true : undefined)).catch(() => undefined);
    }
    for (const { child } of [...children].reverse()) {
      if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) continue;
      const exited = new Promise((r) => child.once('exit', r));
      process.kill(child.pid, 'SIGTERM');
      const done = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
      if (!done && child.exitCode === null) process.kill(child.pid, 'SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    await waitFor('munged to answer', 15_000, () => {
      const r = spawnSync(found.munge, ['--socket', socket, '--no-input'], { encoding: 'utf8' });
      return r.status === 0 ? true : undefined;
    });

    // slurm.conf for this host
    const c = spawnSync(found.slurmd, ['-C'], { encoding: 'utf8' }).stdout;
    const host = /NodeName=(\S+)/.exec(c)?.[1];
    const cpus = /CPUs=(\d+)/.exec(c)?.[1];
    const memory = /RealMemory=(\d+)/.exec(c)?.[1];
    if (!host || !cpus || !memory) throw new Error(`slurmd -C did not give NodeName, CPUs and RealMemory: ${c}`);
    const [ctldPort, dPort] = await freePorts(2);
    for (const sub of ['state', 'spool']) mkdirSync(join(dir, sub));
    writeFileSync(join(dir, 'slurm.conf'), [
      'ClusterName=pathways-test',
      `SlurmctldHost=${host}`,
      `SlurmctldPort=${ctldPort}`,
      `SlurmdPort=${dPort}`,
      'SlurmUser=root',
      'SlurmdUser=root',
      'AuthType=auth/munge',
      'CredType=cred/munge',
      `AuthInfo=socket=${socket}`,
      `StateSaveLocation=${join(dir, 'state')}`,
      `SlurmdSpoolDir=${join(dir, 'spool')}`,
      `SlurmctldPidFile=${join(dir, 'slurmctld.pid')}`,
      `SlurmdPidFile=${join(dir, 'slurmd.pid')}`,
      `SlurmctldLogFile=${log('slurmctld')}`,
      `SlurmdLogFile=${log('slurmd')}`,
      'ProctrackType=proctrack/linuxproc',
      'TaskPlugin=task/none',
      'JobAcctGatherType=jobacct_gather/none',
      'AccountingStorageType=accounting_storage/none',
      'JobCompType=jobcomp/none',
      'MpiDefault=none',
      'SchedulerType=sched/backfill',
      // one CPU a task: tasks share the node
      'SelectType=select/cons_tres',
      'SelectTypeParameters=CR_CPU',
      'ReturnToService=2',
      `MaxArraySize=${maxArraySize}`,
      `NodeName=${host} CPUs=${cpus} RealMemory=${memory} State=UNKNOWN`,
      'PartitionName=test Nodes=ALL Default=YES MaxTime=INFINITE State=UP',
      '',
    ].join('\n'));

    const conf = join(dir, 'slurm.conf');
    start('slurmctld', found.slurmctld, ['-D', '-f', conf]);
    await waitFor('slurmctld to answer', 30_000, () => (run('scontrol', ['ping']).stdout.includes('UP') ? true : undefined), 300);
    start('slurmd', found.slurmd, ['-D', '-f', conf]);
    await waitFor('the node to be idle', 30_000, () => (/^idle/m.test(run('sinfo', ['--noheader', '--format=%T']).stdout) ? true : undefined), 300);
    return { dir, conf, env, run, logs, stop };
  } catch (err) {
    const text = logs();
    await stop();
    throw new Error(`${(err as Error).message}\n${text}`, { cause: err });
  }
}
