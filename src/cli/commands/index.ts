/** The registry of CLI commands. Each command lives in its own module in this folder. */
import type { CliCommand } from '../io';
import { extractCommand } from './extract';

export const commands: CliCommand[] = [extractCommand];
