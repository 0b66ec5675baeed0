export const ROOT: string;
export function ensureBundle(entry: string, outfile: string): Promise<string>;
export function modelFingerprint(): string;
