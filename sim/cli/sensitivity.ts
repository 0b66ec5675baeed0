/** `pathways sensitivity`: (being built). */
import { UsageError, type CommandSpec, type Parsed } from './args.ts';

export const SENSITIVITY_SPEC: CommandSpec = {
  usage: 'pathways sensitivity ...',
  summary: 'Not built yet.',
  options: {},
  positional: [],
};

export function sensitivityCommand(_p: Parsed): number | Promise<number> {
  throw new UsageError('sensitivity: not built yet');
}
