export const CHROMIUM_PATHS: string[];
export const CHROMIUM_NAMES: string[];
export const INSTALL_HINT: string;
export function findChromium(opts?: { env?: Record<string, string | undefined>; paths?: string[]; names?: string[]; exists?: (file: string) => boolean }): string | undefined;
export function notFoundMessage(env?: Record<string, string | undefined>): string;
export function installer(opts?: { uid?: number; run?: (cmd: string, args: string[]) => boolean; env?: Record<string, string | undefined> }): '' | 'sudo' | undefined;
export function installChromium(sudo: '' | 'sudo'): void;
export function ensureChromium(opts?: { install?: boolean }): string;
