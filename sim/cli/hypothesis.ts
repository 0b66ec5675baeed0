/** `pathways hypothesis`: (being built). */
import { UsageError, type CommandSpec, type Parsed } from './args.ts';

export const HYPOTHESIS_SPEC: CommandSpec = {
  usage: 'pathways hypothesis ...',
  summary: 'Not built yet.',
  options: {},
  positional: [],
};

export function hypothesisCommand(_p: Parsed): number | Promise<number> {
  throw new UsageError('hypothesis: not built yet');
}
