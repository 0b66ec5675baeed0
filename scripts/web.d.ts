import type { Browser } from 'playwright-core';
export function buildSite(outDir?: string, config?: string): Promise<string>;
export function serve(dir: string): Promise<{ url: string; requests: string[]; close: () => Promise<void> }>;
export const CHROMIUM: string;
export function launch(): Promise<Browser>;
