export const SLURM_PROGRAMS: string[];
export const SLURM_PACKAGES: string[];
export const INSTALL_HINT: string;
export function findSlurm(opts?: { env?: Record<string, string | undefined>; exists?: (file: string) => boolean }): { found: Record<string, string>; missing: string[] };
export function notFoundMessage(missing: string[]): string;
export function installer(opts?: { uid?: number; run?: (cmd: string, args: string[]) => boolean }): '' | 'sudo' | undefined;
export function installSlurm(sudo: '' | 'sudo'): void;
export function ensureSlurm(opts?: { install?: boolean }): Record<string, string>;
