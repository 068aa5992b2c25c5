/** Command-line parsing for the commands: node:util parseArgs, with mistakes as usage errors. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './io';

export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, allowPositionals: true, options, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}
