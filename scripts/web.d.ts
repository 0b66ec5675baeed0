import type { Browser, Page } from 'playwright-core';
export function buildSite(outDir?: string, config?: string): Promise<string>;
export function serve(dir: string): Promise<{ url: string; requests: string[]; close: () => Promise<void> }>;
export function launch(): Promise<Browser>;
export function startSite(config?: string): Promise<{ url: string; requests: string[]; browser: Browser; close: () => Promise<void> }>;
export function watchProblems(page: Page, origin: string): string[];
