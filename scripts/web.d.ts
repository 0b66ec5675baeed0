import type { Browser, Page } from 'playwright-core';
export const NOTEBOOKS_DIR: string;
export function buildSite(outDir?: string): Promise<string>;
export function siteFingerprint(): string;
export function cachedSite(): Promise<string>;
export function serve(dir: string): Promise<{ url: string; requests: string[]; close: () => Promise<void> }>;
export function launch(): Promise<Browser>;
export function startSite(): Promise<{ url: string; requests: string[]; browser: Browser; close: () => Promise<void> }>;
export function watchProblems(page: Page, origin: string): string[];
