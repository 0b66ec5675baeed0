/** `pathways sweep` and `pathways merge`: (being built). */
import { UsageError, type CommandSpec, type Parsed } from './args.ts';

export const SWEEP_SPEC: CommandSpec = { usage: 'pathways sweep ...', summary: 'Not built yet.', options: {}, positional: [] };
export const MERGE_SPEC: CommandSpec = { usage: 'pathways merge ...', summary: 'Not built yet.', options: {}, positional: [] };

export function sweepCommand(_p: Parsed): number | Promise<number> {
  throw new UsageError('sweep: not built yet');
}
export function mergeCommand(_p: Parsed): number | Promise<number> {
  throw new UsageError('merge: not built yet');
}
